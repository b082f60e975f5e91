"""Duplicates: exact and near-duplicate documents and passages, verified and clustered.

Modules, by job: :mod:`.rules` (DUP001-DUP004), :mod:`.config` (``[duplicates]``),
:mod:`.corpus` (per-document facts, keep policy, cached texts), :mod:`.exact`,
:mod:`.near` and :mod:`.passages` (clustering and findings), :mod:`.check` (the
corpus check that ties them together); :mod:`.align` and :mod:`.lsh` are the pure
verification and banding helpers.
"""

from audit.duplicates.check import DuplicateCheck
from audit.duplicates.config import KEEP_POLICIES, DuplicatesConfig, parse_date
from audit.duplicates.near import verify_pair
from audit.duplicates.rules import DUP001, DUP002, DUP003, DUP004, DUP005, DUP006

__all__ = [
    "DUP001",
    "DUP002",
    "DUP003",
    "DUP004",
    "DUP005",
    "DUP006",
    "KEEP_POLICIES",
    "DuplicateCheck",
    "DuplicatesConfig",
    "parse_date",
    "verify_pair",
]
