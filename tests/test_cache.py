"""``scan --cache DIR``: document outcomes reused by later scans, with reports byte-identical to a scan
without the cache; every change that can change an outcome is a miss."""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from audit import cache as cache_mod
from audit.cache import CacheError, OutcomeCache, document_key, run_fingerprint
from audit.config import Config, EngineConfig
from audit.model import Document
from audit.pipeline import ScanHooks, scan

ROOT = Path(__file__).resolve().parents[1]

TEXTS = [
    "The council approved the new budget on Tuesday after a long debate about schools and roads.",
    "The council approved the new budget on Tuesday after a long debate about schools and roads!",
    "Ayer el consejo aprobó el presupuesto nuevo tras un debate largo sobre escuelas y carreteras.",
    "Home | News | Sport | Weather\nClick here to subscribe to our newsletter\nShare this article",
    "Prices rose 40% last year, the highest rise ever recorded in the region, and will double again.",
]


def _corpus(folder: Path, texts=TEXTS) -> Path:
    path = folder / "corpus.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(texts)), "utf-8")
    return path


def _report(path: Path, cache_dir: Path | None, lines: list[str] | None = None, **config) -> str:
    engine = EngineConfig(cache=str(cache_dir) if cache_dir else "")
    report = scan(
        [str(path)],
        Config(jobs=1, engine=engine, **config),
        hooks=ScanHooks(on_cache=(lines if lines is not None else []).append),
    )
    from audit.render import json_report

    return json_report.render(report)


def test_a_warm_scan_reuses_every_outcome_and_writes_the_same_report(tmp_path):
    corpus = _corpus(tmp_path)
    plain = _report(corpus, None)
    lines: list[str] = []
    cold = _report(corpus, tmp_path / "cache", lines)
    warm = _report(corpus, tmp_path / "cache", lines)
    assert cold == plain and warm == plain
    assert "0 of 5 documents' checks reused, 5 outcomes stored" in lines[0]
    assert "5 of 5 documents' checks reused, 0 outcomes stored" in lines[1]


def test_a_changed_document_is_checked_again_and_the_others_are_reused(tmp_path):
    corpus = _corpus(tmp_path)
    _report(corpus, tmp_path / "cache")
    changed = [*TEXTS[:4], TEXTS[4].replace("40%", "45%")]
    _corpus(tmp_path, changed)
    lines: list[str] = []
    warm = _report(corpus, tmp_path / "cache", lines)
    assert "4 of 5 documents' checks reused, 1 outcomes stored" in lines[0]
    assert warm == _report(corpus, None)


def test_another_selection_or_setting_is_a_miss(tmp_path):
    corpus = _corpus(tmp_path)
    _report(corpus, tmp_path / "cache")
    lines: list[str] = []
    _report(corpus, tmp_path / "cache", lines, select=("artefact",))
    _report(corpus, tmp_path / "cache", lines, languages=("en",))
    # a corpus check's settings decide what the document stage prepares for it (signatures)
    from audit.duplicates import DuplicatesConfig

    _report(corpus, tmp_path / "cache", lines, sections={"duplicates": DuplicatesConfig(shingle_size=3)})
    assert all(line.split(": ")[1].startswith("0 of 5") for line in lines), lines
    # each configuration keeps its own entries
    again: list[str] = []
    _report(corpus, tmp_path / "cache", again, select=("artefact",))
    assert "5 of 5" in again[0]


def test_the_key_covers_everything_a_check_reads():
    run = "r"
    base = Document("a", "text", source="f.jsonl", locator=3, metadata={"source": "Reuters"}, folder="x")
    keys = {
        document_key(run, base),
        document_key("other run", base),
        document_key(run, Document("b", "text", source="f.jsonl", locator=3, metadata={"source": "Reuters"})),
        document_key(run, Document("a", "text ", source="f.jsonl", locator=3, metadata={"source": "Reuters"})),
        document_key(run, Document("a", "text", source="g.jsonl", locator=3, metadata={"source": "Reuters"})),
        document_key(run, Document("a", "text", source="f.jsonl", locator=3, metadata={"source": "AP"})),
        document_key(run, Document("a", "text", source="f.jsonl", locator=3, metadata={"source": "Reuters"})),
    }
    assert len(keys) == 7  # the last equals the first only without its folder
    # no check reads a record's line number: a record moved down its file by an inserted line is found again
    assert document_key(run, base) == document_key(run, dataclasses.replace(base, locator=40))
    # metadata order does not matter; a set's order in a config does not either
    assert document_key(run, Document("a", "t", metadata={"x": 1, "y": 2})) == document_key(
        run, Document("a", "t", metadata={"y": 2, "x": 1})
    )


def test_run_fingerprint_is_the_same_in_another_process():
    code = (
        "from audit.config import Config; from audit.policy import Policy; from audit.engine.common import build_checks;"
        "from audit.rules import DocumentCheck; from audit.cache import run_fingerprint;"
        "c = Config(); checks = build_checks(c, Policy.from_config(c));"
        "print(run_fingerprint([k for k in checks if isinstance(k, DocumentCheck)], ((), 'source', True), []))"
    )
    outs = {
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": s},
        ).stdout
        for s in ("1", "2")
    }
    assert len(outs) == 1 and len(next(iter(outs)).strip()) == 64
    assert run_fingerprint([], (), []) != run_fingerprint([], ((), "source", False), [])


def test_entries_of_older_code_are_deleted(tmp_path, monkeypatch):
    corpus = _corpus(tmp_path)
    _report(corpus, tmp_path / "cache")
    monkeypatch.setattr(cache_mod, "_CODE", "a newer version")
    lines: list[str] = []
    _report(corpus, tmp_path / "cache", lines)
    assert "0 of 5" in lines[0]
    with sqlite3.connect(tmp_path / "cache" / cache_mod.FILE_NAME) as db:
        assert {row[0] for row in db.execute("SELECT DISTINCT code FROM outcomes")} == {"a newer version"}


def test_a_damaged_entry_is_a_miss_and_a_damaged_file_is_not_fatal(tmp_path):
    corpus = _corpus(tmp_path)
    plain = _report(corpus, None)
    _report(corpus, tmp_path / "cache")
    with sqlite3.connect(tmp_path / "cache" / cache_mod.FILE_NAME) as db:
        db.execute("UPDATE outcomes SET value = X'00' WHERE rowid = (SELECT MIN(rowid) FROM outcomes)")
    lines: list[str] = []
    assert _report(corpus, tmp_path / "cache", lines) == plain
    assert "4 of 5" in lines[0] and "damaged entry" in lines[0]
    (tmp_path / "cache" / cache_mod.FILE_NAME).write_bytes(b"not a database" * 100)
    for name in ("-wal", "-shm"):
        (tmp_path / "cache" / (cache_mod.FILE_NAME + name)).unlink(missing_ok=True)
    lines.clear()
    assert _report(corpus, tmp_path / "cache", lines) == plain
    assert "replaced" in lines[0] and "0 of 5" in lines[0] and "5 outcomes stored" in lines[0]
    lines.clear()
    assert _report(corpus, tmp_path / "cache", lines) == plain
    assert "5 of 5" in lines[0] and "replaced" not in lines[0]


def test_a_folder_others_can_write_or_a_file_is_refused(tmp_path):
    open_dir = tmp_path / "open"
    open_dir.mkdir()
    open_dir.chmod(open_dir.stat().st_mode | stat.S_IWOTH)
    with pytest.raises(CacheError, match="writable by every user"):
        OutcomeCache(open_dir)
    a_file = tmp_path / "file"
    a_file.write_text("x")
    with pytest.raises(CacheError, match="not a folder"):
        OutcomeCache(a_file)


def test_cli_cache_option(tmp_path):
    corpus = _corpus(tmp_path)
    cmd = [sys.executable, "-m", "audit", "scan", str(corpus), "--format", "json", "--jobs", "1"]
    first = subprocess.run(
        [*cmd, "--out", str(tmp_path / "a"), "--cache", str(tmp_path / "c")], cwd=ROOT, capture_output=True, text=True
    )
    second = subprocess.run(
        [*cmd, "--out", str(tmp_path / "b"), "--cache", str(tmp_path / "c")], cwd=ROOT, capture_output=True, text=True
    )
    assert first.returncode == second.returncode == 0, first.stderr
    assert "5 outcomes stored" in first.stderr and "5 of 5 documents' checks reused" in second.stderr
    assert (tmp_path / "a" / "report.json").read_bytes() == (tmp_path / "b" / "report.json").read_bytes()
    bad = subprocess.run(
        [*cmd, "--out", str(tmp_path / "d"), "--cache", str(corpus)], cwd=ROOT, capture_output=True, text=True
    )
    assert bad.returncode == 2 and "not a folder" in bad.stderr


# ---------------------------------------------------------------------------
# Whatever changes between a scan that stores and one that reuses, the report is the one of a scan without
# the cache (session 14 review: each case changes one thing a document's outcome could depend on).

WIRE = [
    f"Story {i}. The council of district {i} approved the budget on Tuesday after a debate about {w} and roads. "
    f"The mayor said the {w} plan would cost {i + 3} million and start in spring, according to the minutes."
    for i, w in enumerate(
        "schools bridges parks harbours museums libraries clinics markets stations tunnels farms courts".split()
    )
]
SHORT = ["ok", "gracias amigo", "see you at 5", "qué tal el partido", "lol yes", "buenas noches a todos"]


def _jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def _records(texts=TEXTS, **extra) -> list[dict]:
    return [{"id": f"d{i}", "text": t, **extra} for i, t in enumerate(texts)]


def _warm_equals_plain(tmp_path: Path, paths, cold: dict, warm: dict, **kw) -> list[str]:
    """A scan storing outcomes under ``cold``'s configuration, then one reusing them under ``warm``'s: its
    report must be a scan's without the cache under ``warm``'s. Returns the cache lines of both scans."""
    lines: list[str] = []
    cache = tmp_path / "cache"

    def run(config: dict, use_cache: bool, extra_checks=()) -> str:
        config = dict(config)
        engine = config.pop("engine", EngineConfig())
        engine = EngineConfig(**{**engine.__dict__, "cache": str(cache) if use_cache else ""})
        report = scan(
            [str(p) for p in (paths() if callable(paths) else paths)],
            Config(**{"jobs": 1, **config}, engine=engine),
            hooks=ScanHooks(on_cache=lines.append),
            extra_checks=extra_checks() if callable(extra_checks) else extra_checks,
        )
        from audit.render import json_report, markdown

        out = json.loads(json_report.render(report))
        out.pop("run", None)
        return json.dumps(out, sort_keys=True) + markdown.render(report)

    run(cold, True, kw.get("cold_checks", ()))
    if "between" in kw:
        kw["between"]()
    warm_report = run(warm, True, kw.get("warm_checks", ()))
    assert warm_report == run(warm, False, kw.get("warm_checks", ()))
    return lines


@pytest.mark.parametrize(
    "cold, warm",
    [
        ({}, {"languages": ("es",)}),
        ({"languages": ("en",)}, {"languages": ("en", "es")}),
        ({}, {"severity": {"ART002": "error", "DUP001": "info"}}),
        ({}, {"ignore": ("ART002",)}),
        ({}, {"select": ("LANG", "DUP")}),
        ({}, {"source_field": "outlet"}),
        ({}, {"fail_on": "info"}),
        ({}, {"engine": EngineConfig(dedup="staged")}),
        ({"engine": EngineConfig(dedup="staged")}, {}),
    ],
    ids=["languages", "more-languages", "severity", "ignore", "select", "source-field", "fail-on", "staged", "memory"],
)
def test_a_changed_option_gives_the_report_of_a_scan_without_cache(tmp_path, cold, warm):
    corpus = _jsonl(tmp_path / "c.jsonl", _records([*TEXTS, *WIRE], source="wire", outlet="Daily"))
    _warm_equals_plain(tmp_path, [corpus], cold, warm)


def test_a_work_dir_for_staged_dedup(tmp_path):
    corpus = _jsonl(tmp_path / "c.jsonl", _records([*TEXTS, *WIRE, WIRE[3] + " Updated."]))
    staged = {"engine": EngineConfig(dedup="staged", work_dir=str(tmp_path / "work"))}
    _warm_equals_plain(tmp_path, [corpus], {}, staged)


def test_other_text_id_and_metadata_fields(tmp_path):
    recs = [{"id": f"d{i}", "key": f"k{i % 3}", "text": t, "body": t[::-1], "lang": "x"} for i, t in enumerate(WIRE)]
    corpus = _jsonl(tmp_path / "c.jsonl", recs)
    _warm_equals_plain(tmp_path, [corpus], {}, {"text_field": "body"})
    _warm_equals_plain(tmp_path, [corpus], {}, {"id_field": "key"})  # repeated ids: renamed k0#2 ...
    lines = _warm_equals_plain(
        tmp_path,
        [corpus],
        {},
        {},
        between=lambda: _jsonl(corpus, [{**r, "lang": "y"} if i % 2 else r for i, r in enumerate(recs)]),
    )
    assert f"{len(recs) // 2} of {len(recs)}" in lines[-1], lines


def test_ids_renamed_by_another_file_in_front(tmp_path):
    """A file read first that repeats ids renames the documents of the next (``d0#2``): their keys change."""
    (tmp_path / "in").mkdir()
    b = _jsonl(tmp_path / "in" / "b.jsonl", _records(WIRE))
    _warm_equals_plain(
        tmp_path, [tmp_path / "in"], {}, {}, between=lambda: _jsonl(tmp_path / "in" / "a.jsonl", _records(TEXTS))
    )
    assert b.exists()


def test_batch_neighbours_do_not_change_an_outcome(tmp_path):
    """Outcomes stored from batches of other documents are reused beside documents checked again in new
    batches (the cached ones are not in them); short records are read batch by batch (prepare_batch)."""
    texts = [*SHORT, *TEXTS, *WIRE, *SHORT[::-1]]
    corpus = tmp_path / "c.jsonl"
    _jsonl(corpus, _records(texts))
    changed = [t + " Yes." if i % 2 else t for i, t in enumerate(texts)]
    lines = _warm_equals_plain(tmp_path, [corpus], {}, {}, between=lambda: _jsonl(corpus, _records(changed)))
    assert f"{(len(texts) + 1) // 2} of {len(texts)}" in lines[-1], lines


def test_parallel_and_serial_stages_share_a_cache(tmp_path, monkeypatch):
    from audit.engine.local import Parallel

    monkeypatch.setattr(Parallel, "warmup", 2)
    monkeypatch.setattr(Parallel, "batch", 3)
    texts = [*SHORT, *TEXTS, *WIRE]
    corpus = tmp_path / "c.jsonl"
    _jsonl(corpus, _records(texts))
    _warm_equals_plain(
        tmp_path, [corpus], {"jobs": 2}, {"jobs": 1}, between=lambda: _jsonl(corpus, _records(texts[1:]))
    )
    _warm_equals_plain(tmp_path, [corpus], {"jobs": 1}, {"jobs": 2}, between=lambda: _jsonl(corpus, _records(texts)))


def test_a_huge_document_checked_in_windows(tmp_path, monkeypatch):
    from audit import windows

    monkeypatch.setattr(windows, "HUGE_CHARS", 3000)
    monkeypatch.setattr(windows, "WINDOW_CHARS", 2000)
    monkeypatch.setattr(windows, "MARGIN_CHARS", 200)
    monkeypatch.setattr(windows, "PASSAGE_CHARS", 500)
    big = "\n\n".join(WIRE * 3)
    assert windows.is_huge(big)
    corpus = tmp_path / "c.jsonl"
    _jsonl(corpus, _records([big, *TEXTS]))
    changed = big[:2500] + " Home | News | Sport\n" + big[2500:]
    _warm_equals_plain(tmp_path, [corpus], {}, {}, between=lambda: _jsonl(corpus, _records([changed, *TEXTS, big])))


def test_an_index_that_changed_between_scans(tmp_path):
    from audit.index import IndexConfig
    from audit.index.open import open_index
    from audit.minhash import MinHashParams
    from tests.test_index import entry

    corpus = _jsonl(tmp_path / "c.jsonl", _records([*TEXTS, *WIRE]))
    where = str(tmp_path / "index")
    with open_index(where, MinHashParams(), create=True) as idx:
        idx.add([entry(0, "An unrelated text about weather that nobody copied at all, " * 3)])

    def ingest():
        with open_index(where, MinHashParams()) as idx:
            idx.add([entry(1, WIRE[2]), entry(2, TEXTS[0])])

    with_index = {"sections": {"index": IndexConfig(path=where)}}
    _warm_equals_plain(tmp_path, [corpus], with_index, with_index, between=ingest)
    _warm_equals_plain(tmp_path, [corpus], {}, with_index)


_PLUGIN = """
from audit.rules import DocumentCheck

class CountingCheck(DocumentCheck):
    rules = ()

    def __init__(self, config=None, settings=None, weight=1):
        super().__init__(config, settings)
        self.weight = weight

    def check(self, ctx):
        ctx.stats["plugin_count"] = ctx.text.count("{LETTER}") * self.weight
        return ()
"""


def test_a_check_outside_the_package_is_keyed_by_its_code_and_attributes(tmp_path, monkeypatch):
    """A plugin's or a caller's check (``scan(extra_checks=...)``): another version of its module, or an
    instance built with other arguments, is a miss."""
    import importlib

    monkeypatch.syspath_prepend(str(tmp_path))
    module = tmp_path / "cachetest_plugin.py"
    module.write_text(_PLUGIN.replace("{LETTER}", "a"), "utf-8")
    mod = importlib.import_module("cachetest_plugin")
    corpus = _jsonl(tmp_path / "c.jsonl", _records(TEXTS))
    first = mod.CountingCheck()

    def new_version():
        module.write_text(_PLUGIN.replace("{LETTER}", "e"), "utf-8")
        importlib.reload(mod)

    lines = _warm_equals_plain(
        tmp_path, [corpus], {}, {}, between=new_version, cold_checks=[first], warm_checks=lambda: [mod.CountingCheck()]
    )
    assert "0 of 5" in lines[1], lines
    lines = _warm_equals_plain(
        tmp_path, [corpus], {}, {}, cold_checks=[mod.CountingCheck()], warm_checks=[mod.CountingCheck(weight=2)]
    )
    assert "0 of 5" in lines[1], lines  # weight=2: a miss


def test_another_language_model_file_is_another_code(tmp_path, monkeypatch):
    """``CORPUS_AUDIT_LID_MODEL`` swaps the fastText model the language check loads: part of the code's digest."""
    before = cache_mod.code_fingerprint()
    model = tmp_path / "lid.bin"
    model.write_bytes(b"another model")
    monkeypatch.setattr(cache_mod, "_CODE", None)
    monkeypatch.setenv("CORPUS_AUDIT_LID_MODEL", str(model))
    other = cache_mod.code_fingerprint()
    monkeypatch.setattr(cache_mod, "_CODE", None)
    model.write_bytes(b"a third model")
    assert len({before, other, cache_mod.code_fingerprint()}) == 3


def test_two_scans_writing_one_cache_at_once(tmp_path):
    corpus = _jsonl(tmp_path / "c.jsonl", _records([*TEXTS, *WIRE]))
    cmd = [sys.executable, "-m", "audit", "scan", str(corpus), "--format", "json", "--jobs", "1"]
    procs = [
        subprocess.Popen(
            [*cmd, "--out", str(tmp_path / f"o{i}"), "--cache", str(tmp_path / "c")],
            cwd=ROOT,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(2)
    ]
    errs = [p.communicate()[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errs
    plain = subprocess.run([*cmd, "--out", str(tmp_path / "p")], cwd=ROOT, capture_output=True, text=True)
    assert plain.returncode == 0
    for i in range(2):
        assert (tmp_path / f"o{i}" / "report.json").read_bytes() == (tmp_path / "p" / "report.json").read_bytes()
    lines: list[str] = []
    assert _report(corpus, tmp_path / "c", lines) == _report(corpus, None)
    assert "17 of 17" in lines[0], lines


def test_a_cache_file_of_another_layout_is_not_fatal(tmp_path):
    corpus = _corpus(tmp_path)
    (tmp_path / "cache").mkdir()
    with sqlite3.connect(tmp_path / "cache" / cache_mod.FILE_NAME) as db:
        db.execute("CREATE TABLE outcomes (k TEXT, v BLOB)")
        db.execute("INSERT INTO outcomes VALUES ('x', X'00')")
    lines: list[str] = []
    assert _report(corpus, tmp_path / "cache", lines) == _report(corpus, None)
    assert "replaced" in lines[0] and "columns ['k', 'v']" in lines[0], lines
    lines.clear()
    _report(corpus, tmp_path / "cache", lines)
    assert "5 of 5" in lines[0], lines
