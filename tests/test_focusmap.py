"""Focused maps (`focusmap.py`): labels wrapped at word boundaries (between characters in
Chinese and Japanese), every node a link with its full text, caps, determinism, escaping."""
# Chinese and Japanese punctuation is full width on purpose here.
# ruff: noqa: RUF001, RUF002

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from briefing import focusmap
from briefing.focusmap import (
    LINES,
    MAX_CLAIMS,
    NARROW,
    WIDE,
    FocusMap,
    MapEdge,
    MapNode,
    columns,
    pick,
    short,
    svg,
    wrap,
)

CLAIM_CHARS, SOURCE_CHARS = NARROW.claim_chars, NARROW.source_chars
LONG = ("DeepSeek's mixture-of-experts architecture activates only 37 billion of its "
        "671 billion parameters, which cuts the computing it needs.")


def test_labels_wrap_at_word_boundaries_and_are_cut_with_an_ellipsis() -> None:
    lines, cut = wrap(LONG, CLAIM_CHARS)
    assert cut and len(lines) == LINES and lines[-1].endswith("\u2026")
    words = LONG.split()
    shown = " ".join(lines).removesuffix("\u2026").split()
    assert shown == words[:len(shown)], "a word was cut in the middle"
    assert all(len(line) <= CLAIM_CHARS for line in lines)
    assert wrap("Short claim.", CLAIM_CHARS) == (("Short claim.",), False)
    # A word longer than a line keeps a line of its own, whole.
    assert wrap("a supercalifragilisticexpialidocious word", 10)[0][1] == \
        "supercalifragilisticexpialidocious"


def test_a_cut_never_ends_on_a_number() -> None:
    assert short("Acme Corp says its widget costs $5 million.", 36) == \
        "Acme Corp says its widget costs\u2026"
    assert short("DeepSeek used only Nvidia H800 chips, which are less powerful", 36) == \
        "DeepSeek used only Nvidia H800\u2026"


ZH = ("英伟达股价在深度求索发布R1模型之后的第一个交易日大幅下跌17%，"
      "创下美国股市历史上单日市值损失的最高纪录。")


def test_chinese_and_japanese_labels_break_between_characters_within_their_width() -> None:
    """Chinese and Japanese leave no spaces: a label breaks between characters, each
    of which is as wide as two Latin ones, so a line keeps inside its box."""
    for text in (ZH, "ディープシークは、R1モデルの訓練費用が600万ドル未満だったと発表した。"):
        for width in (CLAIM_CHARS, SOURCE_CHARS):
            lines, cut = wrap(text, width)
            assert cut and len(lines) == LINES, (text, lines)
            assert all(columns(line) <= width for line in lines), lines
            assert "".join(lines).removesuffix("\u2026") == text[:len("".join(lines)) - 1]
    assert columns("深度求索 R1") == 11
    assert wrap("深度求索称R1模型训练成本不到600万美元。", CLAIM_CHARS) == \
        (("深度求索称R1模型训练成", "本不到600万美元。"), False)


def test_a_break_between_characters_keeps_latin_words_numbers_and_punctuation() -> None:
    """Never inside a Latin word or a number ("R1", "H800", "17%"), never before closing
    punctuation (no line starts with "，" or "」"), never after opening punctuation."""
    assert wrap("使用了2,000块英伟达H800芯片", 8, 4)[0] == \
        ("使用了", "2,000块", "英伟达", "H800芯片")
    assert wrap("下跌17%，创下", 9, 4)[0] == ("下跌17%，", "创下")
    assert wrap("他说：「这个数字」。", 8, 4)[0] == ("他说：", "「这个数", "字」。")
    # Korean is written with spaces, and breaks at them.
    assert wrap("딥시크는 훈련 비용이 600만 달러", 10, 5)[0] == \
        ("딥시크는", "훈련", "비용이", "600만 달러")


def test_a_cut_in_chinese_never_ends_on_a_number() -> None:
    assert short("成本不到600美元", 12) == "成本不到\u2026"


def test_each_node_is_a_link_with_its_full_text_as_title() -> None:
    focus = FocusMap((MapNode(LONG, "claims/a.md"), MapNode("Claim <b>*two*</b>", "claims/b.md")),
                     (MapNode("A source", "sources/s.md"),),
                     (MapEdge(0, 0, "supports"), MapEdge(1, 0, "doubts")), (0, 0))
    picture = svg(focus, "Map of B", lambda target: f"../{target}")
    assert picture == svg(focus, "Map of B", lambda target: f"../{target}")
    assert "\n\n" not in picture
    nodes = re.findall(r"\]\(([^)]+)\)\{\.map-node \.map-(\w+)\}", picture)
    assert nodes == [("../claims/a.md", "claim"), ("../claims/b.md", "claim"),
                     ("../sources/s.md", "source")] * 2  # for a phone, for a desktop
    assert f"<title>{LONG}</title>" in picture
    assert "<b>" not in picture and "&lt;b&gt;\\*two\\*&lt;/b&gt;" in picture
    assert picture.count('class="edge edge-supports"') == 2
    assert 'class="edge edge-doubts" stroke-dasharray' in picture
    narrow, wide = picture.split("</svg>")[:2]
    for drawing, chars in ((narrow, CLAIM_CHARS), (wide, WIDE.claim_chars)):
        spans = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", drawing)
        assert all(len(s) <= chars for s in spans if "&" not in s)


def test_a_map_is_drawn_for_a_phone_and_for_a_desktop_column() -> None:
    """The phone's drawing in per cent, unscaled; the desktop's at its column's width in
    px with a viewBox (paper scales it to a page), each label line holding more."""
    focus = FocusMap((MapNode(LONG, "claims/a.md"),), (MapNode("A source", "sources/s.md"),),
                     (MapEdge(0, 0, "supports"),), (0, 0))
    narrow, wide = re.findall(r"<svg [^>]*>", svg(focus, "Map", lambda t: t))
    assert 'class="map focus-map map-narrow" width="100%"' in narrow and "viewBox" not in narrow
    height = re.search(r'height="(\d+)"', wide)
    assert height and f'width="{WIDE.width}" height="{height[1]}" ' \
        f'viewBox="0 0 {WIDE.width} {height[1]}"' in wide
    assert WIDE.claim_chars >= 2 * CLAIM_CHARS and WIDE.source_chars >= 2 * SOURCE_CHARS
    assert wrap(LONG, CLAIM_CHARS)[1] and not wrap(LONG, WIDE.claim_chars)[1]


def test_the_most_connected_claims_are_kept_in_reading_order() -> None:
    order = [f"c{n}" for n in range(MAX_CLAIMS + 3)]
    positions = {c: ({"s1": "supports"} if n % 2 else {}) for n, c in enumerate(order)}
    claims, sources, left_out = pick(positions, order)
    assert len(claims) == MAX_CLAIMS and left_out == (3, 0)
    assert claims == sorted(claims, key=order.index)
    dropped = [c for c in order if c not in claims]
    assert all(not positions[c] for c in dropped), "a connected claim was dropped first"
    assert sources == ["s1"]


def test_the_map_in_words_tells_claims_alike_in_their_first_words_apart() -> None:
    """The flagship's four claims about R1's making: cut at the old 36 columns, two pairs
    read alike ("DeepSeek trained DeepSeek-R1 for…", "… using…")."""
    alike = ["DeepSeek trained DeepSeek-R1 for $6 million.",
             "DeepSeek trained DeepSeek-R1 using 2,000 Nvidia H800 GPUs.",
             "DeepSeek created DeepSeek-R1 for under $6 million.",
             "DeepSeek created DeepSeek-R1 in just two months."]
    assert [short(c) for c in alike] == [alike[0], "DeepSeek trained DeepSeek-R1 using 2,000 "
                                         "Nvidia\u2026", *alike[2:]]


def measured_whole(text: str, width: int) -> list[str]:
    """The lines `wrap` makes, by the plain rule it keeps: a piece joins the line when the
    line with it, measured whole, fits."""
    out: list[str] = []
    for joint, piece in focusmap._pieces(text):
        line = (out[-1] + (joint or "") + piece) if out else ""
        if out and sum(2 if unicodedata.east_asian_width(c) in "WF" else 1
                       for c in line) <= width:
            out[-1] = line
        else:
            out.append(piece)
    return out


# Words of Latin letters and digits, of Chinese and Japanese (broken between characters),
# Korean (spaced), full-width punctuation, and accented letters.
WORDS = st.lists(st.text(alphabet="aZ9$,.-éØ深度求索训练成本。，「」딥시크", min_size=1,
                         max_size=12), max_size=30)


@given(WORDS, st.integers(min_value=4, max_value=60))
def test_the_lines_are_those_of_measuring_each_line_whole(words: list[str], width: int
                                                          ) -> None:
    text = " ".join(words)
    lines, cut = wrap(text, width, lines=10_000)
    assert not cut
    assert list(lines) == measured_whole(text, width)
