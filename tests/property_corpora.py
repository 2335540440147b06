"""The two corpora the schema-generated property tests edit: the seed corpus with each
claim in a file of its own, and a small synthetic one (the benchmark's generator, made
to hold what the seed does not: claims spread over several files, a claimant of many
claims, aliases, figures with ranges, dated events, extraction records, refutations,
relations of every kind, dates of revision, a topic's name). Both are deterministic, and both build
without a single diagnostic."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from corpus_helpers import SEED

from benchmarks.corpus import generate, write


class _Quoting(yaml.SafeDumper):
    """Writes every string double-quoted, as quotes and removed snippets must be."""


_Quoting.add_representer(
    str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, '"'))


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Quoting, allow_unicode=True, sort_keys=False, width=1000)


def _read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _write(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump(data), encoding="utf-8")


def seed_with_a_file_per_claim(content: Path) -> None:
    """The seed corpus with each claim in a file of its own (`claims/<id>.yml`): an edit of
    one claim then leaves the others the very same objects, which is where a kept result
    checked against too few inputs would go stale."""
    shutil.copytree(SEED, content)
    claims = _read(content / "claims.yml")["claims"]
    (content / "claims.yml").unlink()
    for claim in claims:
        _write(content / "claims" / f"{claim['id']}.yml", {"claims": [claim]})


SYNTHETIC_SOURCES, SYNTHETIC_SEED = 8, 3


def synthetic(content: Path) -> None:
    """The benchmark corpus of 8 sources, with the shapes it lacks added by hand."""
    write(content, generate(SYNTHETIC_SOURCES, SYNTHETIC_SEED))
    claims = _read(content / "claims" / "part-000.yml")["claims"]
    (content / "claims" / "part-000.yml").unlink()
    entities = _read(content / "entities" / "part-000.yml")["entities"]
    _sources(content / "sources", claims)
    _claims(claims, entities)
    _both_sites(content / "sources", claims[5])
    entities[0]["description"] = "Named in [[source:source-00001]] more than once."
    entities[1]["aliases"] = [*entities[1].get("aliases", []), "The Second One"]
    _write(content / "entities" / "part-000.yml", {"entities": entities})
    # Claims spread over three files, each holding several.
    for part in range(3):
        _write(content / "claims" / f"part-{part:03d}.yml", {"claims": claims[part::3]})
    _briefs(content / "briefs", claims)
    # A topic named (the seed names a metric first, so the field edits of each corpus
    # rename a different kind), with an accent no slug can hold.
    topic = claims[0]["topics"][0]
    _write(content / "names.yml", {"topics": [
        {"id": topic, "name": topic.replace("-", " ").capitalize() + " (révisé)"}]})


def _edit(path: Path, change: Callable[[Any], None]) -> None:
    data = _read(path)
    change(data)
    _write(path, data)


def _sources(folder: Path, claims: list[dict[str, Any]]) -> None:
    def first(data: Any) -> None:
        data.update(author="Ada Writer", url="https://example.org/report-0", kind="opinion",
                    language="en-GB",
                    note="Written before [[source:source-00001]].",
                    extracted={"by": "trafilatura", "version": "2.0.0"})
        # Its lines read as paragraphs: a quote within a line still anchors.
        data.setdefault("cleaning", {})["join_wrapped_lines"] = True
        quote = data["quotes"][0]
        quote.update(suffix=".", note="The first of its kind.", speaker="entity-00002")
        doubted = next(q for q in data["quotes"] if "doubts" in q)
        doubted["refutes"] = doubted.pop("doubts")  # the claim stays disputed

    def second(data: Any) -> None:
        data["extracted"] = {"by": "pypdf", "version": "5.0.0", "pages": [1, 3]}
        data["published"] = {"date": "2024-02", "about": True, "inferred": True,
                             "basis": "The month of the first quarter's results."}
        data["cleaning"] = {"headings": data["cleaning"]["headings"],
                            "remove": ["Advertisement"], "split_run_on_sentences": True}

    _edit(folder / "source-00000.yml", first)
    _edit(folder / "source-00001.yml", second)


def _claims(claims: list[dict[str, Any]], entities: list[dict[str, Any]]) -> None:
    # One claimant of many claims.
    for claim in claims[:6]:
        claim["claimant"] = entities[0]["id"]
    claims[0].update(updated="2025-03-04", note="Revised after [[claim:claim-00001]].",
                     relations={"supersedes": [claims[1]["id"]],
                                "contradicts": [claims[2]["id"]],
                                "qualifies": [claims[3]["id"]],
                                "supports": [claims[4]["id"]]})
    claims[1]["status"] = "superseded"
    claims[2]["status"] = "disputed"  # as what contradicts it makes it
    figure = claims[5]["figures"][0]
    figure.update(value=[figure["value"], figure["value"] * 2], qualifier="about",
                  scope="Both of its sites")
    claims[5]["events"] = [
        {"what": "[[entity:" + entities[0]["id"] + "]] opens its second site.",
         "when": {"date": "2024-05-02", "about": True}, "order": 2},
        {"what": "It closes the first.", "when": "2024-05-02", "order": 1}]


def _both_sites(folder: Path, claim: dict[str, Any]) -> None:
    """A passage giving the top of the claim's range (the figures are checked against the
    quotes on their claim), in a source already quoted on it."""
    figure = claim["figures"][0]
    sentence = f"Across both of its sites the count is {figure['value'][1]:,}"
    for path in sorted(folder.glob("*.yml")):
        data = _read(path)
        if any(claim["id"] in q.get("asserts", []) for q in data["quotes"]):
            text = path.with_suffix(".txt")
            text.write_text(text.read_text(encoding="utf-8") + f"\n{sentence}.\n",
                            encoding="utf-8")
            data["quotes"].append({"id": f"{path.stem}-both-sites", "text": sentence,
                                   "asserts": [claim["id"]]})
            _write(path, data)
            return
    raise AssertionError(f"no source asserts {claim['id']}")


def _briefs(folder: Path, claims: list[dict[str, Any]]) -> None:
    def first(data: Any) -> None:
        data.update(updated="2025-03-05",
                    related={"briefs": ["brief-001"], "entities": ["entity-00000"]})
        point = data["sections"][0]["points"][0]
        point.update(claims=[claims[0]["id"]], inference=True)

    _edit(folder / "brief-000.yml", first)


CORPORA: dict[str, Callable[[Path], None]] = {
    "seed": seed_with_a_file_per_claim, "synthetic": synthetic}
