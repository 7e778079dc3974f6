"""The main pages, found as a user finds them, for the sweeps that check every page (phone width, accessibility).

The demo's administrator, who reads every record, starts at the home page and follows the links of the navbar
and of each page's content, one page per view: the navbar's destinations, the lists and sections they lead to, and
the page of the first record of each kind. Forms that add or change a record are left to the journeys, which fill
them in. A page added behind a link of the navbar or of a record is swept without anyone listing it."""

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import import_module
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve
from playwright.sync_api import Error as PlaywrightError

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
LANGUAGES = ("th", "en")

# Not pages of the product's own: the admin, the API, language and logout, the JavaScript catalogue.
NOT_SWEPT = ("/admin/", "/api/", "/i18n/", "/jsi18n/", "/accounts/logout/")
# Views that answer with a file, not a page: exports, documents, charts' images and feeds.
FILE_VIEW = re.compile(r"export|download|document|pdf|csv|xlsx|png|svg|ics|calendar|library")
# Views of a form that adds, changes or removes something: the journeys fill them in.
FORM_VIEW = re.compile(
    r"_(create|update|edit|new|add|delete|erase|anonymise|record|reverse|import|submit|done|close|open|settle"
    r"|register|change|split|request)$|^accounts:password"
)

LINKS = """() => Array.from(document.querySelectorAll(
    'nav a[href], main a[href]:not([download]):not([target=_blank])'), a => a.href)"""


@dataclass(frozen=True)
class SweptPage:
    url: str  # path and query, for page.goto on the context's base URL
    view: str  # the view's name, to say which kind of page failed

    def __str__(self) -> str:
        return f"{self.url} ({self.view})"


def view_of(href: str, origin: str) -> str | None:
    """The name of the view a link leads to, or None when it is not a page to sweep."""
    parts = urlsplit(href)
    if f"{parts.scheme}://{parts.netloc}" != origin or parts.path.startswith(NOT_SWEPT):
        return None
    try:
        match = resolve(parts.path)
    except Resolver404:
        return None
    name = match.view_name or match.route
    if FILE_VIEW.search(name.lower()) or FORM_VIEW.search(name):
        return None
    return name


def main_pages(page, origin: str, visit: Callable[[object, SweptPage], None]) -> list[SweptPage]:
    """Walk the pages from the home page with a logged-in `page`, calling `visit(page, swept)` on each once it has
    loaded; return them in the order visited, for the other widths and languages to visit again."""
    queue = [SweptPage(url="/", view=view_of(origin + "/", origin))]
    seen = {queue[0].view}
    swept: list[SweptPage] = []
    while queue:
        current = queue.pop(0)
        response = open_page(page, current)
        if response is None or "text/html" not in response.headers.get("content-type", ""):
            continue
        swept.append(current)
        visit(page, current)
        for href in page.evaluate(LINKS):
            view = view_of(href, origin)
            if view and view not in seen:
                seen.add(view)
                parts = urlsplit(href)
                queue.append(
                    SweptPage(url=parts.path + (f"?{parts.query}" if parts.query else ""), view=view)
                )
    return swept


def open_page(page, swept: SweptPage):
    """Go to a swept page; None when its link starts a download instead."""
    try:
        response = page.goto(swept.url)
    except PlaywrightError as error:
        if "Download is starting" in str(error):
            return None
        raise
    assert response is not None and response.ok, f"{swept} answered {response and response.status}"
    return response


def load_demo_and_log_in(browser, live_server) -> dict:
    """Load the demo data and log its administrator in once; the storage state every context of a sweep shares."""
    from django.apps import apps

    from sanphalang.demo.data import DEMO_PASSWORD
    from sanphalang.demo.loader import load_demo

    # The national strategies a migration writes, which the flush after an earlier browser test took away.
    import_module("sanphalang.plans.migrations.0002_national_strategies_and_common_measures").load(apps, None)
    load_demo()
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    state = context.storage_state()
    context.close()
    return state


@contextmanager
def logged_in_page(
    browser, live_server, state: dict, device: dict, language: str, script: str = ""
) -> Iterator[object]:
    """A page of a context of its own at one width, in one language (the language switch's cookie), with a script
    run in every page it opens."""
    context = browser.new_context(base_url=live_server.url, storage_state=state, **device)
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    if script:
        context.add_init_script(script=script)
    context.set_default_timeout(15_000)
    try:
        yield context.new_page()
    finally:
        context.close()
