"""Runs of an article's own words in the curator's prose that no passage it may draw on
holds (`prose-words-unsourced`).

Prose that copies four words in a row from an article, outside quotation marks, says what
that part of the article says; when none of the passages the prose may draw on holds those
words, they come from a part of the article nobody cited, and the site shows them as if a
cited passage backed them. A word of the prose counts as the passages' when it sits in
three words in a row of one of them (or of what the checker adds to them: a passage's
note, the names and descriptions of the entities the prose names, `provenance.py`): so
prose that runs across the join of two adjacent cited passages is theirs, and a run is
flagged only where four words in a row are no passage's and are the article's.

Words are compared as quote matching compares them (`text.normalise`: white space, quote
marks and dashes folded) and case ignored, word by word, so punctuation between them does
not matter. Only the articles of the passages an item may draw on are read, each once.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from .chars import MARK_CLASS
from .cleaning import CleanedText
from .model import Quote
from .text import normalise_text

RUN = 4  # words in a row that are a copy of the article
COVER = 3  # words in a row of a passage that make a word of the prose its (`cover` reads three)

# A word as the check reads it: letters, digits and marks, with an apostrophe inside
# ("DeepSeek's", "l'été"; typographic apostrophes are folded to it, `text.normalise`). A
# hyphen joins two words ("open-source" is two), as does a dash. Chinese and Japanese,
# written without spaces, make a word of a whole clause, so they are hardly read.
_LETTER = rf"[\w{MARK_CLASS[1:-1]}]"  # (one class, not `chars.JOINING`'s alternation: faster)
_WORD = re.compile(rf"{_LETTER}+(?:'{_LETTER}+)*")
# The same in the prose as written, where the apostrophe may still be typographic: each
# word is normalised on its own (`_folded`), so its place in the prose is the match's.
_WRITTEN_WORD = re.compile(rf"{_LETTER}+(?:['\u2019]{_LETTER}+)*")


def words(text: str) -> list[str]:
    """The words of a text as the check compares them: normalised, case folded."""
    return _WORD.findall(normalise_text(text).casefold())


def _folded(word: str) -> str:
    """A word of the prose as `words` gives it (plain ASCII needs no normalising)."""
    return word.casefold() if word.isascii() else normalise_text(word).casefold()


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
    passage's, `cover`), and where each is in the prose."""

    def __init__(self, plain: str):
        matches = list(_WRITTEN_WORD.finditer(plain))
        self.said = [_folded(m.group()) for m in matches]
        self.free = [True] * len(self.said)
        self.spans = [m.span() for m in matches]  # where each word is in the prose

    def cover(self, texts: Iterable[str], skipped: Iterable[tuple[int, int]]) -> bool:
        """Marks the words that sit in `COVER` words in a row of one of the `texts` (the
        passages', `spaced`), or in one of the `skipped` spans of the prose (words in
        quotation marks, checked on their own), as no longer free; whether `RUN` free
        words in a row are left."""
        said, free = self.said, self.free
        joined = "\n".join(texts)  # (a line each: no three words across two)
        for i in range(len(said) - COVER + 1):
            if (free[i] or free[i + 1] or free[i + 2]) \
                    and f" {said[i]} {said[i + 1]} {said[i + 2]} " in joined:
                free[i] = free[i + 1] = free[i + 2] = False
        if not self.left():
            return False  # (the skipped spans, costlier to find, are not needed)
        spans = self.spans
        for s, e in skipped:
            for i in range(bisect.bisect_right(spans, (s, s)) - 1, len(spans)):
                if i >= 0 and spans[i][0] >= e:
                    break
                if i >= 0 and s < spans[i][1]:
                    free[i] = False
        return self.left()

    def left(self) -> bool:
        """Whether `RUN` free words in a row are left."""
        count = 0
        for free in self.free:
            count = count + 1 if free else 0
            if count == RUN:
                return True
        return False

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
