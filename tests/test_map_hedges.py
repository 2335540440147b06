"""A map cuts a claim's label to fit its box and the map in words, and the cut never drops a
hedge: every claim of the seed and synthetic corpora (tests/property_corpora.py), drawn in
each of its maps for a phone and a desktop and named in words, shows each hedge word and
figure qualifier its full statement has ("reportedly", "may", "up to", "or more")."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from property_corpora import CORPORA

from briefing.focusmap import NARROW, WIDE, short, svg, wrap
from briefing.hedges import Hedges
from briefing.pipeline import build
from briefing.views import Queries
from briefing.views_lists import focus_map_view, map_claims

_NODE = re.compile(r"<title>(.*?)</title><rect[^>]*></rect><text[^>]*>(.*?)</text>"
                   r"\]\([^)]*\)\{\.map-node \.map-claim\}")
_LINE = re.compile(r"<tspan[^>]*>(.*?)</tspan>")


def _plain(escaped: str) -> str:
    return html.unescape(re.sub(r"\\(.)", r"\1", escaped))


def _labels(q: Queries) -> list[tuple[str, str]]:
    """(full statement, visible label) of every claim label of every map: its box in each
    drawing, and its name in the map in words."""
    out: list[tuple[str, str]] = []
    for (kind, ident), claims in map_claims(q).items():
        view = focus_map_view(q, kind, ident, claims)
        for node in _NODE.finditer(svg(view.picture, view.label, lambda t: t)):
            out.append((_plain(node.group(1)),
                        " ".join(_plain(line) for line in _LINE.findall(node.group(2)))))
        full = {node.target: node.label for node in view.picture.claims}
        named = [*(c for _, groups in view.by_source for _, cs in groups for c in cs),
                 *view.unsourced]
        out.extend((full[c.target], c.label) for c in named)
    return out


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_every_cut_claim_label_keeps_its_hedges(corpus: str, tmp_path: Path) -> None:
    CORPORA[corpus](tmp_path / "content")
    hedges = Hedges().extended({"possibility": ("conceivably",)})
    result = build(tmp_path / "content", hedges=hedges)
    assert result.linked is not None
    q = Queries(result.linked, hedges=hedges)
    labels = _labels(q)
    assert any(shown.endswith("\u2026") for _, shown in labels), "no label was cut"
    # (The synthetic corpus's statements are generated without hedges.)
    assert corpus != "seed" or any(hedges.in_claim(full) and shown.endswith("\u2026")
                                   for full, shown in labels), "no hedged label was cut"
    for full, shown in labels:
        missing = hedges.in_claim(full) - hedges.in_claim(shown)
        assert not missing, f"{shown!r} drops {sorted(missing)} of {full!r}"
    # Every claim, on a map or not, at each width its label is cut to.
    for claim in result.linked.claims:
        full = q.label("claim", claim)
        for shown in (" ".join(wrap(full, NARROW.claim_chars, keep=hedges)[0]),
                      " ".join(wrap(full, WIDE.claim_chars, keep=hedges)[0]),
                      short(full, keep=hedges)):
            assert hedges.in_claim(full) <= hedges.in_claim(shown), (full, shown)


def test_a_cut_keeps_a_hedge_or_qualifier_late_in_the_statement() -> None:
    hedges = Hedges()
    late = "DeepSeek's lack of safety features raises worries over its potential misuse."
    assert wrap(late, 22)[0][-1].endswith("\u2026")
    lines, _ = wrap(late, 22, keep=hedges)
    assert "potential" in " ".join(lines)
    # A qualifier after its figure, and one before a figure the cut would leave out.
    assert short("Industry giants train their models on supercomputers with 16,000 chips "
                 "or more.", keep=hedges).endswith("or more.")
    # The map in words is cut just past the hedge, its number and the word after it.
    assert short("DeepSeek achieved comparable results with DeepSeek-V3 using around "
                 "2,000 Nvidia chips.", 60, keep=hedges).endswith("around 2,000 Nvidia\u2026")
    assert short("DeepSeek's cost was a fraction of what OpenAI reportedly spent on its "
                 "latest model.", 30, keep=hedges).endswith("OpenAI reportedly\u2026")
    # "about" hedges a number only: "worries about safety" is cut as before.
    plain = "Analysts raised worries about safety and about privacy in the open model."
    assert short(plain, 30, keep=hedges) == short(plain, 30)


@pytest.mark.parametrize(("statement", "hedge"), [
    ("Die Nordwerk AG will in das neue Werk in Dresden bis zu 300 Millionen Euro "
     "investieren.", "bis zu 300"),
    ("Nordwerk investira dans la nouvelle usine de Lyon jusqu'à 300 millions d'euros.",
     "jusqu'à 300"),
    ("A Nordwerk vai investir na nova fábrica de Setúbal um valor de até 300 milhões de "
     "euros.", "de até 300"),
    ("A Nordwerk emprega na nova fábrica de Setúbal, aberta em março, quase 4.000 pessoas.",
     "quase 4.000"),
    ("A Nordwerk terá comprado os chips da fábrica de Setúbal alegadamente através de "
     "intermediários.", "alegadamente"),
])
def test_a_cut_keeps_a_built_in_hedge_of_another_language(statement: str, hedge: str
                                                           ) -> None:
    """A claim written in a language whose hedges are built in keeps its hedge when its
    label is cut: the words of every language are kept."""
    assert hedge not in short(statement, 40)
    assert hedge in short(statement, 40, keep=Hedges())


def test_the_site_hedge_words_are_kept_too() -> None:
    text = "The model was trained on chips smuggled past the export controls, conceivably."
    site = Hedges().extended({"possibility": ("conceivably",)})
    assert "conceivably" not in short(text, 40, keep=Hedges())
    assert short(text, 40, keep=site).endswith("conceivably.")


def test_the_site_hedges_reach_the_drawn_map(tmp_path: Path) -> None:
    """A word the site adds to a group (`hedges:` in mkdocs.yml) is kept on the built map
    page: the last word of a statement its box cuts (one it has once), taken for a
    hedge."""
    CORPORA["seed"](tmp_path / "content")
    plain = build(tmp_path / "content")
    assert plain.linked is not None
    full, shown = next((full, shown) for full, shown in _labels(Queries(plain.linked))
                       if shown.endswith("\u2026") and "\u2026" not in full)
    words = re.findall(r"\w+", full.casefold())
    word = next(w for w in reversed(words) if words.count(w) == 1)
    site = Hedges().extended({"possibility": (word,)})
    hedged = build(tmp_path / "content", hedges=site)
    lines = {path: set(_LINE.findall(page)) for path, page in hedged.pages.items()}
    before = {path: set(_LINE.findall(page)) for path, page in plain.pages.items()}
    assert any(word in line.casefold() for path in lines for line in lines[path] - before[path]), \
        f"{word!r} of {full!r} is still cut on every map page ({shown!r})"


def test_a_cut_label_keeps_the_spanish_hasta_before_its_number() -> None:
    """"hasta 40" is "up to 40": a label cut before it showed a Spanish claim's figure
    neither with its hedge nor at all."""
    statement = ("El plan de la Confederación Hidrográfica del Valdemora prevé trasvasar "
                 "hasta 40 hectómetros cúbicos al año desde el embalse de Peñalba.")
    hedges = Hedges()
    assert "hasta" in hedges.in_claim(statement)
    assert "hasta 40" in short(statement, keep=hedges)
    lines, _ = wrap(statement, 24, keep=hedges)
    assert "hasta 40" in " ".join(lines)
