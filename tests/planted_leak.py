"""Faults the design must not allow, planted to show the property tests can fail. (A
module of its own: the site-level tests plant them in the `mkdocs` processes they start
too, so that both builds they compare have them.)"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from briefing import pieces, results, views_items
from briefing.views import Queries

Setter = Callable[[Any, str, Any], None]


def plant(setattr: Setter = setattr) -> None:
    """The claimant count: a claim page that also counts its claimant's claims from the
    whole corpus, while its kept view is checked against the claim's own inputs only.
    Moving another claim to that claimant leaves the page stale. (`setattr`: pytest's
    `monkeypatch.setattr`, so that it is undone after the test, or the plain one in a
    process of its own.)"""
    plain = views_items._claim_view

    def leaky(q: Queries, claim_id: str) -> views_items.ClaimView:
        view = plain(q, claim_id)
        claimant = q.linked.claims[claim_id].claimant
        count = sum(1 for c in q.linked.corpus.claims
                    if claimant and c.claimant and c.claimant.id == claimant.id)
        return dataclasses.replace(view, summary=f"{view.summary} ({count} by the claimant)")

    setattr(views_items, "_claim_view", leaky)


def plant_conversion_key(setattr: Setter = setattr) -> None:
    """Pages' converted pieces kept on disk under a key that leaves out the settings they
    converted with: a build after a change of a Markdown extension's settings is then
    served the pieces as converted before. (Not the Markdown: an entry's pieces are
    looked up by their Markdown again.)"""

    def key(self: pieces.PieceStore, path: str, markdown_text: str) -> str:
        return hashlib.sha256(f"{path}\0{markdown_text}".encode()).hexdigest()

    setattr(pieces.PieceStore, "key", key)


def plant_results_key(setattr: Setter = setattr) -> None:
    """The pipeline's results kept on disk under a key that leaves out the content: a
    build of an edited corpus is then given the results of the corpus as it was."""

    def key(self: results.ResultStore, content_dir: Path, options: Mapping[str, Any]
            ) -> str:
        return hashlib.sha256(json.dumps([str(content_dir), options]).encode()).hexdigest()

    setattr(results.ResultStore, "key", key)


PLANTS: dict[str, Callable[[Setter], None]] = {
    "claimant count": plant, "conversion key": plant_conversion_key,
    "results key": plant_results_key}
