"""Formats: which reader reads a file, by its suffix."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from audit.model import Skipped, Unreadable
from audit.readers.csvfile import read_csv
from audit.readers.jsonl import read_jsonl
from audit.readers.parquetfile import read_parquet
from audit.readers.plaintext import read_text_file
from audit.readers.records import Event, ReaderConfig, os_reason
from audit.readers.sniff import JSONL_SUFFIXES, TEXT_SUFFIXES, suffix_of


def read_file(path: Path, name: str, config: ReaderConfig) -> Iterator[Event]:
    """Read one file whose document id (or id prefix) is ``name``."""
    suffix = suffix_of(path)
    try:
        if suffix in TEXT_SUFFIXES:
            yield from read_text_file(path, name, config.max_record_bytes)
        elif suffix.startswith(JSONL_SUFFIXES):
            yield from read_jsonl(path, name, suffix, config)
        elif suffix == ".csv":
            yield from read_csv(path, name, config)
        elif suffix == ".parquet":
            yield from read_parquet(path, name, config)
        else:
            yield Skipped(file=name, reason=f"unsupported extension {path.suffix or '(none)'!r}")
    except OSError as err:
        yield Unreadable(file=name, reason=os_reason(err))
