"""The columns a roster spreadsheet can hold: one :class:`FieldSpec` per household or member field.

Each field has the title written on export (and recognised on import), the header synonyms found in the
national system's exports and in village-made sheets, and a *kind* that says how a cell is read:
``text`` · ``name`` · ``id`` (公民身份号码) · ``digits`` (phone and account numbers: text, never numbers) ·
``code`` / ``codes`` (a code table: code, label or pinyin) · ``date`` · ``year`` · ``int`` · ``float`` ·
``bool``.
Keys are ``"household.<attr>"`` / ``"member.<attr>"`` like :class:`~fupin_desktop.domain.problems.Problem`
fields; ``household.head_name`` and ``household.head_id_number`` only help grouping rows into households.
"""

from dataclasses import dataclass

from fupin_desktop.domain import codes as c

IGNORE = ""  # mapping value of a column that is not imported


@dataclass(frozen=True)
class FieldSpec:
    key: str
    title: str
    kind: str = "text"
    table: c.CodeTable | None = None
    synonyms: tuple[str, ...] = ()

    @property
    def level(self) -> str:
        return self.key.split(".", 1)[0]

    @property
    def attr(self) -> str:
        return self.key.split(".", 1)[1]

    @property
    def headers(self) -> tuple[str, ...]:
        return (self.title, *self.synonyms)


def _f(key, title, kind="text", table=None, synonyms=""):
    return FieldSpec(key, title, kind, table, tuple(synonyms.split()))


HOUSEHOLD_FIELDS: tuple[FieldSpec, ...] = (
    _f("household.number", "户编号", synonyms="户码 户号 户编码 贫困户编号 家庭编号 建档立卡户编号 农户编号"),
    _f("household.head_name", "户主姓名", "name", synonyms="户主 户主名称"),
    _f("household.head_id_number", "户主身份证号", "id",
       synonyms="户主身份证号码 户主证件号码 户主公民身份号码 户主证件号"),
    _f("household.village_group", "村民小组", synonyms="组 村组 小组 组别 所在组 所属组 自然村"),
    _f("household.address", "家庭住址", synonyms="住址 家庭地址 详细地址 居住地址"),
    _f("household.phone", "联系电话", "digits", synonyms="电话 联系方式 户主电话 户主联系电话 手机号码 手机号"),
    _f("household.bank", "开户银行", synonyms="开户行 开户银行名称"),
    _f("household.bank_account", "银行账号", "digits", synonyms="银行卡号 账号 开户账号 一卡通账号 存折账号"),
    _f("household.standard", "识别标准", "code", c.RECOGNITION_STANDARD),
    _f("household.attribute", "贫困户属性", "code", c.HOUSEHOLD_ATTRIBUTE, "贫困属性 户属性 贫困户类型"),
    _f("household.main_cause", "主要致贫原因", "code", c.POVERTY_CAUSE, "致贫原因 主要原因"),
    _f("household.other_causes", "其他致贫原因", "codes", c.POVERTY_CAUSE, "次要致贫原因 其它致贫原因"),
    _f("household.identified_on", "首次识别时间", "date", synonyms="识别时间 识别日期 建档时间 纳入时间"),
    _f("household.planned_exit_year", "计划脱贫年度", "year",
       synonyms="计划脱贫年份 计划脱贫时间 预计脱贫年度 计划脱贫年"),
    _f("household.exit_year", "脱贫年度", "year", synonyms="脱贫年份 脱贫时间 实际脱贫年度"),
    _f("household.exit_status", "脱贫状态", "code", c.EXIT_STATUS, "贫困状态 脱贫标志 脱贫情况"),
    _f("household.military_family", "是否军烈属", "bool", synonyms="军烈属"),
    _f("household.only_child", "是否独生子女户", "bool", synonyms="独生子女户"),
    _f("household.two_daughters", "是否双女户", "bool", synonyms="双女户"),
    _f("household.farmland_mu", "耕地面积", "float", synonyms="耕地 耕地亩数"),
    _f("household.irrigated_mu", "有效灌溉面积", "float"),
    _f("household.forest_mu", "林地面积", "float"),
    _f("household.returned_farmland_mu", "退耕还林面积", "float"),
    _f("household.fruit_mu", "林果面积", "float"),
    _f("household.pasture_mu", "牧草地面积", "float"),
    _f("household.water_surface_mu", "水面面积", "float"),
    _f("household.road_distance_km", "与村主干路距离", "float", synonyms="距村主干路距离 与主干路距离"),
    _f("household.road_type", "入户路类型", "code", c.ROAD_TYPE, "入户路"),
    _f("household.house_area", "住房面积", "float", synonyms="住房面积平方米"),
    _f("household.house_rating", "危房等级", "code", c.HOUSE_RATING, "住房安全等级 房屋等级"),
    _f("household.power_living", "是否通生活用电", "bool", synonyms="通生活用电"),
    _f("household.power_production", "是否通生产用电", "bool", synonyms="通生产用电"),
    _f("household.broadcast_tv", "是否通广播电视", "bool", synonyms="通广播电视"),
    _f("household.water_difficulty", "饮水是否困难", "bool", synonyms="饮水困难 是否饮水困难"),
    _f("household.water_safe", "饮水是否安全", "bool", synonyms="饮水安全 是否饮水安全"),
    _f("household.fuel", "主要燃料类型", "code", c.FUEL, "主要燃料 燃料类型"),
    _f("household.sanitary_toilet", "有无卫生厕所", "bool", synonyms="是否有卫生厕所 卫生厕所"),
    _f("household.cooperative", "是否加入农民专业合作社", "bool", synonyms="加入农民专业合作社 是否加入合作社"),
    _f("household.relocation_mode", "搬迁方式", "code", c.RELOCATION_MODE, "易地扶贫搬迁方式"),
    _f("household.relocation_settlement", "安置方式", "code", c.RELOCATION_SETTLEMENT),
    _f("household.relocation_place", "安置地", "code", c.RELOCATION_PLACE, "安置地点"),
    _f("household.relocation_keys_handed", "搬迁安置房钥匙是否交付", "bool", synonyms="安置房钥匙已交付"),
    _f("household.food_secure", "是否不愁吃", "bool", synonyms="不愁吃"),
    _f("household.clothing_secure", "是否不愁穿", "bool", synonyms="不愁穿"),
    _f("household.monitor_type", "监测对象类型", "code", c.MONITOR_TYPE, "监测类型"),
    _f("household.risk_types", "风险类型", "codes", c.RISK_TYPE, "返贫致贫风险 风险类别"),
    _f("household.risk_cleared_on", "风险消除日期", "date", synonyms="风险消除时间"),
    _f("household.risk_clear_method", "风险消除方式", synonyms="风险消除方法"),
)

MEMBER_FIELDS: tuple[FieldSpec, ...] = (
    _f("member.name", "姓名", "name", synonyms="成员姓名 家庭成员姓名 名字"),
    _f("member.id_number", "证件号码", "id",
       synonyms="身份证号 身份证号码 公民身份号码 公民身份证号码 身份证件号码 证件号 残疾人证号 身份证"),
    _f("member.relation", "与户主关系", "code", c.RELATION, "与户主的关系 家庭关系 关系"),
    _f("member.sex", "性别", "code", c.SEX),
    _f("member.birth_date", "出生日期", "date", synonyms="出生年月 出生年月日 生日"),
    _f("member.ethnicity", "民族", "code", c.ETHNICITY),
    _f("member.political", "政治面貌", "code", c.POLITICAL),
    _f("member.education", "文化程度", "code", c.EDUCATION, "学历 文化"),
    _f("member.schooling", "在校生状况", "code", c.SCHOOLING, "在校生情况 在校情况 在校状况"),
    _f("member.health", "健康状况", "code", c.HEALTH, "身体状况 健康情况"),
    _f("member.disability_category", "残疾类别", "code", c.DISABILITY_CATEGORY),
    _f("member.disability_grade", "残疾等级", "code", c.DISABILITY_GRADE),
    _f("member.labour", "劳动技能", "code", c.LABOUR, "劳动能力 劳动力状况 劳动力"),
    _f("member.work_status", "务工状况", "code", c.WORK_STATUS, "务工情况 务工地点 外出务工状况"),
    _f("member.work_months", "务工时间", "int", synonyms="务工月数 务工时间月 外出务工时间 务工时长"),
    _f("member.medical_insurance", "是否参加城乡居民基本医疗保险", "bool",
       synonyms="城乡居民基本医疗保险 基本医疗保险 医疗保险 是否参加新农合 新农合 是否参加基本医疗保险"),
    _f("member.serious_illness_insurance", "是否参加大病保险", "bool", synonyms="大病保险"),
    _f("member.pension_insurance", "是否参加城乡居民基本养老保险", "bool",
       synonyms="城乡居民基本养老保险 基本养老保险 养老保险 是否参加基本养老保险"),
    _f("member.commercial_insurance", "是否参加商业补充医疗保险", "bool", synonyms="商业补充医疗保险 商业保险"),
    _f("member.dibao", "是否享受低保", "bool", synonyms="享受低保 低保"),
    _f("member.tekun", "是否特困供养", "bool", synonyms="是否享受特困供养 特困供养 五保"),
    _f("member.phone", "成员联系电话", "digits", synonyms="个人电话 本人电话 成员电话"),
    _f("member.change_type", "人员变更", "code", c.MEMBER_CHANGE, "人员变更类型 变更类型 变更情况"),
    _f("member.change_date", "变更日期", "date", synonyms="人员变更日期"),
    _f("member.change_note", "变更说明", synonyms="变更原因"),
)

ALL_FIELDS: tuple[FieldSpec, ...] = HOUSEHOLD_FIELDS + MEMBER_FIELDS
BY_KEY: dict[str, FieldSpec] = {spec.key: spec for spec in ALL_FIELDS}

# Headers that are known but never imported (numbering, counts the program derives itself, computed ages).
IGNORED_HEADERS = frozenset(
    "序号 行号 人口数 家庭人口 家庭人口数 家庭人数 年龄 三色状态 颜色 问题数 错误数 提醒数 省 市 县 乡镇 乡 镇 村 行政村 "
    "帮扶责任人 帮扶人 帮扶单位 备注".split()
)

# Values seen in real sheets that are not labels of our tables: field → {folded text: code}.
VALUE_SYNONYMS: dict[str, dict[str, str]] = {
    "household.attribute": {"低保户": "2", "五保户": "3", "特困户": "3", "五保贫困户": "3", "一般户": "1"},
    "household.exit_status": {"未脱贫户": "0", "脱贫": "1", "已脱贫": "1", "返贫户": "3", "稳定脱贫": "4"},
    "member.relation": {"本人": "01", "妻": "02", "夫": "02", "妻子": "02", "丈夫": "02"},
    "member.health": {"残疾人": "04", "大病": "03", "慢性病": "02"},
    "member.schooling": {"否": "01", "不在校": "01", "非在校": "01", "学前": "02", "初一": "04", "初二": "05",
                         "初三": "06", "高一": "07", "高二": "08", "高三": "09", "大学": "16", "大专": "16",
                         "本科": "16"},
    "member.education": {"文盲": "01", "半文盲": "01", "大专": "05", "本科": "05", "大学": "05", "中专": "04",
                         "学龄前": "06"},
    "member.work_status": {"无": "", "未务工": ""},
}


def spec(key: str) -> FieldSpec:
    return BY_KEY[key]
