"""The Atom feed (RFC 4287) of briefs and claims, `feed.xml` at the site's root.

Every date comes from the content (`dates.py`), never the clock, so the same content gives
the same bytes. Undated briefs and claims are left out: an entry needs `updated`, and
inventing one would put it in the wrong place in every reader.

Ids are permanent names for entries. With `site_url` set they are the pages' absolute
URLs; without it there is no address to name them by, so they are name-based UUIDs
(`urn:uuid:`, RFC 4122 version 5) of the site title and the page's path, the same on every
build. Links are then relative to the feed, which sits at the site's root.
"""

from __future__ import annotations

import calendar
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin

from babel.dates import format_skeleton

from .dates import ContentDates, Day, precision, rfc3339
from .identity import same_objects
from .link import Linked
from .paths import HOME, page_path, published_url
from .render import status_words
from .schema import ProseRef
from .views import attribution, plain
from .wording import Wording

ATOM = "http://www.w3.org/2005/Atom"
FEED_PATH = "feed.xml"
# A feed with no dated entry still needs `updated`; the epoch says "no date known" without
# ever reading the clock.
NO_DATE = "1970-01-01T00:00:00Z"
# Characters XML 1.0 cannot carry at all. Validation already rejects control characters in
# the content; this is the last guard, so the feed always parses.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Site:
    title: str
    url: str = ""  # absolute, e.g. https://example.org/briefing/; empty when unknown
    author: str = ""
    directory_urls: bool = True
    # The site's language tag, the feed's `xml:lang` (its entries are the curator's words).
    language: str = ""

    def href(self, path: str) -> str:
        relative = published_url(path, directory_urls=self.directory_urls) \
            if path.endswith(".md") else path
        if self.url:
            return urljoin(self.url.rstrip("/") + "/", relative)
        return relative or "./"

    def ident(self, path: str) -> str:
        if self.url:
            return self.href(path)
        name = f"briefing:{self.title}:{path.removesuffix('.md')}"
        return uuid.uuid5(uuid.NAMESPACE_URL, name).urn


@dataclass(frozen=True)
class Entry:
    path: str
    title: str
    summary: str
    updated: Day
    published: Day | None
    category: str


# What the last feed was made of, for the rebuilds of `mkdocs serve`, which write the feed
# again on every rebuild, mostly with the same entries.
_ClaimEntry = tuple[tuple[object, ...], tuple[tuple[Day, Day | None], str, str, str], Entry]


@dataclass
class FeedStore:
    """Each claim's entry, by claim id, with what it was made of (the claim and the items
    its statement names, compared by identity) and its dates and attribution (compared by
    equality); and each entry's XML, by the site and the entry (compared by equality: the
    XML depends on nothing else)."""

    claim_entries: dict[str, _ClaimEntry] = field(default_factory=dict)
    xml: dict[tuple[Site, Entry], str] = field(default_factory=dict)


def entries(linked: Linked, dates: ContentDates, store: FeedStore | None = None, *,
            words: Wording | None = None) -> list[Entry]:
    """Every dated brief and claim, newest first (ties by path, so the order is stable).
    The entries' own words are `words`' (English without)."""
    words = words or Wording()
    last_entries = store.claim_entries if store is not None else {}
    found: list[Entry] = []
    for brief in linked.corpus.briefs:
        path = page_path("brief", brief.id)
        if path in dates.updated:
            updated = dates.updated[path]
            found.append(Entry(path, brief.title,
                               with_known_date(plain(brief.summary, linked), updated,
                                               words=words),
                               updated, None, "brief"))
    kept: dict[str, _ClaimEntry] = {}
    for claim in linked.corpus.claims:
        path = page_path("claim", claim.id)
        if path in dates.updated:
            # Atom needs `updated`, a full date-time even when the content knows only the
            # month; `published` is optional, so it is given only when its day is known.
            first = dates.first.get(path)
            days = (dates.updated[path], first if precision(first) == "day" else None)
            who = attribution(linked, claim, words=words)
            # What the entry is made of: the claim and the items its statement names.
            # A claim naming another claim takes that one's label, made of yet other
            # items, so its entry is always made again.
            refs = [p.ref for p in claim.statement.parts if isinstance(p, ProseRef)]
            named: tuple[object, ...] | None = None
            if not any(ref.kind == "claim" for ref in refs):
                named = (claim, *(_named(linked, ref.kind, ref.id) for ref in refs))
            last = last_entries.get(claim.id)
            # A Dated equals the day it starts on: its precision is compared apart; the
            # words' language, as a store may outlive a change of the site's language.
            made_of = (days, precision(days[0]), who, words.key)
            if named is not None and last is not None and last[1] == made_of \
                    and same_objects(named, last[0]):
                entry = last[2]
            else:
                # Whose claim it is leads the title too: many feed readers show titles
                # alone, and a relayed claim must not read as the site's statement there.
                entry = claim_entry(path, who, plain(claim.statement, linked), claim.status,
                                    days, words)
            if named is not None:
                kept[claim.id] = (named, made_of, entry)
            found.append(entry)
    if store is not None:
        store.claim_entries = kept
    found.sort(key=lambda e: e.path)
    found.sort(key=lambda e: e.updated, reverse=True)
    return found


def claim_entry(path: str, who: str, statement: str, status: str,
                days: tuple[Day, Day | None], words: Wording) -> Entry:
    """A claim's entry: whose claim it is leads the title too, as many feed readers show
    titles alone, and a relayed claim must not read as the site's statement there."""
    # Translators: a claim's title in the feed: whose claim it is ("Claimed by Jane Doe",
    # which may itself be written as a label and a colon), then the claim.
    said = words.gettext("%(claimant)s: %(claim)s", claimant=who, claim=statement)
    # Translators: a claim's summary in the feed: its title, then its status.
    summary = words.gettext("%(claim)s Status: %(status)s.", claim=said,
                            status=status_words(words).get(status, status))
    return Entry(path, said, with_known_date(summary, days[0], words=words), *days,
                 "claim")


def with_known_date(summary: str, updated: Day, *, words: Wording | None = None) -> str:
    """The summary, saying so when the date is known only to the month or year: the
    entry's `updated` must still name a day (the first the date allows), which a reader
    should not take for the sources' day."""
    known = precision(updated)
    if known == "day":
        return summary
    words = words or Wording()
    if known == "month":
        when = f"{calendar.month_name[updated.month]} {updated.year}" \
            if words.locale is None else format_skeleton("yMMMM", updated, locale=words.locale)
        # Translators: after a feed entry's summary, when its date is known to the month.
        said = words.gettext("Its newest source gives only the month: %(when)s.", when=when)
    else:
        # Translators: after a feed entry's summary, when its date is known to the year.
        said = words.gettext("Its newest source gives only the year: %(when)s.",
                             when=str(updated.year))
    stop = "." if summary and not summary.endswith((".", "!", "?", "…")) else ""
    return f"{summary}{stop} {said}".lstrip()


def _named(linked: Linked, kind: str, ident: str) -> object:
    """The item a reference names (None for kinds labelled from the id alone)."""
    items: Mapping[str, object] | None = {
        "entity": linked.entities, "source": linked.sources, "brief": linked.briefs,
        "quote": linked.quotes}.get(kind)
    return items.get(ident) if items is not None else None


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = _NOT_XML.sub("", text)
    return element


def atom_feed(linked: Linked, dates: ContentDates, site: Site,
              store: FeedStore | None = None, *, words: Wording | None = None) -> str:
    return feed_xml(entries(linked, dates, store, words=words), site, store)


def feed_xml(items: list[Entry], site: Site, store: FeedStore | None = None) -> str:
    """The feed of these entries, for this site (the pipeline's results store keeps the
    entries, which do not depend on the site, and makes the feed for each)."""
    last_xml = store.xml if store is not None else {}
    feed = ET.Element("feed", {"xmlns": ATOM, **({"xml:lang": site.language}
                                                  if site.language else {})})
    _text(feed, "title", site.title, type="text")
    _text(feed, "id", site.ident(FEED_PATH))
    _text(feed, "updated", rfc3339(items[0].updated) if items else NO_DATE)
    ET.SubElement(feed, "link", {"rel": "self", "type": "application/atom+xml",
                                 "href": site.href(FEED_PATH)})
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html",
                                 "href": site.href(HOME)})
    author = ET.SubElement(feed, "author")
    _text(author, "name", site.author or site.title)
    ET.indent(feed)
    head = ET.tostring(feed, encoding="unicode").removesuffix("\n</feed>")
    # Each entry is written on its own, indented as it would be inside the feed: an entry
    # depends only on itself and the site, so a rebuild writes only the entries it changed.
    made = {(site, item): last_xml.get((site, item)) or _entry_xml(site, item)
            for item in items}
    if store is not None:
        store.xml = made
    return '<?xml version="1.0" encoding="utf-8"?>\n' + head + "".join(
        "\n  " + made[site, item] for item in items) + "\n</feed>\n"


def _entry_xml(site: Site, item: Entry) -> str:
    entry = ET.Element("entry")
    _text(entry, "id", site.ident(item.path))
    _text(entry, "title", item.title, type="text")
    _text(entry, "updated", rfc3339(item.updated))
    if item.published is not None:
        _text(entry, "published", rfc3339(item.published))
    ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html",
                                  "href": site.href(item.path)})
    ET.SubElement(entry, "category", {"term": item.category})
    _text(entry, "summary", item.summary, type="text")
    ET.indent(entry, level=1)
    return ET.tostring(entry, encoding="unicode")
