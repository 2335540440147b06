"""`briefing new` on a saved web page and on a PDF: the original kept byte for byte, its
text extracted once beside it, the metadata suggested, and every file that is not an
article refused with nothing written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from corpus_helpers import REPO, confirm_suggested_dates, minimal_corpus, snapshot, write_tree
from pdf_fixture import FIXTURES, NOTE, NOTE_INFO, NOTE_PAGES, make_pdf, note_pdf

from briefing import starter
from briefing.cli import main
from briefing.extract import extract, installed_version, kind_of

PAGE = FIXTURES / "harbour-ledger-r1-training.html"
PAGE_ID = "2025-09-24-how-deepseek-trained-r1-on-512-chips"
NOTE_ID = "2025-09-23-what-294-000-covers"
BIN = Path(sys.executable).parent


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def project(tmp_path: Path) -> Path:
    """A project made by `briefing init`, with its example."""
    done = run("init", str(tmp_path / "project"))
    assert done.exit_code == 0, done.output
    return tmp_path / "project"


def test_the_committed_sample_pdf_is_the_generators() -> None:
    assert NOTE.read_bytes() == note_pdf()


def test_a_saved_page_is_kept_its_text_extracted_and_its_metadata_suggested(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path)
    monkeypatch.chdir(root)
    result = run("new", str(PAGE))
    assert result.exit_code == 0, result.output
    sources = root / "content" / "sources"
    version = installed_version("trafilatura")
    assert f"wrote content/sources/{PAGE_ID}.html (the web page, byte for byte)" \
        in result.output
    assert f"wrote content/sources/{PAGE_ID}.txt (its text, extracted by trafilatura " \
        f"{version})" in result.output
    assert (sources / f"{PAGE_ID}.html").read_bytes() == PAGE.read_bytes()
    text = (sources / f"{PAGE_ID}.txt").read_text(encoding="utf-8")
    assert text.startswith("How DeepSeek trained R1 on 512 chips\n")
    assert "DeepSeek trained its R1 reasoning model on 512 Nvidia H800 chips" in text
    for boilerplate in ("Subscribe", "Cookie", "Most read", "Markets"):
        assert boilerplate not in text
    starter = yaml.safe_load((sources / f"{PAGE_ID}.yml").read_text(encoding="utf-8"))
    assert starter["title"] == "How DeepSeek trained R1 on 512 chips"
    assert starter["outlet"] == "The Harbour Ledger"
    assert starter["author"] == "Tomas Reyes"
    assert starter["url"] == "https://harbour-ledger.example/tech/2025/09/deepseek-r1-512-chips"
    assert starter["published"]["date"] == "2025-09-24"
    assert starter["extracted"] == {"by": "trafilatura", "version": version}
    # The suggested date is marked unchecked until the curator has checked it.
    assert "[date-unconfirmed]" in run("check").output
    confirm_suggested_dates(root / "content")
    # The kept original is not a stray file, and the site builds with every check fatal.
    checked = run("check", "--strict")
    assert checked.exit_code == 0, checked.output
    built = subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "-q"], cwd=root,
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    page = (root / "site" / "sources" / PAGE_ID / "index.html").read_text(encoding="utf-8")
    assert "The Harbour Ledger" in page and "harbour-ledger.example" in page


def test_a_pdf_keeps_its_pages(tmp_path: Path) -> None:
    content = write_tree(tmp_path / "content", minimal_corpus())
    result = run("new", str(NOTE), "--content", str(content))
    assert result.exit_code == 0, result.output
    sources = content / "sources"
    assert (sources / f"{NOTE_ID}.pdf").read_bytes() == NOTE.read_bytes()
    lines = (sources / f"{NOTE_ID}.txt").read_text(encoding="utf-8").split("\n")
    starter = yaml.safe_load((sources / f"{NOTE_ID}.yml").read_text(encoding="utf-8"))
    assert starter["extracted"]["by"] == "pypdf"
    assert starter["extracted"]["pages"] == [1, 5]
    assert lines[4] == "Why the two numbers differ"  # page 2 starts on line 5
    # Lines broken by the PDF are joined, so a sentence can be quoted whole.
    assert "reasoning model cost $294,000 on 512 Nvidia H800 chips." in lines[3]
    assert starter["title"] == "What the $294,000 covers"
    assert starter["author"] == "Northgate Compute Advisory"
    confirm_suggested_dates(content)
    assert run("check", "--strict", "--content", str(content)).exit_code == 0


def test_a_pdf_prefers_the_date_its_text_states_to_when_the_file_was_made(
        tmp_path: Path) -> None:
    """A PDF printed from a browser is stamped with the day it was printed: the date the
    text states is suggested, as the id's date too, and the stamp is named for what it is;
    quote ids carry the title's words, not a date."""
    pdf = make_pdf([["Marlow council note, issued 18 February 2025.",
                     "\"We would rather take a month,\" said Priya Halvorsen of the council."]],
                   {"Title": "Eastbridge cost review", "CreationDate": "D:20261205101010Z"})
    (tmp_path / "note.pdf").write_bytes(pdf)
    content = write_tree(tmp_path / "content", minimal_corpus())
    result = run("new", str(tmp_path / "note.pdf"), "--content", str(content))
    assert result.exit_code == 0, result.output
    source_id = "2025-02-18-eastbridge-cost-review"
    starter = (content / "sources" / f"{source_id}.yml").read_text(encoding="utf-8")
    assert yaml.safe_load(starter)["published"]["date"] == "2025-02-18"
    assert "# The PDF's metadata gives 2026-12-05, when the file was made" in starter
    assert "#   - id: eastbridge-cost-we-would-rather-take\n" in starter


@pytest.mark.parametrize(("written", "day"), [
    ("D:20250923090000Z", "2025-09-23"), ("20250923", "2025-09-23"),
    ("D:2025", ""),  # a year alone is not a day
    ("D:20251399", ""), ("D:20250229", ""), ("garbage", ""), ("", "")])
def test_a_pdf_date_is_suggested_only_when_it_is_a_whole_real_day(written: str, day: str
                                                                  ) -> None:
    pdf = make_pdf([["Word " * 14]], {"Title": "A (title)", "CreationDate": written})
    facts = extract("pdf", pdf).facts
    assert (facts.title, facts.date) == ("A (title)", day)


@pytest.mark.parametrize(("name", "data"), [
    ("page.txt", b"\n  <!DOCTYPE html>\n<html><body><p>x</p></body></html>"),
    ("saved", b"<html lang='en'><head><title>t</title></head></html>"),
    ("page.htm", b"just text named like a page"),
    ("x.bin", b"%PDF-1.7\n..."),
])
def test_a_page_or_pdf_is_known_by_its_content_or_name(name: str, data: bytes) -> None:
    assert kind_of(data, name) != "text"
    assert kind_of(b"An article about <html> tags.\n", "a.txt") == "text"


REFUSED = {
    "a PNG image": ("chart.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "this is a PNG image"),
    "a JPEG named .html": ("photo.html", b"\xff\xd8\xff\xe0" + bytes(64), "a JPEG image"),
    "a binary file": ("data.txt", b"ab\x00\x01\x02" * 20, "this is a binary file"),
    "a docx": ("report.docx", b"PK\x03\x04" + bytes(64), "a ZIP archive"),
    "an empty page": ("empty.html", b"<!doctype html><html><body></body></html>",
                      "holds no article text"),
    "a page of boilerplate": (
        "menu.html", b"<!doctype html><html><body><nav><a href='/'>Home</a> <a href='/a'>"
                     b"About</a></nav><footer>Cookie settings</footer></body></html>",
        "holds no article text"),
    "a PDF without a text layer": ("scan.pdf", make_pdf([[], []]), "has no text layer"),
    "a damaged PDF": ("broken.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Cat", "cannot be read"),
    "an error page named .pdf": ("paper.pdf", b"<html><body>Not found</body></html>",
                                 "is not a PDF"),
}


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_what_is_not_an_article_is_refused_and_nothing_written(
        tmp_path: Path, case: str) -> None:
    name, data, message = REFUSED[case]
    content = write_tree(tmp_path / "content", minimal_corpus())
    given = tmp_path / name
    given.write_bytes(data)
    before = snapshot(tmp_path)
    result = run("new", str(given), "--content", str(content))
    assert result.exit_code == 1, result.output
    assert f"{given.as_posix()}:1:1: error: " in result.output, result.output
    assert message in result.output and "nothing was written" in result.output
    assert "    hint: " in result.output and "Traceback" not in result.output
    assert snapshot(tmp_path) == before


def test_a_page_already_in_the_corpus_by_its_address_is_refused(tmp_path: Path) -> None:
    files = minimal_corpus()
    files["sources/acme-widget.yml"] = str(files["sources/acme-widget.yml"]).replace(
        "title:", "url: https://HARBOUR-LEDGER.example/tech/2025/09/deepseek-r1-512-chips/\n"
                  "title:", 1)
    content = write_tree(tmp_path / "content", files)
    before = snapshot(content)
    result = run("new", str(PAGE), "--content", str(content))
    assert result.exit_code == 1, result.output
    assert "has the same canonical URL" in result.output
    assert "sources/acme-widget.yml" in result.output and "[source-duplicate]" in result.output
    assert snapshot(content) == before


def test_the_same_page_twice_is_refused_by_its_text(tmp_path: Path) -> None:
    content = write_tree(tmp_path / "content", minimal_corpus())
    assert run("new", str(NOTE), "--content", str(content)).exit_code == 0
    before = snapshot(content)
    again = run("new", str(NOTE), "--content", str(content), "--id", "another-copy")
    assert again.exit_code == 1 and "[source-duplicate]" in again.output, again.output
    assert snapshot(content) == before


def test_an_original_left_by_another_source_is_never_overwritten(tmp_path: Path) -> None:
    content = write_tree(tmp_path / "content", {**minimal_corpus(),
                                                "sources/mine.pdf": b"%PDF-mine"})
    result = run("new", str(NOTE), "--content", str(content), "--id", "mine")
    assert result.exit_code == 1 and "already exists" in result.output
    assert (content / "sources/mine.pdf").read_bytes() == b"%PDF-mine"
    assert not (content / "sources/mine.txt").exists()


def test_the_sample_files_say_they_are_fictional() -> None:
    assert b"fictional" in PAGE.read_bytes()
    assert REPO / "tests" / "fixtures" / "ingest" == FIXTURES


# --- `briefing check`: the text against its original ---------------------------------------

def added(tmp_path: Path, original: Path) -> tuple[Path, Path, Path]:
    """The minimal corpus with `original` added; its content folder, text and annotation."""
    content = write_tree(tmp_path / "content", minimal_corpus())
    result = run("new", str(original), "--content", str(content), "--id", "added")
    assert result.exit_code == 0, result.output
    return content, content / "sources/added.txt", content / "sources/added.yml"


def check(content: Path) -> Result:
    """Every check fatal, once the curator has checked the date `briefing new` suggested."""
    confirm_suggested_dates(content)
    return run("check", "--strict", "--content", str(content))


@pytest.mark.parametrize("original", [PAGE, NOTE], ids=["page", "pdf"])
def test_an_edited_text_no_longer_matches_its_original(tmp_path: Path, original: Path
                                                       ) -> None:
    content, text, _ = added(tmp_path, original)
    assert check(content).exit_code == 0
    lines = text.read_text(encoding="utf-8").split("\n")
    lines[2] = lines[2].replace("DeepSeek", "Deepseek", 1)
    text.write_text("\n".join(lines), encoding="utf-8")
    before = snapshot(content)
    result = check(content)
    assert result.exit_code == 1
    column = lines[2].index("Deepseek") + 5  # the "s", counted from 1
    assert f"{text.as_posix()}:3:{column}: error: the text differs here from what " \
        in result.output, result.output
    assert "[source-text-changed]" in result.output and "hint: " in result.output
    assert snapshot(content) == before


def test_pages_moved_by_hand_are_an_error(tmp_path: Path) -> None:
    content, _, annotation = added(tmp_path, NOTE)
    starter = annotation.read_text(encoding="utf-8")
    annotation.write_text(starter.replace("pages: [1, 5]", "pages: [1, 4]"), encoding="utf-8")
    result = check(content)
    assert result.exit_code == 1 and "[source-text-changed]" in result.output
    assert "(lines 1, 5)" in result.output


def test_another_extractor_version_is_a_warning_that_says_what_it_gives(
        tmp_path: Path) -> None:
    content, text, annotation = added(tmp_path, PAGE)
    version = installed_version("trafilatura")
    starter = annotation.read_text(encoding="utf-8")
    annotation.write_text(starter.replace(f'version: "{version}"', 'version: "1.0"'),
                          encoding="utf-8")
    same = check(content)
    assert same.exit_code == 1 and ": warning: " in same.output
    assert f"trafilatura 1.0; trafilatura {version} is installed and gives the same " \
        "text" in same.output
    assert f'write `version: "{version}"`' in same.output
    assert run("check", "--content", str(content)).exit_code == 0  # a warning only
    text.write_text(text.read_text(encoding="utf-8") + "A line of my own.\n",
                    encoding="utf-8")
    different = check(content)
    assert "extracts a different text from it; the text was kept as it was" \
        in different.output
    assert "`pip install trafilatura==1.0`" in different.output
    assert "[source-text-changed]" not in different.output


def test_without_its_original_a_text_is_not_checked(tmp_path: Path) -> None:
    content, text, _ = added(tmp_path, PAGE)
    (content / "sources/added.html").unlink()
    text.write_text(text.read_text(encoding="utf-8") + "More.\n", encoding="utf-8")
    assert check(content).exit_code == 0


def test_a_quote_from_a_pdf_says_which_page_it_is_on(tmp_path: Path) -> None:
    content, _, annotation = added(tmp_path, NOTE)
    with annotation.open("a", encoding="utf-8") as handle:
        handle.write('quotes:\n'
                     '  - id: note-stage-not-model\n'
                     '    text: "the price of one stage of the work, not of the model"\n'
                     '  - id: note-512-h800\n'
                     '    text: "cost $294,000 on 512 Nvidia H800 chips"\n')
    out = tmp_path / "out"
    confirm_suggested_dates(content)
    result = run("build", "--strict", "--content", str(content), "--out", str(out))
    assert result.exit_code == 0, result.output
    page = (out / "sources" / "added.md").read_text(encoding="utf-8")
    assert "on 512 Nvidia H800 chips\u201d](#q-note-512-h800) (p.&nbsp;1) |" in page
    assert "not of the model\u201d](#q-note-stage-not-model) (p.&nbsp;2) |" in page
    first, second = page.index("Page 1 of the PDF"), page.index("Page 2 of the PDF")
    assert first < page.index("Research note") < second < page.index("Why the two numbers")


def test_a_page_the_extractor_fails_on_is_refused_not_a_traceback(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def failing(*args: object, **kwargs: object) -> None:
        raise ValueError("malformed markup")

    monkeypatch.setattr(trafilatura, "bare_extraction", failing)
    # Extracted in this process, where the extractor is patched (not in a worker).
    monkeypatch.setattr(starter, "extract_apart", extract)
    content = write_tree(tmp_path / "content", minimal_corpus())
    before = snapshot(content)
    result = run("new", str(PAGE), "--content", str(content))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{PAGE.as_posix()}:1:1: error: the page cannot be read (ValueError: " \
        "malformed markup); nothing was written" in result.output
    assert snapshot(content) == before


def test_an_original_replaced_by_something_unreadable_is_an_error(tmp_path: Path) -> None:
    content, _, _ = added(tmp_path, NOTE)
    original = content / "sources/added.pdf"
    original.write_bytes(make_pdf([[], []]))  # a scan now: no text layer
    result = check(content)
    assert result.exit_code == 1, result.output
    assert f"{original.as_posix()}: error: pypdf {installed_version('pypdf')} no longer " \
        "finds the text of" in result.output and "has no text layer" in result.output
    assert "[source-text-changed]" in result.output


# --- the language a page or PDF declares -------------------------------------------------------

def page_in(lang: str) -> bytes:
    """The sample page with `lang` as its `<html lang>`."""
    return PAGE.read_bytes().replace(b'<html lang="en">', f"<html {lang}>".encode(), 1)


def new_starter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, data: bytes,
                theme: str = "theme: {name: mkdocs}") -> tuple[dict[str, object], str]:
    """`briefing new` on `data`, in a project whose mkdocs.yml has `theme`; the starter
    read by YAML and as written. The project still checks clean, with every check fatal,
    once its suggested date is checked."""
    write_tree(tmp_path, {"mkdocs.yml": f"site_name: t\n{theme}\nplugins:\n  - briefing:\n"
                                        "      content_dir: content\n"
                                        "markdown_extensions: [attr_list]\n",
                          name: data})
    write_tree(tmp_path / "content", minimal_corpus())
    monkeypatch.chdir(tmp_path)  # the project's mkdocs.yml, not the repository's
    result = run("new", name, "--id", "added")
    assert result.exit_code == 0, result.output
    written = (tmp_path / "content/sources/added.yml").read_text(encoding="utf-8")
    confirm_suggested_dates(tmp_path / "content")
    checked = run("check", "--strict")
    assert checked.exit_code == 0, checked.output
    return yaml.safe_load(written), written


def test_a_page_in_another_language_than_the_sites_is_given_its_language(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    starter, written = new_starter(tmp_path, monkeypatch, "page.html", page_in('lang="sv"'))
    assert starter["language"] == "sv"
    assert "# SUGGESTION: the page declares it is in sv (its <html lang>), not in the " \
        "site's\n# language, en; check it against the article.\nlanguage: \"sv\"\n" in written
    # Where a curator looks for it: after the metadata, before the date.
    assert written.index("url: ") < written.index("language: ") < written.index("published:")


@pytest.mark.parametrize(("declared", "language"), [
    ('lang="en-GB"', None),  # a region of the site's language is no other language
    ('lang="EN"', None),
    ('lang="zh_tw"', "zh-TW"),  # as Babel writes a locale, in any case
    ('lang="ZH-hant"', "zh-Hant"),
    ('lang="nonsense value"', None),  # not a tag: nothing is suggested
    ('lang=""', None),
    ('xml:lang="de"', "de"),  # XHTML's
    ('lang="fr" xml:lang="de"', "fr"),  # HTML's own wins
])
def test_the_declared_language_is_a_tag_and_only_suggested_when_not_the_sites(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, declared: str, language: str | None
        ) -> None:
    starter, written = new_starter(tmp_path, monkeypatch, "page.html", page_in(declared))
    assert starter.get("language") == language
    assert ("declares it is in" in written) == (language is not None)


@pytest.mark.parametrize("theme", [
    "theme: {name: mkdocs, locale: de}", "theme: {name: mkdocs, locale: de_AT}",
    "theme:\n  name: material\n  language: de",
])
def test_a_page_in_the_sites_own_language_is_given_none(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, theme: str) -> None:
    starter, _ = new_starter(tmp_path, monkeypatch, "page.html", page_in('lang="de-DE"'),
                             theme)
    assert "language" not in starter


@pytest.mark.parametrize(("theme", "declared"), [
    ("theme: {name: mkdocs, locale: es}", "es-MX"),  # "1,500" is 1.5 in Spain's Spanish
    ("theme: {name: mkdocs, locale: de}", "de-CH"),  # "16'000" in Swiss German
    ("theme: {name: mkdocs, locale: pt}", "pt-PT"),  # "1 500" where Brazil writes "1.500"
])
def test_a_region_that_writes_numbers_otherwise_is_given_its_language(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, theme: str, declared: str) -> None:
    """The same language, but not the same numbers: a quote's "1,500" must be read as its
    source's region writes it."""
    starter, written = new_starter(tmp_path, monkeypatch, "page.html",
                                   page_in(f'lang="{declared}"'), theme)
    assert starter["language"] == declared
    site = theme.split("locale: ")[1].rstrip("}").replace("_", "-")
    assert (f"# SUGGESTION: the page declares it is in {declared} (its <html lang>), whose "
            f"numbers are\n# written otherwise than in the site's, {site} (separators or "
            "scale words); check it against the article.\n") in written


def test_an_english_page_on_a_german_site_is_given_its_language(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    starter, written = new_starter(tmp_path, monkeypatch, "page.html", page_in('lang="en"'),
                                   "theme: {name: mkdocs, locale: de}")
    assert starter["language"] == "en"
    assert "not in the site's\n# language, de;" in written


@pytest.mark.parametrize(("lang", "declared", "language"), [
    ("sv-SE", "sv-SE", "sv-SE"), ("en-US", "en-US", None), ("nonsense value", "", None),
    (None, "", None)])
def test_a_pdf_is_given_the_language_its_catalog_declares(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str | None, declared: str,
        language: str | None) -> None:
    pdf = make_pdf(NOTE_PAGES, NOTE_INFO, lang=lang)
    assert extract("pdf", pdf).facts.language == declared
    starter, written = new_starter(tmp_path, monkeypatch, "note.pdf", pdf)
    assert starter.get("language") == language
    if language:
        assert f"# SUGGESTION: the PDF declares it is in {language} (its /Lang)" in written


def test_a_text_file_is_given_no_language(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing declares a text file's language, and it is not guessed from the words."""
    swedish = ("Regeringen höjer priset\n\nRegeringen meddelade i dag att priset på "
               "vidgetar höjs med fem procent från och med nästa månad, enligt ett "
               "pressmeddelande.\n")
    starter, written = new_starter(tmp_path, monkeypatch, "artikel.txt", swedish.encode())
    assert "language" not in starter
    # But the curator is told the field exists, and what it changes, where it goes.
    assert "# In another language than the site's (en)? Say which, with a tag " \
        "(`language: de`):\n" in written
    assert written.index("title: ") < written.index("(`language: de`)") \
        < written.index("`published` is left out")
