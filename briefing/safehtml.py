"""A hand-written page's HTML with nothing in it that could run.

Hand-written pages are Markdown, and Markdown passes raw HTML through, as it does
`[x](javascript:…)`: whoever may change a page could otherwise put a script on the
site's origin. The generated pages escape what the curator writes; a hand-written page
is cleaned after MkDocs has converted it instead, by an allow-list: the elements and
attributes of ordinary text, links and images only to http(s), mailto and relative
addresses, and nothing else.

The page is taken apart into tags and text and written again: every text and every
attribute value escaped and quoted, so the browser reads back exactly the elements kept
whatever the original's quirks. No element kept has text the browser reads other than
as HTML (script, style, textarea, SVG…), so none can hide markup from this reading.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from html.parser import HTMLParser
from types import MappingProxyType
from xml.parsers import expat

from markupsafe import Markup, escape

# Elements of text, lists, tables and figures, kept with the attributes below.
_KEPT = frozenset([
    "a", "abbr", "address", "article", "aside", "b", "bdi", "bdo", "blockquote", "br",
    "caption", "cite", "code", "col", "colgroup", "data", "dd", "del", "details", "dfn",
    "div", "dl", "dt", "em", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hr", "i", "img", "input", "ins", "kbd", "label", "li", "mark",
    "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "section", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
    "time", "tr", "u", "ul", "var", "wbr"])
_VOID = frozenset(["br", "col", "hr", "img", "input", "wbr"])
# Removed with everything inside them: what runs, embeds or is read as other than HTML.
_DROPPED_WHOLE = frozenset([
    "script", "style", "template", "iframe", "frameset", "object", "applet", "noscript",
    "noembed", "noframes", "xmp", "textarea", "title", "svg", "math", "select",
    "plaintext", "audio", "video", "canvas"])
_GLOBAL = frozenset(["class", "id", "title", "lang", "dir", "role"])
_BY_ELEMENT = MappingProxyType({
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "blockquote": frozenset({"cite"}), "q": frozenset({"cite"}),
    "del": frozenset({"cite", "datetime"}),
    "ins": frozenset({"cite", "datetime"}), "time": frozenset({"datetime"}),
    "data": frozenset({"value"}), "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}), "td": frozenset({"colspan", "rowspan", "style"}),
    "th": frozenset({"colspan", "rowspan", "scope", "style"}),
    "col": frozenset({"span"}), "colgroup": frozenset({"span"}),
    "details": frozenset({"open"}), "label": frozenset({"for"}),
    "input": frozenset({"type", "checked", "disabled", "name"}),
})
_URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
# A table cell's alignment, as Markdown's tables write it; no other style.
_ALIGN = re.compile(r"^\s*text-align:\s*(left|right|center)\s*;?\s*$")
# How a browser finds an address's scheme: past leading control characters and spaces,
# with tabs and line breaks removed wherever they are.
_LEADING = re.compile(r"^[\x00-\x20]+|[\x00-\x20]+$")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
# An id, as search results link to it: MkDocs' search script writes `page/#id` into an
# `href="…"` without escaping it, so no quote, bracket, `&` or space.
_ID = re.compile(r"^[^\s\"'<>&`\\]+$")


def clean_page(html: str) -> tuple[str, list[str]]:
    """The page's HTML with only the allowed elements and attributes, and what was
    removed (`<script>`, `onclick` on <p>, `href` javascript:… on <a>), once each."""
    cleaner = _Cleaner.read(html)
    return "".join(cleaner.out), list(dict.fromkeys(what for what, _ in cleaner.removed))


def removals(markup: str) -> list[tuple[str, int, int]]:
    """What cleaning `markup` removes, each with the line and column (from 1) of the
    tag it is in: raw HTML in a page's Markdown, found before it is converted."""
    return [(what, line, col + 1) for what, (line, col) in _Cleaner.read(markup).removed]


def safe_url(value: str) -> str | None:
    """The address as a browser reads it, when it leads to a page and not to a script:
    http(s), mailto or relative; else None."""
    url = _LEADING.sub("", value).replace("\t", "").replace("\n", "").replace("\r", "")
    scheme = _SCHEME.match(url)
    if scheme and scheme.group(1).lower() not in _SAFE_SCHEMES:
        return None
    return url


# Front matter Briefing reads as data (the theme writes `jsonld` with `tojson`), not text a
# theme writes: kept as it is.
_DATA_KEYS = frozenset({"jsonld", "updated"})
# Material's redirecting page: its template and the address it goes to.
_AWAY = frozenset({"location", "template"})


def themed_page(title: str, meta: Mapping[str, object], *, from_name: bool
                ) -> tuple[str, dict[str, object]]:
    """A page's title and front matter as a theme may write them without escaping:
    MkDocs' own theme and Material write `page.title` and `page.meta`'s texts into the
    page as they are, or the title after `striptags`, which gives `&lt;` back as `<`.
    `title` is MkDocs': the front matter's (text), a heading's (HTML) or, `from_name`,
    made of the file's name (text). The title comes back as HTML holding only its text,
    and the front matter with every text escaped (Material's redirecting page left out,
    with its `location`, unless that is an address that runs nothing); a title holding
    `<` is put in the front matter too, which Material writes in place of `striptags`'."""
    text = str(meta["title"]) if "title" in meta else \
        title if from_name else str(Markup(title).striptags())
    # (Without its `template`, the page is shown, not a redirection to itself.)
    away = "location" in meta and safe_url(str(meta["location"])) is None
    themed = {key: value if key in _DATA_KEYS else _escaped(value)
              for key, value in meta.items() if not (away and key in _AWAY)}
    html = str(escape(text))
    if "title" in meta or "<" in text:
        themed["title"] = html
    return html, themed


def name_title(name: str) -> str:
    """The title MkDocs makes of a page's file name when the page gives none."""
    title = name.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title


def _escaped(value: object) -> object:
    if isinstance(value, str):
        return str(escape(value))
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    if isinstance(value, dict):
        return {key: _escaped(item) for key, item in value.items()}
    return value


def _escape(text: str) -> str:
    # As Markdown writes its HTML (not `'` as `&#x27;`), so that a heading the theme looks
    # for by its `<h2 id="…">` is written as before.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Cleaner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.removed: list[tuple[str, tuple[int, int]]] = []  # and where: (line, offset)
        # The dropped element being skipped, and how deep inside it (same-named nesting).
        self._skipping: str | None = None
        self._depth = 0

    @classmethod
    def read(cls, markup: str) -> _Cleaner:
        cleaner = cls()
        cleaner.feed(markup)
        cleaner.close()
        return cleaner

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=True)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], *, closed: bool) -> None:
        if self._skipping is not None:
            self._depth += tag == self._skipping and not closed
            return
        if tag not in _KEPT:
            self.removed.append((f"<{tag}>", self.getpos()))
            if tag in _DROPPED_WHOLE and not closed:
                self._skipping, self._depth = tag, 1
            return
        kept = "".join(self._attribute(tag, name, value) for name, value in attrs)
        self.out.append(f"<{tag}{kept}>")
        if closed and tag not in _VOID:
            self.out.append(f"</{tag}>")

    def _attribute(self, tag: str, name: str, value: str | None) -> str:
        allowed = name in _GLOBAL or name.startswith("aria-") or name in _BY_ELEMENT.get(
            tag, ())
        written = value
        if allowed and value is not None and name in _URL_ATTRIBUTES:
            written = safe_url(value)
            allowed = written is not None
        elif allowed and name in ("id", "for"):
            allowed = value is not None and _ID.match(value) is not None
        elif allowed and name == "style":
            allowed = value is not None and _ALIGN.match(value) is not None
        elif allowed and name == "type" and tag == "input":
            allowed = value in ("checkbox", "radio")
        if not allowed:
            self.removed.append((f"{name}={value!r} on <{tag}>" if name in _URL_ATTRIBUTES
                                 else f"{name} on <{tag}>", self.getpos()))
            return ""
        if written is None:
            return f" {name}"
        return f' {name}="{_escape(written).replace(chr(34), "&quot;")}"'

    def handle_endtag(self, tag: str) -> None:
        if self._skipping is not None:
            if tag == self._skipping:
                self._depth -= 1
                if not self._depth:
                    self._skipping = None
            return
        if tag in _KEPT and tag not in _VOID:
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self._skipping is None:
            self.out.append(_escape(data))

    # Comments, declarations and processing instructions are left out.
    def handle_comment(self, data: str) -> None:
        return

    def handle_decl(self, decl: str) -> None:
        return

    def handle_pi(self, data: str) -> None:
        return

    def unknown_decl(self, data: str) -> None:
        return


# Files a browser runs, or shows as a page that may run scripts, when opened from the
# site: a hand-written page's folder is copied as it is, so one of these would put a
# script on the site's origin (or replace the theme's own, `assets/briefing.js`).
# Suffixes a common server serves as a document a browser runs a script in: HTML, and XML
# (whose XHTML-namespaced `<script>` runs), by Python's and Debian's types (`mkdocs serve`:
# xhtm, xpdl) or the mime-db that GitHub Pages uses (xsd, rng), and XML types a browser
# may render (rdf, atom, MathML, XUL).
_RUNNABLE = frozenset([
    "html", "htm", "xhtml", "xht", "xhtm", "shtml", "xml", "xsl", "xslt", "xpdl", "xsd",
    "rng", "rdf", "owl", "atom", "rss", "mml", "mathml", "xul", "js", "mjs", "svgz", "swf"])
_SVG_ACTIVE = frozenset({"script", "foreignobject", "iframe", "embed", "object", "handler",
                         "listener"})


def removed_warning(where: str, removed: list[str]) -> str:
    """What a hand-written page at `where` lost to `clean_page`, and what such a page may
    hold."""
    shown = ", ".join(removed[:8]) + (f" and {len(removed) - 8} more" if len(removed) > 8
                                     else "")
    return (f"{where}: removed from the page: {shown}. A hand-written page may hold text, "
            "links to http(s), mailto or relative addresses and images, but no scripts, "
            "event handlers, styles or embedded pages")


def unpublished_warning(where: str, problem: str) -> str:
    """Why the file at `where` among the hand-written pages is left out of the site
    (`runnable_file`'s `problem`)."""
    return (f"{where}: not published: {problem}. The hand-written pages' folder may hold "
            "images and other files that run nothing when opened")


def runnable_file(name: str, data: Callable[[], bytes]) -> str | None:
    """Why a file among the hand-written pages could run a script when opened, or None.
    An SVG image is read (`data`) and kept when it holds nothing that runs."""
    suffix = name.rpartition(".")[2].lower() if "." in name else ""
    if suffix in _RUNNABLE:
        return f"a .{suffix} file may run scripts"
    if suffix == "svg":
        return _svg_problem(data())
    return None


def _svg_problem(data: bytes) -> str | None:
    """What in an SVG image could run, read as a browser reads it (its declared encoding
    included); one with a DOCTYPE is refused, since entities could hide the rest."""
    found: list[str] = []

    def refuse(what: str) -> None:
        found.append(what)
        raise _Stop

    def element(name: str, attrs: dict[str, str]) -> None:
        local = name.rpartition(" ")[2].lower()
        if local in _SVG_ACTIVE:
            refuse(f"a <{local}> element")
        for key, value in attrs.items():
            attr_name = key.rpartition(" ")[2].lower()
            if attr_name.startswith("on"):
                refuse(f"an {attr_name} attribute")
            # (`values` is a list: `#a;javascript:…` animates a link to the second.)
            if attr_name in ("href", "attributename", "values", "to", "from", "by") and \
                    any(safe_url(part) is None for part in value.split(";")):
                refuse(f"{attr_name}={value!r}")

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartDoctypeDeclHandler = lambda *_: refuse("a DOCTYPE")
    parser.ProcessingInstructionHandler = lambda target, _: (
        refuse(f"<?{target}?>") if target.lower() != "xml" else None)
    parser.StartElementHandler = element
    try:
        parser.Parse(data, True)
    except _Stop:
        return f"the SVG image holds {found[0]}"
    except expat.ExpatError as exc:
        return f"the SVG image is not well-formed XML ({exc})"
    return None


class _Stop(Exception):
    """Ends the reading of an SVG image at the first thing that could run."""
