"""Correcting what was recorded: edit pages and removals of the parts of meetings and bodies."""

from django.urls import path

from . import views_edits as views

urlpatterns = [
    path("agenda/<int:pk>/edit/", views.agenda_item_update, name="agenda_item_update"),
    path("agenda/<int:pk>/remove/", views.agenda_item_remove, name="agenda_item_remove"),
    path("attendance/<int:pk>/edit/", views.attendance_update, name="attendance_update"),
    path("attendance/<int:pk>/remove/", views.attendance_remove, name="attendance_remove"),
    path("resolutions/<int:pk>/edit/", views.resolution_update, name="resolution_update"),
    path("resolutions/<int:pk>/remove/", views.resolution_remove, name="resolution_remove"),
    path("actions/<int:pk>/edit/", views.action_item_update, name="action_item_update"),
    path("actions/<int:pk>/remove/", views.action_item_remove, name="action_item_remove"),
    path("members/<int:pk>/edit/", views.membership_update, name="membership_update"),
    path("members/<int:pk>/remove/", views.membership_remove, name="membership_remove"),
    path("invitations/<int:pk>/edit/", views.invitation_update, name="invitation_update"),
    path("invitations/<int:pk>/remove/", views.invitation_remove, name="invitation_remove"),
    path("attachments/<int:pk>/remove/", views.attachment_remove, name="attachment_remove"),
]
