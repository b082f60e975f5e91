"""Where stage tasks run: this process, a local process pool, or Ray. The stages exchange files, so
an executor only sends a task's plain arguments and receives its small summary back."""

from __future__ import annotations

import os
import resource
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable, Sequence


def _measured(fn: Callable[..., dict], args: tuple) -> dict:
    out = dict(fn(*args))
    out["pid"] = os.getpid()
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


class Executor:
    """Runs ``fn(*args)`` for each ``args``; results in order. Each result (a dict) gains the task's
    process id and that process's peak resident memory so far (``peak_mb``)."""

    name = "serial"
    workers = 1

    def map(self, fn: Callable[..., dict], tasks: Sequence[tuple]) -> list[dict]:
        return [_measured(fn, args) for args in tasks]

    def close(self) -> None:
        pass


class PoolExecutor(Executor):
    """A local process pool of ``workers`` processes (started as the local engine starts its workers)."""

    name = "pool"

    def __init__(self, workers: int = 0) -> None:
        self.workers = workers if workers > 0 else (os.cpu_count() or 1)
        self._pool: ProcessPoolExecutor | None = None

    def map(self, fn: Callable[..., dict], tasks: Sequence[tuple]) -> list[dict]:
        if self._pool is None:
            import multiprocessing as mp

            from audit.engine.local import _start_method

            self._pool = ProcessPoolExecutor(self.workers, mp_context=mp.get_context(_start_method()))
        futures = [self._pool.submit(_measured, fn, args) for args in tasks]
        return [f.result() for f in futures]

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


class RayExecutor(Executor):
    """Ray tasks (the work folder must be readable and writable by every node: a shared path).
    A failed task is retried twice, then the stage fails naming the task."""

    name = "ray"

    def __init__(self, address: str | None = None, workers: int = 0) -> None:
        from audit.engine.ray import MAX_RETRIES, RaySession

        self.session = RaySession(address, workers)
        self.workers = self.session.workers
        self._remote = self.session.ray.remote(max_retries=MAX_RETRIES, retry_exceptions=True)(_measured)
        self.retries = MAX_RETRIES

    def map(self, fn: Callable[..., dict], tasks: Sequence[tuple]) -> list[dict]:
        from audit.engine.ray import EngineError

        ray = self.session.ray
        refs = [self._remote.remote(fn, args) for args in tasks]
        out = []
        for args, ref in zip(tasks, refs, strict=True):
            try:
                out.append(ray.get(ref))
            except Exception as err:  # noqa: BLE001 - RayTaskError, WorkerCrashedError, NodeDiedError...
                raise EngineError(
                    f"Ray task {fn.__name__}{tuple(a for a in args if isinstance(a, (int, str)))} failed after "
                    f"{self.retries + 1} attempts: {type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''}"
                ) from None
        return out

    def close(self) -> None:
        self.session.close()


def make_executor(kind: str = "local", workers: int = 0, address: str | None = None) -> Executor:
    """``ray``: Ray tasks; ``local`` with one worker: this process; else a local process pool."""
    if kind == "ray":
        return RayExecutor(address, workers)
    n = workers if workers > 0 else (os.cpu_count() or 1)
    return Executor() if n == 1 else PoolExecutor(n)


def peak_of(results: list[dict[str, Any]]) -> float:
    """Largest peak memory (MB) among the worker processes that ran these tasks."""
    return max((r.get("peak_mb", 0.0) for r in results), default=0.0)
