"""Batch printing on several processes: chunks of households laid out in parallel, joined in order.

ReportLab lays out pages in pure Python, one core at a time. With ``workers > 1`` the households are cut
into chunks of ``chunk`` households; each worker process writes its chunk as one streamed PDF
(``batch.render_packets``), and the parent joins the chunk files in order with pypdf as they complete
(one file), or the workers write each household's own file (one file per household). At most
``2 × workers`` chunks are in flight, so memory stays bounded however long the village.

Optional: the desktop app keeps ``workers=1`` unless asked (a frozen Windows build needs
``multiprocessing.freeze_support()`` in its entry point before it may start worker processes).
"""

import io
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path

from fupin_desktop.reports.data import PacketData


def _render_chunk(packets: list[PacketData], locale: str) -> tuple[bytes, int]:
    from fupin_desktop.reports.batch import render_packets

    buffer = io.BytesIO()
    pages = render_packets(iter(packets), buffer, locale=locale)
    return buffer.getvalue(), pages


def _render_files(packets: list[tuple[int, PacketData]], folder: str, names: list[str], locale: str) -> int:
    from fupin_desktop.reports.batch import render_packets

    pages = 0
    for (_, data), name in zip(packets, names, strict=True):
        pages += render_packets(iter([data]), str(Path(folder) / name), locale=locale)
    return pages


def render_parallel(packets: Iterable[PacketData], out, *, one_file: bool, workers: int, chunk: int,
                    progress: Callable[[int, int], None] | None, cancelled: Callable[[], bool], locale: str,
                    name_for: Callable[[int, PacketData], str]) -> int:
    from pypdf import PdfReader, PdfWriter

    from fupin_desktop.reports.batch import PrintCancelled, write_pdf

    iterator = enumerate(packets)
    writer = PdfWriter() if one_file else None
    if not one_file:
        Path(out).mkdir(parents=True, exist_ok=True)
    pending: deque[tuple[Future, int]] = deque()
    pages = done = 0
    stopped = False

    def collect(future: Future, size: int) -> None:
        nonlocal pages, done
        if one_file:
            data, count = future.result()
            writer.append(PdfReader(io.BytesIO(data)))
        else:
            count = future.result()
        pages += count
        done += size
        if progress:
            progress(done, pages)

    with ProcessPoolExecutor(max_workers=workers) as pool:
        while True:
            if cancelled():
                stopped = True
                break
            batch = list(islice(iterator, chunk))
            if not batch:
                break
            if one_file:
                future = pool.submit(_render_chunk, [d for _, d in batch], locale)
            else:
                names = [name_for(i, d) for i, d in batch]
                future = pool.submit(_render_files, batch, str(out), names, locale)
            pending.append((future, len(batch)))
            if len(pending) >= 2 * workers:
                collect(*pending.popleft())
        if stopped:
            for future, _ in pending:
                future.cancel()
        while pending:
            future, size = pending.popleft()
            if not future.cancelled():
                collect(future, size)
    if stopped:
        raise PrintCancelled(done, pages)
    if one_file:
        write_pdf(writer, out)
    return pages

