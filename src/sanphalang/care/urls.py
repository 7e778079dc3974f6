"""Routes of the care pages: cases (opened for a household), their actions, the caseload and the referral inbox."""

from django.urls import path

from .views import cases

app_name = "care"

urlpatterns = [
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
