"""The duplicates check: observe hashes each document once, finish clusters and reports.

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
from itertools import chain
from typing import Any, Callable, Iterable

import numpy as np

from audit import minhash
from audit.duplicates.config import DuplicatesConfig, parse_date
from audit.duplicates.corpus import Corpus
from audit.duplicates.exact import exact_clusters
from audit.duplicates.near import near_clusters
from audit.duplicates.passages import PassageIndex, passage_clusters
from audit.duplicates.rules import DUP001, DUP002, DUP003, DUP004
from audit.model import Finding
from audit.rules import CorpusCheck, CorpusResult, DocContext

#: Flush pending texts to the signature batcher at about this many characters.
_BATCH_CHARS = 1 << 21


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
        # What observe reads from the text layer, computed with the document checks (in the workers).
        self.layer_needs = ("exact_key", "passages") if self._want_passages else ("exact_key",)

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
        key = ctx.layer.exact_key  # == align.exact_key(text); computed in a worker when the stage is parallel
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
            [t for _, t, _ in self._pending], [sp for *_, sp in self._pending], self._doc_params, self._pas_params,
            min_span_words=cfg.passage_min_words,
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
        corpus = Corpus(self.config, ids, text_of, self._lengths, self._dates, self._sources, self._source_names,
                        self._groups)
        result = CorpusResult()
        # Document clusters: exact groups first, then near duplicates among their kept copies.
        if self.wants("DUP001"):
            exact_clusters(corpus, result)
        stats: dict[str, Any] = {}
        if self._want_near:
            near_clusters(corpus, self._doc_sig, self._doc_ord, result, stats)
        if self._want_passages and self._pas_sig:
            index = PassageIndex(np.concatenate(self._pas_loc), np.concatenate(self._pas_hash),
                                 np.concatenate(self._pas_sig))
            passage_clusters(corpus, index, result, stats)
        result.extra["duplicates"] = stats
        corpus.clear()
        return result
