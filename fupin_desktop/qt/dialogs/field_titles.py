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
from fupin_desktop.i18n.translate import N_
from fupin_desktop.qt.dialogs.editor_members import MEMBER_TITLES

HOUSEHOLD_TITLES = {
    "number": N_("户编号"),
    "village_group": N_("村民小组"),
    "address": N_("家庭住址"),
    "phone": N_("联系电话"),
    "bank": N_("开户银行"),
    "bank_account": N_("银行账号"),
    "standard": N_("识别标准"),
    "attribute": N_("贫困户属性"),
    "main_cause": N_("主要致贫原因"),
    "other_causes": N_("其他致贫原因"),
    "identified_on": N_("首次识别时间"),
    "planned_exit_year": N_("计划脱贫年度"),
    "exit_year": N_("脱贫年度"),
    "exit_status": N_("脱贫状态"),
    "military_family": N_("军烈属"),
    "only_child": N_("独生子女户"),
    "two_daughters": N_("双女户"),
    "farmland_mu": N_("耕地面积"),
    "irrigated_mu": N_("有效灌溉面积"),
    "forest_mu": N_("林地面积"),
    "returned_farmland_mu": N_("退耕还林面积"),
    "fruit_mu": N_("林果面积"),
    "pasture_mu": N_("牧草地面积"),
    "water_surface_mu": N_("水面面积"),
    "road_distance_km": N_("距村主干路距离"),
    "road_type": N_("入户路类型"),
    "house_area": N_("住房面积"),
    "house_rating": N_("危房等级"),
    "relocation_keys_handed": N_("安置房钥匙已交付"),
    "power_living": N_("通生活用电"),
    "power_production": N_("通生产用电"),
    "broadcast_tv": N_("通广播电视"),
    "water_difficulty": N_("饮水困难"),
    "water_safe": N_("饮水安全"),
    "fuel": N_("主要燃料"),
    "sanitary_toilet": N_("卫生厕所"),
    "cooperative": N_("加入农民专业合作社"),
    "food_secure": N_("不愁吃"),
    "clothing_secure": N_("不愁穿"),
    "relocation_mode": N_("搬迁方式"),
    "relocation_settlement": N_("安置方式"),
    "relocation_place": N_("安置地"),
    "monitor_type": N_("监测对象类型"),
    "risk_types": N_("风险类型"),
    "risk_cleared_on": N_("风险消除日期"),
    "risk_clear_method": N_("风险消除方式"),
    "colour_override": N_("人工标色"),
    "colour_override_reason": N_("标色原因"),
    "warnings_note": N_("提醒说明"),
    "deleted": N_("删除"),
    "deleted_reason": N_("删除原因"),
}
MEMBER_FIELD_TITLES = {
    **MEMBER_TITLES,
    "medical_insurance": N_("基本医疗保险"),
    "serious_illness_insurance": N_("大病保险"),
    "pension_insurance": N_("基本养老保险"),
    "commercial_insurance": N_("商业补充医疗保险"),
    "dibao": N_("享受低保"),
    "tekun": N_("特困供养"),
    "seq": N_("排序"),
    "deleted": N_("删除"),
}
OTHER_TITLES = {
    "pairings": {
        "end_date": N_("结对结束日期"),
        "start_date": N_("结对开始日期"),
        "helper_id": N_("帮扶责任人"),
        "reason": N_("原因"),
        "deleted": N_("删除"),
    },
    "measures": {
        "title": N_("项目名称或内容"),
        "category": N_("措施类别"),
        "funds_fen": N_("扶持资金"),
        "date": N_("落实日期"),
        "due_date": N_("完成时限"),
        "signed": N_("户签字"),
        "deleted": N_("删除"),
    },
    "visits": {"findings": N_("发现的情况"), "promises": N_("承诺解决的事项"), "deleted": N_("删除")},
    "exit_steps": {"deleted": N_("删除"), "note": N_("说明")},
    "attachments": {"deleted": N_("删除"), "file_name": N_("文件名")},
    "attendance": {"days": N_("驻村天数"), "month": N_("月份"), "note": N_("说明"), "deleted": N_("删除")},
}
TABLE_TITLES = {
    "households": N_("户"),
    "members": N_("成员"),
    "pairings": N_("结对帮扶"),
    "measures": N_("帮扶措施"),
    "visits": N_("走访记录"),
    "exit_steps": N_("退出程序"),
    "attachments": N_("附件"),
    "attendance": N_("驻村天数"),
    "ledger": N_("收支账本"),
}
CODE_TABLES = {
    "households": {**HOUSEHOLD_TABLES, "other_causes": POVERTY_CAUSE},
    "members": {
        **MEMBER_TABLES,
        "disability_category": DISABILITY_CATEGORY,
        "disability_grade": DISABILITY_GRADE,
    },
    "measures": {"category": MEASURE_CATEGORY},
    "exit_steps": {"step": EXIT_STEP},
}


def field_title(table: str, field: str) -> str:
    if table == "households":
        return HOUSEHOLD_TITLES.get(field, field)
    if table == "members":
        return MEMBER_FIELD_TITLES.get(field, field)
    return OTHER_TITLES.get(table, {}).get(field, field)
