"""The hedge words the prose checks look for, as data.

A hedge group is a set of words that soften a statement in the same way ("reportedly",
"allegedly"; "may", "could"; "about", "around"…). A quote that uses one of the group's
`triggers` is hedged; a curator's text keeps the hedge when it uses any of the group's
`words` (the triggers and their equivalents). Groups marked `numeric` hedge a number
("under $6 million", "up to 16,000 chips or more"), so they count only next to a number.

The groups' own words are English, and are read in quotes from sources in English only (a
source's `language:`, else the site's); each group also has words of German, French,
Spanish, Italian and Portuguese, read only in quotes from sources in that language
("pt" covers "pt-BR" and "pt-PT"). Curators add
words with the plugin option `hedges:` in mkdocs.yml, a mapping from a group name (one of
these or a new one) to a list of words, read in every source, or to lists keyed by
language, read only in the sources of that language; see docs/provenance.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TypeGuard

from .chars import JOINING, UNSPACED_CLASS, WORD_END
from .diagnostics import Diagnostic, Pos, error
from .language import covers, language_tag, primary


@dataclass(frozen=True)
class HedgeGroup:
    name: str
    triggers: tuple[str, ...]  # words that make a quote hedged
    equivalents: tuple[str, ...] = ()  # further words that keep the hedge in a text
    numeric: bool = False  # hedges a number: counts only next to one
    in_claims: bool = True  # a claim's statement must keep it too
    # Says whose word it is: a claim with a `claimant` records that already.
    attribution: bool = False
    # The curator's words (the `hedges:` option), in whatever language the sources are
    # in: read in every quote, while the words above, English ones, are read only in
    # quotes from sources in English ("under" is "during" in Swedish).
    added: tuple[str, ...] = ()
    # The curator's words for the sources of one language (`hedges: {group: {nl: […]}}`):
    # (language range, its words), read only in quotes from sources in a language the
    # range covers (`language.covers`: "pt" covers "pt-BR").
    added_for: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Built-in triggers of other languages, as `added_for` (language, words): read only
    # in quotes from sources in that language.
    translated: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Further words of other languages that keep the hedge in a text, as `equivalents`.
    translated_equivalents: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def words(self) -> tuple[str, ...]:
        """Every word that keeps the hedge in the curator's own text, in any language."""
        return (*self.triggers, *self.equivalents, *self.added,
                *(word for _, words in (*self.translated, *self.translated_equivalents,
                                        *self.added_for) for word in words))

    def triggers_in(self, language: str) -> tuple[str, ...]:
        """The words that make a quote hedged in a source in `language` (a tag)."""
        english = self.triggers if primary(language) == "en" else ()
        own = (word for language_range, words in (*self.translated, *self.added_for)
               if covers(language_range, language) for word in words)
        return (*english, *self.added, *own)

    def words_in(self, language: str) -> tuple[str, ...]:
        """The words that keep the hedge in a text in `language` (a tag), for a hint: the
        English ones in English, else that language's built-in and added words, else
        (a language with none) the English ones."""
        if primary(language) == "en":
            return (*self.triggers, *self.equivalents, *self.added)
        own = tuple(word for language_range, words in
                    (*self.translated, *self.translated_equivalents, *self.added_for)
                    if covers(language_range, language) for word in words)
        return (*own, *self.added) if own else (*self.triggers, *self.equivalents,
                                                *self.added)

    @cached_property
    def words_re(self) -> re.Pattern[str]:
        return words_pattern(self.words)


def words_pattern(words: Iterable[str]) -> re.Pattern[str]:
    # Longest first, so "up to" wins over "up"; white space inside a phrase is flexible.
    ordered = sorted({w.strip().lower() for w in words if w.strip()}, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(part) for part in word.split()) for word in ordered)
    # Whole words, as `chars.joins` reads them: a hedge added in Chinese ("不到") is found
    # in text written without spaces, and "under" is not found in "thunder". A word ending
    # with an elided article ("secondo l'") ends where its noun starts.
    return re.compile(rf"(?:(?<!{JOINING})|(?={UNSPACED_CLASS}))(?:{body})"
                      rf"(?:(?<=['\u2019])|{WORD_END})" if body else r"(?!)", re.IGNORECASE)


_SAYING = ("says", "said", "say", "claim", "claims", "claimed", "asserts", "asserted",
           "according to", "reportedly", "reported", "reports", "report", "relayed",
           "relays", "account", "suggests", "suggested", "argue", "argues", "argued",
           "contend", "contends", "calls", "called", "dubbed", "warn", "warns", "warned",
           "doubt", "doubts", "question", "questions", "told", "states", "stated",
           "acknowledged", "disclosed", "allegedly", "alleged")

# The other languages' words leave out those that as often say something else: the
# German "soll" ("is said to", and "shall"), the French conditional "aurait" (hearsay, and
# the plain conditional), the Italian "secondo" alone ("according to", and "second": "nel
# secondo trimestre"; before an article, "secondo il Comune", it is kept), the German
# "über" and "unter" ("over", "under", and "about" or "among" before a number: "ein Bericht
# über 500 Fälle", "unter 100 Teilnehmern"), as the Dutch "over" would be. In Portuguese,
# "segundo", "conforme" and "de acordo com" count only before whom they give the words to
# (`gives_words`): "segundo" is also "second" ("no segundo trimestre"), the other two "in
# accordance with" ("de acordo com a lei", "conforme previsto"). Left out, the
# conditional "teria" and the pt-PT future "terá" alone (hearsay, and the plain
# conditional and future: "teria de pagar"; "teria dito" and "terá dito" are kept), "pode"
# and "poderá" as triggers ("may", and "can", "will be able to": they keep a "poderia"
# hedge, as "can" keeps "could"), "deve" ("probably", and "must"), "sustenta" without
# "que" ("claims", and "supports": "sustenta 4.000 famílias"). A curator adds them with
# `hedges:` where the sources use them as hedges (docs/provenance.md). The Spanish "hasta"
# and the Portuguese "até" are "up to" before a number and "until" before a year ("hasta
# 2030", "até 2030"; "até ontem", "até mesmo" hedge no number): they are kept, and read as
# no hedge of a year (`UNTIL`).
DEFAULT_HEDGES: tuple[HedgeGroup, ...] = (
    # Second-hand: the source itself does not vouch for it.
    # "a reported $12 million": the article only passes the number on ("reported" alone
    # is more often the verb, "Acme reported a loss").
    HedgeGroup("hearsay", ("reportedly", "allegedly", "according to", "said to",
                           "is said to", "a reported"),
               ("reported", "alleged", "claims", "claimed", "as reported", "relayed",
                "unconfirmed"), attribution=True, translated=(
                   ("de", ("angeblich", "mutmaßlich", "laut", "zufolge")),
                   ("fr", ("selon", "d'après", "d\u2019après", "prétendument",
                           "présumé", "présumée", "présumés")),
                   ("es", ("según", "supuestamente", "presuntamente", "al parecer")),
                   ("it", ("stando a", "secondo quanto", "a quanto pare",
                           "presumibilmente", "presunto", "presunta", "presunti",
                           "secondo il", "secondo lo", "secondo la", "secondo i",
                           "secondo gli", "secondo le", "secondo l'", "secondo l\u2019",
                           "stando al", "stando allo", "stando alla", "stando ai",
                           "stando agli", "stando alle", "stando all'", "stando all\u2019")),
                   ("pt", ("alegadamente", "supostamente", "presumivelmente",
                           "ao que parece", "segundo relatos", "segundo fontes",
                           "segundo informações", "segundo", "conforme",
                           "de acordo com", "teria dito", "teriam dito",
                           "terá dito", "terão dito", "alegado", "alegada", "alegados",
                           "alegadas", "suposto", "suposta", "supostos", "supostas")))),
    # Someone's claim, not a fact the source states. Claims record this with their
    # claimant and the quote's `reports:` stance, so only points must say it.
    HedgeGroup("claimed", ("claims", "claimed", "asserts", "asserted"), _SAYING,
               in_claims=False, translated=(
                   ("de", ("behauptet", "behaupten", "behauptete", "behaupteten")),
                   ("fr", ("affirme", "affirment", "affirmait", "prétend", "prétendent")),
                   ("es", ("afirma", "afirman", "afirmó", "sostiene", "sostienen")),
                   ("it", ("afferma", "affermano", "sostiene", "sostengono")),
                   ("pt", ("afirma", "afirmam", "afirmou", "alega", "alegam", "alegou",
                           "sustenta que", "sustentam que"))),
               # As "says" keeps "claims" in English: a point written in the source's
               # language names whose word it is with its verbs of saying.
               translated_equivalents=(
                   ("de", ("sagt", "sagte", "sagen", "sagten", "erklärt", "erklärte",
                           "erklären", "erklärten", "laut", "zufolge")),
                   ("fr", ("dit", "disent", "a dit", "déclare", "déclarent",
                           "a déclaré", "selon", "d'après", "d\u2019après")),
                   ("es", ("dice", "dicen", "dijo", "declara", "declaró", "según")),
                   ("it", ("dice", "dicono", "ha detto", "dichiara", "ha dichiarato",
                           "stando a")),
                   ("pt", ("diz", "dizem", "disse", "disseram", "declara", "declarou",
                           "segundo", "conforme", "de acordo com")))),
    HedgeGroup("possibility", ("may", "might", "could", "potentially", "possibly",
                               "perhaps", "likely", "suggests", "suggested"),
               ("would", "can", "possible", "potential", "unlikely", "suggest"),
               translated=(
                   ("de", ("könnte", "könnten", "möglicherweise", "vielleicht",
                           "womöglich", "wahrscheinlich", "vermutlich", "dürfte",
                           "dürften")),
                   ("fr", ("pourrait", "pourraient", "peut-être", "probablement",
                           "possiblement", "potentiellement", "éventuellement")),
                   ("es", ("podría", "podrían", "quizá", "quizás", "tal vez",
                           "posiblemente", "probablemente", "potencialmente")),
                   ("it", ("potrebbe", "potrebbero", "forse", "probabilmente",
                           "possibilmente", "potenzialmente")),
                   ("pt", ("poderia", "poderiam", "talvez", "provavelmente",
                           "possivelmente", "potencialmente"))),
               # "pode" is "may" as well as "can": it keeps the hedge, as "can" does.
               translated_equivalents=(("pt", ("pode", "podem", "poderá", "poderão")),)),
    HedgeGroup("approximate", ("about", "around", "approximately", "roughly", "some",
                               "nearly", "almost", "circa", "close to", "closer to",
                               "estimated"),
               ("approximate", "estimate", "or so"), numeric=True, translated=(
                   ("de", ("rund", "etwa", "ungefähr", "circa", "ca.", "knapp", "fast",
                           "beinahe", "schätzungsweise", "geschätzt", "geschätzte")),
                   ("fr", ("environ", "près de", "presque", "quelque", "autour de",
                           "à peu près", "quasiment", "approximativement")),
                   ("es", ("alrededor de", "aproximadamente", "unos", "unas",
                           "cerca de", "casi", "en torno a")),
                   ("it", ("circa", "quasi", "intorno a", "attorno a", "all'incirca",
                           "approssimativamente")),
                   ("pt", ("cerca de", "aproximadamente", "quase", "por volta de",
                           "em torno de", "à volta de", "perto de", "mais ou menos", "uns",
                           "umas")))),
    HedgeGroup("upper-bound", ("up to", "under", "less than", "fewer than", "below",
                               "at most", "no more than", "or less", "or fewer",
                               "as much as", "as many as"),
               ("or under", "at the most"), numeric=True, translated=(
                   ("de", ("bis zu", "weniger als", "höchstens", "maximal")),
                   ("fr", ("jusqu'à", "jusqu\u2019à", "moins de", "au plus",
                           "au maximum", "pas plus de")),
                   ("es", ("hasta", "menos de", "como máximo", "a lo sumo",
                           "no más de")),
                   ("it", ("fino a", "meno di", "al massimo", "non più di")),
                   ("pt", ("até", "de até", "em até", "menos de", "no máximo", "não mais de",
                           "não mais que", "abaixo de")))),
    HedgeGroup("lower-bound", ("more than", "over", "at least", "upwards of", "or more"),
               ("or over", "above"), numeric=True, translated=(
                   ("de", ("mehr als", "mindestens", "wenigstens")),
                   ("fr", ("plus de", "au moins", "au minimum")),
                   ("es", ("más de", "al menos", "por lo menos", "como mínimo")),
                   ("it", ("più di", "oltre", "almeno", "non meno di")),
                   ("pt", ("mais de", "pelo menos", "ao menos", "no mínimo", "acima de")))),
)


# Words that say "according to" only before whom they give the words to (`gives_words`).
BEFORE_WHOM = frozenset({"segundo", "conforme", "de acordo com"})
# Before "segundo", the words that make it the ordinal: "o segundo a chegar", "pela segunda
# vez" ("segunda" is never "according to"), "em segundo", "de segundo a primeiro".
_ORDINAL = re.compile(r"(?<!\w)(?:o|a|os|as|um|uma|ao|à|do|da|de|no|na|em|por|pelo|pela|"
                      r"num|numa|este|esse|neste|nesse|deste|desse|seu|sua)\s+$",
                      re.IGNORECASE)
_AGREEING = re.compile(r"(?<!\w)(?:est(?:á|ão|ava|avam|eve|iveram|ar|ou|amos)|"
                       r"fic(?:a|am|ou|aram|ar))\s+$", re.IGNORECASE)
# Whom: a pronoun, a word for sources, or a name (a capital), after an article or not; after
# "segundo" any article's noun too ("segundo a prefeitura", but not "conforme a lei").
_WHO = (r"(?:ele|ela|eles|elas|fontes|relatos|informações|dados|especialistas|analistas|"
        r"testemunhas|moradores|autoridades|investigadores)(?!\w)")
_WHOM = _WHO + r"|[A-ZÀ-ÖØ-Þ]"
_WHOM_AFTER = re.compile(rf"\s+(?:(?:o|a|os|as)\s+)?(?:{_WHOM})")
_ANY_WHOM_AFTER = re.compile(rf"\s+(?:(?:o|a|os|as)\s+\w|{_WHOM})")
# "conforme" before a name with its article only: "conforme Nordwerk cresce" is "as
# Nordwerk grows", as the attribution check reads it (`attribution.py`).
_ARTICLED_WHOM_AFTER = re.compile(rf"\s+(?:(?:o|a|os|as)\s+(?:{_WHOM})|{_WHO})")


def gives_words(text: str, start: int, end: int) -> bool:
    """Whether the hedge word at `text[start:end]` says whose word it is there: any word
    but those of `BEFORE_WHOM`, which do before an article, a pronoun or a name
    ("segundo a prefeitura", "segundo ele", "segundo Paulo Nogueira", "conforme a
    Prefeitura", "de acordo com fontes"), and not elsewhere ("o segundo lugar", "em
    segundo", "conforme a lei", "conforme previsto")."""
    word = " ".join(text[start:end].casefold().split())
    if word not in BEFORE_WHOM:
        return True
    if word == "de acordo com" and _AGREEING.search(text, max(0, start - 12), start):
        return False  # "está de acordo com a Prefeitura": agrees with it
    if word == "segundo":
        return not _ORDINAL.search(text, max(0, start - 8), start) \
            and _ANY_WHOM_AFTER.match(text, end) is not None
    after = _ARTICLED_WHOM_AFTER if word == "conforme" else _WHOM_AFTER
    return after.match(text, end) is not None


# Numeric hedges that before a year say "until" it ("hasta 2030"), not "up to" it: no hedge
# of a number written as a year is.
UNTIL = frozenset({"hasta", "até"})


def hedges_number(word: str, written: str) -> bool:
    """Whether a numeric hedge `word` hedges the number right after it, written so: any
    number, but a year after a word of `UNTIL`."""
    year = written.isdigit() and len(written) == 4 and 1000 <= int(written) <= 2100
    return not (year and " ".join(word.casefold().split()) in UNTIL)


@dataclass(frozen=True)
class Hedges:
    groups: tuple[HedgeGroup, ...] = DEFAULT_HEDGES

    def extended(self, extra: Mapping[str, Added]) -> Hedges:
        """These groups with a curator's words added (a new name makes a new group): for
        each group, words for every source, or words by language range."""
        by_name = {g.name: g for g in self.groups}
        for name, words in extra.items():
            group = by_name.get(name) or HedgeGroup(name, ())
            by_name[name] = replace(group, added=(*group.added, *words)) \
                if isinstance(words, tuple) else \
                replace(group, added_for=(*group.added_for, *words.items()))
        return Hedges(tuple(by_name.values()))

    @cached_property
    def claim_re(self) -> re.Pattern[str]:
        """The words of every group a claim's statement must keep, in any language."""
        return words_pattern(w for group in self.groups if group.in_claims
                             for w in group.words)

    @cached_property
    def numeric_only(self) -> frozenset[str]:
        """The folded words that hedge only a number."""
        def folded(groups: Iterable[HedgeGroup]) -> set[str]:
            return {" ".join(w.casefold().split()) for g in groups for w in g.words}
        return frozenset(folded(g for g in self.groups if g.numeric)
                         - folded(g for g in self.groups if not g.numeric))

    def in_claim(self, text: str) -> frozenset[str]:
        """The hedges a claim's statement (or a cut of it) shows, folded: what a map's
        label cut short must still show (`focusmap.wrap`). A numeric group's word counts
        before a number ("about 2,000", "up to $6") and, trailing ("or more"), anywhere:
        the number before it may be words ("a dozen or more")."""
        found = set()
        for match in self.claim_re.finditer(text):
            word = " ".join(match.group(0).casefold().split())
            if not gives_words(text, match.start(), match.end()):
                continue
            if word not in self.numeric_only or word.startswith("or ") \
                    or _BEFORE_NUMBER.match(text, match.end()):
                found.add(word)
        return frozenset(found)


# What may stand between a numeric hedge and its number: "under $6", "about (5", "~ 2".
_BEFORE_NUMBER = re.compile(r"\s*\W{0,2}\s*\d")


# A group's added words: for every source, or by the language range they are read in.
Added = tuple[str, ...] | Mapping[str, tuple[str, ...]]
_HINT = ('write `hedges: {possibility: ["conceivably"], approximate: {nl: ["ongeveer"], '
         'sv: ["omkring"]}}`: words for every source, or by the language of the sources '
         'they are read in')


def parse_hedges(value: object, where: Callable[[str], Pos]
                 ) -> tuple[Hedges, tuple[Diagnostic, ...]]:
    """The `hedges:` plugin option: {group name: [word, …] or {language: [word, …]}}. Bad
    values are `config-hedges` errors at their mkdocs.yml position; the default groups
    stay in force."""
    if value is None or value == {}:
        return Hedges(), ()
    if not isinstance(value, Mapping):
        return Hedges(), (error(where("hedges"), "config-hedges",
                                "the briefing plugin's `hedges` option must be a mapping "
                                "from a hedge group to a list of words", _HINT),)
    problems: list[Diagnostic] = []
    extra: dict[str, Added] = {}
    for name, words in sorted(value.items(), key=lambda item: str(item[0])):
        at = f"hedges.{name}"
        if isinstance(words, Mapping) and words:
            by_language = _words_by_language(str(name), words, at, where, problems)
            if by_language:
                extra[str(name)] = by_language
        elif _is_word_list(words):
            extra[str(name)] = tuple(words)
        else:
            problems.append(error(where(at), "config-hedges",
                                  f"hedge group {name!r} must list one or more words, or "
                                  "map language tags to lists of words", _HINT))
    return Hedges().extended(extra), tuple(problems)


def _words_by_language(name: str, value: Mapping[object, object], at: str,
                       where: Callable[[str], Pos], problems: list[Diagnostic]
                       ) -> dict[str, tuple[str, ...]]:
    by_language: dict[str, tuple[str, ...]] = {}
    for key, words in value.items():
        tag = language_tag(key) if isinstance(key, str) else None
        if isinstance(key, bool):  # YAML reads `no` (Norwegian) as false
            problems.append(error(
                where(f"{at}.{key}"), "config-hedges",
                f"hedge group {name!r} has words for a key YAML reads as "
                f"{str(key).lower()}, not as a language tag", 'quote the tag: `"no": […]`'))
        elif tag is None:
            problems.append(error(
                where(f"{at}.{key}"), "config-hedges",
                f"hedge group {name!r} has words for {key!r}, which is not a language tag",
                "key the words by the language of the sources they are read in: `nl`, "
                "`pt-BR`, `zh-Hant`"))
        elif not _is_word_list(words):
            problems.append(error(where(f"{at}.{key}"), "config-hedges",
                                  f"hedge group {name!r} must list one or more words for "
                                  f"{tag!r}", _HINT))
        else:
            by_language[tag] = (*by_language.get(tag, ()), *words)
    return by_language


def _is_word_list(value: object) -> TypeGuard[list[str]]:
    return isinstance(value, list) and bool(value) and all(
        isinstance(word, str) and word.strip() for word in value)
