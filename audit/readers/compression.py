"""Compressed streams: open a file as the bytes it holds (plain, gzip or zstd).

Two guarantees hold for ``.gz`` and ``.zst`` input:

* **Nothing unverified is served.** A gzip member carries a CRC-32 of its content and a
  zstd frame may carry a checksum; both are only checked when the member (frame) ends, so
  bytes decoded before a failed check may be garbage. :func:`open_binary` first reads the
  whole stream once, discarding what it decodes, to find the last verified point (the end
  of the last member or frame that passed its check); the second, real read then stops
  there and raises :class:`CorruptStream`. A *truncated* stream (the file ends inside a
  member) is not corrupt: what was decoded before the cut is the original data, and it is
  served up to the cut (then :class:`EOFError`).
* **Bounded memory whatever the ratio.** Every read decodes at most a fixed amount of
  output (gzip through zlib's ``max_length``; zstd by feeding small pieces of input, as
  ``zstandard`` has no output limit), so a zstd bomb of zeros costs time, not memory.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import stat
import sys
import tempfile
import zlib
from abc import abstractmethod
from pathlib import Path
from typing import IO, cast

#: Compressed bytes read from the file at a time.
_READ = 1 << 16
#: At most this much output per gzip decode call.
_GZIP_OUT = 1 << 20
#: Compressed bytes fed to zstd per call: a zstd block of 4 bytes can hold 128 KiB, so one
#: call decodes at most 512 / 4 * 128 KiB = 16 MiB, whatever the file.
_ZSTD_FEED = 512


class CorruptStream(ValueError):
    """A compressed stream failed an integrity check; nothing after the last verified point is served."""


def open_binary(path: Path, suffix: str) -> IO[bytes]:
    if str(path) == "-":
        return contextlib.nullcontext(sys.stdin.buffer)  # type: ignore[return-value]  # never closed here
    if suffix.endswith((".gz", ".zst")):
        return _checked(path, GzipStream if suffix.endswith(".gz") else ZstdStream)
    return open(path, "rb")


def _checked(path: Path, kind: type[_Decoder]) -> IO[bytes]:
    """A decoder over ``path`` that stops at the last verified point (see the module docstring)."""
    fh: IO[bytes] = open(path, "rb")
    try:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):  # a named pipe can be read only once
            spool = tempfile.TemporaryFile(prefix="corpus-audit-")
            shutil.copyfileobj(fh, spool, 1 << 20)
            fh.close()
            fh = spool
        checker = kind(fh)
        checker.owns_file = False
        verified, error = checker.verify()
        fh.seek(0)
    except BaseException:
        fh.close()
        raise
    # a RawIOBase is a binary file object; typeshed does not relate it to IO[bytes]
    return cast(IO[bytes], kind(fh, stop_at=verified if error is not None else None, error=error))


class _Decoder(io.RawIOBase):
    """Decoded bytes of a compressed file, member by member (frame by frame).

    ``verified`` counts the decoded bytes up to the end of the last member that passed its
    integrity check. With ``stop_at``, reading ends there with :class:`CorruptStream`.
    """

    kind = ""

    def __init__(self, fh: IO[bytes], stop_at: int | None = None, error: str | None = None) -> None:
        self._fh = fh
        self._stop_at = stop_at
        self._error = error
        self._pending = b""  # compressed bytes not yet fed
        self._in_member = False  # bytes of the current member were fed, and it has not ended
        self._buf = b""
        self._pos = 0
        self.decoded = 0
        self.verified = 0

    def readable(self) -> bool:
        return True

    @abstractmethod
    def _decode(self) -> bytes | None:
        """The next piece of output (possibly empty); None at the clean end of the input (each format's own)."""

    def verify(self) -> tuple[int, str | None]:
        """Read everything once: ``(verified bytes, error or None)``. A truncation is no error here."""
        try:
            while self._decode() is not None:
                pass
        except CorruptStream as err:
            return self.verified, str(err)
        except EOFError:
            pass
        return self.verified, None

    def readinto(self, b) -> int:
        while self._pos >= len(self._buf):
            if self._stop_at is not None and self.decoded >= self._stop_at:
                raise CorruptStream(self._error or f"corrupt {self.kind} data")
            out = self._decode()
            if out is None:
                return 0
            if self._stop_at is not None and self.decoded > self._stop_at:
                out = out[: len(out) - (self.decoded - self._stop_at)]
            self._buf, self._pos = out, 0
        n = min(len(b), len(self._buf) - self._pos)
        b[:n] = self._buf[self._pos : self._pos + n]
        self._pos += n
        return n

    def _more(self) -> bool:
        """Read more compressed input into ``_pending``; False at the end of the file."""
        chunk = self._fh.read(_READ)
        if not chunk:
            if self._in_member:
                raise EOFError(f"{self.kind} stream ended inside a {self._unit} (the file is truncated)")
            return False
        self._pending += chunk
        return True

    _unit = "member"

    owns_file = True

    def close(self) -> None:
        if self.owns_file:
            self._fh.close()
        super().close()


class GzipStream(_Decoder):
    """gzip, any number of members (zero padding between them allowed, as ``gzip`` does)."""

    kind = "gzip"

    def __init__(self, fh: IO[bytes], stop_at: int | None = None, error: str | None = None) -> None:
        super().__init__(fh, stop_at, error)
        self._obj = zlib.decompressobj(31)
        self._members = 0

    def _decode(self) -> bytes | None:
        if not self._pending:
            if self._in_member:  # output held back by the last call's limit (a long match) comes first
                out = self._inflate(b"")
                if out:
                    return out
            if not self._more():
                return None
        if not self._in_member:
            self._pending = self._pending.lstrip(b"\x00")
            if not self._pending:
                return b""
            if not b"\x1f\x8b".startswith(self._pending[:2]):
                raise CorruptStream(f"not gzip data after member {self._members} (decoded byte {self.decoded})")
            self._in_member = True
        return self._inflate(self._pending)

    def _inflate(self, data: bytes) -> bytes:
        try:
            out = self._obj.decompress(data, _GZIP_OUT)
        except zlib.error as err:
            raise CorruptStream(f"corrupt gzip data in member {self._members + 1} ({_zlib_reason(err)})") from None
        self.decoded += len(out)
        if self._obj.eof:
            self._pending = self._obj.unused_data
            self._obj = zlib.decompressobj(31)
            self._in_member = False
            self._members += 1
            self.verified = self.decoded
        else:
            self._pending = self._obj.unconsumed_tail
        return out


def _zlib_reason(err: zlib.error) -> str:
    text = str(err)
    if "incorrect data check" in text:
        return "CRC-32 mismatch: the member's content is damaged"
    if "incorrect length check" in text:
        return "length mismatch: the member's content is damaged"
    return text.split(": ", 1)[-1]


class ZstdStream(_Decoder):
    """zstd, any number of frames; a truncated last frame raises EOFError.

    ``zstandard``'s ``stream_reader`` just stops at a truncated frame, so a cut-off
    ``.jsonl.zst`` would lose its tail silently; its ``decompressobj`` has no output
    limit, so input is fed in small pieces.
    """

    kind = "zstd"
    _unit = "frame"

    def __init__(self, fh: IO[bytes], stop_at: int | None = None, error: str | None = None) -> None:
        import zstandard

        super().__init__(fh, stop_at, error)
        self._dctx = zstandard.ZstdDecompressor()
        self._obj = self._dctx.decompressobj()
        self._frames = 0
        self._ppos = 0  # how much of ``_pending`` was fed

    def _decode(self) -> bytes | None:
        import zstandard

        if self._ppos >= len(self._pending):
            self._pending, self._ppos = b"", 0
            if not self._more():
                return None
        if self._obj.eof:
            self._obj = self._dctx.decompressobj()
        piece = self._pending[self._ppos : self._ppos + _ZSTD_FEED]
        self._ppos += len(piece)
        try:
            out = self._obj.decompress(piece)
        except zstandard.ZstdError as err:
            raise CorruptStream(f"corrupt zstd data in frame {self._frames + 1} ({err})") from None
        self.decoded += len(out)
        self._in_member = not self._obj.eof
        if self._obj.eof:
            self._frames += 1
            self.verified = self.decoded
            if self._obj.unused_data:  # the next frame started inside this piece
                self._pending, self._ppos = self._obj.unused_data + self._pending[self._ppos :], 0
        return out
