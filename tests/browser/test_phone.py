"""Phones first: every table page of the seed site at 360, 375, 768 and 1280 pixels,
measured in Chromium. No table cell lies outside the screen and no
page scrolls sideways; citations are targets a finger can hit; the header is compact.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sitecheck import SCREENS, page_types

pytestmark = pytest.mark.browser

TARGET = 24  # CSS pixels, WCAG 2.5.8 (target size, minimum)

# Every visible table cell, with its box and its column's header, for the ones that do not
# lie inside the screen horizontally.
CELLS_JS = """() => {
  const width = document.documentElement.clientWidth, out = {cells: 0, outside: []};
  document.querySelectorAll('main table').forEach(table => {
    const heads = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
    table.querySelectorAll('td').forEach(td => {
      if (!td.getClientRects().length) return;
      out.cells += 1;
      const r = td.getBoundingClientRect();
      if (r.left < -0.5 || r.right > width + 0.5)
        out.outside.push(`${heads[td.cellIndex] || td.cellIndex}: ${Math.round(r.left)}`
                         + `..${Math.round(r.right)} "${td.textContent.trim().slice(0, 40)}"`);
    });
  });
  out.sideways = document.documentElement.scrollWidth - width;
  return out;
}"""


@pytest.fixture(scope="session")
def table_pages(built_site: Path, site_url: str) -> dict[str, str]:
    """Page type -> URL, for every page type of the seed site that has a table."""
    found = {kind: site_url + path for kind, path in page_types(built_site).items()
             if "<table" in (built_site / path / "index.html").read_text(encoding="utf-8")}
    assert {"claims-index", "claim", "sources-index", "entities-index", "figures-index",
            "figure", "coverage"} <= set(found), f"table pages: {sorted(found)}"
    return found


# The layout tests below measure in one scheme: the schemes differ by their colours alone
# (tests/test_palette_in_step.py), so a box is where it is in either.
@pytest.mark.parametrize("width", SCREENS)
def test_every_table_cell_is_on_screen(page, problems, table_pages, width: int) -> None:
    page.set_viewport_size({"width": width, "height": SCREENS[width]})
    for kind, url in sorted(table_pages.items()):
        page.goto(url)
        found = page.evaluate(CELLS_JS)
        assert found["cells"] > 0, f"{kind}: no table cell measured at {url}"
        assert not found["outside"], (
            f"{kind} at {width}px: cells off-screen:\n  "
            + "\n  ".join(found["outside"][:8]))
        assert found["sideways"] <= 0, f"{kind} at {width}px scrolls {found['sideways']}px sideways"
    # Moving on aborts each page's search index download: only script errors count here.
    assert not problems.console_errors, problems.console_errors


# The count-and-status pairs ("3 Disputed,") that a line broke inside.
TALLIES_JS = """() => {
  const tallies = [...document.querySelectorAll('main .tally')];
  return {count: tallies.length,
          broken: tallies.filter(t => new Set([...t.getClientRects()]
            .map(r => Math.round(r.top))).size > 1).map(t => t.textContent.trim())};
}"""


def test_a_count_and_its_status_stay_on_one_line(page, problems, site_pages) -> None:
    """A topic's "9 Reported" broke between the number and its badge on a phone."""
    page.set_viewport_size({"width": 360, "height": 740})
    for kind in ("home", "topics-index", "topic"):
        page.goto(site_pages[kind])
        tallies = page.evaluate(TALLIES_JS)
        assert tallies["count"], f"no count of a status on the {kind} page"
        assert not tallies["broken"], f"{kind}: split across lines: {tallies['broken']}"
    assert not problems.console_errors, problems.console_errors


# Each citation's box, and the smallest distance between two citations' boxes.
CITE_BOXES_JS = """() => {
  const boxes = [...document.querySelectorAll('main a.cite')].map(a => a.getBoundingClientRect());
  let closest = Infinity;
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => {
    const dx = Math.max(0, b.left - a.right, a.left - b.right);
    const dy = Math.max(0, b.top - a.bottom, a.top - b.bottom);
    closest = Math.min(closest, Math.hypot(dx, dy));
  }));
  return {count: boxes.length, width: Math.min(...boxes.map(r => r.width)),
          height: Math.min(...boxes.map(r => r.height)), closest};
}"""


@pytest.mark.parametrize("width", (375, 1280))
def test_citations_are_targets_a_finger_can_hit(page, problems, site_url, built_site: Path,
                                                width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + page_types(built_site)["brief"])
    boxes = page.evaluate(CITE_BOXES_JS)
    assert boxes["count"] > 1, "the brief has no citations to measure"
    assert boxes["width"] >= TARGET and boxes["height"] >= TARGET, boxes
    assert boxes["closest"] > 0, f"two citations touch: {boxes}"
    problems.assert_none("brief")


def test_mouse_click_on_a_citation_still_follows_at_once(page, problems, site_url,
                                                         built_site: Path) -> None:
    page.goto(site_url + page_types(built_site)["brief"])
    cite = page.locator("main a.cite").first
    target = cite.evaluate("a => a.href")
    cite.click()
    page.wait_for_url(target)
    assert not problems.console_errors, problems.console_errors


HEADER_JS = """() => { const h = document.querySelector('body > header').getBoundingClientRect(),
  root = document.documentElement;
  return {height: h.height, ratio: h.height / innerHeight,
          sideways: root.scrollWidth - root.clientWidth}; }"""


@pytest.mark.parametrize("size", ((375, 667), (360, 740)))
def test_phone_header_is_one_compact_row(page, problems, site_url, size) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(site_url + "claims/")
    header = page.evaluate(HEADER_JS)
    assert header["ratio"] < 0.09, f"the header takes {header} of the screen"
    assert header["sideways"] <= 0, header
    # The sections: behind one button that the keyboard opens, enters and closes.
    toggle = page.locator(".sections-toggle")
    first = page.locator("#site-sections a").first
    assert toggle.is_visible() and not first.is_visible()
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true" and first.is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#site-sections') !== null")
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false" and not first.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('sections-toggle')")
    # The search box is a button-sized field that opens over the row when focused.
    search = page.locator("form.search")
    assert search.bounding_box()["width"] <= 48
    search.locator("input").focus()
    assert search.bounding_box()["width"] >= size[0] * 0.8
    assert page.evaluate(HEADER_JS)["height"] == header["height"], "focus moved the page"
    assert not problems.console_errors, problems.console_errors
    # Wide screens: the sections are a row of links, with no button.
    page.set_viewport_size({"width": 1280, "height": 900})
    assert not toggle.is_visible() and first.is_visible()


# The header's height and its section links' rows (by top edge), each link's box.
TABLET_HEADER_JS = """() => {
  const links = [...document.querySelectorAll('#site-sections a')]
    .filter(a => a.getClientRects().length).map(a => a.getBoundingClientRect());
  const rows = {};
  links.forEach(r => { const top = Math.round(r.top); rows[top] = (rows[top] || 0) + 1; });
  return {height: document.querySelector('body > header').getBoundingClientRect().height,
          rows: Object.values(rows), links: links.length,
          smallest: Math.min(...links.map(r => Math.min(r.width, r.height)))};
}"""
# Tablets, upright and on their side: at most ~12% of the 1024 px tall upright screen
# (the desktop layout took 193 px at 768 and 122 px at 1,024).
TABLET_HEADER_MAX = {768: 120, 1024: 100}


@pytest.mark.parametrize("width", sorted(TABLET_HEADER_MAX))
def test_tablet_header_is_compact(page, problems, site_pages, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 1024 if width == 768 else 768})
    for kind in ("home", "claims-index", "about"):
        page.goto(site_pages[kind])
        header = page.evaluate(TABLET_HEADER_JS)
        where = f"{kind} at {width}px: {header}"
        assert header["links"] > 1, where
        assert header["height"] <= TABLET_HEADER_MAX[width], where
        # No link alone on a row of its own, and every link a target a finger can hit.
        assert len(header["rows"]) == 1 or min(header["rows"]) > 1, where
        assert header["smallest"] >= TARGET, where
    assert not problems.console_errors, problems.console_errors


# The focused element's box against the sticky header's bottom edge.
FOCUS_JS = """() => { const el = document.activeElement, r = el.getBoundingClientRect(),
  header = document.querySelector('body > header');
  return {under: header.contains(el) ? 0 : header.getBoundingClientRect().bottom - r.top,
          what: el.outerHTML.slice(0, 80)}; }"""


def test_a_link_reached_with_the_keyboard_is_not_under_the_sticky_header(
        page, problems, site_pages) -> None:
    """WCAG 2.4.11: walking back up a brief with Shift+Tab, each link scrolls into view
    below the header, not behind it."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_pages["brief"])
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    hidden = []
    for _ in range(60):
        page.keyboard.press("Shift+Tab")
        focus = page.evaluate(FOCUS_JS)
        if focus["under"] > 1 and "<body" not in focus["what"]:
            hidden.append(focus)
    assert not hidden, hidden
