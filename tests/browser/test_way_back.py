"""The way back from a passage on a source's page to the brief points citing it: a note
placed where the passage's sentence ends, so that no sentence is cut in two, in view, next
for the keyboard, and gone (the paragraph whole again) when another passage is reached."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitecheck import SCHEMES
from test_pages import WIDTHS, assert_no_problems, open_page

pytestmark = pytest.mark.browser

SOURCE = "sources/deepseek-traction-musk-bid/"
# The audit's case: "Backed by High-Flyer, the company claims…": the note used to follow
# the passage, leaving ", the company claims…" to start a line of its own.
MID_SENTENCE = "q-traction-backed-by-high-flyer"
# One passage in the middle of a long paragraph (the article runs its sentences into one).
IN_A_LONG_PARAGRAPH = "q-traction-mhla"

# The note, the text of its paragraph just before and after it, and where it and the
# passage are on the screen.
NOTE_JS = """id => {
  const note = document.querySelector('main .cited-back');
  if (!note) return null;
  const block = note.parentNode, whole = block.textContent;
  const at = whole.indexOf(note.textContent), passage = document.getElementById(id);
  const after = whole.slice(at + note.textContent.length);
  return {before: whole.slice(0, at), after, role: note.getAttribute('role'),
          text: note.textContent, holdsPassage: block.contains(passage),
          passageTop: passage.getBoundingClientRect().top,
          noteBottom: note.getBoundingClientRect().bottom, vh: innerHeight,
          afterPassage: !!(passage.compareDocumentPosition(note) &
                           Node.DOCUMENT_POSITION_FOLLOWING)};
}"""


@pytest.mark.parametrize("device", WIDTHS)
def test_the_way_back_leaves_the_passages_sentence_whole(
        device: str, page, problems, site_url: str, screenshots: Path) -> None:
    width, height = WIDTHS[device]
    page.set_viewport_size({"width": width, "height": height})
    for passage in (MID_SENTENCE, IN_A_LONG_PARAGRAPH):
        page.goto("about:blank")
        open_page(page, f"{site_url}{SOURCE}#{passage}")
        page.locator("main .cited-back").wait_for(state="visible")
        page.wait_for_load_state("load")
        page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        note = page.evaluate(NOTE_JS, passage)
        where = f"{passage} at {width}px: {note}"
        assert note is not None, where
        assert note["role"] == "note", where
        assert note["holdsPassage"] and note["afterPassage"], where
        # After a full stop, before the next sentence's capital: the sentence reads whole.
        assert note["before"].rstrip().endswith("."), where
        assert note["after"] == "" or note["after"].lstrip()[0].isupper(), where
        assert " is cited in: " in note["text"], where
        # In view with the passage, below the sticky header.
        assert note["passageTop"] > 0 and note["noteBottom"] <= note["vh"], where
        for scheme in SCHEMES:
            page.emulate_media(color_scheme=scheme)
            page.screenshot(path=screenshots / f"cited-back-{passage}-{width}-{scheme}.png")
        page.emulate_media(color_scheme="light")
    # The audit's sentence, whole: the note follows "… spent on training GPT-4."
    page.goto("about:blank")
    open_page(page, f"{site_url}{SOURCE}#{MID_SENTENCE}")
    page.locator("main .cited-back").wait_for(state="visible")
    note = page.evaluate(NOTE_JS, MID_SENTENCE)
    assert note["before"].endswith("spent on training GPT-4."), note
    assert note["text"].startswith("\u201cBacked by High-Flyer\u201d is cited in: "), note
    assert_no_problems(page, problems, SOURCE)


def test_tab_from_the_passage_reaches_the_way_back(page, problems, site_url: str) -> None:
    """Reached at a passage, the keyboard's next stop is the note's first link."""
    open_page(page, f"{site_url}{SOURCE}#{MID_SENTENCE}")
    page.locator("main .cited-back").wait_for(state="visible")
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('.cited-back')"), \
        page.evaluate("document.activeElement.outerHTML")
    assert_no_problems(page, problems, SOURCE)


def test_the_way_back_moves_with_the_fragment_and_leaves_the_text_as_it_was(
        page, problems, site_url: str) -> None:
    open_page(page, f"{site_url}{SOURCE}")
    text_js = "() => [...document.querySelectorAll('#text ~ p')].map(p => p.innerHTML)"
    original = page.evaluate(text_js)
    for passage in (MID_SENTENCE, IN_A_LONG_PARAGRAPH, MID_SENTENCE):
        page.evaluate("id => { location.hash = id; }", passage)
        page.wait_for_function("id => { const n = document.querySelector('.cited-back');"
                               " return n && n.parentNode.contains(document.getElementById(id)); }",
                               arg=passage)
        assert page.locator("main .cited-back").count() == 1
    page.evaluate("location.hash = 'text'")
    page.wait_for_function("!document.querySelector('.cited-back')")
    assert page.evaluate(text_js) == original, "the article's paragraphs were left changed"
    assert_no_problems(page, problems, SOURCE)


CLAIM = "claims/r1-training-cost-6m/"


@pytest.mark.parametrize("device", WIDTHS)
def test_a_claims_page_leads_back_to_the_point_that_shows_it(
        device: str, page, problems, site_url: str) -> None:
    """From a claim's page, each point listed under "Cited in briefs" opens its brief at
    that point, in view below the sticky header, with the claim's chip under it."""
    width, height = WIDTHS[device]
    page.set_viewport_size({"width": width, "height": height})
    open_page(page, f"{site_url}{CLAIM}")
    points = page.locator("#cited-in + ul a[href*='#point-']")
    assert points.count() >= 2, page.locator("#cited-in + ul").inner_html()
    last = points.count() - 1
    label = points.nth(last).inner_text()
    points.nth(last).click()
    page.wait_for_url("**/briefs/**#point-*")
    anchor = page.url.split("#", 1)[1]
    point = page.locator(f"li:has(> #{anchor})")
    chip = point.locator(f".point-claims a[href$='{CLAIM}']")
    assert chip.count() == 1, (label, page.url)
    top = point.evaluate("li => li.getBoundingClientRect().top")
    header = page.evaluate("document.querySelector('header').getBoundingClientRect().bottom")
    assert header <= top < height, (label, top, header)
    assert_no_problems(page, problems, page.url)
