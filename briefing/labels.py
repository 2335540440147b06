"""What kind of text a source is and who stands behind it, as readers see it beside every
citation: "AI-generated summary · no named outlet or author"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from .markedwords import marked
from .markup import md_escape
from .model import Source
from .wording import Wording


def kind_names(words: Wording) -> dict[str, str]:
    """Each kind of source (`model.SOURCE_KINDS`) in words, in `words`' language."""
    # Translators: what kind of text a source is, shown beside every citation of it.
    return {"news-report": words.gettext("news report"),
            "news-analysis": words.gettext("news analysis"),
            "explainer": words.gettext("explainer"), "opinion": words.gettext("opinion"),
            "press-release": words.gettext("press release"), "paper": words.gettext("paper"),
            "ai-summary": words.gettext("AI-generated summary"),
            "other": words.gettext("other text")}


@dataclass(frozen=True)
class Byline:
    """What a source's label says of it: its kind, outlet and author. A page's view holds
    these, not the label's words, so that the page can mark which words are Briefing's
    (`describe_html`)."""

    kind: str | None
    outlet: str | None
    author: str | None


def byline(source: Source) -> Byline:
    return Byline(source.kind, source.outlet, source.author)


def describe(source: Source | Byline, *, capital: bool = True, words: Wording | None = None
             ) -> str:
    """The source's kind, outlet and author, saying which of the two are not known; with
    `capital`, as the start of a sentence. In `words`' language (English without)."""
    parts = _parts(source, words or Wording(), capital=capital)
    return " · ".join(message % values if values else message for message, values in parts)


def describe_html(source: Byline, *, capital: bool = True, words: Wording | None = None
                  ) -> Markup:
    """`describe` as a page shows it: the source's names escaped and, on a site in a
    language Briefing has no words for, its own words marked English (`markedwords.py`)."""
    wording = words or Wording()
    return Markup(" · ").join(
        marked(message, {name: md_escape(value) for name, value in values.items()},
               foreign=wording.foreign)
        for message, values in _parts(source, wording, capital=capital))


# A message that starts with a value: its value is what a capital goes on.
_LEADING_VALUE = re.compile(r"%\((\w+)\)s")


def _parts(source: Source | Byline, words: Wording, *, capital: bool
           ) -> list[tuple[str, dict[str, str]]]:
    """The label's parts, each a message in `words` and the values that go into it."""
    parts: list[tuple[str, dict[str, str]]] = \
        [(kind_names(words).get(source.kind, ""), {})] if source.kind else []
    if source.outlet and source.author:
        # Translators: a source's outlet and its author: "Reuters, by Jane Doe"; the author
        # may be an institution, whose name some languages give an article.
        parts.append((words.gettext("%(outlet)s, by %(author)s"),
                      {"outlet": source.outlet, "author": source.author}))
    elif source.outlet:
        parts += [("%(outlet)s", {"outlet": source.outlet}),
                  (words.gettext("no named author"), {})]
    elif source.author:
        # Translators: a source's author, a person or an institution ("by Reuters"): where
        # a language gives an institution's name an article, write a label ("autore: …").
        parts += [(words.gettext("by %(author)s"), {"author": source.author}),
                  (words.gettext("no named outlet"), {})]
    else:
        parts.append((words.gettext("no named outlet or author"), {}))
    if not capital:
        return parts
    (message, values), rest = parts[0], parts[1:]
    leading = _LEADING_VALUE.match(message)
    if leading:
        name = leading.group(1)
        values = {**values, name: values[name][:1].upper() + values[name][1:]}
    else:
        message = message[:1].upper() + message[1:]
    return [(message, values), *rest]


def weakly_attributed(source: Source) -> bool:
    """An AI-generated text, or one that names neither its outlet nor its author: a figure
    resting on it alone deserves a word of warning."""
    return source.kind == "ai-summary" or not (source.outlet or source.author)
