"""The reports app's pages: dashboards, maps, chart exports, comparisons and the quarterly reports."""

from django.urls import path

from .views import charts, dashboards, exports

app_name = "reports"

urlpatterns = [
    path("charts-<str:version>.js", charts.chart_library, name="chart_library"),
    path("dashboards/", dashboards.dashboard_home, name="dashboard_home"),
    path("dashboards/<str:code>/", dashboards.dashboard, name="dashboard"),
    path("dashboards/<str:code>/data.xlsx", exports.dashboard_export, name="dashboard_export"),
    path("dashboards/<str:code>/charts/<str:chart>.<str:fmt>", exports.chart_export, name="chart_export"),
]
