"""``python -m fupin_desktop`` / ``fupin-desktop``: open the battle room window.

    python -m fupin_desktop [--data-dir DIR] [--screenshots OUT] [--operator NAME] [--language zh_CN|zh_TW|en]

With no data yet, a first-run wizard asks for the village (or township), or builds the demo village.
``--screenshots OUT`` renders every page to PNG files in OUT and exits (works with QT_QPA_PLATFORM=offscreen).
"""

import argparse
import sys
from pathlib import Path


def build_parser() -> argparse.ArgumentParser:
    from fupin_desktop.cli.main import ChineseArgumentParser  # refusals in Chinese, as on the command line

    parser = ChineseArgumentParser(prog="fupin-desktop", description="村级脱贫攻坚作战室")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="数据文件夹（默认：环境变量 FUPIN_DATA_DIR，或系统用户数据目录）")
    parser.add_argument("--screenshots", type=Path, default=None, metavar="OUT",
                        help="把每个页面截图保存到 OUT 文件夹后退出")
    parser.add_argument("--operator", default="", help="操作人姓名（记入变更记录）")
    parser.add_argument("--language", default="", choices=("", "zh_CN", "zh_TW", "en"), help="界面语言")
    parser.add_argument("--self-test", action="store_true",
                        help="在临时文件夹里自检（打开数据库、演示数据、页面、打印、同步、备份）后退出")
    parser.add_argument("--ready-marker", action="store_true", help=argparse.SUPPRESS)  # bench: time to ready
    return parser


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--self-test" in argv:
        from fupin_desktop.selftest import main as self_test

        return self_test(argv)
    args = build_parser().parse_args(argv)
    from fupin_desktop.qt.app import LaunchOptions, launch

    return launch(LaunchOptions(data_dir=args.data_dir, screenshots=args.screenshots, operator=args.operator,
                                language=args.language, ready_marker=args.ready_marker))


if __name__ == "__main__":
    sys.exit(main())
