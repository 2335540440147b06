"""How `briefing new` tells a name from an ordinary noun in a German article.

German writes every noun with a capital, so a capitalised word is no evidence of a name
there; these are the words and the signs a German reader goes by instead
(`suggest.find_new_names` applies them to a source in German):

- the words capitalised only at a sentence's start or a quotation's (articles,
  pronouns, conjunctions, prepositions), and the days and months, which German writes
  as nouns: left off a name as English "The" is;
- titles and roles before a name ("Herr Haberland", "Konzernchef Jörg Haberland",
  "Wirtschaftsministerin Petra Lindqvist", "der Konkurrent Veltaro Systems"), and any
  compound ending in one ("Betriebsratschefin", "US-Präsident"): left off the name, and
  never a name alone;
- an article or a determiner before a word ("die Aktie", "im neuen Werk") makes it a
  noun; abstract nouns show by their endings ("Regierung", "Mehrheit", "Produktion");
  and a short list holds the nouns of business and political news that often stand
  without an article (plurals, units, mass nouns: "Chips", "Milliarden Euro",
  "Unternehmen");
- a single word is a name only with a sign of one (`suggest._german_evidence`).
"""

from __future__ import annotations

import re
from types import MappingProxyType

from .chars import is_capital

# Words capitalised only at a sentence's start or a quotation's, and the days and months.
_FUNCTION_WORDS_TEXT = """
der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner
keines mein meine meinen meinem meiner sein seine seinen seinem seiner seines ihr ihre
ihren ihrem ihrer ihres unser unsere unseren unserem unserer dieser diese dieses diesen
diesem jener jene jenes jeder jede jedes jeden jedem alle allen aller alles viele vielen
einige einigen mehrere manche solche beide beiden im am vom zum zur beim ins ans aufs
ich du er sie es wir man sich uns mir mich ihm ihn ihnen
und oder aber denn sondern doch auch noch nur schon sogar bereits zudem dabei damit daher
deshalb dennoch trotzdem jedoch allerdings außerdem zuletzt zuvor danach dann nun jetzt
heute gestern morgen hier dort da so wie als wenn weil dass ob obwohl während nachdem
bevor seit bis in an auf aus bei mit nach von vor zu über unter für gegen ohne um durch
zwischen neben hinter laut trotz wegen zufolge gemäß nicht ja nein was wer wo wann warum
welche welcher welches mehr weniger fast rund etwa knapp allem
montag dienstag mittwoch donnerstag freitag samstag sonntag
januar jänner februar feber märz april mai juni juli august september oktober november dezember
"""
_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())
# After one of these (and the adjectives between: "im neuen Werk"), a capitalised word is
# the noun of a noun phrase.
_DETERMINERS_TEXT = """
der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner
keines mein meine meinen meinem meiner sein seine seinen seinem seiner seines ihre ihren
ihrem ihrer ihres unser unsere unseren unserem unserer dieser diese dieses diesen diesem
jener jene jenes jeder jede jedes jeden jedem allen aller viele vielen einige einigen
mehrere manche solche beiden im am vom zum zur beim ins ans aufs
"""
_DETERMINERS = frozenset(_DETERMINERS_TEXT.split())
# Nouns of business and political news that often stand without an article: units and
# scale words, plurals of people and things, mass nouns. Kept short: the article rule
# and the endings below catch most nouns.
_COMMON_NOUNS_TEXT = """
euro dollar franken pfund yen yuan prozent prozentpunkte million millionen milliarde
milliarden billion billionen mio mrd tonnen stunden tage wochen monate jahr jahre jahren
jahresbeginn jahresende quartal ende anfang mitte
menschen kunden anleger analysten experten mitarbeiter beschäftigte beschäftigten
unternehmen firmen konzerne banken verbraucher investoren aktionäre behörden politiker
aktie aktien chips daten geld strom gas öl umsatz gewinn verlust preise kosten zinsen
geschäft markt märkte modell modelle ki
"""
_COMMON_NOUNS = frozenset(_COMMON_NOUNS_TEXT.split())
# The endings of abstract nouns, which name nothing alone ("Regierung", "Mehrheit").
_ABSTRACT = re.compile(r"\w{3,}(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|"
                       r"tionen|tät|täten|ismus|nis|nisse)")
# Titles written before a name, which are never part of it.
_TITLES = frozenset({"herr", "herrn", "frau", "dr", "dr.", "prof", "prof.", "professor",
                     "professorin", "ceo", "cfo", "coo", "cto"})
# An academic title in its abbreviated forms ("Dr.-Ing.", "Dipl.-Ing.", "Dipl.-Kfm.").
_TITLE_FORMS = re.compile(r"(?:dr|prof|dipl|mag)\.?-[a-zäöü]+\.?")
# The last part of a role, alone or in a compound ("Konzernchef", "Finanzvorständin",
# "Bundeskanzler"), and of the nouns the press sets before a company's name
# ("Chiphersteller Brandauer", "Konkurrent Veltaro"). Not "Richter" or "Bauer", which are
# surnames as often, nor "-leiter" ("Halbleiter"; "Abteilungsleiterin" is one), nor "-rat"
# but in the councillors' titles ("Landesrat", "Stadtrat"; "Apparat", "Bundesrat", a
# chamber, are none; "Landesrätin", "Nationalrätin" are).
_ROLE_ENDS = re.compile(
    r"\w*(?:chef|chefin|präsident|präsidentin|minister|ministerin|kanzler|kanzlerin|sprecher|"
    r"sprecherin|gründer|gründerin|analyst|analystin|geschäftsführer|geschäftsführerin|"
    r"vorstand|vorständin|vorsitzende|vorsitzender|direktor|direktorin|leiterin|"
    r"bürgermeister|bürgermeisterin|abgeordnete|abgeordneter|botschafter|botschafterin|"
    r"senator|senatorin|experte|expertin|ökonom|ökonomin|volkswirt|volkswirtin|berater|"
    r"beraterin|manager|managerin|gouverneur|gouverneurin|sekretär|"
    r"sekretärin|landrat|landesrat|stadtrat|gemeinderat|bezirksrat|hofrat|regierungsrat|"
    r"rätin|richterin|kommissar|kommissarin|konkurrent|konkurrentin|rivale|hersteller|"
    r"konzern|anbieter|zulieferer|agentur|gewerkschaft|partei|tochter)")
# The heads of public bodies, whose names go on with a genitive ("Verband der
# Automobilindustrie", "Ministerium des Innern"), and their own genitive after "des"
# ("des Verbandes der Automobilindustrie").
_BODY_ENDS = re.compile(r"\w*(?:verband|ministerium|amt|institut|agentur|behörde|kammer|"
                        r"stiftung|gericht|bank)")
_BODY_GENITIVES = re.compile(r"\w*(?:verband(?:e?s)|ministeriums|amte?s|institute?s|"
                             r"gerichte?s)")
# The heads of the names of bodies and places that a German article declines after "des"
# ("des Landes Steiermark", "des Bundesamtes für Statistik"), in their genitive ("-s",
# "-es"): the base form (`base_form`) is the name's, "Land Steiermark". A compound ending
# in one is one too ("Bundeslandes", "Freistaates", "Landkreises").
_DECLINED_HEADS = re.compile(
    r"(?P<base>\w*(?:land|bund|staat|verein|ministerium|konzern|unternehmen|verband|"
    r"institut|amt|gericht|kreis|bezirk|kanton|bistum|werk))(?:es|s)")
# An adjective declined as before a feminine noun after "der" or "zur" (its genitive and
# dative: "der Technischen Universität", "der Deutschen Bahn"), by the endings of German
# adjectives ("-isch", "-sch", "-lich", "-ig", "-al"…) or as one of the short ones names
# begin with ("Freien", "Neuen", "Großen"), hyphenated too ("Baden-Württembergischen").
# A surname ending so ("Petersen", "Hansen") is none.
_ADJECTIVE_STEM = (r"(?:[\w-]*-)?[A-ZÄÖÜ](?:[a-zäöüß]*(?:sch|lich|ig|al|ell|är|iv|ös)|rei|eu"
                   r"|roß|lt|oh|rün|ereinigt)")
_DECLINED_ADJECTIVE = re.compile(_ADJECTIVE_STEM + "en")
# The adjective so known with the ending a determiner gives it before a masculine or
# neuter noun ("des Deutschen", "der Deutsche"), by that ending.
_ADJECTIVE_ENDING = MappingProxyType({
    ending: re.compile(_ADJECTIVE_STEM + ending) for ending in ("en", "e")})
# The heads of names of bodies by their gender, alone or as a compound's end: masculine
# ("Bundestag", "Landtag", "Rat", "Gerichtshof", "Rundfunk", "Wetterdienst") and neuter
# ("Parlament", "Gericht", "Amt", "Ministerium", "Institut", "Museum", "Rotes Kreuz").
_MASCULINE_HEAD = re.compile(
    r"\w*(?:tag|rat|hof|bund|verband|verein|dienst|rundfunk|senat|ausschuss|kongress|konzern|"
    r"kreis|bezirk|hafen)")
_NEUTER_HEAD = re.compile(
    r"\w*(?:parlament|gericht|amt|ministerium|institut|museum|theater|zentrum|komitee|"
    r"kabinett|kreuz|klinikum|haus|werk|orchester|forum|büro|archiv|sekretariat|kuratorium)")
# What a determiner (or a preposition with its article) tells of the adjective and noun
# after it, when they are masculine or neuter: the genders it may stand before, the
# ending it gives an adjective, and whether the noun is in the genitive ("des Deutschen
# Bundestages", "dem Europäischen Parlament", "den Deutschen Bundestag", "der Deutsche
# Bundestag", "das Europäische Parlament"). "der" before "-en" is feminine or plural,
# "den" before a neuter noun a plural's dative: neither is here.
_DECLINING = MappingProxyType({
    **dict.fromkeys(("des", "eines"), ("mn", "en", True)),
    **dict.fromkeys(("dem", "im", "vom", "zum", "beim", "am", "einem"), ("mn", "en", False)),
    **dict.fromkeys(("den", "einen"), ("m", "en", False)),
    "der": ("m", "e", False),
    **dict.fromkeys(("das", "ins", "ans", "aufs"), ("n", "e", False))})
# The endings of feminine nouns that head the names of bodies, companies and places
# ("Universität", "Bank", "Bahn", "Union", "Kommission", "Stiftung", "Akademie").
_FEMININE_HEAD = re.compile(
    r"\w*(?:ität|ung|heit|keit|schaft|tion|sion|ie|bank|bahn|union|zeitung|schule|kammer|"
    r"behörde|agentur|partei|post|börse|klinik|anstalt|gemeinde|stadt|polizei|initiative|"
    r"allianz|liga|bibliothek|kirche|welle|telekom|akademie|galerie|oper|hilfe|kasse|"
    r"messe|presse|bühne|halle|fakultät)")
# Companies' legal forms, which end their names ("Brandauer Halbleiter AG").
_COMPANY_SUFFIXES = frozenset({"ag", "gmbh", "se", "kg", "kgaa", "ohg", "inc", "ltd", "plc",
                               "llc", "corp", "sa", "nv", "bv"})
# The particles of names ("Banco de España", "Bank of America", "Johnson & Johnson"); the
# articles join only after a body's head.
PARTICLES = frozenset({"of", "&", "de", "du", "da", "di", "del", "la", "le", "van", "von"})
GENITIVES = frozenset({"der", "des", "den"})
_OPENING = "\"'(\u201e\u201c\u201a\u2018\u00bb\u00ab"
# A word ending as adjectives do, which may stand between a determiner and its noun.
_ADJECTIVE = re.compile(r"[a-zäöüß]+(?:e|en|er|es|em)")


def is_function_word(word: str) -> bool:
    return word.lower() in _FUNCTION_WORDS


def is_common_noun(word: str) -> bool:
    """An ordinary noun by the list or by an abstract noun's ending ("Regierung")."""
    lower = word.lower()
    return lower in _COMMON_NOUNS or _ABSTRACT.fullmatch(lower) is not None


def is_role(word: str) -> bool:
    """A title ("Herr", "Dr."), or a role or a company's description, alone or as the
    end of a compound, hyphenated or not ("Konzernchef", "US-Präsident",
    "Chiphersteller")."""
    lower = word.lower()
    if lower in _TITLES or _TITLE_FORMS.fullmatch(lower):
        return True
    return _ROLE_ENDS.fullmatch(lower.rsplit("-", 1)[-1]) is not None


def is_company_suffix(word: str) -> bool:
    return word.lower().rstrip(".") in _COMPANY_SUFFIXES


def is_body(word: str) -> bool:
    """A public body's head ("Verband", "Bundesministerium"), or its genitive
    ("Verbandes", "Bundesministeriums")."""
    lower = word.lower()
    return _BODY_ENDS.fullmatch(lower) is not None or _BODY_GENITIVES.fullmatch(lower) is not None


def base_form(word: str) -> str | None:
    """The base form of a name's head that a German article declines after "des" ("Land"
    of "Landes", "Bund" of "Bundes", "Staat" of "Staates", "Verein" of "Vereins",
    "Bundesministerium" of "Bundesministeriums"), as written but its ending; None for a
    word that is none of them."""
    match = _DECLINED_HEADS.fullmatch(word.lower())
    return word[:match.end("base")] if match is not None and len(word) == len(word.lower()) \
        else None


def adjective_base(words: list[str]) -> list[str] | None:
    """The words of a name with each adjective that opens it in its form after "die"
    ("Technische Universität Graz" of "Technischen Universität Graz", "Deutsche Bahn"
    of "Deutschen Bahn") when they are declined before a feminine head
    (`_DECLINED_ADJECTIVE`, `_FEMININE_HEAD`), whose "-en" then is no nominative; None
    when they are not. A masculine or neuter head is no feminine's: its base form
    ("Deutscher Bundestag", "Deutsches Museum") is its gender's (`strong_base`)."""
    count = 0
    while count < len(words) - 1 and _DECLINED_ADJECTIVE.fullmatch(words[count]):
        count += 1
    if not count or not _FEMININE_HEAD.fullmatch(words[count].lower().rsplit("-", 1)[-1]):
        return None
    return [word[:-1] for word in words[:count]] + words[count:]


def strong_base(words: list[str], determiner: str) -> list[str] | None:
    """The words of a name with each adjective that opens it as a name of its head's
    gender writes it without an article ("Deutscher Bundestag" of "des Deutschen
    Bundestages", "Europäisches Parlament" of "dem Europäischen Parlament", "Bayerischer
    Landtag" of "im Bayerischen Landtag"), and its head in the nominative, when the
    `determiner` before it tells the case (`_DECLINING`), the adjectives end as it
    declines them (`_ADJECTIVE_ENDING`) and the head is a masculine or neuter one of
    `_MASCULINE_HEAD`, `_NEUTER_HEAD` that the determiner may stand before; None
    otherwise (another head's gender is not guessed)."""
    declining = _DECLINING.get(determiner.lower())
    if declining is None:
        return None
    genders, ending, genitive = declining
    count = 0
    while count < len(words) - 1 and _ADJECTIVE_ENDING[ending].fullmatch(words[count]):
        count += 1
    head = words[count]
    if genitive:
        head = next((head[:-len(end)] for end in ("es", "s")
                     if head.endswith(end) and _gender(head[:-len(end)])), "")
    gender = _gender(head)
    if not count or not gender or gender not in genders:
        return None
    strong = "er" if gender == "m" else "es"
    return [word[:-len(ending)] + strong for word in words[:count]] + [head] \
        + words[count + 1:]


def _gender(head: str) -> str:
    """"m" or "n" for a masculine or a neuter head of `_MASCULINE_HEAD`, `_NEUTER_HEAD`
    (or a compound ending in one: "Bundesverfassungsgericht", "Landes-Rundfunk"); ""
    for any other word."""
    last = head.lower().rsplit("-", 1)[-1]
    return "m" if _MASCULINE_HEAD.fullmatch(last) else "n" if _NEUTER_HEAD.fullmatch(last) \
        else ""


def noun_shaped(word: str) -> bool:
    """Written as a German noun is: a capital, then small letters (the last part of a
    compound: "KI-Modell" is a noun, "DeepSeek", "H800" and "IBM" are not)."""
    last = word.rsplit("-", 1)[-1]
    return len(last) > 1 and is_capital(last[0]) and last[1:].isalpha() \
        and last[1:].islower()


def after_determiner(before: str) -> bool:
    """Whether the text before a word ends in a determiner, with up to two adjectives
    after it ("die", "im neuen", "seiner wichtigsten"): the word is then a noun."""
    words = before.split()[-3:]
    while words and _ADJECTIVE.fullmatch(words[-1]) and words[-1] not in _DETERMINERS:
        words.pop()
    # (a determiner capitalised at a sentence's or a quotation's start: "„Die Nachfrage")
    return bool(words) and words[-1].lstrip(_OPENING).lower() in _DETERMINERS


# German's abbreviations of two small letters ("z. B.", "u. a.", "d. h.", "i. R."; a
# former office's "a. D.", außer Dienst: "Bundeskanzler a. D. Gerhard Schröder", "a.D."),
# which end no sentence: no sentence starts at their second letter, nor right after them.
_ABBREVIATION_START = re.compile(r"(?<![\w-])[a-zäöü]\.\s*$")
_ABBREVIATION_END = re.compile(r"(?<![\w-])[a-zäöü]\.\s*[a-zäöüA-ZÄÖÜ]\.\s*$")
_SECOND_LETTER = re.compile(r"[a-zäöüA-ZÄÖÜ]\.")


def continues_sentence(line: str, start: int) -> bool:
    """Whether a sentence start the shared splitter finds at `start` of `line` is none in
    German: the second letter of "z. B." or "a. D.", or what follows "u. a."."""
    before = line[max(0, start - 8):start]
    if _ABBREVIATION_END.search(before):
        return True
    return _SECOND_LETTER.match(line, start) is not None \
        and _ABBREVIATION_START.search(before) is not None
