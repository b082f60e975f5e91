"""The pre-ingest filter: split a batch into KEPT and REJECTED, each written atomically.

``filter_paths`` runs the scan pipeline (every rule, select/ignore, severity overrides) over a batch,
rejects each document the policy drops for its own findings (:meth:`audit.policy.Policy.own_reasons`,
the same predicate as the report's ``drop`` verdict), then decides whole-document duplicates by
claim-or-match in input order (:mod:`audit.index`) against the index, when given, and the batch's
earlier kept documents: one measure and one threshold wherever the original is. It writes two JSONL
files:

* KEPT: each kept document's input record unchanged (a JSONL record's exact
  input line; a CSV/Parquet row as a JSON object; a plain-text file as
  ``{"id", "text"}``);
* REJECTED: ``{"id", "record", "reasons": [{"rule", "message", "duplicate_of",
  "similarity"}]}`` per rejected document, and ``{"file", "line", "raw",
  "reasons": [{"rule": "unreadable", "message"}]}`` per input that could not be
  parsed (invalid JSON, undecodable bytes, blank line, missing text field, ...).

Every input line lands in exactly one output. Both outputs are written to temporary files in their
target folders and renamed into place only when the run succeeds, so a killed run never leaves a
complete-looking KEPT. With ``update_index`` the kept documents are claimed in the index *before*
the outputs are written; a re-run of the same batch recognises its own claims (batch fingerprint and
position), so after a crash anywhere re-running the same command writes the same KEPT and REJECTED.

Inputs are read once: as documents stream through the checks, the line each
would be written as is spilled to a temporary file (like the scan's text store),
so memory does not grow with the batch's text.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import math
import os
from array import array
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from audit.atomic import AtomicJsonl
from audit.config import Config
from audit.errors import InputError
from audit.findings_store import FindingsStore
from audit.index import Entry, IndexCheck, IndexConfig, Outcome, Overlay
from audit.index.common import batch_fingerprint, combine
from audit.index.redis import IndexUnavailableError
from audit.model import Category, Document, DocumentResult, Finding, Unreadable
from audit.pipeline import Parallel, ScanHooks, TextStore, build_checks, finalize, run_checks
from audit.policy import Policy
from audit.readers import iter_inputs

# ---------------------------------------------------------------------------
# Pure helpers


def kept_line(doc: Document) -> str:
    """The line KEPT gets for ``doc``: its input record unchanged."""
    if doc.raw is not None:
        return doc.raw
    if doc.record is not None:
        return json.dumps(_jsonable(doc.record), ensure_ascii=False, allow_nan=False)
    return json.dumps({"id": doc.id, "text": doc.text}, ensure_ascii=False)


def _jsonable(value: Any) -> Any:
    """A CSV/Parquet record as strict JSON: NaN and infinities become null, dates ISO 8601
    strings, bytes UTF-8 text (or base64), anything else its ``str``."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if value is None or isinstance(value, (str, int, bool)):
        return value
    if isinstance(value, (bytes, bytearray)):
        try:
            return bytes(value).decode("utf-8")
        except UnicodeDecodeError:
            return base64.b64encode(bytes(value)).decode("ascii")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def rejected_line(doc_id: str, record_json: str, reasons: list[dict[str, Any]]) -> str:
    """A REJECTED line; ``record_json`` is embedded as is, so the record stays byte-identical."""
    return (
        '{"id": '
        + json.dumps(doc_id, ensure_ascii=False)
        + ', "record": '
        + record_json
        + ', "reasons": '
        + json.dumps(reasons, ensure_ascii=False)
        + "}"
    )


def unreadable_line(u: Unreadable) -> str:
    raw = u.raw.rstrip("\r\n") if u.raw is not None else None
    reasons = [{"rule": "unreadable", "message": u.reason}]
    return json.dumps({"file": u.file, "line": u.line, "raw": raw, "reasons": reasons}, ensure_ascii=False)


def reason_of(f: Finding, duplicate_of: str | None = None, similarity: float | None = None) -> dict[str, Any]:
    d: dict[str, Any] = {"rule": f.rule, "message": f.message}
    if duplicate_of is not None:
        d["duplicate_of"] = duplicate_of
        d["similarity"] = round(float(similarity if similarity is not None else 1.0), 4)
    return d


# ---------------------------------------------------------------------------
# Decisions


def own_reasons(policy: Policy, res: DocumentResult) -> list[dict[str, Any]]:
    """Rejection reasons of a document for its own findings (:meth:`Policy.own_reasons`)."""
    out = []
    for f in policy.own_reasons(res.findings, res.chars):
        if f.category is Category.DUPLICATE and f.related:
            out.append(reason_of(f, f.related[0].document, f.related[0].similarity))
        else:
            out.append(reason_of(f))
    return out


def duplicate_reason(outcome: Outcome, threshold: float) -> dict[str, Any]:
    """The REJECTED reason for a document the index (or the batch) already holds."""
    m = outcome.match
    assert m is not None  # only "exact" and "near" outcomes are rejected as duplicates
    exact = outcome.kind == "exact"
    where = f"{m.id}, kept earlier in this batch" if m.same_batch else f"already-ingested document {m.id}"
    if exact:
        rule = "DUP001" if m.same_batch else "DUP010"
        message = f"exact duplicate of {where} (from {m.source}; identical after normalisation)"
    else:
        rule = "DUP002" if m.same_batch else "DUP011"
        message = f"near duplicate of {where} (from {m.source}; estimated similarity {m.similarity:.2f} >= {threshold})"
    return {"rule": rule, "message": message, "duplicate_of": m.id, "similarity": round(float(m.similarity), 4)}


# ---------------------------------------------------------------------------
# The run


@dataclass
class FilterResult:
    documents: int = 0
    kept: int = 0
    rejected: int = 0
    unreadable: int = 0
    #: Inputs that could not be opened or read at all (no line number): exit 2 after writing.
    unopenable: int = 0
    #: Lines that could not be parsed: exit 2 after writing, like unopenable files.
    unreadable_lines: int = 0
    skipped: int = 0
    #: Documents whose id repeated an earlier one's (named ``ID#2``, ... in REJECTED and the index).
    renamed: int = 0
    reasons: Counter = field(default_factory=Counter)
    index_added: int = 0
    index_total: int | None = None
    keep_path: str = ""
    reject_path: str = ""


class _Spill:
    """Tees reader events: spills each document's output line, remembers the input order."""

    def __init__(self) -> None:
        self.lines = TextStore()
        self.order = array("q")  # >= 0: document ordinal; < 0: -(unreadable number) - 1
        # Unreadable inputs as their REJECTED lines, spilled like documents (millions of bad lines
        # must not pile up in memory).
        self.unreadable = TextStore()
        self.unopenable = 0

    def tee(self, events: Iterable[Any]) -> Iterator[Any]:
        for ev in events:
            if isinstance(ev, Document):
                self.order.append(self.lines.add(kept_line(ev)))
                # (the constructor, not dataclasses.replace: a third of the filter's own time otherwise)
                yield Document(ev.id, ev.text, ev.source, ev.locator, ev.metadata, None, None, ev.folder)
            else:
                if isinstance(ev, Unreadable):
                    self.order.append(-self.unreadable.add(unreadable_line(ev)) - 1)
                    self.unopenable += ev.line is None
                yield ev


def check_inputs(paths: list[str]) -> None:
    for p in paths:
        if str(p) == "-":  # standard input
            continue
        path = Path(p)
        if not path.exists():
            raise InputError(f"{p}: no such file or directory")
        if path.is_file() and not os.access(path, os.R_OK):
            raise InputError(f"{p}: permission denied")


def check_outputs(paths: list[str], keep: Path, reject: Path) -> None:
    """Refuse outputs that cannot be written before any input is read."""
    if keep.resolve() == reject.resolve():
        raise InputError("--keep and --reject must be different files")
    inputs = {Path(p).resolve() for p in paths if str(p) != "-"}
    for out, flag in ((keep, "--keep"), (reject, "--reject")):
        if out.resolve() in inputs:
            raise InputError(f"{out} is also an input: write KEPT and REJECTED to new files")
        if out.is_dir():
            raise InputError(f"{flag} {out} is a folder: give a file name")
        parent = out.parent
        while not parent.exists() and parent != parent.parent:
            parent = parent.parent
        if parent.exists() and not parent.is_dir():
            raise InputError(f"{flag} {out}: {parent} is not a folder")
        if parent.exists() and not os.access(parent, os.W_OK | os.X_OK):
            raise InputError(f"{flag} {out}: cannot write in {parent} (permission denied)")


@dataclass
class _Dedup:
    """The filter's duplicate decision: claim-or-match in input order (:mod:`audit.index`)."""

    threshold: float
    index: Any = None  # an open index, or None
    claim: bool = False

    def decide(self, entries: list[Entry], fp: bytes, params) -> list[Outcome]:
        if self.index is not None and self.claim:
            return self.index.claim(entries, fp, self.threshold)
        base = self.index.lookup(entries, fp, self.threshold) if self.index is not None else None
        overlay = Overlay(params, self.threshold)
        out = []
        for j, e in enumerate(entries):
            o = overlay.decide(e, fp)
            if base is not None:
                o = combine(base[j], o)
            if o.kind == "new":
                overlay.add(e, fp)
            out.append(o)
        return out


def filter_paths(
    paths: list[str],
    config: Config,
    keep: str | Path,
    reject: str | Path,
    *,
    index: str | Path | None = None,
    update_index: bool = False,
    hooks: ScanHooks | None = None,
) -> FilterResult:
    """Filter ``paths`` into ``keep`` and ``reject`` (JSONL); see the module docstring."""
    check_inputs(paths)
    keep, reject = Path(keep), Path(reject)
    check_outputs(paths, keep, reject)
    policy = Policy.from_config(config)

    iconf: IndexConfig = config.section("index", IndexConfig)
    if index is not None:
        iconf = dataclasses.replace(iconf, path=str(index))
    store = None
    if iconf.path:
        # Open (create, or validate) the index before reading any input: a wrong parameter set or an
        # unreachable server stops the run at once.
        store = iconf.open(create=update_index, readonly=not update_index)
    try:
        return _run(paths, config, policy, iconf, store, keep, reject, update_index, hooks)
    finally:
        if store is not None:
            store.close()


def _run(
    paths,
    config: Config,
    policy: Policy,
    iconf: IndexConfig,
    store,
    keep: Path,
    reject: Path,
    update_index: bool,
    hooks: ScanHooks | None,
) -> FilterResult:
    # The index check only prepares each document's exact key and signature here (no lookups): the
    # decision against the index and the batch is one claim-or-match pass after the checks.
    config = dataclasses.replace(config, sections={**config.sections, "index": dataclasses.replace(iconf, path="")})
    checks = [c for c in build_checks(config, policy) if not isinstance(c, IndexCheck)]
    prep = IndexCheck(dataclasses.replace(iconf, path=""), config.settings(), collect=True)
    prep.enabled = frozenset()
    checks.append(prep)

    spill = _Spill()
    result = FilterResult(keep_path=str(keep), reject_path=str(reject))
    state = None
    findings = FindingsStore(config.engine.findings_memory_mb, config.engine.work_dir or None)
    try:
        outputs: dict[str | os.PathLike[str], str] = {
            keep: "the filter's own --keep output",
            reject: "the filter's own --reject output",
        }
        events = spill.tee(iter_inputs(paths, config.reader_config(keep_records=True), exclude=outputs))
        parallel = Parallel.from_config(config, policy.enabled)
        state, extra = run_checks(
            events, checks, hooks=hooks, settings=config.settings(), parallel=parallel, findings=findings
        )
        report = finalize(state, extra, policy)
        decisions = [own_reasons(policy, res) for res in report.documents]
        try:
            result.index_added = _deduplicate(report, decisions, prep, policy, iconf, store, update_index)
        except IndexUnavailableError as err:
            raise IndexUnavailableError(
                f"{err}; no output was written: re-run the same command to finish the batch "
                "(documents it already claimed are recognised as its own)"
            ) from None
        out_keep = AtomicJsonl(keep)
        try:
            out_reject = AtomicJsonl(reject)
        except BaseException:
            out_keep.abort()
            raise
        try:
            for code in spill.order:
                if code < 0:
                    out_reject.write(spill.unreadable.get(-code - 1))
                    result.reasons["unreadable"] += 1
                    continue
                res = report.documents[code]
                line = spill.lines.get(code)
                reasons = decisions[code]
                if reasons:
                    out_reject.write(rejected_line(res.id, line, reasons))
                    result.reasons.update({r["rule"] for r in reasons})
                else:
                    out_keep.write(line)
            out_keep.finish()
            out_reject.finish()
        except BaseException:
            out_keep.abort()
            out_reject.abort()
            raise
        try:
            out_reject.commit()
            out_keep.commit()
        except BaseException:
            out_keep.abort()
            out_reject.abort()
            raise
    finally:
        spill.lines.close()
        spill.unreadable.close()
        if state is not None:
            state.store.close()
        findings.close()
    result.documents = len(report.documents)
    result.kept = out_keep.count
    result.rejected = out_reject.count - len(spill.unreadable)
    result.unreadable = len(spill.unreadable)
    result.unopenable = spill.unopenable
    result.unreadable_lines = result.unreadable - result.unopenable
    result.skipped = len(state.skipped)
    result.renamed = len(state.renamed)
    if store is not None:
        result.index_total = len(store)
    return result


def _deduplicate(
    report,
    decisions: list[list[dict[str, Any]]],
    prep: IndexCheck,
    policy: Policy,
    iconf: IndexConfig,
    store,
    update_index: bool,
) -> int:
    """Decide whole-document duplicates by claim-or-match in input order; add reasons to ``decisions``.

    One measure and one threshold whether the original is in the batch or in the index, so feeding
    a stream as one batch or as several rejects the same documents. Returns how many documents were
    added to the index.
    """
    enabled = policy.enabled - policy.keep_rules
    dedupe = policy.drop_duplicates and bool(enabled & {"DUP001", "DUP002", "DUP010", "DUP011"})
    if not dedupe and not (store is not None and update_index):
        return 0
    near = dedupe and bool(enabled & {"DUP002", "DUP011"})
    threshold = iconf.near_threshold if near else 2.0  # 2.0: no near matches
    ids = [res.id for res in report.documents]
    fp = batch_fingerprint(ids, prep.hashes)
    entries = [
        e
        for o, res in enumerate(report.documents)
        if not decisions[o]
        for e in (prep.entry(o, res.id),)
        if e is not None
    ]
    outcomes = _Dedup(threshold, store, claim=update_index).decide(entries, fp, prep.params)
    added = 0
    for e, out in zip(entries, outcomes, strict=True):
        if out.kind == "new":
            added += 1
        elif out.match is not None and dedupe:
            reason = duplicate_reason(out, iconf.near_threshold)
            if reason["rule"] in enabled:  # e.g. --ignore DUP001 keeps exact copies inside the batch
                decisions[e.ordinal].append(reason)
    return added if update_index else 0


__all__ = ["FilterResult", "check_outputs", "filter_paths", "kept_line", "rejected_line", "unreadable_line"]
