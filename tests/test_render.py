from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefing.pipeline import build


def test_overlapping_quotes_each_get_an_anchor(make_content: Callable[..., Path]) -> None:
    article = "The widget costs five million dollars, say its makers.\n"
    yml = ('title: "T"\nquotes:\n'
           '  - id: outer\n    text: "widget costs five million dollars"\n'
           '  - id: inner\n    text: "five million"\n'
           '  - id: same-start\n    text: "widget costs"\n')
    result = build(make_content({"sources/s.txt": article, "sources/s.yml": yml}))
    assert not [d for d in result.diagnostics if d.severity.name == "ERROR"]
    page = result.pages["sources/s.md"]
    for quote_id in ("outer", "inner", "same-start"):
        assert page.count(f'id="q-{quote_id}"') == 1, quote_id
    text = page.split("## Text", 1)[1].split("\n\n")[1]
    assert text.startswith("The ") and text.endswith(", say its makers.")


def test_every_generated_link_is_relative_markdown(make_content: Callable[..., Path]) -> None:
    result = build(make_content())
    for path, markdown in result.pages.items():
        assert "](/" not in markdown and "](http" not in markdown, path
