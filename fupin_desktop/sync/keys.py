"""Keys: this installation's device keys, the township's key pair, trust in it, and pinned village devices.

- Every installation has a device key pair (Ed25519 to sign its bundles, X25519 to receive corrections),
  created on first need and kept in the local ``installation`` table (never synced).
- A township creates its key pair once. Its private half is sealed with a passphrase the program never
  stores (scrypt + AES-GCM); a printable recovery sheet holds the sealed key, so the sheet plus the
  passphrase restore it on a new computer.
- A village trusts the township key from its public key file, optionally checked against a fingerprint typed
  from the sheet, or from the key text typed in full (it carries a checksum, so a typo is refused).
- A township pins each village device's signing key on its first import and refuses another key for that
  device later unless a clerk asks for a re-pin with a reason.
"""

import base64
import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from fupin_desktop.sync import crypto
from fupin_desktop.sync.errors import KeyProblem, PassphraseNeeded

DEVICE_KEY = "sync_device_key"
TOWNSHIP_KEY = "township_key"  # on a township: its own key pair, private half sealed
TRUSTED_TOWNSHIP = "trusted_township"  # on a village: the township's public key
ESCROW_KEYS = "sync_escrow_keys"  # optional county escrow recipients
PUBLIC_FILE_FORMAT = "fupin-public-key"
SEAL_AAD = b"fupin township private key v1"
MIN_PASSPHRASE = 8


@dataclass(frozen=True)
class PublicIdentity:
    """A township's public key: X25519 for encryption to it, Ed25519 for its signatures."""

    org_code: str
    name: str
    box: bytes
    sign: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.box, self.sign)

    def to_json(self) -> dict:
        return {"org_code": self.org_code, "name": self.name, "x25519": crypto.b64(self.box),
                "ed25519": crypto.b64(self.sign), "fingerprint": self.fingerprint}

    @classmethod
    def from_json(cls, data: dict) -> "PublicIdentity":
        try:
            return cls(str(data["org_code"]), str(data.get("name", "")), crypto.unb64(data["x25519"], 32),
                       crypto.unb64(data["ed25519"], 32))
        except (KeyError, TypeError, crypto.CryptoFailure) as exc:
            raise KeyProblem("乡镇公钥文件格式不对。") from exc


@dataclass(frozen=True)
class DeviceKeys:
    device_id: str
    sign_private: bytes
    sign_public: bytes
    box_private: bytes
    box_public: bytes


@dataclass(frozen=True)
class TownshipSecrets:
    """The township's unsealed private keys, held in memory for one session only."""

    identity: PublicIdentity
    box_private: bytes
    sign_private: bytes


def _group(text: str, size: int = 4) -> str:
    return "-".join(text[i:i + size] for i in range(0, len(text), size))


def fingerprint(box: bytes, sign: bytes) -> str:
    digest = hashlib.sha256(b"fupin-key-v1" + box + sign).digest()[:20]
    return _group(base64.b32encode(digest).decode("ascii"))


def device_fingerprint(sign_public: bytes) -> str:
    digest = hashlib.sha256(b"fupin-device-v1" + sign_public).digest()[:10]
    return _group(base64.b32encode(digest).decode("ascii"))


def _normalise(text: str) -> str:
    return "".join(c for c in text.upper() if c.isalnum())


def key_text(identity: PublicIdentity) -> str:
    """The public key as typed text: base32 of both keys and a 4-byte checksum, in groups of four."""
    body = identity.box + identity.sign
    raw = body + hashlib.sha256(body).digest()[:4]
    return _group(base64.b32encode(raw).decode("ascii").rstrip("="))


def parse_key_text(text: str, org_code: str, name: str = "") -> PublicIdentity:
    cleaned = _normalise(text)
    try:
        raw = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except ValueError as exc:
        raise KeyProblem("乡镇公钥文字有误（含有不应出现的字符），请逐组核对。") from exc
    if len(raw) != 68 or hashlib.sha256(raw[:64]).digest()[:4] != raw[64:]:
        raise KeyProblem("乡镇公钥文字校验不通过：可能有输错的字符，请逐组核对后重新输入。")
    return PublicIdentity(org_code, name, raw[:32], raw[32:64])


# --- device keys ---------------------------------------------------------------------------------------------
def device_keys(ctx) -> DeviceKeys:
    stored = ctx.installation(DEVICE_KEY)
    if stored is None:
        sign_private, sign_public = crypto.ed25519_generate()
        box_private, box_public = crypto.x25519_generate()
        stored = {"sign_private": crypto.b64(sign_private), "sign_public": crypto.b64(sign_public),
                  "box_private": crypto.b64(box_private), "box_public": crypto.b64(box_public),
                  "created": dt.datetime.now().isoformat(timespec="seconds")}
        ctx.set_installation(DEVICE_KEY, stored)
    return DeviceKeys(ctx.device_id, crypto.unb64(stored["sign_private"], 32), crypto.unb64(stored["sign_public"], 32),
                      crypto.unb64(stored["box_private"], 32), crypto.unb64(stored["box_public"], 32))


# --- the township's key pair ------------------------------------------------------------------------------------
def check_new_passphrase(passphrase: str, repeated: str) -> None:
    if passphrase != repeated:
        raise KeyProblem("两次输入的口令不一致。")
    if len(passphrase) < MIN_PASSPHRASE:
        raise KeyProblem(f"口令太短：至少 {MIN_PASSPHRASE} 个字符。")


def create_township_key(ctx, passphrase: str, repeated: str) -> PublicIdentity:
    check_new_passphrase(passphrase, repeated)
    if ctx.installation(TOWNSHIP_KEY) is not None:
        raise KeyProblem("本乡镇已经有密钥对；如电脑更换，请用恢复单恢复，不要重新生成。")
    org_code = ctx.installation("org_code", "") or ""
    if ctx.settings.mode != "township" or not org_code:
        raise KeyProblem("只有乡镇模式才能生成乡镇密钥；请先运行 fupin init --mode township。")
    box_private, box_public = crypto.x25519_generate()
    sign_private, sign_public = crypto.ed25519_generate()
    identity = PublicIdentity(org_code, ctx.installation("org_name", "") or "", box_public, sign_public)
    sealed = crypto.seal_with_passphrase(passphrase, box_private + sign_private, SEAL_AAD)
    ctx.set_installation(TOWNSHIP_KEY, {**identity.to_json(), "sealed": sealed,
                                        "created": dt.datetime.now().isoformat(timespec="seconds")})
    return identity


def township_identity(ctx) -> PublicIdentity | None:
    stored = ctx.installation(TOWNSHIP_KEY)
    return PublicIdentity.from_json(stored) if stored else None


def unlock_township(ctx, passphrase: str | None) -> TownshipSecrets:
    stored = ctx.installation(TOWNSHIP_KEY)
    if stored is None:
        raise KeyProblem("本乡镇还没有密钥对：请先运行 fupin keys init-township。")
    if not passphrase:
        raise PassphraseNeeded("需要乡镇密钥口令（--key-passphrase 或环境变量 FUPIN_KEY_PASSPHRASE）。")
    try:
        secret = crypto.open_with_passphrase(passphrase, stored["sealed"], SEAL_AAD)
    except crypto.CryptoFailure as exc:
        raise KeyProblem("乡镇密钥口令不对。") from exc
    return TownshipSecrets(PublicIdentity.from_json(stored), secret[:32], secret[32:64])


def write_public_file(identity: PublicIdentity, path: Path) -> Path:
    data = {"format": PUBLIC_FILE_FORMAT, "version": 1, **identity.to_json(), "key_text": key_text(identity)}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def read_public_file(path: Path) -> PublicIdentity:
    try:
        raw = path.read_bytes()
        if len(raw) > 64 * 1024:
            raise ValueError("too large")
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise KeyProblem(f"读不了乡镇公钥文件 {path.name}。") from exc
    if not isinstance(data, dict) or data.get("format") != PUBLIC_FILE_FORMAT:
        raise KeyProblem(f"{path.name} 不是乡镇公钥文件。")
    identity = PublicIdentity.from_json(data)
    if data.get("fingerprint") and data["fingerprint"] != identity.fingerprint:
        raise KeyProblem("乡镇公钥文件里的指纹与密钥不符，文件可能被改动过。")
    return identity


# --- trust on a village -----------------------------------------------------------------------------------------
def trust_township(ctx, identity: PublicIdentity, *, typed_fingerprint: str = "") -> PublicIdentity:
    """Remember the township's public key; a typed fingerprint, when given, must match."""
    if typed_fingerprint and _normalise(typed_fingerprint) != _normalise(identity.fingerprint):
        raise KeyProblem("输入的指纹与公钥文件不符：请核对恢复单上的指纹，或向乡镇确认公钥文件。")
    village_code = ctx.installation("org_code", "") or ""
    if village_code and identity.org_code and not village_code.startswith(identity.org_code):
        raise KeyProblem(f"这个公钥属于乡镇 {identity.org_code}，而本村代码是 {village_code}。")
    ctx.set_installation(TRUSTED_TOWNSHIP, {**identity.to_json(),
                                            "trusted_at": dt.datetime.now().isoformat(timespec="seconds")})
    return identity


def trusted_township(ctx) -> PublicIdentity | None:
    stored = ctx.installation(TRUSTED_TOWNSHIP)
    return PublicIdentity.from_json(stored) if stored else None


def add_escrow(ctx, identity: PublicIdentity) -> None:
    keys = [k for k in ctx.installation(ESCROW_KEYS, []) if k.get("fingerprint") != identity.fingerprint]
    ctx.set_installation(ESCROW_KEYS, [*keys, identity.to_json()])


def escrow_keys(ctx) -> list[PublicIdentity]:
    return [PublicIdentity.from_json(k) for k in ctx.installation(ESCROW_KEYS, [])]


# --- pinned village devices (township side) -------------------------------------------------------------------
def pinned_key(db, device_id: str) -> tuple[str, str] | None:
    """(public key b64, org code) of the device's active pin, or None."""
    row = db.execute("SELECT public_key, org_code FROM sync_device_keys WHERE device_id = ? AND active = 1",
                     [device_id]).fetchone()
    return (row[0], row[1]) if row else None


def repin_reason(db, device_id: str) -> str | None:
    row = db.execute("SELECT reason FROM sync_repins WHERE device_id = ?", [device_id]).fetchone()
    return row[0] if row else None


def request_repin(ctx, device_id: str, reason: str) -> None:
    if not reason.strip():
        raise KeyProblem("重新绑定设备密钥必须填写原因（如：村里换了电脑）。")
    if pinned_key(ctx.db, device_id) is None:
        raise KeyProblem(f"设备 {device_id} 还没有绑定过密钥，第一次导入时会自动绑定。")
    with ctx.db.atomic():
        ctx.db.execute(
            "INSERT INTO sync_repins (device_id, reason, operator, requested_at) VALUES (?,?,?,?)"
            " ON CONFLICT(device_id) DO UPDATE SET reason = excluded.reason, operator = excluded.operator,"
            " requested_at = excluded.requested_at",
            [device_id, reason.strip(), ctx.operator, dt.datetime.now().isoformat(timespec="seconds")])


def pin(db, device_id: str, org_code: str, public_key: str, operator: str, box_key: str = "") -> str:
    """Pin (first import) or re-pin (after a request). Runs inside the import transaction."""
    now = dt.datetime.now().isoformat(timespec="seconds")
    current = pinned_key(db, device_id)
    if current is not None and current[0] == public_key:
        if box_key:
            db.execute("UPDATE sync_device_keys SET box_key = ? WHERE device_id = ? AND active = 1", [box_key, device_id])
        return "known"
    reason = "首次导入时绑定"
    if current is not None:
        reason = repin_reason(db, device_id) or ""
        db.execute("UPDATE sync_device_keys SET active = 0 WHERE device_id = ?", [device_id])
        db.execute("DELETE FROM sync_repins WHERE device_id = ?", [device_id])
    db.execute(
        "INSERT INTO sync_device_keys (device_id, org_code, public_key, box_key, fingerprint, pinned_at, operator,"
        " reason, active) VALUES (?,?,?,?,?,?,?,?,1) ON CONFLICT(device_id, public_key) DO UPDATE SET active = 1,"
        " pinned_at = excluded.pinned_at, reason = excluded.reason, box_key = excluded.box_key",
        [device_id, org_code, public_key, box_key, device_fingerprint(crypto.unb64(public_key, 32)), now, operator,
         reason])
    return "pinned" if current is None else "repinned"
