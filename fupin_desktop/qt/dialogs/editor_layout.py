"""How the household editor window is put together: the header line with its buttons, the eight tabs, the
problem panel and the status line, the keyboard shortcuts. The dialog keeps the behaviour."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout

from fupin_desktop.i18n.translate import _
from fupin_desktop.qt.dialogs.editor_assistance import AssistancePage
from fupin_desktop.qt.dialogs.editor_exit import ExitProgressPage
from fupin_desktop.qt.dialogs.editor_forms import BasicPage, ConditionsPage
from fupin_desktop.qt.dialogs.editor_history import HistoryPage
from fupin_desktop.qt.dialogs.editor_keys import FormKeysFilter
from fupin_desktop.qt.dialogs.editor_members import MembersPage
from fupin_desktop.qt.dialogs.editor_problems import TAB_TITLES, ProblemPanel
from fupin_desktop.qt.dialogs.editor_visits import VisitsPage
from fupin_desktop.qt.dialogs.ledger_grid import LedgerGridWidget


def _top_bar(dialog) -> QHBoxLayout:
    dialog.header = QLabel(dialog)
    dialog.header.setObjectName("editor_header")
    dialog.header.setTextFormat(Qt.TextFormat.RichText)
    dialog.undo_button = QPushButton(_("撤销上次保存（Ctrl+Z）"), dialog)
    dialog.save_button = QPushButton(_("保存档案（Ctrl+S）"), dialog)
    dialog.print_button = QPushButton(_("打印本户(&P)…"), dialog)
    dialog.save_button.setObjectName("save_button")
    dialog.save_button.setProperty("role", "primary")
    for button in (dialog.undo_button, dialog.save_button):
        button.setAutoDefault(False)
    top = QHBoxLayout()
    top.addWidget(dialog.header, 1)
    top.addWidget(dialog.print_button)
    top.addWidget(dialog.undo_button)
    top.addWidget(dialog.save_button)
    return top


def _tabs(dialog) -> QTabWidget:
    tabs = QTabWidget(dialog)
    tabs.setObjectName("editor_tabs")
    dialog.basic = BasicPage(dialog)
    dialog.members = MembersPage(dialog)
    dialog.conditions = ConditionsPage(dialog)
    dialog.assistance = AssistancePage(dialog.run_op, dialog)
    dialog.ledger = LedgerGridWidget(dialog.services, parent=dialog)
    dialog.exit_page = ExitProgressPage(dialog.run_op, dialog, reader=dialog.services.ops.run)
    dialog.visits = VisitsPage(dialog.run_op, dialog, reader=dialog.services.ops.run)
    dialog.history = HistoryPage(dialog)
    dialog.pages = (dialog.basic, dialog.members, dialog.conditions, dialog.assistance, dialog.ledger,
                    dialog.exit_page, dialog.visits, dialog.history)
    for page, title in zip(dialog.pages, TAB_TITLES, strict=True):
        tabs.addTab(page, _(title))
    return tabs


def build_editor(dialog) -> None:
    """Create the editor's widgets as attributes of ``dialog`` and connect them to its methods."""
    top = _top_bar(dialog)
    dialog.tabs = _tabs(dialog)
    dialog.problem_panel = ProblemPanel(dialog)
    dialog.problem_list = dialog.problem_panel.list
    dialog.status = QLabel(dialog)
    dialog.status.setObjectName("editor_status")
    dialog.status.setWordWrap(True)
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(10, 8, 10, 8)
    layout.setSpacing(6)
    layout.addLayout(top)
    layout.addWidget(dialog.tabs, 1)
    layout.addWidget(dialog.problem_panel)
    layout.addWidget(dialog.status)
    for page in (dialog.basic, dialog.members, dialog.conditions, dialog.assistance):
        page.changed.connect(dialog.mark_edited)
    dialog.assistance.helperChosen.connect(dialog.helper_chosen)
    for page in (dialog.exit_page, dialog.visits):
        page.message.connect(lambda text: dialog.say(text, error=True))
    dialog.ledger.recorded.connect(dialog.ledger_recorded)
    dialog.problem_panel.problemActivated.connect(dialog.focus_problem)
    dialog.print_button.clicked.connect(dialog.print_household)
    dialog.save_button.clicked.connect(lambda: dialog.save())
    dialog.undo_button.clicked.connect(dialog.undo_last_save)
    QShortcut(QKeySequence.StandardKey.Save, dialog, lambda: dialog.save())
    QShortcut(QKeySequence.StandardKey.Undo, dialog, dialog.undo_last_save)
    QShortcut(QKeySequence("Ctrl+N"), dialog, dialog.add_member)
    for number in range(len(TAB_TITLES)):
        QShortcut(QKeySequence(f"Alt+{number + 1}"), dialog, lambda n=number: dialog.show_tab(n))
    dialog.keys = FormKeysFilter(dialog)
    dialog.keys.install(
        (dialog.basic.binder, dialog.conditions.binder, dialog.assistance.binder, dialog.members.binder)
    )
