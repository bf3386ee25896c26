import gettext
import shutil

import pytest
from babel.messages.pofile import read_po

from fupin_desktop.i18n import translate
from fupin_desktop.i18n.build_catalogs import (
    CatalogError,
    build_all,
    compile_catalog,
    main,
    placeholder_names,
    po_files,
)
from fupin_desktop.resources import translations_dir

SHIPPED = translations_dir()
LOCALES = ("zh_CN", "zh_TW", "en")


@pytest.fixture
def catalogs(tmp_path):
    """A copy of the shipped catalogs, compiled, so tests never write into the source tree."""
    folder = tmp_path / "translations"
    shutil.copytree(SHIPPED, folder, ignore=shutil.ignore_patterns("*.mo"))
    build_all(folder)
    return folder


@pytest.fixture
def language():
    """Restore the process language after a test switches it."""
    before = translate.current_language()
    yield
    translate.set_language(before)


def _catalog(locale):
    with (SHIPPED / locale / "LC_MESSAGES" / "fupin.po").open("rb") as handle:
        return read_po(handle, locale=locale, domain="fupin")


def test_the_three_catalogs_ship():
    assert [po.parent.parent.name for po in po_files(SHIPPED)] == sorted(LOCALES)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_catalog_compiles(catalogs, locale):
    mo = catalogs / locale / "LC_MESSAGES" / "fupin.mo"
    assert mo.is_file()
    with mo.open("rb") as handle:
        assert gettext.GNUTranslations(handle).gettext("保存")


@pytest.mark.parametrize("locale", LOCALES)
def test_placeholders_kept_in_every_translation(locale):
    for message in _catalog(locale):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set().union(*(placeholder_names(text) for text in ids))
        for text in strings:
            if text:
                assert placeholder_names(text) <= wanted, (locale, message.id, text)
        if len(ids) == 1 and strings[0]:
            assert placeholder_names(strings[0]) == wanted, (locale, message.id)


def test_zh_cn_is_complete():
    source = {(m.context, m.id) for m in _catalog("zh_CN") if m.id}
    for locale in LOCALES:
        others = {(m.context, m.id) for m in _catalog(locale) if m.id}
        assert others <= source, f"{locale} has strings missing from zh_CN: {others - source}"


def test_translations_follow_the_language(language):
    translate.set_language("en")
    assert translate.current_language() == "en"
    assert translate._("保存") == "Save"
    assert translate._("户主：{name}").format(name="张三") == "Head of household: 张三"
    assert translate.ngettext("{count}户", "{count}户", 1).format(count=1) == "1 household"
    assert translate.ngettext("{count}户", "{count}户", 3).format(count=3) == "3 households"
    assert translate.pgettext("菜单", "文件") == "File"
    translate.set_language("zh-tw")
    assert translate.current_language() == "zh_TW"
    assert translate._("保存") == "儲存"
    translate.set_language("zh_CN")
    assert translate._("保存") == "保存"


def test_missing_string_or_catalog_falls_back_to_the_msgid(language):
    translate.set_language("en")
    assert translate._("这句话没有翻译") == "这句话没有翻译"
    translate.set_language("fr")
    assert translate._("保存") == "保存"
    assert translate.ngettext("{count}户", "{count}户", 2) == "{count}户"


def test_available_languages():
    assert translate.available_languages() == sorted(LOCALES)


def test_po_is_read_when_mo_is_missing(tmp_path):
    folder = tmp_path / "translations"
    shutil.copytree(SHIPPED, folder, ignore=shutil.ignore_patterns("*.mo"))
    assert translate.load_translations("en", folder).gettext("保存") == "Save"


def test_broken_catalog_falls_back(tmp_path):
    po = tmp_path / "en" / "LC_MESSAGES" / "fupin.po"
    po.parent.mkdir(parents=True)
    po.write_bytes(b'\xff\xfe not a catalog "')
    assert translate.load_translations("en", tmp_path).gettext("保存") == "保存"


def test_normalise_locale():
    assert translate.normalise_locale("zh-cn") == "zh_CN"
    assert translate.normalise_locale("EN") == "en"


def _write_po(folder, body):
    po = folder / "en" / "LC_MESSAGES" / "fupin.po"
    po.parent.mkdir(parents=True, exist_ok=True)
    header = 'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
    po.write_text(header + body, encoding="utf-8")
    return po


def test_dropped_placeholder_is_refused(tmp_path, capsys):
    po = _write_po(tmp_path, 'msgid "户主：{name}"\nmsgstr "Head of household"\n')
    with pytest.raises(CatalogError, match="name"):
        compile_catalog(po)
    assert main([str(tmp_path)]) == 1
    assert "fupin.po" in capsys.readouterr().err


def test_good_catalog_builds_from_the_command(tmp_path, capsys):
    _write_po(tmp_path, 'msgid "保存"\nmsgstr "Save"\n')
    assert main([str(tmp_path)]) == 0
    assert (tmp_path / "en" / "LC_MESSAGES" / "fupin.mo").is_file()
    assert "fupin.mo" in capsys.readouterr().out


def test_placeholder_names():
    assert placeholder_names("共{count}户，户主{name}") == {"count", "name"}
    assert placeholder_names("{{不是}}") == frozenset()
    with pytest.raises(ValueError):
        placeholder_names("{未闭合")
