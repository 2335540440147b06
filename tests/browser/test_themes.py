"""The plugin's features under other themes and under ProperDocs: a project made by
`briefing init`, built with MkDocs' own theme and with Material, keeps its citation
previews, highlighted passages, badges, problems banner and an inferred date's tip (one,
Briefing's); the seed corpus built with
`properdocs build --strict` keeps its search (Pagefind's)."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

import pytest
from click.testing import CliRunner
from corpus_helpers import seed_project
from playwright.sync_api import Browser
from serving import StaticServer
from test_hostile import hostile_themed_site

from briefing.cli import main

pytestmark = pytest.mark.browser

# Nothing from a CDN or a font service: the tests, like a reader offline, must not need
# the network.
THEMES = {
    "mkdocs": "theme:\n  name: mkdocs\n  highlightjs: false\n",
    "material": "theme:\n  name: material\n  font: false\n",
}
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material's notice about MkDocs' future
BRIEF = "briefs/library-sundays/"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def http_server(folder: Path) -> Iterator[str]:
    """`folder` served at the root of the returned address."""
    server = StaticServer(("127.0.0.1", 0), functools.partial(_Quiet,
                                                                     directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def build(command: list[str], project: Path, site: Path) -> None:
    result = subprocess.run([*command, "build", "--strict", "-d", str(site)], cwd=project,
                            env=ENV, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module", params=sorted(THEMES))
def themed_folder(request: pytest.FixtureRequest,
                  tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`briefing init`'s example built with another theme, into www/<theme>/."""
    project = tmp_path_factory.mktemp(request.param) / "project"
    assert CliRunner().invoke(main, ["init", str(project)]).exit_code == 0
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "theme:\n  name: briefing\n", THEMES[request.param]), encoding="utf-8")
    # Built into a folder named after the theme, so a test can tell which it is looking at
    # (and the site is served below a sub-path, as on GitHub Pages).
    build([sys.executable, "-m", "mkdocs"], project, project / "www" / request.param)
    return project / "www" / request.param


@pytest.fixture(scope="module")
def themed_site(themed_folder: Path) -> Iterator[str]:
    """That site served below /<theme>/."""
    with http_server(themed_folder.parent) as url:
        yield f"{url}{themed_folder.name}/"


def background(page, selector: str) -> str:
    return str(page.locator(selector).first.evaluate(
        "el => getComputedStyle(el).backgroundColor"))


# How each theme draws a section of the nav (a folder opened to show its pages).
SECTION_MARK = {"mkdocs": 'class="nav-link dropdown-toggle"', "material": "md-nav__item--nested"}


def test_each_list_page_is_one_link_in_the_nav(themed_folder: Path) -> None:
    """MkDocs' own nav made each generated folder (briefs/, claims/…) a section holding
    only its list page, the pages listed being out of the nav: a folder of one, opened to
    reach it. The example has no folder of its own, so its nav has no section at all."""
    theme = themed_folder.name
    home = (themed_folder / "index.html").read_text(encoding="utf-8")
    assert SECTION_MARK[theme] not in home, f"a section in the nav under {theme}"
    for folder in ("briefs", "claims", "entities", "sources"):
        assert f'href="{folder}/"' in home, f"no link to {folder}/ in the nav under {theme}"


def test_previews_highlights_and_badges_work_under_other_themes(page, problems,
                                                                themed_site: str) -> None:
    page.goto(themed_site + BRIEF)
    # Words for screen readers only ("Claims:") stay out of sight: Material has no class
    # for them, so the plugin's styles bring one.
    label = page.locator(".point-claims .visually-hidden").first
    assert label.evaluate("el => el.getBoundingClientRect().width") <= 1
    cite = page.locator("a.cite").first
    cite.hover()
    preview = page.locator(".cite-preview:not([hidden])")
    preview.wait_for(state="visible", timeout=5_000)
    assert "will open on Sundays from April" in preview.inner_text()
    assert cite.get_attribute("aria-describedby") == preview.get_attribute("id")

    cite.click()
    page.wait_for_url("**/sources/riverton-library-sundays/#*")
    target = page.locator("mark.quote:target")
    assert target.count() == 1
    assert background(page, "mark.quote:target") == "rgb(255, 210, 77)"  # --mark-target
    assert background(page, "mark.quote:not(:target)") == "rgb(252, 240, 196)"  # --mark

    page.goto(themed_site + "claims/sunday-opening-cost-40k/")
    assert background(page, ".status-disputed") == "rgb(252, 235, 200)"  # --warn-bg
    if "material" in themed_site:  # Material's dark scheme, chosen by the reader
        page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
        assert background(page, ".status-disputed") == "rgb(70, 48, 12)"
    stance = page.locator(".stance").first
    assert stance.evaluate("el => getComputedStyle(el).borderStyle") == "solid"
    problems.assert_none(themed_site)


# A link of each kind on the example brief, and words its page's title has: the title
# is the first thing a link preview shows, whichever theme laid the page out.
THEMED_LINKS = {
    "claim": ("a[href*='claims/sunday-opening-cost-40k/']", "costs Riverton $40,000"),
    "entity": ("a[href*='entities/riverton-library/']", "Riverton public library"),
}


@pytest.mark.parametrize("kind", sorted(THEMED_LINKS))
def test_link_previews_show_under_other_themes(kind: str, page, problems,
                                               themed_site: str) -> None:
    page.goto(themed_site + BRIEF)
    selector, title = THEMED_LINKS[kind]
    link = page.locator(selector).first
    assert link.count(), f"no {kind} link on {themed_site + BRIEF}"
    preview = page.locator("#link-preview:not([hidden])")
    for how in ("hover", "focus"):
        link.scroll_into_view_if_needed()
        link.hover() if how == "hover" else link.focus()
        preview.wait_for(state="visible", timeout=5_000)
        text = preview.inner_text()
        assert title in text.split("\n")[0], f"{kind} preview by {how}: {text!r}"
        assert len(text) > len(title) + 10, f"{kind} preview has only its title: {text!r}"
        assert link.get_attribute("aria-describedby") == "link-preview"
        page.keyboard.press("Escape")
        preview.wait_for(state="hidden")
        page.mouse.move(0, 0)
        page.evaluate("document.activeElement.blur()")
    page.wait_for_load_state("networkidle")
    problems.assert_none(themed_site)


# The tips shown for the inferred date `el`: Briefing's (drawn after the date) and every
# tooltip element on screen (a theme's; the previews' when up). The browser's own tooltip
# for `title` is no element: a date keeps its `title` only where no other tip shows it.
TIPS_JS = """el => {
  const after = getComputedStyle(el, '::after').content;
  return [...(after === 'none' ? [] : ['Briefing: ' + after]),
          ...[...document.querySelectorAll('[role=tooltip]')]
            .filter(tip => tip.checkVisibility({opacityProperty: true}))
            .map(tip => (tip.id || tip.className) + ': ' + tip.textContent.trim())];
}"""
BASIS = "The article says 'from April'."


def focus_by_keyboard(page, element) -> None:
    """Focus `element` as the keyboard does (:focus-visible), and give any tooltip of the
    theme the time to come up."""
    element.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('inferred')")
    page.wait_for_timeout(400)


def assert_described_by_its_basis(date) -> None:
    """What assistive technology reads as the date's description is its basis."""
    from playwright.sync_api import expect  # missing, it fails the `browser` fixture
    expect(date).to_have_accessible_description(BASIS)


def test_an_inferred_date_shows_one_tip_under_other_themes(page, problems,
                                                           themed_site: str) -> None:
    """Under MkDocs' theme and Material without its tooltips, keyboard focus shows the
    basis in Briefing's tip, the only one; hovered, the date keeps its `title`, for the
    browser's tooltip, and shows no other."""
    page.goto(themed_site + "timeline/")
    date = page.locator(".inferred").first
    date.hover()
    page.wait_for_timeout(400)
    assert date.evaluate(TIPS_JS) == []
    assert date.get_attribute("title") == BASIS
    page.mouse.move(0, 0)
    focus_by_keyboard(page, date)
    tips = date.evaluate(TIPS_JS)
    assert len(tips) == 1 and tips[0].startswith("Briefing: ") and BASIS in tips[0], tips
    assert_described_by_its_basis(date)
    page.keyboard.press("Escape")
    assert date.evaluate(TIPS_JS) == []
    problems.assert_none(themed_site)


def test_the_problems_banner_shows_under_other_themes(page, problems, themed_site: str,
                                                      screenshots: Path) -> None:
    # The built site says there are no problems: no banner, and nothing failed.
    page.goto(themed_site + BRIEF)
    page.wait_for_load_state("networkidle")
    assert page.locator(".problems-banner").count() == 0
    problems.assert_none(themed_site)
    # What `mkdocs serve` writes while it finds problems. The text is shown as text.
    said = {"errors": 1, "warnings": 2, "text": '1 error, 2 warnings<img src=x id="injected">',
            "kept_last_good": True, "href": "problems/"}
    page.route("**/assets/briefing/problems.json", lambda route: route.fulfill(
        body=json.dumps({"problems": said}), content_type="application/json"))
    page.goto(themed_site + BRIEF)
    shown = page.locator(".problems-banner.has-errors")
    shown.wait_for(state="visible", timeout=5_000)
    assert "1 error, 2 warnings<img" in shown.inner_text()
    assert "the last build without errors" in shown.inner_text()
    assert page.locator("#injected").count() == 0
    # At the top of the content, whatever the page's depth.
    assert shown.evaluate("el => el.parentElement.firstElementChild === el")
    link = shown.get_by_role("link", name="See the problems")
    assert link.evaluate("a => a.href") == themed_site + "problems/"
    theme = themed_site.rstrip("/").rsplit("/", 1)[-1]
    page.screenshot(path=screenshots / f"problems-banner-{theme}.png", animations="disabled")
    page.unroute("**/assets/briefing/problems.json")


def test_a_site_opened_from_files_has_no_banner_and_no_error(browser,
                                                             themed_folder: Path) -> None:
    # Opened from the disk, the script cannot read problems.json; it does not try.
    context = browser.new_context()
    tab = context.new_page()
    errors: list[str] = []  # the plugin's (the themes' search fails from files, as it may)
    tab.on("console", lambda msg: errors.append(f"{msg.text} {msg.location.get('url', '')}")
           if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: errors.append(f"{exc} {exc.stack}"))
    try:
        tab.goto((themed_folder / BRIEF / "index.html").as_uri())
        tab.wait_for_load_state("load")
        assert tab.locator(".problems-banner").count() == 0
        assert [e for e in errors if "problems.json" in e or "assets/briefing" in e] == []
    finally:
        context.close()


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The repository's site over the seed corpus, built by ProperDocs."""
    project = seed_project(tmp_path_factory.mktemp("properdocs") / "project")
    build([sys.executable, "-m", "properdocs"], project, project / "site")
    with http_server(project / "site") as url:
        yield url


def test_search_works_under_properdocs(page, problems, properdocs_site: str) -> None:
    # Pagefind's index, made by the plugin's build under ProperDocs as under MkDocs.
    page.goto(properdocs_site)
    box = page.locator("#search-query")
    box.wait_for(state="visible")
    box.click()
    box.press_sequentially("H800", delay=40)
    results = page.locator("#search-results article h3 a[href]")
    results.first.wait_for(state="visible", timeout=15_000)
    assert results.count() >= 2
    assert page.locator("#search-results mark").count()
    assert page.locator(".search-status").inner_text().strip()
    page.wait_for_load_state("networkidle")
    problems.assert_none(properdocs_site)


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_hostile_titles_and_front_matter_run_nothing(browser: Browser, tmp_path: Path,
                                                     theme: str) -> None:
    """A brief, claim, source and entity with markup in their titles and descriptions, and
    hand-written pages with it in their names and front matter (`test_hostile`), built
    with each theme that writes them unescaped: no page the reader opens runs any of it
    (each payload calls `alert`)."""
    site = hostile_themed_site(tmp_path, theme)
    ran: list[str] = []
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.on("dialog", lambda dialog: (ran.append(dialog.message), dialog.dismiss()))
        with http_server(site) as url:
            for path in ("", "briefs/widget/", "claims/widget-cost-5m/", "sources/acme-widget/",
                         "entities/jane-doe/", "front/", "heading/", "code/",
                         *(["away/"] if theme == "material" else [])):
                tab.goto(url + path, wait_until="load")
                tab.wait_for_timeout(200)  # (an image's error comes after `load` at times)
                assert tab.url.startswith(url), f"{path} went to {tab.url}"
    finally:
        context.close()
    assert not ran, f"scripts ran under {theme}: {ran}"


# The seed corpus's widest pages: a claim's, a source's and a metric's tables, the
# coverage grid, an entity's map.
WIDE_PAGES = ("claims/r1-training-512-h800/", "sources/deepseek-claims-under-scrutiny/",
              "figures/m-training-chips/", "coverage/", "map/e-deepseek/")
SEED_THEMES = {**THEMES, "readthedocs": "theme:\n  name: readthedocs\n  highlightjs: false\n"}


@pytest.fixture(scope="module", params=sorted(SEED_THEMES))
def seed_site_themed(request: pytest.FixtureRequest,
                     tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The seed corpus built with another theme, and served. Its site's name is short:
    MkDocs' theme sets the name on one line, and a long one is wider than a phone."""
    project = seed_project(tmp_path_factory.mktemp(f"seed-{request.param}") / "project")
    config = project / "mkdocs.yml"
    settings = config.read_text(encoding="utf-8").replace(
        "theme:\n  name: briefing\n", SEED_THEMES[request.param])
    config.write_text(re.sub(r"(?m)^site_name: .*$", "site_name: DeepSeek", settings),
                      encoding="utf-8")
    build([sys.executable, "-m", "mkdocs"], project, project / "site")
    with http_server(project / "site") as url:
        yield url


@pytest.mark.parametrize("width", (375, 1280))
def test_no_page_scrolls_sideways_under_other_themes(page, problems, seed_site_themed: str,
                                                     width: int) -> None:
    """A table wider than the column scrolls within it, never the page: under MkDocs'
    theme (which wraps no table) a phone scrolled the page sideways; under Material and
    Read the Docs, a table's hidden words stood past its scrolling box and widened the
    page, and the coverage grid set each claim on one line. A map is drawn once, the
    drawing that fits: MkDocs' theme and Read the Docs showed both, the wide one off a
    phone's screen."""
    page.set_viewport_size({"width": width, "height": 800})
    for path in WIDE_PAGES:
        page.goto(seed_site_themed + path)
        sizes = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        assert sizes[0] <= sizes[1], f"{path} at {width}: {sizes[0]} px wide"
    drawings = page.locator("svg.focus-map").evaluate_all(
        "maps => maps.filter(m => m.getBoundingClientRect().width > 0).length")
    assert drawings == 1, f"{drawings} drawings of the map at {width}"
    problems.assert_none(seed_site_themed)


def test_quotes_cited_have_numbers_and_no_bullets_under_other_themes(
        page, problems, seed_site_themed: str) -> None:
    """A brief's "Quotes cited": its sources and quotes unbulleted, each quote with its
    number only. Read the Docs styles every item of a list, not the list: each quote had
    a circle before its number and each source a disc."""
    page.goto(seed_site_themed + "briefs/deepseek-efficiency-claims/")
    bullets = page.locator("#quotes-cited + ul li").evaluate_all(
        "items => items.map(li => getComputedStyle(li).listStyleType)")
    assert len(bullets) > 20 and set(bullets) == {"none"}, set(bullets)
    problems.assert_none(seed_site_themed)


def test_a_line_with_badges_or_citations_is_spaced_as_the_others_under_other_themes(
        page, problems, seed_site_themed: str) -> None:
    """A badge or a citation number in a list item adds no space above or below its line:
    Read the Docs spaced every child of a list item 12 px apart, and the line ending in a
    point's numbers, or in a claim's status on an entity's page, stood apart."""
    for path in ("briefs/deepseek-efficiency-claims/", "entities/deepseek/"):
        page.goto(seed_site_themed + path)
        margins = page.locator("li > :is(.status, .stance, a.cite)").evaluate_all(
            "marks => marks.map(m => getComputedStyle(m).marginBlock)")
        assert len(margins) > 10 and set(margins) == {"0px"}, (path, set(margins))
    problems.assert_none(seed_site_themed)


def test_a_light_theme_keeps_light_badges_on_a_dark_system(page, problems,
                                                           seed_site_themed: str) -> None:
    """MkDocs' theme (light unless its `color_mode` or the reader says dark), Read the
    Docs' (always light) and Material without a `palette:` show a light page on a system
    set to dark: the plugin's badges, notes and status boxes stay light with it. They were
    dark, their text the theme's dark grey. MkDocs' theme in its dark mode has them dark,
    whatever the system's scheme."""
    page.emulate_media(color_scheme="dark")
    page.goto(seed_site_themed + "claims/r1-built-in-two-months/")
    assert background(page, ".status-disputed") == "rgb(252, 235, 200)"  # --warn-bg
    assert background(page, ".verdict") == "rgb(242, 240, 234)"  # --surface
    page.emulate_media(color_scheme="light")
    if page.evaluate("document.documentElement.hasAttribute('data-bs-theme')"):
        page.evaluate("document.documentElement.setAttribute('data-bs-theme', 'dark')")
        assert background(page, ".status-disputed") == "rgb(70, 48, 12)"
    problems.assert_none(seed_site_themed)
