"""Whole tables out, area-scoped, under the same Thai headings the importers read, so an export can be imported."""

from collections.abc import Iterable, Iterator

from django.db.models import Prefetch, Q

from sanphalang.accounts.audit import log_reads
from sanphalang.areas.models import Area, AreaLevel
from sanphalang.areas.scoping import scope_for
from sanphalang.directory.models import Organisation, Person, Position

EXPORT_ENTITIES = ("organisations", "people", "areas", "villages")

AREA_HEADINGS = ["รหัสพื้นที่", "ระดับ", "ชื่อ (ไทย)", "ชื่อภาษาอังกฤษ", "รหัสพื้นที่แม่", "รหัสไปรษณีย์"]
VILLAGE_HEADINGS = ["รหัสตำบล", "หมู่ที่", "ชื่อหมู่บ้าน", "ชื่อภาษาอังกฤษ", "ประเภท", "รหัสพื้นที่"]
ORGANISATION_HEADINGS = [
    "ชื่อองค์กร",
    "ชื่อภาษาอังกฤษ",
    "ชื่อย่อ",
    "ประเภท",
    "รหัสพื้นที่",
    "ประเด็นงาน",
    "องค์กรต้นสังกัด",
    "โทรศัพท์",
    "อีเมล",
    "เว็บไซต์",
    "ที่อยู่",
    "เลขทะเบียน",
    "วันที่ก่อตั้ง",
    "หมายเหตุ",
]
PEOPLE_HEADINGS = [
    "คำนำหน้า",
    "ชื่อ",
    "นามสกุล",
    "ชื่อเล่น",
    "รหัสพื้นที่",
    "เลขประจำตัวประชาชน",
    "โทรศัพท์",
    "อีเมล",
    "ไลน์ไอดี",
    "องค์กร",
    "ตำแหน่ง",
    "บทบาท",
    "วันที่เริ่ม",
]


def _iso(value) -> str:
    return value.isoformat() if value else ""


def _area_q(user, field: str) -> Q:
    return scope_for(user).subtree_q(field) if user is not None else Q()


def _organisation_rows(user) -> Iterator[list]:
    # As on the organisation list: the user's areas and the agencies of the areas above them.
    scope_q = scope_for(user).with_ancestors_q("area_id") if user is not None else Q()
    qs = (
        Organisation.objects.filter(scope_q)
        .select_related("parent")
        .prefetch_related("issue_areas")
        .order_by("area_id", "sort_key", "id")
    )
    for org in qs.iterator(chunk_size=2000):
        yield [
            org.name_th,
            org.name_en,
            org.abbreviation,
            org.kind,
            org.area_id,
            ",".join(issue.slug for issue in org.issue_areas.all()),
            org.parent.name_th if org.parent else "",
            org.phone,
            org.email,
            org.website,
            org.address,
            org.registration_number,
            _iso(org.founded_on),
            org.note,
        ]


def _people_rows(user, *, channel: str) -> Iterator[list]:
    qs = Person.objects.filter(_area_q(user, "area_id")).order_by("area_id", "sort_key", "id")
    positions = Position.objects.select_related("organisation").order_by("started_on", "id")
    batch: list[Person] = []
    for person in qs.prefetch_related(Prefetch("positions", queryset=positions)).iterator(chunk_size=2000):
        batch.append(person)
        held = person.positions.all() or [None]
        for position in held:
            yield [
                person.title,
                person.first_name,
                person.last_name,
                person.nickname,
                person.area_id,
                person.national_id,
                person.phone,
                person.email,
                person.line_id,
                position.organisation.name_th if position else "",
                position.title if position else "",
                position.role if position else "",
                _iso(position.started_on) if position else "",
            ]
        if len(batch) >= 1000:
            log_reads(user, batch, channel=channel, detail="export")
            batch = []
    if batch:
        log_reads(user, batch, channel=channel, detail="export")


def _area_rows(user, levels: Iterable[str]) -> Iterator[list]:
    qs = Area.objects.filter(_area_q(user, "code"), level__in=list(levels)).order_by("code")
    for area in qs.iterator(chunk_size=5000):
        yield [area.code, area.level, area.name_th, area.name_en, area.parent_id or "", area.postal_codes]


def _village_rows(user) -> Iterator[list]:
    qs = Area.objects.filter(_area_q(user, "code"), level__in=[AreaLevel.VILLAGE, AreaLevel.COMMUNITY])
    for area in qs.order_by("code").iterator(chunk_size=5000):
        yield [area.parent_id, area.moo or "", area.name_th, area.name_en, area.level, area.code]


def export_table(entity: str, *, user=None, channel: str = "cli") -> tuple[list[str], Iterator[list]]:
    """Headings and rows of one entity; within the user's areas if a user is given, else everything.
    Reads of people are written to the access log."""
    if entity == "organisations":
        return ORGANISATION_HEADINGS, _organisation_rows(user)
    if entity == "people":
        return PEOPLE_HEADINGS, _people_rows(user, channel=channel)
    if entity == "areas":
        return AREA_HEADINGS, _area_rows(
            user, [AreaLevel.PROVINCE, AreaLevel.DISTRICT, AreaLevel.SUBDISTRICT]
        )
    if entity == "villages":
        return VILLAGE_HEADINGS, _village_rows(user)
    raise ValueError(f"unknown export entity {entity!r}")
