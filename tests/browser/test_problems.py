"""While `mkdocs serve` runs, a bad edit shows up where the curator is looking: a banner
on every page (drawn by the page's script from problems.json) links to a Problems page
with each diagnostic's path:line:col, message and hint, and fixing the file clears both
on the next rebuild."""

from __future__ import annotations

from pathlib import Path

import pytest
from serving import fetch, served, wait_for
from sitecheck import axe_report, run_axe

pytestmark = pytest.mark.browser

NO_OVERFLOW_JS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def test_problems_banner_and_page_in_the_browser(
    tmp_path: Path, page, screenshots: Path, docs_screenshots: Path | None
) -> None:
    with served(tmp_path) as (project, base, server):
        page.goto(f"{base}/claims/")
        assert page.locator(".problems-banner").count() == 0

        claims = project / "content" / "claims.yml"
        good = claims.read_text(encoding="utf-8")
        bad = good.replace("claimant: deepseek", "claimant: deepseak", 1)
        assert bad != good
        claims.write_text(bad, encoding="utf-8")
        assert wait_for(lambda: "deepseak" in (fetch(f"{base}/problems/") or ""), 60)

        # Live reload refreshes the open tab by itself; its script draws the banner from
        # problems.json, right after the header of Briefing's theme.
        banner = page.locator(".problems-banner")
        banner.wait_for(state="visible", timeout=60_000)
        assert banner.inner_text().startswith("The last rebuild found 1 error")
        assert page.locator("header + [data-briefing-problems] > .problems-banner").count() == 1
        page.screenshot(path=screenshots / "problems-banner.png", animations="disabled")
        assert page.locator("main h1").inner_text() == "Claims", "last good page not kept"
        failing = run_axe(page, "serve-banner")
        assert not failing, "axe on a page with the banner:\n" + axe_report(failing)

        banner.get_by_role("link", name="See the problems").click()
        page.wait_for_url(f"{base}/problems/")
        main = page.locator("main")
        assert main.locator("h1").inner_text() == "Problems"
        line = bad[:bad.index("deepseak")].count("\n") + 1
        assert f"content/claims.yml:{line}:" in main.inner_text()
        assert "did you mean" in main.inner_text().lower()
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            failing = run_axe(page, f"serve-problems-{scheme}")
            assert not failing, f"axe on the Problems page ({scheme}):\n" + axe_report(failing)
        page.emulate_media(color_scheme="light")
        for folder in filter(None, (screenshots, docs_screenshots)):
            page.screenshot(path=folder / "problems.png", animations="disabled")
        page.set_viewport_size({"width": 360, "height": 800})
        assert page.evaluate(NO_OVERFLOW_JS) <= 0, "the Problems page overflows at 360 px"

        claims.write_text(good, encoding="utf-8")
        banner.wait_for(state="detached", timeout=60_000)
        page.get_by_text("No problems").wait_for(timeout=10_000)
        assert server.poll() is None


def test_settings_that_stop_every_rebuild_show_on_the_banner(
        tmp_path: Path, page, screenshots: Path) -> None:
    """mkdocs.yml that cannot be read stops every rebuild before a Problems page can be
    built: the banner says why, at its line, on the pages last built, and clears once
    mkdocs.yml is fixed. A setting the pages need is a problem like the content's, listed
    on the Problems page with them."""
    with served(tmp_path) as (project, base, server):
        config = project / "mkdocs.yml"
        good = config.read_text(encoding="utf-8")
        page.goto(f"{base}/claims/")
        banner = page.locator(".problems-banner")
        # Unreadable: at its line and column, as `briefing check` says it.
        config.write_text(good.replace("site_name:", "site_name: [", 1), encoding="utf-8")
        banner.wait_for(state="visible", timeout=60_000)
        assert "mkdocs.yml stops every rebuild" in banner.inner_text()
        assert "mkdocs.yml:2:1: error: YAML syntax" in banner.locator("pre").inner_text()
        assert page.locator("main h1").inner_text() == "Claims", "last pages not kept"
        # The Problems page shown meanwhile is an earlier rebuild's: the banner says so.
        assert "the Problems page too, is from the last rebuild" in banner.inner_text()
        page.screenshot(path=screenshots / "problems-settings.png", animations="disabled")
        config.write_text(good, encoding="utf-8")
        banner.wait_for(state="detached", timeout=60_000)
        # A value MkDocs refuses, in its own words, which name the setting: at its line.
        refused = good.replace("use_directory_urls: true", "use_directory_urls: maybe", 1)
        assert refused != good
        config.write_text(refused, encoding="utf-8")
        banner.wait_for(state="visible", timeout=60_000)
        line = refused[:refused.index("use_directory_urls")].count("\n") + 1
        assert f"mkdocs.yml:{line}:1: Config value 'use_directory_urls'" in \
            banner.locator("pre").inner_text()
        config.write_text(good, encoding="utf-8")
        banner.wait_for(state="detached", timeout=60_000)
        # A setting the pages need: on the Problems page, with the last good pages kept.
        config.write_text(good.replace("  - attr_list\n", "", 1), encoding="utf-8")
        banner.wait_for(state="visible", timeout=60_000)
        assert banner.inner_text().startswith("The last rebuild found 1 error")
        assert page.locator("main h1").inner_text() == "Claims", "last pages not kept"
        assert wait_for(lambda: "attr_list must be enabled" in (
            fetch(f"{base}/problems/") or ""), 60)
        assert "mkdocs.yml:" in (fetch(f"{base}/problems/") or "")
        config.write_text(good, encoding="utf-8")
        banner.wait_for(state="detached", timeout=60_000)
        assert server.poll() is None
    log = (tmp_path / "mkdocs-serve.log").read_text(encoding="utf-8")
    assert "failed again" not in log and "settings stop the rebuild" in log


def test_a_broken_link_in_a_hand_written_page_is_on_the_banner_and_the_problems_page(
        tmp_path: Path, page, screenshots: Path) -> None:
    """MkDocs finds a hand-written page's broken link only as it builds that page, after
    the Problems page was planned: the banner counts it, and the Problems page's script
    lists it at its line, from problems.json. Under `--dirty` it stays listed while other
    files change, as MkDocs does not read the page again, and goes once it is fixed."""
    with served(tmp_path, "--dirty") as (project, base, server):
        # Served before any problem, so that a bookmark to it is never a 404.
        page.goto(f"{base}/problems/")
        assert "No problems" in page.locator("main").inner_text()
        slot = page.locator("[data-briefing-link-problems]")
        slot.get_by_text("MkDocs reported no broken link").wait_for(timeout=10_000)

        notes = project / "content" / "pages" / "notes.md"
        notes.write_text("# Notes\n\nSee [the claims](../claims.md).\n", encoding="utf-8")
        banner = page.locator(".problems-banner")
        banner.wait_for(state="visible", timeout=60_000)
        assert banner.inner_text().startswith("The last rebuild found 0 errors, 1 warning.")
        listed = slot.locator("li")
        assert listed.count() == 1
        assert listed.inner_text().startswith(
            "warning content/pages/notes.md:3:18 Doc file 'notes.md' contains a link "
            "'../claims.md'")
        # The content folder's layout is not the site's: the page it most likely meant.
        assert listed.inner_text().endswith("Did you mean 'claims/index.md'?")
        failing = run_axe(page, "serve-link-problems")
        assert not failing, "axe on the Problems page with a link:\n" + axe_report(failing)
        page.screenshot(path=screenshots / "problems-links.png", animations="disabled")

        # Another file changes: the page is not read again, and its warning stands.
        claims = project / "content" / "claims.yml"
        marker = "Statement edited while a link is broken"
        text = claims.read_text(encoding="utf-8")
        claims.write_text(text.replace('statement: "', f'statement: "{marker}: ', 1),
                          encoding="utf-8")
        assert wait_for(lambda: marker in (fetch(f"{base}/claims/") or ""), 60)
        # In a tab of its own: live reload may be reloading the first one.
        fresh = page.context.new_page()
        fresh.goto(f"{base}/problems/")
        fresh.locator("[data-briefing-link-problems] li").wait_for(timeout=10_000)
        assert fresh.locator("[data-briefing-link-problems] li").count() == 1
        fresh.close()

        notes.write_text("# Notes\n\nSee [the about page](about.md).\n", encoding="utf-8")
        banner.wait_for(state="detached", timeout=60_000)
        slot.get_by_text("MkDocs reported no broken link").wait_for(timeout=10_000)
        assert server.poll() is None
