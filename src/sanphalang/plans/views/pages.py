"""What the plans pages share: a form page, saving a form through a service, and each removal's question."""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from sanphalang.web.forms import show_service_error

# Asked before a record is removed.
REMOVAL_QUESTIONS = {
    "plan": _("Delete this plan with its main works?"),
    "main_work": _("Remove this main work?"),
    "agreement": _("Delete this agreement with its parties, signatories and documents?"),
    "party": _("Remove this party and the people who signed for it?"),
    "signatory": _("Remove this signatory?"),
    "document": _("Remove this document?"),
}


def saved(request, form, model, save: Callable[[dict], object]):
    """The record save(cleaned_data) wrote, or None to show the form again with the service's refusal at its
    field."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return save(dict(form.cleaned_data))
    except ValidationError as error:
        show_service_error(form, error, model)
    return None


def form_page(
    request, form, *, title: str, cancel_url: str, remove_url: str = "", question: str = "", **extra
):
    return render(
        request,
        "plans/form_page.html",
        {
            "nav_active": "plans",
            "form": form,
            "title": title,
            "cancel_url": cancel_url,
            "remove_url": remove_url,
            "question": question,
            **extra,
        },
        status=400 if form.is_bound and form.errors else 200,
    )
