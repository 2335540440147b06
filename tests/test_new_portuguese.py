"""`briefing new` on Portuguese (pt, pt-BR, pt-PT) articles: names read as French,
Spanish and Italian ones are (briefing/romancenames.py), with Portuguese's function
words, articles and particles ("do", "dos", "das"), and its ministries
(briefing/ministries.py). Every other language is read as before."""

from __future__ import annotations

import pytest

from briefing import suggest
from briefing.ministries import ministries
from briefing.model import Corpus
from briefing.romancenames import is_function_word


def names(text: str, language: str = "pt") -> set[str]:
    return {e.name for e in suggest.find_new_names(text, (), language=language)}


@pytest.mark.parametrize(("text", "found"), [
    # A function word opening a sentence or a quotation is left off the name after it.
    ("Segundo Maria Silva, o plano avança.", {"Maria Silva"}),
    ("O Governo aprovou o plano ontem.", {"Governo"}),
    ("Conforme Pedro Alves, a obra custa caro.", {"Pedro Alves"}),
    ("«Este é o maior investimento», afirmou Ana Costa.", {"Ana Costa"}),
    ("“Não vamos desistir”, disse Ana Costa.", {"Ana Costa"}),
    ("LISBOA, 3 de março de 2025 \u2013 A Câmara Municipal de Lisboa aprovou o orçamento.",
     {"Câmara Municipal de Lisboa"}),
    # Particles join a name: "de", "da", "do", "dos", "das".
    ("O plano é de Maria da Silva e de João dos Santos.", {"Maria da Silva",
                                                           "João dos Santos"}),
    ("«Vamos avançar», disse Maria das Dores Ferreira.", {"Maria das Dores Ferreira"}),
    ("O presidente Marcelo Rebelo de Sousa promulgou o diploma.",
     {"Marcelo Rebelo de Sousa"}),
    ("A empresa Águas do Litoral Alentejano e o Banco do Brasil assinaram.",
     {"Águas do Litoral Alentejano", "Banco do Brasil"}),
    # An organisation's head goes on with "para a" ("for the").
    ("A Associação Portuguesa para a Defesa do Consumidor criticou a medida.",
     {"Associação Portuguesa para a Defesa do Consumidor"}),
])
def test_portuguese_names(text: str, found: set[str]) -> None:
    for language in ("pt", "pt-BR", "pt-PT"):
        assert names(text, language) == found


def test_a_surname_with_its_particle_at_a_sentences_start() -> None:
    """"Dos Santos" opening a sentence is the name "João dos Santos" is written with
    elsewhere, and its alias."""
    text = "O diretor João dos Santos falou ontem. Dos Santos disse que a obra avança."
    (found,) = suggest.suggest(text, Corpus((), (), (), ()), language="pt").new_names
    assert (found.name, found.aliases) == ("João dos Santos", ("Dos Santos",))


@pytest.mark.parametrize(("text", "found"), [
    # A portfolio is no name; a ministry with a capital is one whole.
    ("O ministro das Finanças, Joaquim Sarmento, disse que sim.", {"Joaquim Sarmento"}),
    ("O Ministério da Economia e do Mar aprovou o plano ontem.",
     {"Ministério da Economia e do Mar"}),
    ("A ministra do Trabalho, Solidariedade e Segurança Social, Ana Godinho, falou.",
     {"Ana Godinho"}),
    ("Segundo o Ministério do Desenvolvimento, Indústria, Comércio e Serviços, avança.",
     {"Ministério do Desenvolvimento, Indústria, Comércio e Serviços"}),
    ("O ministro dos Negócios Estrangeiros Paulo Rangel Neves chegou.",
     {"Rangel Neves"}),
    ("O ministro da Fazenda Fernando Haddad falou.", {"Fernando Haddad"}),
])
def test_a_portfolio_is_no_name(text: str, found: set[str]) -> None:
    assert names(text) == found


def test_a_ministrys_words_and_name() -> None:
    sentence = "Segundo o Ministério do Ambiente e Energia, o plano avança."
    (found,) = ministries(sentence, "pt")
    assert sentence[found.start:found.end] == found.name == \
        "Ministério do Ambiente e Energia"
    assert found.last == "Energia"


@pytest.mark.parametrize("word", ["Segundo", "O", "à", "Pelo", "NAS"])
def test_portuguese_function_words(word: str) -> None:
    assert is_function_word("pt", word)


@pytest.mark.parametrize("word", ["da", "do", "dos", "das", "de"])
def test_particles_are_no_function_words(word: str) -> None:
    # "Da Silva", "Dos Santos": they start surnames.
    assert not is_function_word("pt", word)


def test_the_other_languages_read_as_before() -> None:
    # "do", "dos" and "das" join Portuguese names only ("do" is an English word), and
    # "a" and "o" are Portuguese articles, not Spanish or Italian ones ("a Tomás").
    assert names("Why do Americans like Acme?", "en") == {"Americans", "Acme"}
    assert names("O ministro das Finanças, Joaquim Sarmento, disse que sim.", "en") == {
        "Finanças", "Joaquim Sarmento"}
    assert names("Lo confirmó a Tomás de la Vega ayer. Tomás de la Vega habló.", "es") \
        == {"Tomás de la Vega"}
