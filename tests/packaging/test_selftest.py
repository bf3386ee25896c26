"""``run_self_test`` in this process, on the source tree; and its PDF check on its own."""

import re
import sys

import pytest

from fupin_desktop.selftest import FAIL_MARK, NOT_IMPLEMENTED, OK_MARK, SelfTest, check_pdf, run_self_test

STEP_LINE = re.compile(r"^(\[ OK \]|\[FAIL\]) (\d+)\. ([^（]+)（[\d.]+ 秒）：(.*)$")


def test_self_test_on_the_source_tree(tmp_path, monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    lines: list[str] = []
    code = run_self_test(lines.append, root=tmp_path / "selftest")
    steps = [STEP_LINE.match(line) for line in lines if STEP_LINE.match(line)]
    assert [int(m.group(2)) for m in steps] == list(range(1, len(SelfTest.STEPS) + 1)), lines
    assert [m.group(3) for m in steps] == [title for _key, title in SelfTest.STEPS]
    failed = [m for m in steps if m.group(1) == FAIL_MARK]
    assert (code == 0) == (not failed)
    assert not failed, "\n".join(lines)  # every step is implemented now: a "未实现" step is a regression too
    assert not any(NOT_IMPLEMENTED in line for line in lines)
    assert lines[-1].startswith("自检通过")


def test_self_test_never_touches_the_data_folder(tmp_path, monkeypatch):
    """Everything the self-test writes is under its own root; FUPIN_DATA_DIR is put back afterwards."""
    monkeypatch.setenv("FUPIN_DATA_DIR", str(tmp_path / "real-data"))
    monkeypatch.setattr(SelfTest, "STEPS", SelfTest.STEPS[:2])  # open the database and make the demo
    lines: list[str] = []
    run_self_test(lines.append, root=tmp_path / "selftest")
    assert not (tmp_path / "real-data").exists()
    assert (tmp_path / "selftest" / "village" / "fupin.sqlite").is_file()
    import os

    assert os.environ["FUPIN_DATA_DIR"] == str(tmp_path / "real-data")
    assert all(line.startswith(OK_MARK) for line in lines[1:-1]), lines


def test_a_missing_command_fails_as_not_implemented(tmp_path, monkeypatch):
    monkeypatch.setattr(SelfTest, "commands", staticmethod(lambda: {"demo", "summary"}))
    selftest = SelfTest(tmp_path)
    selftest.done = {"open_database", "demo"}
    [result] = [r for r in _run_steps(selftest, ["backup"])]
    assert not result.ok and result.detail.startswith(f"{NOT_IMPLEMENTED}：还没有 fupin backup 命令")


def _run_steps(selftest, keys):
    steps = [(key, title) for key, title in SelfTest.STEPS if key in keys]
    selftest.STEPS = tuple(steps)
    return selftest.run(lambda _line: None)


def _cjk_pdf(path, text):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from fupin_desktop.resources import font_path

    pdfmetrics.registerFont(TTFont("SelfTestCJK", str(font_path()), subfontIndex=0))
    page = canvas.Canvas(str(path), initialFontName="SelfTestCJK")  # as reports/layout.py: no Helvetica
    page.setFont("SelfTestCJK", 12)
    page.drawString(72, 720, text)
    page.save()


def test_pdf_check_reads_chinese_text(tmp_path):
    pytest.importorskip("pypdf")
    path = tmp_path / "a.pdf"
    _cjk_pdf(path, "张三丰 龙江村 户编号 6107021002010001")
    assert not check_pdf(path, ["张三丰", "龙江村", "6107021002010001"]).problems
    assert "找不到：李四" in check_pdf(path, ["张三丰", "李四"]).problems[0]


def test_pdf_check_without_pypdf_checks_the_structure(tmp_path, monkeypatch):
    path = tmp_path / "a.pdf"
    _cjk_pdf(path, "张三丰")
    monkeypatch.setitem(sys.modules, "pypdf", None)  # as in a bundle without pypdf
    check = check_pdf(path, ["张三丰"])
    assert not check.problems and "未核对文字" in check.summary
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4 broken")
    assert check_pdf(tmp_path / "b.pdf", []).problems == ["文件不是完整的 PDF"]


def test_modal_closer_dismisses_boxes_but_not_progress(qapp):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox, QProgressDialog

    from fupin_desktop.qt.selftest_pages import ModalCloser

    with ModalCloser(qapp) as closer:
        progress = QProgressDialog("整理帮扶干部", "取消", 0, 0)
        progress.setModal(True)
        progress.show()
        box = QMessageBox(QMessageBox.Icon.Critical, "无法打开数据", "数据文件打不开")
        QTimer.singleShot(10_000, box.reject)  # never hang the suite, even if the closer failed
        progress.hide()
        box.exec()  # returns once the closer has closed it
    assert closer.seen == ["弹出了对话框“数据文件打不开”"]
    assert not progress.wasCanceled()
