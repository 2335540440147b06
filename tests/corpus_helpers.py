"""Content trees for tests: a minimal valid corpus and helpers to write and fingerprint
folders. (Not in conftest.py: tests/browser has a conftest of its own, and a module
imported by name must be unique.)"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import signal
from collections.abc import Iterator, Mapping
from pathlib import Path

from briefing.buildcache import BuildCache
from briefing.pipeline import build

REPO = Path(__file__).resolve().parent.parent
# A fixed copy of the seed corpus: the tests judge the tool against it, never against the
# live content/, which curators edit freely (`briefing check --strict` judges that one).
SEED = REPO / "tests" / "fixtures" / "seed-content"

ARTICLE = (
    "date 2025-01-02 Acme Corp says its widget costs $5 million.Critics disagree.\n"
    "\n"
    "Smiley face\n"
    "Jane Doe, an analyst, said \u201cthe widget is overpriced\u201d in a note.\n"
)

SOURCE_YML = """\
title: "Acme prices its widget"
published: "2025-01-02"
cleaning:
  remove: ["date 2025-01-02"]
  drop_lines: [Smiley face]
  split_run_on_sentences: true
quotes:
  - id: acme-cost
    text: "its widget costs $5 million"
    speaker: acme
    asserts: [widget-cost-5m]
  - id: doe-overpriced
    text: "the widget is overpriced"
    speaker: jane-doe
    doubts: [widget-cost-5m]
"""

CLAIMS_YML = """\
claims:
  - id: widget-cost-5m
    statement: "[[entity:acme]] says its widget costs $5 million."
    claimant: acme
    status: disputed
    topics: [cost]
    figures:
      - metric: widget-cost
        subject: acme
        value: 5000000
        unit: USD
    events:
      - what: "[[entity:acme]] announces the widget's price."
        when: {date: "2025-01", about: true, inferred: true, basis: "Before the article."}
"""

ENTITIES_YML = """\
entities:
  - id: acme
    name: Acme Corp
    kind: organisation
    aliases: [Acme]
  - id: jane-doe
    name: Jane Doe
    kind: person
"""

BRIEF_YML = """\
title: The widget price
summary: "[[entity:acme]] prices its widget at $5 million; an analyst doubts it."
sections:
  - kind: what-happened
    points:
      - text: "Acme says the widget costs $5 million."
        cites: [acme-cost]
        claims: [widget-cost-5m]
  - kind: yes-but
    points:
      - text: "An analyst calls it overpriced."
        cites: [doe-overpriced]
"""


# A ministry's article and its annotation: two claims put forward with "up to".
PLAN_TXT = ("The ministry said on Monday that the transfer works will cost up to $300 "
            "million and employ up to 400 workers.\n")
PLAN_YML = """\
title: "The transfer plan"
published: "2025-03-12"
quotes:
  - id: ministry-cost
    text: "the transfer works will cost up to $300 million"
    speaker: ministry
    asserts: [transfer-cost-300m]
  - id: ministry-jobs
    text: "employ up to 400 workers"
    speaker: ministry
    asserts: [transfer-jobs-400]
"""


def minimal_corpus() -> dict[str, str | bytes]:
    """A small valid corpus touching every kind of annotation."""
    return {
        "sources/acme-widget.txt": ARTICLE,
        "sources/acme-widget.yml": SOURCE_YML,
        "claims.yml": CLAIMS_YML,
        "entities.yml": ENTITIES_YML,
        "briefs/widget.yml": BRIEF_YML,
    }


def write_tree(root: Path, files: Mapping[str, str | bytes]) -> Path:
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_bytes(data.encode("utf-8"))
    return root


def rebuilt_findings(content: Path, cache: BuildCache, code: str) -> list[str]:
    """The findings of `code` of a rebuild over `cache` (as `mkdocs serve` makes it), which
    must be those of a fresh build."""
    found = build(content, cache=cache).diagnostics
    assert sorted(map(str, found)) == sorted(map(str, build(content).diagnostics))
    return sorted(str(d) for d in found if d.code == code)


def snapshot(root: Path) -> dict[str, str]:
    """Hashes of every file under root, to prove a command changed nothing."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*")) if p.is_file()
    }


@contextlib.contextmanager
def hang_guard(seconds: int) -> Iterator[None]:
    """Fail (rather than hang the run) when the body takes longer than `seconds`: a guard
    against a hang, far above the body's normal time, never a speed test."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def seed_project(dest: Path, content: Path | None = None) -> Path:
    """The repository's site (mkdocs.yml, theme, schemas) in `dest`, over a copy of the
    fixed seed corpus or of `content` (the seed's hand-written pages added to the latter)."""
    shutil.copytree(content or SEED, dest / "content")
    if content is not None and not (dest / "content" / "pages").exists():
        shutil.copytree(SEED / "pages", dest / "content" / "pages")
    for name in ("theme", "schemas"):
        shutil.copytree(REPO / name, dest / name)
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def served_search(project: Path) -> Path:
    """Give the project's theme MkDocs' search, as under `mkdocs serve` (`pagefind:
    false`): a `mkdocs build` then writes the site a serve session writes, and the
    `search_index.json` that serving uses. The published search, Pagefind's, is tested in
    test_sitesearch.py and the browser tests."""
    settings = project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    assert "theme:\n  name: briefing\n" in text, "the repository's mkdocs.yml names its theme"
    settings.write_text(text.replace("theme:\n  name: briefing\n",
                                     "theme:\n  name: briefing\n  pagefind: false\n", 1),
                        encoding="utf-8")
    return project


def minimal_site(tmp_path: Path) -> Path:
    """The repository's site over the minimal corpus, in `tmp_path / "project"`."""
    return seed_project(tmp_path / "project", write_tree(tmp_path / "minimal", minimal_corpus()))


def confirm_suggested_dates(content: Path) -> None:
    """What a curator does once a date `briefing new` suggested is checked against the
    article: the `basis:` says so, and `date-unconfirmed` no longer applies."""
    from briefing.schema import SUGGESTED_BASIS

    for path in (content / "sources").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        if SUGGESTED_BASIS in text:
            path.write_text(text.replace(SUGGESTED_BASIS, "Checked against the article"),
                            encoding="utf-8")

