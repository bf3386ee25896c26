"""The first-run wizard: a village (area code, names, groups, first secretary and work team), a township, or
the demo village built in the background to try everything without typing."""

import re

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from fupin_desktop.i18n.translate import _
from fupin_desktop.qt.forms.ui_first_run_village import Ui_FirstRunVillagePage
from fupin_desktop.qt.progress import JobCancelled

MODE_PAGE, VILLAGE_PAGE, TEAM_PAGE, TOWNSHIP_PAGE, DEMO_PAGE = range(5)
ERROR_STYLE = "color: #c62828;"
OK_STYLE = "color: #2e7d32;"
SETUP_REASON = "初始设置"
TEAM_POSITION = "驻村工作队员"
SECRETARY_POSITION = "第一书记"


def split_groups(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in re.split(r"[,，、;；\s]+", text or "") if part.strip())


def parse_team(text: str, default_unit: str = "") -> list[dict]:
    """One member per line, "姓名 单位 电话" (unit and phone optional)."""
    team = []
    for line in (text or "").splitlines():
        parts = line.replace("，", " ").replace(",", " ").split()
        if not parts:
            continue
        phone = next((p for p in parts[1:] if p.isdigit()), "")
        unit = next((p for p in parts[1:] if not p.isdigit()), default_unit)
        team.append({"name": parts[0], "unit": unit, "phone": phone, "is_work_team": True,
                     "position": TEAM_POSITION})
    return team


def setup_village(ctx, village: dict, team: list[dict], operator: str):
    """Create the village, its work team as helpers, and remember the operator (database thread)."""
    from fupin_desktop.services.helpers import create_helper
    from fupin_desktop.services.villages import create_village

    with ctx.db.atomic():
        village_id, changes = create_village(ctx, village, reason=SETUP_REASON)
        for member in team:
            _id, more = create_helper(ctx, member, reason=SETUP_REASON)
            changes = changes | more
        ctx.set_installation("org_code", village["code"])
        ctx.set_installation("org_name", village["name"])
        _remember_operator(ctx, operator)
    return village_id, changes


def setup_township(ctx, code: str, name: str, operator: str):
    from fupin_desktop.services.settings import set_setting
    from fupin_desktop.services.villages import check_area_code

    code = check_area_code(code if len(code) == 12 else code + "000", level="township")
    with ctx.db.atomic():
        ctx.set_installation("org_code", code[:9])
        ctx.set_installation("org_name", name)
        _remember_operator(ctx, operator)
        changes = set_setting(ctx, "mode", "township", reason=SETUP_REASON + "：乡镇模式")
    return changes


def build_demo(ctx, size: str = "village", *, progress=None):
    """Generate the demo village in one transaction (a cancel leaves the folder empty) (database thread)."""
    from fupin_desktop.services import demo
    from fupin_desktop.services.derived import refresh
    from fupin_desktop.services.villages import villages

    if progress:
        progress(0, 1)  # a cancel pressed before the job started stops it here
    with ctx.db.atomic():
        counts = demo.generate(ctx.db, size=size, seed=2020, today=ctx.clock.today(), hlc=ctx.hlc,
                               progress=progress)
        found = villages(ctx)
        if found:
            ctx.set_installation("org_code", counts.get("village_code") or found[0].code)
            ctx.set_installation("org_name", found[0].name)
        refresh(ctx)
    if progress:
        progress(1, 1)
    return counts


def _remember_operator(ctx, operator: str) -> None:
    if operator.strip():
        ctx.set_installation("operator", operator.strip())
        ctx.operator = operator.strip()


class ModePage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(_("欢迎使用村级脱贫攻坚作战室"))
        self.setSubTitle(_("先告诉程序在哪里使用。以后可在“设置”里修改。"))
        layout = QVBoxLayout(self)
        self.village = QRadioButton(_("村：第一书记和驻村工作队在村里使用(&V)"), self)
        self.township = QRadioButton(_("乡镇：汇总各村用U盘交来的数据(&T)"), self)
        self.demo = QRadioButton(_("打开演示村：先看看，不用输入任何数据(&D)"), self)
        self.village.setChecked(True)
        for button in (self.village, self.township, self.demo):
            layout.addWidget(button)
        note = QLabel(_("演示村是按汉中市汉台区的情况生成的虚构数据（500户，3年账本），可随时换用自己的数据文件夹。"), self)
        note.setWordWrap(True)
        layout.addSpacing(12)
        layout.addWidget(note)
        layout.addStretch(1)

    def nextId(self) -> int:  # noqa: N802 (Qt's name)
        if self.township.isChecked():
            return TOWNSHIP_PAGE
        if self.demo.isChecked():
            return DEMO_PAGE
        return VILLAGE_PAGE


class VillagePage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(_("村庄信息"))
        self.setSubTitle(_("区划代码和村名必填；其他可以以后补充。"))
        body = QWidget(self)
        self.ui = Ui_FirstRunVillagePage()
        self.ui.setupUi(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(body)
        self.ui.codeEdit.textChanged.connect(self._check)
        self.ui.nameEdit.textChanged.connect(self._check)

    def code_error(self) -> str:
        from fupin_desktop.services.errors import ValidationError
        from fupin_desktop.services.villages import check_area_code  # pure text check, no database

        try:
            check_area_code(self.ui.codeEdit.text())
        except ValidationError as exc:
            return str(exc)
        return ""

    def _check(self) -> None:
        text = self.ui.codeEdit.text().strip()
        error = self.code_error() if text else ""
        self.ui.codeMessage.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.ui.codeMessage.setText(error or (_("代码有效") if text else ""))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return bool(self.ui.codeEdit.text().strip()) and not self.code_error() and bool(
            self.ui.nameEdit.text().strip())

    def values(self) -> dict:
        ui = self.ui
        return {"code": ui.codeEdit.text().strip(), "name": ui.nameEdit.text().strip(),
                "province": ui.provinceEdit.text().strip(), "city": ui.cityEdit.text().strip(),
                "county": ui.countyEdit.text().strip(), "township": ui.townshipEdit.text().strip(),
                "groups": split_groups(ui.groupsEdit.text()), "rural_population": ui.populationSpin.value()}

    def nextId(self) -> int:  # noqa: N802 (Qt's name)
        return TEAM_PAGE


class TeamPage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(_("第一书记和驻村工作队"))
        self.setSubTitle(_("工作队员会加入“帮扶干部”名单，可以结对帮扶贫困户。"))
        form = QFormLayout(self)
        self.secretary = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.unit = QLineEdit(self)
        self.unit.setPlaceholderText(_("如 汉台区财政局"))
        self.team = QPlainTextEdit(self)
        self.team.setPlaceholderText(_("每行一人：姓名 单位 电话，如\n王建军 汉台区财政局 13900000000"))
        self.operator = QLineEdit(self)
        self.operator.setPlaceholderText(_("记入每一条变更记录"))
        form.addRow(_("第一书记(&S)："), self.secretary)
        form.addRow(_("联系电话："), self.phone)
        form.addRow(_("派出单位："), self.unit)
        form.addRow(_("工作队员(&W)："), self.team)
        form.addRow(_("您的姓名(&O)："), self.operator)

    def team_values(self) -> list[dict]:
        team = parse_team(self.team.toPlainText(), self.unit.text().strip())
        name = self.secretary.text().strip()
        if name and all(member["name"] != name for member in team):
            team.insert(0, {"name": name, "unit": self.unit.text().strip(), "phone": self.phone.text().strip(),
                            "is_work_team": True, "position": SECRETARY_POSITION})
        return team

    def nextId(self) -> int:  # noqa: N802 (Qt's name)
        return -1


class TownshipPage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(_("乡镇信息"))
        self.setSubTitle(_("乡镇模式不录入户档，只汇总各村用U盘交来的数据。"))
        form = QFormLayout(self)
        self.code = QLineEdit(self)
        self.code.setPlaceholderText(_("乡镇区划代码：前9位，如 610702108"))
        self.name = QLineEdit(self)
        self.operator = QLineEdit(self)
        self.message = QLabel("", self)
        self.message.setStyleSheet(ERROR_STYLE)
        form.addRow(_("区划代码(&C)："), self.code)
        form.addRow(_("乡镇名称(&N)："), self.name)
        form.addRow(_("您的姓名(&O)："), self.operator)
        form.addRow("", self.message)
        self.code.textChanged.connect(self.completeChanged)
        self.name.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return bool(re.fullmatch(r"\d{9}(000)?", self.code.text().strip())) and bool(self.name.text().strip())

    def nextId(self) -> int:  # noqa: N802 (Qt's name)
        return -1


class DemoPage(QWizardPage):
    def __init__(self, ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.setTitle(_("打开演示村"))
        self.setSubTitle(_("正在生成演示村：500户、3年的收支账本、40名帮扶干部。大约需要一分钟。"))
        layout = QVBoxLayout(self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.status = QLabel(_("正在准备…"), self)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.done = False
        self.job = None
        self.size = "village"

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        if self.job is not None:
            return
        import threading

        self._cancel = threading.Event()

        def report(done, total):
            if self._cancel.is_set():
                raise JobCancelled(_("已取消"))
            self._progress = (done, total)  # read by a timer on the GUI thread

        self._progress = (0, 0)
        self.job = self.ops.run(build_demo, self.size, progress=report, on_done=self._built,
                                on_error=self._failed)
        from PySide6.QtCore import QTimer

        self._timer = QTimer(self, interval=200)
        self._timer.timeout.connect(self._show_progress)
        self._timer.start()

    def _show_progress(self) -> None:
        done, total = self._progress
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            self.status.setText(_("已生成 {done} / {total} 户").format(done=done, total=total))

    def cancel(self) -> None:
        if self.job is not None and not self.done:
            self._cancel.set()

    def _built(self, _counts) -> None:
        self._timer.stop()
        self.done = True
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.status.setText(_("演示村已生成，点“完成”进入作战室。"))
        self.completeChanged.emit()

    def _failed(self, error) -> None:
        self._timer.stop()
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(_("已取消，数据文件夹保持为空。") if isinstance(error, JobCancelled)
                            else _("生成失败：{error}").format(error=error))
        self.job = None

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return self.done

    def nextId(self) -> int:  # noqa: N802 (Qt's name)
        return -1


class FirstRunWizard(QWizard):
    """Accepted once the data folder holds a village, a township or the demo village."""

    def __init__(self, ops, *, operator: str = "", parent=None):
        super().__init__(parent)
        self.ops = ops
        self.setWindowTitle(_("初始设置"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.setMinimumSize(640, 480)
        self.mode_page = ModePage(self)
        self.village_page = VillagePage(self)
        self.team_page = TeamPage(self)
        self.township_page = TownshipPage(self)
        self.demo_page = DemoPage(ops, self)
        self.team_page.operator.setText(operator)
        self.township_page.operator.setText(operator)
        for page_id, page in ((MODE_PAGE, self.mode_page), (VILLAGE_PAGE, self.village_page),
                              (TEAM_PAGE, self.team_page), (TOWNSHIP_PAGE, self.township_page),
                              (DEMO_PAGE, self.demo_page)):
            self.setPage(page_id, page)
        self.setStartId(MODE_PAGE)
        self._saving = False
        self._saved_ok = False

    def accept(self) -> None:
        if self.currentId() == DEMO_PAGE:
            if self.demo_page.done:
                super().accept()
            return
        if self._saved_ok:
            super().accept()
            return
        if self._saving:
            return
        self._saving = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        if self.currentId() == TOWNSHIP_PAGE:
            page = self.township_page
            self.ops.run(setup_township, page.code.text().strip(), page.name.text().strip(),
                         page.operator.text().strip(), on_done=self._saved, on_error=self._failed)
        else:
            village = {**self.village_page.values(), "first_secretary": self.team_page.secretary.text().strip(),
                       "first_secretary_phone": self.team_page.phone.text().strip()}
            self.ops.run(setup_village, village, self.team_page.team_values(),
                         self.team_page.operator.text().strip(), on_done=self._saved, on_error=self._failed)

    def _saved(self, _result) -> None:
        self._saving = False
        self._saved_ok = True
        self.accept()

    def _failed(self, error) -> None:
        from PySide6.QtWidgets import QMessageBox

        self._saving = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        QMessageBox.warning(self, _("初始设置"), str(error))

    def reject(self) -> None:
        self.demo_page.cancel()
        super().reject()
