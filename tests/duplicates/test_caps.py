"""Passage clustering stays near-linear: a group of many passages that chain together is capped."""

from __future__ import annotations

import random

from audit.duplicates import DuplicatesConfig
from audit.duplicates.lsh import bounded_stars, star_clusters
from tests.duplicates.harness import run


def test_bounded_stars_spends_at_most_its_budget_on_a_chain():
    n = 400
    calls = []

    def verify(a, b):  # a chain: only near neighbours are copies, so stars stay small
        calls.append((a, b))
        return "ok" if abs(a - b) <= 3 else None

    full = star_clusters(list(range(n)), lambda x: (x,), verify)
    quadratic = len(calls)
    assert quadratic > n * n / 20
    calls.clear()
    stars, done = bounded_stars(list(range(n)), lambda x: (x,), verify, 8 * n)
    assert not done and len(calls) <= 8 * n
    assert stars == full[: len(stars)] and stars  # the same clusters, as far as it went
    calls.clear()
    stars, done = bounded_stars(list(range(10)), lambda x: (x,), verify, 80)
    assert done and stars == star_clusters(list(range(10)), lambda x: (x,), verify)


def _chain_corpus(n: int, width: int = 40) -> dict[str, str]:
    """Generated worst case: document i holds words [i, i + width) of one long text, so every document
    shares most of its sentence with its neighbours and the passages chain into one group."""
    rng = random.Random(7)
    vocab = [f"w{k}" for k in range(5000)]
    words = [rng.choice(vocab) for _ in range(n + width)]

    def own() -> str:  # a paragraph of the document's own
        return " ".join(rng.choice(vocab) for _ in range(40)) + "."

    return {f"d{i}": "\n\n".join([own(), own(), " ".join(words[i : i + width]) + ".", own(), own()]) for i in range(n)}


def test_many_documents_sharing_many_sentences_hit_the_cap_and_say_so():
    docs = _chain_corpus(160)
    check_stats = {}
    import audit.duplicates.passages as mod

    original = mod.verify_passages
    count = [0]

    def counting(*a, **k):
        count[0] += 1
        return original(*a, **k)

    mod.verify_passages = counting
    try:
        findings, clusters = run(docs, DuplicatesConfig(passage_group_work=4, template_min_pages=0))
        capped_calls = count[0]
        count[0] = 0
        run(docs, DuplicatesConfig(passage_group_work=0, template_min_pages=0))
        uncapped_calls = count[0]
    finally:
        mod.verify_passages = original
    assert capped_calls < uncapped_calls
    from audit.duplicates import DuplicateCheck
    from audit.model import Document
    from audit.rules import DocContext

    check = DuplicateCheck(DuplicatesConfig(passage_group_work=4, template_min_pages=0))
    texts = list(docs.values())
    for o, (i, t) in enumerate(docs.items()):
        check.observe(DocContext(Document(i, t), o))
    result = check.finish(lambda o: texts[o], list(docs))
    check_stats = result.extra["duplicates"]
    assert check_stats["passage_groups_capped"] >= 1 and check_stats["passage_capped_group_sizes"][0] > 50
    assert [c for c in clusters if c.level == "passage"]  # what was clustered is still reported
