"""Small PDFs with a text layer, written by hand for the tests and the tutorial's sample
(pypdf reads PDFs but does not set text). Each page is a list of lines in Helvetica;
`python tests/pdf_fixture.py` writes the tutorial's sample into tests/fixtures/ingest/."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"


def make_pdf(pages: Sequence[Sequence[str]], info: Mapping[str, str] | None = None, *,
             lang: str | None = None) -> bytes:
    """A valid PDF 1.4 file: one content stream a page, the standard Helvetica font, an
    information dictionary (Title, Author, CreationDate…) when `info` is given, and the
    catalog's /Lang (the language it declares) when `lang` is."""
    bodies: list[bytes] = [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                           b"/Encoding /WinAnsiEncoding >>"]
    contents = []
    for lines in pages:
        ops = ["BT", "/F1 11 Tf", "14 TL", "72 720 Td"]
        ops += [f"({_escaped(line)}) Tj T*" for line in lines]
        stream = "\n".join([*ops, "ET"]).encode("cp1252")
        bodies.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        contents.append(len(bodies))
    tree = len(bodies) + len(pages) + 1  # the page objects come first, then the tree
    kids = []
    for content in contents:
        bodies.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources "
                      b"<< /Font << /F1 1 0 R >> >> /Contents %d 0 R >>" % (tree, content))
        kids.append(b"%d 0 R" % len(bodies))
    bodies.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids)))
    declared = b" /Lang (%s)" % _escaped(lang).encode("ascii") if lang is not None else b""
    bodies.append(b"<< /Type /Catalog /Pages %d 0 R%s >>" % (tree, declared))
    trailer = b"/Root %d 0 R" % len(bodies)
    if info:
        entries = b" ".join(b"/%s (%s)" % (key.encode("ascii"), _escaped(value).encode("cp1252"))
                            for key, value in info.items())
        bodies.append(b"<< " + entries + b" >>")
        trailer += b" /Info %d 0 R" % len(bodies)
    return assemble(bodies, trailer)


def assemble(bodies: Sequence[bytes], trailer: bytes) -> bytes:
    """A PDF file of these objects (numbered from 1) and trailer entries."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d %s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(bodies) + 1, trailer, xref)
    return bytes(out)


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


# The tutorial's sample PDF: a research note of a fictional advisory firm, two pages.
NOTE_PAGES = (
    ("Research note: what the $294,000 covers",
     "Northgate Compute Advisory, 23 September 2025",
     "This is a sample PDF written for Briefing's documentation and tests. Northgate",
     "Compute Advisory and its analysts are fictional; the figures attributed to",
     "DeepSeek are those its Nature paper reported.",
     "DeepSeek's Nature paper reports that training its R1 reasoning model cost",
     "$294,000 on 512 Nvidia H800 chips. The figure is often set against the $6",
     "million reported in January for the V3 base model."),
    ("Why the two numbers differ",
     "The Nature figure covers only the reinforcement learning that turned the base",
     "model into R1. Neither number includes the research, the failed runs or the",
     "cluster itself, which cost far more than any single training run.",
     "Readers should treat each figure as the price of one stage of the work, not of",
     "the model as a whole."),
)
NOTE_INFO = {"Title": "What the $294,000 covers", "Author": "Northgate Compute Advisory",
             "CreationDate": "D:20250923090000Z"}
NOTE = FIXTURES / "northgate-r1-cost-note.pdf"


def note_pdf() -> bytes:
    return make_pdf(NOTE_PAGES, NOTE_INFO)


if __name__ == "__main__":
    NOTE.write_bytes(note_pdf())
    sys.stdout.write(f"wrote {NOTE}\n")
