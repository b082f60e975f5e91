"""State that a scan only reads back at the end, kept on disk while it runs.

:class:`ArraySpill` is an append-only list of numpy arrays (one dtype, one row shape) written to a
temporary file as they come and read back once, as one array, by :meth:`ArraySpill.drain`. The
duplicates check keeps its passage index there while it observes documents and while it clusters
near-duplicate documents: the index grows with the number of passages, and held in memory it adds
to the working memory of every stage before the passage stage instead of only to that stage's.
"""

from __future__ import annotations

import tempfile
from typing import IO, Any

import numpy as np


class ArraySpill:
    """Append-only arrays in a temporary file (opened at the first append, removed by :meth:`drain`)."""

    def __init__(self) -> None:
        self._fh: IO[bytes] | None = None
        self._dtype: np.dtype | None = None
        self._row_shape: tuple[int, ...] = ()
        self._rows = 0
        self._pieces = 0
        self.nbytes = 0

    def append(self, piece: np.ndarray) -> None:
        if self._dtype is None:
            self._dtype, self._row_shape = piece.dtype, piece.shape[1:]
        elif piece.dtype != self._dtype or piece.shape[1:] != self._row_shape:
            raise ValueError(
                f"spilled arrays differ: {piece.dtype}{piece.shape[1:]} after {self._dtype}{self._row_shape}"
            )
        if self._fh is None:
            self._fh = tempfile.TemporaryFile(prefix="corpus-audit-spill-")
        self._fh.write(np.ascontiguousarray(piece).tobytes())
        self._rows += len(piece)
        self._pieces += 1
        self.nbytes += piece.nbytes

    def __len__(self) -> int:
        """Pieces appended (a list of arrays' ``len``)."""
        return self._pieces

    def drain(self) -> np.ndarray:
        """Every row appended, in order, as one array; the file is removed and the spill is empty again."""
        if self._dtype is None:
            raise ValueError("nothing was spilled")
        out = np.empty((self._rows, *self._row_shape), dtype=self._dtype)
        if self._fh is not None:
            self._fh.seek(0)
            view = memoryview(out.reshape(-1).view(np.uint8))
            got = 0
            while got < len(view):
                n = self._fh.readinto(view[got:])
                if not n:
                    raise OSError(f"spill file ended after {got} of {len(view)} bytes")
                got += n
            self._fh.close()
        self.__init__()  # type: ignore[misc]
        return out

    def __getstate__(self) -> dict[str, Any]:
        if self._fh is not None:
            raise TypeError("an ArraySpill holding data cannot be pickled")
        return self.__dict__.copy()

    def __del__(self) -> None:
        if getattr(self, "_fh", None) is not None:
            self._fh.close()
