"""Articles that arrive as a saved web page or a PDF: what a file is, its text and its
metadata.

`briefing new` keeps the original byte for byte beside the text it extracts, and
`briefing check` extracts it again (`originals.py`), so the extraction must be a pure
function of the bytes and the extractor's version: the options are fixed here, never
taken from settings. The extractors are imported only when a page or a PDF is handled.
"""

from __future__ import annotations

import datetime
import importlib.metadata
import io
import re
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any

from .language import language_tag
from .text import UTF16_BOMS, UTF16_HINT, normalise_text

# The extractor of each kind of original, and the suffix the original is kept under.
EXTRACTORS = MappingProxyType({"html": "trafilatura", "pdf": "pypdf"})
SUFFIXES = MappingProxyType({"html": ".html", "pdf": ".pdf"})
KIND_OF_EXTRACTOR = MappingProxyType({extractor: kind for kind, extractor in EXTRACTORS.items()})
# A saved page may carry images and fonts; its text is held to load.MAX_TEXT_BYTES.
MAX_ORIGINAL_BYTES = 50_000_000
# Fewer words than this is a page with no article in it (a cookie wall, a menu).
MIN_WORDS = 12

_MAGIC = ((b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
          (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"), (b"BM", "a BMP image"),
          (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"),
          (b"PK\x03\x04", "a ZIP archive (a .docx, .odt or .epub is one)"),
          (b"\x1f\x8b", "a gzip archive"), (b"\x7fELF", "a program"))
_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])",
                         re.I | re.S)
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_BINARY = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
# What a text may not hold (`text.decode_source` refuses it): controls other than
# tab and line feed.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BREAKS = re.compile("\r\n|[\r\x85\u2028\u2029]")


class NotAnArticle(Exception):
    """The file cannot become a source; `str(self)` says why, `hint` what to do."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


@dataclass(frozen=True)
class PageFacts:
    """What the original's metadata says about it, each "" when it says nothing."""

    title: str = ""
    author: str = ""
    outlet: str = ""
    date: str = ""  # YYYY-MM-DD
    url: str = ""
    # The language it declares itself written in (`<html lang>`, a PDF's /Lang), as a
    # BCP 47 tag; never guessed from its words.
    language: str = ""


@dataclass(frozen=True)
class Extracted:
    kind: str  # "html" or "pdf"
    text: str  # what sources/<id>.txt holds, ending with a line break
    extractor: str
    version: str
    facts: PageFacts
    pages: tuple[int, ...] = ()  # for a PDF, the line of the text each page starts on


def kind_of(data: bytes, name: str) -> str:
    """"html", "pdf" or "text", from the bytes first and the file name second; raises
    NotAnArticle for an image, an archive or a program."""
    head = data[:1024]
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf"
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise NotAnArticle(f"this is {what}, not an article",
                               "give the article as a text file, a saved web page (.html) "
                               "or a PDF with a text layer")
    if head.lstrip().lower().startswith((b"<svg", b"<?xml version")) and b"<svg" in head:
        raise NotAnArticle("this is an SVG image, not an article",
                           "give the article as a text file, a saved web page or a PDF")
    if name.lower().endswith(".pdf"):
        raise NotAnArticle("the file is named .pdf but is not a PDF (it does not start "
                           "with %PDF-)", "download the PDF again; the file may be an error "
                           "page saved under the PDF's name")
    if data.startswith(UTF16_BOMS):  # else taken for binary: a NUL in every other byte
        raise NotAnArticle("the file is UTF-16 text, not UTF-8", f"{UTF16_HINT}, then add it")
    if _HTML_START.match(head.removeprefix(b"\xef\xbb\xbf")) \
            or name.lower().endswith(_HTML_SUFFIXES):
        return "html"
    if len(_BINARY.findall(head)) >= 8:  # a stray control in a text is placed exactly later
        raise NotAnArticle("this is a binary file, not text",
                           "give the article as a text file, a saved web page or a PDF")
    return "text"


def installed_version(extractor: str) -> str:
    return importlib.metadata.version(extractor)


def extract(kind: str, data: bytes) -> Extracted:
    """The text and metadata of an original of `kind` ("html" or "pdf")."""
    return extract_html(data) if kind == "html" else extract_pdf(data)


def as_source_text(text: str) -> str:
    """Extracted text as a source text: line feeds only, lines trimmed at the end,
    controls (which a source may not hold) dropped, no runs of blank lines, one final
    line break."""
    text = _BREAKS.sub("\n", text)  # every line end YAML counts, as a line feed
    text = _CONTROLS.sub("", text)
    lines = [line.rstrip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n" if out else ""


def _enough_text(text: str, what: str) -> None:
    if len(normalise_text(text).split()) < MIN_WORDS:
        raise NotAnArticle(f"{what} holds no article text, only navigation or boilerplate "
                           "(or nothing at all); nothing was written",
                           "save the article's own page (not a cover or index page), or "
                           "copy its text into a .txt file and add that")


# --- web pages -----------------------------------------------------------------------------

def html_text(data: bytes) -> tuple[str, PageFacts]:
    """trafilatura's main text of the page (headings and paragraphs, one a line, tables
    kept, comments left out) and the page's metadata."""
    import trafilatura

    try:
        # Parsed once: the language is read off the page as written, then the text.
        tree = trafilatura.load_html(data)
        language = _page_language(tree)
        document = trafilatura.bare_extraction(
            data if tree is None else tree, with_metadata=True, include_comments=False,
            include_tables=True, include_formatting=False, include_links=False,
            include_images=False, deduplicate=False, fast=False)
    except Exception as exc:  # lxml or a date parser failing on a malformed page
        raise NotAnArticle(f"the page cannot be read ({type(exc).__name__}: {exc}); "
                           "nothing was written", "save the page again from the browser, "
                           "or copy its text into a .txt file and add that") from exc
    if document is None:
        return "", PageFacts()
    # A Document (a dict only when asked for with `as_dict=True`).
    found = document if isinstance(document, dict) else {
        name: getattr(document, name, None)
        for name in ("title", "author", "sitename", "date", "url", "text")}
    facts = PageFacts(title=_one_line(found.get("title")), author=_one_line(found.get("author")),
                      outlet=_one_line(found.get("sitename")), date=_day(found.get("date")),
                      url=_one_line(found.get("url")), language=language)
    return as_source_text(_one_text(found.get("text"))), facts


def _page_language(tree: Any) -> str:
    """The tag the page declares on its `<html>` (`lang`, else XHTML's `xml:lang`); "" when
    it declares none that is a tag. trafilatura's own `language` is no help: it is a guess
    from the words, made only when a language is asked for."""
    root = tree.getroottree().getroot() if tree is not None else None
    found = [root.get(name) for name in ("lang", "xml:lang")] if root is not None else []
    return next((tag for value in found if isinstance(value, str)
                 and (tag := language_tag(value))), "")


def extract_html(data: bytes) -> Extracted:
    text, facts = html_text(data)
    _enough_text(text, "the page")
    return Extracted("html", text, "trafilatura", installed_version("trafilatura"), facts)


def _one_line(value: object) -> str:
    if not isinstance(value, str):
        return ""
    return " ".join(_CONTROLS.sub(" ", value).split())


def _one_text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _day(value: object) -> str:
    text = _one_line(value)[:10]
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return ""
    return text if len(text) == 10 else ""


# --- PDFs ----------------------------------------------------------------------------------

def pdf_text(data: bytes) -> tuple[str, tuple[int, ...], PageFacts]:
    """pypdf's text of each page, its lines joined into paragraphs (`_paragraphs`), each
    page starting on a line of its own; the line each page starts on; the metadata."""
    import pypdf

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        texts = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
        language = _pdf_language(reader)
    except Exception as exc:  # pypdf raises many kinds on a damaged or locked file
        raise NotAnArticle(f"the PDF cannot be read ({type(exc).__name__}: {exc}); nothing "
                           "was written", "open it in a PDF viewer: if it asks for a "
                           "password or fails too, get a working copy of the PDF") from exc
    lines: list[str] = []
    starts: list[int] = []
    for text in texts:
        starts.append(len(lines) + 1)
        lines.extend(_paragraphs(as_source_text(text)))
    facts = replace(_pdf_facts(info), language=language)
    return as_source_text("\n".join(lines)), tuple(starts), facts


def _pdf_language(reader: Any) -> str:
    """The tag of the document catalog's /Lang (PDF 1.4 on), "" when it has none that is
    a tag; never an error, since it only suggests a value."""
    try:
        catalog = reader.root_object  # indexed, as `_pdf_facts` does: an indirect /Lang
        value = catalog["/Lang"] if "/Lang" in catalog else None  # noqa: SIM401
        return (language_tag(str(value)) or "") if isinstance(value, str) else ""
    except Exception:  # a damaged catalog: pypdf raises many kinds
        return ""


def _pdf_facts(info: Any) -> PageFacts:
    """The PDF's title, author and creation day; nothing when its information is
    damaged, since it only suggests values."""
    if info is None:
        return PageFacts()
    try:
        # Indexing resolves an indirect object; pypdf's `get` would not.
        created = info["/CreationDate"] if "/CreationDate" in info else None  # noqa: SIM401
        return PageFacts(title=_one_line(info.title), author=_one_line(info.author),
                         date=_pdf_day(created))
    except Exception:  # a damaged information dictionary: pypdf raises many kinds
        return PageFacts()


_PDF_DATE = re.compile(r"(?:D:)?(\d{4})(\d{2})(\d{2})")


def _pdf_day(value: object) -> str:
    """The day of a PDF date (`D:20250923090000Z`), only when it names a whole, real
    day: a year alone is not made into its first of January."""
    found = _PDF_DATE.match(_one_line(value))
    return _day("-".join(found.groups())) if found else ""


def _paragraphs(page: str) -> list[str]:
    """A page's lines joined into paragraphs: a line much shorter than the page's longest
    ends its paragraph (a heading, a paragraph's last line); the others run on, joined by
    a space, or directly after a hyphen. Quotes anchor within one line of the text, so a
    sentence must not stay broken where the PDF broke it."""
    rows = [" ".join(line.split()) for line in page.split("\n")]
    rows = [row for row in rows if row]
    if not rows:
        return []
    full = max(len(row) for row in rows)
    out: list[str] = []
    current = ""
    for row in rows:
        current += ("" if not current or current.endswith("-") else " ") + row
        if len(row) < 0.75 * full:
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


def extract_pdf(data: bytes) -> Extracted:
    text, pages, facts = pdf_text(data)
    if not text:
        raise NotAnArticle("the PDF has no text layer (it is a scan, or images of pages): "
                           "there is no text to quote; nothing was written",
                           "run it through OCR first (for example `ocrmypdf in.pdf out.pdf`) "
                           "and check the result, or type the passages into a .txt file")
    _enough_text(text, "the PDF")
    return Extracted("pdf", text, "pypdf", installed_version("pypdf"), facts, pages)
