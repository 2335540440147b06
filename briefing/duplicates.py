"""The same article twice: a source whose text equals, or nearly equals, another's.

Texts are compared after the match normalisation (white space, quote marks and dashes
folded) and case folding, as sets of five-word shingles: two texts are duplicates when
their Jaccard similarity is at least `NEAR` (the same article with a changed byline, a
dropped line or other boilerplate still counts). Comparing every pair would be quadratic,
so each text is summarised by the smallest hashes of its shingles (a bottom-k sketch), and
only texts sharing one of those are compared in full; near-equal texts share most of them.
"""

from __future__ import annotations

import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .diagnostics import Diagnostic, Pos, error
from .text import normalise_text

NEAR = 0.9
SHINGLE = 5
SKETCH = 12
BUCKET_CAP = 64  # a sketch hash shared by more texts is boilerplate, not a sign of a copy


@dataclass(frozen=True)
class Fingerprint:
    shingles: frozenset[int]
    sketch: tuple[int, ...]


def fingerprint(text: str) -> Fingerprint:
    words = normalise_text(text).casefold().split()
    # Each distinct word's CRC-32, then each run of words hashed as a tuple of integers:
    # unlike a string's hash(), both are the same on every run, so builds are repeatable.
    codes = {word: zlib.crc32(word.encode()) for word in set(words)}
    ids = [codes[word] for word in words]
    hashed = frozenset(hash(tuple(ids[i:i + SHINGLE]))
                       for i in range(max(1, len(ids) - SHINGLE + 1)) if ids)
    return Fingerprint(hashed, tuple(sorted(hashed)[:SKETCH]))


def similarity(a: Fingerprint, b: Fingerprint) -> float:
    if not a.shingles or not b.shingles:
        return 1.0 if a.shingles == b.shingles else 0.0
    return len(a.shingles & b.shingles) / len(a.shingles | b.shingles)


def duplicate_pairs(prints: Mapping[str, Fingerprint]) -> list[tuple[str, str, float]]:
    """(first, second, similarity) for each pair of keys at or above `NEAR`, first < second."""
    buckets: dict[int, list[str]] = defaultdict(list)
    for key in sorted(prints):
        for value in prints[key].sketch:
            buckets[value].append(key)
    shared: Counter[tuple[str, str]] = Counter()
    for keys in buckets.values():
        if 1 < len(keys) <= BUCKET_CAP:
            shared.update((a, b) for i, a in enumerate(keys) for b in keys[i + 1:])
    # Texts 90% alike have most of their smallest hashes in common; a few shared ones are
    # only common phrases.
    candidates = [pair for pair, count in shared.items() if count >= SKETCH // 3
                  or count >= min(len(prints[pair[0]].sketch), len(prints[pair[1]].sketch))]
    found = []
    for a, b in sorted(candidates):
        score = similarity(prints[a], prints[b])
        if score >= NEAR:
            found.append((a, b, score))
    return found


def _described(score: float) -> str:
    return "the same text" if score >= 0.999 else f"nearly the same text ({score:.0%} alike)"


@dataclass
class DuplicatesStore:
    """Each source's fingerprint from the last build, by source id, with the text it was
    made from (compared by equality: a fingerprint depends on the text alone): the
    rebuilds of `mkdocs serve` fingerprint only the texts that changed."""

    kept: dict[str, tuple[str, Fingerprint]] = field(default_factory=dict)


def duplicate_sources(texts: Iterable[tuple[str, str, str]],
                      store: DuplicatesStore | None = None) -> list[Diagnostic]:
    """`texts` are (source id, displayed path of its text, text). One error per duplicate,
    at the later id's file, naming both files."""
    last_kept = store.kept if store is not None else {}
    paths: dict[str, str] = {}
    prints: dict[str, Fingerprint] = {}
    kept: dict[str, tuple[str, Fingerprint]] = {}
    for source_id, path, text in texts:
        paths[source_id] = path
        last = last_kept.get(source_id)
        made = last[1] if last is not None and (last[0] is text or last[0] == text) \
            else fingerprint(text)
        prints[source_id] = made
        kept[source_id] = (text, made)
    if store is not None:
        store.kept = kept
    return [error(Pos(paths[b]), "source-duplicate",
                  f"{paths[b]} has {_described(score)} as {paths[a]}: the same article "
                  "added twice",
                  "delete one of the two (and move its quotes to the other), or keep both "
                  "only if they really are different articles")
            for a, b, score in duplicate_pairs(prints)]


def find_duplicate(text: str, others: Iterable[tuple[str, str]]) -> tuple[str, float] | None:
    """The first of `others` ((displayed path, text)) that `text` duplicates, for
    `briefing new`."""
    mine = fingerprint(text)
    for path, other in others:
        score = similarity(mine, fingerprint(other))
        if score >= NEAR:
            return path, score
    return None
