"""A figure's `unit:` that writes a currency as a word or a sign (`figure-unit-currency`):
read as the currency it names, with the code to write, the scale to move into the value
and what the amount is for; a unit that is a code, or no currency, is left alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_helpers import CLAIMS_YML, minimal_corpus, write_tree

from briefing.currencies import Money
from briefing.diagnostics import Severity
from briefing.figureunits import unit_currency
from briefing.pipeline import build

# (unit, code read: "$" a dollar with no country, "" the yen or the yuan, scale, rest)
READ = [
    ("dollars", "$", 0, ""), ("US dollars", "USD", 0, ""), ("$", "$", 0, ""),
    ("US$", "USD", 0, ""), ("CA$", "CAD", 0, ""), ("\u20ac", "EUR", 0, ""),
    ("\u00a3", "GBP", 0, ""), ("\u00a5", "", 0, ""), ("euros", "EUR", 0, ""),
    ("yuan", "CNY", 0, ""), ("RMB", "CNY", 0, ""), ("Swiss francs", "CHF", 0, ""),
    ("British pounds", "GBP", 0, ""), ("pounds sterling", "GBP", 0, ""),
    ("usd", "USD", 0, ""), ("Eur", "EUR", 0, ""),
    ("million euros", "EUR", 6, ""), ("USD million", "USD", 6, ""), ("$M", "$", 6, ""),
    ("US$bn", "USD", 9, ""), ("M$", "$", 6, ""), ("Md\u20ac", "EUR", 9, ""),
    ("EUR/MWh", "EUR", 0, "/MWh"), ("dollars per share", "$", 0, "per share"),
    ("euros a year", "EUR", 0, "a year"),
]
NOT_READ = ["USD", "EUR", "CNY", "GPUs", "percent", "people", "MW", "Nvidia H800 GPUs",
            "m", "k", "kg", "cup", "top", "dollar stores", "euro bonds",
            "pounds per square inch"]


@pytest.mark.parametrize(("unit", "code", "scale", "rest"), READ, ids=[r[0] for r in READ])
def test_a_currency_written_as_a_unit_is_read(unit: str, code: str, scale: int, rest: str
                                              ) -> None:
    found = unit_currency(unit, Money("en"))
    assert found is not None and (found.code, found.scale, found.rest) == (code, scale, rest)
    assert not found.weight


@pytest.mark.parametrize("unit", NOT_READ)
def test_a_code_or_another_unit_is_left_alone(unit: str) -> None:
    assert unit_currency(unit, Money("en")) is None


def test_pounds_are_money_or_a_weight() -> None:
    found = unit_currency("pounds", Money("en"))
    assert found is not None and found.code == "GBP" and found.weight
    assert "or a weight" in found.message()
    assert found.hint() == ("write the currency's code: `unit: GBP`; a weight in pounds is "
                            "`unit: lb`")


@pytest.mark.parametrize(("unit", "hint"), [
    ("dollars", "write the currency's code: `unit: USD` (for another dollar its own, `CAD`, "
                "`AUD`, `HKD`, …)"),
    ("\u00a5", "write the currency's code: `unit: JPY` for the yen, `unit: CNY` for the yuan"),
    ("billion yuan", "write the currency's code: `unit: CNY`, and the value in full (5 "
                     "billion is `value: 5000000000`)"),
    ("EUR per share", "write the currency's code: `unit: EUR`, and what the amount is for in "
                      "`scope:` ('per share')"),
])
def test_the_hint_gives_the_yaml_to_write(unit: str, hint: str) -> None:
    found = unit_currency(unit, Money("en"))
    assert found is not None and found.hint() == hint


def test_the_warning_is_at_the_unit(tmp_path: Path) -> None:
    content = write_tree(tmp_path / "content", {
        **minimal_corpus(), "claims.yml": CLAIMS_YML.replace("unit: USD", "unit: euros")})
    found = [d for d in build(content).diagnostics if d.code == "figure-unit-currency"]
    assert [(d.pos.line, d.pos.col, d.severity) for d in found] == [(11, 15, Severity.WARNING)]
    assert "'euros' names a currency" in found[0].message
