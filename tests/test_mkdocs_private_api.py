"""What the plugin relies on of MkDocs beyond its public API (docs/architecture.md,
"Private MkDocs APIs"), checked under MkDocs and under ProperDocs, whose modules are a
separate copy (`properdocs.*`; under `properdocs` the plugin's `mkdocs.*` imports load
them). Each test fails when the program changes what the plugin uses, so that a new
release is caught here rather than by stale or broken pages.

Also: the core never imports MkDocs (only `briefing/plugin/` does).
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any, cast

import pytest

import briefing
from briefing.plugin import convert
from briefing.plugin.live import LiveSite
from briefing.plugin.search import SearchEntries
from briefing.searchindex import IndexText

PROGRAMS = ("mkdocs", "properdocs")


def module(program: str, name: str) -> ModuleType:
    return importlib.import_module(f"{program}.{name}")


def site(program: str, tmp_path: Path) -> Any:
    """A loaded configuration of a small site (pages a.md, b.md, sub/c.md)."""
    (tmp_path / "docs" / "sub").mkdir(parents=True)
    for path in ("a.md", "b.md", "sub/c.md"):
        (tmp_path / "docs" / path).write_text("# B\n\n## Part\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Test\nsite_url: https://example.org/site/\n"
        "theme: briefing\nmarkdown_extensions: [toc, tables, attr_list]\n",
        encoding="utf-8")
    config = module(program, "config").load_config(config_file=str(tmp_path / "mkdocs.yml"))
    config.plugins._current_plugin = None  # as the program sets it while running plugins
    return config


def site_files(program: str, config: Any) -> Any:
    return module(program, "structure.files").get_files(config)


@pytest.mark.parametrize("program", PROGRAMS)
def test_page_sets_its_canonical_url_in_one_overridable_method(
        program: str, tmp_path: Path) -> None:
    """`ConvertedPage._set_canonical_url` answers from its memory: the method must still be
    called once by `Page.__init__` with `site_url`, and set only these two attributes."""
    config = site(program, tmp_path)
    file = site_files(program, config).get_file_from_path("sub/c.md")
    page_class = module(program, "structure.pages").Page
    calls: list[str | None] = []

    class Recorded(page_class):  # type: ignore[misc, valid-type]
        def _set_canonical_url(self, base: str | None) -> None:
            calls.append(base)
            before = dict(vars(self))
            super()._set_canonical_url(base)
            assert {key for key in vars(self) if vars(self)[key] is not before.get(key)} \
                == {"canonical_url", "abs_url"}

    page = Recorded(None, file, config)
    assert calls == ["https://example.org/site/"]
    assert (page.canonical_url, page.abs_url) == ("https://example.org/site/sub/c/",
                                                  "/site/sub/c/")


def rendered_page(program: str, config: Any, files: Any, path: str) -> Any:
    page = module(program, "structure.pages").Page(None, files.get_file_from_path(path),
                                                   config)
    page.read_source(config)
    page.render(config, files)
    return page


@pytest.mark.parametrize("program", PROGRAMS)
def test_the_search_index_keeps_its_entries_in_a_list_it_serialises(
        program: str, tmp_path: Path) -> None:
    """The plugin reads and replaces `SearchIndex._entries` (trimming each page's entries,
    and under `--dirty` putting back the pages a rebuild skipped), and writes the index as
    `generate_search_index` does (`IndexText`)."""
    config = site(program, tmp_path)
    files = site_files(program, config)
    index = module(program, "contrib.search.search_index").SearchIndex(
        **config.plugins["search"].config)
    assert index._entries == []
    index.add_entry_from_context(rendered_page(program, config, files, "b.md"))
    assert isinstance(index._entries, list)
    assert [(e["title"], e["location"]) for e in index._entries] == [
        ("B", "b/"), ("B", "b/#b"), ("Part", "b/#part")]

    kept = [{"title": "T", "text": "", "location": "x/"}]
    index._entries = kept
    assert json.loads(index.generate_search_index())["docs"] == kept
    assert index.config.get("prebuild_index") is False
    assert IndexText().text(index.config, [("x.md", kept)]) == index.generate_search_index()


@pytest.mark.parametrize("program", PROGRAMS)
def test_the_search_plugin_writes_what_its_index_s_generate_search_index_returns(
        program: str, tmp_path: Path) -> None:
    """Under `--dirty` the plugin sets `generate_search_index` on the plugin's
    `search_index` to return the index serialised page by page."""
    config = site(program, tmp_path)
    search = config.plugins["search"]
    search.on_config(config)
    search.on_pre_build(config=config)
    search.search_index.generate_search_index = lambda: '{"docs":["kept"]}'
    search.on_post_build(config=config)
    written = Path(config.site_dir) / "search" / "search_index.json"
    assert written.read_text(encoding="utf-8") == '{"docs":["kept"]}'


@pytest.mark.parametrize("program", PROGRAMS)
def test_the_server_s_observer_builder_and_delay_are_the_attributes_it_uses(
        program: str, tmp_path: Path) -> None:
    """`on_serve` replaces the server's `observer` (change notifications, `docs_dir` moved
    onto them), `builder` (a rebuild that never raises) and `build_delay`."""
    server = module(program, "livereload").LiveReloadServer(
        builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    assert isinstance(server.build_delay, float)
    scheduled: list[str] = []
    unscheduled: list[str] = []

    class Observer:
        def schedule(self, handler: Any, path: str, *, recursive: bool = False) -> str:
            scheduled.append(path)
            return f"watch of {path}"

        def unschedule(self, watch: str) -> None:
            unscheduled.append(watch)

    server.observer = Observer()
    server.watch(str(tmp_path))
    assert scheduled == [str(tmp_path)]
    server.unwatch(str(tmp_path))  # the watch the observer made is the one it ends
    assert unscheduled == [f"watch of {tmp_path}"]
    built: list[bool] = []

    def stop_after_build() -> None:
        built.append(True)
        server._shutdown = True

    server.builder, server.build_delay = stop_after_build, 0.0
    server._want_rebuild = True  # as a change sets it; the rebuild loop calls `builder`
    server._build_loop()
    assert built == [True]
    server.server_close()


def test_the_core_never_imports_mkdocs() -> None:
    """Only the plugin adapts Briefing to MkDocs: importing every other module of the
    package loads neither MkDocs nor ProperDocs."""
    core = [f"briefing.{m.name}" for m in pkgutil.iter_modules(briefing.__path__)
            if m.name not in ("plugin", "__main__")]
    assert "briefing.pipeline" in core and "briefing.cli" in core
    code = ("import importlib, sys\n"
            f"for name in {core!r}: importlib.import_module(name)\n"
            "print(sorted(n for n in sys.modules if n.split('.')[0] in "
            "('mkdocs', 'properdocs')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


def test_the_plugin_logs_as_the_program_runs() -> None:
    """Under ProperDocs (whose command loads `properdocs.*` for `mkdocs.*` imports),
    MkDocs' messages come from the `properdocs` loggers: the plugin counts warnings
    (`kept.py`) and checks the link level (`convert.PAGES_LOG`) there."""
    code = ("import properdocs.replacement\n"
            "from briefing.plugin import convert, kept\n"
            "print(convert.PAGES_LOG.name, kept.PROGRAM_LOG.name)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.split() == ["properdocs.structure.pages", "properdocs"]
    assert convert.PAGES_LOG.name == "mkdocs.structure.pages"


def test_without_the_search_index_s_entries_the_search_plugin_indexes_alone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A release keeping the entries elsewhere: no page's entries are trimmed, and the
    index the search plugin writes is left alone."""
    index = SimpleNamespace(config={}, generate_search_index=lambda: "the plugin's")
    plugin = module("mkdocs", "contrib.search").SearchPlugin()
    plugin.search_index = index
    config: Any = SimpleNamespace(plugins={"search": plugin})
    search = SearchEntries(config)
    assert search.added(cast(Any, None)) is None
    live = LiveSite(dirty=True)
    try:
        live.doc_files = []
        live.build_finished(search, "problems/")
        assert index.generate_search_index() == "the plugin's"
        assert not hasattr(index, "_entries")
    finally:
        live.close()


def material_site(tmp_path: Path) -> Any:
    """`site`'s pages under `theme: material`, whose `- search` is Material's plugin."""
    pytest.importorskip("material")
    config = site("mkdocs", tmp_path)
    settings = tmp_path / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "theme: briefing", "theme: material\nplugins: [search]"), encoding="utf-8")
    config = module("mkdocs", "config").load_config(config_file=str(settings))
    config.plugins._current_plugin = None
    return config


def test_material_s_search_is_keyed_under_its_theme_and_found_there(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`- search` under `theme: material` is `material/search`, another class than
    MkDocs' plugin: `SearchEntries` finds it and knows it for Material's."""
    config = material_site(tmp_path)
    assert "search" not in config.plugins and "material/search" in config.plugins
    search = SearchEntries(config)
    assert search.plugin is config.plugins["material/search"]
    assert search.material and search.known and not search.stale_when_dirty()
    # A release merging otherwise: `--dirty` is refused (MkDocs keeps the instance, which
    # a plugin with `on_startup` is, for the process: put back after).
    monkeypatch.delattr(search.plugin, "search_index_prev")
    assert search.stale_when_dirty()
    monkeypatch.undo()
    monkeypatch.setattr(search.plugin, "search_index", SimpleNamespace(docs=[]),
                        raising=False)
    assert search.stale_when_dirty()


def test_material_s_index_keeps_its_entries_in_a_list_and_merges_its_last_when_dirty(
        tmp_path: Path) -> None:
    """The plugin reads Material's `SearchIndex.entries` (each page's, to put back the pages
    a dirty rebuild skipped) and replaces it with every page's, and sets the plugin's
    `search_index_prev` to None: otherwise a dirty build's index is the last one with
    only the first rebuilt page's entries replaced (stale, and growing)."""
    config = material_site(tmp_path)
    search = config.plugins["material/search"]
    search.on_startup(command="serve", dirty=True)
    try:
        merges_when_dirty(search, config)
    finally:  # (MkDocs keeps the instance for the process, as a plugin with `on_startup`)
        search.on_startup(command="build", dirty=False)
        search.search_index_prev = None


def merges_when_dirty(search: Any, config: Any) -> None:
    search.on_config(config)
    files = site_files("mkdocs", config)
    index = search.search_index
    assert index.entries == []
    index.add_entry_from_context(rendered_page("mkdocs", config, files, "b.md"))
    assert [(e["title"], e["location"]) for e in index.entries] == [
        ("B", "b/"), ("Part", "b/#part")]  # no whole-page entry: the cut page trims it

    search.on_post_build(config=config)
    written = Path(config.site_dir) / "search" / "search_index.json"
    last = json.loads(written.read_text(encoding="utf-8"))["docs"]
    assert search.search_index_prev is index  # kept for the next dirty build, which merges
    search.on_config(config)  # (each build has an index of its own)
    assert search.search_index is not index and search.search_index.entries == []
    kept = [{"location": "x/", "title": "X", "text": ""}]
    search.search_index.entries = kept
    search.on_post_build(config=config)  # merged: b/'s entries stay beside x/'s
    assert json.loads(written.read_text(encoding="utf-8"))["docs"] == last + kept

    search.on_config(config)
    search.search_index.entries = kept
    search.search_index_prev = None  # as `SearchEntries.whole` sets it: written as it is
    search.on_post_build(config=config)
    assert json.loads(written.read_text(encoding="utf-8"))["docs"] == kept
