"""Near-duplicate documents (DUP002): LSH candidates, verified by word alignment, star clusters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from audit.duplicates import align as al
from audit.duplicates.corpus import Corpus
from audit.duplicates.lsh import UnionFind, candidate_pairs, datasketch_candidate_pairs, estimate, star_clusters
from audit.duplicates.rules import DUP002
from audit.model import Cluster, Location, Related
from audit.rules import CorpusResult

#: Candidate pairs verified per batch of tokenised documents (bounds the words held at once).
PREFETCH_PAIRS = 512


@dataclass(frozen=True, slots=True)
class DocEdge:
    similarity: float
    reason: str
    span_a: tuple[int, int]  # aligned span in the first (kept) document
    span_b: tuple[int, int]
    coverage_a: float
    coverage_b: float

    def swapped(self) -> DocEdge:
        return DocEdge(self.similarity, self.reason, self.span_b, self.span_a, self.coverage_b, self.coverage_a)


def verify_docs(corpus: Corpus, a: int, b: int) -> DocEdge | None:
    """Align two documents' words; an edge when they are near copies under the configured thresholds."""
    cfg = corpus.config
    _, wa = corpus.words(a)
    _, wb = corpus.words(b)
    alignment = al.align(wa.tokens, wb.tokens, cfg.min_run)
    verdict = al.document_verdict(alignment, cfg.doc_similarity, cfg.doc_containment, cfg.doc_min_other_coverage)
    if not verdict.duplicate:
        return None
    a0, a1 = alignment.word_range_a()
    b0, b1 = alignment.word_range_b()
    return DocEdge(
        verdict.similarity, verdict.reason, wa.span(a0, a1), wb.span(b0, b1),
        alignment.coverage_a, alignment.coverage_b,
    )


def _candidates(sig: np.ndarray, cfg) -> tuple[np.ndarray, np.ndarray]:
    if cfg.lsh == "datasketch":
        return datasketch_candidate_pairs(sig, cfg.bands, cfg.rows, min_estimate=cfg.min_estimate)
    return candidate_pairs(sig, cfg.bands, cfg.rows, min_estimate=cfg.min_estimate, max_bucket=cfg.max_bucket)


def _cached(corpus: Corpus) -> Callable[[int, int], DocEdge | None]:
    """``verify_docs`` with a symmetric cache (the verdict is symmetric; only the spans swap)."""
    cache: dict[tuple[int, int], DocEdge | None] = {}

    def verify(a: int, b: int) -> DocEdge | None:
        if (a, b) in cache:
            return cache[(a, b)]
        if (b, a) in cache:
            other = cache[(b, a)]
            return None if other is None else other.swapped()
        cache[(a, b)] = edge = verify_docs(corpus, a, b)
        return edge

    return verify


def near_clusters(
    corpus: Corpus, sig_chunks: list[np.ndarray], ord_chunks: list[np.ndarray], result: CorpusResult,
    stats: dict[str, Any],
) -> None:
    """Cluster near-duplicate documents (exact groups stand in through their kept copy) and report DUP002."""
    if not sig_chunks:
        return
    sig = np.concatenate(sig_chunks)
    ords = np.concatenate(ord_chunks)
    pairs, _est = _candidates(sig, corpus.config)
    stats["document_candidates"] = int(len(pairs))
    node = {int(o): corpus.rep_kept.get(int(o), int(o)) for o in ords}
    row_of = {node[int(o)]: i for i, o in enumerate(ords)}
    verify = _cached(corpus)
    uf = UnionFind()
    verified = 0
    plist = [(node[int(ords[i])], node[int(ords[j])]) for i, j in pairs.tolist()]
    for c in range(0, len(plist), PREFETCH_PAIRS):
        chunk = plist[c : c + PREFETCH_PAIRS]
        corpus.prefetch({o for pair in chunk for o in pair})
        for a, b in chunk:
            if verify(a, b) is not None:
                verified += 1
                uf.union(a, b)
    stats["document_pairs_verified"] = verified
    stars = []
    for comp in uf.components(uf.parent.keys() | {v for v in uf.parent.values()}):
        stars.extend(star_clusters(comp, corpus.priority, verify))
    stars.sort(key=lambda s: (s[0], min(m for m, _ in s[1])))
    # Estimated Jaccard of every (kept, member) pair, in one pass.
    est_rows = np.array([(row_of[kept], row_of[m]) for kept, members in stars for m, _ in sorted(members)],
                        dtype=np.int64).reshape(-1, 2)
    estimates = iter(estimate(sig, est_rows).tolist())
    for n, (kept, members) in enumerate(stars, 1):
        _report_cluster(corpus, result, n, kept, sorted(members), estimates)
    stats["near_document_clusters"] = len(stars)


def _report_cluster(corpus: Corpus, result: CorpusResult, n: int, kept: int, members: list, estimates) -> None:
    cfg, ids = corpus.config, corpus.ids
    first_of = {k: first for first, k in corpus.rep_kept.items()}
    cid = f"near-doc-{n}"
    all_docs = [kept] + [m for m, _ in members]
    for o in all_docs:
        corpus.doc_cluster[o] = n
        if o != kept:
            corpus.copies.add(o)
        for g in corpus.groups.get(first_of.get(o, o), ()):
            corpus.doc_cluster[g] = n
    sims = []
    for m, edge in members:
        sims.append(edge.similarity)
        est_j = next(estimates)
        what = "a shortened copy" if edge.reason == "contained" else "a near copy"
        result.add(
            m,
            DUP002.finding(
                edge.span_b,
                f"{what} of {ids[kept]}: {edge.similarity:.0%} of the words of both lie in "
                f"shared runs of {cfg.min_run}+ words ({edge.coverage_b:.0%} of this document)",
                related=[Related(ids[kept], edge.span_a[0], edge.span_a[1], edge.similarity)],
                data={
                    "cluster": cid,
                    "kept": ids[kept],
                    "similarity": round(edge.similarity, 4),
                    "coverage": round(edge.coverage_b, 4),
                    "coverage_kept": round(edge.coverage_a, 4),
                    "estimated_jaccard": round(est_j, 4),
                    "reason": edge.reason,
                },
            ),
        )
    result.clusters.append(
        Cluster(
            id=cid,
            kind="near",
            level="document",
            members=[Location(ids[o], 0, corpus.lengths[o]) for o in sorted(all_docs)],
            similarity_min=min(sims),
            kept=Location(ids[kept], 0, corpus.lengths[kept]),
            data={"rule": "DUP002", "sources": corpus.sources_of(all_docs)},
        )
    )
