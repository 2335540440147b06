"""The Problems page shown while `mkdocs serve` runs: every diagnostic of the last
rebuild, grouped by file, with its `path:line:col`, message and hint (the code's general fix
when it has none).

A bad edit must not take the site away from the curator who made it: the server keeps
the last good pages and adds this one, linked from a banner on every page (the theme
shows it), so the mistake is visible where they are looking.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from itertools import groupby
from pathlib import Path

from markupsafe import Markup

from .codes import CODES
from .diagnostics import Diagnostic, Severity, has_errors
from .markup import plural
from .pageassets import PROBLEMS_JSON
from .paths import HOME, PROBLEMS
from .plan import front_matter
from .render import environment
from .worddiff import hint_html

PROBLEMS_PAGE = PROBLEMS
HOME_PAGE = HOME


@dataclass(frozen=True)
class ProblemsSummary:
    """What the theme's banner says; `href` is the Problems page's path."""

    errors: int
    warnings: int
    kept_last_good: bool
    href: str = PROBLEMS_PAGE

    @property
    def text(self) -> str:
        return f"{plural(self.errors, 'error')}, {plural(self.warnings, 'warning')}"


def summarise(diagnostics: Iterable[Diagnostic], *, kept_last_good: bool) -> ProblemsSummary:
    items = list(diagnostics)
    errors = sum(1 for d in items if d.severity is Severity.ERROR)
    return ProblemsSummary(errors, len(items) - errors, kept_last_good)


def problems_page(diagnostics: Iterable[Diagnostic], *, kept_last_good: bool) -> str:
    """The page's Markdown; `kept_last_good` says whether the other pages come from an
    earlier build (True) or whether no build has succeeded yet (False)."""
    items = sorted(diagnostics, key=lambda d: d.sort_key)
    files = [(path, list(group)) for path, group in groupby(items, key=lambda d: d.pos.path)]
    return front_matter({"description": "Problems found in the content by the last rebuild"}) \
        + environment().get_template("problems.md.j2").render(
            files=files, status=summarise(items, kept_last_good=kept_last_good),
            hint_html=hint_html,
            # The registry's fixes are our own Markdown (code spans), not curator text.
            fixes={name: Markup(code.fix) for name, code in CODES.items()})


@dataclass(frozen=True, order=True)
class LinkReport:
    """MkDocs' warning about a link in a hand-written page: `at` is where the link is
    written (`path:line:col`, or the page's path when the link cannot be found in it)."""

    at: str
    message: str


class LinkReports:
    """MkDocs' warnings about hand-written pages' links while `mkdocs serve` runs, by page.

    MkDocs checks a page's links as it reads the page, after the Problems page was
    planned, so they reach the banner and the page through `problems.json`. A page read
    again drops its old reports first; under `--dirty` a page not read keeps them, as its
    links were not checked again."""

    def __init__(self) -> None:
        self.by_page: dict[str, list[LinkReport]] = {}

    def page_read(self, page: str) -> None:
        self.by_page.pop(page, None)

    def add(self, page: str, report: LinkReport) -> None:
        if report not in (kept := self.by_page.setdefault(page, [])):
            kept.append(report)

    def keep_only(self, pages: Iterable[str]) -> None:
        """Forgets the pages the site no longer has."""
        present = set(pages)
        self.by_page = {page: kept for page, kept in self.by_page.items() if page in present}

    def all(self) -> tuple[LinkReport, ...]:
        return tuple(sorted(r for kept in self.by_page.values() for r in kept))


def problems_json(problems: ProblemsSummary | None, href: str,
                  links: tuple[LinkReport, ...] = ()) -> str:
    """What the problems banner says, or `null` when there is nothing to show (always, in
    a one-shot build: it stops on errors, and its site has no Problems page). `href`: the
    Problems page's URL from the site's root; the script resolves it against the site's
    address. `links`: MkDocs' warnings about hand-written pages' links, counted among the
    warnings and listed on the Problems page by its script."""
    if links:
        counted = problems or ProblemsSummary(0, 0, kept_last_good=True)
        problems = replace(counted, warnings=counted.warnings + len(links))
    data = None if problems is None else {
        "errors": problems.errors, "warnings": problems.warnings, "text": problems.text,
        "kept_last_good": problems.kept_last_good, "href": href,
        "links": [{"at": r.at, "message": r.message} for r in links]}
    return json.dumps({"problems": data}, sort_keys=True) + "\n"


def settings_json(message: str) -> str:
    """What the banner says while the site's settings stop every rebuild (mkdocs.yml cannot
    be read, or a setting the pages need is wrong): no Problems page can be built then, so
    the banner carries the message itself."""
    data = {"errors": 1, "warnings": 0, "text": "1 error", "kept_last_good": True,
            "settings": message}
    return json.dumps({"problems": data}, sort_keys=True) + "\n"


def write_banner(site_dir: Path, text: str) -> None:
    """`problems.json` (`problems_json` or `settings_json`) written over the one the build
    wrote, whole or not at all: the banner of every page already served reads it."""
    path = site_dir / PROBLEMS_JSON
    path.parent.mkdir(parents=True, exist_ok=True)
    staged = path.with_name(f".{path.name}.new")
    staged.write_text(text, encoding="utf-8")
    os.replace(staged, path)


def not_built_page() -> str:
    """The home page while no build has succeeded since the server started."""
    return environment().get_template("not_built.md.j2").render(problems=PROBLEMS_PAGE)


Output = tuple[dict[str, str], Mapping[str, str]]  # pages (path -> Markdown), other files


class LastGood:
    """What a serve session shows: each build's pages, or the last good ones, and the
    Problems page. Pages become the last good ones once their build finishes
    (`finished`), not when they are made: MkDocs may still fail the build midway."""

    def __init__(self) -> None:
        self.last_good: Output | None = None
        self.pending: Output | None = None  # this build's, until it finishes
        self.faulty: set[str] = set()  # the files this build's errors name (display paths)
        self.problems: ProblemsSummary | None = None  # what the banner says

    def outputs(self, pages: dict[str, str], files: Mapping[str, str],
                diagnostics: tuple[Diagnostic, ...]) -> Output:
        """The pages and files to serve: this build's, or the last good ones; plus the
        Problems page, which says "No problems" while there are none: an address kept
        open or bookmarked never turns into a 404, and MkDocs' link warnings, known only
        once the pages are read, can be listed on it (`LinkReports`)."""
        self.pending = None if has_errors(diagnostics) else (pages, files)
        self.faulty = {d.pos.path for d in diagnostics if d.severity is Severity.ERROR}
        good = self.pending or self.last_good
        pages, files = good or ({HOME_PAGE: not_built_page()}, {})
        kept = good is not None
        self.problems = summarise(diagnostics, kept_last_good=kept) if diagnostics else None
        return {**pages, PROBLEMS_PAGE: problems_page(diagnostics, kept_last_good=kept)}, files

    def names(self, path: str) -> bool:
        """Whether this build's errors name the file at `path` or a folder holding it (a
        link out of the content folder, say, which MkDocs would follow)."""
        parts = path.split("/")
        return any("/".join(parts[:n]) in self.faulty for n in range(1, len(parts) + 1))

    def finished(self) -> None:
        if self.pending is not None:
            self.last_good, self.pending = self.pending, None

    def failed(self) -> None:
        self.pending = None
