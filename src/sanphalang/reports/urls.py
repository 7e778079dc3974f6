"""The reports app's pages: dashboards, maps, chart exports, comparisons and the quarterly reports."""

from django.urls import path

from .views import boundaries, charts, comparisons

app_name = "reports"

urlpatterns = [
    path("charts-<str:version>.js", charts.chart_library, name="chart_library"),
    # boundaries and comparisons
    path("boundaries/", boundaries.boundary_list, name="boundary_list"),
    path("boundaries/remove/", boundaries.boundary_remove, name="boundary_remove"),
    path("boundaries/import/", boundaries.boundary_import, name="boundary_import"),
    path("boundaries/import/<int:pk>/", boundaries.boundary_upload, name="boundary_upload"),
    path("boundaries/import/<int:pk>/confirm/", boundaries.boundary_confirm, name="boundary_confirm"),
    path("comparisons/<slug:region>/", comparisons.comparison, name="comparison"),
]
