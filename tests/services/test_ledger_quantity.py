"""Quantity and unit of a book entry (sold 3 pigs): what ledger.add_entry accepts."""

import datetime as dt

import pytest

from fupin_desktop.services.errors import ValidationError
from fupin_desktop.services.ledger import add_entry, month_entries, reverse_entry


def test_a_unit_needs_a_quantity_and_both_are_kept(ctx, household):
    with pytest.raises(ValidationError, match="数量"):
        add_entry(ctx, household, date=dt.date(2020, 6, 1), category="22", amount_fen=100, unit="头")
    with pytest.raises(ValidationError, match="负数"):
        add_entry(ctx, household, date=dt.date(2020, 6, 1), category="22", amount_fen=100, quantity=-1, unit="头")
    entry_id, _ = add_entry(ctx, household, date=dt.date(2020, 6, 1), category="22", amount_fen=450_000,
                            quantity=3, unit=" 头 ")
    reverse_entry(ctx, entry_id, "记错了户")
    entries = month_entries(ctx, household, 2020, 6)
    assert [(e.amount_fen, e.quantity, e.unit) for e in entries] == [(450_000, 3.0, "头"), (-450_000, 3.0, "头")]
