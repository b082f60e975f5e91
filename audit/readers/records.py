"""Record mapping: how a parsed record (JSON object, CSV row, Parquet row) becomes a document."""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from typing import Any, Union

from audit.model import Document, Skipped, Unreadable

Event = Union[Document, Unreadable, Skipped]

#: How records read from standard input (``-``) are named: ids ``stdin:LINE`` without an id field.
STDIN_NAME = "stdin"

#: The longest raw text an unreadable line carries (the rest is counted, not kept).
MAX_UNREADABLE_RAW = 2000
SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


@dataclass(frozen=True)
class ReaderConfig:
    """How records are read. Field names apply to JSONL, CSV and Parquet."""

    text_field: str = "text"
    id_field: str = "id"
    source_field: str = "source"
    # A single line/record larger than this is reported unreadable instead of loaded.
    max_record_bytes: int = 64 * 1024 * 1024
    # Keep the parsed record (and raw line) on the Document, for ``filter``.
    keep_records: bool = False


def os_reason(err: OSError) -> str:
    return err.strerror.lower() if err.strerror else str(err)


def raw_excerpt(raw: bytes) -> str:
    """A bad line's raw text for the report: bad bytes escaped, shortened."""
    text = raw.decode("utf-8", errors="backslashreplace").rstrip("\r\n")
    if len(text) > MAX_UNREADABLE_RAW:
        return text[:MAX_UNREADABLE_RAW] + f"... [{len(text) - MAX_UNREADABLE_RAW} more chars]"
    return text


def record_document(record: Any, name: str, position: int, config: ReaderConfig, raw_line: str | None = None) -> Event:
    where = f"{name}:{position}"
    if not isinstance(record, dict):
        return Unreadable(
            file=name, line=position, reason=f"record is a JSON {type(record).__name__}, not an object", raw=raw_line
        )
    text = field(record, config.text_field)
    if text is MISSING:
        keys = ", ".join(sorted(map(str, record))[:8]) or "none"
        return Unreadable(
            file=name,
            line=position,
            reason=f"no {config.text_field!r} field (fields: {keys}); set text_field to choose one"
            + ("" if "." in config.text_field else " (a.b names a nested field)"),
            raw=raw_line,
        )
    if not isinstance(text, str):
        kind = "null" if text is None else f"a {type(text).__name__}"
        return Unreadable(
            file=name, line=position, reason=f"field {config.text_field!r} is {kind}, not a string", raw=raw_line
        )
    if raw_line is not None and _SURROGATE_ESCAPE.search(raw_line):
        bad = SURROGATE.search(json.dumps(record, ensure_ascii=False))
        if bad:
            return Unreadable(
                file=name,
                line=position,
                reason=f"invalid Unicode: lone surrogate U+{ord(bad.group()):04X} (a \\u escape that is not a character)",
                raw=raw_line,
            )
    rid = field(record, config.id_field)
    if rid is MISSING or rid is None or rid == "" or (isinstance(rid, float) and rid != rid):  # NaN: missing
        doc_id = where
    elif isinstance(rid, (bool, list, dict)):  # as written in JSON (true, ["a", 1]), not Python's repr
        doc_id = json.dumps(rid, ensure_ascii=False, default=str)
    else:
        doc_id = str(rid)
    metadata = {k: v for k, v in record.items() if k != config.text_field and is_scalar(v)}
    if "." in config.source_field and config.source_field not in metadata:
        src = field(record, config.source_field)
        if src is not MISSING and is_scalar(src):
            metadata[config.source_field] = src
    return Document(
        id=doc_id,
        text=text,
        source=name,
        locator=position,
        metadata=metadata,
        record=record if config.keep_records else None,
        raw=raw_line.rstrip("\r\n") if config.keep_records and raw_line is not None else None,
    )


MISSING = object()


def field(record: dict, name: str) -> Any:
    """``record[name]``; a dotted name that is not a key walks nested objects (``meta.body``)."""
    if name in record:
        return record[name]
    if "." not in name:
        return MISSING
    value: Any = record
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            return MISSING
        value = value[part]
    return value


def is_scalar(value: Any) -> bool:
    # Dates too: a Parquet timestamp column is what ``keep = "earliest"`` reads.
    return isinstance(value, (str, int, float, bool, datetime.date)) or value is None
