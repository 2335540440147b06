"""A link's text found by scanning forward from its opening bracket, for the generated
pages' Markdown instance.

Python-Markdown finds the bracket closing a link's text by computing the closing bracket
of every position of the paragraph, in a Python loop, and again after each link it
replaces, as the paragraph's text then changes. A paragraph of many links is quadratic:
a map's drawing is one paragraph holding a link per box, and at 1,000 sources the
recomputing was about 40% of converting the generated pages (docs/performance.md, "A
link's text"). The text closing near its bracket, as a link's does,
is found here by looking at the brackets after it only; a text that does not close
within a few brackets is left to Python-Markdown's own computation, which is linear in
the paragraph, so brackets that never close cost no more than before. The answer is
Python-Markdown's either way (`tests/test_linktext.py` compares them).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import LinkInlineProcessor

# Python-Markdown's processors of `[text](url)`, `![alt](src)` and their reference forms.
LINK_PROCESSORS = ("reference", "link", "image_link", "image_reference",
                   "short_reference", "short_image_ref")
BRACKET = re.compile(r"[\[\]]")
# Brackets looked at before leaving the text to Python-Markdown.
NEAR = 64

GetText = Callable[[str, int], "tuple[str, int, bool]"]


def near_text(data: str, index: int, whole: GetText) -> tuple[str, int, bool]:
    """`getText`'s answer for the text opening at `index`: the text, the position just past
    its closing bracket and True, or what `whole` (Python-Markdown's) answers when the
    closing bracket is not among the next `NEAR` brackets."""
    depth = 0
    for seen, bracket in enumerate(BRACKET.finditer(data, index)):
        if seen == NEAR:
            break
        if bracket.group() == "[":
            depth += 1
            continue
        depth -= 1
        if depth < 0:
            end = bracket.end()
            return data[index:end - 1], end, True
    return whole(data, index)


class NearLinkText(Extension):
    """Gives each of Python-Markdown's link processors `near_text` as its `getText`, on
    this Markdown instance only (a processor another extension put in their place, or
    one whose class finds the text its own way, is left as it is)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        for name in LINK_PROCESSORS:
            if name not in md.inlinePatterns:
                continue
            processor = md.inlinePatterns[name]
            if isinstance(processor, LinkInlineProcessor) and \
                    type(processor).getText is LinkInlineProcessor.getText:
                processor.getText = _bound(processor.getText)  # type: ignore[method-assign, assignment]


def _bound(whole: GetText) -> GetText:
    return lambda data, index: near_text(data, index, whole)
