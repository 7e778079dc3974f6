"""Fixtures of the care tests: a household of Mueang Chiang Rai with one elderly member, a case opened on it by
the district's coordinator, a second coordinator of the district, and the agency of the cast's partner."""

import pytest

from .cases_data import NATIONAL_ID, agency_with_partner, colleague, household, member, opened


@pytest.fixture
def home(db):
    return household()


@pytest.fixture
def grandmother(home):
    return member(home, national_id=NATIONAL_ID, bedridden=True, chronic_illness="เบาหวาน")


@pytest.fixture
def case(cast, home, grandmother):
    return opened(cast.mueang_coordinator, home, grandmother)


@pytest.fixture
def second(cast):
    return colleague()


@pytest.fixture
def agency(cast):
    return agency_with_partner(cast)


from .fund_data import fund  # noqa: F401, E402
