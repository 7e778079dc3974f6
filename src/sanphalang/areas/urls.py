"""URLs of the area pages. Region paths come before the area code catch-all."""

from django.urls import path

from . import views

app_name = "areas"
urlpatterns = [
    path("", views.index, name="index"),
    path("search/", views.search, name="search"),
    path("regions/", views.region_list, name="region_list"),
    path("regions/new/", views.region_create, name="region_create"),
    path("regions/<slug:slug>/", views.region_detail, name="region_detail"),
    path("regions/<slug:slug>/edit/", views.region_edit, name="region_edit"),
    path("<str:code>/", views.detail, name="detail"),
    path("<str:code>/villages/", views.village_add, name="village_add"),
]
