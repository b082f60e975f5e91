"""The staged dedup (audit.staged) finds the in-memory duplicates check's document clusters and
findings, on its own (run_staged) and inside scan (``[engine] dedup = "staged"`` / ``--work-dir``),
in this process, on a process pool and on a local Ray instance."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from audit.config import Config, EngineConfig
from audit.duplicates.config import DuplicatesConfig
from audit.duplicates.lsh import UnionFind
from audit.pipeline import scan
from audit.render.json_report import render
from audit.staged import run_staged
from audit.staged.driver import components
from audit.staged.executor import Executor, PoolExecutor
from audit.staged.stages import _read_range

SYLLABLES = "ka lo mi ren tus par vel dor qui sen bra tol mun fes gar ix ul om pen dri cas".split()


def _vocab(rng: random.Random, n: int = 1500) -> list[str]:
    out: set[str] = set()
    while len(out) < n:
        out.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))))
    return sorted(out)


def _words(rng: random.Random, vocab: list[str], n: int) -> list[str]:
    return [rng.choice(vocab) for _ in range(n)]


def _text(words: list[str], per_sentence: int = 14) -> str:
    sents = [" ".join(words[i : i + per_sentence]) for i in range(0, len(words), per_sentence)]
    paras = [". ".join(s.capitalize() for s in sents[i : i + 4]) + "." for i in range(0, len(sents), 4)]
    return "\n\n".join(paras)


def _edit(rng: random.Random, vocab: list[str], words: list[str], share: float) -> list[str]:
    out = list(words)
    for i in rng.sample(range(len(out)), max(1, int(len(out) * share))):
        out[i] = rng.choice(vocab)
    return out


def _corpus(seed: int = 3) -> list[dict]:
    """Unrelated stories with planted copies: exact copies (one longer by whitespace, so a keep policy
    can prefer a later copy), near copies, a shortened copy, a chain A ~ B ~ C whose ends are no
    copies (and share no words, so the star around A needs a second verification round), a
    template filled with other figures, short texts and an empty one."""
    rng = random.Random(seed)
    vocab = _vocab(rng)
    stories = [_words(rng, vocab, rng.randint(120, 260)) for _ in range(60)]
    recs: list[tuple[str, str]] = [(f"s{i:03d}", _text(w)) for i, w in enumerate(stories)]
    x, y = _words(rng, vocab, 110), _words(rng, vocab, 110)
    subjects = [" ".join(_words(rng, vocab, 7)) for _ in range(12)]

    def figures() -> str:
        return " ".join(f"{w} rose {rng.randint(10, 99)} percent to {rng.randint(100, 999)} million." for w in subjects)

    planted = [
        ("exact-a", recs[0][1]),
        ("exact-b", recs[0][1].replace("\n\n", "\n\n\n")),
        ("near-1a", _text(_edit(rng, vocab, stories[1], 0.03))),
        ("near-1b", _text(_edit(rng, vocab, stories[1], 0.03))),
        ("near-1c", _text(_edit(rng, vocab, stories[1], 0.05))),
        ("short-2", _text(stories[2][: int(len(stories[2]) * 0.7)])),
        ("near-of-exact", _text(_edit(rng, vocab, stories[0], 0.03))),
        ("template-a", figures().capitalize() + ". " + _text(stories[5][:60])),
        ("template-b", figures().capitalize() + ". " + _text(stories[5][:60])),
        ("tiny-a", "Too short to compare."),
        ("tiny-b", "Too short to compare."),
        ("tiny-c", "Too short to compare here."),
        ("empty", ""),
        ("stars-a", "* * *"),
        ("stars-b", "* * *"),
        ("dashes", "- - -"),
        ("accents-a", "\u201cÉté\u201d " + _text(stories[7]).replace("a", "\u00e0")),
        ("accents-b", '"ÉTÉ" ' + _text(stories[7]).replace("a", "\u00e0")),
    ]
    mixed = recs + planted
    rng.shuffle(mixed)
    mixed += [("chain-a", _text(x)), ("chain-b", _text(x + y)), ("chain-c", _text(y))]
    # The originals of the near copies come first, so the kept copy is not always the first record.
    return [{"id": i, "text": t, "date": f"2024-01-{1 + n % 28:02d}"} for n, (i, t) in enumerate(mixed)]


def _write(path: Path, recs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    return path


def _doc_clusters(clusters) -> list:
    return sorted(
        (c.kind, c.kept.document, tuple(m.document for m in c.members), round(c.similarity_min, 9))
        for c in clusters
        if c.level == "document"
    )


def _findings(report) -> list:
    return sorted(
        (d.id, f.rule, f.start, f.end, f.message)
        for d in report.documents
        for f in d.findings
        if f.rule.startswith("DUP")
    )


def _staged_findings(res) -> list:
    return sorted((res.ids[o], f.rule, f.start, f.end, f.message) for o, fs in res.result.findings.items() for f in fs)


RULES = ("DUP001", "DUP002", "DUP005", "DUP006")


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory) -> Path:
    return _write(tmp_path_factory.mktemp("staged") / "news.jsonl", _corpus())


@pytest.mark.parametrize("keep", ["first", "longest", "earliest"])
def test_run_staged_equals_in_memory(corpus_file: Path, keep: str, tmp_path: Path) -> None:
    dup = DuplicatesConfig(keep=keep)
    report = scan([str(corpus_file)], Config(select=RULES, jobs=1, sections={"duplicates": dup}))
    res = run_staged(
        [str(corpus_file)],
        dup,
        Executor(),
        shard_bytes=4096,
        partitions=3,
        wants=lambda r: r in RULES,
        work_dir=str(tmp_path / "work"),
    )
    assert res.documents == len(report.documents)
    memory = _doc_clusters(report.clusters)
    assert {c[0] for c in memory} == {"exact", "near"}
    assert _doc_clusters(res.result.clusters) == memory
    assert _staged_findings(res) == _findings(report)
    assert {f[1] for f in _findings(report)} >= {"DUP001", "DUP002", "DUP005"}
    stats = res.staged.stages
    assert stats["shards"]["tasks"] > 5  # the corpus spans many shards
    if keep == "first":
        assert stats["stars"]["rounds"] >= 1  # the chain's ends were verified in a later round
    assert res.stats["document_candidates"] == report.extra["duplicates"]["document_candidates"]
    assert res.stats["calibration"] == report.extra["duplicates"]["calibration"]


def test_chain_ends_are_not_one_cluster(corpus_file: Path) -> None:
    res = run_staged([str(corpus_file)], DuplicatesConfig(), Executor(), shard_bytes=8192, partitions=2)
    clusters = [(c.kind, c.kept.document, {m.document for m in c.members}) for c in res.result.clusters]
    assert ("near", "chain-a", {"chain-a", "chain-b"}) in clusters
    assert not any({"chain-a", "chain-c"} <= members for _, _, members in clusters)
    assert any(k == "exact" and m == {"s000", "exact-a", "exact-b"} for k, _, m in clusters)
    assert any(k == "exact" and m == {"stars-a", "stars-b"} for k, _, m in clusters)  # no words: by characters
    assert any({"accents-a", "accents-b", "s007"} & m == {"accents-a", "accents-b"} for _, _, m in clusters)
    tiny = [m for _, _, m in clusters if "tiny-a" in m]
    assert tiny == [{"tiny-a", "tiny-b"}]  # short texts: exact copies only, never near ones


def test_oversized_buckets_are_skipped_and_counted(corpus_file: Path) -> None:
    dup = DuplicatesConfig(max_bucket=2)
    report = scan([str(corpus_file)], Config(select=("DUP001", "DUP002"), jobs=1, sections={"duplicates": dup}))
    res = run_staged([str(corpus_file)], dup, Executor(), shard_bytes=4096, partitions=3)
    assert res.staged.stages["near_partitions"]["oversized_buckets"] > 0
    assert _doc_clusters(res.result.clusters) == _doc_clusters(report.clusters)


def test_process_pool_gives_the_same_clusters(corpus_file: Path) -> None:
    serial = run_staged([str(corpus_file)], None, Executor(), shard_bytes=4096, partitions=3)
    pool = PoolExecutor(2)
    try:
        pooled = run_staged([str(corpus_file)], None, pool, shard_bytes=4096, partitions=3)
    finally:
        pool.close()
    assert _doc_clusters(pooled.result.clusters) == _doc_clusters(serial.result.clusters)
    assert pooled.staged.stages["shards"]["worker_peak_mb"] > 0


def _comparable(report) -> dict:
    data = json.loads(render(report))
    data.pop("run", None)
    return data


@pytest.mark.parametrize("jobs", [1, 2])
def test_scan_with_staged_dedup_writes_the_same_report(corpus_file: Path, jobs: int, tmp_path: Path) -> None:
    base = Config(select=("DUP",), jobs=jobs)
    memory = _comparable(scan([str(corpus_file)], base))
    work = tmp_path / "work"
    staged_cfg = replace(base, engine=EngineConfig(dedup="staged", work_dir=str(work), partitions=3))
    staged = _comparable(scan([str(corpus_file)], staged_cfg))
    info = staged["duplicates"].pop("staged")
    assert info["shards"] >= 1 and info["partitions"] == 3
    assert staged == memory
    assert list(work.iterdir()) == []  # intermediate files removed


def test_cli_work_dir(corpus_file: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from audit.cli import app

    runner = CliRunner()
    outs = {}
    for name, extra in (("memory", []), ("staged", ["--work-dir", str(tmp_path / "w")])):
        out = tmp_path / name
        result = runner.invoke(
            app, ["scan", str(corpus_file), "--select", "DUP", "--format", "json", "--out", str(out), "-j", "1", *extra]
        )
        assert result.exit_code in (0, 1), result.output
        data = json.loads((out / "report.json").read_text(encoding="utf-8"))
        data.pop("run", None)
        data.get("duplicates", {}).pop("staged", None)
        outs[name] = data
    assert outs["staged"] == outs["memory"]


def test_engine_config_rejects_unknown_dedup() -> None:
    with pytest.raises(ValueError, match="dedup"):
        EngineConfig(dedup="disk")


def test_components_match_union_find() -> None:
    rng = np.random.default_rng(5)
    for _ in range(20):
        n = int(rng.integers(2, 60))
        m = int(rng.integers(0, 80))
        a, b = rng.integers(0, n, m) * 7, rng.integers(0, n, m) * 7  # sparse node numbers
        uf = UnionFind()
        for x, y in zip(a.tolist(), b.tolist(), strict=True):
            uf.union(x, y)
        expected = sorted(uf.components(set(a.tolist()) | set(b.tolist())))
        assert sorted(components(a, b)) == expected


@pytest.mark.parametrize("size", [1, 7, 50, 333])
def test_byte_ranges_read_every_line_once(tmp_path: Path, size: int) -> None:
    lines = [json.dumps({"id": str(i), "text": "x" * (i % 17)}) + "\n" for i in range(40)]
    path = tmp_path / "f.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    total = path.stat().st_size
    got = [ln.decode() for s in range(0, total, size) for _, ln in _read_range(str(path), s, min(total, s + size))]
    assert got == lines


def test_ray_gives_the_same_clusters(ray_instance, corpus_file: Path, tmp_path: Path) -> None:
    from audit.staged.executor import RayExecutor

    executor = RayExecutor(None, 2)
    res = run_staged([str(corpus_file)], None, executor, shard_bytes=4096, partitions=3, work_dir=str(tmp_path / "w"))
    serial = run_staged([str(corpus_file)], None, Executor(), shard_bytes=4096, partitions=3)
    engine = EngineConfig(kind="ray", workers=2, dedup="staged", work_dir=str(tmp_path / "s"), partitions=2)
    on_ray = _comparable(scan([str(corpus_file)], Config(select=("DUP",), engine=engine)))
    assert _doc_clusters(res.result.clusters) == _doc_clusters(serial.result.clusters)
    assert res.staged.stages["verify"]["tasks"] >= 1
    assert on_ray["duplicates"].pop("staged")["partitions"] == 2
    assert on_ray == _comparable(scan([str(corpus_file)], Config(select=("DUP",), jobs=1)))
