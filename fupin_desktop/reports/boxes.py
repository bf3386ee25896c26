"""Boxes to sign, press a thumbprint or stamp a seal in, and colour swatches (PRINTING.md: sign-off sheets)."""

from reportlab.lib.units import mm
from reportlab.platypus.flowables import Flowable

from fupin_desktop.reports import fonts
from fupin_desktop.reports.layout import DATE_LINE, GRID_WIDTH, draw_text
from fupin_desktop.reports.typesetting import SMALL


class SignatureBox(Flowable):
    """A ruled box to sign by hand (≥ 15 mm tall): label at the top left, ``____年__月__日`` at the bottom right."""

    def __init__(self, label: str, *, width: float | None = None, height: float = 20 * mm,
                 date_line: bool = True, border: bool = True) -> None:
        super().__init__()
        self.label, self._width, self.height = label, width, max(height, 15 * mm)
        self.date_line, self.border = date_line, border

    def wrap(self, availWidth, availHeight):
        self.width = self._width or availWidth
        return self.width, self.height

    def draw(self):
        canv, chain = self.canv, fonts.chain()
        canv.saveState()
        canv.setLineWidth(GRID_WIDTH)
        if self.border:
            canv.rect(0, 0, self.width, self.height)
        draw_text(canv, chain, 4, self.height - 12, self.label, 9)
        if self.date_line:
            canv.setFont(fonts.MAIN, 9)
            canv.drawRightString(self.width - 6, 5, DATE_LINE)
        canv.restoreState()


class ThumbprintBox(Flowable):
    """A square for the household head's thumbprint (按手印)."""

    def __init__(self, size: float = 22 * mm, label: str = "按手印处") -> None:
        super().__init__()
        self.width = self.height = size
        self.label = label

    def wrap(self, availWidth, availHeight):
        return self.width, self.height

    def draw(self):
        canv = self.canv
        canv.saveState()
        canv.setLineWidth(GRID_WIDTH)
        canv.setDash(2, 2)
        canv.rect(0, 0, self.width, self.height)
        canv.setFillColor("#888888")
        canv.setFont(fonts.MAIN, SMALL.size)
        canv.drawCentredString(self.width / 2, 4, self.label)
        canv.restoreState()


class SealCircle(Flowable):
    """A dashed circle (42 mm, the size of an official seal) where the 村委会 or 乡镇 stamps."""

    def __init__(self, label: str, diameter: float = 42 * mm) -> None:
        super().__init__()
        self.label = label
        self.width = self.height = diameter

    def wrap(self, availWidth, availHeight):
        return self.width, self.height

    def draw(self):
        canv, r = self.canv, self.width / 2
        canv.saveState()
        canv.setStrokeColor("#999999")
        canv.setLineWidth(0.6)
        canv.setDash(3, 3)
        canv.circle(r, r, r - 1)
        canv.setFillColor("#777777")
        canv.setFont(fonts.MAIN, 8)
        canv.drawCentredString(r, r - 3, self.label)
        canv.setFont(fonts.MAIN, 7)
        canv.drawCentredString(r, r - 14, "（盖章）")
        canv.restoreState()


class Swatch(Flowable):
    """A small filled square in a household's colour, for rosters and the dashboard."""

    def __init__(self, hex_colour: str, size: float = 3.2 * mm) -> None:
        super().__init__()
        self.colour = hex_colour
        self.width = self.height = size

    def wrap(self, availWidth, availHeight):
        return self.width, self.height

    def draw(self):
        self.canv.saveState()
        self.canv.setFillColor(self.colour)
        self.canv.setLineWidth(0.3)
        self.canv.rect(0, 0, self.width, self.height, stroke=1, fill=1)
        self.canv.restoreState()
