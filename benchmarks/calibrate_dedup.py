"""Calibrate the duplicates defaults on synthetic copies (prints tables for docs/duplicates.md).

    python benchmarks/calibrate_dedup.py --docs 20000

For every planted pair (a story and its exact, republished or shortened copy) and
for random pairs of unrelated articles (same outlet, so sharing boilerplate, and
sharing a quote) it prints: the word-5-gram Jaccard, the verification values
(aligned-word similarity and coverage), LSH candidate probability for several
bands x rows choices, and precision/recall of the verification thresholds.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from audit import minhash  # noqa: E402
from audit.duplicates import align as al  # noqa: E402
from benchmarks.synth_news import corpus  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    recs, planted = corpus(args.docs, seed=args.seed)
    docs = {r["id"]: r for r in recs}
    P = minhash.MinHashParams(5, 120, 40, 3)
    by = {k: r["text"] for k, r in docs.items()}
    pos = [(g[0], b) for g in planted.groups for b in g[1:]]
    group_of = {x: i for i, g in enumerate(planted.groups) for x in g}
    rng = random.Random(0)
    by_src: dict[str, list[str]] = {}
    for k, r in docs.items():
        by_src.setdefault(r["source"], []).append(k)
    neg = []
    while len(neg) < 2000:
        s = rng.choice(list(by_src))
        if len(by_src[s]) < 2:
            continue
        a, b = rng.sample(by_src[s], 2)
        if group_of.get(a, -1) != group_of.get(b, -2):
            neg.append((a, b))
    neg += [q for q in planted.quote_pairs if group_of.get(q[0], -1) != group_of.get(q[1], -2)]

    def feats(pairs):
        out = []
        for a, b in pairs:
            j = minhash.jaccard(minhash.tokens(by[a]), minhash.tokens(by[b]), P)
            wa, wb = al.words(by[a]), al.words(by[b])
            A = al.align(wa.tokens, wb.tokens, 6)
            short, long_ = (A.coverage_a, A.coverage_b) if A.len_a <= A.len_b else (A.coverage_b, A.coverage_a)
            out.append((j, A.similarity, short, long_))
        return np.array(out)

    t = time.perf_counter()
    fp, fn = feats(pos), feats(neg)
    print(
        f"{len(pos)} planted pairs, {len(neg)} unrelated pairs ({len(planted.quote_pairs)} sharing a quote); "
        f"features in {time.perf_counter() - t:.1f}s"
    )
    q = [0.0, 0.01, 0.05, 0.25, 0.5]
    print("planted word-5-gram Jaccard quantiles", dict(zip(q, np.round(np.quantile(fp[:, 0], q), 3), strict=False)))
    print(f"unrelated Jaccard max {fn[:, 0].max():.3f}, p99 {np.quantile(fn[:, 0], 0.99):.3f}")
    print("\nLSH candidate recall on planted pairs (exact probability 1-(1-J^r)^b, averaged):")
    for b, r in ((32, 4), (40, 3), (60, 2), (64, 2), (24, 5)):
        pr = 1 - (1 - fp[:, 0] ** r) ** b
        pn = 1 - (1 - fn[:, 0] ** r) ** b
        print(
            f"  {b:2d} bands x {r} rows (num_perm {b * r}): recall {pr.mean():.4f}, "
            f"min {pr.min():.3f}; unrelated pairs becoming candidates {pn.mean():.4f}"
        )
    print("\nverification: similarity >= S or (shorter covered >= C and longer covered >= 0.3)")
    for s in (0.5, 0.55, 0.6, 0.7):
        for c in (0.75, 0.8, 0.85):
            dp = (fp[:, 1] >= s) | ((fp[:, 2] >= c) & (fp[:, 3] >= 0.3))
            dn = (fn[:, 1] >= s) | ((fn[:, 2] >= c) & (fn[:, 3] >= 0.3))
            print(f"  S={s:.2f} C={c:.2f}: recall {dp.mean():.4f}  false positives {int(dn.sum())}/{len(fn)}")
    print(f"unrelated pairs: max similarity {fn[:, 1].max():.3f}, max shorter coverage {fn[:, 2].max():.3f}")


if __name__ == "__main__":
    main()
