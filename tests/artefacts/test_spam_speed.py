"""The stuffing search of the injected-keyword rule (ART010) runs only on the lines that can hold a
reported phrase, and the repeat search only when a keyword can recur three times on one line: both give
what a search of the whole text gives (``word_counts=None``), on texts written to hit the edges."""

from __future__ import annotations

import random

import pytest

from audit.artefacts import spam
from audit.text import TextLayer

_STUFFING = [
    # must flag: a lower-case keyword phrase after a sentence end, a repeated keyword phrase
    "The council approved the plan on Tuesday. cheap flights\nThe mayor said so.",
    "Read the full story. buy viagra online buy viagra online buy viagra online",
    "Prices rose. cheap flights Now the end.\nIt rained. online deals Then more.",
    "cheap flights, cheap flights; cheap flights | cheap flights",
    "Cheap Flights cheap flights CHEAP FLIGHTS and more",
    "casino casino casino",
    "A note.\tcheap pills\n",
    "Kelvin clic\u212a clic\u212a clic\u212a and click",  # the Kelvin sign lower-cases to "k"
    # must not flag: a sentence opener in upper case, a keyword split over lines, an abbreviation
    "The council met. Cheap flights were discussed.",
    "casino casino\ncasino casino\nonline",
    "They met etc. online deals were not discussed",
    "cheap-flights cheap-flights cheap-flights",
    "an order, an order and an order were placed in order",
    "",
]


@pytest.mark.parametrize("text", _STUFFING)
def test_stuffing_with_word_counts_is_the_whole_text_search(text):
    for extra in (frozenset(), frozenset({"kasino", "pills"})):
        counts = TextLayer(text).word_counts
        assert spam.find_stuffing(text, extra, counts) == spam.find_stuffing(text, extra, None)


def test_stuffing_cases_flag_and_stay_quiet():
    def cues(text):
        return [cue for *_rest, cue in spam.find_stuffing(text, (), TextLayer(text).word_counts)]

    assert cues(_STUFFING[0]) == ["after-sentence"]
    assert "repeated" in cues(_STUFFING[1])
    assert cues(_STUFFING[4]) == ["repeated"]
    assert cues(_STUFFING[9]) == []
    assert cues(_STUFFING[11]) == []


def test_stuffing_random_texts():
    rnd = random.Random(5)
    pieces = ["cheap", "Cheap", "flights", "casino", "sale", ". ", ", ", " ", " ", "\n", "|", "x", "The", "\u212a"]
    found = 0
    for _ in range(4000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30)))
        counts = TextLayer(text).word_counts
        got = spam.find_stuffing(text, (), counts)
        assert got == spam.find_stuffing(text, (), None), repr(text)
        found += len(got)
    assert found > 50  # the random texts do hold stuffing


def test_lines_holding_a_keyword():
    text = "one cheap\ntwo\nthree casino cheap\nfour"
    assert spam._lines_holding(text, ["cheap", "casino"]) == [(0, 10), (14, 33)]
    assert spam._lines_holding(text, ["sale"]) == []


def test_three_on_a_line():
    assert spam._three_on_a_line("casino casino, CASINO", ["casino"])
    assert not spam._three_on_a_line("casino casino\ncasino", ["casino"])
    assert not spam._three_on_a_line("casino online casino", ["casino", "online"])


def test_repeated_runs_ascii_path_is_the_unicode_regex():
    rnd = random.Random(9)
    for _ in range(3000):
        pieces = ["ab", "Ab", "c'd", "'", " ", ",", "1", "\n", "x"]
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 25)))
        low = [w.lower() for w in spam._WORD_RE.findall(text)]
        assert spam._ASCII_WORD_RE.findall(text) == spam._WORD_RE.findall(text)
        assert [w.lower() for w in spam._ASCII_WORD_RE.findall(text)] == low


def test_three_in_a_row_holds_wherever_a_repeated_unit_holds_the_keyword():
    # units of one to four words repeated with every separator, words that are not keywords between,
    # the case changed, the Kelvin sign for "k", apostrophes, digits and line breaks that cut runs
    rnd = random.Random(11)
    words_ = ["cheap", "CHEAP", "Cheap", "flights", "casino", "the", "it's", "l’eau", "x", "7", "\u212aasino", "seo"]
    seps = [" ", ", ", ";", " | ", "\t", "  ", "\n", ". ", "-"]
    hits = 0
    for _ in range(3000):
        unit = [rnd.choice(words_) for _ in range(rnd.randint(1, 4))]
        parts = []
        for _ in range(rnd.randint(1, 5)):
            for w in unit if rnd.random() < 0.8 else [rnd.choice(words_)]:
                parts += [w, rnd.choice(seps)]
        text = "".join(parts)
        for _s, _e, found in spam.repeated_runs(text):
            for k in found.lower().split():
                if k.isascii() and k.isalpha():
                    hits += 1
                    assert spam._three_in_a_row(k).search(text), (text, found, k)
        counts = TextLayer(text).word_counts
        assert spam.find_stuffing(text, (), counts) == spam.find_stuffing(text, (), None), repr(text)
    assert hits > 100
