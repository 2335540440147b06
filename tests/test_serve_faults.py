"""`mkdocs serve --dirty` under the faults editors and file systems produce: a half-written
save, an atomic rename, a deleted article, a deleted folder, a burst of edits, files that
cannot be read (a link to nothing, a link loop, a FIFO: faults that stop root as well as
anyone). After each one the server answers within a bound, and its Problems page lists
exactly what the core reports for the tree as it then is; once the files are restored,
every served page is the page a clean `mkdocs build` of the same tree writes."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from corpus_helpers import served_search
from serving import served, wait_for

from briefing.pipeline import build

BOUND = 10.0  # seconds a page request may take, a rebuild included
SETTLE = 30.0  # seconds for the server to catch up with a change
SOURCE = "deepseek-nature-cost-disclosure"
# A Problems page item: its position and its code.
ITEM = re.compile(r'<span class="severity severity-\w+">\w+</span> <code>([^<]*)</code>'
                  r'.*?<span class="code">\[([a-z0-9-]+)\]</span>')
LIVERELOAD = re.compile(rb"<script>[^<]*livereload[^<]*</script>")


def answer(url: str) -> str | None:
    """The page, None if there is none (404); fails if the server does not answer within
    the bound."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=BOUND) as response:
            body = bytes(response.read())
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return None
        raise
    assert time.monotonic() - started < BOUND, f"{url} took over {BOUND} s"
    return body.decode("utf-8")


def shown(base: str) -> set[tuple[str, str]] | None:
    page = answer(f"{base}/problems/")
    return None if page is None else set(ITEM.findall(page))


def reported(project: Path) -> set[tuple[str, str]]:
    """What the core finds in the tree as it is, named as the server (run from the
    project folder) names it."""
    with contextlib.chdir(project):
        result = build(Path("content"))
    return {(str(d.pos), d.code) for d in result.diagnostics}


class Server:
    def __init__(self, project: Path, base: str, process: subprocess.Popen[str]) -> None:
        self.project, self.base, self.process = project, base, process
        self.content = project / "content"

    def settled(self, what: str, *, clean: bool = False,
                extra: frozenset[tuple[str, str]] = frozenset()) -> set[tuple[str, str]]:
        """The server answers, and its Problems page comes to list what the core finds
        (and the `extra` problems the plugin finds beyond it)."""
        assert answer(f"{self.base}/") is not None
        expected = reported(self.project) | extra
        print(what, sorted(expected)[:6], len(expected))
        assert clean == (not expected), f"{what}: the core reports {expected}"
        if not (clean and shown(self.base) is None):  # (no page before the first problem)
            assert wait_for(lambda: shown(self.base) == expected, SETTLE), \
                f"{what}: the Problems page shows {shown(self.base)}, the core {expected}"
        assert self.process.poll() is None, f"the server stopped after {what}"
        return expected

    def shows(self, path: str, predicate: Callable[[str | None], bool]) -> bool:
        return wait_for(lambda: predicate(answer(f"{self.base}{path}")), SETTLE)


def picker_off(project: Path) -> None:
    """The quote picker (on under serve only) adds to source pages what a clean build does
    not have, and the clean build's Pagefind search is not serving's: the comparison is of
    the pages both builds make."""
    served_search(project)
    config = project / "mkdocs.yml"
    settings = config.read_text(encoding="utf-8")
    assert "      content_dir: content\n" in settings
    config.write_text(settings.replace("      content_dir: content\n",
                                       "      content_dir: content\n      quote_picker: never\n",
                                       1), encoding="utf-8")


def test_the_server_answers_and_tells_the_truth_through_faults(tmp_path: Path) -> None:
    with served(tmp_path, "--dirty", prepare=picker_off) as (project, base, process):
        server = Server(project, base, process)
        content = server.content
        pristine = tmp_path / "pristine"
        shutil.copytree(content, pristine, symlinks=True)
        claims = content / "claims.yml"
        text = claims.read_text(encoding="utf-8")

        # An editor's save: the file truncated, half written, then the rest.
        edited = text.replace('statement: "', 'statement: "Saved in two writes: ', 1)
        with claims.open("w", encoding="utf-8") as file:
            file.write(edited[:len(edited) // 2])
            file.flush()
            half = server.settled("a half-written save")
            assert any(pos.startswith("content/claims.yml") for pos, _ in half)
            file.write(edited[len(edited) // 2:])
        assert server.shows("/claims/", lambda page: "Saved in two writes" in (page or ""))
        server.settled("the save completed", clean=True)

        # An atomic save: written beside (a hidden name, never read), then renamed over.
        beside = content / ".claims.yml.swp"
        beside.write_text(text.replace('statement: "', 'statement: "Renamed over: ', 1),
                          encoding="utf-8")
        os.replace(beside, claims)
        assert server.shows("/claims/", lambda page: "Renamed over" in (page or ""))
        server.settled("an atomic rename", clean=True)

        # A deleted article, then restored.
        article = content / "sources" / f"{SOURCE}.txt"
        article.unlink()
        assert ("content/sources/" + SOURCE + ".yml", "source-text-missing") in \
            server.settled("a deleted article")
        shutil.copy(pristine / "sources" / f"{SOURCE}.txt", article)
        server.settled("the article restored", clean=True)

        # A deleted folder: the briefs go from the site, then come back.
        brief = "/briefs/musk-openai-bid/"
        assert answer(base + brief) is not None
        shutil.rmtree(content / "briefs")
        assert server.shows(brief, lambda page: page is None), "a deleted brief is served"
        server.settled("a deleted folder", clean=not reported(project))
        shutil.copytree(pristine / "briefs", content / "briefs")
        assert server.shows(brief, lambda page: page is not None)
        server.settled("the folder restored", clean=True)

        # 20 edits in 2 seconds, the server asked for a page all along. (Lettered: a
        # number in a claim's statement must be its quotes'.)
        for n, mark in enumerate("abcdefghijklmnopqrst"):
            claims.write_text(text.replace('statement: "', f'statement: "Edit {mark}: ', 1),
                              encoding="utf-8")
            if n % 5 == 4:
                assert answer(f"{base}/claims/") is not None
            time.sleep(0.1)
        assert server.shows("/claims/", lambda page: "Edit t:" in (page or ""))
        assert "Edit s:" not in (answer(f"{base}/claims/") or "")
        server.settled("a burst of edits", clean=True)

        # Files that cannot be read, whoever runs the build: a link to nothing in place of
        # claims.yml, a link looping on itself, a FIFO in place of an article and another
        # among the hand-written pages (MkDocs would wait on it forever).
        claims.unlink()
        claims.symlink_to(tmp_path / "gone.yml")
        (content / "claims").mkdir()
        (content / "claims" / "loop.yml").symlink_to(content / "claims" / "loop.yml")
        article.unlink()
        os.mkfifo(article)
        os.mkfifo(content / "pages" / "pipe.md")
        faults = {pos.split(":")[0] for pos, _ in server.settled("unreadable files")}
        assert {"content/claims.yml", "content/claims/loop.yml",
                f"content/sources/{SOURCE}.txt", "content/pages/pipe.md"} <= faults

        # A hand-written page MkDocs would fail to build (its template does not exist): the
        # build leaves that page out, showing the error at it.
        shutil.rmtree(content)
        shutil.copytree(pristine, content, symlinks=True)
        (content / "pages" / "notes.md").write_text(
            "---\ntemplate: missing.html\n---\n# Notes\n", encoding="utf-8")
        server.settled("a page MkDocs cannot build",
                       extra=frozenset({("content/pages/notes.md:2:11",
                                         "page-template-missing")}))
        assert server.shows("/about/", lambda page: page is not None), \
            "the other hand-written pages were left out too"

        # Everything restored: the served site is the clean build's.
        shutil.rmtree(content)
        shutil.copytree(pristine, content, symlinks=True)
        assert server.shows("/claims/", lambda page: "Edit t:" not in (page or "Edit t:"))
        # The content folder is a new one now: an edit in it is noticed all the same.
        claims.write_text(text.replace('statement: "', 'statement: "In the new folder: ', 1),
                          encoding="utf-8")
        assert server.shows("/claims/", lambda page: "In the new folder" in (page or ""))
        claims.write_text(text, encoding="utf-8")
        assert server.shows("/claims/", lambda page: "new folder" not in (page or "new folder"))
        server.settled("the files restored", clean=True)
        assert_served_as_built(project, base, tmp_path / "clean")


def assert_served_as_built(project: Path, base: str, site: Path) -> None:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
                   cwd=project, check=True, env={**os.environ, "BRIEFING_SITE_URL": base + "/"})
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len(pages) > 50
    different = []
    for name in pages:
        if name == "404.html":  # served only in place of a missing page
            continue
        address = f"{base}/{name.removesuffix('index.html')}"
        with urllib.request.urlopen(address, timeout=BOUND) as response:
            served_html = LIVERELOAD.sub(b"", response.read())
        if served_html != (site / name).read_bytes():
            different.append(name)
    assert not different, f"served pages unlike a clean build's: {different}"
    # The sitemap dates every page by its content, pages a dirty rebuild skipped too; the
    # served one also lists the Problems page.
    with urllib.request.urlopen(f"{base}/sitemap.xml", timeout=BOUND) as response:
        sitemap = response.read().decode("utf-8")
    problems = re.compile(r"\s*<url>\s*<loc>[^<]*/problems/</loc>.*?</url>", re.S)
    assert problems.sub("", sitemap) == (site / "sitemap.xml").read_text(encoding="utf-8")
