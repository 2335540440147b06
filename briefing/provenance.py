"""Prose provenance: the curator's own text checked against the quotes it rests on.

Quote matching proves that every quote is in its source; these checks prove that the
prose around the quotes says no more than they do:

- `prose-quote-unsourced` (error): words in quotation marks that no quote the item cites
  contains;
- `prose-figure-unsourced`: a number in a point that neither its quotes nor its claims'
  figures give;
- `prose-hedge-dropped`: a hedge of a cited quote ("reportedly", "may", "under") that the
  text does not keep;
- `prose-attribution`: a point that gives its quotes' words to someone else.

Every check is one pass over each item's text and its few quotes, so the cost grows
linearly with the corpus. Positions point at the offending words in the YAML file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from types import MappingProxyType

from .broken import ANY
from .diagnostics import Diagnostic, Pos, error, warning
from .hedges import HedgeGroup, Hedges, words_pattern
from .identity import same_objects
from .link import Linked, names_pattern
from .model import (
    QUALIFIERS,
    RELATIONS,
    SECTION_KINDS,
    STANCES,
    STATUSES,
    Entity,
    Point,
    Quote,
)
from .positions import Lines
from .schema import Prose, ProseRef
from .text import normalise_text

# Quoted words: straight or curly, double or single. A straight single quote opens only
# after white space or an opening bracket, so apostrophes ("Musk's") never do.
_QUOTED = re.compile(
    r'"(?P<d>[^"\n]+)"'
    r"|\u201c(?P<cd>[^\u201d]+)\u201d"
    r"|\u2018(?P<cs>[^\u2019]+)\u2019"
    r"|(?:(?<=^)|(?<=[\s(\[]))'(?P<s>[^'\s](?:[^'\n]*?[^'\s])?)'(?!\w)")
# The model's own vocabulary in quotation marks ("recorded as "contradicts"") is not a
# quotation of a source.
_WORDY = re.compile(r"[^\W_]")  # a quotation has a letter or digit: not "'---'"
_TERMS = frozenset((*STANCES, *STATUSES, *RELATIONS, *QUALIFIERS, *SECTION_KINDS))

_SCALES = MappingProxyType({
    "thousand": 3, "k": 3, "million": 6, "m": 6, "mn": 6, "billion": 9, "bn": 9, "b": 9,
    "trillion": 12, "tn": 12})
# A number not glued to a word ("H800", "GPT-4", "R1" are names), with its scale word.
_NUMBER = re.compile(
    r"(?<![\w.,\-/])(?:US\$|\$|€|£)?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?"
    r"(?:(?P<glued>[kKmMbB]n?|tn)(?!\w)|(?!\w|-\d|[.,]\d)"
    r"(?:\s*(?P<word>thousand|million|billion|trillion)(?!\w))?)",
    re.IGNORECASE)
# A date written out ("3 March", "March 3rd, 2025", "April 2025"): its numbers are a day
# and a year, not figures. Month names are capitalised, so "may 3" stays a number.
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
          r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY, _YEAR = r"\d{1,2}(?:st|nd|rd|th)?", r"(?:,?\s+\d{4})?"
_WRITTEN_DATE = re.compile(rf"\b(?:{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}|{_MONTH}\s+{_DAY}\b"
                           rf"{_YEAR}|{_MONTH}\s+\d{{4}})\b")
_SAID = re.compile(
    r"(?:'s)?(?:\s*,[^,;.]{1,80},)?\s+(?:\w+\s+){0,2}?(?:says|said|say|claims|claimed|"
    r"argues|argued|warns|warned|calls|called|suggests|suggested|told|states|stated|"
    r"asserts|asserted|contends|emphasizes|emphasises|highlights|notes|noted|writes|"
    r"wrote|acknowledged|disclosed|dismissed|expresses|express)\b", re.IGNORECASE)
_SPEAKERS = frozenset(("person", "organisation", "country", "publication", "other"))
_AFFILIATION = re.compile(r"(?:\bof|\bat|\bfrom|'s)\s*$", re.IGNORECASE)
_ACCORDING = re.compile(r"according\s+to\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Text:
    """An item's prose as a reader sees it (references replaced by their labels), with
    where each reference's label begins, for the attribution check."""

    prose: Prose
    plain: str
    refs: tuple[tuple[int, int, str], ...]  # (start, end, entity id) of entity references


def plain_text(prose: Prose, names: Mapping[str, str]) -> Text:
    out: list[str] = []
    refs: list[tuple[int, int, str]] = []
    length = 0
    for part in prose.parts:
        if isinstance(part, ProseRef):
            label = part.label or names.get(part.ref.id, part.ref.id) \
                if part.ref.kind == "entity" else part.label or ""
            if part.ref.kind == "entity":
                refs.append((length, length + len(label), part.ref.id))
            part = label
        out.append(part)
        length += len(part)
    return Text(prose, "".join(out), tuple(refs))


def quoted_spans(text: str) -> Iterator[tuple[int, str]]:
    """(offset, words) of each passage in quotation marks."""
    for match in _QUOTED.finditer(text):
        group = next(g for g in ("d", "cd", "cs", "s") if match.group(g) is not None)
        yield match.start(group), match.group(group)


def numbers(text: str) -> list[tuple[int, str, Decimal]]:
    """(offset, as written, value) of each number, scale words applied: "$6 million",
    "$6M" and "6 million dollars" are all 6000000. The day and year of a date written
    out are not numbers here."""
    found = []
    dates = [m.span() for m in _WRITTEN_DATE.finditer(text)]
    for match in _NUMBER.finditer(text):
        if any(start <= match.start("num") < end for start, end in dates):
            continue
        digits = match.group("num").replace(",", "")
        try:
            value = Decimal(digits + ("." + match.group("frac") if match.group("frac") else ""))
        except InvalidOperation:  # pragma: no cover - the pattern gives digits only
            continue
        scale = (match.group("glued") or match.group("word") or "").lower()
        value = value.scaleb(_SCALES.get(scale, 0)).normalize()
        found.append((match.start(), match.group(0).strip(), value))
    return found


def _contains(text: str, needle: str) -> bool:
    """`needle` in `text`; an ellipsis in the needle stands for words left out, so its
    pieces must occur in order."""
    at = 0
    for piece in re.split(r"\s*(?:\u2026|\.\.\.|\[\.\.\.\])\s*", needle):
        if not piece:
            continue
        found = text.find(piece, at)
        if found < 0:
            return False
        at = found + len(piece)
    return True


def _key(word: str) -> str:
    return " ".join(word.lower().split())


def _hedged_number(word: str, start: int, end: int,
                   found: list[tuple[int, str, Decimal]]) -> Decimal | None:
    """The number a numeric hedge applies to: the one right after it ("under $6 million"),
    or for a trailing phrase ("or more") the one just before it."""
    if word.lower().startswith("or "):
        near = [n for n in found if n[0] < start and start - n[0] <= 40]
        return near[-1][2] if near else None
    return next((n[2] for n in found if 0 <= n[0] - end <= 2), None)


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
    # Quotes whose hedges the text must keep: any one of them hedged ("any", a point), or
    # every one of them ("all", a claim: a plain statement by one source may stand).
    hedge_quotes: tuple[Quote, ...] = ()
    hedge_mode: str = ""
    attributed: bool = False  # a claim with a claimant: whose word it is is recorded
    extra: tuple[str, ...] = ()  # other text it may quote (an entity's own names)
    # The ids the check rests on (the item's own, its quotes' and claims'): when one of
    # them is in an annotation that failed to validate, the quotes it may draw on are
    # incomplete, so the item waits for that fix (`Linked.waiting`).
    about: frozenset[str] = frozenset()


@dataclass
class ProseStore:
    """Each item's findings from the last check, by the identity of its prose (held in
    the entry, so the identity cannot be reused): the rebuilds of `mkdocs serve` check
    again only the items whose text, quotes or claims changed. An unchanged file keeps its
    validated objects, so an item whose prose is the very same object sits at the same
    place. `made_with` holds the entities and hedges the findings were made with."""

    kept: dict[int, tuple[Item, tuple[Diagnostic, ...]]] = field(default_factory=dict)
    made_with: tuple[tuple[Entity, ...], Hedges] | None = None


def check_prose(linked: Linked, hedges: Hedges, files: Mapping[str, str],
                store: ProseStore | None = None) -> tuple[Diagnostic, ...]:
    """Every prose finding in the corpus. `files` maps each YAML file's displayed path to
    its text, to place findings at the words. `store`, kept across rebuilds, lets the
    check skip the items that did not change."""
    if store is None:
        store = ProseStore()
    checker = _Checker(linked, hedges, Locator(files))
    problems: list[Diagnostic] = []
    broken = linked.waiting
    entities = linked.corpus.entities
    # Names and hedges shape every finding: when they change, nothing kept is reused.
    made_with = store.made_with
    last_kept = store.kept if made_with is not None and made_with[1] == hedges \
        and same_objects(entities, made_with[0]) else {}
    kept: dict[int, tuple[Item, tuple[Diagnostic, ...]]] = {}
    for item in items(linked):
        if broken and (ANY in broken or not broken.isdisjoint(item.about)):
            continue
        last = last_kept.get(id(item.text.prose))
        found = last[1] if last is not None and _same_item(last[0], item) \
            else tuple(checker.check(item))
        kept[id(item.text.prose)] = (item, found)
        problems.extend(found)
    store.kept, store.made_with = kept, (entities, hedges)
    return tuple(problems)


def _same_item(a: Item, b: Item) -> bool:
    return a.text.prose is b.text.prose and a.point is b.point and a.what == b.what \
        and same_objects(a.quotes, b.quotes) and same_objects(a.hedge_quotes, b.hedge_quotes) \
        and a.claim_values == b.claim_values and a.hedge_mode == b.hedge_mode \
        and a.attributed == b.attributed and a.extra == b.extra


def items(linked: Linked) -> Iterator[Item]:
    names = {e.id: e.name for e in linked.corpus.entities}
    quotes = linked.quotes

    def by_ids(ids: Iterable[str]) -> tuple[Quote, ...]:
        # Keyed by id: hashing a Quote would hash every field of it.
        return tuple(quotes[i] for i in dict.fromkeys(ids) if i in quotes)

    def referenced(prose: Prose | None) -> list[str]:
        return [r.id for r in prose.refs if r.kind == "quote"] if prose else []

    for brief in linked.corpus.briefs:
        points = [p for s in brief.sections for p in s.points]
        everything = [r.id for p in points for r in p.cites]
        yield Item(plain_text(brief.summary, names), "brief summary", by_ids(everything),
                   about=frozenset((brief.id, *everything)))
        for point in points:
            values = frozenset(v for ref in point.claims if ref.id in linked.claims
                               for f in linked.claims[ref.id].figures for v in f.value)
            cited = by_ids([r.id for r in point.cites] + referenced(point.text))
            yield Item(plain_text(point.text, names), "point", cited, point, values,
                       cited, "any", about=frozenset(
                           (brief.id, *(r.id for r in (*point.cites, *point.claims)),
                            *referenced(point.text))))
    for claim in linked.corpus.claims:
        stances = linked.stances.get(claim.id, ())
        backing = [s.quote.id for s in stances]
        relaying = by_ids(s.quote.id for s in stances if s.stance in ("asserts", "reports"))
        about = frozenset((claim.id, *backing))
        yield Item(plain_text(claim.statement, names), "claim statement",
                   by_ids(backing + referenced(claim.statement)),
                   hedge_quotes=relaying, hedge_mode="all",
                   attributed=claim.claimant is not None, about=about)
        if claim.note:
            # A note may also quote the claims it names or relates this one to.
            linked_claims = [r.id for r in claim.note.refs if r.kind == "claim"] + \
                [r.id for _, r in (claim.relations.pairs() if claim.relations else ())]
            others = [s.quote.id for c in linked_claims for s in linked.stances.get(c, ())]
            yield Item(plain_text(claim.note, names), "claim note",
                       by_ids(backing + referenced(claim.note) + others),
                       about=about | set(linked_claims))
        for event in claim.events:
            yield Item(plain_text(event.what, names), "event label",
                       by_ids(backing + referenced(event.what)), about=about)
    yield from _entity_items(linked, names)


def _entity_items(linked: Linked, names: Mapping[str, str]) -> Iterator[Item]:
    """An entity's description may quote the quotes it links, the words of the entity
    itself, and quotes naming it or taking a stance on a claim about it. That set is
    gathered only for descriptions with quotation marks in them."""
    for entity in linked.corpus.entities:
        if entity.description is None:
            continue
        text = plain_text(entity.description, names)
        if next(quoted_spans(text.plain), None) is None:
            yield Item(text, "entity description", (), extra=entity.names)
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
                   extra=entity.names, about=frozenset((entity.id, *about)))


class _Checker:
    def __init__(self, linked: Linked, hedges: Hedges, locator: Locator):
        self.hedges = hedges
        self.locator = locator
        self.names = {e.id: e.name for e in linked.corpus.entities}
        self.kinds = {e.id: e.kind for e in linked.corpus.entities}
        self.owner: dict[str, str] = {}
        for entity in linked.corpus.entities:
            for name in entity.names:
                self.owner.setdefault(name, entity.id)
        self.pattern = names_pattern(self.owner) if self.owner else None
        self._numbers: dict[str, list[tuple[int, str, Decimal]]] = {}
        self._hedged: dict[str, dict[str, list[tuple[str, Decimal | None]]]] = {}
        self.trigger_groups: dict[str, list[HedgeGroup]] = {}
        for group in hedges.groups:
            for word in group.triggers:
                self.trigger_groups.setdefault(_key(word), []).append(group)
        self.any_trigger = words_pattern(self.trigger_groups)

    def check(self, item: Item) -> list[Diagnostic]:
        problems = list(self.quoted(item))
        # A point marked as the curator's inference goes beyond its quotes by design:
        # its numbers and hedges are not held to theirs. Quotation marks and speakers are.
        inference = item.point is not None and item.point.inference
        if item.point is not None:
            if not inference:
                problems.extend(self.figures(item))
            problems.extend(self.attribution(item))
        if item.hedge_mode and not inference:
            problems.extend(self.dropped_hedges(item))
        return problems

    def numbers_of(self, quote: Quote) -> list[tuple[int, str, Decimal]]:
        found = self._numbers.get(quote.id)
        if found is None:
            found = self._numbers[quote.id] = numbers(quote.text)
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
            yield error(self.at(item, _strip_marks(words)), "prose-quote-unsourced",
                        f'"{_strip_marks(words)}" is in quotation marks, but no quote this '
                        f"{item.what} {cited} contains it",
                        "copy the exact words from a cited quote, cite the quote that has "
                        "them, or drop the quotation marks if this is a paraphrase")

    def figures(self, item: Item) -> Iterator[Diagnostic]:
        given = {v for q in item.quotes for _, _, v in self.numbers_of(q)}
        allowed = given | set(item.claim_values)
        for _, written, value in numbers(item.text.plain):
            if value in allowed:
                continue
            shown = sorted({w for q in item.quotes for _, w, _ in self.numbers_of(q)})
            yield warning(self.at(item, written), "prose-figure-unsourced",
                          f"{written} is not a number that this point's quotes or claims give"
                          f" (its quotes give: {', '.join(shown[:8]) or 'no numbers'})",
                          "correct the number, cite the quote that gives it, or mark the "
                          "point `inference: true` if it is your own arithmetic")

    def quote_hedges(self, quote: Quote) -> dict[str, list[tuple[str, Decimal | None]]]:
        """The hedges a quote uses, by group: (the hedge as written, the number it hedges,
        for a numeric group). One pass of one pattern over the quote, kept by quote id."""
        kept = self._hedged.get(quote.id)
        if kept is not None:
            return kept
        found = self.numbers_of(quote)
        kept = self._hedged[quote.id] = {}
        for match in self.any_trigger.finditer(quote.text):
            word = match.group(0)
            for group in self.trigger_groups.get(_key(word), ()):
                value = _hedged_number(word, match.start(), match.end(), found) \
                    if group.numeric else None
                if value is not None or not group.numeric:
                    kept.setdefault(group.name, []).append((word, value))
        return kept

    def dropped_hedges(self, item: Item) -> Iterator[Diagnostic]:
        quotes = item.hedge_quotes
        if not quotes:
            return
        own = item.text.plain
        values = {v: w for _, w, v in numbers(own)}
        for group in self.hedges.groups:
            if item.point is None and not group.in_claims:
                continue
            if group.words_re.search(own) or (group.attribution and item.attributed):
                continue
            found = []  # (quote, the hedge as written, the number as the text writes it)
            for quote in quotes:
                used = self.quote_hedges(quote).get(group.name, [])
                hits = [(w, values[v] if v is not None else "") for w, v in used
                        if v is None or v in values]
                if hits:
                    found.append((quote, *hits[0]))
            if not found or (item.hedge_mode == "all" and len(found) < len(quotes)):
                continue
            quote, hedge, number = found[0]
            yield warning(self.at(item, number or own), "prose-hedge-dropped",
                          f'quote {quote.id!r} says "{hedge}"'
                          + (f" of {number}" if number else "")
                          + f", and this {item.what} does not keep the hedge",
                          f"keep \"{hedge}\" or an equivalent ({', '.join(group.words[:6])}), "
                          "or cite a quote that states it plainly")

    def attribution(self, item: Item) -> Iterator[Diagnostic]:
        speakers = {q.speaker.id if q.speaker else None for q in item.quotes}
        if not item.quotes or None in speakers:
            return
        plain = item.text.plain
        mentions = self.mentions(item.text)
        for index, (start, end, entity_id) in enumerate(mentions):
            if entity_id in speakers or self.kinds.get(entity_id) not in _SPEAKERS \
                    or _AFFILIATION.search(plain[max(0, start - 6):start]):
                continue
            said = _SAID.match(plain, end)
            # The verb belongs to the nearest name before it: "H800 GPUs DeepSeek says".
            if said and index + 1 < len(mentions) and mentions[index + 1][0] < said.end():
                said = None
            if said or _ACCORDING.search(plain[max(0, start - 16):start]):
                whose = ", ".join(sorted(self.names.get(s, s) for s in speakers if s))
                shown = next((f"[[entity:{eid}" for at, _, eid in item.text.refs
                              if at == start), plain[start:end])
                yield warning(self.at(item, shown), "prose-attribution",
                              f"this point names {self.names.get(entity_id, entity_id)} as "
                              f"the one who said it, but its quotes are the words of {whose}",
                              "name the speaker of the cited quotes, cite a quote of the "
                              "person or organisation named, or correct the quote's "
                              "`speaker:`")

    def mentions(self, text: Text) -> list[tuple[int, int, str]]:
        """Entities named in the text: its references and the names it writes out."""
        found = {start: (start, end, eid) for start, end, eid in text.refs}
        if self.pattern is not None:
            for match in self.pattern.finditer(text.plain):
                found.setdefault(match.start(),
                                 (match.start(), match.end(), self.owner[match.group(0)]))
        return [found[k] for k in sorted(found)]
