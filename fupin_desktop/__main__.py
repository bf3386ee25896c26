"""``python -m fupin_desktop`` / ``fupin-desktop``: open the battle room.

Until the window exists this prints the dashboard; with no data yet it first builds the demo village.
"""

import sys


def main(argv=None) -> int:
    from fupin_desktop.cli.main import main as cli_main
    from fupin_desktop.services.context import open_context
    from fupin_desktop.storage import tables as t

    argv = list(sys.argv[1:] if argv is None else argv)
    data_dir = None
    if "--data-dir" in argv:
        data_dir = argv[argv.index("--data-dir") + 1]
    ctx = open_context(data_dir)
    empty = ctx.db.execute(f"SELECT count(*) FROM {t.VILLAGES}").fetchone()[0] == 0
    mode = ctx.settings.mode
    ctx.close()
    prefix = ["--data-dir", str(data_dir)] if data_dir else []
    if empty and mode == "village":
        print("还没有数据：先生成演示村（可随时换用自己的数据文件夹）。")
        cli_main([*prefix, "demo", "--size", "village"])
    return cli_main([*prefix, "summary"])


if __name__ == "__main__":
    sys.exit(main())
