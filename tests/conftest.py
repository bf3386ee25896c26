"""Shared fixtures. No test ever touches the user's real data folder."""

import datetime as dt
import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("FUPIN_DATA_DIR", str(tmp_path / "default-data"))


@pytest.fixture
def clock():
    from fupin_desktop.domain.clock import FixedClock

    return FixedClock(dt.datetime(2020, 6, 15, 9, 30))


@pytest.fixture
def ctx(tmp_path, clock):
    from fupin_desktop.services.context import open_context

    context = open_context(tmp_path / "data", operator="测试员", clock=clock)
    yield context
    context.close()


@pytest.fixture
def village(ctx):
    from fupin_desktop.services.villages import create_village

    village_id, _ = create_village(ctx, {
        "code": "610702101201", "name": "龙江村", "province": "陕西省", "city": "汉中市", "county": "汉台区",
        "township": "龙江镇", "groups": ("一组", "二组", "三组"), "rural_population": 1200,
    })
    return village_id
