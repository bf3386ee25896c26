"""Drafts of the household editor: atomic JSON files in <data_dir>/drafts."""

import datetime as dt

import pytest

from fupin_desktop.domain import records as r
from fupin_desktop.services.drafts import (
    decode_values,
    discard_draft,
    draft_path,
    encode_values,
    load_draft,
    save_draft,
)


def test_save_load_discard(ctx):
    payload = {"values": encode_values({"identified_on": dt.date(2015, 3, 1), "other_causes": ("2", "7")})}
    path = save_draft(ctx, None, payload)
    assert path == ctx.data_dir / "drafts" / "new.json"
    found = load_draft(ctx, None)
    assert found["payload"] == payload
    assert found["saved_at"] == dt.datetime(2020, 6, 15, 9, 30)
    assert decode_values(r.Household, found["payload"]["values"]) == {
        "identified_on": dt.date(2015, 3, 1),
        "other_causes": ("2", "7"),
    }
    assert discard_draft(ctx, None) and load_draft(ctx, None) is None
    assert not discard_draft(ctx, None)


def test_overwrite_leaves_no_temporary_files(ctx):
    for n in range(3):
        save_draft(ctx, "abc-123", {"n": n})
    assert load_draft(ctx, "abc-123")["payload"] == {"n": 2}
    assert [p.name for p in (ctx.data_dir / "drafts").iterdir()] == ["abc-123.json"]


def test_a_broken_draft_is_ignored(ctx):
    path = draft_path(ctx, "x")
    path.parent.mkdir(parents=True)
    path.write_text("{half", encoding="utf-8")
    assert load_draft(ctx, "x") is None


def test_keys_cannot_escape_the_folder(ctx):
    with pytest.raises(ValueError):
        draft_path(ctx, "../evil")


def test_decode_drops_unknown_fields_and_bad_dates():
    assert decode_values(r.Member, {"name": "张三", "birth_date": "not a date", "bogus": 1}) == {
        "name": "张三",
        "birth_date": None,
    }
