"""`mkdocs serve` rebuilds when a file under content/ changes; with `--dirty`, only what
changed, without stale pages or a partial search index."""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path
from typing import Any

from serving import fetch, served, wait_for


def page(url: str) -> str:
    """A served page without the build number MkDocs' live-reload script carries."""
    return re.sub(r"reload\(\d+, \d+\)", "reload()", fetch(url) or "")


def banner(base: str) -> Any:
    """What the problems banner says (`problems.json`, read by the pages' script)."""
    text = fetch(f"{base}/assets/briefing/problems.json")
    assert text is not None, "no problems.json"
    return json.loads(text)["problems"]


def banner_shows(base: str, *, any_problem: bool) -> bool:
    """Whether the banner says there are problems (or none), for waiting on a rebuild: a
    request the server holds past its timeout while it rebuilds is tried again."""
    text = fetch(f"{base}/assets/briefing/problems.json")
    return text is not None and (json.loads(text)["problems"] is not None) == any_problem


def test_editing_content_rebuilds_the_served_site(tmp_path: Path) -> None:
    with served(tmp_path) as (project, base, server):
        url = f"{base}/claims/"
        claims = project / "content" / "claims.yml"
        text = claims.read_text(encoding="utf-8")
        marker = "Statement edited while serving"
        edited = text.replace("statement: \"", f"statement: \"{marker}: ", 1)
        assert edited != text
        claims.write_text(edited, encoding="utf-8")
        assert wait_for(lambda: marker in (fetch(url) or ""), 60), "no rebuild after the edit"

        # A bad edit must not stop the server: the last good pages stay up, with a banner
        # linking to a Problems page that gives the path:line:col, message and hint.
        assert banner(base) is None
        before = page(url)
        bad = edited.replace("status: ", "status: bogus-", 1)
        claims.write_text(bad, encoding="utf-8")
        line = bad[:bad.index("status: bogus-")].count("\n") + 1
        col = len(bad[:bad.index("status: bogus-")].rsplit("\n", 1)[-1]) + len("status: ") + 1
        problems_page = f"{base}/problems/"
        assert wait_for(lambda: "bogus-" in (fetch(problems_page) or ""), 60), \
            "no Problems page"
        listed = fetch(problems_page) or ""
        assert f"content/claims.yml:{line}:{col}" in listed
        assert "Hint:" in listed and "severity-error" in listed
        assert "the other pages show the last build without errors" in listed
        assert marker in (fetch(url) or ""), "the last good pages were not kept"
        # The banner is drawn by the page's script: the page itself is unchanged.
        assert page(url) == before
        assert banner(base) == {"errors": 1, "warnings": 0, "text": "1 error, 0 warnings",
                                "kept_last_good": True, "href": "problems/", "links": []}
        assert server.poll() is None, "mkdocs serve exited after a bad edit"

        # Fixing the file clears the banner and the problems on the next rebuild.
        fixed = edited.replace(marker, "Fixed after a bad edit")
        claims.write_text(fixed, encoding="utf-8")
        assert wait_for(lambda: "Fixed after a bad edit" in (fetch(url) or ""), 60), \
            "no recovery after fixing the bad edit"
        assert banner(base) is None
        assert "No problems" in (fetch(problems_page) or "")


def test_serving_content_with_errors_from_the_start(tmp_path: Path) -> None:
    # No good build yet: the home page says so and points at the problems; the server runs.
    def break_entities(project: Path) -> None:
        entities = project / "content" / "entities.yml"
        entities.write_text(entities.read_text(encoding="utf-8").replace(
            "kind: ", "kind: nonsense-", 1), encoding="utf-8")

    with served(tmp_path, prepare=break_entities, ready="/") as (project, base, server):
        home = fetch(f"{base}/") or ""
        assert "The briefing is not built yet" in home
        assert banner(base)["kept_last_good"] is False
        assert "nonsense-" in (fetch(f"{base}/problems/") or "")
        assert server.poll() is None
        entities = project / "content" / "entities.yml"
        entities.write_text(entities.read_text(encoding="utf-8").replace(
            "kind: nonsense-", "kind: ", 1), encoding="utf-8")
        assert wait_for(lambda: "not built yet" not in (fetch(f"{base}/") or "not built yet"),
                        60), \
            "the briefing did not appear once the content was fixed"
        home = fetch(f"{base}/") or ""
        assert "Where accounts disagree" in home and banner(base) is None


def test_dirty_serve_rebuilds_what_changed_and_keeps_search_whole(tmp_path: Path) -> None:
    with served(tmp_path, "--dirty") as (project, base, _):
        index_before = fetch(f"{base}/search/search_index.json")
        assert index_before is not None
        claims = project / "content" / "claims.yml"
        text = claims.read_text(encoding="utf-8")
        marker = "Statement edited under dirty serve"
        claims.write_text(text.replace("statement: \"", f"statement: \"{marker}: ", 1),
                          encoding="utf-8")
        assert wait_for(lambda: marker in (fetch(f"{base}/claims/") or ""), 60), \
            "no rebuild after the edit"
        # The index is written just after the pages.
        assert wait_for(lambda: marker in (fetch(f"{base}/search/search_index.json") or ""),
                        30), "the search index missed the edit"
        index_after = fetch(f"{base}/search/search_index.json")
        assert index_after is not None
        # Pages the dirty rebuild skipped are still in the search index.
        assert index_after.count('"location"') == index_before.count('"location"')
        assert "about/" in index_after

        # Problems come and go in problems.json alone: no page changes with them, hand-written
        # or generated.
        edited = claims.read_text(encoding="utf-8")
        about, claims_page = page(f"{base}/about/"), page(f"{base}/claims/")
        claims.write_text(edited.replace("status: ", "status: bogus-", 1), encoding="utf-8")
        assert wait_for(lambda: banner_shows(base, any_problem=True), 60), "no problems shown"
        assert page(f"{base}/about/") == about
        assert page(f"{base}/claims/") == claims_page, "the last good pages were not kept"
        claims.write_text(edited, encoding="utf-8")
        assert wait_for(lambda: banner_shows(base, any_problem=False), 60)
        assert "No problems" in (fetch(f"{base}/problems/") or "")
        assert page(f"{base}/about/") == about


def test_a_server_stopped_by_sigterm_leaves_no_temporary_folders(tmp_path: Path) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    with served(tmp_path, "--dirty", env={"TMPDIR": str(scratch)}) as (_, _, server):
        # The served site is in the temporary folder while serving.
        assert "mkdocs" in {p.name.split("_")[0].split("-")[0] for p in scratch.iterdir()}
    # `served` stops the server with SIGTERM.
    assert server.returncode is not None
    assert list(scratch.iterdir()) == []


def test_a_page_mkdocs_cannot_read_or_build_leaves_the_server_answering(
        tmp_path: Path) -> None:
    # A hand-written page that is not UTF-8 from the start: the core reports it and the
    # page is left out, or MkDocs, reading it anyway, would stop `mkdocs serve` at once.
    def not_utf8(project: Path) -> None:
        (project / "content" / "pages" / "notes.md").write_bytes(b"# Notes\n\ncaf\xe9\n")

    with served(tmp_path, prepare=not_utf8, ready="/") as (project, base, server):
        problems = f"{base}/problems/"
        assert "content/pages/notes.md:3:4" in (fetch(problems) or "")
        # A page whose template does not exist: MkDocs would raise while building it, and
        # its server hold every request until a rebuild succeeded. The page is left out,
        # the error shown at its line.
        page = project / "content" / "pages" / "notes.md"
        page.write_text("---\ntemplate: missing.html\n---\n# Notes\n", encoding="utf-8")
        assert wait_for(lambda: "no template 'missing.html'" in (fetch(problems) or ""),
                        30), "no Problems page after a page asking for a missing template"
        shown = fetch(problems) or ""
        assert "[page-template-missing]" in shown and "content/pages/notes.md:2:11" in shown
        assert fetch(f"{base}/") is not None, "the server stopped answering"
        page.unlink()
        assert wait_for(lambda: "Where accounts disagree" in (fetch(f"{base}/") or ""), 30)
        assert "No problems" in (fetch(problems) or "")
        assert server.poll() is None
        # A broken link is MkDocs' to find, as it builds the page: it reports it in the
        # terminal, and the banner counts it from problems.json, which lists it for the
        # Problems page's script.
        page.write_text("# Notes\n\nSee [the claims](../claims.md).\n", encoding="utf-8")
        log = tmp_path / "mkdocs-serve.log"
        assert wait_for(lambda: "content/pages/notes.md:3:18: Doc file 'notes.md' contains a link"
                        in log.read_text(encoding="utf-8"), 30)
        assert wait_for(lambda: banner_shows(base, any_problem=True), 30)
        shown = banner(base)
        assert (shown["errors"], shown["warnings"]) == (0, 1)
        assert [link["at"] for link in shown["links"]] == ["content/pages/notes.md:3:18"]
        assert "data-briefing-link-problems" in (fetch(problems) or "")
        page.write_text("# Notes\n\nSee [the home page](index.md).\n", encoding="utf-8")
        assert wait_for(lambda: banner_shows(base, any_problem=False), 30), \
            "the link fixed, the banner still counts it"


def test_moves_are_noticed_once_notifications_are_on(tmp_path: Path) -> None:
    """After the first edit the content folder is watched through change notifications
    alone. A file renamed and renamed back, and a folder moved out (to the bin), are
    reported there in ways the server once passed over, serving the wrong site."""
    with served(tmp_path) as (project, base, _):
        claims = project / "content" / "claims.yml"
        claims.write_text(claims.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        brief = project / "content" / "briefs" / "musk-openai-bid.yml"
        moved = brief.with_name("musk-bid.yml")
        brief.rename(moved)
        assert wait_for(lambda: fetch(f"{base}/briefs/musk-bid/") is not None, 60)
        moved.rename(brief)
        assert wait_for(lambda: fetch(f"{base}/briefs/musk-openai-bid/") is not None, 60), \
            "the move back was not noticed"
        assert fetch(f"{base}/briefs/musk-bid/") is None
        (project / "content" / "sources").rename(tmp_path / "bin")
        assert wait_for(lambda: banner_shows(base, any_problem=True), 60), \
            "the folder moved out was not noticed"


def test_a_content_folder_named_while_serving_is_watched(tmp_path: Path) -> None:
    with served(tmp_path) as (project, base, _):
        shutil.copytree(project / "content", project / "content2",
                        ignore=shutil.ignore_patterns("pages"))
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert "content_dir: content\n" in text
        config.write_text(text.replace("content_dir: content\n", "content_dir: content2\n"),
                          encoding="utf-8")
        time.sleep(3)  # the rebuild that reads the new setting
        claims = project / "content2" / "claims.yml"
        marker = "Edited in the folder named while serving"
        claims.write_text(claims.read_text(encoding="utf-8").replace(
            'statement: "', f'statement: "{marker}: ', 1), encoding="utf-8")
        assert wait_for(lambda: marker in (fetch(f"{base}/claims/") or ""), 60), \
            "an edit in the new content folder was not noticed"
        # And back: the first folder is watched again.
        config.write_text(text, encoding="utf-8")
        time.sleep(3)
        claims = project / "content" / "claims.yml"
        claims.write_text(claims.read_text(encoding="utf-8").replace(
            'statement: "', 'statement: "Back in the first folder: ', 1), encoding="utf-8")
        assert wait_for(lambda: "Back in the first folder" in (fetch(f"{base}/claims/") or ""),
                        60), "an edit in the first content folder was not noticed"
        # A misspelt option: the Problems page lists it at its line, as `briefing check`
        # does.
        misspelt = text.replace("content_dir: content\n",
                                "content_dir: content\n      severty: {}\n")
        config.write_text(misspelt, encoding="utf-8")
        line = misspelt[:misspelt.index("severty")].count("\n") + 1
        assert wait_for(lambda: banner_shows(base, any_problem=True), 60), \
            "a misspelt option of the plugin's was not shown"
        listed = fetch(f"{base}/problems/") or ""
        assert f"mkdocs.yml:{line}:7" in listed and "config-option-unknown" in listed
        assert "severity" in listed  # the option meant
        assert banner(base)["warnings"] == 1


def test_a_hand_written_problems_page_is_named_a_collision_under_serve(tmp_path: Path) -> None:
    """Only `mkdocs serve` writes the Problems page: a hand-written `problems.md` was
    replaced by it without a word."""
    def prepare(project: Path) -> None:
        (project / "content" / "pages" / "problems.md").write_text("# Known problems\n")

    with served(tmp_path, prepare=prepare, ready="/problems/") as (_, base, _):
        page = fetch(f"{base}/problems/") or ""
        assert "page-collision" in page and "pages/problems.md" in page, page[:2000]
