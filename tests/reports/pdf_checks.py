"""Reading PDFs back the way a person would check them: text per page, fonts and their embedding."""

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
