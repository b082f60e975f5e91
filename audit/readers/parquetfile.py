"""Parquet: one record per row, read in batches."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from audit.model import Skipped, Unreadable
from audit.readers.records import Event, ReaderConfig, record_document


def read_parquet(path: Path, name: str, config: ReaderConfig) -> Iterator[Event]:
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
    if (
        kind is not None
        and not config.keep_records
        and not (
            pa.types.is_string(kind)
            or pa.types.is_large_string(kind)
            or pa.types.is_null(kind)
            or str(kind) == "string_view"
        )
    ):
        # One line for the file, not one per row: every row of a non-text column is unreadable.
        # (The filter still reads row by row: each row must land in REJECTED with its record.)
        yield Unreadable(
            file=name,
            reason=f"column {config.text_field!r} holds {kind}, not strings ({pf.metadata.num_rows} rows not read)",
        )
        return
    row = 0
    try:
        for batch in pf.iter_batches(batch_size=1024):
            for record in batch.to_pylist():
                row += 1
                yield record_document(record, name, row, config)
    except (pa.ArrowException, OSError) as err:
        yield Unreadable(file=name, line=row + 1, reason=f"cannot read Parquet data: {err}")
        return
    if row == 0:
        yield Skipped(file=name, reason="no records (no rows)")
