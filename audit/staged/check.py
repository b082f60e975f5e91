"""The staged dedup inside ``scan`` (``[engine] dedup = "staged"`` or ``scan --work-dir DIR``).

:class:`StagedDuplicateCheck` is the duplicates check with its near-duplicate document stage moved to
files: as documents are observed, each batch of texts and its uint16 signatures become a shard of
the work folder (with the band rows partitioned by key) instead of staying in memory; at the end
the near partitions, verification and star rounds run as tasks on the engine's workers (a process
pool, or Ray with ``--engine ray``), and the clusters and findings are the in-memory check's.
Exact groups and passage reuse are computed as before.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from audit.duplicates.check import DuplicateCheck
from audit.duplicates.corpus import Corpus
from audit.rules import CorpusResult, DocContext
from audit.staged import stages
from audit.staged.driver import StagedStats, staged_near_clusters
from audit.staged.executor import make_executor
from audit.staged.files import Layout, save, write_blob

#: Band-row partitions of a scan when ``[engine] partitions`` is 0.
DEFAULT_PARTITIONS = 16


class StagedDuplicateCheck(DuplicateCheck):
    """:class:`DuplicateCheck` whose near-duplicate document stage runs staged (same findings)."""

    #: Set by :func:`use_staged` from ``[engine]``.
    engine_kind: str = "local"
    engine_address: str | None = None
    workers: int = 0
    work_dir: str = ""
    partitions: int = 0

    def __init__(self, config=None, settings=None) -> None:
        super().__init__(config, settings)
        self._root: Path | None = None
        self._shard_texts: list[str] = []
        self._shard_base = 0
        self._bases: list[int] = []
        self._next_ordinal = 0
        self.staged = StagedStats()

    def _layout(self) -> Layout:
        if self._root is None:
            parent = self.work_dir or None
            if parent:
                Path(parent).mkdir(parents=True, exist_ok=True)
            self._root = Path(tempfile.mkdtemp(prefix="corpus-audit-staged-", dir=parent))
            self._parts = self.partitions or DEFAULT_PARTITIONS
        return Layout(self._root)

    def observe(self, ctx: DocContext):
        if self._want_near:
            if ctx.ordinal != self._next_ordinal:
                raise RuntimeError(
                    f"staged dedup: documents out of order ({ctx.ordinal}, expected {self._next_ordinal})"
                )
            if not self._shard_texts:
                self._shard_base = ctx.ordinal
            self._shard_texts.append(ctx.text)
            self._next_ordinal += 1
        return super().observe(ctx)

    def _flush(self) -> None:
        super()._flush()
        if self._want_near:
            self._close_shard()

    def _close_shard(self) -> None:
        """Write the texts observed since the last shard and the signatures the flush made."""
        if not self._shard_texts:
            return
        layout = self._layout()
        s = len(self._bases)
        self._bases.append(self._shard_base)
        write_blob(layout, s, "txt", self._shard_texts)
        if self._doc_sig:
            sig = np.concatenate(self._doc_sig)
            local = np.concatenate(self._doc_ord).astype(np.int64) - self._shard_base
        else:
            sig, local = np.zeros((0, self.config.num_perm), dtype=np.uint16), np.zeros(0, dtype=np.int64)
        stages.write_signatures(layout, s, local, sig, self.config, self._parts)
        self._doc_sig, self._doc_ord = [], []
        self._shard_texts = []

    def state_bytes(self) -> int:
        return super().state_bytes() + 8 * len(self._bases)

    def _near_clusters(self, corpus: Corpus, result: CorpusResult, stats: dict[str, Any]) -> None:
        if not self._bases:
            return
        layout = self._layout()
        save(layout.bases, np.array(self._bases + [self._next_ordinal], dtype=np.int64))
        executor = make_executor(self.engine_kind, self.workers, self.engine_address)
        try:
            staged_near_clusters(corpus, layout, executor, self._parts, result, stats, self.staged)
        finally:
            executor.close()
            shutil.rmtree(layout.root, ignore_errors=True)
            self._root = None
        near = self.staged.stages.get("near_partitions", {})
        stats["staged"] = {
            "shards": len(self._bases),
            "partitions": self._parts,
            "band_rows": near.get("rows", 0),
            "oversized_buckets": near.get("oversized_buckets", 0),
            "star_rounds": self.staged.stages.get("stars", {}).get("rounds", 0),
        }


def use_staged(checks: list[Any], config: Any) -> list[Any]:
    """``checks`` with the duplicates check replaced by its staged form (same section and rules)."""
    eng = config.engine
    out = []
    for check in checks:
        if type(check) is DuplicateCheck:
            staged = StagedDuplicateCheck(check.config, check.settings)
            staged.enabled = check.enabled
            staged.engine_kind = eng.kind
            staged.engine_address = eng.address or None
            staged.workers = eng.workers or config.jobs
            staged.work_dir = eng.work_dir
            staged.partitions = eng.partitions
            check = staged
        out.append(check)
    return out


__all__ = ["StagedDuplicateCheck", "use_staged"]
