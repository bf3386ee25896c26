"""Warnings for the print preview: text in a document's data that no available font can print (生僻字).

Such characters print as a crossed box (the real character stays in the PDF's text layer), never blank; the
print preview lists them so someone can write them in by hand or install a font that has them.
"""

import dataclasses
from collections.abc import Iterable, Mapping

from fupin_desktop.reports.fonts import missing_glyphs

_SKIP_FIELDS = frozenset({"id", "household_id", "village_id", "helper_id", "reverses", "hlc", "settings"})


def _strings(value, path: str) -> Iterable[tuple[str, str]]:
    if isinstance(value, str):
        if value:
            yield path, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if f.name not in _SKIP_FIELDS:
                yield from _strings(getattr(value, f.name), f"{path}.{f.name}" if path else f.name)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _strings(item, f"{path}[{key}]")
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _strings(item, f"{path}[{i}]")


def unprintable(data) -> list[tuple[str, str, list[str]]]:
    """(field path, text, missing characters) for every string of ``data`` with characters nothing prints.

    Generators (a streamed roster's rows) are not walked: check each row as it is made.
    """
    found = []
    for path, text in _strings(data, ""):
        missing = missing_glyphs(text)
        if missing:
            found.append((path, text, missing))
    return found


def warning_lines(data) -> list[str]:
    """The same, as sentences for the print preview."""
    return [f"“{text}”中的“{'、'.join(chars)}”没有可用字体，打印时显示为方框，请手工补写（{path}）"
            for path, text, chars in unprintable(data)]
