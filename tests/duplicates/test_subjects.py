"""The subject slot (audit.duplicates.subjects): a template filled twice is not a copy."""

from __future__ import annotations

from audit.duplicates import align as al
from audit.duplicates import subjects as sj

TAIL = (
    " is being awarded a 61.2 mln dlr contract for diesel fuel, the Navy said. It said work on the contract, "
    "which was awarded as part of a multi-year supply program, is expected to be completed by June 1989."
)


def change(a: str, b: str) -> sj.SubjectChange | None:
    wa, wb = al.words(a), al.words(b)
    runs = al.align(wa.tokens, wb.tokens, 6).runs
    return sj.subject_change(a, wa, sj.vocabulary(a, wa), b, wb, sj.vocabulary(b, wb), runs)


def test_lead_slot_with_other_names_is_a_template() -> None:
    got = change("Harbor Fuel Co of Mobile, Alabama," + TAIL, "The Cascade Petroleum Corp" + TAIL)
    assert got is not None and got.lead
    assert (got.text_a, got.text_b) == ("Harbor Fuel Co of Mobile", "Cascade Petroleum Corp")


def test_same_subject_with_other_figures_is_no_template() -> None:
    a = "Harbor Fuel Co said it" + TAIL
    assert change(a, a.replace("61.2", "64.8")) is None


def test_one_name_edited_inside_a_copy_is_no_template() -> None:
    a = "Harbor Fuel Co said the chief executive, Maria Keller, told reporters that" + TAIL
    assert change(a, a.replace("Maria", "Mario")) is None


def test_sentence_adverbs_days_and_units_name_no_subject() -> None:
    tail = " traders estimate that about 80 pct of all new issues become part of an interest rate swap."
    assert change("Indeed," + tail, "Privately," + tail) is None
    fed = " Fed funds averaged 6.21 pct, opened at 6-1/8 pct and remained at that level in early trading."
    assert change("On Monday the" + fed, "On Friday the" + fed) is None
    assert change("Posted 7:36 AM PT. The" + fed, "Posted 1:15 PM PT. The" + fed) is None


def test_a_name_the_other_document_mentions_is_not_new() -> None:
    a = "Harbor Fuel Co" + TAIL + " A similar contract went to Cascade Petroleum Corp."
    b = "Cascade Petroleum Corp" + TAIL + " A similar contract went to Harbor Fuel Co."
    assert change(a, b) is None


def test_a_republished_copy_with_another_byline_and_footer_is_no_template() -> None:
    story = (
        "The city council voted on Tuesday night to approve a budget for the coming year, ending a long dispute "
        "over how much money should go to public transit and road repairs.\n\nCouncil members who supported the "
        "plan said it struck a careful balance between rising costs and the demands of residents."
    )
    head = "\n\nCity council approves new budget after months of debate\n\n"
    a = "Morning Courier\nHome | World | Politics | Sports" + head + "By Ana Lopez, Morning Courier\n\n"
    b = "Evening Herald\nWorld | Home | Tech | Sports" + head + "By Mei Chen, Evening Herald\n\n"
    rights = ". All rights reserved. This material may not be published, broadcast or rewritten."
    foot_a, foot_b = "\n\nCopyright 2024 Morning Courier" + rights, "\n\nCopyright 2024 Evening Herald" + rights
    assert change(a + story + foot_a, b + story + foot_b) is None
