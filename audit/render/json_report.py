"""The canonical JSON report (``report.json``, schema_version 1)."""

from __future__ import annotations

import json
from typing import IO

from audit.model import Report

_DOCUMENTS = '\n "documents": []'


def render(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def write(report: Report, fh: IO[str]) -> None:
    """Write exactly what :func:`render` returns, one document at a time.

    ``report.to_dict()`` of a large corpus is several times the size of the JSON text; here
    only one document's dict exists at a time, so writing the report costs memory per
    document, not per corpus.
    """
    text = json.dumps(report.to_dict(documents=False), ensure_ascii=False, indent=1, sort_keys=False)
    head, tail = text.split(_DOCUMENTS, 1)  # a top-level key: no string holds a raw newline
    fh.write(head)
    if not report.documents:
        fh.write(_DOCUMENTS)
    else:
        fh.write('\n "documents": [')
        last = len(report.documents) - 1
        for i, doc in enumerate(report.documents):
            item = json.dumps(doc.to_dict(), ensure_ascii=False, indent=1).replace("\n", "\n  ")
            fh.write("\n  " + item + ("," if i < last else ""))
        fh.write("\n ]")
    fh.write(tail + "\n")
