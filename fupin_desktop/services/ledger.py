"""The daily income and expense book (收支账本): append entries, reverse them, read a year or a month."""

import datetime as dt

from fupin_desktop.domain import records as r
from fupin_desktop.domain.codes import LEDGER_CATEGORY
from fupin_desktop.domain.income import (
    accounting_month_starts,
    accounting_year_of,
    accounting_year_range,
    summarise_sums,
)
from fupin_desktop.services.changes import Changes
from fupin_desktop.services.errors import NotFoundError, ValidationError
from fupin_desktop.storage import repository as repo
from fupin_desktop.storage import tables as t

MAX_ENTRY_FEN = 100_000_000  # one million yuan in one line is a typing mistake


def _require_household(ctx, household_id):
    household = repo.get(ctx.db, r.Household, household_id)
    if household is None or household.deleted:
        raise NotFoundError("找不到这户档案。")
    return household


def add_entry(ctx, household_id: str, *, date: dt.date, category: str, amount_fen: int,
              quantity: float | None = None, unit: str = "", note: str = "", recorded_by: str = "") -> tuple[str, Changes]:
    """Append one entry. The household's derived caches (``services.derived``) are left alone: none of them
    depends on the book (their problem counts are taken without the income summary)."""
    _require_household(ctx, household_id)
    if category not in LEDGER_CATEGORY:
        raise ValidationError(f"收支类别“{category}”不存在，请从列表中选择。")
    if not isinstance(amount_fen, int) or amount_fen <= 0:
        raise ValidationError("金额必须大于0；更正请用“冲销”，不要填负数。")
    if amount_fen > MAX_ENTRY_FEN:
        raise ValidationError("单笔金额超过100万元，请核对是否多输了0。")
    if date > ctx.clock.today():
        raise ValidationError("记账日期不能晚于今天。")
    if quantity is not None and quantity < 0:
        raise ValidationError("数量不能为负数。")
    if unit.strip() and quantity is None:
        raise ValidationError("填写了单位，请同时填写数量。")
    with ctx.write() as w:
        entry_id = w.append_ledger({
            "household_id": household_id, "date": date.isoformat(), "category": category,
            "amount_fen": amount_fen, "quantity": quantity, "unit": unit.strip(), "note": note.strip(),
            "recorded_by": recorded_by or ctx.operator,
        })
    return entry_id, Changes.from_writer(w, [household_id])


def reverse_entry(ctx, entry_id: str, reason: str) -> tuple[str, Changes]:
    """A correction is a new entry with the negative amount; the original stays as evidence."""
    if not reason.strip():
        raise ValidationError("冲销必须填写原因。")
    entry = repo.get(ctx.db, r.LedgerEntry, entry_id)
    if entry is None:
        raise NotFoundError("找不到这笔账。")
    if entry.reverses:
        raise ValidationError("这是一笔冲销记录，不能再冲销。")
    # a reversal is in the same household's book: its index keeps this to that book, not the township's
    if ctx.db.execute(f"SELECT 1 FROM {t.LEDGER} WHERE household_id = ? AND reverses = ?",
                      [entry.household_id, entry_id]).fetchone():
        raise ValidationError("这笔账已经冲销过了。")
    with ctx.write() as w:
        new_id = w.append_ledger({
            "household_id": entry.household_id, "date": ctx.clock.today().isoformat(),
            "category": entry.category, "amount_fen": -entry.amount_fen, "quantity": entry.quantity,
            "unit": entry.unit, "note": f"冲销 {entry.date.isoformat()} 的记录：{reason.strip()}",
            "recorded_by": ctx.operator, "reverses": entry_id,
        }, reason=reason.strip())
    return new_id, Changes.from_writer(w, [entry.household_id])


def entries_between(ctx, household_id: str, start: dt.date, end: dt.date) -> list[r.LedgerEntry]:
    return repo.select(ctx.db, r.LedgerEntry, "household_id = ? AND date BETWEEN ? AND ?",
                       [household_id, start.isoformat(), end.isoformat()], order_by="date, hlc")


def month_entries(ctx, household_id: str, year: int, month: int) -> list[r.LedgerEntry]:
    start = dt.date(year, month, 1)
    end = (dt.date(year + (month == 12), month % 12 + 1, 1)) - dt.timedelta(days=1)
    return entries_between(ctx, household_id, start, end)


def _month_sql() -> str:
    """SQL of a book line's accounting month (0–11): the last of the months 1–11 whose first day (the
    parameters, month 11's first) is not after the line's date, else month 0."""
    return "CASE " + " ".join(f"WHEN date >= ? THEN {month}" for month in range(11, 0, -1)) + " ELSE 0 END"


_MONTH_SQL = _month_sql()


def _sums(ctx, household_id: str, year: int) -> list[tuple[int, str, int, int]]:
    """(accounting month, category, amount_fen, lines) of the household's book in accounting year ``year``,
    summed by SQLite over ``idx_ledger_household_date`` (a year is some hundreds of lines)."""
    start, end = accounting_year_range(year, ctx.settings)
    firsts = [day.isoformat() for day in reversed(accounting_month_starts(year, ctx.settings)[1:])]
    return ctx.db.execute(
        f"SELECT {_MONTH_SQL} AS month, category, SUM(amount_fen), COUNT(*) FROM {t.LEDGER}"
        " WHERE household_id = ? AND date BETWEEN ? AND ? GROUP BY month, category",
        [*firsts, household_id, start.isoformat(), end.isoformat()],
    ).fetchall()


def year_summary(ctx, household_id: str, year: int | None = None, members=None):
    """The accounting year's totals (``domain.income.IncomeSummary``); the current year when ``year`` is None.

    The book is summed per accounting month and category in SQL (``summarise_sums``); the figures are those
    ``summarise`` gives on the year's entries."""
    year = year or accounting_year_of(ctx.clock.today(), ctx.settings)
    if members is None:
        members = repo.members_of(ctx.db, household_id)
    return summarise_sums(_sums(ctx, household_id, year), members, ctx.settings, year)
