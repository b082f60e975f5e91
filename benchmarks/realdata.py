"""Reading the real corpora the benchmarks take as arguments: ``PATH`` or ``PATH:FIELD`` (JSON lines; the
text is ``FIELD``, default ``text``). The files stay where they are; nothing is copied into the repository."""

from __future__ import annotations

import json
import os
from typing import Iterator


def records(spec: str, limit: int | None = None) -> Iterator[tuple[int, dict, str, str]]:
    """``(line index, record, text, path)`` of the first ``limit`` records of ``spec`` (all when None); a
    record without the field (or with null) has the text ``""``."""
    path, _, fld = spec.partition(":")
    if not os.path.exists(path) and ":" in spec and os.path.exists(spec):  # a Windows drive letter
        path, fld = spec, ""
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                return
            rec = json.loads(line)
            yield i, rec, rec.get(fld or "text") or "", path
