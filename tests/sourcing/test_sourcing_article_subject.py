"""An encyclopaedic article about an organisation: a sentence that opens with the organisation gives its own figures,
as a company's story does (issue 13, "the document" input of the claim model)."""

from __future__ import annotations

from tests.sourcing.helpers import flagged

CHARITY = (
    "The Harbour Light Mission is a charity based in Leeds that supports the families of fishermen lost at sea. It was "
    "founded in 1962 by a group of harbour masters.\n"
    "The Mission spent 60% of its income on housing in 2015.\n"
    "The Mission's welfare spending reached £2.4 million in 2016.\n"
    "Homelessness among fishing families in the county rose 12% in 2015.\n"
)

COUNTRY = (
    "Norland is a sovereign state on the northern coast of the continent. It was founded in 1962.\n"
    "Norland spent 2.4% of its budget on housing grants in 2015.\n"
)


def test_the_organisations_own_spending_is_not_a_claim():
    assert not flagged(CHARITY, "The Mission spent")
    assert not flagged(CHARITY, "The Mission's welfare")


def test_other_statistics_in_the_article_stay_claims():
    assert flagged(CHARITY, "Homelessness among")


def test_a_place_article_keeps_its_statistics():
    assert flagged(COUNTRY, "Norland spent")


def test_harm_to_the_organisations_people_stays_a_claim():
    text = CHARITY + "The Mission cut 400 jobs in 2017.\n"
    assert flagged(text, "The Mission cut")
