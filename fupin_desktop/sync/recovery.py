"""The township key's printable recovery sheet: the public key, its fingerprint and the sealed private key.

The sealed key is useless without the passphrase, which is never printed or stored. Each line of the sealed
block ends with a 4-character check, so a mistyped line is named when the sheet is typed back in.
"""

import base64
import binascii
import datetime as dt
import json
import re

from fupin_desktop.sync.errors import KeyProblem
from fupin_desktop.sync.keys import TOWNSHIP_KEY, PublicIdentity, key_text

LINE = 48
BLOCK_START = "----- 密封私钥开始 -----"
BLOCK_END = "----- 密封私钥结束 -----"


def _check(text: str) -> str:
    return f"{binascii.crc32(text.encode('ascii')) & 0xFFFF:04X}"


def render(ctx) -> str:
    stored = ctx.installation(TOWNSHIP_KEY)
    if stored is None:
        raise KeyProblem("本乡镇还没有密钥对。")
    identity = PublicIdentity.from_json(stored)
    blob = json.dumps({"x25519": stored["x25519"], "ed25519": stored["ed25519"], "sealed": stored["sealed"],
                       "org_code": identity.org_code, "name": identity.name}, sort_keys=True,
                      separators=(",", ":"), ensure_ascii=True).encode("ascii")
    encoded = base64.b32encode(blob).decode("ascii").rstrip("=")
    lines = [encoded[i:i + LINE] for i in range(0, len(encoded), LINE)]
    sealed_block = "\n".join(f"{n:03d} {line} {_check(line)}" for n, line in enumerate(lines, 1))
    return f"""乡镇扶贫数据密钥恢复单（请打印后锁在柜子里，不要拍照外传）

乡镇：{identity.name}（{identity.org_code}）
打印时间：{dt.datetime.now().strftime('%Y-%m-%d %H:%M')}
公钥指纹（村里导入公钥时核对）：
    {identity.fingerprint}
公钥文字（村里没有公钥文件时可逐组输入）：
    {key_text(identity)}

恢复方法：在新电脑上设置为乡镇模式后，运行 fupin keys restore 恢复单文件，输入当初设置的口令。
口令不在本单上，程序也不保存口令；忘记口令则无法恢复，只能重新生成密钥并通知各村。

{BLOCK_START}
{sealed_block}
{BLOCK_END}
"""


def parse(text: str) -> dict:
    """The stored key record from a typed or scanned sheet; names the first bad line."""
    inside, parts = False, []
    for raw in text.splitlines():
        line = raw.strip()
        if line == BLOCK_START:
            inside = True
            continue
        if line == BLOCK_END:
            break
        if not inside or not line:
            continue
        match = re.fullmatch(r"(\d{3})\s+([A-Z2-7]+)\s+([0-9A-F]{4})", line.upper())
        if not match or _check(match.group(2)) != match.group(3):
            raise KeyProblem(f"恢复单第 {len(parts) + 1} 行有误，请逐字核对：{line[:20]}…")
        parts.append(match.group(2))
    if not parts:
        raise KeyProblem("没有在文件里找到恢复单的密封私钥部分。")
    encoded = "".join(parts)
    try:
        data = json.loads(base64.b32decode(encoded + "=" * (-len(encoded) % 8)))
        identity = PublicIdentity.from_json(data)
    except (ValueError, binascii.Error, KeyProblem) as exc:
        raise KeyProblem("恢复单内容无法解读，请核对是否抄错。") from exc
    return {**identity.to_json(), "sealed": data["sealed"]}


def restore(ctx, text: str, passphrase: str) -> PublicIdentity:
    from fupin_desktop.sync import keys as k

    record = parse(text)
    if ctx.installation(TOWNSHIP_KEY) is not None:
        raise KeyProblem("本机已经有乡镇密钥，不需要恢复。")
    ctx.set_installation(TOWNSHIP_KEY, {**record, "restored": dt.datetime.now().isoformat(timespec="seconds")})
    try:
        k.unlock_township(ctx, passphrase)
    except KeyProblem:
        ctx.db.execute("DELETE FROM installation WHERE key = ?", [TOWNSHIP_KEY])
        raise
    return PublicIdentity.from_json(record)
