"""No generated page grows with the whole corpus, and splitting pages loses nothing.

A synthetic corpus of a few hundred sources (benchmarks/corpus.py) is rendered twice: with
the real page limits, where every page must stay under PAGE_BOUND, and with small limits,
so that every kind of split page (coverage blocks, metric pages, entity pages, index and
timeline pages) is split, and then compared with a render that splits nothing.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter

import pytest

from benchmarks.corpus import generate, write
from briefing import paging
from briefing.link import Linked
from briefing.pipeline import build
from briefing.render import render
from briefing.views import amount as format_figure

# The largest Markdown page allowed, whatever the corpus size (docs/performance.md, "Page
# size bound"). At 200 sources the old single coverage page was 450 KB.
PAGE_BOUND = 256 * 1024
SOURCES = 200
LIMITS = ("COVERAGE_TABLES_PER_PAGE", "FIGURE_VALUES_PER_PAGE", "ENTITY_ITEMS_PER_PAGE",
          "LISTING_ROWS_PER_PAGE")

LINK = re.compile(r"\]\(([^)\s#]*)(?:#([^)\s]*))?\)")
IDS = re.compile(r"\{#([\w-]+)\}|\bid=\"([\w-]+)\"")
PAGED = re.compile(r"/page-\d+\.md$")


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Linked:
    content = write(tmp_path_factory.mktemp("corpus") / "content", generate(SOURCES))
    result = build(content)
    assert not result.failed() and result.linked is not None
    return result.linked


def family(path: str) -> str:
    """The page a split page belongs to: `entities/x/page-2.md` -> `entities/x.md`."""
    return PAGED.sub(".md", path)


def absolute_links(path: str, text: str) -> str:
    """Relative links resolved from the page's folder, so pages at different depths compare."""
    def resolve(match: re.Match[str]) -> str:
        target, anchor = match.group(1), match.group(2)
        if target and "://" not in target:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
        return f"]({target}{'#' + anchor if anchor else ''})"
    return LINK.sub(resolve, text)


def items(path: str, text: str) -> list[str]:
    """List items and table rows (not headers), with links made absolute."""
    return [line for line in absolute_links(path, text).splitlines()
            if (line.startswith("- ") or line.startswith("| "))
            and not re.match(r"\| (Claim|Value|Published|Metric|Sources|Name) \|", line)]


def test_no_page_exceeds_the_bound(
        linked: Linked, split_and_whole: tuple[dict[str, str], dict[str, str]]) -> None:
    pages = render(linked)
    sizes = sorted(((len(text.encode()), path) for path, text in pages.items()), reverse=True)
    assert sizes[0][0] <= PAGE_BOUND, f"largest pages: {sizes[:5]}"
    # The corpus is large enough that the bound needed splitting.
    assert any(path.startswith("coverage/") for path in pages)
    assert any(path.startswith("entities/") and PAGED.search(path) for path in pages)
    _, whole = split_and_whole
    assert max(len(text.encode()) for text in whole.values()) > PAGE_BOUND


@pytest.fixture(scope="module")
def split_and_whole(linked: Linked) -> tuple[dict[str, str], dict[str, str]]:
    with pytest.MonkeyPatch.context() as patch:
        for name, value in zip(LIMITS, (2, 15, 40, 60), strict=True):
            patch.setattr(paging, name, value)
        split = render(linked)
        for name in LIMITS:
            patch.setattr(paging, name, 10**9)
        whole = render(linked)
    return split, whole


def test_split_pages_hold_exactly_the_items_of_the_whole_page(
        split_and_whole: tuple[dict[str, str], dict[str, str]]) -> None:
    split, whole = split_and_whole
    families: dict[str, list[str]] = {}
    for path in split:  # pages are rendered in order: page 1, page 2, …
        families.setdefault(family(path), []).append(path)
    checked: Counter[str] = Counter()
    for base, paths in families.items():
        if len(paths) == 1 or base == "coverage.md":
            continue
        assert base in whole and base in split, base
        joined = [line for path in paths for line in items(path, split[path])]
        assert joined == items(base, whole[base]), base
        checked[base.split("/")[0]] += 1
    # Every kind of split page was split and compared.
    assert {"entities", "figures", "claims", "sources", "timeline.md"} <= set(checked)


def test_every_coverage_cell_is_on_exactly_one_coverage_page(
        linked: Linked, split_and_whole: tuple[dict[str, str], dict[str, str]]) -> None:
    split, _ = split_and_whole
    parts = [path for path in split if path.startswith("coverage/")]
    assert len(parts) > 3
    cell = re.compile(r"sources/([\w-]+)\.md#q-([\w-]+)\)\{\.stance \.stance-(\w+)\}")
    found: Counter[tuple[str, str, str]] = Counter()
    for path in ["coverage.md", *parts]:
        for line in absolute_links(path, split[path]).splitlines():
            claim = re.match(r"\| \[.*?\]\(claims/([\w-]+)\.md\)", line)
            if claim:
                for source, _, stance in cell.findall(line):
                    found[(claim.group(1), source, stance)] += 1
    expected = {(s.claim_id, s.source_id, s.stance)
                for group in linked.stances.values() for s in group}
    assert set(found) == expected
    assert set(found.values()) == {1}


def test_every_figure_value_is_on_its_metric_pages(
        linked: Linked, split_and_whole: tuple[dict[str, str], dict[str, str]]) -> None:
    split, _ = split_and_whole
    found: Counter[tuple[str, str, str]] = Counter()
    for path, text in split.items():
        metric = re.match(r"figures/m-([\w-]+?)(?:/page-\d+)?\.md$", path)
        if not metric:
            continue
        for line in items(path, text):
            cells = line.split(" | ")
            claim = re.search(r"claims/([\w-]+)\.md", cells[3])
            assert claim, line
            found[(metric.group(1), cells[0][2:], claim.group(1))] += 1
    expected = Counter((m.metric, format_figure(v.figure), v.claim.id)
                       for m in linked.ledger for v in m.values)
    assert found == expected
    assert any("/page-" in path for path in split if path.startswith("figures/"))


def test_every_mention_is_on_exactly_one_page_of_its_entity(
        linked: Linked, split_and_whole: tuple[dict[str, str], dict[str, str]]) -> None:
    split, _ = split_and_whole
    for entity_id, mentions in linked.mentions.items():
        paths = [p for p in split if family(p) == f"entities/{entity_id}.md"]
        listed = []
        for path in paths:
            section = split[path].split("## Mentions in sources", 1)
            if len(section) == 2:
                listed += [line for line in section[1].splitlines() if line.startswith("- ")]
        assert len(listed) == len(mentions), entity_id
    top = max(linked.mentions, key=lambda e: len(linked.mentions[e]))
    assert f"entities/{top}/page-2.md" in split


def test_split_pages_link_only_to_pages_and_anchors_that_exist(
        split_and_whole: tuple[dict[str, str], dict[str, str]]) -> None:
    split, _ = split_and_whole
    ids = {path: {a or b for a, b in IDS.findall(text)} for path, text in split.items()}
    broken = []
    for path, text in split.items():
        for target, anchor in LINK.findall(text):
            if "://" in target or (target and not target.endswith(".md")):
                continue
            page = posixpath.normpath(posixpath.join(posixpath.dirname(path), target)) \
                if target else path
            if page not in split or (anchor and anchor not in ids[page]):
                broken.append(f"{path}: {target}#{anchor}")
    assert not broken, broken[:10]


def test_every_split_page_is_dated_like_the_page_it_continues(
        split_and_whole: tuple[dict[str, str], dict[str, str]]) -> None:
    split, _ = split_and_whole
    def day(text: str) -> str:
        found = re.search(r'^updated: "([\d-]+)"$', text, re.M)
        return found.group(1) if found else ""
    for path, text in split.items():
        if PAGED.search(path):
            assert day(text) and day(text) == day(split[family(path)]), path
        elif path.startswith("coverage/") or path.startswith("figures/"):
            assert day(text), path

