"""What a broken annotation names, by the stance it names each id under (`broken.py`)."""

from __future__ import annotations

from dataclasses import fields

import pytest

from briefing.broken import ANY, PROSE_KEYS, NamedIds, declared_by, named_in, named_in_text
from briefing.model import STANCES
from briefing.yamlnodes import parse_yaml

STUDY = """\
title: "A study"
published: "28/03/2025"
quotes:
  - id: study-cost
    text: "the works will cost $450 million"
    doubts: [transfer-cost-300m]
    note: "Compare [[claim:transfer-start-2026]]."
  - id: study-jobs
    text: "The works will employ 400 workers"
    asserts: transfer-jobs-400
    reports: [Transfer-Jobs-500]
    refuts: [transfer-jobs-600]
"""


def _named(text: str) -> NamedIds:
    root, problems = parse_yaml(text, "sources/study.yml")
    assert root is not None and not problems
    return named_in(root)


def test_each_id_is_named_under_the_stance_its_key_gives() -> None:
    """A list or a lone id under a stance's key is named under that stance, as is the id a
    value written wrongly may have meant; the rest, a misspelt key's included, is named
    otherwise (its stance is not known)."""
    named = _named(STUDY)
    assert named.doubts == {"transfer-cost-300m"}
    assert named.asserts == {"transfer-jobs-400"}
    assert named.reports == {"transfer-jobs-500"}
    assert named.refutes == frozenset()
    assert {"study-cost", "study-jobs", "transfer-start-2026", "transfer-jobs-600"} \
        <= named.other
    assert not named.other & {"transfer-cost-300m", "transfer-jobs-400", "transfer-jobs-500"}
    assert named.ids == named.other | {"transfer-cost-300m", "transfer-jobs-400",
                                       "transfer-jobs-500"}


def test_a_check_reading_some_stances_waits_for_those_and_what_may_be_any() -> None:
    named = _named(STUDY) | named_in_text("lost-claim: [")
    relaying = named.under(("asserts", "reports"))
    assert {"transfer-jobs-400", "transfer-jobs-500", "transfer-jobs-600", "lost-claim"} \
        <= relaying
    assert "transfer-cost-300m" not in relaying
    assert named.under(STANCES) == named.ids
    assert ANY in NamedIds(other=frozenset({ANY})).under(("asserts",))
    with pytest.raises(ValueError, match="assert"):
        named.under(("assert",))


def test_there_is_a_kind_of_naming_for_each_stance_and_one_for_the_rest() -> None:
    assert [f.name for f in fields(NamedIds)] == [*STANCES, "other"]
    assert [stance for stance, _ in NamedIds().by_stance()] == list(STANCES)


def _model_keys() -> tuple[set[str], set[str]]:
    """The keys of the model's fields whose values are words (text, prose, a list of
    texts), and those of the others."""
    import dataclasses

    from briefing import model
    from briefing.schema import ListOf, ProseText, Text

    words: set[str] = set()
    others: set[str] = set()
    for cls in vars(model).values():
        if not isinstance(cls, type) or not dataclasses.is_dataclass(cls):
            continue
        for f in dataclasses.fields(cls):
            spec = f.metadata.get("spec")
            if spec is None:
                continue
            item = spec.item if isinstance(spec, ListOf) else spec
            (words if isinstance(item, (Text, ProseText)) else others).add(f.name)
    return words, others


def test_the_prose_keys_are_the_models_text_fields() -> None:
    """A word under one of them names nothing but for a reference; `basis:` is a date's
    (`schema.DateSpec`), read outside the model's fields."""
    words, others = _model_keys()
    assert words | {"basis"} == PROSE_KEYS
    assert not PROSE_KEYS & others, "a key is text in one place and an id in another"


def test_a_word_of_prose_names_nothing_but_its_references() -> None:
    """A broken claim's statement names the brief "transfer" in passing, and a claim in a
    reference: the reference waits, the word does not; so in a file YAML could not read,
    where a prose value goes on over the lines indented below its key."""
    text = ('claims:\n  - id: transfer-cost\n    statement: >-\n      The transfer works\n'
            "      cost more, says [[entity:ministry]].\n    status: reportd\n"
            '    events:\n      - when: {date: "2025-01", basis: "the transfer memo"}\n'
            "        what: \"[[claim:transfer-start|the start]] of the works\"\n")
    root, _ = parse_yaml(text, "claims.yml")
    assert root is not None
    for named in (named_in(root), named_in_text(text.replace("reportd", "[reportd"))):
        assert {"transfer-cost", "ministry", "transfer-start", "reportd"} <= named.ids
        assert not {"transfer", "works", "memo", "the"} & named.ids, sorted(named.ids)


def test_an_entity_names_only_its_own_id_for_the_checks_of_others() -> None:
    """Its description's words and references are read by its own check alone."""
    assert declared_by(["jane-doe", "Acme Corp", ANY]).ids == {"jane-doe", "acme-corp",
                                                              "acmecorp"}
