"""Every main page on a phone 390 px wide, in Thai and in English: nothing is wider than the screen (a wide table
scrolls in its own box) and the header spans the screen."""

import pytest

from tests.e2e.sweep import LANGUAGES, PHONE, load_demo_and_log_in, logged_in, sweep

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# What sticks out of the screen: the outermost elements past its right edge that no scrolling box of theirs holds
# in (an absolutely placed element is held only by a box at or above the one it is placed in).
WIDTH_CHECK = """() => {
  const width = document.documentElement.clientWidth;
  const over = (el) => el.getBoundingClientRect().right > width + 1;
  const heldIn = (el) => {
    let position = getComputedStyle(el).position;
    for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
      if (position === 'fixed') return false;
      const style = getComputedStyle(box);
      const contains = position !== 'absolute' || style.position !== 'static';
      if (contains && style.overflowX !== 'visible' && !over(box)) return true;
      if (contains) position = style.position;
    }
    return false;
  };
  const sticksOut = (el) => over(el) && el.getBoundingClientRect().width > 0 && !heldIn(el);
  const describe = (el) => {
    const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
    return `<${el.tagName.toLowerCase()}${el.id ? ' id=' + el.id : ''}${el.className ? ' class="' + el.className + '"' : ''}>`
      + ` reaches ${Math.round(el.getBoundingClientRect().right)} px: "${text}"`;
  };
  const scrollWidth = document.documentElement.scrollWidth;
  const culprits = scrollWidth <= width ? [] : Array.from(document.querySelectorAll('body *'))
    .filter((el) => sticksOut(el) && !(el.parentElement && sticksOut(el.parentElement)))
    .slice(0, 5).map(describe);
  const header = document.querySelector('body > nav.navbar').getBoundingClientRect();
  return {
    scrollWidth, width, culprits,
    header: {left: Math.round(header.left), right: Math.round(header.right)},
  };
}"""


def width_problems(page, swept) -> list[str]:
    seen = page.evaluate(WIDTH_CHECK)
    problems = []
    if seen["scrollWidth"] > seen["width"]:
        problems.append(
            f"{swept} is {seen['scrollWidth']} px wide on a {seen['width']} px screen: "
            + ("; ".join(seen["culprits"]) or "no element found past the edge")
        )
    if seen["header"]["left"] > 0 or seen["header"]["right"] < seen["width"]:
        problems.append(f"{swept}: the header spans {seen['header']} of a {seen['width']} px screen")
    return problems


def test_every_main_page_fits_a_phone_screen_in_thai_and_in_english(browser, live_server):
    # given the demo's data and its administrator, who reads every page
    state = load_demo_and_log_in(browser, live_server)
    problems: list[str] = []

    # when every main page is opened on a phone, in Thai (the walk that finds them) and then in English
    def check(language):
        return lambda page, swept: problems.extend(
            f"[{language}] {seen}" for seen in width_problems(page, swept)
        )

    pages = None
    for language in LANGUAGES:
        with logged_in(browser, live_server, state, PHONE, language) as context:
            pages = sweep(context, live_server.url, check(language), pages)
    # then the walk reached the navbar's destinations and records' pages, and none is wider than the screen
    views = {swept.view for swept in pages}
    assert {"directory:organisation_list", "meetings:meeting_detail", "welfare:fund_detail"} <= views, views
    assert not problems, f"{len(problems)} pages do not fit a phone ({len(pages)} swept):\n" + "\n".join(
        problems
    )
