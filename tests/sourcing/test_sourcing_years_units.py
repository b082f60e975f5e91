"""Early years, pressures, crowds, members, offers for a company and survey results (issue 13, eighth session).

Cases written for these tests.
"""

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
        # the crowd a game plays in front of
        (
            "In 2012, the first official league games in Asia took place. In two matchups, the Hawks faced the Kings "
            "in Tokyo's Budokan Arena in front of over 14,000 fans.",
            "14,000",
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
        ("Police fired tear gas in front of 5,000 protesters outside parliament.", "5,000"),  # a protest's crowd
        ("Nearly 6,000 people in the region were left homeless by the storm.", "6,000"),
    ],
)
def test_counts_after_years_and_bar_staff_stay_flagged(text: str, needle: str) -> None:
    assert flagged(text, needle)


SURVEY = (
    "The results of a survey of the views on evolution of 4,100 teachers from 12 countries were presented at a 2009 "
    "symposium in Lisbon. Chad, Mali and Niger had 58% to 77% of creationist teachers, with no difference between "
    "biologists and others."
)


def test_the_results_of_a_survey_source_the_figures_that_follow() -> None:
    assert not flagged(SURVEY, "58%")


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        (
            "Schools in the district were surveyed in 2009. Chad, Mali and Niger had 58% to 77% of creationist teachers.",
            "58%",
        ),
        ("The results of the vote surprised many: 58% of the region backed independence.", "58%"),
    ],
)
def test_a_survey_not_named_as_the_source_leaves_figures_flagged(text: str, needle: str) -> None:
    assert flagged(text, needle)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("The teachers union, founded in 1921, represents 40,000 members in 300 locals.", "40,000"),
        (
            "The federation works in partnership with its 60 member societies in 31 countries to support 9,800 "
            "members.",
            "9,800",
        ),
    ],
)
def test_the_members_a_body_represents_or_supports_are_its_size(text: str, needle: str) -> None:
    assert not flagged(text, needle)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("The programme supports 200,000 students from poor families.", "200,000"),
        ("The union represents 40,000 members, and 12,000 of them lost their jobs last year.", "12,000"),
    ],
)
def test_people_a_programme_supports_and_harm_to_members_stay_flagged(text: str, needle: str) -> None:
    assert flagged(text, needle)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("In March 2006, Harlan made a $3 billion offer to purchase the Tribune group.", "$3"),
        ("The investor group made a $2.1 billion takeover bid for the retailer in 2004.", "$2.1"),
    ],
)
def test_an_offer_for_a_company_is_the_price_of_a_deal(text: str, needle: str) -> None:
    assert not flagged(text, needle)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("The state made a $400 million offer to teachers to end the strike.", "$400"),
        ("The city spent $3 billion to purchase homes for the homeless.", "$3"),
    ],
)
def test_public_money_offered_or_spent_stays_flagged(text: str, needle: str) -> None:
    assert flagged(text, needle)
