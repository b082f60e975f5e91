"""The stage tasks. Each is a top-level function of plain arguments (a work folder, numbers, the
``[duplicates]`` config) that reads and writes files of :mod:`audit.staged.files`, so any executor can
run it: this process, a process pool, a Ray task on another machine sharing the work folder."""

from __future__ import annotations

import json
import time
from array import array
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from audit import minhash
from audit.duplicates import facts
from audit.duplicates.check import exact_keys
from audit.duplicates.config import DuplicatesConfig, parse_date
from audit.duplicates.corpus import Corpus
from audit.duplicates.lsh import band_keys16, estimate_ij
from audit.duplicates.near import PREFETCH_PAIRS, subject_change, verify_docs
from audit.duplicates.templates import PageTemplates
from audit.staged.files import (
    EXACT_BAND,
    META,
    REASONS,
    ROW,
    VERIFIED,
    BlobStore,
    Layout,
    SigStore,
    save,
    write_blob,
    write_json,
)
from audit.tokenhash import _splitmix64

#: Characters of text hashed per signature batch (bounds the temporary arrays of a shard task).
SIG_BATCH_CHARS = 1 << 21


# -- stage 1: shards ---------------------------------------------------------------------------------


def _partitioned(layout: Layout, kind: str, s: int, rows: np.ndarray, partitions: int) -> None:
    part = (rows["key"] % np.uint64(partitions)).astype(np.int64)
    order = np.argsort(part, kind="stable")
    rows, part = rows[order], part[order]
    cuts = np.searchsorted(part, np.arange(partitions + 1))
    for p in range(partitions):
        if cuts[p + 1] > cuts[p]:
            save(layout.rows(kind, p, s), rows[cuts[p] : cuts[p + 1]])


def write_exact_rows(layout: Layout, s: int, local: np.ndarray, keys: np.ndarray, partitions: int) -> None:
    rows = np.empty(len(local), dtype=ROW)
    rows["band"] = EXACT_BAND
    rows["key"] = keys
    rows["doc"] = local
    _partitioned(layout, "exact", s, rows, partitions)


def write_signatures(
    layout: Layout, s: int, local: np.ndarray, sig16: np.ndarray, cfg: DuplicatesConfig, partitions: int
) -> None:
    """A shard's uint16 signatures (rows of shard-local documents ``local``, ascending) and their
    band rows, partitioned by key."""
    save(layout.shard(s, "sig.npy"), np.ascontiguousarray(sig16, dtype=np.uint16))
    save(layout.shard(s, "sigdoc.npy"), np.asarray(local, dtype=np.int64))
    n = len(local)
    rows = np.empty(n * cfg.bands, dtype=ROW)
    for band in range(cfg.bands):
        part = rows[band * n : (band + 1) * n]
        part["band"] = band
        part["key"] = band_keys16(sig16, cfg.bands, cfg.rows, band)
        part["doc"] = local
    _partitioned(layout, "near", s, rows, partitions)


_CHARS_SALT = np.uint64(0x5BD1E9955BD1E995)


def _key64(key: int | tuple[str, int]) -> int:
    """A uint64 row key for an exact-copy key of :func:`audit.duplicates.check.exact_keys` (a text
    without words is keyed by its characters: mixed apart from the word-sequence keys)."""
    if isinstance(key, tuple):
        return int(_splitmix64(np.array([key[1] & 0xFFFFFFFFFFFFFFFF], dtype=np.uint64) ^ _CHARS_SALT)[0])
    return key & 0xFFFFFFFFFFFFFFFF


def near_signatures(texts: Sequence[str], cfg: DuplicatesConfig) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """uint16 signatures of the texts with at least ``min_words`` words, which texts those are, and
    every text's exact-copy key (as the in-memory check computes both, from one tokenisation)."""
    params, span_params = cfg.doc_params(), cfg.passage_params()
    sigs, keep, keys = [], [], []
    i = 0
    while i < len(texts):
        j, size = i, 0
        while j < len(texts) and (j == i or size + len(texts[j]) <= SIG_BATCH_CHARS):
            size += len(texts[j])
            j += 1
        chunk = list(texts[i:j])
        batch = minhash.batch_signatures(chunk, [[] for _ in chunk], params, span_params)
        ok = batch.doc_words >= cfg.min_words
        sigs.append(batch.doc_sigs[ok].astype(np.uint16))
        keep.append(np.flatnonzero(ok) + i)
        keys.append(np.array([_key64(k) for k in exact_keys(chunk, batch, params.seed)], dtype=np.uint64))
        i = j
    if not sigs:
        return np.zeros((0, cfg.num_perm), dtype=np.uint16), np.zeros(0, dtype=np.int64), np.zeros(0, np.uint64)
    return np.concatenate(sigs), np.concatenate(keep), np.concatenate(keys)


def _read_range(path: str, start: int, end: int):
    """The lines of a JSON-lines file that start in bytes ``[start, end)``."""
    with open(path, "rb") as fh:
        if start > 0:
            fh.seek(start - 1)
            fh.readline()  # the line that started before ``start`` belongs to the previous range
        while fh.tell() < end:
            line = fh.readline()
            if not line:
                break
            yield fh.tell() - len(line), line


def shard_stage(
    root: str,
    s: int,
    path: str,
    start: int,
    end: int,
    cfg: DuplicatesConfig,
    partitions: int,
    fields: tuple[str, str, str, str] = ("text", "id", "date", "source"),
) -> dict[str, Any]:
    """Stage 1 over the JSON-lines records starting in bytes ``[start, end)`` of ``path``: texts, ids,
    facts, signatures and partitioned rows of shard ``s``. Returns counts."""
    t0 = time.process_time()
    layout = Layout(root)
    text_field, id_field, date_field, source_field = fields
    texts: list[str] = []
    ids: list[str] = []
    dates: list[float] = []
    srcs: list[int] = []
    names: dict[str, int] = {}
    bad = 0
    for offset, line in _read_range(path, start, end):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            text = rec[text_field]
        except (ValueError, KeyError, TypeError):
            bad += 1
            continue
        if not isinstance(text, str):
            bad += 1
            continue
        texts.append(text)
        rid = rec.get(id_field)
        ids.append(str(rid) if rid is not None else f"{Path(path).name}@{offset}")
        dates.append(parse_date(rec.get(date_field)))
        src = rec.get(source_field)
        srcs.append(names.setdefault(str(src) if src not in (None, "") else "", len(names)))
    write_blob(layout, s, "txt", texts)
    write_blob(layout, s, "ids", ids)
    meta = np.empty(len(texts), dtype=META)
    meta["chars"] = [len(t) for t in texts]
    meta["date"] = dates
    meta["source"] = srcs
    save(layout.shard(s, "meta.npy"), meta)
    write_json(layout.shard(s, "src.json"), list(names))
    ok = [i for i, t in enumerate(texts) if t.strip() and len(t.strip()) >= cfg.min_chars]
    sig16, which, keys = near_signatures([texts[i] for i in ok], cfg)
    write_exact_rows(layout, s, np.asarray(ok, dtype=np.int64), keys, partitions)
    write_signatures(layout, s, np.asarray(ok, dtype=np.int64)[which], sig16, cfg, partitions)
    return {
        "shard": s,
        "documents": len(texts),
        "unreadable": bad,
        "chars": int(meta["chars"].sum()),
        "cpu_s": time.process_time() - t0,
    }


# -- stages 2 and 3: partitions ------------------------------------------------------------------------


def _load_rows(layout: Layout, kind: str, p: int, bases: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(band, key, global document) of every row of partition ``p``."""
    bands, keys, docs = [], [], []
    for f in layout.row_files(kind, p):
        rows = np.load(f)
        bands.append(rows["band"])
        keys.append(rows["key"])
        docs.append(rows["doc"].astype(np.int64) + bases[int(f.stem)])
    if not docs:
        return np.zeros(0, np.uint16), np.zeros(0, np.uint64), np.zeros(0, np.int64)
    return np.concatenate(bands), np.concatenate(keys), np.concatenate(docs)


def _runs(bands: np.ndarray, keys: np.ndarray, docs: np.ndarray):
    """Rows sorted by (band, key, document); run starts; each row's run start and run length."""
    order = np.lexsort((docs, keys, bands))
    b, k, d = bands[order], keys[order], docs[order]
    new = np.ones(len(d), dtype=bool)
    new[1:] = (b[1:] != b[:-1]) | (k[1:] != k[:-1])
    run_id = np.cumsum(new) - 1
    start = np.flatnonzero(new)
    length = np.diff(np.append(start, len(d)))
    return d, new, start[run_id], length[run_id]


def exact_partition(root: str, p: int) -> dict[str, Any]:
    """Stage 2: groups of documents with equal content keys in partition ``p``, as (first, member)
    rows in ``exact/P.npy`` (every member, the first included)."""
    t0 = time.process_time()
    layout = Layout(root)
    bases = np.load(layout.bases)
    bands, keys, docs = _load_rows(layout, "exact", p, bases)
    d, _new, first, length = _runs(bands, keys, docs)
    sel = length > 1
    out = np.stack([d[first[sel]], d[sel]], 1) if sel.any() else np.zeros((0, 2), np.int64)
    save(layout.root / "exact" / f"{p:04d}.npy", out.astype(np.int64))
    return {"partition": p, "rows": len(d), "grouped": int(sel.sum()), "cpu_s": time.process_time() - t0}


def _node_map(layout: Layout) -> tuple[np.ndarray, np.ndarray]:
    path = layout.root / "repkept.npy"
    rk = np.load(path) if path.exists() else np.zeros((0, 2), np.int64)
    return rk[:, 0].copy(), rk[:, 1].copy()


def to_nodes(firsts: np.ndarray, rk_first: np.ndarray, rk_kept: np.ndarray) -> np.ndarray:
    """The verified text of each document: its exact group's kept copy, else itself."""
    out = np.asarray(firsts, dtype=np.int64).copy()
    if len(rk_first):
        pos = np.minimum(np.searchsorted(rk_first, out), len(rk_first) - 1)
        hit = rk_first[pos] == out
        out[hit] = rk_kept[pos[hit]]
    return out


def near_partition(root: str, p: int, max_bucket: int) -> dict[str, Any]:
    """Stage 3: candidate pairs of partition ``p``: in each (band, key) bucket every member with the
    first member and with its predecessor (buckets over ``max_bucket`` skipped and counted), written
    to ``cand/V/P.npy`` by the shard V of the text verified first."""
    t0 = time.process_time()
    layout = Layout(root)
    bases = np.load(layout.bases)
    bands, keys, docs = _load_rows(layout, "near", p, bases)
    dropped_path = layout.root / "dropped.npy"
    if dropped_path.exists() and len(docs):
        dropped = np.load(dropped_path)
        if len(dropped):
            pos = np.minimum(np.searchsorted(dropped, docs), len(dropped) - 1)
            keep = dropped[pos] != docs
            bands, keys, docs = bands[keep], keys[keep], docs[keep]
    info: dict[str, Any] = {"partition": p, "rows": int(len(docs)), "oversized_buckets": 0, "oversized_rows": 0}
    info["pairs"] = 0
    if len(docs) < 2:
        return info
    d, new, first, length = _runs(bands, keys, docs)
    big = new & (length > max_bucket)
    info["oversized_buckets"] = int(big.sum())
    info["oversized_rows"] = int(length[big].sum())
    pos = np.flatnonzero(~new & (length <= max_bucket))
    f = first[pos]
    later = pos - 1 > f
    left = d[np.concatenate([f, pos[later] - 1])]
    right = d[np.concatenate([pos, pos[later]])]
    packed = np.unique(left << 32 | right)
    info["pairs"] = int(len(packed))
    info["cpu_s"] = time.process_time() - t0
    if not len(packed):
        return info
    rk_first, rk_kept = _node_map(layout)
    task = np.searchsorted(bases, to_nodes(packed >> 32, rk_first, rk_kept), side="right") - 1
    order = np.argsort(task, kind="stable")
    packed, task = packed[order], task[order]
    cuts = np.flatnonzero(np.diff(task)) + 1
    for chunk, v in zip(np.split(packed, cuts), task[np.concatenate(([0], cuts))].tolist(), strict=True):
        save(layout.cand(v, p), chunk)
    return info


# -- stage 4: verification where the texts live ---------------------------------------------------------


def _corpus(layout: Layout, cfg: DuplicatesConfig, bases: np.ndarray) -> Corpus:
    texts = BlobStore(layout, "txt", bases)
    return Corpus(cfg, [], texts.get, array("q"), array("d"), array("i"), {}, {})


def verify_pairs(corpus: Corpus, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Verify pairs (``a[k]`` read first) as the in-memory check does: word alignment, then the
    same-template test on the aligned spans. Every result is kept, accepted or not."""
    cfg = corpus.config
    out = np.zeros(len(a), dtype=VERIFIED)
    out["a"], out["b"] = a, b
    al_, bl = a.tolist(), b.tolist()
    # Page furniture (audit.duplicates.templates): the shared runs that are not prose; the template units
    # of the in-memory check need the passage units, which the staged dedup does not record.
    pages = PageTemplates(corpus, None) if cfg.template_min_pages > 0 else None
    aligned: dict = {}
    for c in range(0, len(al_), PREFETCH_PAIRS):
        corpus.prefetch(set(al_[c : c + PREFETCH_PAIRS]) | set(bl[c : c + PREFETCH_PAIRS]))
        for k in range(c, min(c + PREFETCH_PAIRS, len(al_))):
            x, y = al_[k], bl[k]
            edge = verify_docs(corpus, x, y, aligned)
            alignment = aligned.pop((x, y), None)
            sim, dup = corpus.calibration[-1]
            row = out[k]
            row["sim"], row["duplicate"] = sim, dup
            if edge is None:
                continue
            row["status"] = 1
            if facts.same_template(
                corpus.raw(x)[edge.span_a[0] : edge.span_a[1]],
                corpus.raw(y)[edge.span_b[0] : edge.span_b[1]],
                cfg.template_min_figures,
                cfg.template_max_fact_share,
            ):
                row["status"] = 2
            elif pages is not None and alignment is not None and not pages.keeps(x, y, alignment):
                row["status"] = 3
            elif alignment is not None and subject_change(corpus, x, y, alignment.runs):
                row["status"] = 4
            row["reason"] = REASONS.index(edge.reason)
            row["sa0"], row["sa1"] = edge.span_a
            row["sb0"], row["sb1"] = edge.span_b
            row["ca"], row["cb"] = edge.coverage_a, edge.coverage_b
    corpus.calibration.clear()
    return out


def verify_stage(root: str, r: int, v: int, cfg: DuplicatesConfig) -> dict[str, Any]:
    """Stage 4, task ``v`` of round ``r``: round 0 verifies the candidate pairs of shard ``v`` that
    reach ``min_estimate``; later rounds verify the (kept copy, member) pairs the driver asks for."""
    t0 = time.process_time()
    layout = Layout(root)
    bases = np.load(layout.bases)
    info: dict[str, Any] = {"task": v, "round": r}
    if r == 0:
        files = layout.cand_files(v)
        packed = np.unique(np.concatenate([np.load(f) for f in files])) if files else np.zeros(0, np.int64)
        i, j = packed >> 32, packed & 0xFFFFFFFF
        sigs = SigStore(layout, bases, cfg.num_perm)
        both = np.concatenate([sigs.rows(i), sigs.rows(j)])
        est = estimate_ij(both, np.arange(len(i)), np.arange(len(i)) + len(i))
        keep = est >= cfg.min_estimate
        rk_first, rk_kept = _node_map(layout)
        a, b = to_nodes(i[keep], rk_first, rk_kept), to_nodes(j[keep], rk_first, rk_kept)
        info["candidates"] = int(keep.sum())
    else:
        packed = np.load(layout.need(r, v))
        a, b = packed >> 32, packed & 0xFFFFFFFF
    order = np.lexsort((b, a))
    result = verify_pairs(_corpus(layout, cfg, bases), a[order], b[order])
    save(layout.verified(r, v), result)
    info["verified"] = len(result)
    info["cpu_s"] = time.process_time() - t0
    return info


__all__ = [
    "exact_partition",
    "near_partition",
    "near_signatures",
    "shard_stage",
    "verify_pairs",
    "verify_stage",
    "write_exact_rows",
    "write_signatures",
]
