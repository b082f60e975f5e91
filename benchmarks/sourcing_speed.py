"""Throughput of the sourcing check, side by side with sentence segmentation alone.

    python benchmarks/sourcing_speed.py [PATH_WITH_TXT_FILES] [--repeat N]

Prints MB/s for (a) segmentation only (sentences, passages, lines: what every check shares)
and (b) segmentation + the sourcing check, and their ratio, for normal-size documents and for
one large document (linearity check).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from audit import segment  # noqa: E402
from audit.model import Document  # noqa: E402
from audit.rules import DocContext  # noqa: E402
from audit.sourcing import SourcingCheck  # noqa: E402


def _texts(root: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(root.glob("*.txt"))]


def _time(fn, texts: list[str]) -> float:
    t = time.perf_counter()
    for i, tx in enumerate(texts):
        fn(f"{tx}\n\n{i}")  # a distinct text each time: defeats the segmentation caches
    return time.perf_counter() - t


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv and not argv[0].startswith("--") else Path(__file__).resolve().parents[1] / "corpus"
    if not root.is_dir():
        root = Path("/work/main/corpus")
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 20
    texts = _texts(root) * repeat
    chars = sum(len(t) for t in texts)
    check = SourcingCheck()

    def seg_only(tx: str) -> None:
        segment.sentences(tx), segment.passages(tx), segment.lines(tx)

    def with_sourcing(tx: str) -> None:
        list(check.check(DocContext(Document("b", tx, "b"), 0)))

    a = _time(seg_only, texts)
    b = _time(with_sourcing, texts)
    print(f"documents: {len(texts)} ({chars / 1e6:.2f} MB) from {root}")
    print(f"segmentation only:        {chars / a / 1e6:6.2f} MB/s")
    print(f"segmentation + sourcing:  {chars / b / 1e6:6.2f} MB/s  ({b / a:.1f}x the time of segmentation)")
    big = "\n\n".join(texts[: max(1, len(texts) // 4)])
    t = time.perf_counter()
    list(check.check(DocContext(Document("big", big, "b"), 0)))
    dt = time.perf_counter() - t
    small = chars / b
    print(
        f"one {len(big) / 1e6:.2f} MB document: {len(big) / dt / 1e6:6.2f} MB/s "
        f"({(len(big) / dt) / small:.2f}x the per-document rate; ~1.0 means linear)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
