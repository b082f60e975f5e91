"""A data source's statistics carry over to the next sentence only while its subject is the same: a capitalised
word that opens the next sentence is a new subject only when the document writes it as a name (issue 13)."""

from __future__ import annotations

from tests.sourcing.helpers import flagged

LEAD = (
    "Fixed lines are few and mobile broadband is cheap in the towns. Broadband Internet access is growing, with "
    "over 622,000 accounts and 3,851,000 users as of December 2010, according to the national telecom institute. "
)


def test_the_same_statistics_go_on_under_a_sentence_initial_common_word():
    text = LEAD + "Broadband DSL represents about 56% of the total subscribers."
    assert not flagged(text, "Broadband DSL")


def test_a_new_named_subject_is_not_the_sources_account():
    text = LEAD + "Claro Dominicana holds about 56% of the total subscribers."
    assert flagged(text, "Claro Dominicana")


def test_a_name_whose_first_word_is_also_a_common_word_is_a_new_subject():
    # "new" is written in lower case, but the text writes "New World" inside a sentence: a name.
    text = (
        "The new tariffs were set by New World in May.\n" + LEAD + "New World holds about 56% of the total subscribers."
    )
    assert flagged(text, "New World holds")
