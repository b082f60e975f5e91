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

from audit.chars import DENSE_SCRIPT
from audit.duplicates import align as al

#: A figure: digits with their inner separators ("1,497,000", "7.3", "1-5/8", "22%" -> "22").
_NUMBER = re.compile(r"\d+(?:[.,/:-]\d+)*")
_DIGIT = re.compile(r"\d")
_CAPITAL = re.compile(r"\b[A-Z]")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3})")

#: Figures written in words ("three grain ships", "one pct"): the cardinals up to twenty and the tens.
NUMBER_WORDS: dict[str, int] = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
} | {w: 10 * n for n, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), start=3)}

#: Days and months: capitalised, yet a date, not a name (the same closed class as ``_TIME_NAMES`` of the
#: artefact checks); with the relative days they are the date a daily report was written on.
_MONTHS = frozenset("january february march april may june july august september october november december".split())
CALENDAR = frozenset("monday tuesday wednesday thursday friday saturday sunday".split()) | _MONTHS
_RELATIVE_DAYS = frozenset("today yesterday tomorrow tonight".split())
#: Punctuation of the scripts written without spaces (CJK symbols and punctuation, fullwidth forms): it ends
#: a word as white space does ("电话：400-690-0000" holds the figure "400-690-0000").
_WIDE_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
_EDGE = ",.;:!?()[]{}\"'\u201c\u201d\u2018\u2019<>"
#: Where a word ends besides white space: a character of a script written without spaces is a word of its
#: own (so "163508成龙参观" holds the figure "163508", not a headline that is one "word"), and wide punctuation.
_NO_SPACE = re.compile(f"[{DENSE_SCRIPT}{_WIDE_PUNCT}]")


def _figure_value(word: str) -> str | None:
    """The value of a figure written in digits or words, else None: its numbers ("1,000" -> "1000", "68-" of a
    line broken at "68-billion" -> "68", "late-2005" -> "2005"), or the number a word names ("Three" -> "3")."""
    if _DIGIT.search(word):
        return " ".join(_THOUSANDS.sub("", n) for n in _NUMBER.findall(word))
    n = NUMBER_WORDS.get(word.lower())
    return None if n is None else str(n)


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


#: The key of a run of fact words (figures, number words, dates) when two texts are aligned fact for fact.
_SLOT = "\x00"
#: A word: one character of a script written without spaces, or a run of other characters up to white space,
#: such a character or wide punctuation (for text with spaces: ``\S+``).
_WORD = re.compile(f"[{DENSE_SCRIPT}]|[^\\s{DENSE_SCRIPT}{_WIDE_PUNCT}]+")


def _fact_value(word: str) -> str | None:
    """A word's value as a fact: a figure (in digits or words), a day or month ("Monday", "March"), a relative
    day ("today"); None for any other word ("may" in lower case is a verb)."""
    figure = _figure_value(word)
    if figure is not None:
        return figure
    low = word.lower()
    if (low in CALENDAR and word[0].isupper()) or low in _RELATIVE_DAYS:
        return "@" + low
    return None


def _fact_words(text: str) -> tuple[list[str], list[tuple[str, ...]], list[tuple[int, int]]]:
    """The words of ``text`` (lower case, without edge punctuation) with each run of fact words next to each
    other ("Saturday, March 7", "6.21") as one key :data:`_SLOT`; their values and spans."""
    keys: list[str] = []
    values: list[tuple[str, ...]] = []
    spans: list[tuple[int, int]] = []
    for m in _WORD.finditer(text):
        raw = m.group()
        word = raw.strip(_EDGE)
        if not word:
            continue
        start = m.start() + raw.index(word)
        end = start + len(word)
        value = _fact_value(word)
        if value is None:
            keys.append(word.lower())
            values.append(())
        elif keys and keys[-1] == _SLOT and not text[spans[-1][1] : start].strip(" \t\r\n,"):
            values[-1] += (value,)
            spans[-1] = (spans[-1][0], end)
            continue
        else:
            keys.append(_SLOT)
            values.append((value,))
        spans.append((start, end))
    return keys, values, spans


@dataclass(frozen=True, slots=True)
class InPlace:
    """Facts changed in place between two texts (:func:`facts_in_place`), how many facts and how many words
    the text with fewer of them has."""

    diffs: list[Difference]
    facts: int
    words: int


def facts_in_place(text_a: str, text_b: str) -> InPlace:
    """The facts that differ *in place* between two texts on one wording (aligned with each run of fact
    words as one word, so "averaged 6.21 pct on Monday" / "averaged 6.09 pct on Friday" differ in two
    facts, whatever other words differ around them)."""
    ka, va, sa = _fact_words(text_a)
    kb, vb, sb = _fact_words(text_b)
    out: list[Difference] = []
    for op in Levenshtein.opcodes(ka, kb):
        if op.tag != "equal":
            continue
        for i, j in zip(range(op.src_start, op.src_end), range(op.dest_start, op.dest_end), strict=True):
            if ka[i] == _SLOT and va[i] != vb[j]:
                (a0, a1), (b0, b1) = sa[i], sb[j]
                out.append(Difference("fact", sa[i], sb[j], text_a[a0:a1], text_b[b0:b1]))
    return InPlace(out, min(ka.count(_SLOT), kb.count(_SLOT)), min(len(ka), len(kb)))


#: A report's line holds its facts: at least one changed fact per this many words of the shorter passage.
WORDS_PER_CHANGED_FACT = 40


def other_figures(text_a: str, text_b: str) -> bool:
    """Two passages on one wording that report other figures: at least one figure (digits or a number word)
    changed in place, a quarter or more of their facts changed, and one changed fact or more per
    :data:`WORDS_PER_CHANGED_FACT` words ("There were three grain ships loading" / "seven", "Fed funds,
    which averaged 6.21 pct on Monday" / "6.09 pct on Friday"). A date alone is no other figure (a copy
    republished the next day says "yesterday" for "today"); one year changed in a paragraph of 60 words
    rewritten around it is a revised copy, not another report."""
    found = facts_in_place(text_a, text_b)
    n = len(found.diffs)
    figure = any(_figures(d.text_a) != _figures(d.text_b) for d in found.diffs)
    return figure and 4 * n >= found.facts and n * WORDS_PER_CHANGED_FACT >= found.words


def _figures(text: str) -> list[str]:
    """The figures of a run of fact words; none in a date ("March 7", "7 March 1987")."""
    words = [w.strip(_EDGE) for w in text.split()]
    if any(w.lower() in _MONTHS and w[:1].isupper() for w in words):
        return []
    return [v for w in words if (v := _figure_value(w)) is not None]


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


def _ends(char: str) -> bool:
    """Does ``char`` end a word as white space does (:data:`_NO_SPACE`)? ASCII never does."""
    return not char.isascii() and _NO_SPACE.match(char) is not None


_EDGE_PUNCT = ",.;:!?)]}\"'\u201d\u2019"


def _whole(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Widen a span of word tokens to whole white-space separated words ("3" of "7.3" -> "7.3"),
    without trailing punctuation."""
    a, b = span
    while a > 0 and not text[a - 1].isspace() and text[a - 1] not in "([{\"'\u201c\u2018" and not _ends(text[a - 1]):
        a -= 1
    while b < len(text) and not text[b].isspace() and not _ends(text[b]):
        b += 1
    while b > a + 1 and text[b - 1] in _EDGE_PUNCT:
        b -= 1
    return a, b
