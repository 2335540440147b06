"""Markdown metacharacters in the curator's text reach every built page as the literal text
that was written: a title `1984. *Acme* …` must not become a numbered list, emphasis, code
or a table split, in headings, table cells, lists, `<title>` or the search index."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

from corpus_helpers import REPO, minimal_corpus, write_tree

LITERAL = "1984. *Acme* _Corp_ `x` a|b # no \\*heading\\* [y](z) <b>"


def visible_text(page: str) -> str:
    """Text a reader sees (tags dropped, entities decoded, white space folded), plus the
    `<title>` kept apart so it can be checked on its own."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_metacharacters_render_literally_everywhere(tmp_path: Path) -> None:
    files = minimal_corpus()
    quoted = LITERAL.replace("\\", "\\\\")
    files["entities.yml"] = str(files["entities.yml"]).replace(
        "name: Acme Corp", f'name: "{quoted}"')
    files["briefs/widget.yml"] = str(files["briefs/widget.yml"]).replace(
        "title: The widget price", f'title: "{quoted}"')
    write_tree(tmp_path / "content", files)
    write_tree(tmp_path / "pages", {"about.md": "# About\n"})
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Literal\ntheme:\n  name: null\n  custom_dir: {REPO / 'theme'}\n"
        "docs_dir: pages\nplugins:\n  - search\n  - briefing\n"
        "markdown_extensions: [tables, attr_list, toc]\n")
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d",
                             str(site)], cwd=tmp_path, capture_output=True, text=True,
                            timeout=300, check=False)
    assert result.returncode == 0, result.stderr

    for page in ("entities/acme/index.html", "entities/index.html", "briefs/widget/index.html",
                 "briefs/index.html", "index.html", "claims/widget-cost-5m/index.html"):
        text = (site / page).read_text(encoding="utf-8")
        assert LITERAL in visible_text(text), page
        assert "<em>Acme</em>" not in text and "<code>x</code>" not in text, page
        assert '<a href="z"' not in text and "<b>" not in text, page
    for page, title in (("entities/acme/index.html", LITERAL),
                        ("briefs/widget/index.html", LITERAL)):
        head = (site / page).read_text(encoding="utf-8")
        found = re.search(r"<title>(.*?)</title>", head, flags=re.S)
        assert found and html.unescape(found.group(1)).startswith(title), page
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {html.unescape(doc["title"]) for doc in index["docs"]}
    assert LITERAL in titles
