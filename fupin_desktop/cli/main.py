"""The ``fupin`` command: a headless face for scripts and township clerks.

Subcommands live in ``cmd_*.py`` modules of this package, each with ``register(subparsers)``; every handler
is ``handler(ctx_factory, args) -> int``. Errors are one clear Chinese line and a non-zero exit.
"""

import argparse
import importlib
import pkgutil
import re
import sys
from pathlib import Path

from fupin_desktop import __version__

COMMAND_PREFIX = "cmd_"


def command_modules():
    import fupin_desktop.cli as package

    names = sorted(m.name for m in pkgutil.iter_modules(package.__path__) if m.name.startswith(COMMAND_PREFIX))
    return [importlib.import_module(f"fupin_desktop.cli.{name}") for name in names]


# argparse's own refusals, said in Chinese (the patterns are those of argparse's messages).
_ARGPARSE_MESSAGES = (
    (re.compile(r"argument (.+?): invalid int value: '(.*)'"), "参数 {0} 应为整数，“{1}”不是整数"),
    (re.compile(r"argument (.+?): invalid choice: '(.*)' \(choose from (.*)\)"), "参数 {0} 不能是“{1}”，可选：{2}"),
    (re.compile(r"argument (.+?): invalid (\w+) value: '(.*)'"), "参数 {0} 的值“{2}”不对"),
    (re.compile(r"argument (.+?): expected one argument"), "参数 {0} 后面要跟一个值"),
    (re.compile(r"the following arguments are required: (.*)"), "缺少参数：{0}"),
    (re.compile(r"unrecognized arguments: (.*)"), "不认识的参数：{0}"),
)


def chinese_argparse_message(message: str) -> str:
    for pattern, text in _ARGPARSE_MESSAGES:
        found = pattern.fullmatch(message)
        if found:
            return text.format(*(g.replace("'", "") for g in found.groups()))
    return message


class ChineseArgumentParser(argparse.ArgumentParser):
    """Refuses wrong arguments with one Chinese line (and the usage), like the commands' own errors."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"错误：{chinese_argparse_message(message)}（{self.prog} --help 查看用法）\n")


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(prog="fupin", description="村级脱贫攻坚作战室（命令行）")
    parser.add_argument("--version", action="version", version=f"fupin_desktop {__version__}")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="数据文件夹（默认：环境变量 FUPIN_DATA_DIR，或系统用户数据目录）")
    parser.add_argument("--operator", default="", help="操作人姓名（记入变更记录）")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    sub.required = True
    for module in command_modules():
        module.register(sub)
    return parser


class ContextFactory:
    """Opens the application context lazily, once, from the global options."""

    def __init__(self, args):
        self.args = args
        self._session = None

    def __call__(self):
        """The context, after locking the data folder and checking the database (services.backup)."""
        if self._session is None:
            from fupin_desktop.services.backup import open_session

            self._session = open_session(self.args.data_dir, operator=self.args.operator)
        return self._session.ctx

    def close(self):
        if self._session is None:
            return
        from fupin_desktop.services.backup import maybe_periodic_backup
        from fupin_desktop.storage.database import StorageError

        try:
            maybe_periodic_backup(self._session.ctx)
        except StorageError as exc:
            print(f"提醒：自动备份没有完成：{exc}", file=sys.stderr)
        finally:
            self._session.close()
            self._session = None


def main(argv=None) -> int:
    import sqlite3

    from fupin_desktop.services.errors import ServiceError
    from fupin_desktop.storage.database import StorageError
    from fupin_desktop.storage.recovery import explain

    _utf8_console()
    parser = build_parser()
    args = parser.parse_args(argv)
    factory = ContextFactory(args)
    try:
        return int(args.handler(factory, args) or 0)
    except (ServiceError, StorageError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except sqlite3.Error as exc:
        print(f"错误：{explain(exc) or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
    except OSError as exc:
        known = explain(exc)
        if known is not None:
            print(f"错误：{known}", file=sys.stderr)
            return 1
        print(f"错误：文件操作失败：{exc.strerror or exc}（{getattr(exc, 'filename', '') or ''}）", file=sys.stderr)
        return 1
    finally:
        try:
            factory.close()
        except (StorageError, OSError, sqlite3.Error) as exc:
            print(f"提醒：关闭数据文件时出错：{explain(exc) or exc}", file=sys.stderr)


def _utf8_console():
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            try:
                reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, OSError):
                pass


if __name__ == "__main__":
    sys.exit(main())
