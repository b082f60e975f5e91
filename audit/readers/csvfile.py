"""CSV with a header row: one record per row."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import IO, Iterator

from audit.model import Skipped, Unreadable
from audit.readers.records import MAX_UNREADABLE_RAW, SURROGATE, Event, ReaderConfig, record_document
from audit.readers.sniff import BINARY_SNIFF, looks_binary, wide_encoding


class RowTooLarge(Exception):
    """A row (or a line of it) is longer than ``max_record_bytes``; the rest of that line was skipped."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


class _LineTap:
    """Iterates a text file's lines for ``csv`` and keeps those of the current row (its raw text).

    No line is read whole when it is longer than ``limit`` characters, and no row may add up to
    more: either raises :class:`RowTooLarge` after skipping the rest of the line in bounded
    pieces, so a 1 GB field never reaches memory (``csv``'s own field limit applies only after
    Python has read the whole line).
    """

    def __init__(self, fh: IO[str], limit: int) -> None:
        self._fh = fh
        self._limit = limit
        self._lines: list[str] = []
        self._size = 0
        self._row_chars = 0
        #: Lines read so far (``csv``'s own count misses a line that raised).
        self.lines = 0

    def __iter__(self) -> _LineTap:
        return self

    def __next__(self) -> str:
        line = self._fh.readline(self._limit + 1)
        if not line:
            raise StopIteration
        self.lines += 1
        self._row_chars += len(line)
        if self._row_chars > self._limit:
            if self._size <= MAX_UNREADABLE_RAW:
                self._lines.append(line[: MAX_UNREADABLE_RAW + 1])
                self._size += MAX_UNREADABLE_RAW + 1
            size = self._row_chars
            while not line.endswith(("\n", "\r")):  # skip the rest of the line without keeping it
                line = self._fh.readline(1 << 20)
                if not line:
                    break
                size += len(line)
            self._row_chars = 0
            raise RowTooLarge(size)
        if self._size <= MAX_UNREADABLE_RAW:  # a never-closed quote can run to the end of the file
            self._lines.append(line)
            self._size += len(line)
        return line

    def take(self) -> str:
        """The raw text of the lines read since the last call (shortened, bad bytes escaped)."""
        text = "".join(self._lines).rstrip("\r\n")
        self._lines, self._size, self._row_chars = [], 0, 0
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        if len(text) > MAX_UNREADABLE_RAW:
            text = text[:MAX_UNREADABLE_RAW] + "... [cut]"
        return text


def read_csv(path: Path, name: str, config: ReaderConfig) -> Iterator[Event]:
    """CSV with a header row; one record per row, ``FILE:ROW`` ids (ROW counts records, from 1).

    Bytes that are not UTF-8 cost only the rows holding them; a row with a malformed quote,
    without a text cell, or with more cells than the header (an unquoted comma would cut its
    text) is reported, never read as something else. A UTF-8 byte-order mark is not part
    of the first column's name.
    """
    csv.field_size_limit(config.max_record_bytes)
    with open(path, "rb") as fh:
        head = fh.read(BINARY_SNIFF)
    if (wide := wide_encoding(head)) is not None:
        yield Unreadable(file=name, reason=wide)
        return
    if looks_binary(head):
        yield Unreadable(file=name, reason="binary file (contains NUL bytes), not CSV")
        return
    with open(path, encoding="utf-8-sig", errors="surrogateescape", newline="") as fh:
        tap = _LineTap(fh, config.max_record_bytes)
        reader = csv.DictReader(tap, strict=True)
        try:
            fields = reader.fieldnames or []
        except csv.Error as err:
            yield Unreadable(file=name, line=1, reason=f"invalid CSV header: {err}")
            return
        except RowTooLarge as err:
            yield Unreadable(
                file=name,
                line=1,
                reason=f"header row of {err.size}+ characters exceeds "
                f"max_record_bytes={config.max_record_bytes}; file not read",
            )
            return
        if any(SURROGATE.search(f) for f in fields):
            yield Unreadable(file=name, line=1, reason="invalid UTF-8 in the header row; file not read")
            return
        if not fields:
            yield Skipped(file=name, reason="empty file (no header row, no records)")
            return
        if config.text_field not in fields:
            hint = ""
            if len(fields) == 1 and any(sep in fields[0] for sep in ";\t|"):
                hint = "; only comma-separated files are read"
            yield Unreadable(file=name, reason=f"no {config.text_field!r} column (columns: {', '.join(fields)}){hint}")
            return
        if fields.count(config.text_field) > 1:
            yield Unreadable(file=name, reason=f"the header names column {config.text_field!r} twice; file not read")
            return
        row = 0
        tap.take()
        while True:
            first_line = tap.lines + 1
            try:
                values = next(reader)
            except StopIteration:
                break
            except RowTooLarge as err:
                row += 1
                yield Unreadable(
                    file=name,
                    line=row,
                    raw=tap.take(),
                    reason=f"row starting at line {first_line} has {err.size}+ characters, over "
                    f"max_record_bytes={config.max_record_bytes}; not loaded",
                )
                continue
            except csv.Error as err:
                row += 1
                reason = f"invalid CSV (row starting at line {first_line}): {err}"
                if "unexpected end of data" in str(err):
                    reason += "; a quote opened in this row is never closed, so the rest of the file was read into it"
                yield Unreadable(file=name, line=row, reason=reason, raw=tap.take())
                continue
            row += 1
            raw = tap.take()
            bad = next((v for v in values.values() if isinstance(v, str) and SURROGATE.search(v)), None)
            if bad is not None:
                surrogate = SURROGATE.search(bad)
                assert surrogate is not None  # ``bad`` was picked because it matches
                byte = ord(surrogate.group()) - 0xDC00
                yield Unreadable(
                    file=name,
                    line=row,
                    raw=raw,
                    reason=f"invalid UTF-8 (byte {byte:02x}) in the row starting at line {first_line}",
                )
                continue
            extra = values.pop(None, None)
            cells = len(fields) + len(extra or ()) - sum(1 for v in values.values() if v is None)
            if values.get(config.text_field) is None:
                yield Unreadable(
                    file=name,
                    line=row,
                    raw=raw,
                    reason=f"row has {cells} cells, the header {len(fields)}: no {config.text_field!r} cell",
                )
                continue
            if extra and any(e.strip() for e in extra):
                yield Unreadable(
                    file=name,
                    line=row,
                    raw=raw,
                    reason=f"row has {cells} cells, the header {len(fields)} (an unquoted comma?); its text may be cut",
                )
                continue
            yield record_document(values, name, row, config)
        if row == 0:
            yield Skipped(file=name, reason="no records (header row only)")
