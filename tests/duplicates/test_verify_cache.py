"""Passage verification reads cached passage units, words and normalised texts: the same values as
computing them from the text each time."""

from __future__ import annotations

import numpy as np

from audit.duplicates import align as al
from tests.duplicates.harness import corpus_of

TEXTS = [
    "Grain shipments rose.\n\nThe port of Rotterdam said on Tuesday that “wheat” exports were up 12 pct.",
    "",
    "Café au lait — ÉTÉ 1987. Ένα κείμενο. 中文文本测试。 Ä la carte's menu…",
]


def test_units_of_returns_each_documents_recorded_units_and_none_without_units():
    corpus = corpus_of(TEXTS)
    corpus.set_units(np.array([[0, 0, 21], [0, 23, 95], [2, 0, 20], [2, 21, 35]], dtype=np.int32))
    assert corpus.units_of(0) == [(0, 21), (23, 95)]
    assert corpus.units_of(1) is None
    assert corpus.units_of(2) == [(0, 20), (21, 35)]
    assert corpus.units_of(7) is None


def _same(a: al.Words, b: al.Words) -> None:
    assert a.tokens == b.tokens
    assert a.starts.tolist() == b.starts.tolist()
    assert a.ends.tolist() == b.ends.tolist()


def test_span_words_and_a_prefetched_batch_equal_tokenising_each_passage_alone():
    spans = [(0, 0, 21), (0, 23, len(TEXTS[0])), (2, 0, 20), (2, 5, len(TEXTS[2])), (2, 30, 30), (0, 3, 14)]
    fresh = corpus_of(TEXTS)
    batched = corpus_of(TEXTS)
    batched.prefetch_spans(spans)
    for o, s, e in spans:
        alone = al.words(TEXTS[o][s:e])
        assert len(alone) or s == e
        _same(fresh.span_words(o, s, e), alone)
        _same(batched.span_words(o, s, e), alone)


def test_span_normalized_and_normalized_similarity_match_passage_similarity():
    corpus = corpus_of(TEXTS)
    a, b = (0, 23, len(TEXTS[0])), (2, 0, len(TEXTS[2]))
    ta, tb = TEXTS[0][23:], TEXTS[2]
    assert corpus.span_normalized(*a) == al.normalize_fast(ta)
    sim = al.normalized_similarity(corpus.span_normalized(*a), corpus.span_normalized(*b))
    assert sim == al.passage_similarity(ta, tb) < 1.0
    assert al.normalized_similarity("the same", "the same") == 1.0
