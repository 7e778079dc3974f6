"""What every page needs: the navigation the user's role allows."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def navigation(request):
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {"nav_items": []}
    items = [
        (reverse("web:home"), _("Home"), "home"),
        (reverse("reports:dashboard_home"), _("Dashboards"), "dashboards"),
        (reverse("areas:index"), _("Areas"), "areas"),
        (reverse("directory:organisation_list"), _("Organisations"), "organisations"),
        (reverse("directory:person_list"), _("People"), "people"),
        (reverse("directory:issue_area_list"), _("Issue areas"), "issues"),
        (reverse("meetings:meeting_list"), _("Meetings"), "meetings"),
        (reverse("meetings:action_item_list"), _("Action items"), "actions"),
        (reverse("welfare:fund_list"), _("Welfare funds"), "welfare"),
        (reverse("plans:plan_list"), _("Plans"), "plans"),
        (reverse("care:household_search"), _("Care for people in hardship"), "care"),
    ]
    if user.can_write:
        items.append((reverse("ingest:document_list"), _("Read reports"), "ingest"))
        items.append((reverse("imports:index"), _("Import"), "imports"))
    return {"nav_items": items}
