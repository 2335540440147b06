"""`prose-date-unsourced`: a calendar date in the curator's prose is held to the dates its
quotes write, its sources' `published:` and its claims' events' `when:`, by value at the
precision the prose writes, in each language the date reader knows."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_helpers import minimal_corpus, write_tree

from briefing.givendates import Dated, reader
from briefing.numbers import written_in
from briefing.pipeline import build

BRIEF = "briefs/widget.yml"
POINT = "Acme says the widget costs $5 million."
Edit = tuple[str, str, str]


def quoting(words: str) -> tuple[Edit, Edit]:
    """The cited quote, and its article, with `words` after its figure."""
    return (("sources/acme-widget.txt", "costs $5 million.", f"costs $5 million {words}."),
            ("sources/acme-widget.yml", "its widget costs $5 million",
             f"its widget costs $5 million {words}"))


def point(text: str) -> Edit:
    return (BRIEF, POINT, text)


def in_language(tag: str) -> Edit:
    """The source written in `tag`'s language (its quote read as that language writes)."""
    return ("sources/acme-widget.yml", 'published: "2025-01-02"\n',
            f'published: "2025-01-02"\nlanguage: {tag}\n')


def findings(tmp_path: Path, edits: tuple[Edit, ...], language: str = "en"
             ) -> list[tuple[str, str, str]]:
    """(path:line:col, message, hint) of each `prose-date-unsourced` of the minimal corpus
    with `edits`, on a site in `language`."""
    files = dict(minimal_corpus())
    for name, old, new in edits:
        text = files[name]
        assert isinstance(text, str) and old in text, (name, old)
        files[name] = text.replace(old, new, 1)
    content = write_tree(tmp_path / "content", files)
    return [(str(d.pos).removeprefix(content.as_posix() + "/"), d.message, d.hint)
            for d in build(content, language=language).diagnostics
            if d.code == "prose-date-unsourced"]


# (case, edits, site language, where, words of the message)
CATCHES = [
    ("a day the quote does not write",
     (*quoting("since 4 March 2025"), point("On 3 March 2025, " + POINT)), "en",
     f"{BRIEF}:6:19", '"3 March 2025"'),
    ("a month the quote does not write",
     (*quoting("since March 2025"), point("Since April 2025, " + POINT)), "en",
     f"{BRIEF}:6:22", "its quotes write 2025-03"),
    # "March 2025" does not say which day: it backs no "4 March 2025".
    ("a day where the quote gives the month only",
     (*quoting("since March 2025"), point("Since 4 March 2025, " + POINT)), "en",
     f"{BRIEF}:6:22", '"4 March 2025"'),
    ("a day the quote gives as a weekday",
     (*quoting("since Tuesday"), point("Since 7 January 2025, " + POINT)), "en",
     f"{BRIEF}:6:22", "its sources were published 2025-01-02"),
    ("a German day", (*quoting("seit dem 4. März 2025"),
                      point("Seit dem 3. März 2025: " + POINT)), "de",
     f"{BRIEF}:6:25", '"3. März 2025"'),
    ("a German day in digits", (*quoting("seit dem 4. März 2025"),
                                point("Seit dem 3.3.2025: " + POINT)), "de",
     f"{BRIEF}:6:25", '"3.3.2025"'),
    ("a French first of the month", (*quoting("depuis le 2 mars 2025"),
                                     point("Depuis le 1er mars 2025, " + POINT)), "fr",
     f"{BRIEF}:6:26", '"1er mars 2025"'),
    ("a Spanish month", (*quoting("desde el 4 de marzo de 2025"),
                         point("Desde abril de 2025, " + POINT)), "es",
     f"{BRIEF}:6:22", '"abril de 2025"'),
    ("a Chinese day", (*quoting("自2025年3月4日起"), point("2025年3月3日起\uff0c" + POINT)), "zh",
     f"{BRIEF}:6:16", '"2025年3月3日"'),
    ("a Hungarian day", (*quoting("2025. március 4. óta"),
                         point("2025. március 3. óta: " + POINT)), "hu",
     f"{BRIEF}:6:16", '"2025. március 3"'),
    ("in a claim statement",
     (*quoting("since 4 March 2025"),
      ("claims.yml", "costs $5 million.", "costs $5 million since 5 March 2025.")), "en",
     "claims.yml:3:72", "claim statement"),
    ("in an event label",
     (("claims.yml", "announces the widget's price.",
       "announces the widget's price on 9 February 2025."),), "en",
     "claims.yml:13:64", "its claims' events are dated 2025-01"),
    # The point does not name the claim whose event is dated so.
    ("a claim's event the point does not name",
     (("claims.yml", 'date: "2025-01"', 'date: "2025-02"'),
      (BRIEF, "claims: [widget-cost-5m]\n", "\n"), point("In February 2025, " + POINT)),
     "en", f"{BRIEF}:6:19", '"February 2025"'),
    ("in a brief summary",
     ((BRIEF, "an analyst doubts it.", "an analyst doubts it since June 2025."),), "en",
     f"{BRIEF}:2:87", "brief summary"),
    # A day without its year is held to the month and day of each date given.
    ("a day without its year the quote does not write",
     (*quoting("since 4 March 2025"), point("On 5 March, " + POINT)), "en",
     f"{BRIEF}:6:19", '"5 March" is not a date'),
    ("a day without its year, month first",
     (*quoting("since 4 March 2025"), point("Since March 5th, " + POINT)), "en",
     f"{BRIEF}:6:22", "its quotes write 2025-03-04"),
    ("a German day without its year", (*quoting("seit dem 4. März 2025"),
                                       point("Seit dem 5. März: " + POINT)), "de",
     f"{BRIEF}:6:25", '"5. März"'),
    ("a French day without its year", (*quoting("depuis le 4 mars 2025"),
                                       point("Depuis le 5 mars, " + POINT)), "fr",
     f"{BRIEF}:6:26", '"5 mars"'),
    ("a day without its year where the quote gives the month only",
     (*quoting("since March 2025"), point("On 4 March, " + POINT)), "en",
     f"{BRIEF}:6:19", '"4 March"'),
    # A range is held to each of its ends.
    ("a range's end the quote does not write",
     (*quoting("from 3 to 4 March 2025"), point("From 3\u20135 March 2025, " + POINT)), "en",
     f"{BRIEF}:6:21", "events give (its end 2025-03-05 is not; its quotes write 2025-03-03, "
                      "2025-03-04"),
    ("a range's start the quote does not write",
     (*quoting("since 4 March 2025"), point("From 3 to 4 March 2025, " + POINT)), "en",
     f"{BRIEF}:6:21", '"3 to 4 March 2025" is not a date range'),
    ("a range, month first", (*quoting("since March 3, 2025"),
                              point("On March 3\u20135, 2025, " + POINT)), "en",
     f"{BRIEF}:6:19", '"March 3\u20135, 2025"'),
    ("a range without its year", (*quoting("on 3 March 2025"), point("On 3-5 March, " + POINT)),
     "en", f"{BRIEF}:6:19", "(its end --03-05 is not"),
    ("a range over two months",
     (*quoting("on 3 March 2025"), point("From 27 February to 3 March 2025, " + POINT)), "en",
     f"{BRIEF}:6:21", "(its end 2025-02-27 is not"),
    ("a German range", (*quoting("seit dem 3. März 2025"),
                        point("Vom 3. bis 5. März 2025: " + POINT)), "de",
     f"{BRIEF}:6:20", '"3. bis 5. März 2025"'),
    ("a French range", (*quoting("depuis le 5 mars 2025"),
                        point("Du 3 au 5 mars 2025, " + POINT)), "fr",
     f"{BRIEF}:6:19", '"3 au 5 mars 2025"'),
    ("a Spanish range", (*quoting("desde el 5 de marzo de 2025"),
                         point("Del 3 al 5 de marzo de 2025, " + POINT)), "es",
     f"{BRIEF}:6:20", "(its end 2025-03-03 is not"),
]


@pytest.mark.parametrize("case", CATCHES, ids=[c[0] for c in CATCHES])
def test_a_date_no_source_gives_is_caught_at_its_words(
        case: tuple[str, tuple[Edit, ...], str, str, str], tmp_path: Path) -> None:
    _, edits, language, where, named = case
    found = findings(tmp_path, edits, language)
    assert [at for at, _, _ in found] == [where], found
    assert named in found[0][1], found


# (case, edits, site language)
PASSES = [
    ("the day written otherwise",
     (*quoting("since March 4, 2025"), point("Since 4 March 2025, " + POINT)), "en"),
    ("the day in digits", (*quoting("since 2025-03-04"), point("Since 4 March 2025, " + POINT)),
     "en"),
    # Day or month first: either reading backs it.
    ("the month of a day in digits either way",
     (*quoting("since 3/4/2025"), point("Since March 2025, " + POINT)), "en"),
    ("the month of a day", (*quoting("since 4 March 2025"), point("Since March 2025, " + POINT)),
     "en"),
    ("the day the source was published", (point("On 2 January 2025, " + POINT),), "en"),
    ("the month of its claim's event",
     (("claims.yml", 'date: "2025-01"', 'date: "2025-02"'),
      point("In February 2025, " + POINT)), "en"),
    # An inferred date counts: its `basis:` says how the curator found it.
    ("the day its source was inferred published",
     (("sources/acme-widget.yml", 'published: "2025-01-02"',
       'published: {date: "2025-01-05", inferred: true, basis: "The byline."}'),
      point("On 5 January 2025, " + POINT)), "en"),
    ("a German day from an English quote",
     (*quoting("since March 4, 2025"), point("Seit dem 4. März 2025: " + POINT)), "de"),
    ("a German day in digits", (*quoting("seit dem 4. März 2025"),
                                point("Seit dem 4.3.2025: " + POINT)), "de"),
    ("an Austrian month", (*quoting("since January 2025"),
                           point("Seit Jänner 2025: " + POINT)), "de-AT"),
    ("a day from a French quote on an English site",
     (*quoting("depuis le 1er mars 2025"), in_language("fr"),
      point("Since 1 March 2025, " + POINT)), "en"),
    ("a Spanish day", (*quoting("desde el 4 de marzo de 2025"),
                       point("Desde el 4 de marzo de 2025, " + POINT)), "es"),
    ("a Portuguese first of the month", (*quoting("desde 1.º de abril de 2025"),
                                         point("Desde 1.º de abril de 2025, " + POINT)), "pt"),
    ("a Chinese month", (*quoting("自2025年3月4日起"), point("2025年3月起\uff0c" + POINT)), "zh"),
    ("a Korean day", (*quoting("since 4 March 2025"), point("2025년 3월 4일부터 " + POINT)), "ko"),
    ("a Hungarian day", (*quoting("since 2025-03-04"),
                         point("2025. március 4. óta: " + POINT)), "hu"),
    ("a Vietnamese day", (*quoting("since 4 March 2025"),
                          point("Từ ngày 4 tháng 3 năm 2025, " + POINT)), "vi"),
    ("an event label's own when",
     (("claims.yml", "announces the widget's price.",
       "announces the widget's price in January 2025."),), "en"),
    ("a claim statement by its quote",
     (*quoting("since 4 March 2025"),
      ("claims.yml", "costs $5 million.", "costs $5 million since 4 March 2025.")), "en"),
    # A year alone is a number, the figure check's.
    ("a year alone", (point("In 2026, " + POINT),), "en"),
    # A day without its year: any date given with that month and day backs it.
    ("a day without its year", (*quoting("since 4 March 2025"), point("On 4 March, " + POINT)),
     "en"),
    ("a day without its year the quote writes so",
     (*quoting("since 4 March"), point("Since March 4, " + POINT)), "en"),
    ("a day without its year its source was published",
     (point("On 2 January, " + POINT),), "en"),
    ("a day without its year its claim's event is dated",
     (("claims.yml", 'date: "2025-01"', 'date: "2025-02-07"'),
      point("On 7 February, " + POINT)), "en"),
    ("a German day without its year from an English quote",
     (*quoting("since March 4, 2025"), point("Am 4. März: " + POINT)), "de"),
    ("a French day without its year", (*quoting("depuis le 4 mars 2025"),
                                       point("Le 4 mars, " + POINT)), "fr"),
    # Chinese, Japanese and Korean days without their year are not read.
    ("a Chinese day without its year", (*quoting("自2025年3月4日起"),
                                        point("3月5日起\uff0c" + POINT)), "zh"),
    # Not dates: "may" the verb, a capitalised "May" opening a sentence, "Marches".
    ("the verb may", (point("Acme may 4 times say the widget costs $5 million."),), "en"),
    ("May opening a sentence", (point("May 4 buyers pay it? " + POINT),), "en"),
    ("a word that begins with a month's name",
     (point("Acme says 4 Marches cost $5 million."),), "en"),
    # A range is backed by each of its ends, or by the same range written otherwise.
    ("a range the quote writes otherwise",
     (*quoting("from 3 to 5 March 2025"), point("On 3\u20135 March 2025, " + POINT)), "en"),
    ("a range by its ends", (*quoting("on 3 March 2025 and again on 5 March 2025"),
                             point("On March 3\u20135, 2025, " + POINT)), "en"),
    ("a range without its year", (*quoting("from 3 to 5 March 2025"),
                                  point("Between 3 and 5 March, " + POINT)), "en"),
    ("a range over two months",
     (*quoting("from 28 February 2025 until 3 March 2025"),
      point("From 28 February to 3 March 2025, " + POINT)), "en"),
    ("a German range from a French quote",
     (*quoting("du 3 au 5 mars 2025"), in_language("fr"),
      point("Vom 3. bis 5. März 2025: " + POINT)), "de"),
    ("an Italian range", (*quoting("dal 3 al 5 marzo 2025"),
                          point("Dal 3 al 5 marzo 2025, " + POINT)), "it"),
    ("a season", (point("In summer 2026, " + POINT),), "en"),
    # A point marked as the curator's inference is not held to its quotes' dates, as its
    # numbers are not.
    ("an inference", (point("On 9 March 2025, " + POINT),
                      (BRIEF, "claims: [widget-cost-5m]\n",
                       "claims: [widget-cost-5m]\n        inference: true\n")), "en"),
]


@pytest.mark.parametrize("case", PASSES, ids=[c[0] for c in PASSES])
def test_a_date_its_sources_give_passes(case: tuple[str, tuple[Edit, ...], str],
                                        tmp_path: Path) -> None:
    _, edits, language = case
    assert findings(tmp_path, edits, language) == []


def test_the_hint_says_what_backs_a_weekday(tmp_path: Path) -> None:
    """A quote's "on Tuesday" backs no calendar date: the hint says how to record the day
    it means."""
    [(_, _, hint)] = findings(tmp_path, (*quoting("since Tuesday"),
                                         point("Since 7 January 2025, " + POINT)))
    assert "inferred: true" in hint and "basis:" in hint and "inference: true" in hint, hint


@pytest.mark.parametrize(("tag", "text", "read"), [
    ("en", "March 4, 2025", ((2025, 3, 4),)),
    ("en", "the 4th of March 2025", ((2025, 3, 4),)),
    ("en", "Sept. 3, 2025", ((2025, 9, 3),)),
    ("en", "3/4/2025", ((2025, 4, 3), (2025, 3, 4))),
    ("en", "2025-03-04", ((2025, 3, 4),)),
    ("de", "3. März 2025", ((2025, 3, 3),)),
    ("es", "marzo del 2025", ((2025, 3, None),)),
    ("hu", "2025 márciusában", ((2025, 3, None),)),
    ("lt", "2025 m. kovo 3 d.", ((2025, 3, 3),)),
    ("vi", "tháng 12 năm 2024", ((2024, 12, None),)),
    ("ko", "2025. 3. 3.", ((2025, 3, 3),)),
    ("ja", "2025年1月27日", ((2025, 1, 27),)),
    ("en", "summer 2025", None),
    ("en", "3 March", ((None, 3, 3),)),
    ("de", "am 3. März", ((None, 3, 3),)),
    ("en", "29 February", ((None, 2, 29),)),
    ("en", "31 February 2025", None),
    ("en", "30 February", None),
    ("en", "in March", None),
    ("ja", "3月4日", None),
    ("en", "they may 4", None),
])
def test_the_reader_gives_each_date_its_value(tag: str, text: str,
                                              read: tuple[Dated, ...] | None) -> None:
    found = reader(written_in(tag).dates, tag).read(text)
    assert [ends for _, _, ends in found] == ([(read,)] if read else [])


@pytest.mark.parametrize(("tag", "text", "ends"), [
    ("en", "3\u20135 March 2025", ((2025, 3, 3), (2025, 3, 5))),
    ("en", "3-5 March", ((None, 3, 3), (None, 3, 5))),
    ("en", "March 3\u20135, 2025", ((2025, 3, 3), (2025, 3, 5))),
    ("en", "from 3 to 5 March 2025", ((2025, 3, 3), (2025, 3, 5))),
    ("en", "March 3 to April 5, 2025", ((2025, 3, 3), (2025, 4, 5))),
    # The start of a range over the new year is in the year before.
    ("en", "28 December \u2013 3 January 2026", ((2025, 12, 28), (2026, 1, 3))),
    ("de", "vom 3. bis 5. März 2025", ((2025, 3, 3), (2025, 3, 5))),
    ("de", "3.\u20135. März 2025", ((2025, 3, 3), (2025, 3, 5))),
    ("fr", "du 3 au 5 mars 2025", ((2025, 3, 3), (2025, 3, 5))),
    ("es", "del 3 al 5 de marzo de 2025", ((2025, 3, 3), (2025, 3, 5))),
    ("nl", "van 3 tot 5 maart 2025", ((2025, 3, 3), (2025, 3, 5))),
    ("pt", "de 3 a 5 de março de 2025", ((2025, 3, 3), (2025, 3, 5))),
])
def test_the_reader_gives_a_range_its_ends(tag: str, text: str,
                                           ends: tuple[Dated, Dated]) -> None:
    [(_, _, found)] = reader(written_in(tag).dates, tag).read(text)
    assert found == tuple((end,) for end in ends)


@pytest.mark.parametrize(("text", "read"), [
    # A number no day: part of a larger number or a decimal, or not before the last day.
    ("rose from 300 to 5 March", "5 March"),
    ("from 2.5 to 5 March", "5 March"),
    ("cut from 12 to 5 March", "5 March"),
    ("from $3 to 5 March", "5 March"),
    # A word after the last day without a year: no range ("March 3 to 5 percent").
    ("March 3 to 5 percent", "March 3"),
    # A last day the month has not: no range.
    ("February 27\u201330, 2025", "February 27"),
    # A capitalised "May" opening a sentence may be the verb; within one it is a month.
    ("May 4 more join? On May 4, they did.", "May 4"),
    # A month's abbreviation beginning a word joined by hyphens names something else.
    ("The 4 Mar-a-Lago talks, on 4 Mar.", "4 Mar"),
])
def test_numbers_near_a_date_that_are_no_range(text: str, read: str) -> None:
    found = reader(written_in("en").dates, "en").read(text)
    assert [text[start:end] for start, end, _ in found] == [read]


def test_the_days_of_a_range_are_no_figures(tmp_path: Path) -> None:
    """A range's first day is a date's, held to the sources by the date check,
    not a figure the quotes must give."""
    files = dict(minimal_corpus())
    files[BRIEF] = str(files[BRIEF]).replace(POINT, "On 3\u20135 March 2025, " + POINT)
    for name in ("sources/acme-widget.txt", "sources/acme-widget.yml"):
        files[name] = str(files[name]).replace(
            "costs $5 million", "costs $5 million from 3 March 2025 to 5 March 2025", 1)
    content = write_tree(tmp_path / "content", files)
    assert [d for d in build(content).diagnostics if d.code.startswith("prose-")] == []
