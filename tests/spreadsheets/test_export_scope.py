"""Exports of the list as filtered, and exports that fail: a clear Chinese reason and no file left behind."""

import errno
import os

import pytest
from openpyxl import load_workbook

from fupin_desktop.services.queries import HouseholdFilter
from fupin_desktop.spreadsheets import sheets
from fupin_desktop.spreadsheets.export import export_table, filtered_household_ids
from fupin_desktop.spreadsheets.sheets import ExportError
from tests.spreadsheets.test_export import filled  # noqa: F401 (the fixture)


def _column(path, title):
    sheet = load_workbook(path).active
    titles = [c.value for c in sheet[1]]
    return [sheet.cell(row, titles.index(title) + 1).value for row in range(2, sheet.max_row + 1)]


def test_the_filtered_list_only(ctx, filled, tmp_path):  # noqa: F811
    only_first = HouseholdFilter(village_group="一组")
    assert filtered_household_ids(ctx, only_first) == [filled[0]]
    assert filtered_household_ids(ctx, HouseholdFilter(), page=1) == list(filled)  # read page by page
    for what, title, expected in (("households", "户编号", ["6107020001"]), ("members", "户编号", ["6107020001"] * 4),
                                  ("ledger", "户编号", ["6107020001"] * 2)):
        path = tmp_path / f"{what}.xlsx"
        result = export_table(ctx, path, what, household_filter=only_first)
        assert _column(path, title) == expected and result.rows == len(expected)
    everything = export_table(ctx, tmp_path / "all.xlsx", "households")
    assert everything.rows == 2
    nobody = export_table(ctx, tmp_path / "none.csv", "members", household_filter=HouseholdFilter(text="不存在的人"))
    assert nobody.rows == 0


def test_problems_of_the_filtered_list(ctx, filled, tmp_path):  # noqa: F811
    all_rows = export_table(ctx, tmp_path / "p.xlsx", "problems").rows
    parts = []
    for group, number in (("一组", "6107020001"), ("二组", "6107020002")):
        path = tmp_path / f"p-{group}.xlsx"
        parts.append(export_table(ctx, path, "problems", household_filter=HouseholdFilter(village_group=group)).rows)
        assert set(_column(path, "户编号")) <= {number}
    assert all_rows >= 1 and sum(parts) == all_rows


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_full_disk_leaves_nothing(ctx, filled, tmp_path, monkeypatch, suffix):  # noqa: F811
    out = tmp_path / "out"
    out.mkdir()

    def full(_tmp, _path):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sheets, "_place", full)
    with pytest.raises(ExportError, match="磁盘空间不足") as caught:
        export_table(ctx, out / f"成员{suffix}", "members")
    assert f"成员{suffix}" in str(caught.value)
    assert _leftovers(out) == []


def test_a_file_open_in_excel_is_named(ctx, filled, tmp_path, monkeypatch):  # noqa: F811
    out = tmp_path / "out"
    out.mkdir()
    path = out / "户.xlsx"
    path.write_bytes(b"the earlier export")

    def locked(_tmp, _path):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(sheets, "_place", locked)
    with pytest.raises(ExportError, match="正在 Excel 或 WPS 中打开"):
        export_table(ctx, path, "households")
    assert path.read_bytes() == b"the earlier export"  # the earlier file is untouched
    assert _leftovers(out) == ["户.xlsx"]


def test_a_folder_that_is_a_file(ctx, filled, tmp_path):  # noqa: F811
    blocker = tmp_path / "不是文件夹"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="没有导出"):
        export_table(ctx, blocker / "户.xlsx", "households")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_a_read_only_folder(ctx, filled, tmp_path):  # noqa: F811
    folder = tmp_path / "只读"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportError, match="不能写入文件夹"):
            export_table(ctx, folder / "户.xlsx", "households")
        assert _leftovers(folder) == []
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("code, words", [(errno.EROFS, "不能写入文件夹"), (errno.EIO, "读写磁盘出错"),
                                         (errno.ENOENT, "找不到文件夹"), (errno.EBADF, "无法写入")])
def test_every_failure_is_explained_in_chinese(tmp_path, code, words):
    text = sheets.file_error(OSError(code, os.strerror(code)), tmp_path / "户.xlsx")
    assert words in text and "没有导出" in text


def test_cancelling_leaves_nothing(ctx, filled, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setattr(sheets, "PROGRESS_EVERY", 1)
    out = tmp_path / "out"
    out.mkdir()

    class Stop(Exception):
        pass

    def progress(done, _total):
        if done >= 2:
            raise Stop

    for suffix in (".xlsx", ".csv"):
        with pytest.raises(Stop):
            export_table(ctx, out / f"m{suffix}", "members", progress=progress)
    assert _leftovers(out) == []
