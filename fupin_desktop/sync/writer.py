"""Sealing a bundle (compress, encrypt, wrap, sign) and writing it to the stick safely (SYNC.md §6).

The file is written under a temporary name on the stick, flushed and fsynced, read back and verified (hash,
signature, decryption with the bundle key, plaintext hash), and only then renamed; the folder is fsynced
too. A stick pulled out mid-write leaves at most a ``.part`` file, which the next export removes.
"""

import datetime as dt
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from fupin_desktop import __version__
from fupin_desktop.sync import container, crypto, manifest, payload
from fupin_desktop.sync.errors import SyncError


@dataclass(frozen=True)
class Recipient:
    key_id: str
    box_public: bytes


@dataclass(frozen=True)
class Sealed:
    data: bytes
    manifest: dict
    data_key: bytes
    signing_public: bytes


def schema_version() -> int:
    from fupin_desktop.storage.migrations import SCHEMA_VERSION

    return SCHEMA_VERSION


def seal(lines, *, kind: str, source: dict, target_org: str, seq: int, prev_seq: int, counts: dict,
         clock: tuple[str, str], recipients: list[Recipient], passphrase: str | None, signing_private: bytes,
         scope: str, bundle_id: str | None = None, created: str | None = None,
         line_total: int | None = None) -> Sealed:
    """Compress, encrypt, wrap and sign. ``lines``: a list of lines, the joined body with ``line_total``, or
    the body already compressed (``payload.Compressed``)."""
    bundle_id = bundle_id or str(uuid.uuid4())
    aad = bundle_id.encode("ascii")
    if isinstance(lines, payload.Compressed):
        compressed, size, line_count = lines.data, lines.size, lines.lines
    else:
        body = lines if isinstance(lines, bytes) else b"\n".join(lines)
        line_count = line_total if line_total is not None else len(lines)
        compressed, size = payload.compress(body), len(body)
    data_key = crypto.random_bytes()
    nonce, ciphertext = crypto.aead_encrypt(data_key, compressed, aad)
    signing_public = crypto.ed25519_public_of(signing_private)
    m = {
        "format": manifest.FORMAT, "min_reader": manifest.MIN_READER, "app": __version__, "schema": schema_version(),
        "bundle_id": bundle_id, "kind": kind,
        "created": created or dt.datetime.now().isoformat(timespec="seconds"),
        "source": {**source, "signing_key": crypto.b64(signing_public)},
        "target": {"org": target_org}, "seq": seq, "prev_seq": prev_seq,
        "clock": {"min": clock[0], "max": clock[1]}, "counts": counts,
        "crypto": {
            "aead": "AES-256-GCM", "nonce": crypto.b64(nonce),
            "recipients": [{"type": "x25519", "key": r.key_id, **crypto.wrap_key(r.box_public, data_key, aad)}
                           for r in recipients],
            "passphrase": crypto.seal_with_passphrase(passphrase, data_key, aad) if passphrase else None,
        },
        "sha256": {"ciphertext": crypto.sha256_hex(ciphertext), "plaintext": crypto.sha256_hex(compressed)},
        "profile": {"compression": "zlib-frames", "lines": line_count, "payload_bytes": size, "scope": scope},
    }
    manifest.validate(m)
    manifest_bytes = manifest.canonical(m)
    signature = crypto.sign(signing_private, manifest_bytes)
    return Sealed(container.build(manifest_bytes, signature, ciphertext), m, data_key, signing_public)


def verify_written(data: bytes, sealed: Sealed) -> None:
    """Read-back check of a written file: same manifest, valid signature, hashes, decryption."""
    raw = container.read(data)
    if raw.manifest_bytes != manifest.canonical(sealed.manifest):
        raise SyncError("写入U盘后读回的文件与导出内容不符（说明部分），U盘可能有问题，请换一个U盘重试。")
    crypto.verify(sealed.signing_public, raw.signature, raw.manifest_bytes)
    m = sealed.manifest
    if crypto.sha256_hex(raw.ciphertext) != m["sha256"]["ciphertext"]:
        raise SyncError("写入U盘后读回的文件校验不符，U盘可能有问题，请换一个U盘重试。")
    plain = crypto.aead_decrypt(sealed.data_key, crypto.unb64(m["crypto"]["nonce"], crypto.NONCE_BYTES),
                                raw.ciphertext, m["bundle_id"].encode("ascii"))
    if crypto.sha256_hex(plain) != m["sha256"]["plaintext"]:
        raise SyncError("写入U盘后读回的文件解密校验不符，请换一个U盘重试。")


def clean_stale(folder: Path) -> list[Path]:
    """Remove temporary files left by an interrupted export."""
    removed = []
    for path in folder.glob(f"*{container.SUFFIX}{container.PART_SUFFIX}"):
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            pass
    return removed


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(str(folder), os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_to_stick(folder: Path, name: str, sealed: Sealed) -> Path:
    folder = Path(folder)
    if not folder.is_dir():
        raise SyncError(f"找不到导出文件夹 {folder}（U盘是否已插好？）。")
    clean_stale(folder)
    final = folder / name
    temp = folder / (name + container.PART_SUFFIX)
    try:
        with open(temp, "wb") as handle:
            handle.write(sealed.data)
            handle.flush()
            os.fsync(handle.fileno())
        verify_written(temp.read_bytes(), sealed)
        os.replace(temp, final)
        _fsync_dir(folder)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return final
