"""The core keeps nothing between builds in its modules: what one build keeps for the next
lives in the `BuildCache` its caller passes in (`buildcache.py`, docs/architecture.md).

Read from the source with `ast`: a module-level (or class-level) name bound to a mutable
container, a function memoised with `functools.lru_cache` or `functools.cache`, or a
`global` statement is module state; so is a module-level value made by a function of the
module itself or by a class that keeps what it makes (a Jinja `Environment` caches its
compiled templates), as neither can be told immutable from its name. Constants are
tuples, frozensets, compiled patterns and `MappingProxyType` views. The MkDocs plugin
(`briefing/plugin/`) is an adapter, whose state lives on the plugin instance, and is not
checked here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[1] / "briefing"
MUTABLE_CALLS = frozenset({
    "dict", "list", "set", "bytearray", "defaultdict", "OrderedDict", "Counter", "deque",
    "ChainMap", "WeakKeyDictionary", "WeakValueDictionary", "WeakSet", "SimpleNamespace",
    "maketrans", "fromkeys"})  # str.maketrans and dict.fromkeys make dictionaries
MUTABLE_DISPLAYS = (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)
MEMOISERS = frozenset({"lru_cache", "cache"})
KEEPERS = frozenset({"Environment"})  # classes whose instances cache what they make


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Call):
        return _name(node.func)
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else None


def _mutable(value: ast.expr | None, local: frozenset[str]) -> bool:
    return isinstance(value, MUTABLE_DISPLAYS) or (
        isinstance(value, ast.Call) and _name(value.func) in MUTABLE_CALLS | KEEPERS | local)


def _bindings(body: list[ast.stmt]) -> list[ast.stmt]:
    """The statements that run when the module (or a class body) runs, through `if` and
    `try` blocks."""
    found: list[ast.stmt] = []
    for node in body:
        found.append(node)
        if isinstance(node, ast.If):
            found.extend(_bindings([*node.body, *node.orelse]))
        elif isinstance(node, ast.Try):
            found.extend(_bindings([*node.body, *node.orelse, *node.finalbody,
                                    *(s for h in node.handlers for s in h.body)]))
    return found


def module_state(source: str) -> list[str]:
    """Where `source` holds state of its own, as `line: what`."""
    tree = ast.parse(source)
    found = []
    scopes = [tree.body, *(c.body for c in _bindings(tree.body) if isinstance(c, ast.ClassDef))]
    # The module's own functions: what they return at import is not known to be a
    # constant (in a class body they declare fields, as `spec_field` does).
    local = frozenset(n.name for n in _bindings(tree.body)
                      if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)))
    for body in scopes:
        for node in _bindings(body):
            value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
            if _mutable(value, local if body is tree.body else frozenset()):
                found.append(f"{node.lineno}: {ast.unparse(node).splitlines()[0][:70]}")
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found.extend(f"{node.lineno}: {node.name} memoised by {_name(d)}"
                         for d in node.decorator_list if _name(d) in MEMOISERS)
        elif isinstance(node, ast.Global):
            found.append(f"{node.lineno}: global {', '.join(node.names)}")
    return found


def core_modules() -> list[Path]:
    return sorted(p for p in CORE.rglob("*.py") if "plugin" not in p.relative_to(CORE).parts)


@pytest.mark.parametrize("path", core_modules(), ids=lambda p: p.relative_to(CORE).as_posix())
def test_a_core_module_holds_no_state(path: Path) -> None:
    found = module_state(path.read_text(encoding="utf-8"))
    assert not found, (
        f"{path.relative_to(CORE.parent)} keeps state in the module: keep it in a stage's "
        "store in BuildCache, or make a constant immutable (tuple, frozenset, "
        "MappingProxyType):\n" + "\n".join(found))


STATEFUL = {
    "a dict": "_kept = {}\n",
    "an annotated dict": "_kept: dict[str, int] = {}\n",
    "a list": "_last = []\n",
    "a set": "SEEN = {1, 2}\n",
    "a comprehension": "X = {c: ord(c) for c in 'ab'}\n",
    "a defaultdict": "from collections import defaultdict\n_by = defaultdict(list)\n",
    "a translation table": "T = str.maketrans('ab', 'cd')\n",
    "a dict made in an if": "import sys\nif sys:\n    _x = dict()\n",
    "a class attribute": "class C:\n    seen: list[int] = []\n",
    "lru_cache": "import functools\n@functools.lru_cache(maxsize=8)\ndef f(x): return x\n",
    "cache": "from functools import cache\n@cache\ndef f(x): return x\n",
    "a method memoised": "import functools\nclass C:\n    @functools.cache\n"
                         "    def f(self): return 1\n",
    "global": "_n = 0\ndef f():\n    global _n\n    _n += 1\n",
    "a value made by the module": "def _make():\n    return object()\n_MADE = _make()\n",
    "a template environment": "import jinja2\nENV = jinja2.Environment()\n",
}

CONSTANT = {
    "a tuple": "X = (1, 2)\n",
    "a frozenset": "X = frozenset({'a'})\n",
    "a pattern": "import re\nX = re.compile('a')\n",
    "a read-only mapping": "from types import MappingProxyType\nX = MappingProxyType({'a': 1})\n",
    "a dict inside a function": "def f():\n    x = {}\n    return x\n",
    "a function called inside a function": "def g():\n    return 1\ndef f():\n"
                                           "    return g()\n",
    "a dataclass field": "from dataclasses import dataclass, field\n@dataclass\nclass C:\n"
                         "    x: dict[str, int] = field(default_factory=dict)\n",
}


@pytest.mark.parametrize("kind", sorted(STATEFUL))
def test_the_check_finds_state(kind: str) -> None:
    assert module_state(STATEFUL[kind])


@pytest.mark.parametrize("kind", sorted(CONSTANT))
def test_the_check_lets_constants_pass(kind: str) -> None:
    assert module_state(CONSTANT[kind]) == []
