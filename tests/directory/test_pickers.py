"""The pickers of organisations and people: their search endpoints answer within the user's areas, and the forms
that use them still refuse a record from outside those areas."""

import re

import pytest
from django.urls import reverse
from django.utils.datastructures import MultiValueDict

from sanphalang.accounts.models import AccessLog
from sanphalang.directory.forms import OrganisationForm, PositionForm
from sanphalang.directory.models import Organisation
from sanphalang.meetings.forms.meetings import AttendanceForm, MeetingForm
from sanphalang.web.pickers import SEARCH_LIMIT

from .page_data import VALID_NATIONAL_ID, make_org, make_person

ORGANISATIONS = reverse("directory:organisation_autocomplete")
PEOPLE = reverse("directory:person_autocomplete")


def suggestions(response) -> list[tuple[str, str]]:
    """The (id, label) pairs of an endpoint's answer, the component's <div data-value> fragments."""
    assert response.status_code == 200
    return re.findall(r'<div data-value="(\d+)">([^<]*)</div>', response.content.decode())


@pytest.fixture
def offices(cast):
    """The provincial social development office of Chiang Rai (without its abbreviation) and Phayao's."""
    chiangrai = make_org(cast.admin)
    phayao = make_org(cast.admin, name="สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดพะเยา", area_code="56")
    return chiangrai, phayao


class TestOrganisationSearch:
    def test_the_abbreviation_finds_the_provincial_office_of_the_users_areas(self, cast, client_for, offices):
        chiangrai, _phayao = offices
        make_org(cast.admin, name="เครือข่ายบ้านมั่นคง", kind="network")
        # when the Chiang Rai coordinator types พมจ., then only their office comes, named with its area
        found = suggestions(client_for(cast.chiangrai_coordinator).get(ORGANISATIONS, {"q": "พมจ."}))
        assert found == [(str(chiangrai.pk), f"{chiangrai.name_th} (เชียงราย)")]

    def test_a_district_coordinator_finds_the_agency_of_their_province(self, cast, client_for, offices):
        chiangrai, _phayao = offices
        found = suggestions(client_for(cast.mueang_coordinator).get(ORGANISATIONS, {"q": "พัฒนาสังคม"}))
        assert [pk for pk, _label in found] == [str(chiangrai.pk)]

    def test_the_users_own_areas_come_first_then_the_agencies_above_nearest_first(
        self, cast, client_for, offices, django_assert_max_num_queries
    ):
        # given the national ministry, the Chiang Rai office and a Mueang district group, all matching พัฒนาสังคม
        chiangrai, _phayao = offices
        ministry = make_org(cast.admin, name="กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์", area_code="TH")
        mueang = make_org(cast.admin, name="ศูนย์พัฒนาสังคมอำเภอเมืองเชียงราย", area_code="5701", kind="network")
        # when a Chiang Rai coordinator types พัฒนาสังคม, in one query
        client = client_for(cast.chiangrai_coordinator)
        with django_assert_max_num_queries(3) as queries:  # the session, its user, and the suggestions
            found = suggestions(client.get(ORGANISATIONS, {"q": "พัฒนาสังคม"}))
        assert [q["sql"] for q in queries.captured_queries].count(queries.captured_queries[-1]["sql"]) == 1
        assert "directory_organisation" in queries.captured_queries[-1]["sql"]
        # then the province's own come first (by name: ศูนย์… before สำนักงาน…), the ministry after them
        assert [pk for pk, _label in found] == [str(mueang.pk), str(chiangrai.pk), str(ministry.pk)]
        # and a Mueang coordinator gets their district's, then their province's, then the country's
        found = suggestions(client_for(cast.mueang_coordinator).get(ORGANISATIONS, {"q": "พัฒนาสังคม"}))
        assert [pk for pk, _label in found] == [str(mueang.pk), str(chiangrai.pk), str(ministry.pk)]

    def test_an_outsider_gets_none_of_another_provinces_records(self, cast, client_for, offices):
        chiangrai, phayao = offices
        client = client_for(cast.phayao_coordinator)
        for query in ("", "พมจ.", "เชียงราย", chiangrai.name_th):
            assert str(chiangrai.pk) not in dict(suggestions(client.get(ORGANISATIONS, {"q": query})))
        assert [pk for pk, _label in suggestions(client.get(ORGANISATIONS, {"q": "พมจ."}))] == [
            str(phayao.pk)
        ]
        # and a user with no areas yet gets nothing at all
        assert suggestions(client_for(cast.unassigned).get(ORGANISATIONS)) == []

    def test_an_anonymous_request_is_refused(self, client, offices):
        for url in (ORGANISATIONS, PEOPLE):
            response = client.get(url, {"q": "พมจ."})
            assert response.status_code == 403
            assert "data-value" not in response.content.decode()

    def test_it_suggests_at_most_twenty_and_offers_no_more(self, cast, client_for):
        for number in range(SEARCH_LIMIT + 5):
            make_org(cast.admin, name=f"เครือข่ายที่ {number}", kind="network")
        response = client_for(cast.chiangrai_coordinator).get(ORGANISATIONS, {"q": "เครือข่าย"})
        assert len(suggestions(response)) == SEARCH_LIMIT == 20
        assert "data-next-page" not in response.content.decode()

    def test_a_kind_narrows_the_suggestions_and_an_unknown_kind_is_not_found(self, cast, client_for, offices):
        network = make_org(cast.admin, name="เครือข่ายบ้านมั่นคง", kind="network")
        client = client_for(cast.chiangrai_coordinator)
        url = reverse("directory:organisation_autocomplete_kind", kwargs={"kind": "network"})
        assert [pk for pk, _label in suggestions(client.get(url))] == [str(network.pk)]
        assert (
            client.get(reverse("directory:organisation_autocomplete_kind", kwargs={"kind": "x"})).status_code
            == 404
        )

    def test_it_only_reads(self, cast, client_for):
        response = client_for(cast.chiangrai_coordinator).post(ORGANISATIONS, {"text": "องค์กรใหม่"})
        assert response.status_code == 405
        assert not Organisation.objects.exists()


class TestPersonSearch:
    def test_it_finds_a_person_by_name_with_or_without_title_and_shows_the_name_only(self, cast, client_for):
        person = make_person(
            cast.admin, title="นางสาว", national_id=VALID_NATIONAL_ID, phone="0812345678", nickname="แดง"
        )
        make_person(cast.admin, first_name="สมศักดิ์", last_name="มั่นคง")
        AccessLog.objects.all().delete()
        client = client_for(cast.chiangrai_coordinator)
        for query in ("รัชนี", "นางสาวรัชนี", "ตรัยตรึง"):
            response = client.get(PEOPLE, {"q": query})
            assert suggestions(response) == [(str(person.pk), "รัชนี ตรัยตรึงศ์โกศล")]
        # then nothing but the name leaves: no national ID, phone, nickname or area
        content = response.content.decode()
        for private in (VALID_NATIONAL_ID, "0812345678", "แดง", "เมืองเชียงราย"):
            assert private not in content
        # and, as on the people list, names in a list are not logged as reads of the records
        assert not AccessLog.objects.exists()

    def test_people_of_another_district_or_province_are_not_suggested(self, cast, client_for):
        mueang = make_person(cast.admin)
        maesai = make_person(cast.admin, first_name="รัชนีแม่สาย", area_code="5709")
        assert [
            pk for pk, _ in suggestions(client_for(cast.mueang_coordinator).get(PEOPLE, {"q": "รัชนี"}))
        ] == [str(mueang.pk)]
        assert [
            pk for pk, _ in suggestions(client_for(cast.maesai_coordinator).get(PEOPLE, {"q": "รัชนี"}))
        ] == [str(maesai.pk)]
        assert suggestions(client_for(cast.phayao_coordinator).get(PEOPLE, {"q": "รัชนี"})) == []
        assert suggestions(client_for(cast.phayao_coordinator).get(PEOPLE)) == []


class TestFormsWithPickers:
    @pytest.mark.parametrize(
        ("make_form", "field", "record"),
        [
            (lambda user, data: OrganisationForm(data, user=user), "parent", "organisation"),
            (lambda user, data: OrganisationForm(data, user=user), "partners", "organisation"),
            (lambda user, data: PositionForm(data, user=user), "organisation", "organisation"),
            (lambda user, data: MeetingForm(data, user=user), "chair", "person"),
            (lambda user, data: AttendanceForm(data, user=user), "person", "person"),
        ],
    )
    def test_a_record_outside_the_users_areas_is_refused_at_its_field(
        self, cast, offices, make_form, field, record
    ):
        # given a record of Phayao, which a Chiang Rai coordinator cannot see
        _chiangrai, phayao_office = offices
        outside = phayao_office if record == "organisation" else make_person(cast.admin, area_code="56")
        prefix = make_form(cast.chiangrai_coordinator, None).prefix
        name = f"{prefix}-{field}" if prefix else field
        # when its id is posted, then the form refuses it at the field, as before the field became a picker
        form = make_form(cast.chiangrai_coordinator, MultiValueDict({name: [str(outside.pk)]}))
        assert not form.is_valid()
        assert field in form.errors
        # and the field shown again names the refused record nowhere
        assert str(outside) not in str(form[field])

    def test_a_record_inside_the_areas_is_accepted(self, cast, offices):
        chiangrai, _phayao = offices
        form = PositionForm(
            {"position-organisation": str(chiangrai.pk), "position-role": "member"},
            user=cast.mueang_coordinator,
        )
        assert form.is_valid(), form.errors
        assert form.cleaned_data["organisation"] == chiangrai

    def test_the_current_value_is_shown_chosen_with_its_label_and_nothing_else(self, cast, offices):
        # given an organisation with a parent and a partner, among other organisations
        chiangrai, _phayao = offices
        partner = make_org(cast.admin, name="เครือข่ายบ้านมั่นคง", kind="network")
        make_org(cast.admin, name="สภาองค์กรชุมชนตำบลริมกก", area_code="570101")
        child = make_org(cast.admin, name="ศูนย์ประสานงานองค์กรชุมชน", parent=chiangrai, partners=[partner.pk])
        # when its form is shown
        form = OrganisationForm(user=cast.chiangrai_coordinator, instance=child)
        parent, partners = str(form["parent"]), str(form["partners"])
        # then each picker holds its chosen record, selected and labelled, and no other
        assert re.findall(r"<option[^>]*>[^<]*</option>", parent) == [
            f'<option value="{chiangrai.pk}" selected>{chiangrai.name_th} (เชียงราย)</option>'
        ]
        assert re.findall(r"<option[^>]*>[^<]*</option>", partners) == [
            f'<option value="{partner.pk}" selected>เครือข่ายบ้านมั่นคง (เชียงราย)</option>'
        ]
        assert "ริมกก" not in parent + partners

    def test_the_label_belongs_to_the_search_box(self, cast):
        form = MeetingForm(user=cast.chiangrai_coordinator)
        field = form["chair"]
        assert field.id_for_label == "id_chair_search"
        html = str(field)
        assert 'id="id_chair_search"' in html and 'role="combobox"' in html
        # the select keeps the field's name and id for the form, out of the keyboard's and screen readers' way
        assert re.search(
            r'<select name="chair"[^>]* id="id_chair"[^>]*tabindex="-1" aria-hidden="true"', html
        )


def test_a_funds_directory_entry_is_suggested_only_while_no_fund_has_it(cast, client_for):
    # given two entries of welfare funds, one of them already a fund's, and a network of the same name
    from sanphalang.welfare.services.registry import fund_create

    free = make_org(cast.admin, name="กองทุนสวัสดิการชุมชนตำบลริมกก", kind="welfare_fund", area_code="570101")
    taken = make_org(cast.admin, name="กองทุนสวัสดิการชุมชนตำบลเวียง", kind="welfare_fund", area_code="570101")
    make_org(cast.admin, name="เครือข่ายกองทุนสวัสดิการชุมชนจังหวัดเชียงราย", kind="network")
    fund_create(
        by=cast.chiangrai_coordinator,
        name="กองทุนสวัสดิการชุมชนตำบลเวียง",
        area_code="570101",
        organisation=taken.pk,
    )
    # when the fund form's entry picker asks, then only the free entry is suggested
    found = suggestions(
        client_for(cast.chiangrai_coordinator).get(reverse("welfare:fund_entry_options"), {"q": "กองทุน"})
    )
    assert [pk for pk, _label in found] == [str(free.pk)]
