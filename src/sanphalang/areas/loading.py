"""Load the official provinces, districts and subdistricts from geothai (DOPA codes; data CC-BY-4.0)."""

import gzip
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

import geothai

from .keys import area_paths, area_search_key, area_sort_key

SOURCE = "geothai"
# The search and sort keys of every official area, written by data/write_official_keys.py: computing them with
# PyThaiNLP takes seconds, and every new database (each test worker's too) loads the areas.
OFFICIAL_KEYS_FILE = Path(__file__).resolve().parent / "data" / "official_area_keys.tsv.gz"


def official_area_rows() -> Iterator[dict]:
    """Every official area as a dict of Area fields, parents before children."""
    yield {
        "code": "TH",
        "level": "country",
        "name_th": "ประเทศไทย",
        "name_en": "Thailand",
        "parent_id": None,
        "postal_codes": "",
    }
    for province in geothai.provinces():
        yield {
            "code": province.code,
            "level": "province",
            "name_th": province.name_th,
            "name_en": province.name_en,
            "parent_id": "TH",
            "postal_codes": "",
        }
        for district in geothai.districts(province.code):
            yield {
                "code": district.code,
                "level": "district",
                "name_th": district.name_th,
                "name_en": district.name_en,
                "parent_id": province.code,
                "postal_codes": "",
            }
            for sub in geothai.subdistricts(district.code):
                yield {
                    "code": sub.code,
                    "level": "subdistrict",
                    "name_th": sub.name_th,
                    "name_en": sub.name_en,
                    "parent_id": district.code,
                    "postal_codes": " ".join(sub.postal_codes),
                }


def official_key_lines(rows: Iterable[dict]) -> Iterator[str]:
    """The lines of the keys file: code, the names the keys were computed from, search key, sort key."""
    for row in rows:
        yield (
            "\t".join(
                (
                    row["code"],
                    row["name_th"],
                    row["name_en"],
                    area_search_key(row["name_th"], row["name_en"]),
                    area_sort_key(row["name_th"]),
                )
            )
            + "\n"
        )


@cache
def _shipped_keys() -> dict[str, tuple[str, str, str, str]]:
    if not OFFICIAL_KEYS_FILE.exists():
        return {}
    with gzip.open(OFFICIAL_KEYS_FILE, "rt", encoding="utf-8") as lines:
        return {code: tuple(rest) for code, *rest in (line.rstrip("\n").split("\t") for line in lines)}


def _keys(row: dict) -> tuple[str, str]:
    """The search and sort keys of an official area: the shipped ones while its names are those they were made
    from (a newer geothai may rename an area), else computed."""
    name_th, name_en, search_key, sort_key = _shipped_keys().get(row["code"], ("", "", "", ""))
    if (name_th, name_en) == (row["name_th"], row["name_en"]):
        return search_key, sort_key
    return area_search_key(row["name_th"], row["name_en"]), area_sort_key(row["name_th"])


def _write_rows(area_model, to_create: list[dict], to_update: list[dict]) -> None:
    """Plain INSERTs and UPDATEs, one statement run over every row: bulk_create compiles an INSERT for every
    few dozen rows (SQLite's limit on parameters) and bulk_update's CASE expressions are slow to plan."""
    from django.db import connection, transaction

    # Every column of the (possibly historical) model; those an official row does not set take their default.
    fields = [field for field in area_model._meta.concrete_fields if field.attname != "code"]
    table = connection.ops.quote_name(area_model._meta.db_table)
    names = [connection.ops.quote_name(field.column) for field in fields]

    def values(row: dict) -> list:
        return [row[field.attname] if field.attname in row else field.get_default() for field in fields]

    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        if to_create:
            cursor.executemany(
                f"INSERT INTO {table} (code, {', '.join(names)}) VALUES (%s, {', '.join(['%s'] * len(names))})",
                [[row["code"], *values(row)] for row in to_create],
            )
        if to_update:
            cursor.executemany(
                f"UPDATE {table} SET {', '.join(f'{name} = %s' for name in names)} WHERE code = %s",
                [[*values(row), row["code"]] for row in to_update],
            )


def load_official_areas(area_model) -> dict[str, int]:
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
        search_key, sort_key = _keys(row)
        area = {
            **row,
            **paths,
            "search_key": search_key,
            "sort_key": sort_key,
            "is_official": True,
            "is_active": True,
        }
        (to_update if row["code"] in existing else to_create).append(area)
    _write_rows(area_model, to_create, to_update)
    counts = {}
    for level in ("province", "district", "subdistrict"):
        counts[level] = area_model.objects.filter(level=level, is_official=True).count()
    return counts
