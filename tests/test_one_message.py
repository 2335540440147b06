"""One mistake, one message: a file that fails to parse, or an item with one bad field,
is reported once, and what it declared still counts, so nothing that refers to it is
reported as unknown and no claim it backs is reported as unsourced.

Each case breaks one thing in a copy of the seed corpus (hundreds of references, every
kind of annotation) and expects exactly one diagnostic.

And one mistake hides no other: an item with a bad optional field is still checked, so
the other problems in it are reported in the same build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from corpus_helpers import SEED
from test_bad_inputs import Case, unreadable

from briefing.pipeline import build

CLAIMS = "claims.yml"
ENTITIES = "entities.yml"
SOURCE = "sources/deepseek-traction-musk-bid.yml"


def first(old: str, new: str) -> tuple[str, str]:
    return old, new


CASES = [
    # A YAML error: the file is lost, yet its `id:` lines still declare its claims.
    ("claims.yml does not parse", CLAIMS, first("claims:\n", "claims:\n  bad: [\n"),
     "yaml-syntax"),
    ("a source does not parse", SOURCE, first("published:\n", "published: x\n  y: [\n"),
     "yaml-syntax"),
    ("claims.yml is not UTF-8", CLAIMS, first("claims:\n", "claims: \udcff\n"),
     "text-not-utf8"),
    ("an article is not UTF-8", SOURCE.replace(".yml", ".txt"), first(".", ".\udcff"),
     "text-not-utf8"),
    # One bad field: the item is kept without it, or dropped when the field is required or
    # shapes its other checks (cleaning); either way what it names waits.
    ("a source with a bad date", SOURCE, first("\"2025-02-15\"", "\"2025-02-30\""),
     "schema-date"),
    ("a claim with a bad status", CLAIMS, first("    status: disputed", "    status: disputd"),
     "schema-choice"),
    ("a source with a misspelt cleaning rule", SOURCE,
     first("  split_run_on_sentences: true", "  split_run_on_sentence: true"),
     "schema-unknown-key"),
    ("a source with a bad cleaning flag", SOURCE,
     first("  split_run_on_sentences: true", "  split_run_on_sentences: maybe"),
     "schema-flag"),
    ("an entity with a bad kind", ENTITIES, first("    kind: organisation", "    kind: firm"),
     "schema-choice"),
    ("a quote with an unknown field", SOURCE, first("  - id: traction-gaining-traction\n",
                                                    "  - id: traction-gaining-traction\n"
                                                    "    colour: red\n"), "schema-unknown-key"),
    # A look-alike letter: named once, and the references to the id it meant are not
    # reported again.
    ("a quote id with a Cyrillic a", SOURCE,
     first("  - id: traction-gaining-traction", "  - id: tr\u0430ction-gaining-traction"),
     "schema-slug"),
    ("a claim id with a Cyrillic o", CLAIMS,
     first("  - id: r1-training-cost-6m", "  - id: r1-training-c\u043est-6m"), "schema-slug"),
]


@pytest.mark.parametrize(("file", "change", "code"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_one_mistake_gives_one_message(tmp_path: Path, file: str, change: tuple[str, str],
                                       code: str) -> None:
    content = tmp_path / "content"
    shutil.copytree(SEED, content)
    assert not [d for d in build(content).diagnostics], "the seed corpus is not clean"
    path = content / file
    old, new = change
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_bytes(text.replace(old, new, 1).encode("utf-8", errors="surrogateescape"))
    found = build(content).diagnostics
    assert [d.code for d in found] == [code], "\n".join(d.format() for d in found)
    assert found[0].pos.path.endswith(file) and found[0].pos.line > 0


def test_look_alike_characters_are_named(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(SEED, content)
    path = content / SOURCE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - id: traction-gaining-traction",
                                 "  - id: tr\u0430ction-gaining-traction", 1), encoding="utf-8")
    (problem,) = build(content).diagnostics
    assert "U+0430 CYRILLIC SMALL LETTER A" in problem.message
    assert "'traction-gaining-traction'" in problem.hint


@pytest.mark.parametrize("file", [ENTITIES, SOURCE])
def test_a_file_saved_as_utf16_is_one_message(tmp_path: Path, file: str) -> None:
    """As Windows tools save "Unicode": its ids are still read, so nothing that refers to
    them is reported as unknown, and the hint names the encoding it is in."""
    content = tmp_path / "content"
    shutil.copytree(SEED, content)
    path = content / file
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    found = build(content).diagnostics
    assert [(d.code, d.pos.line, d.pos.col) for d in found] == [("text-not-utf8", 1, 1)], \
        "\n".join(d.format() for d in found)
    assert "UTF-16" in found[0].message and "iconv -f UTF-16" in found[0].hint


@pytest.mark.parametrize("file", [CLAIMS, SOURCE, "sources"])
def test_a_file_no_one_can_read_is_one_message(tmp_path: Path, file: str) -> None:
    """Its ids are unknown, so it may declare any: nothing is reported as unknown, and no
    claim as unsourced, until it can be read."""
    content = tmp_path / "content"
    shutil.copytree(SEED, content)
    with unreadable(Case("", "", "", unreadable=(file,)), content):
        found = build(content).diagnostics
    assert [d.code for d in found] == ["content-unreadable"], \
        "\n".join(d.format() for d in found)


def test_a_broken_source_does_not_unsource_a_description_quoting_it(tmp_path: Path) -> None:
    """An entity's description may quote any quote naming the entity: while the file of
    the quote it quotes cannot be read, the description waits, as the items citing the
    quote do, rather than be reported as quoting words no quote has."""
    content = tmp_path / "content"
    shutil.copytree(SEED, content)
    entities = content / ENTITIES
    entities.write_text(entities.read_text(encoding="utf-8").replace(
        '"Firm of [[entity:ted-mortonson]]."',
        '"Firm of [[entity:ted-mortonson]]: \\"Ted Mortonson from Baird\\"."', 1),
        encoding="utf-8")
    assert not build(content).diagnostics
    source = content / "sources/deepseek-claims-under-scrutiny.yml"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "quotes:\n", "quotes: [\n", 1), encoding="utf-8")
    found = build(content).diagnostics
    assert [d.code for d in found] == ["yaml-syntax"], "\n".join(d.format() for d in found)


# (file, old, new): one mistake in an optional field, then two more in the same item.
HIDDEN = [
    ("a source's misspelt field", SOURCE, [
        ("kind: news-report\n", "kind: news-report\nauther: X\n"),
        ("Backed by High-Flyer", "Backed by High-Flyr"),
        ("asserts: [efficiency-from-moe, moe-37b-of-671b]",
         "asserts: [efficiency-from-mo, moe-37b-of-671b]"),
    ], ["schema-unknown-key", "quote-not-found", "ref-unknown"]),
    ("a source's bad date", SOURCE, [
        ('"2025-02-15"', '"2025-02-30"'),
        ("Backed by High-Flyer", "Backed by High-Flyr"),
    ], ["schema-date", "quote-not-found"]),
    # A required field bad: the item cannot be made, but its references are still checked.
    ("a claim's bad status", CLAIMS, [
        ("powerful because of U.S. export restrictions.\n    claimant: deepseek\n"
         "    topics: [training-chips, deepseek-efficiency]\n    status: disputed",
         "powerful because of U.S. export restrictions.\n    claimant: deepseak\n"
         "    topics: [training-chips, deepseek-efficiency]\n    status: disputd"),
    ], ["schema-choice", "ref-unknown"]),
    ("a brief's misspelt summary", "briefs/deepseek-skepticism.yml", [
        ("summary:", "summery:"),
        ("cites: [nature-294k, nature-peer-reviewed, nature-512-h800]",
         "cites: [nature-294k, nature-peer-reviewd, nature-512-h800]"),
    ], ["schema-unknown-key", "ref-unknown"]),
    ("a brief's bad field", "briefs/deepseek-skepticism.yml", [
        ("related:\n", "updated: yesterday\nrelated:\n"),
        ("cites: [nature-294k, nature-peer-reviewed, nature-512-h800]",
         "cites: [nature-294k, nature-peer-reviewd, nature-512-h800]"),
    ], ["schema-date", "ref-unknown"]),
]


@pytest.mark.parametrize(("file", "changes", "codes"), [c[1:] for c in HIDDEN],
                         ids=[c[0] for c in HIDDEN])
def test_one_mistake_hides_no_other(tmp_path: Path, file: str,
                                    changes: list[tuple[str, str]], codes: list[str]) -> None:
    content = tmp_path / "content"
    shutil.copytree(SEED, content)
    path = content / file
    text = path.read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    found = build(content).diagnostics
    assert sorted(d.code for d in found) == sorted(codes), "\n".join(d.format() for d in found)
    assert all(d.pos.path.endswith(file) for d in found)
