"""Phones first: every table page of the seed site at 360, 375, 768 and 1280 pixels,
measured in Chromium. No table cell lies outside the screen and no
page scrolls sideways; citations are targets a finger can hit; the header is compact;
search's results are a panel that ends on the screen, with an edge.
"""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest
from sitecheck import SCHEMES, SCREENS, page_types

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


# A brief's claim chips show two lines of the statement: each line after those, and how far
# its top lies inside the chip's clipping box (its padding box), where a reader sees it.
CHIP_LINES_JS = """() => [...document.querySelectorAll('main a.claim-chip')].map(chip => {
  const box = chip.getBoundingClientRect(), style = getComputedStyle(chip);
  const clip = box.bottom - parseFloat(style.borderBottomWidth);
  // (The statement's text, a box per line; the clamp's ellipsis repeats its line's.)
  const tops = [...new Set([...chip.childNodes].filter(n => n.nodeType === Node.TEXT_NODE)
    .flatMap(n => { const range = document.createRange(); range.selectNodeContents(n);
                    return [...range.getClientRects()]; })
    .filter(r => r.width > 0).map(r => Math.round(r.top * 4) / 4))].sort((a, b) => a - b);
  return {text: chip.textContent.trim().slice(0, 60), lines: tops.length,
          shown: tops.slice(2).map(top => clip - top).filter(px => px > 0.5)};
})"""


@pytest.mark.parametrize("width", (375, 1280))
def test_a_claim_chip_shows_no_part_of_a_third_line(page, problems, site_url,
                                                    built_site: Path, width: int) -> None:
    """A chip cut to two lines once showed the top of the third in its bottom padding, a
    row of half letters under the ellipsis."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + page_types(built_site)["brief"])
    chips = page.evaluate(CHIP_LINES_JS)
    assert any(chip["lines"] > 2 for chip in chips), f"no chip cut to two lines: {chips}"
    peeking = [chip for chip in chips if chip["shown"]]
    assert not peeking, f"a third line shows in the chip at {width}px: {peeking}"
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


# ---- The search panel over the page ------------------------------------------------------

# The panel's lower edge and how it scrolls, its background and lower border as RGBA
# (through a canvas: the browser may compute a colour in any notation, color-mix()'s too).
PANEL_JS = """() => {
  const panel = document.querySelector('.search-panel'), r = panel.getBoundingClientRect(),
    cs = getComputedStyle(panel), ctx = document.createElement('canvas').getContext('2d');
  const rgba = c => { ctx.clearRect(0, 0, 1, 1); ctx.fillStyle = c; ctx.fillRect(0, 0, 1, 1);
                      return [...ctx.getImageData(0, 0, 1, 1).data]; };
  return {bottom: r.bottom, screen: innerHeight,
          overflow: cs.overflowY, taller: panel.scrollHeight > panel.clientHeight + 1,
          background: rgba(cs.backgroundColor), border: rgba(cs.borderBottomColor),
          edge: parseFloat(cs.borderBottomWidth)};
}"""
AT_END_JS = """() => { const p = document.querySelector('.search-panel');
  return p.scrollTop + p.clientHeight >= p.scrollHeight - 1; }"""


def _luminance(rgb: tuple[int, ...] | list[int]) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: tuple[int, ...] | list[int], b: tuple[int, ...] | list[int]) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _pixel(page, x: float, y: float) -> tuple[int, ...]:
    """The colour on screen at (x, y): a one-pixel screenshot. Its PNG's image data is a
    filter byte and the pixel, which no PNG filter changes (it has no neighbours)."""
    png = page.screenshot(clip={"x": round(x), "y": round(y), "width": 1, "height": 1},
                          animations="disabled")
    data, at = b"", 8
    while at < len(png):  # chunks: length, type, data, CRC
        size = int.from_bytes(png[at:at + 4], "big")
        if png[at + 4:at + 8] == b"IDAT":
            data += png[at + 8:at + 8 + size]
        at += 12 + size
    return tuple(zlib.decompress(data)[1:4])


def _assert_panel_ends_on_screen_with_an_edge(page, where: str) -> None:
    """Within the screen, scrolling inside itself, opaque, and its lower edge 3:1 (WCAG
    1.4.11) against the page just below it in the margin, which is page background
    (dimmed or not): by its border, or by its background where the page is dimmed."""
    panel = page.evaluate(PANEL_JS)
    assert panel["bottom"] <= panel["screen"], f"{where}: the panel ends below the screen {panel}"
    assert panel["taller"], f"{where}: the results should be taller than the panel {panel}"
    assert panel["overflow"] in ("auto", "scroll"), f"{where}: the panel does not scroll {panel}"
    assert panel["background"][3] == 255, f"{where}: the page shows through the panel {panel}"
    assert panel["edge"] >= 1 and panel["border"][3] == 255, f"{where}: no lower border {panel}"
    outside = _pixel(page, 2, panel["bottom"] + 16)
    edge = max(_contrast(panel["border"], outside), _contrast(panel["background"], outside))
    assert edge >= 3, f"{where}: the lower edge is {edge:.2f}:1 against {outside} {panel}"


@pytest.mark.parametrize("size", ((390, 844), (360, 640), (1280, 900)))
def test_search_results_are_a_finished_panel(page, problems, site_url, size) -> None:
    """On a phone the panel ended as a faint line, the page's text (as wide as the panel)
    right under its last, cut line, as if the results ran on into the page."""
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(site_url + "claims/")
    box = page.locator("#search-query")
    box.click()
    box.press_sequentially("DeepSeek", delay=40)
    page.locator("#search-results article").first.wait_for(state="visible", timeout=15_000)
    panel = page.locator(".search-panel")
    for scheme in SCHEMES:
        page.emulate_media(color_scheme=scheme)
        _assert_panel_ends_on_screen_with_an_edge(page, f"{size} {scheme}")
    # The wheel scrolls the results to their end, and then not the page behind them.
    where = panel.bounding_box()
    page.mouse.move(where["x"] + where["width"] / 2, where["y"] + where["height"] / 2)
    for _ in range(8):
        page.mouse.wheel(0, 1200)
        page.wait_for_timeout(60)
    page.wait_for_function(AT_END_JS)
    page.wait_for_timeout(200)
    assert page.evaluate("scrollY") == 0, "the page scrolled behind the results"
    if size[0] <= 640:
        # The keyboard closed with its Done key blurs the box: the results stay as they were.
        before = panel.bounding_box()
        page.evaluate("document.activeElement.blur()")
        assert panel.bounding_box() == before, "the panel changed when the box lost focus"
        # A tap on the page around the results closes them, and follows nothing under it.
        url = page.url
        page.mouse.click(size[0] / 2, size[1] - 8)
        panel.wait_for(state="hidden", timeout=5_000)
        assert page.url == url
    assert not problems.console_errors, problems.console_errors
