"""Pages of action items: the list with overdue ones marked, overdue per owner, and the status form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sanphalang.areas.scoping import require_write
from sanphalang.thai.templatetags.thai import be_date
from sanphalang.web.forms import show_service_error
from sanphalang.web.listing import Column, export_format, export_rows, paginate

from . import selectors, selectors_pages, services
from .forms import ActionFilterForm, ActionStatusForm
from .models import ActionItem, ActionStatus
from .views import can_edit_body, mark_overdue

LIST_COLUMNS = [
    Column("due", gettext_lazy("Due on"), lambda i: i.due_on, "due_on"),
    Column("title", gettext_lazy("What is to be done"), lambda i: i.title, "title"),
    Column("owner", gettext_lazy("Owner"), lambda i: i.owner_organisation or i.owner_person or "",
           "owner_organisation__sort_key"),
    Column("body", gettext_lazy("Body"), lambda i: i.body, "body__sort_key"),
    Column("status", gettext_lazy("Status"), lambda i: i.get_status_display(), "status"),
]
EXPORT_COLUMNS = LIST_COLUMNS + [
    Column("owner_person", gettext_lazy("Owner person"), lambda i: i.owner_person or ""),
    Column("repeats", gettext_lazy("Repeats every (months)"), lambda i: i.recurrence_months),
    Column("done_on", gettext_lazy("Done on"), lambda i: i.done_on),
    Column("outcome", gettext_lazy("Outcome"), lambda i: i.outcome),
]


@login_required
def action_item_list(request):
    filters = ActionFilterForm(request.GET or None, user=request.user)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    state = criteria.get("state") or "open"
    owner, body = criteria.get("owner"), criteria.get("body")
    items = selectors.action_item_list(
        user=request.user, status=state if state in ("open", "done", "cancelled") else None,
        overdue=state == "overdue", owner_organisation=owner, body=body.pk if body else None)
    fmt = export_format(request)
    if fmt:
        return export_rows(items.order_by("due_on", "pk"), EXPORT_COLUMNS, fmt=fmt, filename="action-items")
    listing = paginate(items, LIST_COLUMNS, request, default_sort="due")
    return render(request, "meetings/action_item_list.html", {
        "nav_active": "actions", "filters": filters, "listing": listing,
        "rows": mark_overdue(listing.page.object_list)})


@login_required
def overdue_by_owner(request):
    today = timezone.localdate()
    groups = [(owner, mark_overdue(items, today)) for owner, items in
              selectors.overdue_by_owner(user=request.user, today=today)]
    return render(request, "meetings/overdue_by_owner.html", {
        "nav_active": "actions", "groups": groups, "today": today})


@login_required
def action_item_detail(request, pk: int):
    item = selectors.action_item_get(user=request.user, pk=pk)
    can_edit = can_edit_body(request.user, item.body)
    form = None
    if request.method == "POST":
        require_write(request.user, item.body.area_id)
        form = ActionStatusForm(request.POST)
        if form.is_valid():
            try:
                following = services.action_item_set_status(by=request.user, item=item, **form.cleaned_data)
            except ValidationError as error:
                show_service_error(form, error, ActionItem)
            else:
                if following is not None:
                    messages.success(request, _("Saved. The next occurrence is due on %(date)s.") % {
                        "date": be_date(following.due_on)})
                else:
                    messages.success(request, _("The status was saved."))
                return redirect("meetings:action_item_detail", pk=item.pk)
    elif can_edit:
        form = ActionStatusForm(initial={"status": item.status, "done_on": item.done_on, "outcome": item.outcome})
    series = mark_overdue(selectors_pages.action_item_series(item=item))
    item.is_overdue = mark_overdue([item])[0].is_overdue
    return render(request, "meetings/action_item_detail.html", {
        "nav_active": "actions", "item": item, "form": form, "can_edit": can_edit, "series": series,
        "done": ActionStatus.DONE})
