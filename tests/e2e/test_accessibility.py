"""Every main page passes axe-core's checks of WCAG 2.1 A and AA, on a laptop and on a phone, in Thai and in
English, and fits a phone 390 px wide (checked in the same walk: each walk of the pages costs a minute)."""

import pytest
from axe_playwright_python.base import AXE_SCRIPT

from tests.e2e.phone_fit import width_problems
from tests.e2e.sweep import DESKTOP, LANGUAGES, PHONE, load_demo_and_log_in, logged_in, sweep

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    # Still marked experimental by axe: a control's accessible name begins with the words it shows (WCAG 2.5.3).
    "rules": {"label-content-name-mismatch": {"enabled": True}},
    "resultTypes": ["violations"],
}
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}


def violations(page, where: str) -> list[str]:
    """axe's violations on the page, one line per rule with the elements it found."""
    try:
        found = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)["violations"]
    except Exception as error:  # axe itself failed on the page: that is a failure of the page too
        return [f"{where}: axe could not check the page: {str(error).splitlines()[0]}"]
    lines = []
    for rule in found:
        nodes = "\n".join(
            f"      {' '.join(node['target'])}: {node['html'][:160]}\n        {node['failureSummary'].splitlines()[-1].strip()}"
            for node in rule["nodes"][:5]
        )
        more = f"\n      … and {len(rule['nodes']) - 5} more" if len(rule["nodes"]) > 5 else ""
        lines.append(f"{where}: {rule['id']} ({rule['impact']}) {rule['help']}\n{nodes}{more}")
    return lines


def test_every_main_page_meets_wcag_21_aa_and_fits_a_phone_in_thai_and_english(browser, live_server):
    # given the demo's data and its administrator, who reads every page
    state = load_demo_and_log_in(browser, live_server)
    found: list[str] = []
    misfits: list[str] = []
    pages = None
    # when axe checks every main page at each width in each language (the first walk finds the pages), and each
    # page on the phone is measured against the screen
    for width, device in WIDTHS.items():
        for language in LANGUAGES:

            def check(page, swept, label=f"[{width}, {language}]", on_phone=device is PHONE):
                found.extend(violations(page, f"{label} {swept}"))
                if on_phone:
                    misfits.extend(f"{label} {problem}" for problem in width_problems(page, swept))

            with logged_in(browser, live_server, state, device, language, script=AXE_SCRIPT) as context:
                pages = sweep(context, live_server.url, check, pages)
    # then the walk reached the navbar's destinations and records' pages, none has a violation and each fits
    views = {swept.view for swept in pages}
    assert len(pages) > 20, pages
    assert {"directory:organisation_list", "meetings:meeting_detail", "welfare:fund_detail"} <= views, views
    assert not found, f"{len(found)} violations on {len(pages)} pages swept:\n" + "\n".join(found)
    assert not misfits, f"{len(misfits)} pages do not fit a phone ({len(pages)} swept):\n" + "\n".join(
        misfits
    )
