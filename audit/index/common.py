"""What every index backend shares: parameters, the claim-or-match decision and its in-memory form.

An index answers one question per incoming document, in the batch's order: *is this text already
ingested?* The answer (an :class:`Outcome`) is the same whatever the backend (a SQLite file, a Redis
server, or the in-memory overlay that stands for the earlier documents of the running batch):

1. **own**: the document is its own earlier claim (the same batch, re-run after a crash: same batch
   fingerprint, same position, same text): it is kept again and not added twice;
2. **exact**: an indexed document has the same exact key (:func:`audit.normalize.content_hash`): the
   earliest ingested one is named;
3. **near**: the most similar indexed document among the LSH candidates has an estimated Jaccard
   similarity (:func:`similarity`, from 8-bit signatures) at or above the threshold (ties: the earliest);
4. **new**: none of these; with ``claim`` the document is recorded as the holder of its keys.

Claims made by the same batch for documents *after* the current one are ignored, so re-running a
batch reproduces the decisions of its first run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence, cast, overload

import numpy as np
import xxhash

from audit import minhash
from audit.minhash import MinHashParams

#: Bits kept per signature value in an index (b-bit MinHash); the similarity estimate corrects for chance.
SIGNATURE_BITS = 8
#: Storage layout of the index (bumped when a stored field changes meaning).
INDEX_FORMAT = 3
#: Candidates compared per document at most (the earliest ingested first).
MAX_CANDIDATES = 200


# ---------------------------------------------------------------------------
# Pure helpers


def params_fingerprint(params: MinHashParams) -> dict[str, Any]:
    """The parameters an index records in its header (and refuses to mix)."""
    fp = dict(params.fingerprint())
    fp["index_format"] = INDEX_FORMAT
    fp["signature_bits"] = SIGNATURE_BITS
    fp["band_keys"] = "splitmix64-rows"
    return fp


def mismatch(stored: dict[str, Any], wanted: dict[str, Any]) -> list[str]:
    """Human-readable differences between two parameter fingerprints (empty when compatible)."""
    keys = sorted(set(stored) | set(wanted))
    return [
        f"{k}: index has {stored.get(k)!r}, this run uses {wanted.get(k)!r}"
        for k in keys
        if stored.get(k) != wanted.get(k)
    ]


def mismatch_advice(have: dict[str, Any], wanted: dict[str, Any]) -> str:
    tunable = {"shingle_size", "num_perm", "bands", "rows", "seed"}
    if all(k in tunable for k in set(have) | set(wanted) if have.get(k) != wanted.get(k)):
        return "set the index's values in the [index] config table, or build a new index"
    return "it was built by another version of corpus-audit: build a new index"


def compute_signatures(texts: Sequence[str], params: MinHashParams) -> np.ndarray:
    """Signatures of many texts as a ``(len(texts), num_perm)`` uint32 array."""
    sigs = np.asarray(minhash.signatures(list(texts), params), dtype=np.uint32)
    return sigs.reshape(len(texts), params.num_perm)


def small_signature(sig: np.ndarray) -> bytes:
    """The stored form of a signature: the low :data:`SIGNATURE_BITS` bits of each value."""
    return np.asarray(sig, dtype=np.uint32).astype(np.uint8).tobytes()


@overload
def similarity_counts(equal: np.ndarray, num_perm: int) -> np.ndarray: ...
@overload
def similarity_counts(equal: int, num_perm: int) -> float: ...
def similarity_counts(equal: np.ndarray | int, num_perm: int) -> np.ndarray | float:
    """Estimated Jaccard similarity from the number of equal 8-bit values (chance agreement removed)."""
    chance = 1.0 / (1 << SIGNATURE_BITS)
    est = (np.asarray(equal, dtype=np.float64) / num_perm - chance) / (1.0 - chance)
    return np.clip(est, 0.0, 1.0)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two stored signatures."""
    eq = int(np.count_nonzero(np.frombuffer(a, np.uint8) == np.frombuffer(b, np.uint8)))
    return float(similarity_counts(eq, len(a)))


def band_rows(sigs: np.ndarray, params: MinHashParams) -> np.ndarray:
    """LSH band keys of many signatures (:func:`audit.minhash.band_hashes`, vectorised) as int64 ``n x bands``."""
    return minhash.band_hashes(np.asarray(sigs, dtype=np.uint32).reshape(-1, params.num_perm), params).view(np.int64)


def band_array(sig: np.ndarray, params: MinHashParams) -> tuple[int, ...]:
    """One signature's LSH band keys as signed 64-bit integers."""
    return tuple(band_rows(sig, params)[0].tolist())


def batch_fingerprint(ids: Sequence[str], hashes: Sequence[bytes]) -> bytes:
    """8 bytes naming a batch by its documents' ids and exact keys, in order: a re-run of the same
    batch has the same fingerprint, so it recognises its own earlier claims."""
    h = xxhash.xxh3_64()
    for doc_id, key in zip(ids, hashes, strict=True):
        h.update(doc_id.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
        h.update(key)
    return h.digest()


# ---------------------------------------------------------------------------
# Values


@dataclass(frozen=True)
class Entry:
    """One incoming document as an index sees it."""

    ordinal: int  # position in its batch
    id: str
    source: str
    chars: int
    hash: bytes  # content_hash, 16 bytes
    sig: bytes | None  # small_signature(...), None when too short for near matching
    bands: tuple[int, ...] | None = None  # signed 64-bit band keys (with sig)


@dataclass(frozen=True)
class Match:
    """An indexed document that an incoming one duplicates."""

    id: str
    source: str
    chars: int
    similarity: float
    exact: bool
    #: True when the indexed document was claimed by the same batch (an earlier document of it).
    same_batch: bool = False


@dataclass(frozen=True)
class Outcome:
    """The index's answer for one entry: ``kind`` is "new", "own", "exact" or "near"."""

    kind: str
    match: Match | None = None

    @property
    def kept(self) -> bool:
        return self.kind in ("new", "own")


NEW = Outcome("new")
OWN = Outcome("own")


@dataclass
class _Doc:
    n: int
    id: str
    source: str
    chars: int
    hash: bytes
    sig: bytes | None
    batch: bytes
    ord: int


def visible(batch: bytes, ord_: int, fp: bytes, ordinal: int) -> bool:
    """Whether a claim (batch, ord) counts for entry ``ordinal`` of batch ``fp`` (later claims of the
    same batch do not: a re-run decides as the first run did)."""
    return batch != fp or ord_ < ordinal


@dataclass
class Overlay:
    """An in-memory index: the running batch's claims (and the store for tests and read-only runs)."""

    params: MinHashParams
    threshold: float
    docs: list[_Doc] = field(default_factory=list)
    by_hash: dict[bytes, list[int]] = field(default_factory=dict)
    by_band: dict[int, list[int]] = field(default_factory=dict)

    def add(self, e: Entry, batch: bytes, n: int | None = None) -> _Doc:
        d = _Doc(len(self.docs) if n is None else n, e.id, e.source, e.chars, e.hash, e.sig, batch, e.ordinal)
        i = len(self.docs)
        self.docs.append(d)
        self.by_hash.setdefault(e.hash, []).append(i)
        if e.sig is not None and e.bands is not None:
            by_band = self.by_band
            for k in e.bands:
                if k in by_band:
                    by_band[k].append(i)
                else:
                    by_band[k] = [i]
        return d

    def decide(self, e: Entry, fp: bytes) -> Outcome:
        """The outcome for ``e`` against the documents held here (see the module docstring)."""
        for i in self.by_hash.get(e.hash, ()):
            d = self.docs[i]
            if d.batch == fp and d.ord == e.ordinal:
                return OWN
        for i in self.by_hash.get(e.hash, ()):
            d = self.docs[i]
            if visible(d.batch, d.ord, fp, e.ordinal):
                return Outcome("exact", Match(d.id, d.source, d.chars, 1.0, True, d.batch == fp))
        if e.sig is None or e.bands is None:
            return NEW
        cands: set[int] = set()
        by_band = self.by_band
        for k in e.bands:
            hit = by_band.get(k)
            if hit is not None:
                cands.update(hit)
        if not cands:
            return NEW
        picked = sorted(
            i
            for i in cands
            if self.docs[i].sig is not None and visible(self.docs[i].batch, self.docs[i].ord, fp, e.ordinal)
        )[:MAX_CANDIDATES]
        if not picked:
            return NEW
        mine = np.frombuffer(e.sig, np.uint8)
        # ``picked`` holds only documents with a signature
        matrix = np.frombuffer(b"".join(cast(bytes, self.docs[i].sig) for i in picked), np.uint8).reshape(
            len(picked), -1
        )
        sims = similarity_counts((matrix == mine[None, :]).sum(axis=1), len(e.sig))
        best = int(np.argmax(sims))
        if sims[best] >= self.threshold:
            d = self.docs[picked[best]]
            return Outcome("near", Match(d.id, d.source, d.chars, float(sims[best]), False, d.batch == fp))
        return NEW


def _similarity(near: Outcome) -> float:
    assert near.match is not None  # a "near" outcome always names its match
    return near.match.similarity


def combine(base: Outcome, overlay: Outcome) -> Outcome:
    """One outcome from the store's (``base``: documents ingested before) and the batch overlay's
    (later claims): as if both were one index with the store's documents first."""
    if base.kind in ("own", "exact"):
        return base
    if overlay.kind == "exact":
        return overlay
    if base.kind == "near" and (overlay.kind != "near" or _similarity(base) >= _similarity(overlay)):
        return base
    return overlay if overlay.kind == "near" else base


__all__ = [
    "Entry",
    "INDEX_FORMAT",
    "Match",
    "NEW",
    "OWN",
    "Outcome",
    "Overlay",
    "SIGNATURE_BITS",
    "band_array",
    "batch_fingerprint",
    "combine",
    "compute_signatures",
    "mismatch",
    "params_fingerprint",
    "similarity",
    "small_signature",
]
