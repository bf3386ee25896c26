"""SYNC.md §4 merge rules, each through real bundles between a village and its township."""

import uuid

from fupin_desktop.storage import tables as t
from fupin_desktop.sync import conflicts, duplicates, importer, status
from tests.sync import world


def _roundtrip(source, target, folder, base):
    result = world.export_to(source, folder, base.secrets)
    results = result if isinstance(result, list) else [result]
    prepared = world.import_into(target, [r.path for r in results], secrets=base.secrets)
    for p in prepared:
        assert p.applied, p.error
    return prepared


def _value(ctx, table, row_id, field):
    return ctx.db.execute(f'SELECT "{field}" FROM {table} WHERE id = ?', [row_id]).fetchone()[0]


def test_parallel_edits_of_different_fields_both_apply(base, copies, tmp_path):
    village, township = copies("village"), copies("township_synced")
    hid = world.household_ids(village)[0]
    with village.write() as w:
        w.update(t.HOUSEHOLDS, hid, {"phone": "13900000002"})
    with township.write() as w:
        w.update(t.HOUSEHOLDS, hid, {"bank": "信用社"})
    [p] = _roundtrip(village, township, tmp_path / "up", base)
    assert p.report.updated == 1 and p.report.conflicts == 0 and p.report.parallel == 1
    _roundtrip(township, village, tmp_path / "down", base)
    for ctx in (village, township):
        assert (_value(ctx, t.HOUSEHOLDS, hid, "phone"), _value(ctx, t.HOUSEHOLDS, hid, "bank")) == \
            ("13900000002", "信用社")
        assert conflicts.open_conflicts(ctx.db) == []


def test_same_field_kept_both_ways_and_resolution_travels(base, copies, tmp_path):
    village, township = copies("village"), copies("township_synced")
    hid = world.household_ids(village)[0]
    with village.write() as w:
        w.update(t.HOUSEHOLDS, hid, {"address": "村：一组3号"})
    with township.write() as w:
        w.update(t.HOUSEHOLDS, hid, {"address": "镇：一组5号"})
    [p] = _roundtrip(village, township, tmp_path / "up", base)
    assert p.report.conflicts == 1 and p.report.conflict_fields == [(t.HOUSEHOLDS, hid, "address")]
    [item] = conflicts.open_conflicts(township.db)
    assert item["status_label"] == "需核实"
    assert sorted(h["value"] for h in item["heads"]) == ["村：一组3号", "镇：一组5号"]
    assert _value(township, t.HOUSEHOLDS, hid, "address") == "镇：一组5号"  # township authority
    _roundtrip(township, village, tmp_path / "down", base)
    assert _value(village, t.HOUSEHOLDS, hid, "address") == "镇：一组5号"
    assert len(conflicts.open_conflicts(village.db)) == 1
    village_head = next(h for h in item["heads"] if h["value"] == "村：一组3号")
    conflicts.resolve(township, item["id"], choice=village_head["stamp"], reason="电话核实")
    assert conflicts.open_conflicts(township.db) == []
    assert _value(township, t.HOUSEHOLDS, hid, "address") == "村：一组3号"
    _roundtrip(township, village, tmp_path / "down2", base)
    assert _value(village, t.HOUSEHOLDS, hid, "address") == "村：一组3号"
    assert conflicts.open_conflicts(village.db) == []


def test_township_owned_field_from_village_is_refused_and_acknowledged(base, copies, tmp_path):
    village, township = copies("village"), copies("township_synced")
    hid = world.household_ids(village)[0]
    before = _value(township, t.HOUSEHOLDS, hid, "number")
    with village.write() as w:
        w.update(t.HOUSEHOLDS, hid, {"number": "9999", "exit_status": "1", "phone": "13900000003"})
    [p] = _roundtrip(village, township, tmp_path / "up", base)
    assert p.report.refused == 2 and p.report.updated == 1
    assert _value(township, t.HOUSEHOLDS, hid, "number") == before
    assert _value(township, t.HOUSEHOLDS, hid, "exit_status") == "0"
    _roundtrip(township, village, tmp_path / "down", base)
    state = status.village_status(village)
    assert {r["field"] for r in state["refused"]} == {"number", "exit_status"}
    assert all(e["acked"] for e in state["exports"]) and state["accepted_changes"] > 0
    assert status.record_state(village.db, t.HOUSEHOLDS, hid, village.device_id) == "refused"
    other = world.household_ids(village)[1]
    assert status.record_state(village.db, t.HOUSEHOLDS, other, village.device_id) == "accepted"


def test_tombstone_wins_over_a_concurrent_update(base, copies, tmp_path):
    village, township = copies("village"), copies("township_synced")
    member = village.db.execute("SELECT id FROM members ORDER BY id LIMIT 1").fetchone()[0]
    with village.write() as w:
        w.tombstone(t.MEMBERS, member, "迁出")
    with township.write() as w:
        w.update(t.MEMBERS, member, {"deleted": 0, "phone": "13700000000"})
        w.update(t.MEMBERS, member, {"deleted": 0})
    _roundtrip(village, township, tmp_path / "up", base)
    _roundtrip(township, village, tmp_path / "down", base)
    for ctx in (village, township):
        assert _value(ctx, t.MEMBERS, member, "deleted") == 1
        assert _value(ctx, t.MEMBERS, member, "phone") == "13700000000"


def test_children_are_held_until_their_parent_arrives(base, copies, tmp_path):
    village, township = copies("village"), copies("township_synced")
    village_id = village.db.execute("SELECT id FROM villages").fetchone()[0]
    hid = str(uuid.uuid4())
    with village.write() as w:
        w.insert(t.HOUSEHOLDS, {"id": hid, "village_id": village_id, "number": "X1"})
    first = world.export_to(village, tmp_path / "one")
    with village.write() as w:
        w.insert(t.MEMBERS, {"household_id": hid, "name": "新成员", "id_number": "610702199901011234"})
        w.append_ledger({"household_id": hid, "date": "2020-05-01", "category": "11", "amount_fen": 500})
    second = world.export_to(village, tmp_path / "two")
    [p2] = world.import_into(township, [second.path], secrets=base.secrets)
    assert p2.applied and p2.gap == (2, 2) and p2.report.held == 2
    assert township.db.execute("SELECT count(*) FROM sync_held").fetchone()[0] == 2
    [p1] = world.import_into(township, [first.path], secrets=base.secrets)
    assert p1.applied and p1.report.released == 2
    assert township.db.execute("SELECT count(*) FROM sync_held").fetchone()[0] == 0
    assert township.db.execute("SELECT count(*) FROM members WHERE household_id = ?", [hid]).fetchone()[0] == 1
    assert township.db.execute("SELECT count(*) FROM ledger WHERE household_id = ?", [hid]).fetchone()[0] == 1
    assert township.db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_duplicate_id_numbers_are_listed_never_merged(base, copies, tmp_path):
    township = copies("township_synced")
    other = world.make_village(tmp_path / "other", base.identity, code="610702101202", households=2)
    [p] = _roundtrip(other, township, tmp_path / "up", base)
    assert p.report.duplicates == 4
    found = duplicates.open_duplicates(township.db)
    assert len(found) == 4 and all(d["a"]["village"] != d["b"]["village"] for d in found)
    assert township.db.execute("SELECT count(*) FROM members").fetchone()[0] == 10
    duplicates.resolve_duplicate(township, found[0]["id"], keep="a", reason="同一人，保留原村")
    assert _value(township, t.MEMBERS, found[0]["member_b"], "deleted") == 1
    duplicates.resolve_duplicate(township, found[1]["id"], keep="both", reason="不是同一人")
    assert len(duplicates.open_duplicates(township.db)) == 2
    other.close()


def test_exited_household_is_not_reopened_but_flagged(base, copies, tmp_path):
    village, township = copies("village"), copies("township_synced")
    hid = world.household_ids(village)[0]
    with township.write() as w:
        w.update(t.HOUSEHOLDS, hid, {"exit_status": "1", "exit_year": 2020}, reason="乡镇审核销号")
    _roundtrip(township, village, tmp_path / "down", base)
    assert _value(village, t.HOUSEHOLDS, hid, "exit_status") == "1"
    with village.write() as w:
        w.update(t.HOUSEHOLDS, hid, {"exit_status": "0", "phone": "13600000000"})
    [p] = _roundtrip(village, township, tmp_path / "up", base)
    assert _value(township, t.HOUSEHOLDS, hid, "exit_status") == "1"
    assert _value(township, t.HOUSEHOLDS, hid, "phone") == "13600000000"
    assert p.report.refused == 1 and p.report.flagged >= 1


def test_passphrase_export_without_township_key(base, copies, tmp_path):
    from fupin_desktop.sync import export
    from fupin_desktop.sync.errors import PassphraseNeeded

    village, township = copies("village"), copies("township_synced")
    village.db.execute("DELETE FROM installation WHERE key = 'trusted_township'")
    with village.write() as w:
        w.update(t.HOUSEHOLDS, world.household_ids(village)[0], {"phone": "13500000000"})
    try:
        export.export_changes(village, tmp_path)
        raise AssertionError("expected PassphraseNeeded")
    except PassphraseNeeded as exc:
        assert "口令" in str(exc)
    result = export.export_changes(village, tmp_path, passphrase="village-pass", passphrase_repeat="village-pass")
    assert "口令" in result.warning
    wrong = importer.Secrets(township=base.secrets.township, bundle_passphrase="wrong-pass")
    [p] = world.import_into(township, [result.path], secrets=wrong)
    assert not p.ok and "口令" in p.error
    right = importer.Secrets(township=base.secrets.township, bundle_passphrase="village-pass")
    [p] = world.import_into(township, [result.path], secrets=right)
    assert p.applied and p.report.updated == 1


def test_dry_run_changes_nothing(base, copies, tmp_path):
    village, township = copies("village"), copies("township_synced")
    with village.write() as w:
        w.update(t.HOUSEHOLDS, world.household_ids(village)[0], {"phone": "13400000000"})
    result = world.export_to(village, tmp_path)
    before = world.db_sha256(township)
    [p] = world.import_into(township, [result.path], secrets=base.secrets, dry=True)
    assert p.report.updated == 1 and not p.applied
    assert world.db_sha256(township) == before


def test_a_village_cannot_change_another_villages_records(base, copies, tmp_path):
    from fupin_desktop.sync import keys as k
    from tests.sync.hostile_kit import change_line, craft

    village, township = copies("village"), copies("township_synced")
    with township.db.atomic():
        township.db.execute("INSERT INTO villages (id, code, name) VALUES ('v-9', '610702101209', '别村')")
        township.db.execute("INSERT INTO households (id, village_id, phone) VALUES ('h-9', 'v-9', '1')")
    data = craft(k.device_keys(village), org=world.VILLAGE_CODE, target=world.TOWNSHIP_CODE,
                 box_public=base.identity.box, lines=[change_line("households", "h-9", "phone", "2", village.hlc.tick())])
    path = tmp_path / "forged.fpb"
    path.write_bytes(data)
    [p] = world.import_into(township, [path], secrets=base.secrets)
    assert p.applied and p.report.refused == 1 and "来源村" in p.report.refusals[0][4]
    assert _value(township, t.HOUSEHOLDS, "h-9", "phone") == "1"
