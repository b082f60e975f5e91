"""The shortcuts of the sourcing decision read what the patterns and strings they stand for read."""

from __future__ import annotations

import random

from audit.sourcing.decide import _CLOSED, _LIST_ITEM, _list_item

#: White space of every kind, ASCII, Latin-1 and wide characters, colons and marks.
_PIECES = [
    "word", "Dog", "1,200", ":", " ", "  ", "\t", "\n", "\r\n", "\x0b", "\x1c", "\x1f", "\x85", "\xa0", "é", "ß",
    "\u1680", "\u2003", "\u2028", "\u202f", "\u3000", "語", "\U0001f600", "\ud800", "-", "(", "a)", "“", "”",
]  # fmt: skip


def _texts(n: int, seed: int = 7):
    rng = random.Random(seed)
    for _ in range(n):
        yield "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 40)))


def test_list_item_reads_as_the_pattern():
    for text in [*_texts(2000, seed=11), "1. a", "(2) b", "a) c", "- d", " • e", "Ab", "ÉL", "Ⅷ. x", "x"]:
        for pos in range(len(text) + 1):
            assert _list_item(text, pos) == (_LIST_ITEM.match(text, pos) is not None)


def test_closed_ends_hold_no_white_space():
    assert not any(ch.isspace() for ch in _CLOSED)
