"""The Ray engine: per-document checks as Ray tasks over shards of documents.

The driver (the process running ``scan`` or ``filter``) reads the input, sends shards of documents
to Ray tasks, and receives each shard's findings and annotations back in input order; corpus checks
(duplicates, recurring lines, the index) observe them on the driver exactly as with the local engine,
so the report is the same. At most ``2 x workers`` shards are in flight, so the driver's memory is
bounded whatever the corpus size.

``ray`` is an optional dependency (``pip install 'corpus-audit[ray]'``). With ``RAY_ADDRESS`` set (or
``[engine] address``) the run joins that cluster; otherwise it starts a local Ray instance with
``workers`` CPUs (default: every CPU) and stops it at the end.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from pathlib import Path
from typing import Any, Iterable, Iterator

from audit.errors import AuditError

#: Attempts of a failed shard (a worker that died, a node that left) before the run fails.
MAX_RETRIES = 2


class EngineError(AuditError):
    """The Ray engine could not start or a shard failed for good."""


def import_ray():
    try:
        import ray
    except ImportError:
        raise EngineError("--engine ray needs Ray, an optional dependency: pip install 'corpus-audit[ray]'") from None
    return ray


def _package_root() -> str:
    """The folder holding the ``audit`` package, so workers import the same code as the driver."""
    return str(Path(__file__).resolve().parents[2])


class RaySession:
    """Joins ``address`` (or ``RAY_ADDRESS``), or starts a local instance; ``close()`` stops what it started."""

    def __init__(self, address: str | None, workers: int) -> None:
        ray = import_ray()
        self.ray = ray
        self.started = False
        address = address or os.environ.get("RAY_ADDRESS") or None
        if not ray.is_initialized():
            env = {
                "env_vars": {
                    "PYTHONPATH": os.pathsep.join(p for p in (_package_root(), os.environ.get("PYTHONPATH", "")) if p)
                }
            }
            kwargs: dict[str, Any] = {
                "include_dashboard": False,
                "log_to_driver": False,
                "configure_logging": False,
                "runtime_env": env,
            }
            if address:
                kwargs["address"] = address
            else:
                kwargs["num_cpus"] = workers if workers > 0 else (os.cpu_count() or 1)
            try:
                ray.init(**kwargs)
            except Exception as err:  # noqa: BLE001 - Ray raises several types for "cannot connect"
                where = f"the Ray cluster at {address}" if address else "a local Ray instance"
                raise EngineError(f"cannot start or join {where}: {type(err).__name__}: {err}") from None
            self.started = True
        cpus = int(ray.cluster_resources().get("CPU", 1))
        self.workers = max(1, min(workers, cpus) if workers > 0 else cpus)

    def close(self) -> None:
        if self.started and self.ray.is_initialized():
            self.ray.shutdown()


_CHECKS: dict[Any, list[Any]] = {}


def _checks_for(config: Any, enabled: frozenset[str]) -> list[Any]:
    """The document checks of this worker process, built once per (config, rules) and reused."""
    key = (id(config), enabled)
    if key not in _CHECKS:
        from audit.engine.common import build_checks
        from audit.rules import DocumentCheck

        _CHECKS.clear()
        _CHECKS[key] = [c for c in build_checks(config, enabled) if isinstance(c, DocumentCheck)]
    return _CHECKS[key]


def _run_shard(config: Any, enabled: frozenset[str], docs: list[Any]) -> list[Any]:
    from audit.engine.common import DocOutcome, prepare_batch
    from audit.rules import DocContext

    checks = _checks_for(config, enabled)
    ctxs = [DocContext(doc, -1) for doc in docs]
    prepare_batch(checks, ctxs)
    return [DocOutcome.compute(ctx, checks) for ctx in ctxs]


def _describe(docs: list[Any]) -> str:
    first, last = docs[0], docs[-1]
    where = f"{first.source}" + (f":{first.locator}" if getattr(first, "locator", None) is not None else "")
    return f"the shard of {len(docs)} documents from {first.id!r} ({where}) to {last.id!r}"


def ray_document_stage(events: Iterable[Any], parallel: Any, doc_checks: list[Any]) -> Iterator[tuple[Any, Any]]:
    """``(event, DocOutcome | None)`` in input order, the outcomes computed by Ray tasks."""
    from audit.engine.common import shards
    from audit.model import Document

    session = RaySession(parallel.address, parallel.jobs)
    ray = session.ray
    parallel.report_workers(session.workers)
    remote = ray.remote(max_retries=MAX_RETRIES, retry_exceptions=False)(_run_shard)
    try:
        config_ref = ray.put(parallel.config)
        pending: deque = deque()

        source = shards(events, parallel.batch)
        exhausted = False
        while True:
            while not exhausted and len(pending) < 2 * session.workers:
                batch = next(source, None)
                if batch is None:
                    exhausted = True
                    break
                docs = [e for e in batch if isinstance(e, Document)]
                ref = remote.remote(config_ref, parallel.enabled, docs) if docs else None
                pending.append((batch, docs, ref))
            if not pending:
                break
            batch, docs, ref = pending.popleft()
            try:
                results = ray.get(ref) if ref is not None else []
            except Exception as err:  # noqa: BLE001 - RayTaskError, WorkerCrashedError, NodeDiedError...
                raise EngineError(
                    f"Ray task for {_describe(docs)} failed after {MAX_RETRIES + 1} attempts: "
                    f"{type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''}"
                ) from None
            outcomes = iter(results)
            for event in batch:
                yield event, (next(outcomes) if isinstance(event, Document) else None)
    finally:
        session.close()


def ray_available() -> bool:
    try:
        import ray  # noqa: F401
    except ImportError:
        return False
    return True


__all__ = ["EngineError", "RaySession", "import_ray", "ray_available", "ray_document_stage"]


if __name__ == "__main__":  # pragma: no cover
    sys.exit("use corpus-audit scan --engine ray")
