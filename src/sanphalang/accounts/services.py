"""Writes to accounts: users, their areas, preferences and API tokens."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sanphalang.areas.models import Area, Region
from sanphalang.areas.scoping import assigned_codes, forget_scope

from .audit import stamp
from .models import ApiToken, AreaAssignment, Role, hash_token
from .throttle import TooManyBadTokens, bad_token_record, bad_token_wait

User = get_user_model()


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str,
    role: str = Role.VIEWER,
    area_codes: list[str] = (),
    region_slugs: list[str] = (),
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    by: User | None = None,
    is_superuser: bool = False,
) -> User:
    if role not in Role.values:
        raise ValidationError({"role": _("Unknown role: %(role)s") % {"role": role}})
    if User.objects.filter(username=username).exists():
        raise ValidationError({"username": _("A user with this name already exists.")})
    user = User(
        username=username,
        role=role,
        first_name=first_name,
        last_name=last_name,
        email=email,
        is_superuser=is_superuser,
        is_staff=is_superuser or role == Role.ADMINISTRATOR,
    )
    # The rules of AUTH_PASSWORD_VALIDATORS, as on the change-password page; the user is passed so a password
    # like the username is refused.
    try:
        validate_password(password, user=user)
    except ValidationError as error:
        raise ValidationError({"password": error.error_list}) from None
    user.set_password(password)
    user.full_clean(exclude=["password"])
    stamp(user, by).save()
    user_assign_areas(user=user, area_codes=area_codes, region_slugs=region_slugs, by=by)
    return user


@transaction.atomic
def user_assign_areas(
    *, user: User, area_codes=(), region_slugs=(), by: User | None = None, replace: bool = True
) -> None:
    areas = list(Area.objects.filter(code__in=list(area_codes)))
    unknown = sorted(set(area_codes) - {a.code for a in areas})
    if unknown:
        raise ValidationError({"areas": _("No area has the code %(code)s.") % {"code": ", ".join(unknown)}})
    regions = list(Region.objects.filter(slug__in=list(region_slugs)))
    unknown_regions = sorted(set(region_slugs) - {r.slug for r in regions})
    if unknown_regions:
        raise ValidationError(
            {"regions": _("Unknown region: %(slug)s") % {"slug": ", ".join(unknown_regions)}}
        )
    if replace:
        user.area_assignments.all().delete()
    for area in areas:
        stamp(AreaAssignment(user=user, area=area), by).save()
    for region in regions:
        stamp(AreaAssignment(user=user, region=region), by).save()
    user_refresh_scope(user=user)


def user_refresh_scope(*, user: User) -> None:
    """Rewrite the scope kept on the user's row from their assignments (after any change to them)."""
    user.scope_codes = " ".join(assigned_codes(user))
    type(user).objects.filter(pk=user.pk).update(scope_codes=user.scope_codes)
    forget_scope(user)
    forget_token_users(user=user)


def _token_cache_key(key_hash: str) -> str:
    return f"sanphalang:api-token:{key_hash}"


def forget_token_users(*, user: User) -> None:
    """Drop the cached user of each of the user's tokens, so a change to the user applies to the next call."""
    hashes = ApiToken.objects.filter(user=user).values_list("key_hash", flat=True)
    cache.delete_many([_token_cache_key(key_hash) for key_hash in hashes])


def users_refresh_scope_of_region(*, region) -> None:
    """A region's provinces changed: so did the scope of everyone assigned the region."""
    for user in User.objects.filter(area_assignments__region=region).distinct():
        user_refresh_scope(user=user)


@transaction.atomic
def user_set_preferences(
    *, user: User, language: str | None = None, prefers_thai_digits: bool | None = None
) -> User:
    if language is not None:
        user.language = language
    if prefers_thai_digits is not None:
        user.prefers_thai_digits = prefers_thai_digits
    user.full_clean(exclude=["password"])
    stamp(user, user).save(update_fields=["language", "prefers_thai_digits"])
    forget_token_users(user=user)
    return user


@transaction.atomic
def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for the user; the raw key is returned once and never stored."""
    name = (name or "").strip()
    if not name:
        raise ValidationError(
            {"name": _("Give the token a name, such as the computer or script that uses it.")}
        )
    raw = ApiToken.new_raw_key()
    token = ApiToken.objects.create(user=user, name=name[:100], key_hash=hash_token(raw), prefix=raw[:8])
    return token, raw


@transaction.atomic
def api_token_revoke(*, user: User, token_id: int) -> None:
    token = ApiToken.objects.filter(user=user, pk=token_id, revoked_at__isnull=True).first()
    if token is None:
        raise ValidationError(_("No such token."))
    ApiToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())
    cache.delete(_token_cache_key(token.key_hash))


def api_token_authenticate(raw: str, *, address: str | None = None) -> User | None:
    """The active user a raw token belongs to, or None. With the caller's address, wrong tokens are counted
    and an address past the limit is refused with TooManyBadTokens, whatever the token."""
    if address is not None:
        wait = bad_token_wait(address)
        if wait:
            raise TooManyBadTokens(wait)
    user = _token_user(raw.strip()) if raw else None
    if user is None and address is not None:
        bad_token_record(address)
    return user


# Written by hand: building the ORM's query for it cost as much again as its round trip, on every call of a script.
_USER_TABLE, _USER_KEY, _USER_ACTIVE = (
    User._meta.db_table,
    User._meta.pk.column,
    User._meta.get_field("is_active").column,
)
_ACTIVE_USER_SQL = f'SELECT * FROM "{_USER_TABLE}" WHERE "{_USER_KEY}" = %s AND "{_USER_ACTIVE}" = %s'


def _active_user(user_id: int) -> User | None:
    found = list(User.objects.raw(_ACTIVE_USER_SQL, [user_id, True]))
    return found[0] if found else None


def _token_user(raw: str) -> User | None:
    key_hash = hash_token(raw)
    # A script calls many times a minute: which user its token belongs to is kept for a few seconds (the id
    # only: the user is read fresh, so the cache never holds a copy of a user's row). Revoking the token or
    # changing the user through the services clears the entry at once (across servers when the cache is shared).
    user_id = cache.get(_token_cache_key(key_hash))
    if user_id is not None:
        return _active_user(user_id)
    try:
        token = ApiToken.objects.select_related("user").get(key_hash=key_hash, revoked_at__isnull=True)
    except ApiToken.DoesNotExist:
        return None
    if not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        # Written at most once a minute, so a busy script does not turn every read into a write.
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    cache.set(_token_cache_key(key_hash), token.user_id, settings.API_TOKEN_CACHE_SECONDS)
    return token.user
