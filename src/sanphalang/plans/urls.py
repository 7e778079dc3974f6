"""Routes of the plans pages: plans and agreements, projects and targets, progress and approvals, charters and
registrations, and the overviews of a province, an area and a region."""

from django.urls import path

from .views import overview, progress

app_name = "plans"
urlpatterns = [
    path("targets/<int:pk>/progress/", progress.indicator_progress, name="indicator_progress"),
    path("targets/<int:pk>/progress/new/", progress.entry_create, name="entry_create"),
    path("progress/<int:pk>/edit/", progress.entry_edit, name="entry_edit"),
    path("progress/<int:pk>/delete/", progress.entry_delete, name="entry_delete"),
    path("progress/<int:pk>/evidence/", progress.entry_evidence, name="entry_evidence"),
    path("progress/<int:pk>/approve/", progress.entry_approve, name="entry_approve"),
    path("progress/<int:pk>/return/", progress.entry_return, name="entry_return"),
    path("<int:pk>/approvals/", progress.approvals, name="approvals"),
    path("<int:pk>/periods/<str:period>/approve/", progress.period_approve, name="period_approve"),
    path("<int:pk>/periods/<str:period>/reopen/", progress.period_reopen, name="period_reopen"),
    path("provinces/<str:code>/", overview.province_page, name="province_page"),
    path("areas/<str:code>/", overview.area_page, name="area_page"),
    path("regions/<slug:slug>/", overview.region_page, name="region_page"),
]
