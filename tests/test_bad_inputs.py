"""A table of bad inputs. Each case starts from the valid minimal corpus, breaks one thing,
and runs the CLI as a user would: the build must fail with exit status 1, name the exact
`path:line:col` with the code's severity and a hint, leave content/ byte-identical and keep
the previous output. Warnings fail too, because the table builds with --strict.

The table is also the source of the examples in docs/diagnostics.md (test_diagnostics_doc)."""

from __future__ import annotations

import contextlib
import errno
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from click.testing import CliRunner
from corpus_helpers import (
    ARTICLE,
    BRIEF_YML,
    CLAIMS_YML,
    PLAN_TXT,
    PLAN_YML,
    SOURCE_YML,
    minimal_corpus,
    snapshot,
    write_tree,
)

from briefing.cli import main
from briefing.codes import CODES
from briefing.emit import OUTPUT_MARK, output_mark
from briefing.extract import installed_version


@dataclass(frozen=True)
class Case:
    id: str
    code: str
    where: str  # file:line:col under content/
    edits: tuple[tuple[str, str, str], ...] = ()  # (file, old, new) text replacements
    files: tuple[tuple[str, str | bytes | None], ...] = ()  # whole files (None deletes)
    links: tuple[tuple[str, str], ...] = ()  # (link under content/, target beside content/)
    config: str = ""  # a mkdocs.yml written beside content/ and passed with --config-file
    # (link under content/, target as the link holds it, never created): dangling, loops
    raw_links: tuple[tuple[str, str], ...] = ()
    fifos: tuple[str, ...] = ()  # named pipes made under content/
    unreadable: tuple[str, ...] = ()  # files or folders under content/ no one may read
    hint: str = ""  # words the hint must contain, when they are the point of the case
    alone: bool = False  # the one error reported: nothing else is reported because of it
    only: bool = False  # the one problem reported, warnings included
    check_only: bool = False  # said by `briefing check` (what `mkdocs build` stops on), not
    # by `briefing build --out`, which builds no site from mkdocs.yml


def edit(file: str, old: str, new: str) -> tuple[str, str, str]:
    return (file, old, new)


SRC = "sources/acme-widget.yml"
TXT = "sources/acme-widget.txt"
LINE_1 = ARTICLE.split("\n")[0]
CONFIG = "site_name: Test\nplugins:\n  - briefing:\n      severity:\n"
# The hand-written pages published, as `briefing init` writes them.
PAGES_CONFIG = ("site_name: Test\ndocs_dir: content/pages\nmarkdown_extensions: [attr_list]\n"
                "plugins:\n  - briefing\n")
# A saved page kept beside the widget article, which is not its text.
PAGE = ("<!doctype html><html><head><title>Widget prices</title></head><body><article>"
        "<h1>Widget prices</h1><p>Acme Corp has raised the price of its widget again, "
        "its third rise this year, and buyers are starting to look elsewhere.</p>"
        "</article></body></html>")
EXTRACTED = f'extracted: {{by: trafilatura, version: "{installed_version("trafilatura")}"}}'
LONE_ENTITY = "entities:\n  id: widget-guild\n  name: Widget Guild\n  kind: organisation\n"
ENTITY_ACME = "entities:\n  id: acme\n  name: Acme Corp\n  kind: organisation\n  aliases: [Acme]\n"
PEOPLE = "entities:\n  - id: jane-doe\n    name: Jane Doe\n    kind: person\n"
NOTE = "Jane Doe: the widget price is too high.\n"
LONE_QUOTE = ('title: "A note on widgets"\nquotes:\n  id: doe-note-price\n'
              '  text: "the widget price is too high"\n  speaker: jane-doe\n')
# names.yml naming the minimal corpus's metric and topic.
NAMES = ('metrics:\n  - id: widget-cost\n    name: "Coût du widget"\n'
         'topics:\n  - id: cost\n    name: "Coûts"\n')
CASES = [
    Case("unknown key", "schema-unknown-key", f"{SRC}:1:1", (edit(SRC, "title:", "titel:"),)),
    Case("stance in other words", "schema-unknown-key", f"{SRC}:11:5",
         (edit(SRC, "asserts: [widget-cost-5m]", "supports: [widget-cost-5m]"),),
         hint="did you mean 'asserts' (claims the speaker states as true)?", alone=True),
    Case("quote text unquoted", "schema-unquoted-text", f"{SRC}:9:11",
         (edit(SRC, 'text: "its widget costs $5 million"', "text: its widget costs $5 million"),)),
    Case("text in typographic quotes", "schema-unquoted-text", f"{SRC}:9:11",
         (edit(SRC, 'text: "its widget costs $5 million"',
               "text: \u201cits widget costs $5 million\u201d"),),
         hint="between straight double quotes"),
    Case("title cut short by a comment", "text-cut-by-comment", f"{SRC}:1:31",
         (edit(SRC, 'title: "Acme prices its widget"', "title: Acme prices its widget #4 again"),),
         hint="write the text in double quotes"),
    Case("plain scalar cut at #", "schema-unquoted-text", f"{SRC}:9:11",
         (edit(SRC, 'text: "its widget costs $5 million"', "text: its widget #1 costs"),)),
    Case("quote not in source", "quote-not-found", f"{SRC}:9:11",
         (edit(SRC, "its widget costs $5 million", "its widgets cost $5 million"),),
         hint="'its [-widgets cost-]{+widget costs+} $5 million.'"),
    # The article's closing quotation mark after the quote's full stop is its context,
    # not a change to the stop ("[-.-]{+.”+}").
    Case("quote ending in a stop, a word changed", "quote-not-found", f"{SRC}:13:11",
         (edit(TXT, "\u201cthe widget is overpriced\u201d in a note.",
               "\u201cthe widget is overpriced.\u201d"),
          edit(SRC, '"the widget is overpriced"', '"the widget was overpriced."')),
         hint="'\u201cthe widget [-was-]{+is+} overpriced.\u201d'"),
    # Words not in the article are not held to the prose citing them: the point that cites
    # it is not also told that it drops the quote's "reportedly".
    Case("quote not in source, with a hedge the article lacks", "quote-not-found",
         f"{SRC}:9:11", (edit(SRC, "its widget costs", "its widget reportedly costs"),),
         only=True),
    Case("quote without the article's quotation marks", "quote-not-found", f"{SRC}:9:11",
         (edit(TXT, "its widget costs $5 million", 'its widget costs “$5 million”'),),
         hint="write the text between single quotes"),
    Case("quote from a line a cleaning rule drops", "quote-not-found", f"{SRC}:9:11",
         (edit(SRC, '"its widget costs $5 million"', '"Smiley face"'),),
         hint="narrow the `drop_lines` rule"),
    Case("quote across a hard-wrapped line", "quote-not-found", f"{SRC}:9:11",
         (edit(TXT, "its widget costs $5 million", "its widget costs\n$5 million"),),
         hint="add `join_wrapped_lines: true` under `cleaning:`"),
    Case("quote across two paragraphs", "quote-not-found", f"{SRC}:9:11",
         (edit(SRC, '"its widget costs $5 million"', '"Critics disagree. Jane Doe"'),),
         hint="make it two quotes, one for each paragraph"),
    Case("quote occurs twice", "quote-ambiguous", f"{SRC}:9:11",
         (edit(SRC, '"its widget costs $5 million"', '"widget"'),)),
    Case("quote told apart only by an invisible prefix", "quote-ambiguous", f"{SRC}:9:11",
         (edit(TXT, "Smiley face\n", "Smiley face\nAcme Corp says\u2061 its widget costs $5 "
               "million.\n"),
          edit(SRC, "    speaker: acme\n", '    prefix: "says\u2061"\n    speaker: acme\n'))),
    Case("quote prefix not before the quote", "quote-context-not-found", f"{SRC}:10:13",
         (edit(SRC, "    speaker: acme\n", '    prefix: "Acme Corp claims"\n    speaker: acme\n'),),
         hint="just before the quote, the article has: 'Acme Corp [-claims-]{+says+}' ([-…-] "
              "is only in the prefix, {+…+} only in the article): make `prefix:` the last "
              "words of that, exactly, or remove it"),
    Case("quote suffix not after the quote", "quote-context-not-found", f"{SRC}:10:13",
         (edit(SRC, "    speaker: acme\n", '    suffix: ". Critics agree"\n    speaker: acme\n'),),
         hint="just after the quote, the article has: '. Critics [-agree-]{+disagree+}.' "
              "([-…-] is only in the suffix, {+…+} only in the article): make `suffix:` the "
              "first words of that, exactly, or remove it"),
    Case("quote prefix far from what is before the quote", "quote-context-not-found",
         f"{SRC}:10:13",
         (edit(SRC, "    speaker: acme\n", '    prefix: "Widgets"\n    speaker: acme\n'),),
         hint="just before the quote, the article has: 'says': make `prefix:` the last "
              "words of that, exactly, or remove it"),
    Case("quote id not a slug", "schema-slug", f"{SRC}:8:9",
         (edit(SRC, "id: acme-cost", "id: Acme_Cost"),)),
    Case("accented id", "schema-slug", f"{SRC}:8:9",
         (edit(SRC, "id: acme-cost", "id: Café-Cost"),)),
    Case("file name in capitals", "file-id", "briefs/Widget.yml",
         files=(("briefs/widget.yml", None), ("briefs/Widget.yml", BRIEF_YML))),
    Case("duplicate quote id", "duplicate-id", f"{SRC}:12:5",
         (edit(SRC, "id: doe-overpriced", "id: acme-cost"),)),
    # Both quotes are cited: what cites the id waits for the fix, rather than being judged
    # against whichever quote was read last (a point about Acme held to Jane Doe's words).
    Case("duplicate quote id, cited", "duplicate-id", f"{SRC}:12:5",
         (edit(SRC, "id: doe-overpriced", "id: acme-cost"),
          edit("briefs/widget.yml", "cites: [doe-overpriced]", "cites: [acme-cost]")),
         only=True),
    Case("unknown claim in stance", "ref-unknown", f"{SRC}:11:15",
         (edit(SRC, "asserts: [widget-cost-5m]", "asserts: [widget-cost-6m]"),)),
    Case("unknown speaker", "ref-unknown", f"{SRC}:10:14",
         (edit(SRC, "speaker: acme", "speaker: acme-inc"),)),
    Case("claim id as speaker", "ref-unknown", f"{SRC}:10:14",
         (edit(SRC, "speaker: acme", "speaker: widget-cost-5m"),),
         hint="it is a claim id, not an entity id"),
    Case("impossible date", "schema-date", f"{SRC}:2:12",
         (edit(SRC, '"2025-01-02"', '"2025-02-30"'),), hint="against the source"),
    Case("date in another format", "schema-date", f"{SRC}:2:12",
         (edit(SRC, '"2025-01-02"', '"02/01/2025"'),),
         hint='write it "2025-01-02" (2 January) or "2025-02-01" (1 February), as the '
              "source orders day and month"),
    Case("date in digits, the day first", "schema-date", f"{SRC}:2:12",
         (edit(SRC, '"2025-01-02"', '"28/03/2025"'),), hint='write it "2025-03-28"'),
    Case("date written out", "schema-date", f"{SRC}:2:12",
         (edit(SRC, '"2025-01-02"', '"January 2, 2025"'),), hint='write it "2025-01-02"'),
    Case("date written out in German", "schema-date", f"{SRC}:2:12",
         (edit(SRC, '"2025-01-02"', '"2. Januar 2025"'),), hint='write it "2025-01-02"'),
    Case("month written out", "schema-date", "claims.yml:14:15",
         (edit("claims.yml", '{date: "2025-01", about: true, inferred: true, '
               'basis: "Before the article."}', "Jan. 2025"),), hint='write it "2025-01"'),
    Case("date without its leading zeros", "schema-date", f"{SRC}:2:12",
         (edit(SRC, '"2025-01-02"', '"2025-1-2"'),), hint='write it "2025-01-02"'),
    Case("date with a time", "schema-date", f"{SRC}:2:12",
         (edit(SRC, '"2025-01-02"', '"2025-01-02T09:30:00Z"'),), hint='write it "2025-01-02"'),
    Case("day and month without the year", "schema-date", f"{SRC}:2:12",
         (edit(SRC, '"2025-01-02"', '"January 2nd"'),),
         hint='it has no year: write "YYYY-01-02"'),
    Case("month or day zero", "schema-date", f"{SRC}:2:12",
         (edit(SRC, '"2025-01-02"', '"2025-00"'),)),
    Case("date in Arabic-Indic digits", "schema-date", f"{SRC}:2:12",
         (edit(SRC, '"2025-01-02"', '"\u0662\u0660\u0662\u0665-\u0660\u0661-\u0660\u0662"'),),
         hint="digits other than 0-9"),
    Case("publication date in the future", "date-future", f"{SRC}:2:12",
         (edit(SRC, '"2025-01-02"', '"2205-01-02"'),), hint="correct the year, month or day"),
    Case("inferred date without basis", "date-basis-missing", f"{SRC}:2:12",
         (edit(SRC, 'published: "2025-01-02"', 'published: {date: "2025-01", inferred: true}'),)),
    Case("subject's basis without inferred", "subject-basis-uninferred", "claims.yml:9:40",
         (edit("claims.yml", "subject: acme", 'subject: {entity: acme, basis: "Named nearby."}'),),
         hint="add `inferred: true`"),
    Case("subject's inferred not a flag", "schema-flag", "claims.yml:9:43",
         (edit("claims.yml", "subject: acme", "subject: {entity: acme, inferred: yes}"),)),
    Case("inferred subject without its entity", "schema-required", "claims.yml:9:18",
         (edit("claims.yml", "subject: acme", "subject: {inferred: true}"),), hint="`entity:`"),
    Case("inferred subject with an unknown key", "schema-unknown-key", "claims.yml:9:33",
         (edit("claims.yml", "subject: acme", "subject: {entity: acme, infered: true}"),),
         hint="'inferred'"),
    Case("date still briefing new's suggestion", "date-unconfirmed", f"{SRC}:4:10",
         (edit(SRC, 'published: "2025-01-02"', 'published:\n  date: "2025-01-02"\n  basis: '
               '"Suggested by `briefing new`: the first full date in the text; confirm it."\n'
               '  inferred: true'),), hint="if the article states it"),
    Case("entities file among the sources", "source-text-missing", "sources/people.yml",
         files=(("sources/people.yml", "entities:\n  - id: max-roe\n    name: Max Roe\n"
                 "    kind: person\n"),), hint="move it out of sources/, to entities.yml"),
    Case("page front matter not YAML", "page-front-matter", "pages/about.md:3:1",
         files=(("pages/about.md", '---\ntitle: "About\n---\n\n# About\n'),),
         hint="between the `---` lines"),
    Case("page front matter not a mapping", "page-front-matter", "pages/about.md:2:1",
         files=(("pages/about.md", "---\n- About\n---\n\n# About\n"),)),
    Case("script in a hand-written page", "page-unsafe-markup", "pages/about.md:3:9",
         files=(("pages/about.md", "# About\n\nWritten <script>alert(1)</script> here.\n"),),
         hint="no scripts", only=True),
    Case("javascript link in a hand-written page", "page-unsafe-markup", "pages/about.md:3:9",
         files=(("pages/about.md", "# About\n\n[Click](javascript:alert(1)) here.\n"),),
         only=True),
    Case("event handler in a page's attribute list", "page-unsafe-markup",
         "pages/about.md:1:12",
         files=(("pages/about.md", "# About {: onclick=\"alert(1)\" }\n"),), only=True),
    Case("redirecting page going to a script", "page-unsafe-markup", "pages/away.md:3:11",
         files=(("pages/away.md", "---\ntemplate: redirect.html\nlocation: javascript:x()\n"
                 "---\n\n# Away\n"),), only=True),
    Case("structured data in a page's front matter", "page-structured-data",
         "pages/about.md:2:1",
         files=(("pages/about.md", '---\njsonld: {"@type": "ClaimReview"}\n---\n\n# About\n'),),
         only=True),
    Case("bidirectional control in a page's name", "text-bidi-control",
         "pages/notes-\\u202egnp.md",
         files=(("pages/notes-\u202egnp.md", "Text.\n"),), hint="rename", only=True),
    Case("html file among the pages", "page-runnable-file", "pages/embed.html",
         files=(("pages/embed.html", "<script>alert(1)</script>\n"),), only=True),
    # Served as application/xhtml+xml by Debian's types (`mkdocs serve`), application/xml
    # by GitHub Pages': a browser runs its XHTML-namespaced script.
    Case("xhtm file among the pages", "page-runnable-file", "pages/note.xhtm",
         files=(("pages/note.xhtm", '<x xmlns:h="http://www.w3.org/1999/xhtml">'
                 "<h:script>alert(1)</h:script></x>\n"),), only=True),
    Case("svg image with a script among the pages", "page-runnable-file", "pages/chart.svg",
         files=(("pages/chart.svg", '<svg xmlns="http://www.w3.org/2000/svg">'
                 "<script>alert(1)</script></svg>\n"),), hint="publish the page as Markdown",
         only=True),
    Case("javascript url", "schema-url", f"{SRC}:2:6",
         (edit(SRC, 'published: "2025-01-02"', 'url: "javascript:alert(1)"'),)),
    Case("entity-encoded javascript url", "schema-url", f"{SRC}:2:6",
         (edit(SRC, 'published: "2025-01-02"', 'url: "&#106;avascript:alert(1)"'),)),
    Case("data url", "schema-url", f"{SRC}:2:6",
         (edit(SRC, 'published: "2025-01-02"', 'url: "data:text/html,hi"'),)),
    Case("url with a user name before the host", "schema-url", f"{SRC}:2:6",
         (edit(SRC, 'published: "2025-01-02"', 'url: "https://news.example@evil.example/"'),)),
    Case("url without https://", "schema-url", f"{SRC}:2:6",
         (edit(SRC, 'published: "2025-01-02"', 'url: "www.acme.example/widget"'),),
         hint="write https://www.acme.example/widget if that is the article's address"),
    Case("protocol-relative url", "schema-url", f"{SRC}:2:6",
         (edit(SRC, 'published: "2025-01-02"', 'url: "//evil.example/a"'),)),
    Case("url with a backslash", "schema-url", f"{SRC}:2:6",
         (edit(SRC, 'published: "2025-01-02"', 'url: "https:\\\\evil.example/"'),)),
    Case("url with a numeric host", "schema-url", f"{SRC}:2:6",
         (edit(SRC, 'published: "2025-01-02"', 'url: "http://2130706433/"'),)),
    Case("url with a non-ASCII host", "schema-url", f"{SRC}:2:6",
         (edit(SRC, 'published: "2025-01-02"', 'url: "https://\u0430cme.example/"'),)),
    Case("url with a space", "schema-url", f"{SRC}:2:6",
         (edit(SRC, 'published: "2025-01-02"', 'url: "https://acme.example/a b"'),)),
    Case("url with an invisible character", "schema-url", f"{SRC}:2:6",
         (edit(SRC, 'published: "2025-01-02"', 'url: "https://acme.example/\u202egnp.exe"'),)),
    Case("missing title", "schema-required", f"{SRC}:1:1",
         (edit(SRC, 'title: "Acme prices its widget"\n', ""),)),
    Case("unused cleaning rule", "cleaning-rule-unused", f"{SRC}:5:16",
         (edit(SRC, "[Smiley face]", "[Smily face]"),)),
    Case("reference opening an unquoted statement", "yaml-syntax", "claims.yml:3:32",
         (edit("claims.yml", '    statement: "[[entity:acme]] says its widget costs $5 million."',
               "    statement: [[entity:acme]] says its widget costs $5 million."),),
         hint="put the whole value in double quotes"),
    Case("unquoted reference as the whole text", "schema-type", "claims.yml:3:16",
         (edit("claims.yml", '    statement: "[[entity:acme]] says its widget costs $5 million."',
               "    statement: [[entity:acme]]"),),
         hint="YAML reads a value that starts with `[[` as a list"),
    Case("bracket left over after a reference", "ref-stray-bracket", "claims.yml:3:30",
         (edit("claims.yml", "[[entity:acme]] says", "[[entity:acme]]] says"),),
         hint="[[kind:id|label]]"),
    Case("bracket without its pair in a reference's label", "ref-stray-bracket",
         "claims.yml:3:17",
         (edit("claims.yml", "[[entity:acme]] says", "[[entity:acme|the [firm]] says"),)),
    Case("status in other words", "schema-choice", "claims.yml:5:13",
         (edit("claims.yml", "status: disputed", "status: contested"),),
         hint="did you mean 'disputed'?"),
    Case("misspelt status", "schema-choice", "claims.yml:5:13",
         (edit("claims.yml", "status: disputed", "status: disputd"),),
         hint="did you mean 'disputed'?"),
    Case("claim without statement", "schema-required", "claims.yml:2:5",
         (edit("claims.yml", '    statement: "[[entity:acme]] says its widget costs $5 million."\n',
               ""),)),
    Case("claims file is a list", "yaml-missing-list-key", "claims.yml:1:1",
         files=(("claims.yml", "- id: widget-cost-5m\n"),), only=True),
    Case("claims file is a list of words", "schema-type", "claims.yml:1:1",
         files=(("claims.yml", "- widget-cost-5m\n"),)),
    Case("figure value in words", "schema-number", "claims.yml:10:16",
         (edit("claims.yml", "value: 5000000", "value: five million"),)),
    Case("figure value with a scale letter", "schema-number", "claims.yml:10:16",
         (edit("claims.yml", "value: 5000000", "value: 5m"),), hint="write it 5000000:"),
    Case("figure value with its currency sign", "schema-number", "claims.yml:10:16",
         (edit("claims.yml", "value: 5000000", "value: $5,000,000"),),
         hint="write it 5000000, and the currency in `unit: USD`"),
    Case("figure unit a currency's name", "figure-unit-currency", "claims.yml:11:15",
         (edit("claims.yml", "unit: USD", "unit: dollars"),),
         hint="write the currency's code: `unit: USD`", only=True),
    Case("figure unit a currency with its scale", "figure-unit-currency", "claims.yml:11:15",
         (edit("claims.yml", "unit: USD", "unit: million euros"),),
         hint="`unit: EUR`, and the value in full (5 million is `value: 5000000`)",
         only=True),
    Case("figure value in full-width digits", "schema-number", "claims.yml:10:16",
         (edit("claims.yml", "value: 5000000", "value: \uff15" + "\uff10" * 6),),
         hint="digits other than 0-9"),
    Case("figure value too long to be a figure", "schema-number", "claims.yml:10:16",
         (edit("claims.yml", "value: 5000000", "value: " + "9" * 44),), hint="typo"),
    Case("figure range reversed", "schema-range", "claims.yml:10:16",
         (edit("claims.yml", "value: 5000000", "value: [9, 1]"),)),
    Case("unknown qualifier", "schema-choice", "claims.yml:12:20",
         (edit("claims.yml", "unit: USD", "unit: USD\n        qualifier: plenty"),)),
    Case("qualifier in other words", "schema-choice", "claims.yml:12:20",
         (edit("claims.yml", "unit: USD", "unit: USD\n        qualifier: roughly"),),
         hint="did you mean 'about'?"),
    Case("topics not a list", "schema-type", "claims.yml:6:13",
         (edit("claims.yml", "topics: [cost]", "topics: cost"),), hint="`[cost]`"),
    Case("list written as words and commas", "schema-type", "claims.yml:6:13",
         (edit("claims.yml", "topics: [cost]", "topics: cost, prices"),),
         hint="write it as a list: `[cost, prices]`"),
    Case("bad reference syntax", "ref-syntax", "claims.yml:3:17",
         (edit("claims.yml", "[[entity:acme]] says", "[[entity acme]] says"),),
         hint="did you mean [[entity:acme]]? (a colon goes between the kind and the id)"),
    Case("unknown reference kind", "ref-syntax", "claims.yml:3:17",
         (edit("claims.yml", "[[entity:acme]] says", "[[person:acme]] says"),),
         hint="everything else in entities.yml are [[entity:id]]"),
    Case("misspelt reference kind", "ref-syntax", "claims.yml:3:17",
         (edit("claims.yml", "[[entity:acme]] says", "[[entitiy:acme]] says"),),
         hint="did you mean [[entity:acme]]? (the kind is 'entity')"),
    Case("reference without its kind", "ref-syntax", "claims.yml:3:17",
         (edit("claims.yml", "[[entity:acme]] says", "[[acme]] says"),),
         hint="name the kind before the id, as in [[entity:acme]]"),
    Case("space after a reference's colon", "ref-syntax", "claims.yml:3:17",
         (edit("claims.yml", "[[entity:acme]] says", "[[entity: acme]] says"),),
         hint="did you mean [[entity:acme]]? (no spaces around the id)"),
    Case("unbalanced reference", "ref-syntax", "claims.yml:3:17",
         (edit("claims.yml", "[[entity:acme]] says", "[[entity:acme says"),)),
    Case("unknown entity in prose", "ref-unknown", "claims.yml:3:17",
         (edit("claims.yml", "[[entity:acme]] says", "[[entity:acmee]] says"),)),
    Case("claim relates to itself", "relation-self", "claims.yml:7:28",
         (edit("claims.yml", "    figures:", "    relations: {supports: [widget-cost-5m]}\n"
                                            "    figures:"),)),
    Case("claims supersede each other", "relation-cycle", "claims.yml:7:30",
         (edit("claims.yml", "    figures:", "    relations: {supersedes: [widget-cost-6m]}\n"
                                            "    figures:"),
          edit("claims.yml", "\n    events:", "\n  - id: widget-cost-6m\n    statement: "
               "\"It costs $6 million.\"\n    status: superseded\n"
               "    relations: {supersedes: [widget-cost-5m]}\n    events:"))),
    Case("duplicate key", "yaml-duplicate-key", "claims.yml:7:5",
         (edit("claims.yml", "    topics: [cost]", "    topics: [cost]\n    status: reported"),)),
    Case("list entry missing its dash", "yaml-missing-dash", "entities.yml:6:5",
         (edit("entities.yml", "  - id: jane-doe", "    id: jane-doe"),),
         hint="write `- id: jane-doe`, its dash in column 3 as the other entries have it"),
    Case("list entry missing its dash, in the dashes' column", "yaml-syntax", f"{SRC}:12:3",
         (edit(SRC, "  - id: doe-overpriced\n    text", "  id: doe-overpriced\n  text"),),
         hint="write `- id: doe-overpriced`, its dash in column 3 as the other entries have "
              "it, and line up the entry's other keys under `id`"),
    Case("first list entry missing its dash", "yaml-syntax", f"{SRC}:8:5",
         (edit(SRC, "  - id: acme-cost\n", "    id: acme-cost\n"),),
         hint="write `- id: acme-cost`, its dash in column 3 as the other entries have it"),
    # An entry whose first line was deleted: its keys merge into the entry above. One
    # error where its own keys start again; what refers to its lost id is no error too.
    Case("list entry missing its first line", "yaml-missing-first-key", "entities.yml:6:5",
         (edit("entities.yml", "  - id: jane-doe\n", ""),), only=True,
         hint="write the entry's first line, `- id: …`, above `name:`, its dash in column 3"),
    Case("claim missing its first line, referred to", "yaml-missing-first-key",
         "claims.yml:15:5",
         (edit("claims.yml", 'basis: "Before the article."}\n',
               'basis: "Before the article."}\n    statement: "Acme sells widgets."\n'
               "    status: reported\n"),
          edit(SRC, "asserts: [widget-cost-5m]", "asserts: [widget-cost-5m, widget-sales]")),
         only=True, hint="`- id: …`, above `statement:`"),
    Case("quote missing its first line, cited", "yaml-missing-first-key", f"{SRC}:12:5",
         (edit(SRC, "  - id: doe-overpriced\n", ""),), only=True,
         hint="`- id: …`, above `text:`"),
    Case("brief section missing its first line", "yaml-missing-first-key",
         "briefs/widget.yml:9:5", (edit("briefs/widget.yml", "  - kind: yes-but\n", ""),),
         only=True, hint="write the entry's first line, `- kind: …`, above `points:`"),
    # The key line of the list a file holds its items in, deleted: one error at the list,
    # whatever YAML made of it, and what refers to its ids is no error too.
    Case("quotes key line deleted, below a key with a value", "yaml-missing-list-key",
         f"{SRC}:7:3", (edit(SRC, "quotes:\n", ""),), only=True,
         hint="write `quotes:` in column 1, on a line of its own above line 7"),
    Case("claims key line deleted, below comments", "yaml-missing-list-key", "claims.yml:2:3",
         (edit("claims.yml", "claims:\n", "# The claims.\n"),), only=True,
         hint="write `claims:` in column 1, on a line of its own above line 2"),
    Case("sections key line deleted, below a block of text", "yaml-missing-list-key",
         "briefs/widget.yml:4:3",
         (edit("briefs/widget.yml", 'summary: "[[entity:acme]] prices its widget at $5 '
               'million; an analyst doubts it."\nsections:\n', "summary: >-\n  [[entity:acme]] "
               "prices its widget at $5 million; an analyst doubts it.\n"),), only=True,
         hint="write `sections:` in column 1, on a line of its own above line 4"),
    # The one entry of its list without its dash: YAML reads a mapping in the list's place.
    # The entry is still read, so what refers to it is no error too (`alone`).
    Case("only entity missing its dash", "yaml-missing-dash", "entities/more.yml:2:3",
         files=(("entities/more.yml", LONE_ENTITY),), alone=True,
         hint="write `- id: widget-guild`, its dash in column 3, and line up the entry's "
              "other keys under `id`"),
    Case("only entity missing its dash, referred to", "yaml-missing-dash", "entities.yml:2:3",
         files=(("entities.yml", ENTITY_ACME),
                ("entities/people.yml", PEOPLE)), alone=True),
    Case("only claim missing its dash, referred to", "yaml-missing-dash", "claims.yml:2:5",
         (edit("claims.yml", "  - id: widget-cost-5m", "    id: widget-cost-5m"),), alone=True,
         hint="write `- id: widget-cost-5m`, its dash in column 3\n"),
    Case("only claim missing its dash", "yaml-missing-dash", "claims/more.yml:3:3",
         files=(("claims/more.yml", "# yet to be sourced\nclaims:\n  id: widget-sales\n"
                                    "  statement: \"Acme sells widgets.\"\n  status: reported\n"),
                ), alone=True),
    Case("only quote missing its dash", "yaml-missing-dash", "sources/doe-note.yml:3:3",
         files=(("sources/doe-note.txt", NOTE), ("sources/doe-note.yml", LONE_QUOTE)), alone=True,
         hint="line up the entry's other keys under `id`"),
    Case("only quote missing its dash, cited", "yaml-missing-dash", "sources/doe-note.yml:3:3",
         (edit("briefs/widget.yml", "cites: [doe-overpriced]",
               "cites: [doe-overpriced, doe-note-price]"),),
         files=(("sources/doe-note.txt", NOTE), ("sources/doe-note.yml", LONE_QUOTE)), alone=True),
    Case("tab indentation", "yaml-tab-indent", "claims.yml:3:1",
         (edit("claims.yml", "    statement:", "\tstatement:"),)),
    Case("anchor", "yaml-anchor", "claims.yml:6:13",
         (edit("claims.yml", "topics: [cost]", "topics: &t [cost]"),)),
    Case("two documents", "yaml-several-documents", "entities.yml:6:1",
         (edit("entities.yml", "  - id: jane-doe", "---\n  - id: jane-doe"),)),
    Case("invalid entity kind", "schema-choice", "entities.yml:4:11",
         (edit("entities.yml", "kind: organisation", "kind: city"),),
         hint="'other' for anything none of them fits"),
    Case("entity kind in other words", "schema-choice", "entities.yml:4:11",
         (edit("entities.yml", "kind: organisation", "kind: company"),),
         hint="did you mean 'organisation'?"),
    Case("duplicate entity id", "duplicate-id", "entities.yml:6:5",
         (edit("entities.yml", "id: jane-doe", "id: acme"),)),
    Case("flag not true/false", "schema-flag", "briefs/widget.yml:9:20",
         (edit("briefs/widget.yml", "claims: [widget-cost-5m]",
               "claims: [widget-cost-5m]\n        inference: yes"),)),
    Case("point without citation", "schema-too-few", "briefs/widget.yml:7:16",
         (edit("briefs/widget.yml", "cites: [acme-cost]", "cites: []"),)),
    Case("unknown section kind", "schema-choice", "briefs/widget.yml:4:11",
         (edit("briefs/widget.yml", "kind: what-happened", "kind: what-happend"),)),
    Case("section kind in other words", "schema-choice", "briefs/widget.yml:9:11",
         (edit("briefs/widget.yml", "kind: yes-but", "kind: what-happens-next"),),
         hint="did you mean 'whats-next'?"),
    Case("repeated section", "brief-section-repeated", "briefs/widget.yml:9:5",
         (edit("briefs/widget.yml", "kind: yes-but", "kind: what-happened"),)),
    Case("repeated citation", "ref-repeated", "briefs/widget.yml:7:28",
         (edit("briefs/widget.yml", "cites: [acme-cost]", "cites: [acme-cost, acme-cost]"),)),
    # A source's id is long, and a curator writes it from memory: the one id sharing the
    # most words with it (two at least) is meant.
    Case("source linked by a remembered id", "ref-unknown", "briefs/widget.yml:2:11",
         (edit("briefs/widget.yml", "[[entity:acme]] prices",
               "[[source:acme-corp-widget-pricing-story]] prices"),),
         hint="did you mean 'acme-widget'"),
    Case("unknown cited quote", "ref-unknown", "briefs/widget.yml:7:17",
         (edit("briefs/widget.yml", "cites: [acme-cost]", "cites: [acme-costs]"),)),
    Case("cited quote like no quote", "ref-unknown", "briefs/widget.yml:7:17",
         (edit("briefs/widget.yml", "cites: [acme-cost]", "cites: [dock-fee]"),),
         hint="define the quote first (quotes are declared under `quotes:` in "
              "sources/<id>.yml), or fix the id"),
    # A quote copied to make another, its id not yet changed: the citation of the new
    # one is told of the copy (its did-you-mean would name the original, cited already).
    Case("cited quote whose copy kept the original's id", "ref-unknown",
         "briefs/widget.yml:7:28",
         (edit(SRC, "  - id: doe-overpriced\n", '  - id: acme-cost\n    text: "Critics '
               'disagree."\n    doubts: [widget-cost-5m]\n  - id: doe-overpriced\n'),
          edit("briefs/widget.yml", "cites: [acme-cost]", "cites: [acme-cost, acme-critics]")),
         hint="/sources/acme-widget.yml:12:5: if that is a copy meant to be this quote, "
              "give it the id 'acme-critics'"),
    Case("prose reference form under cites", "schema-slug", "briefs/widget.yml:7:17",
         (edit("briefs/widget.yml", "cites: [acme-cost]", 'cites: ["[[quote:acme-cost]]"]'),),
         hint="write the bare id: 'acme-cost'"),
    Case("prose reference to a claim under cites", "schema-slug", "briefs/widget.yml:7:17",
         (edit("briefs/widget.yml", "cites: [acme-cost]", 'cites: ["[[claim:widget-cost-5m]]"]'),),
         hint="this field takes quote ids"),
    Case("claim id cited as a quote", "ref-unknown", "briefs/widget.yml:7:17",
         (edit("briefs/widget.yml", "cites: [acme-cost]", "cites: [widget-cost-5m]"),),
         hint="cite a quote that speaks to the claim ('acme-cost', 'doe-overpriced')"),
    Case("claim linked as a quote in prose", "ref-unknown", "briefs/widget.yml:2:11",
         (edit("briefs/widget.yml", "[[entity:acme]] prices", "[[quote:widget-cost-5m]] prices"),),
         hint="link it as [[claim:widget-cost-5m]]"),
    Case("empty file", "yaml-empty", "briefs/empty.yml:1:1", files=(("briefs/empty.yml", ""),)),
    # A save caught half-written: the file's one error, not an unknown id at every
    # reference to what it held.
    Case("claims file emptied", "yaml-empty", "claims.yml:1:1", files=(("claims.yml", ""),),
         only=True),
    Case("source annotation emptied", "yaml-empty", f"{SRC}:1:1",
         files=((SRC, "# yaml-language-server: $schema=x\n"),), only=True),
    Case("file name not an id", "file-id", "briefs/My Brief.yml",
         files=(("briefs/My Brief.yml", "title: x\n"),),
         hint="rename the file to my-brief.yml"),
    Case("article not UTF-8", "text-not-utf8", "sources/acme-widget.txt:1:5",
         files=(("sources/acme-widget.txt", b"Acme\xff widget\n"),)),
    Case("NUL in article", "text-control-char", "sources/acme-widget.txt:1:5",
         files=(("sources/acme-widget.txt", b"Acme\x00 widget\n"),)),
    Case("character YAML does not allow", "text-control-char", f"{SRC}:1:13",
         (edit(SRC, 'title: "Acme prices', 'title: "Acme\ufffe prices'),)),
    Case("control character as a YAML escape", "text-control-char",
         "sources/acme-widget.yml:1:8",
         (edit("sources/acme-widget.yml", '"Acme prices', '"Acme\\x07 prices'),)),
    Case("annotation without article", "source-text-missing", "sources/acme-widget.yml",
         files=(("sources/acme-widget.txt", None),)),
    Case("empty article", "source-text-empty", f"{TXT}:1:1", files=((TXT, ""),),
         hint="exactly as received"),
    Case("article of white space only", "source-text-empty", f"{TXT}:1:1",
         files=((TXT, " \n\n\t\n"),)),
    Case("article without annotation", "source-annotation-missing", "sources/other.txt",
         files=(("sources/other.txt", "Text.\n"),)),
    # An editor that hides extensions adds .txt to a name that had it, or none at all.
    # Renamed with a typo: each of the two files is told of the other.
    Case("article renamed with a typo", "source-annotation-missing",
         "sources/acme-widgte.txt", files=((TXT, None), ("sources/acme-widgte.txt", ARTICLE)),
         hint="if it is the article of sources/acme-widget.yml, which has none, rename it "
              "to acme-widget.txt"),
    Case("annotation beside an article renamed with a typo", "source-text-missing",
         "sources/acme-widget.yml",
         files=((TXT, None), ("sources/acme-widgte.txt", ARTICLE)),
         hint="if sources/acme-widgte.txt, which has no annotation, is its article, rename "
              "it to acme-widget.txt"),
    Case("article saved as .txt.txt", "source-annotation-missing",
         "sources/acme-widget.txt.txt", files=((TXT, None), (f"{TXT}.txt", ARTICLE)),
         hint="rename it to acme-widget.txt: sources/acme-widget.yml has no article"),
    # YAML, beyond the cases above
    Case("alias", "yaml-alias", "claims.yml:6:13", (edit("claims.yml", "[cost]", "*cost"),)),
    Case("tag", "yaml-tag", "claims.yml:6:13", (edit("claims.yml", "[cost]", "!!set [cost]"),)),
    Case("python object tag", "yaml-tag", "claims.yml:6:13",
         (edit("claims.yml", "[cost]", "!!python/object/apply:os.system [ls]"),)),
    Case("list as a key", "yaml-complex-key", "entities.yml:5:5",
         (edit("entities.yml", "    aliases: [Acme]", "    [a, b]: c"),)),
    Case("non-breaking space indentation", "yaml-nbsp-indent", "claims.yml:3:1",
         (edit("claims.yml", "    statement:", "\u00a0   statement:"),)),
    Case("colon and space in an unquoted value", "yaml-syntax", f"{SRC}:1:19",
         (edit(SRC, 'title: "Acme prices its widget"', "title: Acme prices: its widget"),),
         hint='put the whole value in double quotes'),
    Case("double quote inside a double-quoted value", "yaml-syntax", f"{SRC}:13:26",
         (edit(SRC, '"the widget is overpriced"', '"the widget is "overpriced"'),),
         hint="write the value in single quotes, or each inner \" as \\\""),
    # YAML reads on to the next straight quote, lines below, and stops there; the error is
    # at the typographic mark that was meant to close the value.
    Case("quoted value closed with a typographic quotation mark", "yaml-syntax",
         f"{SRC}:9:39", (edit(SRC, '$5 million"', '$5 million\u201d'),),
         hint='end the value with a straight ", as it starts'),
    Case("quoted list item closed with a typographic quotation mark", "yaml-syntax",
         f"{SRC}:4:28", (edit(SRC, '["date 2025-01-02"]', "['date 2025-01-02\u2019]"),),
         hint="end the value with a straight ', as it starts"),
    # A key without its colon: YAML stops on the line below (or, for the first key of a
    # mapping, blames the next key's colon); the error is where the colon goes.
    Case("key without its colon", "yaml-syntax", f"{SRC}:10:12",
         (edit(SRC, "speaker: acme", "speaker acme"),), hint="write `speaker: acme`"),
    Case("key without its colon or value", "yaml-syntax", "claims.yml:1:7",
         (edit("claims.yml", "claims:\n", "claims\n"),), hint="write `claims:`"),
    Case("first key without its colon", "yaml-syntax", f"{SRC}:1:6",
         (edit(SRC, 'title: "Acme', 'title "Acme'),),
         hint='write `title: "Acme prices its widget"`'),
    # A key glued to its value reads as text: YAML stops at a line below and blamed its
    # indentation, or the schema finds a text where an entry goes.
    Case("key glued to its value", "yaml-syntax", f"{SRC}:10:12",
         (edit(SRC, "speaker: acme", "speaker:acme"),), hint="write `speaker: acme`"),
    Case("entry's first key glued to its value", "yaml-syntax", f"{SRC}:8:7",
         (edit(SRC, "- id: acme-cost", "- id:acme-cost"),), hint="write `id: acme-cost`"),
    Case("entry of one key glued to its value", "schema-type", "entities.yml:6:5",
         (edit("entities.yml", "  - id: jane-doe\n    name: Jane Doe\n    kind: person\n",
               "  - id:jane-doe\n"),), hint="write `id: jane-doe`"),
    # A key out of line with the one above: YAML says "expected key" or, after an unquoted
    # value, "mapping values are not allowed", which reads like a quoting problem.
    Case("key indented too far", "yaml-syntax", f"{SRC}:10:6",
         (edit(SRC, "    speaker: acme", "     speaker: acme"),),
         hint="line up `speaker:` with `text:`, in column 5"),
    Case("key indented too far after an unquoted value", "yaml-syntax", "entities.yml:4:6",
         (edit("entities.yml", "    kind: organisation", "     kind: organisation"),),
         hint="line up `kind:` with `name:`, in column 5"),
    Case("key indented too little", "yaml-syntax", f"{SRC}:10:4",
         (edit(SRC, "    speaker: acme", "   speaker: acme"),),
         hint="line up `speaker:` with `text:`, in column 5"),
    # The first key of a mapping out of line: the parser takes its column for the
    # mapping's and blames the key below it, which is where the file's others are.
    Case("first key of a mapping indented too far", "yaml-syntax", f"{SRC}:4:4",
         (edit(SRC, '  remove: ["date', '   remove: ["date'),),
         hint="line up `remove:` with the keys below it, in column 3"),
    Case("first key of a mapping indented too little", "yaml-syntax", f"{SRC}:4:2",
         (edit(SRC, '  remove: ["date', ' remove: ["date'),),
         hint="line up `remove:` with the keys below it, in column 3"),
    # An id with a stray character: reported once, not again at every reference to the
    # id it meant, nor the claim a reference to it backs left unsourced.
    Case("id with a stray character", "schema-slug", f"{SRC}:8:9",
         (edit(SRC, "  - id: acme-cost", "  - id: acme-cost#"),), only=True),
    Case("listed id with a stray character", "schema-slug", f"{SRC}:11:15",
         (edit(SRC, "asserts: [widget-cost-5m]", "asserts: [widget-cost-5m|]"),), only=True),
    Case("unclosed bracket", "yaml-syntax", "claims.yml:7:12",
         (edit("claims.yml", "[cost]", "[cost"),)),
    Case("nesting too deep", "yaml-too-deep", "claims.yml:6:50",
         (edit("claims.yml", "[cost]", "[" * 45 + "]" * 45),)),
    Case("YAML file too large", "yaml-too-large", "entities.yml:1:1",
         (edit("entities.yml", "entities:", "# " + "x" * 2_000_000 + "\nentities:"),)),
    # Positions: lines are counted as YAML counts them, and a reference is placed at its
    # own text (even split over two lines, or nested in another's label)
    Case("line separator in a comment", "yaml-line-separator", "claims.yml:1:16",
         (edit("claims.yml", "claims:\n", "claims: # draft\u2028\n"),)),
    Case("position after a paragraph separator", "schema-choice", "claims.yml:6:13",
         (edit("claims.yml", 'million."\n', 'million.\u2029"\n'),
          edit("claims.yml", "status: disputed", "status: disputd"))),
    Case("position in a file with CR line ends", "schema-choice", "claims.yml:5:13",
         files=(("claims.yml", CLAIMS_YML.replace("status: disputed", "status: disputd")
                 .replace("\n", "\r")),)),
    Case("next line character in an annotation", "text-control-char", "claims.yml:2:1",
         (edit("claims.yml", "\n  - id: widget-cost-5m", "\r\n\x85  - id: widget-cost-5m"),)),
    Case("reference split over two lines", "ref-syntax", "claims.yml:3:17",
         (edit("claims.yml", '"[[entity:acme]] says', '"[[entity:\n      acmee]] says'),)),
    Case("reference nested in a label", "ref-syntax", "claims.yml:3:41",
         (edit("claims.yml", '"[[entity:acme]] says',
               '"[[entity:acme|Acme, see [[entity:acme]]]] says'),)),
    Case("second of two equal references", "ref-unknown", "claims.yml:3:38",
         (edit("claims.yml", '"[[entity:acme]] says',
               '"[[entity:acmee]] and [[entity:acmee]] says'),)),
    # Characters that look like ASCII but are not are named in the message
    Case("Cyrillic letter in an id", "schema-slug", f"{SRC}:8:9",
         (edit(SRC, "id: acme-cost", "id: \u0430cme-cost"),)),
    Case("zero-width space in a key", "schema-unknown-key", f"{SRC}:1:1",
         (edit(SRC, "title:", "ti\u200btle:"),)),
    Case("look-alike letter in a reference", "ref-syntax", "claims.yml:3:17",
         (edit("claims.yml", "[[entity:acme]] says", "[[entity:\u0430cme]] says"),)),
    Case("look-alike letter in a choice", "schema-choice", "claims.yml:5:13",
         (edit("claims.yml", "status: disputed", "status: disput\u0435d"),)),
    Case("byte order mark in the middle of a file", "yaml-syntax", "entities.yml:6:4",
         (edit("entities.yml", "  - id: jane-doe", "\ufeff  - id: jane-doe"),)),
    # Schema, beyond the cases above
    Case("empty required value", "schema-empty", "claims.yml:5:12",
         (edit("claims.yml", "status: disputed", "status:"),)),
    # A cited quote whose id was emptied or deleted may have had any id: the one error is
    # at the quote, not at its citations too.
    Case("cited quote with its id emptied", "schema-empty", f"{SRC}:12:8",
         (edit(SRC, "  - id: doe-overpriced\n", "  - id:\n"),), only=True),
    Case("cited quote with its id line made text", "schema-required", f"{SRC}:13:5",
         (edit(SRC, "  - id: doe-overpriced\n    text:", "  -\n    text:"),), only=True),
    Case("empty quoted text", "schema-empty", f"{SRC}:1:8",
         (edit(SRC, 'title: "Acme prices its widget"', 'title: ""'),)),
    Case("quote of invisible characters only", "schema-empty", f"{SRC}:13:11",
         (edit(SRC, 'text: "the widget is overpriced"', 'text: "\\u200b\\u2060"'),)),
    Case("point of invisible characters only", "schema-empty", "briefs/widget.yml:11:15",
         (edit("briefs/widget.yml", '"An analyst calls it overpriced."', '"\u00ad"'),)),
    Case("name too long", "schema-too-long", "entities.yml:3:11",
         (edit("entities.yml", "name: Acme Corp", "name: " + "Acme " * 50),)),
    Case("url too long", "schema-too-long", f"{SRC}:2:6",
         (edit(SRC, 'published: "2025-01-02"', f'url: "https://acme.example/{"a" * 2100}"'),)),
    Case("language not a tag", "schema-language", f"{SRC}:2:11",
         (edit(SRC, 'published: "2025-01-02"', 'language: Swedish'),),
         hint="write sv, the tag of Swedish"),
    Case("language as a list", "schema-type", f"{SRC}:2:11",
         (edit(SRC, 'published: "2025-01-02"', 'language: [sv]'),)),
    Case("yes is not a flag", "schema-flag", f"{SRC}:6:27",
         (edit(SRC, "split_run_on_sentences: true", "split_run_on_sentences: yes"),)),
    # Ids that cannot become page names
    Case("claim id index", "id-reserved", "claims.yml:2:5",
         (edit("claims.yml", "id: widget-cost-5m", "id: index"),
          edit(SRC, "asserts: [widget-cost-5m]", "asserts: [index]"),
          edit(SRC, "doubts: [widget-cost-5m]", "doubts: [index]"),
          edit("briefs/widget.yml", "claims: [widget-cost-5m]", "claims: [index]"))),
    Case("entity id a device name", "id-reserved", "entities.yml:6:5",
         (edit("entities.yml", "id: jane-doe", "id: nul"),
          edit(SRC, "speaker: jane-doe", "speaker: nul"))),
    Case("brief file a device name", "id-reserved", "briefs/con.yml:1:1",
         files=(("briefs/widget.yml", None), ("briefs/con.yml", BRIEF_YML))),
    Case("entity id too long", "id-too-long", "entities.yml:9:9",
         (edit("entities.yml", "    kind: person\n",
               "    kind: person\n  - id: " + "w" * 300 + "\n    name: W\n    kind: person\n"),)),
    Case("brief file name too long", "id-too-long", f"briefs/{'w' * 101}.yml",
         files=(("briefs/widget.yml", None), (f"briefs/{'w' * 101}.yml", BRIEF_YML))),
    # The content folder
    Case("unknown file", "content-unknown-file", "notes.txt", files=(("notes.txt", "todo\n"),)),
    Case("annotation saved as .yaml", "content-unknown-file", "briefs/extra.yaml",
         files=(("briefs/extra.yaml", "title: x\n"),), hint="rename it to extra.yml"),
    # Extensions are matched as written: these items would surface only as `ref-unknown`.
    Case("brief saved as .YML", "content-unknown-file", "briefs/widget.YML",
         files=(("briefs/widget.yml", None), ("briefs/widget.YML", BRIEF_YML)),
         hint="rename it to widget.yml"),
    Case("claims saved as claims.YML", "content-unknown-file", "claims.YML",
         files=(("claims.yml", None), ("claims.YML", CLAIMS_YML)), hint="rename it to claims.yml"),
    Case("source text saved as .TXT", "content-unknown-file", "sources/acme-widget.TXT",
         files=((TXT, None), ("sources/acme-widget.TXT", ARTICLE)),
         hint="rename it to acme-widget.txt"),
    Case("source text saved without its .txt", "content-unknown-file", "sources/acme-widget",
         files=((TXT, None), ("sources/acme-widget", ARTICLE)),
         hint="rename it to acme-widget.txt: sources/acme-widget.yml has no article"),
    Case("source text saved as .text", "content-unknown-file", "sources/acme-widget.text",
         files=((TXT, None), ("sources/acme-widget.text", ARTICLE)),
         hint="rename it to acme-widget.txt"),
    Case("page written in content/ instead of pages/", "content-unknown-file", "about.md",
         files=(("about.md", "# About\n"),), hint="move it to content/pages/about.md"),
    Case("page written in briefs/", "content-unknown-file", "briefs/draft.md",
         files=(("briefs/draft.md", "# Draft\n"),), hint="goes in content/pages/"),
    Case("brief written as JSON", "content-unknown-file", "briefs/x.json",
         files=(("briefs/x.json", "{}\n"),), hint="YAML files ending in .yml"),
    Case("notes among the sources", "content-unknown-file", "sources/notes.text",
         files=(("sources/notes.text", "todo\n"),), hint="sources/<id>.txt"),
    Case("image outside pages/", "content-unknown-file", "briefs/chart.png",
         files=(("briefs/chart.png", b"\x89PNG\r\n"),), hint="content/pages/chart.png"),
    Case("unknown folder", "content-unknown-folder", "drafts",
         files=(("drafts/a.yml", "title: x\n"),)),
    Case("link out of the content folder", "content-symlink-outside", "sources/other.txt",
         links=(("sources/other.txt", "secret.txt"),)),
    Case("link out of the content folder among the pages", "content-symlink-outside",
         "pages/leak.md", links=(("pages/leak.md", "secret.txt"),)),
    Case("pages folder linked out of the content folder", "content-symlink-outside",
         "pages", links=(("pages", "outside/"),)),
    Case("dangling link", "content-symlink-broken", "sources/other.txt",
         raw_links=(("sources/other.txt", "gone.txt"),)),
    Case("link loop", "content-symlink-loop", "sources/other.txt",
         raw_links=(("sources/other.txt", "other.txt"),)),
    Case("hidden link among the pages out of the content folder", "content-symlink-outside",
         "pages/.keys", links=(("pages/.keys", "outside/"),)),
    Case("link loop among the pages", "content-symlink-loop", "pages/self.md",
         files=(("pages/about.md", "# About\n"),), raw_links=(("pages/self.md", "self.md"),)),
    Case("link among the pages back to a folder that holds it", "content-symlink-loop",
         "pages/back", files=(("pages/about.md", "# About\n"),),
         raw_links=(("pages/back", ".."),), hint="does not hold the link"),
    Case("links among the pages round a loop through another folder",
         "content-symlink-loop", "pages/all-briefs",
         files=(("pages/about.md", "# About\n"),),
         raw_links=(("pages/all-briefs", "../briefs"), ("briefs/pages", "../pages"))),
    Case("named pipe", "content-not-a-file", "sources/other.txt", fifos=("sources/other.txt",)),
    Case("named pipe among the pages", "content-not-a-file", "pages/about.md",
         fifos=("pages/about.md",)),
    Case("unreadable file", "content-unreadable", "entities/more.yml",
         files=(("entities/more.yml", "entities: []\n"),), unreadable=("entities/more.yml",)),
    Case("unreadable folder", "content-unreadable", "briefs", unreadable=("briefs",)),
    Case("hand-written page not UTF-8", "text-not-utf8", "pages/about.md:2:4",
         files=(("pages/about.md", b"# About\ncaf\xe9\n"),)),
    Case("article too large", "content-too-large", TXT,
         files=((TXT, "word " * 1_000_001),)),
    Case("bidirectional control character", "text-bidi-control",
         f"{TXT}:1:{len(LINE_1) + 1}", (edit(TXT, LINE_1, LINE_1 + "\u202e"),)),
    # Editorial consistency (warnings; the table builds with --strict)
    Case("claim nobody makes", "claim-unsourced", "claims.yml:12:5",
         (edit("claims.yml", "\n    events:", "\n  - id: orphan\n    statement: \"Nobody says "
               "this.\"\n    status: reported\n    events:"),)),
    Case("corroborated by one source", "status-evidence", "claims.yml:2:5",
         (edit("claims.yml", "status: disputed", "status: corroborated"),)),
    Case("disputed with nothing against it", "status-evidence", "claims.yml:2:5",
         (edit(SRC, "    doubts: [widget-cost-5m]\n", ""),)),
    Case("superseded by nothing", "status-unbacked", "claims.yml:2:5",
         (edit("claims.yml", "status: disputed", "status: superseded"),)),
    # Prose provenance
    Case("invented quotation in a point", "prose-quote-unsourced", "briefs/widget.yml:6:41",
         (edit("briefs/widget.yml", 'text: "Acme says the widget costs $5 million."',
               "text: 'Acme says the widget is \"a bargain\".'"),)),
    Case("quotation a word off the quote cited", "prose-quote-unsourced",
         "briefs/widget.yml:6:27",
         (edit("briefs/widget.yml", 'text: "Acme says the widget costs $5 million."',
               "text: 'Acme says \"its widget costs $5 millions\".'"),),
         hint="the quote it cites, 'acme-cost', has: 'its widget costs $5 "
              "[-millions-]{+million+}'"),
    Case("invented quotation in a claim", "prose-quote-unsourced", "claims.yml:3:54",
         (edit("claims.yml", "its widget costs $5 million.", 'its widget is \\"cheap\\".'),)),
    Case("invented quotation below a line separator", "prose-quote-unsourced",
         "briefs/widget.yml:8:41",
         (edit("briefs/widget.yml", "title:", "# draft\u2028\ntitle:"),
          edit("briefs/widget.yml", 'text: "Acme says the widget costs $5 million."',
               "text: 'Acme says the widget is \"a bargain\".'"))),
    Case("number no quote gives", "prose-figure-unsourced", "briefs/widget.yml:6:43",
         (edit("briefs/widget.yml", "costs $5 million.", "costs $6 million."),)),
    Case("date no quote, source or event gives", "prose-date-unsourced",
         "briefs/widget.yml:6:19",
         (edit("briefs/widget.yml", 'text: "Acme says the widget', 'text: "On 3 March 2025, '
               "Acme says the widget"),), hint="inferred: true"),
    Case("amount in another currency than its quote's", "prose-figure-unsourced",
         "briefs/widget.yml:6:43",
         (edit("briefs/widget.yml", "costs $5 million.", "costs €5 million."),),
         hint="currency"),
    Case("hedge dropped", "prose-hedge-dropped", "briefs/widget.yml:6:43",
         (edit(TXT, "costs $5 million", "costs about $5 million"),
          edit(SRC, "its widget costs $5 million", "its widget costs about $5 million"),
          edit("claims.yml", "costs $5 million.", "costs about $5 million."))),
    Case("hedge 'closer to' dropped", "prose-hedge-dropped", "briefs/widget.yml:6:43",
         (edit(TXT, "costs $5 million", "costs closer to $5 million"),
          edit(SRC, "its widget costs $5 million", "its widget costs closer to $5 million"),
          edit("claims.yml", "costs $5 million.", "costs closer to $5 million.")),
         hint='keep "closer to" or an equivalent'),
    # The figure the one thing left plain: the warning says what an unwritten qualifier is.
    Case("figure without its quotes' hedge", "prose-hedge-dropped", "claims.yml:10:9",
         (edit(TXT, "costs $5 million", "costs about $5 million"),
          edit(SRC, "its widget costs $5 million", "its widget costs about $5 million"),
          edit("claims.yml", "costs $5 million.", "costs about $5 million."),
          edit("briefs/widget.yml", "at $5 million;", "at about $5 million;"),
          edit("briefs/widget.yml", "costs $5 million.", "costs about $5 million.")),
         hint="set `qualifier:` to about", only=True),
    Case("both sources, one cited", "prose-source-count", "briefs/widget.yml:6:16",
         (edit("briefs/widget.yml", 'text: "Acme says the widget costs $5 million."',
               'text: "Both sources say the widget costs $5 million."'),),
         hint='"one source"', only=True),
    Case("a disputed claim called confirmed", "prose-status-overstated",
         "briefs/widget.yml:6:29",
         (edit("briefs/widget.yml", 'text: "Acme says the widget costs $5 million."',
               'text: "The widget\'s confirmed cost is $5 million ([[claim:widget-cost-5m]])."'),),
         hint="change its status to corroborated", only=True),
    Case("someone's confirming no passage reports", "prose-status-overstated",
         "briefs/widget.yml:6:29",
         (edit("briefs/widget.yml", 'text: "Acme says the widget costs $5 million."',
               'text: "An inspector confirms the widget costs $5 million '
               '([[claim:widget-cost-5m]])."'),),
         hint="cite the passage that says it was confirmed", only=True),
    Case("words of the article no cited passage holds", "prose-words-unsourced",
         "briefs/widget.yml:11:36",
         (edit("briefs/widget.yml", "An analyst calls it overpriced.",
               "An analyst calls it overpriced in a note."),),
         hint="extend quote 'doe-overpriced'", only=True),
    Case("words given to another speaker", "prose-attribution", "briefs/widget.yml:11:16",
         (edit("briefs/widget.yml", "An analyst calls it", "Acme calls it"),)),
    # A typo in the speaker's id is the one problem: the point naming the speaker is
    # not also said to give the quote to someone else.
    Case("speaker's id misspelt, the point naming the speaker", "ref-unknown", f"{SRC}:14:14",
         (edit("briefs/widget.yml", "An analyst calls it", "Jane Doe calls it"),
          edit(SRC, "speaker: jane-doe", "speaker: jane-do")),
         hint="did you mean 'jane-doe'", only=True),
    # The ids of an entities.yml that fails to read still offer the look-alike.
    Case("speaker's id misspelt while entities.yml fails to read", "ref-unknown",
         f"{SRC}:14:14",
         (edit("entities.yml", "    kind: person\n", "   kind: person\n"),
          edit(SRC, "speaker: jane-doe", "speaker: jane-do")),
         hint="did you mean 'jane-doe'"),
    Case("the same article twice", "source-duplicate", "sources/copy.txt",
         files=(("sources/copy.txt", ARTICLE), ("sources/copy.yml", 'title: "A copy"\n'))),
    Case("text edited after extraction", "source-text-changed", f"{TXT}:1:1",
         (edit(SRC, "quotes:", f"{EXTRACTED}\nquotes:"),),
         files=(("sources/acme-widget.html", PAGE),)),
    Case("extracted by another version", "source-extractor-version", f"{SRC}:7:12",
         (edit(SRC, "quotes:", 'extracted: {by: trafilatura, version: "0.1"}\nquotes:'),),
         files=(("sources/acme-widget.html", PAGE),)),
    Case("a PDF put in sources by hand", "content-unknown-file", "sources/paper.pdf",
         files=(("sources/paper.pdf", b"%PDF-1.4\n"),)),
    Case("kept page with an upper-case extension", "content-unknown-file",
         "sources/acme-widget.HTML", files=(("sources/acme-widget.HTML", PAGE),),
         hint="rename it to acme-widget.html"),
    Case("one name, two entities", "entity-name-shared", "entities.yml:6:5",
         (edit("entities.yml", "    name: Jane Doe", "    name: Jane Doe\n    aliases: [Acme]"),)),
    Case("names differing only by an invisible character", "entity-name-shared",
         "entities.yml:6:5", (edit("entities.yml", "    name: Jane Doe",
                                   "    name: Jane Doe\n    aliases: [\"Ac\\u200bme\"]"),)),
    # names.yml: the names of metrics and topics
    Case("a name for no claim's metric", "name-unused", "names.yml:2:5",
         files=(("names.yml", NAMES.replace("id: widget-cost", "id: widget-costs")),),
         hint="did you mean 'widget-cost'?", only=True),
    Case("a name for no claim's topic", "name-unused", "names.yml:5:5",
         files=(("names.yml", NAMES.replace("id: cost", "id: prices")),),
         hint="a claim's `topics:`", only=True),
    Case("a topic's name under metrics:", "name-unused", "names.yml:2:5",
         files=(("names.yml", 'metrics:\n  - id: cost\n    name: "Coûts"\n'),),
         hint="move the entry under `topics:`", only=True),
    Case("a metric named twice", "duplicate-id", "names.yml:4:5",
         files=(("names.yml", NAMES.replace("topics:", '  - id: widget-cost\n'
                                            '    name: "Prix du widget"\ntopics:')),),
         hint="delete this entry, or the other", only=True),
    Case("an empty name", "schema-empty", "names.yml:3:11",
         files=(("names.yml", NAMES.replace('"Coût du widget"', '""')),), only=True),
    Case("a name's slug in capitals", "schema-slug", "names.yml:2:9",
         files=(("names.yml", NAMES.replace("id: widget-cost", "id: Widget-Cost")),),
         hint="'widget-cost'", only=True),
    # Ids as keys: one error, not an unknown field and a missing dash for each.
    Case("names.yml written as ids and names", "schema-type", "names.yml:2:3",
         files=(("names.yml", 'metrics:\n  widget-cost: "Coût du widget"\n'),),
         hint='write each as an entry: `- id: widget-cost` with `name: "Coût du widget"` '
              "under it", only=True),
    Case("entities written as a mapping of ids", "schema-type", "entities.yml:2:3",
         files=(("entities.yml", "entities:\n  acme: {name: Acme Corp, kind: organisation}\n"
                 "  jane-doe: {name: Jane Doe, kind: person}\n"),),
         hint="write each as an entry: `- id: acme` with its fields under it", alone=True),
    Case("an unknown key in names.yml", "schema-unknown-key", "names.yml:7:5",
         files=(("names.yml", NAMES + '    plural: "Coûts"\n'),), only=True),
    # Settings in mkdocs.yml
    Case("unknown code in severity", "config-severity", "mkdocs.yml:5:9",
         config=CONFIG + "        claim-unsorced: error\n"),
    Case("an error lowered", "config-severity", "mkdocs.yml:5:9",
         config=CONFIG + "        quote-not-found: warning\n"),
    Case("misspelt plugin option", "config-option-unknown", "mkdocs.yml:4:7",
         config="site_name: Test\nplugins:\n  - briefing:\n      contentdir: content\n"
                "      strict: true\n",
         hint="did you mean 'content_dir'?"),
    Case("plugin option written twice", "config-option-twice", "mkdocs.yml:5:7",
         config="site_name: Test\nplugins:\n  - briefing:\n      title: One\n"
                "      title: Two\n", hint="keep one of the two"),
    Case("control character in mkdocs.yml", "yaml-syntax", "mkdocs.yml:4:15",
         config="site_name: Test\nplugins:\n  - briefing:\n      title: a\x01b\n",
         hint="mkdocs.yml"),
    Case("mkdocs.yml key without its colon", "yaml-syntax", "mkdocs.yml:2:6",
         config="site_name: Test\ntheme\n  name: mkdocs\nplugins:\n  - briefing\n",
         hint="write `theme:`"),
    Case("hedges not a mapping", "config-hedges", "mkdocs.yml:4:7",
         config="site_name: Test\nplugins:\n  - briefing:\n      hedges: [maybe]\n"),
    Case("hedge words under a key that is no language tag", "config-hedges", "mkdocs.yml:5:23",
         config="site_name: Test\nplugins:\n  - briefing:\n      hedges:\n"
                "        approximate: {Dutch: [ongeveer]}\n", hint="`nl`, `pt-BR`"),
    Case("hedge words under a tag YAML reads as false", "config-hedges", "mkdocs.yml:6:11",
         config="site_name: Test\nplugins:\n  - briefing:\n      hedges:\n"
                "        approximate:\n          no: [omtrent]\n", hint='`"no": […]`'),
    Case("a title YAML reads as a number", "config-option-value", "mkdocs.yml:4:7",
         config="site_name: Test\nplugins:\n  - briefing:\n      title: 2025\n",
         hint='quote it (`title: "2025"`)'),
    Case("the plugin listed twice", "config-plugin-twice", "mkdocs.yml:5:5",
         config="site_name: Test\nplugins:\n  - briefing:\n      strict: true\n"
                "  - briefing:\n      title: Second\n"),
    Case("an alias inside the value it names", "config-alias-loop", "mkdocs.yml:4:19",
         config="site_name: Test\nplugins:\n  - briefing:\n      hedges: &h {approximate: *h}\n"),
    Case("aliases expanding to a million words", "config-option-too-large", "mkdocs.yml:4:7",
         config="site_name: Test\nplugins:\n  - briefing:\n      hedges:\n"
                "        a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
                + "".join(f"        {n}: &{n} [{', '.join([f'*{p}'] * 10)}]\n"
                          for p, n in zip("abcde", "bcdef", strict=True))),
    Case("settings built on a file that is not there", "config-inherit", "mkdocs.yml:2:1",
         config="site_name: Test\nINHERIT: base.yml\nplugins:\n  - briefing\n",
         hint="path from this file's folder"),
    Case("a misspelt Markdown extension", "config-extension-unknown", "mkdocs.yml:3:5",
         config="site_name: Test\nmarkdown_extensions:\n  - tablez\n  - attr_list\n"
                "plugins:\n  - briefing\n", hint="did you mean `tables`?", check_only=True),
    Case("a misspelt plugin", "config-plugin-unknown", "mkdocs.yml:5:5",
         config="site_name: Test\nmarkdown_extensions: [attr_list]\nplugins:\n"
                "  - briefing\n  - serach\n", hint="did you mean `search`?", check_only=True),
    Case("a page naming a template the theme does not have", "page-template-missing",
         "pages/hi.md:2:11",
         files=(("pages/hi.md", "---\ntemplate: nothere.html\n---\n# Hi\n"),),
         config=PAGES_CONFIG, hint="(content.html, toc.html, main.html)", check_only=True,
         alone=True),
    Case("a page naming no template", "page-template-missing", "pages/hi.md:3:11",
         files=(("pages/hi.md", "---\ntitle: Hi\ntemplate: 12\n---\n# Hi\n"),),
         config=PAGES_CONFIG, hint="main.html", check_only=True, alone=True),
    Case("a page whose address needs the theme's 404.html as a folder", "page-collision",
         "pages/404.html.md", files=(("pages/404.html.md", "# Not found\n"),),
         config=PAGES_CONFIG, hint="`not-found.md`", check_only=True, alone=True),
    Case("a page whose address needs MkDocs' sitemap as a folder", "page-collision",
         "pages/sitemap.xml.md", files=(("pages/sitemap.xml.md", "# Map\n"),),
         config=PAGES_CONFIG, hint="'sitemap.xml/'", check_only=True, alone=True),
    Case("a picture inside the address of a generated file", "page-collision",
         "pages/feed.xml/x.png", files=(("pages/feed.xml/x.png", b"\x89PNG\r\n"),),
         config=PAGES_CONFIG, check_only=True, alone=True),
    Case("a file where the build writes a folder", "page-collision", "pages/claims",
         files=(("pages/claims", "notes\n"),), config=PAGES_CONFIG, check_only=True,
         alone=True),
    Case("a file where the search plugin writes its index", "page-collision",
         "pages/search/search_index.json", files=(("pages/search/search_index.json", "{}"),),
         config=PAGES_CONFIG.replace("  - briefing\n", "  - search\n  - briefing\n"),
         check_only=True, alone=True),
    Case("an extra template at the address of a generated file", "page-collision",
         "mkdocs.yml:7:5", files=(("pages/assets/briefing/problems.json", "{}"),),
         config=PAGES_CONFIG + "extra_templates:\n  - assets/briefing/problems.json\n",
         hint="in `extra_templates` alike", check_only=True, alone=True),
    Case("warning raised to error", "claim-unsourced", "claims.yml:12:5",
         (edit("claims.yml", "\n    events:", "\n  - id: orphan\n    statement: \"Nobody says "
               "this.\"\n    status: reported\n    events:"),),
         config=CONFIG + "        claim-unsourced: error\n"),
]


def broken_corpus(case: Case) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = dict(minimal_corpus())
    for name, old, new in case.edits:
        text = files[name]
        assert isinstance(text, str) and old in text, f"{case.id}: {old!r} not in {name}"
        files[name] = text.replace(old, new, 1)
    for name, data in case.files:
        if data is None:
            files.pop(name)
        else:
            files[name] = data
    return files


@pytest.mark.parametrize(("file", "key", "misspelt"), [
    ("entities.yml", "entities:", "entity:"), ("claims.yml", "claims:", "claim:"),
    (SRC, "quotes:", "quote:")])
def test_a_misspelt_list_key_is_the_one_error(tmp_path: Path, file: str, key: str,
                                              misspelt: str) -> None:
    """The ids under a misspelt `entities:` are still the curator's: each reference to
    them is not reported as unknown too, burying the one mistake under a dozen."""
    files = dict(minimal_corpus())
    text = files[file]
    assert isinstance(text, str) and key in text
    files[file] = text.replace(key, misspelt, 1)
    content = write_tree(tmp_path / "content", files)
    result = CliRunner().invoke(main, ["check", "--content", str(content)])
    errors = [line for line in result.output.splitlines() if ": error: " in line]
    assert len(errors) == 1 and "[schema-unknown-key]" in errors[0], result.output


def test_the_only_entry_missing_its_dash_declares_its_id_when_it_fails_too(
        tmp_path: Path) -> None:
    """An entry left out for a bad field still declares its id (`validate._declared_ids`),
    written with its dash or as the one entry without it."""
    files = {**minimal_corpus(), "entities.yml": ENTITY_ACME.replace("  kind: organisation\n", ""),
             "entities/people.yml": PEOPLE}
    content = write_tree(tmp_path / "content", files)
    result = CliRunner().invoke(main, ["check", "--content", str(content)])
    codes = re.findall(r": error: .*\[([a-z-]+)\]$", result.output, flags=re.M)
    assert sorted(codes) == ["schema-required", "yaml-missing-dash"], result.output


def test_the_minimal_corpus_is_clean(tmp_path: Path) -> None:
    content = write_tree(tmp_path / "content", minimal_corpus())
    result = CliRunner().invoke(main, ["check", "--strict", "--content", str(content)])
    assert result.exit_code == 0, result.output


def prepare(case: Case, tmp_path: Path) -> tuple[Path, list[str]]:
    """Write the broken corpus (and any mkdocs.yml) under tmp_path; the CLI options to use."""
    content = write_tree(tmp_path / "content", broken_corpus(case))
    for link, target in case.links:  # a target ending in "/" is a folder, with a page
        written = tmp_path / target / "inside.md" if target.endswith("/") else tmp_path / target
        written.parent.mkdir(parents=True, exist_ok=True)
        written.write_text("outside the content folder\n")
        (content / link).parent.mkdir(parents=True, exist_ok=True)
        (content / link).symlink_to(tmp_path / target)
    for link, target in case.raw_links:
        (content / link).symlink_to(target)
    for fifo in case.fifos:
        (content / fifo).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(content / fifo)
    options = ["--content", str(content)]
    if case.config:
        (tmp_path / "mkdocs.yml").write_text(case.config)
        options += ["--config-file", str(tmp_path / "mkdocs.yml")]
    else:
        options.append("--strict")  # settings cases prove the policy on its own
    return content, options


@contextlib.contextmanager
def unreadable(case: Case, content: Path) -> Iterator[None]:
    """Make the case's files and folders unreadable while the command runs. `chmod 000`
    does not stop root (CI runs as root), so for root `os.open` and `os.scandir` refuse
    those paths as the kernel would refuse anyone else."""
    paths = [content / rel for rel in case.unreadable]
    if not paths:
        yield
    elif os.geteuid() != 0:
        modes = [path.stat().st_mode for path in paths]
        for path in paths:
            path.chmod(0)
        try:
            yield
        finally:
            for path, mode in zip(paths, modes, strict=True):
                path.chmod(mode)
    else:
        refused = {os.path.realpath(path) for path in paths}

        def refusing(real: Callable[..., Any]) -> Callable[..., Any]:
            def call(path: Any, *args: Any, **kwargs: Any) -> Any:
                if isinstance(path, (str, os.PathLike)) and os.path.realpath(path) in refused:
                    raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
                return real(path, *args, **kwargs)
            return call

        with mock.patch("os.open", refusing(os.open)), \
                mock.patch("os.scandir", refusing(os.scandir)):
            yield


def located(case: Case, tmp_path: Path) -> str:
    base = tmp_path if case.where.startswith("mkdocs.yml") else tmp_path / "content"
    return f"{base.as_posix()}/{case.where}"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(case: Case, tmp_path: Path) -> None:
    content, options = prepare(case, tmp_path)
    out = tmp_path / "out"
    write_tree(out, {OUTPUT_MARK: output_mark(["index.md"]), "index.md": "previous good build\n"})
    before = snapshot(content)

    command = ["check"] if case.check_only else ["build", "--out", str(out)]
    with unreadable(case, content):
        result = CliRunner().invoke(main, [*command, *options])
    assert result.exit_code == 1, result.output
    expected = located(case, tmp_path)
    lines = [line for line in result.output.splitlines() if f"[{case.code}]" in line]
    assert lines, f"no {case.code} diagnostic in:\n{result.output}"
    assert any(line.startswith(f"{expected}: ") for line in lines), (
        f"expected {expected} in:\n" + "\n".join(lines))
    codes = set(re.findall(r"\[([a-z0-9-]+)\]$", result.output, flags=re.M))
    assert codes <= set(CODES), f"unregistered codes: {codes - set(CODES)}"
    raised = f"{case.code}: error" in case.config  # by the case's `severity:` setting
    severity = "error" if raised else str(CODES[case.code].severity)
    assert all(f": {severity}: " in line for line in lines), lines
    assert "hint: " in result.output
    assert case.hint in result.output
    errors = [line for line in result.output.splitlines() if ": error: " in line]
    assert not case.alone or len(errors) == 1, result.output
    assert not case.only or len(re.findall(r": (?:error|warning): ", result.output)) == 1, \
        result.output
    assert snapshot(content) == before, "the build modified content/"
    assert set(snapshot(out)) == {OUTPUT_MARK, "index.md"}  # the previous build, untouched
    assert (out / "index.md").read_text() == "previous good build\n"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out")], "staging left over"


def test_all_problems_are_reported_together_in_order(tmp_path: Path) -> None:
    files = broken_corpus(Case("two", "", "", (
        edit("claims.yml", "status: disputed", "status: disputd"),
        edit(SRC, "title:", "titel:"),
        edit("briefs/widget.yml", "cites: [acme-cost]", "cites: [nope]"),
    )))
    content = write_tree(tmp_path / "content", files)
    result = CliRunner().invoke(main, ["check", "--content", str(content)])
    assert result.exit_code == 1
    located = [line.split(": ")[0].removeprefix(content.as_posix() + "/")
               for line in result.output.splitlines() if ": error: " in line]
    assert located == ["briefs/widget.yml:7:17", "claims.yml:5:13", f"{SRC}:1:1"]
    assert "3 errors" in result.output


@pytest.mark.parametrize(("file", "key", "misspelt", "also"), [
    ("briefs/widget.yml", "title:", "titel:",
     edit("briefs/widget.yml", '"An analyst calls it overpriced."',
          '"An analyst calls it \\"a rip-off\\"."')),
    (SRC, "title:", "titel:",
     edit(SRC, "its widget costs $5 million", "its widgets cost $5 million")),
])
def test_a_misspelt_required_key_holds_back_no_other_problem(
        tmp_path: Path, file: str, key: str, misspelt: str, also: tuple[str, str, str]) -> None:
    """A brief's `titel:` was the one error reported: the brief waited for its title, so a
    quotation the cited quotes lack was found only after the fix (a source's, a quote not
    in its article). The key is read as the
    field it looks like, and both are reported together."""
    files = broken_corpus(Case("typo", "", "", (edit(file, key, misspelt), also)))
    content = write_tree(tmp_path / "content", files)
    result = CliRunner().invoke(main, ["check", "--content", str(content)])
    assert result.exit_code == 1
    codes = re.findall(r"\[([a-z-]+)\]$", result.output, re.M)
    assert "schema-unknown-key" in codes and len(codes) == 2, result.output


def _figure_without_its_quotes_hedge(changed: dict[str, str]) -> dict[str, str]:
    """The minimal corpus whose asserting quote says "about $5 million", its claim's figure
    left exact, with the files of `changed` written over or added."""
    files = minimal_corpus()
    files["sources/acme-widget.txt"] = ARTICLE.replace("costs $5", "costs about $5")
    files["sources/acme-widget.yml"] = SOURCE_YML.replace("costs $5", "costs about $5")
    return {**files, **changed}


def _checked_with_the_figures_warning(tmp_path: Path, files: dict[str, str], code: str
                                      ) -> None:
    """`briefing check` reports `code` and, in the same run, the claim figure's dropped
    hedge."""
    content = write_tree(tmp_path / "content", files)
    result = CliRunner().invoke(main, ["check", "--content", str(content)])
    assert f"[{code}]" in result.output, result.output
    assert any(line.startswith(f"{content.as_posix()}/claims.yml:")
               and "[prose-hedge-dropped]" in line
               for line in result.output.splitlines()), result.output


def test_a_mistyped_citation_does_not_hold_back_a_claims_figure_check(tmp_path: Path) -> None:
    """A brief's citation of "doe-overprice" looks like "doe-overpriced", a quote with a
    stance on the claim; the claim's figure, which drops its quote's "about", is still
    reported in the same run: the citation changes neither the quote nor its stance."""
    _checked_with_the_figures_warning(tmp_path, _figure_without_its_quotes_hedge({
        "briefs/widget.yml": BRIEF_YML.replace("[doe-overpriced]", "[doe-overprice]")}),
        "ref-unknown")


def test_a_doubting_quote_not_found_does_not_hold_back_a_claims_figure_check(
        tmp_path: Path) -> None:
    """A second source's quote, mistyped, doubts the claim, and the figure drops the hedge
    of the one quote that asserts it: the hedge is the asserting quote's, which a doubting
    quote's words cannot change, so both are reported in the same run."""
    _checked_with_the_figures_warning(tmp_path, _figure_without_its_quotes_hedge({
        "claims.yml": CLAIMS_YML.replace("costs $5", "costs about $5"),
        "briefs/widget.yml": BRIEF_YML.replace("$5", "about $5"),
        "sources/rival.txt": "Rival says the price is too high.\n",
        "sources/rival.yml": 'title: "Rival"\npublished: "2025-03-28"\nquotes:\n'
                             '  - id: rival-too-high\n    text: "the price is to high"\n'
                             "    doubts: [widget-cost-5m]\n"}), "quote-not-found")


def _statement_without_its_quotes_hedge(rival_text: str, statement: str) -> dict[str, str]:
    """The asserting quote says "about $5 million", the claim's figure keeps it and its
    statement reads `statement`; a rival's quote, `rival_text`, doubts the claim."""
    return {k: v for k, v in _figure_without_its_quotes_hedge({
        "claims.yml": CLAIMS_YML.replace("costs $5", statement).replace(
            "value: 5000000", "value: 5000000\n        qualifier: about"),
        "briefs/widget.yml": BRIEF_YML.replace("$5", "about $5"),
        "sources/rival.txt": "Rival says the price is too high, at $7 million.\n",
        "sources/rival.yml": 'title: "Rival"\npublished: "2025-03-28"\nquotes:\n'
                             f'  - id: rival-too-high\n    text: "{rival_text}"\n'
                             "    doubts: [widget-cost-5m]\n"}).items()
            if isinstance(v, str)}


def _claim_statement_findings(tmp_path: Path, files: dict[str, str]) -> set[str]:
    """The codes `briefing check` reports at the claim's statement (claims.yml line 3)."""
    content = write_tree(tmp_path / "content", files)
    result = CliRunner().invoke(main, ["check", "--content", str(content)])
    return set(re.findall(rf"^{re.escape(content.as_posix())}/claims\.yml:3:\d+: "
                          r".*\[([a-z-]+)\]$", result.output, flags=re.M))


def test_a_doubting_quote_not_found_does_not_hold_back_a_statements_hedge_check(
        tmp_path: Path) -> None:
    """The statement says "costs $5 million" of a number its one asserting quote says
    "about" of; the rival's quote, mistyped, only doubts the claim. The statement's hedges
    are the asserting quote's, which the rival's words cannot change: the dropped "about"
    is reported in the same run as the quote not found, as it is once the quote is fixed."""
    for name, rival in (("fixed", "the price is too high"), ("mistyped", "the price is to high")):
        files = _statement_without_its_quotes_hedge(rival, "costs $5")
        assert _claim_statement_findings(tmp_path / name, files) == {"prose-hedge-dropped"}


def test_a_doubting_quote_not_found_still_holds_back_a_statements_numbers(
        tmp_path: Path) -> None:
    """A number of the statement's own ($7 million) that no quote read gives: the rival's
    quote, once found, may give it (its words are not yet the article's), so whether it
    is sourced waits for the fix; once the quote is found and gives no $7 million, it is
    reported. (The hedge check, which reads the asserting quote alone, does not wait.)"""
    statement = "costs about $5 million, or $7"
    mistyped = _statement_without_its_quotes_hedge("the price is to high", statement)
    assert _claim_statement_findings(tmp_path / "mistyped", mistyped) == set()
    fixed = _statement_without_its_quotes_hedge("the price is too high", statement)
    assert _claim_statement_findings(tmp_path / "fixed", fixed) == {"prose-figure-unsourced"}


@pytest.mark.parametrize("broken", [("name: Jane Doe", "name: [Jane Doe"),
                                    ("kind: person", "kind: persn")],
                         ids=["not YAML", "bad field"])
def test_a_broken_entity_holds_back_no_briefs_hedge_check(tmp_path: Path,
                                                          broken: tuple[str, str]) -> None:
    """The asserting quote says "reportedly", the brief's point does not; the entities'
    file is broken, and Jane Doe's description mentions the widget (the brief's id) and
    cites the quote. An entity names nothing another check reads but its own id: the
    dropped hedge is reported in the same run as the entity's error."""
    files = {k: v for k, v in minimal_corpus().items() if isinstance(v, str)}
    files["sources/acme-widget.txt"] = ARTICLE.replace("costs $5", "reportedly costs $5")
    files["sources/acme-widget.yml"] = SOURCE_YML.replace("costs $5", "reportedly costs $5")
    files["entities.yml"] += ("    description: \"An analyst of the widget: "
                              '[[quote:acme-cost|its price]]."\n')
    for name, entities in (("fixed", files["entities.yml"]),
                           ("broken", files["entities.yml"].replace(*broken))):
        content = write_tree(tmp_path / name / "content", {**files, "entities.yml": entities})
        result = CliRunner().invoke(main, ["check", "--content", str(content)])
        assert f"{content.as_posix()}/briefs/widget.yml:6:16: warning: quote 'acme-cost' " \
            'says "reportedly"' in result.output, result.output
        assert ("0 errors" if name == "fixed" else "1 error") in result.output, result.output


# A ministry's article puts two claims forward with "up to"; a study doubts the first,
# with a number of its own, and states the second's number plainly. Neither claim's figure
# keeps the "up to".
STUDY_TXT = ("The study's authors said the works will cost $450 million. The works will "
             "employ 400 workers, they wrote.\n")
STUDY_YML = """\
title: "A study doubts the figures"
published: "2025-03-28"
quotes:
  - id: study-cost
    text: "the works will cost $450 million"
    doubts: [transfer-cost-300m]
  - id: study-jobs
    text: "The works will employ 400 workers"
    asserts: [transfer-jobs-400]
"""
PLAN_CLAIMS = """\
claims:
  - id: transfer-cost-300m
    statement: "The ministry says the transfer works will cost up to $300 million."
    claimant: ministry
    status: disputed
    figures:
      - metric: transfer-cost
        subject: ministry
        value: 300000000
        unit: USD
  - id: transfer-jobs-400
    statement: "The transfer works will employ 400 workers."
    status: reported
    figures:
      - metric: transfer-jobs
        value: 400
        unit: workers
"""
# Where the cost figure's dropped hedge is reported: at its `value:`.
COST_FIGURE = f"claims.yml:{PLAN_CLAIMS.split(chr(10)).index('        value: 300000000') + 1}:9"
# The study's date written day first: it fails validation, and is made without the date.
DAY_FIRST = (('published: "2025-03-28"', 'published: "28/03/2025"'),)
# And without its title too: it is left out, its quotes not seen at all.
LEFT_OUT = (*DAY_FIRST, ('title: "A study doubts the figures"\n', ""))


def _transfer_plan(broken: tuple[tuple[str, str], ...] = (), *, jobs: bool = True
                   ) -> dict[str, str]:
    """The two sources, the claims and their speaker, the study's annotation with the
    `broken` replacements made; without the jobs claim and the quotes on it unless
    `jobs`."""
    plan, study, claims = PLAN_YML, STUDY_YML, PLAN_CLAIMS
    for old, new in broken:
        study = study.replace(old, new)
    if not jobs:
        plan, study, claims = (text[:text.index(cut)] for text, cut in (
            (plan, "  - id: ministry-jobs"), (study, "  - id: study-jobs"),
            (claims, "  - id: transfer-jobs-400")))
    return {"entities.yml": "entities:\n  - id: ministry\n    name: Ministry of Water\n"
                            "    kind: organisation\n",
            "claims.yml": claims, "sources/plan.txt": PLAN_TXT, "sources/plan.yml": plan,
            "sources/study.txt": STUDY_TXT, "sources/study.yml": study}


def _hedges_dropped(tmp_path: Path, files: dict[str, str], command: str = "check"
                    ) -> tuple[str, set[str]]:
    """The output of `briefing <command>` on `files`, and where (`claims.yml:line:col`) it
    reports a figure's dropped hedge."""
    content = write_tree(tmp_path / "content", files)
    out = ["--out", str(tmp_path / "out")] if command == "build" else []
    result = CliRunner().invoke(main, [command, "--content", str(content), *out])
    return result.output, {line.removeprefix(f"{content.as_posix()}/").split(": ")[0]
                           for line in result.output.splitlines()
                           if "[prose-hedge-dropped]" in line}


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_source_with_a_bad_date_that_only_doubts_a_claim_holds_back_no_figure_check(
        tmp_path: Path, command: str) -> None:
    """The study's date is written day first, so the study fails validation; its one
    quote doubts the claim. The figure's hedge is the asserting quote's, in the ministry's
    valid source, which the study cannot change: the date error and the dropped "up to"
    are reported in the same run."""
    output, dropped = _hedges_dropped(tmp_path, _transfer_plan(DAY_FIRST, jobs=False),
                                      command)
    assert "sources/study.yml:2:12: error: " in output and "[schema-date]" in output, output
    assert dropped == {COST_FIGURE}, output
    assert "1 error, 1 warning" in output, output


@pytest.mark.parametrize("broken", [DAY_FIRST, LEFT_OUT], ids=["bad date", "left out"])
def test_a_broken_source_asserting_a_claim_still_holds_back_its_figure_check(
        tmp_path: Path, broken: tuple[tuple[str, str], ...]) -> None:
    """The broken study also asserts the jobs claim, stating its 400 plainly, where the
    ministry says "up to 400": whether every quote putting 400 forward hedges it is not
    known until the study is read (left out, its quote is not seen at all), so the jobs
    figure waits, while the cost figure, which the study only doubts, does not."""
    output, dropped = _hedges_dropped(tmp_path / "broken", _transfer_plan(broken))
    assert dropped == {COST_FIGURE}, output
    # Once the study is read, its plain 400 keeps the jobs figure right as it is.
    output, dropped = _hedges_dropped(tmp_path / "fixed", _transfer_plan())
    assert dropped == {COST_FIGURE}, output


def test_a_number_only_a_broken_source_gives_is_not_called_unsourced(tmp_path: Path) -> None:
    """The cost figure is a range whose upper end, $450 million, only the study's doubting
    quote gives, and the study is left out: its numbers are not known, so whether 450
    million is sourced waits for the fix, while the dropped "up to" of the ministry's 300
    million is reported in the same run."""
    for name, broken in (("broken", LEFT_OUT), ("fixed", ())):
        files = _transfer_plan(broken, jobs=False)
        files["claims.yml"] = files["claims.yml"].replace("300000000",
                                                          "[300000000, 450000000]")
        output, dropped = _hedges_dropped(tmp_path / name, files)
        assert dropped == {COST_FIGURE}, output
        assert "[prose-figure-unsourced]" not in output, output


@pytest.mark.parametrize("text", ["", "\ufeff\r\n  \n"], ids=["empty", "white space"])
def test_an_empty_article_is_one_error_not_one_per_quote(tmp_path: Path, text: str) -> None:
    """Its quotes, which cannot be in it, and its cleaning rules, which match nothing in it,
    would only say again that the text is missing."""
    content = write_tree(tmp_path / "content", broken_corpus(Case("", "", "", files=(
        (TXT, text),))))
    result = CliRunner().invoke(main, ["check", "--strict", "--content", str(content)])
    assert result.exit_code == 1
    codes = re.findall(r"\[([a-z0-9-]+)\]$", result.output, flags=re.M)
    assert codes == ["source-text-empty"], result.output
