"""Who may see and change the meetings app's records: everything belongs to a body, and the body's area decides;
a partner agency's user also sees and reports on the action items its organisation owns."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from django.db.models import Model, Q
from django.http import Http404

from sanphalang.accounts.models import Role
from sanphalang.areas.scoping import can_write_area, require_write, scope_for
from sanphalang.errors import Access

if TYPE_CHECKING:
    from sanphalang.accounts.models import User

    from .models import ActionItem, Body

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


def _is_partner(user: User) -> bool:
    return bool(user and user.is_authenticated and user.is_active and not user.is_administrator) and (
        user.role == Role.PARTNER
    )


def owning_organisation_id(user: User) -> int | None:
    """The organisation whose action items a partner agency's user sees and reports on, wherever they are."""
    return user.organisation_id if _is_partner(user) else None


def action_item_visible_q(user: User, prefix: str = "") -> Q:
    """Action items of the bodies the user sees, and a partner's organisation's own items (prefix leads to the
    item). A national scope is the empty Q(), which an OR would drop, so it is returned alone."""
    seen = visible_q(user, f"{prefix}body__area_id")
    organisation = owning_organisation_id(user)
    if organisation is None or scope_for(user).national:
        return seen
    return seen | Q(**{f"{prefix}owner_organisation_id": organisation})


def can_report_on(user: User, item: ActionItem) -> bool:
    """Whether the user may record progress, an outcome and done on the item: whoever may change its body, and a
    partner agency's user on the items their organisation owns (and only those)."""
    if _is_partner(user):
        return bool(user.organisation_id) and item.owner_organisation_id == user.organisation_id
    return can_change_body(user, item.body)


def require_report_on(user: User, item: ActionItem) -> None:
    """Raise AccessDenied unless can_report_on: a partner is told whose item it is, anyone else why they cannot
    change the body's records."""
    if can_report_on(user, item):
        return
    if _is_partner(user):
        raise Access.NOT_THE_OWNER_ORGANISATION.denied()
    require_change_body(user, item.body)


def require_may_cancel(user: User, item: ActionItem) -> None:
    """Cancelling ends a series, which is the body's decision: those who may change its body, never a partner."""
    if _is_partner(user):
        require_report_on(user, item)  # another organisation's item is refused as such
        raise Access.ONLY_COORDINATORS_CANCEL.denied()
    require_change_body(user, item.body)


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
