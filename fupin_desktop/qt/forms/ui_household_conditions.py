# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'household_conditions.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QDoubleSpinBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from fupin_desktop.qt.widgets.code_combo import CodeCombo

class Ui_HouseholdConditionsForm(object):
    def setupUi(self, HouseholdConditionsForm):
        if not HouseholdConditionsForm.objectName():
            HouseholdConditionsForm.setObjectName(u"HouseholdConditionsForm")
        self.conditions_columns = QHBoxLayout(HouseholdConditionsForm)
        self.conditions_columns.setSpacing(12)
        self.conditions_columns.setObjectName(u"conditions_columns")
        self.conditions_columns_0 = QVBoxLayout()
        self.conditions_columns_0.setObjectName(u"conditions_columns_0")
        self.land_group = QGroupBox(HouseholdConditionsForm)
        self.land_group.setObjectName(u"land_group")
        self.land_group_form = QFormLayout(self.land_group)
        self.land_group_form.setObjectName(u"land_group_form")
        self.land_group_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.land_group_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.land_group_form.setHorizontalSpacing(10)
        self.land_group_form.setVerticalSpacing(7)
        self.farmland_mu_label = QLabel(self.land_group)
        self.farmland_mu_label.setObjectName(u"farmland_mu_label")

        self.land_group_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.farmland_mu_label)

        self.farmland_mu_row = QHBoxLayout()
        self.farmland_mu_row.setSpacing(8)
        self.farmland_mu_row.setObjectName(u"farmland_mu_row")
        self.farmland_mu = QDoubleSpinBox(self.land_group)
        self.farmland_mu.setObjectName(u"farmland_mu")
        self.farmland_mu.setDecimals(1)
        self.farmland_mu.setMaximum(99999.000000000000000)
        self.farmland_mu.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.farmland_mu.setMaximumSize(QSize(130, 16777215))
        self.farmland_mu.setMinimumSize(QSize(130, 0))

        self.farmland_mu_row.addWidget(self.farmland_mu)

        self.farmland_mu_problem = QLabel(self.land_group)
        self.farmland_mu_problem.setObjectName(u"farmland_mu_problem")
        self.farmland_mu_problem.setWordWrap(True)

        self.farmland_mu_row.addWidget(self.farmland_mu_problem)


        self.land_group_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.farmland_mu_row)

        self.irrigated_mu_label = QLabel(self.land_group)
        self.irrigated_mu_label.setObjectName(u"irrigated_mu_label")

        self.land_group_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.irrigated_mu_label)

        self.irrigated_mu_row = QHBoxLayout()
        self.irrigated_mu_row.setSpacing(8)
        self.irrigated_mu_row.setObjectName(u"irrigated_mu_row")
        self.irrigated_mu = QDoubleSpinBox(self.land_group)
        self.irrigated_mu.setObjectName(u"irrigated_mu")
        self.irrigated_mu.setDecimals(1)
        self.irrigated_mu.setMaximum(99999.000000000000000)
        self.irrigated_mu.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.irrigated_mu.setMaximumSize(QSize(130, 16777215))
        self.irrigated_mu.setMinimumSize(QSize(130, 0))

        self.irrigated_mu_row.addWidget(self.irrigated_mu)

        self.irrigated_mu_problem = QLabel(self.land_group)
        self.irrigated_mu_problem.setObjectName(u"irrigated_mu_problem")
        self.irrigated_mu_problem.setWordWrap(True)

        self.irrigated_mu_row.addWidget(self.irrigated_mu_problem)


        self.land_group_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.irrigated_mu_row)

        self.forest_mu_label = QLabel(self.land_group)
        self.forest_mu_label.setObjectName(u"forest_mu_label")

        self.land_group_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.forest_mu_label)

        self.forest_mu_row = QHBoxLayout()
        self.forest_mu_row.setSpacing(8)
        self.forest_mu_row.setObjectName(u"forest_mu_row")
        self.forest_mu = QDoubleSpinBox(self.land_group)
        self.forest_mu.setObjectName(u"forest_mu")
        self.forest_mu.setDecimals(1)
        self.forest_mu.setMaximum(99999.000000000000000)
        self.forest_mu.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.forest_mu.setMaximumSize(QSize(130, 16777215))
        self.forest_mu.setMinimumSize(QSize(130, 0))

        self.forest_mu_row.addWidget(self.forest_mu)

        self.forest_mu_problem = QLabel(self.land_group)
        self.forest_mu_problem.setObjectName(u"forest_mu_problem")
        self.forest_mu_problem.setWordWrap(True)

        self.forest_mu_row.addWidget(self.forest_mu_problem)


        self.land_group_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.forest_mu_row)

        self.returned_farmland_mu_label = QLabel(self.land_group)
        self.returned_farmland_mu_label.setObjectName(u"returned_farmland_mu_label")

        self.land_group_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.returned_farmland_mu_label)

        self.returned_farmland_mu_row = QHBoxLayout()
        self.returned_farmland_mu_row.setSpacing(8)
        self.returned_farmland_mu_row.setObjectName(u"returned_farmland_mu_row")
        self.returned_farmland_mu = QDoubleSpinBox(self.land_group)
        self.returned_farmland_mu.setObjectName(u"returned_farmland_mu")
        self.returned_farmland_mu.setDecimals(1)
        self.returned_farmland_mu.setMaximum(99999.000000000000000)
        self.returned_farmland_mu.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.returned_farmland_mu.setMaximumSize(QSize(130, 16777215))
        self.returned_farmland_mu.setMinimumSize(QSize(130, 0))

        self.returned_farmland_mu_row.addWidget(self.returned_farmland_mu)

        self.returned_farmland_mu_problem = QLabel(self.land_group)
        self.returned_farmland_mu_problem.setObjectName(u"returned_farmland_mu_problem")
        self.returned_farmland_mu_problem.setWordWrap(True)

        self.returned_farmland_mu_row.addWidget(self.returned_farmland_mu_problem)


        self.land_group_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.returned_farmland_mu_row)

        self.fruit_mu_label = QLabel(self.land_group)
        self.fruit_mu_label.setObjectName(u"fruit_mu_label")

        self.land_group_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.fruit_mu_label)

        self.fruit_mu_row = QHBoxLayout()
        self.fruit_mu_row.setSpacing(8)
        self.fruit_mu_row.setObjectName(u"fruit_mu_row")
        self.fruit_mu = QDoubleSpinBox(self.land_group)
        self.fruit_mu.setObjectName(u"fruit_mu")
        self.fruit_mu.setDecimals(1)
        self.fruit_mu.setMaximum(99999.000000000000000)
        self.fruit_mu.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.fruit_mu.setMaximumSize(QSize(130, 16777215))
        self.fruit_mu.setMinimumSize(QSize(130, 0))

        self.fruit_mu_row.addWidget(self.fruit_mu)

        self.fruit_mu_problem = QLabel(self.land_group)
        self.fruit_mu_problem.setObjectName(u"fruit_mu_problem")
        self.fruit_mu_problem.setWordWrap(True)

        self.fruit_mu_row.addWidget(self.fruit_mu_problem)


        self.land_group_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.fruit_mu_row)

        self.pasture_mu_label = QLabel(self.land_group)
        self.pasture_mu_label.setObjectName(u"pasture_mu_label")

        self.land_group_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.pasture_mu_label)

        self.pasture_mu_row = QHBoxLayout()
        self.pasture_mu_row.setSpacing(8)
        self.pasture_mu_row.setObjectName(u"pasture_mu_row")
        self.pasture_mu = QDoubleSpinBox(self.land_group)
        self.pasture_mu.setObjectName(u"pasture_mu")
        self.pasture_mu.setDecimals(1)
        self.pasture_mu.setMaximum(99999.000000000000000)
        self.pasture_mu.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.pasture_mu.setMaximumSize(QSize(130, 16777215))
        self.pasture_mu.setMinimumSize(QSize(130, 0))

        self.pasture_mu_row.addWidget(self.pasture_mu)

        self.pasture_mu_problem = QLabel(self.land_group)
        self.pasture_mu_problem.setObjectName(u"pasture_mu_problem")
        self.pasture_mu_problem.setWordWrap(True)

        self.pasture_mu_row.addWidget(self.pasture_mu_problem)


        self.land_group_form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.pasture_mu_row)

        self.water_surface_mu_label = QLabel(self.land_group)
        self.water_surface_mu_label.setObjectName(u"water_surface_mu_label")

        self.land_group_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.water_surface_mu_label)

        self.water_surface_mu_row = QHBoxLayout()
        self.water_surface_mu_row.setSpacing(8)
        self.water_surface_mu_row.setObjectName(u"water_surface_mu_row")
        self.water_surface_mu = QDoubleSpinBox(self.land_group)
        self.water_surface_mu.setObjectName(u"water_surface_mu")
        self.water_surface_mu.setDecimals(1)
        self.water_surface_mu.setMaximum(99999.000000000000000)
        self.water_surface_mu.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.water_surface_mu.setMaximumSize(QSize(130, 16777215))
        self.water_surface_mu.setMinimumSize(QSize(130, 0))

        self.water_surface_mu_row.addWidget(self.water_surface_mu)

        self.water_surface_mu_problem = QLabel(self.land_group)
        self.water_surface_mu_problem.setObjectName(u"water_surface_mu_problem")
        self.water_surface_mu_problem.setWordWrap(True)

        self.water_surface_mu_row.addWidget(self.water_surface_mu_problem)


        self.land_group_form.setLayout(6, QFormLayout.ItemRole.FieldRole, self.water_surface_mu_row)


        self.conditions_columns_0.addWidget(self.land_group)

        self.land_group_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.conditions_columns_0.addItem(self.land_group_spacer)


        self.conditions_columns.addLayout(self.conditions_columns_0)

        self.conditions_columns_1 = QVBoxLayout()
        self.conditions_columns_1.setObjectName(u"conditions_columns_1")
        self.house_group = QGroupBox(HouseholdConditionsForm)
        self.house_group.setObjectName(u"house_group")
        self.house_group_form = QFormLayout(self.house_group)
        self.house_group_form.setObjectName(u"house_group_form")
        self.house_group_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.house_group_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.house_group_form.setHorizontalSpacing(10)
        self.house_group_form.setVerticalSpacing(7)
        self.road_distance_km_label = QLabel(self.house_group)
        self.road_distance_km_label.setObjectName(u"road_distance_km_label")

        self.house_group_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.road_distance_km_label)

        self.road_distance_km_row = QHBoxLayout()
        self.road_distance_km_row.setSpacing(8)
        self.road_distance_km_row.setObjectName(u"road_distance_km_row")
        self.road_distance_km = QDoubleSpinBox(self.house_group)
        self.road_distance_km.setObjectName(u"road_distance_km")
        self.road_distance_km.setDecimals(2)
        self.road_distance_km.setMaximum(999.000000000000000)
        self.road_distance_km.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.road_distance_km.setMaximumSize(QSize(130, 16777215))
        self.road_distance_km.setMinimumSize(QSize(130, 0))

        self.road_distance_km_row.addWidget(self.road_distance_km)

        self.road_distance_km_problem = QLabel(self.house_group)
        self.road_distance_km_problem.setObjectName(u"road_distance_km_problem")
        self.road_distance_km_problem.setWordWrap(True)

        self.road_distance_km_row.addWidget(self.road_distance_km_problem)


        self.house_group_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.road_distance_km_row)

        self.road_type_label = QLabel(self.house_group)
        self.road_type_label.setObjectName(u"road_type_label")

        self.house_group_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.road_type_label)

        self.road_type_row = QHBoxLayout()
        self.road_type_row.setSpacing(8)
        self.road_type_row.setObjectName(u"road_type_row")
        self.road_type = CodeCombo(self.house_group)
        self.road_type.setObjectName(u"road_type")
        self.road_type.setMaximumSize(QSize(200, 16777215))
        self.road_type.setMinimumSize(QSize(200, 0))

        self.road_type_row.addWidget(self.road_type)

        self.road_type_problem = QLabel(self.house_group)
        self.road_type_problem.setObjectName(u"road_type_problem")
        self.road_type_problem.setWordWrap(True)

        self.road_type_row.addWidget(self.road_type_problem)


        self.house_group_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.road_type_row)

        self.house_area_label = QLabel(self.house_group)
        self.house_area_label.setObjectName(u"house_area_label")

        self.house_group_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.house_area_label)

        self.house_area_row = QHBoxLayout()
        self.house_area_row.setSpacing(8)
        self.house_area_row.setObjectName(u"house_area_row")
        self.house_area = QLineEdit(self.house_group)
        self.house_area.setObjectName(u"house_area")
        self.house_area.setMaximumSize(QSize(110, 16777215))
        self.house_area.setMinimumSize(QSize(110, 0))

        self.house_area_row.addWidget(self.house_area)

        self.house_area_problem = QLabel(self.house_group)
        self.house_area_problem.setObjectName(u"house_area_problem")
        self.house_area_problem.setWordWrap(True)

        self.house_area_row.addWidget(self.house_area_problem)


        self.house_group_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.house_area_row)

        self.house_rating_label = QLabel(self.house_group)
        self.house_rating_label.setObjectName(u"house_rating_label")

        self.house_group_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.house_rating_label)

        self.house_rating_row = QHBoxLayout()
        self.house_rating_row.setSpacing(8)
        self.house_rating_row.setObjectName(u"house_rating_row")
        self.house_rating = CodeCombo(self.house_group)
        self.house_rating.setObjectName(u"house_rating")
        self.house_rating.setMaximumSize(QSize(200, 16777215))
        self.house_rating.setMinimumSize(QSize(200, 0))

        self.house_rating_row.addWidget(self.house_rating)

        self.house_rating_problem = QLabel(self.house_group)
        self.house_rating_problem.setObjectName(u"house_rating_problem")
        self.house_rating_problem.setWordWrap(True)

        self.house_rating_row.addWidget(self.house_rating_problem)


        self.house_group_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.house_rating_row)

        self.relocation_keys_handed_label = QLabel(self.house_group)
        self.relocation_keys_handed_label.setObjectName(u"relocation_keys_handed_label")

        self.house_group_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.relocation_keys_handed_label)

        self.relocation_keys_handed_row = QHBoxLayout()
        self.relocation_keys_handed_row.setSpacing(8)
        self.relocation_keys_handed_row.setObjectName(u"relocation_keys_handed_row")
        self.relocation_keys_handed = QCheckBox(self.house_group)
        self.relocation_keys_handed.setObjectName(u"relocation_keys_handed")

        self.relocation_keys_handed_row.addWidget(self.relocation_keys_handed)

        self.relocation_keys_handed_problem = QLabel(self.house_group)
        self.relocation_keys_handed_problem.setObjectName(u"relocation_keys_handed_problem")
        self.relocation_keys_handed_problem.setWordWrap(True)

        self.relocation_keys_handed_row.addWidget(self.relocation_keys_handed_problem)


        self.house_group_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.relocation_keys_handed_row)

        self.relocation_mode_label = QLabel(self.house_group)
        self.relocation_mode_label.setObjectName(u"relocation_mode_label")

        self.house_group_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.relocation_mode_label)

        self.relocation_mode_row = QHBoxLayout()
        self.relocation_mode_row.setSpacing(8)
        self.relocation_mode_row.setObjectName(u"relocation_mode_row")
        self.relocation_mode = CodeCombo(self.house_group)
        self.relocation_mode.setObjectName(u"relocation_mode")
        self.relocation_mode.setMaximumSize(QSize(200, 16777215))
        self.relocation_mode.setMinimumSize(QSize(200, 0))

        self.relocation_mode_row.addWidget(self.relocation_mode)

        self.relocation_mode_problem = QLabel(self.house_group)
        self.relocation_mode_problem.setObjectName(u"relocation_mode_problem")
        self.relocation_mode_problem.setWordWrap(True)

        self.relocation_mode_row.addWidget(self.relocation_mode_problem)


        self.house_group_form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.relocation_mode_row)

        self.relocation_settlement_label = QLabel(self.house_group)
        self.relocation_settlement_label.setObjectName(u"relocation_settlement_label")

        self.house_group_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.relocation_settlement_label)

        self.relocation_settlement_row = QHBoxLayout()
        self.relocation_settlement_row.setSpacing(8)
        self.relocation_settlement_row.setObjectName(u"relocation_settlement_row")
        self.relocation_settlement = CodeCombo(self.house_group)
        self.relocation_settlement.setObjectName(u"relocation_settlement")
        self.relocation_settlement.setMaximumSize(QSize(200, 16777215))
        self.relocation_settlement.setMinimumSize(QSize(200, 0))

        self.relocation_settlement_row.addWidget(self.relocation_settlement)

        self.relocation_settlement_problem = QLabel(self.house_group)
        self.relocation_settlement_problem.setObjectName(u"relocation_settlement_problem")
        self.relocation_settlement_problem.setWordWrap(True)

        self.relocation_settlement_row.addWidget(self.relocation_settlement_problem)


        self.house_group_form.setLayout(6, QFormLayout.ItemRole.FieldRole, self.relocation_settlement_row)

        self.relocation_place_label = QLabel(self.house_group)
        self.relocation_place_label.setObjectName(u"relocation_place_label")

        self.house_group_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.relocation_place_label)

        self.relocation_place_row = QHBoxLayout()
        self.relocation_place_row.setSpacing(8)
        self.relocation_place_row.setObjectName(u"relocation_place_row")
        self.relocation_place = CodeCombo(self.house_group)
        self.relocation_place.setObjectName(u"relocation_place")
        self.relocation_place.setMaximumSize(QSize(200, 16777215))
        self.relocation_place.setMinimumSize(QSize(200, 0))

        self.relocation_place_row.addWidget(self.relocation_place)

        self.relocation_place_problem = QLabel(self.house_group)
        self.relocation_place_problem.setObjectName(u"relocation_place_problem")
        self.relocation_place_problem.setWordWrap(True)

        self.relocation_place_row.addWidget(self.relocation_place_problem)


        self.house_group_form.setLayout(7, QFormLayout.ItemRole.FieldRole, self.relocation_place_row)


        self.conditions_columns_1.addWidget(self.house_group)

        self.house_group_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.conditions_columns_1.addItem(self.house_group_spacer)


        self.conditions_columns.addLayout(self.conditions_columns_1)

        self.conditions_columns_2 = QVBoxLayout()
        self.conditions_columns_2.setObjectName(u"conditions_columns_2")
        self.living_group = QGroupBox(HouseholdConditionsForm)
        self.living_group.setObjectName(u"living_group")
        self.living_group_form = QFormLayout(self.living_group)
        self.living_group_form.setObjectName(u"living_group_form")
        self.living_group_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.living_group_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.living_group_form.setHorizontalSpacing(10)
        self.living_group_form.setVerticalSpacing(7)
        self.water_safe_label = QLabel(self.living_group)
        self.water_safe_label.setObjectName(u"water_safe_label")

        self.living_group_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.water_safe_label)

        self.water_safe_row = QHBoxLayout()
        self.water_safe_row.setSpacing(8)
        self.water_safe_row.setObjectName(u"water_safe_row")
        self.water_safe = CodeCombo(self.living_group)
        self.water_safe.setObjectName(u"water_safe")
        self.water_safe.setMaximumSize(QSize(110, 16777215))
        self.water_safe.setMinimumSize(QSize(110, 0))

        self.water_safe_row.addWidget(self.water_safe)

        self.water_safe_problem = QLabel(self.living_group)
        self.water_safe_problem.setObjectName(u"water_safe_problem")
        self.water_safe_problem.setWordWrap(True)

        self.water_safe_row.addWidget(self.water_safe_problem)


        self.living_group_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.water_safe_row)

        self.water_difficulty_label = QLabel(self.living_group)
        self.water_difficulty_label.setObjectName(u"water_difficulty_label")

        self.living_group_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.water_difficulty_label)

        self.water_difficulty_row = QHBoxLayout()
        self.water_difficulty_row.setSpacing(8)
        self.water_difficulty_row.setObjectName(u"water_difficulty_row")
        self.water_difficulty = CodeCombo(self.living_group)
        self.water_difficulty.setObjectName(u"water_difficulty")
        self.water_difficulty.setMaximumSize(QSize(110, 16777215))
        self.water_difficulty.setMinimumSize(QSize(110, 0))

        self.water_difficulty_row.addWidget(self.water_difficulty)

        self.water_difficulty_problem = QLabel(self.living_group)
        self.water_difficulty_problem.setObjectName(u"water_difficulty_problem")
        self.water_difficulty_problem.setWordWrap(True)

        self.water_difficulty_row.addWidget(self.water_difficulty_problem)


        self.living_group_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.water_difficulty_row)

        self.fuel_label = QLabel(self.living_group)
        self.fuel_label.setObjectName(u"fuel_label")

        self.living_group_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.fuel_label)

        self.fuel_row = QHBoxLayout()
        self.fuel_row.setSpacing(8)
        self.fuel_row.setObjectName(u"fuel_row")
        self.fuel = CodeCombo(self.living_group)
        self.fuel.setObjectName(u"fuel")
        self.fuel.setMaximumSize(QSize(200, 16777215))
        self.fuel.setMinimumSize(QSize(200, 0))

        self.fuel_row.addWidget(self.fuel)

        self.fuel_problem = QLabel(self.living_group)
        self.fuel_problem.setObjectName(u"fuel_problem")
        self.fuel_problem.setWordWrap(True)

        self.fuel_row.addWidget(self.fuel_problem)


        self.living_group_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.fuel_row)

        self.sanitary_toilet_label = QLabel(self.living_group)
        self.sanitary_toilet_label.setObjectName(u"sanitary_toilet_label")

        self.living_group_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sanitary_toilet_label)

        self.sanitary_toilet_row = QHBoxLayout()
        self.sanitary_toilet_row.setSpacing(8)
        self.sanitary_toilet_row.setObjectName(u"sanitary_toilet_row")
        self.sanitary_toilet = CodeCombo(self.living_group)
        self.sanitary_toilet.setObjectName(u"sanitary_toilet")
        self.sanitary_toilet.setMaximumSize(QSize(110, 16777215))
        self.sanitary_toilet.setMinimumSize(QSize(110, 0))

        self.sanitary_toilet_row.addWidget(self.sanitary_toilet)

        self.sanitary_toilet_problem = QLabel(self.living_group)
        self.sanitary_toilet_problem.setObjectName(u"sanitary_toilet_problem")
        self.sanitary_toilet_problem.setWordWrap(True)

        self.sanitary_toilet_row.addWidget(self.sanitary_toilet_problem)


        self.living_group_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.sanitary_toilet_row)

        self.power_living_label = QLabel(self.living_group)
        self.power_living_label.setObjectName(u"power_living_label")

        self.living_group_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.power_living_label)

        self.power_living_row = QHBoxLayout()
        self.power_living_row.setSpacing(8)
        self.power_living_row.setObjectName(u"power_living_row")
        self.power_living = QCheckBox(self.living_group)
        self.power_living.setObjectName(u"power_living")

        self.power_living_row.addWidget(self.power_living)

        self.power_living_problem = QLabel(self.living_group)
        self.power_living_problem.setObjectName(u"power_living_problem")
        self.power_living_problem.setWordWrap(True)

        self.power_living_row.addWidget(self.power_living_problem)


        self.living_group_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.power_living_row)

        self.power_production_label = QLabel(self.living_group)
        self.power_production_label.setObjectName(u"power_production_label")

        self.living_group_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.power_production_label)

        self.power_production_row = QHBoxLayout()
        self.power_production_row.setSpacing(8)
        self.power_production_row.setObjectName(u"power_production_row")
        self.power_production = QCheckBox(self.living_group)
        self.power_production.setObjectName(u"power_production")

        self.power_production_row.addWidget(self.power_production)

        self.power_production_problem = QLabel(self.living_group)
        self.power_production_problem.setObjectName(u"power_production_problem")
        self.power_production_problem.setWordWrap(True)

        self.power_production_row.addWidget(self.power_production_problem)


        self.living_group_form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.power_production_row)

        self.broadcast_tv_label = QLabel(self.living_group)
        self.broadcast_tv_label.setObjectName(u"broadcast_tv_label")

        self.living_group_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.broadcast_tv_label)

        self.broadcast_tv_row = QHBoxLayout()
        self.broadcast_tv_row.setSpacing(8)
        self.broadcast_tv_row.setObjectName(u"broadcast_tv_row")
        self.broadcast_tv = QCheckBox(self.living_group)
        self.broadcast_tv.setObjectName(u"broadcast_tv")

        self.broadcast_tv_row.addWidget(self.broadcast_tv)

        self.broadcast_tv_problem = QLabel(self.living_group)
        self.broadcast_tv_problem.setObjectName(u"broadcast_tv_problem")
        self.broadcast_tv_problem.setWordWrap(True)

        self.broadcast_tv_row.addWidget(self.broadcast_tv_problem)


        self.living_group_form.setLayout(6, QFormLayout.ItemRole.FieldRole, self.broadcast_tv_row)

        self.cooperative_label = QLabel(self.living_group)
        self.cooperative_label.setObjectName(u"cooperative_label")

        self.living_group_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.cooperative_label)

        self.cooperative_row = QHBoxLayout()
        self.cooperative_row.setSpacing(8)
        self.cooperative_row.setObjectName(u"cooperative_row")
        self.cooperative = QCheckBox(self.living_group)
        self.cooperative.setObjectName(u"cooperative")

        self.cooperative_row.addWidget(self.cooperative)

        self.cooperative_problem = QLabel(self.living_group)
        self.cooperative_problem.setObjectName(u"cooperative_problem")
        self.cooperative_problem.setWordWrap(True)

        self.cooperative_row.addWidget(self.cooperative_problem)


        self.living_group_form.setLayout(7, QFormLayout.ItemRole.FieldRole, self.cooperative_row)

        self.food_secure_label = QLabel(self.living_group)
        self.food_secure_label.setObjectName(u"food_secure_label")

        self.living_group_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.food_secure_label)

        self.food_secure_row = QHBoxLayout()
        self.food_secure_row.setSpacing(8)
        self.food_secure_row.setObjectName(u"food_secure_row")
        self.food_secure = QCheckBox(self.living_group)
        self.food_secure.setObjectName(u"food_secure")

        self.food_secure_row.addWidget(self.food_secure)

        self.food_secure_problem = QLabel(self.living_group)
        self.food_secure_problem.setObjectName(u"food_secure_problem")
        self.food_secure_problem.setWordWrap(True)

        self.food_secure_row.addWidget(self.food_secure_problem)


        self.living_group_form.setLayout(8, QFormLayout.ItemRole.FieldRole, self.food_secure_row)

        self.clothing_secure_label = QLabel(self.living_group)
        self.clothing_secure_label.setObjectName(u"clothing_secure_label")

        self.living_group_form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.clothing_secure_label)

        self.clothing_secure_row = QHBoxLayout()
        self.clothing_secure_row.setSpacing(8)
        self.clothing_secure_row.setObjectName(u"clothing_secure_row")
        self.clothing_secure = QCheckBox(self.living_group)
        self.clothing_secure.setObjectName(u"clothing_secure")

        self.clothing_secure_row.addWidget(self.clothing_secure)

        self.clothing_secure_problem = QLabel(self.living_group)
        self.clothing_secure_problem.setObjectName(u"clothing_secure_problem")
        self.clothing_secure_problem.setWordWrap(True)

        self.clothing_secure_row.addWidget(self.clothing_secure_problem)


        self.living_group_form.setLayout(9, QFormLayout.ItemRole.FieldRole, self.clothing_secure_row)


        self.conditions_columns_2.addWidget(self.living_group)

        self.living_group_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.conditions_columns_2.addItem(self.living_group_spacer)


        self.conditions_columns.addLayout(self.conditions_columns_2)

#if QT_CONFIG(shortcut)
        self.farmland_mu_label.setBuddy(self.farmland_mu)
        self.irrigated_mu_label.setBuddy(self.irrigated_mu)
        self.forest_mu_label.setBuddy(self.forest_mu)
        self.returned_farmland_mu_label.setBuddy(self.returned_farmland_mu)
        self.fruit_mu_label.setBuddy(self.fruit_mu)
        self.pasture_mu_label.setBuddy(self.pasture_mu)
        self.water_surface_mu_label.setBuddy(self.water_surface_mu)
        self.road_distance_km_label.setBuddy(self.road_distance_km)
        self.road_type_label.setBuddy(self.road_type)
        self.house_area_label.setBuddy(self.house_area)
        self.house_rating_label.setBuddy(self.house_rating)
        self.relocation_keys_handed_label.setBuddy(self.relocation_keys_handed)
        self.relocation_mode_label.setBuddy(self.relocation_mode)
        self.relocation_settlement_label.setBuddy(self.relocation_settlement)
        self.relocation_place_label.setBuddy(self.relocation_place)
        self.water_safe_label.setBuddy(self.water_safe)
        self.water_difficulty_label.setBuddy(self.water_difficulty)
        self.fuel_label.setBuddy(self.fuel)
        self.sanitary_toilet_label.setBuddy(self.sanitary_toilet)
        self.power_living_label.setBuddy(self.power_living)
        self.power_production_label.setBuddy(self.power_production)
        self.broadcast_tv_label.setBuddy(self.broadcast_tv)
        self.cooperative_label.setBuddy(self.cooperative)
        self.food_secure_label.setBuddy(self.food_secure)
        self.clothing_secure_label.setBuddy(self.clothing_secure)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(HouseholdConditionsForm)

        QMetaObject.connectSlotsByName(HouseholdConditionsForm)
    # setupUi

    def retranslateUi(self, HouseholdConditionsForm):
        self.land_group.setTitle(QCoreApplication.translate("HouseholdConditionsForm", u"\u571f\u5730\uff08\u4ea9\uff09", None))
        self.farmland_mu_label.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u8015\u5730\u9762\u79ef\uff1a", None))
        self.farmland_mu.setSuffix(QCoreApplication.translate("HouseholdConditionsForm", u" \u4ea9", None))
        self.farmland_mu_problem.setText("")
        self.irrigated_mu_label.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u6709\u6548\u704c\u6e89\u9762\u79ef\uff1a", None))
        self.irrigated_mu.setSuffix(QCoreApplication.translate("HouseholdConditionsForm", u" \u4ea9", None))
        self.irrigated_mu_problem.setText("")
        self.forest_mu_label.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u6797\u5730\u9762\u79ef\uff1a", None))
        self.forest_mu.setSuffix(QCoreApplication.translate("HouseholdConditionsForm", u" \u4ea9", None))
        self.forest_mu_problem.setText("")
        self.returned_farmland_mu_label.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u9000\u8015\u8fd8\u6797\u9762\u79ef\uff1a", None))
        self.returned_farmland_mu.setSuffix(QCoreApplication.translate("HouseholdConditionsForm", u" \u4ea9", None))
        self.returned_farmland_mu_problem.setText("")
        self.fruit_mu_label.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u6797\u679c\u9762\u79ef\uff1a", None))
        self.fruit_mu.setSuffix(QCoreApplication.translate("HouseholdConditionsForm", u" \u4ea9", None))
        self.fruit_mu_problem.setText("")
        self.pasture_mu_label.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u7267\u8349\u5730\u9762\u79ef\uff1a", None))
        self.pasture_mu.setSuffix(QCoreApplication.translate("HouseholdConditionsForm", u" \u4ea9", None))
        self.pasture_mu_problem.setText("")
        self.water_surface_mu_label.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u6c34\u9762\u9762\u79ef\uff1a", None))
        self.water_surface_mu.setSuffix(QCoreApplication.translate("HouseholdConditionsForm", u" \u4ea9", None))
        self.water_surface_mu_problem.setText("")
        self.house_group.setTitle(QCoreApplication.translate("HouseholdConditionsForm", u"\u4ea4\u901a\u3001\u4f4f\u623f\u4e0e\u642c\u8fc1", None))
        self.road_distance_km_label.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u8ddd\u6751\u4e3b\u5e72\u8def\uff1a", None))
        self.road_distance_km.setSuffix(QCoreApplication.translate("HouseholdConditionsForm", u" \u516c\u91cc", None))
        self.road_distance_km_problem.setText("")
        self.road_type_label.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u5165\u6237\u8def\u7c7b\u578b\uff1a", None))
        self.road_type_problem.setText("")
        self.house_area_label.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u4f4f\u623f\u9762\u79ef\uff1a", None))
        self.house_area.setPlaceholderText(QCoreApplication.translate("HouseholdConditionsForm", u"\u5e73\u65b9\u7c73", None))
#if QT_CONFIG(tooltip)
        self.house_area.setToolTip(QCoreApplication.translate("HouseholdConditionsForm", u"\u5355\u4f4d\u5e73\u65b9\u7c73\uff1b\u6ca1\u6709\u4f4f\u623f\u586b0", None))
#endif // QT_CONFIG(tooltip)
        self.house_area_problem.setText("")
        self.house_rating_label.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u5371\u623f\u7b49\u7ea7\uff1a", None))
        self.house_rating_problem.setText("")
        self.relocation_keys_handed_label.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u5b89\u7f6e\u623f\u94a5\u5319\uff1a", None))
        self.relocation_keys_handed.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u5df2\u4ea4\u4ed8", None))
        self.relocation_keys_handed_problem.setText("")
        self.relocation_mode_label.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u642c\u8fc1\u65b9\u5f0f\uff1a", None))
        self.relocation_mode_problem.setText("")
        self.relocation_settlement_label.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u5b89\u7f6e\u65b9\u5f0f\uff1a", None))
        self.relocation_settlement_problem.setText("")
        self.relocation_place_label.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u5b89\u7f6e\u5730\uff1a", None))
        self.relocation_place_problem.setText("")
        self.living_group.setTitle(QCoreApplication.translate("HouseholdConditionsForm", u"\u6c34\u3001\u7535\u3001\u71c3\u6599\u4e0e\u4e24\u4e0d\u6101", None))
        self.water_safe_label.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u996e\u6c34\u5b89\u5168\uff1a", None))
        self.water_safe_problem.setText("")
        self.water_difficulty_label.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u996e\u6c34\u56f0\u96be\uff1a", None))
        self.water_difficulty_problem.setText("")
        self.fuel_label.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u4e3b\u8981\u71c3\u6599\uff1a", None))
        self.fuel_problem.setText("")
        self.sanitary_toilet_label.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u536b\u751f\u5395\u6240\uff1a", None))
        self.sanitary_toilet_problem.setText("")
        self.power_living_label.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u751f\u6d3b\u7528\u7535\uff1a", None))
        self.power_living.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u5df2\u901a", None))
        self.power_living_problem.setText("")
        self.power_production_label.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u751f\u4ea7\u7528\u7535\uff1a", None))
        self.power_production.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u5df2\u901a", None))
        self.power_production_problem.setText("")
        self.broadcast_tv_label.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u5e7f\u64ad\u7535\u89c6\uff1a", None))
        self.broadcast_tv.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u5df2\u901a", None))
        self.broadcast_tv_problem.setText("")
        self.cooperative_label.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u519c\u6c11\u4e13\u4e1a\u5408\u4f5c\u793e\uff1a", None))
        self.cooperative.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u5df2\u52a0\u5165", None))
        self.cooperative_problem.setText("")
        self.food_secure_label.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u4e0d\u6101\u5403\uff1a", None))
        self.food_secure.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u505a\u5230", None))
        self.food_secure_problem.setText("")
        self.clothing_secure_label.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u4e0d\u6101\u7a7f\uff1a", None))
        self.clothing_secure.setText(QCoreApplication.translate("HouseholdConditionsForm", u"\u505a\u5230", None))
        self.clothing_secure_problem.setText("")
        pass
    # retranslateUi

