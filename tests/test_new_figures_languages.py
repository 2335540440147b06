"""`briefing new` suggests the figures of German, French, Spanish and Italian sources as
their language writes them (`writtenfigures.py`); any other language reads as English."""

from __future__ import annotations

from decimal import Decimal

import pytest

from benchmarks import figures as measured
from benchmarks.names import Case, score
from benchmarks.suggestions import Score
from briefing import suggest

_SENTENCES = {
    "de": ("Der Konzern investiert rund 1,5 Milliarden Euro, streicht mehr als 2.000 "
           "Stellen und senkt die Kosten um 12 Prozent.",
           [("1,5 Milliarden Euro", 1_500_000_000, "EUR", "about"),
            ("2.000 Stellen", 2000, "Stellen", "over"),
            ("12 Prozent", 12, "percent", "exactly")]),
    "fr": ("Le groupe investira environ 3,5 milliards d'euros, supprimera 2\u202f000 "
           "emplois et vise au moins 12 % de marge.",
           [("3,5 milliards d'euros", 3_500_000_000, "EUR", "about"),
            ("2\u202f000 emplois", 2000, "emplois", "exactly"),
            ("12 %", 12, "percent", "at-least")]),
    "es": ("La empresa invertirá 4,5 millones de dólares, llega a 3 millones de personas "
           "y su margen cayó más de un 8 por ciento.",
           [("4,5 millones de dólares", 4_500_000, "USD", "exactly"),
            ("3 millones de personas", 3_000_000, "personas", "exactly"),
            ("8 por ciento", 8, "percent", "over")]),
    "it": ("Il gruppo investirà 2,5 miliardi di euro, fino a 3 milioni di utenti e il "
           "margine è sceso del 7%.",
           [("2,5 miliardi di euro", 2_500_000_000, "EUR", "exactly"),
            ("3 milioni di utenti", 3_000_000, "utenti", "up-to"),
            ("7%", 7, "percent", "exactly")]),
}


@pytest.mark.parametrize("language", sorted(_SENTENCES))
def test_figures_read_in_the_language(language: str) -> None:
    text, expected = _SENTENCES[language]
    figures = suggest.find_figures(text, language=language)
    assert [(f.found, f.value, f.unit, f.qualifier) for f in figures] == [
        (found, (Decimal(value), Decimal(value)), unit, qualifier)
        for found, value, unit, qualifier in expected]
    assert all(f.found in text for f in figures)  # checked against the source


@pytest.mark.parametrize(("text", "found"), [
    ("La obra costará hasta 300 millones de euros.", ("300 millones de euros", "up-to")),
    ("Recibirá una ayuda de hasta 1.200 euros.", ("1.200 euros", "up-to")),
    ("Podrá ceder hasta el 30 % del caudal.", ("30 %", "up-to")),
])
def test_the_spanish_hasta_before_a_number_is_up_to(text: str,
                                                     found: tuple[str, str]) -> None:
    """"hasta 300 millones" is "up to 300 million", the press's commonest way to say it
    ("hasta 2030", until a year, is no figure at all)."""
    (figure,) = suggest.find_figures(text, language="es")
    assert (figure.found, figure.qualifier) == found


@pytest.mark.parametrize(("language", "text", "qualifier"), [
    # "exceed" before a number, or before its article, is "over" ...
    ("es", "El trasvase superaría los 350 millones de euros.", "over"),
    ("es", "El coste supera los 350 millones de euros.", "over"),
    ("es", "El coste superó los 350 millones de euros.", "over"),
    ("es", "El coste podría superar los 350 millones de euros.", "over"),
    ("es", "El coste ha superado los 350 millones de euros.", "over"),
    ("es", "El paro supera el 20 %.", "over"),
    ("fr", "Le coût dépasserait les 350 millions d'euros.", "over"),
    ("fr", "Le coût a dépassé 350 millions d'euros.", "over"),
    ("it", "Il costo supererebbe i 350 milioni di euro.", "over"),
    ("it", "Il costo ha superato i 350 milioni di euro.", "over"),
    ("de", "Die Kosten übersteigen 350 Millionen Euro.", "over"),
    ("de", "Die Kosten überschritten die 350 Millionen Euro.", "over"),
    # ... denied, "up to" ...
    ("es", "El coste no superaría los 350 millones de euros.", "up-to"),
    ("es", "El coste no ha superado los 350 millones de euros.", "up-to"),
    ("fr", "Le coût ne dépasse pas les 350 millions d'euros.", "up-to"),
    ("fr", "Le coût n'a pas dépassé les 350 millions d'euros.", "up-to"),
    ("it", "Il costo non supera i 350 milioni di euro.", "up-to"),
    ("de", "Die Kosten übersteigen nicht 350 Millionen Euro.", "up-to"),
    # ... and no bound when it is not straight before the number: by how much, or a
    # German verb at the clause's end.
    ("es", "El coste superó en 20 millones de euros lo previsto.", "exactly"),
    ("de", "Die Kosten dürften 350 Millionen Euro übersteigen.", "exactly"),
])
def test_exceed_before_a_number_is_over(language: str, text: str, qualifier: str) -> None:
    (figure,) = suggest.find_figures(text, language=language)
    assert figure.qualifier == qualifier


def test_a_region_reads_as_its_language() -> None:
    (figure,) = suggest.find_figures("Sie kostet 2,5 Mio. Euro.", language="de-AT")
    assert (figure.found, figure.value[0], figure.unit) == ("2,5 Mio. Euro", 2_500_000, "EUR")
    # A scale word that sentence splitting cuts off still belongs to the figure, and its
    # sentence is shown whole.
    assert figure.sentence.text == "Sie kostet 2,5 Mio. Euro."


@pytest.mark.parametrize(("text", "found", "value", "unit", "qualifier"), [
    ("Le projet coûtera jusqu'à 2,3 G$, selon la Ville.", "2,3 G$", 2_300_000_000, "CAD",
     "up-to"),
    ("Québec aurait réservé 450\u00a0M$ dans son plan.", "450\u00a0M$", 450_000_000, "CAD",
     "exactly"),
    ("Un investissement d'environ 120 M$.", "120 M$", 120_000_000, "CAD", "about"),
    ("Le loyer est de 12\u202f000 $ par année.", "12\u202f000 $", 12_000, "CAD", "exactly"),
    ("Québec paierait environ 1,5 milliard de dollars.", "1,5 milliard de dollars",
     1_500_000_000, "CAD", "about"),
    ("Le contrat vaut US$ 5 millions.", "US$ 5 millions", 5_000_000, "USD", "exactly"),
])
def test_quebecs_money_forms_are_canadian_dollars(text: str, found: str, value: int,
                                                  unit: str, qualifier: str) -> None:
    """A Quebec paper writes "2,3 G$" and "450 M$", and its dollars are Canadian: the
    scale before the sign went unread, and "$" was read as USD."""
    (figure,) = suggest.find_figures(text, language="fr-CA")
    assert (figure.found, figure.value[0], figure.unit, figure.qualifier) == (
        found, value, unit, qualifier)


def test_a_dollar_outside_canada_stays_usd_and_a_scale_before_a_sign_is_read() -> None:
    euros, dollars = suggest.find_figures(
        "Le budget atteint 1,5 Md€ et 2 millions de dollars.", language="fr")
    assert (euros.found, euros.value[0], euros.unit) == ("1,5 Md€", 1_500_000_000, "EUR")
    assert (dollars.value[0], dollars.unit) == (2_000_000, "USD")


def test_a_range_shares_its_scale() -> None:
    text = "Umsatz von 2,1 bis 2,3 Milliarden Euro erwartet."
    (figure,) = suggest.find_figures(text, language="de")
    assert figure.found == "2,1 bis 2,3 Milliarden Euro"
    assert figure.value == (Decimal(2_100_000_000), Decimal(2_300_000_000))


def test_no_figure_without_a_unit_or_a_count() -> None:
    text = ("Am 12. März 2025 kamen 4.200 in Bayern an, 2027 statt 2026; "
            "er wurde 45 Jahre alt.")
    assert suggest.find_figures(text, language="de") == ()


def test_the_german_fixture() -> None:
    with open("tests/fixtures/suggestions/names/de-brandauer-prognose.txt",
              encoding="utf-8") as article:
        text = article.read()
    figures = suggest.find_figures(text, language="de")
    assert [(f.found, f.unit, f.qualifier) for f in figures] == [
        ("2,1 bis 2,3 Milliarden Euro", "EUR", "exactly"),
        ("2,8 Milliarden Euro", "EUR", "exactly"),
        ("14 Prozent", "percent", "over"),
        ("150 Millionen Euro", "EUR", "exactly"),
        ("9.000 Mitarbeiter", "Mitarbeiter", "about")]


@pytest.mark.parametrize("language, text", [
    ("nl", "Het bedrijf investeert ruim 1,5 miljard euro en schrapt 2.000 banen, 12 procent."),
    ("sv", "Företaget investerar 1,5 miljarder euro, 2.000 jobb och 12 procent."),
])
def test_other_languages_read_as_before(language: str, text: str) -> None:
    assert suggest.find_figures(text, language=language) == suggest.find_figures(text)


def test_english_is_the_default() -> None:
    text = "It cost about $80 million, 12% more, and hired 2,000 workers."
    assert suggest.find_figures(text, language="en-GB") == suggest.find_figures(text)
    assert [f.found for f in suggest.find_figures(text)] == [
        "$80 million", "12%", "2,000 workers"]


def measured_score(case: Case) -> Score:
    return score(case, suggested_of=measured.suggested_figures)


@pytest.mark.parametrize("case", list(measured.cases()), ids=lambda c: c.name)
def test_every_measured_figure_is_right(case: Case) -> None:
    score = measured_score(case)
    assert score.precision == 1.0, score.wrong


def test_the_figures_benchmark_totals_each_language(capsys: pytest.CaptureFixture[str]
                                                    ) -> None:
    assert measured.main([]) == 0
    rows = [row.strip("| ").split(" | ") for row in capsys.readouterr().out.splitlines()[2:]]
    totals = {language: rest for name, language, *rest in rows if name == "all"}
    assert sorted(totals) == ["de", "de-AT", "es", "fr", "it", "pt-BR", "pt-PT"]
    scores = [measured_score(c) for c in measured.cases() if c.language == "de"]
    assert totals["de"][3] == f"{sum(s.gold for s in scores)} " \
        f"({sum(s.found for s in scores)})"


@pytest.mark.parametrize(("text", "found"), [
    ("Der Konzern streicht 500 Stellen.", ("500 Stellen", "Stellen", "exactly")),
    ("Die Partei erhielt 12 Sitze.", ("12 Sitze", "Sitze", "exactly")),
    ("Es gibt 25 E-Autos und 12 Start-ups.", ("25 E-Autos", "E-Autos", "exactly")),
    ("Die Messe erwartet 130000 Besucher.", ("130000 Besucher", "Besucher", "exactly")),
    ("„500 Stellen fallen weg“, sagte er.", ("500 Stellen", "Stellen", "exactly")),
    # Four digits as a year writes them count after a determiner or a hedge.
    ("Die 1800 Beschäftigten streiken.", ("1800 Beschäftigten", "Beschäftigten", "exactly")),
    ("Rund 1500 Mitarbeiter sind betroffen.", ("1500 Mitarbeiter", "Mitarbeiter", "about")),
    ("Bis zu 2000 Menschen kamen.", ("2000 Menschen", "Menschen", "up-to")),
])
def test_a_german_count_without_a_scale_word_or_grouped_thousands(
        text: str, found: tuple[str, str, str]) -> None:
    figures = suggest.find_figures(text, language="de")
    assert (figures[0].found, figures[0].unit, figures[0].qualifier) == found


@pytest.mark.parametrize("text", [
    # A year, a time, an age, a period, a measure.
    "Der Konzern hat 2024 Verluste geschrieben.", "Er will 2026 Stellen streichen.",
    "Seit 2020 Mitarbeiter fehlen, stockt es.", "Die Sitzung beginnt um 14 Uhr.",
    "Um 16.30 Uhr beginnt es.", "Er ist 54 Jahre alt.", "Vor 20 Jahren war das anders.",
    "Bei 30 Grad schwitzen alle.", "Mit 130 Stundenkilometern fuhr er.",
    "Auf 2000 Quadratmetern zeigen sie alles.",
    # A label's number, a name's, an ordinal, a number within another.
    "Nach Paragraf 17 Kündigungsschutzgesetz gilt das.", "Laut § 17 KSchG gilt das.",
    "Der Rundgang beginnt an Stand 12 Halle 2.", "In der Kalenderwoche 14 Lieferungen.",
    "Auf S. 12 Abbildungen zeigen es.", "Apple verkaufte weniger iPhone 16 Modelle.",
    "Die G7 Staaten tagen.", "Schalke 04 Fans feierten.", "Jeder 3. Aussteller kommt.",
    "Die 68er Bewegung prägte sie.", "Er siegte 3:1 Punkte vor ihm.",
    # A singular noun, a function word.
    "Der ICE 578 Richtung Hamburg fiel aus.", "Es kamen 4200 in Bayern an.",
])
def test_a_german_number_that_counts_nothing_is_no_figure(text: str) -> None:
    assert suggest.find_figures(text, language="de") == ()


def test_the_measured_german_counts() -> None:
    scores = [measured_score(c) for c in measured.cases() if c.language == "de"]
    assert sum(s.found for s in scores) / sum(s.gold for s in scores) >= 0.85
    assert sum(s.correct for s in scores) == sum(s.suggested for s in scores)


@pytest.mark.parametrize(("language", "text", "found"), [
    # A count without a scale word or grouped thousands: a whole number of two or more
    # before a noun in the plural ...
    ("fr", "Le projet prévoit 18 stations sur la ligne.", ("18 stations", "stations", "exactly")),
    ("fr", "Le tracé fait environ 16 kilomètres.", ("16 kilomètres", "kilomètres", "about")),
    ("fr", "Le syndicat représente près de 800 chauffeurs.",
     ("800 chauffeurs", "chauffeurs", "about")),
    ("fr", "Il remplacera ses 35 autobus.", ("35 autobus", "autobus", "exactly")),
    ("es", "Habrá más de 40 autobuses en la red.", ("40 autobuses", "autobuses", "over")),
    ("es", "Unos 600 empleos están en riesgo.", ("600 empleos", "empleos", "about")),
    ("es", "La red tiene 1500 paradas.", None),
    ("es", "Las 1500 paradas tendrán pantallas.", ("1500 paradas", "paradas", "exactly")),
    ("it", "Saranno attivati oltre 60 autobus sostitutivi.", ("60 autobus", "autobus", "over")),
    ("it", "Sono a rischio 900 posti di lavoro.", ("900 posti", "posti", "exactly")),
    ("it", "Il viaggio durerà fino a 40 minuti in più.", ("40 minuti", "minuti", "up-to")),
    ("it", "La rete conta 14 linee urbane.", ("14 linee", "linee", "exactly")),
    ("pt", "A frota terá cerca de 120 ônibus.", ("120 ônibus", "ônibus", "about")),
    ("pt", "A obra vai criar pelo menos 400 postos de trabalho.",
     ("400 postos", "postos", "at-least")),
    ("pt-BR", "A linha ganhará 9 estações.", ("9 estações", "estações", "exactly")),
    # ... an adjective between them is passed over, "km" is a plural ...
    ("fr", "Elle achète 40 nouveaux autobus.", ("40 nouveaux autobus", "autobus", "exactly")),
    ("it", "Arriveranno 3 altri treni.", ("3 altri treni", "treni", "exactly")),
    ("fr", "Le tracé fait environ 16 km.", ("16 km", "km", "about")),
    # ... and a unit of energy, power or data, as English reads them.
    ("fr", "Le tramway consommera environ 60 GWh par année.", ("60 GWh", "GWh", "about")),
    ("es", "La planta tendrá 50 MW de potencia.", ("50 MW", "MW", "exactly")),
    ("de", "Das Werk liefert rund 2,5 GW Leistung.", ("2,5 GW", "GW", "about")),
])
def test_a_romance_count_without_a_scale_word_or_grouped_thousands(
        language: str, text: str, found: tuple[str, str, str] | None) -> None:
    figures = suggest.find_figures(text, language=language)
    assert ((figures[0].found, figures[0].unit, figures[0].qualifier) if figures
            else None) == found


@pytest.mark.parametrize(("language", "text"), [
    # A time, an age, years, a day, a count of times.
    ("fr", "La conférence a eu lieu à 10 heures."), ("fr", "Vers 14 heures, elle a repris."),
    ("fr", "M. Gendron, 58 ans, dirige la société."),
    ("fr", "Il dirige la société depuis plus de 12 ans."), ("fr", "Le chantier débute le 3 mars."),
    ("fr", "Il a gagné 2 fois le titre."), ("fr", "Le stage dure 5 jours."),
    ("fr", "Sur les 5 dernières années, rien."), ("fr", "Il a perdu à 3 reprises."),
    ("fr", "Il y a 3 semaines, elle a signé."), ("fr", "On compte 2 plus 2."),
    ("it", "Sono 3 che aspettano."), ("it", "Erano 40 non di più."),
    ("it", "Il treno delle 8 e 15 è in ritardo."),
    ("pt", "Restam 40 apenas."),
    ("es", "Ortiz, de 47 años, lo dijo."), ("es", "A las 8 horas salió el primero."),
    ("es", "Desde hace 9 años no se convoca."), ("es", "Llegará el 1 de septiembre."),
    ("es", "Hasta 2030 los autobuses serán diésel."),
    ("it", "Lo ha annunciato alle 11 il presidente."), ("it", "Ferri, 61 anni, lo ha detto."),
    ("it", "Arriva il 12 settembre prossimo."), ("it", "Fino al 2026 gli autobus restano."),
    ("pt", "Freitas, de 52 anos, falou."), ("pt", "A entrevista foi às 15 horas."),
    ("pt", "Até 2027 os ônibus serão trocados."), ("pt", "Há 7 anos não há concurso."),
    # A label's number, a name's, a number within another, a function word after it.
    ("fr", "La ligne 4 sera la première."), ("fr", "L'article 12 de la convention."),
    ("fr", "Page 3 du rapport annuel."), ("fr", "La route 132 traverse le village."),
    ("fr", "Le Covid-19 a tout changé."), ("fr", "En 2024 les ventes ont chuté."),
    ("es", "La línea 7 tendrá paradas."), ("es", "Según el artículo 15 del pliego."),
    ("es", "Vive en la calle 3 de Mayo."),
    ("it", "Sulla linea 3 saranno attive."), ("it", "Secondo l'articolo 21 del bando."),
    ("it", "Lo dice a pagina 7 del piano."),
    ("pt", "O terminal fica na BR-101 perto."), ("pt", "A linha 12 ganhará mais."),
    ("pt", "Na página 4 do edital está escrito."), ("pt", "Segundo o artigo 8 do contrato."),
    ("pt", "O iPhone 16 chegou."),
])
def test_a_romance_number_that_counts_nothing_is_no_figure(language: str, text: str) -> None:
    assert suggest.find_figures(text, language=language) == ()


@pytest.mark.parametrize(("language", "text"), [
    ("pt-BR", "A lei 14.133 trata de licitações."),
    ("pt-BR", "A Lei nº 14.133 trata de licitações."),
    ("pt-BR", "A Lei n.º 14.133 trata de licitações."),
    ("pt-BR", "A Lei Complementar nº 101 fixa limites."),
    ("pt-BR", "A Lei 8.666/93 foi revogada."),
    ("pt-BR", "O Decreto 10.024 regula o pregão."),
    ("pt-BR", "O Decreto nº 10.024, de 2019, regula o pregão."),
    ("pt-PT", "O Decreto-Lei n.º 18/2008 aprovou o código."),
    ("pt-BR", "O processo nº 1.234 tramita desde março."),
    ("es", "La Ley 9/2017 de Contratos del Sector Público."),
    ("es", "La Ley 40.015 regula algo."),
    ("es", "La Ley Orgánica 3/2018 protege los datos."),
    ("es", "El Real Decreto 1.234/2024 regula el sector."),
    ("fr", "La loi n° 2016-1691 du 9 décembre 2016."),
    ("fr", "Le décret n° 2 016 123 fixe les tarifs."),
    ("it", "La legge 190/2012 contro la corruzione."),
    ("it", "La legge n. 1.234 riguarda gli appalti."),
    ("it", "Il decreto legislativo 36/2023 è in vigore."),
    ("de", "Das Gesetz Nr. 1.234 regelt das."),
    ("de", "Die Verordnung Nr. 2.000 Stellen."),
])
def test_a_laws_number_is_no_figure(language: str, text: str) -> None:
    """A law's or a decree's number is an identifier: "A Lei 14.133 trata de" suggested a
    count of 14133 "trata"."""
    assert suggest.find_figures(text, language=language) == ()


@pytest.mark.parametrize(("language", "text", "found"), [
    # The figures beside a law's number are still read ...
    ("pt-BR", "A Lei 14.133 prevê 2.000 contratos e R$ 3 bilhões.",
     ["2.000 contratos", "R$ 3 bilhões"]),
    ("pt-BR", "A lei custará 1.500 reais a cada empresa.", ["1.500 reais"]),
    ("es", "La Ley 9/2017 afecta a 12.000 empresas.", ["12.000 empresas"]),
    ("fr", "La loi n° 2016-1691 concerne 3 000 entreprises.", ["3 000 entreprises"]),
    ("it", "La legge 190/2012 riguarda 2.500 enti.", ["2.500 enti"]),
    ("de", "Das Gesetz Nr. 5 betrifft 2.000 Firmen.", ["2.000 Firmen"]),
    # ... and a number after a word that only begins as a law's is a count.
    ("es", "Leyendo 2.000 páginas al año.", ["2.000 páginas"]),
    ("pt-BR", "Leilões de 3.000 lotes.", ["3.000 lotes"]),
])
def test_the_figures_beside_a_laws_number_are_read(language: str, text: str,
                                                   found: list[str]) -> None:
    assert [f.found for f in suggest.find_figures(text, language=language)] == found


@pytest.mark.parametrize(("language", "text", "found"), [
    # A count whose noun the sentence leaves out, before a rate of time: the rate is its
    # unit as written ...
    ("fr", "La ligne en transporte 9 000 par jour.", ("9 000 par jour", 9000, "par jour",
                                                     "exactly")),
    ("fr", "Elle en transporte environ 9 000 par jour.", ("9 000 par jour", 9000,
                                                          "par jour", "about")),
    ("fr", "Il en vend 2 millions par an.", ("2 millions par an", 2_000_000, "par an",
                                             "exactly")),
    ("es", "La línea transporta 9.000 al día.", ("9.000 al día", 9000, "al día", "exactly")),
    ("es", "Llegan unos 300 por hora.", ("300 por hora", 300, "por hora", "about")),
    ("de", "Die Linie befördert 9.000 pro Tag.", ("9.000 pro Tag", 9000, "pro Tag",
                                                  "exactly")),
    ("de", "Es kommen rund 1500 am Tag.", ("1500 am Tag", 1500, "am Tag", "about")),
    ("it", "La linea trasporta 9.000 al giorno.", ("9.000 al giorno", 9000, "al giorno",
                                                   "exactly")),
    ("it", "Ne produce 20 mila l'anno.", ("20 mila l'anno", 20000, "l'anno", "exactly")),
    ("pt-BR", "A linha transporta 9.000 por dia.", ("9.000 por dia", 9000, "por dia",
                                                    "exactly")),
    ("pt-BR", "São 9 mil por dia.", ("9 mil por dia", 9000, "por dia", "exactly")),
    ("en", "The line carries 9,000 a day.", ("9,000 a day", 9000, "a day", "exactly")),
    ("en", "It sells about 2 million a year.", ("2 million a year", 2_000_000, "a year",
                                                "about")),
    ("en", "Up to 300 a week came.", ("300 a week", 300, "a week", "up-to")),
    # ... and a count with its noun, money and a percentage keep their own unit.
    ("fr", "La ligne transporte 9 000 passagers par jour.", ("9 000 passagers", 9000,
                                                             "passagers", "exactly")),
    ("de", "Die Linie befördert 9.000 Fahrgäste pro Tag.", ("9.000 Fahrgäste", 9000,
                                                            "Fahrgäste", "exactly")),
    ("es", "Cuesta 5 euros al día.", ("5 euros", 5, "EUR", "exactly")),
    ("pt-BR", "O saldo rende 12% ao ano.", ("12%", 12, "percent", "exactly")),
    ("en", "It costs $5 a day.", ("$5", 5, "USD", "exactly")),
    ("en", "He works 24 hours a day.", ("24 hours", 24, "hours", "exactly")),
])
def test_a_count_before_a_rate_of_time_without_its_noun(
        language: str, text: str, found: tuple[str, int, str, str]) -> None:
    """"9 000 par jour" was no figure: its noun ("passagers") is left out."""
    figures = suggest.find_figures(text, language=language)
    assert [(f.found, f.value, f.unit, f.qualifier) for f in figures] == [
        (found[0], (Decimal(found[1]), Decimal(found[1])), found[2], found[3])]


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Il travaille 24 heures par jour."), ("fr", "Il le fait 3 fois par jour."),
    ("fr", "En 2024 par an, rien."), ("de", "Es waren 9.000 im Jahr 2024."),
    ("de", "Es kamen 1500 pro Tag."), ("de", "Um 9:30 pro Tag."),
    ("es", "Hasta 2030 al año se mantendrá."), ("en", "In 2024 a day later it fell."),
    ("en", "It was 20 a year 2024 figure."),
])
def test_a_rate_after_no_count_is_no_figure(language: str, text: str) -> None:
    """A rate after a year, a time, or a count's own noun gives no count without a noun."""
    assert suggest.find_figures(text, language=language) == ()


@pytest.mark.parametrize(("language", "text"), [
    # A rate's words that say when, not how often: the day after, a day of the year ...
    ("de", "Es kamen 9.000 am Tag der Arbeit."), ("de", "Es kamen 9.000 im Jahr nach der Wahl."),
    ("es", "Llegaron 9.000 al día siguiente."), ("it", "Arrivarono 9.000 al giorno dopo."),
    ("en", "It earned 2 million a year ago."), ("en", "It sold 9,000 a day earlier."),
])
def test_a_time_after_a_count_is_no_rate(language: str, text: str) -> None:
    assert suggest.find_figures(text, language=language) == ()


@pytest.mark.parametrize(("language", "text", "found"), [
    # ... but a rate at a clause's end or before what is no time is one.
    ("de", "Es kommen 9.000 am Tag.", "9.000 am Tag"),
    ("de", "Es kommen 9.000 im Jahr, sagt er.", "9.000 im Jahr"),
    ("de", "Es kamen 9.000 pro Tag im Mai.", "9.000 pro Tag"),
    ("fr", "Ils étaient 9 000 par jour de grève.", "9 000 par jour"),
    ("en", "It sold 9,000 a day on average.", "9,000 a day"),
])
def test_a_rate_before_no_time_is_read(language: str, text: str, found: str) -> None:
    assert [f.found for f in suggest.find_figures(text, language=language)] == [found]
