"""The working pages of the meetings app: bodies, meetings, action items, letters and the inbox."""

from django.urls import path

from . import views_actions, views_bodies, views_letters, views_meetings, views_notifications

urlpatterns = [
    path("", views_meetings.meeting_list, name="meeting_list"),
    path("new/", views_meetings.meeting_create, name="meeting_create"),
    path("<int:pk>/", views_meetings.meeting_detail, name="meeting_detail"),
    path("<int:pk>/edit/", views_meetings.meeting_update, name="meeting_update"),
    path("<int:pk>/minutes/", views_meetings.meeting_minutes, name="meeting_minutes"),
    path("<int:pk>/agenda/", views_meetings.agenda_item_create, name="agenda_item_create"),
    path("<int:pk>/invitations/", views_meetings.invitation_create, name="invitation_create"),
    path("<int:pk>/attendance/", views_meetings.attendance_create, name="attendance_create"),
    path("<int:pk>/resolutions/", views_meetings.resolution_create, name="resolution_create"),
    path("<int:pk>/resolutions/<int:resolution_pk>/actions/", views_meetings.action_item_create,
         name="action_item_create"),
    path("<int:pk>/attachments/", views_meetings.meeting_attachment_create, name="meeting_attachment_create"),
    path("attachments/<int:pk>/", views_meetings.attachment_download, name="attachment_download"),
    path("bodies/", views_bodies.body_list, name="body_list"),
    path("bodies/new/", views_bodies.body_create, name="body_create"),
    path("bodies/<int:pk>/", views_bodies.body_detail, name="body_detail"),
    path("bodies/<int:pk>/edit/", views_bodies.body_update, name="body_update"),
    path("bodies/<int:pk>/members/", views_bodies.membership_create, name="membership_create"),
    path("actions/", views_actions.action_item_list, name="action_item_list"),
    path("actions/overdue/", views_actions.overdue_by_owner, name="overdue_by_owner"),
    path("actions/<int:pk>/", views_actions.action_item_detail, name="action_item_detail"),
    path("letters/", views_letters.letter_list, name="letter_list"),
    path("letters/new/", views_letters.letter_create, name="letter_create"),
    path("letters/<int:pk>/", views_letters.letter_detail, name="letter_detail"),
    path("letters/<int:pk>/edit/", views_letters.letter_update, name="letter_update"),
    path("letters/<int:pk>/attachments/", views_letters.letter_attachment_create, name="letter_attachment_create"),
    path("notifications/", views_notifications.notification_list, name="notification_list"),
    path("notifications/read/", views_notifications.notification_mark_read, name="notification_mark_read"),
]
