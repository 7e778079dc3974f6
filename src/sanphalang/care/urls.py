"""The care app's pages: households, cases (their caseload and referrals), their members and their rights to their data, disaster-risk areas and incidents,
legal status cases and housing works."""

from django.urls import path

from .views import cases, households, housing, privacy, risks, status

app_name = "care"

urlpatterns = [
    path("households/<int:pk>/access-log/", privacy.household_access_log, name="household_access_log"),
    path("households/<int:pk>/export/", privacy.household_export, name="household_export"),
    path("households/<int:pk>/anonymise/", privacy.household_anonymise, name="household_anonymise"),
    # Disaster-risk areas and incidents (S6)
    path("risks/", risks.risk_area_list, name="risk_area_list"),
    path("risks/new/", risks.risk_area_create, name="risk_area_create"),
    path("risks/calendar/", risks.risk_calendar, name="risk_calendar"),
    path("risks/<int:pk>/", risks.risk_area_detail, name="risk_area_detail"),
    path("risks/<int:pk>/edit/", risks.risk_area_update, name="risk_area_update"),
    path("risks/<int:pk>/delete/", risks.risk_area_delete, name="risk_area_delete"),
    path("incidents/new/", risks.incident_create, name="incident_create"),
    path("incidents/<int:pk>/", risks.incident_detail, name="incident_detail"),
    path("incidents/<int:pk>/edit/", risks.incident_update, name="incident_update"),
    path("incidents/<int:pk>/households/", risks.affected_create, name="affected_create"),
    path("incidents/households/<int:pk>/remove/", risks.affected_remove, name="affected_remove"),
    # Legal status cases (S8)
    path("status/", status.status_case_list, name="status_case_list"),
    path("status/stuck/", status.status_stuck, name="status_stuck"),
    path("status/open/<int:member_pk>/", status.status_case_create, name="status_case_create"),
    path("status/<int:pk>/", status.status_case_detail, name="status_case_detail"),
    path("status/<int:pk>/edit/", status.status_case_update, name="status_case_update"),
    path("status/<int:pk>/steps/", status.status_step_create, name="status_step_create"),
    path("status/<int:pk>/documents/", status.status_document_create, name="status_document_create"),
    path("status/documents/<int:pk>/", status.status_document_download, name="status_document_download"),
    path("status/documents/<int:pk>/remove/", status.status_document_remove, name="status_document_remove"),
    # Housing works
    path("housing/", housing.housing_list, name="housing_list"),
    path("housing/new/", housing.housing_create, name="housing_create"),
    path("housing/<int:pk>/", housing.housing_detail, name="housing_detail"),
    path("housing/<int:pk>/edit/", housing.housing_update, name="housing_update"),
    path("housing/<int:pk>/move/", housing.housing_move, name="housing_move"),
    path("households/", households.household_search, name="household_search"),
    path("households/new/", households.household_register, name="household_register"),
    path("households/counts/", households.household_counts, name="household_counts"),
    path("households/<int:pk>/", households.household_detail, name="household_detail"),
    path("households/<int:pk>/edit/", households.household_edit, name="household_edit"),
    path("households/<int:pk>/members/new/", households.member_add, name="member_add"),
    path("members/<int:pk>/edit/", households.member_edit, name="member_edit"),
    path("members/<int:pk>/remove/", households.member_remove, name="member_remove"),
    path("cases/", cases.case_list, name="case_list"),
    path("caseload/", cases.caseload, name="caseload"),
    path("referrals/inbox/", cases.referral_inbox, name="referral_inbox"),
    path("households/<int:pk>/cases/new/", cases.case_open, name="case_open"),
    path("cases/<int:pk>/", cases.case_detail, name="case_detail"),
    path("cases/<int:pk>/assessments/new/", cases.assessment_create, name="assessment_create"),
    path("cases/<int:pk>/help/new/", cases.help_create, name="help_create"),
    path("cases/<int:pk>/referrals/new/", cases.referral_create, name="referral_create"),
    path("cases/<int:pk>/follow-ups/new/", cases.follow_up_create, name="follow_up_create"),
    path("cases/<int:pk>/plan/", cases.plan_submit, name="plan_submit"),
    path("cases/<int:pk>/plan/decide/", cases.plan_decide, name="plan_decide"),
    path("cases/<int:pk>/close/", cases.close_request, name="close_request"),
    path("cases/<int:pk>/close/decide/", cases.close_decide, name="close_decide"),
    path("cases/<int:pk>/reopen/", cases.case_reopen, name="case_reopen"),
    path("referrals/<int:pk>/answer/", cases.referral_answer, name="referral_answer"),
    path("referrals/<int:pk>/revoke/", cases.referral_revoke, name="referral_revoke"),
    path("follow-ups/<int:pk>/done/", cases.follow_up_done, name="follow_up_done"),
]
