"""Every page type of the built site, in a real Chromium, served under a sub-path.

Page types are read off the built site (conftest.page_types), so the tests serve any
corpus and a new section is covered without editing this file.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sitecheck import (
    EXPECTED_PAGE_TYPES,
    SCHEMES,
    SCREENS,
    axe_report,
    page_types,
    run_axe,
    section_members,
)

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": (1280, 900), "phone": (375, 812)}
NARROWEST = 360  # the smallest phone the layout is made for
# Page types whose phone screenshot is also shown in docs/reading.md.
DOCS_PHONE = ("home", "brief", "source")
# Where a docs screenshot starts, for pages whose point is below their introduction.
DOCS_FOCUS = {"map": "main p:has(> svg.map)", "coverage": "main table"}

NO_OVERFLOW_JS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def open_page(page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"


def settle(page) -> None:
    """Wait until the page has loaded everything. The search index is the last thing a
    page loads, in the background while a test runs: once briefing.js marks the search
    form ready, every request has finished. Leaving a page earlier would cut requests off."""
    # Pagefind's search loads nothing until it is used: then wait for the network to be
    # quiet (the favicon comes last).
    page.locator("form.search[data-ready], form.search[data-pagefind-url]").wait_for(
        state="attached", timeout=15_000)
    page.wait_for_load_state("networkidle")


def assert_no_problems(page, problems, where: str) -> None:
    """No console error, failed or off-site request, once the page has loaded everything."""
    settle(page)
    problems.assert_none(where)


def docs_shot(page, path: Path, page_kind: str) -> None:
    """One screen of the page for docs/, from the top or from what DOCS_FOCUS names."""
    page.evaluate(
        """sel => { const el = sel && document.querySelector(sel);
                   window.scrollTo(0, el ? el.getBoundingClientRect().top + scrollY - 24 : 0); }""",
        DOCS_FOCUS.get(page_kind),
    )
    page.screenshot(path=path, animations="disabled")


def test_every_expected_page_type_is_built(built_site: Path) -> None:
    missing = EXPECTED_PAGE_TYPES - set(page_types(built_site))
    assert not missing, f"page types missing from the built site: {sorted(missing)}"


def test_page_type(
    page_kind: str, page, problems, site_pages, built_site: Path, screenshots: Path,
    docs_screenshots: Path | None,
) -> None:
    url = site_pages[page_kind]
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

    # A section's index lists every member page.
    if page_kind.endswith("-index"):
        section = urlsplit(url).path.rsplit("/", 2)[-2] + "/"
        linked = set(page.locator("main a[href]").evaluate_all(
            "links => links.map(a => { const u = new URL(a.href); u.hash = ''; return u.href; })"
        ))
        base = url[: -len(section)]
        unlisted = [m for m in section_members(built_site, section) if base + m not in linked]
        assert not unlisted, f"{url} does not link to {unlisted}"

    # Screenshots in both colour schemes; on a phone nothing may overflow sideways
    # (wide tables scroll inside their own box).
    page.set_viewport_size({"width": NARROWEST, "height": 740})
    overflow = page.evaluate(NO_OVERFLOW_JS)
    assert overflow <= 0, f"page is {overflow}px wider than a {NARROWEST}px screen"
    for device, (width, height) in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        if device == "phone":
            overflow = page.evaluate(NO_OVERFLOW_JS)
            assert overflow <= 0, f"page is {overflow}px wider than a {width}px screen"
        # The whole page in light; the first screen in dark (its contrast is axe's job).
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            page.screenshot(path=screenshots / f"{page_kind}-{width}-{scheme}.png",
                            full_page=scheme == "light", animations="disabled")
    if docs_screenshots is not None:
        page.emulate_media(color_scheme="light")
        if page_kind in DOCS_PHONE:
            docs_shot(page, docs_screenshots / f"{page_kind}-phone.png", page_kind)
        page.set_viewport_size({"width": 1280, "height": 800})
        docs_shot(page, docs_screenshots / f"{page_kind}.png", page_kind)
    page.emulate_media(color_scheme="light")
    page.set_viewport_size({"width": 1280, "height": 900})

    # The skip link is the first stop for the keyboard, shows itself and moves focus to <main>.
    page.evaluate("window.scrollTo(0, 0)")
    page.keyboard.press("Tab")
    skip = page.evaluate(
        """() => { const a = document.activeElement, r = a.getBoundingClientRect();
                   return {href: a.getAttribute('href'), visible: r.width > 0 && r.top >= 0
                           && r.bottom <= innerHeight && a.checkVisibility()}; }"""
    )
    assert skip == {"href": "#content", "visible": True}, f"first Tab stop: {skip}"
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'content'")

    # Citations (where the page has any) preview their quote on hover and on focus.
    cite = page.locator("main a.cite").first
    if cite.count():
        cite.scroll_into_view_if_needed()
        cite.hover()
        assert preview_of(page, cite).is_visible(), f"no preview on hover on {url}"
        page.mouse.move(0, 0)
        cite.focus()
        assert preview_of(page, cite).is_visible(), f"no preview on focus on {url}"
        page.keyboard.press("Escape")
        assert preview_of(page, cite).is_hidden(), f"Escape left the preview open on {url}"

    # Any link to a quoted passage (citations, evidence, ledger and matrix cells) lands on
    # the highlighted passage, on screen.
    passage = page.locator('main a[href*="#q-"]').first
    if passage.count():
        settle(page)
        target = passage.evaluate("a => a.href")
        passage.click()
        page.wait_for_url(target)
        landed = page.evaluate(LANDED_JS)
        assert landed and landed["tag"] == "mark" and landed["target"], f"{target}: {landed}"
        assert landed["top"] >= 0 and landed["bottom"] <= landed["vh"], f"not in view: {landed}"

    assert_no_problems(page, problems, url)


def test_page_type_is_axe_clean_on_every_screen(page_kind: str, page, problems,
                                                site_pages) -> None:
    """axe-core on one page of each type on each screen, in both colour schemes (every rule
    in the first, the rules reading colours in the second: the schemes differ by colours
    alone); where the sections sit behind a button, with them open. No screen scrolls
    sideways. The page is loaded once: the screens differ by its CSS alone."""
    url = site_pages[page_kind]
    open_page(page, url)
    for width, height in SCREENS.items():
        page.set_viewport_size({"width": width, "height": height})
        overflow = page.evaluate(NO_OVERFLOW_JS)
        assert overflow <= 0, f"{url} is {overflow}px wider than a {width}px screen"
        toggle = page.locator(".sections-toggle")
        if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
            toggle.click()
        for scheme in SCHEMES:
            page.emulate_media(color_scheme=scheme)
            failing = run_axe(page, f"{page_kind}-{width}-{scheme}",
                              colours_only=scheme != SCHEMES[0])
            assert not failing, f"axe on {url} at {width}px ({scheme}):\n{axe_report(failing)}"
    assert_no_problems(page, problems, url)


def test_axe_reports_what_it_should(page, site_url: str) -> None:
    # The page-type tests pass when axe finds nothing; make sure it is really looking.
    open_page(page, site_url)
    page.evaluate("""() => document.querySelector('main').insertAdjacentHTML('beforeend',
        '<p style="color:#aaa;background:#fff">Too faint</p><button></button>')""")
    found = {v["id"] for v in run_axe(page, "self-check")}
    assert {"color-contrast", "button-name"} <= found, f"axe found only {found}"


def preview_of(page, cite):
    """The preview element a citation names in aria-describedby."""
    ids = cite.get_attribute("aria-describedby")
    assert ids, "citation has no aria-describedby"
    return page.locator(f"#{ids.split()[0]}")


# Where the reader landed: the element the fragment names, its box and its look.
LANDED_JS = """() => {
  const el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (!el) return null;
  const r = el.getClientRects()[0], cs = getComputedStyle(el);
  return {tag: el.localName, quote: el.classList.contains('quote'),
          target: el.matches(':target'), top: r.top, bottom: r.bottom, vh: innerHeight,
          style: [cs.backgroundColor, cs.outlineStyle, cs.outlineColor].join(' ')};
}"""


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

    settle(page)
    cite.click()
    page.wait_for_url(target)
    assert "/sources/" in urlsplit(page.url).path, f"citation led to {page.url}"

    # The fragment names a quoted passage, it is on screen (not under the top edge) and it
    # looks different from the same passage when not targeted.
    landed = page.evaluate(LANDED_JS)
    assert landed, f"{page.url}: no element with the fragment's id"
    assert landed["tag"] == "mark" and landed["quote"], f"target is not a mark.quote: {landed}"
    assert landed["target"], "the passage does not match :target"
    assert landed["top"] >= 8 and landed["bottom"] <= landed["vh"], f"not in view: {landed}"
    page.screenshot(path=screenshots / f"citation-target-{width}.png", animations="disabled")

    fragment = urlsplit(page.url).fragment
    page.evaluate("location.hash = 'content'")  # the passage is no longer the target
    plain = page.evaluate(LANDED_JS.replace("location.hash.slice(1)", repr(fragment)))
    assert plain and plain["style"] != landed["style"], "targeted passage is not highlighted"

    assert_no_problems(page, problems, page.url)


# The quote of the "Quotes cited" item a citation links to, and the title and date of the
# source it is listed under: what its preview must show.
CITED_ITEM_JS = """a => {
  const items = document.querySelectorAll('#quotes-cited + ul > li > ul > li');
  const li = [...items].find(li => li.querySelector('a[href]').href === a.href);
  const source = li.parentElement.parentElement;
  return {quote: li.querySelector('a[href]').textContent,
          source: source.querySelector('a.cited-source').textContent,
          date: source.querySelector('time').textContent};
}"""
# Where the preview is, and whether it fits on screen.
PLACEMENT_JS = """el => { const r = el.getBoundingClientRect();
  return {left: r.left, right: r.right, top: r.top, bottom: r.bottom,
          vw: document.documentElement.clientWidth, vh: innerHeight}; }"""


@pytest.mark.parametrize("device", WIDTHS)
def test_citation_preview_by_keyboard_and_pointer(
    device: str, page, problems, site_pages, screenshots: Path,
    docs_screenshots: Path | None,
) -> None:
    width, height = WIDTHS[device]
    page.set_viewport_size({"width": width, "height": height})
    url = site_pages["brief"]
    open_page(page, url)
    cites = page.locator("main a.cite")
    assert cites.count() >= 2, f"expected citations on {url}"

    # Keyboard only: Tab until the first citation has focus.
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.cite')"):
            break
    else:
        pytest.fail(f"Tab never reached a citation on {url}")
    cite = page.locator("main a.cite:focus")
    preview = preview_of(page, cite)
    preview.wait_for(state="visible")
    assert preview.get_attribute("role") == "tooltip"
    expected = cite.evaluate(CITED_ITEM_JS)
    text = preview.inner_text()
    for part in ("quote", "source", "date"):
        assert expected[part] in text, f"preview lacks the {part} {expected[part]!r}: {text!r}"
    # The preview does not take focus, and fits inside the screen.
    assert page.evaluate("document.activeElement.matches('a.cite')"), "focus moved"
    box = preview.evaluate(PLACEMENT_JS)
    assert box["left"] >= 0 and box["right"] <= box["vw"], f"off screen sideways: {box}"
    assert box["top"] >= 0 and box["bottom"] <= box["vh"], f"off screen: {box}"
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        failing = run_axe(page, f"cite-preview-{width}-{scheme}", ".cite-preview:not([hidden])")
        assert not failing, f"axe on the preview ({scheme}):\n{axe_report(failing)}"
        page.screenshot(path=screenshots / f"cite-preview-{width}-{scheme}.png",
                        animations="disabled")
    page.emulate_media(color_scheme="light")
    if docs_screenshots is not None:
        name = "cite-preview.png" if device == "desktop" else "cite-preview-phone.png"
        page.screenshot(path=docs_screenshots / name, animations="disabled")

    # Escape dismisses it, and focus stays on the citation.
    page.keyboard.press("Escape")
    assert preview.is_hidden(), "Escape did not close the preview"
    assert page.evaluate("document.activeElement.matches('a.cite')"), "Escape moved focus"
    # The next citation shows its own preview; leaving by keyboard hides it.
    page.keyboard.press("Tab")
    nxt = page.locator(":focus")
    if nxt.evaluate("el => el.matches('a.cite')"):
        assert preview_of(page, nxt).is_visible()
    page.evaluate("document.activeElement.blur()")
    assert not page.locator(".cite-preview:not([hidden])").count(), "a preview stayed open"

    # Pointer: hover shows it, the pointer may move onto it, and moving away hides it.
    if device == "desktop":
        second = cites.nth(1)
        second.scroll_into_view_if_needed()
        second.hover()
        tip = preview_of(page, second)
        tip.wait_for(state="visible")
        tip.hover()
        page.wait_for_timeout(450)
        assert tip.is_visible(), "the preview closed when the pointer moved onto it"
        page.mouse.move(1, 1)
        tip.wait_for(state="hidden")

    assert_no_problems(page, problems, url)


def test_citation_preview_works_from_a_file(
    browser, built_site: Path, site_pages, site_url: str
) -> None:
    # The preview reads the page it is on, so a brief saved to disk or opened from the
    # built folder (file://, no server, nothing fetched) still previews its citations.
    brief = built_site / site_pages["brief"][len(site_url):]
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto((brief / "index.html").as_uri())
        cite = tab.locator("main a.cite").first
        cite.focus()
        preview = preview_of(tab, cite)
        preview.wait_for(state="visible")
        assert cite.evaluate(CITED_ITEM_JS)["quote"] in preview.inner_text()
    finally:
        context.close()


def search_for(page, words: str, *, typed: bool = True):
    """Type (or paste) `words` into the search box; the results once they are shown."""
    box = page.locator("#search-query")
    box.wait_for(state="visible")
    box.click()
    if typed:
        box.press_sequentially(words, delay=40)
    else:  # pasting fires only `input`
        box.fill(words)
    results = page.locator("#search-results article")
    results.first.wait_for(state="visible", timeout=15_000)
    return results


# Each result: the page's title (linked), its kind, and its matching sections' excerpts,
# each with the heading shown above it (the page's title, or a section's link).
RESULTS_JS = """articles => articles.map(a => ({
  title: a.querySelector('h3 > a').textContent, href: a.querySelector('h3 > a').href,
  titles: a.querySelectorAll('h3').length, kind: a.querySelector('.search-kind')?.textContent,
  marks: [...a.querySelectorAll('mark')].map(m => m.textContent),
  sections: [...a.querySelectorAll('a.search-section')].map(s => s.href),
  excerpts: [...a.querySelectorAll(':scope > p:not(.search-kind)')].map(p => [
    p.previousElementSibling.matches('a.search-section') ? p.previousElementSibling.textContent
      : a.querySelector('h3 > a').textContent, p.textContent])}))"""


def repeats_its_heading(heading: str, excerpt: str) -> bool:
    """Whether an excerpt opens with the heading shown just above it, or with its last
    words (Pagefind crops an excerpt's start)."""
    words = heading.split()
    return any(excerpt.startswith(" ".join(words[at:])) and len(" ".join(words[at:])) >= 8
               for at in range(len(words)))


@pytest.mark.parametrize("how", ["typed", "pasted"])
def test_search_finds_h800_grouped_by_page_with_marks(
    how: str, page, problems, site_url: str, screenshots, docs_screenshots: Path | None,
):
    open_page(page, site_url)
    results = search_for(page, "H800", typed=how == "typed")
    found = results.evaluate_all(RESULTS_JS)
    hrefs = [r["href"] for r in found]
    assert all(h.startswith(site_url) for h in hrefs), f"results outside the site: {hrefs}"
    assert len(set(hrefs)) == len(hrefs), f"a page listed twice: {hrefs}"
    assert all(r["titles"] == 1 and r["title"].strip() for r in found), found
    # Page names, not the names of their sections.
    assert not {"Evidence", "Related claims"} & {r["title"] for r in found}, found
    assert "Claim" in {r["kind"] for r in found}, found
    assert all(re.sub(r"^\W+", "", m.lower()).startswith("h800")
               for r in found for m in r["marks"]), found
    assert all(r["marks"] for r in found), f"a result without a highlight: {found}"
    assert not [(r["title"], heading, text) for r in found for heading, text in r["excerpts"]
                if repeats_its_heading(heading, text)], found
    for r in found:  # a section link stays on its page
        assert all(s.split("#")[0] == r["href"].split("#")[0] for s in r["sections"]), r
    assert page.locator(".search-status").inner_text().strip(), "result count not announced"
    page.screenshot(path=screenshots / f"search-h800-{how}.png")
    if docs_screenshots is not None and how == "typed":
        page.screenshot(path=docs_screenshots / "search.png")

    # The sources that hold a quote about the chip come after its claims (a source is
    # found by its quoted passages alone, a claim by every line of its page).
    while page.locator("button.search-more").count():
        shown = results.count()
        page.locator("button.search-more").click()
        page.wait_for_function("n => document.querySelectorAll('#search-results article')"
                               ".length > n", arg=shown)
    every = results.evaluate_all(RESULTS_JS)
    assert {"Claim", "Source"} <= {r["kind"] for r in every}, every
    assert all(r["marks"] for r in every), f"a result without a highlight: {every}"

    href = hrefs[0]
    page.locator("#search-results article h3 a").first.click()
    page.wait_for_url(href)
    assert_no_problems(page, problems, page.url)


@pytest.mark.parametrize(("words", "first"), [("deeps", None), ("nvid", "Nvidia")])
def test_search_matches_a_word_by_its_beginning(words: str, first: str | None, page, problems,
                                                site_url: str) -> None:
    open_page(page, site_url)
    found = search_for(page, words).evaluate_all(RESULTS_JS)
    marks = [re.sub(r"^\W+", "", m.lower()) for r in found for m in r["marks"]]
    # Whole words that begin with what was typed are found and marked (with words of
    # the same stem: "deeps" is also "deep", so "deeper").
    assert {m for m in marks if m.startswith(words) and m != words}, found
    if first:  # an entity's page, indexed by its name, comes first for that name
        assert (found[0]["title"], found[0]["kind"]) == (first, "Entity"), found
    assert_no_problems(page, problems, site_url)


def test_search_finds_an_amount_written_with_its_currency_sign(page, problems,
                                                               site_url: str) -> None:
    open_page(page, site_url)
    found = search_for(page, "$294,000").evaluate_all(RESULTS_JS)
    assert "$294,000" in found[0]["title"], found


def test_search_shows_more_results_on_request(page, problems, site_url: str) -> None:
    open_page(page, site_url)
    shown = search_for(page, "H800")
    found = int(page.locator(".search-status").inner_text().split()[0])
    assert found > 8 and shown.count() == 8, (found, shown.count())
    page.locator("button.search-more").click()
    page.wait_for_function("n => document.querySelectorAll('#search-results article')"
                           ".length === n", arg=found)
    assert page.locator("button.search-more").count() == 0
    # Focus lands on the first page added, so a keyboard reader goes on from there.
    assert page.evaluate("document.activeElement.textContent") == \
        shown.nth(8).locator("h3 a").inner_text()
    hrefs = shown.evaluate_all("as => as.map(a => a.querySelector('h3 a').href)")
    assert len(set(hrefs)) == found, hrefs
    assert_no_problems(page, problems, site_url)


def test_search_filters_by_kind_and_claim_status(page, problems, site_url: str) -> None:
    open_page(page, site_url)
    every = search_for(page, "H800").evaluate_all(RESULTS_JS)
    status = page.locator(".search-status")
    page.select_option("select[name=type]", "Claim")
    page.wait_for_function("() => [...document.querySelectorAll('#search-results .search-kind')]"
                           ".every(k => k.textContent === 'Claim')")
    claims = page.locator("#search-results article").evaluate_all(RESULTS_JS)
    assert claims and len(claims) < len(every), (claims, every)
    statuses = page.locator("select[name=status] option").evaluate_all(
        "os => os.map(o => o.value).filter(Boolean)")
    assert "disputed" in statuses, statuses
    before = status.inner_text()
    page.select_option("select[name=status]", "disputed")
    page.wait_for_function("t => document.querySelector('.search-status').textContent !== t",
                           arg=before)
    disputed = page.locator("#search-results article").evaluate_all(RESULTS_JS)
    assert disputed and len(disputed) < len(claims), (disputed, claims)
    for result in disputed:  # each a claim whose page says it is disputed
        settle(page)  # (leaving a page before its favicon arrives cuts that request off)
        open_page(page, result["href"])
        assert page.locator("main .status").first.inner_text().lower() == "disputed"
    assert_no_problems(page, problems, site_url)


def test_search_shows_each_claims_status_and_no_stray_separator(page, problems,
                                                                site_url: str) -> None:
    """How far a found claim stands is read in the results, before it is opened; and a
    source's excerpt does not open on the separator of the label the index leaves out."""
    open_page(page, site_url)
    found = search_for(page, "294,000").evaluate_all("""articles => articles.map(a => ({
      href: a.querySelector('h3 > a').href, kind: a.querySelector('.search-kind')?.textContent,
      status: a.querySelector('h3 > .status')?.textContent,
      excerpts: [...a.querySelectorAll(':scope > p:not(.search-kind)')]
        .map(p => p.textContent)}))""")
    claims = [r for r in found if r["kind"] == "Claim"]
    assert claims and all(r["status"] for r in claims), found
    assert not [r for r in found if r["kind"] != "Claim" and r["status"]], found
    assert "Source" in {r["kind"] for r in found}, found
    stray = [text for r in found for text in r["excerpts"] if text.lstrip().startswith("·")]
    assert not stray, found
    # nor a space where an inferred date's label was left out ("about Sep 2025 : DeepSeek")
    assert not [text for r in found for text in r["excerpts"] if " :" in text], found
    for result in claims[:2]:  # the status the claim's own page gives
        settle(page)
        open_page(page, result["href"])
        assert page.locator("main .status").first.inner_text().lower() == result["status"], result
    assert_no_problems(page, problems, site_url)


@pytest.mark.parametrize("width", SCREENS)
@pytest.mark.parametrize("words", ["H800", "nvid"])
def test_search_results_fit_and_pass_axe(words: str, width: int, page, problems,
                                         site_url: str, screenshots) -> None:
    """A model number and a word's beginning: found, and shown within the screen, on each
    screen in both colour schemes."""
    page.set_viewport_size({"width": width, "height": SCREENS[width]})
    open_page(page, site_url)
    found = search_for(page, words).evaluate_all(RESULTS_JS)
    marks = [re.sub(r"^\W+", "", m.lower()) for r in found for m in r["marks"]]
    assert marks and all(m.startswith(words.lower()) for m in marks), found
    for scheme in SCHEMES:
        page.emulate_media(color_scheme=scheme)
        panel = page.locator(".search-panel").bounding_box()
        assert panel and panel["x"] >= 0 and panel["x"] + panel["width"] <= width, panel
        assert page.evaluate(NO_OVERFLOW_JS) <= 0, "the results make the page scroll sideways"
        page.screenshot(path=screenshots / f"search-{words}-{scheme}-{width}.png")
        failing = run_axe(page, f"search-{words}-{scheme}-{width}", "form.search")
        assert not failing, f"{words!r} at {width}px ({scheme}):\n{axe_report(failing)}"
    assert_no_problems(page, problems, site_url)


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
    assert_no_problems(page, problems, brief)


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
    assert any(s["id"] == "search-query" for s in seen), "search box not reachable"
    assert sum(s["nav"] for s in seen) == nav_count, "not every section link is reachable"
    assert all(s["ring"] for s in seen), f"focus without a visible outline: {seen}"
    assert_no_problems(page, problems, site_url)


# Everything that is for the screen only: none of it may show on paper.
CHROME = (".skip-link", ".site-nav", "form.search", ".site-footer", ".cite-preview",
          ".scheme-toggle", ".sections-toggle")
# Printable width of A4 with the theme's 15 mm side margins, in CSS pixels (96 per inch).
A4_PRINTABLE_PX = round((210 - 2 * 15) / 25.4 * 96)
# PDF page sizes in points.
PAPER_POINTS = {"A4": (595.9, 842.9), "Letter": (612.0, 792.0)}


def test_brief_prints_without_chrome(page, problems, site_pages) -> None:
    url = site_pages["brief"]
    open_page(page, url)
    page.locator("main a.cite").first.focus()  # a preview is open when printing starts
    page.emulate_media(media="print")
    shown = page.evaluate(
        """sels => sels.flatMap(s => [...document.querySelectorAll(s)]
             .filter(el => getComputedStyle(el).display !== 'none').map(el => s))""",
        list(CHROME),
    )
    assert not shown, f"screen-only elements print: {shown}"
    assert page.locator("main h1").is_visible()
    page.set_viewport_size({"width": A4_PRINTABLE_PX, "height": 1000})
    overflow = page.evaluate(NO_OVERFLOW_JS)
    assert overflow <= 0, f"the brief is {overflow}px wider than A4's printable width"
    # On screen a claim chip or a number's source is cut to one line; paper shows it whole.
    cut = page.evaluate("""() => [...document.querySelectorAll('a.claim-chip, a.figure-source')]
      .filter(a => a.scrollWidth > a.clientWidth + 1).map(a => a.textContent.trim())""")
    assert page.locator("a.claim-chip").count() and not cut, cut

    out = Path(__file__).resolve().parents[1] / "artifacts" / "print"
    out.mkdir(parents=True, exist_ok=True)
    for paper, (width, height) in PAPER_POINTS.items():
        pdf = page.pdf(path=out / f"brief-{paper.lower()}.pdf", format=paper)
        boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
        assert boxes, f"{paper}: no pages in the PDF"
        for w, h in boxes:
            assert abs(float(w) - width) < 1 and abs(float(h) - height) < 1, (paper, w, h)
    assert_no_problems(page, problems, url)


# Text and background colours of what a brief prints.
PRINT_COLOURS_JS = """sels => sels.map(s => { const el = document.querySelector(s);
  const cs = el && getComputedStyle(el);
  return [s, cs && cs.color, cs && cs.backgroundColor]; })"""


def test_print_is_black_on_white_in_either_colour_scheme(page, problems, site_pages) -> None:
    url = site_pages["brief"]
    open_page(page, url)
    samples = ["body", "main p", "main h1", "main a", "a.cite", ".status", ".meta"]
    colours = {}
    for scheme in ("light", "dark"):
        page.emulate_media(media="print", color_scheme=scheme)
        colours[scheme] = page.evaluate(PRINT_COLOURS_JS, samples)
    assert colours["dark"] == colours["light"], f"print differs by scheme: {colours}"
    body = colours["light"][0]
    assert body[1:] == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"], f"printed body: {body}"
    assert_no_problems(page, problems, url)


@pytest.mark.parametrize("kind", ["brief", "source", "figure"])
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
        overflow = tab.evaluate(NO_OVERFLOW_JS)
        assert overflow <= 0, f"{site_pages[kind]} is {overflow}px too wide without JavaScript"
        # A citation is a plain link to its passage: no preview, nothing it depends on.
        cites = tab.locator("main a.cite")
        if kind == "brief":
            assert cites.count() and all(
                "#q-" in (h or "") for h in cites.evaluate_all("l => l.map(a => a.href)")
            )
            assert not tab.locator("main a.cite[aria-describedby]").count()
            assert not tab.locator(".cite-preview").count()
    finally:
        context.close()


def test_404_page_works_at_any_depth(built_site: Path) -> None:
    # Hosts serve 404.html for any missing path, so its links must not be relative.
    page = built_site / "404.html"
    assert page.is_file(), "no 404.html: add `static_templates: [404.html]` to the theme"
    html = page.read_text(encoding="utf-8")
    assert html.count("<main") == 1 and "<h1" in html
    assert 'href="assets/' not in html and 'href="../' not in html, "relative links in 404.html"


def test_no_reference_leaves_the_site(built_site: Path) -> None:
    # Offline and on any host: no page, stylesheet or script names another origin for
    # something the browser would load by itself (links a reader follows are fine).
    loads = re.compile(
        rb"""(?:<script[^>]+src|<link(?![^>]*rel="canonical")[^>]+href|<img[^>]+src"""
        rb"""|<iframe[^>]+src|@import|url\()"""
        rb"""\s*=?\s*["']?\s*(?:https?:)?//""",
        re.IGNORECASE,
    )
    offenders = [
        str(f.relative_to(built_site))
        for f in built_site.rglob("*")
        if f.suffix in (".html", ".css", ".js") and loads.search(f.read_bytes())
    ]
    assert not offenders, f"files that load from elsewhere: {offenders}"


def test_a_fragment_that_is_not_percent_encoded_text_is_ignored(page, problems,
                                                                  site_pages) -> None:
    """A source page reads its #fragment to say which brief points cite the passage; a
    fragment that cannot be decoded (a link cut in the middle of an escape) names none."""
    for fragment in ("#%E0%A4%A", "#q-%"):
        page.goto("about:blank")
        page.goto(site_pages["source"] + fragment)  # read on load
        page.evaluate("location.hash = '#%E0%A4%A%'")  # and on hashchange
        assert_no_problems(page, problems, fragment)


AFTER_JS = "sel => getComputedStyle(document.querySelector(sel), '::after').content"


def test_an_inferred_date_prints_short(page, problems, site_url: str, site_pages) -> None:
    """Paper has no tooltip, and a basis after every inferred date would swamp the page:
    the label prints alone ("inferred"), and the source's page prints the basis once, in
    its note under the title."""
    open_page(page, site_url + "sources/deepseek-nature-cost-disclosure/")
    page.emulate_media(media="print")
    assert page.locator("main .meta .inferred[title]").count() == 1
    assert page.evaluate(AFTER_JS, "main .meta .inferred") == "none"
    assert "Date inferred by the curator" in page.locator("main").inner_text()
    for kind in ("home", "brief", "timeline"):
        open_page(page, site_pages[kind])
        page.emulate_media(media="print")
        labels = page.locator("main .inferred")
        assert labels.count(), f"no inferred date on the {kind} page"
        assert labels.evaluate_all(
            "els => els.every(el => getComputedStyle(el, '::after').content === 'none')"), kind
        # (focused, the label prints no tip either)
        labels.first.focus()
        assert page.evaluate(AFTER_JS, "main .inferred") == "none", kind
        assert "Inferred by the curator" not in page.locator("main").inner_text(), kind
    assert_no_problems(page, problems, "inferred dates in print")
