"""The 变更记录 tab and the conflict report name attachments in Chinese, not by their table name."""

import datetime as dt
import json
from types import SimpleNamespace

from fupin_desktop.qt.dialogs.editor_history import ChangeDescriber
from fupin_desktop.reports.conflict_report import TABLE_LABELS


def _entry(field, new, old=None, reason=""):
    return SimpleNamespace(table="attachments", row_id="a1", field=field, old=old, new=new, reason=reason,
                           operator="张书记", when=dt.datetime(2026, 11, 24, 9, 30))


def test_an_added_and_a_removed_attachment_read_as_chinese():
    describe = ChangeDescriber()
    added = describe.row(_entry("*", json.dumps({"file_name": "走访照片.jpg", "owner_table": "visits"},
                                                 ensure_ascii=False)))
    assert added == ("2026-11-24 09:30", "张书记", "附件", "新增", "", "附件：走访照片.jpg", "")
    removed = describe.row(_entry("deleted", "1", "0", reason="拍错了"))
    assert removed[2:4] == ("附件", "删除") and removed[-1] == "拍错了"
    renamed = describe.row(_entry("file_name", json.dumps("新.jpg", ensure_ascii=False),
                                  json.dumps("旧.jpg", ensure_ascii=False)))
    assert renamed[3:6] == ("文件名", "旧.jpg", "新.jpg")
    assert TABLE_LABELS["attachments"] == "附件"
