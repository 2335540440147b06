"""A Markdown extension that gathers from a generated page what MkDocs' `Page.render` gathers,
and rewrites its links as MkDocs does, without MkDocs (`conversion.py` uses it).

What MkDocs 1.6 does while it converts a page, and this extension does alike: a link or
image to a file of the site (a path relative to the page, percent-escapes undone) gets the
URL of that file relative to the page's; the ids of elements, `name` of links and the
`id`/`name` found in raw HTML are the page's anchors; the text of a first element that is
an `<h1>` is its title; links to anchors are noted by the page they point to. Every hook
runs at the priority MkDocs' runs at, so it sees the tree in the same state.

Whatever MkDocs checks and could report is not mirrored: an absolute path, a path to no
file (or to one left out of the site), an `<a>` with no address. Converting then stops
(`Unmirrored`), and the caller hands the page to MkDocs, which converts it and reports the
link itself. External addresses, e-mail links and links within the page stay as written,
as MkDocs leaves them.
"""

from __future__ import annotations

import copy
import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from urllib.parse import unquote, urlsplit, urlunsplit

import markdown
from markdown import htmlparser
from markdown.extensions import Extension
from markdown.extensions.toc import remove_fnrefs, render_inner_html
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

# A path of the site ('sub/page.md') -> that file's URL ('sub/page/'), or None when the
# site has no such file or leaves it out.
Lookup = Callable[[str], str | None]


class Unmirrored(Exception):
    """A link MkDocs checks and may report: the page must convert as MkDocs converts it."""


class SiteLinks(Extension):
    """The extension; `at` says which page converts next, and what one conversion found is
    kept on it until the Markdown instance is reset."""

    def __init__(self) -> None:
        super().__init__()
        self.page, self.url = "", ""
        self.lookup: Lookup = lambda path: None
        self.reset()

    def at(self, page: str, url: str, lookup: Lookup) -> None:
        """The page (its path and URL) whose Markdown converts next, and the site's files."""
        self.page, self.url, self.lookup = page, url, lookup

    def reset(self) -> None:
        self.anchors: set[str] = set()
        self.raw_anchors: set[str] = set()
        self.links: dict[str, dict[str, str]] = {}  # page linked to -> anchor -> link
        self.looked_up: set[str] = set()
        self.title: str | None = None

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.registerExtension(self)  # so that `md.reset()` resets what was found
        # MkDocs' priorities: raw HTML just before `html_block` reads it; anchors with
        # `toc` (registered later, so after it); the title near the end; links last.
        md.preprocessors.register(RawAnchors(md, self), "briefing_raw_anchors", 21)
        md.treeprocessors.register(Anchors(md, self), "briefing_anchors", 5)
        md.treeprocessors.register(Title(md, self), "briefing_title", 1)
        md.treeprocessors.register(Links(md, self), "briefing_links", 0)

    def rewritten(self, url: str) -> str:
        """The address as MkDocs writes it in the page; raises `Unmirrored` where MkDocs
        could report it."""
        try:
            scheme, netloc, path, query, anchor = urlsplit(url)
        except ValueError as exc:
            raise Unmirrored(url) from exc
        if scheme or netloc:
            return url
        if url.startswith(("/", "\\")):
            raise Unmirrored(url)
        if AMP_SUBSTITUTE in url or not path:  # an e-mail address, or within the page
            if anchor and not path:
                self.links.setdefault(self.page, {}).setdefault(anchor, url)
            return url
        target = posixpath.normpath(posixpath.join(
            posixpath.dirname(self.page), unquote(path)).lstrip("/"))
        self.looked_up.add(target)
        found = self.lookup(target)
        if found is None:
            raise Unmirrored(url)
        if anchor:
            self.links.setdefault(target, {}).setdefault(anchor, url)
        return urlunsplit(("", "", relative_url(found, self.url), query, anchor))


class RawAnchors(Preprocessor):
    def __init__(self, md: markdown.Markdown, links: SiteLinks) -> None:
        super().__init__(md)
        self.links = links

    def run(self, lines: list[str]) -> list[str]:
        parser = AnchorParser()
        parser.feed("\n".join(lines))
        parser.close()
        self.links.raw_anchors = parser.anchors
        return lines


class AnchorParser(htmlparser.htmlparser.HTMLParser):  # type: ignore[name-defined, misc]
    """The `id` of any tag, and the `name` of an `<a>`, as MkDocs notes them in raw HTML
    (with the HTML parser Python-Markdown reads raw HTML with, as MkDocs does)."""

    def __init__(self) -> None:
        super().__init__()
        self.anchors: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.anchors.update(value for name, value in attrs
                            if value is not None and (name == "id" or (name == "name"
                                                                         and tag == "a")))


class Gathering(Treeprocessor):
    """A tree processor that notes what it finds on the extension."""

    def __init__(self, md: markdown.Markdown, links: SiteLinks) -> None:
        super().__init__(md)
        self.links = links


class Anchors(Gathering):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for name in ("id", "name") if element.tag == "a" else ("id",):
                if anchor := element.get(name):
                    self.links.anchors.add(anchor)


class Title(Gathering):
    def run(self, root: etree.Element) -> None:
        first = next(iter(root), None)
        if first is not None and first.tag == "h1":
            self.links.title = heading_text(first, self.md)


class Links(Gathering):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            key = "href" if element.tag == "a" else "src" if element.tag == "img" else None
            if key is None:
                continue
            url = element.get(key)
            if url is None:  # (MkDocs stops on it)
                raise Unmirrored(element.tag)
            element.set(key, self.links.rewritten(url))


def heading_text(heading: etree.Element, md: markdown.Markdown) -> str:
    """The heading's text as MkDocs takes a title from it: without the permalink `toc` may
    add, footnote references or tags, an image by its alt text, whitespace collapsed."""
    copied = copy.deepcopy(heading)
    if len(copied) and copied[-1].tag == "a" and copied[-1].get("class") == "headerlink":
        del copied[-1]
    copied = remove_fnrefs(copied)
    for parent in copied.findall(".//img[@alt]/.."):
        images_as_text(parent)
    return plain(render_inner_html(copied, md))


def images_as_text(parent: etree.Element) -> None:
    """Each image with a (non-empty) alt text among the children replaced by that text."""
    carried = ""  # text that moves onto the element before, images being removed
    for child in reversed(list(parent)):
        alt = child.get("alt") if child.tag == "img" else None
        if alt:
            carried = alt + (child.tail or "") + carried
            parent.remove(child)
        elif carried:
            child.tail, carried = (child.tail or "") + carried, ""
    if carried:
        parent.text = (parent.text or "") + carried


def plain(html: str) -> str:
    """Text without comments and tags (entities stay), whitespace collapsed; a comment or
    tag runs to the first end after its start, as MkDocs cuts them."""
    for opening, closing in (("<!--", "-->"), ("<", ">")):
        while (start := html.find(opening)) != -1 \
                and (end := html.find(closing, start)) != -1:
            html = html[:start] + html[end + len(closing):]
    return " ".join(html.split())


def relative_url(url: str, page: str) -> str:
    """`url` relative to the page's URL `page`, both paths of the site: a last part of
    `page` with a dot in it is a file, not a folder; `..` above the root stays there."""
    folder, _, last = page.rpartition("/")
    here, there = url_parts(folder if "." in last else page), url_parts(url)
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    relative = "/".join([".."] * (len(here) - common) + there[common:]) or "."
    return relative + "/" if url.endswith("/") else relative


def url_parts(path: str) -> list[str]:
    normal = posixpath.normpath(path if path.startswith("/") else "/" + path)[1:]
    return normal.split("/") if normal else []



def written_at(markdown_text: str, url: str) -> int | None:
    """Where a page's Markdown writes the link to `url` (the offset of its address), for
    a report MkDocs makes without a line: an inline link or image, a reference
    definition, an HTML attribute, an autolink, else the address anywhere."""
    if not url:
        return None
    forms = (re.compile(r"\]\(\s*<?" + re.escape(url)),
             re.compile(r"^[ ]{0,3}\[[^\]]+\]:[ \t]*<?" + re.escape(url), re.MULTILINE),
             re.compile(r"""(?:href|src)\s*=\s*["']?""" + re.escape(url)),
             re.compile("<" + re.escape(url) + "(?=>)"), re.compile(re.escape(url)))
    for form in forms:
        found = form.search(markdown_text)
        if found:
            return found.end() - len(url)
    return None
