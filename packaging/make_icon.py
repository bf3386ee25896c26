"""Draw the application icon into ``resources/icons/`` (PNG sizes, a Windows .ico and an SVG).

The icon is a white house on a red rounded square with a gold arrow rising past its roof: a village home
climbing out of poverty. One list of shapes feeds both the SVG and the Pillow raster (drawn 4× and scaled
down for smooth edges), so the two never drift apart. Run ``python packaging/make_icon.py``; the outputs
are committed, so only run it after changing the drawing.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
NAME = "fupin-desktop"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)

RED = "#C62828"
WHITE = "#FFFFFF"
GOLD = "#FFC107"

# Shapes on a 256 × 256 canvas: (kind, fill, geometry).
SHAPES = [
    ("rounded", RED, (8, 8, 248, 248, 44)),
    ("polygon", WHITE, [(40, 130), (118, 58), (196, 130)]),  # roof
    ("rect", WHITE, (62, 124, 174, 206)),  # walls
    ("rect", RED, (104, 152, 132, 206)),  # door
    ("rect", RED, (76, 140, 96, 160)),  # window
]


def arrow(start, tip, shaft=18, head_length=54, head_width=56):
    """The two polygons of a straight arrow from ``start`` to ``tip`` (shaft, then head)."""
    (x0, y0), (x1, y1) = start, tip
    length = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
    ux, uy = (x1 - x0) / length, (y1 - y0) / length  # along
    px, py = -uy, ux  # across
    bx, by = x1 - ux * head_length, y1 - uy * head_length  # where the head starts

    def at(x, y, across):
        return (round(x + px * across, 1), round(y + py * across, 1))

    shaft_poly = [at(x0, y0, -shaft / 2), at(x0, y0, shaft / 2), at(bx, by, shaft / 2), at(bx, by, -shaft / 2)]
    head_poly = [at(bx, by, -head_width / 2), at(bx, by, head_width / 2), (x1, y1)]
    return shaft_poly, head_poly


for _poly in arrow((150, 208), (232, 40)):
    SHAPES.append(("polygon", GOLD, _poly))


def svg_text() -> str:
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">']
    for kind, fill, geometry in SHAPES:
        if kind == "rounded":
            x0, y0, x1, y1, r = geometry
            parts.append(f'  <rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" rx="{r}" fill="{fill}"/>')
        elif kind == "rect":
            x0, y0, x1, y1 = geometry
            parts.append(f'  <rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" fill="{fill}"/>')
        else:
            points = " ".join(f"{x},{y}" for x, y in geometry)
            parts.append(f'  <polygon points="{points}" fill="{fill}"/>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def raster(size: int):
    from PIL import Image, ImageDraw

    scale = 4 * size / 256
    big = Image.new("RGBA", (4 * size, 4 * size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)
    for kind, fill, geometry in SHAPES:
        if kind == "rounded":
            x0, y0, x1, y1, r = geometry
            draw.rounded_rectangle([x0 * scale, y0 * scale, x1 * scale, y1 * scale], radius=r * scale, fill=fill)
        elif kind == "rect":
            x0, y0, x1, y1 = geometry
            draw.rectangle([x0 * scale, y0 * scale, x1 * scale - 1, y1 * scale - 1], fill=fill)
        else:
            draw.polygon([(x * scale, y * scale) for x, y in geometry], fill=fill)
    return big.resize((size, size), Image.Resampling.LANCZOS)


def main() -> int:
    try:
        import PIL  # noqa: F401  (Pillow comes with ReportLab)
    except ImportError:
        print("需要 Pillow：pip install pillow", file=sys.stderr)
        return 1
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / f"{NAME}.svg").write_text(svg_text(), encoding="utf-8")
    images = {size: raster(size) for size in PNG_SIZES}
    for size, image in images.items():
        image.save(ICONS / f"{NAME}-{size}.png", optimize=True)
    images[256].save(ICONS / f"{NAME}.ico", sizes=[(s, s) for s in ICO_SIZES])
    for path in sorted(ICONS.glob(f"{NAME}*")):
        print(path.relative_to(ROOT), path.stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
