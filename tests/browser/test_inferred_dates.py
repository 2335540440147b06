"""An inferred date's label gives the curator's reasoning (its basis) wherever the date
shows, and opens it on a tap as on keyboard focus: touch has no hover for a title."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitecheck import SCHEMES, phone_tab
from test_pages import assert_no_problems, open_page

pytestmark = pytest.mark.browser

# The pages that show inferred dates of the seed corpus, each somewhere of its own: beside
# a source, as the newest date behind a brief or claim, in the timeline.
KINDS = ("home", "briefs-index", "brief", "sources-index", "source", "claim", "timeline",
         "coverage")
GENERIC = "Inferred by the curator, not stated in the text"
# The focused or tapped label's tip: what it says, and how far it reaches to each side
# (hit-testing the row below the label: a pseudo-element hits as its element).
TIP_JS = """el => {
  const screen = document.documentElement.clientWidth;
  const y = el.getBoundingClientRect().bottom + 16, xs = [];
  for (let x = 0; x < screen; x++) if (document.elementFromPoint(x, y) === el) xs.push(x);
  const content = getComputedStyle(el, '::after').content;
  return {content, left: Math.min(...xs), right: Math.max(...xs), screen};
}"""


def test_every_inferred_label_carries_its_basis(page, problems, site_pages) -> None:
    seen = 0
    for kind in KINDS:
        open_page(page, site_pages[kind])
        titles = page.locator("main .inferred").evaluate_all("els => els.map(el => el.title)")
        assert titles, f"no inferred date on the {kind} page"
        for title in titles:
            assert title and title != GENERIC, f"{kind}: an inferred label says {title!r}"
            seen += 1
    # Away from its source (the newest date behind a brief), the basis names the source,
    # since its "The text carries no date" would name none.
    open_page(page, site_pages["brief"])
    as_of = page.locator("main p:has-text('Sources up to') .inferred").get_attribute("title")
    assert as_of is not None and as_of.startswith("The date of \u201c"), as_of
    assert seen
    assert_no_problems(page, problems, "inferred dates")


@pytest.mark.parametrize("width", (375,))
def test_a_tap_on_an_inferred_label_shows_its_basis(width: int, browser, site_pages,
                                                      screenshots: Path) -> None:
    """A tap opens the tip; a tap elsewhere, a second tap or Escape closes it; it stays
    inside the phone's screen."""
    with phone_tab(browser, width) as (tab, errors):
        for kind in ("home", "brief"):
            open_page(tab, site_pages[kind])
            label = tab.locator("main .inferred").first
            label.scroll_into_view_if_needed()
            basis = label.get_attribute("title")
            assert basis and basis != GENERIC, basis
            for scheme in SCHEMES:
                tab.emulate_media(color_scheme=scheme)
                label.tap()
                tip = label.evaluate(TIP_JS)
                where = f"{kind} at {width}px, {scheme}: {tip}"
                assert tip["content"] == f'"{basis}"', where  # (the seed's bases hold no ")
                assert 0 <= tip["left"] < tip["right"] < tip["screen"], where
                tab.screenshot(path=screenshots / f"inferred-tap-{kind}-{width}-{scheme}.png")
                tab.locator("main h1").tap()  # a tap elsewhere closes it
                assert label.evaluate(TIP_JS)["content"] == "none", where
            tab.emulate_media(color_scheme="light")
            label.tap()
            assert label.evaluate(TIP_JS)["content"] != "none"
            label.tap()  # a second tap on the label closes it
            assert label.evaluate(TIP_JS)["content"] == "none", "a second tap left it open"
            label.tap()
            tab.keyboard.press("Escape")
            assert label.evaluate(TIP_JS)["content"] == "none", "Escape left it open"
        assert not errors, errors


def test_a_mouse_click_adds_no_second_tip(page, problems, site_pages) -> None:
    """With a mouse the title's own tooltip shows on hover: a click opens no other."""
    open_page(page, site_pages["brief"])
    label = page.locator("main .inferred").first
    label.click()
    assert label.evaluate(TIP_JS)["content"] == "none"
    assert_no_problems(page, problems, site_pages["brief"])


# The seed's figure whose subject is the curator's reading: 512 chips, paired with R1.
SUBJECT_BASIS = ('The source says "for training" without naming the model, right after what '
                 '"the training of its R1 model" cost')


@pytest.mark.parametrize("width", (1280, 375))
def test_an_inferred_subject_in_the_key_figures_shows_its_mark_and_basis(
        width: int, browser, site_pages, screenshots: Path) -> None:
    """In the home page's key figures, "512 chips (DeepSeek-R1 inferred)": the label is
    seen beside the subject, and a tap shows its basis, inside the screen."""
    with phone_tab(browser, width) as (tab, errors):
        open_page(tab, site_pages["home"])
        row = tab.locator("main tr", has=tab.locator("a", has_text="Training chips")).first
        label = row.locator(".subject-inferred .inferred")
        assert label.count() == 1, row.inner_html()
        label.scroll_into_view_if_needed()
        assert label.is_visible() and label.inner_text() == "inferred"
        assert label.get_attribute("title") == SUBJECT_BASIS
        # The mark follows the subject it qualifies, inside the value's parentheses.
        assert "512 chips (DeepSeek-R1 inferred)" in " ".join(row.inner_text().split())
        label.tap()
        tip = label.evaluate(TIP_JS)
        where = f"key figures at {width}px: {tip}"
        assert tip["content"] == '"' + SUBJECT_BASIS.replace('"', '\\"') + '"', where
        assert 0 <= tip["left"] < tip["right"] < tip["screen"], where
        tab.screenshot(path=screenshots / f"inferred-subject-{width}.png")
        tab.keyboard.press("Escape")
        assert label.evaluate(TIP_JS)["content"] == "none", "Escape left it open"
        assert not errors, errors
