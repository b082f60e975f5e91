"""The per-document columns of the sourcing analysis read what the per-unit code they replace read."""

from __future__ import annotations

import random
from itertools import pairwise

import audit.sourcing.analysis as analysis
from audit.sourcing.analysis import _SPACE_LIMIT, word_columns
from audit.sourcing.decide import _CLOSED, _LIST_ITEM, _list_item

#: White space of every kind str.split splits at, ASCII, Latin-1 and wide characters, colons and marks.
_PIECES = [
    "word", "Dog", "1,200", ":", " ", "  ", "\t", "\n", "\r\n", "\x0b", "\x1c", "\x1f", "\x85", "\xa0", "é", "ß",
    "\u1680", "\u2003", "\u2028", "\u202f", "\u3000", "語", "\U0001f600", "\ud800", "-", "(", "a)", "“", "”",
]  # fmt: skip


def _texts(n: int, seed: int = 7):
    rng = random.Random(seed)
    for _ in range(n):
        yield "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 40)))


def test_space_limit_covers_every_white_space():
    assert not any(chr(c).isspace() for c in range(_SPACE_LIMIT, 0x110000))


def test_word_columns_read_as_split_and_rstrip(monkeypatch):
    monkeypatch.setattr(analysis, "_COLUMNS_MIN", 0)  # the numpy passes, for texts of every length
    rng = random.Random(3)
    for text in _texts(3000):
        cuts = sorted(rng.sample(range(len(text) + 1), min(len(text) + 1, rng.randint(1, 6))))
        units = [(a, b, None) for a, b in pairwise(cuts)] + [(0, len(text), None)]
        total, words, colons = word_columns(text, units)
        assert total == len(text.split())
        assert words == [len(text[a:b].split()) for a, b, _ in units]
        assert colons == [text[a:b].rstrip().endswith(":") for a, b, _ in units]
        assert all(type(w) is int for w in words) and all(type(c) is bool for c in colons)


def test_word_columns_of_short_and_empty_texts(monkeypatch):
    assert word_columns("", []) == (0, [], [])
    text = "Key figures:\n  the rest of it . "
    units = [(0, 12, None), (12, len(text), None), (3, 3, None)]
    expected = (7, [2, 5, 0], [True, False, False])
    assert word_columns(text, units) == expected
    monkeypatch.setattr(analysis, "_COLUMNS_MIN", 0)
    assert word_columns(text, units) == expected


def test_list_item_reads_as_the_pattern():
    for text in [*_texts(2000, seed=11), "1. a", "(2) b", "a) c", "- d", " • e", "Ab", "ÉL", "Ⅷ. x", "x"]:
        for pos in range(len(text) + 1):
            assert _list_item(text, pos) == (_LIST_ITEM.match(text, pos) is not None)


def test_closed_ends_hold_no_white_space():
    assert not any(ch.isspace() for ch in _CLOSED)
