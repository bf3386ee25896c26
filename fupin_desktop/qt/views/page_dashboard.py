"""作战图: the village at a glance. Every figure and every bar opens the household list it counts."""

from PySide6.QtCore import Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fupin_desktop.domain.codes import EXIT_STEP, POVERTY_CAUSE
from fupin_desktop.domain.colours import COLOUR_NAMES, colour_hex
from fupin_desktop.i18n.translate import N_, _, current_language
from fupin_desktop.qt.pages import AppServices, PageSpec
from fupin_desktop.qt.widgets.bar_chart import BarChartWidget, ChartItem, RingChartWidget

REFRESH_DELAY_MS = 400
COLOUR_ORDER = ("red", "yellow", "blue", "green")
STEP_COLOURS = ("#9aa5b1", "#7fb3e6", "#5b9bd9", "#3b82c4", "#2f6fde", "#2859b5", "#2e9d57")


def household_filter(**values):
    """A ``HouseholdFilter`` (imported on first use: the services stay off the start-up path)."""
    from fupin_desktop.services.queries import HouseholdFilter

    return HouseholdFilter(**values)


CHINESE_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def group_order(name: str) -> tuple:
    """Sort key of a villager group: 一组 < 二组 < … < 十组 < 十一组; other names after, by text."""
    digits = "".join(ch for ch in name if ch.isdigit())
    if digits:
        return (0, int(digits), name)
    text = name.removesuffix("组").removesuffix("村民小组")
    if text and all(ch in CHINESE_DIGITS or ch == "十" for ch in text):
        tens, _sep, units = text.partition("十")
        if "十" in text:
            value = (CHINESE_DIGITS.get(tens, 1) if tens else 1) * 10 + (CHINESE_DIGITS.get(units, 0) if units else 0)
        else:
            value = CHINESE_DIGITS[text] if len(text) == 1 else 999
        return (0, value, name)
    return (1, 0, name)


def load_dashboard(ctx, village_id: str):
    from fupin_desktop.services.dashboard import dashboard

    return dashboard(ctx, village_id)


def below_line_ids(ctx, village_id: str, year: int) -> tuple[str, ...]:
    """Households counted by the dashboard's "below the line" figure (database thread)."""
    from fupin_desktop.services.dashboard import below_line_ids as counted

    return counted(ctx, village_id, year)


class FigureCardWidget(QFrame):
    """One big number with its caption; click it (or Enter on it) to see the households behind it."""

    activated = Signal()

    def __init__(self, caption: str, parent=None):
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        self.value_label = QLabel("—", self)
        self.value_label.setObjectName("figureValue")
        self.caption_label = QLabel(caption, self)
        self.caption_label.setObjectName("figureCaption")
        self.detail_label = QLabel("", self)
        self.detail_label.setObjectName("figureCaption")
        for label in (self.caption_label, self.detail_label):
            label.setWordWrap(True)  # lets the six cards share 1366 pixels in large-font mode
        layout.addWidget(self.caption_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.detail_label)
        layout.addStretch(1)

    def set_value(self, value: str, detail: str = "", *, alert: bool = False) -> None:
        self.value_label.setText(value)
        self.detail_label.setText(detail)
        self.value_label.setProperty("alert", "true" if alert else "false")
        self.value_label.style().unpolish(self.value_label)
        self.value_label.style().polish(self.value_label)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.activated.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit()
            return
        super().keyPressEvent(event)


class DashboardPageView(QWidget):
    def __init__(self, services: AppServices, parent=None):
        super().__init__(parent)
        self.services = services
        self.data = None
        self._build()
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        services.ops.changed.connect(lambda _changes: self._timer.start())
        self.refresh()

    # layout ----------------------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        header = QHBoxLayout()
        self.title_label = QLabel(_("作战图"), body)
        self.title_label.setProperty("role", "title")
        self.status_label = QLabel("", body)
        self.status_label.setObjectName("figureCaption")
        refresh = QPushButton(_("刷新"), body)
        refresh.setToolTip("F5")
        refresh.clicked.connect(self.refresh)
        header.addWidget(self.title_label)
        header.addStretch(1)
        header.addWidget(self.status_label)
        header.addWidget(refresh)
        layout.addLayout(header)

        cards = QHBoxLayout()
        cards.setSpacing(10)
        self.cards = {
            "households": FigureCardWidget(_("建档立卡户"), body),
            "incidence": FigureCardWidget(_("贫困发生率"), body),
            "below_line": FigureCardWidget(_("收入未超过贫困线"), body),
            "behind": FigureCardWidget(_("逾期未脱贫"), body),
            "problems": FigureCardWidget(_("有问题数据"), body),
            "idle_helpers": FigureCardWidget(_("久未走访的帮扶干部"), body),
        }
        for card in self.cards.values():
            cards.addWidget(card, 1)
        layout.addLayout(cards)
        self.cards["households"].activated.connect(lambda: self._show(household_filter()))
        self.cards["incidence"].activated.connect(lambda: self._show(household_filter(colour="red")))
        self.cards["below_line"].activated.connect(self._show_below_line)
        self.cards["behind"].activated.connect(lambda: self._show(household_filter(behind_schedule=True)))
        self.cards["problems"].activated.connect(lambda: self._show(household_filter(has_problems=True)))
        self.cards["idle_helpers"].activated.connect(lambda: self.services.show_page("helpers"))

        grid = QGridLayout()
        grid.setSpacing(10)
        empty = _("暂无数据")
        self.colour_chart = RingChartWidget(centre_caption=_("户"), empty_text=empty)
        self.year_chart = BarChartWidget(horizontal=False, empty_text=empty)
        self.step_chart = BarChartWidget(horizontal=False, empty_text=empty)
        self.cause_chart = BarChartWidget(horizontal=True, empty_text=empty)
        self.group_chart = BarChartWidget(horizontal=True, empty_text=empty)
        charts = (
            (self.colour_chart, _("三色分布（户）"), 0, 0, 1),
            (self.year_chart, _("计划脱贫年度（户）"), 0, 1, 1),
            (self.step_chart, _("退出进度（户）"), 0, 2, 1),
            (self.cause_chart, _("主要致贫原因（户）"), 1, 0, 2),
            (self.group_chart, _("村民小组（户）"), 1, 2, 1),
        )
        for chart, title, row, column, span in charts:
            box = QGroupBox(title, body)
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(8, 8, 8, 8)
            box_layout.addWidget(chart)
            grid.addWidget(box, row, column, 1, span)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.colour_chart.activated.connect(lambda key: self._show(household_filter(colour=key)))
        self.year_chart.activated.connect(lambda key: self._show(household_filter(planned_exit_year=key)))
        self.step_chart.activated.connect(lambda key: self._show(household_filter(exit_step=key)))
        self.cause_chart.activated.connect(lambda key: self._show(household_filter(main_cause=key)))
        self.group_chart.activated.connect(lambda key: self._show(household_filter(village_group=key)))

    # data ------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._timer.stop()
        self.status_label.setText(_("正在统计…"))
        self.services.ops.run(load_dashboard, self.services.village_id, on_done=self.show_dashboard,
                              on_error=lambda exc: self.status_label.setText(_("统计失败：{error}").format(
                                  error=exc)))

    def show_dashboard(self, data) -> None:
        from fupin_desktop.i18n.formatting import format_money, format_number, format_percent

        self.data = data
        locale = current_language()
        name = self.services.village_name
        self.title_label.setText(_("作战图 · {name} · {year}年度").format(name=name, year=data.year) if name
                                 else _("作战图 · {year}年度").format(year=data.year))
        self.status_label.setText(_("更新于 {time}").format(time=QTime.currentTime().toString("HH:mm")))
        self.cards["households"].set_value(
            _("{n}户").format(n=format_number(data.households, locale)),
            _("{n}人").format(n=format_number(data.people, locale)))
        if data.incidence is None:
            self.cards["incidence"].set_value("—", _("未填写农村人口"))
        else:
            self.cards["incidence"].set_value(
                format_percent(data.incidence, locale, places=2),
                _("贫困人口{poor}人 / 农村人口{rural}人").format(
                    poor=format_number(data.poor_people, locale), rural=format_number(data.rural_population, locale)))
        line = (_("贫困线 {line} 元").format(line=format_money(data.line_fen, locale)) if data.line_fen
                else _("未录入本年度贫困线"))
        self.cards["below_line"].set_value(
            _("{n}户").format(n=format_number(data.below_line_households, locale)),
            _("{people}人 · {line}").format(people=format_number(data.below_line_people, locale), line=line),
            alert=data.below_line_households > 0)
        self.cards["behind"].set_value(_("{n}户").format(n=format_number(data.behind_schedule, locale)),
                                       _("计划年度已过仍未脱贫"), alert=data.behind_schedule > 0)
        self.cards["problems"].set_value(_("{n}户").format(n=format_number(data.problem_households, locale)),
                                         _("点开逐户核对"), alert=data.problem_households > 0)
        idle = data.helpers_without_recent_visit
        names = "、".join(idle[:3]) + ("…" if len(idle) > 3 else "")
        self.cards["idle_helpers"].set_value(
            _("{n}人").format(n=len(idle)),
            names or _("近{days}天都走访过").format(days=self.services.settings.visit_overdue_days),
            alert=bool(idle))
        self.colour_chart.set_items(
            ChartItem(c, _(COLOUR_NAMES.get(c, c)), data.by_colour[c], colour_hex(c))
            for c in sorted(data.by_colour, key=lambda c: COLOUR_ORDER.index(c) if c in COLOUR_ORDER else 9))
        self.year_chart.set_items(
            ChartItem(year, str(year), n, "#e0a800" if year == data.year else "")
            for year, n in sorted(data.by_exit_year.items()))
        steps = [("", _("未开始"))] + list(EXIT_STEP)
        self.step_chart.set_items(
            ChartItem(code, label, data.by_exit_step.get(code, 0), STEP_COLOURS[i])
            for i, (code, label) in enumerate(steps) if data.by_exit_step.get(code, 0))
        causes = sorted(((k, n) for k, n in data.by_cause.items() if n), key=lambda kv: -kv[1])
        self.cause_chart.set_items(
            ChartItem(k, POVERTY_CAUSE.label(k, _("未填写")), n, "#d9363e" if i == 0 else "#e57373")
            for i, (k, n) in enumerate(causes))
        self.group_chart.set_items(
            ChartItem(k, k or _("未填写"), n, "#2e9d57")
            for k, n in sorted(data.by_group.items(), key=lambda kv: group_order(kv[0])) if n)

    def _show(self, wanted) -> None:
        self.services.show_households(wanted)

    def _show_below_line(self) -> None:
        if self.data is None:
            return
        self.services.ops.run(below_line_ids, self.services.village_id, self.data.year,
                              on_done=lambda ids: self._show(household_filter(household_ids=ids or ("-",))))


PAGE = PageSpec(order=10, key="dashboard", title=N_("作战图"), factory=DashboardPageView)
