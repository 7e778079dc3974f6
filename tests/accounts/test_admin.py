"""The Django admin: every registered model opens for administrators and for nobody else."""

import pytest
from django.contrib import admin
from model_bakery import baker

from sanphalang.accounts.models import AccessAction, AccessLog, ApiToken
from sanphalang.directory.models import IssueArea, Organisation, Person, Position

OUR_APPS = {"accounts", "areas", "directory"}


def our_changelists() -> list[str]:
    return sorted(
        f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        for model in admin.site._registry
        if model._meta.app_label in OUR_APPS
    )


@pytest.fixture
def records(cast):
    """One row of each directory and token model, so the changelists render rows and not just empty tables."""
    organisation = baker.make(Organisation, name_th="กลุ่มออมทรัพย์บ้านป่าซาง", kind="community", area_id="570101")
    person = baker.make(Person, first_name="สมศรี", last_name="ใจดี", area_id="570101", national_id="")
    baker.make(Position, person=person, organisation=organisation)
    baker.make(IssueArea, slug="housing", name_th="ที่อยู่อาศัย")
    baker.make(ApiToken, user=cast.admin, name="script", key_hash="0" * 64, prefix="sp_abcde")
    return {"person": person, "organisation": organisation}


def test_every_model_of_ours_is_registered():
    # given the admin site, then it registers each model an administrator may need to look up
    assert our_changelists() == sorted(
        [
            "/admin/accounts/user/",
            "/admin/accounts/apitoken/",
            "/admin/accounts/accesslog/",
            "/admin/areas/area/",
            "/admin/areas/region/",
            "/admin/directory/organisation/",
            "/admin/directory/person/",
            "/admin/directory/position/",
            "/admin/directory/issuearea/",
        ]
    )


def test_an_administrator_opens_every_changelist(cast, client_for, records):
    # given an administrator (role, not superuser)
    client = client_for(cast.admin)
    # when they open the admin and each changelist
    responses = {url: client.get(url).status_code for url in ["/admin/", *our_changelists()]}
    # then each one loads
    assert responses == {url: 200 for url in responses}


def test_an_administrator_opens_a_user_with_their_areas(cast, client_for):
    response = client_for(cast.admin).get(f"/admin/accounts/user/{cast.mueang_coordinator.pk}/change/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="role"' in html and 'name="organisation"' in html
    assert "area_assignments-0-area" in html


def test_an_administrator_searches_areas_by_name_and_filters_by_level(cast, client_for):
    response = client_for(cast.admin).get("/admin/areas/area/", {"q": "แม่สาย", "level__exact": "district"})
    assert [a.code for a in response.context["cl"].result_list] == ["5709"]


def test_official_areas_cannot_be_changed_or_deleted_in_the_admin(cast, client_for):
    # given an administrator
    client = client_for(cast.admin)
    # when they open an official subdistrict and try to delete it
    change = client.get("/admin/areas/area/570101/change/")
    delete = client.post("/admin/areas/area/570101/delete/", {"post": "yes"})
    # then the page is read-only and the row stays
    assert change.status_code == 200
    assert 'name="name_th"' not in change.content.decode()
    assert delete.status_code == 403


@pytest.mark.parametrize(
    "url",
    [
        "/admin/accounts/accesslog/add/",
        "/admin/accounts/apitoken/add/",
        "/admin/areas/area/add/",
        "/admin/directory/person/add/",
    ],
)
def test_read_only_models_have_no_add_page(cast, client_for, url):
    assert client_for(cast.admin).get(url).status_code == 403


def test_the_person_list_shows_no_personal_details_and_opening_a_person_is_logged(cast, client_for, records):
    # given a person with a phone number
    person = records["person"]
    Person.objects.filter(pk=person.pk).update(phone="0812345678")
    client = client_for(cast.admin)
    # when an administrator lists people and opens the person
    listing = client.get("/admin/directory/person/")
    detail = client.get(f"/admin/directory/person/{person.pk}/change/")
    # then the list holds the name but not the phone, and the opening is in the access log
    assert "สมศรี" in listing.content.decode()
    assert "0812345678" not in listing.content.decode()
    assert detail.status_code == 200
    assert (
        AccessLog.objects.filter(
            model="directory.person", object_id=str(person.pk), action=AccessAction.READ, channel="admin"
        ).count()
        == 1
    )


def test_it_sends_a_coordinator_to_the_admin_login(cast, client_for):
    # given a provincial coordinator (not staff)
    client = client_for(cast.chiangrai_coordinator)
    # when they open the admin and a changelist
    responses = [client.get("/admin/"), client.get("/admin/accounts/user/")]
    # then they are sent to the admin login
    assert [r.status_code for r in responses] == [302, 302]
    assert all("/admin/login/" in r["Location"] for r in responses)


def test_it_refuses_a_coordinator_who_was_made_staff(cast, client_for):
    # given a coordinator whom someone ticked as staff
    coordinator = cast.chiangrai_coordinator
    coordinator.is_staff = True
    coordinator.save()
    client = client_for(coordinator)
    # when they open the changelists, then each one is refused: the role, not the staff flag, opens the admin
    assert {client.get(url).status_code for url in our_changelists()} == {403}
