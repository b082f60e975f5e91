"""Attribution precision/recall on labelled statistic sentences (benchmarks/data/attribution_dev.jsonl).

Each line holds a text and labels [substring of a statistic sentence, attributed?]. A
sentence counts as *flagged* when any SRC001 finding overlaps it. Prints, for sentences
that carry statistics: recall on unattributed ones (flagged / unattributed), the false
flag rate on attributed ones (flagged / attributed), and precision of the flags.

    python benchmarks/sourcing_eval.py [FILE.jsonl] [-v]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from audit.model import Document  # noqa: E402
from audit.rules import DocContext  # noqa: E402
from audit.sourcing import SourcingCheck  # noqa: E402


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    path = Path(args[0]) if args else Path(__file__).parent / "data" / "attribution_dev.jsonl"
    check = SourcingCheck()
    tp = fp = fn = tn = 0
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        item = json.loads(line)
        text = item["text"]
        ctx = DocContext(Document(f"item{n}", text, "eval"), 0)
        flags = [(f.start, f.end) for f in check.check(ctx) if f.rule == "SRC001"]
        for needle, attributed in item["labels"]:
            pos = text.index(needle)
            sent = next((s for s in ctx.sentences if s.start <= pos < s.end), None)
            a, b = (sent.start, sent.end) if sent else (pos, pos + len(needle))
            flagged = any(s < b and a < e for s, e in flags)
            if attributed:
                fp += flagged
                tn += not flagged
            else:
                tp += flagged
                fn += not flagged
            if verbose and flagged == attributed:
                what = "FALSE FLAG" if attributed else "MISSED"
                print(f"{what}: {text[a:b]}")
    unattributed, attributed = tp + fn, fp + tn
    print(f"file: {path}")
    print(f"statistic sentences: {unattributed + attributed} ({unattributed} unattributed, {attributed} attributed)")
    print(f"unattributed flagged (recall):     {tp}/{unattributed} = {tp / max(1, unattributed):.3f}")
    print(f"attributed flagged (false flags):  {fp}/{attributed} = {fp / max(1, attributed):.3f}")
    print(f"precision of SRC001 flags:         {tp}/{tp + fp} = {tp / max(1, tp + fp):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
