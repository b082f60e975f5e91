"""The persistent index: every document ever ingested, for deduplicating new batches.

An index is a directory holding one SQLite database (``index.sqlite``; no server).
It stores, for every ingested document, its id, source, length, exact content
hash (:func:`audit.normalize.content_hash`) and MinHash signature, plus one row
per LSH band key. It holds no texts: near-duplicates are verified by signature
similarity (:func:`audit.minhash.estimated_jaccard`).

The index records the parameters its signatures were made with
(:meth:`MinHashParams.fingerprint`, which includes the normalisation version) and
refuses to be used with others (:class:`audit.errors.IndexMismatchError`).

Lookups are batched: a batch's distinct band keys are resolved with a handful of
``IN`` queries against the band tables (``WITHOUT ROWID`` B-trees keyed on the
band key: ``bands`` and a smaller ``bands_recent`` that takes each update and is
merged into ``bands`` when it reaches a quarter of it, so that adding a batch
costs in proportion to the batch, not the index), then the candidates' signatures are fetched once and compared
with numpy.

:class:`IndexCheck` (rules DUP010 / DUP011) reports incoming documents that
duplicate an indexed one; it never changes the index. ``filter --update-index``
adds the kept documents (:meth:`DocumentIndex.add`, one transaction).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np

from audit import minhash
from audit.errors import IndexMismatchError, InputError
from audit.minhash import MinHashParams
from audit.model import Category, Finding, Related, Severity
from audit.normalize import content_hash
from audit.rules import CorpusCheck, CorpusResult, DocContext, Rule

INDEX_FILE = "index.sqlite"
INDEX_FORMAT = 2
#: Band keys per ``IN (...)`` query (SQLite allows 32766 variables).
_QUERY_CHUNK = 5000
#: Documents whose signatures are computed and looked up together.
_LOOKUP_BATCH = 2048
#: ``bands_recent`` is merged into ``bands`` when it holds more than this share of all band rows.
_MERGE_SHARE = 0.25

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
    n INTEGER PRIMARY KEY,      -- ingestion order
    id TEXT NOT NULL,
    source TEXT NOT NULL,
    chars INTEGER NOT NULL,
    hash BLOB NOT NULL,         -- content_hash, 16 bytes
    sig BLOB                    -- uint32 little-endian x num_perm; NULL when too short for near matching
);
CREATE INDEX IF NOT EXISTS docs_hash ON docs (hash);
CREATE TABLE IF NOT EXISTS bands (key INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc)) WITHOUT ROWID;
-- Recent additions: a small B-tree, so an update touches pages in proportion to the batch, not the index.
CREATE TABLE IF NOT EXISTS bands_recent (key INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc))
    WITHOUT ROWID;
"""


# ---------------------------------------------------------------------------
# Pure helpers


def band_ints(sig: np.ndarray, params: MinHashParams) -> list[int]:
    """The signature's LSH band keys as signed 64-bit integers (SQLite INTEGER)."""
    return band_array(sig, params).tolist()


def band_array(sig: np.ndarray, params: MinHashParams) -> np.ndarray:
    """The band keys (:func:`audit.minhash.band_keys`) as an int64 array."""
    return np.frombuffer(b"".join(k[:8] for k in minhash.band_keys(sig, params)), dtype="<i8")


def compute_signatures(texts: Sequence[str], params: MinHashParams) -> np.ndarray:
    """Signatures of many texts as a ``(len(texts), num_perm)`` uint32 array."""
    batch = getattr(minhash, "signatures", None)
    if batch is not None:
        sigs = np.asarray(batch(list(texts), params), dtype=np.uint32)
        return sigs.reshape(len(texts), params.num_perm)
    out = np.empty((len(texts), params.num_perm), dtype=np.uint32)
    for i, text in enumerate(texts):
        out[i] = minhash.signature(text, params)
    return out


def params_fingerprint(params: MinHashParams) -> dict[str, Any]:
    fp = dict(params.fingerprint())
    fp["index_format"] = INDEX_FORMAT
    return fp


def mismatch(stored: dict[str, Any], wanted: dict[str, Any]) -> list[str]:
    """Human-readable differences between two parameter fingerprints (empty when compatible)."""
    keys = sorted(set(stored) | set(wanted))
    return [f"{k}: index has {stored.get(k)!r}, this run uses {wanted.get(k)!r}" for k in keys
            if stored.get(k) != wanted.get(k)]


def words(text: str) -> int:
    return len(text.split())


@dataclass(frozen=True)
class Match:
    """An indexed document that an incoming one duplicates."""

    id: str
    source: str
    chars: int
    similarity: float
    exact: bool


# ---------------------------------------------------------------------------
# The store


class DocumentIndex:
    """An embedded SQLite index of ingested documents in ``directory``."""

    def __init__(self, directory: Path, conn: sqlite3.Connection, params: MinHashParams, readonly: bool) -> None:
        self.directory = directory
        self.conn = conn
        self.params = params
        self.readonly = readonly

    # -- opening ----------------------------------------------------------

    @classmethod
    def open(cls, directory: str | Path, params: MinHashParams | None = None, *, create: bool = False,
             readonly: bool = False) -> DocumentIndex:
        """Open (or with ``create``, create) the index in ``directory``.

        Raises :class:`InputError` when there is no index and ``create`` is false,
        and :class:`IndexMismatchError` when the index was built with other parameters.
        """
        params = params or MinHashParams()
        directory = Path(directory)
        path = directory / INDEX_FILE
        if not path.is_file():
            if not create:
                raise InputError(f"no index in {directory} (expected {path}; create one with filter --update-index)")
            if directory.exists() and not directory.is_dir():
                raise InputError(f"index path {directory} exists and is not a directory")
            directory.mkdir(parents=True, exist_ok=True)
        try:
            if readonly:
                conn = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True, timeout=60)
            else:
                conn = sqlite3.connect(str(path), timeout=60)
            conn.execute("PRAGMA cache_size = -131072")
            if not readonly:
                conn.executescript(_SCHEMA)
            stored = conn.execute("SELECT value FROM meta WHERE key = 'params'").fetchone()
        except sqlite3.DatabaseError as err:
            raise InputError(f"{path} is not a usable corpus-audit index: {err}") from None
        wanted = params_fingerprint(params)
        if stored is None:
            if readonly:
                conn.close()
                raise InputError(f"{path} is not a corpus-audit index (no parameters recorded)")
            with conn:
                conn.execute("INSERT INTO meta (key, value) VALUES ('params', ?)",
                             (json.dumps(wanted, sort_keys=True),))
        else:
            have = json.loads(stored[0])
            diffs = mismatch(have, wanted)
            if diffs:
                conn.close()
                tunable = {"shingle_size", "num_perm", "bands", "rows", "seed"}
                if all(k in tunable for k in set(have) | set(wanted) if have.get(k) != wanted.get(k)):
                    advice = "set the index's values in the [index] config table, or build a new index"
                else:
                    advice = "it was built by another version of corpus-audit: build a new index"
                raise IndexMismatchError(
                    f"index {directory} was built with incompatible parameters ({'; '.join(diffs)}); {advice}"
                )
        return cls(directory, conn, params, readonly)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> DocumentIndex:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- reading ----------------------------------------------------------

    def __len__(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM docs").fetchone()[0]

    def stored_params(self) -> dict[str, Any]:
        return json.loads(self.conn.execute("SELECT value FROM meta WHERE key = 'params'").fetchone()[0])

    def size_bytes(self) -> int:
        """Bytes on disk (the database file and any journal)."""
        return sum(p.stat().st_size for p in self.directory.glob(INDEX_FILE + "*"))

    def used_bytes(self) -> int:
        """Bytes in use: the file less its free pages (left by merging the recent band table)."""
        page = self.conn.execute("PRAGMA page_size").fetchone()[0]
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        free = self.conn.execute("PRAGMA freelist_count").fetchone()[0]
        return (pages - free) * page

    def _query(self, sql: str, args: Sequence[Any]) -> list[tuple]:
        try:
            return self.conn.execute(sql, args).fetchall()
        except sqlite3.Error as err:
            raise InputError(f"cannot read index {self.directory}: {err}") from None

    def lookup_exact(self, hashes: Iterable[bytes]) -> dict[bytes, Match]:
        """The first-ingested indexed document for each of ``hashes`` that is indexed."""
        wanted = sorted(set(hashes))
        out: dict[bytes, Match] = {}
        for i in range(0, len(wanted), _QUERY_CHUNK):
            chunk = wanted[i : i + _QUERY_CHUNK]
            rows = self._query(
                f"SELECT hash, id, source, chars FROM docs WHERE hash IN ({','.join('?' * len(chunk))}) ORDER BY n",
                chunk,
            )
            for h, doc_id, source, chars in rows:
                if h not in out:
                    out[h] = Match(doc_id, source, chars, 1.0, True)
        return out

    def lookup_near(self, sigs: np.ndarray, threshold: float, max_candidates: int = 200) -> list[Match | None]:
        """For each signature row, the most similar indexed document at or above ``threshold``."""
        params = self.params
        keys_per_doc = [band_ints(sig, params) for sig in sigs]
        distinct = sorted({k for keys in keys_per_doc for k in keys})
        postings: dict[int, list[int]] = {}
        for i in range(0, len(distinct), _QUERY_CHUNK):
            chunk = distinct[i : i + _QUERY_CHUNK]
            rows = self._query(
                f"SELECT key, doc FROM bands WHERE key IN ({','.join('?' * len(chunk))}) UNION ALL "
                f"SELECT key, doc FROM bands_recent WHERE key IN ({','.join('?' * len(chunk))})", chunk + chunk
            )
            for key, doc in rows:
                postings.setdefault(key, []).append(doc)
        candidates_per_doc: list[list[int]] = []
        wanted: set[int] = set()
        for keys in keys_per_doc:
            cands: set[int] = set()
            for k in keys:
                cands.update(postings.get(k, ()))
            picked = sorted(cands)[:max_candidates]
            candidates_per_doc.append(picked)
            wanted.update(picked)
        info: dict[int, tuple[str, str, int]] = {}
        cand_sigs: dict[int, np.ndarray] = {}
        wanted_list = sorted(wanted)
        for i in range(0, len(wanted_list), _QUERY_CHUNK):
            chunk = wanted_list[i : i + _QUERY_CHUNK]
            rows = self._query(
                f"SELECT n, id, source, chars, sig FROM docs WHERE n IN ({','.join('?' * len(chunk))})", chunk
            )
            for n, doc_id, source, chars, sig in rows:
                if sig is None:
                    continue
                info[n] = (doc_id, source, chars)
                cand_sigs[n] = np.frombuffer(sig, dtype="<u4")
        out: list[Match | None] = []
        for sig, cands in zip(sigs, candidates_per_doc, strict=True):
            cands = [c for c in cands if c in cand_sigs]
            if not cands:
                out.append(None)
                continue
            matrix = np.stack([cand_sigs[c] for c in cands])
            sims = (matrix == sig[None, :]).mean(axis=1)
            best = int(np.argmax(sims))  # first (earliest ingested) among equals
            if sims[best] >= threshold:
                doc_id, source, chars = info[cands[best]]
                out.append(Match(doc_id, source, chars, float(sims[best]), False))
            else:
                out.append(None)
        return out

    # -- writing ----------------------------------------------------------

    def _maybe_merge(self, added_rows: int) -> None:
        """Fold ``bands_recent`` into ``bands`` once it is a sizeable share (inside the caller's transaction).

        Inserting in key order into the big B-tree rewrites most of its pages, so it is done only
        every few batches (amortised), or at once while the index is small. Row counts are kept in
        ``meta`` (counting a large table would read all of it).
        """
        counts = dict(self.conn.execute("SELECT key, value FROM meta WHERE key IN ('rows_main', 'rows_recent')"))
        main = int(counts.get("rows_main", 0))
        recent = int(counts.get("rows_recent", 0)) + added_rows
        if recent > _MERGE_SHARE * (main + recent):
            self.conn.execute("INSERT OR IGNORE INTO bands (key, doc) SELECT key, doc FROM bands_recent ORDER BY key")
            self.conn.execute("DELETE FROM bands_recent")
            main, recent = main + recent, 0
        self.conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                              [("rows_main", str(main)), ("rows_recent", str(recent))])

    def add(
        self,
        ids: Sequence[str],
        sources: Sequence[str],
        chars: Sequence[int],
        hashes: Sequence[bytes],
        sigs: Sequence[np.ndarray | None],
    ) -> int:
        """Add documents in one transaction; ``sigs[i]`` is None for documents too short for near matching."""
        if self.readonly:
            raise InputError(f"index {self.directory} was opened read-only")
        params = self.params
        try:
            # Take the write lock before reading MAX(n): two filters updating one index at once
            # would otherwise number their documents alike (UNIQUE constraint failed: docs.n).
            if not self.conn.in_transaction:
                self.conn.execute("BEGIN IMMEDIATE")
            start = self.conn.execute("SELECT COALESCE(MAX(n), 0) FROM docs").fetchone()[0] + 1
        except sqlite3.Error as err:
            if self.conn.in_transaction:
                self.conn.rollback()
            raise InputError(f"cannot add to index {self.directory}: {err} (nothing was added)") from None
        band_keys: list[np.ndarray] = []
        band_docs: list[int] = []
        doc_rows = []
        for j, (doc_id, source, n_chars, h, sig) in enumerate(zip(ids, sources, chars, hashes, sigs, strict=True)):
            n = start + j
            blob = None
            if sig is not None:
                sig = np.asarray(sig, dtype="<u4")
                blob = sig.tobytes()
                band_keys.append(band_array(sig, params))
                band_docs.append(n)
            doc_rows.append((n, doc_id, source, int(n_chars), h, blob))
        n_band_rows = sum(len(k) for k in band_keys)
        if band_keys:
            keys = np.concatenate(band_keys)
            docs = np.repeat(np.asarray(band_docs, dtype=np.int64), params.bands)
            order = np.lexsort((docs, keys))  # key order: B-tree appends, not random inserts
            keys, docs = keys[order], docs[order]
            band_rows = (row for i in range(0, len(keys), 65536)
                         for row in zip(keys[i : i + 65536].tolist(), docs[i : i + 65536].tolist(), strict=True))
        else:
            band_rows = iter(())
        try:
            with self.conn:
                self.conn.executemany("INSERT INTO docs (n, id, source, chars, hash, sig) VALUES (?, ?, ?, ?, ?, ?)",
                                      doc_rows)
                self.conn.executemany("INSERT OR IGNORE INTO bands_recent (key, doc) VALUES (?, ?)", band_rows)
                self._maybe_merge(n_band_rows)
        except sqlite3.Error as err:
            raise InputError(f"cannot add to index {self.directory}: {err} (nothing was added)") from None
        return len(doc_rows)


# ---------------------------------------------------------------------------
# The check

DUP010 = Rule(
    id="DUP010",
    name="exact-duplicate-of-indexed",
    category=Category.DUPLICATE,
    severity=Severity.ERROR,
    description="Document is identical (after normalisation) to a document already in the persistent index "
    "(--index).",
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

    #: Index directory (``--index DIR`` sets it); empty: no index lookups.
    path: str = ""
    #: Estimated Jaccard similarity at or above which an indexed document counts as a near copy.
    near_threshold: float = 0.7
    #: Documents with fewer words are only matched exactly (short texts give unreliable signatures).
    min_words: int = 20
    #: MinHash parameters; they must equal the index's (recorded when it was created).
    shingle_size: int = 5
    num_perm: int = 128
    bands: int = 32
    rows: int = 4
    seed: int = 1

    def __post_init__(self) -> None:
        self.params()  # validates bands x rows == num_perm (a ValueError becomes a config error)
        if not 0.0 <= self.near_threshold <= 1.0:
            raise ValueError(f"near_threshold must be between 0 and 1, not {self.near_threshold!r}")

    def params(self) -> MinHashParams:
        return MinHashParams(shingle_size=self.shingle_size, num_perm=self.num_perm, bands=self.bands,
                             rows=self.rows, seed=self.seed)


class IndexCheck(CorpusCheck):
    """Duplicates of documents in the persistent index (inert without ``[index] path``).

    ``observe`` records each document's content hash and word count; ``finish``
    computes signatures in batches, looks them up and keeps them, so that
    ``filter --update-index`` can add the kept documents without hashing again.
    """

    rules = (DUP010, DUP011)
    section = "index"
    config_class = IndexConfig
    order = 60

    def __init__(self, config=None, settings=None) -> None:
        super().__init__(config, settings)
        self.params = self.config.params()
        self.index: DocumentIndex | None = None
        if self.config.path:
            self.index = DocumentIndex.open(self.config.path, self.params, readonly=True)
        self.hashes: list[bytes] = []
        self.sources: list[str] = []
        self._words: list[int] = []
        self._chars: list[int] = []
        self._sigs: dict[int, np.ndarray] = {}

    def observe(self, ctx: DocContext) -> Iterable[Finding]:
        if self.index is None:
            return ()
        text = ctx.text
        self.hashes.append(content_hash(text))
        # Provenance: the record's source field when it has one ("reuters"), else the input file it came
        # from ("batch-0412.jsonl"), which says more about an ingested document than its folder.
        self.sources.append(ctx.record_source(self.settings.source_field) or ctx.doc.source)
        self._words.append(words(text))
        self._chars.append(len(text))
        return ()

    def signature_of(self, ordinal: int) -> np.ndarray | None:
        """The signature computed for a document (None when too short or not computed)."""
        return self._sigs.get(ordinal)

    def finish(self, text_of, ids: list[str]) -> CorpusResult:
        result = CorpusResult()
        if self.index is None:
            return result
        exact = self.index.lookup_exact(h for h, w in zip(self.hashes, self._words, strict=True) if w)
        near_ordinals: list[int] = []
        for ordinal, h in enumerate(self.hashes):
            if not self._words[ordinal]:
                continue  # empty documents are ART001's, not duplicates
            if self._words[ordinal] >= self.config.min_words:
                near_ordinals.append(ordinal)
            m = exact.get(h)
            if m is not None:
                result.add(ordinal, DUP010.finding(
                    (0, self._chars[ordinal]),
                    f"exact duplicate of already-ingested document {m.id} (from {m.source}; identical after "
                    "normalisation)",
                    related=[Related(m.id, 0, m.chars, 1.0)],
                    data={"duplicate_of": m.id, "indexed": True, "source": m.source},
                ))
        for i in range(0, len(near_ordinals), _LOOKUP_BATCH):
            chunk = near_ordinals[i : i + _LOOKUP_BATCH]
            texts = [text_of(o) for o in chunk]
            sigs = compute_signatures(texts, self.params)
            for o, sig in zip(chunk, sigs, strict=True):
                self._sigs[o] = sig
            todo = [j for j, o in enumerate(chunk) if self.hashes[o] not in exact]
            if not todo:
                continue
            matches = self.index.lookup_near(sigs[todo], self.config.near_threshold)
            for j, m in zip(todo, matches, strict=True):
                if m is None:
                    continue
                o = chunk[j]
                result.add(o, DUP011.finding(
                    (0, len(texts[j])),
                    f"near duplicate of already-ingested document {m.id} (from {m.source}; estimated "
                    f"similarity {m.similarity:.2f} >= {self.config.near_threshold})",
                    related=[Related(m.id, 0, m.chars, m.similarity)],
                    data={"duplicate_of": m.id, "indexed": True, "source": m.source,
                          "similarity": round(m.similarity, 4)},
                ))
        return result


__all__ = ["DocumentIndex", "IndexCheck", "IndexConfig", "Match", "DUP010", "DUP011", "INDEX_FILE"]
