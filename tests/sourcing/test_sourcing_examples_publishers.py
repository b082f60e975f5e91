"""A worked example over two sentences, an index named with its publisher, a survey named in capitals (issue 13,
src13b).

False classes seen on held-out Wikipedia: a sentence that goes on with the example the sentence before sets up
("For example, suppose … $50,000. If the defendant appeals, then … $200,000 instead."), an index its publisher is
named as releasing ("X has released its … Index 2013, in which …", "The … Index, published by X, …") and a survey
named with capitals ("As of the 2011 National Household Survey, …"), whose run of figures then went unsourced.
Cases written for these tests.
"""

from __future__ import annotations

import pytest

from tests.sourcing.helpers import flagged


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        # a worked example goes on in the next sentence (English and Spanish)
        (
            "For example, suppose the judge ordered the firm to pay $50,000. If the firm appeals, then the worker "
            "might file a cross-appeal asking that the firm pay $200,000 instead of $50,000.",
            "$200,000",
        ),
        (
            "Por ejemplo, supongamos que el juez condena a la empresa a pagar 50.000 euros. Si la empresa recurre, el "
            "trabajador podría pedir que pague 200.000 euros en lugar de 50.000.",
            "200.000",
        ),
        ("For example, say a family earns $50,000 a year. Then it would pay $5,000 in tax.", "$5,000"),
        ("Say a family of four earns $50,000 a year.", "$50,000"),
        ("Imagine a town of 10,000 people. In that case, 2,000 of them would be children.", "2,000"),
        # an index or a report named with its publisher
        (
            "With tourism growing, MasterCard has released its Global Destination Cities Index 2013, in which Bangkok "
            "ranks first with 15.98 million international visitors.",
            "15.98",
        ),
        (
            "Tourism grew. The Global Destination Cities Index 2013, published by MasterCard, puts Bangkok first with "
            "15.98 million international visitors.",
            "15.98",
        ),
        (
            "El INE publicó su encuesta de 2019, según la cual el 24% de los hogares no tiene coche.",
            "24%",
        ),
        # a survey named in capitals, and its run of figures
        ("As of the 2011 National Household Survey, 24.3% of residents were Catholic.", "24.3%"),
        (
            "As of the 2011 National Household Survey, the largest religious group was Roman Catholic, representing "
            "24.3% of the population. The province had the second highest share of residents with no religion, at "
            "31.6% of the population. Of the remainder, 7.5% of the population were Anglican.",
            "7.5%",
        ),
        ("In the 2015 Community Survey, 40% of households had no car.", "40%"),
    ],
)
def test_not_flagged(text: str, needle: str) -> None:
    assert not flagged(text, needle)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        # a sentence after an example that opens otherwise is a claim again
        (
            "For example, suppose the court ordered the company to pay $50,000. In 2019, 40% of adults in the state "
            "were obese.",
            "40%",
        ),
        # the example is in another paragraph
        (
            "For example, suppose the court ordered the firm to pay $50,000.\nIf trends hold, 40% of adults would be obese.",
            "40%",
        ),
        # a forecast opening with "if" and no example before it
        ("The country has grown fast. If current trends continue, 40% of adults would be obese by 2030.", "40%"),
        # no index or publisher named
        (
            "Tourism grew fast in the region. Bangkok ranked first with 15.98 million international visitors in 2013.",
            "15.98",
        ),
        # a publisher releasing something that is no document of figures
        ("The studio has released its new film, which 40% of viewers in the country watched.", "40%"),
        # a year alone names no survey
        ("As of 2011, 24.3% of residents were Catholic.", "24.3%"),
    ],
)
def test_flagged(text: str, needle: str) -> None:
    assert flagged(text, needle)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        # an index hands no run of figures on to the next paragraph
        (
            "The country is ranked 150th of 180 in the 2014 Press Freedom Index published by Reporters Without "
            "Borders.\nOver 70% of the population lives in towns.",
            "70%",
        ),
        # a census named as the baseline of a change is no source of the figures
        (
            "Some 92.3% of residents were of Chinese nationality, down by 2.9 percentage points from the 2001 Census. "
            "More than 100,000 residents also hold a Portuguese passport.",
            "100,000",
        ),
    ],
)
def test_flagged_after_index_or_baseline(text: str, needle: str) -> None:
    assert flagged(text, needle)


def test_census_paragraph_still_hands_on() -> None:
    text = (
        "As of the 2011 National Census, 24.3% of residents were Catholic.\n"
        "There were 31,380 households, of which 40% had children."
    )
    assert not flagged(text, "31,380")
