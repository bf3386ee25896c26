"""Compile every ``resources/translations/<locale>/LC_MESSAGES/fupin.po`` to ``fupin.mo`` with Babel.

Run as ``python -m fupin_desktop.i18n.build_catalogs [translations-folder]``; the run and test scripts call
it. Exits with status 1 (and names the file and entry) when a catalog cannot be read or has errors, such as
a translation whose ``{placeholders}`` or plural forms do not fit its msgid. Fuzzy entries are left out.
"""

import os
import string
import sys
import tempfile
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from fupin_desktop.i18n.translate import DOMAIN, translations_folder


class CatalogError(Exception):
    """A .po file that cannot be compiled; the message names the file and the problem."""


def placeholder_names(text: str) -> frozenset[str]:
    """The ``{names}`` a ``str.format`` string uses; ValueError when its braces are unbalanced."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def placeholder_problems(message) -> list[str]:
    """Why a translated message does not keep its msgid's placeholders (empty list when it does)."""
    ids = message.id if isinstance(message.id, (tuple, list)) else (message.id,)
    strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
    strings = [text for text in strings if text]
    if not strings:
        return []
    try:
        wanted = frozenset().union(*(placeholder_names(text) for text in ids))
        found = [placeholder_names(text) for text in strings]
    except ValueError as error:
        return [f"大括号不成对：{error}"]
    problems = [f"译文多出占位符 {sorted(names - wanted)}" for names in found if names - wanted]
    if len(ids) == 1 and any(names != wanted for names in found):
        problems.append(f"译文应保留占位符 {sorted(wanted)}")
    elif len(ids) > 1 and frozenset().union(*found) != wanted:
        problems.append(f"复数译文应保留占位符 {sorted(wanted)}")
    return problems


def read_catalog(po_path: Path):
    """The Babel ``Catalog`` of one .po file, its locale taken from the folder name."""
    locale = po_path.parent.parent.name
    try:
        with po_path.open("rb") as handle:
            return read_po(handle, locale=locale, domain=DOMAIN, abort_invalid=True)
    except Exception as error:  # babel raises several kinds for malformed files
        raise CatalogError(f"{po_path}: 无法读取翻译文件：{error}") from error


def compile_catalog(po_path: Path) -> Path:
    """Check and compile one .po file; the .mo is written beside it atomically. Returns the .mo path."""
    catalog = read_catalog(po_path)
    problems = []
    for message, errors in catalog.check():
        for error in errors:
            problems.append(f"{po_path}:{message.lineno}: {message.id!r}: {error}")
    for message in catalog:
        if message.id and not message.fuzzy:
            for problem in placeholder_problems(message):
                problems.append(f"{po_path}:{message.lineno}: {message.id!r}: {problem}")
    if problems:
        raise CatalogError("\n".join(problems))
    mo_path = po_path.with_suffix(".mo")
    handle, temporary = tempfile.mkstemp(dir=po_path.parent, prefix=".fupin-", suffix=".mo.tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            write_mo(stream, catalog, use_fuzzy=False)
        os.replace(temporary, mo_path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return mo_path


def po_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def build_all(folder: Path | None = None) -> list[Path]:
    """Compile every catalog under ``folder`` (default: the shipped translations folder)."""
    folder = folder or translations_folder()
    if folder is None:
        raise CatalogError("找不到翻译文件夹（resources/translations）")
    return [compile_catalog(po) for po in po_files(folder)]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else None
    try:
        built = build_all(folder)
    except CatalogError as error:
        print(error, file=sys.stderr)
        return 1
    for mo_path in built:
        print(mo_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
