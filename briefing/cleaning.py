"""The cleaned view of a source: boilerplate dropped, headings marked, run-together
sentences repaired, a hard-wrapped text's lines joined into paragraphs. A derived view
only; the article file is never touched."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from .chars import CAPITAL_CLASS
from .diagnostics import Diagnostic, warning
from .model import Source
from .text import fold_spaces

# Two sentences run together without a space ("costs.Other"): a letter that is no capital,
# or a digit, then sentence punctuation and an optional closing quotation mark, directly
# followed by a capital or an opening curly quote. Letters of any script count ("Łódź.",
# "costs.Ørsted"); a capital before the stop is an abbreviation's ("U.S."). An opening
# straight quotation mark cannot be told from a closing one, so none starts a sentence.
_ENDS = r"[.!?]"
_ENDS_QUOTED = r"[.!?]['\"\u2019\u201d]"
RUN_ON = re.compile(
    rf"(?<=[^\W_]{_ENDS})(?<!{CAPITAL_CLASS}{_ENDS})(?={CAPITAL_CLASS}|[\u2018\u201c])"
    rf"|(?<=[^\W_]{_ENDS_QUOTED})(?<!{CAPITAL_CLASS}{_ENDS_QUOTED})(?={CAPITAL_CLASS})")


@dataclass(frozen=True)
class Block:
    kind: str  # "paragraph" or "heading"
    text: str
    line: int  # line in the article file, for diagnostics and "view original"
    last_line: int  # the same, unless the block joins a hard-wrapped paragraph's lines


@dataclass(frozen=True)
class Removal:
    kind: str  # "snippet", "line" or "repair"
    text: str
    line: int


@dataclass(frozen=True)
class CleanedText:
    blocks: tuple[Block, ...]
    removals: tuple[Removal, ...]


def clean(source: Source) -> tuple[CleanedText, tuple[Diagnostic, ...]]:
    rules = source.cleaning
    remove = [r.value for r in rules.remove] if rules else []
    drop = {fold_spaces(x.value): x.value for x in rules.drop_lines} if rules else {}
    headings = {fold_spaces(x.value): x.value for x in rules.headings} if rules else {}
    repair = bool(rules and rules.split_run_on_sentences)

    used: set[tuple[str, str]] = set()
    blocks: list[Block] = []
    removals: list[Removal] = []
    for number, line in enumerate(source.text.split("\n"), start=1):
        for snippet in remove:
            if snippet in line:
                used.add(("remove", snippet))
                removals.extend(Removal("snippet", snippet, number)
                                for _ in range(line.count(snippet)))
                line = line.replace(snippet, "")
        folded = fold_spaces(line)
        if not folded:
            continue
        if folded in drop:
            used.add(("drop_lines", drop[folded]))
            removals.append(Removal("line", folded, number))
            continue
        if folded in headings:
            used.add(("headings", headings[folded]))
            blocks.append(Block("heading", folded, number, number))
            continue
        text = line.strip()
        if repair:
            repaired = RUN_ON.sub(" ", text)
            if repaired != text:
                removals.extend(Removal("repair", m, number) for m in _repairs(text))
                text = repaired
        blocks.append(Block("paragraph", text, number, number))
    if rules and rules.join_wrapped_lines:
        blocks = list(paragraphs(blocks))

    problems = []
    if rules:
        for kind, values in (("remove", rules.remove), ("drop_lines", rules.drop_lines),
                             ("headings", rules.headings)):
            for rule in values:
                if (kind, rule.value) not in used:
                    problems.append(warning(
                        rule.pos, "cleaning-rule-unused",
                        f"cleaning rule {kind}: {rule.value!r} matches nothing in "
                        f"{source.id}.txt",
                        "check the spelling against the article, or delete the rule"))
    return CleanedText(tuple(blocks), tuple(removals)), tuple(problems)


def paragraphs(blocks: Sequence[Block]) -> Iterator[Block]:
    """A hard-wrapped text's paragraphs: paragraph blocks on consecutive lines (no blank,
    dropped or heading line between them) joined into one."""
    group: list[Block] = []
    for block in blocks:
        if group and block.kind == "paragraph" and block.line == group[-1].last_line + 1:
            group.append(block)
            continue
        yield from _joined(group)
        group = [block] if block.kind == "paragraph" else []
        if block.kind != "paragraph":
            yield block
    yield from _joined(group)


def _joined(group: list[Block]) -> Iterator[Block]:
    if len(group) > 1:
        yield Block("paragraph", join_lines(b.text for b in group), group[0].line,
                    group[-1].last_line)
    elif group:
        yield group[0]


# A line's end that ends a sentence or a title: punctuation, or a closing quotation mark or
# bracket after it.
_SENTENCE_END = re.compile(r"""[.!?:;]["'\u2019\u201d)\]]*$""")


def looks_hard_wrapped(text: str) -> bool:
    """Whether `text` breaks its sentences across lines, as a text wrapped at a fixed width
    does. Either sign will do: a third of the lines followed by another run on into a next
    line that starts in lower case without ending a sentence (a heading on a line of its
    own is followed by a capital); or most lines followed by another end near one column,
    at least `MIN_WRAP_WIDTH` wide, without ending a sentence (`_steady_width`), whatever
    the next line starts with. `briefing new` then suggests `join_wrapped_lines`."""
    lines = [line.strip() for line in text.split("\n")]
    pairs = [(a, b) for a, b in itertools.pairwise(lines) if a and b]
    broken = sum(1 for a, b in pairs if b[0].islower() and not _SENTENCE_END.search(a))
    return (broken >= 3 and broken >= 0.3 * len(pairs)) or _steady_width(pairs)


# A text wrapped narrower than this is more likely verse, an address or a list.
MIN_WRAP_WIDTH = 40
# A list item starts its own line: a bullet, or a number or letter and `.` or `)`.
_LIST_ITEM = re.compile(r"(?:[-*\u2022\u2013\u2014\u25aa\u25e6]|\(?(?:\d{1,3}|[a-zA-Z])[.)])\s")


def _steady_width(pairs: list[tuple[str, str]]) -> bool:
    """Whether the lines followed by another (a list item aside) mostly end near one
    column, the width they were wrapped at, without ending a sentence: at least three of
    them and half of all. The width is their upper quartile: most lines of a wrapped
    paragraph end near it, and a line longer than the rest (a web address) does not move
    it. One paragraph per line ends each line with a sentence; verse and addresses are
    narrower."""
    lengths = sorted(len(a) for a, b in pairs if not _LIST_ITEM.match(b))
    if len(lengths) < 3:
        return False
    width = lengths[3 * len(lengths) // 4]
    if width < MIN_WRAP_WIDTH:
        return False
    # Where the next word did not fit: a wrapped line falls short of the width by about a
    # long word at most.
    slack = max(10, 0.15 * width)
    wrapped = sum(1 for a, b in pairs if abs(len(a) - width) <= slack
                  and not _LIST_ITEM.match(b) and not _SENTENCE_END.search(a))
    return wrapped >= 3 and wrapped >= 0.5 * len(pairs)


_BROKEN_WORD = re.compile(r"[^\W\d_]-$")  # a word wrapped after its hyphen: `cost-`


def join_lines(lines: Iterable[str]) -> str:
    """The lines of one paragraph as one line: with a space, except after a word broken at
    its hyphen (`cost-` then `effective` make `cost-effective`)."""
    return _joined_at(lines)[0]


def _joined_at(lines: Iterable[str]) -> tuple[str, list[int]]:
    """`join_lines`, and the offset in the joined line where each line starts."""
    parts: list[str] = []
    offsets, length = [], 0
    for line in lines:
        if parts and not _BROKEN_WORD.search(parts[-1]):
            parts.append(" ")
            length += 1
        offsets.append(length)
        parts.append(line.strip())
        length += len(parts[-1])
    return "".join(parts), offsets


# Where a line of a text read whole begins: (its offset in the line read whole, its line
# in the text, its indentation there).
LineStart = tuple[int, int, int]


def read_whole(text: str) -> tuple[str, list[list[LineStart]]]:
    """The text as `join_wrapped_lines` reads it: the lines of each paragraph (up to a
    blank line) joined into its first line, and each line after it left blank, so a
    paragraph keeps its first line's number; and, for each line, where the lines joined
    into it begin."""
    lines = text.split("\n")
    out: list[str] = []
    starts: list[list[LineStart]] = []
    for number, line in enumerate(lines, start=1):
        if line.strip() and number > 1 and lines[number - 2].strip():
            out.append("")
            starts.append([])
            continue
        end = number
        while end < len(lines) and line.strip() and lines[end].strip():
            end += 1
        joined, offsets = _joined_at(lines[number - 1:end])
        out.append(joined)
        starts.append([(offset, n, len(lines[n - 1]) - len(lines[n - 1].lstrip()))
                       for offset, n in zip(offsets, range(number, end + 1), strict=True)])
    return "\n".join(out), starts


def _repairs(text: str) -> list[str]:
    """The joins that were split, shown with a little context, e.g. `expenses.|DeepSeek`."""
    return [f"{text[max(0, m.start() - 12):m.start()]}\u2038{text[m.start():m.start() + 12]}"
            for m in RUN_ON.finditer(text)]
