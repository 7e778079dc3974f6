"""Pages of the plans app: plans and their main works, agreements with their parties, signatories and
documents."""

from django.urls import path

from .views import agreements, plans

app_name = "plans"
urlpatterns = [
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
