"""Pages of bodies: adding one and its members, and who may see or change them."""

import datetime as dt

from django.urls import reverse

from sanphalang.meetings.models import (
    Body,
    Membership,
)
from sanphalang.meetings.services.bodies import body_create
from tests.meetings.factories import council, msdhs, person


class TestBodyPages:
    def test_the_coordinator_adds_a_body_and_a_working_group_member(self, cast, client_for):
        # given the Chiang Rai coordinator
        client = client_for(cast.chiangrai_coordinator)
        # when they add the council and then a member to it
        response = client.post(
            reverse("meetings:body_create"),
            {"kind": "council", "name_th": "สภาพลเมืองจังหวัดเชียงราย", "area_code": "57", "is_active": "on"},
        )
        body = Body.objects.get()
        assert response.status_code == 302
        chair = person(cast)
        response = client.post(
            reverse("meetings:membership_create", args=[body.pk]),
            {"member-person": chair.pk, "member-role": "chair", "member-started_on": "1/1/2558"},
        )
        # then the body page lists the member, and the past ones apart
        assert response.status_code == 302
        page = client.get(reverse("meetings:body_detail", args=[body.pk]))
        assert page.status_code == 200
        assert page.context["nav_active"] == "meetings"
        assert [m.person for m in page.context["current_members"]] == [chair]
        assert Membership.objects.get().started_on == dt.date(2015, 1, 1)

    def test_a_member_needs_a_person_or_an_organisation(self, cast, client_for):
        body = council(cast)
        response = client_for(cast.chiangrai_coordinator).post(
            reverse("meetings:membership_create", args=[body.pk]), {"member-role": "member"}
        )
        assert response.status_code == 200
        assert response.context["member_form"].non_field_errors()
        assert not Membership.objects.exists()

    def test_the_outsider_gets_nothing(self, cast, client_for):
        body = council(cast)
        client = client_for(cast.phayao_coordinator)
        assert client.get(reverse("meetings:body_detail", args=[body.pk])).status_code == 404
        assert client.get(reverse("meetings:body_update", args=[body.pk])).status_code == 404
        assert client.post(reverse("meetings:membership_create", args=[body.pk]), {}).status_code == 404
        assert body.name_th not in client.get(reverse("meetings:body_list")).content.decode()

    def test_the_viewer_reads_but_cannot_add_a_member(self, cast, client_for):
        body = council(cast)
        client = client_for(cast.chiangrai_viewer)
        assert client.get(reverse("meetings:body_detail", args=[body.pk])).status_code == 200
        response = client.post(
            reverse("meetings:membership_create", args=[body.pk]),
            {"member-organisation": msdhs(cast).pk, "member-role": "member"},
        )
        assert response.status_code == 403
        assert not Membership.objects.exists()

    def test_the_body_list_runs_a_fixed_number_of_queries(
        self, cast, client_for, django_assert_max_num_queries
    ):
        client = client_for(cast.chiangrai_coordinator)
        body_create(by=cast.chiangrai_coordinator, name_th="สภา 0", area_code="57")
        with django_assert_max_num_queries(12) as few:
            client.get(reverse("meetings:body_list"))
        for n in range(1, 15):
            body_create(
                by=cast.chiangrai_coordinator, name_th=f"คณะทำงาน {n}", area_code="5701", kind="working_group"
            )
        with django_assert_max_num_queries(len(few.captured_queries)):
            client.get(reverse("meetings:body_list"))
