"""Load stage: find the content files, read them strictly, parse YAML into positioned nodes.

Nothing here writes; the content folder is only ever read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostic, Pos, error, warning
from .text import decode_source
from .yamlnodes import YNode, parse_yaml

MAX_TEXT_BYTES = 5_000_000
# Top-level names the content model defines; everything else is reported or ignored.
KNOWN_DIRS = ("sources", "claims", "entities", "briefs", "pages")
KNOWN_FILES = ("claims.yml", "entities.yml")


@dataclass(frozen=True)
class YamlDoc:
    rel: str  # posix path relative to the content folder
    display: str  # how diagnostics name the file
    text: str
    root: YNode


@dataclass(frozen=True)
class SourceText:
    id: str
    display: str
    text: str


@dataclass(frozen=True)
class Loaded:
    yaml_docs: tuple[YamlDoc, ...]
    texts: tuple[SourceText, ...]
    diagnostics: tuple[Diagnostic, ...]


def display_root(content_dir: Path) -> str:
    """How diagnostics name the content folder: relative to where the user runs us."""
    try:
        rel = os.path.relpath(content_dir, Path.cwd())
    except ValueError:  # pragma: no cover - another drive on Windows
        return content_dir.as_posix()
    return content_dir.as_posix() if rel.startswith("..") else Path(rel).as_posix()


def discover(content_dir: Path) -> tuple[list[Path], list[Diagnostic]]:
    """The files the content model reads, in a stable order, plus notes on strays."""
    root = content_dir.resolve()
    shown = display_root(content_dir)
    problems: list[Diagnostic] = []
    wanted: list[Path] = []
    for path in sorted(content_dir.rglob("*")):
        rel = path.relative_to(content_dir).as_posix()
        parts = rel.split("/")
        if any(p.startswith(".") for p in parts) or parts[0] == "pages":
            continue
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            problems.append(error(Pos(f"{shown}/{rel}"), "content-symlink-outside",
                                  "this link points outside the content folder",
                                  "copy the file into content/ instead of linking to it"))
            continue
        if path.is_dir():
            if len(parts) == 1 and rel not in KNOWN_DIRS:
                problems.append(warning(Pos(f"{shown}/{rel}"), "content-unknown-folder",
                                        "this folder is not part of the content model; ignored",
                                        f"known folders: {', '.join(KNOWN_DIRS)}"))
            continue
        if _is_content_file(parts):
            wanted.append(path)
        elif path.suffix in (".yml", ".yaml", ".txt") and (
            parts[0] in KNOWN_DIRS or len(parts) == 1
        ):
            hint = "rename it to .yml" if path.suffix == ".yaml" else (
                "sources go in sources/ as <id>.txt and <id>.yml; claims and entities in "
                "claims.yml / entities.yml or under claims/ and entities/; briefs as "
                "briefs/<id>.yml")
            problems.append(warning(Pos(f"{shown}/{rel}"), "content-unknown-file",
                                    "this file is not read", hint))
    return wanted, problems


def _is_content_file(parts: list[str]) -> bool:
    if len(parts) == 1:
        return parts[0] in KNOWN_FILES
    top, name = parts[0], parts[-1]
    if top == "sources":
        return len(parts) == 2 and name.endswith((".txt", ".yml"))
    if top == "briefs":
        return len(parts) == 2 and name.endswith(".yml")
    return top in ("claims", "entities") and name.endswith(".yml")


def load(content_dir: Path) -> Loaded:
    problems: list[Diagnostic] = []
    if not content_dir.is_dir():
        problems.append(error(Pos(display_root(content_dir)), "content-missing",
                              "the content folder does not exist",
                              "create it, or point the plugin's `content_dir` option at it"))
        return Loaded((), (), tuple(problems))
    paths, notes = discover(content_dir)
    problems.extend(notes)
    shown = display_root(content_dir)
    docs: list[YamlDoc] = []
    texts: list[SourceText] = []
    for path in paths:
        rel = path.relative_to(content_dir).as_posix()
        display = f"{shown}/{rel}"
        data = path.read_bytes()
        if len(data) > MAX_TEXT_BYTES:
            problems.append(error(Pos(display), "content-too-large",
                                  f"the file is larger than {MAX_TEXT_BYTES:,} bytes",
                                  "split it; a single article or annotation is far smaller"))
            continue
        text, text_problems = decode_source(data, display)
        problems.extend(text_problems)
        if text is None:
            continue
        if path.suffix == ".txt":
            texts.append(SourceText(path.stem, display, text))
            continue
        node, yaml_problems = parse_yaml(text, display)
        problems.extend(yaml_problems)
        if node is not None:
            docs.append(YamlDoc(rel, display, text, node))
    return Loaded(tuple(docs), tuple(texts), tuple(problems))
