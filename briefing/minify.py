"""The site's own styles and scripts without their comments and spacing.

The theme's and the plugin's CSS and JavaScript are written to be read, with comments that
say why; a reader's browser needs none of that, and on a brief page they were a third of
its weight. rcssmin and rjsmin remove comments and white space only (no renaming, no
rewriting), so what runs is what the repository holds; both are small, pure-Python with
optional C speed-ups, and have no dependencies (docs/architecture.md, "Dependencies").
"""

from __future__ import annotations

from pathlib import PurePosixPath

import rcssmin
import rjsmin


def minified(name: str, text: str) -> str:
    """`text` of the file called `name`, minified if it is CSS or JavaScript; a licence
    comment (`/*! ... */`) is kept."""
    suffix = PurePosixPath(name).suffix
    if suffix == ".css":
        return str(rcssmin.cssmin(text, keep_bang_comments=True))
    if suffix == ".js":
        return str(rjsmin.jsmin(text, keep_bang_comments=True))
    return text


def is_minifiable(name: str) -> bool:
    return PurePosixPath(name).suffix in (".css", ".js")
