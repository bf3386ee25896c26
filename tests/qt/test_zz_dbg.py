import datetime as dt
from PySide6.QtCore import Qt
from tests.qt.test_ledger_grid import household, grid, focused_editor  # noqa

def test_dbg(qtbot, grid):
    grid.start_entry()
    ed = focused_editor(qtbot, grid)
    ed.destroyed.connect(lambda: print("DESTROYED", flush=True))
    import traceback
    orig = grid.delegate.closeEditor
    grid.delegate.closeEditor.connect(lambda *a: (print("CLOSE", a), traceback.print_stack()))
    print("typing")
    qtbot.keyClicks(ed, "1")
    print("typed", grid.current_editor())
