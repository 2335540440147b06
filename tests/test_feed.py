"""Content dates, the Atom feed and the sitemap: dated by the annotations, never the clock."""

from __future__ import annotations

import datetime
import gzip
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from corpus_helpers import ARTICLE, BRIEF_YML, CLAIMS_YML, SOURCE_YML, seed_project

from briefing.buildcache import BuildCache
from briefing.cli import main
from briefing.dates import content_dates, file_date, first_day, written
from briefing.feed import Site
from briefing.paths import published_url
from briefing.pipeline import build
from briefing.schema import FuzzyDate

A = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://example.org/briefing/"

# A second source, a month later and dated only to the month, that doubts the claim; and a
# third with no date that reports a claim nobody else mentions.
LATER_YML = """\
title: "Doubts about the widget"
published: {date: "2025-03", about: true}
quotes:
  - id: later-doubt
    text: "Nobody believes the widget costs that little"
    doubts: [widget-cost-5m]
"""
UNDATED_YML = """\
title: "An undated note"
published: {date: unknown, basis: "No date anywhere in the text."}
quotes:
  - id: undated-gadget
    text: "Acme also sells a gadget"
    reports: [gadget]
"""
GADGET_CLAIM = """\
  - id: gadget
    statement: "[[entity:acme]] sells a gadget."
    status: reported
"""


def corpus(**changes: str) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {
        "sources/acme-widget.txt": ARTICLE,
        "sources/acme-widget.yml": SOURCE_YML,
        "sources/later.txt": "Nobody believes the widget costs that little.\n",
        "sources/later.yml": LATER_YML,
        "sources/undated.txt": "Acme also sells a gadget.\n",
        "sources/undated.yml": UNDATED_YML,
        "claims.yml": CLAIMS_YML + GADGET_CLAIM,
        "entities.yml": "entities:\n"
                        "  - {id: acme, name: Acme Corp, kind: organisation, aliases: [Acme]}\n"
                        "  - {id: jane-doe, name: Jane Doe, kind: person}\n"
                        "  - {id: nobody, name: Zed Quux, kind: person}\n",
        "briefs/widget.yml": BRIEF_YML,
    }
    files.update(changes)
    return files


def feed_of(content: Path, **options: Any) -> tuple[str, ET.Element]:
    result = build(content, **options)
    assert not result.failed(), [d.format() for d in result.diagnostics]
    text = result.files["feed.xml"]
    return text, ET.fromstring(text.encode("utf-8"))


# --- content dates --------------------------------------------------------------------


def test_a_fuzzy_date_becomes_its_first_day() -> None:
    assert first_day(FuzzyDate(2025, 3, 14)) == datetime.date(2025, 3, 14)
    assert first_day(FuzzyDate(2025, 3)) == datetime.date(2025, 3, 1)
    assert first_day(FuzzyDate(2025)) == datetime.date(2025, 1, 1)
    assert first_day(FuzzyDate(None)) is None
    assert first_day(None) is None


def test_pages_take_the_latest_date_of_what_they_rest_on(
        make_content: Callable[..., Path]) -> None:
    result = build(make_content(corpus()))
    assert result.linked is not None and not result.failed()
    dates = content_dates(result.linked)
    day = datetime.date
    # The claim: asserted on 2 Jan, doubted in "about March": latest and earliest.
    assert dates.updated["claims/widget-cost-5m.md"] == day(2025, 3, 1)
    assert dates.first["claims/widget-cost-5m.md"] == day(2025, 1, 2)
    # The brief cites only the January source.
    assert dates.updated["briefs/widget.md"] == day(2025, 1, 2)
    assert dates.updated["sources/acme-widget.md"] == day(2025, 1, 2)
    assert dates.updated["sources/later.md"] == day(2025, 3, 1)
    # Acme is named in the undated source too: that source adds nothing.
    assert dates.updated["entities/acme.md"] == day(2025, 1, 2)
    # Undated: a claim only an undated source reports, an entity no source names.
    for undated in ("sources/undated.md", "claims/gadget.md", "entities/nobody.md"):
        assert undated not in dates.updated
    assert "claims/gadget.md" not in dates.first
    for index in ("index.md", "claims/index.md", "sources/index.md", "coverage.md",
                  "timeline.md", "map.md", "figures.md"):
        assert dates.updated[index] == day(2025, 3, 1), index
    assert dates.updated["briefs/index.md"] == day(2025, 1, 2)
    assert dates.updated["entities/index.md"] == day(2025, 1, 2)
    # Every dated page carries its date in front matter, to the precision its sources
    # give (the later source is dated only to March 2025); undated pages carry none.
    assert '\nupdated: "2025-03"\n' in result.pages["claims/widget-cost-5m.md"]
    assert '\nupdated: "2025-01-02"\n' in result.pages["entities/acme.md"]
    assert "updated:" not in result.pages["claims/gadget.md"]


def test_a_curators_updated_day_wins_only_when_later(make_content: Callable[..., Path]) -> None:
    brief = BRIEF_YML + 'updated: "2025-06-30"\n'
    claims = CLAIMS_YML.replace("    status: disputed\n",
                                '    status: disputed\n    updated: "2024-12-31"\n')
    claims += GADGET_CLAIM + '    updated: "2025-02-01"\n'
    result = build(make_content(corpus(**{"briefs/widget.yml": brief, "claims.yml": claims})))
    assert result.linked is not None and not result.failed()
    dates = content_dates(result.linked)
    assert dates.updated["briefs/widget.md"] == datetime.date(2025, 6, 30)
    assert dates.updated["claims/widget-cost-5m.md"] == datetime.date(2025, 3, 1)
    # A claim with no dated source gets its date from the curator alone.
    assert dates.updated["claims/gadget.md"] == datetime.date(2025, 2, 1)
    assert "claims/gadget.md" not in dates.first
    assert dates.updated["index.md"] == datetime.date(2025, 6, 30)


@pytest.mark.parametrize("value", ['"2025-06"', '"2025-02-30"', "yesterday", "[2025]"])
def test_updated_must_be_a_day(make_content: Callable[..., Path], value: str) -> None:
    brief = BRIEF_YML + f"updated: {value}\n"
    result = build(make_content(corpus(**{"briefs/widget.yml": brief})))
    assert result.failed() and not result.files
    [problem] = [d for d in result.diagnostics if d.severity.name == "ERROR"]
    assert problem.pos.path.endswith("briefs/widget.yml")
    assert problem.pos.line == BRIEF_YML.count("\n") + 1 and problem.pos.col == 10
    assert problem.code in ("schema-date", "schema-type")
    assert "YYYY-MM-DD" in problem.hint or "day" in problem.hint


# --- the feed -------------------------------------------------------------------------


def test_the_feed_has_every_required_atom_element(make_content: Callable[..., Path]) -> None:
    _, feed = feed_of(make_content(corpus()), site_title="Widget briefing")
    assert feed.tag == f"{A}feed"
    assert feed.findtext(f"{A}title") == "Widget briefing"
    assert feed.findtext(f"{A}id", "").startswith("urn:uuid:")
    assert feed.findtext(f"{A}updated") == "2025-03-01T00:00:00Z"
    assert feed.findtext(f"{A}author/{A}name") == "Widget briefing"
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{A}link")}
    assert links == {"self": "feed.xml", "alternate": "./"}
    entries = feed.findall(f"{A}entry")
    # The undated claim (only an undated source reports it) is left out.
    assert len(entries) == 2
    by_href = {link.get("href"): e for e in entries if (link := e.find(f"{A}link")) is not None}
    assert list(by_href) == ["claims/widget-cost-5m/", "briefs/widget/"]  # newest first
    for entry in entries:
        for tag in ("id", "title", "updated", "summary"):
            assert entry.findtext(f"{A}{tag}"), tag
        assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", entry.findtext(f"{A}id", ""))
        link = entry.find(f"{A}link")
        assert link is not None and link.get("rel") == "alternate"
    claim = by_href["claims/widget-cost-5m/"]
    assert claim.findtext(f"{A}updated") == "2025-03-01T00:00:00Z"
    assert claim.findtext(f"{A}published") == "2025-01-02T00:00:00Z"
    assert claim.findtext(f"{A}title") == \
        "Claimed by Acme Corp: Acme Corp says its widget costs $5 million."
    # Its newest source is dated to the month: the summary says so, as `updated` cannot.
    assert claim.findtext(f"{A}summary") == \
        "Claimed by Acme Corp: Acme Corp says its widget costs $5 million. Status: disputed." \
        " Its newest source gives only the month: March 2025."
    brief = by_href["briefs/widget/"]
    assert brief.findtext(f"{A}title") == "The widget price"
    assert brief.findtext(f"{A}summary") == \
        "Acme Corp prices its widget at $5 million; an analyst doubts it."
    assert brief.find(f"{A}published") is None


@pytest.mark.parametrize(("language", "tag"), [({}, "en"), ({"language": "nl-BE"}, "nl-BE")])
def test_the_feed_is_in_the_sites_language(make_content: Callable[..., Path],
                                           language: dict[str, str], tag: str) -> None:
    """Its titles and summaries are the curator's words, in the site's language."""
    _, feed = feed_of(make_content(corpus()), **language)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == tag


def test_a_first_appearance_known_only_to_the_month_is_not_published_on_a_day(
        make_content: Callable[..., Path]) -> None:
    # Atom's `updated` must be a date-time, so the month stands as its first day there;
    # `published` is optional, and "2025-01-01" would claim a day no source gives.
    source = SOURCE_YML.replace('published: "2025-01-02"', 'published: "2025-01"')
    _, feed = feed_of(make_content(corpus(**{"sources/acme-widget.yml": source})))
    claim = next(e for e in feed.findall(f"{A}entry")
                 if e.find(f"{A}link[@href='claims/widget-cost-5m/']") is not None)
    assert claim.find(f"{A}published") is None
    assert claim.findtext(f"{A}updated") == "2025-03-01T00:00:00Z"


@pytest.mark.parametrize(("date", "said"), [
    ('"2025-01"', " Its newest source gives only the month: January 2025."),
    ('"2025"', " Its newest source gives only the year: 2025."),
    ('"2025-01-01"', ""),
])
def test_a_summary_says_when_its_date_is_known_only_to_the_month_or_year(
        make_content: Callable[..., Path], date: str, said: str) -> None:
    # Atom's `updated` names a day, the first the date allows; the summary keeps the
    # precision, so "1 January" is not read as the sources' day.
    source = SOURCE_YML.replace('published: "2025-01-02"', f"published: {date}")
    _, feed = feed_of(make_content(corpus(**{"sources/acme-widget.yml": source})))
    brief = next(e for e in feed.findall(f"{A}entry")
                 if e.find(f"{A}link[@href='briefs/widget/']") is not None)
    assert brief.findtext(f"{A}updated") == "2025-01-01T00:00:00Z"
    assert brief.findtext(f"{A}summary") == \
        "Acme Corp prices its widget at $5 million; an analyst doubts it." + said


def test_a_rebuild_follows_a_date_to_the_same_first_day_at_another_precision(
        make_content: Callable[..., Path]) -> None:
    # "2025-03" and "2025-03-01" start on the same day: the kept claim entry must still
    # be made again, as its summary differs.
    content = make_content(corpus())
    cache = BuildCache()
    build(content, cache=cache)
    later = content / "sources" / "later.yml"
    later.write_text(LATER_YML.replace('"2025-03"', '"2025-03-01"'), encoding="utf-8")
    kept = build(content, cache=cache)
    assert kept.files["feed.xml"] == build(content).files["feed.xml"]
    assert "gives only the month" not in kept.files["feed.xml"]


def test_with_a_site_url_ids_and_links_are_the_pages_addresses(
        make_content: Callable[..., Path]) -> None:
    content = make_content(corpus())
    _, feed = feed_of(content, site_url="https://example.org/b", site_author="The Desk")
    assert feed.findtext(f"{A}id") == "https://example.org/b/feed.xml"
    assert feed.findtext(f"{A}author/{A}name") == "The Desk"
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{A}link")}
    assert links == {"self": "https://example.org/b/feed.xml",
                     "alternate": "https://example.org/b/"}
    ids = [e.findtext(f"{A}id") for e in feed.findall(f"{A}entry")]
    assert ids == ["https://example.org/b/claims/widget-cost-5m/",
                   "https://example.org/b/briefs/widget/"]
    assert [link.get("href") for link in feed.findall(f"{A}entry/{A}link")] == ids
    flat = build(content, site_url="https://example.org/b/", directory_urls=False)
    assert "https://example.org/b/claims/widget-cost-5m.html" in flat.files["feed.xml"]


def test_page_urls_follow_the_url_style() -> None:
    nested, flat = Site("T"), Site("T", directory_urls=False)
    assert nested.href("index.md") == "./" and flat.href("index.md") == "index.html"
    assert nested.href("briefs/index.md") == "briefs/"
    assert flat.href("briefs/index.md") == "briefs/index.html"
    assert nested.href("claims/x.md") == "claims/x/" and flat.href("claims/x.md") == "claims/x.html"


def test_ids_are_stable_and_the_clock_is_never_read(make_content: Callable[..., Path],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    content = make_content(corpus())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    first, _ = feed_of(content, site_title="Widget briefing")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "2000000000")
    second, _ = feed_of(content, site_title="Widget briefing")
    assert first == second
    # Ids name the item, not its place in the feed or its wording.
    edited = make_content(corpus(**{"briefs/widget.yml": BRIEF_YML.replace(
        "title: The widget price", "title: The widget's price, revised")}))
    _, feed = feed_of(edited, site_title="Widget briefing")
    assert [e.findtext(f"{A}id") for e in feed.findall(f"{A}entry")] == \
        [e.findtext(f"{A}id") for e in ET.fromstring(first).findall(f"{A}entry")]
    # Another site gets other ids.
    _, other = feed_of(content, site_title="Another briefing")
    assert other.findtext(f"{A}entry/{A}id") != \
        ET.fromstring(first).findtext(f"{A}entry/{A}id")


def test_hostile_text_is_escaped(make_content: Callable[..., Path]) -> None:
    title = 'A <b>bold</b> & "widget" ]]> title'  # (quoted words must be a quote's)
    brief = BRIEF_YML.replace("title: The widget price",
                              "title: '" + title.replace("'", "''") + "'")
    brief = brief.replace('summary: "[[entity:acme]]',
                          'summary: "</summary><script>alert(1)</script> [[entity:acme]]')
    text, feed = feed_of(make_content(corpus(**{"briefs/widget.yml": brief})))
    entry = feed.findall(f"{A}entry")[1]
    assert entry.findtext(f"{A}title") == title
    assert entry.findtext(f"{A}summary", "").startswith("</summary><script>alert(1)</script>")
    assert "<b>" not in text and "<script>" not in text and "]]>" not in text


def test_characters_xml_cannot_carry_never_reach_the_feed(
        make_content: Callable[..., Path]) -> None:
    # Control characters are refused at validation (text-control-char); a YAML escape can
    # still write a non-character XML cannot carry, and the feed still parses.
    brief = BRIEF_YML.replace("title: The widget price", 'title: "bell and \\uFFFE end"')
    text, feed = feed_of(make_content(corpus(**{"briefs/widget.yml": brief})))
    assert feed.findall(f"{A}entry")[1].findtext(f"{A}title") == "bell and  end"
    assert "\ufffe" not in text


def test_a_feed_with_nothing_dated_is_still_valid(make_content: Callable[..., Path]) -> None:
    undated = SOURCE_YML.replace('published: "2025-01-02"\n', "")
    _, feed = feed_of(make_content(corpus(**{"sources/acme-widget.yml": undated,
                                             "sources/later.yml": LATER_YML.replace(
                                                 'published: {date: "2025-03", about: true}\n',
                                                 "")})))
    assert feed.findtext(f"{A}updated") == "1970-01-01T00:00:00Z"
    assert feed.findall(f"{A}entry") == []


def test_a_broken_corpus_has_no_feed(make_content: Callable[..., Path]) -> None:
    result = build(make_content(corpus(**{"claims.yml": CLAIMS_YML.replace(
        "status: disputed", "status: disputd")})))
    assert result.failed() and result.files == {}


def test_briefing_build_writes_the_feed(make_content: Callable[..., Path],
                                        tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "--content", str(make_content(corpus())),
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "and feed.xml" in result.output
    ET.fromstring((out / "feed.xml").read_bytes())
    assert (out / "index.md").is_file()


# --- the whole site -------------------------------------------------------------------


def mkdocs_build(project: Path, dest: Path, epoch: str, site_url: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "BRIEFING_SITE_URL"}
    env["SOURCE_DATE_EPOCH"] = epoch
    if site_url:
        env["BRIEFING_SITE_URL"] = site_url
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)], cwd=project,
        env=env, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seed_project(tmp_path_factory.mktemp("project"))


@pytest.fixture(scope="module")
def sites(project: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two builds of the same content on different build dates."""
    first, second = tmp_path_factory.mktemp("first"), tmp_path_factory.mktemp("second")
    mkdocs_build(project, first, "1735689600", SITE_URL)
    mkdocs_build(project, second, "1893456000", SITE_URL)
    return first, second


def test_site_feed_and_sitemap_are_byte_identical_across_build_dates(
        sites: tuple[Path, Path]) -> None:
    first, second = sites
    # The gzip header holds the latest page date, which the plugin sets from the content.
    for name in ("feed.xml", "sitemap.xml", "sitemap.xml.gz"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    for site in sites:
        assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == \
            (site / "sitemap.xml").read_bytes()


def test_sitemap_lastmod_is_the_content_date(sites: tuple[Path, Path], project: Path) -> None:
    result = build(project / "content")
    assert result.linked is not None
    expected = {SITE_URL + published_url(path, directory_urls=True): written(day)
                for path, day in content_dates(result.linked).updated.items()}
    sitemap = ET.fromstring((sites[0] / "sitemap.xml").read_bytes())
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    found = {url.findtext(f"{ns}loc"): url.findtext(f"{ns}lastmod")
             for url in sitemap.findall(f"{ns}url")}
    dated = {loc: lastmod for loc, lastmod in found.items() if lastmod}
    assert dated == expected
    # The hand-written page gives no date of its own, so it has none.
    assert found[SITE_URL + "about/"] is None
    assert len(found) == len(list(sites[0].rglob("*.html"))) - 1  # all but 404.html


def test_site_feed_is_linked_from_every_page(sites: tuple[Path, Path]) -> None:
    site = sites[0]
    feed = ET.fromstring((site / "feed.xml").read_bytes())
    assert feed.findtext(f"{A}id") == SITE_URL + "feed.xml"
    hrefs = [link.get("href") for link in feed.findall(f"{A}entry/{A}link")]
    assert hrefs and all(h and (site / h.removeprefix(SITE_URL) / "index.html").is_file()
                         for h in hrefs)
    for page, prefix in (("index.html", ""), ("claims/index.html", "../"),
                         ("briefs/deepseek-skepticism/index.html", "../../"),
                         ("about/index.html", "../")):
        html = (site / page).read_text(encoding="utf-8")
        assert '<link rel="alternate" type="application/atom+xml"' in html, page
        assert f'href="{prefix}feed.xml"' in html, page
        assert re.search(r'<footer[^>]*>.*Follow: <a href="[^"]*feed\.xml"', html, re.S), page


def test_without_a_site_url_there_is_no_sitemap(project: Path, tmp_path: Path) -> None:
    mkdocs_build(project, tmp_path / "site", "1735689600", "")
    assert not (tmp_path / "site" / "sitemap.xml").exists()
    feed = ET.fromstring((tmp_path / "site" / "feed.xml").read_bytes())
    assert feed.findtext(f"{A}id", "").startswith("urn:uuid:")


def test_a_page_stamps_the_sitemap_with_the_first_day_of_a_date_known_no_better() -> None:
    assert [file_date(text) for text in ("2024-03-05", "2024-03", "2024", "", "soon")] == [
        "2024-03-05", "2024-03-01", "2024-01-01", "1970-01-01", "1970-01-01"]
