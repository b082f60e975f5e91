"""Duplicates: exact and near-duplicate documents and passages, verified and clustered.

How it works (see ``docs/duplicates.md`` for the measurements behind the defaults):

* ``observe`` hashes each document once: a normalised content hash (exact
  duplicates, DUP001), a MinHash signature of its word 5-gram shingles and one
  signature and content hash per long-enough passage. Signatures are computed
  in batches (:func:`audit.minhash.signatures`) and kept as uint16; texts are
  not kept.
* ``finish`` finds candidate pairs by LSH banding (:mod:`.lsh`), re-reads only
  the candidates' texts with ``text_of`` and verifies every pair by word
  alignment with rapidfuzz (:mod:`.align`). Clusters are stars around a kept
  copy chosen by the ``keep`` policy; each member is verified against the kept
  copy itself, never through a chain.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import chain
from typing import Any, Callable, Iterable

import numpy as np

from audit import minhash, segment
from audit.duplicates import align as al
from audit.duplicates.lsh import UnionFind, candidate_pairs, datasketch_candidate_pairs, estimate, star_clusters
from audit.model import Category, Cluster, Finding, Location, Related, Severity
from audit.rules import CorpusCheck, CorpusResult, DocContext, Rule

DUP001 = Rule(
    id="DUP001",
    name="exact-duplicate-document",
    category=Category.DUPLICATE,
    severity=Severity.ERROR,
    description="Document is identical to an earlier one after case, whitespace and quote/dash normalisation.",
    flags=("'The vote is on Tuesday.' after 'the  vote is on “Tuesday”.'",),
    not_flags=("Two articles that share a headline but not their bodies.",),
)
DUP002 = Rule(
    id="DUP002",
    name="near-duplicate-document",
    category=Category.DUPLICATE,
    severity=Severity.WARNING,
    description="Document is a near copy of another (verified word alignment): a republished or shortened copy.",
    flags=(
        "A wire story republished with a new headline, byline and footer, a paragraph dropped, a few words changed.",
        "The first half of an article published on its own.",
    ),
    not_flags=(
        "Two different articles from one site that share only navigation and footer boilerplate.",
        "Two different articles that quote the same statement.",
    ),
)
DUP003 = Rule(
    id="DUP003",
    name="exact-duplicate-passage",
    category=Category.DUPLICATE,
    severity=Severity.INFO,
    description="Passage repeats another passage (same or other document) after case, whitespace and quote normalisation.",
    flags=("A paragraph scraped twice into the same page (warning).", "A paragraph pasted verbatim into another article."),
    not_flags=("Short repeated lines such as 'Advertisement' (below the passage minimum).",),
)
DUP004 = Rule(
    id="DUP004",
    name="near-duplicate-passage",
    category=Category.DUPLICATE,
    severity=Severity.INFO,
    description="Passage is a copy of another passage with small edits (verified with rapidfuzz).",
    flags=("A headline and blurb repeated in one page with one word changed (warning).",),
    not_flags=("Two paragraphs on the same topic written independently.",),
)

KEEP_POLICIES = ("first", "longest", "earliest", "source_priority")


@dataclass(frozen=True)
class DuplicatesConfig:
    """``[duplicates]``: every threshold, with the value chosen by measurement (docs/duplicates.md)."""

    #: Documents shorter than this (normalised characters) are not clustered at all.
    min_chars: int = 1
    #: Which copy of a cluster is kept: first | longest | earliest | source_priority.
    keep: str = "first"
    #: Sources in order of preference for keep = "source_priority" (others rank after, first seen wins).
    source_priority: tuple[str, ...] = ()
    #: Metadata field with the publication date for keep = "earliest" (default: settings' date_field, else "date").
    date_field: str = ""
    # -- near-duplicate documents (DUP002)
    #: Words per shingle.
    shingle_size: int = 5
    #: MinHash signature length; bands x rows must equal it.
    num_perm: int = 120
    bands: int = 60
    rows: int = 2
    seed: int = 1
    #: Documents with fewer words are only compared exactly.
    min_words: int = 30
    #: Candidates whose estimated Jaccard similarity is below this are not verified.
    min_estimate: float = 0.15
    #: Equal word runs shorter than this do not count as copied text.
    min_run: int = 6
    #: A pair is a near duplicate when this share of both texts' words lies in shared runs ...
    doc_similarity: float = 0.55
    #: ... or when this share of the shorter text does (a shortened copy) ...
    doc_containment: float = 0.8
    #: ... and the shared runs also cover this share of the longer text.
    doc_min_other_coverage: float = 0.3
    #: LSH buckets with more items than this are skipped (boilerplate-only signatures).
    max_bucket: int = 1000
    #: Document candidate search: "numpy" (banding over the signature matrix, default) or
    #: "datasketch" (the same bands x rows in datasketch's MinHashLSH; slower, same clusters).
    lsh: str = "numpy"
    # -- passages (DUP003, DUP004)
    passages: bool = True
    #: Passages with fewer words are not indexed (they can still extend a matched region).
    passage_min_words: int = 20
    passage_shingle_size: int = 4
    #: Passage signatures: one-row bands, so a passage merged into a longer one (Jaccard 0.15-0.3)
    #: is still a candidate.
    passage_num_perm: int = 24
    passage_bands: int = 24
    passage_rows: int = 1
    #: (3 of 24 values equal)
    passage_min_estimate: float = 0.125
    #: rapidfuzz ratio (0-1, normalised text) from which two passages are copies.
    passage_similarity: float = 0.85
    #: Otherwise: share of the shorter passage's words in shared runs (>= min_run words) from which
    #: part of it counts as copied into the other ...
    passage_containment: float = 0.5
    #: ... when those runs hold at least this many words.
    passage_min_copied_words: int = 15
    #: A passage found in more documents than this is boilerplate, not a copy; it is not reported.
    passage_max_copies: int = 50
    #: Passages shared by different documents of the same source only within their first or last
    #: this-many passages are page templates (header, footer), not copies; 0 reports them too.
    boilerplate_edge: int = 3

    def __post_init__(self) -> None:
        if self.lsh not in ("numpy", "datasketch"):
            raise ValueError(f"lsh must be numpy or datasketch, not {self.lsh!r}")
        if self.keep not in KEEP_POLICIES:
            raise ValueError(f"keep must be one of {', '.join(KEEP_POLICIES)}, not {self.keep!r}")
        self.doc_params()  # validates bands x rows
        self.passage_params()
        for name in ("doc_similarity", "doc_containment", "doc_min_other_coverage", "min_estimate",
                     "passage_min_estimate", "passage_similarity", "passage_containment"):
            v = getattr(self, name)
            if not 0.0 <= v <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1, not {v!r}")

    def doc_params(self) -> minhash.MinHashParams:
        return minhash.MinHashParams(self.shingle_size, self.num_perm, self.bands, self.rows, self.seed)

    def passage_params(self) -> minhash.MinHashParams:
        return minhash.MinHashParams(
            self.passage_shingle_size, self.passage_num_perm, self.passage_bands, self.passage_rows, self.seed
        )


#: Flush pending texts to the signature batcher at about this many characters.
_BATCH_CHARS = 1 << 21
_WORDS_CACHE = 256
#: Candidate pairs verified per batch of tokenised documents (bounds the words held at once).
_PREFETCH_PAIRS = 512


# ---------------------------------------------------------------------------
# Pure helpers


def parse_date(value: Any) -> float:
    """A sortable timestamp from a metadata value (ISO date/datetime or epoch number); NaN if unknown."""
    if value is None or value == "":
        return math.nan
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime(value.year, value.month, value.day)
    else:
        try:
            dt = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
        except ValueError:
            return math.nan
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.timestamp()


_hash64 = al.exact_key


@dataclass(frozen=True, slots=True)
class _DocEdge:
    similarity: float
    reason: str
    span_a: tuple[int, int]  # aligned span in the first (kept) document
    span_b: tuple[int, int]
    coverage_a: float
    coverage_b: float

    def swapped(self) -> _DocEdge:
        return _DocEdge(self.similarity, self.reason, self.span_b, self.span_a, self.coverage_b, self.coverage_a)


@dataclass(frozen=True, slots=True)
class _Region:
    """Matched passage region: passages [a0, a1) of doc_a ~ [b0, b1) of doc_b, with char spans."""

    doc_a: int
    span_a: tuple[int, int]
    doc_b: int
    span_b: tuple[int, int]
    similarity: float
    exact: bool
    edge: bool = False  # both sides lie in their page's header/footer zone
    copied_words: int = 0  # > 0: only part of a passage was copied (words in shared runs)

    def swapped(self) -> _Region:
        return _Region(
            self.doc_b, self.span_b, self.doc_a, self.span_a, self.similarity, self.exact, self.edge, self.copied_words
        )


# ---------------------------------------------------------------------------
# The check


class DuplicateCheck(CorpusCheck):
    """Exact and near-duplicate documents and passages (DUP001-DUP004)."""

    rules = (DUP001, DUP002, DUP003, DUP004)
    section = "duplicates"
    config_class = DuplicatesConfig
    order = 60

    def __init__(self, config=None, settings=None) -> None:
        super().__init__(config, settings)
        cfg: DuplicatesConfig = self.config
        self._doc_params = cfg.doc_params()
        self._pas_params = cfg.passage_params()
        self._date_field = cfg.date_field or self.settings.date_field or "date"
        # Per document (by ordinal).
        self._first: dict[int, int] = {}  # exact hash -> first ordinal
        self._exact_of: dict[int, int] = {}  # ordinal -> exact hash, for clustered docs only
        self._groups: dict[int, list[int]] = {}  # first ordinal -> all ordinals with that hash
        self._lengths = array("q")
        self._dates = array("d")
        self._sources = array("i")
        self._source_names: dict[str, int] = {}
        # Near-duplicate document index: ordinals and uint16 signatures (chunks).
        self._doc_ord: list[np.ndarray] = []
        self._doc_sig: list[np.ndarray] = []
        # Passage index: (ordinal, start, end), exact hash, uint16 signatures (chunks).
        self._pas_loc: list[np.ndarray] = []
        self._pas_hash: list[np.ndarray] = []
        self._pas_sig: list[np.ndarray] = []
        # Pending batch: (ordinal, text, passage spans); texts are dropped after each flush.
        self._pending: list[tuple[int, str, list[tuple[int, int]]]] = []
        self._pending_chars = 0
        self._want_near = self.wants("DUP002")
        self._want_passages = cfg.passages and (self.wants("DUP003") or self.wants("DUP004"))

    # -- observe ------------------------------------------------------------

    def observe(self, ctx: DocContext) -> Iterable[Finding]:
        text = ctx.text
        ordinal = ctx.ordinal
        while len(self._lengths) <= ordinal:
            self._lengths.append(0)
            self._dates.append(math.nan)
            self._sources.append(-1)
        self._lengths[ordinal] = len(text)
        self._dates[ordinal] = parse_date(ctx.doc.metadata.get(self._date_field))
        self._sources[ordinal] = self._source_id(ctx)
        if len(text.strip()) < self.config.min_chars or not text.strip():
            return ()
        key = _hash64(text)
        first = self._first.setdefault(key, ordinal)
        if first != ordinal:
            self._groups.setdefault(first, [first]).append(ordinal)
            return ()  # an exact copy: its near and passage duplicates are its original's
        spans = [(p.start, p.end) for p in ctx.passages] if self._want_passages else []
        if self._want_near or spans:
            self._pending.append((ordinal, text, spans))
            self._pending_chars += len(text)
        if self._pending_chars >= _BATCH_CHARS:
            self._flush()
        return ()

    def _source_id(self, ctx: DocContext) -> int:
        src = ctx.source(self.settings.source_field)
        return self._source_names.setdefault(src, len(self._source_names))

    def _flush(self) -> None:
        """Hash the pending documents and their passages in one batch, then drop the texts."""
        if not self._pending:
            return
        cfg = self.config
        batch = minhash.batch_signatures(
            [t for _, t, _ in self._pending], [sp for *_, sp in self._pending], self._doc_params, self._pas_params
        )
        ords = np.array([o for o, _, _ in self._pending], dtype=np.int64)
        if self._want_near:
            keep = batch.doc_words >= cfg.min_words
            self._doc_sig.append(batch.doc_sigs[keep].astype(np.uint16))
            self._doc_ord.append(ords[keep].astype(np.int32))
        if len(batch.span_words):
            counts = np.fromiter((len(sp) for *_, sp in self._pending), dtype=np.int64, count=len(self._pending))
            loc = np.empty((len(batch.span_words), 3), dtype=np.int32)
            loc[:, 0] = np.repeat(ords, counts)
            loc[:, 1:] = np.fromiter(
                chain.from_iterable(chain.from_iterable(sp for *_, sp in self._pending)), dtype=np.int64,
                count=2 * len(loc),
            ).reshape(-1, 2)
            keep = batch.span_words >= cfg.passage_min_words
            self._pas_sig.append(batch.span_sigs[keep].astype(np.uint16))
            self._pas_loc.append(loc[keep])
            self._pas_hash.append(batch.span_keys[keep])
        self._pending, self._pending_chars = [], 0

    def state_bytes(self) -> int:
        """Approximate bytes of index state held (signatures, hashes, per-document arrays)."""
        arrays = sum(a.nbytes for a in self._doc_sig + self._doc_ord + self._pas_loc + self._pas_hash + self._pas_sig)
        per_doc = self._lengths.itemsize + self._dates.itemsize + self._sources.itemsize
        return arrays + 100 * len(self._first) + per_doc * len(self._lengths)

    # -- finish -------------------------------------------------------------

    def finish(self, text_of: Callable[[int], str], ids: list[str]) -> CorpusResult:
        self._flush()
        self._text_of = text_of
        self._ids = ids
        self._words_cache: OrderedDict[int, tuple[str, al.Words]] = OrderedDict()
        self._text_cache: OrderedDict[int, str] = OrderedDict()
        prio = self.config.source_priority
        self._source_rank = {sid: prio.index(name) for name, sid in self._source_names.items() if name in prio}
        result = CorpusResult()
        # Document clusters: exact groups first, then near duplicates among their kept copies.
        self._doc_cluster: dict[int, int] = {}  # ordinal -> cluster number (any document cluster)
        self._copies: set[int] = set()  # non-kept members of document clusters
        self._exact_clusters(result)
        stats: dict[str, Any] = {}
        if self._want_near:
            self._near_clusters(result, stats)
        if self._want_passages:
            self._passage_clusters(result, stats)
        result.extra["duplicates"] = stats
        self._words_cache.clear()
        self._text_cache.clear()
        return result

    def _priority(self, ordinal: int) -> tuple:
        keep = self.config.keep
        if keep == "longest":
            return (-self._lengths[ordinal], ordinal)
        if keep == "earliest":
            d = self._dates[ordinal]
            return (math.isnan(d), 0.0 if math.isnan(d) else d, ordinal)
        if keep == "source_priority":
            return (self._source_rank.get(self._sources[ordinal], len(self.config.source_priority)), ordinal)
        return (ordinal,)

    def _sources_of(self, ordinals: Iterable[int]) -> list[str]:
        names = {v: k for k, v in self._source_names.items()}
        return sorted({names[self._sources[o]] for o in ordinals if self._sources[o] in names})

    def _raw(self, ordinal: int) -> str:
        cache = self._text_cache
        hit = cache.get(ordinal)
        if hit is not None:
            cache.move_to_end(ordinal)
            return hit
        text = self._text_of(ordinal) or ""
        cache[ordinal] = text
        if len(cache) > _WORDS_CACHE:
            cache.popitem(last=False)
        return text

    def _text(self, ordinal: int) -> tuple[str, al.Words]:
        cache = self._words_cache
        hit = cache.get(ordinal)
        if hit is not None:
            cache.move_to_end(ordinal)
            return hit
        text = self._raw(ordinal)
        hit = (text, al.words(text))
        cache[ordinal] = hit
        if len(cache) > _WORDS_CACHE:
            cache.popitem(last=False)
        return hit

    def _prefetch(self, ordinals: set[int]) -> None:
        """Tokenise the documents a chunk of candidate pairs needs in one batch (into the LRU cache)."""
        need = sorted(o for o in ordinals if o not in self._words_cache)
        if not need:
            return
        texts = [self._raw(o) for o in need]
        for o, text, w in zip(need, texts, al.words_batch(texts), strict=True):
            self._words_cache[o] = (text, w)
        while len(self._words_cache) > max(_WORDS_CACHE, len(ordinals)):
            self._words_cache.popitem(last=False)

    def _exact_clusters(self, result: CorpusResult) -> None:
        self._rep_kept: dict[int, int] = {}  # first ordinal of an exact group -> its kept ordinal
        if not self.wants("DUP001"):
            return
        n = 0
        for first, members in sorted(self._groups.items()):
            kept = min(members, key=self._priority)
            self._rep_kept[first] = kept
            n += 1
            cid = f"exact-doc-{n}"
            for m in members:
                self._doc_cluster[m] = -n
                if m != kept:
                    self._copies.add(m)
            result.clusters.append(
                Cluster(
                    id=cid,
                    kind="exact",
                    level="document",
                    members=[Location(self._ids[m], 0, self._lengths[m]) for m in members],
                    similarity_min=1.0,
                    kept=Location(self._ids[kept], 0, self._lengths[kept]),
                    data={"rule": "DUP001", "sources": self._sources_of(members)},
                )
            )
            for m in members:
                if m == kept:
                    continue
                result.add(
                    m,
                    DUP001.finding(
                        (0, self._lengths[m]),
                        f"exact duplicate of {self._ids[kept]} (identical after normalisation)",
                        related=[Related(self._ids[kept], 0, self._lengths[kept], 1.0)],
                        data={"cluster": cid, "kept": self._ids[kept], "similarity": 1.0},
                    ),
                )

    # -- near-duplicate documents ---------------------------------------------

    def _verify_docs(self, a: int, b: int) -> _DocEdge | None:
        cfg = self.config
        _, wa = self._text(a)
        _, wb = self._text(b)
        alignment = al.align(wa.tokens, wb.tokens, cfg.min_run)
        verdict = al.document_verdict(alignment, cfg.doc_similarity, cfg.doc_containment, cfg.doc_min_other_coverage)
        if not verdict.duplicate:
            return None
        a0, a1 = alignment.word_range_a()
        b0, b1 = alignment.word_range_b()
        return _DocEdge(
            verdict.similarity, verdict.reason, wa.span(a0, a1), wb.span(b0, b1),
            alignment.coverage_a, alignment.coverage_b,
        )

    def _near_clusters(self, result: CorpusResult, stats: dict[str, Any]) -> None:
        cfg = self.config
        if not self._doc_sig:
            return
        sig = np.concatenate(self._doc_sig)
        ords = np.concatenate(self._doc_ord)
        if cfg.lsh == "datasketch":
            pairs, est = datasketch_candidate_pairs(sig, cfg.bands, cfg.rows, min_estimate=cfg.min_estimate)
        else:
            pairs, est = candidate_pairs(
                sig, cfg.bands, cfg.rows, min_estimate=cfg.min_estimate, max_bucket=cfg.max_bucket
            )
        stats["document_candidates"] = int(len(pairs))
        # A document stands for its exact group through the group's kept copy.
        node = {int(o): self._rep_kept.get(int(o), int(o)) for o in ords}
        row_of = {node[int(o)]: i for i, o in enumerate(ords)}
        cache: dict[tuple[int, int], _DocEdge | None] = {}

        def verify(a: int, b: int) -> _DocEdge | None:
            if (a, b) in cache:
                return cache[(a, b)]
            if (b, a) in cache:  # the verdict is symmetric; only the orientation of the spans changes
                other = cache[(b, a)]
                return None if other is None else other.swapped()
            cache[(a, b)] = edge = self._verify_docs(a, b)
            return edge

        uf = UnionFind()
        verified = 0
        plist = [(node[int(ords[i])], node[int(ords[j])]) for i, j in pairs.tolist()]
        for c in range(0, len(plist), _PREFETCH_PAIRS):
            chunk = plist[c : c + _PREFETCH_PAIRS]
            self._prefetch({o for pair in chunk for o in pair})
            for a, b in chunk:
                if verify(a, b) is not None:
                    verified += 1
                    uf.union(a, b)
        stats["document_pairs_verified"] = verified
        first_of = {kept: first for first, kept in self._rep_kept.items()}
        n = 0
        stars = []
        for comp in uf.components(uf.parent.keys() | {v for v in uf.parent.values()}):
            stars.extend(star_clusters(comp, self._priority, verify))
        stars.sort(key=lambda s: (s[0], min(m for m, _ in s[1])))
        # Estimated Jaccard of every (kept, member) pair, in one pass.
        est_rows = np.array([(row_of[kept], row_of[m]) for kept, members in stars for m, _ in sorted(members)],
                            dtype=np.int64).reshape(-1, 2)
        est_all = iter(estimate(sig, est_rows).tolist())
        for kept, members in stars:
            n += 1
            cid = f"near-doc-{n}"
            all_docs = [kept] + [m for m, _ in members]
            for o in all_docs:
                self._doc_cluster[o] = n
                if o != kept:
                    self._copies.add(o)
                for g in self._groups.get(first_of.get(o, o), ()):
                    self._doc_cluster[g] = n
            kept_len = self._lengths[kept]
            sims = []
            for m, edge in sorted(members):
                sims.append(edge.similarity)
                est_j = next(est_all)
                what = "a shortened copy" if edge.reason == "contained" else "a near copy"
                result.add(
                    m,
                    DUP002.finding(
                        edge.span_b,
                        f"{what} of {self._ids[kept]}: {edge.similarity:.0%} of the words of both lie in "
                        f"shared runs of {cfg.min_run}+ words ({edge.coverage_b:.0%} of this document)",
                        related=[Related(self._ids[kept], edge.span_a[0], edge.span_a[1], edge.similarity)],
                        data={
                            "cluster": cid,
                            "kept": self._ids[kept],
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
                    members=[Location(self._ids[o], 0, self._lengths[o]) for o in sorted(all_docs)],
                    similarity_min=min(sims),
                    kept=Location(self._ids[kept], 0, kept_len),
                    data={"rule": "DUP002", "sources": self._sources_of(all_docs)},
                )
            )
        stats["near_document_clusters"] = n

    # -- passages -------------------------------------------------------------

    def _passages_of(self, ordinal: int) -> tuple[list, list[int]]:
        text = self._raw(ordinal)
        spans = list(segment.passages(text))
        return spans, [s.start for s in spans]

    def _passage_match(self, ta: str, tb: str) -> float | None:
        sim = al.passage_similarity(ta, tb)
        return sim if sim >= self.config.passage_similarity else None

    def _verify_passages(self, pa: tuple[int, int, int], pb: tuple[int, int, int]) -> _Region | None:
        """Verify two indexed passages and extend the match over neighbouring matching passages."""
        cfg = self.config
        (da, sa, ea), (db, sb, eb) = pa, pb
        ca, cb = self._doc_cluster.get(da), self._doc_cluster.get(db)
        if ca is not None and ca == cb and da != db:
            return None  # the documents are already one document-level cluster
        text_a = self._raw(da)
        text_b = self._raw(db)
        ta, tb = text_a[sa:ea], text_b[sb:eb]
        spans_a, starts_a = self._passages_of(da)
        spans_b, starts_b = self._passages_of(db)
        ia, ib = bisect_left(starts_a, sa), bisect_left(starts_b, sb)
        if ia >= len(spans_a) or spans_a[ia].start != sa or ib >= len(spans_b) or spans_b[ib].start != sb:
            return None  # the texts changed under us (never in a scan)
        sim = al.passage_similarity(ta, tb)
        if sim < cfg.passage_similarity:
            # Part of one passage copied into the other (a paragraph merged into a longer one, or a
            # fragment of it): long equal word runs, aligned with rapidfuzz, report the copied spans.
            wa, wb = al.words(ta), al.words(tb)
            alignment = al.align(wa.tokens, wb.tokens, cfg.min_run)
            shorter = min(alignment.len_a, alignment.len_b)
            if (
                not alignment.runs
                or alignment.matched < cfg.passage_min_copied_words
                or alignment.matched < cfg.passage_containment * shorter
            ):
                return None
            a0, a1 = wa.span(*alignment.word_range_a())
            b0, b1 = wb.span(*alignment.word_range_b())
            edge = self._edge(ia, ia, len(spans_a)) and self._edge(ib, ib, len(spans_b))
            score = alignment.matched / shorter
            return _Region(da, (sa + a0, sa + a1), db, (sb + b0, sb + b1), score, False, edge, alignment.matched)
        exact = al.normalize_fast(ta) == al.normalize_fast(tb)
        # Extend over neighbouring passages that also match (a headline above a blurb, a run of paragraphs).
        a0 = a1 = ia
        b0 = b1 = ib
        same = da == db
        sims = [sim]
        # In one document, paragraphs repeated back to back (X X X, or X Y X Y) are not "a run of copied
        # paragraphs": extension stops at a neighbour that repeats a passage already in the region, so
        # every copy of the repeated unit is its own region (consecutive copies are then reported
        # together, see _runs_of_copies).
        region_texts = {al.normalize_fast(ta)} if same else None

        def repeats_seed(i: int) -> bool:
            if region_texts is None:
                return False
            t = al.normalize_fast(spans_a[i].slice(text_a))
            if t in region_texts:
                return True
            region_texts.add(t)
            return False

        while a0 > 0 and b0 > 0 and not (same and b0 - 1 <= a1) and not repeats_seed(a0 - 1):
            s = self._passage_match(spans_a[a0 - 1].slice(text_a), spans_b[b0 - 1].slice(text_b))
            if s is None:
                break
            a0, b0 = a0 - 1, b0 - 1
            sims.append(s)
        while (a1 + 1 < len(spans_a) and b1 + 1 < len(spans_b) and not (same and a1 + 1 >= b0)
               and not repeats_seed(a1 + 1)):
            s = self._passage_match(spans_a[a1 + 1].slice(text_a), spans_b[b1 + 1].slice(text_b))
            if s is None:
                break
            a1, b1 = a1 + 1, b1 + 1
            sims.append(s)
        region_a = (spans_a[a0].start, spans_a[a1].end)
        region_b = (spans_b[b0].start, spans_b[b1].end)
        if (a0, a1) != (ia, ia):
            sim = al.passage_similarity(text_a[region_a[0] : region_a[1]], text_b[region_b[0] : region_b[1]])
            exact = all(s >= 1.0 for s in sims)
        edge = self._edge(a0, a1, len(spans_a)) and self._edge(b0, b1, len(spans_b))
        return _Region(da, region_a, db, region_b, sim, exact, edge)

    def _same_source(self, a: int, b: int) -> bool:
        """Different pages of one source (a page template repeats only within a site)."""
        return a != b and self._sources[a] == self._sources[b]

    def _edge(self, first: int, last: int, n: int) -> bool:
        """Do passages [first, last] lie in a page's template zone (its first or last few passages)?"""
        k = self.config.boilerplate_edge
        return last < k or first >= n - k

    def _passage_clusters(self, result: CorpusResult, stats: dict[str, Any]) -> None:
        cfg = self.config
        if not self._pas_sig:
            return
        sig = np.concatenate(self._pas_sig)
        loc = np.concatenate(self._pas_loc)
        hashes = np.concatenate(self._pas_hash)
        # Exact groups; a passage found in too many documents is boilerplate.
        order = np.argsort(hashes, kind="stable")
        hs = hashes[order]
        new = np.concatenate(([True], hs[1:] != hs[:-1]))
        gid = np.cumsum(new) - 1
        starts = np.flatnonzero(new)
        group_of = np.empty(len(hashes), dtype=np.int64)
        group_of[order] = gid
        boiler = np.zeros(len(hashes), dtype=bool)
        exact_pairs = []
        ends = np.append(starts[1:], len(hs))
        multi = np.flatnonzero(ends - starts >= 2)
        for g0, g1 in zip(starts[multi].tolist(), ends[multi].tolist(), strict=True):
            members = order[g0:g1]
            if len(np.unique(loc[members, 0])) > cfg.passage_max_copies:
                boiler[members] = True
                continue
            members = np.sort(members)
            exact_pairs.extend((int(members[0]), int(m)) for m in members[1:])
        stats["boilerplate_passages"] = int(boiler.sum())
        # Passages of a document that is itself a non-kept copy are left to the kept copy's passages.
        copies = np.fromiter(self._copies, dtype=np.int64, count=len(self._copies))
        eligible = ~boiler & ~np.isin(loc[:, 0], copies)
        exact_pairs = [(i, j) for i, j in exact_pairs if eligible[i] and eligible[j]]
        pairs, _est = candidate_pairs(
            sig, cfg.passage_bands, cfg.passage_rows,
            # A bucket holding more passages than a copy can have is a common phrase, not a copy.
            min_estimate=cfg.passage_min_estimate, max_bucket=min(cfg.max_bucket, cfg.passage_max_copies),
            eligible=eligible,
        )
        cand = {tuple(p) for p in pairs.tolist()} | set(exact_pairs)
        stats["passage_candidates"] = len(cand)
        cache: dict[tuple[int, int], _Region | None] = {}

        def where(i: int) -> tuple[int, int, int]:
            return int(loc[i, 0]), int(loc[i, 1]), int(loc[i, 2])

        def verify(i: int, j: int) -> _Region | None:
            if (i, j) in cache:
                return cache[(i, j)]
            if (j, i) in cache:
                other = cache[(j, i)]
                return None if other is None else other.swapped()
            cache[(i, j)] = region = self._verify_passages(where(i), where(j))
            return region

        def priority(i: int) -> tuple:
            return self._priority(int(loc[i, 0])) + (int(loc[i, 1]),)

        uf = UnionFind()
        for i, j in sorted(cand):
            a, b = (i, j) if priority(i) <= priority(j) else (j, i)
            if verify(a, b) is not None:
                uf.union(i, j)
        stars = []
        for comp in uf.components(uf.parent.keys() | set(uf.parent.values())):
            stars.extend(star_clusters(comp, priority, verify))
        # One cluster per distinct set of regions (a run of copied paragraphs gives one cluster).
        clusters: dict[tuple, tuple[int, list[_Region]]] = {}
        template = 0
        for kept, members in stars:
            regions = [r for _, r in members if not (r.edge and self._same_source(r.doc_a, r.doc_b))]
            template += len(members) - len(regions)
            if not regions:
                continue
            kept_span = (min(r.span_a[0] for r in regions), max(r.span_a[1] for r in regions))
            key = (int(loc[kept, 0]), kept_span, tuple(sorted((r.doc_b, r.span_b) for r in regions)))
            clusters.setdefault(key, (kept, regions))
        stats["template_passages"] = template
        reported: set[tuple[int, tuple[int, int]]] = set()
        n = 0
        for key in sorted(clusters, key=lambda k: (self._priority(k[0]), k[1], k[2])):
            kept_doc, kept_span, _ = key
            _, regions = clusters[key]
            fresh = [r for r in regions if (r.doc_b, r.span_b) not in reported]
            if not fresh:
                continue
            n += 1
            cid = f"passage-{n}"
            exact_all = all(r.exact for r in fresh)
            for run in self._runs_of_copies(sorted(fresh, key=lambda r: (r.doc_b, r.span_b))):
                r = run[0]
                for x in run:
                    reported.add((x.doc_b, x.span_b))
                rule = DUP003 if r.exact else DUP004
                same = r.doc_b == r.doc_a
                where_txt = "earlier in this document" if same else f"in {self._ids[r.doc_a]}"
                if len(run) > 1:
                    what = f"repeated {len(run)} times in a row: copies of the passage"
                elif r.copied_words:
                    what = f"copies {r.copied_words} words ({r.similarity:.0%} of the shorter passage) of the text"
                elif r.exact:
                    what = "repeats the passage"
                else:
                    what = f"is a near copy ({r.similarity:.0%}) of the passage"
                result.add(
                    r.doc_b,
                    rule.finding(
                        (r.span_b[0], run[-1].span_b[1]),
                        f"passage {what} at {r.span_a[0]}-{r.span_a[1]} {where_txt}",
                        related=[Related(self._ids[r.doc_a], r.span_a[0], r.span_a[1], r.similarity)],
                        data={
                            "cluster": cid,
                            "kept": self._ids[r.doc_a],
                            "similarity": round(r.similarity, 4),
                            "same_document": same,
                            **({"copied_words": r.copied_words} if r.copied_words else {}),
                            **({"copies": len(run)} if len(run) > 1 else {}),
                        },
                        # A whole passage repeated in one page is a scraping problem; a repeated quote is not.
                        severity=Severity.WARNING if same and not r.copied_words else None,
                    ),
                )
            result.clusters.append(
                Cluster(
                    id=cid,
                    kind="exact" if exact_all else "near",
                    level="passage",
                    members=[Location(self._ids[kept_doc], *kept_span)]
                    + [Location(self._ids[r.doc_b], *r.span_b) for r in sorted(fresh, key=lambda r: (r.doc_b, r.span_b))],
                    similarity_min=min(r.similarity for r in fresh),
                    kept=Location(self._ids[kept_doc], *kept_span),
                    data={
                        "rule": "DUP003" if exact_all else "DUP004",
                        "sources": self._sources_of([kept_doc] + [r.doc_b for r in fresh]),
                    },
                )
            )
        stats["passage_clusters"] = n


    def _runs_of_copies(self, regions: list[_Region]) -> list[list[_Region]]:
        """Exact whole-passage copies that follow each other in one document (only white space
        between them) form one run, reported as one finding: a paragraph pasted 2,000 times is
        one problem, not 1,999. Every other region is a run of its own."""
        runs: list[list[_Region]] = []
        for r in regions:
            prev = runs[-1][-1] if runs else None
            if (prev is not None and r.exact and prev.exact and not r.copied_words and not prev.copied_words
                    and r.doc_b == prev.doc_b and r.doc_a == prev.doc_a and r.span_a == prev.span_a
                    and r.span_b[0] >= prev.span_b[1]
                    and not self._raw(r.doc_b)[prev.span_b[1] : r.span_b[0]].strip()):
                runs[-1].append(r)
            else:
                runs.append([r])
        return runs


#: Backwards-compatible name: the one duplicates check also emits DUP001.
ExactDocumentCheck = DuplicateCheck

__all__ = [
    "DUP001", "DUP002", "DUP003", "DUP004", "DuplicateCheck", "DuplicatesConfig", "ExactDocumentCheck",
    "parse_date",
]
