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
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

# How alike two paths' words must be (difflib's ratio) for one to be offered for the other.
CUTOFF = 0.75


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
