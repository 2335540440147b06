"""A briefing written right to left: a site whose language is Arabic (`theme: locale:
ar`) runs from the right under Briefing's theme, its layout mirrored (header, sections, a
brief's points, "Quotes cited" and its numbers, previews, the search panel), with no
sideways scroll at 375 and 1280 px; an English source it quotes reads left to right in
it. The other way round (an Arabic source quoted on an English site) is in
test_directions.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_directions import box, rect, served
from test_pages import PLACEMENT_JS

pytestmark = pytest.mark.browser

FILES = {
    # In the site's language: it names none.
    "sources/ar-aid.txt": (
        "الحكومة تعلن عن دعم جديد للمزارعين\n"
        "أعلن وزير الزراعة يوم الثلاثاء عن حزمة دعم للمزارعين في المناطق المتضررة من "
        "الجفاف.\n"
        "وقال الوزير للصحفيين: «سنعمل بسرعة كبيرة».\n"),
    "sources/ar-aid.yml": (
        'title: "الحكومة تعلن عن دعم جديد للمزارعين"\noutlet: "الجزيرة"\n'
        'author: "أحمد علي"\npublished:\n  date: "2025-03"\n  inferred: true\n'
        '  basis: "يذكر النص يوم الثلاثاء ولا يذكر التاريخ؛ نشر في مارس بحسب أرشيف الموقع."\n'
        "quotes:\n"
        '  - id: ar-fast\n    text: "سنعمل بسرعة كبيرة"\n    speaker: ar-minister\n'
        "    asserts: [aid-fast]\n"),
    # In English, on the Arabic site.
    "sources/en-wire.txt": (
        "Farm ministry pledges quick help\n"
        "The agriculture minister told reporters on Tuesday that the government would "
        "move quickly to help farmers hit by the drought.\n"),
    "sources/en-wire.yml": (
        'title: "Farm ministry pledges quick help"\npublished: "2025-03-05"\n'
        'outlet: "Wire"\nlanguage: en\nquotes:\n'
        '  - id: en-quick\n    text: "the government would move quickly to help farmers"\n'
        "    speaker: ar-minister\n    reports: [aid-fast]\n"),
    "entities.yml": (
        "entities:\n  - {id: ar-minister, name: وزير الزراعة, kind: person}\n"),
    "claims.yml": (
        "claims:\n  - id: aid-fast\n"
        '    statement: "[[entity:ar-minister]] يقول إن الحكومة ستتحرك بسرعة لمساعدة '
        'المزارعين."\n'
        "    claimant: ar-minister\n    status: reported\n"),
    "briefs/aid.yml": (
        'title: "دعم المزارعين في مواجهة الجفاف"\n'
        'summary: "وعدت وزارة الزراعة بمساعدة المزارعين المتضررين من الجفاف بسرعة."\n'
        "sections:\n  - kind: what-happened\n    points:\n"
        '      - text: "وعد [[entity:ar-minister]] بالتحرك بسرعة لمساعدة المزارعين في '
        'المناطق المتضررة من الجفاف، بحسب ما نقلته الصحافة المحلية والدولية."\n'
        "        cites: [ar-fast, en-quick]\n        claims: [aid-fast]\n"),
}
BRIEF = "briefs/aid/"
PAGES = ("", BRIEF, "sources/ar-aid/", "sources/en-wire/", "claims/aid-fast/", "404.html")
WIDTHS = (375, 1280)
# The right edge of the content box (inside its padding) of an element's parent, in the
# viewport: where the element's text starts, in a page written right to left.
CONTENT_RIGHT = """el => { const r = el.getBoundingClientRect(), s = getComputedStyle(el);
  return r.right - parseFloat(s.paddingRight) - parseFloat(s.borderRightWidth); }"""
PARENT_RIGHT = "el => (" + CONTENT_RIGHT + ")(el.parentElement)"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The project, in Arabic, built with `mkdocs build --strict` and served."""
    project = tmp_path_factory.mktemp("rtl") / "project"
    with served(project, FILES, "theme:\n  name: briefing\n  locale: ar\n", "ar") as url:
        yield url


def test_every_page_runs_right_to_left_without_a_sideways_scroll(page, problems,
                                                                  site: str) -> None:
    for width in WIDTHS:
        for path in PAGES:
            # The 404 page's links are from site_url's path, which is unset: its favicon,
            # fetched whenever the browser gets to it, is a 404 too. It is opened in a tab
            # whose problems are not collected.
            tab = page.context.new_page() if path == "404.html" else page
            tab.set_viewport_size({"width": width, "height": 900})
            tab.goto(site + path)
            assert tab.evaluate("[document.documentElement.lang, document.dir]") \
                == ["ar", "rtl"], path
            assert tab.evaluate("document.documentElement.scrollWidth"
                                " - document.documentElement.clientWidth") <= 0, \
                (width, path)
            if tab is not page:
                tab.close()
            problems.assert_none(path)


def test_the_text_starts_at_the_right(page, site: str) -> None:
    """A brief's summary and point, and a source's paragraph, end at the right edge of
    what holds them (a list's, inside its indent for the bullets, which is on the right),
    where their first letter is."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for path, selector in ((BRIEF, "main p.summary, main .lead"),
                               (BRIEF, "main li:has(> a.cite)"),
                               ("sources/ar-aid/", "main p:has(mark)")):
            page.goto(site + path)
            text = page.locator(selector).first
            right = text.evaluate(PARENT_RIGHT)
            assert abs(box(text)["right"] - right) < 2, (width, path, box(text), right)
            assert abs(rect(text, 0, 1)["right"] - box(text)["right"]) < 2, (width, path)


def test_the_header_and_the_sections_mirror(page, site: str) -> None:
    page.goto(site + BRIEF)
    name, search = box(page.locator(".site-name")), box(page.locator("form.search"))
    assert search["right"] < name["left"], "the search box is left of the site's name"
    links = [box(link) for link in page.locator(".site-nav a").all()]
    assert links[0]["left"] > links[1]["left"], "Home is the first section, on the right"
    assert abs(links[0]["right"] - page.locator(".site-nav ul").evaluate(CONTENT_RIGHT)) \
        < 12, links[0]
    # A brief's sections sit beside it on the left, their bar on their right.
    toc, main = box(page.locator(".page-toc ul")), box(page.locator("main"))
    assert toc["right"] <= main["left"] + 1, (toc, main)
    assert page.locator(".page-toc ul").evaluate(
        "el => getComputedStyle(el).borderRightWidth") == "1px"
    page.set_viewport_size({"width": 375, "height": 760})
    page.goto(site + BRIEF)
    assert box(page.locator(".sections-toggle"))["right"] \
        < box(page.locator(".site-name"))["left"], "the buttons are left of the name"


def test_quotes_cited_number_their_quotes_from_the_right(page, site: str) -> None:
    """Each quote's number at the item's right, the quote after it to its left; the
    English quote keeps its own direction, marked so."""
    page.goto(site + BRIEF)
    for item in page.locator("#quotes-cited + ul ul li").all():
        number, quote = box(item.locator(".cite-number")), box(item.locator("a").first)
        assert abs(number["right"] - box(item)["right"]) < 2, (number, box(item))
        assert quote["right"] < number["left"], (quote, number)
    english = page.locator("#quotes-cited + ul a[lang=en]", has_text="move quickly")
    assert english.get_attribute("dir") == "ltr"
    assert english.evaluate("el => getComputedStyle(el).direction") == "ltr"
    # So on the English source's page: its title and text, and its quoted passage.
    page.goto(site + "sources/en-wire/")
    assert page.locator("h1[lang=en][dir=ltr], p[lang=en][dir=ltr]").count() == 3
    paragraph = page.locator("p[lang=en]", has_text="reporters")
    assert abs(box(paragraph)["left"] - box(page.locator("main h2").first)["left"]) < 2, \
        "an English paragraph starts at the left"


def test_a_citations_preview_stays_on_the_screen_at_375(page, site: str,
                                                         screenshots: Path) -> None:
    """Each citation's preview inside the viewport, its bar on its right; the English
    quote's in its own language and direction."""
    page.set_viewport_size({"width": 375, "height": 760})
    page.goto(site + BRIEF)
    for n, cite in enumerate(page.locator("main a.cite").all()):
        cite.focus()
        preview = page.locator("#" + cite.get_attribute("aria-describedby"))
        preview.wait_for(state="visible")
        placed = preview.evaluate(PLACEMENT_JS)
        assert placed["left"] >= 0 and placed["right"] <= placed["vw"], placed
        assert preview.evaluate("el => getComputedStyle(el).borderRightWidth") == "3px"
        quote = preview.locator(".cite-preview-quote")
        assert quote.evaluate("el => getComputedStyle(el).direction") \
            == ("ltr" if "move quickly" in quote.inner_text() else "rtl")
        page.screenshot(path=screenshots / f"rtl-cite-preview-{n + 1}-375.png")


# Where an inferred date's tip is, a row of pixels below the date: what of it the page
# hit-tests as the date (a pseudo-element's box is its element's).
TIP_JS = """el => { const r = el.getBoundingClientRect(), y = r.bottom + 20;
  let left = null, right = null;
  for (let x = 0; x < innerWidth; x++) if (document.elementFromPoint(x, y) === el) {
    if (left === null) left = x; right = x; }
  return {left, right, date: r.right, vw: document.documentElement.clientWidth}; }"""


def test_an_inferred_dates_tip_stays_on_the_screen(page, site: str) -> None:
    """Its tip starts under the date, at its right, and runs left; a date too near the
    screen's left edge for it has it moved right, kept inside the screen."""
    page.set_viewport_size({"width": 375, "height": 760})
    page.goto(site + "sources/ar-aid/")
    date = page.locator("main .inferred[title]").first
    page.keyboard.press("Tab")  # focus by keyboard, as :focus-visible wants
    # The date moved (it is position: relative) to the right edge, then near the left.
    for move, clamped in (("innerWidth - 16 - r.right", False), ("40 - r.left", True)):
        date.blur()
        date.evaluate("el => { el.style.insetInlineStart = '0px'; "
                      "const r = el.getBoundingClientRect(); "
                      f"el.style.insetInlineStart = -({move}) + 'px'; }}")
        date.focus()
        tip = date.evaluate(TIP_JS)
        assert tip["left"] is not None and tip["right"] < tip["vw"], tip
        if clamped:
            assert 7 <= tip["left"] <= 9 and tip["right"] > tip["date"] + 100, tip
        else:
            assert abs(tip["right"] - tip["date"]) < 2 and tip["left"] > 8, tip


def test_the_search_panel_opens_under_its_box(page, site: str) -> None:
    page.goto(site)
    field = page.locator("form.search input")
    field.click()
    field.fill("المزارعين")
    panel = page.locator(".search-panel")
    panel.wait_for(state="visible")
    page.locator("#search-results article").first.wait_for()
    # Under the box, from its left end (the end of a right-to-left row) towards the right.
    assert abs(box(panel)["left"] - box(field)["left"]) < 2, (box(panel), box(field))
    placed = panel.evaluate(PLACEMENT_JS)
    assert placed["left"] >= 0 and placed["right"] <= placed["vw"], placed


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots(page, site: str, screenshots: Path, scheme: str, width: int) -> None:
    """Looked at: the brief, the Arabic source at its quoted passage (its cited-back
    note), and the English one."""
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    for name, path in (("brief", BRIEF), ("source", "sources/ar-aid/#q-ar-fast"),
                       ("english-source", "sources/en-wire/")):
        page.goto(site + path)
        page.wait_for_timeout(300)
        page.screenshot(path=screenshots / f"rtl-{name}-{width}-{scheme}.png",
                        full_page=True, animations="disabled")
