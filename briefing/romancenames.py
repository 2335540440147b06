"""How `briefing new` reads the names of an article in French, Spanish, Italian or
Portuguese.

These languages capitalise names as English does, so the English rules apply
(`suggest._names_in_run`), and two more:

- a quotation's first word is capitalised as a sentence's is: the press opens a
  quotation with a capital ("« Nous suivons…", "«Esperamos que…»"), so that word alone
  is no name;
- a function word that opens a sentence or a quotation is capitalised by its place and
  left off the run it opens: articles, pronouns, conjunctions and prepositions,
  "Selon", "Según", "Secondo", "Segundo" and "D'après" among them, so "Selon Hélène
  Marchand" names Hélène Marchand. Only the first word is so capitalised: a
  capitalised article after it is a name's own ("Selon Le Monde" names Le Monde), and
  so is one within a sentence ("selon Le Monde", "en El País"). A function word alone
  is never a name ("MADRID, 12 de marzo de 2025 - El fabricante…", after a dateline's
  dash).

The lists are kept short: only words that open a sentence and may be followed straight
by a capitalised name. Verbs are not needed (a quotation's first word alone is passed
over whatever it is), nor the particles of names, which start surnames too ("De Luca",
"Di Maio", "Del Piero", "Della Valle", "Dos Santos"): "de", "du", "des", "di", "da",
"del", "della", and the Portuguese "do", "dos", "das" ("Maria da Silva", "João dos
Santos"). An elided article is one word with its noun ("L'action"), passed over as any
sentence's first word alone, and left off the run it opens when the noun is in small
letters ("L'associazione Pendolari Piemontesi" names Pendolari Piemontesi; "L'Aquila" is
a name).

A capitalised article at a sentence's start is ambiguous: "Le Pen a déclaré" is Le Pen,
"Le Monde a écrit" the newspaper Le Monde, "La Commission a déclaré" the Commission.
The text decides: a function word or a particle opening a sentence or a quotation is a
name's own when the text writes the name so where nothing but the name capitalises it
("Marine Le Pen", "selon Le Monde", "Tomás de la Vega": `name_start` says how it is
compared), and is left off otherwise. A verb of saying after it is no evidence ("Le
Kremlin a déclaré", "El Gobierno dijo").

What it costs: a name alone at a quotation's start is passed over as one at a sentence's
start is («Téllez crece»; it is found where it stands elsewhere), and a name that
starts with an article written only at a sentence's start loses it ("Le Pen a déclaré"
alone gives "Pen").
"""

from __future__ import annotations

from collections.abc import Sequence
from types import MappingProxyType

from .chars import is_capital

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
    "pt": """
        o a os as um uma uns umas
        eu tu ele ela nós vós eles elas você vocês isto isso este esta estes estas esse essa
        e ou mas nem porém contudo pois porque
        segundo conforme ao aos à às em no na nos nas num numa por pelo pela pelos pelas
        para com sem sob sobre entre até após contra desde durante perante""",
})
FUNCTION_WORDS = MappingProxyType({language: frozenset(words.split())
                                   for language, words in _FUNCTION_WORDS_TEXT.items()})
LANGUAGES = frozenset(FUNCTION_WORDS)
# The particles a surname may start with ("Di Maio", "De Luca", "Del Rey", "De la Vega",
# "Van der Berg"), besides the articles and contractions, which are function words
# ("Le Pen", "La Russa", "Lo Presti", "Dal Pozzo").
_PARTICLES = frozenset({"de", "di", "da", "del", "della", "dei", "degli", "du", "des",
                        "do", "dos", "das", "van", "von", "der", "den"})
# The articles before a noun, which a capital after them names no first name by ("la
# Comisión", "le Président", "il Presidente"): the words before a name's own article.
_ARTICLES = frozenset({"le", "la", "les", "un", "une", "el", "los", "las", "lo", "una",
                       "il", "i", "gli", "uno", "del", "al", "au", "du", "des", "della",
                       "dello", "nella", "alla"})
# Portuguese's own ("a Comissão", "da Câmara", "pelo Governo"): "a" and "o" are articles
# there, a preposition and a conjunction in Spanish and Italian ("a Tomás", "o Pedro").
_PORTUGUESE_ARTICLES = frozenset({
    "o", "a", "os", "as", "um", "uma", "do", "da", "dos", "das", "no", "na", "nos", "nas",
    "ao", "aos", "à", "às", "pelo", "pela", "pelos", "pelas", "num", "numa"})
# The words an organisation's name starts with, in Spanish, French, Italian and
# Portuguese (those Spanish or Italian spell alike once: "Instituto", "Liga"), which may
# go on with "en", "por", "para", "pour", "per" or "contra" ("Plataforma en Defensa del
# Valdemora", "Association pour la Défense des Forêts", "Comitato per la Difesa del
# Territorio") and, alone after the whole name, are its short form ("la Confederación"
# after "la Confederación Hidrográfica del Valdemora").
_ORGANISATION_HEADS_TEXT = """
    Agencia Alianza Asamblea Asociación Colectivo Comisión Comité Confederación Consejo
    Consorcio Coordinadora Federación Foro Frente Fundación Instituto Junta Liga
    Mancomunidad Movimiento Observatorio Organización Plataforma Sindicato Sociedad Unión
    Agence Alliance Assemblée Association Collectif Commission Confédération Conseil
    Coordination Fédération Fondation Forum Front Institut Ligue Mouvement Observatoire
    Organisation Plateforme Réseau Société Syndicat Union
    Agenzia Alleanza Assemblea Associazione Collettivo Commissione Comitato Confederazione
    Consiglio Consorzio Coordinamento Federazione Fondazione Fronte Istituto Lega Movimento
    Osservatorio Organizzazione Piattaforma Rete Sindacato Società Unione
    Agência Aliança Assembleia Associação Coletivo Comissão Comitê Confederação Conselho
    Consórcio Coordenação Federação Fórum Fundação Observatório Organização Sociedade
    União Secretaria Prefeitura Câmara Tribunal Departamento Banco Ministério
    Superintendência Procuradoria Defensoria Controladoria Polícia Universidade Companhia
    Sindicato Autoridade"""
ORGANISATION_HEADS = frozenset(_ORGANISATION_HEADS_TEXT.split())
# The marks that open a quotation in these languages' press: « and the curly and
# straight double quotes (a straight one opens when no letter stands before it).
_OPENING_QUOTES = "\u00ab\u201c\u201e\u2039\""


def is_function_word(language: str, word: str) -> bool:
    """Whether `word` is an article, pronoun, conjunction or preposition of `language`
    (a primary subtag: "fr", "es", "it", "pt"), written with a straight or a curly apostrophe."""
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


def is_particle(word: str) -> bool:
    """Whether `word` is a particle a surname may start with ("de", "Di", "van")."""
    return word.lower() in _PARTICLES


def name_start(words: Sequence[str], language: str) -> tuple[str, ...] | None:
    """How a name that starts with a function word or a particle of `language` is
    written, from the words of a run starting there: that word and the small words after
    it in lower case, then the next capitalised word ("le", "Pen"; "de", "la", "Vega"),
    which is all that is compared ("Le Petit Matin" starts as "Le Petit" does). None when
    the first word is neither or no capitalised word follows it."""
    if not words or not (is_function_word(language, words[0]) or is_particle(words[0])):
        return None
    for n, word in enumerate(words[1:], start=1):
        if is_capital(word[:1]):
            return (*(w.lower() for w in words[:n]), word)
    return None


def after_article(before: str, language: str = "") -> bool:
    """Whether the text `before` a word ends in an article of `language` (a primary
    subtag) ("los", "Los" opening a sentence, "le", "della", "da"): a capital after one is
    a noun's ("los Miembros", "le Président", "da Câmara"), not that of a first name."""
    words = before.split()
    articles = _PORTUGUESE_ARTICLES if language == "pt" else _ARTICLES
    return bool(words) and words[-1].lower() in articles


def head_start(words: Sequence[str]) -> tuple[str, ...] | None:
    """How a name that starts with a capitalised word and goes on with a particle in small
    letters is written, from the words of a run starting there: that word, the particle
    and its article, and the next capitalised word ("Tomás", "de", "la", "Vega"). None
    when the run does not start so."""
    if len(words) < 3 or not is_capital(words[0][:1]) or not is_particle(words[1]) \
            or is_capital(words[1][:1]):
        return None
    for n, word in enumerate(words[2:5], start=2):
        if is_capital(word[:1]):
            return (*words[:n], word)
    return None
