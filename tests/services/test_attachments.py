"""Attachments of visits and exit steps: checked whole before writing, stored by SHA-256, linked through the
change log, listed, opened as a read-only copy, removed with a reason."""

import datetime as dt
import hashlib

import pytest

from fupin_desktop.services import attachments as att
from fupin_desktop.services import exits, ledger
from fupin_desktop.services.errors import NotFoundError, ValidationError
from fupin_desktop.services.measures import add_visit
from fupin_desktop.storage import tables as t
from tests.services.sample_files import JPEG, PDF, png_bytes


@pytest.fixture
def visit(ctx, household):
    visit_id, _ = add_visit(ctx, household, date=dt.date(2020, 6, 10), visitor="王干部", findings="住房已改造")
    return visit_id


@pytest.fixture
def step(ctx, household):
    ledger.add_entry(ctx, household, date=dt.date(2020, 1, 5), category="11", amount_fen=1_500_000)
    step_id, _ = exits.record_step(ctx, household, "1", date=dt.date(2020, 5, 1), actor="村两委")
    return step_id


def _counts(ctx) -> tuple:
    return tuple(ctx.db.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
                 for name in (t.ATTACHMENTS, t.ATTACHMENT_BLOBS, t.CHANGELOG))


def test_a_photo_is_stored_once_by_its_hash_and_linked_through_the_change_log(ctx, household, visit, tmp_path):
    photo = tmp_path / "走访照片.png"
    data = png_bytes()
    photo.write_bytes(data)
    attachment_id, changes = att.add_attachment(ctx, t.VISITS, visit, photo)
    assert changes.tables == {t.ATTACHMENTS} and changes.household_ids == {household}
    assert attachment_id in changes.row_ids
    [item] = att.attachments_of(ctx, t.VISITS, visit)
    assert (item.id, item.file_name, item.size, item.mime, item.household_id) == (
        attachment_id, "走访照片.png", len(data), "image/png", household)
    assert item.sha256 == hashlib.sha256(data).hexdigest()
    logged = ctx.db.execute(f"SELECT field, reason FROM {t.CHANGELOG} WHERE tbl = ? AND row_id = ?",
                            [t.ATTACHMENTS, attachment_id]).fetchall()
    assert logged == [("*", "添加附件：走访照片.png")]
    # the same content again (another name, another owner) is linked, not stored twice
    second, _ = att.add_attachment(ctx, t.VISITS, visit, data=data, file_name="副本.png")
    assert ctx.db.execute(f"SELECT count(*) FROM {t.ATTACHMENT_BLOBS}").fetchone()[0] == 1
    assert [a.id for a in att.attachments_of(ctx, t.VISITS, visit)] == [attachment_id, second]
    assert list(att.attachments_of_household(ctx, household)) == [(t.VISITS, visit)]


def test_exit_step_papers_jpg_and_pdf(ctx, household, step):
    att.add_attachment(ctx, t.EXIT_STEPS, step, data=JPEG, file_name="评议现场.JPEG")
    att.add_attachment(ctx, t.EXIT_STEPS, step, data=PDF, file_name="民主评议记录.pdf")
    found = att.attachments_of(ctx, t.EXIT_STEPS, step)
    assert [(a.file_name, a.mime) for a in found] == [("评议现场.JPEG", "image/jpeg"),
                                                      ("民主评议记录.pdf", "application/pdf")]
    assert list(att.attachments_of_household(ctx, household)) == [(t.EXIT_STEPS, step)]


@pytest.mark.parametrize(("name", "data", "message"), [
    ("照片.png", b"", "是空的"),
    ("病毒.exe", b"MZ" + b"\0" * 100, "只能添加 JPG、PNG 照片或 PDF"),
    ("没有扩展名", png_bytes(), "只能添加 JPG、PNG 照片或 PDF"),
    ("假照片.jpg", b"just some text, renamed", "内容不是 JPG、PNG 照片或 PDF"),
    ("改名.pdf", png_bytes(), "扩展名表示PDF 文件，内容却是PNG 图片"),
    ("太大.jpg", JPEG[:3] + b"\0" * (10 * 1024 * 1024 - 2), "10,485,761 字节，超过了每个附件 10 MB 的上限"),
])
def test_wrong_files_are_refused_and_nothing_is_written(ctx, visit, name, data, message):
    before = _counts(ctx)
    with pytest.raises(ValidationError, match=message):
        att.add_attachment(ctx, t.VISITS, visit, data=data, file_name=name)
    assert _counts(ctx) == before


def test_a_file_over_the_limit_is_refused_before_reading_it(ctx, visit, tmp_path, monkeypatch):
    big = tmp_path / "大照片.jpg"
    with open(big, "wb") as handle:
        handle.write(JPEG[:3])
        handle.truncate(10 * 1024 * 1024 + 1)
    monkeypatch.setattr(att, "open", lambda *a, **k: pytest.fail("read a file that is too large"), raising=False)
    with pytest.raises(ValidationError, match="大照片.jpg.*超过了"):
        att.add_attachment(ctx, t.VISITS, visit, big)
    with pytest.raises(ValidationError, match="找不到文件"):
        att.add_attachment(ctx, t.VISITS, visit, tmp_path / "没有这个.png")
    monkeypatch.undo()
    exactly = tmp_path / "刚好.jpg"
    exactly.write_bytes(JPEG[:3] + b"\0" * (10 * 1024 * 1024 - 3))
    att.add_attachment(ctx, t.VISITS, visit, exactly)


def test_a_failed_write_leaves_no_blob_behind(ctx, visit, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("disk gone")

    monkeypatch.setattr("fupin_desktop.storage.changelog.ChangeWriter.insert", broken)
    before = _counts(ctx)
    with pytest.raises(RuntimeError):
        att.add_attachment(ctx, t.VISITS, visit, data=png_bytes(), file_name="照片.png")
    assert _counts(ctx) == before


def test_owner_must_exist(ctx, household, visit):
    with pytest.raises(NotFoundError, match="找不到这条走访记录"):
        att.add_attachment(ctx, t.VISITS, "no-such-visit", data=png_bytes(), file_name="a.png")
    with pytest.raises(ValidationError, match="只能加在走访记录或退出程序记录上"):
        att.add_attachment(ctx, t.MEMBERS, visit, data=png_bytes(), file_name="a.png")
    from fupin_desktop.services.households import delete_household

    delete_household(ctx, household, "重复建档")
    with pytest.raises(NotFoundError, match="档案已删除"):
        att.add_attachment(ctx, t.VISITS, visit, data=png_bytes(), file_name="a.png")


def test_open_writes_a_read_only_copy_with_the_same_bytes(ctx, visit):
    data = png_bytes(seed=7)
    attachment_id, _ = att.add_attachment(ctx, t.VISITS, visit, data=data, file_name="../../逃出去.png")
    copy = att.open_copy(ctx, attachment_id)
    assert copy.name == "逃出去.png" and copy.parent.parent == ctx.data_dir / att.OPENED_DIR
    assert copy.read_bytes() == data
    assert att.open_copy(ctx, attachment_id) == copy
    ctx.db.execute(f"UPDATE {t.ATTACHMENT_BLOBS} SET data = ? WHERE sha256 = ?",
                   [b"\x89PNG\r\n\x1a\n broken", hashlib.sha256(data).hexdigest()])
    with pytest.raises(ValidationError, match="内容校验不符"):
        att.open_copy(ctx, attachment_id)


def test_remove_is_a_tombstone_with_its_reason(ctx, household, visit):
    attachment_id, _ = att.add_attachment(ctx, t.VISITS, visit, data=png_bytes(), file_name="照片.png")
    with pytest.raises(ValidationError, match="原因"):
        att.remove_attachment(ctx, attachment_id, "  ")
    changed, changes = att.remove_attachment(ctx, attachment_id, "拍错了户")
    assert changed == {"deleted": (0, 1)}
    assert changes.tables == {t.ATTACHMENTS} and changes.household_ids == {household}
    assert att.attachments_of(ctx, t.VISITS, visit) == []
    assert [a.deleted for a in att.attachments_of(ctx, t.VISITS, visit, include_deleted=True)] == [True]
    assert ctx.db.execute(f"SELECT reason FROM {t.CHANGELOG} WHERE tbl = ? AND row_id = ? AND field = 'deleted'",
                          [t.ATTACHMENTS, attachment_id]).fetchone()[0] == "拍错了户"
    assert ctx.db.execute(f"SELECT count(*) FROM {t.ATTACHMENT_BLOBS}").fetchone()[0] == 1  # never hard-deleted
    with pytest.raises(NotFoundError):
        att.remove_attachment(ctx, attachment_id, "再删一次")
    with pytest.raises(NotFoundError):
        att.open_copy(ctx, attachment_id)


def test_a_link_cannot_point_at_content_that_is_not_stored(ctx, household, visit):
    import sqlite3

    with pytest.raises(sqlite3.IntegrityError):
        ctx.db.execute(f"INSERT INTO {t.ATTACHMENTS} (id, household_id, owner_table, owner_id, sha256)"
                       " VALUES ('x', ?, 'visits', ?, ?)", [household, visit, "0" * 64])


def test_ctrl_z_after_adding_an_attachment_takes_that_attachment_back(ctx, household, visit):
    """Undo reverts the household's newest local operation: after adding a photo that is the photo (removed
    as a tombstone), not the visit entered before it; undoing the removal would bring it back."""
    from fupin_desktop.services import undo

    attachment_id, _ = att.add_attachment(ctx, t.VISITS, visit, data=png_bytes(), file_name="照片.png")
    preview = undo.last_operation(ctx, household)
    assert not preview.refused and {e.table for e in preview.entries} == {t.ATTACHMENTS}
    undo.undo_last(ctx, household)
    assert att.attachments_of(ctx, t.VISITS, visit) == []
    assert ctx.db.execute(f"SELECT deleted FROM {t.VISITS} WHERE id = ?", [visit]).fetchone()[0] == 0
