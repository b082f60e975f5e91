"""The persistent index: every document ever ingested, for deduplicating new batches.

Backends: :mod:`audit.index.sqlite` (a folder; the default) and :mod:`audit.index.redis` (a server
shared by several ingest workers). :mod:`audit.index.common` holds the claim-or-match decision they
share; :mod:`audit.index.check` the DUP010 / DUP011 check and the ``[index]`` table.
"""

from audit.index.check import DUP010, DUP011, IndexCheck, IndexConfig
from audit.index.common import Entry, Match, Outcome, Overlay, compute_signatures, mismatch
from audit.index.open import display, open_index

#: Names of :mod:`audit.index.sqlite`, imported on first use: a scan without an index (every
#: ``--select duplicate`` run loads the index check) never loads SQLite.
_SQLITE_NAMES = ("INDEX_FILE", "SqliteIndex")


def __getattr__(name: str):
    if name in _SQLITE_NAMES:
        from audit.index import sqlite

        return getattr(sqlite, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DUP010",
    "DUP011",
    "Entry",
    "INDEX_FILE",
    "IndexCheck",
    "IndexConfig",
    "Match",
    "Outcome",
    "Overlay",
    "SqliteIndex",
    "compute_signatures",
    "display",
    "mismatch",
    "open_index",
]
