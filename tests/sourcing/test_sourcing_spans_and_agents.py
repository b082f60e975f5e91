"""A share of a span of time is a duration, and a passive's agent after an adverb is its source (issue 13)."""

from __future__ import annotations

import pytest

from tests.sourcing.helpers import flagged


@pytest.mark.parametrize(
    "text, needle",
    [
        (
            "Because it recruited the best players from the other clubs, the state side won its matches for three "
            "quarters of a century.",
            "state side",
        ),
        ("With the best players of the region, the town team ruled the league for half a century.", "town team"),
    ],
)
def test_a_share_of_a_span_of_time_is_no_statistic(text, needle):
    assert not flagged(text, needle)


@pytest.mark.parametrize(
    "text, needle",
    [
        ("Three quarters of the residents left the town after the flood.", "residents"),
        ("Over half of the workers lost their jobs within a year.", "workers"),
        ("The rebels held a third of the country for a third of the year.", "rebels"),
    ],
)
def test_shares_of_people_and_places_stay_claims(text, needle):
    assert flagged(text, needle)


def test_a_passive_agent_after_an_adverb_is_the_source():
    text = (
        "The private radio stations are collectively estimated by ministry officials to reach some 7.6 million "
        "people, or about 73% of the population."
    )
    assert not flagged(text, "radio stations")


@pytest.mark.parametrize(
    "text",
    [
        # no agent: still nobody named
        "The private radio stations are widely estimated to reach some 7.6 million people, or about 73% of the "
        "population.",
        # the agent is a means, not a speaker
        "The towns are usually described by an approximate count of their 40,000 residents and 20% of the jobless.",
    ],
)
def test_no_speaker_after_the_adverb_stays_unsourced(text):
    assert flagged(text, "estimated" if "estimated" in text else "described")


def test_a_worked_example_is_hypothetical():
    text = (
        "For example, if 10% of the people alive at their 80th birthday die before their 81st birthday, then the "
        "death probability at age 80 in that group of people would be 10%."
    )
    assert not flagged(text, "For example")


@pytest.mark.parametrize(
    "text",
    [
        "For example, 40% of adults in the state are obese and 12% of the children live in poverty.",
        "If current trends continue, 40% of adults in the state will be obese by 2030.",
    ],
)
def test_an_example_of_real_figures_and_a_forecast_stay_claims(text):
    assert flagged(text, text[:10])


@pytest.mark.parametrize(
    "text",
    [
        "The league requires that the hosts must have a stadium with a capacity of at least 60,000 spectators for the "
        "final.",
        "Under the new rules, applicants are required to collect signatures from at least 5,000 registered voters.",
    ],
)
def test_a_minimum_a_rule_obliges_is_its_terms(text):
    assert not flagged(text, text[:10])


def test_people_who_must_leave_are_still_counted():
    text = "At least 5,000 families must now leave their homes, and 40% of the town is under water."
    assert flagged(text, text[:10])


@pytest.mark.parametrize(
    "text",
    [
        "After the royal commander had proved ineffective, 200 Irish troops landed at the harbour in May 1690.",
        "Shortly thereafter, over 4,000 federal troops under the command of a general arrived to restore order.",
        "In 1965 the country dispatched 45,000 troops to fight in the war.",
    ],
)
def test_men_of_a_force_on_the_move_are_the_story_of_a_campaign(text):
    assert not flagged(text, text[:10])


@pytest.mark.parametrize(
    "text",
    [
        "Some 300 soldiers were killed when the troops landed on the beach.",
        "The country has 650,000 active troops and 3,200,000 reserve troops.",
    ],
)
def test_harm_to_a_force_and_a_nations_army_stay_claims(text):
    assert flagged(text, text[:10])


def test_the_agent_after_an_adverb_is_named_without_its_verb_phrase():
    from audit.model import Document
    from audit.rules import DocContext
    from audit.sourcing import SourcingCheck

    text = (
        "The private radio stations are collectively estimated by CPRP officials to reach some 7.6 million "
        "people, or about 73% of the population."
    )
    ctx = DocContext(Document("d", text, "d"), 0)
    list(SourcingCheck().check(ctx))
    assert ctx.stats["sourcing"]["sources"] == ["CPRP officials"]
