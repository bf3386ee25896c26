"""The bundle file: a stored (uncompressed) zip of four members, built in memory and read defensively.

Reading never extracts by path: only the expected member names are accepted, each read by exact name with
a size cap; duplicated names, compressed or encrypted members, extra members (``../`` names included) and
oversized members are refused before any content is looked at. Finally the file must be byte-identical to
the canonical encoding of its members, so a changed bit anywhere (headers and dates included) is refused.
"""

import io
import zipfile
from dataclasses import dataclass

from fupin_desktop.sync.errors import BundleRefused

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
PAYLOAD = "payload.bin"
README = "README.txt"
SUFFIX = ".fpb"
PART_SUFFIX = ".part"
MAX_FILE = 1100 * 1024 * 1024
CAPS = {MANIFEST: 64 * 1024, SIGNATURE: 64, PAYLOAD: 1024 * 1024 * 1024 + 64, README: 16 * 1024}
REQUIRED = (MANIFEST, SIGNATURE, PAYLOAD, README)
_EPOCH = (1980, 1, 1, 0, 0, 0)

README_TEXT = """这是“脱贫攻坚作战室”程序的数据交换文件（U盘同步数据包）。

它是什么：村里（或乡镇）导出的扶贫档案变更，供对方用本程序“导入”。
交给谁：村里导出的文件交给乡镇扶贫办；乡镇导出的更正文件交回对应的村。
注意：文件里的个人信息（姓名、身份证号等）已经加密，只有指定的接收方能打开；
请不要改名以外的方式修改它，也不要解压。丢失了请告知对方，重新导出即可。
"""


@dataclass(frozen=True)
class Container:
    manifest_bytes: bytes
    signature: bytes
    ciphertext: bytes


def build(manifest_bytes: bytes, signature: bytes, ciphertext: bytes, readme: bytes | None = None) -> bytes:
    """The canonical file: members in a fixed order, fixed dates and attributes (so a reader can compare)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as zf:
        for name, data in ((MANIFEST, manifest_bytes), (SIGNATURE, signature), (PAYLOAD, ciphertext),
                           (README, README_TEXT.encode("utf-8") if readme is None else readme)):
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buffer.getvalue()


def _shown(name: str) -> str:
    text = repr(name)
    return text if len(text) <= 60 else text[:57] + "…"


def read(data: bytes) -> Container:
    if len(data) > MAX_FILE:
        raise BundleRefused("文件过大，不是本程序的数据包。")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise BundleRefused("不是有效的数据包文件（可能没有复制完整或已损坏）。") from exc
    try:
        infos = zf.infolist()
        names = [info.filename for info in infos]
        if len(names) != len(set(names)):
            raise BundleRefused("数据包里有重名的内容，已拒绝。")
        extra = [n for n in names if n not in CAPS]
        if extra:
            raise BundleRefused(f"数据包里有不应出现的内容 {_shown(extra[0])}，已拒绝。")
        missing = [n for n in REQUIRED if n not in names]
        if missing:
            raise BundleRefused(f"数据包不完整：缺少 {missing[0]}。")
        contents = {}
        for info in infos:
            if info.compress_type != zipfile.ZIP_STORED or info.flag_bits & 0x1:
                raise BundleRefused("数据包的内容被压缩或加密过（不是本程序生成的格式），已拒绝。")
            cap = CAPS[info.filename]
            if info.file_size > cap or info.compress_size > cap:
                raise BundleRefused(f"数据包里的 {info.filename} 过大，已拒绝。")
            with zf.open(info) as member:
                content = member.read(cap + 1)
            if len(content) != info.file_size:
                raise BundleRefused("数据包内容长度不符，文件已损坏。")
            contents[info.filename] = content
    except BundleRefused:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, KeyError,
            NotImplementedError, RuntimeError, OverflowError) as exc:
        raise BundleRefused("数据包文件已损坏（校验不通过），已拒绝。") from exc
    finally:
        zf.close()
    if len(contents[SIGNATURE]) != 64:
        raise BundleRefused("数据包签名长度不对，已拒绝。")
    if names != [MANIFEST, SIGNATURE, PAYLOAD, README] or build(
            contents[MANIFEST], contents[SIGNATURE], contents[PAYLOAD], contents[README]) != data:
        raise BundleRefused("数据包的文件结构被改动过（不是本程序写出的原样），已拒绝。")
    return Container(contents[MANIFEST], contents[SIGNATURE], contents[PAYLOAD])


def read_file(path) -> tuple[bytes, Container]:
    """(file bytes, container) of a bundle on disk, with the size checked before reading."""
    from pathlib import Path

    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            raise BundleRefused(f"{path.name} 过大，不是本程序的数据包。")
        data = path.read_bytes()
    except OSError as exc:
        raise BundleRefused(f"读不了文件 {path.name}：{exc.strerror or exc}") from exc
    return data, read(data)
