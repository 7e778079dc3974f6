"""Pages to browse and search the areas of Thailand."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from . import selectors


@login_required
def index(request):
    return render(request, "areas/index.html", {"provinces": selectors.province_list(), "nav_active": "areas"})


@login_required
def detail(request, code: str):
    area = selectors.area_get(code=code)
    return render(request, "areas/detail.html", {"area": area, "children": selectors.area_children(area=area),
                                                 "path": selectors.area_path(area), "nav_active": "areas"})
