"""The exported schema: the committed JSON Schema files and field reference equal a fresh
export, and the schemas accept the real corpus and refuse what the build refuses.

Refresh the committed copies after a schema change with
`pytest tests/test_schema_export.py --update-golden` (or `briefing schema`)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from corpus_helpers import REPO, SEED, minimal_corpus, seed_project, write_tree
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing import model
from briefing.cli import main
from briefing.diagnostics import Severity
from briefing.load import _is_content_file
from briefing.pipeline import build
from briefing.project import project_files
from briefing.schema import (
    At,
    Context,
    DateSpec,
    Invalid,
    ListOf,
    Number,
    Obj,
    ProseText,
    Spec,
    SubjectSpec,
    Text,
    _DateFields,
    _SubjectFields,
    accepts_empty,
)
from briefing.schema_export import (
    DOCUMENTS,
    GLOBS,
    editor_settings,
    field_reference,
    schema_texts,
)
from briefing.starter import schema_comment
from briefing.yamlnodes import parse_yaml

SCHEMAS = REPO / "schemas"
REFERENCE = REPO / "docs" / "schema-reference.md"


class Yaml12Loader(yaml.SafeLoader):
    """Reads YAML as editors do (YAML 1.2 core schema, as yaml-language-server): no dates,
    no `yes`/`no` booleans, no `5_000_000` or `1:20` numbers, `0o17` octal."""


_CORE: dict[str, tuple[str, str]] = {  # tag -> (pattern, first characters)
    "null": (r"^(?:~|null|Null|NULL|)$", "~nN"),
    "bool": (r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    "int": (r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    "float": (r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+.0123456789"),
}
Yaml12Loader.yaml_implicit_resolvers = {}
for _tag, (_pattern, _first) in _CORE.items():
    Yaml12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern),
                                       [*_first, ""] if _tag == "null" else list(_first))


def _core_int(loader: yaml.SafeLoader, node: yaml.Node) -> int:
    text = str(loader.construct_scalar(node))  # type: ignore[arg-type]
    return int(text, 0) if text[:2] in ("0o", "0x") else int(text)


def _core_float(loader: yaml.SafeLoader, node: yaml.Node) -> float:
    text = str(loader.construct_scalar(node)).lower()  # type: ignore[arg-type]
    return float(text.replace(".inf", "inf").replace(".nan", "nan"))


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _core_int)
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _core_float)


def schema_for(rel: str) -> dict[str, Any]:
    top = rel.split("/")[0]
    name = {"sources": "source.schema.json", "briefs": "brief.schema.json",
            "names.yml": "names.schema.json"}.get(
        top, "claims.schema.json" if top.startswith("claims") else "entities.schema.json")
    return dict(json.loads((SCHEMAS / name).read_text(encoding="utf-8")))


def errors(rel: str, text: str) -> list[str]:
    validator = jsonschema.Draft202012Validator(
        schema_for(rel), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return [error.message for error in validator.iter_errors(yaml.load(text, Yaml12Loader))]


def test_committed_schemas_match_the_model(request: pytest.FixtureRequest) -> None:
    fresh = schema_texts()
    if request.config.getoption("--update-golden"):
        SCHEMAS.mkdir(exist_ok=True)
        for name, text in fresh.items():
            (SCHEMAS / name).write_text(text, encoding="utf-8", newline="\n")
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMAS.glob("*.json")}
    assert committed == fresh, "schemas/ is stale: run `briefing schema`"


def test_field_reference_matches_the_model(request: pytest.FixtureRequest) -> None:
    if request.config.getoption("--update-golden"):
        REFERENCE.write_text(field_reference(), encoding="utf-8", newline="\n")
    assert REFERENCE.read_text(encoding="utf-8") == field_reference()


def test_every_schema_is_a_valid_json_schema() -> None:
    for name in DOCUMENTS:
        jsonschema.Draft202012Validator.check_schema(json.loads(schema_texts()[name]))


def test_the_cli_writes_the_same_files(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert {p.name: p.read_text() for p in tmp_path.iterdir()} == schema_texts()


@pytest.mark.parametrize("rel", sorted(
    p.relative_to(SEED).as_posix()
    for p in SEED.rglob("*.yml") if not p.is_relative_to(SEED / "pages")))
def test_the_seed_corpus_satisfies_the_schema(rel: str) -> None:
    assert errors(rel, (SEED / rel).read_text(encoding="utf-8")) == []


def test_the_minimal_corpus_satisfies_the_schema() -> None:
    for rel, text in minimal_corpus().items():
        if rel.endswith(".yml"):
            assert errors(rel, str(text)) == [], rel


@pytest.mark.parametrize(("rel", "old", "new", "expected"), [
    ("sources/acme-widget.yml", "title:", "titel:", "'titel' was unexpected"),
    ("sources/acme-widget.yml", 'published: "2025-01-02"', 'url: "javascript:alert(1)"',
     "does not match"),
    ("sources/acme-widget.yml", "id: acme-cost", "id: Acme_Cost", "does not match"),
    ("claims.yml", "status: disputed", "status: disputd", "is not one of"),
    ("claims.yml", "value: 5000000", "value: five million", "is not valid under"),
    ("entities.yml", "kind: organisation", "kind: company", "is not one of"),
    ("briefs/widget.yml", "cites: [acme-cost]", "cites: []", "should be non-empty"),
])
def test_the_schema_refuses_what_the_build_refuses(rel: str, old: str, new: str,
                                                   expected: str) -> None:
    text = str(minimal_corpus()[rel])
    assert old in text
    found = errors(rel, text.replace(old, new, 1))
    assert any(expected in message for message in found), found


def test_every_annotation_file_names_its_schema_for_editors(tmp_path: Path) -> None:
    # yaml-language-server reads the first line; the path must lead to the exported schema.
    kinds = {"claims.yml": "claims", "entities.yml": "entities", "briefs": "brief",
             "sources": "source", "names.yml": "names"}
    project = seed_project(tmp_path)
    files = sorted((project / "content").rglob("*.yml"))
    assert len(files) >= 4
    for path in files:
        kind = kinds[path.relative_to(project / "content").parts[0]]
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == schema_comment(kind, path, project), path
        target = path.parent / first.split("$schema=", 1)[1]
        assert target.resolve() == (project / "schemas" / f"{kind}.schema.json").resolve()
        assert target.is_file()


# --- the schema agrees with the build ------------------------------------------------------
#
# Each edit of the minimal corpus is judged by a whole build (errors only: warnings never
# stop one) and by the schema of the edited file, read as an editor reads YAML. A new file
# is written with `old` None.

S, C, E, B = "sources/acme-widget.yml", "claims.yml", "entities.yml", "briefs/widget.yml"
PUBLISHED = 'published: "2025-01-02"'
SPEAKER = "    speaker: acme\n"
CLAIMANT = "    claimant: acme\n"
UNIT = "        unit: USD\n"
WHEN = 'when: {date: "2025-01", about: true, inferred: true, basis: "Before the article."}'
NEXT_ENTITY = "  - id: jane-doe"
STATEMENT = 'statement: "[[entity:acme]] says its widget costs $5 million."'
POINT_CLAIMS = "        claims: [widget-cost-5m]"

Edit = tuple[str, str | None, str]

ACCEPTED_BY_BOTH: list[Edit] = [
    # (a1) a key with no value: absent when optional, an empty list for a list
    (S, PUBLISHED, "published:\noutlet:\nauthor:\nkind:\nurl:\nnote:\nextracted:"),
    (S, SPEAKER, "    speaker:\n    prefix:\n    suffix:\n    note:\n    reports:\n"),
    (S, "  drop_lines: [Smiley face]", "  drop_lines: [Smiley face]\n  headings:\n"
     "  join_wrapped_lines:"),
    (S, PUBLISHED, 'published:\n  date: "2025-01"\n  about:\n  inferred:\n  basis:'),
    (C, CLAIMANT, "    claimant:\n    note:\n    relations:\n    updated:\n"),
    (C, "topics: [cost]", "topics:"),
    (C, UNIT, UNIT + "        qualifier:\n        scope:\n"),
    (C, WHEN, WHEN + "\n        order:"),
    (E, "    aliases: [Acme]", "    aliases:\n    description:"),
    (B, POINT_CLAIMS, POINT_CLAIMS + "\n        inference:"),
    (B, "title: The widget price", "title: The widget price\nrelated:\nupdated:"),
    ("claims/2025/more.yml", None, "claims:\n"),
    ("entities/more.yml", None, "entities:\n"),
    # (a2) a year unquoted
    (S, PUBLISHED, "published: 2025"),
    (S, PUBLISHED, "published: 2025-01"),
    (S, PUBLISHED, "published: 2025-01-02"),
    (S, PUBLISHED, "published: {date: 2025, about: true}"),
    (C, WHEN, "when: 2025"),
    (S, PUBLISHED, 'published: "2024-02-29"'),
    (C, CLAIMANT, CLAIMANT + "    updated: 2025-02-15\n"),
    # (a3) numbers and quoted flags the loader reads as text
    (E, NEXT_ENTITY, "  - id: 4090\n    name: 4090\n    kind: chip\n    description: 1984\n"
     + NEXT_ENTITY),
    (C, "topics: [cost]", "topics: [cost, 2025]"),
    (B, POINT_CLAIMS, POINT_CLAIMS + '\n        inference: "true"'),
    (S, PUBLISHED, 'published: {date: "2025", inferred: "true", basis: "The text."}'),
    (C, "value: 5000000", "value: 5_000_000"),
    (C, "value: 5000000", 'value: "5,000,000"'),
    (C, "value: 5000000", "value: 5,000,000"),
    (C, "value: 5000000", "value: [4000000, 6000000]"),
    (C, WHEN, WHEN + "\n        order: 2"),
    (B, "title: The widget price", "title: 1984"),
    # prose: single brackets are text, labels may hold them
    (C, STATEMENT, 'statement: "[[entity:acme|Acme [the maker]]] says its widget costs '
     '$5 million [sic]."'),
    # addresses as written: any case, white space around
    (S, PUBLISHED, PUBLISHED + '\nurl: " HTTPS://News.Example/a?b=1#c "'),
    (S, PUBLISHED, PUBLISHED + "\nurl: https://news.example/a|b/é"),
    # language tags in any case, `_` as locales write it
    (S, PUBLISHED, PUBLISHED + "\nlanguage: sv"),
    (S, PUBLISHED, PUBLISHED + "\nlanguage: zh_TW"),
    (S, PUBLISHED, PUBLISHED + "\nlanguage: zh-hant"),
    (S, PUBLISHED, PUBLISHED + "\nlanguage: en-GB-oxendict"),
    (S, PUBLISHED, PUBLISHED + "\nlanguage:"),
    # a subject that is the curator's reading, with or without what it rests on
    (C, "subject: acme", 'subject: {entity: acme, inferred: true, basis: "The text says it."}'),
    (C, "subject: acme", "subject:\n          entity: acme\n          inferred: true"),
    (C, "subject: acme", "subject: {entity: acme, inferred: false}"),
]

REJECTED_BY_BOTH: list[Edit] = [
    # a required field with no value is an error, not an absent field
    (S, 'title: "Acme prices its widget"', "title:"),
    (C, "    status: disputed", "    status:"),
    (B, "cites: [acme-cost]", "cites:"),
    (S, PUBLISHED, "published:\n  date:\n  about: true"),
    # impossible dates
    (S, PUBLISHED, 'published: "2025-02-30"'),
    (S, PUBLISHED, 'published: "2025-13"'),
    (S, PUBLISHED, 'published: "2025-04-31"'),
    (S, PUBLISHED, 'published: "2025-02-29"'),  # the `date` format: no leap year
    (S, PUBLISHED, "published: 2025-00"),
    (C, CLAIMANT, CLAIMANT + '    updated: "2025-02-30"\n'),
    # an inferred date rests on something
    (S, PUBLISHED, 'published: {date: "2025", inferred: true}'),
    (S, PUBLISHED, 'published:\n  date: "2025"\n  inferred: true\n  basis:'),
    # a subject's basis belongs to an inferred subject; the mapping names its entity
    (C, "subject: acme", 'subject: {entity: acme, basis: "The text says it."}'),
    (C, "subject: acme", 'subject: {entity: acme, inferred: false, basis: "Why."}'),
    (C, "subject: acme", "subject: {inferred: true}"),
    (C, "subject: acme", "subject: {entity: acme, inferred: yes}"),
    (C, "subject: acme", "subject: {entity: acme, reading: true}"),
    (C, "subject: acme", "subject: [acme]"),
    # blank text
    (S, 'title: "Acme prices its widget"', 'title: "   "'),
    (E, "    aliases: [Acme]", '    aliases: [Acme]\n    description: " "'),
    # reference syntax
    (C, STATEMENT, STATEMENT.replace("[[entity:", "[[entiy:")),
    (C, STATEMENT, STATEMENT.replace("[[entity:acme]]", "[[entity:Acme]]")),
    (C, STATEMENT, STATEMENT.replace("[[entity:acme]]", "[[entity:acme]")),
    (C, STATEMENT, STATEMENT.replace("[[entity:acme]]", "entity:acme]]")),
    (C, STATEMENT, STATEMENT.replace("[[entity:acme]]", "[[entity:acme|[[x]]]]")),
    # addresses the build refuses
    (S, PUBLISHED, PUBLISHED + "\nurl: https://news.example@evil.example/"),
    (S, PUBLISHED, PUBLISHED + "\nurl: https://127.0.0.1/"),
    (S, PUBLISHED, PUBLISHED + "\nurl: https://localhost/"),
    (S, PUBLISHED, PUBLISHED + '\nurl: "https://news.example/a b"'),
    # language tags
    (S, PUBLISHED, PUBLISHED + "\nlanguage: Swedish"),
    (S, PUBLISHED, PUBLISHED + "\nlanguage: s"),
    (S, PUBLISHED, PUBLISHED + "\nlanguage: en-"),
    (S, PUBLISHED, PUBLISHED + "\nlanguage: 2025"),
    (S, PUBLISHED, PUBLISHED + "\nlanguage: sv-SE-x-private"),
    # ids, flags, numbers
    (E, NEXT_ENTITY, "  - id: -4090\n    name: X\n    kind: chip\n" + NEXT_ENTITY),
    (B, POINT_CLAIMS, POINT_CLAIMS + "\n        inference: yes"),
    (C, "value: 5000000", "value: five million"),
    (C, "value: 5000000", "value: 5__0,00"),
    # digits other than 0-9, which Python's `\d` (but no editor) reads as digits
    (S, PUBLISHED, 'published: "\u0662\u0660\u0662\u0665-\u0660\u0661-\u0660\u0662"'),
    (S, PUBLISHED, 'published: "\u0662\u0660\u0662\u0665"'),
    (C, CLAIMANT, CLAIMANT + '    updated: "\u0968\u0966\u0968\u096b-\u0967\u0966-\u0966\u0968"\n'),
    (C, "value: 5000000", "value: \uff15" + "\uff10" * 6),
    (C, "value: 5000000", 'value: "\u0665,\u0660\u0660\u0660"'),
]

# What JSON Schema cannot see: an editor reads YAML 1.2 values, the build reads the text.
# Kept here so a change of either side shows.
BUILD_ONLY_REFUSES: list[Edit] = [
    (C, "value: 5000000", "value: 5e6"),  # numbers to YAML 1.2, not digits to the build
    (C, "value: 5000000", "value: +5"),
    (B, POINT_CLAIMS, POINT_CLAIMS + "\n        inference: True"),  # a boolean to YAML 1.2
    (S, PUBLISHED, "published: ~"),  # null to YAML 1.2, the text "~" to the build
]
SCHEMA_ONLY_REFUSES: list[Edit] = [
    (S, 'title: "Acme prices its widget"', "title: null"),  # the text "null" to the build
]


def edited(edit: Edit) -> tuple[dict[str, str | bytes], str]:
    rel, old, new = edit
    files = dict(minimal_corpus())
    if old is None:
        files[rel] = new
    else:
        text = str(files[rel])
        assert old in text, old
        files[rel] = text.replace(old, new, 1)
    return files, str(files[rel])


def judged(edit: Edit, tmp_path: Path) -> tuple[list[str], list[str]]:
    """(the build's errors, the schema's errors) for the corpus with `edit` made."""
    files, text = edited(edit)
    result = build(write_tree(tmp_path / "content", files))
    built = [d.format() for d in result.diagnostics if d.severity is Severity.ERROR]
    return built, errors(edit[0], text)


@pytest.mark.parametrize("edit", ACCEPTED_BY_BOTH)
def test_what_the_build_accepts_the_schema_accepts(edit: Edit, tmp_path: Path) -> None:
    assert judged(edit, tmp_path) == ([], [])


@pytest.mark.parametrize("edit", REJECTED_BY_BOTH)
def test_what_the_build_refuses_the_schema_refuses(edit: Edit, tmp_path: Path) -> None:
    built, schema = judged(edit, tmp_path)
    assert built and schema, (built, schema)


@pytest.mark.parametrize("edit", BUILD_ONLY_REFUSES)
def test_what_the_schema_cannot_see(edit: Edit, tmp_path: Path) -> None:
    built, schema = judged(edit, tmp_path)
    assert built and not schema, (built, schema)


@pytest.mark.parametrize("edit", SCHEMA_ONLY_REFUSES)
def test_what_the_schema_cannot_allow(edit: Edit, tmp_path: Path) -> None:
    built, schema = judged(edit, tmp_path)
    assert schema and not built, (built, schema)


# --- every field, written with no value -----------------------------------------------------
#
# A valid mapping of each annotated thing; the property: `name:` with nothing after it is
# accepted by the schema exactly when the build accepts it, for every declared field.

VALID: dict[type[Any], str] = {
    model.Source: 'title: "T"\n',
    model.Cleaning: "split_run_on_sentences: true\n",
    model.Extraction: 'by: pypdf\nversion: "5.0"\n',
    model.Quote: 'id: q\ntext: "words"\n',
    model.ClaimsFile: "claims: []\n",
    model.Claim: 'id: c\nstatement: "S."\nstatus: reported\n',
    model.Relations: "supports: [d]\n",
    model.Figure: "metric: m\nvalue: 5\nunit: USD\n",
    model.Event: 'what: "W."\nwhen: "2025"\n',
    model.EntitiesFile: "entities: []\n",
    model.NamesFile: "metrics: []\n",
    model.Name: 'id: m\nname: "Coût"\n',
    model.Entity: "id: e\nname: E\nkind: person\n",
    model.Brief: 'title: T\nsummary: "S."\nsections: [{kind: yes-but, points: [{text: "P.", '
                 "cites: [q]}]}]\n",
    model.Section: 'kind: yes-but\npoints: [{text: "P.", cites: [q]}]\n',
    model.Point: 'text: "P."\ncites: [q]\n',
    model.Related: "briefs: [b]\n",
    _DateFields: 'date: "2025"\n',
    _SubjectFields: "entity: acme\n",
}
GIVEN: dict[type[Any], dict[str, str]] = {model.Source: {"id": "s", "text": "words"},
                                          model.Brief: {"id": "b"}}


def spec_of(cls: type[Any]) -> Spec:
    return DateSpec() if cls is _DateFields else SubjectSpec() if cls is _SubjectFields \
        else Obj(cls)


def reachable() -> set[type[Any]]:
    """Every class whose fields a curator writes, from the four kinds of file."""
    found: set[type[Any]] = set()
    todo: list[type[Any]] = [model for model, _, _ in DOCUMENTS.values()]
    while todo:
        cls = todo.pop()
        found.add(cls)
        for spec_def in Obj(cls).fields.values():
            spec = spec_def.metadata["spec"]
            inner = spec.item if isinstance(spec, ListOf) else spec
            inner = inner.inner if isinstance(inner, At) else inner
            nested = inner.cls if isinstance(inner, Obj) else \
                _DateFields if isinstance(inner, DateSpec) else \
                _SubjectFields if isinstance(inner, SubjectSpec) else None
            if nested is not None and nested not in found:
                todo.append(nested)
    return found


def empty_fields() -> list[tuple[type[Any], str]]:
    return [(cls, name) for cls in sorted(VALID, key=lambda c: c.__name__)
            for name in Obj(cls).fields]


def test_every_annotated_thing_has_a_valid_mapping() -> None:
    assert set(VALID) == reachable()
    for cls, text in VALID.items():
        assert build_accepts(cls, text) and schema_accepts(cls, text), cls


def build_accepts(cls: type[Any], text: str) -> bool:
    node, problems = parse_yaml(text, "x.yml")
    assert node is not None and not problems, problems
    ctx = Context("x.yml", text)
    spec = spec_of(cls)
    value = spec.convert(node, ctx, **GIVEN.get(cls, {})) if isinstance(spec, Obj) \
        else spec.convert(node, ctx)
    return not isinstance(value, Invalid) and not ctx.problems


def schema_accepts(cls: type[Any], text: str) -> bool:
    validator = jsonschema.Draft202012Validator(spec_of(cls).json_schema())
    return validator.is_valid(yaml.load(text, Yaml12Loader))


@pytest.mark.parametrize(("cls", "name"), empty_fields(),
                         ids=[f"{c.__name__}.{n}" for c, n in empty_fields()])
def test_a_field_with_no_value_passes_the_schema_iff_the_build(cls: type[Any],
                                                                name: str) -> None:
    kept = [line for line in VALID[cls].splitlines() if not line.startswith(f"{name}:")]
    text = "\n".join([*kept, f"{name}:"]) + "\n"
    assert schema_accepts(cls, text) == build_accepts(cls, text)
    assert build_accepts(cls, text) == accepts_empty(Obj(cls).fields[name])


# --- the schemas' patterns against the build's own reading ---------------------------------

def scalar_accepted(spec: Spec, value: str) -> bool:
    """Whether the build accepts `value`, written as a double-quoted scalar, for `spec`."""
    text = f"x: {json.dumps(value)}\n"
    node, problems = parse_yaml(text, "x.yml")
    assert node is not None and not problems, problems
    ctx = Context("x.yml", text)
    converted = spec.convert(node.items[0][1], ctx)  # type: ignore[union-attr]
    return not isinstance(converted, Invalid) and not ctx.problems


PROSE_PIECES = st.sampled_from(["[[", "]]", "[", "]", "entity:", "claim:", "entiy:", "acme",
                                "Acme", "-", "|", ":", " ", "\t", "x", "é"])


@settings(deadline=None)  # the first call compiles the schema's patterns
@given(st.lists(PROSE_PIECES, max_size=12).map("".join))
def test_the_prose_pattern_is_the_builds_reading_of_references(value: str) -> None:
    spec = ProseText(model.REF_KINDS)
    schema = jsonschema.Draft202012Validator({"type": "string", **spec.json_schema()})
    assert schema.is_valid(value) == scalar_accepted(spec, value), value


@settings(deadline=None)
@given(st.text(" \t\u00a0x\u00e9\u00ad\u200b\u2060\ufeff\ufe0f\u3164\u202e", max_size=6))
def test_the_not_blank_pattern_is_the_builds_reading_of_a_text(value: str) -> None:
    """Blank or invisible only (below U+10000: see `chars.SHOWN_CLASS`) is refused alike."""
    for spec in (Text(), ProseText(model.REF_KINDS)):
        schema = jsonschema.Draft202012Validator({"type": "string", **spec.json_schema()})
        assert schema.is_valid(value) == scalar_accepted(spec, value), (spec, value)


@settings(deadline=None)
@given(st.text("0123456789,._-+e \u0665\uff15", max_size=14))
def test_the_number_pattern_is_the_builds_reading_of_numbers(value: str) -> None:
    schema = jsonschema.Draft202012Validator({"type": "string", **Number().json_schema()})
    assert schema.is_valid(value) == scalar_accepted(Number(), value), value


@settings(deadline=None)
@given(st.from_regex(r"\A[0-9]{4}(-[0-9]{1,2}(-[0-9]{1,2})?)?\Z")
       | st.text("0123-9\u0662\u0968", max_size=11))
def test_the_date_pattern_is_the_builds_reading_of_dates(value: str) -> None:
    schema = jsonschema.Draft202012Validator(
        {"type": "string", **DateSpec().json_schema()},
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert schema.is_valid(value) == scalar_accepted(DateSpec(), value), value


# --- editor settings: every file the build reads, and only those ----------------------------

def glob_regex(glob: str) -> re.Pattern[str]:
    """A glob as yaml-language-server (picomatch) reads it: `*` within a folder, `**/` any
    number of folders."""
    parts = [re.escape(part).replace(r"\*", "[^/]*") for part in glob.split("**/")]
    return re.compile("(?:[^/]+/)*".join(parts) + r"\Z")


@pytest.mark.parametrize("rel", [
    "claims.yml", "entities.yml", "sources/a.yml", "briefs/a.yml", "claims/a.yml",
    "claims/2025/a.yml", "claims/a/b/c.yml", "entities/a.yml", "entities/people/a.yml",
    "sources/a.txt", "sources/x/a.yml", "briefs/x/a.yml", "pages/a.yml", "claims/a.yaml",
    "other.yml", "claims-old.yml"])
def test_the_editor_settings_map_each_read_file_to_its_schema(rel: str) -> None:
    mapped = [name for name, globs in GLOBS.items()
              if any(glob_regex(glob).match(f"content/{rel}") for glob in globs)]
    read = _is_content_file(rel.split("/")) and rel.endswith(".yml")
    assert mapped == ([schema_for(rel)["$id"].rsplit("/", 1)[1]] if read else [])


def test_init_writes_the_editor_settings_and_the_readme_shows_them() -> None:
    settings = json.loads(editor_settings())["yaml.schemas"]
    assert settings == {f"schemas/{name}": list(globs) for name, globs in GLOBS.items()}
    assert project_files(example=False)[".vscode/settings.json"] == editor_settings().encode()
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name, globs in settings.items():
        assert f'"{name}": {json.dumps(globs)}' in readme, name
