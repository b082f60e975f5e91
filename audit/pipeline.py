"""The scan pipeline: stream documents through checks, then apply the policy.

``scan()`` is what the CLI's ``scan`` command calls, and what a Python user calls::

    from audit.config import load_config
    from audit.pipeline import scan
    report = scan(["corpus/"], load_config())

Texts are not kept in memory: each document's text is spilled to a temporary
file as it is read (:class:`TextStore`), and corpus checks re-read only the
documents they need when they finish.
"""

from __future__ import annotations

import dataclasses
import tempfile
from array import array
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Sequence

from audit import __version__
from audit.baseline import Baseline, apply_baseline
from audit.cache import CachedDocument, OutcomeCache
from audit.config import Config
from audit.engine.common import DocOutcome, build_checks, tuned_collector  # noqa: F401  (public names re-exported)
from audit.engine.local import Parallel, _document_stage  # noqa: F401  (public names re-exported)
from audit.findings_store import FindingsStore
from audit.model import Document, DocumentResult, Finding, Report, Skipped, Unreadable
from audit.policy import Policy
from audit.readers import iter_inputs
from audit.rules import CorpusCheck, DocContext, DocumentCheck, Settings
from audit.scorecards import source_scorecards


class TextStore:
    """Append-only spill of document texts to a temporary file, read back by ordinal."""

    def __init__(self) -> None:
        self._fh = tempfile.TemporaryFile(prefix="corpus-audit-")
        self._offsets = array("q")
        self._lengths = array("q")
        self._end = 0
        self._read = False

    def add(self, text: str) -> int:
        data = text.encode("utf-8", errors="surrogatepass")
        if self._read:  # a get() moved the file position; appends alone leave it at the end
            self._fh.seek(self._end)
            self._read = False
        self._fh.write(data)
        self._offsets.append(self._end)
        self._lengths.append(len(data))
        self._end += len(data)
        return len(self._offsets) - 1

    def get(self, ordinal: int) -> str:
        self._read = True
        self._fh.seek(self._offsets[ordinal])
        return self._fh.read(self._lengths[ordinal]).decode("utf-8", errors="surrogatepass")

    def __len__(self) -> int:
        return len(self._offsets)

    def close(self) -> None:
        self._fh.close()


@dataclass
class ScanHooks:
    """Callbacks for a caller that wants to watch a scan (progress bars, stderr)."""

    on_document: Callable[[Document], None] | None = None
    on_unreadable: Callable[[Unreadable], None] | None = None
    on_skipped: Callable[[Skipped], None] | None = None
    #: Called at the end of a scan with ``--cache`` with a line saying what the cache reused and stored.
    on_cache: Callable[[str], None] | None = None


@dataclass
class ScanState:
    """Everything a scan produced before it became a report (used by ``filter``)."""

    results: list[DocumentResult] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    store: TextStore = field(default_factory=TextStore)
    #: The documents' findings, in memory up to a bound and then in a spill file.
    findings: FindingsStore = field(default_factory=FindingsStore)
    #: Documents whose id repeated an earlier document's: ``{"id": new, "was": old, "file", "line"}``.
    renamed: list[dict[str, Any]] = field(default_factory=list)
    #: Unreadable lines counted but not listed (beyond the sample), by file.
    unreadable_omitted: dict[str, int] = field(default_factory=dict)
    _listed_per_file: dict[str, int] = field(default_factory=dict)

    def note_unreadable(self, event: Unreadable) -> bool:
        """Keep ``event`` in the bounded sample (True), or only count it (False).

        Every unreadable file is listed; unreadable lines at most :data:`UNREADABLE_PER_FILE` per
        file and :data:`UNREADABLE_LISTED` in all, so 3 million bad lines cost a count, not memory.
        """
        listed = self._listed_per_file.get(event.file, 0)
        if event.line is not None and (listed >= UNREADABLE_PER_FILE or len(self.unreadable) >= UNREADABLE_LISTED):
            self.unreadable_omitted[event.file] = self.unreadable_omitted.get(event.file, 0) + 1
            return False
        self._listed_per_file[event.file] = listed + 1
        self.unreadable.append(dataclasses.replace(event, raw=None) if event.raw is not None else event)
        return True


#: A metadata string longer than this is not kept on the document's result (a second text field,
#: such as a page's raw text beside the extracted one, would make memory grow with text).
MAX_METADATA_CHARS = 256


def _short_metadata(metadata: Any) -> dict[str, Any]:
    return {k: v for k, v in metadata.items() if not (isinstance(v, str) and len(v) > MAX_METADATA_CHARS)}


#: Unreadable lines listed per file and in all (report.json ``unreadable``); the rest are counted.
UNREADABLE_PER_FILE = 20
UNREADABLE_LISTED = 1000


def unique_ids(events: Iterable[Any], renamed: list[dict[str, Any]]) -> Iterator[Any]:
    """Give every document a distinct id: a repeated id becomes ``ID#2``, ``ID#3``, ...

    Records from different files often share ids (two shards both numbered from 0), and
    the same file name can sit in two scanned folders. Findings, clusters, baselines and
    the filter's decisions all name documents by id, so two documents must never share
    one; each renaming is listed in ``renamed`` (report.json ``renamed_ids``).
    """
    seen: set[str] = set()
    next_n: dict[str, int] = {}
    for ev in events:
        if isinstance(ev, Document):
            if ev.id in seen:
                n = next_n.get(ev.id, 2)
                while f"{ev.id}#{n}" in seen:
                    n += 1
                next_n[ev.id] = n + 1
                new = f"{ev.id}#{n}"
                renamed.append({"id": new, "was": ev.id, "file": ev.source, "line": ev.locator})
                ev = dataclasses.replace(ev, id=new)
            seen.add(ev.id)
        yield ev


def run_checks(
    events: Iterable[Any],
    checks: list[Any],
    *,
    hooks: ScanHooks | None = None,
    settings: Settings | None = None,
    parallel: Parallel | None = None,
    findings: FindingsStore | None = None,
    cache: OutcomeCache | None = None,
) -> tuple[ScanState, dict[str, Any]]:
    """Run document and corpus checks over a stream of reader events.

    ``findings`` keeps each document's findings (default: all in memory). ``cache``: document outcomes
    reused from earlier scans and stored for later ones (:mod:`audit.cache`; the same results).

    With ``parallel`` (and more than one job), document checks run in worker
    processes on batches of documents while corpus checks observe them here, in
    input order; the results are identical to a serial run.
    """
    with tuned_collector():
        return _run_checks(events, checks, hooks, settings, parallel, findings, cache)


def _run_checks(
    events: Iterable[Any],
    checks: list[Any],
    hooks: ScanHooks | None,
    settings: Settings | None,
    parallel: Parallel | None,
    findings: FindingsStore | None = None,
    cache: OutcomeCache | None = None,
) -> tuple[ScanState, dict[str, Any]]:
    hooks = hooks or ScanHooks()
    if settings is None:
        settings = next((c.settings for c in checks if isinstance(getattr(c, "settings", None), Settings)), Settings())
    source_field = settings.source_field
    state = ScanState()
    if findings is not None:
        state.findings = findings
    kept = state.findings
    doc_checks = [c for c in checks if isinstance(c, DocumentCheck)]
    corpus_checks = [c for c in checks if isinstance(c, CorpusCheck)]
    raw_findings: list[Sequence[Finding]] = []
    events = unique_ids(events, state.renamed)
    needs = tuple(sorted({n for c in corpus_checks for n in getattr(c, "layer_needs", ())}))
    preparers = tuple(c for c in corpus_checks if c.prepares())
    languages = any("language" in c.uses for c in corpus_checks)  # passage languages read by a corpus check
    prep = (needs, source_field, languages)
    if cache is not None:
        # Ray tasks compute outcomes without the corpus checks' layer parts and preparation (the main process
        # computes those): their outcomes are kept apart from the local engine's.
        engine = parallel.engine if parallel is not None else "local"
        cache.start_run(doc_checks, (*prep, engine), preparers)
        events = cache.lookup(events)
    for event, outcome in _document_stage(events, doc_checks, parallel, prep, preparers):
        if isinstance(event, CachedDocument):
            cached: CachedDocument = event
            event, outcome = cached.doc, cached.outcome
        elif cache is not None and isinstance(event, Document):
            cache.put(event, outcome)
        if isinstance(event, Unreadable):
            if state.note_unreadable(event) and hooks.on_unreadable:
                hooks.on_unreadable(event)
            continue
        if isinstance(event, Skipped):
            state.skipped.append(event)
            if hooks.on_skipped:
                hooks.on_skipped(event)
            continue
        doc: Document = event
        ordinal = state.store.add(doc.text)
        ctx = DocContext(doc, ordinal)
        found = outcome.apply(ctx)
        for check in corpus_checks:
            found.extend(f for f in check.observe(ctx) if check.wants(f.rule))
        raw_findings.append(kept.put(found))
        state.results.append(
            DocumentResult(
                id=doc.id,
                chars=len(doc.text),
                source=ctx.source(source_field),
                language=ctx.language,
                languages=dict(ctx.languages),
                metadata=_short_metadata(doc.metadata),
                stats=dict(ctx.stats),
            )
        )
        if hooks.on_document:
            hooks.on_document(doc)
    ids = [r.id for r in state.results]
    extra: dict[str, Any] = {}
    clusters = []
    for check in corpus_checks:
        result = check.finish(state.store.get, ids)
        for ordinal, fs in result.findings.items():
            old = raw_findings[ordinal]
            raw_findings[ordinal] = kept.put([*old, *(f for f in fs if check.wants(f.rule))], replacing=old)
        clusters.extend(result.clusters)
        for key, value in result.extra.items():
            extra[key] = value
    for res, held in zip(state.results, raw_findings, strict=True):
        res.findings = held
    extra["_clusters"] = clusters
    if parallel is not None and parallel.run:
        extra["run"] = dict(parallel.run)
    if state.renamed:
        extra["renamed_ids"] = state.renamed
        extra.setdefault("summary", {})["renamed_ids"] = len(state.renamed)
    return state, extra


def finalize(state: ScanState, extra: dict[str, Any], policy: Policy, baseline: Baseline | None = None) -> Report:
    """Apply the policy (and a baseline) to raw findings and assemble the report."""
    clusters = extra.pop("_clusters", [])
    first_ordinal: dict[str, int] = {}
    for i, res in enumerate(state.results):
        first_ordinal.setdefault(res.id, i)

    def text_of(doc_id: str) -> str | None:
        i = first_ordinal.get(doc_id)
        return state.store.get(i) if i is not None else None

    for res in state.results:
        res.findings = state.findings.put(policy.apply(res.findings), replacing=res.findings)
    suppressed: list[dict[str, Any]] = []
    if baseline is not None:
        extra["baseline"] = apply_baseline(state.results, text_of, baseline, suppressed, policy.enabled)
    for res in state.results:
        res.verdict = policy.verdict(res.findings, res.chars)
    clusters.sort(key=lambda c: (c.level, c.kind, c.kept.document, c.kept.start, c.id))

    report = Report(
        tool_version=__version__,
        documents=state.results,
        clusters=clusters,
        unreadable=state.unreadable,
        skipped=state.skipped,
        extra=extra,
        text_of=text_of,
        baseline_suppressed=suppressed,
        unreadable_omitted=state.unreadable_omitted,
    )
    report.extra["sources"] = source_scorecards(report)
    return report


def scan(
    paths: list[str],
    config: Config | None = None,
    *,
    hooks: ScanHooks | None = None,
    extra_checks: Iterable[Any] = (),
    baseline: Baseline | None = None,
    exclude: dict[Any, str] | None = None,
) -> Report:
    """Scan files and folders and return the finished report.

    ``exclude`` maps files not to read (e.g. earlier reports inside a scanned folder) to the
    reason they are listed as skipped.
    """
    config = config or Config()
    policy = Policy.from_config(config)
    checks = build_checks(config, policy, extra_checks)
    if config.engine.dedup == "staged":
        from audit.staged.check import use_staged

        checks = use_staged(checks, config)
    events = iter_inputs(paths, config.reader_config(), exclude=exclude)
    parallel = Parallel.from_config(config, policy.enabled)
    findings = FindingsStore(config.engine.findings_memory_mb, config.engine.work_dir or None)
    cache = OutcomeCache(config.engine.cache) if config.engine.cache else None
    try:
        state, extra = run_checks(
            events,
            checks,
            hooks=hooks,
            settings=config.settings(),
            parallel=parallel,
            findings=findings,
            cache=cache,
        )
        return finalize(state, extra, policy, baseline)
    except BaseException:
        findings.close()
        raise
    finally:
        if cache is not None:
            cache.close()
            if hooks is not None and hooks.on_cache is not None:
                hooks.on_cache(cache.summary())
