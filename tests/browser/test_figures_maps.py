"""Figure charts in a real Chromium: every value a working link, legible text on a phone
and a desktop, in light and dark, axe clean; a long name wraps within a phone's screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sitecheck import SCHEMES, SCREENS, axe_report, run_axe, section_members
from test_directions import served

pytestmark = pytest.mark.browser

VIEWS = [(375, "light"), (375, "dark"), (1280, "light"), (1280, "dark")]  # maps
MIN_FONT_PX = 12

# Every link of the SVG pictures on the page: its address as written and resolved, and its
# words; the second reads other pages of the site as the browser's parser does, without
# loading each (no script touches the pictures, so what a reader gets is the same).
_LINK_OF = """(a, base) => { const raw = a.getAttribute('href') || '';
  return {raw, href: raw && new URL(raw, base).href, text: a.textContent.trim()}; }"""
LINKS_JS = f"""sel => [...document.querySelectorAll(sel + ' a')]
  .map(a => ({_LINK_OF})(a, location.href))"""
PAGES_LINKS_JS = f"""async ([urls, sel]) => Promise.all(urls.map(async url => {{
  const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
  return [...doc.querySelectorAll(sel + ' a')].map(a => ({_LINK_OF})(a, url)); }}))"""
# Each text of the pictures: its rendered font size and box.
TEXTS_JS = """sel => [...document.querySelectorAll(
    [' text', ' .fig-label', ' .fig-axis-title'].map(part => sel + part).join())].map(t => {
  const r = t.getBoundingClientRect();
  return {text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize),
          left: r.left, right: r.right, width: r.width}; })"""


# Each link of the pictures: its words, and whether it is drawn, within the screen's width.
LINK_BOXES_JS = """sel => { const vw = document.documentElement.clientWidth;
  return [...document.querySelectorAll(sel + ' a')].map(a => {
    const r = a.getBoundingClientRect();
    return {text: a.textContent.trim(), left: Math.round(r.left), right: Math.round(r.right),
            on_screen: r.width > 0 && r.height > 0 && r.left >= -0.5 && r.right <= vw + 0.5};
  }); }"""


# The values of a metric's table ("$80-100 million") that the table broke over lines.
BROKEN_VALUES_JS = """() => [...document.querySelectorAll('main table tbody td:first-child')]
  .filter(td => { const range = document.createRange(); range.selectNodeContents(td);
    return range.getClientRects().length > 1
      && new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1; })
  .map(td => td.textContent.trim())"""


def visit(page, url: str) -> None:
    """Open a page and let it finish loading (the search index comes last): leaving it
    earlier would cut its requests off, which the tests count as failures."""
    response = page.goto(url, wait_until="networkidle")
    assert response is not None and response.ok, f"{url}: {response and response.status}"


def assert_links_resolve(page, selector: str, where: str, seen: set[str] | None = None,
                         links: list[dict[str, str]] | None = None) -> int:
    """Every link of the pictures (on the page, or `links` read from another) leads to a
    page that exists, and to its fragment; `seen` spares fetching a target twice."""
    seen = set() if seen is None else seen
    links = page.evaluate(LINKS_JS, selector) if links is None else links
    assert links, f"no link in {selector} on {where}"
    for link in links:
        assert link["raw"], f"a link without an address in {selector} on {where}"
        assert link["text"], f"a link without words in {selector} on {where}"
        url = link["href"]
        if url in seen:
            continue
        seen.add(url)
        target, _, anchor = url.partition("#")
        response = page.request.get(target)
        assert response.ok, f"{link['text']!r} on {where} leads to {url}: {response.status}"
        if anchor:
            assert f'id="{anchor}"' in response.text(), f"{url}: no #{anchor} there"
    return len(links)


def assert_legible(page, selector: str, where: str) -> None:
    width = page.evaluate("document.documentElement.clientWidth")
    for text in page.evaluate(TEXTS_JS, selector):
        assert text["size"] >= MIN_FONT_PX, f"{text['text']!r} is {text['size']}px on {where}"
        assert text["left"] >= -0.5 and text["right"] <= width + 0.5, \
            f"{text['text']!r} leaves the {width}px screen on {where}: {text}"


def test_every_figure_chart_links_to_its_values(page, problems, built_site: Path,
                                                site_url: str) -> None:
    for member in section_members(built_site, "figures/"):
        url = site_url + member
        visit(page, url)
        charts = page.locator("main .fig-chart")
        assert charts.count() >= 1, f"no chart on {url}"
        values = page.locator("main table tbody tr").count()
        assert assert_links_resolve(page, "main .fig-chart", url) == values
    visit(page, site_url + "figures/")
    assert page.locator("main svg.fig-spark").count() == len(
        section_members(built_site, "figures/"))
    problems.assert_none("the figures pages")


@pytest.mark.parametrize("width", SCREENS)
def test_figure_charts_are_legible_and_accessible(page, problems, site_url: str,
                                                  width: int) -> None:
    """On each screen, in both colour schemes: the chart's text legible and every value's
    link drawn within the screen, the page not scrolling sideways, the pictures axe clean
    (the whole pages are test_pages' concern)."""
    page.set_viewport_size({"width": width, "height": SCREENS[width]})
    for path in ("figures/m-training-cost/", "figures/"):
        url = site_url + path
        visit(page, url)
        for scheme in SCHEMES:
            page.emulate_media(color_scheme=scheme)
            where = f"{url} at {width}px, {scheme}"
            assert_legible(page, "main .fig-chart", where)
            links = page.evaluate(LINK_BOXES_JS, "main .fig-chart")
            assert links or path == "figures/", f"no value links in the chart on {where}"
            off = [link for link in links if not link["on_screen"]]
            assert not off, f"values whose link is not on the screen on {where}: {off}"
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{where} is {overflow}px too wide"
            if width > 640 and path != "figures/":  # a phone shows each row as a card
                broken = page.evaluate(BROKEN_VALUES_JS)
                assert not broken, f"values broken over lines in the table on {where}: {broken}"
            failing = run_axe(page, f"figures-{path.count('/')}-{width}-{scheme}",
                              "main .fig-chart, main svg", colours_only=scheme != SCHEMES[0])
            assert not failing, f"axe on {where}:\n{axe_report(failing)}"
    problems.assert_none("the figures pages")


# A metric whose subject has a long name, and so a long row and disagreement on its chart.
LONG_NAME = "Regional Consortium for the Modernisation of the Northern Basin's Water Infrastructure"
LONG_FILES = {
    "sources/basin.txt": (
        "Water board puts the cost of the northern basin works at $300 million\n"
        "The regional consortium for the modernisation of the northern basin's water "
        "infrastructure put the cost of the works at $300 million on Tuesday.\n"
        "An independent audit commissioned by the farmers' union said the works could cost "
        "up to $900 million.\n"),
    "sources/basin.yml": (
        'title: "Water board puts the cost of the northern basin works at $300 million"\n'
        'outlet: "The Valley Courier"\npublished: "2025-03-04"\nquotes:\n'
        '  - id: basin-300m\n    text: "put the cost of the works at $300 million"\n'
        "    speaker: consortium\n    asserts: [works-300m]\n"
        '  - id: basin-900m\n    text: "the works could cost up to $900 million"\n'
        "    asserts: [works-900m]\n"),
    "entities.yml": (
        f'entities:\n  - {{id: consortium, name: "{LONG_NAME}", kind: organisation}}\n'),
    "claims.yml": (
        "claims:\n  - id: works-300m\n"
        '    statement: "The [[entity:consortium]] puts the cost of the works at $300 '
        'million."\n    claimant: consortium\n    status: reported\n'
        "    figures:\n      - {metric: works-cost, subject: consortium, value: 300000000, "
        "unit: USD}\n"
        "  - id: works-900m\n"
        '    statement: "An independent audit says the works could cost up to $900 '
        'million."\n    status: reported\n'
        "    figures:\n      - {metric: works-cost, subject: consortium, value: 900000000, "
        "unit: USD, qualifier: up-to}\n"),
}
# Each row of the charts: its words' box and lines, and its picture's box.
ROWS_JS = """() => [...document.querySelectorAll('main .fig-chart .fig-label')].map(l => {
  const r = l.getBoundingClientRect(), pic = l.nextElementSibling.getBoundingClientRect();
  const line = parseFloat(getComputedStyle(l).lineHeight);
  return {text: l.textContent, left: r.left, right: r.right, bottom: r.bottom,
          lines: Math.round(r.height / line), picture_top: pic.top,
          picture_right: pic.right}; })"""


@pytest.fixture(scope="module", params=["en", "fr"])
def long_name_site(request: pytest.FixtureRequest,
                   tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = tmp_path_factory.mktemp(f"long-{request.param}") / "project"
    theme = "theme:\n  name: briefing\n" + (
        f"  locale: {request.param}\n" if request.param != "en" else "")
    with served(project, LONG_FILES, theme, request.param) as url:
        yield url


def test_a_long_name_wraps_in_the_chart_on_a_phone(page, problems, long_name_site: str,
                                                   screenshots: Path) -> None:
    """A row's words wrap within the screen, whatever their length or language, and stay
    above the picture they describe; the page does not scroll sideways."""
    page.set_viewport_size({"width": 375, "height": SCREENS[375]})
    url = long_name_site + "figures/m-works-cost/"
    visit(page, url)
    width = page.evaluate("document.documentElement.clientWidth")
    rows = page.evaluate(ROWS_JS)
    assert len(rows) == 3, rows  # two values and their disagreement
    for row in rows:
        assert row["left"] >= -0.5 and row["right"] <= width + 0.5, (url, row)
        assert row["picture_right"] <= width + 0.5, (url, row)
        assert row["bottom"] <= row["picture_top"] + 0.5, f"words over the picture: {row}"
        assert LONG_NAME in row["text"] and row["lines"] >= 2, (url, row)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{url} is {overflow}px too wide"
    page.locator("main .fig-chart").screenshot(
        path=screenshots / f"chart-long-name-{url.split('/')[-4]}.png")
    problems.assert_none(url)


# Each label of a map: its rendered size, and whether it stays inside its box.
BOXES_JS = """() => [...document.querySelectorAll('main svg.map a')].map(a => {
  const box = a.querySelector('rect').getBoundingClientRect();
  const t = a.querySelector('text'), r = t.getBoundingClientRect();
  return {text: t.textContent, inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5
          && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5}; })"""
# The picture's height and that of its text equivalent (the list under "In words"). Each
# map is drawn for a phone and for a desktop, and the stylesheet shows one.
HEIGHTS_JS = """() => {
  const svg = Math.max(...[...document.querySelectorAll('main svg.map')]
    .map(s => s.getBoundingClientRect().height));
  const list = document.getElementById('in-words').nextElementSibling;
  return {svg, words: list.getBoundingClientRect().height}; }"""


def test_every_focused_map_links_to_existing_pages(page, problems, built_site: Path,
                                                   site_url: str) -> None:
    members = section_members(built_site, "map/")
    assert any(m.startswith("map/b-") for m in members) and \
        any(m.startswith("map/e-") for m in members)
    visit(page, site_url + "map/")
    urls = [site_url + member for member in members]
    seen: set[str] = set()
    for url, links in zip(urls, page.evaluate(PAGES_LINKS_JS, [urls, "main svg.map"]),
                          strict=True):
        assert_links_resolve(page, "main svg.map", url, seen, links)
    listed = set(page.locator("main a[href]").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname)"))
    missing = [m for m in members if urlsplit(site_url + m).path not in listed]
    assert not missing, f"the map page does not list {missing}"
    problems.assert_none("the maps")


@pytest.mark.parametrize(("width", "scheme"), VIEWS)
def test_map_labels_are_legible_and_the_words_shorter(page, problems, built_site: Path,
                                                      site_url: str, width: int,
                                                      scheme: str) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    members = section_members(built_site, "map/")
    richest = max(members, key=lambda m: (built_site / m / "index.html").stat().st_size)
    for member in sorted({richest, "map/e-deepseek/"} & set(members)):
        url = site_url + member
        visit(page, url)
        where = f"{url} at {width}px, {scheme}"
        assert_legible(page, "main svg.map", where)
        outside = [b["text"] for b in page.evaluate(BOXES_JS) if not b["inside"]]
        assert not outside, f"labels leave their boxes on {where}: {outside}"
        heights = page.evaluate(HEIGHTS_JS)
        # The words cut each claim to a line, but never before a hedge of it
        # (`test_map_hedges.py`): on a phone they may run a little past the drawing.
        assert heights["words"] < 1.1 * heights["svg"], \
            f"the words are much longer than the map: {heights}"
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{where} is {overflow}px too wide"
        failing = run_axe(page, f"map-{member.strip('/').replace('/', '-')}-{width}-{scheme}",
                          "main")
        assert not failing, f"axe on {where}:\n{axe_report(failing)}"
    problems.assert_none("the maps")


# The drawing of a map a reader gets (the stylesheet shows one of two): its size, its
# column's width, the longest line of a claim's label, and whether paper may split it.
DRAWN_JS = """() => { const shown = [...document.querySelectorAll('main svg.map')]
    .filter(s => s.getBoundingClientRect().height > 0);
  const svg = shown[0], r = svg.getBoundingClientRect();
  return {count: shown.length, width: r.width, height: r.height,
          column: svg.parentElement.getBoundingClientRect().width,
          line: Math.max(...[...svg.querySelectorAll('.map-claim tspan')]
            .map(t => t.textContent.length)),
          breaks: getComputedStyle(svg).breakInside}; }"""
# Paper's printable box in CSS px under the theme's @page margins (16 and 18 mm, 15 at the
# sides): A4's width is the narrower, Letter's height the shorter.
PRINTABLE_WIDTH = round((210 - 2 * 15) / 25.4 * 96)
PRINTABLE_HEIGHT = round((279.4 - 16 - 18) / 25.4 * 96)


def test_a_map_uses_its_column_and_prints_on_one_page(page, problems, built_site: Path,
                                                      site_url: str) -> None:
    """On a desktop the map takes its whole column, its boxes holding longer lines than a
    phone's (which stays 13 px and within the screen, test above); on paper it is scaled to
    fit one page and not split across two."""
    members = section_members(built_site, "map/")
    richest = max(members, key=lambda m: (built_site / m / "index.html").stat().st_size)
    for member in sorted({richest, "map/e-deepseek/"} & set(members)):
        url = site_url + member
        for width in (375, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            visit(page, url)
            drawn = page.evaluate(DRAWN_JS)
            where = f"{url} at {width}px"
            assert drawn["count"] == 1, f"{drawn['count']} drawings shown on {where}"
            assert drawn["width"] >= 0.95 * drawn["column"], f"a narrow map on {where}: {drawn}"
            assert width < 1280 or drawn["line"] >= 40, f"short lines on {where}: {drawn}"
        page.set_viewport_size({"width": PRINTABLE_WIDTH, "height": 900})
        page.emulate_media(media="print")
        drawn = page.evaluate(DRAWN_JS)
        page.emulate_media(media="screen")
        assert drawn["count"] == 1 and drawn["breaks"] == "avoid", f"{url} on paper: {drawn}"
        assert drawn["height"] <= PRINTABLE_HEIGHT and drawn["width"] <= PRINTABLE_WIDTH, \
            f"{url} does not fit a page: {drawn}"
    problems.assert_none("the maps")
