"""`briefing init --locale X`: the example in the site's language where Briefing has one,
the English example's story told as that language's local press tells it, and held to
the same checks."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from corpus_helpers import write_tree
from test_init import KINDS, mkdocs_build

from briefing.cli import main
from briefing.pipeline import build
from briefing.project import project_files
from briefing.starter import schema_comment
from briefing.wording import catalog_languages

LANGUAGES = tuple(t for t in catalog_languages() if t != "en")
# Each language's, and a region's own where its money or its press differ: Québec's in
# dollars, Portugal's in euros (Babel's `pt` is Brazil's), Switzerland's in francs.
SWISS = ("fr-CH", "de-CH", "it-CH")
EXAMPLES = (*LANGUAGES, "fr-CA", "pt-PT", *SWISS)
SCAFFOLD = importlib.resources.files("briefing") / "scaffold"
# The language's quotation marks around the chair's words, in the article and the brief.
MARKS = {"fr": ("« ", " »"), "fr-CA": ("« ", " »"), "de": ("„", "“"), "es": ("«", "»"),
         "it": ("«", "»"), "pt": ("“", "”"), "pt-PT": ("«", "»"), "fr-CH": ("« ", " »"),
         "de-CH": ("«", "»"), "it-CH": ("«", "»")}
# The currency of the figure, and the language the article is marked as written in.
UNITS = {"fr": "EUR", "fr-CA": "CAD", "de": "EUR", "es": "EUR", "it": "EUR", "pt": "BRL",
         "pt-PT": "EUR", "fr-CH": "CHF", "de-CH": "CHF", "it-CH": "CHF"}
WRITTEN_IN = {"pt": "pt-BR"}
ENGLISH = {"content/sources/riverton-library-sundays.txt",
           "content/sources/riverton-library-sundays.yml",
           "content/briefs/library-sundays.yml"}


def example(tag: str) -> dict[str, bytes]:
    """The content files `init --locale tag` writes that `init --bare --locale tag` does
    not, or writes otherwise."""
    bare = project_files(example=False, locale=tag)
    return {rel: data for rel, data in project_files(example=True, locale=tag).items()
            if bare.get(rel) != data}


def loaded(files: dict[str, bytes], prefix: str) -> dict[str, object]:
    (rel,) = [rel for rel in files if rel.startswith(prefix) and rel.endswith(".yml")]
    found = yaml.safe_load(files[rel].decode("utf-8"))
    assert isinstance(found, dict)
    return found


def test_sites_in_english_or_a_language_without_an_example_get_the_english_one() -> None:
    english = example("en")
    assert set(english) >= ENGLISH
    for tag in ("en-GB", "sv", "ar", "ptx"):
        written = project_files(example=True, locale=tag)
        assert {rel: written[rel] for rel in english} == english, tag
    assert project_files(example=True) == project_files(example=True, locale=None)


def test_every_example_is_tested() -> None:
    folders = sorted(p.name for p in SCAFFOLD.iterdir() if p.name.startswith("example-"))
    assert folders == sorted(f"example-{tag}" for tag in EXAMPLES)


@pytest.mark.parametrize("tag", EXAMPLES)
def test_the_example_is_the_languages_with_the_english_ones_parts(tag: str) -> None:
    files = example(tag)
    assert not ENGLISH & set(files)
    assert sorted(rel.split("/")[1] for rel in files) == [
        "briefs", "claims.yml", "entities.yml", "names.yml", "sources", "sources"]
    source = loaded(files, "content/sources/")
    assert source["language"] == WRITTEN_IN.get(tag, tag)
    stances = {key for quote in source["quotes"] for key in ("asserts", "reports", "doubts")
               if key in quote}
    assert stances == {"asserts", "reports", "doubts"}
    assert all(quote.get("speaker") for quote in source["quotes"])
    claims = loaded(files, "content/claims.yml")["claims"]
    (figure,) = [f for claim in claims for f in claim.get("figures", ())]
    assert figure["unit"] == UNITS[tag] and figure["qualifier"] == "about"
    assert [c["status"] for c in claims] == ["reported", "disputed"]
    brief = loaded(files, "content/briefs/")
    assert [s["kind"] for s in brief["sections"]] == ["what-happened", "by-the-numbers",
                                                      "yes-but"]
    assert len(loaded(files, "content/entities.yml")["entities"]) == 5
    # The chair's words, in the language's quotation marks in the article and the brief.
    opening, closing = MARKS[tag]
    (doubt,) = [q["text"] for q in source["quotes"] if "doubts" in q]
    (article,) = [data.decode("utf-8") for rel, data in files.items() if rel.endswith(".txt")]
    assert f"{opening}{doubt}{closing}" in article
    (yes_but,) = brief["sections"][2]["points"]
    assert f"{opening}{doubt}{closing}" in yes_but["text"]


@pytest.mark.parametrize(("tag", "language"), [
    *((tag, tag) for tag in EXAMPLES), ("fr-BE", "fr"), ("fr_ca", "fr-CA"), ("de-AT", "de"),
    ("pt-BR", "pt"), ("es-MX", "es"), ("fr_ch", "fr-CH")])
def test_init_in_a_language_checks_clean_with_warnings_fatal(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tag: str, language: str) -> None:
    """The example of the region or else of the language, every quote found in its
    article and no warning: a strict check passes."""
    result = CliRunner().invoke(main, ["init", "--locale", tag, str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = {p.relative_to(tmp_path).as_posix(): p.read_bytes()
               for p in (tmp_path / "content").rglob("*") if p.is_file()}
    assert {rel: written[rel] for rel in example(language)} == example(language)
    for rel in example(language):  # each annotation file names its schema
        path = tmp_path / rel
        if path.suffix == ".yml":
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == schema_comment(KINDS[rel.split("/")[1]], path, tmp_path), rel
    monkeypatch.chdir(tmp_path)
    checked = CliRunner().invoke(main, ["check", "--strict"])
    assert checked.exit_code == 0 and checked.output.startswith("ok: "), checked.output


# What the curator's prose must keep from the article, each dropped or changed in turn:
# the hedge of the mayor's figure, the chair's figure, the chair's verbatim words.
CHANGES = {
    "fr": (("environ 40 000", "40 000"), ("60 000 euros", "70 000 euros"),
           ("le coût réel", "le coût total")),
    "fr-CA": (("environ 40 000", "40 000"), ("60 000 $", "70 000 $"),
              ("la facture réelle", "la facture totale")),
    "de": (("rund 40.000", "40.000"), ("60.000 Euro", "70.000 Euro"),
           ("tatsächlichen Kosten", "gesamten Kosten")),
    "es": (("unos 40.000", "40.000"), ("60.000 euros", "70.000 euros"),
           ("el coste real", "el coste total")),
    "it": (("circa 40.000", "40.000"), ("60.000 euro", "70.000 euro"),
           ("il costo reale", "il costo totale")),
    "pt": (("cerca de R$ 40 mil", "R$ 40 mil"), ("R$ 60 mil", "R$ 70 mil"),
           ("o custo real", "o custo total")),
    "pt-PT": (("cerca de 40 mil", "40 mil"), ("60 mil euros", "70 mil euros"),
              ("o custo real", "o custo total")),
    "fr-CH": (("environ 40'000", "40'000"), ("60'000 francs", "70'000 francs"),
              ("le coût réel", "le coût total")),
    "de-CH": (("rund 40'000", "40'000"), ("60'000 Franken", "70'000 Franken"),
              ("tatsächlichen Kosten", "gesamten Kosten")),
    "it-CH": (("circa 40'000", "40'000"), ("60'000 franchi", "70'000 franchi"),
              ("il costo reale", "il costo totale")),
}
CODES = ("prose-hedge-dropped", "prose-figure-unsourced", "prose-quote-unsourced")


@pytest.mark.parametrize("tag", EXAMPLES)
def test_the_checks_read_the_examples_figures_hedges_and_quotes(tmp_path: Path,
                                                                tag: str) -> None:
    """The example exercises the prose checks in its language: they read its numbers,
    hedges and quotation marks, so each change a fact-checker would catch is caught."""
    files = {rel.removeprefix("content/"): data for rel, data in example(tag).items()}
    (brief,) = [rel for rel in files if rel.startswith("briefs/")]
    text = files[brief].decode("utf-8")
    clean = build(write_tree(tmp_path / "clean", files), language=tag)
    assert [d.format() for d in clean.diagnostics] == []
    for code, (old, new) in zip(CODES, CHANGES[tag], strict=True):
        assert text.count(old) == 1, old
        content = write_tree(tmp_path / code, {**files, brief: text.replace(old, new)})
        found = {d.code for d in build(content, language=tag).diagnostics}
        assert code in found, (code, found)


@pytest.mark.parametrize(("tag", "brief", "words"), [
    ("de-AT", "bibliothek-sonntags", ("rund 40.000 Euro", "„Die tatsächlichen Kosten")),
    ("pt-BR", "biblioteca-domingos", ("cerca de R$ 40 mil", "“o custo real")),
    # Switzerland's in francs, written as its press writes them; Belgium's is France's.
    ("de-CH", "bibliothek-sonntags", ("rund 40'000 Franken", "«Die tatsächlichen Kosten")),
    ("fr-BE", "mediatheque-dimanche", ("environ 40 000 euros", "« le coût réel")),
])
def test_a_new_project_in_a_language_builds_strict_with_its_example(
        tmp_path: Path, tag: str, brief: str, words: tuple[str, ...]) -> None:
    assert CliRunner().invoke(main, ["init", "--locale", tag, str(tmp_path)]).exit_code == 0
    built = mkdocs_build(tmp_path)
    assert built.returncode == 0, built.stderr
    page = (tmp_path / "site" / "briefs" / brief / "index.html").read_text(encoding="utf-8")
    assert page.count('class="cite"') == 3
    for word in words:
        assert word in page.replace("\u00a0", " "), word


# The mayor's figure given in another currency than the article's.
OTHER_CURRENCY = {
    "fr": ("40 000 euros", "40 000 dollars"), "fr-CA": ("40 000 $", "40 000 $ US"),
    "de": ("40.000 Euro", "40.000 US-Dollar"), "es": ("40.000 euros", "40.000 dólares"),
    "it": ("40.000 euro", "40.000 dollari"), "pt": ("R$ 40 mil", "US$ 40 mil"),
    "pt-PT": ("40 mil euros", "40 mil dólares"), "fr-CH": ("40'000 francs", "40'000 euros"),
    "de-CH": ("40'000 Franken", "40'000 Euro"), "it-CH": ("40'000 franchi", "40'000 euro"),
}


@pytest.mark.parametrize("tag", EXAMPLES)
def test_the_checks_read_the_currency_of_the_examples_figure(tmp_path: Path, tag: str
                                                             ) -> None:
    """The mayor's figure in the brief in dollars where the article gives euros (in US
    dollars in Quebec's, where it gives Canadian ones, "$" alone) is caught, once."""
    files = {rel.removeprefix("content/"): data for rel, data in example(tag).items()}
    (brief,) = [rel for rel in files if rel.startswith("briefs/")]
    text = files[brief].decode("utf-8")
    old, new = OTHER_CURRENCY[tag]
    assert text.count(old) == 1, old
    content = write_tree(tmp_path / "content", {**files, brief: text.replace(old, new)})
    found = [d.message for d in build(content, language=tag).diagnostics]
    assert len(found) == 1 and found[0].startswith(f"{new} is in "), found



@pytest.mark.parametrize(("new", "flagged"), [
    ("rund 40'000 Franken", 0),
    ("rund CHF 40'000", 0),  # as the pages write it
    # A point before three digits is a decimal point on a `de-CH` site, but a thousands
    # group in German: a number other languages read otherwise is backed either way.
    ("rund 40.000 Franken", 0),
    ("rund 40000 Franken", 0),
    # A space groups no digits in Switzerland: "40" and "000" are two numbers.
    ("rund 40 000 Franken", 2),
    ("rund 45'000 Franken", 1),
])
def test_a_swiss_briefs_figure_is_read_as_its_pages_write_it(
        tmp_path: Path, new: str, flagged: int) -> None:
    """A `de-CH` site's pages write the mayor's figure of 40000 CHF with the region's sign
    and its currency first, "CHF 40'000" (not Germany's "40.000 CHF"): a brief point
    written so is backed by the figure's quote, as one written as Germany writes it; a
    figure the quote does not give is caught."""
    files = {rel.removeprefix("content/"): data for rel, data in example("de-CH").items()}
    (brief,) = [rel for rel in files if rel.startswith("briefs/")]
    text = files[brief].decode("utf-8")
    old = "rund 40'000 Franken"
    assert text.count(old) == 1
    content = write_tree(tmp_path / "content", {**files, brief: text.replace(old, new)})
    result = build(content, language="de-CH")
    found = [d.code for d in result.diagnostics]
    assert found == ["prose-figure-unsourced"] * flagged, found
    if not flagged:
        pages = "\n".join(result.pages.values()).replace("\u00a0", " ")
        assert "CHF 40'000" in pages and "40.000 CHF" not in pages \
            and "CHF 40.000" not in pages
