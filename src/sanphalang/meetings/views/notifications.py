"""The user's in-app inbox: reminders written by `sanphalang remind`, with mark-as-read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..selectors import notifications as selectors
from ..services import notifications as services


@login_required
def notification_list(request):
    unread_only = request.GET.get("unread") == "1"
    notifications = selectors.notification_list(user=request.user, unread_only=unread_only)
    page = Paginator(notifications, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "meetings/notification_list.html",
        {
            "nav_active": "actions",
            "page": page,
            "unread_only": unread_only,
            "unread_count": selectors.notification_list(user=request.user, unread_only=True).count(),
        },
    )


@login_required
@require_POST
def notification_mark_read(request):
    ids = [int(value) for value in request.POST.getlist("id") if value.isdigit()]
    # Only the user's own notifications are touched, whatever ids are sent.
    changed = services.notifications_mark_read(by=request.user, ids=None if request.POST.get("all") else ids)
    messages.success(request, _("Marked as read: %(count)s") % {"count": changed})
    return redirect("meetings:notification_list")
