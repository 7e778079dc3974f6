from django.urls import path

from . import urls_audits, views, views_sources

app_name = "welfare"
urlpatterns = [
    path("", views.fund_list, name="fund_list"),
    path("funds/<int:pk>/", views.fund_detail, name="fund_detail"),
    path("funds/<int:pk>/settle/", views.fund_settle, name="fund_settle"),
    path("rollup/", views.rollup, name="rollup"),
    path("sources/", views_sources.source_list, name="source_list"),
    path("reconcile/", views_sources.reconcile, name="reconcile"),
    path("review/", views_sources.review_queue, name="review_queue"),
    path("review/<int:pk>/", views_sources.review_decide, name="review_decide"),
]
urlpatterns += urls_audits.urlpatterns
