"""Compressed streams: open a file as the bytes it holds (plain, gzip or zstd)."""

from __future__ import annotations

import contextlib
import gzip
import io
import sys
from pathlib import Path
from typing import IO


def open_binary(path: Path, suffix: str) -> IO[bytes]:
    if str(path) == "-":
        return contextlib.nullcontext(sys.stdin.buffer)  # type: ignore[return-value]  # never closed here
    if suffix.endswith(".gz"):
        return gzip.open(path, "rb")
    if suffix.endswith(".zst"):
        return ZstdStream(open(path, "rb"))
    return open(path, "rb")


class ZstdStream(io.RawIOBase):
    """A zstd stream (any number of frames) that raises EOFError when the file ends inside a frame.

    ``zstandard``'s ``stream_reader`` just stops at a truncated frame, so a cut-off
    ``.jsonl.zst`` would lose its tail silently.
    """

    def __init__(self, fh: IO[bytes]) -> None:
        import zstandard

        self._fh = fh
        self._dctx = zstandard.ZstdDecompressor()
        self._obj = self._dctx.decompressobj()
        self._in_frame = False  # bytes of the current frame were fed, and it has not ended
        self._buf = b""
        self._pos = 0

    def readable(self) -> bool:
        return True

    def _feed(self, data: bytes) -> bytes:
        import zstandard

        out = []
        while data:
            if self._obj.eof:
                self._obj = self._dctx.decompressobj()
            try:
                out.append(self._obj.decompress(data))
            except zstandard.ZstdError as err:
                raise ValueError(f"corrupt zstd data: {err}") from None
            self._in_frame = not self._obj.eof
            data = self._obj.unused_data if self._obj.eof else b""
        return b"".join(out)

    def readinto(self, b) -> int:
        while self._pos >= len(self._buf):
            chunk = self._fh.read(1 << 17)
            if not chunk:
                if self._in_frame:
                    raise EOFError("zstd stream ended inside a frame (the file is truncated)")
                return 0
            self._buf, self._pos = self._feed(chunk), 0
        n = min(len(b), len(self._buf) - self._pos)
        b[:n] = self._buf[self._pos : self._pos + n]
        self._pos += n
        return n

    def close(self) -> None:
        self._fh.close()
        super().close()
