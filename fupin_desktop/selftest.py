"""``fupin-desktop --self-test``: prove that this installation (source tree, wheel or frozen bundle) works.

Everything happens in a new temporary folder, never in the person's data folder: a village and a township
are set up there, the steps below run one after another, each prints one line with its result, and the
process exits non-zero when any step fails. A step whose module or command does not exist yet fails with
"未实现" (nothing is pretended).

1. open and migrate a new database;
2. generate the small demo village (``fupin demo --size small``);
3. render every main page offscreen (the window's own screenshot machinery, ``fupin_desktop.qt``);
4. print one household packet (``fupin print packet``) and read its text back (pypdf when installed, else
   the file's structure only, with a note);
5. export a full USB bundle, import it at a temporary township, compare the township's summary of that
   village with the village's own, and import it again (nothing may change);
6. back up, change a setting, restore the backup and check that the change is gone.

The headless steps drive the command line (``fupin …``) in this process, so they also prove that its
subcommands, found at run time, made it into the bundle.

Output lines start with ``[ OK ]`` or ``[FAIL]`` then ``<number>. <step>`` (tests read them).
"""

import contextlib
import importlib.util
import io
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

OK_MARK = "[ OK ]"
FAIL_MARK = "[FAIL]"
NOT_IMPLEMENTED = "未实现"
KEY_PASSPHRASE = "self-test-passphrase"  # for the throwaway township key only
DEMO_SEED = "2020"


class StepFailed(Exception):
    """A step did not do what it should; the message says what happened (Chinese)."""


class NotImplementedYet(StepFailed):
    def __init__(self, what: str):
        super().__init__(f"{NOT_IMPLEMENTED}：{what}")


@dataclass
class StepResult:
    number: int
    title: str
    ok: bool
    detail: str
    seconds: float

    @property
    def not_implemented(self) -> bool:
        return self.detail.startswith(NOT_IMPLEMENTED)

    def line(self) -> str:
        mark = OK_MARK if self.ok else FAIL_MARK
        return f"{mark} {self.number}. {self.title}（{self.seconds:.1f} 秒）：{self.detail}"


@dataclass
class CliRun:
    code: int
    out: str
    err: str

    def tail(self, lines: int = 6) -> str:
        text = "\n".join(part for part in (self.out.strip(), self.err.strip()) if part)
        return "\n".join(text.splitlines()[-lines:])


class SelfTest:
    """The steps, sharing one temporary root: ``village/``, ``township/``, ``usb/``, ``out/``."""

    STEPS = (
        ("open_database", "打开并迁移数据库"),
        ("demo", "生成小型演示村"),
        ("pages", "离屏绘制每个主页面"),
        ("packet", "打印一户扶贫手册并核对文字"),
        ("sync", "导出数据包并在临时乡镇导入"),
        ("backup", "备份并恢复"),
    )

    def __init__(self, root: Path):
        self.root = Path(root)
        self.village = self.root / "village"
        self.township = self.root / "township"
        self.usb = self.root / "usb"
        self.out = self.root / "out"
        self.done: set[str] = set()

    # running ------------------------------------------------------------------------------------------------
    def run(self, report: Callable[[str], object]) -> list[StepResult]:
        results = []
        for number, (key, title) in enumerate(self.STEPS, 1):
            started = time.monotonic()
            try:
                detail = getattr(self, f"step_{key}")() or "完成"
                ok = True
                self.done.add(key)
            except StepFailed as exc:
                detail, ok = str(exc), False
            except Exception as exc:  # a crash is a failed step, with its type for the report
                detail, ok = f"出错：{type(exc).__name__}: {exc}", False
            result = StepResult(number, title, ok, detail, time.monotonic() - started)
            results.append(result)
            report(result.line())
        return results

    def needs(self, *keys: str) -> None:
        missing = [title for key, title in self.STEPS if key in keys and key not in self.done]
        if missing:
            raise StepFailed(f"前面的步骤未通过（{'、'.join(missing)}），无法进行")

    # the command line, in this process ------------------------------------------------------------------------
    @staticmethod
    def commands() -> set[str]:
        from fupin_desktop.cli.main import build_parser

        parser = build_parser()
        for action in parser._actions:  # argparse keeps subcommands in its one _SubParsersAction
            if hasattr(action, "choices") and isinstance(action.choices, dict):
                return set(action.choices)
        return set()

    def require_command(self, name: str) -> None:
        if name not in self.commands():
            raise NotImplementedYet(f"还没有 fupin {name} 命令")

    @staticmethod
    def cli(data_dir: Path, *args: str) -> CliRun:
        from fupin_desktop.cli.main import main as cli_main

        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli_main(["--data-dir", str(data_dir), "--operator", "自检", *args])
            except SystemExit as exc:  # argparse refuses the arguments
                code = exc.code if isinstance(exc.code, int) else 2
        return CliRun(int(code or 0), out.getvalue(), err.getvalue())

    def cli_ok(self, data_dir: Path, *args: str) -> CliRun:
        run = self.cli(data_dir, *args)
        if run.code != 0:
            raise StepFailed(f"fupin {' '.join(args)} 退出码 {run.code}：{run.tail()}")
        return run

    def cli_json(self, data_dir: Path, *args: str):
        run = self.cli_ok(data_dir, *args)
        try:
            return json.loads(run.out)
        except ValueError as exc:
            raise StepFailed(f"fupin {' '.join(args)} 的输出不是 JSON：{run.tail()}") from exc

    # 1 -----------------------------------------------------------------------------------------------------
    def step_open_database(self) -> str:
        from fupin_desktop.services.context import open_context
        from fupin_desktop.storage.database import known_migrations, quick_check
        from fupin_desktop.storage.migrations import MIGRATIONS

        for attempt in ("新建", "再次打开"):
            ctx = open_context(self.village)
            try:
                applied = {m.name for m in MIGRATIONS.applied(ctx.db)}
                pending = [m.name for m in MIGRATIONS.pending(ctx.db)]
                problems = quick_check(ctx.db)
            finally:
                ctx.close()
            if pending or applied != known_migrations():
                raise StepFailed(f"{attempt}后仍有未应用的迁移：{pending or sorted(known_migrations() - applied)}")
            if problems:
                raise StepFailed(f"{attempt}后完整性检查不通过：{'；'.join(problems[:3])}")
        return f"{len(applied)} 个迁移（{'、'.join(sorted(applied))}），完整性检查通过"

    # 2 -----------------------------------------------------------------------------------------------------
    def step_demo(self) -> str:
        self.needs("open_database")
        self.require_command("demo")
        if importlib.util.find_spec("fupin_desktop.services.demo") is None:
            raise NotImplementedYet("还没有演示数据模块 fupin_desktop.services.demo")
        from fupin_desktop.services.demo import SIZES

        self.cli_ok(self.village, "demo", "--size", "small", "--seed", DEMO_SEED)
        summary = self.cli_json(self.village, "summary", "--json")
        expected = SIZES["small"].households
        if summary.get("households") != expected:
            raise StepFailed(f"演示村应有 {expected} 户，实际 {summary.get('households')} 户")
        self.summary = summary
        from fupin_desktop.services.context import open_context

        ctx = open_context(self.village)
        try:
            self.village_code = ctx.installation("org_code", "") or ""
        finally:
            ctx.close()
        if len(self.village_code) != 12:
            raise StepFailed(f"演示村没有12位区划代码（{self.village_code!r}）")
        return f"{summary['households']} 户 {summary.get('people', '?')} 人，村代码 {self.village_code}"

    # 3 -----------------------------------------------------------------------------------------------------
    def step_pages(self) -> str:
        self.needs("demo")
        if importlib.util.find_spec("PySide6") is None:
            raise StepFailed("没有安装 PySide6，无法绘制界面")
        from fupin_desktop.qt.selftest_pages import PagesNotAvailable, render_pages

        try:
            report = render_pages(self.village, self.out / "pages")
        except PagesNotAvailable as exc:
            raise NotImplementedYet(str(exc)) from exc
        if report.problems:
            raise StepFailed("；".join(report.problems))
        return report.summary

    # 4 -----------------------------------------------------------------------------------------------------
    def step_packet(self) -> str:
        self.needs("demo")
        self.require_command("print")
        household = self._a_household()
        target = self.out / "packet.pdf"
        target.parent.mkdir(parents=True, exist_ok=True)
        self.cli_ok(self.village, "print", "packet", "--households", household["id"], "--out", str(target))
        if not target.is_file() or target.stat().st_size == 0:
            raise StepFailed(f"没有生成 PDF：{target}")
        check = check_pdf(target, expected=[household["head"], household["member"], household["village"],
                                          household["number"]])
        if check.problems:
            raise StepFailed("；".join(check.problems))
        return f"{household['head']}户，{check.summary}"

    def _a_household(self) -> dict:
        from fupin_desktop.services.context import open_context
        from fupin_desktop.services.queries import household_file, list_households

        ctx = open_context(self.village)
        try:
            rows = list_households(ctx, limit=50)
            if not rows:
                raise StepFailed("演示村里没有户")
            row = max(rows, key=lambda r: r.people)  # a household with several members
            file = household_file(ctx, row.id)
            head = row.head_name or (file.members[0].name if file.members else "")
            others = [m.name for m in file.members if m.name != head and not m.change_type]
            return {"id": row.id, "number": file.household.number, "head": head, "member": others[0] if others else "",
                    "village": file.village.name if file.village else ""}
        finally:
            ctx.close()

    # 5 -----------------------------------------------------------------------------------------------------
    def step_sync(self) -> str:
        self.needs("demo")
        for name in ("keys", "export", "import", "summary"):
            self.require_command(name)
        code = self.village_code
        township_code = code[:9] + "000"
        self.cli_ok(self.township, "init", "--mode", "township", "--code", township_code, "--name", "自检乡镇")
        keys = self.root / "township-keys"
        self.cli_ok(self.township, "keys", "init-township", "--out", str(keys), "--key-passphrase", KEY_PASSPHRASE)
        self.cli_ok(self.village, "keys", "trust", str(keys / "township.pub"))
        self.usb.mkdir(parents=True, exist_ok=True)
        before = set(self.usb.iterdir())
        self.cli_ok(self.village, "export", "--out", str(self.usb), "--full")
        bundles = sorted(set(self.usb.iterdir()) - before)
        if len(bundles) != 1:
            raise StepFailed(f"导出后U盘文件夹里应多出 1 个数据包，实际 {len(bundles)} 个")
        bundle = bundles[0]
        self.cli_ok(self.township, "import", str(bundle), "--yes", "--key-passphrase", KEY_PASSPHRASE)
        village_view = self.cli_json(self.village, "summary", "--json")
        township_view = self.cli_json(self.township, "summary", "--json", "--village", code)
        if village_view != township_view:
            different = sorted(k for k in set(village_view) | set(township_view)
                               if village_view.get(k) != township_view.get(k))
            raise StepFailed(f"乡镇看到的该村汇总与村里不同：{'、'.join(different)}")
        again = self.cli_ok(self.township, "import", str(bundle), "--yes", "--key-passphrase", KEY_PASSPHRASE)
        if self.cli_json(self.township, "summary", "--json", "--village", code) != village_view:
            raise StepFailed("再次导入同一数据包后乡镇数据变了")
        if "已导入过" not in again.out + again.err:
            raise StepFailed(f"再次导入同一数据包没有说明已导入过：{again.tail(2)}")
        return (f"{bundle.name}（{bundle.stat().st_size // 1024} KB）导入乡镇 {township_code}，"
                f"两边汇总一致（{village_view.get('households')} 户）；重复导入无改动")

    # 6 -----------------------------------------------------------------------------------------------------
    def step_backup(self) -> str:
        self.needs("demo")
        for name in ("backup", "backups", "restore", "check-db"):
            self.require_command(name)
        from fupin_desktop.services.context import open_context
        from fupin_desktop.services.settings import set_setting

        before = {row["path"] for row in self.cli_json(self.village, "backups", "--json")}
        self.cli_ok(self.village, "backup")
        made = [row for row in self.cli_json(self.village, "backups", "--json") if row["path"] not in before]
        if len(made) != 1:
            raise StepFailed(f"备份后应多出 1 个备份，实际 {len(made)} 个")
        backup = Path(made[0]["path"])
        ctx = open_context(self.village, operator="自检")
        try:
            original = ctx.settings.publicity_days
            set_setting(ctx, "publicity_days", original + 4, reason="自检：备份之后的改动")
        finally:
            ctx.close()
        self.cli_ok(self.village, "restore", str(backup), "--yes")
        ctx = open_context(self.village)
        try:
            restored = ctx.settings.publicity_days
        finally:
            ctx.close()
        if restored != original:
            raise StepFailed(f"恢复后公示天数应为 {original}，实际 {restored}（备份之后的改动没有撤销）")
        self.cli_ok(self.village, "check-db")
        summary = self.cli_json(self.village, "summary", "--json")
        if summary.get("households") != self.summary.get("households"):
            raise StepFailed(f"恢复后户数 {summary.get('households')}，应为 {self.summary.get('households')}")
        return f"{backup.name}（{made[0]['size'] // 1024} KB）恢复后备份之后的改动已撤销，数据检查通过"


# PDF check ----------------------------------------------------------------------------------------------------
@dataclass
class PdfCheck:
    problems: list[str]
    summary: str


def check_pdf(path: Path, expected: list[str]) -> PdfCheck:
    """Read a printed PDF back: the ``expected`` texts are in it and every font is embedded.

    With pypdf the text is really extracted; without it only the structure is checked (and the summary says
    the text was not read).
    """
    data = path.read_bytes()
    problems = []
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        problems.append("文件不是完整的 PDF")
        return PdfCheck(problems, "")
    try:
        import pypdf
    except ImportError:
        pages = data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type /Page>")
        if b"/FontFile2" not in data:
            problems.append("PDF 里没有嵌入的 TrueType 字体")
        return PdfCheck(problems, f"约 {pages} 页，字体已嵌入；未核对文字（本程序包没有 pypdf）")
    reader = pypdf.PdfReader(path)
    text = "".join("".join((page.extract_text() or "").split()) for page in reader.pages)
    missing = [item for item in expected if item and "".join(item.split()) not in text]
    if missing:
        problems.append(f"PDF 文字里找不到：{'、'.join(missing)}")
    loose = sorted(not_embedded_fonts(reader))
    if loose:
        problems.append(f"这些字体没有嵌入：{'、'.join(loose)}")
    return PdfCheck(problems, f"{len(reader.pages)} 页，户主和成员姓名、村名、户编号都在，字体全部嵌入")


def not_embedded_fonts(reader) -> set[str]:
    names = set()
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        fonts = resources.get_object().get("/Font") if hasattr(resources, "get_object") else None
        for font in (fonts.get_object().values() if fonts else []):
            font = font.get_object()
            descendant = font.get("/DescendantFonts")
            target = descendant.get_object()[0].get_object() if descendant else font
            descriptor = target.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                names.add(str(font.get("/BaseFont", "?")))
    return names


# entry points -------------------------------------------------------------------------------------------------
def run_self_test(out: Callable[[str], object] = print, *, keep: bool = False, root: Path | None = None) -> int:
    """Run every step in a temporary folder; 0 when all pass, 1 otherwise. ``keep`` leaves the folder."""
    from fupin_desktop import __version__

    own_root = root is None
    root = Path(tempfile.mkdtemp(prefix="fupin-selftest-")) if own_root else Path(root)
    saved_env = {name: os.environ.get(name) for name in ("FUPIN_DATA_DIR", "QT_QPA_PLATFORM")}
    os.environ["FUPIN_DATA_DIR"] = str(root / "default-data")  # nothing may fall back to the real folder
    frozen = "（程序包）" if getattr(sys, "frozen", False) else ""
    out(f"fupin_desktop {__version__}{frozen} 自检，临时文件夹 {root}（不会改动您的数据）")
    try:
        results = SelfTest(root).run(out)
    finally:
        for name, value in saved_env.items():
            if name == "QT_QPA_PLATFORM" and value is None:
                continue  # the pages step chose offscreen for the Qt application that now exists
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        if own_root and not keep:
            shutil.rmtree(root, ignore_errors=True)
    failed = [r for r in results if not r.ok]
    if failed:
        out(f"自检未通过：{len(results)} 步中 {len(failed)} 步失败。")
        return 1
    out(f"自检通过：{len(results)} 步全部正常。")
    return 0


def main(argv=None) -> int:
    """``--self-test [--keep] [--report FILE]`` (the rest of the window program's options are ignored)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    lines: list[str] = []
    report = None
    if "--report" in argv and argv.index("--report") + 1 < len(argv):
        report = Path(argv[argv.index("--report") + 1])

    def out(line: str) -> None:
        lines.append(line)
        if sys.stdout is not None:  # a windowed Windows program has no console
            print(line, flush=True)

    code = run_self_test(out, keep="--keep" in argv)
    if report is not None:
        report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return code


if __name__ == "__main__":
    sys.exit(main())
