"""Keys (township pair, trust by file or typed text, recovery sheet, device pinning and re-pinning) and writing
to the stick (temporary name, verification, stale files cleaned)."""

import pytest

from fupin_desktop.storage import tables as t
from fupin_desktop.sync import keys as k
from fupin_desktop.sync import recovery, writer
from fupin_desktop.sync.errors import KeyProblem
from tests.sync import world


def test_typed_key_text_round_trips_and_a_typo_is_refused(base):
    text = k.key_text(base.identity)
    assert k.parse_key_text(text.lower().replace("-", " "), world.TOWNSHIP_CODE).fingerprint == base.identity.fingerprint
    typo = ("B" if text[10] != "B" else "C").join((text[:10], text[11:]))
    with pytest.raises(KeyProblem, match="校验不通过"):
        k.parse_key_text(typo, world.TOWNSHIP_CODE)


def test_trust_checks_the_typed_fingerprint_and_the_township_code(base, copies, tmp_path):
    village = copies("village")
    path = k.write_public_file(base.identity, tmp_path / "township.pub")
    identity = k.read_public_file(path)
    with pytest.raises(KeyProblem, match="指纹"):
        k.trust_township(village, identity, typed_fingerprint="AAAA-BBBB")
    k.trust_township(village, identity, typed_fingerprint=identity.fingerprint.lower())
    other = k.PublicIdentity("610702999", "别的镇", identity.box, identity.sign)
    with pytest.raises(KeyProblem, match="610702999"):
        k.trust_township(village, other)
    path.write_text(path.read_text(encoding="utf-8").replace(identity.fingerprint, "X" * 39), encoding="utf-8")
    with pytest.raises(KeyProblem):
        k.read_public_file(path)


def test_recovery_sheet_restores_the_key_with_the_passphrase(base, copies, tmp_path):
    township = copies("township")
    sheet = recovery.render(township)
    assert base.identity.fingerprint in sheet and world.PASSPHRASE not in sheet
    fresh = world.open_ctx(tmp_path / "new-computer")
    fresh.set_installation("org_code", world.TOWNSHIP_CODE)
    lines = sheet.splitlines()
    bad = next(i for i, line in enumerate(lines) if line.startswith("002 "))
    broken = lines[:bad] + [lines[bad][:6] + ("A" if lines[bad][6] != "A" else "B") + lines[bad][7:]] + lines[bad + 1:]
    with pytest.raises(KeyProblem, match="第 2 行"):
        recovery.parse("\n".join(broken))
    with pytest.raises(KeyProblem, match="口令不对"):
        recovery.restore(fresh, sheet, "wrong passphrase")
    assert k.township_identity(fresh) is None
    identity = recovery.restore(fresh, sheet, world.PASSPHRASE)
    assert identity.fingerprint == base.identity.fingerprint
    assert k.unlock_township(fresh, world.PASSPHRASE).box_private == base.secrets.township.box_private
    fresh.close()


def test_a_new_device_key_needs_a_repin_with_a_reason(base, copies, tmp_path):
    township, village = copies("township_synced"), copies("village")
    village.db.execute("DELETE FROM installation WHERE key = ?", [k.DEVICE_KEY])  # the laptop was replaced
    with village.write() as w:
        w.update(t.HOUSEHOLDS, world.household_ids(village)[0], {"phone": "13300000000"})
    bundle = world.export_to(village, tmp_path).path
    [p] = world.import_into(township, [bundle], secrets=base.secrets)
    assert not p.ok and "fupin keys repin" in p.error
    with pytest.raises(KeyProblem, match="原因"):
        k.request_repin(township, village.device_id, " ")
    k.request_repin(township, village.device_id, "村里更换了电脑，已电话核实")
    [p] = world.import_into(township, [bundle], secrets=base.secrets)
    assert p.applied and p.bundle.pin == "repinned"
    rows = township.db.execute("SELECT active, reason FROM sync_device_keys WHERE device_id = ? ORDER BY active",
                               [village.device_id]).fetchall()
    assert rows == [(0, "首次导入时绑定"), (1, "村里更换了电脑，已电话核实")]


def test_export_writes_under_a_temporary_name_and_cleans_stale_ones(base, copies, tmp_path, monkeypatch):
    village = copies("village")
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "up_old_1.fpb.part").write_bytes(b"half a file")
    seen = []
    real = writer.verify_written

    def spy(data, sealed):
        seen.append(sorted(p.name for p in stick.iterdir()))
        real(data, sealed)

    monkeypatch.setattr(writer, "verify_written", spy)
    with village.write() as w:
        w.update(t.HOUSEHOLDS, world.household_ids(village)[0], {"phone": "13200000000"})
    result = world.export_to(village, stick)
    assert seen and seen[0] == [result.path.name + ".part"]  # verified before the rename, stale file gone
    assert sorted(p.name for p in stick.iterdir()) == [result.path.name]


def test_a_failed_verification_leaves_no_file_and_no_cursor(base, copies, tmp_path, monkeypatch):
    from fupin_desktop.sync.errors import SyncError

    village = copies("village")
    before = village.db.execute("SELECT count(*) FROM sync_exports").fetchone()[0]

    def broken(_data, _sealed):
        raise SyncError("写入U盘后读回的文件校验不符")

    monkeypatch.setattr(writer, "verify_written", broken)
    with pytest.raises(SyncError):
        world.export_to(village, tmp_path / "stick")
    assert list((tmp_path / "stick").iterdir()) == []
    assert village.db.execute("SELECT count(*) FROM sync_exports").fetchone()[0] == before


def test_an_escrow_key_can_open_the_village_bundle_too(base, copies, tmp_path):
    import json

    from fupin_desktop.sync import container, crypto, verify

    village = copies("village")
    box_private, box_public = crypto.x25519_generate()
    k.add_escrow(village, k.PublicIdentity("610702000", "县扶贫办", box_public, crypto.ed25519_generate()[1]))
    with village.write() as w:
        w.update(t.HOUSEHOLDS, world.household_ids(village)[0], {"phone": "13100000000"})
    data = world.export_to(village, tmp_path).path.read_bytes()
    manifest = json.loads(container.read(data).manifest_bytes)
    entries = {e["key"]: e for e in manifest["crypto"]["recipients"]}
    assert set(entries) == {verify.recipient_id(base.identity.box), verify.recipient_id(box_public)}
    key = crypto.unwrap_key(box_private, entries[verify.recipient_id(box_public)], manifest["bundle_id"].encode())
    assert len(key) == 32
