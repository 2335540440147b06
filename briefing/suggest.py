"""Rule-based suggestions for annotating a new source article: its title and date, the
figures, quotations, known entities, unknown names and already-annotated claims it holds.

Everything here is a pure function of the article's text and the validated corpus: offline,
deterministic, and linear in their sizes (the corpus's names and claim words are indexed
once; each sentence looks up only the claims that share a word with it; each kind of
suggestion stops at MAX_SUGGESTIONS, and what is searched around a match is a bounded
window, never the rest of its line). `benchmarks/bounded.py` measures this.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import heapq
import itertools
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from types import MappingProxyType
from typing import TypeVar

from .chars import CAPITAL_CLASS, MARK_CLASS, WORD_END, is_capital
from .cleaning import RUN_ON, read_whole
from .currencies import PLAIN_WORDS, Money
from .germannames import (
    GENITIVES,
    PARTICLES,
    adjective_base,
    after_determiner,
    base_form,
    continues_sentence,
    is_body,
    is_common_noun,
    is_company_suffix,
    is_function_word,
    is_role,
    noun_shaped,
    strong_base,
)
from .language import DEFAULT, primary
from .link import names_pattern, sentence_starts
from .ministries import LANGUAGES as MINISTRY_LANGUAGES
from .ministries import Ministry, ministries
from .model import Claim, Corpus, Entity, Figure
from .romancenames import LANGUAGES as ROMANCE
from .romancenames import (
    ORGANISATION_HEADS,
    after_article,
    head_start,
    is_particle,
    name_start,
    opening,
)
from .romancenames import is_function_word as is_romance_function_word
from .schema import SLUG_RE, Prose, ProseRef, id_too_long
from .text import normalise_text
from .validate import RESERVED_IDS
from .writtendates import written_dates
from .writtenfigures import CURRENCY_SYMBOLS, UNIT, Reader, reads_figures

ID_MAX_LEN = 60
TITLE_MAX_LEN = 200
# No curator reviews more: a longer list only makes the starter slower to write and read.
MAX_SUGGESTIONS = 200
# A passage longer than this is not suggested as a quote (no reader checks it at a glance).
MAX_PASSAGE = 1000
# The longest figure as written ("US$ 1,234,567.89 million to US$ 2,345,678.90 million").
MAX_FIGURE = 100
# The longest entity name the schema allows.
MAX_NAME = 200
# How far before and after a quotation its speaker is looked for, and how much of the line
# before it can give a prefix: a quotation's words are never far from it.
WINDOW = 300


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int  # 1-based line of the article
    col: int = 0  # 0-based offset in the line

    def overlaps(self, other: Sentence) -> bool:
        return self.line == other.line and self.col < other.col + len(other.text) \
            and other.col < self.col + len(self.text)


@dataclass(frozen=True)
class DateFound:
    date: str  # YYYY-MM-DD, or YYYY-MM for a month-year form
    found: str  # the words as written
    sentence: Sentence


@dataclass(frozen=True)
class FigureFound:
    value: tuple[Decimal, Decimal]
    unit: str
    qualifier: str  # one of model.QUALIFIERS
    found: str
    sentence: Sentence
    note: str = ""  # a doubt for the curator to settle, shown beside the suggestion


@dataclass(frozen=True)
class QuoteFound:
    id: str
    text: str  # exactly as in the article, without the quotation marks
    speaker_id: str | None  # a known entity
    speaker_name: str | None  # a name not (yet) in entities.yml
    prefix: str  # set when the text occurs more than once in the article
    sentence: Sentence
    reports: tuple[str, ...] = ()  # claims the passage seems to repeat
    speaker_new: str = ""  # the id of the new name the speaker's name is taken for


@dataclass(frozen=True)
class EntityFound:
    id: str
    name: str
    count: int
    sentence: Sentence  # where it is first named
    aliases: tuple[str, ...] = ()  # its surname alone, when the article names it so
    # As a German article declines it ("Landes Steiermark" of "Land Steiermark": `name` is
    # the base form, `germannames.base_form`), to be an alias too.
    forms: tuple[str, ...] = ()
    # The acronym in parentheses after it, or before it in parentheses, that spells it
    # ("BNDES" of "Banco Nacional de Desenvolvimento Econômico e Social (BNDES)"), to be
    # an alias too.
    acronyms: tuple[str, ...] = ()
    # The role an apposition gives a person-like name ("the council's treasurer" of "Jane
    # Doe, the council's treasurer,"): the name is a person's (`with_roles`).
    role: str = ""


@dataclass(frozen=True)
class ClaimFound:
    id: str
    statement: str  # plain text
    score: float
    sentence: Sentence


@dataclass(frozen=True)
class Suggestions:
    title: TitleFound
    date: DateFound | None  # the first full date
    dates: tuple[DateFound, ...]
    figures: tuple[FigureFound, ...]
    quotes: tuple[QuoteFound, ...]
    known_entities: tuple[EntityFound, ...]
    new_names: tuple[EntityFound, ...]
    claims: tuple[ClaimFound, ...]
    # A surname alone taken for a known person named in full: (surname, entity id).
    surnames: tuple[tuple[str, str], ...] = ()
    byline: BylineFound | None = None
    # An acronym in parentheses beside a known entity's name that it spells: (acronym,
    # entity id), an alias to add (`_known_acronyms`).
    acronyms: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class BylineFound:
    """The author a byline near the top names ("By Mira Castell"), and where."""

    author: str
    line: int  # 1-based line of the article
    found: str  # the line as written


# --- words and sentences --------------------------------------------------------------


def sentences(text: str, language: str = "") -> list[Sentence]:
    """Every sentence of every non-blank line; a sentence never spans lines. `language`
    reads a German text's "a. D." as no sentence's end (`_sentence_spans`)."""
    out = []
    for line_no, line in enumerate(text.split("\n"), start=1):
        for start, end in _sentence_spans(line, language):
            piece = line[start:end]
            if piece.strip():
                out.append(_sentence(line, line_no, start, end))
    return out


def _sentence(line: str, line_no: int, start: int, end: int) -> Sentence:
    piece = line[start:end]
    return Sentence(piece.strip(), line_no, start + len(piece) - len(piece.lstrip()))


def _sentence_spans(line: str, language: str = "") -> list[tuple[int, int]]:
    starts = sorted({*sentence_starts(line), *(m.start() for m in RUN_ON.finditer(line))})
    if primary(language) == "de":  # (any other language's sentences split as before)
        starts = [s for s in starts if not continues_sentence(line, s)]
    return list(zip(starts, [*starts[1:], len(line)], strict=True))


# Latin letters that no Unicode decomposition takes to ASCII, spelt as their languages
# spell them without it ("schließen" is "schliessen", not "schlieen"); as picker.js's.
_UNDECOMPOSED = MappingProxyType(str.maketrans({
    "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH",
    "\u0131": "i"}))  # \u0131: the dotless i


# German's own spelling of its umlauts without them ("Bürgermeister" is "Buergermeister",
# "ÖBB" is "OEBB"), for the ids suggested from a German text; any other language's
# drop the marks ("Müller" is "muller"), as picker.js's.
_GERMAN_UMLAUTS = MappingProxyType(str.maketrans({
    "ä": "ae", "ö": "oe", "ü": "ue", "Ä": "AE", "Ö": "OE", "Ü": "UE"}))


def slugify(text: str, max_len: int = ID_MAX_LEN, language: str = "") -> str:
    """A valid id from any text, cut on a word boundary; a text in German (`language`, a
    tag) spells its umlauts as German does without them (ä, ö, ü as ae, oe, ue)."""
    text = normalise_text(text)
    if primary(language) == "de":
        text = unicodedata.normalize("NFC", text).translate(_GERMAN_UMLAUTS)
    folded = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED)
                                   ).encode("ascii", "ignore")
    words = [w for w in re.findall(r"[a-z0-9]+", folded.decode().lower().replace("'", ""))
             if w not in ("a", "an", "the")]
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_len:
            break
        slug = candidate
    return slug or (words[0][:max_len] if words else "")


def is_valid_id(value: str) -> bool:
    return bool(SLUG_RE.match(value)) and value not in RESERVED_IDS \
        and id_too_long(value) is None


# --- title, dates and the source id ---------------------------------------------------

def find_dates(text: str) -> tuple[DateFound, ...]:
    found = []
    dates = written_dates()
    # Searched line by line: "Feb. 2025" would be cut in two by sentence splitting.
    for line_no, line in enumerate(text.split("\n"), start=1):
        spans = _sentence_spans(line)
        starts = [s for s, _ in spans]
        for match in dates.pattern.finditer(line):
            date = dates.date_of(match)
            if date is not None:
                index = bisect.bisect_right(starts, match.start()) - 1
                found.append(DateFound(date, match.group(),
                                       _sentence(line, line_no, *spans[index])))
    return tuple(found)


# --- the title: the first line that reads as a headline ---------------------------------

# What the lines before the headline were taken for, as the starter names them.
DATE_LINE, DATELINE, BYLINE, LABEL, SHORT_LINE = (
    "date", "dateline", "byline", "label", "short line")


@dataclass(frozen=True)
class TitleFound:
    """The suggested title and where it came from, so that the curator can check it."""

    text: str
    line: int  # 1-based line of the article; 0 when it has no line of text
    passed_over: tuple[str, ...] = ()  # what each non-blank line before it was taken for
    undated: bool = False  # a date marker on the line was left out


# A date marker is a date (with a weekday, a time and a label such as "Published") that
# stands apart from the words of its line: at its start, or at its end after a separator.
# A date the sentence runs into ("as of 3 March 2025") is part of the headline.
_MARKER_LABEL = (r"(?P<label>(?i:date|dated|(?:first\s+|last\s+)?(?:published|updated)"
                 r"|posted)(?:\s+on)?\s*:?\s*)")
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)"
_TIME = r"(?:,?\s+(?:at\s+)?[0-2]?\d[:.][0-5]\d(?:\s?[ap]\.?m\.?)?(?:\s+[A-Z]{2,5}\b)?)"
_SEPARATORS = ",;:|/\u2013\u2014\u00b7\u2022\uff0c"


def _markers(dates: re.Pattern[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The date markers at a line's start and at its end, of the dates `dates` reads."""
    # The article a French or German dateline puts before the day ("PARIS, le 12 mars").
    marker = (_MARKER_LABEL + "?" + _WEEKDAY + r"?(?:(?:le|den)\s+)?(?:" + dates.pattern
              + ")" + _TIME + "?")
    return (re.compile(r"\s*" + marker + r"(?P<after>\s*[" + _SEPARATORS + r".-]*\s*)"),
            re.compile(r"(?:\s*[" + _SEPARATORS + r"]|\s+-)\s*" + marker
                       + r"\s*\.?\s*$"))


# No date marker is longer: the end of a long line is searched, never all of it.
_MARKER_ROOM = 120
_BY = re.compile(r"(?i:(?:written|posted|reported|reporting|words|story|text)\s+)?"
                 r"(?i:by)\s+")
_NAME_SPLIT = re.compile(r"\s*(?:[" + _SEPARATORS + r"]|\s-\s)\s*")
# The words a name of a person, a place or an outlet may hold uncapitalised.
_NAME_PARTICLES = frozenset({"of", "the", "and", "&", "de", "du", "des", "da", "di", "der",
                             "den", "van", "von", "la", "le", "al", "el", "y", "for", "on",
                             "am", "upon"})
_RELEASE = re.compile(r"(?i:(?:for\s+immediate\s+release|(?:press|news|media)\s+release)"
                      r"[\s.:!]*)")
# A line of capitals this short is a label ("FOR IMMEDIATE RELEASE"); a longer one is a
# headline set in capitals.
CAPS_LABEL_WORDS = 4
# A name standing before a date is a dateline ("Northern Energy Post, 14 April 2025") up
# to this many words; a longer run of capitalised words is more likely a headline.
NAME_WORDS = 6


def find_title(text: str, language: str = DEFAULT) -> TitleFound:
    """The first non-blank line that reads as a headline, without its date markers, cut
    to a headline's length. Lines before it are passed over when they are a date, a
    dateline (a name and a date), a byline ("By Jane Doe", or one of the press of
    `language`, a tag, that `find_byline` reads: "Por Lucía Armengol"), a label
    ("Summary:", "PRESS RELEASE"), or page furniture of two words or fewer ("Smiley
    face"); when every line is, the first is taken."""
    passed: list[str] = []
    first: TitleFound | None = None
    markers = _markers(written_dates().pattern)
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        rest, undated = _without_markers(line, markers)
        kind = _furniture(rest, undated, primary(language))
        if kind is None:
            return TitleFound(_headline(rest), number, tuple(passed), undated)
        passed.append(kind)
        if first is None:
            first = TitleFound(_headline(rest), number, (), undated)
    return first or TitleFound("", 0)


# A byline stands among the article's first non-blank lines.
BYLINE_LINES = 5
_BYLINE = re.compile(r"(?:By|BY)\s+(?P<names>[^,]+?)(?:\s*,\s*(?P<outlet>[^,]+?))?\s*\.?")
_AUTHOR_WORD = re.compile(r"[^\W\d_][\w.'\u2019-]*")


def find_byline(text: str, language: str = DEFAULT) -> BylineFound | None:
    """The author of a line, among the first `BYLINE_LINES` non-blank ones, that is only a
    byline: "By Mira Castell", "By Mira Castell and Tom Brennan", or "By Mira Castell,
    Harbour Ledger" (the outlet is left out). A name is two or three capitalised words
    and the particles names hold; anything else on the line ("By Christmas, prices will
    double", "By Jane Doe, energy correspondent") is no such byline. A text in
    `language` (a tag) has its language's bylines read too (`_press_byline`)."""
    lines = [(n, line.strip()) for n, line in enumerate(text.split("\n"), start=1)
             if line.strip()][:BYLINE_LINES]
    dates: re.Pattern[str] | None = None  # (built only for a line with a dash: slow)
    for number, line in lines:
        parts = [line]
        if len(_DATELINE_APART.split(line)) == 2:
            dates = dates or written_dates().pattern
            parts += _beside_a_date(line, dates)
        for part in parts:
            author = _english_byline(part) or _press_byline(part, primary(language))
            if author is not None:
                return BylineFound(author, number, line)
    return None


# A dateline and a byline on one line, apart by a dash or a bar: "MONTRÉAL, le 3 mars 2025
# — Par Geneviève Tremblay", "By Mira Castell | 3 March 2025".
_DATELINE_APART = re.compile(r"\s+[\u2013\u2014|-]\s+")
_DATELINE_LEN = 80


def _beside_a_date(line: str, dates: re.Pattern[str]) -> tuple[str, ...]:
    """The other part of a line of two parts apart by a dash or a bar (`_DATELINE_APART`)
    one of which, no longer than `_DATELINE_LEN`, holds a date that `dates` reads: a
    byline there is read as on a line of its own (`find_byline`). The article's first
    sentence after a dateline is no byline (nothing but a name may follow the byline's
    word)."""
    parts = _DATELINE_APART.split(line)
    return tuple(other for part, other in (parts, parts[::-1])
                 if len(part) <= _DATELINE_LEN and dates.search(part))


def _english_byline(line: str) -> str | None:
    """The author of a line that is only an English byline (`find_byline`)."""
    match = _BYLINE.fullmatch(line)
    if match is None:
        return None
    names = re.split(r"\s+and\s+", match.group("names"))
    outlet = match.group("outlet")
    if len(names) <= 2 and all(map(_is_author, names)) \
            and (outlet is None or _is_name(outlet.split())):
        return " and ".join(" ".join(n.split()) for n in names)
    return None


def _is_author(name: str) -> bool:
    words = name.split()
    return len(words) >= 2 and _is_name(words, 3) and _capitalised(words[-1]) \
        and all(_AUTHOR_WORD.fullmatch(w) and w.lower() not in _COMMON for w in words)


# The word a byline opens with in the press of a language (a primary subtag), and the
# word that joins two names: "Von Anna Berg und Max Roe", "Par Claire Martin et Paul
# Roy", "Por Lucía Armengol y Juan Pérez", "di Marco Rossi e Anna Bianchi", "Por Maria
# Silva e João Costa".
_PRESS_BYLINES = MappingProxyType({
    "de": ("von", "und"), "fr": ("par", "et"), "es": ("por", "y"), "it": ("di", "e"),
    "pt": ("por", "e")})
_PRESS_BYLINE = MappingProxyType({
    language: (re.compile(rf"(?:{word}|{word.capitalize()}|{word.upper()})\s+"
                          r"(?P<names>[^,]+?)(?:\s*,\s*(?P<outlet>[^,]+?))?\s*\.?"),
               re.compile(rf"\s+{joiner}\s+"), joiner)
    for language, (word, joiner) in _PRESS_BYLINES.items()})
# The small words the names of people hold in these languages ("María de la Vega",
# "Ursula von der Leyen", "Ana do Carmo", "Paolo della Valle", "Ortega y Gasset").
_AUTHOR_PARTICLES = frozenset({"de", "du", "des", "da", "di", "do", "dos", "das", "del",
                               "della", "dello", "dei", "degli", "van", "von", "der", "den",
                               "zu", "la", "las", "los", "le", "lo", "y"})
# A name of these bylines is up to this many capitalised words: a Spanish or Portuguese
# name has two surnames ("Lucía Armengol Pérez", "João Pedro Costa Silva").
_AUTHOR_CAPITALS = 4


def _press_byline(line: str, language: str) -> str | None:
    """The authors of a line that is only a byline of the press of `language` (a primary
    subtag) or, when it names two people, of another language's: the word that joins
    them says which, and no sentence is written so (`_PRESS_BYLINES`). As in English,
    one name or two (`_is_press_author`), and after a comma an outlet ("Par Claire
    Martin, Le Monde") left out; anything else on the line is no byline ("Por Lucía
    Armengol, corresponsal", "Por la mañana", "Von Montag an"). The authors are joined
    by the word that joins them in the byline."""
    for tongue, (pattern, joiner, word) in _PRESS_BYLINE.items():
        match = pattern.fullmatch(line)
        if match is None:
            continue
        names = joiner.split(match.group("names"))
        outlet = match.group("outlet")
        if (len(names) == 2 or (tongue == language and len(names) == 1)) \
                and all(_is_press_author(name, tongue) for name in names) \
                and (outlet is None or _is_name(outlet.split())):
            return f" {word} ".join(" ".join(n.split()) for n in names)
    return None


def _is_press_author(name: str, language: str) -> bool:
    """Whether `name` is a person's in a byline of `language`: two words or more, the
    first and the last capitalised, up to `_AUTHOR_CAPITALS` capitalised words and the
    particles of names between them ("María de la Vega", "Jean de La Fontaine"); no
    English common word, and no word a sentence is made of (an article, a pronoun, a
    preposition, a weekday: "Por La Mañana", "Von Heute An") but a surname's article
    before its capitalised word ("Odile Le Roux", "Marco Lo Presti")."""
    words = name.split()
    capitals = [_capitalised(w) for w in words]
    if len(words) < 2 or not (capitals[0] and capitals[-1]) \
            or sum(capitals) > _AUTHOR_CAPITALS:
        return False
    for n, (word, capital) in enumerate(zip(words, capitals, strict=True)):
        article = 0 < n < len(words) - 1 and capitals[n + 1]
        if not capital and word not in _AUTHOR_PARTICLES:
            return False
        if capital and (not _AUTHOR_WORD.fullmatch(word) or word.lower() in _COMMON
                        or (_sentence_word(language, word) and not article)):
            return False
    return True


def _sentence_word(language: str, word: str) -> bool:
    """A function word of `language` (German's, or French's, Spanish's, Italian's:
    `romancenames`), which opens sentences but no name."""
    if language == "de":
        return is_function_word(word)
    return language in ROMANCE and is_romance_function_word(language, word)


def _without_markers(line: str, markers: tuple[re.Pattern[str], re.Pattern[str]]
                     ) -> tuple[str, bool]:
    """The line less the date markers (`_markers`) at its start and end, and whether there
    were any."""
    rest, undated = line, False
    leading = markers[0].match(rest)
    # A date the headline starts with is kept ("3 March 2025 was the day ..."): a marker
    # has a label, a separator or nothing after it, or a capital.
    if leading and (leading.group("label") or leading.end() == len(rest)
                    or leading.group("after").strip()
                    or not rest[leading.end()].islower()):
        rest, undated = rest[leading.end():], True
    cut = max(0, len(rest) - _MARKER_ROOM)
    trailing = markers[1].search(rest, cut)
    if trailing:
        rest, undated = rest[:trailing.start()], True
    return rest, undated


def _furniture(rest: str, undated: bool, language: str) -> str | None:
    """What a line is when it is not a headline, from what is left of it once its date
    markers are left out (`undated`), in a text in `language` (a primary subtag); None
    for a headline."""
    words = rest.split()
    if not _has_words(rest):
        return DATE_LINE if undated else SHORT_LINE
    if _is_byline(rest) or _press_byline(rest.strip(), language) is not None:
        return BYLINE
    if undated and _is_name(words):
        return DATELINE
    if rest.rstrip().endswith(":") or _RELEASE.fullmatch(rest.strip()) \
            or (len(words) <= CAPS_LABEL_WORDS
                and all(c.isupper() for c in rest if c.isalpha())):
        return LABEL
    return SHORT_LINE if len(words) <= 2 else None


def _has_words(text: str) -> bool:
    return any(c.isalpha() for c in text)


def _is_byline(line: str) -> bool:
    """"By Jane Doe", "By Jane Doe and John Roe, energy desk", "By Reuters": names after
    "by", alone or before a separator. A single word before a separator is taken for
    the start of a headline ("By Christmas, prices will double")."""
    by = _BY.match(line)
    if by is None:
        return False
    names, *more = _NAME_SPLIT.split(line[by.end():].strip(), maxsplit=1)
    words = names.split()
    return _is_name(words, 2 * NAME_WORDS) and (not more or len(words) > 1)


def _is_name(words: list[str], longest: int = NAME_WORDS) -> bool:
    """Up to `longest` capitalised words, and the particles names hold ("Bank of
    England", "(Reuters)", "Department for Energy Security and Net Zero")."""
    bare = [w.strip("()[]\"'\u2018\u2019\u201c\u201d.,") for w in words]
    capitalised = sum(map(_capitalised, bare))
    return 0 < capitalised <= longest and _capitalised(bare[0]) and all(
        _capitalised(w) or w.lower() in _NAME_PARTICLES for w in bare)


def _capitalised(word: str) -> bool:
    return bool(word) and (is_capital(word[0]) or word[0].isdigit())


def _headline(line: str) -> str:
    title = " ".join(line.split()).strip(" -:|,;\u2013\u2014").lstrip(". ")
    if len(title) > TITLE_MAX_LEN:
        first = _sentence_spans(title)[0]
        title = title[first[0]:first[1]].strip()
    if len(title) > TITLE_MAX_LEN:
        title = title[:TITLE_MAX_LEN].rsplit(" ", 1)[0] + "…"
    return title


# --- the source id ---------------------------------------------------------------------

def source_id(title: str, date: DateFound | None, language: str = "") -> str:
    """`<date>-<title words>` (title only without a date), a valid id of sensible length;
    `language`: the title's (`slugify`)."""
    return dated_id(title, date.date if date is not None else "", language)


def dated_id(title: str, day: str, language: str = "") -> str:
    """`<day>-<title words>`, the day only when it is a full date; `language`: the
    title's (`slugify`). A title mostly in
    another script than Latin gives few words or none ("深度求索发布R1模型" gives "r1"), so
    six characters of its digest are added: two such articles never get the same id."""
    day = day if len(day) == 10 else ""
    room = ID_MAX_LEN - len(day) - 1 if day else ID_MAX_LEN
    latin = sum(c.isascii() and c.isalpha() for c in title)
    other = sum(not c.isascii() and c.isalpha() for c in title)
    digest = hashlib.sha256(title.encode()).hexdigest()[:6] if other > latin else ""
    words = slugify(title, room - len(digest) - 1 if digest else room, language) \
        or ("source" if digest and not day else "")
    slug = "-".join(p for p in (day, words, digest) if p) or "source"
    return slug if is_valid_id(slug) else f"{slug}-source"


# --- figures ---------------------------------------------------------------------------

_MULTIPLIERS = MappingProxyType({
    "k": 10**3, "thousand": 10**3, "m": 10**6, "mn": 10**6, "million": 10**6,
    "b": 10**9, "bn": 10**9, "billion": 10**9, "t": 10**12, "tn": 10**12, "trillion": 10**12})
_COUNT_UNITS = ("chips", "GPUs", "GPU", "parameters", "tokens", "users", "employees",
                "people", "workers", "servers", "downloads", "devices", "customers",
                "companies", "processors", "accelerators", "subscribers", "researchers")
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MULT = r"(?:thousand|million|billion|trillion|bn|mn|tn|[kmbt])\b"
_WORD_MULT = r"(?:thousand|million|billion|trillion)\b"
_MONEY = (r"(?P<cur>US\$|\$|€|£)\s?(?P<n1>" + _NUM + r")(?:\s?(?P<x1>" + _MULT + r"))?"
          r"(?:\s*(?:to|-|\u2013|\u2014|and)\s*(?:US\$|\$|€|£)?\s?(?P<n2>" + _NUM + r")"
          r"(?:\s?(?P<x2>" + _MULT + r"))?)?")
_PERCENT = r"(?P<pn>" + _NUM + r")\s?(?:%|percent\b|per cent\b)"
_PARAMS_SHORT = r"(?P<sn>\d+(?:\.\d+)?)(?P<sx>[BT])\b"
_COUNT = (r"(?P<cn>" + _NUM + r")(?:\s(?P<cx>" + _WORD_MULT + r"))?"
          r"(?P<cmid>(?:\s+(?:out\s+)?of\s+(?:its\s+|the\s+|their\s+)?(?:" + _NUM + r")"
          r"(?:\s" + _WORD_MULT + r")?)?"
          rf"(?:\s+(?:{CAPITAL_CLASS}|[0-9])[\w-]*){{0,2}})"
          r"\s+(?P<cu>" + "|".join(_COUNT_UNITS) + r")\b")
# Units of energy, power, mass and data, as written after a number ("5 GW", "10 TWh").
_UNIT = UNIT
# Durations, in digits or (small numbers, as articles write them) in words: "80 hours",
# "an 80-hour run", "in just two months".
# "One" is left out: "one day", "one year" are more often manners of speaking.
_NUMBER_WORDS = MappingProxyType({
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90, "a hundred": 100})
_DURATION_UNITS = ("second", "minute", "hour", "day", "week", "month", "year")
_DURATION = (r"(?P<dn>" + _NUM + "|(?i:" + "|".join(_NUMBER_WORDS) + r"))(?:\s+|-)(?P<du>"
             + "|".join(_DURATION_UNITS) + r")s?\b(?!-old)")
# A count of a named product in the plural: "10,000 A100s", "512 H800s" (a capitalised word
# with a digit in it, ending in "s").
_PRODUCTS = r"(?P<qn>" + _NUM + r")\s+(?P<qu>[A-Z][A-Za-z-]*\d[\w-]*?s)\b"
# A number and a scale word count what the plain noun after them names ("1.5 million
# homes"); a function word there (`_COMMON`: "2 billion of its") is no unit.
_SCALED = r"(?P<gn>" + _NUM + r")\s(?P<gx>" + _WORD_MULT + r")\s+(?P<gu>[a-z][a-z-]*[a-z])\b"
# A measure in a unit of energy, power, mass or data ("5 GW", "10 TWh").
_MEASURE = r"(?P<mn>" + _NUM + r")\s?(?P<mu>" + _UNIT + r")\b"
# A count whose noun the sentence leaves out, before a rate of time ("9,000 a day", "2
# million a year"): the rate is its unit; not a date after it ("20 a year 2024"), nor a
# time before or after ("2 million a year ago", "9,000 a day earlier").
_RATE = (r"(?P<rn>" + _NUM + r")(?:\s(?P<rx>" + _WORD_MULT + r"))?\s+(?P<ru>(?:a|an|per)"
         r"\s+(?:day|week|month|year|hour))\b(?!\s*(?:\d|(?:ago|earlier|later|before|after"
         r"|since)\b))")
_FIGURES = re.compile(r"(?<![\w.,])(?:" + _MONEY + "|" + _PERCENT + "|" + _COUNT + "|"
                      + _PARAMS_SHORT + "|" + _DURATION + "|" + _PRODUCTS + "|" + _MEASURE
                      + "|" + _RATE + "|" + _SCALED + ")")
_OF_COUNT = re.compile(r"(?<=of\s)(?:its\s+|the\s+|their\s+)?\b(" + _NUM + r")(?:\s("
                       + _WORD_MULT + r"))?")
_QUALIFIERS = (
    # ("a fine not exceeding $5,000", "will not exceed", "doesn't exceed": at most)
    (r"(?:not|never|\w+n['\u2019]t)\s+exceed(?:s|ed|ing)?", "up-to"),
    (r"(?:more than|over|above|upwards of|in excess of|exceed(?:s|ed|ing)?)", "over"),
    (r"(?:less than|fewer than|under|below|just under)", "under"),
    (r"up to", "up-to"),
    (r"(?:at least|no less than|a minimum of)", "at-least"),
    (r"(?:about|around|approximately|roughly|some|an estimated|nearly|almost|closer? to"
     r"|circa|approx\.)", "about"),
)
_QUALIFIER_BEFORE = tuple((re.compile(r"\b" + words + r"\s*$", re.I), name)
                          for words, name in _QUALIFIERS)


def find_figures(text: str, *, limit: int | None = None, language: str = DEFAULT
                 ) -> tuple[FigureFound, ...]:
    """The figures of a text in `language` (a tag): in German, French, Spanish, Italian
    and Portuguese as `writtenfigures` reads them, in any other language as English writes
    them."""
    if reads_figures(language):
        return _written_figures(text, Reader(language), limit)
    found: list[FigureFound] = []
    for sentence in sentences(text):
        for match in _FIGURES.finditer(sentence.text):
            if limit is not None and len(found) >= limit:
                return tuple(found[:limit])
            figure = _figure_of(match, sentence)
            if figure is not None:
                found.append(figure)
            # "37 billion (out) of its 671 billion parameters": the second count is a
            # figure too.
            mid = match.group("cmid")
            if mid and (inner := _OF_COUNT.search(mid)):
                value = _number(inner.group(1), inner.group(2))
                found.append(FigureFound((value, value), match.group("cu"), "exactly",
                                         f"{mid[inner.start(1):inner.end()]} {match.group('cu')}",
                                         sentence))
    return tuple(found if limit is None else found[:limit])


def _written_figures(text: str, reader: Reader, limit: int | None
                     ) -> tuple[FigureFound, ...]:
    """The figures `reader` reads, line by line as dates are (`find_dates`): "2,5 Mio.
    Euro" would be cut in two by sentence splitting."""
    found: list[FigureFound] = []
    for line_no, line in enumerate(text.split("\n"), start=1):
        spans = _sentence_spans(line)
        starts = [s for s, _ in spans]
        for read in reader.figures_in(line):
            if limit is not None and len(found) >= limit:
                return tuple(found)
            if read.end - read.start <= MAX_FIGURE:
                # The sentences it spans, as one: "Es kostet 2,5 Mio. Euro."
                first = bisect.bisect_right(starts, read.start) - 1
                last = bisect.bisect_left(starts, read.end) - 1
                found.append(FigureFound(
                    (_whole(read.low), _whole(read.high)), read.unit, read.qualifier,
                    line[read.start:read.end],
                    _sentence(line, line_no, spans[first][0], spans[last][1])))
    return tuple(found)


def _whole(value: Decimal) -> Decimal:
    return value.normalize() if value == value.to_integral() else value


def _number(digits: str, multiplier: str | None) -> Decimal:
    value = Decimal(digits.replace(",", ""))
    if multiplier:
        value *= _MULTIPLIERS[multiplier.lower()]
    return value.normalize() if value == value.to_integral() else value


def _figure_of(match: re.Match[str], sentence: Sentence) -> FigureFound | None:
    if len(match.group()) > MAX_FIGURE:  # a thousand digits, say: no real figure
        return None
    group = match.group
    if group("cur"):
        unit = CURRENCY_SYMBOLS[group("cur")]
        high_mult = group("x2") or group("x1")
        # "$80 to $100 million": the multiplier written once applies to both ends.
        low = _number(group("n1"), group("x1") or (high_mult if group("n2") else None))
        high = _number(group("n2"), high_mult) if group("n2") else low
    elif group("pn"):
        unit, low = "percent", _number(group("pn"), None)
        high = low
    elif group("cn"):
        unit, low = group("cu"), _number(group("cn"), group("cx"))
        high = low
    elif group("dn"):
        number = group("dn").lower()
        low = Decimal(_NUMBER_WORDS[number]) if number in _NUMBER_WORDS \
            else _number(number, None)
        unit, high = group("du").lower() + "s", low
    elif group("qn"):
        unit, low = group("qu"), _number(group("qn"), None)
        high = low
    elif group("mn"):
        unit, low = group("mu"), _number(group("mn"), None)
        high = low
    elif group("rn"):  # (not a year: "in 2024 a day later")
        if re.fullmatch(r"1\d{3}|20\d{2}|2100", group("rn")) and not group("rx"):
            return None
        unit, low = group("ru"), _number(group("rn"), group("rx"))
        high = low
    elif group("gn"):
        if group("gu") in _COMMON:
            return None
        unit, low = _scaled_unit(match, sentence), _number(group("gn"), group("gx"))
        high = low
    else:
        unit, low = "parameters", _number(group("sn"), group("sx"))
        high = low
    if low > high:
        return None
    before = sentence.text[max(0, match.start() - WINDOW):match.start()]
    after = sentence.text[match.end():match.end() + WINDOW]
    qualifier = next((name for pattern, name in _QUALIFIER_BEFORE if pattern.search(before)),
                     "exactly")
    if re.match(r"\s*(?:or more|or above|and up|plus)\b", after):
        qualifier = "at-least"
    if qualifier == "over" and group("dn") and _over_a_period(before, after):
        return FigureFound((low, high), unit, "exactly", match.group(), sentence,
                           OVER_A_PERIOD)
    return FigureFound((low, high), unit, qualifier, match.group(), sentence)


def _scaled_unit(match: re.Match[str], sentence: Sentence) -> str:
    """The unit of a count with a scale word: the noun after it ("1.5 million homes"), or
    the code of the currency it names ("3 billion euros": EUR; "40 million pounds" after
    "cost": GBP), as the prose check reads it: the build warns of a currency written as
    a unit (`figure-unit-currency`)."""
    if match.group("gu") not in PLAIN_WORDS:  # (CLDR's English names of one word too)
        return match.group("gu")
    written = sentence.text[match.start("gn"):match.end("gx")]
    found = Money("en").currency(sentence.text, match.start("gn"), written)
    return found.code if found is not None else match.group("gu")


OVER_A_PERIOD = ("'over' may mean 'during' here: add `qualifier: over` only if it means "
                 "more than")
# "over" straight before a duration, and the word before it, if any.
_OVER = re.compile(r"(?:\b(?P<word>[a-z]+)\s+)?\b(?P<over>over)\s*$", re.I)
# The words after which "over" a duration is a bound ("for over five years", "20 years
# of experience after over two years of talks").
_BOUND_BEFORE_OVER = frozenset({"for", "of", "in", "than", "with", "after", "has", "have",
                                "had"})


def _over_a_period(before: str, after: str) -> bool:
    """Whether "over" before a duration may be the period something happens in rather
    than a bound: after an amount in the same sentence ("cost $30 million over five
    years", "grew 20% over two years"), or opening the sentence as a phrase of its own
    ("Over five years, it spent …"), unless a word that makes it a bound stands straight
    before it ("for over five years"). Read so, the qualifier is left out: a starter
    should not state a "more than" the text may not mean."""
    over = _OVER.search(before)
    if over is None or (over.group("word") or "").lower() in _BOUND_BEFORE_OVER:
        return False
    opening = not before[:over.start("over")].strip() and after.lstrip().startswith(",")
    return opening or _FIGURES.search(before, 0, over.start("over")) is not None


# --- known entities and new names ------------------------------------------------------

# Words that start with a capital only at the start of a sentence, or are too common
# to name anything.
_COMMON_WORDS = """
a about after again against all also although an and another any are as at be because been
before being both but by can could despite did do does during each either even every for
from further had has have having he her here hers him his how however i if in into is it its
just last later let many may meanwhile might more most much must my nevertheless next no nor
not now of on once one only or other our out over own perhaps same several she should since
so some still such than that the their them then there these they this those though through
thus to too under until up us very was we were what when where whether which while who whom
whose why will with within without would yet you your
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
chinese american european western eastern asian russian british
ai ceo cfo cto gpu gpus cpu api ipo llm llms summary conclusion comments share update
chief executive president minister senator analysts experts officials mr mrs ms dr prof
m. mme mmes mlle mlles me
"""
_COMMON = frozenset(_COMMON_WORDS.split())
# The function words an organisation's or a place's name holds between its capitalised
# words ("Department for Energy Security and Net Zero", "Banco de España").
_JOINING = ("of", "for", "and", "&", "de", "du", "des", "da", "di", "del", "della", "dello",
            "delle", "dei", "degli", "der", "den", "van", "von", "la", "le")
# The article a joining word may have after it: "Bank of the West", "Tomás de la Vega",
# "Jan van der Berg".
_JOINED_ARTICLES = ("the", "la", "las", "los", "le", "der", "den")
# A capitalised word: a capital of any script ("Ørsted", "Łódź") and the rest of the word,
# a decomposed accent included ("E\u0301mile").
_NAME_WORD = rf"{CAPITAL_CLASS}(?:[\w\u2019'.&-]|{MARK_CLASS})*"
# An organisation's head and the words of its name up to an "en", "por", "para", "pour",
# "per" or "contra" that goes on with it (`ORGANISATION_HEADS`): "en" before a noun and
# its "de" ("Plataforma en Defensa del Valdemora", not "Fundación en Buenos Aires"), the
# others before an article ("Association pour la Défense"); "Presidente en funciones",
# "Madrid en 2025" and "Soriana en Castilla" join nothing.
_OBJECT_ARTICLES = r"(?:la|las|los|el|le|les|il|lo|gli|i)\s+"
# (`<articles>`: the articles that may follow the word that goes on, by language)
_HEAD_JOINED_WITH = (
    r"(?:" + "|".join(sorted(ORGANISATION_HEADS)) + r")(?:\s+" + _NAME_WORD + r"){0,2}?\s+"
    r"(?:en(?=\s+(?:<articles>)?" + _NAME_WORD
    + r"\s+(?:de|del|della|di|du|des|d['\u2019]))|(?:por|para|pour|per|contra|contre|contro)"
    r"(?=\s+<articles>" + CAPITAL_CLASS + r"))\s+(?:<articles>)?")
_HEAD_JOINED = _HEAD_JOINED_WITH.replace("<articles>", _OBJECT_ARTICLES)
# A run of capitalised words, the function words of a name between them (`<joining>`,
# with an article after: "Bank of the West", "Tomás de la Vega"), and an organisation's
# head's words up to the one that goes on with it (`<head>`). A run starts after no letter
# or apostrophe ("O'Brien" is one word), but after an elided "d'", "l'" or "qu'" it does
# ("d'Hydro-Québec", "l'Université de Montréal", "qu'Alstom").
_RUN = (r"(?:(?<![\w'\u2019-])|(?<=\b[dlDL]['\u2019])|(?<=\b[qQ]u['\u2019]))(?:<head>)?"
        + _NAME_WORD + r"(?:\s+(?:(?:<joining>)\s+(?:(?:"
        + "|".join(_JOINED_ARTICLES) + r")\s+)?)?(?:<head>)?" + _NAME_WORD + ")*")
_CAPITALISED = re.compile(_RUN.replace("<joining>", "|".join(_JOINING))
                          .replace("<head>", _HEAD_JOINED))
# Portuguese names go on with "do", "dos" and "das" too ("Águas do Litoral Alentejano",
# "João dos Santos", "Palácio dos Bandeirantes"), and a head with "para", "por" or "contra"
# before "a", "o", "os" or "as" ("Associação Portuguesa para a Defesa do Consumidor"):
# "do" is an English word, "das" a German one, and "a", "o" are no articles in Spanish
# or Italian, so the other languages' runs are as they were.
_CAPITALISED_PT = re.compile(
    _RUN.replace("<joining>", "|".join((*_JOINING, "do", "dos", "das")))
    .replace("<head>", _HEAD_JOINED_WITH.replace(
        "<articles>", _OBJECT_ARTICLES.removesuffix(r")\s+") + r"|o|a|os|as)\s+")))


def _capitalised_in(language: str) -> re.Pattern[str]:
    """The runs of capitalised words of a text in `language` (a primary subtag)."""
    return _CAPITALISED_PT if language == "pt" else _CAPITALISED


# The head of a name that is no name alone ("The Department said"), and may start a
# sentence and still join what follows ("Bank of England raised rates").
_BODIES = frozenset({
    "agency", "authority", "board", "commission", "committee", "council", "department",
    "government", "institute", "ministry", "museum", "office", "university"})
_INSTITUTIONS = _BODIES | {"bank", "company", "court", "fund", "group"}
# A job title before a connector makes the run a role ("Minister for Energy"), not a name.
# No word here may be a common first name: a title is dropped from a name's start.
_ROLES = frozenset({
    "alderman", "alderwoman", "ambassador", "assemblyman", "assemblywoman", "chair",
    "chairman", "chairwoman", "chancellor", "chief", "commissioner", "congressman",
    "congresswoman", "councillor", "councilman", "councilor", "councilwoman", "deputy",
    "director", "executive", "governor", "head", "mayor", "minister", "president", "prime",
    "secretary", "senator", "spokesman", "spokesperson", "spokeswoman", "vice"})
# The words of a ministry's portfolio, which a role is of and a person's name is not:
# they show where the role ends ("Minister for Energy Security Sarah Whitcombe").
_PORTFOLIOS = frozenset({
    "affairs", "agriculture", "business", "climate", "commerce", "communications",
    "culture", "defence", "defense", "development", "digital", "economy", "education",
    "employment", "energy", "environment", "finance", "foreign", "health", "home",
    "homeland", "housing", "immigration", "industry", "infrastructure", "innovation",
    "interior", "justice", "labor", "labour", "net", "science", "security", "state",
    "technology", "trade", "transport", "treasury", "zero"})
# The roles written before a person's name as a title ("Deputy Governor Sarah Breeden");
# not "head", which starts names too ("Head Office Services").
_TITLES = _ROLES - {"head"}
_UNIT_WORD = re.compile(_UNIT)
_AFTER_NUMBER = re.compile(r"\d\s?$")
_AFTER_WORD = re.compile(r"[\w,]\s?$")


def find_known_entities(text: str, entities: Iterable[Entity]) -> tuple[EntityFound, ...]:
    entities = tuple(entities)
    owner = _name_owner(entities)
    if not owner:
        return ()
    pattern = _forms_pattern(owner)
    by_id = {e.id: e for e in entities}
    counts: Counter[str] = Counter()
    first: dict[str, Sentence] = {}
    for sentence in sentences(text):
        for match in pattern.finditer(sentence.text):
            entity_id = owner[match.group("name")]
            counts[entity_id] += 1
            first.setdefault(entity_id, sentence)
    return tuple(EntityFound(i, by_id[i].name, n, first[i])
                 for i, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _name_owner(entities: Iterable[Entity]) -> dict[str, str]:
    """Each name and alias, and its capitals-only form ("NVIDIA", as companies style
    themselves), to the entity it names; a short name ("Meta", "US") keeps its own case
    only, so that a heading's "US" or "META" is not taken for it."""
    owner: dict[str, str] = {}
    for entity in entities:
        for name in entity.names:
            owner.setdefault(name, entity.id)
    for entity in entities:
        for name in entity.names:
            if sum(c.isalpha() for c in name) > 4:
                owner.setdefault(name.upper(), entity.id)
    return owner


# The build links a name only as written; an article also writes "H800s", "Nvidia's" and
# "the analysts'", and each still names the entity (the name itself is group `name`).
_FORM_SUFFIX = rf"(?:['\u2019]s|s['\u2019]?)?{WORD_END}"


def _forms_pattern(names: Iterable[str]) -> re.Pattern[str]:
    """Any of `names` as a whole word, or in its plural or possessive form."""
    whole_word = names_pattern(names).pattern
    if not whole_word.endswith(WORD_END):  # how link.names_pattern ends a word
        raise ValueError("names_pattern no longer ends with a word boundary")
    return re.compile(r"(?P<name>" + whole_word.removesuffix(WORD_END) + ")" + _FORM_SUFFIX)


def find_new_names(text: str, entities: Iterable[Entity], *, limit: int = 40,
                   language: str = DEFAULT) -> tuple[EntityFound, ...]:
    """Capitalised names that no known entity covers: multi-word sequences anywhere (joined
    by the function words of a name, `_names_in_run`), single words only where they do
    not start a sentence and are not common words, units or an institution's bare
    head."""
    entities = tuple(entities)
    owner = _name_owner(entities)
    known_pattern = _forms_pattern(owner) if owner else None
    known_ids = {e.id for e in entities}
    people = {e.id for e in entities if e.kind == "person"}
    german = primary(language) == "de"
    written = _names_written_within(text, primary(language)) \
        if primary(language) in ROMANCE else frozenset()
    portfolios = _portfolios(text, primary(language))
    counts: Counter[str] = Counter()
    first: dict[str, Sentence] = {}
    seen: dict[str, Counter[str]] = defaultdict(Counter)  # a German word: how it stood
    forms: dict[str, set[str]] = defaultdict(set)  # a German base form's, in any case
    for sentence in sentences(text, language):
        if _is_heading(sentence.text):
            continue
        known_spans = [m.span() for m in known_pattern.finditer(sentence.text)] \
            if known_pattern else []
        known = functools.partial(_inside, known_spans)
        for run, how in _sentence_names(sentence.text, language, known, written,
                                        portfolios.get(sentence, [])):
            words = [w.text for w in run]
            name = " ".join(words)
            if len(name) > MAX_NAME or name in owner or _slug_known(name, known_ids, language) \
                    or known(run[0].start):
                continue
            # A title before a known person ("Councillor Priya Halvorsen") is that
            # person.
            if any(owner.get(" ".join(words[n:])) in people for n in range(1, len(words))):
                continue
            if german and (base := _german_base(run, sentence.text)) != name:
                if base in owner or _slug_known(base, known_ids, language):
                    continue
                forms[base.casefold()].add(name)
                name = base
            counts[name] += 1
            first.setdefault(name, sentence)
            seen[name][how] += 1
    if german:
        counts = _german_evidence(counts, seen, text)
        first = {name: at for name, at in first.items() if name in counts}
        counts, first = _german_surnames(counts, first, text)
    counts, first = _one_per_case(counts, first)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return _with_acronyms(tuple(EntityFound(slugify(name, language=language), name, n,
                                            first[name],
                                            forms=tuple(sorted(forms[name.casefold()])))
                                for name, n in ranked if slugify(name)), text)


def _with_acronyms(names: tuple[EntityFound, ...], text: str) -> tuple[EntityFound, ...]:
    """`names` with each acronym that spells a name of two words or more (`_spells`) and
    stands in parentheses straight after it, or before it in parentheses ("Banco Nacional
    de Desenvolvimento Econômico e Social (BNDES)", "o BNDES (Banco Nacional …)"),
    folded into it as its alias and its count: one entity, not two."""
    acronyms = {e.name: e for e in names if _ACRONYM_NAME.fullmatch(e.name)}
    folded: dict[str, list[EntityFound]] = defaultdict(list)  # a name's acronyms
    taken: set[str] = set()
    for entity in names:
        if " " not in entity.name:
            continue
        for acronym in acronyms.values():
            if acronym.name not in taken and _abbreviates(acronym.name, entity, text):
                folded[entity.name].append(acronym)
                taken.add(acronym.name)
    if not folded:
        return names
    kept = [replace(e, count=e.count + sum(a.count for a in folded[e.name]),
                    sentence=min((e.sentence, *(a.sentence for a in folded[e.name])),
                                 key=lambda at: (at.line, at.col)),
                    acronyms=tuple(a.name for a in folded[e.name]))
            if e.name in folded else e for e in names if e.name not in taken]
    return tuple(sorted(kept, key=lambda e: (-e.count, e.name)))


def _known_acronyms(new_names: tuple[EntityFound, ...], known: tuple[EntityFound, ...],
                    entities: Iterable[Entity], text: str
                    ) -> tuple[tuple[EntityFound, ...], tuple[tuple[str, str], ...]]:
    """The new names less each acronym that spells a known entity's name written beside
    it in parentheses (`_abbreviates`, its aliases as the name's forms), and those
    acronyms as (acronym, entity id): an alias to add to entities.yml."""
    aliases = {e.id: e.aliases for e in entities}
    acronyms = [e.name for e in new_names if _ACRONYM_NAME.fullmatch(e.name)]
    pairs = tuple((acronym, entity.id) for entity in known if " " in entity.name
                  for acronym in acronyms
                  if _abbreviates(acronym, replace(entity, forms=aliases.get(entity.id, ())),
                                  text))
    taken = {acronym for acronym, _ in pairs}
    return tuple(e for e in new_names if e.name not in taken), pairs


def _abbreviates(acronym: str, entity: EntityFound, text: str) -> bool:
    """Whether `acronym` spells `entity`'s name and the text writes it in parentheses
    straight after the name (or a form of it, `EntityFound.forms`) or the name in
    parentheses straight after it."""
    if not _spells(_ACRONYM_WORD.findall(entity.name), acronym):
        return False
    written = "|".join(re.escape(n) for n in (entity.name, *entity.forms))
    return re.search(rf"(?<![\w-])(?:{written})\s*\({re.escape(acronym)}\)"
                     rf"|(?<![\w-]){re.escape(acronym)}\s*\((?:{written})\)", text) is not None


_AFTER_DES = re.compile(r"(?<![\w-])des\s+$")
_WORD_BEFORE = re.compile(r"(?<![\w-])(\w+)\s+$")


def _german_base(run: list[_Word], sentence: str) -> str:
    """A German name of two words or more (`run`) with the base form of its first word
    where it is a head that the "des" before it declines (`germannames.base_form`: "des
    Landes Steiermark" names "Land Steiermark"), or with its adjectives as after "die"
    when they are declined before a feminine head (`germannames.adjective_base`: "der
    Technischen Universität Graz" names "Technische Universität Graz"), or as a
    masculine or neuter head's gender writes them without an article when the
    determiner before tells their case (`germannames.strong_base`: "des Deutschen
    Bundestages" names "Deutscher Bundestag"); the name as written otherwise."""
    words = [w.text for w in run]
    if len(run) > 1 and (adjectives := adjective_base(words)) is not None:
        return " ".join(adjectives)
    determiner = _WORD_BEFORE.search(sentence, 0, run[0].start)
    if len(run) > 1 and determiner is not None \
            and (strong := strong_base(words, determiner.group(1))) is not None:
        return " ".join(strong)
    base = base_form(run[0].text) if len(run) > 1 else None
    if base is None or not _AFTER_DES.search(sentence, 0, run[0].start):
        return " ".join(words)
    return " ".join((base, *words[1:]))


def _slug_known(name: str, ids: Iterable[str], language: str) -> bool:
    """Whether a known id is the id of `name` in `language`, or as any other language
    spells it: an id a curator has written ("osterreich" for "Österreich", before German
    ids spelt their umlauts) keeps its name from being suggested again."""
    return slugify(name) in ids or slugify(name, language=language) in ids


def _portfolios(text: str, language: str) -> dict[Sentence, list[Ministry]]:
    """The ministers and ministries of each sentence of a German, French, Spanish or
    Italian text (`ministries`; none in another `language`), but those whose portfolio
    ends with a word the text writes elsewhere, not first in its sentence: such a word
    is a name, and the minister is a person's ("los ministros de Sánchez" where "dijo
    Sánchez")."""
    if language not in MINISTRY_LANGUAGES:
        return {}
    found = {sentence: ministries(sentence.text, language)
             for sentence in sentences(text, language)
             if not _is_heading(sentence.text)}
    named = {word.text for sentence, taken in found.items()
             for match in _capitalised_in(language).finditer(sentence.text)
             for part in _outside(_run_words(match), taken) for word in part if word.start}
    return {sentence: [m for m in taken if m.name or m.last not in named]
            for sentence, taken in found.items()}


def _sentence_names(sentence: str, language: str, known: Callable[[int], bool],
                    written: frozenset[tuple[str, ...]], taken: list[Ministry]
                    ) -> Iterator[tuple[list[_Word], str]]:
    """The names of `sentence` (`_names_of`), each as its words, less the ministers' and
    ministries' words `taken` (`_portfolios`), and with the name of a ministry the text
    writes with a capital as one word."""
    found = [([_Word(m.name, m.start)], "") for m in taken if m.name]
    for match in _capitalised_in(primary(language)).finditer(sentence):
        for run in _at_owners(match):
            for words in _outside(run, taken):
                found += _names_of(words, sentence, language, known, written)
    found.sort(key=lambda name: name[0][0].start)
    yield from _spelt_by_acronyms(found, sentence) if "(" in sentence else found


# An acronym in parentheses after a name ("(BNDES)"), and what may stand between the parts
# of a name that "e", "y", "et", "und" or "and" cut: those words, an article, a particle,
# an elided "d'" or "l'" ("de l'Environnement et de la Maîtrise").
# An acronym is in capitals, with at most one small letter between two of them, which
# a small word of the name gives ("DfT" of "Department for Transport", "KfW").
_ACRONYM_LETTERS = r"[A-ZÀ-ÖØ-Þ](?:[a-z]?[A-ZÀ-ÖØ-Þ]){1,9}"
_ACRONYM = re.compile(r"\s*\((?P<acronym>" + _ACRONYM_LETTERS + r")\)")
_ACRONYM_NAME = re.compile(_ACRONYM_LETTERS)
_ACRONYM_BEFORE = re.compile(r"(?<![\w-])(?P<acronym>" + _ACRONYM_LETTERS + r")\s*\($")
_SMALL_WORD = r"(?-i:[a-zà-öø-ÿ]{1,4})"
_NAME_GAP = re.compile(r"(?:\s+|\s*[dlDL]['\u2019])(?:" + _SMALL_WORD
                       + r"(?:\s+|\s*[dlDL]['\u2019])){0,3}")
_JOINS_NAMES = re.compile(r"(?:\W|^)(?:e|y|et|und|and)(?:\W|$)")
_ACRONYM_WORD = re.compile(r"[^\W\d_][\w-]*")
_ACRONYM_PARTS = 4  # no more names than this are one


def _spelt_by_acronyms(names: list[tuple[list[_Word], str]], sentence: str
                       ) -> list[tuple[list[_Word], str]]:
    """`names` (in the order of `sentence`) with the parts of one name that "e", "y",
    "et", "und" or "and" cut joined when the acronym in parentheses after the last
    spells them all and not the last alone (`_spells`): "Banco Nacional de
    Desenvolvimento Econômico e Social (BNDES)" is one name, "Maria Silva e João Costa
    (PSOL)" two. Those words usually join two names; the acronym is the evidence."""
    out: list[tuple[list[_Word], str]] = []
    for words, how in names:
        out.append((words, how))
        end = words[-1].start + len(words[-1].text)
        if not (_ACRONYM.match(sentence, end) or sentence.startswith(")", end)) \
                or _spelt(sentence, words[0].start, end):
            continue
        for parts in range(2, min(len(out), _ACRONYM_PARTS) + 1):
            start = out[-parts][0][0].start
            gaps = [sentence[before[-1].start + len(before[-1].text):after[0].start]
                    for (before, _), (after, _) in itertools.pairwise(out[-parts:])]
            if not all(_NAME_GAP.fullmatch(gap) for gap in gaps):
                break
            if any(_JOINS_NAMES.search(gap) for gap in gaps) and _spelt(sentence, start, end):
                out[-parts:] = [([_Word(sentence[start:end], start)], "")]
                break
    return out


def _spelt(sentence: str, start: int, end: int) -> bool:
    """Whether the acronym in parentheses after `sentence[start:end]`, or before it when
    it is in parentheses ("o BNDES (Banco Nacional … e Social)"), spells it (`_spells`)."""
    after = _ACRONYM.match(sentence, end)
    before = _ACRONYM_BEFORE.search(sentence, 0, start) \
        if after is None and sentence.startswith(")", end) else None
    acronym = after or before
    return acronym is not None and _spells(_ACRONYM_WORD.findall(sentence[start:end]),
                                           acronym.group("acronym"))


def _folded(text: str) -> str:
    """`text` in capitals without its accents ("É" is "E")."""
    return "".join(c for c in unicodedata.normalize("NFD", text.upper())
                   if not unicodedata.combining(c))


# The heads of bodies' names that end a compound word, whose first letter an acronym
# takes too ("Europäische Zentralbank" is EZB, "Deutsche Bundesbank" DBB).
_COMPOUND_HEAD = re.compile(r"(?<=\w{3})(?:bank|bahn|amt|gericht|verband|ministerium|"
                            r"agentur|behörde|kammer|stiftung|anstalt|dienst|kasse|börse|"
                            r"gesellschaft|versicherung|partei)$")


def _spells(words: list[str], acronym: str) -> bool:
    """Whether `acronym` is the first letters of `words` in order, accents aside: one of
    each capitalised word, and of a small word one or none ("Agence de l'Environnement
    et de la Maîtrise de l'Énergie" is ADEME); a small letter of the acronym only a small
    word's ("Department for Transport" is DfT, not "Department Finance Transport"); and
    a capitalised word may give the first letter of the body's head that ends it too
    (`_COMPOUND_HEAD`: "Europäische Zentralbank" is EZB)."""
    letters = [(_folded(c), c.islower()) for c in acronym]
    spelt = {0}  # how many of the acronym's letters the words so far may give
    for word in words:
        letter, small = _folded(word[0]), not is_capital(word[0])
        first = {n + 1 for n in spelt if n < len(letters) and letters[n][0] == letter
                 and (small or not letters[n][1])}
        head = _COMPOUND_HEAD.search(word) if not small else None
        spelt = first | (spelt if small else set()) | (
            {n + 1 for n in first if n < len(letters)
             and (_folded(head.group()[0]), False) == letters[n]} if head else set())
    return len(letters) in spelt


def _at_owners(match: re.Match[str]) -> list[list[_Word]]:
    """A run's words (`_run_words`), cut after an owner's possessive that a role follows
    ("Acme's Chief Executive Jane Doe" is Acme and the role's person); "Moody's Investors
    Service" stays whole."""
    runs: list[list[_Word]] = [[]]
    owner = False  # whether the word before ends with a possessive
    for word, token in zip(_run_words(match), match.group().split(), strict=True):
        if owner and word.text.lower() in _ROLES:
            runs.append([])
        runs[-1].append(word)
        owner = re.search(r"['\u2019]s[,.]?$", token) is not None
    return runs


def _outside(words: list[_Word], taken: list[Ministry]) -> Iterator[list[_Word]]:
    """The parts of a run of words outside `taken`, without the small words at either
    end ("Imprese Adolfo Urso" less "Imprese" is "Adolfo Urso")."""
    part: list[_Word] = []
    # the first of `taken` (in the order of the sentence) not before `word`
    at = bisect.bisect_right(taken, words[0].start, key=lambda m: m.end) if words else 0
    for word in [*words, None]:
        while word is not None and at < len(taken) and taken[at].end <= word.start:
            at += 1
        if word is not None and not (at < len(taken) and taken[at].start <= word.start):
            part.append(word)
            continue
        while part and not is_capital(part[-1].text[:1]):
            part.pop()
        first = next((n for n, w in enumerate(part) if is_capital(w.text[:1])), len(part))
        if part[first:]:
            yield part[first:]
        part = []


def _names_of(words: list[_Word], sentence: str, language: str,
              known: Callable[[int], bool], written: frozenset[tuple[str, ...]] = frozenset()
              ) -> list[tuple[list[_Word], str]]:
    """The names in a run of capitalised words of `sentence`, read by the rules of its
    `language`, each with how a German name of one word stood ("" for the others:
    `_german_names_in_run`). `written`: a French, Spanish or Italian text's names that
    start with a function word or a particle (`_names_written_within`)."""
    if primary(language) == "de":
        return _german_names_in_run(words, sentence, known)
    start = words[0].start
    if primary(language) in ROMANCE and _dateline_place(words, sentence):
        return []
    after_number = _AFTER_NUMBER.search(sentence, max(0, start - 2), start) is not None
    if primary(language) in ROMANCE:
        names = _romance_names_in_run(words, sentence[:start], primary(language),
                                      after_number, known, written)
    else:
        names = _names_in_run(words, start == 0, after_number, known)
    return [(name, "") for name in names]


# What follows a dateline's place: a date or an agency, then a dash, a hyphen, an en or an
# em dash ("SÃO PAULO --", "SINES, 3 de março de 2025 --", "ROMA (ANSA) --").
_DATELINE_AFTER = re.compile(r"(?:,[^\n\u2013\u2014]{1,40}?|\s*\([^()\n]{1,20}\))?"
                             r"\s+(?:-{1,2}|[\u2013\u2014])\s")


def _dateline_place(words: list[_Word], sentence: str) -> bool:
    """Whether a run of words in capitals opens a sentence as a dateline's place does
    ("SÃO PAULO --", "BRASÍLIA, 3 de março --"): in French, Spanish, Italian and
    Portuguese, a place written so by the dateline, not a name to suggest (the article
    names it elsewhere as it is written). An English text keeps it, as one name with the
    same in mixed case ("HARBOR CITY —" and "Harbor City")."""
    start, last = words[0].start, words[-1]
    return not any(c.isalnum() for c in sentence[:start]) \
        and all(w.text.isupper() for w in words if is_capital(w.text[:1])) \
        and _DATELINE_AFTER.match(sentence, last.start + len(last.text)) is not None


def _names_written_within(text: str, language: str) -> frozenset[tuple[str, ...]]:
    """The names of a French, Spanish or Italian text that start with a function word or
    a particle where nothing but the name capitalises it, as `romancenames.name_start`
    gives them: after a capitalised word of a run ("Marine Le Pen", "Selon Le Monde",
    "Tomás de la Vega"), or opening a run after a word of its sentence ("a déclaré Le
    Pen"; not after a dateline's dash)."""
    found: set[tuple[str, ...]] = set()
    for sentence in sentences(text):
        if _is_heading(sentence.text):
            continue
        for match in _capitalised_in(language).finditer(sentence.text):
            words = [w.text for w in _run_words(match)]
            within = _AFTER_WORD.search(sentence.text, max(0, match.start() - 3),
                                        match.start()) is not None
            for n in range(0 if within else 1, len(words)):
                # A capitalised word, or a particle starting the small words between two
                # ("Tomás de la Vega"; not "Selon la Banque de France").
                if is_capital(words[n][:1]) or (is_capital(words[n - 1][:1])
                                                and is_particle(words[n])):
                    # (a particle, an article and the capitalised word: four at most)
                    start = name_start(words[n:n + 4], language)
                    if start is not None:
                        found.add(start)
                if is_capital(words[n][:1]):
                    found.update(_heads_written(words[n:n + 5], words[n - 1] if n else
                                                sentence.text[:match.start()], language))
    return frozenset(found)


def _heads_written(words: list[str], before: str, language: str
                   ) -> set[tuple[str, ...]]:
    """What a capitalised word written within a sentence (`before` it: its text, or the
    word before in its run) shows of the names that open a sentence with it: the word
    itself, unless an article stands before it ("los Miembros", "le Président": a
    noun's capital), and the name it starts with a particle ("Tomás de la Vega",
    `romancenames.head_start`)."""
    found: set[tuple[str, ...]] = set()
    if not after_article(before, language):
        found.add((words[0],))
    head = head_start(words)
    if head is not None:
        found.add(head)
    return found


def _one_per_case(counts: Counter[str], first: dict[str, Sentence]
                  ) -> tuple[Counter[str], dict[str, Sentence]]:
    """Names that differ only in case as one, under the form written in mixed case (a
    dateline's "HARBOR CITY" is the headline's "Harbor City"), the most frequent if there
    are several. A name written only in capitals stays so: capitals do not tell an acronym
    ("NATO") from words set in capitals, and the form as written is one the article
    holds."""
    forms: dict[str, list[str]] = defaultdict(list)
    for name in first:  # in the order they are first met
        forms[name.casefold()].append(name)
    merged: Counter[str] = Counter()
    merged_first: dict[str, Sentence] = {}
    for names in forms.values():
        mixed = [name for name in names if not name.isupper()] or names
        shown = max(mixed, key=lambda name: counts[name])  # the first met on a tie
        merged[shown] = sum(counts[name] for name in names)
        merged_first[shown] = first[names[0]]
    return merged, merged_first


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether `offset` falls in one of `spans` (sorted and disjoint)."""
    at = bisect.bisect_right(spans, offset, key=lambda span: span[0]) - 1
    return at >= 0 and offset < spans[at][1]


@dataclass(frozen=True)
class _Word:
    text: str  # as it names: without a possessive, a "-based" or end punctuation
    start: int  # its offset in the sentence


def _run_words(match: re.Match[str]) -> list[_Word]:
    words: list[_Word] = []
    for token in re.finditer(r"\S+", match.group()):
        # (The French "M." opening a run, or after a French function word opening it
        # ("Selon M. Roy"), keeps its stop: it is "Monsieur", a title of `_COMMON`, where
        # "M" alone may be a name's: "Groupe M", "George M. Cohan".)
        word = "M." if token.group() == "M." and (not words or (
            len(words) == 1 and is_romance_function_word("fr", words[0].text))) \
            else token.group().strip("'\u2019.-,")
        # "Hangzhou-based" names Hangzhou; a possessive names its owner.
        word = re.sub(r"['\u2019]s$", "", re.sub(r"-[a-z].*$", "", word))
        words.append(_Word(word, match.start() + token.start()))
    return words


_AFTER_DASH = re.compile(r"\s[-\u2013\u2014]\s*$")
_DATELINE_ROOM = 80


def _after_dateline(before: str) -> bool:
    """Whether a run stands after a dateline's dash, which opens a sentence as its start
    does ("MADRID, 3 de marzo de 2025 -- El Gobierno aprobó" names Gobierno): a dash
    (hyphen, en or em) between spaces closing a short text (`before`: the sentence's, up
    to the run) whose first word is in capitals. Another dash is within a sentence ("Lo
    dijo ayer -- La Vanguardia", "-- La Paz y Sucre --")."""
    words = before.split(maxsplit=1)
    first = words[0].strip(",.()") if words else ""
    return len(before) <= _DATELINE_ROOM and len(first) > 1 and first.isupper() \
        and _AFTER_DASH.search(before) is not None


# An elided article or preposition and a noun in small letters, one word ("L'associazione",
# "Dell'assessore", "L'association"): opening a sentence, only the article is capitalised,
# by its place, and the noun names no one ("L'Aquila", "L'Oréal" are names).
_ELIDED_NOUN = re.compile(r"[^\W\d_]{1,4}['\u2019](?-i:[a-zß-öø-ÿ])[\w'\u2019-]*")


def _romance_names_in_run(words: list[_Word], before: str, language: str,
                          after_number: bool, known: Callable[[int], bool],
                          written: frozenset[tuple[str, ...]]) -> list[list[_Word]]:
    """The names in a run of capitalised words of a French, Spanish or Italian sentence,
    read as English (`_names_in_run`) less what its place capitalises (`romancenames`):
    a function word opening a sentence or a quotation ("Selon", "« La"), a function word
    alone (a dateline's "- El"), and a quotation's first word alone ("«Esperamos"). `before`: the
    sentence's text before the run. A run opening with a name the text writes so
    elsewhere (`written`: "Le Pen", "De la Vega") is read from its first word."""
    at_start, quoted = opening(before)
    opens = at_start or quoted or _after_dateline(before)
    texts = [w.text for w in words[:5]]
    head = head_start(texts)
    if opens and (name_start(texts[:4], language) in written or (
            head is not None and (head in written or head[:1] in written))):
        return _names_in_run(words, False, after_number, known)
    if opens and (is_romance_function_word(language, words[0].text)
                  or _ELIDED_NOUN.fullmatch(words[0].text)):
        first = 1
        while first < len(words) and not is_capital(words[first].text[:1]):
            first += 1  # (the small words after it: none is a name's start)
        words, at_start, quoted = words[first:], False, False
    if not words or (len(words) == 1 and is_romance_function_word(language, words[0].text)):
        return []
    names = _names_in_run(words, at_start, after_number, known)
    return [name for name in names if not (quoted and name == [words[0]])]


def _names_in_run(words: list[_Word], at_start: bool, after_number: bool,
                  known: Callable[[int], bool]) -> list[list[_Word]]:
    """The names in a run of capitalised words and the function words between them.

    A unit after a number ("5 GW Northmoor Array") is left out. A job title and what it
    is of ("Minister for Energy Sarah Whitcombe") is a role: only a person named after
    it is a name (`_person_after_role`).
    Otherwise the function words join ("Department for Energy Security"), except after a
    sentence's first word alone, which is capitalised as such ("Shares of Acme" names
    Acme; "Bank of England" stays whole), and `and`, which joins two words or more to
    a public body's name already joined ("Department for Energy Security and Net
    Zero"; "Bank of England and Acme Corp" are two). Nothing joins a known name
    (`known`: whether a word at an offset of the sentence is in one): "Acme for Zenith
    Research" names Zenith Research.
    """
    caps: list[list[_Word]] = [[]]
    links: list[list[_Word]] = []
    for word in words:
        if is_capital(word.text[:1]):
            caps[-1].append(word)
        elif caps[-1]:
            links.append([word])
            caps.append([])
        else:
            links[-1].append(word)  # "the" after a function word: "Bank of the West"
    if after_number and _UNIT_WORD.fullmatch(caps[0][0].text):
        caps[0].pop(0)
        at_start = False
    lead = {w.text.lower() for w in caps[0]}
    if links and lead & _ROLES and lead <= _ROLES | _COMMON:
        return _person_after_role(caps[-1], known)
    names: list[list[_Word]] = []
    current, joined = _trimmed(caps[0], end=False), False
    at_start = at_start and len(current) == len(caps[0])
    for link, after in zip(links, caps[1:], strict=True):
        joiner = link[0].text
        alone_at_start = at_start and not names and len(current) == 1 \
            and current[0].text.lower() not in _INSTITUTIONS \
            and current[0].text not in ORGANISATION_HEADS
        if current and not known(current[0].start) and not known(after[0].start) and (
                joiner == "&" or (joiner != "and" and not alone_at_start)
                or (joiner == "and" and joined and len(after) >= 2
                    and current[0].text.lower() in _BODIES)):
            current, joined = [*current, *link, *after], True
        else:
            names.append(current)
            current, joined = after, False
    names.append(current)
    trimmed = [_trimmed(name) for name in names]
    return [name for n, name in enumerate(trimmed) if _is_name_run(name, at_start and n == 0)]


# The words of `_COMMON` that name a people or a region, which a body's name may open
# with ("European Central Bank", "British Museum").
_DEMONYMS = frozenset({"chinese", "american", "european", "western", "eastern", "asian",
                       "russian", "british"})


def _heads_a_body(words: list[_Word]) -> bool:
    """Whether `words` open with a demonym that is the first word of a body's or a place's
    name ("European Central Bank", "European Union"), not an adjective before a name
    ("Chinese President Xi Jinping", "British Airways" aside)."""
    return len(words) >= 2 and words[0].text.lower() in _DEMONYMS \
        and words[-1].text.lower() in _INSTITUTIONS | _PLACE_HEADS | {"commission", "parliament"}


def _person_after_role(words: list[_Word], known: Callable[[int], bool]
                       ) -> list[list[_Word]]:
    """The person named after a role, from the capitalised words after its last function
    word: all that follows the role's object when the object is portfolio words or a known
    name and two words or more follow it ("Minister for Energy Mary Anne Whitcombe",
    "Chief Executive of Acme Jens Stoltenberg Olsen", with Acme known); else the last two
    words, when three or more are there ("Governor of New York Kathy Hochul": the object
    may be two words, a name seldom three); else none."""
    end = 0
    while end < len(words) and (words[end].text.lower() in _PORTFOLIOS
                                or known(words[end].start)):
        end += 1
    if end and len(words) - end >= 2:
        return [words[end:]]
    return [words[-2:]] if len(words) >= 3 else []


def _trimmed(words: list[_Word], *, end: bool = True) -> list[_Word]:
    """Without the common words at its start ("The") and, unless `end` is false, at its
    end ("Monday"); without a title at its start when two words or more follow it
    ("Prime Minister Jens Stoltenberg", "Secretary General Antonio Guterres")."""
    first, last = 0, len(words)
    while first < last and words[first].text.lower() in _COMMON \
            and not _heads_a_body(words[first:last]):
        first += 1
    first = title = _past_officer(words, first)
    while title < last and (words[title].text.lower() in _TITLES or (
            title > first and words[title].text.lower() == "general")):
        title = _past_officer(words, title + 1)
        # ("General" only after a title: "General Motors" is a name)
    if title > first and last - title >= 2:
        first = title
    while end and last > first and words[last - 1].text.lower() in _COMMON:
        last -= 1
    return words[first:last]


def _past_officer(words: list[_Word], at: int) -> int:
    """Past the "Officer" of a chief's title when a "Chief" before `at` starts one of
    five words at most ("Chief Financial Officer", "Chief Information Security
    Officer"); else `at`."""
    chief = next((n for n in range(at - 1, -1, -1) if words[n].text.lower() == "chief"), None)
    if chief is None:
        return at
    return next((n + 1 for n in range(at, min(chief + 4, len(words)))
                 if words[n].text.lower() == "officer"), at)


def _is_name_run(words: list[_Word], at_start: bool) -> bool:
    if len(words) != 1:
        return bool(words)
    word = words[0].text
    return not (at_start or len(word) < 2 or word.lower() in _COMMON
                or word.lower() in _INSTITUTIONS or _UNIT_WORD.fullmatch(word))


# --- names in a German article -----------------------------------------------------------

def _german_names_in_run(words: list[_Word], sentence: str, known: Callable[[int], bool]
                         ) -> list[tuple[list[_Word], str]]:
    """The names in a run of capitalised words of a German sentence, each with how a
    name of one word stood ("" for a longer one): "role" after a title, a role or a noun
    in apposition ("Herr Haberland", "den Standort Dresden"), "det" after a determiner
    ("die Aktie"), "bare" otherwise (`germannames` says why). The run is cut at every
    small word but a particle of a name ("Banco de España") after words that may be a
    name, and an article after a body's head ("Verband der Automobilindustrie"); the
    sentence's first word alone is passed over, as in English."""
    segments: list[list[_Word]] = [[]]
    link: list[_Word] = []
    for n, word in enumerate(words):
        if not is_capital(word.text[:1]):
            link.append(word)
            continue
        if link and not _joins_name(link, segments[-1], word, sentence, known) \
                and not (n == len(words) - 1
                         and _joins_surname(link, segments[-1], word, sentence, known)):
            segments.append([])
        segments[-1].extend([*link, word] if link and segments[-1] else [word])
        link = []
    found = [_german_name(segment, sentence) for segment in segments if segment]
    return [name for name in found if name is not None]


def _joins_name(link: list[_Word], current: list[_Word], word: _Word, sentence: str,
               known: Callable[[int], bool]) -> bool:
    """Whether the small words `link` between the capitalised words `current` and `word`
    make them one name: one particle of a name after words that may be a name ("Banco de
    España"), or one article after a body's head ("Verband der Automobilindustrie")."""
    if len(link) != 1 or not current or known(word.start):
        return False
    small = link[0].text
    if small in GENITIVES and is_body(current[-1].text):
        return True
    return small in PARTICLES and not after_determiner(sentence[:current[0].start]) \
        and not any(_german_role(w.text) or is_common_noun(w.text) or is_function_word(w.text)
                    for w in current)


def _joins_surname(link: list[_Word], current: list[_Word], word: _Word, sentence: str,
                   known: Callable[[int], bool]) -> bool:
    """Whether a particle and its article (`link`) join a first name (`current`, one
    word that may be a name) and the run's last word into a person's name ("Ursula von
    der Leyen"): not a body, a role, an ordinary noun or an acronym after them ("von
    der Bundesbank", "von der Gewerkschaft", "von der Regierung", "von der EZB")."""
    # (the words before the first name are its titles and roles: "EU-Kommissionspräsidentin
    # Ursula von der Leyen", "Dr. Ursula von der Leyen")
    while len(current) > 1 and _german_role(current[0].text):
        current = current[1:]
    if [w.text for w in link] not in (["von", "der"], ["van", "der"], ["van", "den"]) \
            or len(current) != 1:
        return False
    return _joins_name(link[:1], current, current[0], sentence, known) \
        and not known(word.start) and noun_shaped(word.text) and not (
            is_body(word.text) or is_common_noun(word.text) or _german_role(word.text))


def _german_name(words: list[_Word], sentence: str) -> tuple[list[_Word], str] | None:
    """The name in a run of capitalised words joined only by a name's particles: less
    the words capitalised at a sentence's start, the titles and roles before the name
    and a noun after a determiner that is no adjective ("den Standort Dresden", not
    "der Frankfurter Börse"), what follows a company's legal form ("AG", "GmbH"), and the
    ordinary nouns at either end (`_german_names_in_run` says what comes with it)."""
    first, last = 0, len(words)
    while first < last and (is_function_word(words[first].text) or (
            words[first].text.lower() in _COMMON and not _german_role(words[first].text))):
        first += 1  # (a title is no common word here: "Dr. Weber" names Weber after it)
    roles = [n for n in range(first, last - 1) if _german_role(words[n].text)]
    after_role = bool(roles)
    if roles:
        first = roles[-1] + 1
    elif last - first >= 2 and after_determiner(sentence[:words[first].start]) \
            and not re.search(r"(?:e|en|er|es|em)$", words[first].text) \
            and not is_body(words[first].text):
        first, after_role = first + 1, True
    suffix = next((n for n in range(first, last - 1) if is_company_suffix(words[n].text)),
                  None)
    if suffix is not None:  # "Kramer Antriebe GmbH" ends there
        last = suffix + 1
    while last > first and (is_common_noun(words[last - 1].text)
                            or is_function_word(words[last - 1].text)):
        last -= 1
    while first < last and is_common_noun(words[first].text):
        first += 1
    if first < last - 1 and len(words[first].text) == 1 \
            and re.search(r"\ba\.\s?$", sentence[:words[first].start]):
        first += 1  # (the "D." of a former office's "a. D.": "Bundeskanzler a. D. Gerhard")
    name = words[first:last]
    if len(name) != 1:
        return (name, "") if name else None
    word = name[0]
    if word.start == 0 or len(word.text) < 2 or _UNIT_WORD.fullmatch(word.text) \
            or _german_role(word.text):  # (a title alone: "Prof. Dr. med. Anna Weber")
        return None
    how = "role" if after_role else "det" if after_determiner(sentence[:word.start]) \
        else "bare"
    return name, how


def _said(name: str, before: int) -> str:
    """The last word of a name said to speak, from `_ATTRIBUTED`'s `name` (its words
    after the verb when `before` is 0, before it otherwise), which may run on across
    the end of a sentence an initial does not end ("Demir. Die Gewerkschaft")."""
    pieces = re.split(r"\.\s", name)
    return (pieces[-1] if before else pieces[0]).split()[-1].rstrip(".")


def _german_speakers(quotes: tuple[QuoteFound, ...], text: str) -> tuple[QuoteFound, ...]:
    """The quotations of a German article, each new speaker's name less the titles and
    roles before it, as its new name has them ("sagte Konzernchef Jörg Haberland" is
    Jörg Haberland's)."""
    out = []
    for quote in quotes:
        # ("med." or "a." may end a sentence within the name)
        name = _after_degrees(quote.speaker_name or "", _from_sentence(quote, text))
        words = name.split()
        start = 0
        while start < len(words) - 1 and (is_function_word(words[start])
                                          or _german_role(words[start])):
            start += 1
        kept = " ".join(words[start:]) or None  # (no speaker stays None, not "")
        out.append(replace(quote, speaker_name=kept) if kept != quote.speaker_name else quote)
    return tuple(out)


def _from_sentence(quote: QuoteFound, text: str) -> str:
    """The line of `text` holding the quotation, from its sentence on."""
    return text.split("\n")[quote.sentence.line - 1][quote.sentence.col:]


# The small abbreviations of a degree or an office after a title ("Dr. med.", "Dr. rer.
# nat.", "Prof. Dr. h. c.", "Bundeskanzler a. D."), which end a run of capitalised words.
_DEGREES = r"\.?(?:\s*(?:[a-zäöü]{1,5}|[A-Z])\.)*\s+"


def _after_degrees(name: str, line: str) -> str:
    """A speaker's name that is titles and roles only ("Prof. Dr." of "sagte Prof. Dr.
    med. Anna Weber") and the name after the abbreviations that ended it; `name` as it is
    otherwise."""
    if not name or not all(_german_role(w.rstrip(".")) for w in name.split()):
        return name
    match = re.search(r"(?<![\w-])" + re.escape(name) + _DEGREES + _NAME, line)
    return f"{name} {match.group('name').rstrip('.,')}" if match else name


_GERMAN_SURNAME = re.compile(r"(?P<first>\S+) (?P<surname>(?:von|van) (?:der|den) \S+)")


def _german_surnames(counts: Counter[str], first: dict[str, Sentence], text: str
                     ) -> tuple[Counter[str], dict[str, Sentence]]:
    """The names of a German article and the surnames with a particle of its people
    ("Ursula von der Leyen"), counted where they stand without the first name ("von der
    Leyen sagte", "Von der Leyen sagte"), so that they become the person's alias; only
    the person's name gives one ("von der Bundesbank" is none)."""
    counts, first = Counter(counts), dict(first)
    for name in list(counts):
        match = _GERMAN_SURNAME.fullmatch(name)
        if match is None:
            continue
        given, surname = match.group("first"), match.group("surname")
        alone = re.compile(r"(?<![\w-])(?i:" + re.escape(surname[0]) + ")"
                           + re.escape(surname[1:]) + WORD_END)
        for sentence in sentences(text, "de"):
            for found in alone.finditer(sentence.text):
                if not sentence.text[:found.start()].endswith(given + " "):
                    counts[found.group()] += 1
                    first.setdefault(found.group(), sentence)
    return counts, first


def _german_role(word: str) -> bool:
    return is_role(word) or word.lower() in _TITLES


def _german_evidence(counts: Counter[str], seen: Mapping[str, Counter[str]], text: str
                     ) -> Counter[str]:
    """The names of a German article less each word alone that shows no sign of a name:
    a word written as no German noun is ("IBM", "DeepSeek", "H800") is one; a word after
    a determiner is a noun; any other is a name when it follows a title, a role or a noun
    in apposition ("Herr Haberland"), is said to speak or be the source ("laut
    Nordpress", "sagte Lindqvist"), is the last word of a person's name the article
    gives ("Jörg Haberland"), or stands without an article twice or more ("in Dresden",
    "für Dresden")."""
    said = {_said(match.group("name"), n) for sentence in sentences(text, "de")
            for n, pattern in enumerate(_ATTRIBUTED) for match in pattern.finditer(sentence.text)}
    surnames = {name.split()[-1] for name in counts if _person_like(name)}
    kept: Counter[str] = Counter()
    for name, count in counts.items():
        how = seen[name]
        if " " in name or not noun_shaped(name) or (not how["det"] and (
                how["role"] or name in said or name in surnames or how["bare"] >= 2)):
            kept[name] = count
    return kept


# --- a surname alone ------------------------------------------------------------------

# Last words of the names of places and organisations, which no person's surname is
# taken to be ("Harbor City" then "City").
_PLACE_HEADS = _INSTITUTIONS | frozenset({
    "airport", "association", "bay", "bridge", "centre", "center", "city", "club", "co",
    "college", "corp", "corporation", "county", "foundation", "hall", "holdings",
    "hospital", "inc", "island", "labs", "lake", "ltd", "news", "park", "partners",
    "party", "plc", "post", "research", "river", "road", "school", "square", "state",
    "station", "street", "times", "union", "valley"})


def _person_like(name: str) -> bool:
    """Two or three capitalised words, none in capitals only, and not ending as a place
    or an organisation does: "Lena Marsh", not "Bank of England" or "Harbor City"."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(
        is_capital(w[0]) and any(c.islower() for c in w) and not any(c.isdigit() for c in w)
        for w in words) and words[-1].lower() not in _PLACE_HEADS


def surname_owners(people: Iterable[EntityFound]) -> dict[str, EntityFound]:
    """Each surname of a person-like name (`_surnames`) to the person so named, when
    only one of `people` ends with it: "Marsh" alone after "Lena Marsh" is that person,
    and after "Lena Marsh" and "Tom Marsh" it could be either."""
    owners: dict[str, dict[str, EntityFound]] = defaultdict(dict)
    for person in people:
        for surname in _surnames(person.name):
            owners[surname][person.id] = person
    return {word: next(iter(ids.values())) for word, ids in owners.items() if len(ids) == 1}


def head_owners(names: Iterable[EntityFound]) -> dict[str, EntityFound]:
    """The first word of each name of two words or more that starts with an
    organisation's head (`ORGANISATION_HEADS`: "Confederación" of "Confederación
    Hidrográfica del Valdemora") to that name, when only one of `names` starts with it:
    after two ("Confederación Hidrográfica del Ebro" too), either may be meant."""
    owners: dict[str, dict[str, EntityFound]] = defaultdict(dict)
    for found in names:
        words = found.name.split()
        if len(words) > 1 and words[0] in ORGANISATION_HEADS:
            owners[words[0]][found.id] = found
    return {word: next(iter(ids.values())) for word, ids in owners.items() if len(ids) == 1}


# The articles that start surnames, written with a capital ("Le Pen", "La Russa", "Lo
# Presti", "Dal Pozzo"), and those that may follow a particle ("de la Vega", "van der
# Berg").
_SURNAME_ARTICLES = frozenset({"Le", "La", "Lo", "El", "Dal", "Dalla"})
_PARTICLE_ARTICLES = frozenset({"la", "las", "los", "der", "den"})


def _surnames(name: str) -> list[str]:
    """The surnames a person's name may be written with alone: the last word of a
    person-like name (`_person_like`), and after one or two first names the particle or
    article that starts a surname with the rest ("Le Pen" of "Marine Le Pen", "De Luca"
    of "Anna Maria De Luca", "De la Vega" of "Tomás de la Vega"), capitalised as a
    sentence's start or a surname alone writes it."""
    words = name.split()
    found = [words[-1]] if _person_like(name) else []
    for first in (1, 2):
        rest = words[first:]
        if 2 <= len(rest) <= 3 and all(is_capital(w[0]) for w in (*words[:first], rest[-1])) \
                and (is_particle(rest[0]) or rest[0] in _SURNAME_ARTICLES) \
                and (len(rest) == 2 or rest[1] in _PARTICLE_ARTICLES) \
                and rest[-1].lower() not in _PLACE_HEADS:
            surname = " ".join(rest)
            # (and as a German text writes it within a sentence: "von der Leyen")
            return [*found, *dict.fromkeys((surname[0].upper() + surname[1:], surname))]
    return found


def _owner(name: str | None, sentence: Sentence, owners: Mapping[str, EntityFound]
           ) -> EntityFound | None:
    """The person a surname alone in `sentence` is taken for: one named in full at or
    before it (before the full name, it may be someone else's)."""
    owner = owners.get(name or "")
    if owner is None or (owner.sentence.line, owner.sentence.col) > (sentence.line,
                                                                      sentence.col):
        return None
    return owner


def _with_initial_surnames(new_names: tuple[EntityFound, ...], text: str,
                           entities: Iterable[Entity], owners: Mapping[str, EntityFound],
                           language: str = "") -> tuple[EntityFound, ...]:
    """The new names and each surname alone that opens a sentence (`find_new_names`
    passes over a sentence's first word: every sentence starts with a capital) when it has
    an owner there (`_owner`), counted with the same surname found elsewhere, so that
    `_fold_surnames` folds it. Only a word standing alone is one ("Marsh Lane", "Marsh of
    Kent" and "Marsh-Smith" are other names, and in Portuguese "Santos do Sindicato");
    a name or alias of entities.yml is its own. `language`: the text's primary
    subtag."""
    entities = tuple(entities)
    names, ids = _name_owner(entities), {e.id for e in entities}
    counts: Counter[str] = Counter()
    first: dict[str, Sentence] = {}
    for sentence in sentences(text):
        match = _capitalised_in(language).match(sentence.text)
        if match is None or _is_heading(sentence.text):
            continue
        # The whole run of capitalised words (and the function words joining them) must be
        # the surname: "Marsh Lane" and "Marsh of Kent" are not Marsh.
        word = re.sub(r"['\u2019]s$", "", match.group().rstrip("'\u2019.,"))
        # What find_new_names leaves out elsewhere in a sentence is left out here too, and
        # what it finds at a sentence's start already ("Le Pen", "Van Buren") is not
        # counted twice.
        if " " in word or word in names or _slug_known(word, ids, language) \
                or not _is_name_run([_Word(word, 0)], False) \
                or _owner(word, sentence, owners) is None:
            continue
        counts[word] += 1
        first.setdefault(word, sentence)
    elsewhere = {e.name: e for e in new_names}
    added = []
    for word, count in counts.items():
        found = elsewhere.get(word)
        if found is None:
            added.append(EntityFound(slugify(word, language=language), word, count,
                                     first[word]))
        elif _owner(word, found.sentence, owners) is not None:  # else not folded: as it was
            elsewhere[word] = replace(found, count=found.count + count)
    return (*elsewhere.values(), *added)


def _fold_surnames(new_names: tuple[EntityFound, ...], owners: Mapping[str, EntityFound],
                   known: frozenset[str]
                   ) -> tuple[tuple[EntityFound, ...], tuple[tuple[str, str], ...]]:
    """The new names less each surname alone that has an owner (`_owner`): folded into
    a new name as its alias, or, for a known person (id in `known`), listed as
    (surname, id)."""
    folded: dict[str, list[EntityFound]] = defaultdict(list)  # owner id -> its surnames
    surnames: list[tuple[str, str]] = []
    for entity in new_names:
        owner = _owner(entity.name, entity.sentence, owners)
        if owner is not None:
            folded[owner.id].append(entity)
            if owner.id in known:
                surnames.append((entity.name, owner.id))
    gone = {e.id for surnames_of in folded.values() for e in surnames_of}
    kept = [replace(e, count=e.count + sum(a.count for a in folded[e.id]),
                    aliases=tuple(a.name for a in folded[e.id])) if e.id in folded else e
            for e in new_names if e.id not in gone]
    return tuple(sorted(kept, key=lambda e: (-e.count, e.name))), tuple(surnames)


# A speaker's name and the particle, its article and the capitalised words after it
# ("añadió Tomás de la Vega", "sagte Ursula von der Leyen", "a dit Paul Garnier de la CGT").
# A particle and its article, between a name's first word and its last ("de la").
_PARTICLE_HEAD = (r"(?:de|du|des|da|di|del|della|dos|das|van|von|der|den)"
                  r"(?:\s+(?:la|las|los|le|der|den))?")
_PARTICLE_TAIL = r"\s+(?P<tail>" + _PARTICLE_HEAD + r"(?:\s+" + _NAME_WORD + r")+)"


def _particle_speakers(quotes: tuple[QuoteFound, ...], new_names: tuple[EntityFound, ...],
                       known: tuple[EntityFound, ...], entities: tuple[Entity, ...],
                       text: str, language: str = "") -> tuple[QuoteFound, ...]:
    """Quotes whose new speaker's name goes on with a particle in small letters ("Tomás"
    of "añadió Tomás de la Vega") given the whole name (`_particle_name`), and those
    whose speaker is the last word of a known person or a new name so written before it
    ("Vega" of "Tomás de la Vega dijo:", `_head_name`)."""
    people = {e.name: e.id for e in entities if e.kind == "person"}
    names = {e.name for e in new_names}
    surnames = {n.split()[-1] for n in (*names, *(e.name for e in known if e.name in people))
                if _person_like(n)}
    aliases = {a: e.id for e in new_names for a in e.aliases if " " in a}
    out = []
    for quote in quotes:
        whole = next((n for n in (_particle_name(quote, text, surnames, language),
                                  _head_name(quote))
                      if n in people or n in names), None) if quote.speaker_name else None
        alias = _particle_alias(quote, aliases)
        if alias is not None:  # "Von der Leyen sagte", which gave "Leyen"
            out.append(replace(quote, speaker_name=alias, speaker_new=aliases[alias]))
        elif whole in people:
            out.append(replace(quote, speaker_id=people[whole], speaker_name=None))
        elif whole in names:
            out.append(replace(quote, speaker_name=whole))
        else:
            out.append(quote)
    return tuple(out)


def _particle_alias(quote: QuoteFound, aliases: Mapping[str, str]) -> str | None:
    """The surname with a particle, a new name's alias, that a speaker's one word is
    part of in its sentence ("Leyen" of "Von der Leyen sagte", "De" of "añadió De la
    Vega")."""
    name = quote.speaker_name or ""
    if quote.speaker_id or not name or " " in name:
        return None
    for alias in aliases:
        if name in alias.split() and re.search(
                r"(?<![\w-])" + re.escape(alias) + WORD_END, quote.sentence.text):
            return alias
    return None


def _particle_name(quote: QuoteFound, text: str, surnames: set[str], language: str = ""
                   ) -> str | None:
    """The speaker's whole name when the particle is the name's, not "of" ("Paul Garnier
    de la CGT", "Schmidt von der Bundesbank"): no word after it is in capitals only, and
    the speaker is one word, no person's surname in the article (a first name: "Tomás",
    not the "Rossi" of "Paolo Rossi" in "Rossi della Fiom"), or the text writes the
    surname with its particle without the rest ("De la Vega pidió"). In Portuguese
    (`language`), whose names go on with particles after two words or more ("Marcelo
    Rebelo de Sousa", "Ana Lopes da Silva"), a speaker of two words or more too, unless
    an organisation's head follows ("João Costa do Sindicato")."""
    name = quote.speaker_name or ""
    # (an abbreviation may end a sentence within a name: "Prof. Dr. med. Ursula von der
    # Leyen")
    match = re.search(r"(?<![\w-])" + re.escape(name) + _PARTICLE_TAIL,
                      _from_sentence(quote, text))
    if match is None:
        return None
    tail = match.group("tail").rstrip(".,'\u2019")
    if any(w.isupper() for w in tail.split() if is_capital(w[:1])):
        return None
    whole = f"{name} {tail}"
    if " " not in name and name not in surnames:
        return whole
    if " " in name and primary(language) == "pt" \
            and not ORGANISATION_HEADS.intersection(tail.split()):
        return whole
    surname = re.compile(r"(?<![\w-])(?i:" + re.escape(tail[0]) + ")" + re.escape(tail[1:])
                         + WORD_END)
    return whole if len(surname.findall(text)) > text.count(whole) else None


def _head_name(quote: QuoteFound) -> str | None:
    """The name a one-word speaker ends in its sentence, a capitalised word and a
    particle in small letters before it ("Tomás de la Vega" of "Vega" in "Tomás de la
    Vega dijo:"); whether it is a name is the caller's to tell."""
    name = quote.speaker_name or ""
    if quote.speaker_id or not name or " " in name:
        return None
    match = re.search(r"(?<![\w'\u2019-])" + _NAME_WORD + r"\s+" + _PARTICLE_HEAD + r"\s+"
                      + re.escape(name) + WORD_END, quote.sentence.text)
    return " ".join(match.group().split()) if match else None


def _surname_speakers(quotes: tuple[QuoteFound, ...], owners: Mapping[str, EntityFound],
                      known: frozenset[str]) -> tuple[QuoteFound, ...]:
    """Quotes whose speaker is a surname alone given its owner (`_owner`): a known
    person as the speaker, a new name as the entity to add first."""
    out = []
    for quote in quotes:
        owner = None if quote.speaker_id else _owner(quote.speaker_name, quote.sentence,
                                                     owners)
        if owner is None:
            out.append(quote)
        elif owner.id in known:
            out.append(replace(quote, speaker_id=owner.id, speaker_name=None))
        else:
            out.append(replace(quote, speaker_new=owner.id))
    return tuple(out)


def _is_heading(line: str) -> bool:
    """A short line without closing punctuation: a section heading, or page furniture."""
    words, end = len(line.split()), line.rstrip()[-1:]
    return (words <= 8 and end not in '.!?"\u201d') or (words <= 4 and end == "?")


# --- quotations --------------------------------------------------------------------------

# Opening marks follow a space or the start; a closing mark is not followed by a small
# letter or digit, so the apostrophes of "DeepSeek's" never open or close a quotation
# (a capital may follow: "purposes.'Meanwhile" runs two sentences together).
_QUOTED = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[\u2014\u2013-]))(?:"
    r"\"(?P<d>[^\"\n]{2,800}?)\""
    r"|\u201c(?P<c>[^\u201d\n]{2,800}?)\u201d"
    r"|'(?P<s>\S[^\n]{0,800}?[^\s])'(?![a-z0-9])"
    r"|\u2018(?P<cs>\S[^\n]{0,800}?[^\s])\u2019(?![a-z0-9]))"
    # Marks no apostrophe is written with may open anywhere: French «…» and German „…“
    # and »…«, Chinese and Japanese 「…」 and 『…』 (after a colon, with no space).
    r"|\u00ab\s?(?P<g>[^\u00bb\n]{2,800}?)\s?\u00bb|\u00bb(?P<rg>[^\u00ab\n]{2,800}?)\u00ab"
    r"|\u201e(?P<low>[^\u201c\u201d\n]{2,800}?)[\u201c\u201d]"
    r"|\u300c(?P<cj>[^\u300d\n]{1,800}?)\u300d|\u300e(?P<cjd>[^\u300f\n]{1,800}?)\u300f")
# Verbs of saying, and those of the press in German, French, Spanish, Italian and
# Portuguese ("„…“, sagte Müller", "« … », a déclaré Claire Duvivier", "«…», dijo", "“…”,
# afirmou"); `briefing new` does not know a text's language, and none of these is an
# English word before a name. Portuguese's are those no other of these languages writes
# (the simple past the press reports with, "diz", "acrescenta", "sublinha"; not "afirma",
# "declara", "explica", Spanish words too).
_GERMAN_VERB_WORDS = (r"sagte|sagt|sagten|erklärte|erklärt|betonte|betont|warnte|warnt|"
                      r"meinte|kritisierte")
_PORTUGUESE_VERB_WORDS = (
    r"disse|disseram|diz|dizem|afirmou|afirmaram|declarou|declararam|explicou|acrescentou|"
    r"acrescenta|sublinhou|sublinha|salientou|ressaltou|destacou|garantiu|assegurou|"
    r"adiantou|frisou|alertou|advertiu|comentou|referiu|defendeu|lembrou|observou|"
    r"escreveu")
# Italian's, in the compound past and the present ("ha aggiunto", "hanno ribadito",
# "afferma"); "dice", "spiega" and "precisa" (Spanish too) are listed below.
_ITALIAN_VERB_WORDS = (
    r"(?:ha|hanno)\s+(?:detto|dichiarato|spiegato|affermato|aggiunto|sottolineato|"
    r"precisato|assicurato|sostenuto|commentato|ribadito|osservato|avvertito|replicato|"
    r"scritto)|afferma|dichiara|sottolinea|aggiunge|assicura|sostiene|commenta|avverte|"
    r"scrive")
_VERB_WORDS = (r"said|says|stated|states|added|adds|wrote|writes|noted|notes|explained|"
               r"argued|argues|warned|warns|responded|replied|told|tells|declared|insisted|"
               r"claimed|claims|remarked|posted|tweeted|" + _GERMAN_VERB_WORDS +
               r"|(?:a|ont)\s+(?:déclaré|dit|affirmé|expliqué|souligné|ajouté|"
               r"assuré|estimé|averti|indiqué|précisé|rappelé|soutenu|confié|insisté|"
               r"répondu|répliqué|reconnu|raconté|lancé|martelé|fait\s+valoir)"
               r"|déclare|affirme|explique|souligne|ajoute|estime|indique|rappelle|"
               r"soutient|insiste|confie|répond|réplique|reconnaît|raconte|fait\s+valoir|"
               r"dijo|afirmó|declaró|explicó|aseguró|señaló|añadió|advirtió|"
               r"dice|spiega|precisa|" + _ITALIAN_VERB_WORDS + "|" + _PORTUGUESE_VERB_WORDS)
_VERBS = "(?:" + _VERB_WORDS + ")"
_NAME = r"(?P<name>" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r")*)"
# An organisation's head (`ORGANISATION_HEADS`), and the particles its name goes on with.
_HEADS = r"(?:" + "|".join(sorted(ORGANISATION_HEADS)) + r")"
_OF = r"(?:de|do|da|dos|das|del|della|di|du|des)"
# A party or an affiliation in parentheses between a name and its verb: "Paulo Nogueira
# (PSOL) disse", "Ana Pastor (PP) dijo", "Elly Schlein (Pd) ha detto".
_AFFILIATION = r"(?:\s+\([^()\n]{1,40}\))?"
_SAID_NAME = re.compile(r"^[\s,.;:!?]*" + _VERBS + r"\s+(?:by\s+)?" + _NAME)
_NAME_SAID = re.compile(r"^[\s,.;:!?]*" + _NAME + _AFFILIATION + r"\s+" + _VERBS + r"\b")
# A German role after an article, then the name ("sagte die Bundeskanzlerin Angela
# Merkel", "sagte der frühere Bundeskanzler Gerhard Schröder", "sagte die Bundeskanzlerin
# a. D. Angela Merkel", "sagte die Agentur Reuters", "so die Landesrätin, Anna Berger"):
# the speaker when `role` is one (`is_role`), not "die Zeitung"; a role alone ("sagte die
# Sprecherin.") names none.
_SAID_ARTICLE_ROLE = re.compile(
    r"^[\s,.;:!?]*(?:" + _GERMAN_VERB_WORDS + r"|so)\s+(?:der|die|das|den|dem)\s+"
    r"(?:[a-zäöüß]+(?:e|en|er|es|em)\s+)?"
    r"(?P<role>" + _NAME_WORD + r")(?:\s+a\.\s?D\.)?,?\s+" + _NAME)
# A role after an article, in English, Spanish, French or Italian, then the person
# ("said the mayor of Soriana, Mateo Quiroga", "dijo el alcalde Mateo Quiroga", "explicó la
# directora del estudio, Carmen Etxeberria", "a déclaré l'ancien maire, Paul Garnier",
# "ha detto il sindaco di Soriana, Mateo Quiroga"): the role's words, the last in small
# letters ("the Labour leader", "le Premier ministre"), then what it is of, up to
# a comma ("of Soriana", "de la Confederación Hidrográfica del Valdemora"), then the
# names listed after it (`_role_speaker`). Not "told", whose object is who was told.
_ROLE_ARTICLE = r"(?:(?:the|el|la|los|las|le|les|il|lo|i|gli)\s+|l['\u2019])"
_ROLE_OF = (r"(?:of|for|at|de|del|des|du|d['\u2019]|di|dell['\u2019]|della|dello|delle|dei|"
            r"degli)")
_ROLE_WORD = r"(?!" + _ROLE_OF + r"\b)[^\W\d_][\w'\u2019-]*"
# A time, or the press the words are said to, between the verb and the role ("dijo ayer el
# alcalde", "dijo a los periodistas el alcalde", "a déclaré lundi soir le maire", "ha
# detto ai giornalisti il sindaco", "said on Monday the mayor"): a short list, so that no
# one the words are said to is taken for the role ("dijo a la ministra, Teresa Ribera" is
# said to her, and gives none).
_WEEKDAYS = ("lunes|martes|miércoles|jueves|viernes|sábado|domingo|lundi|mardi|mercredi|"
             "jeudi|vendredi|samedi|dimanche|lunedì|martedì|mercoledì|giovedì|venerdì|"
             "sabato|domenica|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")
_WHEN = (r"(?:yesterday|today|on\s+(?:" + _WEEKDAYS + r")|ayer|hoy|anoche|anteayer|"
         r"(?:este|el|ce)\s+(?:" + _WEEKDAYS + r")|hier|aujourd['\u2019]hui|ieri|oggi|"
         r"stamattina|stamani|stasera|" + _WEEKDAYS + r")(?:\s+(?:por\s+la\s+)?(?:mañana|"
         r"tarde|noche|matin|soir|mattina|pomeriggio|sera|morning|afternoon|evening))?")
_TO_WHOM = (r"(?:to\s+(?:reporters|journalists)|a\s+(?:los\s+periodistas|los\s+medios|"
            r"la\s+prensa|este\s+diario)|aux\s+journalistes|à\s+la\s+presse|"
            r"ai\s+(?:giornalisti|cronisti)|alla\s+stampa)")


def _said_to(verbs: str) -> str:
    """A verb of saying (`verbs`) and the time or the press it is said to, if any: what
    the words of a role, a minister or a body follow."""
    return (r"^[\s,.;:!?]*(?!told\b|tells\b)" + verbs + r"\s+"
            + r"(?:(?:" + _WHEN + "|" + _TO_WHOM + r")\s+){0,2}")


def _said_the_role(verbs: str, article: str, of: str) -> str:
    """A verb of saying, its article and a role, what the role is of up to a comma, then
    a capital: in the words of one language or of several (`verbs`, `article`, `of`)."""
    word = r"(?!" + of + r"\b)[^\W\d_][\w'\u2019-]*"
    return (
        _said_to(verbs) + article
        + r"(?P<role>(?:" + word + r"\s+){0,3}?(?!" + of
        + r"\b)(?-i:[a-zß-öø-ÿ])[\w'\u2019-]*)"
        + r"(?:\s+" + of + r"\s*[^,;:!?\u00ab\u00bb\"\u201c\u201d]{1,80}?,|,?)\s+"
        + r"(?=" + CAPITAL_CLASS + r")")


_SAID_THE_ROLE = re.compile(_said_the_role(_VERBS, _ROLE_ARTICLE, _ROLE_OF))
# "According to" before a role read so after a quotation ("», selon le porte-parole
# d'Hydro-Québec, Max Roe", "», según la portavoz del ministerio, Ana Roe").
_ACCORDING_THE_ROLE = re.compile(_said_the_role(
    r"(?:according\s+to|selon|d['\u2019]après|según|secondo)", _ROLE_ARTICLE, _ROLE_OF))
# In Portuguese ("disse o prefeito de Lisboa, João Costa", "afirmou o presidente da
# Voltara, Marcelo Pires", "declarou a ministra do Ambiente e Energia, Teresa Antunes"):
# its verbs, "o", "a", "os", "as" ("a" is English and Spanish too), and "do", "da", "dos",
# "das" besides "de". "disse o ministro à Reuters" names who was told: "à" is a small word.
_SAID_THE_ROLE_PT = re.compile(_said_the_role(
    "(?:" + _PORTUGUESE_VERB_WORDS + ")", r"(?:o|a|os|as)\s+", r"(?:de|do|da|dos|das|d['\u2019])"))
# In German, a role with a capital after "der" or "die", what it is of, a comma, then the
# person ("sagte der Bürgermeister von Judenburg, Peter Wagner", "erklärte die Landesrätin
# für Verkehr, Anna Berger", "so der Sprecher der ÖBB, Johann Moser"; "so" reports as a
# verb of saying does after a quotation): the speaker when `role` is one (`is_role`).
# Without what it is of, `_SAID_ARTICLE_ROLE` reads it ("sagte die Bundeskanzlerin,
# Angela Merkel").
_GERMAN_ROLE = (r"(?:[a-zäöüß]+(?:e|en|er|es|em)\s+)?(?P<role>" + _NAME_WORD + r")")
_GERMAN_ROLE_OF = (r"\s+(?:von|vom|für|des|der|bei|beim|im|am|aus)\s+"
                   r"[^,;:!?\u00ab\u00bb\"\u201c\u201d\u201e]{1,80}?")
_SAID_THE_ROLE_DE = re.compile(
    r"^[\s,.;:!?]*(?:" + _GERMAN_VERB_WORDS + r"|so)\s+(?:der|die)\s+" + _GERMAN_ROLE
    + _GERMAN_ROLE_OF + r",\s+(?=" + CAPITAL_CLASS + r")")
_LISTED_NAME = re.compile(r"(?:,\s+)?" + _NAME)
# The small words no role is made of ("said the talks with Max Roe").
_NO_ROLE_TEXT = """a an the and or but nor to with in on at by from as into onto than that
    which who whom whose this these those his her its their our my your he she it they we
    you i after before about over under"""
_NO_ROLE_WORDS = frozenset(_NO_ROLE_TEXT.split())
# A person named before the verb, after a role and its article and between commas, the
# sentence's subject ("The mayor of Soriana, Mateo Quiroga, said", "El alcalde de
# Soriana, Mateo Quiroga, dijo", "Le maire de Soriana, Mateo Quiroga, a déclaré", "Il
# sindaco di Soriana, Mateo Quiroga, ha detto"): the article, capitalised at a sentence's
# start, the role and what it is of as after a verb (`_SAID_THE_ROLE`), the names listed
# (`_role_subject`), then a comma and the verb.
_THE_ROLE = re.compile(
    r"(?i:" + _ROLE_ARTICLE + r")(?P<role>(?:" + _ROLE_WORD + r"\s+){0,3}?(?!" + _ROLE_OF
    + r"\b)(?-i:[a-zß-öø-ÿ])[\w'\u2019-]*)(?:\s+" + _ROLE_OF
    + r"\s*[^,;:!?\u00ab\u00bb\"\u201c\u201d]{1,80}?)?,\s+(?=" + CAPITAL_CLASS + r")")
# And in German ("Der Bürgermeister von Judenburg, Peter Wagner, sagte", "Die Landesrätin,
# Anna Berger, erklärte"), the role with a capital (`is_role`) and what it is of, if any.
_THE_ROLE_DE = re.compile(r"[Dd](?:er|ie)\s+" + _GERMAN_ROLE + r"(?:" + _GERMAN_ROLE_OF
                          + r")?,\s+(?=" + CAPITAL_CLASS + r")")
_COMMA_SAID = re.compile(r"(?:" + _PARTICLE_TAIL + r")?,\s+" + _VERBS + r"\b")
# What may stand between such a subject's verb and the quotation it says: a colon, a
# comma, or what it reports up to the quoted words ("said the plan “would not pass”",
# "dijo que «…»"), with no other quotation mark (and no other name: `_reported_gap`).
_REPORTED_GAP = re.compile(r"[^'\"\u201c\u201d\u2018\u00ab\u00bb\u201e]{0,60}")
# "said Kestrel's chief engineer, Priya Nandakumar": the speaker is the person an
# organisation's role names, not the organisation ("said Kestrel" stays Kestrel). The
# role may be in capitals ("said Acme's Chief Executive Jane Doe", "said Acme's Head of
# Research, Max Roe"): the titles of a name (`_ROLES`) and a chief's "… Officer" ("Chief
# Financial Officer"), then what a head or a title is of. The name after a role starts
# with no title ("said Acme's Chief Executive Officer." is Acme's).
_ROLE_TITLE = (r"(?:Chief(?:\s+" + CAPITAL_CLASS + r"[a-z]+){1,3}?\s+Officer|(?:"
               + "|".join(sorted(w.capitalize() for w in _ROLES)) + r")\b)")
_OWNERS = (r"^[\s,.;:!?]*" + _VERBS + r"\s+(?:" + _NAME_WORD + r"\s+){0,4}" + _NAME_WORD
           + r"['\u2019]s\s+")
_ROLE_NAME = r",?\s+(?!" + _ROLE_TITLE + r"|Officer\b)" + _NAME
_SAID_ROLE_NAME = re.compile(_OWNERS + r"(?:[a-z-]+\s+){0,3}[a-z-]+" + _ROLE_NAME)
_SAID_TITLED_NAME = re.compile(
    _OWNERS + r"(?:[a-z-]+\s+){0,2}" + _ROLE_TITLE + r"(?:\s+" + _ROLE_TITLE
    + r")*(?:\s+(?:of|for)\s+(?:the\s+)?" + _NAME_WORD + r")?" + _ROLE_NAME)
_NAME_SAID_BEFORE = re.compile(_NAME + _AFFILIATION + r"\s+(?:" + _VERB_WORDS
                               + r"|called|dubbed|described|referred to)\b"
                               r"[^'\"\u201c\u2018]{0,60}?[:,]?\s*$")
_DUBBED_BY = re.compile(r"^[\s,.;:!?]*(?:\w+,?\s+){0,3}?(?:as\s+)?(?:dubbed|called|described|"
                        r"put|coined)\s+by\s+(?:[a-z-]+\s+){0,3}" + _NAME)
_PARTICIPLE_BEFORE = re.compile(
    r"\b(?:saying|adding|responding|replying|writing|stating|telling \w+|noting|warning)"
    r"\s*:?\s*$")
# "segundo" after an article, "no", "pelo", "este"... is "second" ("No segundo Governo"),
# as the prose checks read it (`attribution.ATTRIBUTION.ordinal`).
_ORDINAL_BEFORE = "".join(
    r"(?<!\b(?i:" + word + r")\s)" for word in ("o", "um", "ao", "do", "no", "pelo", "num",
                                                "dum", "em", "por", "este", "esse", "neste",
                                                "nesse", "deste", "desse", "seu"))
_ACCORDING = re.compile(r"\b(?:according to|laut|selon|según|secondo|" + _ORDINAL_BEFORE
                        + r"[Ss]egundo)\s+(?:(?:o|a|os|as|el|la|los|las|il|lo|le|les)\s+"
                        r"(?=" + _HEADS + r"\b))?" + _NAME)
# A sentence that reports someone's view: "Alexandr Wang, CEO of Scale AI, suggested that".
_SUBJECT_SAYS = re.compile(r"^" + _NAME + r"(?:,[^,]{1,80},)?" + _AFFILIATION
                           + r"\s+(?:" + _VERB_WORDS
                           + r"|suggested|suggests|emphasi[sz]es|emphasi[sz]ed|asserts|"
                           r"asserted|believes|expects|estimates|estimated|thinks)\b")
# A quotation's "he said", "said she": its speaker is named before it.
# In Portuguese, "ele disse", "disse ela".
_PRONOUN_SAID = re.compile(r"^[\s,.;:!?]*(?:(?:he|she|ele|ela)\s+" + _VERBS + r"|" + _VERBS
                           + r"\s+(?:he|she|ele|ela))\b")
_PRONOUNS = frozenset({"He", "She", "They", "It", "We", "I", "You", "The", "This", "That",
                       "Ele", "Ela", "Eles", "Elas"})

# A name said to speak, or be the source ("laut Nordpress", "sagte Lindqvist", "Kessler
# kritisierte", "Reuters zufolge"): its last word is the name's
# (`_german_evidence`).
_ATTRIBUTED = (re.compile(r"(?i:\b(?:laut|" + _VERB_WORDS + r"|kritisierte))\s+" + _NAME),
               re.compile(_NAME + r"\s+(?:" + _VERB_WORDS + r"|kritisierte|zufolge)\b"))


def find_quotes(text: str, entities: Iterable[Entity], *, id_prefix: str = "",
                taken: Iterable[str] = (), limit: int = MAX_SUGGESTIONS, language: str = ""
                ) -> tuple[QuoteFound, ...]:
    """The quotations of `text` and the speaker of each; `language` splits its sentences
    (`_sentence_spans`)."""
    entities = tuple(entities)
    owner = _name_owner(entities)
    pattern = _forms_pattern(owner) if owner else None
    person = functools.partial(_is_person, {e.id: e.kind for e in entities}, owner, pattern)
    used = set(taken)
    found: list[QuoteFound] = []
    normalised = normalise_text(text)
    carried: tuple[str | None, str | None] = (None, None)  # the paragraph before's person
    for line_no, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        spans = _sentence_spans(line, language)
        starts = [s for s, _ in spans]
        previous: tuple[int, str | None, str | None] | None = None  # sentence, speaker
        last: tuple[int, str | None, str | None] | None = None  # the last quotation's
        for match in _QUOTED.finditer(line):
            if len(found) >= limit:
                return tuple(found)
            # A comma closing the quoted words belongs to the reporting sentence.
            quoted = next(g for g in match.groups() if g is not None).rstrip(", ")
            inner_start = match.start(match.lastgroup or 0)
            index = bisect.bisect_right(starts, match.start()) - 1
            s_start, s_end = spans[index]
            # The sentence the quotation sits in: from its own sentence start to the end
            # of the sentence holding its closing mark.
            end_index = bisect.bisect_right(starts, max(match.end() - 1, 0)) - 1
            s_end = spans[end_index][1]
            before = line[max(s_start, match.start() - WINDOW):match.start()]
            after = line[match.end():min(s_end, match.end() + WINDOW)]
            name = _speaker_name(before, after, line[max(s_start, match.start() - WINDOW):
                                                     min(s_end, match.end() + WINDOW)], person)
            if name is None and previous is not None and not before.strip() \
                    and previous[0] == index - 1:
                speaker_id, speaker_name = previous[1], previous[2]  # the speaker goes on
            elif name is None and not before.strip() and _PRONOUN_SAID.match(after):
                speaker_id, speaker_name = _reported_speaker(
                    line[slice(*spans[index - 1])], entities, owner, pattern) \
                    if index > 0 else carried
            else:
                speaker_id, speaker_name = _resolve(name, owner, pattern)
            if speaker_id or speaker_name:
                previous = (end_index, speaker_id, speaker_name)
            last = (end_index, speaker_id, speaker_name)
            quote_id = _unique(slugify(f"{id_prefix} {quoted}", 40, language) or "quote",
                               used)
            prefix = _prefix(normalised, line, inner_start, quoted)
            found.append(QuoteFound(quote_id, quoted, speaker_id, speaker_name, prefix,
                                    _sentence(line, line_no, s_start, s_end)))
        carried = _paragraph_speaker(line, spans, last, entities, owner, pattern)
    return tuple(found)


def _is_person(kinds: Mapping[str, str], owner: Mapping[str, str],
               pattern: re.Pattern[str] | None, name: str) -> bool:
    """Whether `name` is a person's: a known entity's of kind `person` when it holds one
    of a known entity's names (`_resolve`), else a name of two words or more."""
    known, _ = _resolve(name, owner, pattern)
    if known is not None:
        return kinds[known] == "person"
    words = name.split()
    return len(words) > 1 and words[0] not in _PRONOUNS


def _paragraph_speaker(line: str, spans: list[tuple[int, int]],
                       last: tuple[int, str | None, str | None] | None,
                       entities: tuple[Entity, ...], owner: Mapping[str, str],
                       pattern: re.Pattern[str] | None) -> tuple[str | None, str | None]:
    """The person a paragraph (`line`) ends attributing to, for a "he said" opening the
    next: the speaker of a quotation in its last sentence (`last`: that quotation's
    sentence and speaker), when a known entity of kind `person` or a person-like new
    name ("Tom Brennan", not "Acme" or "Brennan"); else the one person its last sentence
    reports as saying something (`_reported_speaker`). A heading, or a last sentence
    that neither quotes nor reports, gives none."""
    if _is_heading(line) or not spans:
        return None, None
    if last is None:
        return _reported_speaker(line[slice(*spans[-1])], entities, owner, pattern)
    index, speaker_id, speaker_name = last
    kinds = {e.id: e.kind for e in entities}
    if index == len(spans) - 1 and (kinds.get(speaker_id or "") == "person" or (
            speaker_name is not None and _person_like(speaker_name))):
        return speaker_id, speaker_name
    return None, None


def _reported_speaker(sentence: str, entities: tuple[Entity, ...], owner: Mapping[str, str],
                      pattern: re.Pattern[str] | None) -> tuple[str | None, str | None]:
    """For a quotation's "he said", the one person the sentence before names, as the
    subject of a verb of saying ("Councillor Tom Brennan said the dock would cost more"):
    a known person, or a new name of two words; or after a role, between commas ("The
    mayor of Soriana, Mateo Quiroga, said the plan would fail", `_role_subject`).
    Nothing when the sentence names another person too (never a guess between two), or
    its subject is no person."""
    kinds = {e.id: e.kind for e in entities}
    subject = _subject_says(sentence.strip(), functools.partial(_is_person, kinds, owner,
                                                                pattern))
    if subject is None:
        return None, None
    known = {owner[m.group("name")] for m in pattern.finditer(sentence)} if pattern else set()
    people = {i for i in known if kinds[i] == "person"}
    new = [e.name for e in find_new_names(sentence, entities)
           if len(e.name.split()) == 2 and _person_like(e.name)]
    if len(people) + len(new) != 1:
        return None, None
    subject_id, subject_name = _resolve(subject, owner, pattern)
    if people:
        return (subject_id, None) if subject_id in people else (None, None)
    if subject_name and (subject_name == new[0] or subject_name.endswith(" " + new[0])):
        return None, new[0]
    return None, None


def _subject_says(sentence: str, person: Callable[[str], bool]) -> str | None:
    """The name of a sentence's subject that says something (`_SUBJECT_SAYS`: "Tom
    Brennan said", "Alexandr Wang, CEO of Scale AI, suggested"), or the person named
    after a role and between commas before the verb (`_role_subject`: "The mayor of
    Soriana, Mateo Quiroga, said"); None for a pronoun."""
    match = _SUBJECT_SAYS.match(sentence)
    if match is not None:
        return match.group("name") if match.group("name") not in _PRONOUNS else None
    found = _role_subject(sentence, 0, person)
    return found[0] if found is not None else None


def _prefix(normalised: str, line: str, start: int, quoted: str) -> str:
    """The few words before a passage that occurs more than once in the (normalised)
    article, to pick this one."""
    if normalised.count(normalise_text(quoted)) < 2:
        return ""
    before = line[max(0, start - WINDOW):start]
    prefix = " ".join(before.split()[-4:])
    return prefix + " " if prefix and before[-1:].isspace() else prefix


# (a role's name is no common word: "said Acme's chief engineer on Monday" is Acme's)
_AFTER_ROLE = (_SAID_ROLE_NAME, _SAID_TITLED_NAME)
# What a role is of, right before a name: "The mayor of Soriana said", "El alcalde de
# Soriana dijo": the name is the place or body, not the one speaking.
_COMPLEMENT_BEFORE = re.compile(
    r"\b[a-zà-ÿ][\w\u00c0-\u024f-]*\s+(?:of|of the|de|de la|del|di|della|du|de l'|des|do|da)\s+$")


# An organisation's head and the words of its name before a particle, for a name read after
# that particle: "Secretaria de" of "Secretaria de Mobilidade Urbana afirmou".
_BODY_BEFORE = re.compile(r"(?<![\w'\u2019-])" + _HEADS + r"(?:\s+(?:" + _OF + r"\s+)?"
                          + _NAME_WORD + r"){0,4}?\s+" + _OF + r"\s+$")
# And after a name that starts with a head: "Secretaria" of "afirmou a Secretaria de
# Mobilidade Urbana".
_BODY_AFTER = re.compile(r"(?:\s+" + _OF + r"\s+" + _NAME_WORD + r"(?:\s+" + _NAME_WORD
                         + r")*)+")
# A body after a verb of saying and its article: "afirmou a Secretaria de Mobilidade
# Urbana", "dijo el Banco de España".
_SAID_THE_BODY = re.compile(
    r"^[\s,.;:!?]*" + _VERBS + r"\s+(?:(?:o|a|os|as|el|la|los|las|il|lo|le|les)\s+"
    r"|l['\u2019])(?P<name>" + _HEADS + r"(?:\s+" + _NAME_WORD + r")*)(?![\w-])")


def _speaker_name(before: str, after: str, sentence: str, person: Callable[[str], bool]
                  ) -> str | None:
    """The speaker of a quotation from the text `before` and `after` it in its
    `sentence`, an organisation's whole name ("Secretaria de Mobilidade Urbana", not
    "Mobilidade Urbana"); `person` tells whether a name is a person's
    (`_role_speaker`)."""
    name = _named_speaker(before, after, sentence, person)
    if name is None:
        return None
    for found in re.finditer(re.escape(name) + WORD_END, sentence):
        body = _BODY_BEFORE.search(sentence, max(0, found.start() - 80), found.start())
        start = found.start() if body is None else body.start()
        if body is not None or re.match(_HEADS + r"\b", name):
            rest = _BODY_AFTER.match(sentence, found.end())
            return " ".join(sentence[start:rest.end() if rest else found.end()].split())
    return name


def _named_speaker(before: str, after: str, sentence: str, person: Callable[[str], bool]
                   ) -> str | None:
    """The speaker of a quotation as `_speaker_name` finds it, its name as the patterns
    read it."""
    for pattern, text in ((_SAID_ROLE_NAME, after), (_SAID_TITLED_NAME, after),
                          (_SAID_NAME, after), (_SAID_THE_BODY, after),
                          (_SAID_ARTICLE_ROLE, after), (_NAME_SAID, after),
                          (_DUBBED_BY, after), (_NAME_SAID_BEFORE, before)):
        if pattern is _NAME_SAID_BEFORE and (clause := _clause_subject_speaker(before, after)):
            return clause  # before a name in its clause is taken ("who Max Roe said")
        match = pattern.search(text)
        if match and pattern is _NAME_SAID_BEFORE \
                and _COMPLEMENT_BEFORE.search(text, 0, match.start("name")):
            continue
        if match and match.group("name") not in _PRONOUNS and not (
                pattern in _AFTER_ROLE
                and match.group("name").strip(".,'\u2019").lower() in _COMMON) and (
                pattern is not _SAID_ARTICLE_ROLE or is_role(match.group("role"))):
            return match.group("name")
    role_speaker = _role_speaker(after, person) or _minister_speaker(after, person) \
        or _role_subject_speaker(before, after, person)
    if role_speaker is not None:
        return role_speaker
    if _PARTICIPLE_BEFORE.search(before):
        subject = re.match(r"\s*" + _NAME, before)
        if subject and subject.group("name") not in _PRONOUNS:
            return subject.group("name")
    match = _ACCORDING.search(after) or _ACCORDING.search(sentence)
    return match.group("name") if match else None


def _role_speaker(after: str, person: Callable[[str], bool]) -> str | None:
    """The person a role after a verb of saying names (`_SAID_THE_ROLE`): of the names
    listed after the role and what it is of ("of Portland, Oregon, Ted Wheeler"), the one
    that is a person's (`person`: a known person, or a new name of two words or more), or
    one word that goes on with a particle ("la ministra, Teresa de la Vega"). None when a
    word of the role is a small word ("said the talks with Max Roe"), when none is, or
    two are: never a guess between two, and never the place or body the role is of."""
    match = _the_role(_SAID_THE_ROLE.match(after) or _SAID_THE_ROLE_PT.match(after)
                      or _ACCORDING_THE_ROLE.match(after), _SAID_THE_ROLE_DE, after, 0)
    if match is None:
        return None
    people, _ = _listed_people(after, match.end(), person)
    return people[0] if len(people) == 1 else None


# A verb of saying, a time or the press it is said to, and an article: where a minister's
# words may start ("ha dichiarato l'assessore ai Trasporti", "dijo ayer la ministra de").
_SAID_THE = re.compile(_said_to(_VERBS) + r"(?:" + _ROLE_ARTICLE + r"|(?:o|a|der|die)\s+)")
_NAME_AFTER = re.compile(r"\s+" + _NAME)


def _minister_speaker(after: str, person: Callable[[str], bool]) -> str | None:
    """The person named straight after a minister's portfolio, comma or not, that follows
    a verb of saying: "ha dichiarato l'assessore ai Trasporti Paolo Gentile", "dijo la
    ministra de Industria Reyes Maroto". A portfolio's words are known (`ministries`), so
    where it ends is told, as it is not for a place ("dijo el alcalde de Soriana Mateo
    Quiroga" names none). The person as `_role_speaker` takes one (`person`)."""
    said = _SAID_THE.match(after)
    if said is None:
        return None
    for language in MINISTRY_LANGUAGES:
        minister = next((m for m in ministries(after, language)
                         if m.start == said.end() and m.name is None), None)
        named = minister and _NAME_AFTER.match(
            after, minister.end + after.startswith(",", minister.end))
        if named:
            return named.group("name") if person(named.group("name")) else None
    return None


def _the_role(match: re.Match[str] | None, german: re.Pattern[str], text: str, at: int
              ) -> re.Match[str] | None:
    """A role read by the words of English, Spanish, French, Italian or Portuguese
    (`match`), none when a word of it is a small word; else by German's (`german`, matched
    at `at` of `text`), when the role is one (`is_role`: not "die Zeitung")."""
    if match is not None:
        return None if any(_small_word(w) for w in match.group("role").split()) else match
    match = german.match(text, at)
    return match if match is not None and is_role(match.group("role")) else None


def _listed_people(text: str, at: int, person: Callable[[str], bool]
                   ) -> tuple[list[str], int]:
    """The names listed in `text` from `at` on, separated by commas, that are a person's
    (`person`), or one word that goes on with a particle ("Teresa de la Vega"), but a
    possessive ("Max Roe's rival"); and where the list ends."""
    people = []
    while (listed := _LISTED_NAME.match(text, at)) is not None:
        at = listed.end()
        name = listed.group("name").rstrip(".")
        if re.search(r"['\u2019]s$", name):  # "the mayor, Max Roe's rival"
            continue
        if person(name) or (" " not in name and re.match(_PARTICLE_TAIL, text[at:])):
            people.append(name)
    return people, at


def _role_subject(text: str, at: int, person: Callable[[str], bool]
                  ) -> tuple[str, int] | None:
    """The person named as the subject of a verb of saying at `at` in `text`, after a
    role and between commas (`_THE_ROLE`: "The mayor of Soriana, Mateo Quiroga, said"),
    and where the verb ends. The same care as after the verb (`_role_speaker`): of the
    names listed, the one that is a person's; none when a word of the role is a small
    word ("The talks with the mayor, Max Roe, said"), when two names could be the person
    ("The mayor of Springfield, New Jersey, Max Roe, said"), or when anything but the
    verb follows the names ("The mayor, Max Roe, and the governor, Ann Lee, said")."""
    match = _the_role(_THE_ROLE.match(text, at), _THE_ROLE_DE, text, at)
    if match is None:
        return None
    people, end = _listed_people(text, match.end(), person)
    said = _COMMA_SAID.match(text, end)
    return (people[0], said.end()) if said is not None and len(people) == 1 else None


def _role_subject_speaker(before: str, after: str, person: Callable[[str], bool]
                          ) -> str | None:
    """The speaker of a quotation named as the subject of a verb of saying after a role
    (`_role_subject`): the sentence's subject before the quotation, with only a colon, a
    comma or what the verb reports between ("The mayor of Soriana, Mateo Quiroga, said:
    “…”", "said the plan “would not pass”", "dijo que «…»"), or the subject after it
    ("“…,” the mayor of Soriana, Mateo Quiroga, said")."""
    found = _role_subject(after, len(after) - len(after.lstrip(" ,.;:!?")), person)
    if found is not None:
        return found[0]
    found = _role_subject(before, len(before) - len(before.lstrip()), person)
    if found is not None and _reported_gap(before[found[1]:]):
        return found[0]
    return None


# A subject whose name a relative clause or an apposition between commas parts from its
# verb of saying ("Councillor Maria Lindqvist, who voted against it, said", "Acme, which
# makes chips, said", "Max Roe, a member of the committee, said", "Max Roe, 54, said",
# "Paul Garnier, qui a voté contre, a déclaré", "Anna Berger, die dagegen gestimmt hat,
# sagte", "Mateo Quiroga, que votó en contra, dijo", "Paolo Rossi, che ha votato contro,
# ha detto", "João Costa, que votou contra, disse"), opening the sentence: the clause
# opens with a relative pronoun, an article or a number (an age) and holds no comma. Its
# own subject is the pronoun, so a name or a quotation in it ("who met Tom Brennan", "who
# told Reuters", "who called it “a waste”") is never the speaker's.
_SUBJECT_CLAUSE = re.compile(
    _NAME + r"(?:" + _PARTICLE_TAIL + r")?" + _AFFILIATION
    + r",\s+(?P<clause>[^,;:!?\n]{1,100}?),\s+(?P<verb>"
    + _VERBS + r")\b")
_CLAUSE_OPENER_TEXT = """
    who which whose whom a an the
    qui dont lequel laquelle lesquels lesquelles un une le la les l
    der die das dessen deren welcher welche welches ein eine
    que quien quienes cuyo cuya cuyos cuyas el los las una
    che cui il lo gli uno
    quem cujo cuja cujos cujas o os as um uma
    """
_CLAUSE_OPENERS = frozenset(_CLAUSE_OPENER_TEXT.split())
# Words that open a sentence before a comma as no subject does, where the verb may go
# without one or before it (German, Spanish, Italian, Portuguese: "Am Montag, dem 12.
# Mai, sagte sie", "En Madrid, …, dijo", "Ayer, el día de la votación, dijo").
_FRONTED_TEXT = """
    am im an auf aus bei beim nach vor mit seit zum zur vom für über unter laut gestern
    heute der die das den dem des ein eine ayer hoy anoche ieri oggi hier ontem hoje
    """
_FRONTED = frozenset(_FRONTED_TEXT.split())


def _clause_subject(text: str, at: int) -> tuple[str, int] | None:
    """The subject of a verb of saying at `at` in `text` whose relative clause or
    apposition stands between it and the verb (`_SUBJECT_CLAUSE`), and where the verb
    ends; none for a pronoun, or for words that open a sentence as no subject does (an
    article, a preposition, a time: `_FRONTED`; a common word alone)."""
    match = _SUBJECT_CLAUSE.match(text, at)
    if match is None:
        return None
    name, clause = match.group("name"), match.group("clause")
    first = name.split()[0].lower()
    opener = re.split(r"[\s'\u2019]", clause, maxsplit=1)[0]
    if name in _PRONOUNS or first in _FRONTED or _small_word(first) \
            or (" " not in name and first in _COMMON) \
            or not (opener in _CLAUSE_OPENERS or opener.isdigit()):
        return None
    return name, match.end()


def _clause_subject_speaker(before: str, after: str) -> str | None:
    """The speaker of a quotation named as the subject of a verb of saying past a
    relative clause or an apposition (`_clause_subject`): the sentence's subject before
    the quotation, with only a colon, a comma or what the verb reports between
    (`_reported_gap`), or after "told" the one told ("Max Roe, who voted against it,
    told Reuters: “…”"); or the subject after it ("“…,” Max Roe, who voted against it,
    said")."""
    found = _clause_subject(after, len(after) - len(after.lstrip(" ,.;:!?")))
    if found is not None:
        return found[0]
    found = _clause_subject(before, len(before) - len(before.lstrip()))
    if found is None:
        return None
    gap = before[found[1]:]
    told = re.match(r"\s+" + _NAME, gap) if re.search(r"\bt(?:old|ells)$", before[:found[1]]) \
        else None
    return found[0] if _reported_gap(gap[told.end():] if told else gap) else None


def _reported_gap(gap: str) -> bool:
    """Whether `gap`, between a verb of saying and a quotation, leaves the quotation to
    the verb's subject: a colon, a comma or a few words it reports (`_REPORTED_GAP`),
    with no capitalised word but a common one ("said on Monday:"): "The mayor, Max Roe,
    said the governor, Ann Lee, would answer “No”" is no quotation of the mayor's."""
    return _REPORTED_GAP.fullmatch(gap) is not None and all(
        not is_capital(word[:1]) or word.strip(",.:;").lower() in _COMMON
        for word in gap.split())


def _small_word(word: str) -> bool:
    """An article, a pronoun, a conjunction or a preposition of English, French, Spanish
    or Italian."""
    return word.lower() in _NO_ROLE_WORDS or any(
        is_romance_function_word(language, word) for language in ROMANCE)


def _resolve(name: str | None, owner: Mapping[str, str], pattern: re.Pattern[str] | None
             ) -> tuple[str | None, str | None]:
    """A known entity when the name contains one of its names, else the name itself."""
    if name is None:
        return None, None
    name = re.sub(r"['\u2019]s$", "", name.strip(" ,.'\u2019"))
    if pattern is not None:
        match = max(pattern.finditer(name), key=lambda m: len(m.group("name")),
                    default=None)
        if match is not None:
            return owner[match.group("name")], None
    return None, name


def _unique(base: str, used: set[str]) -> str:
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    used.add(candidate)
    return candidate


# --- claims the article repeats -------------------------------------------------------

_CLAIM_STOP_WORDS = ("said says according reported report reports claim claims claimed "
                     "company firm new its it's model models")
_STOP = (_COMMON | frozenset(_CLAIM_STOP_WORDS.split())) - frozenset({"ai"})
_TOKEN = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)*")
CLAIM_THRESHOLD = 0.5


def content_words(text: str) -> set[str]:
    words = set()
    for token in _TOKEN.findall(normalise_text(text).lower().replace("'s ", " ")):
        token = token.replace(",", "")
        if token in _STOP or (len(token) < 3 and not token[0].isdigit()):
            continue
        words.add(_stem(token))
    return words


def _stem(word: str) -> str:
    """A crude stem, the same for "release", "released" and "releases", and for the
    British and American spellings ("organised", "organized")."""
    if word[0].isdigit():
        return word
    word = word.replace("z", "s")
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[:-len(suffix)]
            break
    if word.endswith("i"):  # "technologies" and "technology"
        word = word[:-1] + "y"
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def plain_statement(prose: Prose, names: Mapping[str, str]) -> str:
    """The statement as a reader sees it: references become their labels or names."""
    return "".join(
        part if isinstance(part, str) else _label(part, names) for part in prose.parts)


def _label(part: ProseRef, names: Mapping[str, str]) -> str:
    if part.label:
        return part.label
    return names.get(part.ref.id, part.ref.id.replace("-", " ")) \
        if part.ref.kind == "entity" else part.ref.id.replace("-", " ")


# A figure as compared between a sentence and a claim: its kind of unit and one of its
# bounds (a range agrees with a figure that shares either end).
_Value = tuple[str, Decimal]
# Counts of chips, however written: "2,000 Nvidia H800 GPUs", "512 H800s", "16,000 chips".
_CHIP_UNITS = frozenset({"chip", "gpu", "processor", "accelerator"})
_DURATIONS = frozenset(unit + "s" for unit in _DURATION_UNITS)


def unit_kind(unit: str) -> str:
    """What a unit measures, so that figures in different words can be compared: money in
    its currency, percentages, durations, chips (a product named with a digit, as
    "H800s", counts as chips); any other unit only as itself."""
    if unit in CURRENCY_SYMBOLS.values() or unit in ("percent", *_DURATIONS):
        return unit
    noun = unit.lower().removesuffix("s")
    if noun in _CHIP_UNITS or re.fullmatch(r"[a-z][a-z-]*\d[\w-]*", noun):
        return "chips"
    return noun


def _values(figures: Iterable[FigureFound | Figure]) -> frozenset[_Value]:
    return frozenset((unit_kind(f.unit), bound) for f in figures for bound in f.value)


@dataclass(frozen=True)
class _ClaimIndex:
    """The claims, indexed once: their content words, how rare each is, their figures."""

    statements: Mapping[str, str]
    words: Mapping[str, frozenset[str]]
    index: Mapping[str, tuple[str, ...]]  # word -> claims holding it
    idf: Mapping[str, float]
    weight: Mapping[str, float]
    values: Mapping[str, frozenset[_Value]]


def _claim_index(claims: tuple[Claim, ...], entities: tuple[Entity, ...]) -> _ClaimIndex:
    names = {e.id: e.name for e in entities}
    statements = {c.id: plain_statement(c.statement, names) for c in claims}
    words = {c.id: content_words(statements[c.id]) for c in claims}
    index: dict[str, list[str]] = defaultdict(list)
    for claim_id, claim_words in words.items():
        for word in claim_words:
            index[word].append(claim_id)
    # A word in a large share of the claims says little and would make every sentence a
    # candidate for every claim: it is left out of the index and of the scores.
    frequent = {w for w, ids in index.items() if len(ids) > max(25, len(claims) // 20)}
    for word in frequent:
        del index[word]
    kept = {cid: frozenset(ws - frequent) for cid, ws in words.items()}
    total = len(claims) + 1
    idf = {w: math.log(total / len(ids)) + 0.1 for w, ids in index.items()}
    # A claim's figures are those it declares, or else those its statement gives.
    values = {c.id: _values(c.figures) or _values(find_figures(statements[c.id]))
              for c in claims}
    # A claim is scored against its key terms, its KEY_TERMS rarest words: a curator's
    # statement may add clauses an article leaves out, and they should not dilute it.
    weight = {cid: sum(heapq.nlargest(KEY_TERMS, (idf[w] for w in ws))) or 1.0
              for cid, ws in kept.items()}
    return _ClaimIndex(statements, kept, {w: tuple(ids) for w, ids in index.items()}, idf,
                       weight, values)


# How much a figure the sentence and the claim have in common adds to the score.
FIGURE_WEIGHT = 0.2
# How many of a claim's rarest words are its key terms (about a headline's worth).
KEY_TERMS = 6


def find_claims(text: str, claims: Iterable[Claim], entities: Iterable[Entity], *,
                threshold: float = CLAIM_THRESHOLD) -> tuple[ClaimFound, ...]:
    """Claims whose key terms and figures one sentence shares.

    Words are weighted by how rare they are among the claims (idf), so "DeepSeek" counts
    for little in a corpus about DeepSeek; the score is the weight of the words a sentence
    shares with a claim over that of the claim's key terms (its six rarest words). An
    inverted index from word to claims is built once; each sentence is scored only
    against the claims sharing a word with it. Figures
    decide too: a figure in common adds to the score; a sentence never repeats a claim
    whose figures it contradicts (one about 512 chips is not the 2,000-chip claim); and a
    figure of the sentence that several claims state goes to the one whose words fit it
    best (2,000 chips for R1, or for V3?).
    """
    claims_index = _claim_index(tuple(claims), tuple(entities))
    best: dict[str, ClaimFound] = {}
    for sentence in sentences(text):
        for claim_id, ratio in _sentence_scores(sentence, claims_index, threshold).items():
            if claim_id not in best or ratio > best[claim_id].score:
                best[claim_id] = ClaimFound(claim_id, claims_index.statements[claim_id],
                                            round(ratio, 2), sentence)
    return tuple(sorted(best.values(), key=lambda c: (c.sentence.line, -c.score, c.id)))


def _sentence_scores(sentence: Sentence, claims: _ClaimIndex, threshold: float
                     ) -> dict[str, float]:
    """The claims the sentence may repeat, with their scores."""
    shared: dict[str, float] = defaultdict(float)
    count: Counter[str] = Counter()
    for word in content_words(sentence.text):
        for claim_id in claims.index.get(word, ()):
            shared[claim_id] += claims.idf[word]
            count[claim_id] += 1
    candidates = [cid for cid in shared if count[cid] >= 2]
    if not candidates:
        return {}
    figures = _values(find_figures(sentence.text))
    kinds = {kind for kind, _ in figures}
    scores: dict[str, float] = {}
    stated: dict[_Value, list[str]] = defaultdict(list)  # a figure -> the claims stating it
    for claim_id in candidates:
        ratio = shared[claim_id] / claims.weight[claim_id]
        values = claims.values[claim_id]
        agreeing = values & figures  # a set intersection: no figure pairs are tried
        if agreeing:
            ratio += FIGURE_WEIGHT
            for value in agreeing:
                stated[value].append(claim_id)
        elif {kind for kind, _ in values} & kinds:
            continue  # the sentence gives other figures of the claim's kind: not this claim
        if ratio >= threshold:
            scores[claim_id] = ratio
    for ids in stated.values():
        top = max((scores.get(i, 0.0) for i in ids), default=0.0)
        for claim_id in ids:
            if scores.get(claim_id, top) < top:
                del scores[claim_id]  # another claim stating that figure fits better
    return scores


# --- everything at once ------------------------------------------------------------------

def title_and_date(text: str, language: str = DEFAULT) -> tuple[str, DateFound | None]:
    """The suggested title of a text in `language` (a tag), and its first full date."""
    date = next((d for d in find_dates(text) if len(d.date) == 10), None)
    return find_title(text, language).text, date


def suggest(text: str, corpus: Corpus, *, new_id: str = "", whole: bool = False,
            language: str = DEFAULT) -> Suggestions:
    """All suggestions for the article `text`, to be filed as source `new_id` and written
    in `language` (a BCP 47 tag: the source's, else the site's); with `whole`, for a
    hard-wrapped text, each paragraph is read as one line, as `join_wrapped_lines` has
    the build read it, so that a name, a figure or a quotation broken across lines is
    still found whole (each found where its line of the text says)."""
    if not whole:
        return _suggest(text, corpus, new_id, language)
    reading, starts = read_whole(text)
    found = _suggest(reading, corpus, new_id, language)

    def placed(sentence: Sentence) -> Sentence:
        offset, line, indent = next(s for s in reversed(starts[sentence.line - 1])
                                    if s[0] <= sentence.col)
        return replace(sentence, line=line, col=sentence.col - offset + indent)

    def moved(items: tuple[_Found, ...]) -> tuple[_Found, ...]:
        return tuple(replace(item, sentence=placed(item.sentence)) for item in items)

    return replace(found, title=find_title(text, language), dates=moved(found.dates),
                   date=moved((found.date,))[0] if found.date else None,
                   figures=moved(found.figures), quotes=moved(found.quotes),
                   known_entities=moved(found.known_entities),
                   new_names=moved(found.new_names), claims=moved(found.claims))


_Found = TypeVar("_Found", DateFound, FigureFound, QuoteFound, EntityFound, ClaimFound)


def _suggest(text: str, corpus: Corpus, new_id: str, language: str) -> Suggestions:
    dates = find_dates(text)
    date = next((d for d in dates if len(d.date) == 10), None)
    prefix = " ".join(new_id.split("-")[3:5] if date and new_id.startswith(date.date)
                      else new_id.split("-")[:2])
    taken = {q.id for s in corpus.sources for q in s.quotes}
    quotes = find_quotes(text, corpus.entities, id_prefix=prefix, taken=taken,
                         language=language)
    if primary(language) == "de":
        quotes = _german_speakers(quotes, text)
    claims = find_claims(text, corpus.claims, corpus.entities)[:MAX_SUGGESTIONS]
    passages = _with_claim_passages(text, quotes, claims, tuple(corpus.entities), prefix,
                                    taken | {q.id for q in quotes}, language)
    known = find_known_entities(text, corpus.entities)[:MAX_SUGGESTIONS]
    people = frozenset(e.id for e in corpus.entities if e.kind == "person")
    new_names, acronyms = _known_acronyms(
        find_new_names(text, corpus.entities, language=language), known, corpus.entities,
        text)
    # A surname alone is its owner's, a new name or a known person named in the article.
    # An organisation's head alone is its name's ("la Confederación" after "la
    # Confederación Hidrográfica del Valdemora"), a known one's or a new one's.
    heads = head_owners((*new_names, *known))
    owners = {**heads, **surname_owners((*new_names, *(e for e in known if e.id in people)))}
    owned = people | {e.id for e in known if heads.get(e.name.split()[0]) == e}
    new_names, surnames = _fold_surnames(
        _with_initial_surnames(new_names, text, corpus.entities, owners, primary(language)),
        owners, owned)
    new_names = with_roles(new_names, text)
    passages = _particle_speakers(passages[:MAX_SUGGESTIONS], new_names, known,
                                  tuple(corpus.entities), text, language)
    return Suggestions(
        title=find_title(text, language),
        date=date,
        dates=dates[:MAX_SUGGESTIONS],
        figures=find_figures(text, limit=MAX_SUGGESTIONS, language=language),
        quotes=_surname_speakers(passages, owners, owned),
        known_entities=known,
        new_names=new_names,
        claims=claims,
        surnames=surnames,
        byline=find_byline(text, language),
        acronyms=acronyms,
    )


# The nouns of a person's job or standing that an apposition names ("Jane Doe, the
# council's treasurer,", "Mark Ellis, managing director of Harbour Buses,"): an
# organisation is seldom called so.
_PERSON_ROLES = _ROLES - {"executive", "head", "prime", "vice"} | frozenset({
    "adviser", "advisor", "analyst", "attorney", "campaigner", "ceo", "cfo", "chairperson",
    "clerk", "co-founder", "cofounder", "consultant", "coordinator", "councilwoman",
    "economist", "editor", "engineer", "founder", "headteacher", "inspector", "lawyer",
    "leader", "lecturer", "manager", "member", "officer", "organiser", "organizer", "owner",
    "principal", "professor", "researcher", "resident", "scientist", "spokesperson",
    "superintendent", "teacher", "treasurer", "trustee"})
# A role in apposition: an article or an owner's possessive, up to four words, the role's
# noun, then what it is of, up to the comma or stop that closes it.
_ROLE_OWNER = r"(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[A-Z][\w-]*['\u2019]s)\s+"


def _apposition_role(owner: str) -> str:
    """A role in apposition, opening with `owner` (an article or a possessive): up to
    four words, the role's noun (`noun`), then what it is of, up to the comma or stop
    that closes it; never a relative clause ("who backed the leader")."""
    return (r"(?<![\w'\u2019-])(?!(?:who|which|whom|whose|that)\b)(?P<role>" + owner
            + r"(?:[a-z][\w'\u2019-]*\s+){0,4}?(?P<noun>[a-z][\w-]*)"
            r"(?:\s+(?:of|for|at|on|with)\s+[^,.;:!?()\"\u201c\u201d]{1,60}?)?)")


# After the name the role may go without an article ("Mark Ellis, managing director of
# Harbour Buses,"); before it, where nothing else shows where it starts, it needs one
# ("said the council's treasurer, Jane Doe", not "said the council's treasurer").
_ROLE_AFTER = re.compile(r",\s+" + _apposition_role(f"(?:{_ROLE_OWNER})?") + r"\s*[,.;]")
_ROLE_BEFORE = re.compile(_apposition_role(_ROLE_OWNER) + r",\s+$")
_ROLE_REACH = 120  # characters before a name that a role before it may take


def with_roles(names: tuple[EntityFound, ...], text: str) -> tuple[EntityFound, ...]:
    """`names` with the role an apposition gives each person-like one (`_person_like`),
    after the name ("Jane Doe, the council's treasurer,") or before it ("the council's
    treasurer, Jane Doe,"): its `kind` is then `person`. The role's noun must be a
    person's (`_PERSON_ROLES`): "Acme Corp, the chipmaker," gives none."""
    return tuple(replace(e, role=_role_of(e.name, text)) if _person_like(e.name)
                 else e for e in names)


def _role_of(name: str, text: str) -> str:
    for at in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
        before = text[max(0, at.start() - _ROLE_REACH):at.start()]
        for match in (_ROLE_AFTER.match(text, at.end()), _ROLE_BEFORE.search(before)):
            if match and match.group("noun").lower() in _PERSON_ROLES:
                return match.group("role")
    return ""


def passage_speaker(sentence: str, entities: Iterable[Entity]) -> str | None:
    """The known entity whose view a sentence reports, when it opens with one that says,
    suggests or asserts something (or with a role and, between commas, a known person
    who says it: `_role_subject`), or ends "according to" one."""
    entities = tuple(entities)
    owner = _name_owner(entities)
    if not owner:
        return None
    pattern = _forms_pattern(owner)
    match = _SUBJECT_SAYS.match(sentence)
    if match is None:
        person = functools.partial(_is_person, {e.id: e.kind for e in entities}, owner,
                                   pattern)
        subject = _role_subject(sentence, 0, person)
        if subject is not None:
            return _resolve(subject[0], owner, pattern)[0]
        match = _ACCORDING.search(sentence)
    if match is None or match.group("name") in _PRONOUNS:
        return None
    return _resolve(match.group("name"), owner, pattern)[0]


def _with_claim_passages(text: str, quotes: tuple[QuoteFound, ...],
                         claims: tuple[ClaimFound, ...], entities: tuple[Entity, ...],
                         id_prefix: str, taken: set[str], language: str = ""
                         ) -> tuple[QuoteFound, ...]:
    """Quotations get the claims their sentence repeats; a sentence repeating claims with
    no quotation in it becomes a passage of its own, reporting them (its id spelt as
    `language` spells it: `slugify`)."""
    by_sentence: dict[Sentence, list[str]] = defaultdict(list)
    for claim in claims:
        by_sentence[claim.sentence].append(claim.id)
    quotes_by_line: dict[int, list[QuoteFound]] = defaultdict(list)
    for quote in quotes:
        quotes_by_line[quote.sentence.line].append(quote)
    reports: dict[str, list[str]] = defaultdict(list)
    out = []
    lines, normalised = text.split("\n"), normalise_text(text)
    for sentence, claim_ids in by_sentence.items():
        holding = [q for q in quotes_by_line[sentence.line] if sentence.overlaps(q.sentence)]
        for quote in holding:
            reports[quote.id].extend(claim_ids)
        if holding or len(sentence.text) > MAX_PASSAGE:
            continue
        line = lines[sentence.line - 1]
        out.append(QuoteFound(
            _unique(slugify(f"{id_prefix} {sentence.text}", 40, language) or "passage",
                    taken),
            sentence.text, passage_speaker(sentence.text, entities), None,
            _prefix(normalised, line, sentence.col, sentence.text), sentence,
            tuple(claim_ids)))
    out += [replace(q, reports=tuple(reports[q.id])) for q in quotes]
    return tuple(sorted(out, key=lambda q: (q.sentence.line, q.sentence.col)))
