"""The prose provenance checks: each fires at the exact words on a broken corpus, and stays
silent on clean ones (the seed corpus and the benchmark's synthetic corpus)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from corpus_helpers import BRIEF_YML, SEED, minimal_corpus, snapshot, write_tree
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.corpus import generate
from briefing import attribution, provenance
from briefing.buildcache import BuildCache
from briefing.cli import main
from briefing.diagnostics import Diagnostic, Pos
from briefing.hedges import Hedges, parse_hedges
from briefing.numbers import numbers, written_in
from briefing.pipeline import build
from briefing.provenance import quoted_spans
from briefing.settings import Policy

BRIEF = "briefs/widget.yml"
POINT = 'text: "Acme says the widget costs $5 million."'
HEDGED = (("sources/acme-widget.txt", "costs $5 million", "costs about $5 million"),
          ("sources/acme-widget.yml", "its widget costs $5 million",
           "its widget costs about $5 million"))
# The claim's figure keeps the hedge as its qualifier.
FIGURE_HEDGED = ("claims.yml", "        unit: USD\n",
                 "        unit: USD\n        qualifier: about\n")
SUMMARY = ("at $5 million;", "at about $5 million;")  # and the brief's summary

# (case, edits, code, where, words the message names)
CASES = [
    ("invented quotation", ((BRIEF, POINT, "text: 'Acme calls the widget \"a steal\".'"),),
     "prose-quote-unsourced", f"{BRIEF}:6:39", '"a steal"'),
    ("curly quotation", ((BRIEF, POINT, 'text: "Acme calls it \u201ca steal\u201d."'),),
     "prose-quote-unsourced", f"{BRIEF}:6:31", '"a steal"'),
    ("single quotation", ((BRIEF, POINT, "text: \"Acme calls it 'a steal'.\""),),
     "prose-quote-unsourced", f"{BRIEF}:6:31", '"a steal"'),
    ("guillemets", ((BRIEF, POINT, 'text: "Acme calls it \u00aba steal\u00bb."'),),
     "prose-quote-unsourced", f"{BRIEF}:6:31", '"a steal"'),
    ("curly single around an apostrophe",
     ((BRIEF, POINT, 'text: "Acme calls it \u2018Acme\u2019s steal\u2019."'),),
     "prose-quote-unsourced", f"{BRIEF}:6:31", "Acme\u2019s steal"),
    ("part of a word", ((BRIEF, POINT, 'text: "Acme says the \\"dget\\" costs $5 million."'),),
     "prose-quote-unsourced", f"{BRIEF}:6:32", '"dget"'),
    ("quotation in a brief title",
     ((BRIEF, "title: The widget price", "title: 'The \"bargain\" widget'"),),
     "prose-quote-unsourced", f"{BRIEF}:1:14", '"bargain"'),
    ("quotation in a figure's scope", (("claims.yml", "        unit: USD\n",
                                        "        unit: USD\n        scope: The article says "
                                        "'a bargain'\n"),),
     "prose-quote-unsourced", "claims.yml:12:34", '"a bargain"'),
    ("quotation in an event label",
     (("claims.yml", "announces the widget's price.", 'calls the price \\"fair\\".'),),
     "prose-quote-unsourced", "claims.yml:13:50", '"fair"'),
    ("quotation in an entity description",
     (("entities.yml", "    kind: person\n", '    kind: person\n    description: '
       '"Says the widget is \\"overpriced by half\\"."\n'),),
     "prose-quote-unsourced", "entities.yml:9:40", '"overpriced by half"'),
    ("number no quote gives", ((BRIEF, "costs $5 million.", "costs $7M."),),
     "prose-figure-unsourced", f"{BRIEF}:6:43", "$7M"),
    ("hedge dropped in a point", HEDGED, "prose-hedge-dropped", f"{BRIEF}:6:43", '"about"'),
    ("hedge dropped in a claim", HEDGED, "prose-hedge-dropped", "claims.yml:3:55", '"about"'),
    ("hedge dropped in a summary", HEDGED, "prose-hedge-dropped", f"{BRIEF}:2:48", '"about"'),
    ("hedge dropped in a figure", HEDGED, "prose-hedge-dropped", "claims.yml:10:9",
     "figure's qualifier is 'exactly' (the default, when none is written)"),
    ("figure no quote gives", (("claims.yml", "value: 5000000", "value: 7000000"),),
     "prose-figure-unsourced", "claims.yml:10:9", "figure 7,000,000"),
    ("number in a claim no quote gives", (("claims.yml", "costs $5 million.", "costs $7M."),),
     "prose-figure-unsourced", "claims.yml:3:55", "$7M"),
    # A numeric hedge is kept next to its number, not anywhere in the text.
    ("hedge elsewhere in the point", (*HEDGED, (BRIEF, POINT,
      'text: "About the price: Acme says the widget costs $5 million."')),
     "prose-hedge-dropped", f"{BRIEF}:6:60", "of $5 million"),
    ("hearsay before a number dropped",
     (("sources/acme-widget.txt", "costs $5 million", "costs a reported $5 million"),
      ("sources/acme-widget.yml", "its widget costs $5 million",
       "its widget costs a reported $5 million")),
     "prose-hedge-dropped", f"{BRIEF}:6:16", '"a reported"'),
    ("modal hedge dropped",
     (("sources/acme-widget.txt", "Critics disagree.", "Critics say it may fail."),
      ("sources/acme-widget.yml", "text: \"the widget is overpriced\"",
       "text: \"Critics say it may fail\""),
      (BRIEF, "An analyst calls it overpriced.", "Critics say it fails.")),
     "prose-hedge-dropped", f"{BRIEF}:11:16", '"may"'),
    ("words given to one named with an affiliation",
     ((BRIEF, "Acme says the widget", "Jane Doe of Acme says the widget"),),
     "prose-attribution", f"{BRIEF}:6:16", "Jane Doe"),
    ("words given to another", ((BRIEF, "An analyst calls it", "Acme calls it"),),
     "prose-attribution", f"{BRIEF}:11:16", "Acme Corp"),
    ("words given to another by reference",
     ((BRIEF, "An analyst calls it", "According to [[entity:acme]], it is"),),
     "prose-attribution", f"{BRIEF}:11:29", "Acme Corp"),
]


def corpus(tmp_path: Path, edits: tuple[tuple[str, str, str], ...]) -> Path:
    files = dict(minimal_corpus())
    for name, old, new in edits:
        text = files[name]
        assert isinstance(text, str) and old in text, (name, old)
        files[name] = text.replace(old, new, 1)
    return write_tree(tmp_path / "content", files)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_each_check_fires_at_the_words(
        case: tuple[str, tuple[tuple[str, str, str], ...], str, str, str],
        tmp_path: Path) -> None:
    _, edits, code, where, named = case
    content = corpus(tmp_path, edits)
    found = [d for d in build(content).diagnostics if d.code == code]
    at = [str(d.pos).removeprefix(content.as_posix() + "/") for d in found]
    assert where in at, f"{code} at {at}, expected {where}"
    assert any(named in d.message for d in found), [d.message for d in found]
    assert all(d.hint for d in found)


def test_may_the_month_is_no_hedge(tmp_path: Path) -> None:
    """A quote saying the widget ships "in May" does not ask the point to say "may"."""
    content = corpus(tmp_path, (
        ("sources/acme-widget.txt", "Critics disagree.", "It ships in May, Acme said."),
        ("sources/acme-widget.yml", "    doubts: [widget-cost-5m]\n",
         '    doubts: [widget-cost-5m]\n  - id: acme-may\n    text: "It ships in May"\n'
         "    speaker: acme\n"),
        (BRIEF, "An analyst calls it overpriced.\"\n        cites: [doe-overpriced]",
         "An analyst calls it overpriced.\"\n        cites: [doe-overpriced]\n"
         "      - text: \"Acme says the widget ships this spring.\"\n"
         "        cites: [acme-may]")))
    assert [d.format() for d in build(content).diagnostics] == []
    hedged = content / "sources" / "acme-widget.txt"
    hedged.write_text(hedged.read_text().replace("It ships in May", "It may ship soon"))
    yml = content / "sources" / "acme-widget.yml"
    yml.write_text(yml.read_text().replace("It ships in May", "It may ship soon"))
    assert {d.code for d in build(content).diagnostics} == {"prose-hedge-dropped"}


def hedge_warned(tmp_path: Path, said: str, point: str) -> bool:
    """Whether a point saying `point`, citing a quote of the article's words `said`, is
    warned that it drops the quote's hedge."""
    content = corpus(tmp_path, (
        ("sources/acme-widget.txt", "Critics disagree.", f"{said}."),
        ("sources/acme-widget.yml", "    doubts: [widget-cost-5m]\n",
         f'    doubts: [widget-cost-5m]\n  - id: critics\n    text: "{said}"\n'),
        (BRIEF, "An analyst calls it overpriced.\"\n        cites: [doe-overpriced]",
         "An analyst calls it overpriced.\"\n        cites: [doe-overpriced]\n"
         f"      - text: \"{point}\"\n        cites: [critics]")))
    found = {d.code for d in build(content).diagnostics}
    assert found <= {"prose-hedge-dropped"}, found
    return bool(found)


@pytest.mark.parametrize(("said", "hedged"), [
    ("Critics doubt its claims", False), ("Critics doubt Acme's claims", False),
    ("Critics say Acme claims too much", True)])
def test_claims_the_noun_is_no_hedge(tmp_path: Path, said: str, hedged: bool) -> None:
    """"Acme's claims" names what Acme said; only "Acme claims" hedges what follows."""
    assert hedge_warned(tmp_path, said, "The widget is too dear.") == hedged


@pytest.mark.parametrize(("said", "hedged"), [
    ("Buyers could not afford it", False), ("Buyers could  not afford it", False),
    ("Buyers could soon not afford it", True), ("Buyers might not afford it", True)])
def test_could_not_is_no_hedge(tmp_path: Path, said: str, hedged: bool) -> None:
    """"could not" says what was not possible (reported speech for "cannot"); "might not"
    and "could soon not" still soften."""
    assert hedge_warned(tmp_path, said, "Buyers cannot afford the widget.") == hedged


@pytest.mark.parametrize(("edit", "where", "labelled"), [
    ((BRIEF, "costs $5 million.", "costs $5 million by 2030."), "point", "`inference: true`"),
    (("claims.yml", "costs $5 million.", "costs $5 million by 2030."), "claim statement",
     "claim's `note:`"),
    (("claims.yml", "announces the widget's price.", "will sell the widget until 2030."),
     "event label", "`inferred: true`"),
])
def test_a_year_no_quote_gives_is_told_where_a_reading_of_ones_own_goes(
        tmp_path: Path, edit: tuple[str, str, str], where: str, labelled: str) -> None:
    """A year alone is more often the curator's reading of the dates than arithmetic: the
    hint says how that kind of text labels it as the curator's."""
    content = corpus(tmp_path, (edit,))
    [found] = [d for d in build(content).diagnostics if d.code == "prose-figure-unsourced"]
    assert found.message.startswith("2030 is not a number") and where in found.message
    assert found.hint.startswith("correct the year") and labelled in found.hint


@pytest.mark.parametrize(("point", "warned"), [
    ("It is overpriced, says Acme.", True),
    ("\u201cOverpriced,\u201d said chief buyer Acme.", True),
    ("It is overpriced, says Jane Doe.", False),
    ("It is overpriced, says Acme rival Jane Doe.", False),
    ("It is overpriced, said Acme's critic Jane Doe.", False),
    ("Acme's price, says Jane Doe, is too high.", False),
])
def test_a_speaker_named_after_the_verb_is_read(tmp_path: Path, point: str, warned: bool
                                                ) -> None:
    """The press names the speaker after the verb ("…, says Jane Doe"): a point doing so
    gives the quote to the one it names, unless that name only qualifies the next."""
    content = corpus(tmp_path, ((BRIEF, "An analyst calls it overpriced.", point),))
    found = [d for d in build(content).diagnostics if d.code == "prose-attribution"]
    assert bool(found) == warned, [d.format() for d in found]
    if warned:
        assert "names Acme Corp as the one who said it" in found[0].message
        assert found[0].pos.line == 11 and found[0].pos.col == 15 + point.index("Acme") + 1



# --- attribution in German, French, Spanish, Italian and Portuguese ------------------------

# Each language's quote, by Anna Berg: a point may quote its words.
QUOTED = {"en": "The plant stays open", "de": "Das Werk bleibt offen", "fr": "Le site reste ouvert",
          "es": "La planta sigue abierta", "it": "Lo stabilimento resta aperto",
          "pt": "A fábrica continua aberta"}
SPEAKERS_YML = """\
entities:
  - id: anna-berg
    name: Anna Berg
    kind: person
  - id: marc-roux
    name: Marc Roux
    kind: person
  - id: nordwerk
    name: Nordwerk
    kind: organisation
  - id: reuters
    name: Reuters
    kind: publication
  - id: afp
    name: AFP
    kind: publication
  - id: imf
    name: IMF
    kind: organisation
    aliases: [IWF, FMI]
"""


def speaker_corpus(root: Path, language: str, point: str) -> Path:
    """A point citing a quote of Anna Berg's, in `language`, from a source that names no
    language (so is in the site's)."""
    words = QUOTED[language.split("-")[0]]
    return write_tree(root / "content", {
        "entities.yml": SPEAKERS_YML,
        "sources/s.txt": f"Titel\n{words}.\n",
        "sources/s.yml": 'title: "Titel"\npublished: "2025-03-03"\nquotes:\n'
                         f'  - id: q\n    text: "{words}"\n    speaker: anna-berg\n',
        "briefs/b.yml": 'title: "B"\nsummary: "A summary."\nsections:\n'
                        '  - kind: what-happened\n    points:\n'
                        f'      - text: "{point}"\n        cites: [q]\n'})


def attributed(tmp_path: Path, language: str, point: str, site: str = "") -> list[str]:
    """Whom a point in `language`, on a site in `site` (else `language`), citing Anna
    Berg's words, is warned to give them to."""
    found = build(speaker_corpus(tmp_path, language, point),
                  language=site or language).diagnostics
    assert [d.format() for d in found if d.code == "prose-quote-unsourced"] == []
    return [re.sub(r"this point names (.+?) as .*", r"\1", d.message)
            for d in found if d.code == "prose-attribution"]


# (the site's language, a point citing Anna Berg's words, whom it gives them to or None)
ATTRIBUTED = [
    # English: "called", but not "called off" (NOT_ATTRIBUTED).
    ("en", "Nordwerk called the plant's closure a rumour.", "Nordwerk"),
    # German: the subject and its verb, the verb after a quotation, laut, zufolge.
    ("de", "Nordwerk sagt, das Werk bleibe offen.", "Nordwerk"),
    ("de", "Nordwerk erklärte am Montag, das Werk bleibe offen.", "Nordwerk"),
    ("de", "Nordwerk hat behauptet, das Werk bleibe offen.", "Nordwerk"),
    ("de", "Laut Anna Berg hat Nordwerk erklärt, das Werk bleibe offen.", "Nordwerk"),
    ("de", "Wie Reuters meinte, bleibt das Werk offen.", "Reuters"),
    ("de", "\u201eDas Werk bleibt offen\u201c, sagte Nordwerk.", "Nordwerk"),
    ("de", "\u00bbDas Werk bleibt offen\u00ab, betonte Marc Roux.", "Marc Roux"),
    ("de", "Das Werk bleibt offen, warnte Marc Roux.", "Marc Roux"),
    ("de", "Laut Nordwerk bleibt das Werk offen.", "Nordwerk"),
    ("de", "Nordwerk zufolge bleibt das Werk offen.", "Nordwerk"),
    ("de", "Nach Angaben von Reuters bleibt das Werk offen.", "Reuters"),
    ("de", "Laut dem IWF bleibt das Werk offen.", "IMF"),
    ("de-AT", "Laut Nordwerk bleibt das Werk offen.", "Nordwerk"),
    ("de", "Nordwerk says the plant stays open.", "Nordwerk"),  # English, on every site
    # French: the compound past, the verb after a quotation, selon, d'après.
    ("fr", "Nordwerk affirme que le site reste ouvert.", "Nordwerk"),
    ("fr", "Nordwerk a déclaré que le site reste ouvert.", "Nordwerk"),
    ("fr", "Reuters estime que le site reste ouvert.", "Reuters"),
    ("fr", "\u00ab Le site reste ouvert \u00bb, a déclaré Nordwerk.", "Nordwerk"),
    ("fr", "\u00ab Le site reste ouvert \u00bb, a affirmé l'économiste Marc Roux.",
     "Marc Roux"),
    ("fr", "Le site reste ouvert, dit Marc Roux.", "Marc Roux"),
    ("fr", "Selon Nordwerk, le site reste ouvert.", "Nordwerk"),
    ("fr", "D'après Reuters, le site reste ouvert.", "Reuters"),
    ("fr", "D\u2019après Reuters, le site reste ouvert.", "Reuters"),
    ("fr", "Selon le FMI, le site reste ouvert.", "IMF"),
    ("fr", "Selon l'AFP, le site reste ouvert.", "AFP"),
    ("fr-CA", "Selon Nordwerk, le site reste ouvert.", "Nordwerk"),
    # Spanish: the simple and compound past, the verb after a quotation, según.
    ("es", "Nordwerk dijo que la planta sigue abierta.", "Nordwerk"),
    ("es", "Nordwerk ha afirmado que la planta sigue abierta.", "Nordwerk"),
    ("es", "Reuters afirmó que la planta sigue abierta.", "Reuters"),
    ("es", "\u00abLa planta sigue abierta\u00bb, dijo Nordwerk.", "Nordwerk"),
    ("es", "\u00abLa planta sigue abierta\u00bb, declaró el analista Marc Roux.",
     "Marc Roux"),
    ("es", "Según Reuters, la planta sigue abierta.", "Reuters"),
    ("es", "Según el FMI, la planta sigue abierta.", "IMF"),
    # Italian: the compound past, the verb after a quotation, secondo, stando a.
    ("it", "Nordwerk ha detto che lo stabilimento resta aperto.", "Nordwerk"),
    ("it", "Nordwerk afferma che lo stabilimento resta aperto.", "Nordwerk"),
    ("it", "\u00abLo stabilimento resta aperto\u00bb, ha detto Nordwerk.", "Nordwerk"),
    ("it", "\u00abLo stabilimento resta aperto\u00bb, ha dichiarato il ministro Marc Roux.",
     "Marc Roux"),
    ("it", "Secondo Reuters lo stabilimento resta aperto.", "Reuters"),
    ("it", "Stando a Reuters, lo stabilimento resta aperto.", "Reuters"),
    ("it", "Secondo il FMI lo stabilimento resta aperto.", "IMF"),
    ("it", "Secondo l'AFP lo stabilimento resta aperto.", "AFP"),
    # An adverb inside the compound past, a prefix or an object that is no other verb's.
    ("fr", "Nordwerk a également déclaré que le site reste ouvert.", "Nordwerk"),
    ("fr", "Nordwerk a aussi dit que le site reste ouvert.", "Nordwerk"),
    ("fr", "\u00ab Le site reste ouvert \u00bb, a également déclaré Nordwerk.", "Nordwerk"),
    ("it", "Nordwerk ha inoltre detto che lo stabilimento resta aperto.", "Nordwerk"),
    ("es", "Nordwerk ha también dicho que la planta sigue abierta.", "Nordwerk"),
    ("de", "Nordwerk hat außerdem gesagt, das Werk bleibe offen.", "Nordwerk"),
    ("de", "Nordwerk sagte, man sage die Messe ab.", "Nordwerk"),  # the clause is closed
    ("de", "Nordwerk sagte am Montag, das Werk bleibe offen.", "Nordwerk"),
    ("de", "Nordwerk sagte dazu, das Werk bleibe offen.", "Nordwerk"),
    ("de", "Nordwerk sagte zu Reuters, das Werk bleibe offen.", "Nordwerk"),
    ("de", "Nordwerk erklärte die Messe ab sofort für offen.", "Nordwerk"),
    ("fr", "Nordwerk a déclaré que la faillite est exclue.", "Nordwerk"),
    # Portuguese: the simple past, the verb after a quotation, segundo, nas palavras de.
    ("pt", "Nordwerk disse que a fábrica continua aberta.", "Nordwerk"),
    ("pt-BR", "A Nordwerk afirmou que a fábrica continua aberta.", "Nordwerk"),
    ("pt-PT", "A Reuters diz que a fábrica continua aberta.", "Reuters"),
    ("pt", "\u201cA fábrica continua aberta\u201d, disse Nordwerk.", "Nordwerk"),
    ("pt-PT", "\u00abA fábrica continua aberta\u00bb, declarou o ministro Marc Roux.",
     "Marc Roux"),
    ("pt", "\u201cA fábrica continua aberta\u201d, acrescentou Nordwerk.", "Nordwerk"),
    ("pt", "A fábrica continua aberta, destacou Marc Roux.", "Marc Roux"),
    ("pt", "Segundo Reuters, a fábrica continua aberta.", "Reuters"),
    ("pt", "Segundo o FMI, a fábrica continua aberta.", "IMF"),
    ("pt", "Segundo a AFP, a fábrica continua aberta.", "AFP"),
    ("pt", "Nas palavras de Nordwerk, a fábrica continua aberta.", "Nordwerk"),
    ("pt-BR", "Segundo a Nordwerk, a fábrica continua aberta.", "Nordwerk"),
    ("pt-BR", "Conforme a Nordwerk, a fábrica continua aberta.", "Nordwerk"),
    ("pt-BR", "De acordo com a Nordwerk, a fábrica continua aberta.", "Nordwerk"),
    ("pt-BR", "De acordo com Marc Roux, a fábrica continua aberta.", "Marc Roux"),
    ("pt-BR", "Marc Roux (PSOL) disse que a fábrica continua aberta.", "Marc Roux"),
    ("es", "Marc Roux (PP) dijo que la planta sigue abierta.", "Marc Roux"),
    ("pt", "Nordwerk teria dito que a fábrica continua aberta.", "Nordwerk"),
    ("pt", "Nordwerk tem também dito que a fábrica continua aberta.", "Nordwerk"),
    ("pt", "Nordwerk declarou que a falência está excluída.", "Nordwerk"),
    # "Pour X, « … »": the words in quotation marks after it are X's view.
    ("fr", "Pour Nordwerk, \u00ab le site reste ouvert \u00bb.", "Nordwerk"),
    ("fr", "Pour Marc Roux, économiste, \u00ab le site reste ouvert \u00bb.", "Marc Roux"),
    ("fr", "Pour le FMI, \u00ab le site reste ouvert \u00bb.", "IMF"),
    ("fr", "Pour l'économiste Marc Roux, \u00ab le site reste ouvert \u00bb.", "Marc Roux"),
    ("fr", "Pour Marc Roux, le site \u00ab reste ouvert \u00bb.", "Marc Roux"),
    ("fr", "Le site, pour Marc Roux, \u00ab reste ouvert \u00bb.", "Marc Roux"),
    ("fr-CA", "Pour Nordwerk, \u00ab le site reste ouvert \u00bb.", "Nordwerk"),
    ("es", "Para Nordwerk, \u00abla planta sigue abierta\u00bb.", "Nordwerk"),
    ("es", "Para el FMI, \u00abla planta sigue abierta\u00bb.", "IMF"),
    ("it", "Per Nordwerk, \u00ablo stabilimento resta aperto\u00bb.", "Nordwerk"),
    ("it", "Per l'AFP, \u00ablo stabilimento resta aperto\u00bb.", "AFP"),
    ("pt", "Para a Nordwerk, \u201ca fábrica continua aberta\u201d.", "Nordwerk"),
    ("pt-PT", "Para o ministro Marc Roux, \u00aba fábrica continua aberta\u00bb.",
     "Marc Roux"),
    ("en", "For Nordwerk, \u201cthe plant stays open\u201d.", "Nordwerk"),
    # German "für", which sets no comma after the name but for a view: its comma right
    # after the name, or "ist" or "war" there, then the quotation.
    ("de", "Für Nordwerk, \u201edas Werk bleibt offen\u201c.", "Nordwerk"),
    ("de", "Für Marc Roux, Ökonom, \u201edas Werk bleibt offen\u201c.", "Marc Roux"),
    ("de", "Für den IWF ist klar: \u201eDas Werk bleibt offen\u201c.", "IMF"),
    ("de", "Für Nordwerk war klar, \u201edas Werk bleibt offen\u201c.", "Nordwerk"),
    ("de", "Für Nordwerk ist klar: \u201eDas Werk bleibt offen\u201c, sagte Marc Roux.",
     "Marc Roux"),
    # ... but not where the sentence names another speaker of the quotation, after it
    # ("…, a déclaré Marc Roux", "…, dijo Marc Roux", "…,” Marc Roux said") or before it
    # ("Pour Nordwerk, Marc Roux a déclaré : « … »"): "for X" is then whom it concerns.
    ("fr", "Pour Nordwerk, \u00ab le site reste ouvert \u00bb, a déclaré Marc Roux.",
     "Marc Roux"),
    ("fr", "Pour Anna Berg, \u00ab le site reste ouvert \u00bb, a déclaré Marc Roux.",
     "Marc Roux"),
    ("fr", "Pour Nordwerk, Marc Roux a déclaré : \u00ab le site reste ouvert \u00bb.",
     "Marc Roux"),
    ("es", "Para Nordwerk, \u00abla planta sigue abierta\u00bb, afirmó Marc Roux.",
     "Marc Roux"),
    ("it", "Per Nordwerk, \u00ablo stabilimento resta aperto\u00bb, ha detto Marc Roux.",
     "Marc Roux"),
    ("pt", "Para a Nordwerk, \u201ca fábrica continua aberta\u201d, disse Marc Roux.",
     "Marc Roux"),
    ("en", "For Nordwerk, \u201cthe plant stays open,\u201d said Marc Roux.", "Marc Roux"),
    ("en", "For Nordwerk, \u201cthe plant stays open,\u201d Marc Roux said.", "Marc Roux"),
    # A pronoun after the quotation is X again ("ajoute-t-il"), and a speaker named in
    # the next sentence is another sentence's.
    ("fr", "Pour Marc Roux, \u00ab le site reste ouvert \u00bb, ajoute-t-il.", "Marc Roux"),
    ("es", "Para Nordwerk, \u00abla planta sigue abierta\u00bb, dijo.", "Nordwerk"),
    # So does one after a verb ("dit-elle", "dijo él", "sagte er", "disse ela"), and the
    # one told after it ("dijo a Reuters", "ha detto al FMI", "sagte er Reuters") is not
    # the speaker: the view stays X's.
    ("fr", "Pour Nordwerk, \u00ab le site reste ouvert \u00bb, dit-elle.", "Nordwerk"),
    ("fr", "Pour Nordwerk, \u00ab le site reste ouvert \u00bb, a-t-il dit à Reuters.",
     "Nordwerk"),
    ("es", "Para Nordwerk, \u00abla planta sigue abierta\u00bb, dijo a Reuters.",
     "Nordwerk"),
    ("es", "Para Nordwerk, \u00abla planta sigue abierta\u00bb, dijo él a Reuters.",
     "Nordwerk"),
    ("it", "Per Nordwerk, \u00ablo stabilimento resta aperto\u00bb, ha detto al FMI.",
     "Nordwerk"),
    ("de", "Für Nordwerk, \u201edas Werk bleibt offen\u201c, sagte er Reuters.",
     "Nordwerk"),
    ("pt", "Para a Nordwerk, \u201ca fábrica continua aberta\u201d, disse ela.",
     "Nordwerk"),
    # The speaker named before the one told: "dijo Nordwerk a Reuters".
    ("es", "\u00abLa planta sigue abierta\u00bb, dijo Nordwerk a Reuters.", "Nordwerk"),
    ("en", "For Nordwerk, \u201cthe plant stays open.\u201d Marc Roux disagreed.",
     "Nordwerk"),
]
NOT_ATTRIBUTED = [
    # English: "called", but not "called off" (NOT_ATTRIBUTED).
    ("en", "Nordwerk called the plant's closure a rumour.", "Nordwerk"),
    # The quote's own speaker named.
    ("de", "\u201eDas Werk bleibt offen\u201c, sagte Anna Berg.", None),
    ("de", "Laut Anna Berg bleibt das Werk offen.", None),
    ("fr", "\u00ab Le site reste ouvert \u00bb, a déclaré Anna Berg.", None),
    ("fr", "Selon Anna Berg, le site reste ouvert.", None),
    ("es", "\u00abLa planta sigue abierta\u00bb, dijo Anna Berg.", None),
    ("es", "Según Anna Berg, la planta sigue abierta.", None),
    ("it", "\u00abLo stabilimento resta aperto\u00bb, ha detto Anna Berg.", None),
    ("it", "Secondo Anna Berg lo stabilimento resta aperto.", None),
    # The name is an affiliation, or qualifies the speaker's.
    ("de", "Anna Berg von Nordwerk sagte, das Werk bleibe offen.", None),
    ("de", "Anna Berg, Analystin bei Reuters, sagte, das Werk bleibe offen.", None),
    ("de", "Anna Berg vom IWF sagte, das Werk bleibe offen.", None),
    ("de", "\u201eDas Werk bleibt offen\u201c, sagte Nordwerk-Chefin Anna Berg.", None),
    ("de", "\u201eDas Werk bleibt offen\u201c, sagte der Nordwerk-Chef.", None),
    ("de", "Laut Nordwerk-Chefin Anna Berg bleibt das Werk offen.", None),
    # (the verb closes the clause: Reuters is who was told)
    ("de", "Wie Anna Berg der Agentur Reuters sagte, bleibt das Werk offen.", None),
    ("fr", "Anna Berg, directrice de Nordwerk, a déclaré que le site reste ouvert.", None),
    ("fr", "Anna Berg, analyste chez Reuters, affirme que le site reste ouvert.", None),
    ("fr", "Anna Berg, économiste de l'AFP, affirme que le site reste ouvert.", None),
    ("fr", "Anna Berg, économiste du FMI, affirme que le site reste ouvert.", None),
    ("es", "Anna Berg, de Nordwerk, dijo que la planta sigue abierta.", None),
    ("es", "Anna Berg, economista del FMI, afirmó que la planta sigue abierta.", None),
    ("it", "Anna Berg di Nordwerk ha detto che lo stabilimento resta aperto.", None),
    ("it", "Anna Berg, analista della Reuters, afferma che lo stabilimento resta aperto.",
     None),
    # The word in another sense, or one left out as it is as often another.
    ("de", "Das Gericht erklärte Nordwerk für zahlungsunfähig.", None),  # declared
    ("de", "Die Chips gingen nach Nordwerk.", None),  # "nach" alone: to
    ("de", "Die Halle war laut, Nordwerk schwieg.", None),  # loud
    ("de", "Das Werk bleibt offen, so Nordwerk.", None),  # "so": left out
    ("de", "Nordwerk schreibt schwarze Zahlen.", None),  # is in the black
    ("fr", "Nordwerk a ajouté une ligne de production.", None),  # added (a thing)
    ("fr", "Anna Berg, interrogée, a déclaré que Nordwerk garde le site.", None),
    ("fr", "Nordwerk assure la production du site.", None),  # ensures
    ("es", "Nordwerk aseguró la financiación de la planta.", None),  # secured
    ("es", "Anna Berg, en una entrevista, dijo que Nordwerk mantiene la planta.", None),
    ("es", "Anna Berg está de acuerdo con Nordwerk.", None),  # "de acuerdo con": agrees
    ("it", "Il secondo Nordwerk Summit si tiene a Roma.", None),  # the second
    ("it", "Nordwerk sostiene i costi dello stabilimento.", None),  # bears the costs
    ("it", "Anna Berg, in un'intervista, ha detto che Nordwerk resta.", None),
    # A verb of saying that is part of another verb: a separable prefix closing the
    # clause (absagen, zusagen, ansagen), an object (declare bankruptcy, forfeit, war).
    ("de", "Nordwerk sagte die Messe ab.", None),  # called off
    ("de", "Nordwerk sagte die Messe wegen des Sturms ab, das Werk bleibt offen.", None),
    ("de", "Nordwerk sagte die Lieferung zu.", None),  # promised
    ("de", "Nordwerk sagt den Termin an.", None),
    ("de", "Nordwerk sagten ab.", None),
    ("fr", "Nordwerk a déclaré faillite.", None),
    ("fr", "Nordwerk a déclaré forfait pour le salon.", None),  # withdrew
    ("fr", "Nordwerk a également déclaré faillite.", None),
    ("fr", "Nordwerk déclare la faillite de sa filiale.", None),
    ("es", "Nordwerk declaró la quiebra.", None),
    ("it", "Nordwerk ha dichiarato fallimento.", None),
    ("fr", "Nordwerk a été déclaré coupable.", None),  # was found guilty: no adverb
    ("pt", "Nordwerk declarou falência.", None),
    ("pt", "Nordwerk declarou a falência da filial.", None),
    ("pt-BR", "Nordwerk declarou guerra aos preços baixos.", None),
    ("pt", "O caso Nordwerk diz respeito a toda a fábrica.", None),  # concerns
    ("pt", "Nordwerk foi declarada culpada.", None),  # was found guilty
    ("pt-PT", "Nordwerk afirmou-se como líder do mercado.", None),  # established itself
    ("pt-PT", "Nordwerk declarou-se insolvente.", None),
    # (who was told: "à", "ao" before the name)
    ("pt", "\u201cA fábrica continua aberta\u201d, disse o ministro à Reuters.", None),
    # Portuguese: the quote's own speaker, an affiliation, a word in another sense.
    ("pt", "\u201cA fábrica continua aberta\u201d, disse Anna Berg.", None),
    ("pt", "Segundo Anna Berg, a fábrica continua aberta.", None),
    ("pt", "Anna Berg, da Nordwerk, disse que a fábrica continua aberta.", None),
    ("pt", "Anna Berg, analista do FMI, afirmou que a fábrica continua aberta.", None),
    ("pt", "Anna Berg, numa entrevista, disse que Nordwerk mantém a fábrica.", None),
    ("pt", "O segundo Nordwerk Summit será em Lisboa.", None),  # the second
    ("pt", "No segundo Nordwerk Summit a fábrica continua aberta.", None),
    ("pt", "Anna Berg está de acordo com Nordwerk.", None),  # agrees
    ("pt", "Conforme Nordwerk cresce, a fábrica continua aberta.", None),  # as it grows
    ("pt-BR", "Anna Berg estava de acordo com a Nordwerk.", None),  # agreed
    ("pt-BR", "Anna Berg ficou em segundo, Nordwerk em terceiro.", None),
    ("pt", "Nordwerk garantiu o financiamento da fábrica.", None),  # secured
    ("pt", "Nordwerk sustenta os custos da fábrica.", None),  # bears the costs
    ("pt", "Nordwerk destacou 50 técnicos para a fábrica.", None),  # assigned
    ("pt", "Nordwerk acrescentou uma linha de produção.", None),  # added (a thing)
    ("en", "Nordwerk called off the fair.", None),
    ("en", "Nordwerk called it off after the storm.", None),
    ("en", "Nordwerk calls off the fair.", None),
    # "Pour X, « … »" naming the quote's own speaker, or with no quotation after it: "for
    # X" may be whom it concerns ("Pour Nordwerk, 2025 a été une année record"); nor
    # after a word ("un atout pour Nordwerk"), nor of an affiliation.
    ("fr", "Pour Anna Berg, \u00ab le site reste ouvert \u00bb.", None),
    ("fr", "Pour Anna Berg, économiste de Nordwerk, \u00ab le site reste ouvert \u00bb.",
     None),
    ("fr", "Pour Anna Berg de Nordwerk, \u00ab le site reste ouvert \u00bb.", None),
    ("fr", "Pour Nordwerk, le site reste ouvert.", None),
    ("fr", "Un atout pour Nordwerk, \u00ab le site reste ouvert \u00bb.", None),
    ("fr", "Pour Nordwerk, c'est fini. \u00ab Le site reste ouvert \u00bb, dit Anna Berg.",
     None),
    ("es", "Para Anna Berg, \u00abla planta sigue abierta\u00bb.", None),
    ("es", "Para Nordwerk, la planta sigue abierta.", None),
    ("it", "Per Anna Berg, \u00ablo stabilimento resta aperto\u00bb.", None),
    ("it", "Per Nordwerk lo stabilimento resta aperto.", None),
    ("pt", "Para Anna Berg, \u201ca fábrica continua aberta\u201d.", None),
    ("pt", "Para a Nordwerk, a fábrica continua aberta.", None),
    ("en", "For Anna Berg, \u201cthe plant stays open\u201d.", None),
    ("en", "For Nordwerk, the plant stays open.", None),
    # German sets no comma after "für X" but for a view: one after other words, or
    # another verb than "ist" or "war", says for whom ("für Nordwerk arbeiten", "gilt").
    ("de", "Für Nordwerk gilt: \u201eDas Werk bleibt offen\u201c.", None),
    ("de", "Für Nordwerk arbeiten viele, denn \u201edas Werk bleibt offen\u201c.", None),
    ("de", "Für Anna Berg ist klar: \u201eDas Werk bleibt offen\u201c.", None),
    ("de", "Für Nordwerk ist klar: \u201eDas Werk bleibt offen\u201c, sagte Anna Berg.",
     None),
    # Another language's word is not read ("per" on a French site).
    ("fr", "Para Nordwerk, \u00ab le site reste ouvert \u00bb.", None),
    # "Pour X, « … », a déclaré Y": Y said it, of X; the quote's own speaker is named.
    ("fr", "Pour Nordwerk, \u00ab le site reste ouvert \u00bb, a déclaré Anna Berg.", None),
    ("fr", "Pour Nordwerk, \u00ab le site reste ouvert \u00bb, affirme Anna Berg.", None),
    ("fr", "Pour Nordwerk, \u00ab le site reste ouvert \u00bb, selon Anna Berg.", None),
    ("fr", "Pour Nordwerk, Anna Berg a déclaré : \u00ab le site reste ouvert \u00bb.", None),
    ("fr-CA", "Le site, pour Nordwerk, \u00ab reste ouvert \u00bb, a dit Anna Berg.", None),
    ("es", "Para Nordwerk, \u00abla planta sigue abierta\u00bb, dijo Anna Berg.", None),
    ("es", "Para el FMI, \u00abla planta sigue abierta\u00bb, según Anna Berg.", None),
    ("it", "Per Nordwerk, \u00ablo stabilimento resta aperto\u00bb, ha detto Anna Berg.",
     None),
    ("pt", "Para a Nordwerk, \u201ca fábrica continua aberta\u201d, disse Anna Berg.", None),
    ("en", "For Nordwerk, \u201cthe plant stays open,\u201d said Anna Berg.", None),
    ("en", "For Nordwerk, \u201cthe plant stays open,\u201d Anna Berg said.", None),
    ("en", "For Nordwerk, Anna Berg said, \u201cthe plant stays open\u201d.", None),
    # The one told after a verb, or after its pronoun, is not the speaker.
    ("es", "\u00abLa planta sigue abierta\u00bb, dijo a Reuters.", None),
    ("es", "Para Anna Berg, \u00abla planta sigue abierta\u00bb, dijo al FMI.", None),
    ("it", "\u00abLo stabilimento resta aperto\u00bb, ha detto a Reuters.", None),
    ("de", "\u201eDas Werk bleibt offen\u201c, sagte er Reuters.", None),
    ("pt", "\u201cA fábrica continua aberta\u201d, disse ele à Reuters.", None),
]


@pytest.mark.parametrize(("language", "point", "whom"), ATTRIBUTED + NOT_ATTRIBUTED,
                         ids=[f"{row[0]} {row[1][:40]}" for row in ATTRIBUTED + NOT_ATTRIBUTED])
def test_a_point_in_german_french_spanish_italian_or_portuguese_is_read_for_its_speaker(
        tmp_path: Path, language: str, point: str, whom: str | None) -> None:
    """On a site in one of these languages the prose is read with its verbs of saying and
    its "according to", in its press's word order, and with the English ones."""
    assert attributed(tmp_path, language, point) == ([whom] if whom else [])


@pytest.mark.parametrize(("site", "language", "point"), [
    ("en", "de", "Laut Nordwerk bleibt das Werk offen."),
    ("en", "fr", "\u00ab Le site reste ouvert \u00bb, a déclaré Nordwerk."),
    ("nl", "es", "Nordwerk dijo que la planta sigue abierta."),
    ("de", "fr", "Selon Nordwerk, le site reste ouvert."),
    ("es", "it", "Secondo Reuters lo stabilimento resta aperto."),
    ("en", "pt", "Segundo Reuters, a fábrica continua aberta."),
    ("es", "pt", "Nordwerk disse que a fábrica continua aberta."),
    ("pt", "es", "Según Reuters, la planta sigue abierta."),
])
def test_verbs_of_saying_are_read_in_the_sites_language_only(
        tmp_path: Path, site: str, language: str, point: str) -> None:
    """A language's words are read in the prose of a site in that language, as a source's
    hedge words are read in the quotes of a source in its language."""
    assert attributed(tmp_path, language, point, site=site) == []


def test_the_warning_points_at_the_name_after_a_compound_verb(tmp_path: Path) -> None:
    point = "\u00ab Le site reste ouvert \u00bb, a déclaré Nordwerk."
    [found] = [d for d in build(speaker_corpus(tmp_path, "fr", point),
                                language="fr").diagnostics if d.code == "prose-attribution"]
    assert (found.pos.line, found.pos.col) == (6, 16 + point.index("Nordwerk"))


# --- English reads as it did -------------------------------------------------------------

# The patterns of the attribution check before other languages' words came, as they were.
OLD_SAID = re.compile(
    r"(?:'s)?(?:\s*,[^,;.]{1,80},)?\s+(?:\w+\s+){0,2}?(?:says|said|say|claims|claimed|"
    r"argues|argued|warns|warned|calls|called|suggests|suggested|told|states|stated|"
    r"asserts|asserted|contends|emphasizes|emphasises|highlights|notes|noted|writes|"
    r"wrote|acknowledged|disclosed|dismissed|expresses|express)\b", re.IGNORECASE)
OLD_SAID_BEFORE = re.compile(
    r"[,\"\u201d\u2019'\u00bb]\s*(?i:says|said|adds|added|argues|argued|warns|warned|"
    r"claims|claimed|notes|noted|writes|wrote|states|stated|insists|insisted|explains|"
    r"explained)(?:\s+[a-z][\w-]*){0,3}\s+$")
OLD_QUALIFIES = re.compile(r"(?:['\u2019]s)?(?:\s+[a-z][\w-]*){0,3}\s+$")
OLD_AFFILIATION = re.compile(r"(?:\bof|\bat|\bfrom|'s)\s*$", re.IGNORECASE)
OLD_ACCORDING = re.compile(r"according\s+to\s+$", re.IGNORECASE)


def old_names(plain: str, mentions: list[tuple[int, int, str]], index: int) -> bool:
    """Whether the attribution check, as it was, read the mention at `index` as named the
    one speaking."""
    start, end, _ = mentions[index]
    if OLD_AFFILIATION.search(plain[max(0, start - 6):start]):
        return False
    said = OLD_SAID.match(plain, end)
    nearer = next((m for m in mentions[index + 1:] if not OLD_AFFILIATION.search(
        plain[max(0, m[0] - 6):m[0]])), None)
    if said and nearer is not None and nearer[0] < said.end():
        said = None
    said_before = OLD_SAID_BEFORE.search(plain[max(0, start - 60):start]) and not (
        index + 1 < len(mentions) and OLD_QUALIFIES.fullmatch(plain, end, mentions[index + 1][0]))
    return bool(said or said_before or OLD_ACCORDING.search(plain[max(0, start - 16):start]))


NAMES = ("Acme", "Jane Doe", "Reuters")
# What may stand before a name and after it: English verbs, "according to" and
# affiliations with the marks and small words around them, spaced as they may be, and the
# other languages' words, marks and small words, which an English site reads as it did
# (not at all, or as any other word).
BEFORE = ("", " ", ". ", ", says ", ", said the rival ", "\u201d said chief analyst ",
          "\" said ", "\u201c said ", "\u2018 said ", "\u00ab said ", "\u2039 said ",
          "\u203a said ", ", said l'analyst ", ", said \u00e9lite ", ", said that ",
          ", says que ", " according to ", "according  to   ", "disaccording to ", " of ",
          " at ", " from  ", "'s ", ", sagte ", ", a d\u00e9clar\u00e9 ", " selon ", " laut ",
          " il secondo ", " secondo ", " di ", " von ", " d'", "nach Angaben von ",
          "\u201c, sagte ", "\u00bb, dijo ", " segundo ", " o segundo ", " da ",
          "\u201d, disse ")
AFTER = ("", " ", ".", " says", " has long said", ", a maker, told", "'s chief says",
         "\u2019s ", "-Chef ", " rival ", " of ", " zufolge", " sagte", " a d\u00e9clar\u00e9",
         " dijo", " ha detto", " disse", " tem dito", " declarou falência")


@pytest.mark.parametrize(("language", "plain", "speakers"), [
    # A name inside the quotation, with a verb of saying, is in the words quoted: the
    # view stays the name's before it.
    ("fr", "Pour Marc Roux, \u00ab Nordwerk dit que le site reste ouvert \u00bb.",
     ["Marc Roux", "Nordwerk"]),
    ("en", "For Marc Roux, \u201cNordwerk says the plant stays open\u201d.",
     ["Marc Roux", "Nordwerk"]),
    # One after the quotation, in the same sentence, says it.
    ("fr", "Pour Marc Roux, \u00ab le site reste ouvert \u00bb, a déclaré Anna Berg.",
     ["Anna Berg"]),
    ("fr", "Pour Marc Roux, \u00ab le site reste ouvert \u00bb. Anna Berg a déclaré "
     "autre chose.", ["Marc Roux", "Anna Berg"]),
])
def test_who_is_given_a_view_for_a_name(language: str, plain: str, speakers: list[str]
                                        ) -> None:
    names = ("Marc Roux", "Anna Berg", "Nordwerk")
    mentions = sorted((at, at + len(name), name) for name in names
                      for at in [plain.find(name)] if at >= 0)
    speaking = attribution.Speaking(language)
    assert [name for index, (_, _, name) in enumerate(mentions)
            if speaking.names(plain, mentions, index)] == speakers


@settings(max_examples=1000)
@given(st.lists(st.tuples(st.sampled_from(BEFORE), st.sampled_from(NAMES),
                          st.sampled_from(AFTER)), min_size=1, max_size=3),
       st.sampled_from(("en", "en-GB", "nl", "nl-BE", "sv", "ja")))
def test_english_and_other_sites_read_attribution_as_before(
        parts: list[tuple[str, str, str]], language: str) -> None:
    """On a site in English, or in a language with no words of its own for it, every name
    in any text is read as it was before other languages' words came."""
    plain, mentions = "", []
    for before, name, after in parts:
        plain += before
        mentions.append((len(plain), len(plain) + len(name), name))
        plain += name + after
    speaking = attribution.Speaking(language)
    for index in range(len(mentions)):
        assert speaking.names(plain, mentions, index) == old_names(plain, mentions, index), (
            plain, mentions[index])


@pytest.mark.parametrize(("point", "whom"), [
    ("Acme says the widget is overpriced.", "Acme Corp"),
    ("Acme Corp, a maker, told buyers it is overpriced.", "Acme Corp"),
    ("According to Acme, it is overpriced.", "Acme Corp"),
    ("It is overpriced, Acme noted.", "Acme Corp"),
    ("\u201cOverpriced,\u201d said chief buyer Acme.", "Acme Corp"),
    ("Jane Doe of Acme says it is overpriced.", None),
    ("Jane Doe says Acme is overpriced.", None),
    ("It is overpriced, says Jane Doe of Acme.", None),
    ("Acme's widget is overpriced, Jane Doe says.", None),
    # The other languages' words are not read on an English site.
    ("Laut Acme ist es zu teuer.", None),
    ("Selon Acme, il est trop cher.", None),
    ("\u00abEs demasiado caro\u00bb, dijo Acme.", None),
])
def test_english_points_are_read_as_before(tmp_path: Path, point: str, whom: str | None
                                           ) -> None:
    content = corpus(tmp_path, ((BRIEF, "An analyst calls it overpriced.", point),))
    found = [d.message for d in build(content).diagnostics if d.code == "prose-attribution"]
    assert [re.sub(r"this point names (.+?) as .*", r"\1", m) for m in found] == (
        [whom] if whom else [])


def test_the_minimal_corpus_is_clean(tmp_path: Path) -> None:
    assert not build(corpus(tmp_path, ())).diagnostics


def test_silent_on_the_benchmark_corpus(tmp_path: Path) -> None:
    content = write_tree(tmp_path / "content", generate(60, seed=3))
    assert [d.format() for d in build(content).diagnostics] == []


def test_silent_on_the_seed_corpus() -> None:
    found = [d.format() for d in build(SEED).diagnostics]
    assert found == []


def test_inference_points_are_exempt_from_sourcing_not_from_quotation(tmp_path: Path) -> None:
    inferred = POINT + "\n        inference: true"
    content = corpus(tmp_path, ((BRIEF, POINT, inferred.replace("$5 million", "$50M")),))
    assert not [d for d in build(content).diagnostics]
    content = corpus(tmp_path / "b", ((BRIEF, POINT, inferred.replace(
        "the widget costs $5 million", 'it is \\"cheap\\"')),))
    assert [d.code for d in build(content).diagnostics] == ["prose-quote-unsourced"]


def test_model_terms_and_ellipses_are_not_invented_quotations(tmp_path: Path) -> None:
    content = corpus(tmp_path, ((BRIEF, POINT, 'text: "Acme says \\"its widget … $5 '
                                               'million\\", recorded as \\"disputed\\"."'),))
    assert not build(content).diagnostics


def test_a_kept_hedge_or_its_equivalent_is_silent(tmp_path: Path) -> None:
    content = corpus(tmp_path, (*HEDGED, (BRIEF, "costs $5 million", "costs around $5 million"),
                                ("claims.yml", "costs $5 million", "costs roughly $5 million"),
                                FIGURE_HEDGED, (BRIEF, *SUMMARY)))
    assert not build(content).diagnostics


@pytest.mark.parametrize(("point", "dropped"), [
    ("[[entity:jane-doe]] calls it overpriced.", False),  # names whom the hedge names
    ("Jane Doe calls it overpriced.", False),
    ("It is overpriced.", True),
    ("[[entity:acme]] calls it overpriced.", True),  # another
])
def test_according_to_is_kept_by_naming_whom_it_names(tmp_path: Path, point: str,
                                                       dropped: bool) -> None:
    """"according to Jane Doe" gives the words to Jane Doe: a point that does so itself
    keeps what the hedge is for."""
    said = "The widget is overpriced, according to Jane Doe"
    content = corpus(tmp_path, (
        ("sources/acme-widget.txt", "Jane Doe, an analyst, said \u201cthe widget is "
                                    "overpriced\u201d in a note.", said + "."),
        ("sources/acme-widget.yml", "text: \"the widget is overpriced\"", f"text: \"{said}\""),
        (BRIEF, "An analyst calls it overpriced.", point)))
    found = [d for d in build(content).diagnostics if d.code == "prose-hedge-dropped"]
    assert bool(found) == dropped, [d.format() for d in found]
    assert all('"according to"' in d.message for d in found)


def test_hedge_words_extend_from_the_settings(tmp_path: Path) -> None:
    edits = (*HEDGED, (BRIEF, "costs $5 million", "costs ballpark $5 million"),
             ("claims.yml", "costs $5 million", "costs ballpark $5 million"), FIGURE_HEDGED,
             (BRIEF, "at $5 million;", "at ballpark $5 million;"))
    content = corpus(tmp_path, edits)
    assert {d.code for d in build(content).diagnostics} == {"prose-hedge-dropped"}
    hedges, problems = parse_hedges({"approximate": ["ballpark"]}, lambda key: Pos("m"))
    assert not problems
    assert not build(content, hedges=hedges).diagnostics


def test_bad_hedge_settings_are_reported() -> None:
    where = lambda key: Pos("mkdocs.yml", 1 + key.count("."), 1)  # noqa: E731
    for value in (["maybe"], {"possibility": "maybe"}, {"possibility": []}):
        hedges, problems = parse_hedges(value, where)
        assert [p.code for p in problems] == ["config-hedges"]
        assert hedges == Hedges()


# --- words of the article no cited passage holds (prose-words-unsourced) -----------------

SAID = "An analyst calls it overpriced."
SRC_YML = "sources/acme-widget.yml"
DOE = 'text: "the widget is overpriced"'
# A passage beside `doe-overpriced` in the article: "Jane Doe, an analyst, said “the
# widget is overpriced” in a note."
ANALYST = ("    doubts: [widget-cost-5m]\n", "    doubts: [widget-cost-5m]\n"
           "  - id: doe-analyst\n    text: \"an analyst, said\"\n")
HEADLINE = (("sources/acme-widget.txt", "Acme Corp says", "A widget priced for the few\n\nAcme "
              "Corp says"),
            (SRC_YML, 'title: "Acme prices its widget"', 'title: "A widget priced for the few"'))
FRENCH = ("Jane Doe, an analyst, said", "Jane Doe, l\u2019analyste de la banque, a dit")

# (case, edits, where the warning points or None for none, the words it names, hint)
COPIED = [
    ("words of the article after the cited passage",
     ((BRIEF, SAID, "An analyst calls it overpriced in a note."),),
     f"{BRIEF}:11:36", '"overpriced in a note"', "extend quote 'doe-overpriced'"),
    ("in a claim statement, after a speaker's name",
     (("claims.yml", "costs $5 million.\"",
       "costs $5 million, which [[entity:jane-doe]] finds overpriced in a note.\""),),
     "claims.yml:3:99", '"overpriced in a note"', "extend quote 'doe-overpriced'"),
    ("in a summary", ((BRIEF, "an analyst doubts it.", "an analyst finds it overpriced in a "
                       "note."),), f"{BRIEF}:2:80", '"overpriced in a note"', "in the same"),
    ("a passage not cited holds them",
     ((BRIEF, SAID, "An analyst calls it overpriced in a note."),
      (SRC_YML, "    doubts: [widget-cost-5m]\n",
       "    doubts: [widget-cost-5m]\n  - id: doe-note\n    text: \"overpriced\u201d in a "
       "note\"\n")),
     f"{BRIEF}:11:36", '"overpriced in a note"', "cite quote 'doe-note'"),
    ("apostrophes folded, in French",
     (("sources/acme-widget.txt", *FRENCH), (BRIEF, SAID, "L'analyste de la banque doute.")),
     f"{BRIEF}:11:16", '"L\'analyste de la banque"', "extend quote 'doe-overpriced'"),
    ("no cited passage in their paragraph",
     ((BRIEF, POINT, 'text: "Acme says the widget costs $5 million; Jane Doe, an analyst, '
                     'said so."'),),
     f"{BRIEF}:6:55", '"Jane Doe, an analyst, said"', "annotate the sentence they are in"),
    ("covered by the cited passage",
     ((BRIEF, SAID, "An analyst calls it overpriced in a note."),
      (SRC_YML, DOE, 'text: "the widget is overpriced\u201d in a note"')), None, "", ""),
    ("in quotation marks", ((BRIEF, SAID, "An analyst calls it \u201coverpriced in a "
                             "note\u201d."),), None, "", ""),
    ("in guillemets, in French",
     (("sources/acme-widget.txt", *FRENCH),
      (BRIEF, SAID, "Selon \u00abl\u2019analyste de la banque\u00bb, c'est trop cher.")),
     None, "", ""),
    ("across the join of two adjacent cited passages",
     ((SRC_YML, *ANALYST), (BRIEF, SAID, "An analyst said the widget is overpriced."),
      (BRIEF, "cites: [doe-overpriced]", "cites: [doe-overpriced, doe-analyst]")),
     None, "", ""),
    ("three words of the article only",
     ((BRIEF, SAID, "An analyst writes in a note that it is overpriced."),), None, "", ""),
    ("the name and words of whom the passage quotes",
     ((BRIEF, SAID, "Jane Doe, an analyst, calls it overpriced."),), None, "", ""),
    ("in an event label, held to the claim's passages",
     (("claims.yml", "announces the widget's price.",
       "announces the widget's price, overpriced in a note."),),
     "claims.yml:13:62", '"overpriced in a note"', "extend quote 'doe-overpriced'"),
    ("an event label in its passages' words",
     (("claims.yml", "announces the widget's price.",
       "announces that its widget costs $5 million."),), None, "", ""),
    ("in a brief's title", ((BRIEF, "title: The widget price",
                             "title: The widget, overpriced in a note"),),
     f"{BRIEF}:1:20", '"overpriced in a note"', "extend quote 'doe-overpriced'"),
    # The article's headline, the source's title, which the site shows beside each
    # citation, may name a brief's subject; a point is held to its passages.
    ("a brief's title in its article's headline",
     (*HEADLINE, (BRIEF, "title: The widget price", "title: A widget priced for the few")),
     None, "", ""),
    ("a point in its article's headline",
     (*HEADLINE, (BRIEF, SAID, "A widget priced for the few, an analyst says.")),
     f"{BRIEF}:11:16", '"A widget priced for the few"', "annotate the sentence they are in"),
    ("a number beside its words",
     ((BRIEF, POINT, 'text: "Acme says its widget costs $5 million, a figure."'),),
     None, "", ""),
]


@pytest.mark.parametrize("case", COPIED, ids=[c[0] for c in COPIED])
def test_words_of_the_article_no_cited_passage_holds(
        case: tuple[str, tuple[tuple[str, str, str], ...], str | None, str, str],
        tmp_path: Path) -> None:
    _, edits, where, named, hint = case
    content = corpus(tmp_path, edits)
    found = [d for d in build(content).diagnostics if d.code == "prose-words-unsourced"]
    at = [str(d.pos).removeprefix(content.as_posix() + "/") for d in found]
    if where is None:
        assert not found, [d.format() for d in found]
        return
    assert at == [where], [d.format() for d in found]
    assert named in found[0].message and hint in found[0].hint, found[0].format()
    assert "'acme-widget'" in found[0].message  # which article the words are from


def test_severity_of_a_prose_warning_can_change(tmp_path: Path) -> None:
    content = corpus(tmp_path, ((BRIEF, "costs $5 million.", "costs $7M."),))
    found = build(content).diagnostics
    assert Policy({"prose-figure-unsourced": "ignore"}).apply(found) == ()
    raised = Policy({"prose-figure-unsourced": "error"}).apply(found)
    assert [str(d.severity) for d in raised] == ["error"]


@pytest.mark.parametrize("text", ["$6 million", "$6M", "6 million dollars", "US$6m",
                                  "6,000,000", "$6.0 million"])
def test_figures_are_normalised(text: str) -> None:
    assert [value for _, _, value in numbers(text)] == [Decimal(6_000_000)]


@pytest.mark.parametrize("text", ["H800", "GPT-4", "DeepSeek-R1", "2025-02-15", "o3",
                                  "first set for 3 March", "due on 7 April 2025",
                                  "on March 3rd, 2025", "in Sept. 2024", "the 2nd of June",
                                  "by summer 2025", "in Autumn 2024", "Q3 2025", "H1 2026",
                                  # A quarter, a half or a season written out, as "Q1 2025".
                                  "in the first quarter of 2025", "the 4th quarter 2024",
                                  "in the second half of 2025", "the Summer of 2025",
                                  "Q1 of 2025",
                                  # Digits with slashes, either order, or year first.
                                  "on 3/3/2025", "on 03/28/2025", "on 2025/3/3"])
def test_names_and_dates_are_not_figures(text: str) -> None:
    assert numbers(text) == []


# Dates as each language's press writes them, with CLDR's month names (those of the
# region too: Austria's "Jänner"): their day and year are no figures.
DATES = [
    ("fr", "en avril 2025"), ("fr", "le 1er avril 2025"), ("fr", "le 3 mars"),
    ("fr", "Avril 2025 a été calme"), ("fr-CA", "le 12 août 2025"), ("fr", "fin mai 2025"),
    ("es", "en abril de 2025"), ("es", "el 1 de abril de 2025"), ("es", "el 4 de marzo"),
    ("es", "en marzo del 2025"), ("it", "ad aprile 2025"), ("it", "il 1° aprile 2025"),
    ("it", "il 4 marzo"), ("pt", "em abril de 2025"), ("pt", "em 1º de abril de 2025"),
    ("pt-PT", "a 1.º de abril"), ("pt", "4 de março de 2025"), ("de", "im März 2025"),
    ("de", "am 3. März 2025"), ("de", "am 3. März"), ("de-AT", "im Jänner 2025"),
    ("de", "im April 2025"), ("nl", "in maart 2025"),
    # Quarters (CLDR's words, "trimestre", "Quartal", and abbreviations, "T1", "K1"),
    # halves and seasons, as "Q1 2025" and "summer 2025" in English.
    ("fr", "au premier trimestre 2025"), ("fr", "au 1er trimestre 2025"),
    ("fr", "au T1 2025"), ("fr", "au 2e trimestre de 2025"), ("fr", "à l'été 2025"),
    ("fr", "Été 2025"), ("fr", "au second semestre 2025"), ("fr", "Q1 2025"),
    ("fr-CA", "à l'automne 2025"), ("de", "im ersten Quartal 2025"),
    ("de", "im 1. Quartal 2025"), ("de", "des ersten Quartals 2025"), ("de", "Q1 2025"),
    ("de", "im Sommer 2025"), ("de", "im Frühjahr 2025"), ("de", "im 1. Halbjahr 2025"),
    ("es", "en el primer trimestre de 2025"), ("es", "en el 1.er trimestre de 2025"),
    ("es", "en el T1 de 2025"), ("es", "el verano de 2025"), ("es", "el otoño del 2025"),
    ("es", "el segundo semestre de 2025"), ("it", "nel primo trimestre 2025"),
    ("it", "nel primo trimestre del 2025"), ("it", "nel 1º trimestre 2025"),
    ("it", "nell'estate 2025"), ("it", "nel secondo semestre 2025"),
    ("pt", "no primeiro trimestre de 2025"), ("pt", "no 1º trimestre de 2025"),
    ("pt", "no verão de 2025"), ("pt", "no segundo semestre de 2025"),
    ("pt-PT", "no 1.º trimestre de 2025"), ("nl", "in het eerste kwartaal van 2025"),
    ("nl", "in K1 2025"), ("nl", "in de zomer van 2025"), ("nl", "in het najaar van 2025"),
    # The Dutch halves after their ordinal, French semesters ("S1", as "H1") and a
    # season after its demonstrative ("cet été").
    ("nl", "in de eerste helft van 2025"), ("nl", "in de tweede helft van 2025"),
    ("nl", "in de 1e helft van 2025"), ("nl", "Eerste helft 2025"), ("fr", "au S1 2025"),
    ("fr", "au S2 2025"), ("fr", "cet été 2025"), ("fr", "Cet été 2025"),
    ("fr", "cet hiver 2025"),
    # A quarter's abbreviation after another word than a flat's ("au", "du", "le").
    ("fr", "du T2 2025"), ("fr", "le T3 2025"), ("pt", "no T2 de 2025"),
]


@pytest.mark.parametrize(("tag", "text"), DATES)
def test_dates_in_the_languages_own_month_names_are_not_figures(tag: str, text: str
                                                                ) -> None:
    assert numbers(text, written_in(tag)) == []


# Month names are read in every language CLDR knows, not only those whose quarters and
# seasons the checks know: a Swedish site's "mars 2025" is a date.
@pytest.mark.parametrize(("tag", "text"), [
    ("sv", "den 3 mars 2025"), ("sv", "i maj 2025"), ("da", "marts 2025"),
    ("nb", "3. mars 2025"), ("fi", "3. maaliskuuta 2025"), ("pl", "3 marca 2025"),
    ("cs", "3. března 2025"), ("ru", "3 марта 2025 года"), ("uk", "3 березня 2025"),
    ("el", "3 Μαρτίου 2025"), ("tr", "3 Mart 2025"), ("ro", "martie 2025"),
    ("id", "3 Maret 2025"), ("sv-FI", "Mars 2025"),
])
def test_dates_in_any_languages_month_names_are_not_figures(tag: str, text: str) -> None:
    assert numbers(text, written_in(tag)) == []


@pytest.mark.parametrize(("tag", "text", "found"), [
    # The figure beside such a date is read, and a year alone stays a figure.
    ("sv", "den 3 mars 2025 kostade det 5 000 kronor", ["5 000"]),
    ("sv", "i 2000 hem", ["2000"]), ("pl", "w 2025", ["2025"]),
    # Another language's month names are not: "mars" is no month on an English site.
    ("en", "3 mars 2025", ["3", "2025"]),
    # A month's name holding its number ("tháng 3") is a month; "3 tháng" is three months.
    ("vi", "tháng 3 2025", []), ("vi", "6 tháng 300 người", ["6", "300"]),
])
def test_other_languages_figures_beside_month_names(tag: str, text: str, found: list[str]
                                                    ) -> None:
    assert [written for _, written, _ in numbers(text, written_in(tag))] == found


@pytest.mark.parametrize(("tag", "text", "found"), [
    # A year alone is a figure, in every language, as in English ("by 2030").
    ("fr", "en 2025", ["2025"]), ("de", "bis 2030", ["2030"]), ("es", "en 2025", ["2025"]),
    # A date's numbers only: the figure beside it is read.
    ("fr", "le 1er avril 2025, 40 000 $", ["40 000"]),
    ("de", "am 3. März 2025 kostete es 5 Millionen Euro", ["5 Millionen"]),
    # Another language's month names are that language's: "mars" in English is no month.
    ("en", "Mars 2025 rover", ["2025"]),
    # And its seasons: "estate" is the Italian summer, but an English word.
    ("en", "the estate 2025 sold", ["2025"]), ("it", "estate 2025", []),
    # The French "été" is also "been": the season is read after its article or with a
    # capital ("à l'été 2025", "Été 2025"), and the figure of "ils ont été 2000" is read.
    ("fr", "Ils ont été 2000 à signer", ["2000"]), ("fr", "de l\u2019été 2025", []),
    ("fr", "cet été, 2000 personnes ont signé", ["2000"]),
    # "T2" is also the size of a flat ("un T2", "appartement T3", "um T2", "moradia T4"):
    # there the number after it is a figure.
    ("fr", "un T2 2000 euros par mois", ["2000"]), ("fr", "Un T2 2000 euros", ["2000"]),
    ("fr", "un appartement T3 2000 euros", ["2000"]),
    ("fr", "un logement de type T4 2000 euros", ["2000"]), ("fr", "un T2 de 45 m²", ["45"]),
    ("pt", "um T2 2000 euros", ["2000"]), ("pt-PT", "moradia T4 2000 euros", ["2000"]),
    # The Dutch "helft" is a half-year after its ordinal only.
    ("nl", "de helft van 2000 mensen", ["2000"]),
    # "Quarter" and "half" in English are a quarter-year or a half-year only after an
    # ordinal ("the first quarter of 2025"): "a quarter of 2000 people" gives a figure.
    ("en", "a quarter of 2000 people", ["2000"]), ("en", "half of 2000 people", ["2000"]),
    # A fiscal year is a year alone, in English ("fiscal 2025") as elsewhere.
    ("en", "in fiscal 2025", ["2025"]), ("fr", "sur l'exercice 2025", ["2025"]),
])
def test_a_year_alone_or_beside_a_date_is_still_read(tag: str, text: str, found: list[str]
                                                     ) -> None:
    assert [w for _, w, _ in numbers(text, written_in(tag))] == found


@pytest.mark.parametrize(("language", "point"), [
    ("fr", "Depuis avril 2025, le site reste ouvert."),
    ("fr-CA", "Depuis le 1er avril 2025, le site reste ouvert."),
    ("es", "Desde abril de 2025, la planta sigue abierta."),
    ("it", "Da aprile 2025 lo stabilimento resta aperto."),
    ("pt", "Desde abril de 2025, a fábrica continua aberta."),
    ("de", "Seit dem 3. März 2025 bleibt das Werk offen."),
    ("de-AT", "Seit Jänner 2025 bleibt das Werk offen."),
    # A quarter, a half or a season: its year is a date, which no quote need give.
    ("fr", "Depuis le premier trimestre 2025, le site reste ouvert."),
    ("fr", "Depuis l'été 2025, le site reste ouvert."),
    ("fr", "Depuis cet été 2025, le site reste ouvert."),
    ("fr", "Depuis le S2 2025, le site reste ouvert."),
    ("de", "Seit dem ersten Quartal 2025 bleibt das Werk offen."),
    ("de", "Seit dem 1. Halbjahr 2025 bleibt das Werk offen."),
    ("es", "Desde el primer trimestre de 2025, la planta sigue abierta."),
    ("es", "Desde el verano de 2025, la planta sigue abierta."),
    ("it", "Dal secondo semestre 2025 lo stabilimento resta aperto."),
    ("it", "Dall'estate 2025 lo stabilimento resta aperto."),
    ("pt", "Desde o primeiro trimestre de 2025, a fábrica continua aberta."),
    ("pt", "Desde o verão de 2025, a fábrica continua aberta."),
    ("en", "Since the first quarter of 2025, the plant stays open."),
])
def test_a_date_in_a_point_is_no_unsourced_figure(tmp_path: Path, language: str,
                                                  point: str) -> None:
    found = build(speaker_corpus(tmp_path, language, point), language=language).diagnostics
    # Whether a source gives the day or month is the date check's (test_prose_dates.py).
    assert [d.format() for d in found if d.code != "prose-date-unsourced"] == []


# Dates written year first, as CLDR's long and month-and-year patterns of the language
# write them ("y. MMMM d.", "y 'm'. MMMM d 'd'."), the month with a case ending glued on;
# and months whose names hold their number (the Vietnamese "tháng 3"), with the day before
# and the year after as CLDR joins them ("năm"). Their day, month and year are no figures.
@pytest.mark.parametrize(("tag", "text"), [
    ("hu", "2025. március 3."), ("hu", "2025. március 3-án"), ("hu", "2025. március"),
    ("hu", "2025 márciusában"), ("hu", "2025 március"), ("hu", "A 2024. decemberi adat"),
    ("lt", "2025 m. kovo 3 d."), ("lt", "2025 m. kovo mėn."), ("lv", "2025. gada 3. marts"),
    ("vi", "vào tháng 3"), ("vi", "Tháng 12 năm 2024"), ("vi", "ngày 3 tháng 3 năm 2025"),
    ("vi", "3 tháng 3, 2025"), ("vi", "tháng 3/2025"), ("vi", "từ tháng 10"),
    ("ko", "2025년 3월 3일"), ("ja", "2025年3月3日"), ("zh", "2025年3月3日"),
    # In digits, as CLDR's short and medium patterns write them, apart by a sign and a space.
    ("hu", "2025. 03. 03."), ("hu", "2025. 3. 3-án"), ("ko", "2025. 3. 3."),
])
def test_year_first_and_numbered_months_are_not_figures(tag: str, text: str) -> None:
    assert numbers(text, written_in(tag)) == []


@pytest.mark.parametrize(("tag", "text", "found"), [
    # The figure beside such a date is read, and a year alone stays a figure.
    ("hu", "2025. március 3-án 300 forint", ["300"]), ("hu", "2025-ben 300 fő", ["2025", "300"]),
    ("lt", "2025 m. kovo 3 d. 40 eurų", ["40"]),
    # A month without its number is no month; "tháng 13" no month either.
    ("vi", "sau 6 tháng, 3 dự án", ["6", "3"]), ("vi", "tháng 13", ["13"]),
    # A comma after a month, with no day before it, ends the date ("in March, 2000 people").
    ("vi", "tháng 3, 2000 người", ["2000"]), ("fr", "en mars, 2000 personnes", ["2000"]),
    # Slashes make a date of three numbers, its year of four digits: "3/4" is a figure.
    ("en", "a 3/4 majority", ["3"]), ("en", "in 24/7 mode", ["24"]),
    ("en", "by 2030/31", ["2030"]), ("vi", "ngày 3/3/2025, 40 người", ["40"]),
    # The year first is read in languages whose dates begin with it only.
    ("en", "2025. március", ["2025"]), ("de", "bis 2025 März", ["2025"]),
    ("en", "2025. 3. 3.", ["2025", "3", "3"]), ("ko", "2025. 3. 3. 300명", ["300"]),
    ("hu", "2025. 3 fő", ["2025", "3"]),
])
def test_figures_beside_year_first_and_numbered_months(tag: str, text: str,
                                                       found: list[str]) -> None:
    assert [w for _, w, _ in numbers(text, written_in(tag))] == found


# Dates and numbers that the point and its source write each their own way: (the site's
# language, the source's, the quote, the point, the numbers warned of)
WRITTEN_OTHERWISE = [
    # The same date written another way in the source: nothing to report.
    ("hu", "en", "It opened on 3 March 2025", "A gyár 2025. március 3-án nyitott meg.", []),
    ("hu", "en", "It opened in March 2025", "A gyár 2025 márciusában nyitott meg.", []),
    ("vi", "en", "It opened in March 2025", "Nhà máy mở cửa vào tháng 3 năm 2025.", []),
    ("vi", "en", "It opened on 3 March 2025", "Nhà máy mở cửa ngày 3 tháng 3.", []),
    ("vi", "en", "It opened on 3 March 2025", "Nhà máy mở cửa ngày 3/3/2025.", []),
    ("en", "hu", "2025. március 3-án nyitott meg", "It opened on 3 March 2025.", []),
    ("en", "vi", "mở cửa vào tháng 3/2025", "It opened in March 2025.", []),
    # A figure beside the date that the source does not give is reported at its words.
    ("hu", "en", "It opened on 3 March 2025", "A gyár 2025. március 3-án 300 fővel nyílt.",
     ["300"]),
    ("vi", "en", "It opened in March 2025", "Nhà máy có 300 công nhân từ tháng 3.",
     ["300"]),
    # A year alone is a figure, as in English ("by 2030").
    ("hu", "en", "It opened on 3 March 2025", "A gyár 2026-ban bővül.", ["2026"]),
    # Chinese numbers against the same number in digits and scale words, either way.
    ("zh", "en", "It cost $5.6 million", "成本为560万美元。", []),
    ("en", "zh", "成本为560万美元", "It cost $5.6 million.", []),
    ("zh", "en", "It has 56,000 users", "用户达5.6万。", []),
    ("zh", "en", "It raised 150 million dollars", "融资1.5亿美元。", []),
    ("zh", "en", "It hired 500 workers", "公司雇用了五百名工人。", []),
    ("zh", "en", "It hired 2,000 workers", "公司雇用了两千名工人。", []),
    ("en", "zh", "雇用了两千名工人", "It hired 2,000 workers.", []),
    ("zh", "en", "It cost $5.6 million", "成本为570万美元。", ["570万"]),
    ("zh", "en", "It hired 2,000 workers", "公司雇用了三千名工人。", ["三千"]),
]


@pytest.mark.parametrize(("site", "source", "said", "point", "warned"), WRITTEN_OTHERWISE)
def test_a_date_or_number_written_otherwise_in_a_point(tmp_path: Path, site: str,
                                                       source: str, said: str, point: str,
                                                       warned: list[str]) -> None:
    # (each at its words: the point's text begins on line 6, column 16)
    found = figure_warnings(tmp_path, site, source, said, point)
    assert [(d.pos.line, d.pos.col, d.message.split(" is ")[0]) for d in found] == \
        [(6, 16 + point.index(written), written) for written in warned]


# --- the currency of an amount -----------------------------------------------------------


def money_warnings(tmp_path: Path, site: str, source: str, said: str, point: str
                   ) -> list[str]:
    """The figure warnings of a point saying `point` on a site in `site`, citing a quote
    `said` from a source in `source`."""
    return [d.message for d in figure_warnings(tmp_path, site, source, said, point)]


def figure_warnings(tmp_path: Path, site: str, source: str, said: str, point: str
                    ) -> list[Diagnostic]:
    """The figure warnings of a point saying `point` on a site in `site`, citing a quote
    `said` from a source in `source`."""
    content = write_tree(tmp_path / "content", {
        "entities.yml": SPEAKERS_YML,
        "sources/s.txt": f"Titel\n{said}.\n",
        "sources/s.yml": f'title: "Titel"\npublished: "2025-03-03"\nlanguage: {source}\n'
                         f'quotes:\n  - id: q\n    text: "{said}"\n    speaker: anna-berg\n',
        "briefs/b.yml": 'title: "B"\nsummary: "A summary."\nsections:\n'
                        '  - kind: what-happened\n    points:\n'
                        f'      - text: "{point}"\n        cites: [q]\n'})
    found = build(content, language=site).diagnostics
    assert {d.code for d in found} <= {"prose-figure-unsourced"}, [d.format() for d in found]
    return found


# (the site's language, the source's, the quote, the point, whether it is warned of)
CURRENCIES = [
    # "$" alone is the region's own dollar: Canada's on a fr-CA site, its source's too.
    ("fr-CA", "fr-CA", "coûtera 40 000 $ par année", "Elle coûtera 40 000 $ US par année.",
     True),
    ("fr-CA", "fr-CA", "coûtera 40 000 $ par année", "Elle coûtera 40 000 $ par année.",
     False),
    ("fr-CA", "fr-CA", "coûtera 40 000 $ par année", "Elle coûtera 40 000 $US par année.",
     True),
    ("fr-CA", "fr-CA", "coûtera 40 000 $ US par année", "Elle coûtera 40 000 $ par année.",
     True),
    ("fr-CA", "fr-CA", "coûtera 40 000 $ par année", "Elle coûtera 40 000 dollars.", False),
    ("fr-CA", "fr-CA", "coûtera 40 000 $ par année",
     "Elle coûtera 40 000 dollars américains.", True),
    ("en", "en", "costs $40,000 a year", "It costs €40,000 a year.", True),
    ("en", "en", "costs $40,000 a year", "It costs 40,000 euros a year.", True),
    ("en", "en", "costs $40,000 a year", "It costs US$40,000 a year.", False),
    ("en", "en", "costs $40,000 a year", "It costs USD 40,000 a year.", False),
    ("en", "en", "costs $40,000 a year", "It costs 40,000 dollars a year.", False),
    ("en", "en", "costs $40,000 a year", "It costs 40,000 a year.", False),  # none stated
    ("en", "en", "costs $40,000 a year", "It costs £40,000 a year.", True),
    ("en", "en", "costs 40,000 CAD a year", "It costs $40,000 a year.", True),
    ("en", "en", "costs 40,000 CAD a year", "It costs CA$40,000 a year.", False),
    ("en", "en", "costs $6 million", "It costs €6M.", True),
    # A dollar alone on both sides is the same, whichever region each is written in.
    ("en", "en-CA", "costs $40,000 a year", "It costs $40,000 a year.", False),
    ("en", "en-CA", "costs $40,000 a year", "It costs US$40,000 a year.", True),
    # Mexico's "$" is the peso, its "dólares" the US dollar's.
    ("es-MX", "es-MX", "costará $40,000 al año", "Costará 40,000 dólares al año.", True),
    ("es-MX", "es-MX", "costará $40,000 al año", "Costará $40,000 al año.", False),
    ("es-MX", "es-MX", "costará 40,000 dólares", "Costará US$40,000.", False),
    ("en", "es-MX", "costará $40,000 al año", "It costs $40,000 a year.", True),
    # "¥" is the yen or the yuan: not read.
    ("en", "zh", "花费¥40,000", "It costs ¥40,000.", False),
    # Any source figure of the number in the currency backs it; one in none says nothing.
    ("en", "en", "costs $40,000 or €40,000", "It costs €40,000.", False),
    ("en", "en", "drew 40,000 visitors", "It costs €40,000.", False),
    ("fr", "fr", "coûtera 40 000 euros", "Elle coûtera 40 000 €.", False),
    ("fr", "fr", "coûtera 40 000 euros", "Elle coûtera 40 000 dollars.", True),
    ("fr", "fr", "coûtera 3 millions d'euros", "Elle coûtera 3 millions de dollars.", True),
    ("de", "de", "kostet 40.000 Euro", "Es kostet 40.000 US-Dollar.", True),
    ("de", "de", "kostet 40.000 Euro", "Es kostet 40.000 €.", False),
    # German declines a currency's name: "US-Dollars" is CLDR's "US-Dollar".
    ("de", "de", "kostet 40.000 Euro", "Es kostet 40.000 US-Dollars.", True),
    ("de", "de", "kostet 40.000 US-Dollar", "Es kostet 40.000 US-Dollars.", False),
    ("de", "en", "costs €5 million", "Es kostet 5 Mio. Euros.", False),
    ("de", "en", "costs $5.6 billion", "Es kostet 5,6 Mrd. Dollars.", False),
    ("de", "en", "costs $5.6 billion", "Es kostet 5,6 Mrd. Euro.", True),
    ("es", "es", "costará 40.000 euros", "Costará 40.000 dólares.", True),
    ("it", "it", "costerà 40.000 euro", "Costerà 40.000 dollari.", True),
    ("pt", "pt-BR", "custará R$ 40 mil", "Custará US$ 40 mil.", True),
    ("pt", "pt-BR", "custará R$ 40 mil", "Custará R$ 40 mil.", False),
    ("pt", "pt-BR", "custará R$ 40 mil", "Custará 40 mil reais.", False),
    # Portugal's dollar: "US$", "dólares" (the US dollar's there), "dólares
    # norte-americanos", the decimal comma and "mil milhões" (10^9).
    ("pt-PT", "en", "costs $5.6 million", "Custará US$ 5,6 milhões.", False),
    ("pt-PT", "en", "costs $5.6 billion", "Custará 5,6 mil milhões de dólares.", False),
    ("pt-PT", "en", "costs $5.6 million", "Custará 5,6 milhões de euros.", True),
    ("pt-PT", "pt-BR", "custará US$ 5,6 milhões", "Custará 5,6 milhões de dólares.", False),
    ("pt-PT", "en-CA", "costs $40,000", "Custará 40 000 dólares norte-americanos.", True),
    ("pt-PT", "en", "costs $40,000", "Custará 40 000 dólares norte-americanos.", False),
    # Every currency in use today, by CLDR's names and signs: not only the major ones.
    ("en", "en", "costs CHF 40,000 a year", "It costs 40,000 Swiss francs a year.", False),
    ("en", "en", "costs $40,000 a year", "It costs 40,000 Swiss francs a year.", True),
    ("en", "en", "costs $40,000 a year", "It costs 40,000 South African rand a year.", True),
    ("en", "en", "costs ZAR 40,000 a year", "It costs 40,000 South African rand a year.",
     False),
    ("en", "en", "costs $40,000 a year", "It costs 40,000 yuan a year.", True),
    ("en", "en", "costs CN¥40,000 a year", "It costs 40,000 yuan a year.", False),
    ("en", "en", "costs ₹40,000 a year", "It costs 40,000 Indian rupees a year.", False),
    ("en", "en", "costs $40,000 a year", "It costs ₩40,000 a year.", True),
    ("en", "sv", "kostar 40 000 kr per år", "It costs $40,000 a year.", True),
    ("en", "sv", "kostar 40 000 kr per år", "It costs SEK 40,000 a year.", False),
    # "pounds" is money with "sterling", a word of money before it or in a region of a
    # pound; not a weight: before "of" and a noun, in "-pound", or with nothing to say.
    ("en", "en", "costs $200 a year", "It was fined 200 pounds.", True),
    ("en", "en", "costs $200 a year", "It costs 200 pounds sterling.", True),
    ("en", "en", "costs $200 a year", "It holds 200 pounds of flour.", False),
    ("en", "en", "costs $200 a year", "It comes in a 200-pound bag.", False),
    ("en", "en", "costs $200 a year", "It weighs 200 pounds.", False),
    ("en", "en", "costs £200 a year", "It was fined 200 pounds.", False),
    ("en-GB", "en-GB", "costs $200 a year", "Tickets are 200 pounds.", True),
]


@pytest.mark.parametrize(("site", "source", "said", "point", "warned"), CURRENCIES,
                         ids=[f"{row[0]} {row[3]}" for row in CURRENCIES])
def test_an_amount_in_another_currency_than_its_sources_is_warned_of(
        tmp_path: Path, site: str, source: str, said: str, point: str, warned: bool) -> None:
    found = money_warnings(tmp_path, site, source, said, point)
    assert bool(found) == warned, found
    if warned:
        assert " is in " in found[0] and "give" in found[0], found


def test_the_currency_warning_says_what_each_side_is_in(tmp_path: Path) -> None:
    content = corpus(tmp_path, ((BRIEF, "costs $5 million.", "costs €5 million."),))
    [found] = [d for d in build(content).diagnostics if d.code == "prose-figure-unsourced"]
    assert found.message == ("€5 million is in EUR, but this point's quotes and claims give "
                             "5,000,000 in USD (\"$5 million\")")
    assert "currency" in found.hint and (found.pos.line, found.pos.col) == (6, 43)


def test_a_written_date_hides_only_its_own_numbers() -> None:
    """The day and year of "7 April 2025" are not figures; the numbers beside it are, and
    a lower-case "may" is a verb, not a month."""
    text = "On 7 April 2025 it cost $5 million; in April 2025, 512 chips; it may 3 times"
    assert [w for _, w, _ in numbers(text)] == ["$5 million", "512", "3"]
    # A season's year likewise, but the verb "fall" and a season before a count are not.
    text = "400 bikes by summer 2025; sales fall 1500 units; summer 12000 riders"
    assert [w for _, w, _ in numbers(text)] == ["400", "1500", "12000"]


def test_apostrophes_do_not_open_quotations() -> None:
    spans = [w for _, w in quoted_spans("Musk's X and the investors' 'Sputnik moment' here")]
    assert spans == ["Sputnik moment"]


@pytest.mark.parametrize(("site", "point", "unsourced"), [
    ("de-CH", "Anna Berg sagt: \u00abDas Werk bleibt offen\u00bb.", []),
    ("de-CH", "Anna Berg sagt: \u00abDas Werk schliesst\u00bb.", ["Das Werk schliesst"]),
    ("de-CH", "Anna Berg sagt: \u2039Das Werk schliesst\u203a.", ["Das Werk schliesst"]),
    ("de-CH", "Anna Berg sagt: \u00abDas Werk \u2039bleibt\u203a offen\u00bb.",
     ["Das Werk \u2039bleibt\u203a offen"]),
    ("fr-CH", "Anna Berg dit : \u00ab\u202fLe site reste ouvert\u202f\u00bb.", []),
    ("it-CH", "Anna Berg dice: \u00abLo stabilimento chiude\u00bb.", ["Lo stabilimento chiude"]),
    ("pt-PT", "Anna Berg disse: \u00abA fábrica continua aberta\u00bb.", []),
    ("pt-PT", "Anna Berg disse: \u00abA fábrica fecha\u00bb.", ["A fábrica fecha"]),
])
def test_a_regions_quotation_marks_are_read_as_quotations(
        tmp_path: Path, site: str, point: str, unsourced: list[str]) -> None:
    """A Swiss curator quotes between guillemets (and single ones within), as a Portuguese
    one does: the words between them are checked against the quotes the point cites, as
    words between curly or low quotation marks are."""
    found = build(speaker_corpus(tmp_path, site, point), language=site).diagnostics
    assert [d.message.split('"')[1] for d in found if d.code == "prose-quote-unsourced"] \
        == unsourced


# --- duplicate sources -------------------------------------------------------------------

LONG_ARTICLE = " ".join(f"Sentence {n} says the widget line grew in region {n}." for n in
                        range(40)) + "\n"


def test_a_near_copy_is_a_duplicate_naming_both_files(tmp_path: Path) -> None:
    changed = LONG_ARTICLE.replace("region 7.", "region seven.") + "Share this.\n"
    files = {**minimal_corpus(), "sources/first.txt": LONG_ARTICLE,
             "sources/first.yml": 'title: "First"\n', "sources/second.txt": changed,
             "sources/second.yml": 'title: "Second"\n'}
    content = write_tree(tmp_path / "content", files)
    [found] = [d for d in build(content).diagnostics if d.code == "source-duplicate"]
    assert str(found.pos).endswith("content/sources/second.txt")
    assert "sources/first.txt" in found.message and "alike" in found.message


def test_different_articles_are_not_duplicates(tmp_path: Path) -> None:
    other = " ".join(f"Paragraph {n} reports that prices fell in market {n * 3}." for n in
                     range(40)) + "\n"
    files = {**minimal_corpus(), "sources/first.txt": LONG_ARTICLE,
             "sources/first.yml": 'title: "First"\n', "sources/second.txt": other,
             "sources/second.yml": 'title: "Second"\n'}
    assert not build(write_tree(tmp_path / "content", files)).diagnostics


def test_briefing_new_refuses_a_duplicate_and_writes_nothing(tmp_path: Path) -> None:
    content = write_tree(tmp_path / "content", minimal_corpus())
    article = tmp_path / "again.txt"
    article.write_text(str(minimal_corpus()["sources/acme-widget.txt"]))
    before = snapshot(content)
    result = CliRunner().invoke(main, ["new", str(article), "--content", str(content)])
    assert result.exit_code == 1, result.output
    assert "source-duplicate" in result.output and "acme-widget.txt" in result.output
    assert snapshot(content) == before


# --- the timeline's order ------------------------------------------------------------------

DOUBT_EVENT = """\
  - id: a-doubt
    statement: "[[entity:jane-doe]] doubts the price."
    claimant: jane-doe
    status: reported
    events:
      - what: "[[entity:jane-doe]] doubts the price."
        when: {date: "2025-01", about: true, inferred: true, basis: "Before the article."}
"""


def timeline_ids(tmp_path: Path, extra: str, name: str) -> list[str]:
    files = dict(minimal_corpus())
    files["claims.yml"] = str(files["claims.yml"]) + extra
    files["sources/acme-widget.yml"] = str(files["sources/acme-widget.yml"]).replace(
        "doubts: [widget-cost-5m]", "doubts: [widget-cost-5m]\n    asserts: [a-doubt]")
    result = build(write_tree(tmp_path / name, files))
    assert result.linked is not None
    return [e.claim.id for e in result.linked.timeline if e.claim is not None]


def test_events_of_one_period_keep_the_order_the_source_tells_them(tmp_path: Path) -> None:
    # "a-doubt" sorts first by id, but the article tells the price first.
    assert timeline_ids(tmp_path, DOUBT_EVENT, "told") == ["widget-cost-5m", "a-doubt"]
    stated = DOUBT_EVENT.replace("      - what:", "      - order: 1\n        what:")
    assert timeline_ids(tmp_path, stated, "stated") == ["a-doubt", "widget-cost-5m"]


# --- source labels -------------------------------------------------------------------------


def test_labels_beside_citations_and_a_lone_weak_source_is_said(tmp_path: Path) -> None:
    files = dict(minimal_corpus())
    files["sources/acme-widget.yml"] = str(files["sources/acme-widget.yml"]).replace(
        'title: "Acme prices its widget"\n',
        'title: "Acme prices its widget"\nkind: ai-summary\n')
    files["briefs/widget.yml"] = str(files["briefs/widget.yml"]) + (
        "  - kind: by-the-numbers\n    points:\n"
        '      - text: "$5 million: the price."\n        cites: [acme-cost]\n')
    pages = build(write_tree(tmp_path / "content", files)).pages
    brief = pages["briefs/widget.md"]
    label = '<span class="source-label">AI-generated summary · no named outlet or author</span>'
    assert label in brief.split("## Quotes cited", 1)[1]
    assert "Rests on a single source (AI-generated summary" in brief
    assert label in pages["claims/widget-cost-5m.md"] and label in pages["sources/index.md"]
    files["sources/acme-widget.yml"] = str(files["sources/acme-widget.yml"]).replace(
        "kind: ai-summary\n", 'kind: news-report\noutlet: "Widget News"\nauthor: "Ann Lee"\n')
    pages = build(write_tree(tmp_path / "named", files)).pages
    assert "News report · Widget News, by Ann Lee" in pages["briefs/widget.md"]
    assert "Rests on a single source" not in pages["briefs/widget.md"]


def rebuilt(content: Path, cache: BuildCache) -> set[str]:
    """The finding codes of a rebuild over `cache`, which must be a fresh build's."""
    kept = sorted(str(d) for d in build(content, cache=cache).diagnostics)
    assert kept == sorted(str(d) for d in build(content).diagnostics)
    return {d.code for d in build(content).diagnostics}


def test_findings_follow_edits_between_rebuilds(tmp_path: Path) -> None:
    """`mkdocs serve` keeps each item's findings while its text, quotes and claims are the
    same objects: an edit of a quote, not of the point, must still change the finding."""
    content, cache = corpus(tmp_path, ()), BuildCache()
    assert not rebuilt(content, cache)
    source = content / "sources" / "acme-widget.yml"
    article = content / "sources" / "acme-widget.txt"
    article.write_text(article.read_text().replace("costs $5", "costs about $5"))
    source.write_text(source.read_text().replace("widget costs $5", "widget costs about $5"))
    assert rebuilt(content, cache) == {"prose-hedge-dropped"}
    brief = content / BRIEF
    brief.write_text(brief.read_text().replace("costs $5", "costs about $5").replace(*SUMMARY))
    claims = content / "claims.yml"
    claims.write_text(claims.read_text().replace("costs $5", "costs about $5"))
    assert rebuilt(content, cache) == {"prose-hedge-dropped"}  # figure
    claims.write_text(claims.read_text().replace(*FIGURE_HEDGED[1:]))
    assert not rebuilt(content, cache)


def test_title_and_scope_findings_are_kept_until_their_quotes_change(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A brief's title and a figure's scope are made into prose afresh on each rebuild;
    their findings are kept by the brief and the figure, and still follow the quotes."""
    content = corpus(tmp_path, ((BRIEF, "title: The widget price",
                                 "title: 'The \"overpriced\" widget'"),
                                ("claims.yml", "        unit: USD\n",
                                 "        unit: USD\n        scope: 'as \"overpriced\"'\n")))
    other = content / "briefs" / "other.yml"
    other.write_text(BRIEF_YML.replace("The widget price", "Another brief"))
    cache, checked = BuildCache(), []
    check = provenance._Checker.check

    def counted(self: provenance._Checker, item: provenance.Item) -> list[Diagnostic]:
        checked.append(item.what)
        return check(self, item)

    assert not rebuilt(content, cache)
    monkeypatch.setattr(provenance._Checker, "check", counted)
    other.write_text(other.read_text().replace("Another brief", "Another brief, edited"))
    assert not build(content, cache=cache).diagnostics
    assert checked.count("brief title") == 1  # the other brief's
    assert "figure's scope" not in checked
    source = content / "sources" / "acme-widget.yml"
    source.write_text(source.read_text().replace("is overpriced", "is costly"))
    article = content / "sources" / "acme-widget.txt"
    article.write_text(article.read_text().replace("is overpriced", "is costly"))
    codes = {d.code for d in build(content, cache=cache).diagnostics}
    assert "prose-quote-unsourced" in codes
    assert {"brief title", "figure's scope"} <= set(checked)
    assert "prose-quote-unsourced" in rebuilt(content, cache)


def test_copied_words_follow_an_edit_of_the_article_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A point's copied words are read against its passages' articles: an edit of the
    article alone, its annotations the same, checks the point again; an edit elsewhere
    does not."""
    content = corpus(tmp_path, (("sources/acme-widget.txt", "in a note", "in a memo"),
                                (BRIEF, SAID, "An analyst calls it overpriced in a note.")))
    cache, checked = BuildCache(), []
    check = provenance._Checker.check

    def counted(self: provenance._Checker, item: provenance.Item) -> list[Diagnostic]:
        checked.append(item.what)
        return check(self, item)

    assert "prose-words-unsourced" not in rebuilt(content, cache)
    monkeypatch.setattr(provenance._Checker, "check", counted)
    claims = content / "claims.yml"
    claims.write_text(claims.read_text().replace("announces the widget's price",
                                                 "announces the price"))
    assert "prose-words-unsourced" not in {d.code for d in
                                           build(content, cache=cache).diagnostics}
    assert "point" not in checked
    article = content / "sources" / "acme-widget.txt"
    article.write_text(article.read_text().replace("in a memo", "in a note"))
    assert "prose-words-unsourced" in rebuilt(content, cache)
    assert "point" in checked


def test_a_titles_copied_words_follow_an_edit_of_its_sources_headline(tmp_path: Path) -> None:
    """A brief's title may repeat its articles' headlines: an edit of the headline alone
    (the source's `title:`) finds the title's copy on a rebuild as a clean build does; an
    edit of the article alone, an event label's."""
    content = corpus(tmp_path, (*HEADLINE, (BRIEF, "title: The widget price",
                                            "title: A widget priced for the few"),
                                ("claims.yml", "announces the widget's price.",
                                 "announces the widget's price, overpriced in a memo.")))
    cache = BuildCache()
    assert "prose-words-unsourced" not in rebuilt(content, cache)
    source = content / SRC_YML
    source.write_text(source.read_text().replace('title: "A widget priced for the few"',
                                                 'title: "Acme prices its widget"'))
    found = [d for d in build(content, cache=cache).diagnostics
             if d.code == "prose-words-unsourced"]
    assert [d.pos.line for d in found] == [1], [d.format() for d in found]
    assert "prose-words-unsourced" in rebuilt(content, cache)
    article = content / "sources" / "acme-widget.txt"
    article.write_text(article.read_text().replace("in a note", "in a memo"))
    found = [d for d in build(content, cache=cache).diagnostics
             if d.code == "prose-words-unsourced"]
    assert sorted(str(d.pos).rsplit("/", 1)[-1] for d in found) == \
        ["claims.yml:13:62", "widget.yml:1:8"], [d.format() for d in found]
    rebuilt(content, cache)
