"""The area finder the directory's forms use: options for the area-code field as the user types."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from sanphalang.areas.selectors import area_search
from sanphalang.web.areas import AREA_OPTION_LIMIT, area_label


@login_required
def area_options(request):
    """Options for the area-code datalist, fetched by HTMX as the user types a name or code."""
    query = request.GET.get("area_code", "").strip() or request.GET.get("q", "").strip()
    areas = area_search(query=query)[:AREA_OPTION_LIMIT] if query else []
    return render(request, "directory/area_options.html", {"areas": [(a.code, area_label(a)) for a in areas]})
