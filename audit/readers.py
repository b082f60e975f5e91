"""Readers: turn paths into a lazy stream of documents.

A reader knows nothing of checks. :func:`iter_inputs` yields, in a deterministic
order, three kinds of event:

* :class:`~audit.model.Document` for every document it could read;
* :class:`~audit.model.Unreadable` for every input (file, or line/row of one) it
  could not read, with the reason; the stream goes on after it;
* :class:`~audit.model.Skipped` for every path it deliberately did not read
  (hidden files, unknown extensions), so that nothing is dropped silently.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import datetime
import gzip
import io
import json
import os
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Iterator, Union

from audit.model import Document, Skipped, Unreadable

Event = Union[Document, Unreadable, Skipped]

TEXT_SUFFIXES = (".txt", ".md")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
COMPRESSIONS = ("", ".gz", ".zst")
RECORD_SUFFIXES = tuple(s + c for s in JSONL_SUFFIXES for c in COMPRESSIONS) + (".parquet", ".csv")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + RECORD_SUFFIXES

_BINARY_SNIFF = 8192
_MAX_UNREADABLE_RAW = 2000
_SURROGATE = re.compile("[\ud800-\udfff]")
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


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    for suffix in sorted(SUPPORTED_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def iter_inputs(
    paths: list[str | os.PathLike[str]],
    config: ReaderConfig | None = None,
    *,
    exclude: dict[str | os.PathLike[str], str] | None = None,
) -> Iterator[Event]:
    """Yield documents (and unreadable/skipped notices) from files and folders, lazily.

    A file is read once, however many times it is reached (a path given twice, a file and
    the folder holding it, a symbolic or hard link to a file already read): later
    encounters are listed as skipped, naming the first. ``exclude`` maps files that must
    not be read (the filter's own outputs, when they sit inside an input folder) to the
    reason they are skipped.
    """
    config = config or ReaderConfig()
    seen: dict[tuple[int, int], str] = {}
    for target, why in (exclude or {}).items():
        try:
            st = os.stat(target)
        except OSError:
            continue  # does not exist yet: nothing to exclude
        seen[(st.st_dev, st.st_ino)] = "\0" + why
    for raw in paths:
        path = Path(raw)
        if str(raw) == "-":  # JSON lines on standard input (a pipeline's batch)
            yield from _read_jsonl(path, STDIN_NAME, ".jsonl", config)
            continue
        if path.is_dir():
            yield from _with_folder(_iter_folder(path, config, seen), _folder_name(path))
        elif path.exists():
            reason = _already_read(path, path.name, seen)
            if reason is not None:
                yield Skipped(file=str(raw), reason=reason)
            else:
                yield from _with_folder(read_file(path, path.name, config), _folder_name(path.parent))
        else:
            yield Unreadable(file=str(raw), reason="no such file or directory")


def _folder_name(path: Path) -> str:
    """The name of a folder as a user would call it (``corpus`` for ``corpus/`` or ``./corpus``; ``.`` for the
    current folder's own name is resolved)."""
    return path.name or Path(os.path.abspath(path)).name or "."


def _with_folder(events: Iterator[Event], folder: str) -> Iterator[Event]:
    """Documents at the top of a scanned folder (or a file given directly) learn that folder's name."""
    for ev in events:
        if isinstance(ev, Document) and "/" not in ev.source:
            ev = dataclasses.replace(ev, folder=folder)
        yield ev


def _already_read(path: Path, name: str, seen: dict[tuple[int, int], str]) -> str | None:
    """Why this file is not read again (or None, and it is remembered under ``name``)."""
    try:
        st = path.stat()
    except OSError:
        return None  # reading it will report why
    key = (st.st_dev, st.st_ino)
    first = seen.get(key)
    if first is None:
        seen[key] = name
        return None
    if first.startswith("\0"):
        return first[1:]
    return f"same file as {first}, already read"


_NOT_REGULAR = ((stat.S_ISFIFO, "named pipe"), (stat.S_ISSOCK, "socket"), (stat.S_ISCHR, "character device"),
                (stat.S_ISBLK, "block device"))


def _not_regular(path: Path) -> str | None:
    """What kind of special file ``path`` is (reading a pipe in a folder would block), or None."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    for test, kind in _NOT_REGULAR:
        if test(mode):
            return kind
    return None


def _iter_folder(root: Path, config: ReaderConfig, seen: dict[tuple[int, int], str] | None = None) -> Iterator[Event]:
    def onerror(err: OSError) -> None:
        errors.append(err)

    seen = {} if seen is None else seen
    errors: list[OSError] = []
    entries: list[tuple[str, Path]] = []
    skipped_dirs: dict[str, str] = {}
    # Symbolic links to folders are followed (their files are read), except a link back to a
    # folder already walked (a loop, or a second way into the same folder): that one is skipped.
    walked = {os.path.realpath(root): "."}
    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror, followlinks=True):
        hidden_dirs = sorted(d for d in dirnames if d.startswith("."))
        base = Path(dirpath)
        keep: list[str] = []
        for d in sorted(d for d in dirnames if not d.startswith(".")):
            real = os.path.realpath(base / d)
            if real in walked:
                first = walked[real]
                rel = _rel(base / d, root)
                if first == ".":
                    why = "a loop back to the scanned folder"
                elif rel.startswith(first + "/"):
                    why = f"a loop back to {first}/"
                else:
                    why = f"the same folder as {first}/"
                entries.append((rel + "/", base / d))
                skipped_dirs[rel + "/"] = f"symbolic link to a folder, {why}; not read twice"
                continue
            walked[real] = _rel(base / d, root)
            keep.append(d)
        dirnames[:] = keep
        for d in hidden_dirs:
            yield Skipped(file=_rel(base / d, root) + "/", reason="hidden folder")
        for name in filenames:
            entries.append((_rel(base / name, root), base / name))
    for err in errors:
        yield Unreadable(file=_rel(Path(err.filename or root), root), reason=_os_reason(err))
    for rel, path in sorted(entries):
        if rel in skipped_dirs:
            yield Skipped(file=rel, reason=skipped_dirs[rel])
        elif path.name.startswith("."):
            yield Skipped(file=rel, reason="hidden file")
        elif suffix_of(path) not in SUPPORTED_SUFFIXES:
            yield Skipped(file=rel, reason=f"unsupported extension {path.suffix or '(none)'!r}")
        elif (kind := _not_regular(path)) is not None:
            yield Skipped(file=rel, reason=f"not a regular file ({kind})")
        elif (reason := _already_read(path, rel, seen)) is not None:
            yield Skipped(file=rel, reason=reason)
        else:
            yield from read_file(path, rel, config)


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _os_reason(err: OSError) -> str:
    return err.strerror.lower() if err.strerror else str(err)


def read_file(path: Path, name: str, config: ReaderConfig) -> Iterator[Event]:
    """Read one file whose document id (or id prefix) is ``name``."""
    suffix = suffix_of(path)
    try:
        if suffix in TEXT_SUFFIXES:
            yield from _read_text_file(path, name, config.max_record_bytes)
        elif suffix.startswith(JSONL_SUFFIXES):
            yield from _read_jsonl(path, name, suffix, config)
        elif suffix == ".csv":
            yield from _read_csv(path, name, config)
        elif suffix == ".parquet":
            yield from _read_parquet(path, name, config)
        else:
            yield Skipped(file=name, reason=f"unsupported extension {path.suffix or '(none)'!r}")
    except OSError as err:
        yield Unreadable(file=name, reason=_os_reason(err))


def _decode_error_line(data: bytes, err: UnicodeDecodeError) -> tuple[int, str]:
    line = data.count(b"\n", 0, err.start) + 1
    bad = data[err.start : err.start + 4].hex(" ")
    return line, f"invalid UTF-8 at byte {err.start} (bytes {bad}): {err.reason}"


def _looks_binary(head: bytes) -> bool:
    return b"\x00" in head


_UTF16_32_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
                  (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


def _wide_encoding(head: bytes) -> str | None:
    """A reason for text that starts with a UTF-16/32 byte-order mark (not binary, but not UTF-8)."""
    for bom, name in _UTF16_32_BOMS:
        if head.startswith(bom):
            return (f"{name} text (byte-order mark {bom.hex(' ')}); only UTF-8 is read: "
                    f"convert it, e.g. iconv -f {name} -t UTF-8")
    return None


def _read_text_file(path: Path, name: str, limit: int) -> Iterator[Event]:
    size = path.stat().st_size
    if size > limit:
        yield Unreadable(file=name, reason=f"file of {size} bytes exceeds max_record_bytes={limit}; not loaded")
        return
    data = path.read_bytes()
    if (wide := _wide_encoding(data[:4])) is not None:
        yield Unreadable(file=name, reason=wide)
        return
    if _looks_binary(data[:_BINARY_SNIFF]):
        yield Unreadable(file=name, reason="binary file (contains NUL bytes), not text")
        return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line, reason = _decode_error_line(data, err)
        yield Unreadable(file=name, line=line, reason=reason)
        return
    yield Document(id=name, text=text, source=name)


#: How records read from standard input (``-``) are named: ids ``stdin:LINE`` without an id field.
STDIN_NAME = "stdin"


def _open_binary(path: Path, suffix: str) -> IO[bytes]:
    if str(path) == "-":
        return contextlib.nullcontext(sys.stdin.buffer)  # type: ignore[return-value]  # never closed here
    if suffix.endswith(".gz"):
        return gzip.open(path, "rb")
    if suffix.endswith(".zst"):
        return _ZstdStream(open(path, "rb"))
    return open(path, "rb")


class _ZstdStream(io.RawIOBase):
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


def _iter_lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """Yield ``(line_number, line_bytes, size)``; ``line_bytes`` is None when over ``limit``."""
    reader = io.BufferedReader(stream, buffer_size=1 << 20) if not hasattr(stream, "peek") else stream
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


def _read_jsonl(path: Path, name: str, suffix: str, config: ReaderConfig) -> Iterator[Event]:
    blank = lines = 0
    try:
        opened = _open_binary(path, suffix)
    except OSError as err:
        yield Unreadable(file=name, reason=_os_reason(err))
        return
    try:
        with opened as stream:
            for lineno, raw, size in _iter_lines(stream, config.max_record_bytes):
                lines = lineno
                if lineno == 1 and raw is not None:
                    if (wide := _wide_encoding(raw[:4])) is not None:
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
                        yield Unreadable(file=name, line=lineno, reason="blank line (no record)", raw=_raw(raw))
                    else:
                        blank += 1
                    continue
                if b"\x00" in raw:
                    yield Unreadable(file=name, line=lineno, reason="binary data (NUL bytes) in line", raw=_raw(raw))
                    continue
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as err:
                    yield Unreadable(
                        file=name, line=lineno, reason=f"invalid UTF-8 at column {err.start + 1}: {err.reason}",
                        raw=_raw(raw),
                    )
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as err:
                    yield Unreadable(file=name, line=lineno, reason=f"invalid JSON: {err.msg} at character {min(err.pos, len(line.rstrip())) + 1}",
                                     raw=_raw(raw))
                    continue
                except RecursionError:
                    yield Unreadable(file=name, line=lineno, reason="invalid JSON: nested too deeply to parse",
                                     raw=_raw(raw))
                    continue
                except ValueError as err:  # e.g. an integer beyond Python's digit limit
                    yield Unreadable(file=name, line=lineno, reason=f"invalid JSON: {err}", raw=_raw(raw))
                    continue
                event = _record_document(record, name, lineno, config, raw_line=line)
                yield event
    except (OSError, EOFError, ValueError) as err:
        # Truncated or corrupt compressed stream: everything before it was yielded.
        reason = _os_reason(err) if isinstance(err, OSError) else str(err)
        what = "compressed stream" if suffix.endswith((".gz", ".zst")) else "file"
        yield Unreadable(file=name, reason=f"cannot read {what}: {reason}")
        lines = -1  # reported: not an empty file
    if blank:
        yield Skipped(file=name, reason=f"{blank} blank line(s)")
    elif not lines:
        yield Skipped(file=name, reason="empty file (no records)")


def _raw(raw: bytes) -> str:
    text = raw.decode("utf-8", errors="backslashreplace").rstrip("\r\n")
    if len(text) > _MAX_UNREADABLE_RAW:
        return text[:_MAX_UNREADABLE_RAW] + f"... [{len(text) - _MAX_UNREADABLE_RAW} more chars]"
    return text


def _record_document(
    record: Any, name: str, position: int, config: ReaderConfig, raw_line: str | None = None
) -> Event:
    where = f"{name}:{position}"
    if not isinstance(record, dict):
        return Unreadable(file=name, line=position, reason=f"record is a JSON {type(record).__name__}, not an object",
                          raw=raw_line)
    text = _field(record, config.text_field)
    if text is _MISSING:
        keys = ", ".join(sorted(map(str, record))[:8]) or "none"
        return Unreadable(
            file=name, line=position,
            reason=f"no {config.text_field!r} field (fields: {keys}); set text_field to choose one"
                   + ("" if "." in config.text_field else " (a.b names a nested field)"),
            raw=raw_line,
        )
    if text is None:
        text = ""
    if not isinstance(text, str):
        return Unreadable(file=name, line=position,
                          reason=f"field {config.text_field!r} is a {type(text).__name__}, not a string", raw=raw_line)
    if raw_line is not None and _SURROGATE_ESCAPE.search(raw_line):
        bad = _SURROGATE.search(json.dumps(record, ensure_ascii=False))
        if bad:
            return Unreadable(
                file=name, line=position,
                reason=f"invalid Unicode: lone surrogate U+{ord(bad.group()):04X} (a \\u escape that is not a character)",
                raw=raw_line,
            )
    rid = _field(record, config.id_field)
    if rid is _MISSING or rid is None or rid == "" or (isinstance(rid, float) and rid != rid):  # NaN: missing
        doc_id = where
    elif isinstance(rid, (bool, list, dict)):  # as written in JSON (true, ["a", 1]), not Python's repr
        doc_id = json.dumps(rid, ensure_ascii=False, default=str)
    else:
        doc_id = str(rid)
    metadata = {k: v for k, v in record.items() if k != config.text_field and _is_scalar(v)}
    if "." in config.source_field and config.source_field not in metadata:
        src = _field(record, config.source_field)
        if src is not _MISSING and _is_scalar(src):
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


_MISSING = object()


def _field(record: dict, name: str) -> Any:
    """``record[name]``; a dotted name that is not a key walks nested objects (``meta.body``)."""
    if name in record:
        return record[name]
    if "." not in name:
        return _MISSING
    value: Any = record
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            return _MISSING
        value = value[part]
    return value


def _is_scalar(value: Any) -> bool:
    # Dates too: a Parquet timestamp column is what ``keep = "earliest"`` reads.
    return isinstance(value, (str, int, float, bool, datetime.date)) or value is None


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
        if self._size <= _MAX_UNREADABLE_RAW:  # a never-closed quote can run to the end of the file
            self._lines.append(line)
            self._size += len(line)
        return line

    def take(self) -> str:
        """The raw text of the lines read since the last call (shortened, bad bytes escaped)."""
        text = "".join(self._lines).rstrip("\r\n")
        self._lines, self._size = [], 0
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        if len(text) > _MAX_UNREADABLE_RAW:
            text = text[:_MAX_UNREADABLE_RAW] + "... [cut]"
        return text


def _read_csv(path: Path, name: str, config: ReaderConfig) -> Iterator[Event]:
    """CSV with a header row; one record per row, ``FILE:ROW`` ids (ROW counts records, from 1).

    Bytes that are not UTF-8 cost only the rows holding them; a row with a malformed quote,
    without a text cell, or with more cells than the header (an unquoted comma would cut its
    text) is reported, never read as something else. A UTF-8 byte-order mark is not part
    of the first column's name.
    """
    csv.field_size_limit(config.max_record_bytes)
    with open(path, "rb") as fh:
        head = fh.read(_BINARY_SNIFF)
    if (wide := _wide_encoding(head[:4])) is not None:
        yield Unreadable(file=name, reason=wide)
        return
    if _looks_binary(head):
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
        if any(_SURROGATE.search(f) for f in fields):
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
            bad = next((v for v in values.values() if isinstance(v, str) and _SURROGATE.search(v)), None)
            if bad is not None:
                byte = ord(_SURROGATE.search(bad).group()) - 0xDC00
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
            yield _record_document(values, name, row, config)
        if row == 0:
            yield Skipped(file=name, reason="no records (header row only)")


def _read_parquet(path: Path, name: str, config: ReaderConfig) -> Iterator[Event]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as err:
        yield Unreadable(file=name, reason=f"not a readable Parquet file: {err}")
        return
    columns = pf.schema_arrow.names
    nested = config.text_field not in columns and config.text_field.split(".")[0] in columns
    if config.text_field not in columns and not nested:
        yield Unreadable(file=name, reason=f"no {config.text_field!r} column (columns: {', '.join(columns)})")
        return
    kind = pf.schema_arrow.field(config.text_field).type if not nested else None
    if kind is not None and not config.keep_records and not (pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_null(kind)
            or str(kind) == "string_view"):
        # One line for the file, not one per row: every row of a non-text column is unreadable.
        # (The filter still reads row by row: each row must land in REJECTED with its record.)
        yield Unreadable(file=name, reason=f"column {config.text_field!r} holds {kind}, not strings "
                                           f"({pf.metadata.num_rows} rows not read)")
        return
    row = 0
    try:
        for batch in pf.iter_batches(batch_size=1024):
            for record in batch.to_pylist():
                row += 1
                yield _record_document(record, name, row, config)
    except (pa.ArrowException, OSError) as err:
        yield Unreadable(file=name, line=row + 1, reason=f"cannot read Parquet data: {err}")
        return
    if row == 0:
        yield Skipped(file=name, reason="no records (no rows)")
