"""Pagefind's index of the built site (briefing/sitesearch.py): what is indexed, how a
failure is reported and leaves no index behind, and that `mkdocs build` writes the same
bytes twice and swaps in no site whose index failed."""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from corpus_helpers import (
    ARTICLE,
    hang_guard,
    minimal_corpus,
    seed_project,
    snapshot,
    write_tree,
)

from briefing import cbor, sitesearch
from briefing.sitesearch import FOLDER, Role, SearchIndexFault, index_site, role


@pytest.mark.parametrize(("src", "generated", "expected"), [
    ("claims/only-h800-chips.md", True, Role("claim", "Claim")),
    ("sources/s.md", True, Role("quotes", "Source")),
    ("briefs/b.md", True, Role("page", "Brief")),
    ("entities/deepseek.md", True, Role("title", "Entity")),
    ("figures/m-training-cost.md", True, Role("title", "Figure")),
    ("topics/t-training-cost.md", True, Role("title", "Topic")),
    ("topics/index.md", True, None),
    ("entities/deepseek/page-2.md", True, None),  # a later page of a listing
    ("claims/index/page-2.md", True, None),
    ("claims/index.md", True, None),
    ("index.md", True, None),
    ("timeline.md", True, None),
    ("coverage/s17-s32.md", True, None),
    ("about.md", False, Role("page", "Page")),  # hand-written
    ("claims/notes.md", False, Role("page", "Page")),
])
def test_role_indexes_pages_that_hold_their_own_text(src: str, generated: bool,
                                                      expected: Role | None) -> None:
    assert role(src, generated=generated) == expected


def page(main: str, attributes: str = "") -> str:
    return (f'<!doctype html><html lang="en"><head><title>t</title></head><body>'
            f'<nav>Sections Claims Sources</nav><main{attributes}>{main}</main></body></html>')


def fragments(site: Path) -> dict[str, dict[str, object]]:
    """Each indexed page's record, by its address (Pagefind's fragments are gzipped JSON
    after a signature)."""
    found = {}
    for path in (site / FOLDER / "fragment").iterdir():
        raw = gzip.decompress(path.read_bytes())
        record = json.loads(raw[raw.index(b"{"):])
        found[record["url"]] = record
    return found


def test_index_keeps_marked_pages_their_filters_and_no_boilerplate(tmp_path: Path) -> None:
    site = write_tree(tmp_path / "site", {
        "claims/c/index.html": page(
            '<span data-pagefind-filter="status:disputed"></span><h1>Chips used</h1>'
            '<p>Trained on <span class="status">reported</span> H800 chips.</p>'
            '<table><thead><tr><th>Stance</th></tr></thead><tbody><tr><td>'
            '<span class="cell-label" aria-hidden="true">Passage</span> Quoted passage'
            '</td></tr></tbody></table>',
            ' data-pagefind-body data-pagefind-filter="type:Claim"'),
        "entities/e/index.html": page(
            "<h1>DeepSeek</h1><p>Roles: claimant</p><ul><li>A claim it makes</li></ul>",
            ' data-pagefind-body data-pagefind-filter="type:Entity" data-search-scope="title"'),
        "index.html": page("<h1>Home</h1><p>Every brief again</p>"),
    })
    done = index_site(site)
    assert done.pages == 2 and done.peak_mb  # Pagefind's own process, measured
    records = fragments(site)
    assert set(records) == {"/claims/c/", "/entities/e/"}  # the home page is not marked
    claim = records["/claims/c/"]
    assert claim["content"] == "Chips used. Trained on H800 chips. Quoted passage."
    assert claim["filters"] == {"type": ["Claim"], "status": ["disputed"]}
    assert claim["meta"] == {"title": "Chips used"}
    assert records["/entities/e/"]["content"] == "DeepSeek."
    assert (site / FOLDER / "pagefind.js").is_file()
    assert not [p for p in site.iterdir() if p.name.startswith(".")]


def test_a_briefs_citation_numbers_stay_out_of_its_excerpts(tmp_path: Path) -> None:
    site = write_tree(tmp_path / "site", {"briefs/b/index.html": page(
        '<h1>The bid</h1><ul><li>Altman rejected the bid. '
        '<a class="cite" href="../../sources/s/#q1">1</a> '
        '<a class="cite" href="../../sources/s/#q2">2</a> Musk left in 2018.</li></ul>',
        ' data-pagefind-body data-pagefind-filter="type:Brief"')})
    index_site(site)
    assert fragments(site)["/briefs/b/"]["content"] == \
        "The bid. Altman rejected the bid. Musk left in 2018."


def test_a_source_page_is_found_by_its_quotes_not_its_whole_text(tmp_path: Path) -> None:
    """The minimal corpus's article with a sentence no quote holds, its one word that
    nothing else on the site says; "the widget is overpriced" is a quote (Jane Doe's)."""
    corpus = {**minimal_corpus(),
              "sources/acme-widget.txt": ARTICLE + "\nRivals called the price zorblaxian.\n"}
    project = seed_project(tmp_path / "project", write_tree(tmp_path / "corpus", corpus))
    done = mkdocs_build(project, tmp_path / "site")
    assert done.returncode == 0, done.stderr
    records = fragments(tmp_path / "site")
    source = records["/sources/acme-widget/"]
    words = str(source["content"])
    # Its title, date, the passages quoted and who said them.
    for shown in ("Acme prices its widget", "2 Jan 2025", "\u201cthe widget is overpriced\u201d",
                  "Jane Doe", "\u201cits widget costs $5 million\u201d"):
        assert shown in words, (shown, words)
    # Not its unquoted text, nor the claims and briefs that cite the passages (their own
    # pages hold those), nor the list of briefs: no page of the site is found by them.
    page = (tmp_path / "site" / "sources" / "acme-widget" / "index.html").read_text("utf-8")
    assert "zorblaxian" in page and "Critics disagree" in page  # on the page, as before
    for unquoted in ("zorblaxian", "Critics disagree"):
        assert not [url for url, r in records.items() if unquoted in str(r["content"])]
    for elsewhere in ("says its widget costs", "The widget price", "What happened"):
        assert elsewhere not in words, (elsewhere, words)
    # A claim's page by its own text, not by its evidence: the passages and their sources
    # are found on the sources' pages.
    claim = str(records["/claims/widget-cost-5m/"]["content"])
    assert "says its widget costs $5 million" in claim and "Jane Doe" in claim, claim
    for cited in ("overpriced", "Acme prices its widget", "2 Jan 2025"):
        assert cited not in claim, (cited, claim)
    # The quotes are found in their section of the page.
    assert [a["id"] for a in source["anchors"] if a["text"]] == ["acme-prices-its-widget", "quotes"]  # type: ignore[union-attr, index]


def test_a_page_indexed_by_its_title_is_sent_without_its_listing(tmp_path: Path) -> None:
    """Pagefind holds each element with an id as an anchor of the page, indexed or not: a
    page indexed by its title only goes to it without what follows the title, and is
    found as before."""
    listing = ('<h2 id="claimant">Claimant</h2><h3 id="report-1">Report 1: chips</h3>'
               '<p>Zorblax said so.</p><h3 id="report-2">Report 2: prices</h3>')
    title_only = ' data-pagefind-body data-pagefind-filter="type:Entity" data-search-scope="title"'
    site = write_tree(tmp_path / "site", {
        "entities/e/index.html": page(f'<h1 id="deepseek">DeepSeek</h1>{listing}', title_only),
        # what Pagefind reads beyond the indexed text after the title: sent whole
        "entities/f/index.html": page(
            f'<h1 id="acme">Acme</h1>{listing}<span data-pagefind-filter="role:claimant">'
            '</span>', title_only),
        "claims/c/index.html": page(f'<h1 id="chips">Chips</h1>{listing}',
                                    ' data-pagefind-body data-pagefind-filter="type:Claim"'),
    })
    sent = sitesearch._sent((site / "entities/e/index.html").read_bytes())
    assert b"report-1" not in sent and b"Zorblax" not in sent
    assert sent.endswith(b"DeepSeek</h1></main></body></html>")
    index_site(site)
    records = fragments(site)
    entity, whole = records["/entities/e/"], records["/entities/f/"]
    assert entity["content"] == "DeepSeek." and entity["meta"] == {"title": "DeepSeek"}
    assert entity["filters"] == {"type": ["Entity"]}
    assert [a["id"] for a in entity["anchors"]] == ["deepseek"]  # type: ignore[union-attr, index]
    assert whole["filters"] == {"type": ["Entity"], "role": ["claimant"]}
    assert [a["id"] for a in whole["anchors"]] == [  # type: ignore[union-attr, index]
        "acme", "claimant", "report-1", "report-2"]
    # Another kind of page is sent whole, its listing indexed.
    assert "Zorblax said so" in str(records["/claims/c/"]["content"])


def fake_pagefind(tmp_path: Path, script: str) -> Path:
    exe = tmp_path / "pagefind"
    exe.write_text(f"#!/bin/sh\n{script}\n")
    exe.chmod(0o755)
    return exe


def test_a_failed_index_says_why_and_leaves_the_last_index(tmp_path: Path) -> None:
    site = write_tree(tmp_path / "site", {"index.html": page("<h1>Home</h1>"),
                                          f"{FOLDER}/pagefind.js": "// the last index"})
    # Reads part of what it is sent, then fails as a crash would.
    broken = fake_pagefind(tmp_path, 'head -c 10 > /dev/null\n'
                                     'echo "Error: could not read page.html" >&2; exit 3')
    with pytest.raises(SearchIndexFault) as caught:
        index_site(site, broken)
    assert "exit status 3" in str(caught.value)
    assert "could not read page.html" in str(caught.value)
    assert (site / FOLDER / "pagefind.js").read_text() == "// the last index"
    assert sorted(p.name for p in site.iterdir()) == ["index.html", FOLDER]


def test_an_answer_that_cannot_be_read_fails_the_index_instead_of_hanging(
        tmp_path: Path) -> None:
    site = write_tree(tmp_path / "site", {"index.html": page("<h1>Home</h1>"),
                                          f"{FOLDER}/pagefind.js": "// the last index"})
    garbled = fake_pagefind(tmp_path, "printf 'not-base64!!,'; sleep 2")
    with hang_guard(60), pytest.raises(SearchIndexFault, match="an answer it could not read"):
        index_site(site, garbled)  # (it waited for ever before)
    assert (site / FOLDER / "pagefind.js").read_text() == "// the last index"


def test_without_pagefind_the_fault_says_what_to_install(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sitesearch, "binary", lambda: None)
    with pytest.raises(SearchIndexFault, match="install the `pagefind-bin` package"):
        index_site(tmp_path)
    with pytest.raises(SearchIndexFault, match="could not be run"):
        index_site(tmp_path, tmp_path / "no-such-program")


def mkdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                          cwd=project, capture_output=True, text=True, timeout=300,
                          check=False)


def test_two_builds_write_the_same_index_byte_for_byte(tmp_path: Path) -> None:
    project = seed_project(tmp_path / "project")
    for name in ("one", "two"):
        done = mkdocs_build(project, tmp_path / name)
        assert done.returncode == 0, done.stderr
        assert "Pagefind indexed" in done.stderr
    one, two = snapshot(tmp_path / "one" / FOLDER), snapshot(tmp_path / "two" / FOLDER)
    assert len(one) > 20 and any(path.startswith("fragment/") for path in one)
    assert one == two


def test_mkdocs_build_whose_index_fails_keeps_the_previous_site(tmp_path: Path) -> None:
    project = seed_project(tmp_path / "project")
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    before = snapshot(site)
    # The hand-written page changes, then Pagefind fails (a program named by the test's
    # `pagefind_bin` stand-in, first on the path).
    write_tree(project / "content" / "pages", {"notes.md": "# Notes\n\nNew words.\n"})
    stand_in = write_tree(tmp_path / "stand-in", {"pagefind_bin/__init__.py": (
        "from pathlib import Path\n"
        f"def get_executable(): return Path({str(fake_pagefind(tmp_path, 'exit 9'))!r})\n")})
    failed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(site)], cwd=project,
        capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "PYTHONPATH": str(stand_in)})
    assert failed.returncode != 0
    assert "Pagefind failed (exit status 9)" in failed.stderr
    assert snapshot(site) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


@pytest.mark.parametrize("value", [
    0, 23, 24, 255, 256, 65_535, 65_536, 2**32, "", "Entity", "‿ é", b"\x00\xff",
    [], [["type", [1, 2, 300]], ["status", []]], {"a": [1], "b": {"c": "d"}}])
def test_cbor_reads_back_what_it_writes(value: object) -> None:
    assert cbor.loads(cbor.dumps(value)) == value


@pytest.mark.parametrize("data", [b"\x18", b"\x62a", b"\x82\x01", b"\xf9\x00\x00",
                                  b"\x9f\xff", b"\xc1\x00", b"\x01\x02"])
def test_cbor_refuses_what_pagefind_never_writes(data: bytes) -> None:
    with pytest.raises(cbor.CborError):
        cbor.loads(data)


def test_settle_makes_filter_order_irrelevant(tmp_path: Path) -> None:
    """Two indexes that differ only in the order of a filter's values (as Pagefind's
    random hash map writes them) become the same bytes, and still name their files."""
    def output(order: list[list[object]]) -> Path:
        out = tmp_path / f"out-{len(list(tmp_path.iterdir()))}"
        (out / "filter").mkdir(parents=True)
        signed = lambda value: gzip.compress(b"pagefind_dcd" + cbor.dumps(value))  # noqa: E731
        (out / "filter" / "en_1111111.pf_filter").write_bytes(signed(["type", order]))
        (out / "pagefind.en_2222222222.pf_meta").write_bytes(
            signed(["1.5.2", [], [], [["type", "en_1111111"]], [], ["title"]]))
        (out / "pagefind-entry.json").write_text(json.dumps(
            {"version": "1.5.2", "languages": {"en": {"hash": "en_2222222222"}}}))
        sitesearch.settle(out)
        return out

    one = output([["Entity", [3, 4]], ["Claim", [0, 1, 2]]])
    two = output([["Claim", [0, 1, 2]], ["Entity", [3, 4]]])
    assert snapshot(one) == snapshot(two)
    entry = json.loads((one / "pagefind-entry.json").read_text())
    meta = one / f"pagefind.{entry['languages']['en']['hash']}.pf_meta"
    listed = cbor.loads(gzip.decompress(meta.read_bytes())[12:])[3]
    (name, hashed), = listed
    assert name == "type" and (one / "filter" / f"{hashed}.pf_filter").is_file()
    assert len(list((one / "filter").iterdir())) == 1


@pytest.mark.parametrize(("written", "address"), [
    ("index.html", "/"), ("briefs/widget/index.html", "/briefs/widget/"),
    ("briefs/widget.html", "/briefs/widget.html"),
    # a page's own name may end in "index" (a site without directory URLs)
    ("pages/reindex.html", "/pages/reindex.html"), ("index.html/a.html", "/index.html/a.html"),
])
def test_a_page_is_sent_at_its_address(tmp_path: Path, written: str, address: str) -> None:
    from briefing.sitesearch import _page
    sent = _page(0, tmp_path, tmp_path / written, b"<html></html>")
    assert sent["url"] == address


def _resident_mb() -> float:
    status = Path("/proc/self/status").read_text(encoding="utf-8")
    found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    assert found
    return int(found.group(1)) / 1024


@pytest.mark.skipif(not Path("/proc/self/status").exists() or sys.platform != "linux",
                    reason="reads the resident size from Linux's /proc")
def test_free_memory_goes_back_to_the_system_before_pagefind_runs() -> None:
    from briefing.sitesearch import return_free_memory
    # Pages' strings, freed with every tenth kept: the C library keeps the holes, as it
    # kept a build's after its pages were written.
    strings = [bytes(4000) + str(n).encode() for n in range(60_000)]
    kept = strings[::10]
    del strings
    before = _resident_mb()
    return_free_memory()
    assert before - _resident_mb() > 100, "the freed heap stayed with the process"
    assert len(kept) == 6_000
