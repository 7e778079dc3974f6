"""The reports app's pages: dashboards, maps, chart exports, comparisons and the quarterly reports."""

from django.urls import path

from .views import boundaries, charts, comparisons, dashboards, exports, quarterly

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
    path("governor/", quarterly.report_list, name="quarterly_list"),
    path("governor/<int:pk>/", quarterly.report_detail, name="quarterly_detail"),
    path("governor/<int:pk>/edit/", quarterly.report_edit, name="quarterly_edit"),
    path("governor/<int:pk>/build/", quarterly.report_build, name="quarterly_build"),
    path("governor/<int:pk>/issue/", quarterly.report_issue, name="quarterly_issue"),
    path("governor/<int:pk>/draft.<str:fmt>", quarterly.report_download, name="quarterly_draft_download"),
    path(
        "governor/<int:pk>/editions/<int:number>.<str:fmt>",
        quarterly.report_download,
        name="quarterly_download",
    ),
    path("dashboards/", dashboards.dashboard_home, name="dashboard_home"),
    path("dashboards/<str:code>/", dashboards.dashboard, name="dashboard"),
    path("dashboards/<str:code>/data.xlsx", exports.dashboard_export, name="dashboard_export"),
    path("dashboards/<str:code>/charts/<str:chart>.<str:fmt>", exports.chart_export, name="chart_export"),
]
