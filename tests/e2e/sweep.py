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
FILE_VIEW = re.compile(r"export|download|document|template|pdf|csv|xlsx|png|svg|ics|calendar|library")
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
    if re.search(r"\.[a-z0-9]{2,5}$", parts.path):  # a file named by its ending: minutes.docx, template.csv
        return None
    try:
        match = resolve(parts.path)
    except Resolver404:
        return None
    name = match.view_name or match.route
    if FILE_VIEW.search(name.lower()) or FORM_VIEW.search(name):
        return None
    return name


def sweep(
    context, origin: str, check: Callable[[object, SweptPage], None], pages: list[SweptPage] | None = None
):
    """Open each page and `check(page, swept)` it once it has loaded; with no `pages`, walk from the home page to
    find them. Return the pages swept, for the other widths and languages to sweep again.

    Two tabs take turns: the next page loads in one while the other is checked, so the server's time and the
    check's overlap."""
    walking = pages is None
    queue = [SweptPage(url="/", view="web:home")] if walking else list(pages)
    seen = {swept.view for swept in queue}
    tabs = [context.new_page(), context.new_page()]
    open_page(tabs[0], queue[0])
    for index, swept in enumerate(queue):
        current, following = tabs[index % 2], tabs[(index + 1) % 2]
        if walking:
            for href in current.evaluate(LINKS):
                view = view_of(href, origin)
                if view and view not in seen:
                    seen.add(view)
                    parts = urlsplit(href)
                    queue.append(
                        SweptPage(url=parts.path + (f"?{parts.query}" if parts.query else ""), view=view)
                    )
        if index + 1 == len(queue):
            check(current, swept)
            break
        try:
            with following.expect_navigation() as navigation:
                following.evaluate(
                    "url => setTimeout(() => location.assign(url))", origin + queue[index + 1].url
                )
                check(current, swept)
            response = navigation.value
        except PlaywrightError as error:
            raise AssertionError(
                f"{queue[index + 1]} is not a page (a file? name its view in FILE_VIEW)"
            ) from error
        assert response is not None and response.ok, (
            f"{queue[index + 1]} answered {response and response.status}"
        )
    return queue


def open_page(page, swept: SweptPage):
    response = page.goto(swept.url)
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
def logged_in(
    browser, live_server, state: dict, device: dict, language: str, script: str = ""
) -> Iterator[object]:
    """A context of its own at one width, in one language (the language switch's cookie), with a script run in
    every page it opens."""
    context = browser.new_context(base_url=live_server.url, storage_state=state, **device)
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    if script:
        context.add_init_script(script=script)
    context.set_default_timeout(15_000)
    try:
        yield context
    finally:
        context.close()
