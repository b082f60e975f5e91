"""The local engine: per-document checks in this process, and in a pool of worker processes once a
corpus is past a short warm-up (``--jobs``). Results come back in input order and are identical to a
serial run. The Ray engine (:mod:`audit.engine.ray`) computes the same :class:`DocOutcome` per document.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from audit.config import Config
from audit.engine.common import DocOutcome, build_checks, prepare_batch, shards, tune_collector
from audit.model import Document
from audit.rules import CorpusCheck, DocContext, DocumentCheck


@dataclass(frozen=True)
class Parallel:
    """How to run document checks in worker processes.

    ``jobs``: number of worker processes; 0 means one per CPU. A pool starts only when the input holds
    at least ``warmup`` documents or ``warmup_chars`` characters of text, whichever comes first (read
    ahead, not checked: about as much work as starting a pool and loading the checks' models costs), so
    small corpora never pay for a pool. Before a pool starts, every check loads its models, lexicons
    and compiled patterns in this process (``preload``), and the forked workers inherit them: every
    document is checked in a worker, and no worker loads anything again. Workers get tasks of at most
    ``batch`` documents and ``batch_chars`` characters: small enough that the last tasks end together
    (no core idles while one finishes a long task), large enough that a task's messages are few.
    """

    config: Config
    enabled: frozenset[str]
    jobs: int = 0
    warmup: int = 50
    warmup_chars: int = 100_000
    batch: int = 32
    batch_chars: int = 50_000
    #: ``"local"`` (this process and a process pool) or ``"ray"`` (:mod:`audit.engine.ray`).
    engine: str = "local"
    #: Ray cluster to join (``RAY_ADDRESS`` otherwise; none: start a local instance).
    address: str | None = None
    #: What ran: ``{"engine": ..., "workers": ...}`` (report.json ``run``), filled in by the stage.
    run: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_config(cls, config: Config, enabled: frozenset[str]) -> Parallel:
        eng = config.engine
        return cls(
            config,
            enabled,
            jobs=eng.workers or config.jobs,
            engine=eng.kind,
            address=eng.address or None,
            warmup=0 if eng.kind == "ray" else cls.warmup,
        )

    def workers(self) -> int:
        n = self.jobs if self.jobs > 0 else (os.cpu_count() or 1)
        return max(1, n)

    def report_workers(self, n: int) -> None:
        self.run.update(engine=self.engine, workers=n)


_WORKER_CHECKS: list[Any] = []
_WORKER_PREPARERS: list[Any] = []
_WORKER_PREP: list[Any] = [((), "source")]

#: What the document stage computes besides the document checks' findings: the text-layer parts the
#: corpus checks read (``CorpusCheck.layer_needs``) and the record field that names a source; optionally
#: a third item, False when no corpus check reads the language annotations (``uses``): the outcomes
#: computed in worker processes then come back without their passage languages (about half of what an
#: outcome weighs; the report needs only the document's language and shares).
Prep = tuple[Any, ...]


def _worker_init(config: Config, enabled: frozenset[str], prep: Prep = ((), "source")) -> None:
    """A spawned or fork-server worker: builds its own checks (they load their models on first use)."""
    tune_collector()  # a fork server's or spawned worker sets it here
    checks = build_checks(config, enabled)
    _WORKER_CHECKS[:] = [c for c in checks if isinstance(c, DocumentCheck)]
    # The corpus checks' per-document work (``CorpusCheck.prepare``) runs here too; the main process only
    # folds the small prepared values into the corpus checks' state.
    _WORKER_PREPARERS[:] = [c for c in checks if isinstance(c, CorpusCheck) and c.prepares()]
    _WORKER_PREP[0] = prep


def _forked_init() -> None:
    """A forked worker: it already holds the main process's checks (set before the fork, preloaded) and
    its collector settings."""


def _worker_batch(docs: list[Document]) -> list[DocOutcome]:
    needs, source_field, *passage_languages = _WORKER_PREP[0]
    preparers = tuple(_WORKER_PREPARERS)
    ctxs = [DocContext(doc, -1) for doc in docs]
    prepare_batch(_WORKER_CHECKS, ctxs)
    out = [DocOutcome.compute(ctx, _WORKER_CHECKS, needs, source_field, preparers) for ctx in ctxs]
    if passage_languages and not passage_languages[0]:
        for outcome in out:
            outcome.passage_languages = []
    return out


def _main_importable() -> bool:
    """Whether worker processes can re-import ``__main__`` (not so for a script piped to ``python -``)."""
    import sys

    path = getattr(sys.modules.get("__main__"), "__file__", None)
    return path is None or os.path.exists(path)


#: Documents and characters of text the serial stage reads ahead for ``prepare_batch`` (a worker's task).
SERIAL_BATCH = (Parallel.batch, Parallel.batch_chars)


def _serial_stage(
    events: Iterable[Any], doc_checks: list[Any], prep: Prep = ((), "source"), preparers: tuple[Any, ...] = ()
):
    """``(event, DocOutcome | None)`` computed in this process. ``preparers``: the corpus checks whose
    ``prepare`` runs here, on the context the document checks used (its text layer already computed),
    not later on a fresh one; the stage is lazy, so each runs after the previous document's ``observe``.
    Documents are read ahead in batches (``SERIAL_BATCH``) for the document checks' ``prepare_batch``."""
    needs, source_field = prep[:2]
    for batch in _tasks(events, *SERIAL_BATCH):
        ctxs = [DocContext(event, -1) if isinstance(event, Document) else None for event in batch]
        prepare_batch(doc_checks, [ctx for ctx in ctxs if ctx is not None])
        for event, ctx in zip(batch, ctxs, strict=True):
            yield (
                event,
                (DocOutcome.compute(ctx, doc_checks, needs, source_field, preparers) if ctx is not None else None),
            )


def _document_stage(
    events: Iterable[Any],
    doc_checks: list[Any],
    parallel: Parallel | None,
    prep: Prep = ((), "source"),
    preparers: tuple[Any, ...] = (),
):
    """Yield ``(event, DocOutcome | None)`` in input order. ``preparers``: this process's corpus checks that
    prepare documents (:func:`_serial_stage`; the workers build their own)."""
    iterator = iter(events)
    if parallel is not None and parallel.engine == "ray" and doc_checks:
        from audit.engine.ray import ray_document_stage

        yield from ray_document_stage(iterator, parallel, doc_checks)
        return
    if parallel is not None:
        parallel.report_workers(1)  # until a pool starts
    if parallel is None or parallel.workers() < 2 or not doc_checks or not _main_importable():
        yield from _serial_stage(iterator, doc_checks, prep, preparers)
        return
    head, large = _read_ahead(iterator, parallel.warmup, parallel.warmup_chars)
    if not large:  # the whole input, and small: checked here, loading only what its documents need
        yield from _serial_stage(head, doc_checks, prep, preparers)
        return
    yield from _parallel_stage(itertools.chain(head, iterator), parallel, doc_checks, prep, preparers)


def _read_ahead(events: Iterator[Any], docs: int, chars: int) -> tuple[list[Any], bool]:
    """The first reader events, up to and including the document that makes ``docs`` documents or
    ``chars`` characters of text; and whether it was reached (False: ``events`` is exhausted)."""
    head: list[Any] = []
    seen = size = 0
    for event in events:
        head.append(event)
        if isinstance(event, Document):
            seen += 1
            size += len(event.text)
            if seen >= docs or size >= chars:
                return head, True
    return head, False


def preload(checks: Iterable[Any]) -> None:
    """Load in this process what the checks load on first use (``_Check.preload``): before workers are
    forked, so they share it instead of each loading it again."""
    for check in checks:
        check.preload()


def _start_method() -> str:
    """How worker processes start. On Linux, with no other thread running in this process, ``fork``:
    the workers inherit the checks and what their ``preload`` loaded here (fastText and langdetect
    models, word lists, compiled lexicons), instead of each loading them again. ``forkserver`` elsewhere on
    POSIX or when threads run (forking a threaded process can deadlock), ``spawn`` on Windows."""
    import sys
    import threading

    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return "fork"
    return "forkserver" if os.name == "posix" else "spawn"


def _tasks(events: Iterable[Any], docs: int, chars: int):
    """Reader events in groups of at most ``docs`` documents and about ``chars`` characters of text (a
    group ends with the document that reaches it; unreadable and skipped inputs ride along in place)."""
    if chars <= 0:
        yield from shards(events, docs)
        return
    iterator = iter(events)
    while True:
        batch, reached = _read_ahead(iterator, docs, chars)
        if batch:
            yield batch
        if not reached:
            return


def _parallel_stage(
    iterator, parallel: Parallel, doc_checks: list[Any], prep: Prep = ((), "source"), preparers: tuple[Any, ...] = ()
):
    """Document checks in worker processes, results in input order.

    If the pool breaks (a worker killed by the OS, or a ``__main__`` that worker
    processes cannot import, such as a script piped to ``python -``), the batches
    in flight and the rest of the input are checked here, serially, with a warning
    on stderr: the results are the same, only slower.
    """
    import multiprocessing
    import sys
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    workers = parallel.workers()
    parallel.report_workers(workers)
    method = _start_method()
    ctx = multiprocessing.get_context(method)
    pending: deque = deque()  # (events, future | None)

    if method == "fork":
        # The workers are copies of this process: they check with these very checks (a check added to
        # the run by a caller included), loaded once here. Nothing is pickled to start them.
        preload([*doc_checks, *preparers])
        _WORKER_CHECKS[:] = doc_checks
        _WORKER_PREPARERS[:] = preparers
        _WORKER_PREP[0] = prep
        init: tuple[Any, tuple[Any, ...]] = (_forked_init, ())
    else:
        init = (_worker_init, (parallel.config, parallel.enabled, prep))
    broken = False
    try:
        with ProcessPoolExecutor(workers, mp_context=ctx, initializer=init[0], initargs=init[1]) as pool:
            source = _tasks(iterator, parallel.batch, parallel.batch_chars)
            exhausted = False
            while not broken:
                while not exhausted and len(pending) < 2 * workers:  # bounded: the corpus is never all in flight
                    batch = next(source, None)
                    if batch is None:
                        exhausted = True
                        break
                    docs = [e for e in batch if isinstance(e, Document)]
                    try:
                        future = pool.submit(_worker_batch, docs) if docs else None
                    except BrokenProcessPool:
                        pending.append((batch, None, True))
                        broken = True
                        break
                    pending.append((batch, future, False))
                if broken or not pending:
                    break
                batch, future, _ = pending[0]
                try:
                    results = future.result() if future is not None else []
                except BrokenProcessPool:
                    broken = True
                    break
                pending.popleft()
                outcomes = iter(results)
                for event in batch:
                    yield event, (next(outcomes) if isinstance(event, Document) else None)
    finally:
        if method == "fork":  # the workers have their copies; this process keeps no references to the checks
            _WORKER_CHECKS.clear()
            _WORKER_PREPARERS.clear()
    if broken:
        print(
            "corpus-audit: worker processes stopped unexpectedly; checking the remaining documents in this "
            "process (same results, slower)",
            file=sys.stderr,
        )
        for batch, *_ in pending:
            yield from _serial_stage(batch, doc_checks, prep, preparers)
        yield from _serial_stage(iterator, doc_checks, prep, preparers)
