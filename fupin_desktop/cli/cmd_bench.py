"""``fupin bench storage|print|sync|xlsx|gui``: speed figures, each against an anchor measured in the same run."""

import subprocess
import sys
import tempfile
from pathlib import Path


def register(sub):
    p = sub.add_parser("bench", help="性能测试（每项与同次运行中测得的基准对比）")
    p.add_argument("what", choices=("storage", "print", "sync", "xlsx", "gui"))
    p.add_argument("--size", default=None, help="数据规模（storage: village/township/county）")
    p.add_argument("--work-dir", type=Path, default=None, help="临时文件夹（默认系统临时目录）")
    p.add_argument("--reuse", action="store_true",
                   help="storage: 沿用 --work-dir 中已生成的数据文件，只测搜索、打开一户和作战图")
    p.set_defaults(handler=run_bench)


def run_bench(_make_ctx, args) -> int:
    work = args.work_dir or Path(tempfile.mkdtemp(prefix="fupin-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    if args.what == "storage":
        from fupin_desktop.services.bench_storage import run_storage_bench

        run_storage_bench(work, size=args.size or "county", reuse=args.reuse)
    elif args.what == "print":
        import os

        from fupin_desktop.reports.bench import run_print_bench

        run_print_bench(workers=min(2, os.cpu_count() or 1))  # S6 is measured with both cores of the laptop
    elif args.what == "sync":
        from fupin_desktop.sync.bench import run_sync_bench

        run_sync_bench(work)
    elif args.what == "xlsx":
        from fupin_desktop.spreadsheets.bench import run_xlsx_bench

        run_xlsx_bench(work)
    else:
        # The Qt face is measured in its own process: the command line never imports Qt.
        return subprocess.call([sys.executable, "-m", "fupin_desktop.qt.bench", "--work-dir", str(work)])
    return 0
