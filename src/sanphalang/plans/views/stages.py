"""Pages of area charters (S4) and registrations (S10): a province's list with its stage summary and export, a
record's page with the timeline of its stages and their documents, editing, recording a stage and taking the latest
back. One set of views serves both kinds; each route names its kind (plans/urls.py)."""

import os
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sanphalang.areas.scoping import can_write_area, require_can_add
from sanphalang.errors import AccessDenied
from sanphalang.thai.dates import format_be_date
from sanphalang.web.areas import area_label
from sanphalang.web.forms import carry_version, show_refusal, show_service_error
from sanphalang.web.listing import Column, export_format, export_rows, paginate

from ..forms.stages import (
    CharterFilterForm,
    CharterForm,
    RegistrationFilterForm,
    RegistrationForm,
    StageRecordForm,
)
from ..models import Charter, Registration
from ..selectors import stages as selectors
from ..services import stages as services


def _date(value) -> str:
    return format_be_date(value, style="short") if value else ""


def _district(record) -> str:
    return area_label(record.area.parent) if record.area.parent_id else ""


CHARTER_COLUMNS = [
    Column("area", gettext_lazy("Subdistrict"), lambda c: area_label(c.area), "area__sort_key"),
    Column("title", gettext_lazy("Name of the charter"), lambda c: c.title, "title"),
    Column("stage", gettext_lazy("Stage"), lambda c: c.get_stage_display(), "stage"),
    Column("stage_on", gettext_lazy("Stage reached on"), lambda c: _date(c.stage_on), "stage_on"),
    Column("adopted_by", gettext_lazy("Adopted by"), lambda c: c.adopted_by or "", "adopted_by__sort_key"),
]
CHARTER_EXPORT = [
    Column("area_code", gettext_lazy("Area code"), lambda c: c.area_id),
    Column("area", gettext_lazy("Subdistrict"), lambda c: area_label(c.area)),
    Column("district", gettext_lazy("District"), _district),
    *CHARTER_COLUMNS[1:],
]
REGISTRATION_COLUMNS = [
    Column("subject", gettext_lazy("Who registers"), lambda r: str(r), "organisation__sort_key"),
    Column("area", gettext_lazy("Area"), lambda r: area_label(r.area), "area__sort_key"),
    Column("law", gettext_lazy("Registered as"), lambda r: r.get_law_display(), "law"),
    Column("stage", gettext_lazy("Stage"), lambda r: r.get_stage_display(), "stage"),
    Column(
        "number", gettext_lazy("Registration number"), lambda r: r.registration_number, "registration_number"
    ),
    Column("expires_on", gettext_lazy("To be renewed by"), lambda r: _date(r.expires_on), "expires_on"),
]
REGISTRATION_EXPORT = [
    *REGISTRATION_COLUMNS[:2],
    Column("area_code", gettext_lazy("Area code"), lambda r: r.area_id),
    Column("authority", gettext_lazy("Registering authority"), lambda r: r.authority or ""),
    *REGISTRATION_COLUMNS[2:5],
    Column("registered_on", gettext_lazy("Registered on"), lambda r: _date(r.registered_on)),
    REGISTRATION_COLUMNS[5],
    Column("stage_on", gettext_lazy("Stage reached on"), lambda r: _date(r.stage_on)),
]


@dataclass(frozen=True)
class Kind:
    """What differs between the two kinds of staged record; the pages are otherwise one."""

    name: str  # "charter" or "registration": the prefix of its routes and templates
    model: type
    filter_form: type
    form: type
    columns: list
    export: list
    list_title: Any
    create_title: Any
    edit_title: Any
    created: Any
    saved: Any
    deleted: Any

    def list(self, **criteria):
        return getattr(selectors, f"{self.name}_list")(**criteria)

    def get(self, *, user, pk):
        return getattr(selectors, f"{self.name}_get")(user=user, pk=pk)

    def get_for_change(self, *, user, pk):
        return getattr(selectors, f"{self.name}_get_for_change")(user=user, pk=pk)

    def service(self, action: str):
        return getattr(services, f"{self.name}_{action}")

    def of(self, event):
        """The event's record of this kind; a stage of the other kind is not found at this kind's address."""
        record = getattr(event, self.name)
        if record is None:
            raise Http404
        return record


KINDS = {
    "charter": Kind(
        "charter",
        Charter,
        CharterFilterForm,
        CharterForm,
        CHARTER_COLUMNS,
        CHARTER_EXPORT,
        gettext_lazy("Area charters"),
        gettext_lazy("New area charter"),
        gettext_lazy("Edit the area charter"),
        gettext_lazy("The area charter was added."),
        gettext_lazy("The area charter was saved."),
        gettext_lazy("The area charter was deleted."),
    ),
    "registration": Kind(
        "registration",
        Registration,
        RegistrationFilterForm,
        RegistrationForm,
        REGISTRATION_COLUMNS,
        REGISTRATION_EXPORT,
        gettext_lazy("Registrations"),
        gettext_lazy("New registration"),
        gettext_lazy("Edit the registration"),
        gettext_lazy("The registration was added."),
        gettext_lazy("The registration was saved."),
        gettext_lazy("The registration was deleted."),
    ),
}


@login_required
def record_list(request, kind: str):
    kind = KINDS[kind]
    filters = kind.filter_form(request.GET or None, user=request.user)
    criteria = filters.criteria()
    records = kind.list(user=request.user, **criteria)
    fmt = export_format(request)
    if fmt:
        return export_rows(records, kind.export, fmt=fmt, filename=f"{kind.name}s", user=request.user)
    summary = None
    if kind.name == "charter" and criteria["province_code"]:
        summary = selectors.stage_summary(user=request.user, province_code=criteria["province_code"])
    return render(
        request,
        f"plans/{kind.name}_list.html",
        {
            "nav_active": "plans",
            "title": kind.list_title,
            "filters": filters,
            "listing": paginate(records, kind.columns, request, default_sort="area"),
            "summary": summary,
        },
    )


def _record_context(request, kind: Kind, record, *, stage_form=None) -> dict:
    can_write = can_write_area(request.user, record.area_id)
    events = list(record.events.all())
    labels = dict(record.STAGES.choices)
    for event in events:
        event.stage_label = labels.get(event.stage, event.stage)
    if stage_form is None and can_write:
        stage_form = carry_version(StageRecordForm(record=record), record)
    return {
        "nav_active": "plans",
        "record": record,
        kind.name: record,
        "events": events,
        "latest": events[-1] if events else None,
        "can_write": can_write,
        "stage_form": stage_form,
        "area_label": area_label(record.area),
    }


@login_required
def record_detail(request, kind: str, pk: int):
    kind = KINDS[kind]
    record = kind.get(user=request.user, pk=pk)
    return render(request, f"plans/{kind.name}_detail.html", _record_context(request, kind, record))


def _form_page(request, kind: Kind, form, *, title, record=None):
    return render(
        request,
        f"plans/{kind.name}_form.html",
        {"nav_active": "plans", "form": form, "title": title, "record": record},
        status=400 if form.is_bound else 200,
    )


def _save(request, kind: Kind, form, write):
    """Run write on the valid posted form; the record written, or None to show the form with the refusals."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return write(form.cleaned_data)
    except ValidationError as error:
        show_service_error(form, error, kind.model)
    except AccessDenied as denied:
        # The page was offered; what remains refused is the area the form names.
        form.add_error("area_code" if "area_code" in form.fields else "organisation", denied.message)
    return None


@login_required
def record_create(request, kind: str):
    kind = KINDS[kind]
    require_can_add(request.user)
    form = kind.form(request.POST or None, user=request.user)
    record = _save(request, kind, form, lambda data: kind.service("create")(by=request.user, **data))
    if record is not None:
        messages.success(request, kind.created)
        return redirect(f"plans:{kind.name}_detail", pk=record.pk)
    return _form_page(request, kind, form, title=kind.create_title)


@login_required
def record_update(request, kind: str, pk: int):
    kind = KINDS[kind]
    record = kind.get_for_change(user=request.user, pk=pk)
    form = carry_version(kind.form(request.POST or None, user=request.user, instance=record), record)
    saved = _save(
        request,
        kind,
        form,
        lambda data: kind.service("update")(by=request.user, **{kind.name: record}, **data),
    )
    if saved is not None:
        messages.success(request, kind.saved)
        return redirect(f"plans:{kind.name}_detail", pk=record.pk)
    if form.is_bound:
        record.refresh_from_db()  # the page names the record as it is, not as refused
    return _form_page(request, kind, form, title=kind.edit_title, record=record)


@login_required
@require_POST
def record_delete(request, kind: str, pk: int):
    kind = KINDS[kind]
    record = kind.get_for_change(user=request.user, pk=pk)
    kind.service("delete")(by=request.user, **{kind.name: record})
    messages.success(request, kind.deleted)
    return redirect(f"plans:{kind.name}_list")


@login_required
@require_POST
def stage_record(request, kind: str, pk: int):
    """Record the stage the charter or registration reached, with its document."""
    kind = KINDS[kind]
    record = kind.get_for_change(user=request.user, pk=pk)
    form = carry_version(StageRecordForm(request.POST, request.FILES, record=record), record)
    if form.is_valid():
        try:
            services.stage_record(by=request.user, record=record, **form.service_arguments())
        except ValidationError as error:
            show_service_error(form, error, kind.model)
            record = kind.get(user=request.user, pk=pk)
        else:
            messages.success(request, _("Stage recorded: %(stage)s.") % {"stage": record.get_stage_display()})
            return redirect(f"plans:{kind.name}_detail", pk=record.pk)
    return render(
        request,
        f"plans/{kind.name}_detail.html",
        _record_context(request, kind, record, stage_form=form),
        status=400,
    )


@login_required
@require_POST
def stage_remove(request, kind: str, pk: int):
    """Take back the latest stage reached; the record returns to the one before."""
    kind = KINDS[kind]
    event = selectors.stage_event_get_for_change(user=request.user, pk=pk)
    record = kind.of(event)
    try:
        services.stage_event_remove(by=request.user, event=event)
    except ValidationError as error:
        show_refusal(request, error)
    else:
        messages.success(request, _("The stage was removed."))
    return redirect(f"plans:{kind.name}_detail", pk=record.pk)


@login_required
def stage_document(request, kind: str, pk: int):
    """Download the document of a stage reached, as kept with its version."""
    kind = KINDS[kind]
    event = selectors.stage_document_get(user=request.user, pk=pk)
    kind.of(event)
    try:
        handle = event.document.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=os.path.basename(event.document.name))
