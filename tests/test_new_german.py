"""`briefing new`'s new names on a German article, where every noun has a capital: the
names a curator would take are offered, ordinary nouns are not, and titles and roles
are left off names (briefing/germannames.py); benchmarks/names.py measures them, and
tests/test_new_romance.py the French, Spanish and Italian ones. `briefing new
--language` says a text file's language, which it never declares, and wins over a
page's."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from corpus_helpers import minimal_corpus, write_tree

from benchmarks import names as measured
from briefing import starter, suggest
from briefing.cli import main
from briefing.germannames import is_role
from briefing.model import Corpus, Entity, Pos

ARTICLE = measured.ARTICLES / "de-brandauer-prognose.txt"
EMPTY = Corpus((), (), (), ())


def german_names(text: str) -> set[str]:
    return {e.name for e in suggest.find_new_names(text, (), language="de")}


def test_the_names_a_curator_wants_are_offered_and_ordinary_nouns_are_not() -> None:
    found = suggest.suggest(ARTICLE.read_text("utf-8"), EMPTY, language="de")
    offered = {e.name for e in found.new_names}
    assert {"Brandauer Halbleiter AG", "Jörg Haberland", "Sabine Krüger", "Aylin Demir",
            "Tobias Renner", "Petra Lindqvist", "Martin Kessler", "Veltaro Systems",
            "Nordpress", "IG Metall", "Hanseatische Privatbank",
            "Verband Deutscher Chiphersteller"} <= offered
    nouns = {"Unternehmen", "Aktie", "Die Aktie", "Chips", "Regierung", "Modell", "Werk",
             "Nachfrage", "Milliarden Euro", "Betriebsrat", "Kaufen", "Halten", "Analyst"}
    assert not offered & nouns
    # No title or role is left on a name, and a surname alone is its person's alias.
    assert not {n for n in offered if n.split()[0] in {"Herr", "Frau", "Konzernchef",
                                                       "Betriebsratschefin", "Laut", "Der"}}
    by_name = {e.name: e for e in found.new_names}
    assert by_name["Jörg Haberland"].aliases == ("Haberland",)
    assert by_name["Petra Lindqvist"].aliases == ("Lindqvist",)


@pytest.mark.parametrize("case", [c for c in measured.cases() if c.language.startswith("de")],
                         ids=lambda c: c.name)
def test_the_measured_precision_and_recall_hold(case: measured.Case) -> None:
    score = measured.score(case)
    assert score.recall == 1.0, score.misses
    assert score.precision >= 0.9, score.wrong


def test_a_quotations_speaker_is_named_without_a_title() -> None:
    found = suggest.suggest(ARTICLE.read_text("utf-8"), EMPTY, language="de")
    speakers = {q.text[:14]: q.speaker_name for q in found.quotes}
    assert speakers["Die Nachfrage "] == "Jörg Haberland"  # "sagte Konzernchef Jörg …"
    assert speakers["Die Beschäftig"] == "Aylin Demir"


@pytest.mark.parametrize(("text", "names"), [
    # The words capitalised at a sentence's or a quotation's start are no part of a name.
    ("Es hieß: „Die Nachfrage sinkt“, sagte Anna Berg.", {"Anna Berg"}),
    # Titles and roles, alone or in a compound, are left off.
    ("Am Montag sagte Herr Altman, US-Präsident Tom Reyes sei informiert.",
     {"Altman", "Tom Reyes"}),
    ("Dann sprach Vorstandschef Sam Altman mit Firmenchefin Lea Roth.",
     {"Sam Altman", "Lea Roth"}),
    # A word alone needs a sign of a name: a speaker, a role before it, no article twice,
    # a spelling no noun has.
    ("Das Werk in Kassel wächst, sagte Brenner. Das Modell gilt für Kassel.",
     {"Kassel", "Brenner"}),
    ("Die Zahlen von IBM und DeepSeek überraschten die Börse.", {"IBM", "DeepSeek"}),
    ("Zuletzt stieg die Aktie. Die Regierung prüft die Förderung der Regierung.", set()),
    # An organisation's name keeps its suffix; the description before it goes.
    ("Gestern meldete der Autobauer-Zulieferer Kramer Antriebe GmbH Gewinne.",
     {"Kramer Antriebe GmbH"}),
    ("Dazu äußerte sich der Verband der Automobilindustrie.",
     {"Verband der Automobilindustrie"}),
    # "von der" and the run's last word join a first name into a person's name; a
    # body, a role, an ordinary noun or an acronym after them is what the person is of.
    ("Am Montag sprach Ursula von der Leyen in Brüssel.", {"Ursula von der Leyen"}),
    ("Am Montag sprach Jan van der Berg in Brüssel.", {"Jan van der Berg"}),
    ("Die Warnung von der Bundesbank kam spät.", set()),
    ("Hilfe kam von der Regierung und von der EZB.", {"EZB"}),
    ("Lob kam von der Deutschen Bank.", {"Deutsche Bank"}),
    ("Die Nachricht kam von der Messe in Hannover.", set()),
    ("Am Montag sprach Jens Weidmann von der Bundesbank.", {"Jens Weidmann"}),
    # The Austrian months are months: "Jänner", "Feber".
    ("Ab Jänner 2026 fahren Busse, sagte Anna Berg.", {"Anna Berg"}),
    ("Seit Feber 2025 fahren Busse, sagte Anna Berg.", {"Anna Berg"}),
])
def test_german_names(text: str, names: set[str]) -> None:
    assert german_names(text) == names


@pytest.mark.parametrize("word", [
    "Herr", "Frau", "Konzernchef", "Konzernchefin", "Vorstandschef", "Firmenchef",
    "Geschäftsführer", "Geschäftsführerin", "Präsident", "Präsidentin", "US-Präsident",
    "Kanzler", "Kanzlerin", "Minister", "Wirtschaftsministerin", "Sprecher", "Sprecherin",
    "Gründer", "Gründerin", "Analyst", "Analystin", "Finanzvorständin", "Chiphersteller"])
def test_titles_and_roles_are_told(word: str) -> None:
    assert is_role(word)


@pytest.mark.parametrize("word", ["Halbleiter", "Richter", "Bauer", "Brandauer", "Haberland",
                                  "Apparat", "Heirat", "Bundesrat"])
def test_names_and_nouns_that_end_like_a_role_are_none(word: str) -> None:
    assert not is_role(word)


@pytest.mark.parametrize(("site", "german"), [("de", True), ("en", False)])
def test_a_text_file_is_read_in_the_sites_language(tmp_path: Path, site: str,
                                                   german: bool) -> None:
    added = starter.prepare(ARTICLE.read_bytes(), "article.txt", tmp_path / "content",
                            tmp_path, source_id="added", site_language=site)
    offered = {e.name for e in added.suggestions.new_names}
    assert ("Die Aktie" not in offered) == german


def _page(lang: str) -> bytes:
    """The German article as a saved web page declaring `lang`."""
    paragraphs = "".join(f"<p>{line}</p>" for line in
                         ARTICLE.read_text("utf-8").split("\n")[2:] if line)
    return (f'<html lang="{lang}"><head><title>Brandauer senkt Prognose</title></head>'
            f"<body><article><h1>Brandauer senkt Prognose</h1>{paragraphs}</article>"
            "</body></html>").encode()


def test_a_page_is_read_in_the_language_it_declares(tmp_path: Path) -> None:
    added = starter.prepare(_page("de"), "page.html", tmp_path / "content", tmp_path,
                            source_id="added", site_language="en")
    offered = {e.name for e in added.suggestions.new_names}
    assert "Jörg Haberland" in offered and "Die Aktie" not in offered


def _new(tmp_path: Path, article: Path | str, *options: str) -> tuple[Result, Path]:
    """`briefing new` on an English site (no locale set) with the given options."""
    content = write_tree(tmp_path / "content", minimal_corpus())
    result = CliRunner().invoke(main, ["new", str(article), "--content", str(content),
                                       "--id", "added", *options])
    return result, content / "sources" / "added.yml"


def test_a_german_text_file_given_language_de_is_read_and_filed_as_german(
        tmp_path: Path) -> None:
    result, starter_path = _new(tmp_path, ARTICLE, "--language", "de")
    assert result.exit_code == 0, result.output
    written = starter_path.read_text("utf-8")
    assert yaml.safe_load(written)["language"] == "de"
    assert "In another language than the site's" not in written
    offered = [line for line in written.splitlines() if line.startswith("#     name: ")]
    assert '#     name: "Jörg Haberland"' in offered
    assert '#     name: "Die Aktie"' not in offered
    # Read as English without the option, as before: no `language:`, and the hint.
    again, plain_path = _new(tmp_path / "plain", ARTICLE)
    assert again.exit_code == 0, again.output
    plain = plain_path.read_text("utf-8")
    assert "language" not in yaml.safe_load(plain)
    assert "In another language than the site's (en)?" in plain
    assert '#     name: "Die Aktie"' in plain


def test_the_sites_own_language_given_writes_no_language(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Acme Corp raises prices\n\nJane Doe said so.\n")
    result, starter_path = _new(tmp_path, tmp_path / "a.txt", "--language", "en")
    assert result.exit_code == 0, result.output
    written = starter_path.read_text("utf-8")
    assert "language" not in yaml.safe_load(written)
    assert "In another language" not in written


@pytest.mark.parametrize("bad", ["deutsch", "de!", "", "de_\u200b"])
def test_a_bad_language_is_a_usage_error_naming_the_option(tmp_path: Path, bad: str
                                                           ) -> None:
    result, starter_path = _new(tmp_path, ARTICLE, "--language", bad)
    assert result.exit_code == 2, result.output
    assert "--language" in result.output and "is not a language tag" in result.output
    assert "BCP 47 tag such as" in result.output
    assert not starter_path.exists() and not starter_path.with_suffix(".txt").exists()


def test_the_language_given_wins_over_the_pages(tmp_path: Path) -> None:
    added = starter.prepare(_page("en"), "page.html", tmp_path / "content", tmp_path,
                            source_id="added", site_language="en", language="de_de")
    offered = {e.name for e in added.suggestions.new_names}
    assert "Jörg Haberland" in offered and "Die Aktie" not in offered
    assert 'language: "de-DE"' in added.starter
    assert "declares en, its <html lang>" in added.starter


@pytest.mark.parametrize(("text", "speaker", "names"), [
    ("„Wir handeln“, sagte Ursula von der Leyen.", ("Ursula von der Leyen", ""),
     {"Ursula von der Leyen": ()}),
    # Her surname alone, in capitals at a sentence's start or in small letters, is her
    # alias, and a quotation's speaker.
    ("Ursula von der Leyen kam. Von der Leyen sagte: „Wir handeln.“",
     ("Von der Leyen", "ursula-von-der-leyen"), {"Ursula von der Leyen": ("Von der Leyen",)}),
    ("Ursula von der Leyen kam. Danach sagte von der Leyen, man handle.", None,
     {"Ursula von der Leyen": ("von der Leyen",)}),
    # The person of a body keeps the name without it.
    ("„Nein“, sagte Schmidt von der Bundesbank.", ("Schmidt", ""), {"Schmidt": ()}),
    ("„Nein“, sagte Jens Weidmann von der Bundesbank.", ("Jens Weidmann", ""),
     {"Jens Weidmann": ()}),
    ("„Nein“, sagte Anna von der Gewerkschaft.", ("Anna", ""), {"Anna": ()}),
])
def test_a_surname_with_von_der_is_one_name(text: str, speaker: tuple[str, str] | None,
                                            names: dict[str, tuple[str, ...]]) -> None:
    found = suggest.suggest(text, EMPTY, language="de")
    assert [(q.speaker_name, q.speaker_new) for q in found.quotes] == \
        ([speaker] if speaker else [])
    assert {e.name: e.aliases for e in found.new_names} == names


@pytest.mark.parametrize(("said", "speaker", "names"), [
    # A quotation's speaker loses the titles and roles before the name, as its new name
    # does: a role in a compound, ...
    ("Bundeskanzler Olaf Scholz", "Olaf Scholz", {"Olaf Scholz"}),
    ("Bundesministerin Petra Lindqvist", "Petra Lindqvist", {"Petra Lindqvist"}),
    ("Generalsekretär Kevin Kühnert", "Kevin Kühnert", {"Kevin Kühnert"}),
    ("Landrätin Anna Weber", "Anna Weber", {"Anna Weber"}),
    ("Richterin Anna Weber", "Anna Weber", {"Anna Weber"}),
    ("CEO Anna Weber", "Anna Weber", {"Anna Weber"}),
    # ... an academic title and its degrees, which end a run of capitals ("med.", "h.c.")
    # and may end a sentence, ...
    ("Dr. Anna Weber", "Anna Weber", {"Anna Weber"}),
    ("Dr. Weber", "Weber", {"Weber"}),
    ("Prof. Dr. Anna Weber", "Anna Weber", {"Anna Weber"}),
    ("Bundesministerin Dr. Anna Weber", "Anna Weber", {"Anna Weber"}),
    ("Prof. Dr. med. Anna Weber", "Anna Weber", {"Anna Weber"}),
    ("Prof. Dr. Dr. h.c. Anna Weber", "Anna Weber", {"Anna Weber"}),
    ("Dr. rer. nat. Anna Weber", "Anna Weber", {"Anna Weber"}),
    ("Dipl.-Ing. Anna Weber", "Anna Weber", {"Anna Weber"}),
    ("Prof. Dr.-Ing. Anna Weber", "Anna Weber", {"Anna Weber"}),
    # A former office's "a. D." (außer Dienst) is the title's, not a sentence's end.
    ("Bundeskanzler a. D. Gerhard Schröder", "Gerhard Schröder", {"Gerhard Schröder"}),
    ("Bundeskanzler a.D. Gerhard Schröder", "Gerhard Schröder", {"Gerhard Schröder"}),
    # ... and before a name with "von der", which stays whole.
    ("EU-Kommissionspräsidentin Ursula von der Leyen", "Ursula von der Leyen",
     {"Ursula von der Leyen"}),
    ("Dr. Ursula von der Leyen", "Ursula von der Leyen", {"Ursula von der Leyen"}),
    ("Prof. Dr. med. Ursula von der Leyen", "Ursula von der Leyen",
     {"Ursula von der Leyen"}),
])
def test_a_speakers_titles_are_left_off(said: str, speaker: str, names: set[str]) -> None:
    found = suggest.suggest(f"„Wir bleiben dabei“, sagte {said}.", EMPTY, language="de")
    assert [q.speaker_name for q in found.quotes] == [speaker]
    assert {e.name for e in found.new_names} == names


@pytest.mark.parametrize(("said", "speaker"), [
    # An article before the role: the name after the role speaks ...
    ("die Bundeskanzlerin Angela Merkel", "Angela Merkel"),
    ("der Bundeskanzler Olaf Scholz", "Olaf Scholz"),
    ("die Bundeskanzlerin, Angela Merkel", "Angela Merkel"),
    ("der frühere Bundeskanzler Gerhard Schröder", "Gerhard Schröder"),
    ("die Bundeskanzlerin a. D. Angela Merkel", "Angela Merkel"),
    ("die Wirtschaftsministerin Dr. Anna Weber", "Anna Weber"),
    ("die Agentur Reuters", "Reuters"),
    # ... but a role or a noun with no name after it names no one, nor a name after a
    # noun that is no role.
    ("die Sprecherin", ""),
    ("die Sprecherin des Ministeriums", ""),
    ("die Zeitung", ""),
    ("die Zeitung Die Welt", ""),
])
def test_a_role_after_an_article_names_the_speaker_after_it(said: str, speaker: str
                                                            ) -> None:
    found = suggest.suggest(f"„Wir schaffen das“, sagte {said}.", EMPTY, language="de")
    assert [q.speaker_name or "" for q in found.quotes] == [speaker]


def test_a_role_alone_does_not_take_the_next_sentences_name() -> None:
    found = suggest.suggest("„Wir schaffen das“, sagte die Sprecherin. Merkel kam später.",
                            EMPTY, language="de")
    assert [q.speaker_name for q in found.quotes] == [None]


@pytest.mark.parametrize(("text", "language", "count"), [
    # In German, "a. D." and "a.D." end no sentence ...
    ("Gestern sprach Bundeskanzler a. D. Gerhard Schröder in Berlin.", "de", 1),
    ("Gestern sprach Bundeskanzler a.D. Gerhard Schröder in Berlin.", "de-AT", 1),
    # ... nor do the other abbreviations of two small letters, or what follows them ...
    ("Zulieferer wie z. B. Brandauer liefern Chips.", "de", 1),
    ("Betroffen sind u. a. Siemens und Bosch.", "de", 1),
    ("Das Werk, d. h. Dresden, bleibt offen.", "de", 1),
    ("Richter i. R. Hans Vogt widersprach.", "de", 1),
    # ... but a small "a." before another word does, as before ...
    ("Er wählte Plan a. Danach kam Schröder.", "de", 2),
    ("Er wählte Plan a. Die Sache war klar.", "de", 2),
    # ... and any other language splits as it did.
    ("Gestern sprach Bundeskanzler a. D. Gerhard Schröder in Berlin.", "en", 2),
    ("Gestern sprach Bundeskanzler a.D. Gerhard Schröder in Berlin.", "", 2),
])
def test_a_retired_office_ends_no_german_sentence(text: str, language: str,
                                                  count: int) -> None:
    assert len(suggest.sentences(text, language)) == count


@pytest.mark.parametrize(("text", "names"), [
    ("Gestern sprach Bundeskanzler a. D. Gerhard Schröder in Berlin.", {"Gerhard Schröder"}),
    ("Gestern sprach Bundeskanzler a.D. Gerhard Schröder in Berlin.", {"Gerhard Schröder"}),
    ("Gestern sprach Bundeskanzlerin a. D. Angela Merkel.", {"Angela Merkel"}),
])
def test_a_retired_office_is_left_off_the_name(text: str, names: set[str]) -> None:
    assert german_names(text) == names


@pytest.mark.parametrize("word", ["Dr.-Ing.", "Dipl.-Ing", "Generalsekretärin", "Landrat",
                                  "CEO", "Landesrat", "Landesrätin", "Stadtrat",
                                  "Nationalrätin"])
def test_titles_in_their_abbreviated_and_compound_forms_are_roles(word: str) -> None:
    assert is_role(word)


AUSTRIAN = ("Ärger um die ÖBB in Österreich\n\nWien, 3. März 2025 \u2013 „Für die Strecke ist der "
            "Bund nicht zuständig“, sagte ÖBB-Sprecherin Martina Hofer. Die ÖBB verweisen auf "
            "das Land. Die Bürgerinitiative Pro Murtalbahn sammelt Unterschriften in "
            "Österreich und für Österreich.\n")


@pytest.mark.parametrize(("site", "source", "names", "quote"), [
    # A German text's ids spell its umlauts as German does without them ...
    ("de-AT", "2025-03-03-aerger-um-die-oebb-in-oesterreich",
     {"oebb", "oesterreich", "buergerinitiative-pro-murtalbahn", "martina-hofer"},
     "aerger-um-fuer-die-strecke-ist-der-bund"),
    # ... and an English one's as before.
    ("en", "2025-03-03-arger-um-die-obb-in-osterreich", {"die-obb", "osterreich"},
     "arger-um-fur-die-strecke-ist-der-bund"),
])
def test_the_ids_suggested_from_a_german_text_spell_its_umlauts(
        tmp_path: Path, site: str, source: str, names: set[str], quote: str) -> None:
    added = starter.prepare(AUSTRIAN.encode(), "a.txt", tmp_path / "content", tmp_path,
                            site_language=site)
    found = added.suggestions
    assert added.id == source
    assert names <= {e.id for e in found.new_names}
    assert [q.id for q in found.quotes] == [quote]
    assert all(suggest.is_valid_id(i) for i in
               (added.id, *(e.id for e in found.new_names), *(q.id for q in found.quotes)))


def test_the_ids_a_curator_wrote_are_kept(tmp_path: Path) -> None:
    # Known entities keep their ids, and a name whose id a curator wrote with the bare
    # vowel ("osterreich") is not suggested again under the German spelling.
    known = Corpus((), (), (Entity(id="obb", name="ÖBB", kind="organisation",
                                   pos=Pos("entities.yml")),
                            Entity(id="osterreich", name="Republik Österreich", kind="place",
                                   pos=Pos("entities.yml")),
                            Entity(id="martina-hofer", name="Martina Hofer", kind="person",
                                   pos=Pos("entities.yml"))), ())
    found = suggest.suggest(AUSTRIAN, known, language="de-AT")
    assert {e.id for e in found.known_entities} == {"obb", "martina-hofer"}
    assert not {"oebb", "oesterreich", "osterreich"} & {e.id for e in found.new_names}
    assert [q.speaker_id for q in found.quotes] == ["martina-hofer"]
    # The id given with --id is the source's, as written.
    added = starter.prepare(AUSTRIAN.encode(), "a.txt", tmp_path / "content", tmp_path,
                            source_id="obb-arger", site_language="de-AT")
    assert added.id == "obb-arger"


@pytest.mark.parametrize(("text", "names"), [
    # A head that "des" declines is offered in its base form, the declined name its alias
    # ("Land Steiermark", named twice), ...
    ("Die Förderung des Landes Steiermark endet. Laut Land Steiermark fehlt Geld.",
     {"Land Steiermark": (2, ("Landes Steiermark",))}),
    ("Der Anteil des Staates Israel sinkt.", {"Staat Israel": (1, ("Staates Israel",))}),
    ("Ein Sprecher des Freistaates Bayern widersprach.",
     {"Freistaat Bayern": (1, ("Freistaates Bayern",))}),
    ("Ein Sprecher des Bundeslandes Tirol widersprach.",
     {"Bundesland Tirol": (1, ("Bundeslandes Tirol",))}),
    ("Ein Sprecher des Landkreises Harburg widersprach.",
     {"Landkreis Harburg": (1, ("Landkreises Harburg",))}),
    # ... a body's head declined joins its genitive as the base form does ...
    ("Ein Sprecher des Verbandes der Automobilindustrie widersprach.",
     {"Verband der Automobilindustrie": (1, ("Verbandes der Automobilindustrie",))}),
    # ... and a head in apposition is left off the name, as before; "des Bundes" alone is
    # no name, nor is a head that no "des" declines changed.
    ("Ein Sprecher des Vereins Pro Bahn und des Konzerns Siemens widersprach.",
     {"Pro Bahn": (1, ()), "Siemens": (1, ())}),
    ("Die Förderung des Landes Steiermark und des Bundes endet.",
     {"Land Steiermark": (1, ("Landes Steiermark",))}),
    ("Laut Land Tirol fehlt Geld.", {"Land Tirol": (1, ())}),
    # An adjective declined before a feminine head is offered as after "die": "der
    # Technischen Universität Graz" names "Technische Universität Graz" ...
    ("Ein Gutachten der Technischen Universität Graz liegt vor. Die Technische "
     "Universität Graz bestätigt es.",
     {"Technische Universität Graz": (2, ("Technischen Universität Graz",))}),
    ("Analyst bei der Hanseatischen Privatbank.",
     {"Hanseatische Privatbank": (1, ("Hanseatischen Privatbank",))}),
    ("Ein Sprecher der Europäischen Zentralbank widersprach.",
     {"Europäische Zentralbank": (1, ("Europäischen Zentralbank",))}),
    ("Ein Sprecher der Deutschen Bahn widersprach.",
     {"Deutsche Bahn": (1, ("Deutschen Bahn",))}),
    ("Ein Sprecher der Freien Universität Berlin widersprach.",
     {"Freie Universität Berlin": (1, ("Freien Universität Berlin",))}),
    ("Ein Sprecher der Baden-Württembergischen Bank widersprach.",
     {"Baden-Württembergische Bank": (1, ("Baden-Württembergischen Bank",))}),
    # ... but not before a surname that ends as a declined adjective does ("Petersen");
    # a masculine or neuter head takes its gender's ending
    # (`test_an_adjective_before_a_masculine_or_neuter_head`).
    ("Ein Sprecher der Petersen Bank widersprach.", {"Petersen Bank": (1, ())}),
])
def test_a_declined_head_is_offered_in_its_base_form(
        text: str, names: dict[str, tuple[int, tuple[str, ...]]]) -> None:
    found = suggest.find_new_names(text, (), language="de")
    assert {e.name: (e.count, e.forms) for e in found} == names


def test_a_declined_name_is_an_alias_and_a_known_base_form_is_not_offered(
        tmp_path: Path) -> None:
    text = "Land fördert Bahn\n\nDie Förderung des Landes Steiermark endet im Jänner.\n"
    added = starter.prepare(text.encode(), "a.txt", tmp_path / "content", tmp_path,
                            source_id="added", site_language="de-AT")
    assert "#   # named 1x, first on line 3, declined as 'Landes Steiermark' (an alias " \
        "below)\n#   - id: land-steiermark\n#     name: \"Land Steiermark\"\n" \
        "#     aliases: [\"Landes Steiermark\"]\n" in added.starter
    # A known entity of that name is not offered again; an English text is read as
    # before.
    known = Corpus((), (), (Entity(id="land-steiermark", name="Land Steiermark",
                                   kind="other", pos=Pos("entities.yml")),), ())
    assert not suggest.suggest(text, known, language="de").new_names
    assert "Land Steiermark" not in {e.name for e in suggest.suggest(text, EMPTY).new_names}


def test_the_austrian_reports_speakers_are_the_people_after_their_roles() -> None:
    text = (measured.ARTICLES / "de-at-murtalbahn-judenburg.txt").read_text("utf-8")
    found = suggest.suggest(text, EMPTY, language="de-AT")
    assert [q.speaker_name for q in found.quotes] == ["Anna Berger", "Peter Wagner",
                                                       "Johann Moser"]


@pytest.mark.parametrize(("text", "names"), [
    # An adjective declined before a masculine or neuter head of the short list is
    # offered as the name writes it without an article, when the determiner before tells
    # the case: genitive ("des"), dative ("dem", "im", "vom", "beim"), the masculine's
    # accusative ("den") and nominative ("der"), the neuter's ("das", "ins"); the
    # declined name is its alias ...
    ("Ein Sprecher des Deutschen Bundestages widersprach.",
     {"Deutscher Bundestag": (1, ("Deutschen Bundestages",))}),
    ("Ein Sprecher des Deutschen Bundestags widersprach.",
     {"Deutscher Bundestag": (1, ("Deutschen Bundestags",))}),
    ("Die Abgeordneten im Bayerischen Landtag stimmten zu.",
     {"Bayerischer Landtag": (1, ("Bayerischen Landtag",))}),
    ("Er sprach vor dem Europäischen Parlament in Straßburg.",
     {"Europäisches Parlament": (1, ("Europäischen Parlament",))}),
    ("Ein Beschluss des Europäischen Parlaments liegt vor.",
     {"Europäisches Parlament": (1, ("Europäischen Parlaments",))}),
    ("Sie wählten den Deutschen Bundestag neu.",
     {"Deutscher Bundestag": (1, ("Deutschen Bundestag",))}),
    ("Im Deutschen Museum sprach der Leiter.",
     {"Deutsches Museum": (1, ("Deutschen Museum",))}),
    ("Er wechselte ins Europäische Parlament.",
     {"Europäisches Parlament": (1, ("Europäische Parlament",))}),
    ("Ein Sprecher des Statistischen Bundesamtes widersprach.",
     {"Statistisches Bundesamt": (1, ("Statistischen Bundesamtes",))}),
    ("Ein Urteil des Europäischen Gerichtshofs liegt vor.",
     {"Europäischer Gerichtshof": (1, ("Europäischen Gerichtshofs",))}),
    ("Ein Sprecher des Bayerischen Rundfunks widersprach.",
     {"Bayerischer Rundfunk": (1, ("Bayerischen Rundfunks",))}),
    # ... each case of one name is one name ...
    ("Der Europäische Rat tagt. Ein Sprecher des Europäischen Rates sagte das.",
     {"Europäischer Rat": (2, ("Europäische Rat", "Europäischen Rates"))}),
    ("Er sprach mit dem Deutschen Schachbund und der Deutschen Bank.",
     {"Deutscher Schachbund": (1, ("Deutschen Schachbund",)),
      "Deutsche Bank": (1, ("Deutschen Bank",))}),
    # ... and a head of no known gender, a plural, a determiner that does not agree
    # with the head or an adjective not known as one is left as written.
    ("Ein Sprecher des Deutschen Fußballs widersprach.", {"Deutschen Fußballs": (1, ())}),
    ("Ein Sprecher der Europäischen Parlamente widersprach.",
     {"Europäischen Parlamente": (1, ())}),
    ("Sie sprach mit den Deutschen Museen.", {"Deutschen Museen": (1, ())}),
    ("Ein Sprecher im Weißen Haus widersprach.", {"Weißen Haus": (1, ())}),
])
def test_an_adjective_before_a_masculine_or_neuter_head(
        text: str, names: dict[str, tuple[int, tuple[str, ...]]]) -> None:
    """"des Deutschen Bundestages" was offered as written, beside "Deutscher Bundestag"
    and "Deutschen Bundestag" for one parliament."""
    found = suggest.find_new_names(text, (), language="de")
    assert {e.name: (e.count, e.forms) for e in found} == names
