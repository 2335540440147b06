from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from briefing.load import item_list
from briefing.model import ClaimsFile, EntitiesFile
from briefing.schema import Context, Obj
from briefing.yamlnodes import YMap, YScalar, YSeq, _closed_early, parse_yaml


def only_problem(text: str) -> tuple[str, str]:
    node, problems = parse_yaml(text, "f.yml")
    assert node is None
    assert len(problems) == 1, problems
    return problems[0].code, str(problems[0].pos)


def test_values_keep_positions_and_stay_text() -> None:
    node, problems = parse_yaml('a: 2025-02-15\nb: [no, "0123", 1.10]\nc: on\n', "f.yml")
    assert not problems
    assert isinstance(node, YMap)
    a = node.get("a")
    assert isinstance(a, YScalar) and a.value == "2025-02-15" and str(a.pos) == "f.yml:1:4"
    b = node.get("b")
    assert isinstance(b, YSeq)
    assert [i.value for i in b.items if isinstance(i, YScalar)] == ["no", "0123", "1.10"]
    assert [i.style for i in b.items if isinstance(i, YScalar)] == [None, '"', None]
    c = node.get("c")
    assert isinstance(c, YScalar) and c.value == "on"


@pytest.mark.parametrize(
    ("text", "code", "where"),
    [
        ("a: 1\nb: 2\na: 3\n", "yaml-duplicate-key", "f.yml:3:1"),
        ("a: &x 1\nb: *x\n", "yaml-anchor", "f.yml:1:4"),
        ("a: [1]\nb: *x\n", "yaml-alias", "f.yml:2:4"),
        ("", "yaml-empty", "f.yml:1:1"),
        ("# a comment only\n", "yaml-empty", "f.yml:1:1"),
        ("a:\n\tb: 1\n", "yaml-tab-indent", "f.yml:2:1"),
        ("a:\n\u00a0 b: 1\n", "yaml-nbsp-indent", "f.yml:2:1"),
        ("a: |\n  text\n\tb: 1\n", "yaml-tab-indent", "f.yml:3:1"),  # after the block
        ("a: |\n  text\n\u00a0b: 1\n", "yaml-nbsp-indent", "f.yml:3:1"),
        ("a: 1\n---\nb: 2\n", "yaml-several-documents", "f.yml:2:1"),
        ("a: !!python/object:os.system 1\n", "yaml-tag", "f.yml:1:4"),
        ("a: [1, 2\n", "yaml-syntax", "f.yml:2:1"),
        ("? [a]\n: 1\n", "yaml-complex-key", "f.yml:1:3"),
    ],
)
def test_rejected_yaml(text: str, code: str, where: str) -> None:
    assert only_problem(text) == (code, where)


@pytest.mark.parametrize(("text", "value"), [
    ("a: |\n  first\n  \tled by a tab\nb: 1\n", "first\n\tled by a tab\n"),
    ("a: >\n  first\n  \u00a0led by NBSP\nb: 1\n", "first \u00a0led by NBSP\n"),
    ("a: |2\n  \tthe first line\nb: 1\n", "\tthe first line\n"),
    ("a: |\n  \u00a0the first line\nb: 1\n", "\u00a0the first line\n"),
])
def test_a_tab_or_nbsp_after_a_blocks_indentation_is_its_text(text: str, value: str) -> None:
    """They were refused as indentation, though YAML reads them as the block's text (a
    pasted passage that starts with a tab)."""
    node, problems = parse_yaml(text, "f.yml")
    assert problems == () and isinstance(node, YMap)
    a, b = node.get("a"), node.get("b")
    assert isinstance(a, YScalar) and a.value == value
    assert isinstance(b, YScalar) and b.pos.line == text.split("\n").index("b: 1") + 1


def test_alias_bomb_is_rejected_before_expanding() -> None:
    bomb = "a: &a [x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(20))
    node, problems = parse_yaml(bomb, "f.yml")
    assert node is None and problems[0].code == "yaml-anchor"


def test_depth_is_capped() -> None:
    deep = "a: " + "[" * 60 + "]" * 60 + "\n"
    node, problems = parse_yaml(deep, "f.yml")
    assert node is None and problems[0].code == "yaml-too-deep"


def test_every_duplicate_key_is_reported() -> None:
    node, problems = parse_yaml("a: 1\na: 2\nb: 1\nb: 2\n", "f.yml")
    assert node is None
    assert [str(p.pos) for p in problems] == ["f.yml:2:1", "f.yml:4:1"]
    assert "first set at line 1" in problems[0].message


@pytest.mark.parametrize(("line", "closer"), [  # the mark and its column
    ('    text: "he said "no" today"', ('"', 20)),
    ("  - text: 'it's here'", ("'", 14)),
    ('title: "Acme" prices', ('"', 13)),
    ('    text: "he said \\"no\\" today"', None),  # escaped: closed at the end
    ('    text: "whole"  # a comment', None),
    ("    text: 'it''s whole'", None),
    ('asserts: ["a", "b"]', None),
    ("title: plain words", None),
])
def test_a_value_closed_early_by_its_own_quotation_mark_is_recognised(
        line: str, closer: tuple[str, int] | None) -> None:
    assert _closed_early(line) == closer


ENTRY = "  - id: a\n    text: x\n"


@pytest.mark.parametrize(("text", "code", "where", "fix"), [
    # Indented like the keys: read as repeats of the entry above.
    ("q:\n" + ENTRY + "    id: b  # the second\n    text: y\n", "yaml-missing-dash", "f.yml:4:5",
     "write `- id: b`, its dash in column 3 as the other entries have it"),
    # Indented like the dashes: the list cannot be read.
    ("q:\n" + ENTRY + "  id: b\n  text: y\n" + ENTRY, "yaml-syntax", "f.yml:4:3",
     "write `- id: b`, its dash in column 3 as the other entries have it, and line up "
     "the entry's other keys under `id`"),
    ("q:\n" + ENTRY + "  id: b\n  text: y\n", "yaml-syntax", "f.yml:4:3", "`- id: b`"),
    # The first of its list, either way.
    ("q:\n  id: b\n    text: y\n" + ENTRY, "yaml-syntax", "f.yml:2:3", "`- id: b`"),
    ("q:\n  # the first\n    id: b\n    text: y\n" + ENTRY, "yaml-syntax", "f.yml:3:5",
     "write `- id: b`, its dash in column 3 as the other entries have it"),
    # The list of an entry's list.
    ("q:\n  - id: a\n    f:\n      - m: 1\n        n: 2\n        m: 3\n        n: 4\n",
     "yaml-missing-dash", "f.yml:6:9", "its dash in column 7"),
])
def test_an_entry_missing_its_dash_is_one_error_there(text: str, code: str, where: str,
                                                      fix: str) -> None:
    node, problems = parse_yaml(text, "f.yml")
    assert node is None and len(problems) == 1, problems
    assert (problems[0].code, str(problems[0].pos)) == (code, where)
    assert "looks like a list entry missing its `- `" in problems[0].message
    assert fix in problems[0].hint


def test_each_entry_missing_its_dash_is_reported_and_their_own_repeats_too() -> None:
    text = ("q:\n" + ENTRY + "    id: b\n    text: y\n    id: c\n    text: z\n    note: v\n"
            "    note: w\n")
    _, problems = parse_yaml(text, "f.yml")
    assert [(p.code, str(p.pos)) for p in problems] == [
        ("yaml-missing-dash", "f.yml:4:5"), ("yaml-missing-dash", "f.yml:6:5"),
        ("yaml-duplicate-key", "f.yml:9:5")]
    assert "first set at line 8" in problems[2].message


@pytest.mark.parametrize("text", [
    "q:\n  - id: a\n    name: A\n    id: b\n    kind: person\n",  # a repeated key alone
    "q:\n  - id: a\n    id: b\n",
    "q:\n  - {id: a, text: x, id: b, text: y}\n",  # on one line: no dash is missing
])
def test_a_key_repeated_in_one_entry_stays_a_duplicate_key(text: str) -> None:
    _, problems = parse_yaml(text, "f.yml")
    assert problems and {p.code for p in problems} <= {"yaml-duplicate-key", "yaml-syntax"}
    assert not any("missing its" in p.message for p in problems)


@pytest.mark.parametrize("text", [
    "x:\n  quotes:\n  - id: a\n    text: x\n  note: he said: this\n",  # indentless lists
    "quotes:\n- id: a\n  text: x\nnote: he said: this\n",
    "q:\n  - id: a\n    text: he said: no\n",
    "q:\n  - id: a\n    text: x\n  - id: b\n    text: [1, 2\n",
    # An extension appended at the end of mkdocs.yml, under `validation:`: a stray entry
    # of a list of words, not an entry of mappings that lost its dash.
    "validation:\n  links:\n    not_found: warn\n    anchors: warn\n  - pymdownx.arithmatex\n",
    "v:\n  a: 1\n  b: 2\n  - tables\n",
])
def test_other_syntax_errors_near_a_list_keep_their_own_hint(text: str) -> None:
    _, problems = parse_yaml(text, "f.yml")
    assert [p.code for p in problems] == ["yaml-syntax"]
    assert "missing its" not in problems[0].message


ENTITY = "id: a\n{0}name: A\n{0}kind: person\n"
CLAIM = '  - {0}\n    statement: "S."\n    status: reported\n'
FIGURE = "metric: m\n{0}value: 1\n{0}unit: USD\n"


@pytest.mark.parametrize(("file", "text", "where", "fix"), [
    # Written in the column the dash goes in: its other keys move too.
    (EntitiesFile, "entities:\n  " + ENTITY.format("  "), "f.yml:2:3",
     "write `- id: a`, its dash in column 3, and line up the entry's other keys under `id`"),
    # A space where the dash was: only the dash is missing.
    (EntitiesFile, "# people\nentities:  # all of them\n\n    # the one\n    "
     + ENTITY.format("    "), "f.yml:5:5", "write `- id: a`, its dash in column 3"),
    # The list of an entry's list, under a key after a dash or not.
    (ClaimsFile, "claims:\n" + CLAIM.format("id: c") + "    figures:\n      "
     + FIGURE.format("      "), "f.yml:6:7",
     "write `- metric: m`, its dash in column 7, and line up the entry's other keys under "
     "`metric`"),
    (ClaimsFile, "claims:\n" + CLAIM.format("figures:\n        " + FIGURE.format("        ")
                                            + "    id: c"), "f.yml:3:9",
     "write `- metric: m`, its dash in column 7"),
])
def test_the_only_entry_missing_its_dash_is_one_error_and_still_read(
        file: type, text: str, where: str, fix: str) -> None:
    node, problems = parse_yaml(text, "f.yml")
    assert node is not None and not problems, problems
    ctx = Context("f.yml", text)
    read = Obj(file).convert(node, ctx)
    assert [(p.code, str(p.pos), p.hint) for p in ctx.problems] == [
        ("yaml-missing-dash", where, fix)]
    assert "looks like a list entry missing its `- `" in ctx.problems[0].message
    entries = read.entities if file is EntitiesFile else read.claims[0].figures
    assert len(entries) == 1


@pytest.mark.parametrize("text", [
    "entities: {id: a, name: A, kind: person}\n",  # no dash could go there
    "entities:\n  {id: a, name: A, kind: person}\n",
    "entities:\n  - id: a\n    name: A\n    kind: person\n    aliases:\n      b: c\n",
])
def test_a_mapping_where_no_entry_is_missing_its_dash_stays_a_type_error(text: str) -> None:
    node, _ = parse_yaml(text, "f.yml")
    assert node is not None
    ctx = Context("f.yml", text)
    Obj(EntitiesFile).convert(node, ctx)
    assert [p.code for p in ctx.problems] == ["schema-type"]
    assert "expected a list, found a mapping" in ctx.problems[0].message


SEED = Path(__file__).parent / "fixtures" / "seed-content"
_KEY_LINE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(?=\s|$)")


@pytest.mark.parametrize("path", sorted(p.relative_to(SEED).as_posix()
                                        for p in SEED.rglob("*.yml")))
def test_a_key_without_its_colon_is_named_at_its_line_wherever_it_is(path: str) -> None:
    """Every key of the seed corpus's annotation files, its colon deleted: the file still
    parses (the line reads as a value that runs on), or the first error is at that line,
    naming the key, wherever YAML stopped (a block of text below, a colon in it, the next
    entry)."""
    lines = (SEED / path).read_text(encoding="utf-8").split("\n")
    for number, line in enumerate(lines, start=1):
        if (key := _KEY_LINE.match(line)) is None:
            continue
        broken = [*lines[:number - 1], line[:key.end()][:-1] + line[key.end():],
                  *lines[number:]]
        _, problems = parse_yaml("\n".join(broken), path)
        if not problems:
            continue
        first = problems[0]
        assert (first.pos.line, first.pos.col) == (number, key.end()), (line, first.format())
        assert f"no colon after the key `{key[2]}`" in first.message, first.format()


_NESTED_KEY = re.compile(r"^( +)(?!- )([A-Za-z_][\w-]*):(?=\s|$)")


@pytest.mark.parametrize("path", sorted(p.relative_to(SEED).as_posix()
                                        for p in SEED.rglob("*.yml")))
def test_a_key_out_of_line_is_named_wherever_it_is(path: str) -> None:
    """Every nested key of the seed corpus's annotation files, one or two spaces further
    right or left (into the column of its list's dashes, too): the file still parses, or
    the first error names that key, at its line (over a block of text above it, too),
    or, when it opens a mapping of two keys (either may be the one out of line), at the
    next key, which the parser stops on, as the key above out of line with it."""
    text = (SEED / path).read_text(encoding="utf-8")
    lines = text.split("\n")
    pairs = _first_keys_of_pairs(yaml.compose(text, Loader=yaml.SafeLoader))
    for number, line in enumerate(lines, start=1):
        if (key := _NESTED_KEY.match(line)) is None:
            continue
        for shift in (1, -1, 2, -2):
            moved = " " * (len(key[1]) + shift) + line.lstrip(" ")
            _, problems = parse_yaml("\n".join([*lines[:number - 1], moved, *lines[number:]]),
                                     path)
            if not problems:
                continue
            first = problems[0]
            assert (first.pos.line == number and f"`{key[2]}:` is indented" in first.message
                    ) or (number in pairs and first.pos.line > number
                          and f"the key above it, `{key[2]}:`" in first.message), \
                (moved, first.format())


def _first_keys_of_pairs(root: yaml.Node) -> set[int]:
    """The lines of the first keys of the mappings of two keys under `root`."""
    found, nodes = set(), [root]
    while nodes:
        node = nodes.pop()
        if isinstance(node, yaml.MappingNode):
            nodes.extend(value for _, value in node.value)
            if len(node.value) == 2:
                found.add(node.value[0][0].start_mark.line + 1)
        elif isinstance(node, yaml.SequenceNode):
            nodes.extend(node.value)
    return found


def _entries_with_neighbours(text: str) -> dict[int, tuple[int, int, int]]:
    """The dash lines of the block lists of two entries or more, each with its column,
    its entry's last line and how many entries its list has, read by PyYAML's own
    composer (not the code under test)."""
    entries: dict[int, tuple[int, int, int]] = {}
    for node in _block_lists(text):
        if len(node.value) < 2:
            continue
        for item in node.value:
            if isinstance(item, yaml.MappingNode):
                entries[item.start_mark.line + 1] = (item.start_mark.column - 2,
                                                     _last_line(text, item), len(node.value))
    return entries


def _block_lists(text: str) -> Iterator[yaml.SequenceNode]:
    """The block lists of `text`, read by PyYAML's own composer (not the code under test)."""
    nodes: list[yaml.Node] = [yaml.compose(text, Loader=yaml.SafeLoader)]
    while nodes:
        node = nodes.pop()
        if isinstance(node, yaml.MappingNode):
            nodes.extend(value for _, value in node.value)
        elif isinstance(node, yaml.SequenceNode):
            nodes.extend(node.value)
            if not node.flow_style:
                yield node


def _last_line(text: str, node: yaml.Node) -> int:
    """The last line holding something of `node` (its end mark may be on the next)."""
    return text[:node.end_mark.index].rstrip().count("\n") + 1


@pytest.mark.parametrize("path", sorted(p.relative_to(SEED).as_posix()
                                        for p in SEED.rglob("*.yml")))
def test_an_entry_out_of_line_with_its_neighbours_is_named_at_its_dash(path: str) -> None:
    """Every entry of a list of two or more in the seed corpus's annotation files, its
    dash line alone or the whole entry one or two spaces right or left: the file still
    parses, or the first error is at its dash, naming its neighbours' column, and the
    move it names is the one undone. Of two entries, one moved whole reads as well as the
    other moved back: the error may name either."""
    text = (SEED / path).read_text(encoding="utf-8")
    lines = text.split("\n")
    for number, (column, last, siblings) in _entries_with_neighbours(text).items():
        for end in (number, last):
            for shift in (1, -1, 2, -2):
                moved = [" " * shift + line if shift > 0 else line[-shift:]
                         for line in lines[number - 1:end]]
                if any(line[:-shift].strip() for line in lines[number - 1:end] if shift < 0):
                    continue
                _, problems = parse_yaml("\n".join([*lines[:number - 1], *moved,
                                                    *lines[end:]]), path)
                if not problems:
                    continue
                first = problems[0]
                if siblings == 2 and end > number and first.pos.line != number:
                    assert first.pos.col == column + 1, first.format()
                    assert f"has it in column {column + shift + 1}" in first.message
                    continue
                assert (first.pos.line, first.pos.col) == (number, column + shift + 1), \
                    (number, end, shift, first.format())
                assert f"has it in column {column + 1}" in first.message, first.format()
                assert f"{abs(shift)} space" in first.hint, first.format()


def _entries_opening_alike(text: str) -> list[tuple[int, int, str]]:
    """The entries after the first of the block lists of the seed corpus whose entries
    all open with the same key: each with the lines its first key and value span and the
    key."""
    found: list[tuple[int, int, str]] = []
    for node in _block_lists(text):
        entries = [i for i in node.value if isinstance(i, yaml.MappingNode)]
        if len(entries) < 2 or len(entries) < len(node.value) \
                or len({entry.value[0][0].value for entry in entries}) > 1:
            continue
        found.extend((entry.start_mark.line + 1, _last_line(text, entry.value[0][1]),
                      entry.value[0][0].value) for entry in entries[1:])
    return found


@pytest.mark.parametrize("path", sorted(p.relative_to(SEED).as_posix()
                                        for p in SEED.rglob("*.yml")))
def test_an_entry_missing_its_first_line_is_one_error_wherever_it_is(path: str) -> None:
    """Every entry after the first of a list whose entries open with the same key (`- id:
    x`), its first key deleted with its value: its other keys merge into the entry above,
    and the one error is at the first of them, naming the key the entry lost, not one
    duplicate key per key it holds."""
    text = (SEED / path).read_text(encoding="utf-8")
    lines = text.split("\n")
    for first, last, key in _entries_opening_alike(text):
        _, problems = parse_yaml("\n".join([*lines[:first - 1], *lines[last:]]), path)
        assert [(p.code, p.pos.line) for p in problems] == [
            ("yaml-missing-first-key", first)], (first, [p.format() for p in problems])
        assert f"missing its first line, `- {key}: …`" in problems[0].message
        assert f"write the entry's first line, `- {key}: …`" in problems[0].hint


@pytest.mark.parametrize(("text", "where", "fix"), [
    # An entry of two keys: its one other key repeats the entry above's second.
    ("q:\n" + ENTRY + ENTRY.replace("  - id: a\n", ""), "f.yml:4:5",
     "`- id: …`, above `text:`, its dash in column 3"),
    # The list's only entry left: it opens as its list's entries do.
    ("q:\n  - kind: a\n    points: [x]\n    points: [y]\n", "f.yml:4:5", "`- kind: …`"),
    # The list of an entry's list.
    ("q:\n  - id: a\n    f:\n      - m: 1\n        n: 2\n        n: 3\n", "f.yml:6:9",
     "`- m: …`, above `n:`, its dash in column 7"),
])
def test_an_entry_missing_its_first_line_is_one_error_there(text: str, where: str,
                                                            fix: str) -> None:
    node, problems = parse_yaml(text, "f.yml")
    assert node is None and [(p.code, str(p.pos)) for p in problems] == [
        ("yaml-missing-first-key", where)], problems
    assert fix in problems[0].hint


def test_entries_missing_their_first_lines_or_dashes_are_each_one_error() -> None:
    text = "q:\n" + ENTRY + "    text: y\n    text: z\n    id: c\n    text: w\n    text: v\n"
    _, problems = parse_yaml(text, "f.yml")
    assert [(p.code, str(p.pos)) for p in problems] == [
        ("yaml-missing-first-key", "f.yml:4:5"), ("yaml-missing-first-key", "f.yml:5:5"),
        ("yaml-missing-dash", "f.yml:6:5"), ("yaml-missing-first-key", "f.yml:8:5")]


@pytest.mark.parametrize("text", [
    "q:\n" + ENTRY + "    note: b\n    note: c\n",  # not the key entries have second
    "q:\n  - id: a\n    text: x\n    other: y\n  - text: b\n    other: z\n    text: w\n",
    "q:\n  - id: a\n    text: x\n    m: {text: y, text: z}\n",  # a flow mapping: no dash
    "text: x\ntext: y\n",  # no list
])
def test_a_key_repeated_elsewhere_stays_a_duplicate_key(text: str) -> None:
    """Not an entry's second key, in a list whose entries open alike, on its own line."""
    _, problems = parse_yaml(text, "f.yml")
    assert [p.code for p in problems] == ["yaml-duplicate-key"], problems


_VALUE_LINE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*): (?=\S)")


@pytest.mark.parametrize("path", sorted(p.relative_to(SEED).as_posix()
                                        for p in SEED.rglob("*.yml")))
def test_a_key_glued_to_its_value_is_named_at_its_colon_wherever_it_is(path: str) -> None:
    """Every `key: value` of the seed corpus's annotation files, the space after its colon
    deleted (`speaker:jane-doe`, read as text): the file still parses (a value that runs
    on, or a list of one text, which the schema then names), or the first error is at that
    colon, with the line as it should be, wherever YAML stopped."""
    lines = (SEED / path).read_text(encoding="utf-8").split("\n")
    for number, line in enumerate(lines, start=1):
        if (key := _VALUE_LINE.match(line)) is None:
            continue
        broken = [*lines[:number - 1], line[:key.end() - 1] + line[key.end():],
                  *lines[number:]]
        _, problems = parse_yaml("\n".join(broken), path)
        if not problems:
            continue
        first = problems[0]
        assert (first.pos.line, first.pos.col) == (number, key.end() - 1), \
            (line, first.format())
        assert f"no space after the colon of `{key[2]}:`" in first.message, first.format()
        assert f"write `{line[len(key[1]):]}`" in first.hint, first.format()


# (names.yml holds two lists: its first key line lost, the list opens the file and YAML
# stops at the second key.)
@pytest.mark.parametrize("rel", sorted(
    p.relative_to(SEED).as_posix() for p in (*SEED.glob("*.yml"), *SEED.glob("*/*.yml"))))
def test_a_files_list_key_line_deleted_is_named_wherever_it_was(rel: str) -> None:
    """The key line of the list each annotation file holds its items in (`quotes:`,
    `claims:`, `entities:`, `sections:`), deleted from each file of the example corpus:
    whatever YAML makes of the rest (an error lines below, a file that is the list, more
    of the summary's text), the one problem names the list and where the key goes back."""
    key = item_list(rel)
    assert key is not None
    lines = (SEED / rel).read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(f"{key.name}:"))
    root, problems = parse_yaml("\n".join(lines[:at] + lines[at + 1:]), rel, key)
    assert root is None
    [problem] = problems
    assert problem.code == "yaml-missing-list-key", problem.format()
    assert problem.pos.line >= at + 1 and lines[problem.pos.line].lstrip().startswith("- ")
    assert f"write `{key.name}:` in column 1, on a line of its own above line {at + 1}:" \
        in problem.hint
