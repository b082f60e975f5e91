"""The one data model: documents, spans, findings, clusters and the report.

Everything here is plain, immutable-where-possible data. Checks produce
:class:`Finding` objects; the policy layer decides what they mean; renderers
turn a finished :class:`Report` into JSON, Markdown or HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Callable, Mapping, Sequence


class Category(str, Enum):
    DUPLICATE = "duplicate"
    LANGUAGE = "language"
    ARTEFACT = "artefact"
    SOURCING = "sourcing"


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(str(value).lower())
        except ValueError:
            valid = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown severity {value!r} (valid: {valid})") from None


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}

# Loops over every finding (the report's counts, to_dict, the renderers) read a member's value as
# ``member._value_``, the attribute ``.value`` returns: ``.value`` is a Python-level enum property
# (about 0.16 against 0.03 us a read; a 5,000-finding report with every format reads it ~150,000 times).


class Verdict(str, Enum):
    KEEP = "keep"
    REVIEW = "review"
    DROP = "drop"


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into a document's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, text: str) -> str:
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Document:
    """One document as read: ``text`` is exactly the decoded input, never normalised.

    ``source`` names the input file (relative, with ``/``); ``locator`` says where in
    it (``line``/``row`` for record formats, ``None`` for a plain-text file).
    ``metadata`` carries the other fields of a record (source, date, url, ...).
    """

    id: str
    text: str
    source: str = ""
    locator: int | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)
    record: Mapping[str, Any] | None = None
    #: The exact input line of a JSONL record (without its line break), kept only for ``filter``.
    raw: str | None = None
    #: For an input at the top of a scanned folder (or a file given directly): that folder's name,
    #: which names the document's source when nothing else does (``DocContext.source``).
    folder: str = ""


@dataclass(frozen=True, slots=True)
class Related:
    """A place in another (or the same) document that a finding points at."""

    document: str
    start: int
    end: int
    similarity: float | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"document": self.document, "start": self.start, "end": self.end}
        if self.similarity is not None:
            d["similarity"] = round(float(self.similarity), 4)
        return d


@dataclass(frozen=True, slots=True)
class Finding:
    """One observation a check made about one span of one document."""

    rule: str
    category: Category
    severity: Severity
    start: int
    end: int
    message: str
    related: tuple[Related, ...] = ()
    data: Mapping[str, Any] | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def sort_key(self) -> tuple:
        return (self.start, self.end, self.rule, self.message)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "rule": self.rule,
            "category": self.category._value_,
            "severity": self.severity._value_,
            "start": self.start,
            "end": self.end,
            "message": self.message,
        }
        if self.related:
            d["related"] = [r.to_dict() for r in self.related]
        if self.data:
            d["data"] = dict(self.data)
        return d


@dataclass(slots=True)
class DocumentResult:
    """What the report says about one document."""

    id: str
    chars: int
    source: str = ""
    language: str = "und"
    languages: dict[str, float] = field(default_factory=dict)
    verdict: Verdict = Verdict.KEEP
    #: A list, or (past ``[engine] findings_memory_mb``) a spilled list read back when read.
    findings: Sequence[Finding] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    # Extra per-document values other families publish (e.g. sourcing score).
    stats: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "chars": self.chars,
            "language": self.language,
            "languages": {k: round(v, 4) for k, v in sorted(self.languages.items())},
            "verdict": self.verdict._value_,
            "findings": [f.to_dict() for f in self.findings],
        }
        if self.source:
            d["source"] = self.source
        if self.stats:
            d["stats"] = self.stats
        return d


@dataclass(frozen=True, slots=True)
class Location:
    document: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Cluster:
    """A group of copies: every member except ``kept`` carries a duplicate finding."""

    id: str
    kind: str  # "exact" | "near"
    level: str  # "document" | "passage"
    members: list[Location]
    similarity_min: float
    kept: Location
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = {
            "id": self.id,
            "kind": self.kind,
            "level": self.level,
            "members": [m.to_dict() for m in self.members],
            "similarity_min": round(float(self.similarity_min), 4),
            "kept": self.kept.to_dict(),
        }
        if self.data:
            d.update(self.data)
        return d


@dataclass(frozen=True, slots=True)
class Unreadable:
    """An input (or part of one) that could not be read; always reported, never dropped."""

    file: str
    reason: str
    line: int | None = None
    raw: str | None = None  # the raw line, when there is one (used by ``filter``)

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "reason": self.reason}

    def describe(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Skipped:
    """A path deliberately not read (hidden file, unknown extension)."""

    file: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "reason": self.reason}


@dataclass(slots=True)
class Report:
    """A finished audit. Renderers receive this and nothing else.

    ``text_of`` (not serialised) gives renderers that need it (HTML) the text of a
    document by id, re-read from the scan's spill store rather than kept in memory.
    """

    tool_version: str
    documents: list[DocumentResult]
    clusters: list[Cluster]
    unreadable: list[Unreadable]
    skipped: list[Skipped] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    text_of: Callable[[str], str | None] | None = None
    #: Baseline entries of the findings an applied ``--baseline`` suppressed (not serialised;
    #: ``--write-baseline`` records them with the remaining findings).
    baseline_suppressed: list[dict[str, Any]] = field(default_factory=list)
    #: Unreadable lines counted but not listed in ``unreadable`` (a bounded sample), by file.
    unreadable_omitted: dict[str, int] = field(default_factory=dict)

    def unreadable_count(self) -> int:
        """Every unreadable input, listed or not."""
        return len(self.unreadable) + sum(self.unreadable_omitted.values())

    def findings_by_category(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for doc in self.documents:
            for f in doc.findings:
                counts[f.category._value_] = counts.get(f.category._value_, 0) + 1
        return {k: counts[k] for k in sorted(counts)}

    def findings_by_severity(self) -> dict[str, int]:
        counts = {s.value: 0 for s in Severity}
        for doc in self.documents:
            for f in doc.findings:
                counts[f.severity._value_] += 1
        return counts

    def findings_by_rule(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for doc in self.documents:
            for f in doc.findings:
                counts[f.rule] = counts.get(f.rule, 0) + 1
        return {k: counts[k] for k in sorted(counts)}

    def verdicts(self) -> dict[str, int]:
        counts = {v.value: 0 for v in Verdict}
        for doc in self.documents:
            counts[doc.verdict._value_] += 1
        return counts

    def summary(self) -> dict[str, Any]:
        s: dict[str, Any] = {
            "documents": len(self.documents),
            "findings": self.findings_by_category(),
            "by_severity": self.findings_by_severity(),
            "by_rule": self.findings_by_rule(),
            "verdicts": self.verdicts(),
            "clusters": len(self.clusters),
            "unreadable": self.unreadable_count(),
            "skipped": len(self.skipped),
        }
        s.update(self.extra.get("summary", {}))
        return s

    def to_dict(self, documents: bool = True) -> dict[str, Any]:
        """The report as report.json holds it (``documents=False``: an empty document list, for streaming)."""
        d: dict[str, Any] = {
            "schema_version": 1,
            "tool": {"name": "corpus-audit", "version": self.tool_version},
            "summary": self.summary(),
            "documents": [doc.to_dict() for doc in self.documents] if documents else [],
            "clusters": [c.to_dict() for c in self.clusters],
            "unreadable": [u.to_dict() for u in self.unreadable],
            "skipped": [s.to_dict() for s in self.skipped],
        }
        if self.unreadable_omitted:
            d["unreadable_omitted"] = {
                "total": sum(self.unreadable_omitted.values()),
                "by_file": dict(sorted(self.unreadable_omitted.items())),
            }
        for key, value in sorted(self.extra.items()):
            if key != "summary":
                d[key] = value
        return d
