"""ART020 on lines that repeat the text after them (a headline or teaser made from its story's opening and cut
inside a word), on cuts after figures and inside addresses, and the language a short passage is judged in
when the language check has not run. The pipeline-level cases are in tests/cases/ART020.json."""

from __future__ import annotations

import pytest

from audit.artefacts import TruncationCheck
from audit.artefacts.common import guess_language, language_of_counts
from audit.artefacts.truncation import _CUT_ADDRESS, _Prefixes, copy_cut, cut_kind
from audit.model import Document
from audit.rules import DocContext

STORY = (
    "Economists at the regional university warned that the losses from the drought would reach the valley's "
    "smaller farms first. Growers met on Thursday to discuss the plan."
)


def _ctx(text: str) -> DocContext:
    return DocContext(Document(id="d", text=text, source="d.txt", locator=None, metadata={}, record=None), 0)


def _copy(line: str, story: str = STORY, lang: str = "en") -> str | None:
    text = f"{line}\n\n{story}"
    ctx = _ctx(text)
    return copy_cut(ctx.layer, 0, len(line), lang, _Prefixes(ctx.word_counts))


@pytest.mark.parametrize(
    "line,completed",
    [
        ("Economists At The Regional University Warned That The Lo", "losses"),  # a fragment that is a word
        ("Economists At The Regional University Warned That The Losses From The Dro", "drought"),
        ("Economists at the regional university warned that the lo", "losses"),  # a sentence-case teaser
        ("Regional University Warned That The Los", "losses"),  # the last words before it suffice
    ],
)
def test_a_line_that_repeats_its_story_and_stops_inside_a_word(line, completed):
    assert _copy(line) == completed


@pytest.mark.parametrize(
    "line,story",
    [
        # a complete headline whose last word its story lengthens: the words before it differ
        ("Drought Hits The Valley's Smaller Farm", STORY),
        # too few words to repeat: a short line shares that much with any story
        ("Warned That The Lo", STORY),
        # one of the words before the fragment differs from the story's
        ("Economists At The State University Warned That The Lo", STORY),
        # the story repeats the whole line
        (
            "Storm Knocks Out Power Across The Valley",
            "Storm knocks out power across the valley and the valleys east of it.",
        ),
        # the story repeats the line with its last word inflected: a plural, not a cut
        (
            "Volunteers Repair The Roofs Of Old Village Church",
            "Volunteers repair the roofs of old village churches across the county this summer.",
        ),
        # the completed word is the last word and another frequent word glued on a page
        ("Nine Bad Excuses For Racist Costumes", "Nine bad excuses for racist costumesmore stories are below."),
    ],
)
def test_lines_that_are_not_cut_copies(line, story):
    assert _copy(line, story) is None


LIBRARY_STORY = (
    "Hundreds of residents marched to city hall on Saturday to oppose the plan, which would shut the branch "
    "library by the river next spring. The council votes on the budget in June."
)


def test_a_headline_written_apart_from_its_story_ending_on_a_fragment_of_one_of_its_words():
    # no repetition, but "libr" is no word of the lists and begins the story's "library"
    assert _copy("Residents Rally Against Plan To Close Riverside Libr", LIBRARY_STORY) == "library"


@pytest.mark.parametrize(
    "line,story",
    [
        # the rare last word stands alone in the story too
        (
            "Scientists Count The Seals And Other Pinniped",
            "The survey counted seals, sea lions and every other pinniped on the coast; pinnipeds are thriving.",
        ),
        # the last word is a word of the lists ("tech" begins "technology" all the same)
        ("Small Startup Raises Funds For Its Mobile Video Tech", "The startup builds video technology for TV."),
        # the story's word that it begins is no word of the lists: a page's glued menu items
        ("Chefs Share Their Favourite Summer Salad Dressin", "Sauces and salad dressinsalsas are below."),
    ],
)
def test_headlines_written_apart_that_are_not_cut(line, story):
    assert _copy(line, story) is None


def test_apostrophes_and_figures_do_not_break_the_repetition():
    story = "The council of Nebraska's capital voted 7-2 on Tuesday to raise l'indemnité of its members."
    assert _copy("The Council Of Nebraska Capital Voted On Tuesday To Raise Indem", story, "fr") == "indemnité"


@pytest.mark.parametrize(
    "token,cut",
    [
        ("tips@e", True),
        ("presse@bmw", True),
        ("www.mivi", True),
        ("(www.des", True),
        ("https://www", True),
        ("tips@example.com", False),
        ("www.example.org", False),
        ("@examplecity", False),  # a handle
        ("day.Jenny@Webshop", False),  # a signature: a domain is written in lower case
        ("U.S", False),
    ],
)
def test_addresses_cut_before_their_domain(token, cut):
    assert bool(_CUT_ADDRESS.match(token)) is cut


@pytest.mark.parametrize(
    "text,kind",
    [
        ("The police answered 91,000 calls in the quarter, compared with 84,200 a ye", "mid-word"),
        ("To balance the budget, the council agreed on Tuesday to freeze 140 vac", "mid-word"),
        ("The index of consumer prices rose in the year to March by 2.5 pct", None),
        ("Each of the new glass bottles sold at the fair holds 12 oz", None),
        ("The fastest runners finished the whole course in under 45 min", None),
        ("Net profit for the year rose sharply to 40 mln dlrs", None),
    ],
)
def test_a_cut_after_a_figure_is_not_a_unit(text, kind):
    assert cut_kind(text, "en") == kind


def test_a_short_passage_takes_the_document_language_without_the_language_check():
    text = (
        "Die Inflationsrate in Deutschland ist im Januar auf 2,9 Prozent gesunken, teilte das Statistische "
        "Bundesamt am Mittwoch mit. Im Dezember hatte die Rate noch bei 3,7 Prozent gelegen.\n\n"
        "Verbraucherschützer forderten die Bundesregierung"
    )
    assert guess_language("Verbraucherschützer forderten die Bundesregierung")[0] == "und"
    found = [f for f in TruncationCheck().check(_ctx(text)) if f.rule == "ART020"]
    assert [text[f.start : f.end] for f in found] == ["Verbraucherschützer forderten die Bundesregierung"]


@pytest.mark.parametrize(
    "text",
    [
        "Die Inflationsrate ist im Januar gesunken, teilte das Amt mit.",
        "El pleno aprobó el plan de la ciudad por mayoría.",
        "The council met on Tuesday and approved the budget.",
        "Bonjour",
    ],
)
def test_the_document_language_from_its_word_counts_is_the_guess_from_its_text(text):
    assert language_of_counts(_ctx(text).word_counts) == guess_language(text)
