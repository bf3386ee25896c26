"""Batch printing of packets: one streamed file or one file per household, progress, cancellation."""

import io
from dataclasses import replace

import pytest
from pypdf import PdfReader

from fupin_desktop.reports.batch import PrintCancelled, render_packets
from fupin_desktop.reports.bench import run_print_bench
from fupin_desktop.reports.boxes import SignatureBox, ThumbprintBox
from fupin_desktop.reports.packet import render_packet
from fupin_desktop.reports.sample import sample_packet
from tests.reports import factory
from tests.reports.pdf_checks import page_texts


def _packets(n):
    """A generator, as the services will pass one: households are made only when asked for."""
    made = []

    def gen():
        for i in range(n):
            made.append(i)
            yield sample_packet(i)

    return gen(), made


def test_one_file_streams_households_and_numbers_pages_per_household(tmp_path):
    singles = [render_packet(sample_packet(i), io.BytesIO()) for i in range(2)]
    seen = []
    packets, _ = _packets(2)
    target = tmp_path / "village.pdf"
    pages = render_packets(packets, target, progress=lambda households, pages: seen.append((households, pages)))
    assert pages == sum(singles) == len(PdfReader(target).pages)
    assert seen[-1] == (2, pages) and [h for h, _ in seen] == [1, 2]
    texts = page_texts(target)
    assert f"共 {singles[0]} 页" in texts[0] and "第 1 页" in texts[singles[0]]  # numbering restarts
    assert f"共 {singles[1]} 页" in texts[singles[0]]
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind


def test_households_are_pulled_lazily():
    packets, made = _packets(6)
    seen = []
    render_packets(packets, io.BytesIO(), progress=lambda households, pages: seen.append((households, pages, len(made))))
    for households, pages, pulled in seen[:-1]:
        assert pulled - households <= 1  # at most the next household is held ahead of the layout
        assert pages >= 4 * (households - 1)  # the earlier households are already laid out


def test_cancel_stops_and_leaves_no_file(tmp_path):
    packets, made = _packets(20)
    target = tmp_path / "village.pdf"
    with pytest.raises(PrintCancelled) as raised:
        render_packets(packets, target, cancelled=lambda: len(made) >= 3)
    assert raised.value.households == 3 and len(made) == 3  # no household pulled after the cancel
    assert list(tmp_path.iterdir()) == []


def test_one_file_per_household_without_names_in_file_names(tmp_path):
    data = [factory.packet(), replace(factory.packet(), household=factory.household("h2", number="X-2"))]
    pages = render_packets(iter(data), tmp_path / "out", one_file=False)
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == ["packet-0001-610702103201000123.pdf", "packet-0002-X-2.pdf"]
    assert pages == sum(len(PdfReader(tmp_path / "out" / f).pages) for f in files)
    assert all(factory.HEAD not in f for f in files)


def test_merge_method_gives_the_same_pages():
    packets, _ = _packets(2)
    buffer = io.BytesIO()
    pages = render_packets(packets, buffer, method="merge")
    assert pages == len(PdfReader(buffer).pages) >= 8


def test_boxes_are_big_enough_to_sign():
    box = SignatureBox("户主签字：", height=10)
    assert box.wrap(200, 1000)[1] >= 15 * 72 / 25.4  # never below 15 mm
    assert ThumbprintBox().wrap(100, 100)[1] >= 15 * 72 / 25.4


def test_bench_runs_and_reports_both_sides():
    lines = []
    result = run_print_bench(1, lines.append)
    assert result["pages"] == result["bare_pages"] >= 4
    assert result["ratio"] > 0 and any("比值" in line for line in lines)


def test_bench_on_worker_processes_measures_both_sides_on_the_same_pages():
    lines = []
    result = run_print_bench(2, lines.append, workers=2)
    assert result["parallel_pages"] == result["parallel_bare_pages"] == result["pages"] >= 8
    assert result["parallel_ratio"] > 0 and any("2个进程比值" in line for line in lines)
    assert "负载" in lines[0] and lines[-1].startswith("  结果：")


def test_worker_processes_give_the_same_pages_in_order(tmp_path):
    packets, _ = _packets(3)
    target = tmp_path / "village.pdf"
    seen = []
    pages = render_packets(packets, target, workers=2, chunk=1, progress=lambda h, p: seen.append(h))
    texts = page_texts(target)
    assert pages == len(texts) and seen[-1] == 3
    heads = [sample_packet(i).household.number for i in range(3)]
    firsts = [next(k for k, t in enumerate(texts) if number in t) for number in heads]
    assert firsts == sorted(firsts)  # households stay in order
