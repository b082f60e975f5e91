"""Results of a named, dated election, a body's tally and a bequest (issue 13, eighth session).

Fresh Wikipedia samples still flagged the outcome of elections and referendums told in the past tense (a party's
share of a dated election's vote, the members elected, a referendum's result and turnout, a plenum's tally) and a
bequest. The outcome of a named, dated election is public record; news of a coming or current vote names no year,
and its turnout ("Turnout was 61 percent, up from 48 percent in the last midterm") stays a claim, as do a count of
people who voted, a breakdown of the electorate and a forecast. Cases written for these tests.
"""

from __future__ import annotations

import pytest

from tests.sourcing.helpers import flagged

REFERENDUM = (
    "In a national referendum in October 1996, 54.1 percent of participants voted in favour of joining the union. "
    "Voter turnout was high, 81.7 percent of the eligible voters voted."
)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        (
            "On 9 May 2010, at the 2010 Tasmanian state election, the Greens were reduced to 2.3 per cent of the "
            "Legislative Council (upper house) vote.",
            "2.3",
        ),
        (
            "In the Moldovan parliamentary election, 2014, 87 of the 101 members elected to the chamber belonged to "
            "no party.",
            "87",
        ),
        (REFERENDUM, "54.1"),
        (REFERENDUM, "81.7"),  # turnout of the referendum named, with its date, in the sentence before
        (
            "Turnout at the regional assembly elections has fallen at each election since 1983. Turnout in 2015 "
            "stood at 39.6% of all registered voters.",
            "39.6",
        ),
        ("In May 1979 Varga was named the party's leader. The Central Committee's vote was 141 to 6.", "141"),
        (
            "In 1984, at age 36, Marsh became the youngest senator the state had elected, defeating Paul Reed by "
            "taking 57% of the votes to Reed's 43%.",
            "43%",
        ),
        ("Las elecciones de 2011 dieron al partido el 31,2 por ciento de los votos.", "31,2"),
        # a bequest is its testator's
        (
            "A few months after his arrest, his father's aunt, Mary Hale, died and bequeathed him £300. On the "
            "strength of this legacy, he was let out of the debtors' jail.",
            "£300",
        ),
        (
            "The college opened in 1902 with money from private donors, including a bequest of £15,000 from Alfred "
            "Pike to the trust.",
            "15,000",
        ),
    ],
)
def test_outcomes_of_dated_elections_tallies_and_bequests_are_not_flagged(text: str, needle: str) -> None:
    assert not flagged(text, needle)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        # news of a vote: no year names the election
        ("Turnout was 61 percent, up from 48 percent in the last midterm.", "61"),
        ("Turnout among young voters fell to 31 percent in the last election.", "31"),
        ("Voter turnout was high: 83.3 percent of the eligible voters voted.", "83.3"),
        ("Its members voted 92% in favour of a strike on Friday.", "92%"),
        # a dated election, but a count of people who voted, a breakdown of voters, a forecast
        ("In the 2020 election, 158 million Americans cast ballots.", "158"),
        ("In the 2016 election, 40% of voters were women.", "40%"),
        ("In the 2024 election, turnout will top 70 percent, officials hope.", "70"),
        ("In 2016, 40% of voters were women, and turnout among women rose in the 2016 election.", "40%"),
        (
            "Several unions struck that winter. Only 41% of union members voted for Labour in the 1987 general election.",
            "41%",
        ),
        # public money stays a claim
        ("The parish spent £20,000 on poor relief in 1840, up from £12,000 a decade earlier.", "20,000"),
    ],
)
def test_news_turnout_voter_counts_and_public_money_stay_flagged(text: str, needle: str) -> None:
    assert flagged(text, needle)
