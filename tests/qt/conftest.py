"""Qt fixtures: a small demo village built once per session, a database thread with Ops, the main window.

Every test gets its own copy of the session's data folder, so tests may change data freely; nothing ever
touches the user's real data folder.
"""

import datetime as dt
import shutil

import pytest

from tests.qt.small_village import build_small_village

TODAY = dt.datetime(2020, 6, 15, 9, 30)


@pytest.fixture(scope="session")
def qapp():
    from fupin_desktop.qt.app import create_application, install_translators

    app = create_application()
    install_translators(app, "zh_CN")
    return app


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """A data folder with the small demo village (services.demo, or a hand-built one while it is missing)."""
    from fupin_desktop.domain.clock import FixedClock

    folder = tmp_path_factory.mktemp("demo-small")
    build_small_village(folder, FixedClock(TODAY))
    return folder


@pytest.fixture
def clock():
    from fupin_desktop.domain.clock import FixedClock

    return FixedClock(TODAY)


@pytest.fixture
def data_dir(demo_template, tmp_path):
    target = tmp_path / "data"
    shutil.copytree(demo_template, target, ignore=shutil.ignore_patterns("backups"))
    return target


@pytest.fixture
def worker(data_dir, clock, qapp):
    from fupin_desktop.qt.tasks import DatabaseThread
    from fupin_desktop.services.context import open_context

    thread = DatabaseThread(lambda: open_context(data_dir, operator="测试员", clock=clock))
    thread.wait_ready(30)
    yield thread
    thread.stop()


@pytest.fixture
def ops(worker):
    from fupin_desktop.qt.tasks import Ops

    return Ops(worker)


@pytest.fixture
def startup(worker):
    from fupin_desktop.qt.startup import startup_state

    return worker.call(startup_state)


@pytest.fixture
def services(ops, worker, startup, clock, data_dir):
    from fupin_desktop.qt.pages import AppServices

    opened, shown, pages = [], [], []
    result = AppServices(ops=ops, worker=worker, settings=startup.settings, clock=clock,
                         village_id=startup.village_id, village_name=startup.village_name, data_dir=data_dir,
                         operator="测试员", open_household=opened.append, show_households=shown.append,
                         show_page=pages.append)
    result.opened, result.shown, result.pages = opened, shown, pages  # what the page asked for
    return result


@pytest.fixture
def main_window(qtbot, ops, worker, startup, clock, data_dir):
    from fupin_desktop.qt.app import UiPreferences
    from fupin_desktop.qt.main_window import MainWindow

    window = MainWindow(ops, worker, settings=startup.settings, clock=clock, village_id=startup.village_id,
                        village_name=startup.village_name, data_dir=data_dir, operator="测试员",
                        preferences=UiPreferences(data_dir))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    yield window
    window.close()


def wait_idle(qtbot, ops, timeout=10_000):
    """Wait until every job submitted through ``ops`` has answered."""
    qtbot.waitUntil(lambda: not ops._callbacks, timeout=timeout)
