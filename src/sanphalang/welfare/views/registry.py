"""Pages of the fund registry: the list with search and export, a fund's page, registering and editing a fund."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sanphalang.areas.scoping import can_write_area, require_can_add
from sanphalang.directory.autocomplete import OrganisationSearch
from sanphalang.errors import AccessDenied
from sanphalang.web.areas import area_label
from sanphalang.web.forms import apply_validation_error, carry_version
from sanphalang.web.listing import Column, export_format, export_rows, paginate

from ..forms.registry import UNLINKED_FUND_ENTRIES, FundCreateForm, FundFilterForm, FundRegistryForm
from ..linkage.records import FIELD_LABELS, field_value
from ..selectors import registry as selectors
from ..selectors.figures import year_rows
from ..selectors.settle import disagreements, settlement_conflicts
from ..services import registry as services

LIST_COLUMNS = [
    Column("name", gettext_lazy("Name"), lambda f: f.name_th, "sort_key"),
    Column("area", gettext_lazy("Area"), lambda f: area_label(f.area), "area_id"),
    Column("status", gettext_lazy("Status"), lambda f: f.get_status_display(), "status"),
    Column("members", gettext_lazy("Members"), lambda f: f.members, "members"),
    Column("records", gettext_lazy("Source records"), lambda f: f.record_count, "record_count"),
]


EXPORT_COLUMNS = [
    Column("name", gettext_lazy("Name (Thai)"), lambda f: f.name_th),
    Column("area_code", gettext_lazy("Area code"), lambda f: f.area_id),
    Column("area", gettext_lazy("Area"), lambda f: area_label(f.area)),
    Column("fund_code", gettext_lazy("Fund code"), lambda f: f.fund_code),
    Column("status", gettext_lazy("Status"), lambda f: f.get_status_display()),
    Column("members", gettext_lazy("Members"), lambda f: f.members),
    Column("founded_on", gettext_lazy("Founded on"), lambda f: f.founded_on),
]


@login_required
def fund_list(request):
    filters = FundFilterForm(request.GET or None, user=request.user)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    funds = selectors.fund_list(
        user=request.user,
        search=criteria.get("q", ""),
        district=criteria.get("district") or None,
        status=criteria.get("status") or None,
        missing_from=int(criteria["missing_from"]) if criteria.get("missing_from") else None,
    )
    fmt = export_format(request)
    if fmt:
        return export_rows(
            funds.order_by("sort_key", "pk"), EXPORT_COLUMNS, fmt=fmt, filename="welfare-funds"
        )
    listing = paginate(funds, LIST_COLUMNS, request, default_sort="name")
    return render(
        request, "welfare/fund_list.html", {"nav_active": "welfare", "filters": filters, "listing": listing}
    )


def fund_detail_context(request, fund, settle_form=None) -> dict:
    records = list(fund.source_records.all())
    rows = []
    for name, values in disagreements(fund):
        choices = [
            (r, field_value(name, r.data))
            for r in records
            if r.duplicate_of_id is None and r.source.name in values
        ]
        rows.append({"field": name, "label": FIELD_LABELS[name], "values": values, "choices": choices})
    conflicts = [{"conflict": c, "label": FIELD_LABELS[c.field]} for c in settlement_conflicts(fund)]
    return {
        "nav_active": "welfare",
        "fund": fund,
        "records": records,
        "disagreements": rows,
        "conflicts": conflicts,
        "settlements": [
            {"settlement": s, "label": FIELD_LABELS.get(s.field, s.field)} for s in fund.settlements.all()
        ],
        "years": year_rows(fund.years.all()),
        "import_url": reverse("imports:index") + "?entity=fund_figures",
        "can_settle": can_write_area(request.user, fund.area_id),
        "settle_form": settle_form,
        "area_label": area_label(fund.area),
        **selectors.tambon_activity(user=request.user, fund=fund),
    }


@login_required
def fund_detail(request, pk: int):
    fund = selectors.fund_get(user=request.user, pk=pk)
    return render(request, "welfare/fund_detail.html", fund_detail_context(request, fund))


def _submit(request, form, write):
    """Run write on the form's data when it is posted and valid. The fund written, or None to show the form again
    with the service's refusals at their fields."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return write(form.cleaned_data)
    except ValidationError as error:
        apply_validation_error(form, error)
    except AccessDenied as denied:
        # The view has checked the user may write here; what remains is the area typed in the form.
        form.add_error("area_code", denied.message)
    return None


def _form_page(request, form, *, title: str, fund=None):
    return render(
        request,
        "welfare/fund_form.html",
        {"nav_active": "welfare", "form": form, "title": title, "fund": fund},
        status=400 if form.is_bound else 200,
    )


@login_required
def fund_create(request):
    require_can_add(request.user)
    form = FundCreateForm(request.POST or None, user=request.user)
    fund = _submit(request, form, lambda data: services.fund_create(by=request.user, **data))
    if fund is not None:
        messages.success(request, _("The fund was registered."))
        return redirect("welfare:fund_detail", pk=fund.pk)
    return _form_page(request, form, title=_("Register a fund"))


@login_required
def fund_update(request, pk: int):
    # The service checks again on save; asking for the fund to change spares a read-only user a form they cannot send.
    fund = selectors.fund_get_for_change(user=request.user, pk=pk)
    form = carry_version(FundRegistryForm(request.POST or None, user=request.user, instance=fund), fund)
    if _submit(request, form, lambda data: services.fund_update(by=request.user, fund=fund, **data)):
        messages.success(request, _("The fund's registry details were saved."))
        return redirect("welfare:fund_detail", pk=fund.pk)
    return _form_page(request, form, title=_("Edit %(name)s") % {"name": fund}, fund=fund)


@login_required
def area_options(request):
    """Options for the fund form's area-code datalist: subdistricts of the user's areas matching what they type."""
    query = request.GET.get("area_code", "").strip() or request.GET.get("q", "").strip()
    areas = []
    if query:
        areas = selectors.fund_area_options(user=request.user, query=query)
    return render(request, "directory/area_options.html", {"areas": [(a.code, area_label(a)) for a in areas]})


class FundEntrySearch(OrganisationSearch):
    """Suggestions for a fund's directory entry: entries of welfare funds not linked to a fund yet."""

    narrow = UNLINKED_FUND_ENTRIES
