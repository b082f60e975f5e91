"""Passage reuse (DUP003, DUP004): copied paragraphs inside and across documents.

Passages are indexed by an exact key and a short MinHash signature at observe
time. At finish, exact groups and LSH candidates are verified (rapidfuzz ratio of
whole passages, or long equal word runs when only part of a passage was copied),
extended over neighbouring matching passages, clustered as stars around the kept
copy and reported once per distinct set of copied regions.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator

import numpy as np

from audit import segment
from audit.duplicates import align as al
from audit.duplicates import facts
from audit.duplicates.corpus import Corpus
from audit.duplicates.lsh import UnionFind, bounded_stars, candidate_pairs, star_clusters
from audit.duplicates.near import alteration_findings, subject_change, template_finding
from audit.duplicates.rules import DUP003, DUP004
from audit.duplicates.subjects import SubjectChange, sentence_words
from audit.duplicates.units import document_unit_bounds, is_prose, is_quotation, units  # noqa: F401  (units re-exported)
from audit.model import Cluster, Location, Related, Severity
from audit.rules import CorpusResult
from audit.text import DENSE_RE


@dataclass(frozen=True, slots=True)
class Region:
    """Matched passage region: passages [a0, a1) of doc_a ~ [b0, b1) of doc_b, with char spans."""

    doc_a: int
    span_a: tuple[int, int]
    doc_b: int
    span_b: tuple[int, int]
    similarity: float
    exact: bool
    copied_words: int = 0  # > 0: only part of a passage was copied (words in shared runs)

    def swapped(self) -> Region:
        return Region(self.doc_b, self.span_b, self.doc_a, self.span_a, self.similarity, self.exact, self.copied_words)


# ---------------------------------------------------------------------------
# Verifying one pair of passages


def _passages_of(corpus: Corpus, ordinal: int) -> tuple[list[tuple[int, int]], list[int]]:
    """A document's passage units as (start, end) pairs, and their starts."""

    def compute(text: str) -> tuple[list[tuple[int, int]], list[int]]:
        columns = corpus.unit_columns(ordinal)  # the units the check computed when it observed the document
        if columns is not None:
            return list(zip(*columns, strict=True)), columns[0]
        window = corpus.config.passage_window_words
        spans = document_unit_bounds(text, lambda: [(p.start, p.end) for p in segment.passages(text)], window)
        return spans, [s for s, _ in spans]

    return corpus.derived("units", ordinal, compute)


def _similarity(corpus: Corpus, da: int, span_a: tuple[int, int], db: int, span_b: tuple[int, int]) -> float:
    """:func:`align.passage_similarity` of two spans, from their cached normalised texts."""
    return al.normalized_similarity(corpus.span_normalized(da, *span_a), corpus.span_normalized(db, *span_b))


def _partial_copy(corpus: Corpus, da: int, span_a: tuple[int, int], db: int, span_b: tuple[int, int]) -> Region | None:
    """Part of one passage copied into the other (a paragraph merged into a longer one, or a fragment of
    it): long equal word runs, aligned with rapidfuzz, report the copied spans."""
    cfg = corpus.config
    (sa, ea), (sb, eb) = span_a, span_b
    wa, wb = corpus.span_words(da, sa, ea), corpus.span_words(db, sb, eb)
    alignment = al.align(wa.tokens, wb.tokens, cfg.min_run)
    shorter = min(alignment.len_a, alignment.len_b)
    if not alignment.runs or alignment.matched < cfg.passage_containment * shorter:
        return None
    a0, a1 = wa.span(*alignment.word_range_a())
    b0, b1 = wb.span(*alignment.word_range_b())
    copied = dense_words(corpus.raw(db)[sb + b0 : sb + b1], alignment.matched)
    if copied < cfg.passage_min_copied_words:
        return None
    score = alignment.matched / shorter
    return Region(da, (sa + a0, sa + a1), db, (sb + b0, sb + b1), score, False, copied)


def dense_words(text: str, tokens: int) -> int:
    """``tokens`` word tokens of ``text`` counted as words: every character of a script written without spaces
    (Chinese, Japanese, Thai: :data:`audit.text.DENSE_RE`) is a token, and a word of those scripts is about two
    of them, so two such characters count as one word. A headline of 17-28 characters restated in the lead
    is 9-14 words, under a copied passage's ``passage_min_copied_words``, as an English headline is."""
    if text.isascii():
        return tokens
    return tokens - min(len(DENSE_RE.findall(text)), tokens) // 2


def _extend(
    corpus: Corpus, da: int, ia: int, spans_a: list, db: int, ib: int, spans_b: list, seed: tuple[int, int]
) -> tuple[int, int, int, int, list[float]]:
    """Extend a matched passage pair over neighbouring passages that also match (a headline above a
    blurb, a run of paragraphs). Returns the passage ranges [a0, a1], [b0, b1] and their similarities."""
    threshold = corpus.config.passage_similarity
    a0 = a1 = ia
    b0 = b1 = ib
    same = da == db
    sims: list[float] = []
    # In one document, paragraphs repeated back to back (X X X, or X Y X Y) are not "a run of copied
    # paragraphs": extension stops at a neighbour that repeats a passage already in the region, so
    # every copy of the repeated unit is its own region (consecutive copies are then reported
    # together, see _runs_of_copies).
    region_texts = {corpus.span_normalized(da, *seed)} if same else None

    def repeats_seed(i: int) -> bool:
        if region_texts is None:
            return False
        t = corpus.span_normalized(da, *spans_a[i])
        if t in region_texts:
            return True
        region_texts.add(t)
        return False

    def match(i: int, j: int) -> float | None:
        s = _similarity(corpus, da, spans_a[i], db, spans_b[j])
        return s if s >= threshold else None

    while a0 > 0 and b0 > 0 and not (same and b0 - 1 <= a1) and not repeats_seed(a0 - 1):
        s = match(a0 - 1, b0 - 1)
        if s is None:
            break
        a0, b0 = a0 - 1, b0 - 1
        sims.append(s)
    while a1 + 1 < len(spans_a) and b1 + 1 < len(spans_b) and not (same and a1 + 1 >= b0) and not repeats_seed(a1 + 1):
        s = match(a1 + 1, b1 + 1)
        if s is None:
            break
        a1, b1 = a1 + 1, b1 + 1
        sims.append(s)
    return a0, a1, b0, b1, sims


def verify_passages(corpus: Corpus, pa: tuple[int, int, int], pb: tuple[int, int, int]) -> Region | None:
    """Verify two indexed passages and extend the match over neighbouring matching passages."""
    cfg = corpus.config
    (da, sa, ea), (db, sb, eb) = pa, pb
    ca, cb = corpus.doc_cluster.get(da), corpus.doc_cluster.get(db)
    if ca is not None and ca == cb and da != db:
        return None  # the documents are already one document-level cluster
    if (min(da, db), max(da, db)) in corpus.template_pairs:
        return None  # one template with different facts, reported at document level (DUP005)
    spans_a, starts_a = _passages_of(corpus, da)
    spans_b, starts_b = _passages_of(corpus, db)
    ia, ib = bisect_left(starts_a, sa), bisect_left(starts_b, sb)
    if ia >= len(spans_a) or spans_a[ia][0] != sa or ib >= len(spans_b) or spans_b[ib][0] != sb:
        return None  # the texts changed under us (never in a scan)
    na, nb = corpus.span_normalized(da, sa, ea), corpus.span_normalized(db, sb, eb)
    sim = al.normalized_similarity(na, nb)
    if sim < cfg.passage_similarity:
        return _partial_copy(corpus, da, spans_a[ia], db, spans_b[ib])
    # Two documents: a seed inside a run of matching passages found before (same documents, same
    # diagonal) extends to that same run, with the same similarities (see _known_run).
    diagonal = (da, db, ia - ib) if da != db else None
    if diagonal is not None:
        known = _known_run(corpus.passage_runs.get(diagonal), ia)
        if known is not None:
            return known
    exact = na == nb
    a0, a1, b0, b1, sims = _extend(corpus, da, ia, spans_a, db, ib, spans_b, (sa, ea))
    region_a = (spans_a[a0][0], spans_a[a1][1])
    region_b = (spans_b[b0][0], spans_b[b1][1])
    if (a0, a1) != (ia, ia):
        exact = all(s >= 1.0 for s in [sim, *sims])
        sim = _similarity(corpus, da, region_a, db, region_b)
    region = Region(da, region_a, db, region_b, sim, exact)
    if diagonal is not None and a1 > a0:
        corpus.passage_runs.setdefault(diagonal, []).append((a0, a1, region))
    return region


def _known_run(runs: list[tuple[int, int, Region]] | None, ia: int) -> Region | None:
    """The region of a run of matching passages of two documents (passages [a0, a1] of one aligned with
    passages of the other on one diagonal) that holds passage ``ia``, or None.

    A run was extended from one of its pairs as far as its neighbours match, in both directions; every
    pair inside it matches (with the same threshold as a seed), so :func:`_extend` from any other pair of
    it reaches the same two ends, and the region's similarity and exactness are taken over the whole run:
    verifying a seed inside it gives the same region. (Inside one document extension depends on the
    seed, so only pairs of two documents are kept; a run of one passage is its own seed.)"""
    if runs:
        for a0, a1, region in runs:
            if a0 <= ia <= a1:
                return region
    return None


# ---------------------------------------------------------------------------
# Clustering


#: Candidate passage pairs whose passages are tokenised together before they are verified.
_PREFETCH_PAIRS = 2048
#: ... and at most about this many characters of passages: the words of a chunk's passages are held at once,
#: so the bound is on their size, not their number (longer passages made the peak grow with the text).
_PREFETCH_CHARS = 1 << 16


def _chunks(pairs: list[tuple[int, int]], index: PassageIndex) -> Iterator[list[tuple[int, int]]]:
    """``pairs`` in order, cut into chunks of at most ``_PREFETCH_PAIRS`` pairs and about ``_PREFETCH_CHARS``
    characters of their passages (a chunk holds at least one pair)."""
    chunk: list[tuple[int, int]] = []
    chars = 0
    for pair in pairs:
        for k in pair:
            _, start, end = index.where(k)
            chars += end - start
        chunk.append(pair)
        if len(chunk) >= _PREFETCH_PAIRS or chars >= _PREFETCH_CHARS:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


@dataclass
class PassageIndex:
    """Every indexed passage: (ordinal, start, end), exact key and uint16 signature."""

    loc: np.ndarray
    hashes: np.ndarray
    sig: np.ndarray

    def where(self, i: int) -> tuple[int, int, int]:
        ordinal, start, end = self.loc[i].tolist()  # one row read (three scalar reads cost 3x)
        return ordinal, start, end


def _exact_groups(index: PassageIndex, max_copies: int) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """Passages with equal keys: each one paired with its group's first, and a mask of boilerplate
    (a passage found in more than ``max_copies`` documents)."""
    hashes, loc = index.hashes, index.loc
    order = np.argsort(hashes, kind="stable")
    hs = hashes[order]
    new = np.concatenate(([True], hs[1:] != hs[:-1]))
    starts = np.flatnonzero(new)
    ends = np.append(starts[1:], len(hs))
    boiler = np.zeros(len(hashes), dtype=bool)
    pairs: list[tuple[int, int]] = []
    multi = np.flatnonzero(ends - starts >= 2)
    for g0, g1 in zip(starts[multi].tolist(), ends[multi].tolist(), strict=True):
        members = order[g0:g1]
        if len(np.unique(loc[members, 0])) > max_copies:
            boiler[members] = True
            continue
        members = np.sort(members)
        pairs.extend((int(members[0]), int(m)) for m in members[1:])
    return boiler, pairs


def _candidates(corpus: Corpus, index: PassageIndex, stats: dict[str, Any]) -> set[tuple[int, int]]:
    cfg = corpus.config
    boiler, exact_pairs = _exact_groups(index, cfg.passage_max_copies)
    stats["boilerplate_passages"] = int(boiler.sum())
    # Passages of a document that is itself a non-kept copy are left to the kept copy's passages.
    copies = np.fromiter(corpus.copies, dtype=np.int64, count=len(corpus.copies))
    eligible = ~boiler & ~np.isin(index.loc[:, 0], copies)
    exact_pairs = [(i, j) for i, j in exact_pairs if eligible[i] and eligible[j]]
    pairs, _est = candidate_pairs(
        index.sig,
        cfg.passage_bands,
        cfg.passage_rows,
        # A bucket holding more passages than a copy can have is a common phrase, not a copy.
        min_estimate=cfg.passage_min_estimate,
        max_bucket=min(cfg.max_bucket, cfg.passage_max_copies),
        eligible=eligible,
    )
    cand = {tuple(p) for p in pairs.tolist()} | set(exact_pairs)
    stats["passage_candidates"] = len(cand)
    return cand


def _verified_stars(corpus: Corpus, index: PassageIndex, cand: set[tuple[int, int]], stats: dict[str, Any]) -> list:
    """Verify candidate pairs, join verified ones, and cut each component into stars around kept copies."""
    cache: dict[tuple[int, int], Region | None] = {}

    def verify(i: int, j: int) -> Region | None:
        if (i, j) in cache:
            return cache[(i, j)]
        if (j, i) in cache:
            other = cache[(j, i)]
            return None if other is None else other.swapped()
        cache[(i, j)] = region = verify_passages(corpus, index.where(i), index.where(j))
        return region

    def priority(i: int) -> tuple:
        ordinal, start, _ = index.where(i)
        return corpus.priority(ordinal) + (start,)

    uf = UnionFind()
    ordered = sorted(cand)
    for chunk in _chunks(ordered, index):
        # Most candidates that fail whole-passage similarity are aligned word by word: tokenise the
        # chunk's passages in one batch, not one passage at a time.
        corpus.prefetch_spans(index.where(k) for pair in chunk for k in pair)
        for i, j in chunk:
            a, b = (i, j) if priority(i) <= priority(j) else (j, i)
            if verify(a, b) is not None:
                uf.union(i, j)
    stars = []
    capped = []
    work = corpus.config.passage_group_work
    for comp in uf.components(uf.parent.keys() | set(uf.parent.values())):
        if work and len(comp) > 2:
            comp_stars, done = bounded_stars(comp, priority, verify, work * len(comp))
            stars.extend(comp_stars)
            if not done:
                capped.append(len(comp))
        else:
            stars.extend(star_clusters(comp, priority, verify))
    stats["passage_groups_capped"] = len(capped)
    if capped:
        stats["passage_capped_group_sizes"] = sorted(capped, reverse=True)[:10]
    return stars


def template_sites(corpus: Corpus, docs: Iterable[int]) -> set[int]:
    """Sites with at least ``template_min_pages`` different pages among ``docs``: on them the shared
    passage is page furniture (menu, footer), not a copy. Pages of unknown site (no source field, no
    URL) count as one pool: a passage recurring on that many of them is furniture too."""
    k = corpus.config.template_min_pages
    if k <= 0:
        return set()
    pages = Counter(corpus.sites[d] for d in set(docs))
    return {s for s, c in pages.items() if c >= k}


def _distinct_clusters(corpus: Corpus, index: PassageIndex, stars: list, stats: dict[str, Any]) -> dict:
    """One cluster per distinct set of regions (a run of copied paragraphs gives one cluster); a region
    on a page of a site that carries the passage on several pages is that site's template, dropped."""
    clusters: dict[tuple, tuple[int, list[Region]]] = {}
    template = 0
    for kept, members in stars:
        kept_doc = int(index.loc[kept, 0])
        furniture = template_sites(corpus, [kept_doc] + [r.doc_b for _, r in members])
        regions = [r for _, r in members if r.doc_a == r.doc_b or corpus.sites[r.doc_b] not in furniture]
        template += len(members) - len(regions)
        if not regions:
            continue
        kept_span = (min(r.span_a[0] for r in regions), max(r.span_a[1] for r in regions))
        key = (kept_doc, kept_span, tuple(sorted((r.doc_b, r.span_b) for r in regions)))
        clusters.setdefault(key, (kept, regions))
    stats["template_passages"] = template
    return clusters


def passage_clusters(corpus: Corpus, index: PassageIndex | None, result: CorpusResult, stats: dict[str, Any]) -> None:
    """Find, verify and report reused passages (DUP003 exact, DUP004 near or partial)."""
    if index is None:
        return
    cand = _candidates(corpus, index, stats)
    stars = _verified_stars(corpus, index, cand, stats)
    clusters = _distinct_clusters(corpus, index, stars, stats)
    reported: set[tuple[int, tuple[int, int]]] = set()
    n = 0
    for key in sorted(clusters, key=lambda k: (corpus.priority(k[0]), k[1], k[2])):
        kept_doc, kept_span, _ = key
        fresh = [r for r in clusters[key][1] if (r.doc_b, r.span_b) not in reported]
        if not fresh:
            continue
        if _report_cluster(corpus, result, f"passage-{n + 1}", kept_doc, kept_span, fresh, reported):
            n += 1
    stats["passage_clusters"] = n


def _report_cluster(
    corpus: Corpus,
    result: CorpusResult,
    cid: str,
    kept_doc: int,
    kept_span: tuple[int, int],
    fresh: list[Region],
    reported: set,
) -> bool:
    """Report one passage cluster (False: every member was a template with different facts)."""
    ids = corpus.ids
    fresh = sorted(fresh, key=lambda r: (r.doc_b, r.span_b))
    for x in fresh:
        reported.add((x.doc_b, x.span_b))
    templates = _templates(corpus, fresh)
    if templates:
        # One template, different figures or subjects: not a copy (DUP005), with the differing facts.
        # Inside one document that is parallel wording ("loans to Mexico total 2.5 billion" / "to
        # Venezuela 1.3 billion"), not worth a finding.
        if corpus.wants("DUP005"):
            for r, subject in templates.items():
                if r.doc_a != r.doc_b:
                    result.add(
                        r.doc_b,
                        template_finding(corpus, r.doc_a, r.span_a, r.doc_b, r.span_b, r.similarity, subject),
                    )
        fresh = [r for r in fresh if r not in templates]
        if not fresh:
            return False
        kept_span = (min(r.span_a[0] for r in fresh), max(r.span_a[1] for r in fresh))
    exact_all = all(r.exact for r in fresh)
    severities = []
    for run in _runs_of_copies(corpus.raw, fresh):
        finding = _finding(corpus, cid, run, len(fresh) + 1)
        severities.append((run[0].doc_b != kept_doc, finding.severity))
        result.add(run[0].doc_b, finding)
        r = run[0]
        if len(run) == 1 and not r.exact and not r.copied_words and corpus.wants("DUP006"):
            for f in alteration_findings(corpus, r.doc_a, r.span_a, r.doc_b, r.span_b, cid, r.similarity):
                result.add(r.doc_b, f)
    others = [r for r in fresh if r.doc_b != kept_doc]
    if others:
        # Both sides: the kept copy names every other document that holds the passage.
        severity = max((sev for other, sev in severities if other), key=lambda sv: sv.rank)
        rule = DUP003 if all(r.exact for r in others) else DUP004
        names = sorted({ids[r.doc_b] for r in others})
        shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        result.add(
            kept_doc,
            rule.finding(
                kept_span,
                f"passage also appears in {len(names)} other document{'s' if len(names) > 1 else ''}: {shown} "
                "(this copy is the one kept)",
                related=[Related(ids[r.doc_b], r.span_b[0], r.span_b[1], r.similarity) for r in others],
                data={
                    "cluster": cid,
                    "cluster_size": len(fresh) + 1,
                    "kept": ids[kept_doc],
                    "role": "kept",
                    "kept_span": list(kept_span),
                    "documents": len(names),
                    "similarity": round(min(r.similarity for r in others), 4),
                    "same_document": False,
                },
                severity=severity,
            ),
        )
    result.clusters.append(
        Cluster(
            id=cid,
            kind="exact" if exact_all else "near",
            level="passage",
            members=[Location(ids[kept_doc], *kept_span)] + [Location(ids[r.doc_b], *r.span_b) for r in fresh],
            similarity_min=min(r.similarity for r in fresh),
            kept=Location(ids[kept_doc], *kept_span),
            data={
                "rule": "DUP003" if exact_all else "DUP004",
                "sources": corpus.sources_of([kept_doc] + [r.doc_b for r in fresh]),
            },
        )
    )
    return True


def _templates(corpus: Corpus, regions: list[Region]) -> dict[Region, SubjectChange | None]:
    """The regions that are one template filled twice, not copies: with different figures (value None) or
    with different subjects (the names that differ)."""
    out: dict[Region, SubjectChange | None] = {}
    for r in regions:
        if _is_template(corpus, r):
            out[r] = None
        elif not r.exact and r.doc_a != r.doc_b and (subject := _region_subject(corpus, r)) is not None:
            out[r] = subject
        elif _other_figures(corpus, r):
            out[r] = None
    return out


def _other_figures(corpus: Corpus, r: Region) -> bool:
    """A passage is not a story: two documents that are no near copies (an updated story is one, and its
    passages are never compared) sharing a sentence whose figures differ in place share its wording, not its
    facts: the same daily report on another day, another deal's fees on the house template
    (:func:`audit.duplicates.facts.other_figures`). Inside one document a passage repeated with another
    figure is a page repeating itself (a comment shown twice with another time), still reported."""
    if r.exact or r.doc_a == r.doc_b:
        return False
    ta = corpus.raw(r.doc_a)[r.span_a[0] : r.span_a[1]]
    tb = corpus.raw(r.doc_b)[r.span_b[0] : r.span_b[1]]
    return facts.other_figures(ta, tb)


def _region_subject(corpus: Corpus, r: Region) -> SubjectChange | None:
    """Do two near passage copies name different subjects? The regions are widened to their whole
    sentences (a copied clause "said it filed with the Securities and Exchange Commission ..." has its
    subject just before it) and aligned again (:func:`audit.duplicates.subjects.subject_change`)."""
    ta, wa = corpus.words(r.doc_a)
    tb, wb = corpus.words(r.doc_b)
    a0, a1 = sentence_words(ta, wa, *r.span_a)
    b0, b1 = sentence_words(tb, wb, *r.span_b)
    alignment = al.align(wa.tokens[a0:a1], wb.tokens[b0:b1], corpus.config.min_run)
    runs = tuple((i + a0, j + b0, n) for i, j, n in alignment.runs)
    return subject_change(corpus, r.doc_a, r.doc_b, runs)


def _is_template(corpus: Corpus, r: Region) -> bool:
    """Is a near passage copy one template with different facts? Decided on the region, and on the two
    documents' facts changed in place (a story's passages may each differ in one figure only), where the
    region's own figures differ: a passage that keeps all its figures, or has none, is no other report
    because the pages around it count other things (a sidebar's view counts on two pages of one site)."""
    if r.exact:
        return False
    cfg = corpus.config
    ta = corpus.raw(r.doc_a)[r.span_a[0] : r.span_a[1]]
    tb = corpus.raw(r.doc_b)[r.span_b[0] : r.span_b[1]]
    if facts.same_template(ta, tb, cfg.template_min_figures, cfg.template_max_fact_share):
        return True
    if r.doc_a == r.doc_b:
        return False
    figures_a, figures_b = facts.numbers(ta).keys(), facts.numbers(tb).keys()
    if figures_a == figures_b:
        return False  # the passage keeps its figures (or has none): the documents' other facts are not its own
    changed = corpus.derived_pair("changed_facts", r.doc_a, r.doc_b, facts.changed_facts)
    least = min(len(figures_a), len(figures_b))
    return changed >= 2 and changed >= least / 4


def _severity(corpus: Corpus, r: Region, copies: int) -> Severity:
    """Pasted prose is a warning; a short quotation, a fragment under a passage's size, or furniture
    shared by two pages (menus, widgets: not prose) is info. In one document, a whole passage repeated
    is a scraping problem (warning)."""
    cfg = corpus.config
    if r.doc_b == r.doc_a:
        return Severity.INFO if r.copied_words else Severity.WARNING
    if r.copied_words and r.copied_words < cfg.passage_min_words:
        return Severity.INFO
    text = corpus.raw(r.doc_b)
    if copies == 1 and is_quotation(text, r.span_b, cfg.quote_max_words):
        return Severity.INFO
    return Severity.WARNING if is_prose(text[r.span_b[0] : r.span_b[1]]) else Severity.INFO


def _finding(corpus: Corpus, cid: str, run: list[Region], size: int):
    r = run[0]
    rule = DUP003 if r.exact else DUP004
    same = r.doc_b == r.doc_a
    where_txt = "earlier in this document" if same else f"in {corpus.ids[r.doc_a]}"
    if len(run) > 1:
        what = f"repeated {len(run)} times in a row: copies of the passage"
    elif r.copied_words:
        what = f"copies {r.copied_words} words ({r.similarity:.0%} of the shorter passage) of the text"
    elif r.exact:
        what = "repeats the passage"
    else:
        what = f"is a near copy ({r.similarity:.0%}) of the passage"
    return rule.finding(
        (r.span_b[0], run[-1].span_b[1]),
        f"passage {what} at {r.span_a[0]}-{r.span_a[1]} {where_txt}",
        related=[Related(corpus.ids[r.doc_a], r.span_a[0], r.span_a[1], r.similarity)],
        data={
            "cluster": cid,
            "cluster_size": size,
            "kept": corpus.ids[r.doc_a],
            "kept_span": list(r.span_a),
            "similarity": round(r.similarity, 4),
            "same_document": same,
            **({"copied_words": r.copied_words} if r.copied_words else {}),
            **({"copies": len(run)} if len(run) > 1 else {}),
        },
        severity=_severity(corpus, r, len(run)),
    )


def _runs_of_copies(raw: Callable[[int], str], regions: list[Region]) -> list[list[Region]]:
    """Exact whole-passage copies that follow each other in one document (only white space
    between them) form one run, reported as one finding: a paragraph pasted 2,000 times is
    one problem, not 1,999. Every other region is a run of its own."""
    runs: list[list[Region]] = []
    for r in regions:
        prev = runs[-1][-1] if runs else None
        if (
            prev is not None
            and r.exact
            and prev.exact
            and not r.copied_words
            and not prev.copied_words
            and r.doc_b == prev.doc_b
            and r.doc_a == prev.doc_a
            and r.span_a == prev.span_a
            and r.span_b[0] >= prev.span_b[1]
            and not raw(r.doc_b)[prev.span_b[1] : r.span_b[0]].strip()
        ):
            runs[-1].append(r)
        else:
            runs.append([r])
    return runs
