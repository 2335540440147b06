"""`prose-source-count`: a count of sources the prose states ("both sources", "the
sources", "one source") held to the sources behind its sentence, in each language the
prose checks read, firing at the words and silent where the count is backed, denied or
not one of sources."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_helpers import rebuilt_findings, write_tree

from briefing.buildcache import BuildCache
from briefing.pipeline import build
from briefing.sourcecount import Reader

# Each language's two passages, each in an article of its own, both naming Nordwerk.
SAID = {
    "en": ("Nordwerk stays open on Sundays", "Nordwerk backs the new plan"),
    "fr": ("Nordwerk reste ouvert le dimanche", "Nordwerk soutient le nouveau plan"),
    "de": ("Nordwerk bleibt sonntags geöffnet", "Nordwerk unterstützt den neuen Plan"),
    "es": ("Nordwerk abre los domingos", "Nordwerk apoya el nuevo plan"),
    "it": ("Nordwerk resta aperto la domenica", "Nordwerk sostiene il nuovo piano"),
    "pt": ("Nordwerk fica aberto aos domingos", "Nordwerk apoia o novo plano"),
}
ENTITIES = "entities:\n  - id: nordwerk\n    name: Nordwerk\n    kind: organisation\n"


def counted(tmp_path: Path, language: str, point: str, cites: str = "a",
            description: str = "", said: tuple[str, str] | None = None) -> list[str]:
    """The `prose-source-count` warnings, as `line:col message`, of a corpus in `language`
    whose one point (`point`) cites the passages `cites` ("a", "b" or "a, b"), and whose
    entity has `description`; the passages are the language's, or `said`."""
    a, b = said or SAID[language]
    entities = ENTITIES + (f"    description: '{description}'\n" if description else "")
    files = {"entities.yml": entities,
             "briefs/b.yml": 'title: "B"\nsummary: "A summary."\nsections:\n'
                             '  - kind: what-happened\n    points:\n'
                             f"      - text: '{point}'\n        cites: [{cites}]\n"}
    for name, words in (("a", a), ("b", b)):
        files[f"sources/{name}.txt"] = f"Title {name}\n{words}.\n"
        files[f"sources/{name}.yml"] = (f'title: "Title {name}"\npublished: "2025-03-03"\n'
                                        f'quotes:\n  - id: {name}\n    text: "{words}"\n'
                                        + ("    speaker: nordwerk\n" if name == "a" else ""))
    found = build(write_tree(tmp_path / "content", files), language=language).diagnostics
    assert [d.format() for d in found if d.code == "prose-quote-unsourced"] == []
    return [f"{d.pos.line}:{d.pos.col} {d.message}" for d in found
            if d.code == "prose-source-count"]


# (language, a point citing passage a alone: it says more sources than one)
MORE_THAN_CITED = [
    ("en", "Both sources say Nordwerk stays open."),
    ("en", "The sources say Nordwerk stays open."),
    ("en", "Two articles report that Nordwerk stays open."),
    ("en", "All the reports agree that Nordwerk stays open."),
    ("en", "Several reports say Nordwerk stays open."),
    ("en", "Sources say Nordwerk stays open."),
    ("en", "Nordwerk stays open, as both articles put it."),
    ("fr", "Les deux sources disent que Nordwerk reste ouvert."),
    ("fr", "Selon les sources, Nordwerk reste ouvert."),
    ("fr", "Plusieurs articles rapportent que Nordwerk reste ouvert."),
    ("de", "Beide Quellen sagen, Nordwerk bleibt geöffnet."),
    ("de", "Die Quellen berichten, Nordwerk bleibe geöffnet."),
    ("de", "Laut zwei Berichten bleibt Nordwerk geöffnet."),
    ("es", "Ambas fuentes dicen que Nordwerk abre."),
    ("es", "Según las fuentes, Nordwerk abre los domingos."),
    ("es", "Varios artículos informan de que Nordwerk abre."),
    ("it", "Entrambe le fonti dicono che Nordwerk resta aperto."),
    ("it", "Secondo le fonti Nordwerk resta aperto."),
    ("it", "Due articoli riportano che Nordwerk resta aperto."),
    ("pt", "As duas fontes dizem que Nordwerk fica aberto."),
    ("pt", "Ambas as fontes dizem que Nordwerk fica aberto."),
    ("pt", "Segundo as fontes, Nordwerk fica aberto."),
]


@pytest.mark.parametrize(("language", "point"), MORE_THAN_CITED)
def test_more_sources_than_the_point_cites_are_warned_of(tmp_path: Path, language: str,
                                                         point: str) -> None:
    found = counted(tmp_path, language, point)
    assert len(found) == 1 and "but this point cites quotes of one source: a" in found[0], \
        found
    assert counted(tmp_path / "both", language, point, "a, b") == []


# (language, a point citing passage a alone that says nothing of more sources)
NOT_MORE = [
    ("en", "One source says Nordwerk stays open."),
    ("en", "The article says Nordwerk stays open."),
    ("en", "None of the sources says why Nordwerk stays open."),
    ("en", "The sources do not say why Nordwerk stays open."),
    ("en", "No other source says Nordwerk stays open."),
    ("en", "Outside the sources, Nordwerk is a plant."),
    ("en", "Nothing in the sources says why Nordwerk stays open."),
    ("en", "Nordwerk stays open, according to unnamed sources."),
    ("en", "Sources familiar with Nordwerk say it stays open."),
    ("en", "Nordwerk says the sources of its funding are secure."),
    ("en", "More than one source may say so; this one says Nordwerk stays open."),
    ("fr", "Aucune des sources ne dit pourquoi Nordwerk reste ouvert."),
    ("fr", "Les sources ne disent pas pourquoi Nordwerk reste ouvert."),
    ("fr", "Nordwerk parle des sources de financement."),
    ("de", "Keine der Quellen sagt, warum Nordwerk geöffnet bleibt."),
    ("de", "Die Quellen sagen nicht, warum Nordwerk geöffnet bleibt."),
    ("de", "Nordwerk bleibt geöffnet, sagt der Artikel."),
    ("es", "Ninguna de las fuentes dice por qué Nordwerk abre."),
    ("es", "Las fuentes no dicen por qué Nordwerk abre."),
    ("it", "Nessuna delle fonti dice perché Nordwerk resta aperto."),
    ("it", "Le fonti non dicono perché Nordwerk resta aperto."),
    ("pt", "Nenhuma das fontes diz por que Nordwerk fica aberto."),
    ("pt", "As fontes não dizem por que Nordwerk fica aberto."),
]


@pytest.mark.parametrize(("language", "point"), NOT_MORE)
def test_a_count_denied_or_of_other_sources_is_not_warned_of(tmp_path: Path, language: str,
                                                             point: str) -> None:
    assert counted(tmp_path, language, point) == []


def test_a_count_above_two_is_held_to_its_number(tmp_path: Path) -> None:
    found = counted(tmp_path, "en", "All three articles say Nordwerk stays open.", "a, b")
    assert len(found) == 1 and '"All three articles" speaks of three sources, but this ' \
        "point cites quotes of two sources: a, b" in found[0], found


def test_a_count_the_cited_passage_gives_itself_is_the_articles(tmp_path: Path) -> None:
    """The article's own "two reports" is relayed, not a count of the briefing's sources."""
    said = ("Two reports say Nordwerk stays open on Sundays", SAID["en"][1])
    assert counted(tmp_path, "en", "Two reports say Nordwerk stays open on Sundays.",
                   said=said) == []


# (language, a point citing both passages that says one source speaks of both)
ONE_OF_TWO = {
    "en": ('One source speaks of "{a}" and "{b}".',
           'One source speaks of "{a}", another of "{b}".'),
    "fr": ("Une seule source parle de « {a} » et de « {b} ».",
           "Une source parle de « {a} », une autre de « {b} »."),
    "de": ("Eine Quelle spricht von „{a}“ und „{b}“.",
           "Eine Quelle spricht von „{a}“, eine andere von „{b}“."),
    "es": ("Una sola fuente habla de «{a}» y de «{b}».",
           "Una fuente habla de «{a}», otra de «{b}»."),
    "it": ("Una sola fonte parla di «{a}» e di «{b}».",
           "Una fonte parla di «{a}», un\u2019altra di «{b}»."),
    "pt": ("Uma única fonte fala de “{a}” e de “{b}”.",
           "Uma fonte fala de “{a}”, outra de “{b}”."),
}


@pytest.mark.parametrize("language", sorted(ONE_OF_TWO))
def test_one_source_said_of_words_from_two_is_warned_of(tmp_path: Path,
                                                        language: str) -> None:
    a, b = (w.split(" ", 1)[1] for w in SAID[language])  # (after "Nordwerk")
    one, other = (p.format(a=a, b=b) for p in ONE_OF_TWO[language])
    found = counted(tmp_path, language, one, "a, b")
    assert len(found) == 1 and "speaks of one source, but the words this point quotes in " \
        "that sentence are from two sources, none of which has them all: a, b" in found[0]
    assert counted(tmp_path / "other", language, other, "a, b") == []
    alone = ONE_OF_TWO[language][0].format(a=a, b=a)  # both words of one source
    assert counted(tmp_path / "one", language, alone, "a, b") == []


def test_a_description_is_held_to_the_sources_of_the_words_it_quotes(tmp_path: Path) -> None:
    """The example corpus's Musk description said "The sources speak of" three phrases,
    all from one article."""
    point = "Nordwerk stays open on Sundays."
    one = 'Plant. The sources speak of "stays open on Sundays" and "open on Sundays".'
    found = counted(tmp_path, "en", point, description=one)
    assert found == ['5:26 "The sources" speaks of two or more sources, but the words '
                     "this entity description quotes in that sentence are from one source: "
                     "a"], found
    two = 'Plant. The sources speak of "stays open on Sundays" and "backs the new plan".'
    assert counted(tmp_path / "two", "en", point, description=two) == []
    unquoted = "Plant. The sources speak of it; they say it stays open."
    assert counted(tmp_path / "none", "en", point, description=unquoted) == []
    single = 'Plant. One source speaks of "stays open on Sundays" and "backs the new plan".'
    found = counted(tmp_path / "single", "en", point, description=single)
    assert len(found) == 1 and found[0].startswith('5:26 "One source" speaks of one'), found


def test_a_description_quoting_nothing_is_held_to_the_quotes_it_may_draw_on(
        tmp_path: Path) -> None:
    """Reuters' description once said "according to the sources" when one article named
    Reuters: without quoted words, a description's count is held to the sources of the
    quotes it may draw on (its own words, those naming it, those on claims about it)."""
    point = "Nordwerk stays open on Sundays."
    text = "Plant. According to the sources, it stays open on Sundays."
    found = counted(tmp_path, "en", point, description=text,
                    said=("Nordwerk stays open on Sundays", "The mayor backs the new plan"))
    assert len(found) == 1 and found[0].startswith(
        '5:39 "the sources" speaks of two or more sources, but the quotes this entity '
        "description may draw on (of it, naming it, on claims about it) are of one "
        "source: a"), found
    assert counted(tmp_path / "two", "en", point, description=text) == []  # b names it
    denied = "Plant. The sources do not say when it opened."
    assert counted(tmp_path / "denied", "en", point, description=denied,
                   said=("Nordwerk stays open on Sundays", "The mayor backs the plan")) == []


def test_the_warning_is_at_the_words(tmp_path: Path) -> None:
    found = counted(tmp_path, "en", "Nordwerk stays open, as both articles put it.")
    assert found and found[0].startswith("6:40 "), found  # at "both articles"


@pytest.mark.parametrize(("site", "text", "read"), [
    ("en", "Les deux sources disent", []),  # French words on an English site are not read
    ("fr", "Both sources say", ["Both sources"]),  # English is read on every site
    ("de", "den Artikel", []),  # one article, in the accusative
    ("de", "die Artikel", ["die Artikel"]),
    ("en", "in 2 sources", ["2 sources"]),
])
def test_the_words_read_are_english_and_the_sites_language(site: str, text: str,
                                                           read: list[str]) -> None:
    assert [c.words for c in Reader(site).counts(text)] == read


# (language, a point citing passages a and b, each linked in a sentence of its own: the
# first sentence's count rests on its one link)
PER_SENTENCE = [
    ("en", "Both sources say Nordwerk stays open [[quote:a]]. It backs the plan [[quote:b]]."),
    ("en", "Two reports say Nordwerk stays open [[quote:a]]; it backs the plan [[quote:b]]."),
    ("fr", "Les deux sources disent que Nordwerk reste ouvert [[quote:a]]. Il soutient le "
           "plan [[quote:b]]."),
    ("de", "Beide Quellen sagen, dass Nordwerk geöffnet bleibt [[quote:a]]. Es unterstützt "
           "den Plan [[quote:b]]."),
    ("es", "Ambas fuentes dicen que Nordwerk abre [[quote:a]]. Apoya el plan [[quote:b]]."),
    ("it", "Entrambe le fonti dicono che Nordwerk resta aperto [[quote:a]]. Sostiene il "
           "piano [[quote:b]]."),
    ("pt", "Ambas as fontes dizem que Nordwerk fica aberto [[quote:a]]. Apoia o plano "
           "[[quote:b]]."),
]


@pytest.mark.parametrize(("language", "point"), PER_SENTENCE)
def test_a_point_citing_sentence_by_sentence_is_held_to_each_sentence(
        tmp_path: Path, language: str, point: str) -> None:
    """A point that links its quotes in its prose cites sentence by sentence: a count is
    held to the quotes linked in its own sentence (and any the point cites without a
    link), not to every quote of the point."""
    found = counted(tmp_path, language, point, "a, b")
    assert len(found) == 1 and found[0].startswith("6:16 ") and "but the quotes that " \
        "sentence links, with those this point cites without a link, are of one source: " \
        "a" in found[0], found
    # Both links in the counting sentence, or the other quote cited and linked nowhere,
    # back it; so does the point as a whole, when the link is dropped from that sentence.
    first, second = point.split(" [[quote:a]]")
    assert counted(tmp_path / "both", language, f"{first} [[quote:a]] [[quote:b]]"
                   f"{second.replace(' [[quote:b]]', '')}", "a, b") == []
    assert counted(tmp_path / "unlinked", language,
                   point.replace(" [[quote:b]]", ""), "a, b") == []
    assert counted(tmp_path / "whole", language, point.replace(" [[quote:a]]", ""),
                   "a, b") == []


def test_a_count_the_point_cites_per_point_is_held_to_the_point(tmp_path: Path) -> None:
    """A point linking no quote in its prose cites as a whole: each sentence rests on
    every quote it cites, as before."""
    point = "Both sources say Nordwerk stays open. It backs the plan."
    assert counted(tmp_path, "en", point, "a, b") == []
    found = counted(tmp_path / "one", "en", point, "a")
    assert len(found) == 1 and "but this point cites quotes of one source: a" in found[0]


def test_a_link_moved_to_the_counting_sentence_is_read_again(tmp_path: Path) -> None:
    """Under `mkdocs serve`, a point rewritten to link both quotes in its counting
    sentence is read again: the warning goes."""
    point = "Both sources say Nordwerk stays open [[quote:a]]. It backs the plan [[quote:b]]."
    assert len(counted(tmp_path, "en", point, "a, b")) == 1
    content, cache = tmp_path / "content", BuildCache()

    assert len(rebuilt_findings(content, cache, "prose-source-count")) == 1
    brief = content / "briefs" / "b.yml"
    brief.write_text(brief.read_text().replace("[[quote:a]].", "[[quote:a]] [[quote:b]]."))
    assert rebuilt_findings(content, cache, "prose-source-count") == []
