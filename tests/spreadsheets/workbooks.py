"""Workbooks built the way real village rosters look: a title, a merged two-row header, a numbering row,
person rows whose household cells are merged down, IDs mangled by Excel, a blank row, a total and a signature."""

import datetime as dt

from fupin_desktop.domain.idnumber import make_id_number

REGION = "610702"


def id_of(born: dt.date, sequence: int) -> str:
    return make_id_number(REGION, born, sequence)


def id_ending_in_x(born: dt.date = dt.date(1949, 12, 31)) -> str:
    for sequence in range(1, 1000):
        number = make_id_number(REGION, born, sequence)
        if number.endswith("X"):
            return number
    raise AssertionError("no X")


# the people of the roster, with the row each one lands on
IDS = {
    "zhang": id_of(dt.date(1965, 3, 12), 15),
    "li": id_ending_in_x(dt.date(1967, 8, 23)),
    "xiao": id_of(dt.date(2010, 9, 1), 11),
    "wang": id_of(dt.date(1970, 1, 5), 31),
    "liu_old15": "610702530101001",  # 15-digit, upgraded to 610702195301010016
    "liu_wife": id_of(dt.date(1956, 4, 2), 42),
    "zhao": id_of(dt.date(1980, 2, 2), 51),
    "zhao_son": id_of(dt.date(2005, 5, 5), 53),
    "sun": id_of(dt.date(1975, 7, 7), 61),
    "zhou": id_of(dt.date(1978, 8, 8), 71),
    "zhou_wife": id_of(dt.date(1979, 9, 9), 72),
}
UPGRADED_15 = "610702195301010016"
BAD_CHECK = "130402198207290622"  # check character should be 4


def _household(ws, first_row: int, cells: dict, people: list[list]) -> None:
    """Household cells (column letter → value) merged down over the household's person rows."""
    last_row = first_row + len(people) - 1
    for letter, value in cells.items():
        ws[f"{letter}{first_row}"] = value
        if last_row > first_row:
            ws.merge_cells(f"{letter}{first_row}:{letter}{last_row}")
    for offset, person in enumerate(people):
        for letter, value in zip("FGHIJKL", person, strict=True):
            ws[f"{letter}{first_row + offset}"] = value


def realistic_roster(path) -> None:
    """The roster described in the module docstring. Data rows start at row 6."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "贫困人口"
    ws["A1"] = "汉台区龙江镇龙江村建档立卡贫困人口花名册"
    ws.merge_cells("A1:O1")
    ws["A2"] = "填报单位：龙江村　　填报日期：2020年6月"
    for letter, title in zip("ABCMNO", ("序号", "户编号", "村民小组", "主要致贫原因", "计划脱贫年度", "联系电话"),
                             strict=True):
        ws[f"{letter}3"] = title
        ws.merge_cells(f"{letter}3:{letter}4")
    ws["D3"] = "户主"
    ws.merge_cells("D3:E3")
    ws["F3"] = "家庭成员"
    ws.merge_cells("F3:L3")
    for letter, title in zip("DEFGHIJKL", ("姓名", "身份证号", "姓名", "证件号码", "与户主关系", "性别", "民族",
                                           "文化程度", "健康状况"), strict=True):
        ws[f"{letter}4"] = title
    for column in range(1, 16):
        ws.cell(5, column, column)  # 1 2 3 … under the header
    i = IDS
    # rows 6-8: a clean household; the spouse's ID ends in a lower-case x
    _household(ws, 6, {"A": 1, "B": "6107020001", "C": "一组", "D": "张三丰", "E": i["zhang"], "M": "因病",
                       "N": 2020, "O": 13800000001}, [
        ["张三丰", i["zhang"], "户主", "男", "汉族", "小学", "长期慢性病"],
        ["李秀英", i["li"].lower(), "配偶", "女", "汉族", "小学", "健康"],
        ["张小明", i["xiao"], "之子", "男", "汉族", "小学", "健康"],
    ])
    # rows 9-10: the spouse's ID was turned into a number by Excel
    _household(ws, 9, {"A": 2, "B": "6107020002", "C": "一组", "D": "王五", "E": i["wang"], "M": "缺技术",
                       "N": 2019}, [
        ["王五", i["wang"], "户主", "男", "汉族", "初中", "健康"],
        ["王妻", 1.10105194912310e17, "配偶", "女", "汉族", "初中", "健康"],
    ])
    # rows 11-12: a legacy 15-digit ID; an unknown label
    _household(ws, 11, {"A": 3, "B": "6107020003", "C": "二组", "D": "刘老汉", "M": "缺劳力", "N": 2020}, [
        ["刘老汉", i["liu_old15"], "户主", "男", "汉族", "文盲或半文盲", "残疾"],
        ["刘大娘", i["liu_wife"], "配偶", "女", "汉族", "研究生", "健康"],
    ])
    # row 13 is blank; rows 14-15: a wrong check character
    _household(ws, 14, {"A": 4, "B": "6107020004", "C": "二组", "D": "赵四", "M": "因学", "N": 2020}, [
        ["赵四", i["zhao"], "户主", "男", "汉族", "初中", "健康"],
        ["赵小四", BAD_CHECK, "之子", "男", "汉族", "初中", "健康"],
    ])
    # rows 16-17 and 18: the same ID in two households
    _household(ws, 16, {"A": 5, "B": "6107020005", "C": "三组", "D": "孙六", "M": "缺资金", "N": 2020}, [
        ["孙六", i["sun"], "户主", "男", "汉族", "初中", "健康"],
        ["孙七", i["zhao_son"], "之子", "男", "汉族", "初中", "健康"],
    ])
    _household(ws, 18, {"A": 6, "B": "6107020006", "C": "三组", "D": "钱八", "M": "缺资金", "N": 2020}, [
        ["钱八", i["zhao_son"], "户主", "男", "汉族", "初中", "健康"],
    ])
    # rows 19-21: a household whose second person row was pasted twice
    _household(ws, 19, {"A": 7, "B": "6107020007", "C": "三组", "D": "周九", "M": "缺技术", "N": 2020}, [
        ["周九", i["zhou"], "户主", "男", "汉族", "高中", "健康"],
        ["吴十", i["zhou_wife"], "配偶", "女", "汉族", "高中", "健康"],
        ["吴十", i["zhou_wife"], "配偶", "女", "汉族", "高中", "健康"],
    ])
    ws["A22"] = "合计"
    ws["F22"] = "16人"
    ws["A24"] = "填表人：王会计　　审核人：李书记"
    book.save(path)


def simple_roster(path, rows: list[list], headers=None) -> None:
    """One header row and plain person rows."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.append(headers or ["户编号", "户主姓名", "姓名", "证件号码", "与户主关系", "文化程度", "健康状况",
                          "主要致贫原因", "村民小组"])
    for row in rows:
        ws.append(row)
    book.save(path)
