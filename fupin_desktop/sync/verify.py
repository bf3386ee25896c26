"""Pre-checks of an incoming bundle, in order, without writing anything (SYNC.md §3.1).

Container (names, sizes, no compression) → manifest (format and reader version first) → who it is for
(kind, target org, source org) → signature and the trusted or pinned key → ciphertext hash → unwrap and
AEAD tag → plaintext hash → exact decompression → every line parsed with a size cap.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from fupin_desktop.sync import container, crypto, manifest, payload
from fupin_desktop.sync.errors import BundleRefused, PassphraseNeeded
from fupin_desktop.sync.keys import PublicIdentity


def recipient_id(box_public: bytes) -> str:
    return hashlib.sha256(b"fupin-recipient-v1" + box_public).hexdigest()[:16]


@dataclass
class Keyring:
    """What this installation can check and open bundles with."""

    mode: str  # village | township
    org_code: str
    device_id: str
    recipients: dict = field(default_factory=dict)  # recipient id -> X25519 private key
    trusted_township: PublicIdentity | None = None
    pinned: Callable[[str], tuple | None] = lambda _device: None  # device -> (public key b64, org)
    repin_reason: Callable[[str], str | None] = lambda _device: None
    passphrase: str | None = None
    locked: set = field(default_factory=set)  # recipient ids this installation owns but has not unlocked


@dataclass
class VerifiedBundle:
    manifest: dict
    payload: payload.Payload
    file_sha256: str
    file_name: str = ""
    pin: str = "known"  # known | pinned (first import) | repinned

    @property
    def bundle_id(self) -> str:
        return self.manifest["bundle_id"]

    @property
    def kind(self) -> str:
        return self.manifest["kind"]

    @property
    def source(self) -> dict:
        return self.manifest["source"]


def _check_addressing(m: dict, ring: Keyring) -> None:
    source, target = m["source"], m["target"]["org"]
    if ring.mode == "township":
        if m["kind"] == "township_corrections" or source["role"] != "village":
            raise BundleRefused("这是乡镇发给村里的更正文件，应在村里的电脑上导入。")
        if target != ring.org_code:
            raise BundleRefused(f"这个文件是交给乡镇 {target} 的，不是本乡镇（{ring.org_code}）。")
        if len(source["org"]) != 12 or not source["org"].startswith(ring.org_code):
            raise BundleRefused(f"来源村 {source['org']} 不属于本乡镇（{ring.org_code}）。")
    else:
        if m["kind"] != "township_corrections" or source["role"] != "township":
            raise BundleRefused("这是村里导出的数据包，应交给乡镇导入。")
        if target != ring.org_code:
            raise BundleRefused(f"这个更正文件是发给村 {target} 的，不是本村（{ring.org_code}）。")
        if not ring.org_code.startswith(source["org"]):
            raise BundleRefused(f"这个更正文件来自乡镇 {source['org']}，不是本村所属的乡镇。")


def _check_signer(m: dict, raw: container.Container, ring: Keyring) -> str:
    source = m["source"]
    signing_key = crypto.unb64(source["signing_key"], 32) if _is_b64(source["signing_key"]) else None
    if signing_key is None:
        raise BundleRefused("数据包的设备公钥格式不对，已拒绝。")
    try:
        crypto.verify(signing_key, raw.signature, raw.manifest_bytes)
    except crypto.CryptoFailure as exc:
        raise BundleRefused("签名校验不通过：文件被改动过或已损坏，已拒绝。") from exc
    if ring.mode == "village":
        trusted = ring.trusted_township
        if trusted is None:
            raise BundleRefused("本村还没有导入乡镇公钥，无法确认更正文件的来源：请先运行 fupin keys trust。")
        if signing_key != trusted.sign:
            raise BundleRefused("更正文件不是用本乡镇的密钥签名的，已拒绝。")
        return "known"
    pinned = ring.pinned(source["device"])
    if pinned is None:
        return "pinned"
    if pinned[0] != source["signing_key"]:
        if ring.repin_reason(source["device"]) is None:
            raise BundleRefused(
                f"设备 {source['device']} 的密钥与第一次导入时绑定的不同，可能是伪造的文件；"
                "如确实更换了电脑，请先核实并运行 fupin keys repin 填写原因。")
        return "repinned"
    if pinned[1] != source["org"]:
        raise BundleRefused(f"设备 {source['device']} 绑定在村 {pinned[1]}，这个文件却自称来自 {source['org']}，已拒绝。")
    return "known"


def _is_b64(text: str) -> bool:
    try:
        crypto.unb64(text, 32)
        return True
    except crypto.CryptoFailure:
        return False


def _data_key(m: dict, ring: Keyring, aad: bytes) -> bytes:
    info = m["crypto"]
    for entry in info["recipients"]:
        if entry["key"] in ring.locked:
            raise PassphraseNeeded("导入村里的数据包需要乡镇密钥口令（--key-passphrase 或环境变量 FUPIN_KEY_PASSPHRASE）。")
        private = ring.recipients.get(entry["key"])
        if private is not None:
            try:
                return crypto.unwrap_key(private, entry, aad)
            except crypto.CryptoFailure as exc:
                raise BundleRefused("无法打开数据包的密钥：文件已损坏或被改动，已拒绝。") from exc
    if info.get("passphrase") is not None:
        if not ring.passphrase:
            raise PassphraseNeeded("这个数据包用口令加密：请输入导出时设置的口令（--passphrase）。")
        try:
            key = crypto.open_with_passphrase(ring.passphrase, info["passphrase"], aad)
        except crypto.CryptoFailure as exc:
            raise BundleRefused(f"{exc}（口令加密的数据包）") from exc
        if len(key) != crypto.KEY_BYTES:
            raise BundleRefused("数据包的密钥参数无效，已拒绝。")
        return key
    raise BundleRefused("这个数据包不是加密给本单位的（密钥不对），无法打开。")


@dataclass
class Opened:
    """A bundle after the checks that need the keys and this database, decrypted; its payload not read yet."""

    manifest: dict
    raw: container.Container
    plaintext: bytes
    file_sha256: str
    file_name: str
    pin: str


def check(data: bytes, ring: Keyring, columns: dict, *, file_name: str = "",
          already: Callable[[dict], None] | None = None) -> VerifiedBundle:
    """Run every pre-check on the file bytes; returns the opened bundle or raises ``BundleRefused``."""
    return read_payload(open_bundle(data, ring, file_name=file_name, already=already), columns)


def recheck(opened: Opened, ring: Keyring, already: Callable[[dict], None] | None = None) -> None:
    """The checks that depend on this database again (signer's pinned key, already imported), for a bundle
    opened before the previous one was applied."""
    opened.pin = _check_signer(opened.manifest, opened.raw, ring)
    if already is not None:
        already(opened.manifest)


def open_bundle(data: bytes, ring: Keyring, *, file_name: str = "",
                already: Callable[[dict], None] | None = None) -> Opened:
    """The checks in order up to the decrypted payload's hash; ``read_payload`` does the rest."""
    raw = container.read(data)
    m = manifest.parse(raw.manifest_bytes)
    _check_addressing(m, ring)
    pin = _check_signer(m, raw, ring)
    if already is not None:
        already(m)
    if crypto.sha256_hex(raw.ciphertext) != m["sha256"]["ciphertext"]:
        raise BundleRefused("数据包内容的校验值不符：文件已损坏或被改动，已拒绝。")
    aad = m["bundle_id"].encode("ascii")
    key = _data_key(m, ring, aad)
    try:
        plaintext = crypto.aead_decrypt(key, crypto.unb64(m["crypto"]["nonce"], crypto.NONCE_BYTES),
                                        raw.ciphertext, aad)
    except crypto.CryptoFailure as exc:
        raise BundleRefused("解密失败：文件已损坏或被改动，已拒绝。") from exc
    if crypto.sha256_hex(plaintext) != m["sha256"]["plaintext"]:
        raise BundleRefused("解密后的内容校验值不符，已拒绝。")
    return Opened(m, raw, plaintext, hashlib.sha256(data).hexdigest(), file_name, pin)


def read_payload(opened: Opened, columns: dict, *, pause: Callable[[], None] | None = None) -> VerifiedBundle:
    """Exact decompression and every line parsed; touches neither the database nor the keys, so it may run
    in another thread (``pause`` is called between slices of the work)."""
    m = opened.manifest
    if pause is not None:
        pause()
    body = payload.decompress(opened.plaintext, m["profile"]["payload_bytes"])
    parsed = payload.parse_lines(body, m["profile"]["lines"], columns,
                                 corrections=m["kind"] == "township_corrections", pause=pause)
    return VerifiedBundle(m, parsed, opened.file_sha256, opened.file_name, opened.pin)


def table_columns(db) -> dict:
    """table -> set of column names, read from the live schema (the allow-list for incoming fields)."""
    from fupin_desktop.storage import tables as t

    return {name: {row[1] for row in db.execute(f"PRAGMA table_info({name})").fetchall()} for name in t.SYNCABLE}
