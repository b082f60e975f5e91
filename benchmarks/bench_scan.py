"""Whole-audit speed on real documents, in one run: every figure of issue 15 side by side.

    python benchmarks/bench_scan.py /work/shared/realtext/reuters_dev.jsonl \\
        /work/shared/realtext/wikipedia_dev.jsonl /work/shared/realtext/webpages_dev.jsonl:raw_text

Each input is ``PATH`` or ``PATH:FIELD`` (the record field holding the text; default ``text``), JSON lines.
Up to ``--limit`` records of each are copied (id and text only) into one temporary JSONL file, and every
measurement runs ``python -m audit scan`` from this checkout on that file in its own subprocess. Printed:

* the whole audit (every rule, ``--jobs 1``) against langdetect called once per document (ratio of CPU);
* CPU seconds per MB for each rule family alone (``--select CATEGORY``, ``--jobs 1``), and for startup
  (a scan of one tiny document) so the per-family figures can be read net of it;
* ``--jobs 1`` against ``--jobs N`` (wall clock: meaningful only on a machine with N idle cores) and whether
  both wrote the same report.json (but for its ``run`` entry, which records the workers); the CPU figure of
  the ``--jobs N`` run includes the workers when they are forked (Linux), not when a forkserver starts
  them;
* ``--cache DIR``: a first scan that stores every document's outcome and a second that reuses them (a re-run;
  the cold figures above are what issue 15 asks about);
* report.md + report.html on top of report.json: in process, rendering the same finished report;
* peak memory (max RSS of the largest process) and that peak over the startup RSS per document.

CPU figures are user + sys of the measured process and its children (``os.wait4``), so other load on a
shared machine slows the wall clock but changes them little. Nothing of the corpora is written anywhere
but the temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The workers import this checkout's package (run as a script, sys.path[0] is benchmarks/).
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from benchmarks.realdata import records  # noqa: E402

FAMILIES = ("artefact", "language", "sourcing", "duplicate")


def build_input(specs: list[str], limit: int, out: Path) -> tuple[int, int]:
    """Copy up to ``limit`` records of each input (id, text) into ``out``; return (documents, bytes)."""
    docs = size = 0
    with open(out, "w", encoding="utf-8") as dst:
        for spec in specs:
            for i, rec, text, path in records(spec, limit):
                stem = Path(path).stem
                dst.write(json.dumps({"id": f"{stem}-{rec.get('id', i)}", "text": text}, ensure_ascii=False) + "\n")
                docs += 1
                size += len(text.encode("utf-8"))
    return docs, size


def timed(cmd: list[str], env: dict | None = None, ok: tuple[int, ...] = (0, 1)) -> dict:
    """Run ``cmd``; its wall seconds, CPU seconds (user + sys, with its children) and max RSS (MB).

    ``ok``: the exit codes that count as success (a scan exits 1 when it finds problems; a worker of this
    script must exit 0)."""
    # stdout and stderr go to files, not pipes: a child that writes more than a pipe holds would block
    # while this process waits for it to exit.
    with tempfile.TemporaryFile() as fout, tempfile.TemporaryFile() as ferr:
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd,
            cwd=ROOT,
            stdout=fout,
            stderr=ferr,
            env={**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", **(env or {})},
        )
        # wait4 gives this child's own rusage (including the workers it waited for).
        _pid, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        fout.seek(0)
        ferr.seek(0)
        out, err = fout.read(), ferr.read()
    rc = os.waitstatus_to_exitcode(status)
    proc.returncode = rc
    if rc not in ok:
        raise SystemExit(f"{' '.join(cmd)} failed ({rc}):\n{err.decode(errors='replace')[-3000:]}")
    return {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rss_mb": ru.ru_maxrss / 1024, "stdout": out}


def same_report(a: bytes, b: bytes) -> bool:
    """Byte-identical report.json, but for the ``run`` line (it records the number of workers)."""

    def strip(raw: bytes) -> bytes:
        return b"\n".join(ln for ln in raw.split(b"\n") if not ln.startswith(b' "run": '))

    return strip(a) == strip(b)


def scan(data: Path, out: Path, *args: str) -> dict:
    r = timed([sys.executable, "-m", "audit", "scan", str(data), "--out", str(out), *args])
    report = out / "report.json"
    r["report"] = report.read_bytes() if report.exists() else b""
    return r


# ---------------------------------------------------------------------------
# Workers (run in their own subprocess)


def worker_langdetect(data: Path) -> None:
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    n = 0
    with open(data, encoding="utf-8") as fh:
        for line in fh:
            try:
                detect(json.loads(line)["text"])
            except LangDetectException:
                pass
            n += 1
    print(n)


def worker_render(data: Path) -> None:
    """Scan in process (json only), then time each renderer on the finished report."""
    from audit.config import load_config
    from audit.pipeline import scan as run_scan
    from audit.render import RENDERERS

    config = load_config(None)
    report = run_scan([str(data)], config)
    times = {}
    for fmt, (_name, render) in RENDERERS.items():
        t = time.process_time()
        text = render(report)
        times[fmt] = [time.process_time() - t, len(text.encode("utf-8"))]
    print(json.dumps(times))


def _scan_in_process(cli, data: Path, out: str, jobs: int) -> None:
    """``corpus-audit scan DATA --out OUT --format json --jobs JOBS`` in this process (a scan that finds
    problems exits 1, which is success here)."""
    sys.argv = ["corpus-audit", "scan", str(data), "--out", out, "--format", "json", "--jobs", str(jobs)]
    try:
        cli.main()
    except SystemExit as exc:
        if exc.code not in (0, 1, None):
            raise


def worker_jobs(data: Path, jobs: int) -> None:
    """The ``--jobs N`` scan in process, split: this (main) process's CPU before the pool starts (start-up,
    imports, reading ahead, the checks' ``preload``), during the document stage (reading, the corpus
    checks' ``observe``) and after it (``finish``, the report); each forked worker's CPU (its own count,
    read at the end of each of its tasks: empty where workers are not forked). From these, the wall time
    on N idle cores: serial parts + the document stage spread over N cores (or its busiest worker)."""
    import concurrent.futures.process as futures_process
    import resource

    from audit import cli
    from audit.engine import local

    def cpu() -> float:
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime

    logs = tempfile.mkdtemp(prefix="bench-jobs-")
    batch = local._worker_batch

    def _worker_batch(docs):
        out = batch(docs)
        with open(os.path.join(logs, str(os.getpid())), "w", encoding="utf-8") as fh:
            fh.write(repr(time.process_time()))  # this worker's CPU so far (a forked child counts from 0)
        return out

    _worker_batch.__module__, _worker_batch.__qualname__ = batch.__module__, batch.__qualname__
    local._worker_batch = _worker_batch  # forked workers inherit it; pickled by name, so found there
    marks: dict[str, float] = {}
    stage = local._parallel_stage
    pool_init = futures_process.ProcessPoolExecutor.__init__

    def start_pool(self, *args, **kwargs):
        marks["pool"] = cpu()
        pool_init(self, *args, **kwargs)

    futures_process.ProcessPoolExecutor.__init__ = start_pool

    def parallel_stage(*args, **kwargs):
        yield from stage(*args, **kwargs)
        marks["docs"] = cpu()

    local._parallel_stage = parallel_stage
    _scan_in_process(cli, data, os.path.join(logs, "out"), jobs)
    end = cpu()
    workers = sorted(float(Path(logs, f).read_text()) for f in os.listdir(logs) if f.isdigit())
    before, docs = marks.get("pool", end), marks.get("docs", end)
    print(json.dumps({"before": before, "during": docs - before, "after": end - docs, "workers": workers}))


def worker_account(data: Path) -> None:
    """The whole audit (``--jobs 1``, json) in process, every CPU second accounted for, exclusively (a
    part's time excludes the parts it calls): before the scan (interpreter, imports, option parsing, the
    config and the policy, which imports the selected families), each check's methods (``check``,
    ``prepare_batch``, ``prepare``, ``observe``, ``finish``; a check's first use of its models, word lists and lexicons counts
    to it), each part of the shared text layer (counted where computed, whichever check asks first),
    reading, the policy and report assembly (``finalize``), rendering, and the rest of the engine and
    pipeline (contexts, outcomes, the findings store, document results)."""
    import functools
    import resource
    from functools import cached_property

    def cpu() -> float:
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime

    acc: dict[str, float] = {}
    stack: list[float] = []

    def charge(name: str, elapsed: float) -> None:
        child = stack.pop()
        acc[name] = acc.get(name, 0.0) + elapsed - child
        if stack:
            stack[-1] += elapsed

    def wrap(name: str, fn):
        @functools.wraps(fn)
        def timed_call(*a, **k):
            stack.append(0.0)
            t = cpu()
            try:
                return fn(*a, **k)
            finally:
                charge(name, cpu() - t)

        return timed_call

    def wrap_iter(name: str, fn):
        @functools.wraps(fn)
        def timed_iter(*a, **k):
            it = fn(*a, **k)
            while True:
                stack.append(0.0)
                t = cpu()
                try:
                    item = next(it)
                except StopIteration:
                    charge(name, cpu() - t)
                    return
                charge(name, cpu() - t)
                yield item

        return timed_iter

    from audit import cli, pipeline, render
    from audit.text import TextLayer

    for attr, value in list(vars(TextLayer).items()):
        if isinstance(value, cached_property):
            value.func = wrap(f"text layer: {attr.lstrip('_')}", value.func)
    build = pipeline.build_checks

    def build_checks(*a, **k):
        checks = build(*a, **k)
        for check in checks:
            cls = type(check)
            family = cls.__module__.split(".")[1] if cls.__module__.startswith("audit.") else cls.__module__
            for meth in ("check", "prepare_batch", "prepare", "observe", "finish"):
                fn = cls.__dict__.get(meth)
                if fn is not None and not getattr(fn, "_accounted", False):
                    w = wrap(f"{family}: {cls.__name__}.{meth}", fn)
                    w._accounted = True
                    setattr(cls, meth, w)
        return checks

    pipeline.build_checks = build_checks
    pipeline.iter_inputs = wrap_iter("reading (readers, ids)", pipeline.iter_inputs)
    pipeline.finalize = wrap("policy and report assembly (finalize)", pipeline.finalize)
    render.write_reports = wrap("rendering report.json", render.write_reports)
    scan = pipeline.scan
    marks: dict[str, float] = {}

    def timed_scan(*a, **k):
        marks["scan"] = cpu()
        try:
            return scan(*a, **k)
        finally:
            marks["scanned"] = cpu()

    pipeline.scan = timed_scan
    _scan_in_process(cli, data, tempfile.mkdtemp(prefix="bench-account-"), 1)
    end = cpu()
    inside = marks["scanned"] - marks["scan"]
    scan_parts = sum(v for k, v in acc.items() if not k.startswith("rendering"))
    acc["before the scan (interpreter, imports, options, config, policy)"] = marks["scan"]
    acc["engine and pipeline (the rest of the scan)"] = inside - scan_parts
    acc["after the scan (summary, exit)"] = end - marks["scanned"] - acc.get("rendering report.json", 0.0)
    print(json.dumps({"total": end, "parts": acc}))


# ---------------------------------------------------------------------------
# Driver


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="*", help="PATH or PATH:FIELD of JSON-lines corpora")
    ap.add_argument("--limit", type=int, default=1000, help="records taken from each input (default 1000)")
    ap.add_argument("--jobs", type=int, default=2, help="the N of --jobs 1 vs --jobs N (default 2)")
    ap.add_argument(
        "--skip", default="", help="comma-separated parts to skip: langdetect,account,families,jobs,cache,render"
    )
    ap.add_argument("--worker", choices=("langdetect", "render", "jobs", "account"), help=argparse.SUPPRESS)
    ap.add_argument("--data", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker == "jobs":
        worker_jobs(Path(args.data), args.jobs)
        return
    if args.worker:
        workers = {"langdetect": worker_langdetect, "render": worker_render, "account": worker_account}
        workers[args.worker](Path(args.data))
        return
    if not args.inputs:
        ap.error("give at least one JSON-lines corpus (PATH or PATH:FIELD)")
    skip = set(filter(None, args.skip.split(",")))
    with tempfile.TemporaryDirectory(prefix="bench-scan-") as tmp:
        tmpd = Path(tmp)
        data = tmpd / "input.jsonl"
        docs, size = build_input(args.inputs, args.limit, data)
        mb = size / 1e6
        tiny = tmpd / "tiny.jsonl"
        tiny.write_text(json.dumps({"id": "t", "text": "A short document."}) + "\n", encoding="utf-8")
        print(f"{docs} documents, {mb:.2f} MB of text, from {', '.join(args.inputs)}; {os.cpu_count()} CPUs")
        startup = scan(tiny, tmpd / "tiny", "--jobs", "1", "--format", "json")
        whole = scan(data, tmpd / "all1", "--jobs", "1", "--format", "json")
        net = max(whole["cpu"] - startup["cpu"], 1e-9)
        print(f"\n{'run':<34}{'CPU s':>8}{'MB/s/core':>11}{'wall s':>8}{'peak MB':>9}")
        print(
            f"{'startup (one tiny document)':<34}{startup['cpu']:>8.2f}{'':>11}{startup['wall']:>8.2f}"
            f"{startup['rss_mb']:>9.0f}"
        )
        print(
            f"{'whole audit, --jobs 1':<34}{whole['cpu']:>8.2f}{mb / whole['cpu']:>11.3f}{whole['wall']:>8.2f}"
            f"{whole['rss_mb']:>9.0f}"
        )
        if "langdetect" not in skip:
            ld = timed([sys.executable, __file__, "--worker", "langdetect", "--data", str(data)], ok=(0,))
            print(
                f"{'langdetect, once per document':<34}{ld['cpu']:>8.2f}{mb / ld['cpu']:>11.3f}{ld['wall']:>8.2f}"
                f"{ld['rss_mb']:>9.0f}"
            )
            print(f"  whole audit vs langdetect: {ld['cpu'] / whole['cpu']:.2f}x (CPU; > 1 means the audit is faster)")
        if "account" not in skip:
            acc = json.loads(
                timed([sys.executable, __file__, "--worker", "account", "--data", str(data)], ok=(0,))["stdout"]
            )
            parts, total = acc["parts"], acc["total"]
            print(
                f"\nwhere the whole audit's CPU goes (--jobs 1 in process, exclusive: a part's time excludes the parts"
                f" it calls; total {total:.2f} s)"
            )
            groups: dict[str, float] = {}
            for name, sec in parts.items():
                group = name.split(":")[0] if ":" in name else "outside the checks and the text layer"
                groups[group] = groups.get(group, 0.0) + sec
            for name, sec in sorted(parts.items(), key=lambda kv: -kv[1]):
                if sec >= 0.005:
                    print(f"  {name:<66}{sec:>7.2f}{sec / mb:>8.3f} s/MB")
            print("  by group: " + ", ".join(f"{g} {v:.2f}" for g, v in sorted(groups.items(), key=lambda kv: -kv[1])))
        if "families" not in skip:
            print(
                "\nper family (--select CATEGORY, --jobs 1); net = minus the same selection on one tiny document;"
                "\na family runs with the checks it uses (artefact and sourcing: the language check), so shares overlap"
            )
            print(f"{'family':<14}{'CPU s':>8}{'startup s':>10}{'net s/MB':>10}{'MB/s':>8}{'share':>8}")
            for fam in FAMILIES:
                r = scan(data, tmpd / f"fam-{fam}", "--jobs", "1", "--format", "json", "--select", fam)
                s0 = scan(tiny, tmpd / f"tiny-{fam}", "--jobs", "1", "--format", "json", "--select", fam)
                n = max(r["cpu"] - s0["cpu"], 1e-9)
                print(f"{fam:<14}{r['cpu']:>8.2f}{s0['cpu']:>10.2f}{n / mb:>10.3f}{mb / n:>8.2f}{n / net:>8.0%}")
        if "jobs" not in skip:
            par = scan(data, tmpd / f"all{args.jobs}", "--jobs", str(args.jobs), "--format", "json")
            print(
                f"\n--jobs 1 vs --jobs {args.jobs}: wall {whole['wall']:.2f}s vs {par['wall']:.2f}s = "
                f"{whole['wall'] / par['wall']:.2f}x; CPU {whole['cpu']:.2f}s vs {par['cpu']:.2f}s; "
                f"peak MB {whole['rss_mb']:.0f} vs {par['rss_mb']:.0f}; identical report.json: "
                f"{same_report(whole['report'], par['report'])}"
            )
            split = timed(
                [sys.executable, __file__, "--worker", "jobs", "--data", str(data), "--jobs", str(args.jobs)], ok=(0,)
            )
            p = json.loads(split["stdout"])
            w = p["workers"]
            print(
                f"  --jobs {args.jobs} split (CPU s): main process {p['before']:.2f} before the pool, {p['during']:.2f} "
                f"during the document stage, {p['after']:.2f} after it; workers "
                + (", ".join(f"{x:.2f}" for x in w) if w else "not forked: not measured")
            )
            if w:
                est = p["before"] + max(max(w), (sum(w) + p["during"]) / args.jobs) + p["after"]
                print(
                    f"  on {args.jobs} idle cores: about {est:.2f}s against {whole['cpu']:.2f}s for --jobs 1 = "
                    f"{whole['cpu'] / est:.2f}x (serial parts + the document stage spread over the cores; wall clocks "
                    "of a loaded machine say little)"
                )
        if "cache" not in skip:
            cache_dir = tmpd / "cache"
            first = scan(data, tmpd / "cache1", "--jobs", "1", "--format", "json", "--cache", str(cache_dir))
            again = scan(data, tmpd / "cache2", "--jobs", "1", "--format", "json", "--cache", str(cache_dir))
            stored = sum(f.stat().st_size for f in cache_dir.iterdir())
            print(
                f"\n--cache DIR (a re-run that sees the same documents; not the cold figure above): first run "
                f"{first['cpu']:.2f} CPU s, second run {again['cpu']:.2f} s = {whole['cpu'] / again['cpu']:.1f}x the "
                f"whole audit without a cache; cache {stored / 1e6:.2f} MB ({stored / size:.0%} of the text); "
                f"identical report.json: {same_report(whole['report'], again['report'])}"
            )
        if "render" not in skip:
            r = timed([sys.executable, __file__, "--worker", "render", "--data", str(data)], ok=(0,))
            times = json.loads(r["stdout"])
            js = times["json"][0]
            extra = times["md"][0] + times["html"][0]
            print("\nrendering (CPU s, bytes): " + ", ".join(f"{k} {v[0]:.2f}s {v[1]:,}B" for k, v in times.items()))
            print(
                f"  report.md + report.html on top of report.json: {extra:.2f}s = "
                f"{extra / max(whole['cpu'], 1e-9):.0%} of the json-only scan's CPU "
                f"({extra / max(js, 1e-9):.1f}x the json renderer alone)"
            )
        per_doc = (whole["rss_mb"] - startup["rss_mb"]) * 1024 / max(docs, 1)
        print(
            f"\npeak memory, --jobs 1: {whole['rss_mb']:.0f} MB (startup {startup['rss_mb']:.0f} MB; "
            f"{per_doc:.1f} KB per document above startup)"
        )


if __name__ == "__main__":
    main()
