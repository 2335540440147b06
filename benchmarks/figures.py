"""How good are `briefing new`'s figures on articles in other languages than English?

    .venv/bin/python -m benchmarks.figures
    .venv/bin/python -m benchmarks.figures --verbose  # and every wrong figure and miss

Each article of tests/fixtures/suggestions/figures and each of
tests/fixtures/suggestions/names (`<name>.txt`, fictional, written for the measurement)
whose gold file (`<name>.gold.yml`) lists `figures` is read in the gold file's language:
`figures` are the figures a curator would take, each as the suggestion writes it
(`found`: "500 Stellen", "2,1 bis 2,3 Milliarden Euro"), and the figures article's
`acceptable` are right when suggested but not missed when not. A suggested figure is
right when it is one of these as written; the precision is the share of the suggested
figures that are right, the recall the share of `figures` some suggestion matches:
each article's, then each language's over its articles (`benchmarks.names` scores
them as it scores names).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import yaml

from benchmarks.names import Case, run
from briefing.suggest import find_figures

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "suggestions"
ARTICLES = (FIXTURES / "figures", FIXTURES / "names")


def cases(folders: tuple[Path, ...] = ARTICLES) -> Iterator[Case]:
    """The articles whose gold lists figures, each figure as a name of one spelling."""
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            gold = yaml.safe_load(path.with_name(path.stem + ".gold.yml").read_text("utf-8"))
            if "figures" in gold:
                acceptable = gold.get("acceptable", ()) if folder.name == "figures" else ()
                yield Case(path.stem, gold["language"], path.read_text("utf-8"),
                           tuple(frozenset([str(f)]) for f in gold["figures"] or ()),
                           frozenset(acceptable))


def suggested_figures(case: Case) -> list[str]:
    return [f.found for f in find_figures(case.text, language=case.language)]


def main(argv: list[str] | None = None) -> int:
    return run(argv, cases(), suggested_figures, "figures", __doc__)


if __name__ == "__main__":
    raise SystemExit(main())
