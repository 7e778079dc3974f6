"""Browser tests: Playwright drives Debian's Chromium against the live test server. No browser is downloaded."""

import os
import shutil

import pytest

from tests.conftest import PASSWORD

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls there unless told it is safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("SANPHALANG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium is not installed at {CHROMIUM}: run `bash run.sh test`, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# A copy of the official areas in a table no model owns, so the flush after each browser test leaves it alone.
AREAS_COPY = "e2e_official_areas"


@pytest.fixture(scope="session")
def official_areas_copy(django_db_setup, django_db_blocker):
    from django.db import connection

    from sanphalang.areas.loading import load_official_areas
    from sanphalang.areas.models import Area

    with django_db_blocker.unblock():
        if not Area.objects.filter(code="57").exists():
            load_official_areas(Area)
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {AREAS_COPY}")
            cursor.execute(
                f"CREATE TABLE {AREAS_COPY} AS SELECT * FROM {Area._meta.db_table} WHERE is_official"
            )


@pytest.fixture(autouse=True)
def reference_data(official_areas_copy, transactional_db):
    """The live server sees only committed rows, and each browser test ends by emptying the tables: put back
    the official areas and national issue areas that migrations put in every real database. The areas are
    copied back in one statement: loading them again took seconds per test."""
    from django.db import connection

    from sanphalang.areas.models import Area
    from sanphalang.directory.models import IssueArea
    from sanphalang.directory.seeds import seed_national_issue_areas

    if not Area.objects.filter(code="57").exists():
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {Area._meta.db_table} SELECT * FROM {AREAS_COPY}")
    seed_national_issue_areas(IssueArea)


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="en-US", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def log_in():
    def do(page, user):
        page.goto("/accounts/login/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", PASSWORD)
        page.locator("main form button[type=submit]").click()
        page.wait_for_url(lambda url: "/accounts/login/" not in url)

    return do


@pytest.fixture
def pick():
    """Choose a record in a picker (web/pickers.py) as a user does: type part of its name into the search box,
    then click the suggestion that names it."""

    def do(search_box, typed: str, choice: str | None = None):
        search_box.fill(typed)
        suggestion = search_box.page.locator(
            ".autocomplete-light-box:not([hidden]) [data-value]", has_text=choice or typed
        )
        suggestion.first.click()

    return do
