"""What the documentation names must exist: every link to a heading lands on one, every
diagnostic code it names is registered, and the whole-file examples of the content model
pass the schema as written, since a curator copies them.

docs/diagnostics.md and docs/schema-reference.md are generated and held by their own tests;
docs/authoring.md's steps are run by tests/test_authoring.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from corpus_helpers import REPO, minimal_corpus, write_tree
from markdown.extensions.toc import slugify

from briefing.codes import CODES
from briefing.pipeline import build

DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*$", re.M)
LINK = re.compile(r"\]\(([^)\s#]*)#([^)\s]+)\)")
# Codes a schema-valid file cannot raise, whatever ids it names.
SCHEMA_LEVEL = ("schema-", "yaml-", "text-", "file-id", "id-", "ref-syntax", "date-basis")
# Words in code spans shaped like codes that are not codes.
NOT_CODES = {"yaml-language-server"}


def prose(path: Path) -> str:
    """The page without its fenced blocks, whose lines are not headings or links."""
    return FENCE.sub("", path.read_text(encoding="utf-8"))


def anchors(path: Path) -> set[str]:
    """The ids MkDocs' toc gives the page's headings: an explicit `{#id}`, else the slug,
    `_1`, `_2`… on repeats (GitHub's slugs agree for these pages' headings)."""
    found: set[str] = set()
    seen: dict[str, int] = {}
    for heading in HEADING.findall(prose(path)):
        explicit = re.search(r"\{[^}]*#([\w-]+)[^}]*\}$", heading)
        if explicit:
            found.add(explicit.group(1))
            continue
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading.replace("`", ""))
        slug = slugify(text, "-")
        repeat = seen.get(slug, 0)
        seen[slug] = repeat + 1
        found.add(f"{slug}_{repeat}" if repeat else slug)
    return found


def test_every_link_to_a_heading_lands_on_one() -> None:
    broken = []
    for doc in DOCS:
        for target, anchor in LINK.findall(prose(doc)):
            page = (doc.parent / target).resolve() if target else doc
            if not page.is_file():
                broken.append(f"{doc.name}: {target} does not exist")
            elif anchor not in anchors(page):
                broken.append(f"{doc.name}: #{anchor} is no heading of {page.name}")
    assert not broken, "\n".join(broken)


def test_every_code_the_docs_name_is_registered() -> None:
    families = {name.split("-")[0] for name in CODES}
    unknown = []
    for doc in DOCS:
        for word in set(re.findall(r"`([a-z]+(?:-[a-z0-9]+)+)`", doc.read_text("utf-8"))):
            if word.split("-")[0] in families and word not in set(CODES) | NOT_CODES \
                    and not word.rsplit("-", 1)[1].isdigit():  # an id: `source-00007`
                unknown.append(f"{doc.name}: `{word}`")
    assert not unknown, "named but not in briefing/codes.py:\n" + "\n".join(sorted(unknown))


def examples(doc: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", (REPO / "docs" / doc).read_text("utf-8"), re.S)


def placed(block: str) -> str | None:
    """Where a whole-file example goes in a content tree, or None for a fragment."""
    if block.startswith("claims:"):
        return "claims/example.yml"
    if block.startswith("entities:"):
        return "entities/example.yml"
    if block.startswith("title:"):
        return "briefs/example.yml" if "\nsections:" in block else "sources/example.yml"
    return None


@pytest.mark.parametrize("doc", ["content-model.md"])
def test_the_whole_file_examples_pass_the_schema(doc: str, tmp_path: Path) -> None:
    files = {path: block for block in examples(doc) if (path := placed(block))}
    assert {"claims/example.yml", "entities/example.yml", "briefs/example.yml",
            "sources/example.yml"} <= set(files), f"{doc} lost an example: {sorted(files)}"
    content = write_tree(tmp_path / "content", {
        **minimal_corpus(), **files, "sources/example.txt": "An article of a few words.\n"})
    found = [d.format() for d in build(content).diagnostics
             if "example." in d.pos.path and d.code.startswith(SCHEMA_LEVEL)]
    assert not found, "\n".join(found)
