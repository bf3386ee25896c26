import subprocess
import sys


def test_headless_layers_do_not_load_pyside6():
    code = (
        "import sys\n"
        "import fupin_desktop.cli.main, fupin_desktop.services.queries, fupin_desktop.services.dashboard\n"
        "import pkgutil, importlib\n"
        "for pkg in ('fupin_desktop.cli', 'fupin_desktop.services', 'fupin_desktop.reports', 'fupin_desktop.sync',"
        " 'fupin_desktop.spreadsheets', 'fupin_desktop.storage', 'fupin_desktop.domain'):\n"
        "    mod = importlib.import_module(pkg)\n"
        "    for info in pkgutil.iter_modules(mod.__path__):\n"
        "        importlib.import_module(pkg + '.' + info.name)\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(loaded)\n"
        "sys.exit(1 if loaded else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
