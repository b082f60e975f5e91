"""Sourcing: unsourced statistics, unattributed quotes, vague attribution, unsourced documents.

Modules, by job: :mod:`.rules` (SRC001-SRC005), :mod:`.check` (the document check, its config and
the per-document statistics), :mod:`.analysis` (one document, sentence by sentence) with
:mod:`.document` (its results), :mod:`.figures` (numbers that are quantities), :mod:`.claims`
(which quantities are claims worth a source), :mod:`.attribution` (attribution cues),
:mod:`.sources` (who a source is), :mod:`.quotes`, :mod:`.speakers` (who speaks a quote),
:mod:`.tables`, :mod:`.decide` (is each claim attributed, and by what) and :mod:`.lexicon`
(the EN/ES word lists in ``audit/data/sourcing_<lang>.toml``).
"""

from audit.sourcing.analysis import analyse
from audit.sourcing.check import SourcingCheck, SourcingConfig, sourcing_stats
from audit.sourcing.rules import RULES, SRC001, SRC002, SRC003, SRC004, SRC005

__all__ = [
    "RULES",
    "SRC001",
    "SRC002",
    "SRC003",
    "SRC004",
    "SRC005",
    "SourcingCheck",
    "SourcingConfig",
    "analyse",
    "sourcing_stats",
]
