"""The document-level evidence of cut names and phrases (ART020): the quick searches against the patterns they
stand for, and the guards of each test."""

from __future__ import annotations

import random
import re

import pytest

from audit.artefacts import truncation
from audit.artefacts.common import has_word_lists

WORDS = ["New", "York", "Ne", "Yor", "Yorkers", "the", "Sim", "Simon", "Tim", "Times", "an", "a", "x_New", "2New"]


def _texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    seps = [" ", "  ", "\n", " \n ", "", "-", ","]
    return ["".join(rnd.choice(WORDS) + rnd.choice(seps) for _ in range(rnd.randint(0, 14))) for _ in range(n)]


def test_phrase_hits_are_the_pattern_matches():
    """:func:`truncation._phrase_hits` finds what the pattern it replaces finds, in the same order."""
    for text in _texts(400, 1):
        for context, frag in (
            (["New"], "Yor"),
            (["the", "New"], "Yor"),
            (["New"], "Ne"),
            (["Tim"], "Tim"),
            (["an"], "a"),
        ):
            pattern = re.compile(
                r"(?<![^\W\d_])" + r"\s+".join(map(re.escape, context)) + r"\s+" + re.escape(frag) + r"([^\W\d_]*)"
            )
            expected = [(m.start(1) - len(frag), m.group(1)) for m in pattern.finditer(text)]
            assert list(truncation._phrase_hits(text, context, frag)) == expected, (text, context, frag)


@pytest.mark.skipif(not has_word_lists(), reason="needs the wordfreq lists")
def test_name_continued_is_the_pattern_search():
    """:func:`truncation._name_continued`'s string search gives the answer of the pattern it replaces."""
    for text in _texts(300, 2):
        for frag in ("Sim", "Yor", "Ne"):
            pattern = re.compile(r"(?<![^\W\d_])" + re.escape(frag) + r"([a-zà-öø-ÿ]{2,8})(?![^\W\d_])")
            expected = any(not truncation._whole_word_rest(frag, m.group(1)) for m in pattern.finditer(text))
            got = truncation._name_continued(frag, "en", {}, text, shortest=2)
            gated = frag.lower() not in ("ne",) and truncation.zipf(frag.lower(), "en") < 4.0
            assert got == (expected and gated), (text, frag)


def test_whole_word_rests():
    """'-es' is a plural only after a sibilant or 'o'; derivations and demonyms are whole-word endings."""
    assert truncation._whole_word_rest("Church", "es") and truncation._whole_word_rest("Hero", "es")
    assert not truncation._whole_word_rest("Tim", "es") and not truncation._whole_word_rest("Stat", "es")
    assert truncation._whole_word_rest("Japan", "ese") and truncation._whole_word_rest("York", "ers")
    assert not truncation._whole_word_rest("Rom", "ney")


@pytest.mark.parametrize(
    ("passage", "document", "expected"),
    [
        ("He was director of the observatory in 17", "It opened in 1786.", True),
        ("He was director of the observatory in 17", "It opened in 1686.", False),  # no year starts 17
        ("The film (193", "made in 1935", True),
        ("The score was 2 to 1", "in 1921", False),  # 'to' introduces no year
        ("The club won in 2012", "in 2012", False),  # a whole year
    ],
)
def test_year_cut(passage, document, expected):
    assert truncation.year_cut(passage, passage + "\n" + document) is expected


@pytest.mark.skipif(not has_word_lists(), reason="needs the wordfreq lists")
def test_phrase_cut_evidence_and_guards():
    text = "Exports rose to the United States last year.\nShipments go to Japan, Brazil and the United St"
    assert truncation.phrase_cut(text, text.index("Shipments"), len(text), "en") == "States"
    whole = "Fans followed it to New York.\nNew Yorkers queued.\nThe band moved to New York"
    assert truncation.phrase_cut(whole, whole.index("The band"), len(whole), "en") is None  # 'ers': a whole word
    common = "He went in the Cowley pub.\nShe sat in the Co"
    assert truncation.phrase_cut(common, common.index("She"), len(common), "en") is None  # 'in the': no context
