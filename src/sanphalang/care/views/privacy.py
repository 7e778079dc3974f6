"""Pages of a household's PDPA rights, for administrators: who read or changed its records, a copy of everything
held about it, and the erasure of its personal data."""

import json

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sanphalang.errors import Access
from sanphalang.imports.tabular import XLSX_CONTENT_TYPE, write_workbook
from sanphalang.web.forms import show_service_error
from sanphalang.web.listing import Column, paginate

from ..forms.privacy import AnonymiseForm, ExportForm
from ..models import Household
from ..selectors import privacy as selectors
from ..services import privacy as services


def record_kind(model_label: str) -> str:
    """The kind of record an access-log row names (care.member → "member of a household"), in the reader's words."""
    try:
        return str(apps.get_model(model_label)._meta.verbose_name)
    except (LookupError, ValueError):
        return model_label


ACCESS_LOG_COLUMNS = [
    Column("at", gettext_lazy("When"), lambda row: row.at, "at"),
    Column("who", gettext_lazy("Who"), lambda row: row.username, "username"),
    Column("action", gettext_lazy("What"), lambda row: row.get_action_display(), "action"),
    Column(
        "record", gettext_lazy("Record"), lambda row: f"{record_kind(row.model)} #{row.object_id}", "model"
    ),
    Column("channel", gettext_lazy("Through"), lambda row: row.channel, "channel"),
    Column("address", gettext_lazy("From address"), lambda row: row.address or "", "address"),
]


@login_required
def household_access_log(request, pk: int):
    household = selectors.privacy_household_get(user=request.user, pk=pk)
    listing = paginate(
        selectors.access_history(user=request.user, household=household),
        ACCESS_LOG_COLUMNS,
        request,
        default_sort="-at",
    )
    rows = [{"entry": entry, "record": record_kind(entry.model)} for entry in listing.page.object_list]
    return render(
        request,
        "care/privacy/access_log.html",
        {"nav_active": "care", "household": household, "listing": listing, "rows": rows},
    )


@login_required
def household_export(request, pk: int):
    household = selectors.privacy_household_get(
        user=request.user, pk=pk, refusal=Access.ADMINISTRATOR_ONLY_PERSONAL_EXPORT
    )
    form = ExportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        document = services.household_export(by=request.user, household=household)
        stem = f"household-{household.pk}-{timezone.localdate():%Y%m%d}"
        if form.cleaned_data["format"] == "json":
            response = HttpResponse(
                json.dumps(document, ensure_ascii=False, indent=2),
                content_type="application/json; charset=utf-8",
            )
            response["Content-Disposition"] = f'attachment; filename="{stem}.json"'
        else:
            response = HttpResponse(
                write_workbook(services.export_sheets(document)), content_type=XLSX_CONTENT_TYPE
            )
            response["Content-Disposition"] = f'attachment; filename="{stem}.xlsx"'
        response["Cache-Control"] = "no-store"
        return response
    return render(
        request, "care/privacy/export.html", {"nav_active": "care", "household": household, "form": form}
    )


@login_required
def household_anonymise(request, pk: int):
    household = selectors.privacy_household_get(
        user=request.user, pk=pk, refusal=Access.ADMINISTRATOR_ONLY_ERASE
    )
    form = AnonymiseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.household_anonymise(
                by=request.user, household=household, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            show_service_error(form, error, Household)
        else:
            messages.success(request, _("The household's personal data was erased; its counts are kept."))
            return redirect("care:household_access_log", pk=household.pk)
    return render(
        request, "care/privacy/anonymise.html", {"nav_active": "care", "household": household, "form": form}
    )
