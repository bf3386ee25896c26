"""Attachments (附件): photos of a visit (走访记录) and the papers of an exit-procedure step (脱贫进度).

A file is checked whole before anything is written (at most 10 MB, a JPG/PNG picture or a PDF told by its
content, the name's extension of the same type), then its bytes go into the content-addressed blob table and
the link into ``attachments`` through the change log, in one transaction: nothing is half-saved. Removing is
a tombstone with a reason; the blob stays. Opening writes a read-only copy under ``<data-dir>/opened/`` for
the system's viewer; copies older than a day are cleared at the next opening.
"""

import os
import shutil
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from fupin_desktop.domain import attachments as a
from fupin_desktop.services.changes import Changes
from fupin_desktop.services.errors import NotFoundError, ValidationError
from fupin_desktop.storage import blobs
from fupin_desktop.storage import tables as t

OWNERS = {t.VISITS: "走访记录", t.EXIT_STEPS: "退出程序记录"}
OPENED_DIR = "opened"
KEEP_OPENED_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Attachment:
    id: str
    household_id: str
    owner_table: str
    owner_id: str
    sha256: str
    file_name: str
    size: int
    mime: str
    deleted: bool = False

    @property
    def size_text(self) -> str:
        return a.format_size(self.size)


_SELECT = (f"SELECT l.id, l.household_id, l.owner_table, l.owner_id, l.sha256, l.file_name,"
           f" coalesce(b.size, 0), coalesce(b.mime, ''), l.deleted FROM {t.ATTACHMENTS} l"
           f" LEFT JOIN {t.ATTACHMENT_BLOBS} b ON b.sha256 = l.sha256")


def _attachment(row) -> Attachment:
    return Attachment(*row[:8], deleted=bool(row[8]))


def check_content(file_name: str, data: bytes) -> str:
    """The type of a file to attach, or ``ValidationError`` saying what is wrong with it."""
    if not data:
        raise ValidationError(f"文件“{file_name}”是空的，没有添加。")
    if len(data) > a.MAX_BYTES:
        raise ValidationError(f"文件“{file_name}”有 {a.size_over_limit(len(data))}，超过了每个附件 "
                              f"{a.LIMIT_TEXT} 的上限，没有添加。可以先把照片压缩或缩小后再添加。")
    claimed = a.extension_type(file_name)
    if claimed is None:
        raise ValidationError(f"只能添加 JPG、PNG 照片或 PDF 文件，“{file_name}”不是这几种，没有添加。")
    found = a.sniff(data)
    if found is None:
        raise ValidationError(f"文件“{file_name}”的内容不是 JPG、PNG 照片或 PDF（可能已损坏，或只是改了扩展名），"
                              "没有添加。")
    if found != claimed:
        raise ValidationError(f"文件“{file_name}”的扩展名表示{a.LABELS[claimed]}，内容却是{a.LABELS[found]}，"
                              "请确认选对了文件；没有添加。")
    return found


def _read_file(path: Path) -> bytes:
    name = path.name
    try:
        size = path.stat().st_size
        if size > a.MAX_BYTES:  # refused before reading the whole file
            raise ValidationError(f"文件“{name}”有 {a.size_over_limit(size)}，超过了每个附件 "
                                  f"{a.LIMIT_TEXT} 的上限，没有添加。可以先把照片压缩或缩小后再添加。")
        with open(path, "rb") as handle:
            return handle.read(a.MAX_BYTES + 1)
    except FileNotFoundError as exc:
        raise ValidationError(f"找不到文件“{name}”，没有添加。") from exc
    except IsADirectoryError as exc:
        raise ValidationError(f"“{name}”是文件夹，不是文件，没有添加。") from exc
    except OSError as exc:
        raise ValidationError(f"无法读取文件“{name}”（{exc.strerror or exc}），没有添加。") from exc


def _owner_household(ctx, owner_table: str, owner_id: str) -> str:
    if owner_table not in OWNERS:
        raise ValidationError("附件只能加在走访记录或退出程序记录上。")
    row = ctx.db.execute(f"SELECT o.household_id, o.deleted, h.deleted FROM {owner_table} o"
                         f" JOIN {t.HOUSEHOLDS} h ON h.id = o.household_id WHERE o.id = ?", [owner_id]).fetchone()
    if row is None or row[1]:
        raise NotFoundError(f"找不到这条{OWNERS[owner_table]}（可能已删除），附件没有添加。")
    if row[2]:
        raise NotFoundError("这户档案已删除，附件没有添加。")
    return row[0]


def add_attachment(ctx, owner_table: str, owner_id: str, path=None, *, data: bytes | None = None,
                   file_name: str | None = None) -> tuple[str, Changes]:
    """Attach the file at ``path`` (or ``data`` named ``file_name``) to a visit or exit step.

    Returns (attachment id, Changes). Everything is checked before the one transaction that writes the blob
    (unless this content is already stored) and the link."""
    household_id = _owner_household(ctx, owner_table, owner_id)
    if data is None:
        if path is None:
            raise ValidationError("请选择要添加的文件。")
        path = Path(path)
        data = _read_file(path)
    name = a.clean_name(file_name if file_name is not None else Path(path).name if path is not None else "")
    if not name:
        raise ValidationError("附件需要一个文件名。")
    mime = check_content(name, data)
    sha = a.sha256_hex(data)
    row = {"household_id": household_id, "owner_table": owner_table, "owner_id": owner_id, "sha256": sha,
           "file_name": name, "deleted": 0}
    with ctx.write() as w:
        blobs.put(ctx.db, sha, mime, data)
        attachment_id = w.insert(t.ATTACHMENTS, row, reason=f"添加附件：{name}")
    return attachment_id, Changes.from_writer(w, [household_id])


def attachments_of(ctx, owner_table: str, owner_id: str, *, include_deleted: bool = False) -> list[Attachment]:
    where = " WHERE l.owner_table = ? AND l.owner_id = ?" + ("" if include_deleted else " AND l.deleted = 0")
    return [_attachment(row) for row in ctx.db.execute(_SELECT + where + " ORDER BY l.rowid", [owner_table, owner_id])]


def attachments_of_household(ctx, household_id: str) -> dict[tuple[str, str], list[Attachment]]:
    """The household's attachments not removed, by (owner table, owner id), in the order they were added."""
    found: dict[tuple[str, str], list[Attachment]] = {}
    for row in ctx.db.execute(_SELECT + " WHERE l.household_id = ? AND l.deleted = 0 ORDER BY l.rowid",
                              [household_id]):
        item = _attachment(row)
        found.setdefault((item.owner_table, item.owner_id), []).append(item)
    return found


def get_attachment(ctx, attachment_id: str) -> Attachment | None:
    row = ctx.db.execute(_SELECT + " WHERE l.id = ?", [attachment_id]).fetchone()
    return _attachment(row) if row else None


def read_attachment(ctx, attachment_id: str) -> tuple[Attachment, bytes]:
    """The attachment and its bytes, checked against the SHA-256 it is stored under."""
    item = get_attachment(ctx, attachment_id)
    if item is None or item.deleted:
        raise NotFoundError("找不到这个附件（可能已删除）。")
    found = blobs.read(ctx.db, item.sha256)
    if found is None:
        raise NotFoundError(f"附件“{item.file_name}”的文件内容不在本机，无法打开。")
    if a.sha256_hex(found[1]) != item.sha256:
        raise ValidationError(f"附件“{item.file_name}”的内容校验不符（数据库文件可能已损坏），没有打开。")
    return item, found[1]


def _clear_old_copies(folder: Path, now: float) -> None:
    for child in folder.iterdir() if folder.is_dir() else ():
        try:
            if now - child.stat().st_mtime > KEEP_OPENED_SECONDS:
                for inner in child.glob("*"):
                    os.chmod(inner, stat.S_IWRITE | stat.S_IREAD)
                shutil.rmtree(child)
        except OSError:
            pass  # still open in a viewer (Windows): cleared next time


def open_copy(ctx, attachment_id: str) -> Path:
    """A read-only copy of the attachment for the system's viewer; returns its path (nothing is changed in
    the database)."""
    item, data = read_attachment(ctx, attachment_id)
    folder = ctx.data_dir / OPENED_DIR
    _clear_old_copies(folder, time.time())
    name = a.clean_name(item.file_name) or "附件"
    if a.extension_type(name) != item.mime:
        name += "." + a.EXTENSIONS[item.mime][0]
    target_dir = folder / f"{item.id[:8]}-{item.sha256[:8]}"
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / name
    if target.exists():
        if target.stat().st_size == len(data):
            return target
        os.chmod(target, stat.S_IWRITE | stat.S_IREAD)
    temp = target.with_name(target.name + ".part")
    temp.write_bytes(data)
    os.replace(temp, target)
    os.chmod(target, stat.S_IREAD)
    return target


def remove_attachment(ctx, attachment_id: str, reason: str) -> tuple[dict, Changes]:
    """Remove (tombstone) an attachment, with the reason; the file's content stays stored."""
    if not reason or not reason.strip():
        raise ValidationError("请填写删除附件的原因。")
    item = get_attachment(ctx, attachment_id)
    if item is None or item.deleted:
        raise NotFoundError("找不到这个附件（可能已删除）。")
    with ctx.write() as w:
        changed = w.tombstone(t.ATTACHMENTS, attachment_id, reason.strip())
    return changed, Changes.from_writer(w, [item.household_id])
