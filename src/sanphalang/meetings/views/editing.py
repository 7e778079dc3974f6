"""What the correction pages share: the edit page of one record, saving its form, and each removal's question.

A correction view fetches its record with a `<entity>_get_for_change` selector (404 outside the user's areas,
403 where they only read), builds its form, and either saves through the service or shows this page again."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.forms import Form
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sanphalang.web.forms import show_service_error

from ..models import Body, Meeting

# Asked before a record is removed: on its edit page and by the remove buttons of the meeting, body and letter pages.
REMOVAL_QUESTIONS = {
    "agenda_item": _("Remove this agenda item? The items after it move up one place."),
    "attendance": _("Remove this attendance line?"),
    "resolution": _("Remove this resolution?"),
    "action_item": _("Remove this action item?"),
    "membership": _(
        "Remove this membership as recorded by mistake? To end a membership, set its end date instead."
    ),
    "invitation": _("Remove this invitation?"),
    "attachment": _("Remove this file?"),
}


def posted(request: HttpRequest) -> QueryDict | None:
    """The submitted data on a POST, so that even an empty submission is checked; nothing on a GET."""
    return request.POST if request.method == "POST" else None


def initial_from(record: Model, names) -> dict:
    return {name: getattr(record, name) for name in names}


def save_correction(form: Form, record: Model, save: Callable[..., object]) -> bool:
    """Whether the submitted form was valid and save(**cleaned_data) accepted it. A service's refusal goes onto
    the form, and the record is read again: the page names the record as it is, not as it was asked to become."""
    if not (form.is_bound and form.is_valid()):
        return False
    try:
        save(**form.cleaned_data)
    except ValidationError as error:
        show_service_error(form, error, type(record))
        record.refresh_from_db()
        return False
    return True


def remove_or_refuse(
    request: HttpRequest,
    remove: Callable[[], None],
    *,
    removed: str,
    back: str,
    refused: Callable[[list[str]], HttpResponse],
) -> HttpResponse:
    """Call remove() and go back to where the record was shown; if the service refuses, refused(reasons) shows
    the record's page again, saying why, with nothing changed."""
    try:
        remove()
    except ValidationError as error:
        return refused(error.messages)
    messages.success(request, removed)
    return redirect(back)


def edit_page(
    request: HttpRequest,
    record: Model,
    form: Form,
    *,
    key: str,
    title: str,
    back: str,
    refused: list[str] | tuple = (),
    section: str = "meetings",
) -> HttpResponse:
    """The edit page of a record of a meeting or of a body (linked under the title), with its remove button
    (the URL meetings:<key>_remove). refused: why a removal was refused, shown above the form."""
    where = record.meeting if getattr(record, "meeting_id", None) else record.body
    return render(
        request,
        "meetings/edit_page.html",
        {
            "meeting": where if isinstance(where, Meeting) else None,
            "body": where if isinstance(where, Body) else None,
            "nav_active": "actions" if section == "actions" else "meetings",
            "section": section,
            "form": form,
            "title": title,
            "cancel_url": back,
            "remove_url": reverse(f"meetings:{key}_remove", args=[record.pk]),
            "confirm": REMOVAL_QUESTIONS[key],
            "refused": refused,
        },
        status=400 if refused or form.errors else 200,
    )
