"""The chart library for the pages: vega-embed, Vega-Lite and Vega from the vl-convert wheel, built once per
process and cached by browsers for a year (its URL carries the library's version)."""

from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from ..charts import browser_bundle


@require_GET
@cache_control(public=True, max_age=365 * 24 * 3600, immutable=True)
def chart_library(request, version: str):
    return HttpResponse(browser_bundle(), content_type="text/javascript; charset=utf-8")
