"""Pages of the plans app: projects and their budgets, targets and their split over areas."""

from django.urls import path

from .views import projects, targets

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
]
