"""The staged dedup (audit.staged) over a JSON-lines corpus: time, memory per worker, bytes per document.

    python benchmarks/gen_news.py /tmp/news-1m.jsonl --docs 1000000
    nice python benchmarks/bench_staged.py /tmp/news-1m.jsonl --work-dir /tmp/staged-work --workers 2
    python benchmarks/bench_staged.py /tmp/news-100k.jsonl --engine ray --workers 2
    python benchmarks/bench_staged.py /tmp/news-20k.jsonl --compare      # also the in-memory scan: same clusters?

Prints one JSON object: documents, wall and CPU seconds (driver and workers), per stage the tasks,
seconds and the largest worker peak RSS, the driver's peak RSS, and the work folder's size on disk
(bytes per document). ``--compare`` also scans the file with the in-memory duplicates check
(DUP001, DUP002) and says whether the document clusters are the same. With ``--groups PATH`` (the
``.groups.json`` gen_news.py writes) it counts the planted copy groups found whole in one cluster.
The work folder is removed at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from audit.duplicates.config import DuplicatesConfig  # noqa: E402
from audit.staged import run_staged  # noqa: E402
from audit.staged.executor import make_executor  # noqa: E402


def _du(root: Path) -> int:
    return sum(f.stat().st_size for f in root.rglob("*") if f.is_file())


def _doc_clusters(clusters) -> list:
    return sorted(
        (c.kind, c.kept.document, tuple(m.document for m in c.members), round(c.similarity_min, 6))
        for c in clusters
        if c.level == "document"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--engine", choices=("local", "ray"), default="local")
    ap.add_argument("--workers", type=int, default=0, help="processes or Ray CPUs (0: every CPU; 1: in process)")
    ap.add_argument("--work-dir", default="", help="work folder (default: a temporary folder)")
    ap.add_argument("--shard-mb", type=float, default=32)
    ap.add_argument("--partitions", type=int, default=0)
    ap.add_argument("--compare", action="store_true", help="also run the in-memory scan and compare clusters")
    ap.add_argument("--groups", default="", help="planted groups (gen_news.py --groups) to count")
    args = ap.parse_args()

    work = Path(args.work_dir or tempfile.mkdtemp(prefix="bench-staged-"))
    if work.exists() and any(work.iterdir()):
        sys.exit(f"{work} is not empty")
    executor = make_executor(args.engine, args.workers)
    t0, c0 = time.perf_counter(), time.process_time()
    log = []

    def progress(msg: str) -> None:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        line = f"[{time.perf_counter() - t0:7.1f}s] {msg} (driver peak so far {peak:.0f} MB)"
        log.append(line)
        print(line, file=sys.stderr, flush=True)

    try:
        res = run_staged(
            args.paths,
            DuplicatesConfig(),
            executor,
            work_dir=str(work),
            shard_bytes=int(args.shard_mb * (1 << 20)),
            partitions=args.partitions,
            keep_work=True,
            progress=progress,
        )
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        disk = _du(work)
    finally:
        executor.close()
        shutil.rmtree(work, ignore_errors=True)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    clusters = res.result.clusters
    out = {
        "paths": [os.path.basename(p) for p in args.paths],
        "engine": executor.name,
        "workers": executor.workers,
        "documents": res.documents,
        "wall_s": round(wall, 1),
        "driver_cpu_s": round(cpu, 1),
        "worker_cpu_s": round(children.ru_utime + children.ru_stime, 1)
        if executor.name == "pool"
        else round(sum(s.get("task_cpu_s", 0) for s in res.staged.stages.values()), 1),
        "driver_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "worker_peak_mb": max(s["worker_peak_mb"] for s in res.staged.stages.values()),
        "work_dir_bytes": disk,
        "work_bytes_per_doc": round(disk / max(res.documents, 1), 1),
        "exact_clusters": sum(c.kind == "exact" for c in clusters),
        "near_clusters": sum(c.kind == "near" for c in clusters),
        "stages": res.staged.stages,
        "stats": {k: v for k, v in res.stats.items() if k != "calibration"},
    }
    if args.groups:
        planted = json.load(open(args.groups, encoding="utf-8"))
        parent: dict[str, str] = {}
        for c in clusters:
            for m in c.members:
                parent[m.document] = c.kept.document

        def root(d: str) -> str:
            while d in parent and parent[d] != d:
                d = parent[d]
            return d

        whole = sum(len({root(d) for d in g}) == 1 and g[0] in parent for g in planted)
        out["planted_groups"] = len(planted)
        out["planted_groups_found_whole"] = whole
    if args.compare:
        from dataclasses import replace

        from audit.config import load_config
        from audit.pipeline import scan

        config = replace(load_config(None, discover=False), select=("DUP001", "DUP002"), jobs=1)
        report = scan(list(args.paths), config)
        out["same_clusters_as_in_memory"] = _doc_clusters(report.clusters) == _doc_clusters(clusters)
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
