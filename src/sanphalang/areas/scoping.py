"""Area-scoped access: which areas a user may read and write, as prefix filters on indexed code columns."""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Case, IntegerField, Q, Value, When

from sanphalang.errors import Access, AccessDenied

from .models import ancestor_codes


def _lookup(field: str) -> str:
    """Prefix lookups cannot follow a foreign key's "_id" column; its target's pk reads the same column."""
    return f"{field[:-3]}__pk" if field.endswith("_id") else field


@dataclass(frozen=True)
class AreaScope:
    """The areas a user works in. national means all of Thailand."""

    national: bool
    prefixes: tuple[str, ...]

    def covers(self, code: str | None) -> bool:
        if self.national:
            return True
        if not code:
            return False
        return any(code.startswith(prefix) for prefix in self.prefixes)

    def subtree_q(self, field: str) -> Q:
        """Rows whose area (field holds the code) lies in one of the user's areas or below."""
        if self.national:
            return Q()
        if not self.prefixes:
            return Q(pk__in=[])
        lookup = _lookup(field)
        return reduce(or_, (Q(**{f"{lookup}__startswith": prefix}) for prefix in self.prefixes))

    def with_ancestors_q(self, field: str) -> Q:
        """The subtree plus the areas above it, for shared records such as the province's agencies."""
        if self.national:
            return Q()
        above = {code for prefix in self.prefixes for code in ancestor_codes(prefix)}
        return self.subtree_q(field) | Q(**{f"{_lookup(field)}__in": sorted(above)})

    def nearness(self, field: str) -> Case | Value:
        """An ordering of rows by how near their area (field holds the code) is to the user's: 0 inside the user's
        areas, then 1, 2… for the areas above them, nearest first (a district's province before the country), then
        the rest. A picker suggests the user's own provincial office before the national ministry (issue 14)."""
        if self.national:
            return Value(0)
        steps_up: dict[str, int] = {}
        for prefix in self.prefixes:
            for steps, code in enumerate(reversed(ancestor_codes(prefix)), start=1):
                steps_up[code] = min(steps, steps_up.get(code, steps))
        lookup = _lookup(field)
        return Case(
            When(self.subtree_q(field), then=Value(0)),
            *(When(Q(**{lookup: code}), then=Value(steps)) for code, steps in sorted(steps_up.items())),
            default=Value(max(steps_up.values(), default=0) + 1),
            output_field=IntegerField(),
        )

    def covers_with_ancestors(self, code: str | None) -> bool:
        if self.covers(code):
            return True
        return bool(code) and any(code in ancestor_codes(prefix) for prefix in self.prefixes)


def minimal_prefixes(codes) -> tuple[str, ...]:
    """Drop codes that lie under another code of the set."""
    kept: list[str] = []
    for code in sorted(set(codes), key=len):
        if not any(code.startswith(prefix) for prefix in kept):
            kept.append(code)
    return tuple(sorted(kept))


def assigned_codes(user) -> tuple[str, ...]:
    """The codes of the user's area and region assignments, read from the database (for user_refresh_scope)."""
    codes: set[str] = set()
    for assignment in user.area_assignments.select_related("region").prefetch_related("region__provinces"):
        if assignment.area_id:
            codes.add(assignment.area_id)
        elif assignment.region_id:
            codes.update(p.code for p in assignment.region.provinces.all())
    return ("TH",) if "TH" in codes else minimal_prefixes(codes)


def scope_for(user) -> AreaScope:
    """The user's scope, from the codes kept on the user's row; cached on the user object for the request."""
    cached = getattr(user, "_area_scope", None)
    if cached is not None:
        return cached
    if not user or not user.is_authenticated or not user.is_active:
        scope = AreaScope(national=False, prefixes=())
    elif user.is_administrator:
        scope = AreaScope(national=True, prefixes=())
    else:
        codes = tuple(user.scope_codes.split())
        national = "TH" in codes
        scope = AreaScope(national=national, prefixes=() if national else codes)
    user._area_scope = scope
    return scope


def forget_scope(user) -> None:
    if hasattr(user, "_area_scope"):
        del user._area_scope


def area_read_q(user, field: str = "area") -> Q:
    return scope_for(user).subtree_q(field)


def require_read(user, code: str | None, *, include_ancestors: bool = False) -> None:
    scope = scope_for(user)
    allowed = scope.covers_with_ancestors(code) if include_ancestors else scope.covers(code)
    if not allowed:
        raise Access.OUTSIDE_AREA.denied()


def require_write(user, code: str | None) -> None:
    """Raise AccessDenied unless the user may change records of this area."""
    require_writer(user)
    if not scope_for(user).covers(code):
        raise Access.WRITE_OUTSIDE_AREA.denied()


def can_add_records(user) -> bool:
    """Whether the user may add records somewhere: a role that writes, and at least one area."""
    scope = scope_for(user)
    return bool(user and user.is_authenticated and user.can_write and (scope.national or scope.prefixes))


def require_can_add(user) -> None:
    """Raise AccessDenied unless the user may add records in some area (the form then offers only those)."""
    if not can_add_records(user):
        require_write(user, None)


def require_administrator(user, refusal: Access) -> None:
    """Raise the refusal unless the user is an administrator."""
    if not (user and user.is_authenticated and user.is_administrator):
        raise refusal.denied()


def require_writer(user, refusal: Access = Access.READ_ONLY_ROLE) -> None:
    """Refuse a read-only role before any input is read, so that a viewer's request writes and judges nothing."""
    if not (user and user.is_authenticated and user.can_write):
        raise refusal.denied()


def can_write_area(user, code: str | None) -> bool:
    try:
        require_write(user, code)
    except AccessDenied:
        return False
    return True
