"""Benchmark: filter a batch of documents against a persistent index (synthetic data).

Builds an index of ``--index-docs`` documents in bulk (a slice with real synthetic texts, so that the batch
has exact and near copies of indexed documents; the rest with random signatures, which is what unrelated
documents look like to the band table), writes a JSONL batch of ``--docs`` documents (10% exact and 10% near
copies of indexed documents, 5% in-batch copies, 0.1% malformed lines), then runs ``corpus-audit filter`` on
it three ways in child processes and prints documents per second, the index's size on disk per document and
the peak memory of each run, side by side as ratios:

  no index          filter alone (the scan's rules)
  --index           + lookups against the index (read only)
  --update-index    + adding the kept documents in one transaction

    python benchmarks/bench_filter.py                              # 100,000 docs against 1,000,000
    python benchmarks/bench_filter.py --docs 10000 --index-docs 100000   # a quick run
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from audit.index import DocumentIndex, compute_signatures  # noqa: E402
from audit.minhash import MinHashParams  # noqa: E402
from audit.normalize import content_hash  # noqa: E402

VOCAB = np.array([f"w{i}" for i in range(30000)])
_P = 1.0 / np.arange(1, len(VOCAB) + 1) ** 1.05
_P /= _P.sum()


def gen_text(i: int, words: int = 250) -> str:
    rng = np.random.default_rng(i)
    toks = VOCAB[rng.choice(len(VOCAB), size=words + int(rng.integers(0, 200)), p=_P)]
    return " ".join(toks.tolist()).capitalize() + "."


def near(text: str, i: int) -> str:
    toks = text.split()
    rng = np.random.default_rng(i + 7)
    for k in rng.choice(len(toks), size=max(1, len(toks) // 60), replace=False):
        toks[k] = "changed"
    return "Updated: " + " ".join(toks) + " Read more at our site."


def build_index(directory: Path, n: int, real: int, params: MinHashParams, chunk: int = 50_000) -> float:
    t0 = time.perf_counter()
    idx = DocumentIndex.open(directory, params, create=True)
    idx.conn.execute("PRAGMA synchronous = OFF")
    idx.conn.execute("PRAGMA journal_mode = MEMORY")
    rng = np.random.default_rng(12345)
    for start in range(0, n, chunk):
        stop = min(n, start + chunk)
        ids = [f"idx-{i}" for i in range(start, stop)]
        r = [i for i in range(start, stop) if i < real]
        texts = [gen_text(i) for i in r]
        sigs = list(compute_signatures(texts, params)) if texts else []
        hashes = [content_hash(t) for t in texts]
        rest = stop - start - len(r)
        if rest:
            sigs += list(rng.integers(0, 2**32, size=(rest, params.num_perm), dtype=np.uint64).astype(np.uint32))
            hashes += [rng.bytes(16) for _ in range(rest)]
        idx.add(ids, ["bench"] * len(ids), [2000] * len(ids), hashes, sigs)
        print(f"  index: {stop:,} / {n:,} documents ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    idx.close()
    return time.perf_counter() - t0


def index_size(directory: Path, params: MinHashParams) -> tuple[int, int]:
    with DocumentIndex.open(directory, params, readonly=True) as idx:
        return idx.size_bytes(), idx.used_bytes()


def write_batch(path: Path, n: int, real: int) -> dict:
    kinds = {"exact-of-indexed": 0, "near-of-indexed": 0, "in-batch-copy": 0, "malformed": 0, "new": 0}
    rng = np.random.default_rng(99)
    with open(path, "w", encoding="utf-8") as fh:
        for j in range(n):
            slot = j % 20
            if j % 1000 == 999:
                fh.write('{"id": "broken", "text": "unterminated\n')
                kinds["malformed"] += 1
                continue
            if slot in (0, 1):
                text = gen_text(int(rng.integers(0, real)))
                kinds["exact-of-indexed"] += 1
            elif slot in (2, 3):
                i = int(rng.integers(0, real))
                text = near(gen_text(i), i)
                kinds["near-of-indexed"] += 1
            elif slot == 4 and j > 20:
                text = gen_text(10_000_000 + j - 15)  # a new document seen earlier in this batch
                kinds["in-batch-copy"] += 1
            else:
                text = gen_text(10_000_000 + j)
                kinds["new"] += 1
            fh.write(json.dumps({"id": f"batch-{j}", "text": text, "source": "bench"}) + "\n")
    return kinds


_CHILD = """
import atexit, runpy, sys
def peak():  # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the forking parent across exec
    with open("/proc/self/status") as fh:
        kb = next(line.split()[1] for line in fh if line.startswith("VmHWM:"))
    print(f"PEAK_KB={kb}", file=sys.stderr)
atexit.register(peak)
sys.argv = ["corpus-audit", *sys.argv[1:]]
runpy.run_module("audit", run_name="__main__")
"""


def run(args: list[str]) -> tuple[float, float, str]:
    """Run ``corpus-audit filter`` in a child process: seconds, its own peak RSS (MB), its summary."""
    t0 = time.perf_counter()
    env = dict(os.environ, PYTHONPATH=str(ROOT), CI="1")
    r = subprocess.run([sys.executable, "-c", _CHILD, "filter", *args], env=env, capture_output=True, text=True)
    dt = time.perf_counter() - t0
    if r.returncode != 0:
        sys.exit(f"filter failed ({r.returncode}): {r.stderr}")
    lines = r.stderr.strip().splitlines()
    peak_kb = int(next(line for line in lines if line.startswith("PEAK_KB=")).split("=")[1])
    return dt, peak_kb / 1024, "\n".join(line for line in lines if not line.startswith("PEAK_KB="))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100_000, help="documents in the batch")
    ap.add_argument("--index-docs", type=int, default=1_000_000, help="documents in the index")
    ap.add_argument("--real", type=int, default=None, help="indexed documents with real texts (default: docs/2)")
    ap.add_argument("--workdir", type=Path, default=None, help="where to build (default: a temp dir, removed)")
    a = ap.parse_args()
    real = min(a.index_docs, a.real or max(1, a.docs // 2))
    work = a.workdir or Path(tempfile.mkdtemp(prefix="bench-filter-"))
    work.mkdir(parents=True, exist_ok=True)
    params = MinHashParams()
    try:
        idx_dir = work / "index"
        shutil.rmtree(idx_dir, ignore_errors=True)
        print(f"building an index of {a.index_docs:,} documents ({real:,} with texts) ...", file=sys.stderr)
        build_s = build_index(idx_dir, a.index_docs, real, params)
        size, used = index_size(idx_dir, params)
        batch = work / "batch.jsonl"
        kinds = write_batch(batch, a.docs, real)
        print(f"batch: {kinds}", file=sys.stderr)
        rows = []
        for name, extra in (("no index", []), ("--index", ["--index", str(idx_dir)]),
                            ("--update-index", ["--index", str(idx_dir), "--update-index"])):
            out = work / name.strip("-").replace(" ", "_")
            dt, peak_mb, summary = run([str(batch), "--keep", f"{out}.kept.jsonl", "--reject",
                                        f"{out}.rejected.jsonl", *extra])
            rows.append((name, dt, peak_mb, summary))
        size_after, used_after = index_size(idx_dir, params)
        load = os.getloadavg()
        print()
        print(f"batch {a.docs:,} documents against an index of {a.index_docs:,} "
              f"(machine: {os.cpu_count()} cores, load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f})")
        print(f"index build: {build_s:.1f} s ({a.index_docs / build_s:,.0f} docs/s); "
              f"size on disk {size / 1e6:,.1f} MB = {size / a.index_docs:,.0f} bytes per document "
              f"({used / a.index_docs:,.0f} in use, the rest free pages left by merges)")
        base = rows[0][1]
        print(f"{'run':<16} {'seconds':>8} {'docs/s':>9} {'time vs no index':>17} {'peak MB':>8}")
        for name, dt, peak_mb, _ in rows:
            print(f"{name:<16} {dt:8.1f} {a.docs / dt:9,.0f} {dt / base:16.2f}x {peak_mb:8.0f}")
        print(f"index after --update-index: {size_after / 1e6:,.1f} MB on disk, {used_after / 1e6:,.1f} MB in use")
        for name, *_, summary in rows:
            for line in summary.splitlines():
                print(f"[{name}] {line}")
    finally:
        if a.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
