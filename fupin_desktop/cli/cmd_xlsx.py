"""``fupin xlsx import|export|headers``: bring rosters in from .xlsx/.csv, export typed workbooks."""

import sys
from pathlib import Path

from fupin_desktop.services.errors import ValidationError

PROBLEMS_SHOWN = 60


def register(sub):
    p = sub.add_parser("xlsx", help="表格导入导出（.xlsx / .csv）")
    actions = p.add_subparsers(dest="xlsx_action", metavar="操作")
    actions.required = True

    q = actions.add_parser("import", help="从表格导入贫困户和家庭成员（先预览，确认后导入）")
    q.add_argument("file", type=Path, help=".xlsx 或 .csv 文件")
    q.add_argument("--sheet", default=None, help="工作表名称（默认第一个）")
    q.add_argument("--mapping", type=Path, default=None, help="列对应关系文件（JSON，见 fupin xlsx headers）")
    q.add_argument("--village", default="", help="导入到哪个村（12位区划代码；默认第一个村）")
    q.add_argument("--dry-run", action="store_true", help="只预览，不写入")
    q.add_argument("--yes", action="store_true", help="不再询问，直接导入")
    q.add_argument("--all-problems", action="store_true", help=f"列出全部问题（默认最多{PROBLEMS_SHOWN}条）")
    q.set_defaults(handler=run_import)

    e = actions.add_parser("export", help="导出为 .xlsx 或 .csv（按文件扩展名）")
    e.add_argument("--out", type=Path, required=True, help="输出文件（.xlsx 或 .csv）")
    e.add_argument("--what", choices=("households", "members", "ledger", "problems"), default="households",
                   help="households 贫困户 / members 家庭成员 / ledger 收支台账 / problems 问题数据")
    e.add_argument("--village", default="", help="只导出一个村（12位区划代码）")
    chosen = e.add_argument_group("只导出符合条件的户（与户档列表的筛选相同，可以组合）")
    chosen.add_argument("--search", default="", metavar="文字", help="姓名、拼音首字母、证件号码片段或户编号")
    chosen.add_argument("--colour", default="", metavar="颜色", help="红 / 蓝 / 绿 / 黄（或 red 等代码）")
    chosen.add_argument("--group", default="", metavar="小组", help="村民小组，如 一组")
    chosen.add_argument("--attribute", default="", metavar="属性", help="贫困户属性，代码、名称或拼音首字母")
    chosen.add_argument("--cause", default="", metavar="原因", help="主要致贫原因，代码、名称或拼音首字母，如 因病、yb")
    chosen.add_argument("--exit-year", type=int, default=None, metavar="年度", help="计划脱贫年度")
    chosen.add_argument("--step", default=None, metavar="步骤",
                        help="当前退出步骤：未开始，或 1–6 / 民主评议 … 销号")
    chosen.add_argument("--has-problems", action="store_true", help="只导出有问题数据的户")
    chosen.add_argument("--behind", action="store_true", help="只导出进度落后于计划的户")
    e.set_defaults(handler=run_export)

    h = actions.add_parser("headers", help="显示表头识别结果，可保存为列对应关系文件")
    h.add_argument("file", type=Path)
    h.add_argument("--sheet", default=None)
    h.add_argument("--save-mapping", type=Path, default=None, help="保存列对应关系（JSON），修改后用 --mapping 导入")
    h.set_defaults(handler=run_headers)


def _village_id(ctx, code: str) -> str:
    if not code:
        return ""
    from fupin_desktop.storage import tables as t

    row = ctx.db.execute(f"SELECT id FROM {t.VILLAGES} WHERE code = ? AND deleted = 0",
                         [code.strip()]).fetchone()
    if row is None:
        raise ValidationError(f"没有区划代码为 {code} 的村。")
    return row[0]


def _progress(label: str):
    state = {"step": -1}

    def report(done: int, total: int) -> None:
        step = int(done * 10 / total) if total else done // 5000
        if step != state["step"]:
            state["step"] = step
            shown = f"{step * 10}%" if total else f"{done} 行"
            print(f"  {label} {shown}", file=sys.stderr, flush=True)

    return report


def _confirm() -> bool:
    if not sys.stdin.isatty():
        raise ValidationError("没有确认：请加 --yes 直接导入，或用 --dry-run 只预览。")
    answer = input("确认导入？输入 y 继续：").strip().lower()
    return answer in ("y", "yes", "是")


def run_import(make_ctx, args) -> int:
    from fupin_desktop.spreadsheets.apply import apply_plan
    from fupin_desktop.spreadsheets.plan import build_plan

    ctx = make_ctx()
    plan = build_plan(ctx, args.file, sheet=args.sheet, mapping=args.mapping,
                      village_id=_village_id(ctx, args.village), progress=_progress("读取"))
    for line in plan.summary_lines():
        print(line)
    shown = plan.problems if args.all_problems else plan.problems[:PROBLEMS_SHOWN]
    if shown:
        print("问题清单：")
        for problem in shown:
            print(f"  [{problem.level_title}] {problem.text}")
        if len(shown) < len(plan.problems):
            print(f"  …… 另有 {len(plan.problems) - len(shown)} 条（加 --all-problems 显示全部）")
    if args.dry_run:
        print("只预览（--dry-run），没有写入。")
        return 0
    if not plan.importable:
        print("没有需要导入的内容。")
        return 0
    if not args.yes and not _confirm():
        print("已取消，没有写入。")
        return 1
    result = apply_plan(ctx, plan, progress=_progress("写入"))
    print(result.summary())
    if result.backup:
        print(f"导入前的备份：{result.backup}")
    return 0


def _coded(table, text: str, option: str) -> str:
    if not text.strip():
        return ""
    code = table.parse(text)
    if code is None:
        known = "、".join(table.labels())
        raise ValidationError(f"{option} “{text}” 不是{table.title}中的一项（或不止一项相符）。可选：{known}")
    return code


def export_filter(args, village_id: str):
    """The list filter the export options describe, or None when no option narrows the households."""
    from fupin_desktop.domain import codes
    from fupin_desktop.services.queries import HouseholdFilter

    step = None
    if args.step is not None:
        step = "" if args.step.strip() in ("", "0", "未开始") else _coded(codes.EXIT_STEP, args.step, "--step")
    chosen = HouseholdFilter(
        text=args.search.strip(), colour=_coded(codes.COLOUR, args.colour, "--colour"),
        village_id=village_id, village_group=args.group.strip(),
        attribute=_coded(codes.HOUSEHOLD_ATTRIBUTE, args.attribute, "--attribute"),
        main_cause=_coded(codes.POVERTY_CAUSE, args.cause, "--cause"), planned_exit_year=args.exit_year,
        exit_step=step, has_problems=args.has_problems, behind_schedule=args.behind)
    return None if chosen == HouseholdFilter(village_id=village_id) else chosen


def run_export(make_ctx, args) -> int:
    from fupin_desktop.spreadsheets.export import export_table

    ctx = make_ctx()
    village_id = _village_id(ctx, args.village)
    result = export_table(ctx, args.out, args.what, village_id=village_id,
                          household_filter=export_filter(args, village_id), progress=_progress("导出"))
    print(result.summary())
    return 0


def run_headers(_make_ctx, args) -> int:
    from fupin_desktop.spreadsheets.fields import BY_KEY
    from fupin_desktop.spreadsheets.headers import ColumnMapping
    from fupin_desktop.spreadsheets.plan import inspect_sheet

    preview = inspect_sheet(args.file, args.sheet)
    print(f"工作表：{preview.sheet}（共 {len(preview.sheets)} 个：{'、'.join(preview.sheets)}）")
    print(f"表头：第{'、'.join(map(str, preview.layout.rows))}行")
    for column in preview.layout.columns:
        target = BY_KEY[column.recognised].title if column.recognised else (
            "（不导入）" if column.recognised == "" else "（未识别）")
        print(f"  {column.letter:>3}  {column.header or '（空）'}  →  {target}")
    if args.save_mapping:
        ColumnMapping.from_layout(preview.layout).save(args.save_mapping, preview.layout)
        print(f"已保存列对应关系：{args.save_mapping}")
    return 0
