"""The demo's place: 陕西省汉中市汉台区 (610702), its townships (镇, codes 1xx), villages (村委会, codes 2xx),
villager groups, and the units that send helper cadres."""

import random
from dataclasses import dataclass

PROVINCE = "陕西省"
CITY = "汉中市"
COUNTY = "汉台区"
COUNTY_CODE = "610702"
# Address codes found in the ID numbers of people registered here: the district now, the former county-level
# 汉中市 (before 1996), and the neighbouring counties wives and daughters-in-law often come from.
REGION_NOW = "610702"
REGION_OLD = "612301"
REGION_NEIGHBOURS = ("610721", "610722", "610723", "610724", "610725")

TOWNSHIPS = ("铺镇", "武乡镇", "河东店镇", "宗营镇", "老君镇", "汉王镇", "徐望镇", "龙江镇", "七里镇", "鑪锋镇",
             "梁山镇", "褒河镇", "黄官镇", "新集镇", "周家坪镇")
GROUPS = ("一组", "二组", "三组", "四组", "五组", "六组", "七组", "八组")

_VILLAGE_FIRST = "东西南北上下王李张柳杨桃石龙凤马牛白黄青高双三五七新老红花金陈刘赵何罗魏吴周孙"
_VILLAGE_SECOND = ("家营", "家湾", "河", "坝", "坪", "沟", "庄", "湾", "岭", "山", "桥", "寨", "塘", "林", "堡",
                   "院", "门", "岗", "垭", "坎", "场", "店", "铺", "观", "寺", "渠", "堰", "台")

# (unit, 隶属关系) of helper cadres: district bureaux (04), city (03), township (05), enterprises (07).
DISTRICT_UNITS = (
    "汉台区财政局", "汉台区教育局", "汉台区卫生健康局", "汉台区农业农村局", "汉台区住房和城乡建设局",
    "汉台区人力资源和社会保障局", "汉台区民政局", "汉台区交通运输局", "汉台区水利局", "汉台区林业局",
    "汉台区审计局", "汉台区统计局", "汉台区司法局", "汉台区市场监督管理局", "汉台区扶贫开发办公室",
    "汉台区发展和改革局", "中共汉台区委组织部", "中共汉台区委宣传部", "汉台区自然资源局", "汉台区文化和旅游局",
)
CITY_UNITS = ("汉中市财政局", "汉中市农业农村局", "汉中市生态环境局", "汉中市中心医院")
OTHER_UNITS = ("国网汉中供电公司", "汉中农村商业银行", "中国邮政储蓄银行汉中市分行")
POSITIONS = ("科员", "科员", "科员", "副科长", "科长", "副主任科员", "主任科员", "干部", "副局长")

# Responsible unit of each measure category (MEASURE_CATEGORY codes).
MEASURE_UNITS = {
    "01": "汉台区农业农村局", "02": "汉台区人力资源和社会保障局", "03": "汉台区人力资源和社会保障局",
    "04": "汉台区发展和改革局", "05": "汉台区教育局", "06": "汉台区卫生健康局", "07": "汉台区住房和城乡建设局",
    "08": "汉中农村商业银行", "09": "汉台区林业局", "10": "汉台区民政局", "11": "汉台区扶贫开发办公室",
    "12": "汉台区商务局", "99": "汉台区扶贫开发办公室",
}


@dataclass(frozen=True)
class Place:
    code: str  # 12 digits
    township: str
    name: str


def township_code(index: int) -> str:
    """Towns (镇) take 100–199."""
    return f"{COUNTY_CODE}{100 + index:03d}"


def village_places(rng: random.Random, townships: int, villages_per_township: int) -> list[Place]:
    """Villages with unique names inside each township and consistent 12-digit codes (村委会 201…)."""
    if townships > len(TOWNSHIPS):
        names = list(TOWNSHIPS) + [f"第{i + 1}镇" for i in range(len(TOWNSHIPS), townships)]
    else:
        names = list(TOWNSHIPS)
    if villages_per_township > 199:
        raise ValueError("一个乡镇最多199个村委会（代码201–399）")
    combos = [a + b + "村" for a in _VILLAGE_FIRST for b in _VILLAGE_SECOND]
    places = []
    for ti in range(townships):
        chosen = rng.sample(combos, villages_per_township)
        for vi, name in enumerate(chosen):
            places.append(Place(f"{township_code(ti)}{201 + vi:03d}", names[ti], name))
    return places


def helper_unit(rng: random.Random, village_units: tuple[str, ...], township: str) -> tuple[str, str]:
    """A helper's unit and 隶属关系: mostly the village's paired units, some township cadres and others."""
    r = rng.random()
    if r < 0.7:
        unit = village_units[int(rng.random() * len(village_units))]
        if unit in CITY_UNITS:
            return unit, "03"
        if unit in OTHER_UNITS:
            return unit, "07"
        return unit, "04"
    if r < 0.92:
        return f"{township}人民政府", "05"
    if r < 0.97:
        return OTHER_UNITS[int(rng.random() * len(OTHER_UNITS))], "07"
    return CITY_UNITS[int(rng.random() * len(CITY_UNITS))], "03"


def paired_units(rng: random.Random) -> tuple[str, ...]:
    """The 3–4 units paired with one village (帮扶单位)."""
    units = rng.sample(DISTRICT_UNITS, 3)
    if rng.random() < 0.4:
        units.append(CITY_UNITS[int(rng.random() * len(CITY_UNITS))])
    return tuple(units)
