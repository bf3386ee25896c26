"""``fupin print packet|signoff|card|mingbai|roster|notice|dashboard``: the documents as PDF files.

Households are ``--households all`` (the default) or ids, household numbers or head names
(``cmd_summary.find_household``). ``--out FILE.pdf`` writes one file; ``--out-dir DIR`` one file per household
(the roster, notice and dashboard are one file in that folder). Progress goes to stderr, the files written
to stdout.
"""

import datetime as dt
import re
import sys
from pathlib import Path

from fupin_desktop.services.errors import ValidationError

DOCUMENT_HELP = {
    "packet": "扶贫手册（一户一档）",
    "signoff": "脱贫验收表",
    "card": "收支记录卡（按月）",
    "mingbai": "明白卡",
    "roster": "花名册",
    "notice": "公示/公告名单（身份证号隐去中间部分）",
    "dashboard": "作战图",
}


def register(sub):
    p = sub.add_parser("print", help="打印文书为 PDF：扶贫手册、验收表、记录卡、明白卡、花名册、公示名单、作战图")
    p.add_argument("document", choices=tuple(DOCUMENT_HELP), metavar="文书",
                   help="；".join(f"{k} {v}" for k, v in DOCUMENT_HELP.items()))
    p.add_argument("--households", nargs="+", default=None, metavar="户",
                   help="all（全部户，默认）或户编号、户主姓名、档案 id，可写多个；公示名单默认取正在公示的户")
    p.add_argument("--year", type=int, default=None, help="年度（默认：今天所在的账本年度）")
    p.add_argument("--month", default=None, help="收支记录卡的月份，YYYY-MM（默认本月）")
    p.add_argument("--kind", choices=("公示", "公告"), default="公示", help="公示名单的种类（默认：公示）")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", type=Path, default=None, help="输出一个 PDF 文件")
    target.add_argument("--out-dir", type=Path, default=None, help="每户输出一个 PDF 到这个文件夹")
    masking = p.add_mutually_exclusive_group()
    masking.add_argument("--mask-ids", dest="mask_ids", action="store_true", default=True,
                         help="花名册隐去身份证号中间部分、不印电话（默认）")
    masking.add_argument("--show-ids", dest="mask_ids", action="store_false",
                         help="花名册显示完整身份证号和电话（仅限内部使用）")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="用几个进程排版按户文书的单个 PDF（默认 1；双核电脑可用 2，页数多时更快）")
    p.set_defaults(handler=run_print)


def parse_month(text: str | None, today: dt.date) -> tuple[int, int]:
    if not text:
        return today.year, today.month
    match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", text)
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValidationError(f"月份“{text}”的格式不对，应为 YYYY-MM，例如 2020-03。")
    return int(match.group(1)), int(match.group(2))


def resolve_households(ctx, values: list[str] | None) -> list[str] | None:
    """None for every household; otherwise the ids named, each once, in the order given."""
    from fupin_desktop.cli.cmd_summary import find_household

    if not values or [v.lower() for v in values] == ["all"]:
        return None
    if any(v.lower() == "all" for v in values):
        raise ValidationError("“all”不能和具体的户一起写。")
    return list(dict.fromkeys(find_household(ctx, value) for value in values))


def _progress(title: str):
    state = {"step": -1}

    def report(done: int, total: int) -> None:
        step = int(done * 10 / total) if total else 0
        if step != state["step"]:
            state["step"] = step
            print(f"  {title}：{done}/{total} 户（{step * 10}%）", file=sys.stderr, flush=True)

    return report


def run_print(make_ctx, args) -> int:
    from fupin_desktop.reports.print_jobs import document_title, per_household, print_documents

    ctx = make_ctx()
    doc = args.document
    year, month = args.year, None
    if doc == "card":
        year, month = parse_month(args.month, ctx.clock.today())
        if args.year and args.month and args.year != year:
            raise ValidationError("--year 和 --month 的年份不一致。")
    elif args.month:
        raise ValidationError("--month 只用于收支记录卡（card）。")
    if args.workers < 1:
        raise ValidationError("--workers 至少为 1。")
    if args.out is not None and args.out.suffix.lower() != ".pdf":
        raise ValidationError(f"输出文件“{args.out}”应以 .pdf 结尾。")
    households = resolve_households(ctx, args.households)
    title = document_title(doc)
    files, pages = print_documents(
        ctx, doc, households, args.out if args.out is not None else args.out_dir, one_file=args.out is not None,
        year=year, month=month, mask_ids=args.mask_ids, kind=args.kind,
        progress=_progress(title) if per_household(doc) else None, workers=args.workers)
    for path in files:
        print(path)
    print(f"已打印{title}：{len(files)} 个文件，共 {pages} 页。", file=sys.stderr)
    return 0
