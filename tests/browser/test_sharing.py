"""Sharing and reading aids: the og:/twitter: tags, heading permalinks and the light/dark
toggle, in a real Chromium at a phone's and a desktop's width, in either system scheme."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitecheck import axe_report, run_axe
from test_pages import WIDTHS, assert_no_problems, open_page

pytestmark = pytest.mark.browser

META_JS = """() => Object.fromEntries([...document.querySelectorAll(
  'meta[property^="og:"], meta[name^="twitter:"]')].map(m =>
  [m.getAttribute('property') || m.getAttribute('name'), m.content]))"""
BACKGROUND_JS = "getComputedStyle(document.body).backgroundColor"
LIGHT_BG, DARK_BG = "rgb(251, 250, 247)", "rgb(21, 23, 27)"


@pytest.mark.parametrize("kind", ["brief", "claim", "entity"])
def test_sharing_tags_give_the_title_and_the_page_summary(kind, page, problems, site_pages):
    url = site_pages[kind]
    open_page(page, url)
    meta = page.evaluate(META_JS)
    assert meta["og:title"] == page.locator("main h1").inner_text()
    assert meta["og:type"] == "article" and meta["twitter:card"] == "summary"
    assert meta["og:site_name"] in page.title()
    # The description is the page's own summary, word for word as the page shows it.
    summary = {"brief": "main .lead", "claim": "main h1", "entity": "main h1 ~ p:not(.meta)"}
    shown = " ".join(page.locator(summary[kind]).first.inner_text().split())
    if kind == "claim":  # with whose claim it is, as the line under its verdict says
        who = page.locator("main p.meta").first.inner_text().split(" \u00b7 ")[0]
        shown = f"{who}: {shown}"
    assert meta["og:description"] == shown
    assert page.locator('meta[name="description"]').get_attribute("content") == shown
    assert "og:url" not in meta, "og:url without site_url: it would be a relative address"
    assert_no_problems(page, problems, url)


@pytest.mark.parametrize("device", WIDTHS)
def test_every_section_heading_has_a_permalink(device, page, problems, site_pages):
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[device], strict=True)))
    url = site_pages["brief"]
    open_page(page, url)
    headings = page.locator("main :is(h2, h3)[id]")
    assert headings.count() >= 5
    assert page.locator("main :is(h2, h3) > a.permalink").count() == headings.count()
    heading = headings.nth(1)
    link = heading.locator("a.permalink")
    anchor = heading.get_attribute("id")
    assert link.get_attribute("href") == f"#{anchor}"
    # Its name says where it leads; "#" alone would tell a screen reader nothing.
    name = link.get_attribute("aria-label")
    assert name and heading.evaluate("h => h.firstChild.textContent.trim()") in name
    opacity = "el => getComputedStyle(el).opacity"
    # Hidden until the pointer is over the heading, or the link has focus.
    page.mouse.move(0, 0)
    assert link.evaluate(opacity) == "0"
    heading.hover()
    assert link.evaluate(opacity) == "1"
    page.mouse.move(0, 0)
    link.focus()
    assert link.evaluate(opacity) == "1"
    page.keyboard.press("Enter")
    page.wait_for_url(f"{url}#{anchor}")
    assert_no_problems(page, problems, url)


@pytest.mark.parametrize("system", ["light", "dark"])
@pytest.mark.parametrize("device", WIDTHS)
def test_scheme_toggle_defaults_to_the_system_and_keeps_the_choice(
    device, system, browser, site_pages, screenshots: Path
):
    # A fresh context each time: the choice is kept in localStorage, which the shared tab
    # of the other tests must not inherit.
    width, height = WIDTHS[device]
    context = browser.new_context(viewport={"width": width, "height": height},
                                  color_scheme=system)
    other = "light" if system == "dark" else "dark"
    background = {"light": LIGHT_BG, "dark": DARK_BG}
    try:
        tab = context.new_page()
        url = site_pages["brief"]
        open_page(tab, url)
        toggle = tab.locator("header button.scheme-toggle")
        assert toggle.is_visible()
        assert toggle.inner_text().strip() and toggle.evaluate("b => b.offsetWidth >= 24")
        assert tab.evaluate(BACKGROUND_JS) == background[system]
        assert toggle.get_attribute("aria-pressed") == str(system == "dark").lower()

        toggle.click()
        assert tab.evaluate(BACKGROUND_JS) == background[other]
        assert toggle.get_attribute("aria-pressed") == str(other == "dark").lower()
        tab.screenshot(path=screenshots / f"scheme-toggle-{width}-{system}-to-{other}.png")
        failing = run_axe(tab, f"scheme-toggle-{width}-{other}")
        assert not failing, f"axe after switching to {other}:\n{axe_report(failing)}"

        # Kept across a reload and on other pages, applied before anything is painted:
        # the scheme is on <html> before the first stylesheet is read.
        tab.reload()
        assert tab.evaluate(BACKGROUND_JS) == background[other]
        assert toggle.get_attribute("aria-pressed") == str(other == "dark").lower()
        first = tab.evaluate("""() => [...document.head.children].find(
            el => el.matches('script, link[rel=stylesheet]')).localName""")
        assert first == "script", "the stylesheet loads before the kept scheme is set"
        open_page(tab, site_pages["claim"])
        assert tab.evaluate(BACKGROUND_JS) == background[other]

        # Back again: the reader's choice, even when it is the system's.
        tab.locator("header button.scheme-toggle").click()
        tab.reload()
        assert tab.evaluate(BACKGROUND_JS) == background[system]
        assert tab.evaluate("localStorage.getItem('briefing-scheme')") == system
    finally:
        context.close()


@pytest.mark.parametrize("system", ["light", "dark"])
def test_without_javascript_the_system_scheme_and_no_toggle(system, browser, site_pages):
    context = browser.new_context(java_script_enabled=False, color_scheme=system)
    try:
        tab = context.new_page()
        open_page(tab, site_pages["brief"])
        assert not tab.locator("button.scheme-toggle").is_visible(), "a toggle that cannot work"
        assert tab.evaluate(BACKGROUND_JS) == (DARK_BG if system == "dark" else LIGHT_BG)
        # Permalinks are in the HTML: they need no script.
        assert tab.locator("main h2 > a.permalink").count() >= 5
    finally:
        context.close()
