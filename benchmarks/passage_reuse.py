"""Held-out passage reuse: paste a paragraph of one real document into another, see what is reported.

    python benchmarks/passage_reuse.py ../shared/realtext/reuters_dev.jsonl --pastes 100
    python benchmarks/passage_reuse.py ../shared/realtext/webpages_dev.jsonl --text-field gold_text

Reads the corpus given by path (never stored in the repository), picks ``--pastes`` pairs of
different documents at random (fixed seed), and inserts one paragraph (``--min-words`` to
``--max-words`` words) of the source into the receiver at a random paragraph boundary, in the
receiver's own paragraph layout (blank lines, or an indented line for hard-wrapped wire text).
Paragraphs are cut here with a plain rule of the benchmark's own (blank lines, indented line
starts), not with the tool's segmentation. The whole corpus, with the receivers replaced, is
scanned with ``--select duplicate`` and the script prints, over the pastes:

* found: a duplicate finding on the receiving document names the source document (or another
  unplanted document that holds the same paragraph, e.g. an exact copy of the source) and its span
  overlaps the pasted paragraph (a short receiver that is mostly the paste is a DUP002 near copy);
* tight: of those, the span lies within the pasted paragraph (no broader than it, give or take
  white space);
* both sides: the source document also carries a finding naming the receiver;
* warning: the receiver's finding is a warning (so ``--fail-on warning`` stops it).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

_PARA = re.compile(r"\n[ \t]*\n\s*|\n(?=[ \t]{2,}\S)")
_LINE = re.compile(r"\n")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of the paragraphs of ``text``: blank-line separated, or indented line starts, or
    (a text with neither, e.g. one paragraph per line) lines."""
    out, pos = [], 0
    rule = _PARA if _PARA.search(text) else _LINE
    for m in rule.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    res = []
    for a, b in out:
        piece = text[a:b]
        if piece.strip():
            a2 = a + len(piece) - len(piece.lstrip())
            res.append((a2, a2 + len(piece.strip())))
    return res


def plant(texts: list[str], n: int, seed: int, min_words: int, max_words: int):
    """Choose (source, receiver, paragraph, insertion point) and build the receivers' new texts."""
    rng = random.Random(seed)
    order = list(range(len(texts)))
    rng.shuffle(order)
    sources = [
        i for i in order if any(min_words <= len(texts[i][a:b].split()) <= max_words for a, b in paragraphs(texts[i]))
    ]
    used: set[int] = set()
    plants = []
    for src in sources:
        if len(plants) >= n:
            break
        if src in used:
            continue
        candidates = [i for i in order if i not in used and i != src and len(paragraphs(texts[i])) >= 2]
        if not candidates:
            break
        dst = rng.choice(candidates[:50])
        paras = [(a, b) for a, b in paragraphs(texts[src]) if min_words <= len(texts[src][a:b].split()) <= max_words]
        a, b = rng.choice(paras)
        para = texts[src][a:b]
        dparas = paragraphs(texts[dst])
        k = rng.randrange(1, len(dparas))  # between two paragraphs, never before the first
        text = texts[dst]
        indented = bool(re.search(r"\n[ \t]{2,}\S", text)) and "\n\n" not in text
        sep = "\n    " if indented else "\n\n" if _PARA.search(text) else "\n"
        # Insert before paragraph k: [.. end of k-1][sep para][sep k ..]
        cut = dparas[k - 1][1]
        new = text[:cut] + sep + para + text[cut:]  # text[cut:] starts with the receiver's own separator
        start = cut + len(sep)
        plants.append(dict(src=src, dst=dst, start=start, end=start + len(para), text=new))
        used.update((src, dst))
    return plants


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path")
    ap.add_argument("--text-field", default="text")
    ap.add_argument("--id-field", default="id")
    ap.add_argument("--pastes", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--min-words", type=int, default=25)
    ap.add_argument("--max-words", type=int, default=150)
    ap.add_argument("--docs", type=int, default=0, help="use only the first N documents (0: all)")
    ap.add_argument("--show-misses", type=int, default=0)
    args = ap.parse_args()

    from audit.config import Config
    from audit.pipeline import scan

    records = [json.loads(line) for line in open(args.path, encoding="utf-8") if line.strip()]
    if args.docs:
        records = records[: args.docs]
    records = [r for r in records if isinstance(r.get(args.text_field), str) and r[args.text_field].strip()]
    texts = [r[args.text_field] for r in records]
    ids = [str(r.get(args.id_field, i)) for i, r in enumerate(records)]
    plants = plant(texts, args.pastes, args.seed, args.min_words, args.max_words)
    for p in plants:
        texts[p["dst"]] = p["text"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            for i, t in zip(ids, texts, strict=True):
                fh.write(json.dumps({"id": i, "text": t}) + "\n")
        config = dataclasses.replace(Config(), select=("duplicate",))
        t0 = time.process_time()
        report = scan([str(path)], config)
        cpu = time.process_time() - t0
    by_id = {d.id: d for d in report.documents}
    planted = {ids[p["dst"]] for p in plants}
    index_of = {i: k for k, i in enumerate(ids)}

    def norm_of(doc_id: str) -> str:
        return _norm(texts[index_of[doc_id]])

    found = tight = both = warning = 0
    misses = []
    for p in plants:
        src_id, dst_id = ids[p["src"]], ids[p["dst"]]
        para = _norm(texts[p["dst"]][p["start"] : p["end"]])
        holders = {src_id} | {i for i in ids if i not in planted and para in norm_of(i)}
        hits = [
            f
            for f in by_id[dst_id].findings
            if f.rule.startswith("DUP")
            and any(r.document in holders for r in f.related)
            and f.start < p["end"]
            and p["start"] < f.end
        ]
        if hits:
            found += 1
            text = texts[p["dst"]]
            lo = len(text[: p["start"]].rstrip())
            hi = p["end"] + len(text[p["end"] :]) - len(text[p["end"] :].lstrip())
            tight += any(lo <= f.start and f.end <= hi for f in hits)
            warning += any(f.severity.value == "warning" for f in hits)
        else:
            misses.append(p)
        both += any(
            f.rule in ("DUP003", "DUP004") and any(r.document == dst_id for r in f.related)
            for f in by_id[src_id].findings
        )
    n = len(plants) or 1
    print(
        f"{args.path}: {len(texts)} documents, {len(plants)} pastes of {args.min_words}-{args.max_words} words "
        f"(seed {args.seed}); scan CPU {cpu:.1f} s"
    )
    print(f"found on the receiving document naming the source: {found}/{len(plants)} = {found / n:.3f}")
    print(f"  span within the pasted paragraph:                 {tight}/{len(plants)} = {tight / n:.3f}")
    print(f"  a warning:                                         {warning}/{len(plants)} = {warning / n:.3f}")
    print(f"source document names the receiver (both sides):   {both}/{len(plants)} = {both / n:.3f}")
    for p in misses[: args.show_misses]:
        dst = by_id[ids[p["dst"]]]
        print(
            f"  MISS {ids[p['src']]} -> {ids[p['dst']]} [{p['start']}:{p['end']}]:",
            [
                (f.rule, f.start, f.end, [r.document for r in f.related])
                for f in dst.findings
                if f.rule.startswith("DUP")
            ],
        )


if __name__ == "__main__":
    main()
