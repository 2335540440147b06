"""The leak the design must not allow, planted to show the property tests can fail: a claim
page that also counts its claimant's claims from the whole corpus, while its kept view is
checked against the claim's own inputs only. Moving another claim to that claimant leaves
the page stale. (A module of its own: the site-level test plants it in the `mkdocs build`
process it starts too, so that both builds it compares have it.)"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from briefing import views_items
from briefing.views import Queries


def plant(setattr: Callable[[Any, str, Any], None] = setattr) -> None:
    """Replaces the claim view's query (`setattr`: pytest's `monkeypatch.setattr`, so that
    it is undone after the test, or the plain one in a process of its own)."""
    plain = views_items._claim_view

    def leaky(q: Queries, claim_id: str) -> views_items.ClaimView:
        view = plain(q, claim_id)
        claimant = q.linked.claims[claim_id].claimant
        count = sum(1 for c in q.linked.corpus.claims
                    if claimant and c.claimant and c.claimant.id == claimant.id)
        return dataclasses.replace(view, summary=f"{view.summary} ({count} by the claimant)")

    setattr(views_items, "_claim_view", leaky)
