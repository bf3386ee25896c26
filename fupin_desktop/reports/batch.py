"""Batch printing: a whole village's household packets, streamed, with progress and cancellation.

One file (default): a single ReportLab document is fed household after household by a generator, so only
the household being laid out is in memory, the font is subset once for the whole file and page numbers
restart at each household (``layout.PartStart``). Measured against building each household alone and
concatenating with pypdf (``method="merge"``), the single document is faster and the file much smaller
(one font subset instead of one per household): see ``reports/bench.py``.

One file per household: ``out`` is a folder; files are named by position and household number only (no
names or ID numbers in file names).

Output is written to a temporary name and renamed when complete: a cancelled or failed job leaves no half
file behind (files of households already finished stay, in per-household mode).
"""

import io
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from reportlab.platypus import PageBreak

from fupin_desktop.reports.data import PacketData
from fupin_desktop.reports.layout import FormDocument, StoryStream
from fupin_desktop.reports.packet import TITLE_TEXT, packet_story, render_packet

Progress = Callable[[int, int], None]  # (households done, pages done)


class PrintCancelled(Exception):
    """The job was cancelled; ``households`` and ``pages`` tell how far it got."""

    def __init__(self, households: int, pages: int) -> None:
        super().__init__(f"打印已取消（已完成{households}户，{pages}页）")
        self.households, self.pages = households, pages


def _until_cancelled(packets: Iterable[PacketData], cancelled: Callable[[], bool], state: dict):
    """The packets, asking ``cancelled()`` before pulling each one (a cancelled job builds no more data)."""
    iterator = iter(packets)
    while True:
        if cancelled():
            state["cancelled"] = True
            return
        data = next(iterator, None)
        if data is None:
            return
        yield data


def _atomic_target(out) -> tuple[object, Callable[[bool], None]]:
    """(what to write to, finish(ok)) for a path (temporary file, renamed on success) or an open file."""
    if hasattr(out, "write"):
        return out, lambda ok: None
    target = Path(out)
    fd, temp = tempfile.mkstemp(prefix=".printing-", suffix=".pdf", dir=target.parent or ".")
    os.close(fd)

    def finish(ok: bool) -> None:
        if ok:
            os.replace(temp, target)
        elif os.path.exists(temp):
            os.remove(temp)

    return temp, finish


def _stream_one_file(packets, out, progress, cancelled, locale) -> int:
    target, finish = _atomic_target(out)
    doc = FormDocument(target, title=TITLE_TEXT)
    state = {"households": 0, "cancelled": False}

    def stories():
        for data in _until_cancelled(packets, cancelled, state):
            if state["households"] and progress:
                progress(state["households"], doc.pages_done)
            story = packet_story(data, locale=locale)
            yield [PageBreak(), *story] if state["households"] else story
            state["households"] += 1

    ok, pages = False, 0
    try:
        pages = doc.build(StoryStream(stories()))
        ok = not state["cancelled"] and state["households"] > 0
    finally:
        finish(ok)
    if state["cancelled"]:
        raise PrintCancelled(state["households"], pages)
    if progress:
        progress(state["households"], pages)
    return pages if state["households"] else 0


def _merge_one_file(packets, out, progress, cancelled, locale) -> int:
    from pypdf import PdfReader, PdfWriter

    writer, pages, done = PdfWriter(), 0, 0
    state = {"cancelled": False}
    for data in _until_cancelled(packets, cancelled, state):
        buffer = io.BytesIO()
        pages += render_packet(data, buffer, locale=locale)
        writer.append(PdfReader(buffer))
        done += 1
        if progress:
            progress(done, pages)
    if state["cancelled"]:
        raise PrintCancelled(done, pages)
    write_pdf(writer, out)
    return pages


def write_pdf(writer, out) -> None:
    """Write a pypdf writer to a path (temporary name, renamed once complete) or to an open file."""
    target, finish = _atomic_target(out)
    try:
        if hasattr(target, "write"):
            writer.write(target)
        else:
            with open(target, "wb") as handle:
                writer.write(handle)
        finish(True)
    except BaseException:
        finish(False)
        raise


def default_file_name(index: int, data: PacketData) -> str:
    number = re.sub(r"[^0-9A-Za-z_-]", "", data.household.number)[:40]
    return f"packet-{index + 1:04d}" + (f"-{number}" if number else "") + ".pdf"


def _one_file_each(packets, folder, progress, cancelled, locale, name_for) -> int:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    pages = done = 0
    state = {"cancelled": False}
    for index, data in enumerate(_until_cancelled(packets, cancelled, state)):
        target, finish = _atomic_target(folder / name_for(index, data))
        try:
            pages += render_packet(data, target, locale=locale)
            finish(True)
        except BaseException:
            finish(False)
            raise
        done += 1
        if progress:
            progress(done, pages)
    if state["cancelled"]:
        raise PrintCancelled(done, pages)
    return pages


def render_packets(packets: Iterable[PacketData], out, *, one_file: bool = True, progress: Progress | None = None,
                   cancelled: Callable[[], bool] = lambda: False, locale: str = "zh_CN", method: str = "stream",
                   name_for: Callable[[int, PacketData], str] = default_file_name, workers: int = 1,
                   chunk: int = 50) -> int:
    """Print the packets of ``packets`` (any iterable, consumed lazily); returns the number of pages.

    ``out`` is a PDF path or binary file (``one_file``) or a folder. ``progress(households, pages)`` is called
    after each household; when ``cancelled()`` turns true the job stops before the next household and raises
    :class:`PrintCancelled`. ``method`` ("stream" or "merge") chooses how one file is made. With ``workers`` > 1
    chunks of ``chunk`` households are laid out in worker processes (``reports.parallel``).
    """
    if workers > 1:
        from fupin_desktop.reports.parallel import render_parallel

        return render_parallel(packets, out, one_file=one_file, workers=workers, chunk=chunk, progress=progress,
                               cancelled=cancelled, locale=locale, name_for=name_for)
    if not one_file:
        return _one_file_each(packets, out, progress, cancelled, locale, name_for)
    if method == "merge":
        return _merge_one_file(packets, out, progress, cancelled, locale)
    return _stream_one_file(packets, out, progress, cancelled, locale)
