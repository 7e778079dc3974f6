"""Registering a fund by hand and keeping its registry details: area, registration, networks, contacts, links.

The values the sources can disagree on (name, members, status, founded, fund code: models.SETTLE_FIELDS) are
given here only when a fund is first registered. After that they change through services.settle.settle, which keeps who
decided each value, from where and why; fund_update refuses them.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from sanphalang.accounts.audit import validated_save
from sanphalang.accounts.models import User
from sanphalang.areas.models import Area, AreaLevel
from sanphalang.areas.scoping import require_write
from sanphalang.directory.models import Organisation, OrganisationKind
from sanphalang.directory.selectors import organisation_list
from sanphalang.errors import reject_unknown_fields
from sanphalang.thai.collation import thai_sort_key
from sanphalang.thai.digits import parse_number
from sanphalang.thai.names import clean_text, organisation_search_key
from sanphalang.versions import expect_version

from ..errors import WelfareError
from ..models import SETTLE_FIELDS, Fund, FundStatus

REGISTRY_FIELDS = {
    "area_code",
    "is_municipal",
    "registered_welfare_organisation",
    "registered_on",
    "networks",
    "contact_name",
    "contact_phone",
    "organisation",
}
# What fund_update refuses: the settled fields, by their Fund names, and the name as fund_create takes it.
SETTLED_INPUTS = {"name", *SETTLE_FIELDS.values()}


@transaction.atomic
def fund_create(
    *,
    by: User,
    name: str,
    area_code: str,
    is_municipal: bool = False,
    fund_code: str = "",
    founded_on: dt.date | None = None,
    status: str = FundStatus.ACTIVE,
    registered_welfare_organisation: bool = False,
    registered_on: dt.date | None = None,
    networks=(),
    contact_name: str = "",
    contact_phone: str = "",
    organisation: Organisation | int | None = None,
) -> Fund:
    """Register a fund the sources do not (yet) list, in a subdistrict of the user's areas."""
    fund = Fund(
        name_th=clean_text(name or ""),
        fund_code=clean_text(fund_code or ""),
        founded_on=founded_on,
        status=status or FundStatus.ACTIVE,
    )
    chosen = _apply_registry(
        by,
        fund,
        {
            "area_code": area_code,
            "is_municipal": is_municipal,
            "registered_welfare_organisation": registered_welfare_organisation,
            "registered_on": registered_on,
            "networks": networks,
            "contact_name": contact_name,
            "contact_phone": contact_phone,
            "organisation": organisation,
        },
    )
    if not fund.name_th:
        raise WelfareError.FUND_NEEDS_NAME.error("name")
    if founded_on and founded_on > timezone.localdate():
        raise WelfareError.FOUNDED_IN_FUTURE.error("founded_on")
    set_fund_keys(fund)
    return _save(by, fund, chosen, duplicate_at="name")


@transaction.atomic
def fund_update(*, by: User, fund: Fund, version: int | None = None, **fields) -> Fund:
    """Change the registry details given (the others stay); moving the fund needs write access to both areas."""
    expect_version(fund, version)
    require_write(by, fund.area_id)
    settled = sorted(SETTLED_INPUTS & set(fields))
    if settled:
        raise ValidationError({name: WelfareError.SETTLED_FIELD.message() for name in settled})
    reject_unknown_fields(fields, REGISTRY_FIELDS)
    chosen = _apply_registry(by, fund, dict(fields))
    return _save(by, fund, chosen, duplicate_at="area_code")


def _apply_registry(by: User, fund: Fund, fields: dict) -> list[Organisation] | None:
    """Set the given registry fields on fund (unsaved); return the networks to link, or None to leave them."""
    if "area_code" in fields:
        fund.area = _subdistrict(fields["area_code"], current=fund.area if fund.area_id else None)
    # Checked after the area is applied: registering or moving a fund into an area is a write in that area.
    require_write(by, fund.area_id)
    for name in ("is_municipal", "registered_welfare_organisation"):
        if name in fields:
            setattr(fund, name, bool(fields[name]))
    for name in ("contact_name", "contact_phone"):
        if name in fields:
            setattr(fund, name, clean_text(fields[name] or ""))
    if "registered_on" in fields:
        fund.registered_on = fields["registered_on"]
    _check_registration(fund)
    if "organisation" in fields:
        fund.organisation = _directory_entry(by, fund, fields["organisation"])
    if "networks" not in fields:
        return None
    return _visible_organisations(
        by, fields["networks"] or [], kind=OrganisationKind.NETWORK, field="networks"
    )


def _subdistrict(code, *, current: Area | None) -> Area:
    """The subdistrict of the typed code (Thai digits too); a fund's current area stays valid as it is."""
    code = parse_number(code or "")
    if not code:
        raise WelfareError.NO_AREA_CHOSEN.error("area_code")
    if current is not None and code == current.code:
        return current
    area = Area.objects.filter(code=code, is_active=True).first()
    if area is None:
        raise WelfareError.NO_SUCH_AREA.error("area_code", code=code)
    if area.level != AreaLevel.SUBDISTRICT:
        raise WelfareError.NOT_A_SUBDISTRICT.error("area_code")
    return area


def _check_registration(fund: Fund) -> None:
    if fund.registered_on and not fund.registered_welfare_organisation:
        raise WelfareError.REGISTRATION_UNMARKED.error("registered_on")
    if fund.registered_on and fund.registered_on > timezone.localdate():
        raise WelfareError.REGISTERED_IN_FUTURE.error("registered_on")


def _visible_organisations(by: User, items, *, kind: str, field: str) -> list[Organisation]:
    """The directory entries given by object or id, each of the kind and visible to the user."""
    wanted = {item.pk if isinstance(item, Organisation) else item for item in items}
    try:
        found = list(organisation_list(user=by).filter(pk__in=wanted, kind=kind).prefetch_related(None))
    except (ValueError, TypeError):
        found = []
    if len(found) != len(wanted):
        raise WelfareError.UNKNOWN_ORGANISATION.error(field)
    return found


def _directory_entry(by: User, fund: Fund, value) -> Organisation | None:
    if value in (None, ""):
        return None
    if (
        fund.organisation_id
        and (value.pk if isinstance(value, Organisation) else value) == fund.organisation_id
    ):
        return fund.organisation  # an unchanged link stays, even to an entry the user does not see
    entry = _visible_organisations(by, [value], kind=OrganisationKind.WELFARE_FUND, field="organisation")[0]
    if Fund.objects.filter(organisation=entry).exclude(pk=fund.pk).exists():
        raise WelfareError.ENTRY_LINKED_ELSEWHERE.error("organisation")
    return entry


def _save(by: User, fund: Fund, networks: list[Organisation] | None, *, duplicate_at: str) -> Fund:
    """Save with history naming the user; link the chosen networks, keeping those the user cannot see."""
    # The model's constraint would report a name taken in the area above the form; say it at the field to change.
    if Fund.objects.filter(area_id=fund.area_id, name_th=fund.name_th).exclude(pk=fund.pk).exists():
        raise WelfareError.FUND_NAME_TAKEN.error(duplicate_at)
    validated_save(fund, by)
    if networks is not None:
        hidden = list(fund.networks.exclude(pk__in=organisation_list(user=by).values("pk")))
        fund.networks.set([*networks, *hidden])
    return fund


def set_fund_keys(fund: Fund) -> None:
    """The keys a fund is searched and sorted by, from its name: set whenever the name is."""
    fund.search_key = organisation_search_key(fund.name_th)
    fund.sort_key = thai_sort_key(fund.name_th)
