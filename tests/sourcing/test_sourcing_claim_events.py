"""Details of a past event, a work or a force, and sources named in the sentence (issue 13, seventh session).

The false findings of fresh Wikipedia samples fell into classes: the size of an armed force in the story of a campaign,
the money of a film or one person's contract, a charity's aim, animals counted, results of an election, a study's own
sample and its findings told in the passive, and bodies that state their figures with a verb the attribution rules did
not read ("indicated that", "polled", "gave … a score of", "spoke of"). Each class has must-flag and must-not-flag
cases, written for these tests.
"""

from __future__ import annotations

import pytest

from tests.sourcing.helpers import flagged, src001


@pytest.mark.parametrize(
    "text",
    [
        # the size of an armed force or a crew in the story of a campaign
        "The duke, with 8,000 Saxon troops, crossed the river and took the town in a single day.",
        "The second ship with 400 volunteers from the garrison was driven back by the storm.",
        "The earl kept a standing army of about 600 men known as the Red Guard.",
        # the money of a work, one person's contract
        "With a budget of $4 million, the film earned $28 million in its first month of release.",
        '"Red Harbour", which was shot for around $9,000 with money his cousin raised, won the Audience Award in 1998.',
        "In 2004 the striker joined the club for a salary of $30 million over three years.",
        # an aim stated as a verb
        "As the retail trade's chosen charity, the appeal strives to draw attention to food poverty and raise over £2 "
        "million each year.",
        # animals counted
        "Over two million sheep are residents of the uplands at one time or another.",
        # results of an election
        "In March he was re-elected easily, carrying all but two counties and receiving 71 percent of the miners' vote.",
        # a study's own sample, a rating body, a pollster, a named historian, an institute that "indicated that"
        "Using a random sample of 812 nurses, a study was conducted on night shifts in the region.",
        "In 2009, Liberty House gave the republic a score of 6.25 (not free) when it came to dealing with press freedom.",
        "Civic Voice Trust polled 2,000 adults about local bus services in the spring of 2012.",
        "The historian Anna Kovacs spoke of about 40,000 villagers killed during the famine.",
        "In 2009, the Harlow Institute indicated in 2008 that 41% of the 12 million women aged 18–44 in the region are "
        "currently using the service.",
    ],
)
def test_event_details_and_named_sources_are_not_flagged(text: str) -> None:
    assert src001(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a force that suffered harm is a casualty figure
        "The rebels attacked the town, and 300 soldiers were killed in the fighting.",
        # pay as a statistic of a group, not one person's contract
        "The county pays its teachers a salary of $31,000 on average, well below the national median.",
        # people, not animals
        "Over two million people are residents of the uplands at one time or another.",
        # a public budget is not a work's money
        "The state's budget for schools was cut by $40 million this year.",
        # a share with no study named around it
        "The town grew quickly after the war. It was found that 23.8% of families lived in poverty by 1950.",
    ],
)
def test_statistics_about_people_and_society_stay_flagged(text: str) -> None:
    assert src001(text)


def test_agentless_finding_of_a_study_named_in_the_paragraph() -> None:
    text = (
        "A study was conducted in 2009 on attitudes to road pricing in three cities. The survey also asked drivers "
        "whether they would pay more to use the centre at peak times. It was found that 31.5% of drivers approved of "
        "the charge while 44.2% of drivers opposed it.\n"
        "Traffic in the centre is heavy. It was found that 27.5% of drivers exceeded the limit in 2010."
    )
    assert not flagged(text, "31.5%")
    assert flagged(text, "27.5%")  # a new paragraph that names no study
