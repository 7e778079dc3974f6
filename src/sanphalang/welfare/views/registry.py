"""Pages of the fund registry: the list with search and export, a fund's page, registering and editing a fund."""

from operator import itemgetter

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
from sanphalang.web.areas import area_label, area_labels
from sanphalang.web.forms import apply_validation_error, carry_version
from sanphalang.web.listing import Column, export_format, export_streamed, paginate
from sanphalang.web.pickers import ScopedSearchView

from ..forms.registry import (
    UNLINKED_FUND_ENTRIES,
    FundCreateForm,
    FundFilterForm,
    FundRegistryForm,
    district_label,
)
from ..models import FundStatus
from ..selectors import registry as selectors
from ..selectors.figures import year_rows
from ..selectors.settle import open_fields, settlement_history, value_origins
from ..selectors.sources import source_label
from ..services import registry as services

LIST_COLUMNS = [
    Column("name", gettext_lazy("Name"), lambda f: f.name_th, "sort_key"),
    Column("area", gettext_lazy("Area"), lambda f: area_label(f.area), "area_id"),
    Column("status", gettext_lazy("Status"), lambda f: f.get_status_display(), "status"),
    Column("members", gettext_lazy("Members"), lambda f: f.members, "members"),
    # Not sortable: ordering by it would count every fund's records before the page could be chosen.
    Column("records", gettext_lazy("Source records"), lambda f: f.record_count),
]


# An export reads plain rows (values()), not funds: at national scale building a model per row is most of its time.
EXPORT_COLUMNS = [
    Column("name", gettext_lazy("Name (Thai)"), itemgetter("name_th")),
    Column("area_code", gettext_lazy("Area code"), itemgetter("area_id")),
    Column("area", gettext_lazy("Area"), itemgetter("area_label")),
    Column("fund_code", gettext_lazy("Fund code"), itemgetter("fund_code")),
    Column("status", gettext_lazy("Status"), itemgetter("status_label")),
    Column("members", gettext_lazy("Members"), itemgetter("members")),
    Column("founded_on", gettext_lazy("Founded on"), itemgetter("founded_on")),
]
EXPORT_FIELDS = ("name_th", "area_id", "fund_code", "status", "members", "founded_on")


def _export_labeller():
    """What labels each batch of exported rows: their areas' labels, each area read once for the whole export
    (they are a few thousand, however many funds), and the statuses' words, in the reader's language."""
    areas: dict[str, str] = {}
    statuses = {value: str(label) for value, label in FundStatus.choices}

    def label(rows: list[dict]) -> None:
        unread = {row["area_id"] for row in rows} - areas.keys()
        if unread:
            areas.update(area_labels(unread))
        for row in rows:
            row["area_label"] = areas.get(row["area_id"], row["area_id"])
            row["status_label"] = statuses.get(row["status"], row["status"])

    return label


@login_required
def fund_list(request):
    filters = FundFilterForm(request.GET or None, user=request.user)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    funds = selectors.fund_list(
        user=request.user,
        search=criteria.get("q", ""),
        district=criteria["district"].code if criteria.get("district") else None,
        status=criteria.get("status") or None,
        missing_from=criteria["missing_from"].pk if criteria.get("missing_from") else None,
    )
    fmt = export_format(request)
    if fmt:
        return export_streamed(
            funds.select_related(None).order_by("sort_key", "pk").values(*EXPORT_FIELDS),
            EXPORT_COLUMNS,
            fmt=fmt,
            filename="welfare-funds",
            prepare=_export_labeller(),
        )
    listing = paginate(
        funds,
        LIST_COLUMNS,
        request,
        default_sort="name",
        rows=lambda ids: selectors.fund_rows(user=request.user, ids=ids),
    )
    return render(
        request, "welfare/fund_list.html", {"nav_active": "welfare", "filters": filters, "listing": listing}
    )


def fund_detail_context(request, fund, settle_form=None) -> dict:
    return {
        "nav_active": "welfare",
        "fund": fund,
        "records": list(fund.source_records.all()),
        "open_fields": open_fields(fund),
        "settlements": settlement_history(fund),
        "origins": value_origins(fund),
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


class DistrictSearch(ScopedSearchView):
    """Suggestions for the fund list's district filter: districts of the user's areas, by name or code."""

    def visible_matches(self, query: str):
        return selectors.district_search(user=self.request.user, query=query).select_related("parent")

    def get_result_label(self, result):
        return district_label(result)


class SourceSearch(ScopedSearchView):
    """Suggestions for the fund list's "missing from" filter: the sources the user sees, each once."""

    def visible_matches(self, query: str):
        return selectors.source_search(user=self.request.user, query=query)

    def get_result_label(self, result):
        return source_label(result)
