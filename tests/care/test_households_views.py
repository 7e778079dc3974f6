"""The household pages: the search (posted, never an ID in a URL), registering with members and the comparison
with a possible duplicate, a household's page as each role may see it, the edit pages and the counts."""

import pytest
from django.urls import reverse

from sanphalang.accounts.models import AccessLog
from sanphalang.care.models import Household, Member
from sanphalang.errors import Access

from .households_data import MAESAI_SUBDISTRICT, member, national_id, register

pytestmark = pytest.mark.django_db

HEAD_ID = national_id("310170020111")


def _register_data(**overrides) -> dict:
    data = {
        "area_code": "570101",
        "house_number": "12/3",
        "address": "หมู่ 4",
        "income_band": "low",
        "purpose": "ดูแลผู้สูงอายุ",
        "legal_basis": "consent",
        "consent_on": "1/5/2567",
        "consent_for_services": "on",
        "members-TOTAL_FORMS": "2",
        "members-INITIAL_FORMS": "0",
        "members-MIN_NUM_FORMS": "0",
        "members-MAX_NUM_FORMS": "30",
        "members-0-title": "นาง",
        "members-0-first_name": "บัวผัน",
        "members-0-last_name": "ศรีสุข",
        "members-0-relationship": "head",
        "members-0-birth_year_be": "๒๔๙๐",
        "members-0-sex": "female",
        "members-0-national_id": HEAD_ID,
        "members-0-legal_status": "thai",
        "members-1-relationship": "head",
        "members-1-sex": "unspecified",
        "members-1-legal_status": "thai",
    }
    data.update(overrides)
    return data


def test_the_register_page_registers_a_household_from_its_member_rows(cast, client_for):
    client = client_for(cast.mueang_coordinator)
    assert client.get(reverse("care:household_register")).status_code == 200
    response = client.post(reverse("care:household_register"), _register_data())
    household = Household.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("care:household_detail", args=[household.pk])
    assert household.members.get().birth_year == 1947
    assert household.consent_on.year == 2024


def test_a_bad_check_digit_is_shown_at_the_members_field(cast, client_for):
    client = client_for(cast.mueang_coordinator)
    response = client.post(
        reverse("care:household_register"),
        _register_data(**{"members-0-national_id": HEAD_ID[:-1] + str((int(HEAD_ID[-1]) + 1) % 10)}),
    )
    assert response.status_code == 400
    assert response.context["formset"].forms[0].errors["national_id"]
    assert not Household.objects.exists()


def test_adding_a_row_keeps_what_was_typed(cast, client_for):
    client = client_for(cast.mueang_coordinator)
    response = client.post(reverse("care:household_register"), _register_data(add_row="1"))
    assert response.status_code == 200
    assert len(response.context["formset"].forms) == 3
    assert response.context["formset"].forms[0]["first_name"].value() == "บัวผัน"
    assert not Household.objects.exists()


def test_a_possible_duplicate_is_compared_then_registered_anyway_with_a_reason(cast, client_for):
    first = register(cast.mueang_coordinator)
    client = client_for(cast.mueang_coordinator)
    data = _register_data(**{"members-0-national_id": "", "members-0-no_national_id_reason": "not_known"})
    # when
    response = client.post(reverse("care:household_register"), data)
    # then the two are shown side by side, with the choices
    assert response.status_code == 400
    assert [c["household"].pk for c in response.context["comparison"]["candidates"]] == [first.pk]
    page = response.content.decode()
    assert reverse("care:household_detail", args=[first.pk]) in page
    assert "x-xxxx-xxxx" in page  # the household found shows its member's ID masked to an area coordinator
    assert Household.objects.count() == 1
    # when registered anyway
    response = client.post(
        reverse("care:household_register"), {**data, "override_reason": "คนละครอบครัว ชื่อซ้ำกัน"}
    )
    assert response.status_code == 302
    assert Household.objects.latest("pk").duplicate_override_reason == "คนละครอบครัว ชื่อซ้ำกัน"


def test_the_search_page_posts_and_logs_what_it_shows(cast, client_for):
    household = register(cast.mueang_coordinator)
    client = client_for(cast.mueang_coordinator)
    response = client.post(reverse("care:household_search"), {"q": HEAD_ID})
    assert response.status_code == 200
    page = response.content.decode()
    assert "บัวผัน" in page and reverse("care:household_detail", args=[household.pk]) in page
    assert (
        page.count(HEAD_ID) == 1
    )  # in the search box as typed; masked in the results for an area coordinator
    member_pk = str(household.members.get().pk)
    assert AccessLog.objects.filter(model="care.member", object_id=member_pk, detail="search").exists()


def test_an_id_in_the_address_is_not_searched(cast, client_for):
    register(cast.mueang_coordinator)
    response = client_for(cast.mueang_coordinator).get(reverse("care:household_search"), {"q": HEAD_ID})
    assert response.context["id_in_address"]
    assert "บัวผัน" not in response.content.decode()
    # a name fragment in the address works
    response = client_for(cast.mueang_coordinator).get(reverse("care:household_search"), {"q": "บัวผัน"})
    assert "บัวผัน" in response.content.decode()


def test_counts_only_roles_are_sent_to_the_counts_and_refused_a_household(cast, client_for):
    household = register(cast.mueang_coordinator)
    viewer = client_for(cast.chiangrai_viewer)
    assert viewer.get(reverse("care:household_search"))["Location"] == reverse("care:household_counts")
    response = viewer.get(reverse("care:household_detail", args=[household.pk]))
    assert response.status_code == 403
    assert str(response.context["message"]) == str(Access.COUNTS_ONLY.message())
    counts = viewer.get(reverse("care:household_counts"))
    assert counts.status_code == 200 and "บัวผัน" not in counts.content.decode()


def test_the_household_page_shows_the_id_as_the_role_allows(cast, client_for):
    household = register(cast.mueang_coordinator)
    area = client_for(cast.mueang_coordinator).get(reverse("care:household_detail", args=[household.pk]))
    assert HEAD_ID not in area.content.decode() and "x-xxxx-xxxx" in area.content.decode()
    province = client_for(cast.chiangrai_coordinator).get(
        reverse("care:household_detail", args=[household.pk])
    )
    assert (
        "-".join((HEAD_ID[0], HEAD_ID[1:5], HEAD_ID[5:10], HEAD_ID[10:12], HEAD_ID[12]))
        in province.content.decode()
    )
    other = client_for(cast.maesai_coordinator).get(reverse("care:household_detail", args=[household.pk]))
    assert other.status_code == 404


def test_the_edit_pages_change_the_household_and_its_members(cast, client_for):
    household = register(cast.mueang_coordinator)
    head = household.members.get()
    client = client_for(cast.mueang_coordinator)
    assert client.get(reverse("care:household_edit", args=[household.pk])).status_code == 200
    response = client.post(
        reverse("care:household_edit", args=[household.pk]),
        {
            "area_code": "570101",
            "house_number": "99",
            "purpose": "ดูแล",
            "legal_basis": "public_task",
            "income_band": "unknown",
            "version": household.version,
        },
    )
    assert response.status_code == 302
    household.refresh_from_db()
    assert household.house_number == "99"
    response = client.post(
        reverse("care:member_edit", args=[head.pk]),
        {
            "first_name": "บัวผัน",
            "relationship": "head",
            "sex": "female",
            "legal_status": "thai",
            "bedridden": "on",
            "version": head.version,
        },
    )
    assert response.status_code == 302
    head.refresh_from_db()
    assert head.bedridden and head.national_id_lookup  # an empty ID box keeps the ID
    response = client.post(
        reverse("care:member_add", args=[household.pk]),
        {
            "first_name": "ลูก",
            "relationship": "child",
            "sex": "male",
            "legal_status": "thai",
            "no_national_id_reason": "not_yet_registered",
        },
    )
    assert response.status_code == 302
    child = Member.objects.get(first_name="ลูก")
    assert client.post(reverse("care:member_remove", args=[child.pk])).status_code == 302
    assert not Member.objects.filter(pk=child.pk).exists()


def test_a_coordinator_of_another_district_cannot_open_the_edit_pages(cast, client_for):
    household = register(cast.mueang_coordinator)
    client = client_for(cast.maesai_coordinator)
    assert client.get(reverse("care:household_edit", args=[household.pk])).status_code == 404
    assert (
        client.post(reverse("care:member_add", args=[household.pk]), {"first_name": "x"}).status_code == 404
    )
    assert Member.objects.count() == 1


def test_the_navigation_leads_to_the_search(cast, client_for):
    response = client_for(cast.mueang_coordinator).get(reverse("care:household_search"))
    assert reverse("care:household_search") in [url for url, _label, _key in response.context["nav_items"]]


def test_the_search_page_reads_a_fixed_number_of_queries(cast, client_for, django_assert_max_num_queries):
    for number, (owner, area) in enumerate(
        [(cast.mueang_coordinator, "570101"), (cast.maesai_coordinator, MAESAI_SUBDISTRICT)]
    ):
        register(
            owner,
            members=[
                member(
                    first_name=f"สมศรี{number}",
                    last_name="ทดสอบ",
                    national_id=national_id(f"31017002{number}555"),
                )
            ],
            house_number=str(number),
            address=f"ซอย {number}",
            area_code=area,
        )
    client = client_for(cast.chiangrai_coordinator)
    with django_assert_max_num_queries(12):
        response = client.post(reverse("care:household_search"), {"q": "ทดสอบ"})
    assert len(response.context["results"]) == 2
