"""Property: for any text `briefing new` accepts, the starter it writes passes `briefing
check --strict`. The only diagnostics a check may then give are the article's own notes,
the ones `briefing new` already printed (a bidirectional control in the text, say); none
is about the starter. Text it does not accept is refused with a message, never a
traceback.

Articles are drawn from any Unicode text mixed with the pieces the suggestion rules look
for (quotations, dates, figures, known names) and the characters that break YAML or line
counting (U+2028, U+2029, NEL, CR, BOM, non-characters, invisibles). Each example runs
`new` and `check` in this process, so a hundred examples take seconds.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from corpus_helpers import hang_guard, minimal_corpus, write_tree
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import starter
from briefing.diagnostics import Diagnostic
from briefing.pipeline import build

PIECES = [
    "\u201cThe widget is overpriced,\u201d said Jane Doe.", '"Prices will hold," Acme said.',
    "'for a year at least', according to Reuters", "Acme Corp says its widget costs $5 "
    "million.", "Published 15 February 2025.", "2025-02-15", "March 3, 2024", "January 2025",
    "about $80 million to $100 million", "17%", "2,000 Nvidia H800 GPUs", "Max Roe",
    "Zenith Research", "\u2028", "\u2029", "\x85", "\r\n", "\r", "\n", "\n\n", "\t", "\ufeff",
    "\ufffe", "\uffff", "\u200b", "\u00ad", "\u202e", "\u2066", "\U000e0001", "\u0378",
    "\x00", "\x1b", "#", ": ", "- ", "[[entity:acme]]", '"', "'", "\\", "{", "}", "&a", "*a",
    "!tag", "---", "...", "\u00a0", "\u3000", " ", ".", "Caf\u00e9", "e\u0301", "\ufb01",
    "\U0001f600",
    # Long runs: a passage, a name, a figure or a date spread past what the starter shows.
    "x" * 1200, " Zed" * 120, "$" + "9" * 150, "15" + "\t" * 600 + "February 2025",
]
CHARACTERS = st.characters(exclude_categories=("Cs",))
ARTICLES = st.lists(st.one_of(st.sampled_from(PIECES), st.text(CHARACTERS, max_size=12)),
                    max_size=30).map("".join)


def where(diagnostic: Diagnostic) -> tuple[str, int, int, str]:
    """A diagnostic without its file: the article's copy has another path."""
    return diagnostic.code, diagnostic.pos.line, diagnostic.pos.col, diagnostic.message


def new_then_check(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        content = write_tree(root / "content", minimal_corpus())
        article = root / "article.txt"
        article.write_bytes(text.encode("utf-8"))
        try:
            added = starter.prepare(starter.read_article(article), article.as_posix(),
                                    content, root)
        except starter.Refused as refused:
            assert str(refused).startswith((f"{article.as_posix()}: error: ",
                                            f"{article.as_posix()}:1:1: error: "))
            return
        starter.write_source(content, added.id, added.article, added.starter)
        yaml.safe_load(added.starter)  # YAML as any tool reads it, not only ours
        result = build(content)
        # A suggested date is marked unchecked until the curator checks it.
        unconfirmed = [d for d in result.diagnostics if d.code == "date-unconfirmed"]
        assert len(unconfirmed) == ("\npublished:\n" in added.starter), unconfirmed
        others = [d for d in result.diagnostics if d.code != "date-unconfirmed"]
        assert {where(d) for d in others} <= {where(n) for n in added.notes}, \
            (added.starter, [d.format() for d in result.diagnostics])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLES)
def test_the_starter_checks_for_any_text_new_accepts(text: str) -> None:
    with hang_guard(60):
        new_then_check(text)


def test_line_and_paragraph_separators_in_the_title_and_the_suggestions() -> None:
    # The case that broke the starter: U+2028 in the article ended a comment early.
    new_then_check("Acme Corp\u2028raises prices \u201cby a lot,\u2029\u201d said Jane Doe "
                   "on 15 February 2025.\n\u201cIt costs\u2028$5 million,\u201d Acme said.\n")
