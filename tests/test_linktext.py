"""A link's text found near its opening bracket (`briefing/linktext.py`): the same answer
as Python-Markdown's own `getText` for every text and position, the same HTML for whole
pages. How much faster it converts: `python -m benchmarks.linktext`."""

from __future__ import annotations

import markdown
from hypothesis import given
from hypothesis import strategies as st
from markdown.inlinepatterns import LinkInlineProcessor

from briefing.linktext import LINK_PROCESSORS, NEAR, NearLinkText, near_text

EXTENSIONS = ["toc", "tables", "attr_list"]


def library_get_text() -> LinkInlineProcessor:
    processor = markdown.Markdown().inlinePatterns["link"]
    assert isinstance(processor, LinkInlineProcessor)
    return processor


@given(st.text(alphabet="[]()a\\!x ", max_size=200))
def test_the_answer_is_python_markdowns_own(text: str) -> None:
    library = library_get_text()
    for index in range(len(text) + 1):
        assert near_text(text, index, library.getText) == library.getText(text, index)


def test_a_text_closing_beyond_the_near_brackets_is_left_to_python_markdown() -> None:
    text = "[" + "[x]" * NEAR + "]"
    asked: list[int] = []

    def whole(data: str, index: int) -> tuple[str, int, bool]:
        asked.append(index)
        return library_get_text().getText(data, index)

    assert near_text(text, 1, whole) == library_get_text().getText(text, 1)
    assert asked == [1]
    assert near_text(text, 2, whole) == ("x", 4, True) and asked == [1]


def test_every_link_processor_is_given_it_and_no_other() -> None:
    md = markdown.Markdown(extensions=[NearLinkText()])
    stock = markdown.Markdown()
    # The names it looks for are Python-Markdown's: a renamed processor fails here.
    assert set(LINK_PROCESSORS) <= set(name for name in _names(stock))
    for name in _names(md):
        replaced = "getText" in vars(md.inlinePatterns[name])
        assert replaced == (name in LINK_PROCESSORS), name


def _names(md: markdown.Markdown) -> list[str]:
    return [name for name in (*LINK_PROCESSORS, "escape", "backtick", "autolink", "html")
            if name in md.inlinePatterns]


def test_a_processor_finding_the_text_its_own_way_is_left_as_it_is() -> None:
    class OwnText(LinkInlineProcessor):
        def getText(self, data: str, index: int) -> tuple[str, int, bool]:
            return super().getText(data, index)

    md = markdown.Markdown()
    md.inlinePatterns.register(OwnText(r"\[", md), "link", 160)
    NearLinkText().extendMarkdown(md)
    assert "getText" not in vars(md.inlinePatterns["link"])


PAGES = {
    "links in one paragraph": "\n".join(f"[box {n} [a] b](p{n}.md){{.node}}" for n in range(40)),
    "images and references": "![a](x.png) [b][r] [c] ![d][r] [e]\n\n[r]: y.md\n[c]: z.md\n",
    "brackets that never close": "[" * 300 + " a [b](c.md) " + "]" * 3,
    "nested and escaped": r"[a [b] \[c\] [d]](e.md) [f\]](g.md) `[code](x)` "
                          r"<a href='[x]'>[h](i.md)</a>",
    "a table": "| a | b |\n|---|---|\n| [x](y.md) | [[z]](w.md) |\n",
}


def test_pages_convert_to_the_same_html() -> None:
    stock = markdown.Markdown(extensions=EXTENSIONS)
    near = markdown.Markdown(extensions=[*EXTENSIONS, NearLinkText()])
    for name, text in PAGES.items():
        assert near.reset().convert(text) == stock.reset().convert(text), name

