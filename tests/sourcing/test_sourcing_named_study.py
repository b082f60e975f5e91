"""A study named by the journal that published it or the body that carried it out is a source in its own sentence,
whatever its verb (issue 13: "A study published in <Journal> … had similar results")."""

from __future__ import annotations

import pytest

from tests.sourcing.helpers import flagged


@pytest.mark.parametrize(
    "text",
    [
        'A study published in "The Medical Weekly" that followed more than 45,000 men and 61,000 women in Sweden had '
        "similar results.",
        "A study published in Circulation that followed more than 45,000 men and 61,000 women in Sweden had similar "
        "results.",
        "A survey conducted by Gallup in 2004 put the share of adults without insurance at 16%.",
    ],
)
def test_a_study_named_by_its_journal_or_author_is_the_source(text):
    assert not flagged(text, text[:12])


@pytest.mark.parametrize(
    "text",
    [
        "A study that followed more than 45,000 men and 61,000 women in Sweden had similar results.",
        "The report was published in March, and 40% of the city's 20,000 residents lost their homes.",
        "A study carried out in Leeds had similar results for 4,000 children and 2,000 adults.",
    ],
)
def test_a_study_named_by_neither_stays_unsourced(text):
    assert flagged(text, text[:12])
