"""Prose provenance: the curator's own text checked against the quotes it rests on.

Quote matching proves that every quote is in its source; these checks prove that the
prose around the quotes says no more than they do:

- `prose-quote-unsourced` (error): words in quotation marks that no quote the item cites
  contains;
- `prose-figure-unsourced`: a number in a point that neither its quotes nor its claims'
  figures give;
- `prose-date-unsourced`: a calendar date in a point that neither its quotes, their
  sources' publication dates nor its claims' events give (`givendates.py`);
- `prose-hedge-dropped`: a hedge of a cited quote ("reportedly", "may", "under") that the
  text does not keep;
- `prose-attribution`: a point that gives its quotes' words to someone else;
- `prose-words-unsourced`: four words in a row of an article, outside quotation marks,
  that no passage the item may draw on holds (`copied.py`);
- `prose-status-overstated`: words of certainty or refutation ("confirmed", "debunked")
  for a linked claim whose status is less (`statuswords.py`).

Every check is one pass over each item's text and its few quotes, so the cost grows
linearly with the corpus. Positions point at the offending words in the YAML file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from .attribution import Speaking
from .broken import ANY
from .chars import joins
from .cleaning import CleanedText
from .copied import (
    Copied,
    ProseWords,
    article_text,
    article_words,
    holding,
    spaced,
)
from .currencies import Money, Written, amount, is_code
from .diagnostics import Diagnostic, Pos, error, warning
from .givendates import Dated, DateReader, backs, of_fuzzy, reader, shown
from .hedges import HedgeGroup, Hedges, gives_words, hedges_number, words_pattern
from .identity import same_objects
from .language import DEFAULT as DEFAULT_LANGUAGE
from .language import primary
from .link import Linked, names_pattern
from .model import (
    QUALIFIERS,
    RELATIONS,
    SECTION_KINDS,
    STANCES,
    STATUSES,
    Claim,
    Entity,
    Point,
    Quote,
)
from .numbers import (
    ENGLISH,
    NumberStyle,
    is_amount,
    numbers,
    other_reading,
    spelled_numbers,
    written_in,
)
from .positions import Lines
from .schema import FuzzyDate, Prose, ProseRef
from .sourcecount import Behind, Reader, source_counts
from .statuswords import Link, overstated, shown_end
from .statuswords import Reader as StatusReader
from .text import closest_passage, normalise_text
from .worddiff import Segment, passage_hint, word_diff

# Quotation marks as languages write them, each opening mark with its closing ones:
# English "…", German „…“ and »…«, French «…», Polish „…”, Swedish ”…”, the single low
# and angle marks (U+201A, U+2039, U+203A), Chinese and Japanese 「…」 and 『…』, 〝…〞,
# full-width (U+FF02). A mark that closes one pair and opens another (» and “) is read by
# where the passage starts.
_PAIRED = (
    ("\u201c", "\u201d"), ("\u201e", "\u201c\u201d"), ("\u201d", "\u201d"),
    ("\u00ab", "\u00bb"), ("\u00bb", "\u00ab"), ("\u2039", "\u203a"), ("\u203a", "\u2039"),
    ("\u201a", "\u2018\u2019"), ("\u300c", "\u300d"), ("\u300e", "\u300f"),
    ("\u301d", "\u301e\u301f"), ("\uff02", "\uff02"),
)
# A straight single quote opens only after white space or an opening bracket, so
# apostrophes ("Musk's") never do; a curly one inside a word (U+2019 in "DeepSeek's")
# does not close a curly single quotation.
_QUOTED = re.compile("|".join((
    r'"(?P<straight>[^"\n]+)"',
    r"\u2018(?P<curly_single>(?:[^\u2019]|\u2019(?=\w))+)\u2019",
    *(f"{opening}(?P<paired{n}>[^{opening}{closing}]+)[{closing}]"
      for n, (opening, closing) in enumerate(_PAIRED)),
    r"(?:(?<=^)|(?<=[\s(\[]))'(?P<single>[^'\s](?:[^'\n]*?[^'\s])?)'(?!\w)")))
# The model's own vocabulary in quotation marks ("recorded as "contradicts"") is not a
# quotation of a source.
_WORDY = re.compile(r"[^\W_]")  # a quotation has a letter or digit: not "'---'"
# How like a cited quote's words the words in quotation marks must read (0 to 1) for the
# hint to show them: a slip ("$60000" for "$60,000"), not another passage altogether.
NEARLY_QUOTED = 0.8
RELAYING = ("asserts", "reports")  # the stances that put a claim forward
_TERMS = frozenset((*STANCES, *STATUSES, *RELATIONS, *QUALIFIERS, *SECTION_KINDS))

_SPEAKERS = frozenset(("person", "organisation", "country", "publication", "group", "other"))


@dataclass(frozen=True)
class Text:
    """An item's prose as a reader sees it (references replaced by their labels), with
    where each reference's label begins, for the attribution check."""

    prose: Prose
    plain: str
    refs: tuple[tuple[int, int, str], ...]  # (start, end, entity id) of entity references
    starts: tuple[int, ...] = ()  # where each of `prose.parts` starts in `plain`

    def written(self, start: int, end: int) -> str:
        """Words of `plain[start:end]` as the YAML file writes them, for the locator: the
        words up to the next reference, or a reference's `[[kind:id` where they start in
        its label."""
        for index, part in enumerate(self.prose.parts):
            last = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.plain)
            if start < last or index + 1 == len(self.prose.parts):
                if isinstance(part, ProseRef):
                    return f"[[{part.ref.kind}:{part.ref.id}"
                return self.plain[start:min(end, last)]
        return self.plain[start:end]


def plain_text(prose: Prose, names: Mapping[str, str]) -> Text:
    out: list[str] = []
    refs: list[tuple[int, int, str]] = []
    starts: list[int] = []
    length = 0
    for part in prose.parts:
        starts.append(length)
        if isinstance(part, ProseRef):
            label = part.label or names.get(part.ref.id, part.ref.id) \
                if part.ref.kind == "entity" else part.label or ""
            if part.ref.kind == "entity":
                refs.append((length, length + len(label), part.ref.id))
            part = label
        out.append(part)
        length += len(part)
    return Text(prose, "".join(out), tuple(refs), tuple(starts))


def quoted_spans(text: str) -> Iterator[tuple[int, str]]:
    """(offset, words) of each passage in quotation marks."""
    for match in _QUOTED.finditer(text):
        group = match.lastgroup or ""
        yield match.start(group), match.group(group)


def _contains(text: str, needle: str) -> bool:
    """`needle` in `text`; an ellipsis in the needle stands for words left out, so its
    pieces must occur in order."""
    at = 0
    for piece in re.split(r"\s*(?:\u2026|\.\.\.|\[\.\.\.\])\s*", needle):
        if not piece:
            continue
        found = text.find(piece, at)
        while found >= 0 and _inside_words(text, found, found + len(piece)):
            found = text.find(piece, found + 1)
        if found < 0:
            return False
        at = found + len(piece)
    return True


def _inside_words(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] begins or ends inside a word: "leading" is not quoted from
    "misleading", but "可能" is a passage of "这个数字可能", written without spaces."""
    return (start > 0 and joins(text[start - 1], text[start])) or \
        (end < len(text) and joins(text[end - 1], text[end]))


def _key(word: str) -> str:
    return " ".join(word.lower().split())


# An article between a hedge and whom it gives the words to: "segundo a Prefeitura".
_ARTICLE = re.compile(r"(?:o|a|os|as|el|la|los|las|le|les|l['\u2019]|il|lo|der|die|das|dem|"
                      r"den)(?:\s+|(?<=['\u2019]))", re.IGNORECASE)


def _after_space(text: str, index: int) -> int:
    """Where the next word starts, after the white space at `index`."""
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def _sign_apart(gap: str) -> bool:
    """Whether the words between a hedge and a number are only a currency sign written
    apart from the number, as Brazil writes its money ("até R$ 300 milhões", "cerca de
    US$ 120 milhões"): up to three capitals and the sign, between spaces; or a currency's
    code, as Switzerland and Mexico write it first ("rund CHF 40'000", "alrededor de USD
    40,000", as their pages do)."""
    sign = gap.strip()
    if len(gap) - len(sign) > 3 or not 1 <= len(sign) <= 4:
        return False
    return is_code(sign) or (unicodedata.category(sign[-1]) == "Sc" and sign[:-1].isascii()
                             and (sign[:-1].isupper() or not sign[:-1]))


def _hedged_number(word: str, start: int, end: int, found: list[tuple[int, str, Decimal]],
                   text: str) -> Decimal | None:
    """The number a numeric hedge applies to: the one right after it ("under $6 million",
    "até R$ 300 milhões"), or for a trailing phrase ("or more") the one just before it."""
    if word.lower().startswith("or "):
        near = [n for n in found if n[0] < start and start - n[0] <= 40]
        return near[-1][2] if near else None
    return next((n[2] for n in found
                 if (0 <= n[0] - end <= 2 or (end < n[0] and _sign_apart(text[end:n[0]])))
                 and hedges_number(word, n[1])), None)


# Words before "May" that make it the month ("in May", "early May"), not the hedge.
_BEFORE_MONTH = re.compile(r"(?:\b(?:in|of|since|until|till|by|from|to|early|late|mid|last|"
                           r"next|this|through|during|before|after|between|and)[\s-]+)$",
                           re.IGNORECASE)


# Words before "claims" that make it the noun ("DeepSeek's claims", "the claims"), which
# hedges nothing, not the verb ("DeepSeek claims to have …").
_BEFORE_NOUN = re.compile(r"(?:(?:'s|\u2019s|s'|\b(?:the|its|their|his|her|our|these|those|"
                          r"such|many|some|any|no|of|new|earlier|bold))\s+)$",
                          re.IGNORECASE)


def _is_noun(text: str, match: re.Match[str]) -> bool:
    """Whether a match of "claims" is the noun, which names what others said."""
    return match.group(0).lower() == "claims" and \
        bool(_BEFORE_NOUN.search(text, 0, match.start()))


def _is_cannot(text: str, match: re.Match[str]) -> bool:
    """Whether a match of "could" is "could not", which says what was not possible ("the
    city could not afford it", reported speech for "cannot"), and softens nothing; as
    "couldn't" is no match of "could"."""
    return match.group(0).lower() == "could" and \
        re.match(r"\s+not\b", text[match.end():match.end() + 8], re.IGNORECASE) is not None


def _is_month(text: str, match: re.Match[str]) -> bool:
    """Whether a match of "may" is the month: "May" written capitalised, after a word that
    leads to a date or before a day or year ("May 5", "May 2025")."""
    if match.group(0) != "May":
        return False
    return bool(_BEFORE_MONTH.search(text, 0, match.start())
                or re.match(r"\s+\d", text[match.end():match.end() + 3]))


def _fold(text: str) -> str:
    return normalise_text(text).casefold()


def _strip_marks(words: str) -> str:
    return words.strip().strip(".,;:!?\u2026").strip()


# --- where the words are --------------------------------------------------------------


class Locator:
    """Finds words of a prose value in its YAML file, for a `path:line:col` at the words
    themselves. Only run for a finding, so a clean corpus never pays for it."""

    def __init__(self, files: Mapping[str, str]):
        self.files = files
        self._lines: dict[str, Lines] = {}

    def find(self, start: Pos, words: str) -> Pos:
        text = self.files.get(start.path, "")
        lines = self._lines.get(start.path)
        if lines is None:
            lines = self._lines[start.path] = Lines.of(text)
        if not 0 < start.line <= len(lines.starts) or not text:
            return start
        # Lines as YAML counts them (positions.py), so a U+2028 above cannot shift them.
        begin = min(lines.starts[start.line - 1] + max(0, start.col - 1), len(text))
        last = start.line - 1 + 200
        end = lines.starts[last] if last < len(lines.starts) else len(text)
        parts = [re.escape(w) for w in words.split()[:6]]
        if not parts:
            return start
        # Folded YAML may break the words across lines; escapes may hide a quote mark.
        match = re.compile(r"\s+".join(parts)).search(text, begin, end)
        if match is None:
            match = re.compile(parts[0]).search(text, begin, end)
        if match is None:
            return start
        return lines.pos(start.path, match.start())


# --- the checks -----------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One prose value to check, with the quotes it may draw on."""

    text: Text
    what: str  # "point", "claim statement", … for messages
    quotes: tuple[Quote, ...]
    point: Point | None = None
    claim_values: frozenset[Decimal] = frozenset()
    # Those figures' numbers with their units, for the currency an amount is given in.
    claim_units: frozenset[tuple[Decimal, str]] = frozenset()
    # Quotes whose hedges the text must keep: any one of them hedged ("any", a point), or
    # every one of them ("all", a claim: a plain statement by one source may stand), or
    # of a number the text repeats, every one giving it ("numbers", a summary, an event
    # label, which draw on many quotes).
    hedge_quotes: tuple[Quote, ...] = ()
    hedge_mode: str = ""
    attributed: bool = False  # a claim with a claimant: whose word it is is recorded
    # Whose numbers must be its quotes' or its claims' figures: "all", or "amounts" only
    # (`_is_amount`), where counts such as "4 sources" are the curator's own.
    numbered: str = ""
    extra: tuple[str, ...] = ()  # other text it may quote (an entity's own names)
    # The ids the check rests on (the item's own, its quotes' and claims'): when one of
    # them is in an annotation that failed to validate, the quotes it may draw on are
    # incomplete, so the item waits for that fix (`Linked.waiting`).
    about: frozenset[str] = frozenset()
    # The ids its hedge check alone rests on, when it reads fewer quotes than its other
    # checks (a claim's statement, an event label: the quotes putting the claim forward),
    # waiting only under those stances (`waiting.under(RELAYING)`): a quote that only
    # doubts the claim, not found in its article, holds back the others, not the hedges.
    hedges_about: frozenset[str] | None = None
    hedges_only: bool = False  # checked for its hedges alone: its other checks wait
    # What the text is made from when it is no `Prose` of the corpus (a brief's title, a
    # figure's scope): its identity stands for the text's between rebuilds.
    owner: object = None
    # The passages whose words the text may repeat outside quotation marks, when its
    # copies of the articles' words are checked (`prose-words-unsourced`), and those
    # passages' articles as linked (by source id), whose words it must not copy else.
    worded: tuple[Quote, ...] | None = None
    articles: tuple[tuple[str, CleanedText], ...] = ()
    # The status of each claim the text links, and a point names (`claims:`), by id
    # (None: the claim could not be read), for `prose-status-overstated`.
    statuses: tuple[tuple[str, str | None], ...] = ()
    # The dates of the events (`when:`) of the claims whose figures it may give, which it
    # may give too (`prose-date-unsourced`).
    event_dates: frozenset[Dated] = frozenset()

    @property
    def made_from(self) -> object:
        """The corpus object this text is, or is made from: the same object on the next
        rebuild means the same text (the entities' names apart, see `ProseStore`)."""
        return self.text.prose if self.owner is None else self.owner


@dataclass
class ProseStore:
    """Each item's findings from the last check, by the identity of what its text is made
    from (`Item.made_from`, held in the entry, so the identity cannot be reused): the
    rebuilds of `mkdocs serve` check again only the items whose text, quotes or claims
    changed. An unchanged file keeps its validated objects, so an item made from the very
    same object sits at the same place. `made_with` holds the entities, hedges and site
    language the findings were made with."""

    kept: dict[int, tuple[Item, tuple[Diagnostic, ...]]] = field(default_factory=dict)
    # Each claim's figure findings, by the claim's identity, with the quotes they used and
    # whether their values were held to those quotes' numbers (`claim_figures`).
    figures: dict[int, tuple[Claim, tuple[Quote, ...], bool, tuple[Diagnostic, ...]]] = \
        field(default_factory=dict)
    made_with: tuple[tuple[Entity, ...], Hedges, str] | None = None


def check_prose(linked: Linked, hedges: Hedges, files: Mapping[str, str],
                store: ProseStore | None = None, *, language: str = DEFAULT_LANGUAGE
                ) -> tuple[Diagnostic, ...]:
    """Every prose finding in the corpus. `files` maps each YAML file's displayed path to
    its text, to place findings at the words. `store`, kept across rebuilds, lets the
    check skip the items that did not change. `language` is the site's, that of every
    source that names none (`language.site_language`)."""
    if store is None:
        store = ProseStore()
    checker = _Checker(linked, hedges, Locator(files), language)
    problems: list[Diagnostic] = []
    waiting = linked.waiting.ids
    entities = linked.corpus.entities
    # Names and hedges shape every finding: when they change, nothing kept is reused.
    made_with = store.made_with
    last_kept = store.kept if made_with is not None and made_with[1:] == (hedges, language) \
        and same_objects(entities, made_with[0]) else {}
    kept: dict[int, tuple[Item, tuple[Diagnostic, ...]]] = {}
    for item in _not_waiting(linked, checker.counts):
        last = last_kept.get(id(item.made_from))
        found = last[1] if last is not None and _same_item(last[0], item) \
            else tuple(checker.check(item))
        kept[id(item.made_from)] = (item, found)
        problems.extend(found)
    figures: dict[int, tuple[Claim, tuple[Quote, ...], bool, tuple[Diagnostic, ...]]] = {}
    last_figures = store.figures if last_kept else {}
    # The hedge check reads the quotes asserting or reporting a claim alone: a broken item
    # naming the claim under another stance cannot change what it finds.
    hedges_wait = linked.waiting.under(RELAYING)
    for claim in linked.corpus.claims:
        stances = linked.stances.get(claim.id, ())
        quotes = tuple({s.quote.id: s.quote for s in stances}.values())
        relaying = {s.quote.id for s in stances if s.stance in RELAYING}
        # A claim's figures are checked against its quotes' own words and stances, which
        # a reference elsewhere cannot change: a brief's mistyped citation of one of them
        # does not hold the check back. A mistyped stance may be this claim's. A quote
        # not read (its source broken, or not found in it) or a broken item naming the
        # claim holds back whether a value is sourced, which any quote's numbers may
        # settle; the hedges, only when it asserts or reports the claim, or may (a word
        # of a file not read as YAML): a doubting one's words hedge nothing.
        unread = {q.id for q in quotes if q.id in linked.unread}
        if not claim.figures or (waiting and (ANY in waiting or claim.id in hedges_wait
                                              or not unread.isdisjoint(relaying))):
            continue
        sourced = not (unread or claim.id in waiting)
        last_found = last_figures.get(id(claim))
        found = last_found[3] if last_found is not None and last_found[0] is claim \
            and same_objects(last_found[1], quotes) and last_found[2] == sourced \
            else tuple(checker.claim_figures(claim, quotes, relaying, sourced=sourced))
        figures[id(claim)] = (claim, quotes, sourced, found)
        problems.extend(found)
    store.kept, store.figures, store.made_with = kept, figures, (entities, hedges, language)
    return tuple(problems)


def _not_waiting(linked: Linked, reader: Reader) -> Iterator[Item]:
    """The items whose checks wait for no fix elsewhere (`Linked.waiting`); an item whose
    hedge check reads fewer quotes than the rest (`Item.hedges_about`) and waits only for
    the rest is checked for its hedges alone (`Item.hedges_only`)."""
    waiting = linked.waiting.ids
    if not waiting:
        yield from items(linked, reader)
        return
    if ANY in waiting:
        return
    hedges_wait = linked.waiting.under(RELAYING)
    for item in items(linked, reader):
        if waiting.isdisjoint(item.about):
            yield item
        elif item.hedges_about is not None and hedges_wait.isdisjoint(item.hedges_about):
            yield replace(item, hedges_only=True)


def _same_item(a: Item, b: Item) -> bool:
    return a.made_from is b.made_from and a.point is b.point and a.what == b.what \
        and same_objects(a.quotes, b.quotes) and same_objects(a.hedge_quotes, b.hedge_quotes) \
        and a.claim_values == b.claim_values and a.claim_units == b.claim_units \
        and a.event_dates == b.event_dates \
        and a.hedge_mode == b.hedge_mode \
        and a.attributed == b.attributed and a.extra == b.extra and a.numbered == b.numbered \
        and a.hedges_only == b.hedges_only and a.statuses == b.statuses \
        and _same_worded(a, b)


def _same_worded(a: Item, b: Item) -> bool:
    if a.worded is None or b.worded is None:
        return a.worded is b.worded
    return same_objects(a.worded, b.worded) and len(a.articles) == len(b.articles) \
        and all(x[0] == y[0] and x[1] is y[1] for x, y in zip(a.articles, b.articles, strict=True))


def items(linked: Linked, reader: Reader) -> Iterator[Item]:
    """Every text the checks read, with what it may draw on; `reader` finds the counts of
    sources in the site's language, for which a description's quotes are gathered."""
    names = {e.id: e.name for e in linked.corpus.entities}
    yield from _brief_items(linked, names)
    yield from _claim_items(linked, names)
    yield from _entity_items(linked, names, reader)


def _by_ids(linked: Linked, ids: Iterable[str]) -> tuple[Quote, ...]:
    # Keyed by id: hashing a Quote would hash every field of it.
    return tuple(linked.quotes[i] for i in dict.fromkeys(ids) if i in linked.quotes)


def _statuses(linked: Linked, prose: Prose, point: Point | None = None
              ) -> tuple[tuple[str, str | None], ...]:
    """The status of each claim the text links and the point names, by id (None: the
    claim could not be read)."""
    ids = [r.id for r in prose.refs if r.kind == "claim"] + \
        ([r.id for r in point.claims] if point is not None else [])
    return tuple((i, linked.claims[i].status if i in linked.claims else None)
                 for i in dict.fromkeys(ids))


def _referenced(prose: Prose | None) -> list[str]:
    """The quotes a text links (`[[quote:…]]`)."""
    return [r.id for r in prose.refs if r.kind == "quote"] if prose else []


def _brief_items(linked: Linked, names: Mapping[str, str]) -> Iterator[Item]:
    for brief in linked.corpus.briefs:
        points = [p for s in brief.sections for p in s.points]
        everything = [r.id for p in points for r in p.cites]
        cited_anywhere = _by_ids(linked, everything)
        yield Item(plain_text(Prose((brief.title,), brief.pos), names), "brief title",
                   cited_anywhere, about=frozenset((brief.id, *everything)), owner=brief,
                   **_worded(linked, cited_anywhere))
        yield Item(plain_text(brief.summary, names), "brief summary", cited_anywhere,
                   claim_values=_figure_values(linked, (r.id for p in points
                                                        for r in p.claims)),
                   claim_units=_figure_units(linked, (r.id for p in points
                                                      for r in p.claims)),
                   event_dates=_event_dates(linked, (r.id for p in points
                                                     for r in p.claims)),
                   hedge_quotes=cited_anywhere, hedge_mode="numbers",
                   numbered="amounts", about=frozenset((brief.id, *everything)),
                   statuses=_statuses(linked, brief.summary),
                   **_worded(linked, cited_anywhere))
        for point in points:
            values = _figure_values(linked, (ref.id for ref in point.claims))
            cited = _by_ids(linked, [r.id for r in point.cites] + _referenced(point.text))
            yield Item(plain_text(point.text, names), "point", cited, point, values,
                       _figure_units(linked, (ref.id for ref in point.claims)),
                       cited, "any", numbered="all",
                       event_dates=_event_dates(linked, (ref.id for ref in point.claims)),
                       about=frozenset(
                           (brief.id, *(r.id for r in (*point.cites, *point.claims)),
                            *_referenced(point.text))),
                       statuses=_statuses(linked, point.text, point), **_worded(linked, cited))


def _claim_items(linked: Linked, names: Mapping[str, str]) -> Iterator[Item]:
    for claim in linked.corpus.claims:
        stances = linked.stances.get(claim.id, ())
        backing = [s.quote.id for s in stances]
        relaying = _by_ids(linked, (s.quote.id for s in stances if s.stance in RELAYING))
        about = frozenset((claim.id, *backing))
        hedges_about = frozenset((claim.id, *(q.id for q in relaying)))
        own_values = _figure_values(linked, (claim.id,))
        own_units = _figure_units(linked, (claim.id,))
        own_dates = _event_dates(linked, (claim.id,))
        # The claim's passages: its stances', those its statement links, and those its
        # note links (the note says what they add).
        passages = backing + _referenced(claim.statement) + _referenced(claim.note)
        yield Item(plain_text(claim.statement, names), "claim statement",
                   _by_ids(linked, backing + _referenced(claim.statement)),
                   claim_values=own_values, claim_units=own_units, event_dates=own_dates,
                   hedge_quotes=relaying,
                   hedge_mode="all",
                   numbered="all", attributed=claim.claimant is not None, about=about,
                   hedges_about=hedges_about, statuses=_statuses(linked, claim.statement),
                   **_worded(linked, _by_ids(linked, passages)))
        if claim.note:
            # A note may also quote the claims it names or relates this one to.
            linked_claims = [r.id for r in claim.note.refs if r.kind == "claim"] + \
                [r.id for _, r in (claim.relations.pairs() if claim.relations else ())]
            others = [s.quote.id for c in linked_claims for s in linked.stances.get(c, ())]
            yield Item(plain_text(claim.note, names), "claim note",
                       _by_ids(linked, backing + _referenced(claim.note) + others),
                       about=about | set(linked_claims),
                       statuses=_statuses(linked, claim.note))
        for figure in claim.figures:  # "as the source puts it"
            if figure.scope:
                yield Item(plain_text(Prose((figure.scope,), figure.pos), names),
                           "figure's scope", _by_ids(linked, backing), about=about,
                           owner=figure)
        for event in claim.events:
            yield Item(plain_text(event.what, names), "event label",
                       _by_ids(linked, backing + _referenced(event.what)),
                       claim_values=own_values, claim_units=own_units,
                       event_dates=own_dates,
                       hedge_quotes=relaying, hedge_mode="numbers",
                       numbered="all", about=about, hedges_about=hedges_about,
                       statuses=_statuses(linked, event.what),
                       **_worded(linked, _by_ids(linked, passages + _referenced(event.what))))


def _worded(linked: Linked, quotes: tuple[Quote, ...]) -> dict[str, Any]:
    """The `Item` fields of a text whose copies of its passages' articles are checked:
    the passages, and their articles as linked."""
    ids = dict.fromkeys(linked.quote_source.get(q.id, "") for q in quotes)
    return {"worded": quotes, "articles": tuple((i, linked.cleaned[i]) for i in ids
                                                if i in linked.cleaned)}


def _figure_values(linked: Linked, claim_ids: Iterable[str]) -> frozenset[Decimal]:
    """The numbers of these claims' figures, which the text naming them may give."""
    return frozenset(v for claim_id in claim_ids if claim_id in linked.claims
                     for f in linked.claims[claim_id].figures for v in f.value)


def _figure_units(linked: Linked, claim_ids: Iterable[str]
                  ) -> frozenset[tuple[Decimal, str]]:
    """The numbers of these claims' figures in a currency, each with its code."""
    return frozenset((v, f.unit) for claim_id in claim_ids if claim_id in linked.claims
                     for f in linked.claims[claim_id].figures if is_code(f.unit)
                     for v in f.value)


def _event_dates(linked: Linked, claim_ids: Iterable[str]) -> frozenset[Dated]:
    """The dates of these claims' events (`when:`, an inferred one too: its `basis:`
    says how it was found), which the text naming them may give."""
    return frozenset(date for claim_id in claim_ids if claim_id in linked.claims
                     for event in linked.claims[claim_id].events
                     for date in of_fuzzy(event.when))


def _entity_items(linked: Linked, names: Mapping[str, str], reader: Reader
                  ) -> Iterator[Item]:
    """An entity's description may quote the quotes it links, the words of the entity
    itself, and quotes naming it or taking a stance on a claim about it. That set is
    gathered only for descriptions with quotation marks in them, or a count of sources
    ("the sources say"), held to that set's sources (`sourcecount.py`). The quotes an annotation
    that failed to validate declared are among those it may have drawn on, so such a
    description rests on their ids too and waits for that fix."""
    lost = linked.corpus.declared.get("quote", frozenset()) - linked.quotes.keys()
    for entity in linked.corpus.entities:
        if entity.description is None:
            continue
        text = plain_text(entity.description, names)
        if next(quoted_spans(text.plain), None) is None and not reader.counting(text.plain):
            yield Item(text, "entity description", (), extra=entity.names,
                       statuses=_statuses(linked, entity.description))
            continue
        about = {c.id for c in linked.corpus.claims
                 if any(r.id == entity.id for r in c.statement.refs)
                 or any(f.subject and f.subject.id == entity.id for f in c.figures)}
        pattern = names_pattern(entity.names)
        chosen = [q for q in linked.quotes.values()
                  if (q.speaker and q.speaker.id == entity.id) or pattern.search(q.text)
                  or any(ref.id in about for _, ref in q.stances())]
        chosen += [linked.quotes[r.id] for r in entity.description.refs
                   if r.kind == "quote" and r.id in linked.quotes]
        yield Item(text, "entity description", tuple(dict.fromkeys(chosen)),
                   extra=entity.names, about=frozenset((entity.id, *about, *lost)),
                   statuses=_statuses(linked, entity.description))


_FIGURE_HINTS = MappingProxyType({
    "point": "correct the number, cite the quote that gives it, or mark the point "
             "`inference: true` if it is your own arithmetic",
    "brief summary": "correct the number, or give it in a point that cites the quote or "
                     "names the claim it comes from",
    "claim statement": "correct the number, or mark a quote that gives it as asserting or "
                       "reporting this claim",
    "event label": "correct the number, or mark a quote that gives it as taking a stance "
                   "on this claim",
})

# A year alone ("by 2030"): a date no quote gives is often the curator's own reading,
# which each kind of text labels in its own way (a brief's summary is checked for amounts
# only).
_YEAR_ALONE = re.compile(r"(?:1[89]|2[01])\d\d")
_YEAR_HINTS = MappingProxyType({
    "point": "correct the year, cite the quote that gives it, or mark the point "
             "`inference: true` if the date is your own reading",
    "claim statement": "correct the year, or mark a quote that gives it as asserting or "
                       "reporting this claim; a date of your own reading goes in the "
                       "claim's `note:`, which the page labels as yours",
    "event label": "correct the year, or mark a quote that gives it as taking a stance on "
                   "this claim; a date of your own reading goes in the event's `when:`, "
                   "with `inferred: true` and its `basis:`",
})


def _year_hint(written: str, what: str) -> str:
    """The hint for a year no quote gives, or "" for another number."""
    return _YEAR_HINTS.get(what, _YEAR_HINTS["point"]) \
        if _YEAR_ALONE.fullmatch(written) else ""


# What to do about a calendar date no quote, source or event gives. A quote's relative day
# ("on Tuesday") gives none: the date it means is the curator's reading, recorded as an
# event's `when:` with `inferred: true` and its `basis:`, or labelled as an inference.
_DATE_HINTS = MappingProxyType({
    "point": "correct the date, cite a passage that writes it, or name under `claims:` a "
             "claim with an event on that date; a quote's \"on Tuesday\" gives no date: "
             "record the day it means as the event's `when:`, with `inferred: true` and a "
             "`basis:`, or mark the point `inference: true` if the date is your own reading",
    "brief summary": "correct the date, or give it in a point that cites a passage writing "
                     "it or names a claim with an event on that date; a quote's \"on "
                     "Tuesday\" gives no date: record the day it means as the event's "
                     "`when:`, with `inferred: true` and a `basis:`",
    "claim statement": "correct the date, mark a quote that writes it as taking a stance "
                       "on this claim, or record it as an event of the claim; a quote's "
                       "\"on Tuesday\" gives no date: give the event's `when:` "
                       "`inferred: true` and a `basis:` that says how you dated it",
    "event label": "correct the date, or write it as this event's `when:` (with `inferred: "
                   "true` and a `basis:` when you dated a quote's \"on Tuesday\" by its "
                   "article), or mark a quote that writes it as taking a stance on this claim",
})


# The texts whose counts of sources are checked, each with whether the sources behind a
# sentence are those of the quotes it may draw on (a claim's note: the quotes on the claim
# and the claims it names), else first those of the words it quotes (an entity's
# description, which may draw on every quote naming the entity).
_COUNTED = MappingProxyType({"point": True, "brief summary": True, "claim statement": True,
                             "claim note": True, "entity description": False})

# What to do about words of an article no passage the text may draw on holds, when the
# passage `{}` holds them.
_COPIED_HINTS = MappingProxyType({
    "point": "cite quote {!r}, which holds them, or say it in your own words",
    "brief summary": "cite quote {!r}, which holds them, in a point of this brief, or say "
                     "it in your own words",
    "brief title": "cite quote {!r}, which holds them, in a point of this brief, or say "
                   "it in your own words",
    "claim statement": "mark quote {!r}, which holds them, as taking a stance on this "
                       "claim (or link it in the claim's note, if it only says what the "
                       "passages leave out), or say it in your own words",
    "event label": "mark quote {!r}, which holds them, as taking a stance on this claim, "
                   "or say it in your own words",
})


# The qualifiers of a figure that keep each numeric hedge group's hedge.
_QUALIFIERS_OF = MappingProxyType({
    "approximate": ("about",), "upper-bound": ("under", "up-to"),
    "lower-bound": ("over", "at-least")})


def _nearly_quoted(words: str, quotes: Iterable[Quote], cited: str
                   ) -> tuple[str, tuple[Segment, ...]]:
    """The hint for words in quotation marks that no quote has: the words of a quote the
    item cites that they nearly are, with the differences marked ("$60000" against
    "$60,000"), when one reads so; else what to do."""
    plain = ("copy the exact words from a cited quote, cite the quote that has them, or "
             "drop the quotation marks if this is a paraphrase")
    quotes = tuple(quotes)
    needle = normalise_text(words)
    best = closest_passage(needle, [normalise_text(q.text) for q in quotes])
    if best is None or best.ratio < NEARLY_QUOTED:
        return plain, ()
    diff = word_diff(needle, best.text)
    shown = passage_hint(diff, f"the quote it {cited}, {quotes[best.block].id!r}, has",
                         "the quotation marks")
    return f"{shown}; copy its words exactly, or drop the quotation marks", diff


class _Checker:
    def __init__(self, linked: Linked, hedges: Hedges, locator: Locator, language: str):
        self.hedges = hedges
        self.locator = locator
        self.names = {e.id: e.name for e in linked.corpus.entities}
        self.kinds = {e.id: e.kind for e in linked.corpus.entities}
        self.entities = {e.id: e for e in linked.corpus.entities}
        # The words of each passage (by id), note and entity met (`spaced`).
        self._spaced: dict[str, str] = {}
        self._prose_numbers: dict[str, list[tuple[int, str, Decimal]]] = {}
        self.owner: dict[str, str] = {}
        for entity in linked.corpus.entities:
            for name in entity.names:
                self.owner.setdefault(name, entity.id)
        self.pattern = names_pattern(self.owner) if self.owner else None
        # Whether every entity declared is made, and whole: otherwise a name after a hedge
        # may be one the corpus does not know yet (`whom_unknown`).
        made = {e.id for e in linked.corpus.entities}
        self.names_complete = linked.corpus.declared.get("entity", frozenset()) <= made \
            and linked.corpus.broken.ids.isdisjoint(made)
        self._numbers: dict[str, list[tuple[int, str, Decimal]]] = {}
        self._dates: dict[str, tuple[Dated, ...]] = {}  # each quote's dates, by quote id
        self._date_readers: dict[str, DateReader] = {}  # by language
        self._hedged: dict[str, dict[str, list[tuple[str, Decimal | None]]]] = {}
        self.sources, self.quote_source = linked.sources, linked.quote_source
        self.anchors = linked.anchors
        self.language = language
        self.speaking = Speaking(language)  # the prose is the site's language (and English)
        # The groups of each word that makes a quote hedged, and a pattern of them all, by
        # the language of the quote's source (`HedgeGroup.triggers_in`), made for each
        # language met.
        self._triggers: dict[str, tuple[dict[str, list[HedgeGroup]], re.Pattern[str]]] = {}
        # How each language met writes numbers: separators ("16.000,5" in Dutch), scales.
        self._styles: dict[str, NumberStyle] = {}
        self._money: dict[str, Money] = {}  # how each language met writes currencies
        self.site_style = self.number_style(language)
        self.counts = Reader(language)  # counts of sources in the prose (sourcecount.py)
        self.status_words = StatusReader(language)  # words judging a claim (statuswords.py)
        self._folded: dict[str, str] = {}  # each quote's text folded, by quote id
        # Each article's words read so far (`article`), by source id. Not kept between
        # rebuilds: a rebuild checks only the items that changed, which read their few
        # articles again, and the words of every article are as large as the texts.
        self.articles: dict[str, str] = {}
        self.texts: dict[str, str] = {}  # and their texts (`article_text`), read first

    def check(self, item: Item) -> list[Diagnostic]:
        # A point marked as the curator's inference goes beyond its quotes by design:
        # its numbers and hedges are not held to theirs. Quotation marks and speakers are.
        inference = item.point is not None and item.point.inference
        if item.hedges_only:
            return [] if inference else list(self.dropped_hedges(item))
        problems = list(self.quoted(item))
        if item.worded is not None:
            problems.extend(self.copied(item))
        if item.numbered and not inference:
            problems.extend(self.figures(item))
            problems.extend(self.dates(item))
        if item.point is not None:
            problems.extend(self.attribution(item))
        if item.what in _COUNTED:
            problems.extend(self.source_counts(item))
        if item.hedge_mode and not inference:
            problems.extend(self.dropped_hedges(item))
        # An inference may reason, but may not call a disputed claim confirmed: read too.
        if item.statuses:
            problems.extend(self.overstated(item))
        return problems

    def overstated(self, item: Item) -> Iterator[Diagnostic]:
        """Words of certainty or refutation for a claim the text links, or a point names,
        that its status does not bear (`statuswords.py`)."""
        text = item.text
        links = [Link(text.starts[index], part.ref.id)
                 for index, part in enumerate(text.prose.parts)
                 if isinstance(part, ProseRef) and part.ref.kind == "claim"]
        if item.point is not None:
            links += [Link(None, ref.id) for ref in item.point.claims]
        quoted = [(at, at + len(words)) for at, words in quoted_spans(text.plain)]
        return overstated(text.plain, links, dict(item.statuses), self.status_words, quoted,
                          lambda start, end: self.at(item, text.written(
                              start, shown_end(text.plain, end))),
                          lambda: (quote.text for quote in item.quotes))

    def source_counts(self, item: Item) -> Iterator[Diagnostic]:
        """A count of sources the text states ("both sources", "one source") against the
        sources behind its sentence (`sourcecount.py`): those of the quotes it cites, or
        for a text that cites none, of the quotes holding the words it quotes."""
        if not self.counts.mentions(item.text.plain):
            return iter(())
        texts: dict[str, str] = {}

        def folded() -> dict[str, str]:
            for quote in item.quotes:
                if quote.id not in texts:
                    found = self._folded.get(quote.id)
                    if found is None:
                        found = self._folded[quote.id] = _fold(quote.text)
                    texts[quote.id] = found
            return texts

        def behind() -> Behind:
            of = self.quote_source
            held = {at: frozenset(of.get(i, i) for i, text in folded().items()
                                  if _contains(text, needle))
                    for at, words in quoted_spans(item.text.plain)
                    if len(needle := _fold(_strip_marks(words))) > 1}
            return Behind(frozenset(of.get(q.id, q.id) for q in item.quotes), held,
                          not _COUNTED[item.what], *self.linked_sources(item))

        return source_counts(item.text.plain, item.what, behind, self.counts,
                             lambda words: self.at(item, words),
                             lambda words: any(_contains(t, _fold(words))
                                               for t in folded().values()))

    def linked_sources(self, item: Item) -> tuple[tuple[tuple[int, str], ...], frozenset[str]]:
        """A point's quotes linked in its prose, as (where the link stands, source), and
        the sources of those it cites without a link: a point that links its quotes
        cites sentence by sentence (`Behind.behind`)."""
        if item.point is None:
            return (), frozenset()
        text, of = item.text, self.quote_source
        cited = {quote.id for quote in item.quotes}
        links = [(text.starts[index], part.ref.id)
                 for index, part in enumerate(text.prose.parts)
                 if isinstance(part, ProseRef) and part.ref.kind == "quote"
                 and part.ref.id in cited]
        linked_ids = {quote_id for _, quote_id in links}
        return (tuple((at, of.get(quote_id, quote_id)) for at, quote_id in links),
                frozenset(of.get(i, i) for i in cited - linked_ids))

    def numbers_of(self, quote: Quote) -> list[tuple[int, str, Decimal]]:
        found = self._numbers.get(quote.id)
        if found is None:
            style = self.number_style(self.quote_language(quote))
            found = self._numbers[quote.id] = numbers(quote.text, style)
        return found

    def at(self, item: Item, words: str) -> Pos:
        return self.locator.find(item.text.prose.pos, words)

    def quoted(self, item: Item) -> Iterator[Diagnostic]:
        folded: list[str] | None = None
        for _, words in quoted_spans(item.text.plain):
            needle = _fold(_strip_marks(words))
            if len(needle) < 2 or needle in _TERMS or not _WORDY.search(needle):
                continue
            if folded is None:
                folded = [_fold(t) for t in (*(q.text for q in item.quotes), *item.extra)]
            if any(_contains(text, needle) for text in folded):
                continue
            cited = "cites" if item.point is not None else "may draw on"
            hint, diff = _nearly_quoted(_strip_marks(words), item.quotes, cited)
            yield error(self.at(item, _strip_marks(words)), "prose-quote-unsourced",
                        f'"{_strip_marks(words)}" is in quotation marks, but no quote this '
                        f"{item.what} {cited} contains it", hint, diff)

    def copied(self, item: Item) -> Iterator[Diagnostic]:
        """Four words in a row of an article the text's passages are from, outside
        quotation marks, that no passage it may draw on holds (`copied.py`). Read in two
        steps, the second only while four words in a row are left: most prose is the
        curator's own words or its passages'."""
        quotes = item.worded or ()
        plain = item.text.plain
        found = ProseWords(plain)
        if not item.articles or not found.cover(
                [self.spaced(q.id, q.text) for q in quotes],
                ((at, at + len(w)) for at, w in quoted_spans(plain))):
            return
        # The passages' notes say what a passage leaves out (what its "it" is); the
        # names and descriptions of the entities the text names say who is who, as the
        # site does; the names of whom the passages quote say whose words they are
        # ("Laut Bürgermeisterin Katrin Albers"), which their `speaker:` backs; and the
        # numbers are held to the passages by `figures` ("the $6 million figure").
        # A brief's title names its subject, often in its articles' headlines, which the
        # site shows beside each citation: their words are the passages'.
        mentions = self.mentions(item.text)
        speakers = {q.speaker.id for q in quotes if q.speaker}
        headlines = [self.spaced(f"title {i}", source.title) for i, _ in item.articles
                     if (source := self.sources.get(i))] if item.what == "brief title" else []
        if not found.cover([*self.described(quotes, mentions, speakers), *headlines],
                          [*((start, end) for start, end, entity in mentions
                             if entity in speakers),
                           *((at, at + len(w)) for at, w, _
                             in self.prose_numbers(plain))]):
            return
        articles = {i: self.article(i, cleaned) for i, cleaned in item.articles
                    if found.may_be_in(self.article_text(i, cleaned))}
        for run in found.runs(articles):
            yield self.unsourced_words(item, run)

    def spaced(self, key: str, *texts: str | Prose) -> str:
        """The words of a passage, a note or an entity's texts (`copied.spaced`), one
        text a line, made once a check: `key` names them, so that they are made only
        when not kept."""
        found = self._spaced.get(key)
        if found is None:
            found = self._spaced[key] = "\n".join(
                spaced(t if isinstance(t, str) else plain_text(t, self.names).plain)
                for t in texts)
        return found

    def described(self, quotes: tuple[Quote, ...], mentions: list[tuple[int, int, str]],
                  speakers: set[str]) -> Iterator[str]:
        """The words of the passages' notes, and of the names and descriptions of the
        entities the text names and of the passages' speakers."""
        for quote in quotes:
            if quote.note:
                yield self.spaced(f"note {quote.id}", quote.note)
        for entity_id in sorted({e for _, _, e in mentions} | speakers):
            entity = self.entities.get(entity_id)
            if entity is not None:
                yield self.spaced(f"entity {entity_id}", *entity.names,
                                  *((entity.description,) if entity.description else ()))

    def unsourced_words(self, item: Item, run: Copied) -> Diagnostic:
        shown = item.text.plain[run.start:run.end]
        source = self.sources.get(run.source_id)
        whose = f"article {run.source_id!r}" + (f' ("{source.title}")' if source else "")
        cited = "cites" if item.point is not None else "may draw on"
        kept = holding(source.quotes if source else (), run)
        if kept is not None:
            hint = _COPIED_HINTS.get(item.what, _COPIED_HINTS["point"]).format(kept.id)
        else:
            near = self.nearest(item, run)
            hint = f"no passage of {run.source_id!r} holds them: " + (
                f"extend quote {near!r}, in the same paragraph, to take them in"
                if near else "annotate the sentence they are in and cite it") + \
                ", or say it in your own words"
        return warning(self.at(item, item.text.written(run.start, run.end)),
                       "prose-words-unsourced",
                       f'"{shown}" are words of {whose}, but no passage this {item.what} '
                       f"{cited} holds them", hint)

    def nearest(self, item: Item, run: Copied) -> str | None:
        """The passage the text may draw on that is nearest the words in their paragraph
        of the article, the one to extend to take them in."""
        source_id = run.source_id
        words = self.articles[source_id]
        at = max(0, words.find(run.needle))
        block = words.count("\n", 0, at)
        best: tuple[int, str] | None = None
        for quote in item.worded or ():
            anchor = self.anchors.get(quote.id)
            if anchor is None or anchor.source_id != source_id or anchor.block != block:
                continue
            own = self.spaced(quote.id, quote.text)
            start = words.find(own.strip(), words.rfind("\n", 0, at) + 1)
            end = start + len(own)
            gap = min(abs(start - at - len(run.needle.strip())), abs(at - end))
            if start >= 0 and (best is None or gap < best[0]):
                best = (gap, quote.id)
        return best[1] if best else None

    def article(self, source_id: str, cleaned: CleanedText) -> str:
        """The article's words (`copied.article_words`), made once a check."""
        kept = self.articles.get(source_id)
        if kept is None:
            kept = self.articles[source_id] = article_words(self.article_text(source_id,
                                                                              cleaned))
        return kept

    def article_text(self, source_id: str, cleaned: CleanedText) -> str:
        """The article's text as compared (`copied.article_text`), made once a check."""
        kept = self.texts.get(source_id)
        if kept is None:
            kept = self.texts[source_id] = article_text(cleaned)
        return kept

    def figures(self, item: Item) -> Iterator[Diagnostic]:
        given = {v for q in item.quotes for _, _, v in self.numbers_of(q)}
        allowed = given | set(item.claim_values)
        plain = item.text.plain
        names = [(start, end) for start, end, _ in item.text.refs]
        for at, written, value in self.prose_numbers(plain):
            if value in allowed:
                yield from self.other_currency(item, at, written, value)
                continue
            if item.numbered == "amounts" and not is_amount(plain, at, written,
                                                            self.site_style):
                continue
            # "$40,000" in English prose on a German site, "16.000" copied from a Dutch
            # quote: a number other languages read otherwise is backed either way.
            if other_reading(written, self.site_style) in allowed:
                continue
            if any(start <= at < end for start, end in names):
                continue  # in an entity's name ("Area 51"), no figure
            shown = sorted({w for q in item.quotes for _, w, _ in self.numbers_of(q)})
            yield warning(self.at(item, written), "prose-figure-unsourced",
                          f"{written} is not a number that this {item.what}'s quotes or "
                          f"claims give (its quotes give: "
                          f"{', '.join(shown[:8]) or 'no numbers'})",
                          _year_hint(written, item.what)
                          or _FIGURE_HINTS.get(item.what, _FIGURE_HINTS["point"])
                          + self.reading(item.quotes))

    def dates(self, item: Item) -> Iterator[Diagnostic]:
        """A calendar date of the text ("3 March 2025", "March 2025") that no quote it may
        draw on writes, no source of those quotes was published on, and no event of its
        claims is dated (`givendates.py`), at the precision the text writes it to."""
        plain = item.text.plain
        written = self.date_reader(self.language).read(plain)
        if not written:
            return
        names = [(start, end) for start, end, _ in item.text.refs]
        quoted = {d for q in item.quotes for d in self.quote_dates(q)}
        published = {d for q in item.quotes for d in of_fuzzy(self.published(q))}
        given = quoted | published | item.event_dates
        for start, end, ends in written:
            unbacked = [readings for readings in ends
                        if not any(backs(given, r) for r in readings)]
            if not unbacked or any(at <= start < last for at, last in names):
                continue
            parts = [f"{what} {', '.join(sorted(map(shown, dates))[:6])}" for what, dates in
                     (("its quotes write", quoted), ("its sources were published", published),
                      ("its claims' events are dated", item.event_dates)) if dates]
            if len(ends) > 1:  # (a range: which of its ends no date given backs)
                parts.insert(0, "its end " + " nor ".join(shown(r[0]) for r in unbacked if r)
                             + " is not" if len(unbacked) == 1 else "neither end is")
            yield warning(self.at(item, item.text.written(start, end)), "prose-date-unsourced",
                          f"\"{plain[start:end]}\" is not a date"
                          f"{' range' if len(ends) > 1 else ''} that this {item.what}'s "
                          f"quotes, their sources or its claims' events give "
                          f"({'; '.join(parts) or 'none gives a date'})",
                          _DATE_HINTS.get(item.what, _DATE_HINTS["point"]))

    def quote_dates(self, quote: Quote) -> tuple[Dated, ...]:
        """The calendar dates a quote writes, as its source's language writes them."""
        found = self._dates.get(quote.id)
        if found is None:
            language = self.quote_language(quote)
            found = self._dates[quote.id] = tuple(
                date for _, _, ends in self.date_reader(language).read(quote.text)
                for readings in ends for date in readings)
        return found

    def date_reader(self, language: str) -> DateReader:
        """How `language` writes dates (`givendates.reader`), made once per language."""
        found = self._date_readers.get(language.lower())
        if found is None:
            found = self._date_readers[language.lower()] = reader(
                self.number_style(language).dates, language)
        return found

    def published(self, quote: Quote) -> FuzzyDate | None:
        """When the quote's source was published, as its `published:` says."""
        source = self.sources.get(self.quote_source.get(quote.id, ""))
        return source.published if source is not None else None

    def other_currency(self, item: Item, at: int, written: str, value: Decimal
                       ) -> Iterator[Diagnostic]:
        """An amount the prose gives in a currency ("€40,000", "40 000 $ US") other than
        that of every quote and claim figure giving its number in one ("$40,000", "40 000
        $" in Quebec): a "$" alone is the writer's own dollar, the site's in the prose and
        the source's in a quote, and two written so are one. Prose that names no currency,
        or a number no source gives in one, is not compared."""
        plain = item.text.plain
        own = self.money(self.language).currency(plain, at, written)
        if own is None:
            return
        theirs: list[tuple[Written, str]] = []
        for quote in item.quotes:
            money = self.money(self.quote_language(quote))
            for their_at, their_written, their_value in self.numbers_of(quote):
                found = money.currency(quote.text, their_at, their_written) \
                    if their_value == value else None
                if found is not None:
                    theirs.append((found, amount(quote.text, their_at, their_written, found)))
        theirs += [(Written(unit, False, 0, 0), "") for v, unit in item.claim_units
                   if v == value]
        if not theirs or any(own.same(found) for found, _ in theirs):
            return
        example = next((f' ("{shown}")' for _, shown in theirs if shown), "")
        yield warning(self.at(item, written), "prose-figure-unsourced",
                      f"{amount(plain, at, written, own)} is in {own.code}, but this "
                      f"{item.what}'s quotes and claims give {value:,f} in "
                      f"{' or '.join(sorted({found.code for found, _ in theirs}))}{example}",
                      "write the amount in the currency its source gives, or cite a quote "
                      f"that gives it in {own.code}; a \"$\" alone is this site's dollar "
                      f"({self.money(self.language).dollar}), another dollar is written "
                      "with its sign or code (\"US$\", \"CA$\", \"USD\")")

    def money(self, language: str) -> Money:
        """How `language` writes currencies (`currencies.Money`), made once per language."""
        found = self._money.get(language.lower())
        if found is None:
            found = self._money[language.lower()] = Money(language)
        return found

    def claim_figures(self, claim: Claim, quotes: tuple[Quote, ...], relaying: set[str],
                      *, sourced: bool = True) -> Iterator[Diagnostic]:
        """A claim's figures against the quotes on it: each value one of their numbers
        (unless not `sourced`: while a quote is not read, its numbers are not known), and
        its qualifier the hedge every quote putting that number forward gives it."""
        given = {v: w for q in quotes for _, w, v in self.numbers_of(q)}
        # Numbers as English words, in English sources only: Dutch "ten" is "at the".
        spelled = {v for q in quotes if self.in_english(q) for v in spelled_numbers(q.text)}
        for figure in claim.figures:
            for value in dict.fromkeys(figure.value):
                if value not in given and value.normalize() not in spelled:
                    if not sourced:
                        continue
                    yield warning(
                        self.locator.find(figure.pos, "value:"), "prose-figure-unsourced",
                        f"the {figure.metric} figure {value:,} is not a number that the "
                        f"quotes on claim {claim.id!r} give (they give: "
                        f"{', '.join(sorted(set(given.values()))[:8]) or 'no numbers'})",
                        "correct the value, or mark a quote that gives it as asserting or "
                        "reporting this claim" + self.reading(quotes))
                    continue
                if value not in given:  # (written as words: no hedge is read)
                    continue
                hedged = self.hedged_by_all([q for q in quotes if q.id in relaying
                                             and value in {v for _, _, v in
                                                           self.numbers_of(q)}], value)
                if hedged and not any(figure.qualifier in _QUALIFIERS_OF.get(g, ())
                                      for g in hedged):
                    group, (quote, hedge) = next(iter(hedged.items()))
                    yield warning(
                        # (a qualifier other than the default is written in this figure)
                        self.locator.find(figure.pos, "value:" if figure.qualifier ==
                                          "exactly" else "qualifier:"),
                        "prose-hedge-dropped",
                        f'quote {quote.id!r} says "{hedge}" of {given[value]}, and this '
                        f"figure's qualifier is {figure.qualifier!r}"
                        + (" (the default, when none is written)"
                           if figure.qualifier == "exactly" else ""),
                        f"set `qualifier:` to {' or '.join(_QUALIFIERS_OF[group])}, or mark "
                        "a quote that states the number plainly as asserting or reporting "
                        "this claim")

    def giving(self, quotes: tuple[Quote, ...], value: Decimal | None) -> int:
        """How many of the quotes give the number."""
        return sum(1 for q in quotes if any(v == value for _, _, v in self.numbers_of(q)))

    def hedged_by_all(self, quotes: list[Quote], value: Decimal
                      ) -> dict[str, tuple[Quote, str]]:
        """The numeric hedge groups that every one of `quotes` hedges `value` with, each
        with a quote and its hedge as written."""
        groups: dict[str, dict[str, tuple[Quote, str]]] = {}
        for quote in quotes:
            for name, used in self.quote_hedges(quote).items():
                hedge = next((w for w, v in used if v == value), None)
                if hedge is not None and name in _QUALIFIERS_OF:
                    groups.setdefault(name, {}).setdefault(quote.id, (quote, hedge))
        return {name: next(iter(by.values())) for name, by in groups.items()
                if quotes and len(by) == len(quotes)}

    def quote_hedges(self, quote: Quote) -> dict[str, list[tuple[str, Decimal | None]]]:
        """The hedges a quote uses, by group: (the hedge as written, the number it hedges,
        for a numeric group). One pass of one pattern over the quote, kept by quote id."""
        kept = self._hedged.get(quote.id)
        if kept is not None:
            return kept
        found = self.numbers_of(quote)
        kept = self._hedged[quote.id] = {}
        by_word, any_trigger = self.triggers(self.quote_language(quote))
        for match in any_trigger.finditer(quote.text):
            if _is_month(quote.text, match) or _is_noun(quote.text, match) \
                    or _is_cannot(quote.text, match) \
                    or not gives_words(quote.text, match.start(), match.end()):
                continue
            word = match.group(0)
            for group in by_word.get(_key(word), ()):
                value = _hedged_number(word, match.start(), match.end(), found, quote.text) \
                    if group.numeric else None
                if value is not None or not group.numeric:
                    kept.setdefault(group.name, []).append((word, value))
        return kept

    def triggers(self, language: str) -> tuple[dict[str, list[HedgeGroup]], re.Pattern[str]]:
        """The groups of each word that makes a quote in `language` hedged, and a pattern
        of those words."""
        made = self._triggers.get(language.lower())
        if made is None:
            by_word: dict[str, list[HedgeGroup]] = {}
            for group in self.hedges.groups:
                for word in group.triggers_in(language):
                    groups = by_word.setdefault(_key(word), [])
                    if group not in groups:  # (a word listed twice counts once)
                        groups.append(group)
            made = self._triggers[language.lower()] = (by_word, words_pattern(by_word))
        return made

    def number_style(self, language: str) -> NumberStyle:
        """How numbers are written in `language` (separators, those of its own digits,
        grouping, scale words): the quote's source's for a quote, the site's for the
        curator's prose."""
        style = self._styles.get(language.lower())
        if style is None:
            style = self._styles[language.lower()] = written_in(language)
        return style

    def reading(self, quotes: Iterable[Quote]) -> str:
        """For a hint: how a quote whose language does not separate numbers as English
        does was read, in case its source names no language or the wrong one."""
        for quote in quotes:
            language = self.quote_language(quote)
            style = self.number_style(language)
            found = self.numbers_of(quote)
            if found and (style.decimal, style.group) != (ENGLISH.decimal, ENGLISH.group):
                # A number with a separator or a scale word shows the reading; a year
                # ("2027" is 2,027) does not.
                _, written, value = next((f for f in found if not f[1].isdigit()), found[0])
                source = self.sources.get(self.quote_source.get(quote.id, ""))
                fix = "correct its `language:`" if source is not None and source.language \
                    else "give it `language:`"
                return (f'; quote {quote.id!r} is read as {language} writes numbers ("{written}" '
                        f"is {value:,f}): if its source is in another language, {fix}")
        return ""

    def quote_language(self, quote: Quote) -> str:
        """The language of the quote's source: its `language:`, else the site's."""
        source = self.sources.get(self.quote_source.get(quote.id, ""))
        return source.language if source is not None and source.language else self.language

    def in_english(self, quote: Quote) -> bool:
        """Whether the quote's source is in English: its `language:`, else the site's."""
        return primary(self.quote_language(quote)) == "en"

    def dropped_hedges(self, item: Item) -> Iterator[Diagnostic]:
        quotes = item.hedge_quotes
        if not quotes:
            return
        own = item.text.plain
        own_numbers = self.prose_numbers(own)
        values = {v: w for _, w, v in own_numbers}
        for group in self.hedges.groups:
            if (item.point is None and not group.in_claims) or \
                    (group.attribution and item.attributed) or \
                    (item.hedge_mode == "numbers" and not group.numeric):
                continue
            if not group.numeric and any(
                    not _is_month(own, m) and gives_words(own, m.start(), m.end())
                    for m in group.words_re.finditer(own)):
                continue
            # A numeric hedge is kept next to the very number it hedges: "around 2,000"
            # does not keep the "approximately" of "$6 million" beside it.
            kept = {_hedged_number(m.group(0), m.start(), m.end(), own_numbers, own)
                    for m in group.words_re.finditer(own)} if group.numeric else set()
            # What the quotes hedge and the text states plainly (a number, or None: the
            # text), with each quote that hedges it and how.
            dropped: dict[Decimal | None, dict[str, tuple[Quote, str]]] = {}
            for quote in quotes:
                for hedge, value in self.quote_hedges(quote).get(group.name, []):
                    if group.attribution and (self.names_whom(quote, hedge, item)
                                              or self.whom_unknown(quote, hedge)):
                        continue
                    if value is None or (value in values and value not in kept):
                        dropped.setdefault(value, {}).setdefault(quote.id, (quote, hedge))
            for value, by in dropped.items():
                if item.hedge_mode == "all" and len(by) < len(quotes):
                    continue  # a claim one source states plainly may stand plain
                if item.hedge_mode == "numbers" and len(by) < self.giving(quotes, value):
                    continue  # so may a number
                quote, hedge = next(iter(by.values()))
                number = "" if value is None else values[value]
                yield warning(self.at(item, number or own), "prose-hedge-dropped",
                              f'quote {quote.id!r} says "{hedge}"'
                              + (f" of {number}" if number else "")
                              + f", and this {item.what} does not keep the hedge",
                              f"keep \"{hedge}\" or an equivalent "
                              f"({', '.join(group.words_in(self.language)[:6])})"
                              + (f" next to {number}" if number else "")
                              + ", or cite a quote that states it plainly")

    def names_whom(self, quote: Quote, hedge: str, item: Item) -> bool:
        """Whether the text names whom the quote's hedge gives the words to: "…£1 billion,
        according to Brightwater Capital" cited by "Brightwater Capital puts the overrun
        at…" keeps the attribution, which is what the hedge is for."""
        if self.pattern is None:
            return False
        named = {entity for _, _, entity in self.mentions(item.text)}
        for found in words_pattern((hedge,)).finditer(quote.text):
            at = _after_space(quote.text, found.end())
            # (after an article: "segundo a Prefeitura", "según el FMI")
            article = _ARTICLE.match(quote.text, at)
            whom = self.pattern.match(quote.text, at) or (
                article and self.pattern.match(quote.text, article.end()))
            if whom and self.owner[whom.group(0)] in named:
                return True
        return False

    def whom_unknown(self, quote: Quote, hedge: str) -> bool:
        """Whether the quote's hedge may give the words to an entity whose name is not
        known: one declared in a file or item that failed ("according to" before a word
        that is not lower case). That waits for the fix; "reportedly costs" does not."""
        if self.names_complete:
            return False
        for found in words_pattern((hedge,)).finditer(quote.text):
            after = _after_space(quote.text, found.end())
            if after < len(quote.text) and not quote.text[after].islower():
                return True
        return False

    def attribution(self, item: Item) -> Iterator[Diagnostic]:
        speakers = {q.speaker.id if q.speaker else None for q in item.quotes}
        # A speaker no entity has is a typo already reported at the quote (`ref-unknown`);
        # who said it is known once that is fixed.
        if not item.quotes or None in speakers or not speakers <= self.kinds.keys():
            return
        plain = item.text.plain
        mentions = self.mentions(item.text)
        for index, (start, end, entity_id) in enumerate(mentions):
            if entity_id not in speakers and self.kinds.get(entity_id) in _SPEAKERS \
                    and self.speaking.names(plain, mentions, index):
                whose = ", ".join(sorted(self.names.get(s, s) for s in speakers if s))
                shown = next((f"[[entity:{eid}" for at, _, eid in item.text.refs
                              if at == start), plain[start:end])
                yield warning(self.at(item, shown), "prose-attribution",
                              f"this point names {self.names.get(entity_id, entity_id)} as "
                              f"the one who said it, but its quotes are the words of {whose}",
                              "name the speaker of the cited quotes, cite a quote of the "
                              "person or organisation named, or correct the quote's "
                              "`speaker:`")

    def prose_numbers(self, plain: str) -> list[tuple[int, str, Decimal]]:
        """The numbers of an item's text, as the site's language writes them: read once
        for the checks of figures, hedges and copied words. The days and year of a range
        of dates ("3-5 March 2025", "March 3-5, 2025") are no figures: the date check
        holds them to the sources (`dates`)."""
        found = self._prose_numbers.get(plain)
        if found is None:
            ranges = [(start, end) for start, end, ends in
                      self.date_reader(self.language).read(plain) if len(ends) > 1]
            found = self._prose_numbers[plain] = [
                number for number in numbers(plain, self.site_style)
                if not any(start <= number[0] < end for start, end in ranges)]
        return found

    def mentions(self, text: Text) -> list[tuple[int, int, str]]:
        """Entities named in the text: its references and the names it writes out."""
        found = {start: (start, end, eid) for start, end, eid in text.refs}
        if self.pattern is not None:
            for match in self.pattern.finditer(text.plain):
                found.setdefault(match.start(),
                                 (match.start(), match.end(), self.owner[match.group(0)]))
        return [found[k] for k in sorted(found)]
