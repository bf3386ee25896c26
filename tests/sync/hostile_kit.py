"""Crafting bundles by hand: valid ones, and every kind of hostile one (SYNC.md §1.4, QUALITY.md R2)."""

import datetime as dt
import io
import json
import uuid
import zipfile

from fupin_desktop.sync import container, crypto, manifest, payload
from fupin_desktop.sync.verify import recipient_id


def change_line(table, row_id, field, value, stamp, bases=()) -> bytes:
    return json.dumps(["v", table, row_id, field, stamp, list(bases), value, "op", "村干部", ""],
                      ensure_ascii=False, separators=(",", ":")).encode()


def craft(device, *, org: str, target: str, lines: list[bytes], box_public: bytes | None, seq: int = 2,
          prev_seq: int | None = None, compressed: bytes | None = None, payload_bytes: int | None = None,
          patch=None, sign_with: bytes | None = None, kind: str = "village_changes", role: str = "village",
          passphrase_box=None, ciphertext_patch=None, bundle_id: str | None = None, line_count: int | None = None):
    """A bundle from ``device`` (keys.DeviceKeys) with every part overridable."""
    bundle_id = bundle_id or str(uuid.uuid4())
    aad = bundle_id.encode("ascii")
    data = b"\n".join(lines)
    comp = payload.compress(data) if compressed is None else compressed
    data_key = crypto.random_bytes()
    nonce, ciphertext = crypto.aead_encrypt(data_key, comp, aad)
    if ciphertext_patch:
        ciphertext = ciphertext_patch(ciphertext)
    recipients = []
    if box_public is not None:
        recipients.append({"type": "x25519", "key": recipient_id(box_public), **crypto.wrap_key(box_public, data_key, aad)})
    m = {
        "format": manifest.FORMAT, "min_reader": manifest.MIN_READER, "app": "0.1.0", "schema": 1,
        "bundle_id": bundle_id, "kind": kind, "created": dt.datetime(2020, 6, 15).isoformat(),
        "source": {"org": org, "role": role, "device": device.device_id, "signing_key": crypto.b64(device.sign_public),
                   "box_key": crypto.b64(device.box_public)},
        "target": {"org": target}, "seq": seq, "prev_seq": seq - 1 if prev_seq is None else prev_seq,
        "clock": {"min": "", "max": ""}, "counts": {"households": len(lines)},
        "crypto": {"aead": "AES-256-GCM", "nonce": crypto.b64(nonce), "recipients": recipients,
                   "passphrase": passphrase_box(data_key, aad) if passphrase_box else None},
        "sha256": {"ciphertext": crypto.sha256_hex(ciphertext), "plaintext": crypto.sha256_hex(comp)},
        "profile": {"compression": "zlib-frames", "lines": len(lines) if line_count is None else line_count,
                    "payload_bytes": len(data) if payload_bytes is None else payload_bytes, "scope": "incremental"},
    }
    replaced = patch(m) if patch else None
    manifest_bytes = replaced if isinstance(replaced, bytes) else manifest.canonical(m)
    signature = crypto.sign(sign_with or device.sign_private, manifest_bytes)
    return container.build(manifest_bytes, signature, ciphertext)


def rezip(data: bytes, *, rename=None, extra=(), compress=None, duplicate=None, drop=None) -> bytes:
    """Re-pack a bundle's members with changes to names, compression or membership."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for info in source.infolist():
            if drop == info.filename:
                continue
            name = (rename or {}).get(info.filename, info.filename)
            method = zipfile.ZIP_DEFLATED if compress == info.filename else zipfile.ZIP_STORED
            zf.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), source.read(info.filename),
                        compress_type=method)
            if duplicate == info.filename:
                zf.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), source.read(info.filename))
        for name, content in extra:
            zf.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), content)
    return out.getvalue()


def zip_bomb_payload(data: bytes, size: int = 40 * 1024 * 1024) -> bytes:
    """The bundle with payload.bin replaced by a deflated member of ``size`` zero bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for info in source.infolist():
            if info.filename == container.PAYLOAD:
                zf.writestr(zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0)), b"\0" * size,
                            compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
            else:
                zf.writestr(zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0)), source.read(info.filename))
    return out.getvalue()
