"""A briefing written right to left: a site whose language is Arabic (`theme: locale:
ar`) runs from the right under Briefing's theme, its layout mirrored (header, sections, a
brief's points, "Quotes cited" and its numbers, previews, the search panel), with no
sideways scroll at 375 and 1280 px; an English source it quotes reads left to right in
it. The pages' words stay English, and the theme's and the scripts' own are marked so,
reading left to right in the mirrored layout; a printed page has its number at its
bottom left; the quote picker (on in this build) opens under a selection's right end.
The other way round (an Arabic source quoted on an English site) is in
test_directions.py."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_directions import box, rect, served
from test_pages import PLACEMENT_JS
from test_quote_picker import SELECT_JS

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
        "    asserts: [aid-fast]\n"
        '  - id: ar-drought\n    text: "حزمة دعم للمزارعين في المناطق المتضررة من الجفاف"\n'),
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
        "        cites: [ar-fast, ar-drought, en-quick]\n        claims: [aid-fast]\n"),
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
    """The project, in Arabic, built with `mkdocs build --strict` and served; with the
    quote picker, which is otherwise on only under `mkdocs serve`."""
    project = tmp_path_factory.mktemp("rtl") / "project"
    with served(project, FILES, "theme:\n  name: briefing\n  locale: ar\n", "ar",
                "      quote_picker: always\n") as url:
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
    # (In the content: the theme's own words are marked English too.)
    assert page.locator("main :is(h1, p)[lang=en][dir=ltr]").count() == 3
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


def ends_at_its_right(words) -> bool:
    """Whether the last character of an element's text (a full stop, a colon) is at its
    right end, as in English, not carried to its left by the page's direction."""
    return abs(rect(words, -1)["right"] - box(words)["right"]) < 1


def test_the_themes_own_words_are_marked_english(page, site: str) -> None:
    """Its fixed words (skip link, search, buttons, footer) are marked English and read
    left to right, each sentence's full stop at its end, while the blocks holding them
    keep the page's direction: the footer's lines still end at the right."""
    page.goto(site + "sources/ar-aid/")
    for selector in (".skip-link", "form.search label", "form.search .search-status",
                     ".scheme-toggle .visually-hidden", ".sections-toggle .visually-hidden"):
        assert page.locator(selector).evaluate("el => [el.lang, el.dir]") == ["en", "ltr"], \
            selector
    lines = page.locator(".site-footer p")
    for n in range(2):
        words = lines.nth(n).locator("> span[lang=en][dir=ltr]")
        assert words.count() == 1, lines.nth(n).inner_html()
        assert ends_at_its_right(words), lines.nth(n).inner_text()
        assert abs(box(words)["right"] - lines.nth(n).evaluate(CONTENT_RIGHT)) < 2
    # The site's name, in the site's language, keeps its own direction within them.
    assert lines.first.locator("bdi").inner_text() == "My briefing"
    # "Search…": its ellipsis at its end, the field still right to left for what is typed.
    field = page.locator("form.search input")
    assert field.evaluate("el => getComputedStyle(el, '::placeholder').unicodeBidi") \
        == "plaintext"
    assert field.evaluate("el => getComputedStyle(el).direction") == "rtl"
    tab = page.context.new_page()  # (the 404 page's favicon is a 404: see above)
    tab.goto(site + "404.html")
    assert tab.locator("main [lang=en][dir=ltr]").count() == 3
    assert ends_at_its_right(tab.locator("main p [lang=en]").first)
    tab.close()


def test_the_pages_own_words_are_marked_english_and_keep_their_order(page, site: str
                                                                    ) -> None:
    """Briefing's words in its pages (English: it has no Arabic) are marked as the theme's
    are, so a message keeps its English order ("Sources up to 5 Mar 2025", not "5 Mar 2025
    Sources up to"; "No figures recorded yet." with its full stop at its end), while the
    pieces of a line follow the page's direction, and a name in the site's language keeps
    its place in it ("Claimed by" at its right)."""
    page.goto(site + BRIEF)
    meta = page.locator("main p.meta")
    up_to = meta.locator("> span[lang=en][dir=ltr]", has_text="Sources up to")
    assert rect(up_to, 0, 7)["right"] <= box(up_to.locator("time"))["left"] + 1
    counted = meta.locator("> span[lang=en][dir=ltr]", has_text="quotes from")
    assert box(counted)["left"] >= box(up_to)["right"] - 1, "the line runs from the right"
    page.goto(site)
    words = page.locator("main p > span[lang=en][dir=ltr]", has_text="No figures recorded")
    assert words.count() == 1
    assert ends_at_its_right(words)
    page.goto(site + "claims/aid-fast/")
    claimed = page.locator("main p.meta", has_text="Claimed by")
    assert box(claimed.locator("> span[lang=en]"))["left"] >= \
        box(claimed.locator("a"))["right"] - 1


def test_the_scripts_own_words_are_marked_english(page, site: str) -> None:
    """The passage's "is cited in:" note (its colon after "in", not before "is") and the
    problems banner, drawn by the plugin's scripts."""
    page.goto(site + "sources/ar-aid/#q-ar-fast")
    words = page.locator(".cited-back > span[lang=en][dir=ltr]")
    words.wait_for()
    text = words.evaluate("el => el.textContent")
    at = text.index("cited in:")
    colon, cited_in = rect(words, at + 8, at + 9), rect(words, at, at + 8)
    assert colon["left"] >= cited_in["right"] - 1, (colon, cited_in)
    assert abs(box(words)["right"] - box(page.locator(".cited-back"))["right"]) < 20, \
        "the note still starts at the right, its bar there"
    # The banner, with problems as `mkdocs serve` would report them.
    page.route("**/problems.json", lambda route: route.fulfill(
        content_type="application/json", body=json.dumps({"problems": {
            "text": "2 errors", "errors": 2, "kept_last_good": True,
            "href": "problems/"}})))
    page.goto(site + BRIEF)
    found = page.locator(".problems-banner p > span[lang=en][dir=ltr] strong")
    found.wait_for()
    assert found.inner_text() == "The last rebuild found 2 errors."
    assert ends_at_its_right(found)
    page.unroute("**/problems.json")


def test_a_date_reads_left_to_right(page, site: str) -> None:
    """The pages' dates are English: "5 Mar 2025" alone in a cell, not "Mar 2025 5"."""
    page.goto(site)
    date = page.locator("main td > time", has_text="5 Mar 2025").first
    assert rect(date, 0, 1)["right"] <= rect(date, -4)["left"], date.inner_text()


def test_a_printed_pages_number_is_at_its_bottom_left(page, site: str,
                                                      tmp_path: Path) -> None:
    """At its end, as the page runs right to left; and reading "1 / 1", not "1 / 1"
    turned round."""
    page.goto(site + "sources/ar-aid/")
    page.emulate_media(media="print")  # (the tab is set to the screen's)
    page.pdf(path=tmp_path / "source.pdf", format="A4")
    page.emulate_media(media="screen")
    printed = PdfReader(tmp_path / "source.pdf").pages[0]
    width = float(printed.mediabox.width)
    bottom: list[tuple[float, str]] = []

    def seen(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        x, y = cm[0] * tm[4] + cm[4], cm[3] * tm[5] + cm[5]
        if text.strip() and y < 100:  # in the bottom margin, in points from the bottom
            bottom.append((x, text))
    printed.extract_text(visitor_text=seen)
    assert re.fullmatch(r"1\s*/\s*1", "".join(t for _, t in sorted(bottom)).strip()), bottom
    assert max(x for x, _ in bottom) < width / 4, (bottom, width)


def test_the_quote_pickers_button_opens_under_the_selections_right_end(
        page, site: str, screenshots: Path) -> None:
    """Where an Arabic selection starts; its words marked English."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site + "sources/ar-aid/")
    selected = page.evaluate(SELECT_JS, ["الوزير للصحفيين", 0, True])
    button = page.locator("button.quote-picker")
    button.wait_for(state="visible")
    assert abs(box(button)["right"] - selected["right"]) < 2, (box(button), selected)
    assert box(button)["top"] > selected["bottom"]
    assert button.evaluate("el => [el.lang, el.dir]") == ["en", "ltr"]
    page.screenshot(path=screenshots / "rtl-quote-picker-1280.png")
    # Copied, its notice is English too, at the page's end (bottom left).
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    button.click()
    notice = page.locator(".quote-picker-status > span[lang=en][dir=ltr]")
    notice.wait_for()
    assert box(notice)["left"] < 640


def test_print_screenshot(page, site: str, screenshots: Path) -> None:
    """Looked at: the Arabic source as printed (without its margins' page number, which
    only the PDF has: see the test above)."""
    page.set_viewport_size({"width": 794, "height": 1123})
    page.emulate_media(media="print")
    page.goto(site + "sources/ar-aid/")
    page.screenshot(path=screenshots / "rtl-source-print.png", full_page=True)
    page.emulate_media(media="screen")
