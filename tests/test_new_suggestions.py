"""`briefing new`'s suggestions for a press release: names joined by their function words
but not by a list's commas or across sentences, units and bare institutions never names,
names that start with a capital of any script, the person named after a role, and a text
hard-wrapped at a steady width told from one written a paragraph a line."""

from __future__ import annotations

import unicodedata

import pytest

from briefing import suggest
from briefing.cleaning import looks_hard_wrapped
from briefing.diagnostics import Pos
from briefing.model import Entity


@pytest.mark.parametrize(("text", "names"), [
    # An organisation's name keeps its function words; "The" before it is no part of it.
    ("The Department for Energy Security and Net Zero said so.",
     {"Department for Energy Security and Net Zero"}),
    ("Later the Department of Health and Social Care agreed.",
     {"Department of Health and Social Care"}),
    ("The Museum of the Moon opened in Banco de España.",
     {"Museum of the Moon", "Banco de España"}),
    ("Sales at Marks & Spencer rose.", {"Marks & Spencer"}),
    # `and` joins a public body's name only: two names otherwise.
    ("It met the Bank of England and Acme Corp.", {"Bank of England", "Acme Corp"}),
    ("It sold Zenith, Orbis and Lumen.", {"Zenith", "Orbis", "Lumen"}),
    # Not across a sentence's end, nor from a word capitalised only as its first.
    ("It opened in London. Department officials cheered.", {"London"}),
    ("Shares of Zenith fell.", {"Zenith"}),
    ("Support for Ukraine grew.", {"Ukraine"}),
    ("Bank of England raised rates.", {"Bank of England"}),
    # An institution's bare head refers back to a name; it is none ("The Department").
    ("The Department said so. Later the Ministry agreed.", set()),
    # A role and its portfolio are not names; a person named after them is (decided: the
    # last two words, when three or more follow the role's last function word).
    ("Minister for Energy Sarah Whitcombe spoke.", {"Sarah Whitcombe"}),
    ("Later the Minister for Energy spoke.", set()),
    ("Later the Minister for Energy Security spoke.", set()),
    ("Secretary of State for Energy Security and Net Zero Ed Miliband spoke.",
     {"Ed Miliband"}),
    ("Chief Executive of Harrowgate Renewables Tom Baird agreed.", {"Tom Baird"}),
    # Units after a number, and unit abbreviations anywhere, are not names.
    ("It adds 5 GW, 200 MW and 10 TWh a year.", set()),
    ("The 1.2 GW Northmoor Array opens.", {"Northmoor Array"}),
    ("Output is counted in GWh and MtCO2e.", set()),
    # A capitalised word after a number that is no unit is still a name.
    ("It bought 512 Nvidia chips.", {"Nvidia"}),
])
def test_new_names_in_a_press_release(text: str, names: set[str]) -> None:
    assert {e.name for e in suggest.find_new_names(text, ())} == names


@pytest.mark.parametrize(("text", "names"), [
    # Names that differ only in case are one, under the form in mixed case, and counted
    # together; a name only ever in capitals is kept as written (an acronym, or not).
    ("Harbor City votes.\nHARBOR CITY \u2014 The council met.", {"Harbor City": 2}),
    ("HARBOR CITY \u2014 The council met in Harbor City.", {"Harbor City": 2}),
    ("HARBOR CITY \u2014 The council met.", {"HARBOR CITY": 1}),
    ("Later NATO met in Brussels.", {"NATO": 1, "Brussels": 1}),
    ("Shares of DeepSeek rose. Later Deepseek and DeepSeek fell.", {"DeepSeek": 3}),
])
def test_names_that_differ_only_in_case_are_one(text: str, names: dict[str, int]) -> None:
    found = suggest.find_new_names(text, ())
    assert {e.name: e.count for e in found} == names
    assert found[0].sentence.line == 1


@pytest.mark.parametrize(("text", "names"), [
    # A capital of any script starts a name, alone or in a run, mid-sentence or first.
    ("Shares in Ørsted fell.", {"Ørsted"}),
    ("The novel by Émile Zola sold.", {"Émile Zola"}),
    ("It bought a Škoda in Łódź.", {"Škoda", "Łódź"}),
    ("Later Åsa Berg joined the Ångström Laboratory.", {"Åsa Berg", "Ångström Laboratory"}),
    ("Émile Zola wrote it.", {"Émile Zola"}),
    ("It met the Ministerio de Economía in Madrid.", {"Ministerio de Economía", "Madrid"}),
    # A decomposed accent is part of its word.
    (unicodedata.normalize("NFD", "The novel by Émile Zola sold in Łódź."),
     {unicodedata.normalize("NFD", "Émile Zola"), unicodedata.normalize("NFD", "Łódź")}),
    # A word capitalised only as a sentence's first is still no name, in any script.
    ("Ørsted fell.", set()),
    # Small letters, accented or not, and digits start no name.
    ("Prices in österreich and élan rose 3.5 percent in 2025.", set()),
    ("The 3M unit and the über app grew.", set()),
    # An initial and its full stop end no sentence ("Å. Berg").
    ("The report by Å. Berg was read.", {"Å Berg"}),
    # Two sentences run together without a space are still two.
    ("Prices rose in Łódź.Ørsted said so.", {"Łódź"}),
    ("Costs rose.Ørsted said so, and Émile Zola agreed.", {"Émile Zola"}),
])
def test_new_names_in_any_script(text: str, names: set[str]) -> None:
    assert {e.name for e in suggest.find_new_names(text, ())} == names


@pytest.mark.parametrize(("text", "names"), [
    ("Costs rose in Łódź.Ørsted said so.", ["Costs rose in Łódź.", "Ørsted said so."]),
    ("It fell.Émile agreed.", ["It fell.", "Émile agreed."]),
    ("Prices rose.\u201cŠkoda is ready,\u201d he said.",
     ["Prices rose.", "\u201cŠkoda is ready,\u201d he said."]),
    ("It grew in the U.S.Årsta did not.", ["It grew in the U.S.Årsta did not."]),
    ("The report by Å. Berg was read. It was long.",
     ["The report by Å. Berg was read.", "It was long."]),
])
def test_sentences_that_start_with_a_capital_of_any_script(text: str, names: list[str]
                                                           ) -> None:
    assert [s.text for s in suggest.sentences(text)] == names


_RELEASE = (
    "The Department for Energy Security and Net Zero today confirmed that\n"
    "11 offshore wind projects will share 5 GW of new capacity in\n"
    "Allocation Round 7, enough to power up to 1.5 million homes. Bids\n"
    "came in at a strike price of about £58 per megawatt hour at\n"
    "Northmoor Array, Kestrel Bank and Solway Deep, where construction\n"
    "is due to start in 2026.\n")
_PER_LINE = (
    "Acme raises prices\n"
    "Acme Corp said on Monday that it will raise prices by five percent next year.\n"
    "The move follows a rise in the cost of steel and other materials.\n"
    "Analysts said the increase had been expected for some months.\n"
    "Shares rose two percent in early trading.\n")
_LIST = (
    "The projects\n"
    "- Northmoor Array, a 1.2 GW wind farm off the Lincolnshire coast\n"
    "- Kestrel Bank, a 900 MW project in the Dogger Bank zone of the sea\n"
    "- Solway Deep, a floating wind project of 600 MW in the Celtic Sea\n"
    "- Harrowgate One, an extension of the existing Harrowgate site\n")
_NUMBERED = (
    "1. The round secured 5 GW of capacity across eleven offshore sites\n"
    "2. Eleven projects were successful across England and Scotland\n"
    "3. Two floating wind projects will be built in the Celtic Sea area\n"
    "4. The strike price was twelve percent lower than the last round\n")
_POEM = (
    "The Road Not Taken\n\n"
    "Two roads diverged in a yellow wood,\n"
    "And sorry I could not travel both\n"
    "And be one traveler, long I stood\n"
    "And looked down one as far as I could\n"
    "To where it bent in the undergrowth;\n")
_ADDRESS = "Harbour Board\n12 Quay Street\nPortsmouth\nPO1 2AB\nUnited Kingdom\n"


_KNOWN = (Entity(id="acme", name="Acme Corp", kind="organisation", aliases=("Acme",),
                 pos=Pos("entities.yml")),)


@pytest.mark.parametrize(("text", "names"), [
    # Two words after the role's object: as before, the last two words.
    ("Minister for Energy Sarah Whitcombe spoke.", {"Sarah Whitcombe"}),
    ("Minister for Energy Security Sarah Whitcombe spoke.", {"Sarah Whitcombe"}),
    ("Governor of New York Kathy Hochul spoke.", {"Kathy Hochul"}),
    ("Chief Executive of Harrowgate Renewables Tom Baird agreed.", {"Tom Baird"}),
    # A longer name after portfolio words or a known name is kept whole.
    ("Minister for Energy Mary Anne Whitcombe spoke.", {"Mary Anne Whitcombe"}),
    ("Prime Minister for Finance Jens Stoltenberg Olsen spoke.",
     {"Jens Stoltenberg Olsen"}),
    ("Secretary of State for Energy Security and Net Zero Mary Anne Whitcombe spoke.",
     {"Mary Anne Whitcombe"}),
    ("Minister for Foreign Affairs Åsa Maria Berg spoke.", {"Åsa Maria Berg"}),
    ("Chief Executive of Acme Mary Anne Whitcombe agreed.", {"Mary Anne Whitcombe"}),
    ("Chief Executive of Acme Corp Jens Stoltenberg Olsen agreed.",
     {"Jens Stoltenberg Olsen"}),
    ("Chief Executive of Acme Tom Baird agreed.", {"Tom Baird"}),
    # A role alone names nobody.
    ("Later the Minister for Energy spoke.", set()),
    ("Later the Chief Executive of Acme spoke.", set()),
    # A title written straight before a name of two words or more is not part of it.
    ("Talks ended. Prime Minister Jens Stoltenberg spoke.", {"Jens Stoltenberg"}),
    ("Rates held. Deputy Governor Sarah Breeden spoke.", {"Sarah Breeden"}),
    ("Then Secretary General António Guterres spoke.", {"António Guterres"}),
    # A council's titles too, in British and American spelling; a surname that is also
    # a title stays in its name.
    ("Rates held, Councillor Tom Brandt said.", {"Tom Brandt"}),
    ("Then Councilor Ana Ruiz and Councilwoman Li Wei spoke.", {"Ana Ruiz", "Li Wei"}),
    ("Then Alderman Joe Moore and Congressman Ro Khanna spoke.",
     {"Joe Moore", "Ro Khanna"}),
    ("The novel by Naomi Alderman sold.", {"Naomi Alderman"}),
    ("Then Councillor for Transport Tom Brandt spoke.", {"Tom Brandt"}),
    # One word after it may be the name's own ("Governor Hochul"); "General" starts
    # names and "Head" organisations.
    ("Then Governor Hochul spoke.", {"Governor Hochul"}),
    ("Shares of General Motors fell.", {"General Motors"}),
    ("The Head Office Services team met.", {"Head Office Services"}),
    # An organisation's role before a name: the organisation, and the person without
    # the role; a possessive before anything else stays in its run.
    ("Then Kestrel's Chief Executive Max Roe spoke.", {"Kestrel", "Max Roe"}),
    ("Then Kestrel's Chief Financial Officer Max Roe spoke.", {"Kestrel", "Max Roe"}),
    ("Then Kestrel's Chief Information Security Officer Max Roe spoke.",
     {"Kestrel", "Max Roe"}),
    ("Then Kestrel's Head of Research Max Roe spoke.", {"Kestrel", "Max Roe"}),
    ("Then Kestrel's President Max Roe spoke.", {"Kestrel", "Max Roe"}),
    ("Then Moody's Investors Service spoke.", {"Moody Investors Service"}),
    ("Then Kestrel's Max Roe spoke.", {"Kestrel Max Roe"}),
])
def test_the_person_named_after_a_role(text: str, names: set[str]) -> None:
    assert {e.name for e in suggest.find_new_names(text, _KNOWN)} == names


_NORDIC = (
    "Wind prices fall as Ørsted cuts costs\n"
    "\n"
    "Ørsted said on Monday that its costs fell. Shares in Ørsted rose. Minister for "
    "Energy Åsa Maria Berg welcomed the news at the Ångström Laboratory in Uppsala.\n"
    "\u201cThe market is turning,\u201d said Émile Zola, an analyst at Škoda "
    "Research in Łódź.Ørsted shares rose 4 percent, and 2,000 Škoda devices were sold.\n")


def test_an_article_with_names_in_any_script() -> None:
    names = {e.name: e.count for e in suggest.find_new_names(_NORDIC, ())}
    assert names == {"Ørsted": 1, "Åsa Maria Berg": 1, "Ångström Laboratory": 1,
                     "Uppsala": 1, "Émile Zola": 1, "Škoda Research": 1, "Łódź": 1,
                     "Škoda": 1}
    (quote,) = suggest.find_quotes(_NORDIC, ())
    assert (quote.text, quote.speaker_name) == ("The market is turning", "Émile Zola")
    assert {(f.found, f.unit) for f in suggest.find_figures(_NORDIC)} >= {
        ("2,000 Škoda devices", "devices")}


@pytest.mark.parametrize(("text", "wrapped"), [
    (_RELEASE, True),  # continuation lines start with capitals and a digit
    (_RELEASE.replace("\n", "\n\n"), False),  # each line a paragraph of its own
    (_PER_LINE, False),
    (_LIST, False),
    (_NUMBERED, False),
    (_POEM, False),
    (_ADDRESS, False),
    # A web address on a line of its own does not stretch the width the text is
    # wrapped at.
    (_RELEASE + "https://www.example.org/news/2025/04/offshore-wind-round-seven-results"
     "-announced\nIssued by the press office\n", True),
])
def test_a_steady_width_tells_a_hard_wrapped_text(text: str, wrapped: bool) -> None:
    assert looks_hard_wrapped(text) is wrapped
