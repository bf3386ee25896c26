"""冲突核实单: the printable list of sync conflicts (需核实) and possible duplicate ID numbers.

Input is plain data (``sync.conflicts.open_conflicts`` with ``where`` filled, ``sync.duplicates.open_duplicates``)
so this module never touches the database or the sync package. Every conflict shows each kept value with
where it came from (村 / 乡镇) and which one is provisional, and a box for the verified value and a signature.
ID numbers are masked (first 4, last 4).
"""

import datetime as dt
import io
import json

from reportlab.lib.units import mm

from fupin_desktop.reports import fonts
from fupin_desktop.reports.layout import columns, render_story
from fupin_desktop.reports.tables import Fixed, form_table
from fupin_desktop.reports.typesetting import BODY, HEADING, NOTE, TITLE, TextBlock

WIDTH = 180 * mm
FIELD_LABELS = {
    "address": "住址", "phone": "联系电话", "bank": "开户银行", "bank_account": "银行账号", "number": "户编号",
    "village_group": "村民小组", "exit_status": "脱贫状态", "exit_year": "脱贫年度", "deleted": "删除标记",
    "name": "姓名", "id_number": "身份证号", "relation": "与户主关系", "education": "文化程度", "health": "健康状况",
    "main_cause": "主要致贫原因", "planned_exit_year": "计划脱贫年度", "warnings_note": "提醒说明",
    "days": "驻村天数",
}
TABLE_LABELS = {"households": "户", "members": "成员", "helpers": "帮扶责任人", "pairings": "结对", "measures": "帮扶措施",
                "visits": "走访", "exit_steps": "退出程序", "attachments": "附件",
                "attendance": "驻村天数", "villages": "村", "settings": "设置", "poverty_lines": "贫困线"}


def mask_id(number: str) -> str:
    return number if len(number) < 9 else number[:4] + "*" * (len(number) - 8) + number[-4:]


def _value(value) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _stamp_time(stamp: str) -> str:
    try:
        return dt.datetime.fromtimestamp(int(stamp.split(".", 1)[0]) / 1000).strftime("%Y-%m-%d %H:%M")
    except (ValueError, OSError):
        return ""


def _conflict_rows(conflicts: list[dict]) -> list[list]:
    rows = [["序号", "村", "户编号", "户主", "项目", "各方的值（暂定值标 ★）", "核实后的值", "核实人签字"]]
    for n, item in enumerate(conflicts, 1):
        where = item.get("where") or {}
        field = item["field"]
        label = f"{TABLE_LABELS.get(item['table'], item['table'])}·{FIELD_LABELS.get(field, field)}"
        values = []
        for head in item["heads"]:
            value = _value(head["value"])
            if field == "id_number" and isinstance(head["value"], str):
                value = mask_id(head["value"])
            source = "乡镇" if head.get("authority") else "村"
            star = "★" if head["stamp"] == item["provisional"] else ""
            values.append(f"{star}{source}（{_stamp_time(head['stamp'])}）：{value}")
        rows.append([str(n), where.get("village", ""), Fixed(where.get("number", "")), where.get("head", ""), label,
                     "\n".join(values), "", ""])
    return rows


def _duplicate_rows(duplicates: list[dict]) -> list[list]:
    rows = [["序号", "身份证号", "记录 a（村·户编号·姓名）", "记录 b（村·户编号·姓名）", "处理（保留 a / b / 不是重复）"]]
    for n, d in enumerate(duplicates, 1):
        a, b = d["a"], d["b"]
        rows.append([str(n), Fixed(mask_id(d["id_number"])), f"{a['village']} {a['household']} {a['name']}",
                     f"{b['village']} {b['household']} {b['name']}", ""])
    return rows


def conflict_story(data: dict) -> list:
    conflicts, duplicates = data.get("conflicts", []), data.get("duplicates", [])
    org = data.get("org", "")
    story = [TextBlock(f"{org}扶贫数据同步冲突核实单", TITLE),
             TextBlock(f"U盘同步时，同一项目在村里和乡镇被改成了不同的值（共 {len(conflicts)} 项），两边的值都已保留，"
                       f"暂按“★”的值显示并标记为“需核实”；另有 {len(duplicates)} 组身份证号相同的记录，程序不会自动合并。"
                       "请逐项核实后在系统中处理，处理结果会随下次导出发回各村。", BODY)]
    if conflicts:
        story.append(TextBlock("一、需核实的冲突", HEADING))
        story.append(form_table(_conflict_rows(conflicts), columns(WIDTH, 5, 9, 13, 8, 12, 33, 12, 8),
                                align=["CENTER", "LEFT", "CENTER", "LEFT", "LEFT", "LEFT", "LEFT", "LEFT"]))
    if duplicates:
        story.append(TextBlock("二、身份证号相同的记录", HEADING))
        story.append(form_table(_duplicate_rows(duplicates), columns(WIDTH, 5, 18, 28, 28, 21),
                                align=["CENTER", "CENTER", "LEFT", "LEFT", "LEFT"]))
    if not conflicts and not duplicates:
        story.append(TextBlock("目前没有需要核实的冲突或重复身份证号。", BODY))
    story.append(TextBlock("说明：★ 为暂定值（乡镇修改的优先，否则取较晚的修改）；时间为修改时的记录时间。", NOTE))
    return story


def render_conflict_report(data: dict, *, printed_on: dt.date | None = None) -> bytes:
    """The report as PDF bytes."""
    fonts.register_fonts()
    out = io.BytesIO()
    render_story(out, conflict_story(data), title="同步冲突核实单", place=data.get("org", ""),
                 printed_on=printed_on or dt.date.today())
    return out.getvalue()
