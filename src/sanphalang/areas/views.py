"""Pages to browse and search the areas of Thailand, add villages to a subdistrict, and manage regions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sanphalang.errors import Access
from sanphalang.web.forms import apply_validation_error, carry_version
from sanphalang.web.listing import EXPORT_FORMATS, Column, export_rows, paginate

from . import selectors, services
from .forms import AreaSearchForm, RegionForm, VillageForm
from .models import AreaLevel
from .scoping import can_write_area, require_administrator, scope_for

SEARCH_LIMIT = 50
VILLAGE_LEVELS = (AreaLevel.VILLAGE, AreaLevel.COMMUNITY)


def _search_results(form: AreaSearchForm) -> dict:
    if not form.is_valid() or not form.cleaned_data["q"].strip():
        return {"query": "", "results": [], "more": False}
    # Each area keeps its full path in its row, so a page of results is one query.
    found = list(
        selectors.area_search(query=form.cleaned_data["q"].strip(), level=form.cleaned_data["level"] or None)[
            : SEARCH_LIMIT + 1
        ]
    )
    return {
        "query": form.cleaned_data["q"].strip(),
        "more": len(found) > SEARCH_LIMIT,
        "results": [{"area": area, "path": area.display_path} for area in found[:SEARCH_LIMIT]],
    }


@login_required
def index(request):
    form = AreaSearchForm(request.GET or None)
    context = {
        "form": form,
        "provinces": selectors.province_list(),
        "nav_active": "areas",
        "search_limit": SEARCH_LIMIT,
        **_search_results(form),
    }
    return render(request, "areas/index.html", context)


@login_required
def search(request):
    """The results alone, swapped into the index page by HTMX as the user types."""
    form = AreaSearchForm(request.GET)
    return render(request, "areas/_results.html", {"search_limit": SEARCH_LIMIT, **_search_results(form)})


def _child_columns(area) -> list[Column]:
    columns = [
        Column("code", gettext_lazy("Code"), lambda a: a.code, "code"),
        Column("name", gettext_lazy("Name"), lambda a: a.display_name, "sort_key"),
        Column("name_th", gettext_lazy("Name (Thai)"), lambda a: a.name_th),
        Column("name_en", gettext_lazy("Name (English)"), lambda a: a.name_en, "name_en"),
        Column("level", gettext_lazy("Level"), lambda a: a.get_level_display(), "level"),
    ]
    if area.level == AreaLevel.SUBDISTRICT:
        columns.append(Column("moo", gettext_lazy("Village no. (moo)"), lambda a: a.moo, "moo"))
    else:
        columns.append(
            Column("child_count", gettext_lazy("Areas below"), lambda a: a.child_count, "child_count")
        )
    columns.append(Column("postal_codes", gettext_lazy("Postal codes"), lambda a: a.postal_codes))
    return columns


def _detail_context(request, area, village_form=None) -> dict:
    columns = _child_columns(area)
    children = selectors.area_children(area=area).annotate(child_count=Count("children"))
    can_add_village = area.level == AreaLevel.SUBDISTRICT and can_write_area(request.user, area.code)
    return {
        "area": area,
        "path": selectors.area_path(area),
        "nav_active": "areas",
        "listing": paginate(children, columns, request, default_sort="name"),
        "village_form": (village_form or VillageForm()) if can_add_village else None,
        # The work of the area (plans, funds, meetings…) is read where the user works and in the areas above.
        "sees_work": scope_for(request.user).covers_with_ancestors(area.code),
    }


@login_required
def detail(request, code: str):
    area = selectors.area_get(code=code)
    fmt = request.GET.get("export")
    if fmt in EXPORT_FORMATS:
        children = selectors.area_children(area=area).annotate(child_count=Count("children"))
        return export_rows(children, _child_columns(area), fmt=fmt, filename=f"areas-{area.code}")
    return render(request, "areas/detail.html", _detail_context(request, area))


@login_required
@require_POST
def village_add(request, code: str):
    # Refused before the form is read, so an outsider learns nothing from validation messages.
    area = selectors.subdistrict_get_for_change(user=request.user, code=code)
    form = VillageForm(request.POST)
    if form.is_valid():
        try:
            village = services.village_create(
                by=request.user, subdistrict_code=area.code, **form.cleaned_data
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("%(village)s was added.") % {"village": village.display_name})
            return redirect("areas:detail", code=area.code)
    return render(request, "areas/detail.html", _detail_context(request, area, form))


@login_required
def region_list(request):
    regions = selectors.region_list()
    return render(request, "areas/region_list.html", {"regions": regions, "nav_active": "areas"})


@login_required
def region_detail(request, slug: str):
    region = get_object_or_404(selectors.region_list(), slug=slug)
    provinces = sorted(region.provinces.all(), key=lambda p: p.sort_key)
    return render(
        request, "areas/region_detail.html", {"region": region, "provinces": provinces, "nav_active": "areas"}
    )


def _region_form_page(request, form, region=None):
    return render(request, "areas/region_form.html", {"form": form, "region": region, "nav_active": "areas"})


def _region_fields(form: RegionForm) -> dict:
    data = form.cleaned_data
    return {
        "name_th": data["name_th"],
        "name_en": data["name_en"],
        "description": data["description"],
        "province_codes": data["codes"],
    }


@login_required
def region_create(request):
    require_administrator(request.user, Access.ADMINISTRATOR_ONLY_REGIONS)
    form = RegionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            region = services.region_create(by=request.user, **_region_fields(form))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The region was created."))
            return redirect("areas:region_detail", slug=region.slug)
    return _region_form_page(request, form)


@login_required
def region_edit(request, slug: str):
    require_administrator(request.user, Access.ADMINISTRATOR_ONLY_REGIONS)
    region = get_object_or_404(selectors.region_list(), slug=slug)
    initial = {
        "name_th": region.name_th,
        "name_en": region.name_en,
        "description": region.description,
        "provinces": [p.code for p in region.provinces.all()],
    }
    form = carry_version(RegionForm(request.POST or None, initial=initial), region)
    if request.method == "POST" and form.is_valid():
        try:
            services.region_update(
                by=request.user, region=region, version=form.cleaned_data["version"], **_region_fields(form)
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The region was saved."))
            return redirect("areas:region_detail", slug=region.slug)
    return _region_form_page(request, form, region)
