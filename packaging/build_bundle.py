"""Build the one-folder bundle into ``build/dist/fupin-desktop/`` and print its size.

    python packaging/build_bundle.py            # catalogs, forms, then PyInstaller (with exclusions)
    python packaging/build_bundle.py --full     # PyInstaller's defaults (no exclusions, no strip), build/dist-full/
    python packaging/build_bundle.py --compare  # both, and the difference
    python packaging/build_bundle.py --self-test  # afterwards run the bundle's --self-test offscreen

Needs PyInstaller 6 in the environment (``pip install 'pyinstaller>=6,<7'``). The bundle is built for the
platform it runs on: build the Windows bundle on Windows, then ``iscc packaging/installer.iss``.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "fupin_desktop.spec"
FORMS_COMPILER = ROOT / "packaging" / "build_forms.py"
APP_NAME = "fupin-desktop"
MB = 1024 * 1024


def dist_dir(full: bool = False) -> Path:
    return ROOT / "build" / ("dist-full" if full else "dist")


def bundle_dir(full: bool = False) -> Path:
    return dist_dir(full) / APP_NAME


def executable(folder: Path, name: str = APP_NAME) -> Path:
    return folder / (f"{name}.exe" if sys.platform == "win32" else name)


def compile_catalogs() -> None:
    subprocess.run([sys.executable, "-m", "fupin_desktop.i18n.build_catalogs"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)


def compile_forms() -> None:
    """Regenerate ``fupin_desktop/qt/forms`` from ``forms/*.ui`` with the GUI's own compiler."""
    if not FORMS_COMPILER.exists():
        print(f"警告：没有 {FORMS_COMPILER.relative_to(ROOT)}，使用已提交的 fupin_desktop/qt/forms。")
        return
    subprocess.run([sys.executable, str(FORMS_COMPILER)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def folder_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) of everything under ``folder``; symbolic links count once, as links."""
    total = files = 0
    for path in folder.rglob("*"):
        if path.is_symlink():
            files += 1
        elif path.is_file():
            total += path.stat().st_size
            files += 1
    return total, files


def largest_parts(folder: Path, count: int = 12) -> list[tuple[str, int]]:
    """The biggest entries two levels down (``_internal/PySide6``, ``_internal/babel`` …)."""
    internal = folder / "_internal"
    sizes = {}
    for path in internal.rglob("*"):
        if path.is_file() and not path.is_symlink():
            parts = path.relative_to(internal).parts
            key = "/".join(parts[:3] if parts[:2] == ("PySide6", "Qt") else parts[:1])
            sizes[key] = sizes.get(key, 0) + path.stat().st_size
    return sorted(sizes.items(), key=lambda item: -item[1])[:count]


def run_pyinstaller(full: bool, clean: bool) -> float:
    env = dict(os.environ)
    env.pop("FUPIN_BUNDLE_FULL", None)
    if full:
        env["FUPIN_BUNDLE_FULL"] = "1"
    work = ROOT / "build" / "pyinstaller" / ("full" if full else "trimmed")
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist_dir(full)), "--workpath", str(work), str(SPEC)]
    if clean:
        command.insert(3, "--clean")
    started = time.monotonic()
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    return time.monotonic() - started


def build(full: bool = False, clean: bool = False) -> Path:
    """Build one bundle; returns its folder. Prints time and size."""
    label = "完整（不排除、不精简符号）" if full else "精简"
    print(f"构建{label}包：{bundle_dir(full)}", flush=True)
    seconds = run_pyinstaller(full, clean)
    size, files = folder_size(bundle_dir(full))
    print(f"  用时 {seconds:.0f} 秒；大小 {size / MB:.1f} MB，{files} 个文件", flush=True)
    for name, part in largest_parts(bundle_dir(full)):
        print(f"    {part / MB:7.1f} MB  {name}")
    return bundle_dir(full)


def run_self_test(folder: Path) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([str(executable(folder)), "--self-test"], env=env).returncode


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="构建 fupin_desktop 单文件夹程序包（PyInstaller）")
    parser.add_argument("--full", action="store_true", help="不排除未用的模块和插件、不去除调试符号（PyInstaller 默认，用于比较大小）")
    parser.add_argument("--compare", action="store_true", help="精简包和完整包都构建，并比较大小")
    parser.add_argument("--clean", action="store_true", help="清除 PyInstaller 缓存后重新构建")
    parser.add_argument("--self-test", action="store_true", help="构建后在无界面模式下运行程序包的自检")
    args = parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("需要 PyInstaller：pip install 'pyinstaller>=6,<7'", file=sys.stderr)
        return 2
    compile_catalogs()
    compile_forms()
    folder = build(full=args.full and not args.compare, clean=args.clean)
    if args.compare:
        full_folder = build(full=True, clean=args.clean)
        trimmed, _ = folder_size(folder)
        full, _ = folder_size(full_folder)
        print(f"排除前 {full / MB:.1f} MB → 排除后 {trimmed / MB:.1f} MB（减少 {(full - trimmed) / MB:.1f} MB，"
              f"{100 * (full - trimmed) / full:.0f}%）")
    if args.self_test:
        return run_self_test(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
