"""Readers: turn paths into a lazy stream of documents.

A reader knows nothing of checks. :func:`iter_inputs` yields, in a deterministic
order, three kinds of event:

* :class:`~audit.model.Document` for every document it could read;
* :class:`~audit.model.Unreadable` for every input (file, or line/row of one) it
  could not read, with the reason; the stream goes on after it;
* :class:`~audit.model.Skipped` for every path it deliberately did not read
  (hidden files, unknown extensions), so that nothing is dropped silently.

The package is split by job: :mod:`.walk` (paths and folders to files),
:mod:`.sniff` (suffixes, encodings, binary data), :mod:`.compression` (gzip and zstd
streams), :mod:`.formats` (one reader per file format) and :mod:`.records` (a parsed
record to a document). This module only names the public API.
"""

from audit.readers.formats import read_file
from audit.readers.records import STDIN_NAME, Event, ReaderConfig
from audit.readers.sniff import (
    COMPRESSIONS,
    JSONL_SUFFIXES,
    RECORD_SUFFIXES,
    SUPPORTED_SUFFIXES,
    TEXT_SUFFIXES,
    suffix_of,
)
from audit.readers.walk import iter_inputs

__all__ = [
    "COMPRESSIONS",
    "Event",
    "JSONL_SUFFIXES",
    "RECORD_SUFFIXES",
    "STDIN_NAME",
    "SUPPORTED_SUFFIXES",
    "TEXT_SUFFIXES",
    "ReaderConfig",
    "iter_inputs",
    "read_file",
    "suffix_of",
]
