"""replaced/ does not grow for ever: old sets beyond the newest three go after a restore; damaged/ stays."""

import datetime as dt

from fupin_desktop.storage.database import open_database
from fupin_desktop.storage.restore import (
    DAMAGED,
    REPLACED,
    plan_replaced_thinning,
    restore_files,
    thin_replaced,
)

NOW = dt.datetime(2026, 11, 23, 10, 0, 0)


def _make_set(data_dir, area, when, suffix=""):
    folder = data_dir / area / f"{when:%Y%m%d-%H%M%S}{suffix}"
    folder.mkdir(parents=True)
    (folder / "fupin.sqlite").write_bytes(b"old database")
    return folder


def test_keeps_the_newest_three_and_everything_recent(tmp_path):
    ages = [1, 5, 100, 200, 300, 400]
    sets = [_make_set(tmp_path, REPLACED, NOW - dt.timedelta(days=a)) for a in ages]
    planned = plan_replaced_thinning(tmp_path, NOW)
    assert planned == [sets[3], sets[4], sets[5]]  # 100 days old is third newest: kept


def test_recent_sets_beyond_three_are_kept(tmp_path):
    sets = [_make_set(tmp_path, REPLACED, NOW - dt.timedelta(days=a)) for a in (1, 2, 3, 4, 95)]
    assert plan_replaced_thinning(tmp_path, NOW) == [sets[4]]
    assert thin_replaced(tmp_path, NOW) == [sets[4]]
    assert not sets[4].exists() and all(s.exists() for s in sets[:4])


def test_same_second_suffixes_are_ordered(tmp_path):
    old = NOW - dt.timedelta(days=400)
    first = _make_set(tmp_path, REPLACED, old)
    second = _make_set(tmp_path, REPLACED, old, "-2")
    for a in (1, 2, 3):
        _make_set(tmp_path, REPLACED, NOW - dt.timedelta(days=a))
    assert set(plan_replaced_thinning(tmp_path, NOW)) == {first, second}


def test_nothing_to_thin_without_a_folder(tmp_path):
    assert plan_replaced_thinning(tmp_path, NOW) == []


def test_a_restore_thins_replaced_and_never_damaged(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    db_path = data / "fupin.sqlite"
    db = open_database(db_path)
    db.close()
    backup = tmp_path / "copy.sqlite"
    backup.write_bytes(db_path.read_bytes())
    old_replaced = [_make_set(data, REPLACED, NOW - dt.timedelta(days=d)) for d in (200, 300, 400, 500)]
    old_damaged = [_make_set(data, DAMAGED, NOW - dt.timedelta(days=d)) for d in (200, 300, 400, 500)]
    result = restore_files(db_path, backup, now=NOW)
    assert result.moved_aside_to is not None and result.moved_aside_to.exists()
    kept = sorted(p.name for p in (data / REPLACED).iterdir())
    assert kept == sorted([result.moved_aside_to.name, old_replaced[0].name, old_replaced[1].name])
    assert all(p.exists() for p in old_damaged)
