"""Verification of duplicate candidates: word-level alignment with rapidfuzz.

Pure helpers, no state. A candidate pair is verified by aligning the two texts'
word sequences (lower-cased word tokens, so case, punctuation, quote and
whitespace variants never matter) with rapidfuzz's Indel/LCS opcodes, then
keeping only *runs* of at least ``min_run`` consecutive equal words. Unrelated
texts share many single words but almost no long runs, so the share of words in
long runs measures copying, not topic. The aligned span reported for each side
runs from the first to the last kept run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, cast

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from audit import minhash
from audit.normalize import exact_key as _exact_key
from audit.normalize import normalize_fast  # noqa: F401  (re-exported)

# Same word definition as audit.minhash.tokens: runs of word characters, where
# Latin-1 punctuation (U+0080-U+00BF) and general punctuation (U+2000-U+207F) separate words.


@dataclass(frozen=True, slots=True)
class Words:
    """A text's word tokens (hashes of the lower-cased words) and their character offsets."""

    tokens: list[int]
    starts: np.ndarray
    ends: np.ndarray

    def __len__(self) -> int:
        return len(self.tokens)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Character span from the start of word ``first`` to the end of word ``last - 1``."""
        return int(self.starts[first]), int(self.ends[last - 1])


def words(text: str) -> Words:
    """Word tokens of a text (as uint64 hashes, see :func:`audit.minhash.word_hashes`) with their offsets."""
    hashes, starts, ends = minhash.word_hashes(text)
    return Words(hashes.tolist(), starts, ends)


def words_batch(texts: list[str]) -> list[Words]:
    return [Words(h.tolist(), s, e) for h, s, e in minhash.word_hashes_batch(texts)]


def exact_key(text: str) -> int:
    """64-bit key of the text's normalised word sequence (:func:`audit.normalize.exact_key`)."""
    return _exact_key(normalize_fast(text))


@dataclass(frozen=True, slots=True)
class Alignment:
    """The long equal runs shared by two word sequences."""

    matched: int  # words in kept runs
    len_a: int
    len_b: int
    runs: tuple[tuple[int, int, int], ...]  # (a_start, b_start, length) in words

    @property
    def similarity(self) -> float:
        """Share of both texts' words that lie in shared runs (Dice over aligned words)."""
        total = self.len_a + self.len_b
        return 2.0 * self.matched / total if total else 1.0

    @property
    def coverage_a(self) -> float:
        return self.matched / self.len_a if self.len_a else 0.0

    @property
    def coverage_b(self) -> float:
        return self.matched / self.len_b if self.len_b else 0.0

    def word_range_a(self) -> tuple[int, int]:
        return self.runs[0][0], self.runs[-1][0] + self.runs[-1][2]

    def word_range_b(self) -> tuple[int, int]:
        return self.runs[0][1], self.runs[-1][1] + self.runs[-1][2]


def align(a: list, b: list, min_run: int) -> Alignment:
    """Align two token sequences and keep equal runs of at least ``min_run`` words.

    A sequence shorter than ``min_run`` counts when it matches as a whole.
    """
    runs = []
    matched = 0
    need = min(min_run, len(a), len(b)) or 1
    # an Opcode unpacks as (tag, src_start, src_end, dest_start, dest_end); rapidfuzz's stub types it loosely
    for tag, i1, i2, j1, _j2 in cast("Iterable[tuple[str, int, int, int, int]]", Indel.opcodes(a, b)):
        if tag == "equal" and i2 - i1 >= need:
            runs.append((i1, j1, i2 - i1))
            matched += i2 - i1
    return Alignment(matched, len(a), len(b), tuple(runs))


@dataclass(frozen=True, slots=True)
class DocVerdict:
    duplicate: bool
    similarity: float
    reason: str  # "similar" | "contained" | ""


def document_verdict(al: Alignment, similarity: float, containment: float, min_other_coverage: float) -> DocVerdict:
    """Are two documents copies? Either most of both, or nearly all of the shorter one, is shared.

    ``containment`` catches a shortened copy: nearly all of the shorter text lies
    in long shared runs and those runs are a fair share (``min_other_coverage``)
    of the longer one too, so a short page that only shares boilerplate or a
    quote with a long one is not a copy of it.
    """
    sim = al.similarity
    if not al.runs:
        return DocVerdict(False, sim, "")
    if sim >= similarity:
        return DocVerdict(True, sim, "similar")
    short_cov, long_cov = (al.coverage_a, al.coverage_b) if al.len_a <= al.len_b else (al.coverage_b, al.coverage_a)
    if short_cov >= containment and long_cov >= min_other_coverage:
        return DocVerdict(True, sim, "contained")
    return DocVerdict(False, sim, "")


def passage_similarity(a: str, b: str) -> float:
    """rapidfuzz ratio (0-1) of two passages after normalisation (case, whitespace, quotes, dashes)."""
    return normalized_similarity(normalize_fast(a), normalize_fast(b))


def normalized_similarity(na: str, nb: str) -> float:
    """:func:`passage_similarity` of two already normalised passages."""
    if na == nb:
        return 1.0
    return fuzz.ratio(na, nb) / 100.0
