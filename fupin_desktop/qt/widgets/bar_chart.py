"""Charts drawn with QPainter (QtCharts is not part of PySide6-Essentials): bars and a ring.

Every item is clickable and reachable from the keyboard (arrows move, Enter or Space opens); ``activated``
carries the item's key, which the dashboard turns into a household filter.
"""

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

DEFAULT_COLOUR = "#2f6fde"
TEXT_COLOUR = QColor("#33414f")
MUTED_COLOUR = QColor("#8a96a3")
FOCUS_COLOUR = QColor("#f0b429")


@dataclass(frozen=True)
class ChartItem:
    key: object
    label: str
    value: float
    colour: str = ""
    text: str = ""  # the value as shown; str(value) when empty

    @property
    def shown(self) -> str:
        return self.text or f"{self.value:g}"


class _ChartBase(QWidget):
    activated = Signal(object)

    def __init__(self, parent=None, *, empty_text: str = ""):
        super().__init__(parent)
        self.items: list[ChartItem] = []
        self.empty_text = empty_text
        self._hover = -1
        self._current = -1
        self._hits: list = []  # one QRectF or QPainterPath per item, in widget coordinates
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_items(self, items) -> None:
        self.items = list(items)
        self._hover = -1
        self._current = min(self._current, len(self.items) - 1)
        self.updateGeometry()
        self.update()

    def item_at(self, point) -> int:
        for index, shape in enumerate(self._hits):
            if shape is not None and shape.contains(QPointF(point)):
                return index
        return -1

    def activate(self, index: int) -> None:
        if 0 <= index < len(self.items):
            self.activated.emit(self.items[index].key)

    def item_centre(self, index: int) -> QPointF:
        """Where a click on item ``index`` lands (tests click there)."""
        shape = self._hits[index]
        return shape.boundingRect().center()

    # events ------------------------------------------------------------------------------------------
    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        index = self.item_at(event.position())
        if index != self._hover:
            self._hover = index
            self.setCursor(Qt.CursorShape.PointingHandCursor if index >= 0 else Qt.CursorShape.ArrowCursor)
            self.update()
        if index >= 0:
            item = self.items[index]
            QToolTip.showText(event.globalPosition().toPoint(), f"{item.label}：{item.shown}", self)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._hover = -1
        self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.button() == Qt.MouseButton.LeftButton:
            index = self.item_at(event.position())
            if index >= 0:
                self._current = index
                self.update()
                self.activate(index)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        key = event.key()
        if not self.items:
            return super().keyPressEvent(event)
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Right):
            self._current = (self._current + 1) % len(self.items)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Left):
            self._current = (self._current - 1) % len(self.items)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activate(max(self._current, 0))
            return None
        else:
            return super().keyPressEvent(event)
        self.update()
        return None

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self._current < 0 and self.items:
            self._current = 0
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.update()
        super().focusOutEvent(event)

    def _colour(self, index: int) -> QColor:
        colour = QColor(self.items[index].colour or DEFAULT_COLOUR)
        return colour.lighter(115) if index == self._hover else colour

    def _draw_empty(self, painter: QPainter) -> bool:
        if any(item.value for item in self.items):
            return False
        painter.setPen(MUTED_COLOUR)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
        self._hits = [None] * len(self.items)
        return True

    def _focus_mark(self, index: int) -> bool:
        return self.hasFocus() and index == self._current


class BarChartWidget(_ChartBase):
    """Bars with their labels and values; ``horizontal=True`` lays bars left to right (long labels)."""

    def __init__(self, parent=None, *, horizontal: bool = True, empty_text: str = ""):
        super().__init__(parent, empty_text=empty_text)
        self.horizontal = horizontal

    def _row_height(self) -> int:
        return QFontMetrics(self.font()).height() + 10

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        if self.horizontal:
            return QSize(360, max(80, len(self.items) * self._row_height() + 8))
        return QSize(max(240, len(self.items) * 56), 200)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(200, min(self.sizeHint().height(), 160) if self.horizontal else 160)

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self._draw_empty(painter):
            (self._paint_horizontal if self.horizontal else self._paint_vertical)(painter)
        painter.end()

    def _paint_horizontal(self, painter: QPainter) -> None:
        metrics = QFontMetrics(self.font())
        row = self._row_height()
        label_width = min(max((metrics.horizontalAdvance(i.label) for i in self.items), default=0) + 12,
                          self.width() // 3)
        value_width = max((metrics.horizontalAdvance(i.shown) for i in self.items), default=0) + 10
        top = max(4, (self.height() - row * len(self.items)) // 2)
        span = max(self.width() - label_width - value_width - 8, 10)
        biggest = max(item.value for item in self.items) or 1
        self._hits = []
        for index, item in enumerate(self.items):
            y = top + index * row
            band = QRectF(0, y, self.width(), row)
            if index == self._hover:
                painter.fillRect(band, QColor("#eef3fb"))
            painter.setPen(TEXT_COLOUR)
            label_rect = QRectF(4, y, label_width - 10, row)
            text = metrics.elidedText(item.label, Qt.TextElideMode.ElideRight, int(label_rect.width()))
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
            length = span * item.value / biggest
            bar = QRectF(label_width, y + 4, max(length, 2 if item.value else 0), row - 8)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._colour(index))
            painter.drawRoundedRect(bar, 3, 3)
            painter.setPen(TEXT_COLOUR)
            painter.drawText(QRectF(bar.right() + 6, y, value_width, row),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, item.shown)
            if self._focus_mark(index):
                painter.setPen(QPen(FOCUS_COLOUR, 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(band.adjusted(1, 1, -1, -1))
            self._hits.append(band)

    def _paint_vertical(self, painter: QPainter) -> None:
        metrics = QFontMetrics(self.font())
        count = len(self.items)
        slot = self.width() / count
        two_lines = any(metrics.horizontalAdvance(item.label) > slot - 6 for item in self.items)
        label_height = metrics.height() * (2 if two_lines else 1) + 6
        value_height = metrics.height() + 4
        bar_width = min(slot * 0.6, 64)
        base = self.height() - label_height
        span = max(base - value_height - 6, 10)
        biggest = max(item.value for item in self.items) or 1
        painter.setPen(QPen(QColor("#c9d2dc"), 1))
        painter.drawLine(QPointF(0, base), QPointF(self.width(), base))
        self._hits = []
        for index, item in enumerate(self.items):
            x = index * slot
            column = QRectF(x, 0, slot, self.height())
            if index == self._hover:
                painter.fillRect(column, QColor("#eef3fb"))
            height = span * item.value / biggest
            bar = QRectF(x + (slot - bar_width) / 2, base - height, bar_width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._colour(index))
            painter.drawRoundedRect(bar, 3, 3)
            painter.setPen(TEXT_COLOUR)
            painter.drawText(QRectF(x, bar.top() - value_height, slot, value_height),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, item.shown)
            label = item.label
            if two_lines and metrics.horizontalAdvance(label) > slot - 6 and "\n" not in label:
                half = (len(label) + 1) // 2  # 民主评议 → 民主 / 评议
                label = label[:half] + "\n" + label[half:]
            painter.drawText(QRectF(x + 2, base + 2, slot - 4, label_height),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label)
            if self._focus_mark(index):
                painter.setPen(QPen(FOCUS_COLOUR, 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(column.adjusted(1, 1, -1, -1))
            self._hits.append(column)


class RingChartWidget(_ChartBase):
    """A ring (doughnut) with a legend beside it and the total in the middle; for shares such as colours."""

    def __init__(self, parent=None, *, centre_caption: str = "", empty_text: str = ""):
        super().__init__(parent, empty_text=empty_text)
        self.centre_caption = centre_caption

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(360, 190)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(260, 150)

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self._draw_empty(painter):
            self._paint_ring(painter)
        painter.end()

    def _paint_ring(self, painter: QPainter) -> None:
        metrics = QFontMetrics(self.font())
        size = min(self.height() - 12, self.width() * 0.5)
        outer = QRectF(8, (self.height() - size) / 2, size, size)
        thickness = size * 0.26
        inner = outer.adjusted(thickness, thickness, -thickness, -thickness)
        total = sum(item.value for item in self.items) or 1
        angle = 90.0
        self._hits = []
        legend_x = outer.right() + 18
        row = metrics.height() + 8
        legend_top = max(4, (self.height() - row * len(self.items)) / 2)
        for index, item in enumerate(self.items):
            sweep = -360.0 * item.value / total
            path = QPainterPath()
            if item.value:
                path.arcMoveTo(outer, angle)
                path.arcTo(outer, angle, sweep)
                path.arcTo(inner, angle + sweep, -sweep)
                path.closeSubpath()
            painter.setPen(QPen(QColor("white"), 1.5))
            painter.setBrush(self._colour(index))
            painter.drawPath(path)
            angle += sweep
            y = legend_top + index * row
            legend = QRectF(legend_x - 4, y, self.width() - legend_x, row)
            if index == self._hover:
                painter.fillRect(legend, QColor("#eef3fb"))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._colour(index))
            painter.drawRoundedRect(QRectF(legend_x, y + (row - 12) / 2, 12, 12), 2, 2)
            painter.setPen(TEXT_COLOUR)
            share = f"{item.value * 100 / total:.0f}%"
            painter.drawText(legend.adjusted(20, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter,
                             f"{item.label}  {item.shown}（{share}）")
            if self._focus_mark(index):
                painter.setPen(QPen(FOCUS_COLOUR, 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(legend.adjusted(1, 1, -1, -1))
            combined = QPainterPath(path)
            combined.addRect(legend)
            self._hits.append(combined)
        painter.setPen(TEXT_COLOUR)
        total_font = painter.font()
        total_font.setPointSizeF(total_font.pointSizeF() * 1.5)
        total_font.setBold(True)
        painter.setFont(total_font)
        shown_total = f"{sum(item.value for item in self.items):g}"
        centre = QRectF(inner.left(), inner.top(), inner.width(), inner.height() * 0.62)
        painter.drawText(centre, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, shown_total)
        painter.setFont(self.font())
        painter.setPen(MUTED_COLOUR)
        caption = QRectF(inner.left(), centre.bottom(), inner.width(), inner.height() * 0.3)
        painter.drawText(caption, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self.centre_caption)
