"""The cleaned view of a source: boilerplate dropped, headings marked, run-together
sentences repaired. A derived view only; the article file is never touched."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .diagnostics import Diagnostic, warning
from .model import Source
from .text import fold_spaces

# A lower-case letter or digit, sentence punctuation and an optional closing quotation
# mark, directly followed by an upper-case letter (or an opening curly quote).
_RUN_ON = re.compile(
    r"(?<=[a-z0-9][.!?])(?=[A-Z\u2018\u201c])|(?<=[a-z0-9][.!?]['\"\u2019\u201d])(?=[A-Z])"
)


@dataclass(frozen=True)
class Block:
    kind: str  # "paragraph" or "heading"
    text: str
    line: int  # line in the article file, for diagnostics and "view original"


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
            blocks.append(Block("heading", folded, number))
            continue
        text = line.strip()
        if repair:
            repaired = _RUN_ON.sub(" ", text)
            if repaired != text:
                removals.extend(Removal("repair", m, number) for m in _repairs(text))
                text = repaired
        blocks.append(Block("paragraph", text, number))

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


def _repairs(text: str) -> list[str]:
    """The joins that were split, shown with a little context, e.g. `expenses.|DeepSeek`."""
    return [f"{text[max(0, m.start() - 12):m.start()]}\u2038{text[m.start():m.start() + 12]}"
            for m in _RUN_ON.finditer(text)]
