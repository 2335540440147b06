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


def test_repair_reads_letters_of_any_script(make_content) -> None:  # type: ignore[no-untyped-def]
    view, _ = cleaned(make_content, "Costs rose in Łódź.Ørsted said so.Émile agreed.\u201cÇa "
                      "va.\u201d Q.É. stays.\n", "cleaning: {split_run_on_sentences: true}\n")
    assert view.blocks[0].text == \
        "Costs rose in Łódź. Ørsted said so. Émile agreed. \u201cÇa va.\u201d Q.É. stays."


def test_a_rule_that_matches_nothing_is_reported(make_content) -> None:  # type: ignore[no-untyped-def]
    _, problems = cleaned(make_content, "Text.\n",
                          "cleaning:\n  drop_lines: [Smily face]\n  remove: [\"date x\"]\n")
    assert sorted(p.code for p in problems) == ["cleaning-rule-unused"] * 2
    assert sorted(str(p.pos).rsplit("/", 1)[1] for p in problems) == ["s.yml:3:16", "s.yml:4:12"]


WRAPPED = ("Harbour dredging delayed\n\n"
           "The board said the second phase will not\n"
           "begin before a survey is complete. It called\n"
           "it a cost-\n"
           "effective pause, not a state -\n"
           "of affairs.\n"
           "Boilerplate\n"
           "Next paragraph, after a dropped line.\n\n"
           "Heading\n"
           "Last paragraph.\n")


def test_a_hard_wrapped_text_is_read_in_paragraphs(make_content) -> None:  # type: ignore[no-untyped-def]
    view, problems = cleaned(make_content, WRAPPED, """\
cleaning:
  drop_lines: [Boilerplate]
  headings: [Heading]
  join_wrapped_lines: true
""")
    assert not problems
    assert [(b.kind, b.text, b.line, b.last_line) for b in view.blocks] == [
        ("paragraph", "Harbour dredging delayed", 1, 1),
        # A word broken after its hyphen is whole again; a spaced dash keeps its space.
        ("paragraph", "The board said the second phase will not begin before a survey is "
                      "complete. It called it a cost-effective pause, not a state - of "
                      "affairs.", 3, 7),
        ("paragraph", "Next paragraph, after a dropped line.", 9, 9),
        ("heading", "Heading", 11, 11),
        ("paragraph", "Last paragraph.", 12, 12),
    ]


def test_without_the_rule_each_line_is_a_block(make_content) -> None:  # type: ignore[no-untyped-def]
    view, _ = cleaned(make_content, WRAPPED, "")
    assert [b.line for b in view.blocks] == [1, 3, 4, 5, 6, 7, 8, 9, 11, 12]
    assert all(b.line == b.last_line for b in view.blocks)
