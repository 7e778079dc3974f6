"""The coordinator's worklist: every field of a fund that waits for an officer, filtered, counted, exported."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from sanphalang.thai.dates import format_be_date
from sanphalang.web.areas import area_label
from sanphalang.web.listing import Column, export_format, export_streamed, paginate

from ..forms.worklist import WorklistFilterForm
from ..linkage.records import FIELD_LABELS
from ..selectors import worklist as selectors


def _said(row) -> str:
    return "; ".join(f"{v.source}: {v.value if v.value is not None else _('missing')}" for v in row.shown)


LIST_COLUMNS = [
    Column("fund", _("Fund"), lambda r: r.fund.name_th, "fund__sort_key"),
    Column("area", _("Area"), lambda r: area_label(r.fund.area), "fund__area_id"),
    Column("field", _("Field"), lambda r: FIELD_LABELS[r.field], "field"),
    Column("kind", _("Kind"), lambda r: r.get_kind_display(), "kind"),
    Column("values", _("What the sources say"), _said),
    Column("opened", _("Open since"), lambda r: format_be_date(r.opened_at), "opened_at"),
]
EXPORT_COLUMNS = [
    Column("fund", _("Fund"), lambda r: r.fund.name_th),
    Column("fund_code", _("Fund code"), lambda r: r.fund.fund_code),
    Column("area_code", _("Area code"), lambda r: r.fund.area_id),
    *LIST_COLUMNS[1:],
]


@login_required
def worklist(request):
    filters = WorklistFilterForm(request.GET or None, user=request.user)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    chosen = {
        "district": criteria["district"].code if criteria.get("district") else None,
        "source": criteria.get("source"),
        "kind": criteria.get("kind") or None,
    }
    rows = selectors.worklist(user=request.user, field=criteria.get("field") or None, **chosen)
    fmt = export_format(request)
    if fmt:
        return export_streamed(
            rows.order_by("fund__sort_key", "fund_id", "field"),
            EXPORT_COLUMNS,
            fmt=fmt,
            filename="welfare-worklist",
            prepare=selectors.shown_values,
        )
    listing = paginate(rows, LIST_COLUMNS, request, default_sort="fund")
    listing.page.object_list = list(listing.page.object_list)
    selectors.shown_values(listing.page.object_list)
    back = request.get_full_path()
    for row in listing.page.object_list:
        row.settle_url = (
            reverse("welfare:fund_settle", args=[row.fund_id])
            + "?"
            + urlencode({"field": row.field, "next": back})
        )
    counts = selectors.worklist_field_counts(selectors.worklist(user=request.user, **chosen))
    params = request.GET.copy()
    for key in ("field", "page", "export"):
        params.pop(key, None)
    return render(
        request,
        "welfare/worklist.html",
        {
            "nav_active": "welfare",
            "filters": filters,
            "listing": listing,
            "field_counts": counts,
            "field_querystring": params.urlencode(),
            "chosen_field": criteria.get("field") or "",
        },
    )
