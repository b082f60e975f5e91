"""The canonical JSON report (``report.json``, schema_version 1).

Written with the C encoder of the standard library (an ``indent`` forces the pure-Python one, about 3.5x
slower): the top-level object and its lists are laid out one entry per line (so a document or a cluster
is one line: easy to grep and to diff), each entry compact inside. The output is deterministic: keys in
the order the model writes them, no sorting, no floating whitespace.
"""

from __future__ import annotations

import json
from typing import Any

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
