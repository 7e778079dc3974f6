"""Every page is sent with a strict Content-Security-Policy and holds nothing it would block: no inline script
(no <script> without src, no on…= handler), no inline style."""

from html.parser import HTMLParser

import pytest
from django.test import Client

from tests.access.routes import web_routes


class InlineCode(HTMLParser):
    """The inline scripts and styles of a page: what the policy forbids."""

    def __init__(self, *, styles: bool):
        super().__init__()
        self.styles = styles
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and "src" not in attributes and attributes.get("type") != "application/json":
            self.found.append(f"<script> at line {self.getpos()[0]}")
        if self.styles and tag == "style":
            self.found.append(f"<style> at line {self.getpos()[0]}")
        for name in attributes:
            if name.startswith("on") or name.startswith("hx-on") or (self.styles and name == "style"):
                self.found.append(f"{name}= on <{tag}> at line {self.getpos()[0]}")


def inline_code(html: str, *, styles: bool = True) -> list[str]:
    parser = InlineCode(styles=styles)
    parser.feed(html)
    return parser.found


def pages_without_parameters() -> list[str]:
    return sorted(
        "/" + route.route
        for route in web_routes()
        if not route.parameters and not route.route.endswith(("logout/", "setlang/"))
    )


def test_the_policy_allows_scripts_and_styles_of_this_site_only(db):
    policy = Client().get("/accounts/login/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"


@pytest.mark.parametrize("anonymous", [True, False])
def test_every_page_has_the_policy_and_no_inline_script(cast, client_for, anonymous):
    # given every page that takes no parameter, opened by an administrator or by a visitor who is not logged in
    client = Client() if anonymous else client_for(cast.admin)
    problems = {}
    for path in pages_without_parameters():
        response = client.get(path)
        # then each answer carries the policy
        if "Content-Security-Policy" not in response:
            problems[path] = "no Content-Security-Policy header"
        elif response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            # and no page holds what the policy would block
            found = inline_code(response.content.decode())
            if found:
                problems[path] = found
    assert problems == {}


def test_a_form_with_the_area_box_wires_it_from_the_site_script(cast, client_for):
    # the area-code box's suggestions were an inline script; they are wired by site.js from a data attribute
    html = client_for(cast.admin).get("/directory/organisations/new/").content.decode()
    assert 'data-options-url="/directory/area-options/"' in html
    assert inline_code(html) == []
