"""Benchmark the dedup stage against plain datasketch and rensa, side by side, in one run.

    python benchmarks/bench_dedup.py                 # 100,000 documents (+ a 10,000 run for memory)
    python benchmarks/bench_dedup.py --docs 20000    # a quick run
    python benchmarks/bench_dedup.py --real /work/shared/realtext/reuters_dev.jsonl \
        /work/shared/realtext/wikipedia_dev.jsonl /work/shared/realtext/webpages_dev.jsonl:raw_text
                                                     # real documents (PATH or PATH:FIELD), no planted truth

The corpus (news-sized synthetic articles, 2-8 KB, with planted exact, republished
and shortened copies, pasted paragraphs and shared quotes; see synth_news.py) is
built once into benchmarks/data/ (git-ignored) and streamed from there. Every
method runs in its own subprocess on the same file, one core, so peak memory
(max RSS above the worker's start) is per method. Times are CPU seconds of the
worker (time.process_time), so a busy shared machine slows the wall clock but not
the figures much. Printed per method: docs/s and MB/s of the hashing + LSH
(+ verification and clustering for ours), signature-only throughput,
peak memory, and the duplicate pairs found against the planted ones
(precision/recall) and against each other (agreement).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
from benchmarks.realdata import records  # noqa: E402

DATA = HERE / "data"


def data_path(n: int, seed: int) -> Path:
    return DATA / f"news_{n}_s{seed}.jsonl"


def ensure_data(n: int, seed: int) -> Path:
    from benchmarks.synth_news import planted_to_json, write_jsonl

    path = data_path(n, seed)
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        t = time.perf_counter()
        print(f"building {path.name} ({n} documents) ...", file=sys.stderr, flush=True)
        planted = write_jsonl(str(path) + ".tmp", n, seed)
        Path(str(path) + ".planted.json").write_text(json.dumps(planted_to_json(planted)))
        os.replace(str(path) + ".tmp", path)
        print(f"  built in {time.perf_counter() - t:.0f}s", file=sys.stderr)
    return path


def build_real(specs: list[str], limit: int, out: Path) -> int:
    """Copy real JSON-lines records (``PATH`` or ``PATH:FIELD``; id, text) into ``out``; return the count."""
    n = 0
    with open(out, "w", encoding="utf-8") as dst:
        for spec in specs:
            for i, rec, text, path in records(spec):
                if n >= limit:
                    return n
                stem = Path(path).stem
                dst.write(
                    json.dumps({"id": f"{stem}-{rec.get('id', i)}", "text": text, "source": stem}, ensure_ascii=False)
                    + "\n"
                )
                n += 1
    return n


def stream(path: Path, limit: int):
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= limit:
                break
            yield json.loads(line)


#: Environment variable that says how the timed ``python -m audit`` children treat bytecode ("cached": as an
#: installed package; set by :func:`main` from ``--pyc``, absent: the environment's own setting is kept).
_PYC_ENV = "BENCH_DEDUP_PYC"


def scan_env() -> dict[str, str]:
    """The environment of a timed ``python -m audit scan`` child process. With ``--pyc cached`` (the
    default) Python's bytecode cache is on (``__pycache__`` beside the package's modules, git-ignored), as
    an installed package runs (pip compiles the modules at install): where ``PYTHONDONTWRITEBYTECODE`` is
    set, as on this project's machines, every module of the package is compiled from source at each start
    (about 0.1 CPU s of the start-up), which no user pays and no other method here pays (datasketch and
    rensa load from site-packages with their bytecode)."""
    env = dict(os.environ)
    if env.pop(_PYC_ENV, "") == "cached":
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


#: Rules of the ``scan`` and ``scan-docs`` methods (``scan-docs``: exact and near documents, no passage stage,
#: the end-to-end counterpart of ``ours-docs``).
SCAN_SELECT = {"scan": "duplicate", "scan-docs": "DUP001,DUP002"}


def _scan_cmd(src: Path, out: Path, select: str = "duplicate") -> list[str]:
    cmd = [sys.executable, "-m", "audit", "scan", str(src), "--select", select, "--format", "json"]
    return cmd + ["--jobs", "1", "--out", str(out)]


def warm_scan(tmp: Path, corpus: Path | None = None, docs: int = 200) -> None:
    """One untimed scan of the first ``docs`` records of ``corpus`` (a one-document corpus when None), so
    that a timed child finds every module it imports compiled (``--pyc cached``)."""
    src = tmp / "warm.jsonl"
    if corpus is None:
        src.write_text(json.dumps({"id": "a", "text": "One short document."}) + "\n")
    else:
        with open(corpus, encoding="utf-8") as fh, open(src, "w", encoding="utf-8") as out:
            for i, line in enumerate(fh):
                if i >= docs:
                    break
                out.write(line)
    subprocess.run(_scan_cmd(src, tmp / "warm-out"), cwd=ROOT, env=scan_env(), capture_output=True, check=False)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


# ---------------------------------------------------------------------------
# Workers (one method per subprocess)


def _shingles(text: str, k: int = 5) -> list[bytes]:
    toks = text.lower().split()
    if len(toks) < k:
        return [" ".join(toks).encode()] if toks else []
    return [" ".join(toks[i : i + k]).encode() for i in range(len(toks) - k + 1)]


def _overrides(spec: str) -> dict:
    out = {}
    for item in filter(None, spec.split(",")):
        k, v = item.split("=")
        out[k] = (float(v) if "." in v else int(v)) if v.replace(".", "", 1).isdigit() else v
    return out


def cluster_pairs(groups: list[list[str]]) -> set[tuple[str, str]]:
    """Pairs of documents reported as copies of one story: clusters sharing a document are joined.

    An exact cluster {A, A'} and a near cluster {A, B} make A' a copy of B too (A' is A).
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for g in groups:
        for m in g[1:]:
            parent[find(m)] = find(g[0])
    comps: dict[str, list[str]] = {}
    for x in parent:
        comps.setdefault(find(x), []).append(x)
    out = set()
    for mem in comps.values():
        mem.sort()
        out |= {(a, b) for i, a in enumerate(mem) for b in mem[i + 1 :]}
    return out


def work_ours(path: Path, n: int, passages: bool, overrides: str = "") -> dict:
    from audit import minhash
    from audit.duplicates import DuplicateCheck, DuplicatesConfig
    from audit.model import Document
    from audit.pipeline import TextStore
    from audit.rules import DocContext

    check = DuplicateCheck(DuplicatesConfig(passages=passages, **_overrides(overrides)))
    store = TextStore()
    ids: list[str] = []
    base = rss_mb()
    t_stage = 0.0
    nbytes = 0
    for rec in stream(path, n):
        doc = Document(rec["id"], rec["text"], source="bench.jsonl", metadata={"source": rec["source"]})
        o = store.add(doc.text)
        ids.append(doc.id)
        nbytes += len(doc.text.encode("utf-8"))
        t = time.process_time()
        check.observe(DocContext(doc, o))
        t_stage += time.process_time() - t
    t = time.process_time()
    res = check.finish(store.get, ids)
    t_finish = time.process_time() - t
    t_stage += t_finish
    flagged = set()
    groups = []
    for c in res.clusters:
        if c.level == "document":
            groups.append([m.document for m in c.members])
            flagged |= {m.document for m in c.members} - {c.kept.document}
    pairs = cluster_pairs(groups)
    passage_hits = set()
    for o, fs in res.findings.items():
        for f in fs:
            if f.rule in ("DUP003", "DUP004"):
                for r in f.related:
                    passage_hits.add((ids[o], r.document, f.start, f.end, r.start, r.end))
    # Signature-only throughput (documents, batched).
    texts, sig_bytes = [], 0
    t_sig = 0.0
    params = check.config.doc_params()
    for rec in stream(path, min(n, 20000)):
        texts.append(rec["text"])
        sig_bytes += len(rec["text"].encode("utf-8"))
        if len(texts) >= 500:
            t = time.process_time()
            minhash.signatures(texts, params)
            t_sig += time.process_time() - t
            texts = []
    if texts:
        t = time.process_time()
        minhash.signatures(texts, params)
        t_sig += time.process_time() - t
    return {
        "seconds": t_stage,
        "finish_seconds": t_finish,
        "bytes": nbytes,
        "docs": len(ids),
        "peak_mb": rss_mb() - base,
        "state_bytes": check.state_bytes(),
        "pairs": sorted(pairs),
        "flagged": sorted(flagged),
        "passage_hits": sorted(passage_hits),
        "sig_seconds": t_sig,
        "sig_bytes": sig_bytes,
        "stats": res.extra.get("duplicates", {}),
    }


def work_scan(path: Path, n: int, select: str = "duplicate") -> dict:
    """The whole ``scan --select SELECT --format json --jobs 1`` of this checkout, end to end (start-up,
    reading, the stage, report.json), as a child process: its CPU (user + sys) and peak RSS."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="bench-dedup-scan-") as tmp:
        src = Path(tmp) / "corpus.jsonl"
        nbytes = docs = 0
        with open(path, encoding="utf-8") as fh, open(src, "w", encoding="utf-8") as out:
            for i, line in enumerate(fh):
                if i >= n:
                    break
                out.write(line)
                nbytes += len(json.loads(line)["text"].encode("utf-8"))
                docs += 1
        cmd = _scan_cmd(src, Path(tmp) / "out", select)
        warm_scan(Path(tmp), src)
        with open(Path(tmp) / "log", "w") as log:
            proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=scan_env())
            _pid, status, usage = os.wait4(proc.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"scan failed: {(Path(tmp) / 'log').read_text()[-500:]}")
        report = json.loads((Path(tmp) / "out" / "report.json").read_text())
    groups = [[m["document"] for m in c["members"]] for c in report["clusters"] if c["level"] == "document"]
    flagged = {m for c in report["clusters"] if c["level"] == "document" for m in [x["document"] for x in c["members"]]}
    flagged -= {c["kept"]["document"] for c in report["clusters"] if c["level"] == "document"}
    return {
        "seconds": usage.ru_utime + usage.ru_stime,
        "bytes": nbytes,
        "docs": docs,
        "peak_mb": usage.ru_maxrss / 1024.0,
        "pairs": sorted(cluster_pairs(groups)),
        "flagged": sorted(flagged),
        "sig_seconds": 0.0,
        "sig_bytes": 0,
    }


def work_datasketch(path: Path, n: int, threshold: float) -> dict:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=128)
    base = rss_mb()
    t_stage = t_sig = 0.0
    nbytes = 0
    pairs, flagged = set(), set()
    ndocs = 0
    for rec in stream(path, n):
        nbytes += len(rec["text"].encode("utf-8"))
        t = time.process_time()
        m = MinHash(num_perm=128)
        m.update_batch(_shingles(rec["text"]))
        t1 = time.process_time()
        found = lsh.query(m)
        lsh.insert(rec["id"], m)
        t2 = time.process_time()
        t_sig += t1 - t
        t_stage += t2 - t
        ndocs += 1
        if found:
            flagged.add(rec["id"])
            pairs |= {tuple(sorted((rec["id"], f))) for f in found}
    return {
        "seconds": t_stage,
        "bytes": nbytes,
        "docs": ndocs,
        "peak_mb": rss_mb() - base,
        "pairs": sorted(pairs),
        "flagged": sorted(flagged),
        "sig_seconds": t_sig,
        "sig_bytes": nbytes,
    }


def work_rensa(path: Path, n: int, threshold: float) -> dict:
    from rensa import RMinHash, RMinHashLSH

    lsh = RMinHashLSH(threshold=threshold, num_perm=128, num_bands=32)
    base = rss_mb()
    t_stage = t_sig = 0.0
    nbytes = 0
    pairs, flagged = set(), set()
    keys: list[str] = []
    for rec in stream(path, n):
        nbytes += len(rec["text"].encode("utf-8"))
        t = time.process_time()
        m = RMinHash(num_perm=128, seed=42)
        m.update([s.decode() for s in _shingles(rec["text"])])
        t1 = time.process_time()
        found = lsh.query(m)
        lsh.insert(len(keys), m)
        t2 = time.process_time()
        t_sig += t1 - t
        t_stage += t2 - t
        keys.append(rec["id"])
        if found:
            flagged.add(rec["id"])
            pairs |= {tuple(sorted((rec["id"], keys[f]))) for f in found}
    return {
        "seconds": t_stage,
        "bytes": nbytes,
        "docs": len(keys),
        "peak_mb": rss_mb() - base,
        "pairs": sorted(pairs),
        "flagged": sorted(flagged),
        "sig_seconds": t_sig,
        "sig_bytes": nbytes,
    }


def work_lsh_datasketch(path: Path, n: int, threshold: float) -> dict:
    """Our batched signatures fed to datasketch's MinHashLSH (LeanMinHash(hashvalues=...)), no verification."""
    from datasketch import LeanMinHash, MinHashLSH

    from audit import minhash

    params = minhash.MinHashParams(5, 128, 32, 4)
    lsh = MinHashLSH(threshold=threshold, num_perm=128)
    base = rss_mb()
    t_stage = t_sig = 0.0
    nbytes = 0
    pairs, flagged = set(), set()
    ndocs = 0
    batch: list[dict] = []

    def flush() -> None:
        nonlocal t_stage, t_sig
        t = time.process_time()
        sigs = minhash.signatures([r["text"] for r in batch], params)
        t1 = time.process_time()
        for rec, sig in zip(batch, sigs, strict=True):
            m = LeanMinHash(seed=1, hashvalues=sig.astype(np.uint64), scheme="legacy")
            found = lsh.query(m)
            lsh.insert(rec["id"], m)
            if found:
                flagged.add(rec["id"])
                pairs.update(tuple(sorted((rec["id"], f))) for f in found)
        t_sig += t1 - t
        t_stage += time.process_time() - t

    for rec in stream(path, n):
        nbytes += len(rec["text"].encode("utf-8"))
        ndocs += 1
        batch.append(rec)
        if len(batch) >= 500:
            flush()
            batch = []
    if batch:
        flush()
    return {
        "seconds": t_stage,
        "bytes": nbytes,
        "docs": ndocs,
        "peak_mb": rss_mb() - base,
        "pairs": sorted(pairs),
        "flagged": sorted(flagged),
        "sig_seconds": t_sig,
        "sig_bytes": nbytes,
    }


def work_scan_parts(path: Path, n: int) -> dict:
    """CPU seconds of each part of ``scan --select duplicate --format json --jobs 1`` run in this process
    (exclusive: a part nested in another counts once): the paragraph layout, the passage units, the
    tokenising batches (signatures, word-sequence and exact keys), finish (candidates, verification,
    clusters), writing the report; ``rest`` is reading the records and the pipeline around them. Start-up
    is measured apart (:func:`startup_seconds`): this process has imported the bench's own modules."""
    import tempfile

    from audit import cli, render, text
    from audit.duplicates import check

    parts: dict[str, float] = {}
    stack: list[float] = []  # time spent in nested wrapped calls of each open call

    def timed(owner, name: str, part: str) -> None:
        f = getattr(owner, name)

        def g(*a, **k):
            t = time.process_time()
            stack.append(0.0)
            try:
                return f(*a, **k)
            finally:
                spent = time.process_time() - t
                nested = stack.pop()
                parts[part] = parts.get(part, 0.0) + spent - nested
                if stack:
                    stack[-1] += spent

        setattr(owner, name, g)

    timed(text, "build_layout", "layout")
    timed(check.DuplicateCheck, "prepare", "units")
    timed(check.DuplicateCheck, "_flush", "tokenise")
    timed(check.DuplicateCheck, "finish", "finish")
    timed(render, "write_reports", "report")
    with tempfile.TemporaryDirectory(prefix="bench-dedup-parts-") as tmp:
        src = Path(tmp) / "corpus.jsonl"
        with open(path, encoding="utf-8") as fh, open(src, "w", encoding="utf-8") as out:
            for i, line in enumerate(fh):
                if i >= n:
                    break
                out.write(line)
        one = Path(tmp) / "one.jsonl"
        one.write_text(json.dumps({"id": "a", "text": "One short document."}) + "\n")

        def scan(corpus: Path) -> float:
            sys.argv = ["audit", "scan", str(corpus), "--select", "duplicate", "--format", "json", "--jobs", "1"]
            sys.argv += ["--out", str(Path(tmp) / "out")]
            t = time.process_time()
            with contextlib.redirect_stdout(io.StringIO()):  # the worker's stdout carries its JSON result
                try:
                    cli.main()
                except SystemExit:
                    pass
            return time.process_time() - t

        scan(one)  # start-up work done on first use (the CLI's parameter types, lazy imports): not counted
        parts.clear()
        total = scan(src)
    parts["rest"] = total - sum(parts.values())
    return {"parts": parts, "total": total}


def startup_seconds() -> float:
    """CPU (user + sys) of ``python -m audit scan --select duplicate`` of one short document, as a child."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="bench-dedup-start-") as tmp:
        src = Path(tmp) / "one.jsonl"
        src.write_text(json.dumps({"id": "a", "text": "One short document."}) + "\n")
        warm_scan(Path(tmp))
        cmd = _scan_cmd(src, Path(tmp) / "out")
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=scan_env())
        _pid, _status, usage = os.wait4(proc.pid, 0)
    return usage.ru_utime + usage.ru_stime


def worker(args) -> None:
    path = Path(args.data)
    if args.worker == "ours":
        out = work_ours(path, args.docs, passages=True, overrides=args.ours_config)
    elif args.worker == "ours-docs":
        out = work_ours(path, args.docs, passages=False, overrides=args.ours_config)
    elif args.worker == "ours-docs-dsklsh":
        extra = "lsh=datasketch" + ("," + args.ours_config if args.ours_config else "")
        out = work_ours(path, args.docs, passages=False, overrides=extra)
    elif args.worker == "lsh-datasketch":
        out = work_lsh_datasketch(path, args.docs, args.threshold)
    elif args.worker in SCAN_SELECT:
        out = work_scan(path, args.docs, SCAN_SELECT[args.worker])
    elif args.worker == "scan-parts":
        out = work_scan_parts(path, args.docs)
    elif args.worker == "datasketch":
        out = work_datasketch(path, args.docs, args.threshold)
    else:
        out = work_rensa(path, args.docs, args.threshold)
    json.dump(out, sys.stdout)


# ---------------------------------------------------------------------------
# Driver


def run_worker(method: str, data: Path, n: int, threshold: float, ours_config: str = "") -> dict | None:
    cmd = [
        sys.executable,
        __file__,
        "--worker",
        method,
        "--data",
        str(data),
        "--docs",
        str(n),
        "--threshold",
        str(threshold),
        "--ours-config",
        ours_config,
    ]
    proc = subprocess.run(
        cmd, capture_output=True, text=True, env={**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    )
    if proc.returncode != 0:
        print(f"{method}: failed: {proc.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
        return None
    return json.loads(proc.stdout)


def truth_pairs(planted: dict, n_docs: int) -> set[tuple[str, str]]:
    out = set()
    for g in planted["groups"]:
        g = sorted(x for x in g if int(x[1:]) < n_docs)
        out |= {(a, b) for i, a in enumerate(g) for b in g[i + 1 :]}
    return out


def prf(pred: set, truth: set) -> tuple[float, float]:
    tp = len(pred & truth)
    return (tp / len(pred) if pred else 1.0), (tp / len(truth) if truth else 1.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--memory-at", type=int, default=10_000, help="also run every method on this many documents")
    ap.add_argument("--threshold", type=float, default=0.5, help="LSH threshold of the plain pipelines")
    ap.add_argument(
        "--methods",
        default="ours,ours-docs,ours-docs-dsklsh,lsh-datasketch,datasketch,rensa",
        help='ours-docs-dsklsh = ours-docs with [duplicates] lsh = "datasketch" (MinHashLSH '
        "candidates, then our verification); lsh-datasketch = our signatures in datasketch's "
        "MinHashLSH, without verification; scan = the whole `scan --select duplicate --format json "
        "--jobs 1` end to end (start-up, reading, report; CPU of the child process, peak = its max RSS); "
        "scan-docs = the same with --select DUP001,DUP002 (exact and near documents, no passage stage: the "
        "end-to-end counterpart of ours-docs)",
    )
    ap.add_argument("--ours-config", default="", help="DuplicatesConfig overrides, e.g. bands=60,rows=2")
    ap.add_argument(
        "--real",
        nargs="+",
        metavar="PATH[:FIELD]",
        help="real JSON-lines corpora instead of the synthetic one (copied, id and text only, to a "
        "temporary file; --docs caps the total); precision/recall need planted pairs and are skipped",
    )
    ap.add_argument(
        "--parts",
        action="store_true",
        help="also split the CPU of `scan --select duplicate --jobs 1` into its parts (start-up, layout, "
        "passage units, tokenising, finish, report, the rest: reading and the pipeline)",
    )
    ap.add_argument(
        "--pyc",
        choices=("cached", "off"),
        default="cached",
        help="bytecode of the timed `python -m audit` children (scan, start-up): cached beside the modules "
        "as an installed package runs (default; an untimed scan of the first records compiles them first), "
        "or as this environment says (PYTHONDONTWRITEBYTECODE: every module compiled at each start)",
    )
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--data", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args)
        return
    os.environ[_PYC_ENV] = args.pyc  # the workers inherit it; scan_env reads it for their scan children
    if args.real:
        import tempfile

        tmp = tempfile.TemporaryDirectory(prefix="bench-dedup-")
        data = Path(tmp.name) / "real.jsonl"
        args.docs = build_real(args.real, args.docs, data)
        args.memory_at = min(args.memory_at, args.docs)
        planted = {"groups": [], "pastes": []}
    else:
        data = ensure_data(args.docs, args.seed)
        planted = json.loads(Path(str(data) + ".planted.json").read_text())
    methods = [m for m in args.methods.split(",") if m]
    if "scan-parts" in methods:  # not a method of the table: the --parts split (it has no pairs or MB/s)
        methods = [m for m in methods if m != "scan-parts"]
        args.parts = True
    try:
        import rensa  # noqa: F401
    except ImportError:
        methods = [m for m in methods if m != "rensa"]
        print("rensa not installed (pip install rensa): skipped", file=sys.stderr)
    sizes = sorted({min(args.memory_at, args.docs), args.docs})
    results: dict[tuple[str, int], dict] = {}
    for n in sizes:
        for m in methods:
            r = run_worker(m, data, n, args.threshold, args.ours_config)
            if r is not None:
                results[(m, n)] = r
    n = args.docs
    truth = truth_pairs(planted, n) if not args.real else set()
    any_result = next((r for (m, k), r in results.items() if k == n), None)
    if any_result is None:  # --methods scan-parts alone: the size of the documents the scan reads
        any_result = {"bytes": sum(len(rec["text"].encode()) for rec in stream(data, n))}
    print(
        f"\n{n} documents, {any_result['bytes'] / 1e6:.0f} MB, {len(truth)} planted duplicate pairs; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; bytecode of the scan children: {args.pyc}\n"
    )
    hdr = (
        f"{'method':12} {'docs/s':>9} {'MB/s':>7} {'x dsk':>6} {'x rensa':>7} {'sig MB/s':>9} {'sig x dsk':>9} "
        + " ".join(f"{'peak MB@' + str(s):>12}" for s in sizes)
        + f" {'precision':>9} {'recall':>7} {'pairs':>7}"
    )
    print(hdr)
    print("-" * len(hdr))
    dsk = results.get(("datasketch", n))
    rns = results.get(("rensa", n))
    for m in methods:
        r = results.get((m, n))
        if r is None:
            continue
        mbs = r["bytes"] / 1e6 / r["seconds"]
        sig = r["sig_bytes"] / 1e6 / r["sig_seconds"] if r["sig_seconds"] else float("nan")
        x = mbs / (dsk["bytes"] / 1e6 / dsk["seconds"]) if dsk else float("nan")
        xr = mbs / (rns["bytes"] / 1e6 / rns["seconds"]) if rns else float("nan")
        xs = sig / (dsk["sig_bytes"] / 1e6 / dsk["sig_seconds"]) if dsk else float("nan")
        pairs = {tuple(p) for p in r["pairs"]}
        p, rc = prf(pairs, truth) if truth else (float("nan"), float("nan"))
        mem = " ".join(f"{results[(m, s)]['peak_mb']:12.0f}" if (m, s) in results else f"{'-':>12}" for s in sizes)
        print(
            f"{m:12} {r['docs'] / r['seconds']:9.0f} {mbs:7.1f} {x:6.1f} {xr:7.2f} {sig:9.1f} {xs:9.1f} {mem} "
            f"{p:9.4f} {rc:7.4f} {len(pairs):7d}"
        )
    print("\nagreement of duplicate sets (Jaccard of pair sets / of flagged-document sets):")
    for i, a in enumerate(methods):
        for b in methods[i + 1 :]:
            ra, rb = results.get((a, n)), results.get((b, n))
            if ra is None or rb is None:
                continue
            pa, pb = {tuple(p) for p in ra["pairs"]}, {tuple(p) for p in rb["pairs"]}
            fa, fb = set(ra["flagged"]), set(rb["flagged"])
            jp = len(pa & pb) / len(pa | pb) if pa | pb else 1.0
            jf = len(fa & fb) / len(fa | fb) if fa | fb else 1.0
            print(f"  {a} vs {b}: pairs {jp:.3f}, flagged documents {jf:.3f}")
    ours = results.get(("ours", n))
    if ours:
        for s in sizes:
            o = results.get(("ours", s))
            if o:
                print(
                    f"\nours @ {s}: index state {o['state_bytes'] / o['docs']:.0f} bytes/document "
                    f"(signatures, hashes, passage index); finish (verification + clustering) {o['finish_seconds']:.1f}s; "
                    f"{o['stats']}"
                )
        pastes = [p for p in planted["pastes"] if int(p[1][1:]) < n and int(p[0][1:]) < n] if not args.real else []
        hits = {(h[0], h[1]) for h in ours["passage_hits"]} | {(h[1], h[0]) for h in ours["passage_hits"]}
        found = sum(1 for src, dst, _ in pastes if (dst, src) in hits)
        print(f"planted pasted paragraphs found as passage duplicates: {found}/{len(pastes)}")
    if args.parts:
        split = run_worker("scan-parts", data, n, args.threshold)
        if split is not None:
            mb = any_result["bytes"] / 1e6
            start = startup_seconds()
            parts = {"start-up": start, **split["parts"]}
            total = start + split["total"]
            print(
                f"\nscan --select duplicate --jobs 1, CPU seconds per part ({mb:.0f} MB; start-up = a one-document "
                f"scan): total {total:.2f} ({mb / total:.1f} MB/s)"
            )
            order = ["start-up", "rest", "layout", "units", "tokenise", "finish", "report"]
            print("  " + ", ".join(f"{k} {parts[k]:.2f}" for k in order if k in parts))


if __name__ == "__main__":
    main()
