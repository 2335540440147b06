"""The Problems page shown while `mkdocs serve` runs: every diagnostic of the last
rebuild, grouped by file, with its `path:line:col`, message, hint and how to fix it.

A bad edit must not take the site away from the curator who made it: the server keeps
the last good pages and adds this one, linked from a banner on every page (the theme
shows it), so the mistake is visible where they are looking.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from markupsafe import Markup

from .codes import CODES
from .diagnostics import Diagnostic, Severity
from .markup import plural
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


def not_built_page() -> str:
    """The home page while no build has succeeded since the server started."""
    return environment().get_template("not_built.md.j2").render(problems=PROBLEMS_PAGE)
