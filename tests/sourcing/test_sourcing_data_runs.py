"""A data source's run (issue 13): a census or survey named at the start of a run of paragraphs of figures
sources the run; a heading, a sentence that is not figures, a named subject or a person's remark ends it."""

from __future__ import annotations

import pytest

from tests.sourcing.helpers import flagged as _flagged
from tests.sourcing.helpers import src001 as _src001

CENSUS = (
    "Population.\n"
    "As of the census of 2010, there were 12,431 people, 4,870 households, and 3,112 families residing in the "
    "town. The racial makeup of the town was 78.2% White, 9.5% Black, 1.1% Asian and 4.0% from two or more "
    "races. Hispanic or Latino residents of any race were 7.2% of the population.\n"
)

NOT_FLAGGED = [
    # the next paragraph of figures carries the census on
    (
        CENSUS + "There were 4,870 households, of which 27.3% had children under the age of 18 living with them "
        "and 12.6% had a female householder with no husband present.\n",
        "27.3%",
    ),
    # and the paragraph after that, past a number that is not a figure ("The median age was 41 years.")
    (
        CENSUS + "There were 4,870 households, of which 27.3% had children under the age of 18 living with them.\n"
        "The median age in the town was 41.2 years. Some 22.4% of residents were under the age of 18 and 16.8% "
        "were 65 or older.\n",
        "22.4%",
    ),
    # a group the census sentence already names is still the census's subject
    (
        "As of the census of 2010, there were 9,870 people in the borough. Hispanic or Latino residents of any "
        "race were 6.2% of the population. Non-Hispanic Whites were 71.4% of the population in 2010, down from "
        "88.0% in 1980.\n",
        "71.4%",
    ),
]

FLAGGED = [
    # a heading ends the run
    (CENSUS + "Schools.\nAbout 38% of adults in the town have no high school diploma.\n", "38%"),
    # a paragraph that opens with a sentence of no figures is not the census's
    (
        CENSUS + "The town is proud of its schools. About 38% of adults have no high school diploma.\n",
        "38%",
    ),
    # a named subject takes over in the next paragraph
    (CENSUS + "Governor Hale cut 1,200 state jobs in the county in 2012.\n", "1,200"),
    # a person's remark, not a document: the group named before does not carry it on
    (
        "Hispanic residents were 6.2% of the city, the mayor said. Non-Hispanic Whites were 71.4% of the "
        "population in 2010, down from 88.0% in 1980.\n",
        "71.4%",
    ),
    # a sentence with a year that is a claim of its own is not a number aside: the run ends there
    (
        "As of the census of 2010, there were 9,870 people in the borough. The worst flood came in 1980, when "
        "Governor Hale sent the Guard. Some 40% of the homes in the borough were lost.\n",
        "40%",
    ),
    # the same entity again as the subject states a new statistic, not a category of the data
    (
        "According to 2015 estimates, women in Moravia have 5.1 births each and 41% of the people are under 15. "
        "Moravia has the third highest poverty rate in the region, with 48% of families "
        "below the poverty line.\n",
        "48%",
    ),
    # a paragraph dated by another year is other data, not the census's run
    (
        CENSUS + "As of 2004, about 14.6% of the town's families lived below the poverty line.\n",
        "14.6%",
    ),
]


@pytest.mark.parametrize(("text", "needle"), NOT_FLAGGED)
def test_data_run_carries_its_source(text: str, needle: str) -> None:
    assert not _flagged(text, needle)


@pytest.mark.parametrize(("text", "needle"), FLAGGED)
def test_data_run_ends(text: str, needle: str) -> None:
    assert _flagged(text, needle)


# -- wire: "It said..." is an organisation reporting (never a person): it hands its source on like "The agency said"


def _wire(tag: str, last: str = "More than 470 workers were in the mill at the time of the fire.") -> str:
    return (
        "A fire at a textile mill in the northern city of Varna killed 12 workers, the\n"
        "regional labour inspectorate reported on Tuesday.\n"
        f"    {tag} the fire destroyed two buildings at the plant in 1987.\n"
        f"    {last}\n"
    )


def test_wire_it_said_carries_its_source() -> None:
    assert not _src001(_wire("It said"))


@pytest.mark.parametrize("tag", ["He said", "She said", "They said", "Inspector Ivan Petrov said"])
def test_wire_person_remark_does_not_carry(tag: str) -> None:
    # a person's remark: the figures after it are the writer's own background
    assert _src001(_wire(tag))


def test_wire_it_said_then_new_subject_is_judged_alone() -> None:
    assert _src001(_wire("It said", "Governor Petrov later evacuated 3,000 residents from the district."))
