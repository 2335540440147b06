"""Turning curator text into safe Markdown, and formatting dates and numbers.

Escaping is the default: the template environment passes every value through
`md_escape` unless it is `Markup`, which only the functions here produce. So a title such
as `<script>` or `*1984.*` reaches the page as the literal text the curator wrote.
"""

from __future__ import annotations

import datetime
import html
import posixpath
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from urllib.parse import quote

from markupsafe import Markup

from .chars import CAPITAL_CLASS
from .currencies import is_code
from .language import direction
from .markedwords import marked
from .schema import FuzzyDate
from .urls import SAFE as SAFE_URL
from .wording import Wording

# Characters that are syntax anywhere in a line and that Python-Markdown lets us
# backslash-escape (`|` through the tables extension). `<`, `>` and `&` become entities.
_MD_ANYWHERE = re.compile(r"([\\`*_\[\]{}|#])")
# Line starts that would begin a list, heading or rule.
_MD_LINE_START = re.compile(r"^(\d+)([.)])|^([-+=])")
# Characters with a meaning to Markdown inline (or to its tables and attribute lists)
# that HTML escaping leaves; `attr` writes them as character references. Not `#`, `&`
# or `;`, which the references themselves are made of; no value holds a line start.
_MD_IN_HTML = re.compile(r"[\\`*_\[\](){}|!]")
_MD_IN_HTML_REFS = MappingProxyType({ord(c): f"&#{ord(c)};" for c in "\\`*_[](){}|!"})
# What `relative` and anchors produce from slugs: nothing that could end a link.
_TOKEN = re.compile(r"^[A-Za-z0-9_-]+$")
_INTERNAL_HREF = re.compile(r"^[A-Za-z0-9_./#-]*$")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# White space that may break a line, which `md_escape` and `attr` make one space of. Not
# the no-break spaces, which hold an amount's symbol to its number ("$\u00a0294.000") and a
# French stop to its word: collapsed, the line broke between them.
_BREAKING_SPACE = re.compile(r"[^\S\u00a0\u2007\u202f]+")
# The currency signs a number may be written after, with a space: "R$ 300 milhões",
# "US$ 5", "€ 5" (up to three capitals before the sign, as `CURRENCY`'s "R$").
_SIGNS = "$\u00a2-\u00a5\u20a0-\u20c0"
# Such a sign, a space, and its number: the page holds the two together with a no-break
# space, so a narrow screen does not end a line on the sign. Only the page: the curator's
# files and the sources keep their space.
_SIGN_APART = re.compile(rf"(?<![\w{_SIGNS}])((?:[A-Z]{{1,3}})?[{_SIGNS}])[ \t]+"
                         r"(?=[-+\u2212]?\d)")
# A number's thousands grouped with a plain space ("12 000 usagers"), and a sign or a
# percent written after a number with one, a scale of Quebec's or France's before the
# sign ("12 000 $", "450 M$", "1,5 Md€", "12 %"): the page holds them with a no-break
# space, so a phone does not break "12 / 000" or "120 / M$" over two lines.
_GROUP_APART = re.compile(r"(?<![\d.,])(\d{1,3})((?:[ \t]\d{3})+)(?![\d\w])")
_AFTER_APART = re.compile(rf"(?<=\d)[ \t]+(?=(?:k|M|G|Mds?)?[{_SIGNS}%](?!\w))")
# What `md_escape` changes: white space other than single and no-break spaces, the
# characters it escapes, a sign written apart from its number, a number's groups or sign
# written apart. Most names, titles and labels hold none of them and are returned as they
# are.
_NOT_PLAIN = re.compile(r"[\\`*_\[\]{}|#<>&]|\s\s|[^\S \u00a0\u2007\u202f]|"
                        rf"[{_SIGNS}][ \t]|\d[ \t](?:\d{{3}}|(?:k|M|G|Mds?)?[{_SIGNS}%])")


def _spaced(text: str) -> str:
    """Breaking white space as one space, a currency sign written before a number with a
    space bound to it ("R$\u00a0300 milhões"), and a number's groups and a sign after it
    likewise ("12\u00a0000\u00a0$")."""
    text = _SIGN_APART.sub("\\1\u00a0", _BREAKING_SPACE.sub(" ", text))
    text = _GROUP_APART.sub(lambda m: m.group(1) + re.sub(r"[ \t]", "\u00a0", m.group(2)),
                            text)
    return _AFTER_APART.sub("\u00a0", text)


def md_escape(text: str, *, line_start: bool = True) -> Markup:
    """Escape for both HTML and Markdown; the result renders as exactly `text`, its
    breaking white space as one space and a currency sign written apart from its number
    held to it (`_spaced`)."""
    text = str(text)
    if not _NOT_PLAIN.search(text) and not (line_start and _MD_LINE_START.match(text)):
        return Markup(text)
    # quote=False: `&#x27;` would put a `#` into the text, which we then escape.
    escaped = html.escape(_spaced(text), quote=False)
    escaped = _MD_ANYWHERE.sub(r"\\\1", escaped)
    if line_start:
        escaped = _MD_LINE_START.sub(
            lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}",
            escaped)
    return Markup(escaped)


def attr(text: str) -> Markup:
    """Text inside raw HTML in Markdown: an attribute value, or the text of an element.
    Python-Markdown still reads links, code spans and attribute lists inside raw inline
    HTML (even inside a quoted attribute), and not at all inside an HTML block, so
    backslashes would be wrong in one place or the other. Character references are
    right in both: HTML escaping, and every character Markdown gives a meaning to
    written as `&#NN;`, which Markdown passes through and the browser reads back."""
    escaped = html.escape(_spaced(str(text).strip()), quote=True)
    if _MD_IN_HTML.search(escaped):
        escaped = escaped.translate(_MD_IN_HTML_REFS)
    return Markup(escaped)


def link(label: Markup | str, href: str, css_class: str = "", lang: str = "") -> Markup:
    """A Markdown link to a page of the site (`relative`, `#anchor`): built from ids,
    which are slugs; anything else in `href` is percent-encoded so that it cannot end
    the link. Links off the site go through `external_link`. `lang`: the language of its
    words, when they are a source's (a validated tag)."""
    label_md = label if isinstance(label, Markup) else md_escape(label)
    suffix = attributes(css_class, lang) if css_class or lang else ""  # (most have none)
    return Markup(f"[{label_md}]({_internal_href(href)}){suffix}")


def attributes(css_class: str = "", lang: str = "") -> Markup:
    """A Markdown attribute list of classes and a language with its direction
    (`{.cite lang=sv dir=ltr}`, `{lang=ar dir=rtl}`), or nothing. The direction goes with
    the language, whatever the page's: an Arabic quote reads right to left on an English
    page, an English one left to right on an Arabic page (`language.direction`)."""
    parts = [*(f".{attr_token(c)}" for c in css_class.split(" ") if c),
             *((f"lang={attr_token(lang)}", f"dir={direction(lang)}") if lang else ())]
    return Markup("{" + " ".join(parts) + "}" if parts else "")


def attr_token(value: str) -> str:
    """A class or id written into a Markdown attribute list (`{.name}`, `{#name}`). The
    list has no escaping at all (a space starts another attribute), so only a token of
    letters, digits, `-` and `_` is written; these come from ids and fixed names, and
    anything else is a fault in Briefing, refused rather than published."""
    if not _TOKEN.match(value):
        raise ValueError(f"not a class or id token: {value!r}")
    return value


def _internal_href(href: str) -> str:
    return href if _INTERNAL_HREF.match(href) else quote(href, safe="/#%")


def external_link(label: str, url: str) -> Markup:
    """The one way an address off the site (a source's `url:`, or one made from it, as a
    text fragment link) reaches a page: raw HTML, every character escaped for it. The
    address must already be in the normal form `urls.normalise` gives; anything else is
    a fault in Briefing, refused rather than published."""
    if not SAFE_URL.match(url):
        raise ValueError(f"not a normalised http(s) address: {url!r}")
    return Markup(f'<a class="external" href="{attr(url)}">{attr(label)}</a>')


def relative(from_page: str, target: str) -> str:
    """A relative `.md#anchor` link, which MkDocs checks and rewrites for its URLs."""
    path, _, anchor = target.partition("#")
    rel = _relpath(path, posixpath.dirname(from_page)) if path else ""
    return f"{rel}#{anchor}" if anchor else rel


def _relpath(path: str, start: str) -> str:
    # Page paths are plain relative paths; posixpath.relpath would call abspath (and so
    # getcwd) on both for each of the hundreds of thousands of links in a large site.
    if not any(part in ("", ".", "..") for part in (*path.split("/"), *start.split("/"))):
        up = start.split("/")
        down = path.split("/")
        common = 0
        while common < min(len(up), len(down)) and up[common] == down[common]:
            common += 1
        if common < len(down):  # else `path` is a folder above `start`: left to relpath
            return "/".join([".."] * (len(up) - common) + down[common:])
    return posixpath.relpath(path, start or ".")


def format_date(date: FuzzyDate | None, *, words: Wording | None = None) -> str:
    """A date to the precision the evidence gives: "5 Mar 2025", "about Sep 2025", "2025",
    "date unknown"; in `words`' language when it is not English ("5 mars 2025")."""
    if words is not None and not words.english:
        return _worded_date(date, words)
    if date is None or date.year is None:
        return "date unknown"
    if date.month is None:
        text = str(date.year)
    elif date.day is None:
        text = f"{MONTHS[date.month - 1]} {date.year}"
    else:
        text = f"{date.day} {MONTHS[date.month - 1]} {date.year}"
    return f"about {text}" if date.about else text


def _worded_date(date: FuzzyDate | None, words: Wording) -> str:
    if date is None or date.year is None:
        # Translators: a source's publication date that is not known.
        return words.gettext("date unknown")
    if date.month is None:
        text = str(date.year)
    else:
        text = words.month_year(datetime.date(date.year, date.month, date.day or 1),
                                with_day=date.day is not None)
    # Translators: an approximate date, "about Sep 2025".
    return words.gettext("about %(date)s", date=text) if date.about else text


def date_html(date: FuzzyDate | None, *, words: Wording | None = None) -> Markup:
    """`<time>` with the precision the evidence gives, flagged when inferred. Wherever it
    shows, an inferred date's label carries the curator's reasoning (its basis) for its
    tooltip: a label saying only that the date was inferred left the reader asking why."""
    words = words or Wording()  # (English: the messages as written)
    if date is None or date.year is None:
        unknown = marked(html.escape(words.gettext("date unknown")), {}, foreign=words.foreign)
        out = f'<span class="date-unknown">{unknown}</span>'
        if date is not None and date.basis:
            out = f'<span class="date-unknown" title="{attr(date.basis)}">{unknown}</span>'
        return Markup(out)
    out = (f'<time datetime="{date.iso}"{words.marks}>'
           f'{html.escape(format_date(date, words=words))}</time>')
    if date.inferred:
        # (A basis is required of an inferred date; the fallback is for a corpus not checked.)
        title = date.basis or words.gettext("Inferred by the curator, not stated in the text")
        # Translators: beside a date the curator inferred, not one the source states.
        label = html.escape(words.gettext("inferred"))
        out += _inferred_label("date-inferred", title, label, words)
    return Markup(out)


def _inferred_label(wrapper: str, title: str, label: str, words: Wording) -> str:
    """The "inferred" label with the curator's reasoning as its tip (features.js makes it
    focusable). The space is the wrapper's, which the search index leaves out with the
    label: an excerpt read "about Sep 2025 : DeepSeek discloses..." without it. The label
    alone is marked English where it is (the tip is the curator's words)."""
    return (f'<span class="{wrapper}"> <span class="inferred" title="{attr(title)}">'
            f'{marked(label, {}, foreign=words.foreign)}</span></span>')


def subject_mark(tip: str | None, *, words: Wording | None = None) -> Markup:
    """After a figure's subject that is the curator's reading (`tip` its basis, or "" for
    none given), the label that says so; nothing after one the source names (None)."""
    if tip is None:
        return Markup("")
    words = words or Wording()
    # Translators: the tip of the label beside a figure's subject the curator inferred,
    # when they gave no reason.
    title = tip or words.gettext("The curator's reading: the source does not say what "
                                 "the figure is about")
    # Translators: beside the entity a figure is about ("512 chips (DeepSeek-R1
    # inferred)") when the curator paired them, not the source; "inferred" beside a date
    # is another message.
    label = html.escape(words.pgettext("figure subject", "inferred"))
    return Markup(_inferred_label("subject-inferred", title, label, words))


def subject_text(name: str, tip: str | None, *, words: Wording | None = None) -> str:
    """A subject's name as plain text (a chart's words), marked when the curator's reading."""
    if tip is None:
        return name
    words = words or Wording()
    # Translators: a figure's subject the curator inferred, in a chart: "DeepSeek-R1
    # (inferred)".
    return words.pgettext("figure subject", "%(subject)s (inferred)", subject=name)


# The sign a page writes for a figure's currency code; any other code is written after
# the number ("120 milhões CHF"). BRL is what `briefing new` suggests for a Brazilian "R$".
CURRENCY = MappingProxyType({"USD": "$", "EUR": "\u20ac", "GBP": "\u00a3", "BRL": "R$"})
_SCALES = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"),
           (Decimal(10) ** 6, "million"))


def format_number(value: Decimal, *, words: Wording | None = None) -> str:
    """A number as a page writes it: whole millions, billions and trillions in words
    ("1.5 billion", "1,5 milliard"), with no more than two decimals of the scale (else
    written out whole, so no digit the corpus gives is lost); in `words`' language when
    it is not English."""
    if words is not None and not words.english:
        return _worded_number(value, words)
    for size, word in _SCALES:
        if abs(value) >= size:
            scaled = value / size
            if scaled == scaled.quantize(Decimal("0.01")):
                return f"{format(scaled.normalize(), 'f')} {word}"
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return format(value.normalize(), "f")


def _worded_number(value: Decimal, words: Wording) -> str:
    # CLDR's words always take the largest scale: only a number two decimals of it write
    # exactly is given so ("1234.56 million" is not "1,23 milliard").
    size = next((size for size, _ in _SCALES if abs(value) >= size), None)
    if size is not None:
        scaled = value / size
        if scaled == scaled.quantize(Decimal("0.01")):
            in_words = words.scaled(value)
            if in_words is not None:
                return in_words
    return words.number(value.normalize())


def format_amount(low: Decimal, high: Decimal, unit: str, qualifier: str = "exactly", *,
                  words: Wording | None = None) -> str:
    """An amount with its currency or unit and its qualifier, which every language keeps
    ("up to $6 million", "jusqu'à 6 millions $")."""
    if words is not None and not words.english:
        return _worded_amount(low, high, unit, qualifier, words)
    symbol = CURRENCY.get(unit.upper()) or ""
    if low == high:
        number = f"{symbol}{format_number(low)}"
    else:
        a, b = format_number(low), format_number(high)
        a_num, _, a_word = a.partition(" ")
        _, _, b_word = b.partition(" ")
        # One scale word covers both ends ("$900 to 950 million"); with two, the currency is
        # repeated, or "£900 million to 1.1 billion" reads as if the upper end had none.
        number = f"{symbol}{a_num}\u2013{b}" if a_word == b_word \
            else f"{symbol}{a}\u2013{symbol}{b}"
    text = number if symbol else f"{number} {unit}"
    return qualified(qualifier, text, Wording())


def _worded_amount(low: Decimal, high: Decimal, unit: str, qualifier: str,
                   words: Wording) -> str:
    # (The site's region's own signs first: "$" is CAD on a `fr-CA` site, USD "$ US".)
    symbol = words.signs.get(unit.upper()) or CURRENCY.get(unit.upper()) or ""

    def money(number: str) -> str:
        # (Where the region's side for a currency is not its language's, the region's:
        # "$40,000" and "CHF 40'000" on `es-MX` and `de-CH` sites, `Wording.placed`.)
        placed = words.placed(symbol or unit, number) if symbol or is_code(unit) else None
        if placed is not None:
            return placed
        # Translators: an amount of money: a currency symbol ($, €, £) and a number.
        return words.gettext("%(symbol)s%(number)s", symbol=symbol, number=number) \
            if symbol else f"{number} {unit}"

    if low == high:
        text = money(format_number(low, words=words))
    else:
        a = format_number(low, words=words)
        b = format_number(high, words=words)
        a_num, _, a_word = a.partition(" ")
        _, _, b_word = b.partition(" ")
        # One scale word covers both ends, as in English; with two, each end has its own.
        text = money(f"{a_num}\u2013{b}") if a_word and a_word == b_word \
            else f"{money(a)}\u2013{money(b)}"
    return qualified(qualifier, text, words)


def qualified(qualifier: str, text: str, words: Wording) -> str:
    """An amount with its qualifier, in `words`' language: a hedge is never dropped."""
    # Translators: the qualifiers of a figure's value; each keeps its hedge ("jusqu'à").
    messages = {"about": words.gettext("about %(amount)s", amount=text),
                "under": words.gettext("under %(amount)s", amount=text),
                "over": words.gettext("over %(amount)s", amount=text),
                "up-to": words.gettext("up to %(amount)s", amount=text),
                "at-least": words.gettext("at least %(amount)s", amount=text)}
    return messages.get(qualifier, text)


# "U.S.", "Å." (an initial) or "Mr." ends in a full stop that is the abbreviation's, not
# the sentence's.
ABBREVIATION = re.compile(rf"(?:\b{CAPITAL_CLASS}\.)+$"
                          r"|\b(?:Mr|Mrs|Ms|Dr|Prof|Inc|Corp|Ltd|Co|St|vs|etc)\.$")
# The longest text `ABBREVIATION` needs before a full stop ("Prof."); looking only that far
# back keeps a search linear (`\b` still sees the character before the window).
ABBREVIATION_WINDOW = 8


def unstopped(sentence: str) -> str:
    """A sentence as an item of a list joined with "; ", without its full stop, which
    would stand before the semicolon ("for under $6 million.;"). An abbreviation keeps
    its own ("U.S.;"), as does an ellipsis."""
    end = len(sentence) - 1
    if not sentence.endswith(".") or sentence.endswith("..") \
            or ABBREVIATION.search(sentence, max(0, end - ABBREVIATION_WINDOW), end + 1):
        return sentence
    return sentence[:-1]


# A double quotation mark inside a quote: straight, or typographic, whose single form has
# the same shape (left, right, and the German low one). Guillemets do not clash with the
# curly double quotes around the quote, so they stay.
_INNER_DOUBLE = re.compile(r'["\u201c\u201d\u201e]')
_SINGLE_OF = MappingProxyType({"\u201c": "\u2018", "\u201d": "\u2019", "\u201e": "\u201a"})
# What an opening mark follows: the start, a space, a bracket or a dash.
_OPENS_AFTER = frozenset("([{\u2014\u2013-/")


def curly_quoted(text: str, *, words: Wording | None = None) -> str:
    """A quote as shown between the page's quotation marks (curly double quotes in
    English, guillemets in French): the double quotes inside it become curly single ones,
    as nesting asks, instead of straight ones within curly ones. Only the display changes:
    the quote's own text is what is checked against its source. The marks are the page's
    language's, as a newspaper quoting a speech in another language sets its own."""
    def single(match: re.Match[str]) -> str:
        mark, at = match.group(), match.start()
        if mark != '"':
            return _SINGLE_OF[mark]
        before = text[at - 1] if at else " "
        return "\u2018" if before.isspace() or before in _OPENS_AFTER else "\u2019"
    inner = _INNER_DOUBLE.sub(single, text)
    if words is None or words.english:
        return f"\u201c{inner}\u201d"
    # Translators: a quote from a source between the language's quotation marks
    # ("« … »", "„…“"), with their spacing.
    return words.gettext("\u201c%(quote)s\u201d", quote=inner)


def plural(count: int, singular: str, plural_form: str = "") -> str:
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


# A word of a name: a run of letters and digits ("DeepSeek-V3" is DeepSeek and V3).
_NAME_WORD = re.compile(r"[^\W_]+")


def name_spellings(names: Iterable[str]) -> dict[str, str]:
    """Each word of these names, folded, with its spelling in the first name that holds
    it ("deepseek" -> "DeepSeek"): how a topic's words are written (`topic_label`). The
    site gives the entities' names in the order of their ids."""
    spellings: dict[str, str] = {}
    for name in names:
        for word in _NAME_WORD.findall(name):
            spellings.setdefault(word.casefold(), word)
    return spellings


def topic_label(slug: str, spellings: Mapping[str, str]) -> str:
    """A topic's slug as words: humanised ("Training chips"), but a word that is a word of
    an entity's name keeps the name's spelling (`name_spellings`: "deepseek-efficiency"
    is "DeepSeek efficiency"), since a slug cannot say how its words are spelled."""
    words = humanise(slug).split(" ")
    return " ".join(spellings.get(word.casefold(), word) for word in words)


def humanise(slug: str) -> str:
    return slug.replace("-", " ").capitalize()


def in_sentence(name: str) -> str:
    """A name that starts a heading ("Training cost", "Subsídio anual"), as a sentence
    writes it after its first word: its first letter in lower case, unless the first word
    is written with other capitals too ("GPU hours", "DeepSeek efficiency")."""
    first = name.split(" ", 1)[0]
    if first[1:] != first[1:].lower():
        return name
    return name[:1].lower() + name[1:]


# Kinds whose plural is not the name with an "s" (`model.ENTITY_KINDS`).
_KIND_PLURALS = MappingProxyType({"person": "People", "country": "Countries", "other": "Other"})


def kind_heading(kind: str, *, words: Wording | None = None) -> str:
    """The heading over the entities of one kind: "Chips", "Countries", "People"; in
    `words`' language when it is not English."""
    if words is not None and not words.english:
        return kind_headings(words).get(kind) or humanise(kind)
    return _KIND_PLURALS.get(kind) or f"{humanise(kind)}s"


def kind_headings(words: Wording) -> dict[str, str]:
    """The headings of `kind_heading` in `words`' language, by kind (`model.ENTITY_KINDS`)."""
    # (Babel gives a translators' comment to the message on the line after it only.)
    return {
        # Translators: the heading over the entities of one kind, in the entities index.
        "person": words.gettext("People"),
        # Translators: the heading over the entities of one kind, in the entities index.
        "organisation": words.gettext("Organisations"),
        # Translators: the heading over the entities of one kind, in the entities index.
        "country": words.gettext("Countries"),
        # Translators: the heading over the entities of one kind, in the entities index.
        "model": words.gettext("Models"),
        # Translators: the heading over the entities of one kind, in the entities index.
        "chip": words.gettext("Chips"),
        # Translators: the heading over the entities of one kind, in the entities index.
        "product": words.gettext("Products"),
        # Translators: the heading over the entities of one kind, in the entities index.
        "project": words.gettext("Projects"),
        # Translators: the heading over the entities of one kind, in the entities index.
        "publication": words.gettext("Publications"),
        # Translators: the heading over the entities of one kind, in the entities index.
        "group": words.gettext("Groups"),
        # Translators: the heading over the entities of one kind, in the entities index.
        "other": words.gettext("Other"),
    }
