"""打印中心: pick the households on the left (all, a filter, or rows selected in the list), the document on the
right; preview, print or save one PDF or one PDF per household (``widgets.print_panel``).

The household list is the same lazy table as the 户档 page (``HouseholdsTableModel``), with its own search and
filters: pages never reach into each other.
"""

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fupin_desktop.domain.codes import COLOUR, EXIT_STEP
from fupin_desktop.i18n.translate import N_, _
from fupin_desktop.qt.models.households_table_model import COLUMN_KEYS, HouseholdsTableModel
from fupin_desktop.qt.pages import AppServices, PageSpec
from fupin_desktop.qt.widgets.print_panel import PrintPanel
from fupin_desktop.services.queries import HouseholdFilter

SEARCH_DELAY_MS = 200
SHOWN_COLUMNS = ("colour", "number", "head_name", "people", "village_group", "exit_step")
COLUMN_WIDTHS = {"colour": 58, "number": 150, "head_name": 80, "people": 44, "village_group": 70}
SCOPES = (("all", N_("全部户")), ("filter", N_("符合下面筛选条件的户")), ("selected", N_("表中选定的户")))


class PrintPageView(QWidget):
    def __init__(self, services: AppServices, parent=None):
        super().__init__(parent)
        self.services = services
        self.model = HouseholdsTableModel(services.ops, self)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self._build()
        services.ops.changed.connect(self.model.on_changed)
        self.model.count_changed.connect(self._counted)
        self.apply_filter()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        title = QLabel(_("打印中心"), self)
        title.setProperty("role", "title")
        layout.addWidget(title)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        layout.addWidget(splitter, 1)

        left = QWidget(splitter)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 8, 0)
        self.scope_combo = QComboBox(left)
        for key, label in SCOPES:
            self.scope_combo.addItem(_(label), key)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("打印哪些户："), left))
        row.addWidget(self.scope_combo, 1)
        column.addLayout(row)
        self.search_edit = QLineEdit(left)
        self.search_edit.setPlaceholderText(_("姓名、拼音首字母、身份证号或户编号"))
        self.search_edit.setClearButtonEnabled(True)
        column.addWidget(self.search_edit)
        filters = QHBoxLayout()
        self.colour_combo = QComboBox(left)
        self.colour_combo.addItem(_("全部颜色"), "")
        for code, label in COLOUR:
            self.colour_combo.addItem(_(label), code)
        self.step_combo = QComboBox(left)
        self.step_combo.addItem(_("全部进度"), None)
        self.step_combo.addItem(_("未开始"), "")
        for code, label in EXIT_STEP:
            self.step_combo.addItem(_("已{step}").format(step=label), code)
        filters.addWidget(self.colour_combo)
        filters.addWidget(self.step_combo)
        column.addLayout(filters)
        self.table = QTableView(left)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.setIconSize(QSize(12, 12))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for index, key in enumerate(COLUMN_KEYS):
            self.table.setColumnHidden(index, key not in SHOWN_COLUMNS)
            self.table.setColumnWidth(index, COLUMN_WIDTHS.get(key, 80))
        column.addWidget(self.table, 1)
        self.count_label = QLabel("", left)
        self.count_label.setWordWrap(True)
        column.addWidget(self.count_label)

        self.panel = PrintPanel(self.services, self.households, parent=splitter)
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)

        self.search_edit.textChanged.connect(lambda _text: self._timer.start())
        self.colour_combo.currentIndexChanged.connect(self.apply_filter)
        self.step_combo.currentIndexChanged.connect(self.apply_filter)
        self.scope_combo.currentIndexChanged.connect(self._scope_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.panel.document_combo.currentIndexChanged.connect(self._document_changed)
        self._scope_changed()

    # households ------------------------------------------------------------------------------------------
    def current_filter(self) -> HouseholdFilter:
        return HouseholdFilter(text=self.search_edit.text().strip(), colour=self.colour_combo.currentData() or "",
                               village_id=self.services.village_id, exit_step=self.step_combo.currentData())

    def apply_filter(self) -> None:
        self._timer.stop()
        self.model.set_filter(self.current_filter())
        if self.scope_combo.currentData() == "all" and self.current_filter() != HouseholdFilter(
                village_id=self.services.village_id):
            self._set_scope("filter")

    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [hid for hid in (self.model.household_id(self.model.index(row, 0)) for row in rows) if hid]

    def households(self):
        """What the panel prints: None (all), the filter, or the selected ids."""
        scope = self.scope_combo.currentData()
        if scope == "selected":
            return self.selected_ids()
        if scope == "filter":
            return self.current_filter()
        if self.panel.doc == "notice":
            return None  # the households at 村内公示 / 乡镇公告
        return HouseholdFilter(village_id=self.services.village_id) if self.services.village_id else None

    def _set_scope(self, key: str) -> None:
        self.scope_combo.setCurrentIndex(self.scope_combo.findData(key))

    def _scope_changed(self, *_args) -> None:
        self._update_count()

    def _selection_changed(self, *_args) -> None:
        if self.selected_ids() and self.scope_combo.currentData() != "selected":
            self._set_scope("selected")
        self._update_count()

    def _document_changed(self, *_args) -> None:
        self._update_count()

    def _counted(self, total: int) -> None:
        self._total = total
        self._update_count()

    def _update_count(self) -> None:
        scope = self.scope_combo.currentData()
        total = getattr(self, "_total", 0)
        if self.panel.doc == "dashboard":
            text = _("作战图统计本村全部户。")
        elif scope == "selected":
            text = _("已选定 {n} 户（按住 Ctrl 或 Shift 点选多户）").format(n=len(self.selected_ids()))
        elif scope == "filter":
            text = _("符合筛选条件的 {n} 户").format(n=self.model.count_text() or total)
        elif self.panel.doc == "notice":
            text = _("公示名单默认列出正在公示（公告）的户；也可以筛选或选定户。")
        else:
            text = _("全部户")
        self.count_label.setText(text)


PAGE = PageSpec(order=60, key="print", title=N_("打印中心"), factory=PrintPageView)
