"""Diagnostics are values: every stage returns them instead of raising, so a build can
report all of its problems at once, sorted by position."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Pos:
    """A position in a file under the content folder; line and column count from 1."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.path
        return f"{self.path}:{self.line}:{self.col}"


class Severity(enum.IntEnum):
    WARNING = 1
    ERROR = 2

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Diagnostic:
    severity: Severity
    pos: Pos
    code: str
    message: str
    hint: str = ""
    # Where a quote differs from the closest passage, as `worddiff` segments: the hint
    # holds them as text, and the Problems page shows them as <del> and <ins>.
    diff: tuple[tuple[str, str], ...] = ()

    def format(self) -> str:
        """`path:line:col: severity: message [code]`, the form editors and CI annotators read.
        Control characters from the content (an escape sequence in a quote, a file name)
        are written as escapes: a terminal would obey them."""
        text = f"{self.pos}: {self.severity}: {self.message} [{self.code}]"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return _UNSHOWN.sub(_escaped, text)

    def github(self) -> str:
        """A GitHub Actions workflow command: the problem shows as an annotation on the
        file and line in the pull request and the run summary."""
        where = f"file={_gh_property(_UNSHOWN.sub(_escaped, self.pos.path))}"
        if self.pos.line > 0:
            where += f",line={self.pos.line},col={self.pos.col}"
        message = _UNSHOWN.sub(_escaped,
                               self.message + (f"\nhint: {self.hint}" if self.hint else ""))
        return (f"::{self.severity} {where},title={_gh_property(self.code)}::"
                f"{_gh_data(message)}")

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.pos.path, self.pos.line, self.pos.col, self.code, self.message)


# What a terminal would act on or reorder rather than show: C0 and C1 controls but the
# line feed and tab, and the bidirectional controls (the Arabic letter mark among them).
_UNSHOWN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def error(pos: Pos, code: str, message: str, hint: str = "",
          diff: tuple[tuple[str, str], ...] = ()) -> Diagnostic:
    return Diagnostic(Severity.ERROR, pos, code, message, hint, diff)


def warning(pos: Pos, code: str, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(Severity.WARNING, pos, code, message, hint)


def sorted_diagnostics(diagnostics: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    unique = {(d.sort_key, d.severity, d.hint): d for d in diagnostics}
    return tuple(sorted(unique.values(), key=lambda d: d.sort_key))


def has_errors(diagnostics: Iterable[Diagnostic], *, strict: bool = False) -> bool:
    floor = Severity.WARNING if strict else Severity.ERROR
    return any(d.severity >= floor for d in diagnostics)


def summary(diagnostics: Iterable[Diagnostic]) -> str:
    items = list(diagnostics)
    errors = sum(1 for d in items if d.severity is Severity.ERROR)
    warnings = len(items) - errors
    return (f"{errors} error{'s' if errors != 1 else ''}, "
            f"{warnings} warning{'s' if warnings != 1 else ''}")


def build_stopped(diagnostics: Sequence[Diagnostic], *, warnings_shown: bool) -> str:
    """Why a site build wrote nothing. The problems were logged before it; warnings that
    the log did not show (`mkdocs build --strict --quiet`) are given here, or the reader
    would be told to fix problems listed nowhere."""
    text = (f"Briefing: {summary(diagnostics)}; nothing was built and the previous site "
            "is untouched.")
    hidden = [] if warnings_shown else [
        d.format() for d in diagnostics if d.severity is not Severity.ERROR]
    if not hidden:
        return f"{text} Fix the problems listed above."
    errors = any(d.severity is Severity.ERROR for d in diagnostics)
    return (f"{text} Fix {'the errors listed above and ' if errors else ''}these warnings, "
            "which --quiet does not show:\n" + "\n".join(hidden))
