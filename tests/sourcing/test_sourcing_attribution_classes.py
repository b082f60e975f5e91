"""Attribution as journalists write it (issue 13): one case per failure class, must and must not flag."""

from __future__ import annotations

import pytest

from audit.sourcing.lexicon import inflections, lexicon
from tests.sourcing.helpers import flagged as _flagged

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
    # "under X guidelines/rules/law": the rule text is where the figure comes from
    ("Under the revised state guidelines, about 40,000 more children qualify for free meals.", "40,000"),
    ("Under the new federal rules, 2 million salaried workers become eligible for overtime.", "2 million"),
    ("Con las nuevas normas europeas, 300.000 conductores deberán renovar el permiso.", "300.000"),
    # a plural organisation noun as speaker (EN/ES)
    ("Las asociaciones aseguran que 12.000 familias perdieron su vivienda en 2023.", "12.000"),
    ("Los sindicatos afirman que 8.000 trabajadores secundaron el paro.", "8.000"),
    ("Local charities say 3,500 families asked for food aid last winter.", "3,500"),
    # continuing the same speaker's account: an anaphoric or pronoun subject, the same subject, "also"
    ("The teachers' union says 4,200 members voted to strike. It added that 300 schools would close.", "300 schools"),
    ("Mayor Ruiz said 900 officers were on patrol. She expects 150 more by June.", "150 more"),
    ("The hospital group said it treated 12,000 patients. The group also hired 400 nurses.", "400 nurses"),
    # a trailing tag sources the report that the next sentence continues
    ("Arrests fell 18% last year, the county sheriff reported. Drug seizures rose to 1,240.", "1,240"),
    # a data source that opens the sentence (evidence subject, a poll) reports further figures that follow
    ("A state housing survey found that 31% of renters were behind on rent. Among renters over 65, 19% were.", "19%"),
    (
        "The latest polling shows 40 percent of voters back the plan. Among independents, 52 percent oppose it.",
        "52 percent",
    ),
]
UNATTRIBUTED = [
    # the subject changed: no inherited attribution
    (
        "Jobless claims fell 4%, the Labor Department said. Senator Pryor's plan would cover 61% of uninsured children.",
        "61%",
    ),
    # a speaker's claim, then the writer's own background figure with a new (common noun) subject
    (
        "The nurses' union says 2,000 members will strike on Friday. Turnover among nurses has risen 9 percent since 2020.",
        "9 percent",
    ),
    ("The bank said it had closed 300 branches. Its chairman earned $14 million last year.", "$14 million"),
    ("El sindicato asegura que 5.000 docentes irán a la huelga. La matrícula ha caído un 12% desde 2019.", "12%"),
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
