"""Banding (lsh.candidate_pairs) against a plain-Python reference of the same emission rule."""

from __future__ import annotations

import numpy as np
import pytest

from audit.duplicates.lsh import candidate_pairs, estimate


def reference_pairs(sig, bands, rows, min_estimate, max_bucket, eligible):
    """Per band: buckets of equal row tuples in index order; each member pairs with the bucket's
    first item and its predecessor; buckets over max_bucket are skipped; then the estimate filter."""
    idx = [i for i in range(len(sig)) if eligible is None or eligible[i]]
    out = set()
    for b in range(bands):
        buckets: dict[tuple, list[int]] = {}
        for i in idx:
            buckets.setdefault(tuple(sig[i, b * rows : (b + 1) * rows].tolist()), []).append(i)
        for members in buckets.values():
            if len(members) > max_bucket:
                continue
            for k in range(1, len(members)):
                for other in {members[0], members[k - 1]}:
                    pair = (other, members[k])
                    if np.mean(sig[pair[0]] == sig[pair[1]]) >= min_estimate:
                        out.add(pair)
    return sorted(out)


def planted_signatures(n, width, seed, values):
    """Random uint16 rows over a small value range (many chance collisions), half of them near
    copies of an earlier row with a few values changed."""
    rng = np.random.default_rng(seed)
    sig = rng.integers(0, values, size=(n, width), dtype=np.uint16)
    for i in range(1, n, 2):
        src = int(rng.integers(0, i))
        changed = rng.random(width) < rng.uniform(0.2, 0.9)
        sig[i] = np.where(changed, sig[i], sig[src])
    return sig


@pytest.mark.parametrize(
    ("bands", "rows", "min_estimate", "max_bucket", "values", "with_eligible"),
    [
        (24, 1, 0.125, 50, 40, False),  # passage banding: one-row bands, many chance collisions
        (24, 1, 0.125, 6, 40, True),  # small bucket cap, some rows not eligible
        (12, 2, 0.15, 1000, 6, False),  # document-style banding (hashed two-row keys)
        (8, 3, 0.0, 4, 3, True),  # width not a multiple of 8 (no popcount path)
    ],
)
def test_candidate_pairs_match_reference(bands, rows, min_estimate, max_bucket, values, with_eligible):
    sig = planted_signatures(300, bands * rows, seed=bands + rows + max_bucket, values=values)
    eligible = (np.arange(len(sig)) % 5 != 3) if with_eligible else None
    pairs, est = candidate_pairs(sig, bands, rows, min_estimate=min_estimate, max_bucket=max_bucket, eligible=eligible)
    expected = reference_pairs(sig, bands, rows, min_estimate, max_bucket, eligible)
    assert len(expected) > 50  # the case exercises buckets, not an empty result
    assert [tuple(p) for p in pairs.tolist()] == expected
    assert np.allclose(est, [np.mean(sig[i] == sig[j]) for i, j in expected])
    assert np.allclose(estimate(sig, pairs), est)


def test_candidate_pairs_small_inputs():
    sig = np.zeros((1, 4), dtype=np.uint16)
    assert candidate_pairs(sig, 4, 1)[0].shape == (0, 2)
    sig = np.arange(8, dtype=np.uint16).reshape(2, 4)
    assert candidate_pairs(sig, 4, 1)[0].shape == (0, 2)  # no shared value
    assert candidate_pairs(np.zeros((2, 4), dtype=np.uint16), 4, 1)[0].tolist() == [[0, 1]]


def test_datasketch_backend_finds_every_pair_sharing_a_band():
    from audit.duplicates.lsh import datasketch_candidate_pairs

    sig = planted_signatures(200, 24, seed=7, values=6)
    pairs, est = datasketch_candidate_pairs(sig, 12, 2, min_estimate=0.15)
    expected = sorted(
        (i, j)
        for j in range(len(sig))
        for i in range(j)
        if any((sig[i, 2 * b : 2 * b + 2] == sig[j, 2 * b : 2 * b + 2]).all() for b in range(12))
        and np.mean(sig[i] == sig[j]) >= 0.15
    )
    assert len(expected) > 50
    assert [tuple(p) for p in pairs.tolist()] == expected
    assert np.allclose(est, estimate(sig, pairs))
    # The numpy banding emits a subset of these (about 2k pairs per bucket of k items).
    ours, _ = candidate_pairs(sig, 12, 2, min_estimate=0.15)
    assert {tuple(p) for p in ours.tolist()} <= set(expected)


def test_datasketch_backend_gives_the_same_clusters():
    from audit.duplicates import DuplicatesConfig
    from tests.duplicates.harness import run
    from tests.duplicates.texts import article, filler, republish

    docs = {}
    for s in range(6):
        paras = filler(6, seed=100 + s)
        docs[f"orig{s}"] = article(f"Story {s}", paras, byline="By A. Writer")
        docs[f"copy{s}"] = republish(f"Story {s} (republished)", paras, drop=1, seed=s)
        docs[f"other{s}"] = article(f"Other {s}", filler(5, seed=200 + s))
    findings_np, clusters_np = run(docs, DuplicatesConfig())
    findings_ds, clusters_ds = run(docs, DuplicatesConfig(lsh="datasketch"))
    assert sum(c.level == "document" for c in clusters_np) >= 6
    assert [c.to_dict() for c in clusters_ds] == [c.to_dict() for c in clusters_np]
    assert {k: [f.to_dict() for f in v] for k, v in findings_ds.items()} == {
        k: [f.to_dict() for f in v] for k, v in findings_np.items()
    }
