"""The home page and the error pages every part of the site shares."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from sanphalang.areas.scoping import scope_for
from sanphalang.care.access import sees_people
from sanphalang.care.selectors.cases import follow_ups_due
from sanphalang.directory.selectors import organisation_list, person_list
from sanphalang.meetings.selectors.action_items import action_items_due_from, overdue_summary


@login_required
def home(request):
    scope = scope_for(request.user)
    context = {
        "nav_active": "home",
        "scope": scope,
        "assignments": request.user.area_assignments.select_related("area", "region"),
        "organisation_count": organisation_list(user=request.user).count(),
        "person_count": person_list(user=request.user).count(),
        "due_from_you": list(action_items_due_from(user=request.user)[:5]),
    }
    if request.user.can_write:
        context["overdue_count"], context["overdue_items"] = overdue_summary(user=request.user, limit=5)
    if sees_people(request.user):
        context["care_due_count"], context["care_due"] = follow_ups_due(
            user=request.user, today=timezone.localdate(), limit=5
        )
    return render(request, "web/home.html", context)


def page_not_found(request, exception=None):
    return render(
        request,
        "web/error.html",
        {
            "title": _("Page not found"),
            "message": _("The page does not exist, or it is outside the areas you are assigned to."),
        },
        status=404,
    )


def permission_denied(request, exception=None):
    message = getattr(exception, "message", "") or _("You do not have access to this page.")
    return render(request, "web/error.html", {"title": _("No access"), "message": message}, status=403)


def bad_request(request, exception=None):
    return render(
        request,
        "web/error.html",
        {"title": _("Bad request"), "message": _("The request could not be read.")},
        status=400,
    )


def server_error(request):
    return render(
        request,
        "web/error.html",
        {
            "title": _("Something went wrong"),
            "message": _("The error has been logged. Nothing you entered was half-saved: please try again."),
        },
        status=500,
    )
