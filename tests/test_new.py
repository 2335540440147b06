"""`briefing new FILE`: the article copied byte for byte, a starter annotation that passes
`briefing check`, never an overwrite, and rule-based suggestions worth reviewing."""

from __future__ import annotations

import os
import shutil
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from corpus_helpers import (
    ENTITIES_YML,
    REPO,
    SEED,
    confirm_suggested_dates,
    hang_guard,
    minimal_corpus,
    snapshot,
    write_tree,
)

from briefing import starter, suggest, writtendates
from briefing.cli import main
from briefing.emit import Unwritable
from briefing.load import MAX_TEXT_BYTES, load
from briefing.model import QUALIFIERS, Corpus
from briefing.starter import MAX_ORIGINAL_BYTES
from briefing.validate import validate

ARTICLE = (
    "Acme Corp raises the price of its widget\n"
    "\n"
    "Published 15 February 2025. Acme Corp says its widget costs $5 million, up from "
    "about $4 million.\n"
    "\u201cThe widget is overpriced,\u201d said Jane Doe, who follows Acme for Zenith "
    "Research.\n"
)


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def corpus_in(tmp_path: Path) -> Path:
    """The minimal corpus, with mkdocs.yml and the source schema beside it."""
    write_tree(tmp_path, {"mkdocs.yml": "site_name: t\nplugins:\n  - briefing:\n"
                                        "      content_dir: content\n"
                                        "markdown_extensions: [attr_list]\n"})
    (tmp_path / "schemas").mkdir()
    shutil.copy(REPO / "schemas/source.schema.json", tmp_path / "schemas")
    return write_tree(tmp_path / "content", minimal_corpus())


def corpus_of(content: Path) -> Corpus:
    return validate(load(content)).corpus


def uncomment_quotes(starter_text: str) -> str:
    """The starter with its suggested `quotes:` block uncommented, as a curator would."""
    out, inside = [], False
    for line in starter_text.split("\n"):
        if line == "# quotes:":
            inside = True
        elif inside and not line.startswith("#  "):
            inside = False
        out.append(line[2:] if inside else line)
    return "\n".join(out)


# --- the command ---------------------------------------------------------------------------

def test_copies_the_article_byte_for_byte_and_writes_a_starter_that_checks(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = corpus_in(tmp_path)
    monkeypatch.chdir(tmp_path)
    raw = b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode("utf-8")
    (tmp_path / "article.txt").write_bytes(raw)
    result = run("new", "article.txt")
    assert result.exit_code == 0, result.output
    new_id = "2025-02-15-acme-corp-raises-price-of-its-widget"
    text_path = content / "sources" / f"{new_id}.txt"
    yaml_path = content / "sources" / f"{new_id}.yml"
    assert text_path.read_bytes() == raw
    assert f"wrote content/sources/{new_id}.yml" in result.output
    assert "briefing check" in result.output
    assert "2 quotes" in result.output and "1 new name," in result.output
    starter_text = yaml_path.read_text(encoding="utf-8")
    first = starter_text.split("\n")[0]
    assert first == "# yaml-language-server: $schema=../../schemas/source.schema.json"
    assert (yaml_path.parent / first.split("=", 1)[1]).resolve() == \
        (tmp_path / "schemas/source.schema.json").resolve()
    check = run("check")
    assert check.exit_code == 0 and "0 errors" in check.output, check.output
    # Its date, suggested, is marked unchecked: published so, readers would see its basis.
    assert "[date-unconfirmed]" in check.output
    # The live fields are the suggestions, marked as such.
    data = yaml.safe_load(starter_text)
    assert data["title"] == "Acme Corp raises the price of its widget"
    assert data["published"]["date"] == "2025-02-15" and data["published"]["inferred"]
    assert "15 February 2025" in data["published"]["basis"]
    # Uncommented as they stand, the suggested quotes anchor and name known ids.
    yaml_path.write_text(uncomment_quotes(starter_text), encoding="utf-8")
    confirm_suggested_dates(tmp_path / "content")
    check = run("check", "--strict")
    assert check.exit_code == 0, check.output
    passage, quote = yaml.safe_load(yaml_path.read_text(encoding="utf-8"))["quotes"]
    assert passage["reports"] == ["widget-cost-5m"] and passage["speaker"] == "acme"
    assert quote["text"] == "The widget is overpriced" and quote["speaker"] == "jane-doe"


def test_next_names_the_briefing_beside_python_when_it_is_not_on_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run as `.venv/bin/briefing new`, without the environment activated, a bare
    `briefing check` would fail or run another Briefing: `new` names the one it is, as
    `init` names its MkDocs."""
    corpus_in(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setenv("PATH", "")
    result = run("new", "article.txt")
    assert result.exit_code == 0, result.output
    beside = (Path(sys.executable).parent / "briefing").as_posix()
    assert f"then run `{beside} check`" in result.output, result.output


def test_a_source_without_quotes_checks_clean_even_when_strict(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus_in(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plain.txt").write_text("Nothing quotable happened today at all\n")
    assert run("new", "plain.txt").exit_code == 0
    assert (tmp_path / "content/sources/nothing-quotable-happened-today-at-all.yml").is_file()
    check = run("check", "--strict")
    assert check.exit_code == 0 and "warning" not in check.output, check.output


@pytest.mark.parametrize(("text", "expected"), [
    ("Widget prices climb\nOn February 15, 2025, prices rose.\n", "2025-02-15-widget-prices-climb"),
    ("date 2025-02-15 Widget prices climb again\n", "2025-02-15-widget-prices-climb-again"),
    ("Widget prices climb\nPrices rose in February 2025.\n", "widget-prices-climb"),
    ("Widget prices climb\n", "widget-prices-climb"),
    ("Index\n", "index-source"),
    # A dateline is passed over for the headline; a label's full stop is not kept.
    ("Marlow Gazette, 12 February 2025\n\nEastbridge repair vote delayed\n",
     "2025-02-12-eastbridge-repair-vote-delayed"),
    ("Published 15 February 2025. Acme raises widget price\n",
     "2025-02-15-acme-raises-widget-price"),
    # An outlet's name of any length: the dateline is the outlet's, not the headline.
    ("Northern Energy Post, 14 April 2025\n\nOffshore wind farm delayed by two years\n",
     "2025-04-14-offshore-wind-farm-delayed-by-two-years"),
    # Datelines of the German and French press, their month names read through CLDR.
    ("Lindenau, 4. März 2025\n\nKraftwerk soll schließen\n",
     "2025-03-04-kraftwerk-soll-schliessen"),
    ("SAINT-AUBIN, le 12 mars 2025\n\nL'usine de Saint-Aubin menacée\n",
     "2025-03-12-lusine-de-saint-aubin-menacee"),
])
def test_the_id_comes_from_the_date_and_title(tmp_path: Path, text: str, expected: str) -> None:
    content = write_tree(tmp_path / "content", minimal_corpus())
    (tmp_path / "a.txt").write_text(text)
    result = run("new", str(tmp_path / "a.txt"), "--content", str(content))
    assert result.exit_code == 0, result.output
    assert (content / "sources" / f"{expected}.txt").read_text() == text


def _starter_of(tmp_path: Path, article: str) -> tuple[Path, str]:
    """The content folder and the starter `briefing new` writes for a text file dated 14
    April 2025."""
    content = write_tree(tmp_path / "content", minimal_corpus())
    (tmp_path / "a.txt").write_text(article)
    assert run("new", str(tmp_path / "a.txt"), "--content", str(content)).exit_code == 0
    return content, next((content / "sources").glob("2025-04-14-*.yml")).read_text()


def test_the_starter_says_which_line_the_title_came_from(tmp_path: Path) -> None:
    _, starter_text = _starter_of(tmp_path, "Northern Energy Post, 14 April 2025\n\n"
                                  "Offshore wind farm delayed by two years\n")
    assert "# SUGGESTION: line 3 of the article, after a dateline; replace it with the " \
        "real headline.\ntitle: \"Offshore wind farm delayed by two years\"\n" in starter_text


@pytest.mark.parametrize(("text", "author"), [
    # A line near the top that is only a byline names the author.
    ("Harbour board backs hybrid ferry\nBy Mira Castell\n\nThe board voted.\n",
     "Mira Castell"),
    ("By Mira Castell\nHarbour board backs hybrid ferry\n", "Mira Castell"),
    ("Harbour board backs hybrid ferry\n\nBy Mira Castell and Tom Brennan\n",
     "Mira Castell and Tom Brennan"),
    ("Harbour board backs hybrid ferry\nBy Mira Castell, Harbour Ledger\n", "Mira Castell"),
    ("Harbour board backs hybrid ferry\nBy Jan van der Berg.\n", "Jan van der Berg"),
    # Anything else is no byline, or too far down.
    ("Harbour board backs hybrid ferry\nBy Reuters\n", None),
    ("By Christmas, prices will double\n", None),
    ("By Christmas Prices Will Double\n", None),
    ("By Monday Morning\n", None),
    ("Harbour board backs hybrid ferry\nBy Jane Doe, energy correspondent\n", None),
    ("Harbour board backs hybrid ferry\nBy Mira Castell on 3 March\n", None),
    ("Harbour board backs hybrid ferry\nWritten by Mira Castell\n", None),
    ("Harbour board backs hybrid ferry\nThe board voted by Mira Castell's count.\n", None),
    ("One.\nTwo.\nThree.\nFour.\nFive.\nBy Mira Castell\n", None),
    ("Harbour board backs hybrid ferry\nThe board met.\n\n\"By Mira Castell\", it said.\n",
     None),
])
def test_the_author_of_a_byline(text: str, author: str | None) -> None:
    found = suggest.find_byline(text)
    assert (found.author if found else None) == author


def test_a_text_files_byline_is_suggested_as_its_author(tmp_path: Path) -> None:
    content, starter_text = _starter_of(tmp_path, "Harbour board backs hybrid ferry\n"
                                        "By Mira Castell\n\nThe board voted on 14 April 2025.\n")
    assert "# SUGGESTION: the byline on line 2, 'By Mira Castell'; check it against the " \
        "article.\nauthor: \"Mira Castell\"\n" in starter_text
    check = run("check", "--content", str(content))
    assert check.exit_code == 0 and "0 errors" in check.output, check.output


@pytest.mark.parametrize(("text", "language", "slug"), [
    ("Kraftwerk soll schließen", "", "kraftwerk-soll-schliessen"),
    ("Ærø and Łódź, Søren Kierkegaard", "", "aero-and-lodz-soren-kierkegaard"),
    # A German text spells its umlauts as German does without them (ä, ö, ü as ae, oe,
    # ue; ß as ss), in any of its regions and whether a mark is composed or not ...
    ("Bürgermeister von Österreich", "de", "buergermeister-von-oesterreich"),
    ("ÖBB-Ärger: Straße gesperrt", "de-AT", "oebb-aerger-strasse-gesperrt"),
    ("Bu\u0308rgermeister", "de-CH", "buergermeister"),
    # ... and any other language drops the marks, as before.
    ("Bürgermeister von Österreich", "", "burgermeister-von-osterreich"),
    ("Bürgermeister von Österreich", "en", "burgermeister-von-osterreich"),
    ("Müller de Zürich", "fr", "muller-de-zurich"),
])
def test_letters_without_a_decomposition_keep_a_spelling(text: str, language: str,
                                                         slug: str) -> None:
    assert suggest.slugify(text, language=language) == slug
    assert suggest.is_valid_id(slug)


def test_a_long_title_makes_an_id_cut_on_a_word_boundary() -> None:
    title = "Widget " * 5 + "prices climb sharply as regulators weigh new rules for makers"
    date = suggest.DateFound("2025-02-15", "2025-02-15", suggest.Sentence("", 1))
    new_id = suggest.source_id(title, date)
    assert len(new_id) <= suggest.ID_MAX_LEN
    assert new_id.startswith("2025-02-15-widget-widget")
    assert f"{new_id[11:]}-" in suggest.slugify(title, 200) + "-"


def test_id_option_overrides_and_a_bad_id_is_a_usage_error(tmp_path: Path) -> None:
    content = write_tree(tmp_path / "content", minimal_corpus())
    (tmp_path / "a.txt").write_text(ARTICLE)
    before = snapshot(content)
    for bad in ("Acme_Widget", "index", "-acme"):
        result = run("new", str(tmp_path / "a.txt"), "--content", str(content), "--id", bad)
        assert result.exit_code == 2, (bad, result.output)
        assert "--id" in result.output and repr(bad) in result.output
    assert "'acme-widget'" in run("new", str(tmp_path / "a.txt"), "--content", str(content),
                                  "--id", "Acme_Widget").output
    assert snapshot(content) == before
    result = run("new", str(tmp_path / "a.txt"), "--content", str(content), "--id", "acme-2")
    assert result.exit_code == 0, result.output
    assert (content / "sources/acme-2.txt").read_text() == ARTICLE


@pytest.mark.parametrize("existing", ["txt", "yml"])
def test_never_overwrites(tmp_path: Path, existing: str) -> None:
    content = write_tree(tmp_path / "content", minimal_corpus())
    (tmp_path / "a.txt").write_text(ARTICLE)
    write_tree(content, {f"sources/mine.{existing}": "the curator's own work\n"})
    before = snapshot(content)
    result = run("new", str(tmp_path / "a.txt"), "--content", str(content), "--id", "mine")
    assert result.exit_code == 1
    assert f"sources/mine.{existing}: error: already exists" in result.output
    assert "pass --id" in result.output
    assert snapshot(content) == before


def test_writes_nothing_through_a_sources_folder_linked_out_of_the_content(
        tmp_path: Path) -> None:
    """The build refuses a link out of the content folder; `new` writes nothing there."""
    content = write_tree(tmp_path / "content", {"claims.yml": "claims: []\n"})
    (tmp_path / "elsewhere").mkdir()
    (content / "sources").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = run("new", str(tmp_path / "a.txt"), "--content", str(content))
    assert result.exit_code == 1, result.output
    assert f"{content.as_posix()}/sources: error: is a link out of the content folder" \
        in result.output
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_writes_nothing_through_a_content_folder_that_is_a_link(tmp_path: Path) -> None:
    """A change can commit `content` as a link to any folder of the machine: the build
    reads nothing through it (`content-symlink-outside`), and `new` writes nothing there,
    not even the `sources` folder."""
    elsewhere = write_tree(tmp_path / "elsewhere", {"claims.yml": "claims: []\n"})
    content = tmp_path / "project" / "content"
    content.parent.mkdir()
    content.symlink_to(elsewhere, target_is_directory=True)
    (tmp_path / "a.txt").write_text(ARTICLE)
    before = snapshot(elsewhere)
    result = run("new", str(tmp_path / "a.txt"), "--content", str(content))
    assert result.exit_code == 1, result.output
    assert f"{content.as_posix()}: error: the content folder is a link" in result.output
    assert "[content-symlink-outside]" in result.output and "hint: make it a folder" \
        in result.output
    assert snapshot(elsewhere) == before


@pytest.mark.parametrize(("content_rel", "blocker", "message"), [
    ("content", "content/sources", "this is a file, not a folder"),
    ("notes.md", "notes.md", "notes.md is a file, so no folder can be made inside it"),
])
def test_a_file_where_a_folder_is_needed_is_named_not_a_traceback(
        tmp_path: Path, content_rel: str, blocker: str, message: str) -> None:
    """A file named `sources` in the content folder, or `--content` naming a file."""
    write_tree(tmp_path, {"content/claims.yml": "claims: []\n", blocker: "mine\n",
                          "a.txt": ARTICLE})
    before = snapshot(tmp_path)
    content = tmp_path / content_rel
    result = run("new", str(tmp_path / "a.txt"), "--content", str(content))
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), result.output
    assert f"{(content / 'sources').as_posix()}: error: " in result.output
    assert message in result.output and "hint: move the file away" in result.output
    assert snapshot(tmp_path) == before


def test_the_same_article_again_is_named_as_a_duplicate_not_an_id_taken(
        tmp_path: Path) -> None:
    """Its id is taken too, but "pass --id" would only lead to the duplicate refusal."""
    content = write_tree(tmp_path / "content", minimal_corpus())
    (tmp_path / "a.txt").write_text(ARTICLE)
    assert run("new", str(tmp_path / "a.txt"), "--content", str(content)).exit_code == 0
    again = run("new", str(tmp_path / "a.txt"), "--content", str(content))
    assert again.exit_code == 1
    assert "the article is already in the corpus" in again.output, again.output
    assert "pass --id" not in again.output


def test_refuses_text_that_is_not_utf8(tmp_path: Path) -> None:
    content = write_tree(tmp_path / "content", minimal_corpus())
    (tmp_path / "a.txt").write_bytes(b"Widget prices\nCaf\xe9 owners complain.\n")
    before = snapshot(tmp_path)
    result = run("new", str(tmp_path / "a.txt"), "--content", str(content))
    assert result.exit_code == 1
    assert f"{(tmp_path / 'a.txt').as_posix()}:2:4: error:" in result.output
    assert "text-not-utf8" in result.output and "nothing was written" in result.output
    assert snapshot(tmp_path) == before


WRAPPED_RELEASE = (
    "Harbour dredging delayed\n\n"
    "The harbour board said on Tuesday that the second phase will not\n"
    "begin before a new survey of the mussel beds is complete. The\n"
    "board's chair called the decision a cost-\n"
    "effective pause, and said work could resume in the spring if\n"
    "the survey allows it.\n")


def test_a_hard_wrapped_text_gets_its_paragraphs_joined(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = corpus_in(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "release.txt").write_text(WRAPPED_RELEASE)
    result = run("new", "release.txt", "--id", "harbour")
    assert result.exit_code == 0, result.output
    starter_path = content / "sources/harbour.yml"
    starter_text = starter_path.read_text(encoding="utf-8")
    assert yaml.safe_load(starter_text)["cleaning"] == {"join_wrapped_lines": True}
    assert "# SUGGESTION: the text looks hard-wrapped" in starter_text
    # A quote that runs across two lines anchors, and the starter still checks clean.
    starter_path.write_text(starter_text + "quotes:\n  - id: harbour-phase\n    text: \""
                            "the second phase will not begin before a new survey\"\n")
    check = run("check", "--strict")
    assert check.exit_code == 0, check.output


def test_an_article_with_a_paragraph_per_line_is_left_as_it_is() -> None:
    from briefing.cleaning import looks_hard_wrapped

    assert not looks_hard_wrapped(ARTICLE)
    for seed in sorted((REPO / "tests/fixtures/seed-content/sources").glob("*.txt")):
        assert not looks_hard_wrapped(seed.read_text(encoding="utf-8")), seed.name
    assert looks_hard_wrapped(WRAPPED_RELEASE)


# An e-mailed press release, wrapped at 70 columns: most of its continuation lines start
# with a capital or a digit, so only the steady width shows it is wrapped.
ENERGY_RELEASE = """\
PRESS RELEASE
FOR IMMEDIATE RELEASE

Department for Energy Security and Net Zero, 14 April 2025

Offshore wind round secures 5 GW of new capacity

The Department for Energy Security and Net Zero today confirmed that
11 offshore wind projects will share 5 GW of new capacity in
Allocation Round 7, enough to power up to 1.5 million homes.
Developers bid a strike price of about £58 per megawatt hour.
Construction is due to start in 2026 at Northmoor Array, Kestrel Bank
and Solway Deep. Minister for Energy Sarah Whitcombe said the result
showed Britain remained a leading market for offshore wind.

Each project adds at least 200 MW, and together the projects will
produce an estimated 10 TWh a year. Kestrel Bank will be built by
Harrowgate Renewables. The Crown Estate will lease the seabed, and
National Grid expects to connect all of the sites by 2029. The
Department said the round had cost 12 percent less than the last.

"These projects will bring skilled work to coastal communities from
Shetland to Cornwall," Sarah Whitcombe said at the Offshore Wind
Summit in Aberdeen.

Notes to editors
1. Allocation Round 7 opened on 3 March 2025.
2. Results are published on GOV.UK.
"""


def test_a_press_release_wrapped_before_capitals_gets_whole_names_and_figures(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [line for line in ENERGY_RELEASE.split("\n") if line]
    assert sum(line[0].islower() for line in lines) < 0.2 * len(lines)  # capitals mostly
    content = corpus_in(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "release.txt").write_text(ENERGY_RELEASE, encoding="utf-8")
    result = run("new", "release.txt", "--id", "wind-round")
    assert result.exit_code == 0, result.output
    starter_text = (content / "sources/wind-round.yml").read_text(encoding="utf-8")
    starter_yaml = yaml.safe_load(starter_text)
    assert starter_yaml["cleaning"] == {"join_wrapped_lines": True}
    assert starter_yaml["title"] == "Offshore wind round secures 5 GW of new capacity"

    s = suggest.suggest(ENERGY_RELEASE, corpus_of(content), whole=True)
    names = {e.name: e.sentence.line for e in s.new_names}
    # Whole names, one of them across a line break; no unit, bare institution or role.
    assert {"Department for Energy Security and Net Zero", "Sarah Whitcombe",
            "Northmoor Array", "Harrowgate Renewables", "Crown Estate"} <= set(names)
    assert not set(names) & {"GW", "MW", "TWh", "Department", "Energy Security",
                             "Net Zero", "Energy", "Minister", "Energy Sarah Whitcombe"}
    assert names["Harrowgate Renewables"] == 17  # the line its sentence starts on
    figures = {f.found: (f.value[0], f.unit, f.qualifier) for f in s.figures}
    assert figures["1.5 million homes"] == (Decimal(1_500_000), "homes", "up-to")
    assert figures["5 GW"] == (Decimal(5), "GW", "exactly")
    assert figures["200 MW"] == (Decimal(200), "MW", "at-least")
    assert figures["10 TWh"] == (Decimal(10), "TWh", "about")
    assert "#     unit: homes\n#     qualifier: up-to" in starter_text
    # A quotation across a line break is suggested whole, and anchors once kept.
    (quote,) = s.quotes
    assert quote.text.startswith("These projects") and quote.text.endswith("Cornwall")
    assert (quote.speaker_name, quote.sentence.line) == ("Sarah Whitcombe", 22)
    (content / "sources/wind-round.yml").write_text(uncomment_quotes(starter_text),
                                                     encoding="utf-8")
    confirm_suggested_dates(content)
    check = run("check", "--strict")
    assert check.exit_code == 0, check.output


@pytest.mark.parametrize("folder", ["elsewhere", "content/sources"])
def test_outside_a_briefing_nothing_is_written(tmp_path: Path, folder: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from a folder that holds no briefing (Downloads, or inside content/), it would
    start a content folder no build reads."""
    corpus_in(tmp_path / "project")
    (tmp_path / "a.txt").write_text(ARTICLE)
    where = tmp_path / "project" / folder
    where.mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(where)
    before = snapshot(tmp_path)
    result = run("new", str(tmp_path / "a.txt"))
    assert result.exit_code == 2, result.output
    assert f"no briefing in {where}" in result.output and "briefing init" in result.output
    assert snapshot(tmp_path) == before


def test_refuses_utf16_and_says_so(tmp_path: Path) -> None:
    """As Windows tools save "Unicode", with a byte-order mark; not taken for binary."""
    content = write_tree(tmp_path / "content", minimal_corpus())
    (tmp_path / "a.txt").write_bytes(ARTICLE.encode("utf-16"))
    before = snapshot(tmp_path)
    result = run("new", str(tmp_path / "a.txt"), "--content", str(content))
    assert result.exit_code == 1
    assert f"{(tmp_path / 'a.txt').as_posix()}:1:1: error: the file is UTF-16 text" \
        in result.output
    assert "iconv -f UTF-16 -t UTF-8" in result.output and "binary" not in result.output
    assert snapshot(tmp_path) == before


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    content = write_tree(tmp_path / "content", minimal_corpus())
    before = snapshot(tmp_path)
    missing = run("new", str(tmp_path / "missing.txt"), "--content", str(content))
    assert missing.exit_code == 2 and "does not exist" in missing.output
    assert snapshot(tmp_path) == before


def test_a_web_address_says_nothing_is_fetched(tmp_path: Path) -> None:
    """A newcomer may paste the article's address: say to save the page instead."""
    content = write_tree(tmp_path / "content", minimal_corpus())
    before = snapshot(tmp_path)
    result = run("new", "https://news.example/2025/article.html", "--content", str(content))
    assert result.exit_code == 2
    assert "'https://news.example/2025/article.html' is a web address" in result.output
    assert "fetches nothing" in result.output and "Save the page" in result.output
    assert snapshot(tmp_path) == before


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _sized(path: Path, size: int) -> Path:
    with path.open("wb") as handle:  # sparse: no real 50 MB written
        handle.truncate(size)
    return path


def _long_text(path: Path, size: int) -> Path:
    path.write_bytes(b"word " * (size // 5) + b"w" * (size % 5))
    return path


def _unreadable(path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # As root, chmod 000 is no obstacle; the refusal is the one the OS error gives.
    path.write_text(ARTICLE)
    real_open = os.open

    def denied(file: object, flags: int, *args: object, **kwargs: object) -> int:
        if Path(str(file)) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", denied)
    return path


REFUSALS = {
    "empty": (lambda p, _: _text(p, ""), "holds no text"),
    "white space only": (lambda p, _: _text(p, " \t\n\u00a0\u3000\n\u2028\r\n"),
                         "holds no text"),
    "invisible characters only": (lambda p, _: _text(p, "\ufeff\u200b\n\u2060\u00ad\n"),
                                  "holds no text"),
    "larger than the cap": (lambda p, _: _long_text(p, MAX_TEXT_BYTES + 1),
                            "larger than 5,000,000"),
    "larger than an original may be": (lambda p, _: _sized(p, MAX_ORIGINAL_BYTES + 1),
                                       "larger than 50,000,000"),
    "a folder": (lambda p, _: _mkdir(p), "this is a folder, not a file"),
    "a FIFO": (lambda p, _: _fifo(p), "this is a named pipe (FIFO), not a file"),
    "a symlink to /dev/zero": (lambda p, _: _link(p, Path("/dev/zero")),
                               "this is a character device, not a file"),
    "unreadable": (_unreadable, "cannot be read: Permission denied"),
}


def _text(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


def _link(path: Path, target: Path) -> Path:
    if not target.exists():
        pytest.skip(f"{target} does not exist here")
    path.symlink_to(target)
    return path


@pytest.mark.parametrize("case", REFUSALS, ids=list(REFUSALS))
def test_refuses_what_is_not_an_article_before_reading_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    content = write_tree(tmp_path / "content", minimal_corpus())
    make, message = REFUSALS[case]
    article = make(tmp_path / "article.txt", monkeypatch)
    before = snapshot(content)
    with hang_guard(60):
        result = run("new", str(article), "--content", str(content))
    assert result.exit_code == 1, result.output
    assert f"{article.as_posix()}: error: " in result.output and message in result.output
    assert "    hint: " in result.output and "Traceback" not in result.output
    assert snapshot(content) == before


def test_the_device_zero_is_refused_without_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    monkeypatch.setattr(os, "open", lambda *a, **k: pytest.fail("opened a device"))
    with pytest.raises(starter.Refused, match="character device"):
        starter.read_article(Path("/dev/zero"))


def test_the_article_is_read_with_a_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                       ) -> None:
    data = b"word " * (MAX_TEXT_BYTES // 5)
    monkeypatch.setattr(starter, "MAX_ORIGINAL_BYTES", len(data))
    assert starter.read_article(_text(tmp_path / "a.txt", data.decode())) == data
    with pytest.raises(starter.Refused, match="larger than"):
        starter.read_article(_text(tmp_path / "b.txt", data.decode() + "x"))


def test_a_failed_annotation_write_removes_only_the_article_copy(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = write_tree(tmp_path / "content", minimal_corpus())
    before = snapshot(content)
    real_open = Path.open

    def failing_open(self: Path, mode: str = "r", *args: object, **kwargs: object) -> object:
        if self.suffix == ".yml" and "x" in mode:
            raise OSError(28, "No space left on device")
        return real_open(self, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", failing_open)
    with pytest.raises(Unwritable, match="No space"):
        starter.write_source(content, "acme-2", b"text\n", "title: t\n")
    (tmp_path / "a.txt").write_text(ARTICLE)
    full = run("new", str(tmp_path / "a.txt"), "--content", str(content))
    assert full.exit_code == 1 and isinstance(full.exception, SystemExit), full.output
    assert (f"{(content / 'sources').as_posix()}: error: cannot be written: No space left "
            "on device; nothing was written\n    hint: free some space") in full.output
    monkeypatch.undo()
    assert snapshot(content) == before
    # A file that appears between the check and the write is left alone too.
    write_tree(content, {"sources/acme-3.yml": "title: mine\n"})
    with pytest.raises(starter.Refused, match="already exists"):
        starter.write_source(content, "acme-3", b"text\n", "title: t\n")
    assert not (content / "sources/acme-3.txt").exists()
    assert (content / "sources/acme-3.yml").read_text() == "title: mine\n"


def test_schema_comment_is_relative_to_the_file() -> None:
    root = Path("/project")
    assert starter.schema_comment("source", root / "content/sources/a.yml", root) == \
        "# yaml-language-server: $schema=../../schemas/source.schema.json"
    assert starter.schema_comment("claims", root / "content/claims.yml", root) == \
        "# yaml-language-server: $schema=../schemas/claims.schema.json"
    assert starter.schema_comment("brief", root / "content/briefs/b.yml", root).endswith(
        "=../../schemas/brief.schema.json")


# --- the suggestions ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "date"), [
    ("It happened on 15 February 2025.", "2025-02-15"),
    ("It happened on 3rd Feb. 2025.", "2025-02-03"),
    ("It happened on February 15, 2025.", "2025-02-15"),
    ("It happened on Sept 9 2024.", "2024-09-09"),
    ("Updated 2025-02-15 at noon.", "2025-02-15"),
    ("It happened in January 2025.", "2025-01"),
    # The full month names of other languages' press, from CLDR.
    ("Lindenau, 4. März 2025. Die Stadtwerke", "2025-03-04"),
    ("Eine Entscheidung wird für den 12. Mai 2025 erwartet.", "2025-05-12"),
    ("SAINT-AUBIN, le 12 mars 2025 \u2013 Les Papeteries", "2025-03-12"),
    ("Le 1er août 2024, la grève a commencé.", "2024-08-01"),
    ("Février 2025 a été froid.", "2025-02"),
    ("Madrid, 4 de marzo de 2025. El Gobierno", "2025-03-04"),
    ("Lisboa, 4 de março de 2025.", "2025-03-04"),
    # The Portuguese first of a month, an ordinal ("1.º" in Portugal).
    ("A obra começa em 1º de abril de 2025.", "2025-04-01"),
    ("A obra começa a 1.º de abril de 2025.", "2025-04-01"),
    ("A obra começa em 1° de abril de 2025.", "2025-04-01"),
    ("Roma, 4 marzo 2025.", "2025-03-04"),
    # The first of a month as an ordinal: the Italian "1°", the Portuguese "1º".
    ("La linea chiuderà dal 1° aprile 2025 per lavori.", "2025-04-01"),
    ("Dal 1° gennaio 2026 cambia l'orario.", "2026-01-01"),
    ("A partir de 1º de abril de 2025, a tarifa sobe.", "2025-04-01"),
    ("Amsterdam, 4 maart 2025.", "2025-03-04"),
    # The Austrian press's January.
    ("Wien, 3. Jänner 2025. Die ÖBB", "2025-01-03"),
    ("Bereits im Jänner 2025 hatte ein Gutachten festgestellt", "2025-01"),
])
def test_dates_in_common_forms(text: str, date: str) -> None:
    (found,) = suggest.find_dates(text)
    assert found.date == date and found.sentence.line == 1


def test_impossible_dates_and_bare_years_are_not_dates() -> None:
    assert suggest.find_dates("On 31 February 2025, in 2024, at 2025-13-01.") == ()


def test_month_names_are_each_one_month_in_every_language_read() -> None:
    # A name that was one month in one language and another in the next would make a
    # date's reading depend on the order the languages are read in.
    from babel.dates import get_month_names
    months: dict[str, set[int]] = {}
    for language in ("en", *writtendates.PRESS_LANGUAGES):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names("wide", context, language).items():
                months.setdefault(name.casefold(), set()).add(number)
    assert {name: found for name, found in months.items() if len(found) > 1} == {}


def test_english_month_names_stay_capitalised_and_abbreviations_english() -> None:
    # "may" is a verb, and Italian or Spanish abbreviations ("set", "ago") are words.
    assert suggest.find_dates("Prices may 2025 rise; the set 2025 record; ago 2025.") == ()


@pytest.mark.parametrize(("text", "value", "unit", "qualifier"), [
    ("It cost $6 million.", ("6000000", "6000000"), "USD", "exactly"),
    ("It cost under US$5.6m to build.", ("5600000", "5600000"), "USD", "under"),
    ("Fines reached €1.2bn.", ("1200000000", "1200000000"), "EUR", "exactly"),
    ("Sales were about £300k.", ("300000", "300000"), "GBP", "about"),
    ("It spent $80 million to $100 million.", ("80000000", "100000000"), "USD", "exactly"),
    ("It spent $80-100 million.", ("80000000", "100000000"), "USD", "exactly"),
    ("Shares fell 17%.", ("17", "17"), "percent", "exactly"),
    ("Shares fell nearly 17 percent.", ("17", "17"), "percent", "about"),
    ("It used 10,000 Nvidia A100 GPUs.", ("10000", "10000"), "GPUs", "exactly"),
    ("It used more than 2,000 chips.", ("2000", "2000"), "chips", "over"),
    ("Clusters of 16,000 chips or more.", ("16000", "16000"), "chips", "at-least"),
    ("It has 671 billion parameters.", ("671000000000", "671000000000"), "parameters",
     "exactly"),
    ("The 671B model is open.", ("671000000000", "671000000000"), "parameters", "exactly"),
    ("It serves up to 5 million users.", ("5000000", "5000000"), "users", "up-to"),
    ("It has 50,000 GPUs.", ("50000", "50000"), "GPUs", "exactly"),
    ("Training took 80 hours.", ("80", "80"), "hours", "exactly"),
    ("An 80-hour run.", ("80", "80"), "hours", "exactly"),
    ("It was built in just two months.", ("2", "2"), "months", "exactly"),
    ("Twenty days later it shipped.", ("20", "20"), "days", "exactly"),
    ("It took about 3 weeks.", ("3", "3"), "weeks", "about"),
    ("It bought 10,000 A100s.", ("10000", "10000"), "A100s", "exactly"),
    # A scale word and the plain noun after it; units of energy and power.
    ("It will power up to 1.5 million homes.", ("1500000", "1500000"), "homes", "up-to"),
    ("It planted nearly 2 billion trees.", ("2000000000", "2000000000"), "trees", "about"),
    # A currency after the scale word is its code, as the build wants the unit written
    # (`figure-unit-currency`); "pounds" only where they are money.
    ("The deal is worth 3 billion euros.", ("3000000000", "3000000000"), "EUR", "exactly"),
    ("The plant will cost 5 million yuan.", ("5000000", "5000000"), "CNY", "exactly"),
    ("It raised about 5 million dollars.", ("5000000", "5000000"), "USD", "about"),
    ("It cost 40 million pounds.", ("40000000", "40000000"), "GBP", "exactly"),
    ("It recalled 2 million pounds of beef.", ("2000000", "2000000"), "pounds", "exactly"),
    ("The round secured 5 GW.", ("5", "5"), "GW", "exactly"),
    ("Each adds at least 200 MW.", ("200", "200"), "MW", "at-least"),
    ("They make an estimated 10 TWh a year.", ("10", "10"), "TWh", "about"),
    # "exceed" in any form is "over"; denied, "up to".
    ("The cost would exceed $350 million.", ("350000000", "350000000"), "USD", "over"),
    ("The cost exceeded $350 million.", ("350000000", "350000000"), "USD", "over"),
    ("The cost, exceeding $350 million, rose.", ("350000000", "350000000"), "USD", "over"),
    ("The cost will not exceed $350 million.", ("350000000", "350000000"), "USD", "up-to"),
    ("The cost hasn't exceeded $350 million.", ("350000000", "350000000"), "USD", "up-to"),
    ("A fine not exceeding $5,000 applies.", ("5000", "5000"), "USD", "up-to"),
])
def test_figures(text: str, value: tuple[str, str], unit: str, qualifier: str) -> None:
    (figure,) = suggest.find_figures(text)
    assert figure.value == (Decimal(value[0]), Decimal(value[1]))
    assert (figure.unit, figure.qualifier) == (unit, qualifier)
    assert figure.qualifier in QUALIFIERS


@pytest.mark.parametrize(("text", "qualifier", "doubted"), [
    # "over" a duration after an amount, or opening the sentence, may be the period the
    # amount is spread over: no qualifier, and a comment saying why.
    ("It will cost $30 million over five years.", "exactly", True),
    ("It grew 20% over two years.", "exactly", True),
    ("It hired 600 workers over 3 years.", "exactly", True),
    ("Over five years, it spent $3m.", "exactly", True),
    # A bound: after "for", "of", "in", "than", "has"; with no amount before; in words
    # that say "more than".
    ("It has over 20 years of experience.", "over", False),
    ("It cost $5m for over five years.", "over", False),
    ("It spent $3m in over five years.", "over", False),
    ("It raised $5m and has over five years of runway.", "over", False),
    ("It cost $5m over more than five years.", "over", False),
    ("Over five years have passed.", "over", False),
    # "across" was never a bound.
    ("It grew 20% across five years.", "exactly", False),
])
def test_over_a_duration_after_an_amount_may_be_a_period(text: str, qualifier: str,
                                                         doubted: bool) -> None:
    (figure,) = [f for f in suggest.find_figures(text) if f.unit == "years"]
    assert figure.qualifier == qualifier
    assert bool(figure.note) == doubted


def test_over_before_a_count_stays_a_bound_and_the_doubt_is_a_comment() -> None:
    figures = suggest.find_figures("It cost $3m and hired over 600 workers over two years.")
    assert [(f.unit, f.qualifier) for f in figures] == [
        ("USD", "exactly"), ("workers", "over"), ("years", "exactly")]
    lines = starter._figures(figures[2:])
    assert "#     # 'over' may mean 'during' here: add `qualifier: over` only if it means " \
        "more than" in lines
    snippet = "\n".join(line[4:] for line in lines if line.startswith("#   ")
                        and not line.lstrip("# ").startswith("line "))
    assert yaml.safe_load(snippet) == [{"metric": "", "value": 2, "unit": "years"}]


def test_figures_skip_years_and_plain_numbers() -> None:
    assert suggest.find_figures("In 2018, 3 of 12 rooms were full; 1.5 times more.") == ()
    assert suggest.find_figures("One day a 3-year-old model, someone said, won.") == ()
    # A scale word before a function word counts nothing named.
    assert suggest.find_figures("It raised 2 billion in total, 3 million of it abroad.") == ()


def test_figure_snippets_are_ready_for_claims_yml() -> None:
    figures = suggest.find_figures("It spent about $80 million to $100 million.")
    lines = starter._figures(figures)
    snippet = "\n".join(line[4:] for line in lines if line.startswith("#   ") and
                        not line.startswith("#   #"))
    (item,) = yaml.safe_load(snippet)
    assert item == {"metric": "", "value": [80000000, 100000000], "unit": "USD",
                    "qualifier": "about"}


@pytest.mark.parametrize(("text", "lines"), [
    ("Nothing to see.", ("published: left out, as no full date is in the text",
                         "0 dates in the text, 0 figures, 0 quotes, 0 known entities, "
                         "0 new names, 0 claims")),
    # One of a kind is named in the singular, "known entity" included; the date taken
    # for `published` is not counted again among the text's dates.
    ('On 3 March 2025 Max Roe told Acme Corp "it costs $7 million".',
     ("published: 2025-03-03, from the text's first full date (line 1)",
      "0 other dates in the text, 1 figure, 1 quote, 1 known entity, 1 new name, "
      "0 claims")),
    ('On 3 March 2025 and 4 March 2025 Max Roe and Tim Poe told Acme Corp and Jane Doe '
     '"it costs $7 million" and "$8 million". It rose in May 2025.',
     ("published: 2025-03-03, from the text's first full date (line 1)",
      "2 other dates in the text, 2 figures, 2 quotes, 2 known entities, 2 new names, "
      "0 claims")),
    # A month alone is no full date: listed, never taken for `published`.
    ("It rose in May 2025.", ("published: left out, as no full date is in the text",
                              "1 date in the text, 0 figures, 0 quotes, 0 known entities, "
                              "0 new names, 0 claims")),
])
def test_the_summary_line_names_one_suggestion_in_the_singular(
        tmp_path: Path, text: str, lines: tuple[str, str]) -> None:
    corpus = corpus_of(write_tree(tmp_path / "c", minimal_corpus()))
    published, found = lines
    assert starter.summary_line(suggest.suggest(text, corpus)) \
        == f"{published}\nsuggestions: {found}"


def _dated_page(date: str, body: str) -> bytes:
    """A saved web page whose metadata gives `date` (none when empty)."""
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    return (f'<html lang="en"><head><title>Dock costs</title>{meta}</head><body><article>'
            f"<h1>Dock costs</h1><p>{body}</p></article></body></html>").encode()


def test_briefing_new_says_a_pages_date_is_from_its_metadata_not_the_text(
        tmp_path: Path) -> None:
    """A page whose text states no date: the summary says `published` came from the
    metadata and that the text gave none, not "0 dates" beside a date it wrote."""
    content = write_tree(tmp_path / "content", minimal_corpus())
    (tmp_path / "page.html").write_bytes(_dated_page(
        "2026-05-13T08:00:00Z", "The council voted on the dock on Tuesday. "
        "The cost could reach $12 million, the report said."))
    result = CliRunner().invoke(main, ["new", str(tmp_path / "page.html"), "--content",
                                       str(content), "--id", "added"])
    assert result.exit_code == 0, result.output
    assert "published: 2026-05-13, from the page's metadata\n" \
           "suggestions: 0 dates in the text, 1 figure," in result.output
    written = yaml.safe_load((content / "sources" / "added.yml").read_text("utf-8"))
    assert str(written["published"]["date"]) == "2026-05-13"


@pytest.mark.parametrize(("article", "published", "dates"), [
    # A page's metadata wins: the text's date is listed beside it, and counted.
    (_dated_page("2026-05-13T08:00:00Z", "On 12 May 2026 the council voted on the dock."),
     "published: 2026-05-13, from the page's metadata", "suggestions: 1 date in the text,"),
    # A text file's first full date is taken, and not counted again.
    (b"Dock vote\n\nOn 12 May 2026 the council voted on the dock.\n",
     "published: 2026-05-12, from the text's first full date (line 3)",
     "suggestions: 0 other dates in the text,"),
])
def test_the_summary_says_where_published_came_from(tmp_path: Path, article: bytes,
                                                     published: str, dates: str) -> None:
    name = "page.html" if article.startswith(b"<") else "article.txt"
    added = starter.prepare(article, name, tmp_path / "content", tmp_path,
                            source_id="added", site_language="en")
    line = starter.summary_line(added.suggestions, added.extracted)
    assert line.startswith(f"{published}\n{dates}"), line
    written = yaml.safe_load(added.starter)["published"]["date"]
    assert str(written) == published.split()[1].rstrip(",")


@pytest.mark.parametrize(("text", "speaker_id", "speaker_name"), [
    ("\u201cThe widget is overpriced,\u201d said Jane Doe.", "jane-doe", None),
    ('"The widget is overpriced," Jane Doe said.', "jane-doe", None),
    ("Acme said \u2018prices will hold\u2019 this year.", "acme", None),
    ("Jane Doe told reporters: 'prices will hold'.", "jane-doe", None),
    ("Prices will hold, it said, 'for a year at least', according to Reuters.", None,
     "Reuters"),
    ('"Prices will hold," said Max Roe, an analyst.', None, "Max Roe"),
    ('Prices "will hold" for now.', None, None),
    # The press of other languages, its marks and its verbs of saying.
    ("\u201eDas Werk bleibt offen\u201c, sagte Max Roe.", None, "Max Roe"),
    ("\u201eDas Werk bleibt offen\u201c, so die Sprecherin von Acme, Jane Doe.", "jane-doe",
     None),
    ("\u00ab Le site reste ouvert \u00bb, a d\u00e9clar\u00e9 Jane Doe.", "jane-doe", None),
    ("\u00abLa planta sigue abierta\u00bb, dijo Max Roe.", None, "Max Roe"),
    # The Italian press's verbs, past and present, after the name or a role.
    ("\u00abNessuno resterà a piedi\u00bb, ha aggiunto Max Roe.", None, "Max Roe"),
    ("\u00abIl costo è alto\u00bb, ha sottolineato il presidente Max Roe.", None, "Max Roe"),
    ("\u00abIl costo è alto\u00bb, afferma Max Roe.", None, "Max Roe"),
    ("\u00abIl costo è alto\u00bb, hanno ribadito Max Roe e altri.", None, "Max Roe"),
    # The French press's verbs, past and present, after the name or a role.
    ("\u00ab Nous serons là \u00bb, a indiqué Max Roe.", None, "Max Roe"),
    ("\u00ab Nous serons là \u00bb, a indiqué le ministre des Transports, Max Roe.", None,
     "Max Roe"),
    ("\u00ab Le coût est élevé \u00bb, a précisé Max Roe.", None, "Max Roe"),
    ("\u00ab Le coût est élevé \u00bb, rappelle Max Roe.", None, "Max Roe"),
    ("\u00ab Le coût est élevé \u00bb, a fait valoir Max Roe.", None, "Max Roe"),
    # "selon", "d'après", "según", "according to" before a role, as a verb is.
    ("\u00ab Le réseau suffit \u00bb, selon le porte-parole d'Hydro-Québec, Max Roe.",
     None, "Max Roe"),
    ("\u00ab Le réseau suffit \u00bb, d'après la ministre de l'Énergie, Max Roe.", None,
     "Max Roe"),
    ("\u00abLa red basta\u00bb, según la portavoz del ministerio, Max Roe.", None,
     "Max Roe"),
    ("\u00ab Le réseau suffit \u00bb, selon le rapport de la Ville, publié hier.", None,
     None),
    ("Le site fermera \u00ab d'ici l'\u00e9t\u00e9 \u00bb, selon Max Roe.", None, "Max Roe"),
    # A role of an organisation, then the person's name: the speaker is the person.
    ('"We have built hybrids before," said Kestrel\'s chief engineer, Priya Nandakumar.',
     None, "Priya Nandakumar"),
    ('"It is fast," said Acme\'s chief engineer Priya Nandakumar.', None, "Priya Nandakumar"),
    ('"It is fast," said Acme\u2019s chief engineer, Jane Doe.', "jane-doe", None),
    ('"It is fast," said Kestrel Marine\'s head of research, Max Roe.', None, "Max Roe"),
    # ... a role in capitals too, even when the organisation is known.
    ('"It is fast," said Acme\'s Chief Executive Jane Doe.', "jane-doe", None),
    ('"It is fast," said Acme\'s Chief Executive Max Roe.', None, "Max Roe"),
    ('"It is fast," said Kestrel\'s Chief Executive, Max Roe.', None, "Max Roe"),
    ('"It is fast," said Acme\'s Chief Financial Officer Max Roe.', None, "Max Roe"),
    ('"It is fast," said Acme\'s Chief Executive Officer Max Roe.', None, "Max Roe"),
    ('"It is fast," said Acme\'s Head of Research Max Roe.', None, "Max Roe"),
    ('"It is fast," said Acme\'s President Max Roe.', None, "Max Roe"),
    ('"It is fast," said Acme\'s former Vice President, Max Roe.', None, "Max Roe"),
    # ... and the organisation when no person is named after its role.
    ('"It is fast," said Kestrel.', None, "Kestrel"),
    ('"It is fast," Kestrel said.', None, "Kestrel"),
    ('"It is fast," said Acme\'s chief engineer.', "acme", None),
    ('"It is fast," said Acme\'s board, which met on Monday.', "acme", None),
    ('"It is fast," said Acme\'s spokesperson, adding that costs would fall.', "acme", None),
    ('"It is fast," said Acme\'s chief engineer on Monday.', "acme", None),
    ('"It is fast," said Acme\'s Chief Executive.', "acme", None),
    ('"It is fast," said Acme\'s Chief Executive Officer.', "acme", None),
    ('"It is fast," said Acme\'s President on Monday.', "acme", None),
    ('"It is fast," said Acme\'s Research Director.', "acme", None),
    # A name after an organisation's possessive, with no role, is left as it was.
    ('"It is fast," said Kestrel\'s Max Roe.', None, "Kestrel's Max Roe"),
])
def test_quotes_and_their_speakers(tmp_path: Path, text: str, speaker_id: str | None,
                                   speaker_name: str | None) -> None:
    entities = corpus_of(write_tree(tmp_path / "c", minimal_corpus())).entities
    (quote,) = suggest.find_quotes(text, entities)
    assert (quote.speaker_id, quote.speaker_name) == (speaker_id, speaker_name)
    assert quote.text in text and quote.text[0] not in "\"'\u201c\u2018"


@pytest.mark.parametrize(("text", "speaker_id", "speaker_name"), [
    # "he said" after a sentence whose subject, the one person it names, says something.
    ('Councillor Tom Brennan said the charging dock would cost more. "The port is quoting '
     'high prices," he said.', None, "Tom Brennan"),
    ('Jane Doe told reporters the dock would cost more. "Prices are high," she said.',
     "jane-doe", None),
    ('Tom Brennan, a councillor, says costs will rise. "Prices are high," said he.', None,
     "Tom Brennan"),
    # Two people, a subject that is no person or not the one named, a sentence between,
    # no "he said": no speaker, as before.
    ('Tom Brennan told Jane Doe the dock would cost more. "Prices are high," he said.',
     None, None),
    ('Tom Brennan told Max Roe the dock would cost more. "Prices are high," he said.',
     None, None),
    ('Tom Brennan and Max Roe said costs would rise. "Prices are high," he said.', None,
     None),
    ('Acme said the dock would cost more. "Prices are high," he said.', None, None),
    ('Acme Corp said the dock would cost more. "Prices are high," he said.', None, None),
    ('The dock would cost more, Tom Brennan said. "Prices are high," he said.', None, None),
    ('Tom Brennan said costs would rise. The vote came. "Prices are high," he said.', None,
     None),
    ('Tom Brennan said costs would rise. "Prices are high," the report said.', None, None),
    ('Tom Brennan said costs would rise. "Prices are high," said Max Roe.', None, "Max Roe"),
])
def test_he_said_after_reported_speech(tmp_path: Path, text: str, speaker_id: str | None,
                                       speaker_name: str | None) -> None:
    entities = corpus_of(write_tree(tmp_path / "c", minimal_corpus())).entities
    (quote,) = suggest.find_quotes(text, entities)
    assert (quote.speaker_id, quote.speaker_name) == (speaker_id, speaker_name)


@pytest.mark.parametrize(("text", "speakers"), [
    # A "he said" opening a paragraph: the one person the paragraph before ends with,
    # quoted or reported.
    ('"It is late," said Tom Brennan.\n\n"Prices are high," he said.',
     [(None, "Tom Brennan"), (None, "Tom Brennan")]),
    ('"It is late," said Jane Doe.\n\n"Prices are high," she said.',
     [("jane-doe", None), ("jane-doe", None)]),
    ('Tom Brennan said the dock would cost more.\n\n"Prices are high," he said.',
     [(None, "Tom Brennan")]),
    ('"It is late," said Tom Brennan.\n"Prices are high," he said.',
     [(None, "Tom Brennan"), (None, "Tom Brennan")]),
    # Not when the paragraph ends otherwise: an organisation or a surname alone
    # speaking, a sentence after the quotation, two people, a heading between, or no
    # "he said".
    ('"It is late," said Acme.\n\n"Prices are high," he said.', [("acme", None), (None, None)]),
    ('"It is late," said Brennan.\n\n"Prices are high," he said.',
     [(None, "Brennan"), (None, None)]),
    ('"It is late," said Tom Brennan. The vote came.\n\n"Prices are high," he said.',
     [(None, "Tom Brennan"), (None, None)]),
    ('Tom Brennan told Max Roe the dock would cost more.\n\n"Prices are high," he said.',
     [(None, None)]),
    ('"It is late," said Tom Brennan.\n\nThe vote\n\n"Prices are high," he said.',
     [(None, "Tom Brennan"), (None, None)]),
    ('"It is late," said Tom Brennan.\n\n"Prices are high," the report said.',
     [(None, "Tom Brennan"), (None, None)]),
    ('"It is late," said Tom Brennan.\n\nThe vote came. "Prices are high," he said.',
     [(None, "Tom Brennan"), (None, None)]),
])
def test_he_said_opening_a_paragraph(tmp_path: Path, text: str,
                                     speakers: list[tuple[str | None, str | None]]) -> None:
    entities = corpus_of(write_tree(tmp_path / "c", minimal_corpus())).entities
    found = suggest.find_quotes(text, entities)
    assert [(q.speaker_id, q.speaker_name) for q in found] == speakers


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Jane Doe, an analyst at a bank, suggested that prices will fall.", "jane-doe"),
    ("Acme says the widget is cheap.", "acme"),
    ("Prices will fall, according to Jane Doe.", "jane-doe"),
    ("Max Roe says prices will fall.", None),
    ("Prices will fall.", None),
])
def test_the_speaker_of_a_passage(tmp_path: Path, sentence: str, speaker: str | None) -> None:
    entities = corpus_of(write_tree(tmp_path / "c", minimal_corpus())).entities
    assert suggest.passage_speaker(sentence, entities) == speaker


def test_apostrophes_are_not_quotation_marks(tmp_path: Path) -> None:
    text = "Acme's price and the makers' costs rose; it's Jane's view."
    assert suggest.find_quotes(text, ()) == ()


def test_a_repeated_quotation_gets_a_prefix_and_ids_stay_unique() -> None:
    text = 'They said "no deal" on Monday. Then "no deal" again.'
    first, second = suggest.find_quotes(text, (), id_prefix="talks", taken={"talks-no-deal"})
    assert first.prefix == 'They said "' and second.prefix.endswith('. Then "')
    assert (first.id, second.id) == ("talks-no-deal-2", "talks-no-deal-3")


def test_known_entities_by_name_and_alias(tmp_path: Path) -> None:
    entities = corpus_of(write_tree(tmp_path / "c", minimal_corpus())).entities
    found = suggest.find_known_entities(
        "Acme Corp grew. Acme hired Jane Doe. Acmeish is not a mention.", entities)
    assert [(e.id, e.count) for e in found] == [("acme", 2), ("jane-doe", 1)]


def test_known_entities_in_plural_and_possessive_forms(tmp_path: Path) -> None:
    content = write_tree(tmp_path / "c", {
        **minimal_corpus(), "entities.yml": ENTITIES_YML + _GADGET})
    entities = corpus_of(content).entities
    text = ("Rivals shipped 512 G7s. Later the firm said Acme's G7s beat the analysts' "
            "forecast, and Jane Doe\u2019s team agreed. G7x is another chip. ACME CORP's "
            "rivals left; ACME did not.")
    found = suggest.find_known_entities(text, entities)
    # Capitals only count for a name of more than four letters: "ACME" is not "Acme".
    assert [(e.id, e.count) for e in found] == [("acme", 2), ("g7", 2), ("jane-doe", 1)]
    assert suggest.find_new_names(text, entities) == ()
    (quote,) = suggest.find_quotes('"It is fast," said Acme\'s chief.', entities)
    assert quote.speaker_id == "acme"


_GADGET = "  - id: g7\n    name: G7\n    kind: chip\n"


def test_new_names_are_capitalised_and_unknown(tmp_path: Path) -> None:
    entities = corpus_of(write_tree(tmp_path / "c", minimal_corpus())).entities
    # A title before a known person is not a new name.
    text = ("Acme Corp hired Max Roe from Zenith Research. However, rivals met in Lyon. "
            "Later Max Roe left. Prices rose on Monday. Then Analyst Jane Doe agreed.")
    found = {e.name: e for e in suggest.find_new_names(text, entities)}
    assert set(found) == {"Max Roe", "Zenith Research", "Lyon"}
    assert found["Max Roe"].count == 2 and found["Max Roe"].id == "max-roe"


@pytest.mark.parametrize(("text", "names", "surnames", "speaker"), [
    # A surname alone after the one full name it ends is that person: the new name's
    # alias, counted with it, and the speaker of its quote.
    ('Lena Marsh, the director, spoke. "We expect 400 bikes," Marsh said.',
     {"Lena Marsh": (2, ("Marsh",))}, (), (None, "Marsh", "lena-marsh")),
    ('"We expect 400 bikes," said Lena Marsh. Later Marsh left.',
     {"Lena Marsh": (2, ("Marsh",))}, (), ("", "", "")),
    # The same after a known person named in full: the speaker is the known id.
    ('Jane Doe, the director, spoke. "We expect 400 bikes," Doe said.', {},
     (("Doe", "jane-doe"),), ("jane-doe", None, "")),
    # The last word of two names, one known or not: either may be meant, as before.
    ('Lena Marsh and Tom Marsh spoke. "We expect 400 bikes," Marsh said.',
     {"Lena Marsh": (1, ()), "Tom Marsh": (1, ()), "Marsh": (1, ())}, (),
     (None, "Marsh", "")),
    ('Jane Doe and Tom Doe spoke. "We expect 400 bikes," Doe said.',
     {"Tom Doe": (1, ()), "Doe": (1, ())}, (), (None, "Doe", "")),
    # Before the full name it may be someone else's; a place's last word is no surname.
    ('"We expect 400 bikes," Marsh said. Then Lena Marsh left.',
     {"Lena Marsh": (1, ()), "Marsh": (1, ())}, (), (None, "Marsh", "")),
    ("It met in Harbor City. Later the City spoke. Later Bank of England spoke. Later "
     "England spoke.", {"Harbor City": (1, ()), "City": (1, ()), "Bank of England": (1, ()),
                        "England": (1, ())}, (), ("", "", "")),
])
def test_a_surname_alone_after_the_full_name_is_that_person(
        tmp_path: Path, text: str, names: dict[str, tuple[int, tuple[str, ...]]],
        surnames: tuple[tuple[str, str], ...], speaker: tuple[str | None, ...]) -> None:
    corpus = corpus_of(write_tree(tmp_path / "c", minimal_corpus()))
    found = suggest.suggest(text, corpus)
    assert {e.name: (e.count, e.aliases) for e in found.new_names} == names
    assert found.surnames == surnames
    if speaker != ("", "", ""):
        (quote,) = found.quotes
        assert (quote.speaker_id, quote.speaker_name, quote.speaker_new) == speaker


@pytest.mark.parametrize(("text", "names", "surnames"), [
    # A sentence's first word is that person's too, when it is the surname alone.
    ("Critics, including Mayor Dan Ortiz, objected. Ortiz said it was too dear.",
     {"Dan Ortiz": (2, ("Ortiz",))}, ()),
    ("Lena Marsh spoke. Marsh's plan passed. Later Marsh left. Marsh, too, agreed.",
     {"Lena Marsh": (4, ("Marsh",))}, ()),
    ("Jane Doe spoke. Doe said it was too dear.", {}, (("Doe", "jane-doe"),)),
    # Before the full name it may be someone else's, as elsewhere in a sentence.
    ("Ortiz said it was too dear. Then Mayor Dan Ortiz left.", {"Dan Ortiz": (1, ())},
     ()),
    ("Doe said it was too dear. Then Jane Doe left.", {}, ()),
    # Counted with the same surname found elsewhere, folded only as that one is.
    ("Later Ortiz objected. Mayor Dan Ortiz spoke. Ortiz said it was too dear.",
     {"Dan Ortiz": (1, ()), "Ortiz": (1, ())}, ()),
    # The last word of two names: either may be meant.
    ("Lena Marsh and Tom Marsh spoke. Marsh said it was too dear.",
     {"Lena Marsh": (1, ()), "Tom Marsh": (1, ())}, ()),
    ("Jane Doe and Tom Doe spoke. Doe said it was too dear.", {"Tom Doe": (1, ())}, ()),
    # A word that goes on into a name is not the surname alone ("Marsh of Kent" is read
    # as Kent, as before).
    ("Lena Marsh spoke. Marsh Lane was closed. Marsh of Kent agreed. Marsh-Smith left.",
     {"Lena Marsh": (1, ()), "Marsh Lane": (1, ()), "Kent": (1, ())}, ()),
    ("Jane Doe spoke. Doe Lane was closed.", {"Doe Lane": (1, ())}, ()),
])
def test_a_surname_alone_opening_a_sentence(
        tmp_path: Path, text: str, names: dict[str, tuple[int, tuple[str, ...]]],
        surnames: tuple[tuple[str, str], ...]) -> None:
    corpus = corpus_of(write_tree(tmp_path / "c", minimal_corpus()))
    found = suggest.suggest(text, corpus)
    assert {e.name: (e.count, e.aliases) for e in found.new_names} == names
    assert found.surnames == surnames


def test_a_common_word_opening_a_sentence_is_no_surname(tmp_path: Path) -> None:
    people = "  - id: theresa-may\n    name: Theresa May\n    kind: person\n"
    corpus = corpus_of(write_tree(tmp_path / "c", {
        **minimal_corpus(), "entities.yml": ENTITIES_YML + people}))
    found = suggest.suggest("Theresa May spoke. May brought rain. So did June.", corpus)
    assert found.surnames == () and found.new_names == ()


def test_a_surname_alone_opening_a_sentence_in_the_starter(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = corpus_in(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bikes.txt").write_text(
        "Harbor City bike-share program to cost $30 million, council says\n\n"
        "Lena Marsh, the transport director, said the program would start in May. "
        '"We expect 400 bikes on the streets by summer," Marsh said.\n\n'
        "Critics, including Mayor Dan Ortiz, called the price too high. Ortiz said the "
        "city could not afford it.\n", encoding="utf-8")
    assert run("new", "bikes.txt").exit_code == 0
    (path,) = (content / "sources").glob("harbor-city-*.yml")
    lines = path.read_text(encoding="utf-8").split("\n")
    for person, surname, line in (("dan-ortiz", "Ortiz", 5), ("lena-marsh", "Marsh", 3)):
        entity = lines[lines.index(f"#   - id: {person}") - 1:]
        assert entity[0] == f"#   # named 2x, first on line {line}, then as '{surname}' " \
            "alone (an alias below)"
        assert entity[3] == f'#     aliases: ["{surname}"]'


def test_a_surname_alone_in_the_starter(tmp_path: Path) -> None:
    corpus = corpus_of(write_tree(tmp_path / "c", minimal_corpus()))
    text = ('Jane Doe and Lena Marsh met. "We expect 400 bikes," Marsh said. "Not yet," '
            "Doe said.\n")
    lines = starter.render_starter("bikes", suggest.suggest(text, corpus), "#").split("\n")
    assert "#     # speaker: lena-marsh  # 'Marsh' alone: add the entity suggested below " \
        "first" in lines
    assert "#     speaker: jane-doe" in lines
    assert any(line.startswith("# 'Doe' alone, after the full name, is taken for jane-doe")
               for line in lines)
    entity = lines[lines.index("#   - id: lena-marsh") - 1:]
    assert entity[0] == "#   # named 2x, first on line 1, then as 'Marsh' alone (an alias " \
        "below)"
    snippet = yaml.safe_load("\n".join(line[4:] for line in entity[1:5]))
    assert snippet == [{"id": "lena-marsh", "name": "Lena Marsh", "aliases": ["Marsh"],
                        "kind": ""}]


def test_claims_the_article_repeats(tmp_path: Path) -> None:
    corpus = corpus_of(write_tree(tmp_path / "c", minimal_corpus()))
    text = ("Widgets are popular.\n"
            "The maker Acme says the widget now costs $5 million, a record.\n"
            "Acme also sells gadgets.\n")
    (claim,) = suggest.find_claims(text, corpus.claims, corpus.entities)
    assert claim.id == "widget-cost-5m" and claim.sentence.line == 2
    assert claim.statement == "Acme Corp says its widget costs $5 million."
    assert suggest.find_claims("Acme sells gadgets and widgets.", corpus.claims,
                               corpus.entities) == ()


@pytest.mark.parametrize(("sentence", "linked", "not_linked"), [
    # Figures decide: 512 chips is the 512-chip claim, never the 2,000-chip one.
    ("The company utilised 512 Nvidia H800 chips to train R1 because of export controls.",
     {"r1-training-512-h800"}, {"r1-trained-on-2000-h800"}),
    ("DeepSeek said it trained R1 on 2,000 Nvidia H800 GPUs.", {"r1-trained-on-2000-h800"},
     {"r1-training-512-h800", "v3-around-2000-chips"}),
    # Without a figure, the key terms do.
    ("DeepSeek also admitted it had used A100s during the preparatory stages of development.",
     {"a100-preparatory-stages"}, set()),
    # A long statement is matched on its key terms: the rest does not dilute them.
    ("Others warn that restricting open-source development in the U.S. would cede ground "
     "to China.", {"stifling-open-source-cedes-ground"}, set()),
    # 2,000 chips are stated by a claim about R1 and by one about V3: the words choose.
    ("It says it achieved comparable results with V3 using only around 2,000 Nvidia chips.",
     {"v3-around-2000-chips"}, {"r1-trained-on-2000-h800"}),
    # The same words with another number of chips: not that claim.
    ("Rivals trained their models on 50,000 Nvidia H800 GPUs.", set(),
     {"r1-trained-on-2000-h800", "r1-training-512-h800"}),
    ("DeepSeek trained R1 using Nvidia H800 GPUs.", {"r1-trained-on-2000-h800"}, set()),
])
def test_claims_are_linked_by_figures_and_key_terms(sentence: str, linked: set[str],
                                                     not_linked: set[str]) -> None:
    corpus = corpus_of(SEED)
    found = {c.id for c in suggest.find_claims(sentence, corpus.claims, corpus.entities)}
    assert linked <= found and not found & not_linked, found
    if not linked:
        assert not found


def test_figures_of_one_kind_compare_across_units() -> None:
    kinds = {unit: suggest.unit_kind(unit) for unit in
             ("chips", "GPUs", "H800s", "A100s", "USD", "hours", "percent", "users")}
    assert kinds == {"chips": "chips", "GPUs": "chips", "H800s": "chips", "A100s": "chips",
                     "USD": "USD", "hours": "hours", "percent": "percent", "users": "user"}


def test_suggestions_still_come_from_a_corpus_with_errors(tmp_path: Path) -> None:
    content = write_tree(tmp_path / "content", minimal_corpus())
    write_tree(content, {"briefs/widget.yml": "title: [broken\n"})
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = run("new", str(tmp_path / "a.txt"), "--content", str(content), "--id", "acme-2")
    assert result.exit_code == 0, result.output
    assert "1 claim\n" in result.output and "2 known entities" in result.output


# --- recall on the seed corpus ---------------------------------------------------------------

@pytest.mark.parametrize("seed", ["deepseek-claims-under-scrutiny", "deepseek-traction-musk-bid"])
def test_recall_on_a_seed_source_taken_out_of_the_corpus(tmp_path: Path, seed: str) -> None:
    shutil.copytree(SEED, tmp_path / "content")
    sources = tmp_path / "content/sources"
    (sources / f"{seed}.txt").rename(tmp_path / "article.txt")
    real = yaml.safe_load((sources / f"{seed}.yml").read_text(encoding="utf-8"))
    (sources / f"{seed}.yml").unlink()
    result = run("new", str(tmp_path / "article.txt"), "--content", str(tmp_path / "content"),
                 "--id", "new-article")
    assert result.exit_code == 0, result.output
    starter_text = (sources / "new-article.yml").read_text(encoding="utf-8")
    quotes = yaml.safe_load(uncomment_quotes(starter_text))["quotes"]

    real_claims = {c for q in real["quotes"] for stance in ("asserts", "reports", "doubts",
                                                            "refutes") for c in q.get(stance, ())}
    suggested_claims = {c for q in quotes for c in q["reports"]}
    found = real_claims & suggested_claims
    assert len(found) >= 0.6 * len(real_claims), (sorted(real_claims - found))
    assert len(suggested_claims - real_claims) <= len(found) / 2

    real_speakers = {q["speaker"] for q in real["quotes"] if "speaker" in q}
    speakers = {q["speaker"] for q in quotes if "speaker" in q}
    assert len(speakers & real_speakers) >= 2
    assert len(speakers & real_speakers) >= 0.66 * len(speakers), speakers - real_speakers
    text = (tmp_path / "article.txt").read_text(encoding="utf-8")
    assert all(q["text"] in text for q in quotes)

    entities = corpus_of(tmp_path / "content").entities
    known = suggest.find_known_entities(text, entities)
    # Every speaker the article names is found (a placeholder for unnamed voices is not).
    named = {e.id for e in entities if any(name in text for name in e.names)}
    assert real_speakers & named <= {e.id for e in known}
    assert len(real_speakers & named) >= 2
    for kind in ("figures", "known entities", "claims"):
        assert f" 0 {kind}" not in result.output


@pytest.mark.parametrize(("text", "roles"), [
    # A role in apposition after a person-like name, or before it with its article, makes
    # it a person's: the role's noun is a person's ...
    ("Jane Doe, the council's treasurer, said so.", {"Jane Doe": "the council's treasurer"}),
    ("Mark Ellis, managing director of Harbour Buses, said so.",
     {"Mark Ellis": "managing director of Harbour Buses", "Harbour Buses": ""}),
    ("The budget passed, said the council's treasurer, Jane Doe.",
     {"Jane Doe": "the council's treasurer"}),
    # ... not an age, a relative clause, an organisation's apposition or a role that is
    # not a person's.
    ("Max Roe, 54, said so.", {"Max Roe": ""}),
    ("Lena Marsh, who backed the leader, said so.", {"Lena Marsh": ""}),
    ("Acme Corp, the chipmaker, said so.", {"Acme Corp": ""}),
    ("Lena Marsh, the new plan, said so.", {"Lena Marsh": ""}),
])
def test_a_role_in_apposition_is_a_persons(text: str, roles: dict[str, str]) -> None:
    """"Jane Doe, the council's treasurer," left the new name's kind empty and its role
    unsaid."""
    names = suggest.with_roles(suggest.find_new_names(text, ()), text)
    assert {e.name: e.role for e in names} == roles


def test_a_role_in_apposition_in_the_starter(tmp_path: Path) -> None:
    corpus = corpus_of(write_tree(tmp_path / "c", minimal_corpus()))
    text = "Nora Quill, the council's treasurer, said the budget was sound.\n"
    lines = starter.render_starter("budget", suggest.suggest(text, corpus), "#").split("\n")
    entity = lines[lines.index("#   - id: nora-quill"):]
    assert yaml.safe_load("\n".join(line[4:] for line in entity[:4])) == [
        {"id": "nora-quill", "name": "Nora Quill", "kind": "person",
         "description": "The council's treasurer."}]
