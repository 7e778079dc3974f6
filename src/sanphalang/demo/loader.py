"""Load the demo data through the same services users call, so the demo obeys every rule the product does.

Loading twice changes nothing: records are found by their natural keys and updated in place.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from sanphalang.accounts.models import Role
from sanphalang.accounts.services import user_assign_areas, user_create
from sanphalang.areas.models import Area, Region
from sanphalang.areas.services import region_create, village_create
from sanphalang.directory.models import IssueArea, Organisation, Person, Position
from sanphalang.directory.services import (
    issue_area_create,
    organisation_create,
    organisation_update,
    person_create,
    position_create,
)

from . import data
from .care_loader import load_care
from .ingest_loader import load_source_documents
from .meetings_loader import load_meetings
from .plans_loader import load_plans
from .reports_loader import load_reports
from .welfare_loader import load_welfare

User = get_user_model()


def _system_user():
    """The administrator who owns the demo's history rows."""
    user = User.objects.filter(username="admin").first()
    if user is None:
        user = user_create(
            username="admin",
            password=data.DEMO_PASSWORD,
            role=Role.ADMINISTRATOR,
            first_name="ผู้ดูแล",
            last_name="ระบบ",
            is_superuser=True,
        )
    return user


def _load_regions(by) -> None:
    for region in data.REGIONS:
        if not Region.objects.filter(slug=region["slug"]).exists():
            region_create(
                by=by,
                name_th=region["name_th"],
                name_en=region["name_en"],
                slug=region["slug"],
                description=region["description"],
                province_codes=region["provinces"],
            )


def _load_issue_areas(by) -> None:
    for province, slug, name_th, name_en in data.PROVINCIAL_ISSUE_AREAS:
        if not IssueArea.objects.filter(province_id=province, slug=slug).exists():
            issue_area_create(by=by, province_code=province, slug=slug, name_th=name_th, name_en=name_en)


def _load_organisations(by) -> dict[str, Organisation]:
    by_key: dict[str, Organisation] = {}
    for (
        key,
        kind,
        name_th,
        name_en,
        abbreviation,
        area,
        issues,
        parent,
        other_names,
        founded,
    ) in data.ORGANISATIONS:
        fields = {
            "kind": kind,
            "name_th": name_th,
            "name_en": name_en,
            "abbreviation": abbreviation,
            "area_code": area,
            "issue_areas": issues,
            "parent": by_key.get(parent) if parent else None,
            "other_names": "\n".join(other_names),
            "founded_on": founded,
        }
        existing = Organisation.objects.filter(area_id=area, name_th=name_th).first()
        if existing:
            by_key[key] = organisation_update(by=by, organisation=existing, **fields)
        else:
            by_key[key] = organisation_create(by=by, **fields)
    for left, right in data.PARTNERS:
        by_key[left].partners.add(by_key[right])
    return by_key


def _load_people(by, organisations: dict[str, Organisation]) -> int:
    count = 0
    for _key, title, first_name, last_name, area, positions in data.PEOPLE:
        person = Person.objects.filter(first_name=first_name, last_name=last_name, area_id=area).first()
        if person is None:
            person = person_create(
                by=by,
                channel="demo",
                title=title,
                first_name=first_name,
                last_name=last_name,
                area_code=area,
                legal_basis="public_role",
                purpose="ผู้ดำรงตำแหน่งที่ปรากฏในรายงานสาธารณะ",
            )
        for org_key, role, position_title, started, ended in positions:
            organisation = organisations[org_key]
            if not Position.objects.filter(
                person=person, organisation=organisation, title=position_title
            ).exists():
                position_create(
                    by=by,
                    person=person,
                    organisation=organisation,
                    role=role,
                    title=position_title,
                    started_on=started,
                    ended_on=ended,
                )
        count += 1
    return count


def _load_villages(by) -> None:
    for subdistrict, moo, name_th, name_en in data.VILLAGES:
        if not Area.objects.filter(code=f"{subdistrict}{moo:02d}").exists():
            village_create(by=by, subdistrict_code=subdistrict, moo=moo, name_th=name_th, name_en=name_en)


def _load_users(organisations: dict[str, Organisation], by) -> list[tuple[str, str, str]]:
    rows = []
    for username, first_name, last_name, role, areas, regions, org_key in data.USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = user_create(
                username=username,
                password=data.DEMO_PASSWORD,
                role=role,
                first_name=first_name,
                last_name=last_name,
                area_codes=areas,
                region_slugs=regions,
                by=by,
                is_superuser=role == Role.ADMINISTRATOR,
            )
        elif areas or regions:
            user_assign_areas(user=user, area_codes=areas, region_slugs=regions, by=by)
        if org_key and user.organisation_id != organisations[org_key].pk:
            user.organisation = organisations[org_key]
            user.save(update_fields=["organisation"])
        label = ", ".join(areas + regions) or "ทั้งประเทศ"
        rows.append((username, user.get_role_display(), label))
    return rows


@transaction.atomic
def load_demo() -> dict:
    """Load (or refresh) the demo data; return what is there and the demo users."""
    by = _system_user()
    _load_regions(by)
    _load_issue_areas(by)
    organisations = _load_organisations(by)
    people = _load_people(by, organisations)
    _load_villages(by)
    meetings = load_meetings(by, organisations)
    welfare = load_welfare(by)
    plans = load_plans(by, organisations)
    users = _load_users(organisations, by)
    care = load_care(by)
    reports = load_reports(by)
    source_documents = load_source_documents()
    return {
        "organisations": len(organisations),
        "people": people,
        "meetings": meetings,
        "welfare": welfare,
        "plans": plans,
        "care": care,
        "reports": reports,
        "source_documents": source_documents,
        "users": users,
        "password": data.DEMO_PASSWORD,
    }
