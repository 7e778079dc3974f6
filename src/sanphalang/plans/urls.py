"""Routes of the plans pages: plans and agreements, projects and targets, progress and approvals, charters and
registrations, and the overviews of a province, an area and a region."""

from django.urls import path

from .views import overview, progress, projects, targets

app_name = "plans"
urlpatterns = [
    path("<int:pk>/projects/", projects.project_list, name="project_list"),
    path("<int:pk>/projects/new/", projects.project_create, name="project_create"),
    path("projects/<int:pk>/", projects.project_detail, name="project_detail"),
    path("projects/<int:pk>/edit/", projects.project_update, name="project_update"),
    path("projects/<int:pk>/delete/", projects.project_delete, name="project_delete"),
    path("projects/<int:pk>/budget/", projects.budget_line_create, name="budget_line_create"),
    path("budget-lines/<int:pk>/edit/", projects.budget_line_update, name="budget_line_update"),
    path("budget-lines/<int:pk>/remove/", projects.budget_line_remove, name="budget_line_remove"),
    path("<int:pk>/indicators/", targets.indicator_list, name="indicator_list"),
    path("<int:pk>/indicators/new/", targets.indicator_create, name="indicator_create"),
    path("indicators/<int:pk>/", targets.indicator_detail, name="indicator_detail"),
    path("indicators/<int:pk>/edit/", targets.indicator_update, name="indicator_update"),
    path("indicators/<int:pk>/delete/", targets.indicator_delete, name="indicator_delete"),
    path("indicators/<int:pk>/split/", targets.target_split_edit, name="target_split_edit"),
    path("indicators/<int:pk>/progress/", progress.indicator_progress, name="indicator_progress"),
    path("indicators/<int:pk>/progress/new/", progress.entry_create, name="entry_create"),
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
