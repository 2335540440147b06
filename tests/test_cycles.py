"""Cycles in one-way claim relations are errors, reported once each, named in full."""

from __future__ import annotations

from pathlib import Path

from corpus_helpers import minimal_corpus, write_tree

from briefing.pipeline import build


def claims_yml(relations: dict[str, list[tuple[str, str]]], count: int) -> str:
    lines = ["claims:"]
    for n in range(count):
        lines += [f"  - id: c{n}", f'    statement: "Claim {n}."', "    status: reported"]
        for kind, target in relations.get(f"c{n}", []):
            lines.append(f"    relations: {{{kind}: [{target}]}}")
    return "\n".join(lines) + "\n"


def cycles(tmp_path: Path, relations: dict[str, list[tuple[str, str]]],
           count: int) -> list[str]:
    files = minimal_corpus()
    files["claims/more.yml"] = claims_yml(relations, count)
    content = write_tree(tmp_path / "content", files)
    return [f"{d.pos.path.rsplit('/', 1)[-1]}:{d.pos.line}:{d.pos.col} {d.message}"
            for d in build(content).diagnostics if d.code == "relation-cycle"]


def test_a_three_claim_cycle_is_named_at_the_relation_leaving_its_smallest_id(
        tmp_path: Path) -> None:
    found = cycles(tmp_path, {"c0": [("qualifies", "c1")], "c1": [("qualifies", "c2")],
                              "c2": [("qualifies", "c0")]}, 3)
    assert found == ["more.yml:5:29 claims qualifies one another in a cycle: "
                     "'c0' qualifies 'c1' qualifies 'c2' qualifies 'c0'"]


def test_mutual_contradiction_and_a_chain_are_not_cycles(tmp_path: Path) -> None:
    assert cycles(tmp_path, {"c0": [("contradicts", "c1")], "c1": [("contradicts", "c0")],
                             "c2": [("supersedes", "c3")], "c3": [("supersedes", "c4")]},
                  5) == []


def test_a_long_ring_is_one_message_without_recursion(tmp_path: Path) -> None:
    count = 1100  # deeper than Python's recursion limit
    ring = {f"c{n}": [("supersedes", f"c{(n + 1) % count}")] for n in range(count)}
    (found,) = cycles(tmp_path, ring, count)
    assert found.startswith("more.yml:5:30 claims supersedes one another in a cycle: "
                            "'c0' supersedes 'c1' supersedes")
    assert found.endswith("(1100 claims in all)")
