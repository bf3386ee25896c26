"""Attachments (附件): which files may be attached to a visit or an exit step, told by their content.

A file is accepted when its first bytes are those of a JPEG or PNG picture or a PDF document, its name ends
with an extension of that same type, and it is not larger than ``MAX_BYTES``. The type is always taken from
the content (``sniff``), never from the name alone.
"""

import hashlib

MAX_BYTES = 10 * 1024 * 1024  # per file, here and in a USB bundle
MAX_NAME = 120  # characters of a file name kept

JPEG, PNG, PDF = "image/jpeg", "image/png", "application/pdf"
EXTENSIONS = {JPEG: ("jpg", "jpeg"), PNG: ("png",), PDF: ("pdf",)}
LABELS = {JPEG: "JPG 照片", PNG: "PNG 图片", PDF: "PDF 文件"}
_MAGIC = ((b"\xff\xd8\xff", JPEG), (b"\x89PNG\r\n\x1a\n", PNG), (b"%PDF-", PDF))


def sniff(data: bytes) -> str | None:
    """The type of ``data`` from its first bytes, or None when it is none of the accepted ones."""
    for magic, mime in _MAGIC:
        if data.startswith(magic):
            return mime
    return None


def extension_type(file_name: str) -> str | None:
    """The type a file name's extension claims, or None."""
    ext = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    return next((mime for mime, exts in EXTENSIONS.items() if ext in exts), None)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def format_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def size_over_limit(size: int) -> str:
    """A size above ``MAX_BYTES`` as a person reads it; in bytes when it would round to the limit itself."""
    text = format_size(size)
    return f"{size:,} 字节" if text == format_size(MAX_BYTES) else text


LIMIT_TEXT = "10 MB"  # MAX_BYTES, as said in messages


def clean_name(file_name: str) -> str:
    """The last part of a path, without control characters, at most ``MAX_NAME`` characters (the extension
    kept)."""
    name = file_name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    if len(name) > MAX_NAME:
        stem, dot, ext = name.rpartition(".")
        name = (stem[:MAX_NAME - len(ext) - 1] + dot + ext) if dot and len(ext) <= 8 else name[:MAX_NAME]
    return name
