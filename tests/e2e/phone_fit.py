"""Whether a page fits a phone's screen: nothing is wider than the screen (a wide table scrolls in its own box)
and the header spans the screen."""

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
    """What of the page does not fit the screen, one line each; none when it fits."""
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
