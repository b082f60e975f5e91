"""Attribution as journalists write it (issue 13): one case per failure class, must and must not flag."""

from __future__ import annotations

import pytest

from audit.model import Document
from audit.rules import DocContext
from audit.sourcing import SourcingCheck
from audit.sourcing.lexicon import inflections, lexicon


def _flagged(text: str, needle: str) -> bool:
    ctx = DocContext(Document("case", text, "case"), 0)
    pos = text.index(needle)
    sent = next(s for s in ctx.sentences if s.start <= pos < s.end)
    return any(f.rule == "SRC001" and f.start < sent.end and sent.start < f.end for f in SourcingCheck().check(ctx))


ATTRIBUTED = [
    # inflected and multi-word reporting verbs from lemmas
    ("The superintendent vows that 1,000 more children will get free lunches.", "1,000"),
    ("The coalition touts a 15% fall in child poverty since the credit began.", "15%"),
    ("Watchdogs have suggested that 8,000 voters were purged by mistake.", "8,000"),
    ("County planners are expecting 25,000 new residents by 2030.", "25,000"),
    ("The comptroller pegs the cost of the shelters at $350 million.", "$350 million"),
    # evidence nouns with long noun phrases before the verb
    ("A 2022 investigation by the state inspector general into nursing homes found 140 unreported deaths.", "140"),
    ("Fresh numbers released Wednesday by the county election office show turnout of 71%.", "71%"),
    # prepositional and noun-phrase sources
    ("In the statewide poll, 44% of voters opposed the tax.", "44%"),
    ("Under Ohio law, 5,000 signatures are needed to get on the ballot.", "5,000"),
    ("The estimate of 9,000 evacuees came from the fire department.", "9,000"),
    ("En la encuesta municipal, el 35% de los vecinos pidió más autobuses.", "35%"),
    # role nouns as speakers, inverted tags with a descriptor
    ("The challenger said violent crime had risen 20% under the mayor.", "20%"),
    ("About 600 workers lost their jobs, said union steward Dana Morales.", "600"),
]
UNATTRIBUTED = [
    # the subject changed: no inherited attribution
    ("Jobless claims fell 4%, the Labor Department said. Senator Pryor won 61% of the vote.", "61%"),
    # participles that are adjectives, not reporting verbs
    ("She has 800 pledged delegates and needs 1,900 to win.", "800"),
    ("The drought caused an estimated loss of 2,000 jobs on farms.", "2,000"),
    # progressive forms that are nouns or gerunds do not attribute
    ("Public reporting of abuse rose 30% among teenagers.", "30%"),
    # agentless passives stay unattributed
    ("It is estimated that 45% of renters spend half their income on rent.", "45%"),
]


@pytest.mark.parametrize("text,needle", ATTRIBUTED)
def test_attributed_statistics_are_not_flagged(text, needle):
    assert not _flagged(text, needle), text


@pytest.mark.parametrize("text,needle", UNATTRIBUTED)
def test_unattributed_statistics_are_flagged(text, needle):
    assert _flagged(text, needle), text


def test_inflections_generated_from_lemmas():
    assert inflections("slam") == ("slams", "slammed", "slamming")
    assert inflections("admit") == ("admits", "admitted", "admitting")
    assert inflections("allege") == ("alleges", "alleged", "alleging")
    assert inflections("say") == ("says", "said", "saying")
    lex = lexicon("en")
    assert {"vows", "touts", "pegs", "slams", "alleging"} <= lex.reporting_verbs
    # noun-like forms are verbs only when they introduce a report
    assert "claims" in lex.framed_only and "pegs" not in lex.framed_only
