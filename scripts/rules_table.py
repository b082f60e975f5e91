"""Rewrite README.md's rules table from the registry (tests/test_rules_registry.py checks they agree).

python scripts/rules_table.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from audit.rules import all_rules  # noqa: E402


def table() -> str:
    rows = ["| rule | category | default | what it flags |", "|---|---|---|---|"]
    for r in all_rules():
        rows.append(
            f"| {r.id} | {r.category.value} | {r.severity.value} | {r.description.replace('|', chr(92) + '|')} |"
        )
    return "\n".join(rows) + "\n"


def main() -> int:
    path = ROOT / "README.md"
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(r"^\| rule \| category \| default \| what it flags \|\n(?:\|.*\|\n)+", re.M)
    if not pattern.search(text):
        print("README.md has no rules table to replace", file=sys.stderr)
        return 1
    path.write_text(pattern.sub(lambda _m: table(), text, count=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
