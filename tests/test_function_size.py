"""No function in `briefing/` is longer than 60 lines, its docstring and comments included:
a longer one is split where its steps are (docs/architecture.md, "Short functions")."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "briefing"
MOST_LINES = 60


def long_functions(source: str) -> list[tuple[str, int, int]]:
    """Each function of `source` over `MOST_LINES`: its name, first line and length."""
    return [(node.name, node.lineno, length) for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and (length := (node.end_lineno or node.lineno) - node.lineno + 1) > MOST_LINES]


@pytest.mark.parametrize("module", sorted(PACKAGE.rglob("*.py")),
                         ids=lambda path: str(path.relative_to(PACKAGE)))
def test_no_function_is_over_60_lines(module: Path) -> None:
    found = long_functions(module.read_text(encoding="utf-8"))
    assert not found, "\n".join(f"{module.relative_to(PACKAGE.parent)}:{line}: {name} is "
                                f"{length} lines; split it" for name, line, length in found)


def test_a_long_function_is_found() -> None:
    body = "".join(f"    x{n} = {n}\n" for n in range(MOST_LINES))
    assert long_functions(f"def long():\n{body}") == [("long", 1, MOST_LINES + 1)]
    assert long_functions(f"def short():\n{body[:-len(body.splitlines()[-1]) - 1]}") == []
