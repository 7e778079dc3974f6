"""Documents made from meetings: printed minutes and agenda, and a body's calendar feed."""

from django.urls import path

from . import views_documents as views

urlpatterns = [
    path("<int:pk>/minutes.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("<int:pk>/minutes.docx", views.minutes_docx, name="minutes_docx"),
    path("<int:pk>/agenda.pdf", views.agenda_pdf, name="agenda_pdf"),
    path("<int:pk>/agenda.docx", views.agenda_docx, name="agenda_docx"),
    path("bodies/<int:pk>/calendar.ics", views.body_calendar, name="body_calendar"),
]
