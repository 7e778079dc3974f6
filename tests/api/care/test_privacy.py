"""The API's erasure of a household's personal data."""

from django.utils import translation

from sanphalang.care.errors import CareError
from sanphalang.care.models import Household, Member
from tests.care.records import NAME, household, member


def test_an_administrator_erases_a_household_through_the_api(cast, api_for):
    # given a household
    home = household()
    person = member(home)
    # when an administrator erases it with a reason
    response = api_for(cast.admin).post(f"/api/care/households/{home.pk}/anonymise", {"reason": "request"})
    # then it is erased
    assert response.status_code == 200
    assert response.json()["anonymised_at"]
    assert Member.objects.get(pk=person.pk).first_name != NAME
    # and a second erasure is refused as bad input, saying why
    again = api_for(cast.admin).post(f"/api/care/households/{home.pk}/anonymise", {"reason": "request"})
    with translation.override("th"):
        assert again.status_code == 422 and again.json()["detail"] == CareError.HOUSEHOLD_ERASED.message()


def test_it_refuses_an_unknown_reason_and_a_coordinator(cast, api_for):
    home = household()
    bad = api_for(cast.admin).post(f"/api/care/households/{home.pk}/anonymise", {"reason": "because"})
    assert bad.status_code == 422
    refused = api_for(cast.chiangrai_coordinator).post(
        f"/api/care/households/{home.pk}/anonymise", {"reason": "request"}
    )
    assert refused.status_code == 403
    assert Household.objects.get(pk=home.pk).anonymised_at is None
