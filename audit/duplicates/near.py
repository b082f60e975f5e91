"""Near-duplicate documents (DUP002): LSH candidates, verified by word alignment, star clusters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from audit.duplicates import align as al
from audit.duplicates import facts
from audit.duplicates import subjects as sj
from audit.duplicates.config import DuplicatesConfig
from audit.duplicates.corpus import Corpus
from audit.duplicates.lsh import UnionFind, candidate_pairs, datasketch_candidate_pairs, estimate, star_clusters
from audit.duplicates.rules import DUP002, DUP005, DUP006
from audit.duplicates.templates import PageTemplates
from audit.model import Cluster, Location, Related, Severity
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


def verify_pair(text_a: str, text_b: str, config: DuplicatesConfig | None = None) -> al.DocVerdict:
    """Are two texts near-duplicate documents? The one verified measure the scan uses (word alignment,
    shared runs of ``min_run``+ words; ``doc_similarity`` / ``doc_containment`` thresholds).

    Returns ``DocVerdict(duplicate, similarity, reason)``: ``similarity`` is the verified similarity
    (share of both texts' words in shared runs), ``duplicate`` whether the pair passes. Meant for
    callers outside a scan (the filter's in-batch and in-index decisions) so that both decide alike.
    """
    cfg = config or DuplicatesConfig()
    if al.exact_key(text_a) == al.exact_key(text_b):
        return al.DocVerdict(True, 1.0, "exact")
    alignment = al.align(al.words(text_a).tokens, al.words(text_b).tokens, cfg.min_run)
    return al.document_verdict(alignment, cfg.doc_similarity, cfg.doc_containment, cfg.doc_min_other_coverage)


def verify_docs(corpus: Corpus, a: int, b: int, alignments: dict | None = None) -> DocEdge | None:
    """Align two documents' words; an edge when they are near copies under the configured thresholds
    (its alignment is then put in ``alignments``, when given, under ``(a, b)``)."""
    cfg = corpus.config
    _, wa = corpus.words(a)
    _, wb = corpus.words(b)
    alignment = al.align(wa.tokens, wb.tokens, cfg.min_run)
    verdict = al.document_verdict(alignment, cfg.doc_similarity, cfg.doc_containment, cfg.doc_min_other_coverage)
    corpus.calibration.append((verdict.similarity, verdict.duplicate))
    if not verdict.duplicate:
        return None
    if alignments is not None:
        alignments[(a, b)] = alignment
    a0, a1 = alignment.word_range_a()
    b0, b1 = alignment.word_range_b()
    return DocEdge(
        verdict.similarity,
        verdict.reason,
        wa.span(a0, a1),
        wb.span(b0, b1),
        alignment.coverage_a,
        alignment.coverage_b,
    )


def _candidates(sig: np.ndarray, cfg) -> tuple[np.ndarray, np.ndarray]:
    if cfg.lsh == "datasketch":
        return datasketch_candidate_pairs(sig, cfg.bands, cfg.rows, min_estimate=cfg.min_estimate)
    return candidate_pairs(sig, cfg.bands, cfg.rows, min_estimate=cfg.min_estimate, max_bucket=cfg.max_bucket)


#: Verified pairs (in the order verified) that are one template filled twice, not copies: their edge and
#: whether their subjects differ (True) or their figures (False).
Templates = dict[tuple[int, int], tuple[DocEdge, bool]]


def _cached(
    corpus: Corpus, templates: Templates, pages: PageTemplates | None = None
) -> Callable[[int, int], DocEdge | None]:
    """``verify_docs`` with a symmetric cache (the verdict is symmetric; only the spans swap). A pair on
    one template with different figures, or with different subjects (:mod:`.subjects`), is no edge; it is
    recorded in ``templates`` (DUP005). A pair that is a near copy only through its pages' site template
    (``pages``) is no edge either."""
    cache: dict[tuple[int, int], DocEdge | None] = {}
    aligned: dict[tuple[int, int], al.Alignment] = {}
    cfg = corpus.config

    def verify(a: int, b: int) -> DocEdge | None:
        if (a, b) in cache:
            return cache[(a, b)]
        if (b, a) in cache:
            other = cache[(b, a)]
            return None if other is None else other.swapped()
        edge = verify_docs(corpus, a, b, aligned)
        alignment = aligned.pop((a, b), None)
        # Facts are compared inside the aligned spans: a republished copy's new header, byline and
        # footer (another outlet's name and numbers) are not the story's facts.
        if edge is not None and facts.same_template(
            corpus.raw(a)[edge.span_a[0] : edge.span_a[1]],
            corpus.raw(b)[edge.span_b[0] : edge.span_b[1]],
            cfg.template_min_figures,
            cfg.template_max_fact_share,
        ):
            templates[(a, b)] = (edge, False)
            edge = None
        elif edge is not None and pages is not None and alignment is not None and not pages.keeps(a, b, alignment):
            edge = None  # near copies only through their page furniture
        elif edge is not None and alignment is not None and subject_change(corpus, a, b, alignment.runs):
            templates[(a, b)] = (edge, True)
            edge = None
        cache[(a, b)] = edge
        return edge

    return verify


def near_clusters(
    corpus: Corpus,
    sig_chunks: list[np.ndarray],
    ord_chunks: list[np.ndarray],
    result: CorpusResult,
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
    templates: Templates = {}
    pages = PageTemplates(corpus, corpus.unit_keys) if corpus.config.template_min_pages > 0 else None
    verify = _cached(corpus, templates, pages)
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
    stats["document_pairs_template_only"] = 0 if pages is None else pages.dropped
    # Estimated Jaccard of every (kept, member) pair, in one pass.
    est_rows = np.array(
        [(row_of[kept], row_of[m]) for kept, members in stars for m, _ in sorted(members)], dtype=np.int64
    ).reshape(-1, 2)
    estimates = iter(estimate(sig, est_rows).tolist())
    for n, (kept, members) in enumerate(stars, 1):
        _report_cluster(corpus, result, n, kept, sorted(members), estimates)
    stats["near_document_clusters"] = len(stars)
    stats["calibration"] = calibration(corpus, stars)
    stats["template_documents"] = _report_templates(corpus, result, templates) if corpus.wants("DUP005") else 0


def _report_templates(corpus: Corpus, result: CorpusResult, templates: Templates) -> int:
    """DUP005 on each document that follows an earlier one's template with different figures or subjects
    (once per document, naming its most similar partner); documents already in a copy cluster are left out."""
    best: dict[int, tuple[float, int, DocEdge, tuple[int, int] | None]] = {}
    for (a, b), (edge, by_subject) in templates.items():
        first, other = (a, b) if corpus.priority(a) <= corpus.priority(b) else (b, a)
        if first != a:
            edge = edge.swapped()
        if other in corpus.copies or first in corpus.copies:
            continue
        if other not in best or (edge.similarity, -first) > (best[other][0], -best[other][1]):
            best[other] = (edge.similarity, first, edge, (a, b) if by_subject else None)
    for other, (_sim, first, edge, verified) in sorted(best.items()):
        corpus.template_pairs.add((min(first, other), max(first, other)))
        subject = None
        if verified is not None:  # the names that differ, found again in the order the pair was verified
            a, b = verified
            subject = subject_change(
                corpus, a, b, al.align(corpus.words(a)[1].tokens, corpus.words(b)[1].tokens, corpus.config.min_run).runs
            )
            if subject is not None and first != a:
                subject = subject.swapped()
        result.add(other, template_finding(corpus, first, edge.span_a, other, edge.span_b, edge.similarity, subject))
    return len(best)


def subject_change(corpus: Corpus, a: int, b: int, runs: tuple[tuple[int, int, int], ...]) -> sj.SubjectChange | None:
    """:func:`audit.duplicates.subjects.subject_change` of two documents aligned by ``runs`` (word indices
    of their whole texts)."""
    ta, wa = corpus.words(a)
    tb, wb = corpus.words(b)
    return sj.subject_change(ta, wa, _vocabulary(corpus, a), tb, wb, _vocabulary(corpus, b), runs)


def _vocabulary(corpus: Corpus, ordinal: int) -> sj.Vocabulary:
    return corpus.derived("vocabulary", ordinal, lambda _text: sj.vocabulary(*corpus.words(ordinal)))


def template_finding(
    corpus: Corpus,
    a: int,
    span_a: tuple[int, int],
    b: int,
    span_b: tuple[int, int],
    similarity: float,
    subject: sj.SubjectChange | None = None,
):
    """DUP005 on ``b``: its text at ``span_b`` follows ``a``'s at ``span_a`` with different figures, or
    with a different subject (``subject``: the names that differ, in document offsets)."""
    cfg, ids = corpus.config, corpus.ids
    ta, tb = corpus.raw(a), corpus.raw(b)
    diffs = [d for d in alterations(corpus, a, span_a, b, span_b) if d.kind == "fact"][: cfg.max_alterations]
    if not diffs and subject is None:  # facts too close for the word alignment ("6.21 pct on Monday")
        found = facts.facts_in_place(ta[span_a[0] : span_a[1]], tb[span_b[0] : span_b[1]])
        diffs = [_shifted(d, span_a[0], span_b[0]) for d in found.diffs[: cfg.max_alterations]]
    shown = "; ".join(f"{' '.join(d.text_a.split())} / {' '.join(d.text_b.split())}" for d in diffs[:4])
    share = facts.fact_share(ta[span_a[0] : span_a[1]], tb[span_b[0] : span_b[1]])
    data: dict[str, Any] = {
        "template_of": {"document": ids[a], "start": span_a[0], "end": span_a[1]},
        "similarity": round(similarity, 4),
        "figures_shared": round(share.share, 4),
        "facts": [_fact_dict(d) for d in diffs],
    }
    if subject is None:
        least = min(share.count_a, share.count_b)
        message = (
            f"same template as {ids[a]} with different facts"
            + (f" ({share.shared} of {least} figures shared)" if least else "")
            + (f": {shown}" if shown else "")
        )
    else:
        message = (
            f"same template as {ids[a]} with a different subject: {' '.join(subject.text_a.split())} / "
            f"{' '.join(subject.text_b.split())}" + (f" (other facts: {shown})" if shown else "")
        )
        data["subject"] = _fact_dict(
            facts.Difference("subject", subject.span_a, subject.span_b, subject.text_a, subject.text_b)
        )
    return DUP005.finding(span_b, message, data=data)


def alterations(corpus: Corpus, a: int, span_a: tuple[int, int], b: int, span_b: tuple[int, int]):
    """Differences (changed facts, inserted words) of ``b[span_b]`` against ``a[span_a]``, in document offsets."""
    ta, tb = corpus.raw(a)[span_a[0] : span_a[1]], corpus.raw(b)[span_b[0] : span_b[1]]
    wa, wb = al.words_batch([ta, tb])
    return [
        _shifted(d, span_a[0], span_b[0])
        for d in facts.differences(ta, wa, tb, wb, limit=corpus.config.max_alterations)
    ]


def _shifted(d: facts.Difference, offset_a: int, offset_b: int) -> facts.Difference:
    """``d`` with its spans moved by the offsets of the texts it was found in."""
    return facts.Difference(
        d.kind,
        (d.span_a[0] + offset_a, d.span_a[1] + offset_a),
        (d.span_b[0] + offset_b, d.span_b[1] + offset_b),
        d.text_a,
        d.text_b,
    )


def _fact_dict(d: facts.Difference) -> dict:
    return {
        "kept_text": d.text_a,
        "text": d.text_b,
        "kept_start": d.span_a[0],
        "kept_end": d.span_a[1],
        "start": d.span_b[0],
        "end": d.span_b[1],
    }


def alteration_findings(
    corpus: Corpus, a: int, span_a: tuple[int, int], b: int, span_b: tuple[int, int], cid: str, similarity: float
) -> list:
    """DUP006 findings (info) on copy ``b`` for each changed fact and changed or inserted words."""
    out = []
    for d in alterations(corpus, a, span_a, b, span_b):
        if d.kind == "fact":
            msg = f'altered fact: the kept copy {corpus.ids[a]} says "{d.text_a}", this copy says "{d.text_b}"'
            sev = Severity.INFO
        elif d.kind == "changed":
            msg = f'changed words: the kept copy {corpus.ids[a]} says "{d.text_a}", this copy says "{d.text_b}"'
            sev = Severity.INFO
        else:
            msg = f'inserted words "{d.text_b}": the kept copy {corpus.ids[a]} has "{d.text_a}"'
            sev = Severity.INFO
        out.append(
            DUP006.finding(
                d.span_b,
                msg,
                related=[Related(corpus.ids[a], d.span_a[0], d.span_a[1], similarity)],
                data={"cluster": cid, "kept": corpus.ids[a], "kind": d.kind, "kept_text": d.text_a, "text": d.text_b},
                severity=sev,
            )
        )
    return out


def _report_cluster(corpus: Corpus, result: CorpusResult, n: int, kept: int, members: list, estimates) -> None:
    cfg, ids = corpus.config, corpus.ids
    cid = f"near-doc-{n}"
    all_docs: list[int] = [kept] + [m for m, _ in members]
    for o in all_docs:
        corpus.doc_cluster[o] = n
        if o != kept:
            corpus.copies.add(o)
        for g in corpus.groups.get(corpus.first_of(o), ()):
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
                    "cluster_size": len(all_docs),
                    "kept": ids[kept],
                    "kept_span": list(edge.span_a),
                    "similarity": round(edge.similarity, 4),
                    "coverage": round(edge.coverage_b, 4),
                    "coverage_kept": round(edge.coverage_a, 4),
                    "estimated_jaccard": round(est_j, 4),
                    "reason": edge.reason,
                },
            ),
        )
        if corpus.wants("DUP006"):
            whole_kept, whole_m = (0, corpus.lengths[kept]), (0, corpus.lengths[m])
            for f in alteration_findings(corpus, kept, whole_kept, m, whole_m, cid, edge.similarity):
                result.add(m, f)
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


def calibration(corpus: Corpus, stars: list, bins: int = 20, least: int = 5) -> dict:
    """What a calibration view needs (report.json duplicates.calibration): the verified similarity of
    every verified candidate pair, accepted and rejected, as a histogram with the threshold; the
    banding S-curve of the configured bands x rows (probability that a pair of Jaccard j becomes a
    candidate); and the least similar accepted pairs (kept copy, member, similarity)."""
    cfg = corpus.config
    accepted, rejected = [0] * bins, [0] * bins
    for sim, ok in corpus.calibration:
        (accepted if ok else rejected)[min(bins - 1, int(sim * bins))] += 1
    curve = [[round(j / bins, 3), round(1 - (1 - (j / bins) ** cfg.rows) ** cfg.bands, 4)] for j in range(bins + 1)]
    pairs = sorted((edge.similarity, corpus.ids[kept], corpus.ids[m]) for kept, members in stars for m, edge in members)
    return {
        "bins": bins,
        "threshold": cfg.doc_similarity,
        "accepted": accepted,
        "rejected": rejected,
        "bands": cfg.bands,
        "rows": cfg.rows,
        "s_curve": curve,
        "least_similar": [{"kept": k, "member": m, "similarity": round(s, 4)} for s, k, m in pairs[:least]],
    }
