"""Every page and every API route, opened and written to by people who must not see or change the records it names:
a coordinator of another district, a viewer and a partner of another province, and an anonymous visitor. A viewer
and a partner must not write even in their own province, and a partner never sees a national ID.

The routes come from Django's URL resolver and from the API's OpenAPI document, so a new route is covered as soon
as it exists; one whose parameters cannot be filled fails here until tests/access/routes.py says how.
"""

from dataclasses import dataclass

import pytest
from django.test import Client

from .probes import (
    betrayed,
    changed_tables,
    fingerprint,
    form_body,
    form_extras,
    json_body,
    shown,
    write_counts,
    written_since,
)
from .routes import (
    PUBLIC_ROUTES,
    WEB_PARAMETERS,
    Route,
    UnfilledParameter,
    api_operations,
    api_routes,
    fill,
    openapi_document,
    web_routes,
)

pytestmark = pytest.mark.one_database


@dataclass(frozen=True)
class Visitor:
    key: str
    user: str | None  # the cast's attribute; None for an anonymous visitor
    records: str  # whose records the routes are aimed at: "maesai" (Chiang Rai, 5709) or "phayao" (56)
    hidden: dict  # which of the records' secrets must not show (see AreaRecords.secrets)

    def secrets(self, records) -> list[str]:
        return records.secrets(**self.hidden) if self.hidden is not None else []


NOTHING_HIDDEN = {"district": False, "province": False, "national_id": False}
VISITORS = [
    # Mueang Chiang Rai (5701) and Mae Sai (5709) share the province: its issue areas, sources and audit rounds
    # are for both, so only what is of Mae Sai must not show.
    Visitor("other_district_coordinator", "mueang_coordinator", "maesai", {"province": False}),
    Visitor("viewer_of_another_province", "chiangrai_viewer", "phayao", {}),
    Visitor("partner_of_another_province", "chiangrai_partner", "phayao", {}),
    Visitor("anonymous", None, "maesai", {}),
    # In their own province a viewer and a partner read the records but write nothing; a partner sees no ID.
    Visitor("viewer_in_own_area", "chiangrai_viewer", "maesai", NOTHING_HIDDEN),
    Visitor("partner_in_own_area", "chiangrai_partner", "maesai", {"district": False, "province": False}),
]

WEB_ROUTES = web_routes()
API_ROUTES = api_routes()
CASES = [
    (route, method, visitor)
    for route in WEB_ROUTES + API_ROUTES
    for method in route.methods
    for visitor in VISITORS
]
# The figures the access tests report: routes × visitors, for the pages and for the API.
COVERAGE = {
    "web routes": len(WEB_ROUTES),
    "web routes x visitors": len(WEB_ROUTES) * len(VISITORS),
    "API routes": len(API_ROUTES),
    "API operations": sum(len(r.methods) for r in API_ROUTES),
    "API operations x visitors": sum(len(r.methods) for r in API_ROUTES) * len(VISITORS),
    "requests": len(CASES),
}

# Where the product shows or accepts what it must not, found by these tests (kept failing until it is fixed).
KNOWN_LEAKS: dict[tuple[str, str, str], str] = {}


def _case_id(case) -> str:
    route, method, visitor = case
    return f"{route.kind}-{visitor.key}-{method}-{route.route}"


def _params():
    for case in CASES:
        route, method, visitor = case
        reason = KNOWN_LEAKS.get((route.route, method, visitor.key))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        yield pytest.param(*case, id=_case_id(case), marks=marks)


def _client(world, visitor: Visitor, route: Route) -> Client:
    return world.client(getattr(world.cast, visitor.user) if visitor.user else None, api=route.kind == "api")


def _send(client: Client, route: Route, method: str, url: str, records):
    if method == "GET":
        return client.get(url)
    if route.kind == "web":
        return client.post(url, {**form_body(records), **form_extras(route.name)})
    operation = api_operations()[route.route][method.lower()]
    body = json_body(operation, openapi_document()["components"]["schemas"], records)
    return getattr(client, method.lower())(url, body, content_type="application/json")


def _sent_and_changed(world, user, client: Client, route: Route, method: str, url: str, records):
    """The answer to a write probe, and the tables whose rows it changed (but the user's own)."""
    before = world.fingerprint_before(user)
    # Digesting every table after each write probe cost most of its time: where the database counts the rows
    # written, only the tables it counts as written to are digested again.
    counts = write_counts()
    response = _send(client, route, method, url, records)
    after = fingerprint(user, written_since(counts))
    return response, changed_tables({table: before[table] for table in after}, after)


def _turned_away(response, route: Route) -> bool:
    if route.kind == "api":
        return response.status_code in (401, 403, 404, 405)
    if response.status_code in (302, 303):
        return "/login/" in response["Location"]
    return response.status_code in (403, 404, 405)


@pytest.mark.parametrize(("route", "method", "visitor"), list(_params()))
def test_it_shows_and_changes_nothing_outside_the_visitors_areas(world, db, route, method, visitor):
    # given the records of another area, and a visitor who must not see or change them
    records = world.records(visitor.records)
    user = getattr(world.cast, visitor.user) if visitor.user else None
    url = fill(route, records)
    client = _client(world, visitor, route)

    # when the visitor opens the route, or sends it a form or a JSON body aimed at those records
    if method == "GET":
        response, changed = _send(client, route, method, url, records), []
    else:
        response, changed = _sent_and_changed(world, user, client, route, method, url, records)

    # then nothing of the records shows
    text, opaque = shown(response)
    where = f"{method} {url} as {visitor.key} answered {response.status_code}"
    assert not betrayed(text, visitor.secrets(records)), (
        f"{where} and showed {betrayed(text, visitor.secrets(records))}"
    )
    if visitor.hidden.get("district", True) and route.parameters and not route.is_public:
        assert not (opaque and response.status_code < 300), f"{where} with a document of the other area"
    # and nothing was written
    assert not changed, f"{where} and changed {changed}"
    # and an anonymous visitor is sent to log in
    if visitor.user is None and not route.is_public:
        assert _turned_away(response, route), f"{where} to an anonymous visitor"


def test_every_route_says_how_to_fill_its_parameters(world, db):
    # given every route, web and API
    # when each is filled with the records of another area
    unfilled = []
    for route in WEB_ROUTES + API_ROUTES:
        try:
            fill(route, world.maesai)
        except UnfilledParameter as error:
            unfilled.append(str(error))
    # then none is left out
    assert not unfilled, "\n".join(unfilled)


def test_its_tables_name_only_routes_that_exist():
    # given the routes the resolver knows
    names = {route.name for route in WEB_ROUTES} | {"api:unknown_route"}
    routes = {route.route for route in WEB_ROUTES}
    # then the tables of parameters and of public routes name none that has gone
    assert not set(WEB_PARAMETERS) - names
    assert not set(PUBLIC_ROUTES) - routes


def test_it_covers_the_pages_and_the_api():
    # then the walk found the pages of every app and every API route (figures printed at the end of the run)
    apps = {route.route.split("/", 1)[0] for route in WEB_ROUTES}
    assert {"accounts", "areas", "directory", "import", "meetings", "welfare", "admin"} <= apps
    assert COVERAGE["API operations"] >= 60


# Routes whose owner, sending the same probes, is shown the records or changes them: proof that the probes reach
# the records and that the checks above would see a leak or a write.
OWNER_READS = [
    "directory/organisations/<int:pk>/",
    "directory/people/<int:pk>/",
    "meetings/<int:pk>/",
    "welfare/funds/<int:pk>/",
    "/api/people/{person_id}",
    "/api/meetings/{meeting_id}",
]
OWNER_WRITES = [
    ("directory/organisations/<int:pk>/edit/", "POST"),
    ("directory/people/<int:pk>/edit/", "POST"),
    ("meetings/<int:pk>/edit/", "POST"),
    ("meetings/<int:pk>/resolutions/", "POST"),
    ("meetings/agenda/<int:pk>/remove/", "POST"),
    ("meetings/letters/<int:pk>/edit/", "POST"),
    ("welfare/funds/<int:pk>/years/<int:year_be>/", "POST"),
    ("welfare/review/<int:pk>/", "POST"),
    ("/api/organisations/{organisation_id}", "PATCH"),
    ("/api/people/{person_id}", "PATCH"),
    ("/api/meetings/{meeting_id}", "PATCH"),
    ("/api/meetings/{meeting_id}/attendance", "POST"),
    ("/api/meetings/{meeting_id}/resolutions/{resolution_id}", "PATCH"),
    ("/api/action-items", "POST"),
    ("/api/action-items/{item_id}", "DELETE"),
    ("/api/letters/{letter_id}", "PATCH"),
    ("/api/bodies/{body_id}/members", "POST"),
    ("/api/welfare/funds/{fund_id}/years/{year_be}", "PUT"),
    ("/api/welfare/funds/{fund_id}/settlements", "POST"),
    ("/api/welfare/review/{record_id}", "POST"),
]
ROUTES_BY_PATH = {route.route: route for route in WEB_ROUTES + API_ROUTES}
OWNER = Visitor("owner", "maesai_coordinator", "maesai", {"province": False})


@pytest.mark.parametrize("path", OWNER_READS)
def test_the_owner_is_shown_the_records_the_others_are_not(world, db, path):
    route, records = ROUTES_BY_PATH[path], world.maesai
    response = _send(_client(world, OWNER, route), route, "GET", fill(route, records), records)
    assert response.status_code == 200
    assert records.marker in betrayed(shown(response)[0], OWNER.secrets(records))


@pytest.mark.parametrize(("path", "method"), OWNER_WRITES)
def test_the_owner_changes_the_records_the_others_cannot(world, db, path, method):
    route, records, owner = ROUTES_BY_PATH[path], world.maesai, world.cast.maesai_coordinator
    client = _client(world, OWNER, route)
    response, changed = _sent_and_changed(world, owner, client, route, method, fill(route, records), records)
    assert response.status_code < 400, response.content[:300]
    assert changed
