"""Batch printing on several processes: chunks of households laid out in parallel, joined in order.

ReportLab lays out pages in pure Python, one core at a time. With ``workers > 1`` the households are cut
into chunks of ``chunk`` households. This process lays out chunks itself and keeps ``workers - 1`` worker
processes busy with others (two chunks queued each), so ``workers`` cores work and only ``workers - 1``
processes have to start. Each chunk is one streamed PDF (``batch.render_packets``); finished chunks are
appended to the output in order as soon as the chunks before them are (``pdfjoin.PdfJoiner``: objects
copied, not re-read page by page), or, for one file per household, each chunk writes its households' files.
At most a few chunks wait in memory, however long the village.

Optional: the desktop app keeps ``workers=1`` unless asked (a frozen Windows build needs
``multiprocessing.freeze_support()`` in its entry point before it may start worker processes).
"""

import io
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from itertools import islice
from pathlib import Path

from fupin_desktop.reports.data import PacketData


def _render_chunk(packets: list, locale: str, render: Callable | None = None) -> tuple[bytes, int]:
    """One chunk as one PDF in memory: ``render(datas, out, locale=…)`` (default: the household packets)."""
    from fupin_desktop.reports.batch import render_packets

    buffer = io.BytesIO()
    pages = (render or render_packets)(iter(packets), buffer, locale=locale)
    return buffer.getvalue(), pages


def _render_files(packets: list[tuple[int, PacketData]], folder: str, names: list[str], locale: str,
                  render: Callable | None = None) -> int:
    from fupin_desktop.reports.batch import render_packets

    pages = 0
    for (_, data), name in zip(packets, names, strict=True):
        pages += (render or render_packets)(iter([data]), str(Path(folder) / name), locale=locale)
    return pages


def _chunks(packets: Iterable[PacketData], size: int) -> Iterator[list[tuple[int, PacketData]]]:
    numbered = enumerate(packets)
    while batch := list(islice(numbered, size)):
        yield batch


class _InOrder:
    """Chunk results written in the order the chunks were handed out, whatever order they finish in."""

    def __init__(self, write: Callable[[object], int], progress: Callable[[int, int], None] | None) -> None:
        self.write, self.progress = write, progress
        self.handed = self.written = self.households = self.pages = 0
        self.sizes: dict[int, int] = {}
        self.waiting: dict[int, object] = {}

    def hand_out(self, size: int) -> int:
        self.sizes[self.handed] = size
        self.handed += 1
        return self.handed - 1

    def finished(self, number: int, result) -> None:
        self.waiting[number] = result
        while self.written in self.waiting:
            self.pages += self.write(self.waiting.pop(self.written))
            self.households += self.sizes.pop(self.written)
            self.written += 1
            if self.progress:
                self.progress(self.households, self.pages)


def render_parallel(packets: Iterable[PacketData], out, *, one_file: bool, workers: int, chunk: int,
                    progress: Callable[[int, int], None] | None, cancelled: Callable[[], bool], locale: str,
                    name_for: Callable[[int, PacketData], str], render: Callable | None = None) -> int:
    """Lay out ``packets`` in chunks on ``workers`` processes into ``out`` (see the module notes); ``render``
    (a module-level function, or a ``functools.partial`` of one, so that it can be sent to the workers)
    lays out a chunk: ``render(datas, out, locale=…) -> pages``, by default ``batch.render_packets``."""
    from fupin_desktop.reports.batch import PrintCancelled, _atomic_target
    from fupin_desktop.reports.pdfjoin import PdfJoiner

    if one_file:
        target, finish = _atomic_target(out)
        handle = target if hasattr(target, "write") else open(target, "wb")  # noqa: SIM115 - closed below
        joiner = PdfJoiner(handle)
        order = _InOrder(lambda result: joiner.add(result[0]), progress)
    else:
        Path(out).mkdir(parents=True, exist_ok=True)
        order = _InOrder(lambda result: result, progress)

    def job(batch):
        if one_file:
            return _render_chunk, ([d for _, d in batch], locale, render)
        return _render_files, (batch, str(out), [name_for(i, d) for i, d in batch], locale, render)

    source = _chunks(packets, max(1, chunk))
    pending: dict[Future, int] = {}
    stopped = ok = False
    try:
        with ProcessPoolExecutor(max_workers=max(1, workers - 1)) as pool:
            while True:
                if cancelled():
                    stopped = True
                    break
                while len(pending) < 2 * (workers - 1) and (batch := next(source, None)) is not None:
                    fn, args = job(batch)
                    pending[pool.submit(fn, *args)] = order.hand_out(len(batch))
                for future in [f for f in pending if f.done()]:
                    order.finished(pending.pop(future), future.result())
                if len(order.waiting) >= 2 * workers:  # this process is ahead: let the workers catch up
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        order.finished(pending.pop(future), future.result())
                    continue
                batch = next(source, None)
                if batch is None:
                    break
                number = order.hand_out(len(batch))
                fn, args = job(batch)
                order.finished(number, fn(*args))
            if stopped:
                for future in pending:
                    future.cancel()
            else:
                for future in wait(pending).done:
                    order.finished(pending[future], future.result())
        ok = not stopped and order.households > 0
        if one_file and ok:
            joiner.close()
    finally:
        if one_file:
            if handle is not target:
                handle.close()
            finish(ok)
    if stopped:
        raise PrintCancelled(order.households, order.pages)
    return order.pages
