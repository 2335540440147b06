"""A web page or PDF a change commits as a source's original, built to harm the machine
that checks it: `briefing check` extracts it again, and `briefing new` extracts what the
curator gives it. Each is stopped at a limit the test sets low and reported at the
file's path; none reads a file of the machine. The limits of time are checked with
inputs that need hundreds of times the limit, never by timing."""

from __future__ import annotations

import os
import signal
import socket
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from corpus_helpers import confirm_suggested_dates, hang_guard, minimal_corpus, snapshot, write_tree
from pdf_fixture import NOTE, assemble

from briefing import extractapart
from briefing.cli import main
from briefing.extract import NotAnArticle, extract
from briefing.extractapart import Extractor, OverLimit

SENTENCE = "DeepSeek trained its model on many chips and the cost was said to be small. "
PARAGRAPH = f"<p>{SENTENCE * 3}</p>\n"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT_LINE = b"(DeepSeek trained its model on many chips and the cost was small) Tj T*\n"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def page(body: str, head: str = "") -> bytes:
    return f"{head}<html><body><article>{PARAGRAPH * 3}{body}</article></body></html>".encode()


def flate(raw: bytes) -> bytes:
    data = zlib.compress(raw, 9)
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(data), data)


def pdf_drawing(content: bytes, pages: int = 1, catalog: bytes = b"") -> bytes:
    """A PDF whose `pages` pages all draw the one stream `content` (compressed)."""
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    bodies = [FONT, content, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
              b"<< /Type /Catalog /Pages 3 0 R%s >>" % catalog]
    bodies += [b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] /Resources << /Font "
               b"<< /F1 1 0 R >> >> /Contents 2 0 R >>"] * pages
    return assemble(bodies, b"/Root 4 0 R")


def text_stream(lines: int) -> bytes:
    return flate(b"BT /F1 11 Tf 14 TL 72 720 Td " + TEXT_LINE * lines + b" ET")


def endless_pdf() -> bytes:
    """16 KB whose 2,000 pages draw the same 100 KB of text: about 200 s of pypdf's
    work, and 180 MB of text."""
    return pdf_drawing(text_stream(1_400), pages=2_000)


def extracted(kind: str, data: bytes, **limits: int) -> str:
    with hang_guard(120), Extractor(**limits) as extractor:
        return extractor.extract(kind, data).text


# --- web pages ------------------------------------------------------------------------------

def test_a_page_s_entities_read_no_file_and_expand_nothing(tmp_path: Path) -> None:
    """lxml's HTML parser leaves a DOCTYPE's entities unexpanded: one naming a file of
    the machine, or the thousand-fold "billion laughs", stays the text `&name;`."""
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-FILE\n")
    laughs = '<!ENTITY a0 "lol lol lol lol lol lol lol lol lol lol">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    head = (f'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY x SYSTEM "{secret.as_uri()}">'
            f"{laughs}]>\n")
    text = extracted("html", page("<p>The file: &x; and the laughs: &a9;</p>", head))
    assert "SECRET-FILE" not in text and "lol" not in text
    assert "The file: &x; and the laughs: &a9;" in text


def test_a_page_full_of_addresses_opens_no_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    """Extracted in this process with sockets refused: nothing a page names (its
    canonical address, a stylesheet, an image, an external DTD) is fetched."""
    attempts: list[object] = []

    def refused(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("no network in this test")

    monkeypatch.setattr(socket.socket, "connect", refused)
    monkeypatch.setattr(socket, "create_connection", refused)
    head = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
            '"http://dtd.example/strict.dtd">\n')
    names = ('<link rel="canonical" href="http://news.example/a"><base href="http://b.example/">'
             '<link rel="stylesheet" href="http://css.example/s.css">'
             '<meta property="og:url" content="http://news.example/a">'
             '<img src="http://img.example/i.png"><iframe src="http://frame.example/"></iframe>')
    text = extract("html", page(names, head)).text
    assert "DeepSeek trained" in text and attempts == []


def test_a_page_nested_past_the_parser_s_depth_is_refused() -> None:
    """lxml stops at a depth of 256 elements; 100,000 nested ones are no article."""
    nested = "<div>" * 100_000 + PARAGRAPH * 3 + "</div>" * 100_000
    with pytest.raises(NotAnArticle, match="holds no article text"):
        extracted("html", f"<html><body>{nested}</body></html>".encode())


def test_a_page_needing_more_memory_than_the_limit_is_stopped() -> None:
    """6 MB of small elements take lxml and trafilatura about 640 MB."""
    with pytest.raises(OverLimit, match="needs more than 300,000,000 bytes of memory"):
        extracted("html", page("<span>a</span>" * 400_000), memory=300_000_000)


# --- PDFs -----------------------------------------------------------------------------------

def test_a_decompression_bomb_is_refused() -> None:
    """A stream of 100 KB that inflates to 100 MB: pypdf stops at its own limit."""
    squeeze = zlib.compressobj(9)
    packed = b"".join(squeeze.compress(b" " * 1_000_000) for _ in range(100)) + squeeze.flush()
    bomb = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(packed), packed)
    with pytest.raises(NotAnArticle, match=r"cannot be read \(LimitReachedError"):
        extracted("pdf", pdf_drawing(bomb))


def test_a_page_tree_that_holds_itself_is_refused() -> None:
    pdf = pdf_drawing(text_stream(5)).replace(b"/Kids [5 0 R]", b"/Kids [3 0 R 5 0 R]")
    with pytest.raises(NotAnArticle, match="cyclic page references"):
        extracted("pdf", pdf)


def test_objects_nested_100000_deep_are_refused() -> None:
    pdf = pdf_drawing(text_stream(5), catalog=b" /X " + b"[" * 100_000 + b"]" * 100_000)
    with pytest.raises(NotAnArticle, match="the PDF cannot be read"):
        extracted("pdf", pdf)


def test_pages_drawing_one_stream_again_and_again_are_stopped_at_the_time_limit() -> None:
    with pytest.raises(OverLimit, match="pypdf needs more than 1 second to extract"):
        extracted("pdf", endless_pdf(), seconds=1)


def test_a_text_larger_than_a_source_may_hold_is_refused() -> None:
    """The limit on the text comes before the worker's answer grows as large."""
    with pytest.raises(OverLimit, match="extracts a text larger than 20,000 bytes"):
        extracted("pdf", pdf_drawing(text_stream(70), pages=5), text_bytes=20_000)


def test_the_worker_imports_no_module_of_the_project(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`briefing check` runs in the project: a committed `pypdf.py` there is not the
    pypdf the worker imports."""
    planted = tmp_path / "planted"
    (tmp_path / "pypdf.py").write_text(f"open({str(planted)!r}, 'w').close()\n")
    monkeypatch.chdir(tmp_path)
    assert "DeepSeek trained" in extracted("pdf", pdf_drawing(text_stream(5)))
    assert not planted.exists()


def test_one_worker_goes_on_after_a_file_that_stopped_it() -> None:
    good = pdf_drawing(text_stream(5))
    with hang_guard(120), Extractor(seconds=1) as extractor:
        with pytest.raises(OverLimit):
            extractor.extract("pdf", endless_pdf())
        assert "DeepSeek trained" in extractor.extract("pdf", good).text
        assert "DeepSeek trained" in extractor.extract("pdf", good).text


def test_a_worker_that_gives_no_answer_is_stopped_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker waiting on something spends no CPU time: the wall clock stops it, at a
    few times the CPU limit. Here it is suspended, as it would wait."""
    monkeypatch.setattr(extractapart, "WALL_FACTOR", 2)
    with hang_guard(120), Extractor(seconds=1) as extractor:
        os.kill(extractor._worker().pid, signal.SIGSTOP)
        with pytest.raises(OverLimit, match="pypdf needs more than 1 second to extract"):
            extractor.extract("pdf", pdf_drawing(text_stream(5)))
        assert "DeepSeek trained" in extractor.extract("pdf", pdf_drawing(text_stream(5))).text


# --- through the commands ---------------------------------------------------------------------

def test_check_reports_an_original_past_the_limit_at_its_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = write_tree(tmp_path / "content", minimal_corpus())
    assert run("new", str(NOTE), "--content", str(content), "--id", "added").exit_code == 0
    confirm_suggested_dates(content)
    (content / "sources/added.pdf").write_bytes(endless_pdf())
    monkeypatch.setattr(extractapart, "SECONDS", 1)
    before = snapshot(content)
    with hang_guard(120):
        result = run("check", "--strict", "--content", str(content))
    assert result.exit_code == 1, result.output
    assert "content/sources/added.pdf: error: pypdf needs more than 1 second to extract " \
        "this file, the limit" in result.output, result.output
    assert "(it is kept beside " in result.output and "[source-original-limit]" in result.output
    assert "hint: replace it with the page saved again from the browser" in result.output
    assert snapshot(content) == before


def test_new_refuses_a_file_past_the_limit_and_writes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = write_tree(tmp_path / "content", minimal_corpus())
    hostile = tmp_path / "report.pdf"
    hostile.write_bytes(endless_pdf())
    monkeypatch.setattr(extractapart, "SECONDS", 1)
    before = snapshot(content)
    with hang_guard(120):
        result = run("new", str(hostile), "--content", str(content))
    assert result.exit_code == 1, result.output
    assert f"{hostile.as_posix()}:1:1: error: pypdf needs more than 1 second to extract " \
        "this file" in result.output and "nothing was written" in result.output
    assert "hint: save the page again from the browser (or download the PDF again), or " \
        "copy the article's text into a .txt file" in result.output
    assert snapshot(content) == before
