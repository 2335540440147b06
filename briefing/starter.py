"""The starter annotation `briefing new` writes beside a new source article.

The title and date are written live (marked as suggestions), so the content still passes
`briefing check` straight away; everything else the curator must decide on is written as
YAML comments that are valid YAML once the leading `# ` is removed.
"""

from __future__ import annotations

import json
import os
import re
import stat
import textwrap
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType

from . import urls
from .chars import unusual_note
from .cleaning import looks_hard_wrapped
from .diagnostics import Diagnostic
from .duplicates import find_duplicate
from .emit import cannot_write
from .extract import (
    MAX_ORIGINAL_BYTES,
    SUFFIXES,
    Extracted,
    NotAnArticle,
    kind_of,
)
from .extractapart import extract_apart
from .language import DEFAULT, TAG_HINT, language_tag, other_language
from .load import MAX_TEXT_BYTES, load
from .markup import plural
from .model import ENTITY_KINDS, Corpus
from .numbers import writes_numbers_otherwise
from .schema import SLUG_RE, SUGGESTED_BASIS, id_too_long
from .suggest import (
    MAX_PASSAGE,
    FigureFound,
    QuoteFound,
    Suggestions,
    TitleFound,
    dated_id,
    slugify,
    suggest,
    title_and_date,
)
from .suggest import source_id as source_id_for
from .text import decode_source, normalise_text
from .validate import RESERVED_IDS, validate

KEEP_OR_REJECT = "keep: uncomment, i.e. delete the leading '# '; reject: delete the lines"
SCHEMA_FILES = MappingProxyType({"source": "source", "claims": "claims", "entities": "entities",
                                 "brief": "brief", "names": "names"})


def schema_comment(kind: str, yaml_path: Path, project_root: Path) -> str:
    """The first line that tells editors (yaml-language-server) which JSON Schema a file
    follows: `schemas/<kind>.schema.json` of the project, relative to the file's folder."""
    schema = project_root / "schemas" / f"{SCHEMA_FILES[kind]}.schema.json"
    relative = os.path.relpath(schema.absolute(), yaml_path.absolute().parent)
    return f"# yaml-language-server: $schema={Path(relative).as_posix()}"


def yaml_text(value: str) -> str:
    """A double-quoted YAML scalar (JSON's string syntax is a subset of YAML's), with
    every character YAML would not keep as written escaped."""
    return escape_specials(json.dumps(value, ensure_ascii=False))


# Controls, format characters, line and paragraph separators and unassigned code points
# (tab aside): YAML ends a line, and so a comment, at U+2028, U+2029 and U+0085, refuses
# U+FFFE and U+FFFF, and the others are invisible.
_SPECIAL_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cn", "Cs"})


def escape_specials(text: str) -> str:
    """`text` with each special character written as a `\\uXXXX` (or `\\UXXXXXXXX`)
    escape: inside a double-quoted scalar YAML reads it back as the character, and in a
    comment it shows what is there without breaking the line."""
    return "\n".join(_escaped_line(line) for line in text.split("\n"))


def _escaped_line(line: str) -> str:
    if line.replace("\t", " ").isprintable():  # most lines: no character to look at
        return line
    return "".join(_escaped(char) if unicodedata.category(char) in _SPECIAL_CATEGORIES
                   and char != "\t" else char for char in line)


def _escaped(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def summary_line(suggestions: Suggestions, extracted: Extracted | None = None) -> str:
    """The two lines `briefing new` prints: the suggested `published` date and where it
    was taken from (`published_origin`), then how many suggestions of each kind ("1
    figure, 3 quotes"). The dates counted are those the text states that the starter
    lists besides `published`, as dates the article may have been published on: a
    date taken from the metadata is not one of them, nor counted as one."""
    s = suggestions
    date, origin = published_origin(extracted, s)
    shown = None if _metadata_published(extracted, s) else s.date
    others = len([d for d in s.dates if d != shown])
    published = f"published: {date}, {origin}" if date is not None \
        else f"published: left out, {origin}"
    found = ((others, "other date in the text" if shown else "date in the text",
              "other dates in the text" if shown else "dates in the text"),
             (len(s.figures), "figure", ""), (len(s.quotes), "quote", ""),
             (len(s.known_entities), "known entity", "known entities"),
             (len(s.new_names), "new name", ""), (len(s.claims), "claim", ""))
    return published + "\nsuggestions: " + ", ".join(plural(n, one, many)
                                                     for n, one, many in found)


def _metadata_published(extracted: Extracted | None, s: Suggestions) -> bool:
    """Whether `published` is the date the metadata gives: a page's before the text's
    first full date (`_metadata_date_first`), a PDF's only when the text gives none."""
    return extracted is not None and bool(extracted.facts.date) and (
        s.date is None or _metadata_date_first(extracted))


def published_origin(extracted: Extracted | None, s: Suggestions) -> tuple[str | None, str]:
    """The date the starter suggests as `published`, and where it was taken from, the
    metadata (`_metadata_published`) or the text's first full date; None when neither
    gives one."""
    if extracted is not None and _metadata_published(extracted, s):
        return extracted.facts.date, f"from the {_what(extracted)}'s metadata"
    if s.date is not None:
        return s.date.date, f"from the text's first full date (line {s.date.sentence.line})"
    return None, "as no full date is in the text" + (
        f" or the {_what(extracted)}'s metadata" if extracted is not None else "")


def title_origin(title: TitleFound) -> str:
    """Which line of the article the title was taken from, and what the lines before it
    were taken for, so that the curator can check both ("line 3 of the article, after a
    dateline")."""
    if not title.text:
        return "the source's id, as no line of the article reads as a headline"
    where = "the article's first line" if title.line == 1 and not title.passed_over \
        else f"line {title.line} of the article"
    if title.passed_over:
        where += f", after {_kinds(title.passed_over)}"
    elif title.line > 1:
        where += ", its first"  # blank lines before it
    return where + (", less its date" if title.undated else "")


def _kinds(kinds: tuple[str, ...]) -> str:
    """"a label", "2 labels, a date and a byline": each kind once, in the order met."""
    named = [f"a {kind}" if n == 1 else f"{n} {kind}s"
             for kind, n in Counter(kinds).items()]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]


def render_starter(source_id: str, suggestions: Suggestions, schema_line: str,
                   extracted: Extracted | None = None, *, wrapped: bool = False,
                   site_language: str = DEFAULT, language: str | None = None) -> str:
    """The starter's text; `language`: the tag given with `--language`, which wins over
    the one the page or PDF declares."""
    s = suggestions
    out = [
        schema_line,
        f"# Starter annotation for sources/{source_id}.txt, written by `briefing new`.",
        *_origin(source_id, extracted),
        "# Everything marked SUGGESTION was found by rules, not read by a person: check each",
        f"# one against the article ({KEEP_OR_REJECT}),",
        "# then run `briefing check`.",
        "",
    ]
    facts = extracted.facts if extracted is not None else None
    if facts is not None and facts.title:
        out += [f"# SUGGESTION: the {_what(extracted)}'s title, from its metadata; check it "
                "against the headline.", f"title: {yaml_text(facts.title)}"]
    else:
        out += [f"# SUGGESTION: {title_origin(s.title)}; replace it with the real headline.",
                f"title: {yaml_text(s.title.text or source_id)}"]
    out += _facts(extracted) if extracted is not None else _byline(s)
    out += _language(extracted, site_language, language)
    out += _published(extracted, s)
    if extracted is not None:
        out += ["", *_extraction(extracted)]
    if wrapped:
        out += ["", "# SUGGESTION: the text looks hard-wrapped, its sentences broken across "
                "lines: each", "# paragraph (lines up to a blank line) is read as one, so a "
                "quote can run on.", "cleaning:", "  join_wrapped_lines: true"]
    out += ["", *_quotes(s.quotes)]
    out += ["", *_known(s), "", *_figures(s.figures), "", *_new_names(s)]
    # Comments quote the article as it is; escaped, no character in it can end a comment
    # early. The live values are double-quoted, where an escape reads back as written.
    return escape_specials("\n".join(out).rstrip("\n") + "\n")


def _metadata_date_first(extracted: Extracted) -> bool:
    """Whether the metadata's date comes before a date the text states: a page's does; a
    PDF's is when the file was made, often when it was saved or printed."""
    return extracted.kind != "pdf"


def _published(extracted: Extracted | None, s: Suggestions) -> list[str]:
    """The suggested publication date (`_metadata_date_first`), and the text's other
    dates."""
    made = extracted.facts.date if extracted is not None else ""
    if _metadata_published(extracted, s):
        basis = (f"{SUGGESTED_BASIS}: the {_what(extracted)}'s metadata gives "
                 f"{made}; confirm it is the publication date.")
        out = ["# SUGGESTION: the date in the metadata; check that it is the publication",
               "# date (then drop `inferred` and `basis`).", "published:",
               f"  date: {yaml_text(made)}", "  inferred: true", f"  basis: {yaml_text(basis)}"]
        shown = None
    elif s.date is not None:
        basis = (f"{SUGGESTED_BASIS}: the first full date in the text, "
                 f"{_words(s.date.found)!r} on line {s.date.sentence.line}; confirm it is the "
                 "publication date.")
        out = ["# SUGGESTION: the first full date in the text; check that it is the publication",
               "# date (then drop `inferred` and `basis` if the article states it as such).",
               "published:", f"  date: {yaml_text(s.date.date)}", "  inferred: true",
               f"  basis: {yaml_text(basis)}"]
        if made:
            out += [f"# The PDF's metadata gives {made}, when the file was made: often when it "
                    "was saved or printed."]
        shown = s.date
    else:
        out = ["# No full date found in the text: `published` is left out (unknown). Add",
               "# it when you know it, to the precision the evidence gives."]
        shown = None
    others = [d for d in s.dates if d != shown]
    if others:
        out += ["# Other dates in the text (SUGGESTION: one may be the publication date):"]
        out += [f"#   {d.date}  {_words(d.found)!r}, line {d.sentence.line}" for d in others]
    return out


def _what(extracted: Extracted | None) -> str:
    return "PDF" if extracted is not None and extracted.kind == "pdf" else "page"


def _origin(source_id: str, extracted: Extracted | None) -> list[str]:
    if extracted is None:
        return []
    return [f"# Its text was extracted from sources/{source_id}{SUFFIXES[extracted.kind]}, "
            "kept byte for byte,", f"# by {extracted.extractor} {extracted.version}."]


# A source's text fields and their length caps (model.Source).
_FACT_FIELDS = (("outlet", 200), ("author", 200))


def _facts(extracted: Extracted) -> list[str]:
    """The outlet, author and address the metadata gives, live when the schema accepts
    them (so the starter still checks), else as comments saying why not."""
    facts, out = extracted.facts, []
    found = [(name, getattr(facts, name), cap) for name, cap in _FACT_FIELDS
             if getattr(facts, name)]
    if not found and not facts.url:
        return []
    out.append(f"# SUGGESTION: from the {_what(extracted)}'s metadata; check each against "
               "the article.")
    out += _fact_values(found)
    if facts.url:
        url = urls.normalise(facts.url)
        out.append(f"url: {yaml_text(url)}" if isinstance(url, str)
                   else f"# url: {yaml_text(facts.url)}  (not usable: {url.message})")
    return out


def _fact_values(found: Iterable[tuple[str, str, int]]) -> list[str]:
    """Each field live when its value is within its length cap, else cut, as a comment."""
    return [f"{name}: {yaml_text(value)}" if len(value) <= cap
            else f"# {name}: {yaml_text(value[:cap])}  (cut: over {cap} characters)"
            for name, value, cap in found]


def _byline(s: Suggestions) -> list[str]:
    """A text file's author, from a byline near its top (`suggest.find_byline`), written
    as a page's author from its metadata is."""
    if s.byline is None:
        return []
    return [f"# SUGGESTION: the byline on line {s.byline.line}, "
            f"{_words(s.byline.found)!r}; check it against the article.",
            *_fact_values([("author", s.byline.author, dict(_FACT_FIELDS)["author"])])]


def _language(extracted: Extracted | None, site_language: str,
              given: str | None = None) -> list[str]:
    """`language:` when the tag given with `--language`, else the one the original
    declares, is read otherwise by the checks than the site's: another language, or a
    region of it that writes numbers otherwise. A source read as the site's leaves it out;
    one whose language neither the curator nor the file gives (a text file) is told how to
    say it, since its language is never guessed from its words."""
    declared = extracted.facts.language if extracted is not None else ""
    tag = given or declared
    if not tag:
        return [f"# In another language than the site's ({site_language})? Say which, with "
                "a tag (`language: de`):", "# its numbers are then read as that language "
                'writes them ("1,5" is one and a half in', "# German), and its quotes with "
                "that language's hedge words (built in for", "# German, French, Spanish, "
                "Italian and Portuguese; others with the plugin's `hedges:`)."]
    if other_language(tag, site_language):
        why = f"not in the site's\n# language, {site_language}"
    elif writes_numbers_otherwise(tag, site_language):
        why = (f"whose numbers are\n# written otherwise than in the site's, {site_language} "
               "(separators or scale words)")
    else:
        return []
    if given:
        return _given_language(given, why, declared, extracted)
    # Quoted, as the other live values: to a YAML 1.1 reader (PyYAML) a bare `no`,
    # Norwegian, is false.
    return [*f"# SUGGESTION: the {_what(extracted)} declares it is in {tag} "
            f"({_declared_in(extracted)}), {why}; check it against the article.".splitlines(),
            f"language: {yaml_text(tag)}"]


def _declared_in(extracted: Extracted | None) -> str:
    """Where the page or PDF declares its language."""
    return "its /Lang" if extracted is not None and extracted.kind == "pdf" \
        else "its <html lang>"


def _given_language(tag: str, why: str, declared: str, extracted: Extracted | None
                    ) -> list[str]:
    """`language:` as the curator gave it with `--language`, and what the page or PDF
    declares when that differs."""
    out = f"# Given with --language: the article is in {tag}, {why}.".splitlines()
    if declared and declared != tag:
        out.append(f"# (The {_what(extracted)} declares {declared}, "
                   f"{_declared_in(extracted)}.)")
    return [*out, f"language: {yaml_text(tag)}"]


def _extraction(extracted: Extracted) -> list[str]:
    out = ["# How the text was extracted: `briefing check` extracts it again and compares.",
           "# Written by `briefing new`; do not edit.", "extracted:",
           f"  by: {extracted.extractor}", f"  version: {yaml_text(extracted.version)}"]
    if extracted.pages:
        out.append(f"  pages: [{', '.join(map(str, extracted.pages))}]")
    return out


def _wrap(text: str, indent: str = "#   ") -> list[str]:
    return textwrap.wrap(text, 88, initial_indent=indent, subsequent_indent=indent)


def _words(found: str) -> str:
    """Words as found, with their white space folded (it may be a long run of tabs)."""
    return " ".join(found.split())


def _shown(text: str) -> str:
    """A sentence quoted in a comment, cut when it is longer than a passage can be."""
    return text if len(text) <= MAX_PASSAGE else text[:MAX_PASSAGE] + "…"


def _quotes(quotes: Iterable[QuoteFound]) -> list[str]:
    quotes = tuple(quotes)
    if not quotes:
        return ["# No quotations or passages repeating known claims were found. Add quotes",
                "# under `quotes:` (see README, step 3)."]
    out = [f"# SUGGESTION quotes ({KEEP_OR_REJECT}).",
           "# Uncomment `quotes:` and the items you keep; each `text` is exactly as in the",
           "# article, so it anchors. `reports` lists the known claims the sentence seems",
           "# to repeat: change it to asserts/doubts/refutes as the passage warrants.",
           "# quotes:"]
    for quote in quotes:
        out.append(f"#   # line {quote.sentence.line}")
        out.append(f"#   - id: {quote.id}")
        out.append(f"#     text: {yaml_text(quote.text)}")
        if quote.prefix:
            out.append(f"#     prefix: {yaml_text(quote.prefix)}")
        if quote.speaker_id:
            out.append(f"#     speaker: {quote.speaker_id}")
        elif quote.speaker_new:
            # Written as it will stand once the entity is added: one more '# ' to delete.
            out.append(f"#     # speaker: {quote.speaker_new}  # {quote.speaker_name!r} "
                       "alone: add the entity suggested below first")
        elif quote.speaker_name:
            out.append(f"#     # speaker: {quote.speaker_name!r} is not in entities.yml yet; "
                       "add the entity and give its id here")
        out.append(f"#     reports: [{', '.join(quote.reports)}]")
    return out


def _known(s: Suggestions) -> list[str]:
    if not s.known_entities:
        return ["# No entities of entities.yml are named in the article."]
    names = ", ".join(f"{e.id} ({e.count})" for e in s.known_entities)
    out = ["# Entities of entities.yml named in the article (id and times named), for",
           "# `speaker:` and the claims:", *_wrap(names)]
    for surname, entity_id in s.surnames:
        out += _wrap(f"{surname!r} alone, after the full name, is taken for {entity_id}: "
                     f"add {yaml_text(surname)} to its `aliases:` in entities.yml if the "
                     "build should link it.", "# ")
    for acronym, entity_id in s.acronyms:
        out += _wrap(f"{acronym!r}, in parentheses beside the full name, abbreviates "
                     f"{entity_id}: add {yaml_text(acronym)} to its `aliases:` in "
                     "entities.yml if the build should link it.", "# ")
    if s.claims:
        out += ["# Claims of claims.yml the article seems to repeat (in the quotes above):"]
        for claim in s.claims:
            out += _wrap(f"{claim.id} (line {claim.sentence.line}): "
                         f"{_shown(claim.statement)}")
    return out


def _number(value: Decimal) -> str:
    return format(value, "f")


def _figures(figures: Iterable[FigureFound]) -> list[str]:
    figures = tuple(figures)
    if not figures:
        return ["# No figures found."]
    out = ["# SUGGESTION figures, for content/claims.yml: paste each you keep under the",
           "# `figures:` of the claim that states it, name the `metric` (a slug such as",
           "# training-cost) and add `subject`/`scope` as the sentence supports."]
    for figure in figures:
        low, high = figure.value
        value = _number(low) if low == high else f"[{_number(low)}, {_number(high)}]"
        out += _wrap(f"line {figure.sentence.line}, {figure.found!r}: "
                     f"{_shown(figure.sentence.text)}", "#   # ")
        out += ['#   - metric: ""', f"#     value: {value}", f"#     unit: {figure.unit}"]
        if figure.qualifier != "exactly":
            out.append(f"#     qualifier: {figure.qualifier}")
        if figure.note:
            out.append(f"#     # {figure.note}")
    return out


def _new_names(s: Suggestions) -> list[str]:
    if not s.new_names:
        return ["# No capitalised names outside entities.yml were found."]
    out = ["# SUGGESTION entities, for content/entities.yml: names not yet known. Paste",
           "# each real one under `entities:` and set its `kind` (one of",
           f"# {'|'.join(ENTITY_KINDS)})."]
    for entity in s.new_names:
        aliases = (*entity.forms, *entity.acronyms, *entity.aliases)
        out += [f"#   # named {entity.count}x, first on line {entity.sentence.line}"
                + _declined(entity.forms) + _abbreviated(entity.acronyms)
                + _alone(entity.aliases),
                f"#   - id: {entity.id}", f"#     name: {yaml_text(entity.name)}"]
        if aliases:
            out.append(f"#     aliases: [{', '.join(map(yaml_text, aliases))}]")
        out += _role(entity.role) if entity.role else ['#     kind: ""']
    return out


def _role(role: str) -> list[str]:
    """A new name's `kind` and `description` when the article gives it a role in
    apposition ("Jane Doe, the council's treasurer,"): a person's, in the article's
    words, which may not say whose role it is ("the council's")."""
    described = yaml_text(role[0].upper() + role[1:] + ".")
    return ["#     kind: person  # a role in apposition", f"#     description: {described}"
            "  # the article's words: say whose role it is"]


def _declined(forms: tuple[str, ...]) -> str:
    """Why a new name has aliases: the article declines it ("des Landes Steiermark"),
    and the name is its base form; the alias links the declined one in every source."""
    if not forms:
        return ""
    return f", declined as {' and '.join(repr(n) for n in forms)} (an alias below)"


def _abbreviated(acronyms: tuple[str, ...]) -> str:
    """Why a new name has aliases: the acronym in parentheses beside it spells it
    ("(BNDES)"), and an alias links that acronym in every source."""
    if not acronyms:
        return ""
    return f", abbreviated {' and '.join(repr(n) for n in acronyms)} (an alias below)"


def _alone(surnames: tuple[str, ...]) -> str:
    """Why a new name has aliases: its surname alone, written after it, is taken for it
    (and an alias links that surname in every source)."""
    if not surnames:
        return ""
    return f", then as {' and '.join(repr(n) for n in surnames)} alone (an alias below)"


# --- creating the files ------------------------------------------------------------------

class Refused(Exception):
    """The new source cannot be added; `str(self)` is a `path: error: …` line."""

    def __init__(self, path: Path | str, message: str, hint: str = "",
                 diagnostics: tuple[Diagnostic, ...] = ()):
        super().__init__(f"{Path(path).as_posix()}: error: {message}")
        self.hint = hint
        self.diagnostics = diagnostics


def id_problem(value: str) -> str | None:
    """Why `value` cannot be a source id, or None when it can."""
    if not SLUG_RE.match(value):
        example = slugify(value)
        return (f"{value!r} is not a valid id: use lower-case letters a-z, digits and hyphens"
                + (f", for example {example!r}" if example else ""))
    if value in RESERVED_IDS:
        return f"{value!r} cannot be used as an id: its page would clash with a reserved name"
    return id_too_long(value)


def targets(content_dir: Path, source_id: str) -> tuple[Path, Path]:
    sources = content_dir / "sources"
    return sources / f"{source_id}.txt", sources / f"{source_id}.yml"


def originals(content_dir: Path, source_id: str) -> tuple[Path, ...]:
    """Where the web page or PDF a source's text was extracted from is kept."""
    return tuple(content_dir / "sources" / f"{source_id}{suffix}"
                 for suffix in SUFFIXES.values())


def refuse_existing(content_dir: Path, source_id: str) -> None:
    for target in (*targets(content_dir, source_id), *originals(content_dir, source_id)):
        if target.exists():
            raise Refused(target, "already exists; `briefing new` never overwrites a file",
                          "pass --id to file the article under another id")


def write_source(content_dir: Path, source_id: str, article: bytes, starter: str,
                 original: tuple[str, bytes] | None = None) -> tuple[Path, Path]:
    """Copy the original (a page or PDF, as `(suffix, bytes)`), if any, and the article
    text byte for byte and write the starter annotation, each created exclusively; if
    one cannot be written, those written before it are removed again (`Unwritable`)."""
    text_path, yaml_path = targets(content_dir, source_id)
    if content_dir.is_symlink():  # refused before a folder is made where it leads
        raise Refused(content_dir, "the content folder is a link: the build reads no "
                      "content through it [content-symlink-outside]",
                      "make it a folder, or name the folder the link leads to as "
                      "`content_dir` (and `docs_dir`) in mkdocs.yml")
    try:
        text_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file named `sources`, a read-only disk
        raise cannot_write(text_path.parent, exc) from exc
    if not text_path.parent.resolve().is_relative_to(content_dir.resolve()):
        # The build refuses such a link (`content-symlink-outside`): nothing goes there.
        raise Refused(text_path.parent, "is a link out of the content folder "
                      "[content-symlink-outside]",
                      "make it a real folder inside the content folder")
    created: list[Path] = []
    files = [(text_path, article), (yaml_path, starter.encode("utf-8"))]
    if original is not None:
        files.insert(0, (text_path.with_suffix(original[0]), original[1]))
    try:
        for path, data in files:
            with path.open("xb") as handle:
                created.append(path)
                handle.write(data)
    except FileExistsError as exc:
        _remove(created)
        raise Refused(exc.filename or yaml_path, "already exists; `briefing new` never "
                      "overwrites a file", "pass --id to file the article under another id"
                      ) from exc
    except BaseException as exc:
        _remove(created)
        if isinstance(exc, OSError):
            raise cannot_write(text_path.parent, exc) from exc
        raise
    return text_path, yaml_path


def _remove(paths: Iterable[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


# --- the whole command, without the command line -----------------------------------------

class Misused(Exception):
    """The command was used wrongly (exit 2): a bad --id or --language."""


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


def _not_regular(display: str, mode: int) -> Refused:
    kind = next((name for test, name in _KINDS if test(mode)), "a special file")
    return Refused(display, f"this is {kind}, not a file; nothing was read or written",
                   "give the path of the article's text file")


def _too_large(display: str, cap: int = MAX_TEXT_BYTES, what: str = "the file") -> Refused:
    return Refused(display, f"{what} is larger than {cap:,} bytes; nothing "
                   "was written", "a single article is far smaller; is this the right file?")



def read_article(path: Path) -> bytes:
    """The article's bytes, read only from a regular file and never more than the size
    cap: a device such as /dev/zero would never end, and a FIFO would block."""
    display = path.as_posix()
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            raise _not_regular(display, mode)
        # Non-blocking, so a FIFO put in the file's place since the check cannot hang
        # the open; the status of what was opened is checked again.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise Refused(display, f"cannot be read: {exc.strerror}; nothing was written",
                      "check the path and the file's permissions") from exc
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise _not_regular(display, mode)
        data = handle.read(MAX_ORIGINAL_BYTES + 1)
    if len(data) > MAX_ORIGINAL_BYTES:
        raise _too_large(display, MAX_ORIGINAL_BYTES)
    return data


@dataclass(frozen=True)
class NewSource:
    id: str
    article: bytes  # the text file's bytes: as read, or as extracted from the original
    starter: str
    suggestions: Suggestions
    notes: tuple[Diagnostic, ...]  # warnings about the text, such as bidi controls
    extracted: Extracted | None = None  # how, when the file was a web page or a PDF
    original: tuple[str, bytes] | None = None  # (suffix, bytes as read) of that file


def prepare(article: bytes, display: str, content_dir: Path, project_root: Path, *,
            source_id: str | None = None, site_language: str = DEFAULT,
            language: str | None = None) -> NewSource:
    """Everything `briefing new` writes, computed before anything is written;
    `site_language`: the site's tag (`siteconfig.written_language`); `language`: the
    article's, as given with `--language` (it wins over what a page or PDF declares)."""
    if source_id is not None and (problem := id_problem(source_id)):
        raise Misused(f"--id: {problem}")
    given = _given_tag(language)
    extracted = _extracted(article, display)
    if extracted is not None:
        original: tuple[str, bytes] | None = (SUFFIXES[extracted.kind], article)
        article = extracted.text.encode("utf-8")
        if len(article) > MAX_TEXT_BYTES:
            raise _too_large(display, what="the extracted text")
    else:
        original = None
        if len(article) > MAX_TEXT_BYTES:
            raise _too_large(display)
    text, notes = decode_source(article, display)
    if text is None:
        raise Refused(display, "the file is not UTF-8 text; nothing was written",
                      "fix the problems above, then run the command again", notes)
    if not normalise_text(text):
        raise Refused(display, "the file holds no text, only white space or invisible "
                      "characters; nothing was written",
                      "give the file that holds the article's text")
    # Read in the language given, else the one the page or PDF declares, else the
    # site's: a text file says none, and its language is never guessed from its words.
    reading = given or (extracted.facts.language if extracted is not None else None) \
        or site_language
    new_id = source_id or _new_id(text, extracted, reading)
    loaded = load(content_dir)
    # The same article first: its id is then taken too, and "pass --id" would only lead
    # to this refusal.
    copy = find_duplicate(text, ((t.display, t.text) for t in loaded.texts))
    if copy is not None:
        alike = "the same text" if copy[1] >= 0.999 else f"nearly the same text ({copy[1]:.0%})"
        raise Refused(display, f"has {alike} as {copy[0]}: the article is already in the "
                      "corpus; nothing was written [source-duplicate]",
                      "annotate the existing source instead, or, if this is a different "
                      "article, check that the right file was given")
    refuse_existing(content_dir, new_id)
    # Suggestions use whatever of the corpus validates: a half-finished corpus still helps.
    corpus = validate(loaded).corpus
    if extracted is not None:
        _refuse_same_url(display, extracted, corpus)
    # Quote ids are prefixed with the id's words after its date, whether the date came
    # from the text or the metadata ("we-would-rather", not "2025-03-we-would").
    # A hard-wrapped text is read as the starter has the build read it, paragraph by
    # paragraph.
    wrapped = extracted is None and looks_hard_wrapped(text)
    suggestions = suggest(text, corpus, new_id=_DATED_ID.sub("", new_id) or new_id,
                          whole=wrapped, language=reading)
    yaml_path = targets(content_dir, new_id)[1]
    starter = render_starter(new_id, suggestions,
                             schema_comment("source", yaml_path, project_root), extracted,
                             wrapped=wrapped, site_language=site_language, language=given)
    return NewSource(new_id, article, starter, suggestions, notes, extracted, original)


def _given_tag(language: str | None) -> str | None:
    """The tag given with `--language`, in the case its subtags are written in ("pt_br"
    is "pt-BR"); `Misused` when it is none."""
    if language is None:
        return None
    tag = language_tag(language)
    if tag is None:
        raise Misused(f"--language: {language.strip()!r} is not a language tag"
                      f"{unusual_note(language)}; {TAG_HINT}")
    return tag


def _extracted(article: bytes, display: str) -> Extracted | None:
    """The text and metadata of a web page or PDF; None for a text file."""
    try:
        kind = kind_of(article, display)
        # In a process of its own, stopped at a limit of time and memory, as `briefing
        # check` extracts it again (`extractapart.py`).
        return None if kind == "text" else extract_apart(kind, article)
    except NotAnArticle as exc:
        raise Refused(f"{display}:1:1", f"{exc}; nothing was written" if "nothing was "
                      "written" not in str(exc) else str(exc), exc.hint) from exc


_DATED_ID = re.compile(r"^\d{4}-\d{2}-\d{2}-")


def _new_id(text: str, extracted: Extracted | None, language: str) -> str:
    """`<date>-<title words>`, from the metadata when it gives a title, else from the
    text in `language` (its first full date and its title, `suggest.find_title`)."""
    if extracted is None or not extracted.facts.title:
        return source_id_for(*title_and_date(text, language), language)
    found = title_and_date(text)[1]
    stated = found.date if found is not None else ""
    day = extracted.facts.date or stated if _metadata_date_first(extracted) \
        else stated or extracted.facts.date
    return dated_id(extracted.facts.title, day, language)


def _refuse_same_url(display: str, extracted: Extracted, corpus: Corpus) -> None:
    """The rule of `source-duplicate`, by address: a page whose canonical URL is an
    existing source's `url:` is that source again."""
    url = urls.normalise(extracted.facts.url) if extracted.facts.url else None
    if not isinstance(url, str):
        return
    wanted = url.split("#")[0].rstrip("/")
    for source in corpus.sources:
        if source.url and source.url.split("#")[0].rstrip("/") == wanted:
            raise Refused(f"{display}:1:1", f"has the same canonical URL ({url}) as "
                          f"{source.pos.path}: the article is already in the corpus; "
                          "nothing was written [source-duplicate]",
                          "annotate the existing source instead, or, if this is a "
                          "different article, check that the right file was given")
