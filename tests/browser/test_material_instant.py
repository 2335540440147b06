"""The plugin's page scripts under Material with instant navigation, where a click in the
site swaps the page's content in place (the scripts are not run again; Material's
`document$` says when a page is swapped): previews, the way back from a passage, inferred
dates and the problems banner work on every page reached so, once each; with `toc:
permalink: true` a preview shows no "¶", and an inferred date's basis shows in Material's
tooltip, the only one. Under `mkdocs serve`,
the banner and the quote picker follow the swapped pages too."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from serving import fetch, served, wait_for
from test_quote_picker import SELECT_JS
from test_themes import (
    BASIS,
    ENV,
    TIPS_JS,
    assert_described_by_its_basis,
    focus_by_keyboard,
    http_server,
)

from briefing.cli import main

pytestmark = pytest.mark.browser

# Material as its users set it up: instant navigation, its tooltips, permalinks; nothing
# from a CDN or a font service.
MATERIAL = ("theme:\n  name: material\n  font: false\n  features:\n"
            "    - navigation.instant\n    - content.tooltips\n")
BRIEF = "briefs/library-sundays/"
SOURCE = "sources/riverton-library-sundays/"
# Set on the first page; still there after a click only if the page was swapped in place.
MARK_JS = "window.__sameDocument = true"
SAME_JS = "window.__sameDocument === true"
CITE_TIPS = "[id^=cite-preview-]"
VISIBLE_TIPS_JS = """() => [...document.querySelectorAll('[id^=cite-preview-]')]
  .filter(t => !t.hidden && t.getBoundingClientRect().height > 0).length"""


def material_config(text: str) -> str:
    """`briefing init`'s or the repository's mkdocs.yml with Material instead of Briefing's
    theme, and the `toc` extension's permalinks on."""
    assert "theme:\n  name: briefing\n" in text and "permalink: false" in text
    return (text.replace("theme:\n  name: briefing\n", MATERIAL, 1)
            .replace("permalink: false", "permalink: true", 1))


@pytest.fixture(scope="module")
def instant_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`briefing init`'s example built with Material and served below /material/, with
    `site_url` that address: instant navigation follows only links its sitemap lists."""
    project = tmp_path_factory.mktemp("instant") / "project"
    assert CliRunner().invoke(main, ["init", str(project)]).exit_code == 0
    config = project / "mkdocs.yml"
    config.write_text(material_config(config.read_text(encoding="utf-8")), encoding="utf-8")
    with http_server(project / "www") as url:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "www/material"],
            cwd=project, env={**ENV, "BRIEFING_SITE_URL": f"{url}material/"},
            capture_output=True, text=True, timeout=300, check=False)
        assert result.returncode == 0, result.stdout + result.stderr
        yield f"{url}material/"


def click_through(page: Any, link: str | Any, url_glob: str) -> None:
    """Click `link` (or the first link in the content matching it) and wait for its page,
    which must have been swapped in, not loaded."""
    before = page.locator(".md-content").element_handle()
    (page.locator(f".md-content {link}").first if isinstance(link, str) else link).click()
    page.wait_for_url(url_glob)
    page.wait_for_function("el => !el.isConnected", arg=before)  # the new page is in
    assert page.evaluate(SAME_JS), "the page was loaded, not swapped: no instant navigation"


def test_previews_and_the_way_back_work_on_swapped_pages(page, problems, instant_site: str,
                                                         screenshots: Path) -> None:
    page.goto(instant_site)
    page.evaluate(MARK_JS)
    click_through(page, f"a[href$='{BRIEF}']", f"**/{BRIEF}")
    page.mouse.move(0, 0)

    cites = page.locator("a.cite")
    assert cites.count()
    cites.first.hover()
    tip = page.locator(f"{CITE_TIPS}:not([hidden])")
    tip.wait_for(state="visible", timeout=5_000)
    assert "will open on Sundays from April" in tip.inner_text()
    assert page.evaluate(VISIBLE_TIPS_JS) == 1
    page.screenshot(path=screenshots / "material-instant-cite.png", animations="disabled")
    page.mouse.move(0, 0)

    link = page.locator(".md-content a[href*='claims/sunday-opening-cost-40k/']").first
    link.scroll_into_view_if_needed()
    link.hover()
    preview = page.locator("#link-preview:not([hidden])")
    preview.wait_for(state="visible", timeout=5_000)
    assert "costs Riverton $40,000" in preview.inner_text()
    assert "\u00b6" not in preview.inner_text(), "the heading's permalink is in the preview"
    page.screenshot(path=screenshots / "material-instant-link.png", animations="disabled")
    page.mouse.move(0, 0)

    # A citation leads to its passage, which says which point cites it.
    cites.first.click()
    page.wait_for_url(f"**/{SOURCE}#q-*")
    assert page.evaluate(SAME_JS)
    back = page.locator(".cited-back")
    back.wait_for(state="visible", timeout=5_000)
    assert "cited in:" in back.inner_text()
    page.screenshot(path=screenshots / "material-instant-cited-in.png", animations="disabled")

    # Back to the brief by that note: its previews are set up once, not once per visit.
    click_through(page, back.locator("a[href*='#point-']").first, f"**/{BRIEF}#point-*")
    distinct = page.evaluate("new Set([...document.querySelectorAll('a.cite')]"
                             ".map(a => a.href)).size")
    assert page.locator(CITE_TIPS).count() == distinct
    page.locator("a.cite").first.hover()
    tip.wait_for(state="visible", timeout=5_000)
    assert page.evaluate(VISIBLE_TIPS_JS) == 1
    page.wait_for_load_state("networkidle")
    problems.assert_none(instant_site)


def test_the_way_back_shows_on_a_passage_opened_directly(page, problems,
                                                         instant_site: str) -> None:
    # Material makes every in-page link absolute, with instant navigation on.
    page.goto(instant_site + BRIEF)
    href = page.locator("a.cite").first.evaluate("a => a.href")
    page.goto(href)
    page.locator(".cited-back").wait_for(state="visible", timeout=5_000)
    assert page.locator(".cited-back").count() == 1
    problems.assert_none(instant_site)


def test_an_inferred_date_shows_one_tip_under_materials_tooltips(
        page, problems, instant_site: str, screenshots: Path) -> None:
    """Material's tooltip shows the basis on hover and on keyboard focus, the only tip (it
    takes `title` away meanwhile, so the browser shows none, and Briefing draws none), on a
    page swapped in; it describes the date, and Escape hides it until the next focus."""
    page.goto(instant_site)
    page.evaluate(MARK_JS)
    click_through(page, "a[href$='timeline/']", "**/timeline/")
    date = page.locator(".md-content .inferred").first
    for how in ("hover", "keyboard focus"):
        if how == "hover":
            date.hover()
            page.wait_for_timeout(400)
        else:
            page.mouse.move(0, 0)
            page.wait_for_timeout(400)  # Material's hover tooltip is gone
            focus_by_keyboard(page, date)
        tips = date.evaluate(TIPS_JS)
        assert len(tips) == 1 and tips[0].startswith("__tooltip2_") \
            and tips[0].endswith(f": {BASIS}"), f"{how}: not Material's tooltip alone: {tips}"
        assert date.get_attribute("title") is None, f"{how}: the browser's tooltip too"
    assert_described_by_its_basis(date)
    page.screenshot(path=screenshots / "material-instant-inferred.png", animations="disabled")
    page.keyboard.press("Escape")
    page.wait_for_timeout(400)
    assert date.evaluate(TIPS_JS) == [], "Escape left a tip up"
    page.keyboard.press("Shift+Tab")
    page.wait_for_timeout(100)  # as a person would: Material overlooks a blur of under 1 ms
    page.keyboard.press("Tab")
    page.wait_for_timeout(400)
    assert len(date.evaluate(TIPS_JS)) == 1, "focused again, the tip stays hidden"
    problems.assert_none(instant_site)


def test_the_problems_banner_shows_on_swapped_pages(page, problems, instant_site: str,
                                                    screenshots: Path) -> None:
    said = {"errors": 1, "warnings": 0, "text": "1 error", "kept_last_good": True,
            "href": "problems/"}
    page.route("**/assets/briefing/problems.json", lambda route: route.fulfill(
        body=json.dumps({"problems": said}), content_type="application/json"))
    try:
        page.goto(instant_site)
        page.evaluate(MARK_JS)
        banner = page.locator(".problems-banner")
        banner.wait_for(state="visible", timeout=5_000)
        click_through(page, f"a[href$='{BRIEF}']", f"**/{BRIEF}")
        banner.wait_for(state="visible", timeout=5_000)
        page.wait_for_load_state("networkidle")
        assert banner.count() == 1
        page.screenshot(path=screenshots / "material-instant-banner.png", animations="disabled")
        problems.assert_none(instant_site)
    finally:
        page.unroute("**/assets/briefing/problems.json")


# ---- Under `mkdocs serve` ---------------------------------------------------------------

SOURCES = ("deepseek-claims-under-scrutiny", "deepseek-nature-cost-disclosure")


def serve_with_material(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(material_config(config.read_text(encoding="utf-8")), encoding="utf-8")


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:
    """A tab that may use the clipboard."""
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  permissions=["clipboard-read", "clipboard-write"])
    yield context.new_page()
    context.close()


def copy_first_words(tab: Any, shot: Path) -> str:
    """Select words of the article's first paragraph and copy them with the shortcut: the
    picker's message, which names the annotation to paste into."""
    words = tab.evaluate("document.querySelector('#text ~ p:not([class])')"
                         ".textContent.trim().split(/\\s+/).slice(0, 3).join(' ')")
    tab.evaluate(SELECT_JS, [words, 0, True])
    tab.locator("button.quote-picker").wait_for(state="visible", timeout=5_000)
    tab.keyboard.press("q")
    status = tab.get_by_role("status").get_by_text("Quote copied")
    status.wait_for(timeout=5_000)
    said = str(status.inner_text())
    tab.screenshot(path=shot)
    tab.keyboard.press("Escape")
    tab.evaluate("getSelection().removeAllRanges()")
    return said


def test_the_picker_and_the_banner_follow_swapped_pages_under_serve(
        tmp_path: Path, tab: Any, screenshots: Path) -> None:
    errors: list[str] = []
    tab.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning")
           else None)
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    with served(tmp_path, prepare=serve_with_material, env=ENV) as (project, base, _):
        tab.goto(f"{base}/sources/")
        tab.evaluate(MARK_JS)
        for source in SOURCES:  # one source, back to the list, the other
            click_through(tab, f"a[href$='sources/{source}/']", f"**/sources/{source}/")
            shot = screenshots / f"material-instant-picker-{source}.png"
            assert f"sources/{source}.yml" in copy_first_words(tab, shot)
            tab.evaluate("history.back()")
            tab.wait_for_url(f"{base}/sources/")
            tab.locator(f".md-content a[href$='sources/{SOURCES[1]}/']").wait_for()
        assert tab.evaluate(SAME_JS)
        assert tab.locator(".quote-picker-status").count() == 1

        claims = project / "content" / "claims.yml"
        good = claims.read_text(encoding="utf-8")
        claims.write_text(good.replace("claimant: deepseek", "claimant: deepseak", 1),
                          encoding="utf-8")
        assert wait_for(lambda: "deepseak" in (fetch(f"{base}/problems/") or ""), 60)
        banner = tab.locator(".problems-banner")
        banner.wait_for(state="visible", timeout=60_000)  # live reload loads the page
        tab.evaluate(MARK_JS)
        click_through(tab, f"a[href$='sources/{SOURCES[0]}/']", f"**/sources/{SOURCES[0]}/")
        banner.wait_for(state="visible", timeout=5_000)
        tab.wait_for_timeout(500)  # (live reload's request never ends: no "networkidle")
        assert banner.count() == 1
        tab.screenshot(path=screenshots / "material-instant-serve-banner.png")
    assert not errors, errors
