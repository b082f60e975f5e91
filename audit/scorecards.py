"""Per-source scorecards: how each source (outlet, site, record field, folder) fares.

:func:`source_scorecards` is a pure function over a finished :class:`~audit.model.Report`.
It groups documents by ``DocumentResult.source`` (the record's ``source_field``, else the
outlet of a "Headline – Outlet" line, else the input folder; see ``DocContext.source``)
and returns one dict per source, most documents first (ties by name):

* ``documents``: how many documents the source has;
* ``duplicate_rate`` / ``artefact_rate``: share of its documents with at least one finding
  of category ``duplicate`` / ``artefact`` (after select/ignore and baseline);
* ``unsourced_claims``: SRC001 (unsourced statistic), SRC002 (unattributed quote) and SRC004
  (hidden-agent claim) findings; ``unsourced_claim_density`` is that count **per 1,000 words**
  (words from ``stats["sourcing"]["words"]``, else characters / 6);
* ``claims`` / ``attributed`` / ``sourcing_score``: pooled over the source's documents
  (attributed claim sentences / claim sentences, from ``stats["sourcing"]``; ``None`` when
  the source has no claims);
* ``languages``: documents per detected language.
"""

from __future__ import annotations

from typing import Any

from audit.model import Report

#: Rules whose findings count as unsourced claims.
UNSOURCED_RULES = frozenset({"SRC001", "SRC002", "SRC004"})
#: Characters per word when a document has no word count in its stats.
CHARS_PER_WORD = 6


def source_scorecards(report: Report) -> list[dict[str, Any]]:
    """One scorecard per document source, sorted by documents (descending), then source."""
    groups: dict[str, dict[str, Any]] = {}
    for doc in report.documents:
        key = doc.source or "."
        g = groups.get(key)
        if g is None:
            g = groups[key] = {
                "documents": 0,
                "dup": 0,
                "art": 0,
                "unsourced": 0,
                "words": 0,
                "claims": 0,
                "attributed": 0,
                "languages": {},
            }
        g["documents"] += 1
        cats = {f.category._value_ for f in doc.findings}
        g["dup"] += "duplicate" in cats
        g["art"] += "artefact" in cats
        g["unsourced"] += sum(1 for f in doc.findings if f.rule in UNSOURCED_RULES)
        stats = doc.stats.get("sourcing") if isinstance(doc.stats, dict) else None
        stats = stats if isinstance(stats, dict) else {}
        words = stats.get("words")
        g["words"] += int(words) if isinstance(words, int) else round(doc.chars / CHARS_PER_WORD)
        g["claims"] += int(stats.get("claims") or 0)
        g["attributed"] += int(stats.get("attributed") or 0)
        lang = doc.language or "und"
        g["languages"][lang] = g["languages"].get(lang, 0) + 1
    out = []
    for key, g in groups.items():
        n = g["documents"]
        out.append(
            {
                "source": key,
                "documents": n,
                "duplicate_rate": round(g["dup"] / n, 4),
                "artefact_rate": round(g["art"] / n, 4),
                "unsourced_claims": g["unsourced"],
                "words": g["words"],
                "unsourced_claim_density": round(1000 * g["unsourced"] / g["words"], 3) if g["words"] else 0.0,
                "claims": g["claims"],
                "attributed": g["attributed"],
                "sourcing_score": round(g["attributed"] / g["claims"], 3) if g["claims"] else None,
                "languages": dict(sorted(g["languages"].items(), key=lambda kv: (-kv[1], kv[0]))),
            }
        )
    out.sort(key=lambda d: (-d["documents"], d["source"]))
    return out
