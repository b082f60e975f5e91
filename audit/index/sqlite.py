"""The default index: one SQLite database in a folder (``index.sqlite``; no server).

It stores, for every ingested document, its id, source, length, exact key (16 bytes), 8-bit
signature (128 bytes) and the batch that claimed it, plus one row per LSH band key. Lookups are
batched: a batch's distinct band keys are resolved with a handful of ``IN`` queries against the band
tables (``WITHOUT ROWID`` B-trees: ``bands`` and a smaller ``bands_recent`` that takes each update and
is merged into ``bands`` when it reaches a quarter of it, so that adding a batch costs in proportion
to the batch), then the candidates' signatures are fetched once and compared with numpy.

:meth:`SqliteIndex.claim` decides and records a batch inside one write transaction (``BEGIN
IMMEDIATE``): a second filter on the same index waits for the first and then sees its claims, so of
two racing filters exactly one keeps each text.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from audit.errors import IndexMismatchError, InputError
from audit.index.common import (
    MAX_CANDIDATES,
    NEW,
    OWN,
    Entry,
    Match,
    Outcome,
    Overlay,
    combine,
    mismatch,
    mismatch_advice,
    params_fingerprint,
    similarity_counts,
    visible,
)
from audit.minhash import MinHashParams

INDEX_FILE = "index.sqlite"
#: Band keys per ``IN (...)`` query (SQLite allows 32766 variables).
_QUERY_CHUNK = 5000
#: ``bands_recent`` is merged into ``bands`` when it holds more than this share of all band rows.
_MERGE_SHARE = 0.25
#: Seconds a filter waits for another's write transaction on the same index.
LOCK_TIMEOUT = 600

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
    n INTEGER PRIMARY KEY,      -- ingestion order
    id TEXT NOT NULL,
    source TEXT NOT NULL,
    chars INTEGER NOT NULL,
    hash BLOB NOT NULL,         -- content_hash, 16 bytes
    sig BLOB,                   -- 8-bit signature; NULL when too short for near matching
    batch BLOB NOT NULL,        -- fingerprint of the batch that claimed it (8 bytes)
    ord INTEGER NOT NULL        -- its position in that batch
);
CREATE INDEX IF NOT EXISTS docs_hash ON docs (hash);
CREATE TABLE IF NOT EXISTS bands (key INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS bands_recent (key INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc))
    WITHOUT ROWID;
"""


class SqliteIndex:
    """An embedded SQLite index of ingested documents in ``directory``."""

    def __init__(self, directory: Path, conn: sqlite3.Connection, params: MinHashParams, readonly: bool) -> None:
        self.directory = directory
        self.location = str(directory)
        self.conn = conn
        self.params = params
        self.readonly = readonly

    # -- opening ----------------------------------------------------------

    @classmethod
    def open(
        cls, directory: str | Path, params: MinHashParams | None = None, *, create: bool = False, readonly: bool = False
    ) -> SqliteIndex:
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
        conn = None
        try:
            if readonly and _hot_journal(path):
                # A writer was killed inside its transaction: a read-only connection cannot roll the
                # journal back, a read-write one does (the interrupted batch was never committed).
                try:
                    recover = sqlite3.connect(str(path), timeout=LOCK_TIMEOUT)
                    recover.execute("SELECT COUNT(*) FROM meta").fetchone()
                    recover.close()
                except sqlite3.Error:
                    pass  # no write access: the read-only open below explains
            if readonly:
                conn = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True, timeout=LOCK_TIMEOUT)
            else:
                conn = sqlite3.connect(str(path), timeout=LOCK_TIMEOUT, isolation_level=None)
            conn.execute("PRAGMA cache_size = -131072")
            if not readonly:
                conn.executescript(_SCHEMA)
            stored = conn.execute("SELECT value FROM meta WHERE key = 'params'").fetchone()
        except sqlite3.DatabaseError as err:
            if conn is not None:
                conn.close()
            hint = ""
            if "readonly" in str(err) or "read-only" in str(err):
                hint = " (a killed writer left a journal: open the index once with write access to recover it)"
            raise InputError(f"{path} is not a usable corpus-audit index: {err}{hint}") from None
        wanted = params_fingerprint(params)
        if stored is None:
            if readonly:
                conn.close()
                raise InputError(f"{path} is not a corpus-audit index (no parameters recorded)")
            conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('params', ?)", (json.dumps(wanted, sort_keys=True),)
            )
            stored = conn.execute("SELECT value FROM meta WHERE key = 'params'").fetchone()
        have = json.loads(stored[0])
        diffs = mismatch(have, wanted)
        if diffs:
            conn.close()
            raise IndexMismatchError(
                f"index {directory} was built with incompatible parameters ({'; '.join(diffs)}); "
                f"{mismatch_advice(have, wanted)}"
            )
        return cls(directory, conn, params, readonly)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SqliteIndex:
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

    def _in(self, sql: str, values: Sequence[Any], repeat: int = 1) -> list[tuple]:
        """Run ``sql`` (with ``{q}`` standing for the placeholders) over ``values`` in chunks."""
        rows: list[tuple] = []
        for i in range(0, len(values), _QUERY_CHUNK):
            chunk = list(values[i : i + _QUERY_CHUNK])
            rows += self._query(sql.format(q=",".join("?" * len(chunk))), chunk * repeat)
        return rows

    def lookup(self, entries: Sequence[Entry], fp: bytes, threshold: float) -> list[Outcome]:
        """Each entry's outcome against the indexed documents only (nothing is written)."""
        if not entries:
            return []
        by_hash: dict[bytes, list[tuple]] = {}
        for row in self._in(
            "SELECT hash, n, id, source, chars, batch, ord FROM docs WHERE hash IN ({q}) ORDER BY n",
            sorted({e.hash for e in entries}),
        ):
            by_hash.setdefault(row[0], []).append(row[1:])
        out: list[Outcome | None] = []
        near: list[int] = []
        for j, e in enumerate(entries):
            rows = by_hash.get(e.hash, ())
            if any(b == fp and o == e.ordinal for _, _, _, _, b, o in rows):
                out.append(OWN)
                continue
            hit = next((r for r in rows if visible(r[4], r[5], fp, e.ordinal)), None)
            if hit is not None:
                out.append(Outcome("exact", Match(hit[1], hit[2], hit[3], 1.0, True, hit[4] == fp)))
            elif e.sig is not None and e.bands is not None:
                out.append(None)
                near.append(j)
            else:
                out.append(NEW)
        if near:
            for j, o in zip(near, self._near([entries[j] for j in near], fp, threshold), strict=True):
                out[j] = o
        return out  # type: ignore[return-value]

    def _near(self, entries: list[Entry], fp: bytes, threshold: float) -> list[Outcome]:
        distinct = sorted({k for e in entries if e.bands is not None for k in e.bands})
        postings: dict[int, list[int]] = {}
        for key, doc in self._in(
            "SELECT key, doc FROM bands WHERE key IN ({q}) UNION ALL "
            "SELECT key, doc FROM bands_recent WHERE key IN ({q})",
            distinct,
            repeat=2,
        ):
            postings.setdefault(key, []).append(doc)
        cands_per: list[list[int]] = []
        wanted: set[int] = set()
        for e in entries:
            assert e.bands is not None  # lookup sends here only entries with a signature and bands
            cands: set[int] = set()
            for k in e.bands:
                hit = postings.get(k)
                if hit is not None:
                    cands.update(hit)
            cands_per.append(sorted(cands))
            wanted.update(cands)
        info: dict[int, tuple] = {}
        for n, doc_id, source, chars, sig, batch, ord_ in self._in(
            "SELECT n, id, source, chars, sig, batch, ord FROM docs WHERE n IN ({q})", sorted(wanted)
        ):
            if sig is not None:
                info[n] = (doc_id, source, chars, sig, batch, ord_)
        out: list[Outcome] = []
        for e, cand_list in zip(entries, cands_per, strict=True):
            assert e.sig is not None  # as above
            picked = [c for c in cand_list if c in info and visible(info[c][4], info[c][5], fp, e.ordinal)]
            picked = picked[:MAX_CANDIDATES]
            if not picked:
                out.append(NEW)
                continue
            matrix = np.frombuffer(b"".join(info[c][3] for c in picked), np.uint8).reshape(len(picked), -1)
            sims = similarity_counts((matrix == np.frombuffer(e.sig, np.uint8)[None, :]).sum(axis=1), len(e.sig))
            best = int(np.argmax(sims))  # first (earliest ingested) among equals
            if sims[best] >= threshold:
                doc_id, source, chars, _, batch, _ = info[picked[best]]
                out.append(Outcome("near", Match(doc_id, source, chars, float(sims[best]), False, batch == fp)))
            else:
                out.append(NEW)
        return out

    # -- writing ----------------------------------------------------------

    def claim(self, entries: Sequence[Entry], fp: bytes, threshold: float) -> list[Outcome]:
        """Decide every entry in order and record the new ones, in one write transaction."""
        if self.readonly:
            raise InputError(f"index {self.directory} was opened read-only")
        try:
            self.conn.execute("BEGIN IMMEDIATE")  # the write lock first: racing filters queue here
        except sqlite3.Error as err:
            raise InputError(f"cannot add to index {self.directory}: {err} (nothing was added)") from None
        try:
            base = self.lookup(entries, fp, threshold)
            start = self.conn.execute("SELECT COALESCE(MAX(n), 0) FROM docs").fetchone()[0] + 1
            overlay = Overlay(self.params, threshold)
            outcomes: list[Outcome] = []
            new: list[tuple[int, Entry]] = []
            for e, b in zip(entries, base, strict=True):
                o = combine(b, overlay.decide(e, fp))
                if o.kind == "new":
                    n = start + len(new)
                    overlay.add(e, fp, n)
                    new.append((n, e))
                outcomes.append(o)
            self._insert(new, fp)
            self.conn.execute("COMMIT")
        except BaseException as err:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(err, sqlite3.Error):
                raise InputError(f"cannot add to index {self.directory}: {err} (nothing was added)") from None
            raise
        return outcomes

    def add(self, entries: Sequence[Entry], fp: bytes = b"\0" * 8) -> int:
        """Record entries unconditionally (tests, benchmarks); returns how many."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            start = self.conn.execute("SELECT COALESCE(MAX(n), 0) FROM docs").fetchone()[0] + 1
            self._insert([(start + j, e) for j, e in enumerate(entries)], fp)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return len(entries)

    def _insert(self, new: list[tuple[int, Entry]], fp: bytes) -> None:
        params = self.params
        self.conn.executemany(
            "INSERT INTO docs (n, id, source, chars, hash, sig, batch, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(n, e.id, e.source, int(e.chars), e.hash, e.sig, fp, e.ordinal) for n, e in new],
        )
        with_bands = [(n, e) for n, e in new if e.sig is not None and e.bands is not None]
        if not with_bands:
            self._maybe_merge(0)
            return
        keys = np.array([k for _, e in with_bands if e.bands is not None for k in e.bands], dtype=np.int64)
        docs = np.repeat(np.asarray([n for n, _ in with_bands], dtype=np.int64), params.bands)
        order = np.lexsort((docs, keys))  # key order: B-tree appends, not random inserts
        keys, docs = keys[order], docs[order]
        rows = (
            row
            for i in range(0, len(keys), 65536)
            for row in zip(keys[i : i + 65536].tolist(), docs[i : i + 65536].tolist(), strict=True)
        )
        self.conn.executemany("INSERT OR IGNORE INTO bands_recent (key, doc) VALUES (?, ?)", rows)
        self._maybe_merge(len(keys))

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
        self.conn.executemany(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            [("rows_main", str(main)), ("rows_recent", str(recent))],
        )


def _hot_journal(path: Path) -> bool:
    journal = path.with_name(path.name + "-journal")
    try:
        return journal.stat().st_size > 0
    except OSError:
        return False


__all__ = ["INDEX_FILE", "SqliteIndex"]
