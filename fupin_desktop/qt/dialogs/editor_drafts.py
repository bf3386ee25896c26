"""Drafts of the household editor: unsaved edits written every few seconds and on close, offered back on open.

The draft holds the form's household values and members (``services.drafts``, one JSON file per household,
written atomically on the database thread). Saving the household discards it.
"""

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from fupin_desktop.domain import records as r
from fupin_desktop.i18n.translate import _
from fupin_desktop.services.drafts import decode_values, discard_draft, encode_values, save_draft

AUTOSAVE_MS = 3000


class EditorDrafts(QObject):
    def __init__(self, dialog):
        super().__init__(dialog)
        self.dialog = dialog
        self.box: QMessageBox | None = None
        self._pending = False
        self.timer = QTimer(self, interval=AUTOSAVE_MS, timeout=self.flush)
        self.timer.start()

    def touch(self) -> None:
        self._pending = True

    def payload(self) -> dict:
        d = self.dialog
        members = [
            {"key": m["key"], **encode_values({k: v for k, v in m.items() if k != "key"})}
            for m in d.members.members
        ]
        return {
            "household_id": d.household_id,
            "values": encode_values(d.household_values()),
            "members": members,
            "saved_keys": sorted(d.members.saved_keys),
            "helper_id": d.assistance.chosen_helper_id(),
        }

    def flush(self, final: bool = False) -> None:
        """Write the draft now if there are unsaved edits since the last one."""
        d = self.dialog
        if not (self._pending and d.is_dirty() and d.is_loaded()):
            return
        self._pending = False
        ops = d.services.ops
        ops.run(save_draft, d.household_id, self.payload())  # after close too: the job does not need us
        if final:
            self.timer.stop()

    def discard(self, key: str | None) -> None:
        self._pending = False
        self.dialog.services.ops.run(discard_draft, key)

    # --- offering it back ----------------------------------------------------------------------------------
    def offer(self, draft: dict) -> None:
        saved_at = draft["saved_at"].strftime("%Y-%m-%d %H:%M")
        self.box = QMessageBox(
            QMessageBox.Icon.Question,
            _("恢复草稿"),
            _("发现 {time} 自动保存的草稿，里面有尚未保存的修改。要恢复吗？").format(time=saved_at),
            parent=self.dialog,
        )
        restore = self.box.addButton(_("恢复草稿"), QMessageBox.ButtonRole.AcceptRole)
        self.box.addButton(_("丢弃草稿"), QMessageBox.ButtonRole.DestructiveRole)
        self.box.setDefaultButton(restore)

        def answered(button):
            if button is restore:
                self.restore(draft["payload"])
            else:
                self.discard(self.dialog.household_id)

        self.box.buttonClicked.connect(answered)
        self.box.open()

    def restore(self, payload: dict) -> None:
        d = self.dialog
        values = decode_values(r.Household, payload.get("values", {}))
        for page in (d.basic, d.conditions):
            page.set_form_values(values)
        d.assistance.set_form_values(values)
        members = []
        for m in payload.get("members", []):
            members.append({"key": m.get("key", ""), **decode_values(r.Member, m)})
        d.members.set_member_dicts(members)
        helper = payload.get("helper_id") or ""
        index = d.assistance.ui.helper_choice.findData(helper)
        if helper and index >= 0 and d.household_id is None:
            d.assistance.ui.helper_choice.setCurrentIndex(index)
        d.say(_("已恢复草稿：检查无误后按 Ctrl+S 保存。"))
        d.mark_edited()
