"""The Django admin of the directory, for administrators to look up records: changes go through the directory
pages, whose services keep the search keys, the area scope and the audit trail."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from sanphalang.accounts.admin import ReadOnly
from sanphalang.accounts.audit import log_access
from sanphalang.accounts.models import AccessAction

from .models import IssueArea, Organisation, Person, Position


@admin.register(IssueArea)
class IssueAreaAdmin(ReadOnly, SimpleHistoryAdmin):
    list_display = ["name_th", "name_en", "slug", "province", "is_active"]
    list_filter = ["is_active"]
    list_select_related = ["province"]
    search_fields = ["name_th", "name_en", "slug"]


@admin.register(Organisation)
class OrganisationAdmin(ReadOnly, SimpleHistoryAdmin):
    list_display = ["name_th", "kind", "area", "is_active", "updated_at"]
    list_filter = ["kind", "is_active"]
    list_select_related = ["area"]
    search_fields = ["name_th", "name_en", "abbreviation", "area__code"]


@admin.register(Person)
class PersonAdmin(ReadOnly, SimpleHistoryAdmin):
    # No national ID, phone or address in the list: a list of people is not a reason to read their personal data.
    list_display = ["first_name", "last_name", "nickname", "area", "updated_at"]
    list_select_related = ["area"]
    search_fields = ["first_name", "last_name", "nickname", "area__code"]
    exclude = ["national_id"]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        # Opening one person's record is a read of personal data (PDPA), as on the directory pages.
        person = self.get_object(request, object_id)
        if person is not None and response.status_code == 200:
            log_access(request.user, AccessAction.READ, person, channel="admin")
        return response


@admin.register(Position)
class PositionAdmin(ReadOnly, SimpleHistoryAdmin):
    list_display = ["person", "organisation", "role", "title", "started_on", "ended_on"]
    list_filter = ["role"]
    list_select_related = ["person", "organisation"]
    search_fields = ["title", "person__first_name", "person__last_name", "organisation__name_th"]
