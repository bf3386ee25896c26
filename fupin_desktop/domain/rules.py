"""The 问题数据 rule set of DOMAIN.md §3.2: what the national system flagged, checked at entry and before export.

Each rule is a small generator of :class:`Problem`. Levels: contradictions with the ID number, missing or
double heads, duplicate ID numbers, missing required fields, a repeated or a third other cause, work
months outside 0–12, unknown or more than five 风险类型 (or risk types without a 监测对象类型), a 风险消除日期
after today and a manual colour that is unknown or has no reason are errors (saving is refused); the
plausibility checks are warnings (saving is allowed with a note). Only active members (``Member.active``)
take part in household rules.
"""

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from fupin_desktop.domain.codes import POVERTY_CAUSE, RELATION, RISK_TYPE, SEX, household_attribute_table
from fupin_desktop.domain.colours import validate_override
from fupin_desktop.domain.idnumber import IdInfo, IdNumberError, parse_id_number
from fupin_desktop.domain.income import IncomeSummary, household_size
from fupin_desktop.domain.problems import ERROR, WARNING, Problem
from fupin_desktop.domain.records import Helper, Household, Member, Settings

HEAD, SPOUSE = "01", "02"
MALE, FEMALE = "1", "2"
# 之子 之女婿 之孙子 之外孙子 之父 之岳父 之公公 之祖父 之外祖父 / 之女 之儿媳 之孙女 之外孙女 之母 之岳母 …
MALE_RELATIONS = frozenset({"03", "06", "07", "09", "11", "13", "15", "17", "19"})
FEMALE_RELATIONS = frozenset({"04", "05", "08", "10", "12", "14", "16", "18", "20"})
NOT_IN_SCHOOL = "01"
HIGH_SCHOOL = frozenset({"07", "08", "09"})
PRIMARY_SCHOOL = "03"
HEALTHY, DISABLED = "01", "04"
NO_LABOUR = "04"
CAUSE_ILLNESS, CAUSE_DISABILITY, CAUSE_STUDY = "1", "2", "3"
MAX_OTHER_CAUSES = 2
MAX_PER_CAPITA_FEN = 100_000 * 100
RISK_TYPES_MAX = 5  # 防返贫监测: at most five risk types per household (DOMAIN.md §2.5)


@dataclass(frozen=True)
class _Person:
    """A member with what the ID number says: the effective sex, birth date and age used by the rules.

    The number is parsed once here; ``normal_id`` is what :func:`normalise_id` gives for it ("" when blank),
    so the duplicate rules compare without parsing it again."""

    member: Member
    info: IdInfo | None
    id_error: str
    sex: str
    age: int | None
    normal_id: str = ""

    @property
    def name(self) -> str:
        return self.member.name.strip() or "（未填姓名）"

    def problem(self, level: str, attr: str, code: str, text: str) -> Problem:
        return Problem(level, f"member.{attr}", code, f"{self.name}：{text}", self.member.id)


def _person(member: Member, today: dt.date, now: dt.date | None = None) -> _Person:
    """``today`` is the clock's date the rules judge by; ``now`` the date :func:`normalise_id` parses with
    (the computer's date, looked up once per household by the caller)."""
    info, error, normal = None, "", ""
    if member.id_number.strip():
        try:
            info = parse_id_number(member.id_number, today=today)
        except (IdNumberError, ValueError) as exc:
            error = getattr(exc, "reason", str(exc))
        now = now or dt.date.today()
        # the parse above is the one normalise_id would make unless the birth date lies after ``now``
        normal = info.number if info is not None and info.birth_date <= now else normalise_id(member.id_number)
    sex = info.sex if info else member.sex
    birth = info.birth_date if info and member.birth_date is None else member.birth_date
    age = None
    if birth is not None:
        age = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
    return _Person(member, info, error, sex, age, normal)


def normalise_id(text: str) -> str:
    """Comparable form of an ID number: the 18-character number (also from a 20-digit 残疾人证号)."""
    try:
        return parse_id_number(text).number
    except (IdNumberError, ValueError):
        cleaned = "".join(str(text).split()).upper()
        return cleaned[:18] if len(cleaned) == 20 else cleaned


# --- member rules --------------------------------------------------------------------------------------


def _id_number(p: _Person) -> Iterator[Problem]:
    if not p.member.id_number.strip():
        yield p.problem(WARNING, "id_number", "id_number_missing", "未填写公民身份号码")
    elif p.id_error:
        yield p.problem(ERROR, "id_number", "id_number_invalid", f"公民身份号码有误：{p.id_error}")


def _contradicts_id(p: _Person) -> Iterator[Problem]:
    m, info = p.member, p.info
    if info is None:
        return
    if m.sex and m.sex != info.sex:
        yield p.problem(
            ERROR,
            "sex",
            "sex_contradicts_id",
            f"性别填为“{SEX.label(m.sex, m.sex)}”，身份证号码显示为“{SEX.label(info.sex)}”",
        )
    if m.birth_date is not None and m.birth_date != info.birth_date:
        yield p.problem(
            ERROR,
            "birth_date",
            "birth_date_contradicts_id",
            f"出生日期填为{m.birth_date.isoformat()}，身份证号码显示为{info.birth_date.isoformat()}",
        )
    category = info.disability_category
    if category and m.disability_category and m.disability_category != category:
        yield p.problem(
            ERROR,
            "disability_category",
            "disability_contradicts_certificate",
            f"残疾类别填为“{m.disability_category}”，残疾人证号显示为“{category}”",
        )


def _relation_sex(p: _Person) -> Iterator[Problem]:
    relation = p.member.relation
    if (relation in MALE_RELATIONS and p.sex == FEMALE) or (relation in FEMALE_RELATIONS and p.sex == MALE):
        yield p.problem(
            WARNING,
            "relation",
            "relation_contradicts_sex",
            f"与户主关系为“{RELATION.label(relation)}”，性别却是“{SEX.label(p.sex)}”",
        )


def _labour(p: _Person) -> Iterator[Problem]:
    m = p.member
    if (
        p.age is not None
        and 16 <= p.age <= 65
        and m.health == HEALTHY
        and m.schooling == NOT_IN_SCHOOL
        and m.labour == NO_LABOUR
    ):
        yield p.problem(WARNING, "labour", "labour_none_working_age", f"{p.age}岁、身体健康、不在校，劳动技能却是“无劳动力”")


def _work(p: _Person) -> Iterator[Problem]:
    months, place = p.member.work_months, p.member.work_status
    if not 0 <= months <= 12:
        yield p.problem(ERROR, "work_months", "work_months_out_of_range", f"务工时间{months}个月，应在0到12之间")
    elif months > 0 and not place:
        yield p.problem(WARNING, "work_status", "work_months_without_place", f"务工{months}个月，却未填写务工状况")
    elif place and months == 0:
        yield p.problem(WARNING, "work_months", "work_place_without_months", "填写了务工状况，务工时间却是0个月")


def _school_age(p: _Person) -> Iterator[Problem]:
    schooling = p.member.schooling
    if p.age is None:
        return
    if p.age <= 14 and schooling in HIGH_SCHOOL:
        yield p.problem(WARNING, "schooling", "child_in_high_school", f"{p.age}岁，在校生状况却是高中")
    if p.age >= 20 and schooling == PRIMARY_SCHOOL:
        yield p.problem(WARNING, "schooling", "adult_in_primary_school", f"{p.age}岁，在校生状况却是小学")


def _required_member(p: _Person) -> Iterator[Problem]:
    m, age = p.member, p.age
    wanted = [("ethnicity", "民族", True)]
    wanted.append(("education", "文化程度", m.schooling in ("", NOT_IN_SCHOOL)))
    wanted.append(("schooling", "在校生状况", age is not None and 6 <= age <= 23))
    wanted.append(("health", "健康状况", True))
    wanted.append(("labour", "劳动技能", age is not None and 16 <= age <= 65))
    for attr, title, required in wanted:
        if required and not str(getattr(m, attr)).strip():
            yield p.problem(ERROR, attr, f"required_member_{attr}", f"未填写{title}")


MEMBER_RULES: tuple[Callable[[_Person], Iterable[Problem]], ...] = (
    _id_number,
    _contradicts_id,
    _relation_sex,
    _labour,
    _work,
    _school_age,
    _required_member,
)


def check_member(member: Member, household: Household, today: dt.date) -> list[Problem]:
    """Problems of one member on their own (no household-wide rule)."""
    person = _person(member, today)
    return [problem for rule in MEMBER_RULES for problem in rule(person)]


# --- household rules -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    household: Household
    members: tuple[Member, ...]  # every member given (for the divisor)
    people: tuple[_Person, ...]  # active members
    today: dt.date
    settings: Settings
    summary: IncomeSummary | None
    has_current_helper: bool
    elsewhere: frozenset[str]
    farmland_limit_mu: float


def _household_problem(level: str, attr: str, code: str, text: str) -> Problem:
    return Problem(level, f"household.{attr}", code, text)


def _causes(c: _Context) -> Iterator[Problem]:
    h = c.household
    if not h.main_cause.strip():
        yield _household_problem(ERROR, "main_cause", "required_household_main_cause", "未填写主要致贫原因")
        return
    cause = POVERTY_CAUSE.label(h.main_cause, h.main_cause)
    if h.main_cause == CAUSE_ILLNESS and c.people and all(p.member.health == HEALTHY for p in c.people):
        yield _household_problem(WARNING, "main_cause", "cause_illness_all_healthy", "主要致贫原因是因病，家庭成员却都健康")
    if h.main_cause == CAUSE_STUDY and not any(
        p.member.schooling not in ("", NOT_IN_SCHOOL) for p in c.people
    ):
        yield _household_problem(WARNING, "main_cause", "cause_study_no_student", "主要致贫原因是因学，家中却没有在校生")
    if h.main_cause == CAUSE_DISABILITY and not any(
        p.member.health == DISABLED or p.member.disability_category for p in c.people
    ):
        yield _household_problem(
            WARNING, "main_cause", "cause_disability_nobody_disabled", "主要致贫原因是因残，家中却没有残疾人"
        )
    if h.main_cause in h.other_causes:
        yield _household_problem(
            ERROR, "other_causes", "other_cause_repeats_main", f"其他致贫原因不能再选主要致贫原因“{cause}”"
        )


def _other_causes(c: _Context) -> Iterator[Problem]:
    others = c.household.other_causes
    if len(set(others)) != len(others):
        yield _household_problem(ERROR, "other_causes", "other_cause_repeated", "其他致贫原因有重复")
    if len(set(others)) > MAX_OTHER_CAUSES:
        yield _household_problem(
            ERROR,
            "other_causes",
            "too_many_other_causes",
            f"其他致贫原因最多选{MAX_OTHER_CAUSES}项，现在有{len(set(others))}项",
        )


def _assistance(c: _Context) -> Iterator[Problem]:
    label = household_attribute_table(c.today.year).label(c.household.attribute)
    if "低保" in label and not any(p.member.dibao for p in c.people):
        yield _household_problem(
            WARNING, "attribute", "dibao_household_no_member", f"贫困户属性是“{label}”，却没有成员享受低保"
        )
    if ("特困" in label or "五保" in label) and not any(p.member.tekun for p in c.people):
        yield _household_problem(
            WARNING,
            "attribute",
            "tekun_household_no_member",
            f"贫困户属性是“{label}”，却没有成员享受特困供养",
        )


def _heads(c: _Context) -> Iterator[Problem]:
    heads = [p for p in c.people if p.member.relation == HEAD]
    if not heads:
        yield Problem(ERROR, "member.relation", "no_head", "没有户主：须有一名成员与户主关系为“户主”")
        return
    if len(heads) > 1:
        names = "、".join(p.name for p in heads)
        yield Problem(ERROR, "member.relation", "two_heads", f"户主只能有一名，现在有{len(heads)}名：{names}")
        return
    head = heads[0]
    for spouse in (p for p in c.people if p.member.relation == SPOUSE):
        if head.sex and head.sex == spouse.sex:
            yield spouse.problem(WARNING, "relation", "head_spouse_same_sex", f"与户主{head.name}性别相同，却登记为配偶")


def _ledger(c: _Context) -> Iterator[Problem]:
    s = c.summary
    if s is None:
        return
    if s.by_group.get("wage", 0) > 0 and not any(
        p.member.work_months > 0 or p.member.work_status for p in c.people
    ):
        yield Problem(WARNING, "ledger", "wage_income_nobody_working", "有工资性收入，却没有成员务工")
    if s.by_group.get("production", 0) > 0 and s.production_expense_fen <= 0:
        yield Problem(WARNING, "ledger", "production_income_without_expense", "有生产经营性收入，却没有生产经营性支出")
    if s.entries_count > 0 and s.per_capita_fen <= 0:
        yield Problem(WARNING, "ledger", "per_capita_not_positive", "人均纯收入不大于0元，请核对收支账本")
    if s.entries_count > 0 and s.per_capita_fen > MAX_PER_CAPITA_FEN:
        yield Problem(WARNING, "ledger", "per_capita_too_high", "人均纯收入超过10万元，请核对收支账本")


def _farmland(c: _Context) -> Iterator[Problem]:
    size = household_size(c.members, c.settings)
    if size and c.household.farmland_mu / size > c.farmland_limit_mu:
        per_capita = c.household.farmland_mu / size
        yield _household_problem(
            WARNING,
            "farmland_mu",
            "farmland_per_capita_too_high",
            f"人均耕地{per_capita:.1f}亩，超过{c.farmland_limit_mu:g}亩，请核对耕地面积",
        )


def _helper(c: _Context) -> Iterator[Problem]:
    if not c.has_current_helper:
        yield Problem(WARNING, "household.helper", "no_helper", "没有落实帮扶责任人")


def _duplicates(c: _Context) -> Iterator[Problem]:
    yield from _duplicate_people(c.people)
    elsewhere = {normalise_id(n) for n in c.elsewhere}
    for p in c.people:
        if p.normal_id and p.normal_id in elsewhere:
            yield p.problem(ERROR, "id_number", "id_number_in_other_household", "公民身份号码已登记在其他贫困户中")


def _required_household(c: _Context) -> Iterator[Problem]:
    h = c.household
    for attr, title, missing in (
        ("house_area", "住房面积", h.house_area is None),
        ("water_safe", "饮水安全情况", h.water_safe is None),
        ("fuel", "主要燃料类型", not h.fuel.strip()),
        ("sanitary_toilet", "是否有卫生厕所", h.sanitary_toilet is None),
    ):
        if missing:
            yield _household_problem(ERROR, attr, f"required_household_{attr}", f"未填写{title}")


def _monitoring(c: _Context) -> Iterator[Problem]:
    """防返贫监测 (DOMAIN.md §2.5): known risk types, at most five, only on a 监测对象, not cleared in the future."""
    h = c.household
    risks = tuple(h.risk_types)
    unknown = [code for code in risks if code not in RISK_TYPE]
    if unknown:
        yield _household_problem(ERROR, "risk_types", "risk_type_unknown", "未知的风险类型：" + "、".join(unknown))
    if len(set(risks)) > RISK_TYPES_MAX:
        yield _household_problem(
            ERROR,
            "risk_types",
            "risk_types_too_many",
            f"风险类型最多选{RISK_TYPES_MAX}项（现在选了{len(set(risks))}项）",
        )
    if risks and not h.monitor_type:
        yield _household_problem(ERROR, "monitor_type", "monitor_type_missing", "选了风险类型，请先选择监测对象类型")
    elif h.monitor_type and not risks:
        yield _household_problem(WARNING, "risk_types", "risk_types_missing", "监测对象应至少选择一项风险类型")
    if h.risk_cleared_on is not None and h.risk_cleared_on > c.today:
        yield _household_problem(ERROR, "risk_cleared_on", "risk_cleared_in_future", "风险消除日期不能晚于今天")


def _colour_override(c: _Context) -> Iterator[Problem]:
    """三色销号: a manual colour must be one of the known colours and carry a reason (``colours.validate_override``)."""
    yield from validate_override(c.household.colour_override, c.household.colour_override_reason)


HOUSEHOLD_RULES: tuple[Callable[[_Context], Iterable[Problem]], ...] = (
    _causes,
    _other_causes,
    _assistance,
    _heads,
    _ledger,
    _farmland,
    _helper,
    _duplicates,
    _required_household,
    _monitoring,
    _colour_override,
)


def check_household(
    household: Household,
    members: Sequence[Member],
    *,
    today: dt.date,
    settings: Settings,
    summary: IncomeSummary | None = None,
    has_current_helper: bool = True,
    member_id_numbers_elsewhere: frozenset[str] = frozenset(),
    farmland_limit_mu: float = 50.0,
) -> list[Problem]:
    """Every problem of the household, its active members included (household rules first)."""
    members = tuple(m for m in members if not m.deleted)
    now = dt.date.today()
    people = tuple(_person(m, today, now) for m in members if m.active)
    context = _Context(
        household,
        members,
        people,
        today,
        settings,
        summary,
        has_current_helper,
        frozenset(member_id_numbers_elsewhere),
        farmland_limit_mu,
    )
    problems = [problem for rule in HOUSEHOLD_RULES for problem in rule(context)]
    for person in people:
        problems.extend(problem for rule in MEMBER_RULES for problem in rule(person))
    return problems


def check_helper(helper: Helper, poor_member_id_numbers: frozenset[str]) -> list[Problem]:
    """A helper who is himself a member of a poor household (by ID number)."""
    if not helper.id_number.strip():
        return []
    poor = {normalise_id(n) for n in poor_member_id_numbers}
    if normalise_id(helper.id_number) not in poor:
        return []
    return [
        Problem(WARNING, "helper.id_number", "helper_is_poor_member", f"{helper.name}：帮扶责任人本人是建档立卡贫困户家庭成员")
    ]


def duplicate_id_numbers(members: Iterable[Member]) -> list[Problem]:
    """The same ID number on two members (the later ones are flagged, naming the first)."""
    return _duplicates_of((m, normalise_id(m.id_number)) for m in members if m.id_number.strip())


def _duplicate_people(people: Iterable[_Person]) -> list[Problem]:
    """:func:`duplicate_id_numbers` of people whose numbers are already normalised."""
    return _duplicates_of((p.member, p.normal_id) for p in people if p.normal_id)


def _duplicates_of(numbered: Iterable[tuple[Member, str]]) -> list[Problem]:
    first_by_number: dict[str, Member] = {}
    problems: list[Problem] = []
    for member, number in numbered:
        first = first_by_number.setdefault(number, member)
        if first is not member:
            problems.append(
                Problem(
                    ERROR,
                    "member.id_number",
                    "id_number_duplicate",
                    f"{member.name.strip() or '（未填姓名）'}：公民身份号码与{first.name}重复",
                    member.id,
                )
            )
    return problems
