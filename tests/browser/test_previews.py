"""Previews of citations and of the links to briefs, claims and entities: by focus on every
screen, by hover where there is a mouse, by tap on touch screens; in light and dark."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from sitecheck import (
    POINTER_WIDTHS,
    SCHEMES,
    SCREENS,
    TOUCH_WIDTHS,
    axe_report,
    phone_tab,
    run_axe,
)
from test_pages import (
    CITED_ITEM_JS,
    PLACEMENT_JS,
    WIDTHS,
    assert_no_problems,
    open_page,
    preview_of,
)

pytestmark = pytest.mark.browser

# One link of each kind on a brief: a citation, a claim chip, an entity named in a point,
# a related brief.
LINKS = {
    "citation": "main a.cite",
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
    """The visible preview belongs to `link`, says what it should (a citation's quote, a
    page's title and summary), never takes focus and fits the screen. Returns the
    preview's selector."""
    if kind == "citation":
        selector = "#" + preview_of(page, link).get_attribute("id")
        page.locator(selector).wait_for(state="visible")
        expected = link.evaluate(CITED_ITEM_JS)["quote"]
    else:
        selector = PREVIEW
        page.locator(selector).wait_for(state="visible")
        assert link.get_attribute("aria-describedby") == "link-preview"
        expected = link.evaluate(TITLE_JS)
    preview = page.locator(selector)
    assert preview.get_attribute("role") == "tooltip"
    text = preview.inner_text()
    if kind == "citation":
        assert expected in text, f"citation preview {text!r} lacks its quote {expected!r}"
    else:
        assert text.startswith(expected), f"{kind} preview {text!r} is not of {expected!r}"
        assert len(text) > len(expected) + 10, f"{kind} preview has only its title: {text!r}"
    assert not preview.locator("a, [tabindex]").count(), "a preview never takes focus"
    box = preview.evaluate(PLACEMENT_JS)
    assert box["left"] >= 0 and box["right"] <= box["vw"], f"{kind}: off screen sideways: {box}"
    assert box["top"] >= 0 and box["bottom"] <= box["vh"], f"{kind}: off screen: {box}"
    return selector


def hover_and_leave(page, link, kind: str, *, onto: bool) -> None:
    """Hover shows the preview; the pointer may move onto it (if `onto`: it is the same
    script in either scheme, so once a screen is enough); moving away hides it."""
    link.hover()
    preview = page.locator(check_preview(page, link, kind))
    if onto:
        preview.hover()
        page.wait_for_timeout(450)
        assert preview.is_visible(), f"the {kind} preview closed when the pointer went onto it"
    page.mouse.move(0, 0)
    preview.wait_for(state="hidden")
    if kind != "citation":  # (a citation names its own preview at all times)
        assert link.get_attribute("aria-describedby") is None


@pytest.mark.parametrize("width", SCREENS)
def test_previews_by_hover_and_by_focus(width: int, page, problems, site_pages,
                                        screenshots: Path) -> None:
    page.set_viewport_size({"width": width, "height": SCREENS[width]})
    url = site_pages["brief"]
    open_page(page, url)
    for scheme in SCHEMES:
        page.emulate_media(color_scheme=scheme)
        for kind, selector in LINKS.items():
            link = page.locator(selector).first
            assert link.count(), f"no {kind} link on {url}"
            link.scroll_into_view_if_needed()
            if width in POINTER_WIDTHS:
                hover_and_leave(page, link, kind, onto=scheme == SCHEMES[0])
            # Focus shows it without moving focus; Escape closes it.
            link.focus()
            preview = check_preview(page, link, kind)
            assert link.evaluate("a => document.activeElement === a"), "the preview took focus"
            failing = run_axe(page, f"preview-{kind}-{width}-{scheme}", preview,
                              colours_only=scheme != SCHEMES[0])
            assert not failing, (f"axe on the {kind} preview at {width}px ({scheme}):\n"
                                 f"{axe_report(failing)}")
            page.screenshot(path=screenshots / f"preview-{kind}-{width}-{scheme}.png")
            page.keyboard.press("Escape")
            assert page.locator(preview).is_hidden(), f"Escape left the {kind} preview open"
            page.evaluate("document.activeElement.blur()")
    assert page.url == url, "a preview followed its link"
    assert_no_problems(page, problems, url)


@pytest.mark.parametrize("width", TOUCH_WIDTHS)
def test_on_touch_the_first_tap_previews_and_the_second_follows(
    width: int, browser, site_pages, screenshots: Path
) -> None:
    with phone_tab(browser, width) as (tab, errors):
        url = site_pages["brief"]
        open_page(tab, url)
        # A first tap previews, in either scheme; a tap elsewhere closes it, going nowhere.
        for scheme in SCHEMES:
            tab.emulate_media(color_scheme=scheme)
            for kind, selector in LINKS.items():
                link = tab.locator(selector).first
                link.scroll_into_view_if_needed()
                link.tap()
                preview = tab.locator(check_preview(tab, link, kind))
                assert tab.url == url, f"the first tap on the {kind} link followed it"
                tab.screenshot(path=screenshots / f"preview-tap-{kind}-{width}-{scheme}.png")
                tab.locator("main h1").tap()
                preview.wait_for(state="hidden")
        # With the preview up, a second tap follows the link.
        for kind, selector in LINKS.items():
            if tab.url != url:
                open_page(tab, url)
            link = tab.locator(selector).first
            target = link.evaluate("a => a.href")
            link.tap()
            tab.locator(check_preview(tab, link, kind)).wait_for(state="visible")
            link.tap()
            tab.wait_for_url(target)
        assert not errors, errors


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


def test_a_citation_shows_its_number_and_is_named_as_a_quote(browser, site_pages):
    """A screen reader announces "Quote 3", not a bare "3", with scripts off as well;
    the reader sees the number alone."""
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(site_pages["brief"])
        cites = tab.locator("main a.cite")
        shown = cites.evaluate_all("""l => l.map(a => {
          const c = a.cloneNode(true);
          c.querySelectorAll('.visually-hidden').forEach(h => h.remove());
          return c.textContent;
        })""")
        assert shown and all(re.fullmatch(r"\d+", text) for text in shown), shown
        named = tab.get_by_role("link", name=re.compile(r"^Quote \d+$"))
        assert named.count() == cites.count()
        assert named.first.evaluate("a => a.getBoundingClientRect().width") < 40
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
    # Where the passage's sentence ends, in view: the brief points citing it, this one too.
    back = page.locator("main .cited-back")
    assert back.count() == 1 and " is cited in: " in back.inner_text()
    box = back.evaluate(PLACEMENT_JS)
    assert box["top"] < box["vh"], f"the way back is off screen: {box}"
    assert back.evaluate("(el, id) => el.parentNode.contains(document.getElementById(id))",
                         unquote(passage.split("#", 1)[1]))
    page.screenshot(path=screenshots / f"cited-back-{width}.png")
    link = back.locator(f"a[href$='#{point}']")
    assert link.count() == 1, f"no link back to {point} in {back.inner_text()!r}"
    target = link.evaluate("a => a.href")
    link.evaluate("a => a.click()")
    page.wait_for_url(target)
    assert page.locator("li:has(> .anchor:target)").evaluate(
        "li => li.querySelector(':scope > .anchor').id") == point
    assert_no_problems(page, problems, url)
