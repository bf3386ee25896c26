"""The bundle manifest: plain canonical JSON with no personal data, signed by the device key.

It names the format and the oldest reader that understands it, the bundle id, kind, source (org code,
device, device signing key), target org code, per-device sequence numbers, clock range, counts per table,
crypto parameters (AEAD, wrapped keys or passphrase parameters), hashes of ciphertext and plaintext, and
the export profile. ``validate`` checks every field's type and size before anything else is trusted.
"""

import json
import re

from fupin_desktop.sync.errors import BundleRefused

FORMAT = 1
MIN_READER = 1
KINDS = ("village_changes", "full_snapshot", "township_corrections")
ROLES = ("village", "township")
MAX_MANIFEST = 64 * 1024

STAMP_RE = re.compile(r"\d{13}\.\d{4,6}\.[0-9A-Za-z_-]{1,64}")
DEVICE_RE = re.compile(r"[0-9A-Za-z_-]{1,64}")
ORG_RE = re.compile(r"\d{9}|\d{12}")
UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
HEX64_RE = re.compile(r"[0-9a-f]{64}")


def canonical(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _refuse(what: str) -> BundleRefused:
    return BundleRefused(f"数据包说明（manifest）无效：{what}。文件可能已损坏或被改动。")


def _int(value, what: str, low: int = 0, high: int = 2**53) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise _refuse(what)
    return value


def _text(value, what: str, pattern: re.Pattern | None = None, size: int = 200) -> str:
    if not isinstance(value, str) or len(value) > size or (pattern is not None and not pattern.fullmatch(value)):
        raise _refuse(what)
    return value


def _dict(value, what: str) -> dict:
    if not isinstance(value, dict):
        raise _refuse(what)
    return value


def parse(raw: bytes) -> dict:
    """Parse and validate manifest bytes; refuses a newer format before looking further."""
    if len(raw) > MAX_MANIFEST:
        raise _refuse("过大")
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise _refuse("不是有效的 JSON") from exc
    manifest = _dict(manifest, "格式")
    min_reader = manifest.get("min_reader")
    if isinstance(min_reader, int) and not isinstance(min_reader, bool) and min_reader > FORMAT:
        raise BundleRefused(f"这个数据包由更新版本的程序生成（格式 {min_reader}），本程序只能读格式 {FORMAT}；请先升级程序。")
    validate(manifest)
    return manifest


def validate(m: dict) -> None:
    _int(m.get("format"), "格式版本", 1, 10**6)
    _int(m.get("min_reader"), "最低读取版本", 1, FORMAT)
    _text(m.get("app"), "程序版本", size=40)
    _int(m.get("schema"), "数据结构版本", 1, 10**6)
    _text(m.get("bundle_id"), "数据包编号", UUID_RE)
    if m.get("kind") not in KINDS:
        raise _refuse("数据包类型")
    _text(m.get("created"), "生成时间", size=40)
    source = _dict(m.get("source"), "来源")
    _text(source.get("org"), "来源单位代码", ORG_RE)
    if source.get("role") not in ROLES:
        raise _refuse("来源角色")
    _text(source.get("device"), "来源设备", DEVICE_RE)
    _text(source.get("signing_key"), "设备公钥", size=64)
    if source.get("box_key") is not None:
        _text(source.get("box_key"), "设备公钥", size=64)
    _text(_dict(m.get("target"), "目标").get("org"), "目标单位代码", ORG_RE)
    seq = _int(m.get("seq"), "序号", 1)
    prev = _int(m.get("prev_seq"), "上一个序号", 0)
    if prev >= seq:
        raise _refuse("序号")
    clock = _dict(m.get("clock"), "时钟范围")
    for key in ("min", "max"):
        if clock.get(key) != "":
            _text(clock.get(key), "时钟范围", STAMP_RE, 140)
    counts = _dict(m.get("counts"), "数量")
    if len(counts) > 64:
        raise _refuse("数量")
    for key, value in counts.items():
        _text(key, "数量", size=40)
        _int(value, "数量")
    crypto = _dict(m.get("crypto"), "加密参数")
    if crypto.get("aead") != "AES-256-GCM":
        raise _refuse("加密算法不受支持")
    _text(crypto.get("nonce"), "加密参数", size=24)
    recipients = crypto.get("recipients")
    if not isinstance(recipients, list) or len(recipients) > 8:
        raise _refuse("接收方")
    for entry in recipients:
        entry = _dict(entry, "接收方")
        if entry.get("type") != "x25519":
            raise _refuse("接收方密钥类型")
        for key in ("key", "epk", "nonce", "wrapped"):
            _text(entry.get(key), "接收方", size=120)
    passphrase = crypto.get("passphrase")
    if passphrase is not None:
        passphrase = _dict(passphrase, "口令参数")
        if passphrase.get("kdf") != "scrypt":
            raise _refuse("口令参数")
        from fupin_desktop.sync.crypto import SCRYPT_ALLOWED_N

        if passphrase.get("n") not in SCRYPT_ALLOWED_N or passphrase.get("r") != 8 or passphrase.get("p") != 1:
            raise _refuse("口令参数不受支持")
        for key in ("salt", "nonce", "sealed"):
            _text(passphrase.get(key), "口令参数", size=120)
    if not recipients and passphrase is None:
        raise _refuse("没有接收方")
    hashes = _dict(m.get("sha256"), "校验值")
    _text(hashes.get("ciphertext"), "校验值", HEX64_RE)
    _text(hashes.get("plaintext"), "校验值", HEX64_RE)
    profile = _dict(m.get("profile"), "导出方式")
    if profile.get("compression") != "zlib-frames":
        raise _refuse("压缩方式")
    _int(profile.get("lines"), "行数")
    _int(profile.get("payload_bytes"), "数据大小")
    _text(profile.get("scope"), "导出范围", size=40)
