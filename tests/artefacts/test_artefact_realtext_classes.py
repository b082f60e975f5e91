"""Classes of real-text errors fixed for precision and recall (issue 12): each with texts written for the
test that the rule must flag and must not flag. Mojibake cases are made at run time by decoding UTF-8
bytes with the wrong codec, as real pipelines do."""

from __future__ import annotations

import ftfy.bad_codecs  # noqa: F401
import pytest

from audit.artefacts import BoilerplateCheck, EncodingCheck, InjectedKeywordCheck, MissingWhitespaceCheck
from audit.model import Document, Severity
from audit.rules import DocContext


def run(text: str, *checks):
    ctx = DocContext(Document(id="doc", text=text, source="doc.txt", locator=None, metadata={}, record=None), 0)
    out = []
    for cls in checks or (BoilerplateCheck, InjectedKeywordCheck, MissingWhitespaceCheck, EncodingCheck):
        out.extend(cls().check(ctx))
    return out


def rules(text: str, *checks) -> list[str]:
    return [f.rule for f in run(text, *checks)]


# --- mojibake: every common wrong codec, found by a round trip, not by byte patterns ------------------

CLEAN_SENTENCES = [
    "The bakery sold crème brûlée and gâteaux to visitors from Zürich and São Paulo.",
    "El niño comió piñones en la montaña; la canción sonó después.",
    "Zażółć gęślą jaźń, powiedział łódzki nauczyciel.",
    "Обзор рынка: цены на нефть выросли, сообщил аналитик.",
]


@pytest.mark.parametrize(
    "codec", ["sloppy-windows-1252", "latin-1", "macroman", "sloppy-windows-1251", "sloppy-windows-1250", "cp437"]
)
@pytest.mark.parametrize("sentence", CLEAN_SENTENCES)
def test_mojibake_of_every_common_codec_is_found(codec, sentence):
    bad = sentence.encode("utf-8").decode(codec)  # each of these codecs maps all 256 bytes
    assert bad != sentence
    found = run(bad, EncodingCheck)
    assert any(f.rule in ("ART040", "ART042") for f in found), bad


@pytest.mark.parametrize(
    "text",
    CLEAN_SENTENCES
    + [
        "Vzal si plášť, protože bylo zvlášť chladno.",  # Czech: bytes happen to form UTF-8 in cp1250
        "Її дії свідчать про зміни, ні про що інше.",  # Ukrainian: the same in cp1251
        "Ελληνικά και русский, £5 at 30°C, naïve résumé № 5",
        "ÁÁÁ and ÓÓÓ are shouted, not garbled.",
    ],
)
def test_clean_non_ascii_text_is_not_mojibake(text):
    assert not [f for f in run(text, EncodingCheck) if f.rule in ("ART040", "ART042")]


def test_utf16_read_as_bytes_is_one_finding_not_one_per_nul():
    text = ("Forgiving your enemies takes time.\nThe abbot said so.\n" * 20).encode("utf-16-le").decode("latin-1")
    found = run(text, EncodingCheck)
    assert [f.rule for f in found] == ["ART040"]
    assert found[0].data["kind"] == "utf-16"


def test_nearby_control_characters_make_one_finding():
    found = [
        f
        for f in run("a\x19b and c\x14d and e\x13f, then a long clean stretch of text follows here.", EncodingCheck)
        if f.rule == "ART042"
    ]
    assert len(found) == 1 and found[0].data["count"] == 3


# --- ART043: wire ticker markup is not HTML; entities that lost their ampersand are ------------------


@pytest.mark.parametrize(
    "text",
    [
        "Shares of Northwind Airlines <NWA> rose after the bid for Harbor Air Group <H>.",
        "It bought <Delta Tool and Die Co Inc> of Ohio for 12 mln dlrs.",
        "<Pacific Rim Holdings Ltd> said it\nagreed to sell its <PRH.T> stake.",
    ],
)
def test_wire_ticker_brackets_are_not_html(text):
    assert "ART043" not in rules(text, EncodingCheck)


@pytest.mark.parametrize(
    "text,frag",
    [
        ("Read the <b>full</b> report.", "<b>"),
        ("First line<br>second line", "<br>"),
        ("A <P>paragraph</P> left over.", "<P>"),
        ('See <a href="/x">the report</a>.', '<a href="/x">'),
        ("Fans called it a quot;miracle quot; on Sunday.", "quot;"),
        ("Spain #39;s biggest bank said so.", "#39;"),
    ],
)
def test_html_residue_still_found(text, frag):
    found = [f for f in run(text, EncodingCheck) if f.rule == "ART043"]
    assert any(text[f.start : f.end] == frag for f in found), found


def test_leftover_entities_send_to_review_not_drop():
    """An escaped entity in an extracted article ("Brook &amp; Sons") is residue to unescape, like a tag: a warning
    (review), not an error that drops a long article for one entity."""
    text = "The mill was sold to Brook &amp; Sons in 1902, and <b>its</b> looms were moved north within a year."
    found = {text[f.start : f.end]: f.severity for f in run(text, EncodingCheck) if f.rule == "ART043"}
    assert found == {"&amp;": Severity.WARNING, "<b>": Severity.WARNING, "</b>": Severity.WARNING}


def test_entity_without_ampersand_is_not_a_missing_space():
    assert "ART030" not in rules("Fans called it a quot;miracle quot; on Sunday.", MissingWhitespaceCheck)
    assert "ART043" not in rules("Add salt; pepper and oil; then stir.", EncodingCheck)


# --- ART002: wrapped sentence ends and closed headings are not buttons or menus ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Northwind raised its offer for Cyclops Tool to 92.50 dlrs a\nshare.\n    The group also said it would",
        "Copper ended at 1,314 stg, down 18 stg from the previous\nclose.\n REUTER",
        "The bank will let holders of warrants\nsubscribe to ordinary shares.\n    It also said",
        "Media.\nPrint.\nThe largest newspaper in the valley is the Daily Courier, founded in 1902.",
        "Marketing.\nAdvertising.\nThe brand was long noted for its absence from television.",
    ],
)
def test_wrapped_sentence_ends_and_headings_are_not_boilerplate(text):
    assert "ART002" not in rules(text, BoilerplateCheck)


@pytest.mark.parametrize(
    "text,line",
    [
        ("The council met on Tuesday.\n\nShare\n\nPrint\n\nHome", "Share"),
        ("The council met on Tuesday.\nTweet\n52 comments\nThe vote was close.", "Tweet"),
        ("The council met on Tuesday.\n\nRelated Posts", "Related Posts"),
        ("it said on Tuesday.\nShare this article\nThe vote was close.", "Share this article"),
    ],
)
def test_page_furniture_lines_still_flagged(text, line):
    found = [f for f in run(text, BoilerplateCheck) if f.rule == "ART002"]
    assert any(text[f.start : f.end].startswith(line) for f in found), found


def test_recurring_section_headings_are_not_template_lines():
    from audit.artefacts.recurring import RecurringLineCheck
    from audit.pipeline import run_checks

    docs = []
    for i in range(12):
        text = (
            f"Town {i} lies on the river, {i * 3} km from the coast.\nDemographics.\n"
            f"As of the census, town {i} had {1000 + i} residents.\nRecent posts from our team\nArchive of old items"
        )
        docs.append(
            Document(id=f"d{i}", text=text, source="wiki.jsonl", locator=None, metadata={"source": "w"}, record=None)
        )
    state, _ = run_checks(docs, [RecurringLineCheck()])
    flagged = {docs[int(r.id[1:])].text[f.start : f.end] for r in state.results for f in r.findings}
    assert flagged == {"Recent posts from our team", "Archive of old items"}


# --- ART010: keywords in lower-case lists; a sentence's own verbs and possessives ----------------------


@pytest.mark.parametrize(
    "text,kw",
    [
        ("The debate drew many pundits, casino and politicians to the studio.", "casino"),
        ("He thanked his wife, site and his children for their patience.", "site"),
        ("Los vecinos, casino y los comerciantes pidieron más seguridad.", "casino"),
    ],
)
def test_keyword_in_lower_case_list_is_found(text, kw):
    found = [f for f in run(text, InjectedKeywordCheck) if f.rule == "ART010"]
    assert any(text[f.start : f.end] == kw for f in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Grand Moff Tarkin orders Alderaan destroyed before the fleet arrives.",
        "The species is listed in UNESCO's online Red Book of endangered languages.",
        "If you would like to proceed with posting your comment, click Submit Comment.",
        "The purchase, sale and lease of public land were taxed at the same rate.",
        "He visited the store, the shop and the market before noon.",
        "Officials, store owners and residents met on Monday.",
        "It sells books, music and online games to younger readers.",
    ],
)
def test_normal_uses_of_keywords_are_not_injections(text):
    assert "ART010" not in rules(text, InjectedKeywordCheck)


# --- ART031: rare words, compounds and typos are not glued words; lost spaces still are ---------------


def _lang_ctx(text: str, lang: str = "en"):
    from audit.model import Span

    ctx = DocContext(Document(id="d", text=text, source="d.txt", locator=None, metadata={}, record=None), 0)
    ctx.passage_languages = [(Span(0, len(text)), lang, 0.9)]
    return ctx


def _art031(text: str, lang: str = "en"):
    return {
        text[f.start : f.end]: f.severity.value
        for f in MissingWhitespaceCheck().check(_lang_ctx(text, lang))
        if f.rule == "ART031"
    }


@pytest.mark.parametrize(
    "text",
    [
        "The old punchcard machines were kept in the basement of the library for decades, staff said.",
        "Hotel guests found a novel in the nightstands instead of the usual bibles, the manager said.",
        "Analysts expected modest upticks in registration, though the southeasternmost counties lagged behind.",
        "The bank took large writedowns on its loans and reported a smaller stockbuild than analysts expected.",
        "The council doubted the saleability of the land whereof the deed spoke, the clerk said on Monday.",
        "The refinery has a capcity of 175,000 barrels per day, the company said in a statement on Friday.",
        "Readers of theResumator and the newsletter at theStreet.com were asked to register again, it said.",
        "Donations went to SandyRelief and LittleMonsters, two charities named after the storm and the fans.",
        "Ammonia dissolves the metal in the presence of a cryptand, all bewailing the cost of the saladas course.",
    ],
)
def test_real_words_compounds_and_typos_are_not_warned(text):
    assert "warning" not in _art031(text).values(), _art031(text)


@pytest.mark.parametrize(
    "text,token",
    [
        (
            "Strong winds caused considerable blowingand drifting snow across the plains on Tuesday, officials said.",
            "blowingand",
        ),
        (
            "The agency left the estimates at the start of the marketing year unchanged forthe second time, it said.",
            "forthe",
        ),
        (
            "The governorsaid on Tuesday that the budget would pass before the summer recess, aides said.",
            "governorsaid",
        ),
        ("He said the report was published inthe spring and later withdrawn, the newspaper reported.", "inthe"),
        ("Protesters marched to stop the deportationsThe mayor said the city would not cooperate.", "deportationsThe"),
        ("The senator spoke at a rally in WashingtonThe crowd cheered when she promised a vote.", "WashingtonThe"),
    ],
)
def test_lost_spaces_still_warned(text, token):
    assert _art031(text).get(token) == "warning", _art031(text)


# --- ART030: element lists, short abbreviations and brands with a colon ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Columbite ((Fe,Mn)Nb2O6) and pyrochlore ((Na,Ca)2Nb2O6) occur together, the survey said.",
        "All optimality (max,min) statements have limits, he wrote.",
        "Tickets for AWS re:Invent sold out in a week.",
        "TL;DR: the vote passed.",
    ],
)
def test_formulas_and_short_tokens_are_not_missing_spaces(text):
    assert "ART030" not in rules(text, MissingWhitespaceCheck)


@pytest.mark.parametrize(
    "text,token",
    [
        ("The court ruled that he had done so subconsciously.Harrison appealed the ruling.", "subconsciously.Harrison"),
        ("The coins were made from silver, gold,bronze and copper.", "gold,bronze"),
        ("Cleomedes states:The band of the Zodiac is wide.", "states:The"),
    ],
)
def test_missing_spaces_still_found(text, token):
    found = [f for f in run(text, MissingWhitespaceCheck) if f.rule == "ART030"]
    assert any(text[f.start : f.end] == token for f in found), found


def test_no_break_space_before_a_degree_sign_is_not_mojibake():
    text = "It withstands 1510\u00a0°C (2750\u00a0°F) and melts at 986\u00a0°C, below curium."
    assert not [f for f in run(text, EncodingCheck) if f.rule == "ART040"]


def test_style_declarations_and_suffix_like_endings():
    assert "ART030" not in rules('<div style="margin:0.5em auto; font-size:95%;clear:both;">', MissingWhitespaceCheck)
    got = _art031("The silver holloware was made at the shop, and the adjective teutonicus came later, he said.")
    assert "warning" not in got.values(), got


def test_attribute_values_in_escaped_markup_are_not_prose():
    text = 'Loans rose. &lt;FONT face="verdana,MS Sans Serif,arial,helvetica" size="-2"&gt;'
    assert "ART030" not in rules(text, MissingWhitespaceCheck)


def test_quality_figures_and_fragments():
    """Figures are not words (ART062/ART063); ART065 counts fragments once layouts are set aside."""
    from audit.artefacts.quality import figure_tokens, line_kinds
    from audit.layout import layout

    assert figure_tokens("Net 1,389,000 vs (27,900) up 12% to $5.5, in 1985/86. #146; -- x") == 5
    text = (
        "Headline Of The Story\nBy A Reporter\n"
        "The first paragraph of the story runs on for a while and ends here.\n"
        "Home\nNews\nSport\nWeather\nContact us\n"
        "Another paragraph of ordinary prose, long enough to be read as one.\n"
        "In music:\nIn film:"
    )
    kinds = "".join(line_kinds(text, layout(text).rows))
    # the heading block above a paragraph is set aside; a run of five menu lines and orphan labels are fragments
    assert kinds == "SSPFFFFFPFF", kinds
