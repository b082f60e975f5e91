"""The canonical JSON report (``report.json``, schema_version 1)."""

from __future__ import annotations

import json

from audit.model import Report


def render(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=1, sort_keys=False) + "\n"
