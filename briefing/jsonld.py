"""schema.org structured data for claim pages: `ClaimReview` when the curator has rated the
claim, otherwise a bare `Claim`.

The data is page metadata, not page text: it travels in the page's front matter and the
theme writes it into a `<script type="application/ld+json">` in the head, adding the page's
absolute URL when the site has a `site_url`. Every URL in it is either absolute (an
article's original address, which the schema only accepts as http/https) or left out, so
it means the same under any sub-path and with or without directory URLs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from jinja2.utils import htmlsafe_json_dumps

from .link import Linked
from .model import Claim, Entity, Source
from .schema import FuzzyDate, Prose

# `reported` records that sources relay a claim; it is not a verdict, so no review.
RATED_STATUSES = ("corroborated", "disputed", "refuted", "superseded")
_AGENT_TYPES = MappingProxyType({"person": "Person", "organisation": "Organization",
                                  "publication": "Organization", "country": "Organization"})
_SAFE = MappingProxyType({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                          "\u2029": "\\u2029"})


# JSON's escape for a character beyond U+FFFF: a surrogate pair, after an even number of
# backslashes (an odd number would make the first one literal text).
_PAIR = re.compile(r"(?<!\\)((?:\\\\)*)\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})")


def dumps(data: Any) -> str:
    """JSON that is safe inside a `<script>` element and inside a YAML double-quoted or
    flow context: ASCII only, and `<`, `>`, `&` escaped, so `</script>` in a claim stays
    text. A character beyond U+FFFF (an emoji) is written as YAML's `\\UXXXXXXXX`: YAML
    reads JSON's surrogate pair as two lone surrogates, which MkDocs' loader refuses, and
    the whole front matter, data and all, would then reach the page as Markdown."""
    text = json.dumps(data, ensure_ascii=True, sort_keys=False, separators=(", ", ": "))
    for raw, escaped in _SAFE.items():
        text = text.replace(raw, escaped)
    return _PAIR.sub(_astral, text) if "\\ud" in text else text


def _astral(match: re.Match[str]) -> str:
    high, low = int(match.group(2), 16), int(match.group(3), 16)
    return f"{match.group(1)}\\U{0x10000 + (high - 0xD800) * 0x400 + (low - 0xDC00):08X}"




def stated_date(date: FuzzyDate | None) -> str:
    """An ISO date only when the source states it: an inferred or approximate date is
    the curator's reading and does not belong in machine-readable metadata."""
    if date is None or date.year is None or date.inferred or date.about:
        return ""
    return date.iso


def _agent(entity: Entity) -> dict[str, Any] | None:
    """A claimant schema.org can name as an author: a person, or an organisation (a
    country's claim is its government's). A model, a product or an unnamed group is
    neither, so no author is given."""
    kind = _AGENT_TYPES.get(entity.kind)
    return {"@type": kind, "name": entity.name} if kind else None


def _work(source: Source) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "headline": source.title}
    if source.url:
        work["url"] = source.url
    date = stated_date(source.published)
    if date:
        work["datePublished"] = date
    if source.outlet:
        work["publisher"] = {"@type": "Organization", "name": source.outlet}
    if source.language:
        work["inLanguage"] = source.language
    return work


def claim_data(linked: Linked, claim: Claim, *, site_title: str,
               plain: Callable[[Prose | None], str]) -> dict[str, Any]:
    """The structured data for one claim page; `plain` gives prose its references' labels
    (`views.Queries.plain`), as the page shows them."""
    def text(prose: Prose | None) -> str:
        return " ".join(plain(prose).split())

    stances = linked.stances.get(claim.id, ())
    source_ids = list(dict.fromkeys(s.source_id for s in stances))
    carrying = [sid for sid in source_ids
                if any(s.source_id == sid and s.stance in ("asserts", "reports")
                       for s in stances)]
    item: dict[str, Any] = {"@type": "Claim", "text": text(claim.statement)}
    author = _agent(linked.entities[claim.claimant.id]) \
        if claim.claimant and claim.claimant.id in linked.entities else None
    if author:
        item["author"] = author
    if source_ids:
        item["appearance"] = [_work(linked.sources[sid]) for sid in sorted(source_ids)]
    dated = sorted((linked.sources[sid] for sid in carrying
                    if stated_date(linked.sources[sid].published)),
                   key=lambda s: (s.published.sort_key if s.published else (0,), s.id))
    # The first appearance is known only when every source carrying the claim states its
    # date: an undated one may be the earlier.
    if dated and len(dated) == len(carrying):
        item["firstAppearance"] = _work(dated[0])
        item["datePublished"] = stated_date(dated[0].published)
    if claim.status not in RATED_STATUSES:
        return {"@context": "https://schema.org", **item}
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": claim.status.capitalize()}
    note = text(claim.note)
    if note:
        rating["ratingExplanation"] = note
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": item["text"],
        "author": {"@type": "Organization", "name": site_title},
        "reviewRating": rating,
        "itemReviewed": item,
    }


def with_structured_data(html: str, data: Mapping[str, Any], url: str | None) -> str:
    """The page's schema.org data in its head, as Briefing's theme writes it (`tojson`
    escapes <, >, & and ', so no text can end the tag), unless the theme has: the plugin
    adds it to pages of other themes."""
    if "application/ld+json" in html:
        return html
    at = html.find("</head>")
    if at < 0:
        return html
    ld = dict(data, url=url) if url else dict(data)
    data_json = htmlsafe_json_dumps(ld, sort_keys=True)
    script = f'<script type="application/ld+json">{data_json}</script>\n'
    return html[:at] + script + html[at:]
