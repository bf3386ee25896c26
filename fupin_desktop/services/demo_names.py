"""People of the demo: Chinese names, valid and unique ID numbers, phones, bank accounts.

Everything draws from the caller's ``random.Random`` so the demo is deterministic for a seed.
"""

import datetime as dt
import random
from itertools import accumulate

from fupin_desktop.domain.idnumber import make_id_number

# Common surnames with rough national frequencies (per mille); the tail is shared evenly.
_SURNAMES = (
    "王71 李70 张67 刘54 陈45 杨31 黄22 赵20 吴19 周19 徐14 孙13 马12 朱12 胡11 郭11 何10 高9 林9 罗9 "
    "郑8 梁8 谢7 宋6 唐6 许6 韩6 冯6 邓6 曹5 彭5 曾5 肖5 田5 董5 袁4 潘4 于4 蒋4 蔡4 余4 杜4 叶4 程3 "
    "苏3 魏3 吕3 丁3 任3 沈3 姚3 卢3 姜3 崔3 钟3 谭3 陆2 汪2 范2 金2 石2 廖2 贾2 夏2 韦2 付2 方2 白2 "
    "邹2 孟2 熊2 秦2 邱2 江2 尹2 薛2 闫2 段2 雷2 侯2 龙2 史2 陶2 黎2 贺2 顾2 毛2 郝2 龚2 邵2 万2 "
    "钱2 严2 武2 戴2 莫1 孔1 向1 汤1 蒲1 褚1 欧阳1 司马1 诸葛1"
)
SURNAMES: tuple[str, ...] = tuple(item.rstrip("0123456789") for item in _SURNAMES.split())
_SURNAME_CUM = tuple(accumulate(int(item[len(s):]) for item, s in zip(_SURNAMES.split(), SURNAMES, strict=True)))

# Given-name characters by the decade people were born in (older, middle, younger generation).
_MALE = (
    "德福贵发有全生才财明国建华忠林山海荣金春永树根成洪庆文志世学富顺安清汉兴宝万",
    "伟强军勇平斌刚涛杰波辉亮磊鹏峰超明东文海建红卫兵华林俊龙飞宁新江",
    "浩宇轩博睿子晨旭泽锦航然豪阳鑫俊杰涛辰逸皓诚铭凯哲",
)
_FEMALE = (
    "秀英兰桂芳凤珍莲玉翠梅花菊香娥琴云霞素淑金",
    "丽娟敏静艳红燕霞玲萍芳华琴莉梅丹慧晶颖倩",
    "欣怡涵萱雨佳悦诗琪婷雪梦思可馨瑶彤妍蕊",
)
# Rare characters (生僻字), most outside GB2312: names must survive entry, search, print and export.
RARE_MALE = "堃犇燊垚喆昇䶮"
RARE_FEMALE = "㛃珺玥姮嫚婧"
_RARE_SHARE = 0.012

_PHONE_PREFIXES = ("133", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158", "159",
                   "180", "181", "182", "183", "186", "187", "188", "189", "191", "199")
BANKS = (("汉中农村商业银行", "621392"), ("中国邮政储蓄银行", "621799"), ("中国农业银行", "622848"),
         ("中国建设银行", "621700"))

class NameMaker:
    """Chinese names; each village favours a few surnames, as real villages do."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.local: tuple[str, ...] = ()

    def start_village(self) -> None:
        pool = SURNAMES[:30]
        self.local = tuple(self.rng.sample(pool, 4))

    def surname(self, local: bool = True) -> str:
        rng = self.rng
        if local and self.local and rng.random() < 0.45:
            return self.local[int(rng.random() * len(self.local))]
        return rng.choices(SURNAMES, cum_weights=_SURNAME_CUM)[0]

    def given(self, male: bool, birth_year: int) -> str:
        rng = self.rng
        era = 0 if birth_year < 1965 else 1 if birth_year < 1990 else 2
        pool = (_MALE if male else _FEMALE)[era]
        single = rng.random() < (0.25, 0.4, 0.3)[era]
        chars = [pool[int(rng.random() * len(pool))]]
        if not single:
            second = pool[int(rng.random() * len(pool))]
            while second == chars[0]:
                second = pool[int(rng.random() * len(pool))]
            chars.append(second)
        if rng.random() < _RARE_SHARE:
            rare = RARE_MALE if male else RARE_FEMALE
            chars[-1] = rare[int(rng.random() * len(rare))]
        return "".join(chars)

    def full(self, surname: str, male: bool, birth_year: int) -> str:
        return surname + self.given(male, birth_year)


class IdNumbers:
    """Valid GB 11643 numbers, never the same twice in one run."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def make(self, region: str, birth: dt.date, male: bool) -> str:
        rng = self.rng
        while True:
            sequence = int(rng.random() * 500) * 2 + (1 if male else 0)
            number = make_id_number(region, birth, sequence)
            if number not in self.used:
                self.used.add(number)
                return number


def phone(rng: random.Random) -> str:
    return _PHONE_PREFIXES[int(rng.random() * len(_PHONE_PREFIXES))] + f"{int(rng.random() * 1e8):08d}"


def bank_account(rng: random.Random) -> tuple[str, str]:
    bank, prefix = BANKS[int(rng.random() * len(BANKS))]
    return bank, prefix + f"{int(rng.random() * 1e13):013d}"
