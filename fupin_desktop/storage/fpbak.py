"""The ``.fpbak`` format: a backup encrypted with a passphrase (AES-256-GCM, key from scrypt).

Layout (all integers big-endian)::

    magic      8 bytes  b"FPBAK\\x01\\r\\n"   (the CR LF catches a text-mode copy)
    log2_n     1 byte   scrypt cost (n = 2 ** log2_n), r 1 byte, p 1 byte
    salt       16 bytes
    nonce      8 bytes  prefix; chunk i uses prefix + i (4 bytes)
    check      32 bytes SHA-256 of the second half of the derived key (tells a wrong passphrase from damage)
    chunk      4 bytes  plaintext bytes per chunk
    meta_len   2 bytes, then meta: UTF-8 JSON (created, reason, plain_size), readable without the passphrase
    chunks     each: 4-byte ciphertext length, ciphertext (AES-GCM; associated data = the whole header,
               the chunk index and a final flag, so reordering, truncation and header edits are all detected)

The plaintext is a SQLite file. ``cryptography`` is imported lazily (it is heavy).
"""

import hashlib
import hmac
import json
import os
import struct

from fupin_desktop.storage.database import StorageError

MAGIC = b"FPBAK\x01\r\n"
SUFFIX = ".fpbak"
CHUNK = 1 << 20
SCRYPT_LOG2_N = 17  # 128 MiB·r/8 of memory, about a second on a village laptop
SCRYPT_R = 8
SCRYPT_P = 1
_FIXED = struct.Struct(">BBB16s8s32sIH")


class PassphraseError(StorageError):
    """The passphrase is missing or wrong."""


class EncryptedBackupDamagedError(StorageError):
    pass


def _derive(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> tuple[bytes, bytes]:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    if not passphrase:
        raise PassphraseError("这个备份是加密的，请输入备份口令。")
    key = Scrypt(salt=salt, length=64, n=2 ** log2_n, r=r, p=p).derive(passphrase.encode("utf-8"))
    return key[:32], hashlib.sha256(b"fpbak-check" + key[32:]).digest()


def _aad(header: bytes, index: int, final: bool) -> bytes:
    return header + struct.pack(">QB", index, 1 if final else 0)


def is_encrypted(path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _read_header(f) -> tuple[bytes, dict, tuple]:
    magic = f.read(len(MAGIC))
    if magic != MAGIC:
        raise EncryptedBackupDamagedError("这不是本程序的加密备份文件（文件头不对）。")
    fixed = f.read(_FIXED.size)
    if len(fixed) != _FIXED.size:
        raise EncryptedBackupDamagedError("加密备份文件不完整（文件头被截断）。")
    log2_n, r, p, salt, nonce, check, chunk, meta_len = _FIXED.unpack(fixed)
    meta_bytes = f.read(meta_len)
    if len(meta_bytes) != meta_len or not 10 <= log2_n <= 22 or not 0 < chunk <= 64 << 20:
        raise EncryptedBackupDamagedError("加密备份文件的文件头已损坏。")
    try:
        meta = json.loads(meta_bytes.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise EncryptedBackupDamagedError("加密备份文件的文件头已损坏。") from exc
    return magic + fixed + meta_bytes, meta, (log2_n, r, p, salt, nonce, check, chunk)


def read_meta(path) -> dict:
    """The unencrypted description (created, reason, plain_size); no passphrase needed."""
    with open(path, "rb") as f:
        return _read_header(f)[1]


def encrypt_stream(src, dst, passphrase: str, meta: dict, *, progress=None) -> None:
    """Encrypt the readable binary ``src`` into the writable ``dst``."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(8)
    key, check = _derive(passphrase, salt, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P)
    meta_bytes = json.dumps(meta, ensure_ascii=False, sort_keys=True).encode("utf-8")
    header = MAGIC + _FIXED.pack(SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P, salt, nonce, check, CHUNK, len(meta_bytes))
    header += meta_bytes
    dst.write(header)
    aead = AESGCM(key)
    total = int(meta.get("plain_size") or 0)
    done, index = 0, 0
    block = src.read(CHUNK)
    while True:
        following = src.read(CHUNK) if block else b""
        final = not following
        sealed = aead.encrypt(nonce + struct.pack(">I", index), block, _aad(header, index, final))
        dst.write(struct.pack(">I", len(sealed)))
        dst.write(sealed)
        done += len(block)
        if progress is not None:
            progress(done, total)
        if final:
            return
        block, index = following, index + 1


def decrypt_stream(src, dst, passphrase: str) -> str:
    """Decrypt ``src`` into ``dst`` (``None`` to only check); returns the plaintext's SHA-256 hex."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header, _meta, (log2_n, r, p, salt, nonce, check, chunk) = _read_header(src)
    key, expected = _derive(passphrase, salt, log2_n, r, p)
    if not hmac.compare_digest(expected, check):
        raise PassphraseError("备份口令不对，请检查大小写和输入法后重试；如果口令确实没错，这个备份文件可能已损坏。")
    aead = AESGCM(key)
    digest = hashlib.sha256()
    index = 0
    length = src.read(4)
    while True:
        if len(length) != 4:
            raise EncryptedBackupDamagedError("加密备份文件不完整（可能复制时被中断），无法恢复。")
        (size,) = struct.unpack(">I", length)
        if size > chunk + 16:
            raise EncryptedBackupDamagedError("加密备份文件已损坏（分块长度不对）。")
        sealed = src.read(size)
        following = src.read(4)
        final = not following
        try:
            block = aead.decrypt(nonce + struct.pack(">I", index), sealed, _aad(header, index, final))
        except InvalidTag as exc:
            raise EncryptedBackupDamagedError(
                f"加密备份文件已损坏或被截断（第 {index + 1} 块校验失败），无法恢复。") from exc
        digest.update(block)
        if dst is not None:
            dst.write(block)
        if final:
            return digest.hexdigest()
        length, index = following, index + 1
