"""A fast generator of news-sized documents with planted copies, for scale runs of the staged dedup.

    python benchmarks/gen_news.py /tmp/news-1m.jsonl --docs 1000000 --seed 1

Unlike ``benchmarks/synth_news.py`` (richer copy models, ~0.3 ms a document), this draws the words of
thousands of documents at once with numpy and joins them into sentences and paragraphs, so a million
documents (about 2 KB each, 300-450 words) take minutes on one core. About ``copy_rate`` of the
articles get 1-3 later copies placed within the next ~2,000 records (so copies cross shard
boundaries): an exact copy (whitespace changed), a near copy (2 % of the words replaced, one paragraph
dropped, a new headline) or a shortened copy (the first 55-75 % of the paragraphs). Deterministic
given the seed. The planted groups are written next to the output as ``PATH.groups.json``
(with ``--groups``).
"""

from __future__ import annotations

import argparse
import heapq
import json
import sys
import time

import numpy as np

SYLLABLES = (
    "ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge go la le li lo lu ma me mi mo "
    "mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo "
    "an en in on ar er ir or al el il ol as es is os st tr pr gr br ch sh th"
).split()
FUNCTION = (
    "the of and to a in that is for on was with he it as at by from his said be has have are an not but "
    "they this who their were had its been will more after one would also which about new than year"
).split()


class NewsGen:
    def __init__(self, seed: int = 0, vocab: int = 40000, block: int = 2000) -> None:
        self.rng = np.random.default_rng(seed)
        syl = np.array(SYLLABLES)
        words: set[str] = set(FUNCTION)
        out = list(FUNCTION)
        while len(out) < vocab:
            n = self.rng.integers(2, 5, size=4 * vocab)
            picks = self.rng.integers(0, len(syl), size=(4 * vocab, 4))
            for k, row in zip(n.tolist(), picks.tolist(), strict=True):
                w = "".join(SYLLABLES[i] for i in row[:k])
                if w not in words:
                    words.add(w)
                    out.append(w)
                    if len(out) >= vocab:
                        break
        self.vocab = np.array(out, dtype=object)
        nf = len(FUNCTION)
        w = np.concatenate([np.full(nf, 0.4 / nf), 1.0 / np.arange(10, vocab - nf + 10) ** 1.0])
        w[nf:] *= 0.6 / w[nf:].sum()
        self.cdf = np.cumsum(w / w.sum())
        self.block = block

    def words(self, n: int) -> np.ndarray:
        return self.vocab[np.searchsorted(self.cdf, self.rng.random(n))]

    def articles(self) -> list[list[str]]:
        """``block`` articles, each a list of paragraphs (the first is the headline)."""
        rng = self.rng
        n = self.block
        lengths = rng.integers(300, 450, size=n)
        allw = self.words(int(lengths.sum())).tolist()
        sent_len = rng.integers(10, 28, size=int(lengths.sum()) // 10 + n * 4).tolist()
        para_len = rng.integers(2, 5, size=int(lengths.sum()) // 30 + n * 4).tolist()
        pos = si = pi = 0
        out = []
        for L in lengths.tolist():
            end = pos + L
            paras = [" ".join(w.capitalize() for w in allw[pos : pos + 8])]
            pos += 8
            sents: list[str] = []
            while pos < end:
                k = sent_len[si]
                si += 1
                ws = allw[pos : min(pos + k, end)]
                pos += k
                if not ws:
                    break
                sents.append(ws[0].capitalize() + " " + " ".join(ws[1:]) + ".")
                if len(sents) >= para_len[pi]:
                    pi += 1
                    paras.append(" ".join(sents))
                    sents = []
            if sents:
                paras.append(" ".join(sents))
            pos = end
            out.append(paras)
        return out

    def near(self, paras: list[str]) -> list[str]:
        rng = self.rng
        body = paras[1:]
        if len(body) > 3:
            del body[int(rng.integers(0, len(body)))]
        edited = []
        for p in body:
            ws = p.split(" ")
            k = max(1, len(ws) // 50)
            idx = rng.integers(0, len(ws), size=k)
            for i, w in zip(idx.tolist(), self.words(k).tolist(), strict=True):
                ws[i] = w
            edited.append(" ".join(ws))
        return [" ".join(w.capitalize() for w in self.words(8).tolist())] + edited

    def shortened(self, paras: list[str]) -> list[str]:
        keep = max(2, int(len(paras) * float(self.rng.uniform(0.55, 0.75))))
        return paras[:keep]


def generate(path: str, n: int, seed: int = 0, copy_rate: float = 0.12, groups_path: str | None = None) -> dict:
    g = NewsGen(seed)
    rng = g.rng
    pending: list[tuple[int, int, str, int]] = []  # (due record, tiebreak, text, group)
    groups: list[list[str]] = []
    made = tie = 0
    chars = 0
    with open(path, "w", encoding="utf-8") as fh:
        while made < n:
            for paras in g.articles():
                if made >= n:
                    break
                while pending and pending[0][0] <= made and made < n:
                    _, _, text, gid = heapq.heappop(pending)
                    doc_id = f"n{made:08d}"
                    fh.write(json.dumps({"id": doc_id, "text": text, "date": f"2024-{1 + made % 12:02d}-01"}) + "\n")
                    groups[gid].append(doc_id)
                    chars += len(text)
                    made += 1
                if made >= n:
                    break
                text = "\n\n".join(paras)
                doc_id = f"n{made:08d}"
                fh.write(json.dumps({"id": doc_id, "text": text, "date": f"2024-{1 + made % 12:02d}-01"}) + "\n")
                chars += len(text)
                made += 1
                if rng.random() < copy_rate:
                    gid = len(groups)
                    groups.append([doc_id])
                    for _ in range(int(rng.choice([1, 1, 2, 3]))):
                        kind = rng.random()
                        if kind < 0.2:
                            copy = text.replace("\n\n", "\n\n\n")
                        elif kind < 0.8:
                            copy = "\n\n".join(g.near(paras))
                        else:
                            copy = "\n\n".join(g.shortened(paras))
                        tie += 1
                        heapq.heappush(pending, (made + int(rng.integers(1, 2000)), tie, copy, gid))
    groups = [grp for grp in groups if len(grp) > 1]
    if groups_path:
        with open(groups_path, "w", encoding="utf-8") as fh:
            json.dump(groups, fh)
    return {"documents": made, "chars": chars, "planted_groups": len(groups)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path")
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--copy-rate", type=float, default=0.12)
    ap.add_argument("--groups", action="store_true", help="also write PATH.groups.json (the planted groups)")
    args = ap.parse_args()
    t0 = time.process_time()
    info = generate(
        args.path, args.docs, args.seed, args.copy_rate, args.path + ".groups.json" if args.groups else None
    )
    info["cpu_s"] = round(time.process_time() - t0, 1)
    print(json.dumps(info))
    return 0


if __name__ == "__main__":
    sys.exit(main())
