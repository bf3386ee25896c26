"""The battle room's main window: navigation on the left, one page at a time on the right.

Pages come from the page registry (``fupin_desktop.qt.pages``) and are built the first time they are shown,
so start-up only pays for the dashboard. The window owns the ``AppServices`` handed to every page and
dialog, routes "open this household" and "show these households" between them, and keeps the settings
snapshot fresh after ``ops.changed``. A change of language takes effect at once: the window's own texts are
set again and the pages are built anew (see ``page_ops``); open household editors keep their unsaved edits
(their drafts are written) and show the new language when opened again.
"""

import logging

from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fupin_desktop.i18n.translate import _
from fupin_desktop.qt.page_ops import PageOps, PageServices
from fupin_desktop.qt.pages import AppServices, PageSpec, discover_pages

log = logging.getLogger(__name__)

NAVIGATION_WIDTH = 176
SETTINGS_TABLE = "settings"  # fupin_desktop.storage.tables.SETTINGS


class MainWindow(QMainWindow):
    def __init__(self, ops, worker, *, settings, clock, village_id: str = "", village_name: str = "",
                 data_dir=None, operator: str = "", preferences=None, specs: list[PageSpec] | None = None):
        super().__init__()
        self.preferences = preferences
        self.services = AppServices(
            ops=ops, worker=worker, settings=settings, open_household=self.open_household,
            show_households=self.show_households, clock=clock, village_id=village_id,
            village_name=village_name, data_dir=data_dir, operator=operator, notify=self.notify,
            large_font=bool(preferences.large_font) if preferences is not None else False,
            show_page=self.show_page, set_large_font=self.toggle_large_font, set_language=self.set_language,
        )
        self._page_ops = PageOps(ops, self)
        self.page_services = PageServices(self.services, self._page_ops)
        self._actions: list[QAction] = []
        self.specs = specs if specs is not None else discover_pages()
        self._pages: dict[str, QWidget] = {}
        self._editors: dict[str, QWidget] = {}
        self._set_title()
        self.setMinimumSize(QSize(1000, 620))
        self.resize(1280, 720)
        self._build()
        self._build_actions()
        ops.changed.connect(self._on_changed)
        ops.failed.connect(self._on_failed)
        ops.busy.connect(self._on_busy)
        if preferences is not None and preferences.geometry() is not None:
            self.restoreGeometry(preferences.geometry())
        if self.specs:
            self.navigation.setCurrentRow(0)

    # layout ---------------------------------------------------------------------------------------------
    def _build(self) -> None:
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        side = QWidget(central)
        side.setFixedWidth(NAVIGATION_WIDTH)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        self.brand_label = brand = QLabel(_("脱贫攻坚作战室"), side)
        brand.setObjectName("brandLabel")
        brand.setWordWrap(True)  # longer in English
        self.village_label = village = QLabel(self.services.village_name or _("（未设置村庄）"), side)
        village.setObjectName("villageLabel")
        village.setWordWrap(True)
        self.navigation = QListWidget(side)
        self.navigation.setObjectName("navigationList")
        self.navigation.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for index, spec in enumerate(self.specs):
            item = QListWidgetItem(_(spec.title))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            if index < 9:
                item.setToolTip(f"Ctrl+{index + 1}")
            self.navigation.addItem(item)
        side_layout.addWidget(brand)
        side_layout.addWidget(village)
        side_layout.addWidget(self.navigation, 1)
        self.stack = QStackedWidget(central)
        for _spec in self.specs:
            self.stack.addWidget(QWidget(self.stack))  # placeholder until first shown
        layout.addWidget(side)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.navigation.currentRowChanged.connect(self._activate_row)
        self.busy_label = QLabel(_("正在处理…"), self)
        self.busy_label.hide()
        self.statusBar().addPermanentWidget(self.busy_label)
        self.operator_label = QLabel(self)
        self.operator_label.setVisible(bool(self.services.operator))
        self.statusBar().addPermanentWidget(self.operator_label)
        self._set_texts()

    def _set_title(self) -> None:
        name = self.services.village_name
        self.setWindowTitle(_("脱贫攻坚作战室") + (f" — {name}" if name else ""))

    def _set_texts(self) -> None:
        """The window's own texts in the current language (navigation, side bar, status bar, title)."""
        self._set_title()
        self.brand_label.setText(_("脱贫攻坚作战室"))
        self.village_label.setText(self.services.village_name or _("（未设置村庄）"))
        for index, spec in enumerate(self.specs):
            self.navigation.item(index).setText(_(spec.title))
        self.busy_label.setText(_("正在处理…"))
        self.operator_label.setText(_("操作人：{name}").format(name=self.services.operator))

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu(_("文件(&F)"))
        self.new_action = self._action(file_menu, _("新建户档(&N)"), QKeySequence.StandardKey.New,
                                       lambda: self.open_household(None))
        file_menu.addSeparator()
        self._action(file_menu, _("退出(&X)"), QKeySequence("Ctrl+Q"), self.close)
        go_menu = self.menuBar().addMenu(_("转到(&G)"))
        self.search_action = self._action(go_menu, _("查找户档(&S)"), QKeySequence.StandardKey.Find,
                                          self.focus_search)
        go_menu.addSeparator()
        for index, spec in enumerate(self.specs[:9]):
            self._action(go_menu, _(spec.title), QKeySequence(f"Ctrl+{index + 1}"),
                         lambda key=spec.key: self.show_page(key))
        view_menu = self.menuBar().addMenu(_("查看(&V)"))
        self._action(view_menu, _("刷新(&R)"), QKeySequence.StandardKey.Refresh, self.refresh_current)
        self.large_font_action = self._action(view_menu, _("大字体模式(&L)"), QKeySequence("Ctrl+Shift+L"),
                                              self.toggle_large_font)
        self.large_font_action.setCheckable(True)
        self.large_font_action.setChecked(self.services.large_font)
        help_menu = self.menuBar().addMenu(_("帮助(&H)"))
        self._action(help_menu, _("快捷键(&K)"), QKeySequence.StandardKey.HelpContents, self.show_shortcuts)
        self._action(help_menu, _("关于(&A)"), None, self.show_about)

    def _action(self, menu, text, shortcut, slot) -> QAction:
        action = QAction(text, self)
        self._actions.append(action)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)  # not while an editor has focus
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def set_village(self, village_id: str, village_name: str) -> None:
        """The database confirmed (or corrected) the village the window was opened with."""
        changed = (village_id, village_name) != (self.services.village_id, self.services.village_name)
        self.services.village_id, self.services.village_name = village_id, village_name
        self.village_label.setText(village_name or _("（未设置村庄）"))
        self._set_title()
        if changed:
            for page in self._pages.values():
                if hasattr(page, "refresh"):
                    page.refresh()

    # pages -----------------------------------------------------------------------------------------------
    def page_keys(self) -> list[str]:
        return [spec.key for spec in self.specs]

    def page(self, key: str) -> QWidget | None:
        """The page's widget, built on first use (None for an unknown key)."""
        if key in self._pages:
            return self._pages[key]
        index = self._index(key)
        if index is None:
            return None
        spec = self.specs[index]
        try:
            widget = spec.factory(self.page_services)
        except Exception as exc:  # a broken page shows its error instead of closing the window
            log.exception("page %s failed", spec.key)
            widget = QLabel(_("这一页打不开：{error}").format(error=exc))
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
        placeholder = self.stack.widget(index)
        self.stack.insertWidget(index, widget)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self._pages[key] = widget
        return widget

    def _index(self, key: str) -> int | None:
        return next((i for i, spec in enumerate(self.specs) if spec.key == key), None)

    def current_key(self) -> str:
        row = self.navigation.currentRow()
        return self.specs[row].key if 0 <= row < len(self.specs) else ""

    @Slot(int)
    def _activate_row(self, row: int) -> None:
        if not 0 <= row < len(self.specs):
            return
        widget = self.page(self.specs[row].key)
        self.stack.setCurrentWidget(widget)

    def show_page(self, key: str) -> QWidget | None:
        index = self._index(key)
        if index is None:
            return None
        self.navigation.setCurrentRow(index)
        return self._pages.get(key)

    def show_households(self, household_filter) -> None:
        page = self.show_page("households")
        if page is not None and hasattr(page, "apply_filter"):
            page.apply_filter(household_filter)

    def focus_search(self) -> None:
        page = self.show_page("households")
        if page is not None and hasattr(page, "focus_search"):
            page.focus_search()

    def refresh_current(self) -> None:
        page = self._pages.get(self.current_key())
        if page is not None and hasattr(page, "refresh"):
            page.refresh()

    # households --------------------------------------------------------------------------------------------
    def open_household(self, household_id: str | None) -> None:
        """Open the household editor (``None``: a new household); an open editor is raised instead."""
        if household_id and household_id in self._editors:
            editor = self._editors[household_id]
            editor.show()
            editor.raise_()
            editor.activateWindow()
            return
        try:
            from fupin_desktop.qt.dialogs.household_editor import HouseholdEditorDialog
        except ImportError:
            QMessageBox.information(self, _("户档"), _("户档编辑窗口尚未安装。"))
            return
        editor = HouseholdEditorDialog(self.services, household_id, parent=self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if household_id:
            self._editors[household_id] = editor
            editor.destroyed.connect(lambda *_a, key=household_id: self._editors.pop(key, None))
        editor.show()

    # feedback -------------------------------------------------------------------------------------------
    def notify(self, text: str, timeout_ms: int = 5000) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    @Slot(bool)
    def _on_busy(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        """An error nobody handled: say it without blocking (never a nested event loop)."""
        log.warning("operation failed: %s", message)
        box = QMessageBox(QMessageBox.Icon.Warning, _("操作未完成"), message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.notify(message)

    @Slot(object)
    def _on_changed(self, changes) -> None:
        if SETTINGS_TABLE in changes.tables:
            self.services.ops.run(lambda ctx: ctx.settings, on_done=self._set_settings)

    def _set_settings(self, settings) -> None:
        self.services.settings = settings

    # language ---------------------------------------------------------------------------------------------
    def set_language(self, locale: str) -> None:
        """Switch the program to ``locale`` now: window texts, menus and every page in the new language."""
        from PySide6.QtWidgets import QApplication

        from fupin_desktop.qt.app import install_translators

        install_translators(QApplication.instance(), locale)
        for editor in self._editors.values():  # their unsaved edits are kept as drafts, whatever happens next
            editor.drafts.touch()
            editor.drafts.flush()
        current = self.current_key()
        old_ops, old_pages = self._page_ops, self._pages
        self._page_ops = PageOps(self.services.ops, self)
        self.page_services = PageServices(self.services, self._page_ops)
        self._pages = {}
        old_ops.retire()
        for index, spec in enumerate(self.specs):
            old = old_pages.get(spec.key)
            if old is not None:
                self.stack.insertWidget(index, QWidget(self.stack))
                self.stack.removeWidget(old)
                old.deleteLater()
        for action in self._actions:
            action.deleteLater()
        self._actions = []
        for action in self.menuBar().actions():
            if action.menu() is not None:
                action.menu().deleteLater()
        self.menuBar().clear()
        self._build_actions()
        self._set_texts()
        if current:
            self.stack.setCurrentWidget(self.page(current))
        self.notify(_("界面语言已切换。"))

    def toggle_large_font(self, checked: bool | None = None) -> None:
        from PySide6.QtWidgets import QApplication

        from fupin_desktop.qt.app import apply_font_size

        large = not self.services.large_font if checked is None else bool(checked)
        self.services.large_font = large
        self.large_font_action.setChecked(large)
        if self.preferences is not None:
            self.preferences.large_font = large
        apply_font_size(QApplication.instance(), large=large)

    def show_shortcuts(self) -> None:
        lines = [
            _("Ctrl+F　查找户档（姓名、拼音首字母、身份证号或户编号）"),
            _("Ctrl+N　新建户档"),
            _("回车　打开选中的户档"),
            _("Ctrl+1…9　切换页面"),
            _("F5　刷新当前页面"),
            _("Ctrl+Shift+L　大字体模式"),
        ]
        QMessageBox.information(self, _("快捷键"), "\n".join(lines))

    def show_about(self) -> None:
        from fupin_desktop import __version__

        QMessageBox.about(self, _("关于"), _("村级脱贫攻坚作战室 {version}").format(version=__version__))

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        for editor in list(self._editors.values()):
            if not editor.close():
                event.ignore()
                return
        if self.preferences is not None:
            self.preferences.save_geometry(self.saveGeometry())
        super().closeEvent(event)
