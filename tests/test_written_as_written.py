"""Every text a contributor writes is shown exactly as written, escaped once, never twice
and never left raw, in every place a reader or a machine reads it: a page's visible
text, its `<title>`, its meta description, its Open Graph and schema.org data, the
Atom feed, the sitemap, MkDocs' search index and Pagefind's records; under Briefing's
theme (with Pagefind's search), MkDocs' own, Read the Docs and Material.

Property-style: each field of tests/written_corpus.py holds `&`, `<b>x</b>`, quotes, an
apostrophe, `a < b > c`, a literal `&amp;` and `AT&T`, each opened by a word of its own;
wherever that word is read, the whole text must follow as written (or a shortening of it
that ends in "…", as a map's box cuts a long title). What is read is what a parser gives:
lxml for HTML and XML, `json.loads` for JSON, never a pattern over the markup. The
browser's view of the search results is tests/browser/test_written_search.py."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib.util import find_spec

import lxml.etree
import lxml.html
import pytest
from site_builds import Builds
from written_corpus import FIELDS, HARD, SITE_NAME, SOURCE_URL, misread, project, shown

THEMES = ["briefing", "mkdocs", "readthedocs",
          pytest.param("material", marks=pytest.mark.skipif(
              find_spec("material") is None, reason="mkdocs-material is not installed"))]
# What text escaped twice, or an escape read as text, looks like: the corpus writes
# none of these (its `&amp;` is found whole, never `&amp;amp;`).
ESCAPED = ("&amp;amp;", "&lt;", "&gt;", "&quot;", "&#")
# Attributes a reader hears or sees (a tooltip, a name, an image's text).
READ_ATTRIBUTES = frozenset({"title", "aria-label", "alt", "placeholder"})
# The pages titled by a field: their search results must be titled so.
TITLED = {"fm/": "page title in front matter", "heading/": "page title as heading",
          "briefs/widget/": "brief title", "sources/acme-widget/": "source title",
          "entities/acme/": "entity name", "topics/t-cost/": "topic name",
          "figures/m-widget-cost/": "metric name"}


@dataclass(frozen=True)
class Reading:
    where: str  # the file, and the place in it
    text: str  # what is read there


def visible(element: lxml.html.HtmlElement) -> str:
    """The text a reader sees in `element`: no script or style, a chart's or a map's
    lines (`<tspan>`) apart, white space folded."""
    element = lxml.html.fromstring(lxml.html.tostring(element))  # a copy to cut
    for hidden in element.xpath(".//script | .//style"):
        hidden.drop_tree()
    for line in element.xpath(".//*[local-name()='tspan']"):
        line.tail = " " + (line.tail or "")
    return " ".join(element.text_content().split())


def json_strings(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        for item in value.values():
            yield from json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item)
    elif isinstance(value, str):
        yield value


def page_readings(name: str, data: bytes) -> Iterator[Reading]:
    document = lxml.html.document_fromstring(data)
    yield Reading(f"{name} body", visible(document.body))
    for title in document.xpath("/html/head/title"):
        yield Reading(f"{name} <title>", visible(title))
    for meta in document.xpath("//meta[@content]"):
        yield Reading(f"{name} meta {meta.get('name') or meta.get('property')}",
                      meta.get("content"))
    for script in document.xpath("//script[@type='application/ld+json']"):
        for text in json_strings(json.loads(script.text)):
            yield Reading(f"{name} JSON-LD", text)
    for element in document.iter(lxml.etree.Element):
        for attribute in READ_ATTRIBUTES & set(element.attrib):
            yield Reading(f"{name} <{element.tag} {attribute}>", element.get(attribute))


def feed_readings(name: str, data: bytes) -> Iterator[Reading]:
    for element in lxml.etree.fromstring(data).iter(lxml.etree.Element):
        text = element.text or ""
        if element.get("type") == "html" and text.strip():
            text = visible(lxml.html.fragment_fromstring(text, create_parent="div"))
        yield Reading(f"{name} <{lxml.etree.QName(element).localname}>", text)


def search_index_readings(name: str, data: bytes, *, as_html: bool) -> Iterator[Reading]:
    """MkDocs' index: its titles and texts as its search shows them (Material's as HTML,
    the others' as text)."""
    for doc in json.loads(data)["docs"]:
        for key in ("title", "text"):
            text = doc[key]
            if as_html and text.strip():
                text = visible(lxml.html.fragment_fromstring(text, create_parent="div"))
            yield Reading(f"{name} {doc['location']} {key}", text)


def pagefind_record(data: bytes) -> dict[str, object]:
    """A Pagefind fragment: gzipped JSON after a signature."""
    raw = gzip.decompress(data)
    record: dict[str, object] = json.loads(raw[raw.index(b"{"):])
    return record


def pagefind_readings(name: str, data: bytes) -> Iterator[Reading]:
    record = pagefind_record(data)
    for key, text in dict(record["meta"]).items():  # type: ignore[call-overload]
        yield Reading(f"{name} ({record['url']}) meta {key}", text)
    yield Reading(f"{name} ({record['url']}) content", str(record["content"]))


def readings(files: dict[str, bytes], theme: str) -> list[Reading]:
    found: list[Reading] = []
    for name, data in files.items():
        if name.endswith(".html"):
            found += page_readings(name, data)
        elif name == "feed.xml":
            found += feed_readings(name, data)
        elif name == "search/search_index.json":
            found += search_index_readings(name, data, as_html=theme == "material")
        elif name.startswith("pagefind/fragment/"):
            found += pagefind_readings(name, data)
    return found


@dataclass(frozen=True)
class Site:
    files: dict[str, bytes]
    readings: list[Reading]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], Site]]:
    """Each theme's site, built once for the module."""
    builds, built = Builds(), {}

    def of(theme: str) -> Site:
        if theme not in built:
            root = tmp_path_factory.mktemp(theme)
            files = builds(project(root / "project", theme), root / "site")
            built[theme] = Site(files, readings(files, theme))
        return built[theme]

    yield of
    builds.close()


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("field", sorted(FIELDS))
def test_a_field_reads_as_written_wherever_it_is_read(site: Callable[[str], Site],
                                                      theme: str, field: str) -> None:
    readings = site(theme).readings
    wrong = [(reading.where, found) for reading in readings
             for found in misread(reading.text, field)]
    assert not wrong, f"{field} should read {shown(field)!r}"
    home = FIELDS[field].home
    if home:
        assert any(shown(field) in r.text for r in readings
                   if r.where.startswith(f"{home} ")), \
            f"{field} is not shown on {home}"


@pytest.mark.parametrize("theme", THEMES)
def test_no_text_is_escaped_twice_or_left_raw(site: Callable[[str], Site],
                                              theme: str) -> None:
    built = site(theme)
    twice = [(reading.where, escape) for reading in built.readings for escape in ESCAPED
             if escape in reading.text]
    assert not twice
    raw = [name for name, data in built.files.items() if name.endswith(".html")
           and any(b.text == "x" for b in lxml.html.document_fromstring(data).iter("b"))]
    assert not raw, "a <b> the corpus wrote as text is an element"


@pytest.mark.parametrize("theme", THEMES)
def test_a_sources_address_reads_as_written(site: Callable[[str], Site], theme: str) -> None:
    """A link to it (to the quoted words, through a text fragment, as written), and its
    address wherever it is read (its page, its data)."""
    built, host = site(theme), SOURCE_URL.split("/a?")[0]
    links = {element.get("href") for name, data in built.files.items() if name.endswith(".html")
             for element in lxml.html.document_fromstring(data).iter(lxml.etree.Element)
             if (element.get("href") or "").startswith(host)}
    assert SOURCE_URL in links
    assert all(link == SOURCE_URL or link.startswith(SOURCE_URL + "#:~:text=")
               for link in links)
    assert all(r.text.count(host) == r.text.count(SOURCE_URL) for r in built.readings)


@pytest.mark.parametrize("theme", THEMES)
def test_a_page_titled_by_a_field_is_titled_so(site: Callable[[str], Site],
                                               theme: str) -> None:
    """In `<title>` (before the site's name), Open Graph and the search's results: a page
    titled only in its front matter was listed by Pagefind as "<title> · <site>"."""
    built = site(theme)
    for place, field in TITLED.items():
        page = lxml.html.document_fromstring(built.files[f"{place}index.html"])
        title = visible(page.find("head/title"))
        assert title.startswith(shown(field) + " ") and title.endswith(SITE_NAME), place
        for og in page.xpath("//meta[@property='og:title']"):
            assert og.get("content") == shown(field), place
    assert search_titles(built, theme) == {place: shown(field)
                                           for place, field in TITLED.items()}


def search_titles(built: Site, theme: str) -> dict[str, str]:
    """The titles the search lists the pages of `TITLED` under: Pagefind's under
    Briefing's theme, MkDocs' index's (Material's read as HTML) under the others."""
    if theme == "briefing":
        records = [pagefind_record(data) for name, data in built.files.items()
                   if name.startswith("pagefind/fragment/")]
        return {str(r["url"]).lstrip("/"): dict(r["meta"])["title"]  # type: ignore[call-overload]
                for r in records if str(r["url"]).lstrip("/") in TITLED}
    return {r.where.split()[1]: r.text for r in built.readings
            if r.where.startswith("search/search_index.json ") and r.where.endswith(" title")
            and r.where.split()[1] in TITLED}


@pytest.mark.parametrize("theme", THEMES)
def test_the_sitemap_and_feed_parse(site: Callable[[str], Site], theme: str) -> None:
    """Both are XML a reader's program parses; the sitemap lists addresses only."""
    files = site(theme).files
    sitemap = lxml.etree.fromstring(files["sitemap.xml"])
    addresses = [loc.text for loc in sitemap.iter("{*}loc")]
    assert addresses and all(a and a.startswith("https://example.org/escapes/")
                             for a in addresses)
    feed = lxml.etree.fromstring(files["feed.xml"])
    titles = {visible_xml(title) for title in feed.iter("{*}title")}
    assert f"{FIELDS['brief title'].label} {HARD}" in titles
    assert SITE_NAME in titles


def visible_xml(element: lxml.etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())
