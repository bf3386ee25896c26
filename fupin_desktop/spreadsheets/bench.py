"""``fupin bench xlsx``: import 10,000 households (~40,000 person rows) from .xlsx with validation.

QUALITY.md S9: goal ≤ 20 s, and ≤ 2× an openpyxl read-only pass over the same file measured in the same run
(load the workbook read-only and read every cell value with ``iter_rows(values_only=True)``; the import reads
the same cells through ``xlsx_rows``, which gives the same values with less work per cell). The workbook is made by a deterministic generator
shaped like a national-system export: one row per person, household fields repeated, IDs as text.
"""

import datetime as dt
import random
import shutil
import time
from pathlib import Path

from fupin_desktop.domain.idnumber import make_id_number

HOUSEHOLDS = 10_000
GOAL_SECONDS = 20.0
GOAL_RATIO = 2.0
# The columns of the national system's person export (贫困人口明细), in its order.
HEADERS = (
    "序号", "省", "市", "县", "乡镇", "行政村", "村民小组", "户编号", "户主姓名", "家庭人口数", "姓名", "证件号码",
    "与户主关系", "性别", "民族", "政治面貌", "文化程度", "在校生状况", "健康状况", "劳动技能", "务工状况", "务工时间",
    "是否参加城乡居民基本医疗保险", "是否参加大病保险", "是否参加城乡居民基本养老保险", "是否享受低保", "识别标准",
    "贫困户属性", "主要致贫原因", "其他致贫原因", "脱贫状态", "计划脱贫年度", "联系电话", "开户银行", "银行账号",
)
TEXT_HEADERS = ("户编号", "证件号码", "联系电话", "银行账号")  # cells styled as text ("@"), as careful clerks do
PLACE = {"省": "陕西省", "市": "汉中市", "县": "汉台区", "乡镇": "龙江镇", "行政村": "龙江村"}
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
_GIVEN = "德福贵发有全生才财明国建华忠林山海荣金春秀英兰桂芳凤珍莲玉翠梅伟强军勇平斌刚涛丽娟敏静艳红燕浩宇轩欣怡涵"
_GROUPS = ("一组", "二组", "三组", "四组", "五组", "六组", "七组", "八组")
_CAUSES = ("因病", "因残", "因学", "缺技术", "缺劳力", "缺资金", "因灾", "缺土地")
_WORK = ("乡（镇）内", "乡（镇）外县内", "县外省内", "省外")
_BANKS = ("汉中农村商业银行", "中国邮政储蓄银行", "中国农业银行")
REGION = "610702"


def _name(rng: random.Random, surname: str) -> str:
    return surname + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _person(rng, used, surname, relation, sex, born, today) -> dict:
    sequence = rng.randrange(0, 999, 2) + (1 if sex == "男" else 0)
    while (born, sequence) in used:  # ID numbers are unique: another sequence of the same sex
        sequence = (sequence + 2) % 1000
    used.add((born, sequence))
    age = (today - born).days // 365
    working = 18 <= age <= 60
    return {
        "姓名": _name(rng, surname), "证件号码": make_id_number(REGION, born, sequence), "与户主关系": relation,
        "性别": sex, "民族": "汉族", "政治面貌": "群众",
        "文化程度": "学龄前儿童" if age < 6 else rng.choice(("小学", "初中", "高中")),
        "在校生状况": "七年级" if 6 <= age <= 18 else "非在校生",
        "健康状况": rng.choice(("健康", "健康", "健康", "长期慢性病", "残疾")),
        "劳动技能": "普通劳动力" if working else "无劳动力", "务工状况": rng.choice(_WORK) if working else "",
        "务工时间": rng.randint(3, 10) if working else 0, "是否参加城乡居民基本医疗保险": "是",
        "是否参加大病保险": "是", "是否参加城乡居民基本养老保险": "是" if age >= 16 else "否", "是否享受低保": "否",
    }


def generate_rows(households: int = HOUSEHOLDS, *, seed: int = 2020, today: dt.date = dt.date(2020, 6, 15)):
    """Person rows (dicts by header, without the 序号) of ``households`` households of 1–7 people."""
    rng = random.Random(seed)
    used: set = set()
    for index in range(households):
        surname = rng.choice(_SURNAMES)
        size = rng.choice((1, 2, 3, 4, 4, 4, 5, 5, 6, 7))
        household = {
            **PLACE, "村民小组": _GROUPS[index % len(_GROUPS)], "户编号": f"61070210120100{index + 1:05d}",
            "家庭人口数": size, "识别标准": "国家标准",
            "贫困户属性": rng.choice(("一般贫困户", "低保贫困户", "特困供养贫困户")), "主要致贫原因": rng.choice(_CAUSES),
            "其他致贫原因": rng.choice(("", "缺资金", "缺技术、缺资金")), "脱贫状态": rng.choice(("未脱贫", "已脱贫")),
            "计划脱贫年度": rng.choice((2016, 2017, 2018, 2019, 2020)),
            "联系电话": f"13{rng.randint(0, 999_999_999):09d}", "开户银行": rng.choice(_BANKS),
            "银行账号": f"6217{rng.randint(0, 10**15 - 1):015d}",
        }
        head_born = dt.date(rng.randint(1945, 1985), rng.randint(1, 12), rng.randint(1, 28))
        people = [("户主", "男", head_born)]
        if size > 1:
            people.append(("配偶", "女", head_born + dt.timedelta(days=rng.randint(-900, 900))))
        for _ in range(size - len(people)):
            child = "之子" if rng.random() < 0.5 else "之女"
            year = min(head_born.year + rng.randint(20, 35), 2019)
            born = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
            people.append((child, "男" if child == "之子" else "女", born))
        head_name = None
        for relation, sex, born in people:
            person = _person(rng, used, surname if relation != "配偶" else rng.choice(_SURNAMES), relation, sex,
                             born, today)
            head_name = head_name or person["姓名"]
            yield {**household, "户主姓名": head_name, **person}


def _xml(text) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill>'
    '</fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="49" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)
_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '</Types>'),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="xl/workbook.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
        '</Relationships>'),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="贫困人口" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
        '<Relationship Id="rId2" Target="styles.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"/>'
        '<Relationship Id="rId3" Target="sharedStrings.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
        '</Relationships>'),
    "xl/styles.xml": _STYLES,
}


def write_workbook(path: Path, households: int = HOUSEHOLDS) -> int:
    """The bench workbook as Excel and WPS write it: shared strings, a dimension, ID/phone columns styled
    as text (numFmt 49 "@"); a title row, the header, then one row per person. Returns the person rows."""
    import zipfile

    from openpyxl.utils import get_column_letter

    strings: dict[str, int] = {}
    letters = [get_column_letter(i + 1) for i in range(len(HEADERS))]
    text_columns = {HEADERS.index(h) for h in TEXT_HEADERS}

    def cell(column: int, row: int, value) -> str:
        ref, style = f"{letters[column]}{row}", ' s="1"' if column in text_columns else ""
        if isinstance(value, int):
            return f'<c r="{ref}"{style}><v>{value}</v></c>'
        index = strings.setdefault(value, len(strings))
        return f'<c r="{ref}"{style} t="s"><v>{index}</v></c>'

    lines = [f'<row r="1">{cell(0, 1, "汉台区龙江镇龙江村建档立卡贫困人口花名册")}</row>',
             '<row r="2">' + "".join(cell(i, 2, h) for i, h in enumerate(HEADERS)) + "</row>"]
    count = 0
    for count, person in enumerate(generate_rows(households), start=1):
        row = count + 2
        values = [count] + [person.get(h, "") for h in HEADERS[1:]]
        cells = [cell(i, row, v) for i, v in enumerate(values) if v != ""]
        lines.append(f'<row r="{row}">{"".join(cells)}</row>')
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f'<dimension ref="A1:{letters[-1]}{count + 2}"/>'
             f'<sheetData>{"".join(lines)}</sheetData></worksheet>')
    shared = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
              f'count="{len(strings)}" uniqueCount="{len(strings)}">'
              + "".join(f"<si><t>{_xml(s)}</t></si>" for s in strings) + "</sst>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        parts = {**_PARTS, "xl/sharedStrings.xml": shared, "xl/worksheets/sheet1.xml": sheet}
        for name, text in parts.items():
            archive.writestr(name, text)
    return count


class _Stopwatch:
    """Wall-clock and CPU seconds of a block (CPU time is steadier on a shared, busy machine)."""

    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_exc):
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu


def read_only_pass(path: Path) -> int:
    """The anchor: openpyxl read-only load and a read of every cell value."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    cells = 0
    for row in book.worksheets[0].iter_rows(values_only=True):
        cells += sum(1 for value in row if value is not None)
    book.close()
    return cells


def import_into_fresh(path: Path, data_dir: Path) -> dict:
    """Preview and import ``path`` into a new data folder; the two stopwatches and what was imported."""
    from fupin_desktop.domain.clock import FixedClock
    from fupin_desktop.services.context import open_context
    from fupin_desktop.services.villages import create_village
    from fupin_desktop.spreadsheets.apply import apply_plan
    from fupin_desktop.spreadsheets.plan import build_plan

    shutil.rmtree(data_dir, ignore_errors=True)
    ctx = open_context(data_dir, operator="性能测试", clock=FixedClock(dt.datetime(2020, 6, 15, 9, 30)))
    try:
        create_village(ctx, {"code": "610702101201", "name": "龙江村", "township": "龙江镇"})
        with _Stopwatch() as preview:
            plan = build_plan(ctx, path)
        with _Stopwatch() as write:
            result = apply_plan(ctx, plan)
        members = ctx.db.execute("SELECT count(*) FROM members").fetchone()[0]
    finally:
        ctx.close()
    return {"preview": preview, "write": write, "created": result.created, "members": members,
            "problems": len(plan.problems)}


def run_xlsx_bench(work_dir: Path | str, households: int = HOUSEHOLDS) -> dict:
    """Print and return the figures. The anchor is measured before and after the import (their mean)."""
    work_dir = Path(work_dir)
    work_dir.mkdir(parents=True, exist_ok=True)
    path = work_dir / "bench-households.xlsx"
    with _Stopwatch() as made:
        rows = write_workbook(path, households)
    print(f"生成测试表格：{households} 户 {rows} 人（{len(HEADERS)} 列），{path.stat().st_size / 1e6:.1f} MB，"
          f"用时 {made.wall:.1f} 秒")
    with _Stopwatch() as before:
        cells = read_only_pass(path)
    found = import_into_fresh(path, work_dir / "bench-import-data")
    with _Stopwatch() as after:
        read_only_pass(path)
    anchor_wall, anchor_cpu = (before.wall + after.wall) / 2, (before.cpu + after.cpu) / 2
    total_wall = found["preview"].wall + found["write"].wall
    total_cpu = found["preview"].cpu + found["write"].cpu
    ratio, ratio_cpu = total_wall / anchor_wall, total_cpu / anchor_cpu
    print(f"基准（openpyxl 只读模式读完 {cells} 个单元格，导入前后各一次）：{before.wall:.2f} / {after.wall:.2f} 秒，"
          f"CPU {before.cpu:.2f} / {after.cpu:.2f} 秒")
    print(f"导入（含校验，新数据文件夹）：{total_wall:.2f} 秒（预览 {found['preview'].wall:.2f} + 写入 "
          f"{found['write'].wall:.2f}），CPU {total_cpu:.2f} 秒（预览 {found['preview'].cpu:.2f} + 写入 "
          f"{found['write'].cpu:.2f}）；新建 {found['created']} 户 {found['members']} 人，表格问题 {found['problems']} 处")
    ok_time, ok_ratio = total_wall <= GOAL_SECONDS, ratio <= GOAL_RATIO
    print(f"比值 {ratio:.2f}×（CPU 时间比 {ratio_cpu:.2f}×；目标 ≤ {GOAL_RATIO:g}×）{'达标' if ok_ratio else '未达标'}；"
          f"用时 {total_wall:.1f} 秒（目标 ≤ {GOAL_SECONDS:g} 秒）{'达标' if ok_time else '未达标'}")
    return {"rows": rows, "cells": cells, "anchor": anchor_wall, "anchor_cpu": anchor_cpu,
            "total": total_wall, "total_cpu": total_cpu, "preview": found["preview"].wall,
            "write": found["write"].wall, "preview_cpu": found["preview"].cpu, "write_cpu": found["write"].cpu,
            "ratio": ratio,
            "ratio_cpu": ratio_cpu, "created": found["created"], "members": found["members"]}
