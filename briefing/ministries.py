"""Ministries and ministers in a German, French, Spanish, Italian or Portuguese sentence, for
`briefing new`'s new names (`suggest.find_new_names`).

A ministry is named by its portfolio, which these languages capitalise after the
minister or the ministry and a preposition: "La ministra de Industria", "Il ministro
delle Imprese", "le ministère des Finances", "die Ministerin für Bildung", "o ministro
das Finanças", and an Italian region's or city's "l'assessore ai Trasporti". The portfolio
names no one: its words are no name alone ("Industria", "Imprese"). Where the text
writes the ministry itself with a capital ("El Ministerio de Industria y Turismo", "Il
Ministero dell'Economia e delle Finanze", "Le Ministère de l'Économie", "das
Bundesministerium für Wirtschaft und Klimaschutz"), the whole is the organisation's
name; a minister or a ministry in lower case ("el ministerio de Hacienda") is no name.

A portfolio is the capitalised words after the preposition, and what a list goes on
with: "y", "e", "et", "und" with or without a preposition or an article ("y Turismo",
"e delle Finanze", "y el Reto Demográfico"), a comma with one ("de l'Économie, des
Finances"), or a comma before one word that the list goes on after ("für Familie,
Senioren, Frauen und Jugend"). A comma before two words is a person in apposition
("de Hacienda, María Montero"), and three words or more after the preposition end with
a person named without one ("delle Imprese Adolfo Urso": the last two words).

What it costs: a person joined to the portfolio by "y" is read as part of it ("de
Industria y Elena Robles"), a list item of two words after a comma and no preposition
ends the portfolio ("de Inclusión, Seguridad Social y Migraciones" reads "Inclusión"),
a person named without a comma after a portfolio of two words or more is cut to two
words ("de Asuntos Exteriores José Manuel Albares" gives "Manuel Albares"), and a
minister "of" a person is read as of a portfolio unless the text names the person's
last word elsewhere ("los ministros de Sánchez" where "dijo Sánchez" is a person's
ministers: `suggest._portfolios`; "l'ancien ministre de François Hollande" gives
"Hollande" only).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType

from .chars import CAPITAL_CLASS, MARK_CLASS

_APOSTROPHE = "['\u2019]"
# An Italian region's, province's or city's minister, the "assessore", is of a portfolio
# with "a" and an article ("l'assessore ai Trasporti", "l'assessora regionale alla
# Mobilità"), a minister with "di" or "per" ("il ministro delle Imprese"): each only with
# its own ("l'assessore del Comune di Valmora" is of a body, and "il ministro alla
# Camera" speaks in the Chamber).
_ITALIAN_TO = rf"(?:all{_APOSTROPHE}|alla\s+|alle\s+|allo\s+|agli\s+|ai\s+|al\s+)"
_ITALIAN_OF = (rf"(?:dell{_APOSTROPHE}|della\s+|delle\s+|dello\s+|degli\s+|dei\s+|del\s+|"
               rf"di\s+|per\s+(?:gli|il|la|le|lo|i)\s+|per\s+l{_APOSTROPHE}|per\s+)")
# A ministry, whose name a capital starts, and a minister, who is no organisation.
_MINISTRY = MappingProxyType({
    "de": r"\w*[Mm]inisterium", "fr": "[Mm]inistère", "es": "[Mm]inisterio",
    "it": rf"[Mm]inistero(?=\s+{_ITALIAN_OF})", "pt": "[Mm]inistério"})
_MINISTER = MappingProxyType({
    "de": r"\w*[Mm]inister(?:in)?", "fr": r"[Mm]inistres?(?:\s+déléguée?)?(?:\s+chargée?)?",
    "es": "[Mm]inistr[oa]s?",
    "it": rf"(?:[Mm]inistr[oaie](?=\s+{_ITALIAN_OF})|[Aa]ssessor[eai]"
          rf"(?:\s+(?:regional|provincial|comunal)[ei])?(?=\s+{_ITALIAN_TO}))",
    "pt": "[Mm]inistr[oa]s?"})
# The prepositions a portfolio follows, with the articles they take or hold.
_OF = MappingProxyType({
    "de": r"(?:für|des|der)\s+",
    "fr": rf"(?:de\s+la\s+|de\s+l{_APOSTROPHE}|des\s+|du\s+|de\s+|d{_APOSTROPHE}|aux\s+|"
          rf"au\s+|à\s+la\s+|à\s+l{_APOSTROPHE}|pour\s+(?:la\s+|le\s+|les\s+|l{_APOSTROPHE})?)",
    "es": r"(?:(?:de|para)\s+(?:la|el|los|las)\s+|del\s+|de\s+|para\s+)",
    "it": rf"(?:{_ITALIAN_OF}|{_ITALIAN_TO})",
    "pt": r"(?:das\s+|dos\s+|da\s+|do\s+|de\s+|para\s+(?:as|os|a|o)\s+|para\s+)"})
# The articles a list's next portfolio may have without a preposition ("y el Reto").
_ARTICLE = MappingProxyType({
    "de": r"(?:die|den|das)\s+", "fr": rf"(?:la\s+|le\s+|les\s+|l{_APOSTROPHE})",
    "es": r"(?:el|la|los|las)\s+",
    "it": rf"(?:il\s+|lo\s+|la\s+|i\s+|gli\s+|le\s+|l{_APOSTROPHE})",
    "pt": r"(?:as|os|a|o)\s+"})
_AND = MappingProxyType({"de": "und", "fr": "et", "es": "[ye]", "it": "ed?", "pt": "e"})
# A capitalised word, or the one phrase a portfolio holds that has a small word in it.
_WORD = rf"(?:Made\s+in\s+Italy|{CAPITAL_CLASS}(?:[\w\u2019'-]|{MARK_CLASS})*)"
_ITEM = rf"{_WORD}(?:\s+{_WORD})*"
# How many capitalised words a portfolio's last item has when it ends with a person's
# name: Spanish and Portuguese capitalise a portfolio's adjectives ("Transición
# Ecológica", "Economía Social", "Negócios Estrangeiros", "Relações Exteriores"), so two
# words are the portfolio, and three or more end with a person's two ("de Economía
# Carlos Cuerpo"); French, Italian and German write them in lower case
# ("Comptes publics", "Affari esteri"), so the second word is a person's already
# ("dell'Economia Giorgetti").
_WITH_PERSON = MappingProxyType({"de": 2, "fr": 2, "es": 3, "it": 2, "pt": 3})


def _pattern(language: str) -> re.Pattern[str]:
    of, article, conjunction = _OF[language], _ARTICLE[language], _AND[language]
    listed = rf"(?:\s+{conjunction}\s+(?:{of}|{article})?{_ITEM}" \
             rf"|\s*,\s*(?:{of}|{article}){_ITEM}" \
             rf"|\s*,\s*{_WORD}(?=\s*,|\s+{conjunction}\s))"
    return re.compile(
        rf"(?<![\w-])(?:(?P<ministry>{_MINISTRY[language]})|{_MINISTER[language]})\s+{of}"
        rf"(?P<portfolio>{_ITEM}(?:{listed})*)")


# The capitalised words ending a portfolio, which may end with a person's name.
_LAST_ITEM = re.compile(rf"(?:{_WORD}\s+)+{_WORD}$")
_WORDS = re.compile(_WORD)
_PATTERNS = MappingProxyType({language: _pattern(language) for language in _MINISTRY})
LANGUAGES = frozenset(_PATTERNS)


@dataclass(frozen=True)
class Ministry:
    """A minister's or a ministry's words in a sentence, from `start` to `end` (no
    name but `name`), the organisation's name where the text writes it so, and the last
    word of its portfolio."""

    start: int
    end: int
    name: str | None
    last: str


def ministries(sentence: str, language: str) -> list[Ministry]:
    """The ministers and ministries of `sentence`, in `language` (a primary subtag of
    `LANGUAGES`), each without a person named after its portfolio."""
    found = []
    for match in _PATTERNS[language].finditer(sentence):
        end = match.end()
        last = _LAST_ITEM.search(match.group("portfolio"))
        words = list(_WORDS.finditer(last.group())) if last else []
        if len(words) >= _WITH_PERSON[language] and last is not None:
            # "delle Imprese Adolfo Urso": the person is not the portfolio.
            end = match.start("portfolio") + last.start() \
                + words[-2 if len(words) == 2 else -3].end()
        ministry = match.group("ministry")
        name = " ".join(sentence[match.start():end].split()) \
            if ministry and ministry[0].isupper() else None
        portfolio = _WORDS.findall(sentence, match.start("portfolio"), end)
        found.append(Ministry(match.start(), end, name, portfolio[-1].split()[-1]))
    return found
