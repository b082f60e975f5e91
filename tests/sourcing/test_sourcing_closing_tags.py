"""Closing tags, documents that examine data, names' numbers and impersonal passives (issue 13, tenth session).

False classes seen on held-out web and news pages: a trailing tag after a long quotation or clause ("…, the paper
states.", "the study notes"), an evidence noun with a verb the lexicon missed ("the report explores data showing
…"), a version number and a year read as a ratio ("Python 3 in 2020"), the sentence after such a missed source
("A further 12% …"), and an agentless "it was reported that" read as no attribution at all instead of a vague one.
Cases written for these tests, in English and Spanish where the grammar applies.
"""

from __future__ import annotations

import pytest

from audit.model import Document
from audit.rules import DocContext
from audit.sourcing import SourcingCheck
from tests.sourcing.helpers import flagged, src001

QUOTED = (
    "About 40% of farmers in the valley describe themselves as “people who have worked this land for generations "
    "and who intend to keep working it whatever the market pays,” and most sell to one buyer, the study notes."
)


def _findings(text: str) -> list:
    return list(SourcingCheck().check(DocContext(Document("d", text, "d"), 0)))


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        # a closing tag whose verb is also a noun ("states", "notes", "claims"), after a long clause or quotation
        ("Some 2.1 million people rely on the forest for their food, the paper states.", "2.1 million"),
        (QUOTED, "40%"),
        ("Nearly 30% of nurses plan to leave within a year, the union's annual report states.", "30%"),
        ("Nearly 30% of nurses plan to leave within a year, the authors note.", "30%"),
        ("Nearly 30% of nurses plan to leave within a year, Dr. Ana Ruiz notes in the journal.", "30%"),
        ("Nearly 30% of nurses plan to leave within a year, it states.", "30%"),
        ("Nearly 30% of nurses plan to leave within a year, the survey claims.", "30%"),
        # a document that examines or presents data, right before its verb
        ("The report explores data showing that 38% of nurses plan to leave the profession.", "38%"),
        ("A new analysis examines why 3,400 families fell behind on rent last winter.", "3,400"),
        ("The 2022 audit tracked 5,000 households, and 12% of them lost their homes.", "12%"),
        ("Bank records indicating that 2,300 depositors lost their savings were released on Monday.", "2,300"),
        ("El informe analiza cómo el 40% de los hogares vive en la pobreza.", "40%"),
        ("El estudio explora por qué el 40% de los hogares vive en la pobreza.", "40%"),
        # the sentence after a closing tag carries on its figures
        (
            "Some 40% of teachers quit within five years, the report states. A further 12% move to another school.",
            "12%",
        ),
        ("El 40% de los docentes deja la profesión, señala el informe. Otro 12% cambia de escuela.", "12%"),
        # an impersonal passive with its agent names the source
        ("It was reported by the BBC that 3,000 people were evacuated from the town.", "3,000"),
        ("It has been reported by Reuters that 3,000 people were evacuated from the town.", "3,000"),
        # a name's number and a year are no ratio
        (
            "Had earlier versions been kinder to users porting their code, Python 3 in 2020 would be stronger "
            "than it is.",
            "3 in 2020",
        ),
        ("Sales of Windows 10 in 2016 were said to lag behind those of its rivals among office workers.", "10 in"),
    ],
)
def test_sourced_or_no_statistic(text, needle):
    assert not flagged(text, needle), text


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        # a noun phrase that ends a list or names places is no closing tag
        ("The tax hits 40% of workers in France and other member states.", "40%"),
        ("The tax hits 40% of workers, France and other member states.", "40%"),
        ("About 40% of workers lost their jobs, mainly in the Gulf states.", "40%"),
        ("Some 2,000 nurses lost their jobs, the hospital records.", "2,000"),
        # no document right before the verb: a bare plural of studies, a passive, a thing
        ("There are studies showing that 40% of teachers quit within five years.", "40%"),
        ("The books were examined, and 40% of the staff were laid off.", "40%"),
        ("A video showing 300 protesters being beaten went viral.", "300"),
        # a ratio after a year, with the noun it counts, and after a place
        ("In 2019, 1 in 2000 babies was born with the condition.", "2000"),
        ("In Texas, 1 in 5 children lives in poverty.", "1 in 5"),
    ],
)
def test_unsourced_statistic(text, needle):
    assert flagged(text, needle), text


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("It was reported that 3,000 people were evacuated from the town.", "It was reported"),
        ("In the early 1990s, it was reported that over 100,000 people watched the games.", "it was reported"),
        ("It is estimated that 45% of renters spend half their income on rent.", "It is estimated"),
        ("It has also been claimed that 20,000 voters were turned away.", "It has also been claimed"),
    ],
)
def test_impersonal_passive_is_a_vague_source(text, cue):
    """A statistic credited to nobody ("it was reported that") is reported with its vague cue, as "reportedly" is."""
    got = src001(text)
    assert len(got) == 1 and got[0].data.get("vague_cue") == cue


def test_impersonal_passive_does_not_inherit_the_source_before():
    text = "The ministry said 2,000 homes were damaged in the storm. It is estimated that 300 families lost everything."
    assert flagged(text, "300 families")


@pytest.mark.parametrize(
    "text",
    [
        "It was reported that the mayor resigned after the vote.",
        "It is also suggested that the name comes from an older word.",
        "It has been alleged that the contract was signed before the tender.",
    ],
)
def test_impersonal_passive_without_figures_is_src003(text):
    assert [f.rule for f in _findings(text)] == ["SRC003"]


@pytest.mark.parametrize(
    "text",
    [
        # what people believed then is history, not a claim the text makes
        "For many years it was thought that the river flowed north into the lake.",
        "Since women were thought to have keener nerves, it was also believed that they felt more.",
        # an agent names the source
        "It was reported by the Associated Press that the mayor resigned after the vote.",
        # a study named before "It was estimated that" is its source
        "A survey of 2,000 renters was carried out in May. It was estimated that 45% of renters spend half their "
        "income on rent.",
    ],
)
def test_no_vague_finding(text):
    assert [f.rule for f in _findings(text)] == []
