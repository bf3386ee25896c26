"""``fupin init`` (a village or a township) and ``fupin demo``."""

from fupin_desktop.services.errors import ValidationError


def register(sub):
    p = sub.add_parser("init", help="初始设置：建立一个村（或乡镇）")
    p.add_argument("--mode", choices=("village", "township"), default="village", help="village 村 / township 乡镇")
    p.add_argument("--code", required=True, help="12位统计用区划代码（乡镇：前9位加000）")
    p.add_argument("--name", required=True, help="村名（乡镇模式为乡镇名）")
    p.add_argument("--province", default="")
    p.add_argument("--city", default="")
    p.add_argument("--county", default="")
    p.add_argument("--township", default="")
    p.add_argument("--groups", default="", help="村民小组，用逗号分隔，如 一组,二组")
    p.add_argument("--rural-population", type=int, default=0)
    p.add_argument("--first-secretary", default="")
    p.set_defaults(handler=run_init)

    p = sub.add_parser("demo", help="生成演示数据（确定性，可重复）")
    p.add_argument("--size", choices=("small", "village", "township", "county"), default="village")
    p.add_argument("--seed", type=int, default=2020)
    p.set_defaults(handler=run_demo)


def _is_empty(ctx) -> bool:
    from fupin_desktop.storage import tables as t

    return ctx.db.execute(f"SELECT count(*) FROM {t.VILLAGES}").fetchone()[0] == 0


def run_init(make_ctx, args) -> int:
    from fupin_desktop.services.settings import set_setting
    from fupin_desktop.services.villages import check_area_code, create_village

    ctx = make_ctx()
    if not _is_empty(ctx):
        raise ValidationError("这个数据文件夹已经初始化过了；如需重新开始，请换一个 --data-dir。")
    if args.mode == "township":
        code = check_area_code(args.code, level="township")
        ctx.set_installation("org_code", code[:9])
        ctx.set_installation("org_name", args.name)
        set_setting(ctx, "mode", "township", reason="初始设置：乡镇模式")
        print(f"已设置为乡镇模式：{args.name}（{code[:9]}）。各村数据通过 U 盘导入。")
        return 0
    groups = tuple(g.strip() for g in args.groups.replace("，", ",").split(",") if g.strip())
    village_id, _ = create_village(ctx, {
        "code": args.code, "name": args.name, "province": args.province, "city": args.city,
        "county": args.county, "township": args.township, "groups": groups,
        "rural_population": args.rural_population, "first_secretary": args.first_secretary,
    }, reason="初始设置")
    ctx.set_installation("org_code", args.code)
    ctx.set_installation("org_name", args.name)
    print(f"已建立：{args.name}（{args.code}）。")
    return 0


def run_demo(make_ctx, args) -> int:
    from fupin_desktop.services import demo
    from fupin_desktop.services.derived import refresh

    ctx = make_ctx()
    if not _is_empty(ctx):
        raise ValidationError("数据文件夹里已有数据；演示数据只能生成到一个空的数据文件夹（请用 --data-dir 指定）。")
    today = ctx.clock.today()
    counts = demo.generate(ctx.db, size=args.size, seed=args.seed, today=today, hlc=ctx.hlc,
                           progress=_progress("生成"))
    if counts.get("village_code"):
        ctx.set_installation("org_code", counts["village_code"])
    with ctx.db.atomic():
        refresh(ctx, progress=_progress("检查"))
    print(f"\n演示数据已生成（{args.size}，种子 {args.seed}，截至 {today.isoformat()}）：")
    for key, value in counts.items():
        print(f"  {key}: {value}")
    return 0


def _progress(label):
    last = {"pct": -1}

    def report(done, total):
        pct = int(done * 100 / total) if total else 100
        if pct != last["pct"] and pct % 10 == 0:
            last["pct"] = pct
            print(f"  {label} {pct}%", flush=True)

    return report

