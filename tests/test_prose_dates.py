"""`prose-date-unsourced`: a calendar date in the curator's prose is held to the dates its
quotes write, its sources' `published:` and its claims' events' `when:`, by value at the
precision the prose writes, in each language the date reader knows."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_helpers import minimal_corpus, write_tree

from briefing.givendates import reader
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
    # A year alone is a number, the figure check's; a day without its year is not compared.
    ("a year alone", (point("In 2026, " + POINT),), "en"),
    ("a day without its year", (point("On 4 March, " + POINT),), "en"),
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
    ("en", "3 March", None),
    ("en", "31 February 2025", None),
])
def test_the_reader_gives_each_date_its_value(tag: str, text: str,
                                              read: tuple[tuple[int, int, int | None], ...]
                                              | None) -> None:
    found = reader(written_in(tag).dates, tag).read(text)
    assert [readings for _, _, readings in found] == ([read] if read else [])
