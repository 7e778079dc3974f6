from django.urls import path

from . import views

app_name = "directory"
urlpatterns = [
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("people/", views.person_list, name="person_list"),
    path("issues/", views.issue_area_list, name="issue_area_list"),
]
