"""Who saw this person: the access log of a household and of every record of it, for administrators."""

import pytest
from django.urls import reverse

from sanphalang.accounts.audit import log_access
from sanphalang.accounts.models import AccessAction, AccessLog
from sanphalang.care.selectors.privacy import access_history
from sanphalang.errors import Access, AccessDenied

from .records import everything, household, member


def test_it_lists_every_record_of_the_household_newest_first_and_nothing_else(cast):
    # given reads and changes of a household's records, and of another household's
    records = everything(cast.admin)
    other = member(household("570901"))
    logged = [
        records.household,
        records.head,
        records.child,
        records.case,
        records.help,
        records.referral,
        records.follow_up,
        records.assessment,
        records.status_case,
        records.housing,
        records.fund_request,
    ]
    for record in logged:
        log_access(cast.chiangrai_coordinator, AccessAction.READ, record)
    log_access(cast.chiangrai_coordinator, AccessAction.READ, other)
    log_access(cast.mueang_coordinator, AccessAction.UPDATE, records.head)
    # when an administrator reads the household's access log
    rows = list(access_history(user=cast.admin, household=records.household))
    # then it holds every row of its records, the latest first, and none of the other household
    assert {(row.model, row.object_id) for row in rows} == {
        (record._meta.label_lower, str(record.pk)) for record in logged
    }
    assert len(rows) == len(logged) + 1
    assert (rows[0].username, rows[0].action, rows[0].model) == ("mueang_coord", "update", "care.member")
    assert [row.at for row in rows] == sorted((row.at for row in rows), reverse=True)


@pytest.mark.parametrize("who", ["chiangrai_coordinator", "mueang_coordinator", "chiangrai_viewer"])
def test_it_refuses_anyone_but_an_administrator(cast, who):
    home = household()
    with pytest.raises(AccessDenied) as refused:
        access_history(user=getattr(cast, who), household=home)
    assert str(refused.value) == Access.ADMINISTRATOR_ONLY_ACCESS_LOG.message()


def test_the_page_shows_who_when_what_and_from_where(cast, client_for):
    # given a household whose member was read from an address
    home = household()
    person = member(home)
    client = client_for(cast.chiangrai_coordinator)
    AccessLog.objects.create(
        username="cr_coord",
        action="read",
        model="care.member",
        object_id=str(person.pk),
        address="203.0.113.7",
    )
    # when an administrator opens the household's access log
    response = client_for(cast.admin).get(reverse("care:household_access_log", args=[home.pk]))
    # then the row is there with who, the record and its address
    body = response.content.decode()
    assert response.status_code == 200
    assert "203.0.113.7" in body and "cr_coord" in body and f"#{person.pk}</td>" in body
    # and a coordinator of its own area is refused
    assert client.get(reverse("care:household_access_log", args=[home.pk])).status_code == 403


def test_the_admin_access_log_shows_the_address(cast, client_for):
    AccessLog.objects.create(
        username="someone", action="read", model="care.member", object_id="1", address="198.51.100.4"
    )
    admin = cast.admin
    admin.is_staff = admin.is_superuser = True
    admin.save()
    response = client_for(admin).get("/admin/accounts/accesslog/")
    assert response.status_code == 200
    assert "198.51.100.4" in response.content.decode()


def test_the_api_lists_the_log_with_the_address(cast, api_for):
    # given a read of a household from an address
    home = household()
    AccessLog.objects.create(
        username="cr_coord",
        action="read",
        model="care.household",
        object_id=str(home.pk),
        address="203.0.113.9",
    )
    # when an administrator asks the API
    response = api_for(cast.admin).get(f"/api/care/households/{home.pk}/access-log")
    # then the entry comes with its address and its action's label
    assert response.status_code == 200
    [entry] = response.json()["items"]
    assert (entry["address"], entry["action"], entry["model"]) == ("203.0.113.9", "read", "care.household")
    # and a provincial coordinator is refused with the reason
    refused = api_for(cast.chiangrai_coordinator).get(f"/api/care/households/{home.pk}/access-log")
    assert refused.status_code == 403 and refused.json()["code"] == "administrator_only"
