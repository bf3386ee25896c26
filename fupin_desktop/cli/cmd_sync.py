"""USB sync from the terminal: ``fupin keys …``, ``fupin export``, ``fupin import``, ``fupin sync status``,
``fupin conflicts``.

Passphrases come from an option, an environment variable (``FUPIN_KEY_PASSPHRASE`` for the township key,
``FUPIN_BUNDLE_PASSPHRASE`` for a passphrase-encrypted bundle) or are asked for on the terminal; they are
never stored.
"""

import getpass
import os
import sys
from pathlib import Path

from fupin_desktop.cli.output import print_json, print_table

KEY_ENV = "FUPIN_KEY_PASSPHRASE"
BUNDLE_ENV = "FUPIN_BUNDLE_PASSPHRASE"


def register(sub):
    p = sub.add_parser("keys", help="同步密钥：乡镇密钥对、村里导入乡镇公钥、设备密钥绑定")
    keys = p.add_subparsers(dest="keys_command", metavar="操作")
    keys.required = True
    q = keys.add_parser("show", help="显示本机设备密钥、乡镇公钥和已绑定的设备")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=run_keys_show)
    q = keys.add_parser("init-township", help="（乡镇）生成乡镇密钥对，写出公钥文件和恢复单")
    q.add_argument("--out", type=Path, default=None, help="公钥文件和恢复单写到这个文件夹（默认数据文件夹）")
    q.add_argument("--key-passphrase", default=None, help=f"口令（也可用环境变量 {KEY_ENV}；不给则在终端输入两次）")
    q.set_defaults(handler=run_keys_init)
    q = keys.add_parser("export-public", help="（乡镇）写出乡镇公钥文件，交给各村")
    q.add_argument("--out", type=Path, required=True)
    q.set_defaults(handler=run_keys_export_public)
    q = keys.add_parser("sheet", help="（乡镇）写出可打印的密钥恢复单")
    q.add_argument("--out", type=Path, required=True)
    q.set_defaults(handler=run_keys_sheet)
    q = keys.add_parser("restore", help="（乡镇）在新电脑上用恢复单恢复乡镇密钥")
    q.add_argument("sheet", type=Path)
    q.add_argument("--key-passphrase", default=None)
    q.set_defaults(handler=run_keys_restore)
    q = keys.add_parser("trust", help="（村）导入乡镇公钥：公钥文件（可核对指纹），或逐组输入公钥文字")
    q.add_argument("file", type=Path, nargs="?", default=None, help="乡镇公钥文件 township.pub")
    q.add_argument("--fingerprint", default="", help="恢复单上的公钥指纹，用来核对公钥文件")
    q.add_argument("--text", default="", help="公钥文字（没有公钥文件时逐组输入）")
    q.add_argument("--org", default="", help="乡镇代码（9位，用 --text 时需要）")
    q.set_defaults(handler=run_keys_trust)
    q = keys.add_parser("escrow", help="（村）添加县级托管公钥：导出的文件也能由县里打开")
    q.add_argument("file", type=Path)
    q.set_defaults(handler=run_keys_escrow)
    q = keys.add_parser("repin", help="（乡镇）村里换了电脑：允许该设备用新密钥，须填写原因")
    q.add_argument("device")
    q.add_argument("--reason", required=True)
    q.set_defaults(handler=run_keys_repin)

    p = sub.add_parser("export", help="导出U盘数据包（村：本村变更；乡镇：给各村的更正文件）")
    p.add_argument("--out", type=Path, required=True, help="U盘上的文件夹")
    p.add_argument("--full", action="store_true", help="导出全部数据（而不只是上次以来的变更）")
    p.add_argument("--since-ack", action="store_true", help="重发乡镇尚未确认收到的全部变更")
    p.add_argument("--passphrase", default=None, help=f"没有乡镇公钥时用口令加密（也可用环境变量 {BUNDLE_ENV}）")
    p.add_argument("--village", action="append", default=[], help="（乡镇）只给这个村导出（区划代码，可重复）")
    p.add_argument("--key-passphrase", default=None, help=f"（乡镇）乡镇密钥口令（也可用环境变量 {KEY_ENV}）")
    p.set_defaults(handler=run_export)

    p = sub.add_parser("import", help="导入U盘数据包（先检查、预览，确认后备份并导入）")
    p.add_argument("files", type=Path, nargs="+")
    p.add_argument("--dry-run", action="store_true", help="只预览，不导入")
    p.add_argument("--yes", action="store_true", help="不询问，直接导入")
    p.add_argument("--passphrase", default=None, help=f"口令加密的数据包的口令（也可用环境变量 {BUNDLE_ENV}）")
    p.add_argument("--key-passphrase", default=None, help=f"（乡镇）乡镇密钥口令（也可用环境变量 {KEY_ENV}）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_import)

    p = sub.add_parser("sync", help="同步状态")
    sync = p.add_subparsers(dest="sync_command", metavar="操作")
    sync.required = True
    q = sync.add_parser("status", help="（乡镇）各村最近数据包、缺号、冲突、问题数据；（村）导出和乡镇确认情况")
    q.add_argument("--json", action="store_true")
    q.add_argument("--rollup", action="store_true", help="（乡镇）同时列出全乡镇汇总")
    q.set_defaults(handler=run_status)

    p = sub.add_parser("conflicts", help="冲突（需核实）和重复身份证号：列出、处理、打印")
    p.add_argument("--json", action="store_true")
    p.add_argument("--all", action="store_true", help="包括已处理的")
    p.add_argument("--resolve", default="", metavar="冲突编号", help="处理一条冲突")
    p.add_argument("--choose", default="provisional", help="采用哪个值：provisional（暂定值）或某个值的时间戳")
    p.add_argument("--value", default=None, help="填写新值（JSON，例如 \"张三\" 或 3）")
    p.add_argument("--duplicate", default="", metavar="重复编号", help="处理一条重复身份证号")
    p.add_argument("--keep", choices=("a", "b", "both"), default=None, help="保留 a / b，或 both（不是重复）")
    p.add_argument("--reason", default="")
    p.add_argument("--pdf", type=Path, default=None, help="打印冲突报告（PDF）")
    p.set_defaults(handler=run_conflicts)


# --- passphrases -------------------------------------------------------------------------------------------------
def _secret(given, env: str, prompt: str, *, twice: bool = False, required: bool = True):
    if given:
        return given, given
    if os.environ.get(env):
        return os.environ[env], os.environ[env]
    if not required:
        return None, None
    if not sys.stdin or not sys.stdin.isatty():
        return None, None
    first = getpass.getpass(prompt)
    return first, (getpass.getpass("请再输入一次：") if twice else first)


def _secrets(args, *, key: bool):
    from fupin_desktop.sync.importer import Secrets

    key_pass = _secret(getattr(args, "key_passphrase", None), KEY_ENV, "乡镇密钥口令：", required=key)[0]
    bundle_pass = _secret(getattr(args, "passphrase", None), BUNDLE_ENV, "", required=False)[0]
    return Secrets(key_passphrase=key_pass, bundle_passphrase=bundle_pass)


# --- keys ----------------------------------------------------------------------------------------------------------
def run_keys_show(make_ctx, args) -> int:
    from fupin_desktop.storage.migrations_sync import ensure_sync_schema
    from fupin_desktop.sync import keys as k

    ctx = make_ctx()
    ensure_sync_schema(ctx.db)
    device = k.device_keys(ctx)
    own = k.township_identity(ctx)
    trusted = k.trusted_township(ctx)
    pins = [{"device": r[0], "org": r[1], "fingerprint": r[2], "pinned_at": r[3], "reason": r[4]}
            for r in ctx.db.execute("SELECT device_id, org_code, fingerprint, pinned_at, reason FROM sync_device_keys"
                                    " WHERE active = 1 ORDER BY org_code")]
    data = {"device": ctx.device_id, "device_fingerprint": k.device_fingerprint(device.sign_public),
            "township_key": own.fingerprint if own else "", "trusted_township": trusted.fingerprint if trusted else "",
            "pinned_devices": pins}
    if args.json:
        print_json(data)
        return 0
    print(f"本机设备：{ctx.device_id}（指纹 {data['device_fingerprint']}）")
    if own:
        print(f"本乡镇密钥指纹：{own.fingerprint}")
    print(f"已导入的乡镇公钥：{trusted.fingerprint}（{trusted.org_code}）" if trusted else "尚未导入乡镇公钥。")
    if pins:
        print_table(["设备", "村代码", "指纹", "绑定时间", "原因"],
                    [(p["device"], p["org"], p["fingerprint"], p["pinned_at"], p["reason"]) for p in pins])
    return 0


def run_keys_init(make_ctx, args) -> int:
    from fupin_desktop.sync import keys as k
    from fupin_desktop.sync import recovery
    from fupin_desktop.sync.errors import PassphraseNeeded

    ctx = make_ctx()
    first, second = _secret(args.key_passphrase, KEY_ENV, "设置乡镇密钥口令（至少8个字符）：", twice=True)
    if not first:
        raise PassphraseNeeded(f"请设置口令：--key-passphrase 或环境变量 {KEY_ENV}，或在终端中运行。")
    identity = k.create_township_key(ctx, first, second)
    out = args.out or ctx.data_dir
    out.mkdir(parents=True, exist_ok=True)
    pub = k.write_public_file(identity, out / "township.pub")
    sheet = out / "乡镇密钥恢复单.txt"
    sheet.write_text(recovery.render(ctx), encoding="utf-8")
    print(f"已生成乡镇密钥对。公钥指纹：{identity.fingerprint}")
    print(f"公钥文件：{pub}（复制给各村，村里运行 fupin keys trust 导入）")
    print(f"恢复单：{sheet}（请打印后锁好并删除电子版；口令不在恢复单上，请牢记）")
    return 0


def run_keys_export_public(make_ctx, args) -> int:
    from fupin_desktop.sync import keys as k
    from fupin_desktop.sync.errors import KeyProblem

    identity = k.township_identity(make_ctx())
    if identity is None:
        raise KeyProblem("本乡镇还没有密钥对：请先运行 fupin keys init-township。")
    path = k.write_public_file(identity, args.out)
    print(f"已写出乡镇公钥：{path}（指纹 {identity.fingerprint}）")
    return 0


def run_keys_sheet(make_ctx, args) -> int:
    from fupin_desktop.sync import recovery

    args.out.write_text(recovery.render(make_ctx()), encoding="utf-8")
    print(f"已写出恢复单：{args.out}（打印后请删除电子版）")
    return 0


def run_keys_restore(make_ctx, args) -> int:
    from fupin_desktop.sync import recovery
    from fupin_desktop.sync.errors import PassphraseNeeded

    ctx = make_ctx()
    passphrase = _secret(args.key_passphrase, KEY_ENV, "乡镇密钥口令：")[0]
    if not passphrase:
        raise PassphraseNeeded(f"请提供口令：--key-passphrase 或环境变量 {KEY_ENV}。")
    identity = recovery.restore(ctx, args.sheet.read_text(encoding="utf-8"), passphrase)
    print(f"已恢复乡镇密钥，指纹 {identity.fingerprint}。")
    return 0


def run_keys_trust(make_ctx, args) -> int:
    from fupin_desktop.sync import keys as k
    from fupin_desktop.sync.errors import KeyProblem

    ctx = make_ctx()
    if args.file is not None:
        identity = k.read_public_file(args.file)
    elif args.text:
        org = args.org or (ctx.installation("org_code", "") or "")[:9]
        identity = k.parse_key_text(args.text, org)
    else:
        raise KeyProblem("请给出乡镇公钥文件，或用 --text 输入公钥文字。")
    k.trust_township(ctx, identity, typed_fingerprint=args.fingerprint)
    print(f"已导入乡镇公钥：{identity.org_code} {identity.name}，指纹 {identity.fingerprint}")
    if args.file is not None and not args.fingerprint:
        print("请与乡镇恢复单上的指纹逐组核对；不一致时请勿使用，并联系乡镇。")
    return 0


def run_keys_escrow(make_ctx, args) -> int:
    from fupin_desktop.sync import keys as k

    identity = k.read_public_file(args.file)
    k.add_escrow(make_ctx(), identity)
    print(f"已添加托管公钥：{identity.org_code} {identity.name}，指纹 {identity.fingerprint}")
    return 0


def run_keys_repin(make_ctx, args) -> int:
    from fupin_desktop.sync import keys as k

    k.request_repin(make_ctx(), args.device, args.reason)
    print(f"已记录：设备 {args.device} 下次导入时改用新密钥（原因：{args.reason}）。")
    return 0


# --- export / import / status / conflicts ---------------------------------------------------------------------------------
def run_export(make_ctx, args) -> int:
    from fupin_desktop.sync import export

    ctx = make_ctx()
    if ctx.settings.mode == "township":
        results = export.export_corrections(ctx, args.out, _secrets(args, key=True), village_codes=args.village)
    else:
        passphrase, repeated = (None, None)
        from fupin_desktop.sync.keys import trusted_township

        if trusted_township(ctx) is None:
            passphrase, repeated = _secret(args.passphrase, BUNDLE_ENV, "设置导出口令（至少8个字符）：", twice=True)
        results = [export.export_changes(ctx, args.out, full=args.full, since_ack=args.since_ack,
                                         passphrase=passphrase, passphrase_repeat=repeated)]
    for result in results:
        if result.warning:
            print(result.warning)
        print(result.safe_message)
    return 0


def _print_report(prepared, *, applied: bool) -> None:
    rows = []
    for p in prepared:
        if not p.ok:
            print(f"{p.path.name}：{p.error}")
            continue
        r = p.report
        if p.gap:
            print(f"{p.path.name}：注意，缺少该设备第 {p.gap[0]}–{p.gap[1]} 号数据包（已记录，请让村里补交）。")
        if r is None:
            continue
        rows.append((p.path.name, r.org, r.new, r.updated, r.unchanged, r.conflicts, r.refused, r.held,
                     r.ledger_new, r.duplicates))
        for tbl, row_id, field, _stamp, reason in r.refusals[:20]:
            print(f"  拒绝：{tbl} {row_id[:8]} {field}：{reason}")
        for tbl, row_id, note in r.flags[:20]:
            print(f"  提示：{tbl} {row_id[:8]}：{note}")
    if rows:
        print("导入结果：" if applied else "预览（尚未导入）：")
        print_table(["文件", "村", "新增", "更新", "未变", "冲突需核实", "拒绝", "暂存", "新账目", "疑似重复"], rows)


def run_import(make_ctx, args) -> int:
    from fupin_desktop.sync.errors import ConfirmationNeeded
    from fupin_desktop.sync.importer import import_files

    ctx = make_ctx()

    def confirm(prepared) -> bool:
        _print_report(prepared, applied=False)
        if not sys.stdin or not sys.stdin.isatty():
            raise ConfirmationNeeded("请确认预览无误后加 --yes 重新运行以导入（没有写入任何内容）。")
        return input("确认导入？[y/N] ").strip().lower() in ("y", "yes", "是")

    def progress(stage, done, total, name):
        if total > 1 and stage == "apply":
            print(f"  导入 {done}/{total}：{name}", flush=True)

    secrets = _secrets(args, key=ctx.settings.mode == "township")
    prepared = import_files(ctx, args.files, secrets, dry=args.dry_run, confirm=None if args.yes else confirm,
                            progress=progress)
    if args.json:
        print_json([{"file": p.path.name, "ok": p.ok, "applied": p.applied, "already": p.already, "error": p.error,
                     "gap": list(p.gap) if p.gap else None, "report": p.report.to_json() if p.report else None}
                    for p in prepared])
    else:
        _print_report(prepared, applied=not args.dry_run)
    failed = [p for p in prepared if not p.ok and not p.already]
    return 1 if failed else 0


def run_status(make_ctx, args) -> int:
    from fupin_desktop.sync import status

    ctx = make_ctx()
    if ctx.settings.mode == "township":
        data = {"villages": status.township_status(ctx)}
        if args.rollup:
            data["rollup"] = status.rollup(ctx)
        if args.json:
            print_json(data)
            return 0
        print_table(["村代码", "村名", "户数", "问题户", "数据包", "最近导入", "缺号", "冲突", "疑似重复", "暂存"],
                    [(v["code"], v["name"], v["households"], v["problem_households"], v["bundles"],
                      v["last_import"][:16].replace("T", " "),
                      "；".join(f"{d[:6]}:{','.join(map(str, s))}" for d, s in v["gaps"].items()) or "—",
                      v["conflicts"], v["duplicates"], v["held"]) for v in data["villages"]])
        if args.rollup:
            total = data["rollup"]["total"]
            print(f"\n全乡镇：{total['households']} 户 {total['people']} 人，未脱贫 {total['poor_people']} 人，"
                  f"贫困发生率 {total['incidence_percent'] if total['incidence_percent'] is not None else '—'}%")
        return 0
    data = status.village_status(ctx)
    if args.json:
        print_json(data)
        return 0
    print(f"乡镇公钥：{data['township_key'] or '尚未导入'}")
    print(f"待发送：{data['pending_changes']} 条变更，{data['pending_ledger']} 笔账目；乡镇已确认接收 "
          f"{data['accepted_changes']} 条，退回 {len(data['refused'])} 条；需核实冲突 {data['open_conflicts']} 条")
    if data["exports"]:
        print_table(["序号", "类型", "时间", "文件", "乡镇已确认"],
                    [(e["seq"], e["kind"], e["created_at"].replace("T", " "), e["file_name"], "是" if e["acked"] else "否")
                     for e in data["exports"]])
    return 0


def run_conflicts(make_ctx, args) -> int:
    import json

    from fupin_desktop.sync import conflicts, duplicates

    ctx = make_ctx()
    from fupin_desktop.storage.migrations_sync import ensure_sync_schema

    ensure_sync_schema(ctx.db)
    if args.resolve:
        value = json.loads(args.value) if args.value is not None else None
        choice = "value" if args.value is not None else args.choose
        conflicts.resolve(ctx, args.resolve, choice=choice, reason=args.reason, value=value)
        print("已处理；处理结果会随下次导出发送。")
        return 0
    if args.duplicate:
        duplicates.resolve_duplicate(ctx, args.duplicate, keep=args.keep or "", reason=args.reason)
        print("已处理重复身份证号。")
        return 0
    items = conflicts.open_conflicts(ctx.db, include_resolved=args.all)
    for item in items:
        item["where"] = conflicts.describe_row(ctx.db, item["table"], item["row_id"])
    dups = duplicates.open_duplicates(ctx.db, include_closed=args.all)
    if args.pdf:
        from fupin_desktop.reports.conflict_report import render_conflict_report

        args.pdf.write_bytes(render_conflict_report({"conflicts": items, "duplicates": dups,
                                                     "org": ctx.installation("org_name", "") or ""}))
        print(f"已生成冲突报告：{args.pdf}")
    if args.json:
        print_json({"conflicts": items, "duplicates": dups})
        return 0
    if not items and not dups:
        print("没有需要核实的冲突或重复身份证号。")
        return 0
    for item in items:
        w = item["where"]
        print(f"\n[{item['status_label']}] {item['id']}  {w['village']} {w['number']} {w['head']}  字段 {item['field']}")
        for head in item["heads"]:
            mark = "（暂定）" if head["stamp"] == item["provisional"] else ""
            source = "乡镇" if head["authority"] else "村"
            print(f"    {source} {head['stamp']}: {json.dumps(head['value'], ensure_ascii=False)}{mark}")
    for d in dups:
        print(f"\n[疑似重复] {d['id']}  身份证号 {d['id_number'][:6]}…{d['id_number'][-4:]}："
              f"a={d['a']['village']} {d['a']['household']} {d['a']['name']}；b={d['b']['village']} {d['b']['household']}"
              f" {d['b']['name']}")
    return 0
