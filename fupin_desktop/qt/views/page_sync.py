"""同步: USB bundles in the window. Import (check → preview → confirm → backup → apply), export to the stick,
status per village (township) or of this village's exports, conflicts and duplicates with their resolution,
and the printable conflict report. Everything runs on the database thread through ``services.ops``."""

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fupin_desktop.i18n.translate import N_, _
from fupin_desktop.qt.pages import AppServices, PageSpec
from fupin_desktop.qt.progress import ProgressJob

PREVIEW_COLUMNS = (N_("文件"), N_("村"), N_("新增"), N_("更新"), N_("未变"), N_("冲突需核实"), N_("拒绝"),
                   N_("暂存"), N_("新账目"), N_("说明"))


# --- database thread ------------------------------------------------------------------------------------------
def load_state(ctx) -> dict:
    from fupin_desktop.sync import conflicts, duplicates, status
    from fupin_desktop.sync.keys import township_identity, trusted_township

    township = ctx.settings.mode == "township"
    items = conflicts.open_conflicts(ctx.db) if _has_sync(ctx) else []
    for item in items:
        item["where"] = conflicts.describe_row(ctx.db, item["table"], item["row_id"])
    return {
        "township": township,
        "key": (township_identity(ctx) if township else trusted_township(ctx)),
        "villages": status.township_status(ctx) if township else [],
        "village": None if township else status.village_status(ctx),
        "conflicts": items,
        "duplicates": duplicates.open_duplicates(ctx.db) if _has_sync(ctx) else [],
        "org": ctx.installation("org_name", "") or "",
    }


def _has_sync(ctx) -> bool:
    from fupin_desktop.storage.migrations_sync import ensure_sync_schema

    ensure_sync_schema(ctx.db)
    return True


def export_bundles(ctx, folder, key_passphrase, bundle_passphrase, *, progress=None):
    from fupin_desktop.sync import export
    from fupin_desktop.sync.importer import Secrets

    if ctx.settings.mode == "township":
        return export.export_corrections(ctx, folder, Secrets(key_passphrase=key_passphrase),
                                         progress=lambda done, total, _code: progress(done, total) if progress else None)
    return [export.export_changes(ctx, folder, passphrase=bundle_passphrase, passphrase_repeat=bundle_passphrase)]


def print_report(ctx, path) -> str:
    from fupin_desktop.reports.conflict_report import render_conflict_report

    state = load_state(ctx)
    with open(path, "wb") as handle:
        handle.write(render_conflict_report({"conflicts": state["conflicts"], "duplicates": state["duplicates"],
                                             "org": state["org"]}, printed_on=ctx.clock.today()))
    return str(path)


# --- the page ------------------------------------------------------------------------------------------------------
TOWNSHIP_STATUS_COLUMNS = (N_("村代码"), N_("村名"), N_("户数"), N_("问题户"), N_("数据包"), N_("最近导入"), N_("缺号"),
                           N_("冲突"), N_("疑似重复"), N_("暂存"))
# A village's status tab lists its own exports, newest first.
VILLAGE_STATUS_COLUMNS = (N_("序号"), N_("内容"), N_("导出时间"), N_("乡镇是否已确认"), N_("文件名"))
EXPORT_KINDS = {"full_snapshot": N_("全部数据（第一次导出）"), "village_changes": N_("上次导出以来的变更")}


def _headers(table: QTableWidget, columns) -> None:
    if table.columnCount() != len(columns) or table.horizontalHeaderItem(0).text() != _(columns[0]):
        table.setColumnCount(len(columns))
        table.setHorizontalHeaderLabels([_(c) for c in columns])


def _table(columns, parent) -> QTableWidget:
    table = QTableWidget(0, len(columns), parent)
    table.setHorizontalHeaderLabels([_(c) for c in columns])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)
    return table


def _fill(table: QTableWidget, rows: list[list]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))


class SyncPageView(QWidget):
    def __init__(self, services: AppServices, parent=None):
        super().__init__(parent)
        self.services = services
        self.state: dict = {}
        self.last_message = ""
        self.prepared: list = []
        layout = QVBoxLayout(self)
        self.key_label = QLabel(self)
        self.key_label.setWordWrap(True)
        layout.addWidget(self.key_label)
        buttons = QHBoxLayout()
        self.import_button = QPushButton(_("导入数据包…"), self)
        self.export_button = QPushButton(_("导出到U盘…"), self)
        self.key_button = QPushButton(_("密钥…"), self)
        self.report_button = QPushButton(_("打印冲突核实单…"), self)
        for button in (self.import_button, self.export_button, self.key_button, self.report_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.tabs = QTabWidget(self)
        self.status_table = _table(TOWNSHIP_STATUS_COLUMNS, self)
        self.preview_table = _table(PREVIEW_COLUMNS, self)
        self.conflict_table = _table((N_("状态"), N_("村"), N_("户编号"), N_("户主"), N_("项目"), N_("各方的值")), self)
        self.duplicate_table = _table((N_("身份证号"), N_("记录 a"), N_("记录 b")), self)
        self.tabs.addTab(self.status_table, _("状态"))
        self.tabs.addTab(self.preview_table, _("导入预览"))
        self.tabs.addTab(self.conflict_table, _("冲突（需核实）"))
        self.tabs.addTab(self.duplicate_table, _("疑似重复"))
        layout.addWidget(self.tabs, 1)
        resolve = QHBoxLayout()
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(_("处理原因（如：已电话核实）"))
        self.choose_button = QPushButton(_("采用选中冲突的暂定值"), self)
        self.keep_a_button = QPushButton(_("重复：保留 a"), self)
        self.keep_b_button = QPushButton(_("重复：保留 b"), self)
        self.not_duplicate_button = QPushButton(_("不是重复"), self)
        for widget in (self.reason_edit, self.choose_button, self.keep_a_button, self.keep_b_button,
                       self.not_duplicate_button):
            resolve.addWidget(widget)
        layout.addLayout(resolve)
        self.import_button.clicked.connect(self.choose_files)
        self.export_button.clicked.connect(self.choose_folder)
        self.key_button.clicked.connect(self.keys)
        self.report_button.clicked.connect(self.choose_report)
        self.choose_button.clicked.connect(self.resolve_selected)
        self.keep_a_button.clicked.connect(lambda: self.resolve_duplicate("a"))
        self.keep_b_button.clicked.connect(lambda: self.resolve_duplicate("b"))
        self.not_duplicate_button.clicked.connect(lambda: self.resolve_duplicate("both"))
        self._stale = False
        services.ops.changed.connect(self._changed)
        self.refresh()

    def _changed(self, _changes) -> None:
        """Every save in the program (each entry typed into a book) reads the sync state again, so a hidden page
        only notes that it is out of date and reads it when shown."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    # --- state -----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.services.ops.run(load_state, on_done=self._show_state, on_error=self._failed)

    def _show_state(self, state: dict) -> None:
        self.state = state
        key = state["key"]
        if state["township"]:
            _headers(self.status_table, TOWNSHIP_STATUS_COLUMNS)
            self.key_label.setText(_("乡镇模式。乡镇密钥指纹：{fp}").format(fp=key.fingerprint) if key
                                   else _("乡镇模式：还没有乡镇密钥，请先点“密钥…”生成。"))
            _fill(self.status_table, [[v["code"], v["name"], v["households"], v["problem_households"], v["bundles"],
                                       v["last_import"][:16].replace("T", " "),
                                       "；".join(",".join(map(str, s)) for s in v["gaps"].values()) or "—",
                                       v["conflicts"], v["duplicates"], v["held"]] for v in state["villages"]])
        else:
            village = state["village"]
            self.key_label.setText(
                (_("乡镇公钥指纹：{fp}").format(fp=key.fingerprint) if key else _("还没有导入乡镇公钥：导出时将用口令加密。"))
                + "  " + _("待发送 {n} 条变更、{m} 笔账目；乡镇已确认接收 {a} 条，退回 {r} 条。").format(
                    n=village["pending_changes"], m=village["pending_ledger"], a=village["accepted_changes"],
                    r=len(village["refused"])))
            _headers(self.status_table, VILLAGE_STATUS_COLUMNS)
            _fill(self.status_table, [[e["seq"], _(EXPORT_KINDS.get(e["kind"], e["kind"])),
                                       e["created_at"][:16].replace("T", " "),
                                       _("已确认") if e["acked"] else _("未确认"), e["file_name"]]
                                      for e in reversed(village["exports"])])
        _fill(self.conflict_table, [[c["status_label"], c["where"]["village"], c["where"]["number"], c["where"]["head"],
                                     f"{c['table']}.{c['field']}",
                                     " / ".join(("★" if h["stamp"] == c["provisional"] else "") + str(h["value"])
                                                for h in c["heads"])] for c in state["conflicts"]])
        _fill(self.duplicate_table, [[d["id_number"][:4] + "…" + d["id_number"][-4:],
                                      f"{d['a']['village']} {d['a']['household']} {d['a']['name']}",
                                      f"{d['b']['village']} {d['b']['household']} {d['b']['name']}"]
                                     for d in state["duplicates"]])

    def _say(self, text: str) -> None:
        self.last_message = text
        self.message.setText(text)
        self.services.notify(text)

    def _failed(self, error) -> None:
        self._say(str(error))

    # --- import ------------------------------------------------------------------------------------------------
    def _ask(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Password)
        return text if ok and text else None

    def choose_files(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(self, _("选择U盘上的数据包"), "", _("数据包 (*.fpb)"))
        if files:
            self.preview(files)

    def preview(self, files, *, key_passphrase: str | None = None, bundle_passphrase: str | None = None) -> None:
        from fupin_desktop.sync.importer import Secrets, preview_files

        if self.state.get("township") and key_passphrase is None:
            key_passphrase = self._ask(_("乡镇密钥口令"), _("请输入乡镇密钥口令："))
            if key_passphrase is None:
                return
        self.secrets = Secrets(key_passphrase=key_passphrase, bundle_passphrase=bundle_passphrase)
        ProgressJob(self.services.ops, self, _("检查数据包"), preview_files, list(files), self.secrets,
                    on_done=self._previewed, on_error=self._failed)

    def _previewed(self, prepared) -> None:
        self.prepared = prepared
        rows = []
        for p in prepared:
            r = p.report
            note = p.error or (_("缺少第 {a}–{b} 号数据包").format(a=p.gap[0], b=p.gap[1]) if p.gap else "")
            rows.append([p.path.name, r.org if r else "", *(([r.new, r.updated, r.unchanged, r.conflicts, r.refused,
                                                              r.held, r.ledger_new]) if r else [""] * 7), note])
        _fill(self.preview_table, rows)
        self.tabs.setCurrentWidget(self.preview_table)
        ready = [p for p in prepared if p.ok]
        if not ready:
            self._say(_("没有可以导入的文件。"))
            return
        answer = QMessageBox.question(self, _("确认导入"), _("已检查 {n} 个文件，其中 {k} 个可以导入（见“导入预览”）。"
                                                           "导入前会先自动备份。确认导入？").format(n=len(prepared), k=len(ready)))
        if answer == QMessageBox.StandardButton.Yes:
            self.apply()

    def apply(self) -> None:
        from fupin_desktop.sync.importer import apply_prepared

        ProgressJob(self.services.ops, self, _("导入数据包"), apply_prepared, self.prepared, self.secrets,
                    on_done=self._applied, on_error=self._failed, cancellable=False)

    def _applied(self, result) -> None:
        prepared, changes = result
        done = sum(1 for p in prepared if p.applied)
        self._say(_("已导入 {n} 个数据包。").format(n=done))
        if not changes.empty:
            self.services.ops.changed.emit(changes)
        else:
            self.refresh()

    # --- export, keys, report ---------------------------------------------------------------------------------
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("选择U盘上的文件夹"))
        if folder:
            self.export_to(folder)

    def export_to(self, folder, *, key_passphrase: str | None = None, bundle_passphrase: str | None = None) -> None:
        if self.state.get("township") and key_passphrase is None:
            key_passphrase = self._ask(_("乡镇密钥口令"), _("请输入乡镇密钥口令："))
            if key_passphrase is None:
                return
        if not self.state.get("township") and self.state.get("key") is None and bundle_passphrase is None:
            first = self._ask(_("口令加密"), _("还没有乡镇公钥，文件将只用口令加密，安全程度取决于口令。请输入口令："))
            second = self._ask(_("口令加密"), _("请再输入一次口令：")) if first else None
            if not first or first != second:
                self._say(_("两次输入的口令不一致，未导出。") if first else _("未导出。"))
                return
            bundle_passphrase = first
        ProgressJob(self.services.ops, self, _("导出到U盘"), export_bundles, folder, key_passphrase,
                    bundle_passphrase, on_done=self._exported, on_error=self._failed, cancellable=False)

    def _exported(self, results) -> None:
        self._say(" ".join((r.warning + " " if r.warning else "") + r.safe_message for r in results))
        self.refresh()

    def keys(self) -> None:
        from fupin_desktop.sync import keys as k

        if self.state.get("township"):
            if self.state.get("key") is not None:
                self._say(_("乡镇密钥指纹：{fp}").format(fp=self.state["key"].fingerprint))
                return
            first = self._ask(_("生成乡镇密钥"), _("设置乡镇密钥口令（至少8个字符，程序不保存，请牢记）："))
            second = self._ask(_("生成乡镇密钥"), _("请再输入一次：")) if first else None
            if first:
                self.services.ops.run(lambda ctx: k.create_township_key(ctx, first, second or ""),
                                      on_done=lambda identity: (self._say(_("已生成，指纹：{fp}").format(
                                          fp=identity.fingerprint)), self.refresh()), on_error=self._failed)
            return
        path, _filter = QFileDialog.getOpenFileName(self, _("选择乡镇公钥文件"), "", _("公钥文件 (*.pub)"))
        if not path:
            return
        typed, _ok = QInputDialog.getText(self, _("核对指纹"), _("请输入恢复单上的公钥指纹（可留空，稍后核对）："))
        self.services.ops.run(lambda ctx: k.trust_township(ctx, k.read_public_file(__import__("pathlib").Path(path)),
                                                           typed_fingerprint=typed or ""),
                              on_done=lambda identity: (self._say(_("已导入乡镇公钥，指纹：{fp}").format(
                                  fp=identity.fingerprint)), self.refresh()), on_error=self._failed)

    def choose_report(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, _("保存冲突核实单"), _("冲突核实单.pdf"), "PDF (*.pdf)")
        if path:
            self.services.ops.run(print_report, path, on_done=lambda p: self._say(_("已生成：{p}").format(p=p)),
                                  on_error=self._failed)

    # --- resolutions ----------------------------------------------------------------------------------------------
    def resolve_selected(self) -> None:
        from fupin_desktop.sync.conflicts import resolve

        row = self.conflict_table.currentRow()
        if not 0 <= row < len(self.state.get("conflicts", [])):
            self._say(_("请先选中一条冲突。"))
            return
        cid, reason = self.state["conflicts"][row]["id"], self.reason_edit.text()
        self.services.ops.run(resolve, cid, choice="provisional", reason=reason,
                              on_done=lambda _c: self._say(_("已处理，结果会随下次导出发送。")), on_error=self._failed)

    def resolve_duplicate(self, keep: str) -> None:
        from fupin_desktop.sync.duplicates import resolve_duplicate

        row = self.duplicate_table.currentRow()
        if not 0 <= row < len(self.state.get("duplicates", [])):
            self._say(_("请先选中一组疑似重复。"))
            return
        self.services.ops.run(resolve_duplicate, self.state["duplicates"][row]["id"], keep=keep,
                              reason=self.reason_edit.text(), on_done=lambda _c: self._say(_("已处理。")),
                              on_error=self._failed)


PAGE = PageSpec(order=80, key="sync", title=N_("同步"), factory=SyncPageView)
