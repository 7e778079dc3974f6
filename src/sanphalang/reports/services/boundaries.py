"""Importing area boundaries: a GeoJSON file or a zipped Shapefile keyed by the official area codes, each outline
checked, mended, simplified and rounded, then written all at once (or, if asked, without the bad outlines).

A file is read once, by the check job, which keeps the outlines it prepared on the upload; the import job writes
those. Both run as jobs in one transaction, so a job killed midway leaves the boundaries as they were.
"""

from __future__ import annotations

import io
import json
import math
import re
import struct
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

import shapefile
import shapely
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy
from shapely.geometry import mapping, shape

from sanphalang.areas.models import Area, AreaLevel
from sanphalang.jobs.kinds import JobKind, JobRefused, register, status_claim
from sanphalang.jobs.models import Job
from sanphalang.jobs.services import job_enqueue
from sanphalang.thai.digits import to_arabic_digits

from ..access import require_boundary_import
from ..errors import BoundaryError
from ..models import Boundary, BoundaryUpload, BoundaryUploadStatus

if TYPE_CHECKING:
    from sanphalang.accounts.models import User

# The fields that hold official codes in the files people have: OCHA/HDX's (with a "TH" prefix) first, then the
# Thai agencies' and generic names.
CODE_FIELDS = (
    "ADM4_PCODE",
    "ADM3_PCODE",
    "ADM2_PCODE",
    "ADM1_PCODE",
    "VILLAGE_CODE",
    "VIL_CODE",
    "TAM_CODE",
    "TAMBON_CODE",
    "TB_CODE",
    "AMP_CODE",
    "AMPHOE_CODE",
    "AP_CODE",
    "PROV_CODE",
    "PROVINCE_CODE",
    "PV_CODE",
    "P_CODE",
    "PCODE",
    "AREA_CODE",
    "CODE",
)
LEVELS = (
    AreaLevel.PROVINCE,
    AreaLevel.DISTRICT,
    AreaLevel.SUBDISTRICT,
    AreaLevel.VILLAGE,
    AreaLevel.COMMUNITY,
)
# How far (in degrees; 0.001° is about 110 m) an outline may move when simplified: a province's map shows a
# country or a region, a village's a tambon.
TOLERANCE = {
    AreaLevel.PROVINCE: 0.003,
    AreaLevel.DISTRICT: 0.0015,
    AreaLevel.SUBDISTRICT: 0.0007,
    AreaLevel.VILLAGE: 0.0003,
    AreaLevel.COMMUNITY: 0.0003,
}
DECIMALS = 5  # about one metre
GEOJSON_SUFFIXES = (".geojson", ".json")
SHAPE_KINDS = {"Polygon", "MultiPolygon"}


@dataclass(frozen=True)
class RawFeature:
    number: int  # the feature's place in the file (GeoJSON) or its record number (Shapefile), from 1
    properties: dict
    geometry: dict | None


@dataclass(frozen=True)
class BoundaryProblem:
    number: int
    code: str
    message: str


@dataclass
class BoundaryCheck:
    code_field: str
    total: int
    features: list[tuple[int, str, dict]] = field(default_factory=list)  # (number, code, geometry), good ones
    problems: list[BoundaryProblem] = field(default_factory=list)
    levels: dict[str, int] = field(default_factory=dict)  # level → good outlines
    unknown_codes: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "code_field": self.code_field,
            "total": self.total,
            "features": self.features,
            "problems": [vars(p) for p in self.problems],
            "levels": self.levels,
            "unknown_codes": self.unknown_codes,
        }

    @classmethod
    def from_json(cls, data: dict) -> BoundaryCheck:
        return cls(
            code_field=data["code_field"],
            total=data["total"],
            features=[tuple(f) for f in data["features"]],
            problems=[BoundaryProblem(**p) for p in data["problems"]],
            levels=data["levels"],
            unknown_codes=data["unknown_codes"],
        )


def summary_json(check: BoundaryCheck) -> dict:
    """What a job keeps as its result: all but the outlines themselves."""
    data = check.as_json()
    data.pop("features")
    data["good"] = len(check.features)
    return data


def _file_error(error: BoundaryError, **params) -> ValidationError:
    return error.error("file", **params)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g}"


# --- reading ------------------------------------------------------------------------------------------------


def read_boundary_file(data: bytes, filename: str) -> list[RawFeature]:
    """The features of a GeoJSON file or a zipped Shapefile; a ValidationError on "file" if it cannot be used."""
    if len(data) > settings.BOUNDARY_MAX_UPLOAD_BYTES:
        raise _file_error(BoundaryError.TOO_LARGE, size=_megabytes(settings.BOUNDARY_MAX_UPLOAD_BYTES))
    name = filename.lower()
    if name.endswith(".zip") or data[:4] == b"PK\x03\x04":
        features = _read_shapefile(data)
    elif name.endswith(GEOJSON_SUFFIXES) or data.lstrip()[:1] == b"{":
        features = _read_geojson(data)
    else:
        raise _file_error(BoundaryError.UNKNOWN_FORMAT)
    if not features:
        raise _file_error(BoundaryError.NO_FEATURES)
    if len(features) > settings.BOUNDARY_MAX_FEATURES:
        raise _file_error(BoundaryError.TOO_MANY_FEATURES, count=settings.BOUNDARY_MAX_FEATURES)
    return features


def _read_geojson(data: bytes) -> list[RawFeature]:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise _file_error(BoundaryError.NOT_GEOJSON, reason="UTF-8") from None
    except (ValueError, RecursionError) as error:
        raise _file_error(BoundaryError.NOT_GEOJSON, reason=str(error)[:200]) from None
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise _file_error(BoundaryError.NOT_FEATURE_COLLECTION)
    crs = document.get("crs")
    if isinstance(crs, dict):
        crs_name = str((crs.get("properties") or {}).get("name", ""))
        if crs_name and not re.search(r"(4326|CRS84|WGS ?84)", crs_name, re.IGNORECASE):
            raise _file_error(BoundaryError.PROJECTED, name=crs_name[:100])
    features = document.get("features")
    if not isinstance(features, list):
        raise _file_error(BoundaryError.NOT_FEATURE_COLLECTION)
    if len(features) > settings.BOUNDARY_MAX_FEATURES:
        raise _file_error(BoundaryError.TOO_MANY_FEATURES, count=settings.BOUNDARY_MAX_FEATURES)
    raw = []
    for number, feature in enumerate(features, start=1):
        feature = feature if isinstance(feature, dict) else {}
        properties = feature.get("properties")
        geometry = feature.get("geometry")
        raw.append(
            RawFeature(
                number,
                properties if isinstance(properties, dict) else {},
                geometry if isinstance(geometry, dict) else None,
            )
        )
    return raw


def _read_shapefile(data: bytes) -> list[RawFeature]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [info for info in archive.infolist() if not info.is_dir()]
    except (zipfile.BadZipFile, ValueError) as error:
        raise _file_error(BoundaryError.NOT_SHAPEFILE, reason=str(error)[:200]) from None
    if sum(info.file_size for info in members) > settings.BOUNDARY_MAX_UNPACKED_BYTES:
        raise _file_error(
            BoundaryError.UNPACKS_TOO_LARGE, size=_megabytes(settings.BOUNDARY_MAX_UNPACKED_BYTES)
        )
    by_suffix: dict[str, list[zipfile.ZipInfo]] = {}
    for info in members:
        path = PurePosixPath(info.filename)
        if path.name.startswith(".") or "__MACOSX" in path.parts:
            continue
        by_suffix.setdefault(path.suffix.lower(), []).append(info)
    if any(len(by_suffix.get(suffix, ())) != 1 for suffix in (".shp", ".shx", ".dbf")):
        raise _file_error(BoundaryError.SHAPEFILE_PARTS)

    def part(suffix: str) -> bytes | None:
        found = by_suffix.get(suffix)
        return archive.read(found[0]) if found else None

    try:
        prj = part(".prj")
        if prj is not None:
            _refuse_projected(prj.decode("latin-1"))
        cpg = part(".cpg")
        encoding = _encoding(cpg.decode("ascii", "replace").strip() if cpg else "")
        reader = shapefile.Reader(
            shp=io.BytesIO(part(".shp")),
            shx=io.BytesIO(part(".shx")),
            dbf=io.BytesIO(part(".dbf")),
            encoding=encoding,
            encodingErrors="replace",
        )
        if len(reader) > settings.BOUNDARY_MAX_FEATURES:
            raise _file_error(BoundaryError.TOO_MANY_FEATURES, count=settings.BOUNDARY_MAX_FEATURES)
        raw = []
        for number, item in enumerate(reader.iterShapeRecords(), start=1):
            raw.append(RawFeature(number, item.record.as_dict(), _shape_geometry(item.shape)))
        return raw
    except ValidationError:
        raise
    except (shapefile.ShapefileException, zipfile.BadZipFile, OSError, ValueError, struct.error) as error:
        raise _file_error(BoundaryError.NOT_SHAPEFILE, reason=str(error)[:200]) from None


def _encoding(name: str) -> str:
    import codecs

    try:
        return codecs.lookup(name).name if name else "utf-8"
    except LookupError:
        return "utf-8"


def _refuse_projected(wkt: str) -> None:
    """A .prj that names a projection (PROJCS, such as UTM zone 47N) rather than a geographic system."""
    text = wkt.strip().upper()
    if text.startswith(("PROJCS", "PROJCRS")):
        name = re.match(r'PROJC(?:S|RS)\["([^"]*)"', wkt.strip(), re.IGNORECASE)
        raise _file_error(BoundaryError.PROJECTED, name=(name.group(1) if name else "PROJCS")[:100])


def _shape_geometry(item) -> dict | None:
    if item.shapeType == shapefile.NULL:
        return None
    try:
        return item.__geo_interface__
    except Exception:  # pyshp raises bare Exceptions for shapes it cannot turn into GeoJSON
        return {"type": "Invalid"}


# --- checking -----------------------------------------------------------------------------------------------


def code_field_of(features: list[RawFeature], wanted: str = "") -> str:
    """The property holding the area codes: the one named, or the first known name the file has."""
    present: dict[str, str] = {}
    for feature in features[:50]:
        for key in feature.properties:
            present.setdefault(str(key).upper(), str(key))
    fields = ", ".join(sorted(present.values())) or "—"
    if wanted:
        found = present.get(wanted.strip().upper())
        if found is None:
            raise BoundaryError.CODE_FIELD_MISSING.error("code_field", field=wanted, fields=fields)
        return found
    for name in CODE_FIELDS:
        if name in present:
            return present[name]
    raise BoundaryError.NO_CODE_FIELD.error("code_field", fields=fields)


def clean_code(value) -> str:
    """An official code as files write it: a number, Thai digits, a "TH" prefix (OCHA), spaces."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, float):
        if not math.isfinite(value) or value != int(value):
            return str(value)
        value = int(value)
    text = to_arabic_digits(str(value)).strip().upper().replace(" ", "")
    if text.startswith("TH"):
        text = text[2:]
    return text


def _round(coordinates):
    if isinstance(coordinates, (list, tuple)) and coordinates and isinstance(coordinates[0], (int, float)):
        return [round(float(c), DECIMALS) for c in coordinates[:2]]
    return [_round(c) for c in coordinates]


def prepare_geometry(geometry: dict | None, level: str) -> dict:
    """The outline, valid, simplified for its level and rounded; a ValueError saying what is wrong with it."""
    if not geometry or not geometry.get("type"):
        raise ValueError(BoundaryError.NOT_POLYGON.message(kind=gettext_lazy("missing shape")))
    kind = geometry.get("type")
    if kind not in SHAPE_KINDS:
        raise ValueError(BoundaryError.NOT_POLYGON.message(kind=str(kind)[:40]))
    try:
        outline = shape(geometry)
    except Exception as error:  # shapely's errors for malformed coordinates vary by type
        raise ValueError(BoundaryError.INVALID_GEOMETRY.message(reason=str(error)[:120])) from None
    if outline.is_empty:
        raise ValueError(BoundaryError.INVALID_GEOMETRY.message(reason=gettext_lazy("no coordinates")))
    minx, miny, maxx, maxy = outline.bounds
    if not all(math.isfinite(v) for v in (minx, miny, maxx, maxy)) or not (
        -180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90
    ):
        raise ValueError(BoundaryError.NOT_LONGITUDE_LATITUDE.message())
    if not outline.is_valid:
        outline = _polygons(shapely.make_valid(outline))
        if outline is None:
            reason = shapely.is_valid_reason(shape(geometry))
            raise ValueError(BoundaryError.INVALID_GEOMETRY.message(reason=reason[:120]))
    simplified = _polygons(outline.simplify(TOLERANCE.get(level, 0.0005), preserve_topology=True)) or outline
    reduced = _polygons(shapely.set_precision(simplified, 10**-DECIMALS)) or simplified
    result = mapping(reduced)
    return {"type": result["type"], "coordinates": _round(result["coordinates"])}


def _polygons(geometry):
    """The polygonal part of a geometry (make_valid may add lines and points), or None if it has none."""
    if geometry is None or geometry.is_empty:
        return None
    if geometry.geom_type in SHAPE_KINDS:
        return geometry
    parts = [g for g in getattr(geometry, "geoms", ()) if g.geom_type in SHAPE_KINDS and not g.is_empty]
    if not parts:
        return None
    merged = shapely.union_all(parts)
    return merged if merged.geom_type in SHAPE_KINDS and not merged.is_empty else None


def check_boundaries(
    features: list[RawFeature],
    *,
    code_field: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> BoundaryCheck:
    """Every feature checked: its code (present, an existing area, not repeated) and its outline."""
    field_name = code_field_of(features, code_field)
    codes = [clean_code(f.properties.get(field_name)) for f in features]
    levels = dict(
        Area.objects.filter(code__in={c for c in codes if c}, level__in=LEVELS).values_list("code", "level")
    )
    check = BoundaryCheck(code_field=field_name, total=len(features))
    first: dict[str, int] = {}
    counted: Counter = Counter()
    for done, (feature, code) in enumerate(zip(features, codes, strict=True), start=1):
        message = ""
        if not code:
            message = BoundaryError.NO_CODE.message()
        elif code not in levels:
            message = BoundaryError.UNKNOWN_CODE.message(code=code)
            check.unknown_codes.append(code)
        elif code in first:
            message = BoundaryError.DUPLICATE_CODE.message(code=code, number=first[code])
        else:
            first[code] = feature.number
            try:
                geometry = prepare_geometry(feature.geometry, levels[code])
            except ValueError as error:
                message = str(error)
            else:
                check.features.append((feature.number, code, geometry))
                counted[levels[code]] += 1
        if message:
            check.problems.append(BoundaryProblem(feature.number, code, message))
        if progress:
            progress(done, len(features))
    check.levels = {str(level): counted[level] for level in LEVELS if counted[level]}
    return check


# --- writing ------------------------------------------------------------------------------------------------


@transaction.atomic
def boundaries_write(*, by: User | None, check: BoundaryCheck, source: str, skip_bad: bool = False) -> int:
    """Write the checked outlines, replacing those the areas had; nothing if any is bad, unless skip_bad."""
    if check.problems and not skip_bad:
        raise JobRefused(
            BoundaryError.NOTHING_IMPORTED.message(),
            row_errors=problem_rows(check),
            result=summary_json(check),
        )
    codes = [code for _number, code, _geometry in check.features]
    Boundary.objects.filter(area_id__in=codes).delete()
    Boundary.objects.bulk_create(
        [
            Boundary(area_id=code, geometry=geometry, source=source[:200], imported_by=by)
            for _number, code, geometry in check.features
        ],
        batch_size=500,
    )
    return len(codes)


def problem_rows(check: BoundaryCheck) -> list[dict]:
    """The problems as a job's row errors: the feature's number as the line, its code as the column."""
    return [{"line": p.number, "column": p.code, "message": p.message} for p in check.problems]


@transaction.atomic
def boundaries_remove(*, by: User, level: str) -> int:
    """Remove the outlines of every area of a level: its maps go back to tiles."""
    require_boundary_import(by)
    if level not in LEVELS:
        raise ValidationError({"level": ValidationError(gettext_lazy("Choose a level."), code="invalid")})
    deleted, _kinds = Boundary.objects.filter(area__level=level).delete()
    return deleted


# --- uploads and their jobs ---------------------------------------------------------------------------------


def boundary_upload_create(
    *, by: User, filename: str, data: bytes, code_field: str = "", check: bool = True, **run
) -> BoundaryUpload:
    """Keep an uploaded boundary file for its check and the confirmation; with check, the check job starts."""
    require_boundary_import(by)
    if len(data) > settings.BOUNDARY_MAX_UPLOAD_BYTES:
        raise _file_error(BoundaryError.TOO_LARGE, size=_megabytes(settings.BOUNDARY_MAX_UPLOAD_BYTES))
    upload = BoundaryUpload.objects.create(
        user=by, filename=filename[:255], data=data, code_field=code_field.strip()[:60]
    )
    if check:
        boundary_check_start(by=by, upload=upload, **run)
    return upload


def _require_owner(by: User, upload: BoundaryUpload) -> None:
    require_boundary_import(by)
    if upload.user_id != by.pk:
        raise BoundaryError.NOT_UPLOADER.error(None)


def boundary_check_start(*, by: User, upload: BoundaryUpload, **run) -> Job:
    _require_owner(by, upload)
    return job_enqueue(by=by, kind=CHECK_JOB, params={"upload": upload.pk}, **run)


def boundary_import_start(*, by: User, upload: BoundaryUpload, skip_bad: bool = False, **run) -> Job:
    """Import the upload's outlines in a job; a second confirmation raises JobAlreadyClaimed."""
    _require_owner(by, upload)
    return job_enqueue(by=by, kind=IMPORT_JOB, params={"upload": upload.pk, "skip_bad": skip_bad}, **run)


def _checked(upload: BoundaryUpload, progress) -> BoundaryCheck:
    try:
        features = read_boundary_file(bytes(upload.data), upload.filename)
        progress(0, len(features))
        return check_boundaries(features, code_field=upload.code_field, progress=progress)
    except ValidationError as error:
        raise JobRefused(" ".join(error.messages)) from None


def _check_job(job: Job, progress) -> dict:
    upload = BoundaryUpload.objects.get(pk=job.params["upload"])
    check = _checked(upload, progress)
    upload.checked = check.as_json()
    upload.save(update_fields=["checked"])
    return summary_json(check)


def _import_job(job: Job, progress) -> dict:
    upload = BoundaryUpload.objects.get(pk=job.params["upload"])
    check = BoundaryCheck.from_json(upload.checked) if upload.checked else _checked(upload, progress)
    written = boundaries_write(
        by=job.user, check=check, source=upload.filename, skip_bad=job.params.get("skip_bad", False)
    )
    progress(check.total, check.total)
    upload.status = BoundaryUploadStatus.IMPORTED
    upload.imported_count = written
    upload.save(update_fields=["status", "imported_count"])
    return {**summary_json(check), "written": written}


_claim, _release = status_claim(
    BoundaryUpload, "upload", waiting=BoundaryUploadStatus.PENDING, taken=BoundaryUploadStatus.QUEUED
)


def _upload_page(job: Job) -> str:
    return reverse("reports:boundary_upload", args=[job.params["upload"]])


CHECK_JOB = "boundaries.check"
IMPORT_JOB = "boundaries.import"
register(JobKind(CHECK_JOB, gettext_lazy("Checking the boundary file"), _check_job, result_url=_upload_page))
register(
    JobKind(
        IMPORT_JOB,
        gettext_lazy("Importing area boundaries"),
        _import_job,
        claim=_claim,
        release=_release,
        result_url=_upload_page,
    )
)
