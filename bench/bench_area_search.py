"""Searching all 7,436 subdistricts by a Thai or English fragment, against the bare indexed query.

The selector normalises the query (prefixes such as ต., digits, case), joins the district and province for
display and ranks the results; the baseline is the same substring filter on the indexed search key alone, in
code order. Both return the first page of 50, as the search page and the API show it; the match still runs over
every subdistrict. Target: the selector takes at most 2x the baseline's time.
"""

import sys

from common import best_of_interleaved, report, setup_django

FRAGMENTS = ["ป่าซาง", "ต.เวียง", "แม่", "นา", "Mae Sai", "chiang", "บาง", "tha", "หนองบัว", "Khlong"]
ROUNDS = 15
PAGE = 50


def main() -> int:
    setup_django()
    from sanphalang.areas.models import Area
    from sanphalang.areas.selectors import area_search
    from sanphalang.thai.names import compact, strip_area_prefix

    keys = [compact(strip_area_prefix(f)) for f in FRAGMENTS]

    def baseline():
        for key in keys:
            list(
                Area.objects.filter(level="subdistrict", search_key__contains=key)
                .order_by("code")
                .values_list("code", "name_th", "name_en", "path_th", "path_en")[:PAGE]
            )

    def selector():
        for fragment in FRAGMENTS:
            [
                (a.code, str(a), a.display_path)
                for a in area_search(query=fragment, level="subdistrict")[:PAGE]
            ]

    # the two must find the same subdistricts, or the comparison means nothing
    for fragment, key in zip(FRAGMENTS, keys, strict=True):
        expected = set(
            Area.objects.filter(level="subdistrict", search_key__contains=key).values_list("code", flat=True)
        )
        assert {a.code for a in area_search(query=fragment, level="subdistrict")} == expected, fragment
    baseline(), selector()  # warm caches
    base, measured = best_of_interleaved(ROUNDS, baseline, selector)
    count = Area.objects.filter(level="subdistrict").count()
    print(f"{count} subdistricts, {len(FRAGMENTS)} fragments per round")
    return report(
        "area search (seconds per round)", measured, base, unit="s", limit=2.0, higher_is_better=False
    )


if __name__ == "__main__":
    sys.exit(main())
