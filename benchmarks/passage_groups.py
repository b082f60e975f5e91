"""Worst case for passage clustering: many documents sharing many sentences (issue 20 item 7).

    python benchmarks/passage_groups.py --sizes 500,1000,2000,3000

Document i holds words [i, i + 40) of one long generated text between paragraphs of its own, so
every document shares most of a passage with its neighbours and all the passages chain into one
group. Prints CPU seconds of the duplicates check per size (near-linear growth expected) and the
groups that hit the ``passage_group_work`` cap.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    from audit.duplicates import DuplicateCheck, DuplicatesConfig
    from audit.model import Document
    from audit.rules import DocContext
    from tests.duplicates.test_caps import _chain_corpus

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="500,1000,2000")
    ap.add_argument("--work", type=int, default=DuplicatesConfig().passage_group_work)
    args = ap.parse_args()
    for n in (int(x) for x in args.sizes.split(",")):
        docs = _chain_corpus(n)
        texts = list(docs.values())
        t0 = time.process_time()
        check = DuplicateCheck(DuplicatesConfig(passage_group_work=args.work, template_min_pages=0))
        for o, (doc_id, text) in enumerate(docs.items()):
            check.observe(DocContext(Document(doc_id, text), o))
        stats = check.finish(texts.__getitem__, list(docs)).extra["duplicates"]
        cpu = time.process_time() - t0
        print(
            f"{n:6d} documents: {cpu:7.2f} s CPU ({1000 * cpu / n:.2f} ms/document); "
            f"groups capped {stats.get('passage_groups_capped')} sizes {stats.get('passage_capped_group_sizes')}"
        )


if __name__ == "__main__":
    main()
