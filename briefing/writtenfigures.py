"""Figures as German, French, Spanish, Italian and Portuguese articles write them, for
`briefing new`'s suggestions (`suggest.find_figures`): money ("1,5 Milliarden Euro", "3,5
milliards d'euros", "€ 200", "R$ 2 bilhões"), percentages ("12 Prozent", "12 %", "por
ciento") and counts ("2.000 Stellen", "2 millions de clients", "12 mil assinaturas").
Numbers are read as the language writes them (`numbers.written_in`: CLDR's separators and
scale words, "2,1" is 2.1 and "2.000" two thousand in German); the qualifier is the
language's hedge words before the number (`hedges.DEFAULT_HEDGES`, their `translated`
words)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from types import MappingProxyType

from .germannames import after_determiner
from .germannames import is_function_word as is_german_function_word
from .hedges import DEFAULT_HEDGES, words_pattern
from .language import primary
from .numbers import NumberStyle, numbers, written_in
from .romancenames import LANGUAGES as ROMANCE
from .romancenames import is_function_word as is_romance_function_word
from .romancenames import is_particle

LANGUAGES = frozenset({"de", "fr", "es", "it", "pt"})

# The currencies written after a number, with the preposition a Romance language puts
# before them ("millions d'euros", "millones de dólares", "milioni di euro").
_CURRENCY_WORDS = MappingProxyType({
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "$": "USD", "usd": "USD",
    "dollar": "USD", "dollars": "USD", "us-dollar": "USD", "dólar": "USD",
    "dólares": "USD", "dollaro": "USD", "dollari": "USD"})
# Portuguese's besides ("300 milhões de reais"): "real" is a Spanish word too ("3
# millones del Real Madrid").
_PORTUGUESE_CURRENCY_WORDS = MappingProxyType({"real": "BRL", "reais": "BRL"})
# The regions whose dollar is their own: there "$" and "dollars" without "US" are that
# dollar ("450 M$" in a Quebec paper is Canadian dollars); "US$" stays USD.
_DOLLAR_REGIONS = MappingProxyType({"CA": "CAD"})
# The currency symbols of every language, English included (`suggest.find_figures`);
# "US$" and "R$" (the Brazilian real) before "$", as a number is matched against them in
# turn.
CURRENCY_SYMBOLS = MappingProxyType({"US$": "USD", "R$": "BRL", "$": "USD", "€": "EUR",
                                     "£": "GBP"})
_OF = r"(?:(?:de|di)\s+|d['\u2019]\s?)"
_SPACE = r"[\s\u00a0\u202f\u2009]"
_MONEY_WORDS = r"US-Dollar|dólares|dólar|dollars|dollari|dollaro|dollar|euros|euro|eur|usd"
_MONEY_AFTER = re.compile(rf"{_SPACE}*{_OF}?(?P<cur>€|\$|(?i:{_MONEY_WORDS})\b)")
_MONEY_AFTER_PT = re.compile(rf"{_SPACE}*{_OF}?(?P<cur>€|\$|(?i:reais|real|{_MONEY_WORDS})\b)")
# The units of energy, power, data and emissions after a number, in every language
# ("60 GWh", "2,5 GW", "5 TB", "3 MtCO2e"; `suggest.find_figures` reads them in English).
UNIT = r"(?:[kMGTP]W[hpe]?|[kMGT]VA|[kMG]V|[kMG]Hz|[kMGTP]B|[MG]t|Mtoe|bcm|MMBtu|[MG]?tCO2e?)"
_UNIT_AFTER = re.compile(rf"{_SPACE}?(?P<unit>{UNIT})\b")
_PERCENT_AFTER = re.compile(
    rf"{_SPACE}?(?:%|(?i:Prozent|pour{_SPACE}+cent|por{_SPACE}+ciento|per{_SPACE}+cento"
    rf"|por{_SPACE}+cento)\b)")
# What a count counts: a noun (capitalised in German), after "de"/"di" in a Romance
# language ("2 millions de clients"); not an elided word ("20 mila l'anno", "aujourd'hui").
_NOUN_AFTER = re.compile(
    rf"{_SPACE}+{_OF}?(?P<noun>[^\W\d_][^\W\d_-]*(?:-[^\W\d_]+)*)\b(?!['\u2019])")
# Between the two ends of a range: "2,1 bis 2,3 Milliarden Euro", "de 2 à 3 millions".
_RANGE = re.compile(rf"{_SPACE}*(?:bis|à|a|-|\u2013){_SPACE}*$")
# The scale a number is written with: what follows its digits ("Milliarden", "Mrd.").
_DIGITS = re.compile(r"(?:US\$|\$|€|£)?[\s\u00a0\u202f\u2009]?\d(?:[\d.,'\u00a0\u202f "
                     r"\u2009]*\d)?")
# The hedge groups that bound or round a number, as a figure's qualifier; a comparative
# ("mehr als", "moins de", "più di", "oltre") is a strict bound, another word ("mindestens",
# "jusqu'à", "al menos") is not.
_BOUNDS = MappingProxyType({"approximate": ("about", "about"),
                            "lower-bound": ("over", "at-least"),
                            "upper-bound": ("under", "up-to")})
# The verbs "exceed" straight before a number, or before its article: the figure is a
# strict lower bound ("superaría los 350 millones", "dépasse les 350 millions", "ha
# superato i 350 milioni", "übersteigen 350 Millionen"), and an upper one when denied,
# "no", "non", "pas" or "jamais" before the verb or one word before it ("no ha superado
# los", "n'a pas dépassé les") or "pas", "jamais" or "nicht" after it ("ne dépasse pas
# les"). Not a German verb at a clause's end ("350 Millionen Euro übersteigen"), nor
# "en", "di" or "um" after one ("superó en 20 millones": by how much). Portuguese
# "superar", "ultrapassar" and "exceder" ("poderá ultrapassar os 1,5 mil milhões") are
# denied by "não", "nunca" or "jamais" before ("não deve ultrapassar os"), and their
# articles are "o", "a", "os", "as" ("supera o", "ultrapassou os"): "no", the Spanish
# "not", is Portuguese's "in the", and "a", "o" no Spanish or Italian articles.
_EXCEED_VERBS = MappingProxyType({
    "es": r"super(?:a|an|ó|aron|aba|aban|ará|arán|aría|arían|ar|ando|ado|e|en)",
    "fr": r"dépass(?:e|es|ent|ait|aient|a|èrent|era|eront|erait|eraient|er|ant|é|ée|és|ées)",
    "it": r"super(?:a|ano|ò|arono|ava|avano|erà|eranno|erebbe|erebbero|are|ando|ato|ata|ati"
          r"|ate|i|ino)",
    "de": r"übersteig(?:t|en|e|end)|überstieg(?:en|e)?|überschreit(?:et|en|e|end)"
          r"|überschritt(?:en|e)?",
    "pt": r"(?:super|ultrapass)(?:a|am|ou|aram|ava|avam|ará|arão|aria|ariam|ar|ando|ado"
          r"|e|em|asse|assem)|exced(?:e|em|eu|eram|ia|iam|erá|erão|eria|eriam|er|endo|ido)"})
# Each language's words that deny the verb before it and after it, and its articles.
_EXCEED_OTHERS = (r"no|non|pas|jamais", r"pas|jamais|nicht",
                  r"(?:el|la|los|las|lo|le|les|il|i|gli|der|die|das|den|dem)")
_EXCEED_AROUND = MappingProxyType({"pt": (r"não|nunca|jamais", r"(?!)", r"(?:os|as|o|a)")})
_EXCEEDS = MappingProxyType({
    language: re.compile(
        r"(?i:(?:\b(?P<no>" + _EXCEED_AROUND.get(language, _EXCEED_OTHERS)[0]
        + r")\s+(?:\w+\s+)?)?\b(?:" + verbs + r")(?P<not>\s+(?:"
        + _EXCEED_AROUND.get(language, _EXCEED_OTHERS)[1] + r"))?\s+(?:"
        + _EXCEED_AROUND.get(language, _EXCEED_OTHERS)[2] + r"\s+)?)$")
    for language, verbs in _EXCEED_VERBS.items()})
# No hedge is longer than this ("approssimativamente").
_HEDGE_ROOM = 60
_GROUPED = re.compile(r"\d[.\u00a0\u202f\u2009 ']\d{3}")
# A currency symbol before a number and a space; "R$" also glued to it ("R$300", which the
# numbers read leave out, as they leave out the "A" of "A$300").
_SYMBOL_BEFORE = re.compile(r"(?:(?P<symbol>R\$|US\$|\$|€|£)[\u00a0\u202f ]|(?P<glued>R\$))$")
_LAST_WORD = re.compile(r"[^\W\d_]+\s*$")
_STRICT = re.compile(
    r"(?i:mehr|weniger|plus|moins|más|menos|più|meno|oltre|mais|acima|abaixo)\b")
# German nouns after a number that count nothing, alone or as a compound's end: the time
# of day, periods and measures ("um 11 Uhr", "54 Jahre alt", "seit 12 Jahren", "2000
# Quadratmeter", "130 Stundenkilometer").
_NOT_COUNTED = re.compile(
    r"mal|male|kilo|kilogramm|gramm|litern?|(?:[\w-]*kilo|zenti|milli|quadrat|kubik)?metern?"
    r"|[\w-]*(?:uhr|jahre?n?|jahres|monate?n?|wochen?|tage?n?|stunden?|minuten?|sekunden?|"
    r"grad|tonnen?|hektar)")
# The German nouns a number after them labels rather than counts ("Paragraf 17
# Kündigungsschutzgesetz", "Stand 12 Halle 2", "S. 4"), some as a compound's end too
# ("Kalenderwoche 14", "Messehalle 9").
_LABEL_ENDS = re.compile(
    r"\w*(?:paragraf|paragraph|artikel|absatz|kapitel|seite|nummer|halle|gleis|zimmer|"
    r"saal|stufe|klasse|folge|runde|spieltag|tabelle|abbildung|linie|etage|zone|phase|"
    r"woche|minute|straße|autobahn|staffel|abschnitt|anhang)")
_LABELS_TEXT = """
§ s art abs kap nr ziff bd stand tor band teil werk haus raum block version level typ
modell serie sektor stock terminal bahnsteig formel industrie tempo jahr tag ziffer
anlage gruppe platz"""
_LABELS = frozenset(_LABELS_TEXT.split())
# A German plural ends so ("Stellen", "Mitarbeiter", "Arbeitsplätze", "Autos"); a noun
# that does not is singular, and no count after a number of two or more.
_PLURAL = re.compile(r"[\w-]*[enrs]")
_WORD_BEFORE = re.compile(r"(\S+)\s+$")
# French, Spanish, Italian and Portuguese nouns after a number that count nothing: the
# months ("le 3 mars", "il 12 settembre"), the hours, years and centuries (a time of
# day, an age: "à 10 heures", "58 ans", "61 anni"), the number of times ("2 fois"), and
# the scale words the language's numbers leave unread ("2 bilhões" in Portugal, where
# CLDR's "bilião" is 10^12: a scale, not a count).
_NEVER_COUNTED = re.compile(
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    r"|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre"
    r"|dicembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro"
    r"|dezembro|h|heures?|horas?|ore|ora|ans?|années?|años?|anni|anno|anos?|siècles?"
    r"|siglos?|secoli|séculos?|fois|reprises|vez|veces|volte|vezes"
    r"|millions|milliards|billions|millones|millardos|billones|milioni|miliardi|milhões"
    r"|bilhões|biliões|trilhões")
# Periods, which are figures after a hedge ("fino a 40 minuti", "jusqu'à 18 mois") and
# too often a date's or a schedule's without one ("dans 5 jours", "pendant 18 mois").
_PERIODS = re.compile(
    r"secondes|minutes|jours|semaines|mois|trimestres|semestres|segundos|minutos|días"
    r"|semanas|meses|secondi|minuti|giorni|settimane|mesi|dias")
# A noun in the plural, as these languages write it ("stations", "autobuses", "ônibus",
# "posti", "linee"; an Italian noun ending in a consonant or an accent does not change:
# "autobus", "città", not "è"); a noun that is not is singular, and no count after a number of
# two or more, nor is a verb ("sont", "circulan", "saranno", "ganhará").
_ROMANCE_PLURAL = MappingProxyType({
    "fr": re.compile(r"[\w-]*[sxz]"), "es": re.compile(r"[\w-]*[sz]"),
    "pt": re.compile(r"[\w-]*[sz]"),
    "it": re.compile(r"[\w-]*(?:[ie]|[^\Waeiouàèéìòù\d_])|[\w-]{3,}[àèéìòù]")})
# The words after a number that end as nouns in the plural do and are none: adverbs,
# conjunctions, pronouns ("2 plus 2", "40 apenas", "sono 3 che", "40 non").
_NO_NOUNS_TEXT = """
plus moins dans sous sans puis mais jamais toujours tous toutes alors lors vers dès très
près depuis nous vous ils elles leurs ces des les mes tes ses nos vos
más menos después antes entonces pues tras además apenas ellos ellas ustedes mis tus sus
che se come dove quando mentre poi ci si mi ti vi ne non più già ancora sempre oggi ieri
domani perché poiché affinché finché cioè mais depois pois nós vós eles elas após também ainda já"""
_NO_NOUNS = frozenset(_NO_NOUNS_TEXT.split())
# The adjectives written between a number and its noun ("40 nouveaux autobus", "los 3
# primeros meses", "3 altri treni", "2 novos terminais"): the noun after them is counted.
_BEFORE_NOUNS_TEXT = """
nouveaux nouvelles premiers premières derniers dernières prochains prochaines autres
grands grandes petits petites principaux principales meilleurs meilleures
nuevos nuevas primeros primeras últimos últimas próximos próximas otros otras
principales mejores nuovi nuove primi prime ultimi ultime prossimi prossime altri altre
grandi principali migliori novos novas primeiros primeiras próximos próximas outros
outras principais melhores"""
_BEFORE_NOUNS = frozenset(_BEFORE_NOUNS_TEXT.split())
# The nouns a number after them labels rather than counts ("la ligne 4", "l'article 12",
# "a pagina 7", "a linha 12", "la route 132").
_ROMANCE_LABELS = re.compile(
    r"lignes?|articles?|pages?|chapitres?|numéros?|n°|no|salles?|portes?|quais?|voies?|routes?"
    r"|autoroutes?|étapes?|saisons?|niveaux?|zones?|phases?|tomes?|annexes?|alinéas?"
    r"|líneas?|artículos?|páginas?|capítulos?|números?|calles?|rutas?|salas?|puertas?"
    r"|andén|andenes|vías?|etapas?|temporadas?|nivel|niveles|fases?|zonas?|anexos?"
    r"|linea|linee|articolo|articoli|pagina|pagine|capitolo|numero|binario|via|tappa"
    r"|stagione|livello|fase|comma|allegato|linhas?|artigos?|página|capítulo|número"
    r"|plataforma|rodovia|temporada|nível|anexo|lei|ley|loi|legge|decreto|décret")
# The articles and determiners after which a number written as a year is a count ("las
# 1500 paradas", "ses 1200 salariés").
_ROMANCE_DETERMINERS = frozenset({
    "les", "des", "ces", "ses", "leurs", "nos", "vos", "los", "las", "sus", "estos",
    "estas", "i", "gli", "le", "dei", "degli", "delle", "suoi", "sue", "questi", "queste",
    "os", "as", "dos", "das", "seus", "suas", "estes", "esses", "essas"})
_OPENING = "(\u201e\u201c\u00bb\u00ab\"'"
# A rate of time straight after a number whose noun the sentence leaves out ("9 000 par
# jour", "9.000 al día", "9.000 pro Tag", "9.000 al giorno", "9.000 por dia"): a count
# per day, the rate its unit as written; not a date's year after it ("im Jahr 2024"), nor
# the day after ("al día siguiente", "al giorno dopo"). German's "am Tag" and "im Jahr"
# are a rate only at a clause's end ("9.000 am Tag."; "am Tag der Arbeit", "im Jahr nach
# der Wahl" are a time).
_RATE_WORDS = MappingProxyType({
    "fr": r"par{_S}+(?:jour|an|année|mois|semaine|heure)",
    "es": r"(?:al|por){_S}+(?:día|año|mes|hora)|a{_S}+la{_S}+(?:semana|hora)|por{_S}+semana",
    "it": r"al{_S}+(?:giorno|mese|dì)|all['\u2019]{_S}?(?:anno|ora)|l['\u2019]anno"
          r"|alla{_S}+settimana|a{_S}+settimana",
    "pt": r"(?:por|ao){_S}+(?:dia|ano|mês)|por{_S}+(?:semana|hora)",
    "de": r"pro{_S}+(?:Tag|Jahr|Monat|Woche|Stunde)|(?:am{_S}+Tag|im{_S}+(?:Jahr|Monat))"
          r"(?={_S}*(?:[.,;:!?)]|$))"})
_NOT_A_RATE_AFTER = (r"\d|siguiente|anterior|seguinte|dopo|successivo|prima|suivant"
                     r"|précédent")
_RATES = MappingProxyType({
    language: re.compile(rf"{_SPACE}+(?P<rate>{words.format(_S=_SPACE)})\b"
                         rf"(?!{_SPACE}*(?:{_NOT_A_RATE_AFTER}))")
    for language, words in _RATE_WORDS.items()})
# A law's, a decree's or a record's number is an identifier, whatever its digits ("A Lei
# 14.133 trata de", "Lei nº 14.133", "O Decreto 10.024 regula", "la Ley 40.015", "le décret
# n° 2 016 123", "legge n. 190", "Gesetz Nr. 1.234"): it neither counts nor measures. The
# word before (a compound's end in German: "Bundesgesetz"), an adjective of its kind
# ("Lei Complementar", "Ley Orgánica") and a number sign; or a number sign alone ("caso
# nº 1.234", "Nr. 2.000").
_LAW_WORDS = (r"leis?|leyes|ley|lois?|legge|leggi|decretos?(?:-lei|-ley|-legge)?|décrets?"
              r"|ordonnance|arrêté|portaria|resolução|resolución|medida\s+provisória"
              r"|d\.\s?lgs\.?|dlgs|dpr|[\w-]*gesetz(?:es)?|[\w-]*verordnung")
_LAW_KINDS = (r"complementar|orgânica|orgánica|organique|federal|estadual|municipal"
              r"|regional|delegada|legislativo")
_LONE_SIGN = r"nº|n°|n\.\s?º|n\.\s?°|nr\.|núm\.|num\.|nro\."
_NUMBER_SIGN = _LONE_SIGN + r"|n\."  # ("legge n. 190"; "N." alone may be an initial)
_IDENTIFIED = re.compile(
    rf"(?i:(?:\b(?:{_LAW_WORDS})(?:{_SPACE}+(?:{_LAW_KINDS}))?(?:{_SPACE}+(?:{_NUMBER_SIGN}))?"
    rf"|(?<!\w)(?:{_LONE_SIGN})){_SPACE}*)$")


@dataclass(frozen=True)
class Reading:
    """A figure of a sentence: where it is written, its bounds, its unit, its qualifier."""

    start: int
    end: int
    low: Decimal
    high: Decimal
    unit: str
    qualifier: str


def reads_figures(language: str) -> bool:
    """Whether figures in `language` (a tag) are read here rather than as English."""
    return primary(language) in LANGUAGES


@dataclass(frozen=True)
class Reader:
    """Reads the figures of sentences in `language` (a tag whose primary subtag is one of
    `LANGUAGES`)."""

    language: str

    @cached_property
    def style(self) -> NumberStyle:
        """How the language writes numbers (`numbers.written_in`: the prose checks' own,
        "mil milhões" in Brazilian Portuguese too)."""
        return written_in(self.language)

    @cached_property
    def money_after(self) -> re.Pattern[str]:
        """A currency written after a number, in the language."""
        return _MONEY_AFTER_PT if primary(self.language) == "pt" else _MONEY_AFTER

    @cached_property
    def dollar(self) -> str:
        """The currency a "$" or "dollars" without "US" stands for in the language's
        region: CAD in Canada ("fr-CA"), else USD."""
        region = next((part.upper() for part in self.language.split("-")[1:]
                       if len(part) == 2 and part.isalpha()), "")
        return _DOLLAR_REGIONS.get(region, "USD")

    @cached_property
    def bounds(self) -> tuple[tuple[re.Pattern[str], str], ...]:
        """The language's hedge words that bound or round a number, with their group."""
        return tuple((words_pattern(group.triggers_in(self.language)), group.name)
                     for group in DEFAULT_HEDGES if group.name in _BOUNDS)

    def figures_in(self, sentence: str) -> list[Reading]:
        """The money amounts, percentages and counts of one sentence."""
        found: list[Reading] = []
        read = numbers(sentence, self.style)
        skip = -1
        for index, (start, written, value) in enumerate(read):
            if start < skip:
                continue
            end = start + len(written)
            low = value
            following = read[index + 1] if index + 1 < len(read) else None
            if following and _RANGE.fullmatch(sentence[end:following[0]]) \
                    and not _has_unit(sentence, end, written, self.money_after):
                # "2,1 bis 2,3 Milliarden Euro": the scale written once is both ends'.
                start2, written2, value = following
                low = _scaled(written, written2, self.style) or low
                end = start2 + len(written2)
            reading = self._reading(sentence, (start, end), written, (low, value))
            if reading is not None:
                found.append(reading)
                skip = reading.end
        return found

    def _reading(self, sentence: str, span: tuple[int, int], written: str,
                 bounds: tuple[Decimal, Decimal]) -> Reading | None:
        """The figure a number written over `span` is, from what stands around it."""
        (start, end), (low, high) = span, bounds
        if low > high or _IDENTIFIED.search(sentence, max(0, start - _HEDGE_ROOM), start):
            return None  # (nor a law's number: "A Lei 14.133 trata de")
        symbol = next((s for s in CURRENCY_SYMBOLS if written.startswith(s)), None) \
            or next((s for s in ("$", "€") if written.endswith(s)), None)  # ("450 M$")
        before = _SYMBOL_BEFORE.search(sentence, 0, start)
        if symbol is None and before is not None:  # "€ 200", "US$ 5", "R$300"
            symbol, start = before.group("symbol") or before.group("glued"), before.start()
        if symbol is not None:
            unit = self.dollar if symbol == "$" else CURRENCY_SYMBOLS[symbol]
        elif money := self.money_after.match(sentence, end):
            word = money.group("cur").lower()
            unit = _CURRENCY_WORDS.get(word) or _PORTUGUESE_CURRENCY_WORDS[word]
            unit = self.dollar if unit == "USD" and word not in ("usd", "us-dollar") else unit
            end = money.end()
        elif percent := _PERCENT_AFTER.match(sentence, end):
            unit, end = "percent", percent.end()
        elif measure := _UNIT_AFTER.match(sentence, end):
            unit, end = measure.group("unit"), measure.end()
        elif noun := self._counted(sentence, start, end, written):
            unit, end = noun.group("noun"), noun.end()
        elif rate := self._rate(sentence, start, end, written):
            unit, end = " ".join(rate.group("rate").split()), rate.end()
        else:
            return None
        return Reading(start, end, low, high, unit, self._qualifier(sentence[:start]))

    def _counted(self, sentence: str, start: int, end: int, written: str
                 ) -> re.Match[str] | None:
        """The noun a number counts, when it has a scale word ("1,5 Millionen Kunden") or
        groups thousands ("2.000 Stellen", "2 000 emplois"): a lone number before a word
        is too often a year, a day or a rank, but in German, whose nouns are
        capitalised, when it is none of these (`_plain_count`). A German noun is
        capitalised; a function word ("2.000 in Bayern", "3 millions pour") is no
        noun."""
        noun = _NOUN_AFTER.match(sentence, end)
        if noun is None:
            return None
        word, language = noun.group("noun"), primary(self.language)
        if language == "de":
            if word[0].isupper() and not is_german_function_word(word) and (
                    _GROUPED.search(written) or _scale_of(written)
                    or self._plain_count(sentence[max(0, start - _HEDGE_ROOM):start],
                                         written, word)):
                return noun
            return None
        if word.lower() in _BEFORE_NOUNS:  # ("40 nouveaux autobus", "3 altri treni")
            noun = _NOUN_AFTER.match(sentence, noun.end())
            if noun is None:
                return None
            word = noun.group("noun")
        if not (_GROUPED.search(written) or _scale_of(written) or self._plain_romance_count(
                sentence[max(0, start - _HEDGE_ROOM):start], written, word)):
            return None
        # (nor a particle, which counts nothing: "1.500 dos 3.000 trabalhadores", "3
        # millones del presupuesto", "2 millions des habitants")
        return None if is_romance_function_word(language, word) or is_particle(word) \
            else noun

    def _rate(self, sentence: str, start: int, end: int, written: str
              ) -> re.Match[str] | None:
        """The rate of time after a count whose noun the sentence leaves out ("9 000 par
        jour", "9.000 pro Tag"), when the number has a scale word or groups thousands or
        is a whole number of two or more (not within another: "9:30 par jour"), written
        as a year only after a hedge that is not "until" ("rund 1500 pro Tag")."""
        rate = _RATES[primary(self.language)].match(sentence, end)
        if rate is None or _GROUPED.search(written) or _scale_of(written):
            return rate
        before = sentence[max(0, start - _HEDGE_ROOM):start]
        if not _whole_count(before, written):
            return None
        if len(written) == 4 and 1000 <= int(written) <= 2100:
            return rate if self._qualifier(before) not in ("exactly", "up-to") else None
        return rate

    def _plain_count(self, before: str, written: str, noun: str) -> bool:
        """Whether a German number written without a scale word or grouped thousands
        counts the capitalised `noun` after it ("500 Stellen", "die 1200 Beschäftigten"):
        a whole number of two or more, not within another ("9:30", "2024/25"), before a
        noun in the plural that counts (not "Uhr", "Jahre", "Meter"), not after a noun it
        labels ("Paragraf 17", "Halle 9") or a name in mixed case ("iPhone 16"), and,
        written as a year is (four digits from 1000 to 2100: "2024 Verluste"), only after
        a determiner or a hedge ("die 1200 Beschäftigten", "rund 1500 Stellen")."""
        if not _whole_count(before, written):
            return False  # (nor "9:30", "2024/25", "G7", "S24", "Schalke 04")
        lower = noun.lower()
        if _NOT_COUNTED.fullmatch(lower) or not _PLURAL.fullmatch(lower) \
                or not any(char.islower() for char in noun):
            return False
        token = _WORD_BEFORE.search(before)
        label = token.group(1).strip(_OPENING + ").,;:") if token else ""
        if label.lower() in _LABELS or _LABEL_ENDS.fullmatch(label.lower()) \
                or any(char.isupper() for char in label[1:]):
            return False  # (nor after a product's name: "iPhone 16 Modelle")
        if len(written) == 4 and 1000 <= int(written) <= 2100:
            return after_determiner(before) or self._qualifier(before) != "exactly"
        return True

    def _plain_romance_count(self, before: str, written: str, noun: str) -> bool:
        """Whether a French, Spanish, Italian or Portuguese number written without a
        scale word or grouped thousands counts the `noun` after it ("18 stations",
        "oltre 60 autobus", "cerca de 120 ônibus"): a whole number of two or more
        (`_whole_count`) before a noun in small letters and in the plural
        (`_ROMANCE_PLURAL`), neither a month nor a time of day, an age or a number of
        times (`_NEVER_COUNTED`: "le 3 mars", "à 10 heures", "58 ans", "2 fois"); a
        period ("40 minuti", "18 mois") only after a hedge ("fino a 40 minuti"), and,
        written as a year is, only after an article ("las 1500 paradas") or a hedge
        that is not "until" ("unos 1500", not "hasta 2030")."""
        language, lower = primary(self.language), noun.lower()
        if not _whole_count(before, written) or not noun[0].islower() \
                or _NEVER_COUNTED.fullmatch(lower) or lower in _NO_NOUNS \
                or not (_ROMANCE_PLURAL[language].fullmatch(lower) or lower == "km"):
            return False
        token = _WORD_BEFORE.search(before)
        label = token.group(1).strip(_OPENING + ").,;:") if token else ""
        if _ROMANCE_LABELS.fullmatch(label.lower().split("'")[-1].split("\u2019")[-1]) \
                or any(char.isupper() for char in label[1:]):
            return False  # ("la ligne 4", "l'article 12", "iPhone 16")
        qualifier = self._qualifier(before)
        if _PERIODS.fullmatch(lower):
            return qualifier != "exactly"
        if len(written) == 4 and 1000 <= int(written) <= 2100:
            return (label.lower() in _ROMANCE_DETERMINERS) \
                or qualifier not in ("exactly", "up-to")
        return True

    def _qualifier(self, before: str) -> str:
        """The qualifier the language's hedge words straight before a number give, or
        before the article a Romance language puts there ("almeno il 4%", "más del
        20 %")."""
        before = before[-_HEDGE_ROOM:]
        article = _LAST_WORD.search(before)
        language = primary(self.language)
        for pattern, group in self.bounds:
            for match in pattern.finditer(before):
                rest = before[match.end():].strip()
                if not rest or (article and match.end() <= article.start()
                                and language in ROMANCE
                                and is_romance_function_word(language, rest)):
                    strict, loose = _BOUNDS[group]
                    return strict if _STRICT.match(match.group(0)) else loose
        exceeds = _EXCEEDS[language].search(before)
        if exceeds is not None:
            return "up-to" if exceeds.group("no") or exceeds.group("not") else "over"
        return "exactly"


def _whole_count(before: str, written: str) -> bool:
    """Whether a number is written as a count is: a whole number of two or more, not
    within another ("9:30", "2024/25", "G7", "BR-101"), `before` being what precedes it."""
    return written.isdigit() and written[0] != "0" and int(written) >= 2 \
        and (before[-1:].isspace() or before[-1:] in _OPENING or not before)


def _has_unit(sentence: str, end: int, written: str, money_after: re.Pattern[str]) -> bool:
    """Whether the first number of a possible range is a figure of its own ("12 % à
    15 %"); `money_after`: a currency after a number in the sentence's language."""
    return bool(_scale_of(written) or money_after.match(sentence, end)
                or _PERCENT_AFTER.match(sentence, end))


def _scale_of(written: str) -> str:
    """The scale word a number is written with ("Milliarden" of "2,3 Milliarden")."""
    digits = _DIGITS.match(written)
    return written[digits.end():] if digits else ""


def _scaled(written: str, other: str, style: NumberStyle) -> Decimal | None:
    """The number `written` with the scale word of `other` ("2,1" and "2,3 Milliarden")."""
    scale = _scale_of(other)
    if not scale:
        return None
    read = numbers(written + scale, style)
    return read[0][2] if len(read) == 1 else None
