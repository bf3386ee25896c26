"""The program's one translation catalog (gettext domain ``fupin``), compiled by Babel.

Source strings (msgids) are the Chinese (zh_CN) texts as written in the code: ``_("保存")``. Catalogs live in
``resources/translations/<locale>/LC_MESSAGES/fupin.po`` for zh_CN, zh_TW and en, and are compiled to ``.mo``
by ``python -m fupin_desktop.i18n.build_catalogs`` (the run and test scripts do it). A missing catalog or
string falls back to the msgid, so the program always speaks Chinese at worst. When a ``.mo`` is missing or
older than its ``.po``, the ``.po`` is compiled in memory.

Placeholders use ``str.format`` names and are filled after translation:
``_("共{count}户").format(count=n)``; every translation keeps the same ``{names}`` (a test checks).
Strings at module level are marked with ``N_`` and translated where shown.

Adding strings (from the repository root)::

    pybabel extract -F /dev/null -k _ -k N_ -k ngettext:1,2 -k pgettext:1c,2 \\
        --sort-by-file -o /tmp/fupin.pot fupin_desktop
    pybabel update -i /tmp/fupin.pot -d resources/translations -D fupin --no-fuzzy-matching
    # translate the new entries in each fupin.po (zh_CN: msgstr = msgid), then
    python -m fupin_desktop.i18n.build_catalogs
"""

import gettext
import io
import threading
from pathlib import Path

from fupin_desktop.resources import translations_dir

__all__ = [
    "DOMAIN",
    "N_",
    "SOURCE_LANGUAGE",
    "_",
    "available_languages",
    "catalog_paths",
    "current_language",
    "load_translations",
    "ngettext",
    "normalise_locale",
    "pgettext",
    "set_language",
    "translations_folder",
]

DOMAIN = "fupin"
SOURCE_LANGUAGE = "zh_CN"

_lock = threading.Lock()
_current_language = SOURCE_LANGUAGE
_translations: gettext.NullTranslations = gettext.NullTranslations()


def translations_folder() -> Path | None:
    """The shipped translations folder, or None when the resources cannot be found."""
    try:
        folder = translations_dir()
    except FileNotFoundError:
        return None
    return folder if folder.is_dir() else None


def normalise_locale(locale: str) -> str:
    """ "zh-cn" → "zh_CN", "EN" → "en"."""
    language, _, territory = locale.strip().replace("-", "_").partition("_")
    return f"{language.lower()}_{territory.upper()}" if territory else language.lower()


def catalog_paths(locale: str, folder: Path | None = None) -> tuple[Path, Path] | None:
    """(po, mo) paths of ``locale``'s catalog, or None when there is no translations folder."""
    folder = folder or translations_folder()
    if folder is None:
        return None
    messages = folder / normalise_locale(locale) / "LC_MESSAGES"
    return messages / f"{DOMAIN}.po", messages / f"{DOMAIN}.mo"


def _compile_in_memory(po_path: Path, locale: str) -> gettext.GNUTranslations:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=locale, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def load_translations(locale: str, folder: Path | None = None) -> gettext.NullTranslations:
    """The catalog for ``locale``; a pass-through (msgid) catalog when there is none or it is unreadable."""
    paths = catalog_paths(locale, folder)
    if paths is None:
        return gettext.NullTranslations()
    po_path, mo_path = paths
    try:
        if mo_path.is_file() and (
            not po_path.is_file() or mo_path.stat().st_mtime >= po_path.stat().st_mtime
        ):
            with mo_path.open("rb") as handle:
                return gettext.GNUTranslations(handle)
        if po_path.is_file():
            return _compile_in_memory(po_path, normalise_locale(locale))
    except Exception:  # a broken catalog must never stop the program: fall back to the Chinese source
        return gettext.NullTranslations()
    return gettext.NullTranslations()


def set_language(locale: str) -> None:
    """Switch every later ``_``/``ngettext``/``pgettext`` call to ``locale`` ("zh_CN", "zh_TW", "en")."""
    global _current_language, _translations
    locale = normalise_locale(locale or SOURCE_LANGUAGE)
    translations = load_translations(locale)
    with _lock:
        _current_language = locale
        _translations = translations


def current_language() -> str:
    return _current_language


def available_languages() -> list[str]:
    """Locales with a catalog in the translations folder (the source language always included), sorted."""
    found = {SOURCE_LANGUAGE}
    folder = translations_folder()
    if folder is not None:
        for po in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.[pm]o"):
            found.add(po.parent.parent.name)
    return sorted(found)


def _(message: str) -> str:
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _translations.pgettext(context, message)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet (module-level constants)."""
    return message
