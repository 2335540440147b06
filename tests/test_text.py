from __future__ import annotations

import pytest

from briefing.text import closest_passage, decode_source, normalise, normalise_text


def test_bom_crlf_and_lone_cr_are_normalised() -> None:
    text, problems = decode_source(b"\xef\xbb\xbfone\r\ntwo\rthree\n", "a.txt")
    assert text == "one\ntwo\nthree\n" and not problems


def test_invalid_utf8_names_line_column_and_byte() -> None:
    text, problems = decode_source(b"first line\nsecond caf" + b"\xe9 x\n", "a.txt")
    assert text is None
    (problem,) = problems
    assert str(problem.pos) == "a.txt:2:11"
    assert "0xe9" in problem.message and problem.code == "text-not-utf8"


def test_control_characters_are_errors_and_bidi_controls_warnings() -> None:
    text, problems = decode_source(b"ok\nbad\x00here\n", "a.txt")
    assert text is None and [str(p.pos) for p in problems] == ["a.txt:2:4"]
    text, problems = decode_source("a \u202eb\n".encode(), "a.txt")
    assert text is not None and problems[0].code == "text-bidi-control"


def test_normalisation_folds_quotes_dashes_spaces_and_invisibles() -> None:
    raw = ("\u201cSputnik\u00a0 moment\u201d \u2014 soft\u00adhyphen\u200b and "
           "\ufb01ne caf\u0065\u0301")
    assert normalise_text(raw) == '"Sputnik moment" - softhyphen and fine caf\u00e9'


def test_normalised_offsets_map_back_to_the_original() -> None:
    raw = "A  \u201cquoted\u201d\u00a0word"
    norm = normalise(raw)
    start = norm.text.index('"quoted"')
    begin, end = norm.span_in_original(start, start + len('"quoted"'))
    assert raw[begin:end] == "\u201cquoted\u201d"


def test_closest_passage_suggests_the_near_miss() -> None:
    best = closest_passage("trained its model for $6 million",
                           ["unrelated words here", "claims to have trained its model for a "
                            "mere $6 million using 2,000 GPUs"])
    assert best is not None
    assert "trained its model for a mere $6 million" in best[0]


@pytest.mark.parametrize("quote", ["the change would cost $40,000 a year",
                                   "the change would cost ... $40,000 a year",
                                   "change would cost the town $40,000 a"])
def test_the_closest_passage_is_not_cut_to_the_quotes_length(quote: str) -> None:
    """A quote that leaves words out is shown the passage whole: cut to the quote's own
    length, "a year", which the article does say, was shown as missing from it."""
    article = ("Mayor Dana Okafor said the change would cost the town $40,000 a year, paid "
               "from the reserves.")
    best = closest_passage(quote, ["Nothing alike in this paragraph at all.", article])
    assert best is not None and "the town $40,000 a" in best[0], best
    assert best[0].endswith(("a year,", "a year")) or quote.endswith(" a"), best


def test_compatibility_dashes_fold_like_the_dashes_they_stand_for() -> None:
    """U+FE32 and U+FE58 become an en and an em dash only under NFKC; folding runs again
    after it, so they match a quote written with either dash or a hyphen."""
    for dash in ("\ufe32", "\ufe58", "\ufe63", "\uff0d", "\u2013", "-"):
        assert normalise_text(f"rose 5{dash}10 percent") == "rose 5-10 percent", repr(dash)
    norm = normalise("up 5\ufe3210")
    start = norm.text.index("5-10")
    assert norm.span_in_original(start, start + 4) == (3, 7)


def test_every_invisible_character_is_deleted() -> None:
    """Not only the zero-width space: any format character, variation selector, grapheme
    joiner or filler; two passages that read the same must compare equal."""
    for char in ("\u200b", "\u2061", "\u2062", "\u180e", "\u034f", "\ufe0f", "\u200e",
                 "\u3164", "\U000e0041", "\ufeff", "\u00ad"):
        assert normalise_text(f"says{char} its") == "says its", repr(char)


def test_format_characters_that_print_a_sign_are_kept() -> None:
    assert normalise_text("\u0600 1") == "\u0600 1"
