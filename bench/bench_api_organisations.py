"""Throughput of GET /api/organisations?limit=50 against a plain Django view returning the same 50 rows.

The API authenticates a bearer token, applies the user's area scope, validates the query, counts the list and
serialises each organisation with its area and issue areas; the baseline is JsonResponse of the same page's
rows with their issue areas (two plain queries, no authentication, no count), through the same middleware. Both run in-process through django.test.Client.
Target: the API serves at least half the baseline's requests per second.
"""

import sys
import time

from common import report, setup_django

ORGANISATIONS = 500
REQUESTS = 300
WARM_UP = 30
ROUNDS = 5

urlpatterns: list = []  # filled in main(), once Django is set up; this module is the bench's URLconf


def _create_organisations(by, how_many: int) -> None:
    from sanphalang.areas.models import Area, AreaLevel
    from sanphalang.directory.services import issue_area_create, organisation_create

    subdistricts = list(
        Area.objects.filter(level=AreaLevel.SUBDISTRICT, code__startswith="57").values_list("code", flat=True)
    )
    issues = [
        issue_area_create(by=by, name_th=f"ประเด็น {n}", name_en=f"issue {n}", province_code="57").slug
        for n in range(5)
    ]
    kinds = ["community_organisation", "network", "welfare_fund", "council", "agency"]
    for n in range(how_many):
        organisation_create(
            by=by,
            kind=kinds[n % len(kinds)],
            name_th=f"กลุ่มองค์กรชุมชนที่ {n:03d}",
            abbreviation=f"อช.{n}",
            area_code=subdistricts[n % len(subdistricts)],
            issue_areas=issues[n % 3 : n % 3 + 2],
        )


def _rate(client, path: str, headers: dict) -> float:
    started = time.perf_counter()
    for _ in range(REQUESTS):
        response = client.get(path, headers=headers)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, response.content[:500]
    return REQUESTS / elapsed


def _best_rates(client, api_path: str, headers: dict, baseline_path: str) -> tuple[float, float]:
    """Rounds alternate between the two, so that other work on the machine weighs on both alike."""
    for _ in range(WARM_UP):
        client.get(api_path, headers=headers)
        client.get(baseline_path)
    api_best = baseline_best = 0.0
    for _ in range(ROUNDS):
        api_best = max(api_best, _rate(client, api_path, headers))
        baseline_best = max(baseline_best, _rate(client, baseline_path, {}))
    return api_best, baseline_best


def main() -> int:
    started = time.perf_counter()
    setup_django()
    from django.http import JsonResponse
    from django.test import Client, override_settings
    from django.urls import path

    from sanphalang.accounts.models import Role
    from sanphalang.accounts.services import api_token_create, user_create
    from sanphalang.api.router import api
    from sanphalang.directory.models import Organisation

    coordinator = user_create(
        username="bench",
        password="bench-password-not-real-42",
        role=Role.PROVINCIAL_COORDINATOR,
        area_codes=["57"],
    )
    _create_organisations(coordinator, ORGANISATIONS)
    _token, raw = api_token_create(user=coordinator, name="bench")
    headers = {"Authorization": f"Bearer {raw}"}

    def baseline(request):
        # The same rows with the same content: each organisation's issue areas come with it, as in the API.
        rows = list(
            Organisation.objects.filter(area__pk__startswith="57")
            .order_by("sort_key", "id")
            .values(
                "id",
                "kind",
                "name_th",
                "name_en",
                "abbreviation",
                "area_id",
                "area__name_th",
                "parent_id",
                "is_active",
            )[:50]
        )
        slugs = {row["id"]: [] for row in rows}
        for organisation_id, slug in Organisation.issue_areas.through.objects.filter(
            organisation_id__in=slugs
        ).values_list("organisation_id", "issuearea__slug"):
            slugs[organisation_id].append(slug)
        for row in rows:
            row["issue_areas"] = slugs[row["id"]]
        return JsonResponse(rows, safe=False)

    urlpatterns[:] = [path("baseline/organisations", baseline), path("api/", api.urls)]
    client = Client()
    with override_settings(ROOT_URLCONF=__name__):
        api_ids = [
            item["id"] for item in client.get("/api/organisations?limit=50", headers=headers).json()["items"]
        ]
        baseline_ids = [row["id"] for row in client.get("/baseline/organisations").json()]
        assert api_ids == baseline_ids and len(api_ids) == 50, "the two must return the same rows"
        api_rate, baseline_rate = _best_rates(
            client, "/api/organisations?limit=50", headers, "/baseline/organisations"
        )
    print(
        f"{ORGANISATIONS} organisations, {REQUESTS} requests per round, best of {ROUNDS}; "
        f"{time.perf_counter() - started:.0f} s in all"
    )
    print(f"api: {api_rate:.0f} req/s, baseline: {baseline_rate:.0f} req/s")
    return report(
        "api/baseline (requests per second)",
        api_rate,
        baseline_rate,
        unit="req/s",
        limit=0.5,
        higher_is_better=True,
    )


if __name__ == "__main__":
    sys.exit(main())
