"""What each page read from the linked corpus, so that `mkdocs serve` re-renders only the
pages whose inputs changed.

While a page is rendered, every lookup in the linked corpus goes through a recording view
(`LinkedView`): each read is noted with the value it returned, and reading a whole
collection (iterating, counting) notes the whole collection. On the next rebuild, a page
whose every noted read gives an equal value from the new corpus would render the same
Markdown, so its Markdown is reused. Nothing is declared by hand, so no dependency can be
forgotten: a page cannot see what it did not read. Values are frozen and unchanged files
keep their objects across rebuilds (validation is cached by file), so most comparisons
are identity checks.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import fields
from itertools import compress
from operator import is_not
from typing import Any, overload

from .link import Linked

ALL = "\0all"  # the key noted when a whole collection is read
MISSING = object()  # the value noted for a key that is absent

Reads = dict[tuple[str, Hashable], Any]


ReadKeys = dict[str, frozenset[Hashable]]  # collection name -> the keys read from it


def keys_read(reads: Reads) -> ReadKeys:
    """The keys of each collection a recording read, for `Recorder.unchanged`."""
    found: dict[str, set[Hashable]] = {}
    for name, key in reads:
        found.setdefault(name, set()).add(key)
    return {name: frozenset(keys) for name, keys in found.items()}


EVERYTHING = frozenset({ALL})  # replaced by another kind of collection: every read differs


class Recorder:
    """Collects the reads made while recording; recordings nest, and an inner one's reads
    count for the outer one too.

    `previous` holds the collections of the last render, the one whose recordings are
    checked: each recorded value is equal to what that render's collection holds (or it
    would have been rendered again). So a read is unchanged when the collection now holds
    the same value as the previous one, and that is found once per collection, by
    comparing the two key by key, instead of once per read of every page. The collections
    must not change once recordings are checked."""

    def __init__(self, previous: Mapping[str, Any] | None = None) -> None:
        self._open: list[Reads] = []
        self.sources: dict[str, Any] = {}  # name -> the collection read
        self._previous = previous or {}
        self._changes: dict[str, frozenset[Hashable]] = {}

    def note(self, name: str, key: Hashable, value: Any) -> None:
        if self._open:
            self._open[-1].setdefault((name, key), value)

    def replay(self, reads: Reads) -> None:
        # Only the keys are checked later (`keys_read`), and two values noted for one key
        # are equal, so which of them stays does not matter; `update` runs at C speed.
        if self._open:
            self._open[-1].update(reads)

    @contextmanager
    def recording(self) -> Iterator[Reads]:
        reads: Reads = {}
        self._open.append(reads)
        try:
            yield reads
        finally:
            self._open.pop()
            self.replay(reads)

    def changes(self, name: str) -> frozenset[Hashable]:
        """The keys of collection `name` whose value differs from the previous render's
        (`ALL` when the whole collection differs, in content or order)."""
        found = self._changes.get(name)
        if found is None:
            found = self._changes[name] = _differences(self._previous.get(name, MISSING),
                                                       self.sources.get(name, MISSING))
        return found

    def unchanged(self, keys: ReadKeys) -> bool:
        """Whether every read of a recording made in the previous render (`keys_read`)
        gives the same value now."""
        known = self._changes  # looked up directly: this runs for every group
        for name, read in keys.items():
            changed = known.get(name)
            if changed is None:
                changed = self.changes(name)
            if changed and (changed is EVERYTHING or not changed.isdisjoint(read)):
                return False
        return True

    def mapping(self, name: str, data: Mapping[Any, Any]) -> RecordingMapping:
        self.sources[name] = data
        return RecordingMapping(name, data, self)

    def sequence(self, name: str, data: Sequence[Any]) -> RecordingSequence:
        self.sources[name] = data
        return RecordingSequence(name, data, self)


def _same(a: Any, b: Any) -> bool:
    return a is b or a == b


def _differences(before: Any, now: Any) -> frozenset[Hashable]:
    if before is now:
        return frozenset()
    if not (isinstance(before, Mapping) and isinstance(now, Mapping)):
        if before is MISSING or now is MISSING or isinstance(before, Mapping) \
                or isinstance(now, Mapping) or not _same(before, now):
            return EVERYTHING
        return frozenset()
    changed: set[Hashable]
    if len(before) == len(now) and list(before) == list(now):
        # The same keys in the same order, the usual case: most values are the very same
        # objects, so the candidates are found by identity at C speed (`compress`, `map`)
        # and only those are compared.
        changed = {key for key in compress(now, map(is_not, before.values(), now.values()))
                   if not _same(before[key], now[key])}
    else:
        changed = {key for key, value in now.items()
                   if not _same(before.get(key, MISSING), value)}
        changed.update(key for key in before if key not in now)
        changed.add(ALL)  # iterating it would give something else
    if changed:
        changed.add(ALL)
    return frozenset(changed)


class _Recording:
    """A collection read through a recorder: iterating or counting reads it whole."""

    def __init__(self, name: str, data: Any, recorder: Recorder) -> None:
        self._name, self._data, self._recorder = name, data, recorder

    def _whole(self) -> Any:
        self._recorder.note(self._name, ALL, self._data)
        return self._data

    def __iter__(self) -> Iterator[Any]:
        return iter(self._whole())

    def __len__(self) -> int:
        return len(self._whole())


class RecordingMapping(_Recording, Mapping[Any, Any]):
    def __getitem__(self, key: Any) -> Any:
        value = self._data.get(key, MISSING)
        self._recorder.note(self._name, key, value)
        if value is MISSING:
            raise KeyError(key)
        return value


class RecordingSequence(_Recording, Sequence[Any]):
    @overload
    def __getitem__(self, index: int) -> Any: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Any]: ...
    def __getitem__(self, index: int | slice) -> Any:
        return self._whole()[index]


class _Attributes:
    """Attribute access that notes what it reads: mappings record their keys, anything
    else is read whole."""

    def __init__(self, prefix: str, obj: Any, recorder: Recorder) -> None:
        self._recorder = recorder
        self._direct: dict[str, Any] = {}  # returned as they are: they record themselves
        self._whole: dict[str, tuple[str, Any]] = {}  # noted whole when read
        for field in fields(obj):
            value = getattr(obj, field.name)
            if isinstance(value, Mapping):
                self._direct[field.name] = recorder.mapping(prefix + field.name, value)
            else:
                recorder.sources[prefix + field.name] = value
                self._whole[field.name] = (prefix + field.name, value)

    def __getattr__(self, attribute: str) -> Any:
        if attribute in self._direct:
            return self._direct[attribute]
        if attribute not in self._whole:
            raise AttributeError(attribute)
        name, value = self._whole[attribute]
        self._recorder.note(name, ALL, value)
        return value


class LinkedView(_Attributes):
    """The linked corpus as a page sees it: the same attributes, every read noted."""

    def __init__(self, linked: Linked, recorder: Recorder) -> None:
        super().__init__("", linked, recorder)
        self._whole.pop("corpus")
        self._direct["corpus"] = _Attributes("corpus.", linked.corpus, recorder)

    def sources_of_claim(self, claim_id: str) -> tuple[str, ...]:
        return Linked.sources_of_claim(self, claim_id)  # type: ignore[arg-type]
