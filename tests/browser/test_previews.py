"""Previews of the links to briefs, claims and entities, by hover, focus and tap, at a
phone's and a desktop's width, in light and dark."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitecheck import axe_report, run_axe
from test_pages import PLACEMENT_JS, WIDTHS, assert_no_problems, open_page

pytestmark = pytest.mark.browser

# One link of each kind on a brief: a claim chip, an entity named in a point, a related brief.
LINKS = {
    "claim": "main a[href*='/claims/']",
    "entity": "main li a[href*='/entities/']",
    "brief": "main a[href^='../']:not([href^='../../'])",
}
# The target page's title, as the preview must give it.
TITLE_JS = """async a => {
  const html = await (await fetch(a.href)).text();
  return new DOMParser().parseFromString(html, 'text/html').querySelector('main h1')
    .textContent.trim();
}"""
PREVIEW = "#link-preview:not([hidden])"


def check_preview(page, link, kind: str) -> str:
    """The visible preview belongs to `link`, gives its page's title, and fits the screen."""
    preview = page.locator(PREVIEW)
    preview.wait_for(state="visible")
    assert link.get_attribute("aria-describedby") == "link-preview"
    assert preview.get_attribute("role") == "tooltip"
    text = preview.inner_text()
    title = link.evaluate(TITLE_JS)
    assert text.startswith(title), f"{kind} preview {text!r} does not start with {title!r}"
    assert len(text) > len(title) + 10, f"{kind} preview has only its title: {text!r}"
    assert not preview.locator("a, [tabindex]").count(), "a preview never takes focus"
    box = preview.evaluate(PLACEMENT_JS)
    assert box["left"] >= 0 and box["right"] <= box["vw"], f"off screen sideways: {box}"
    return text


@pytest.mark.parametrize("device", WIDTHS)
def test_previews_by_hover_and_by_focus(device, page, problems, site_pages, screenshots: Path):
    width, height = WIDTHS[device]
    page.set_viewport_size({"width": width, "height": height})
    url = site_pages["brief"]
    open_page(page, url)
    for kind, selector in LINKS.items():
        link = page.locator(selector).first
        assert link.count(), f"no {kind} link on {url}"
        # Hover shows it; the pointer may move onto it; moving away hides it.
        link.scroll_into_view_if_needed()
        link.hover()
        check_preview(page, link, kind)
        page.locator(PREVIEW).hover()
        page.wait_for_timeout(450)
        assert page.locator(PREVIEW).count(), "the preview closed when the pointer moved onto it"
        page.mouse.move(0, 0)
        page.locator("#link-preview").wait_for(state="hidden")
        assert link.get_attribute("aria-describedby") is None
        # Focus shows it without moving focus; Escape closes it.
        link.focus()
        check_preview(page, link, kind)
        assert link.evaluate("a => document.activeElement === a"), "the preview took focus"
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            failing = run_axe(page, f"link-preview-{kind}-{width}-{scheme}", PREVIEW)
            assert not failing, f"axe on the {kind} preview ({scheme}):\n{axe_report(failing)}"
            page.screenshot(path=screenshots / f"link-preview-{kind}-{width}-{scheme}.png")
        page.emulate_media(color_scheme="light")
        page.keyboard.press("Escape")
        assert page.locator("#link-preview").is_hidden(), "Escape left the preview open"
        page.evaluate("document.activeElement.blur()")
    assert page.url == url, "a preview followed its link"
    assert_no_problems(page, problems, url)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", LINKS)
def test_on_touch_the_first_tap_previews_and_the_second_follows(
    kind, scheme, browser, site_pages, screenshots: Path
):
    context = browser.new_context(viewport={"width": 375, "height": 812}, has_touch=True,
                                  is_mobile=True, color_scheme=scheme)
    try:
        tab = context.new_page()
        url = site_pages["brief"]
        open_page(tab, url)
        link = tab.locator(LINKS[kind]).first
        link.scroll_into_view_if_needed()
        target = link.evaluate("a => a.href")
        link.tap()
        check_preview(tab, link, kind)
        assert tab.url == url, "the first tap followed the link"
        tab.screenshot(path=screenshots / f"link-preview-tap-{kind}-375-{scheme}.png")
        # A tap elsewhere closes it and still goes nowhere.
        tab.locator("main h1").tap()
        tab.locator("#link-preview").wait_for(state="hidden")
        link.tap()
        tab.locator(PREVIEW).wait_for(state="visible")
        link.tap()
        tab.wait_for_url(target)
    finally:
        context.close()


def test_without_javascript_or_from_a_file_links_are_plain_links(
    browser, built_site: Path, site_pages, site_url: str
):
    brief = built_site / site_pages["brief"][len(site_url):] / "index.html"
    for scripts, address in ((False, site_pages["brief"]), (True, brief.as_uri())):
        context = browser.new_context(java_script_enabled=scripts, has_touch=True)
        try:
            tab = context.new_page()
            tab.goto(address)
            link = tab.locator(LINKS["claim"]).first
            target = link.evaluate("a => a.href")
            link.tap()
            tab.wait_for_url(target)  # from file://, where nothing can be fetched, as well
        finally:
            context.close()


@pytest.mark.parametrize("device", WIDTHS)
def test_a_quoted_passage_links_back_to_the_brief_points_citing_it(
    device, page, problems, site_pages, screenshots: Path
):
    width, height = WIDTHS[device]
    page.set_viewport_size({"width": width, "height": height})
    url = site_pages["source"]
    open_page(page, url)
    backs = page.locator("main tr a[href*='#point-']")
    assert backs.count() >= 2, f"no passage on {url} links back to a brief point"
    back = backs.nth(1)
    passage = back.evaluate("a => a.closest('tr').querySelector('a[href*=\"#q-\"]').hash")
    # Named after the brief and the point: "<brief> — <section>, point <n>".
    brief = back.evaluate("a => a.parentElement.querySelector('a:not([href*=\"#\"])').textContent")
    assert re.fullmatch(r"[A-Z][\w ,']+, point \d+", back.inner_text()), back.inner_text()
    target = back.evaluate("a => a.href")
    back.scroll_into_view_if_needed()
    back.hover()  # a link to a brief: it previews the brief (and fetches it) first
    page.locator(PREVIEW).wait_for(state="visible")
    back.click()
    page.wait_for_url(target)
    assert page.locator("main h1").inner_text() == brief
    # The point is highlighted, on screen, and cites the very passage it was reached from.
    point = page.locator("li:has(> .anchor:target)")
    assert point.count() == 1
    box = point.evaluate(PLACEMENT_JS)
    header = page.evaluate("document.querySelector('header').getBoundingClientRect().bottom")
    assert max(0, header) <= box["top"] < box["vh"], f"off screen or under the header: {box}"
    assert point.evaluate("li => getComputedStyle(li).backgroundColor") != "rgba(0, 0, 0, 0)"
    cites = point.locator("a.cite").evaluate_all("l => l.map(a => new URL(a.href).hash)")
    assert passage in cites, f"the point cites {cites}, not {passage}"
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.screenshot(path=screenshots / f"point-from-passage-{width}-{scheme}.png")
    page.emulate_media(color_scheme="light")
    assert_no_problems(page, problems, target)


@pytest.mark.parametrize("device", WIDTHS)
def test_check_a_citation_and_get_back_to_its_point(
    device, page, problems, site_pages, screenshots: Path
):
    width, height = WIDTHS[device]
    page.set_viewport_size({"width": width, "height": height})
    url = site_pages["brief"]
    open_page(page, url)
    cite = page.locator("main li:has(> .anchor) a.cite").nth(4)
    point = cite.evaluate("a => a.closest('li').querySelector(':scope > .anchor').id")
    passage = cite.evaluate("a => a.href")
    cite.evaluate("a => a.click()")  # (a tap or a click would first preview it)
    page.wait_for_url(passage)
    # Right under the passage, in view: the brief points citing it, this one too.
    back = page.locator("main .cited-back")
    assert back.count() == 1 and back.inner_text().startswith("Cited in: ")
    box = back.evaluate(PLACEMENT_JS)
    assert box["top"] < box["vh"], f"the way back is off screen: {box}"
    assert back.evaluate("el => el.previousElementSibling.matches(':target, mark.quote')")
    page.screenshot(path=screenshots / f"cited-back-{width}.png")
    link = back.locator(f"a[href$='#{point}']")
    assert link.count() == 1, f"no link back to {point} in {back.inner_text()!r}"
    target = link.evaluate("a => a.href")
    link.evaluate("a => a.click()")
    page.wait_for_url(target)
    assert page.locator("li:has(> .anchor:target)").evaluate(
        "li => li.querySelector(':scope > .anchor').id") == point
    assert_no_problems(page, problems, url)
