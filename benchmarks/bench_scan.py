"""End-to-end `corpus-audit scan` throughput: every rule family, serial and parallel.

    python benchmarks/bench_scan.py               # 2,000 synthetic news documents
    python benchmarks/bench_scan.py --docs 10000

Runs the installed command on the same JSONL file (built once by synth_news.py into
benchmarks/data/, git-ignored) with `--jobs 1` and with the default (one worker per
CPU) and prints docs/s, MB/s, wall seconds and peak memory (max RSS of the largest
process) side by side, plus whether both runs wrote byte-identical report.json.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_dedup import ensure_data  # noqa: E402


def run(data: Path, n: int, jobs: int, out: Path) -> dict:
    subset = out / "input.jsonl"
    if not subset.exists():
        with open(data, encoding="utf-8") as src, open(subset, "w", encoding="utf-8") as dst:
            for i, line in enumerate(src):
                if i >= n:
                    break
                dst.write(line)
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "audit", "scan", str(subset), "--out", str(out / f"jobs{jobs}"), "--jobs", str(jobs),
         "--format", "json"],
        capture_output=True, text=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(proc.stderr)
    size = subset.stat().st_size
    return {"wall": wall, "rss_mb": after.ru_maxrss / 1024, "mb": size / 1e6,
            "report": (out / f"jobs{jobs}" / "report.json").read_bytes()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    args = ap.parse_args()
    data = ensure_data(max(args.docs, 2000), 1)
    cpus = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        serial = run(data, args.docs, 1, out)
        parallel = run(data, args.docs, 0, out)
    print(f"corpus-audit scan, all rules, {args.docs} synthetic news documents ({serial['mb']:.1f} MB), {cpus} CPUs")
    print(f"{'mode':<22}{'docs/s':>10}{'MB/s':>8}{'wall s':>9}{'peak MB':>9}")
    for name, r in (("--jobs 1 (serial)", serial), (f"default ({cpus} workers)", parallel)):
        print(f"{name:<22}{args.docs / r['wall']:>10.1f}{r['mb'] / r['wall']:>8.2f}{r['wall']:>9.1f}{r['rss_mb']:>9.0f}")
    print("peak MB: the largest single process (max RSS); each worker is a process of about that size too.")
    print(f"speed-up {serial['wall'] / parallel['wall']:.2f}x; identical report.json: "
          f"{serial['report'] == parallel['report']}")


if __name__ == "__main__":
    main()
