"""The driver of the staged dedup: runs the stages through an executor and turns verified edges into
clusters and findings on arrays (a few bytes per document), never holding texts or signatures of the
whole corpus."""

from __future__ import annotations

import json
import math
import shutil
import tempfile
import time
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from audit.duplicates.config import DuplicatesConfig
from audit.duplicates.corpus import Corpus
from audit.duplicates.exact import exact_clusters
from audit.duplicates.lsh import estimate_ij
from audit.duplicates.near import DocEdge, Templates, _report_cluster, _report_templates, calibration
from audit.rules import CorpusResult
from audit.staged import stages
from audit.staged.executor import Executor, peak_of
from audit.staged.files import REASONS, VERIFIED, BlobStore, Layout, SigStore, save

#: Input bytes per shard task of a standalone run (about 15,000 news articles).
SHARD_BYTES = 32 << 20
#: Band rows per partition aimed at (about 30 MB of rows; the sort needs a few times that).
ROWS_PER_PARTITION = 2_000_000


def components(a: np.ndarray, b: np.ndarray) -> list[list[int]]:
    """Connected components (two or more nodes, each sorted) of the edges ``a[k] - b[k]``: a
    union-find on arrays (hooking to the smaller root, then pointer jumping), no Python loop per edge."""
    if len(a) == 0:
        return []
    nodes, inv = np.unique(np.concatenate([a, b]), return_inverse=True)
    ea, eb = inv[: len(a)], inv[len(a) :]
    parent = np.arange(len(nodes))
    while True:
        ra, rb = parent[ea], parent[eb]
        lo, hi = np.minimum(ra, rb), np.maximum(ra, rb)
        moved = lo != hi
        if not moved.any():
            break
        np.minimum.at(parent, hi[moved], lo[moved])
        while True:
            jumped = parent[parent]
            if (jumped == parent).all():
                break
            parent = jumped
    order = np.argsort(parent, kind="stable")
    roots = parent[order]
    cuts = np.flatnonzero(np.diff(roots)) + 1
    return [nodes[g].tolist() for g in np.split(order, cuts) if len(g) > 1]


def _edge(row: dict[str, Any]) -> DocEdge:
    return DocEdge(
        float(row["sim"]),
        REASONS[int(row["reason"])],
        (int(row["sa0"]), int(row["sa1"])),
        (int(row["sb0"]), int(row["sb1"])),
        float(row["ca"]),
        float(row["cb"]),
    )


class Verified:
    """Every verification result so far, by ordered pair (the symmetric cache of the in-memory check)."""

    def __init__(self) -> None:
        self.results: dict[tuple[int, int], Any] = {}
        #: pairs that were near copies only through their page furniture (status 3)
        self.furniture = 0

    def add(self, rows: np.ndarray, corpus: Corpus, templates: dict) -> None:
        names = VERIFIED.names or ()
        for values in rows.tolist():  # one conversion of the whole array, not a numpy scalar per field
            row = dict(zip(names, values, strict=True))
            a, b = row["a"], row["b"]
            corpus.calibration.append((row["sim"], bool(row["duplicate"])))
            status = row["status"]
            edge = _edge(row) if status in (1, 2, 4) else None
            self.furniture += status == 3
            if status in (2, 4):
                templates[(a, b)] = (edge, status == 4)
                edge = None
            self.results[(a, b)] = edge

    def known(self, a: int, b: int) -> bool:
        return (a, b) in self.results or (b, a) in self.results

    def get(self, a: int, b: int) -> DocEdge | None:
        if (a, b) in self.results:
            return self.results[(a, b)]
        other = self.results[(b, a)]
        return None if other is None else other.swapped()


@dataclass
class StagedStats:
    stages: dict[str, dict[str, Any]] = field(default_factory=dict)

    def record(self, name: str, results: list[dict], seconds: float, **extra: Any) -> None:
        self.stages[name] = {
            "tasks": len(results),
            "seconds": round(seconds, 2),
            "task_cpu_s": round(sum(r.get("cpu_s", 0.0) for r in results), 2),
            "worker_peak_mb": round(peak_of(results), 1),
            **extra,
        }


def _verify_round(layout: Layout, executor: Executor, cfg: DuplicatesConfig, r: int, tasks: list[int]) -> list[dict]:
    return executor.map(stages.verify_stage, [(str(layout.root), r, v, cfg) for v in tasks])


def staged_near_clusters(
    corpus: Corpus,
    layout: Layout,
    executor: Executor,
    partitions: int,
    result: CorpusResult,
    stats: dict[str, Any],
    staged: StagedStats,
    progress: Callable[[str], None] | None = None,
) -> None:
    """Stages 3-5 over a work folder whose shards, rows and ``bases.npy`` are written and whose
    exact groups are in ``corpus`` (``exact_clusters`` has run): the near-duplicate clusters and
    findings of :func:`audit.duplicates.near.near_clusters`, computed from files."""
    cfg = corpus.config
    say = progress or (lambda _msg: None)
    root = str(layout.root)
    bases = np.load(layout.bases)
    # The exact copies that are not their group's first, and each first's kept copy.
    firsts = sorted(corpus.rep_kept)
    rk = np.array([(f, corpus.rep_kept[f]) for f in firsts], dtype=np.int64).reshape(-1, 2)
    save(layout.root / "repkept.npy", rk)
    dropped = np.array(sorted(m for f, ms in corpus.groups.items() for m in ms if m != f), dtype=np.int64)
    save(layout.root / "dropped.npy", dropped)

    say("near partitions")
    t0 = time.perf_counter()
    res = executor.map(stages.near_partition, [(root, p, cfg.max_bucket) for p in range(partitions)])
    staged.record(
        "near_partitions",
        res,
        time.perf_counter() - t0,
        rows=sum(r["rows"] for r in res),
        pairs=sum(r["pairs"] for r in res),
        oversized_buckets=sum(r["oversized_buckets"] for r in res),
        oversized_rows=sum(r["oversized_rows"] for r in res),
    )

    say("verification")
    t0 = time.perf_counter()
    tasks = layout.cand_tasks()
    res = _verify_round(layout, executor, cfg, 0, tasks)
    verified = Verified()
    templates: Templates = {}
    edges_a, edges_b = [], []
    for v in tasks:
        rows = np.load(layout.verified(0, v))
        verified.add(rows, corpus, templates)
        ok = rows["status"] == 1
        edges_a.append(rows["a"][ok])
        edges_b.append(rows["b"][ok])
    ea = np.concatenate(edges_a) if edges_a else np.zeros(0, np.int64)
    eb = np.concatenate(edges_b) if edges_b else np.zeros(0, np.int64)
    stats["document_candidates"] = sum(r.get("candidates", 0) for r in res)
    stats["document_pairs_verified"] = int(len(ea))
    stats["document_pairs_template_only"] = 0  # (set once every round is verified)
    staged.record("verify", res, time.perf_counter() - t0, candidates=stats["document_candidates"])

    say(f"components of {len(ea)} verified edges")
    # Stage 5: components of verified edges, then stars around kept copies (rounds of verification
    # for the (kept copy, member) pairs not verified yet), as audit.duplicates.lsh.star_clusters does.
    t0 = time.perf_counter()
    comps = components(ea, eb)
    remaining = [sorted(c, key=corpus.priority) for c in comps]
    stars: list[tuple[int, list[tuple[int, DocEdge]]]] = []
    r = 0
    extra_results: list[dict] = []
    while True:
        remaining = [c for c in remaining if len(c) > 1]
        if not remaining:
            break
        need = sorted({(c[0], n) for c in remaining for n in c[1:] if not verified.known(c[0], n)})
        if need:
            r += 1
            a = np.array([x for x, _ in need], dtype=np.int64)
            b = np.array([y for _, y in need], dtype=np.int64)
            task = np.searchsorted(bases, a, side="right") - 1
            vs = sorted(set(task.tolist()))
            for v in vs:
                sel = task == v
                save(layout.need(r, v), a[sel] << 32 | b[sel])
            extra_results += _verify_round(layout, executor, cfg, r, vs)
            for v in vs:
                verified.add(np.load(layout.verified(r, v)), corpus, templates)
        nxt = []
        for comp in remaining:
            kept = comp[0]
            members: list[tuple[int, DocEdge]] = []
            rest: list[int] = []
            for node in comp[1:]:
                edge = verified.get(kept, node)
                if edge is None:
                    rest.append(node)
                else:
                    members.append((node, edge))
            if members:
                stars.append((kept, members))
            nxt.append(rest)
        remaining = nxt
    staged.record("stars", extra_results, time.perf_counter() - t0, components=len(comps), rounds=r)

    say(f"findings of {len(stars)} clusters")
    stars.sort(key=lambda s: (s[0], min(m for m, _ in s[1])))
    stats["document_pairs_template_only"] = verified.furniture
    # Estimated Jaccard of every (kept, member) pair: the signature of each node's exact group's first.
    pairs = [(corpus.first_of(kept), corpus.first_of(m)) for kept, members in stars for m, _ in sorted(members)]
    if pairs:
        sigs = SigStore(layout, bases, cfg.num_perm)
        left = sigs.rows(np.array([p for p, _ in pairs], dtype=np.int64))
        right = sigs.rows(np.array([q for _, q in pairs], dtype=np.int64))
        est = estimate_ij(np.concatenate([left, right]), np.arange(len(pairs)), np.arange(len(pairs)) + len(pairs))
    else:
        est = np.zeros(0)
    estimates = iter(est.tolist())
    for n, (kept, members) in enumerate(stars, 1):
        _report_cluster(corpus, result, n, kept, sorted(members), estimates)
    stats["near_document_clusters"] = len(stars)
    stats["calibration"] = calibration(corpus, stars)
    stats["template_documents"] = _report_templates(corpus, result, templates) if corpus.wants("DUP005") else 0


@dataclass
class StagedResult:
    """What a standalone staged run found: clusters and findings (by ordinal), the ids, and figures."""

    result: CorpusResult
    ids: dict[int, str]  # the id of every document with a finding
    documents: int
    stats: dict[str, Any]
    staged: StagedStats


def _ranges(paths: Iterable[str], shard_bytes: int) -> list[tuple[str, int, int]]:
    out = []
    for p in paths:
        size = Path(p).stat().st_size
        for start in range(0, max(size, 1), shard_bytes):
            out.append((str(p), start, min(size, start + shard_bytes)))
    return out


def run_staged(
    paths: Sequence[str],
    config: DuplicatesConfig | None = None,
    executor: Executor | None = None,
    *,
    work_dir: str | None = None,
    shard_bytes: int = SHARD_BYTES,
    partitions: int = 0,
    fields: tuple[str, str, str, str] = ("text", "id", "date", "source"),
    wants: Callable[[str], bool] | None = None,
    keep_work: bool = False,
    progress: Callable[[str], None] | None = None,
) -> StagedResult:
    """Document duplicates (DUP001, DUP002; DUP005/DUP006 when ``wants`` them) of JSON-lines files
    through the staged design. ``fields``: the text, id, date and source fields of a record. The work
    folder (a temporary one by default) holds every intermediate file; it is removed at the end
    unless ``keep_work``."""
    cfg = config or DuplicatesConfig()
    executor = executor or Executor()
    say = progress or (lambda _msg: None)
    wants = wants or (lambda rule: rule in ("DUP001", "DUP002"))
    made = work_dir is None
    root = Path(tempfile.mkdtemp(prefix="corpus-audit-staged-") if work_dir is None else work_dir)
    root.mkdir(parents=True, exist_ok=True)
    layout = Layout(root)
    staged = StagedStats()
    try:
        ranges = _ranges(paths, shard_bytes)
        total = sum(e - s for _, s, e in ranges)
        if partitions <= 0:
            est_rows = total / 2000 * cfg.bands
            partitions = max(4, math.ceil(est_rows / ROWS_PER_PARTITION))
        say(f"shards: {len(ranges)} tasks, {partitions} partitions")
        t0 = time.perf_counter()
        res = executor.map(
            stages.shard_stage, [(str(root), s, p, a, b, cfg, partitions, fields) for s, (p, a, b) in enumerate(ranges)]
        )
        counts = [r["documents"] for r in res]
        bases = np.zeros(len(counts) + 1, dtype=np.int64)
        np.cumsum(counts, out=bases[1:])
        save(layout.bases, bases)
        n = int(bases[-1])
        staged.record(
            "shards",
            res,
            time.perf_counter() - t0,
            documents=n,
            chars=sum(r["chars"] for r in res),
            unreadable=sum(r["unreadable"] for r in res),
        )
        # Per-document facts for the keep policy: 20 bytes a document on the driver.
        lengths, dates, sources = array("q"), array("d"), array("i")
        names: dict[str, int] = {}
        for s in range(len(ranges)):
            meta = np.load(layout.shard(s, "meta.npy"))
            local = json.loads(layout.shard(s, "src.json").read_text(encoding="utf-8"))
            remap = np.array([names.setdefault(x, len(names)) for x in local] or [0], dtype=np.int32)
            lengths.frombytes(meta["chars"].astype(np.int64).tobytes())
            dates.frombytes(meta["date"].astype(np.float64).tobytes())
            sources.frombytes(remap[meta["source"]].astype(np.int32).tobytes() if len(meta) else b"")

        say("exact partitions")
        t0 = time.perf_counter()
        res = executor.map(stages.exact_partition, [(str(root), p) for p in range(partitions)])
        staged.record("exact_partitions", res, time.perf_counter() - t0)
        groups: dict[int, list[int]] = {}
        for p in range(partitions):
            for f, m in np.load(root / "exact" / f"{p:04d}.npy").tolist():
                groups.setdefault(f, []).append(m)
        groups = {f: sorted(ms) for f, ms in sorted(groups.items())}
        ids = BlobStore(layout, "ids", bases)
        texts = BlobStore(layout, "txt", bases)
        corpus = Corpus(cfg, ids, texts.get, lengths, dates, sources, names, groups, wants=wants)  # type: ignore[arg-type]
        result = CorpusResult()
        if wants("DUP001"):
            exact_clusters(corpus, result)
        stats: dict[str, Any] = {}
        if any(wants(r) for r in ("DUP002", "DUP005", "DUP006")):
            staged_near_clusters(corpus, layout, executor, partitions, result, stats, staged, say)
        corpus.clear()
        named = {o: ids[o] for o in result.findings}
        return StagedResult(result, named, n, stats, staged)
    finally:
        if made and not keep_work:
            shutil.rmtree(root, ignore_errors=True)


__all__ = ["StagedResult", "components", "run_staged", "staged_near_clusters"]
