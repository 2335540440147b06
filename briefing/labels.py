"""What kind of text a source is and who stands behind it, as readers see it beside every
citation: "AI-generated summary · no named outlet or author"."""

from __future__ import annotations

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


def describe(source: Source, *, capital: bool = True, words: Wording | None = None) -> str:
    """The source's kind, outlet and author, saying which of the two are not known; with
    `capital`, as the start of a sentence. In `words`' language (English without)."""
    words = words or Wording()  # (English: the messages as written)
    parts = [kind_names(words).get(source.kind, "")] if source.kind else []
    if source.outlet and source.author:
        # Translators: a source's outlet and its author: "Reuters, by Jane Doe"; the author
        # may be an institution, whose name some languages give an article.
        parts.append(words.gettext("%(outlet)s, by %(author)s", outlet=source.outlet,
                                   author=source.author))
    elif source.outlet:
        parts += [source.outlet, words.gettext("no named author")]
    elif source.author:
        # Translators: a source's author, a person or an institution ("by Reuters"): where
        # a language gives an institution's name an article, write a label ("autore: …").
        parts += [words.gettext("by %(author)s", author=source.author),
                  words.gettext("no named outlet")]
    else:
        parts.append(words.gettext("no named outlet or author"))
    text = " · ".join(parts)
    return text[:1].upper() + text[1:] if capital else text


def weakly_attributed(source: Source) -> bool:
    """An AI-generated text, or one that names neither its outlet nor its author: a figure
    resting on it alone deserves a word of warning."""
    return source.kind == "ai-summary" or not (source.outlet or source.author)
