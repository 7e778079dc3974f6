"""Importing area boundaries: generated GeoJSON files and zipped Shapefiles of Chiang Rai's districts, every
kind of bad outline, all or nothing, skipping the bad, the command and the administrator's pages."""

import io
import json
import zipfile

import pytest
import shapefile
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from sanphalang.areas.models import Area, AreaLevel
from sanphalang.reports import charts
from sanphalang.reports.maps import map_layout
from sanphalang.reports.models import Boundary, BoundaryUpload
from sanphalang.reports.services.boundaries import (
    boundaries_remove,
    boundary_import_start,
    boundary_upload_create,
    check_boundaries,
    read_boundary_file,
)

PROVINCE = "57"
WGS84_PRJ = (
    'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],'
    'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'
)
UTM_PRJ = 'PROJCS["WGS_1984_UTM_Zone_47N",GEOGCS["GCS_WGS_1984"],PROJECTION["Transverse_Mercator"]]'


def square(column: int, row: int, size: float = 0.1) -> list:
    x, y = 99.5 + column * size, 19.5 + row * size
    return [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]


def districts() -> list[str]:
    return list(
        Area.objects.filter(parent_id=PROVINCE, is_active=True)
        .exclude(level=AreaLevel.COMMUNITY)
        .order_by("code")
        .values_list("code", flat=True)
    )


def feature(code, coordinates, kind="Polygon", field="ADM2_PCODE") -> dict:
    return {
        "type": "Feature",
        "properties": {field: code, "ADM2_TH": "อำเภอ"},
        "geometry": {"type": kind, "coordinates": coordinates} if kind else None,
    }


def geojson(features: list[dict]) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def district_file(prefix: str = "TH") -> bytes:
    return geojson([feature(prefix + code, square(i % 4, i // 4)) for i, code in enumerate(districts())])


def zipped_shapefile(codes: list[str], *, prj: str = WGS84_PRJ, field: str = "AMP_CODE") -> bytes:
    shp, shx, dbf = io.BytesIO(), io.BytesIO(), io.BytesIO()
    with shapefile.Writer(shp=shp, shx=shx, dbf=dbf, shapeType=shapefile.POLYGON) as writer:
        writer.field(field, "C", size=10)
        for i, code in enumerate(codes):
            writer.poly(square(i % 4, i // 4))
            writer.record(code)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as packed:
        for suffix, part in ((".shp", shp), (".shx", shx), (".dbf", dbf)):
            packed.writestr("districts" + suffix, part.getvalue())
        if prj:
            packed.writestr("districts.prj", prj)
    return archive.getvalue()


def run(admin, data: bytes, filename="districts.geojson", *, code_field="", skip_bad=False):
    upload = boundary_upload_create(by=admin, filename=filename, data=data, code_field=code_field)
    return upload, boundary_import_start(by=admin, upload=upload, skip_bad=skip_bad)


def problems(data: bytes, filename="bad.geojson") -> list:
    return check_boundaries(read_boundary_file(data, filename)).problems


def test_it_imports_a_provinces_districts_from_geojson_and_the_map_draws_their_shapes(cast):
    # given a GeoJSON file of Chiang Rai's districts, codes with OCHA's "TH" prefix
    codes = districts()
    # when the administrator imports it
    upload, job = run(cast.admin, district_file())
    # then every district has its outline, rounded, and the province's map draws shapes
    assert job.status == "done", job.failure
    assert set(Boundary.objects.values_list("area_id", flat=True)) == set(codes)
    ring = Boundary.objects.get(area_id=codes[0]).geometry["coordinates"][0]
    assert [99.5, 19.5] in ring and all(len(str(v).split(".")[-1]) <= 5 for point in ring for v in point)
    layout = map_layout(PROVINCE)
    assert layout.kind == "shapes" and set(layout.shapes) == set(codes)
    features = [
        {"type": "Feature", "geometry": layout.shapes[c], "properties": {"code": c, "name": c, "value": i}}
        for i, c in enumerate(codes)
    ]
    svg = charts.render_svg(charts.shape_map(title="เชียงราย", unit="ครั้ง", features=features))
    assert svg.startswith("<svg") and "<path" in svg


def test_it_imports_a_zipped_shapefile_written_with_pyshp(cast):
    codes = districts()
    _upload, job = run(cast.admin, zipped_shapefile(codes), "districts.zip")
    assert job.status == "done", job.failure
    assert Boundary.objects.count() == len(codes)
    assert job.result["levels"] == {"district": len(codes)}


def test_it_takes_the_code_field_it_is_given(cast):
    data = geojson([feature(code, square(i, 0), field="AMPHOE") for i, code in enumerate(districts()[:2])])
    assert run(cast.admin, data)[1].status == "failed"  # AMPHOE is no known name
    _upload, job = run(cast.admin, data, code_field="amphoe")
    assert job.status == "done" and Boundary.objects.count() == 2


@pytest.mark.parametrize(
    "bad, reason",
    [
        (feature("", square(0, 0)), "no area code"),
        (feature("TH5799", square(0, 0)), "5799"),
        (feature("TH5701", [[0, 0], [1, 1]], kind="LineString"), "LineString"),
        (feature("TH5701", None, kind=None), "not an outline"),
        (
            feature("TH5701", [[[500000, 2100000], [510000, 2100000], [510000, 2110000], [500000, 2100000]]]),
            "WGS 84",
        ),
        (feature("TH5701", [[[99.5, 19.5], [99.6, 19.5]]]), "broken"),
    ],
)
def test_it_reports_each_bad_outline_with_its_number_and_code(cast, bad, reason):
    # given a file whose second outline is bad
    with translation.override("en"):
        found = problems(geojson([feature("TH5702", square(0, 0)), bad]))
    # then the problem names the outline's number and why
    assert [p.number for p in found] == [2]
    assert reason in found[0].message or reason == found[0].code


def test_it_mends_a_self_crossing_outline_and_reports_a_repeated_code(cast):
    bowtie = [[[99.5, 19.5], [99.6, 19.6], [99.6, 19.5], [99.5, 19.6], [99.5, 19.5]]]
    with translation.override("en"):
        check = check_boundaries(
            read_boundary_file(geojson([feature("5701", bowtie), feature("5701", square(1, 1))]), "f.geojson")
        )
    assert [code for _n, code, _g in check.features] == ["5701"]
    assert check.problems[0].number == 2 and "repeats outline 1" in check.problems[0].message


def test_it_refuses_a_projected_shapefile_and_a_file_of_another_kind(cast):
    with translation.override("en"), pytest.raises(ValidationError, match="WGS 84"):
        read_boundary_file(zipped_shapefile(["5701"], prj=UTM_PRJ), "utm.zip")
    with translation.override("en"), pytest.raises(ValidationError, match="GeoJSON"):
        read_boundary_file(b"a,b\n1,2\n", "districts.csv")
    with translation.override("en"), pytest.raises(ValidationError, match="FeatureCollection"):
        read_boundary_file(b'{"type": "Feature"}', "one.geojson")


def test_it_refuses_a_file_over_the_size_limit(cast, settings):
    settings.BOUNDARY_MAX_UPLOAD_BYTES = 100
    with translation.override("en"), pytest.raises(ValidationError, match="larger than"):
        boundary_upload_create(by=cast.admin, filename="big.geojson", data=district_file())


def test_it_writes_nothing_when_one_outline_is_bad_unless_told_to_skip_it(cast):
    # given outlines imported before, and a new file with one bad outline
    run(cast.admin, district_file())
    before = dict(Boundary.objects.values_list("area_id", "geometry"))
    codes = districts()
    data = geojson([feature(code, square(5, 5)) for code in codes[:-1]] + [feature("TH5799", square(0, 0))])
    # when it is imported: nothing changes
    _upload, job = run(cast.admin, data)
    assert job.status == "failed" and job.row_errors == [
        {"line": len(codes), "column": "5799", "message": job.row_errors[0]["message"]}
    ]
    assert dict(Boundary.objects.values_list("area_id", "geometry")) == before
    # when the bad one is skipped: the good ones replace theirs
    _upload, job = run(cast.admin, data, skip_bad=True)
    assert job.status == "done" and job.result["written"] == len(codes) - 1
    assert Boundary.objects.get(area_id=codes[0]).geometry != before[codes[0]]


def test_only_an_administrator_imports_and_removes_boundaries(cast, client_for):
    from sanphalang.errors import AccessDenied

    with pytest.raises(AccessDenied):
        boundary_upload_create(by=cast.chiangrai_coordinator, filename="d.geojson", data=district_file())
    with pytest.raises(AccessDenied):
        boundaries_remove(by=cast.chiangrai_coordinator, level=AreaLevel.DISTRICT)
    for name in ("reports:boundary_import", "reports:boundary_list"):
        assert client_for(cast.chiangrai_coordinator).get(reverse(name)).status_code == 403
    upload = boundary_upload_create(by=cast.admin, filename="d.geojson", data=district_file(), check=False)
    page = reverse("reports:boundary_upload", args=[upload.pk])
    assert client_for(cast.chiangrai_coordinator).get(page).status_code == 403


def test_the_admin_page_uploads_previews_imports_and_removes(cast, client_for):
    client = client_for(cast.admin)
    codes = districts()
    data = geojson(
        [feature("TH" + c, square(i % 4, i // 4)) for i, c in enumerate(codes)]
        + [feature("TH5799", square(0, 0))]
    )
    # upload → the check job's preview: areas per level, codes not found, the errors
    upload_file = io.BytesIO(data)
    upload_file.name = "districts.geojson"
    response = client.post(reverse("reports:boundary_import"), {"file": upload_file, "code_field": ""})
    assert response.status_code == 302
    preview = client.get(response["Location"])
    body = preview.content.decode()
    assert 'id="code-field">ADM2_PCODE<' in body and 'id="unknown-codes"' in body and "5799" in body
    assert f'id="good-count">{len(codes)}<' in body or 'id="good-count">' in body
    upload = BoundaryUpload.objects.get()
    confirm = reverse("reports:boundary_confirm", args=[upload.pk])
    # confirming without skipping is refused, nothing written
    assert client.post(confirm).status_code == 400 and not Boundary.objects.exists()
    # skipping the bad outline imports the rest
    done = client.post(confirm, {"skip_bad": "on"})
    assert done.status_code == 302 and Boundary.objects.count() == len(codes)
    assert 'id="boundary-imported"' in client.get(done["Location"]).content.decode()
    # the list shows the district level's outlines, and removes them
    listing = client.get(reverse("reports:boundary_list")).content.decode()
    assert 'data-level="district"' in listing
    client.post(reverse("reports:boundary_remove"), {"level": "district"})
    assert not Boundary.objects.exists() and map_layout(PROVINCE).kind == "tiles"


def test_the_command_imports_a_file_and_fails_on_a_bad_one(cast, tmp_path):
    good = tmp_path / "districts.zip"
    good.write_bytes(zipped_shapefile(districts()))
    out = io.StringIO()
    call_command("import_boundaries", str(good), stdout=out)
    assert Boundary.objects.count() == len(districts())
    bad = tmp_path / "bad.geojson"
    bad.write_bytes(geojson([feature("ABC", square(0, 0), field="CODE")]))
    with pytest.raises(CommandError):
        call_command("import_boundaries", str(bad), "--code-field", "CODE", stdout=io.StringIO())
    call_command("import_boundaries", str(bad), "--code-field", "CODE", "--skip-bad", stdout=io.StringIO())
