"""Helpers shared by the human-readable renderers (pure functions over a Report)."""

from __future__ import annotations

from audit.model import DocumentResult, Report, Severity

SEVERITY_WEIGHT = {Severity.INFO: 1, Severity.WARNING: 10, Severity.ERROR: 100}


def document_score(doc: DocumentResult) -> int:
    return sum(SEVERITY_WEIGHT[f.severity] for f in doc.findings)


def worst_documents(report: Report, n: int) -> list[DocumentResult]:
    """The ``n`` documents with the heaviest findings (errors weigh most), ties by id."""
    ranked = [d for d in report.documents if d.findings]
    ranked.sort(key=lambda d: (-document_score(d), d.id))
    return ranked[:n]


def snippet(text: str, start: int, end: int, width: int = 80) -> str:
    """The flagged span, shortened to ``width`` characters, on one line."""
    piece = text[start:end]
    if len(piece) > width:
        half = (width - 1) // 2
        piece = piece[:half] + "…" + piece[-half:]
    return " ".join(piece.split())


def line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col
