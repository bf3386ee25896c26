"""Demo generation on two processes: a child process makes the rows, the calling process writes them.

SQLite inserts and the Python that makes the rows each keep one core busy; threads cannot overlap them (the
GIL), processes can. The child runs the same deterministic generator (``demo.produce``) with a sink loader
and sends each prepared batch through a bounded queue; this process writes it with ``write_batches`` in its
own transaction, on the connection it owns. Stamps come from a clock in the child that starts past this
process's clock; at the end this clock moves past the child's last stamp.
"""

import multiprocessing
import queue
import traceback
from collections.abc import Callable

from fupin_desktop.domain.clock import HybridClock
from fupin_desktop.storage.bulk import BulkLoader

_QUEUE_DEPTH = 3  # batches in flight (each up to BulkLoader.flush_rows rows)
_POLL_SECONDS = 1.0


def _child(job: tuple, device: str, last_stamp: str, operator: str, source: str, op_id: str, out) -> None:
    try:
        from fupin_desktop.services import demo

        hlc = HybridClock(device, last=last_stamp)
        loader = BulkLoader(None, hlc, operator, source, op_id=op_id, cache_mb=0,
                            sink=lambda batches, changelog: out.put(("rows", batches, changelog)))
        demo.produce(loader, *job, lambda done, total: out.put(("progress", done, total)))
        out.put(("done", hlc.tick()))
    except BaseException:
        out.put(("error", traceback.format_exc()))


def run_in_worker(db, hlc: HybridClock, operator: str, source: str, op_id: str, job: tuple,
                  progress: Callable[[int, int], object] | None) -> BulkLoader:
    """Make the rows of ``demo.produce(*job)`` in a child process and write them here; returns the writer."""
    context = multiprocessing.get_context("spawn")
    out = context.Queue(maxsize=_QUEUE_DEPTH)
    child = context.Process(target=_child, name="fupin-demo",
                            args=(job, hlc.device_id, hlc.tick(), operator, source, op_id, out), daemon=True)
    writer = BulkLoader(db, hlc, operator, source, op_id=op_id)
    child.start()
    try:
        while True:
            try:
                message = out.get(timeout=_POLL_SECONDS)
            except queue.Empty:
                if not child.is_alive():
                    raise RuntimeError("生成演示数据的子进程意外退出") from None
                continue
            kind = message[0]
            if kind == "rows":
                writer.write_batches(message[1], message[2])
            elif kind == "progress":
                if progress is not None:
                    progress(message[1], message[2])
            elif kind == "done":
                hlc.observe(message[1])
                break
            else:
                raise RuntimeError("生成演示数据失败：\n" + message[1])
    finally:
        writer.close()
        if child.is_alive():
            child.terminate()
        child.join()
    return writer
