"""The ninth session's sourcing shortcuts (issue 15) give what the plain computation gives.

- :func:`audit.sourcing.figures._kind` tries the patterns after a number only when the character after it (and an
  optional white space) is one they start with, and the currency sign before it only when one of the last three
  characters ends a sign or a code: the same figures as trying every pattern.
- :func:`audit.sourcing.analysis._near_quote` is true whenever :func:`audit.sourcing.analysis._quote_of` finds a quote.
- :func:`audit.sourcing.tables.find_tables` returns no table for a text without a pipe or a tab.
- :func:`audit.sourcing.sources.written_as_name` reads the occurrences of a word lazily (stopping at the first
  lower-case one): the same answer as reading the list of every occurrence.
- :func:`audit.sourcing.claims.results_line` counts the results pattern's matches only in a line with "vs".
"""

from __future__ import annotations

import random
import re

import pytest

from audit.sourcing import claims as C
from audit.sourcing import figures as F
from audit.sourcing import sources as S
from audit.sourcing.analysis import _near_quote, _quote_of
from audit.sourcing.quotes import Quote
from audit.sourcing.tables import find_tables
from audit.text import TextLayer


class _Everything:
    """A set that holds every character and meets every string: the shortcuts' tests always pass."""

    def __contains__(self, item: object) -> bool:
        return True

    def isdisjoint(self, other: object) -> bool:
        return False


_BITS = [
    "12", "4.5", "1,200", "300", "1987", " ", "  ", "\n", "\t", "\u00a0", "%", " percent", " Percent", " pct", " per cent",
    " por ciento", " to 9%", "-7%", "–7 pct", " a 8%", "$", "$ ", "US$", "USD ", "EUR\n", "MXN", "€", "£ ", "R$",
    " million", " mln dlrs", " dollars", " Dollars", " euros", " yen", " Yen", " rupees", " libras", " pesos",
    " billion USD", " mil millones de pesos", " workers", " people", "K", "\u212a", "ſ", "ı", "İ", "D", "N", "R",
    "in ", "about ", "Bill ", "May ", "aged ", "(", ")", ",", ".", "a", "t", "b", "y", "u", "l",
]  # fmt: skip


def _texts(seed: int, n: int = 400) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_BITS) for _ in range(rng.randint(2, 14))) for _ in range(n)]


@pytest.mark.parametrize("seed", range(6))
def test_kind_shortcuts_equal_every_pattern(seed, monkeypatch):
    texts = _texts(seed)
    fast = [F.find_figures(t) for t in texts]
    monkeypatch.setattr(F, "_AFTER_FIRST", _Everything())
    monkeypatch.setattr(F, "_CURRENCY_LAST", _Everything())
    plain = [F.find_figures(t) for t in texts]
    assert fast == plain
    assert sum(map(len, plain)) > 100  # the texts have figures of every kind
    assert {f.kind for fs in plain for f in fs} >= {"percent", "money", "count"}


_RATIO_BITS = [
    "1", "12", "300", "2000", "1843", " ", "\n", " in ", " In ", " out of ", " of every ", " de cada ", "one", "One",
    "ſix", "ten", "Diez", "hundred", "five", " adults", "magnitude 1.5", "age 18", "ın", ",", ".",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(4))
def test_ratio_gate_equals_the_scan(seed, monkeypatch):
    """Without a small number word, a ratio is read only where a digit is followed by its words; an empty gate
    pattern (which always matches) gives the definition before it."""
    rng = random.Random(seed)
    texts = ["".join(rng.choice(_RATIO_BITS) for _ in range(rng.randint(2, 12))) for _ in range(1500)]
    fast = [F.find_figures(t) for t in texts]
    for text in ("Now 1 out of 5 adults agree.", "Now 3 of every 10 adults agree.", "Ya 3 de cada 10 adultos votan."):
        assert [f.kind for f in F.find_figures(text)] == ["ratio"], text
    monkeypatch.setattr(F, "_DIGIT_RATIO", re.compile(""))
    plain = [F.find_figures(t) for t in texts]
    assert fast == plain
    assert sum(f.kind == "ratio" for fs in plain for f in fs) > 50


def test_kind_shortcut_sets_cover_the_patterns():
    """Every match of the three patterns after a number starts (after one optional white space) with a character of
    ``_AFTER_FIRST``; every match of the currency pattern has a character of ``_CURRENCY_LAST`` in the last three."""
    for t in _texts(11, 3000):
        for pattern in (F._PERCENT_AFTER, F._RANGE_PERCENT_AFTER, F._CURRENCY_AFTER):
            if pattern.match(t):
                head = t[1:2] if t[:1].isspace() else t[:1]
                assert head in F._AFTER_FIRST, (pattern.pattern, t)
        if F._CURRENCY_BEFORE.search(t):
            assert not F._CURRENCY_LAST.isdisjoint(t[-3:]), t
    assert F._CURRENCY_BEFORE.search("price US$ \n")  # "$" before a final newline: the sign is third from the end
    assert [f.kind for f in F.find_figures("It cost US$ \n40 to enter.")] == ["money"]
    assert [f.kind for f in F.find_figures("Sales rose 12 Percent.")] == ["percent"]
    assert [f.kind for f in F.find_figures("Sales rose 12\u00a0\u00a0percent.")] == ["count"]  # two spaces: no percent


def _quote_layouts(rng: random.Random) -> list[Quote]:
    quotes = []
    pos = rng.randint(0, 20)
    for _ in range(rng.randint(1, 6)):
        start = pos + rng.randint(0, 30)
        end = start + rng.randint(2, 60)
        quotes.append(Quote(start, end, rng.randint(1, 12), rng.random() < 0.8))
        pos = start + rng.randint(0, 70)  # quotes may overlap or nest
    quotes.sort(key=lambda q: q.start)
    return quotes


def test_near_quote_whenever_quote_of_finds_one():
    rng = random.Random(5)
    found = 0
    for _ in range(3000):
        quotes = _quote_layouts(rng)
        starts = [q.start for q in quotes]
        a = rng.randint(0, 250)
        b = a + rng.randint(1, 80)
        if _quote_of(quotes, starts, a, b) is not None:
            found += 1
            assert _near_quote(quotes, starts, a, b), (quotes, a, b)
    assert found > 500


def test_find_tables_without_a_pipe_or_tab():
    text = "North 1,204 33\nSouth 1,100 31\nEast 900 20\n"
    assert find_tables(text, TextLayer(text).lines) == []
    piped = text.replace(" ", " | ")
    assert len(find_tables(piped, TextLayer(piped).lines)) == 1
    tabbed = text.replace(" ", "\t")
    assert len(find_tables(tabbed, TextLayer(tabbed).lines)) == 1


def _written_as_name_from_list(text: str, word: str, run: bool = False) -> bool:
    """``written_as_name`` reading the list of every occurrence (the definition before the lazy reading)."""
    core = word.rstrip(".,;:").removesuffix("’s").removesuffix("'s")
    if len(core) < 2 or any(ch.isupper() for ch in core[1:]):
        return True
    named = False
    lower = core.lower()
    for start, form in list(S._whole_words(text, core, lower)):
        if form == lower:
            return False
        if run:
            named = True
        elif not named:
            k = start - 1
            while k >= 0 and text[k] in " \t\"“‘'([":
                k -= 1
            named = k >= 0 and text[k] not in ".!?:;\n"
    return named


def test_written_as_name_lazy_equals_list():
    rng = random.Random(9)
    words = ["Hence", "hence", "Kraepelin", "There", "there", "One", "one", "Smith's", "smith", ".", ", ", "\n", " "]
    for _ in range(2000):
        text = "".join(rng.choice(words) + rng.choice([" ", "", ". ", "\n"]) for _ in range(rng.randint(1, 12)))
        for word in ("Hence", "Kraepelin", "There", "One", "Smith's"):
            for run in (False, True):
                S._NAME_MEMO.clear()
                assert S.written_as_name(text, word, run) == _written_as_name_from_list(text, word, run), (text, word)
    assert list(S._whole_words("There there There", "There", "there")) == [
        (0, "There"),
        (6, "there"),
        (12, "There"),
    ]


def _results_line_plain(text: str, start: int, end: int) -> bool:
    """``results_line`` counting the pattern's matches in every line (the definition before the "vs" gate)."""
    seg = text[start:end]
    versus = len(C._VERSUS.findall(seg))
    if versus >= 2 or (versus and len(seg) <= 160):
        return True
    numbers = len(C._NUMERIC_TOKEN.findall(seg))
    return numbers >= 3 and numbers >= 0.4 * len(seg.split())


def test_results_line_vs_gate():
    rng = random.Random(3)
    bits = ["Net", " 2.1", " mln", " vs", " VS", " Vs", " vſ", " 1.6", " loss", " profit", " Shr", " 81 cts", " (", ")"]
    seen = set()
    for _ in range(3000):
        seg = "".join(rng.choice(bits) for _ in range(rng.randint(1, 14)))
        got = C.results_line(seg, 0, len(seg))
        assert got == _results_line_plain(seg, 0, len(seg)), seg
        seen.add((got, C._has_vs(seg)))
    assert seen == {(True, True), (False, True), (True, False), (False, False)}
