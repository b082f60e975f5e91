"""Gated first words (:func:`audit.sourcing.cues.headed_keys`): the cue index tries "in", "by", "at"... for the
prepositional and framing sources only where a head noun of the pattern follows before a character that breaks the
stretch; it must still find exactly what ``pattern.finditer`` finds, on plain and on masked texts. The parenthesised
sources of a span are read off the whole text's matches (:func:`audit.sourcing.attribution._parens_in`): the same as
``finditer`` over the span."""

from __future__ import annotations

import random

import pytest

from audit.sourcing.attribution import _FRAMING_SOURCE, _FRAMING_SOURCE_KEYS, _parens_in
from audit.sourcing.cues import CueIndex, Keys
from audit.sourcing.sources import _PAREN_SOURCE, _PREP_SOURCE, _PREP_SOURCE_KEYS
from tests.sourcing.helpers import index_agrees_on_masked

PATTERNS = [(_PREP_SOURCE, _PREP_SOURCE_KEYS), (_FRAMING_SOURCE, _FRAMING_SOURCE_KEYS)]

WRITTEN = [
    "In the 50-state poll, 9% agreed. In the poll center, nobody. By the department's own count, 12 died.",
    "Under Missouri law fees doubled; under the new terms, fewer. At the 2010 census, 34.5% were under 18.",
    "As of 2001 India census, Ajaigarh had 13,979 people. In 1999 Census data, nothing. By its estimate, 40.",
    "Según la encuesta del CIS, el paro bajó. Según el 2011 censo, 5. Para el ministro, todo va bien.",
    "In the U.S. Census Bureau's latest figures, 7. In the, data. In the (data) poll. In Gallup's reckoning, 3.",
    "Based on the survey, 5%. Con base en los datos, 4. At the time, data were scarce. Per the agency's figures, 2.",
    "In the “new” study, 4. In “the big data” report, 5. by the AT&T data, 6. In the Data, 7.",
    "in the\nreport\tof 2003 (in the letter of intent) in the under-the-radar poll, in the big-data-set",
    "Odd: in the ſurvey, ın the data, İn the study. Decomposed: in the análisis, en la encuesta.",
]

_WORDS = (
    "in In by By at At per Per from as of under Under según Según based on con base en Para para the The its their "
    "his her a an el la los las su department's Gallup's agency’s own latest new U.S. AT&T big-data 2010 1999 2023 "
    "poll survey study report data Data census count counts tally estimate figures records numbers law terms deal "
    "letter intent datos encuesta censo cifras padrón center breach entry card"
).split()
_SEPS = [" ", " ", " ", "  ", "\n", "\t", ", ", ". ", "-", "'", "’", "(", ")", "“", "”", '"', ";", ":", "&", "_"]


def _random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(5, 80)):
            parts.append(rng.choice(_WORDS))
            parts.append(rng.choice(_SEPS) if rng.random() < 0.35 else " ")
        out.append("".join(parts))
    return out


def test_the_gated_keys_gate_some_words():
    for _pattern, keys in PATTERNS:
        assert isinstance(keys, Keys) and keys.gated and keys.heads and keys.stretch is not None
        assert keys.gated <= keys.first


@pytest.mark.parametrize("text", WRITTEN + _random_texts(300, seed=5))
def test_gated_index_finds_what_finditer_finds(text):
    index = CueIndex(text)
    for pattern, keys in PATTERNS:
        want = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in index.matches(pattern, keys, 0, len(text))] == want, pattern.pattern[:60]


@pytest.mark.parametrize("text", WRITTEN + _random_texts(150, seed=9))
def test_gated_index_on_masked_text(text):
    index_agrees_on_masked(text, PATTERNS)


def test_gated_index_finds_matches():
    """The generated texts do hold matches of both patterns (the test above compares something)."""
    found = {id(p): 0 for p, _k in PATTERNS}
    for text in WRITTEN + _random_texts(300, seed=5):
        for pattern, _keys in PATTERNS:
            found[id(pattern)] += sum(1 for _ in pattern.finditer(text))
    assert all(n >= 20 for n in found.values()), found


@pytest.mark.parametrize("seed", range(40))
def test_parens_in_a_span_are_finditer_over_the_span(seed):
    rng = random.Random(seed)
    pieces = ["(", ")", "((", "))", "(Reuters)", "(2000 census)", "x", "word ", "a b", "\n", " ", "long text " * 3]
    text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 120)))
    for _ in range(30):
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        want = [m.span() for m in _PAREN_SOURCE.finditer(text, a, b)]
        assert [m.span() for m in _parens_in(text, a, b)] == want
