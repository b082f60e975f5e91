"""ART020 on layouts of real text that are not cuts (issue 12), and the cuts next to them that still are.

Each look-alike is a general layout or grammar seen on real pages, wire text and Wikipedia extraction
output, written anew here: verse and short list lines ending on a comma, a comma at a line break inside a
paragraph, alternatives listed one per paragraph ("..., or"), a function word introducing a list, a
capitalised name broken across lines, a quotation's source or a correction after a dash, a user name after
"by", a name whose possessive occurs elsewhere, a pointer line ("Learn more ..."), notes under a table of
figures. The cut that must still be found: a sentence that stops on a verb whose complement never comes
(a copula, "include", "such that", a condition's "then"): the formula or list after it was lost.
"""

from __future__ import annotations

import pytest

from audit.artefacts.truncation import TruncationCheck, cut_kind
from audit.model import Document, Severity
from audit.rules import DocContext

STRONG = {"mid-word", "function-word", "open-clause", "open-quote"}


def art020(text: str) -> list:
    ctx = DocContext(Document(id="d", text=text, source="d.txt", locator=None, metadata={}, record=None), 0)
    return [f for f in TruncationCheck().check(ctx) if f.rule == "ART020"]


@pytest.mark.parametrize(
    "text,ending",
    [
        (
            "Searching a list takes time.\n\nIf a value occurs k times in a list of n items and every order of the "
            "items is equally likely, the expected number of comparisons is\n\nFor example, a value that occurs "
            "once needs about half the list.",
            "comparisons is",
        ),
        (
            "Brief episodes are common among healthy people.\n\nThe most frequent causes of such episodes in "
            "adults include\n\nSubtypes.",
            "adults include",
        ),
        (
            "The rule is simple.\n\nIn other words, for every pair of numbers there are two whole numbers p and q "
            "such that\n\nThe same holds for polynomials.",
            "q such that",
        ),
        (
            "The lowest bid wins.\n\nIf the second bid does not exceed the first by more than one tenth of the "
            "reserve, then\n\nOtherwise the auction starts again.",
            "reserve, then",
        ),
    ],
)
def test_a_sentence_stopped_on_its_verb_is_a_cut_warning(text, ending):
    found = art020(text)
    assert len(found) == 1, found
    assert found[0].severity == Severity.WARNING
    assert found[0].data["kind"] == "open-clause"
    assert text[found[0].start : found[0].end].endswith(ending)


@pytest.mark.parametrize(
    "text",
    [
        "Nobody in the council chamber on Tuesday could say how big the shortfall in the budget really is",
        "He said the new bridge would be finished by the spring, and I think it is",
        "Residents who grew up here still love the old harbour district just as it was",
        "That, according to the longest-serving member of the board, is simply the way things are",
    ],
)
def test_a_copula_that_closes_its_clause_is_not_a_grammatical_cut(text):
    assert cut_kind(text, "en") not in STRONG


@pytest.mark.parametrize(
    "name,text",
    [
        (
            "verse lines ending on a comma",
            "So the old song goes:\n\nThe river keeps no count of days.\n\nThe stones it turns will turn again,\n\n"
            "For water cannot change its course.\n\nThat is what I wanted to say about the flood.",
        ),
        (
            "a line break after a comma inside a paragraph of a text with blank-line paragraphs",
            "The firm has a new director.\n\nMaria Lopez joins the firm as its director of public affairs. "
            "Previously,\nLopez, who is not a lawyer, worked for a lobbying group in the capital for ten years.\n\n"
            "She starts next week.",
        ),
        (
            "alternatives listed one per paragraph",
            "Critics say that one of three things happened:\n\nThe test itself was flawed from the very start, or\n\n"
            "The samples were mixed up in the laboratory by one of the technicians on duty that night, or\n\n"
            "Nobody will ever know what happened.",
        ),
        (
            "a function word that introduces a numbered list",
            "We tried several parts for the timer.\n\nIn the end we picked this chip for the timer circuit mostly "
            "because\n\n1. it runs on a wide range of voltages,\n2. it can drive a transistor directly,\n"
            "3. its input draws almost no current.",
        ),
        (
            "a capitalised name broken across lines",
            "Unions.\nThe main unions include the National Union of Dock Workers and its affiliate, The\n"
            "Democratic Union of Port Staff, and the Federation of Crane Operators.\n",
        ),
        (
            "a pointer line at the end of an article",
            "The search team found a metal fragment near the reef last spring. It is being examined.\n\n"
            "The expedition returns to the island in June with a remotely operated submarine.\n\n"
            "Learn more about the search team and its plans for the expedition in the video below",
        ),
        (
            "list lines that end on a closing bracket without a full stop",
            "What you will learn\n\nHow to read a long report without losing focus (and which habit to drop)\n\n"
            "The simple method that helps you remember what you have read for years after the course was over\n\n"
            "How to stay calm before an exam\n\nJoin the list today.",
        ),
        (
            "a short comment line and a page button after a comment ending on a comma",
            "Thanks for the giveaway! The blanket looks lovely.\n\nThe seeds inside are what keep the wrap warm in "
            "winter and cool in the summer months,\n\nReply\n\nAnother reader says: I would love to win this one.",
        ),
        (
            "a comment whose sentence goes on after a break in a short first sentence",
            "I would like to invite you to lunch or dinner some day soon. When you are in Holland or Belgium,\n\n"
            "On my costs. To talk about life and writing.\n\nThanks.",
        ),
        (
            "a page pointer or a copyright label after a finished sentence",
            "The school was founded in 1859 and is one of the largest seminaries in the world. Read more\n\n"
            "The shares rose 3 pct in early trading on Friday, dealers said.\n\nCopyright 2012 Example Media "
            "Company, Inc. All Rights Reserved\n\nThis copy is for your personal use only.",
        ),
        (
            "a section's closing sentence before the next heading",
            "Economy.\nThe port handles most of the region's trade. Fishing and tourism employ a third of the "
            "workers, while farming has declined since the drought of the last decade\nTransport.\n"
            "A ferry runs twice a day to the mainland.\n",
        ),
        (
            "a list laid out one item a line, each ending on a comma",
            "People\n\nThe town has been home to many writers. Ana Ortiz, a poet and translator, was born in the "
            "town,\n\nMarta Quiroga, a novelist and historian who wrote about the harbour, was born in the town,\n\n"
            "Lena Fisch, an essayist and critic, grew up near the old market.\n",
        ),
        (
            "a note that starts with a figure, under a table of figures higher up",
            "Acme Corp 4th qtr net\n    Shr 1.10 dlrs vs 90 cts\n    Net 11.2 mln vs 9.1 mln\n"
            "    Revs 120.5 mln vs 110.2 mln\n    Year\n    Shr 4.10 dlrs vs 3.50 dlrs\n"
            "    Net 41.0 mln vs 35.2 mln\n    Revs 480.3 mln vs 431.0 mln\n"
            "    NOTE: Net includes a gain of 2.1 mln dlrs from the sale of a unit.\n"
            "    Prior year figures were restated for a change in accounting.\n"
            "    Share figures were adjusted for a two-for-one split in May.\n"
            "    The company did not give a forecast for the current year.\n"
            "    The board declared a regular quarterly dividend of ten cts.\n"
            "    1985 results include an extraordinary tax credit of 55,000 dlrs, or one ct a share in each "
            "period, and a charge for closing two plants in the north\n",
        ),
    ],
)
def test_layouts_that_are_not_cuts(name, text):
    assert art020(text) == [], name


@pytest.mark.parametrize(
    "text,vocabulary",
    [
        ("The forum post about the new keyboard was written about three hours ago by kerc", None),
        ("The theme was designed by a small studio, with later changes by aj", None),
        ("The tablet works well alongside a desktop computer: When Mac and Windows Coexist App-ily", None),
        ("The minister skipped the meeting, fuming over the party's support to Rahmani", {"rahmani's": 2}),
        ("http://example-photography.example.com/ Angela Cardas", {"cardasphotography": 1}),
        ("Transform your bathtub into a spa with these relaxing treats — Glo", {"glossy": 1}),
    ],
)
def test_names_are_not_cut_words(text, vocabulary):
    assert cut_kind(text, "en", vocabulary) not in STRONG


@pytest.mark.parametrize(
    "text",
    [
        'We need help to preserve these finds and to plan the next dig."—Ana Ortiz, City Archive Department',
        "There is no plot to follow, just a treat for your eyes. -via Example Daily",
        "The sale leaves two divisions with sales of 83 mln dlrs. -- Corrects name of buyer",
        "Costume ideas that work with curly hair — Naturally Curly",
    ],
)
def test_a_source_or_note_after_a_dash_ends_the_text(text):
    assert cut_kind(text, "en") is None


@pytest.mark.parametrize(
    "text",
    [
        # a capitalised function word after a preposition is a cut word, even before a capitalised line
        "The vote was close.\n\nIn order to balance the plan, the council froze 140 vacant positions and delayed "
        "a new fire station in Nor\n\nThe budget takes effect July 1.\n",
        # a short fragment that begins a common word is still a cut ("pla" / "plan")
        "The council met on Tuesday.\n\nThe administration has said it will keep the pause on loan payments in pla",
    ],
)
def test_cuts_next_to_the_look_alikes_are_still_found(text):
    found = art020(text)
    assert found and found[0].severity == Severity.WARNING


def test_a_missing_period_before_a_paragraph_is_still_reported_for_review():
    text = (
        "Economy.\nThe port handles most of the region's trade. Fishing and tourism employ a third of the "
        "workers, while farming has declined since the drought of the last decade\nA ferry runs twice a day "
        "to the mainland, and a bridge is planned for the next ten years.\n"
    )
    found = art020(text)
    assert len(found) == 1 and found[0].severity == Severity.INFO


def test_terminal_columns_leave_out_every_escape_sequence():
    """A terminal's escape sequences take no column, colour codes and modes alike; wide CJK characters take two."""
    from audit.artefacts.truncation import _columns

    assert _columns("\x1b[33;1m" + "x" * 70 + "\x1b[m") == 70
    assert _columns("\x1b[?25l" + "x" * 70) == 70  # a mode: read as 6 columns of text before
    assert _columns("注意" + "x" * 4) == 8
