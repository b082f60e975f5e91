"""CSV with a header row: one record per row."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import IO, Iterator

from audit.model import Skipped, Unreadable
from audit.readers.records import MAX_UNREADABLE_RAW, SURROGATE, Event, ReaderConfig, record_document
from audit.readers.sniff import BINARY_SNIFF, looks_binary, wide_encoding


class _LineTap:
    """Iterates a text file's lines for ``csv`` and keeps those of the current row (its raw text)."""

    def __init__(self, fh: IO[str]) -> None:
        self._fh = fh
        self._lines: list[str] = []
        self._size = 0

    def __iter__(self) -> _LineTap:
        return self

    def __next__(self) -> str:
        line = next(self._fh)
        if self._size <= MAX_UNREADABLE_RAW:  # a never-closed quote can run to the end of the file
            self._lines.append(line)
            self._size += len(line)
        return line

    def take(self) -> str:
        """The raw text of the lines read since the last call (shortened, bad bytes escaped)."""
        text = "".join(self._lines).rstrip("\r\n")
        self._lines, self._size = [], 0
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
    if (wide := wide_encoding(head[:4])) is not None:
        yield Unreadable(file=name, reason=wide)
        return
    if looks_binary(head):
        yield Unreadable(file=name, reason="binary file (contains NUL bytes), not CSV")
        return
    with open(path, encoding="utf-8-sig", errors="surrogateescape", newline="") as fh:
        tap = _LineTap(fh)
        reader = csv.DictReader(tap, strict=True)
        try:
            fields = reader.fieldnames or []
        except csv.Error as err:
            yield Unreadable(file=name, line=1, reason=f"invalid CSV header: {err}")
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
            first_line = reader.line_num + 1
            try:
                values = next(reader)
            except StopIteration:
                break
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
                byte = ord(SURROGATE.search(bad).group()) - 0xDC00
                yield Unreadable(file=name, line=row, raw=raw,
                                 reason=f"invalid UTF-8 (byte {byte:02x}) in the row starting at line {first_line}")
                continue
            extra = values.pop(None, None)
            cells = len(fields) + len(extra or ()) - sum(1 for v in values.values() if v is None)
            if values.get(config.text_field) is None:
                yield Unreadable(file=name, line=row, raw=raw,
                                 reason=f"row has {cells} cells, the header {len(fields)}: no {config.text_field!r} cell")
                continue
            if extra and any(e.strip() for e in extra):
                yield Unreadable(file=name, line=row, raw=raw,
                                 reason=f"row has {cells} cells, the header {len(fields)} (an unquoted comma?); "
                                        f"its text may be cut")
                continue
            yield record_document(values, name, row, config)
        if row == 0:
            yield Skipped(file=name, reason="no records (header row only)")
