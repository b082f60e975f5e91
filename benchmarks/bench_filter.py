"""Benchmark: filter batches against a persistent index, SQLite next to Redis (synthetic data).

Builds an index of ``--index-docs`` documents in bulk in each backend (a slice with real synthetic texts,
so that the batch has exact and near copies of indexed documents; the rest with random signatures, which is
what unrelated documents look like to the band tables), writes a JSONL batch of ``--docs`` documents (10%
exact and 10% near copies of indexed documents, 5% in-batch copies, 0.1% malformed lines), then, for each
backend, runs ``corpus-audit filter --select DUP --jobs 1`` in child processes and prints:

* documents per second (wall and per CPU second of the filter process) for a read-only run (``--index``)
  and for ``--update-index`` with 1 worker and with ``--workers`` concurrent workers (each on its own
  slice of the batch, all claiming in the same index);
* index state in bytes per document (SQLite: pages in use; Redis: ``MEMORY USAGE`` of its keys);
* query latency: one document's claim-or-match lookup through the library, median and 99th percentile.

A private redis-server is started on a free loopback port when it is installed (else the Redis rows say
why they are missing).

    python benchmarks/bench_filter.py                                  # 20,000 docs against 1,000,000
    python benchmarks/bench_filter.py --docs 4000 --index-docs 100000  # a quick run
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

from audit.index import Entry, compute_signatures, open_index  # noqa: E402
from audit.index.common import band_array, band_rows, small_signature  # noqa: E402
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


def _entries(start: int, stop: int, real: int, params: MinHashParams, rng) -> list[Entry]:
    r = list(range(start, min(stop, real)))
    texts = [gen_text(i) for i in r]
    sigs = list(compute_signatures(texts, params)) if texts else []
    hashes = [content_hash(t) for t in texts]
    rest = stop - start - len(r)
    if rest > 0:
        sigs += list(rng.integers(0, 2**32, size=(rest, params.num_perm), dtype=np.uint64).astype(np.uint32))
        hashes += [rng.bytes(16) for _ in range(rest)]
    rows = band_rows(np.stack(sigs), params).tolist()
    return [
        Entry(k, f"idx-{start + k}", "bench", 2000, h, small_signature(s), tuple(b))
        for k, (h, s, b) in enumerate(zip(hashes, sigs, rows, strict=True))
    ]


def build_index(
    location: str, n: int, real: int, params: MinHashParams, bucket_bits: int, chunk: int = 20_000
) -> float:
    t0 = time.perf_counter()
    idx = open_index(location, params, create=True, bucket_bits=bucket_bits)
    if hasattr(idx, "conn"):
        idx.conn.execute("PRAGMA synchronous = OFF")
        idx.conn.execute("PRAGMA journal_mode = MEMORY")
    rng = np.random.default_rng(12345)
    for start in range(0, n, chunk):
        stop = min(n, start + chunk)
        entries = _entries(start, stop, real, params, rng)
        if hasattr(idx, "add"):
            idx.add(entries, b"bench-%02d" % (start // chunk % 100))
        else:
            idx.claim(entries, (b"bn%06d" % (start // chunk))[:8], 2.0)
        print(f"  {location}: {stop:,} / {n:,} documents ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    idx.close()
    return time.perf_counter() - t0


def index_bytes(location: str, params: MinHashParams, bucket_bits: int) -> tuple[int, int]:
    """(documents, bytes in use)."""
    with open_index(location, params, readonly=True, bucket_bits=bucket_bits) as idx:
        return len(idx), idx.used_bytes()


def latency(location: str, params: MinHashParams, bucket_bits: int, real: int, n: int = 300) -> tuple[float, float]:
    """Median and 99th percentile milliseconds of one document's lookup (a near copy of an indexed one)."""
    texts = [near(gen_text(i), i) for i in range(0, real, max(1, real // n))][:n]
    sigs = compute_signatures(texts, params)
    entries = [
        Entry(k, f"q{k}", "q", len(t), content_hash(t), small_signature(s), band_array(s, params))
        for k, (t, s) in enumerate(zip(texts, sigs, strict=True))
    ]
    times = []
    with open_index(location, params, readonly=True, bucket_bits=bucket_bits) as idx:
        for e in entries:
            t0 = time.perf_counter()
            idx.lookup([e], b"latency1", 0.7)
            times.append((time.perf_counter() - t0) * 1000)
    return float(np.median(times)), float(np.percentile(times, 99))


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


def start(args: list[str]) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT), CI="1")
    return subprocess.Popen(
        [sys.executable, "-c", _CHILD, "filter", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(p: subprocess.Popen) -> tuple[float, float, str]:
    """(CPU seconds, peak MB, summary) of a filter child: its CPU time from the kernel (wait4)."""
    out, err = p.stdout.read(), p.stderr.read()  # small: a summary line and the unreadable lines
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    del out
    if p.returncode != 0:
        sys.exit(f"filter failed ({p.returncode}): {err}")
    lines = err.strip().splitlines()
    kb = next(line for line in lines if line.startswith("PEAK_KB=")).split("=")[1]
    return (
        usage.ru_utime + usage.ru_stime,
        int(kb) / 1024,
        "\n".join(line for line in lines if not line.startswith("PEAK_KB=")),
    )


def split(batch: Path, parts: int) -> list[Path]:
    lines = batch.read_text(encoding="utf-8").splitlines(keepends=True)
    out = []
    for k in range(parts):
        p = batch.with_name(f"{batch.stem}.part{k}.jsonl")
        p.write_text("".join(lines[k::parts]), encoding="utf-8")
        out.append(p)
    return out


def redis_server(work: Path):
    exe = shutil.which("redis-server")
    if exe is None:
        return None, "redis-server is not installed"
    try:
        import redis  # noqa: F401
    except ImportError:
        return None, "the redis client is not installed (pip install 'corpus-audit[redis]')"
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [exe, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(work)],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return (proc, port), ""
        except OSError:
            time.sleep(0.05)
    proc.kill()
    return None, "redis-server did not start"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=20_000, help="documents in the batch")
    ap.add_argument("--index-docs", type=int, default=1_000_000, help="documents in the index")
    ap.add_argument("--real", type=int, default=None, help="indexed documents with real texts (default: docs/2)")
    ap.add_argument("--workers", type=int, default=4, help="concurrent filters in the N-worker run")
    ap.add_argument("--backends", default="sqlite,redis")
    ap.add_argument("--workdir", type=Path, default=None, help="where to build (default: a temp dir, removed)")
    a = ap.parse_args()
    real = min(a.index_docs, a.real or max(1, a.docs // 2))
    work = a.workdir or Path(tempfile.mkdtemp(prefix="bench-filter-"))
    work.mkdir(parents=True, exist_ok=True)
    params = MinHashParams()
    bucket_bits = max(8, int(np.log2(max(a.index_docs, 256))) - 3)
    server, why = (None, "not selected")
    if "redis" in a.backends:
        server, why = redis_server(work)
    batch = work / "batch.jsonl"
    kinds = write_batch(batch, a.docs, real)
    parts = split(batch, a.workers)
    print(f"batch: {kinds}", file=sys.stderr)
    results = []
    try:
        for backend in a.backends.split(","):
            if backend == "redis" and server is None:
                results.append((backend, None, why))
                continue
            locs = {
                "sqlite": str(work / "index-{}"),
                "redis": f"redis://127.0.0.1:{server[1] if server else 0}/0?prefix=b{{}}",
            }
            base_loc = locs[backend]
            loc = base_loc.format("base")
            if backend == "sqlite":
                shutil.rmtree(work / "index-base", ignore_errors=True)
            print(
                f"building a {backend} index of {a.index_docs:,} documents ({real:,} with texts) ...", file=sys.stderr
            )
            build_s = build_index(loc, a.index_docs, real, params, bucket_bits)
            docs, used = index_bytes(loc, params, bucket_bits)
            lat = latency(loc, params, bucket_bits, real)
            rows = {}
            out = work / f"{backend}-ro"
            p = start(
                [
                    str(batch),
                    "--keep",
                    f"{out}.kept",
                    "--reject",
                    f"{out}.rej",
                    "--index",
                    loc,
                    "--select",
                    "DUP",
                    "--jobs",
                    "1",
                ]
            )
            t0 = time.perf_counter()
            cpu, peak, summary = finish(p)
            rows["--index (read only)"] = (time.perf_counter() - t0, cpu, peak, a.docs)
            # one worker claiming the whole batch
            t0 = time.perf_counter()
            cpu, peak, summary = finish(
                start(
                    [
                        str(batch),
                        "--keep",
                        f"{out}.k1",
                        "--reject",
                        f"{out}.r1",
                        "--index",
                        loc,
                        "--update-index",
                        "--select",
                        "DUP",
                        "--jobs",
                        "1",
                    ]
                )
            )
            rows["--update-index, 1 worker"] = (time.perf_counter() - t0, cpu, peak, a.docs)
            # N workers on a fresh copy of the index, each its own slice, at once
            loc_n = base_loc.format("n")
            if backend == "sqlite":
                shutil.rmtree(work / "index-n", ignore_errors=True)
            build_index(loc_n, a.index_docs, real, params, bucket_bits)
            t0 = time.perf_counter()
            procs = [
                start(
                    [
                        str(part),
                        "--keep",
                        f"{out}.n{k}.k",
                        "--reject",
                        f"{out}.n{k}.r",
                        "--index",
                        loc_n,
                        "--update-index",
                        "--select",
                        "DUP",
                        "--jobs",
                        "1",
                    ]
                )
                for k, part in enumerate(parts)
            ]
            fins = [finish(p) for p in procs]
            rows[f"--update-index, {a.workers} workers"] = (
                time.perf_counter() - t0,
                sum(f[0] for f in fins),
                max(f[1] for f in fins),
                a.docs,
            )
            results.append((backend, (build_s, docs, used, lat, rows), ""))
    finally:
        if server is not None:
            server[0].terminate()
            server[0].wait()
        if a.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    load = os.getloadavg()
    print()
    print(
        f"batch {a.docs:,} documents against an index of {a.index_docs:,} (bucket_bits {bucket_bits} for Redis; "
        f"machine: {os.cpu_count()} cores, load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f})"
    )
    print(f"{'backend':<8} {'run':<28} {'wall s':>7} {'docs/s':>8} {'docs/CPU-s':>11} {'peak MB':>8}")
    for backend, res, why in results:
        if res is None:
            print(f"{backend:<8} (not measured: {why})")
            continue
        build_s, docs, used, (p50, p99), rows = res
        for name, (wall, cpu, peak, n) in rows.items():
            print(f"{backend:<8} {name:<28} {wall:7.1f} {n / wall:8,.0f} {n / cpu:11,.0f} {peak:8.0f}")
        print(
            f"{backend:<8} index: {docs:,} documents, {used / docs:,.0f} bytes per document in use "
            f"({used / 1e6:,.1f} MB); built in {build_s:.0f} s; one lookup {p50:.2f} ms median, {p99:.2f} ms p99"
        )


if __name__ == "__main__":
    main()
