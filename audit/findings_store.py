"""Findings of finished documents, held in memory up to a bound and past it spilled to a temporary file.

A raw web page gives about 50 findings and a finding costs about 840 bytes in memory, so a scan that
keeps every finding until the report is written grows by tens of GB per million pages. The scan hands
each document's findings to a :class:`FindingsStore`: while the findings held in memory stay under
``[engine] findings_memory_mb`` they stay a plain list; past it they are pickled to an anonymous
temporary file (unlinked as soon as it is created, so nothing is left behind on any exit, ``kill -9``
included) and the document keeps a :class:`SpilledFindings` handle, a read-only sequence that loads
them again each time it is read (the policy, a baseline, scorecards and renderers read them one
document at a time). The objects read back are equal to the ones written, so reports are identical.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Sequence
from typing import Any, Iterator

from audit.model import Finding

#: Estimated memory of one finding (object, its strings, its slot in a list), measured on real scans.
FINDING_BYTES = 840


class SpilledFindings(Sequence):
    """A document's findings in the spill file: a read-only sequence loaded when read."""

    __slots__ = ("store", "offset", "length", "size")

    def __init__(self, store: FindingsStore, offset: int, length: int, count: int) -> None:
        self.store = store
        self.offset = offset
        self.length = length
        self.size = count

    def load(self) -> list[Finding]:
        return self.store._read(self.offset, self.length)

    def __len__(self) -> int:
        return self.size

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.load())

    def __getitem__(self, index: Any) -> Any:
        return self.load()[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SpilledFindings):
            other = other.load()
        return isinstance(other, list) and self.load() == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"SpilledFindings({self.size} findings)"


class FindingsStore:
    """Where a scan keeps each document's findings: in memory up to ``memory_mb``, then in a spill file.

    ``memory_mb`` ``None``: no bound (everything in memory); ``0``: every non-empty list is spilled.
    """

    def __init__(self, memory_mb: float | None = None, directory: str | None = None) -> None:
        self.limit = None if memory_mb is None else int(memory_mb * 1024 * 1024)
        self.directory = directory or None
        self.held = 0  # estimated bytes of the findings kept in memory
        self.spilled_documents = 0
        self.spilled_bytes = 0
        self._fh: Any = None

    def put(self, findings: list[Finding], replacing: Sequence[Finding] | None = None) -> Sequence[Finding]:
        """Keep ``findings`` (that replace ``replacing``, if given); return what the document holds."""
        if isinstance(replacing, list):
            self.held -= len(replacing) * FINDING_BYTES
        cost = len(findings) * FINDING_BYTES
        if not findings or self.limit is None or self.held + cost <= self.limit:
            self.held += cost
            return findings
        data = pickle.dumps(findings, protocol=pickle.HIGHEST_PROTOCOL)
        if self._fh is None:
            self._fh = tempfile.TemporaryFile(prefix="corpus-audit-findings-", dir=self.directory, buffering=0)
        offset = self.spilled_bytes
        view = memoryview(data)
        while view:
            view = view[self._fh.write(view) :]
        self.spilled_bytes += len(data)
        self.spilled_documents += 1
        return SpilledFindings(self, offset, len(data), len(findings))

    def _read(self, offset: int, length: int) -> list[Finding]:
        data = os.pread(self._fh.fileno(), length, offset)
        return pickle.loads(data)

    @property
    def spilling(self) -> bool:
        """Whether a spill file exists (and is open)."""
        return self._fh is not None and not self._fh.closed

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()


def replace(old: Sequence[Finding], new: list[Finding]) -> Sequence[Finding]:
    """``new`` to hold instead of ``old``: through ``old``'s store if ``old`` was spilled (in memory while
    the bound allows, else spilled again), else as it is (a list that replaces an in-memory list)."""
    if isinstance(old, SpilledFindings):
        return old.store.put(new, replacing=old)
    return new
