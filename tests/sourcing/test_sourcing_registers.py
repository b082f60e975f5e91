"""Figures whose source is the text itself or the public record (issue 13, precision on real text): the
writer's own first-person account, election results, the size of an organisation or place, and a wire
paragraph that reports for the figures of the next. Each cause has must-flag and must-not-flag cases."""

from __future__ import annotations

import pytest

from audit.sourcing.claims import writer_voice
from tests.sourcing.helpers import src001 as _src001


# -- the writer's own account (blogs, how-tos, product pages): the writer is the source
@pytest.mark.parametrize(
    "text",
    [
        "Last spring I taught more than 1,000 students in my online course.",
        "Of the 500 people we interviewed for the job, maybe 40 were ready on day one.",
        "If you earn less than $250,000 a year, your taxes will not rise under the plan.",
        "My grandmother raised six children on $400 a month in the 1960s.",
        "En mi barrio, unas 3.000 familias compran en el mercado cada domingo.",
        # the writer speaks outside the quote: the quote does not hide it
        'We counted 2,000 people at the gate before the band played "Blue Moon" twice.',
    ],
)
def test_first_person_figures_are_the_writers_own(text):
    assert not _src001(text), text


@pytest.mark.parametrize(
    "text",
    [
        # third person: a report of facts
        "More than 1,000 students left the online course within a week.",
        "Nearly 40% of households in the county spend half their income on rent.",
        # roman numerals and the country are not the writer
        "After World War I about 600,000 refugees settled in the region.",
        "The US deported 270,000 people last year.",
        # first person only inside a quote: the quote's speaker, not the writer, and here nobody is named
        'About 14,000 families lost their homes, and "we will not forget them" was painted on the wall.',
    ],
)
def test_third_person_figures_still_need_a_source(text):
    assert _src001(text), text


def test_writer_voice():
    assert writer_voice("Out of 500 people I meet, 40 buy.", 0, 33)
    assert writer_voice("I'm sure half of them left.", 0, 27)
    assert not writer_voice("Phase I was tested on 300 patients.", 0, 35)
    assert not writer_voice("Henry I ruled over 400,000 subjects.", 0, 36)
    assert not writer_voice("US troops numbered 9,500.", 0, 25)


# -- election results are a public record
@pytest.mark.parametrize(
    "text",
    [
        "Rosa Lind, the Green candidate, won with 18,240 votes, or 51 percent, ahead of the mayor.",
        "The Liberals came third with 3,900 votes in the by-election.",
        "He was reelected with 64 per cent of the vote last November.",
        "La candidata obtuvo el 48% de los votos en la segunda vuelta.",
        "He garnered 45% of the vote in the first round and 80% in the second.",
        "Marsh won the party ballot by 61 votes to 39.",
        "The motion fell after a 640 to 310 vote of the assembly.",
        "The party fared poorly, gaining only 1.8 per cent of the Legislative Council vote.",
    ],
)
def test_election_results_are_not_claims(text):
    assert not _src001(text), text


@pytest.mark.parametrize(
    "text",
    [
        # a forecast or a poll of the vote is not a result
        "Nearly 45% of voters plan to back the measure in November.",
        "Turnout among young voters fell to 31 percent in the city.",
        # a result, then an unrelated statistic joined by "and"
        "Ortiz won 53% of the vote, and 2,000 people were later evicted from the camp.",
    ],
)
def test_vote_figures_that_are_not_results_stay_claims(text):
    assert _src001(text), text


# -- the size of an organisation or a place describes it
@pytest.mark.parametrize(
    "text",
    [
        "Carver Mills, with 1,700 workers, has given no forecast for the year.",
        "The clinic network employs about 2,300 people in four states.",
        "Founded in 1990, the club has about 1,800,000 members.",
        "He runs a logistics group with a staff of 5,000.",
        "Borland, with 190 mln people, is the region's largest country.",
        "Velmar, the capital, was home to 1,836,808 residents in 2009.",
        "The most important news for Ohio's 11.7 million residents this week came from the statehouse.",
    ],
)
def test_the_size_of_an_organisation_is_not_a_claim(text):
    assert not _src001(text), text


@pytest.mark.parametrize(
    "text",
    [
        # harm or a change to those people is news that needs a source
        "The Toledo plant has 1,850 hourly workers on indefinite layoff.",
        "The mill, with 1,200 workers, cut 400 jobs in March.",
        # the size of a whole sector is an economic statistic
        "The fishing sector employs 240,000 workers nationwide.",
        # "numbered" states a size at a time, an estimate worth a source
        "The militia numbered roughly 3,000 fighters in 2009.",
        # a possessive before a count of people who were harmed
        "The storm left the island's 80,000 residents homeless.",
    ],
)
def test_harm_change_and_sector_sizes_stay_claims(text):
    assert _src001(text), text


# -- wire: a paragraph that reports hands its source on to the next paragraph's figures
def test_wire_reporting_paragraph_carries_its_source():
    wire = (
        "A fire at a textile mill in the northern city of Varna killed 12 workers, the\n"
        "official Morning Herald reported.\n"
        "    The newspaper said the fire destroyed two buildings at the plant.\n"
        "    More than 470 workers were in the mill at the time of the fire.\n"
    )
    assert not _src001(wire)
    # A new named subject takes over: its figures are the writer's, judged alone.
    changed = (
        "A fire at a textile mill in the northern city of Varna killed 12 workers, the\n"
        "official Morning Herald reported.\n"
        "    The newspaper said the fire destroyed two buildings at the plant.\n"
        "    Governor Petrov later evacuated 3,000 residents from the district.\n"
    )
    assert _src001(changed)
    # Prose paragraphs separated by blank lines are not the wire layout.
    prose = (
        "A fire at a textile mill killed 12 workers, the Morning Herald reported.\n\n"
        "The newspaper said the fire destroyed two buildings.\n\n"
        "More than 470 workers were in the mill at the time of the fire.\n"
    )
    assert _src001(prose)


def test_a_poll_that_gives_figures_attributes_them():
    assert not _src001("The poll gives the ruling party 41 percent of voters against 32 percent for the opposition.")
    assert _src001("The ruling party has 41 percent of voters against 32 percent for the opposition.")


# -- a figure in a conditional clause is a hypothesis
@pytest.mark.parametrize(
    "text",
    [
        "A snap election is only possible if the 210 opposition members resign their seats.",
        "Unless 40% of members turn out, the vote is void.",
        "Si 300 familias abandonan el barrio, la escuela cerrará.",
    ],
)
def test_conditional_figures_are_not_claims(text):
    assert not _src001(text), text


def test_a_fact_after_the_conditional_clause_is_still_a_claim():
    assert _src001("If the rains fail again, farmers say, 30,000 families will need food aid.") == []  # sourced
    # the conditional clause ends at the comma: the main clause forecasts a fact, unsourced
    assert _src001("If the rains fail again, 30,000 families will need food aid.")
    assert _src001("Last year 30,000 families needed food aid, and if the rains fail the number will double.")


# -- agency copy (wire layout) that names a source: its economic figures are its sources'
def test_wire_story_economic_figures_are_its_sources():
    wire = (
        "The farm ministry said it would cut support prices\nfor grain by up to five pct next season.\n"
        "    Farm policies now absorb two-thirds of a budget\nof about 36 billion dlrs a year.\n"
        "    At least 40 people were injured when farmers\nclashed with police outside the ministry.\n"
        "    The ministry did not say when the cuts would\ntake effect.\n"
    )
    flagged = _src001(wire)
    # the budget share is the ministry's reporting; the injured are people harmed, a claim of its own
    assert [wire[f.start : f.end].split()[0] for f in flagged] == ["At"]
    # the same paragraphs as prose (blank lines between) are not agency copy: the budget share is a claim
    prose = wire.replace("\n    ", "\n\n").replace("\n", " ").replace("  ", "\n\n")
    assert len(_src001(prose)) == 2


# -- quantities the claim model misread: business transactions, size compounds, units, poll methodology
@pytest.mark.parametrize(
    "text",
    [
        "Quillo is backed by $8.5 million in Series A funding from two venture firms.",
        "Brightwave, a maker of home batteries, has raised another $27 million in funding.",
        "The team flew its rocket in pursuit of the $10 million Orbital X Prize.",
        "There is also a 120-member advisory council, appointed by the governor.",
        "Carved from a single oak, the canoe was 22 ft long and weighed 180 lb.",
        "The cloud lies about 26,000 light-years from Earth.",
        "A three-holed flute, 21.4 cm long, was found beside the hearth of the settlement's oldest houses.",
        "In rare cases the 380 and 410 MHz bands are assigned to public safety networks.",
        "A treaty signed in 1752 made the clans the protectors of the throne.",
        "With five legions at his disposal, the general commanded a strength of nearly 30,000 soldiers.",
        "She shot 41.2 percent from the field and did a good job of drawing fouls.",
        "Tonight, Ana Ruiz led home the women's 1500m final, but it was a tactical race.",
        "Older phones will not be receiving the 12.1 update, a push to get more users to upgrade.",
        # an estimate whose author is named is not vague
        "According to estimates by the Ministry of Health, 4,000 people died in the outbreak.",
        "The survey, conducted by Lake Research for the union, surveyed 1,500 registered voters in May.",
        "Across the border, as a retiree living beside 300 million or so Americans, I do care about the result.",
    ],
)
def test_business_size_and_method_figures_are_not_claims(text):
    assert not _src001(text), text


@pytest.mark.parametrize(
    "text",
    [
        # government money and social spending stay claims
        "The city spent $4.5 million on overtime for police last year.",
        "Funding for shelters fell by 30 percent in two years.",
        "The state cut $40 million in funding for rural schools.",
        "The merger brought 5,000 job cuts at the plant.",
        # an estimate whose author stays unnamed is vague
        "According to estimates by some experts, 4,000 people died in the outbreak.",
        "Roughly 1,200 people ran the 10km race, double the usual field.",
        # an industrial employer's lay-offs are a change to people
        "The largest industrial employer in the state cut 10,000 jobs in 2019.",
    ],
)
def test_public_money_and_job_cuts_stay_claims(text):
    assert _src001(text), text


def test_an_industrial_employers_head_count_is_its_size():
    assert not _src001("In Arizona the company, an industrial employer, has over 10,000 employees.")


def test_wire_company_speaking_of_itself():
    wire = (
        "Norbridge Steel Corp said it will close its Ashford mill\nby the end of the year.\n"
        "    The company wants to shed some 2,000 jobs and cut\nproduction by ten pct.\n"
        "    About 300 protesters gathered outside the mill gates\non Tuesday.\n"
        "    The mill opened in 1951.\n"
    )
    flagged = [wire[f.start : f.end].split()[0] for f in _src001(wire)]
    # the company's own plan is its report; the crowd has no source
    assert flagged == ["About"]
