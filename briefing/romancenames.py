"""How `briefing new` reads the names of an article in French, Spanish or Italian.

These languages capitalise names as English does, so the English rules apply
(`suggest._names_in_run`), and two more:

- a quotation's first word is capitalised as a sentence's is: the press opens a
  quotation with a capital ("« Nous suivons…", "«Esperamos que…»"), so that word alone
  is no name;
- a function word that opens a sentence or a quotation is capitalised by its place and
  left off the run it opens: articles, pronouns, conjunctions and prepositions,
  "Selon", "Según", "Secondo" and "D'après" among them, so "Selon Hélène Marchand" names
  Hélène Marchand. Only the first word is so capitalised: a capitalised article after it
  is a name's own ("Selon Le Monde" names Le Monde), and so is one within a sentence
  ("selon Le Monde", "en El País"). A function word alone is never a name ("MADRID, 12 de
  marzo de 2025 - El fabricante…", after a dateline's dash).

The lists are kept short: only words that open a sentence and may be followed straight
by a capitalised name. Verbs are not needed (a quotation's first word alone is passed
over whatever it is), nor the particles of names, which start surnames too ("De Luca",
"Di Maio", "Del Piero", "Della Valle"): "de", "du", "des", "di", "da", "del", "della".
An elided article is one word with its noun ("L'action"), passed over as any sentence's
first word alone.

What it costs: a name alone at a quotation's start is passed over as one at a sentence's
start is («Téllez crece»; it is found where it stands elsewhere), and a surname that
starts with an article loses it at a sentence's start ("Le Pen a déclaré" gives "Pen").
"""

from __future__ import annotations

from types import MappingProxyType

# Articles, pronouns, conjunctions and prepositions, by language.
_FUNCTION_WORDS_TEXT = MappingProxyType({
    "fr": """
        le la les un une
        je tu il elle on nous vous ils elles ce cela ceci
        et ou mais donc car ni puis
        selon d'après à au aux en dans pour par avec sans sur sous chez contre vers après
        avant depuis pendant entre parmi malgré""",
    "es": """
        el la los las lo un una unos unas
        yo tú él ella nosotros nosotras vosotros ellos ellas usted ustedes
        y e o u pero sino ni aunque
        según a al ante bajo con contra desde durante en entre hacia hasta mediante para
        por sin sobre tras""",
    "it": """
        il lo la i gli le un uno una
        io tu lui lei noi voi loro esso essa
        e ed o ma però perché anche
        secondo a ad al allo alla ai agli alle con su sul sullo sulla sui per tra fra in
        nel nello nella nei negli nelle dal dallo dalla dopo prima presso verso durante
        contro""",
})
FUNCTION_WORDS = MappingProxyType({language: frozenset(words.split())
                                   for language, words in _FUNCTION_WORDS_TEXT.items()})
LANGUAGES = frozenset(FUNCTION_WORDS)
# The marks that open a quotation in these languages' press: « and the curly and
# straight double quotes (a straight one opens when no letter stands before it).
_OPENING_QUOTES = "\u00ab\u201c\u201e\u2039\""


def is_function_word(language: str, word: str) -> bool:
    """Whether `word` is an article, pronoun, conjunction or preposition of `language`
    (a primary subtag: "fr", "es", "it"), written with a straight or a curly apostrophe."""
    return word.lower().replace("\u2019", "'") in FUNCTION_WORDS[language]


def opening(before: str) -> tuple[bool, bool]:
    """Whether a run of capitalised words stands at a sentence's start (no letter or
    digit before it in the sentence, a closing quotation mark at most: "» Selon…"), and
    whether at a quotation's (an opening quotation mark straight before it), from the
    sentence's text `before` it."""
    rest = before.rstrip()
    if rest and rest[-1] in _OPENING_QUOTES and (
            rest[-1] != '"' or len(rest) == 1 or not rest[-2].isalnum()):
        return False, True
    return not any(char.isalnum() for char in rest), False
