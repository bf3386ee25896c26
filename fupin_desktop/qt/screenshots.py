"""``--screenshots OUT``: render every main page and every tab of the household editor to PNG, then leave.

Runs with the current data, at 1366×768 (the smallest screen the program is built for), and works with
``QT_QPA_PLATFORM=offscreen``. File names are ``NN_<page key>.png`` and ``NN_editor_<tab number>.png``.
"""

import time
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

SCREEN = QSize(1366, 768)
EDITOR_SIZE = QSize(1180, 720)


def settle(ops, *, timeout: float = 30.0) -> None:
    """Process events until every job submitted through ``ops`` has answered (and what they started)."""
    app = QApplication.instance()
    deadline = time.monotonic() + timeout
    quiet_rounds = 0
    while time.monotonic() < deadline and quiet_rounds < 3:
        ops.worker.call(lambda _ctx: None)  # everything queued before has run
        app.processEvents()
        pending = getattr(ops, "_callbacks", {})
        quiet_rounds = quiet_rounds + 1 if not pending else 0
        if pending:
            time.sleep(0.01)
    app.processEvents()


def first_household_id(ctx) -> str | None:
    from fupin_desktop.services.queries import HouseholdFilter, list_households

    rows = list_households(ctx, HouseholdFilter(has_problems=False), limit=1) or list_households(ctx, limit=1)
    return rows[0].id if rows else None


def take_screenshots(window, out: Path) -> list[Path]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    ops = window.services.ops
    window.resize(SCREEN)
    window.show()
    settle(ops)
    saved: list[Path] = []
    number = 1
    for key in window.page_keys():
        window.show_page(key)
        settle(ops)
        path = out / f"{number:02d}_{key}.png"
        window.grab().save(str(path))
        saved.append(path)
        number += 1
    household_search = _search_shot(window, out / f"{number:02d}_households_search.png")
    if household_search is not None:
        saved.append(household_search)
        number += 1
    saved += _editor_shots(window, out, number)
    return saved


def _search_shot(window, path: Path) -> Path | None:
    page = window.show_page("households")
    if page is None or not hasattr(page, "ui"):
        return None
    page.ui.searchEdit.setText("z")
    page.apply()
    settle(window.services.ops)
    window.grab().save(str(path))
    page.clear_filters()
    settle(window.services.ops)
    return path


def _editor_shots(window, out: Path, number: int) -> list[Path]:
    try:
        from fupin_desktop.qt.dialogs.household_editor import HouseholdEditorDialog
    except ImportError:
        return []
    services = window.services
    household_id = services.worker.call(first_household_id)
    if household_id is None:
        return []
    dialog = HouseholdEditorDialog(services, household_id, parent=window)
    dialog.resize(EDITOR_SIZE)
    dialog.show()
    settle(services.ops)
    saved = []
    try:
        for index, _name in enumerate(dialog.tab_names()):
            dialog.show_tab(index)
            settle(services.ops)
            path = out / f"{number:02d}_editor_{index + 1}.png"
            dialog.grab().save(str(path))
            saved.append(path)
            number += 1
    finally:
        dialog.close()
        dialog.deleteLater()
        settle(services.ops)
    return saved
