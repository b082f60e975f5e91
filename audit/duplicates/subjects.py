"""The subject slot of a template: two texts on one wording that name different subjects are not copies.

Pure helpers. Wire services write many stories on one house template: another company's contract, another
issuer's bond, another filer's registration statement ("Pride Refining Co ... is being awarded a 75 mln dlr
contract for jet fuel, the Defense Department said" / "The Puerto Rico Sun Oil Co is being awarded a 42.4 mln
dlr contract ..."). Their connective text is shared, so they verify as near copies; what differs is the
*subject slot*: the proper names. A copy or an update keeps its subject (the same names and organisations)
and may change figures or add paragraphs; a template filled twice changes its names.

Where two aligned texts differ (the gaps between their shared runs of ``min_run``+ words, see
:mod:`audit.duplicates.align`), a gap is a **name substitution** when each side holds a name that the other
*document* never mentions. A name is a capitalised word; at a sentence's start only a word that is never
written in lower case in either text and is not followed by a comma ("Norway", not "The" or "Indeed,"); never
a day or a month, or a unit after a figure ("7:36 AM"). The texts are **one template with different
subjects** when the sentence that the first shared run starts in opens with a substitution (the run starts
mid-sentence: "... is being awarded", the name before it differs), or when two or more gaps inside
sentences shared around them are substitutions (issuer and lead manager, company and underwriter; a new
byline or another outlet's footer lies across sentence ends). Two words that merely open sentences are no
evidence of names: one of the new names must stand inside a sentence, and a sentence with more than two thirds of
its words capitalised (a headline, a menu line) holds no slot. One name edited inside a copy ("Maria" /
"Mario") is an altered copy (DUP006), not a template.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import numpy as np

from audit import segment
from audit.duplicates import align as al
from audit.duplicates.facts import CALENDAR, _starts_sentence

#: Gaps between shared runs longer than this (words, on either side) are rewritten or added text, not a slot.
MAX_SLOT_WORDS = 12


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """What a document's words say about names: every word (lower-case hashes) and the words it writes in
    lower case somewhere (such a word at a sentence's start is no name)."""

    words: frozenset[int]
    lower: frozenset[int]


def vocabulary(text: str, words: al.Words) -> Vocabulary:
    lower = {t for t, s in zip(words.tokens, words.starts.tolist(), strict=True) if text[s].islower()}
    return Vocabulary(frozenset(words.tokens), frozenset(lower))


@dataclass(frozen=True, slots=True)
class SubjectChange:
    """The first substitution found (its words on each side, spans relative to the texts given) and how
    many gaps are substitutions."""

    text_a: str
    text_b: str
    span_a: tuple[int, int]
    span_b: tuple[int, int]
    slots: int
    lead: bool  # the first shared sentence opens with the substitution

    def swapped(self) -> SubjectChange:
        return SubjectChange(self.text_b, self.text_a, self.span_b, self.span_a, self.slots, self.lead)


def _names(text: str, words: al.Words, lo: int, hi: int, lower: frozenset[int]) -> dict[int, int]:
    """The names among words ``lo``-``hi``: token -> index of its first occurrence."""
    out: dict[int, int] = {}
    for k in range(lo, hi):
        start = int(words.starts[k])
        c = text[start]
        if not c.isupper():
            continue
        tok = words.tokens[k]
        if text[start : int(words.ends[k])].lower() in CALENDAR:  # a date names no subject
            continue
        if k > 0 and text[int(words.ends[k - 1]) - 1].isdigit() and text[int(words.ends[k - 1]) : start].isspace():
            continue  # a unit after a figure: "7:36 AM", "9 GMT"
        if _starts_sentence(text, start) and (tok in lower or text[int(words.ends[k]) : int(words.ends[k]) + 1] == ","):
            continue  # "The", "Proceeds": a common word opening a sentence; "Indeed,": a sentence adverb
        out.setdefault(tok, k)
    return out


def _phrase(text: str, words: al.Words, k: int) -> tuple[int, int]:
    """The span of the name around word ``k``: the capitalised words next to it, separated by white space
    only, with short lower-case joints between them ("Evans and Sutherland Computer", "Bank of England")."""

    def joined(i: int) -> bool:  # words i and i + 1 separated by white space only
        return text[int(words.ends[i]) : int(words.starts[i + 1])].isspace()

    def capital(i: int) -> bool:
        return text[int(words.starts[i])].isupper()

    lo = k
    while lo > 0 and joined(lo - 1) and capital(lo - 1) and not _starts_sentence(text, int(words.starts[lo - 1])):
        lo -= 1
    hi = k
    n = len(words)
    while hi + 1 < n and joined(hi):
        if capital(hi + 1):
            hi += 1
        elif (
            hi + 2 < n
            and int(words.ends[hi + 1]) - int(words.starts[hi + 1]) <= 3
            and joined(hi + 1)
            and capital(hi + 2)
        ):
            hi += 2
        else:
            break
    return words.span(lo, hi + 1)


def sentence_words(text: str, words: al.Words, start: int, end: int) -> tuple[int, int]:
    """The word range ``[lo, hi)`` of the whole sentences (:func:`audit.segment.sentences`) that span
    ``start``-``end`` overlaps: a copied region widened to where its subject is named."""
    sents = segment.sentences(text)
    starts = [s.start for s in sents]
    i = bisect_right(starts, start) - 1
    if i >= 0 and start < sents[i].end:
        start = sents[i].start
    j = bisect_right(starts, max(end - 1, start)) - 1
    if j >= 0 and end <= sents[j].end:
        end = sents[j].end
    return int(np.searchsorted(words.starts, start)), int(np.searchsorted(words.ends, end, side="right"))


def _prose(text: str, words: al.Words, k: int) -> bool:
    """Is the sentence holding word ``k`` prose, at most two thirds of its words capitalised (not a title-case
    headline, a menu line of section names, or text in capitals)?"""
    lo, hi = sentence_words(text, words, int(words.starts[k]), int(words.ends[k]))
    capitals = sum(1 for s in words.starts[lo:hi].tolist() if text[s].isupper())
    return capitals * 3 <= 2 * (hi - lo)


def _one_sentence(text: str, words: al.Words, first: int, last: int) -> bool:
    """Are words ``first`` and ``last`` in one sentence (:func:`audit.segment.sentences`)?"""
    sents = segment.sentences(text)
    starts = [x.start for x in sents]
    return bisect_right(starts, int(words.starts[first])) == bisect_right(starts, int(words.starts[last]))


def subject_change(
    text_a: str,
    words_a: al.Words,
    vocab_a: Vocabulary,
    text_b: str,
    words_b: al.Words,
    vocab_b: Vocabulary,
    runs: tuple[tuple[int, int, int], ...],
) -> SubjectChange | None:
    """Are two aligned texts (``runs``: their shared runs, :class:`audit.duplicates.align.Alignment`) one
    template with different subjects? ``vocab_a``/``vocab_b``: the vocabularies of the documents the texts
    come from (a name counts as new only if the other document never mentions it)."""
    if not runs:
        return None
    lower = vocab_a.lower | vocab_b.lower
    gaps: list[tuple[int, int, int, int, bool]] = []
    # The lead slot: the part of the first shared run's sentence before it, on each side.
    i0, j0, _ = runs[0]
    la = sentence_words(text_a, words_a, int(words_a.starts[i0]), int(words_a.ends[i0]))[0]
    lb = sentence_words(text_b, words_b, int(words_b.starts[j0]), int(words_b.ends[j0]))[0]
    gaps.append((min(la, i0), i0, min(lb, j0), j0, True))
    for (i, j, n), (i2, j2, _) in zip(runs, runs[1:], strict=False):
        # A slot lies inside one sentence shared around it ("lead manager [Chase Investment Bank] Ltd said"); a
        # gap across a sentence or paragraph end is other text (a new byline, another outlet's footer).
        if _one_sentence(text_a, words_a, i + n - 1, i2) and _one_sentence(text_b, words_b, j + n - 1, j2):
            gaps.append((i + n, i2, j + n, j2, False))
    found: list[tuple[list[int], list[int], bool]] = []
    for a0, a1, b0, b1, lead in gaps:
        if a1 <= a0 or b1 <= b0 or (not lead and max(a1 - a0, b1 - b0) > MAX_SLOT_WORDS):
            continue
        if not (_prose(text_a, words_a, a0) and _prose(text_b, words_b, b0)):
            continue  # a headline, a menu line: title-case words are no names in a sentence
        new_a = [k for t, k in _names(text_a, words_a, a0, a1, lower).items() if t not in vocab_b.words]
        new_b = [k for t, k in _names(text_b, words_b, b0, b1, lower).items() if t not in vocab_a.words]
        inside = any(not _starts_sentence(text_a, int(words_a.starts[k])) for k in new_a) or any(
            not _starts_sentence(text_b, int(words_b.starts[k])) for k in new_b
        )
        if new_a and new_b and inside:  # two words that merely open sentences are no evidence of names
            found.append((new_a, new_b, lead))
    if not found or (not found[0][2] and len(found) < 2):
        return None
    new_a, new_b, lead = found[0]
    span_a = _phrase(text_a, words_a, min(new_a))
    span_b = _phrase(text_b, words_b, min(new_b))
    return SubjectChange(text_a[span_a[0] : span_a[1]], text_b[span_b[0] : span_b[1]], span_a, span_b, len(found), lead)
