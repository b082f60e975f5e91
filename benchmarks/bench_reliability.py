"""Reliability benchmark: peak memory and CPU time of ``scan`` on hostile and broken input.

Every input is generated into a temporary folder and deleted afterwards. Each case runs
``python -m audit scan`` as a child process (``--jobs 1``) and reads that child's own peak
resident memory and CPU time from ``wait4``. Each hostile case runs at two sizes, so that
"time linear in its size" can be read off the two rows.

    python benchmarks/bench_reliability.py            # the sizes of issue 20 (1 GB CSV field: 1 GB of disk)
    python benchmarks/bench_reliability.py --quick    # a quarter of them, for a laptop
    python benchmarks/bench_reliability.py --only bomb,bad-lines

Cases: ``bomb`` (a zstd file of zeros in one line), ``bad-lines`` (``{}`` lines in a gzip: every
line unreadable), ``csv-field`` (one enormous quoted CSV field), ``one-line`` (a single-line
.txt document under the record limit), ``per-doc`` (memory per document, 50,000 documents at
1x and 4x text, ``--select duplicate``: the peak per document, and the growth beyond a 100-document
run per document). Figures and what they mean: docs/reliability.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MiB = 1 << 20

_WORDS = (
    "the of and to in said market company shares year would percent bank oil trade prices "
    "government new week last group sales profit quarter analysts expected rose fell board"
).split()


def run_scan(args: list[str], timeout: float) -> dict:
    """Run ``python -m audit scan ARGS`` and return its exit code, peak RSS (MiB) and CPU seconds."""
    with tempfile.TemporaryDirectory(prefix="bench-rel-out-") as out:
        cmd = [sys.executable, "-m", "audit", "scan", *args, "--out", out, "--format", "json", "--jobs", "1"]
        start = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if _cpu_seconds(proc.pid) > timeout or time.monotonic() > deadline + 4 * timeout:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                return {
                    "code": "timeout",
                    "rss": usage.ru_maxrss / 1024,
                    "cpu": usage.ru_utime + usage.ru_stime,
                    "wall": time.monotonic() - start,
                    "report": 0,
                }
            time.sleep(0.05)
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
        report = Path(out, "report.json")
        return {
            "code": proc.returncode,
            "rss": usage.ru_maxrss / 1024,
            "cpu": usage.ru_utime + usage.ru_stime,
            "wall": time.monotonic() - start,
            "report": report.stat().st_size if report.exists() else 0,
            "last": err.strip().splitlines()[-1] if err.strip() else "",
        }


def _cpu_seconds(pid: int) -> float:
    """CPU seconds a running process has used (Linux ``/proc``); 0 where unknown.

    The time limit is on CPU, not wall time: on a shared machine a scan may wait for a core
    far longer than it computes."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def make_bomb(path: Path, size: int) -> None:
    import zstandard

    with open(path, "wb") as fh:
        writer = zstandard.ZstdCompressor(level=3).stream_writer(fh, closefd=False)
        writer.write(b'{"text": "')
        zeros = bytes(16 * MiB)
        for _ in range(size // len(zeros)):
            writer.write(zeros)
        writer.write(b'"}\n')
        writer.flush(zstandard.FLUSH_FRAME)


def make_bad_lines(path: Path, n: int) -> None:
    with gzip.open(path, "wb", compresslevel=9) as fh:
        block = b"{}\n" * 100_000
        for _ in range(n // 100_000):
            fh.write(block)
        fh.write(b'{"id": "good", "text": "One readable record among the bad lines."}\n')


def make_csv_field(path: Path, size: int) -> None:
    chunk = ("wordy " * (MiB // 6)).encode()
    with open(path, "wb") as fh:
        fh.write(b'id,text\nbefore,"A short row before."\nhuge,"')
        for _ in range(size // len(chunk)):
            fh.write(chunk)
        fh.write(b'"\nafter,"A short row after."\n')


def make_one_line(path: Path, size: int) -> None:
    rng = random.Random(7)
    piece = " ".join(rng.choice(_WORDS) for _ in range(200_000)).encode()
    with open(path, "wb") as fh:
        written = 0
        while written < size:
            fh.write(piece[: size - written])
            written += len(piece)


def make_docs(path: Path, n: int, scale: int) -> None:
    rng = random.Random(11)
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            sentences = []
            for _ in range(6 * scale):
                words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 16))]
                sentences.append(" ".join(words).capitalize() + ".")
            fh.write(json.dumps({"id": f"d{i}", "text": " ".join(sentences)}) + "\n")


CASES = {
    # name: (generator, file name, sizes (full), sizes (quick), extra scan args, describe size)
    "bomb": (
        make_bomb,
        "bomb.jsonl.zst",
        (1 << 30, 4 << 30),
        (256 * MiB, 1 << 30),
        [],
        lambda s: f"{s / 2**30:g} GiB of zeros",
    ),
    "bad-lines": (
        make_bad_lines,
        "bad.jsonl.gz",
        (1_000_000, 3_000_000),
        (300_000, 1_000_000),
        [],
        lambda s: f"{s:,} bad lines",
    ),
    "csv-field": (
        make_csv_field,
        "big.csv",
        (250 * MiB, 1000 * MiB),
        (100 * MiB, 250 * MiB),
        [],
        lambda s: f"{s / MiB:g} MiB field",
    ),
    "one-line": (
        make_one_line,
        "line.txt",
        (15 * MiB, 60 * MiB),
        (4 * MiB, 15 * MiB),
        [],
        lambda s: f"{s / MiB:g} MiB, one line",
    ),
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="smaller sizes (a quarter)")
    ap.add_argument("--only", default="bomb,bad-lines,csv-field,one-line,per-doc", help="comma-separated cases to run")
    ap.add_argument(
        "--timeout", type=float, default=600, help="CPU seconds per scan before it is stopped (wall time: 5x)"
    )
    ap.add_argument("--docs", type=int, default=50_000, help="documents for the per-doc case")
    ap.add_argument("--tmp", default=None, help="folder for the generated inputs (default: the system's)")
    args = ap.parse_args(argv)
    only = [c.strip() for c in args.only.split(",") if c.strip()]
    print(f"{'case':<10} {'input':<26} {'file MiB':>9} {'exit':>7} {'peak RSS MiB':>13} {'CPU s':>8} {'report KB':>10}")
    for name in only:
        tmp = Path(tempfile.mkdtemp(prefix="bench-rel-", dir=args.tmp))
        try:
            if name == "per-doc":
                _per_doc(tmp, args)
                continue
            make, fname, full, quick, extra, describe = CASES[name]
            for size in quick if args.quick else full:
                path = tmp / fname
                make(path, size)
                r = run_scan([str(path), *extra], args.timeout)
                print(
                    f"{name:<10} {describe(size):<26} {path.stat().st_size / MiB:>9.2f} {r['code']!s:>7} "
                    f"{r['rss']:>13.0f} {r['cpu']:>8.1f} {r['report'] / 1024:>10.1f}",
                    flush=True,
                )
                path.unlink()
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


def _per_doc(tmp: Path, args: argparse.Namespace) -> None:
    """Memory per document at 1x and 4x text, read two ways: the peak over the documents, and the growth
    of the peak beyond a run of :data:`_BASE_DOCS` documents (interpreter, imports, models: what a scan
    costs whatever its size) over the documents."""
    path = tmp / "base.jsonl"
    make_docs(path, _BASE_DOCS, 1)
    floor = run_scan([str(path), "--select", "duplicate"], args.timeout)["rss"]
    path.unlink()
    print(f"{'per-doc':<10} {f'{_BASE_DOCS} docs (fixed cost)':<26} {'':>9} {'':>7} {floor:>13.0f}", flush=True)
    first = None
    for scale in (1, 4):
        path = tmp / f"docs{scale}.jsonl"
        make_docs(path, args.docs, scale)
        r = run_scan([str(path), "--select", "duplicate"], args.timeout)
        first = first or r
        grown, grown1 = r["rss"] - floor, first["rss"] - floor
        print(
            f"{'per-doc':<10} {f'{args.docs:,} docs x{scale} text':<26} {path.stat().st_size / MiB:>9.2f} "
            f"{r['code']!s:>7} {r['rss']:>13.0f} {r['cpu']:>8.1f} {r['report'] / 1024:>10.1f}"
            f"   (peak {r['rss'] * 1024 / args.docs:.2f} KiB/doc, x{scale}/x1 = {r['rss'] / first['rss']:.2f}; "
            f"beyond the fixed cost {grown * 1024 / args.docs:.2f} KiB/doc, x{scale}/x1 = {grown / grown1:.2f})",
            flush=True,
        )
        path.unlink()


#: Documents of the per-doc case's fixed-cost run.
_BASE_DOCS = 100


if __name__ == "__main__":
    raise SystemExit(main())
