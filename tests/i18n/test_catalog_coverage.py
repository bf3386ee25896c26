"""Every string the program marks for translation is in the catalogs: zh_CN has it, zh_TW and en translate it.

The strings are found by walking the syntax tree of every module under ``fupin_desktop/``: the first argument of
``_("…")`` and ``N_("…")``, both of ``ngettext("…", "…", n)``, the second of ``pgettext(context, "…")``, and the
texts the compiled Designer forms pass to ``QCoreApplication.translate`` (those with a Chinese character: the
rest are property values such as a role name or a date format).
"""

import ast
import functools
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from fupin_desktop.resources import translations_dir

PACKAGE = Path(__file__).resolve().parents[2] / "fupin_desktop"
TRANSLATED = ("zh_TW", "en")
CJK = re.compile(r"[\u3400-\u9fff]")


def _text(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value else None


def marked_strings(source: str, *, forms: bool = False) -> list[tuple[str | None, str, int]]:
    """(context, msgid, line) of every string marked for translation in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        texts = [_text(arg) for arg in node.args]
        if name in ("_", "N_") and texts[:1] and texts[0]:
            found.append((None, texts[0], node.lineno))
        elif name == "ngettext":
            found += [(None, text, node.lineno) for text in texts[:2] if text]
        elif name == "pgettext" and len(texts) >= 2 and texts[0] and texts[1]:
            found.append((texts[0], texts[1], node.lineno))
        elif forms and name == "translate" and len(texts) >= 2 and texts[1] and CJK.search(texts[1]):
            found.append((None, texts[1], node.lineno))
    return found


@functools.cache
def package_strings() -> dict[tuple[str | None, str], str]:
    """(context, msgid) → where it is first used, over the whole package."""
    where: dict[tuple[str | None, str], str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        forms = path.parent.name == "forms" and path.name.startswith("ui_")
        for context, msgid, line in marked_strings(path.read_text(encoding="utf-8"), forms=forms):
            where.setdefault((context, msgid), f"{path.relative_to(PACKAGE.parent)}:{line}")
    return where


@functools.cache
def catalog(locale: str) -> dict[tuple[str | None, str], object]:
    with (translations_dir() / locale / "LC_MESSAGES" / "fupin.po").open("rb") as handle:
        return {(m.context, m.id if isinstance(m.id, str) else m.id[0]): m.string
                for m in read_po(handle, locale=locale, domain="fupin") if m.id}


def _filled(string) -> bool:
    strings = string if isinstance(string, (tuple, list)) else (string,)
    return all(strings)


def test_the_walk_finds_every_kind_of_mark():
    source = '''
_("保存"); N_("户主"); ngettext("{n}户", "{n}户", 2); pgettext("菜单", "文件"); _(name); print("不是")
QCoreApplication.translate("Form", "风险类型：", None); QCoreApplication.translate("Form", "primary", None)
'''
    plain = [(c, m) for c, m, _line in marked_strings(source)]
    assert plain == [(None, "保存"), (None, "户主"), (None, "{n}户"), (None, "{n}户"), ("菜单", "文件")]
    forms = [(c, m) for c, m, _line in marked_strings(source, forms=True)]
    assert forms[-1] == (None, "风险类型：") and (None, "primary") not in forms


def test_the_package_marks_many_strings():
    strings = package_strings()
    assert len(strings) > 500
    assert (None, "风险类型：") in strings and (None, "打印中心") in strings


@pytest.mark.parametrize("locale", ["zh_CN", *TRANSLATED])
def test_every_marked_string_is_in_the_catalog(locale):
    have = catalog(locale)
    missing = [f"{where}: {msgid}" for key, where in package_strings().items()
               for msgid in [key[1]] if key not in have]
    assert not missing, f"{len(missing)} strings missing from {locale}/fupin.po:\n" + "\n".join(missing[:40])


@pytest.mark.parametrize("locale", TRANSLATED)
def test_every_marked_string_is_translated(locale):
    have = catalog(locale)
    empty = [f"{where}: {key[1]}" for key, where in package_strings().items()
             if key in have and not _filled(have[key])]
    assert not empty, f"{len(empty)} strings without a {locale} translation:\n" + "\n".join(empty[:40])
