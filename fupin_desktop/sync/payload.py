"""The payload inside a bundle: JSON lines, one change per line, parsed by our own code with size limits.

Line kinds (each a JSON array whose first item names the kind):

- ``["v", table, row_id, field, stamp, bases, value, op_id, author, reason]``: one field-level change
  (field ``*`` = a new row, ``value`` the whole row); ``bases`` are the stamps of the values it replaced.
- ``["l", <the 14 ledger columns>]``: one entry of the daily book (append-only, carries its own stamp);
  parsed and checked by the fast path in ``ledger_lines``.
- ``["a", bundle_id, device, seq, refused, conflicts]``: in corrections, an acknowledged village bundle.
- ``["r", table, row_id, field, stamp, reason]``: in corrections, a village change the township refused.
- ``["b", sha256, size, mime, base64]``: the content of an attachment whose link (table ``attachments``) is in
  the bundle, each content once. Its size (at most ``MAX_BLOB``), SHA-256 and type (sniffed from the bytes)
  are checked here, before anything is written; such a line may be longer than ``MAX_LINE`` (up to
  ``MAX_BLOB_LINE``). The manifest counts them under ``blobs``.

The payload is the lines joined by newlines, compressed as zlib frames (``compress``); a foreign SQLite file
is never accepted.
"""

import base64
import binascii
import gc
import hashlib
import json
import math
import re
import threading
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import compress as select
from itertools import repeat
from operator import not_

from fupin_desktop.domain import attachments as attach
from fupin_desktop.storage import tables as t
from fupin_desktop.sync.errors import BundleRefused, SyncError
from fupin_desktop.sync.manifest import DEVICE_RE, HEX64_RE, STAMP_RE, UUID_RE

MAX_LINE = 64 * 1024
MAX_TEXT = 16 * 1024
MAX_PAYLOAD = 1024 * 1024 * 1024
MAX_LINES = 30_000_000
MAX_ROW_FIELDS = 200
MAX_BLOB = attach.MAX_BYTES  # bytes of one attachment's content
MAX_BLOB_B64 = 4 * ((MAX_BLOB + 2) // 3)
MAX_BLOB_LINE = MAX_BLOB_B64 + 200
BLOB_PREFIX = b'["b",'
BLOB_COUNT = "blobs"  # the manifest's count of ``b`` lines
FRAME = 8 * 1024 * 1024  # uncompressed bytes per compressed frame
SLICE = 8192  # lines parsed between two calls of ``pause``
_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")  # our writers never escape; a lone surrogate cannot be stored
ID_RE = re.compile(r"[0-9A-Za-z_.:-]{1,64}")
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
LEDGER_COLUMNS = ("id", "household_id", "date", "category", "amount_fen", "quantity", "unit", "note",
                  "recorded_by", "reverses", "hlc", "device", "operator", "reason")
# Columns that never travel: local caches and the row's own last-stamp.
NOT_SYNCED = frozenset(("updated_hlc", *t.HOUSEHOLD_DERIVED))
VERSIONED_TABLES = tuple(x for x in t.SYNCABLE if x != t.LEDGER)


@dataclass(frozen=True, slots=True)
class Change:
    tbl: str
    row_id: str
    field: str
    stamp: str
    bases: tuple
    value: object
    op_id: str = ""
    author: str = ""
    reason: str = ""

    @property
    def device(self) -> str:
        return self.stamp.split(".", 2)[2]

    def line(self) -> list:
        return ["v", self.tbl, self.row_id, self.field, self.stamp, list(self.bases), self.value, self.op_id,
                self.author, self.reason]


@dataclass
class Payload:
    changes: list = field(default_factory=list)  # Change
    ledger: list = field(default_factory=list)  # book rows (14 values in LEDGER_COLUMNS order), ``ledger_lines``
    ledger_households: set = field(default_factory=set)  # household ids the book lines refer to
    acks: list = field(default_factory=list)  # (bundle_id, device, seq, refused, conflicts)
    refusals: list = field(default_factory=list)  # (table, row_id, field, stamp, reason)
    blobs: dict = field(default_factory=dict)  # sha256 -> (mime, bytes) of attachments, checked
    # a big bundle read in the worker process (``reader_process``): its book rows are in this staging file
    ledger_file: str = ""
    ledger_count: int = 0

    @property
    def book_lines(self) -> int:
        return self.ledger_count if self.ledger_file else len(self.ledger)

    @property
    def lines(self) -> int:
        return len(self.changes) + self.book_lines + len(self.acks) + len(self.refusals) + len(self.blobs)


def dumps_line(items) -> bytes:
    return json.dumps(items, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def blob_line(sha256: str, mime: str, data: bytes) -> bytes:
    """The ``b`` line of one attachment's content."""
    return b'["b","%s",%d,"%s","%s"]' % (sha256.encode("ascii"), len(data), mime.encode("ascii"),
                                         base64.b64encode(data))


def _blob(item: list, blobs: dict) -> None:
    """Check one ``b`` line whole: its declared size and type, then the bytes against size, SHA-256 and type."""
    if len(item) != 5:
        raise _Bad
    _, sha, size, mime, text = item
    _str(sha, HEX64_RE, 64)
    if mime not in attach.EXTENSIONS or sha in blobs:
        raise _Bad
    if not isinstance(size, int) or isinstance(size, bool) or size < 1:
        raise _Bad
    if size > MAX_BLOB:
        raise BundleRefused(f"数据包里的附件（{sha[:12]}…）有 {attach.size_over_limit(size)}，超过每个附件 "
                            f"{attach.LIMIT_TEXT} 的上限，已拒绝整个文件。")
    data = base64.b64decode(_str(text, size=MAX_BLOB_B64), validate=True)
    if len(data) != size or hashlib.sha256(data).hexdigest() != sha:
        raise BundleRefused(f"数据包里的附件（{sha[:12]}…）大小或校验值不符：文件已损坏或被改动，已拒绝整个文件。")
    if attach.sniff(data) != mime:
        raise BundleRefused(f"数据包里的附件（{sha[:12]}…）内容不是它所说的类型，已拒绝整个文件。")
    blobs[sha] = (mime, data)


def _pool():
    import os
    from concurrent.futures import ThreadPoolExecutor

    return ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1)))


def compress(data: bytes) -> bytes:
    """zlib frames: ``[4-byte big-endian length][zlib stream of ≤ FRAME bytes]`` …, compressed in parallel
    (zlib releases the GIL), so a village's full book compresses on both cores."""
    writer = FrameWriter()
    writer.add(data)
    return writer.finish().data


@dataclass(frozen=True)
class Compressed:
    data: bytes  # the frames
    size: int  # bytes before compression
    lines: int


class FrameWriter:
    """The frames of ``compress`` made while the body is still being produced: lines go in as they come, and
    every full frame is compressed on a worker thread at once (while SQLite builds the next piece of the
    book, which releases the GIL too). The result is byte for byte ``compress`` of the joined lines."""

    def __init__(self) -> None:
        self._pool = _pool()
        self._pending = bytearray()
        self._frames: list = []
        self._size = 0
        self._lines = 0

    def add(self, data: bytes) -> None:
        """Raw bytes of the body, no separator added. Full frames are cut from ``data`` in place while workers
        compress them, so ``data`` must not change: a buffer other than ``bytes`` (which a caller may reuse)
        is copied first."""
        if type(data) is not bytes:
            data = bytes(data)
        self._size += len(data)
        start = 0
        if self._pending:
            start = min(FRAME - len(self._pending), len(data))
            self._pending += data[:start]
            if len(self._pending) < FRAME:
                return
            self._submit(bytes(self._pending), 0, FRAME)
            self._pending = bytearray()
        while len(data) - start >= FRAME:
            self._submit(data, start, start + FRAME)
            start += FRAME
        self._pending += data[start:]

    def _submit(self, data: bytes, start: int, end: int) -> None:
        self._frames.append(self._pool.submit(_frame, data, start, end))

    def add_lines(self, block: bytes, count: int) -> None:
        """``count`` lines joined by newlines, after the lines already added (a newline goes between)."""
        self.add(b"\n" + block if self._lines else block)
        self._lines += count

    def finish(self) -> Compressed:
        """The frames; the newlines counted in them must agree with the lines said to be added."""
        try:
            if self._pending or not self._frames:
                self._submit(bytes(self._pending), 0, len(self._pending))
            frames = [future.result() for future in self._frames]
        finally:
            self._pool.shutdown()
        if self._lines and sum(newlines for _, newlines in frames) != self._lines - 1:
            raise SyncError("导出内容的行数核对不符，没有写出文件；请重试。")
        return Compressed(b"".join(len(f).to_bytes(4, "big") + f for f, _ in frames), self._size, self._lines)


def _frame(data: bytes, start: int, end: int) -> tuple[bytes, int]:
    """One frame of ``data[start:end]`` and the newlines in it (zlib works on the slice without a copy)."""
    with memoryview(data) as view:
        return zlib.compress(view[start:end], 1), data.count(b"\n", start, end)


def _inflate(frame: bytes) -> bytes:
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(frame, FRAME + 1)
    except zlib.error as exc:
        raise BundleRefused("数据包内容无法解压，文件已损坏。") from exc
    if len(out) > FRAME or inflater.unconsumed_tail or not inflater.eof or inflater.unused_data:
        raise BundleRefused("数据包内容的大小与说明不符，已拒绝（可能是压缩炸弹或文件损坏）。")
    return out


def decompress(data: bytes, expected_size: int) -> bytes:
    """Undo ``compress`` with every size checked: no frame may inflate past ``FRAME`` bytes, and the total
    must be exactly the size the signed manifest states."""
    if expected_size > MAX_PAYLOAD:
        raise BundleRefused("数据包内容过大，已拒绝。")
    frames, pos = [], 0
    while pos < len(data):
        if pos + 4 > len(data):
            raise BundleRefused("数据包内容无法解压，文件已损坏。")
        size = int.from_bytes(data[pos:pos + 4], "big")
        frames.append(data[pos + 4:pos + 4 + size])
        if len(frames[-1]) != size or len(frames) > expected_size // FRAME + 1:
            raise BundleRefused("数据包内容无法解压，文件已损坏。")
        pos += 4 + size
    with _pool() as pool:
        parts = list(pool.map(_inflate, frames))
    out = b"".join(parts)
    if len(out) != expected_size or any(len(p) != FRAME for p in parts[:-1]):
        raise BundleRefused("数据包内容的大小与说明不符，已拒绝（可能是压缩炸弹或文件损坏）。")
    return out


class _Bad(Exception):
    pass


def _scalar(value):
    if value is None or isinstance(value, bool | int | str):
        if isinstance(value, int) and not isinstance(value, bool) and not -2**63 <= value < 2**63:
            raise _Bad
        if isinstance(value, str) and len(value) > MAX_TEXT:
            raise _Bad
        return value
    if isinstance(value, float) and math.isfinite(value):
        return value
    raise _Bad


def _str(value, pattern: re.Pattern | None = None, size: int = MAX_TEXT) -> str:
    if not isinstance(value, str) or len(value) > size or (pattern is not None and not pattern.fullmatch(value)):
        raise _Bad
    return value


def _change(item: list, columns: dict) -> Change:
    if len(item) != 10:
        raise _Bad
    _, tbl, row_id, name, stamp, bases, value, op_id, author, reason = item
    if tbl not in columns or tbl == t.LEDGER:
        raise _Bad
    _str(row_id, ID_RE)
    _str(stamp, STAMP_RE, 140)
    if not isinstance(bases, list) or len(bases) > 16:
        raise _Bad
    for base in bases:
        _str(base, STAMP_RE, 140)
    if name == "*":
        if type(value) is not dict or len(value) > MAX_ROW_FIELDS or value.get("id") != row_id:
            raise _Bad
        if not value.keys() <= columns[tbl] or not NOT_SYNCED.isdisjoint(value):
            raise _Bad
        for cell in value.values():  # the common types first: this runs for every column of every new row
            kind = type(cell)
            if kind is str:
                if len(cell) > MAX_TEXT:
                    raise _Bad
            elif cell is not None and kind is not bool:
                _scalar(cell)
    else:
        if name not in columns[tbl] or name in NOT_SYNCED or name == "id":
            raise _Bad
        _scalar(value)
    return Change(tbl, row_id, name, stamp, tuple(bases), value, _str(op_id, size=64), _str(author, size=200),
                  _str(reason, size=2000))


_paused = {"depth": 0, "was": False}
_paused_lock = threading.Lock()


@contextmanager
def no_cycle_collection():
    """Pause the cyclic garbage collector while a million small lists are made: none of them forms a cycle,
    and each pass would walk all the lists made so far (it tripled the time of parsing a village's book).
    Nested and concurrent uses (the importing thread and a reader thread) share one pause."""
    with _paused_lock:
        if not _paused["depth"]:
            _paused["was"] = gc.isenabled()
            gc.disable()
        _paused["depth"] += 1
    try:
        yield
    finally:
        with _paused_lock:
            _paused["depth"] -= 1
            if not _paused["depth"] and _paused["was"]:
                gc.enable()


def parse_lines(data: bytes, expected_lines: int, columns: dict, *, corrections: bool, pause=None) -> Payload:
    """Parse every line strictly; any bad line refuses the whole bundle (nothing is written).

    ``pause``: called between slices of the work (a reader thread waits there for its turn)."""
    with no_cycle_collection():
        return _parse_lines(data, expected_lines, columns, corrections, pause or (lambda: None))


def _parse_lines(data: bytes, expected_lines: int, columns: dict, corrections: bool, pause) -> Payload:
    if expected_lines > MAX_LINES:
        raise BundleRefused("数据包行数过多，已拒绝。")
    lines = data.split(b"\n") if data else []
    if len(lines) != expected_lines:
        raise BundleRefused("数据包行数与说明不符，已拒绝。")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BundleRefused("数据包内容不是有效的UTF-8文字，已拒绝。") from exc
    if _SURROGATE.search(data):
        raise BundleRefused("数据包内容含有无效的字符编码，已拒绝。")
    from fupin_desktop.sync import ledger_lines

    payload = Payload()
    loads = json.loads
    # the first line that is too long; the lines before it are read in order, so the first fault is named
    too_long = len(lines) + 1
    if max(map(len, lines), default=0) > MAX_LINE:  # only an attachment's line may be longer, up to its own cap
        too_long = next((n for n, raw in enumerate(lines, 1) if len(raw) > MAX_LINE
                         and (len(raw) > MAX_BLOB_LINE or not raw.startswith(BLOB_PREFIX))), len(lines) + 1)
    book = list(map(bytes.startswith, lines, repeat(ledger_lines.PREFIX)))
    ledger, numbers = list(select(lines, book)), list(select(range(1, len(lines) + 1), book))
    for number, raw in select(enumerate(lines, 1), map(not_, book)):
        if number >= too_long:
            break
        if not number % SLICE:
            pause()
        try:
            item = loads(raw.decode("utf-8"))
            if not isinstance(item, list) or not item:
                raise _Bad
            kind = item[0]
            if kind == "v":
                payload.changes.append(_change(item, columns))
            elif kind == "a" and corrections and len(item) == 6:
                payload.acks.append((_str(item[1], UUID_RE), _str(item[2], DEVICE_RE), _int(item[3]),
                                     _int(item[4]), _int(item[5])))
            elif kind == "r" and corrections and len(item) == 6:
                payload.refusals.append((_str(item[1], size=40), _str(item[2], ID_RE), _str(item[3], size=64),
                                         _str(item[4], STAMP_RE, 140), _str(item[5], size=200)))
            elif kind == "b":
                _blob(item, payload.blobs)
            else:
                raise _Bad
        except (_Bad, ValueError, RecursionError, binascii.Error) as exc:  # UnicodeDecodeError is a ValueError
            raise BundleRefused(f"数据包第 {number} 行格式不对，已拒绝整个文件。") from exc
    if too_long <= len(lines):
        raise BundleRefused(f"数据包第 {too_long} 行过长（{len(lines[too_long - 1])} 字节），已拒绝。")
    payload.ledger, payload.ledger_households = ledger_lines.check(ledger, numbers, pause)
    return payload


def _int(value) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 2**53:
        raise _Bad
    return value
