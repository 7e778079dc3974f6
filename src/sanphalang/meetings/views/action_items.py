"""Pages of action items: the list with overdue ones marked (a partner's own organisation's among them), overdue
per owner, the report form (status, outcome, progress note) with the reports made so far, adding one to a
resolution from the meeting's page, and the correction of an item."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sanphalang.thai.templatetags.thai import be_date
from sanphalang.web.forms import carry_version, show_service_error
from sanphalang.web.listing import Column, export_format, export_rows, paginate

from ..access import can_change_body, can_report_on
from ..forms.action_items import ActionFilterForm, ActionItemEditForm, ActionItemForm, ActionStatusForm
from ..models import ActionItem, ActionStatus
from ..selectors import action_items as selectors
from ..selectors.meetings import meeting_get_for_change
from ..services import action_items as services
from .editing import edit_page, initial_from, posted, remove_or_refuse, save_correction
from .meetings import add_to_meeting

LIST_COLUMNS = [
    Column("due", gettext_lazy("Due on"), lambda i: i.due_on, "due_on"),
    Column("title", gettext_lazy("What is to be done"), lambda i: i.title, "title"),
    Column(
        "owner",
        gettext_lazy("Owner"),
        lambda i: i.owner_organisation or i.owner_person or "",
        "owner_organisation__sort_key",
    ),
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
    if criteria.get("ours"):
        owner = request.user.organisation
    items = selectors.action_item_list(
        user=request.user,
        status=state if state in ("open", "done", "cancelled") else None,
        overdue=state == "overdue",
        owner_organisation=owner,
        body=body.pk if body else None,
    )
    fmt = export_format(request)
    if fmt:
        return export_rows(
            items.order_by("due_on", "pk"),
            EXPORT_COLUMNS,
            fmt=fmt,
            filename="action-items",
            user=request.user,
        )
    listing = paginate(items, LIST_COLUMNS, request, default_sort="due")
    return render(
        request,
        "meetings/action_item_list.html",
        {"nav_active": "actions", "filters": filters, "listing": listing, "rows": listing.page.object_list},
    )


@login_required
def overdue_by_owner(request):
    today = timezone.localdate()
    groups = selectors.overdue_by_owner(user=request.user, today=today)
    return render(
        request, "meetings/overdue_by_owner.html", {"nav_active": "actions", "groups": groups, "today": today}
    )


def _status_form(request, item: ActionItem, data=None) -> ActionStatusForm:
    """The report form: what the item holds, and the completion date it would get if done now."""
    may_cancel = can_change_body(request.user, item.body) or item.status == ActionStatus.CANCELLED
    initial = {
        "status": item.status,
        "done_on": item.done_on or services.default_done_on(item),
        "outcome": item.outcome,
    }
    return ActionStatusForm(data, initial=initial, may_cancel=may_cancel)


@login_required
def action_item_detail(request, pk: int):
    form = None
    if request.method == "POST":
        reporting = selectors.action_item_get_for_progress(user=request.user, pk=pk)
        form = _status_form(request, reporting, request.POST)
        if form.is_valid():
            try:
                following = services.action_item_set_status(
                    by=request.user, item=reporting, **form.cleaned_data
                )
            except ValidationError as error:
                show_service_error(form, error, ActionItem)
            else:
                if following is not None:
                    messages.success(
                        request,
                        _("Saved. The next occurrence is due on %(date)s.")
                        % {"date": be_date(following.due_on)},
                    )
                else:
                    messages.success(request, _("The status was saved."))
                return redirect("meetings:action_item_detail", pk=pk)
    item = selectors.action_item_get(user=request.user, pk=pk)
    can_edit = can_change_body(request.user, item.body)
    if form is None and can_report_on(request.user, item):
        form = _status_form(request, item)
    series = list(selectors.action_item_series(item=item))
    return render(
        request,
        "meetings/action_item_detail.html",
        {
            "nav_active": "actions",
            "item": item,
            "form": form,
            "can_edit": can_edit,
            "series": series,
            "progress": list(selectors.action_item_progress(item=item)),
            "done": ActionStatus.DONE,
        },
    )


@login_required
@require_POST
def action_item_create(request, pk: int, resolution_pk: int):
    """An action item added to one of the resolutions on a meeting's page."""
    meeting = meeting_get_for_change(user=request.user, pk=pk)
    resolution = next((r for r in meeting.resolutions.all() if r.pk == resolution_pk), None)
    if resolution is None:
        raise Http404
    return add_to_meeting(
        request,
        meeting,
        ActionItemForm(request.POST, user=request.user, prefix=f"action-{resolution.pk}"),
        form_key="action_form",
        write=partial(services.action_item_create, by=request.user, resolution=resolution),
        section=f"resolution-{resolution.pk}",
        done_message=_("The action item was added."),
        render_extra={"failed_resolution": resolution.pk},
    )


def _item_page_url(item: ActionItem) -> str:
    return reverse("meetings:action_item_detail", args=[item.pk])


def _action_item_form(request, item: ActionItem, data=None) -> ActionItemEditForm:
    return carry_version(
        ActionItemEditForm(data, user=request.user, initial=initial_from(item, services.ACTION_ITEM_FIELDS)),
        item,
    )


def _action_item_page(request, item: ActionItem, form, refused=()):
    return edit_page(
        request,
        item,
        form,
        key="action_item",
        refused=refused,
        section="actions",
        back=_item_page_url(item),
        title=_("Edit the action item"),
    )


@login_required
def action_item_update(request, pk: int):
    item = selectors.action_item_get_for_change(user=request.user, pk=pk)
    form = _action_item_form(request, item, posted(request))
    if save_correction(form, item, partial(services.action_item_update, by=request.user, item=item)):
        messages.success(request, _("The action item was saved."))
        return redirect(_item_page_url(item))
    return _action_item_page(request, item, form)


def _after_removal(item: ActionItem) -> str:
    """Its page is gone: back to the meeting that set it, or to the list."""
    if item.meeting_id:
        return reverse("meetings:meeting_detail", args=[item.meeting_id]) + "#resolutions"
    return reverse("meetings:action_item_list")


@login_required
@require_POST
def action_item_remove(request, pk: int):
    item = selectors.action_item_get_for_change(user=request.user, pk=pk)
    return remove_or_refuse(
        request,
        partial(services.action_item_remove, by=request.user, item=item),
        removed=_("The action item was removed."),
        back=_after_removal(item),
        refused=lambda reasons: _action_item_page(
            request, item, _action_item_form(request, item), refused=reasons
        ),
    )
