"""Chinese titles of record fields, for the change log and for messages about a field (msgids: translate
where shown)."""

from fupin_desktop.domain.codes import (
    DISABILITY_CATEGORY,
    DISABILITY_GRADE,
    EXIT_STEP,
    HOUSEHOLD_TABLES,
    MEASURE_CATEGORY,
    MEMBER_TABLES,
    POVERTY_CAUSE,
)
from fupin_desktop.qt.dialogs.editor_members import MEMBER_TITLES

HOUSEHOLD_TITLES = {
    "number": "户编号", "village_group": "村民小组", "address": "家庭住址", "phone": "联系电话", "bank": "开户银行",
    "bank_account": "银行账号", "standard": "识别标准", "attribute": "贫困户属性", "main_cause": "主要致贫原因",
    "other_causes": "其他致贫原因", "identified_on": "首次识别时间", "planned_exit_year": "计划脱贫年度",
    "exit_year": "脱贫年度", "exit_status": "脱贫状态", "military_family": "军烈属", "only_child": "独生子女户",
    "two_daughters": "双女户", "farmland_mu": "耕地面积", "irrigated_mu": "有效灌溉面积", "forest_mu": "林地面积",
    "returned_farmland_mu": "退耕还林面积", "fruit_mu": "林果面积", "pasture_mu": "牧草地面积",
    "water_surface_mu": "水面面积", "road_distance_km": "距村主干路距离", "road_type": "入户路类型",
    "house_area": "住房面积", "house_rating": "危房等级", "relocation_keys_handed": "安置房钥匙已交付",
    "power_living": "通生活用电", "power_production": "通生产用电", "broadcast_tv": "通广播电视",
    "water_difficulty": "饮水困难", "water_safe": "饮水安全", "fuel": "主要燃料", "sanitary_toilet": "卫生厕所",
    "cooperative": "加入农民专业合作社", "food_secure": "不愁吃", "clothing_secure": "不愁穿",
    "relocation_mode": "搬迁方式", "relocation_settlement": "安置方式", "relocation_place": "安置地",
    "monitor_type": "监测对象类型", "risk_types": "风险类型", "risk_cleared_on": "风险消除日期",
    "risk_clear_method": "风险消除方式", "colour_override": "人工标色", "colour_override_reason": "标色原因",
    "warnings_note": "提醒说明", "deleted": "删除", "deleted_reason": "删除原因",
}
MEMBER_FIELD_TITLES = {
    **MEMBER_TITLES, "medical_insurance": "基本医疗保险", "serious_illness_insurance": "大病保险",
    "pension_insurance": "基本养老保险", "commercial_insurance": "商业补充医疗保险", "dibao": "享受低保",
    "tekun": "特困供养", "seq": "排序", "deleted": "删除",
}
OTHER_TITLES = {
    "pairings": {"end_date": "结对结束日期", "start_date": "结对开始日期", "helper_id": "帮扶责任人", "reason": "原因",
                 "deleted": "删除"},
    "measures": {"title": "项目名称或内容", "category": "措施类别", "funds_fen": "扶持资金", "date": "落实日期",
                 "due_date": "完成时限", "signed": "户签字", "deleted": "删除"},
    "visits": {"findings": "发现的情况", "promises": "承诺解决的事项", "deleted": "删除"},
    "exit_steps": {"deleted": "删除", "note": "说明"},
}
TABLE_TITLES = {"households": "户", "members": "成员", "pairings": "结对帮扶", "measures": "帮扶措施",
                "visits": "走访记录", "exit_steps": "退出程序", "ledger": "收支账本"}
CODE_TABLES = {
    "households": {**HOUSEHOLD_TABLES, "other_causes": POVERTY_CAUSE},
    "members": {**MEMBER_TABLES, "disability_category": DISABILITY_CATEGORY, "disability_grade": DISABILITY_GRADE},
    "measures": {"category": MEASURE_CATEGORY},
    "exit_steps": {"step": EXIT_STEP},
}


def field_title(table: str, field: str) -> str:
    if table == "households":
        return HOUSEHOLD_TITLES.get(field, field)
    if table == "members":
        return MEMBER_FIELD_TITLES.get(field, field)
    return OTHER_TITLES.get(table, {}).get(field, field)
