"""Work per document stays linear in its length, with a cap that is reported when hit (issue 20 item 7)."""

from __future__ import annotations

import random
import time

from audit import segment
from audit.model import Document
from audit.rules import DocContext
from audit.sourcing import SourcingCheck
from audit.sourcing.analysis import MAX_UNIT_CHARS, analyse, split_long

_WORDS = (
    "the city said 27 percent of residents told reporters “we will” rise 1,200 jobs according to officials "
    "and Smith added 45 people critics argue"
).split()


def _unpunctuated(n_chars: int, seed: int = 1) -> str:
    rnd = random.Random(seed)
    out, size = [], 0
    while size < n_chars:
        w = rnd.choice(_WORDS)
        out.append(w)
        size += len(w) + 1
    return " ".join(out)


def test_long_sentences_are_read_in_pieces_and_reported():
    text = _unpunctuated(20_000)
    sentences = segment.sentences(text)
    assert len(sentences) == 1  # no sentence punctuation at all
    pieces, cut = split_long(text, sentences)
    assert cut == 1
    assert all(p.end - p.start <= MAX_UNIT_CHARS for p in pieces)
    assert pieces[0].start == sentences[0].start and pieces[-1].end == sentences[0].end
    # Pieces are cut at spaces and cover the sentence without overlap.
    assert all(text[p.start] != " " and text[p.end - 1] != " " for p in pieces)
    assert all(a.end <= b.start for a, b in zip(pieces, pieces[1:], strict=False))
    analysis = analyse(text, sentences, segment.passages(text), segment.lines(text))
    assert analysis.long_sentences_cut == 1
    ctx = DocContext(Document("d", text, "d"), 0)
    list(SourcingCheck().check(ctx))
    assert ctx.stats["sourcing"]["long_sentences_cut"] == 1


def test_normal_sentences_are_not_cut():
    text = "The city said 27 percent of residents moved. Officials added 1,200 jobs last year."
    ctx = DocContext(Document("d", text, "d"), 0)
    list(SourcingCheck().check(ctx))
    assert "long_sentences_cut" not in ctx.stats["sourcing"]


def test_unpunctuated_text_is_near_linear():
    check = SourcingCheck()

    def cpu(n: int) -> float:
        ctx = DocContext(Document("d", _unpunctuated(n), "d"), 0)
        _ = ctx.sentences, ctx.passages, ctx.lines  # segmentation is not what is measured
        t = time.process_time()
        list(check.check(ctx))
        return time.process_time() - t

    cpu(5_000)  # lexicons compiled
    small, big = cpu(50_000), cpu(200_000)
    # Before the cap: 100,000 characters took 16 s and 200,000 took 87 s (quadratic).
    assert big < 10
    assert big < 8 * small + 0.5
