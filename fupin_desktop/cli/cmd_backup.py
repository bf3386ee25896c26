"""``fupin backup``, ``fupin backups``, ``fupin restore`` and ``fupin check-db``."""

import sys
from pathlib import Path

from fupin_desktop.cli.output import print_json, print_table


def register(sub):
    p = sub.add_parser("backup", help="立即备份（默认放在数据文件夹的 backups/ 里，--out 指定U盘等文件夹）")
    p.add_argument("--out", type=Path, default=None, help="备份到这个文件夹（如U盘）")
    p.add_argument("--passphrase-file", type=Path, default=None, help="从这个文件的第一行读取口令，加密备份")
    p.set_defaults(handler=run_backup)

    p = sub.add_parser("backups", help="列出备份（时间、原因、大小）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_backups)

    p = sub.add_parser("restore", help="从备份恢复（现在的数据文件移到 replaced/ 保存，不会删除）")
    p.add_argument("backup", help="备份的序号（见 fupin backups）、文件名或完整路径")
    p.add_argument("--yes", action="store_true", help="不再询问，直接恢复")
    p.add_argument("--passphrase-file", type=Path, default=None, help="加密备份的口令文件")
    p.set_defaults(handler=run_restore)

    p = sub.add_parser("check-db", help="全面检查数据文件和备份（完整性、外键）")
    p.add_argument("--all-backups", action="store_true", help="检查每一个备份（默认只检查最新的）")
    p.add_argument("--passphrase-file", type=Path, default=None, help="加密备份的口令文件")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_check_db)


def _passphrase(path: Path | None) -> str | None:
    from fupin_desktop.services.errors import ValidationError

    if path is None:
        return None
    try:
        text = path.read_text("utf-8").splitlines()
    except OSError as exc:
        raise ValidationError(f"读不到口令文件 {path}：{exc.strerror or exc}") from exc
    if not text or not text[0].strip():
        raise ValidationError(f"口令文件 {path} 的第一行是空的，请写入口令。")
    return text[0].strip()


def _data_dir(args) -> Path:
    from fupin_desktop.services.context import default_data_dir

    return Path(args.data_dir) if args.data_dir else default_data_dir()


def run_backup(make_ctx, args) -> int:
    from fupin_desktop.services import backup

    passphrase = _passphrase(args.passphrase_file)
    ctx = make_ctx()
    if args.out is not None:
        outcome = backup.back_up_to_folder(ctx, args.out, passphrase=passphrase)
    else:
        outcome = backup.back_up_now(ctx, passphrase=passphrase)
    print(outcome.message)
    if outcome.thinned:
        print(f"按保留规则清理了 {len(outcome.thinned)} 个较旧的自动备份。")
    return 0


def run_backups(make_ctx, args) -> int:
    from fupin_desktop.services.backup import backup_rows

    rows = backup_rows(_data_dir(args))
    if args.json:
        print_json([{"number": n, "created": r.info.created, "reason": r.info.reason, "label": r.reason,
                     "size": r.info.size, "encrypted": r.encrypted, "path": str(r.info.path)}
                    for n, r in enumerate(rows, 1)])
        return 0
    if not rows:
        print("还没有备份。运行 fupin backup 立即备份。")
        return 0
    print_table(["序号", "时间", "原因", "大小", "加密", "文件"],
                [[n, r.when, r.reason, r.size, "是" if r.encrypted else "", r.info.name]
                 for n, r in enumerate(rows, 1)])
    return 0


def run_restore(make_ctx, args) -> int:
    from fupin_desktop.services import backup

    data_dir = _data_dir(args)
    source = backup.resolve_backup(data_dir, args.backup)
    passphrase = _passphrase(args.passphrase_file)
    plan = backup.offline_plan(data_dir, source, passphrase=passphrase)
    print(plan.message)
    if not args.yes:
        if not sys.stdin.isatty():
            print("请加 --yes 确认恢复。现在的数据没有任何改动。", file=sys.stderr)
            return 2
        if input("确认恢复吗？输入“是”或 yes 继续：").strip().lower() not in ("是", "yes", "y"):
            print("已取消，现在的数据没有任何改动。")
            return 1
    result = backup.restore_offline(data_dir, source, passphrase=passphrase)
    aside = f"原来的数据文件已移到 {result.moved_aside_to}。" if result.moved_aside_to else ""
    print(f"已从备份恢复：{source.name}。{aside}")
    return 0


def run_check_db(make_ctx, args) -> int:
    from fupin_desktop.services.backup import check_database

    report = check_database(_data_dir(args), all_backups=args.all_backups,
                            passphrase=_passphrase(args.passphrase_file))
    if args.json:
        print_json({"ok": report.ok, "state": report.state, "db_path": str(report.db_path),
                    "problems": list(report.problems), "message": report.message,
                    "backups": [{"name": i.name, "problems": list(p)} for i, p in report.backups]})
    else:
        print(report.message)
        for info, problems in report.backups:
            verdict = "检查通过" if not problems else "有问题：" + "；".join(problems[:3])
            print(f"备份 {info.name}：{verdict}")
        if not report.backups:
            print("没有检查到备份（还没有备份，或备份已加密而没有提供口令）。")
    bad_backups = any(p for _i, p in report.backups)
    return 0 if report.ok and not bad_backups else 2
