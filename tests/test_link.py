from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from corpus_helpers import BRIEF_YML, CLAIMS_YML, SOURCE_YML

from briefing.link import Linked, link
from briefing.load import load
from briefing.pipeline import build
from briefing.validate import validate


def linked_from(root: Path) -> Linked:
    validated = validate(load(root))
    assert not validated.diagnostics, validated.diagnostics
    return link(validated.corpus)


def test_quotes_are_anchored_in_the_cleaned_text(make_content: Callable[..., Path]) -> None:
    linked = linked_from(make_content())
    assert not linked.diagnostics
    view = linked.cleaned["acme-widget"]
    for quote_id in ("acme-cost", "doe-overpriced"):
        anchor = linked.anchors[quote_id]
        block = view.blocks[anchor.block].text
        assert block[anchor.start:anchor.end] == linked.quotes[quote_id].text


def test_curly_quotes_and_dashes_match_their_straight_spelling(
        make_content: Callable[..., Path]) -> None:
    article = "He said \u201cit\u2019s a \u2018Sputnik moment\u2019 \u2014 truly\u201d.\n"
    yml = ('title: "T"\nquotes:\n  - id: q\n    text: "it\'s a \'Sputnik moment\' - truly"\n')
    linked = linked_from(make_content({"sources/s.txt": article, "sources/s.yml": yml}))
    anchor = linked.anchors["q"]
    assert article[article.index("it"):].startswith(
        linked.cleaned["s"].blocks[0].text[anchor.start:anchor.end])
    assert linked.cleaned["s"].blocks[0].text[anchor.start:anchor.end].endswith("truly")


def test_prefix_and_suffix_pick_one_occurrence(make_content: Callable[..., Path]) -> None:
    article = "The cost was high. Later the cost was high again.\n"
    yml = ('title: "T"\nquotes:\n  - id: q\n    text: "the cost was high"\n'
           '    prefix: "Later"\n    suffix: "again"\n')
    linked = linked_from(make_content({"sources/s.txt": article, "sources/s.yml": yml}))
    assert not linked.diagnostics
    assert linked.anchors["q"].start == article.index("the cost was high again")


def context_problems(make_content: Callable[..., Path], context: str) -> list[tuple[str, str]]:
    article = "The cost was high. Later the cost was high again.\nThe cost was high\n"
    yml = f'title: "T"\nquotes:\n  - id: q\n    text: "cost was high"\n{context}'
    linked = linked_from(make_content({"sources/s.txt": article, "sources/s.yml": yml}))
    return [(str(p.pos).rsplit("/", 1)[-1], p.hint) for p in linked.diagnostics]


def test_a_prefix_or_suffix_beside_no_occurrence_is_named_at_its_value(
        make_content: Callable[..., Path]) -> None:
    """Each is judged at the places the other fits: a prefix that fits one occurrence and
    a suffix that fits another is a prefix that does not fit where the suffix does."""
    [(at, hint)] = context_problems(make_content, '    prefix: "Later the"\n    suffix: "."\n')
    assert at == "s.yml:5:13"  # where the suffix fits, the article has "The" before
    assert hint.startswith("just before the quote, the article has: 'The': ")
    [(at, hint)] = context_problems(make_content, '    suffix: "agian"\n')
    assert at == "s.yml:5:13"
    assert hint.startswith("just after the quote, the article has: '[-agian-]{+again+}.'")
    both = context_problems(make_content, '    prefix: "Sooner"\n    suffix: "agian"\n')
    assert [at for at, _ in both] == ["s.yml:5:13", "s.yml:6:13"]


def test_a_prefix_before_a_quote_that_starts_its_paragraph_is_to_be_removed(
        make_content: Callable[..., Path]) -> None:
    [(at, hint)] = context_problems(make_content, '    prefix: "Now"\n    suffix: "again"\n')
    assert at == "s.yml:5:13" and "nothing is just before it: remove `prefix:`" not in hint
    article = "The cost was high.\n"
    yml = 'title: "T"\nquotes:\n  - id: q\n    text: "The cost"\n    prefix: "Now"\n'
    linked = linked_from(make_content({"sources/s.txt": article, "sources/s.yml": yml}))
    [problem] = linked.diagnostics
    assert problem.code == "quote-context-not-found"
    assert problem.hint == ("the quote starts its paragraph, so nothing is just before it: "
                            "remove `prefix:`")


def test_ambiguous_and_missing_quotes_are_errors_at_the_quote_text(
        make_content: Callable[..., Path]) -> None:
    article = "The cost was high. Later the cost was high again.\n"
    yml = ('title: "T"\nquotes:\n  - id: twice\n    text: "cost was high"\n'
           '  - id: missing\n    text: "the cost was very high"\n')
    linked = linked_from(make_content({"sources/s.txt": article, "sources/s.yml": yml}))
    problems = {p.code: p for p in linked.diagnostics}
    assert str(problems["quote-ambiguous"].pos).endswith("s.yml:4:11")
    missing = problems["quote-not-found"]
    assert str(missing.pos).endswith("s.yml:6:11")
    # The passage ends where it reads most like the quote, not at the quote's length.
    assert "'the cost was [-very-] high'" in missing.hint
    assert missing.diff == (("=", "the cost was "), ("-", "very"), ("=", " high"))


def test_unknown_references_name_their_exact_position(make_content: Callable[..., Path]) -> None:
    claims = CLAIMS_YML.replace("[[entity:acme]] says", "[[entity:acme]] and [[entity:acne]] say")
    linked = linked_from(make_content(changes={"claims.yml": claims}))
    (problem,) = [p for p in linked.diagnostics if p.code == "ref-unknown"]
    assert str(problem.pos).endswith("claims.yml:3:37")
    assert problem.hint == "did you mean 'acme'?"


def test_after_a_rename_the_hint_names_the_new_id_not_a_neighbour(
        make_content: Callable[..., Path]) -> None:
    """`widget-cost-5m` renamed `widget-cost-usd-5m` beside `widget-cost-6m`: its old
    references look like the neighbour more, but the hint must not send the curator's
    quotes to another claim."""
    neighbour = ('  - id: widget-cost-6m\n    statement: "It costs $6 million."\n'
                 "    status: reported\n")
    claims = CLAIMS_YML.replace("  - id: widget-cost-5m", "  - id: widget-cost-usd-5m"
                                ).replace("claims:\n", "claims:\n" + neighbour)
    source = SOURCE_YML + ('  - id: six\n    text: "Critics disagree"\n'
                           "    asserts: [widget-cost-6m]\n")
    linked = linked_from(make_content(changes={"claims.yml": claims,
                                               "sources/acme-widget.yml": source}))
    hints = {p.hint for p in linked.diagnostics if p.code == "ref-unknown"}
    assert hints == {"did you mean 'widget-cost-usd-5m', which nothing refers to yet?"}


def test_an_id_of_another_kind_is_named_as_such(make_content: Callable[..., Path]) -> None:
    """A claim's id as a `speaker:` or a source's id under `cites:` is no typo: a look-alike
    or "define the entity first" would send the curator the wrong way."""
    source = SOURCE_YML.replace("speaker: acme", "speaker: widget-cost-5m")
    brief = BRIEF_YML.replace("cites: [acme-cost]", "cites: [acme-widget]")
    linked = linked_from(make_content(changes={"sources/acme-widget.yml": source,
                                               "briefs/widget.yml": brief}))
    found = {p.message: p.hint for p in linked.diagnostics if p.code == "ref-unknown"}
    assert found == {
        "unknown entity 'widget-cost-5m': it is a claim id, not an entity id":
            "write the id of an entity here (entities are declared in entities.yml or "
            "entities/)",
        "unknown quote 'acme-widget': it is a source id, not a quote id":
            "write the id of a quote here (quotes are declared under `quotes:` in "
            "sources/<id>.yml)",
    }


def test_backlinks_coverage_and_relations(make_content: Callable[..., Path]) -> None:
    claims = CLAIMS_YML + """\
  - id: widget-cheap
    statement: "The widget is cheap."
    claimant: jane-doe
    status: reported
    relations: {contradicts: [widget-cost-5m]}
"""
    source = SOURCE_YML + "    asserts: [widget-cheap]\n"
    linked = linked_from(make_content(changes={"claims.yml": claims,
                                               "sources/acme-widget.yml": source}))
    assert linked.quote_cited_in == {"acme-cost": ("widget",), "doe-overpriced": ("widget",)}
    assert linked.claim_cited_in == {"widget-cost-5m": ("widget",)}
    assert [(s.stance, s.quote.id) for s in linked.stances["widget-cost-5m"]] == [
        ("asserts", "acme-cost"), ("doubts", "doe-overpriced")]
    assert linked.relations_in["widget-cost-5m"] == (("contradicted by", "widget-cheap"),)


def test_ledger_flags_disagreeing_values_and_shared_figures(
        make_content: Callable[..., Path]) -> None:
    claims = CLAIMS_YML + """\
  - id: widget-cost-2m
    statement: "The widget costs $2 million."
    claimant: jane-doe
    status: reported
    figures:
      - {metric: widget-cost, subject: acme, value: "2,000,000", unit: USD}
  - id: gadget-cost-5m
    statement: "The gadget costs $5 million."
    claimant: jane-doe
    status: reported
    figures:
      - {metric: widget-cost, subject: jane-doe, value: 5000000, unit: USD}
"""
    linked = linked_from(make_content(changes={"claims.yml": claims}))
    (ledger,) = linked.ledger
    kinds = sorted((d.kind, d.subject_id, len(d.values)) for d in ledger.disagreements)
    assert kinds == [("subjects", None, 2), ("values", "acme", 2)]


def test_timeline_orders_by_date_with_precision(make_content: Callable[..., Path]) -> None:
    linked = linked_from(make_content())
    assert [(e.kind, e.when.iso) for e in linked.timeline] == [
        ("event", "2025-01"), ("published", "2025-01-02")]


def test_an_event_of_unknown_date_closes_the_timeline(make_content: Callable[..., Path]
                                                    ) -> None:
    """`when: unknown` is a date the schema accepts: the timeline lists it last, under its
    own heading, instead of stopping the build on a year it cannot compare."""
    from corpus_helpers import CLAIMS_YML

    claims = CLAIMS_YML + (
        "      - what: \"[[entity:acme]] first sold the widget.\"\n"
        "        when: unknown\n")
    result = build(make_content(changes={"claims.yml": claims}))
    assert result.error is None and not result.diagnostics
    timeline = result.pages["timeline.md"]
    assert timeline.index("## 2025") < timeline.index("## Date unknown {#y-unknown}") \
        < timeline.index("first sold the widget")


def test_mentions_prefer_the_longest_name_and_keep_the_sentence(
        make_content: Callable[..., Path]) -> None:
    linked = linked_from(make_content())
    (acme,) = linked.mentions["acme"]
    assert acme.sentence == "Acme Corp says its widget costs $5 million."
    assert linked.mentions["jane-doe"][0].sentence.startswith("Jane Doe, an analyst")


def test_an_id_field_in_the_prose_reference_form_asks_for_the_bare_id(
        make_content: Callable[..., Path]) -> None:
    """Folding the brackets into a slug would suggest `quote-acme-cost`, which names
    nothing; the id inside them is the one meant."""
    source = SOURCE_YML.replace("id: acme-cost", 'id: "[[quote:acme-cost]]"')
    brief = BRIEF_YML.replace("claims: [widget-cost-5m]",
                              'claims: ["[[claim:widget-cost-5m|the cost]]"]')
    brief = brief.replace("cites: [doe-overpriced]", 'cites: ["[[entity:jane-doe]]"]')
    validated = validate(load(make_content(changes={"sources/acme-widget.yml": source,
                                                    "briefs/widget.yml": brief})))
    hints = sorted(p.hint for p in validated.diagnostics if p.code == "schema-slug")
    assert hints == ["this field takes quote ids, and 'jane-doe' is written as an entity: "
                     "write the bare id of the quote meant",
                     "write the bare id: 'acme-cost'", "write the bare id: 'widget-cost-5m'"]
