from django.urls import path

from . import urls_audits, views, views_figures, views_sources
from .views_registry import FundEntrySearch, fund_create, fund_update
from .views_registry import area_options as fund_area_options

app_name = "welfare"
urlpatterns = [
    path("", views.fund_list, name="fund_list"),
    path("funds/new/", fund_create, name="fund_create"),
    path("funds/area-options/", fund_area_options, name="fund_area_options"),
    path("funds/entry-options/", FundEntrySearch.as_view(), name="fund_entry_options"),
    path("funds/<int:pk>/", views.fund_detail, name="fund_detail"),
    path("funds/<int:pk>/edit/", fund_update, name="fund_update"),
    path("funds/<int:pk>/settle/", views.fund_settle, name="fund_settle"),
    path("funds/<int:pk>/years/new/", views_figures.fund_year_edit, name="fund_year_add"),
    path("funds/<int:pk>/years/<int:year_be>/", views_figures.fund_year_edit, name="fund_year_edit"),
    path("funds/<int:pk>/years/<int:year_be>/delete/", views_figures.fund_year_delete, name="fund_year_delete"),
    path("rollup/", views.rollup, name="rollup"),
    path("sources/", views_sources.source_list, name="source_list"),
    path("sources/uploads/<int:pk>/", views_sources.source_upload, name="source_upload"),
    path("reconcile/", views_sources.reconcile, name="reconcile"),
    path("review/", views_sources.review_queue, name="review_queue"),
    path("review/<int:pk>/", views_sources.review_decide, name="review_decide"),
]
urlpatterns += urls_audits.urlpatterns
