"""Reads of the fund sources: which sources a user sees, how pages name them, and an uploaded file checked under
a mapping."""

import re
from dataclasses import dataclass, field
from functools import lru_cache

import geothai
from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet, Subquery
from django.http import Http404
from rapidfuzz import process
from rapidfuzz.distance import OSA

from sanphalang.accounts.models import User
from sanphalang.areas.models import COUNTRY_CODE, Area, AreaLevel, Region
from sanphalang.areas.scoping import can_write_area, require_write, scope_for
from sanphalang.imports.models import ImportBatch, ImportEntity
from sanphalang.imports.services import RowError
from sanphalang.imports.tabular import Table, normalise_heading
from sanphalang.thai.names import clean_text

from ..errors import WelfareError
from ..linkage.normalise import ResolvedArea, area_name, parse_location, resolve_area
from ..linkage.records import (
    STATUS_PATTERNS,
    check_mapping,
    record_area,
    row_problems,
    row_values,
    suggest_mapping,
)
from ..models import Source, SourceKind
from .audits import province_choices

PREVIEW_ROWS = 20


def _user_provinces(user: User) -> set[str] | None:
    """The provinces the user works in (a district coordinator works in their province); None for all."""
    scope = scope_for(user)
    return None if scope.national else {prefix[:2] for prefix in scope.prefixes}


def sources_covering_q(provinces, field: str = "") -> Q:
    """Sources covering any of the provinces: their own, Thailand's, and those of a region holding one of them."""
    prefix = f"{field}__" if field else ""
    regions = Region.provinces.through.objects.filter(area_id__in=sorted(provinces)).values("region_id")
    return Q(**{f"{prefix}area_id__in": [*sorted(provinces), COUNTRY_CODE]}) | Q(
        **{f"{prefix}region_id__in": Subquery(regions)}
    )


def source_visible_q(user: User, field: str = "") -> Q:
    """The one rule of which sources a user sees: those whose area covers or overlaps one of the user's areas."""
    provinces = _user_provinces(user)
    if provinces is None:
        return Q()
    # a user of no area sees no source, not even the national ones
    return sources_covering_q(provinces, field) if provinces else Q(pk__in=[])


def source_province_codes(source: Source) -> list[str]:
    """The provinces a source covers, whose rows it may hold."""
    if source.region_id:
        return sorted(p.code for p in source.region.provinces.all())
    if source.area_id == COUNTRY_CODE:
        return sorted(Area.objects.filter(level=AreaLevel.PROVINCE).values_list("code", flat=True))
    return [source.area_id]


def source_area_name(source: Source) -> str:
    return str(source.region) if source.region_id else source.area.display_name


def source_label(source: Source) -> str:
    """How pages name a source: the same names recur in every province, so its area goes with it."""
    return f"{source.name} ({source_area_name(source)})"


REGION_KEY = "region:"


@dataclass(frozen=True)
class Coverage:
    """The area a source covers, as a form and an upload name it: a province's code, "TH", or "region:<slug>"."""

    key: str
    area: Area | None
    region: Region | None
    provinces: tuple[str, ...]

    @property
    def label(self) -> str:
        return str(self.region) if self.region else self.area.display_name

    @property
    def province(self) -> Area | None:
        """The province, for a province's source; None for a national or regional one."""
        return self.area if self.area and self.area.level == AreaLevel.PROVINCE else None

    def sources(self) -> QuerySet[Source]:
        return Source.objects.filter(area=self.area, region=self.region)


def source_coverage(key: str | None) -> Coverage:
    """The area a key names; a ValidationError on "area_code" when it names none a source can cover."""
    key = (key or "").strip()
    if key.startswith(REGION_KEY):
        region = Region.objects.filter(slug=key[len(REGION_KEY) :]).prefetch_related("provinces").first()
        if region is not None:
            return Coverage(key, None, region, tuple(sorted(p.code for p in region.provinces.all())))
    else:
        area = Area.objects.filter(code=key, level__in=[AreaLevel.PROVINCE, AreaLevel.COUNTRY]).first()
        if area is not None and area.level == AreaLevel.PROVINCE:
            return Coverage(key, area, None, (area.code,))
        if area is not None:
            provinces = Area.objects.filter(level=AreaLevel.PROVINCE).values_list("code", flat=True)
            return Coverage(key, area, None, tuple(sorted(provinces)))
    raise WelfareError.CHOOSE_SOURCE_AREA.error("area_code")


def coverage_key(source: Source) -> str:
    """The key of the area a source covers, as source_coverage reads it: a province's or the country's code, or
    region:<slug>."""
    return f"{REGION_KEY}{source.region.slug}" if source.region_id else source.area_id


def coverage_of(source: Source) -> Coverage:
    return source_coverage(coverage_key(source))


def require_source_write(user: User, coverage: Coverage) -> None:
    """Changing a source (importing it, reconciling from it) is a write in every province it covers; a national
    source is the country's."""
    if coverage.area is not None:
        require_write(user, coverage.area.code)
        return
    for code in coverage.provinces or (None,):
        require_write(user, code)


def source_area_choices(*, user: User) -> list[tuple[str, str]]:
    """The areas the user may give sources of: their provinces, the regions wholly theirs, Thailand if national."""
    choices = writable_province_choices(user=user)
    regions = Region.objects.prefetch_related("provinces").order_by("name_th")
    for region in regions:
        codes = [p.code for p in region.provinces.all()]
        if codes and all(can_write_area(user, code) for code in codes):
            choices.append((f"{REGION_KEY}{region.slug}", str(region)))
    if can_write_area(user, COUNTRY_CODE):
        country = Area.objects.filter(code=COUNTRY_CODE).first()
        if country is not None:
            choices.insert(0, (COUNTRY_CODE, country.display_name))
    return choices


# The words of the offices' source names that tell its kind.
KIND_WORDS = ((SourceKind.PROGRAM, "โปรแกรม"), (SourceKind.MATCHING, "สมทบ"), (SourceKind.SURVEY, "สำรวจ"))
# Status words that say the status is not known: recognised, read as unknown.
UNKNOWN_STATUS = re.compile(r"^(?:ไม่ทราบ|ไม่ระบุ|ไม่มีข้อมูล|unknown|n/?a|-+)$")


def guess_kind(name: str) -> str:
    """The kind a new source's name tells (the offices' names say which list they are), else other."""
    return next((kind for kind, word in KIND_WORDS if word in name), SourceKind.OTHER)


def status_recognised(text: str) -> bool:
    value = clean_text(str(text or "")).lower()
    return not value or bool(UNKNOWN_STATUS.match(value)) or any(p.search(value) for _s, p in STATUS_PATTERNS)


@dataclass
class AreaRows:
    """A source file's good rows as (line, values, where) and the errors of the others; lines are the file's."""

    rows: list[tuple[int, dict, ResolvedArea]]
    errors: list[RowError]


# How near a tambon cell must come to a subdistrict of its province to name it: a typist's slip (a letter dropped,
# added, changed, or two swapped: "ป่าาย" for ป่าคาย, "พมน" for พนม; two in a name of five letters or more, as
# "คดำ้วง" for คำด้วง) still names one.
def _typos_allowed(name: str) -> int:
    return 1 if len(name) < 5 else 2


@lru_cache(maxsize=128)
def _subdistrict_names_of(province_code: str) -> tuple[str, ...]:
    return tuple(
        area_name(sub.name_th)
        for district in geothai.districts(province_code)
        for sub in geothai.subdistricts(district.code)
    )


def _tambon_in_province(tambon: str, province_code: str) -> bool:
    """Whether a tambon cell names a subdistrict of the province, within a typo or two, in any of its districts:
    the linkage then finds which; only a name like none of them is the row's error."""
    name = area_name(tambon)
    if not name:
        return True
    names = _subdistrict_names_of(province_code)
    return process.extractOne(name, names, scorer=OSA.distance, score_cutoff=_typos_allowed(name)) is not None


def _row_province(data: dict, where: ResolvedArea, coverage: "Coverage") -> str:
    """The province of a row: as its area resolves, else the one province of the source's where its tambon and
    district (written without a province, as national files do) name a subdistrict."""
    if where.province_code:
        return where.province_code
    location = parse_location(data.get("location", ""))
    tambon = data.get("tambon") or location.tambon
    district = data.get("district") or location.district
    if not tambon:
        return ""
    found = {
        code
        for code in coverage.provinces
        if resolve_area(tambon=tambon, district=district, province=code).subdistrict_code
    }
    return found.pop() if len(found) == 1 else ""


def _area_problems(
    data: dict, where: ResolvedArea, coverage: "Coverage", mapping: dict
) -> list[tuple[str, str]]:
    """Why a row's area is not one of the source's: a province it does not cover, or a name matching nothing.
    Each is (column heading, message); a place written in the location cell is blamed on that cell."""

    def column(name: str) -> str:
        return mapping.get(name) or mapping.get("location") or mapping["fund_name"]

    def unknown(name: str, value: str) -> list[tuple[str, str]]:
        return [(column(name), WelfareError.ROW_AREA_UNKNOWN.message(value=value, area=coverage.label))]

    province_text = data.get("province", "")
    if province_text and not resolve_area(province=province_text).province_code:
        return unknown("province", province_text)
    if not where.province_code:
        return [(column("province"), WelfareError.ROW_PROVINCE_UNKNOWN.message())]
    if where.province_code not in coverage.provinces:
        named = geothai.province(where.province_code).name_th
        message = WelfareError.ROW_OTHER_PROVINCE.message(province=named, area=coverage.label)
        return [(column("province"), message)]
    district = data.get("district", "")
    if district and not resolve_area(district=district, province=where.province_code).district_code:
        return unknown("district", district)
    tambon = data.get("tambon", "")
    if tambon and not where.subdistrict_code and not _tambon_in_province(tambon, where.province_code):
        return unknown("tambon", tambon)
    return []


def source_rows_in_area(table: Table, mapping: dict[str, str], coverage: "Coverage") -> AreaRows:
    """The file's rows under the mapping, each checked: a name, readable values, a status we know, and an area
    that is one of the source's. Line numbers are the file's own (its heading is line 1)."""
    positions = check_mapping(mapping, table.headings)
    assumed = coverage.province.name_th if coverage.province else ""
    rows, errors = [], []
    for line, cells in table.rows:
        data = row_values(cells, positions)
        problems = row_problems(data)
        if data.get("status") and not status_recognised(data["status"]):
            problems.append(("status", WelfareError.STATUS_UNRECOGNISED.message(value=data["status"])))
        where = record_area(data, province=assumed)
        if not where.province_code:
            province = _row_province(data, where, coverage)
            where = ResolvedArea(province_code=province) if province else where
        located = _area_problems(data, where, coverage, mapping)
        errors.extend(RowError(line, mapping.get(name, name), message) for name, message in problems)
        errors.extend(RowError(line, column, message) for column, message in located)
        if not problems and not located:
            rows.append((line, data, where))
    return AreaRows(rows=rows, errors=errors)


def source_list(*, user: User) -> QuerySet[Source]:
    """The sources the user sees (source_visible_q), with their record counts."""
    return (
        Source.objects.filter(source_visible_q(user))
        .select_related("area", "region", "imported_by")
        .prefetch_related("region__provinces")
        .annotate(record_count=Count("records"))
        .order_by("area_id", "region_id", "name")
    )


@dataclass
class SourcePreview:
    headings: list[str]
    mapping: dict[str, str]
    total: int
    rows: list[tuple[int, dict]]  # the first rows as the mapping reads them
    errors: list[RowError]
    unused_headings: list[str]
    mapping_error: str = ""
    # Headings the source's last import was mapped to that this file no longer has: its layout has changed.
    missing_remembered: list[str] = field(default_factory=list)

    @property
    def bad_rows(self) -> int:
        return len({error.line for error in self.errors})


def source_upload_get(*, user: User, pk: int) -> ImportBatch:
    """The user's own source upload; anyone else's is not found."""
    batch = ImportBatch.objects.filter(
        pk=pk, user_id=getattr(user, "pk", None), entity=ImportEntity.FUND_SOURCE
    ).first()
    if batch is None:
        raise Http404
    return batch


def upload_coverage(batch: ImportBatch) -> Coverage:
    """The area an upload's source covers (an upload kept before sources covered areas names its province)."""
    return source_coverage(batch.options.get("area_code") or batch.options.get("province_code"))


def source_upload_get_for_change(*, user: User, pk: int) -> ImportBatch:
    """The user's own source upload, if they may still write its source's area."""
    batch = source_upload_get(user=user, pk=pk)
    require_source_write(user, upload_coverage(batch))
    return batch


def sources_province_for_change(*, user: User, code: str | None) -> str | None:
    """The province whose sources the user means to change (import or reconcile), refused before any input is
    judged unless they may write there."""
    require_write(user, code or None)
    return code


def source_coverage_for_change(*, user: User, key: str | None) -> Coverage | None:
    """The area whose source the user means to import, refused before any input is judged unless they may write
    all of it; None when the key names no area (the form then says so)."""
    try:
        coverage = source_coverage(key)
    except ValidationError:
        require_write(user, None)
        return None
    require_source_write(user, coverage)
    return coverage


def province_has_sources(code: str) -> bool:
    """Whether any source covers the province, so that reconciling it has something to link."""
    return bool(code) and Source.objects.filter(sources_covering_q([code])).exists()


def writable_province_choices(*, user: User) -> list[tuple[str, str]]:
    """The provinces whose sources the user may import and reconcile."""
    return [(code, name) for code, name in province_choices(user=user) if can_write_area(user, code)]


def source_upload_table(batch: ImportBatch) -> Table:
    """The upload's rows as read once, on upload."""
    return batch.read_table()


def _source_of(batch: ImportBatch) -> Source | None:
    return upload_coverage(batch).sources().filter(name=batch.options["source_name"]).first()


def remembered_mappings(*, coverage: Coverage, name: str, kind: str) -> list[Source]:
    """Sources whose remembered mapping may fit a new file: the area's own, and those of the same kind or name
    anywhere, the same name first. A layout mapped once in one province is offered in every other."""
    same_area = Q(area=coverage.area, region=coverage.region)
    others = Source.objects.exclude(column_mapping={}).filter(same_area | Q(kind=kind) | Q(name=name))
    return sorted(
        others.only("name", "kind", "column_mapping"), key=lambda s: (s.name != name, s.kind != kind, s.pk)
    )


def source_upload_suggestion(batch: ImportBatch, table: Table) -> dict[str, str]:
    """The mapping to offer: the source's remembered one, another source's of the same layout, or recognition."""
    name = batch.options["source_name"]
    kind = batch.options.get("kind") or guess_kind(name)
    others = remembered_mappings(coverage=upload_coverage(batch), name=name, kind=kind)
    return suggest_mapping(_source_of(batch), table.headings, others=others)


def source_upload_preview(*, batch: ImportBatch, table: Table, mapping: dict[str, str]) -> SourcePreview:
    """What importing the file under the mapping would keep and refuse; writes nothing."""
    mapping = {name: heading for name, heading in mapping.items() if heading}
    used = {normalise_heading(h) for h in mapping.values()}
    preview = SourcePreview(
        headings=[h for h in table.headings if h],
        mapping=mapping,
        total=len(table.rows),
        rows=[],
        errors=[],
        unused_headings=[h for h in table.headings if h and normalise_heading(h) not in used],
    )
    source = _source_of(batch)
    present = {normalise_heading(h) for h in table.headings if h}
    preview.missing_remembered = [
        heading
        for heading in ((source.column_mapping if source else None) or {}).values()
        if normalise_heading(heading) not in present
    ]
    try:
        checked = source_rows_in_area(table, mapping, upload_coverage(batch))
    except ValidationError as error:
        preview.mapping_error = " ".join(error.messages)
        return preview
    preview.rows = [(line, data) for line, data, _where in checked.rows[:PREVIEW_ROWS]]
    preview.errors = checked.errors
    return preview
