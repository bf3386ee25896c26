"""Plain inputs of the printed documents, built from the domain records (one dataclass per document).

The documents never read the database: the adapter ``reports/printing.py`` fills these from a household's file
(``services.queries.HouseholdFile``: same names where the meaning is the same). Every document carries the
village (footer, titles) and ``printed_on`` (the injected clock's today: footers are reproducible).
Money is integer fen, dates are ``datetime.date``, codes are the national codes of ``domain.codes``.
"""

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from fupin_desktop.domain.income import IncomeSummary
from fupin_desktop.domain.records import (
    ExitStep,
    Helper,
    Household,
    LedgerEntry,
    Measure,
    Member,
    Pairing,
    PovertyLine,
    Settings,
    Village,
    Visit,
)


def head_of(members: Iterable[Member]) -> Member | None:
    """The household head (relation 01) among the members still in the household."""
    return next((m for m in members if m.active and m.relation == "01"), None)


def active_members(members: Iterable[Member]) -> list[Member]:
    """Members still in the household, in display order (head first)."""
    return sorted((m for m in members if m.active), key=lambda m: (m.relation != "01", m.seq))


@dataclass(frozen=True)
class PacketData:
    """扶贫手册 / 一户一档: everything about one household (``HouseholdFile`` without the database)."""

    village: Village
    household: Household
    members: tuple[Member, ...]
    year: int  # accounting year of the 收支情况
    printed_on: dt.date
    summary: IncomeSummary | None = None
    line: PovertyLine | None = None  # poverty line of ``year``
    pairings: tuple[Pairing, ...] = ()  # every pairing, ended ones included (history)
    helpers: Mapping[str, Helper] = field(default_factory=dict)  # helper id → helper
    measures: tuple[Measure, ...] = ()  # plans (kind "plan") and delivered measures (kind "delivered")
    visits: tuple[Visit, ...] = ()
    exit_steps: tuple[ExitStep, ...] = ()
    colour: str = ""  # colour name of domain.colours (red, blue, green, yellow)
    settings: Settings = field(default_factory=Settings)


@dataclass(frozen=True)
class SignoffData:
    """脱贫验收表 / 退出确认: one household proposed to exit in ``year``."""

    village: Village
    household: Household
    members: tuple[Member, ...]
    year: int
    printed_on: dt.date
    summary: IncomeSummary | None = None
    line: PovertyLine | None = None
    helper: Helper | None = None  # current 帮扶责任人
    exit_steps: tuple[ExitStep, ...] = ()  # dates of 民主评议, 核实, 公示 …
    village_secretary: str = ""  # 村支书
    village_director: str = ""  # 村主任
    settings: Settings = field(default_factory=Settings)


@dataclass(frozen=True)
class LedgerCardData:
    """收支记录卡: one household, one calendar month (``year``-``month``).

    ``entries`` are the household's entries of the accounting year that holds the month (others are
    ignored): the card lists the month's and adds the running total of the year up to the month's end.
    """

    village: Village
    household: Household
    members: tuple[Member, ...]
    year: int  # calendar year of the month
    month: int  # 1..12
    printed_on: dt.date
    entries: tuple[LedgerEntry, ...] = ()
    helper: Helper | None = None
    settings: Settings = field(default_factory=Settings)


@dataclass(frozen=True)
class MingbaiData:
    """明白卡: one page for the home wall."""

    village: Village
    household: Household
    members: tuple[Member, ...]
    year: int
    printed_on: dt.date
    summary: IncomeSummary | None = None
    line: PovertyLine | None = None
    helper: Helper | None = None
    measures: tuple[Measure, ...] = ()  # delivered measures; those dated in the accounting year are listed
    colour: str = ""
    settings: Settings = field(default_factory=Settings)


@dataclass(frozen=True)
class RosterRow:
    household: Household
    head: Member | None
    people: int
    colour: str = ""  # colour name (red, blue, green, yellow)
    helper_name: str = ""
    helper_phone: str = ""
    per_capita_fen: int | None = None
    exit_step: str = ""  # EXIT_STEP code of the last step done, "" when not started


@dataclass(frozen=True)
class RosterData:
    """花名册: one line per household. ``rows`` may be a generator (streamed, never held whole)."""

    village: Village
    rows: Iterable[RosterRow]
    printed_on: dt.date
    title: str = "建档立卡贫困户花名册"
    year: int | None = None
    show_private: bool = False  # internal use: full ID numbers and phones; masked / hidden by default


@dataclass(frozen=True)
class NoticeRow:
    household: Household
    head: Member | None
    people: int
    reason: str = ""  # 拟退出理由 / 公告事由


@dataclass(frozen=True)
class NoticeData:
    """公示 / 公告 list, posted in public: ID numbers masked, never phones, accounts or health details."""

    village: Village
    rows: tuple[NoticeRow, ...]
    printed_on: dt.date
    year: int
    kind: str = "公示"  # 公示 (village, step 4) | 公告 (township, step 5)
    title: str = ""  # default: "<village><year>年拟退出贫困户名单公示"
    posted_from: dt.date | None = None
    posted_to: dt.date | None = None
    contact: str = ""  # who takes objections (村委会, 驻村工作队 …)
    contact_phone: str = ""  # a public supervision line, never a household's phone
    issuer: str = ""  # default: "<village>村民委员会"


@dataclass(frozen=True)
class BehindRow:
    """A household that will miss its 计划脱贫年度 at the current pace (deadline board)."""

    number: str
    village_group: str
    head_name: str
    planned_exit_year: int | None
    status: str  # overdue | at_risk
    step: str = ""  # EXIT_STEP code of the last step done
    next_action: str = ""


@dataclass(frozen=True)
class DashboardData:
    """作战图: the village's counts, computed by the services' dashboard query."""

    village: Village
    printed_on: dt.date
    year: int
    households: int
    people: int  # registered poor population (members of all the households)
    rural_population: int = 0  # for 贫困发生率; 0 = take ``village.rural_population``
    by_colour: Mapping[str, int] = field(default_factory=dict)  # colour name → households
    by_cause: Mapping[str, int] = field(default_factory=dict)  # POVERTY_CAUSE code → households
    by_exit_year: Mapping[int, int] = field(default_factory=dict)  # 计划脱贫年度 → households
    by_group: Mapping[str, int] = field(default_factory=dict)  # 村民小组 → households
    exited: int = 0  # households exited so far
    remaining_people: int = 0  # people of households not yet exited: 贫困发生率 = this ÷ rural population
    behind: tuple[BehindRow, ...] = ()
    settings: Settings = field(default_factory=Settings)

