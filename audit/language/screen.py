"""A cheap first reading: is this document clearly one language, and where might it not be?

Reading every passage and sentence with a model costs ~0.3 CPU-s per MB of text for
fastText alone, and a second model where fastText is unsure costs far more. Most
documents of a corpus are plainly in one language, which a vocabulary test shows for
a fraction of that:

1. **Sample.** fastText reads a sample of the document (the opening of its first
   passages with evidence, ``sample_chars`` in all; ``sample_retry_chars`` when that gives
   less than ``sample_min_probability``); its top language ``L`` is the
   candidate when its probability is at least ``sample_min_probability``.
2. **Vocabulary test per sentence.** Every sentence's words (the shared text layer's, so
   the document is not tokenised again) that do not start with a capital letter or a digit
   (proper names and figures carry no language evidence) are looked up in ``L``'s
   ``vocabulary_size`` most frequent words (wordfreq's lists, bundled in its wheel and
   read offline). Prose in ``L`` has most of its words there (for English news, wiki
   and web text at 10,000 words: median 0.93, 1% quantile 0.65 per sentence); a
   sentence in another language has few of them (under 0.5 for the Latin-script
   languages we measured, 0 for other scripts). A sentence with
   ``min_words`` such words or more and fewer than ``min_coverage`` of them in the
   vocabulary *disagrees*, and so does a sentence with letters of a script written without
   spaces. Each distinct word is looked up once per process; the per-sentence counts come
   from running sums over the document's words, all sentences at once.
3. **Confirmation** (:meth:`audit.language.identify.LanguageIdentifier.screen`): the disagreeing
   sentences are read alone by fastText, in one batch; one it gives ``L`` with
   ``screen_confirm_probability`` or more agrees after all (rare words, not another language).
4. Passages holding a sentence that still disagrees go through the full per-passage reading
   (models, sentence pass, names veto); the others are ``L`` without any model call.

Languages without a wordfreq list, or written without spaces (Chinese, Japanese,
Thai), are never screened: their documents take the full reading.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from audit.chars import UNSPACED_LETTERS
from audit.language.wordlists import available, top_words
from audit.model import Span
from audit.text import TextLayer

#: Letters of scripts written without spaces (CJK, kana, hangul blocks, Thai): a sentence holding
#: them is never in a screened (spaced) language's vocabulary, and its "words" are whole clauses.
_UNSPACED_LETTERS = re.compile(f"[{UNSPACED_LETTERS}]")

#: Languages written without spaces between words: a vocabulary test does not apply.
_UNSPACED = frozenset({"zh", "ja", "th", "lo", "km", "my", "bo"})


@functools.cache
def vocabulary(lang: str, size: int) -> frozenset[str] | None:
    """The ``size`` most frequent words of ``lang`` (lower case), or None when there is no list."""
    if lang in _UNSPACED:
        return None
    words = top_words(lang, size) if lang in available() else None
    return frozenset(words) if words is not None and len(words) >= size // 2 else None


@dataclass(frozen=True)
class Screen:
    """The outcome of the first reading: the candidate language and the passages to read in full."""

    language: str
    probability: float
    #: Indices (into the passages given) of passages holding a sentence that disagrees.
    disagreeing: frozenset[int]


# --------------------------------------------------------------------------- on the shared text layer

_IGNORED, _MISS, _HIT, _UNSPACED_WORD = 0, 1, 2, 3
_MEMO_ENTRIES = 300_000  # distinct words remembered per vocabulary (cleared when full)
_CLASSES: dict[int, tuple[frozenset[str], dict[str, int]]] = {}


def _class_of(w: str, vocab: frozenset[str]) -> int:
    if not w.isascii() and _UNSPACED_LETTERS.search(w):
        return _UNSPACED_WORD
    if w[0].isupper() or w[0].isdigit():
        return _IGNORED
    return _HIT if w.lower() in vocab else _MISS


def _classify_words(words: list[str], vocab: frozenset[str]) -> np.ndarray:
    """Per word of the layer: ignored (starts with a capital letter or a digit), in the vocabulary,
    not in it, or holding a letter of a script written without spaces. Remembered per distinct word:
    the words met for the first time are classified once each (a set difference finds them), the
    document's classes are one ``map`` over the memo into a ``bytes`` object (no list of Python ints)."""
    entry = _CLASSES.get(id(vocab))
    if entry is None or entry[0] is not vocab or len(entry[1]) > _MEMO_ENTRIES:
        entry = _CLASSES[id(vocab)] = (vocab, {})
    memo = entry[1]
    try:
        classes = bytes(map(memo.__getitem__, words))
    except KeyError:  # words met for the first time
        for w in set(words).difference(memo):
            memo[w] = _class_of(w, vocab)
        classes = bytes(map(memo.__getitem__, words))
    return np.frombuffer(classes, dtype=np.int8)


def _running(mask: np.ndarray) -> np.ndarray:
    """``[0, cumsum(mask)...]``: how many of the first ``i`` items are set, for ``i`` in ``0 .. len(mask)``."""
    out = np.zeros(len(mask) + 1, dtype=np.int64)
    np.cumsum(mask, out=out[1:])
    return out


def odd_sentences(
    layer: TextLayer, bounds: np.ndarray, vocab: frozenset[str], min_words: int, min_coverage: float
) -> np.ndarray:
    """Which sentences disagree with ``vocab`` (bool per sentence; ``bounds``: their starts and ends,
    an ``(n, 2)`` array), read on the document's shared words (:attr:`audit.text.TextLayer.words`), all
    sentences at once: per-word classes (looked up once per distinct word), running counts, and each
    sentence's counts from two ``searchsorted`` calls."""
    if not len(bounds):
        return np.zeros(0, dtype=bool)
    cls = _classify_words(layer.words, vocab)
    counted = _running(cls != _IGNORED)
    hits = _running(cls == _HIT)
    unspaced = _running(cls == _UNSPACED_WORD)
    lo = np.searchsorted(layer.starts, bounds[:, 0])
    hi = np.searchsorted(layer.starts, bounds[:, 1])
    n = counted[hi] - counted[lo]
    h = hits[hi] - hits[lo]
    return (unspaced[hi] > unspaced[lo]) | ((n >= min_words) & (h < min_coverage * n))


def span_bounds(spans: Sequence[Span]) -> np.ndarray:
    """The starts and ends of ``spans`` as an ``(n, 2)`` int64 array."""
    out = np.empty((len(spans), 2), dtype=np.int64)
    out[:, 0] = [s.start for s in spans]
    out[:, 1] = [s.end for s in spans]
    return out


def passage_index(passages: Sequence[Span], starts: np.ndarray) -> np.ndarray:
    """The index of the passage holding each of ``starts`` (the last passage starting at or before it;
    -1 before the first)."""
    return np.searchsorted(np.array([p.start for p in passages], dtype=np.int64), starts, side="right") - 1


def passages_of(passages: Sequence[Span], sentence_starts: np.ndarray, which: np.ndarray) -> frozenset[int]:
    """Indices of the ``passages`` holding a sentence marked in ``which`` (by where it starts)."""
    if not passages or not which.any():
        return frozenset()
    where = passage_index(passages, sentence_starts[which])
    return frozenset(int(i) for i in np.unique(where) if i >= 0)
