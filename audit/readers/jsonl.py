"""JSON lines (plain, gzip or zstd): one record per line; a bad line costs only itself."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import IO, Iterator, cast

from audit.model import Skipped, Unreadable
from audit.readers.compression import CorruptStream, open_binary
from audit.readers.records import Event, ReaderConfig, os_reason, raw_excerpt, record_document
from audit.readers.sniff import BINARY_SNIFF, wide_encoding


def iter_lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """Yield ``(line_number, line_bytes, size)``; ``line_bytes`` is None when over ``limit``."""
    # BufferedReader wraps any binary file object; typeshed asks for a RawIOBase
    reader = (
        io.BufferedReader(cast(io.RawIOBase, stream), buffer_size=1 << 20) if not hasattr(stream, "peek") else stream
    )
    head = reader.peek(1 << 16)[: 1 << 16]
    if b"\r" in head and b"\n" not in head:  # classic Mac line ends: a lone CR ends each record
        reader = io.BufferedReader(_CrToLf(reader), buffer_size=1 << 20)
    lineno = 0
    while True:
        chunk = reader.readline(limit + 1)
        if not chunk:
            return
        lineno += 1
        if len(chunk) > limit and not chunk.endswith(b"\n"):
            size = len(chunk)
            while True:  # skip the rest of the enormous line without keeping it
                more = reader.readline(1 << 20)
                size += len(more)
                if not more or more.endswith(b"\n"):
                    break
            yield lineno, None, size
            continue
        yield lineno, chunk, len(chunk)


class _CrToLf(io.RawIOBase):
    """A byte stream with every CR read as LF (for files whose lines end in CR alone).

    A raw CR cannot occur inside a JSON string (control characters are escaped there), so
    reading it as a line end never cuts a valid record.
    """

    def __init__(self, inner: IO[bytes]) -> None:
        self._inner = inner

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        data = self._inner.read(len(b))
        if not data:
            return 0
        data = data.replace(b"\r", b"\n")
        b[: len(data)] = data
        return len(data)


def read_jsonl(path: Path, name: str, suffix: str, config: ReaderConfig) -> Iterator[Event]:
    blank = lines = 0
    try:
        opened = open_binary(path, suffix)
    except OSError as err:
        yield Unreadable(file=name, reason=os_reason(err))
        return
    try:
        with opened as stream:
            for lineno, raw, size in iter_lines(stream, config.max_record_bytes):
                lines = lineno
                if lineno == 1 and raw is not None:
                    if (wide := wide_encoding(raw[:BINARY_SNIFF])) is not None:
                        yield Unreadable(file=name, reason=wide)
                        return
                    if raw.startswith(b"\xef\xbb\xbf"):  # a UTF-8 byte-order mark opens the file, not the record
                        raw = raw[3:]
                if raw is None:
                    yield Unreadable(
                        file=name,
                        line=lineno,
                        reason=f"line of {size} bytes exceeds max_record_bytes={config.max_record_bytes}",
                    )
                    continue
                if not raw.strip():
                    if config.keep_records:  # the filter accounts for every line
                        yield Unreadable(file=name, line=lineno, reason="blank line (no record)", raw=raw_excerpt(raw))
                    else:
                        blank += 1
                    continue
                yield _line_event(raw, name, lineno, config)
    except (OSError, EOFError, ValueError) as err:
        # Truncated or corrupt compressed stream: everything before it was yielded.
        reason = os_reason(err) if isinstance(err, OSError) else str(err)
        if isinstance(err, CorruptStream):  # the reader stopped at the last verified point
            reason += (
                f"; nothing after line {lines} (the end of the last verified part) is read"
                if lines
                else "; none of its records is read"
            )
        what = "compressed stream" if suffix.endswith((".gz", ".zst")) else "file"
        yield Unreadable(file=name, reason=f"cannot read {what}: {reason}")
        lines = -1  # reported: not an empty file
    if blank:
        yield Skipped(file=name, reason=f"{blank} blank line(s)")
    elif not lines:
        yield Skipped(file=name, reason="empty file (no records)")


def _line_event(raw: bytes, name: str, lineno: int, config: ReaderConfig) -> Event:
    """One non-blank line as a document, or why it is unreadable."""
    if b"\x00" in raw:
        return Unreadable(file=name, line=lineno, reason="binary data (NUL bytes) in line", raw=raw_excerpt(raw))
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return Unreadable(
            file=name,
            line=lineno,
            reason=f"invalid UTF-8 at column {err.start + 1}: {err.reason}",
            raw=raw_excerpt(raw),
        )
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return Unreadable(
            file=name,
            line=lineno,
            reason=f"invalid JSON: {err.msg} at character {min(err.pos, len(line.rstrip())) + 1}",
            raw=raw_excerpt(raw),
        )
    except RecursionError:
        return Unreadable(
            file=name, line=lineno, reason="invalid JSON: nested too deeply to parse", raw=raw_excerpt(raw)
        )
    except ValueError as err:  # e.g. an integer beyond Python's digit limit
        return Unreadable(file=name, line=lineno, reason=f"invalid JSON: {err}", raw=raw_excerpt(raw))
    return record_document(record, name, lineno, config, raw_line=line)
