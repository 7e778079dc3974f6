"""Routes of the plans pages: plans and agreements, projects and targets, progress and approvals, charters and
registrations, and the overviews of a province, an area and a region."""

from django.urls import path

from .views import agreements, overview, plans, progress, projects, stages, targets

app_name = "plans"


def _staged(prefix: str, kind: str) -> list:
    """The routes of one kind of staged record: its list, its page, its edits and the stages it reaches."""
    kind_of = {"kind": kind}
    return [
        path(f"{prefix}/", stages.record_list, kind_of, name=f"{kind}_list"),
        path(f"{prefix}/new/", stages.record_create, kind_of, name=f"{kind}_create"),
        path(f"{prefix}/<int:pk>/", stages.record_detail, kind_of, name=f"{kind}_detail"),
        path(f"{prefix}/<int:pk>/edit/", stages.record_update, kind_of, name=f"{kind}_update"),
        path(f"{prefix}/<int:pk>/delete/", stages.record_delete, kind_of, name=f"{kind}_delete"),
        path(f"{prefix}/<int:pk>/stages/", stages.stage_record, kind_of, name=f"{kind}_stage_record"),
        path(f"{prefix}/stages/<int:pk>/remove/", stages.stage_remove, kind_of, name=f"{kind}_stage_remove"),
        path(f"{prefix}/stages/<int:pk>/document/", stages.stage_document, kind_of, name=f"{kind}_document"),
    ]


urlpatterns = [
    *_staged("charters", "charter"),
    *_staged("registrations", "registration"),
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
    path("", plans.plan_list, name="plan_list"),
    path("new/", plans.plan_create, name="plan_create"),
    path("<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("<int:pk>/edit/", plans.plan_update, name="plan_update"),
    path("<int:pk>/delete/", plans.plan_delete, name="plan_delete"),
    path("<int:pk>/history/", plans.plan_history, name="plan_history"),
    path("<int:pk>/main-works/", plans.main_work_create, name="main_work_create"),
    path("main-works/<int:pk>/edit/", plans.main_work_update, name="main_work_update"),
    path("main-works/<int:pk>/remove/", plans.main_work_remove, name="main_work_remove"),
    path("agreements/", agreements.agreement_list, name="agreement_list"),
    path("agreements/new/", agreements.agreement_create, name="agreement_create"),
    path("agreements/<int:pk>/", agreements.agreement_detail, name="agreement_detail"),
    path("agreements/<int:pk>/edit/", agreements.agreement_update, name="agreement_update"),
    path("agreements/<int:pk>/delete/", agreements.agreement_delete, name="agreement_delete"),
    path("agreements/<int:pk>/parties/", agreements.party_create, name="party_create"),
    path("agreements/<int:pk>/signatories/", agreements.signatory_create, name="signatory_create"),
    path("agreements/<int:pk>/documents/", agreements.document_create, name="document_create"),
    path("parties/<int:pk>/edit/", agreements.party_update, name="party_update"),
    path("parties/<int:pk>/remove/", agreements.party_remove, name="party_remove"),
    path("signatories/<int:pk>/edit/", agreements.signatory_update, name="signatory_update"),
    path("signatories/<int:pk>/remove/", agreements.signatory_remove, name="signatory_remove"),
    path("documents/<int:pk>/", agreements.document_download, name="document_download"),
    path("documents/<int:pk>/remove/", agreements.document_remove, name="document_remove"),
]
