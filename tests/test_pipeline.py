"""The pipeline: parallel document checks give exactly the serial result."""

from __future__ import annotations

import dataclasses
import json
import os

from audit.config import Config
from audit.pipeline import Parallel, TextStore, build_checks, finalize, run_checks
from audit.policy import Policy
from audit.readers import iter_inputs
from audit.render import json_report
from audit.rules import DocumentCheck


class _KillsTheWorker:
    """Unpickled in a worker process, it ends that process: a pool that breaks mid-run."""

    def __reduce__(self):
        return os._exit, (3,)


class _KillsItsWorker(DocumentCheck):
    """A check that ends the process it runs in unless it is the main process: a pool that breaks mid-run
    (forked workers check with the main process's checks, so they never unpickle a configuration)."""

    def __init__(self) -> None:
        super().__init__()
        self.main = os.getpid()

    def check(self, ctx):
        if os.getpid() != self.main:
            os._exit(3)
        return ()


def _report(paths, parallel_jobs: int | None, worker_config=None, extra=()):
    config = dataclasses.replace(Config(), jobs=1)
    policy = Policy.from_config(config)
    checks = build_checks(config, policy, extra)
    parallel = None
    if parallel_jobs:
        parallel = Parallel(worker_config or config, policy.enabled, jobs=parallel_jobs, warmup=2, batch=2)
    state, extra = run_checks(
        iter_inputs(paths, config.reader_config()), checks, settings=config.settings(), parallel=parallel
    )
    data = json.loads(json_report.render(finalize(state, extra, policy)))
    run = data.pop("run", None)  # which engine ran with how many workers: the one expected difference
    assert run == (None if parallel is None else {"engine": "local", "workers": parallel_jobs})
    return json.dumps(data)


def test_parallel_document_stage_matches_serial(corpus_dir, tmp_path):
    (tmp_path / "bad.jsonl").write_text('{"id": "r1", "text": "Prices rose 40% last year."}\n{nope\n', encoding="utf-8")
    (tmp_path / "z.txt").write_text(
        (corpus_dir / "004_0534d495edc3771c.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    paths = [str(corpus_dir), str(tmp_path)]
    serial = _report(paths, None)
    data = json.loads(serial)
    assert [(u["file"], u["line"]) for u in data["unreadable"]] == [("bad.jsonl", 2)]
    assert len(data["documents"]) == 7
    assert _report(paths, 2) == serial


def test_a_broken_worker_pool_falls_back_to_serial_with_the_same_report(corpus_dir, capfd):
    paths = [str(corpus_dir)]
    serial = _report(paths, None)
    # a worker that cannot start (spawned or fork-server workers unpickle the configuration), or one that
    # dies mid-run (forked workers)
    assert _report(paths, 2, worker_config=_KillsTheWorker()) == serial
    err = capfd.readouterr().err
    assert _report(paths, 2, extra=[_KillsItsWorker()]) == serial
    assert "worker processes stopped unexpectedly" in err + capfd.readouterr().err


def test_text_store_round_trip():
    store = TextStore()
    texts = ["", "plain", "ünïcödé “quotes”", "x" * 100_000]
    ords = [store.add(t) for t in texts]
    assert [store.get(i) for i in reversed(ords)] == list(reversed(texts))
    store.close()


def test_document_source_is_named_one_way_everywhere():
    from audit.model import Document
    from audit.rules import DocContext

    def src(meta=None, note=None, path="news/cbs/a.txt"):
        ctx = DocContext(Document(id="a", text="x", source=path, metadata=meta or {}), 0)
        if note:
            ctx.outlet = note
        return ctx

    # The record's field wins, then the page's headline outlet, then the folder, then ".".
    assert src({"source": " Reuters "}, note="CBS").source() == "Reuters"
    assert src({"outlet": "AP"}).source("outlet") == "AP"
    assert src({"source": ""}, note="CBS").source() == "CBS"
    assert src({"source": True}).source() == "news/cbs"
    assert src(path="a.txt").source() == "."
    from dataclasses import replace

    top = src(path="a.txt")
    top.doc = replace(top.doc, folder="corpus")
    assert top.source() == "corpus"


def test_repeated_ids_are_made_unique_and_listed(tmp_path):
    """Two shards numbered from 0: every document keeps a distinct id, and the renaming is listed."""
    from audit.pipeline import scan

    for shard in ("s1", "s2"):
        (tmp_path / f"{shard}.jsonl").write_text(
            "".join(
                json.dumps({"id": i, "text": f"Shard {shard} record {i} about the regional budget vote."}) + "\n"
                for i in range(3)
            ),
            encoding="utf-8",
        )
    (tmp_path / "s3.jsonl").write_text(
        json.dumps({"id": "0#2", "text": "A record whose own id looks renamed."}) + "\n", encoding="utf-8"
    )
    report = scan([str(tmp_path)], Config())
    ids = [d.id for d in report.documents]
    assert ids == ["0", "1", "2", "0#2", "1#2", "2#2", "0#2#2"]
    assert report.extra["renamed_ids"][0] == {"id": "0#2", "was": "0", "file": "s2.jsonl", "line": 1}
    assert report.summary()["renamed_ids"] == 4
    assert report.text_of("1#2").startswith("Shard s2 record 1")


def test_parquet_missing_source_and_timestamp_dates(tmp_path):
    """pandas writes a missing source as NaN: it is not a source named "nan". A timestamp column
    is a date that ``keep = "earliest"`` can use."""
    import datetime

    import pyarrow as pa
    import pyarrow.parquet as pq

    from audit.config import config_from_mapping
    from audit.pipeline import scan

    text = (
        "The port authority said on Thursday that container traffic rose for the third month in a row, "
        "helped by new routes to West Africa and a recovery in car exports."
    )
    pq.write_table(
        pa.table(
            {
                "id": ["late", "early"],
                "text": [text, text],
                "source": [float("nan"), 2.0],
                "date": [datetime.datetime(2024, 5, 2), datetime.datetime(2023, 1, 9)],
            }
        ),
        tmp_path / "news.parquet",
    )
    config = config_from_mapping({"select": ["DUP001"], "duplicates": {"keep": "earliest"}})
    report = scan([str(tmp_path / "news.parquet")], config)
    assert [d.source for d in report.documents] == [tmp_path.name, "2.0"]  # no source: the folder it is in
    (cluster,) = report.clusters
    assert cluster.kept.document == "early"


def test_warmup_ends_after_warmup_chars_of_text(monkeypatch):
    """A corpus of long documents goes parallel after ``warmup_chars`` characters, not only after
    ``warmup`` documents; a corpus under both limits never starts a pool."""
    from audit.engine import local as pipeline  # the document stage lives in the local engine
    from audit.model import Document
    from audit.rules import DocumentCheck

    class Nothing(DocumentCheck):
        def check(self, ctx):
            return ()

    started = []

    def fake_parallel(iterator, parallel, doc_checks, *prep):
        started.append(True)
        yield from pipeline._serial_stage(iterator, doc_checks)

    monkeypatch.setattr(pipeline, "_parallel_stage", fake_parallel)
    docs = [Document(f"d{i}", "word " * 200, source="x.txt") for i in range(6)]
    long_par = Parallel(Config(), frozenset(), jobs=2, warmup=1000, warmup_chars=2500)
    assert len(list(pipeline._document_stage(iter(docs), [Nothing()], long_par))) == 6
    assert started == [True]
    started.clear()
    small_par = Parallel(Config(), frozenset(), jobs=2, warmup=1000, warmup_chars=10**6)
    assert len(list(pipeline._document_stage(iter(docs), [Nothing()], small_par))) == 6
    assert started == []


def test_document_stage_hands_layer_parts_and_outlet_to_the_corpus_stage(monkeypatch):
    """The text-layer parts corpus checks read are computed with the document checks (in the workers,
    when parallel) and seeded on the corpus stage's context; the outlet is computed only when the
    record names no source, so a record with a source field never pays for it."""
    from audit.duplicates import DuplicateCheck
    from audit.engine import local as pipeline  # the document stage lives in the local engine
    from audit.model import Document
    from audit.rules import DocContext

    # The duplicates check reads no layer part: its exact key comes from the token hashes and its passage
    # units from prepare (which asks for the paragraph layout only when it uses it).
    assert DuplicateCheck().layer_needs == () and DuplicateCheck.prepares()
    text = "Markets fell.\n\nTraders said prices would recover."
    out = pipeline.DocOutcome.compute(
        DocContext(Document("d", text, source="x.txt", metadata={"source": "wire"}), -1),
        [],
        ("exact_key", "passages"),
        "source",
    )
    assert out.outlet is False  # never computed: the record names its source
    assert set(out.layer) == {"exact_key", "passages"}
    ctx = DocContext(Document("d", text, source="x.txt", metadata={"source": "wire"}), 0)
    out.apply(ctx)
    monkeypatch.setattr("audit.segment.passages", lambda t: (_ for _ in ()).throw(AssertionError("recomputed")))
    assert ctx.passages == out.layer["passages"] and ctx.layer.exact_key == out.layer["exact_key"]
    no_source = pipeline.DocOutcome.compute(DocContext(Document("e", text, source="x.txt"), -1), [], (), "source")
    assert no_source.outlet is not False  # computed with the document checks


def test_workers_fork_only_when_no_other_thread_runs(monkeypatch):
    import sys
    import threading

    from audit.engine import local as pipeline  # the document stage lives in the local engine

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert pipeline._start_method() == "fork"
    monkeypatch.setattr(threading, "active_count", lambda: 2)  # e.g. a progress bar's refresh thread
    assert pipeline._start_method() in ("forkserver", "spawn")
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert pipeline._start_method() != "fork"


def test_corpus_checks_prepare_their_per_document_work_in_the_workers(monkeypatch):
    """``CorpusCheck.prepare`` runs in the worker (here: the worker functions called in process) and its
    value reaches ``observe`` with the outcome, which then does not compute it again; the corpus check's
    state is the same as when ``observe`` computes everything itself (serial runs, the Ray engine)."""
    from audit.artefacts import EmptyDocumentCheck, RecurringLineCheck
    from audit.duplicates import DuplicateCheck
    from audit.engine import local
    from audit.model import Document
    from audit.rules import CorpusCheck, DocContext

    config = dataclasses.replace(Config(), jobs=1)
    enabled = Policy.from_config(config).enabled
    footer = "Subscribe to our newsletter for daily updates"
    docs = [
        Document(
            f"d{i}", f"Story {i} tells of a harbour and a mill.\n{footer}\n\nMore text about item {i} here.", "x.txt"
        )
        for i in range(5)
    ] + [
        Document("copy", "Story 0 tells of a harbour and a mill.\n" + footer, "x.txt"),
        Document("short", "Read more", "x.txt"),
    ]
    local._worker_init(config, enabled, (("exact_key", "passages"), "source"))
    assert {type(c) for c in local._WORKER_PREPARERS} == {RecurringLineCheck, DuplicateCheck, EmptyDocumentCheck}
    outcomes = local._worker_batch(docs)

    def observed(use_outcomes: bool):
        checks = [RecurringLineCheck(), DuplicateCheck(), EmptyDocumentCheck()]
        for i, (doc, out) in enumerate(zip(docs, outcomes, strict=True)):
            ctx = DocContext(doc, i)
            if use_outcomes:
                out.apply(ctx)
                assert set(ctx.prepared) == {c.prepare_key for c in checks}
            for c in checks:
                list(c.observe(ctx))
        rec, dup, empty = checks
        return (
            list(rec._keys),
            list(rec._ords),
            [tuple(map(tuple, a)) for a in dup._unit_loc],
            dict(dup._first),
            list(empty._hist),
            list(empty._short_ordinals),
        )

    serial = observed(False)
    monkeypatch.setattr(CorpusCheck, "prepare", lambda self, ctx: (_ for _ in ()).throw(AssertionError("again")))
    monkeypatch.setattr(RecurringLineCheck, "prepare", CorpusCheck.prepare)
    monkeypatch.setattr(DuplicateCheck, "prepare", CorpusCheck.prepare)
    monkeypatch.setattr(EmptyDocumentCheck, "prepare", CorpusCheck.prepare)
    assert observed(True) == serial and serial[0] and serial[5] == [6]  # the footer's key, from the worker's value


def test_prepared_falls_back_to_prepare_when_no_worker_computed_it():
    from audit.model import Document
    from audit.rules import CorpusCheck, DocContext

    class Counts(CorpusCheck):
        def prepare(self, ctx):
            return len(ctx.text)

    check = Counts()
    ctx = DocContext(Document("d", "four", "x.txt"), 0)
    assert Counts.prepares() and not CorpusCheck.prepares()
    assert check.prepared(ctx) == 4
    ctx.prepared[check.prepare_key] = 99
    assert check.prepared(ctx) == 99


def test_worker_tasks_are_bounded_by_documents_and_by_characters():
    """Long documents make small tasks (the last tasks of a run end together), short ones make tasks of
    ``batch`` documents; unreadable inputs ride along in their place."""
    from audit.engine.local import _tasks
    from audit.model import Document, Unreadable

    docs = [Document(f"d{i}", "x" * n, source="x.txt") for i, n in enumerate([10, 30_000, 30_000, 10, 10, 10])]
    bad = Unreadable(file="b.jsonl", reason="bad json", line=3)
    events = docs[:3] + [bad] + docs[3:]
    groups = list(_tasks(iter(events), 32, 50_000))
    assert [[getattr(e, "id", "bad") for e in g] for g in groups] == [["d0", "d1", "d2"], ["bad", "d3", "d4", "d5"]]
    assert [len(g) for g in _tasks(iter(docs), 2, 10**9)] == [2, 2, 2]


def test_a_subclass_that_keeps_prepare_reads_what_the_workers_base_check_prepared():
    """The workers build the registered check (``DuplicateCheck``); a run may swap in a subclass that keeps
    its ``prepare`` (the staged duplicates check): it finds the workers' value under the same key."""
    from audit.duplicates import DuplicateCheck
    from audit.rules import CorpusCheck
    from audit.staged.check import StagedDuplicateCheck

    assert StagedDuplicateCheck().prepare_key == DuplicateCheck().prepare_key
    assert DuplicateCheck().prepare_key == "audit.duplicates.check.DuplicateCheck"

    class Own(DuplicateCheck):
        def prepare(self, ctx):
            return []

    assert Own().prepare_key != DuplicateCheck().prepare_key
    assert CorpusCheck().prepare_key == "audit.rules.CorpusCheck"


def test_a_scan_collects_cyclic_garbage_less_often_and_restores_the_collector():
    """During a scan the collector's first threshold is at least GC_YOUNG (collections of the older
    generations walked the large live objects again and again: about 8% of a run's CPU); the caller's
    thresholds come back afterwards, and a higher one of the caller's is never lowered."""
    import gc

    from audit.engine.common import GC_YOUNG
    from audit.model import Document
    from audit.rules import DocumentCheck

    seen = []

    class Watch(DocumentCheck):
        def check(self, ctx):
            seen.append(gc.get_threshold()[0])
            return ()

    old = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        run_checks(iter([Document("d", "Some text.", source="x.txt")]), [Watch()])
        assert seen == [GC_YOUNG] and gc.get_threshold() == (700, 10, 10)
        gc.set_threshold(50_000, 10, 10)
        run_checks(iter([Document("d", "Some text.", source="x.txt")]), [Watch()])
        assert seen[-1] == 50_000 and gc.get_threshold() == (50_000, 10, 10)
    finally:
        gc.set_threshold(*old)
