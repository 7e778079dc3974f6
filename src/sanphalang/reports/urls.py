"""The reports app's pages: dashboards, maps, chart exports, comparisons and the quarterly reports."""

from django.urls import path

from .views import charts

app_name = "reports"

urlpatterns = [
    path("charts-<str:version>.js", charts.chart_library, name="chart_library"),
]
