"""Pages of people: list with search and logged export, detail (a logged read), forms, positions, erasure."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_POST

from sanphalang.accounts.audit import log_reads
from sanphalang.areas.scoping import can_add_records, can_write_area, require_can_add
from sanphalang.areas.selectors import area_path
from sanphalang.thai.dates import format_be_date
from sanphalang.thai.national_id import format_national_id, mask_national_id
from sanphalang.web.areas import area_label
from sanphalang.web.forms import carry_version, show_service_error
from sanphalang.web.history import history_entries
from sanphalang.web.listing import Column, export_format, export_rows, paginate

from .. import selectors, services
from ..forms import PersonFilterForm, PersonForm, PositionEndForm, PositionForm
from ..models import Person, Position


def _current_positions(person) -> str:
    return ", ".join(str(position) for position in person.current_positions)


LIST_COLUMNS = [
    Column("name", gettext_lazy("Name"), lambda p: p.name_with_title, "sort_key"),
    Column("nickname", gettext_lazy("Nickname"), lambda p: p.nickname),
    Column("area", gettext_lazy("Area"), lambda p: area_label(p.area), "area_id"),
    Column("positions", gettext_lazy("Current positions"), _current_positions),
]
# The national ID stays out of exports: a file leaves the system's access control.
EXPORT_COLUMNS = [
    Column("title", pgettext_lazy("honorific", "Title"), lambda p: p.title),
    Column("first_name", gettext_lazy("First name"), lambda p: p.first_name),
    Column("last_name", gettext_lazy("Last name"), lambda p: p.last_name),
    Column("nickname", gettext_lazy("Nickname"), lambda p: p.nickname),
    Column("area_code", gettext_lazy("Area code"), lambda p: p.area_id),
    Column("area", gettext_lazy("Area"), lambda p: area_label(p.area)),
    Column("phone", gettext_lazy("Phone"), lambda p: p.phone),
    Column("email", gettext_lazy("E-mail"), lambda p: p.email),
    Column("line_id", gettext_lazy("LINE ID"), lambda p: p.line_id),
    Column("positions", gettext_lazy("Current positions"), _current_positions),
]


@login_required
def person_list(request):
    filters = PersonFilterForm(request.GET or None, user=request.user)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    organisation = criteria.get("organisation")
    people = selectors.person_list(
        user=request.user,
        search=criteria.get("q", ""),
        organisation=organisation.pk if organisation else None,
        within=(criteria.get("within") or "").strip() or None,
    )
    fmt = export_format(request)
    if fmt:
        people = people.order_by("sort_key", "pk")
        log_reads(request.user, people.prefetch_related(None).select_related(None), detail="export")
        return export_rows(people, EXPORT_COLUMNS, fmt=fmt, filename="people")
    listing = paginate(people, LIST_COLUMNS, request, default_sort="name")
    return render(
        request,
        "directory/person_list.html",
        {
            "nav_active": "people",
            "filters": filters,
            "listing": listing,
            "can_add": can_add_records(request.user),
        },
    )


def _detail_context(request, person, position_form=None) -> dict:
    user = request.user
    if user.can_see_sensitive_data:
        national_id = format_national_id(person.national_id)
    else:
        national_id = mask_national_id(person.national_id)
    can_edit = can_write_area(user, person.area_id)
    positions = list(person.positions.all())
    return {
        "nav_active": "people",
        "person": person,
        "area_path": area_path(person.area),
        "national_id": national_id,
        "current_positions": [p for p in positions if p.is_current],
        "past_positions": [p for p in positions if not p.is_current],
        "can_edit": can_edit,
        "can_erase": user.is_administrator,
        "position_form": position_form or (PositionForm(user=user) if can_edit else None),
        "today_numeric": format_be_date(timezone.localdate(), style="numeric"),
    }


@login_required
def person_detail(request, pk: int):
    person = selectors.person_get(user=request.user, pk=pk)
    return render(request, "directory/person_detail.html", _detail_context(request, person))


def _person_fields(cleaned: dict) -> dict:
    fields = dict(cleaned)
    fields["issue_areas"] = list(fields["issue_areas"])
    return fields


@login_required
def person_create(request):
    require_can_add(request.user)
    form = PersonForm(
        request.POST or None, user=request.user, initial={"area_code": request.GET.get("area", "")}
    )
    if request.method == "POST" and form.is_valid():
        try:
            person = services.person_create(by=request.user, **_person_fields(form.cleaned_data))
        except ValidationError as error:
            show_service_error(form, error, Person)
        else:
            messages.success(request, _("The person was added."))
            return redirect("directory:person_detail", pk=person.pk)
    return render(
        request,
        "directory/person_form.html",
        {"nav_active": "people", "form": form, "title": _("Add a person")},
    )


@login_required
def person_update(request, pk: int):
    person = selectors.person_get_for_change(user=request.user, pk=pk)
    form = carry_version(PersonForm(request.POST or None, user=request.user, instance=person), person)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_update(by=request.user, person=person, **_person_fields(form.cleaned_data))
        except ValidationError as error:
            show_service_error(form, error, Person)
        else:
            messages.success(request, _("The person was saved."))
            return redirect("directory:person_detail", pk=person.pk)
    return render(
        request,
        "directory/person_form.html",
        {
            "nav_active": "people",
            "form": form,
            "person": person,
            "title": _("Edit %(name)s") % {"name": person},
        },
    )


@login_required
def person_erase(request, pk: int):
    person = selectors.person_get_for_erasure(user=request.user, pk=pk)
    if request.method == "POST":
        services.person_erase(by=request.user, person=person)
        messages.success(request, _("The person's data was erased."))
        return redirect("directory:person_list")
    return render(request, "directory/person_confirm_erase.html", {"nav_active": "people", "person": person})


@login_required
def person_history(request, pk: int):
    person = selectors.person_get(user=request.user, pk=pk)
    entries = history_entries(
        person.history.all(),
        sensitive_fields=("national_id",),
        show_sensitive=request.user.can_see_sensitive_data,
        reader=request.user,
    )
    return render(
        request,
        "directory/history.html",
        {
            "nav_active": "people",
            "subject": person,
            "back_url": reverse("directory:person_detail", args=[person.pk]),
            "entries": entries,
        },
    )


@login_required
@require_POST
def position_create(request, pk: int):
    person = selectors.person_get_for_change(user=request.user, pk=pk)
    form = PositionForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            services.position_create(by=request.user, person=person, **form.cleaned_data)
        except ValidationError as error:
            show_service_error(form, error, Position)
        else:
            messages.success(request, _("The position was added."))
            return redirect("directory:person_detail", pk=person.pk)
    person = selectors.person_get(user=request.user, pk=pk)
    return render(
        request, "directory/person_detail.html", _detail_context(request, person, position_form=form)
    )


@login_required
@require_POST
def position_end(request, pk: int, position_pk: int):
    position = selectors.position_get_for_change(user=request.user, person_pk=pk, pk=position_pk)
    form = PositionEndForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["ended_on"]))
        return redirect("directory:person_detail", pk=pk)
    try:
        services.position_update(by=request.user, position=position, ended_on=form.cleaned_data["ended_on"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The position was ended."))
    return redirect("directory:person_detail", pk=pk)


@login_required
@require_POST
def position_delete(request, pk: int, position_pk: int):
    position = selectors.position_get_for_change(user=request.user, person_pk=pk, pk=position_pk)
    services.position_delete(by=request.user, position=position)
    messages.success(request, _("The position was deleted."))
    return redirect("directory:person_detail", pk=pk)
