"""Classes of real-text errors fixed for precision and recall (issue 12): each with texts written for the
test that the rule must flag and must not flag. Mojibake cases are made at run time by decoding UTF-8
bytes with the wrong codec, as real pipelines do."""

from __future__ import annotations

import ftfy.bad_codecs  # noqa: F401
import pytest

from audit.artefacts import BoilerplateCheck, EncodingCheck, InjectedKeywordCheck, MissingWhitespaceCheck
from audit.model import Document
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


@pytest.mark.parametrize("codec", ["sloppy-windows-1252", "latin-1", "macroman", "sloppy-windows-1251",
                                   "sloppy-windows-1250", "cp437"])
@pytest.mark.parametrize("sentence", CLEAN_SENTENCES)
def test_mojibake_of_every_common_codec_is_found(codec, sentence):
    try:
        bad = sentence.encode("utf-8").decode(codec)
    except UnicodeDecodeError:
        pytest.skip("bytes undefined in this codec")
    assert bad != sentence
    found = run(bad, EncodingCheck)
    assert any(f.rule in ("ART040", "ART042") for f in found), bad


@pytest.mark.parametrize("text", CLEAN_SENTENCES + [
    "Vzal si plášť, protože bylo zvlášť chladno.",          # Czech: bytes happen to form UTF-8 in cp1250
    "Її дії свідчать про зміни, ні про що інше.",           # Ukrainian: the same in cp1251
    "Ελληνικά και русский, £5 at 30°C, naïve résumé № 5",
    "ÁÁÁ and ÓÓÓ are shouted, not garbled.",
])
def test_clean_non_ascii_text_is_not_mojibake(text):
    assert not [f for f in run(text, EncodingCheck) if f.rule in ("ART040", "ART042")]


def test_utf16_read_as_bytes_is_one_finding_not_one_per_nul():
    text = ("Forgiving your enemies takes time.\nThe abbot said so.\n" * 20).encode("utf-16-le").decode("latin-1")
    found = run(text, EncodingCheck)
    assert [f.rule for f in found] == ["ART040"]
    assert found[0].data["kind"] == "utf-16"


def test_nearby_control_characters_make_one_finding():
    found = [f for f in run("a\x19b and c\x14d and e\x13f, then a long clean stretch of text follows here.",
                            EncodingCheck) if f.rule == "ART042"]
    assert len(found) == 1 and found[0].data["count"] == 3


# --- ART043: wire ticker markup is not HTML; entities that lost their ampersand are ------------------

@pytest.mark.parametrize("text", [
    "Shares of Northwind Airlines <NWA> rose after the bid for Harbor Air Group <H>.",
    "It bought <Delta Tool and Die Co Inc> of Ohio for 12 mln dlrs.",
    "<Pacific Rim Holdings Ltd> said it\nagreed to sell its <PRH.T> stake.",
])
def test_wire_ticker_brackets_are_not_html(text):
    assert "ART043" not in rules(text, EncodingCheck)


@pytest.mark.parametrize("text,frag", [
    ("Read the <b>full</b> report.", "<b>"),
    ("First line<br>second line", "<br>"),
    ("A <P>paragraph</P> left over.", "<P>"),
    ('See <a href="/x">the report</a>.', '<a href="/x">'),
    ("Fans called it a quot;miracle quot; on Sunday.", "quot;"),
    ("Spain #39;s biggest bank said so.", "#39;"),
])
def test_html_residue_still_found(text, frag):
    found = [f for f in run(text, EncodingCheck) if f.rule == "ART043"]
    assert any(text[f.start:f.end] == frag for f in found), found


def test_entity_without_ampersand_is_not_a_missing_space():
    assert "ART030" not in rules("Fans called it a quot;miracle quot; on Sunday.", MissingWhitespaceCheck)
    assert "ART043" not in rules("Add salt; pepper and oil; then stir.", EncodingCheck)


# --- ART002: wrapped sentence ends and closed headings are not buttons or menus ----------------------

@pytest.mark.parametrize("text", [
    "Northwind raised its offer for Cyclops Tool to 92.50 dlrs a\nshare.\n    The group also said it would",
    "Copper ended at 1,314 stg, down 18 stg from the previous\nclose.\n REUTER",
    "The bank will let holders of warrants\nsubscribe to ordinary shares.\n    It also said",
    "Media.\nPrint.\nThe largest newspaper in the valley is the Daily Courier, founded in 1902.",
    "Marketing.\nAdvertising.\nThe brand was long noted for its absence from television.",
])
def test_wrapped_sentence_ends_and_headings_are_not_boilerplate(text):
    assert "ART002" not in rules(text, BoilerplateCheck)


@pytest.mark.parametrize("text,line", [
    ("The council met on Tuesday.\n\nShare\n\nPrint\n\nHome", "Share"),
    ("The council met on Tuesday.\nTweet\n52 comments\nThe vote was close.", "Tweet"),
    ("The council met on Tuesday.\n\nRelated Posts", "Related Posts"),
    ("it said on Tuesday.\nShare this article\nThe vote was close.", "Share this article"),
])
def test_page_furniture_lines_still_flagged(text, line):
    found = [f for f in run(text, BoilerplateCheck) if f.rule == "ART002"]
    assert any(text[f.start:f.end].startswith(line) for f in found), found


def test_recurring_section_headings_are_not_template_lines():
    from audit.artefacts.boilerplate import RecurringLineCheck
    from audit.pipeline import run_checks

    docs = []
    for i in range(12):
        text = (f"Town {i} lies on the river, {i * 3} km from the coast.\nDemographics.\n"
                f"As of the census, town {i} had {1000 + i} residents.\nRecent posts from our team\nArchive of old items")
        docs.append(Document(id=f"d{i}", text=text, source="wiki.jsonl", locator=None, metadata={"source": "w"},
                             record=None))
    state, _ = run_checks(docs, [RecurringLineCheck()])
    flagged = {docs[int(r.id[1:])].text[f.start:f.end] for r in state.results for f in r.findings}
    assert flagged == {"Recent posts from our team", "Archive of old items"}
