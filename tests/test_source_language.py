"""A source's `language:`: English hedge words are read only in English sources, those of
German, French, Spanish, Italian and Portuguese only in theirs, and the pages mark the
source's words with their language."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from corpus_helpers import write_tree
from number_helpers import cldr_writes

from briefing.buildcache import BuildCache
from briefing.cli import main
from briefing.diagnostics import Pos
from briefing.hedges import Hedges, parse_hedges
from briefing.language import grouping, native_separators, scale_words, separators
from briefing.numbers import NumberStyle, numbers
from briefing.pipeline import build

# Dutch "over" is "about" ("spoke about 600 jobs"), not the English hedge "over 600".
ARTICLE = (
    "Chipmaker schrapt banen\n"
    "Het bedrijf sprak maandag over 600 banen die verdwijnen.\n"
    "Het heeft ongeveer 4000 werknemers in Eindhoven.\n"
)
SOURCE = """\
title: "Chipmaker schrapt banen"
published: "2025-03-03"
{language}quotes:
  - id: nl-jobs
    text: "Het bedrijf sprak maandag over 600 banen die verdwijnen."
  - id: nl-staff
    text: "Het heeft ongeveer 4000 werknemers in Eindhoven."
"""
BRIEF = """\
title: "Job cuts"
summary: "A chipmaker cuts jobs."
sections:
  - kind: what-happened
    points:
      - text: "The company spoke on Monday of 600 jobs to go."
        cites: [nl-jobs]
      - text: "It employs 4000 people in Eindhoven."
        cites: [nl-staff]
"""


def dutch_corpus(root: Path, language: str = "") -> Path:
    return write_tree(root / "content", {
        "sources/nl.txt": ARTICLE,
        "sources/nl.yml": SOURCE.format(language=f"language: {language}\n" if language else ""),
        "briefs/jobs.yml": BRIEF})


def hedge_findings(content: Path, **options: object) -> list[str]:
    result = build(content, **options)  # type: ignore[arg-type]
    assert [d.format() for d in result.diagnostics if d.code != "prose-hedge-dropped"] == []
    return [d.message for d in result.diagnostics if d.code == "prose-hedge-dropped"]


def test_an_english_hedge_word_is_not_read_in_a_source_in_another_language(
        tmp_path: Path) -> None:
    # Unmarked on an English site, the Dutch "over" reads as the hedge "over 600".
    assert len(hedge_findings(dutch_corpus(tmp_path / "unmarked"))) == 1
    assert hedge_findings(dutch_corpus(tmp_path / "nl", "nl")) == []
    # A source unmarked on a Dutch site is Dutch.
    assert hedge_findings(dutch_corpus(tmp_path / "site"), language="nl") == []
    # A source marked English on a Dutch site is English.
    assert len(hedge_findings(dutch_corpus(tmp_path / "en", "en-GB"), language="nl")) == 1


def test_the_curators_own_hedge_words_are_read_in_every_language(tmp_path: Path) -> None:
    hedges, problems = parse_hedges({"approximate": ["ongeveer"]}, lambda key: Pos("m"))
    assert not problems
    found = hedge_findings(dutch_corpus(tmp_path, "nl"), hedges=hedges)
    assert len(found) == 1 and '"ongeveer" of 4000' in found[0], found


def hedges_of(value: object) -> Hedges:
    hedges, problems = parse_hedges(value, lambda key: Pos("m"))
    assert not problems
    return hedges


@pytest.mark.parametrize(("source", "words_for", "found"), [
    ("nl", "nl", True),
    ("nl-BE", "nl", True),  # "nl" covers Belgian Dutch
    ("NL", "nl", True),
    ("nl", "nl-BE", False),  # and Belgian Dutch words are not read in other Dutch
    ("nl", "sv", False),
    ("", "nl", False),  # an unmarked source on an English site is English
    ("en", "nl", False),
])
def test_hedge_words_keyed_by_language_are_read_in_that_languages_sources_only(
        tmp_path: Path, source: str, words_for: str, found: bool) -> None:
    hedges = hedges_of({"approximate": {words_for: ["ongeveer"]}})
    findings = hedge_findings(dutch_corpus(tmp_path, source), hedges=hedges)
    # (an unmarked or English source still reads the English "over 600")
    assert any('"ongeveer" of 4000' in f for f in findings) is found, findings
    assert len(findings) == found + (source in ("", "en")), findings


def test_a_word_that_hedges_in_one_language_only_is_read_in_that_language_only(
        tmp_path: Path) -> None:
    # The Danish "over 600" is "more than 600"; the Dutch "over 600 banen", "about 600 jobs".
    content = dutch_corpus(tmp_path, "nl")
    write_tree(content, {
        "sources/da.txt": "Fabrik lukker\nVirksomheden nedlægger over 600 job i år.\n",
        "sources/da.yml": 'title: "Fabrik lukker"\npublished: "2025-03-04"\nlanguage: da\n'
                          'quotes:\n  - id: da-jobs\n'
                          '    text: "Virksomheden nedlægger over 600 job i år."\n',
        "briefs/plant.yml": 'title: "Plant closes"\nsummary: "A plant closes."\nsections:\n'
                            '  - kind: what-happened\n    points:\n'
                            '      - text: "The company cuts 600 jobs this year."\n'
                            '        cites: [da-jobs]\n'})
    for_every = hedge_findings(content, hedges=hedges_of({"lower-bound": ["over"]}))
    assert sorted(f.split("'")[1] for f in for_every) == ["da-jobs", "nl-jobs"], for_every
    for_danish = hedge_findings(content, hedges=hedges_of({"lower-bound": {"da": ["over"]}}))
    assert [f.split("'")[1] for f in for_danish] == ["da-jobs"], for_danish


def test_a_site_in_dutch_reads_its_words_in_unmarked_sources_and_its_own_prose(
        tmp_path: Path) -> None:
    hedges = hedges_of({"approximate": {"nl": ["ongeveer", "circa"]}, "possibility": ["x"]})
    content = dutch_corpus(tmp_path)
    found = hedge_findings(content, hedges=hedges, language="nl")
    assert len(found) == 1 and '"ongeveer" of 4000' in found[0], found
    # The curator's prose keeps the hedge with any word of the group: here a Dutch one.
    brief = content / "briefs/jobs.yml"
    brief.write_text(brief.read_text(encoding="utf-8").replace(
        "employs 4000", "employs circa 4000"), encoding="utf-8")
    assert hedge_findings(content, hedges=hedges, language="nl") == []


def test_words_for_every_source_and_words_by_language_add_up() -> None:
    hedges = hedges_of({"approximate": {"nl": ["ongeveer"], "nl-BE": ["zowat"]},
                        "rumour": {"sv": ["ryktas"]}, "possibility": ["conceivably"]})
    groups = {g.name: g for g in hedges.groups}
    assert groups["approximate"].triggers_in("nl-BE")[-2:] == ("ongeveer", "zowat")
    assert "about" not in groups["approximate"].triggers_in("nl")
    assert groups["rumour"].triggers_in("sv-FI") == ("ryktas",)
    assert groups["rumour"].triggers_in("en") == ()
    assert groups["possibility"].triggers_in("sv") == ("conceivably",)
    assert groups["possibility"].triggers_in("de")[:2] == ("conceivably", "könnte")
    assert {"ongeveer", "zowat", "about"} <= set(groups["approximate"].words)


def one_quote_corpus(root: Path, language: str, sentence: str, point: str) -> Path:
    """A source in `language` whose one quote is `sentence`, cited by a point."""
    return write_tree(root / "content", {
        "sources/s.txt": f"Titel\n{sentence}\n",
        "sources/s.yml": f'title: "Titel"\npublished: "2025-03-03"\nlanguage: {language}\n'
                         f'quotes:\n  - id: q\n    text: "{sentence}"\n',
        "briefs/b.yml": 'title: "B"\nsummary: "A summary."\nsections:\n'
                        '  - kind: what-happened\n    points:\n'
                        f'      - text: "{point}"\n        cites: [q]\n'})


# (language, the quote, its hedge, a point that drops it, one that keeps it in English)
BUILT_IN = [
    ("de", "Das Werk soll bis zu 2.000 Chips im Monat liefern.", "bis zu",
     "The plant will deliver 2,000 chips a month.",
     "The plant will deliver up to 2,000 chips a month."),
    ("de", "Laut Reuters hat die Firma die Chips gekauft.", "laut",
     "The firm bought the chips.", "The firm reportedly bought the chips."),
    ("de-AT", "Die Firma hat rund 4.000 Mitarbeiter.", "rund",
     "The firm has 4,000 staff.", "The firm has about 4,000 staff."),
    ("fr", "L'usine emploie environ 4 000 personnes.", "environ",
     "The plant employs 4,000 people.", "The plant employs roughly 4,000 people."),
    ("fr", "Selon l'agence, la société a acheté les puces.", "selon",
     "The company bought the chips.",
     "According to the agency, the company bought the chips."),
    ("es", "La empresa tiene más de 4.000 empleados.", "más de",
     "The company has 4,000 staff.", "The company has over 4,000 staff."),
    ("es", "El embalse cederá hasta 40 hectómetros cúbicos.", "hasta",
     "The reservoir will give 40 cubic hectometres.",
     "The reservoir will give up to 40 cubic hectometres."),
    ("es", "El modelo podría costar menos.", "podría",
     "The model costs less.", "The model may cost less."),
    ("it", "La società ha quasi 4.000 dipendenti.", "quasi",
     "The company has 4,000 staff.", "The company has nearly 4,000 staff."),
    ("it", "Il modello è presumibilmente più economico.", "presumibilmente",
     "The model is cheaper.", "The model is reportedly cheaper."),
    # "secondo" before an article is "according to" ("il secondo" is "the second")
    ("it", "Secondo il Comune, i lavori costeranno 4.000 euro.", "secondo il",
     "The works will cost 4,000 euros.", "The works will reportedly cost 4,000 euros."),
    ("it", "Secondo l'associazione, 4.000 pendolari useranno i bus.", "secondo l'",
     "4,000 commuters will use the buses.",
     "4,000 commuters will reportedly use the buses."),
    ("pt-BR", "A fábrica terá capacidade de até 4.000 chips por dia.", "de até",
     "The plant will make 4,000 chips a day.", "The plant will make up to 4,000 chips a day."),
    ("pt", "A obra empregará até 4.000 pessoas.", "até",
     "The works will employ 4,000 people.", "The works will employ up to 4,000 people."),
    ("pt-BR", "A empresa tem mais de 4.000 funcionários.", "mais de",
     "The company has 4,000 staff.", "The company has over 4,000 staff."),
    ("pt-PT", "A empresa tem cerca de 4 000 trabalhadores.", "cerca de",
     "The company has 4,000 staff.", "The company has about 4,000 staff."),
    ("pt", "O modelo poderia custar menos.", "poderia",
     "The model costs less.", "The model may cost less."),
    ("pt", "A empresa alegadamente comprou os chips.", "alegadamente",
     "The company bought the chips.", "The company reportedly bought the chips."),
    ("pt", "Segundo relatos, a empresa comprou os chips.", "segundo relatos",
     "The company bought the chips.", "The company reportedly bought the chips."),
    # "segundo", "conforme", "de acordo com" before whom they give the words to
    ("pt-BR", "Segundo a prefeitura, a empresa comprou os chips.", "segundo",
     "The company bought the chips.",
     "According to the city hall, the company bought the chips."),
    ("pt-BR", "A empresa comprou, segundo ele, os chips.", "segundo",
     "The company bought the chips.", "The company reportedly bought the chips."),
    ("pt", "Segundo Paulo Nogueira, a empresa comprou os chips.", "segundo",
     "The company bought the chips.", "The company reportedly bought the chips."),
    ("pt-BR", "Conforme a Prefeitura, a empresa comprou os chips.", "conforme",
     "The company bought the chips.", "The company reportedly bought the chips."),
    ("pt-BR", "De acordo com fontes do governo, a empresa comprou os chips.",
     "de acordo com", "The company bought the chips.",
     "The company reportedly bought the chips."),
    ("pt-PT", "O ministro terá dito que a fábrica fecha.", "terá dito",
     "The minister said the plant closes.",
     "The minister reportedly said the plant closes."),
]


@pytest.mark.parametrize(("language", "quote", "hedge", "plain", "kept"), BUILT_IN,
                         ids=[f"{row[0]} {row[2]}" for row in BUILT_IN])
def test_hedges_of_german_french_spanish_italian_and_portuguese_sources_are_built_in(
        tmp_path: Path, language: str, quote: str, hedge: str, plain: str,
        kept: str) -> None:
    """A hedge in a source in one of these languages must be kept in the brief, with no
    words added in mkdocs.yml; the English words keep it, and none of them is read in an
    English source."""
    found = hedge_findings(one_quote_corpus(tmp_path / "plain", language, quote, plain))
    assert len(found) == 1 and f'says "{hedge}' in found[0].lower(), found
    assert hedge_findings(one_quote_corpus(tmp_path / "kept", language, quote, kept)) == []
    assert hedge_findings(one_quote_corpus(tmp_path / "en", "en", quote, plain)) == []


@pytest.mark.parametrize(("language", "quote", "plain", "kept"), [
    ("de", "Die Firma behauptet, sie habe 4.000 Chips gekauft.",
     "Die Firma hat 4.000 Chips gekauft.", "Die Firma sagt, sie habe 4.000 Chips gekauft."),
    ("fr", "La société affirme avoir acheté 4 000 puces.",
     "La société a acheté 4 000 puces.", "La société a déclaré avoir acheté 4 000 puces."),
    ("es", "La empresa afirma que compró 4.000 chips.",
     "La empresa compró 4.000 chips.", "La empresa dijo que compró 4.000 chips."),
    ("it", "La società afferma di aver comprato 4.000 chip.",
     "La società ha comprato 4.000 chip.", "La società ha detto di aver comprato 4.000 chip."),
    ("it", "Secondo il Comune, i lavori costeranno fino a 1,5 miliardi di euro.",
     "I lavori costeranno fino a 1,5 miliardi di euro.",
     "Secondo il Comune, i lavori costeranno fino a 1,5 miliardi di euro."),
    ("it", "Secondo l\u2019associazione, solo il 60% userà i bus.",
     "Solo il 60% userà i bus.", "Stando all'associazione, solo il 60% userà i bus."),
    ("pt-BR", "A empresa afirma que comprou 4.000 chips.",
     "A empresa comprou 4.000 chips.", "A empresa disse que comprou 4.000 chips."),
    ("pt-PT", "A empresa alega ter comprado 4 000 chips.",
     "A empresa comprou 4 000 chips.", "A empresa declarou ter comprado 4 000 chips."),
    # Other groups, kept with their words in Portuguese.
    ("pt-BR", "A multa pode ser de até 300 milhões de reais.",
     "A multa é de 300 milhões de reais.", "A multa é de até 300 milhões de reais."),
    ("pt-BR", "A empresa vai cortar custos em até 30%.",
     "A empresa vai cortar 30% dos custos.", "A empresa vai cortar custos em até 30%."),
    ("pt-PT", "A empresa tem quase 4 000 trabalhadores.",
     "A empresa tem 4 000 trabalhadores.", "A empresa tem cerca de 4 000 trabalhadores."),
    # "pode" is "may" as well as "can": it keeps a "poderia", and hedges nothing itself
    ("pt", "O modelo poderia custar menos.", "O modelo custa menos.",
     "O modelo pode custar menos."),
    # Brazil writes its money with the sign apart: "até R$ 300 milhões" hedges 300 milhões
    ("pt-BR", "O subsídio pode chegar a até R$ 300 milhões neste ano.",
     "O subsídio chegaria a R$ 300 milhões.", "O subsídio chegaria a até R$ 300 milhões."),
    ("pt-BR", "O estudo fala em cerca de US$ 120 milhões.",
     "O estudo fala em US$ 120 milhões.", "O estudo fala em quase US$ 120 milhões."),
    # "segundo a prefeitura" is kept by another "according to", not by the ordinal
    ("pt-BR", "Segundo a prefeitura, a obra custou 4 milhões no segundo trimestre.",
     "A obra custou 4 milhões no segundo trimestre.",
     "De acordo com a Prefeitura, a obra custou 4 milhões."),
    ("pt-BR", "Segundo a prefeitura, a obra custou 4 milhões.",
     "Pela segunda vez, a obra custou 4 milhões.",
     "A obra custou 4 milhões, segundo ela."),
    ("pt-BR", "Conforme a Prefeitura, a obra custou 4 milhões.",
     "A obra custou 4 milhões, conforme a lei.",
     "A obra custou 4 milhões, conforme a Prefeitura."),
    # and a claim by "segundo": "afirma" is kept by "segundo a empresa"
    ("pt-BR", "A empresa afirma que comprou 4.000 chips.",
     "A empresa comprou 4.000 chips em segundo lugar.",
     "Segundo a empresa, ela comprou 4.000 chips."),
])
def test_a_point_in_the_sources_language_keeps_its_hedge_with_that_languages_words(
        tmp_path: Path, language: str, quote: str, plain: str, kept: str) -> None:
    """As "Acme says" keeps "Acme claims" in English, so does "sagt", "a déclaré"…; and
    a point on a site in the source's language keeps a hedge with its words."""
    assert len(hedge_findings(one_quote_corpus(tmp_path / "plain", language, quote, plain),
                              language=language)) == 1
    assert hedge_findings(one_quote_corpus(tmp_path / "kept", language, quote, kept),
                          language=language) == []


@pytest.mark.parametrize(("language", "sentence", "quote", "statement", "unit", "shown"), [
    # "até R$ 300 milhões": a sign written apart.
    ("pt-BR", "O subsídio pode chegar a até R$ 300 milhões.",
     "pode chegar a até R$ 300 milhões", "O subsídio chegaria a até R$ 300 milhões.", "BRL",
     "of 300 milhões,"),
    # "jusqu'à 2,3 G$": Quebec's scale against the sign, named with it (it said "of 2,3 G").
    ("fr-CA", "Le tramway coûtera jusqu'à 2,3 G$, selon la Ville.", "coûtera jusqu'à 2,3 G$",
     "Le tramway coûtera jusqu'à 2,3 G$.", "CAD", "of 2,3 G$,"),
])
def test_a_claims_figure_keeps_the_hedge_of_an_amount_with_a_sign(
        tmp_path: Path, language: str, sentence: str, quote: str, statement: str,
        unit: str, shown: str) -> None:
    """"até R$ 300 milhões" and "jusqu'à 2,3 G$" are upper bounds: the claim's figure
    without `qualifier: up-to` drops the hedge, as one of "até 300 milhões de reais"
    does."""
    value = 300_000_000 if unit == "BRL" else 2_300_000_000

    def corpus(root: Path, qualifier: str) -> Path:
        return write_tree(root / "content", {
            "sources/s.txt": f"Título\n{sentence}\n",
            "sources/s.yml": 'title: "Título"\npublished: "2025-03-03"\nquotes:\n'
                             f'  - id: q\n    text: "{quote}"\n    reports: [c]\n',
            "claims.yml": f'claims:\n  - id: c\n    statement: "{statement}"\n'
                          "    status: reported\n    figures:\n"
                          f"      - metric: amount\n        value: {value}\n"
                          f"        unit: {unit}\n{qualifier}"})
    found = hedge_findings(corpus(tmp_path / "plain", ""), language=language)
    assert len(found) == 1 and "'exactly'" in found[0] and shown in found[0], found
    assert hedge_findings(corpus(tmp_path / "kept", "        qualifier: up-to\n"),
                          language=language) == []


def test_the_hint_of_a_dropped_hedge_gives_words_of_the_sites_language(
        tmp_path: Path) -> None:
    """On a German site, a point that drops "laut" is told the German words that keep
    it, not "reportedly, allegedly…"; an English site is still told the English ones."""
    def hints(root: Path, language: str, quote: str, point: str) -> list[str]:
        result = build(one_quote_corpus(root, language, quote, point), language=language)
        return [d.hint for d in result.diagnostics if d.code == "prose-hedge-dropped"]
    german = hints(tmp_path / "de", "de-AT",
                   "Die Sanierung würde laut der ÖBB bis zu 300 Millionen Euro kosten.",
                   "Die Sanierung würde bis zu 300 Millionen Euro kosten.")
    assert german == ['keep "laut" or an equivalent (angeblich, mutmaßlich, laut, zufolge), '
                      "or cite a quote that states it plainly"], german
    english = hints(tmp_path / "en", "en", "The works reportedly cost $300 million.",
                    "The works cost $300 million.")
    assert english == ['keep "reportedly" or an equivalent (reportedly, allegedly, '
                       "according to, said to, is said to, a reported), or cite a quote "
                       "that states it plainly"], english


@pytest.mark.parametrize(("language", "quote", "point"), [
    # "hasta" is also "until": before a year, it is no hedge
    ("es", "El plan llega hasta 2030.", "The plan runs to 2030."),
    ("es", "El contrato se prorroga hasta 2027 y cuesta 40 millones.",
     "The contract runs to 2027 and costs 40 million."),
    # "secondo" is also "second"; "secondo quanto" is the hedge
    ("it", "Nel secondo trimestre la società ha venduto 4.000 auto.",
     "In the quarter the company sold 4,000 cars."),
    # "soll" is also "shall"; curators add it where their sources use it as hearsay
    ("de", "Die Firma soll 4.000 Chips kaufen.", "The firm buys 4,000 chips."),
    # "über" and "unter" are also "about" and "among" before a number
    ("de", "Die Agentur hat einen Bericht über 500 Fälle.",
     "The agency has a report on 500 cases."),
    ("de", "Die Firma war unter 100 Teilnehmern.", "The firm was one of 100 entrants."),
    # "até", as the Spanish "hasta", is also "until": before a year, it is no hedge
    ("pt", "A fábrica fica aberta até 2030.", "The plant stays open to 2030."),
    ("pt", "O contrato vale até 2027 e custa 40 milhões.",
     "The contract runs to 2027 and costs 40 million."),
    # (and a number not right after it is never its: "até ontem")
    ("pt", "A fábrica teve até ontem 4.000 operários.", "The plant had 4,000 workers."),
    # "segundo" is also "second"; "segundo relatos" is the hedge
    ("pt", "No segundo trimestre a empresa vendeu 4.000 carros.",
     "In the quarter the company sold 4,000 cars."),
    # "de acordo com" is also "in agreement" or "in accordance with", "conforme" too
    ("pt", "De acordo com a lei, a empresa pagou 4.000 reais.",
     "The company paid 4,000 reais."),
    ("pt-BR", "A empresa está de acordo com a Prefeitura e pagou 4.000 reais.",
     "The company paid 4,000 reais."),
    ("pt-BR", "Conforme previsto, a empresa pagou 4.000 reais.",
     "The company paid 4,000 reais."),
    ("pt-BR", "Conforme a lei, a empresa pagou 4.000 reais.",
     "The company paid 4,000 reais."),
    ("pt-BR", "Conforme Nordwerk cresce, a empresa pagou 4.000 reais.",
     "The company paid 4,000 reais."),
    # and "segundo" the ordinal; "segunda" is never "according to"
    ("pt-BR", "O time ficou em segundo lugar com 4.000 pontos.",
     "The team had 4,000 points."),
    ("pt-BR", "Pela segunda vez, a empresa pagou 4.000 reais.",
     "The company paid 4,000 reais."),
    ("pt-BR", "Ela foi a segunda a pagar 4.000 reais.", "She paid 4,000 reais."),
    ("pt-BR", "Ele foi o segundo a pagar 4.000 reais.", "He paid 4,000 reais."),
    ("pt-BR", "A loja abre de segunda a sexta e vende 4.000 peças.",
     "The shop sells 4,000 pieces."),
    ("pt-PT", "Em segundo, a empresa pagou 4 000 euros.", "The company paid 4,000 euros."),
    # "teria" is also the plain conditional; "teria dito" is the hedge
    ("pt", "A empresa teria de pagar 4.000 reais.", "The company must pay 4,000 reais."),
    # "pode" is also "can"; "poderia" is the hedge
    ("pt", "A fábrica pode produzir 4.000 chips por dia.",
     "The plant makes 4,000 chips a day."),
    # "sustenta" is also "supports"; "sustenta que" is the claim
    ("pt", "A fábrica sustenta 4.000 famílias.", "The plant supports 4,000 families."),
])
def test_words_that_also_say_something_else_are_not_built_in_hedges(
        tmp_path: Path, language: str, quote: str, point: str) -> None:
    assert hedge_findings(one_quote_corpus(tmp_path, language, quote, point)) == []


@pytest.mark.parametrize(("hedges", "where", "says"), [
    ("approximate:\n          no: [omtrent]", "6:11", "a key YAML reads as false"),
    ("approximate: {Dutch: [ongeveer]}", "5:23", "'Dutch', which is not a language tag"),
    ("approximate:\n          nl: []", "6:11", "one or more words for 'nl'"),
    ("approximate: {sv: omkring}", "5:23", "one or more words for 'sv'"),
    ("approximate: 5", "5:9", "or map language tags to lists of words"),
    ("approximate: {}", "5:9", "or map language tags to lists of words"),
])
def test_bad_hedge_words_by_language_are_reported_where_written(
        tmp_path: Path, hedges: str, where: str, says: str) -> None:
    dutch_corpus(tmp_path, "nl")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Jobs\nplugins:\n  - briefing:\n      hedges:\n"
                      f"        {hedges}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--config-file", str(config)])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if "[config-hedges]" in line]
    assert len(errors) == 1 and f"mkdocs.yml:{where}: error: " in errors[0], result.output
    assert says in errors[0], errors


def test_a_rebuild_after_the_sites_language_changes_reads_the_hedges_again(
        tmp_path: Path) -> None:
    content, cache = dutch_corpus(tmp_path), BuildCache()
    assert len(hedge_findings(content, cache=cache)) == 1
    assert hedge_findings(content, cache=cache, language="nl") == []
    assert len(hedge_findings(content, cache=cache, language="en")) == 1


@pytest.mark.parametrize(("theme", "findings"), [
    ("theme: {name: mkdocs, locale: nl}\n", 0),
    ("theme: {name: material, language: nl-BE}\n", 0),
    ("theme: {name: mkdocs}\n", 1),
])
def test_briefing_check_reads_the_sites_language_from_mkdocs_yml(
        tmp_path: Path, theme: str, findings: int) -> None:
    dutch_corpus(tmp_path)
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Jobs\n{theme}plugins:\n  - briefing\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--config-file", str(tmp_path / "mkdocs.yml")])
    assert result.output.count("[prose-hedge-dropped]") == findings, result.output


def built_site(tmp_path: Path, language: str = "nl", *flags: str,
               theme: str = "{name: briefing}") -> Path:
    """`mkdocs build` of a site (English, unless `theme` says) with the Dutch source."""
    dutch_corpus(tmp_path, language)
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Jobs\ntheme: {theme}\nplugins:\n  - briefing\n"
        "markdown_extensions: [attr_list]\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", *flags, "-d", "out"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False)
    assert result.returncode == 0, result.stderr
    return tmp_path / "out"


def test_the_pages_mark_a_sources_words_with_its_language(tmp_path: Path) -> None:
    site = built_site(tmp_path, "nl", "--strict")  # the Dutch "over" is no hedge
    source = (site / "sources" / "nl" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in source  # the page's own words stay the site's
    assert re.search(r'<h1 [^>]*lang="nl"[^>]*>Chipmaker schrapt banen', source)
    # The article's three lines, with their direction (Dutch, as the page: left to right).
    assert len(re.findall(r'<p dir="ltr" lang="nl">', source)) == 3
    assert re.search(r'<a [^>]*lang="nl"[^>]*>\u201cHet bedrijf sprak', source)  # the table
    brief = (site / "briefs" / "jobs" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a [^>]*lang="nl"[^>]*>Chipmaker schrapt banen</a>', brief)
    assert len(re.findall(r'<a [^>]*lang="nl"[^>]*>\u201cHet', brief)) == 2  # quotes cited
    # Nothing else is marked: the brief's own words are the site's.
    assert brief.count('lang="nl"') == 3


def test_a_source_that_names_no_language_is_not_marked(tmp_path: Path) -> None:
    site = built_site(tmp_path, language="")
    pages = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    assert not any(" lang=" in page.replace('<html lang="en">', "") for page in pages)


def test_a_site_in_dutch_reads_its_unmarked_sources_as_dutch(tmp_path: Path) -> None:
    site = built_site(tmp_path, "", "--strict", theme="{name: briefing, locale: nl}")
    brief = (site / "briefs" / "jobs" / "index.html").read_text(encoding="utf-8")
    # The theme's own words are English, and marked so; no source's words are marked.
    assert '<html lang="nl">' in brief
    assert brief.count(" lang=") == 1 + brief.count(' lang="en" dir="ltr"')


def test_a_claims_structured_data_gives_its_sources_language(tmp_path: Path) -> None:
    content = dutch_corpus(tmp_path, "nl")
    (content / "claims.yml").write_text(
        "claims:\n  - id: jobs-600\n    statement: \"The company spoke of 600 jobs.\"\n"
        "    status: reported\n", encoding="utf-8")
    source = content / "sources" / "nl.yml"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "verdwijnen.\"\n", "verdwijnen.\"\n    reports: [jobs-600]\n"), encoding="utf-8")
    result = build(content)
    assert not result.failed(), [d.format() for d in result.diagnostics]
    assert '"inLanguage":"nl"' in result.pages["claims/jobs-600.md"].replace(" ", "")


def test_numbers_in_english_words_are_read_in_english_sources_only(tmp_path: Path) -> None:
    """A claim's figure of 10 rests on no number of the Dutch "ten noorden" ("to the
    north")."""
    def figure_findings(language: str) -> list[str]:
        content = dutch_corpus(tmp_path / (language or "unmarked"), language)
        (content / "claims.yml").write_text(
            "claims:\n  - id: plants-10\n    statement: \"The company has ten plants.\"\n"
            "    status: reported\n    figures:\n"
            "      - {metric: plants, value: 10, unit: plants}\n", encoding="utf-8")
        (content / "sources" / "nl.txt").write_text(
            ARTICLE + "De fabriek ligt ten noorden van Eindhoven.\n", encoding="utf-8")
        source = content / "sources" / "nl.yml"
        source.write_text(source.read_text(encoding="utf-8") + (
            "  - id: nl-north\n    text: \"De fabriek ligt ten noorden van Eindhoven.\"\n"
            "    reports: [plants-10]\n"), encoding="utf-8")
        return [d.message for d in build(content).diagnostics
                if d.code == "prose-figure-unsourced"]

    assert figure_findings("") == []  # read as the English "ten"
    assert len(figure_findings("nl")) == 1


def figures_corpus(root: Path, quote: str, point: str, language: str) -> Path:
    return write_tree(root / "content", {
        "sources/s.txt": f"Banen\n{quote}\n",
        "sources/s.yml": f'title: "Banen"\npublished: "2025-03-03"\n'
                         f"{f'language: {language}' if language else ''}\n"
                         f'quotes:\n  - id: q\n    text: "{quote}"\n',
        "briefs/b.yml": 'title: "Jobs"\nsummary: "Jobs."\nsections:\n'
                        "  - kind: what-happened\n    points:\n"
                        f'      - text: "{point}"\n        cites: [q]\n'})


def figure_warnings(content: Path, language: str = "en") -> list[str]:
    result = build(content, language=language)
    assert {d.code for d in result.diagnostics} <= {"prose-figure-unsourced"}
    return [d.message for d in result.diagnostics]


@pytest.mark.parametrize(("language", "quote", "right", "wrong"), [
    # Dutch groups thousands with a point and writes a decimal comma.
    ("nl", "Het bedrijf heeft 16.000 werknemers.", "It employs 16,000 people.",
     "It employs 16 people."),
    ("nl", "De omzet steeg met 2,5 procent.", "Sales rose by 2.5 percent.",
     "Sales rose by 25 percent."),
    ("de", "Der Umsatz lag bei 5.000,50 Euro.", "Sales were 5,000.50 euros.",
     "Sales were 5 euros."),
    # Spanish as written in Spain, and in Mexico, which writes numbers as English does.
    ("es", "La empresa pagó 1.500 pesos.", "The company paid 1,500 pesos.",
     "The company paid 1.5 pesos."),
    ("es-MX", "La empresa pagó 1,500 pesos.", "The company paid 1,500 pesos.",
     "The company paid 1.5 pesos."),
    ("fr", "L'usine emploie 16\u202f000,5 personnes.", "The plant employs 16,000.5 people.",
     "The plant employs 16 people."),
    ("de-CH", "Der Preis betrug 16'000.50 Franken.", "The price was 16,000.50 francs.",
     "The price was 16 francs."),
    # A scale before a currency sign, as Quebec and France write money.
    ("fr-CA", "Le projet coûtera jusqu'à 2,3 G$.", "It will cost up to $2.3 billion.",
     "It will cost up to $2.3 million."),
    ("fr-CA", "Québec a réservé 450\u00a0M$.", "Quebec set aside $450 million.",
     "Quebec set aside $450."),
    ("fr", "Le budget atteint 1,5 Md€.", "The budget is 1.5 billion euros.",
     "The budget is 1.5 euros."),
    # Scale words, CLDR's: a German "Billion" is a million million.
    ("nl", "De omzet was 2,5 miljoen euro.", "Sales were 2.5 million euros.",
     "Sales were 2.5 euros."),
    ("de", "Die Schulden betragen 3 Billionen Euro.", "The debt is 3 trillion euros.",
     "The debt is 3 billion euros."),
    ("de", "Der Umsatz lag bei 2,5 Mio. Euro.", "Sales were 2.5 million euros.",
     "Sales were 2.5 billion euros."),
    ("es", "Invirtió 5 mil millones de dólares.", "It invested $5 billion.",
     "It invested $5,000."),
    # Portugal's "mil milhões" is a billion in a Brazilian source too; Brazil's "bilhão".
    ("pt", "A empresa investiu 1,5 mil milhões de reais.",
     "The company invested 1.5 billion reais.", "The company invested 1,500 reais."),
    ("pt-PT", "A empresa investiu 1,5 mil milhões de euros.",
     "The company invested 1.5 billion euros.", "The company invested 1,500 euros."),
    ("pt-BR", "A empresa investiu 1,5 bilhão de reais.",
     "The company invested 1.5 billion reais.", "The company invested 1.5 trillion reais."),
    ("ru", "Компания потеряла 2,5 млрд рублей.", "The company lost 2.5 billion roubles.",
     "The company lost 2.5 million roubles."),
    ("ko", "사용자는 600만 명이다.", "It has 6 million users.", "It has 600 users."),
    # A language's own digits, with its own separators: Arabic's decimal separator and
    # thousands separator (U+066B, U+066C), once read as two numbers ("5" and "6 million").
    ("ar", "بلغت التكلفة \u0665\u066b\u0666 مليون دولار.", "It cost $5.6 million.",
     "It cost $6 million."),
    ("ar-EG", "باعت الشركة \u0661\u0662\u066c\u0660\u0660\u0660 شريحة.",
     "The company sold 12,000 chips.", "The company sold 12 chips."),
    ("fa", "رشد \u06f2\u066b\u06f5 درصد بود.", "Growth was 2.5 percent.",
     "Growth was 25 percent."),
    ("hi", "कंपनी ने \u0967,\u096b\u0966\u0966 नौकरियाँ कम कीं।", "The company cut 1,500 jobs.",
     "The company cut 15 jobs."),
    # Grouped as the language's CLDR pattern groups: by two before the last three digits.
    ("hi", "कंपनी को 1,00,000 रुपये मिले।", "The company received 100,000 rupees.",
     "The company received 1,000 rupees."),
    ("en-IN", "The project cost 2,50,00,000 rupees.", "The project cost 25,000,000 rupees.",
     "The project cost 2,500,000 rupees."),
    ("bn", "কোম্পানি \u09e7,\u09e6\u09e6,\u09e6\u09e6\u09e6 টাকা পেয়েছে।",
     "The company received 100,000 taka.", "The company received 1 taka."),
    # Korean scale words multiplied: a thousand or a hundred times a myriad.
    ("ko", "예산은 5천만 원이다.", "The budget is 50 million won.",
     "The budget is 5 million won."),
    ("ko", "손실은 3백억 원이다.", "The loss is 30 billion won.",
     "The loss is 300 million won."),
    ("ko", "관객 5천 명이 왔다.", "5,000 people came.", "5 people came."),
    # Korean with the word glued on, and a hundred alone.
    ("ko", "예산은 5천만원이다.", "The budget is 50 million won.",
     "The budget is 5 million won."),
    ("ko", "관객 5백명이 왔다.", "500 people came.", "5 people came."),
    # Numbers in Chinese characters, in Chinese and Japanese.
    ("zh", "公司投资了三千五百万美元。", "It invested $35 million.", "It invested $3.5 million."),
    ("zh", "该公司裁员一百零五人。", "The company cut 105 jobs.", "The company cut 15 jobs."),
    ("zh-Hant", "公司虧損兩億元。", "It lost 200 million yuan.", "It lost 2 million yuan."),
    ("ja", "売上高は四億五千万円だった。", "Sales were 450 million yen.",
     "Sales were 45 million yen."),
])
def test_a_quotes_numbers_are_read_as_its_sources_language_writes_them(
        tmp_path: Path, language: str, quote: str, right: str, wrong: str) -> None:
    """Read as English, the Dutch "16.000" was 16: a brief saying "16 people" passed and
    one saying "16,000 people" was warned of."""
    assert figure_warnings(figures_corpus(tmp_path / "right", quote, right, language)) == []
    found = figure_warnings(figures_corpus(tmp_path / "wrong", quote, wrong, language))
    assert len(found) == 1, found


def test_the_curators_prose_is_read_as_the_sites_language_writes_numbers(
        tmp_path: Path) -> None:
    content = figures_corpus(tmp_path, "Het bedrijf heeft 16.000 werknemers.",
                             "Het bedrijf heeft 16.000 werknemers.", "nl")
    assert figure_warnings(content, language="nl") == []
    french = figures_corpus(tmp_path / "fr", "L'usine emploie 16 000 personnes.",
                            "L'usine emploie 16\u00a0000 personnes.", "fr")
    assert figure_warnings(french, language="fr") == []
    assert len(figure_warnings(french, language="en")) == 2  # 16 and 000 in English


def test_chinese_prose_is_read_in_characters_and_its_words_are_no_numbers(
        tmp_path: Path) -> None:
    """On a Chinese site, 三千五百万 in the prose is backed by a quote's 3500万, and the
    numerals of words (这一, 一些, 两家) are no figures to back."""
    quote = "公司投资了3500万美元。"
    words = "这一公司投资了三千五百万美元\uff0c一些两家公司也是。"
    for n, (point, warned) in enumerate(((words, 0), ("公司投资了三千万美元。", 1))):
        content = figures_corpus(tmp_path / str(n), quote, point, "zh")
        assert len(figure_warnings(content, language="zh")) == warned, point
    # On an English site, the characters of English prose are not read.
    content = figures_corpus(tmp_path / "en", quote, "It invested $35 million (三千万).", "zh")
    assert figure_warnings(content) == []


def test_a_number_either_language_reads_otherwise_is_backed_either_way(
        tmp_path: Path) -> None:
    """English prose on a German site writes "$40,000", which German reads as forty: it is
    backed by an English quote's 40,000. A number no language reads otherwise is held to
    the site's reading."""
    quote = "The change would cost the town $40,000 a year."
    for point, warned in (("It would cost $40,000 a year.", False),
                          ("It would cost $40 a year.", True),
                          ("It would cost $400,000 a year.", True)):
        content = figures_corpus(tmp_path / str(len(point)), quote, point, "en")
        assert len(figure_warnings(content, language="de")) == warned, point
    # The other way round: a Dutch quote's "16.000", copied into English prose.
    content = figures_corpus(tmp_path / "nl", "Het bedrijf heeft 16.000 werknemers.",
                             "The company has 16.000 employees.", "nl")
    assert figure_warnings(content) == []


@pytest.mark.parametrize(("tag", "decimal", "group"), [
    ("en", ".", ","), ("en-GB", ".", ","), ("nl", ",", "."), ("nl-BE", ",", "."),
    ("es", ",", "."), ("es-MX", ".", ","), ("fr", ",", "\u202f"), ("de-CH", ".", "'\u2019"),
    ("zh-Hant-TW", ".", ","), ("ar", ".", ","),  # (in Latin digits)
    ("en-GB-oxendict", ".", ","), ("nl-XX", ",", "."),  # (read as the language alone)
    ("zz", ".", ","),  # (a language CLDR does not know: read as English)
])
def test_separators_follow_cldr(tag: str, decimal: str, group: str) -> None:
    # (Swiss German's apostrophe: typographic in older CLDR data, plain since)
    assert separators(tag)[0] == decimal and separators(tag)[1] in group
    style = NumberStyle(*separators(tag))
    assert numbers(f"1{decimal}5 and 16{group[0]}000", style)[0][2] == Decimal("1.5")
    assert numbers(f"16{group[-1]}000{decimal}5", style)[0][2] == Decimal("16000.5")


def test_a_number_written_in_any_locales_style_reads_back() -> None:
    """For every locale CLDR knows (through Babel), a number written with its separators
    is read as written, whatever its separators are (the Arabic decimal separator, a
    no-break space, an apostrophe), and so is a number with each of its scale words
    (thousands of them: "mil millones" and "mil", "Billionen", "млрд", "만"). A number as
    CLDR writes it (Babel's `format_decimal`) reads back too, grouped as the locale
    groups ("2,50,00,000.5" in Hindi), in Latin digits and in the locale's own digits
    with their own separators (Arabic-Indic digits with U+066C and U+066B in Egyptian
    Arabic)."""
    from babel import Locale, localedata

    for ident in localedata.locale_identifiers():
        tag = ident.replace("_", "-")
        decimal, group = separators(tag)
        style = NumberStyle(decimal, group, scale_words(tag), native_separators(tag),
                            grouping(tag))
        found = numbers(f"paid 16{group}000{decimal}5 and 1{decimal}25 more", style)
        assert [value for _, _, value in found] == [Decimal("16000.5"), Decimal("1.25")], tag
        for word, power, attached in style.scales:
            found = numbers(f"paid 7{'' if attached else ' '}{word} more", style)
            assert [value for _, _, value in found] == [Decimal(7).scaleb(power)], (tag, word)
        for written in cldr_writes(Locale.parse(ident), Decimal("25000000.5")):
            found = numbers(f"paid {written} more", style)
            assert [value for _, _, value in found] == [Decimal("25000000.5")], (tag, written)


def test_a_figure_warning_says_how_a_quote_in_another_style_was_read(tmp_path: Path) -> None:
    """An English quote in a source that names no language, on a German site, is read as
    German: the hint says so, and what to do."""
    content = figures_corpus(tmp_path, "It paid $40,000 in 2024.", "It paid $45,000.", "")
    (found,) = [d.format() for d in build(content, language="de").diagnostics]
    assert "quote 'q' is read as de writes numbers (\"$40,000\" is 40)" in found, found
    assert "give it `language:`" in found


def test_the_hint_shows_a_number_whose_reading_tells(tmp_path: Path) -> None:
    """A year read in German is no example of German separators, and a source that names
    its language is told to correct it, not to give one."""
    content = figures_corpus(tmp_path, "Bis 2027 kostet es 1,5 Millionen Euro.",
                             "By 2027 it costs 1.6 million euros.", "de")
    (found,) = [d.format() for d in build(content).diagnostics]
    assert "quote 'q' is read as de writes numbers (\"1,5 Millionen\" is 1,500,000): if " \
        "its source is in another language, correct its `language:`" in found, found


# The start of German and French hedge lists docs/provenance.md gives.
PRESS_HEDGES = {"hearsay": {"de": ["angeblich", "soll", "sollen"],
                            "fr": ["selon", "aurait", "auraient", "serait", "seraient"]},
                "approximate": {"de": ["rund", "etwa"], "fr": ["environ", "près de"]},
                "upper-bound": {"de": ["bis zu"], "fr": ["jusqu'à"]}}


def press_corpus(root: Path, points: tuple[str, str]) -> Path:
    de = "Der Aufsichtsrat soll die Schließung beschlossen haben."
    fr = "Selon la CGT, jusqu'à 300 emplois seraient menacés."
    tree = {"briefs/b.yml": 'title: "Closures"\nsummary: "Two closures."\nsections:\n'
                            "  - kind: what-happened\n    points:\n"
                            f'      - text: "{points[0]}"\n        cites: [de]\n'
                            f'      - text: "{points[1]}"\n        cites: [fr]\n'}
    for tag, quote in (("de", de), ("fr", fr)):
        tree[f"sources/{tag}.txt"] = f"Titel\n{quote}\n"
        tree[f"sources/{tag}.yml"] = (f'title: "Titel"\npublished: "2025-03-04"\n'
                                      f'language: {tag}\nquotes:\n  - id: {tag}\n'
                                      f'    text: "{quote}"\n')
    return write_tree(root / "content", tree)


def test_the_documented_german_and_french_hedges_keep_a_hedge_from_being_dropped(
        tmp_path: Path) -> None:
    plain = press_corpus(tmp_path / "plain", ("The board decided the closure.",
                                              "300 jobs are threatened."))
    found = hedge_findings(plain, hedges=hedges_of(PRESS_HEDGES))
    assert sorted(f.split(" says ")[1].split(",")[0] for f in found) == [
        '"Selon"', '"jusqu\'à" of 300', '"soll"'], found
    kept = press_corpus(tmp_path / "kept", ("The board reportedly decided the closure.",
                                            "According to the CGT, up to 300 jobs are "
                                            "threatened."))
    assert hedge_findings(kept, hedges=hedges_of(PRESS_HEDGES)) == []
