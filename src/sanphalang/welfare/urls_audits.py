"""Routes of the audit pages, added to the welfare app's routes (app_name "welfare")."""

from django.urls import path

from . import views_audits

urlpatterns = [
    path("audits/", views_audits.round_list, name="audit_round_list"),
    path("audits/new/", views_audits.round_create, name="audit_round_create"),
    path("audits/<int:pk>/", views_audits.round_detail, name="audit_round_detail"),
    path("audits/<int:pk>/edit/", views_audits.round_edit, name="audit_round_edit"),
    path("audits/<int:pk>/plan/", views_audits.round_plan, name="audit_round_plan"),
    path("audits/visits/<int:pk>/", views_audits.visit_detail, name="audit_visit_detail"),
    path("audits/visits/<int:pk>/record/", views_audits.visit_record, name="audit_visit_record"),
    path("audits/visits/<int:pk>/edit/", views_audits.visit_edit, name="audit_visit_edit"),
    path("audits/visits/<int:pk>/remove/", views_audits.visit_remove, name="audit_visit_remove"),
    path("audits/visits/<int:pk>/findings/", views_audits.finding_add, name="audit_finding_add"),
    path("audits/findings/<int:pk>/close/", views_audits.finding_close, name="audit_finding_close"),
    path("audits/findings/<int:pk>/settle/", views_audits.finding_settle, name="audit_finding_settle"),
]
