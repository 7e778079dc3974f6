"""The recorded meeting the services' tests correct."""

import pytest

from tests.meetings.corrections_data import recorded_meeting


@pytest.fixture
def s1(cast):
    return recorded_meeting(cast)
