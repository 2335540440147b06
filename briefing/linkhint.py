"""The page a hand-written page's broken link most likely meant, for the hint beside
MkDocs' report of it.

MkDocs suggests a page only when the path, read from the site's root instead of the
page's folder, is one. A curator linking from `content/pages/` to a generated page
writes a path as the content folder has it ("../claims.md", "briefs/musk-bid.md"), or
mistypes an id: here the pages' paths are compared with the link's by their words,
without `.md`, a folder's `index` or the `../` that climb out of the pages' folder, so
"../claims.md" finds `claims/index.md` and "claims/widget-cost-5.md" the claim whose id
it mistypes."""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .load import display_root
from .pagelinks import written_at
from .positions import Lines

# How alike two paths' words must be (difflib's ratio) for one to be offered for the other.
CUTOFF = 0.75
# MkDocs' report of a page's link it cannot follow, and its ending when it has no page to
# suggest.
LINK_REPORT = re.compile(
    r"Doc file '(?P<page>[^']+)' contains (?:a link(?: to)?|an unrecognized relative link) "
    r"'(?P<url>[^']*)'")
NOT_FOUND = "is not found among documentation files."


def page_key(path: str) -> str:
    """A page's path as its words: "claims/index.md" and "../claims.md" are "claims"."""
    parts = [part for part in path.split("/") if part not in ("", ".", "..")]
    if parts and parts[-1].endswith(".md"):
        parts[-1] = parts[-1][:-len(".md")]
    if parts and parts[-1] in ("index", "README"):
        parts.pop()
    return "/".join(parts)


def closest_page(page: str, url: str, pages: Iterable[str]) -> str | None:
    """The link from `page` to the page of `pages` (paths under docs_dir) most like what
    `url` points to, keeping its anchor; None when none is alike enough."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    keys = {page_key(path): path for path in sorted(pages) if path.endswith(".md")}
    wanted = page_key(target)
    found = keys.get(wanted)
    if found is None:
        close = difflib.get_close_matches(wanted, list(keys), n=1, cutoff=CUTOFF)
        found = keys[close[0]] if close else None
    if found is None or found in (page, target):  # (itself; or a page MkDocs left out)
        return None
    link = posixpath.relpath(found, posixpath.dirname(page) or ".")
    return link + (f"#{parts.fragment}" if parts.fragment else "")


@dataclass(frozen=True)
class PlacedReport:
    page: str  # the page holding the link, under docs_dir
    where: str | None  # the link's `path:line:col`, when the page's Markdown has it
    message: str  # MkDocs' words, with the closest page when it offered none


def placed_report(message: str, docs_dir: Path, pages: Iterable[str]) -> PlacedReport | None:
    """MkDocs' report of a hand-written page's link (None for any other message), given
    where the link is in the page's Markdown and the page it most likely meant."""
    found = LINK_REPORT.match(message)
    if found is None:
        return None
    if message.endswith(NOT_FOUND):
        hint = closest_page(found["page"], found["url"], pages)
        message += f" Did you mean '{hint}'?" if hint else ""
    return PlacedReport(found["page"], link_position(docs_dir, found["page"], found["url"]),
                        message)


def link_position(docs_dir: Path, page: str, url: str) -> str | None:
    """`url`'s `path:line:col` in the page at `page` under docs_dir, or None."""
    try:
        text = (docs_dir / page).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):  # a generated page, or one MkDocs reports
        return None
    offset = written_at(text, url)
    shown = f"{display_root(docs_dir)}/{page}"
    return None if offset is None else str(Lines.of(text).pos(shown, offset))
