"""An exception inside the build is a diagnostic, never a crash: the pipeline reports it as
`internal-error`, and under `mkdocs serve` a rebuild that raises anyway (MkDocs, a theme,
another plugin) runs again showing the last good pages and the Problems page."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from click.testing import CliRunner
from corpus_helpers import minimal_corpus, write_tree
from jinja2 import TemplateNotFound
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from briefing import pipeline
from briefing.buildcache import BuildCache
from briefing.cli import main
from briefing.diagnostics import Pos, Severity
from briefing.pageassets import PROBLEMS_JSON
from briefing.pipeline import build
from briefing.plugin.kept import PROGRAM_LOG
from briefing.plugin.live import GuardedBuilder, LiveSite


@pytest.fixture
def content(tmp_path: Path) -> Iterator[Path]:
    yield write_tree(tmp_path / "content", minimal_corpus())


def broken_link(*args: Any, **kwargs: Any) -> Any:
    raise ZeroDivisionError("a bug in the link stage")


def test_an_exception_in_a_stage_is_an_internal_error(content: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    cache = BuildCache()
    good = build(content, cache=cache)
    assert good.pages and not good.failed()
    monkeypatch.setattr(pipeline, "link", broken_link)
    (content / "claims.yml").write_text(
        (content / "claims.yml").read_text().replace("statement: \"", "statement: \"New: "))
    kept = cache.load
    result = build(content, cache=cache)
    assert result.pages == {} and isinstance(result.error, ZeroDivisionError)
    [diagnostic] = result.diagnostics
    assert (diagnostic.code, diagnostic.severity) == ("internal-error", Severity.ERROR)
    assert diagnostic.pos == Pos(content.as_posix())
    assert "ZeroDivisionError: a bug in the link stage" in diagnostic.message
    assert cache.pages.pages == {}, "a render cache that may be half updated was kept"
    assert cache.load is not kept and not cache.load.reads and cache.linked is None
    # The fault gone, the next build is the one a fresh process makes.
    monkeypatch.undo()
    again = build(content, cache=cache)
    assert again.pages == build(content).pages
    assert "New: " in "".join(again.pages.values())


def test_a_file_the_error_names_is_where_it_is_reported(content: Path) -> None:
    for named, where in ((content / "claims.yml", f"{content.as_posix()}/claims.yml"),
                         (content.parent / "elsewhere.yml", content.as_posix())):
        fault = FileNotFoundError(2, "No such file or directory", str(named))
        diagnostic = pipeline.internal_error(content, fault)
        assert diagnostic.pos == Pos(where)
    assert diagnostic.message == ("the build stopped on an unexpected error: FileNotFoundError: "
                                  f"[Errno 2] No such file or directory: '{named}'")
    assert pipeline.internal_error(content, FileNotFoundError(
        2, "No such file or directory", str(content / "claims.yml"))).message == (
        "the build stopped on an unexpected error: FileNotFoundError: No such file or directory")


def test_the_cli_reports_it_with_the_traceback(content: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "link", broken_link)
    result = CliRunner().invoke(main, ["check", "--content", str(content)])
    assert result.exit_code == 1
    assert "[internal-error]" in result.output
    assert "Traceback (most recent call last)" in result.output


class Builds:
    """A stand-in for MkDocs' builder: each call runs the next step, which may raise,
    after the settings were read (the plugin's `on_config`), unless `settings` fail."""

    def __init__(self, live: LiveSite, *steps: Exception | None, settings: bool = True
                 ) -> None:
        self.live, self.steps, self.seen = live, list(steps), list[tuple[str, ...]]()
        self.settings = settings

    def __call__(self) -> None:
        self.seen.append(tuple(d.code for d in self.live.failures))
        self.live.configured = self.settings
        step = self.steps.pop(0)
        if step is not None:
            raise step


def test_a_failed_rebuild_runs_again_with_the_failure_shown(tmp_path: Path) -> None:
    live = LiveSite(dirty=False)
    try:
        builds = Builds(live, OSError(2, "No such file or directory", "x.md"), None)
        GuardedBuilder(builds, live, tmp_path)()
        assert builds.seen == [(), ("internal-error",)]
        assert live.failures == () and live.left_out is None
        # Failing twice is logged, not raised: the server goes on answering.
        builds = Builds(live, RuntimeError("theme"), RuntimeError("theme"))
        GuardedBuilder(builds, live, tmp_path)()
        assert builds.seen == [(), ("internal-error",)] and live.failures == ()
    finally:
        live.close()


def test_the_page_a_failed_rebuild_was_reading_is_left_out_of_the_next(tmp_path: Path) -> None:
    live = LiveSite(dirty=False)
    pages = tmp_path / "content" / "pages"
    pages.mkdir(parents=True)
    (pages / "notes.md").write_text("# Notes\n")
    live.current = File("notes.md", src_dir=str(pages), dest_dir=str(tmp_path / "site"),
                        use_directory_urls=True)
    left_out: list[str | None] = []
    try:
        builds = Builds(live, UnicodeDecodeError("utf-8", b"\xe9", 0, 1, "invalid"), None)
        GuardedBuilder(lambda: (left_out.append(live.left_out), builds()),
                       live, tmp_path / "content")()
        assert left_out == [None, str(pages / "notes.md")]
        # (The failure as the retry showed it.)
        assert builds.seen == [(), ("internal-error",)]
        generated = File("x.md", src_dir=None, dest_dir=str(tmp_path / "site"),
                         use_directory_urls=True)
        generated.generated_by = "briefing"
        files = Files([live.current, generated])
        live.left_out = live.current.abs_src_path
        live.files_added(files, set(), SimpleNamespace(docs_dir=str(pages)))  # type: ignore
        assert [f.src_uri for f in files] == ["x.md"]
    finally:
        live.close()


def test_a_page_asking_for_a_template_there_is_not_is_left_out_of_the_next(
        tmp_path: Path) -> None:
    """A template looked up before any event names the page (one another plugin names, say:
    the plugin finds those pages' front matter names, `page-template-missing`): the page
    whose front matter names it is left out of the build showing the failure."""
    live = LiveSite(dirty=False)
    page = File("notes.md", src_dir=str(tmp_path), dest_dir=str(tmp_path / "site"),
                use_directory_urls=True)
    page.page = SimpleNamespace(meta={"template": "gone.html"})  # type: ignore[assignment]
    live.doc_files = [page]
    left_out: list[str | None] = []
    try:
        builds = Builds(live, TemplateNotFound("gone.html"), None)
        GuardedBuilder(lambda: (left_out.append(live.left_out), builds()), live, tmp_path)()
        assert left_out == [None, str(tmp_path / "notes.md")]
        assert builds.seen == [(), ("internal-error",)]
    finally:
        live.close()


def test_settings_that_fail_every_rebuild_are_not_run_again_but_shown(tmp_path: Path) -> None:
    """A rebuild that fails before the plugin's `on_config` completes fails on mkdocs.yml,
    as the next would: the banner's file carries what MkDocs logged about it."""
    live = LiveSite(dirty=False)
    live.site_dir = str(tmp_path / "site")
    try:
        def settings_refused() -> None:
            PROGRAM_LOG.getChild("config").error("Config value 'site_dir': not a str")
            Builds(live, Abort("Aborted with 1 configuration errors!"), settings=False)()

        GuardedBuilder(settings_refused, live, tmp_path / "content")()
        problems = json.loads((tmp_path / "site" / PROBLEMS_JSON).read_text())["problems"]
        assert problems["settings"] == "Config value 'site_dir': not a str"
        assert problems["errors"] == 1 and live.failures == ()
        # Nothing logged (a YAML error MkDocs raises): the exception's own words.
        builds = Builds(live, Abort("MkDocs encountered an error parsing the configuration "
                                    "file: line 3"), settings=False)
        GuardedBuilder(builds, live, tmp_path / "content")()
        assert builds.seen == [()], "run again"
        problems = json.loads((tmp_path / "site" / PROBLEMS_JSON).read_text())["problems"]
        assert problems["settings"].endswith("configuration file: line 3")
    finally:
        live.close()


def test_a_broken_mkdocs_yml_is_shown_at_its_line_in_the_banner_and_the_terminal(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """MkDocs raises a YAML error in mkdocs.yml without logging it, in words that name no
    file: the terminal and the banner say what `briefing check` says, at its position."""
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: [My briefing\nplugins: [briefing]\n", encoding="utf-8")
    live = LiveSite(dirty=False)
    live.site_dir, live.config_file = str(tmp_path / "site"), str(config)
    try:
        builds = Builds(live, Abort("MkDocs encountered an error parsing the configuration "
                                    "file"), settings=False)
        with caplog.at_level(logging.ERROR):
            GuardedBuilder(builds, live, tmp_path / "content")()
        problems = json.loads((tmp_path / "site" / PROBLEMS_JSON).read_text())["problems"]
        shown = f"{config.as_posix()}:2:8: error: YAML syntax error: "
        assert problems["settings"].startswith(shown), problems["settings"]
        assert "[yaml-syntax]" in problems["settings"]
        assert any(shown in r.getMessage() for r in caplog.records), caplog.text
        # Fixed, the file has no error: MkDocs' own words again.
        config.write_text("site_name: x\n", encoding="utf-8")
        GuardedBuilder(Builds(live, Abort("Aborted: theme"), settings=False), live,
                       tmp_path / "content")()
        problems = json.loads((tmp_path / "site" / PROBLEMS_JSON).read_text())["problems"]
        assert problems["settings"] == "Aborted: theme"
    finally:
        live.close()

