"""The annotation model. Each dataclass is also the schema of its YAML: the fields declared
with `spec_field` are what a curator writes; `pos` (and ids taken from file names) are
filled in by the loader."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from .broken import NamedIds
from .diagnostics import Pos
from .schema import (
    MONTH_DAY_PATTERN,
    YEAR_PATTERN,
    At,
    Choice,
    Context,
    DateSpec,
    Flag,
    FuzzyDate,
    Invalid,
    LanguageTag,
    ListOf,
    Located,
    Number,
    NumberOrRange,
    Obj,
    Prose,
    ProseText,
    Ref,
    RefTo,
    Slug,
    Spec,
    Subject,
    SubjectSpec,
    Text,
    Unit,
    Url,
    other_digits,
    spec_field,
)
from .yamlnodes import YNode

REF_KINDS = ("brief", "claim", "entity", "metric", "quote", "source")
# (What a broken file names is kept under each of these: `broken.NamedIds`.)
STANCES = ("asserts", "reports", "doubts", "refutes")
STATUSES = ("reported", "corroborated", "disputed", "refuted", "superseded")
RELATIONS = ("supersedes", "contradicts", "qualifies", "supports")
# A `group` stands for voices a source does not name one by one ("experts", "critics"):
# its claims may be different people's, and its page says so where they conflict.
ENTITY_KINDS = ("person", "organisation", "country", "model", "chip", "product", "project",
                "publication", "group", "other")
# Words curators write for an entity's kind, and the kind each is.
KIND_WORDS = MappingProxyType({
    **dict.fromkeys(("company", "firm", "business", "corporation", "agency", "ministry",
                     "government", "council", "party", "university", "ngo", "charity",
                     "institution", "organization", "org", "union", "bank", "authority",
                     "department", "regulator", "startup"), "organisation"),
    **dict.fromkeys(("people", "individual", "politician", "official", "expert",
                     "journalist", "executive"), "person"),
    "nation": "country",
    **dict.fromkeys(("newspaper", "outlet", "magazine", "media", "journal", "broadcaster"),
                    "publication"),
    **dict.fromkeys(("gpu", "processor", "semiconductor"), "chip"),
})
# Words curators write for a figure's qualifier, and the qualifier each is.
QUALIFIER_WORDS = MappingProxyType({
    **dict.fromkeys(("roughly", "approximately", "approx", "around", "nearly", "almost",
                     "circa", "some", "estimated", "approximate"), "about"),
    **dict.fromkeys(("less-than", "fewer-than", "below"), "under"),
    **dict.fromkeys(("more-than", "above", "over-than"), "over"),
    **dict.fromkeys(("upto", "up to", "at-most", "at most", "max", "maximum"), "up-to"),
    **dict.fromkeys(("at least", "atleast", "min", "minimum"), "at-least"),
    **dict.fromkeys(("exact", "precisely"), "exactly"),
})
# Words curators write for a claim's status, and the status each is.
STATUS_WORDS = MappingProxyType({
    **dict.fromkeys(("claimed", "alleged", "unconfirmed", "unverified", "reports"),
                    "reported"),
    **dict.fromkeys(("confirmed", "verified", "supported", "true", "established",
                     "corroborate"), "corroborated"),
    **dict.fromkeys(("contested", "challenged", "questioned", "doubted", "controversial"),
                    "disputed"),
    **dict.fromkeys(("false", "debunked", "disproven", "disproved", "denied", "wrong",
                     "untrue", "rebutted"), "refuted"),
    **dict.fromkeys(("outdated", "obsolete", "replaced", "retracted"), "superseded"),
})
# Keys curators write for a quote's stance lists, and the stance each is.
STANCE_WORDS = MappingProxyType({
    "asserts": ("supports", "backs", "confirms", "states", "claims", "affirms", "asserted",
                "corroborates"),
    "reports": ("relays", "mentions", "repeats", "reported"),
    "doubts": ("disputes", "questions", "challenges", "contests", "doubted", "doubt",
               "undermines", "casts-doubt"),
    "refutes": ("contradicts", "denies", "debunks", "rebuts", "disproves", "refuted",
                "rejects"),
})
QUALIFIERS = ("exactly", "about", "under", "over", "up-to", "at-least")
SOURCE_KINDS = ("news-report", "news-analysis", "explainer", "opinion", "press-release",
                "paper", "ai-summary", "other")
EXTRACTORS = ("trafilatura", "pypdf")  # extract.EXTRACTORS, by the kind of original
SECTION_KINDS = ("what-happened", "why-it-matters", "by-the-numbers", "yes-but", "whats-next")
# Words curators write for a brief's section, and the section each is.
SECTION_WORDS = MappingProxyType({
    **dict.fromkeys(("what", "news", "facts", "what-happens", "happened"), "what-happened"),
    **dict.fromkeys(("why", "context", "background", "significance", "why-this-matters",
                     "stakes"), "why-it-matters"),
    **dict.fromkeys(("figures", "data", "stats", "key-numbers", "key-figures"),
                    "by-the-numbers"),
    **dict.fromkeys(("however", "caveats", "caveat", "counterpoint", "but-yes"), "yes-but"),
    **dict.fromkeys(("next", "what-next", "what-happens-next", "whats-ahead",
                     "what's-ahead", "outlook", "next-steps", "ahead"), "whats-next"),
})

_prose = ProseText(REF_KINDS)


class Day(Spec):
    """A calendar day the curator records (`updated:`): their own act, so always exact."""

    doc_type = "day: YYYY-MM-DD"

    def convert(self, node: YNode, ctx: Context) -> datetime.date | Invalid:
        scalar = self._scalar(node, ctx, 'a day such as "2025-02-15"')
        if isinstance(scalar, Invalid):
            return scalar
        value = scalar.value.strip()
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                pass
        return ctx.fail(node.pos, "schema-date", f"{value!r} is not a day" + other_digits(value),
                        'write the day of the revision as "YYYY-MM-DD"')

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": rf"^{YEAR_PATTERN}-{MONTH_DAY_PATTERN}$",
                "format": "date", "patternErrorMessage": 'write the day as "YYYY-MM-DD"'}


class LineNumber(Spec):
    """A line of a source text, counted from 1."""

    doc_type = "line number"

    def convert(self, node: YNode, ctx: Context) -> int | Invalid:
        scalar = self._scalar(node, ctx, "a line number such as 12")
        if isinstance(scalar, Invalid):
            return scalar
        if re.fullmatch(r"[1-9][0-9]{0,8}", scalar.value.strip()):
            return int(scalar.value)
        return ctx.fail(scalar.pos, "schema-number", f"{scalar.value!r} is not a line number",
                        "write a whole number from 1, as `briefing new` wrote it")

    def json_schema(self) -> dict[str, Any]:
        return {"type": ["integer", "string"], "pattern": "^[1-9][0-9]{0,8}$", "minimum": 1,
                "maximum": 999_999_999}


@dataclass(frozen=True, kw_only=True)
class Extraction:
    """How the text was taken from the original kept beside it; `briefing check` takes it
    again with the same extractor and compares."""

    by: str = spec_field(Choice(*EXTRACTORS), "the extractor: trafilatura for a web page "
                         "(sources/<id>.html), pypdf for a PDF (sources/<id>.pdf)",
                         required=True)
    version: str = spec_field(Text(max_len=40), "the extractor's version that extracted "
                              "the text", required=True)
    pages: tuple[int, ...] = spec_field(ListOf(LineNumber()), "for a PDF, the line of the "
                                        "text each page starts on, in page order",
                                        shapes_checks=True)
    pos: Pos


@dataclass(frozen=True, kw_only=True)
class Cleaning:
    remove: tuple[Located[str], ...] = spec_field(
        ListOf(At(Text(quoted=True))), "exact snippets removed from the text wherever they occur",
        shapes_checks=True)
    drop_lines: tuple[Located[str], ...] = spec_field(
        ListOf(At(Text())), "whole lines dropped (compared with white space folded)",
        shapes_checks=True)
    headings: tuple[Located[str], ...] = spec_field(
        ListOf(At(Text())), "lines shown as headings (compared with white space folded)",
        shapes_checks=True)
    split_run_on_sentences: bool = spec_field(
        Flag(), "insert the missing space in run-together sentences such as `costs.Other`",
        default=False, shapes_checks=True)
    join_wrapped_lines: bool = spec_field(
        Flag(), "read a hard-wrapped text's paragraphs whole: lines with no blank line between "
        "them are joined, so a quote can run across a line break", default=False,
        shapes_checks=True)
    pos: Pos


@dataclass(frozen=True, kw_only=True)
class Quote:
    id: str = spec_field(Slug(), "unique id of the quote across all sources", required=True)
    text: str = spec_field(Text(quoted=True), "the exact words in the source", required=True)
    prefix: str = spec_field(Text(quoted=True), "text just before, to pick one occurrence",
                             default="", shapes_checks=True)
    suffix: str = spec_field(Text(quoted=True), "text just after, to pick one occurrence",
                             default="", shapes_checks=True)
    speaker: Ref | None = spec_field(RefTo("entity"), "whose words or view the passage gives")
    asserts: tuple[Ref, ...] = spec_field(ListOf(RefTo("claim")),
                                          "claims the speaker states as true",
                                          meant=STANCE_WORDS["asserts"])
    reports: tuple[Ref, ...] = spec_field(ListOf(RefTo("claim")),
                                          "claims the passage relays without endorsing",
                                          meant=STANCE_WORDS["reports"])
    doubts: tuple[Ref, ...] = spec_field(ListOf(RefTo("claim")),
                                         "claims the passage casts doubt on",
                                         meant=STANCE_WORDS["doubts"])
    refutes: tuple[Ref, ...] = spec_field(ListOf(RefTo("claim")),
                                          "claims the passage says are false",
                                          meant=STANCE_WORDS["refutes"])
    note: Prose | None = spec_field(_prose, "curator's note on the passage")
    pos: Pos
    positions: Mapping[str, Pos] = field(default_factory=dict, compare=False)

    def stances(self) -> tuple[tuple[str, Ref], ...]:
        return tuple((stance, ref) for stance in STANCES for ref in getattr(self, stance))


@dataclass(frozen=True, kw_only=True)
class Source:
    id: str
    text: str  # decoded, line ends normalised; the file itself is never changed
    title: str = spec_field(Text(max_len=300), "headline of the article", required=True)
    outlet: str = spec_field(Text(max_len=200), "who published it; leave out when the text "
                             "names no outlet", default="")
    author: str = spec_field(Text(max_len=200), "who wrote it; leave out when the text names "
                             "no author", default="")
    kind: str = spec_field(Choice(*SOURCE_KINDS), "what kind of text it is; readers see it "
                           "beside every citation", default="")
    url: str = spec_field(Url(), "where it was published (http or https)", default="")
    language: str = spec_field(LanguageTag(), "the language the text is written in (`sv`, "
                               "`zh-Hant`); leave out when it is the site's (`theme: "
                               "locale:`)", default="")
    published: FuzzyDate | None = spec_field(DateSpec(past=True), "when it was published")
    note: Prose | None = spec_field(_prose, "curator's note on the source")
    cleaning: Cleaning | None = spec_field(Obj(Cleaning), "how the cleaned view is derived",
                                           shapes_checks=True)
    extracted: Extraction | None = spec_field(
        Obj(Extraction), "how the text was extracted from the web page or PDF kept beside "
        "it (`briefing new` writes this; do not edit)", shapes_checks=True)
    quotes: tuple[Quote, ...] = spec_field(ListOf(Obj(Quote)), "anchored quotes")
    pos: Pos


@dataclass(frozen=True, kw_only=True)
class Figure:
    metric: str = spec_field(Slug(), "what is measured; the ledger groups by it", required=True)
    subject: Subject | None = spec_field(
        SubjectSpec(), "the entity the number describes; `{entity, inferred: true, basis}` "
        "when the source does not name it")
    value: tuple[Decimal, Decimal] = spec_field(NumberOrRange(), "a number or [low, high]",
                                                required=True)
    unit: str = spec_field(Unit(max_len=40), "USD, GPUs, parameters, …", required=True)
    qualifier: str = spec_field(Choice(*QUALIFIERS, meant=QUALIFIER_WORDS),
                                "how exact the number is",
                                default="exactly")
    scope: str = spec_field(Text(max_len=300), "what the number covers, as the source puts it",
                            default="")
    pos: Pos


@dataclass(frozen=True, kw_only=True)
class Event:
    what: Prose = spec_field(_prose, "what happened", required=True)
    when: FuzzyDate = spec_field(DateSpec(), "when, with its precision", required=True)
    order: Decimal | None = spec_field(
        Number(), "place among events of the same period (1 first) when the sources' order "
        "of telling is not the order of events")
    pos: Pos


@dataclass(frozen=True, kw_only=True)
class Relations:
    supersedes: tuple[Ref, ...] = spec_field(ListOf(RefTo("claim")),
                                             "claims this one replaces")
    contradicts: tuple[Ref, ...] = spec_field(ListOf(RefTo("claim")),
                                              "claims this one contradicts")
    qualifies: tuple[Ref, ...] = spec_field(ListOf(RefTo("claim")),
                                            "claims this one narrows or adds a condition to")
    supports: tuple[Ref, ...] = spec_field(ListOf(RefTo("claim")),
                                           "claims this one lends weight to")
    pos: Pos

    def pairs(self) -> tuple[tuple[str, Ref], ...]:
        return tuple((kind, ref) for kind in RELATIONS for ref in getattr(self, kind))


@dataclass(frozen=True, kw_only=True)
class Claim:
    id: str = spec_field(Slug(), "unique id of the claim", required=True)
    statement: Prose = spec_field(_prose, "the claim in one sentence", required=True)
    claimant: Ref | None = spec_field(
        RefTo("entity"), "who makes the claim; omit when articles state it in their own voice")
    topics: tuple[str, ...] = spec_field(ListOf(Slug()), "topic slugs for grouping")
    status: str = spec_field(Choice(*STATUSES, meant=STATUS_WORDS), "where the claim stands",
                             required=True)
    note: Prose | None = spec_field(_prose, "curator's note")
    relations: Relations | None = spec_field(Obj(Relations), "typed links to other claims")
    figures: tuple[Figure, ...] = spec_field(ListOf(Obj(Figure)), "numbers the claim states")
    events: tuple[Event, ...] = spec_field(ListOf(Obj(Event)), "dated events it describes")
    updated: datetime.date | None = spec_field(
        Day(), "when the curator last materially revised the claim")
    pos: Pos


@dataclass(frozen=True, kw_only=True)
class ClaimsFile:
    claims: tuple[Claim, ...] = spec_field(ListOf(Obj(Claim)), "the claims", required=True)
    pos: Pos


@dataclass(frozen=True, kw_only=True)
class Entity:
    id: str = spec_field(Slug(), "unique id of the entity", required=True)
    name: str = spec_field(Text(max_len=200), "the name shown on the site", required=True)
    kind: str = spec_field(Choice(*ENTITY_KINDS, meant=KIND_WORDS), "what sort of thing it is",
                           required=True)
    aliases: tuple[str, ...] = spec_field(ListOf(Text(max_len=200)),
                                          "other names that count as mentions")
    description: Prose | None = spec_field(_prose, "who or what it is")
    pos: Pos

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, kw_only=True)
class EntitiesFile:
    entities: tuple[Entity, ...] = spec_field(ListOf(Obj(Entity)), "the entities",
                                              required=True)
    pos: Pos


@dataclass(frozen=True, kw_only=True)
class Name:
    """How the site writes a metric or a topic, in place of the words of its slug."""

    id: str = spec_field(Slug(), "the slug, as claims write it", required=True)
    name: str = spec_field(Text(max_len=200), "the words the site shows for it, with the "
                           "accents and capitals a slug cannot hold", required=True)
    pos: Pos


@dataclass(frozen=True, kw_only=True)
class NamesFile:
    metrics: tuple[Name, ...] = spec_field(ListOf(Obj(Name)), "names of metrics (a figure's "
                                           "`metric:`)")
    topics: tuple[Name, ...] = spec_field(ListOf(Obj(Name)), "names of topics (a claim's "
                                          "`topics:`)")
    pos: Pos


@dataclass(frozen=True, kw_only=True)
class Point:
    text: Prose = spec_field(_prose, "the point, in one or two sentences", required=True)
    cites: tuple[Ref, ...] = spec_field(ListOf(RefTo("quote"), min_items=1),
                                        "quotes that back the point", required=True)
    claims: tuple[Ref, ...] = spec_field(ListOf(RefTo("claim")), "claims the point is about")
    inference: bool = spec_field(Flag(), "the point is the curator's own inference",
                                 default=False)
    pos: Pos


@dataclass(frozen=True, kw_only=True)
class Section:
    kind: str = spec_field(Choice(*SECTION_KINDS, meant=SECTION_WORDS),
                           "which part of the briefing format",
                           required=True)
    points: tuple[Point, ...] = spec_field(ListOf(Obj(Point), min_items=1), "the bullets",
                                           required=True)
    pos: Pos


@dataclass(frozen=True, kw_only=True)
class Related:
    briefs: tuple[Ref, ...] = spec_field(ListOf(RefTo("brief")), "related briefs")
    entities: tuple[Ref, ...] = spec_field(ListOf(RefTo("entity")), "entities it is about")
    pos: Pos


@dataclass(frozen=True, kw_only=True)
class Brief:
    id: str
    title: str = spec_field(Text(max_len=200), "the brief's title", required=True)
    summary: Prose = spec_field(_prose, "one line: what the reader needs to know",
                                required=True)
    sections: tuple[Section, ...] = spec_field(ListOf(Obj(Section), min_items=1),
                                               "sections in the briefing format", required=True)
    related: Related | None = spec_field(Obj(Related), "related briefs and entities")
    updated: datetime.date | None = spec_field(
        Day(), "when the curator last materially revised the brief")
    pos: Pos


@dataclass(frozen=True)
class Corpus:
    """Everything the curator wrote, validated field by field, sorted by id."""

    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    entities: tuple[Entity, ...]
    briefs: tuple[Brief, ...]
    # The names the curator gives metrics and topics (`names.yml`), in the file's order.
    metric_names: tuple[Name, ...] = ()
    topic_names: tuple[Name, ...] = ()
    # Ids written in items that failed validation: references to them are not reported
    # again as unknown, so each mistake is reported once.
    declared: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Ids named in annotations that failed to parse or validate, by the stance they are
    # named under: their evidence may be incomplete, so warnings about them (an unsourced
    # claim…) wait for the fix, those reading some stances only for those (`NamedIds`).
    broken: NamedIds = field(default_factory=NamedIds)
    # References in items that could not be made: checked like any other (`link.py`).
    orphaned: tuple[Ref, ...] = ()
