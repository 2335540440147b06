"""The suggestions of `briefing new`, measured on held-out articles (benchmarks/suggestions.py,
docs/suggestions.md): the measurement runs, its matching rules hold, its gold standard is
sound, and the targets are met."""

from __future__ import annotations

from decimal import Decimal

import pytest

from benchmarks import suggestions as measured
from briefing.text import normalise_text


@pytest.fixture(scope="module")
def cases() -> list[measured.Case]:
    return list(measured.cases())


def test_the_targets_are_met(cases: list[measured.Case]) -> None:
    scores = measured.measure(cases)
    assert all(s.suggested and s.gold for s in scores.values()), measured.table(scores)
    claims, entities = scores["claims"], scores["entities"]
    assert claims.precision >= 0.8, claims.wrong
    assert claims.recall >= 0.8, claims.misses
    assert entities.precision >= 0.8, entities.wrong


def test_the_fictional_articles_meet_the_targets_too(cases: list[measured.Case]) -> None:
    seed = {s.id for s in measured.seed_corpus().sources}
    fictional = [c for c in cases if c.name not in seed]
    assert len(fictional) >= 2
    claims = measured.measure(fictional)["claims"]
    assert claims.precision >= 0.8 and claims.recall >= 0.8, (claims.wrong, claims.misses)


def test_each_seed_source_is_held_out_of_its_own_corpus(cases: list[measured.Case]) -> None:
    seed = measured.seed_corpus()
    assert len(seed.sources) >= 4
    for source in seed.sources:
        (case,) = [c for c in cases if c.name == source.id]
        assert source.id not in {s.id for s in case.corpus.sources}
        assert case.text == source.text and case.gold.quotes and case.gold.claims


def test_the_gold_standard_of_the_fictional_articles_is_sound(
        cases: list[measured.Case]) -> None:
    seed = measured.seed_corpus()
    claim_ids, entity_ids = {c.id for c in seed.claims}, {e.id for e in seed.entities}
    fictional = [c for c in cases if c.name not in {s.id for s in seed.sources}]
    for case in fictional:
        text = normalise_text(case.text)
        assert all(normalise_text(q.text) in text for q in case.gold.quotes), case.name
        assert case.gold.claims <= claim_ids and case.gold.entities <= entity_ids
        assert case.gold.figures


@pytest.mark.parametrize(("suggested", "gold", "matches"), [
    ("It cost $6 million.", "it cost $6 million", True),  # case and end punctuation aside
    ("Sputnik moment", "a \u201cSputnik moment\u201d for AI", True),  # one holds the other
    ("The firm said prices will fall next year, analysts agreed.",
     "The firm said prices would fall next year", True),  # most of the shorter's words
    ("Prices will fall.", "Prices will rise sharply next year", False),
])
def test_quotes_match_when_they_are_the_same_passage(suggested: str, gold: str,
                                                      matches: bool) -> None:
    assert measured.quote_matches(suggested, gold) is matches


def test_figures_match_by_value_and_kind_of_unit() -> None:
    two_thousand = (Decimal(2000), Decimal(2000))
    assert measured.figure_matches((*two_thousand, "GPUs"), (*two_thousand, "chips"))
    assert not measured.figure_matches((*two_thousand, "USD"), (*two_thousand, "chips"))
    assert not measured.figure_matches((*two_thousand, "hours"), (*two_thousand, "days"))
    assert not measured.figure_matches((Decimal(512), Decimal(512), "chips"),
                                       (*two_thousand, "chips"))


def test_the_command_prints_the_tables(capsys: pytest.CaptureFixture[str]) -> None:
    assert measured.main(["--only", "northgate-wire", "--verbose"]) == 0
    out = capsys.readouterr().out
    assert "fictional articles (1): northgate-wire-bid-rejected" in out
    assert "| claims |" in out and "seed sources" not in out
