"""Bounded work: inputs built to make a step quadratic get a result in linear time. These
tests count results and work, never time; each runs under a hang guard far above its
normal time (a quadratic step would take minutes on these inputs). The timings themselves
are in benchmarks/bounded.py and docs/performance.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from corpus_helpers import ARTICLE, BRIEF_YML, SOURCE_YML, hang_guard, minimal_corpus, write_tree
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing import link, starter, suggest
from briefing.load import load
from briefing.pipeline import build
from briefing.validate import validate
from briefing.yamlnodes import MAX_YAML_BYTES


def test_a_citation_repeated_20000_times_counts_once(tmp_path: Path) -> None:
    cites = "cites: [" + ", ".join(["acme-cost"] * 20_000) + "]"
    content = write_tree(tmp_path / "content", {
        **minimal_corpus(), "briefs/widget.yml": BRIEF_YML.replace("cites: [acme-cost]", cites)})
    with hang_guard(120):
        result = build(content)
    (warning,) = result.diagnostics
    assert warning.code == "ref-repeated" and "20,000 times" in warning.message
    assert (warning.pos.line, warning.pos.col) == (7, 28)  # the first repeat
    page = result.pages["briefs/widget.md"]
    assert page.count("#q-acme-cost){.cite}") == 1
    assert max(len(line) for line in page.split("\n")) < 1000


def test_a_passage_found_200000_times_is_anchored_by_its_prefix(tmp_path: Path) -> None:
    article = ARTICLE + "\n" + "ab " * 200_000 + "zz ab.\n"
    source = SOURCE_YML + '  - id: the-ab\n    text: "ab"\n    prefix: "zz"\n' \
        "    speaker: acme\n    asserts: [widget-cost-5m]\n"
    content = write_tree(tmp_path / "content", {
        **minimal_corpus(), "sources/acme-widget.txt": article,
        "sources/acme-widget.yml": source})
    with hang_guard(120):
        result = build(content)
    assert not result.failed(), [d.format() for d in result.diagnostics]
    anchor = result.linked.anchors["the-ab"] if result.linked else None
    assert anchor is not None and anchor.end - anchor.start == 2


def test_the_closest_passage_is_looked_for_within_a_budget(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = "".join(f'  - id: missing-{n}\n    text: "nothing of the sort {n}"\n'
                     for n in range(30))
    content = write_tree(tmp_path / "content", {
        **minimal_corpus(), "sources/acme-widget.yml": SOURCE_YML + broken})
    calls: list[str] = []
    real = link.closest_passage

    def counted(needle: str, haystacks: list[str]) -> tuple[str, float] | None:
        calls.append(needle)
        return real(needle, haystacks)

    monkeypatch.setattr(link, "closest_passage", counted)
    article = sum(len(block) for block in ARTICLE.split("\n"))  # more than the blocks
    monkeypatch.setattr(link, "FUZZY_BUDGET", 10 * len("nothing of the sort 10") * article)
    result = build(content)
    assert sum(d.code == "quote-not-found" for d in result.diagnostics) == 30
    assert 10 <= len(calls) < 30  # some hints have the passage, the rest go without


def test_words_are_compared_only_within_the_passages_the_budget_allows(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = "".join(f'  - id: close-{n}\n    text: "its widgets cost ${n} million"\n'
                     for n in range(30))
    content = write_tree(tmp_path / "content", {
        **minimal_corpus(), "sources/acme-widget.yml": SOURCE_YML + broken})
    passages: list[str] = []
    real = link.word_diff

    def counted(quote: str, passage: str) -> tuple[tuple[str, str], ...]:
        passages.append(passage)
        return real(quote, passage)

    monkeypatch.setattr(link, "word_diff", counted)
    article = sum(len(block) for block in ARTICLE.split("\n"))
    monkeypatch.setattr(link, "FUZZY_BUDGET", 10 * len("its widgets cost $10 million") * article)
    result = build(content)
    marked = [d for d in result.diagnostics if d.diff]
    assert sum(d.code == "quote-not-found" for d in result.diagnostics) == 30
    assert 10 <= len(marked) == len(passages) < 30
    # Each comparison is of the quote with a passage about its length, never the article.
    assert all(len(passage) < 2 * len("its widgets cost $10 million") for passage in passages)


def test_suggestions_stop_at_their_cap_and_the_starter_stays_checkable(tmp_path: Path) -> None:
    content = write_tree(tmp_path / "content", minimal_corpus())
    # One line: a thousand quotations, each twice (so each needs a prefix), known and
    # unknown names alternating in one long sentence, and figures and dates throughout.
    unit = ('"no deal {n}" said Max Roe and Acme and Jane Doe, "no deal {n}" said Zed Quux '
            "for $5 million on 15 February 2025 ")
    text = "Talks fail\n" + "".join(unit.format(n=n) for n in range(1_000)) + ".\n"
    corpus = validate(load(content)).corpus
    with hang_guard(120):
        found = suggest.suggest(text, corpus, new_id="talks-fail")
    assert len(found.quotes) == len(found.figures) == len(found.dates) == \
        suggest.MAX_SUGGESTIONS
    assert {e.id for e in found.known_entities} == {"acme", "jane-doe"}
    assert found.known_entities[0].count == 1_000
    assert all(q.prefix for q in found.quotes)
    assert all(len(q.prefix) <= suggest.WINDOW for q in found.quotes)
    added = starter.prepare(text.encode(), "talks.txt", content, tmp_path)
    assert len(added.starter) < MAX_YAML_BYTES
    starter.write_source(content, added.id, added.article, added.starter)
    # (But for the suggested date, unchecked until the curator checks it.)
    assert [d.code for d in build(content).diagnostics] == ["date-unconfirmed"]


def test_long_runs_are_not_suggested_whole() -> None:
    sentence = "Acme says " + "very " * 400 + "costly widgets cost $5 million."
    assert len(sentence) > suggest.MAX_PASSAGE
    assert suggest.find_figures("It cost $" + "9" * 500 + " million.") == ()
    assert suggest.find_new_names("Then " + "Zed " * 100 + "left.", ()) == ()
    lines = starter._figures(suggest.find_figures(sentence))
    assert all(len(line) <= 100 for line in lines)
    assert re.search("…", "\n".join(lines))


WORDS = st.lists(st.sampled_from(["a", "b", "ab", "ba", "aa"]), min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=3), WORDS)
def test_the_word_index_finds_every_occurrence_search_finds(
        blocks: list[list[str]], needle_words: list[str]) -> None:
    texts, needle = [" ".join(words) for words in blocks], " ".join(needle_words)
    searched = list(link.occurrences(texts, needle))
    assert list(link.occurrences(texts, needle, link.word_index(texts))) == searched
    assert searched == [(b, s) for b, text in enumerate(texts) for s in range(len(text))
                        if text.startswith(needle, s)]


def test_quotes_anchor_alike_with_and_without_the_index(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = ARTICLE + "\n" + " ".join(f"Point {n} of the plan is firm." for n in range(60))
    quotes = "".join(f'  - id: point-{n}\n    text: "Point {n} of the plan"\n'
                     for n in range(60))
    quotes += ('  - id: twice\n    text: "of the plan is"\n'  # everywhere: ambiguous
               '  - id: by-prefix\n    text: "of the plan is firm"\n    prefix: "Point 7"\n'
               '  - id: absent\n    text: "of the plan is loose"\n')
    content = write_tree(tmp_path / "content", {
        **minimal_corpus(), "sources/acme-widget.txt": article,
        "sources/acme-widget.yml": SOURCE_YML + quotes})

    def outcome() -> tuple[object, ...]:
        result = build(content)
        anchors = result.linked.anchors if result.linked else {}
        return (sorted((k, a.start, a.end) for k, a in anchors.items()),
                sorted((d.code, d.pos.line, d.message) for d in result.diagnostics))

    indexed = outcome()
    monkeypatch.setattr(link, "INDEX_QUOTES", 10_000)
    assert outcome() == indexed
    assert [code for code, *_ in indexed[1]] == ["quote-ambiguous", "quote-not-found"]
    assert len(indexed[0]) == 2 + 61  # the two of the corpus, 60 points and by-prefix


def test_quotes_across_breaks_are_looked_for_within_the_budget_too(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each quote not found was looked for across every line and paragraph break of the
    article, outside the budget: thousands of them on a long article took minutes."""
    broken = "".join(f'  - id: missing-{n}\n    text: "nothing of the sort {n}"\n'
                     for n in range(30))
    content = write_tree(tmp_path / "content", {
        **minimal_corpus(), "sources/acme-widget.yml": SOURCE_YML + broken})
    calls: list[str] = []
    real = link._across_breaks

    def counted(*args: object) -> object:
        calls.append("")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(link, "_across_breaks", counted)
    article = sum(len(block) for block in ARTICLE.split("\n"))
    monkeypatch.setattr(link, "FUZZY_BUDGET", 10 * len("nothing of the sort 10") * article)
    result = build(content)
    assert sum(d.code == "quote-not-found" for d in result.diagnostics) == 30
    assert 5 <= len(calls) < 30


def test_the_cleaning_rule_blamed_is_the_one_that_cuts_the_quote(tmp_path: Path) -> None:
    source = SOURCE_YML.replace('remove: ["date 2025-01-02"]',
                                'remove: ["date 2025-01-02", "costs"]')
    content = write_tree(tmp_path / "content", {
        **minimal_corpus(), "sources/acme-widget.yml": source})
    (cut,) = [d for d in build(content).diagnostics if d.code == "quote-not-found"]
    assert "`remove: 'costs'` cuts" in cut.message, cut.message


def test_lines_cut_by_cleaning_are_normalised_once_for_all_quotes_not_found(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = ARTICLE + "".join(f"Advertisement {n}\n" for n in range(200))
    source = SOURCE_YML.replace('remove: ["date 2025-01-02"]',
                                'remove: ["date 2025-01-02", "Advertisement"]')
    broken = "".join(f'  - id: missing-{n}\n    text: "nothing of the sort {n}"\n'
                     for n in range(100))
    content = write_tree(tmp_path / "content", {
        **minimal_corpus(), "sources/acme-widget.txt": article,
        "sources/acme-widget.yml": source + broken})
    calls = [0]
    real = link.normalise_text

    def counted(text: str) -> str:
        calls[0] += 1
        return real(text)

    monkeypatch.setattr(link, "normalise_text", counted)
    result = build(content)
    assert sum(d.code == "quote-not-found" for d in result.diagnostics) == 100, \
        [d.format() for d in result.diagnostics]
    assert calls[0] < 2_000  # not a line per rule per quote: 200 x 100
