"""The main window's pages and what every page is given.

A page is a module ``fupin_desktop/qt/views/page_<name>.py`` exposing
``PAGE = PageSpec(order, key, title, factory)``; ``factory(services)`` builds the page's widget. Pages are
discovered with ``pkgutil`` (as the command line finds its ``cmd_*`` modules), sorted by ``order``, and shown
in the navigation list; a page's module is imported only when the page is first shown. A page that wants to refresh after a mutation connects to ``services.ops.changed``.

``AppServices`` is everything a page or a dialog may use: it is passed through constructors, never found
through ``self.window()`` or globals. Its constructor is stable; new fields only ever get defaults.
"""

import ast
import importlib
import logging
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from fupin_desktop.domain.clock import Clock, SystemClock
from fupin_desktop.domain.records import Settings
from fupin_desktop.qt.tasks import DatabaseThread, Ops

log = logging.getLogger(__name__)

PAGE_PREFIX = "page_"


def _nothing(*_args, **_kwargs) -> None:
    return None


@dataclass(eq=False)
class AppServices:
    """What pages and dialogs get.

    - ``ops``: run services on the database thread (``ops.run(fn, *args, on_done=, on_error=)``); its
      ``changed(Changes)`` signal is the one refresh signal.
    - ``worker``: the ``DatabaseThread`` itself (``worker.call`` blocks: start-up and tests only).
    - ``settings``: a snapshot of the settings; the main window replaces it after settings change.
    - ``open_household(household_id)``: open the household editor (``None`` = a new household).
    - ``show_households(filter)``: switch to the household list with a ``HouseholdFilter``.
    - ``clock``: the injected clock (never read the time directly).
    - ``village_id`` / ``village_name``: the installation's village ("" in township mode or before setup).
    - ``data_dir``: the data folder (backups, exports); ``operator``: who works at the keyboard.
    - ``notify(text)``: a short message in the status bar.
    - ``large_font``: large-font mode is on.
    - ``show_page(key)``: switch the main window to another page (e.g. "helpers").
    - ``set_large_font(on)``: switch large-font mode for the whole program (and remember it).
    - ``set_language(locale)``: switch the program's language now (the pages are built anew).
    """

    ops: Ops
    worker: DatabaseThread
    settings: Settings = field(default_factory=Settings)
    open_household: Callable[[str | None], None] = _nothing
    show_households: Callable[[object], None] = _nothing
    clock: Clock = field(default_factory=SystemClock)
    village_id: str = ""
    village_name: str = ""
    data_dir: Path | None = None
    operator: str = ""
    notify: Callable[[str], None] = _nothing
    large_font: bool = False
    show_page: Callable[[str], None] = _nothing
    set_large_font: Callable[[bool], None] = _nothing
    set_language: Callable[[str], None] = _nothing


@dataclass(frozen=True)
class PageSpec:
    order: int
    key: str
    title: str  # the Chinese msgid; translated where shown
    factory: Callable[[AppServices], object]  # -> QWidget
    icon: str = ""  # optional resource name under resources/icons


class _LazyFactory:
    """Import a page's module when the page is first built, then use the module's own ``PAGE.factory``."""

    def __init__(self, module: str):
        self.module = module

    def __call__(self, services: AppServices):
        page = getattr(importlib.import_module(self.module), "PAGE", None)
        if not isinstance(page, PageSpec):
            raise LookupError(f"{self.module} has no PAGE")
        return page.factory(services)


_SPEC_FIELDS = ("order", "key", "title", "factory", "icon")


def _literal(node):
    """A constant, or ``N_("…")`` / ``_("…")`` of one (titles are marked for translation)."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("N_", "_"):
        node = node.args[0] if len(node.args) == 1 else None
    if isinstance(node, ast.Constant):
        return node.value
    raise ValueError("not a literal")


def _spec_from_source(path: Path, module: str) -> PageSpec | None:
    """Read ``PAGE = PageSpec(...)`` from the module's source without importing it (None when the source is
    not at hand or the spec is not written with literals)."""
    try:
        text = "\n" + path.read_text(encoding="utf-8")
        start = text.rfind("\nPAGE = PageSpec(")
        end = text.find(")\n", start) if start >= 0 else -1
        tree = ast.parse(text[start + 1:end + 1] if end > 0 else "")  # the one statement, not the whole module
    except (OSError, SyntaxError, ValueError):
        return None
    for node in tree.body:
        if (isinstance(node, ast.Assign) and [getattr(t, "id", "") for t in node.targets] == ["PAGE"]
                and isinstance(node.value, ast.Call) and getattr(node.value.func, "id", "") == "PageSpec"):
            call = node.value
            try:
                values = dict(zip(_SPEC_FIELDS, call.args, strict=False))
                values.update({k.arg: k.value for k in call.keywords})
                fields = {name: _literal(values[name]) for name in ("order", "key", "title")}
                icon = _literal(values["icon"]) if "icon" in values else ""
            except (KeyError, ValueError):
                return None
            return PageSpec(fields["order"], fields["key"], fields["title"], _LazyFactory(module), icon)
    return None


def discover_pages(package: str = "fupin_desktop.qt.views") -> list[PageSpec]:
    """Every ``page_*.py`` module's ``PAGE``, sorted by order then key; broken modules are logged, skipped.

    The specs are read from the modules' source where it is at hand, so start-up imports no page: a page's
    module (and whatever it needs) is imported when the page is first shown. Without the source (a frozen
    bundle) or with a spec that is not plain literals, the module is imported as before.
    """
    module = importlib.import_module(package)
    found = sorted((m.name, m.module_finder) for m in pkgutil.iter_modules(module.__path__)
                   if m.name.startswith(PAGE_PREFIX))
    specs = []
    for name, finder in found:
        full = f"{package}.{name}"
        folder = getattr(finder, "path", None)
        spec = _spec_from_source(Path(folder) / f"{name}.py", full) if folder else None
        if spec is None:
            try:
                spec = getattr(importlib.import_module(full), "PAGE", None)
            except Exception:  # one broken page must not keep the battle room closed
                log.exception("page module %s failed to import", name)
                continue
        if isinstance(spec, PageSpec):
            specs.append(spec)
    return sorted(specs, key=lambda spec: (spec.order, spec.key))
