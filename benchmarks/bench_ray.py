"""The local engine against the Ray engine with 1, 2, ... workers, on the same real documents.

    python benchmarks/bench_ray.py ../shared/realtext/reuters_dev.jsonl --workers 1,2
    python benchmarks/bench_ray.py ../shared/realtext/wikipedia_dev.jsonl --select artefact,sourcing --workers 1,2,4,8,16
    python benchmarks/bench_ray.py /tmp/news-20k.jsonl --select DUP --dedup staged --workers 1,2

With ``--dedup staged`` every run finds near-duplicate documents through the staged design
(audit.staged: signatures and band rows in files, verification by the engine's workers); the
reports are still compared with the first local run. For the staged dedup alone on millions of
documents, see benchmarks/bench_staged.py.

Each configuration scans the same file in process (library call), with a fresh local Ray instance per
Ray run (its start-up time is reported apart from the scan). Prints documents/s and MB/s of the scan,
the speed-up over the local serial run, the peak memory of the driver and of the largest Ray worker,
and whether the report equals the local one (the `run` block aside). Run it where the cores are: the
figures in docs/scale-out.md say which machine made them.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from audit.config import EngineConfig, load_config  # noqa: E402
from audit.pipeline import scan  # noqa: E402
from audit.render.json_report import render  # noqa: E402


def _comparable(report) -> str:
    data = json.loads(render(report))
    data.pop("run", None)
    data.get("duplicates", {}).pop("staged", None)
    return json.dumps(data, sort_keys=True)


def _worker_peaks(ray, n: int) -> list[float]:
    """Peak RSS (MB) of the Ray worker processes (one probe task per CPU; distinct processes)."""

    @ray.remote(num_cpus=1)
    def probe():
        return os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    seen = dict(ray.get([probe.remote() for _ in range(n * 2)]))
    return sorted(seen.values(), reverse=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", type=Path)
    ap.add_argument("--text-field", default="text")
    ap.add_argument("--select", default="", help="rules to run (default: every rule)")
    ap.add_argument("--workers", default="1,2", help="Ray worker counts to try")
    ap.add_argument("--local-jobs", default="1,0", help="local --jobs values to try (0 = one per CPU)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N records (0 = all)")
    ap.add_argument("--dedup", choices=("memory", "staged"), default="memory", help="near-duplicate stage")
    args = ap.parse_args()
    path = args.path
    if args.limit:
        import tempfile

        tmp = Path(tempfile.mkdtemp()) / path.name
        with open(path, encoding="utf-8") as src, open(tmp, "w", encoding="utf-8") as dst:
            for i, line in enumerate(src):
                if i >= args.limit:
                    break
                dst.write(line)
        path = tmp
    base = replace(
        load_config(None, discover=False),
        text_field=args.text_field,
        select=tuple(s for s in args.select.split(",") if s),
    )
    mb = path.stat().st_size / 1e6
    rows = []
    reference = None
    serial_s = None
    dedup = EngineConfig(dedup=args.dedup)
    for jobs in (int(j) for j in args.local_jobs.split(",") if j):
        config = replace(base, jobs=jobs, engine=dedup)
        t0 = time.perf_counter()
        report = scan([str(path)], config)
        wall = time.perf_counter() - t0
        serial_s = serial_s or wall
        reference = reference or _comparable(report)
        rows.append(
            (
                f"local --jobs {jobs}",
                report.extra.get("run", {}).get("workers"),
                len(report.documents),
                wall,
                0.0,
                resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                None,
                _comparable(report) == reference,
            )
        )
    import ray

    for n in (int(w) for w in args.workers.split(",") if w):
        t0 = time.perf_counter()
        ray.init(
            num_cpus=n,
            include_dashboard=False,
            log_to_driver=False,
            configure_logging=False,
            runtime_env={"env_vars": {"PYTHONPATH": str(Path(__file__).resolve().parents[1])}},
        )
        startup = time.perf_counter() - t0
        config = replace(base, engine=replace(dedup, kind="ray", workers=n))
        t0 = time.perf_counter()
        report = scan([str(path)], config)
        wall = time.perf_counter() - t0
        peaks = _worker_peaks(ray, n)
        ray.shutdown()
        rows.append(
            (
                f"ray, {n} workers",
                report.extra.get("run", {}).get("workers"),
                len(report.documents),
                wall,
                startup,
                resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                peaks[0] if peaks else None,
                _comparable(report) == reference,
            )
        )
    print(f"{path.name}: {mb:.1f} MB; rules: {args.select or 'all'}; {os.cpu_count()} CPUs on this machine\n")
    print(
        "| engine | workers | docs/s | MB/s | speed-up vs local serial | Ray start s | driver peak MB | largest worker peak MB | same report |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for name, workers, docs, wall, startup, driver, worker, same in rows:
        print(
            f"| {name} | {workers} | {docs / wall:,.0f} | {mb / wall:.2f} | {serial_s / wall:.2f}x | "
            f"{startup:.1f} | {driver:.0f} | {worker if worker is None else round(worker)} | {same} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
