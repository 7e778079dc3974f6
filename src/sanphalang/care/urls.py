"""Routes of the care pages: households and their members."""

from django.urls import path

from .views import households

app_name = "care"

urlpatterns = [
    path("households/", households.household_search, name="household_search"),
    path("households/new/", households.household_register, name="household_register"),
    path("households/counts/", households.household_counts, name="household_counts"),
    path("households/<int:pk>/", households.household_detail, name="household_detail"),
    path("households/<int:pk>/edit/", households.household_edit, name="household_edit"),
    path("households/<int:pk>/members/new/", households.member_add, name="member_add"),
    path("members/<int:pk>/edit/", households.member_edit, name="member_edit"),
    path("members/<int:pk>/remove/", households.member_remove, name="member_remove"),
]
