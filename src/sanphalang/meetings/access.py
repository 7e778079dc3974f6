"""Who may see and change the meetings app's records: everything belongs to a body, and the body's area decides."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from django.db.models import Model, Q
from django.http import Http404

from sanphalang.areas.scoping import can_write_area, require_write, scope_for

if TYPE_CHECKING:
    from sanphalang.accounts.models import User

    from .models import Body

M = TypeVar("M", bound=Model)


def visible_q(user: User, field: str) -> Q:
    """Records of bodies in the user's areas and in the areas above them: a district sees its province's council
    (field holds the body's area code)."""
    return scope_for(user).with_ancestors_q(field)


def changeable_bodies_q(user: User, field: str = "area_id") -> Q:
    """Bodies the user's own areas hold: a district sees its province's council but cannot add to it."""
    return scope_for(user).subtree_q(field)


def can_change_body(user: User, body: Body) -> bool:
    return can_write_area(user, body.area_id)


def require_change_body(user: User, body: Body) -> None:
    """Raise AccessDenied unless the user may change the records of this body."""
    require_write(user, body.area_id)


def visible_get(
    model: type[M], *, user: User, pk: int | str, area_field: str, related: tuple[str, ...] = (), **filters
) -> M:
    """One record as visible as the body it belongs to (area_field leads to the body's area); anything else,
    including a malformed id, is not found."""
    qs = model.objects.filter(visible_q(user, area_field), **filters).select_related(*related)
    try:
        return qs.get(pk=pk)
    except (model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
