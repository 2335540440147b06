"""Hand-written pages whose front matter names a template the theme does not have.

MkDocs looks a page's `template:` up only as it writes the page, and stops there with
Jinja's traceback, the site half-written, naming neither the page nor the line. Here
each page of docs_dir is read for it before the build, in the theme's folders as MkDocs
looks there (`themefolders.py`), and reported at the value, with the theme's templates
nearest to it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path

import yaml

from .diagnostics import Diagnostic, Pos, error
from .files import FileFault, read_regular
from .load import MAX_TEXT_BYTES, front_matter
from .paths import MARKDOWN_SUFFIXES
from .themefolders import ThemeFolders
from .yamlnodes import YNode, YScalar


def template_problems(docs_dir: Path, pages: Iterable[str], shown: str,
                      theme: ThemeFolders) -> list[Diagnostic]:
    """`page-template-missing` at each page of docs_dir (`pages`, paths in it, shown
    under `shown`) whose front matter names a template no folder of the theme holds."""
    problems: list[Diagnostic] = []
    known: list[str] | None = None  # listed only once a page names one that is not there
    for page in sorted(p for p in pages if p.endswith(MARKDOWN_SUFFIXES)):
        display = f"{shown}/{page}"
        named = _named_template(docs_dir / page, display)
        if named is None:
            continue
        name, node = named
        if isinstance(name, str) and theme.has_template(name):
            continue
        known = theme.page_templates() if known is None else known
        problems.append(_missing(display, name, node, known))
    return problems


def _named_template(path: Path, display: str) -> tuple[object, YNode] | None:
    """The `template:` of the page at `path` as MkDocs reads it (the last one written, a
    plain value typed as YAML types it), and its node; None when it names none, or the
    page or its front matter cannot be read (reported elsewhere, or MkDocs' to)."""
    try:
        text = read_regular(str(path), MAX_TEXT_BYTES).decode("utf-8-sig")
    except (FileFault, UnicodeDecodeError):
        return None
    front = front_matter(text, display)
    node = next((value for key, value in reversed(front.items)
                 if key.value == "template"), None) if front is not None else None
    if node is None:
        return None
    if not isinstance(node, YScalar):
        return None, node  # a list or a mapping: no template's name
    try:
        return (yaml.safe_load(node.value) if node.is_plain else node.value), node
    except yaml.YAMLError:
        return node.value, node


def _missing(display: str, name: object, node: YNode, known: list[str]) -> Diagnostic:
    at = Pos(display, (node.pos.line or 1) + 1, node.pos.col)  # (front matter: line 2 on)
    if not isinstance(name, str) or not name.strip():
        return error(at, "page-template-missing",
                     "`template:` names no template: it must be the file name of one of "
                     "the theme's templates, such as main.html",
                     "write the template's file name, or remove `template:` (a page is "
                     "written with main.html)")
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
    return error(at, "page-template-missing",
                 f"the theme has no template {name!r}: MkDocs would stop as it writes "
                 "this page",
                 f"name one of the theme's templates ({', '.join(close or known[:5])}), "
                 "or remove `template:` (a page is written with main.html), or add the "
                 "template to the folder mkdocs.yml's `theme.custom_dir` names")
