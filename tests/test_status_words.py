"""`prose-status-overstated`: words of certainty or refutation in the curator's prose
("confirmed", "debunked", "undisputed") held to the declared status of the claim they
describe, in each language the prose checks read; silent where the word is denied, hedged,
someone else's view, a source's word in quotation marks, or far from the claim."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_helpers import rebuilt_findings, write_tree

from briefing.buildcache import BuildCache
from briefing.pipeline import build

QUOTE = "Nordwerk stays open on Sundays, the opening is confirmed for Sundays"


def judged(tmp_path: Path, language: str, status: str, point: str, *,
           inference: bool = False, claims: str = "", extra: str = "", quote: str = QUOTE
           ) -> list[str]:
    """The `prose-status-overstated` warnings, as `line:col message`, of a corpus in
    `language` whose claim `sun` has `status`, and whose one point is `point` (written as
    a folded block from line 7, column 11), citing the one passage (`quote`), naming
    `claims`."""
    body = "\n".join(f"          {line}" for line in point.split("\n"))
    brief = ('title: "B"\nsummary: "A summary."\nsections:\n  - kind: what-happened\n'
             f"    points:\n      - text: >-\n{body}\n        cites: [a]\n"
             + (f"        claims: [{claims}]\n" if claims else "")
             + ("        inference: true\n" if inference else ""))
    files = {
        "entities.yml": "entities:\n  - id: nordwerk\n    name: Nordwerk\n"
                        "    kind: organisation\n",
        "claims.yml": "claims:\n  - id: sun\n    statement: \"Nordwerk stays open on "
                      f"Sundays.\"\n    status: {status}\n" + extra,
        "briefs/b.yml": brief,
        "sources/a.txt": f"Title a\n{quote}.\n",
        "sources/a.yml": 'title: "Title a"\npublished: "2025-03-03"\nquotes:\n  - id: a\n'
                         f'    text: "{quote}"\n    asserts: [sun]\n',
    }
    found = build(write_tree(tmp_path / "content", files), language=language).diagnostics
    return [f"{d.pos.line}:{d.pos.col} {d.message}" for d in found
            if d.code == "prose-status-overstated"]


# (language, status, a sentence linking claim `sun` that overstates that status, the word)
OVERSTATED = [
    ("en", "reported", "Nordwerk's confirmed Sunday opening ([[claim:sun]]) drew crowds.",
     "confirmed"),
    ("en", "disputed", "The Sunday opening has been independently verified ([[claim:sun]]).",
     "verified"),
    ("en", "reported", "It is an established fact that Nordwerk opens ([[claim:sun]]).",
     "an established fact"),
    ("en", "superseded", "The Sunday opening [[claim:sun]] was proven.", "proven"),
    ("en", "disputed", "The Sunday opening, now confirmed, drew crowds ([[claim:sun]]).",
     "confirmed"),
    ("en", "disputed", "The Sunday opening was confirmed by March ([[claim:sun]]).",
     "confirmed"),
    ("en", "refuted", "The Sunday opening [[claim:sun]] is beyond doubt.", "beyond doubt"),
    ("en", "reported", "The debunked claim [[claim:sun]] still circulates.", "debunked"),
    ("en", "disputed", "The claim that Nordwerk opens on Sundays [[claim:sun]] is false.",
     "false"),
    ("en", "corroborated", "The Sunday opening [[claim:sun]] has been refuted.", "refuted"),
    ("en", "disputed", "Nordwerk's undisputed Sunday opening ([[claim:sun]]).", "undisputed"),
    ("en", "refuted", "The Sunday opening [[claim:sun]] went unchallenged.", "unchallenged"),
    ("fr", "disputed", "L'ouverture du dimanche a été confirmée ([[claim:sun]]).",
     "confirmée"),
    ("fr", "reported", "Le chiffre avéré ([[claim:sun]]) circule.", "avéré"),
    ("fr", "reported", "Cette affirmation ([[claim:sun]]) est fausse.", "fausse"),
    ("fr", "disputed", "Une ouverture incontestée ([[claim:sun]]).", "incontestée"),
    ("fr", "disputed", "The confirmed Sunday opening ([[claim:sun]]).", "confirmed"),
    ("de", "reported", "Die bestätigten Öffnungszeiten ([[claim:sun]]) gelten ab Mai.",
     "bestätigten"),
    ("de", "reported", "Die Behauptung ([[claim:sun]]) ist widerlegt.", "widerlegt"),
    ("de", "disputed", "Die unbestrittene Öffnung am Sonntag ([[claim:sun]]).",
     "unbestrittene"),
    ("de", "disputed", "Die Angabe ([[claim:sun]]) hat sich als falsch erwiesen.", "falsch"),
    ("de", "reported", "Es ist erwiesen, dass Nordwerk öffnet ([[claim:sun]]).", "erwiesen"),
    ("es", "disputed", "La apertura confirmada ([[claim:sun]]) atrae público.", "confirmada"),
    ("it", "reported", "L'apertura è stata confermata ([[claim:sun]]).", "confermata"),
    ("pt", "reported", "A abertura foi comprovada ([[claim:sun]]).", "comprovada"),
]


@pytest.mark.parametrize(("language", "status", "point", "word"), OVERSTATED)
def test_a_word_overstating_the_claims_status_is_warned_of(
        tmp_path: Path, language: str, status: str, point: str, word: str) -> None:
    found = judged(tmp_path, language, status, point)
    assert len(found) == 1 and f'"{word}" ' in found[0] and f"'sun' is {status}" in found[0], \
        found


# (language, status, a sentence that says no more than the status)
NOT_OVERSTATED = [
    ("en", "corroborated", "Nordwerk's confirmed Sunday opening ([[claim:sun]]) drew crowds."),
    ("en", "refuted", "The debunked claim [[claim:sun]] still circulates."),
    ("en", "reported", "The claim [[claim:sun]] is undisputed."),
    ("en", "reported", "The Sunday opening is not confirmed ([[claim:sun]])."),
    ("en", "reported", "The Sunday opening [[claim:sun]] could not be verified."),
    ("en", "reported", "The Sunday opening has yet to be verified ([[claim:sun]])."),
    ("en", "reported", "The Sunday opening has not been confirmed ([[claim:sun]])."),
    ("en", "reported", "No one has confirmed the Sunday opening ([[claim:sun]])."),
    ("en", "reported", "The unconfirmed Sunday opening ([[claim:sun]]) drew crowds."),
    ("en", "reported", "If confirmed, the Sunday opening ([[claim:sun]]) is a first."),
    ("en", "reported", "The Sunday opening [[claim:sun]] is likely to be confirmed."),
    ("en", "disputed", "Nordwerk says the Sunday opening is confirmed ([[claim:sun]])."),
    ("en", "disputed", "According to Nordwerk, the opening is verified ([[claim:sun]])."),
    ("en", "disputed", "Has the Sunday opening been confirmed ([[claim:sun]])?"),
    ("en", "disputed", "The notice: \"the opening is confirmed for Sundays\" ([[claim:sun]])."),
    ("en", "disputed", "The false start of the season ([[claim:sun]]) hurt Nordwerk."),
    ("en", "disputed", "Established shops stay open on Sundays ([[claim:sun]])."),
    ("en", "disputed", "The confirmed figures of the city council from last year show that "
                       "many shops in the old town now stay open on Sundays ([[claim:sun]])."),
    ("en", "disputed", "The city has confirmed nothing. Nordwerk opens ([[claim:sun]])."),
    ("en", "reported", "The ministry counts 500 confirmed cases ([[claim:sun]])."),
    ("en", "reported", "Nordwerk posted it on its verified account ([[claim:sun]])."),
    ("en", "reported", "Nordwerk has a proven track record ([[claim:sun]])."),
    ("en", "reported", "The city dismissed the Sunday opening as false ([[claim:sun]])."),
    ("en", "reported", "The opening is widely regarded as debunked ([[claim:sun]])."),
    ("en", "reported", "The city reported the opening as confirmed ([[claim:sun]])."),
    ("fr", "reported", "L'ouverture du dimanche n'a pas été confirmée ([[claim:sun]])."),
    ("fr", "disputed", "Selon Nordwerk, l'ouverture est confirmée ([[claim:sun]])."),
    ("fr", "reported", "L'ouverture non confirmée ([[claim:sun]]) attire du monde."),
    ("fr", "reported", "L'ouverture pourrait être confirmée ([[claim:sun]])."),
    ("de", "reported", "Die Sonntagsöffnung wurde nicht bestätigt ([[claim:sun]])."),
    ("de", "disputed", "Laut Nordwerk ist die Öffnung bestätigt ([[claim:sun]])."),
    ("de", "reported", "Die Öffnung sei bestätigt ([[claim:sun]])."),
    ("de", "reported", "Die unbestätigte Öffnung ([[claim:sun]]) lockt viele."),
    ("de", "reported", "Ob die Öffnung bestätigt ist, bleibt offen ([[claim:sun]])."),
    ("de", "reported", "Der Stadt wurde ein Dienst erwiesen ([[claim:sun]])."),
    ("de", "disputed", "Nordwerk hat die Angabe als falsch zurückgewiesen ([[claim:sun]])."),
    ("es", "reported", "La apertura no ha sido confirmada ([[claim:sun]])."),
    ("it", "reported", "L'apertura non è stata confermata ([[claim:sun]])."),
    ("pt", "reported", "A abertura não foi confirmada ([[claim:sun]])."),
]


@pytest.mark.parametrize(("language", "status", "point"), NOT_OVERSTATED)
def test_a_word_that_is_denied_hedged_or_fits_is_not_warned_of(
        tmp_path: Path, language: str, status: str, point: str) -> None:
    assert judged(tmp_path, language, status, point) == []


# Passages: one that only reports, one that says it was confirmed, one that says it was
# refuted, one that denies it was confirmed.
PLAIN = "Nordwerk stays open on Sundays"
REFUTING = "Nordwerk stays open on Sundays, a claim the city refuted"
UNCONFIRMING = "The city has not confirmed that Nordwerk stays open on Sundays"

# (language, status, a sentence reporting someone's act of confirming or refuting claim
# `sun` beyond its status, the word, whether it says refuted): warned of while the passage
# only reports the claim.
ACTS = [
    ("en", "reported", "Reuters confirms the Sunday opening ([[claim:sun]]).", "confirms", False),
    ("en", "disputed", "The company has proven that it opens on Sundays ([[claim:sun]]).",
     "proven", False),
    ("en", "reported", "Officials verified the Sunday opening ([[claim:sun]]).", "verified",
     False),
    ("en", "reported", "Two inspectors confirm the Sunday opening ([[claim:sun]]).", "confirm",
     False),
    ("en", "disputed", "City records prove that Nordwerk opens on Sundays ([[claim:sun]]).",
     "prove", False),
    ("en", "reported", "Nordwerk confirmed that it stays open on Sundays ([[claim:sun]]).",
     "confirmed", False),
    ("en", "disputed", "The Sunday opening, confirmed by Reuters, drew crowds ([[claim:sun]]).",
     "confirmed", False),
    ("en", "superseded", "The Sunday opening was proven by the city ([[claim:sun]]).",
     "proven", False),
    ("en", "reported", "As confirmed by the city, Nordwerk opens on Sundays ([[claim:sun]]).",
     "confirmed", False),
    ("en", "reported", "The city has debunked the Sunday opening ([[claim:sun]]).", "debunked",
     True),
    ("en", "corroborated", "Inspectors refuted the Sunday opening ([[claim:sun]]).", "refuted",
     True),
    ("fr", "reported", "Reuters confirme l'ouverture du dimanche ([[claim:sun]]).", "confirme",
     False),
    ("fr", "reported", "Nordwerk a confirmé l'ouverture ([[claim:sun]]).", "confirmé", False),
    ("fr", "reported", "Nordwerk l'a confirmé ([[claim:sun]]).", "confirmé", False),
    ("fr", "disputed", "L'ouverture, confirmée par la mairie, attire du monde ([[claim:sun]]).",
     "confirmée", False),
    ("de", "reported", "Nordwerk hat die Öffnung bestätigt ([[claim:sun]]).", "bestätigt", False),
    ("de", "reported", "Die Stadt bestätigte die Öffnung ([[claim:sun]]).", "bestätigte", False),
    ("de", "reported", "Die Firma bestätigte Zahlen ([[claim:sun]]).", "bestätigte", False),
    ("de", "disputed", "Die Sonntagsöffnung wurde von Nordwerk bestätigt ([[claim:sun]]).",
     "bestätigt", False),
    ("de", "reported", "Die Öffnung, von der Stadt bestätigt, lockt viele ([[claim:sun]]).",
     "bestätigt", False),
    ("de", "corroborated", "Die Stadt hat die Öffnung widerlegt ([[claim:sun]]).", "widerlegt",
     True),
    ("es", "reported", "Nordwerk ha confirmado la apertura ([[claim:sun]]).", "confirmado",
     False),
    ("es", "reported", "El ayuntamiento confirmó la apertura ([[claim:sun]]).", "confirmó",
     False),
    ("es", "corroborated", "El ayuntamiento refutó la apertura ([[claim:sun]]).", "refutó", True),
    ("it", "reported", "Nordwerk ha confermato l'apertura ([[claim:sun]]).", "confermato",
     False),
    ("it", "reported", "Il comune conferma l'apertura ([[claim:sun]]).", "conferma", False),
    ("pt", "reported", "A prefeitura confirmou a abertura ([[claim:sun]]).", "confirmou", False),
    ("pt", "reported", "A abertura, confirmada pela prefeitura, atrai público ([[claim:sun]]).",
     "confirmada", False),
]


@pytest.mark.parametrize(("language", "status", "point", "word", "refuting"), ACTS)
def test_an_act_of_confirming_no_passage_reports_is_warned_of(
        tmp_path: Path, language: str, status: str, point: str, word: str, refuting: bool
        ) -> None:
    found = judged(tmp_path, language, status, point, quote=PLAIN)
    assert len(found) == 1 and f'"{word}" says someone' in found[0] \
        and f"'sun' is {status} and no passage" in found[0], found


@pytest.mark.parametrize(("language", "status", "point", "word", "refuting"), ACTS)
def test_an_act_a_passage_reports_quoted_or_fitting_is_left_alone(
        tmp_path: Path, language: str, status: str, point: str, word: str, refuting: bool
        ) -> None:
    """Over every act warned of: a passage saying it too (in English, whatever the
    site's language) backs it; the same words in quotation marks are a quote, checked
    as one; a status the word fits is no overstatement. A passage denying it backs
    nothing."""
    saying = REFUTING if refuting else QUOTE
    assert judged(tmp_path / "said", language, status, point, quote=saying) == []
    words, link = point.rsplit(" (", 1)
    assert judged(tmp_path / "quoted", language, status, f'\u201c{words}\u201d ({link}',
                  quote=PLAIN) == []
    fits = "refuted" if refuting else "corroborated"
    assert judged(tmp_path / "fits", language, fits, point, quote=PLAIN) == []
    if not refuting:
        assert len(judged(tmp_path / "denied", language, status, point,
                          quote=UNCONFIRMING)) == 1


# (language, a sentence whose act is denied, hedged, someone's view, or no act of
# confirming), of a claim only reported, with a passage that says nothing of it.
NOT_ACTS = [
    ("en", "Reuters has not confirmed the Sunday opening ([[claim:sun]])."),
    ("en", "The city could not verify the Sunday opening ([[claim:sun]])."),
    ("en", "The city did not confirm the Sunday opening ([[claim:sun]])."),
    ("en", "The city never confirmed the Sunday opening ([[claim:sun]])."),
    ("en", "Nordwerk declined to confirm the Sunday opening ([[claim:sun]])."),
    ("en", "Nordwerk has yet to confirm the Sunday opening ([[claim:sun]])."),
    ("en", "The city neither confirmed nor denied the opening ([[claim:sun]])."),
    ("en", "The city has confirmed nothing about the opening ([[claim:sun]])."),
    ("en", "Confirmed by no one, the Sunday opening ([[claim:sun]]) drew crowds."),
    ("en", "Once confirmed, the Sunday opening ([[claim:sun]]) is a first."),
    ("en", "Inspectors will confirm the Sunday opening ([[claim:sun]])."),
    ("en", "Inspectors hope to verify the Sunday opening ([[claim:sun]])."),
    ("en", "Inspectors are still trying to confirm it ([[claim:sun]])."),
    ("en", "The figures may prove that Nordwerk opens on Sundays ([[claim:sun]])."),
    ("en", "No other source this briefing draws on confirms the opening ([[claim:sun]])."),
    ("en", "None of the sources the city relies on verifies it ([[claim:sun]])."),
    ("en", "Reuters confirms the opening, Nordwerk said ([[claim:sun]])."),
    ("en", "Does Reuters confirm the opening ([[claim:sun]])?"),
    ("en", "The Sunday opening proved popular ([[claim:sun]])."),
    ("en", "The city confirmed cases of flu near the shop ([[claim:sun]])."),
    ("fr", "Nordwerk n'a pas confirmé l'ouverture ([[claim:sun]])."),
    ("fr", "La tendance se confirme ([[claim:sun]])."),
    ("fr", "Nordwerk ne confirme pas l'ouverture ([[claim:sun]])."),
    ("de", "Nordwerk bestätigte die Öffnung nicht ([[claim:sun]])."),
    ("de", "Die Stadt hat die Öffnung nicht bestätigt ([[claim:sun]])."),
    ("de", "Die Stadt bestätigt keine Öffnung ([[claim:sun]])."),
    ("de", "Die bestätigten ([[claim:sun]]) kamen."),
    ("es", "Nordwerk no ha confirmado la apertura ([[claim:sun]])."),
    ("es", "La apertura se confirmó ([[claim:sun]])."),
    ("it", "Nordwerk non ha confermato l'apertura ([[claim:sun]])."),
    ("it", "Si attende la conferma dell'apertura ([[claim:sun]])."),
    ("it", "La verifica dell'apertura ([[claim:sun]]) è in corso."),
    ("pt", "A prefeitura não confirmou a abertura ([[claim:sun]])."),
    ("pt", "Confirma-se a abertura ([[claim:sun]])."),
]


@pytest.mark.parametrize(("language", "point"), NOT_ACTS)
def test_an_act_denied_hedged_or_no_confirming_is_left_alone(
        tmp_path: Path, language: str, point: str) -> None:
    assert judged(tmp_path, language, "reported", point, quote=PLAIN) == []


def test_the_warning_stands_at_the_word(tmp_path: Path) -> None:
    """`path:line:col` at the word itself, on the line of a folded text it is on; the
    word met earlier denied ("not confirmed") is not the one shown."""
    point = ("Whether the cut is confirmed is not said.\n"
             "Nordwerk's confirmed Sunday opening ([[claim:sun]]) drew crowds.")
    found = judged(tmp_path, "en", "disputed", point)
    assert found == ["8:22 \"confirmed\" says it is borne out, but claim 'sun' is disputed"]


def test_a_claims_note_is_read_and_the_hint_says_how_to_fix_it(tmp_path: Path) -> None:
    files = {"claims.yml": "claims:\n  - id: sun\n    statement: \"Nordwerk stays open on "
                           "Sundays.\"\n    status: reported\n  - id: cut\n    statement: "
                           "\"Nordwerk cut prices.\"\n    status: reported\n    note: \"Unlike "
                           "the cut, the Sunday opening has been debunked ([[claim:sun]]).\"\n",
             "sources/a.txt": f"Title a\n{QUOTE}; Nordwerk cut prices.\n",
             "sources/a.yml": 'title: "T"\npublished: "2025-03-03"\nquotes:\n  - id: a\n'
                              f'    text: "{QUOTE}"\n    asserts: [sun]\n  - id: b\n'
                              '    text: "Nordwerk cut prices"\n    asserts: [cut]\n'}
    found = [d for d in build(write_tree(tmp_path / "content", files)).diagnostics
             if d.code == "prose-status-overstated"]
    assert len(found) == 1 and (found[0].pos.line, found[0].pos.col) == (8, 56), found
    assert "change its status to refuted" in found[0].hint
    assert "status-evidence" in found[0].hint


def test_an_inference_may_not_call_a_disputed_claim_confirmed(tmp_path: Path) -> None:
    """An inference reasons beyond its quotes, but the status is the curator's judgement:
    it is read like any other point."""
    point = "So the Sunday opening has been confirmed ([[claim:sun]])."
    assert len(judged(tmp_path, "en", "disputed", point, inference=True)) == 1


def test_a_points_named_claims_stand_for_a_sentence_linking_none(tmp_path: Path) -> None:
    point = "The Sunday opening has been confirmed."
    assert len(judged(tmp_path, "en", "disputed", point, claims="sun")) == 1
    assert judged(tmp_path / "fits", "en", "corroborated", point, claims="sun") == []
    assert judged(tmp_path / "none", "en", "disputed", point) == []


OTHER = ("  - id: cut\n    statement: \"Nordwerk cut prices.\"\n    status: corroborated\n")


def test_a_word_that_may_describe_another_claim_it_fits_is_left_alone(tmp_path: Path) -> None:
    """Which of two claims linked in a sentence a word describes is not certain: it is
    warned of only when it overstates both."""
    point = "The confirmed cut ([[claim:cut]]) and the Sunday opening ([[claim:sun]])."
    assert judged(tmp_path, "en", "disputed", point, extra=OTHER) == []
    reported = OTHER.replace("corroborated", "reported")
    found = judged(tmp_path / "both", "en", "disputed", point, extra=reported)
    assert len(found) == 1 and "'cut' is reported (and 'sun' too)" in found[0], found


def test_a_status_changed_alone_is_read_again_between_rebuilds(tmp_path: Path) -> None:
    """`mkdocs serve` keeps a point's findings while it is the same: a claim's status,
    edited in another file, changes them."""
    assert judged(tmp_path, "en", "corroborated",
                  "The Sunday opening has been confirmed ([[claim:sun]]).") == []
    content, cache = tmp_path / "content", BuildCache()

    assert rebuilt_findings(content, cache, "prose-status-overstated") == []
    claims = content / "claims.yml"
    claims.write_text(claims.read_text().replace("corroborated", "disputed"))
    assert len(rebuilt_findings(content, cache, "prose-status-overstated")) == 1
    claims.write_text(claims.read_text().replace("disputed", "corroborated"))
    assert rebuilt_findings(content, cache, "prose-status-overstated") == []


def test_a_passage_edited_to_say_it_is_read_again_between_rebuilds(tmp_path: Path) -> None:
    """An act is left alone when its passage says it: editing only the passage (another
    file) changes the point's findings under `mkdocs serve`."""
    point = "Reuters confirms the Sunday opening ([[claim:sun]])."
    assert len(judged(tmp_path, "en", "reported", point, quote=PLAIN)) == 1
    content, cache = tmp_path / "content", BuildCache()

    assert len(rebuilt_findings(content, cache, "prose-status-overstated")) == 1
    for name in ("a.txt", "a.yml"):
        path = content / "sources" / name
        path.write_text(path.read_text().replace(PLAIN, QUOTE))
    assert rebuilt_findings(content, cache, "prose-status-overstated") == []
