"""Briefing's English words on a page of a site in another language, marked as English.

Where Briefing has no catalog for the site's language its words stay English
(`Wording.foreign`), and the pages say so, as the theme does for its own words: a screen
reader then reads them as English, and on a site written right to left (Arabic, Hebrew) a
message keeps its order. Unmarked, the page's direction took a line apart: "5 Mar 2025
Sources up to", ".No figures recorded yet", "has 2 entries The whole timeline".

A message is marked whole ("Sources up to 5 Mar 2025" reads as one English phrase) unless
a value put into it holds words written right to left (a title, a name, a note in the
site's language, or a tip's: an inferred date's basis): the message's own words are then
marked piece by piece around it, so that the value keeps its place in the page's
direction ("Claimed by" at the right of an Arabic name, not at its left as in an English
line).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from markupsafe import Markup

OPEN, CLOSE = '<span lang="en" dir="ltr">', "</span>"
# Letters written right to left: Hebrew, Arabic, Syriac, Thaana, N'Ko and Samaritan, and
# Arabic's and Hebrew's presentation forms.
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# A message's placeholders (`%(name)s`, `%(num)d`) and its escaped percent sign.
_PLACEHOLDER = re.compile(r"%\((\w+)\)([sd])|%%")


def marked(message: str, values: Mapping[str, object], *, foreign: bool) -> Markup:
    """The message with its values put in (`%` formatting), its own words marked English
    when `foreign`. A message without values is taken as written, `%` and all."""
    if not values:
        return Markup(OPEN + message + CLOSE if foreign else message)
    if not foreign:
        return Markup(message % values)
    if not any(_RIGHT_TO_LEFT.search(str(value)) for value in values.values()):
        return Markup(OPEN + message % values + CLOSE)
    pieces, words, start = [], "", 0
    for placeholder in _PLACEHOLDER.finditer(message):
        words += message[start:placeholder.start()]
        start = placeholder.end()
        if placeholder.group() == "%%":
            words += "%"
            continue
        pieces.append(_english(words))
        words = ""
        name, kind = placeholder.groups()
        pieces.append(f"{values[name]:d}" if kind == "d" else str(values[name]))
    pieces.append(_english(words + message[start:]))
    return Markup("".join(pieces))


def _english(words: str) -> str:
    """A run of the message's own words, marked; white space stays outside the mark, so
    that it still parts the words from the value beside them."""
    if not words.strip():
        return words
    lead, trail = words[:len(words) - len(words.lstrip())], words[len(words.rstrip()):]
    return f"{lead}{OPEN}{words.strip()}{CLOSE}{trail}"


def unmarked(text: str) -> tuple[str, str]:
    """A message's words without the mark `marked` gave them whole, and the attributes
    that mark them (none where it gave none): for a place that takes text, not markup,
    whose element carries the mark instead (a table cell's label, a flag)."""
    inner = text[len(OPEN):-len(CLOSE)]
    if text.startswith(OPEN) and text.endswith(CLOSE) and OPEN not in inner \
            and CLOSE not in inner:
        return inner, ' lang="en" dir="ltr"'
    return text, ""
