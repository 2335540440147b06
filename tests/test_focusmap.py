"""Focused maps (`focusmap.py`): labels wrapped at word boundaries, every node a link with
its full text, caps, determinism, escaping."""

from __future__ import annotations

import re

from briefing.focusmap import (
    CLAIM_CHARS,
    LINES,
    MAX_CLAIMS,
    FocusMap,
    MapEdge,
    MapNode,
    pick,
    short,
    svg,
    wrap,
)

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


def test_each_node_is_a_link_with_its_full_text_as_title() -> None:
    focus = FocusMap((MapNode(LONG, "claims/a.md"), MapNode("Claim <b>*two*</b>", "claims/b.md")),
                     (MapNode("A source", "sources/s.md"),),
                     (MapEdge(0, 0, "supports"), MapEdge(1, 0, "doubts")), (0, 0))
    picture = svg(focus, "Map of B", lambda target: f"../{target}")
    assert picture == svg(focus, "Map of B", lambda target: f"../{target}")
    assert "\n\n" not in picture
    nodes = re.findall(r"\]\(([^)]+)\)\{\.map-node \.map-(\w+)\}", picture)
    assert nodes == [("../claims/a.md", "claim"), ("../claims/b.md", "claim"),
                     ("../sources/s.md", "source")]
    assert f"<title>{LONG}</title>" in picture
    assert "<b>" not in picture and "&lt;b&gt;\\*two\\*&lt;/b&gt;" in picture
    assert picture.count('class="edge edge-supports"') == 1
    assert 'class="edge edge-doubts" stroke-dasharray' in picture
    spans = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", picture)
    assert all(len(s) <= CLAIM_CHARS for s in spans if "&" not in s)


def test_the_most_connected_claims_are_kept_in_reading_order() -> None:
    order = [f"c{n}" for n in range(MAX_CLAIMS + 3)]
    positions = {c: ({"s1": "supports"} if n % 2 else {}) for n, c in enumerate(order)}
    claims, sources, left_out = pick(positions, order)
    assert len(claims) == MAX_CLAIMS and left_out == (3, 0)
    assert claims == sorted(claims, key=order.index)
    dropped = [c for c in order if c not in claims]
    assert all(not positions[c] for c in dropped), "a connected claim was dropped first"
    assert sources == ["s1"]
