"""Routes of the plans pages: area charters and registrations."""

from django.urls import path

from .views import stages

app_name = "plans"


def _staged(prefix: str, kind: str) -> list:
    """The routes of one kind of staged record: its list, its page, its edits and the stages it reaches."""
    kind_of = {"kind": kind}
    return [
        path(f"{prefix}/", stages.record_list, kind_of, name=f"{kind}_list"),
        path(f"{prefix}/new/", stages.record_create, kind_of, name=f"{kind}_create"),
        path(f"{prefix}/<int:pk>/", stages.record_detail, kind_of, name=f"{kind}_detail"),
        path(f"{prefix}/<int:pk>/edit/", stages.record_update, kind_of, name=f"{kind}_update"),
        path(f"{prefix}/<int:pk>/delete/", stages.record_delete, kind_of, name=f"{kind}_delete"),
        path(f"{prefix}/<int:pk>/stages/", stages.stage_record, kind_of, name=f"{kind}_stage_record"),
        path(f"{prefix}/stages/<int:pk>/remove/", stages.stage_remove, kind_of, name=f"{kind}_stage_remove"),
        path(f"{prefix}/stages/<int:pk>/document/", stages.stage_document, kind_of, name=f"{kind}_document"),
    ]


urlpatterns = [
    *_staged("charters", "charter"),
    *_staged("registrations", "registration"),
]
