"""What kind of text a source is and who stands behind it, as readers see it beside every
citation: "AI-generated summary · no named outlet or author"."""

from __future__ import annotations

from types import MappingProxyType

from .model import Source

KIND_NAMES = MappingProxyType({
    "news-report": "news report", "news-analysis": "news analysis", "explainer": "explainer",
    "opinion": "opinion", "press-release": "press release", "paper": "paper",
    "ai-summary": "AI-generated summary", "other": "other text"})


def describe(source: Source, *, capital: bool = True) -> str:
    """The source's kind, outlet and author, saying which of the two are not known; with
    `capital`, as the start of a sentence."""
    parts = [KIND_NAMES.get(source.kind, "")] if source.kind else []
    if source.outlet and source.author:
        parts.append(f"{source.outlet}, by {source.author}")
    elif source.outlet:
        parts += [source.outlet, "no named author"]
    elif source.author:
        parts += [f"by {source.author}", "no named outlet"]
    else:
        parts.append("no named outlet or author")
    text = " · ".join(parts)
    return text[:1].upper() + text[1:] if capital else text


def weakly_attributed(source: Source) -> bool:
    """An AI-generated text, or one that names neither its outlet nor its author: a figure
    resting on it alone deserves a word of warning."""
    return source.kind == "ai-summary" or not (source.outlet or source.author)
