"""Briefing's English words marked on the pages of a site in another language
(`briefing/markedwords.py`): whole, or around a value written right to left."""

from __future__ import annotations

import pytest
from corpus_helpers import SEED

from briefing.markedwords import marked, unmarked
from briefing.pipeline import build
from briefing.wording import wording_for

EN = '<span lang="en" dir="ltr">'


@pytest.mark.parametrize(("message", "values", "expected"), [
    # Not foreign: as `%` gives it.
    ("Sources up to %(date)s", {"date": "5 Mar 2025"}, "Sources up to 5 Mar 2025"),
    ("100%% sure", {"n": 1}, "100% sure"),
    ("up to 100%", {}, "up to 100%"),  # (no values: as written, `%` and all)
])
def test_an_english_sites_words_are_not_marked(message: str, values: dict[str, object],
                                               expected: str) -> None:
    assert marked(message, values, foreign=False) == expected


@pytest.mark.parametrize(("message", "values", "expected"), [
    ("No figures recorded yet.", {}, f"{EN}No figures recorded yet.</span>"),
    # Values that are numbers, dates, English: the message is one phrase.
    ("Sources up to %(date)s", {"date": "<time>5 Mar 2025</time>"},
     f"{EN}Sources up to <time>5 Mar 2025</time></span>"),
    ("%(num)d claims", {"num": 3}, f"{EN}3 claims</span>"),
    # A value written right to left: the message's words around it, each run marked, the
    # spaces outside the marks.
    ("Claimed by %(name)s", {"name": "<a>وزير الزراعة</a>"},
     f"{EN}Claimed by</span> <a>وزير الزراعة</a>"),
    # Punctuation beside a value stays outside the marks, in the page's direction; an
    # apostrophe is inside a word.
    ("%(name)s's page lists every one.", {"name": "אבי"},
     f"אבי{EN}'s page lists every one</span>."),
    ("%(a)s, %(n)d%% of %(b)s", {"a": "שלום", "n": 5, "b": "x"},
     f"שלום, 5{EN}% of</span> x"),
    ("%(outlet)s, by %(author)s", {"outlet": "الجزيرة", "author": "أحمد علي"},
     f"الجزيرة, {EN}by</span> أحمد علي"),
    # A message of values alone has no words to mark: a Swedish outlet's name is no
    # English.
    ("%(outlet)s", {"outlet": "Dagens Nyheter"}, "Dagens Nyheter"),
    ("%(label)s: %(text)s", {"label": "Dagens Nyheter", "text": "x"}, "Dagens Nyheter: x"),
    ("Rests on a single source (%(source)s)", {"source": "الجزيرة"},
     f"{EN}Rests on a single source</span> (الجزيرة)"),
    # Right to left in a value's attribute (an inferred date's tip) counts too: the date
    # stays in the page's direction, and so does its tip.
    ("Published %(date)s", {"date": '<span title="بحسب أرشيف الموقع">Mar 2025</span>'},
     f'{EN}Published</span> <span title="بحسب أرشيف الموقع">Mar 2025</span>'),
])
def test_a_foreign_sites_words_are_marked(message: str, values: dict[str, object],
                                          expected: str) -> None:
    assert marked(message, values, foreign=True) == expected


def test_unmarked_gives_a_wholly_marked_messages_words_and_its_marks() -> None:
    assert unmarked(f"{EN}Speaker</span>") == ("Speaker", ' lang="en" dir="ltr"')
    assert unmarked("Speaker") == ("Speaker", "")
    # Marked in pieces, or holding another mark: not one message's words.
    both = f"{EN}a</span> x {EN}b</span>"
    assert unmarked(both) == (both, "")


def test_a_site_in_a_language_without_a_catalog_marks_the_words_and_nothing_else() -> None:
    """On a Swedish site the pages mark Briefing's words, in their HTML only: no mark is
    escaped into text, and none reaches a page's front matter (its title, description)
    or the feed. An English site's pages mark nothing."""
    swedish = build(SEED, site_title="Briefing", wording=wording_for("sv"))
    english = build(SEED, site_title="Briefing", wording=wording_for("en"))
    assert swedish.pages.keys() == english.pages.keys()
    for path, text in swedish.pages.items():
        assert "&lt;span" not in text and "&#60;span" not in text, path
        front = text.split("\n---\n", 1)[0] if text.startswith("---\n") else ""
        assert "<span" not in front, path
    for path in ("index.md", "briefs/deepseek-efficiency-claims.md", "figures.md"):
        assert f"{EN}No " in swedish.pages[path] or f"{EN}Sources up to" in \
            swedish.pages[path] or f"{EN}Every figure" in swedish.pages[path], path
    assert not any(EN in text for text in english.pages.values())
    assert not any(EN in text for path, text in swedish.files.items() if path.endswith(".xml"))
