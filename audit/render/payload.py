"""The data the interactive part of the HTML report reads: one entry per listed document (findings,
related links, text windows around findings), clusters, and the page's limits (:class:`HtmlConfig`).
:mod:`audit.render.html` embeds it as JSON and renders the static overview."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable

from audit.model import Category, Finding, Report, Severity
from audit.render.common import document_score

CATEGORIES = tuple(c.value for c in Category)
SEVERITIES = tuple(s.value for s in Severity)  # info, warning, error (index = rank)
CATEGORY_COLOURS = {
    "duplicate": "#8b5cf6",
    "language": "#0ea5e9",
    "artefact": "#f59e0b",
    "sourcing": "#10b981",
}


@dataclass(frozen=True)
class HtmlConfig:
    #: Total characters of document text embedded in the page (excerpts first, then full texts).
    #: 12 M characters keeps a 10,000-document page under ~20 MB and usable in about a second.
    max_text_chars: int = 12_000_000
    #: A document longer than this is never embedded whole, only excerpts around findings.
    max_document_chars: int = 200_000
    #: Of the budget, at most this much goes to the full text of documents without findings.
    clean_text_chars: int = 1_000_000
    #: Characters of context kept either side of a finding in an excerpt.
    context_chars: int = 200
    #: A span longer than this is excerpted as its head and tail (this many characters each).
    long_span_chars: int = 600
    #: Per-document cap on excerpt characters (the worst findings' windows come first).
    max_excerpt_chars: int = 6_000
    #: Static overview table sizes.
    worst_documents: int = 20
    top_clusters: int = 12
    max_unreadable_rows: int = 500
    max_cluster_members: int = 200
    #: Documents listed in the page; past this the cleanest documents are left out (report.json has all).
    max_documents: int = 100_000


# --------------------------------------------------------------------------- pure helpers


def excerpt_windows(
    length: int, spans: Iterable[tuple[int, int]], context: int, long_span: int, budget: int
) -> list[tuple[int, int]]:
    """Merged ``[start, end)`` windows of text to embed around ``spans`` (in priority order).

    A span is kept with ``context`` characters either side; a span longer than
    ``long_span`` contributes only its head and tail.  Windows stop being added once
    their total would pass ``budget`` (the first one is always kept, trimmed if needed).
    """
    wanted: list[tuple[int, int]] = []
    for start, end in spans:
        start, end = max(0, min(start, length)), max(0, min(end, length))
        if end - start <= long_span:
            wanted.append((max(0, start - context), min(length, end + context)))
        else:
            half = long_span // 2
            wanted.append((max(0, start - context), start + half))
            wanted.append((end - half, min(length, end + context)))
    chosen: list[tuple[int, int]] = []
    used = 0
    for s, e in wanted:
        if e <= s:
            continue
        size = e - s
        if chosen and used + size > budget:
            continue
        if not chosen and size > budget:
            e = s + budget
        chosen.append((s, e))
        used += e - s
    chosen.sort()
    merged: list[tuple[int, int]] = []
    for s, e in chosen:
        if merged and s <= merged[-1][1] + 40:  # tiny gaps are not worth a "... omitted ..." marker
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _finding_priority(f: Finding) -> tuple:
    return (-f.severity.rank, f.end - f.start, f.start)


def _related(f: Finding, index: dict[str, int]) -> list[list[Any]] | int:
    if not f.related:
        return 0
    return [
        [
            index.get(r.document, -1),
            r.document,
            r.start,
            r.end,
            None if r.similarity is None else round(float(r.similarity), 4),
        ]
        for r in f.related
    ]


def _data(f: Finding) -> dict[str, Any] | int:
    if not f.data:
        return 0
    out = {}
    for k, v in f.data.items():
        if isinstance(v, (str, int, float, bool)) or v is None:
            s = v
        else:
            s = json.dumps(v, ensure_ascii=False, default=str)
        if isinstance(s, str) and len(s) > 300:
            s = s[:299] + "…"
        out[str(k)] = s
    return out


def listed_documents(report: Report, config: HtmlConfig) -> list[int]:
    """Indices of the documents the page lists: all of them, or the worst ``max_documents``."""
    order = list(range(len(report.documents)))
    if len(order) > config.max_documents:
        docs = report.documents
        order = sorted(sorted(order, key=lambda i: (-document_score(docs[i]), docs[i].id))[: config.max_documents])
    return order


def build_payload(report: Report, config: HtmlConfig) -> dict[str, Any]:
    """The data the page's script works from (compact, offsets as in report.json)."""
    order = listed_documents(report, config)
    index: dict[str, int] = {}
    for pos, i in enumerate(order):
        index.setdefault(report.documents[i].id, pos)
    rules = sorted({f.rule for d in report.documents for f in d.findings})
    rule_ix = {r: i for i, r in enumerate(rules)}
    cat_ix = {c: i for i, c in enumerate(CATEGORIES)}
    sev_ix = {s: i for i, s in enumerate(SEVERITIES)}

    texts = _embedded_texts(report, config)

    docs = []
    for i in order:
        d = report.documents[i]
        findings = sorted(d.findings, key=lambda f: (f.start, -f.end, f.rule))
        pieces, mode = texts.get(i, (None, "none"))
        docs.append(
            {
                "id": d.id,
                "src": d.source or "",
                "lang": d.language or "und",
                "langs": {k: round(v, 3) for k, v in sorted(d.languages.items(), key=lambda kv: -kv[1])[:8]},
                "verdict": d.verdict._value_,
                "chars": d.chars,
                "score": document_score(d),
                "f": [
                    [
                        rule_ix[f.rule],
                        cat_ix[f.category._value_],
                        sev_ix[f.severity._value_],
                        f.start,
                        f.end,
                        f.message,
                        _related(f, index),
                        _data(f),
                    ]
                    for f in findings
                ],
                "t": pieces,
                "tm": mode,
            }
        )

    clusters = [_cluster_payload(c, report, index, config) for c in report.clusters]
    return {
        "version": report.tool_version,
        "cats": list(CATEGORIES),
        "sevs": list(SEVERITIES),
        "colours": CATEGORY_COLOURS,
        "rules": rules,
        "docs": docs,
        "clusters": clusters,
        "text_policy": {
            "full": sum(1 for p, m in texts.values() if m == "full"),
            "excerpt": sum(1 for p, m in texts.values() if m == "excerpt"),
            "none": len(order) - sum(1 for i in order if i in texts),
            "max_text_chars": config.max_text_chars,
            "omitted": len(report.documents) - len(order),
        },
        "omitted": len(report.documents) - len(order),
    }


def _embedded_texts(report: Report, config: HtmlConfig) -> dict[int, tuple[list[list[Any]], str]]:
    """Which document texts go into the page, and how much of each (see module docstring).

    1. Every document with findings, and every document a finding or cluster points at (kept
       copies), gets excerpts around those spans, worst documents first, while the budget lasts.
    2. Worst first, excerpts are upgraded to the full text while the budget still allows.
    3. Documents without findings get their full text from a small separate allowance.
    Excerpts include the spans other documents point at, so "related" links land on text.
    """
    out: dict[int, tuple[list[list[Any]], str]] = {}
    if report.text_of is None:
        return out
    index: dict[str, int] = {}
    for i, d in enumerate(report.documents):
        index.setdefault(d.id, i)
    targets: dict[int, list[tuple[int, int]]] = {}
    for d in report.documents:
        for f in d.findings:
            for r in f.related:
                if r.document in index:
                    targets.setdefault(index[r.document], []).append((r.start, r.end))
    for c in report.clusters:
        for loc in (c.kept, *c.members[: config.max_cluster_members]):
            if loc.document in index:
                targets.setdefault(index[loc.document], []).append((loc.start, loc.end))

    def weight(i: int) -> tuple:
        return (-document_score(report.documents[i]), report.documents[i].id)

    wanted = sorted({i for i, d in enumerate(report.documents) if d.findings} | set(targets), key=weight)
    budget = config.max_text_chars
    windows: dict[int, list[tuple[int, int]]] = {}
    for i in wanted:
        d = report.documents[i]
        if i != index[d.id] or budget <= 0:
            continue
        spans = [(f.start, f.end) for f in sorted(d.findings, key=_finding_priority)] + targets.get(i, [])
        win = excerpt_windows(
            d.chars, spans, config.context_chars, config.long_span_chars, min(config.max_excerpt_chars, budget)
        )
        windows[i] = win
        budget -= sum(e - s for s, e in win)
    full: set[int] = set()
    for i in windows:  # worst first (dict order)
        d = report.documents[i]
        extra = d.chars - sum(e - s for s, e in windows[i])
        if d.chars <= config.max_document_chars and extra <= budget:
            full.add(i)
            budget -= extra
    for i, win in windows.items():
        text = report.text_of(report.documents[i].id)
        if text is None:
            continue
        if i in full or (win and win[0] == (0, len(text))):
            out[i] = ([[0, text]], "full")
        else:
            out[i] = ([[s, text[s:e]] for s, e in win if e <= len(text)], "excerpt")
    clean_budget = min(config.clean_text_chars, max(0, budget))
    for i, d in enumerate(report.documents):
        if i in windows or i != index[d.id] or d.findings or d.chars > clean_budget:
            continue
        text = report.text_of(d.id)
        if text is None or len(text) > clean_budget:
            continue
        out[i] = ([[0, text]], "full")
        clean_budget -= len(text)
    return out


def _cluster_payload(c, report: Report, index: dict[str, int], config: HtmlConfig) -> dict[str, Any]:
    kept = c.kept
    members = [m for m in c.members if m != kept]
    sims = []
    for m in members[: config.max_cluster_members]:
        sim = None
        i = index.get(m.document)
        if i is not None:
            for f in report.documents[i].findings:
                if f.category is not Category.DUPLICATE or f.end <= m.start or f.start >= m.end:
                    continue
                for r in f.related:
                    if r.document == kept.document and r.similarity is not None:
                        sim = round(float(r.similarity), 4)
                        break
                if sim is not None:
                    break
        sims.append([index.get(m.document, -1), m.document, m.start, m.end, sim])
    return {
        "id": c.id,
        "kind": c.kind,
        "level": c.level,
        "size": len(c.members),
        "sim": round(float(c.similarity_min), 4),
        "kept": [index.get(kept.document, -1), kept.document, kept.start, kept.end, 1.0],
        "members": sims,
        "more": max(0, len(members) - config.max_cluster_members),
    }
