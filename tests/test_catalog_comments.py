"""The translators' comments of the sources reach the catalog (`briefing/catalogs.py`).

Babel's Jinja extractor gives a `{# Translators: … #}` comment to the first message after
it only, and its Python extractor to the message on the next line only: a message written
beside a commented one on its line got no comment in `briefing.pot`, or took the comment
written for another. On each line of the templates, the theme and the core, the messages
that stand alone (not a part of another message, such as a count inside a sentence, which
the sentence's comment explains) are all commented or none is."""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import jinja2
from jinja2 import nodes

from briefing.catalogs import ROOT, extracted, occurrences

TEMPLATE_MARKS = frozenset({"_", "ngettext", "plural_forms", "t"})
PYTHON_MARKS = frozenset({"gettext", "ngettext", "npgettext"})
Place = tuple[str, int, str]  # file, line, message (a plural's singular)


def _singular(message: str | tuple[str, ...]) -> str:
    return message if isinstance(message, str) else message[0]


def _template_parts(source: str) -> Iterator[tuple[int, str]]:
    """The line and message of each marked call that is the argument of another."""
    def walk(node: nodes.Node, inside: bool) -> Iterator[tuple[int, str]]:
        for child in node.iter_child_nodes():
            marked = isinstance(child, nodes.Call) and isinstance(child.node, nodes.Name) \
                and child.node.name in TEMPLATE_MARKS and child.args \
                and isinstance(child.args[0], nodes.Const)
            if marked and inside:
                yield child.lineno, child.args[0].value  # type: ignore[union-attr]
            yield from walk(child, inside or marked)
    yield from walk(jinja2.Environment().parse(source), False)


def _python_parts(source: str) -> Iterator[tuple[int, str]]:
    def marked(node: ast.AST) -> str | None:
        if not isinstance(node, ast.Call):
            return None
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
        texts = [a.value for a in node.args if isinstance(a, ast.Constant)
                 and isinstance(a.value, str)]
        return texts[1 if name == "npgettext" else 0] if name in PYTHON_MARKS and texts \
            else None

    for outer in ast.walk(ast.parse(source)):
        if marked(outer) is not None:
            for inner in ast.walk(outer):
                message = marked(inner)
                if inner is not outer and message is not None:
                    yield inner.lineno, message  # type: ignore[attr-defined]


def parts(root: Path = ROOT) -> set[Place]:
    """Where a marked message is a part of another."""
    found: set[Place] = set()
    for pattern, reader in (("briefing/templates/*.j2", _template_parts),
                            ("theme/*.html", _template_parts),
                            ("briefing/**/*.py", _python_parts)):
        for path in sorted(root.glob(pattern)):
            rel = path.relative_to(root).as_posix()
            found.update((rel, line, message)
                         for line, message in reader(path.read_text(encoding="utf-8")))
    return found


def test_every_message_alone_on_its_line_or_commented_like_its_neighbours() -> None:
    inner = parts()
    lines: dict[tuple[str, int], list[tuple[str, bool]]] = defaultdict(list)
    for rel, line, message, comments, _context in occurrences():
        if (rel, line, _singular(message)) not in inner:
            lines[(rel, line)].append((_singular(message), bool(comments)))
    mixed = {f"{rel}:{line}": [m for m, commented in found if not commented]
             for (rel, line), found in sorted(lines.items())
             if len({commented for _, commented in found}) > 1}
    assert mixed == {}, ("messages without the comment of a message on their line: "
                         "put each on a line of its own, after its comment")


def test_the_check_finds_a_second_message_on_a_commented_line(tmp_path: Path) -> None:
    (tmp_path / "theme").mkdir()
    (tmp_path / "briefing" / "templates").mkdir(parents=True)
    (tmp_path / "briefing" / "templates" / "x.md.j2").write_text(
        '{# Translators: a heading. #}\n{{ _("Evidence") }} {{ _("Sources") }}\n'
        '{# Translators: a count in a sentence. #}\n'
        '{{ _("%(n)s in all", n=ngettext("%(num)d claim", "%(num)d claims", 2)) }}\n',
        encoding="utf-8")
    found = [(line, message, bool(comments))
             for _rel, line, message, comments, _context in occurrences(tmp_path)]
    assert (2, "Evidence", True) in found and (2, "Sources", False) in found
    assert ("briefing/templates/x.md.j2", 4, "%(num)d claim") in parts(tmp_path)


def test_the_catalog_gives_each_comment_to_its_message() -> None:
    """Spot checks of messages that had lost their comment to a neighbour, or taken one
    ("Figures" took the comment of the count of disagreements beside it)."""
    comments = {m.id if isinstance(m.id, str) else m.id[0]: " ".join(m.auto_comments)
                for m in extracted() if m.id}
    for message, comment in (
            ("It", '"It" is the source'),
            ("Organisation", "what sort of thing an entity is"),
            ("Publications", "the heading over the entities of one kind"),
            ("%(num)d more disagreement on %(name)s", "%(name)s is a metric's name"),
            ("named below", "a link to the claims that contradict this one"),
            ("(pages %(first)s to %(last)s)", "the pages of the table"),
            ("%(passage)s in %(source)s %(label)s", "a quoted passage")):
        assert comment in comments[message], message
    assert "metric's name" not in comments["Figures"]
