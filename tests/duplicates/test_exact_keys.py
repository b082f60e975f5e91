"""Exact copies (DUP001) are keyed by the word sequence of the same token hashes as the signatures: the
same copies as audit.normalize.exact_key, from one tokenisation."""

from __future__ import annotations

import unicodedata

import pytest

from audit import minhash
from audit.duplicates import align as al
from audit.duplicates.check import exact_keys
from audit.duplicates.config import DuplicatesConfig
from tests.duplicates.harness import run

STORY = (
    "Łódź council approved the new tram line on Tuesday — “a long-awaited decision,” the mayor said. "
    "Construction of the 12-km route starts in March and costs 450 million złoty, officials said."
)


def _dup001(docs: dict[str, str]) -> set[str]:
    findings, _ = run(docs)
    return {d for d, fs in findings.items() for f in fs if f.rule == "DUP001"}


@pytest.mark.parametrize(
    "copy",
    [
        STORY.upper(),  # case, also outside Latin-1 (Ł, Ź)
        unicodedata.normalize("NFD", STORY),  # decomposed accents (files from some systems)
        "\ufeff" + STORY,  # byte order mark
        STORY.replace("tram", "tr\u200bam"),  # zero-width space inside a word
        STORY.replace("“", '"').replace("”", '"').replace("—", "-"),  # quote and dash variants
        STORY.replace(" ", "  ").replace(". ", ".\n\n"),  # white space
        STORY + " \u2605\u2605 \U0001f680",  # symbols and emoji around the words
        STORY.replace("12-km", "１２-km"),  # fullwidth digits (NFKC)
    ],
)
def test_an_exact_copy_up_to_normalisation_is_dup001(copy):
    assert _dup001({"a": STORY, "b": copy}) == {"b"}


@pytest.mark.parametrize(
    "other",
    [
        STORY.replace("Tuesday", "Monday"),  # a word changed
        STORY.replace("12-km", "13-km"),  # a figure changed
        STORY.replace("Łódź", "Lodz"),  # letters, not case: a different word
        STORY + " Updated.",  # a word added
    ],
)
def test_a_text_with_other_words_is_not_an_exact_copy(other):
    assert _dup001({"a": STORY, "b": other}) == set()


def test_texts_without_words_are_keyed_by_their_characters():
    assert _dup001({"a": "***", "b": "---", "c": "***", "d": "  ---\n"}) == {"c", "d"}


def test_exact_keys_group_like_normalize_exact_key():
    texts = [
        STORY,
        STORY.upper(),
        unicodedata.normalize("NFD", STORY),
        "Straße 5 \u00d7 3",
        "STRASSE 5 3",
        "ΚΑΛΗΜΕΡΑ κόσμε",
        "καλημερα ΚΌΣΜΕ",
        "plain ascii text",
        "Plain, ASCII text!",
        "plain ascii texts",
        "हिन्दी पाठ",
        "हिन्दी  पाठ।",
        "***",
    ]
    params = DuplicatesConfig().doc_params()
    batch = minhash.batch_signatures(texts, [[] for _ in texts], params, DuplicatesConfig().passage_params())
    keys = exact_keys(texts, batch, params.seed)
    reference = [al.exact_key(t) for t in texts]
    for i in range(len(texts)):
        for j in range(len(texts)):
            assert (keys[i] == keys[j]) == (reference[i] == reference[j]), (texts[i], texts[j])


def test_drain_concatenates_and_empties_the_pieces() -> None:
    import numpy as np

    from audit.duplicates.check import _drain

    pieces = [np.arange(6, dtype=np.uint16).reshape(3, 2), np.zeros((0, 2), np.uint16), np.full((2, 2), 7, np.uint16)]
    expected = np.concatenate(pieces)
    out = _drain(pieces)
    assert pieces == []
    assert out.dtype == np.uint16 and out.tolist() == expected.tolist()
    one = [np.array([1, 2, 3])]
    assert _drain(one).tolist() == [1, 2, 3] and one == []


def test_lru_bounded_by_weight_as_well_as_count() -> None:
    from audit.duplicates.corpus import LRU

    lru: LRU[int, str] = LRU(100, chars=10)
    for k in range(5):
        lru.put(k, "x" * 4, weight=4)
    assert len(lru) == 2 and 3 in lru and 4 in lru  # 8 of 10 characters: the oldest went first
    lru.get(3)
    lru.put(5, "y", weight=4)
    assert 3 in lru and 5 in lru and 4 not in lru  # 3 was used last, so 4 is the oldest
    lru.put(6, "z" * 50, weight=50)
    assert len(lru) == 1 and 6 in lru  # one item over the budget is kept (it is the one just asked for)
    counted: LRU[int, int] = LRU(3)
    for k in range(10):
        counted.put(k, k, weight=1000)  # no character budget: count only
    assert len(counted) == 3
