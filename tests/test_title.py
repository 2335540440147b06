"""The title `briefing new` suggests: the first line that reads as a headline, and the
starter's word on which line that was (docs/content-model.md, "Starting a source")."""

from __future__ import annotations

import pytest

from briefing.starter import title_origin
from briefing.suggest import TitleFound, find_title

HEADLINE = "Offshore wind farm delayed by two years"


@pytest.mark.parametrize(("first", "title"), [
    # Datelines: a name of any length before a date, after a separator, or after it.
    ("Northern Energy Post, 14 April 2025", HEADLINE),
    ("Riverton Courier, 3 March 2025", HEADLINE),
    ("The Times of India | Monday, 14 April 2025, 09:30 IST", HEADLINE),
    ("LONDON, April 14, 2025", HEADLINE),
    ("14 April 2025 \u2014 Northern Energy Post", HEADLINE),
    ("Northern Energy Post, April 2025", HEADLINE),
    # A date alone, with a weekday, a time or a label.
    ("14 April 2025", HEADLINE),
    ("Monday, 14 April 2025", HEADLINE),
    ("2025-04-14", HEADLINE),
    ("Updated: 14 April 2025 at 10:32 BST", HEADLINE),
    # Labels, in capitals or ending in a colon, and press-release furniture.
    ("PRESS RELEASE", HEADLINE),
    ("FOR IMMEDIATE RELEASE", HEADLINE),
    ("For immediate release", HEADLINE),
    ("NEWS FROM THE COUNCIL", HEADLINE),
    ("Summary:", HEADLINE),
    # Bylines, with or without a role or a date after them.
    ("By Jane Doe", HEADLINE),
    ("by Jane van der Berg and John Roe", HEADLINE),
    ("By Jane Doe, energy correspondent", HEADLINE),
    ("By Jane Doe | 14 April 2025", HEADLINE),
    ("Written by J. R. Smith", HEADLINE),
    # Page furniture of two words or fewer.
    ("Smiley face", HEADLINE),
    # Headlines, though they hold dates, commas or capitals: a date the sentence runs
    # into is kept; one after a separator is a marker, left out.
    ("Prices rise 5%, says Acme, as of 3 March 2025",
     "Prices rise 5%, says Acme, as of 3 March 2025"),
    ("Prices rise 5%, says Acme, 3 March 2025", "Prices rise 5%, says Acme"),
    ("3 March 2025 was the day Acme fell", "3 March 2025 was the day Acme fell"),
    ("date 2025-02-15 Widget prices climb again", "Widget prices climb again"),
    ("Published 15 February 2025. Acme raises widget price", "Acme raises widget price"),
    ("By Christmas, prices will double", "By Christmas, prices will double"),
    ("By 2030 half of new cars will be electric", "By 2030 half of new cars will be electric"),
    ("Wind farm delayed until March 2027", "Wind farm delayed until March 2027"),
    ("OFFSHORE WIND FARM DELAYED BY TWO YEARS", "OFFSHORE WIND FARM DELAYED BY TWO YEARS"),
    ("Bank of England raises rates", "Bank of England raises rates"),
    ("Press release: Acme buys Widgetco", "Press release: Acme buys Widgetco"),
    # A script without capitals is never a line of capitals.
    ("\u6df1\u5ea6\u6c42\u7d22 \u53d1\u5e03 R1 \u6a21\u578b",
     "\u6df1\u5ea6\u6c42\u7d22 \u53d1\u5e03 R1 \u6a21\u578b"),
])
def test_the_first_line_that_reads_as_a_headline_is_the_title(first: str, title: str) -> None:
    assert find_title(f"{first}\n\n{HEADLINE}\n\nThe project will be delayed.\n").text \
        == title


def test_the_title_says_which_line_it_came_from_and_what_was_passed_over() -> None:
    text = ("PRESS RELEASE\nFOR IMMEDIATE RELEASE\n\nNorthern Energy Post, 14 April 2025\n"
            "By Jane Doe\n\nAcme buys Widgetco\n")
    found = find_title(text)
    assert found == TitleFound("Acme buys Widgetco", 7,
                               ("label", "label", "dateline", "byline"), False)
    assert title_origin(found) == \
        "line 7 of the article, after 2 labels, a dateline and a byline"


@pytest.mark.parametrize(("text", "origin"), [
    (f"{HEADLINE}\nBody.\n", "the article's first line"),
    (f"\n\n{HEADLINE}\n", "line 3 of the article, its first"),
    (f"Northern Energy Post, 14 April 2025\n\n{HEADLINE}\n",
     "line 3 of the article, after a dateline"),
    ("date 2025-02-15 Widget prices climb again\n", "the article's first line, less its date"),
    # Every line furniture: the first is taken, less its date; none at all gives the id.
    ("Smiley face\nIndex\n", "the article's first line"),
    ("14 April 2025\n", "the source's id, as no line of the article reads as a headline"),
])
def test_the_starter_names_the_line_the_title_came_from(text: str, origin: str) -> None:
    assert title_origin(find_title(text)) == origin


def test_a_long_run_of_spaces_is_searched_for_a_date_in_linear_time() -> None:
    # The end of a line is searched for a date marker, never all of it.
    line = "Acme" + " " * 200_000 + "x, 14 April 2025"
    assert find_title(line).text.endswith("x")
