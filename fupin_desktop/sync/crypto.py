"""Cryptographic primitives of a bundle, on the ``cryptography`` package (imported at the call sites).

- payload: AES-256-GCM under a random per-bundle key, the bundle id as associated data;
- key wrapping for each recipient: an ephemeral X25519 key, HKDF-SHA256 over the shared secret, and
  AES-256-GCM of the bundle key (the same scheme as HPKE's base mode, spelled out);
- signatures: Ed25519 over the exact manifest bytes;
- passphrases: scrypt (for a bundle exported before the township key is known, and for the township's
  private key at rest).

Keys are raw 32-byte values; text forms are base64. Any failure is ``CryptoFailure`` with a Chinese message.
"""

import base64
import hashlib
import os

KEY_BYTES = 32
NONCE_BYTES = 12
WRAP_INFO = b"fupin-bundle-v1 key wrap"
SCRYPT_DEFAULT = {"n": 2**15, "r": 8, "p": 1}
SCRYPT_ALLOWED_N = (2**14, 2**15, 2**16, 2**17)


class CryptoFailure(Exception):
    """A key, tag or signature did not check out. ``str()`` is Chinese."""


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text, size: int | None = None) -> bytes:
    if not isinstance(text, str) or len(text) > 4096:
        raise CryptoFailure("密钥或参数格式不正确。")
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as exc:
        raise CryptoFailure("密钥或参数格式不正确。") from exc
    if size is not None and len(data) != size:
        raise CryptoFailure("密钥或参数长度不正确。")
    return data


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def random_bytes(size: int = KEY_BYTES) -> bytes:
    return os.urandom(size)


# --- AEAD ------------------------------------------------------------------------------------------------
def aead_encrypt(key: bytes, plaintext: bytes, aad: bytes, nonce: bytes | None = None) -> tuple[bytes, bytes]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = nonce or random_bytes(NONCE_BYTES)
    return nonce, AESGCM(key).encrypt(nonce, plaintext, aad)


def aead_decrypt(key: bytes, nonce: bytes, ciphertext: bytes, aad: bytes) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(key).decrypt(nonce, ciphertext, aad)
    except (InvalidTag, ValueError) as exc:
        raise CryptoFailure("解密失败：文件已损坏或被改动，或者密钥不对。") from exc


# --- key pairs ---------------------------------------------------------------------------------------------
def _raw_private(key) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


def _raw_public(key) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def x25519_generate() -> tuple[bytes, bytes]:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    key = X25519PrivateKey.generate()
    return _raw_private(key), _raw_public(key.public_key())


def ed25519_generate() -> tuple[bytes, bytes]:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    return _raw_private(key), _raw_public(key.public_key())


def x25519_public_of(private: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    return _raw_public(X25519PrivateKey.from_private_bytes(private).public_key())


def ed25519_public_of(private: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return _raw_public(Ed25519PrivateKey.from_private_bytes(private).public_key())


# --- signatures ----------------------------------------------------------------------------------------------
def sign(private: bytes, message: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.from_private_bytes(private).sign(message)


def verify(public: bytes, signature: bytes, message: bytes) -> None:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
    except (InvalidSignature, ValueError) as exc:
        raise CryptoFailure("签名不对：文件被改动过，或不是由所写的设备生成的。") from exc


# --- key wrapping ----------------------------------------------------------------------------------------------
def _kek(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=ephemeral_public + recipient_public,
                info=WRAP_INFO).derive(shared)


def wrap_key(recipient_public: bytes, data_key: bytes, aad: bytes) -> dict:
    """Wrap ``data_key`` for the holder of the X25519 private key matching ``recipient_public``."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = _raw_public(ephemeral.public_key())
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    nonce, wrapped = aead_encrypt(_kek(shared, ephemeral_public, recipient_public), data_key, aad)
    return {"epk": b64(ephemeral_public), "nonce": b64(nonce), "wrapped": b64(wrapped)}


def unwrap_key(private: bytes, entry: dict, aad: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

    ephemeral_public = unb64(entry.get("epk"), 32)
    key = X25519PrivateKey.from_private_bytes(private)
    try:
        shared = key.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    except ValueError as exc:
        raise CryptoFailure("数据包的密钥参数无效。") from exc
    kek = _kek(shared, ephemeral_public, _raw_public(key.public_key()))
    data_key = aead_decrypt(kek, unb64(entry.get("nonce"), NONCE_BYTES), unb64(entry.get("wrapped"), 48), aad)
    if len(data_key) != KEY_BYTES:
        raise CryptoFailure("数据包的密钥参数无效。")
    return data_key


# --- passphrases ----------------------------------------------------------------------------------------------
def scrypt_key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    if n not in SCRYPT_ALLOWED_N or r != 8 or p != 1 or len(salt) != 16:
        raise CryptoFailure("口令加密参数不受支持。")
    return Scrypt(salt=salt, length=KEY_BYTES, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def seal_with_passphrase(passphrase: str, secret: bytes, aad: bytes) -> dict:
    salt = random_bytes(16)
    params = dict(SCRYPT_DEFAULT)
    key = scrypt_key(passphrase, salt, **params)
    nonce, sealed = aead_encrypt(key, secret, aad)
    return {"kdf": "scrypt", **params, "salt": b64(salt), "nonce": b64(nonce), "sealed": b64(sealed)}


def open_with_passphrase(passphrase: str, box: dict, aad: bytes) -> bytes:
    if not isinstance(box, dict) or box.get("kdf") != "scrypt":
        raise CryptoFailure("口令加密参数不受支持。")
    n, r, p = box.get("n"), box.get("r"), box.get("p")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (n, r, p)):
        raise CryptoFailure("口令加密参数不受支持。")
    key = scrypt_key(passphrase, unb64(box.get("salt"), 16), n, r, p)
    try:
        return aead_decrypt(key, unb64(box.get("nonce"), NONCE_BYTES), unb64(box.get("sealed")), aad)
    except CryptoFailure as exc:
        raise CryptoFailure("口令不对（或文件已损坏）。") from exc
