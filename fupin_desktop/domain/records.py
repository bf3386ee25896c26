"""Plain, frozen records of the battle room: one dataclass per aggregate.

Money is integer fen, dates are ``datetime.date``, ids are text UUIDs. Code fields hold the national
code (see ``fupin_desktop.domain.codes``). Records carry no behaviour beyond small derived facts.
"""

import datetime as dt
from dataclasses import dataclass, field, fields

# A member who left by one of these 人员变更 codes no longer counts in the household.
LEAVING_CHANGES = frozenset({"01", "02", "03", "04", "08"})


@dataclass(frozen=True)
class Village:
    id: str
    code: str  # 12-digit 统计用区划代码
    name: str
    province: str = ""
    city: str = ""
    county: str = ""
    township: str = ""
    groups: tuple[str, ...] = ()  # 村民小组
    rural_population: int = 0
    is_poor_village: bool = True
    planned_exit_year: int | None = None
    exit_year: int | None = None
    first_secretary: str = ""
    first_secretary_phone: str = ""
    deleted: bool = False

    @property
    def township_code(self) -> str:
        return self.code[:9]

    @property
    def full_name(self) -> str:
        return "".join(p for p in (self.province, self.city, self.county, self.township, self.name) if p)


@dataclass(frozen=True)
class Household:
    id: str
    village_id: str
    number: str = ""  # 户编号 (national platform number, free text)
    village_group: str = ""  # 村民小组
    address: str = ""
    phone: str = ""
    bank: str = ""
    bank_account: str = ""
    standard: str = "1"  # 识别标准
    attribute: str = "1"  # 贫困户属性
    main_cause: str = ""  # 主要致贫原因
    other_causes: tuple[str, ...] = ()
    identified_on: dt.date | None = None  # 首次识别时间
    planned_exit_year: int | None = None  # 计划脱贫年度 (the deadline)
    exit_year: int | None = None  # 脱贫年度
    exit_status: str = "0"  # 脱贫状态
    military_family: bool = False
    only_child: bool = False
    two_daughters: bool = False
    # 生产生活条件
    farmland_mu: float = 0.0
    irrigated_mu: float = 0.0
    forest_mu: float = 0.0
    returned_farmland_mu: float = 0.0
    fruit_mu: float = 0.0
    pasture_mu: float = 0.0
    water_surface_mu: float = 0.0
    road_distance_km: float = 0.0
    road_type: str = ""
    house_area: float | None = None  # m², 0 = no house
    house_rating: str = ""  # A B C D
    relocation_keys_handed: bool = False  # 搬迁安置房钥匙已交付
    power_living: bool = True
    power_production: bool = False
    broadcast_tv: bool = True
    water_difficulty: bool | None = None  # 饮水困难
    water_safe: bool | None = None  # 饮水安全
    fuel: str = ""
    sanitary_toilet: bool | None = None
    cooperative: bool = False
    food_secure: bool = True  # 不愁吃
    clothing_secure: bool = True  # 不愁穿
    # 易地扶贫搬迁
    relocation_mode: str = ""
    relocation_settlement: str = ""
    relocation_place: str = ""
    # 防返贫监测
    monitor_type: str = ""
    risk_types: tuple[str, ...] = ()
    risk_cleared_on: dt.date | None = None
    risk_clear_method: str = ""
    # colour
    colour_override: str = ""
    colour_override_reason: str = ""
    warnings_note: str = ""  # note given when saving with accepted warnings
    deleted: bool = False
    deleted_reason: str = ""


@dataclass(frozen=True)
class Member:
    id: str
    household_id: str
    name: str
    id_number: str = ""
    relation: str = ""  # 与户主关系
    sex: str = ""
    birth_date: dt.date | None = None
    ethnicity: str = "01"
    political: str = "13"
    education: str = ""
    schooling: str = "01"
    health: str = "01"
    disability_category: str = ""
    disability_grade: str = ""
    labour: str = ""
    work_status: str = ""
    work_months: int = 0
    medical_insurance: bool = True
    serious_illness_insurance: bool = True
    pension_insurance: bool = False
    commercial_insurance: bool = False
    dibao: bool = False  # 享受低保
    tekun: bool = False  # 特困供养
    phone: str = ""
    change_type: str = ""  # 人员变更
    change_date: dt.date | None = None
    change_note: str = ""
    seq: int = 0  # display order inside the household
    deleted: bool = False

    @property
    def active(self) -> bool:
        return not self.deleted and self.change_type not in LEAVING_CHANGES

    def age_on(self, day: dt.date) -> int | None:
        if self.birth_date is None:
            return None
        b = self.birth_date
        return day.year - b.year - ((day.month, day.day) < (b.month, b.day))


@dataclass(frozen=True)
class Helper:
    id: str
    name: str
    unit: str = ""  # 帮扶单位
    affiliation: str = ""  # 隶属关系
    phone: str = ""
    id_number: str = ""
    position: str = ""
    is_work_team: bool = False  # member of the 驻村工作队
    accountability_mark: str = ""  # 白 黄 红 (optional mark on a slow cadre)
    deleted: bool = False


@dataclass(frozen=True)
class Pairing:
    """One period during which a helper is responsible for a household."""

    id: str
    household_id: str
    helper_id: str
    start_date: dt.date
    end_date: dt.date | None = None
    reason: str = ""

    @property
    def current(self) -> bool:
        return self.end_date is None


@dataclass(frozen=True)
class LedgerEntry:
    """One line of the 收支账本. Append-only: a correction is a new entry that reverses another."""

    id: str
    household_id: str
    date: dt.date
    category: str  # LEDGER_CATEGORY code; direction follows from it
    amount_fen: int  # positive; a reversing entry carries the negative amount
    quantity: float | None = None
    unit: str = ""
    note: str = ""
    recorded_by: str = ""
    reverses: str = ""  # id of the entry this one reverses
    hlc: str = ""


@dataclass(frozen=True)
class Measure:
    """帮扶计划 (kind="plan") or a measure actually delivered (kind="delivered")."""

    id: str
    household_id: str
    kind: str  # plan | delivered
    category: str  # MEASURE_CATEGORY
    title: str  # 项目名称 / 内容
    scale: str = ""
    funds_fen: int = 0
    due_date: dt.date | None = None  # 完成时限
    date: dt.date | None = None  # delivered on
    unit: str = ""  # responsible unit
    signed: bool = False  # household signature received
    note: str = ""
    deleted: bool = False


@dataclass(frozen=True)
class Visit:
    id: str
    household_id: str
    date: dt.date
    visitor: str
    helper_id: str = ""
    findings: str = ""
    promises: str = ""
    deleted: bool = False


@dataclass(frozen=True)
class ExitStep:
    """One recorded step of the exit procedure (厅字〔2016〕16号)."""

    id: str
    household_id: str
    step: str  # EXIT_STEP code "1".."6"
    date: dt.date
    actor: str
    note: str = ""
    outcome: str = "done"  # done | objection
    round: int = 1  # an objection starts a new round
    deleted: bool = False


@dataclass(frozen=True)
class PovertyLine:
    year: int
    line_fen: int  # yuan per person per year, in fen
    source: str = ""


@dataclass(frozen=True)
class Settings:
    """Configurable values (DOMAIN.md: "configurable"), with the shipped defaults."""

    colour_mapping: dict[str, str] = field(
        # 红 = 落实帮扶措施中, 蓝 = 成功脱贫, 绿 = 等待政策衔接、实行兜底保障 (see domain/colours.py)
        default_factory=lambda: {"0": "red", "3": "red", "1": "blue", "4": "blue", "safety_net": "green"}
    )
    accounting_year_start_month: int = 10  # 1 October – 30 September
    accounting_year_start_day: int = 1
    income_divisor: str = "registered"  # registered (户籍) | resident (常住)
    publicity_days: int = 7
    no_exit_in_identification_year: bool = True
    water_rule_from_year: int = 2019
    monitoring_line_fen: int = 600000
    visit_overdue_days: int = 30
    mode: str = "village"  # village | township
    language: str = "zh_CN"


DEFAULT_POVERTY_LINES = (
    PovertyLine(2011, 253600, "国家扶贫标准（2010年不变价2300元）现价"),
    PovertyLine(2012, 262500, "国家扶贫标准（2010年不变价2300元）现价"),
    PovertyLine(2013, 273600, "国家扶贫标准（2010年不变价2300元）现价"),
    PovertyLine(2014, 280000, "国家扶贫标准（2010年不变价2300元）现价"),
    PovertyLine(2015, 285500, "国家扶贫标准（2010年不变价2300元）现价"),
    PovertyLine(2016, 295200, "国家扶贫标准（2010年不变价2300元）现价"),
)


def field_names(record_type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(record_type))
