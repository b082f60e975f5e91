"""A cheap first reading: is this document clearly one language, and where might it not be?

Reading every passage and sentence with a model costs ~0.3 CPU-s per MB of text for
fastText alone, and a second model where fastText is unsure costs far more. Most
documents of a corpus are plainly in one language, which a vocabulary test shows for
a fraction of that:

1. **Sample.** fastText reads a sample of the document (the opening of its first
   passages with evidence, ``sample_chars`` in all); its top language ``L`` is the
   candidate when its probability is at least ``sample_min_probability``.
2. **Vocabulary test per sentence.** Every sentence's words that do not start with a
   capital letter (proper names carry no language evidence) are looked up in ``L``'s
   ``vocabulary_size`` most frequent words (wordfreq's lists, bundled in its wheel and
   read offline). Prose in ``L`` has most of its words there (for English news, wiki
   and web text at 10,000 words: median 0.93, 1% quantile 0.65 per sentence); a
   sentence in another language has few of them (under 0.5 for the Latin-script
   languages we measured, 0 for other scripts). A sentence with
   ``min_words`` such words or more and fewer than ``min_coverage`` of them in the
   vocabulary *disagrees*.
3. Passages holding a disagreeing sentence go through the full per-passage reading
   (models, sentence pass, names veto); the others are ``L`` without any model call.

Languages without a wordfreq list, or written without spaces (Chinese, Japanese,
Thai), are never screened: their documents take the full reading.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Sequence

from audit.language.wordlists import available, top_words
from audit.model import Span

#: A word: letters, with inner apostrophes ("don't", "l'homme").
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

#: :data:`_WORD` on ASCII text (the same matches, about twice as fast).
_ASCII_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*")

#: Letters of scripts written without spaces (CJK, kana, hangul blocks, Thai): a sentence holding
#: them is never in a screened (spaced) language's vocabulary, and its "words" are whole clauses.
_UNSPACED_LETTERS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")

#: Languages written without spaces between words: a vocabulary test does not apply.
_UNSPACED = frozenset({"zh", "ja", "th", "lo", "km", "my", "bo"})


@functools.cache
def vocabulary(lang: str, size: int) -> frozenset[str] | None:
    """The ``size`` most frequent words of ``lang`` (lower case), or None when there is no list."""
    if lang in _UNSPACED:
        return None
    words = top_words(lang, size) if lang in available() else None
    return frozenset(words) if words is not None and len(words) >= size // 2 else None


def sentence_agrees(text: str, vocab: frozenset[str], min_words: int, min_coverage: float) -> bool:
    """Do ``text``'s non-capitalised words look like the vocabulary's language (or are there too few)?"""
    if not text.isascii() and _UNSPACED_LETTERS.search(text):
        return False
    words = [w for w in (_ASCII_WORD if text.isascii() else _WORD).findall(text) if not w[0].isupper()]
    n = len(words)
    if n < min_words:
        return True
    hits = sum(1 for w in words if w.lower() in vocab)
    return hits >= min_coverage * n


@dataclass(frozen=True)
class Screen:
    """The outcome of the first reading: the candidate language and the passages to read in full."""

    language: str
    probability: float
    #: Indices (into the passages given) of passages holding a sentence that disagrees.
    disagreeing: frozenset[int]


def screen_sentences(
    text: str,
    passages: Sequence[Span],
    sentences: Sequence[Span],
    vocab: frozenset[str],
    min_words: int,
    min_coverage: float,
) -> frozenset[int]:
    """Indices of ``passages`` holding a sentence whose words disagree with ``vocab``."""
    starts = [p.start for p in passages]
    out: set[int] = set()
    for s in sentences:
        i = bisect_right(starts, s.start) - 1
        if i < 0 or i in out:
            continue
        if not sentence_agrees(text[s.start : s.end], vocab, min_words, min_coverage):
            out.add(i)
    return frozenset(out)
