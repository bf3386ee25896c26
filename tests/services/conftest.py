import pytest

from tests.services.factories import household_values, members_values


@pytest.fixture
def helper(ctx):
    from fupin_desktop.services.helpers import create_helper

    helper_id, _ = create_helper(ctx, {"name": "王干部", "unit": "汉台区财政局", "phone": "13900000000"})
    return helper_id


@pytest.fixture
def household(ctx, village, helper):
    from fupin_desktop.services.households import create_household

    household_id, _ = create_household(ctx, household_values(), members_values(), helper_id=helper)
    return household_id
