from django.urls import path

from . import views

urlpatterns = [
    path("", views.meeting_list, name="meeting_list"),
    path("actions/", views.action_item_list, name="action_item_list"),
]
