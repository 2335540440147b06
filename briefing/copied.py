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

Chinese and Japanese, written without spaces, make a word of a whole clause: there the
characters are compared, within each clause (between two punctuation marks), as words are
elsewhere. A character is the passages' when it sits in `COVER_CHARS` characters in a row
of one of them, and a run is flagged where `RUN_CHARS` characters in a row are no
passage's and are the article's: ten characters are five or six words of Chinese, four or
five of Japanese, and common phrases ("越来越多的人", "ことができる") are shorter.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

from .chars import HAN_KANA_CLASS, MARK_CLASS
from .cleaning import CleanedText
from .model import Quote
from .text import normalise_text

RUN = 4  # words in a row that are a copy of the article
COVER = 3  # words in a row of a passage that make a word of the prose its (`cover` reads three)

RUN_CHARS = 10  # characters in a row of Chinese or Japanese that are a copy of the article
COVER_CHARS = 4  # characters in a row of a passage that make a character of the prose its

# A word as the check reads it: letters, digits and marks, with an apostrophe inside
# ("DeepSeek's", "l'été"; typographic apostrophes are folded to it, `text.normalise`). A
# hyphen joins two words ("open-source" is two), as does a dash. Chinese and Japanese,
# written without spaces, make a word of a whole clause, read character by character.
_LETTER = rf"[\w{MARK_CLASS[1:-1]}]"  # (one class, not `chars.JOINING`'s alternation: faster)
_WORD = re.compile(rf"{_LETTER}+(?:'{_LETTER}+)*")
# The same in the prose as written, where the apostrophe may still be typographic: each
# word is normalised on its own (`_folded`), so its place in the prose is the match's.
_WRITTEN_WORD = re.compile(rf"{_LETTER}+(?:['\u2019]{_LETTER}+)*")
_HAN_KANA = re.compile(HAN_KANA_CLASS)


def words(text: str) -> list[str]:
    """The words of a text as the check compares them: normalised, case folded."""
    return _WORD.findall(normalise_text(text).casefold())


def _folded(word: str) -> str:
    """A word of the prose as `words` gives it (plain ASCII needs no normalising)."""
    return word.casefold() if word.isascii() else normalise_text(word).casefold()


def article_text(cleaned: CleanedText) -> str:
    """An article's text as the check compares it: each block normalised and case folded,
    on a line of its own (normalised, a block holds no line break)."""
    return "\n".join(normalise_text(block.text).casefold() for block in cleaned.blocks)


def article_words(text: str) -> str:
    """An article's words (from its `article_text`), each block's on one line between
    spaces, so that a run of words is found with `in` (" a b c d " in it) and never
    across two blocks."""
    return "\n".join(" " + " ".join(_WORD.findall(line)) + " " for line in text.split("\n"))


@dataclass(frozen=True)
class Copied:
    """A run of the prose that is the article's words and no passage's: where it starts
    and ends in the prose (as the reader sees it), the article it is in, and what it is
    there (`article_words`): " a b c d ", or the characters of a clause."""

    start: int
    end: int
    source_id: str
    needle: str


def spaced(text: str) -> str:
    """The text's words between spaces, for `in`: " a b c " is three words in a row of
    it, and " b c d " in it tells what `ngrams` would, without making them."""
    return " " + " ".join(words(text)) + " "


class _Clause:
    """A word of Chinese or Japanese in the prose, a clause: its characters as the check
    compares them, where each is in the prose, and which are still free."""

    def __init__(self, word: str, at: int):
        chars: list[str] = []
        self.at: list[int] = []  # (a character folded into two is at one place)
        for offset, char in enumerate(word):
            for folded in _folded(char):
                chars.append(folded)
                self.at.append(at + offset)
        self.text = "".join(chars)
        self.free = [True] * len(chars)

    def cover(self, joined: str) -> None:
        """Marks the characters in `COVER_CHARS` in a row of the passages' words."""
        text, free = self.text, self.free
        for i in range(len(text) - COVER_CHARS + 1):
            if any(free[i:i + COVER_CHARS]) and text[i:i + COVER_CHARS] in joined:
                free[i:i + COVER_CHARS] = [False] * COVER_CHARS

    def runs(self) -> Iterator[tuple[int, int]]:
        """Where `RUN_CHARS` free characters in a row start and end, each window apart."""
        count = 0
        for i, free in enumerate(self.free):
            count = count + 1 if free else 0
            if count >= RUN_CHARS:
                yield i + 1 - RUN_CHARS, i + 1

    def copy(self, i: int, j: int) -> tuple[int, int, str]:
        """Where characters `i` to `j` start and end in the prose, and what they are."""
        return self.at[i], self.at[j - 1] + 1, self.text[i:j]


class ProseWords:
    """The prose's words as the check compares them, which of them are still free (no
    passage's, `cover`), and where each is in the prose; and the same of the characters
    of its Chinese and Japanese clauses."""

    def __init__(self, plain: str):
        matches = list(_WRITTEN_WORD.finditer(plain))
        self.said = [_folded(m.group()) for m in matches]
        self.free = [True] * len(self.said)
        self.spans = [m.span() for m in matches]  # where each word is in the prose
        self.clauses = [_Clause(m.group(), m.start()) for m in matches
                        if _HAN_KANA.search(m.group())]

    def cover(self, texts: Iterable[str], skipped: Iterable[tuple[int, int]]) -> bool:
        """Marks the words that sit in `COVER` words in a row of one of the `texts` (the
        passages', `spaced`), or in one of the `skipped` spans of the prose (words in
        quotation marks, checked on their own), as no longer free, and the characters of
        a clause that sit in `COVER_CHARS` characters in a row of one; whether a run long
        enough to flag is left free."""
        said, free = self.said, self.free
        joined = "\n".join(texts)  # (a line each: no three words across two)
        for i in range(len(said) - COVER + 1):
            if (free[i] or free[i + 1] or free[i + 2]) \
                    and f" {said[i]} {said[i + 1]} {said[i + 2]} " in joined:
                free[i] = free[i + 1] = free[i + 2] = False
        for clause in self.clauses:
            clause.cover(joined)
        if not self.left():
            return False  # (the skipped spans, costlier to find, are not needed)
        spans = self.spans
        for s, e in skipped:
            for i in range(bisect.bisect_right(spans, (s, s)) - 1, len(spans)):
                if i >= 0 and spans[i][0] >= e:
                    break
                if i >= 0 and s < spans[i][1]:
                    free[i] = False
            for clause in self.clauses:
                for i, at in enumerate(clause.at):
                    if s <= at < e:
                        clause.free[i] = False
        return self.left()

    def left(self) -> bool:
        """Whether `RUN` free words in a row are left, or `RUN_CHARS` free characters in
        a row of a clause."""
        count = 0
        for free in self.free:
            count = count + 1 if free else 0
            if count == RUN:
                return True
        return any(next(clause.runs(), None) is not None for clause in self.clauses)

    def may_be_in(self, text: str) -> bool:
        """Whether a run may be in an article, given its `article_text`: a window of free
        words each of which is in it, or of free characters, a look that costs less than
        reading the article's words."""
        said, free = self.said, self.free
        return any(all(w in text for w in said[i:i + RUN])
                   for i in range(len(said) - RUN + 1) if all(free[i:i + RUN])) \
            or any(clause.text[s:e] in text for clause in self.clauses for s, e in clause.runs())

    def runs(self, articles: Mapping[str, str]) -> Iterator[Copied]:
        """The runs of `RUN` free words or more in a row that are in one of the
        `articles` (their words by source id, `article_words`), then those of
        `RUN_CHARS` free characters of a clause."""
        said, spans = self.said, self.spans
        yield from _joined(
            ((i, i + RUN) for i in range(len(said) - RUN + 1) if all(self.free[i:i + RUN])),
            lambda i, j: (spans[i][0], spans[j - 1][1], " " + " ".join(said[i:j]) + " "),
            articles)
        for clause in self.clauses:
            yield from _joined(clause.runs(), clause.copy, articles)


def _joined(windows: Iterable[tuple[int, int]],
            copy: Callable[[int, int], tuple[int, int, str]],
            articles: Mapping[str, str]) -> Iterator[Copied]:
    """The windows (from and to which word or character) found in an article, those that
    overlap in one article joined into one run; `copy` gives where words `i` to `j` start
    and end in the prose, and what they are in an article."""
    run: tuple[int, int, str] | None = None  # (from, to, article)
    for i, j in windows:
        needle = copy(i, j)[2]
        where = next((s for s, text in articles.items() if needle in text), None)
        if where is None:
            continue
        if run is not None and run[2] == where and i < run[1]:
            run = (run[0], j, where)
            continue
        if run is not None:
            yield _copied(run, copy)
        run = (i, j, where)
    if run is not None:
        yield _copied(run, copy)


def _copied(run: tuple[int, int, str],
            copy: Callable[[int, int], tuple[int, int, str]]) -> Copied:
    start, end, needle = copy(run[0], run[1])
    return Copied(start, end, run[2], needle)


def holding(quotes: Iterable[Quote], run: Copied) -> Quote | None:
    """A passage whose words hold the whole run, for the hint."""
    return next((q for q in quotes if run.needle in spaced(q.text)), None)
