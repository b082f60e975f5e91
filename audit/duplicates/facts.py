"""Facts that differ between two near copies: figures, dates, names, quoted text, inserted words.

Pure helpers. Two texts that share most of their words may still be different documents: wire
stories written on one template ("deficit forecast at 350 mln stg" / "at 800 mln stg"), a daily
market report with that day's figures. When most of their figures differ, they are *the same
template with different facts* (DUP005), not copies. When they share most figures and still differ
in a few facts or carry a few inserted words, one is an *altered copy* of the other (DUP006).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from audit.duplicates import align as al

#: A figure: digits with their inner separators ("1,497,000", "7.3", "1-5/8", "22%" -> "22").
_NUMBER = re.compile(r"\d+(?:[.,/:-]\d+)*")
#: Words that carry a fact when they change: figures, capitalised words (names, months, places).
_FACT = re.compile(r"\d|\b[A-Z][\w'-]*")


def numbers(text: str) -> Counter:
    return Counter(_NUMBER.findall(text))


@dataclass(frozen=True, slots=True)
class FactShare:
    shared: int
    count_a: int
    count_b: int

    @property
    def share(self) -> float:
        """Share of the figures of the text with fewer figures that the other text also has."""
        least = min(self.count_a, self.count_b)
        return self.shared / least if least else 1.0


def fact_share(text_a: str, text_b: str) -> FactShare:
    na, nb = numbers(text_a), numbers(text_b)
    return FactShare(sum((na & nb).values()), sum(na.values()), sum(nb.values()))


def same_template(text_a: str, text_b: str, min_figures: int, max_share: float) -> bool:
    """Different facts on one template: both texts carry at least ``min_figures`` figures and share
    less than ``max_share`` of them."""
    fs = fact_share(text_a, text_b)
    return min(fs.count_a, fs.count_b) >= min_figures and fs.share < max_share


@dataclass(frozen=True, slots=True)
class Difference:
    """One place where two aligned texts differ: ``kind`` is "fact" (a changed figure, date or name),
    "changed" (other words replaced) or "inserted" (words only the second text has, inside shared text)."""

    kind: str
    span_a: tuple[int, int]  # in the first text ("inserted": the two words the insertion falls between)
    span_b: tuple[int, int]
    text_a: str
    text_b: str


def differences(
    text_a: str, words_a: al.Words, text_b: str, words_b: al.Words, *, max_words: int = 4, limit: int = 20,
    min_context: int = 3,
) -> list[Difference]:
    """Changed facts and inserted words between two texts, each with its span on both sides.

    Only small edits count (at most ``max_words`` words on either side) and only between runs of at
    least ``min_context`` equal words on both sides (a dropped or added paragraph, or a new headline,
    is not an alteration).
    """
    ops = Levenshtein.opcodes(words_a.tokens, words_b.tokens)
    out: list[Difference] = []
    ops = list(ops)
    for k, op in enumerate(ops):
        if op.tag == "equal" or k == 0 or k == len(ops) - 1:
            continue
        before, after = ops[k - 1], ops[k + 1]
        if (before.tag != "equal" or after.tag != "equal" or before.src_end - before.src_start < min_context
                or after.src_end - after.src_start < min_context):
            continue
        na, nb = op.src_end - op.src_start, op.dest_end - op.dest_start
        if na > max_words or nb > max_words:
            continue
        if op.tag == "insert":
            # On the kept side: the two words the insertion falls between.
            span_a = words_a.span(op.src_start - 1, op.src_start + 1)
            span_b = words_b.span(op.dest_start, op.dest_end)
            out.append(Difference("inserted", span_a, span_b, text_a[span_a[0] : span_a[1]],
                                  text_b[span_b[0] : span_b[1]]))
        elif op.tag == "replace":
            span_a = _whole(text_a, words_a.span(op.src_start, op.src_end))
            span_b = _whole(text_b, words_b.span(op.dest_start, op.dest_end))
            ta, tb = text_a[span_a[0] : span_a[1]], text_b[span_b[0] : span_b[1]]
            out.append(Difference("fact" if _FACT.search(ta) or _FACT.search(tb) else "changed", span_a, span_b, ta, tb))
        if len(out) >= limit:
            break
    return out


_EDGE_PUNCT = ",.;:!?)]}\"'\u201d\u2019"


def _whole(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Widen a span of word tokens to whole white-space separated words ("3" of "7.3" -> "7.3"),
    without trailing punctuation."""
    a, b = span
    while a > 0 and not text[a - 1].isspace() and text[a - 1] not in "([{\"'\u201c\u2018":
        a -= 1
    while b < len(text) and not text[b].isspace():
        b += 1
    while b > a + 1 and text[b - 1] in _EDGE_PUNCT:
        b -= 1
    return a, b
