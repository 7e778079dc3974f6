"""Load the official provinces, districts and subdistricts from geothai (DOPA codes; data CC-BY-4.0)."""

from collections.abc import Iterator

import geothai

from .keys import area_paths, area_search_key, area_sort_key

SOURCE = "geothai"


def official_area_rows() -> Iterator[dict]:
    """Every official area as a dict of Area fields, parents before children."""
    yield {"code": "TH", "level": "country", "name_th": "ประเทศไทย", "name_en": "Thailand", "parent_id": None,
           "postal_codes": ""}
    for province in geothai.provinces():
        yield {"code": province.code, "level": "province", "name_th": province.name_th,
               "name_en": province.name_en, "parent_id": "TH", "postal_codes": ""}
        for district in geothai.districts(province.code):
            yield {"code": district.code, "level": "district", "name_th": district.name_th,
                   "name_en": district.name_en, "parent_id": province.code, "postal_codes": ""}
            for sub in geothai.subdistricts(district.code):
                yield {"code": sub.code, "level": "subdistrict", "name_th": sub.name_th, "name_en": sub.name_en,
                       "parent_id": district.code, "postal_codes": " ".join(sub.postal_codes)}


def load_official_areas(area_model, *, batch_size: int = 2000) -> dict[str, int]:
    """Insert or update every official area; return how many of each level the database now holds.

    Takes the model class so a data migration can pass its historical model.
    """
    existing = set(area_model.objects.values_list("code", flat=True))
    to_create, to_update = [], []
    rows_by_code: dict[str, dict] = {}
    # The first data migration runs before the path columns exist.
    has_paths = any(field.name == "path_th" for field in area_model._meta.fields)
    for row in official_area_rows():
        rows_by_code[row["code"]] = row
        chain, parent = [row], row["parent_id"]
        while parent and parent != "TH":
            chain.append(rows_by_code[parent])
            parent = rows_by_code[parent]["parent_id"]
        paths = dict(zip(("path_th", "path_en"), area_paths(chain), strict=True)) if has_paths else {}
        area = area_model(**row, **paths,
                          search_key=area_search_key(row["name_th"], row["name_en"]),
                          sort_key=area_sort_key(row["name_th"]), is_official=True, is_active=True)
        (to_update if row["code"] in existing else to_create).append(area)
    area_model.objects.bulk_create(to_create, batch_size=batch_size)
    if to_update:
        area_model.objects.bulk_update(
            to_update, ["level", "name_th", "name_en", "parent_id", "postal_codes", "search_key", "sort_key",
                        "is_official", "is_active"] + (["path_th", "path_en"] if has_paths else []),
            batch_size=batch_size)
    counts = {}
    for level in ("province", "district", "subdistrict"):
        counts[level] = area_model.objects.filter(level=level, is_official=True).count()
    return counts
