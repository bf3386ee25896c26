"""The main window's pages and what every page is given.

A page is a module ``fupin_desktop/qt/views/page_<name>.py`` exposing
``PAGE = PageSpec(order, key, title, factory)``; ``factory(services)`` builds the page's widget. Pages are
discovered with ``pkgutil`` (as the command line finds its ``cmd_*`` modules), sorted by ``order``, and shown
in the navigation list. A page that wants to refresh after a mutation connects to ``services.ops.changed``.

``AppServices`` is everything a page or a dialog may use: it is passed through constructors, never found
through ``self.window()`` or globals. Its constructor is stable; new fields only ever get defaults.
"""

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


@dataclass(frozen=True)
class PageSpec:
    order: int
    key: str
    title: str  # the Chinese msgid; translated where shown
    factory: Callable[[AppServices], object]  # -> QWidget
    icon: str = ""  # optional resource name under resources/icons


def discover_pages(package: str = "fupin_desktop.qt.views") -> list[PageSpec]:
    """Every ``page_*.py`` module's ``PAGE``, sorted by order then key; broken modules are logged, skipped."""
    module = importlib.import_module(package)
    names = sorted(m.name for m in pkgutil.iter_modules(module.__path__) if m.name.startswith(PAGE_PREFIX))
    specs = []
    for name in names:
        try:
            page = getattr(importlib.import_module(f"{package}.{name}"), "PAGE", None)
        except Exception:  # one broken page must not keep the battle room closed
            log.exception("page module %s failed to import", name)
            continue
        if isinstance(page, PageSpec):
            specs.append(page)
    return sorted(specs, key=lambda spec: (spec.order, spec.key))
