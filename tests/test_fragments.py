"""Links to the passage in the original article: text fragments (`#:~:text=`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

import pytest

from briefing.fragments import (
    TextTarget,
    encode_term,
    fragment_url,
    target_in_original,
    text_directive,
)
from briefing.pipeline import build


@pytest.mark.parametrize(("text", "encoded"), [
    ("plain words", "plain%20words"),
    ("state-of-the-art", "state%2Dof%2Dthe%2Dart"),
    ("AT&T, Inc.", "AT%26T%2C%20Inc."),
    ("\u201cwe did it\u201d \u2014 caf\u00e9",
     "%E2%80%9Cwe%20did%20it%E2%80%9D%20%E2%80%94%20caf%C3%A9"),
    ("50% off #1 (maybe)", "50%25%20off%20%231%20%28maybe%29"),
    ("a\n  b", "a%20b"),
])
def test_terms_encode_what_the_spec_reserves(text: str, encoded: str) -> None:
    assert encode_term(text) == encoded
    for reserved in "-&,# ":
        assert reserved not in encode_term(text)
    assert unquote(encoded) == " ".join(text.split())


def test_directive_shape() -> None:
    assert text_directive(TextTarget("a-b")) == "text=a%2Db"
    assert text_directive(TextTarget("start", "end")) == "text=start,end"
    assert text_directive(TextTarget("x", "", "before, here")) == "text=before%2C%20here-,x"
    assert fragment_url("https://e.org/a", TextTarget("x")) == "https://e.org/a#:~:text=x"
    assert fragment_url("https://e.org/a#top", TextTarget("x")) == \
        "https://e.org/a#top:~:text=x"


def test_short_passage_is_addressed_whole() -> None:
    line = "The firm said costs were \u201cfar lower\u201d than rivals."
    target = target_in_original(line, line, "costs were \u201cfar lower\u201d")
    assert target == TextTarget("costs were \u201cfar lower\u201d")


def test_long_passage_uses_start_and_end_words() -> None:
    line = ("Officials said the company had trained the model on two thousand chips over "
            "a period of roughly two months, far less than rivals.")
    passage = line[len("Officials said "):line.index(", far")]
    target = target_in_original(line, line, passage)
    assert target == TextTarget("the company had trained", "of roughly two months")


def test_repeated_passage_gets_the_words_before_it() -> None:
    line = "Prices rose. Analysts say prices rose again, and traders say prices rose too."
    target = target_in_original(line, line, "prices rose", occurrence=1)
    assert target == TextTarget("prices rose", "", "and traders say")
    assert target_in_original(line, line, "Analysts say") == TextTarget("Analysts say")


def test_passage_changed_by_cleaning_uses_the_words_as_written() -> None:
    # The cleaned view repaired "costs.Other" to "costs. Other"; the original has no space.
    line = "It reported low costs.Other labs reported higher ones."
    target = target_in_original(line, line, "low costs. Other labs reported")
    assert target is not None and target.start in line and target.end in line
    assert "costs. Other" not in (target.start + target.end)
    assert target_in_original(line, line, "nothing like this at all") is None


def test_source_page_links_each_quote_to_the_original(make_content: Callable[..., Path]
                                                      ) -> None:
    article = ("Acme\u2019s chief said the widget is \u201cstate-of-the-art, cheap & fast\u201d.\n"
               "A rival said: cheap & fast.\n")
    yml = ('title: "T"\nurl: "https://news.example/acme?id=1"\nquotes:\n'
           # Written with straight quotes; the article has curly ones.
           '  - id: q1\n    text: "Acme\'s chief"\n'
           '  - id: q2\n    text: "cheap & fast"\n    prefix: "A rival said:"\n')
    result = build(make_content({"sources/s.txt": article, "sources/s.yml": yml}))
    assert not [d for d in result.diagnostics if d.severity.name == "ERROR"], \
        result.diagnostics
    page = result.pages["sources/s.md"]
    assert "In the original" in page
    assert 'href="https://news.example/acme?id=1#:~:text=Acme%E2%80%99s%20chief"' in page
    # "cheap & fast" occurs twice in the article: the second one is meant.
    assert ('href="https://news.example/acme?id=1#:~:text=A%20rival%20said%3A-,'
            'cheap%20%26%20fast"') in page


def test_no_original_column_without_a_url(make_content: Callable[..., Path]) -> None:
    result = build(make_content())
    assert "In the original" not in result.pages["sources/acme-widget.md"]
    assert ":~:text=" not in result.pages["sources/acme-widget.md"]


def test_a_quote_across_wrapped_lines_links_to_the_original(
        make_content: Callable[..., Path]) -> None:
    article = "Intro.\n\nThe board said the second phase will not\nbegin before a survey.\n"
    yml = ('title: "T"\nurl: "https://news.example/b"\n'
           "cleaning: {join_wrapped_lines: true}\nquotes:\n"
           '  - id: q1\n    text: "the second phase will not begin"\n')
    result = build(make_content({"sources/s.txt": article, "sources/s.yml": yml}))
    assert not [d for d in result.diagnostics if d.severity.name == "ERROR"], \
        result.diagnostics
    assert ('href="https://news.example/b#:~:text=the%20second%20phase%20will%20not%20begin"'
            in result.pages["sources/s.md"])
