"""Reads of the boundary import: an administrator's uploads, their latest jobs, and which levels have outlines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count
from django.http import Http404

from sanphalang.areas.models import Area
from sanphalang.jobs.models import Job
from sanphalang.jobs.selectors import job_get

from ..access import require_boundary_import
from ..models import Boundary, BoundaryUpload
from ..services.boundaries import LEVELS

if TYPE_CHECKING:
    from sanphalang.accounts.models import User


def boundary_upload_get(*, user: User, upload_pk: int) -> BoundaryUpload:
    """An upload of the administrator's own; any other is not found."""
    require_boundary_import(user)
    upload = BoundaryUpload.objects.filter(pk=upload_pk, user=user).defer("data").first()
    if upload is None:
        raise Http404
    return upload


def boundary_job_latest(*, user: User, upload: BoundaryUpload, kind: str) -> Job | None:
    require_boundary_import(user)
    job = (
        Job.objects.filter(user=user, kind=kind, params__upload=upload.pk)
        .order_by("-created_at", "-id")
        .first()
    )
    return job_get(user=user, pk=job.pk) if job else None


def boundary_levels(*, user: User) -> list[dict]:
    """For each level: how many areas it has and how many of them have an outline."""
    require_boundary_import(user)
    areas = dict(
        Area.objects.filter(level__in=LEVELS, is_active=True)
        .values_list("level")
        .order_by()
        .annotate(n=Count("pk"))
    )
    outlined = dict(Boundary.objects.values_list("area__level").order_by().annotate(n=Count("pk")))
    return [
        {
            "level": level.value,
            "label": level.label,
            "areas": areas.get(level, 0),
            "outlines": outlined.get(level, 0),
        }
        for level in LEVELS
        if areas.get(level) or outlined.get(level)
    ]
