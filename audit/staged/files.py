"""The files the stages exchange, and bounded readers over them.

A work folder holds::

    shards/S.txt  S.off.npy        texts of shard S (UTF-8, back to back) and their byte offsets
    shards/S.ids  S.idoff.npy      document ids, likewise
    shards/S.meta.npy              per document: characters, date (NaN unknown), source (shard-local)
    shards/S.src.json              shard-local source names
    shards/S.sig.npy S.sigdoc.npy  uint16 signatures and the shard-local document of each row
    rows/exact/P/S.npy             (band, key, document) rows of exact content keys, partition P
    rows/near/P/S.npy              (band, key, document) rows of LSH band keys, partition P
    bases.npy                      global ordinal of each shard's first document (and the total)
    cand/V/P.npy                   candidate pairs to verify in task V (shard of the first text)
    verified/R/V.npy               verification results of round R, task V

Documents are numbered in input order: shard S holds ordinals ``bases[S]`` to ``bases[S+1] - 1``;
rows and signatures name documents by their shard-local index, so shards are written without
knowing how many documents came before them.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np

#: A (band, key, document) row: band 0xFFFF is the exact content key.
ROW = np.dtype([("band", "<u2"), ("key", "<u8"), ("doc", "<u4")])
EXACT_BAND = 0xFFFF
#: Per-document facts of a shard.
META = np.dtype([("chars", "<i8"), ("date", "<f8"), ("source", "<i4")])
#: A verification result: the pair as verified (``a`` is the text read first), the verdict
#: (0 not a copy, 1 a near copy, 2 one template with different facts, 3 a near copy only through page
#: furniture: no copy, 4 one template with different subjects), scores and aligned spans.
VERIFIED = np.dtype(
    [
        ("a", "<i8"),
        ("b", "<i8"),
        ("status", "u1"),
        ("duplicate", "u1"),
        ("reason", "u1"),
        ("sim", "<f8"),
        ("sa0", "<i8"),
        ("sa1", "<i8"),
        ("sb0", "<i8"),
        ("sb1", "<i8"),
        ("ca", "<f8"),
        ("cb", "<f8"),
    ]
)
REASONS = ("", "similar", "contained", "exact")


def shard_name(s: int) -> str:
    return f"{s:06d}"


class Layout:
    """Paths of a work folder."""

    def __init__(self, root: str | os.PathLike) -> None:
        self.root = Path(root)

    def shard(self, s: int, suffix: str) -> Path:
        return self.root / "shards" / f"{shard_name(s)}.{suffix}"

    def rows(self, kind: str, p: int, s: int) -> Path:
        return self.root / "rows" / kind / f"{p:04d}" / f"{shard_name(s)}.npy"

    def row_files(self, kind: str, p: int) -> list[Path]:
        d = self.root / "rows" / kind / f"{p:04d}"
        return sorted(d.glob("*.npy")) if d.is_dir() else []

    def cand(self, v: int, p: int) -> Path:
        return self.root / "cand" / shard_name(v) / f"{p:04d}.npy"

    def cand_files(self, v: int) -> list[Path]:
        d = self.root / "cand" / shard_name(v)
        return sorted(d.glob("*.npy")) if d.is_dir() else []

    def cand_tasks(self) -> list[int]:
        d = self.root / "cand"
        return sorted(int(p.name) for p in d.iterdir()) if d.is_dir() else []

    def need(self, r: int, v: int) -> Path:
        return self.root / "need" / str(r) / f"{shard_name(v)}.npy"

    def verified(self, r: int, v: int) -> Path:
        return self.root / "verified" / str(r) / f"{shard_name(v)}.npy"

    @property
    def bases(self) -> Path:
        return self.root / "bases.npy"


def save(path: Path, array: np.ndarray) -> None:
    """Write an array atomically (a task retried after a crash never leaves half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    with open(tmp, "wb") as fh:
        np.save(fh, array, allow_pickle=False)
    os.replace(tmp, path)


def write_blob(layout: Layout, s: int, kind: str, items: list[str]) -> None:
    """Strings of a shard back to back (``S.kind``) with their byte offsets (``S.<kind>off.npy``)."""
    parts = [t.encode("utf-8", "surrogatepass") for t in items]
    off = np.zeros(len(parts) + 1, dtype=np.int64)
    np.cumsum([len(p) for p in parts], out=off[1:])
    path = layout.shard(s, kind)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    with open(tmp, "wb") as fh:
        fh.write(b"".join(parts))
    os.replace(tmp, path)
    save(layout.shard(s, "off.npy" if kind == "txt" else f"{kind}off.npy"), off)


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    tmp.write_text(json.dumps(data), encoding="utf-8")
    os.replace(tmp, path)


class _Shards:
    """Finds the shard of a global ordinal."""

    def __init__(self, layout: Layout, bases: np.ndarray | None = None) -> None:
        self.layout = layout
        self.bases = np.load(layout.bases) if bases is None else bases

    def locate(self, ordinal: int) -> tuple[int, int]:
        s = int(np.searchsorted(self.bases, ordinal, side="right")) - 1
        return s, ordinal - int(self.bases[s])


class BlobStore(_Shards):
    """Strings (texts or ids) by global ordinal, read from the shard files (memory-mapped, a few
    shards open at once)."""

    def __init__(self, layout: Layout, kind: str = "txt", bases: np.ndarray | None = None, open_max: int = 16) -> None:
        super().__init__(layout, bases)
        self.kind = kind
        self.open_max = open_max
        self._open: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    def _shard(self, s: int) -> tuple[np.ndarray, np.ndarray]:
        hit = self._open.get(s)
        if hit is None:
            if len(self._open) >= self.open_max:
                self._open.pop(next(iter(self._open)))
            path = self.layout.shard(s, self.kind)
            data = np.memmap(path, dtype=np.uint8, mode="r") if path.stat().st_size else np.zeros(0, np.uint8)
            off = np.load(self.layout.shard(s, "off.npy" if self.kind == "txt" else f"{self.kind}off.npy"))
            hit = self._open[s] = (data, off)
        return hit

    def get(self, ordinal: int) -> str:
        s, i = self.locate(int(ordinal))
        data, off = self._shard(s)
        return bytes(data[off[i] : off[i + 1]]).decode("utf-8", "surrogatepass")

    def __getitem__(self, ordinal: int) -> str:
        return self.get(ordinal)

    def __len__(self) -> int:
        return int(self.bases[-1])


class SigStore(_Shards):
    """uint16 signature rows by global ordinal (memory-mapped shard files)."""

    def __init__(self, layout: Layout, bases: np.ndarray | None = None, width: int = 0) -> None:
        super().__init__(layout, bases)
        self.width = width
        self._cache: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    def _shard(self, s: int) -> tuple[np.ndarray, np.ndarray]:
        hit = self._cache.get(s)
        if hit is None:
            if len(self._cache) >= 16:
                self._cache.pop(next(iter(self._cache)))
            hit = self._cache[s] = (
                np.load(self.layout.shard(s, "sig.npy"), mmap_mode="r"),
                np.load(self.layout.shard(s, "sigdoc.npy")),
            )
        return hit

    def rows(self, ordinals: np.ndarray) -> np.ndarray:
        """The signature rows of these documents (each must have one), in the given order."""
        ordinals = np.asarray(ordinals, dtype=np.int64)
        shard = np.searchsorted(self.bases, ordinals, side="right") - 1
        out = np.empty((len(ordinals), self.width), dtype=np.uint16)
        for s in np.unique(shard).tolist():
            sel = np.flatnonzero(shard == s)
            sig, sigdoc = self._shard(s)
            local = ordinals[sel] - self.bases[s]
            pos = np.searchsorted(sigdoc, local)
            out[sel] = sig[pos]
        return out
