"""Throughput of each artefact check, side by side with a baseline (str.split word count).

    python benchmarks/artefact_speed.py [--docs 2000]

Documents are the clean test texts and the demo corpus, varied so none repeat exactly.
Figures: MB/s per check and the ratio of its time to the baseline's.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from audit.artefacts import (  # noqa: E402
    BoilerplateCheck,
    EncodingCheck,
    InjectedKeywordCheck,
    MissingWhitespaceCheck,
    QualityCheck,
    RecurringLineCheck,
    StructureCheck,
    TruncationCheck,
)
from audit.artefacts.common import WORDFREQ_LANGS, zipf  # noqa: E402
from audit.model import Document  # noqa: E402
from audit.rules import DocContext  # noqa: E402


def corpus(n: int) -> list[str]:
    root = Path(__file__).resolve().parents[1]
    base = [p.read_text(encoding="utf-8") for p in sorted((root / "tests/artefacts/clean").glob("*.txt"))]
    base += [p.read_text(encoding="utf-8") for p in sorted((root / "corpus").glob("*.txt"))]
    return [f"{base[i % len(base)]}\n\nStory {i} ends here." for i in range(n)]


def ctxs(texts):
    return [
        DocContext(Document(id=str(i), text=t, source="b/x.txt", locator=None, metadata={}, record=None), i)
        for i, t in enumerate(texts)
    ]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=2000)
    args = ap.parse_args()
    texts = corpus(args.docs)
    mb = sum(len(t.encode()) for t in texts) / 1e6
    t0 = time.perf_counter()
    for t in texts:
        len(t.split())
    base = time.perf_counter() - t0
    print(f"{args.docs} documents, {mb:.1f} MB; baseline str.split: {mb / base:.0f} MB/s\n")
    print(f"{'check':24} {'MB/s':>8} {'x baseline':>11}")
    total = 0.0
    # The wordfreq lists load once per process (a one-time start-up cost, reported on its own line).
    t0 = time.perf_counter()
    for lang in WORDFREQ_LANGS:
        zipf("the", lang)
    print(f"{'(word lists, once)':24} {time.perf_counter() - t0:7.2f}s")
    # Segmentation is cached per text and shared by checks; warm it so each check is timed on its own work.
    for cls in (
        BoilerplateCheck,
        InjectedKeywordCheck,
        TruncationCheck,
        MissingWhitespaceCheck,
        EncodingCheck,
        StructureCheck,
        QualityCheck,
        RecurringLineCheck,
    ):
        cs = ctxs(texts)
        for c in cs:
            c.passages, c.sentences, c.lines  # noqa: B018
        check = cls()
        t0 = time.perf_counter()
        if isinstance(check, RecurringLineCheck):
            for c in cs:
                check.observe(c)
            check.finish(lambda i: texts[i], [str(i) for i in range(len(texts))])
        else:
            for c in cs:
                check.check(c)
        dt = time.perf_counter() - t0
        total += dt
        print(f"{cls.__name__:24} {mb / dt:8.1f} {dt / base:11.0f}")
    print(f"{'all artefact checks':24} {mb / total:8.1f} {total / base:11.0f}")


if __name__ == "__main__":
    main()
