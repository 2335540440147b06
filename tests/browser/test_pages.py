"""Every page type of the built site, in a real Chromium, served under a sub-path.

Member pages (a brief, a claim, a source, an entity) are found by following the first link
on their section's index page, so the tests serve any corpus, not only the seed one.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

# kind -> path below the site root, for the pages whose address is fixed.
FIXED = {
    "home": "",
    "briefs-index": "briefs/",
    "claims-index": "claims/",
    "sources-index": "sources/",
    "entities-index": "entities/",
    "figures": "figures/",
    "timeline": "timeline/",
    "coverage": "coverage/",
}
# kind -> the section whose index lists it.
MEMBERS = {"brief": "briefs/", "claim": "claims/", "source": "sources/", "entity": "entities/"}
KINDS = [*FIXED, *MEMBERS]
WIDTHS = {"desktop": (1280, 900), "phone": (375, 812)}

# The first link in <main> that points to a page inside `prefix` other than the index.
FIRST_MEMBER_JS = """prefix => {
  for (const a of document.querySelectorAll('main a[href]')) {
    const u = new URL(a.href); u.hash = '';
    if (u.href.startsWith(prefix) && u.href !== prefix) return u.href;
  }
  return null;
}"""


@pytest.fixture(scope="session")
def site_pages(browser, site_url: str) -> dict[str, str]:
    """kind -> absolute URL for every page type."""
    pages = {kind: site_url + path for kind, path in FIXED.items()}
    context = browser.new_context()
    try:
        tab = context.new_page()
        for kind, section in MEMBERS.items():
            index = site_url + section
            response = tab.goto(index)
            assert response and response.ok, f"{index}: HTTP {response and response.status}"
            found = tab.evaluate(FIRST_MEMBER_JS, index)
            if not found:
                pytest.fail(f"no {kind} page is linked from {index}", pytrace=False)
            pages[kind] = found
    finally:
        context.close()
    return pages


def open_page(page, url: str) -> None:
    # networkidle: the search worker's requests have finished, so their failures count too.
    response = page.goto(url, wait_until="networkidle")
    assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"


@pytest.mark.parametrize("kind", KINDS)
def test_page_type(kind: str, page, problems, site_pages, screenshots: Path) -> None:
    url = site_pages[kind]
    open_page(page, url)

    # Structure: one main landmark with one title, and the other landmarks around it.
    assert page.locator("main").count() == 1
    assert page.locator("main#content").count() == 1
    assert page.locator("main h1").count() == 1, "expected exactly one <h1> in <main>"
    assert page.locator("body > header").count() == 1
    assert page.locator("body > footer").count() == 1
    assert page.locator("nav[aria-label]").count() >= 1
    assert page.evaluate("document.documentElement.lang"), "<html> has no lang"
    assert page.title().strip(), "empty <title>"

    # Screenshots in both colour schemes; on a phone nothing may overflow sideways
    # (wide tables scroll inside their own box).
    for device, (width, height) in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        if device == "phone":
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"page is {overflow}px wider than a {width}px screen"
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            page.screenshot(path=screenshots / f"{kind}-{width}-{scheme}.png", full_page=True)
    page.emulate_media(color_scheme="light")
    page.set_viewport_size({"width": 1280, "height": 900})

    # The skip link is the first stop for the keyboard, shows itself and moves focus to <main>.
    page.keyboard.press("Tab")
    skip = page.evaluate(
        """() => { const a = document.activeElement, r = a.getBoundingClientRect();
                   return {href: a.getAttribute('href'), visible: r.width > 0 && r.top >= 0
                           && r.bottom <= innerHeight && a.checkVisibility()}; }"""
    )
    assert skip == {"href": "#content", "visible": True}, f"first Tab stop: {skip}"
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'content'")

    problems.assert_none(url)


@pytest.mark.parametrize("device", WIDTHS)
def test_citation_lands_on_highlighted_quote(
    device: str, page, problems, site_pages, screenshots: Path
) -> None:
    width, height = WIDTHS[device]
    page.set_viewport_size({"width": width, "height": height})
    open_page(page, site_pages["brief"])
    cite = page.locator("main a.cite").first
    assert cite.count() == 1, f"no a.cite on {site_pages['brief']}"
    target = cite.evaluate("a => a.href")
    assert urlsplit(target).fragment, f"citation {target} has no #fragment"

    cite.click()
    page.wait_for_url(target)
    page.wait_for_load_state("networkidle")
    assert "/sources/" in urlsplit(page.url).path, f"citation led to {page.url}"

    # The fragment names a quoted passage, it is on screen (not under the top edge) and it
    # looks different from the same passage when not targeted.
    probe = """() => {
      const el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (!el) return null;
      const r = el.getClientRects()[0], cs = getComputedStyle(el);
      return {tag: el.localName, quote: el.classList.contains('quote'),
              target: el.matches(':target'), top: r.top, bottom: r.bottom, vh: innerHeight,
              style: [cs.backgroundColor, cs.outlineStyle, cs.outlineColor].join(' ')};
    }"""
    landed = page.evaluate(probe)
    assert landed, f"{page.url}: no element with the fragment's id"
    assert landed["tag"] == "mark" and landed["quote"], f"target is not a mark.quote: {landed}"
    assert landed["target"], "the passage does not match :target"
    assert landed["top"] >= 8 and landed["bottom"] <= landed["vh"], f"not in view: {landed}"
    page.screenshot(path=screenshots / f"citation-target-{width}.png", animations="disabled")

    fragment = urlsplit(page.url).fragment
    page.evaluate("location.hash = 'content'")  # the passage is no longer the target
    plain = page.evaluate(probe.replace("location.hash.slice(1)", repr(fragment)))
    assert plain and plain["style"] != landed["style"], "targeted passage is not highlighted"

    problems.assert_none(page.url)


@pytest.mark.parametrize("how", ["typed", "pasted"])
def test_search_finds_h800(how: str, page, problems, site_url: str, screenshots):
    open_page(page, site_url)
    box = page.locator("#mkdocs-search-query")
    box.wait_for(state="visible")
    box.click()
    # Typing fires keyup (what MkDocs' main.js listens to); pasting fires only `input`.
    if how == "typed":
        box.press_sequentially("H800", delay=40)
    else:
        box.fill("H800")
    results = page.locator("#mkdocs-search-results a[href]")
    results.first.wait_for(state="visible", timeout=15_000)
    assert results.count() >= 1
    page.screenshot(path=screenshots / f"search-h800-{how}.png")

    href = results.first.evaluate("a => a.href")
    assert href.startswith(site_url), f"result {href} is outside the site"
    results.first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.split("#")[0] == href.split("#")[0]
    problems.assert_none(page.url)


def test_nav_lists_sections_and_marks_current(page, problems, site_pages, site_url):
    brief = site_pages["brief"]
    open_page(page, brief)
    nav = page.locator("header nav[aria-label]")
    hrefs = nav.locator("a").evaluate_all("links => links.map(a => a.href)")
    # Sections only: never the whole page list (that would make builds quadratic).
    assert 1 < len(hrefs) <= 12, hrefs
    assert brief not in hrefs
    assert all(h.startswith(site_url) for h in hrefs), hrefs
    current = nav.locator("a[aria-current]").evaluate_all("links => links.map(a => a.href)")
    assert current == [site_url + "briefs/"], f"current section on a brief: {current}"
    problems.assert_none(brief)


def test_keyboard_reaches_search_and_sections_with_visible_focus(page, problems, site_url):
    open_page(page, site_url)
    nav_count = page.locator("header nav[aria-label] a").count()
    focused = """() => {
      const el = document.activeElement, cs = getComputedStyle(el);
      return {id: el.id, nav: !!el.closest('nav'),
              ring: cs.outlineStyle !== 'none' && cs.outlineWidth !== '0px'};
    }"""
    seen = []
    for _ in range(nav_count + 4):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(focused))
    assert any(s["id"] == "mkdocs-search-query" for s in seen), "search box not reachable"
    assert sum(s["nav"] for s in seen) == nav_count, "not every section link is reachable"
    assert all(s["ring"] for s in seen), f"focus without a visible outline: {seen}"
    problems.assert_none(site_url)


def test_print_hides_chrome(page, problems, site_pages) -> None:
    open_page(page, site_pages["brief"])
    page.emulate_media(media="print")
    assert not page.locator(".site-nav").is_visible()
    assert not page.locator("form.search").is_visible()
    assert page.locator("main h1").is_visible()
    out = Path(__file__).resolve().parents[1] / "artifacts" / "print"
    out.mkdir(parents=True, exist_ok=True)
    for paper in ("A4", "Letter"):
        page.pdf(path=out / f"brief-{paper.lower()}.pdf", format=paper)
    problems.assert_none(site_pages["brief"])


@pytest.mark.parametrize("kind", ["brief", "source", "figures"])
def test_reads_without_javascript(kind: str, browser, site_pages) -> None:
    # Progressive enhancement: without scripts the content is all there and a phone
    # screen never has to scroll sideways (wide tables scroll inside themselves).
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 812})
    try:
        tab = context.new_page()
        response = tab.goto(site_pages[kind])
        assert response and response.ok
        assert tab.locator("main h1").is_visible()
        assert not tab.locator("form.search").is_visible(), "search shown but cannot work"
        overflow = tab.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{site_pages[kind]} is {overflow}px too wide without JavaScript"
    finally:
        context.close()


def test_404_page_works_at_any_depth(built_site: Path) -> None:
    # Hosts serve 404.html for any missing path, so its links must not be relative.
    page = built_site / "404.html"
    assert page.is_file(), "no 404.html: add `static_templates: [404.html]` to the theme"
    html = page.read_text(encoding="utf-8")
    assert html.count("<main") == 1 and "<h1" in html
    assert 'href="assets/' not in html and 'href="../' not in html, "relative links in 404.html"
