"""Rebuilds reuse a page only when its view is unchanged, so an edit of any field must give,
after an incremental build, exactly the pages and feed of a build from nothing.

The edits are generated from the schema: for every `spec_field` of every annotation kind
(briefing/model.py), one edit of that field, of a kind its spec accepts (another id of the
right kind, another choice, other text, another date…), on each of two corpora
(tests/property_corpora.py): the seed corpus with each claim in a file of its own, and a
small synthetic corpus holding the shapes the seed does not. Every field must hold a value
where it is edited in one corpus or the other, and every spec type must have an edit, so
a new field or type fails here until the corpora and the edits cover it. Every edit is
checked in one pass over a copy of the corpus: undo the last edit, make this one, rebuild
with the kept build cache and with the pipeline's results store on disk (holding the first
build's results, which must not be taken for these), compare with a clean build; undo,
and the store must give the first build's results back. The loop is exhaustive and
deterministic.

At the site level, as MkDocs writes it (every page, the search index, the feed, the
sitemap), edits chosen to reach every annotation kind and spec type, in two steps: after
each, a `mkdocs serve --dirty` session (started cold for the first, over the disk cache
for the second) and a new `mkdocs build` process given the disk cache the last build left
(`.cache/briefing/`) must both give exactly a build from nothing.

Faults are planted to show the checks can fail (tests/planted_leak.py): a claim page that
also counts its claimant's claims from the whole corpus, as a view query that reads more
than the inputs its kept result is checked against (caught at both levels); results kept
on disk under a key that leaves out the content; conversions kept on disk under a key
that leaves out the Markdown extensions' settings.

The file takes about a minute of CPU, most of it in the two exhaustive loops (a clean
build per edit) and the site-level MkDocs builds: the price of checking every field and
the whole site; each part is run once for all the tests that use it.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jinja2
import pytest
import yaml
from corpus_helpers import minimal_corpus, seed_project, served_search, write_tree
from planted_leak import plant, plant_results_key
from property_corpora import CORPORA, dump
from site_builds import SERVE_URL, Builds, Served, changed_files

from briefing import coverage as coverage_module
from briefing import render as render_module
from briefing import views_items
from briefing.buildcache import BuildCache
from briefing.model import (
    STANCES,
    Brief,
    ClaimsFile,
    Day,
    EntitiesFile,
    LineNumber,
    NamesFile,
    Source,
)
from briefing.pipeline import BuildResult, build
from briefing.plan import PlannedPage
from briefing.render import PageCache, render_page
from briefing.results import ResultStore
from briefing.schema import (
    At,
    Choice,
    DateSpec,
    Flag,
    LanguageTag,
    ListOf,
    Number,
    NumberOrRange,
    Obj,
    ProseText,
    RefTo,
    Slug,
    Spec,
    SubjectSpec,
    Text,
    Url,
)

OPTIONS: dict[str, Any] = {"site_title": "Views", "site_url": "https://example.org/v/"}
# The annotation files and the model each holds.
FILES: tuple[tuple[str, type[Any]], ...] = (
    ("sources/*.yml", Source), ("claims/*.yml", ClaimsFile), ("entities.yml", EntitiesFile),
    ("entities/*.yml", EntitiesFile),
    ("briefs/*.yml", Brief), ("names.yml", NamesFile))


@dataclasses.dataclass(frozen=True)
class Site:
    """One mapping of an annotation file that holds an object of `model`."""

    file: str
    path: tuple[str | int, ...]
    model: type[Any]


def sites(model: type[Any], data: Any, file: str, path: tuple[str | int, ...] = ()
          ) -> Iterator[Site]:
    yield Site(file, path, model)
    for f in dataclasses.fields(model):
        spec, value = f.metadata.get("spec"), data.get(f.name)
        if isinstance(spec, Obj) and isinstance(value, dict):
            yield from sites(spec.cls, value, file, (*path, f.name))
        elif isinstance(spec, ListOf) and isinstance(spec.item, Obj) and value:
            for n, item in enumerate(value):
                yield from sites(spec.item.cls, item, file, (*path, f.name, n))


def at(data: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def load_tree(root: Path) -> dict[str, Any]:
    return {p.relative_to(root).as_posix(): yaml.safe_load(p.read_text(encoding="utf-8"))
            for pattern, _ in FILES for p in sorted(root.glob(pattern))}


def ids(tree: dict[str, Any]) -> dict[str, list[str]]:
    """Every id of each kind, for edits that name another item."""
    sources = {f: d for f, d in tree.items() if f.startswith("sources/")}
    return {
        "source": [Path(f).stem for f in sources],
        "brief": [Path(f).stem for f in tree if f.startswith("briefs/")],
        "quote": [q["id"] for d in sources.values() for q in d.get("quotes", [])],
        "claim": [c["id"] for f, d in tree.items() if f.startswith("claims/")
                  for c in d["claims"]],
        "entity": [e["id"] for f, d in tree.items() if f.startswith("entities")
                   for e in d["entities"]],
    }


def other(known: list[str], *taken: Any) -> str:
    return next(i for i in known if i not in taken)


def edited(spec: Spec, value: Any, known: dict[str, list[str]]) -> Any:
    """Another value the spec accepts (or, for ids and quoted text, one it may refuse:
    an error must then be reported alike by both builds)."""
    if isinstance(spec, At):
        return edited(spec.inner, value, known)
    if isinstance(spec, ListOf):
        items = list(value or [])
        new = edited(spec.item, items[-1] if items else None, known) \
            if not isinstance(spec.item, RefTo) else other(known[spec.item.kind], *items)
        return [*items[:-1], new] if items else [new]
    if isinstance(spec, RefTo):
        return other(known[spec.kind], value)
    if isinstance(spec, Choice):
        return spec.values[(spec.values.index(value) + 1) % len(spec.values)] \
            if value in spec.values else spec.values[-1]
    if isinstance(spec, Flag):
        return not value
    if isinstance(spec, Url):
        return "https://example.org/edited"
    if isinstance(spec, LanguageTag):  # another language: other hedge words, a `lang`
        return "de" if value != "de" else "sv"
    if isinstance(spec, NumberOrRange):
        return [value[0], value[1] * 2] if isinstance(value, list) else (value or 1) * 3
    if isinstance(spec, Number):
        return (value or 0) + 1
    if isinstance(spec, SubjectSpec):
        # A named subject becomes another entity read by the curator, and an inferred one
        # plain: the pages mark the reading, and must lose the mark.
        if isinstance(value, dict) and value.get("inferred"):
            return value["entity"]
        entity = value["entity"] if isinstance(value, dict) else value
        return {"entity": other(known["entity"], entity), "inferred": True, "basis": "Edited."}
    if isinstance(spec, DateSpec):
        return {**value, "date": "2024-06"} if isinstance(value, dict) else "2024-06"
    if isinstance(spec, ProseText):
        return f"{value} Edited [[entity:{known['entity'][0]}]]." if value \
            else "Edited prose."
    if isinstance(spec, Slug):
        return f"{value}-edited" if value else "edited"
    if isinstance(spec, Text):
        words = str(value or "").split()
        # A quote's words must stay in its source: drop its last word instead.
        return " ".join(words[:-1]) if len(words) > 3 and getattr(spec, "quoted", False) \
            else f"{value or ''} edited".strip()
    if isinstance(spec, Day):
        return "2026-01-02"  # the curator's `updated:` day
    if isinstance(spec, LineNumber):
        return (value or 1) + 1
    raise AssertionError(f"no edit for {type(spec).__name__}: add one here")


@dataclasses.dataclass(frozen=True)
class Edit:
    name: str  # Model.field
    file: str
    change: Callable[[Any], None]  # of the parsed file
    was_set: bool  # the field held a value where it is edited
    spec: Spec


def edits(root: Path) -> Iterator[Edit]:
    """An edit of every field of every model the corpus in `root` holds."""
    tree = load_tree(root)
    known = ids(tree)
    found: dict[type[Any], list[tuple[Site, Any]]] = {}
    for pattern, model in FILES:
        for file, data in tree.items():
            if Path(file).match(pattern):
                for site in sites(model, data, file):
                    found.setdefault(site.model, []).append((site, at(data, site.path)))
    for model, places in found.items():
        for f in dataclasses.fields(model):
            spec = f.metadata.get("spec")
            if spec is None or holds_objects(spec):
                continue  # their own fields are edited one by one
            # The first object that sets the field, or else the first one.
            site, held = next(((s, d) for s, d in places if d.get(f.name) not in (None, [])),
                              places[0])
            new = edited(spec, held.get(f.name), known)

            def change(data: Any, site: Site = site, name: str = f.name, new: Any = new
                       ) -> None:
                at(data, site.path)[name] = new

            yield Edit(f"{model.__name__}.{f.name}", site.file, change,
                       held.get(f.name) not in (None, []), spec)


def holds_objects(spec: Spec) -> bool:
    return isinstance(spec, Obj) or (isinstance(spec, ListOf) and isinstance(spec.item, Obj))


def schema_fields() -> set[str]:
    """Every field the schema declares in the annotation files, as `Model.field`, but
    those holding objects (whose fields are listed instead)."""
    out: set[str] = set()
    todo, seen = [model for _, model in FILES], set()
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for f in dataclasses.fields(model):
            spec = f.metadata.get("spec")
            if spec is None:
                continue
            if holds_objects(spec):
                todo.append(spec.cls if isinstance(spec, Obj) else spec.item.cls)
            else:
                out.add(f"{model.__name__}.{f.name}")
    return out


def differences(kept: BuildResult, clean: BuildResult) -> list[str]:
    out = [p for p in sorted(set(kept.pages) | set(clean.pages))
           if kept.pages.get(p) != clean.pages.get(p)]
    if kept.files != clean.files:
        out.append("feed")
    if kept.diagnostics != clean.diagnostics:
        out.append("diagnostics")
    return out


def apply(content: Path, edit: Edit) -> str:
    """Makes the edit; returns the file's text before it."""
    path = content / edit.file
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    edit.change(data)
    path.write_text(dump(data), encoding="utf-8")
    return text


@dataclasses.dataclass(frozen=True)
class Outcome:
    wrong: list[str]  # what the incremental builds got wrong
    fit: bool  # for the site-level test: the edit changes pages and makes no diagnostic


def stale_after_each_edit(root: Path, corpus: str, names: set[str] | None = None
                          ) -> dict[str, Outcome]:
    """For each edit: what the incremental build and the build from the disk store got
    wrong (empty when nothing). The kept build cache goes from one edit to the next (the
    last one undone, this one made); the store, from the first build to each edit, and
    after undoing the edit back to the first build's results, which it must read."""
    content, first_results, results = root / "content", root / "results", root / "store"
    CORPORA[corpus](content)
    cache = BuildCache()
    first = build(content, cache=cache, store=ResultStore(first_results), **OPTIONS)
    assert not first.diagnostics
    # The clean builds share compiled templates (they depend on the package alone, and
    # compiling them takes longer than building either corpus); the rest is made anew.
    templates = render_module.environment()

    def clean_build() -> BuildResult:
        pages = PageCache()
        pages.env = templates
        return build(content, cache=BuildCache(pages=pages), **OPTIONS)

    assert differences(clean_build(), build(content, **OPTIONS)) == []
    out: dict[str, Outcome] = {}
    for edit in edits(content):
        if names is not None and edit.name not in names:
            continue
        text = apply(content, edit)
        # The store holds the first build's results only, which are not this build's.
        shutil.rmtree(results, ignore_errors=True)
        shutil.copytree(first_results, results)
        kept = build(content, cache=cache, store=ResultStore(results), **OPTIONS)
        clean = clean_build()
        wrong = differences(kept, clean)
        (content / edit.file).write_text(text, encoding="utf-8")
        store = ResultStore(first_results)
        wrong += [f"from disk: {p}" for p in differences(
            build(content, store=store, **OPTIONS), first)] + ([] if store.hit else
                                                                 ["from disk: not read"])
        out[edit.name] = Outcome(wrong, not clean.diagnostics
                                 and bool(differences(clean, first)))
    # The last edit undone in the kept build cache too.
    out[list(out)[-1]].wrong.extend(
        f"undone: {p}" for p in differences(build(content, cache=cache, **OPTIONS), first))
    return out


@pytest.fixture(scope="module")
def exhaustive(tmp_path_factory: pytest.TempPathFactory
               ) -> Callable[[str], dict[str, Outcome]]:
    """Every edit of a corpus checked, once for all the tests of this module."""
    done: dict[str, dict[str, Outcome]] = {}

    def outcomes(corpus: str) -> dict[str, Outcome]:
        if corpus not in done:
            done[corpus] = stale_after_each_edit(tmp_path_factory.mktemp(corpus), corpus)
        return done[corpus]

    return outcomes


@pytest.mark.parametrize("corpus", CORPORA)
def test_every_field_edit_rebuilds_exactly_the_clean_site(
        exhaustive: Callable[[str], dict[str, Outcome]], corpus: str) -> None:
    outcomes = exhaustive(corpus)
    # Every field of every annotation kind the corpus holds was edited (the seed corpus
    # has no extraction record).
    fields = schema_fields() - ({"Extraction.by", "Extraction.version", "Extraction.pages"}
                                if corpus == "seed" else set())
    assert set(outcomes) == fields
    assert {name: o.wrong for name, o in outcomes.items() if o.wrong} == {}
    assert sum(o.fit for o in outcomes.values()) >= len(outcomes) // 2


@pytest.mark.parametrize("corpus", CORPORA)
def test_a_passage_taking_another_stance_on_the_same_claim_rebuilds_the_clean_site(
        tmp_path: Path, corpus: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The field edits move a passage from one claim to another; this one keeps the passage
    and the claim and changes only the stance, which rows and tables keyed by what they
    show of a claim's stances (source, stance, passage) must tell apart. The claim is
    taken by this passage and one refuting it in another source, so its stances keep their
    order; with a source per coverage table, the other table's row (its tally) changes
    while that table's sources do not."""
    monkeypatch.setattr(coverage_module, "COVERAGE_COLUMNS", 1)
    content = tmp_path / "content"
    CORPORA[corpus](content)
    files = {f: yaml.safe_load(f.read_text(encoding="utf-8"))
             for f in sorted(content.glob("sources/*.yml"))}
    quotes = [(f, q) for f, d in files.items() for q in d.get("quotes") or ()]
    path, quote = next((f, q) for f, q in quotes if q.get("asserts"))
    claim = quote["asserts"][-1]
    for _, other in quotes:
        for stance in STANCES:
            if other is not quote and claim in (other.get(stance) or ()):
                other[stance] = [c for c in other[stance] if c != claim]
    refuting = next(q for f, q in quotes if f != path)
    refuting["refutes"] = [*(refuting.get("refutes") or ()), claim]
    for f, data in files.items():
        f.write_text(dump(data), encoding="utf-8")
    cache = BuildCache()
    first = build(content, cache=cache, **OPTIONS)
    quote["asserts"].remove(claim)
    quote["doubts"] = [*(quote.get("doubts") or ()), claim]
    path.write_text(dump(files[path]), encoding="utf-8")
    clean = build(content, **OPTIONS)
    assert differences(clean, first)  # the edit shows
    assert differences(build(content, cache=cache, **OPTIONS), clean) == []


@pytest.mark.parametrize("corpus", CORPORA)
def test_an_entity_renamed_to_spell_a_topics_word_rebuilds_the_clean_site(
        tmp_path: Path, corpus: str) -> None:
    """A topic's words are spelled as the entities' names spell them (`markup.topic_label`),
    so renaming an entity respells the topics sharing a word with it, on their pages, the
    topics index, the claims index and every page of a claim holding them, though no claim
    changed. The field edits append a word to a name, which respells no topic of either
    corpus; this edit gives the first entity a topic's word in capitals (a topic names.yml
    does not name: its name is as the curator wrote it)."""
    content = tmp_path / "content"
    CORPORA[corpus](content)
    cache = BuildCache()
    first = build(content, cache=cache, **OPTIONS)
    tree = load_tree(content)
    named = {n["id"] for n in (tree.get("names.yml") or {}).get("topics") or ()}
    topic = next(t for f, d in tree.items() if f.startswith("claims/")
                 for c in d["claims"] for t in c.get("topics", ()) if t not in named)
    word = topic.split("-")[-1]
    path = next(content / f for f in tree if f.startswith("entities"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["entities"][0]["name"] += f" {word.upper()}"
    path.write_text(dump(data), encoding="utf-8")
    clean = build(content, **OPTIONS)
    page = f"topics/t-{topic}.md"
    heading = clean.pages[page].partition("\n# ")[2].splitlines()[0]
    assert word.upper() in heading.split(), heading
    assert page in differences(clean, first)
    assert differences(build(content, cache=cache, **OPTIONS), clean) == []


def test_every_field_is_edited_where_it_holds_a_value_in_one_corpus_or_the_other(
        tmp_path: Path) -> None:
    # An edit that sets a field no object holds tests less than one that changes a value
    # (a new field fails here until a corpus holds it).
    set_somewhere: set[str] = set()
    for corpus, make in CORPORA.items():
        make(tmp_path / corpus)
        set_somewhere |= {edit.name for edit in edits(tmp_path / corpus) if edit.was_set}
    assert sorted(schema_fields() - set_somewhere) == []


def kinds(spec: Spec) -> set[str]:
    """The spec's type and those it wraps."""
    inner = spec.item if isinstance(spec, ListOf) else spec.inner if isinstance(spec, At) \
        else None
    return {type(spec).__name__, *(kinds(inner) if inner else ())}


def site_steps(edits: list[Edit], outcomes: dict[str, Outcome]) -> list[list[Edit]]:
    """Few edits that together reach every annotation kind and every spec type the fit
    edits reach (chosen greedily, in schema order), dealt into two steps: one rebuilt by a
    session started cold, one by a session started over the disk cache."""
    fit = [edit for edit in edits if outcomes[edit.name].fit]
    labels = {edit.name: {edit.name.partition(".")[0], *kinds(edit.spec)} for edit in fit}
    uncovered = set().union(*labels.values())
    chosen: list[Edit] = []
    while uncovered:
        chosen.append(max(fit, key=lambda edit: len(labels[edit.name] & uncovered)))
        uncovered -= labels[chosen[-1].name]
    return [chosen[0::2], chosen[1::2]]


@pytest.fixture(scope="module")
def built() -> Iterator[Builds]:
    if not hasattr(os, "fork"):
        pytest.skip("the site-level builds are processes forked from a worker (POSIX)")
    builds = Builds()
    yield builds
    builds.close()


def site_project(root: Path, corpus: Callable[[Path], object],
                 monkeypatch: pytest.MonkeyPatch) -> Path:
    """The repository's site over the corpus `corpus` writes, configured as `mkdocs serve`
    runs it."""
    corpus(root / "corpus")
    project = seed_project(root / "project", root / "corpus")
    settings = (project / "mkdocs.yml").read_text(encoding="utf-8")
    # The quote picker (on under serve only) adds to source pages what a build does not.
    assert "      content_dir: content\n" in settings
    (project / "mkdocs.yml").write_text(settings.replace(
        "      content_dir: content\n", "      content_dir: content\n      quote_picker: never\n",
        1), encoding="utf-8")
    served_search(project)  # and its search, as serving has it
    monkeypatch.setenv("BRIEFING_SITE_URL", SERVE_URL)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.chdir(project)
    return project


def written(folder: Path) -> dict[str, int]:
    """Each file's inode: an entry made again is a new file renamed into place."""
    return {p.relative_to(folder).as_posix(): p.stat().st_ino
            for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("corpus", CORPORA)
def test_dirty_serve_and_a_build_from_the_disk_cache_give_the_clean_site(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built: Builds,
        exhaustive: Callable[[str], dict[str, Outcome]], corpus: str) -> None:
    """The whole site, as MkDocs writes it (every page, the search index, the feed, the
    sitemap), after each of two steps of edits: from a `mkdocs serve --dirty` session and
    from a new `mkdocs build` process given the disk cache the last build wrote, each
    equal byte for byte to a build from nothing. Between the steps, the session is
    stopped and a new one started over the disk cache (its first build read from it, its
    memory filled in the background), which rebuilds the second step from what it filled.
    MkDocs takes about a second for a build, so a few edits stand for every kind of edit
    here; the pipeline-level test above checks each edit alone."""
    project = site_project(tmp_path, CORPORA[corpus], monkeypatch)
    content, cache = project / "content", project / ".cache"
    cold_step, warm_step = site_steps(list(edits(content)), exhaustive(corpus))
    wrong: dict[str, dict[str, list[str]]] = {}

    def step(serve: Served, edits: list[Edit]) -> dict[str, bytes]:
        for edit in edits:
            apply(content, edit)
        served = serve.rebuild()
        serve.halt()  # the session writes into the cache while idle
        from_disk = built(project, tmp_path / "from-disk")  # the last build's cache
        shutil.rmtree(cache)
        clean = built(project, tmp_path / "clean")
        wrong[" + ".join(edit.name for edit in edits)] = {
            "served": changed_files(served, clean), "from disk": changed_files(from_disk, clean)}
        return clean

    with built.serve(project, tmp_path / "served") as serve:
        served = serve.rebuild()  # a cold start: nothing on disk yet
        serve.halt()
        shutil.rmtree(cache)
        clean = built(project, tmp_path / "clean")
        wrong["cold start"] = {"served": changed_files(served, clean)}
        assert "search/search_index.json" in clean and "feed.xml" in clean
        clean = step(serve, cold_step)
    kept = written(cache)
    with built.serve(project, tmp_path / "warm") as serve:
        wrong["warm start"] = {"served": changed_files(serve.rebuild(), clean)}
        serve.halt()
        assert written(cache) == kept, "the warm start made again what was on disk"
        step(serve, warm_step)
    assert len(wrong) == 4
    assert {name: w for name, w in wrong.items() if any(w.values())} == {}


@pytest.mark.parametrize("corpus", CORPORA)
def test_a_view_query_reading_past_its_inputs_is_caught(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus: str) -> None:
    """The leak the design must not allow (tests/planted_leak.py, `plant`)."""
    plant(monkeypatch.setattr)
    wrong = stale_after_each_edit(tmp_path, corpus, {"Claim.claimant"})["Claim.claimant"].wrong
    assert wrong, "the planted leak went unnoticed"
    assert all(p.startswith(("claims/", "undone: claims/")) for p in wrong)


def test_results_kept_on_disk_under_too_narrow_a_key_are_caught(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plant_results_key(monkeypatch.setattr)
    wrong = stale_after_each_edit(tmp_path, "synthetic", {"Entity.name"})["Entity.name"].wrong
    # The edited corpus was given the first build's results.
    assert wrong, "the planted fault went unnoticed"
    assert not any(p.startswith("from disk") for p in wrong)


def test_the_planted_leak_is_caught_on_the_served_site_too(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built: Builds) -> None:
    # On the synthetic corpus, whose site MkDocs builds quicker; both builds have the leak.
    project = site_project(tmp_path, CORPORA["synthetic"], monkeypatch)
    edit = next(e for e in edits(project / "content") if e.name == "Claim.claimant")
    leak = "claimant count"
    with built.serve(project, tmp_path / "served", plant=leak) as serve:
        serve.rebuild()
        apply(project / "content", edit)
        served = serve.rebuild()
    clean = built(project, tmp_path / "clean", plant=leak)
    page = "claims/claim-00000/index.html"
    assert b"by the claimant)" in served[page] and b"by the claimant)" in clean[page]
    stale = changed_files(served, clean)
    assert stale, "the planted leak went unnoticed"
    assert all(p.startswith("claims/") or p == "search/search_index.json" for p in stale)


def test_a_conversion_kept_on_disk_under_too_narrow_a_key_is_caught(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built: Builds) -> None:
    # On the smallest corpus: MkDocs builds it quickest.
    project = site_project(tmp_path, lambda root: write_tree(root, minimal_corpus()),
                           monkeypatch)
    fault = "conversion key"
    built(project, tmp_path / "first", plant=fault)  # writes the cache
    settings = project / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "permalink: false", "permalink: true"), encoding="utf-8")
    from_disk = built(project, tmp_path / "from-disk", plant=fault)
    shutil.rmtree(project / ".cache")
    stale = changed_files(from_disk, built(project, tmp_path / "clean"))
    assert "sources/acme-widget/index.html" in stale, "the planted fault went unnoticed"


def test_a_template_cannot_read_what_its_view_does_not_hold(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The same leak written in a template: the corpus is not in its context, so it fails
    at once instead of rendering a page that may go stale."""
    # (An overlay: the environment itself may be shared, `tests/conftest.py`.)
    leaky = jinja2.DictLoader({"claim.md.j2": "{{ lk.corpus.claims|length }} claims"})
    env = render_module.environment().overlay(loader=leaky)
    view = views_items.ClaimView("t", "reported", (), 0, None, "", (), (), None, "", (), (), (),
                                 (), (), (), (), ())
    with pytest.raises(jinja2.UndefinedError, match="'lk' is undefined"):
        render_page(PlannedPage("claims/x.md", "claim.md.j2", view, ""),
                    render_module.Links("claims/x.md"), env)
