"""设置: poverty lines per year (with their source), colour mapping, accounting year, income divisor, 公示 days,
language and large-font mode. Every change goes through the settings services and the change log."""

from PySide6.QtWidgets import QComboBox, QTableWidgetItem, QWidget

from fupin_desktop.domain.codes import COLOUR, EXIT_STATUS
from fupin_desktop.domain.colours import SAFETY_NET
from fupin_desktop.domain.money import parse_yuan
from fupin_desktop.i18n.translate import N_, _, available_languages, current_language
from fupin_desktop.qt.app import language_name
from fupin_desktop.qt.forms.ui_settings_page import Ui_SettingsPage
from fupin_desktop.qt.pages import AppServices, PageSpec

REASON = N_("在设置页修改")
DIVISORS = (("registered", N_("户籍人口")), ("resident", N_("常住人口")))
OK_STYLE = "color: #2e7d32;"
ERROR_STYLE = "color: #c62828;"


def load_settings(ctx):
    return ctx.settings, ctx.poverty_lines()


def save_settings(ctx, values: dict, reason: str):
    """Apply each changed setting (database thread); returns the combined ``Changes``."""
    from fupin_desktop.services.changes import Changes
    from fupin_desktop.services.settings import set_setting

    changes = Changes()
    for key, value in values.items():
        changes = changes | set_setting(ctx, key, value, reason=reason)
    return changes


def save_line(ctx, year: int, line_fen: int, source: str, reason: str):
    from fupin_desktop.services.settings import set_poverty_line

    return set_poverty_line(ctx, year, line_fen, source, reason=reason)


class SettingsPageView(QWidget):
    def __init__(self, services: AppServices, parent=None):
        super().__init__(parent)
        self.services = services
        self.ui = Ui_SettingsPage()
        self.ui.setupUi(self)
        self.settings = None
        self.lines = []
        ui = self.ui
        self.colour_combos: dict[str, QComboBox] = {}
        # 兜底: 低保/特困 households not yet exited (domain/colours.py SAFETY_NET); kept so saving never drops it
        for code, label in (*EXIT_STATUS, (SAFETY_NET, _("未脱贫的低保、特困户（兜底保障）"))):
            combo = QComboBox(self)
            for colour, colour_label in COLOUR:
                combo.addItem(_(colour_label), colour)
            ui.colourForm.addRow(f"{label}：", combo)
            self.colour_combos[code] = combo
        for key, label in DIVISORS:
            ui.divisorCombo.addItem(_(label), key)
        for locale in available_languages():
            ui.languageCombo.addItem(language_name(locale), locale)
        table = ui.linesTable
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.setColumnWidth(0, 70)
        table.setColumnWidth(1, 110)
        for spin in (ui.publicitySpin, ui.monthSpin, ui.daySpin):
            spin.setMaximumWidth(110)
        ui.visitSpin.setMaximumWidth(260)
        year = services.clock.today().year
        ui.yearSpin.setValue(year)
        ui.largeFontCheck.setChecked(services.large_font)
        ui.largeFontCheck.toggled.connect(services.set_large_font)
        ui.linesTable.itemSelectionChanged.connect(self._line_selected)
        ui.saveLineButton.clicked.connect(self.save_line)
        ui.saveButton.clicked.connect(self.save)
        ui.revertButton.clicked.connect(self.refresh)
        services.ops.changed.connect(self._changed)
        self.refresh()

    def _changed(self, changes) -> None:
        if changes.tables & {"settings", "poverty_lines"}:
            self.refresh()

    def refresh(self) -> None:
        self.services.ops.run(load_settings, on_done=self.show_settings)

    def show_settings(self, result) -> None:
        from fupin_desktop.i18n.formatting import format_money

        settings, lines = result
        self.settings, self.lines = settings, lines
        ui = self.ui
        for code, combo in self.colour_combos.items():
            combo.setCurrentIndex(max(combo.findData(settings.colour_mapping.get(code, "red")), 0))
        ui.monthSpin.setValue(settings.accounting_year_start_month)
        ui.daySpin.setValue(settings.accounting_year_start_day)
        ui.divisorCombo.setCurrentIndex(max(ui.divisorCombo.findData(settings.income_divisor), 0))
        ui.publicitySpin.setValue(settings.publicity_days)
        ui.visitSpin.setValue(settings.visit_overdue_days)
        ui.languageCombo.setCurrentIndex(max(ui.languageCombo.findData(settings.language), 0))
        locale = current_language()
        table = ui.linesTable
        table.setRowCount(len(lines))
        for row, line in enumerate(sorted(lines, key=lambda item: -item.year)):
            for column, text in enumerate((str(line.year), format_money(line.line_fen, locale), line.source)):
                table.setItem(row, column, QTableWidgetItem(text))

    # saving ------------------------------------------------------------------------------------------------
    def edited_values(self) -> dict:
        """The settings whose widgets differ from what is saved."""
        if self.settings is None:
            return {}
        ui = self.ui
        wanted = {
            "colour_mapping": {code: combo.currentData() for code, combo in self.colour_combos.items()},
            "accounting_year_start_month": ui.monthSpin.value(),
            "accounting_year_start_day": ui.daySpin.value(),
            "income_divisor": ui.divisorCombo.currentData(),
            "publicity_days": ui.publicitySpin.value(),
            "visit_overdue_days": ui.visitSpin.value(),
            "language": ui.languageCombo.currentData(),
        }
        return {key: value for key, value in wanted.items() if getattr(self.settings, key) != value}

    def save(self) -> None:
        values = self.edited_values()
        if not values:
            self._message(_("设置没有改动。"))
            return
        self.ui.saveButton.setEnabled(False)
        language_changed = "language" in values
        self.services.ops.run(save_settings, values, _(REASON),
                              on_done=lambda _changes: self._saved(language_changed), on_error=self._failed)

    def _saved(self, language_changed: bool) -> None:
        self.ui.saveButton.setEnabled(True)
        text = _("设置已保存。")
        self._message(text)
        self.services.notify(text)
        if language_changed:  # the window is rebuilt in the new language (this page too)
            self.services.set_language(self.ui.languageCombo.currentData())

    def _failed(self, error) -> None:
        self.ui.saveButton.setEnabled(True)
        self._message(str(error), error=True)

    def _line_selected(self) -> None:
        row = self.ui.linesTable.currentRow()
        items = [self.ui.linesTable.item(row, c) for c in range(3)] if row >= 0 else []
        if all(items) and items:
            self.ui.yearSpin.setValue(int(items[0].text()))
            self.ui.amountEdit.setText(items[1].text().replace(",", ""))
            self.ui.sourceEdit.setText(items[2].text())

    def save_line(self) -> None:
        ui = self.ui
        try:
            line_fen = parse_yuan(ui.amountEdit.text(), allow_negative=False)
        except ValueError as exc:
            self._message(_("贫困线金额：{error}").format(error=exc), error=True)
            ui.amountEdit.setFocus()
            return
        source = ui.sourceEdit.text().strip()
        if not source:
            self._message(_("请填写贫困线的依据（文件或来源）。"), error=True)
            ui.sourceEdit.setFocus()
            return
        self.services.ops.run(save_line, ui.yearSpin.value(), line_fen, source, _(REASON),
                              on_done=lambda _c: self._message(_("{year}年贫困线已保存。").format(
                                  year=ui.yearSpin.value())), on_error=self._failed)

    def _message(self, text: str, *, error: bool = False) -> None:
        self.ui.messageLabel.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.ui.messageLabel.setText(text)


PAGE = PageSpec(order=90, key="settings", title=N_("设置"), factory=SettingsPageView)
