"""Routes of the care pages."""

from django.urls import path

from .views import fund

app_name = "care"

urlpatterns = [
    # The provincial social development fund (S5)
    path("funds/", fund.fund_list, name="fund_list"),
    path("funds/new/", fund.fund_create, name="fund_create"),
    path("funds/awaiting/", fund.requests_awaiting, name="fund_requests_awaiting"),
    path("funds/<int:pk>/", fund.fund_detail, name="fund_detail"),
    path("funds/<int:pk>/edit/", fund.fund_update, name="fund_update"),
    path("funds/<int:pk>/ledger/", fund.fund_ledger, name="fund_ledger"),
    path("funds/<int:pk>/report/", fund.fund_report, name="fund_report"),
    path("funds/<int:pk>/donations/new/", fund.donation_record, name="fund_donation_record"),
    path("funds/<int:pk>/grants/new/", fund.grant_record, name="fund_grant_record"),
    path("funds/entries/<int:pk>/reverse/", fund.entry_reverse, name="fund_entry_reverse"),
    path("funds/cases/<int:pk>/request/", fund.request_create, name="fund_request_create"),
    path("funds/requests/<int:pk>/", fund.request_detail, name="fund_request_detail"),
    path("funds/requests/<int:pk>/decide/", fund.request_decide, name="fund_request_decide"),
    path("funds/requests/<int:pk>/pay/", fund.request_pay, name="fund_request_pay"),
    path("funds/requests/<int:pk>/withdraw/", fund.request_withdraw, name="fund_request_withdraw"),
]
