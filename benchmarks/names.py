"""How good are `briefing new`'s new names on articles in other languages than English?

    .venv/bin/python -m benchmarks.names
    .venv/bin/python -m benchmarks.names --verbose  # and every wrong name and miss

Each article of tests/fixtures/suggestions/names (`<name>.txt`, fictional, written for
the measurement) comes with the names a curator would take from it (`<name>.gold.yml`):
`names`, each a name or the spellings of one name that are all right (an article
inflects some: "der Hanseatischen Privatbank"), and `acceptable`, names that are right
when suggested but not missed when not (places above all). The article is read in the
language its gold file gives, against an empty corpus, so every name is a new one.

A suggested name is right when it is one of those spellings, as written: a name with a
title or a role left on it ("Konzernchef Jörg Haberland") is wrong, and so is an ordinary
noun ("Unternehmen"). The precision is the share of the suggested names that are right,
the recall the share of `names` some suggestion matches, summed over the articles: each
article's, then each language's over its articles.
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from benchmarks.suggestions import Score
from briefing.model import Corpus
from briefing.suggest import suggest

ARTICLES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "suggestions" \
    / "names"


@dataclass(frozen=True)
class Case:
    name: str
    language: str
    text: str
    names: tuple[frozenset[str], ...]  # each: the spellings of one name
    acceptable: frozenset[str]


def cases(articles: Path = ARTICLES) -> Iterator[Case]:
    for path in sorted(articles.glob("*.txt")):
        gold = yaml.safe_load(path.with_name(path.stem + ".gold.yml").read_text("utf-8"))
        names = tuple(frozenset([n] if isinstance(n, str) else n) for n in gold["names"])
        yield Case(path.stem, gold["language"], path.read_text("utf-8"), names,
                   frozenset(gold.get("acceptable", ())))


def suggested_names(case: Case) -> list[str]:
    found = suggest(case.text, Corpus((), (), (), ()), new_id=case.name,
                    language=case.language)
    return [e.name for e in found.new_names]


def score(case: Case, score: Score | None = None,
          suggested_of: Callable[[Case], list[str]] = suggested_names) -> Score:
    """`case`'s score, added to `score`, of what `suggested_of` suggests from it."""
    score = score or Score()
    suggested = suggested_of(case)
    right = frozenset().union(*case.names) | case.acceptable
    score.suggested += len(suggested)
    score.correct += sum(name in right for name in suggested)
    score.wrong += [f"{case.name}: {name}" for name in suggested if name not in right]
    score.gold += len(case.names)
    found = [bool(spellings & set(suggested)) for spellings in case.names]
    score.found += sum(found)
    score.misses += [f"{case.name}: {' / '.join(sorted(spellings))}"
                     for spellings, ok in zip(case.names, found, strict=True) if not ok]
    return score


def main(argv: list[str] | None = None) -> int:
    return run(argv, cases(), suggested_names, "names", __doc__)


def run(argv: list[str] | None, measured: Iterable[Case],
        suggested_of: Callable[[Case], list[str]], counted: str, doc: str | None) -> int:
    """Print the table of `measured`'s precision and recall (`table`) of what
    `suggested_of` suggests, `counted` being what is suggested ("names")."""
    parser = argparse.ArgumentParser(description=(doc or "").split("\n")[0])
    parser.add_argument("--verbose", action="store_true",
                        help=f"list each wrong suggestion and each of the {counted} missed")
    args = parser.parse_args(argv)
    print("\n".join(table([(c.name, c.language,
                            functools.partial(score, c, suggested_of=suggested_of))
                           for c in measured], counted, verbose=args.verbose)))
    return 0


def table(scored: Iterable[tuple[str, str, Callable[[Score], Score]]], counted: str, *,
          verbose: bool = False) -> list[str]:
    """The rows of a Markdown table of each article's (name, language, its score added
    to a given one) precision and recall, then each language's, with each wrong
    suggestion and miss when `verbose`."""
    rows = [f"| article | language | precision | recall | suggested (right) "
            f"| {counted} (found) |", "|---|---|---|---|---|---|"]
    languages: dict[str, Score] = {}
    for name, language, add_to in scored:
        s = add_to(Score())
        add_to(languages.setdefault(language, Score()))
        rows.append(_row(name, language, s))
        if verbose:
            rows += [f"wrong: {item}" for item in s.wrong]
            rows += [f"missed: {item}" for item in s.misses]
    return rows + [_row("all", language, s) for language, s in sorted(languages.items())]


def _row(name: str, language: str, s: Score) -> str:
    return (f"| {name} | {language} | {s.precision:.2f} | {s.recall:.2f} "
            f"| {s.suggested} ({s.correct}) | {s.gold} ({s.found}) |")


if __name__ == "__main__":
    raise SystemExit(main())
