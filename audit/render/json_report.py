"""The canonical JSON report (``report.json``, schema_version 1).

Written with the C encoder of the standard library (an ``indent`` forces the pure-Python one, about 3.5x
slower): the top-level object and its lists are laid out one entry per line (so a document or a cluster
is one line: easy to grep and to diff), each entry compact inside. The output is deterministic: keys in
the order the model writes them, no sorting, no floating whitespace.
"""

from __future__ import annotations

import json
from typing import IO, Any

from audit.model import Report

_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


def _value(value: Any) -> str:
    """A top-level value: a list one entry per line, anything else compact on one line."""
    if isinstance(value, list) and value:
        return "[\n  " + ",\n  ".join(map(_ENCODE, value)) + "\n ]"
    return _ENCODE(value)


def render(report: Report) -> str:
    d = report.to_dict()
    body = ",\n".join(f" {_ENCODE(key)}: {_value(value)}" for key, value in d.items())
    return "{\n" + body + "\n}\n" if d else "{}\n"


def write(report: Report, fh: IO[str]) -> None:
    """Write exactly what :func:`render` returns, one document at a time.

    ``report.to_dict()`` of a large corpus is several times the size of the JSON text; here
    only one document's dict exists at a time, so writing the report costs memory per
    document, not per corpus.
    """
    d = report.to_dict(documents=False)
    if not d:
        fh.write("{}\n")
        return
    fh.write("{\n")
    for n, (key, value) in enumerate(d.items()):
        fh.write((",\n" if n else "") + f" {_ENCODE(key)}: ")
        if key == "documents" and report.documents:
            fh.write("[")
            for i, doc in enumerate(report.documents):
                fh.write(("\n  " if i == 0 else ",\n  ") + _ENCODE(doc.to_dict()))
            fh.write("\n ]")
        else:
            fh.write(_value(value))
    fh.write("\n}\n")
