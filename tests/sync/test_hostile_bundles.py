"""At least 200 hostile bundles, all refused before any write with a Chinese message; the database file's
SHA-256 is unchanged (SYNC.md §1.4, QUALITY.md R2)."""

import base64
import hashlib
import json
import random
import re
import zlib

import pytest

from fupin_desktop.sync import container, crypto, importer, payload
from fupin_desktop.sync import keys as k
from tests.services.sample_files import png_bytes
from tests.sync import world
from tests.sync.hostile_kit import change_line, craft, rezip, zip_bomb_payload

CHINESE = re.compile(r"[\u4e00-\u9fff]")
SEED = 20200615


@pytest.fixture(scope="module")
def scene(base, tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    township = world.open_ctx(world.copy_installation(base.township_synced, root / "township"))
    village = world.open_ctx(world.copy_installation(base.village, root / "village"))
    device = k.device_keys(village)
    hid = world.household_ids(village)[0]
    stamp = village.hlc.tick()
    good_lines = [change_line("households", hid, "phone", "13900000009", stamp)]
    common = {"org": world.VILLAGE_CODE, "target": world.TOWNSHIP_CODE, "box_public": base.identity.box}
    good = craft(device, lines=good_lines, **common)
    village.close()
    other_village, other_household = "v-" + "2" * 10, "h-" + "2" * 10
    with township.db.atomic():
        township.db.execute("INSERT INTO villages (id, code, name) VALUES (?, '610702101209', '别村')", [other_village])
        township.db.execute("INSERT INTO households (id, village_id) VALUES (?, ?)", [other_household, other_village])
        township.db.execute("INSERT INTO helpers (id, name) VALUES ('p-other', '别村干部')")
        township.db.execute("INSERT INTO pairings (id, household_id, helper_id, start_date)"
                            " VALUES ('pr-other', ?, 'p-other', '2020-01-01')", [other_household])
    yield {"township": township, "other_household": other_household, "device": device, "hid": hid, "stamp": stamp, "good": good, "common": common,
           "lines": good_lines, "root": root, "base": base}
    township.close()


def _cases(scene) -> list[tuple[str, bytes]]:
    rng = random.Random(SEED)
    good, device, common, lines = scene["good"], scene["device"], scene["common"], scene["lines"]
    hid, stamp, base = scene["hid"], scene["stamp"], scene["base"]

    def signed(**kw):
        return craft(device, **{**common, "lines": lines, **kw})

    cases = []
    size = len(good)
    lengths = sorted({0, 1, 2, 4, 10, 22, 29, 30, 31, 64, 100, size - 1, size - 2, size - 22, size - 23, size // 2}
                     | {int(size * i / 45) for i in range(1, 45)})
    cases += [(f"truncated to {n}", good[:n]) for n in lengths if 0 <= n < size]
    positions = sorted({rng.randrange(size) for _ in range(70)} | {0, 1, 8, 14, 26, 30, size - 1, size - 10, size - 20})
    for pos in positions:
        flipped = bytearray(good)
        flipped[pos] ^= 1 << rng.randrange(8)
        cases.append((f"bit flip at {pos}", bytes(flipped)))
    cases.append(("appended junk", good + b"PK\x05\x06junk"))
    cases.append(("prepended junk", b"MZ" + good))
    # keys and signatures
    other_box = crypto.x25519_generate()[1]
    cases.append(("encrypted to another township", signed(box_public=other_box)))
    cases.append(("no recipient at all", signed(box_public=None,
                                                passphrase_box=lambda key, aad: crypto.seal_with_passphrase("x" * 9, key, aad))))
    other_sign = crypto.ed25519_generate()[0]
    cases.append(("signed by another key", signed(sign_with=other_sign)))
    cases.append(("random signature", container.build(*_parts(good)[:1], crypto.random_bytes(64), _parts(good)[2])))
    m, sig, ct = _parts(good)
    altered = json.loads(m)
    altered["seq"] = 7
    cases.append(("manifest changed after signing", container.build(_canon(altered), sig, ct)))
    cases.append(("signature of another manifest", container.build(m, _parts(signed())[1], ct)))
    cases.append(("payload swapped", container.build(m, sig, _parts(signed())[2])))
    forged = k.DeviceKeys(device.device_id, *crypto.ed25519_generate(), device.box_private, device.box_public)
    cases.append(("forged device key", craft(forged, **{**common, "lines": lines})))
    cases.append(("bad wrapped key", signed(patch=lambda m: m["crypto"]["recipients"][0].update(
        wrapped=crypto.b64(crypto.random_bytes(48))))))
    cases.append(("bad nonce", signed(patch=lambda m: m["crypto"].update(nonce=crypto.b64(crypto.random_bytes(12))))))
    cases.append(("ciphertext tampered, hash updated", signed(ciphertext_patch=lambda c: c[:-1] + bytes([c[-1] ^ 1]))))
    cases.append(("plaintext hash wrong", signed(patch=lambda m: m["sha256"].update(plaintext="0" * 64))))
    cases.append(("ciphertext hash wrong", signed(patch=lambda m: m["sha256"].update(ciphertext="f" * 64))))
    cases.append(("hostile scrypt cost", signed(box_public=None, passphrase_box=lambda key, aad: {
        **crypto.seal_with_passphrase("x" * 9, key, aad), "n": 2**20})))
    # addressing
    cases.append(("for another township", signed(target="610702102")))
    cases.append(("village of another township", signed(org="610702102201")))
    cases.append(("corrections sent to a township", signed(kind="township_corrections", role="township")))
    cases.append(("role says township", signed(role="township")))
    cases.append(("device pinned to another village", signed(org="610702101299")))
    # versions
    cases.append(("newer min reader", signed(patch=lambda m: m.update(format=2, min_reader=2))))
    cases.append(("much newer format", signed(patch=lambda m: m.update(format=99, min_reader=50))))
    cases.append(("unknown aead", signed(patch=lambda m: m["crypto"].update(aead="SM4-GCM"))))
    cases.append(("unknown compression", signed(patch=lambda m: m["profile"].update(compression="lzma"))))
    # replays
    cases.append(("replayed first bundle", base.bundle.read_bytes()))
    cases.append(("same seq, new bundle id", signed(seq=1, prev_seq=0)))
    # manifest garbage
    for label, value in (("not json", b"{nope"), ("json list", b"[1,2]"), ("huge", b" " * (70 * 1024)),
                         ("not utf-8", b"\xff\xfe{}")):
        cases.append((f"manifest {label}", signed(patch=lambda m, v=value: v)))
    for label, change in (("seq as text", {"seq": "2"}), ("prev ≥ seq", {"prev_seq": 5}), ("bad kind", {"kind": "x"}),
                          ("bad uuid", {"bundle_id": "../../etc"}), ("no crypto", {"crypto": None}),
                          ("bool seq", {"seq": True}), ("negative seq", {"seq": -1}), ("bad org", {"target": {"org": "x"}}),
                          ("counts not dict", {"counts": []}), ("bad clock", {"clock": {"min": "x", "max": ""}})):
        cases.append((f"manifest {label}", signed(patch=lambda m, c=change: m.update(c))))
    cases.append(("manifest missing hashes", signed(patch=lambda m: m.pop("sha256"))))
    # zip structure: slip names, bombs, duplicates
    for name in ("../../evil.txt", "/etc/passwd", "..\\evil.txt", "payload.bin/../../x", "C:/evil", "sub/manifest.json"):
        cases.append((f"zip slip {name}", rezip(good, extra=[(name, b"owned")])))
        cases.append((f"renamed member {name}", rezip(good, rename={"payload.bin": name})))
    cases.append(("deflated payload", rezip(good, compress="payload.bin")))
    cases.append(("deflated manifest", rezip(good, compress="manifest.json")))
    cases.append(("duplicate manifest", rezip(good, duplicate="manifest.json")))
    cases.append(("missing payload", rezip(good, drop="payload.bin")))
    cases.append(("missing signature", rezip(good, drop="manifest.sig")))
    cases.append(("zip bomb member", zip_bomb_payload(good)))
    bomb = zlib.compress(b"[" + b" " * (50 * 1024 * 1024) + b"]", 9)
    framed = len(bomb).to_bytes(4, "big") + bomb
    cases.append(("zlib bomb, small declared size", signed(compressed=framed, payload_bytes=1000, line_count=1)))
    cases.append(("zlib bomb, large declared size", signed(compressed=framed, payload_bytes=60 * 1024**2, line_count=1)))
    cases.append(("frame length past the end", signed(compressed=(10**6).to_bytes(4, "big") + bomb[:100])))
    cases.append(("many empty frames", signed(compressed=b"".join(
        len(e).to_bytes(4, "big") + e for e in [zlib.compress(b"")] * 5000))))
    cases.append(("declared size too large", signed(payload_bytes=2 * 1024**3)))
    cases.append(("declared size too small", signed(payload_bytes=10)))
    cases.append(("not zlib", signed(compressed=b"plain text, not compressed")))
    cases.append(("trailing data after frames", signed(compressed=payload.compress(b"\n".join(lines)) + b"x")))
    one = zlib.compress(b"\n".join(lines))
    cases.append(("trailing data inside a frame", signed(compressed=(len(one) + 1).to_bytes(4, "big") + one + b"x")))
    # lines
    bad_lines = {
        "oversized line": change_line("households", hid, "address", "长" * 30000, stamp),
        "line over the cap": b"[" + b'"x",' * 20000 + b'"x"]',
        "not json": b"{{{",
        "object not list": b'{"v": 1}',
        "empty list": b"[]",
        "unknown kind": b'["z", 1]',
        "unknown table": change_line("sqlite_master", hid, "sql", "x", stamp),
        "ledger as version": change_line("ledger", hid, "amount_fen", 1, stamp),
        "unknown field": change_line("households", hid, "evil; DROP TABLE", "x", stamp),
        "derived field": change_line("households", hid, "head_name", "x", stamp),
        "row stamp field": change_line("households", hid, "updated_hlc", "x", stamp),
        "id field": change_line("households", hid, "id", "x", stamp),
        "bad stamp": change_line("households", hid, "phone", "x", "yesterday"),
        "bad base": change_line("households", hid, "phone", "x", stamp, bases=["nope"]),
        "nested value": change_line("households", hid, "phone", {"a": 1}, stamp),
        "list value": change_line("households", hid, "phone", [1, 2], stamp),
        "NaN value": change_line("households", hid, "farmland_mu", 1, stamp).replace(b",1,", b",NaN,"),
        "huge int": change_line("households", hid, "people", 10**30, stamp),
        "text too long": change_line("households", hid, "address", "x" * 20000, stamp),
        "bad row id": change_line("households", "../../x", "phone", "x", stamp),
        "row without id": change_line("households", hid, "*", {"village_id": "x"}, stamp),
        "row id mismatch": change_line("households", hid, "*", {"id": "other"}, stamp),
        "row with unknown column": change_line("households", hid, "*", {"id": hid, "evil": 1}, stamp),
        "short version line": b'["v","households"]',
        "ledger short": b'["l","a","b"]',
        "ledger bool amount": json.dumps(["l", "a1", hid, "2020-01-01", "11", True, None, "", "", "", "", stamp,
                                          device.device_id, "", ""]).encode(),
        "ledger bad date": json.dumps(["l", "a1", hid, "1/1/2020", "11", 1, None, "", "", "", "", stamp,
                                       device.device_id, "", ""]).encode(),
        "ack in a village bundle": json.dumps(["a", "00000000-0000-0000-0000-000000000000", "d", 1, 0, 0]).encode(),
        "refusal in a village bundle": json.dumps(["r", "households", hid, "phone", stamp, "x"]).encode(),
        "deep nesting": b"[" * 5000 + b"]" * 5000,
        "empty line": b"",
        "bom": "\ufeff".encode() + lines[0],
        "lone surrogate": change_line("households", hid, "address", "x", stamp).replace(b'"x"', b'"\\ud800"'),
        "invalid utf-8": change_line("households", hid, "address", "x", stamp).replace(b'"x"', b'"\xff\xfe"'),
        "ledger NaN quantity": json.dumps(["l", "a1", hid, "2020-01-01", "11", 1, 0.5, "", "", "", "", stamp,
                                           device.device_id, "", ""]).encode().replace(b"0.5", b"NaN"),
        "ledger device not the stamp's": json.dumps(["l", "a1", hid, "2020-01-01", "11", 1, None, "", "", "", "",
                                                     stamp, "someone-else", "", ""]).encode(),
        "ledger amount too large": json.dumps(["l", "a1", hid, "2020-01-01", "11", 2**60, None, "", "", "", "",
                                               stamp, device.device_id, "", ""]).encode(),
    }
    for label, line in bad_lines.items():
        cases.append((f"line: {label}", signed(lines=[*lines, line])))
    other_household = {"id": "h-other", "village_id": "v-other", "number": "1"}
    cases.append(("household of another village", signed(lines=[change_line("households", "h-other", "*",
                                                                             other_household, stamp)])))
    cases.append(("village row of another village", signed(lines=[change_line(
        "villages", "v-other", "*", {"id": "v-other", "code": "610702101202", "name": "别村"}, stamp)])))
    cases.append(("member for another village's household", signed(lines=[change_line(
        "members", "m-x", "*", {"id": "m-x", "household_id": scene["other_household"], "name": "某"}, stamp)])))
    cases.append(("book entry for another village's household", signed(lines=[*lines, json.dumps(
        ["l", "a-other", scene["other_household"], "2020-01-01", "11", 1, None, "", "", "", "", stamp,
         device.device_id, "", ""]).encode()])))
    cases.append(("驻村 days for another village's helper", signed(lines=[change_line(
        "attendance", "at-x", "*", {"id": "at-x", "helper_id": "p-other", "month": "2020-05", "days": 22}, stamp)])))
    cases.append(("more lines than declared", signed(line_count=5)))
    cases.append(("fewer lines than declared", signed(lines=[*lines, *lines], line_count=1)))
    cases += _attachment_cases(scene, signed)
    return cases


def _link(hid: str, stamp: str, sha: str, name: str = "照片.png") -> bytes:
    return change_line("attachments", "att-1", "*", {"id": "att-1", "household_id": hid, "owner_table": "visits",
                                                     "owner_id": "visit-1", "sha256": sha, "file_name": name,
                                                     "deleted": 0}, stamp)


def _with_blobs(count: int):
    return lambda m: m["counts"].update(blobs=count)


def _attachment_cases(scene, signed) -> list[tuple[str, bytes]]:
    """Attachments: every content is checked against its hash, size and type, and every link has its content."""
    hid, stamp = scene["hid"], scene["stamp"]
    photo = png_bytes(seed=1)
    sha = hashlib.sha256(photo).hexdigest()
    other = png_bytes(seed=2)
    huge = photo[:8] + bytes(payload.MAX_BLOB - 7)  # one byte over the limit, declared as it is
    huge_sha = hashlib.sha256(huge).hexdigest()

    def blob(data: bytes, sha256: str = sha, size: int | None = None, mime: str = "image/png",
             text: str | None = None) -> bytes:
        text = base64.b64encode(data).decode() if text is None else text
        return json.dumps(["b", sha256, len(data) if size is None else size, mime, text]).encode()

    def bundle(*extra: bytes, blobs: int = 1, link_sha: str = sha) -> bytes:
        return signed(lines=[_link(hid, stamp, link_sha), *extra], patch=_with_blobs(blobs))

    return [
        ("blob: wrong hash", bundle(blob(other))),
        ("blob: hash of other content", bundle(blob(photo, sha256=hashlib.sha256(other).hexdigest()),
                                               link_sha=hashlib.sha256(other).hexdigest())),
        ("blob: oversized", bundle(blob(huge, sha256=huge_sha), link_sha=huge_sha)),
        ("blob: line longer than any blob", bundle(blob(photo, text="A" * (payload.MAX_BLOB_LINE + 4)))),
        ("blob: size says less", bundle(blob(photo, size=len(photo) - 1))),
        ("blob: size says more", bundle(blob(photo, size=len(photo) + 1))),
        ("blob: zero size", bundle(blob(b"", sha256=hashlib.sha256(b"").hexdigest()),
                                   link_sha=hashlib.sha256(b"").hexdigest())),
        ("blob: not base64", bundle(blob(photo, text="!!not base64!!"))),
        ("blob: type says pdf", bundle(blob(photo, mime="application/pdf"))),
        ("blob: unknown type", bundle(blob(photo, mime="application/x-msdownload"))),
        ("blob: sha not hex", bundle(blob(photo, sha256="../" + sha[3:]))),
        ("blob: twice", bundle(blob(photo), blob(photo), blobs=2)),
        ("blob: short line", bundle(json.dumps(["b", sha, len(photo)]).encode())),
        ("blob: not counted in the manifest", bundle(blob(photo), blobs=0)),
        ("blob: counted twice in the manifest", bundle(blob(photo), blobs=2)),
        ("blob: no link names it", signed(lines=[*scene["lines"], blob(photo)], patch=_with_blobs(1))),
        ("link: content neither carried nor here", bundle(blobs=0)),
        ("link: bad sha", bundle(blobs=0, link_sha="x" * 64)),
        ("link: re-pointed to content not here", signed(lines=[change_line("attachments", "att-9", "sha256",
                                                                             "e" * 64, stamp)])),
    ]


def _parts(data: bytes):
    raw = container.read(data)
    return raw.manifest_bytes, raw.signature, raw.ciphertext


def _canon(value) -> bytes:
    from fupin_desktop.sync.manifest import canonical

    return canonical(value)


def test_the_control_bundle_is_accepted(scene):
    path = scene["root"] / "control.fpb"
    path.write_bytes(scene["good"])
    prepared = importer.prepare(scene["township"], path, scene["base"].secrets)
    assert prepared.ok, prepared.error


def test_the_control_bundle_with_an_attachment_is_accepted(scene):
    """The attachment cases differ from this one only in what they break."""
    photo = png_bytes(seed=1)
    sha = hashlib.sha256(photo).hexdigest()
    blob = json.dumps(["b", sha, len(photo), "image/png", base64.b64encode(photo).decode()]).encode()
    data = craft(scene["device"], **{**scene["common"], "lines": [_link(scene["hid"], scene["stamp"], sha), blob],
                                     "patch": _with_blobs(1)})
    path = scene["root"] / "control-attachment.fpb"
    path.write_bytes(data)
    prepared = importer.prepare(scene["township"], path, scene["base"].secrets)
    assert prepared.ok, prepared.error
    assert prepared.bundle.payload.blobs == {sha: ("image/png", photo)}


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_hostile_bundles_are_refused_before_any_write(scene):
    township = scene["township"]
    cases = _cases(scene)
    assert len(cases) >= 200
    secrets = importer.Secrets(township=scene["base"].secrets.township, bundle_passphrase="not-the-passphrase")
    before = world.db_sha256(township)
    folder = scene["root"] / "cases"
    folder.mkdir()
    for i, (label, data) in enumerate(cases):
        path = folder / f"case{i:03d}.fpb"
        path.write_bytes(data)
        [prepared] = world.import_into(township, [path], secrets=secrets)
        assert not prepared.ok and not prepared.applied, label
        assert CHINESE.search(prepared.error), (label, prepared.error)
        assert world.db_sha256(township) == before, label
    assert township.db.execute("SELECT count(*) FROM sync_imports").fetchone()[0] == 1
