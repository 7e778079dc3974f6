"""Synthetic directory: each province's agencies, networks and councils, each district's welfare network, the
community councils of many subdistricts, and the people who hold positions in them."""

import datetime as dt

from sanphalang.areas.models import AreaLevel
from sanphalang.directory.models import IssueArea, LegalBasis, Organisation, Person, Position, PositionRole
from sanphalang.directory.services import set_organisation_keys, set_person_keys

from .context import SynthContext
from .names import person_name, phone_number

# (key, kind, Thai name with {p} for the province, abbreviation, issue slugs)
PROVINCE_ORGANISATIONS = (
    ("governor", "agency", "สำนักงานจังหวัด{p}", "", ()),
    ("msdhs", "agency", "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด{p}", "พมจ.{p}", ("rights-welfare",)),
    ("dla", "agency", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด{p}", "สถจ.{p}", ()),
    ("pao", "local_government", "องค์การบริหารส่วนจังหวัด{p}", "อบจ.{p}", ()),
    ("council", "council", "สภาพลเมืองจังหวัด{p}", "", ("community-councils", "disaster", "natural-resources")),
    ("welfare_network", "network", "เครือข่ายสวัสดิการชุมชนจังหวัด{p}", "", ("community-welfare",)),
    ("council_network", "network", "เครือข่ายสภาองค์กรชุมชนจังหวัด{p}", "", ("community-councils",)),
    ("civil_network", "network", "เครือข่ายภาคประชาสังคมจังหวัด{p}", "", ("rights-welfare", "agriculture")),
)
SUBDISTRICT_COUNCIL_SHARE = 0.4
POSITION_ROLES = (
    (PositionRole.CHAIR, "ประธาน"),
    (PositionRole.VICE_CHAIR, "รองประธาน"),
    (PositionRole.SECRETARY, "เลขานุการ"),
    (PositionRole.TREASURER, "เหรัญญิก"),
    (PositionRole.COORDINATOR, "ผู้ประสานงาน"),
    (PositionRole.COMMITTEE_MEMBER, "กรรมการ"),
    (PositionRole.COMMITTEE_MEMBER, "กรรมการ"),
    (PositionRole.MEMBER, "สมาชิก"),
)


def _organisation(kind: str, name_th: str, area_code: str, **fields) -> Organisation:
    org = Organisation(kind=kind, name_th=name_th, area_id=area_code, **fields)
    set_organisation_keys(org)
    return org


def _founded(rng) -> dt.date | None:
    if rng.random() < 0.3:
        return None
    return dt.date(rng.randint(1995, 2020), rng.randint(1, 12), rng.randint(1, 28))


def _organisations(ctx: SynthContext, rng) -> list[Organisation]:
    provinces = {a.code: a for a in ctx.areas_of(AreaLevel.PROVINCE)}
    orgs: list[Organisation] = []
    by_province: dict[str, dict[str, Organisation]] = {}
    issues: list[tuple[Organisation, tuple[str, ...]]] = []
    for code, province in provinces.items():
        keyed = {}
        for key, kind, name, abbreviation, slugs in PROVINCE_ORGANISATIONS:
            org = _organisation(
                kind,
                name.format(p=province.name_th),
                code,
                abbreviation=abbreviation.format(p=province.name_th),
                founded_on=_founded(rng),
                phone=phone_number(rng) if rng.random() < 0.6 else "",
            )
            keyed[key] = org
            issues.append((org, slugs))
        by_province[code] = keyed
        orgs.extend(keyed.values())
    ctx.insert(Organisation, orgs)

    district_networks: dict[str, Organisation] = {}
    for district in ctx.areas_of(AreaLevel.DISTRICT):
        parent = by_province[district.code[:2]]["welfare_network"]
        org = _organisation(
            "network",
            f"เครือข่ายสวัสดิการชุมชนอำเภอ{district.name_th}",
            district.code,
            parent_id=parent.pk,
            founded_on=_founded(rng),
        )
        district_networks[district.code] = org
        issues.append((org, ("community-welfare",)))
    councils = []
    for subdistrict in ctx.areas_of(AreaLevel.SUBDISTRICT):
        if rng.random() < SUBDISTRICT_COUNCIL_SHARE:
            parent = by_province[subdistrict.code[:2]]["council_network"]
            org = _organisation(
                "council",
                f"สภาองค์กรชุมชนตำบล{subdistrict.name_th}",
                subdistrict.code,
                parent_id=parent.pk,
                founded_on=_founded(rng),
                registration_number=f"{subdistrict.code}-{rng.randint(1, 99):02d}"
                if rng.random() < 0.7
                else "",
            )
            councils.append(org)
            issues.append((org, ("community-councils",)))
    ctx.insert(Organisation, [*district_networks.values(), *councils])

    issue_ids = dict(IssueArea.objects.filter(province__isnull=True).values_list("slug", "pk"))
    through = Organisation.issue_areas.through
    ctx.insert(
        through,
        [
            through(organisation_id=org.pk, issuearea_id=issue_ids[slug])
            for org, slugs in issues
            for slug in slugs
            if slug in issue_ids
        ],
    )
    ctx.made["province_organisations"] = by_province
    ctx.made["district_networks"] = district_networks
    all_orgs = [*orgs, *district_networks.values(), *councils]
    ctx.made["organisations_by_province"] = {
        code: [o for o in all_orgs if o.area_id.startswith(code)] for code in provinces
    }
    return all_orgs


def _people(ctx: SynthContext, rng) -> None:
    subdistricts_of: dict[str, list[str]] = {}
    for subdistrict in ctx.areas_of(AreaLevel.SUBDISTRICT):
        subdistricts_of.setdefault(subdistrict.code[:4], []).append(subdistrict.code)
    people = []
    for district in ctx.areas_of(AreaLevel.DISTRICT):
        for _ in range(ctx.scale.people_per_district):
            title, first_name, last_name = person_name(rng)
            choices = subdistricts_of.get(district.code) or [district.code]
            person = Person(
                title=title,
                first_name=first_name,
                last_name=last_name,
                area_id=rng.choice(choices) if rng.random() < 0.7 else district.code,
                phone=phone_number(rng) if rng.random() < 0.7 else "",
                line_id=f"{first_name[:3]}{rng.randint(10, 9999)}" if rng.random() < 0.2 else "",
                legal_basis=LegalBasis.CONSENT if rng.random() < 0.8 else LegalBasis.PUBLIC_ROLE,
                purpose="ประสานงานเครือข่ายและการประชุม",
                consent_on=dt.date(rng.randint(2020, 2025), rng.randint(1, 12), rng.randint(1, 28)),
            )
            set_person_keys(person)
            people.append(person)
    ctx.insert(Person, people)

    organisations = ctx.made["organisations_by_province"]
    positions = []
    for person in people:
        province_orgs = organisations[person.area_id[:2]]
        local = [o for o in province_orgs if person.area_id.startswith(o.area_id)]
        for org in rng.sample(local, min(len(local), rng.choice((1, 1, 2)))):
            role, title = rng.choice(POSITION_ROLES)
            started = dt.date(rng.randint(2012, 2024), rng.randint(1, 12), 1)
            ended = None
            if rng.random() < 0.15:
                ended = started + dt.timedelta(days=rng.randint(180, 2000))
            positions.append(
                Position(
                    person=person,
                    organisation=org,
                    role=role,
                    title=f"{title}{org.name_th}",
                    started_on=started,
                    ended_on=ended,
                )
            )
    ctx.insert(Position, positions)
    by_province: dict[str, list[Person]] = {}
    for person in people:
        by_province.setdefault(person.area_id[:2], []).append(person)
    ctx.made["people_by_province"] = by_province


def fill(ctx: SynthContext) -> None:
    rng = ctx.rng("directory")
    _organisations(ctx, rng)
    _people(ctx, rng)
