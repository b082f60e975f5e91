"""Layout recognition (audit/layout.py): wrapped wire text, tables of figures, one line per paragraph;
and the truncation check reading logical paragraphs. All texts are written for these tests."""

from __future__ import annotations

from audit.artefacts import TruncationCheck
from audit.layout import is_table_row, layout
from audit.model import Document, Severity
from audit.rules import DocContext

# A wire story: the dateline was stripped from the first line, lines wrapped near 62 columns,
# paragraphs open with an indented line, no blank lines.
WIRE = (
    "Northfield Grain Cooperative said its\n"
    "members delivered 1.2 mln tonnes of wheat in the season ended\n"
    "June 30, up from 950,000 tonnes a year earlier, as growers in\n"
    "the southern districts harvested their largest crop in a decade.\n"
    "    The cooperative said export sales to Asian buyers would\n"
    "continue to grow, although freight costs rose sharply in the\n"
    "second half of the year.\n"
    "    It expects deliveries to fall slightly next season because\n"
    "of the dry winter, a spokesman said.\n"
)

TABLE = (
    "Shr 1.10 dlrs vs 95 cts\n"
    "    Net 21.8 mln vs 19.2 mln\n"
    "    Revs 252.9 mln vs 240.1 mln\n"
    "    Nine mths\n"
    "    Shr loss two cts vs profit one ct\n"
    "    Net loss 104,000 vs profit 90,000\n"
    "    NOTE: Prior year results restated to include the company's\n"
    "retail unit, which was acquired in June.\n"
)


def truncation(text: str):
    ctx = DocContext(Document(id="d", text=text, source="d.txt", locator=None, metadata={}, record=None), 0)
    return [f for f in TruncationCheck().check(ctx) if f.rule == "ART020"]


def paragraph_texts(text: str) -> list[str]:
    return [text[p.span.start : p.span.end] for p in layout(text).paragraphs]


def test_wire_layout_is_recognised_and_unwrapped():
    lay = layout(WIRE)
    assert lay.wrapped and lay.indented and 55 <= lay.width <= 70
    paras = paragraph_texts(WIRE)
    assert len(paras) == 3
    assert paras[0].startswith("Northfield") and paras[0].endswith("in a decade.")
    assert all(p.kind == "prose" for p in lay.paragraphs)


def test_wrapped_wire_text_is_not_reported_as_cut():
    assert truncation(WIRE) == []


def test_a_cut_paragraph_inside_wrapped_text_is_still_reported():
    cut = WIRE.replace(
        "continue to grow, although freight costs rose sharply in the\nsecond half of the year.",
        "continue to grow, although freight costs rose sharply in the\nsecond half of the ye",
    )
    found = truncation(cut)
    assert len(found) == 1 and found[0].severity == Severity.WARNING
    assert cut[found[0].end - 2 : found[0].end] == "ye"


def test_table_of_figures_is_a_table_not_prose():
    lay = layout(TABLE)
    kinds = [p.kind for p in lay.paragraphs]
    assert kinds[:3] == ["table", "table", "table"] and kinds.count("table") == 5
    assert paragraph_texts(TABLE)[-1].endswith("acquired in June.")
    assert truncation(TABLE) == []


def test_table_rows():
    assert is_table_row("Shr 1.10 vs 95 cts")
    assert is_table_row("Shr loss two cts vs profit one ct")  # figures written as words
    assert is_table_row("Los Angeles | Sanctuary | 27% |")
    assert is_table_row("Region      2023      2024")
    assert not is_table_row("the team's game vs the Lakers on Sunday night and")
    assert not is_table_row("of 60 kilos making a cumulative total for the season of 5.93", width=64)


def test_aligned_columns_need_short_cells():
    """Two gaps of double spaces make a row of aligned columns only when the cells between them are short: a
    news feed joins wrapped lines with double spaces, and a story written on one line can hold two stray ones."""
    assert is_table_row("NORTH HAVEN       nil          12,400")
    assert is_table_row("Port authority revenue   2023   1.4 mln   2024   1.6 mln")
    feed = (
        "LISBON (Wire) - Harbour workers voted on Monday to end a strike that  had halted container traffic for "
        "nine days, after the port operator  agreed to raise night-shift pay and to hire forty more crane drivers."
    )
    assert not is_table_row(feed)
    story = "Residents of the valley were told to leave their homes on Sunday night  " * 3
    assert not is_table_row(story.strip())
    assert [p.kind for p in layout(feed + "\n").paragraphs] == ["prose"]


def test_short_story_without_indentation_runs_on_across_lines():
    text = (
        "Acme Stores Corp said sales for the\n"
        "four weeks ended March 1 rose 12 pct to 40 mln dlrs\n"
        "from 35 mln dlrs a year before."
    )
    assert len(paragraph_texts(text)) == 1
    assert truncation(text) == []
    text2 = (
        "There were five grain ships loading and\nthree ships waiting to load at Riverton, according to the\n"
        "Riverton Port Authority."
    )
    assert len(paragraph_texts(text2)) == 1 and truncation(text2) == []


def test_one_line_per_paragraph_text_keeps_its_lines():
    text = (
        "The city council approved the budget on Tuesday after a long debate about police funding and "
        "the cost of new housing programmes for families in the northern districts.\n"
        "Council members said the plan would be reviewed in the spring.\n"
        "Budget 2025\n"
    )
    lay = layout(text)
    assert not lay.wrapped and len(lay.paragraphs) == 3


def test_figure_with_its_unit_ends_a_headline_line():
    assert truncation("Westbank says it buys 12.5 mln Ridgeway shares, taking its holding to 29.5 pct") == []


def test_reporting_verb_closes_a_sentence_missing_its_period():
    text = (
        "The companies plan to build a new plant near the river.\n\n"
        "Production should begin next spring and reach full capacity within two years, the two groups said\n\n"
        "Shares of both firms rose on the news."
    )
    assert truncation(text) == []


def test_whole_word_ending_is_info_and_a_cut_word_is_a_warning():
    base = (
        "The council met on Tuesday to discuss the plan.\n\n"
        "Officials said the new rules for the harbour district would apply to every new building {}\n\n"
        "The vote is due next month."
    )
    whole = truncation(base.format("permit"))
    assert whole and whole[0].severity == Severity.INFO and whole[0].data["kind"] == "mid-sentence"
    cut = truncation(base.format("permit and to every extens"))
    assert cut and cut[0].severity == Severity.WARNING


def test_cut_inside_a_capitalised_word():
    text = (
        "The agency approved the permit after a long review. Critics said the decision ignored the "
        "advice of its own scientists and the guidance of the Environmental Protec"
    )
    found = truncation(text)
    assert found and found[0].data["kind"] == "mid-word"
    whole = text.replace("Environmental Protec", "Environmental Protection Agency.")
    assert truncation(whole) == []


def _findings(text: str, check_cls, cfg=None):
    ctx = DocContext(Document(id="d", text=text, source="d.txt", locator=None, metadata={}, record=None), 0)
    check = check_cls(cfg) if cfg is not None else check_cls()
    return list(check.check(ctx)), ctx


def test_wrapped_date_is_not_an_orphan_list_marker():
    from audit.artefacts import StructureCheck

    text = WIRE.replace("a spokesman said.\n", "a spokesman said. The offer expires on March\n15.\n")
    found, _ = _findings(text, StructureCheck)
    assert not [f for f in found if f.rule == "ART051"]
    found, _ = _findings("Items to bring:\n\n1.\n\nA tent and a sleeping bag for the night.", StructureCheck)
    assert [f for f in found if f.rule == "ART051"]


def test_repeated_table_rows_and_wrapped_lines_are_not_repeated_headlines():
    from audit.artefacts import StructureCheck

    table = (
        "Shr 1.10 dlrs vs 95 cts\n    Avg shrs 12.1 mln vs 11.9 mln\n    Year\n"
        "    Shr 4.10 dlrs vs 3.95 dlrs\n    Avg shrs 12.1 mln vs 11.9 mln\n"
    )
    found, _ = _findings(table, StructureCheck)
    assert not [f for f in found if f.rule == "ART052"]
    page = "Council Approves New Harbour Budget\n\nThe council met on Tuesday.\n\nCouncil Approves New Harbour Budget"
    found, _ = _findings(page, StructureCheck)
    assert [f for f in found if f.rule == "ART052"]


def test_abbreviation_before_full_stop_is_not_a_dangling_double_period():
    text = "The group operates in Western Canada and the U.S..\n    It was founded in 1971."
    assert not [
        f
        for f in TruncationCheck().check(
            DocContext(Document(id="d", text=text, source="d.txt", locator=None, metadata={}, record=None), 0)
        )
        if f.rule == "ART021"
    ]
    text2 = "The movement grew quickly and gave rise to civil rights.."
    assert [
        f
        for f in TruncationCheck().check(
            DocContext(Document(id="d", text=text2, source="d.txt", locator=None, metadata={}, record=None), 0)
        )
        if f.rule == "ART021"
    ]


def test_quality_reads_logical_lines_and_short_is_not_a_finding():
    from audit.artefacts import QualityCheck
    from audit.artefacts.quality import QualityConfig

    found, ctx = _findings(WIRE + TABLE.replace("Shr", "    Shr", 1), QualityCheck)
    rules = {f.rule for f in found}
    assert "ART065" not in rules and "ART060" not in rules and "ART063" not in rules
    q = ctx.stats["quality"]
    assert q["layout"]["wrapped"] and q["layout"]["table_paragraphs"] >= 4 and q["unpunctuated_line_share"] <= 0.25
    found, _ = _findings("Breaking: council votes. More soon.", QualityCheck, QualityConfig(report_short=True))
    assert "ART060" in {f.rule for f in found}
    found, _ = _findings("Home\nNews\nSports\nContact us", QualityCheck)
    assert "ART065" in {f.rule for f in found}


def test_quoted_verse_is_not_cut_text():
    text = (
        "The poem was found among her papers after her death.\n\n"
        "The garden gate was open wide,\nThe swallows gone before the rain,\nAnd all the summer's little pride,\n"
        "Lay scattered in the lane,\n\nCritics praised its restraint."
    )
    assert {p.kind for p in layout(text).paragraphs[1:5]} == {"verse"}
    assert truncation(text) == []
    # a line of prose among prose is not verse, and a cut there is still reported
    prose = (
        "The council met on Tuesday.\n\nOfficials said the new rules for the harbour district would apply to "
        "every new building and to every extens\n\nThe vote is due next month."
    )
    assert "verse" not in {p.kind for p in layout(prose).paragraphs} and truncation(prose)


def test_a_measure_ends_a_data_line():
    assert truncation("Highest point: the summit of the northern ridge above the old town, 1,317 m") == []
    assert truncation("The company said it would sell 40 mln dlrs of notes maturing in 1995 to") != []


def test_web_page_endings_that_are_not_cuts():
    assert truncation("A Faster Mail App for Phones\nby Jane Doe on Wednesday, December 7, 2011 at 11:30am") == []
    assert truncation("Voice search shoot-out: the new assistant against the old one, hands-on") == []
    quote = (
        "The book is about method rather than tools. As the author says in the introduction,\n\n"
        "This is a book about process, not buttons."
    )
    assert truncation(quote) == []
    listing = (
        "The council published its plan on Monday. Here is the section on the harbour district,\n\n"
        "- Build a new sea wall\n- Move the ferry terminal\n- Plant trees along the quay"
    )
    assert truncation(listing) == []
    # a comma ending without a quotation or a list after it is still a cut
    assert truncation("The council met on Tuesday. Officials said the new rules would apply to every building,")


def test_separators_and_list_items_are_not_structure_residue():
    from audit.artefacts import StructureCheck

    photos = "Old pillars in the harbour.\n-\nFlower stalls at the Sunday market.\n-\nThe view from the roof."
    found, _ = _findings(photos, StructureCheck)
    assert not [f for f in found if f.rule == "ART051"]
    chores = (
        "Please do one of these chores:\n-take the dog for a walk around the park\n-fold the laundry\n\n"
        "Later that week:\n-take the dog for a walk around the park\n-clean the kitchen"
    )
    found, _ = _findings(chores, StructureCheck)
    assert not [f for f in found if f.rule == "ART052"]


def test_double_period_is_info_and_not_reported_after_abbreviations_or_as_a_style():
    def art021(text):
        return [
            f
            for f in TruncationCheck().check(
                DocContext(Document(id="d", text=text, source="d.txt", locator=None, metadata={}, record=None), 0)
            )
            if f.rule == "ART021"
        ]

    assert art021("The deal was signed by Acme Holdings Inc..\nShares rose.") == []
    style = "I love this.. so calm.. so peaceful.. thank you for sharing.."
    assert art021(style) == []
    found = art021("The movement grew quickly and gave rise to civil rights..")
    assert found and found[0].severity == Severity.INFO


def test_contractions_emoticons_and_sign_offs_are_not_cut_words():
    assert truncation("Why users are happy to be more patient than the people who run Microsoft's") == []
    assert truncation("Amazing trip and great photos, just four countries left to visit now :O") == []
    assert truncation("Congratulations on the new flat, you really know how to find a bargain! xx") == []
    assert truncation("The council met on Tuesday. Officials said the new rules would apply to every new buil")


# -- lines_are_paragraphs: the cheap proof that every line is its own paragraph ---------------------

# One paragraph per line, lines that run on are short headings or menu items at the left margin.
ONE_PER_LINE = (
    "Harbour Works\n"
    "The council approved the new pier on Tuesday after a long debate.\n"
    "Work starts in May and should end before the winter storms.\n"
    "Home\n"
    "Contact\n"
    "\n"
    "Residents asked for a footpath along the old sea wall.\n"
)


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    return [(p.span.start, p.span.end) for p in layout.__wrapped__(text).paragraphs]


def test_lines_are_paragraphs_on_one_line_per_paragraph_text():
    from audit.layout import line_bounds, lines_are_paragraphs

    bounds = line_bounds(ONE_PER_LINE)
    assert lines_are_paragraphs(ONE_PER_LINE, bounds)
    assert _paragraph_spans(ONE_PER_LINE) == bounds


def test_lines_are_paragraphs_refuses_what_the_layout_joins_or_cannot_prove():
    from audit.layout import line_bounds, lines_are_paragraphs

    joined = "The council approved the new pier on\nTuesday after a long debate.\n"  # a continuation
    assert len(_paragraph_spans(joined)) == 1
    for text in (
        WIRE,
        TABLE,
        joined,
        "A long heading with no full stop\nThe next line starts a paragraph.\n",  # run-on, 15+ characters
        "  Home\nThe next line starts a paragraph.\n",  # an indented run-on line
        "The minister said he would wait…\nAnd the line after the ellipsis.\n",  # '…' is no close for a block
    ):
        assert not lines_are_paragraphs(text, line_bounds(text)), text


def test_lines_are_paragraphs_is_never_wrong_on_random_layouts():
    """Random documents of short and long, closed and run-on, indented and flush lines with single and
    blank-line breaks: wherever the cheap pass says one paragraph per line, the layout agrees; and
    the text layer's passages equal the layout's either way."""
    import random

    from audit.layout import line_bounds, lines_are_paragraphs
    from audit.text import TextLayer

    rng = random.Random(7)
    words = "pier council harbour the of and wall storm May 12 Tuesday road".split()
    ends = [".", "!", "?", ":", ";", '"', "”", "’", ")", "|", "…", "»", ",", "", "", ""]
    proved = 0
    for _ in range(3000):
        lines = []
        for _ in range(rng.randint(0, 9)):
            n = rng.choice([1, 1, 2, 3, 6, 9, 14])
            body = " ".join(rng.choice(words) for _ in range(n))
            if rng.random() < 0.5:
                body = body.capitalize()
            line = (" " * rng.choice([0, 0, 0, 2, 4])) + body + rng.choice(ends)
            lines.append(line + ("\n\n" if rng.random() < 0.3 else "\n"))
        text = "".join(lines)
        bounds = line_bounds(text)
        spans = _paragraph_spans(text)
        if lines_are_paragraphs(text, bounds):
            proved += 1
            assert spans == bounds, text
        assert [(s.start, s.end) for s in TextLayer(text).passages] == spans, text
    assert proved > 300  # the pass does fire on this mix (and is checked there)


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(text[p.span.start : p.span.end], p.kind) for p in layout(text).paragraphs]


def test_results_rows_ending_in_a_full_stop_or_without_vs_are_a_table():
    stopped = (
        "Shr 41.2p vs 33p.\n"
        "    Interim div 5p vs 4p.\n"
        "    Pretax profit 88.4 mln stg vs 71.9 mln.\n"
        "    Turnover 610.3 mln vs 588.0 mln.\n"
        "    Tax 20.1 mln vs 19.6 mln.\n"
        "    Note - The company said its packaging arm was sold in\n"
        "April and its results are shown as discontinued.\n"
    )
    kinds = [k for _, k in _kinds(stopped)]
    assert kinds == ["table"] * 5 + ["prose"]
    no_vs = (
        "Shr loss 3.2 cts (no comparison)\n"
        "Dividend nil (no comparison)\n"
        "Net loss 8.75 mln dlrs.\n"
        "Revs 1.2 billion\n"
        "The company was listed in May.\n"
    )
    assert [k for _, k in _kinds(no_vs)] == ["table"] * 4 + ["prose"]
    # a block of "vs" rows of similar length is a table, not one hard-wrapped paragraph
    block = (
        "Group operating profit 310.2 mln crowns vs 288.4 mln\n"
        "    Sales 4.12 billion crowns vs 3.96 billion crowns\n"
        "    New orders 4.40 billion crowns vs 4.05 billion\n"
        "    Order backlog at year end 2.91 billion vs 2.70 billion\n"
    )
    assert [k for _, k in _kinds(block)] == ["table"] * 4


def test_short_sentences_with_figures_are_not_rows_on_their_own():
    # one short sentence with a figure next to prose, or a label above a table, stays what it is
    for text in (
        "The museum opened in 1998.\nIt holds paintings from five centuries and a large library.\n",
        "He scored 12 goals.\nHis coach praised the way he trained in the winter.\n",
    ):
        assert all(k == "prose" for _, k in _kinds(text)), text
    table = "Shr 1.10 dlrs vs 95 cts\nNet 21.8 mln vs 19.2 mln\nNine mths\nShr 2.10 dlrs vs 1.95 dlrs\n"
    assert dict(_kinds(table))["Nine mths"] == "prose"
    # the end of a sentence broken over lines is no row, however short
    broken = "The board said it would buy back 2 mln of\nits shares, worth 3 mln dlrs.\nNet 4.5 mln vs 3.9 mln\n"
    assert _kinds(broken)[0][1] == "prose"
    # a headline over its date, or one line of a rating widget among its buttons, is no table of results
    titled = "Harbour 2 - What's On! [VIDEO]\nMarch 3, 2021\nThe festival returns to the quay this spring with music.\n"
    assert _kinds(titled)[0][1] == "prose"
    widget = "Rated 3 stars out of 5 so far\nRate 1 star\nRate 2 stars\nRate 3 stars\nJazz on the pier\n"
    assert _kinds(widget)[0][1] == "prose"
    # a lone "vs" line closed by a full stop in prose is no table
    assert _kinds("Final score was 3 vs 1.\nThe crowd went home happy after a long night.\n")[0][1] == "prose"


def test_teasers_with_their_dates_are_no_table_of_results():
    # a list of teasers, each under its date line: whole numbers after labels, no measured figure, no "vs" row
    teasers = (
        "The festival programme for the summer has been announced by the city council today.\n"
        "Published on 8 July\nAct 36 of the yellow vests\nPublished on 8 July\nRound 12 of the cup\nPublished on 7 July\n"
        "The market reopens on the quay after two years of works on the old harbour wall.\n"
    )
    assert all(k != "table" for _, k in _kinds(teasers)), _kinds(teasers)
    # the same shape with a measured figure is a table of results
    results = "Shr loss 3.2 cts (no comparison)\nDividend nil (no comparison)\nNet loss 8.75 mln dlrs.\n"
    assert [k for _, k in _kinds(results)] == ["table", "table", "table"], _kinds(results)


def test_dash_bullets_without_a_space_are_list_items():
    text = "Things to bring:\n-sleeping bag\n-a warm hat\n-water for two days\nSee you there.\n"
    assert [k for _, k in _kinds(text)] == ["prose", "list", "list", "list", "prose"]


def test_a_hyphen_led_negative_number_or_prose_dash_is_no_list_item():
    for text in (
        "Temperatures overnight:\n-12 in the hills\n-5 in the valleys\n",  # negative numbers
        "He paused and said\n-- and then nothing more.\n-- Nothing at all, she answered.\n",  # prose dashes
        "The vote was close.\n-Not everyone agreed, he added.\nThe council will meet again.\n",  # one stray hyphen
        "A long line of wrapped prose that ends in a hyphenated well\n-known name and goes on.\n",
    ):
        assert all(k != "list" for _, k in _kinds(text)), text


def test_a_line_repeated_over_and_over_is_not_verse():
    repeated = "Storm delays holiday travel\n" * 6
    assert all(k == "prose" for _, k in _kinds(repeated))
    # a quoted song keeps its refrain: a line repeated within varied lines is still verse
    song = "Row along the river\nRow along the river\nWhere the willows bend\nAnd the long road ends\n"
    assert all(k == "verse" for _, k in _kinds(song))
