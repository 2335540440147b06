"""The exported schema: the committed JSON Schema files and field reference equal a fresh
export, and the schemas accept the real corpus and refuse what the build refuses.

Refresh the committed copies after a schema change with
`pytest tests/test_schema_export.py --update-golden` (or `briefing schema`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from corpus_helpers import REPO, SEED, minimal_corpus, seed_project

from briefing.cli import main
from briefing.schema_export import DOCUMENTS, field_reference, schema_texts
from briefing.starter import schema_comment

SCHEMAS = REPO / "schemas"
REFERENCE = REPO / "docs" / "schema-reference.md"


class Yaml12Loader(yaml.SafeLoader):
    """Reads YAML as editors do (YAML 1.2 core schema): no dates, no `yes`/`no` booleans."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", __import__("re").compile(r"^(?:true|false)$"), list("tf"))


def schema_for(rel: str) -> dict[str, Any]:
    top = rel.split("/")[0]
    name = {"sources": "source.schema.json", "briefs": "brief.schema.json"}.get(
        top, "claims.schema.json" if top.startswith("claims") else "entities.schema.json")
    return dict(json.loads((SCHEMAS / name).read_text(encoding="utf-8")))


def errors(rel: str, text: str) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema_for(rel))
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
             "sources": "source"}
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
