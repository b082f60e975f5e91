"""The pre-ingest filter: split a batch into KEPT and REJECTED, each written atomically.

``filter_paths`` runs the scan pipeline (every rule, select/ignore, severity
overrides) over a batch, optionally against the persistent index
(:mod:`audit.index`), then decides per document with :class:`FilterConfig`
(the ``[filter]`` config table) and writes two JSONL files:

* KEPT: each kept document's input record unchanged (a JSONL record's exact
  input line; a CSV/Parquet row as a JSON object; a plain-text file as
  ``{"id", "text"}``);
* REJECTED: ``{"id", "record", "reasons": [{"rule", "message", "duplicate_of",
  "similarity"}]}`` per rejected document, and ``{"file", "line", "raw",
  "reasons": [{"rule": "unreadable", "message"}]}`` per input that could not be
  parsed (invalid JSON, undecodable bytes, blank line, missing text field, ...).

Every input line lands in exactly one output. Both outputs are written to
temporary files in their target folders and renamed into place only when the
run succeeds, so a killed run never leaves a complete-looking KEPT. With
``update_index`` the kept documents are added to the index in one transaction
after the outputs are in place (a crash in between leaves the index as it was, so
re-running the batch gives the same outputs).

Inputs are read once: as documents stream through the checks, the line each
would be written as is spilled to a temporary file (like the scan's text store),
so memory does not grow with the batch's text.
"""

from __future__ import annotations

import base64
import dataclasses
import glob
import json
import math
import os
import tempfile
from array import array
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from audit.config import Config
from audit.errors import AuditError, InputError
from audit.index import DocumentIndex, IndexCheck, IndexConfig
from audit.model import Category, Document, DocumentResult, Finding, Unreadable
from audit.pipeline import Parallel, ScanHooks, TextStore, build_checks, finalize, run_checks
from audit.policy import FilterConfig, Policy
from audit.readers import iter_inputs
from audit.rules import all_rules, resolve_patterns

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
        '{"id": ' + json.dumps(doc_id, ensure_ascii=False) + ', "record": ' + record_json
        + ', "reasons": ' + json.dumps(reasons, ensure_ascii=False) + "}"
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


def is_whole_document(f: Finding, chars: int, coverage: float) -> bool:
    return f.start == 0 and (f.end - f.start) >= coverage * chars if chars else True


def _file_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _remove_stale_partials(path: Path) -> list[Path]:
    """Delete ``.NAME.PID.*.partial`` files next to ``path`` left by a run that was killed (its process
    is gone); a partial file of a run still going (or of unknown origin) is left alone."""
    removed = []
    prefix = f".{path.name}."
    for tmp in path.parent.glob(f".{glob.escape(path.name)}.*.partial"):
        pid = tmp.name[len(prefix):].split(".", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
            continue  # that run is still going
        except ProcessLookupError:
            pass
        except OSError:
            continue  # exists, owned by someone else
        try:
            tmp.unlink()
            removed.append(tmp)
        except OSError:
            pass
    return removed


class _AtomicJsonl:
    """A JSONL file written to a temporary sibling and renamed into place on commit."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_partials(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".partial", dir=path.parent)
        self.tmp = Path(tmp)
        os.chmod(fd, _file_mode(path))  # mkstemp makes 0600; give the output the usual permissions
        self.fh = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        self.count = 0

    def write(self, line: str) -> None:
        self.fh.write(line)
        self.fh.write("\n")
        self.count += 1

    def finish(self) -> None:
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()

    def commit(self) -> None:
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        if not self.fh.closed:
            self.fh.close()
        self.tmp.unlink(missing_ok=True)


# ---------------------------------------------------------------------------
# Decisions


@dataclass
class Decider:
    """Turns the batch's findings into rejection reasons per document (two passes over the batch).

    Pass one collects each document's own reasons (rules, severities, language, duplicates of
    indexed documents) and its in-batch duplicate findings. Pass two resolves the duplicates: a copy
    is rejected only when the document it duplicates is kept, wherever that one sits in the batch
    (a cluster's kept copy may come later, e.g. with ``keep = "longest"``). When the original is
    rejected for its own reasons, the first copy without reasons of its own is kept in its place and
    the other copies name it.
    """

    config: FilterConfig
    policy: Policy
    reject_rules: frozenset[str]
    keep_rules: frozenset[str]
    #: Ids of duplicate clusters at document level (from the report), whatever their findings' spans.
    document_clusters: frozenset[str] = frozenset()

    def decide(self, results: list[DocumentResult]) -> list[list[dict[str, Any]]]:
        own: list[list[dict[str, Any]]] = []
        dups: list[list[Finding]] = []
        for res in results:
            reasons, copies = self._own(res)
            own.append(reasons)
            dups.append(copies)
        # Status of every id: "hard" (own reasons), "copy" (in-batch duplicate findings), or clean.
        hard = {res.id for res, r in zip(results, own, strict=True) if r}
        copy_of: dict[str, str] = {}
        for res, copies in zip(results, dups, strict=True):
            if copies and res.id not in copy_of:
                copy_of[res.id] = copies[0].related[0].document
        standin: dict[str, str] = {}

        def representative(doc_id: str, asking: str) -> str | None:
            """The kept document that stands for ``doc_id`` (None: ``asking`` becomes the stand-in)."""
            seen = set()
            while doc_id not in seen:
                seen.add(doc_id)
                if doc_id in hard:
                    if doc_id not in standin:
                        standin[doc_id] = asking
                        return None
                    doc_id = standin[doc_id]
                    if doc_id == asking:
                        return None
                    continue
                if doc_id in copy_of and doc_id != asking:
                    doc_id = copy_of[doc_id]
                    continue
                return doc_id if doc_id != asking else None
            return None

        out: list[list[dict[str, Any]]] = []
        for res, reasons, copies in zip(results, own, dups, strict=True):
            reasons = list(reasons)
            if not reasons:
                for f in copies:
                    target = f.related[0]
                    kept = representative(target.document, res.id)
                    if kept is None:
                        continue
                    r = reason_of(f, kept, target.similarity)
                    if kept != target.document:
                        r["message"] += f"; {target.document} was rejected, so {kept} stands in for it"
                    reasons.append(r)
                    break
                if not reasons and res.id in copy_of:
                    copy_of.pop(res.id)  # kept after all: it represents itself
            out.append(reasons)
        return out

    def _is_document_duplicate(self, f: Finding, chars: int) -> bool:
        data = f.data or {}
        return bool(
            data.get("indexed")
            or data.get("cluster") in self.document_clusters
            or is_whole_document(f, chars, self.config.document_coverage)
        )

    def _own(self, res: DocumentResult) -> tuple[list[dict[str, Any]], list[Finding]]:
        cfg = self.config
        reasons: list[dict[str, Any]] = []
        copies: list[Finding] = []
        reject_rank = _rank(cfg.reject_on)
        for f in res.findings:
            if f.rule in self.keep_rules:
                continue
            if f.category is Category.DUPLICATE and f.related and self._is_document_duplicate(f, res.chars):
                if not (cfg.reject_duplicates or f.rule in self.reject_rules):
                    continue
                if (f.data or {}).get("indexed"):  # the original is already ingested
                    reasons.append(reason_of(f, f.related[0].document, f.related[0].similarity))
                else:
                    copies.append(f)
                continue
            if f.category is Category.DUPLICATE and f.rule not in self.reject_rules:
                continue  # a shared passage is not a reason to drop a document, unless configured so
            whole = is_whole_document(f, res.chars, cfg.document_coverage)
            if (
                f.rule in self.reject_rules
                or f.rule in self.policy.drop_rules
                or f.severity.rank >= reject_rank
                or (cfg.reject_language and f.category is Category.LANGUAGE and whole and f.severity.rank >= 1)
            ):
                if f.category is Category.DUPLICATE and f.related:
                    reasons.append(reason_of(f, f.related[0].document, f.related[0].similarity))
                else:
                    reasons.append(reason_of(f))
        return reasons, copies


def _rank(severity: str) -> int:
    from audit.model import Severity

    return Severity.parse(severity).rank


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
                yield dataclasses.replace(ev, record=None, raw=None)
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
    if keep.resolve() == reject.resolve():
        raise InputError("--keep and --reject must be different files")
    inputs = {Path(p).resolve() for p in paths}
    for out in (keep, reject):
        if out.resolve() in inputs:
            raise InputError(f"{out} is also an input: write KEPT and REJECTED to new files")
    fconf: FilterConfig = config.section("filter", FilterConfig)
    rules = all_rules()
    reject_rules = frozenset(resolve_patterns(fconf.reject_rules, rules, "[filter] reject_rules"))
    keep_rules = frozenset(resolve_patterns(fconf.keep_rules, rules, "[filter] keep_rules"))
    policy = Policy.from_config(config)

    iconf: IndexConfig = config.section("index", IndexConfig)
    if index is not None:
        iconf = dataclasses.replace(iconf, path=str(index))
        config = dataclasses.replace(config, sections={**config.sections, "index": iconf})
    if iconf.path:
        # Create (or validate) the index before the checks open it read-only.
        DocumentIndex.open(iconf.path, iconf.params(), create=update_index).close()
    checks = build_checks(config, policy)
    index_check = next((c for c in checks if isinstance(c, IndexCheck) and c.index is not None), None)
    if iconf.path and index_check is None:  # its rules are deselected: still needed for --update-index
        index_check = IndexCheck(iconf, config.settings())
        index_check.enabled = frozenset()
        checks.append(index_check)

    spill = _Spill()
    result = FilterResult(keep_path=str(keep), reject_path=str(reject))
    state = None
    try:
        outputs = {keep: "the filter's own --keep output", reject: "the filter's own --reject output"}
        events = spill.tee(iter_inputs(paths, config.reader_config(keep_records=True), exclude=outputs))
        parallel = Parallel.from_config(config, policy.enabled)
        state, extra = run_checks(events, checks, hooks=hooks, settings=config.settings(), parallel=parallel)
        report = finalize(state, extra, policy)
        doc_clusters = frozenset(c.id for c in report.clusters if c.level == "document")
        decisions = Decider(fconf, policy, reject_rules, keep_rules, doc_clusters).decide(report.documents)
        kept_ordinals: list[int] = []
        out_keep = _AtomicJsonl(keep)
        try:
            out_reject = _AtomicJsonl(reject)
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
                    kept_ordinals.append(code)
            out_keep.finish()
            out_reject.finish()
        except BaseException:
            out_keep.abort()
            out_reject.abort()
            raise
        out_reject.commit()
        out_keep.commit()
    finally:
        spill.lines.close()
        spill.unreadable.close()
        if state is not None:
            state.store.close()
    result.documents = len(report.documents)
    result.kept = out_keep.count
    result.rejected = out_reject.count - len(spill.unreadable)
    result.unreadable = len(spill.unreadable)
    result.unopenable = spill.unopenable
    result.skipped = len(state.skipped)
    result.renamed = len(state.renamed)
    if index_check is not None:
        index_check.index.close()
        if update_index:
            result.index_added, result.index_total = _update_index(iconf, index_check, report, kept_ordinals, spill)
        else:
            with DocumentIndex.open(iconf.path, iconf.params(), readonly=True) as idx:
                result.index_total = len(idx)
    return result


def _update_index(iconf: IndexConfig, check: IndexCheck, report, kept: list[int], spill: _Spill) -> tuple[int, int]:
    ids, sources, chars, hashes, sigs = [], [], [], [], []
    for o in kept:
        res = report.documents[o]
        ids.append(res.id)
        sources.append(check.sources[o])
        chars.append(res.chars)
        hashes.append(check.hashes[o])
        sigs.append(check.signature_of(o))
    try:
        with DocumentIndex.open(iconf.path, iconf.params()) as idx:
            added = idx.add(ids, sources, chars, hashes, sigs)
            return added, len(idx)
    except AuditError as err:
        raise AuditError(f"outputs were written, but the index was not updated: {err}") from None


__all__ = ["FilterConfig", "FilterResult", "filter_paths", "kept_line", "rejected_line", "unreadable_line"]
