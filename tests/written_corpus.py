"""A corpus whose every titled or named field, and every piece of the curator's prose,
holds the characters that need escaping, each field opened by a word of its own so that
its text can be found wherever the site shows it (tests/test_written_as_written.py and the
browser's search).

A new field is one entry in `FIELDS` and its place in `corpus`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from corpus_helpers import write_tree

from briefing.markup import curly_quoted

# What needs escaping in HTML, XML and JSON, and an entity written out as text.
HARD = "Q & A <b>x</b> \"quoted\" it's a < b > c &amp; AT&T"
SITE_NAME = "Escapes & Co"
# A source's address with a query: `&` in an attribute, escaped once.
SOURCE_URL = "https://news.example/a?id=1&lang=en"


@dataclass(frozen=True)
class Field:
    label: str  # the word its text opens with, written nowhere else on the site
    home: str  # a page that shows it to readers (in its text, a tooltip or its title)


FIELDS = {
    "source title": Field("SourceTitle", "sources/acme-widget/index.html"),
    "source outlet": Field("SourceOutlet", "sources/acme-widget/index.html"),
    "source author": Field("SourceAuthor", "sources/acme-widget/index.html"),
    "source note": Field("SourceNote", "sources/acme-widget/index.html"),
    "source date basis": Field("SourceBasis", "sources/acme-widget/index.html"),
    "source heading": Field("SourceHeading", "sources/acme-widget/index.html"),
    "quote text": Field("QuoteText", "sources/acme-widget/index.html"),
    "quote note": Field("QuoteNote", ""),  # shown nowhere, but never raw where it may be
    "entity name": Field("EntityName", "entities/acme/index.html"),
    "entity alias": Field("EntityAlias", "entities/acme/index.html"),
    "entity description": Field("EntityDescription", "entities/acme/index.html"),
    "claim statement": Field("ClaimStatement", "claims/widget-cost-5m/index.html"),
    "claim note": Field("ClaimNote", "claims/widget-cost-5m/index.html"),
    "figure scope": Field("FigureScope", "claims/widget-cost-5m/index.html"),
    "event label": Field("EventLabel", "timeline/index.html"),
    "event date basis": Field("EventBasis", "timeline/index.html"),
    "brief title": Field("BriefTitle", "briefs/widget/index.html"),
    "brief summary": Field("BriefSummary", "briefs/widget/index.html"),
    "brief point": Field("BriefPoint", "briefs/widget/index.html"),
    "topic name": Field("TopicName", "topics/t-cost/index.html"),
    "metric name": Field("MetricName", "figures/m-widget-cost/index.html"),
    "page title in front matter": Field("PageTitle", "fm/index.html"),
    "page description": Field("PageDescription", ""),  # the page's meta description
    "page section": Field("PageSection", "fm/index.html"),
    "page title as heading": Field("PageHeading", "heading/index.html"),
}


def written(field: str) -> str:
    """The field's text as the contributor wrote it."""
    return f"{FIELDS[field].label} {HARD}"


def shown(field: str) -> str:
    """The field's text as a reader reads it: as written, but a quote's own double quotes
    become single ones inside the quotation marks the site sets around it."""
    text = written(field)
    return curly_quoted(text)[1:-1] if field == "quote text" else text


def shown_forms(field: str) -> frozenset[str]:
    """Each way the field may be read: `shown`, and a quote also as written, in its
    source's text."""
    return frozenset({shown(field), written(field)})


def misread(text: str, field: str, *, cropped: bool = False) -> list[str]:
    """The text from each place in `text` where the field's first word is read, as long as
    the field, that is not the field as written: neither a form of `shown_forms`, nor one
    shortened to end in "…" (as a map's box cuts a long title), nor, `cropped`, one cut
    where `text` ends (as a search's excerpt ends)."""
    found, label, length = [], FIELDS[field].label + " ", len(written(field)) + 1
    at = text.find(label)
    while at >= 0:
        read = text[at:at + length]
        cut = read.split("\u2026")[0].rstrip()
        if not any(read.startswith(form) or ("\u2026" in read and form.startswith(cut))
                   or (cropped and at + len(read) == len(text) and form.startswith(read))
                   for form in shown_forms(field)):
            found.append(read)
        at = text.find(label, at + 1)
    return found


def _markdown(text: str) -> str:
    """Markdown that a reader reads as `text`: an entity is written `&amp;` and a tag
    `&lt;`, else Markdown reads them as HTML."""
    return text.replace("&", "&amp;").replace("<", "&lt;")


def corpus() -> dict[str, str | bytes]:
    """Every field of `FIELDS` in place; the quote is found in its source's text."""
    y = json.dumps  # a JSON string is a YAML double-quoted scalar
    return {
        "sources/acme-widget.txt": f"{written('source heading')}\n\n"
                                   "Acme says its widget costs $5 million.\n\n"
                                   f"The analyst said {written('quote text')} today.\n",
        "sources/acme-widget.yml": f"""\
title: {y(written('source title'))}
outlet: {y(written('source outlet'))}
author: {y(written('source author'))}
url: {y(SOURCE_URL)}
published: {{date: "2025-01", inferred: true, basis: {y(written('source date basis'))}}}
note: {y(written('source note'))}
cleaning:
  headings: [{y(written('source heading'))}]
quotes:
  - id: acme-cost
    text: "its widget costs $5 million"
    speaker: acme
    asserts: [widget-cost-5m]
  - id: hard-quote
    text: {y(written('quote text'))}
    speaker: jane-doe
    doubts: [widget-cost-5m]
    note: {y(written('quote note'))}
""",
        "claims.yml": f"""\
claims:
  - id: widget-cost-5m
    statement: {y(written('claim statement'))}
    claimant: acme
    status: disputed
    note: {y(written('claim note'))}
    topics: [cost]
    figures:
      - metric: widget-cost
        subject: acme
        value: 5000000
        unit: USD
        scope: {y(written('figure scope'))}
    events:
      - what: {y(written('event label'))}
        when: {{date: "2025-01", inferred: true, basis: {y(written('event date basis'))}}}
""",
        "entities.yml": f"""\
entities:
  - id: acme
    name: {y(written('entity name'))}
    kind: organisation
    aliases: [Acme, {y(written('entity alias'))}]
    description: {y(written('entity description'))}
  - id: jane-doe
    name: Jane Doe
    kind: person
""",
        "names.yml": f"""\
metrics:
  - id: widget-cost
    name: {y(written('metric name'))}
topics:
  - id: cost
    name: {y(written('topic name'))}
""",
        "briefs/widget.yml": f"""\
title: {y(written('brief title'))}
summary: {y(written('brief summary'))}
sections:
  - kind: what-happened
    points:
      - text: {y(written('brief point'))}
        cites: [acme-cost, hard-quote]
        claims: [widget-cost-5m]
""",
        "pages/fm.md": f"---\ntitle: {y(written('page title in front matter'))}\n"
                       f"description: {y(written('page description'))}\n---\n\n"
                       "A page titled in its front matter.\n\n"
                       f"## {_markdown(written('page section'))}\n\nA section.\n",
        "pages/heading.md": f"# {_markdown(written('page title as heading'))}\n\n"
                            "A page titled by its heading.\n",
    }


def project(root: Path, theme: str) -> Path:
    """The corpus under `theme` (Briefing's with Pagefind's search, as published), with
    MkDocs' search beside it and a site URL, so that the feed and the sitemap are
    written."""
    write_tree(root / "content", corpus())
    (root / "mkdocs.yml").write_text(
        f"site_name: {SITE_NAME}\nsite_url: https://example.org/escapes/\n"
        f"docs_dir: content/pages\ntheme:\n  name: {theme}\n"
        "plugins:\n  - search\n  - briefing\nmarkdown_extensions: [attr_list, toc]\n",
        encoding="utf-8")
    return root
