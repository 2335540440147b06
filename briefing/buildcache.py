"""Everything one build keeps for the next, in one object its owner passes in.

The core holds no module-level state: `pipeline.build(..., cache=...)` hands each stage its
own store, a small typed class defined beside the stage (`LoadStore` in load.py,
`ValidateStore` in validate.py, ...). A one-shot build (`briefing build`, `mkdocs build`)
passes no cache and each stage works from nothing; `mkdocs serve` keeps one `BuildCache`
for its whole session (`plugin/live.py`), so a rebuild redoes only what an edit changed.

Keys are what a result depends on. Most are compared by identity (`is`): the loader gives
an unchanged file's items the very objects of the last build, and every later stage passes
them on, so "the same object" means "made from the same bytes". Identity, not equality,
because equal is not always alike (`Decimal("1.0") == Decimal("1.00")` prints differently).
Every kept result holds its key objects alive, so an `id()` used as a dictionary key cannot
be reused by another object while its entry exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from .dates import ContentDates, DatesStore
from .diagnostics import Diagnostic
from .duplicates import DuplicatesStore
from .feed import FeedStore, Site
from .hedges import Hedges
from .link import Linked, LinkStore
from .load import LoadStore
from .model import Corpus
from .provenance import ProseStore
from .render import PageCache
from .validate import ValidateStore


@dataclass
class LinkedKept:
    """The last linked corpus, and what was made from it: when every item of the corpus is
    the very object of the last build, nothing the later stages read has changed, so the
    linked corpus, its dates, the prose findings and the feed are reused as they were."""

    corpus: Corpus
    linked: Linked
    dates: ContentDates | None = None
    # The prose findings, by the hedges and the site's language they were made with.
    prose: dict[tuple[Hedges, str], tuple[Diagnostic, ...]] = field(default_factory=dict)
    feeds: dict[Site, str] = field(default_factory=dict)


@dataclass
class BuildCache:
    """One store per stage; `pipeline.build` hands each stage its own."""

    load: LoadStore = field(default_factory=LoadStore)
    validate: ValidateStore = field(default_factory=ValidateStore)
    link: LinkStore = field(default_factory=LinkStore)
    linked: LinkedKept | None = None
    duplicates: DuplicatesStore = field(default_factory=DuplicatesStore)
    prose: ProseStore = field(default_factory=ProseStore)
    dates: DatesStore = field(default_factory=DatesStore)
    feed: FeedStore = field(default_factory=FeedStore)
    pages: PageCache = field(default_factory=PageCache)

    def reset(self) -> None:
        """Empty every store: after a build stopped midway, nothing it kept is trusted."""
        fresh = BuildCache()
        for kept in fields(self):
            setattr(self, kept.name, getattr(fresh, kept.name))
