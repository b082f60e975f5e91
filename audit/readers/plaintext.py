"""``.txt`` / ``.md`` files: one document per file."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from audit.model import Document, Unreadable
from audit.readers.records import Event
from audit.readers.sniff import BINARY_SNIFF, decode_error_line, looks_binary, wide_encoding


def read_text_file(path: Path, name: str, limit: int) -> Iterator[Event]:
    size = path.stat().st_size
    if size > limit:
        yield Unreadable(file=name, reason=f"file of {size} bytes exceeds max_record_bytes={limit}; not loaded")
        return
    data = path.read_bytes()
    if (wide := wide_encoding(data[:BINARY_SNIFF])) is not None:
        yield Unreadable(file=name, reason=wide)
        return
    if looks_binary(data[:BINARY_SNIFF]):
        yield Unreadable(file=name, reason="binary file (contains NUL bytes), not text")
        return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line, reason = decode_error_line(data, err)
        yield Unreadable(file=name, line=line, reason=reason)
        return
    yield Document(id=name, text=text, source=name)
