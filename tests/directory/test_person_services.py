import pytest
from django.core.exceptions import ValidationError

from sanphalang.accounts.models import AccessLog
from sanphalang.directory.models import Person
from sanphalang.directory.selectors import person_get, person_list
from sanphalang.directory.services import person_create, person_erase
from sanphalang.errors import AccessDenied

VALID_ID = "1101700203450"  # check digit valid


@pytest.fixture
def ratchanee(cast):
    return person_create(
        by=cast.chiangrai_coordinator,
        first_name="นางสาวรัชนี",
        last_name="ตรัยตรึงศ์โกศล",
        area_code="5701",
        national_id="1-1017-00203-45-0",
    )


def test_a_title_typed_into_the_name_is_kept_apart(ratchanee):
    assert (ratchanee.title, ratchanee.first_name) == ("นางสาว", "รัชนี")
    assert ratchanee.national_id == VALID_ID


@pytest.mark.parametrize("query", ["รัชนี", "นางสาวรัชนี", "น.ส.รัชนี ตรัยตรึงศ์โกศล", "ตรัยตรึงศ์"])
def test_it_finds_a_person_with_or_without_their_title(cast, ratchanee, query):
    assert list(person_list(user=cast.chiangrai_coordinator, search=query)) == [ratchanee]


@pytest.mark.parametrize("bad_id, reason", [("1234567890123", "check digit"), ("12345", "13 digits")])
def test_a_national_id_with_a_wrong_check_digit_is_refused(cast, bad_id, reason):
    with pytest.raises(ValidationError) as error:
        person_create(by=cast.admin, first_name="สมชาย", last_name="ใจดี", area_code="57", national_id=bad_id)
    assert "national_id" in error.value.message_dict
    assert not Person.objects.exists()


def test_thai_digits_are_accepted_in_a_national_id(cast):
    person = person_create(by=cast.admin, first_name="สมชาย", area_code="57", national_id="๑๑๐๑๗๐๐๒๐๓๔๕๐")
    assert person.national_id == VALID_ID


def test_reading_a_person_is_logged(cast, ratchanee):
    person_get(user=cast.mueang_coordinator, pk=ratchanee.pk)
    log = AccessLog.objects.filter(action="read", object_id=str(ratchanee.pk)).get()
    assert log.user == cast.mueang_coordinator


def test_people_of_a_district_are_hidden_from_another_district(cast, ratchanee):
    from django.http import Http404

    with pytest.raises(Http404):
        person_get(user=cast.maesai_coordinator, pk=ratchanee.pk)
    assert list(person_list(user=cast.phayao_coordinator)) == []
    assert not AccessLog.objects.filter(action="read").exists()


def test_only_an_administrator_can_erase_a_person(cast, ratchanee):
    with pytest.raises(AccessDenied):
        person_erase(by=cast.chiangrai_coordinator, person=ratchanee)
    person_erase(by=cast.admin, person=ratchanee)
    assert not Person.objects.exists()
    assert not Person.history.filter(id=ratchanee.pk).exists()
    assert AccessLog.objects.filter(action="erase").count() == 1
