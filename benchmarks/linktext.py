"""Converting the generated pages with and without `linktext.NearLinkText`, side by side.

    .venv/bin/python -m benchmarks.linktext --sources 1000 --rounds 3

Writes the benchmark corpus of that size, renders its pages (`briefing build --out`), then
converts every page with Python-Markdown as the generated pages are converted (MkDocs'
extensions), once stock and once with the extension, alternating which goes first in each
round. Prints each side's median and range over the rounds, their ratio, and whether the
HTML was the same on every page.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import markdown

from briefing.linktext import NearLinkText
from briefing.pipeline import build

from .corpus import generate, write

EXTENSIONS = ("toc", "tables", "fenced_code", "attr_list")


def convert_all(md: markdown.Markdown, pages: list[str]) -> tuple[float, list[str]]:
    start = time.perf_counter()
    html = [md.reset().convert(page) for page in pages]
    return time.perf_counter() - start, html


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        content = write(Path(folder), generate(args.sources))
        pages = [text for _, text in sorted(build(content).pages.items())]
    sides = {"stock": markdown.Markdown(extensions=list(EXTENSIONS)),
             "near": markdown.Markdown(extensions=[*EXTENSIONS, NearLinkText()])}
    seconds: dict[str, list[float]] = {name: [] for name in sides}
    same = True
    for round_ in range(args.rounds):
        order = list(sides) if round_ % 2 == 0 else list(reversed(sides))
        html = {}
        for name in order:
            spent, html[name] = convert_all(sides[name], pages)
            seconds[name].append(spent)
        same = same and html["stock"] == html["near"]
    print(f"{len(pages)} pages of {args.sources} sources, {args.rounds} rounds")
    for name, values in seconds.items():
        print(f"{name}: median {statistics.median(values):.1f} s "
              f"({min(values):.1f} to {max(values):.1f})")
    ratios = [near / stock for near, stock in zip(seconds["near"], seconds["stock"], strict=True)]
    print(f"near / stock: median {statistics.median(ratios):.2f} "
          f"({min(ratios):.2f} to {max(ratios):.2f}); same HTML on every page: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
