"""The site's language, as each page's `<html lang>` declares it: a BCP 47 tag ("en-GB",
"zh", "zh-Hant", "de").

The analyst declares it as MkDocs' themes take it, `theme: locale:` (a locale as Babel
writes it: "en_GB", "zh_TW"), or as Material takes it, `theme: language:` ("pt-BR"); the
one written in mkdocs.yml wins, else the theme's own default. It is the corpus's language,
for the browser (line breaking, hyphenation, fonts, a screen reader's voice) and for
Pagefind, which indexes each page in its `lang`'s words. The pages' own wording stays
English (docs/reading.md, "The site's language"). Its direction, right to left for
Arabic, Hebrew, Persian, Urdu and the other languages so written, is the `<html dir>`'s,
and a source's words in a language of the other direction declare theirs (`direction`).
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (Babel is imported when CLDR's data is first wanted)
    from babel import Locale

# language[-script][-region][-variant…], as BCP 47 writes them (no extensions, no private
# use: a site's language needs neither, and a locale never has them), with `_` for `-` as
# Babel writes locales. The same pattern, without group names, checks a source's
# `language:` in an editor (`SCHEMA_PATTERN`).
_PARTS = (("language", r"[A-Za-z]{2,3}"), ("script", r"(?:[-_][A-Za-z]{4})?"),
          ("region", r"(?:[-_](?:[A-Za-z]{2}|[0-9]{3}))?"),
          ("variants", r"(?:[-_](?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"))
_TAG = re.compile("".join(f"(?P<{name}>{part})" for name, part in _PARTS))
SCHEMA_PATTERN = "^" + "".join(part for _, part in _PARTS) + "$"
DEFAULT = "en"
# The scripts written right to left, by their ISO 15924 codes, as Unicode's Scripts.txt
# and CLDR give them: what a tag that names its script ("az-Arab", "ff-Adlm") is written
# in. (Arab, Hebr, Syrc, Thaa, Nkoo, Adlm, Rohg are the living ones; Aran is Nastaliq.)
RTL_SCRIPTS = frozenset({
    "Adlm", "Arab", "Aran", "Armi", "Avst", "Chrs", "Cprt", "Elym", "Gara", "Hatr", "Hebr",
    "Hung", "Khar", "Lydi", "Mand", "Mani", "Mend", "Merc", "Mero", "Narb", "Nbat", "Nkoo",
    "Orkh", "Ougr", "Palm", "Phli", "Phlp", "Phnx", "Prti", "Rohg", "Samr", "Sarb", "Sogd",
    "Sogo", "Syrc", "Syre", "Syrj", "Syrn", "Thaa", "Yezi"})
# How to write a tag, for the message about a value that is none.
TAG_HINT = ("write a BCP 47 tag such as sv, de, zh-Hant or pt-BR (a language's two- or "
            "three-letter code, then its script or region if need be)")


def tag_hint(value: object, otherwise: str = TAG_HINT) -> str:
    """How to write the language `value` names in English as a tag (`French`: fr,
    `Brazilian Portuguese`: pt-BR), when it names one; else `otherwise`."""
    from babel import Locale

    folded = " ".join(str(value).split()).casefold()
    named = next((code for code, name in Locale("en").languages.items()
                  if name.casefold() == folded), None)
    tag = language_tag(named) if named else None
    return f"write {tag}, the tag of {' '.join(str(value).split())}" if tag else otherwise


def language_tag(value: str) -> str | None:
    """`value` ("en_GB", "zh-hant", "pt_BR") as a BCP 47 tag in the case its subtags are
    written in ("en-GB", "zh-Hant", "pt-BR"); None if it is not one."""
    match = _TAG.fullmatch(value.strip().replace("_", "-"))
    if match is None:
        return None
    parts = [match["language"].lower()]
    if match["script"]:  # (each subtag but the first with the `-` before it)
        parts.append(match["script"][1:].title())
    if match["region"]:
        parts.append(match["region"][1:].upper())
    return "-".join(parts) + match["variants"].lower()


def direction(tag: str) -> str:
    """"rtl" if text in `tag` is written right to left, else "ltr": as its script says,
    the one the tag names ("az-Arab", "ff-Adlm") or else the one CLDR's likely subtags
    give its language in its region, else anywhere ("ar", "ar-EG", "he", "fa", "ur", "ps",
    "yi", "dv", "ckb": Arabic, Hebrew, Thaana; "pa-PK" is Punjabi in the Arabic script,
    "pa" in Gurmukhi). That is each CLDR locale's own direction. "ltr" for a language
    CLDR does not list, and for a value that is no tag."""
    match = _TAG.fullmatch(tag.strip().replace("_", "-"))
    if match is None:
        return "ltr"
    script = (match["script"][1:].title() if match["script"]
              else _likely_script(match["language"].lower(), match["region"][1:].upper()))
    return "rtl" if script in RTL_SCRIPTS else "ltr"


def _likely_script(language: str, region: str) -> str:
    """The script CLDR's likely subtags give `language` in `region` (none: ""), else
    wherever it is written: "Arab" for "pa" in "PK", "Guru" for "pa"; "" for a language
    they do not list."""
    from babel.core import get_global

    likely = get_global("likely_subtags")  # {"pa": "pa_Guru_IN", "pa_PK": "pa_Arab_PK"}
    found = (region and likely.get(f"{language}_{region}")) or likely.get(language, "")
    parts = found.split("_")
    return parts[1] if len(parts) == 3 else ""


def primary(tag: str) -> str:
    """A tag's language alone ("en" of "en-GB"): what decides which words a text uses."""
    return tag.split("-", 1)[0].lower()


def covers(language_range: str, tag: str) -> bool:
    """Whether words listed for `language_range` ("pt", "pt-BR") apply to a text in `tag`:
    the range is the tag or a prefix of it ending at a subtag, as RFC 4647's basic
    filtering reads it. "pt" covers "pt-BR" and "pt-PT"; "pt-BR" covers neither "pt" nor
    "pt-PT"."""
    wanted, given = language_range.lower(), tag.lower()
    return given == wanted or given.startswith(wanted + "-")


def separators(tag: str) -> tuple[str, str]:
    """The decimal and thousands separators of numbers written in `tag` with Latin digits,
    as CLDR (through Babel) records them: (".", ",") in English and Mexican Spanish,
    (",", ".") in Dutch, German and Spanish, (",", "\u202f") in French. A tag CLDR does not
    know is read as its language alone, and a language it does not know as English."""
    locale = _locale(tag)
    return (".", ",") if locale is None else _symbols(locale, "latn")


def native_separators(tag: str) -> tuple[str, str] | None:
    """The decimal and thousands separators of numbers written in `tag`'s own digits, as
    CLDR records them for its numbering system (its default one, else its native one, when
    that is not Latin): ("\u066b", "\u066c") for Arabic-Indic digits in Arabic and for
    Persian ones in Persian, (",", ".") for Khmer digits in Khmer, (".", ",") for Devanagari
    ones in Hindi. None where the language's own digits are Latin ones (English, German,
    Japanese) or CLDR does not know it."""
    locale = _locale(tag)
    if locale is None:
        return None
    system = locale.default_numbering_system
    if system == "latn":
        system = locale.other_numbering_systems.get("native", "latn")
    return None if system == "latn" else _symbols(locale, system)


def _symbols(locale: Locale, system: str) -> tuple[str, str]:
    """The decimal and thousands separators of `locale`'s numbering system `system`."""
    from babel.numbers import get_decimal_symbol, get_group_symbol  # (prose checks alone)

    return (get_decimal_symbol(locale, numbering_system=system),
            get_group_symbol(locale, numbering_system=system))


def grouping(tag: str) -> tuple[int, int]:
    """How many digits `tag` groups, as its CLDR decimal pattern says: the group before the
    decimals, and each group before that. (3, 3) in English ("100,000"), (3, 2) in Hindi,
    Bengali and Indian English ("1,00,000", a lakh). (3, 3) for a tag CLDR does not know."""
    locale = _locale(tag)
    pattern = locale.decimal_formats.get(None) if locale is not None else None
    if pattern is None:
        return 3, 3
    primary_size, secondary_size = pattern.grouping
    return primary_size, secondary_size


def glues_words(tag: str) -> bool:
    """Whether `tag`'s words are glued to a number, though it is written with spaces:
    Korean's counters, particles and currencies ("300명", "5천만원을")."""
    return primary(tag) == "ko"


def han_numerals(tag: str) -> str:
    """How `tag` writes numbers in Chinese characters (五千, 三百五十), as CLDR's traditional
    numbering system for it says: "zh" where it is Chinese's (`hans`, `hant`: Chinese and
    Cantonese, where "三百五" is 350), "ja" where it is Japanese's (`jpan`, where 三百五 is
    305), "" for the other languages, whose texts are not read for them."""
    locale = _locale(tag)
    system = "" if locale is None else locale.other_numbering_systems.get("traditional", "")
    return {"hans": "zh", "hant": "zh", "jpan": "ja"}.get(system, "")


# Scale words a language writes in every region, though CLDR gives them to one: the
# European "mil milhões" (10^9) is read in Brazil too, where CLDR has only "bilhão"; no
# region reads it otherwise. (Not the reverse: Brazil's "bilhão" is 10^9, Portugal's
# "bilião" 10^12.)
_SCALES_OF_EVERY_REGION = MappingProxyType({"pt": (("mil milhões", 9, False),)})


def scale_words(tag: str) -> tuple[tuple[str, int, bool], ...]:
    """The words that scale a number written in `tag` ("2,5 miljoen", "3 Mrd.", "600만"),
    each with the power of ten it stands for and whether it is written against the number,
    from CLDR's compact number formats: the long ones and the short ones of three letters
    or more ("Mio.", "млн"; not "M" or "Md", which are too often something else).
    "Billion" is 12 in German and French, as "billion" is 9 in English. None for a tag
    CLDR does not know."""
    locale = _locale(tag)
    if locale is None:
        return ()
    found: dict[str, tuple[int, bool]] = {
        word: (power, attached)
        for word, power, attached in _SCALES_OF_EVERY_REGION.get(primary(tag), ())}
    for length in ("long", "short"):
        for by_magnitude in locale.compact_decimal_formats.get(length, {}).values():
            for magnitude, pattern in by_magnitude.items():
                written = str(pattern.pattern).replace("'", "")  # "0\u00a0Mio'.'"
                zeros, word = written.count("0"), " ".join(written.replace("0", " ").split())
                letters = sum(char.isalpha() for char in word)
                if zeros and letters and (length == "long" or letters >= 3):
                    # "00 Millionen" at 10000000: 10^7 written as 10 Millionen, so 10^6.
                    attached = not written[written.rindex("0") + 1:][:1].isspace()
                    found.setdefault(word.lower(), (len(magnitude) - zeros, attached))
    return tuple((word, power, attached) for word, (power, attached) in sorted(found.items()))


def _locale(tag: str) -> Locale | None:
    """CLDR's locale for `tag`, else for its language alone, else None."""
    from babel import Locale, UnknownLocaleError

    for candidate in (tag, primary(tag)):
        try:
            return Locale.parse(candidate, sep="-")
        except (UnknownLocaleError, ValueError, TypeError):
            continue
    return None


def other_language(tag: str, site: str) -> bool:
    """Whether a text declared in `tag` is in another language than the site's `site`:
    their primary subtags differ, so the words differ (hedges, number words)."""
    return primary(tag) != primary(site)


def site_language(locale: object, language: object) -> tuple[str | None, str]:
    """The site's tag from the theme's `locale` (str() of MkDocs' Locale) and `language`
    (Material's key, None where not set): `language` when set, else `locale`, else
    English; and the key it came from, to name if it is not a tag. Material's `language:
    custom` (its own translations) names no language, so the locale decides."""
    if language is not None and language != "custom":
        return (language_tag(language) if isinstance(language, str) else None), "language"
    if locale is None or not str(locale):
        return DEFAULT, "locale"
    return language_tag(str(locale)), "locale"


def language_problem(locale: object, language: object) -> str | None:
    """What is wrong with the theme's `locale` and `language` as the site's language, or
    None when they give a tag (`site_language`)."""
    tag, key = site_language(locale, language)
    if tag is not None:
        return None
    value = language if key == "language" else locale
    return f"theme.{key} {str(value)!r} is not a language tag"


def lang_as_tag(html: str, locale: str) -> str:
    """A page whose `<html lang>` is the locale as Babel writes it (MkDocs' own theme
    writes `lang="en_GB"`, which is no tag), with the tag ("en-GB") in its place."""
    tag = language_tag(locale)
    if tag is None or tag == locale:
        return html
    return html.replace(f'<html lang="{locale}"', f'<html lang="{tag}"', 1)
