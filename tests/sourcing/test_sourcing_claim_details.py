"""Figures that are no statistic (issue 13, seventh session, srcprec7).

Classes of false SRC001 findings on held-out Wikipedia samples: a span of early years opening a sentence, a site's
identifier glued to a capital, an age ("died aged about 3", "marry before 18"), a page number left after a question
mark, a threshold that defines a class ("of 5,000 persons and above … classified as urban"), the content of a
substance in a gas, the people who attended an event, a force's men "accompanied by 50,000 of their men", a work's
takings "earned … worldwide", a foundation's grants. Every case is written for these tests; each class has must-flag neighbours.
"""

from __future__ import annotations

import pytest

from tests.sourcing.helpers import src001


@pytest.mark.parametrize(
    "text",
    [
        # a span of early years opening the sentence
        "From about 610 to 745, the house of Ardmore ruled the valley, ending with a king deposed by his cousin.",
        # an identifier glued to a capital, and an age of the earth
        "Inside cave 7B at the headland, early people were grinding ochre.",
        # ages
        "Their first child was a daughter who died aged about 4.",
        "Girls who marry before 17 are at greater risk of becoming victims of domestic violence than those who marry "
        "later.",
        # a page number after a question mark
        "The novels ask the same question again and again. Do the people of the town trust one another?:412",
        # a threshold that defines a class
        "Towns of 2,000 persons and above have been classified as urban since 1971.",
        # the content of a substance
        "Heliox, a breathing gas with an oxygen content above 21%, is mainly used in deep commercial diving.",
        # the people who attended an event
        "A sale of railway memorabilia was held in York on 4 June 2005; 1,100 people attended, and many lots sold well.",
        "In 1994 a congress on the subject was held in Lyon with 3,000 in attendance.",
        # a force's men
        "On 3 May the two kings met, accompanied by 40,000 of their men, at the ford.",
        # a work's takings, a foundation's grants
        "The picture received mixed reviews, and earned $700,000 worldwide.",
        "Every year, the Marlow Foundation awards more than $2,000,000 to rural schools.",
    ],
)
def test_details_and_named_sources_are_not_flagged(text: str) -> None:
    assert src001(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a range of years that counts people, a span that is a count
        "From 610 to 745 people were killed in the raids each year.",
        "Cases of the disease rose from 554 to 788 in the county as the epidemic spread among the poor.",
        # an age is no figure, but a share of those people is a statistic
        "Around 40% of women in the region marry before 17, and many leave school.",
        # money glued to a capital with a currency stays money
        "The programme cost the state $13B in unemployment benefits.",
        # a population's size that is not a definition
        "Towns of 2,000 persons and above grew by 40% in the decade as jobs left the farms.",
        # a share of a population, not a substance
        "An unemployment rate above 21% is mainly found in the southern provinces.",
        # a protest's crowd, and harm at an event
        "Some 12,000 people attended the protest against the new law.",
        "The stand collapsed during the final; 1,100 people attended, and 40 were injured.",
        # harm done to a force
        "The duke arrived, accompanied by 4,000 of his men, and 900 soldiers were killed in the assault.",
        # an industry's money, a poll with no name before its verb
        "The film industry earned $7 billion worldwide last year, a record for the sector.",
        "Most residents want the plant closed: 61% chose closure and 30% chose reform.",
    ],
)
def test_statistics_next_to_the_new_classes_stay_flagged(text: str) -> None:
    assert src001(text), text
