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

# The attributes that mark an element's words English.
MARKS = ' lang="en" dir="ltr"'
OPEN, CLOSE = f"<span{MARKS}>", "</span>"
# Letters written right to left: Hebrew, Arabic, Syriac, Thaana, N'Ko and Samaritan, and
# Arabic's and Hebrew's presentation forms.
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# What stays outside the mark of a run of words (`_english`): not an apostrophe, which
# is inside a word ("'s").
_OUTSIDE = " \t\n,;:.!?()[]·"
# A message's placeholders (`%(name)s`, `%(num)d`) and its escaped percent sign.
_PLACEHOLDER = re.compile(r"%\((\w+)\)([sd])|%%")


def marked(message: str, values: Mapping[str, object], *, foreign: bool) -> Markup:
    """The message with its values put in (`%` formatting), its own words marked English
    when `foreign`. A message without values is taken as written, `%` and all (Markup
    too: joined to the marks as text, it would have them escaped)."""
    message = str(message)
    if not values:
        return Markup(OPEN + message + CLOSE if foreign else message)
    if not foreign or not _PLACEHOLDER.sub("", message).strip(_OUTSIDE):
        return Markup(message % values)  # (no words of its own: "%(outlet)s", "%(a)s: %(b)s")
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


def marked_whole(text: str, *, foreign: bool) -> str:
    """Briefing's words with values already put in (a chart's description), marked whole
    when `foreign`, as `marked` marks a message whose values hold no words written right
    to left; unmarked when some do: its own words can no longer be told from theirs."""
    text = str(text)  # (Markup would have the marks escaped)
    if not foreign or _RIGHT_TO_LEFT.search(text):
        return text
    return OPEN + text + CLOSE


def _english(words: str) -> str:
    """A run of the message's own words, marked. White space and the punctuation that
    parts a phrase from a value stay outside the mark: the space still parts them, and
    the punctuation follows the page's direction, beside the value it belongs to
    ("الجزيرة, by أحمد علي", whose comma was otherwise drawn on the far side of "by")."""
    inner = words.strip(_OUTSIDE)
    if not inner:
        return words
    start = words.index(inner)
    return f"{words[:start]}{OPEN}{inner}{CLOSE}{words[start + len(inner):]}"


def unmarked(text: str) -> tuple[str, str]:
    """A message's words without the mark `marked` gave them whole, and the attributes
    that mark them (none where it gave none): for a place that takes text, not markup,
    whose element carries the mark instead (a table cell's label, a flag)."""
    inner = text[len(OPEN):-len(CLOSE)]
    if text.startswith(OPEN) and text.endswith(CLOSE) and OPEN not in inner \
            and CLOSE not in inner:
        return inner, MARKS
    return text, ""
