from django.urls import path

from . import autocomplete, views, views_issues, views_organisations, views_people

app_name = "directory"
urlpatterns = [
    path("organisations/", views_organisations.organisation_list, name="organisation_list"),
    path(
        "organisations/search/", autocomplete.OrganisationSearch.as_view(), name="organisation_autocomplete"
    ),
    path(
        "organisations/search/<str:kind>/",
        autocomplete.OrganisationSearch.as_view(),
        name="organisation_autocomplete_kind",
    ),
    path("organisations/new/", views_organisations.organisation_create, name="organisation_create"),
    path("organisations/<int:pk>/", views_organisations.organisation_detail, name="organisation_detail"),
    path("organisations/<int:pk>/edit/", views_organisations.organisation_update, name="organisation_update"),
    path(
        "organisations/<int:pk>/delete/", views_organisations.organisation_delete, name="organisation_delete"
    ),
    path(
        "organisations/<int:pk>/history/",
        views_organisations.organisation_history,
        name="organisation_history",
    ),
    path("people/", views_people.person_list, name="person_list"),
    path("people/search/", autocomplete.PersonSearch.as_view(), name="person_autocomplete"),
    path("people/new/", views_people.person_create, name="person_create"),
    path("people/<int:pk>/", views_people.person_detail, name="person_detail"),
    path("people/<int:pk>/edit/", views_people.person_update, name="person_update"),
    path("people/<int:pk>/erase/", views_people.person_erase, name="person_erase"),
    path("people/<int:pk>/history/", views_people.person_history, name="person_history"),
    path("people/<int:pk>/positions/", views_people.position_create, name="position_create"),
    path("people/<int:pk>/positions/<int:position_pk>/end/", views_people.position_end, name="position_end"),
    path(
        "people/<int:pk>/positions/<int:position_pk>/delete/",
        views_people.position_delete,
        name="position_delete",
    ),
    path("issues/", views_issues.issue_area_list, name="issue_area_list"),
    path("issues/new/", views_issues.issue_area_create, name="issue_area_create"),
    path("issues/<int:pk>/edit/", views_issues.issue_area_update, name="issue_area_update"),
    path("area-options/", views.area_options, name="area_options"),
]
