"""The incremental path of `mkdocs serve --dirty`: after each kind of edit, the pages the
plugin keeps, the built site and the search index are exactly what a clean build makes,
and pages the edit does not touch are not rebuilt."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from corpus_helpers import REPO, SEED, minimal_corpus, served_search, write_tree
from site_builds import Serving, served_files

from briefing.load import LoadStore, load
from briefing.pipeline import build as pipeline_build
from briefing.validate import ValidateStore, validate

SECOND_TXT = "Jane Doe wrote that Acme Corp will cut the widget price next year.\n"
SECOND_YML = """\
title: "Acme may cut the price"
published: "2025-02"
quotes:
  - id: doe-price-cut
    text: "Acme Corp will cut the widget price next year"
    speaker: jane-doe
    doubts: [widget-cost-5m]
"""


def mtimes(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns
            for p in site.rglob("*.html")}


@pytest.fixture
def serving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Serving]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.delenv("BRIEFING_SITE_URL", raising=False)
    project = tmp_path / "project"
    write_tree(project / "content", minimal_corpus())
    shutil.copytree(SEED / "pages", project / "content" / "pages")
    shutil.copytree(REPO / "theme", project / "theme")
    # The quote picker (on under serve only) adds to source pages what a clean build does
    # not have; the comparison is of the pages both builds make.
    settings = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "      content_dir: content\n" in settings
    (project / "mkdocs.yml").write_text(settings.replace(
        "      content_dir: content\n",
        "      content_dir: content\n      quote_picker: never\n", 1), encoding="utf-8")
    served_search(project)  # and its search, as serving has it
    monkeypatch.chdir(project)
    state = Serving(project)
    state.rebuild()
    yield state
    state.close()


def clean_build(project: Path) -> Path:
    site = project / "clean"
    shutil.rmtree(site, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
                   cwd=project, check=True)
    return site


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def assert_same_as_clean(serving: Serving) -> None:
    content = serving.project / "content"
    assert serving.pages() == pipeline_build(
        content, site_title=serving.first.site_name).pages
    clean = served_files(clean_build(serving.project))
    served = served_files(serving.site)
    assert sorted(served) == sorted(clean)
    different = [name for name in clean if served[name] != clean[name]]
    assert not different, f"stale after the edit: {different}"
    assert "search/search_index.json" in served


EDITS = {
    "quote text": ("sources/acme-widget.yml", '"its widget costs $5 million"',
                   '"widget costs $5 million"'),
    # A doubt turned into a refutation: the claim's evidence and pages change, and its
    # status (disputed) still fits, so the build stays free of status-evidence warnings.
    "claim evidence": ("sources/acme-widget.yml", "doubts: [widget-cost-5m]",
                       "refutes: [widget-cost-5m]"),
    "entity rename": ("entities.yml", "name: Jane Doe", "name: Jane Q. Doe"),
    "brief edit": ("briefs/widget.yml", "title: The widget price",
                   "title: What the widget costs"),
    # A point before the claim's: the claim page's way back names its point by number.
    "brief point added": ("briefs/widget.yml", "    points:\n      - text: \"Acme says",
                          "    points:\n      - text: \"Acme sells a widget.\"\n"
                          "        cites: [acme-cost]\n      - text: \"Acme says"),
}


@pytest.mark.parametrize("kind", sorted(EDITS))
def test_an_edit_gives_the_clean_build(serving: Serving, kind: str) -> None:
    assert_same_as_clean(serving)
    rel, old, new = EDITS[kind]
    before = mtimes(serving.site)
    edit(serving.project / "content" / rel, old, new)
    serving.rebuild()
    assert_same_as_clean(serving)
    after = mtimes(serving.site)
    rebuilt = {name for name in after if after[name] != before.get(name)}
    assert rebuilt, "nothing was rebuilt"
    # The hand-written page does not depend on the corpus, so the dirty build skipped it.
    assert "about/index.html" not in rebuilt


def test_a_new_then_deleted_source_gives_the_clean_build(serving: Serving) -> None:
    sources = serving.project / "content" / "sources"
    (sources / "acme-followup.txt").write_text(SECOND_TXT, encoding="utf-8")
    (sources / "acme-followup.yml").write_text(SECOND_YML, encoding="utf-8")
    serving.rebuild()
    assert (serving.site / "sources" / "acme-followup" / "index.html").is_file()
    assert_same_as_clean(serving)

    (sources / "acme-followup.txt").unlink()
    (sources / "acme-followup.yml").unlink()
    serving.rebuild()
    assert not (serving.site / "sources" / "acme-followup").exists()
    assert_same_as_clean(serving)


def test_a_warning_changes_problems_json_and_no_page_it_did_not_change(
        serving: Serving) -> None:
    # A warning shows a banner on every page, drawn by the pages' script from
    # problems.json: the dirty rebuild converts only the pages the edit changed, and the
    # result is what rebuilding every page gives.
    claims = serving.project / "content" / "claims.yml"
    before = served_files(serving.site)
    assert json.loads(before["assets/briefing/problems.json"]) == {"problems": None}
    edit(claims, "status: disputed", "status: corroborated")  # one source: a warning
    serving.rebuild()
    live = serving.first.plugins["briefing"].live  # type: ignore[attr-defined]
    assert live.served.problems.warnings == 1 and not live.rebuild_all
    served = served_files(serving.site)
    assert json.loads(served["assets/briefing/problems.json"])["problems"] == {
        "errors": 0, "warnings": 1, "text": "0 errors, 1 warning", "kept_last_good": True,
        "href": "problems/", "links": []}
    assert not any(b"problems-banner" in served[name] for name in served
                   if name.endswith(".html"))
    assert served["about/index.html"] == before["about/index.html"]
    config = serving.project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    serving.rebuild()  # a changed mkdocs.yml rebuilds every page
    assert live.rebuild_all
    rebuilt = served_files(serving.site)
    assert [name for name in rebuilt if served.get(name) != rebuilt[name]] == []

    edit(claims, "status: corroborated", "status: disputed")
    serving.rebuild()
    served = served_files(serving.site)
    assert json.loads(served["assets/briefing/problems.json"]) == {"problems": None}
    # Every page is byte for byte as it was before the warning.
    assert [name for name in before if name.endswith(".html")
            and served[name] != before[name]] == []


def test_generated_files_other_than_pages_are_written_only_when_they_change(
        serving: Serving) -> None:
    # Styles, scripts, problems.json and the feed are content in memory, which MkDocs
    # writes again on every dirty build unless told they did not change.
    def written() -> dict[str, tuple[int, bytes]]:
        return {p.relative_to(serving.site).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
                for p in serving.site.rglob("*") if p.suffix in (".css", ".js", ".json", ".xml")
                and p.name not in ("sitemap.xml", "search_index.json")}

    before = written()
    assert {"assets/briefing/features.css", "assets/briefing/problems.json",
            "feed.xml"} <= before.keys()
    style = serving.site / "assets" / "briefing" / "features.css"
    style.write_bytes(b"/* changed */")  # not what the build made: written again
    edit(serving.project / "content" / "claims.yml", "status: disputed",
         "status: corroborated")  # a warning: problems.json changes
    serving.rebuild()
    after = written()
    assert after[style.relative_to(serving.site).as_posix()][1] == before[
        style.relative_to(serving.site).as_posix()][1]
    rewritten = {name for name in before if after[name][0] != before[name][0]}
    changed = {name for name in before if after[name][1] != before[name][1]}
    assert "assets/briefing/problems.json" in changed
    assert rewritten == changed | {"assets/briefing/features.css"}
    assert len(before) - len(rewritten) >= 10


def test_a_new_hand_written_page_rebuilds_every_page(serving: Serving) -> None:
    # Hand-written pages join the section list shown on every page.
    (serving.project / "content" / "pages" / "method.md").write_text(
        "# Method\n\nHow the corpus was chosen.\n", encoding="utf-8")
    serving.rebuild()
    assert_same_as_clean(serving)


def test_a_deleted_hand_written_page_is_gone(serving: Serving) -> None:
    notes = serving.project / "content" / "pages" / "notes.md"
    notes.write_text("# Notes\n\nKept for a while.\n", encoding="utf-8")
    serving.rebuild()
    assert (serving.site / "notes" / "index.html").is_file()
    notes.unlink()
    serving.rebuild()
    assert not (serving.site / "notes").exists(), "a dirty build deletes nothing itself"
    assert_same_as_clean(serving)


def test_a_hand_written_link_reads_as_the_pages_there_are(serving: Serving) -> None:
    """A hand-written page's link to a generated page is resolved (or reported) as the
    build's files have it: when they change, the page is built again."""
    (serving.project / "content" / "pages" / "links.md").write_text(
        "# Links\n\nSee [the follow-up](sources/acme-followup.md).\n", encoding="utf-8")
    serving.rebuild()
    links = serving.site / "links" / "index.html"
    assert 'href="sources/acme-followup.md"' in links.read_text(encoding="utf-8")
    sources = serving.project / "content" / "sources"
    (sources / "acme-followup.txt").write_text(SECOND_TXT, encoding="utf-8")
    (sources / "acme-followup.yml").write_text(SECOND_YML, encoding="utf-8")
    serving.rebuild()
    assert 'href="../sources/acme-followup/"' in links.read_text(encoding="utf-8")
    assert_same_as_clean(serving)


def test_switching_the_url_style_leaves_no_pages_of_the_other(serving: Serving) -> None:
    config = serving.project / "mkdocs.yml"
    settings = config.read_text(encoding="utf-8")
    config.write_text(settings + "use_directory_urls: false\n", encoding="utf-8")
    serving.rebuild()
    assert (serving.site / "claims" / "widget-cost-5m.html").is_file()
    assert not (serving.site / "claims" / "widget-cost-5m").exists()
    assert_same_as_clean(serving)
    config.write_text(settings, encoding="utf-8")
    serving.rebuild()
    assert not (serving.site / "claims" / "widget-cost-5m.html").exists()
    assert_same_as_clean(serving)


def test_a_page_whose_output_went_missing_is_written_again_alone(serving: Serving) -> None:
    # Something other than the server may delete what it wrote (a cleaner of the temporary
    # folder): the next rebuild writes that page again, and only that page.
    serving.rebuild()  # one that found every output in place
    output = serving.site / "claims" / "widget-cost-5m" / "index.html"
    written = output.read_bytes()
    output.unlink()
    before = mtimes(serving.site)
    serving.rebuild()
    assert output.read_bytes() == written
    after = mtimes(serving.site)
    # (The theme's 404 page is written on every build.)
    assert [name for name in before if after[name] != before[name]] == ["404.html"]
    serving.rebuild()  # and a rebuild after that sees it written
    assert {**mtimes(serving.site), "404.html": 0} == {**after, "404.html": 0}


def test_validation_reuses_unchanged_files_and_equals_a_fresh_run(tmp_path: Path) -> None:
    content = write_tree(tmp_path / "content", minimal_corpus())
    store, loaded = ValidateStore(), LoadStore()
    first = validate(load(content, loaded), store)
    edit(content / "claims.yml", "status: disputed", "status: bogus")
    cached = validate(load(content, loaded), store)
    fresh = validate(load(content))
    assert cached == fresh
    assert any(d.code == "schema-choice" for d in cached.diagnostics), cached.diagnostics
    # The untouched source file was not converted again.
    assert cached.corpus.sources[0] is first.corpus.sources[0]
    assert fresh.corpus.sources[0] is not first.corpus.sources[0]


# Edits to the seed corpus, each valid, that reach many kinds of page.
def test_a_rebuild_that_fails_midway_leaves_its_pages_to_the_next(
        serving: Serving, monkeypatch: pytest.MonkeyPatch) -> None:
    # The plugin tells MkDocs which stored pages changed; a build that stops before writing
    # them must not make the next one think they are written.
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    rel, old, new = EDITS["entity rename"]
    edit(serving.project / "content" / rel, old, new)
    with monkeypatch.context() as patch:
        patch.setattr("mkdocs.commands.build._build_page", interrupted)
        with pytest.raises(KeyboardInterrupt):
            serving.rebuild()
    serving.rebuild()
    assert_same_as_clean(serving)
