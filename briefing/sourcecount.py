"""How many sources the prose says: "both sources", "the articles", "three reports", "a
single source", held to the sources behind the sentence (`prose-source-count`).

A count is read where the prose says how many sources say something, in English and in
the site's language (German, French, Spanish, Italian, Portuguese), and compared with the
distinct sources behind its sentence: for a point or a summary, the sources of the quotes
it cites (for a sentence of a point that links quotes in it, those it links and those the
point cites without a link); for a claim's statement or note, of the quotes on the
claim (and for a note, those of the claims it names); for an entity's description, which
cites nothing, the sources of the words the sentence quotes.
Two checks, each only where its answer is certain:

- a count of two or more ("the sources", "both", "two", "all the sources", "several")
  with fewer sources behind the sentence than it says;
- "one source", "a single source", "another article" while the words that sentence
  quotes are in no one source, unless the sentence names another ("one source says 'A',
  the other 'B'").

Not read: a count denied or of none ("none of the sources", "the sources do not say"),
the sources outside which something lies ("outside the sources"), the article's own
sources ("unnamed sources", "sources familiar with", a count the cited quotes themselves
give), "the sources of" something, and a singular without a count ("the report says").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .diagnostics import Diagnostic, Pos, warning
from .language import primary

# Words for the counts, by language: (numbers from two, words for "several", determiners
# that make a plural noun definite or whole, nouns for sources in the plural and
# singular, words for "one source" and "another source", contrasts that name a second
# source, negations before and after).
_NUMBERS = MappingProxyType({
    "en": ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    "fr": ("deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"),
    "de": ("zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn"),
    "es": ("dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez"),
    "it": ("due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci"),
    "pt": ("dois|duas", "três", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez"),
})


@dataclass(frozen=True)
class Words:
    """One language's words for counts of sources, as regular expressions."""

    several: str  # a count of two or more without a number
    whole: str  # before a plural noun: "the", "both", "all the"
    plural: str  # nouns for sources in the plural
    single: str  # "one source", "a single source", "one of the sources"
    other: str  # "another source", "the other article": one, and a contrast
    contrast: str  # words naming a second source in the sentence
    denied_before: str  # "none of", "no": no count of sources
    denied_after: str  # "do not", "nothing": a count of sources that say nothing
    apart: str  # after the noun: the article's own sources, or sources of something


WORDS = MappingProxyType({
    "en": Words(
        several=r"several|many|multiple|various|numerous|both",
        whole=r"the|both|all|all\s+the|all\s+of\s+the|these|each\s+of\s+the",
        plural=r"sources|articles|reports|outlets",
        single=r"(?<!than\s)(?<!least\s)(?:one|a\s+single|only\s+one|just\s+one|a\s+lone)"
               r"\s+(?:source|article|report|outlet)\b|\bone\s+of\s+the\s+(?:sources|"
               r"articles|reports|outlets)",
        other=r"another\s+(?:source|article|report|outlet)|the\s+other\s+(?:source|article|"
              r"report|outlet)|a\s+(?:second|third)\s+(?:source|article|report|outlet)",
        contrast=r"another|the\s+other|a\s+second|a\s+third|the\s+latter|the\s+former",
        denied_before=r"(?:none|neither|either|any|no|not|nor)\s+(?:of\s+)?(?:the\s+)?|"
                      r"(?:outside|beyond|besides)\s+(?:of\s+)?|nothing\s+in\s+",
        denied_after=r"(?:\w+\s+){0,2}(?:not|never|nothing|neither|nowhere|no)\b|"
                     r"\w*n['\u2019]t\b",
        apart=r"of|familiar|close|cited\s+by|quoted\s+by|cited\s+in|quoted\s+in"),
    "fr": Words(
        several=r"plusieurs|nombreuses|diverses|différentes",
        whole=r"les|toutes\s+les|tous\s+les|ces|les\s+deux",
        plural=r"sources|articles",
        single=r"(?<!qu['\u2019])(?:une\s+seule|une|une\s+unique|un\s+seul|un|un\s+unique)"
               r"\s+(?:source|article)\b|\bl['\u2019](?:une|un)\s+des\s+(?:sources|articles)",
        other=r"(?:une\s+autre|un\s+autre|l['\u2019]autre)\s+(?:source|article)|"
              r"(?:un\s+second|une\s+seconde|un\s+deuxième|une\s+deuxième)\s+"
              r"(?:source|article)",
        contrast=r"autre|second|seconde|deuxième|troisième",
        denied_before=r"(?:aucune|aucun|ni|nulle)\s+(?:des\s+|de\s+ces\s+)?|"
                      r"(?:hors\s+des|en\s+dehors\s+des|au-delà\s+des)\s+",
        denied_after=r"(?:\w+\s+){0,1}(?:ne|n['\u2019]|pas|jamais|rien)\b",
        apart=r"de|d['\u2019]|du|des|proches?|anonymes?|citées|cités"),
    "de": Words(
        several=r"mehrere|mehreren|viele|vielen|verschiedene|verschiedenen|beide|beiden",
        whole=r"die|den|alle|allen|beide|beiden|die\s+beiden|den\s+beiden|diese|diesen",
        plural=r"quellen|berichte|berichten|artikel|artikeln|beiträge|beiträgen",
        single=r"(?:eine\s+einzige|nur\s+eine|eine|einer\s+einzigen|einer)\s+quelle\b|"
               r"(?:ein\s+einziger|nur\s+ein|ein|einem)\s+(?:artikel|bericht|beitrag)\b|"
               r"\b(?:eine|einer)\s+der\s+quellen|\b(?:einer|einem)\s+der\s+(?:artikel|"
               r"berichte)\b",
        other=r"(?:eine\s+andere|einer\s+anderen|eine\s+weitere|einer\s+weiteren|"
              r"die\s+andere|der\s+anderen)\s+quelle\b|(?:ein\s+anderer|ein\s+weiterer|"
              r"einem\s+anderen|einem\s+weiteren|der\s+andere|dem\s+anderen)\s+"
              r"(?:artikel|bericht|beitrag)\b",
        contrast=r"andere|anderer|anderen|weitere|weiterer|weiteren|zweite|zweiten",
        denied_before=r"(?:keine|keiner|keinen|keinem)\s+(?:der\s+|dieser\s+)?|"
                      r"(?:außerhalb)\s+(?:der\s+)?",
        denied_after=r"(?:\w+\s+){0,3}(?:nicht|nichts|kein|keine|nie|niemals)\b",
        apart=r"aus|nahe"),
    "es": Words(
        several=r"varias|varios|muchas|muchos|diversas|diversos|distintas|distintos|ambas|"
                r"ambos",
        whole=r"las|los|todas\s+las|todos\s+los|ambas|ambos|estas|estos",
        plural=r"fuentes|artículos|informes",
        single=r"(?:una\s+sola|una\s+única|una)\s+fuente\b|(?:un\s+solo|un\s+único|un)\s+"
               r"(?:artículo|informe)\b|\buna\s+de\s+las\s+fuentes|\buno\s+de\s+los\s+"
               r"(?:artículos|informes)",
        other=r"(?:otra|la\s+otra)\s+fuente\b|(?:otro|el\s+otro)\s+(?:artículo|informe)\b|"
              r"(?:una\s+segunda|un\s+segundo)\s+(?:fuente|artículo|informe)\b",
        contrast=r"otra|otro|segunda|segundo|tercera|tercero",
        denied_before=r"(?:ninguna|ninguno|ni|sin)\s+(?:de\s+)?(?:las\s+|los\s+)?|"
                      r"(?:fuera\s+de)\s+",
        denied_after=r"(?:\w+\s+){0,1}(?:no|nunca|nada|tampoco)\b",
        apart=r"de|del|cercanas|cercanos|anónimas|anónimos|citadas|citados"),
    "it": Words(
        several=r"diverse|diversi|varie|vari|molte|molti|più|entrambe|entrambi",
        whole=r"le|gli|tutte\s+le|tutti\s+gli|entrambe|entrambi|entrambe\s+le|entrambi\s+gli|"
              r"queste|questi|le\s+due|i\s+due",
        plural=r"fonti|articoli",
        single=r"(?:una\s+sola|un['\u2019]unica|una)\s+fonte\b|(?:un\s+solo|un\s+unico|un)\s+"
               r"articolo\b|\buna\s+delle\s+fonti|\buno\s+degli\s+articoli",
        other=r"(?:un['\u2019]altra|l['\u2019]altra)\s+fonte\b|(?:un\s+altro|l['\u2019]altro)"
              r"\s+articolo\b|(?:una\s+seconda|un\s+secondo)\s+(?:fonte|articolo)\b",
        contrast=r"altra|altro|seconda|secondo|terza|terzo",
        denied_before=r"(?:nessuna|nessuno|nessun|né|senza)\s+(?:delle\s+|degli\s+)?|"
                      r"(?:al\s+di\s+fuori\s+delle|fuori\s+dalle)\s+",
        denied_after=r"(?:\w+\s+){0,1}(?:non|mai|nulla|niente)\b",
        apart=r"di|del|della|delle|dei|degli|vicine|vicini|anonime|anonimi|citate|citati"),
    "pt": Words(
        several=r"várias|vários|muitas|muitos|diversas|diversos|ambas|ambos",
        whole=r"as|os|todas\s+as|todos\s+os|ambas|ambos|ambas\s+as|ambos\s+os|estas|estes",
        plural=r"fontes|artigos|reportagens",
        single=r"(?:uma\s+única|uma\s+só|uma)\s+(?:fonte|reportagem)\b|(?:um\s+único|um\s+só|"
               r"um)\s+artigo\b|\buma\s+das\s+(?:fontes|reportagens)|\bum\s+dos\s+artigos",
        other=r"(?:outra|a\s+outra)\s+(?:fonte|reportagem)\b|(?:outro|o\s+outro)\s+artigo\b|"
              r"(?:uma\s+segunda|um\s+segundo)\s+(?:fonte|artigo|reportagem)\b",
        contrast=r"outra|outro|segunda|segundo|terceira|terceiro",
        denied_before=r"(?:nenhuma|nenhum|nem|sem)\s+(?:das\s+|dos\s+)?|(?:fora\s+d[ao]s)\s+",
        denied_after=r"(?:\w+\s+){0,1}(?:não|nunca|nada|tampouco)\b",
        apart=r"de|da|do|das|dos|próximas|próximos|anônimas|anónimas|citadas|citados"),
})

# Numbers as the messages write them.
_SAID = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")

# The nouns' stems in each language, for `Reader.mentions`.
_STEMS = MappingProxyType({
    "en": ("sourc", "articl", "report", "outlet"), "fr": ("sourc", "articl"),
    "de": ("quelle", "bericht", "artikel", "beitr"), "es": ("fuent", "artícul", "inform"),
    "it": ("font", "articol"), "pt": ("font", "artig", "reportage")})

# Where a sentence ends: a full stop, question or exclamation mark (and any closing quote
# or bracket after it) before white space and a capital, a digit or an opening mark; or a
# clause, at a semicolon ("stated by two sources; one adds '…'").
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019\u00bb)\]]*\s+"
                           r"(?=[\"'\u201c\u2018\u00ab\u201e(\[]?[^\W\d_a-z]|\d)|"
                           r"[\u3002\uff01\uff1f;\uff1b]")


@dataclass(frozen=True)
class Count:
    """A count of sources the prose states: where, its words, and how many it says (at
    least `least`; exactly one when `least` is 1)."""

    start: int
    words: str
    least: int


class Reader:
    """The counts of sources in prose of one site language (and English)."""

    def __init__(self, language: str):
        languages = dict.fromkeys(("en", primary(language)))
        self.words = tuple(WORDS[lang] for lang in languages if lang in WORDS)
        self.numbers = {word: n for lang in languages for n, alts in
                        enumerate(_NUMBERS.get(lang, ()), start=2) for word in alts.split("|")}
        numbers = "|".join((*self.numbers, r"\d{1,2}"))
        plural = "|".join(w.plural for w in self.words)
        self.count = re.compile(
            rf"\b(?:(?P<whole>{'|'.join(w.whole for w in self.words)})\s+)?"
            rf"(?:(?P<n>{numbers}|{'|'.join(w.several for w in self.words)})\s+)?"
            rf"(?:other\s+|separate\s+|different\s+|autres\s+|anderen\s+|otras\s+|otros\s+|"
            rf"altre\s+|altri\s+|outras\s+|outros\s+)?(?P<noun>{plural})\b", re.IGNORECASE)
        self.single = re.compile("|".join(rf"\b(?:{w.single})" for w in self.words),
                                 re.IGNORECASE)
        self.other = re.compile("|".join(rf"\b(?:{w.other})" for w in self.words),
                                re.IGNORECASE)
        self.contrast = re.compile("|".join(rf"\b(?:{w.contrast})\b" for w in self.words),
                                   re.IGNORECASE)
        self.denied_before = re.compile("|".join(rf"\b(?:{w.denied_before})$"
                                                 for w in self.words), re.IGNORECASE)
        self.denied_after = re.compile("|".join(rf"\s*(?:{w.denied_after})"
                                                for w in self.words), re.IGNORECASE)
        self.apart = re.compile("|".join(rf"\s+(?:{w.apart})(?:\b|(?<=['\u2019]))"
                                         for w in self.words), re.IGNORECASE)
        self.saying = re.compile(r"\s+(?:say|said|says|report|reported|speak|spoke|tell|"
                                 r"told|describe|described|suggest|suggested|claim|claimed|"
                                 r"agree|agreed|put|give|gave|cite|cited|relay|relayed)\b",
                                 re.IGNORECASE)
        # Lower-case stems of the nouns, for a quick look before any pattern is run.
        self.stems = tuple(dict.fromkeys(s for lang in languages
                                         for s in _STEMS.get(lang, ())))

    def mentions(self, text: str) -> bool:
        """Whether the text may name sources at all: most prose does not."""
        low = text.lower()
        return any(stem in low for stem in self.stems)

    def counting(self, text: str) -> bool:
        """Whether the text states a count of sources anywhere."""
        return self.mentions(text) and any(
            next(self.counts(text[start:end]), None) is not None
            for start, end in sentences(text))

    def counts(self, sentence: str) -> Iterator[Count]:
        """The counts of sources the sentence states."""
        for match in self.count.finditer(sentence):
            least = self.plural_count(sentence, match)
            if least:
                yield Count(match.start(), match.group(0), least)
        for pattern in (self.single, self.other):
            for match in pattern.finditer(sentence):
                if not self.denied_before.search(sentence, 0, match.start()):
                    yield Count(match.start(), match.group(0), 1)

    def plural_count(self, sentence: str, match: re.Match[str]) -> int:
        """How many sources a plural count says (0: none read)."""
        whole, number = match.group("whole"), match.group("n")
        before = sentence[max(0, match.start() - 30):match.start()]
        after = sentence[match.end():match.end() + 40]
        if self.denied_before.search(before) or self.apart.match(after) \
                or self.denied_after.match(after) or re.search(r"\bof\s+$", before):
            return 0
        if whole is None and number is None:
            # "Sources say": at the head of a sentence, before a verb of saying.
            return 2 if not sentence[:match.start()].strip() and self.saying.match(after) \
                else 0
        if whole is not None and whole.lower() in ("den", "die") and \
                match.group("noun").lower() == "artikel" and number is None:
            return 2 if whole.lower() == "die" else 0  # "den Artikel" is one
        if number is not None and number.lower() in self.numbers:
            return self.numbers[number.lower()]
        if number is not None and number.isdigit():
            return int(number) if int(number) >= 2 else 0
        return 2


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of the text."""
    start = 0
    for end in _SENTENCE_END.finditer(text):
        yield start, end.end()
        start = end.end()
    yield start, len(text)


@dataclass(frozen=True)
class Behind:
    """The sources behind a text: those of the quotes it may draw on (`cited`), and which
    sources hold each passage in quotation marks it has, by where the passage starts.
    `by_words`: a sentence quoting words rests on their sources alone (an entity's
    description, which may draw on every quote naming the entity)."""

    cited: frozenset[str]
    quoted: Mapping[int, frozenset[str]]
    by_words: bool = False
    # A point citing sentence by sentence: the source of each quote its prose links
    # (`[[quote:…]]`), by where the link stands, and the sources of the quotes it cites
    # without linking them, which back every sentence.
    linked: tuple[tuple[int, str], ...] = ()
    unlinked: frozenset[str] = frozenset()

    def behind(self, start: int, end: int) -> tuple[frozenset[str], bool]:
        """The sources behind the sentence from `start` to `end`, and whether they are
        the sentence's own: those of the quotes linked in it and of the quotes cited
        without a link, when it links any; else all the text cites."""
        own = {source for at, source in self.linked if start <= at < end}
        return (frozenset(own) | self.unlinked, True) if own else (self.cited, False)


def source_counts(plain: str, what: str, behind: Callable[[], Behind], reader: Reader,
                  at: Callable[[str], Pos], relayed: Callable[[str], bool]
                  ) -> Iterator[Diagnostic]:
    """The counts of sources in `plain` that say more sources, or one source where the
    words quoted are in no one, than are behind their sentence. `behind` is only asked
    for when a count is found; `relayed(words)` says whether a cited quote gives the count
    itself (the article's own "two reports")."""
    known: Behind | None = None
    for start, end in sentences(plain):
        sentence = plain[start:end]
        found = list(reader.counts(sentence))
        if not found:
            continue
        known = known or behind()
        quoted = [held for at_, held in known.quoted.items() if start <= at_ < end and held]
        for count in found:
            if relayed(count.words):
                continue
            problem = _plural(count, known, quoted, what, known.behind(start, end)) \
                if count.least > 1 else _single(count, sentence, quoted, reader, what)
            if problem is not None:
                message, hint = problem
                shown = _shown(sentence, count)
                yield warning(at(shown), "prose-source-count", message, hint)


def _shown(sentence: str, count: Count) -> str:
    """The count's words with the plain words after it, to find them in the file (a
    reference's label or an escaped quotation mark is written otherwise there)."""
    words = [count.words]
    for word in sentence[count.start + len(count.words):].split()[:3]:
        if not re.fullmatch(r"[a-zà-ÿß]+", word):
            break
        words.append(word)
    return " ".join(words)


def _names(ids: Iterable[str]) -> str:
    ids = sorted(ids)
    return ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")


def _many(n: int) -> str:
    return _SAID[n] if n < len(_SAID) else str(n)


def _plural(count: Count, known: Behind, quoted: list[frozenset[str]], what: str,
            cited: tuple[frozenset[str], bool]) -> tuple[str, str] | None:
    """A count of two or more against the sources behind the sentence: those the text
    cites (`cited`, with whether they are the sentence's own links), or for a
    description those holding the words the sentence quotes, else those of every quote
    it may draw on."""
    words = known.by_words and bool(quoted)
    behind = frozenset().union(*quoted) if words else cited[0]
    if not behind or len(behind) >= count.least:
        return None
    said = "two or more" if count.least == 2 and not count.words.lower().startswith(
        ("both", "two", "the two")) else _many(count.least)
    how = f"the words this {what} quotes in that sentence are from" if words \
        else f"the quotes that sentence links, with those this {what} cites without a " \
        "link, are of" if cited[1] \
        else f"this {what} cites quotes of" if not known.by_words \
        else f"the quotes this {what} may draw on (of it, naming it, on claims about it) " \
        "are of"
    return (f'"{count.words}" speaks of {said} sources, but {how} {_many(len(behind))} '
            f"source{'s' if len(behind) > 1 else ''}: {_names(behind)}",
            "cite a passage of each other source that says it too" + (
                " (link it in that sentence)" if cited[1] else "") + ", or say how many "
            "do (\"one source\", or the source by name)")


def _single(count: Count, sentence: str, quoted: list[frozenset[str]], reader: Reader,
            what: str) -> tuple[str, str] | None:
    """"One source" while the words its sentence quotes are in no one source, and the
    sentence names no other ("one source says 'A', another 'B'")."""
    if len(quoted) < 2 or frozenset.intersection(*quoted):
        return None
    end = count.start + len(count.words)
    if any(not count.start <= m.start() < end for m in reader.contrast.finditer(sentence)):
        return None
    behind = frozenset().union(*quoted)
    return (f'"{count.words}" speaks of one source, but the words this {what} quotes in '
            f"that sentence are from {_many(len(behind))} sources, none of which has them "
            f"all: {_names(behind)}",
            "say how many sources speak of them, or quote in that sentence only the one "
            "source's words")
