"""A quote not found shows where it differs from the closest passage: word marks in the
terminal and in GitHub annotations, <del> and <ins> on the Problems page."""

from __future__ import annotations

import html
import re
from pathlib import Path

import markdown
import pytest
from click.testing import CliRunner
from corpus_helpers import ARTICLE, SOURCE_YML, minimal_corpus, write_tree

from briefing.cli import main
from briefing.pipeline import build
from briefing.problems import problems_page
from briefing.worddiff import diff_text, hint_html, passage_hint, word_diff


def test_the_words_that_differ_are_marked_and_the_rest_is_plain() -> None:
    segments = word_diff("the experts said it costs $6 million",
                         "Officials and the expert said it costs $5 million.")
    assert diff_text(segments) == ("Officials and the [-experts-]{+expert+} said it costs "
                                   "$[-6-]{+5+} million.")


def test_neighbouring_changes_join_and_lone_ones_keep_their_spaces_outside() -> None:
    assert diff_text(word_diff("the experts say so", "the expert said so")) == \
        "the [-experts say-]{+expert said+} so"
    assert diff_text(word_diff("a b c", "a c")) == "a [-b-] c"
    assert diff_text(word_diff("a c", "a b c")) == "a {+b+} c"


def test_words_only_at_the_passages_edges_are_its_context() -> None:
    segments = word_diff("widget costs $5 million", "its widget costs $5 million.")
    assert diff_text(segments) == "its widget costs $5 million."
    assert passage_hint(segments) == "closest passage in the article: " \
        "'its widget costs $5 million.'"  # nothing differs, so no legend


def test_punctuation_beyond_the_quotes_ends_is_context_even_beside_a_change() -> None:
    assert diff_text(word_diff("Both figure can be true at the same times",
                               '"Both figures can be true at the same time,"')) == \
        '"Both [-figure-]{+figures+} can be true at the same [-times-]{+time+},"'
    assert diff_text(word_diff("say it", '"Says it')) == '"[-say-]{+Says+} it'


def test_a_closing_quotation_mark_after_the_quotes_stop_is_context() -> None:
    """A quote ending "residents." against the article's 'residents."' was marked
    '[-.-]{+."+}', as if the full stop were wrong: a run of punctuation was one word."""
    assert diff_text(word_diff("a false economy that would strand older residents.",
                               '"a false economy that will strand older residents."')) == \
        '"a false economy that [-would-]{+will+} strand older residents."'
    assert diff_text(word_diff("it ends here!", "it ends here?\"")) == 'it ends here[-!-]{+?+}"'


def test_a_word_missing_at_the_quotes_edge_is_marked() -> None:
    assert diff_text(word_diff("so its widget costs", "and its widget costs")) == \
        "[-so-]{+and+} its widget costs"


def test_the_html_hint_escapes_what_the_curator_wrote() -> None:
    segments = word_diff("<b>*bold*</b> costs", "<i>*bold*</i> costs")
    hint = passage_hint(segments) + "; also check `prefix` and `suffix`"
    body = markdown.markdown(f"- {hint_html(hint, segments)}")
    assert "<b>" not in body and "<i>" not in body and "<em>" not in body
    assert '<del title="only in the quote">b</del><ins title="only in the article">i</ins>' \
        in body
    text = html.unescape(re.sub(r"<[^>]+>", "", body))
    assert "<b>*bold*</b>" not in text and "<bi>*bold*</bi> costs" in text
    assert text.endswith("; also check prefix and suffix\n")
    assert "<code>prefix</code> and <code>suffix</code>" in body


def test_a_prefix_compared_with_the_article_is_named_in_the_legend() -> None:
    segments = word_diff("Acme Corp claims", "Acme Corp says")
    hint = passage_hint(segments, "just before the quote, the article has", "the prefix") + \
        ": make `prefix:` the last words of that"
    assert hint.startswith("just before the quote, the article has: 'Acme Corp "
                           "[-claims-]{+says+}' ([-…-] is only in the prefix, ")
    body = markdown.markdown(f"- {hint_html(hint, segments)}")
    assert '<del title="only in the prefix">claims</del>' in body
    assert "struck out: only in the prefix; underlined: only in the article" in body
    assert "[-" not in body and "<code>prefix:</code>" in body


@pytest.mark.parametrize(("hint", "shown"), [
    ("mark it `status: reported`, or link *more*",
     "mark it <code>status: reported</code>, or link *more*"),
    # What the curator wrote, inside a span or out of one, stays text.
    ("write `<script>alert(1)</script>` as `[[x]]`",
     "write <code>&lt;script&gt;alert(1)&lt;/script&gt;</code> as <code>[[x]]</code>"),
    ("one ` backtick only", "one ` backtick only"),
])
def test_the_html_hint_shows_code_spans_as_code(hint: str, shown: str) -> None:
    body = markdown.markdown(f"- {hint_html(hint, ())}")
    assert html.unescape(re.sub(r"</?(ul|li)>|\n", "", body)) == html.unescape(shown)
    assert "<script" not in body


def broken_quote(tmp_path: Path) -> Path:
    source = SOURCE_YML.replace('text: "its widget costs $5 million"',
                                'text: "its widgets cost $5 million"')
    return write_tree(tmp_path / "content", {**minimal_corpus(),
                                             "sources/acme-widget.yml": source})


MARKED = "'its [-widgets cost-]{+widget costs+} $5 million.'"


def test_the_terminal_shows_the_marked_passage(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--content", str(broken_quote(tmp_path))])
    assert result.exit_code == 1
    assert f"    hint: closest passage in the article: {MARKED} ([-…-] is only in the quote, " \
        "{+…+} only in the article)\n" in result.output


def test_the_github_annotation_shows_the_marked_passage(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--content", str(broken_quote(tmp_path)),
                                       "--format", "github"])
    assert result.exit_code == 1
    (line,) = [line for line in result.stdout.splitlines() if "quote-not-found" in line]
    assert line.startswith("::error file=")
    assert f"%0Ahint: closest passage in the article: {MARKED} (" in line


def test_the_problems_page_shows_del_and_ins(tmp_path: Path) -> None:
    result = build(broken_quote(tmp_path))
    page = problems_page(result.diagnostics, kept_last_good=True)
    body = markdown.markdown(page.split("---\n", 2)[2], extensions=["attr_list"])
    assert ('<q class="closest-passage">its <del title="only in the quote">widgets cost</del>'
            '<ins title="only in the article">widget costs</ins> $5 million.</q> (struck out: '
            "only in the quote; underlined: only in the article)") in body
    assert "[-" not in body and "{+" not in body


def test_without_a_close_passage_the_hint_says_so_and_marks_nothing(tmp_path: Path) -> None:
    source = SOURCE_YML.replace('text: "its widget costs $5 million"',
                                'text: "nothing of the kind at all"')
    content = write_tree(tmp_path / "content", {**minimal_corpus(),
                                                "sources/acme-widget.yml": source,
                                                "sources/acme-widget.txt": ARTICLE})
    (problem,) = [d for d in build(content).diagnostics if d.code == "quote-not-found"]
    assert problem.diff == ()
    assert problem.hint == "copy the words exactly from the cleaned article"


def test_the_passage_is_shown_with_the_articles_own_marks_and_dashes(tmp_path: Path) -> None:
    """Quotes are matched with every kind of quotation mark and dash read alike, but the
    passage a hint shows is the article's: «…» and — as it writes them, not the `"` and
    `-` they are matched as ("'"Las cifras … existe",'" on an article that has «…»)."""
    article = ("«Las cifras se basan en una serie que ya no existe», explicó ella \u2014 "
               "según sus datos.\n")
    source = ('title: "Informe"\npublished: "2025-03-28"\nquotes:\n'
              '  - id: cifras\n    text: "Las cifras se basan en una serie que ya no '
              'existen"\n  - id: ella\n    text: "explicó ella - según su datos"\n')
    content = write_tree(tmp_path / "content", {
        **minimal_corpus(), "sources/informe.txt": article, "sources/informe.yml": source})
    result = build(content)
    marks, dash = [d.hint for d in result.diagnostics if d.code == "quote-not-found"]
    assert "'«Las cifras se basan en una serie que ya no [-existen-]{+existe+}»,'" in marks, \
        marks
    assert "'explicó ella \u2014 según [-su-]{+sus+} datos.'" in dash, dash
