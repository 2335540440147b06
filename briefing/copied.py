"""Runs of an article's own words in the curator's prose that no passage it may draw on
holds (`prose-words-unsourced`).

Prose that copies four words in a row from an article, outside quotation marks, says what
that part of the article says; when none of the passages the prose may draw on holds those
words, they come from a part of the article nobody cited, and the site shows them as if a
cited passage backed them. A word of the prose counts as the passages' when it sits in
three words in a row of one of them (or of a passage's note, which says what the passage
leaves out, such as what its "it" is): so prose that runs across the join of two adjacent
cited passages is theirs, and a run is flagged only where four words in a row are no
passage's and are the article's.

Words are compared as quote matching compares them (`text.normalise`: white space, quote
marks and dashes folded) and case ignored, word by word, so punctuation between them does
not matter. Only the articles of the passages an item may draw on are read, each once.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from .chars import MARK_CLASS
from .cleaning import CleanedText
from .model import Quote
from .text import normalise, normalise_text

RUN = 4  # words in a row that are a copy of the article
COVER = 3  # words in a row of a passage that make a word of the prose the passage's

# A word as the check reads it: letters, digits and marks, with an apostrophe inside
# ("DeepSeek's", "l'été"; typographic apostrophes are folded to it, `text.normalise`). A
# hyphen joins two words ("open-source" is two), as does a dash. Chinese and Japanese,
# written without spaces, make a word of a whole clause, so they are hardly read.
_LETTER = rf"[\w{MARK_CLASS[1:-1]}]"  # (one class, not `chars.JOINING`'s alternation: faster)
_WORD = re.compile(rf"{_LETTER}+(?:'{_LETTER}+)*")


def words(text: str) -> list[str]:
    """The words of a text as the check compares them: normalised, case folded."""
    return _WORD.findall(normalise_text(text).casefold())


def article_words(cleaned: CleanedText) -> str:
    """An article's words, each block's on one line between spaces, so that a run of
    words is found with `in` (" a b c d " in it) and never across two blocks."""
    return "\n".join(" " + " ".join(words(block.text)) + " " for block in cleaned.blocks)


@dataclass(frozen=True)
class Copied:
    """A run of the prose that is the article's words and no passage's: where it starts
    and ends in the prose (as the reader sees it), and the article it is in."""

    start: int
    end: int
    source_id: str
    words: int  # how many


def spaced(text: str) -> str:
    """The text's words between spaces, for `in`: " a b c " is three words in a row of
    it, and " b c d " in it tells what `ngrams` would, without making them."""
    return " " + " ".join(words(text)) + " "


class ProseWords:
    """The prose's words as the check compares them, which of them are still free (no
    passage's, `cover`), and where each is in the prose, worked out when first asked."""

    def __init__(self, plain: str):
        self.folded = normalise(plain)
        matches = list(_WORD.finditer(self.folded.text))
        self.said = [m.group().casefold() for m in matches]
        self.free = [True] * len(self.said)
        self._at = [(m.start(), m.end()) for m in matches]

    @functools.cached_property
    def spans(self) -> list[tuple[int, int]]:
        """Where each word is in the prose as the reader sees it."""
        return [self.folded.span_in_original(start, end) for start, end in self._at]

    def cover(self, texts: list[str], skipped: Iterable[tuple[int, int]]) -> bool:
        """Marks the words that sit in `COVER` words in a row of one of the `texts` (the
        passages', `spaced`), or in one of the `skipped` spans of the prose (words in
        quotation marks, checked on their own), as no longer free; whether `RUN` free
        words in a row are left."""
        said, free = self.said, self.free
        for i in range(len(said) - COVER + 1):
            if any(free[i:i + COVER]):
                needle = " " + " ".join(said[i:i + COVER]) + " "
                if any(needle in text for text in texts):
                    free[i:i + COVER] = [False] * COVER
        if not self.left():
            return False  # (the skipped spans, costlier to find, are not needed)
        for s, e in skipped:
            for i, (start, end) in enumerate(self.spans):
                if s < end and start < e:
                    free[i] = False
        return self.left()

    def left(self) -> bool:
        """Whether `RUN` free words in a row are left."""
        free = self.free
        return any(all(free[i:i + RUN]) for i in range(len(free) - RUN + 1))

    def runs(self, articles: Mapping[str, str]) -> Iterator[Copied]:
        """The runs of `RUN` free words or more in a row that are in one of the
        `articles` (their words by source id, `article_words`)."""
        said, spans = self.said, self.spans
        run: Copied | None = None
        for i in range(len(said) - RUN + 1):
            if not all(self.free[i:i + RUN]):
                continue
            needle = " " + " ".join(said[i:i + RUN]) + " "
            where = next((s for s, text in articles.items() if needle in text), None)
            if where is None:
                continue
            if run is not None and run.source_id == where and spans[i][0] < run.end:
                run = Copied(run.start, spans[i + RUN - 1][1], where, run.words + 1)
                continue
            if run is not None:
                yield run
            run = Copied(spans[i][0], spans[i + RUN - 1][1], where, RUN)
        if run is not None:
            yield run

    def words_of(self, run: Copied) -> list[str]:
        return [w for w, (start, _) in zip(self.said, self.spans, strict=True)
                if run.start <= start < run.end]


def holding(quotes: Iterable[Quote], copied: list[str]) -> Quote | None:
    """A passage whose words hold the whole run, for the hint."""
    needle = " " + " ".join(copied) + " "
    return next((q for q in quotes if needle in " " + " ".join(words(q.text)) + " "), None)
