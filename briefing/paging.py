"""Pages of a bounded size: where long listings are split.

Page size bounds (docs/performance.md, "Page size bound"): pages that would grow with the
corpus are split so that each holds at most this much. The bounds also bound the work of
a live reload, since every page showing an edited item is rendered and converted again.
The bounds are read when a plan is made (`paging.X`), so a test may lower them.
"""

from __future__ import annotations

from typing import Any

from .paths import paged_path
from .views import Pager

# Coverage: tables of 8 sources, so a page covers 16 sources and the claims they take a
# position on; a corpus of 16 sources or fewer keeps the single coverage page.
COVERAGE_TABLES_PER_PAGE = 2
FIGURE_VALUES_PER_PAGE = 25  # rows of a metric's table per page
DISAGREEMENT_VALUES_SHOWN = 10  # values named in one "values disagree" line; all are in the table
ENTITY_ITEMS_PER_PAGE = 100  # claims, quotes and mentions of an entity per page
HOME_VALUES_SHOWN = 6  # values per metric in the key figures (home, figures index)
HOME_DISAGREEMENTS_SHOWN = 3  # figure disagreements per metric on the home page
HOME_CHANGED_SHOWN = 6  # most recently dated briefs and claims on the home page
HOME_TOPICS_SHOWN = 8  # topics on the home page, those with most claims; all are in the index
# Rows of the claims and sources indexes and entries of the timeline per page: an index is
# one line per item, so beyond this it continues on `claims/index/page-2.md`…
LISTING_ROWS_PER_PAGE = 100


def chunks(items: list[Any], size: int) -> list[list[Any]]:
    """`items` in consecutive pieces of at most `size`; one empty piece when there are none."""
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def pagers(first: str, count: int) -> list[Pager]:
    paths = tuple(paged_path(first, n) for n in range(1, count + 1))
    return [Pager(paths, n) for n in range(1, count + 1)]


def listing_pieces(first: str, items: list[Any]
                   ) -> list[tuple[Pager, list[Any], int]]:
    """A long list (the claims index, the sources index, the timeline) split into pages:
    each page's pager, its items and the 1-based position of its first item."""
    pieces = chunks(items, LISTING_ROWS_PER_PAGE)
    return [(pager, piece, 1 + (pager.number - 1) * LISTING_ROWS_PER_PAGE)
            for pager, piece in zip(pagers(first, len(pieces)), pieces, strict=True)]
