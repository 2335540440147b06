"""What a rebuild of `mkdocs serve` may reuse from the last plan: the entries of the linked
corpus that changed, and results kept with the entries they were made from.

An entry is a table of `Linked` and a key (`("claims", "claim-1")`), or a link shown on a
page (`("link", "source", "source-7")`: its label and target). A kept result names the
entries it was made from when it is made; the next build compares every table with the
last build's (`changed_entries`, by identity: an unchanged file's items are the very
objects of the last build) and makes again only the results naming a changed entry. So a
rebuild pays for what an edit touched, not for the size of the corpus.
"""

from __future__ import annotations

import itertools
import operator
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any, TypeVar, cast

from .link import Linked

T = TypeVar("T")
Entry = tuple[str, ...]

# Tables whose unchanged entries are the very objects of the last build.
SAME_TABLES = ("cleaned", "anchors", "sources", "claims", "entities", "briefs", "quotes",
               "stances", "mentions")
# Tables made afresh by each link, of plain values (ids, and evidence made of ids): equal
# entries are unchanged.
EQUAL_TABLES = ("quote_source", "quote_cited_in", "claim_cited_in", "relations_in",
                "evidence", "metric_names", "topic_names")
_MISSING = object()


def changed_entries(old: Linked, new: Linked) -> set[Entry]:
    """The entries of `new` that are not those of `old`, and those `new` no longer has;
    plus `("about", entity)` for each entity a changed claim or quote now names as its
    claimant, subject or speaker (which claims and quotes an entity's page lists)."""
    changed: set[Entry] = set()
    for name in (*SAME_TABLES, *EQUAL_TABLES):
        before, now = getattr(old, name), getattr(new, name)
        if before is not now:
            differ = operator.is_not if name in SAME_TABLES else operator.ne
            changed.update((name, key) for key in _changed_keys(before, now, differ))
    for table, key in list(changed):
        if table == "claims" and key in new.claims:
            claim = new.claims[key]
            named = [*(r.id for r in claim.statement.refs if r.kind == "entity"),
                     *(f.subject.id for f in claim.figures if f.subject),
                     *((claim.claimant.id,) if claim.claimant else ())]
            changed.update(("about", e) for e in named)
        elif table == "quotes" and key in new.quotes and new.quotes[key].speaker:
            changed.add(("about", cast(Any, new.quotes[key].speaker).id))
    return changed


def _changed_keys(before: Mapping[str, Any], now: Mapping[str, Any],
                  differ: Callable[[Any, Any], bool]) -> Iterable[str]:
    if list(before) == list(now):  # the usual case, compared pairwise at C speed
        return itertools.compress(now, map(differ, before.values(), now.values()))
    return [*(key for key, value in now.items() if differ(before.get(key, _MISSING), value)),
            *(before.keys() - now.keys())]


class Reuse:
    """Results kept from the last build, each with the entries it was made from: reused
    while none of them changed. Only what a build uses is kept for the next."""

    def __init__(self) -> None:
        self.last: dict[Hashable, tuple[frozenset[Entry], Any]] = {}
        self.now: dict[Hashable, tuple[frozenset[Entry], Any]] = {}
        self.users: dict[Entry, set[Hashable]] = defaultdict(set)  # entry -> result keys
        self.stale: set[Hashable] = set()

    def begin(self, changed: set[Entry] | None) -> None:
        """Mark what `changed` makes stale; None: nothing kept is trusted."""
        if changed is None:
            self.last, self.users = {}, defaultdict(set)
            self.stale = set()
        else:
            self.stale = {key for entry in changed for key in self.users.get(entry, ())}

    def get(self, key: Hashable, make: Callable[[], T],
            entries: Callable[[], Iterable[Entry]]) -> T:
        hit = self.last.get(key)
        if hit is None or key in self.stale:
            if hit is not None:
                self._forget(key, hit[0])
            hit = (frozenset(entries()), make())
            for entry in hit[0]:
                self.users[entry].add(key)
        self.now[key] = hit
        return cast(T, hit[1])

    def _forget(self, key: Hashable, entries: frozenset[Entry]) -> None:
        for entry in entries:
            users = self.users.get(entry)
            if users is not None:
                users.discard(key)
                if not users:
                    del self.users[entry]

    def next_build(self) -> None:
        for key in self.last.keys() - self.now.keys():
            self._forget(key, self.last[key][0])
        self.last, self.now, self.stale = self.now, {}, set()
