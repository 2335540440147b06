"""Findings of a WCAG 2.2 AA audit, each checked where the auditor found it: focus that
is visible and not hidden under the menu, tooltips and text that reflow on a 320 px
screen, targets a finger can hit, a Tab order that follows the eye, and Escape."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


# Why the focused element cannot be seen, or "" when it can: it has a box, inside the
# screen, and the point at its middle is the element itself (not a clipped-away one, nor
# one under something else).
UNSEEN_JS = """() => {
  const el = document.activeElement, r = el.getClientRects()[0];
  const what = el.outerHTML.slice(0, 90);
  if (!r || r.width < 1 || r.height < 1) return 'no box: ' + what;
  const x = r.left + r.width / 2, y = r.top + r.height / 2;
  if (x < 0 || x > innerWidth || y < 0 || y > innerHeight) return 'off screen: ' + what;
  const hit = document.elementFromPoint(x, y);
  return hit && el.contains(hit) ? ''
    : `${what} under ${hit ? hit.outerHTML.slice(0, 60) : 'nothing'}`;
}"""


def tab_through_main(page) -> list[str]:
    """Tab from the top of <main> to its end; what was focused but could not be seen."""
    page.evaluate("document.querySelector('main').focus()")
    unseen = []
    for _ in range(400):
        page.keyboard.press("Tab")
        if not page.evaluate("document.querySelector('main').contains(document.activeElement)"):
            return unseen
        if why := page.evaluate(UNSEEN_JS):
            unseen.append(why)
    pytest.fail("Tab never left <main>")


@pytest.mark.parametrize("width", (320, 360))
def test_coverage_cards_have_no_invisible_tab_stop(page, problems, site_pages,
                                                   width: int) -> None:
    """2.4.7: on a phone the matrix's header row is hidden (each card names its sources),
    but its links are Tab stops: one reached with Tab shows."""
    page.set_viewport_size({"width": width, "height": 740})
    page.goto(site_pages["coverage"])
    assert not (unseen := tab_through_main(page)), "\n".join(unseen)
    # The cards still lead to every source: the list above the table links them all.
    heads = set(page.locator("main thead a").evaluate_all("as => as.map(a => a.href)"))
    shown = set(page.locator("main a:not(thead a)").evaluate_all(
        "as => as.filter(a => a.checkVisibility()).map(a => a.href)"))
    assert heads and heads <= shown, heads - shown
    assert not problems.console_errors, problems.console_errors


def test_tabbing_out_of_the_sections_menu_closes_it(page, problems, site_url) -> None:
    """2.4.11: the open menu covers the top of the page; focus leaving it closes it, so
    the next Tab stop is not under it."""
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto(site_url + "claims/")
    toggle = page.locator(".sections-toggle")
    toggle.click()
    links = page.locator("#site-sections a")
    links.last.focus()
    page.keyboard.press("Tab")
    assert toggle.get_attribute("aria-expanded") == "false", "the menu stayed open"
    assert not links.first.is_visible()
    assert not (why := page.evaluate(UNSEEN_JS)), why
    # Going back from the first link to the button (in the header) keeps it open.
    toggle.click()
    links.first.focus()
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.classList.contains('sections-toggle')")
    assert toggle.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not problems.console_errors, problems.console_errors


# The tooltip of the focused inferred date (its ::after, below the date): whether it is
# shown, and how far it reaches to each side, found by hit-testing the row below the date
# (a pseudo-element hits as its element), as the date sits mid-screen.
TOOLTIP_JS = """() => {
  const el = document.activeElement, screen = document.documentElement.clientWidth;
  el.scrollIntoView({block: 'center'});
  const y = el.getBoundingClientRect().bottom + 16, xs = [];
  for (let x = 0; x < screen; x++) if (document.elementFromPoint(x, y) === el) xs.push(x);
  return {shown: getComputedStyle(el, '::after').content !== 'none',
          left: Math.min(...xs), right: Math.max(...xs), screen,
          sideways: document.documentElement.scrollWidth - screen};
}"""


@pytest.mark.parametrize("width", (320, 375))
def test_an_inferred_dates_tooltip_fits_the_screen_and_escape_hides_it(
        page, problems, site_pages, width: int) -> None:
    """1.4.10 and 1.4.13: the basis of an inferred date, shown on keyboard focus, stays
    inside a phone's screen, and Escape dismisses it until the date is focused again."""
    page.set_viewport_size({"width": width, "height": 740})
    seen = 0
    for kind in ("coverage", "source", "brief", "timeline", "claim", "sources-index"):
        page.goto(site_pages[kind])
        dates = page.locator("main .inferred[tabindex]")
        for i in range(dates.count()):
            dates.nth(i).focus()
            page.keyboard.press("Shift+Tab")  # focus by keyboard, so :focus-visible
            page.keyboard.press("Tab")
            tip = page.evaluate(TOOLTIP_JS)
            where = f"{kind} date {i} at {width}px: {tip}"
            assert tip["shown"], where
            assert tip["sideways"] <= 0, where
            assert 0 < tip["left"] < tip["right"] < tip["screen"] - 1, where
            seen += 1
    assert seen, "no inferred date to focus"
    page.keyboard.press("Escape")
    assert not page.evaluate(TOOLTIP_JS)["shown"], "Escape left the tooltip up"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert page.evaluate(TOOLTIP_JS)["shown"], "focused again, the tooltip stays hidden"
    assert not problems.console_errors, problems.console_errors


SIDEWAYS_JS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
# WCAG 1.4.12's text spacing, as the bookmarklets reviewers use set it.
TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"""


def test_pages_reflow_with_wcag_text_spacing(page, problems, site_pages) -> None:
    """1.4.12: with the text spaced out as WCAG allows a reader to, a page of each type
    (a claim's verdict was the one that did not) still fits a 320 px screen."""
    page.set_viewport_size({"width": 320, "height": 740})
    for kind, url in sorted(site_pages.items()):
        page.goto(url)
        page.add_style_tag(content=TEXT_SPACING)
        wide = page.evaluate("""() => [...document.querySelectorAll('main *')]
          .filter(el => el.getBoundingClientRect().right > innerWidth + 0.5)
          .map(el => el.outerHTML.slice(0, 80))""")
        assert page.evaluate(SIDEWAYS_JS) <= 0, f"{kind}: {wide[:5]}"
    assert not problems.console_errors, problems.console_errors


# Targets too small (under 24x24) whose 24 px circle meets another target or its circle.
CROWDED_JS = """sel => {
  const boxes = [...document.querySelectorAll(sel)].filter(a => a.checkVisibility())
    .map(a => ({a, r: a.getBoundingClientRect()}));
  const small = r => r.width < 24 || r.height < 24;
  const mid = r => [r.left + r.width / 2, r.top + r.height / 2];
  const gap = (r, [x, y]) => Math.hypot(Math.max(r.left - x, 0, x - r.right),
                                        Math.max(r.top - y, 0, y - r.bottom));
  const out = [];
  boxes.forEach(({a, r}, i) => {
    if (!small(r)) return;
    boxes.forEach(({r: o}, j) => {
      if (i === j) return;
      const [x, y] = mid(r), [ox, oy] = mid(o);
      if (gap(o, [x, y]) < 12 || (small(o) && Math.hypot(x - ox, y - oy) < 24))
        out.push(`${a.textContent.trim().slice(0, 30)} ${r.width | 0}x${r.height | 0}`);
    });
  });
  return {count: boxes.length, crowded: [...new Set(out)]};
}"""


@pytest.mark.parametrize("width", (320, 375, 1280))
def test_sources_of_a_figure_and_stacked_stances_are_targets_a_finger_can_hit(
        page, problems, site_pages, width: int) -> None:
    """2.5.8: a brief's "Sources:" links, one a line, and a coverage cell's stances, one
    under the other, are 24 px tall or spaced so."""
    page.set_viewport_size({"width": width, "height": 800})
    for kind, sel in (("brief", "main a.figure-source"), ("coverage", "main td a.stance")):
        page.goto(site_pages[kind])
        found = page.evaluate(CROWDED_JS, sel)
        assert found["count"] > 1, f"{kind}: no {sel} to measure"
        assert not found["crowded"], f"{kind} at {width}px: {found['crowded'][:6]}"
    assert not problems.console_errors, problems.console_errors


# The focused control of the header's bar, marked with its place in the Tab order.
HEADER_TAB_JS = """i => { const el = document.activeElement;
  if (!el.closest('.bar')) return null;
  el.dataset.tabStop = i; return el.className || el.id; }"""
# Where each marked control is drawn, with nothing focused (a focused search box grows).
HEADER_PLACES_JS = """() => { document.activeElement.blur();
  return [...document.querySelectorAll('[data-tab-stop]')]
    .sort((a, b) => a.dataset.tabStop - b.dataset.tabStop)
    .map(el => Math.round(el.getBoundingClientRect().left)); }"""


@pytest.mark.parametrize("width", (320, 375, 1280))
def test_header_tab_order_follows_what_the_eye_sees(page, problems, site_url,
                                                    width: int) -> None:
    """1.3.2 and 2.4.3: the header's controls are reached with Tab from left to right."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + "claims/")
    page.locator("form.search").wait_for(state="visible")
    page.keyboard.press("Tab")  # the skip link
    names = []
    for i in range(5):
        page.keyboard.press("Tab")
        if not (name := page.evaluate(HEADER_TAB_JS, i)):
            break
        names.append(name)
    places = page.evaluate(HEADER_PLACES_JS)
    assert len(names) >= 3 and "search-query" in names, names
    assert places == sorted(places), f"Tab order {names}, drawn at x = {places}"
    if width == 1280:  # the desktop keeps its layout: the name, the search box, then ◐
        assert names == ["site-name", "search-query", "scheme-toggle"], names
    assert not problems.console_errors, problems.console_errors


def test_escape_on_a_search_result_closes_the_results(page, problems, site_url) -> None:
    page.goto(site_url)
    box = page.locator("#search-query")
    box.click()
    # At once: typed on a busy machine, a pause between two keys ran the search for "H80"
    # and the results of "H800" then replaced the one ArrowDown had focused.
    box.fill("H800")
    page.locator("#search-results article").first.wait_for(state="visible", timeout=15_000)
    page.keyboard.press("ArrowDown")
    assert page.evaluate("!!document.activeElement.closest('#search-results')")
    page.keyboard.press("Escape")
    page.wait_for_timeout(200)  # the panel opens only once its styles are in: give it time
    assert page.locator(".search-panel").is_hidden(), "Escape left the results open"
    assert page.evaluate("document.activeElement.id") == "search-query"
    # Typing again brings them back.
    box.press_sequentially("0", delay=40)
    page.locator(".search-panel").wait_for(state="visible")
    assert not problems.console_errors, problems.console_errors
