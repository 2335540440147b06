"""Property tests: the YAML loader, the text decoder, the quote normaliser and matcher and
the reference parser end every input in a result or registered diagnostics, never in
another exception, and the positions they give are where YAML itself puts them.

Examples are bounded so the file runs in a few seconds; Hypothesis shrinks any failure
to its smallest input."""

from __future__ import annotations

import json

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.cleaning import clean
from briefing.codes import CODES
from briefing.diagnostics import Diagnostic, Severity
from briefing.link import anchor_quotes
from briefing.model import Source
from briefing.positions import Lines
from briefing.references import file_offsets, scan
from briefing.schema import Context, Invalid, Obj, Prose, ProseText
from briefing.text import decode_source, normalise, normalise_text
from briefing.yamlnodes import YMap, YNode, YScalar, YSeq, parse_yaml

BOUNDED = settings(max_examples=100, deadline=None,
                   suppress_health_check=[HealthCheck.too_slow])

# Pieces that make YAML-like text, with every line break YAML knows and a few characters
# that look like others.
YAML_PIECES = st.sampled_from([
    "a", "b: ", "- ", "  ", "key: value", "\n", "\r\n", "\r", "\x85", "\u2028", "\u2029",
    "# c", '"q', '"', "'", "[", "]", "{", "}", ",", ":", "é", "\u0430", "\u200b", "\ufeff",
    "\t", "\u00a0", "[[entity:acme]]", "&x", "*x", "!t", "---", "|", ">", "\\", "x" * 5,
])
yaml_texts = st.lists(YAML_PIECES, max_size=40).map("".join)
any_texts = st.text(max_size=200)


def registered(problems: tuple[Diagnostic, ...]) -> None:
    for problem in problems:
        assert problem.code in CODES, problem.code
        assert problem.severity is CODES[problem.code].severity or \
            problem.severity is Severity.ERROR


def within(problems: tuple[Diagnostic, ...], text: str) -> None:
    last = len(Lines.of(text).starts)
    for problem in problems:
        assert 0 <= problem.pos.line <= last, (problem, last)


def scalars(node: YNode | None) -> list[YScalar]:
    if isinstance(node, YScalar):
        return [node]
    if isinstance(node, YSeq):
        return [s for item in node.items for s in scalars(item)]
    if isinstance(node, YMap):
        return [s for k, v in node.items for s in (k, *scalars(v))]
    return []


@BOUNDED
@given(st.one_of(yaml_texts, any_texts))
def test_the_yaml_loader_ends_in_a_tree_or_diagnostics(text: str) -> None:
    root, problems = parse_yaml(text, "f.yml")
    registered(problems)
    within(problems, text)
    if root is None:
        assert any(p.severity is Severity.ERROR for p in problems)


@BOUNDED
@given(yaml_texts)
def test_yaml_positions_are_the_ones_yaml_marks_give(text: str) -> None:
    # (The decoder removes a BOM that opens a file; libyaml does not count one there.)
    text = text.removeprefix("\ufeff")
    try:
        marks = [(e.start_mark.index, e.start_mark.line + 1, e.start_mark.column + 1)
                 for e in yaml.parse(text, Loader=yaml.CSafeLoader)
                 if isinstance(e, yaml.ScalarEvent)]
    except yaml.YAMLError:
        return
    lines = Lines.of(text)
    for index, line, col in marks:
        # At the very end of a file without a final line break, libyaml puts the end of
        # the stream on a line of its own that no editor shows; there we keep the last
        # line.
        if index < len(text):
            assert lines.line_col(index) == (line, col)
    expected = {lines.line_col(index) for index, _, _ in marks}
    root, _ = parse_yaml(text, "f.yml")
    for scalar in scalars(root):
        assert (scalar.pos.line, scalar.pos.col) in expected
        if "[[" in scalar.value or "]]" in scalar.value:  # kept only for these
            assert (scalar.pos.line, scalar.pos.col) == lines.line_col(scalar.span[0])


@BOUNDED
@given(st.one_of(st.binary(max_size=200), yaml_texts.map(lambda t: t.encode("utf-8"))))
def test_the_decoder_ends_in_text_or_diagnostics(data: bytes) -> None:
    text, problems = decode_source(data, "f.txt")
    registered(problems)
    if text is None:
        assert any(p.severity is Severity.ERROR for p in problems)
    else:
        assert "\r" not in text
        within(problems, text)


# Words, and the many ways one passage can be written: dashes, quotes, spaces, invisibles.
WORDS = st.lists(st.sampled_from(["cost", "5", "million", "Acme", "caf\u00e9", "x"]),
                 min_size=1, max_size=12)
DASHES = st.sampled_from(["-", "\u2013", "\u2014", "\ufe32", "\ufe58", "\u2212"])
SPACES = st.sampled_from([" ", "  ", "\u00a0", "\n", " \u200b", "\u2061 "])
QUOTES = st.sampled_from(['"', "\u201c", "\u201d", "\u00ab", "\uff02"])


@st.composite
def written(draw: st.DrawFn, words: list[str]) -> str:
    out = []
    for word in words:
        if word == "x":
            word = f"{draw(QUOTES)}a{draw(DASHES)}b{draw(QUOTES)}"
        out.append(word)
        out.append(draw(SPACES))
    return "".join(out[:-1])


@BOUNDED
@given(st.data(), WORDS, WORDS, WORDS)
def test_a_passage_written_another_way_is_found_where_it_is(
        data: st.DataObject, before: list[str], passage: list[str], after: list[str]) -> None:
    article = data.draw(written(before + passage + after))
    quote = data.draw(written(passage))
    hay, needle = normalise(article), normalise_text(quote)
    start = hay.text.find(needle)
    assert start >= 0, (article, quote)
    begin, end = hay.span_in_original(start, start + len(needle))
    assert 0 <= begin < end <= len(article)
    assert normalise_text(article[begin:end]) == needle


@BOUNDED
@given(any_texts)
def test_normalising_is_stable_and_maps_back(text: str) -> None:
    norm = normalise(text)
    assert normalise_text(norm.text) == norm.text
    if norm.text:
        begin, end = norm.span_in_original(0, len(norm.text))
        assert 0 <= begin < end <= len(text)


REF_PIECES = st.sampled_from(["[[", "]]", "[", "]", "entity:acme", "claim:c-1", "|", "label",
                              " ", "\n  ", ":", "\u0430", "x", "[[entity:", "acme]]"])


@BOUNDED
@given(st.one_of(st.lists(REF_PIECES, max_size=20).map("".join), any_texts))
def test_the_reference_scanner_places_every_pair(value: str) -> None:
    found, strays = scan(value)
    ends = -1
    for ref in found:
        assert ref.start > ends and value[ref.start:ref.end] == ref.text
        assert ref.text.startswith("[[") and ref.text.endswith("]]")
        ends = ref.end - 1
    for stray in strays:
        assert value[stray.start:stray.start + 2] in ("[[", "]]")
    assert file_offsets(value, value, 7) == {
        at: at + 7 for at in range(len(value)) if value[at:at + 2] in ("[[", "]]")
        and at in file_offsets(value, value, 0)}


@BOUNDED
@given(st.lists(REF_PIECES, max_size=20).map("".join), st.sampled_from(['"', "plain"]))
def test_references_in_a_yaml_value_end_in_prose_or_diagnostics(value: str, style: str) -> None:
    written_value = json.dumps(value, ensure_ascii=False) if style == '"' else value
    text = f"k: {written_value}\n"
    root, _ = parse_yaml(text, "f.yml")
    if not isinstance(root, YMap) or not isinstance(root.items[0][1], YScalar):
        return
    ctx = Context("f.yml", text)
    result = ProseText(("entity", "claim")).convert(root.items[0][1], ctx)
    registered(tuple(ctx.problems))
    within(tuple(ctx.problems), text)
    assert isinstance(result, Prose) or (isinstance(result, Invalid) and ctx.problems)
    if isinstance(result, Prose):
        for ref in result.refs:
            line_start = Lines.of(text).starts[ref.pos.line - 1]
            assert text[line_start + ref.pos.col - 1:].startswith("[[")


@BOUNDED
@given(st.data(), WORDS, WORDS, WORDS, st.booleans())
def test_the_quote_matcher_anchors_or_reports(data: st.DataObject, before: list[str],
                                              passage: list[str], after: list[str],
                                              twice: bool) -> None:
    """The real matcher, on a source converted from YAML: a passage written another way
    is anchored once, or reported as ambiguous, not found, or with its prefix not before
    it; never anything else."""
    words = before + passage + after + (passage if twice else [])
    article = data.draw(written(words))
    quote, prefix = data.draw(written(passage)), data.draw(st.sampled_from(["", *before]))
    yml = ("title: t\nquotes:\n  - id: q\n"
           f"    text: {json.dumps(quote, ensure_ascii=False)}\n"
           + (f"    prefix: {json.dumps(prefix, ensure_ascii=False)}\n" if prefix else ""))
    root, _ = parse_yaml(yml, "s.yml")
    assert root is not None
    ctx = Context("s.yml", yml)
    source = Obj(Source).convert(root, ctx, id="s", text=article)
    if isinstance(source, Invalid) or ctx.problems:  # a value the schema refuses
        assert ctx.problems
        return
    found, problems = anchor_quotes(source, clean(source)[0])
    registered(tuple(problems))
    assert bool(found) != bool(problems)
    assert {p.code for p in problems} <= {"quote-not-found", "quote-ambiguous",
                                          "quote-context-not-found"}
    one_line = "\n" not in article  # blocks are lines: a passage never spans two
    if one_line and not prefix and _occurrences(normalise(article).text,
                                                normalise_text(quote)) == 1:
        assert "q" in found


def _occurrences(text: str, passage: str) -> int:
    """Places `passage` starts at, overlapping ones included ("cost cost" is twice in
    "cost cost cost", as the matcher sees it; `str.count` says once)."""
    return sum(text.startswith(passage, at) for at in range(len(text))) if passage else 0
