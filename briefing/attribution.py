"""Whom the curator's prose names as the one speaking, for the attribution check
(`provenance`, `prose-attribution`): the words that do it, as data, and their reader.

The words ("Acme says", "according to Acme", "…, sagte Müller") are English ones, read
whatever the site's language, and those of German, French, Spanish, Italian and
Portuguese, kept by language range as a hedge group's `translated` words are
(`hedges.py`) and read only in
the prose of a site in that language: the prose is written in the site's language, with
English words now and then. The quotes are not read here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .language import covers


@dataclass(frozen=True)
class Saying:
    """Words of one kind by which the curator's prose names who speaks, for the attribution
    check (`provenance`): English ones, read in the prose whatever the site's language,
    and, as a hedge group's `translated`, those of other languages by language range, read
    only in the prose of a site whose language the range covers. The prose is read, not
    the quotes: it is written in the site's language, with English words now and then."""

    english: tuple[str, ...]
    translated: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def words_in(self, language: str) -> tuple[str, ...]:
        """The words read in prose written in `language` (a tag: the site's)."""
        return (*self.english, *self.own_in(language))

    def own_in(self, language: str) -> tuple[str, ...]:
        """The words of `language` itself ("de" words for "de-AT"), beside the English."""
        return tuple(word for language_range, words in self.translated
                     if covers(language_range, language) for word in words)


@dataclass(frozen=True)
class Attribution:
    """The words of each place in a sentence that names the one speaking."""

    # A verb after the name, two words at most between: "Acme says", "Acme has said",
    # "Müller sagte", "Rossi ha detto".
    said: Saying
    # A verb before the name, after a quotation or a comma, a few words in small letters
    # between: "…, says Jane Doe", "…», a déclaré le ministre Jean Dupont".
    said_before: Saying
    according: Saying  # right before the name: "according to Acme", "laut Acme"
    according_after: Saying  # right after it: "Acme zufolge"
    # Right before a name that is then an affiliation, not the speaker: "Jane Doe of Acme".
    affiliation: Saying
    # Words after a verb that open the words said, so no name after them is the speaker:
    # "…, a déclaré que Nordwerk…" (English "that" is not one: its behaviour is kept);
    # those before whom the words were said to, the Portuguese "à", "ao" ("disse o
    # ministro à Reuters"), the Spanish and Italian "a", "al" ("dijo a Reuters", "ha
    # detto al FMI": he or she told them); and the pronoun of one who said them ("sagte er
    # Reuters", "dijo él a Reuters"), which names the speaker already, as the French "-il"
    # of "dit-il" does.
    opening: Saying
    # Words before an `according` word that make it another word: "il secondo" is "the
    # second", "secondo Reuters" "according to Reuters"; "está de acordo com" "agrees
    # with".
    ordinal: Saying
    # Articles, which may stand between an `according` or `affiliation` word and the name
    # in the languages that set one before a body's name ("selon l'AFP", "según el FMI",
    # "analista della Reuters", "laut der Bundesbank").
    articles: Saying
    # Languages whose verb closes a subordinate clause or a perfect ("wie Anna Berg der
    # Agentur Reuters sagte", "Nordwerk hat Reuters gesagt"): a verb after two names of one
    # clause is the first one's there, the second being who was told.
    verb_last: tuple[str, ...] = ()
    # Words right after a verb of saying that make it another verb: "called off",
    # "a déclaré faillite" (went bankrupt), "declaró la quiebra", "ha dichiarato
    # fallimento".
    objects: Saying = Saying(())
    # Verbs of saying whose separable prefix, closing their clause, makes them another
    # verb ("Nordwerk sagte die Messe ab", called off; "sagte die Lieferung zu",
    # promised), and those prefixes.
    separable: Saying = Saying(())
    prefixes: Saying = Saying(())
    # Adverbs that may stand inside a compound past: "a également déclaré", "ha inoltre
    # detto" (German has any two words there: "hat außerdem gesagt").
    adverbs: Saying = Saying(())
    # Right before a name, at a sentence's or clause's start, when words in quotation
    # marks follow its comma in the sentence: the view given is the name's ("Pour Luc
    # Gagnon, « la facture réelle sera plus proche »"). Without a quotation, "for X" is
    # as often whom it concerns ("Pour Nordwerk, 2025 a été une année record").
    view: Saying = Saying(())
    # Verbs that may stand right after a name given a view, in place of its comma, when
    # words in quotation marks follow in the sentence: "Für Nordwerk ist klar: „…“".
    view_verbs: Saying = Saying(())
    # Languages that set no comma after a view word's name but for the view: there the
    # comma follows the name at once ("Für Nordwerk, „…“"), and words before one say for
    # whom ("Für Nordwerk arbeiten 500 Menschen, die „…“").
    view_close: tuple[str, ...] = ()

    def reads(self, language: str) -> bool:
        """Whether prose in `language` has words of its own here, beside the English."""
        return any(kind.own_in(language) for kind in (
            self.said, self.said_before, self.according, self.according_after,
            self.affiliation, self.opening, self.ordinal, self.articles))


# The English words are those the check has always read. Each other language's verbs
# of saying are the present and past its press reports with, the compound past with its
# auxiliary ("a déclaré", "ha detto", "ha dicho"), not the participle alone ("Acme
# déclaré coupable" is "found guilty"), but in German, which sets words between the two
# ("hat am Montag gesagt"; two words may stand between a name and its verb).
# Left out, as they as often say something else (docs/provenance.md, "Attribution"):
# verbs of doing as often as of saying after a name ("schreibt schwarze Zahlen", "assure
# la production", "aseguró la financiación", "sostiene i costi"), which count before a
# name only, where nothing else follows a quotation, as the English "adds" does; the
# German "so" ("…, so Müller", but also "so dass", "so wie", "so auch"), "nach" alone
# ("nach Berlin"), "berichtet" and "teilte mit" (as the English "reported": a company
# reports its results); the Spanish "de acuerdo con" ("in agreement with"). "secondo",
# also "second", counts before a name but after an article ("il secondo", "nel secondo").
# Portuguese, for Brazil's press and Portugal's: the simple past it reports with
# ("disse", "afirmou"), and the compounds "tem dito" and hearsay's "teria dito" ("tem
# dito" is rare); "segundo" as "secondo" is; verbs of doing after a name ("garantiu o
# financiamento", "sustenta os custos", "destacou 50 técnicos", "acrescentou uma linha")
# count before a name only; "de acordo com" but after "estar" or "ficar" ("está de
# acordo com Nordwerk", agrees with), "conforme" before an article only ("conforme a
# Prefeitura"; "conforme Nordwerk cresce" is "as Nordwerk grows"); left out, "informou"
# (as "reported").
ATTRIBUTION = Attribution(
    said=Saying(("says", "said", "say", "claims", "claimed", "argues", "argued", "warns",
                 "warned", "calls", "called", "suggests", "suggested", "told", "states",
                 "stated", "asserts", "asserted", "contends", "emphasizes", "emphasises",
                 "highlights", "notes", "noted", "writes", "wrote", "acknowledged",
                 "disclosed", "dismissed", "expresses", "express"), translated=(
        ("de", ("sagt", "sagte", "sagten", "gesagt", "erklärt", "erklärte", "erklärten",
                "betont", "betonte", "behauptet", "behauptete", "behaupteten", "meint",
                "meinte", "warnt", "warnte", "argumentiert", "argumentierte", "kritisiert",
                "kritisierte")),
        ("fr", ("dit", "disent", "a dit", "ont dit", "s'est dit", "s\u2019est dit",
                "déclare", "a déclaré", "ont déclaré", "affirme", "affirment",
                "a affirmé", "ont affirmé", "estime", "estiment", "a estimé", "ont estimé",
                "explique", "a expliqué", "souligne", "a souligné", "précise",
                "a précisé", "indique", "a indiqué", "avertit", "a averti", "prétend",
                "prétendent", "a prétendu", "écrit", "a écrit")),
        ("es", ("dice", "dicen", "dijo", "dijeron", "ha dicho", "han dicho", "afirma",
                "afirman", "afirmó", "ha afirmado", "declara", "declaró", "ha declarado",
                "explica", "explicó", "ha explicado", "señala", "señaló", "ha señalado",
                "advierte", "advirtió", "ha advertido", "escribe", "escribió")),
        ("it", ("dice", "dicono", "ha detto", "hanno detto", "afferma", "affermano",
                "ha affermato", "hanno affermato", "dichiara", "ha dichiarato",
                "hanno dichiarato", "spiega", "ha spiegato", "sottolinea",
                "ha sottolineato", "precisa", "ha precisato", "avverte", "ha avvertito",
                "scrive", "ha scritto")),
        ("pt", ("diz", "dizem", "disse", "disseram", "tem dito", "têm dito", "teria dito",
                "teriam dito", "afirma", "afirmam", "afirmou", "afirmaram", "declara",
                "declaram", "declarou", "declararam", "explica", "explicou", "ressalta",
                "ressaltou", "sublinha", "sublinhou", "alega", "alegou", "adverte",
                "advertiu", "alertou", "escreve", "escreveu")))),
    said_before=Saying(("says", "said", "adds", "added", "argues", "argued", "warns",
                        "warned", "claims", "claimed", "notes", "noted", "writes", "wrote",
                        "states", "stated", "insists", "insisted", "explains", "explained"),
                       translated=(
        ("de", ("sagt", "sagte", "erklärt", "erklärte", "betont", "betonte", "behauptet",
                "behauptete", "meint", "meinte", "warnt", "warnte", "ergänzt", "ergänzte",
                "schreibt", "schrieb", "kritisiert", "kritisierte")),
        ("fr", ("dit", "a dit", "déclare", "a déclaré", "affirme", "a affirmé", "estime",
                "a estimé", "explique", "a expliqué", "souligne", "a souligné", "précise",
                "a précisé", "ajoute", "a ajouté", "assure", "a assuré", "insiste",
                "a insisté", "avertit", "a averti", "confie", "a confié", "raconte",
                "a raconté", "écrit", "a écrit")),
        ("es", ("dice", "dijo", "ha dicho", "afirma", "afirmó", "ha afirmado", "declara",
                "declaró", "ha declarado", "explica", "explicó", "ha explicado", "señala",
                "señaló", "ha señalado", "añade", "añadió", "ha añadido", "agrega",
                "agregó", "asegura", "aseguró", "ha asegurado", "sostiene", "sostuvo",
                "advierte", "advirtió", "precisa", "precisó", "escribe", "escribió")),
        ("it", ("dice", "ha detto", "afferma", "ha affermato", "dichiara", "ha dichiarato",
                "spiega", "ha spiegato", "sottolinea", "ha sottolineato", "precisa",
                "ha precisato", "aggiunge", "ha aggiunto", "assicura", "ha assicurato",
                "sostiene", "ha sostenuto", "commenta", "ha commentato", "avverte",
                "ha avvertito", "scrive", "ha scritto")),
        ("pt", ("diz", "disse", "teria dito", "afirma", "afirmou", "declara", "declarou",
                "explica", "explicou", "ressalta", "ressaltou", "sublinha", "sublinhou",
                "destaca", "destacou", "acrescenta", "acrescentou", "completou", "garante",
                "garantiu", "assegura", "assegurou", "sustenta", "sustentou", "comenta",
                "comentou", "contou", "adianta", "adiantou", "frisa", "frisou", "adverte",
                "advertiu", "alertou", "escreve", "escreveu")))),
    according=Saying(("according to",), translated=(
        ("de", ("laut", "nach Angaben von")),
        ("fr", ("selon", "d'après", "d\u2019après")),
        ("es", ("según",)),
        ("it", ("secondo", "stando a", "a detta di")),
        ("pt", ("segundo", "nas palavras de", "de acordo com", "conforme o", "conforme a",
                "conforme os", "conforme as")))),
    according_after=Saying((), translated=(("de", ("zufolge",)),)),
    affiliation=Saying(("of", "at", "from"), translated=(
        ("de", ("von", "vom", "bei", "beim")),
        ("fr", ("de", "du", "des", "d'", "d\u2019", "chez")),
        ("es", ("de", "del")),
        ("it", ("di", "del", "della", "dello", "dei", "degli", "delle", "d'", "d\u2019",
                "presso")),
        ("pt", ("de", "do", "da", "dos", "das")))),
    opening=Saying((), translated=(
        ("de", ("dass", "ob", "wie", "er", "sie")), ("fr", ("que", "si")),
        ("es", ("que", "si", "a", "al", "él", "ella", "ellos", "ellas")),
        ("it", ("che", "se", "a", "al", "allo", "alla", "ai", "agli", "alle", "lui", "lei",
                "loro")),
        ("pt", ("que", "se", "à", "ao", "às", "aos", "ele", "ela", "eles", "elas")))),
    ordinal=Saying((), translated=(
        ("it", ("il", "un", "al", "del", "dal", "nel", "sul", "col", "quel", "questo")),
        ("pt", ("o", "um", "ao", "do", "no", "pelo", "num", "dum", "em", "por", "este",
                "esse", "neste", "nesse", "deste", "desse", "seu",
                # "estar de acordo com" is "to agree with"
                "está", "estão", "estava", "estavam", "esteve", "estiveram", "estar",
                "estou", "estamos", "fica", "ficam", "ficou", "ficaram", "ficar")))),
    articles=Saying((), translated=(
        ("de", ("der", "die", "das", "dem", "den", "des")),
        ("fr", ("le", "la", "les", "l'", "l\u2019")),
        ("es", ("el", "la", "los", "las")),
        ("it", ("il", "lo", "la", "i", "gli", "le", "l'", "l\u2019")),
        ("pt", ("o", "a", "os", "as")))),
    verb_last=("de",),
    objects=Saying(("off", "it off", "them off"), translated=(
        ("fr", ("faillite", "forfait", "la faillite", "la guerre", "l'état d'urgence",
                "l\u2019état d\u2019urgence", "la cessation", "cessation")),
        ("es", ("la quiebra", "quiebra", "la guerra", "el estado de")),
        ("it", ("fallimento", "il fallimento", "forfait", "guerra", "la guerra",
                "lo stato di")),
        # "declarou falência", "declarou guerra"; "diz respeito a" (concerns); the verb
        # made reflexive in Portugal's order, "afirmou-se como líder" (established itself),
        # "declarou-se insolvente".
        ("pt", ("falência", "a falência", "insolvência", "a insolvência", "guerra",
                "a guerra", "estado de", "o estado de", "respeito", "-se")))),
    separable=Saying((), translated=(("de", ("sagt", "sagte", "sagten")),)),
    prefixes=Saying((), translated=(("de", ("ab", "zu", "an")),)),
    adverbs=Saying((), translated=(
        ("fr", ("également", "aussi", "encore", "déjà", "ensuite", "enfin", "notamment",
                "pourtant", "toutefois", "cependant", "même", "ainsi", "d'ailleurs",
                "d\u2019ailleurs", "hier")),
        ("es", ("también", "además", "ya", "incluso", "hoy", "ayer")),
        ("it", ("inoltre", "anche", "poi", "già", "ancora", "pure", "infatti", "però",
                "invece", "oggi", "ieri")),
        ("pt", ("também", "já", "ainda", "sempre")))),
    # (German sets no comma after "für X", which as often says for whom: "Für Nordwerk
    # arbeiten 500 Menschen". It is read with a comma right after the name, or with "ist"
    # or "war" there: "Für Nordwerk, „…“", "Für Nordwerk ist klar: „…“".)
    view=Saying(("for",), translated=(
        ("de", ("für",)), ("fr", ("pour",)), ("es", ("para",)), ("it", ("per",)),
        ("pt", ("para",)))),
    view_verbs=Saying((), translated=(("de", ("ist", "war", "sind", "waren")),)),
    view_close=("de",),
)


# Closing quotation marks before a verb that names the speaker after it ("…», dijo
# Pérez"), and the words in small letters allowed between the two ("dijo el ministro
# Pérez"): English ones, and, in a language with words of its own, the closing marks of
# German and French too (U+201C, U+2018, U+00AB, U+2039, U+203A) and words with an accent
# or an elision ("a déclaré l'économiste Jean Dupont").
_CLOSING = (",\"\u201d\u2019'\u00bb", ",\"\u201d\u2019'\u00bb\u201c\u2018\u00ab\u2039\u203a")
# What ends a clause or joins two names, for a language whose verb closes a clause
# (`Attribution.verb_last`: German alone): a mark, "und", "oder".
_CLAUSE_BREAK = re.compile(
    "[,.;:!?()\"\u00ab\u00bb\u201c\u201d\u201e]|\\b(?i:und|oder)\\b")
_SMALL_WORD = (r"[a-z][\w-]*", "[a-z\u00df-\u00f6\u00f8-\u00ff][\\w'\u2019-]*")


# Up to a comma, after a name given a view: a few words that are no sentence's end.
_TO_COMMA = r"[^,;.!?\n\u00ab\u00bb\u201c\u201d\u201e\"]{0,80},"


def _view_quoted(close: bool, verbs: str) -> re.Pattern[str]:
    """What follows a name given a view ("Pour Luc Gagnon, président des Amis, « … »"):
    up to two commas (an apposition between), the first right after the name where
    `close`, or one of `verbs` (a pattern: "ist" in "Für Nordwerk ist klar: „…“"); and
    then, in the same sentence, an opening quotation mark."""
    first = "," if close else _TO_COMMA
    return re.compile(rf"(?:{first}(?:{_TO_COMMA})?|\s+(?:{verbs})\b)"
                      r"(?:[^.!?;\n]|\.(?=\d))*?[\u00ab\u00bb\u201c\u201e\u2039\u2018\"]")


# After the opening quotation mark of a view: the quoted words to the next mark (a point
# inside them ends no sentence: "“the plant stays open.”"), then the rest of the sentence.
_REST_OF_SENTENCE = re.compile(
    "(?P<words>[^\u00ab\u00bb\u201c\u201d\u201e\u2039\u203a\"]*)"
    "[\u00ab\u00bb\u201c\u201d\u201e\u2039\u203a\"]?[^.!?;\n]*")


def _view(words: str, article: str, small: str) -> re.Pattern[str]:
    """What stands before a name given a view, `words` the view words as a pattern: one
    opening a sentence or clause ("Pour", ", pour"), an article or small words (a title)
    between it and the name."""
    return re.compile(rf"(?:^|[.!?;:,(\n])\s*(?i:{words})\s+{article}(?:{small}\s+){{0,3}}$")


class Speaking:
    """Whom the curator's prose names as the one speaking, read with the words of
    `ATTRIBUTION` in the site's language and in English (that of every site).

    A site in a language with no words of its own there reads as an English one, with the
    same patterns; one in German, French, Spanish, Italian or Portuguese adds its words,
    the quotation marks and small words of those languages, and a name in a compound
    ("Acme-Chef Müller") as one that qualifies the next."""

    def __init__(self, language: str) -> None:
        words = ATTRIBUTION
        own = words.reads(language)

        def any_of(saying: Saying, inside: str = "") -> str:
            """The words as a pattern; `inside`, a pattern of words that may stand after
            the first word of one of two or more (an auxiliary: "a également déclaré")."""
            return "|".join(rf"\s+{inside}".join(re.escape(part) for part in word.split())
                            for word in saying.words_in(language)) or "(?!)"

        small, compound, word_start, article, affiliate = _SMALL_WORD[own], "", "", "", ""
        if own:
            # Not a word opening what was said ("a déclaré que Nordwerk…"); a name in a
            # compound qualifies the next ("sagte Acme-Chef Müller"); a word of a language
            # of its own starts a word ("selon", not "Eselon"); an article may stand
            # before a name ("selon l'AFP", "según el FMI", "von der Bundesbank").
            small = rf"(?!(?:{any_of(words.opening)})\b){small}"
            compound, word_start = r"|-[\w-]+", r"(?<!\w)"
            article = rf"(?:(?:{any_of(words.articles)})\s*)?"
            affiliate = rf"(?:\s+(?:{any_of(words.articles)}))?"
        adverb = rf"(?:(?:{any_of(words.adverbs)})\s+)?" if words.adverbs.own_in(language) \
            else ""
        # (a party in parentheses may stand between: "Marc Roux (PSOL) disse")
        self.said = re.compile(r"(?:'s)?(?:\s*,[^,;.]{1,80},)?(?:\s+\([^()]{1,40}\))?"
                               r"\s+(?:\w+\s+){0,2}?"
                               rf"(?:{any_of(words.said, adverb)})\b", re.IGNORECASE)
        self.said_before = re.compile(
            rf"[{_CLOSING[own]}]\s*(?i:{any_of(words.said_before, adverb)})"
            rf"(?:\s+{small}){{0,3}}\s+$")
        # What makes a verb of saying another verb: an object after it ("a déclaré
        # faillite"), or a separable prefix closing its clause ("sagte die Messe ab").
        # (Glued on, as a Portuguese "-se"; a word follows a verb after a space.)
        self.other_verb = re.compile(rf"\s*(?:{any_of(words.objects)})(?!\w)", re.IGNORECASE)
        self.separable = re.compile(rf"(?<!\w)(?:{any_of(words.separable)})$", re.IGNORECASE)
        self.prefix = re.compile(r"[^,.;:!?()\"\u00ab\u00bb\u201c\u201d\u201e]*?\s"
                                 rf"(?:{any_of(words.prefixes)})\s*(?:[,.;:!?)\"\u00ab\u00bb"
                                 r"\u201c\u201d\u201e]|$)", re.IGNORECASE)
        self.qualifies = re.compile(rf"(?:['\u2019]s{compound})?(?:\s+{small}){{0,3}}\s+$")
        self.affiliation = re.compile(
            rf"(?:\b(?:{any_of(words.affiliation)}){affiliate}|'s)\s*$", re.IGNORECASE)
        self.according = re.compile(
            rf"{word_start}(?:{any_of(words.according)})\s+{article}$", re.IGNORECASE)
        self.view = _view(any_of(words.view), article, small)
        self.view_quoted = _view_quoted(
            any(covers(tag, language) for tag in words.view_close), any_of(words.view_verbs))
        # A name joined to a noun names what the noun does ("Acme-Chef", Acme's head).
        self.compound = re.compile(r"-\w" if own else "(?!)")
        self.according_after = re.compile(rf"\s+(?:{any_of(words.according_after)})\b",
                                          re.IGNORECASE)
        self.ordinal = re.compile(rf"(?<!\w)(?:{any_of(words.ordinal)})\s+$", re.IGNORECASE)
        self.verb_last = any(covers(tag, language) for tag in words.verb_last)
        # How far before a name to look for its words: the longest, an article, the spaces.
        longest_article = max((len(w) + 1 for w in words.articles.words_in(language)),
                              default=0)
        self.affiliation_reach = 2 + longest_article + max(
            len(w) for w in words.affiliation.words_in(language))
        self.according_reach = 4 + longest_article + max(
            len(w) for w in words.according.words_in(language))

    def affiliated(self, plain: str, start: int) -> bool:
        """Whether the name at `start` is an affiliation: "Jane Doe of Acme"."""
        return bool(self.affiliation.search(plain[max(0, start - self.affiliation_reach):start]))

    def according_to(self, plain: str, start: int, end: int) -> bool:
        """Whether the text gives words to the name at `start`: "according to Acme",
        "Acme zufolge"; "secondo Reuters" but "il secondo Reuters"."""
        before = max(0, start - self.according_reach)
        found = self.according.search(plain[before:start])
        if found is not None:
            at = before + found.start()
            return not self.ordinal.search(plain[max(0, at - 12):at])
        return bool(self.according_after.match(plain, end))

    def view_of(self, plain: str, start: int, end: int) -> tuple[int, int, int] | None:
        """Where the quotation opens and closes, and where its sentence ends, that the
        text gives after the name at `start` as its view ("Pour Luc Gagnon, président des
        Amis, « la facture … »"), or None where it gives none."""
        if not self.view.search(plain, max(0, start - 60), start):
            return None
        quoted = self.view_quoted.match(plain, end)
        if quoted is None:
            return None
        rest = _REST_OF_SENTENCE.match(plain, quoted.end())
        closed = rest.end("words") if rest else quoted.end()
        return quoted.end() - 1, closed, rest.end() if rest else closed

    def another_speaker(self, plain: str, mentions: list[tuple[int, int, str]], index: int,
                        view: tuple[int, int, int]) -> bool:
        """Whether a name after the mention at `index` and outside the quotation of its
        `view` (`view_of`), in the same sentence, is named as the one speaking: "Pour
        Nordwerk, « … », a déclaré Anna Berg", "For Nordwerk, Anna Berg said, “…”", "…,
        selon Anna Berg". The view given "for" the first is then about it, not its own."""
        opened, closed, until = view
        for other in range(index + 1, len(mentions)):
            start, end, _ = mentions[other]
            if start >= until:
                return False
            if opened <= start < closed or self.compound.match(plain, end):
                continue
            if self.according_to(plain, start, end) or (
                    not self.affiliated(plain, start) and self.says(plain, mentions, other)):
                return True
        return False

    def told(self, plain: str, mentions: list[tuple[int, int, str]], index: int) -> bool:
        """In a language whose verb closes a clause, whether another name opens the clause
        of the mention at `index`, so that the verb after it is that name's: "wie Anna Berg
        der Agentur Reuters sagte"; not one given words ("Laut Anna Berg hat Acme erklärt")
        or only qualifying another ("Acme-Chefin Anna Berg")."""
        start = mentions[index][0]
        for before, after, _ in reversed(mentions[:index]):
            if _CLAUSE_BREAK.search(plain, after, start):
                return False
            if not (self.compound.match(plain, after) or self.affiliated(plain, before)
                    or self.according_to(plain, before, after)):
                return True
        return False

    def another_verb(self, plain: str, said: re.Match[str]) -> bool:
        """Whether the verb of saying `said` found is part of another verb: "Nordwerk a
        déclaré faillite" (went bankrupt), "Nordwerk sagte die Messe ab" (called it off)."""
        return bool(self.other_verb.match(plain, said.end())
                    or (self.separable.search(said.group(0))
                        and self.prefix.match(plain, said.end())))

    def names(self, plain: str, mentions: list[tuple[int, int, str]], index: int) -> bool:
        """Whether the text names the mention at `index` as the one speaking."""
        start, end, _ = mentions[index]
        if self.compound.match(plain, end):  # "laut Acme-Chefin Jane Doe"
            return False
        # "nach Angaben von Acme", "einem Bericht von Acme zufolge": the words given to an
        # affiliation.
        if self.according_to(plain, start, end):
            return True
        if self.affiliated(plain, start):
            return False
        view = self.view_of(plain, start, end)
        if view is not None:
            return not self.another_speaker(plain, mentions, index, view)
        return self.says(plain, mentions, index)

    def says(self, plain: str, mentions: list[tuple[int, int, str]], index: int) -> bool:
        """Whether a verb of saying gives the words to the mention at `index`: after it
        ("Acme says") or before it after a quotation ("…, says Jane Doe")."""
        start, end, _ = mentions[index]
        said = self.said.match(plain, end)
        if said and self.another_verb(plain, said):
            said = None
        # The verb belongs to the nearest name before it ("H800 GPUs DeepSeek says"),
        # but for an affiliation ("Mark Zuckerberg of Meta says"); where the verb closes
        # the clause, to its first ("wie Anna Berg Reuters sagte": she told Reuters).
        nearer = next((m for m in mentions[index + 1:]
                       if not self.affiliated(plain, m[0])), None)
        if said and ((nearer is not None and nearer[0] < said.end())
                     or (self.verb_last and self.told(plain, mentions, index))):
            said = None
        # The verb before the name, as the press writes it after a quotation or a clause:
        # "…, says Jane Doe", "…” said chief analyst Jane Doe"; a name that only qualifies
        # the next one ("says Acme rival Jane Doe", "said Acme's Jane Doe") is not the
        # speaker.
        said_before = self.said_before.search(plain[max(0, start - 60):start]) and not (
            index + 1 < len(mentions)
            and self.qualifies.fullmatch(plain, end, mentions[index + 1][0]))
        return bool(said or said_before)
