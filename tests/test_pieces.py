"""Generated Markdown cut into pieces, and the pieces kept (`briefing/pieces.py`); that the
pieces convert to what the whole page converts to is tested in test_convert.py."""

from __future__ import annotations

from briefing.pieces import Converted, Piece, PieceMemo, grouped, pieces

TABLE = "| A | B |\n|---|:-:|\n" + "".join(f"| [{n}](other.md#part) | `{n}` |\n"
                                        for n in range(200))


def test_a_long_table_is_cut_into_its_header_and_groups_of_rows() -> None:
    cut = pieces(f"# T\n\nIntro.\n\n{TABLE}\nAfter.\n\n## Next\n\ntext")
    assert cut[:2] == [Piece("# T\n\nIntro."), Piece("| A | B |\n|---|:-:|", 1, "head")]
    rows = [piece for piece in cut if piece.kind == "rows"]
    assert len(rows) > 1 and {piece.group for piece in rows} == {1}
    # Rows convert under a stand-in header: an edited header leaves them as they were.
    assert all(piece.markdown.startswith("|.|.|\n|---|:-:|\n| [") for piece in rows)
    assert sum(piece.markdown.count("\n| [") for piece in rows) == 200
    assert [piece.kind for piece in cut[-1:]] == ["text"]
    assert cut[-1].markdown.endswith("After.\n\n## Next\n\ntext")


def test_an_edit_moves_no_group_boundary_but_its_own() -> None:
    parts = [f"- item {n} " + "word " * (n % 40) for n in range(600)]
    before = list(grouped(parts))
    assert 500 < sum(map(len, parts)) / len(before) < 4_000  # about GROUP_CHARS a group
    parts[300] = "- an edited item that is longer than it was"
    after = list(grouped(parts))
    assert "\n".join(after) == "\n".join(parts)
    assert len(set(after) - set(before)) <= 2


def test_a_long_list_after_a_heading_is_cut_into_groups_of_items() -> None:
    items = "".join(f"- item {n} with [a link](other.md)\n  continued\n" for n in range(200))
    cut = pieces(f"# T\n\n## List\n\n{items}\nAfter.")
    groups = [piece for piece in cut if piece.kind == "items"]
    assert len(groups) > 1 and {piece.group for piece in groups} == {1}
    assert "\n".join(piece.markdown for piece in groups) == items.rstrip("\n")
    assert all(piece.markdown.startswith("- item") for piece in groups)
    # A list that could join its neighbour stays whole.
    assert not any(piece.kind == "items"
                   for piece in pieces(f"# T\n\n- first\n\n{items}"))


def kept(links: frozenset[str]) -> Converted:
    return Converted(html="<p>x</p>", headings=(), title=None, anchors=frozenset(),
                             links_to_anchors=(), looked_up=links)


def test_kept_pieces_are_forgotten_when_a_file_they_looked_for_comes_or_goes() -> None:
    conversions = PieceMemo()
    conversions.valid("settings", frozenset({"a.md", "b.md", "c.md"}))
    conversions.pages = {"a.md": {"to b": kept(frozenset({"b.md"})),
                                  "to d": kept(frozenset({"d.md"})),  # (a link not checked)
                                  "plain": kept(frozenset())},
                         "c.md": {"plain": kept(frozenset())}}
    conversions.valid("settings", frozenset({"a.md", "b.md", "c.md", "problems.md"}))
    assert {page: set(pieces) for page, pieces in conversions.pages.items()} == {
        "a.md": {"to b", "to d", "plain"}, "c.md": {"plain"}}  # no kept link changes
    conversions.valid("settings", frozenset({"a.md", "c.md", "d.md", "problems.md"}))
    assert {page: set(pieces) for page, pieces in conversions.pages.items()} == {
        "a.md": {"plain"}, "c.md": {"plain"}}
    conversions.valid("settings", frozenset({"a.md", "d.md", "problems.md"}))
    assert set(conversions.pages) == {"a.md"}  # a page gone takes its pieces
    conversions.valid("other settings", frozenset({"a.md", "d.md", "problems.md"}))
    assert conversions.pages == {}
