"""Positions: lines counted as YAML counts them, references placed at their own text."""

from __future__ import annotations

import pytest
import yaml

from briefing.diagnostics import Pos
from briefing.positions import Lines, split_lines
from briefing.references import file_offsets, scan
from briefing.text import decode_source
from briefing.yamlnodes import YMap, YScalar, parse_yaml

BREAKS = ["\n", "\r\n", "\r", "\x85", "\u2028", "\u2029"]
LOADERS = [yaml.SafeLoader, yaml.CSafeLoader] if yaml.__with_libyaml__ else [yaml.SafeLoader]


def marks(text: str, loader: type) -> list[tuple[int, int, int]]:
    return [(e.start_mark.index, e.start_mark.line + 1, e.start_mark.column + 1)
            for e in yaml.parse(text, Loader=loader) if isinstance(e, yaml.ScalarEvent)]


@pytest.mark.parametrize("loader", LOADERS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("br", BREAKS, ids=repr)
@pytest.mark.parametrize("shape", [
    "a: 1 # note{br}b: 2\nc: é3\n",  # in a comment
    "a: x{br}  y\nb: 2\nc: é3\n",  # in a plain value
    'a: "x{br}  y"\nb: 2\nc: é3\n',  # in a quoted value
    "a: 1\n{br}b: 2\nc: é3\n",  # on a line of its own
])
def test_line_counting_agrees_with_yaml(shape: str, br: str, loader: type) -> None:
    text = shape.format(br=br)
    lines = Lines.of(text)
    found = marks(text, loader)
    assert found[-1][1] == 4 if shape.startswith(("a: x", 'a: "', "a: 1\n")) else 3
    for index, line, col in found:
        assert lines.line_col(index) == (line, col)


def test_split_lines_follows_the_same_model() -> None:
    assert split_lines("a\r\nb\rc\x85d\u2028e\u2029f\ng") == list("abcdefg")


def test_node_positions_agree_with_yaml_after_a_line_separator() -> None:
    text = "a: 1 # see\u2028b: 2\nc: 3\n"
    root, problems = parse_yaml(text, "f.yml")
    assert isinstance(root, YMap)
    assert [k.pos for k, _ in root.items] == [Pos("f.yml", 1, 1), Pos("f.yml", 2, 1),
                                             Pos("f.yml", 3, 1)]
    assert [(p.code, p.pos) for p in problems] == [("yaml-line-separator", Pos("f.yml", 1, 11))]
    assert "U+2028 LINE SEPARATOR" in problems[0].message


def test_a_bom_inside_a_line_counts_as_a_column() -> None:
    """The pure-Python reader skips a BOM when counting columns, libyaml does not; the
    position comes from the offset, so both parsers give the editor's column."""
    root, _ = parse_yaml("a: 1\nb\ufeffc: 2\n", "f.yml")
    assert isinstance(root, YMap)
    value = root.items[1][1]
    assert isinstance(value, YScalar) and value.pos == Pos("f.yml", 2, 6)


@pytest.mark.parametrize("br", BREAKS, ids=repr)
def test_decoder_positions_count_lines_as_yaml_does(br: str) -> None:
    data = f"one{br}two{br}th\u202eree".encode()
    _, problems = decode_source(data, "f.txt")
    bidi = [p for p in problems if p.code == "text-bidi-control"]
    assert [p.pos for p in bidi] == [Pos("f.txt", 3, 3)]


@pytest.mark.parametrize("br", ["\n", "\r\n", "\r", "\u2028"], ids=repr)
def test_not_utf8_position_counts_lines_as_yaml_does(br: str) -> None:
    data = f"one{br}two{br}é".encode() + b"\xff"
    _, problems = decode_source(data, "f.txt")
    assert [p.pos for p in problems] == [Pos("f.txt", 3, 2)]


def test_references_and_strays_each_at_their_own_offset() -> None:
    value = "a [[x:b]] c ]] d [[y:e|f [[z:g]] h]] i [[j"
    found, strays = scan(value)
    assert [(f.start, f.text) for f in found] == [(2, "[[x:b]]")]
    assert [(s.start, s.message) for s in strays] == [
        (value.index("]] d"), "`]]` closes no reference"),
        (value.index("[[z"), "a reference cannot be nested inside another reference"),
        (value.rindex("[["), "`[[` is never closed by `]]`"),
    ]


def test_reference_offsets_follow_folded_lines() -> None:
    written = '"see [[entity:\n    acme]] and [[claim:x]]"'
    value = "see [[entity: acme]] and [[claim:x]]"
    offsets = file_offsets(value, written, 100)
    assert offsets[4] == 100 + written.index("[[entity")
    assert offsets[25] == 100 + written.index("[[claim")
    assert file_offsets("[[a:b]]", '"\\x5b[a:b]]"', 0) == {}


def test_a_value_at_the_very_end_of_a_file_stays_on_the_last_line() -> None:
    """libyaml puts the end of a file without a final line break on a line of its own;
    the empty value of a last `key:` is placed where it is, after the colon."""
    root, _ = parse_yaml("a: 1\nb:", "f.yml")
    assert isinstance(root, YMap)
    value = root.items[1][1]
    assert isinstance(value, YScalar) and value.pos == Pos("f.yml", 2, 3)


@pytest.mark.parametrize(("value", "label", "warned"), [
    ("[[entity:acme|Acme [the maker]]] says", "Acme [the maker]", False),  # a pair: kept
    ("[[entity:acme|Acme [the maker]] says", "Acme [the maker", True),  # one, shown as text
    ("[[entity:acme]]] says", None, True),  # a `]` left over after the reference
])
def test_a_label_keeps_its_brackets_in_pairs(value: str, label: str | None,
                                             warned: bool) -> None:
    (found,), strays = scan(value)
    parts = found.parts()
    assert parts is not None and parts[2] == label
    assert [stray.warn for stray in strays] == ([True] if warned else [])
