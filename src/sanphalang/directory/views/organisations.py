"""Pages of organisations: list with search and export, detail, create, edit, delete and history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError, RestrictedError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sanphalang.areas.scoping import can_add_records, can_write_area, require_can_add
from sanphalang.areas.selectors import area_path
from sanphalang.errors import still_referred_to_message
from sanphalang.web.areas import area_label
from sanphalang.web.forms import carry_version, show_service_error
from sanphalang.web.history import history_entries
from sanphalang.web.listing import Column, export_format, export_rows, paginate

from .. import selectors, services
from ..forms import OrganisationFilterForm, OrganisationForm
from ..models import Organisation


def _issue_names(org) -> str:
    return ", ".join(str(issue) for issue in org.issue_areas.all())


LIST_COLUMNS = [
    Column("name", gettext_lazy("Name"), lambda o: o.name_th, "sort_key"),
    Column("abbreviation", gettext_lazy("Abbreviation"), lambda o: o.abbreviation),
    Column("kind", gettext_lazy("Kind"), lambda o: o.get_kind_display(), "kind"),
    Column("area", gettext_lazy("Area"), lambda o: area_label(o.area), "area_id"),
    Column("issues", gettext_lazy("Issue areas"), _issue_names),
]
EXPORT_COLUMNS = [
    Column("name", gettext_lazy("Name (Thai)"), lambda o: o.name_th),
    Column("name_en", gettext_lazy("Name (English)"), lambda o: o.name_en),
    Column("abbreviation", gettext_lazy("Abbreviation"), lambda o: o.abbreviation),
    Column("kind", gettext_lazy("Kind"), lambda o: o.get_kind_display()),
    Column("area_code", gettext_lazy("Area code"), lambda o: o.area_id),
    Column("area", gettext_lazy("Area"), lambda o: area_label(o.area)),
    Column("issues", gettext_lazy("Issue areas"), _issue_names),
    Column("parent", gettext_lazy("Parent organisation"), lambda o: o.parent or ""),
    Column("phone", gettext_lazy("Phone"), lambda o: o.phone),
    Column("email", gettext_lazy("E-mail"), lambda o: o.email),
    Column("website", gettext_lazy("Website"), lambda o: o.website),
    Column("active", gettext_lazy("Active"), lambda o: _("yes") if o.is_active else _("no")),
]


@login_required
def organisation_list(request):
    filters = OrganisationFilterForm(request.GET or None, user=request.user)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    organisations = selectors.organisation_list(
        user=request.user,
        search=criteria.get("q", ""),
        kind=criteria.get("kind") or None,
        issue=criteria.get("issue") or None,
        within=(criteria.get("within") or "").strip() or None,
    )
    fmt = export_format(request)
    if fmt:
        return export_rows(
            organisations.order_by("sort_key", "pk"), EXPORT_COLUMNS, fmt=fmt, filename="organisations"
        )
    listing = paginate(organisations, LIST_COLUMNS, request, default_sort="name")
    return render(
        request,
        "directory/organisation_list.html",
        {
            "nav_active": "organisations",
            "filters": filters,
            "listing": listing,
            "can_add": can_add_records(request.user),
        },
    )


@login_required
def organisation_detail(request, pk: int):
    org = selectors.organisation_get(user=request.user, pk=pk)
    positions = org.positions.all()
    return render(
        request,
        "directory/organisation_detail.html",
        {
            "nav_active": "organisations",
            "organisation": org,
            "area_path": area_path(org.area),
            "current_positions": [p for p in positions if p.is_current],
            "past_positions": [p for p in positions if not p.is_current],
            "can_edit": can_write_area(request.user, org.area_id),
        },
    )


def _organisation_fields(cleaned: dict) -> dict:
    fields = dict(cleaned)
    fields["issue_areas"] = list(fields["issue_areas"])
    fields["partners"] = list(fields["partners"])
    return fields


@login_required
def organisation_create(request):
    require_can_add(request.user)
    form = OrganisationForm(
        request.POST or None, user=request.user, initial={"area_code": request.GET.get("area", "")}
    )
    if request.method == "POST" and form.is_valid():
        try:
            org = services.organisation_create(by=request.user, **_organisation_fields(form.cleaned_data))
        except ValidationError as error:
            show_service_error(form, error, Organisation)
        else:
            messages.success(request, _("The organisation was added."))
            return redirect("directory:organisation_detail", pk=org.pk)
    return render(
        request,
        "directory/organisation_form.html",
        {"nav_active": "organisations", "form": form, "title": _("Add an organisation")},
    )


@login_required
def organisation_update(request, pk: int):
    # The service checks again on save; checking here spares a read-only user a form they cannot send.
    org = selectors.organisation_get_for_change(user=request.user, pk=pk)
    form = carry_version(OrganisationForm(request.POST or None, user=request.user, instance=org), org)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(
                by=request.user, organisation=org, **_organisation_fields(form.cleaned_data)
            )
        except ValidationError as error:
            show_service_error(form, error, Organisation)
        else:
            messages.success(request, _("The organisation was saved."))
            return redirect("directory:organisation_detail", pk=org.pk)
    return render(
        request,
        "directory/organisation_form.html",
        {
            "nav_active": "organisations",
            "form": form,
            "organisation": org,
            "title": _("Edit %(name)s") % {"name": org},
        },
    )


@login_required
def organisation_delete(request, pk: int):
    org = selectors.organisation_get_for_change(user=request.user, pk=pk)
    error = None
    if request.method == "POST":
        try:
            services.organisation_delete(by=request.user, organisation=org)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        except (ProtectedError, RestrictedError) as exc:
            error = still_referred_to_message(exc)
        else:
            messages.success(request, _("The organisation was deleted."))
            return redirect("directory:organisation_list")
    return render(
        request,
        "directory/organisation_confirm_delete.html",
        {"nav_active": "organisations", "organisation": org, "error": error},
    )


@login_required
def organisation_history(request, pk: int):
    org = selectors.organisation_get(user=request.user, pk=pk)
    return render(
        request,
        "directory/history.html",
        {
            "nav_active": "organisations",
            "subject": org,
            "back_url": reverse("directory:organisation_detail", args=[org.pk]),
            "entries": history_entries(org.history.all(), reader=request.user),
        },
    )
