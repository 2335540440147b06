"""What each page of a built site weighs for a reader before search: its HTML plus every
stylesheet and script it loads from the site (search's own files left out, as they load
only when search is used).

    .venv/bin/python -m benchmarks.weight SITE_DIR [PAGE ...]

PAGE is a folder or file below SITE_DIR (default: every brief, `briefs/*/`). Sizes are
bytes as written, not compressed (docs/reading.md, "What a page weighs").
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

REFERENCE = re.compile(r'<(?:link[^>]*?\shref|script[^>]*?\ssrc)="([^"?#]+)')
SEARCH_ONLY = ("search/", "search.js", "pagefind", "lunr")  # search loads them


def weight(site: Path, page: Path) -> dict[str, int]:
    """Bytes of the page's HTML and of each CSS and JS file it loads from the site."""
    html_file = page / "index.html" if page.is_dir() else page
    html = html_file.read_bytes()
    parts = {"html": len(html)}
    for reference in REFERENCE.findall(html.decode("utf-8")):
        if not reference.endswith((".css", ".js")) or "://" in reference \
                or any(part in reference for part in SEARCH_ONLY):
            continue
        loaded = (html_file.parent / reference).resolve()
        if loaded.is_file() and loaded.is_relative_to(site.resolve()):
            parts[reference.rsplit("/", 1)[-1]] = loaded.stat().st_size
    return parts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("pages", nargs="*")
    args = parser.parse_args()
    pages = [args.site / page for page in args.pages] or sorted(
        path for path in (args.site / "briefs").iterdir() if path.is_dir())
    for page in pages:
        parts = weight(args.site, page)
        detail = ", ".join(f"{name} {size / 1024:.1f}" for name, size in parts.items())
        print(f"{page.relative_to(args.site)}: {sum(parts.values()) / 1024:.1f} KB ({detail})")


if __name__ == "__main__":
    main()
