"""Attachments travel by SHA-256: a bundle carries the content of the links it exports (each once, counted in
the manifest); the import checks every content before writing and stores what it lacks."""

import datetime as dt
import hashlib
import random

from fupin_desktop.services import attachments as att
from fupin_desktop.services.measures import add_visit
from fupin_desktop.storage import tables as t
from fupin_desktop.sync import payload
from fupin_desktop.sync.merge import merge
from fupin_desktop.sync.verify import Keyring, check, recipient_id, table_columns
from tests.services.sample_files import PDF, png_bytes
from tests.sync import world


def _visit_with_photo(village, data: bytes, name: str = "走访照片.png") -> tuple[str, str, str]:
    hid = world.household_ids(village)[0]
    visit_id, _ = add_visit(village, hid, date=dt.date(2020, 6, 10), visitor="王干部", findings="危房已改造")
    attachment_id, _ = att.add_attachment(village, t.VISITS, visit_id, data=data, file_name=name)
    return hid, visit_id, attachment_id


def _payload_of(path, secrets, ctx) -> payload.Payload:
    """The parsed payload of a bundle file the township can open (read only; ``ctx`` gives the columns)."""
    unlocked = secrets.township
    ring = Keyring(mode="township", org_code=world.TOWNSHIP_CODE, device_id="reader",
                   recipients={recipient_id(unlocked.identity.box): unlocked.box_private})
    return check(path.read_bytes(), ring, table_columns(ctx.db)).payload


def test_a_visit_photo_reaches_the_township_with_identical_bytes(base, copies, tmp_path):
    village, township = copies("village"), copies("township_synced")
    data = png_bytes(seed=11)
    hid, visit_id, attachment_id = _visit_with_photo(village, data)
    att.add_attachment(village, t.VISITS, visit_id, data=data, file_name="同一张.png")  # same content, twice linked
    result = world.export_to(village, tmp_path / "up")
    assert result.counts[payload.BLOB_COUNT] == 1 and result.counts[t.ATTACHMENTS] == 2
    carried = _payload_of(result.path, base.secrets, township)
    assert list(carried.blobs) == [hashlib.sha256(data).hexdigest()]

    [dry] = world.import_into(township, [result.path], secrets=base.secrets, dry=True)
    assert dry.ok and dry.report.by_table[t.ATTACHMENT_BLOBS]["new"] == 1
    assert township.db.execute(f"SELECT count(*) FROM {t.ATTACHMENT_BLOBS}").fetchone()[0] == 0  # rolled back

    [p] = world.import_into(township, [result.path], secrets=base.secrets)
    assert p.applied, p.error
    [first, second] = att.attachments_of(township, t.VISITS, visit_id)
    assert (first.id, first.file_name, first.household_id, first.size) == (attachment_id, "走访照片.png", hid, len(data))
    assert second.file_name == "同一张.png" and second.sha256 == first.sha256
    assert att.read_attachment(township, attachment_id)[1] == data
    assert att.open_copy(township, attachment_id).read_bytes() == data

    # removal travels as a tombstone; the next bundle carries no content again
    att.remove_attachment(village, attachment_id, "拍错了")
    later = world.export_to(village, tmp_path / "up2")
    assert payload.BLOB_COUNT not in later.counts
    [p2] = world.import_into(township, [later.path], secrets=base.secrets)
    assert p2.applied, p2.error
    assert [a.id for a in att.attachments_of(township, t.VISITS, visit_id)] == [second.id]


def test_township_corrections_carry_their_papers_to_the_village(base, copies, tmp_path):
    village, township = copies("village"), copies("township_synced")
    _hid, visit_id, _ = _visit_with_photo(village, png_bytes(seed=3))
    [p] = world.import_into(township, [world.export_to(village, tmp_path / "up").path], secrets=base.secrets)
    assert p.applied, p.error
    paper_id, _ = att.add_attachment(township, t.VISITS, visit_id, data=PDF, file_name="核查表.pdf")
    [down] = world.export_to(township, tmp_path / "down", base.secrets)
    assert down.counts[payload.BLOB_COUNT] == 1
    [back] = world.import_into(village, [down.path], secrets=base.secrets)
    assert back.applied, back.error
    assert [a.file_name for a in att.attachments_of(village, t.VISITS, visit_id)] == ["走访照片.png", "核查表.pdf"]
    assert att.read_attachment(village, paper_id)[1] == PDF


def test_a_link_whose_content_is_neither_carried_nor_here_is_refused(base, copies, tmp_path, monkeypatch):
    village, township = copies("village"), copies("township_synced")
    _visit_with_photo(village, png_bytes(seed=5), "没带内容.png")
    monkeypatch.setattr("fupin_desktop.sync.export._blob_lines", lambda _db, _lines: [])
    result = world.export_to(village, tmp_path / "up")
    before = world.db_sha256(township)
    [p] = world.import_into(township, [result.path], secrets=base.secrets)
    assert not p.applied and "没带内容.png" in p.error and "缺少文件内容" in p.error
    assert world.db_sha256(township) == before


def test_a_link_to_content_the_township_already_has_needs_no_copy(base, copies, tmp_path, monkeypatch):
    village, township = copies("village"), copies("township_synced")
    data = png_bytes(seed=9)
    _hid, visit_id, attachment_id = _visit_with_photo(village, data)
    with township.db.atomic():
        from fupin_desktop.storage import blobs

        blobs.put(township.db, hashlib.sha256(data).hexdigest(), "image/png", data)
    monkeypatch.setattr("fupin_desktop.sync.export._blob_lines", lambda _db, _lines: [])
    [p] = world.import_into(township, [world.export_to(village, tmp_path / "up").path], secrets=base.secrets)
    assert p.applied, p.error
    assert att.read_attachment(township, attachment_id)[1] == data


def test_merge_stores_only_missing_contents(base, copies):
    township = copies("township_synced")
    data = png_bytes(seed=1)
    sha = hashlib.sha256(data).hexdigest()
    body = payload.blob_line(sha, "image/png", data)
    parsed = payload.parse_lines(body, 1, {}, corrections=False)
    assert parsed.blobs == {sha: ("image/png", data)}
    township.db.execute("BEGIN IMMEDIATE")
    try:
        first = merge(township, parsed, authority=0, source="test")
        second = merge(township, parsed, authority=0, source="test")
    finally:
        township.db.execute("ROLLBACK")
    assert first.by_table[t.ATTACHMENT_BLOBS]["new"] == 1 and t.ATTACHMENT_BLOBS not in second.by_table


def test_blob_lines_round_trip_through_the_frames():
    data = png_bytes()[:8] + random.Random(2).randbytes(300_000)  # a photo's worth of bytes that do not compress
    sha = hashlib.sha256(data).hexdigest()
    line = payload.blob_line(sha, "image/png", data)
    assert len(line) > payload.MAX_LINE  # longer than an ordinary line, allowed for an attachment
    body = b"\n".join([line])
    parsed = payload.parse_lines(payload.decompress(payload.compress(body), len(body)), 1, {}, corrections=False)
    assert parsed.blobs[sha] == ("image/png", data)
