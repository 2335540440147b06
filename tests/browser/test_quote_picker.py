"""The quote picker under `mkdocs serve`: select words of an article on its source page,
copy them as a quote (mouse or keyboard), paste the quote into the source's annotation,
and `briefing check --strict` finds it. The published build has no picker, unless
`quote_picker: always` puts it there (tested under MkDocs' theme and Material too).
About 50 s, mostly waiting for three `mkdocs serve` and two `mkdocs build` runs: the
picker is on only while serving, and each paste is checked against a real annotation."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from corpus_helpers import ARTICLE, REPO, minimal_corpus, seed_project, write_tree
from serving import fetch, served, wait_for
from sitecheck import axe_report, run_axe
from test_themes import THEMES, build, http_server

from briefing.cli import main

pytestmark = pytest.mark.browser

# "the price is final" twice in one paragraph, so the second needs a prefix or suffix;
# Jane Doe says it, and a word of speech names her.
TWICE = "Acme Corp said the price is final. Later, Jane Doe said the price is final again.\n"
# A quotation naming no one as speaking goes on with the speaker of the sentence before,
# though it names Acme Corp, which it speaks of.
GOES_ON = ("Jane Doe said the numbers differ. \u201cBoth can be true of Acme Corp,\u201d she "
           "said.\n")
# Acme Corp is named, but as what the passage is about: no word of speech makes it Acme's.
NAMED_ONLY = "Buyers of Acme Corp widgets are looking elsewhere.\n"
PDF = REPO / "tests" / "fixtures" / "ingest" / "northgate-r1-cost-note.pdf"
SOURCE_PAGE = "/sources/acme-widget/"

# Select `text` (its `nth` occurrence) in the article's paragraph holding it, across the
# <mark> elements that split it, scrolled to the middle of the screen; returns the
# selection's box there.
SELECT_JS = """([text, nth, apply]) => {
  const heading = document.getElementById("text");
  let el = heading.nextElementSibling;
  while (el && !el.textContent.includes(text)) el = el.nextElementSibling;
  el.scrollIntoView({block: "center"});
  let at = -1;
  for (let i = 0; i <= nth; i++) at = el.textContent.indexOf(text, at + 1);
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0, node;
  while ((node = walker.nextNode())) {
    const length = node.textContent.length;
    if (seen <= at && at < seen + length) range.setStart(node, at - seen);
    if (seen < at + text.length && at + text.length <= seen + length) {
      range.setEnd(node, at + text.length - seen);
    }
    seen += length;
  }
  if (apply) {
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
  const box = range.getBoundingClientRect();
  return {left: box.left, right: box.right, top: box.top, bottom: box.bottom};
}"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    content = write_tree(tmp_path / "corpus", {
        **minimal_corpus(), "sources/acme-widget.txt": ARTICLE + TWICE + GOES_ON + NAMED_ONLY})
    return seed_project(tmp_path / "project", content)


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:
    """A tab that may read the clipboard, failing the test on any console error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, errors


def pasted(project: Path, snippet: str) -> Path:
    """The snippet pasted as the first item under `quotes:` of the annotation."""
    annotation = project / "content" / "sources" / "acme-widget.yml"
    text = annotation.read_text(encoding="utf-8")
    annotation.write_text(text.replace("quotes:\n", "quotes:\n" + snippet, 1), encoding="utf-8")
    return annotation


def copied_with_q(tab: Any, text: str) -> str:
    """Select `text` in the article, copy it with the `q` shortcut and put the button away:
    the quote the clipboard then holds."""
    tab.evaluate(SELECT_JS, [text, 0, True])
    tab.locator("button.quote-picker").wait_for(state="visible", timeout=5_000)
    tab.keyboard.press("q")
    tab.get_by_role("status").get_by_text("Quote copied").wait_for(timeout=5_000)
    snippet: str = tab.evaluate("navigator.clipboard.readText()")
    tab.keyboard.press("Escape")
    return snippet


def check(project: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--strict", "--content",
                                       str(project / "content")])
    assert result.exit_code == 0, result.output


def test_a_passage_selected_with_the_mouse_is_copied_as_a_quote_that_checks(
        tmp_path: Path, project: Path, tab: Any, screenshots: Path) -> None:
    with served(tmp_path) as (_, base, _server):
        tab.goto(base + SOURCE_PAGE)
        box = tab.evaluate(SELECT_JS, ["the widget is overpriced", 0, False])
        middle = (box["top"] + box["bottom"]) / 2
        tab.mouse.move(box["left"] + 1, middle)
        tab.mouse.down()
        tab.mouse.move(box["right"] - 1, middle, steps=5)
        tab.mouse.up()
        button = tab.get_by_role("button", name="Copy as quote")
        button.wait_for(state="visible", timeout=5_000)
        tab.screenshot(path=screenshots / "quote-picker.png", animations="disabled")
        button.click()
        tab.get_by_role("status").get_by_text("Quote copied").wait_for(timeout=5_000)
        for scheme in ("light", "dark"):  # the button and the notice, in both schemes
            tab.emulate_media(color_scheme=scheme)
            failing = run_axe(tab, f"quote-picker-{scheme}")
            assert not failing, f"axe with the picker ({scheme}):\n" + axe_report(failing)
        snippet = tab.evaluate("navigator.clipboard.readText()")
        tab.goto("about:blank")  # leave before the server stops (its live reload would fail)
    # The passage is already a quote (doe-overpriced), so a new id, and Jane Doe speaks.
    assert snippet == ('  - id: acme-widget-is-overpriced\n'
                       '    text: "the widget is overpriced"\n'
                       "    speaker: jane-doe\n")
    pasted(project, snippet)
    check(project)


def test_a_passage_found_twice_gets_a_prefix_or_suffix_by_keyboard(
        tmp_path: Path, project: Path, tab: Any, screenshots: Path) -> None:
    with served(tmp_path) as (_, base, _server):
        tab.goto(base + SOURCE_PAGE)
        tab.evaluate(SELECT_JS, ["the price is final", 1, True])
        button = tab.get_by_role("button", name="Copy as quote")
        button.wait_for(state="visible", timeout=5_000)
        tab.keyboard.press("q")  # the shortcut
        tab.get_by_role("status").get_by_text("Quote copied").wait_for(timeout=5_000)
        snippet = tab.evaluate("navigator.clipboard.readText()")
        # The button is a real button: Tab after selecting reaches it, and Enter copies.
        tab.evaluate("navigator.clipboard.writeText('')")
        tab.keyboard.press("Tab")
        assert tab.evaluate("document.activeElement.className") == "quote-picker"
        tab.keyboard.press("Enter")
        tab.wait_for_function("navigator.clipboard.readText().then(t => t.length > 0)")
        assert tab.evaluate("navigator.clipboard.readText()") == snippet
        # Pasted with a slip, the quote is not found: the Problems page marks the word.
        tab.goto("about:blank")  # no page open to reload itself while the server rebuilds
        annotation = project / "content" / "sources" / "acme-widget.yml"
        good = annotation.read_text(encoding="utf-8")
        pasted(project, snippet.replace('"the price is final"', '"the prices is final"'))
        assert wait_for(lambda: "closest-passage" in (fetch(base + "/problems/") or ""), 60), \
            fetch(base + "/problems/")
        tab.goto(base + "/problems/")
        passage = tab.locator("q.closest-passage")
        assert passage.locator("del").all_inner_texts() == ["prices"]
        assert passage.locator("ins").all_inner_texts() == ["price"]
        passage.screenshot(path=screenshots / "quote-not-found-diff.png")
        tab.goto("about:blank")
        annotation.write_text(good, encoding="utf-8")
    assert snippet.startswith('  - id: acme-widget-price-is-final\n'
                              '    text: "the price is final"\n')
    assert "    prefix: " in snippet or "    suffix: " in snippet
    assert snippet.endswith("    speaker: jane-doe\n")
    annotation = pasted(project, snippet)
    check(project)
    # Without the prefix or suffix the same quote is ambiguous: the context is needed.
    context = [line for line in snippet.splitlines() if line.startswith("    prefix:")
               or line.startswith("    suffix:")]
    text = annotation.read_text(encoding="utf-8")
    for line in context:
        text = text.replace(line + "\n", "")
    annotation.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--content", str(project / "content")])
    assert "quote-ambiguous" in result.output


def test_the_published_site_has_no_picker(site_url: str, built_site: Path, page: Any) -> None:
    source = next((built_site / "sources").glob("*/index.html"))
    html = source.read_text(encoding="utf-8")
    assert "data-quote-picker" not in html and "picker.js" not in html
    assert not (built_site / "assets" / "briefing" / "picker.js").exists()
    page.goto(f"{site_url}sources/{source.parent.name}/")
    first = page.locator("#text ~ p").first
    first.click(click_count=3)  # selects the paragraph
    assert page.evaluate("getSelection().toString().length") > 0
    page.wait_for_timeout(300)  # longer than the picker waits after a selection
    assert page.locator(".quote-picker").count() == 0


def test_pdf_pages_speakers_going_on_and_selections_across_paragraphs(
        tmp_path: Path, project: Path, tab: Any, screenshots: Path) -> None:
    result = CliRunner().invoke(main, ["new", str(PDF), "--id", "northgate-note",
                                       "--content", str(project / "content")])
    assert result.exit_code == 0, result.output
    with served(tmp_path) as (_, base, _server):
        tab.goto(base + SOURCE_PAGE)
        button = tab.locator("button.quote-picker")
        said = copied_with_q(tab, "Both can be true")
        named = copied_with_q(tab, "are looking elsewhere")
        assert button.is_hidden()
        # A selection from one paragraph into the next is no quote: no button.
        tab.evaluate("""() => {
          const [first, second] = [...document.querySelectorAll("#text ~ p")].slice(0, 2);
          const range = document.createRange();
          range.setStart(first.firstChild, 2);
          range.setEnd(second.firstChild, 2);
          getSelection().removeAllRanges();
          getSelection().addRange(range);
        }""")
        tab.wait_for_timeout(300)  # longer than the picker waits after a selection
        assert button.is_hidden()

        # A PDF's page shows where its pages start; the paragraphs still pair with the text.
        tab.goto(base + "/sources/northgate-note/")
        assert tab.locator(".page-start").count() == 2
        tab.evaluate(SELECT_JS, ["Neither number includes the research", 0, True])
        button.wait_for(state="visible", timeout=5_000)
        tab.screenshot(path=screenshots / "quote-picker-pdf.png", animations="disabled")
        button.click()
        tab.get_by_role("status").get_by_text("Quote copied").wait_for(timeout=5_000)
        from_pdf = tab.evaluate("navigator.clipboard.readText()")
        tab.goto("about:blank")
    assert said == ('  - id: acme-widget-both-can-be-true\n    text: "Both can be true"\n'
                    "    speaker: jane-doe\n")
    assert named.endswith('    text: "are looking elsewhere"\n    # speaker: acme  (named here, '
                          "but no word of speech makes the passage theirs: check)\n"), named
    assert from_pdf == ('  - id: northgate-note-neither-number-includes\n'
                        '    text: "Neither number includes the research"\n')
    pasted(project, said)
    pasted(project, named)  # its commented speaker line is still YAML of the list
    annotation = project / "content" / "sources" / "northgate-note.yml"
    with annotation.open("a", encoding="utf-8") as file:
        file.write("quotes:\n" + from_pdf)
    result = CliRunner().invoke(main, ["check", "--content", str(project / "content")])
    assert result.exit_code == 0, result.output
    assert "quote-" not in result.output


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_always_puts_the_picker_in_a_build_under_other_themes(
        tmp_path: Path, browser: Any, theme: str) -> None:
    project = tmp_path / "project"
    assert CliRunner().invoke(main, ["init", str(project)]).exit_code == 0
    config = project / "mkdocs.yml"
    settings = config.read_text(encoding="utf-8")
    assert "theme:\n  name: briefing\n" in settings and "  - briefing:\n" in settings
    config.write_text(settings.replace("theme:\n  name: briefing\n", THEMES[theme]).replace(
        "  - briefing:\n", "  - briefing:\n      quote_picker: always\n"), encoding="utf-8")
    build([sys.executable, "-m", "mkdocs"], project, project / "site")
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        with http_server(project / "site") as url:
            tab.goto(url + "sources/riverton-library-sundays/")
            tab.evaluate(SELECT_JS, ["public library will open on Sundays", 0, True])
            button = tab.get_by_role("button", name="Copy as quote")
            button.wait_for(state="visible", timeout=5_000)
            button.click()
            tab.get_by_role("status").get_by_text("Quote copied").wait_for(timeout=5_000)
            snippet = tab.evaluate("navigator.clipboard.readText()")
    finally:
        context.close()
    assert not errors, errors
    assert '    text: "public library will open on Sundays"\n' in snippet
    annotation = project / "content" / "sources" / "riverton-library-sundays.yml"
    text = annotation.read_text(encoding="utf-8")
    annotation.write_text(text.replace("quotes:\n", "quotes:\n" + snippet, 1), encoding="utf-8")
    check(project)


SLUG_CASES = ["Die Schließung der Werke", "Ærøskøbing og Łódź", "Þórshöfn's ðing",
              "\u0130stanbul'da \u0131\u015f\u0131k", "The café at the Straße",
              "A an the", "Ein sehr langer Satz mit vielen Wörtern über die Großstadt " * 3,
              "\u201cQuoted\u201d \u2014 dash", "ﬁnancial ½ ²",
              "Bürgermeister der ÖBB-Ärzte", "Mu\u0308ller"]


def test_the_picker_makes_the_ids_briefing_new_makes(browser: Any) -> None:
    """A quote's id copied from the page and one `briefing new` suggests are the same
    words: the page's slugify, run in the browser, against Python's."""
    from briefing.suggest import slugify
    script = (REPO / "briefing" / "assets" / "picker.js").read_text(encoding="utf-8")
    start = script.index("  var UMLAUTS")
    end = script.index("\n  }\n", script.index("function slugify")) + 4
    tab = browser.new_page()
    try:
        made = tab.evaluate("cases => { " + script[start:end]
                            + " return cases.map(c => [slugify(c, 60), slugify(c, 12),"
                            " slugify(c, 60, true)]); }", SLUG_CASES)
    finally:
        tab.close()
    # (The third: as a German source's, whose umlauts are spelt out, "über" as "ueber".)
    assert made == [[slugify(c, 60), slugify(c, 12), slugify(c, 60, "de")]
                    for c in SLUG_CASES]
