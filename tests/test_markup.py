from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import markdown
import pytest
from corpus_helpers import write_tree
from test_hostile import scan

from briefing.markup import (
    attr,
    attr_token,
    curly_quoted,
    format_amount,
    format_date,
    kind_heading,
    link,
    md_escape,
    relative,
    unstopped,
)
from briefing.model import ENTITY_KINDS
from briefing.pipeline import build
from briefing.schema import FuzzyDate
from briefing.wording import wording_for


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list", "toc"])


@pytest.mark.parametrize("raw", [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "1984. was a year",
    "- not a list",
    "# not a heading",
    "*not em* _nor this_ `nor code`",
    "[not](a link) ![nor](an image)",
    "{: onclick=alert(1) } attr list",
    "a | b | c",
    "AT&T &amp; co",
    "back\\slash",
])
def test_escaped_text_renders_as_the_literal_text(raw: str) -> None:
    html = to_html(str(md_escape(raw)))
    assert html.startswith("<p>") and html.endswith("</p>"), html
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<em>" not in html and "<code>" not in html and "onclick=" not in html.replace(
        "{: onclick=alert(1) }", "")
    from html import unescape
    assert unescape(html[3:-4]) == raw


def test_escaped_pipes_stay_inside_table_cells() -> None:
    cell = md_escape("a | b")
    html = to_html(f"| h |\n|---|\n| {cell} |\n")
    assert html.count("<td>") == 1 and "a | b" in html


@pytest.mark.parametrize(("low", "high", "unit", "qualifier", "expected"), [
    ("6000000", "6000000", "USD", "under", "under $6 million"),
    ("80000000", "100000000", "USD", "exactly", "$80\u2013100 million"),
    ("900000000", "950000000", "GBP", "exactly", "\u00a3900\u2013950 million"),
    # Two scale words: the currency is on both ends, not only the lower one.
    ("900000000", "1100000000", "GBP", "exactly", "\u00a3900 million\u2013\u00a31.1 billion"),
    ("500000", "1200000", "EUR", "about", "about \u20ac500,000\u2013\u20ac1.2 million"),
    ("900000000", "1100000000", "parameters", "exactly",
     "900 million\u20131.1 billion parameters"),
    ("2000", "16000", "chips", "exactly", "2,000\u201316,000 chips"),
    ("294000", "294000", "USD", "exactly", "$294,000"),
    ("97400000000", "97400000000", "USD", "exactly", "$97.4 billion"),
    ("671000000000", "671000000000", "parameters", "exactly", "671 billion parameters"),
    ("2000", "2000", "chips", "about", "about 2,000 chips"),
    ("2.5", "2.5", "months", "exactly", "2.5 months"),
])
def test_amounts(low: str, high: str, unit: str, qualifier: str, expected: str) -> None:
    assert format_amount(Decimal(low), Decimal(high), unit, qualifier) == expected


def test_a_brazilian_amount_is_written_with_its_sign() -> None:
    """`briefing new` reads "R$ 300 milhões" as unit BRL: the pages write it back with its
    sign, before the number as Brazil writes it, not "300 milhões BRL"."""
    assert format_amount(Decimal("300000000"), Decimal("300000000"), "BRL", "up-to",
                         words=wording_for("pt-BR")) == "at\u00e9 R$\u00a0300 milh\u00f5es"
    assert format_amount(Decimal("5.4"), Decimal("5.4"), "BRL") == "R$5.4"


@pytest.mark.parametrize(("text", "expected"), [
    ('the reported figures were "speculative" and',
     "\u201cthe reported figures were \u2018speculative\u2019 and\u201d"),
    ('"Sputnik moment" for AI', "\u201c\u2018Sputnik moment\u2019 for AI\u201d"),
    ('he said: "no." (and "yes")', "\u201che said: \u2018no.\u2019 (and \u2018yes\u2019)\u201d"),
    ("a \u201creasoning\u201d model", "\u201ca \u2018reasoning\u2019 model\u201d"),
    ("ein \u201eGl\u00fccksfall\u201c", "\u201cein \u201aGl\u00fccksfall\u2018\u201d"),
    ("it's \u00abfine\u00bb", "\u201cit's \u00abfine\u00bb\u201d"),
])
def test_a_quote_shown_in_curly_quotes_nests_its_own_as_single(text: str,
                                                                expected: str) -> None:
    assert curly_quoted(text) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("DeepSeek created DeepSeek-R1 for under $6 million.",
     "DeepSeek created DeepSeek-R1 for under $6 million"),
    ("Chips are scarce in the U.S.", "Chips are scarce in the U.S."),  # the abbreviation's
    ("It was made by Acme Inc.", "It was made by Acme Inc."),
    # An initial of any script is an abbreviation too; a word in small letters is not.
    ("The report is by Å.", "The report is by Å."),
    ("It grew in Łódź.", "It grew in Łódź"),
    ("DeepSeek achieved comparable\u2026", "DeepSeek achieved comparable\u2026"),
    ("And so on...", "And so on..."),
    ("Is it cheap?", "Is it cheap?"),
    ("No stop", "No stop"),
    (".", ""),
    ("", ""),
])
def test_a_sentence_in_a_list_loses_its_full_stop_not_an_abbreviations(
        sentence: str, expected: str) -> None:
    assert unstopped(sentence) == expected


@pytest.mark.parametrize(("date", "expected"), [
    (FuzzyDate(2025, 2, 15), "15 Feb 2025"),
    (FuzzyDate(2025, 2), "Feb 2025"),
    (FuzzyDate(2024, 12, about=True), "about Dec 2024"),
    (FuzzyDate(2018), "2018"),
    (FuzzyDate(None), "date unknown"),
])
def test_dates_show_their_precision(date: FuzzyDate, expected: str) -> None:
    assert format_date(date) == expected


def test_relative_links() -> None:
    assert relative("briefs/a.md", "sources/s.md#q-x") == "../sources/s.md#q-x"
    assert relative("index.md", "figures.md#m-cost") == "figures.md#m-cost"
    assert relative("sources/s.md", "sources/t.md") == "t.md"


HOSTILE = ["[x](javascript:alert(1))", "{: onclick=alert(1) }", '" onmouseover="alert(1)',
           "' onmouseover='alert(1)", "`code` *em* _em_ a|b \\ !", "<svg onload=alert(1)>",
           "[x](x 'a onmouseover=alert(1) b')", "AT&T &amp; &#106;"]


@pytest.mark.parametrize("raw", HOSTILE)
def test_attr_is_literal_in_an_attribute_inline_and_in_an_html_block(raw: str) -> None:
    from html import unescape
    inline = to_html(f'Published <span title="{attr(raw)}">x</span> {{: .meta }}')
    assert inline.count("<span") == 1 and "<a " not in inline and "<code>" not in inline
    assert not scan(inline).problems, inline
    title = inline.split('title="', 1)[1].split('">x</span>', 1)[0]
    assert unescape(title) == raw, inline
    block = to_html(f"<details><summary>s</summary><code>{attr(raw)}</code></details>")
    assert unescape(block.split("<code>")[1].split("</code>")[0]) == raw, block
    cell = to_html(f"| h |\n|---|\n| <code>{attr(raw)}</code> |\n")
    assert cell.count("<td>") == 1 and unescape(cell.split("<code>")[1].split("</code>")[0]) == raw


def test_internal_links_cannot_be_ended_by_their_address() -> None:
    assert link("a", "../sources/s.md#q-x") == "[a](../sources/s.md#q-x)"
    html = to_html(link("a", "x.md)<svg onload=alert(1)>[y](javascript:alert(1))"))
    assert "<svg" not in html and "javascript:" not in html.replace("javascript%3A", "")
    assert html.count("<a ") == 1


def test_attribute_list_tokens_are_checked() -> None:
    assert link("a", "b.md", "stance stance-doubts") == "[a](b.md){.stance .stance-doubts}"
    for bad in ("x onclick=alert(1)", "x}", "", "a\"b"):
        with pytest.raises(ValueError):
            attr_token(bad)


@pytest.mark.parametrize(("slug", "names", "shown"), [
    ("training-chips", [], "Training chips"),
    ("deepseek-efficiency", ["DeepSeek"], "DeepSeek efficiency"),
    ("musk-openai", ["Elon Musk", "OpenAI"], "Musk OpenAI"),
    # A word of a hyphenated name, and a name's lower-case word leading the topic.
    ("r1-pricing", ["DeepSeek-R1"], "R1 pricing"),
    ("o3-launch", ["o3"], "o3 launch"),
    # The first name holding a word spells it; a part of a word is not a word.
    ("experts-speak", ["Unnamed experts", "Mixture-of-Experts"], "experts speak"),
    ("deep-seek", ["DeepSeek"], "Deep seek"),
    ("gpt-4-cost", ["GPT-4"], "GPT 4 cost"),
])
def test_a_topic_is_humanised_with_the_spelling_of_the_entities_names(
        slug: str, names: list[str], shown: str) -> None:
    from briefing.markup import name_spellings, topic_label

    assert topic_label(slug, name_spellings(names)) == shown


def test_every_entity_kind_has_a_plural_heading() -> None:
    """The entities index heads each kind with its plural, for every kind there is."""
    headings = {kind: kind_heading(kind) for kind in ENTITY_KINDS}
    assert headings == {
        "person": "People", "organisation": "Organisations", "country": "Countries",
        "model": "Models", "chip": "Chips", "product": "Products", "project": "Projects",
        "publication": "Publications", "group": "Groups", "other": "Other"}


@pytest.mark.parametrize("raw", [
    "$\u00a0294.000",  # a Portuguese amount: the symbol held to its number
    "294\u202f000\u00a0$",  # a French one, grouped with a narrow no-break space
    "Source\u202f: *la* plus r\u00e9cente",  # a French colon, and something to escape
    "\u00ab\u202fDeepSeek\u202f\u00bb",
])
def test_no_break_spaces_are_kept_and_breaking_white_space_is_one_space(raw: str) -> None:
    """Collapsed to a plain space, a no-break space let a line break between an amount's
    symbol and its number, or before a French stop; other white space is one space."""
    for escaped in (md_escape(raw), attr(raw)):
        assert raw.count("\u00a0") == escaped.count("\u00a0")
        assert raw.count("\u202f") == escaped.count("\u202f")
    assert md_escape("a\n\t b\u2003c") == "a b c"
    assert attr("  a\n\t b\u2003c ") == "a b c"
    page = to_html(md_escape(raw))
    assert (page.count("\u00a0"), page.count("\u202f")) == (raw.count("\u00a0"),
                                                            raw.count("\u202f"))


@pytest.mark.parametrize(("raw", "shown"), [
    ("R$ 300 milhões", "R$\u00a0300 milhões"),
    ("até US$ 5 bilhões", "até US$\u00a05 bilhões"),
    ("custa € 5", "custa €\u00a05"),
    ("(£ 12)", "(£\u00a012)"),
    ("R$\n300", "R$\u00a0300"),  # a line broken in the YAML
    # Nothing else: a sign glued on, or no number after it, or a word's letters before it.
    ("$5 and $ 6", "$5 and $\u00a06"),
    ("€ cinco", "€ cinco"),
    ("ABCD$ 5", "ABCD$ 5"),
])
def test_a_currency_sign_is_held_to_the_number_after_it(raw: str, shown: str) -> None:
    """A sign written apart from its number ("R$ 300 milhões") would let a narrow screen
    end a line on it: the page binds the two with a no-break space."""
    assert str(md_escape(raw)) == html_escaped(shown)
    assert str(attr(raw)) == html_escaped(shown).replace("(", "&#40;").replace(")", "&#41;")


@pytest.mark.parametrize(("raw", "shown"), [
    ("plus de 12 000 usagers", "plus de 12\u00a0000 usagers"),
    ("le nombre serait de 9 000 par jour", "le nombre serait de 9\u00a0000 par jour"),
    ("3 000 000 de personnes", "3\u00a0000\u00a0000 de personnes"),
    ("environ 120 M$ dans", "environ 120\u00a0M$ dans"),
    ("jusqu'à 2,3 G$.", "jusqu'à 2,3\u00a0G$."),
    ("un loyer de 12 000 $ par année", "un loyer de 12\u00a0000\u00a0$ par année"),
    ("1,5 Md€ et 12 %", "1,5\u00a0Md€ et 12\u00a0%"),
    # Nothing else: a year before a number, a number of four digits, a date, a word.
    ("en 2025 150 personnes", "en 2025 150 personnes"),
    ("le 3 mars 2025", "le 3 mars 2025"),
    ("12 Monkeys", "12 Monkeys"),
])
def test_a_numbers_groups_and_its_sign_after_it_are_held_together(raw: str,
                                                                  shown: str) -> None:
    """On a phone the brief broke "12 / 000 usagers" and "120 / M$" over two lines: the
    page binds a number's thousands, and a sign after it, with a no-break space."""
    assert str(md_escape(raw)) == html_escaped(shown)


def html_escaped(text: str) -> str:
    return text.replace("&", "&amp;")


def test_a_built_page_holds_the_sign_to_its_number_and_the_files_keep_their_space(
        tmp_path: Path) -> None:
    sentence = "O subsídio pode chegar a R$ 300 milhões, ou US$ 60 milhões."
    content = write_tree(tmp_path / "content", {
        "sources/s.txt": f"Título\n{sentence}\n",
        "sources/s.yml": 'title: "Título"\npublished: "2025-03-03"\nlanguage: pt-BR\n'
                         f'quotes:\n  - id: q\n    text: "{sentence}"\n',
        "briefs/b.yml": 'title: "B"\nsummary: "Um resumo de R$ 300 milhões."\nsections:\n'
                        '  - kind: what-happened\n    points:\n'
                        '      - text: "O subsídio chega a R$ 300 milhões (€ 50\n'
                        '          milhões)."\n        cites: [q]\n'})
    before = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
    result = build(content, language="pt-BR")
    # (the page's text: its front matter's description is for search engines, as written)
    brief = result.pages["briefs/b.md"].split("\n---\n", 1)[1]
    assert "chega a R$\u00a0300 milhões (€\u00a050 milhões)" in brief  # the curator's
    assert "Um resumo de R$\u00a0300 milhões." in brief
    assert "R$\u00a0300 milhões, ou US$\u00a060 milhões" in brief  # the quote cited
    assert "R$ 300" not in brief and "US$ 60" not in brief
    assert "R$\u00a0300 milhões, ou US$\u00a060" in result.pages["sources/s.md"]
    assert {p: p.read_bytes() for p in content.rglob("*") if p.is_file()} == before
