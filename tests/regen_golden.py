"""Regenerate the golden reports for the demo corpus.

    python tests/regen_golden.py

Review the diff (`git diff tests/golden`) before committing: every change in it
is a change a user of the demo corpus would see.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"


def build() -> dict[str, str]:
    sys.path.insert(0, str(ROOT))
    from audit.config import Config
    from audit.pipeline import scan
    from audit.render import RENDERERS

    report = scan([str(ROOT / "corpus")], Config())
    return {RENDERERS[f][0]: RENDERERS[f][1](report) for f in ("json", "md")}


if __name__ == "__main__":
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name, text in build().items():
        (GOLDEN / name).write_text(text, encoding="utf-8")
        print(f"wrote {GOLDEN / name}")
