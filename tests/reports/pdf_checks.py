"""Reading PDFs back the way a person would check them: text per page, fonts and their embedding."""

import re
import shutil
import subprocess
from pathlib import Path

from pypdf import PdfReader


def page_texts(path_or_file) -> list[str]:
    if hasattr(path_or_file, "seek"):
        path_or_file.seek(0)
    return [page.extract_text() or "" for page in PdfReader(path_or_file).pages]


def pdffonts_rows(path: Path) -> list[dict] | None:
    """``pdffonts`` output as dicts (name, type, emb, sub, uni); None when poppler-utils is missing."""
    exe = shutil.which("pdffonts")
    if exe is None:
        return None
    out = subprocess.run([exe, str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
    rows = []
    for line in out[2:]:
        parts = line.split()
        if len(parts) < 7:
            continue
        # name type [type…] encoding emb sub uni object ID: read the yes/no columns from the right
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def word_boxes(path: Path) -> list[tuple] | None:
    """Every word as (page, word, x0, y0, x1, y1) (``pdftotext -bbox``), sorted; None without poppler-utils."""
    exe = shutil.which("pdftotext")
    if exe is None:
        return None
    html = subprocess.run([exe, "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    boxes = []
    for number, page in enumerate(html.split("<page ")[1:], 1):
        for x0, y0, x1, y1, word in _WORD.findall(page):
            boxes.append((number, word, *(round(float(v), 1) for v in (x0, y0, x1, y1))))
    return sorted(boxes)


def gray_pages(path: Path, folder: Path, dpi: int = 100) -> list[tuple[int, int, bytes]] | None:
    """Each page rendered grey (``pdftoppm -gray``) as (width, height, pixels); None without poppler-utils."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run([exe, "-gray", "-r", str(dpi), str(path), str(folder / "p")], check=True)
    pages = []
    for image in sorted(folder.glob("p-*.pgm")):
        _, size, _, pixels = image.read_bytes().split(b"\n", 3)
        width, height = (int(v) for v in size.split())
        pages.append((width, height, pixels))
    return pages


def pixels_apart(a: bytes, b: bytes, threshold: int = 64) -> int:
    """How many pixels of two equally sized grey images differ by more than ``threshold`` (of 255)."""
    return sum(1 for x, y in zip(a, b, strict=True) if abs(x - y) > threshold)
