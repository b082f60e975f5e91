"""The persistent index: every document ever ingested, for deduplicating new batches.

Backends: :mod:`audit.index.sqlite` (a folder; the default) and :mod:`audit.index.redis` (a server
shared by several ingest workers). :mod:`audit.index.common` holds the claim-or-match decision they
share; :mod:`audit.index.check` the DUP010 / DUP011 check and the ``[index]`` table.
"""

from audit.index.check import DUP010, DUP011, IndexCheck, IndexConfig
from audit.index.common import Entry, Match, Outcome, Overlay, compute_signatures, mismatch
from audit.index.open import display, open_index
from audit.index.sqlite import INDEX_FILE, SqliteIndex

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
