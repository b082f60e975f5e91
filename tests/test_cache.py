"""``scan --cache DIR``: document outcomes reused by later scans, with reports byte-identical to a scan
without the cache; every change that can change an outcome is a miss."""

from __future__ import annotations

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
        document_key(run, Document("a", "text", source="f.jsonl", locator=4, metadata={"source": "Reuters"})),
        document_key(run, Document("a", "text", source="f.jsonl", locator=3, metadata={"source": "AP"})),
        document_key(run, Document("a", "text", source="f.jsonl", locator=3, metadata={"source": "Reuters"})),
    }
    assert len(keys) == 8  # the last equals the first only without its folder
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
    assert "cannot use" in lines[0] and "checking every document" in lines[0]


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
