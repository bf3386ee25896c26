"""Code tables of DOMAIN.md §2: national codes and their Chinese labels, plus the program's own tables.

Every table is a :class:`CodeTable` module constant. Records store the code (always a string, leading zeros
kept); screens and printed forms show the label. ``matches`` and ``parse`` let a person type a code, a
label, part of a label or the label's pinyin initials ("yb" → 因病).
"""

import itertools
import unicodedata
from dataclasses import dataclass
from functools import cached_property

_MAX_INITIAL_VARIANTS = 32  # heteronym combinations kept per label (多重 → dz and dc)


def _fold(text: str) -> str:
    """Comparable form: NFKC (full-width brackets and digits → ASCII), no surrounding spaces, lower case."""
    return unicodedata.normalize("NFKC", text).strip().lower()


def _same_code(a: str, b: str) -> bool:
    """Codes are equal when identical up to case, or both numeric with one value ("1" and "01")."""
    a, b = _fold(a), _fold(b)
    if a == b:
        return True
    return a.isdigit() and b.isdigit() and a.isascii() and b.isascii() and int(a) == int(b)


def _initial_variants(label: str) -> tuple[str, ...]:
    """Pinyin initials of a label, one string per heteronym reading, letters and digits only."""
    from pypinyin import Style, pinyin  # imported on first search: loading its dictionaries takes ~0.3 s

    parts = []
    for options in pinyin(label, style=Style.FIRST_LETTER, heteronym=True):
        cleaned = sorted({"".join(ch for ch in _fold(option) if ch.isalnum()) for option in options})
        parts.append(cleaned or [""])
    variants = []
    for combination in itertools.islice(itertools.product(*parts), _MAX_INITIAL_VARIANTS):
        variants.append("".join(combination))
    return tuple(dict.fromkeys(variants))


def _full_pinyin(label: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(ch for ch in _fold("".join(lazy_pinyin(label))) if ch.isalnum())


@dataclass(frozen=True)
class CodeTable:
    """One code table: an ordered tuple of (code, label)."""

    name: str
    title: str
    items: tuple[tuple[str, str], ...]

    def __post_init__(self) -> None:
        codes = [code for code, _ in self.items]
        if len(set(codes)) != len(codes):
            raise ValueError(f"code table {self.name} repeats a code")

    @cached_property
    def _labels(self) -> dict[str, str]:
        return dict(self.items)

    @cached_property
    def _search_keys(self) -> tuple[tuple[str, str, str, tuple[str, ...]], ...]:
        """(code, folded label, full pinyin, initials readings) per item, computed once per table."""
        return tuple(
            (code, _fold(label), _full_pinyin(label), _initial_variants(label)) for code, label in self.items
        )

    def label(self, code: str | None, default: str = "") -> str:
        """The label of ``code``; ``default`` for None, empty or unknown codes."""
        if code is None:
            return default
        code = str(code).strip()
        found = self._labels.get(code)
        if found is not None:
            return found
        for known, label in self.items:
            if _same_code(known, code):
                return label
        return default

    def codes(self) -> tuple[str, ...]:
        return tuple(code for code, _ in self.items)

    def labels(self) -> tuple[str, ...]:
        return tuple(label for _, label in self.items)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._labels

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def matches(self, text: str) -> list[str]:
        """Codes that fit what a person typed, best first.

        A code fits when its code equals ``text`` (numerically: "1" finds "01"), its label equals or
        contains ``text``, its full pinyin or one of its pinyin-initials readings starts with ``text``
        (case-insensitive). Exact code and label matches come first, then the others in table order.
        Empty text fits every code.
        """
        wanted = _fold(text or "")
        if not wanted:
            return list(self.codes())
        exact: list[str] = []
        partial: list[str] = []
        for code, folded_label, full, initials in self._search_keys:
            if _same_code(code, wanted) or folded_label == wanted:
                exact.append(code)
            elif (
                wanted in folded_label
                or any(variant.startswith(wanted) for variant in initials)
                or (len(wanted) > 1 and full.startswith(wanted))
            ):
                partial.append(code)
        return exact + partial

    def parse(self, text: str | None) -> str | None:
        """The one code meant by ``text`` (exact code, exact label, or a unique partial match), else None."""
        if text is None:
            return None
        wanted = _fold(str(text))
        if not wanted:
            return None
        for code in self.codes():  # exact answers need no pinyin
            if _same_code(code, wanted):
                return code
        for code, label in self.items:
            if _fold(label) == wanted:
                return code
        found = self.matches(wanted)
        return found[0] if len(found) == 1 else None


def _table(name: str, title: str, items: str) -> CodeTable:
    """Build a table from "code label · code label · …" text (labels contain no spaces)."""
    pairs = []
    for chunk in items.split("·"):
        code, label = chunk.split()
        pairs.append((code, label))
    return CodeTable(name, title, tuple(pairs))


# --- household (贫困户登记表, DOMAIN.md §2.2) -----------------------------------------------------------

RECOGNITION_STANDARD = _table("recognition_standard", "识别标准", "1 国家标准 · 2 省定标准 · 3 市定标准")
HOUSEHOLD_ATTRIBUTE_2014 = _table(
    "household_attribute_2014", "贫困户属性（2014年）", "1 一般贫困户 · 2 低保户 · 3 五保户 · 4 低保贫困户"
)
HOUSEHOLD_ATTRIBUTE = _table(
    "household_attribute", "贫困户属性", "1 一般贫困户 · 2 低保贫困户 · 3 特困供养贫困户"
)
POVERTY_CAUSE = _table(
    "poverty_cause",
    "致贫原因",
    "1 因病 · 2 因残 · 3 因学 · 4 因灾 · 5 缺土地 · 6 缺水 · 7 缺技术 · 8 缺劳力 · 9 缺资金 · "
    "10 交通条件落后 · 11 自身发展动力不足 · 12 因婚 · 13 因丧 · 99 其他",
)
EXIT_STATUS = _table(
    "exit_status", "脱贫状态", "0 未脱贫 · 1 已脱贫(享受政策) · 3 返贫 · 4 已脱贫(不再享受政策)"
)
ROAD_TYPE = _table("road_type", "入户路类型", "01 泥土路 · 02 砂石路 · 03 水泥路 · 04 沥青路")
HOUSE_RATING = _table("house_rating", "危房等级", "A A级 · B B级 · C C级 · D D级")
FUEL = _table("fuel", "主要燃料类型", "01 柴草 · 02 干畜粪 · 03 煤炭 · 04 清洁能源 · 05 其他")
RELOCATION_MODE = _table("relocation_mode", "搬迁方式", "01 行政区整体 · 02 自然村整体 · 03 个别搬迁")
RELOCATION_SETTLEMENT = _table("relocation_settlement", "安置方式", "1 集中 · 2 分散")
RELOCATION_PLACE = _table("relocation_place", "安置地", "1 县城 · 2 乡镇 · 3 县外 · 4 村外 · 5 村内")
HELPER_AFFILIATION = _table(
    "helper_affiliation",
    "帮扶责任人隶属关系",
    "01 中央 · 02 省 · 03 市 · 04 县 · 05 乡镇 · 06 部队 · 07 其他",
)

# --- member (家庭成员, DOMAIN.md §2.3) -------------------------------------------------------------------

RELATION = _table(
    "relation",
    "与户主关系",
    "01 户主 · 02 配偶 · 03 之子 · 04 之女 · 05 之儿媳 · 06 之女婿 · 07 之孙子 · 08 之孙女 · 09 之外孙子 · "
    "10 之外孙女 · 11 之父 · 12 之母 · 13 之岳父 · 14 之岳母 · 15 之公公 · 16 之婆婆 · 17 之祖父 · 18 之祖母 · "
    "19 之外祖父 · 20 之外祖母 · 99 其他",
)
SEX = _table("sex", "性别", "1 男 · 2 女")  # GB/T 2261.1
ETHNICITY = _table(  # GB 3304, in the standard's order
    "ethnicity",
    "民族",
    "01 汉族 · 02 蒙古族 · 03 回族 · 04 藏族 · 05 维吾尔族 · 06 苗族 · 07 彝族 · 08 壮族 · 09 布依族 · "
    "10 朝鲜族 · 11 满族 · 12 侗族 · 13 瑶族 · 14 白族 · 15 土家族 · 16 哈尼族 · 17 哈萨克族 · 18 傣族 · "
    "19 黎族 · 20 傈僳族 · 21 佤族 · 22 畲族 · 23 高山族 · 24 拉祜族 · 25 水族 · 26 东乡族 · 27 纳西族 · "
    "28 景颇族 · 29 柯尔克孜族 · 30 土族 · 31 达斡尔族 · 32 仫佬族 · 33 羌族 · 34 布朗族 · 35 撒拉族 · "
    "36 毛南族 · 37 仡佬族 · 38 锡伯族 · 39 阿昌族 · 40 普米族 · 41 塔吉克族 · 42 怒族 · 43 乌孜别克族 · "
    "44 俄罗斯族 · 45 鄂温克族 · 46 德昂族 · 47 保安族 · 48 裕固族 · 49 京族 · 50 塔塔尔族 · 51 独龙族 · "
    "52 鄂伦春族 · 53 赫哲族 · 54 门巴族 · 55 珞巴族 · 56 基诺族 · 97 其他",
)
POLITICAL = _table(  # GB/T 4762
    "political",
    "政治面貌",
    "01 中共党员 · 02 中共预备党员 · 03 共青团员 · 04 民革党员 · 05 民盟盟员 · 06 民建会员 · 07 民进会员 · "
    "08 农工党党员 · 09 致公党党员 · 10 九三学社社员 · 11 台盟盟员 · 12 无党派人士 · 13 群众",
)
EDUCATION = _table(
    "education",
    "文化程度",
    "01 文盲或半文盲 · 02 小学 · 03 初中 · 04 高中 · 05 大专及以上 · 06 学龄前儿童",
)
SCHOOLING = _table(
    "schooling",
    "在校生状况",
    "01 非在校生 · 02 学前教育 · 03 小学 · 04 七年级 · 05 八年级 · 06 九年级 · 07 高中一年级 · 08 高中二年级 · "
    "09 高中三年级 · 10 中职一年级 · 11 中职二年级 · 12 中职三年级 · 13 高职一年级 · 14 高职二年级 · "
    "15 高职三年级 · 16 大专及以上",
)
HEALTH = _table("health", "健康状况", "01 健康 · 02 长期慢性病 · 03 患有大病 · 04 残疾")
LABOUR = _table("labour", "劳动技能", "01 普通劳动力 · 02 技能劳动力 · 03 丧失劳动力 · 04 无劳动力")
WORK_STATUS = _table(
    "work_status", "务工状况", "01 乡（镇）内 · 02 乡（镇）外县内 · 03 县外省内 · 04 省外 · 05 其他"
)
MEMBER_CHANGE = _table(
    "member_change",
    "人员变更类型",
    "01 死亡 · 02 嫁出 · 03 出国定居 · 04 判刑收监 · 05 嫁入 · 06 新生儿 · 07 其他转入 · 08 其他转出",
)
DISABILITY_CATEGORY = _table(
    "disability_category", "残疾类别", "1 视力 · 2 听力 · 3 言语 · 4 肢体 · 5 智力 · 6 精神 · 7 多重"
)
DISABILITY_GRADE = _table("disability_grade", "残疾等级", "1 一级 · 2 二级 · 3 三级 · 4 四级")

# --- measures and monitoring (DOMAIN.md §2.5) ------------------------------------------------------------

MEASURE_CATEGORY = _table(
    "measure_category",
    "帮扶措施类别",
    "01 产业扶持 · 02 就业扶贫 · 03 公益岗位 · 04 易地扶贫搬迁 · 05 教育扶贫 · 06 健康扶贫 · 07 危房改造 · "
    "08 金融扶贫 · 09 生态补偿 · 10 社会保障兜底 · 11 光伏 · 12 电商 · 99 其他",
)
MONITOR_TYPE = _table("monitor_type", "监测对象类型", "1 脱贫不稳定户 · 2 边缘易致贫户 · 3 突发严重困难户")
RISK_TYPE = _table(
    "risk_type",
    "风险类型",
    "1 因病 · 2 因学 · 3 因残 · 4 因自然灾害 · 5 因意外事故 · 6 因产业项目失败 · 7 因务工就业不稳 · "
    "8 缺劳动力 · 99 其他",
)

# --- the program's own tables ----------------------------------------------------------------------------

EXIT_STEP = _table(
    "exit_step", "退出步骤", "1 民主评议 · 2 核实 · 3 户认可 · 4 村内公示 · 5 乡镇审核公告 · 6 销号"
)
COLOUR = _table("colour", "三色状态", "red 红 · blue 蓝 · green 绿 · yellow 黄")
INCOME_GROUP = _table(
    "income_group",
    "收入类别",
    "wage 工资性收入 · production 生产经营性收入 · property 财产性收入 · transfer 转移性收入",
)
LEDGER_CATEGORY = _table(
    "ledger_category",
    "收支类别",
    "11 务工收入 · 12 公益岗位收入 · "
    "21 种植业 · 22 养殖业 · 23 林果业 · 29 其他生产经营收入 · "
    "31 资产收益扶贫分红 · 32 土地流转 · 33 利息 · 34 租金 · 39 其他财产性收入 · "
    "41 计划生育金 · 42 低保金 · 43 特困供养金 · 44 养老保险金 · 45 生态补偿金 · 49 其他转移性收入 · "
    "51 种子种苗 · 52 化肥农药 · 53 饲料兽药 · 54 农机具 · 59 其他生产经营性支出 · "
    "61 生活消费 · 62 教育支出 · 63 医疗支出 · 69 其他生活支出",
)

_LEDGER_GROUPS = {
    "1": "wage",
    "2": "production",
    "3": "property",
    "4": "transfer",
    "5": "production_expense",
    "6": "living_expense",
}
# Titles of every ledger group, the four income groups and the two expense groups.
LEDGER_GROUP_TITLES = {
    **dict(INCOME_GROUP.items),
    "production_expense": "生产经营性支出",
    "living_expense": "生活消费支出",
}


def ledger_group(code: str) -> str:
    """The group of a ledger category: its first digit decides (1x–4x income, 5x, 6x expense)."""
    code = str(code).strip()
    group = _LEDGER_GROUPS.get(code[:1]) if len(code) == 2 and code.isdigit() and code.isascii() else None
    if group is None:
        raise ValueError(f"未知的收支类别代码：{code}")
    return group


def is_income(code: str) -> bool:
    return ledger_group(code) in INCOME_GROUP


def household_attribute_table(year: int) -> CodeTable:
    """贫困户属性 changed in 2017: the 2014 list before, the 2017–2020 list from then on."""
    return HOUSEHOLD_ATTRIBUTE_2014 if year < 2017 else HOUSEHOLD_ATTRIBUTE


HOUSEHOLD_TABLES: dict[str, CodeTable] = {
    "standard": RECOGNITION_STANDARD,
    "attribute": HOUSEHOLD_ATTRIBUTE,
    "main_cause": POVERTY_CAUSE,
    "exit_status": EXIT_STATUS,
    "road_type": ROAD_TYPE,
    "house_rating": HOUSE_RATING,
    "fuel": FUEL,
    "relocation_mode": RELOCATION_MODE,
    "relocation_settlement": RELOCATION_SETTLEMENT,
    "relocation_place": RELOCATION_PLACE,
    "monitor_type": MONITOR_TYPE,
}

MEMBER_TABLES: dict[str, CodeTable] = {
    "relation": RELATION,
    "sex": SEX,
    "ethnicity": ETHNICITY,
    "political": POLITICAL,
    "education": EDUCATION,
    "schooling": SCHOOLING,
    "health": HEALTH,
    "labour": LABOUR,
    "work_status": WORK_STATUS,
    "change_type": MEMBER_CHANGE,
}

ALL_TABLES: dict[str, CodeTable] = {
    table.name: table
    for table in (
        RECOGNITION_STANDARD,
        HOUSEHOLD_ATTRIBUTE_2014,
        HOUSEHOLD_ATTRIBUTE,
        POVERTY_CAUSE,
        EXIT_STATUS,
        ROAD_TYPE,
        HOUSE_RATING,
        FUEL,
        RELOCATION_MODE,
        RELOCATION_SETTLEMENT,
        RELOCATION_PLACE,
        HELPER_AFFILIATION,
        RELATION,
        SEX,
        ETHNICITY,
        POLITICAL,
        EDUCATION,
        SCHOOLING,
        HEALTH,
        LABOUR,
        WORK_STATUS,
        MEMBER_CHANGE,
        DISABILITY_CATEGORY,
        DISABILITY_GRADE,
        MEASURE_CATEGORY,
        MONITOR_TYPE,
        RISK_TYPE,
        EXIT_STEP,
        COLOUR,
        INCOME_GROUP,
        LEDGER_CATEGORY,
    )
}
