"""基本情况 and 生产生活条件 tabs: compiled Designer forms bound to household fields."""

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QVBoxLayout, QWidget

from fupin_desktop.domain.codes import COLOUR, HOUSEHOLD_TABLES, household_attribute_table
from fupin_desktop.domain.colours import colour_of
from fupin_desktop.i18n.translate import _
from fupin_desktop.qt.dialogs.field_titles import HOUSEHOLD_TITLES
from fupin_desktop.qt.dialogs.form_fields import FormBinder
from fupin_desktop.qt.forms.ui_household_basic import Ui_HouseholdBasicForm
from fupin_desktop.qt.forms.ui_household_conditions import Ui_HouseholdConditionsForm
from fupin_desktop.qt.widgets.styles import label_style

BASIC_KINDS = {
    "number": "text",
    "village_group": "text",
    "address": "text",
    "phone": "text",
    "bank": "text",
    "bank_account": "text",
    "standard": "code",
    "attribute": "code",
    "identified_on": "date",
    "planned_exit_year": "optint",
    "exit_status": "code",
    "exit_year": "optint",
    "military_family": "bool",
    "only_child": "bool",
    "two_daughters": "bool",
    "colour_override": "code",
    "colour_override_reason": "text",
}
CONDITION_KINDS = {
    "farmland_mu": "float",
    "irrigated_mu": "float",
    "forest_mu": "float",
    "returned_farmland_mu": "float",
    "fruit_mu": "float",
    "pasture_mu": "float",
    "water_surface_mu": "float",
    "road_distance_km": "float",
    "road_type": "code",
    "house_area": "optfloat",
    "house_rating": "code",
    "relocation_keys_handed": "bool",
    "relocation_mode": "code",
    "relocation_settlement": "code",
    "relocation_place": "code",
    "water_safe": "tribool",
    "water_difficulty": "tribool",
    "fuel": "code",
    "sanitary_toilet": "tribool",
    "power_living": "bool",
    "power_production": "bool",
    "broadcast_tv": "bool",
    "cooperative": "bool",
    "food_secure": "bool",
    "clothing_secure": "bool",
}


class _BoundPage(QWidget):
    changed = Signal()

    def __init__(self, ui, kinds: dict, tables: dict, parent=None):
        super().__init__(parent)
        self.form = QWidget(self)
        self.ui = ui
        self.ui.setupUi(self.form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.form)
        layout.addStretch(1)
        self.binder = FormBinder(self.form, kinds, tables, HOUSEHOLD_TITLES, parent=self)
        self.binder.changed.connect(lambda _name: self.changed.emit())

    def set_values(self, household) -> None:
        self.binder.set_values({name: getattr(household, name) for name in self.binder.kinds})

    def set_form_values(self, values: dict) -> None:
        self.binder.set_values(values)

    def values(self) -> dict:
        return self.binder.values()


class BasicPage(_BoundPage):
    def __init__(self, parent=None):
        super().__init__(Ui_HouseholdBasicForm(), BASIC_KINDS, {**HOUSEHOLD_TABLES, "colour_override": COLOUR}, parent)
        for name in ("planned_exit_year", "exit_year"):
            getattr(self.ui, name).setValidator(QIntValidator(1990, 2100, self))
        self.ui.village_group.setEditable(True)
        self.ui.colour_auto_label.setStyleSheet(label_style("hint"))
        self.binder.changed.connect(self._colour_edited)

    def _colour_edited(self, name: str) -> None:
        if name == "colour_override":
            self._enable_reason()

    def _enable_reason(self) -> None:
        """The reason is asked only while a colour is chosen by hand."""
        self.ui.colour_override_reason.setEnabled(bool(self.ui.colour_override.code()))

    def set_values(self, household) -> None:
        super().set_values(household)
        self._enable_reason()

    def set_form_values(self, values: dict) -> None:
        super().set_form_values(values)
        self._enable_reason()

    def show_colour(self, household, settings) -> None:
        """Beside the manual colour: the colour the 脱贫状态 would give without it."""
        automatic = colour_of(replace(household, colour_override=""), settings)
        self.ui.colour_auto_label.setText(
            _("不指定时按脱贫状态自动标为：{colour}").format(colour=COLOUR.label(automatic))
        )

    def set_today(self, today) -> None:
        self.ui.attribute.set_table(household_attribute_table(today.year))
        self.ui.identified_on.set_reference(today)

    def set_groups(self, groups) -> None:
        current = self.ui.village_group.currentText()
        self.ui.village_group.blockSignals(True)
        self.ui.village_group.clear()
        self.ui.village_group.addItems(list(groups))
        self.ui.village_group.setCurrentText(current)
        self.ui.village_group.blockSignals(False)


class ConditionsPage(_BoundPage):
    def __init__(self, parent=None):
        super().__init__(Ui_HouseholdConditionsForm(), CONDITION_KINDS, HOUSEHOLD_TABLES, parent)
