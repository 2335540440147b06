"""The core's conversion of a page without MkDocs (`briefing/conversion.py`,
`briefing/pagelinks.py`): links and images rewritten to the URLs of the site's files
relative to the page, anchors, title and links to anchors gathered, and every link MkDocs
would check and could report left to MkDocs (the conversion answers None). That the
results equal MkDocs' own is tested in test_convert.py."""

from __future__ import annotations

import pytest

from briefing.conversion import Conversions, MarkdownSettings, PageHTML
from briefing.pagelinks import plain, relative_url, written_at

SETTINGS = MarkdownSettings(("toc", "tables", "attr_list"), {"toc": {"permalink": False}})
# The site: a page's path -> its URL (as MkDocs gives them with directory URLs).
SITE = {"sub/page.md": "sub/page/", "sub/other.md": "sub/other/", "index.md": "./",
        "img/a.png": "img/a.png", "sub/two words.md": "sub/two%20words/"}


def converted(markdown: str, looked_up: list[str] | None = None,
              settings: MarkdownSettings = SETTINGS) -> PageHTML | None:
    def lookup(path: str) -> str | None:
        if looked_up is not None:
            looked_up.append(path)
        return SITE.get(path)

    return Conversions().render("sub/page.md", "sub/page/", markdown, settings, lookup)


# (Markdown, the address written, links to anchors noted as (page, anchor, link))
LINK_FORMS = {
    "fragment only": ("[x](#part)", "#part", [("sub/page.md", "part", "#part")]),
    ".md with an anchor": ("[x](other.md#part)", "../other/#part",
                           [("sub/other.md", "part", "other.md#part")]),
    ".md": ("[x](other.md)", "../other/", []),
    "image": ("![x](../img/a.png)", "../../img/a.png", []),
    "../ to the home page": ("[x](../index.md)", "../../", []),
    "a query string": ("[x](other.md?q=1#p)", "../other/?q=1#p",
                       [("sub/other.md", "p", "other.md?q=1#p")]),
    "a query only": ("[x](?q=1)", "?q=1", []),
    "a percent-escape": ("[x](two%20words.md)", "../two%20words/", []),
    "an absolute URL": ("[x](https://example.org/a.md#b)", "https://example.org/a.md#b", []),
    "a protocol-relative URL": ("[x](//example.org/a.md)", "//example.org/a.md", []),
    "mailto:": ("[x](mailto:a@example.org)", "mailto:a@example.org", []),
}


@pytest.mark.parametrize(("markdown", "address", "links"), LINK_FORMS.values(),
                         ids=LINK_FORMS.keys())
def test_a_link_to_a_file_of_the_site_is_rewritten_relative_to_the_page(
        markdown: str, address: str, links: list[tuple[str, str, str]]) -> None:
    page = converted(f"Text {markdown}.\n")
    assert page is not None
    attribute = "src" if markdown.startswith("!") else "href"
    assert f'{attribute}="{address}"' in page.html
    assert list(page.links_to_anchors) == links


# Links MkDocs checks and may report: the page must convert through MkDocs.
LEFT_TO_MKDOCS = {
    "an unknown path": "[x](gone.md)",
    "an unknown path with an anchor": "[x](gone.md#a)",
    "an unknown image": "![x](gone.png)",
    "an absolute path": "[x](/sub/other.md)",
    "a backslash path": "[x](\\sub\\other.md)",
    "a path above the site": "[x](../../../index.md)",
    "an unrecognised relative link": "[x](other)",
    "a folder": "[x](./)",
    "a malformed address": "[x](http://[bad)",
}


@pytest.mark.parametrize("markdown", LEFT_TO_MKDOCS.values(), ids=LEFT_TO_MKDOCS.keys())
def test_a_link_mkdocs_could_report_leaves_the_page_to_mkdocs(markdown: str) -> None:
    assert converted(f"# T\n\n## A\n\nFine [y](other.md).\n\n## B\n\n{markdown}\n") is None


def test_the_paths_looked_up_are_the_site_paths_of_the_targets() -> None:
    looked_up: list[str] = []
    page = converted("[a](other.md) [b](./other.md#x) ![c](../img/a.png) [d](#here) "
                     "[e](https://example.org/) [f](two%20words.md)\n", looked_up)
    assert page is not None
    assert looked_up == ["sub/other.md", "sub/other.md", "img/a.png", "sub/two words.md"]


def test_anchors_title_and_table_of_contents() -> None:
    page = converted('# The *title* ![logo](../img/a.png) `x`\n\n'
                     'Text <a id="raw"></a> <a name="named"></a> <span id="s">s</span>.\n\n'
                     '## Part two {#two}\n\n[a link](#two){: name="attr" }\n')
    assert page is not None
    assert page.title == "The title logo x"
    assert page.anchors == {"the-title-x", "raw", "named", "s", "two", "attr"}
    assert [(token["id"], token["name"], [child["id"] for child in token["children"]])
            for token in page.toc] == [("the-title-x", "The title x", ["two"])]


def test_the_title_is_the_first_element_s_if_it_is_an_h1() -> None:
    first = converted("Intro.\n\n# Not the title\n")
    assert first is not None and first.title is None
    page = converted("# T <!-- a > b --> &amp; [link](other.md)\n")
    assert page is not None and page.title == "T &amp; link"


def test_a_permalink_added_by_toc_is_not_in_the_title() -> None:
    settings = MarkdownSettings(("toc",), {"toc": {"permalink": True}})
    page = converted("# The title\n", settings=settings)
    assert page is not None and page.title == "The title"
    assert 'class="headerlink"' in page.html


def test_an_extension_not_known_to_act_locally_converts_the_page_whole() -> None:
    settings = MarkdownSettings(("toc", "footnotes"), {})
    page = converted("# T\n\nText[^1] and [a](other.md).\n\n[^1]: A note.\n", settings=settings)
    assert page is not None
    assert "../other/" in page.html and 'class="footnote"' in page.html
    assert ("sub/page.md", "fn:1", "#fn:1") in page.links_to_anchors


@pytest.mark.parametrize(("url", "page", "relative"), [
    ("sub/other/", "sub/page/", "../other/"),
    ("./", "sub/page/", "../../"),
    ("sub/page/", "sub/page/", "./"),
    ("img/a.png", "sub/page/", "../../img/a.png"),
    ("sub/other.html", "sub/page.html", "other.html"),  # a page that is a file
    ("a/b/", "", "a/b/"),
    ("x/", "a/../../b/", "../x/"),  # (above the root stays at the root)
])
def test_relative_url(url: str, page: str, relative: str) -> None:
    assert relative_url(url, page) == relative


def test_plain_text_drops_comments_and_tags_but_not_entities() -> None:
    assert plain("a <!-- x --> <b>b</b>\n &amp;  <!-->c") == "a b &amp; c"


# (a page's Markdown with the link's address at `^`, the address MkDocs reports)
WRITTEN = [
    ("See [the plan](^plan.md).", "plan.md"),
    ("See [the plan]( <^my plan.md> ).", "my plan.md"),
    ("![chart](^img/c.png)", "img/c.png"),
    ("plan.md is named first, then [linked][p].\n\n[p]: ^plan.md", "plan.md"),
    ('<a href="^plan.md">the plan</a>', "plan.md"),
    ("Mail <^team@example.org>.", "team@example.org"),
    ("A path written out: ^plan.md", "plan.md"),
]


@pytest.mark.parametrize(("markdown", "url"), WRITTEN)
def test_where_a_link_mkdocs_reports_is_written(markdown: str, url: str) -> None:
    assert written_at(markdown.replace("^", ""), url) == markdown.index("^")


def test_a_link_not_in_the_page_has_no_position() -> None:
    assert written_at("# Notes\n", "plan.md") is None
    assert written_at("# Notes\n", "") is None
