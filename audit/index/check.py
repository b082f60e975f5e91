"""The index check (rules DUP010 / DUP011) and the ``[index]`` config table.

:class:`IndexCheck` reports incoming documents that duplicate an indexed one; it never changes the
index. It also prepares what the filter gives an index for every document (:meth:`IndexCheck.entries`:
exact key, 8-bit signature, band keys), so ``filter`` hashes each document once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import numpy as np
import xxhash

from audit.index.common import Entry, Outcome, band_rows, compute_signatures, small_signature
from audit.index.open import open_index
from audit.model import Category, Finding, Related, Severity
from audit.rules import CorpusCheck, CorpusResult, DocContext, Rule

#: Documents whose signatures are computed together.
_LOOKUP_BATCH = 2048

DUP010 = Rule(
    id="DUP010",
    name="exact-duplicate-of-indexed",
    category=Category.DUPLICATE,
    severity=Severity.ERROR,
    description="Document is identical (after normalisation) to a document already in the persistent index (--index).",
    flags=("A batch document whose text was ingested before, even with different spacing or quotes.",),
    not_flags=("A document never ingested; any document when no --index is given.",),
)

DUP011 = Rule(
    id="DUP011",
    name="near-duplicate-of-indexed",
    category=Category.DUPLICATE,
    severity=Severity.WARNING,
    description="Document is a near copy of a document already in the persistent index (--index): estimated "
    "shingle Jaccard similarity at or above `near_threshold`.",
    flags=("A re-published article with a changed headline or a trailing 'Read more' block.",),
    not_flags=("A different article on the same story that shares a few sentences.",),
)


@dataclass(frozen=True)
class IndexConfig:
    """``[index]``: the persistent index and its MinHash parameters."""

    #: Index folder or ``redis://host:port/db?prefix=NAME`` URL (``--index`` sets it); empty: no index.
    path: str = ""
    #: Estimated Jaccard similarity at or above which a document counts as a near copy of an indexed one,
    #: and (in ``filter``) of an earlier kept document of the same batch.
    near_threshold: float = 0.7
    #: Documents with fewer words are only matched exactly (short texts give unreliable signatures).
    min_words: int = 20
    #: MinHash parameters; they must equal the index's (recorded when it was created).
    shingle_size: int = 5
    num_perm: int = 128
    bands: int = 32
    rows: int = 4
    seed: int = 1
    #: Redis index: band keys are packed into 2**bits strings (chosen when the index is created and recorded
    #: in its header; an existing index keeps its own, whatever this says). Memory
    #: per document is lowest at about log2(expected documents) - 3: 17 for a million documents, 24 for 10**8.
    redis_bucket_bits: int = 18
    #: Redis index: environment variable holding the password when the URL has none.
    password_env: str = "CORPUS_AUDIT_REDIS_PASSWORD"

    def __post_init__(self) -> None:
        self.params()  # validates bands x rows == num_perm (a ValueError becomes a config error)
        if not 0.0 <= self.near_threshold <= 1.0:
            raise ValueError(f"near_threshold must be between 0 and 1, not {self.near_threshold!r}")
        if not 8 <= self.redis_bucket_bits <= 40:
            raise ValueError(f"redis_bucket_bits must be between 8 and 40, not {self.redis_bucket_bits!r}")

    def params(self):
        from audit.minhash import MinHashParams

        return MinHashParams(
            shingle_size=self.shingle_size, num_perm=self.num_perm, bands=self.bands, rows=self.rows, seed=self.seed
        )

    def open(self, *, create: bool = False, readonly: bool = False):
        return open_index(
            self.path,
            self.params(),
            create=create,
            readonly=readonly,
            bucket_bits=self.redis_bucket_bits,
            password_env=self.password_env,
        )


class IndexCheck(CorpusCheck):
    """Duplicates of documents in the persistent index (inert without ``[index] path``).

    ``observe`` records each document's exact key and word count; ``finish`` computes the signatures
    in batches and looks them up. With ``collect`` (the filter) it does the same without an index, so
    the filter can decide and claim without hashing again.
    """

    rules = (DUP010, DUP011)
    section = "index"
    config_class = IndexConfig
    order = 60

    def __init__(self, config=None, settings=None, *, collect: bool = False) -> None:
        super().__init__(config, settings)
        self.params = self.config.params()
        self.index = self.config.open(readonly=True) if self.config.path else None
        self.collect = collect
        self.hashes: list[bytes] = []
        self.sources: list[str] = []
        self.chars: list[int] = []
        self._words: list[int] = []
        self._sigs: dict[int, np.ndarray] = {}
        self._bands: dict[int, tuple[int, ...]] = {}

    @property
    def collect(self) -> bool:
        return self._collect

    @collect.setter
    def collect(self, value: bool) -> None:
        self._collect = value
        self.layer_needs = ("normalized",) if (value or self.index is not None) else ()

    def observe(self, ctx: DocContext) -> Iterable[Finding]:
        if self.index is None and not self.collect:
            return ()
        text = ctx.text
        # The text layer's normalised text (the duplicates check's exact key hashes the same string,
        # computed once, in the workers when the document stage is parallel): content_hash(text).
        norm = ctx.layer.normalized
        self.hashes.append(xxhash.xxh3_128_digest(norm.encode("utf-8", "surrogatepass")))
        # Provenance: the record's source field when it has one ("reuters"), else the input file it came
        # from ("batch-0412.jsonl"), which says more about an ingested document than its folder.
        self.sources.append(ctx.record_source(self.settings.source_field) or ctx.doc.source)
        self._words.append(norm.count(" ") + 1 if norm else 0)  # words(text), from the normalised text
        self.chars.append(len(text))
        return ()

    def signature_of(self, ordinal: int) -> np.ndarray | None:
        """The signature computed for a document (None when too short or not computed)."""
        return self._sigs.get(ordinal)

    def entry(self, ordinal: int, doc_id: str) -> Entry | None:
        """What an index is given for a document (None for an empty one: ART001's, not a duplicate)."""
        if not self._words[ordinal]:
            return None
        sig = self._sigs.get(ordinal)
        small = small_signature(sig) if sig is not None else None
        bands = self._bands.get(ordinal) if sig is not None else None
        return Entry(ordinal, doc_id, self.sources[ordinal], self.chars[ordinal], self.hashes[ordinal], small, bands)

    def finish(self, text_of, ids: list[str]) -> CorpusResult:
        result = CorpusResult()
        if self.index is None and not self.collect:
            return result
        near = [o for o, w in enumerate(self._words) if w >= self.config.min_words]
        for i in range(0, len(near), _LOOKUP_BATCH):
            chunk = near[i : i + _LOOKUP_BATCH]
            sigs = compute_signatures([text_of(o) for o in chunk], self.params)
            for o, sig, bands in zip(chunk, sigs, band_rows(sigs, self.params).tolist(), strict=True):
                self._sigs[o] = sig
                self._bands[o] = tuple(bands)
        if self.index is None:
            return result
        entries = [e for e in (self.entry(o, ids[o]) for o in range(len(self.hashes))) if e is not None]
        outcomes = self.index.lookup(entries, b"", self.config.near_threshold)
        for e, out in zip(entries, outcomes, strict=True):
            finding = self.finding(e, out)
            if finding is not None:
                result.add(e.ordinal, finding)
        return result

    def finding(self, e: Entry, out: Outcome) -> Finding | None:
        m = out.match
        if m is None:
            return None
        if m.exact:
            return DUP010.finding(
                (0, e.chars),
                f"exact duplicate of already-ingested document {m.id} (from {m.source}; identical after normalisation)",
                related=[Related(m.id, 0, m.chars, 1.0)],
                data={"duplicate_of": m.id, "indexed": True, "source": m.source},
            )
        return DUP011.finding(
            (0, e.chars),
            f"near duplicate of already-ingested document {m.id} (from {m.source}; estimated "
            f"similarity {m.similarity:.2f} >= {self.config.near_threshold})",
            related=[Related(m.id, 0, m.chars, m.similarity)],
            data={"duplicate_of": m.id, "indexed": True, "source": m.source, "similarity": round(m.similarity, 4)},
        )

    def close(self) -> None:
        if self.index is not None:
            self.index.close()


__all__ = ["DUP010", "DUP011", "IndexCheck", "IndexConfig"]
