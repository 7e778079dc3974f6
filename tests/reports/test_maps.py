"""The maps: the 77 province tiles join their official codes, the tile layout gives way to real outlines once
every area on a map has a boundary, labels are cut where Thai may be cut, and the legend reads sensibly."""

import pytest

from sanphalang.areas.models import Area, AreaLevel
from sanphalang.reports import charts
from sanphalang.reports.maps import _COMBINING, _short, map_layout, province_tiles
from sanphalang.reports.models import Boundary
from sanphalang.reports.selectors.dashboards import dashboard
from sanphalang.reports.selectors.maps import figure_map

from .dashboards_data import QUARTER, chiang_rai_meetings

pytestmark = pytest.mark.django_db

SQUARE = {"type": "Polygon", "coordinates": [[[99.8, 19.9], [99.9, 19.9], [99.9, 20.0], [99.8, 19.9]]]}


def test_all_77_tiles_join_their_official_province_codes():
    tiles = province_tiles()
    official = set(Area.objects.filter(level=AreaLevel.PROVINCE).values_list("code", flat=True))
    assert len(tiles) == 77
    assert {tile.code for tile in tiles} == official
    # and no two tiles share a place on the grid
    assert len({(tile.column, tile.row) for tile in tiles}) == 77
    chiang_rai = next(tile for tile in tiles if tile.code == "57")
    assert (chiang_rai.name, chiang_rai.label) == ("เชียงราย", "ชร")


def test_a_province_is_drawn_with_outlines_only_when_every_district_has_one():
    districts = list(Area.objects.filter(parent_id="57", is_active=True).exclude(level=AreaLevel.COMMUNITY))
    Boundary.objects.bulk_create([Boundary(area=district, geometry=SQUARE) for district in districts[1:]])
    assert map_layout("57").kind == "tiles"
    Boundary.objects.create(area=districts[0], geometry=SQUARE)
    layout = map_layout("57")
    assert layout.kind == "shapes"
    assert set(layout.shapes) == {district.code for district in districts}


def test_the_outlines_map_hovers_and_links_like_the_tiles(cast):
    chiang_rai_meetings()
    districts = Area.objects.filter(parent_id="57", is_active=True).exclude(level=AreaLevel.COMMUNITY)
    Boundary.objects.bulk_create([Boundary(area=district, geometry=SQUARE) for district in districts])
    board = dashboard(user=cast.chiangrai_coordinator, code="57", quarter=QUARTER, figures=["meetings_held"])
    drawn = figure_map(
        user=cast.chiangrai_coordinator, board=board, key="meetings_held", href=lambda c: f"/d/{c}"
    )
    assert drawn.kind == "shapes" and drawn.credit == ""
    features = {f["properties"]["code"]: f["properties"] for f in drawn.spec["data"]["values"]["features"]}
    assert features["5701"]["value"] == 2 and features["5701"]["href"] == "/d/5701"
    assert drawn.spec["encoding"]["href"] == {"field": "properties.href"}
    charts.render_svg(drawn.spec)  # and the server draws it


def test_the_country_tile_map_carries_the_layouts_credit(cast):
    board = dashboard(user=cast.admin, code="TH", quarter=QUARTER, figures=["cases_open"])
    drawn = figure_map(user=cast.admin, board=board, key="cases_open", href=lambda c: c)
    assert "Krist Wongsuphasawat (MIT)" in drawn.credit
    assert len(drawn.spec["data"]["values"]) == 77


def test_tile_labels_are_cut_between_whole_characters():
    names = Area.objects.filter(level=AreaLevel.DISTRICT).values_list("name_th", flat=True)
    for name in names:
        label = _short(name)
        kept = label.removesuffix("…")
        assert name.startswith(kept)
        if kept != name:
            assert name[len(kept)] not in _COMBINING, name  # no vowel or tone mark left without its consonant


@pytest.mark.parametrize(
    ("values", "legend", "domain_max"),
    [([None, None], False, None), ([3, 3, None], True, 3), ([0, 0], True, 1), ([1, 5], True, None)],
)
def test_the_legend_reads_sensibly_when_values_are_missing_or_equal(values, legend, domain_max):
    cells = [
        {"code": str(i), "name": str(i), "label": str(i), "column": i, "row": 0, "value": v, "href": ""}
        for i, v in enumerate(values)
    ]
    spec = charts.grid_map(title="t", unit="u", cells=cells, columns=len(values), rows=1)
    colour = spec["layer"][0]["encoding"]["color"]
    assert ("legend" not in colour) is legend
    assert colour["scale"].get("domainMax") == domain_max
    assert colour["scale"]["domainMin"] == 0
