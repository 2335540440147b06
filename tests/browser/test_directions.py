"""Text of other scripts as a reader sees it: an Arabic and a Hebrew source cited in an
English brief, under Briefing's theme, MkDocs' and Material. Corpus text (a source's
paragraphs and title, a quote, a name, a speaker) keeps its own direction and stays out
of the English words around it; a claim's statement keeps the page's. A source that
names its language has its words marked with it. And a Chinese claim's label on a map
keeps inside its box."""
# Chinese punctuation is full width on purpose here.
# ruff: noqa: RUF001

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_themes import build, http_server

from briefing.cli import main

pytestmark = pytest.mark.browser

THEMES = {
    "briefing": "theme:\n  name: briefing\n",
    "mkdocs": "theme:\n  name: mkdocs\n  highlightjs: false\n",
    "material": "theme:\n  name: material\n  font: false\n",
}

FILES = {
    "sources/ar-aid.txt": (
        "الحكومة تعلن عن دعم جديد للمزارعين\n"
        "أعلن وزير الزراعة يوم الثلاثاء عن حزمة دعم بقيمة 50 مليون دولار للمزارعين.\n"
        "وقال الوزير للصحفيين: «سنعمل بسرعة كبيرة».\n"),
    "sources/ar-aid.yml": (
        'title: "الحكومة تعلن عن دعم جديد للمزارعين"\npublished: "2025-03-04"\n'
        'outlet: "الجزيرة"\nauthor: "أحمد علي"\nlanguage: ar\nquotes:\n'
        '  - id: ar-fast\n    text: "سنعمل بسرعة كبيرة"\n    speaker: ar-minister\n'
        "    asserts: [aid-fast]\n"),
    "sources/he-water.txt": (
        "משרד החקלאות מודיע על תוכנית מים\n"
        'שר החקלאות אמר כי "המים יגיעו לכל החקלאים עד הקיץ".\n'),
    "sources/he-water.yml": (
        'title: "משרד החקלאות מודיע על תוכנית מים"\npublished: "2025-03-06"\n'
        'outlet: "הארץ"\nquotes:\n'
        '  - id: he-water\n    text: "המים יגיעו לכל החקלאים עד הקיץ"\n'
        "    speaker: he-minister\n    asserts: [water-summer]\n"),
    "sources/zh.txt": (
        "英伟达股价下跌\n"
        "英伟达股价在深度求索发布R1模型之后的第一个交易日大幅下跌17%，"
        "创下美国股市历史上单日市值损失的最高纪录。\n"),
    "sources/zh.yml": (
        'title: "英伟达股价下跌"\npublished: "2025-01-28"\nlanguage: zh-Hans\nquotes:\n'
        '  - id: zh-drop\n    text: "英伟达股价在深度求索发布R1模型之后的第一个交易日大幅下跌17%，'
        '创下美国股市历史上单日市值损失的最高纪录"\n'
        "    asserts: [nvda-drop]\n"),
    "entities.yml": (
        "entities:\n"
        "  - {id: ar-minister, name: وزير الزراعة, kind: person}\n"
        "  - {id: he-minister, name: שר החקלאות, kind: person}\n"),
    "claims.yml": (
        "claims:\n"
        "  - id: aid-fast\n"
        '    statement: "[[entity:ar-minister]] says the government will act quickly."\n'
        "    claimant: ar-minister\n    status: reported\n"
        "  - id: water-summer\n"
        '    statement: "[[entity:he-minister]] says water will reach all farmers."\n'
        "    claimant: he-minister\n    status: reported\n"
        "  - id: nvda-drop\n"
        '    statement: "英伟达股价在深度求索发布R1模型之后的第一个交易日大幅下跌17%，'
        '创下美国股市历史上单日市值损失的最高纪录。"\n'
        "    status: reported\n"),
    "briefs/drought-aid.yml": (
        'title: "Drought aid in the region"\nsummary: "Two ministries promise help."\n'
        "sections:\n  - kind: what-happened\n    points:\n"
        '      - text: "The [[entity:ar-minister]] promised to act quickly."\n'
        "        cites: [ar-fast]\n        claims: [aid-fast]\n"
        '      - text: "[[entity:he-minister]] promised water by the summer."\n'
        "        cites: [he-water]\n        claims: [water-summer]\n"
        '      - text: "Nvidia\'s shares fell."\n'
        "        cites: [zh-drop]\n        claims: [nvda-drop]\n"),
}


@contextlib.contextmanager
def served(project: Path, files: Mapping[str, str], theme: str, name: str,
           options: str = "") -> Iterator[str]:
    """A bare project holding `files`, its mkdocs.yml's theme `theme` and the plugin's
    `options` (YAML lines indented for it), built with `mkdocs build --strict` into
    www/<name>/ and served there."""
    assert CliRunner().invoke(main, ["init", "--bare", str(project)]).exit_code == 0
    for path, text in files.items():
        (project / "content" / path).parent.mkdir(parents=True, exist_ok=True)
        (project / "content" / path).write_text(text, encoding="utf-8")
    config = project / "mkdocs.yml"
    written = config.read_text(encoding="utf-8").replace("theme:\n  name: briefing\n", theme)
    assert "  - briefing:\n" in written
    config.write_text(written.replace("  - briefing:\n", "  - briefing:\n" + options, 1),
                      encoding="utf-8")
    build([sys.executable, "-m", "mkdocs"], project, project / "www" / name)
    with http_server(project / "www") as url:
        yield f"{url}{name}/"


@pytest.fixture(scope="module", params=sorted(THEMES))
def site(request: pytest.FixtureRequest,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The project built under each theme, served."""
    project = tmp_path_factory.mktemp(request.param) / "project"
    with served(project, FILES, THEMES[request.param], request.param) as url:
        yield url


# The rectangle, in the viewport, of the characters `start` to `end` of an element's
# text (negative counts from the end; no end: to the end).
RANGE_RECT = """([el, start, end]) => {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const nodes = []; let total = 0;
  while (walker.nextNode()) { nodes.push([walker.currentNode, total]);
                              total += walker.currentNode.length; }
  const at = (n) => { n = n === null ? total : n < 0 ? total + n : n;
    for (const [node, offset] of nodes) if (n <= offset + node.length) return [node, n - offset];
  };
  const range = document.createRange();
  range.setStart(...at(start)); range.setEnd(...at(end));
  const r = range.getBoundingClientRect();
  return {left: r.left, right: r.right};
}"""


def rect(locator, start: int = 0, end: int | None = None) -> dict[str, float]:
    return dict(locator.evaluate(
        "(el, a) => (" + RANGE_RECT + ")([el, a[0], a[1]])", [start, end]))


def box(locator) -> dict[str, float]:
    return dict(locator.evaluate("el => el.getBoundingClientRect().toJSON()"))


def test_an_arabic_paragraph_runs_right_to_left_from_the_right(page, site: str) -> None:
    """The source's text: each paragraph in its own direction and aligned to its start,
    so the closing guillemet and full stop end the line on the left."""
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(site + "sources/ar-aid/")
        paragraph = page.locator("p", has_text="للصحفيين")
        assert paragraph.evaluate("el => getComputedStyle(el).unicodeBidi") == "plaintext"
        whole, first, last = box(paragraph), rect(paragraph, 0, 1), rect(paragraph, -1)
        assert abs(first["right"] - whole["right"]) < 2, (width, first, whole)
        assert last["right"] <= first["left"], "the full stop is not at the line's left end"
        # The title, all in Arabic, starts on the right too.
        title = page.locator("h1")
        assert abs(rect(title, 0, 1)["right"] - box(title)["right"]) < 2


def test_a_cited_source_keeps_its_title_before_its_date(page, site: str) -> None:
    """"<title>, 4 Mar 2025", not "4, <title> Mar 2025": the Arabic title does not
    take the comma and the day into its run."""
    page.goto(site + "briefs/drought-aid/")
    for title in page.locator(".cited-source").all():
        date = title.locator("xpath=following-sibling::time[1]")
        rects = date.evaluate("el => [...el.getClientRects()].map(r => r.left)")
        assert len(rects) == 1 and rects[0] > box(title)["right"], (title.inner_text(), rects)


def test_a_quote_keeps_its_marks_and_its_speaker_comes_after(page, site: str) -> None:
    """The speaker "(وزير الزراعة)" does not land between the quote's marks: the quote
    is one piece, both marks in it, and the speaker after it."""
    page.goto(site + "briefs/drought-aid/")
    items = page.locator("li:has(> .cite-speaker)")
    assert items.count() == 2  # the Chinese quote has no speaker
    for item in items.all():
        quote = item.locator("a").first
        pieces = quote.evaluate("el => el.getClientRects().length")
        assert pieces == 1, quote.inner_text()
        assert box(item.locator(".cite-speaker"))["left"] >= box(quote)["right"] - 1
    # In Arabic the quote's own direction: its opening mark on the right.
    arabic = page.locator("a", has_text="سنعمل").last
    assert rect(arabic, 0, 1)["right"] > rect(arabic, -1)["right"]


def test_a_statement_opening_with_a_name_keeps_the_pages_direction(page, site: str) -> None:
    """"وزير الزراعة says the government will act quickly." is an English sentence: the
    name stays first, on the left, and the full stop last, on the right (as a link, and as
    a brief's chip)."""
    page.goto(site + "sources/ar-aid/")
    statement = page.locator("a", has_text="says the government").first
    lines = statement.evaluate("el => [...el.getClientRects()].map(r => [r.left, r.right])")
    name = len("وزير الزراعة")
    assert abs(rect(statement, 0, name)["left"] - lines[0][0]) < 2, lines
    assert abs(rect(statement, -1)["right"] - lines[-1][1]) < 2, lines
    page.goto(site + "briefs/drought-aid/")
    chip = page.locator("a.claim-chip", has_text="says the government")
    assert box(chip.locator(".status"))["left"] - box(chip)["left"] < 8


def test_a_chinese_label_on_the_map_keeps_inside_its_box(page, site: str) -> None:
    """A statement with no spaces is broken between characters, at 1280 and 375 px."""
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(site + "map/b-drought-aid/")
        node = page.locator("svg a", has_text="英伟达股价").first
        assert node.locator("tspan").count() == 3
        shape, text = box(node.locator("rect")), box(node.locator("text"))
        assert text["right"] <= shape["right"] + 1, (width, text, shape)


def test_a_sources_words_are_read_in_its_language(page, site: str) -> None:
    """The Arabic and Chinese sources name their language; the Hebrew one does not, so
    its words are the site's (English, as the page says)."""
    page.goto(site + "sources/ar-aid/")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("h1:lang(ar)").count() == 1
    assert page.locator("p:lang(ar)").count() == 3  # the text's three lines
    assert page.locator("a:lang(ar)", has_text="سنعمل").count() == 1  # quoted passages
    assert page.locator("h2:lang(ar), .meta:lang(ar)").count() == 0  # the page's own words
    page.goto(site + "briefs/drought-aid/")
    assert page.locator(".cited-source:lang(zh)").count() == 1
    assert page.locator("a:lang(zh-Hans)", has_text="英伟达股价在").count() == 1
    assert page.locator(".cited-source:lang(ar)").count() == 1
    assert page.locator(":lang(he)").count() == 0


def test_a_sources_words_declare_its_direction(page, site: str) -> None:
    """The Arabic source's words say they run right to left (`dir`, with `lang`), on the
    English site: its quote in "Quotes cited" and in a citation's preview, its title and
    its text's paragraphs; the Chinese ones left to right. The page's own words keep the
    page's direction."""
    page.goto(site + "briefs/drought-aid/")
    assert page.evaluate("document.dir") in ("", "ltr")
    quote = page.locator("a[lang=ar]", has_text="سنعمل")
    assert quote.get_attribute("dir") == "rtl"
    assert quote.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert page.locator("a:lang(zh-Hans)", has_text="英伟达股价在").get_attribute("dir") == "ltr"
    cite = page.locator("a.cite").first  # (MkDocs' theme has no <main>)
    cite.focus()
    preview = page.locator("#" + cite.get_attribute("aria-describedby"))
    preview.wait_for(state="visible")
    assert preview.locator(".cite-preview-quote").evaluate(
        "el => [el.lang, el.dir, getComputedStyle(el).direction]") == ["ar", "rtl", "rtl"]
    page.goto(site + "sources/ar-aid/")
    assert page.locator("h1[dir=rtl]:lang(ar), p[dir=rtl]:lang(ar)").count() == 4
    assert page.locator("h2[dir], .meta[dir]").count() == 0
    # The note under the passage reached by its anchor is the page's words, in its
    # direction, though it stands in the Arabic paragraph; the quote in it is Arabic.
    page.goto(site + "sources/ar-aid/#q-ar-fast")
    note = page.locator(".cited-back")
    note.wait_for()
    assert note.evaluate("el => getComputedStyle(el).direction") == "ltr"
    assert note.locator("[lang=ar][dir=rtl]").inner_text().startswith("\u201c")
