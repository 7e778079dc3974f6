"""Routes of the welfare pages: the fund registry, figures, sources and reconciling, and audit visits."""

from django.urls import path

from .views import audits, directory_entry, figures, reconcile, registry, settle, sources, worklist

app_name = "welfare"
urlpatterns = [
    path("", registry.fund_list, name="fund_list"),
    path("funds/new/", registry.fund_create, name="fund_create"),
    path("funds/area-options/", registry.area_options, name="fund_area_options"),
    path("funds/entry-options/", registry.FundEntrySearch.as_view(), name="fund_entry_options"),
    path("funds/district-options/", registry.DistrictSearch.as_view(), name="district_options"),
    path("funds/source-options/", registry.SourceSearch.as_view(), name="source_options"),
    path("funds/<int:pk>/", registry.fund_detail, name="fund_detail"),
    path("funds/<int:pk>/edit/", registry.fund_update, name="fund_update"),
    path("funds/<int:pk>/settle/", settle.fund_settle, name="fund_settle"),
    path("funds/<int:pk>/entry/", directory_entry.fund_entry_link, name="fund_entry_link"),
    path("funds/<int:pk>/years/new/", figures.fund_year_edit, name="fund_year_add"),
    path("funds/<int:pk>/years/<int:year_be>/", figures.fund_year_edit, name="fund_year_edit"),
    path("funds/<int:pk>/years/<int:year_be>/delete/", figures.fund_year_delete, name="fund_year_delete"),
    path("rollup/", figures.rollup, name="rollup"),
    path("worklist/", worklist.worklist, name="worklist"),
    path("sources/", sources.source_list, name="source_list"),
    path("sources/uploads/<int:pk>/", sources.source_upload, name="source_upload"),
    path("reconcile/", reconcile.reconcile, name="reconcile"),
    path("reconcile/all/", reconcile.reconcile_all, name="reconcile_all"),
    path("review/", reconcile.review_queue, name="review_queue"),
    path("review/<int:pk>/", reconcile.review_decide, name="review_decide"),
    path("audits/", audits.round_list, name="audit_round_list"),
    path("audits/new/", audits.round_create, name="audit_round_create"),
    path("audits/<int:pk>/", audits.round_detail, name="audit_round_detail"),
    path("audits/<int:pk>/edit/", audits.round_edit, name="audit_round_edit"),
    path("audits/<int:pk>/plan/", audits.round_plan, name="audit_round_plan"),
    path("audits/<int:pk>/fund-options/", audits.PlannableFundSearch.as_view(), name="audit_fund_options"),
    path("audits/visits/<int:pk>/", audits.visit_detail, name="audit_visit_detail"),
    path("audits/visits/<int:pk>/record/", audits.visit_record, name="audit_visit_record"),
    path("audits/visits/<int:pk>/edit/", audits.visit_edit, name="audit_visit_edit"),
    path("audits/visits/<int:pk>/remove/", audits.visit_remove, name="audit_visit_remove"),
    path("audits/visits/<int:pk>/findings/", audits.finding_add, name="audit_finding_add"),
    path("audits/findings/<int:pk>/close/", audits.finding_close, name="audit_finding_close"),
    path("audits/findings/<int:pk>/settle/", audits.finding_settle, name="audit_finding_settle"),
]
