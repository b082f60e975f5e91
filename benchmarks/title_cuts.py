"""ART020 on real headlines put before their stories: complete, and cut inside their last word.

Reads JSON lines with ``title`` and ``text`` fields (AG News, Reuters: ``../shared/realtext/``), lays each
record out as ``title + "\\n\\n" + text`` and runs the truncation check alone:

* complete titles: how many ART020 findings fall on the title line (a precision check on real
  headlines, Title Case ones included);
* cut titles (titles of 5+ words ending in a word of 5+ letters, 2 to len-3 of its letters removed, as
  the injection harness's Title Case injector does): how many are found.

    python benchmarks/title_cuts.py ../shared/realtext/agnews_dev.jsonl ../shared/realtext/reuters_dev.jsonl

Prints counts only (no corpus text unless ``--show``).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from audit.artefacts import TruncationCheck  # noqa: E402
from audit.model import Document  # noqa: E402
from audit.rules import DocContext  # noqa: E402

_LAST_WORD = re.compile(r"([^\W\d_]{5,})$")


def on_title(check: TruncationCheck, title: str, story: str) -> list:
    text = title + "\n\n" + story
    ctx = DocContext(Document(id="d", text=text, source="d", locator=None, metadata={}, record=None), 0)
    return [f for f in check.check(ctx) if f.rule == "ART020" and f.start < len(title)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--show", action="store_true", help="print the titles flagged complete and the cuts missed")
    args = ap.parse_args()
    check = TruncationCheck()
    rnd = random.Random(args.seed)
    complete = flagged = cuts = found = 0
    for path in args.paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            title, story = (rec.get("title") or "").strip(), (rec.get("text") or "").strip()
            if not title or not story:
                continue
            complete += 1
            if on_title(check, title, story):
                flagged += 1
                if args.show:
                    print("flagged complete:", title)
            m = _LAST_WORD.search(title)
            if m and len(title.split()) >= 5:
                cut = title[: len(title) - rnd.randint(2, len(m.group(1)) - 3)]
                cuts += 1
                if on_title(check, cut, story):
                    found += 1
                elif args.show:
                    print("missed cut:", cut)
    print(f"complete titles: {complete}, with an ART020 finding on the title: {flagged}")
    print(f"cut titles: {cuts}, found: {found} ({found / cuts if cuts else 0:.2f})")


if __name__ == "__main__":
    main()
