"""How good are `briefing new`'s suggestions? Precision and recall on held-out articles.

    .venv/bin/python -m benchmarks.suggestions

Two sets of articles, each compared with the annotation a curator wrote for it:

- each source of the fixed seed corpus (tests/fixtures/seed-content), taken out of the
  corpus in turn: its text is the new article, the rest of the corpus (its claims and
  entities, and the other sources) is what the suggestions may use, and its own
  annotation is the gold standard;
- the fictional articles of tests/fixtures/suggestions (`<name>.txt`), written for the
  test, against the whole seed corpus, with the annotation a curator would write for each
  (`<name>.gold.yml`) as the gold standard.

For each kind (quotes, claims, figures, entities) the precision is the share of the
suggestions that match the gold standard and the recall the share of the gold standard
that a suggestion matches, summed over all the articles. The matching rules are in
docs/suggestions.md, and in `quote_matches`, `figure_matches` and `gold_of_source` below.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import yaml

from briefing.load import load
from briefing.model import Corpus, Source
from briefing.suggest import Suggestions, suggest
from briefing.text import normalise_text
from briefing.validate import validate

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "seed-content"
ARTICLES = ROOT / "tests" / "fixtures" / "suggestions"
KINDS = ("quotes", "claims", "figures", "entities")
STANCES = ("asserts", "reports", "doubts", "refutes")
# A figure is (low, high, unit).
FigureValue = tuple[Decimal, Decimal, str]
S = TypeVar("S")
G = TypeVar("G")


@dataclass(frozen=True)
class GoldQuote:
    text: str
    claims: frozenset[str]  # the claims it takes a stance on, whatever the stance


@dataclass(frozen=True)
class Gold:
    quotes: tuple[GoldQuote, ...]
    figures: tuple[FigureValue, ...]
    entities: frozenset[str]

    @property
    def claims(self) -> frozenset[str]:
        return frozenset(c for q in self.quotes for c in q.claims)


@dataclass(frozen=True)
class Case:
    name: str
    text: str
    corpus: Corpus  # what the suggestions may use: never the article's own annotation
    gold: Gold


@dataclass
class Score:
    suggested: int = 0
    correct: int = 0  # suggestions that match the gold standard
    gold: int = 0
    found: int = 0  # gold items some suggestion matches
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.suggested if self.suggested else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0


# --- matching ------------------------------------------------------------------------------

def _folded(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9$%.,]+", normalise_text(text).lower())).strip(" .,")


def quote_matches(suggested: str, gold: str) -> bool:
    """The same passage: one holds the other (case, punctuation and spacing aside), or
    they share three quarters of the shorter one's words."""
    a, b = _folded(suggested), _folded(gold)
    if a in b or b in a:
        return True
    words_a, words_b = set(a.split()), set(b.split())
    shorter = min(len(words_a), len(words_b))
    return shorter > 0 and len(words_a & words_b) >= 0.75 * shorter


_CURRENCIES = frozenset({"USD", "EUR", "GBP"})
_DURATIONS = frozenset({"seconds", "minutes", "hours", "days", "weeks", "months", "years"})


def unit_class(unit: str) -> str:
    """Money in its currency, percentages, durations in their unit; any other unit is a
    count of something, and counts compare by value (2,000 "GPUs" are 2,000 "chips")."""
    if unit in _CURRENCIES or unit == "percent" or unit in _DURATIONS:
        return unit
    return "count"


def figure_matches(suggested: FigureValue, gold: FigureValue) -> bool:
    return suggested[:2] == gold[:2] and unit_class(suggested[2]) == unit_class(gold[2])


# --- the gold standards ----------------------------------------------------------------------

def gold_of_source(source: Source, corpus: Corpus) -> Gold:
    """A seed source's own annotation: its quotes, the claims they take a stance on, the
    figures of those claims, and the entities it refers to (the speakers of its quotes,
    and the claimants of its claims and the entities their statements name)."""
    quotes = tuple(GoldQuote(q.text, frozenset(r.id for s in STANCES for r in getattr(q, s)))
                   for q in source.quotes)
    claim_ids = frozenset(c for q in quotes for c in q.claims)
    claims = [c for c in corpus.claims if c.id in claim_ids]
    figures = tuple(dict.fromkeys((*f.value, f.unit) for c in claims for f in c.figures))
    entities = {q.speaker.id for q in source.quotes if q.speaker is not None}
    for claim in claims:
        if claim.claimant is not None:
            entities.add(claim.claimant.id)
        entities.update(part.ref.id for part in claim.statement.parts
                        if not isinstance(part, str) and part.ref.kind == "entity")
    return Gold(quotes, figures, frozenset(entities))


def gold_of_file(path: Path) -> Gold:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    quotes = tuple(GoldQuote(q["text"], frozenset(c for s in STANCES for c in q.get(s, ())))
                   for q in data["quotes"])
    figures = tuple((Decimal(str(f["value"])), Decimal(str(f["value"])), f["unit"])
                    for f in data["figures"])
    return Gold(quotes, figures, frozenset(data["entities"]))


def seed_corpus(content: Path = SEED) -> Corpus:
    return validate(load(content)).corpus


def cases(content: Path = SEED, articles: Path = ARTICLES) -> Iterator[Case]:
    corpus = seed_corpus(content)
    for source in corpus.sources:
        others = replace(corpus, sources=tuple(s for s in corpus.sources if s is not source))
        yield Case(source.id, source.text, others, gold_of_source(source, corpus))
    for path in sorted(articles.glob("*.txt")):
        gold = path.with_name(path.stem + ".gold.yml")
        yield Case(path.stem, path.read_text(encoding="utf-8"), corpus, gold_of_file(gold))


# --- scoring -----------------------------------------------------------------------------------

def score_case(case: Case, found: Suggestions, scores: dict[str, Score]) -> None:
    gold = case.gold
    _score(scores["quotes"], [q.text for q in found.quotes], [q.text for q in gold.quotes],
           quote_matches)
    # A claim link is right when the sentence it is made from matches a passage the gold
    # standard takes a stance on that claim in; a claim is found when one link to it is.
    links = [(c.id, c.sentence.text) for c in found.claims]
    passages = [(c, q.text) for q in gold.quotes for c in sorted(q.claims)]
    _score(scores["claims"], links, sorted(gold.claims),
           lambda link, claim: link[0] == claim and any(
               c == claim and quote_matches(link[1], text) for c, text in passages))
    figures = [(f.value[0], f.value[1], f.unit) for f in found.figures]
    _score(scores["figures"], figures, list(gold.figures), figure_matches)
    _score(scores["entities"], [e.id for e in found.known_entities], sorted(gold.entities),
           lambda a, b: a == b)


def _score(score: Score, suggested: Sequence[S], gold: Sequence[G],
           match: Callable[[S, G], bool]) -> None:
    hit = [any(match(s, g) for g in gold) for s in suggested]
    found = [any(match(s, g) for s in suggested) for g in gold]
    score.suggested += len(suggested)
    score.correct += sum(hit)
    score.gold += len(gold)
    score.found += sum(found)
    score.wrong += [str(s) for s, ok in zip(suggested, hit, strict=True) if not ok]
    score.misses += [str(g) for g, ok in zip(gold, found, strict=True) if not ok]


def measure(selected: Iterable[Case]) -> dict[str, Score]:
    scores = {kind: Score() for kind in KINDS}
    for case in selected:
        score_case(case, suggest(case.text, case.corpus, new_id=case.name), scores)
    return scores


def table(scores: dict[str, Score]) -> str:
    rows = ["| kind | precision | recall | suggested (right) | gold (found) |",
            "|---|---|---|---|---|"]
    rows += [f"| {kind} | {s.precision:.2f} | {s.recall:.2f} | {s.suggested} ({s.correct}) "
             f"| {s.gold} ({s.found}) |" for kind, s in scores.items()]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", default="", help="measure only the articles whose name "
                        "contains this text")
    parser.add_argument("--verbose", action="store_true",
                        help="list each wrong suggestion and each gold item missed")
    args = parser.parse_args(argv)
    selected = [c for c in cases() if args.only in c.name]
    seed = {s.id for s in seed_corpus().sources}
    for title, group in (("seed sources, each held out", [c for c in selected if c.name in seed]),
                         ("fictional articles", [c for c in selected if c.name not in seed])):
        if group:
            print(f"{title} ({len(group)}): " + ", ".join(c.name for c in group))
            print(table(measure(group)) + "\n")
    scores = measure(selected)
    print(f"all {len(selected)} articles")
    print(table(scores))
    if args.verbose:
        for kind, score in scores.items():
            for item in score.wrong:
                print(f"{kind}: wrong: {item[:150]}")
            for item in score.misses:
                print(f"{kind}: missed: {item[:150]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
