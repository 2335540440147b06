"""mkdocs.yml's values as MkDocs' loader builds them, for `briefing check`, which reads the
file without MkDocs, and for the positions both report settings at.

MkDocs reads mkdocs.yml with PyYAML: YAML 1.1 types (`5` is a number, `yes` is true,
`2025-01-02` a date), merge keys (`<<: *defaults`), anchors and aliases, and tags of its
own (`!ENV`, `!relative`). Values are built here from the composed nodes the same way, so
a setting means the same to `briefing check` as to `mkdocs build`. They are built within
the bounds the content files are held to (`yamlnodes.py`), where a composed node stands
for every alias to it: nesting no deeper than `MAX_DEPTH`, no alias inside the value it
names (which would hold itself), and at most `MAX_VALUES` values however the aliases
multiply, where a few lines of aliases can stand for a billion.
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeGuard

import yaml

from .diagnostics import Diagnostic, Pos, error
from .text import decode_source
from .yamlnodes import MAX_DEPTH, syntax_error

MAX_VALUES = 100_000  # in one option, aliases expanded; an option needs a few hundred
MAP, SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_ANCHOR = re.compile(r"&([^\s,\[\]{}]+)")
_Pair = tuple[yaml.Node, yaml.Node]


@dataclass(frozen=True)
class Tagged:
    """What MkDocs builds from a tag of its own or of Python (`!relative`,
    `!!python/name:…`): an object, not text, a number or a mapping, which no option of the
    plugin takes."""

    tag: str

    def __str__(self) -> str:
        return f"a `{self.tag.replace('tag:yaml.org,2002:', '!!')}` value"


def describe(value: object) -> str:
    """A value read from mkdocs.yml, for a message: what YAML made of it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, datetime.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, str):
        return repr(value) if len(value) <= 60 else f"{value[:57]!r}…"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None or isinstance(value, Tagged):
        return "an empty value" if value is None else str(value)
    # Not str(): MkDocs' `!relative` object raises when made a string out of a page.
    return f"a {type(value).__name__} object"


class Unreadable(Exception):
    """A value that cannot be built within the bounds, as its diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def _fault(exc: yaml.YAMLError) -> str:
    if isinstance(exc, yaml.reader.ReaderError):
        return (f"a character YAML cannot hold (U+{exc.character:04X}, a control character): "
                "delete it") if isinstance(exc.character, int) else f"{exc.reason}"
    return f"YAML syntax error: {getattr(exc, 'problem', None) or exc}"


def _fault_pos(shown: str, exc: yaml.YAMLError, text: str) -> Pos:
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark:
        return Pos(shown, exc.problem_mark.line + 1, exc.problem_mark.column + 1)
    if isinstance(exc, yaml.reader.ReaderError):  # a character YAML cannot hold
        at = exc.position
        return Pos(shown, text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at))
    return Pos(shown)


def compose(config_file: Path) -> tuple[yaml.Node | None, tuple[Diagnostic, ...]]:
    """mkdocs.yml as YAML nodes, with the file its `INHERIT:` names merged under it as
    MkDocs merges them (`_inherit`); None when it holds nothing or cannot be read. And its
    problems: why it cannot be read, or why the file it builds on cannot."""
    return _compose(config_file, ())


def _compose(config_file: Path, inheriting: tuple[Path, ...]
             ) -> tuple[yaml.Node | None, tuple[Diagnostic, ...]]:
    root, problems = _compose_file(config_file)
    if not isinstance(root, yaml.MappingNode):
        return root, problems
    values = Values(config_file.as_posix())
    try:  # (PyYAML drops a merge key it cannot merge: only this first read fails on it)
        return _inherit(root, values.pairs(root), config_file, inheriting, values)
    except Unreadable as exc:
        return root, (exc.diagnostic,)


def _compose_file(config_file: Path) -> tuple[yaml.Node | None, tuple[Diagnostic, ...]]:
    shown = config_file.as_posix()
    text = ""
    try:
        data = config_file.read_bytes()
        if data.startswith(b"\xef\xbb\xbf"):  # (MkDocs reads past a BOM)
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:  # said at its line and column, as for the content
            return None, decode_source(data, shown)[1]
        loader = yaml.SafeLoader(text)
        loader.name = shown  # each node's marks name its file (`Values.pos`)
        try:
            return loader.get_single_node(), ()
        finally:
            loader.dispose()
    except OSError as exc:
        return None, (error(Pos(shown), "config-inherit", f"cannot read {shown}: "
                            f"{exc.strerror or exc}", "check that the file exists and "
                            "can be read"),)
    except yaml.MarkedYAMLError as exc:  # a syntax error
        return None, (syntax_error(text, shown, exc),)
    except yaml.YAMLError as exc:  # a character YAML refuses
        return None, (error(_fault_pos(shown, exc, text), "yaml-syntax", _fault(exc),
                            f"fix {shown}; `mkdocs build` reports the same problem"),)
    except RecursionError:  # PyYAML composes nested values by recursion
        return None, (error(Pos(shown), "yaml-too-deep",
                            f"{shown} nests its values too deeply for YAML to read",
                            "flatten the structure; `mkdocs build` cannot read it either"),)


def _inherit(root: yaml.MappingNode, pairs: list[_Pair], config_file: Path,
             inheriting: tuple[Path, ...], values: Values
             ) -> tuple[yaml.Node, tuple[Diagnostic, ...]]:
    """`INHERIT: base.yml`: the settings of base.yml (a path from this file's folder), with
    this file's merged over them, mappings key by key at every level and any other value
    replaced whole (MkDocs' `yaml_load`, which merges with `mergedeep`)."""
    named = [(key, node) for key, node in pairs if _is_inherit(key)]
    if not named:
        return root, ()
    own = yaml.MappingNode(MAP, [pair for pair in pairs if not _is_inherit(pair[0])],
                           root.start_mark, root.end_mark)
    key, node = named[-1]
    at = values.pos(key)
    name = values.value(node, "`INHERIT`", at)
    if not isinstance(name, str) or not name.strip():
        return own, (error(at, "config-inherit", "`INHERIT` must name the settings file "
                           f"this one builds on, not {describe(name)}",
                           "write the file's path from this file's folder: "
                           "`INHERIT: base.yml`"),)
    parent = Path(os.path.normpath(config_file.parent / name))
    chain = (*inheriting, config_file.resolve())
    problem = "names itself, through the files it builds on" if parent.resolve() in chain \
        else "names a file that does not exist" if not parent.is_file() else ""
    if problem:
        looked = "" if parent.as_posix() == name else f" ({parent.as_posix()})"
        return own, (error(at, "config-inherit", f"`INHERIT: {name}` {problem}{looked}",
                           "point `INHERIT` at the settings file this one builds on, by "
                           "its path from this file's folder"),)
    base, problems = _compose(parent, chain)
    if not isinstance(base, yaml.MappingNode):
        return own, problems or (error(Pos(parent.as_posix()), "config-inherit",
                                       f"{parent.as_posix()}, which `INHERIT` names at "
                                       f"{at}, holds no settings",
                                       "write its settings as `name: value` lines"),)
    return values.merged(base, own), problems


def _is_mapping(node: yaml.Node | None) -> TypeGuard[yaml.MappingNode]:
    return isinstance(node, yaml.MappingNode) and node.tag == MAP


def _is_inherit(key: yaml.Node) -> bool:
    return isinstance(key, yaml.ScalarNode) and key.value == "INHERIT"


class Values:
    """Values built from the nodes of one file, as MkDocs' loader builds them; each call
    of `value` may build at most `MAX_VALUES` of them."""

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.loader = yaml.SafeLoader("")  # YAML 1.1's resolver and scalar constructors
        self.count = 0
        self.open: set[int] = set()  # the collections being built, by id
        self.label, self.at = "mkdocs.yml", Pos(shown)

    @staticmethod
    def pos(node: yaml.Node) -> Pos:
        """Where `node` starts, in the file it was read from (`_compose_file`)."""
        mark = node.start_mark
        return Pos(mark.name, mark.line + 1, mark.column + 1)

    def value(self, node: yaml.Node, label: str, at: Pos) -> object:
        """The value of `node`, written at `at` (its key) and named `label` in a message."""
        self.count, self.open, self.label, self.at = 0, set(), label, at
        return self._value(node, at, 1)

    def pairs(self, node: yaml.MappingNode) -> list[_Pair]:
        """A mapping's keys and values, its merge keys (`<<: *defaults`) replaced by the
        pairs they merge. PyYAML merges them (in place, once), as it does for MkDocs:
        which of two merged mappings wins has changed between its releases."""
        try:
            self.loader.flatten_mapping(node)
        except yaml.constructor.ConstructorError as exc:
            raise Unreadable(error(
                self.pos(node) if exc.problem_mark is None else Pos(
                    exc.problem_mark.name, exc.problem_mark.line + 1,
                    exc.problem_mark.column + 1),
                "yaml-syntax", f"YAML cannot merge this: {exc.problem}",
                "point the merge key `<<` at a mapping (`<<: *defaults`) or a list of "
                "mappings")) from exc
        except RecursionError as exc:  # merges of merges, hundreds deep
            raise Unreadable(error(self.pos(node), "yaml-too-deep",
                                   f"{self.label} merges mappings too deeply",
                                   "merge fewer levels")) from exc
        self._spend(len(node.value))
        return list(node.value)

    def merged(self, base: yaml.MappingNode, own: yaml.MappingNode, depth: int = 1
               ) -> yaml.MappingNode:
        """`own` merged over `base` as `mergedeep` merges two dicts: a key of both whose
        values are both mappings gets the two merged, any other key `own`'s value, in
        `base`'s order, then `own`'s new keys."""
        if depth > MAX_DEPTH:
            raise Unreadable(error(self.pos(own), "yaml-too-deep",
                                   f"mappings merged through `INHERIT` nest deeper than "
                                   f"{MAX_DEPTH} levels", "flatten the structure"))
        pairs: dict[object, _Pair] = {}
        for key, node in self.pairs(base):
            pairs[self.key(key)] = (key, node)
        for key, node in self.pairs(own):
            name = self.key(key)
            under = pairs[name][1] if name in pairs else None
            if _is_mapping(under) and _is_mapping(node):
                node = self.merged(under, node, depth + 1)
            pairs[name] = (key, node)
        return yaml.MappingNode(MAP, list(pairs.values()), own.start_mark, own.end_mark)

    def _value(self, node: yaml.Node, at: Pos, depth: int) -> object:
        if depth > MAX_DEPTH:
            raise Unreadable(error(self.pos(node), "yaml-too-deep",
                                   f"{self.label} nests deeper than {MAX_DEPTH} levels",
                                   "flatten the structure"))
        self._spend(1)
        if id(node) in self.open:
            raise Unreadable(self._loop(node, at))
        if node.tag == "!ENV":
            return self._env(node, at, depth)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if node.tag != (MAP if isinstance(node, yaml.MappingNode) else SEQ):
            return Tagged(node.tag)  # `!!set`, `!!omap`, `!relative [..]`
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self._value(item, at, depth + 1) for item in node.value]
            assert isinstance(node, yaml.MappingNode)
            return {self.key(key): self._value(value, self.pos(key), depth + 1)
                    for key, value in self.pairs(node)}
        finally:
            self.open.discard(id(node))

    def _spend(self, values: int) -> None:
        self.count += values
        if self.count > MAX_VALUES:  # reported where the option (or mkdocs.yml) starts
            raise Unreadable(error(
                self.at, "config-option-too-large",
                f"{self.label} holds more than {MAX_VALUES:,} values once its aliases "
                "(`*name`) are expanded", "write the value out without aliases; an option "
                "needs a few hundred values at most"))

    def _loop(self, node: yaml.Node, at: Pos) -> Diagnostic:
        """An alias met inside the value it names: at the key it is the value of (PyYAML's
        node is the value's, so the alias's own place is not known)."""
        mark = node.start_mark  # (its buffer: the whole text of the file)
        anchor = _ANCHOR.match(mark.buffer or "", mark.pointer)
        name = f"`*{anchor.group(1)}`" if anchor else "an alias"
        where = self.pos(node)
        return error(at, "config-alias-loop",
                     f"{name} in {self.label} stands for a value it is inside (anchored at "
                     f"line {where.line}, column {where.col}): the value would hold itself, "
                     "without end", "write the value out in full here, or point the alias "
                     "at a value outside it")

    def key(self, node: yaml.Node) -> object:
        """A mapping key's value, as PyYAML reads it (`no` is False)."""
        if not isinstance(node, yaml.ScalarNode):  # PyYAML cannot use it as a key
            raise Unreadable(error(self.pos(node), "yaml-complex-key",
                                   "a key must be plain text", "use a simple `name:` key"))
        return self._scalar(node)

    def _scalar(self, node: yaml.ScalarNode) -> object:
        if node.tag not in self.loader.yaml_constructors or node.tag is None:
            return Tagged(str(node.tag))  # `!relative`, `!!python/name:…`
        try:
            return self.loader.construct_object(node)
        except (yaml.YAMLError, ValueError, KeyError, TypeError) as exc:  # `!!int abc`
            raise Unreadable(error(
                self.pos(node), "yaml-syntax", f"{node.value!r} cannot be read as "
                f"`{node.tag.replace('tag:yaml.org,2002:', '!!')}`: {exc}",
                "remove the tag, or write a value of its type")) from exc

    def _env(self, node: yaml.Node, at: Pos, depth: int) -> object:
        """`!ENV NAME` or `!ENV [NAME, …, default]`: the first variable set, typed as YAML
        types a plain value, else the default (pyyaml_env_tag, which MkDocs uses)."""
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        default = self._value(items[-1], at, depth + 1) if len(items) > 1 else None
        names: Iterable[yaml.Node] = items[:-1] if len(items) > 1 else items
        for name in names:
            if not isinstance(name, yaml.ScalarNode):
                raise Unreadable(error(self.pos(name), "yaml-syntax", "`!ENV` takes the "
                                       "name of a variable, or a list of names and a default",
                                       "write `!ENV [NAME, default]`"))
            if name.value in os.environ:
                text = os.environ[name.value]
                tag = self.loader.resolve(  # type: ignore[no-untyped-call]
                    yaml.ScalarNode, text, (True, False))
                return self._scalar(yaml.ScalarNode(tag, text))
        return default

