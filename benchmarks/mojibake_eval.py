"""Mojibake recall on real strings, and findings on the same strings left clean.

Takes sentences that are not plain ASCII from real corpora given by path (JSON lines; never stored in the
repository), encodes each in UTF-8 and decodes the bytes with a wrong codec, as real pipelines do:
Windows-1252 (browsers, Windows tools), Latin-1 (which leaves C1 control characters), MacRoman,
Windows-1251 (Cyrillic Windows), Windows-1250 (Central European Windows) and code page 437 (DOS). A
string counts as found when the encoding check reports ART040 (or ART042 for C1 controls) on it; the
clean strings must get neither (a real ``<br>`` left in a clean sentence is ART043's business).

    python benchmarks/mojibake_eval.py ../shared/realtext/wikipedia_dev.jsonl ../shared/realtext/webpages_dev.jsonl \
        [--field text] [--n 400] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-* codecs)

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from audit.artefacts import EncodingCheck  # noqa: E402
from audit.model import Document  # noqa: E402
from audit.rules import DocContext  # noqa: E402

CODECS = ("sloppy-windows-1252", "latin-1", "macroman", "sloppy-windows-1251", "sloppy-windows-1250", "cp437")
FIELDS = ("text", "gold_text")
_SENT = re.compile(r"[^\n.!?]{20,300}[.!?]?")


def sentences(paths: list[Path], n: int, seed: int, field: str | None) -> list[str]:
    """Up to ``n`` distinct sentences with at least one non-ASCII letter, sampled at random."""
    pool: list[str] = []
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                text = rec.get(field) if field else next((rec[f] for f in FIELDS if isinstance(rec.get(f), str)), "")
                if not text or "\x00" in text:
                    continue
                for m in _SENT.finditer(text):
                    s = m.group(0).strip()
                    if not s.isascii() and any(not c.isascii() and c.isalpha() for c in s):
                        pool.append(s)
    pool = sorted(set(pool))
    random.Random(seed).shuffle(pool)
    return pool[:n]


def encoding_findings(text: str):
    ctx = DocContext(Document(id="m", text=text, source="m", locator=None, metadata={}, record=None), 0)
    return list(EncodingCheck().check(ctx))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--field", help="text field (default: text, else gold_text)")
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", type=int, default=0, help="print up to this many misses per codec")
    args = ap.parse_args(argv)
    clean = sentences(args.paths, args.n, args.seed, args.field)
    if not clean:
        print("no non-ASCII sentences found", file=sys.stderr)
        return 2
    fp = [s for s in clean if any(f.rule in ("ART040", "ART042") for f in encoding_findings(s))]
    print(f"{len(clean)} clean non-ASCII sentences; with a mojibake or control-character finding: {len(fp)}")
    for s in fp[: args.show]:
        print("   clean flagged:", ascii(s[:120]))
    total_hit = total = 0
    print(f"\n{'codec':22} {'strings':>7} {'recall':>7}")
    for codec in CODECS:
        hit = n = 0
        misses = []
        for s in clean:
            try:
                bad = s.encode("utf-8").decode(codec)
            except UnicodeDecodeError:
                continue
            if bad == s:
                continue
            n += 1
            if any(f.rule in ("ART040", "ART042") for f in encoding_findings(bad)):
                hit += 1
            else:
                misses.append(bad)
        total_hit += hit
        total += n
        print(f"{codec:22} {n:7d} {hit / max(n, 1):7.3f}")
        for s in misses[: args.show]:
            print("   missed:", ascii(s[:120]))
    print(f"{'all':22} {total:7d} {total_hit / max(total, 1):7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
