"""Accounting years and the income arithmetic of the 收支账本 (DOMAIN.md §2.4), on integer fen.

家庭纯收入 = 总收入 − 生产经营性支出; 人均纯收入 = 家庭纯收入 ÷ 家庭人口. Living expenses are recorded and shown,
never deducted. A correction is a reversing entry with the negative amount: it simply adds.
"""

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from fupin_desktop.domain.codes import ledger_group
from fupin_desktop.domain.records import LedgerEntry, Member, PovertyLine, Settings

INCOME_GROUPS = ("wage", "production", "property", "transfer")
PRODUCTION_EXPENSE = "production_expense"
LIVING_EXPENSE = "living_expense"

# 常住人口: a member away for work outside the county (县外省内, 省外) for at least this many months of the
# year does not live in the household.
AWAY_WORK_STATUSES = frozenset({"03", "04"})
AWAY_MONTHS = 6


def _safe_date(year: int, month: int, day: int) -> dt.date:
    """The date, with the day clamped to the month's end (a start day of 31 falls on 30 or 28/29)."""
    month = min(max(month, 1), 12)
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(max(day, 1), last))


def _starts_on_new_year(settings: Settings) -> bool:
    return settings.accounting_year_start_month == 1 and settings.accounting_year_start_day == 1


def accounting_year_range(year: int, settings: Settings) -> tuple[dt.date, dt.date]:
    """First and last day (inclusive) of the accounting year named ``year`` (the year in which it ends)."""
    if _starts_on_new_year(settings):
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month, day = settings.accounting_year_start_month, settings.accounting_year_start_day
    start = _safe_date(year - 1, month, day)
    end = _safe_date(year, month, day) - dt.timedelta(days=1)
    return start, end


def accounting_year_of(day: dt.date, settings: Settings) -> int:
    """The accounting year containing ``day``, named by the calendar year in which it ends.

    With the default start of 1 October, 2025-10-01 … 2026-09-30 is year 2026.
    """
    if _starts_on_new_year(settings):
        return day.year
    start_this_year = _safe_date(
        day.year, settings.accounting_year_start_month, settings.accounting_year_start_day
    )
    return day.year + 1 if day >= start_this_year else day.year


def household_size(members: Iterable[Member], settings: Settings) -> int:
    """家庭人口, the divisor of 人均纯收入.

    - ``registered`` (户籍, the default): members still in the household (``Member.active``).
    - ``resident`` (常住): active members, less those working outside the county (务工状况 03 县外省内 or
      04 省外) for 6 months or more of the year.

    Never 0 for a household that has members: a resident count of 0 falls back to the registered count, and
    a household whose members have all left counts as 1.
    """
    members = [m for m in members if not m.deleted]
    if not members:
        return 0
    active = [m for m in members if m.active]
    size = len(active)
    if settings.income_divisor == "resident":
        resident = [
            m for m in active if not (m.work_status in AWAY_WORK_STATUSES and m.work_months >= AWAY_MONTHS)
        ]
        size = len(resident) or len(active)
    return size or 1


def divide_half_up(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded half away from zero (half-up on the magnitude); 0 when dividing by 0."""
    if denominator == 0:
        return 0
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    magnitude = (2 * abs(numerator) + denominator) // (2 * denominator)
    return magnitude if numerator >= 0 else -magnitude


def format_yuan(fen: int) -> str:
    """``123456`` → ``"1,234.56"``: plain grouping for messages (the faces format money with the locale)."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{yuan:,}.{cents:02d}"


@dataclass(frozen=True)
class IncomeSummary:
    year: int
    start: dt.date
    end: dt.date
    by_group: dict[str, int]  # wage / production / property / transfer → fen
    total_income_fen: int
    production_expense_fen: int
    living_expense_fen: int
    net_income_fen: int  # total income − production expense
    people: int
    per_capita_fen: int
    # (year, month, income_fen, expense_fen), accounting order
    by_month: tuple[tuple[int, int, int, int], ...]
    entries_count: int


def _month_starts(start: dt.date) -> list[dt.date]:
    starts = []
    for i in range(12):
        month_index = start.month - 1 + i
        starts.append(_safe_date(start.year + month_index // 12, month_index % 12 + 1, start.day))
    return starts


def _group_of(category: str) -> str:
    try:
        return ledger_group(category) or ""
    except (KeyError, ValueError, TypeError):
        return ""


def summarise(
    entries: Iterable[LedgerEntry], members: Iterable[Member], settings: Settings, year: int
) -> IncomeSummary:
    """The year's totals from the entries dated inside accounting year ``year``; other entries are ignored.

    Months are accounting months starting on the year's start day (calendar months with the default start
    on the 1st); a month's expense is production plus living expense. Entries of an unknown category are
    counted in ``entries_count`` but in no total.
    """
    start, end = accounting_year_range(year, settings)
    month_starts = _month_starts(start)
    by_group = dict.fromkeys(INCOME_GROUPS, 0)
    production_expense = living_expense = 0
    month_income = [0] * 12
    month_expense = [0] * 12
    count = 0
    for entry in entries:
        if not start <= entry.date <= end:
            continue
        count += 1
        group = _group_of(entry.category)
        index = 0
        for i, month_start in enumerate(month_starts):
            if entry.date >= month_start:
                index = i
        if group in by_group:
            by_group[group] += entry.amount_fen
            month_income[index] += entry.amount_fen
        elif group == PRODUCTION_EXPENSE:
            production_expense += entry.amount_fen
            month_expense[index] += entry.amount_fen
        elif group == LIVING_EXPENSE:
            living_expense += entry.amount_fen
            month_expense[index] += entry.amount_fen
    return _summary(year, start, end, month_starts, by_group, production_expense, living_expense,
                    month_income, month_expense, count, members, settings)


def accounting_month_starts(year: int, settings: Settings) -> list[dt.date]:
    """The first days of the twelve accounting months of year ``year``, in order (the months of
    :attr:`IncomeSummary.by_month`): the day of the month the year starts on (its first day, itself clamped),
    in each month, clamped to the month's end."""
    return _month_starts(accounting_year_range(year, settings)[0])


def summarise_sums(
    sums: Iterable[tuple[int, str, int, int]], members: Iterable[Member], settings: Settings, year: int
) -> IncomeSummary:
    """What :func:`summarise` gives for the entries of accounting year ``year``, from their sums.

    Each item is ``(month, category, amount_fen, count)``: the sum and number of the year's entries of one
    category in accounting month ``month`` (0–11, the index into :func:`accounting_month_starts`), as one
    GROUP BY over the book gives them; an item may repeat a month and category (they add up). Only entries
    dated inside the year may be summed: the sums carry no dates to check.
    """
    start, end = accounting_year_range(year, settings)
    by_group = dict.fromkeys(INCOME_GROUPS, 0)
    production_expense = living_expense = 0
    month_income = [0] * 12
    month_expense = [0] * 12
    count = 0
    for month, category, amount_fen, entries in sums:
        count += entries
        group = _group_of(category)
        if group in by_group:
            by_group[group] += amount_fen
            month_income[month] += amount_fen
        elif group == PRODUCTION_EXPENSE:
            production_expense += amount_fen
            month_expense[month] += amount_fen
        elif group == LIVING_EXPENSE:
            living_expense += amount_fen
            month_expense[month] += amount_fen
    return _summary(year, start, end, _month_starts(start), by_group, production_expense, living_expense,
                    month_income, month_expense, count, members, settings)


def _summary(year, start, end, month_starts, by_group, production_expense, living_expense,
             month_income, month_expense, count, members, settings) -> IncomeSummary:
    total = sum(by_group.values())
    net = total - production_expense
    people = household_size(members, settings)
    by_month = tuple((s.year, s.month, month_income[i], month_expense[i]) for i, s in enumerate(month_starts))
    return IncomeSummary(
        year=year,
        start=start,
        end=end,
        by_group=by_group,
        total_income_fen=total,
        production_expense_fen=production_expense,
        living_expense_fen=living_expense,
        net_income_fen=net,
        people=people,
        per_capita_fen=divide_half_up(net, people),
        by_month=by_month,
        entries_count=count,
    )


def project_year_end(summary: IncomeSummary, as_of: dt.date) -> int:
    """Per-capita net income projected to the year's end at the pace so far (linear in days).

    Before the year starts there is no pace: the per-capita figure is returned as it is; from the last day of
    the year on, the projection is the actual figure.
    """
    total_days = (summary.end - summary.start).days + 1
    elapsed = (min(as_of, summary.end) - summary.start).days + 1
    if elapsed <= 0 or elapsed >= total_days:
        return summary.per_capita_fen
    return divide_half_up(summary.per_capita_fen * total_days, elapsed)


def line_for_year(lines: Iterable[PovertyLine], year: int) -> PovertyLine | None:
    """The poverty line of ``year``, else the latest one of an earlier year, else None."""
    best: PovertyLine | None = None
    for line in lines:
        if line.year == year:
            return line
        if line.year < year and (best is None or line.year > best.year):
            best = line
    return best
