"""Sourcing: unsourced statistics, unattributed quotes, vague attribution, unsourced documents.

Modules, by job: :mod:`.rules` (SRC001-SRC005), :mod:`.check` (the document check, its config and
the per-document statistics), :mod:`.analysis` (one document, sentence by sentence) with
:mod:`.document` (its results), :mod:`.figures` (numbers that are quantities), :mod:`.claims`
(which quantities are claims worth a source), :mod:`.attribution` (attribution cues),
:mod:`.sources` (who a source is), :mod:`.quotes`, :mod:`.speakers` (who speaks a quote),
:mod:`.tables`, :mod:`.decide` (is each claim attributed, and by what) and :mod:`.lexicon`
(the EN/ES word lists in ``audit/data/sourcing_<lang>.toml``).
"""

import importlib

# The package's names load on first use (PEP 562): importing one submodule (``audit.sourcing.tables``,
# which names a page's outlet for every run's report) does not import and compile the whole family.
_LAZY = {
    "analyse": "audit.sourcing.analysis",
    "SourcingCheck": "audit.sourcing.check",
    "SourcingConfig": "audit.sourcing.check",
    "sourcing_stats": "audit.sourcing.check",
    **{name: "audit.sourcing.rules" for name in ("RULES", "SRC001", "SRC002", "SRC003", "SRC004", "SRC005")},
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


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
