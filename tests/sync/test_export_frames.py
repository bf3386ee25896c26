"""Export compresses the payload while it is being built (``payload.FrameWriter``): the frames must be byte for
byte those of compressing the joined body, and the reader must take them back exactly; a buffer the caller
changes after handing it over does not change the frames."""

from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fupin_desktop.sync import payload
from fupin_desktop.sync.errors import SyncError

LINES = st.lists(st.binary(max_size=9).map(lambda b: b.replace(b"\n", b" ")), min_size=1, max_size=5)
BLOCKS = st.lists(LINES, max_size=8)  # each block: lines joined by newlines, added in one go


def _old_compress(data: bytes, frame: int) -> bytes:
    """``compress`` as it was before the frames were made on the way: cut at every ``frame`` bytes."""
    import zlib

    chunks = [data[i:i + frame] for i in range(0, len(data), frame)] or [data]
    return b"".join(len(f).to_bytes(4, "big") + f for f in (zlib.compress(c, 1) for c in chunks))


@settings(max_examples=150, deadline=None)
@given(blocks=BLOCKS, frame=st.integers(1, 20))
def test_frames_made_on_the_way_equal_the_frames_of_the_whole(blocks, frame):
    with mock.patch.object(payload, "FRAME", frame):
        writer = payload.FrameWriter()
        lines = []
        for block in blocks:
            writer.add_lines(b"\n".join(block), len(block))
            lines += block
        made = writer.finish()
        body = b"\n".join(lines)
        assert made.data == _old_compress(body, frame) == payload.compress(body)
        assert (made.size, made.lines) == (len(body), len(lines))
        assert payload.decompress(made.data, len(body)) == body


def test_a_wrong_line_count_is_caught_before_anything_is_written():
    writer = payload.FrameWriter()
    writer.add_lines(b"a\nb", 3)
    with pytest.raises(SyncError, match="行数"):
        writer.finish()


class _Deferred:
    """A pool whose work runs only when its result is asked for (a worker that is slow to start)."""

    def submit(self, fn, *args):
        return mock.Mock(result=lambda: fn(*args))

    def shutdown(self):
        pass


def test_a_buffer_reused_by_the_caller_does_not_change_the_frames():
    body = b"ab\ncd\nef\ngh\nij"
    with mock.patch.object(payload, "FRAME", 4), mock.patch.object(payload, "_pool", _Deferred):
        writer = payload.FrameWriter()
        buffer = bytearray(body)
        writer.add(buffer)
        buffer[:] = b"x" * len(body)  # reused for the next piece before the workers ran
        made = writer.finish()
        assert made.data == payload.compress(body)
