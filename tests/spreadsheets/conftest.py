import pytest


@pytest.fixture
def helper(ctx):
    from fupin_desktop.services.helpers import create_helper

    helper_id, _ = create_helper(ctx, {"name": "王干部", "unit": "汉台区财政局", "phone": "13900000000"})
    return helper_id
