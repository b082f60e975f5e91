"""ArraySpill: state kept on disk until the end of a scan (the duplicates check's passage index)."""

from __future__ import annotations

import gc
import pickle
import random
import tracemalloc

import numpy as np
import pytest

from audit.spill import ArraySpill


def test_spilled_arrays_come_back_in_order_as_one_array():
    spill = ArraySpill()
    pickle.dumps(spill)  # empty: picklable, no file yet
    pieces = [np.arange(i * 9, i * 9 + 3 * i, dtype=np.int32).reshape(i, 3) for i in (2, 0, 5, 1)]
    for p in pieces:
        spill.append(p)
    assert len(spill) == 4 and spill.nbytes == sum(p.nbytes for p in pieces)
    with pytest.raises(TypeError):
        pickle.dumps(spill)
    out = spill.drain()
    assert out.dtype == np.int32 and np.array_equal(out, np.concatenate(pieces))
    assert len(spill) == 0 and spill.nbytes == 0  # drained: empty again, file removed


def test_a_spill_refuses_arrays_of_another_kind():
    spill = ArraySpill()
    spill.append(np.zeros((2, 24), dtype=np.uint16))
    with pytest.raises(ValueError):
        spill.append(np.zeros((2, 12), dtype=np.uint16))
    with pytest.raises(ValueError):
        spill.append(np.zeros((2, 24), dtype=np.int64))
    with pytest.raises(ValueError):
        ArraySpill().drain()


def _documents(n: int, sentences: int):
    from audit.model import Document

    words = "the of and to in said market company shares year would percent bank oil trade".split()
    rng = random.Random(11)
    for i in range(n):
        text = " ".join(
            " ".join(rng.choice(words) for _ in range(rng.randint(8, 16))).capitalize() + "." for _ in range(sentences)
        )
        yield Document(id=f"d{i}", text=text, source="g.jsonl", locator=i + 1)


def _held_after_observing(docs) -> tuple[int, int]:
    """Bytes the duplicates check holds after observing ``docs`` (before finish), and its passages."""
    from audit.duplicates.check import DuplicateCheck
    from audit.rules import DocContext

    gc.collect()
    tracemalloc.start()
    try:
        check = DuplicateCheck()
        for ordinal, doc in enumerate(docs):
            ctx = DocContext(doc, ordinal)
            check.observe(ctx)
        check._flush()
        sig = check._pas_sig  # 24 uint16 values a passage (an ArraySpill; a list of arrays before)
        passages = (sig.nbytes if isinstance(sig, ArraySpill) else sum(a.nbytes for a in sig)) // 48
        del sig
        gc.collect()
        with_check = tracemalloc.get_traced_memory()[0]
        del check, ctx  # what stays (module-level scratch buffers of the hashing) is not the check's
        gc.collect()
        held = with_check - tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    return held, passages


def test_the_passage_index_is_not_held_in_memory_while_documents_are_observed():
    """4x the text gives about 4x the passages; the passage index (68 bytes a passage) waits on disk,
    so what the check holds grows by far less than that per extra passage (the units' 12 bytes)."""
    small, p1 = _held_after_observing(_documents(1500, 6))
    large, p4 = _held_after_observing(_documents(1500, 24))
    assert p4 > 3 * p1 > 0
    per_extra_passage = (large - small) / (p4 - p1)
    assert per_extra_passage < 40, (
        f"{per_extra_passage:.0f} bytes held per extra passage"
    )  # 80 before (the index in memory)
