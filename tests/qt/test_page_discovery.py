"""Pages are listed from their modules' source: start-up imports none of them, the first show does."""

import subprocess
import sys
import textwrap


def test_discovered_specs_are_the_modules_own():
    import importlib

    from fupin_desktop.qt.pages import discover_pages

    specs = discover_pages()
    assert len(specs) >= 8
    for spec in specs:
        module = importlib.import_module(f"fupin_desktop.qt.views.page_{spec.key}")
        own = module.PAGE
        assert (spec.order, spec.key, spec.title, spec.icon) == (own.order, own.key, own.title, own.icon)


def test_discovery_imports_no_page_module_and_building_one_does():
    script = textwrap.dedent("""
        import sys
        from fupin_desktop.qt.pages import discover_pages
        specs = discover_pages()
        loaded = sorted(m for m in sys.modules if m.startswith("fupin_desktop.qt.views.page_"))
        print(len(specs), loaded)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    count, loaded = out.strip().split(" ", 1)
    assert int(count) >= 8 and loaded == "[]"


def test_a_spec_written_without_literals_falls_back_to_importing(tmp_path):
    from fupin_desktop.qt.pages import _spec_from_source

    page = tmp_path / "page_x.py"
    page.write_text('ORDER = 5\nPAGE = PageSpec(order=ORDER, key="x", title=N_("某页"), factory=object)\n',
                    encoding="utf-8")
    assert _spec_from_source(page, "page_x") is None
    page.write_text('PAGE = PageSpec(5, "x", N_("某页"), factory=object, icon="x.svg")\n', encoding="utf-8")
    spec = _spec_from_source(page, "page_x")
    assert (spec.order, spec.key, spec.title, spec.icon) == (5, "x", "某页", "x.svg")


def test_a_lazy_page_is_built_on_first_show(main_window):
    page = main_window.page("helpers")
    assert page is not None and type(page).__name__ == "HelpersPageView"
