from __future__ import annotations

from pathlib import Path

from briefing.cleaning import clean
from briefing.load import load
from briefing.validate import validate


def cleaned(make_content, article: str, cleaning: str):  # type: ignore[no-untyped-def]
    root: Path = make_content({
        "sources/s.txt": article,
        "sources/s.yml": f'title: "T"\n{cleaning}',
    })
    corpus = validate(load(root)).corpus
    return clean(corpus.sources[0])


def test_rules_drop_boilerplate_mark_headings_and_repair_joins(make_content) -> None:  # type: ignore[no-untyped-def]
    article = ("date 2025-02-15 Lead text.\nSmiley face\nWeather\u00a0 \u00a0 Live Markets\n"
               "Summary:\nCosts fell.Other firms \u2019noticed.\u2019Then more.\n\nShare.\n")
    view, problems = cleaned(make_content, article, """\
cleaning:
  remove: ["date 2025-02-15"]
  drop_lines: [Smiley face, Weather Live Markets, Share.]
  headings: ["Summary:"]
  split_run_on_sentences: true
""")
    assert not problems
    assert [(b.kind, b.text, b.line) for b in view.blocks] == [
        ("paragraph", "Lead text.", 1),
        ("heading", "Summary:", 4),
        ("paragraph", "Costs fell. Other firms \u2019noticed.\u2019 Then more.", 5),
    ]
    assert [(r.kind, r.line) for r in view.removals] == [
        ("snippet", 1), ("line", 2), ("line", 3), ("repair", 5), ("repair", 5), ("line", 7)]


def test_repair_leaves_abbreviations_and_decimals_alone(make_content) -> None:  # type: ignore[no-untyped-def]
    view, _ = cleaned(make_content, "The U.S. Army paid 2.5 million in Node.js.\n",
                      "cleaning: {split_run_on_sentences: true}\n")
    assert view.blocks[0].text == "The U.S. Army paid 2.5 million in Node.js."


def test_a_rule_that_matches_nothing_is_reported(make_content) -> None:  # type: ignore[no-untyped-def]
    _, problems = cleaned(make_content, "Text.\n",
                          "cleaning:\n  drop_lines: [Smily face]\n  remove: [\"date x\"]\n")
    assert sorted(p.code for p in problems) == ["cleaning-rule-unused"] * 2
    assert sorted(str(p.pos).rsplit("/", 1)[1] for p in problems) == ["s.yml:3:16", "s.yml:4:12"]
