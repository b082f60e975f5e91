"""LSH banding over compact signatures, and clustering that never chains.

Pure numpy helpers. Signatures are kept as ``uint16`` (the low 16 bits of each
MinHash value): two unrelated values agree by chance with probability 1/65536,
which changes a Jaccard estimate by less than 0.0001, and a band of ``rows``
values still gives a ``16 * rows``-bit bucket key. This halves the state per
document compared with uint32 and needs no Python object per item.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Sequence

import numpy as np

from audit.tokenhash import _splitmix64

_U64 = np.uint64
#: Pairs (or sorted rows) handled per numpy pass in banding and estimates.
_CHUNK = 1 << 16
#: Bytes of signature rows gathered at once for the estimates of candidate pairs.
_GATHER_BYTES = 1 << 20


def band_keys16(sig16: np.ndarray, bands: int, rows: int, band: int) -> np.ndarray:
    """uint64 bucket keys of one band for every row of a ``n x (bands*rows)`` uint16 matrix."""
    block = sig16[:, band * rows : (band + 1) * rows].astype(np.uint64)
    with np.errstate(over="ignore"):
        key = np.full(len(sig16), _U64(band + 1) * _U64(0x9E3779B97F4A7C15), dtype=np.uint64)
        for r in range(rows):
            key ^= block[:, r]
            key = _splitmix64(key)
    return key


def candidate_pairs(
    sig16: np.ndarray,
    bands: int,
    rows: int,
    *,
    min_estimate: float = 0.0,
    max_bucket: int = 1000,
    eligible: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs ``(i, j)`` with ``i < j`` that share a band, deduplicated.

    In a bucket of ``k`` items only ``2k`` pairs are emitted (each item with the
    bucket's first item and with its predecessor), so a large bucket costs
    linear, not quadratic, work; clustering checks members against the kept copy
    anyway. Buckets larger than ``max_bucket`` are skipped (boilerplate).
    Pairs whose estimated Jaccard similarity is below ``min_estimate`` are dropped.
    Returns the pairs and their estimated similarities.

    Items of a bucket are taken in index order (stable sort), so every emitted
    pair is already ``(smaller, larger)`` and the pairs of one band are distinct;
    only the union over bands needs deduplicating. With one-row bands the bucket
    key is the value itself (uint16: a radix sort), which gives the same buckets
    as hashing it.
    """
    n = len(sig16)
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0)
    idx_all = np.arange(n, dtype=np.int64) if eligible is None else np.flatnonzero(eligible)
    # No copy of the eligible rows' signatures (it made the peak grow with the passages' count): one
    # band's keys at a time, and rows gathered for the estimates in chunks of at most _GATHER_BYTES.
    step = max(1024, _GATHER_BYTES // max(1, sig16.shape[1] * sig16.itemsize))
    found: list[np.ndarray] = []
    for band in range(bands):
        keys = sig16[:, band] if rows == 1 else band_keys16(sig16, bands, rows, band)
        keys = keys[idx_all] if eligible is not None else np.ascontiguousarray(keys)
        order = np.argsort(keys, kind="stable")
        k = keys[order]
        same = k[1:] == k[:-1]
        if not same.any():
            continue
        # Run starts and each element's run start.
        new_run = np.concatenate(([True], ~same))
        run_id = np.cumsum(new_run) - 1
        run_start = np.flatnonzero(new_run)
        run_len = np.diff(np.append(run_start, len(k)))
        # Every element that is not the first of its run, outside runs over max_bucket.
        pos = np.flatnonzero(~new_run & (run_len[run_id] <= max_bucket))
        if pos.size == 0:
            continue
        first_pos = run_start[run_id[pos]]
        # (first, cur) for every member; (prev, cur) where prev is not the first item itself.
        # Estimates are taken in sorted order, chunk by chunk: a bucket's rows are neighbours
        # there, so one gather of the chunk's rows replaces two random reads per pair.
        for c0 in range(0, len(pos), step):
            p, f = pos[c0 : c0 + step], first_pos[c0 : c0 + step]
            lo = int(f[0])
            rows_sorted = np.take(sig16, idx_all[order[lo : int(p[-1]) + 1]], axis=0)
            later = p - 1 > f
            left = np.concatenate([f, p[later] - 1])
            right = np.concatenate([p, p[later]])
            est = _equal_share(np.take(rows_sorted, left - lo, axis=0), np.take(rows_sorted, right - lo, axis=0))
            keep = est >= min_estimate
            left, right = idx_all[order[left[keep]]], idx_all[order[right[keep]]]
            found.append(left << 32 | right)
    if not found:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0)
    key = _sorted_unique(np.concatenate(found))
    pairs = np.stack([key >> 32, key & 0xFFFFFFFF], 1)
    return pairs, estimate(sig16, pairs)


def _unique_pairs(pairs: np.ndarray) -> np.ndarray:
    if len(pairs) == 0:
        return pairs.reshape(0, 2)
    key = _sorted_unique(pairs[:, 0].astype(np.int64) << 32 | pairs[:, 1].astype(np.int64))
    return np.stack([key >> 32, key & 0xFFFFFFFF], 1)


def datasketch_candidate_pairs(
    sig16: np.ndarray,
    bands: int,
    rows: int,
    min_estimate: float = 0.0,
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`candidate_pairs` through datasketch's ``MinHashLSH`` (``[duplicates] lsh = "datasketch"``).

    Every signature row becomes a ``LeanMinHash`` (its values as hash values) and is queried
    against the documents inserted before it, with the same bands x rows. The candidates are
    every pair that shares a band (a superset of :func:`candidate_pairs`, which emits ~2k pairs
    per bucket of k items and skips buckets over ``max_bucket``); verification and star
    clustering make the clusters the same. Slower and larger in memory (a Python object and
    ``bands`` dict entries per document): measured in benchmarks/bench_dedup.py.
    """
    from datasketch import LeanMinHash, MinHashLSH

    n, width = sig16.shape
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0)
    lsh = MinHashLSH(num_perm=width, params=(bands, rows))
    values = sig16.astype(np.uint64)
    found: list[int] = []
    try:  # datasketch >= 2.0 wants the scheme of values it did not compute; older versions have none
        LeanMinHash(seed=1, hashvalues=values[:1].ravel(), scheme="legacy")
        extra = {"scheme": "legacy"}
    except TypeError:
        extra = {}
    for i in range(n):
        m = LeanMinHash(seed=1, hashvalues=values[i], **extra)
        found.extend((j << 32) | i for j in lsh.query(m))
        lsh.insert(i, m, check_duplication=False)
    if not found:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0)
    key = np.unique(np.asarray(found, dtype=np.int64))
    pairs = np.stack([key >> 32, key & 0xFFFFFFFF], 1)
    est = estimate(sig16, pairs)
    keep = est >= min_estimate
    return pairs[keep], est[keep]


def _sorted_unique(key: np.ndarray) -> np.ndarray:
    """np.unique by sorting (numpy's hash-based unique is several times slower on int64 keys)."""
    key = np.sort(key)
    if len(key) < 2:
        return key
    return key[np.concatenate(([True], key[1:] != key[:-1]))]


def estimate(sig16: np.ndarray, pairs: np.ndarray, chunk: int = _CHUNK) -> np.ndarray:
    """Estimated Jaccard similarity of each pair (share of equal signature values)."""
    pairs = np.asarray(pairs).reshape(-1, 2)
    return estimate_ij(sig16, pairs[:, 0], pairs[:, 1], chunk)


def estimate_ij(sig16: np.ndarray, left: np.ndarray, right: np.ndarray, chunk: int = _CHUNK) -> np.ndarray:
    """Estimated Jaccard similarity of rows ``left[k]`` and ``right[k]`` (share of equal values)."""
    out = np.empty(len(left))
    for s in range(0, len(left), chunk):
        a = np.take(sig16, left[s : s + chunk], axis=0)  # np.take copies rows far faster than fancy indexing
        out[s : s + chunk] = _equal_share(a, np.take(sig16, right[s : s + chunk], axis=0))
    return out


def _equal_share(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Share of equal values in each row of two same-shape matrices."""
    eq = a == b
    width = eq.shape[1]
    if width % 8 == 0 and hasattr(np, "bitwise_count"):
        # A row of equal flags is whole uint64 words: count the set bits (one per equal value).
        bits = np.bitwise_count(eq.view(np.uint64))
        counts = bits[:, 0].astype(np.int64)
        for c in range(1, bits.shape[1]):
            counts += bits[:, c]
    else:
        counts = np.count_nonzero(eq, axis=1)
    return counts / width


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if ra < rb:
                self.parent[rb] = ra
            else:
                self.parent[ra] = rb

    def components(self, nodes: Iterable[int]) -> list[list[int]]:
        groups: dict[int, list[int]] = {}
        for n in nodes:
            groups.setdefault(self.find(n), []).append(n)
        return [sorted(g) for g in groups.values() if len(g) > 1]


def star_clusters(
    component: Sequence[int],
    priority: Callable[[int], tuple],
    verify: Callable[[int, int], object | None],
) -> list[tuple[int, list[tuple[int, object]]]]:
    """Split a component of verified edges into stars around kept copies.

    The best-priority node becomes a kept copy; every other node joins it only
    if ``verify(kept, node)`` returns a result (not ``None``); the rest repeat
    the process among themselves. So every member is verified against its
    cluster's kept copy and a chain A~B~C never puts A and C together unless
    A~C itself holds. Returns ``[(kept, [(member, result), ...]), ...]`` for
    stars with at least one member.
    """
    return bounded_stars(component, priority, verify, None)[0]


def bounded_stars(
    component: Sequence[int], priority: Callable[[int], tuple], verify: Callable[[int, int], Any], budget: int | None
) -> tuple[list, bool]:
    """:func:`star_clusters` with at most ``budget`` verifications (None: no limit). A group of passages that chain into
    one component (many documents sharing many sentences) can make star clustering quadratic; past
    the budget its remaining passages are left unclustered. Returns the stars and whether it finished."""
    remaining = sorted(component, key=priority)
    out: list[tuple[int, list[tuple[int, Any]]]] = []
    spent = 0
    while len(remaining) > 1:
        if budget is not None and spent + len(remaining) - 1 > budget:
            return out, False
        spent += len(remaining) - 1
        kept = remaining[0]
        members, rest = [], []
        for node in remaining[1:]:
            res = verify(kept, node)
            if res is None:
                rest.append(node)
            else:
                members.append((node, res))
        if members:
            out.append((kept, members))
        remaining = rest
    return out, True
