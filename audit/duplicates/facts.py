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
_DIGIT = re.compile(r"\d")
_CAPITAL = re.compile(r"\b[A-Z]")


def is_form_change(a: str, b: str) -> bool:
    """The same thing written differently: an abbreviation or plural ("Sen" / "Senator", "Reuter" /
    "Reuters"), initials ("U.S" / "United States"), a number in words or digits ("ten" / "10")."""
    la, lb = a.lower().replace(".", ""), b.lower().replace(".", "")
    if la.startswith(lb) or lb.startswith(la):
        return True
    wa, wb = a.split(), b.split()
    if (
        la.replace(" ", "") == "".join(w[0] for w in wb).lower()
        or lb.replace(" ", "") == "".join(w[0] for w in wa).lower()
    ):
        return True
    da, db = bool(_DIGIT.search(a)), bool(_DIGIT.search(b))
    return da != db and len(wa) == 1 and len(wb) == 1 and (a.isalpha() or b.isalpha())


def is_fact_change(a: str, b: str) -> bool:
    """Is ``a`` -> ``b`` a changed fact? A figure changed into another figure ("22" / "27"), or a name
    into another name ("Morocco" / "Kuwait"), not a change of form: "ten" / "10", "Sen" / "Senator",
    "U.S" / "United States", "Reuter" / "Reuters", or a sentence's first word ("The same" / "An equal")."""
    if _DIGIT.search(a) or _DIGIT.search(b):
        return bool(_DIGIT.search(a) and _DIGIT.search(b))
    wa, wb = a.split(), b.split()
    if not wa or not wb or not all(_CAPITAL.match(w) for w in wa + wb):
        return False
    la, lb = a.lower().replace(".", ""), b.lower().replace(".", "")
    if la.startswith(lb) or lb.startswith(la):
        return False  # an abbreviation or a plural
    initials_a = "".join(w[0] for w in wa).lower()
    initials_b = "".join(w[0] for w in wb).lower()
    if la.replace(" ", "") in (initials_b,) or lb.replace(" ", "") in (initials_a,):
        return False  # "U.S" / "United States"
    return True


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
    """Distinct figures of each text and how many both have (a figure repeated, such as an outlet's
    name in its header, byline and footer, counts once)."""
    na, nb = set(_NUMBER.findall(text_a)), set(_NUMBER.findall(text_b))
    return FactShare(len(na & nb), len(na), len(nb))


def _words_of(text_a: str, text_b: str) -> tuple[al.Words, str, al.Words]:
    """``(words of text_a, text_b, words of text_b)``: the arguments :func:`differences` takes after
    ``text_a``, both texts tokenised in one batch (:func:`audit.duplicates.align.words_batch`)."""
    wa, wb = al.words_batch([text_a, text_b])
    return wa, text_b, wb


def same_template(text_a: str, text_b: str, min_figures: int, max_share: float) -> bool:
    """Different facts on one template: both texts carry at least ``min_figures`` figures and share
    less than ``max_share`` of them; or, aligned word by word, at least two facts changed and they
    are a quarter or more of the figures (a daily report: "305,000 / 307,000"; another issuer's bond
    on the same wording: "Gunma Bank / Hokkaido Bank", "50 / 30")."""
    fs = fact_share(text_a, text_b)
    least = min(fs.count_a, fs.count_b)
    if least >= min_figures and fs.share < max_share:
        return True
    changed = len({(d.text_a, d.text_b) for d in differences(text_a, *_words_of(text_a, text_b)) if d.kind == "fact"})
    return changed >= 2 and changed >= least / 4


def changed_facts(text_a: str, text_b: str, max_chars: int = 50_000) -> int:
    """How many distinct facts two texts change in place (one substitution repeated counts once; long
    texts: their first ``max_chars`` characters)."""
    a, b = text_a[:max_chars], text_b[:max_chars]
    return len({(d.text_a, d.text_b) for d in differences(a, *_words_of(a, b), limit=1000) if d.kind == "fact"})


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
    text_a: str,
    words_a: al.Words,
    text_b: str,
    words_b: al.Words,
    *,
    max_words: int = 4,
    limit: int = 20,
    min_context: int = 3,
) -> list[Difference]:
    """Changed facts and inserted words between two texts, each with its span on both sides.

    Only small edits count (at most ``max_words`` words on either side) and only between runs of at
    least ``min_context`` equal words on both sides (a dropped or added paragraph, or a new headline,
    is not an alteration).
    """
    ops = list(Levenshtein.opcodes(words_a.tokens, words_b.tokens))
    out: list[Difference] = []
    for k, op in enumerate(ops):
        if op.tag == "equal" or k == 0 or k == len(ops) - 1:
            continue
        before, after = ops[k - 1], ops[k + 1]
        if before.tag != "equal" or after.tag != "equal":
            continue
        # Equal context on both sides (at the very start or end of the texts, any length will do).
        if before.src_end - before.src_start < min_context and (before.src_start or before.dest_start):
            continue
        if after.src_end - after.src_start < min_context and (
            after.src_end < len(words_a.tokens) or after.dest_end < len(words_b.tokens)
        ):
            continue
        na, nb = op.src_end - op.src_start, op.dest_end - op.dest_start
        if na > max_words or nb > max_words:
            continue
        if op.tag == "insert":
            # On the kept side: the two words the insertion falls between.
            span_a = words_a.span(op.src_start - 1, op.src_start + 1)
            span_b = words_b.span(op.dest_start, op.dest_end)
            out.append(
                Difference("inserted", span_a, span_b, text_a[span_a[0] : span_a[1]], text_b[span_b[0] : span_b[1]])
            )
        elif op.tag == "replace":
            span_a = _whole(text_a, words_a.span(op.src_start, op.src_end))
            span_b = _whole(text_b, words_b.span(op.dest_start, op.dest_end))
            ta, tb = text_a[span_a[0] : span_a[1]], text_b[span_b[0] : span_b[1]]
            if is_form_change(ta, tb):
                continue
            fact = is_fact_change(ta, tb) and (
                bool(_DIGIT.search(ta))
                or not (_starts_sentence(text_a, span_a[0]) or _starts_sentence(text_b, span_b[0]))
            )
            out.append(Difference("fact" if fact else "changed", span_a, span_b, ta, tb))
        if len(out) >= limit:
            break
    return out


def _starts_sentence(text: str, pos: int) -> bool:
    """Does a sentence (or paragraph) start at ``pos``? Then a capital says nothing about a name."""
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] in ".!?:;\"'\u201d\u2019([":
        return True
    return text[i] == "\n" and (i == 0 or text[i - 1] == "\n" or text[i + 1 : pos].strip() == "" and pos - i > 2)


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
