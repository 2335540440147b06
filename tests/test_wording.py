"""The pages' words in the site's language (`briefing/wording.py`, `briefing/catalogs.py`):
the catalogs hold every marked word, each translated with the values it names."""

from __future__ import annotations

import datetime
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from corpus_helpers import SEED

from briefing.buildcache import BuildCache
from briefing.catalogs import LOCALES, TEMPLATE, extracted
from briefing.charts import short_number
from briefing.markup import format_amount, format_number, qualified
from briefing.pipeline import build
from briefing.wording import (
    Wording,
    catalog_for,
    catalog_languages,
    load_catalog,
    placeholders,
    plural_forms,
    wording_for,
)

SHIPPED = catalog_languages()


def read(path: Path, tag: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=tag)


def test_the_template_holds_what_the_sources_mark() -> None:
    marked = {(m.context, m.id) for m in extracted() if m.id}
    written = {(m.context, m.id) for m in read(TEMPLATE) if m.id}
    assert marked == written, "run `python -m briefing.catalogs` and translate what it adds"


def test_languages_are_shipped() -> None:
    assert {"fr", "de", "es", "it", "pt"} <= set(SHIPPED)


@pytest.mark.parametrize("tag", SHIPPED)
def test_every_word_is_translated(tag: str) -> None:
    catalog = read(LOCALES / f"{tag}.po", tag)
    marked = {(m.context, m.id) for m in read(TEMPLATE) if m.id}
    held = {(m.context, m.id): m for m in catalog if m.id}
    assert set(held) == marked, "run `python -m briefing.catalogs`"
    untranslated = [m.id for m in held.values()
                    if m.fuzzy or not (all(m.string) if isinstance(m.string, tuple)
                                       else m.string)]
    assert not untranslated, f"{tag}.po leaves these words English: {untranslated}"


@pytest.mark.parametrize("tag", SHIPPED)
def test_translations_keep_every_value(tag: str) -> None:
    """A translation names the values its message does, no more and no fewer: a count
    dropped from "%(num)d sources" would state a different fact."""
    for message in read(LOCALES / f"{tag}.po", tag):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = frozenset().union(*(placeholders(i) for i in ids))
        for string in strings:
            # A singular form may leave its count unsaid ("une source"), never a name.
            assert placeholders(string) - wanted == frozenset(), (tag, message.id, string)
            assert wanted - placeholders(string) <= {"num"}, (tag, message.id, string)


# A figure keeps its qualifier (docs/reading.md): each hedge English puts before a value
# ("up to %(amount)s", or before a multiplication sign and a value) or names in quotes
# (the figures' legend), and the words each language may give it. A catalog for a new
# language names its words here.
HEDGES = {
    "up to": {"fr": ("jusqu\u2019\u00e0", "jusqu'\u00e0"), "de": ("bis zu",), "es": ("hasta",),
              "it": ("fino a",), "pt": ("até",)},
    "at least": {"fr": ("au moins",), "de": ("mindestens",), "es": ("al menos",),
                 "it": ("almeno",), "pt": ("pelo menos", "no mínimo")},
    "about": {"fr": ("environ", "vers"), "de": ("etwa",),
              "es": ("alrededor de", "unos", "unas", "hacia"), "it": ("circa",),
              "pt": ("cerca de", "por volta de", "aproximadamente")},
    "under": {"fr": ("moins de",), "de": ("unter",), "es": ("menos de",), "it": ("meno di",),
              "pt": ("menos de",)},
    "over": {"fr": ("plus de",), "de": ("über",), "es": ("más de",), "it": ("oltre", "più di"),
             "pt": ("mais de",)},
}
_ENGLISH_HEDGE = re.compile(r"\b(up to|at least|about|under|over)(?=\s+(?:\u00d7\s*)?%\(|\")")
# "up to" a date bounds the sources' dates: no figure is hedged.
_NOT_HEDGED = frozenset({"Sources up to %(date)s"})


def _forms(text: str | tuple[str, ...]) -> tuple[str, ...]:
    return text if isinstance(text, tuple) else (text,)


def _has(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None


def catalog_naming(tag: str, table: dict[str, dict[str, tuple[str, ...]]]) -> Catalog:
    """A shipped catalog, once the table names its language's words."""
    assert all(tag in words for words in table.values()), f"name {tag}'s words in the table"
    return read(LOCALES / f"{tag}.po", tag)


def hedges_before_values(tag: str, text: str) -> set[str]:
    """The hedges a translation puts right before a value, by their English."""
    return {hedge for hedge, words in HEDGES.items() for word in words[tag]
            if re.search(rf"(?<!\w){re.escape(word)}\s+(?:\u00d7\s*)?%\(", text, re.IGNORECASE)}


def hedge_problems(tag: str, catalog: Catalog) -> list[tuple[object, str, str]]:
    """Each translation that drops, swaps or adds a hedge: (message, form, what is wrong)."""
    problems: list[tuple[object, str, str]] = []
    for message in catalog:
        if not message.id or message.id in _NOT_HEDGED:
            continue
        english = {h for i in _forms(message.id) for h in _ENGLISH_HEDGE.findall(i)}
        for form in _forms(message.string):
            problems += [(message.id, form, f"drops {hedge!r}") for hedge in sorted(english)
                         if not any(_has(form, word) for word in HEDGES[hedge][tag])]
            problems += [(message.id, form, f"adds {hedge!r}")
                         for hedge in sorted(hedges_before_values(tag, form) - english)]
    return problems


@pytest.mark.parametrize("tag", SHIPPED)
def test_every_hedge_is_kept(tag: str) -> None:
    """A hedge survives ("up to $6 million", "jusqu'à 6 millions $"): a translation that
    dropped it would state more than the source does, one that added a hedge less, and one
    that swapped it another bound."""
    assert hedge_problems(tag, catalog_naming(tag, HEDGES)) == []


def test_a_dropped_or_swapped_hedge_is_found() -> None:
    planted = Catalog(locale="fr")
    planted.add("up to %(amount)s", "%(amount)s")
    planted.add("about %(amount)s", "au moins %(amount)s")
    planted.add("Sources up to %(date)s", "Source la plus récente : %(date)s")
    assert hedge_problems("fr", planted) == [
        ("up to %(amount)s", "%(amount)s", "drops 'up to'"),
        ("about %(amount)s", "au moins %(amount)s", "drops 'about'"),
        ("about %(amount)s", "au moins %(amount)s", "adds 'at least'")]


STATUSES = ("reported", "corroborated", "disputed", "refuted", "superseded")


def status_problems(catalog: Catalog) -> list[tuple[object, str, str]]:
    """Each translation naming a claim's status in another word than the status's own
    (compared without its last letter, the ending that agrees with a count or a gender):
    "disputed" is "contestée" in its badge, so "2 contestées", "toutes contestées". A
    value "reported" (no status) and the relations between claims (in bold: "supersedes")
    are words of their own."""
    problems: list[tuple[object, str, str]] = []
    for status in STATUSES:
        word = catalog.get(status).string
        assert isinstance(word, str) and word, status
        for message in catalog:
            ids = _forms(message.id) if message.id else ()
            if not any(re.search(rf"\b{status}\b", i, re.IGNORECASE) for i in ids) or any(
                    "value" in i.lower() or "Reported by" in i or "**" in i for i in ids):
                continue
            problems += [(message.id, form, word) for form in _forms(message.string)
                         if word[:-1].lower() not in form.lower()]
    return problems


@pytest.mark.parametrize("tag", SHIPPED)
def test_a_status_keeps_its_word_wherever_it_is_named(tag: str) -> None:
    """A claim's status keeps its strength in every sentence that names it: one word per
    status, so "disputed" never reads as "refuted" in a count and as "contested" in a badge."""
    assert status_problems(read(LOCALES / f"{tag}.po", tag)) == []


def test_a_status_in_another_word_is_found() -> None:
    planted = Catalog(locale="fr")
    for status in STATUSES:
        planted.add(status, "x" + status)
    planted.add(("%(num)d disputed", "%(num)d disputed"), ("%(num)d réfutée", "%(num)d xdisputed"))
    assert status_problems(planted) == [
        (("%(num)d disputed", "%(num)d disputed"), "%(num)d réfutée", "xdisputed")]


# The curator's own reading stays labelled as such: a message naming the curator, an
# inference, an inferred date or the curator's reading names it in these words.
LABELS = {
    "curator": {"fr": ("rédaction",), "de": ("Redaktion",), "es": ("redacción",),
                "it": ("redazione",), "pt": ("curadoria",)},
    "inference": {"fr": ("inférence",), "de": ("Schlussfolgerung",), "es": ("inferencia",),
                  "it": ("inferenza",), "pt": ("inferência",)},
    "inferred": {"fr": ("dédui",), "de": ("erschlossen",), "es": ("inferid",),
                 "it": ("dedott",), "pt": ("inferid",)},
    "reading": {"fr": ("lecture",), "de": ("Lesart",), "es": ("lectura",), "it": ("lettura",),
                "pt": ("leitura",)},
}


def label_problems(tag: str, catalog: Catalog) -> list[tuple[object, str, str]]:
    problems: list[tuple[object, str, str]] = []
    for message in catalog:
        ids = _forms(message.id) if message.id else ()
        for label, words in LABELS.items():
            if any(label in i.lower() for i in ids):
                problems += [(message.id, form, label) for form in _forms(message.string)
                             if not any(w.lower() in form.lower() for w in words[tag])]
    return problems


@pytest.mark.parametrize("tag", SHIPPED)
def test_the_curators_reading_stays_labelled(tag: str) -> None:
    """"Curator's inference" says it is an inference in every language (not a deduction,
    which would claim more), an inferred date says it was inferred, and whose reading it
    is stays said."""
    assert label_problems(tag, catalog_naming(tag, LABELS)) == []


def test_an_unlabelled_inference_is_found() -> None:
    planted = Catalog(locale="it")
    planted.add("Curator's inference", "Deduzione della redazione")
    planted.add("inferred", "dedotta")
    assert label_problems("it", planted) == [
        ("Curator's inference", "Deduzione della redazione", "inference")]


def test_english_is_the_words_as_written() -> None:
    english = wording_for("en-GB")
    assert english.english and english.language == "en"
    assert english.gettext("Claimed by %(name)s", name="X") == "Claimed by X"
    assert english.ngettext("%(num)d source", "%(num)d sources", 2) == "2 sources"


def test_a_site_language_finds_its_catalog() -> None:
    assert catalog_for("fr-CA") == "fr"
    assert catalog_for("de_AT") == "de"
    assert catalog_for("sv") is None
    assert wording_for("sv").english


def test_a_site_in_canada_writes_its_dollar_with_the_sign() -> None:
    """On a Quebec site, a figure in CAD read "jusqu'à 2,3 milliards CAD" and one in USD
    "450 millions $": Quebec writes its own dollar "$" and the US one "$ US", and groups
    digits with its no-break space (France's is a narrow one)."""
    quebec = wording_for("fr-CA")
    amount = Decimal(2_300_000_000)
    assert format_amount(amount, amount, "CAD", "up-to", words=quebec) == \
        "jusqu\u2019à 2,3 milliards\u00a0$"
    assert format_amount(Decimal(12_000), Decimal(12_000), "CAD", words=quebec) == \
        "12\u00a0000\u00a0$"
    assert format_amount(Decimal(450_000_000), Decimal(450_000_000), "USD",
                         words=quebec) == "450 millions\u00a0$\u00a0US"
    assert wording_for("fr-CA").key != wording_for("fr").key
    # Elsewhere the signs are as before: CAD by its code, USD "$".
    france = wording_for("fr")
    assert format_amount(amount, amount, "CAD", words=france) == "2,3 milliards CAD"
    assert format_amount(amount, amount, "USD", words=france) == "2,3 milliards\u00a0$"
    assert dict(wording_for("de-CH").signs) == {} == dict(wording_for("pt-BR").signs)


def test_a_catalog_translates_and_counts() -> None:
    po = (b'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Plural-Forms: nplurals=2; '
          b'plural=(n > 1);\\n"\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
          b'msgid "%(num)d source"\nmsgid_plural "%(num)d sources"\n'
          b'msgstr[0] "%(num)d source"\nmsgstr[1] "%(num)d sources"\n\n'
          b'msgid "Evidence"\nmsgstr "Preuves"\n')
    french = load_catalog("fr", po)
    assert isinstance(french, Wording) and not french.english
    assert french.gettext("Evidence") == "Preuves"
    assert french.gettext("Status") == "Status"  # not in this catalog: as written
    assert french.ngettext("%(num)d source", "%(num)d sources", 1) == "1 source"
    assert french.ngettext("%(num)d source", "%(num)d sources", 0) == "0 source"


def test_a_plural_messages_forms_by_plural_category() -> None:
    """For a script counting in the browser: the catalog's form for each CLDR category
    the language's whole numbers take, English's as written."""
    page = ("%(num)d page", "%(num)d pages")
    assert plural_forms(wording_for("fr"), *page) == \
        {"one": "%(num)d page", "other": "%(num)d pages", "many": "%(num)d pages"}
    assert plural_forms(wording_for("de"), *page) == \
        {"other": "%(num)d Seiten", "one": "%(num)d Seite"}
    assert plural_forms(Wording(), *page) == {"other": "%(num)d pages", "one": "%(num)d page"}


# Every ASCII letter as a Latin letter with a mark, so a translated word holds no ASCII
# letter and an untranslated one stands out.
_PSEUDO = str.maketrans("abcdefghijklmnopqrstuvwxyz", "áƀçďéƒĝĥíĵķĺɱñóþǫŕšţúṽŵẋýž")
# What a message holds that is not words: placeholders, link targets, tags, attribute
# lists, entities.
_KEPT = re.compile(r"%(?:\(\w+\))?[sd%]|\]\([^)]*\)|<[^>]*>|\{[^}]*\}|&\w+;|&#\w+;")


def pseudo(message: str) -> str:
    out, at = [], 0
    for match in _KEPT.finditer(message):
        out += [_letters(message[at:match.start()]), match.group()]
        at = match.end()
    return "".join([*out, _letters(message[at:])])


def _letters(text: str) -> str:
    return "".join(c.translate(_PSEUDO) if c.islower()
                   else c.lower().translate(_PSEUDO).upper() if c.isascii() and c.isalpha()
                   else c for c in text)


def pseudo_wording() -> Wording:
    """Every marked word translated into pseudo-words, with Greek numbers and dates (whose
    month names hold no Latin letter)."""
    template = read(TEMPLATE)
    catalog = Catalog(locale="el", fuzzy=False)
    for message in template:
        if not message.id:
            continue
        string = tuple(pseudo(m) for m in message.id) if isinstance(message.id, tuple) \
            else pseudo(message.id)
        catalog.add(message.id, string, context=message.context)
    out = io.BytesIO()
    write_po(out, catalog)
    return load_catalog("el", out.getvalue())


def test_pseudo_words_keep_what_is_not_words() -> None:
    assert pseudo("Claimed by %(name)s ([named below](#relations))") == \
        "Çĺáíɱéď ƀý %(name)s ([ñáɱéď ƀéĺóŵ](#relations))"


_TAG = re.compile(r"<[^>]*>")
_SHOWN_ATTRIBUTE = re.compile(r'\b(?:title|aria-label|alt)="([^"]*)"')
_NOT_SHOWN = re.compile(r"\]\([^)]*\)|\{[^}]*\}|&\w+;|&#\w+;|https?://\S+")
_WORD = re.compile(r"[A-Za-z][A-Za-z']{2,}")


def shown_words(markdown: str) -> set[str]:
    """The words a reader sees or hears on a page: its text and its titles and labels, not
    its markup, its addresses or the front matter's names (and not its JSON-LD, which is
    schema.org's vocabulary)."""
    body = markdown
    if body.startswith("---\n"):
        front, _, body = body[4:].partition("\n---\n")
        body = "\n".join(line.partition(": ")[2] for line in front.splitlines()
                         if not line.startswith("jsonld:")) + "\n" + body
    body = _TAG.sub(lambda m: " " + " ".join(_SHOWN_ATTRIBUTE.findall(m.group())) + " ", body)
    return set(_WORD.findall(_NOT_SHOWN.sub(" ", body)))


def test_every_word_of_the_pages_is_translatable() -> None:
    """The seed corpus's pages with every marked word pseudo-translated: a word in Latin
    letters that the corpus does not hold is one the pages write that no catalog can
    translate."""
    # The corpus's words as the pages may show them: an id's words capitalised ("Data
    # security" from `t-data-security`), a curly apostrophe made straight, a reference
    # followed by "'s" ("[[entity:marc-andreessen]]'s"), the title.
    corpus_words = set().union(*(_WORD.findall(p.read_text(encoding="utf-8")
                                               .replace("\u2019", "'"))
                                 for p in SEED.rglob("*") if p.is_file()))
    corpus_words |= {word.capitalize() for word in corpus_words} | {"Briefing"}
    corpus_words |= {f"{word}'s" for word in corpus_words}
    result = build(SEED, site_title="Briefing", wording=pseudo_wording())
    assert not result.diagnostics
    leaks = {path: sorted(shown_words(text) - corpus_words)
             for path, text in sorted(result.pages.items())}
    leaks = {path: words for path, words in leaks.items() if words}
    assert not leaks, f"words no catalog translates: {leaks}"


def test_a_kept_cache_changes_language_with_the_site() -> None:
    """`mkdocs serve` keeps its pages between builds; a site that changes its language
    (mkdocs.yml) gets every page in the new one, as a fresh build makes them."""
    cache = BuildCache()
    english = build(SEED, site_title="Briefing", cache=cache)
    french = build(SEED, site_title="Briefing", cache=cache, wording=wording_for("fr"))
    assert french.pages == build(SEED, site_title="Briefing",
                                 wording=wording_for("fr")).pages
    assert french.pages != english.pages
    again = build(SEED, site_title="Briefing", cache=cache)
    assert again.pages == english.pages


def test_words_read_once_are_kept_while_their_catalog_is() -> None:
    french = wording_for("fr")
    assert wording_for("fr-BE", french) is french
    assert wording_for("de", french).language == "de"
    english = wording_for("en")
    assert wording_for("en-GB", english) is english
    # English words on a Swedish site are marked so on its pages: not an English site's.
    swedish = wording_for("sv", english)
    assert swedish is not english and swedish.english and swedish.foreign
    assert wording_for("fi", swedish) is swedish


def test_the_feed_says_whose_claim_it_is_in_the_sites_words() -> None:
    """A feed reader may show titles alone: whose claim it is leads each, in the site's
    language as on the pages."""
    result = build(SEED, site_title="Briefing", site_url="https://example.org/",
                   wording=wording_for("fr"))
    feed = next(text for path, text in result.files.items() if path.endswith(".xml"))
    titles = re.findall(r"<title[^>]*>([^<]*)</title>", feed)
    assert any(t.startswith("Auteur de l\u2019affirmation\u202f: DeepSeek \u2013 ") for t in titles)
    assert not [t for t in titles if t.startswith(("Claimed by", "Stated by", "Relayed by"))]


@pytest.mark.parametrize("tag", SHIPPED)
def test_every_qualifier_of_a_figure_keeps_its_hedge(tag: str) -> None:
    """"up to", "about", "under", "over" and "at least" each say something else of the
    same amount: a catalog that wrote two alike, or one as the bare amount, would state a
    different fact."""
    words = wording_for(tag)
    shown = [qualified(q, "X", words) for q in ("about", "under", "over", "up-to", "at-least")]
    assert len(set(shown)) == len(shown) and "X" not in shown, (tag, shown)


def test_a_portuguese_amount_keeps_its_hedge_and_the_regions_word_for_a_billion() -> None:
    """Portuguese amounts put the symbol first in Brazil and after the number in Portugal,
    as CLDR writes them there; a billion is Brazil's "bilhão" on a `pt` or `pt-BR` site and
    Portugal's "mil milhões" on a `pt-PT` one, where "bilião" is a million millions: the
    same catalog, each region's word for the magnitude."""
    for tag, six, billions in (("pt", "$\u00a06 milhões", "$\u00a097,4 bilhões"),
                               ("pt-BR", "$\u00a06 milhões", "$\u00a097,4 bilhões"),
                               ("pt-PT", "6 milhões\u00a0$", "97,4 mil milhões\u00a0$")):
        words = wording_for(tag)
        assert words.language == "pt"
        assert format_amount(Decimal(6_000_000), Decimal(6_000_000), "USD", "up-to",
                             words=words) == f"até {six}", tag
        assert format_amount(Decimal("97.4e9"), Decimal("97.4e9"), "USD", "about",
                             words=words) == f"cerca de {billions}", tag
    # Pages in one region's words are not kept for another's.
    assert wording_for("pt-PT").key != wording_for("pt").key == wording_for("pt-BR").key
    assert wording_for("pt-PT", wording_for("pt")).region is not None
    # Elsewhere the language's words are the region's too: no second set is kept.
    assert wording_for("it-SM").key == wording_for("it-VA").key == "it"


def test_a_quote_stands_between_the_pages_quotation_marks() -> None:
    """A quote is set between the marks of the page's language, whatever the source's, as
    a newspaper sets a speech it quotes; the quote's own words are unchanged."""
    from briefing.markup import curly_quoted

    quote = 'the model "R1" cost $6 million'
    assert curly_quoted(quote) == "\u201cthe model \u2018R1\u2019 cost $6 million\u201d"
    assert curly_quoted(quote, words=wording_for("fr")) == \
        "\u00ab\u202fthe model \u2018R1\u2019 cost $6 million\u202f\u00bb"
    assert curly_quoted(quote, words=wording_for("de")).startswith("\u201ethe model")
    for tag in SHIPPED:
        marked = curly_quoted(quote, words=wording_for(tag))
        assert "the model \u2018R1\u2019 cost $6 million" in marked and marked[0] != "t", tag


# The numbers each region's pages write: a number with decimals, an amount in a currency
# written with its code, a tick of a chart. The region's signs for decimals and groups
# (CLDR's), grouped as its language groups them, and the code on the side the region's
# amounts put it (`REGIONAL_AMOUNTS`); English is as written in every region.
REGIONAL_NUMBERS = [
    ("de-CH", "1'234'567.5", "etwa CHF\u00a040'000", "2.5\u00a0Mio."),
    ("fr-CH", "1'234'567,5", "environ 40'000 CHF", "2,5\u00a0M"),
    ("it-CH", "1'234'567.5", "circa CHF\u00a040'000", "2.5\u00a0Mln"),
    ("es-MX", "1,234,567.5", "alrededor de CHF\u00a040,000", "2.5\u00a0M"),
    ("pt-PT", "1\u00a0234\u00a0567,5", "cerca de 40\u00a0000\u00a0CHF", "2,5\u00a0M"),
    ("fr-CA", "1\u00a0234\u00a0567,5", "environ 40\u00a0000 CHF", "2,5\u00a0M"),
    ("de-AT", "1.234.567,5", "etwa CHF\u00a040.000", "2,5\u00a0Mio."),
    ("en-IN", "1234567.5", "about 40,000 CHF", "2.5M"),
    ("de", "1.234.567,5", "etwa 40.000 CHF", "2,5\u00a0Mio."),
    ("fr", "1\u202f234\u202f567,5", "environ 40\u202f000 CHF", "2,5\u00a0M"),
    ("es", "1.234.567,5", "alrededor de 40.000 CHF", "2,5\u00a0M"),
]


@pytest.mark.parametrize(("tag", "number", "amount", "tick"), REGIONAL_NUMBERS)
def test_a_regions_numbers_take_its_signs_and_its_languages_groups(
        tag: str, number: str, amount: str, tick: str) -> None:
    """A `de-CH` site wrote "etwa 40.000 CHF" where its press and its curator write
    "40'000", and the prose checks read `de-CH` prose with a decimal point ("40.000" is
    40 there): a region's pages take its signs, as its readers and the checks read them;
    the digits stay grouped as the language groups them (Babel writes Swiss numbers of
    more than six digits ungrouped, and Indian English in lakhs)."""
    words = wording_for(tag)
    forty = Decimal(40_000)
    assert format_number(Decimal("1234567.5"), words=words) == number
    assert format_amount(forty, forty, "CHF", "about", words=words) == amount
    assert short_number(Decimal(2_500_000), "CHF", words=words) == tick


def test_pages_in_one_regions_signs_are_not_kept_for_another() -> None:
    """The key of the words changes with the signs, so a cached page written "40.000" for
    a `de` site is not reused on a `de-CH` one; regions that write numbers as their
    language does keep its key."""
    assert wording_for("de-CH").key != wording_for("de").key == wording_for("de-LU").key
    assert wording_for("es-MX").key != wording_for("es").key
    assert wording_for("fr-CH").key != wording_for("fr").key == wording_for("fr-BE").key
    assert wording_for("de-CH").key == wording_for("de-LI").key.replace("LI", "CH")
    kept = wording_for("de")
    assert wording_for("de-CH", kept) is not kept and wording_for("de", kept) is kept
    assert wording_for("de-CH", kept).digits is not None


# The amounts each site writes: dollars, a range of millions in one scale word, euros in
# scale words, a currency written with its code. A region whose CLDR pattern puts the
# currency on the other side of the number than its language's takes the region's side
# and its space (a language's row is the region's before); elsewhere the catalog's.
REGIONAL_AMOUNTS = [
    ("es", "alrededor de 40.000\u00a0$", "80\u2013100 millones\u00a0$", "hasta 6 millones\u00a0€",
     "40.000 CHF"),
    ("es-MX", "alrededor de USD\u00a040,000", "USD\u00a080\u2013100 millones", "hasta €6 millones",
     "CHF\u00a040,000"),
    ("es-US", "alrededor de $40,000", "$80\u2013100 millones", "hasta €6 millones",
     "CHF\u00a040,000"),
    ("pt", "cerca de $\u00a040.000", "$\u00a080\u2013100 milhões", "até €\u00a06 milhões",
     "40.000 CHF"),
    ("pt-PT", "cerca de 40\u00a0000\u00a0$", "80\u2013100 milhões\u00a0$", "até 6 milhões\u00a0€",
     "40\u00a0000\u00a0CHF"),
    ("de", "etwa 40.000\u00a0$", "80\u2013100 Millionen\u00a0$", "bis zu 6 Millionen\u00a0€",
     "40.000 CHF"),
    ("de-CH", "etwa $\u00a040'000", "$\u00a080\u2013100 Millionen", "bis zu €\u00a06 Millionen",
     "CHF\u00a040'000"),
    ("de-AT", "etwa $\u00a040.000", "$\u00a080\u2013100 Millionen", "bis zu €\u00a06 Millionen",
     "CHF\u00a040.000"),
    ("it", "circa 40.000\u00a0$", "80\u2013100 milioni\u00a0$", "fino a 6 milioni\u00a0€",
     "40.000 CHF"),
    ("it-CH", "circa $\u00a040'000", "$\u00a080\u2013100 milioni", "fino a €\u00a06 milioni",
     "CHF\u00a040'000"),
    ("fr-CH", "environ 40'000\u00a0$", "80\u2013100 millions\u00a0$",
     "jusqu\u2019à 6 millions\u00a0€", "40'000 CHF"),
    ("fr-CA", "environ 40\u00a0000\u00a0$\u00a0US", "80\u2013100 millions\u00a0$\u00a0US",
     "jusqu\u2019à 6 millions\u00a0€", "40\u00a0000 CHF"),
    ("en", "about $40,000", "$80\u2013100 million", "up to €6 million", "40,000 CHF"),
    ("en-CH", "about $40,000", "$80\u2013100 million", "up to €6 million", "40,000 CHF"),
]


@pytest.mark.parametrize(("tag", "dollars", "millions", "euros", "francs"), REGIONAL_AMOUNTS)
def test_a_regions_amounts_put_the_currency_where_the_region_does(
        tag: str, dollars: str, millions: str, euros: str, francs: str) -> None:
    """An `es-MX` site wrote "40,000 $" after Spain's catalog where Mexico writes
    "$40,000", and a `de-CH` one "40'000 CHF" where Switzerland writes "CHF 40'000": the
    side of the currency is the region's where CLDR puts it on the other side than the
    language does; a range and the scale words still read as one amount."""
    words = wording_for(tag)
    forty, six = Decimal(40_000), Decimal(6_000_000)
    assert format_amount(forty, forty, "USD", "about", words=words) == dollars
    assert format_amount(Decimal(80_000_000), Decimal(100_000_000), "USD",
                         words=words) == millions
    assert format_amount(six, six, "EUR", "up-to", words=words) == euros
    assert format_amount(forty, forty, "CHF", words=words) == francs
    assert format_amount(forty, forty, "GPUs", words=words).endswith(" GPUs")


def test_pages_with_one_regions_currency_side_are_not_kept_for_another() -> None:
    """The key of the words names the region whose side the currency takes, so a cached
    page written "40.000 $" for an `es` site is not reused on an `es-MX` one; a region
    that puts it where its language does keeps the language's key."""
    assert "amounts=es_MX" in wording_for("es-MX").key
    assert "amounts=de_AT" in wording_for("de-AT").key
    assert "amounts" not in wording_for("fr-CA").key + wording_for("fr-CH").key
    assert wording_for("it-SM").key == "it"
    kept = wording_for("de-AT")
    assert wording_for("de-AT", kept) is kept and wording_for("de", kept) is not kept


# (site, the pages' own quotation marks around a quote). CLDR gives Portugal «…» where
# Brazil writes "“…”"; Switzerland's German, French and Italian, Mexico's Spanish and
# Quebec's French their language's marks.
REGIONAL_QUOTES = [
    ("pt", "\u201c", "\u201d"), ("pt-BR", "\u201c", "\u201d"), ("pt-PT", "\u00ab", "\u00bb"),
    ("pt-AO", "\u00ab", "\u00bb"), ("de", "\u201e", "\u201c"), ("de-CH", "\u201e", "\u201c"),
    ("fr-CH", "\u00ab\u202f", "\u202f\u00bb"), ("fr-CA", "\u00ab\u202f", "\u202f\u00bb"),
    ("it-CH", "\u00ab", "\u00bb"), ("es-MX", "\u00ab", "\u00bb"), ("en", "\u201c", "\u201d"),
]


@pytest.mark.parametrize(("tag", "opening", "closing"), REGIONAL_QUOTES)
def test_the_pages_own_quotation_marks_are_the_regions(tag: str, opening: str,
                                                       closing: str) -> None:
    """A `pt-PT` site set its quotes and titles between Brazil's "“…”" where Portugal
    writes «…»: the marks of the catalog's messages are the region's where CLDR's differ
    from the language's, in Python, the templates and the theme alike; the words put
    between them (a quote's, a source's title) keep their own marks."""
    from briefing.markup import curly_quoted
    from briefing.render import template_words
    from briefing.wording import html_words
    words = wording_for(tag)
    assert curly_quoted("vale a pena", words=words) == f"{opening}vale a pena{closing}"
    title = "O \u201cPúblico\u201d diz"
    dated = words.gettext("The date of \u201c%(source)s\u201d: %(basis)s", source=title,
                          basis="b")
    assert f"{opening}{title}{closing}" in dated
    for helpers in (template_words(words), html_words(words)):
        assert str(helpers["_"]("\u201c%(quote)s\u201d", quote=title)) \
            == f"{opening}{title}{closing}"
    assert ("quotes=" in words.key) == (opening == "\u00ab" and words.language == "pt")


def test_a_regions_month_names_are_its_own() -> None:
    """An Austrian site's January is "Jänner" ("Jän. 2025"), as its readers write it; a
    region whose months are its language's keeps the language's words, and its key, so no
    second set of pages is kept for it."""
    day = datetime.date(2025, 1, 5)
    assert wording_for("de-AT").month_year(day, with_day=True) == "5. J\u00e4n. 2025"
    assert wording_for("de").month_year(day, with_day=False) == "Jan. 2025"
    assert wording_for("de-LU").key == wording_for("de").key == "de"
    assert wording_for("de-AT").key != "de"
    # Portugal's dates to the day keep the language's form, not CLDR's "5/01/2025".
    assert wording_for("pt-PT").month_year(day, with_day=True) == "5 de jan. de 2025"


@pytest.mark.parametrize(("tag", "name", "said"), [
    ("it", "Comune di Valmora", "Autore dell\u2019affermazione: Comune di Valmora"),
    ("pt", "Prefeitura de Vale Claro", "Autoria: Prefeitura de Vale Claro"),
    ("es", "Ayuntamiento de Riverton", "Autor de la afirmación: Ayuntamiento de Riverton"),
    ("fr", "Mairie de Riverton", "Auteur de l\u2019affirmation\u202f: Mairie de Riverton"),
    ("de", "Stadt Valmora", "Urheber: Stadt Valmora"),
    ("it", "Dana Okafor", "Autore dell\u2019affermazione: Dana Okafor"),
])
def test_whose_claim_it_is_reads_right_for_a_person_or_an_institution(
        tag: str, name: str, said: str) -> None:
    """An institution's name takes an article in these languages ("dal Comune di
    Valmora"), a person's none: the name stands after a label, where it needs none."""
    assert wording_for(tag).gettext("Claimed by %(name)s", name=name) == said


# A name, title or subject placed after a preposition or as a verb's subject or object,
# where Romance languages and German give an institution's or a country's name an article
# ("per gli Stati Uniti", "von der Stadt Valmora"): each translation puts it where it needs
# none. Each message, and the words before the value in each language as they would wrongly
# read.
BARE_BEFORE_A_NAME = {
    "Claimed by %(name)s": ("par ", "von ", "por ", "da ", "por "),
    "%(name)s's page lists every one.": ("de ", "von ", "de ", "di ", "de "),
    "%(num)d more disagreement on %(name)s": ("sur ", "bei ", "sobre ", "su ", "sobre "),
    "%(outlet)s, by %(author)s": ("par ", "von ", "por ", "di ", "por "),
    "%(values)s for %(subject)s": ("pour ", "für ", "para ", "per ", "para "),
    "%(flag)s for %(subject)s: %(values)s.": ("pour ", "für ", "para ", "per ", "para "),
    "%(amount)s attached to %(subject)s": ("pour ", "auf ", "para ", "per ", "para "),
    "and %(amount)s to %(subject)s": ("pour ", "auf ", "para ", "per ", "para "),
    "Map of %(about)s: %(num)d claim and %(sources)s taking a position on it":
        ("de ", "zu ", "de ", "di ", "de "),
    "No source names %(name)s yet.": ("nomme encore ", "nennt ", "a ", "ancora ", "nomeia "),
}


@pytest.mark.parametrize("tag", ["fr", "de", "es", "it", "pt"])
def test_no_name_follows_a_bare_preposition(tag: str) -> None:
    catalog = read(LOCALES / f"{tag}.po", tag)
    column = ["fr", "de", "es", "it", "pt"].index(tag)
    for msgid, bare in BARE_BEFORE_A_NAME.items():
        message = catalog.get(msgid)
        assert message is not None, msgid
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        value = re.findall(r"%\((name|author|subject|about)\)s", msgid)[-1]
        for string in strings:
            assert f"{bare[column]}%({value})s" not in string, (tag, msgid, string)
