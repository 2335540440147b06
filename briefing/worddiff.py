"""Where a quote differs from the closest passage of its article, word by word.

A `quote-not-found` hint shows the passage with the differences marked, so the curator
sees at once that the quote says "experts" where the article says "expert". The marks are
git's plain word-diff notation in text (the terminal, `--format github`) and `<del>` and
`<ins>` on the Problems page; both come from the same segments.

Only the quote and the passage (about the quote's length) are compared, never the
article, so the cost is bounded by the quote's length squared in words, which the
closest-passage search before it already exceeds.
"""

from __future__ import annotations

import difflib
import re

from markupsafe import Markup

from .chars import UNSPACED_CLASS
from .markup import attr, md_escape

# One segment: ("=", text in both), ("-", text only in the quote), ("+", only in the passage).
Segment = tuple[str, str]

# Words and punctuation marks are the units compared, each with the space after it:
# "$5" against "$6" marks the digit, "million." against "million" only the full stop,
# 'residents."' against "residents." nothing (the mark after the quote's end is context),
# and spaces never pair up on their own between words that differ. Chinese and Japanese,
# written without spaces, are compared a character at a time.
_TOKEN = re.compile(rf"({UNSPACED_CLASS}|(?:(?!{UNSPACED_CLASS})\w)+|[^\w\s])(\s*)")
_PUNCTUATION = re.compile(r"[^\w\s]+")
# What the struck-out words are only in: the quote, or its `prefix` or `suffix`.
LEGEND = "[-…-] is only in {}, {{+…+}} only in the article"
LEGEND_HTML = "struck out: only in {}; underlined: only in the article"
_LEGEND_AFTER = re.compile(r" \(\[-…-\] is only in (.+?), \{\+…\+\} only in the article\)")


def word_diff(quote: str, passage: str) -> tuple[Segment, ...]:
    """The passage with the quote's differences. Words the passage has before or after
    everything it shares with the quote are context of the passage, not differences."""
    ours, theirs = _TOKEN.findall(quote), _TOKEN.findall(passage)
    matcher = difflib.SequenceMatcher(None, [word for word, _ in ours],
                                      [word for word, _ in theirs], autojunk=False)
    opcodes = matcher.get_opcodes()
    segments: list[Segment] = []
    last = len(opcodes) - 1
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal" or (tag == "insert" and index in (0, last)):
            segments.append(("=", _joined(theirs[j1:j2])))
            continue
        # Punctuation the passage has beyond the quote's ends ('time,"' against 'times')
        # is context too.
        lead = trail = ""
        while index == 0 and j2 - j1 > 1 and _PUNCTUATION.fullmatch(theirs[j1][0]):
            lead, j1 = lead + _joined(theirs[j1:j1 + 1]), j1 + 1
        while index == last and j2 - j1 > 1 and _PUNCTUATION.fullmatch(theirs[j2 - 1][0]):
            trail, j2 = _joined(theirs[j2 - 1:j2]) + trail, j2 - 1
        mine, other = _joined(ours[i1:i2]), _joined(theirs[j1:j2])
        # The space after the change stays outside its marks: "a [-b-] c".
        after = (other or mine)[len((other or mine).rstrip()):]
        segments.extend((op, text) for op, text in (
            ("=", lead), ("-", mine.rstrip()), ("+", other.rstrip()), ("=", after + trail))
            if text)
    return _merged(segments)


def _merged(segments: list[Segment]) -> tuple[Segment, ...]:
    """Neighbouring unchanged segments as one."""
    out: list[Segment] = []
    for op, text in segments:
        if out and op == "=" and out[-1][0] == "=":
            out[-1] = ("=", out[-1][1] + text)
        else:
            out.append((op, text))
    return tuple(out)


def _joined(tokens: list[tuple[str, str]]) -> str:
    return "".join(word + space for word, space in tokens)


def differs(segments: tuple[Segment, ...]) -> bool:
    return any(op != "=" for op, _ in segments)


def diff_text(segments: tuple[Segment, ...]) -> str:
    """`its widget costs $[-6-]{+5+} million.`"""
    marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    return "".join(marks[op].format(text) for op, text in segments)


def passage_hint(segments: tuple[Segment, ...], label: str = "closest passage in the article",
                 ours: str = "the quote") -> str:
    """The hint's words for the passage, as `hint_html` finds them again; `ours` is what
    the curator wrote that the passage is compared with."""
    text = f"{label}: '{diff_text(segments)}'"
    return text + (f" ({LEGEND.format(ours)})" if differs(segments) else "")


def hint_html(hint: str, segments: tuple[Segment, ...]) -> Markup:
    """A hint for the Problems page: the marked passage as `<del>` and `<ins>`, the rest
    of the hint escaped as text."""
    before, found, after = hint.partition(f"'{diff_text(segments)}'")
    if not segments or not found:
        return _text_html(hint)
    legend = _LEGEND_AFTER.match(after) if differs(segments) else None
    ours = legend.group(1) if legend else "the quote"
    tags = {"-": (f'<del title="only in {attr(ours)}">', "</del>"),
            "+": ('<ins title="only in the article">', "</ins>")}
    parts = []
    for op, text in segments:
        opening, closing = tags.get(op, ("", ""))
        parts.append(Markup(opening) + md_escape(text, line_start=False) + Markup(closing))
    shown = Markup("")
    if legend is not None:
        shown, after = Markup(" ({})").format(LEGEND_HTML.format(ours)), after[legend.end():]
    passage = Markup('<q class="closest-passage">{}</q>').format(Markup("").join(parts))
    return _text_html(before) + passage + shown + _text_html(after, line_start=False)


def _text_html(text: str, *, line_start: bool = True) -> Markup:
    """Hint text for the page: its `code` spans (a setting or a field to write) as code,
    as the terminal shows them between backticks; the rest escaped as text. With an odd
    number of backticks no span can be trusted, and all of it is text."""
    parts = text.split("`")
    if len(parts) % 2 == 0:
        return md_escape(text, line_start=line_start)
    html = [Markup("<code>{}</code>").format(attr(part)) if n % 2
            else md_escape(part, line_start=line_start and n == 0)
            for n, part in enumerate(parts) if part or n % 2]
    return Markup("").join(html)
