"""Sources and prose in other scripts and languages: quotes, quotation marks, numbers,
hedges and names are read as they are in English, in text written without spaces (Chinese,
Japanese), with combining marks (Devanagari), and in either Unicode form of an accent."""

# ruff: noqa: RUF001  (Chinese punctuation is what these texts are written with)

from __future__ import annotations

import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from corpus_helpers import write_tree

from briefing.chars import joins
from briefing.diagnostics import Pos
from briefing.hedges import parse_hedges
from briefing.link import names_pattern
from briefing.numbers import numbers
from briefing.pipeline import build
from briefing.provenance import quoted_spans
from briefing.suggest import dated_id, find_dates, find_quotes
from briefing.text import closest_passage, normalise

ARTICLE = (
    "深度求索发布R1模型\n"
    "中国人工智能初创公司深度求索表示，其R1模型的训练成本不到600万美元。\n"
    "一位分析师说：「这个数字可能只包括最后一次训练的费用。」\n"
    "英伟达股价当天下跌17%。华为公司也在关注。\n"
)
SOURCE = """\
title: "深度求索发布R1模型"
published: "2025-01-27"
quotes:
  - id: zh-cost
    text: "其R1模型的训练成本不到600万美元"
    asserts: [zh-cost-6m]
  - id: zh-doubt
    text: "这个数字可能只包括最后一次训练的费用。"
  - id: zh-nvda
    text: "英伟达股价当天下跌17%"
"""
ENTITIES = """\
entities:
  - id: nvidia
    name: 英伟达
    kind: organisation
  - id: huawei
    name: 华为
    kind: organisation
"""
CLAIMS = """\
claims:
  - id: zh-cost-6m
    statement: "R1模型训练成本不到600万美元。"
    status: reported
    figures:
      - {metric: training-cost, value: 6000000, unit: USD, qualifier: under}
"""
POINTS = ("  - kind: what-happened\n    points:\n"
          '      - text: "分析师认为，这个数字“可能只包括最后一次训练的费用”。"\n'
          "        cites: [zh-doubt]\n"
          '      - text: "成本不到600万美元；英伟达股价下跌17%。"\n'
          "        cites: [zh-cost, zh-nvda]\n")


def chinese_corpus(tmp_path: Path, points: str = POINTS, quote: str | None = None) -> Path:
    source = SOURCE if quote is None else SOURCE.replace("这个数字可能只包括最后一次训练的费用。",
                                                         quote)
    return write_tree(tmp_path / "content", {
        "sources/zh.txt": ARTICLE, "sources/zh.yml": source, "entities.yml": ENTITIES,
        "claims.yml": CLAIMS,
        "briefs/zh.yml": f'title: "成本之谜"\nsummary: "成本之谜。"\nsections:\n{points}'})


def codes(content: Path, **options: object) -> list[tuple[str, str]]:
    result = build(content, **options)  # type: ignore[arg-type]
    return [(d.code, d.message) for d in result.diagnostics]


def test_a_chinese_corpus_is_clean_and_names_are_found(tmp_path: Path) -> None:
    """A passage quoted from within a run of characters, a figure written 600万, and names
    inside unspaced text: no finding, and both companies are mentioned."""
    content = chinese_corpus(tmp_path)
    result = build(content)
    assert [d.code for d in result.diagnostics] == []
    assert result.linked is not None
    assert sorted(result.linked.mentions) == ["huawei", "nvidia"]


@pytest.mark.parametrize(("point", "code", "named"), [
    ('分析师认为，「这个数字完全是捏造的」。', "prose-quote-unsourced", "这个数字完全是捏造的"),
    ("成本不到900万美元；英伟达股价下跌17%。", "prose-figure-unsourced", "900万"),
    ("成本不到600万美元；英伟达股价下跌27%。", "prose-figure-unsourced", "27"),
])
def test_findings_in_chinese_prose(tmp_path: Path, point: str, code: str, named: str) -> None:
    points = ("  - kind: what-happened\n    points:\n"
              f'      - text: "{point}"\n        cites: [zh-cost, zh-doubt, zh-nvda]\n')
    found = codes(chinese_corpus(tmp_path, points))
    assert [c for c, _ in found] == [code], found
    assert named in found[0][1]


def test_a_chinese_hedge_added_in_the_settings_is_kept(tmp_path: Path) -> None:
    points = ("  - kind: what-happened\n    points:\n"
              '      - text: "成本为600万美元。"\n        cites: [zh-cost]\n')
    content = chinese_corpus(tmp_path, points)
    hedges, problems = parse_hedges({"upper-bound": ["不到"]}, lambda key: Pos("m"))
    assert not problems
    found = codes(content, hedges=hedges)
    assert [c for c, _ in found] == ["prose-hedge-dropped"], found
    assert "不到" in found[0][1]


# (a point citing the passage on the cost, the words of the article it copies or None)
COPIED = [
    # The clause before the cited passage, which no passage holds.
    ("中国人工智能初创公司深度求索表示，成本不到600万美元。", "中国人工智能初创公司深度求索表示"),
    # Within a clause: the cited passage's words, then the article's after them.
    ("其R1模型的训练成本不到600万美元，英伟达股价当天下跌17%。", None),
    ("成本不到600万美元；中国人工智能初创公司深度求索如是说。", "中国人工智能初创公司深度求索"),
    # The curator's own words, and the article's shorter than ten characters.
    ("深度求索说，训练花了不到600万美元。", None),
    ("华为公司也在关注，成本不到600万美元。", None),
    # In quotation marks, the words are the quote check's.
    ("「中国人工智能初创公司深度求索表示」，成本不到600万美元。", None),
]


@pytest.mark.parametrize(("point", "named"), COPIED)
def test_words_of_a_chinese_article_no_cited_passage_holds(
        tmp_path: Path, point: str, named: str | None) -> None:
    """Chinese is compared character by character, ten in a row of the article."""
    points = ("  - kind: what-happened\n    points:\n"
              f'      - text: "{point}"\n        cites: [zh-cost]\n')
    found = [d for d in build(chinese_corpus(tmp_path, points)).diagnostics
             if d.code == "prose-words-unsourced"]
    if named is None:
        assert not found, [d.format() for d in found]
        return
    assert len(found) == 1 and f'"{named}" are words of' in found[0].message, \
        [d.format() for d in found]
    assert found[0].pos.col == 16 + point.index(named)
    assert "extend quote 'zh-cost'" in (found[0].hint or "")


JA_ARTICLE = ("ディープシークは、R1モデルの訓練費用が600万ドル未満だったと発表した。"
              "同社の発表を受けて、米国の半導体株は大きく値を下げた。\n")
JA_SOURCE = """\
title: "ディープシークの発表"
published: "2025-01-27"
language: ja
quotes:
  - id: ja-cost
    text: "R1モデルの訓練費用が600万ドル未満だった"
"""


@pytest.mark.parametrize(("point", "named"), [
    ("R1モデルの訓練費用は600万ドル未満。米国の半導体株は大きく値を下げた。",
     "米国の半導体株は大きく値を下げた"),
    ("R1モデルの訓練費用が600万ドル未満だったと発表した。", None),
    ("訓練費用は600万ドル未満で、半導体株が下がった。", None),
])
def test_words_of_a_japanese_article_no_cited_passage_holds(
        tmp_path: Path, point: str, named: str | None) -> None:
    content = write_tree(tmp_path / "content", {
        "sources/ja.txt": JA_ARTICLE, "sources/ja.yml": JA_SOURCE,
        "briefs/ja.yml": 'title: "費用"\nsummary: "費用。"\nsections:\n'
                         "  - kind: what-happened\n    points:\n"
                         f'      - text: "{point}"\n        cites: [ja-cost]\n'})
    found = [d.message for d in build(content).diagnostics
             if d.code == "prose-words-unsourced"]
    assert len(found) == (named is not None), found
    assert named is None or f'"{named}" are words of' in found[0], found


def test_a_near_miss_in_chinese_gets_a_hint(tmp_path: Path) -> None:
    """The closest passage is the quote's length, not the whole paragraph, and the
    difference is marked a character at a time."""
    content = chinese_corpus(tmp_path, quote="这个数字可能只包括最后一次训练的花费。")
    (problem,) = [d for d in build(content).diagnostics if d.code == "quote-not-found"]
    assert problem.hint is not None and "[-花-]" in problem.hint and "{+用+}" in problem.hint


@pytest.mark.parametrize("marks", [
    "\u201c\u201d", "\u201e\u201c", "\u201e\u201d", "\u201d\u201d", "\u00ab\u00bb",
    "\u00bb\u00ab", "\u2039\u203a", "\u203a\u2039", "\u201a\u2018", "\u300c\u300d",
    "\u300e\u300f", "\u301d\u301f", "\uff02\uff02", '""', "''", "\u2018\u2019"])
def test_every_style_of_quotation_mark_is_read(marks: str) -> None:
    opening, closing = marks
    text = f"Der Minister sagte {opening}wir handeln nie{closing} und ging."
    assert [words for _, words in quoted_spans(text)] == ["wir handeln nie"]


def test_marks_that_close_one_style_and_open_another() -> None:
    text = "\u00abun\u00bb et \u00bbzwei\u00ab, \u201cthree\u201d and \u201efour\u201c"
    assert [w for _, w in quoted_spans(text)] == ["un", "zwei", "three", "four"]


@pytest.mark.parametrize(("text", "value"), [
    ("600万美元", Decimal(6_000_000)), ("3千万", Decimal(30_000_000)),
    ("1.2亿", Decimal(120_000_000)), ("下跌17%", Decimal(17)),
    ("environ 1\u202f200 euros", Decimal(1200)), ("1\u00a0000\u00a0000 €", Decimal(1_000_000)),
    ("\uff11\uff17%", Decimal(17)), ("5千克", Decimal(5))])
def test_numbers_in_other_scripts(text: str, value: Decimal) -> None:
    assert [v for _, _, v in numbers(text)] == [value]


@pytest.mark.parametrize("text", [
    "2025年1月27日", "1月27日", "A100芯片", "R1模型",
    # A decimal comma or a point grouping thousands is left unread, never misread.
    "9,5 Prozent", "3.000.000 Euro"])
def test_dates_names_and_unread_numbers(text: str) -> None:
    assert numbers(text) == []


@pytest.mark.parametrize(("name", "text", "found"), [
    ("英伟达", "英伟达股价当天下跌", True), ("华为", "华为公司也在关注", True),
    ("DeepSeek", "DeepSeek模型", True), ("ソニー", "ソニーは発表した", True),
    ("भारत", "भारतीय रिज़र्व बैंक", False), ("भारत", "भारत की सरकार", True),
    ("Acme", "Acmes", False), ("Acme", "Acme's", True), ("Inc.", "Inc.x", False),
])
def test_names_are_whole_words_in_every_script(name: str, text: str, found: bool) -> None:
    assert bool(names_pattern([name]).search(text)) is found


def test_a_name_is_found_in_either_unicode_form(tmp_path: Path) -> None:
    """A source saved with decomposed accents still names the entity written composed."""
    article = unicodedata.normalize("NFD", "Jürgen Müller sagte, die Firma wachse.\n")
    content = write_tree(tmp_path / "content", {
        "sources/de.txt": article,
        "sources/de.yml": 'title: "Müller"\npublished: "2025-01-02"\nquotes:\n'
                          '  - id: de-growth\n    text: "die Firma wachse"\n',
        "entities.yml": "entities:\n  - id: mueller\n    name: Jürgen Müller\n"
                        "    kind: person\n",
        "claims.yml": "claims: []\n"})
    result = build(content)
    assert result.linked is not None
    assert [m.source_id for m in result.linked.mentions["mueller"]] == ["de"]


def test_decomposed_hangul_and_accents_match_their_composed_form() -> None:
    source = normalise("삼성전자는 올해 반도체 투자를 늘리겠다고 밝혔다.")
    quote = normalise(unicodedata.normalize("NFD", "반도체 투자를 늘리겠다고"))
    assert quote.text in source.text


def test_a_highlight_ends_after_the_accent_of_its_last_letter() -> None:
    original = unicodedata.normalize("NFD", "Le prix du café monte.")
    text = normalise(original)
    start = text.text.index("café")
    begin, end = text.span_in_original(start, start + len("café"))
    assert original[begin:end] == unicodedata.normalize("NFD", "café")


def test_word_edges() -> None:
    assert joins("i", "s") and joins("त", "ी") and joins("e", "\u0301")
    assert not joins("字", "可") and not joins("k", "模") and not joins("a", " ")


def test_a_hint_in_chinese_stays_near_the_quote() -> None:
    article = "据报道，这个模型的训练成本只有六百万美元，远低于同行。"
    best = closest_passage("训练费用只有六百万", [article])
    assert best is not None and best[0] == "训练成本只有六百万"


def test_briefing_new_reads_dates_and_quotations_of_other_scripts() -> None:
    text = ("2025年1月27日 深度求索发布R1模型\n"
            "一位分析师说：「这个数字可能只包括最后一次训练的费用。」\n"
            "Le ministre a dit « nous agirons vite » hier. Er sagte »Wir handeln nie«.\n"
            "2025년 1월 27일 발표.\n")
    assert [d.date for d in find_dates(text)] == ["2025-01-27", "2025-01-27"]
    assert [q.text for q in find_quotes(text, [])] == [
        "这个数字可能只包括最后一次训练的费用。", "nous agirons vite", "Wir handeln nie"]


def test_an_id_from_a_title_in_another_script_is_its_own() -> None:
    """A title with few Latin letters gives few words to an id; its digest keeps two such
    articles apart ("r1" alone made the second `briefing new` refuse)."""
    first, second = dated_id("深度求索发布R1模型", ""), dated_id("深度求索解释R1模型", "")
    assert first != second and first.startswith("r1-")
    assert dated_id("華為", "2025-01-27").startswith("2025-01-27-")
    assert dated_id("Café crème et économie", "") == "cafe-creme-et-economie"
