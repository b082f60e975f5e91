"""Early years in a pair and pressures are no statistics (issue 13, eighth session). Cases written for these tests."""

from __future__ import annotations

import pytest

from tests.sourcing.helpers import flagged


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        # the second of two early years after "in"
        ("To secure the throne, the emperor executed a number of people in 58 and 59 including his cousins.", "59"),
        # a pressure
        (
            "The limit is called the maximum operating depth and is reached when the partial pressure of oxygen in "
            "the breathing gas reaches 1.5 bar.",
            "1.5",
        ),
        (
            "The maximum operating depth for recreational divers is reached when the breathing gas pressure reaches "
            "1,400 kPa.",
            "1,400",
        ),
    ],
)
def test_early_year_pairs_and_pressures_are_not_flagged(text: str, needle: str) -> None:
    assert not flagged(text, needle)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("The fever killed 300 people in 1850 and 450 people in 1851.", "450"),
        ("Floods in 2011 killed 300 including 40 children.", "300"),
        ("The chain employs 400 bar staff across the state.", "400"),
        ("Nearly 6,000 people in the region were left homeless by the storm.", "6,000"),
    ],
)
def test_counts_after_years_and_bar_staff_stay_flagged(text: str, needle: str) -> None:
    assert flagged(text, needle)
