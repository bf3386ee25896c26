"""户档: every household in a lazy table, found as you type, narrowed by filters; Enter opens it."""

import dataclasses

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QPushButton, QWidget

from fupin_desktop.domain.codes import COLOUR, EXIT_STEP, HOUSEHOLD_ATTRIBUTE, POVERTY_CAUSE
from fupin_desktop.domain.income import accounting_year_of
from fupin_desktop.i18n.translate import N_, _
from fupin_desktop.qt.forms.ui_households_page import Ui_HouseholdsPage
from fupin_desktop.qt.models.households_table_model import COLUMN_KEYS, HouseholdsTableModel
from fupin_desktop.qt.pages import AppServices, PageSpec

SEARCH_DELAY_MS = 150
FIRST_EXIT_YEAR = 2014
# Column widths in Chinese characters (they follow the font, so large-font mode stays readable).
COLUMN_CHARS = {"colour": 3, "number": 9.5, "head_name": 4.5, "people": 2.5, "village_group": 4,
                "attribute": 5.5, "main_cause": 6.5, "planned_exit_year": 5, "exit_status": 7.5,
                "exit_step": 5.5, "problems": 7}
ANY = None  # the "all" entry of every filter combo


def village_groups(ctx) -> list[str]:
    """Villager groups of the installation's villages, in order, without repeats (database thread)."""
    from fupin_desktop.services.villages import villages

    seen: dict[str, None] = {}
    for village in villages(ctx):
        for group in village.groups:
            seen.setdefault(group, None)
    return list(seen)


def count_label(model) -> str:
    """The count line under the search box: "共 N 户", or "1000+ 户" while a filter matches more than the
    count stops at (with a note while the exact figure is being counted)."""
    if model.total is None:
        return _("正在查找…")
    if not model.total:
        return _("没有找到符合条件的户")
    if model.exact_pending:
        return _("{n} 户（正在统计准确户数…）").format(n=model.count_text())
    if model.capped:
        return _("{n} 户").format(n=model.count_text())
    return _("共 {n} 户").format(n=model.count_text())


class HouseholdsPageView(QWidget):
    def __init__(self, services: AppServices, parent=None):
        from fupin_desktop.services.queries import HouseholdFilter  # off the start-up path

        super().__init__(parent)
        self.services = services
        self.ui = Ui_HouseholdsPage()
        self.ui.setupUi(self)
        self._extra = HouseholdFilter()  # parts of a filter with no widget (household ids, cause from charts)
        self._updating = False
        self.model = HouseholdsTableModel(services.ops, self)
        self._setup_table()
        self._fill_combos()
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply)
        ui = self.ui
        ui.searchEdit.textChanged.connect(lambda _text: self._timer.start())
        ui.searchEdit.returnPressed.connect(self._search_now)
        ui.searchEdit.installEventFilter(self)
        for combo in (ui.colourCombo, ui.groupCombo, ui.attributeCombo, ui.causeCombo, ui.exitYearCombo,
                      ui.exitStepCombo):
            combo.currentIndexChanged.connect(self._widgets_changed)
        ui.problemsCheck.toggled.connect(self._widgets_changed)
        ui.behindCheck.toggled.connect(self._widgets_changed)
        ui.clearButton.clicked.connect(self.clear_filters)
        ui.newButton.clicked.connect(lambda: services.open_household(None))
        ui.importButton.clicked.connect(self._import_spreadsheet)
        self.exportButton = self._add_export_button()
        self.model.loaded.connect(self._loaded)
        self.model.count_changed.connect(self._counted)
        services.ops.changed.connect(self.model.on_changed)
        services.ops.run(village_groups, on_done=self._set_groups)
        self.apply()

    def _import_spreadsheet(self) -> None:
        """从Excel导入: the import wizard (file → column mapping → preview with every problem → import)."""
        from fupin_desktop.qt.dialogs.xlsx_import_wizard import XlsxImportWizard

        XlsxImportWizard(self.services, self).exec()

    def _add_export_button(self) -> QPushButton:
        """导出Excel… beside 从Excel导入…: the export dialog, offering the list as filtered now."""
        ui = self.ui
        button = QPushButton(_("导出Excel…"), self)
        button.setObjectName("exportButton")
        button.setToolTip(_("把贫困户、家庭成员、收支台账或问题数据导出为 .xlsx / .csv（可只导出当前筛选出的户）"))
        ui.headerLayout.insertWidget(ui.headerLayout.indexOf(ui.importButton) + 1, button)
        QWidget.setTabOrder(ui.importButton, button)
        button.clicked.connect(self._export_spreadsheet)
        return button

    def _export_spreadsheet(self) -> None:
        from fupin_desktop.qt.dialogs.xlsx_export_dialog import XlsxExportDialog

        XlsxExportDialog(self.services, self, household_filter=self.current_filter()).exec()

    # setup -----------------------------------------------------------------------------------------------
    def _setup_table(self) -> None:
        table = self.ui.tableView
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.setIconSize(QSize(12, 12))
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._size_columns()
        table.doubleClicked.connect(self._open_index)
        table.installEventFilter(self)

    def _size_columns(self) -> None:
        table = self.ui.tableView
        char = table.fontMetrics().horizontalAdvance("中")
        header_metrics = table.horizontalHeader().fontMetrics()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        for column, key in enumerate(COLUMN_KEYS):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(int(COLUMN_CHARS.get(key, 5) * char), header_metrics.horizontalAdvance(title)) + 16
            table.setColumnWidth(column, width)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FontChange:
            self._size_columns()
        super().changeEvent(event)

    def _fill_combos(self) -> None:
        ui = self.ui
        ui.colourCombo.addItem(_("全部颜色"), ANY)
        for code, label in COLOUR:
            ui.colourCombo.addItem(_(label), code)
        ui.groupCombo.addItem(_("全部小组"), ANY)
        ui.attributeCombo.addItem(_("全部属性"), ANY)
        for code, label in HOUSEHOLD_ATTRIBUTE:
            ui.attributeCombo.addItem(label, code)
        ui.causeCombo.addItem(_("全部致贫原因"), ANY)
        for code, label in POVERTY_CAUSE:
            ui.causeCombo.addItem(label, code)
        ui.exitYearCombo.addItem(_("全部计划年度"), ANY)
        last = accounting_year_of(self.services.clock.today(), self.services.settings) + 2
        for year in range(FIRST_EXIT_YEAR, last + 1):
            ui.exitYearCombo.addItem(_("{year}年").format(year=year), year)
        ui.exitStepCombo.addItem(_("全部进度"), ANY)
        ui.exitStepCombo.addItem(_("未开始"), "")
        for code, label in EXIT_STEP:
            ui.exitStepCombo.addItem(_("已{step}").format(step=label), code)

    def _set_groups(self, groups: list[str]) -> None:
        combo = self.ui.groupCombo
        wanted = combo.currentData()
        self._updating = True
        while combo.count() > 1:
            combo.removeItem(1)
        for group in groups:
            combo.addItem(group, group)
        if wanted:
            self._select(combo, wanted)
        self._updating = False

    # filtering ------------------------------------------------------------------------------------------
    def current_filter(self):
        """The ``HouseholdFilter`` the widgets (and a filter from another page) describe."""
        ui = self.ui
        return dataclasses.replace(
            self._extra,
            text=ui.searchEdit.text().strip(),
            colour=ui.colourCombo.currentData() or "",
            village_group=ui.groupCombo.currentData() or "",
            attribute=ui.attributeCombo.currentData() or "",
            main_cause=ui.causeCombo.currentData() or "",
            planned_exit_year=ui.exitYearCombo.currentData(),
            exit_step=ui.exitStepCombo.currentData(),
            has_problems=ui.problemsCheck.isChecked(),
            behind_schedule=ui.behindCheck.isChecked(),
        )

    def apply(self) -> None:
        self._timer.stop()
        self.ui.countLabel.setText(_("正在查找…"))
        self.model.set_filter(self.current_filter())

    def apply_filter(self, household_filter) -> None:
        """Show the households of ``household_filter`` (from the dashboard and other pages)."""
        from fupin_desktop.services.queries import HouseholdFilter

        ui = self.ui
        self._updating = True
        ui.searchEdit.blockSignals(True)
        ui.searchEdit.setText(household_filter.text)
        ui.searchEdit.blockSignals(False)
        self._select(ui.colourCombo, household_filter.colour or ANY)
        self._select(ui.groupCombo, household_filter.village_group or ANY)
        self._select(ui.attributeCombo, household_filter.attribute or ANY)
        self._select(ui.causeCombo, household_filter.main_cause or ANY)
        self._select(ui.exitYearCombo, household_filter.planned_exit_year)
        self._select(ui.exitStepCombo, household_filter.exit_step)
        ui.problemsCheck.setChecked(household_filter.has_problems)
        ui.behindCheck.setChecked(household_filter.behind_schedule)
        self._updating = False
        self._extra = HouseholdFilter(village_id=household_filter.village_id,
                                      household_ids=household_filter.household_ids)
        if household_filter.household_ids:
            ui.hintLabel.setText(_("只显示从作战图选出的 {n} 户；点“清除筛选”显示全部").format(
                n=len(household_filter.household_ids)))
        self.apply()
        self.ui.tableView.setFocus()

    @staticmethod
    def _select(combo, value) -> None:
        for index in range(combo.count()):
            if combo.itemData(index) == value:
                combo.setCurrentIndex(index)
                return
        combo.setCurrentIndex(0)

    def _widgets_changed(self, *_args) -> None:
        if not self._updating:
            self.apply()

    def clear_filters(self) -> None:
        from fupin_desktop.services.queries import HouseholdFilter

        self._extra = HouseholdFilter()
        self.ui.hintLabel.setText(_("回车或双击打开户档；向下滚动自动加载更多"))
        self.apply_filter(HouseholdFilter())
        self.focus_search()

    def _search_now(self) -> None:
        self.apply()
        self.ui.tableView.setFocus()

    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus()
        self.ui.searchEdit.selectAll()

    def refresh(self) -> None:
        self.model.refresh()

    def _loaded(self) -> None:
        table = self.ui.tableView
        if self.model.rowCount() and not table.currentIndex().isValid():
            table.setCurrentIndex(self.model.index(0, 0))
        if self.model.rowCount() == 0:
            self.ui.countLabel.setText(_("没有找到符合条件的户"))

    def _counted(self, total: int) -> None:
        self.ui.countLabel.setText(count_label(self.model))

    # opening ---------------------------------------------------------------------------------------------
    def _open_index(self, index) -> None:
        household_id = self.model.household_id(index)
        if household_id:
            self.services.open_household(household_id)

    def open_current(self) -> None:
        self._open_index(self.ui.tableView.currentIndex())

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if watched is self.ui.tableView and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
            if watched is self.ui.searchEdit and key == Qt.Key.Key_Down:
                self.ui.tableView.setFocus()
                return True
        return super().eventFilter(watched, event)


PAGE = PageSpec(order=20, key="households", title=N_("户档"), factory=HouseholdsPageView)
