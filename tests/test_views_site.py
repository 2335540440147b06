"""The generated views as MkDocs builds them: structured data in the page head, map links
that resolve with and without directory URLs, and search over claims and sources, each
passage indexed once, where it is written."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from corpus_helpers import REPO, minimal_corpus, seed_project, served_search, write_tree


class Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.data: list[object] = []
        self.map_links: list[str] = []
        self._in: list[str] | None = None
        self._svg = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "script" and found.get("type") == "application/ld+json":
            self._in = []
        if tag == "svg":
            self._svg += 1
        if tag == "a" and self._svg and found.get("href"):
            self.map_links.append(str(found["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in is not None:
            self.data.append(json.loads("".join(self._in)))
            self._in = None
        if tag == "svg":
            self._svg -= 1

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            self._in.append(data)


def parse(path: Path) -> Scripts:
    parser = Scripts()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def build_site(root: Path, *, directory_urls: bool, site_url: str = "") -> Path:
    project = root / "project"
    write_tree(project / "content", minimal_corpus())
    (project / "content" / "pages").mkdir()
    shutil.copytree(REPO / "theme", project / "theme")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "use_directory_urls: true", f"use_directory_urls: {str(directory_urls).lower()}")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "BRIEFING_SITE_URL"}
    if site_url:
        env["BRIEFING_SITE_URL"] = site_url
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(root / "site")],
        cwd=project, capture_output=True, text=True, timeout=300, check=False,
        env={**env, "SOURCE_DATE_EPOCH": "0"})
    assert result.returncode == 0, result.stderr
    return root / "site"


def resolves(site: Path, page: Path, href: str) -> bool:
    """Whether a relative link from `page` lands on a file of the built site."""
    base = "http://host/sub/" + page.relative_to(site).as_posix()
    path = urlsplit(urljoin(base, href)).path
    assert path.startswith("/sub/"), (href, path)
    target = site / path.removeprefix("/sub/")
    return (target / "index.html").is_file() if path.endswith("/") else target.is_file()


@pytest.mark.parametrize("directory_urls", [True, False])
def test_map_links_resolve_with_and_without_directory_urls(tmp_path: Path,
                                                           directory_urls: bool) -> None:
    site = build_site(tmp_path, directory_urls=directory_urls)
    page = site / ("map/b-widget/index.html" if directory_urls else "map/b-widget.html")
    links = parse(page).map_links
    # The brief's claim and its source, in the drawing for a phone and in that for a desktop.
    assert len(links) == 4 and links[:2] == links[2:]
    for href in links:
        assert not href.startswith(("/", "http")) and ".md" not in href, href
        assert resolves(site, page, href), href
    claim = site / ("claims/widget-cost-5m/index.html" if directory_urls
                    else "claims/widget-cost-5m.html")
    [data] = parse(claim).data
    assert isinstance(data, dict) and "url" not in data  # no site_url: no page URL to give


def test_structured_data_gets_the_absolute_page_url_when_site_url_is_set(
        tmp_path: Path) -> None:
    site = build_site(tmp_path, directory_urls=True, site_url="https://example.org/brief/")
    [data] = parse(site / "claims" / "widget-cost-5m" / "index.html").data
    assert isinstance(data, dict)
    assert data["url"] == "https://example.org/brief/claims/widget-cost-5m/"
    assert data["@type"] == "ClaimReview"
    for key in ("claimReviewed", "reviewRating", "itemReviewed", "author"):
        assert key in data, key
    assert data["itemReviewed"]["appearance"][0]["headline"] == "Acme prices its widget"
    # Only claim pages carry structured data.
    assert parse(site / "sources" / "acme-widget" / "index.html").data == []


def test_search_finds_h800_in_claims_and_sources(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=served_search(seed_project(tmp_path / "project")), capture_output=True,
        text=True, timeout=300, check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": "0"})
    assert result.returncode == 0, result.stderr
    index = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text(
        encoding="utf-8"))
    hits = {doc["location"].split("#")[0] for doc in index["docs"]
            if re.search(r"\bH800\b", doc["text"] + doc["title"])}
    assert any(h.startswith("claims/") for h in hits), hits
    assert any(h.startswith("sources/") for h in hits), hits
    # The map and coverage list the claims without repeating them in the index: they are
    # found by their introductions.
    assert "map/" not in hits and "coverage/" not in hits
    introductions = {doc["location"]: doc["text"] for doc in index["docs"]}
    assert introductions["coverage/#coverage"].startswith("Which source takes which position")
    assert introductions["map/#map"].startswith("A map for each brief and for each entity")

    # Each passage is indexed where it is written: a quote is found on its source and the
    # claims citing it, not again on the entity pages listing it; an entity page keeps its
    # title and introduction. A generated page's sections hold all its text, so its whole-page
    # entry does not repeat it.
    quote = "the training of its R1 model cost $294,000"
    found = {doc["location"].split("#")[0] for doc in index["docs"] if quote in doc["text"]}
    assert "sources/deepseek-nature-cost-disclosure/" in found, found
    assert any(h.startswith("claims/") for h in found), found
    assert not any(h.startswith("entities/") for h in found), found
    deepseek = [doc for doc in index["docs"]
                if doc["location"].startswith("entities/deepseek/")]
    assert deepseek[0]["title"] == "DeepSeek" and deepseek[0]["text"] == ""
    assert any("Chinese AI start-up based in Hangzhou" in doc["text"] for doc in deepseek)
    assert any(doc["title"] == "As speaker" and doc["text"] == "" for doc in deepseek)
    whole = {doc["location"]: doc["text"] for doc in index["docs"] if "#" not in doc["location"]}
    assert whole.pop("about/"), "a hand-written page is indexed as MkDocs does"
    assert whole and not any(whole.values()), "a whole-page entry repeats its sections"
