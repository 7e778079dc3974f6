from django.urls import path

from . import autocomplete
from .views import areas, issue_areas, organisations, people

app_name = "directory"
urlpatterns = [
    path("organisations/", organisations.organisation_list, name="organisation_list"),
    path(
        "organisations/search/", autocomplete.OrganisationSearch.as_view(), name="organisation_autocomplete"
    ),
    path(
        "organisations/search/<str:kind>/",
        autocomplete.OrganisationSearch.as_view(),
        name="organisation_autocomplete_kind",
    ),
    path("organisations/new/", organisations.organisation_create, name="organisation_create"),
    path("organisations/<int:pk>/", organisations.organisation_detail, name="organisation_detail"),
    path("organisations/<int:pk>/edit/", organisations.organisation_update, name="organisation_update"),
    path("organisations/<int:pk>/delete/", organisations.organisation_delete, name="organisation_delete"),
    path(
        "organisations/<int:pk>/history/",
        organisations.organisation_history,
        name="organisation_history",
    ),
    path("people/", people.person_list, name="person_list"),
    path("people/search/", autocomplete.PersonSearch.as_view(), name="person_autocomplete"),
    path("people/new/", people.person_create, name="person_create"),
    path("people/<int:pk>/", people.person_detail, name="person_detail"),
    path("people/<int:pk>/edit/", people.person_update, name="person_update"),
    path("people/<int:pk>/erase/", people.person_erase, name="person_erase"),
    path("people/<int:pk>/history/", people.person_history, name="person_history"),
    path("people/<int:pk>/positions/", people.position_create, name="position_create"),
    path("people/<int:pk>/positions/<int:position_pk>/end/", people.position_end, name="position_end"),
    path(
        "people/<int:pk>/positions/<int:position_pk>/delete/",
        people.position_delete,
        name="position_delete",
    ),
    path("issues/", issue_areas.issue_area_list, name="issue_area_list"),
    path("issues/new/", issue_areas.issue_area_create, name="issue_area_create"),
    path("issues/<int:pk>/edit/", issue_areas.issue_area_update, name="issue_area_update"),
    path("area-options/", areas.area_options, name="area_options"),
]
