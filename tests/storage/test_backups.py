"""Backups: consistent, checked, named, thinned, encrypted, listed, restored, written to a stick."""

import datetime as dt
import os
import sqlite3

import pytest

from fupin_desktop.domain.idnumber import make_id_number
from fupin_desktop.services import backup as service
from fupin_desktop.services.households import create_household
from fupin_desktop.storage import backup_export as bx
from fupin_desktop.storage import backups as b
from fupin_desktop.storage import fpbak
from fupin_desktop.storage.restore import INTENT_FILE, REPLACED, finish_interrupted, restore_files
from tests.services.factories import household_values, members_values


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch):
    monkeypatch.setattr(fpbak, "SCRYPT_LOG2_N", 12)  # the header records it; decryption reads it back


@pytest.fixture
def household(ctx, village):
    household_id, _ = create_household(ctx, household_values(), members_values(), accept_note="核实无误")
    return household_id


def another(n: int) -> list[dict]:
    """A one-person household whose ID number nobody else has."""
    return [dict(members_values()[0], id_number=make_id_number("610702", dt.date(1980, 1, n), 11))]


def count(path, table="households") -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_backup_is_checked_named_and_listed(ctx, household, clock):
    outcome = service.back_up_now(ctx)
    info = outcome.info
    assert info.name == "fupin-20200615-093000-manual.sqlite"
    assert info.path.parent == ctx.backups_dir and info.size > 0 and not info.encrypted
    assert b.check_file(info.path) == []
    assert count(info.path) == 1
    conn = sqlite3.connect(info.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    conn.close()
    again = service.back_up_now(ctx)
    assert again.info.name == "fupin-20200615-093000-manual-2.sqlite"
    rows = service.backup_rows(ctx)
    assert [r.info.name for r in rows] == [again.info.name, info.name]
    assert rows[0].reason == "手动备份" and rows[0].when == "2020-06-15 09:30:00" and rows[0].size.endswith("KB")
    assert not [p for p in ctx.backups_dir.iterdir() if p.name.startswith(b.TEMP_PREFIX)]


def test_backup_refused_inside_a_transaction(ctx, household):
    with ctx.db.atomic(), pytest.raises(b.BackupError, match="正在保存"):
        b.create_backup(ctx.db, ctx.backups_dir, now=dt.datetime(2020, 6, 15))


def test_foundation_pre_migration_names_are_listed():
    parsed = b.parse_name("before-migration-0002_sync-20200615-093000.sqlite")
    assert parsed == (dt.datetime(2020, 6, 15, 9, 30), "before-migration", False, "0002_sync")
    assert b.parse_name("fupin-20200615-093000-auto-3.fpbak")[1:3] == ("auto", True)
    assert b.parse_name(".fupin-tmp-12-ab.part") is None
    assert b.parse_name("notes.txt") is None


def _info(created, reason="auto"):
    return b.BackupInfo(b.Path(f"/x/{b.backup_name(created, reason)}"), created, reason, 1)


def test_thinning_like_anki():
    now = dt.datetime(2020, 6, 30, 18, 0)
    infos = []
    for hours in range(0, 24 * 120, 6):  # every six hours for four months
        infos.append(_info(now - dt.timedelta(hours=hours)))
    infos.append(_info(dt.datetime(2019, 1, 1), "before-migration"))
    removed = {i.name for i in b.plan_thinning(infos, now)}
    kept = [i for i in infos if i.name not in removed]
    today = [i for i in kept if i.created.date() == now.date()]
    assert len(today) == 4  # 18:00, 12:00, 06:00, 00:00: all of today's are kept
    assert len(today) == sum(1 for i in infos if i.created.date() == now.date())
    week = [i for i in kept if 1 <= (now.date() - i.created.date()).days <= 7]
    assert len(week) == 7 and len({i.created.date() for i in week}) == 7
    assert all(i.created.hour == 18 for i in week)  # the newest of each day
    month = [i for i in kept if 8 <= (now.date() - i.created.date()).days <= 31]
    assert len({i.created.isocalendar()[:2] for i in month}) == len(month)
    older = [i for i in kept if (now.date() - i.created.date()).days > 31 and i.reason == "auto"]
    assert len({(i.created.year, i.created.month) for i in older}) == len(older) <= 4
    assert any(i.reason == "before-migration" for i in kept)


def test_thin_backups_removes_files(ctx, household, clock):
    for days in range(12):
        b.create_backup(ctx.db, ctx.backups_dir, reason="auto", now=clock.now() - dt.timedelta(days=days))
        b.create_backup(ctx.db, ctx.backups_dir, reason="auto",
                        now=clock.now() - dt.timedelta(days=days, hours=3))
    removed = b.thin_backups(ctx.backups_dir, clock.now())
    kept = b.list_backups(ctx.backups_dir)
    assert len(kept) + len(removed) == 24
    assert all(not i.path.exists() for i in removed)
    assert sum(1 for i in kept if i.created.date() == clock.today()) == 2


def test_encrypted_backup_round_trip(ctx, household, tmp_path):
    info = service.back_up_now(ctx, passphrase="龙江村2020").info
    assert info.encrypted and info.name.endswith(".fpbak")
    raw = info.path.read_bytes()
    assert raw.startswith(fpbak.MAGIC) and b"SQLite format 3" not in raw and "张三丰".encode() not in raw
    assert fpbak.read_meta(info.path)["reason"] == "manual"
    assert b.verify_backup(info.path, "龙江村2020") == []
    assert "口令不对" in b.verify_backup(info.path, "wrong")[0]
    assert "加密" in b.verify_backup(info.path)[0]


@pytest.mark.parametrize("damage", ["truncate-chunk", "truncate-boundary", "flip", "header"])
def test_encrypted_backup_damage_is_detected(ctx, household, tmp_path, damage):
    info = service.back_up_now(ctx, passphrase="pw").info
    data = bytearray(info.path.read_bytes())
    with open(info.path, "rb") as f:
        header_end = len(fpbak._read_header(f)[0])
    if damage == "truncate-chunk":
        data = data[: len(data) - 100]
    elif damage == "truncate-boundary":  # drop whole chunks: the final flag catches it
        monkey = tmp_path / "small.fpbak"
        plain = tmp_path / "p.sqlite"
        plain.write_bytes(os.urandom(3 * 1024))
        with open(plain, "rb") as src, open(monkey, "wb") as dst:
            fpbak.CHUNK, saved = 1024, fpbak.CHUNK
            try:
                fpbak.encrypt_stream(src, dst, "pw", {"created": "2020-06-15T09:30:00", "reason": "manual"})
            finally:
                fpbak.CHUNK = saved
        whole = monkey.read_bytes()
        data = bytearray(whole[: len(whole) - (4 + 1024 + 16)])
    elif damage == "flip":
        data[header_end + 50] ^= 0x01
    else:
        data[header_end - 3] ^= 0x01  # inside the metadata: authenticated
    bad = tmp_path / "bad.fpbak"
    bad.write_bytes(bytes(data))
    problems = b.verify_backup(bad, "pw")
    assert problems and ("损坏" in problems[0] or "不完整" in problems[0] or "截断" in problems[0])


def test_restore_keeps_the_current_file_aside(ctx, household, clock):
    first = service.back_up_now(ctx).info
    create_household(ctx, household_values(number="6107020002"),
                     another(1), accept_note="核实无误")
    plan = service.restore_plan(ctx, first.path)
    assert plan.loss.households == 1 and plan.loss.changes == 1
    assert "replaced" in plan.message and "不会删除" in plan.message and "新建 1 户" in plan.message
    result, changes = service.restore_in_place(ctx, first.path)
    assert "households" in changes.tables
    assert ctx.db.execute("SELECT count(*) FROM households").fetchone()[0] == 1
    assert result.moved_aside_to.parent == ctx.data_dir / REPLACED
    assert count(result.moved_aside_to / "fupin.sqlite") == 2  # the replaced data is all there
    assert b.check_file(result.moved_aside_to / "fupin.sqlite") == []
    # the context works after the swap
    create_household(ctx, household_values(number="6107020003"),
                     another(2), accept_note="核实无误")
    assert ctx.db.execute("SELECT count(*) FROM households").fetchone()[0] == 2


def test_restore_refuses_a_bad_backup_and_changes_nothing(ctx, household, tmp_path):
    bad = tmp_path / "fupin-20200615-093000-manual.sqlite"
    bad.write_bytes(b"not a database" * 1000)
    before = ctx.db_path.stat().st_mtime_ns
    with pytest.raises(b.BackupCheckError, match="没有任何改动|现在的数据没有改动"):
        service.restore_in_place(ctx, bad)
    assert ctx.db_path.stat().st_mtime_ns == before or ctx.db.execute("SELECT 1").fetchone()
    assert not (ctx.data_dir / REPLACED).exists()
    assert ctx.db.execute("SELECT count(*) FROM households").fetchone()[0] == 1


def test_interrupted_restore_is_completed(ctx, household, tmp_path, clock):
    from fupin_desktop.storage.restore import prepare_restore

    source = service.back_up_now(ctx).info.path
    db_path = ctx.db_path
    ctx.close()
    prepared = prepare_restore(db_path, source)
    aside = db_path.parent / REPLACED / "x"
    (db_path.parent / INTENT_FILE).write_text(
        f'{{"prepared": "{prepared.prepared.name}", "aside": "{REPLACED}/x"}}', "utf-8")
    aside.mkdir(parents=True)
    os.replace(db_path, aside / db_path.name)  # crashed after moving the database, before the rename
    assert "已完成恢复" in finish_interrupted(db_path)
    assert db_path.exists() and not prepared.prepared.exists() and not (db_path.parent / INTENT_FILE).exists()
    assert (aside / db_path.name).exists()
    assert finish_interrupted(db_path) is None


def test_export_to_a_folder_is_verified(ctx, household, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    stale = stick / f"{b.TEMP_PREFIX}999999999-dead{b.TEMP_SUFFIX}"
    stale.write_bytes(b"half")
    plain = service.back_up_to_folder(ctx, stick).info
    sealed = service.back_up_to_folder(ctx, stick, passphrase="pw").info
    assert not stale.exists()
    assert sorted(p.name for p in stick.iterdir()) == sorted([plain.name, sealed.name])
    assert b.verify_backup(plain.path) == [] and b.verify_backup(sealed.path, "pw") == []
    result = restore_files(tmp_path / "other" / "fupin.sqlite", sealed.path, now=dt.datetime(2020, 6, 16),
                           passphrase="pw")
    assert count(result.db_path) == 1 and result.moved_aside_to is None
    with pytest.raises(bx.TargetWriteError, match="找不到文件夹"):
        service.back_up_to_folder(ctx, tmp_path / "no-such-stick")


def test_periodic_backup_every_thirty_minutes_of_work(ctx, village, clock):
    assert b.maybe_periodic_backup(ctx) is not None  # the first one
    assert b.maybe_periodic_backup(ctx) is None  # nothing changed
    create_household(ctx, household_values(), members_values(), accept_note="核实无误")
    clock.advance(minutes=10)
    assert b.maybe_periodic_backup(ctx) is None  # changed, but the last one is only 10 minutes old
    clock.advance(minutes=20)
    info = b.maybe_periodic_backup(ctx)
    assert info is not None and info.reason == "auto" and count(info.path) == 1
    clock.advance(hours=5)
    assert b.maybe_periodic_backup(ctx) is None  # idle for hours: no new backup
    clock.advance(days=-2)  # the laptop's date was set back: still backs up after new work
    create_household(ctx, household_values(number="6107020002"),
                     another(1), accept_note="核实无误")
    assert b.maybe_periodic_backup(ctx) is not None


def test_backup_before_import_is_named(ctx, household):
    info = service.back_up_before(ctx, "import")
    assert info.reason == "before-import" and info.label == "导入前备份"


def test_stale_temp_files_are_cleaned(tmp_path):
    mine = tmp_path / f"{b.TEMP_PREFIX}{os.getpid()}-aa{b.TEMP_SUFFIX}"
    dead = tmp_path / f"{b.TEMP_PREFIX}999999999-bb{b.TEMP_SUFFIX}"
    journal = tmp_path / f"{b.TEMP_PREFIX}999999999-cc{b.TEMP_SUFFIX}-journal"
    other = tmp_path / "keep.txt"
    for p in (mine, dead, journal, other):
        p.write_bytes(b"x")
    removed = set(b.clean_stale_temp(tmp_path))
    assert removed == {dead, journal} and mine.exists() and other.exists()
    assert set(b.clean_stale_temp(tmp_path, include_own=True)) == {mine}
