"""At start: a quick check; a damaged database moved aside (never deleted) and the newest good backup offered
with what would be lost; the newer-version, missing, busy and read-only cases; the whole session."""

import datetime as dt
import errno
import hashlib
import sqlite3

import pytest

from fupin_desktop.domain.clock import FixedClock
from fupin_desktop.domain.idnumber import make_id_number
from fupin_desktop.services import backup as service
from fupin_desktop.services.context import open_context
from fupin_desktop.services.households import create_household
from fupin_desktop.services.ledger import add_entry
from fupin_desktop.services.villages import create_village
from fupin_desktop.storage import recovery
from fupin_desktop.storage.backups import check_file, create_backup
from fupin_desktop.storage.database import DatabaseDamagedError, NewerDatabaseError
from fupin_desktop.storage.lock import AlreadyOpenError, InstallationLock
from fupin_desktop.storage.restore import DAMAGED
from tests.services.factories import household_values, members_values

NOW = dt.datetime(2020, 6, 15, 9, 30)


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch):
    from fupin_desktop.storage import fpbak

    monkeypatch.setattr(fpbak, "SCRYPT_LOG2_N", 12)


def one_member(n: int) -> list[dict]:
    return [dict(members_values()[0], id_number=make_id_number("610702", dt.date(1970, 1, n), 11))]


@pytest.fixture
def installation(tmp_path):
    """A data folder with a village, two households, a backup, then one more household and three entries."""
    data_dir = tmp_path / "data"
    ctx = open_context(data_dir, operator="测试员", clock=FixedClock(NOW))
    create_village(ctx, {"code": "610702101201", "name": "龙江村", "groups": ("一组",)})
    create_household(ctx, household_values(), members_values(), accept_note="核实无误")
    create_household(ctx, household_values(number="6107020002"), one_member(1), accept_note="核实无误")
    create_backup(ctx.db, ctx.backups_dir, reason="auto", now=NOW)
    late, _ = create_household(ctx, household_values(number="6107020003"), one_member(2), accept_note="核实无误")
    for day in (1, 2, 3):
        add_entry(ctx, late, date=dt.date(2020, 6, day), category="11", amount_fen=10_000)
    ctx.close()
    return data_dir


def damage_index(db_path, index="idx_members_initials"):
    """Overwrite the root page of one index with garbage: the tables stay readable, the file is damaged."""
    conn = sqlite3.connect(db_path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [index]).fetchone()[0]
    conn.close()
    with open(db_path, "r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(b"\xa5" * page_size)


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def report(data_dir):
    return recovery.check_at_start(data_dir / "fupin.sqlite", data_dir / "backups")


def test_a_sound_database_is_ok(installation):
    start = report(installation)
    assert start.state == "ok" and start.can_open and start.offer is None


def test_an_empty_folder_is_new(tmp_path):
    assert report(tmp_path / "fresh").state == "new"


def test_damaged_database_offers_the_newest_good_backup_with_the_loss(installation):
    damage_index(installation / "fupin.sqlite")
    start = report(installation)
    assert start.state == "damaged" and not start.can_open
    assert start.offer is not None and start.offer.backup.reason == "auto"
    loss = start.offer.loss
    assert loss.readable and loss.households == 1 and loss.ledger_rows == 3 and loss.changes == 1
    assert "2020-06-15 09:30" in start.message and "3 笔收支记录" in start.message
    assert "damaged" in start.message and "不会删除" in start.message


def test_unreadable_damage_says_later_changes_cannot_be_recovered(installation):
    db_path = installation / "fupin.sqlite"
    data = bytearray(db_path.read_bytes())
    data[:100] = b"\0" * 100  # the header is gone
    db_path.write_bytes(bytes(data))
    start = report(installation)
    assert start.state == "damaged"
    assert "最后一次备份之后的修改无法恢复" in start.message


def test_a_damaged_backup_is_skipped(installation, tmp_path):
    backups = sorted((installation / "backups").glob("fupin-*.sqlite"))
    newer = installation / "backups" / "fupin-20200615-120000-auto.sqlite"
    newer.write_bytes(b"garbage" * 4096)
    damage_index(installation / "fupin.sqlite")
    start = report(installation)
    assert start.offer.backup.path == backups[0]


def test_recover_moves_the_damaged_files_aside_and_restores(installation):
    db_path = installation / "fupin.sqlite"
    damage_index(db_path)
    before = digest(db_path)
    start = report(installation)
    result = recovery.recover_damaged(db_path, start.offer.backup.path, now=NOW)
    assert result.moved_to.parent == installation / DAMAGED
    assert digest(result.moved_to / "fupin.sqlite") == before  # kept exactly as it was
    assert check_file(db_path) == []
    assert report(installation).state == "ok"
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM households").fetchone()[0] == 2  # the backup's data
    conn.close()


def test_recover_without_a_backup_starts_empty_but_keeps_the_file(installation):
    db_path = installation / "fupin.sqlite"
    damage_index(db_path)
    result = recovery.recover_damaged(db_path, None, now=NOW)
    assert not db_path.exists() and (result.moved_to / "fupin.sqlite").exists()


def test_missing_database_with_backups_is_offered_them(installation):
    (installation / "fupin.sqlite").unlink()
    start = report(installation)
    assert start.state == "missing" and start.offer is not None
    assert "有备份" in start.message


def test_newer_program_database_is_left_alone(installation):
    db_path = installation / "fupin.sqlite"
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES"
                 " ('fupin_desktop', '9999_future', 'x')")
    conn.commit()
    conn.close()
    before = digest(db_path)
    start = report(installation)
    assert start.state == "newer" and "新版本" in start.message and "9999_future" in start.message
    assert digest(db_path) == before
    with pytest.raises(NewerDatabaseError):
        service.open_session(installation)


def test_file_locked_by_another_program(installation):
    other = sqlite3.connect(installation / "fupin.sqlite")
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    try:
        start = report(installation)
        assert start.state == "busy" and "另一个程序占用" in start.message and "没有改动" in start.message
    finally:
        other.rollback()
        other.close()


def test_open_session_recovers_when_the_person_decides(installation):
    damage_index(installation / "fupin.sqlite")
    with pytest.raises(DatabaseDamagedError, match="fupin restore"):
        service.open_session(installation)
    asked = []

    def decide(start):
        asked.append(start)
        return service.Decision(start.offer.backup.path)

    session = service.open_session(installation, clock=FixedClock(NOW), decide=decide)
    try:
        assert asked[0].state == "damaged"
        assert session.ctx.db.execute("SELECT count(*) FROM households").fetchone()[0] == 2
        assert session.lock.held
        with pytest.raises(AlreadyOpenError):  # a second copy of the program
            service.open_session(installation)
    finally:
        session.close()
    assert not session.lock.held


def test_open_session_refuses_while_another_copy_holds_the_lock(installation):
    with InstallationLock(installation), pytest.raises(AlreadyOpenError, match="正在被使用"):
        service.open_session(installation)


def _sqlite_error(name: str, text: str) -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError(text)
    exc.sqlite_errorname = name
    return exc


@pytest.mark.parametrize(("exc", "kind", "words"), [
    (_sqlite_error("SQLITE_FULL", "database or disk is full"), recovery.DiskFullError, "磁盘空间已满"),
    (OSError(errno.ENOSPC, "No space left on device"), recovery.DiskFullError, "腾出空间"),
    (_sqlite_error("SQLITE_READONLY", "attempt to write a readonly database"), recovery.ReadOnlyError, "只读"),
    (OSError(errno.EROFS, "Read-only file system"), recovery.ReadOnlyError, "写入权限"),
    (_sqlite_error("SQLITE_BUSY", "database is locked"), recovery.FileBusyError, "另一个程序"),
    (_sqlite_error("SQLITE_IOERR_WRITE", "disk I/O error"), recovery.DiskIOError, "U盘被拔出"),
    (_sqlite_error("SQLITE_CORRUPT", "database disk image is malformed"), DatabaseDamagedError, "已损坏"),
])
def test_explain_says_what_happened_and_what_to_do(exc, kind, words):
    error = recovery.explain(exc, action="保存")
    assert isinstance(error, kind) and words in str(error)
    with pytest.raises(kind):
        with recovery.translated("保存"):
            raise exc


def test_explain_leaves_other_errors_alone():
    assert recovery.explain(ValueError("x")) is None
    with pytest.raises(KeyError), recovery.translated():
        raise KeyError("x")


def test_cli_check_db_reports_damage(installation, capsys):
    from fupin_desktop.cli.main import main

    assert main(["--data-dir", str(installation), "check-db", "--all-backups"]) == 0
    assert "检查通过" in capsys.readouterr().out
    damage_index(installation / "fupin.sqlite")
    assert main(["--data-dir", str(installation), "check-db"]) == 2
    out = capsys.readouterr().out
    assert "已损坏" in out and "可以恢复最新的完好备份" in out


def test_cli_backup_list_and_restore(installation, capsys, tmp_path):
    from fupin_desktop.cli.main import main

    args = ["--data-dir", str(installation)]
    assert main([*args, "backup"]) == 0
    assert "检查通过" in capsys.readouterr().out
    assert main([*args, "backups"]) == 0
    listing = capsys.readouterr().out
    assert "手动备份" in listing and "自动备份" in listing
    assert main([*args, "restore", "2"]) == 2  # no --yes, no terminal: nothing happens
    assert "--yes" in capsys.readouterr().err
    assert main([*args, "restore", "2", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "1 户" in out and "已从备份恢复" in out and "replaced" in out
    assert main([*args, "restore", "no-such-backup", "--yes"]) == 1
    assert "找不到备份" in capsys.readouterr().err
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text("口令123\n", "utf-8")
    stick = tmp_path / "stick"
    stick.mkdir()
    assert main([*args, "backup", "--out", str(stick), "--passphrase-file", str(passphrase)]) == 0
    sealed = next(stick.glob("*.fpbak"))
    assert main([*args, "restore", str(sealed), "--yes"]) == 1
    assert "口令" in capsys.readouterr().err
    assert main([*args, "restore", str(sealed), "--yes", "--passphrase-file", str(passphrase)]) == 0


def test_cli_restore_of_a_damaged_database_keeps_it_untouched_in_damaged(installation, capsys):
    from fupin_desktop.cli.main import main

    db_path = installation / "fupin.sqlite"
    damage_index(db_path)
    before = digest(db_path)
    assert main(["--data-dir", str(installation), "restore", "1", "--yes"]) == 0
    assert "已从备份恢复" in capsys.readouterr().out
    kept = list((installation / DAMAGED).glob("*/fupin.sqlite"))
    assert len(kept) == 1 and digest(kept[0]) == before
    assert check_file(db_path) == [] and report(installation).state == "ok"
