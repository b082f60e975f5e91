"""A pattern led by a lookahead for its first characters (:mod:`audit.sourcing.lead`) finds exactly what the pattern
finds: every led pattern of the sourcing modules is compared with the pattern it leads, at every position of texts
made of its own words (``match``) and over whole texts and slices (``finditer``); written cases check the reading of
the parsed pattern (flags, scoped flags, optional and repeated items, assertions, what is left as it is)."""

from __future__ import annotations

import random
import re

import pytest

import audit.sourcing.check  # noqa: F401  (imports every sourcing module: their patterns are led on import)
from audit.sourcing.lead import ORIGINAL, first_class, led

_EXTRA = ["12", "3", "1843", "$5", "40%", "ſix", "İ", "ı", "K", "x", "Ms.", "U.S.", "“", "”", "(", ")"]
_SEPS = [" ", " ", "  ", "\n", "-", ", ", ". ", "'", "’", "\t", ""]


def _texts(pattern: re.Pattern, n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    words = sorted(set(re.findall(r"[^\W\d_]+", pattern.pattern))) or ["x"]
    vocab = words + [w.upper() for w in words[:30]] + [w.capitalize() for w in words] + _EXTRA
    return ["".join(rng.choice(vocab) + rng.choice(_SEPS) for _ in range(rng.randint(1, 12))) for _ in range(n)]


_LED = sorted(ORIGINAL.items(), key=lambda kv: kv[1].pattern)


def test_the_sourcing_modules_lead_their_patterns():
    assert len(_LED) >= 100


@pytest.mark.parametrize("fast,plain", _LED, ids=[p.pattern[:40] for _f, p in _LED])
def test_led_pattern_matches_where_its_pattern_matches(fast, plain):
    for text in _texts(plain, 25, seed=len(plain.pattern)):
        for pos in range(len(text) + 1):
            a, b = plain.match(text, pos), fast.match(text, pos)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (text, pos)
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
        cut = len(text) // 2
        assert [m.span() for m in fast.finditer(text, 1, cut)] == [m.span() for m in plain.finditer(text, 1, cut)]


@pytest.mark.parametrize(
    "source,flags,firsts",
    [
        (r"\b(?:half|one)\s+of", 0, "ho"),  # through a boundary and an alternation
        (r"(?<!first )(?:nearly\s+)?half", re.I, "nhNH"),  # an optional item: the next one can start too
        (r"(?i)\bcap", 0, "cC"),  # a global inline flag: the lookahead goes after it
        (r"(?i:\btarget)|Goal", 0, "tTG"),  # scoped flags: each part read as the pattern reads it
        (r"[$€]\d+", 0, None),  # a class first: already fast
        (r"([A-Z]\w+)\s+said", 0, None),  # a class first inside a group
        (r"(?:ing|ando)$", 0, None),  # an alternation of literals (read with case): the engine skips to them
        (r"\s*that", 0, None),  # can start with a space: most positions
        (r"(?:a|b)?", 0, None),  # can match the empty string
        (r"[^a]x", 0, None),  # a negated class
        (r".x", 0, None),
    ],
)
def test_first_characters(source, flags, firsts):
    pattern = re.compile(source, flags)
    fast = led(pattern)
    if firsts is None:
        assert fast is pattern
        return
    assert fast is not pattern and first_class(pattern) is not None
    starts = {c for c in map(chr, range(0x250)) if re.match(rf"(?:{first_class(pattern)})", c, pattern.flags)}
    assert set(firsts) <= starts
    assert not ({"z", "Z", "1", " "} & starts)
    assert starts <= set(firsts) | {"\u212a", "\u017f", "\u0130", "\u0131"}  # (and the odd case variants)
