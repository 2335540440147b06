"""The annotation schema as data.

Each model dataclass declares its YAML fields with `spec_field(...)`: the type spec, whether
it is required and a one-line doc. `Obj` reads those declarations to convert a positioned
YAML node into the dataclass, collecting every problem as a diagnostic. The same
declarations export JSON Schema for editors and the field reference in the docs.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime
import difflib
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any, Generic, TypeVar

from . import references, undashed, urls
from .chars import SHOWN_CLASS, char_name, to_ascii_lookalike, unusual_note, visible
from .currencies import Money
from .diagnostics import Diagnostic, Pos, error, warning
from .figureunits import unit_currency
from .language import SCHEMA_PATTERN as LANGUAGE_PATTERN
from .language import language_tag, tag_hint
from .numbers import numbers
from .positions import Lines, split_lines
from .writtendates import iso_date, numeric_readings, year_first, yearless
from .yamlnodes import YMap, YNode, YScalar, YSeq, describe, glued_hint

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# Ids become file names (`claims/<id>.md`, `claims/<id>/index.html`); file systems refuse
# names over 255 bytes, and an id is a name a reader should be able to read.
MAX_ID_LENGTH = 100


def id_too_long(value: str) -> str | None:
    """Why `value` is too long for an id, or None."""
    if len(value) <= MAX_ID_LENGTH:
        return None
    return (f"this id is {len(value)} characters long; ids are at most {MAX_ID_LENGTH} "
            "because they become file names")

T = TypeVar("T")


class Invalid:
    """Marks a value that failed conversion; its diagnostic is already recorded."""


INVALID = Invalid()


@dataclass
class Context:
    """Per-file conversion state: where diagnostics go and the file's text."""

    path: str
    text: str
    # The day the build runs, for the dates that cannot be later (None: not checked).
    today: datetime.date | None = None
    problems: list[Diagnostic] = dataclasses.field(default_factory=list)
    # Items kept although a field of theirs is bad (`Obj.convert`): what they name waits.
    flawed: list[YNode] = dataclasses.field(default_factory=list)
    # The references of items that could not be made (a required field bad): still
    # checked against the ids there are, so one bad field hides no unknown id.
    orphaned: list[Ref] = dataclasses.field(default_factory=list)
    # English's currency names and signs, for the units of the figures (`Unit`): read
    # only for a unit that may be one, and once for all the files of a validation.
    money: Money = dataclasses.field(default_factory=lambda: Money("en"))

    @functools.cached_property
    def lines(self) -> Lines:
        return Lines.of(self.text)


    def fail(self, pos: Pos, code: str, message: str, hint: str = "") -> Invalid:
        self.problems.append(error(pos, code, message, hint))
        return INVALID

    def warn(self, pos: Pos, code: str, message: str, hint: str = "") -> None:
        self.problems.append(warning(pos, code, message, hint))


class Spec:
    """A field type: converts a node, and describes itself for docs and JSON Schema."""

    doc_type = "value"

    def convert(self, node: YNode, ctx: Context) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    def _scalar(self, node: YNode, ctx: Context, expected: str) -> YScalar | Invalid:
        if isinstance(node, YScalar):
            return node
        hint = f"write {expected} here"
        if _reference_as_list(node):
            hint = ("YAML reads a value that starts with `[[` as a list: put the whole text "
                    "in double quotes, `\"[[entity:…]] …\"`")
        return ctx.fail(node.pos, "schema-type", f"expected {expected}, found {describe(node)}",
                        hint)


def _reference_as_list(node: YNode) -> bool:
    """Whether `node` is `[[kind:id]]` written without quotes, which YAML reads as a list
    holding a list."""
    return isinstance(node, YSeq) and len(node.items) == 1 \
        and isinstance(inner := node.items[0], YSeq) and len(inner.items) == 1 \
        and isinstance(inner.items[0], YScalar) and ":" in inner.items[0].value


# --- values ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Located(Generic[T]):
    """A value with the position it was written at."""

    value: T
    pos: Pos


@dataclass(frozen=True)
class Ref:
    """A reference by id to another annotated thing (an entity, claim, quote…)."""

    kind: str
    id: str
    pos: Pos
    # Written as `[[kind:id]]` in prose rather than in an id field: the fix for an id of
    # another kind differs (`link.py`). Not part of what the reference is.
    in_prose: bool = dataclasses.field(default=False, compare=False)


@dataclass(frozen=True)
class Subject(Ref):
    """The entity a figure describes, and whether that is the curator's reading of the
    source rather than the source's word (as a date is `inferred`): the pages say so."""

    inferred: bool = False
    basis: str = ""  # what the reading rests on; optional


@dataclass(frozen=True)
class ProseRef:
    ref: Ref
    label: str | None


@dataclass(frozen=True)
class Prose:
    """Curator's text with `[[kind:id]]` cross-references split out as `ProseRef`s."""

    parts: tuple[str | ProseRef, ...]
    pos: Pos

    @property
    def refs(self) -> tuple[Ref, ...]:
        return tuple(p.ref for p in self.parts if isinstance(p, ProseRef))

    @property
    def source(self) -> str:
        return "".join(
            p if isinstance(p, str) else f"[[{p.ref.kind}:{p.ref.id}"
            + (f"|{p.label}" if p.label is not None else "") + "]]"
            for p in self.parts
        )


@dataclass(frozen=True)
class FuzzyDate:
    """A date with the precision the evidence gives, and whether the curator inferred it."""

    year: int | None
    month: int | None = None
    day: int | None = None
    about: bool = False
    inferred: bool = False
    basis: str = ""

    @property
    def precision(self) -> str:
        if self.year is None:
            return "unknown"
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    @property
    def iso(self) -> str:
        if self.year is None:
            return ""
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    @property
    def sort_key(self) -> tuple[int, int, int, int]:
        # Unknown dates sort last; a month sorts before its days, a year before its months.
        if self.year is None:
            return (9999, 99, 99, 1)
        return (self.year, self.month or 0, self.day or 0, int(self.about))


# --- specs ----------------------------------------------------------------------------


# What an editor (YAML 1.2) may make of a plain scalar the loader reads as text.
SCALAR_TYPES = ("string", "number", "boolean")
# `patternErrorMessage` is yaml-language-server's (and VS Code's) message for a failed
# `pattern`; other validators ignore it.
_NOT_BLANK = MappingProxyType({"pattern": SHOWN_CLASS,
                               "patternErrorMessage": "this text is empty or invisible"})


class Text(Spec):
    """Plain text. `quoted=True` demands quotes or a block scalar (a plain scalar would
    silently lose anything after ` #`); `single_line` rejects line breaks."""

    doc_type = "text"

    def __init__(self, *, quoted: bool = False, single_line: bool = True, max_len: int = 2000):
        self.quoted, self.single_line, self.max_len = quoted, single_line, max_len
        if quoted:
            self.doc_type = "quoted text"

    def convert(self, node: YNode, ctx: Context) -> str | Invalid:
        scalar = self._scalar(node, ctx, "text")
        if isinstance(scalar, Invalid):
            return scalar
        if self.quoted and scalar.is_plain:
            return ctx.fail(scalar.pos, "schema-unquoted-text", *_unquoted(scalar.value))
        if scalar.comment is not None:
            _cut_by_comment(scalar.comment, ctx)
        value = scalar.value.strip()
        if not value:
            return ctx.fail(scalar.pos, "schema-empty", "this text is empty", "write the text")
        if not visible(value).strip():  # a text that would show as nothing
            names = ", ".join(sorted({char_name(c) for c in value if not c.isspace()}))
            return ctx.fail(scalar.pos, "schema-empty",
                            f"this text holds only invisible characters ({names})",
                            "write the text")
        if self.single_line:
            value = " ".join(value.split())
        if len(value) > self.max_len:
            return ctx.fail(scalar.pos, "schema-too-long",
                            f"text is longer than {self.max_len} characters",
                            "shorten it")
        return value

    def json_schema(self) -> dict[str, Any]:
        # The loader reads every plain scalar as text (`title: 1984` is the text "1984"),
        # while editors follow YAML 1.2 and see a number; accept both unless quotes are due.
        kinds: str | list[str] = "string" if self.quoted else list(SCALAR_TYPES)
        # maxLength counts the text as written; the build folds runs of white space first.
        return {"type": kinds, "minLength": 1, "maxLength": self.max_len, **_NOT_BLANK}


class Unit(Text):
    """A figure's unit: text, with a warning when it writes a currency as a word or a sign
    ("dollars", "$", "million euros") rather than its code (`figureunits`)."""

    def convert(self, node: YNode, ctx: Context) -> str | Invalid:
        value = super().convert(node, ctx)
        if not isinstance(value, Invalid):
            found = unit_currency(value, ctx.money)
            if found is not None:
                ctx.warn(node.pos, "figure-unit-currency", found.message(), found.hint())
        return value


class Slug(Spec):
    doc_type = "slug"

    def __init__(self, kind: str | None = None):
        self.kind = kind  # what the id names, when it refers to something (`RefTo`)

    def convert(self, node: YNode, ctx: Context) -> str | Invalid:
        scalar = self._scalar(node, ctx, "a slug")
        if isinstance(scalar, Invalid):
            return scalar
        value = scalar.value
        linked = _link_form(value)
        if linked is not None and not SLUG_RE.match(value):
            return ctx.fail(scalar.pos, "schema-slug",
                            f"{value!r} is not a valid id: the [[kind:id]] form links from "
                            "prose, and an id field holds the id alone",
                            _bare_id_hint(*linked, self.kind))
        if not SLUG_RE.match(value):
            suggestion = as_slug(value)
            return ctx.fail(scalar.pos, "schema-slug",
                            f"{value!r} is not a valid id{unusual_note(value)}",
                            "ids use lower-case letters a-z, digits and hyphens"
                            + (f", for example {suggestion!r}" if suggestion else ""))
        too_long = id_too_long(value)
        if too_long:
            return ctx.fail(scalar.pos, "id-too-long", too_long,
                            "shorten it to a few words; a short id is easier to cite too")
        return value

    def json_schema(self) -> dict[str, Any]:
        # `id: 4090` is a number to an editor and the slug "4090" to the loader.
        return {"type": ["string", "integer"], "minimum": 0, "pattern": SLUG_RE.pattern,
                "maxLength": MAX_ID_LENGTH,
                "patternErrorMessage": "ids use lower-case letters a-z, digits and hyphens"}


def as_slug(value: str) -> str:
    """The id `value` was most likely meant to be ("" when none): look-alike letters,
    accents and case folded first, so `Café_Cost` gives `cafe-cost` and a Cyrillic small a
    (U+0430) the Latin `a` it was taken for."""
    folded = unicodedata.normalize("NFKD", to_ascii_lookalike(value)) \
        .encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def reference_hint(written: str, kinds: tuple[str, ...]) -> str:
    """How to write the reference `written` (`[[entitiy: acme]]`, brackets included) that
    is not a valid one: the reference meant when the mistake is a usual one (a misspelt
    kind, spaces around the id, capitals, no kind at all), else its form."""
    form = "write [[kind:id]] or [[kind:id|label]] with kind one of " + ", ".join(kinds)
    body, bar, label = written[2:-2].partition("|")
    kind, colon, ident = body.partition(":")
    if not colon:  # `[[entity acme]]`, or the id alone: `[[acme]]`
        kind, _, ident = body.strip().partition(" ")
        if not _kind_meant(kind, kinds) or not ident.strip():
            ident, kind = body, ""
    meant = as_slug(ident)
    if not meant:
        return form
    close = _kind_meant(kind, kinds)
    if not kind:
        example = "entity" if "entity" in kinds else kinds[0]
        return (f"name the kind before the id, as in [[{example}:{meant}{bar}{label}]]; "
                + form)
    if close is None:
        also = " (people, organisations and everything else in entities.yml are [[entity:id]])" \
            if "entity" in kinds else ""
        return f"{kind.strip()!r} is not a kind of reference here{also}; " + form
    why = ("a colon goes between the kind and the id" if not colon else "",
           f"the kind is {close!r}" if close != kind else "",
           "no spaces around the id" if ident != ident.strip() else "",
           "ids use lower-case letters a-z, digits and hyphens"
           if SLUG_RE.match(ident.strip()) is None else "")
    reasons = "; ".join(w for w in why if w)
    return f"did you mean [[{close}:{meant}{bar}{label}]]? ({reasons})" if reasons else form


def _kind_meant(kind: str, kinds: tuple[str, ...]) -> str | None:
    """The kind of reference `kind` (`Entity`, `entitiy`, `claims`) most likely means."""
    folded = kind.strip().lower()
    return folded if folded in kinds else next(
        iter(difflib.get_close_matches(folded, kinds, n=1, cutoff=0.6)), None)


def _link_form(value: str) -> tuple[str, str] | None:
    """(kind, id) of a value written as a prose reference, `[[kind:id]]` or
    `[[kind:id|label]]`, whose id is a valid one."""
    value = value.strip()
    if not (value.startswith("[[") and value.endswith("]]")):
        return None
    parts = references.Found(0, len(value), value).parts()
    if parts is None or not SLUG_RE.match(parts[1].strip()):
        return None
    return parts[0], parts[1].strip()


def _bare_id_hint(kind: str, ident: str, wanted: str | None) -> str:
    """Folding the brackets into the id (`quote-council-sundays`) would suggest an id
    that names nothing: the id inside them is the one meant, unless it is of another
    kind than the field takes."""
    if wanted is None or wanted == kind:
        return f"write the bare id: {ident!r}"
    return (f"this field takes {wanted} ids, and {ident!r} is written as {a_or_an(kind)}: "
            f"write the bare id of the {wanted} meant")


def a_or_an(word: str) -> str:
    """`word` after its indefinite article: the kinds' names are plain English words."""
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"


class RefTo(Spec):
    """An id naming a thing of one kind; resolved in the link stage."""

    def __init__(self, kind: str):
        self.kind = kind
        self.doc_type = f"{kind} id"

    def convert(self, node: YNode, ctx: Context) -> Ref | Invalid:
        value = Slug(self.kind).convert(node, ctx)
        if isinstance(value, Invalid):
            return value
        return Ref(self.kind, value, node.pos)

    def json_schema(self) -> dict[str, Any]:
        return Slug().json_schema()


# Quotation marks a word processor or a web page writes, which YAML reads as text.
TYPOGRAPHIC_QUOTES = "\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb"


def _unquoted(value: str) -> tuple[str, str]:
    """The message and hint for text written without YAML's quotes, which may be in
    typographic ones (“…”, pasted from a word processor): to YAML those are part of the
    text, not quotes."""
    hint = ("wrap it in double quotes (\"…\") or use a block scalar (|); unquoted, YAML "
            "drops everything after ` #`")
    if value[:1] in TYPOGRAPHIC_QUOTES:
        return (f"quoted text must be written in YAML's quotes; {value[0]} is a typographic "
                "quotation mark, which YAML reads as part of the text",
                "write it between straight double quotes (\"…\") instead, or use a block "
                "scalar (|); typographic quotation marks inside the text may stay")
    return "quoted text must be written in quotes", hint


def _cut_by_comment(comment: tuple[Pos, str], ctx: Context) -> None:
    """A text without quotes that a ` #` ends: YAML drops the rest of its line, so the
    words after it (`issue #4 of the series`) would silently be missing from the site."""
    at, dropped = comment
    shown = dropped if len(dropped) <= 60 else dropped[:59] + "…"
    ctx.warn(at, "text-cut-by-comment",
             f"the text stops before {shown!r}: YAML reads ` #` and what follows it on the "
             "line as a comment, which is not part of the text",
             "if it belongs to the text, write the text in double quotes (\"…\"); if it "
             "is a note to yourself, put the comment on a line of its own")


class Choice(Spec):
    def __init__(self, *values: str, meant: Mapping[str, str] | None = None):
        self.values = values
        self.doc_type = " | ".join(values)
        # Words a curator writes for one of the values (`company` for `organisation`).
        self.meant = meant or {}

    def convert(self, node: YNode, ctx: Context) -> str | Invalid:
        scalar = self._scalar(node, ctx, f"one of {', '.join(self.values)}")
        if isinstance(scalar, Invalid):
            return scalar
        if scalar.value in self.values:
            return scalar.value
        close = [self.meant[folded]] if (folded := scalar.value.strip().casefold()) \
            in self.meant else difflib.get_close_matches(scalar.value, self.values, n=1)
        hint = f"did you mean {close[0]!r}?" if close else "write one of them"
        if not close and "other" in self.values:
            # A kind a curator reaches for that is not listed (a city, a river) is 'other'.
            hint += " ('other' for anything none of them fits)"
        return ctx.fail(scalar.pos, "schema-choice",
                        f"{scalar.value!r} is not one of the values allowed here "
                        f"({', '.join(self.values)}){unusual_note(scalar.value)}", hint)

    def json_schema(self) -> dict[str, Any]:
        return {"enum": list(self.values)}


class Flag(Spec):
    doc_type = "true | false"

    def convert(self, node: YNode, ctx: Context) -> bool | Invalid:
        scalar = self._scalar(node, ctx, "true or false")
        if isinstance(scalar, Invalid):
            return scalar
        if scalar.value in ("true", "false"):
            return scalar.value == "true"
        return ctx.fail(scalar.pos, "schema-flag",
                        f"expected true or false, found {scalar.value!r}",
                        "write `true` or `false`")

    def json_schema(self) -> dict[str, Any]:
        # The loader reads `"true"` as it reads `true`. (`True` is a boolean to an editor
        # but refused by the build: JSON Schema cannot tell the two apart.)
        return {"enum": [True, False, "true", "false"]}


# Digits are [0-9], never `\d`: Python's `\d` matches any Unicode digit (Arabic-Indic,
# full-width), which Decimal reads, but an editor's schema (ECMAScript's `\d`) refuses.
_NUMBER_RE = re.compile(r"^-?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]+)?$")
# _NUMBER_RE with `_` allowed anywhere, as `Number.convert` drops every `_` first.
_NUMBER_SCHEMA_RE = (r"^_*-?_*([0-9](_*[0-9]){0,2}(_*,_*[0-9]_*[0-9]_*[0-9])+|[0-9](_*[0-9])*)"
                     r"(_*\._*[0-9](_*[0-9])*)?_*$")
# The currency signs a figure's value may be written with, and the code `unit:` takes.
_CURRENCY_SIGNS = (("R$", "BRL"), ("$", "USD"), ("\u20ac", "EUR"), ("\u00a3", "GBP"))
# A space, no-break space or narrow no-break space between a digit and a group of three.
_SPACE_GROUPED = re.compile(r"(?<=[0-9])[ \u00a0\u202f](?=[0-9]{3}(?![0-9]))")
# More than any count or amount a source gives (10^30), and few enough for the pages' number
# formatting to be exact at the default decimal precision.
MAX_DIGITS = 30


def other_digits(value: str) -> str:
    """Why a value that looks like digits is refused, when it holds digits other than 0-9
    (a keyboard set to Arabic or full-width input writes them); else nothing."""
    if any(char.isdecimal() and not char.isascii() for char in value):
        return ": it is written with digits other than 0-9"
    return ""


def number_hint(value: str) -> str:
    """How to write `value` ("40k", "$40,000", "6 million", "40 000") as a number field
    takes it: the number the prose checks read in it, in digits, when they read one."""
    general = "write digits, for example 6000000 or 6,000,000 (no units or words)"
    # Thousands grouped with spaces, as French writes them ("40 000"), are one number.
    compact = _SPACE_GROUPED.sub("", value.strip())
    read = numbers(compact)
    if len(read) != 1 or other_digits(value):
        return general
    at, written, number = read[0]
    rest = " ".join((compact[:at] + " " + compact[at + len(written):]).split())
    sign = next((code for sign, code in _CURRENCY_SIGNS if sign in compact), None)
    moved = f", and the currency in `unit: {sign}`" if sign else \
        f", and {rest!r} in its own field (`unit:`, `qualifier:`)" if rest else ""
    return f"write it {format(number, 'f')}{moved}: a number field holds digits alone"


class Number(Spec):
    doc_type = "number"

    def convert(self, node: YNode, ctx: Context) -> Decimal | Invalid:
        scalar = self._scalar(node, ctx, "a number")
        if isinstance(scalar, Invalid):
            return scalar
        raw = scalar.value.replace("_", "")
        digits = sum(c.isdigit() for c in raw)
        if _NUMBER_RE.match(raw) and digits > MAX_DIGITS:
            return ctx.fail(scalar.pos, "schema-number",
                            f"{scalar.value!r} has {digits} digits; a figure has at most "
                            f"{MAX_DIGITS}", "check the number for a typo")
        if _NUMBER_RE.match(raw):
            try:
                return Decimal(raw.replace(",", ""))
            except InvalidOperation:  # pragma: no cover - the regex admits only decimals
                pass
        return ctx.fail(scalar.pos, "schema-number", f"{scalar.value!r} is not a number"
                        + other_digits(scalar.value), number_hint(scalar.value))

    def json_schema(self) -> dict[str, Any]:
        # A number an editor reads as one (`5e6`, `.5`, `+5`) is refused by the build, but
        # JSON Schema sees only its value; text is held to the build's own pattern.
        return {"type": ["number", "string"], "pattern": _NUMBER_SCHEMA_RE,
                "patternErrorMessage": "write digits, for example 6000000 or 6,000,000"}


class NumberOrRange(Spec):
    doc_type = "number or [low, high]"

    def convert(self, node: YNode, ctx: Context) -> tuple[Decimal, Decimal] | Invalid:
        if isinstance(node, YSeq):
            if len(node.items) != 2:
                return ctx.fail(node.pos, "schema-range", "a range has exactly two numbers",
                                "write [low, high]")
            low, high = (Number().convert(item, ctx) for item in node.items)
            if isinstance(low, Invalid) or isinstance(high, Invalid):
                return INVALID
            if low > high:
                return ctx.fail(node.pos, "schema-range", "the low end is above the high end",
                                "write [low, high]")
            return (low, high)
        value = Number().convert(node, ctx)
        return value if isinstance(value, Invalid) else (value, value)

    def json_schema(self) -> dict[str, Any]:
        number = Number().json_schema()
        return {"oneOf": [number, {"type": "array", "items": number, "minItems": 2, "maxItems": 2}]}


class Url(Spec):
    doc_type = "http(s) URL"

    def convert(self, node: YNode, ctx: Context) -> str | Invalid:
        scalar = self._scalar(node, ctx, "a URL")
        if isinstance(scalar, Invalid):
            return scalar
        # Parsed and normalised once, here: the model holds only addresses safe to write.
        url = urls.normalise(scalar.value.strip())
        if isinstance(url, urls.UrlProblem):
            return ctx.fail(scalar.pos, url.code, url.message, url.hint)
        return url

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": urls.SCHEMA_PATTERN, "maxLength": urls.MAX_LENGTH,
                "patternErrorMessage": "write the article's full address, starting with "
                                       "https:// (no user name, no spaces, a named host)"}


class LanguageTag(Spec):
    """A BCP 47 language tag ("sv", "zh-Hant", "pt-BR"), kept in the case its subtags are
    written in (`language.language_tag`)."""

    doc_type = "language tag"

    def convert(self, node: YNode, ctx: Context) -> str | Invalid:
        scalar = self._scalar(node, ctx, "a language tag")
        if isinstance(scalar, Invalid):
            return scalar
        tag = language_tag(scalar.value)
        if tag is None:
            return ctx.fail(scalar.pos, "schema-language",
                            f"{scalar.value.strip()!r} is not a language tag"
                            f"{unusual_note(scalar.value)}", tag_hint(scalar.value))
        return tag

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": LANGUAGE_PATTERN,
                "patternErrorMessage": "write a language tag such as sv, de, zh-Hant or pt-BR"}


class ProseText(Spec):
    doc_type = "text with [[kind:id]] references"

    def __init__(self, kinds: tuple[str, ...]):
        self.kinds = kinds

    def convert(self, node: YNode, ctx: Context) -> Prose | Invalid:
        value = Text(single_line=True, max_len=5000).convert(node, ctx)
        if isinstance(value, Invalid):
            return value
        assert isinstance(node, YScalar)
        if "[[" not in value and "]]" not in value:
            return Prose((value,), node.pos)
        found, strays = references.scan(value)
        where = _reference_positions(ctx, node, value)
        for stray in strays:
            (ctx.warn if stray.warn else ctx.fail)(
                where(stray.start), "ref-stray-bracket" if stray.warn else "ref-syntax",
                stray.message, "references are written [[kind:id]] or [[kind:id|label]]; "
                "a label may hold brackets in pairs")
        parts: list[str | ProseRef] = []
        cursor = 0
        ok = all(stray.warn for stray in strays)
        for ref in found:
            parts.append(value[cursor : ref.start])
            cursor = ref.end
            pos = where(ref.start)
            body = ref.parts()
            if not body or body[0] not in self.kinds or not SLUG_RE.match(body[1]):
                ok = False
                ctx.fail(pos, "ref-syntax",
                         f"{ref.text!r} is not a valid reference{unusual_note(ref.text)}",
                         reference_hint(ref.text, self.kinds))
                continue
            label = body[2].strip() if body[2] is not None else None
            parts.append(ProseRef(Ref(body[0], body[1], pos, in_prose=True), label or None))
        parts.append(value[cursor:])
        if not ok:
            return INVALID
        return Prose(tuple(p for p in parts if p != ""), node.pos)

    def json_schema(self) -> dict[str, Any]:
        return {"type": list(SCALAR_TYPES), "minLength": 1, "maxLength": 5000,
                "pattern": prose_pattern(self.kinds),
                "patternErrorMessage": "write the text; references are [[kind:id]] or "
                                       "[[kind:id|label]] with kind one of "
                                       + ", ".join(self.kinds)}


# Text outside a reference: any character but a `[[` or `]]` pair (one bracket is text).
_OUTSIDE = r"[^\[\]]|\[(?!\[)|\](?!\])"


def prose_pattern(kinds: Iterable[str]) -> str:
    """Prose `ProseText.convert` accepts, as one regular expression: not blank, and every
    `[[` opens a `[[kind:id]]` or `[[kind:id|label]]` closed by the next `]]` (as
    `references.scan` pairs them). A single bracket never sits beside its twin in text, so
    the pairs are read as the scanner reads them, left to right."""
    ref = (rf"\[\[(?:{'|'.join(kinds)}):{SLUG_RE.pattern[1:-1]}"
           rf"(?:\|(?:{_OUTSIDE})*)?\]\]")
    return rf"^(?=[\s\S]*{SHOWN_CLASS})(?:{_OUTSIDE}|{ref})*$"


def _reference_positions(ctx: Context, node: YScalar, value: str) -> Callable[[int], Pos]:
    """Offset of a bracket pair in `value` -> its position in the file."""
    start, end = node.span
    offsets = references.file_offsets(value, ctx.text[start:end], start)
    return lambda at: ctx.lines.pos(ctx.path, offsets[at]) if at in offsets else node.pos


# ASCII digits only, as for numbers: int() reads Arabic-Indic digits as a year too.
_DATE_RE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
# For the schemas: months 01-12 and each month's days (29 February in any year; the
# `date` format, where a validator checks it, refuses it outside leap years).
YEAR_PATTERN = r"(?!0000)[0-9]{4}"  # the year 0 is none (datetime's years start at 1)
MONTH_PATTERN = "(0[1-9]|1[0-2])"
MONTH_DAY_PATTERN = ("((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])"
                     "|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-9]))")
# A full date is also checked as a calendar date, where a validator checks formats.
_FULL_DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def _no_such_day(year: int, month: int, day: int) -> str:
    """Why a date written in the right form does not exist ("2025-02-30")."""
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if day < 1:
        return f"there is no day {day}"
    if year < datetime.MINYEAR:
        return f"there is no year {year}"
    days = calendar.monthrange(year, month)[1]
    return f"{calendar.month_name[month]} {year} has {days} days"


# How `briefing new` opens the `basis:` of a date it suggests (`starter.py`): until the
# curator replaces it, the date is a guess that readers would see as the curator's.
SUGGESTED_BASIS = "Suggested by `briefing new`"


def _unconfirmed(node: YMap, ctx: Context) -> None:
    basis = node.get("basis")
    ctx.warn(basis.pos if basis is not None else node.pos, "date-unconfirmed",
             "this date is still the one `briefing new` suggested, unchecked; the site would "
             "show its basis to readers as the curator's inference",
             "check it against the article: if the article states it, keep `date:` and "
             "delete `inferred:` and `basis:`; if you inferred it, say in `basis:` from what")


def _not_after(earliest: datetime.date, today: datetime.date, node: YScalar, ctx: Context
               ) -> None:
    """A date whose first possible day is after tomorrow (a time zone ahead can be a day
    later than the machine's) has not happened: a mistyped year, month or day."""
    if earliest > today + datetime.timedelta(days=1):
        ctx.warn(node.pos, "date-future",
                 f"{node.value.strip()!r} is later than today: no source is published in "
                 "the future",
                 "correct the year, month or day against the article, or write `unknown` "
                 "if it gives no date")


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")


def _date_hint(value: str) -> str:
    """How to write a date that is not written as annotations write them: as the ISO date
    it reads as (a date written out, or in digits with the day first or the month first),
    else the forms a date takes."""
    written = iso_date(value) or year_first(value)
    if written:
        return f'write it "{written}": dates are written "YYYY-MM-DD", "YYYY-MM" or "YYYY"'
    readings = numeric_readings(value)
    if len(readings) == 1:
        return (f'write it "{readings[0][0]}": dates are written "YYYY-MM-DD", year, month '
                "and day")
    if readings:
        days = " or ".join(f'"{day}" ({int(day[-2:])} {_MONTH_NAMES[month - 1]})'
                           for day, month in readings)
        return (f"write it {days}, as the source orders day and month: dates are written "
                '"YYYY-MM-DD", year, month and day')
    day = yearless(value)
    if day:
        return (f'it has no year: write "YYYY-{day}" with the year the source gives '
                '(dates are written "YYYY-MM-DD", year, month and day)')
    return ('write "YYYY-MM-DD", "YYYY-MM" or "YYYY" with the precision the evidence '
            "gives, or `unknown`")


class DateSpec(Spec):
    doc_type = "date: YYYY[-MM[-DD]] or {date, about, inferred, basis}"

    def __init__(self, *, past: bool = False) -> None:
        self.past = past  # a date that has happened by the build (`date-future`)

    def convert(self, node: YNode, ctx: Context) -> FuzzyDate | Invalid:
        if isinstance(node, YScalar):
            return self._parse(node, ctx, about=False, inferred=False, basis="")
        if isinstance(node, YSeq):
            return ctx.fail(node.pos, "schema-type", "expected a date, found a list",
                            'write "2025-02-15" or a mapping with `date:`')
        fields, flaws = _convert_fields(node, ctx, _DATE_FIELDS)
        if flaws or "date" not in fields:  # a date is read whole or not at all
            if not flaws:
                ctx.fail(node.pos, "schema-required", "missing required field 'date'",
                         'add `date: "YYYY-MM-DD"` (or "YYYY-MM", "YYYY", or unknown)')
            return INVALID
        date_node = node.get("date")
        assert isinstance(date_node, YScalar)
        if fields.get("inferred") and not fields.get("basis"):
            return ctx.fail(node.pos, "date-basis-missing",
                            "an inferred date needs a `basis`",
                            "say in `basis:` what the date was inferred from")
        basis = fields.get("basis", "")
        if basis.startswith(SUGGESTED_BASIS):
            _unconfirmed(node, ctx)
        return self._parse(date_node, ctx, about=bool(fields.get("about")),
                           inferred=bool(fields.get("inferred")), basis=basis)

    def _parse(self, node: YScalar, ctx: Context, *, about: bool, inferred: bool,
               basis: str) -> FuzzyDate | Invalid:
        value = node.value.strip()
        if value == "unknown":
            return FuzzyDate(None, basis=basis)
        match = _DATE_RE.match(value)
        if match:
            year, month, day = (int(g) if g else None for g in match.groups())
            assert year is not None
            # Month or day 00 is no date: only an absent part counts as the first.
            whole = (year, 1 if month is None else month, 1 if day is None else day)
            try:
                datetime.date(*whole)
            except ValueError:
                return ctx.fail(node.pos, "schema-date", f"{value!r} is not a date: "
                                f"{_no_such_day(*whole)}",
                                "check the day and the month against the source")
            if self.past and ctx.today is not None:
                _not_after(datetime.date(*whole), ctx.today, node, ctx)
            return FuzzyDate(year, month, day, about, inferred, basis)
        return ctx.fail(node.pos, "schema-date", f"{value!r} is not a date"
                        + other_digits(value), _date_hint(value))

    def json_schema(self) -> dict[str, Any]:
        # `published: 2025` is a number to an editor and the year "2025" to the loader.
        date = {"type": ["string", "integer"], "minimum": 1000, "maximum": 9999,
                "pattern": rf"^({YEAR_PATTERN}(-{MONTH_DAY_PATTERN}|-{MONTH_PATTERN})?|unknown)$",
                "if": {"pattern": _FULL_DATE_PATTERN}, "then": {"format": "date"},
                "patternErrorMessage": 'write "YYYY-MM-DD", "YYYY-MM", "YYYY" or unknown'}
        mapping = _object_schema(_DATE_FIELDS, {"date": date})
        # As `convert` demands: an inferred date says what it was inferred from.
        mapping["if"] = {"required": ["inferred"],
                         "properties": {"inferred": {"enum": [True, "true"]}}}
        mapping["then"] = {"required": ["basis"],
                           "properties": {"basis": {"not": {"type": "null"}}}}
        return {"oneOf": [date, mapping]}


class SubjectSpec(Spec):
    """A figure's subject: an entity id, or `{entity, inferred, basis}` when the source does
    not name it and the pairing is the curator's reading (the form `when:` takes)."""

    doc_type = "entity id or {entity, inferred, basis}"

    def convert(self, node: YNode, ctx: Context) -> Subject | Invalid:
        if not isinstance(node, YMap):
            ref = RefTo("entity").convert(node, ctx)
            return ref if isinstance(ref, Invalid) else Subject(ref.kind, ref.id, ref.pos)
        fields, flaws = _convert_fields(node, ctx, _SUBJECT_FIELDS)
        if flaws or "entity" not in fields:  # read whole or not at all, as a date is
            if not flaws:
                ctx.fail(node.pos, "schema-required", "missing required field 'entity'",
                         "add `entity:` with the id of the entity the figure describes")
            return INVALID
        inferred, basis = bool(fields.get("inferred")), fields.get("basis", "")
        if basis and not inferred:
            # Readers would see the pairing as the source's: the basis would never show.
            at = node.get("basis")
            return ctx.fail(at.pos if at is not None else node.pos, "subject-basis-uninferred",
                            "a subject with a `basis` but not `inferred: true`",
                            "add `inferred: true` if the source does not name the subject; "
                            "else delete `basis:`")
        ref = fields["entity"]
        return Subject(ref.kind, ref.id, ref.pos, inferred=inferred, basis=basis)

    def json_schema(self) -> dict[str, Any]:
        mapping = _object_schema(_SUBJECT_FIELDS)
        # As `convert` demands: a basis belongs to an inferred subject.
        mapping["if"] = {"required": ["basis"],
                         "properties": {"basis": {"type": "string", "minLength": 1}}}
        mapping["then"] = {"required": ["inferred"],
                           "properties": {"inferred": {"enum": [True, "true"]}}}
        return {"oneOf": [RefTo("entity").json_schema(), mapping]}


class At(Spec):
    """Keeps the position of a value, for diagnostics that point at one list item."""

    def __init__(self, inner: Spec):
        self.inner = inner
        self.doc_type = inner.doc_type

    def convert(self, node: YNode, ctx: Context) -> Located[Any] | Invalid:
        value = self.inner.convert(node, ctx)
        return value if isinstance(value, Invalid) else Located(value, node.pos)

    def json_schema(self) -> dict[str, Any]:
        return self.inner.json_schema()


def _list_hint(node: YNode) -> str:
    """How to write a list: the text written where it goes as one (`cites: a, b` is
    `[a, b]`), when its items are plain words."""
    items = [part.strip() for part in node.value.split(",")] \
        if isinstance(node, YScalar) and node.is_plain else []
    if items and all(_PLAIN_ITEM.fullmatch(item) for item in items):
        return f"write it as a list: `[{', '.join(items)}]`, or one `- item` per line"
    return "write a list: `[a, b]` or one `- item` per line"


# A list item that needs no quotes in `[…]`: words, digits, hyphens, spaces.
_PLAIN_ITEM = re.compile(r"[^\W_][\w \-.]*")


class ListOf(Spec):
    def __init__(self, item: Spec, *, min_items: int = 0):
        self.item, self.min_items = item, min_items
        self.doc_type = f"list of {item.doc_type}"

    def convert(self, node: YNode, ctx: Context) -> tuple[Any, ...] | Invalid:
        if isinstance(node, YScalar) and node.value == "" and node.is_plain:
            items: tuple[YNode, ...] = ()  # `key:` with nothing after it: an empty list
        elif isinstance(node, YMap) and isinstance(self.item, Obj) \
                and (keyed := _keyed_by_id(node, self.item)) is not None:
            return ctx.fail(node.pos, "schema-type", *keyed)
        elif isinstance(node, YMap) and isinstance(self.item, Obj) and _lone_entry(node, ctx):
            items = (node,)  # read as meant, so that what refers to it is not unknown too
        elif not isinstance(node, YSeq):
            return ctx.fail(node.pos, "schema-type", f"expected a list, found {describe(node)}",
                            _list_hint(node))
        else:
            items = node.items
        if len(items) < self.min_items:
            return ctx.fail(node.pos, "schema-too-few",
                            f"needs at least {self.min_items} item(s)", "add items")
        # Keep the valid items: one bad claim must not hide its siblings (each problem is
        # already recorded, and a build with errors renders nothing).
        converted = [self.item.convert(item, ctx) for item in items]
        kept = tuple(v for v in converted if not isinstance(v, Invalid))
        # What a dropped item names waits for its fix, as a flawed item's does (`Obj`):
        # `asserts: [a-claim|]` must not also leave the claim it meant unsourced.
        ctx.flawed.extend(i for i, v in zip(items, converted, strict=True)
                          if isinstance(v, Invalid))
        return _once_each(kept, ctx) if isinstance(self.item, RefTo) else kept

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        return schema


def _keyed_by_id(node: YMap, item: Obj) -> tuple[str, str] | None:
    """The message and hint for a mapping of ids to values where a list of entries with an
    `id:` goes (`metrics: {training-cost: "Training cost"}`), when none of its keys is a
    field of the entries: neither a lone entry missing its dash nor unknown fields."""
    fields = item.fields
    keys = [key.value for key, _ in node.items]
    # Each value an entry's fields (`acme: {name: …, kind: …}`), or, as names.yml's, one
    # text: then no key may be a field or a misspelt one (an entry missing its dash).
    entries = all(isinstance(value, YMap) and any(k.value in fields for k, _ in value.items)
                  for _, value in node.items)
    misspelt = not entries and any(
        difflib.get_close_matches(key, fields, n=1, cutoff=0.75) for key in keys)
    if "id" not in fields or not all(SLUG_RE.match(key) for key in keys) or misspelt:
        return None
    first, value = node.items[0]
    other = [name for name, f in fields.items() if f.metadata["required"] and name != "id"]
    shown = f"`- id: {first.value}`" + (
        f' with `{other[0]}: "{value.value}"` under it'
        if len(other) == 1 and isinstance(value, YScalar) and value.value
        and '"' not in value.value else " with its fields under it")
    return (f"expected a list of entries, each with its `id:`, found a mapping of ids "
            f"('{first.value}'…)", f"write each as an entry: {shown}")


def _lone_entry(node: YMap, ctx: Context) -> bool:
    """Whether a mapping where a list of entries goes is its one entry written without its
    `- ` (`undashed.lone_entry`), reported as such: YAML found nothing wrong with it."""
    if not node.items:
        return False
    key = node.items[0][0]
    lines = split_lines(ctx.text)
    found = undashed.lone_entry(lines, key.pos.line, key.pos.col)
    if found is None:
        return False
    ctx.fail(key.pos, "yaml-missing-dash",
             f"{undashed.MESSAGE}: without it, YAML reads a mapping where a list of entries "
             "goes", undashed.fix(lines[key.pos.line - 1], key.pos.col, found.dash_col,
                                  alone=True))
    return True


def _once_each(refs: tuple[Ref, ...], ctx: Context) -> tuple[Ref, ...]:
    """Each id once, in the order first given. A repeat adds nothing, and a hundred
    thousand of them (one citation link each, all on one Markdown line) would make the
    page's conversion quadratic; one warning per repeated id says how often it was given."""
    seen: dict[str, Ref] = {}
    repeats: dict[str, list[Ref]] = {}
    for ref in refs:
        if ref.id in seen:
            repeats.setdefault(ref.id, []).append(ref)
        else:
            seen[ref.id] = ref
    for ref_id, again in repeats.items():
        first = seen[ref_id]
        ctx.warn(again[0].pos, "ref-repeated",
                 f"{first.kind} {ref_id!r} is listed {len(again) + 1:,} times in this list "
                 f"(first at {first.pos.line}:{first.pos.col}); it counts once",
                 "delete the repeated ids")
    return tuple(seen.values()) if repeats else refs


class Obj(Spec):
    """A mapping converted into the dataclass whose fields declare its schema.

    An item with a bad optional field, or a misspelt one, is still made, without that
    field, so that the rest of it (its quotes, its references) is checked in the same
    build: one typo must not hide every other problem in a source. It is recorded in
    `Context.flawed`, and the build fails on the field's error anyway. An item waits for
    the fix instead when the bad field is required, or is one its other checks read
    (`spec_field(shapes_checks=True)`: how its quotes are found); but a misspelt
    required key that is the one key looking like it ("titel:") is read as that field
    (`_stand_in`), so a source's quotes and a brief's prose are checked in the same run."""

    def __init__(self, cls: type[Any]):
        self.cls = cls
        self.doc_type = cls.__name__

    @property
    def fields(self) -> dict[str, dataclasses.Field[Any]]:
        return {f.name: f for f in dataclasses.fields(self.cls) if "spec" in f.metadata}

    def convert(self, node: YNode, ctx: Context, **given: Any) -> Any:
        if not isinstance(node, YMap):
            glued = glued_hint(node.value) if isinstance(node, YScalar) else None
            return ctx.fail(node.pos, "schema-type", f"expected a mapping, found {describe(node)}",
                            glued or "write `key: value` lines")
        values, flaws = _convert_fields(node, ctx, self.fields)
        if any(self._needs(flaw) for flaw in flaws):
            ctx.orphaned.extend(refs_in(values.values()))
            return INVALID
        missing = [name for name, f in self.fields.items()
                   if f.metadata["required"] and name not in values]
        for name in missing:
            ctx.fail(node.pos, "schema-required", f"missing required field {name!r}",
                     f"add `{name}:` ({self.fields[name].metadata['doc']})")
        if missing:
            ctx.orphaned.extend(refs_in(values.values()))
            return INVALID
        if any(flaw != _STOOD_IN for flaw in flaws):  # (a stood-in key leaves it whole)
            ctx.flawed.append(node)
        if "positions" in {f.name for f in dataclasses.fields(self.cls)}:
            given["positions"] = {key.value: value.pos for key, value in node.items}
        return self.cls(**values, **given, pos=node.pos)

    def json_schema(self) -> dict[str, Any]:
        return _object_schema(self.fields)

    def _needs(self, flaw: str | None) -> bool:
        """Whether the item cannot be made, or checked, without the field `flaw` (None: a
        misspelt field that looks like none of them, so it could have been any;
        `_STOOD_IN`: a misspelt required key read as its field, so none)."""
        if flaw == _STOOD_IN:
            return False
        fields = self.fields.values() if flaw is None else (self.fields[flaw],)
        return any(f.metadata["required"] or f.metadata["shapes_checks"] for f in fields)


def refs_in(values: Iterable[Any]) -> Iterator[Ref]:
    """Every reference in converted values: refs, lists of them, prose, and the objects
    made from nested mappings."""
    for value in values:
        if isinstance(value, Ref):
            yield value
        elif isinstance(value, Prose):
            yield from value.refs
        elif isinstance(value, Located):
            yield from refs_in((value.value,))
        elif isinstance(value, (tuple, list)):
            yield from refs_in(value)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            yield from refs_in(getattr(value, f.name) for f in dataclasses.fields(value))


def _convert_fields(node: YMap, ctx: Context, fields: Mapping[str, dataclasses.Field[Any]]
                    ) -> tuple[dict[str, Any], list[str | None]]:
    """The fields' values, and the fields that were bad (an unknown key stands for the
    field it most looks like, or None)."""
    values: dict[str, Any] = {}
    flaws: list[str | None] = []
    for key, value_node in node.items:
        field = fields.get(key.value)
        if field is None:
            meant = [name for name, f in fields.items()
                     if key.value.strip().casefold() in f.metadata.get("meant", ())]
            close = meant or difflib.get_close_matches(key.value, list(fields), n=1)
            ctx.fail(key.pos, "schema-unknown-key",
                     f"unknown field {key.value!r}{unusual_note(key.value)}",
                     f"did you mean {close[0]!r} ({fields[close[0]].metadata['doc']})?"
                     if meant else f"did you mean {close[0]!r}?" if close
                     else f"allowed fields: {', '.join(fields)}")
            stand_in = _stand_in(close, node, fields)
            if stand_in is not None:
                # A misspelt required key ("titel:") is read as the field it looks like,
                # so the rest of the item is checked in the same run; the item is flawed.
                value = fields[stand_in].metadata["spec"].convert(value_node, ctx)
                if not isinstance(value, Invalid):
                    values[stand_in] = value
                    flaws.append(_STOOD_IN)
                    continue
            flaws.append(close[0] if close else None)
            continue
        if isinstance(value_node, YScalar) and value_node.is_plain and value_node.value == "" \
                and not isinstance(field.metadata["spec"], ListOf):
            if field.metadata["required"]:
                ctx.fail(value_node.pos, "schema-empty", f"{key.value!r} has no value",
                         f"write {field.metadata['spec'].doc_type} after `{key.value}:`")
                flaws.append(key.value)
            continue  # an empty optional field counts as absent
        value = field.metadata["spec"].convert(value_node, ctx)
        if isinstance(value, Invalid):
            flaws.append(key.value)
        else:
            values[key.value] = value
    return values, flaws


# A flaw that leaves the item whole: a misspelt required key read as its field.
_STOOD_IN = "\x00stood-in"


def _stand_in(close: list[str], node: YMap, fields: Mapping[str, dataclasses.Field[Any]]
              ) -> str | None:
    """The required field a misspelt key stands for, when the item has no key of that
    name and no other key stands for it (difflib's look-alike or a curator's word)."""
    if not close or not fields[close[0]].metadata["required"] \
            or fields[close[0]].metadata["shapes_checks"] \
            or any(key.value == close[0] for key, _ in node.items):
        return None
    looks = [key.value for key, _ in node.items if key.value not in fields
             and difflib.get_close_matches(key.value, [close[0]], n=1)]
    return close[0] if len(looks) == 1 else None


def accepts_empty(field: dataclasses.Field[Any]) -> bool:
    """Whether `key:` with no value passes (`_convert_fields`): an optional field counts
    as absent, a list as empty unless it needs items; a required field is an error."""
    spec = field.metadata["spec"]
    return spec.min_items == 0 if isinstance(spec, ListOf) else not field.metadata["required"]


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` also accepting null, which is what an editor makes of `key:`."""
    if "type" in schema:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        return {**schema, "type": [*kinds, "null"]}
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], None]}
    return {**schema, "oneOf": [*schema["oneOf"], {"type": "null"}]}


def _object_schema(fields: Mapping[str, dataclasses.Field[Any]],
                   overrides: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    overrides = overrides or {}
    properties = {}
    for name, field in fields.items():
        schema = overrides.get(name, field.metadata["spec"].json_schema())
        if accepts_empty(field):
            schema = _nullable(schema)
        properties[name] = {**schema, "description": field.metadata["doc"]}
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [n for n, f in fields.items() if f.metadata["required"]],
        "properties": properties,
    }


def spec_field(spec: Spec, doc: str, *, required: bool = False, default: Any = None,
               shapes_checks: bool = False, meant: tuple[str, ...] = ()) -> Any:
    """Declare a YAML field on a model dataclass. `shapes_checks`: the item's other checks
    read it, so an item whose field is bad is not checked further (`Obj`). `meant`: keys
    a curator writes for this one, in small letters (`supports` for `asserts`), which an
    unknown key's hint names it for."""
    metadata = {"spec": spec, "doc": doc, "required": required,
                "shapes_checks": shapes_checks, "meant": meant}
    if isinstance(spec, ListOf) and default is None:
        return dataclasses.field(default=(), metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


@dataclass(frozen=True, kw_only=True)
class _DateFields:
    date: str = spec_field(Text(), "YYYY-MM-DD, YYYY-MM, YYYY or unknown", required=True)
    about: bool = spec_field(Flag(), "the date is approximate", default=False)
    inferred: bool = spec_field(Flag(), "the curator inferred the date", default=False)
    basis: str = spec_field(Text(max_len=1000), "what the date rests on", default="")


_DATE_FIELDS = MappingProxyType({f.name: f for f in dataclasses.fields(_DateFields)})


@dataclass(frozen=True, kw_only=True)
class _SubjectFields:
    entity: Ref = spec_field(RefTo("entity"), "the entity the number describes", required=True)
    inferred: bool = spec_field(Flag(), "the source does not name it: the pairing is the "
                                "curator's reading", default=False)
    basis: str = spec_field(Text(max_len=1000), "what the reading rests on", default="")


_SUBJECT_FIELDS = MappingProxyType({f.name: f for f in dataclasses.fields(_SubjectFields)})
