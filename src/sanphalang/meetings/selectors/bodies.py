"""Reads of bodies and their memberships."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from ..access import require_change_body, visible_get, visible_q
from ..models import Body, Membership

if TYPE_CHECKING:
    from sanphalang.accounts.models import User


def body_list(*, user: User, kind: str | None = None, search: str = "") -> QuerySet[Body]:
    qs = Body.objects.filter(visible_q(user, "area_id"))
    if kind:
        qs = qs.filter(kind=kind)
    if search:
        qs = qs.filter(Q(name_th__icontains=search) | Q(name_en__icontains=search))
    return qs.select_related("area", "organisation", "parent").prefetch_related("issue_areas")


def body_get(*, user: User, pk: int) -> Body:
    """A body with its members and working groups, for its page."""
    try:
        return (
            body_list(user=user)
            .prefetch_related(
                Prefetch("memberships", queryset=Membership.objects.select_related("person", "organisation")),
                "working_groups",
            )
            .get(pk=pk)
        )
    except (Body.DoesNotExist, ValueError):
        raise Http404 from None


def body_get_for_change(*, user: User, pk: int) -> Body:
    """A body the user may change: not found outside what they see, refused (AccessDenied) where they only read."""
    body = body_get(user=user, pk=pk)
    require_change_body(user, body)
    return body


def membership_get_for_change(*, user: User, pk: int) -> Membership:
    membership = visible_get(
        Membership,
        user=user,
        pk=pk,
        area_field="body__area_id",
        related=("body__parent", "person", "organisation"),
    )
    require_change_body(user, membership.body)
    return membership
