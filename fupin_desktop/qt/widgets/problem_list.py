"""ProblemList: the rule set's problems, errors in red first, warnings in amber; a click leads to the field."""

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from fupin_desktop.domain.problems import Problem
from fupin_desktop.i18n.translate import _
from fupin_desktop.qt.widgets.styles import ERROR_COLOUR, WARNING_COLOUR

_ROLE = Qt.ItemDataRole.UserRole


def level_icon(level: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(ERROR_COLOUR if level == "error" else WARNING_COLOUR))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


def summary_text(problems: list[Problem]) -> str:
    errors = sum(1 for p in problems if p.level == "error")
    warnings = len(problems) - errors
    if not problems:
        return _("没有发现问题")
    return _("{errors}个错误（须改正才能保存），{warnings}个提醒").format(errors=errors, warnings=warnings)


class ProblemList(QListWidget):
    problemActivated = Signal(object)  # Problem

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setIconSize(QSize(12, 12))
        self.setUniformItemSizes(True)
        self.setAlternatingRowColors(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._problems: list[Problem] = []
        self.itemClicked.connect(self._activated)
        self.itemActivated.connect(self._activated)

    def problems(self) -> list[Problem]:
        return list(self._problems)

    def set_problems(self, problems: list[Problem]) -> None:
        ordered = sorted(problems, key=lambda p: p.level != "error")
        if ordered == self._problems:
            return
        self._problems = ordered
        self.clear()
        for problem in ordered:
            kind = _("错误") if problem.level == "error" else _("提醒")
            item = QListWidgetItem(level_icon(problem.level), f"{kind}：{problem.message}")
            item.setForeground(QBrush(QColor(ERROR_COLOUR if problem.level == "error" else WARNING_COLOUR)))
            item.setData(_ROLE, problem)
            item.setToolTip(_("点击定位到该项"))
            self.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        problem = item.data(_ROLE)
        if problem is not None:
            self.problemActivated.emit(problem)
