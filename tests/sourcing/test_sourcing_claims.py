"""The claim model: which figures are statistics worth a source (audit/sourcing/claims.py)."""

from __future__ import annotations

import pytest

from audit.model import Document
from audit.rules import DocContext
from audit.sourcing import SourcingCheck
from audit.sourcing.claims import assess, quantity
from audit.sourcing.figures import find_figures


def _src001(text: str) -> list:
    ctx = DocContext(Document("d", text, "d"), 0)
    return [f for f in SourcingCheck().check(ctx) if f.rule == "SRC001"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("More than 40 percent of adults skipped a meal.", "people"),
        ("The plant cut 1,200 jobs last year.", "people"),
        ("Unemployment climbed to 6.1% in March.", "society"),
        ("Public debt reached 110% of GDP.", "society"),
        ("Home prices jumped 9% in a year.", "society"),
        ("Wildfires burned 1.2 million acres this summer.", "society"),
        ("Coffee ended at 1,265 sterling a tonne.", "price"),
        ("The offer values the stock at 25 dlrs a share.", "price"),
        ("It holds 3.1 pct of the firm's outstanding shares.", "finance"),
        ("Net profit reached 854,000 dlrs.", "finance"),
        ("The mine will produce 35,000 ounces a year.", "measure"),
        ("The composite index fell 2.5 pct.", "market"),
        ("The rally drew 5,000 onlookers and 300 dogs downtown.", "other"),
    ],
)
def test_quantity(text, expected):
    fig = find_figures(text)[0]
    assert quantity(text, fig, 0, len(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Crime rose 14% in the city last year.",
        "More than 40 percent of adults skipped a meal in 2023.",
        "La deuda pública alcanzó el 107% del PIB al cierre del año.",
        "The program cost taxpayers $2.3 billion over five years.",
        "Stumpf made $19.3 million in 2015.",
        "The rally drew 5,000 people to the capitol on Sunday.",
        "The company plans to cut 1,500 jobs by the end of the year.",
    ],
)
def test_claims_are_flagged(text):
    assert _src001(text), text


@pytest.mark.parametrize(
    "text",
    [
        # Results tables of the wire (a figure compared with another on a short line).
        "Shr 81 cts vs 57 cts\nNet 3,660,273 vs 2,437,914\nRevs 28.5 mln vs 23.1 mln\n",
        "Oper net profit 3,419,000 vs profit 22.6 mln",
        # A company's own figures, prices, market and production figures.
        "The company lost 658,000 dlrs on sales of 11.6 mln dlrs in the year ended July 31.",
        "Acme Corp has 1,200 stores in three states.",
        "Robusta coffee for May ended at 1,265 sterling a tonne, the lowest since 1982.",
        "The fixed-rate tranche totals 35.2 mln dlrs.",
        "The Nikkei index fell 312.4 points to 21,500.",
        "Production of gold, at an annual rate of 35,000 ounces, is to begin in 1988.",
        "Yesterday's quake measured 6.25 on the Richter scale.",
        # Names and identifiers.
        "The airline ordered ten Boeing 747 jets for its Pacific routes.",
    ],
)
def test_routine_figures_are_not_claims(text):
    assert not _src001(text), text


def test_results_line_and_company_subject_reasons():
    text = "Net 2.1 mln vs 1.6 mln"
    assessed = assess(text, find_figures(text), 0, len(text), False)
    assert assessed and not any(a.claim for a in assessed)
    # The same figures in a pipe table row stay claims when they quantify people: the demo's 003 table.
    row = "Los Angeles | Sanctuary City | 27%"
    assert [a.claim for a in assess(row, find_figures(row, cells=True), 0, len(row), True)] == [True]


def test_finding_says_what_the_figure_quantifies():
    (f,) = _src001("More than 40 percent of adults skipped a meal in 2023.")
    assert f.data["quantifies"] == ["people"]
    assert f.data["figures"] == ["40 percent"]
