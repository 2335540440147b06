"""The pages' own words (headings, labels, counts, dates, amounts) in the site's language.

The words are written in English in the templates and the code, each marked for
translation (`_("Evidence")` in a template, `words.gettext("Evidence")` in Python), and
their translations are gettext catalogs shipped in `briefing/locales/<language>.po`
(`catalogs.py` extracts the marked words and keeps the catalogs in step). A site whose
language has a catalog gets its pages' words from it; any other site gets English, as
marked. English is the words as written: no catalog is read for it, so an English site's
pages are the same bytes as before there were catalogs.

A `Wording` is made once per build from the site's language and handed to the plan and
the render; the core keeps none of its own (`pipeline.py`)."""

from __future__ import annotations

import datetime
import gettext
import io
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import resources
from types import MappingProxyType

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import format_skeleton
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import (
    format_compact_decimal,
    format_decimal,
    get_currency_symbol,
    get_decimal_symbol,
    get_group_symbol,
    get_territory_currencies,
)
from markupsafe import Markup

from .markedwords import MARKS

ENGLISH = "en"
# A placeholder in a message: `%(name)s`, `%(num)d`; `%%` is a literal percent sign.
PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[sd%]")
# Whole numbers that meet every plural category CLDR gives whole numbers in any language
# (Arabic's "few" from 3, "many" from 11, "other" at 100; French's "many" a million).
PLURAL_SAMPLES = (*range(200), 1000, 10 ** 6)
# CLDR's quotation marks (`delimiters` in common/main), which Babel does not carry: those
# of the languages with a catalog, and of the regions that write others (Portugal's «…»,
# which its other regions inherit, `pt_AO` and the rest; Brazil's are the language's).
# CLDR gives Switzerland's German, French and Italian their language's.
QUOTATION_MARKS = MappingProxyType({
    "de": "\u201e\u201c", "es": "\u201c\u201d", "fr": "\u00ab\u00bb", "it": "\u00ab\u00bb",
    "pt": "\u201c\u201d", "pt_PT": "\u00ab\u00bb"})


@dataclass(frozen=True, eq=False)
class Wording:
    """The words of one language: `language` is the catalog's tag ("en" for the words as
    written), `translations` its messages, `locale` how the language writes numbers and
    dates, `region` the site's own region where its words for large numbers differ
    (Portugal's "6 mil milhões" on a `pt-PT` site, Brazil's "6 bilhões" on a `pt` one: a
    Portuguese "bilião" is a million millions), `calendar` where its months' names differ
    (Austria's "Jän. 2025" on a `de-AT` site), `signs` the currency signs of a site whose
    region has a dollar of its own (`dollar_signs`: "$" is CAD and USD "$ US" on a `fr-CA`
    site), `ticks` the region whose short numbers a chart's axis takes where CLDR abbreviates
    them otherwise there or its numbers take the region's signs (`tick_locale`: "2 G" on a
    `fr-CA` site, "2 Md" in France), `digits` the region whose signs for decimals and
    groups its numbers take where they are not the language's (`digit_locale`: "40'000" and
    "1.5" on a `de-CH` site, "40.000" and "1,5" in Germany), grouped as the language groups
    them, `amounts` the region whose amounts put a currency's sign on the other side of the
    number (`amount_locale`: "$40,000" on an `es-MX` site, "40.000 $" in Spain), `quotes`
    the region's quotation marks for the language's in the catalog's messages
    (`quotation_marks`: "«…»" on a `pt-PT` site, "“…”" in Brazil). Values
    are put into a message with `%` placeholders by name (`gettext("Claimed by %(name)s",
    name=...)`); a message given no values is returned as it is, `%` and all."""

    language: str = ENGLISH
    translations: gettext.NullTranslations = field(default_factory=gettext.NullTranslations)
    locale: Locale | None = None  # None for English: its numbers and dates are as written
    catalog: bytes = b""  # the catalog it was read from
    region: Locale | None = None
    calendar: Locale | None = None
    signs: MappingProxyType[str, str] = field(
        default_factory=lambda: MappingProxyType({}))
    ticks: Locale | None = None
    digits: Locale | None = None
    amounts: Locale | None = None
    quotes: MappingProxyType[str, str] = field(
        default_factory=lambda: MappingProxyType({}))
    # English words on a site in another language (Briefing has no catalog for it): the
    # pages mark them so (`render.template_words`), as the theme marks its own, so that a
    # screen reader reads them as English and, on a site written right to left, a line of
    # them keeps its order ("Sources up to 5 Mar 2025", not "5 Mar 2025 Sources up to").
    foreign: bool = False

    @property
    def english(self) -> bool:
        return self.locale is None

    @property
    def marks(self) -> str:
        """The attributes that mark an element holding only these words English, where
        they are not the site's language (`foreign`); none where they are."""
        return MARKS if self.foreign else ""

    @property
    def key(self) -> str:
        """What the pages written in these words depend on: the catalog and the region."""
        signs = " ".join(f"{code}={sign}" for code, sign in sorted(self.signs.items()))
        ticks = f"ticks={self.ticks}" if self.ticks else ""
        digits = f"digits={self.digits}" if self.digits else ""
        amounts = f"amounts={self.amounts}" if self.amounts else ""
        quotes = "quotes=" + "".join(self.quotes.values()) if self.quotes else ""
        foreign = "marked" if self.foreign else ""
        return " ".join(str(part) for part in (self.language, self.region, self.calendar,
                                               signs, ticks, digits, amounts, quotes,
                                               foreign)
                        if part)

    def message(self, message: str) -> str:
        """A message as the catalog translates it, before its values are put in: with the
        region's quotation marks for the language's (`quotes`), so a value (a quote's or a
        title's own words) is never touched."""
        return self._regional(self.translations.gettext(message))

    def form(self, singular: str, plural: str, count: int) -> str:
        """The catalog's form of a plural message for `count`, as `message` gives it."""
        return self._regional(self.translations.ngettext(singular, plural, count))

    def _regional(self, text: str) -> str:
        return text.translate({ord(mark): to for mark, to in self.quotes.items()}) \
            if self.quotes else text

    def gettext(self, message: str, **values: object) -> str:
        text = self.message(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, count: int, **values: object) -> str:
        """The form for `count` (`%(num)d` in the message is the count)."""
        return self.form(singular, plural, count) % {"num": count, **values}

    def pgettext(self, context: str, message: str, **values: object) -> str:
        """A word told apart by `context` from the same English word elsewhere: "inferred"
        beside a figure's subject (an entity) against beside a date ("déduit", "déduite")."""
        text = self._regional(self.translations.pgettext(context, message))
        return text % values if values else text

    def npgettext(self, context: str, singular: str, plural: str, count: int) -> str:
        """The form for `count` of a word that agrees with it, where the same English word
        is translated otherwise alone (`context` tells the two apart: a status beside a
        count of claims, "2 contestées", against a claim's own, "contestée")."""
        return self._regional(self.translations.npgettext(context, singular, plural, count))

    def placed(self, sign: str, number: str) -> str | None:
        """An amount with its currency's sign (or code) on the side and with the space the
        region's CLDR pattern gives it where that is not the language's side ("$40,000",
        "USD 40,000" on an `es-MX` site, "CHF 40'000" on a `de-CH` one, "40 000 €" on a
        `pt-PT` one); None elsewhere, where the catalog's message places it. A sign ending in
        a letter is kept apart from the digits, as CLDR's currency spacing asks."""
        if self.amounts is None:
            return None
        pattern = self.amounts.currency_formats["standard"]
        if "\u00a4" in pattern.prefix[0]:
            space = pattern.prefix[0].replace("\u00a4", "") or _apart(sign[-1:])
            return f"{sign}{space}{number}"
        space = pattern.suffix[0].replace("\u00a4", "") or _apart(sign[:1])
        return f"{number}{space}{sign}"

    def number(self, value: Decimal | int) -> str:
        """A number as the language writes it: "12,345.5", "12 345,5", "12.345,5"; with
        the signs of the site's region where they differ ("12'345.5" on a `de-CH` site),
        still grouped as the language groups them (`digits`)."""
        if self.locale is None:
            raise ValueError("English numbers are markup.format_number's")
        text = format_decimal(value, locale=self.locale, decimal_quantization=False)
        if self.digits is None:
            return text
        (decimal, group), (to_decimal, to_group) = _signs(self.locale), _signs(self.digits)
        return text.translate({ord(decimal): to_decimal, ord(group): to_group})

    def scaled(self, value: Decimal) -> str | None:
        """A number of millions, billions or trillions in words ("6 millions", "1,5
        Milliarden"), as CLDR writes them; None where it is not one."""
        if self.locale is None:
            raise ValueError("English scales are markup.format_number's")
        if abs(value) < 10 ** 6 or (abs(value) * 100) % 10 ** 6:
            return None
        # (A region's own signs come with its words: "1.5 Milliarden" on a `de-CH` site.)
        return format_compact_decimal(value, format_type="long", fraction_digits=2,
                                      locale=self.region or self.digits or self.locale)

    def month_year(self, day: datetime.date, *, with_day: bool) -> str:
        """A date to its month or its day, as the language abbreviates it ("5 mars 2025",
        "5. März 2025"); English is `markup.format_date`'s."""
        if self.locale is None:
            raise ValueError("English dates are markup.format_date's")
        return format_skeleton("yMMMd" if with_day else "yMMM", day,
                               locale=self.calendar or self.locale)


def catalog_languages() -> tuple[str, ...]:
    """The languages with a catalog, by tag."""
    folder = resources.files("briefing") / "locales"
    return tuple(sorted(item.name.removesuffix(".po") for item in folder.iterdir()
                        if item.name.endswith(".po")))


def catalog_for(site_language: str) -> str | None:
    """The catalog for a site's language tag: its own ("pt-BR"), else its language's
    ("fr" for "fr-CA"), else none."""
    available = {tag.lower(): tag for tag in catalog_languages()}
    tag = site_language.replace("_", "-").lower()
    while tag:
        if tag in available:
            return available[tag]
        tag = tag.rpartition("-")[0]
    return None


def wording_for(site_language: str, kept: Wording | None = None) -> Wording:
    """The site's words: its language's catalog, or English when there is none. `kept`,
    the words of a build before (`mkdocs serve`), is reused if read from the same catalog:
    reading one takes some 20 ms."""
    tag = catalog_for(site_language)
    if tag is None or tag == ENGLISH:
        foreign = site_language.replace("_", "-").split("-")[0].lower() != ENGLISH
        return kept if kept is not None and kept.english and kept.foreign == foreign \
            else Wording(foreign=foreign)
    po = (resources.files("briefing") / "locales" / f"{tag}.po").read_bytes()
    region, calendar = regional_locales(site_language, tag)
    signs = dollar_signs(site_language)
    ticks, digits = tick_locale(site_language, tag), digit_locale(site_language, tag)
    amounts, quotes = amount_locale(site_language, tag), quotation_marks(site_language, tag)
    if kept is not None and kept.language == tag and kept.catalog == po \
            and (kept.region, kept.calendar, dict(kept.signs), kept.ticks, kept.digits,
                 kept.amounts, dict(kept.quotes)) \
            == (region, calendar, signs, ticks, digits, amounts, quotes):
        return kept
    return load_catalog(tag, po, region, calendar, signs, ticks=ticks, digits=digits,
                        amounts=amounts, quotes=quotes)


def dollar_signs(site_language: str) -> dict[str, str]:
    """The signs of a site in a region whose own currency is a dollar, as CLDR writes them
    there: its dollar is "$" and the US dollar told apart ("$ US" in `fr-CA`, "USD" in
    `es-MX`); none elsewhere, where a dollar without a sign of its own is written with its
    code ("450 millions CAD"). (A region of the US dollar's own writes it "$" as every
    site does, `markup.CURRENCY`.)"""
    try:
        locale = Locale.parse(site_language.replace("_", "-"), sep="-")
    except (UnknownLocaleError, ValueError):
        return {}
    own = get_territory_currencies(locale.territory)[:1] if locale.territory else []
    if not own or own[0] == "USD" or get_currency_symbol(own[0], locale) != "$":
        return {}
    return {own[0]: "$", "USD": get_currency_symbol("USD", locale)}


def regional_locales(site_language: str, tag: str) -> tuple[Locale | None, Locale | None]:
    """The site's own region where CLDR knows it, for its words for millions and more
    where they are not the catalog language's ("pt-PT"), and for its months' names where
    they are not ("de-AT": "Jänner"); None for each elsewhere. Only those words are taken
    from it (its numbers' signs are `digit_locale`'s): Babel writes Portugal's dates to the
    day in digits."""
    both = _region_and_language(site_language, tag)
    if both is None:
        return None, None
    region, own = both
    return (None if _large_words(region) == _large_words(own) else region,
            None if _month_words(region) == _month_words(own) else region)


def tick_locale(site_language: str, tag: str) -> Locale | None:
    """The site's own region where CLDR abbreviates large numbers otherwise than in the
    catalog's language, for a chart's ticks ("1 G" in Quebec, where France writes "1 Md";
    "1 mM" in Portugal, where Brazil writes "1 bi"), or where the site's numbers take the
    region's signs (`digit_locale`), so that ticks and amounts write decimals alike ("1.5 M"
    on an `es-MX` site, whose amounts write "1.5 millones"); None elsewhere."""
    both = _region_and_language(site_language, tag)
    if both is None:
        return None
    region, own = both
    if _short_words(region) == _short_words(own) and digit_locale(site_language, tag) is None:
        return None
    return region


def digit_locale(site_language: str, tag: str) -> Locale | None:
    """The site's own region where CLDR gives its numbers other signs for decimals and
    groups than the catalog's language (`de-CH`: "'" and "."; `es-MX`: "," and "."; `pt-PT`
    and `fr-CA`: a no-break space), for the pages' numbers; None elsewhere. Only the signs
    are the region's: the digits are grouped as the language groups them, for Babel writes
    numbers with Switzerland's "'" ungrouped ("1234567": it reads each pair of them as the
    quotes of a pattern's literal), which the Swiss press does not."""
    both = _region_and_language(site_language, tag)
    if both is None:
        return None
    region, own = both
    theirs, ours = _signs(region), _signs(own)
    if theirs == ours or not all(len(sign) == 1 for sign in ours):
        return None
    return region


def amount_locale(site_language: str, tag: str) -> Locale | None:
    """The site's own region where CLDR's pattern for its amounts puts a currency's sign
    on the other side of the number than the catalog's language does, for the pages'
    amounts (`Wording.placed`): Mexico's and the other Spanish-speaking Americas' "$40,000"
    where Spain writes "40.000 $", Switzerland's and Austria's "CHF 40'000" where Germany
    writes "40.000 CHF", Portugal's "40 000 €" where Brazil writes "€ 40.000"; None
    elsewhere, where the catalog's message places it ("%(number)s %(symbol)s")."""
    both = _region_and_language(site_language, tag)
    if both is None:
        return None
    region, own = both
    return None if _sign_first(region) == _sign_first(own) else region


def quotation_marks(site_language: str, tag: str) -> dict[str, str]:
    """The site's region's quotation marks for its language's, as CLDR gives them
    (`QUOTATION_MARKS`), where they differ ("“" to "«" and "”" to "»" on a `pt-PT` site);
    none elsewhere."""
    both = _region_and_language(site_language, tag)
    if both is None:
        return {}
    theirs, ours = (_marks(locale) for locale in both)
    if not theirs or not ours or theirs == ours:
        return {}
    return dict(zip(ours, theirs, strict=True))


def _marks(locale: Locale) -> str:
    """`locale`'s opening and closing quotation marks, or its nearest parent's in CLDR."""
    parents = get_global("parent_exceptions")
    name: str | None = str(locale)
    while name:
        if name in QUOTATION_MARKS:
            return QUOTATION_MARKS[name]
        name = parents.get(name) or name.rpartition("_")[0]
    return ""


def _sign_first(locale: Locale) -> bool:
    return "\u00a4" in locale.currency_formats["standard"].prefix[0]


def _apart(end: str) -> str:
    """The space between a currency's sign and the digits where its pattern gives none:
    a no-break space beside a letter ("USD 40,000"), none beside a symbol ("$40,000")."""
    return "" if not end or unicodedata.category(end).startswith("S") else "\u00a0"


def _region_and_language(site_language: str, tag: str) -> tuple[Locale, Locale] | None:
    """CLDR's locales of the site's region and of the catalog's language `tag`, when CLDR
    knows both and they are one language; None otherwise."""
    try:
        region = Locale.parse(site_language.replace("_", "-"), sep="-")
        own = Locale.parse(tag, sep="-")
    except (UnknownLocaleError, ValueError):
        return None
    return (region, own) if region.language == own.language else None


def _short_words(locale: Locale) -> tuple[str, ...]:
    return tuple(format_compact_decimal(10 ** power, format_type="short", locale=locale)
                 for power in range(3, 15))


def _signs(locale: Locale) -> tuple[str, str]:
    """The decimal and group signs of `locale`'s own digits."""
    system = locale.default_numbering_system
    return (get_decimal_symbol(locale, numbering_system=system),
            get_group_symbol(locale, numbering_system=system))


def _large_words(locale: Locale) -> tuple[str, ...]:
    return tuple(format_compact_decimal(10 ** power, format_type="long", locale=locale)
                 for power in (6, 9, 12))


def _month_words(locale: Locale) -> tuple[str, ...]:
    return tuple(name for context in ("format", "stand-alone")
                 for width in ("abbreviated", "wide")
                 for name in locale.months[context][width].values())


def load_catalog(tag: str, po: bytes, region: Locale | None = None,
                 calendar: Locale | None = None,
                 signs: dict[str, str] | None = None, *,
                 ticks: Locale | None = None, digits: Locale | None = None,
                 amounts: Locale | None = None,
                 quotes: dict[str, str] | None = None) -> Wording:
    """A catalog's words, with `region`'s words for large numbers, `calendar`'s months,
    `digits`' signs for decimals and groups, `amounts`' side for a currency's sign and
    `quotes`' quotation marks if given. Its untranslated and fuzzy messages stay English
    (the tests keep the shipped catalogs complete)."""
    catalog = read_po(io.BytesIO(po), locale=tag)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    try:
        locale = Locale.parse(tag, sep="-")
    except (UnknownLocaleError, ValueError) as exc:
        raise ValueError(f"{tag}.po: CLDR knows no language {tag!r}") from exc
    return Wording(tag, gettext.GNUTranslations(compiled), locale, po, region, calendar,
                   MappingProxyType(dict(signs or {})), ticks, digits, amounts,
                   MappingProxyType(dict(quotes or {})))


def placeholders(message: str) -> frozenset[str]:
    """The names a message's placeholders take (`%(num)d` → "num")."""
    return frozenset(name for name in PLACEHOLDER.findall(message) if name)


def plural_forms(wording: Wording, singular: str, plural: str) -> dict[str, str]:
    """A plural message's forms by CLDR plural category ("one", "many", "other"…), for a
    script that counts in the reader's browser and picks a form with `Intl.PluralRules`:
    for each category, the catalog's form for a whole number in it, `%(num)d` and all.
    English gives "one" and "other", as written."""
    rule = (wording.locale or Locale.parse(ENGLISH)).plural_form
    forms: dict[str, str] = {}
    for number in PLURAL_SAMPLES:
        forms.setdefault(rule(number), wording.form(singular, plural, number))
    return forms


def html_words(wording: Wording) -> dict[str, object]:
    """`_` and `ngettext` for the theme's HTML templates, as the page templates have them
    (`render.template_words`) but with values escaped for HTML; and `briefing_words_lang`,
    the language the words are in, which the theme marks where it is not the site's; and
    `plural_forms`, a plural message's forms by plural category, for the theme's scripts
    to count with (`plural_forms` above)."""
    def translated(message: str, **values: object) -> Markup:
        text = wording.message(message)
        return Markup(text) % values if values else Markup(text)

    def counted(singular: str, plural: str, count: int, **values: object) -> Markup:
        text = wording.form(singular, plural, count)
        return Markup(text) % {"num": count, **values}

    def forms(singular: str, plural: str) -> dict[str, str]:
        return plural_forms(wording, singular, plural)

    return {"_": translated, "ngettext": counted, "plural_forms": forms,
            "briefing_words_lang": wording.language}
