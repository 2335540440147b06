"""What the seed corpus must hold, checked against the built result."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from corpus_helpers import REPO, SEED

from briefing.link import Linked
from briefing.pipeline import build

SEEDS = REPO.parent / "shared" / "seeds"
SEED_FILES = {
    "000_8bdb651a0cd9c146.txt": "deepseek-traction-musk-bid",
    "001_922e46d0c0e7837c.txt": "deepseek-claims-under-scrutiny",
    "002_40af97e79c751cc2.txt": "deepseek-nature-cost-disclosure",
    "003_16879cc8dab30013.txt": "deepseek-sputnik-market-downturn",
}


@pytest.fixture(scope="module")
def linked() -> Linked:
    result = build(SEED)
    assert not result.diagnostics, "\n".join(d.format() for d in result.diagnostics)
    assert result.linked is not None
    return result.linked


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the checkout")
def test_articles_are_the_seeds_byte_for_byte() -> None:
    for seed, source_id in SEED_FILES.items():
        copy = SEED / "sources" / f"{source_id}.txt"
        assert copy.read_bytes() == (SEEDS / seed).read_bytes(), source_id


def figures(linked: Linked, metric: str) -> set[tuple[Decimal, Decimal, str | None]]:
    ledger = {m.metric: m for m in linked.ledger}[metric]
    return {(*v.figure.value, v.figure.subject.id if v.figure.subject else None)
            for v in ledger.values}


def test_the_key_figures_are_recorded_with_their_subjects(linked: Linked) -> None:
    cost = figures(linked, "training-cost")
    six, r1, v3 = Decimal(6_000_000), "deepseek-r1", "deepseek-v3"
    assert {(six, six, r1), (six, six, v3), (Decimal(294_000), Decimal(294_000), r1),
            (Decimal(80_000_000), Decimal(100_000_000), "gpt-4")} <= cost
    r1_six = [v for m in linked.ledger if m.metric == "training-cost" for v in m.values
              if v.figure.value == (six, six) and v.figure.subject
              and v.figure.subject.id == r1]
    assert {s.source_id for v in r1_six for s in v.stances
            if s.stance in ("asserts", "reports")} == {
        "deepseek-traction-musk-bid", "deepseek-claims-under-scrutiny"}
    chips = {value for value, _, _ in figures(linked, "training-chips")}
    assert {Decimal(2000), Decimal(512)} <= chips
    assert {value for value, _, _ in figures(linked, "total-parameters")} == {
        Decimal(671_000_000_000)}
    assert {value for value, _, _ in figures(linked, "active-parameters")} == {
        Decimal(37_000_000_000)}
    assert {value for value, _, _ in figures(linked, "bid-value")} == {
        Decimal("97400000000"), Decimal("9740000000")}
    disagreements = {m.metric: m.disagreements for m in linked.ledger}["training-cost"]
    assert {(d.kind, d.subject_id) for d in disagreements} >= {("values", r1),
                                                               ("subjects", None)}


def test_the_required_briefs_exist_and_each_cites_three_quotes(linked: Linked) -> None:
    assert {"deepseek-efficiency-claims", "deepseek-skepticism", "musk-openai-bid"} <= set(
        linked.briefs)
    for brief in linked.corpus.briefs:
        cited = {ref.id for s in brief.sections for p in s.points for ref in p.cites}
        assert len(cited) >= 3, brief.id


def test_only_the_dated_article_has_an_uninferred_date(linked: Linked) -> None:
    for source in linked.corpus.sources:
        date = source.published
        if source.id == "deepseek-traction-musk-bid":
            assert date is not None and date.iso == "2025-02-15" and not date.inferred
        else:
            assert date is None or date.year is None or (date.inferred and date.basis)


def test_the_skeptics_doubt_or_contradict_the_efficiency_claims(linked: Linked) -> None:
    speakers = {s.quote.speaker.id for claim in ("r1-training-cost-6m", "only-h800-chips")
                for s in linked.stances[claim] if s.quote.speaker}
    contradicting = {other for claim in ("r1-training-cost-6m", "only-h800-chips")
                     for _, other in linked.relations_in.get(claim, ())}
    claimants = {linked.claims[c].claimant.id for c in contradicting
                 if linked.claims[c].claimant}
    assert {"alexandr-wang", "ted-mortonson", "gavin-baker"} <= speakers | claimants


# Ways a test could reach the live content/ (directly, through the repository's mkdocs.yml,
# whose docs_dir and content_dir point into it, or by running in the repository's root).
LIVE_CORPUS = {
    "content folder": r"""REPO\s*/\s*["']content\b""",
    "content in a list of folders to copy": r"""in\s*[(\[]\s*["']content["']\s*,""",
    "repository's mkdocs.yml as the build's config": r"""str\(\s*REPO\s*/\s*["']mkdocs\.yml""",
    "repository root as working folder": r"""(cwd\s*=\s*|chdir\(\s*)REPO\b""",
}


def live_corpus_uses(text: str) -> list[str]:
    return [name for name, pattern in LIVE_CORPUS.items() if re.search(pattern, text)]


def test_no_test_reads_the_live_corpus() -> None:
    # Curators edit content/ freely; the tests must pass whatever it holds, so they use SEED.
    found = {path.relative_to(REPO).as_posix(): uses
             for path in sorted((REPO / "tests").rglob("*.py"))
             if path != Path(__file__)
             and (uses := live_corpus_uses(path.read_text(encoding="utf-8")))}
    assert found == {}, "use corpus_helpers.SEED or seed_project() instead"


@pytest.mark.parametrize("line", [
    'build(REPO / "content")',
    'for name in ("content", "theme"):',
    'for name in ["content", "theme"]:',
    'load_config(config_file=str(REPO / "mkdocs.yml"))',
    "subprocess.run(args, cwd=REPO)",
    "monkeypatch.chdir(REPO)",
])
def test_the_guard_sees_each_way_to_the_live_corpus(line: str) -> None:
    assert live_corpus_uses(line)


def test_the_fixture_is_a_whole_project_corpus() -> None:
    # seed_project() relies on the hand-written pages being part of the fixture.
    assert (SEED / "pages" / "about.md").is_file()
    assert len(list((SEED / "sources").glob("*.txt"))) == len(SEED_FILES)
