"""The pre-ingest filter: line formats, accounting, index round trips, atomic outputs (in process, CliRunner)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from audit import filter as filter_mod
from audit.cli import app
from audit.config import config_from_mapping
from audit.errors import ConfigError
from audit.filter import filter_paths

runner = CliRunner()

EN = [
    "The city council approved the new budget on Tuesday after a long debate about roads, schools and the "
    "library that residents of the northern districts have asked for since the floods two years ago.",
    "Researchers at the university published a study on Thursday showing that river temperatures in the "
    "valley rose by almost two degrees over the last decade, with consequences for trout and salmon.",
    "The national football team lost its qualifying match in the rain on Saturday evening, and the coach "
    "said afterwards that injuries to three defenders had forced him to change the starting line-up.",
    "A fire broke out in a warehouse near the harbour early on Monday morning; firefighters needed four "
    "hours to bring it under control and nobody was hurt, according to a statement from the port authority.",
]
ES = [
    "El ayuntamiento aprobó el martes el nuevo presupuesto tras un largo debate sobre carreteras, escuelas y "
    "la biblioteca que los vecinos de los barrios del norte reclaman desde las inundaciones de hace dos años.",
    "Los investigadores de la universidad publicaron el jueves un estudio que muestra que la temperatura de "
    "los ríos del valle subió casi dos grados en la última década, con consecuencias para truchas y salmones.",
]


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def rec(doc_id: str, text: str, **extra) -> str:
    return json.dumps({"id": doc_id, "text": text, **extra}, ensure_ascii=False)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def run_filter(tmp: Path, *inputs: Path, extra: list[str] = (), name: str = "out"):
    keep, reject = tmp / f"{name}.kept.jsonl", tmp / f"{name}.rejected.jsonl"
    args = ["filter", *map(str, inputs), "--keep", str(keep), "--reject", str(reject), *extra]
    result = runner.invoke(app, args)
    return result, keep, reject


def near_copy(text: str) -> str:
    return "UPDATED " + text + " Read more on our website."


def test_line_formats_and_every_line_accounted_for(tmp_path):
    lines = [
        # odd spacing, key order and a non-ASCII escape: a kept line must be byte-identical
        '{"text":  "' + EN[0] + '", "id": "a1", "meta": {"k": [1, 2]}, "title": "Caf\\u00e9"}',
        rec("a2", EN[1]),
        rec("a3", EN[0].upper()),  # exact duplicate of a1 after normalisation
        rec("a4", near_copy(EN[1])),
        "{not json",
        "[1, 2, 3]",
        '{"id": "nofield", "body": "x"}',
        "",
        rec("a5", ""),  # empty document
        rec("a6", ES[0]),
    ]
    src = write_jsonl(tmp_path / "batch.jsonl", lines)
    (tmp_path / "bad.jsonl").write_bytes(b'{"id": "b1", "text": "caf\xe9"}\n' + rec("b2", EN[2]).encode() + b"\n")
    result, keep, reject = run_filter(tmp_path, src, tmp_path / "bad.jsonl")
    assert result.exit_code == 0, result.output  # the contract: unparseable lines are data, rejected and counted
    kept_lines = keep.read_text(encoding="utf-8").splitlines()
    rejected = read_jsonl(reject)
    assert len(kept_lines) + len(rejected) == len(lines) + 2  # every line, blank and malformed included
    assert kept_lines[0] == lines[0]
    assert [json.loads(k)["id"] for k in kept_lines] == ["a1", "a2", "a6", "b2"] or [
        json.loads(k)["id"] for k in kept_lines
    ] == ["a1", "a2", "a4", "a6", "b2"]
    by_id = {r["id"]: r for r in rejected if "id" in r}
    dup = by_id["a3"]
    assert dup["record"] == json.loads(lines[2])
    assert dup["reasons"][0]["rule"] == "DUP001"
    assert dup["reasons"][0]["duplicate_of"] == "a1"
    assert dup["reasons"][0]["similarity"] == 1.0
    assert set(dup) == {"id", "record", "reasons"}
    assert by_id["a5"]["reasons"][0]["rule"] == "ART001"
    assert "duplicate_of" not in by_id["a5"]["reasons"][0]
    bad = [r for r in rejected if "file" in r]
    assert {(r["file"], r["line"]) for r in bad} == {
        ("batch.jsonl", 5),
        ("batch.jsonl", 6),
        ("batch.jsonl", 7),
        ("batch.jsonl", 8),
        ("bad.jsonl", 1),
    }
    for r in bad:
        assert set(r) == {"file", "line", "raw", "reasons"}
        assert r["reasons"][0]["rule"] == "unreadable" and r["reasons"][0]["message"]
    assert next(r for r in bad if r["line"] == 5)["raw"] == "{not json"
    assert "invalid UTF-8" in next(r for r in bad if r["file"] == "bad.jsonl")["reasons"][0]["message"]
    assert "kept" in result.stderr and "rejected" in result.stderr and "DUP001 1" in result.stderr


def test_plain_text_inputs_become_id_text_records(tmp_path):
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    (folder / "one.txt").write_text(EN[0], encoding="utf-8")
    (folder / "sub" / "two.md").write_text(EN[1] + "\n", encoding="utf-8")
    (folder / "copy.txt").write_text(EN[0] + "\n\n", encoding="utf-8")
    result, keep, reject = run_filter(tmp_path, folder)
    assert result.exit_code == 0, result.output
    kept = read_jsonl(keep)
    assert kept == [{"id": "copy.txt", "text": EN[0] + "\n\n"}, {"id": "sub/two.md", "text": EN[1] + "\n"}]
    (rej,) = read_jsonl(reject)
    assert rej["id"] == "one.txt" and rej["record"] == {"id": "one.txt", "text": EN[0]}
    assert rej["reasons"][0]["duplicate_of"] == "copy.txt"


def test_second_batch_against_index_names_the_original(tmp_path):
    idx = tmp_path / "index"
    b1 = write_jsonl(tmp_path / "b1.jsonl", [rec(f"first-{i}", t, source="wire") for i, t in enumerate(EN + ES)])
    result, keep1, _ = run_filter(tmp_path, b1, extra=["--index", str(idx), "--update-index"], name="one")
    assert result.exit_code == 0, result.output
    assert len(keep1.read_text().splitlines()) == 6
    assert "6 documents added, 6 in total" in result.stderr
    import sqlite3

    with sqlite3.connect(idx / "index.sqlite") as conn:  # the source as the report names it (the record's field)
        assert {s for (s,) in conn.execute("SELECT DISTINCT source FROM docs")} == {"wire"}
    b2 = write_jsonl(
        tmp_path / "b2.jsonl",
        [
            rec("second-0", EN[2].replace("  ", " ")),  # exact copy of first-2
            rec("second-1", near_copy(EN[0])),  # near copy of first-0
            rec("second-2", "Completely new: " + EN[3][::-1]),  # new text
            rec("second-3", ES[1].lower()),  # exact after normalisation
        ],
    )
    result, keep2, reject2 = run_filter(tmp_path, b2, extra=["--index", str(idx), "--update-index"], name="two")
    assert result.exit_code == 0, result.output
    assert [json.loads(k)["id"] for k in keep2.read_text().splitlines()] == ["second-2"]
    reasons = {r["id"]: r["reasons"][0] for r in read_jsonl(reject2)}
    assert reasons["second-0"]["rule"] == "DUP010" and reasons["second-0"]["duplicate_of"] == "first-2"
    assert reasons["second-3"]["rule"] == "DUP010" and reasons["second-3"]["duplicate_of"] == "first-5"
    assert reasons["second-1"]["rule"] == "DUP011" and reasons["second-1"]["duplicate_of"] == "first-0"
    assert 0.7 <= reasons["second-1"]["similarity"] < 1.0
    assert "1 documents added, 7 in total" in result.stderr
    # a re-run of batch two recognises second-2 as its own claim: the same KEPT and REJECTED
    result, keep3, reject3 = run_filter(tmp_path, b2, extra=["--index", str(idx)], name="three")
    assert keep3.read_bytes() == keep2.read_bytes() and reject3.read_bytes() == reject2.read_bytes()
    # another batch with the same text under another id is a duplicate of it
    b3 = write_jsonl(tmp_path / "b3.jsonl", [rec("third-0", "Completely new: " + EN[3][::-1])])
    result, _, reject4 = run_filter(tmp_path, b3, extra=["--index", str(idx)], name="four")
    assert read_jsonl(reject4)[0]["reasons"][0]["duplicate_of"] == "second-2"


def test_scan_with_index_reports_without_changing_it(tmp_path):
    idx = tmp_path / "index"
    b1 = write_jsonl(tmp_path / "b1.jsonl", [rec("orig", EN[0])])
    assert run_filter(tmp_path, b1, extra=["--index", str(idx), "--update-index"])[0].exit_code == 0
    db = idx / "index.sqlite"
    before = db.read_bytes()
    b2 = write_jsonl(tmp_path / "b2.jsonl", [rec("again", EN[0]), rec("new", EN[1])])
    out = tmp_path / "rep"
    result = runner.invoke(
        app,
        [
            "scan",
            str(b2),
            "--index",
            str(idx),
            "--out",
            str(out),
            "--format",
            "json",
            "--fail-on",
            "error",
            "--select",
            "DUP",
        ],
    )
    assert result.exit_code == 1, result.output
    report = json.loads((out / "report.json").read_text())
    (finding,) = [f for d in report["documents"] for f in d["findings"]]
    assert finding["rule"] == "DUP010" and finding["related"][0]["document"] == "orig"
    assert db.read_bytes() == before
    # without --fail-on the same scan exits 0
    result = runner.invoke(
        app, ["scan", str(b2), "--index", str(idx), "--out", str(out), "--format", "json", "--select", "DUP"]
    )
    assert result.exit_code == 0


def test_incompatible_index_is_refused(tmp_path):
    idx = tmp_path / "index"
    b1 = write_jsonl(tmp_path / "b1.jsonl", [rec("orig", EN[0])])
    assert run_filter(tmp_path, b1, extra=["--index", str(idx), "--update-index"])[0].exit_code == 0
    cfg = tmp_path / "corpus-audit.toml"
    cfg.write_text("[index]\nnum_perm = 64\nbands = 16\n", encoding="utf-8")
    result, keep, reject = run_filter(tmp_path, b1, extra=["--index", str(idx), "--config", str(cfg)], name="two")
    assert result.exit_code == 2
    assert "incompatible parameters" in result.stderr and "num_perm" in result.stderr
    assert not keep.exists() and not reject.exists()
    result = runner.invoke(
        app, ["scan", str(b1), "--index", str(idx), "--config", str(cfg), "--out", str(tmp_path / "r")]
    )
    assert result.exit_code == 2 and "num_perm" in result.stderr


def test_index_from_another_normalisation_version_is_refused(tmp_path, monkeypatch):
    import audit.minhash

    idx = tmp_path / "index"
    b1 = write_jsonl(tmp_path / "b1.jsonl", [rec("orig", EN[0])])
    assert run_filter(tmp_path, b1, extra=["--index", str(idx), "--update-index"])[0].exit_code == 0
    monkeypatch.setattr(audit.minhash, "NORMALIZATION_VERSION", 999)
    result, _, _ = run_filter(tmp_path, b1, extra=["--index", str(idx)])
    assert result.exit_code == 2 and "normalization_version" in result.stderr


def test_missing_index_and_usage_errors(tmp_path):
    b1 = write_jsonl(tmp_path / "b1.jsonl", [rec("orig", EN[0])])
    result, keep, _ = run_filter(tmp_path, b1, extra=["--index", str(tmp_path / "nope")])
    assert result.exit_code == 2 and "no index" in result.stderr and not keep.exists()
    result, _, _ = run_filter(tmp_path, b1, extra=["--update-index"])
    assert result.exit_code == 2 and "--update-index needs --index" in result.stderr
    result, keep, _ = run_filter(tmp_path, tmp_path / "missing.jsonl")
    assert result.exit_code == 2 and "missing.jsonl" in result.stderr and not keep.exists()
    result = runner.invoke(app, ["filter", str(b1), "--keep", str(tmp_path / "k.jsonl")])
    assert result.exit_code == 2  # --reject is required
    before = b1.read_bytes()
    result = runner.invoke(app, ["filter", str(b1), "--keep", str(b1), "--reject", str(tmp_path / "r.jsonl")])
    assert result.exit_code == 2 and "also an input" in result.stderr and b1.read_bytes() == before
    result = runner.invoke(app, ["filter", str(b1), "--keep", str(tmp_path / "x"), "--reject", str(tmp_path / "x")])
    assert result.exit_code == 2 and "different files" in result.stderr


def test_failure_mid_run_leaves_no_complete_looking_output(tmp_path, monkeypatch):
    b1 = write_jsonl(tmp_path / "b1.jsonl", [rec(f"d{i}", t) for i, t in enumerate(EN)])
    keep = tmp_path / "kept.jsonl"
    keep.write_text("previous content\n", encoding="utf-8")
    calls = {"n": 0}
    real = filter_mod.AtomicJsonl.write

    def boom(self, line):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt  # like a kill in the middle of writing
        return real(self, line)

    monkeypatch.setattr(filter_mod.AtomicJsonl, "write", boom)
    with pytest.raises(KeyboardInterrupt):
        filter_paths([str(b1)], config_from_mapping({}), keep, tmp_path / "rejected.jsonl")
    assert keep.read_text(encoding="utf-8") == "previous content\n"  # untouched, not half-written
    assert not (tmp_path / "rejected.jsonl").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b1.jsonl", "kept.jsonl"]  # no temp files left


def test_failed_output_after_the_index_claim_is_finished_by_a_rerun(tmp_path, monkeypatch):
    idx = tmp_path / "index"
    b1 = write_jsonl(tmp_path / "b1.jsonl", [rec("orig", EN[0]), rec("copy", EN[0]), rec("other", EN[1])])

    def fail(self):
        raise self._error(OSError(28, "No space left on device"))

    monkeypatch.setattr(filter_mod.AtomicJsonl, "commit", fail)
    result, keep, reject = run_filter(tmp_path, b1, extra=["--index", str(idx), "--update-index"])
    assert result.exit_code == 2 and not keep.exists() and not reject.exists()
    assert "rejected.jsonl: No space left on device" in result.stderr  # names the file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b1.jsonl", "index"]  # no partial files
    monkeypatch.undo()
    result, keep, reject = run_filter(tmp_path, b1, extra=["--index", str(idx), "--update-index"])
    assert result.exit_code == 0, result.output
    assert [k["id"] for k in read_jsonl(keep)] == ["orig", "other"]  # its own claims: not "already ingested"
    assert [(r["id"], r["reasons"][0]["duplicate_of"]) for r in read_jsonl(reject)] == [("copy", "orig")]
    assert "0 documents added, 2 in total" in result.stderr


def test_keep_pointing_at_a_folder_is_refused_before_reading(tmp_path, monkeypatch):
    b1 = write_jsonl(tmp_path / "b1.jsonl", [rec("a", EN[0])])
    (tmp_path / "dir").mkdir()
    monkeypatch.setattr(filter_mod, "iter_inputs", lambda *a, **k: pytest.fail("input read before the check"))
    result = runner.invoke(
        app, ["filter", str(b1), "--keep", str(tmp_path / "dir"), "--reject", str(tmp_path / "r.jsonl")]
    )
    assert result.exit_code == 2 and "--keep" in result.stderr and "is a folder" in result.stderr
    assert not (tmp_path / "r.jsonl").exists()


def test_full_disk_while_writing_names_the_file_and_leaves_no_partial(tmp_path, monkeypatch):
    b1 = write_jsonl(tmp_path / "b1.jsonl", [rec(f"d{i}", t) for i, t in enumerate(EN)])
    real_fsync = filter_mod.os.fsync

    def enospc(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(filter_mod.os, "fsync", enospc)
    result, keep, reject = run_filter(tmp_path, b1)
    monkeypatch.setattr(filter_mod.os, "fsync", real_fsync)
    assert result.exit_code == 2
    assert f"cannot write {keep}: No space left on device" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b1.jsonl"]


def test_filter_policy_from_config(tmp_path):
    b1 = write_jsonl(tmp_path / "b1.jsonl", [rec("a", EN[0]), rec("b", EN[0]), rec("short", "Too short.")])
    cfg = tmp_path / "c.toml"
    cfg.write_text('[policy]\ndrop_duplicates = false\nkeep_rules = ["ART"]\n', encoding="utf-8")
    result, keep, reject = run_filter(tmp_path, b1, extra=["--config", str(cfg)])
    assert result.exit_code == 0, result.output
    assert len(keep.read_text().splitlines()) == 3 and reject.read_text() == ""
    cfg.write_text('[policy]\ndrop_rules = ["NOPE9"]\n', encoding="utf-8")
    result, _, _ = run_filter(tmp_path, b1, extra=["--config", str(cfg)])
    assert result.exit_code == 2 and "NOPE9" in result.stderr
    with pytest.raises(ConfigError):
        config_from_mapping({"policy": {"drop_on": "fatal"}})
    # the former [filter] table is refused, saying where each key went
    with pytest.raises(ConfigError, match=r"reject_on -> \[policy\] drop_on"):
        config_from_mapping({"filter": {"reject_on": "warning"}})
    # severities from config apply: ART001 downgraded to info no longer rejects
    cfg.write_text('[severity]\nART001 = "info"\n', encoding="utf-8")
    result, keep, reject = run_filter(tmp_path, b1, extra=["--config", str(cfg)])
    assert [json.loads(k)["id"] for k in keep.read_text().splitlines()] == ["a", "short"]
    # --ignore removes the rule entirely
    result, keep, reject = run_filter(tmp_path, b1, extra=["--ignore", "DUP001"])
    assert [json.loads(k)["id"] for k in keep.read_text().splitlines()] == ["a", "b"]


def test_duplicate_of_a_rejected_document_is_kept_once(tmp_path):
    # A is rejected for damage (a control character run): its first copy B is kept in its place, and the
    # later copy C is rejected as a duplicate of B.
    damaged = EN[0] + " \x00\x00\x00\x00\x00\x00\x00\x00"  # ART042 (an error) on A only
    b1 = write_jsonl(tmp_path / "b1.jsonl", [rec("A", damaged), rec("B", EN[0]), rec("C", EN[0])])
    result, keep, reject = run_filter(tmp_path, b1, extra=["--select", "ART042,DUP"])
    reasons = {r["id"]: r["reasons"] for r in read_jsonl(reject)}
    assert [k["id"] for k in read_jsonl(keep)] == ["B"], result.output
    assert reasons["A"][0]["rule"].startswith("ART")
    assert reasons["C"][0]["duplicate_of"] == "B" and reasons["C"][0]["rule"] == "DUP001"


def test_first_copy_in_input_order_is_kept_whatever_the_report_keeps(tmp_path):
    # keep = "longest" chooses the report's kept copy; the filter keeps the first copy in input order
    # (a stream split into batches cannot know a later, longer copy), and says so with the same rule.
    cfg = tmp_path / "c.toml"
    cfg.write_text('[duplicates]\nkeep = "longest"\n', encoding="utf-8")
    b1 = write_jsonl(tmp_path / "b1.jsonl", [rec("S", EN[1]), rec("X", EN[2]), rec("L", near_copy(EN[1]))])
    result, keep, reject = run_filter(tmp_path, b1, extra=["--config", str(cfg)])
    assert result.exit_code == 0, result.output
    assert [k["id"] for k in read_jsonl(keep)] == ["S", "X"]
    (r,) = read_jsonl(reject)
    assert r["id"] == "L" and r["reasons"][0]["rule"] == "DUP002" and r["reasons"][0]["duplicate_of"] == "S"
    assert 0.7 <= r["reasons"][0]["similarity"] < 1


def test_passage_duplicates_do_not_reject_but_whole_documents_do(tmp_path):
    # B shares one long paragraph with A but is otherwise its own story: kept; C is a near copy: rejected
    para = " ".join(EN)
    a = para + "\n\n" + ES[0]
    b = (
        "An unrelated introduction about the weather in the mountains this week and the snow.\n\n"
        + para
        + "\n\nA closing paragraph about local elections, the candidates and the turnout expected on Sunday. " * 3
    )
    b1 = write_jsonl(tmp_path / "b1.jsonl", [rec("A", a), rec("B", b), rec("C", near_copy(a))])
    result, keep, reject = run_filter(tmp_path, b1, extra=["--select", "DUP"])
    assert [k["id"] for k in read_jsonl(keep)] == ["A", "B"], result.output
    assert [(r["id"], r["reasons"][0]["duplicate_of"]) for r in read_jsonl(reject)] == [("C", "A")]


@pytest.mark.parametrize(
    ("start", "severity", "drop_language", "rejected"),
    [(0, "warning", True, True), (0, "info", True, False), (500, "warning", True, False), (0, "warning", False, False)],
)
def test_unexpected_language_rejects_whole_documents_only(start, severity, drop_language, rejected):
    from audit.filter import own_reasons
    from audit.model import Category, DocumentResult, Finding, Severity, Verdict
    from audit.policy import Policy

    f = Finding(
        "LNG999",
        Category.LANGUAGE,
        Severity(severity),
        start,
        1000,
        "document is in Tagalog, expected en",
        data={"language": "tl", "confidence": 0.97},
    )
    policy = Policy.from_config(config_from_mapping({"policy": {"drop_unexpected_language": drop_language}}))
    assert bool(own_reasons(policy, DocumentResult("X", 1000, findings=[f]))) is rejected
    assert (policy.verdict([f], 1000) is Verdict.DROP) is rejected  # the report says the same


def test_csv_rows_become_json_records(tmp_path):
    import csv

    path = tmp_path / "rows.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "text", "lang"])
        w.writerow(["r1", ES[0], "es"])
        w.writerow(["r2", ES[0], "es"])
        w.writerow(["r3", EN[3], "en"])
    result, keep, reject = run_filter(tmp_path, path)
    assert result.exit_code == 0, result.output
    assert read_jsonl(keep) == [{"id": "r1", "text": ES[0], "lang": "es"}, {"id": "r3", "text": EN[3], "lang": "en"}]
    (rej,) = read_jsonl(reject)
    assert rej["record"] == {"id": "r2", "text": ES[0], "lang": "es"} and rej["reasons"][0]["duplicate_of"] == "r1"


def test_outputs_get_ordinary_file_permissions(tmp_path):
    import os
    import stat

    b1 = write_jsonl(tmp_path / "b1.jsonl", [rec("a", EN[0])])
    umask = os.umask(0o022)
    try:
        result, keep, reject = run_filter(tmp_path, b1)
    finally:
        os.umask(umask)
    assert result.exit_code == 0
    assert stat.S_IMODE(keep.stat().st_mode) == 0o644 and stat.S_IMODE(reject.stat().st_mode) == 0o644


def test_worker_processes_give_identical_outputs(tmp_path):
    lines = []
    for i in range(240):  # past the pipeline's warm-up, so workers really run
        base = EN[i % len(EN)] if i % 3 else ES[i % len(ES)]
        text = base if i % 7 == 0 else f"Report {i}: {base} Reported by desk {i}."
        lines.append(rec(f"n{i}", text))
    lines.insert(100, "{broken")
    src = write_jsonl(tmp_path / "many.jsonl", lines)
    serial, k1, r1 = run_filter(tmp_path, src, extra=["--jobs", "1"], name="serial")
    par, k2, r2 = run_filter(tmp_path, src, extra=["--jobs", "2"], name="parallel")
    assert serial.exit_code == 0 and par.exit_code == 0, par.output  # the broken line is data (contract)
    assert k1.read_bytes() == k2.read_bytes() and r1.read_bytes() == r2.read_bytes()
    assert len(k1.read_text().splitlines()) + len(r1.read_text().splitlines()) == len(lines)
    assert 0 < len(r1.read_text().splitlines()) < len(lines)


def test_input_that_cannot_be_opened_inside_a_folder_exits_2_after_writing(tmp_path):
    """The contract's exit 2 for an input that cannot be opened at all; the outputs are still complete."""
    import os

    from typer.testing import CliRunner

    from audit.cli import app

    src = tmp_path / "in"
    src.mkdir()
    (src / "b.jsonl").write_text(
        '{"id": "a", "text": "An ordinary sentence about the council budget vote today."}\n', encoding="utf-8"
    )
    os.symlink(tmp_path / "missing.jsonl", src / "gone.jsonl")
    keep, reject = tmp_path / "k.jsonl", tmp_path / "r.jsonl"
    result = CliRunner().invoke(app, ["filter", str(src), "--keep", str(keep), "--reject", str(reject)])
    assert result.exit_code == 2
    assert "gone.jsonl: no such file or directory" in result.stderr
    assert keep.read_text(encoding="utf-8").count("\n") == 1
    assert '"file": "gone.jsonl"' in reject.read_text(encoding="utf-8")


def test_repeated_ids_never_let_a_copy_into_kept(tmp_path):
    """Two records share id "a"; the second is empty (rejected). Its id must not make the copy of
    the first look like the stand-in for a rejected original: exactly one copy of the text is kept."""
    text = "The harbour authority approved a new ferry timetable on Friday after months of complaints."
    batch = write_jsonl(tmp_path / "b.jsonl", [rec("a", text), rec("a", ""), rec("b", text)])
    result, keep, reject = run_filter(tmp_path, batch)
    assert result.exit_code == 0, result.output
    kept = read_jsonl(keep)
    assert [k["id"] for k in kept] == ["a"]
    rejected = {r["id"]: r for r in read_jsonl(reject)}
    assert set(rejected) == {"a#2", "b"}
    assert rejected["a#2"]["record"] == {"id": "a", "text": ""}  # the record itself is unchanged
    assert rejected["b"]["reasons"][0]["duplicate_of"] == "a"
    assert "repeat an earlier document's id" in result.stderr


def test_outputs_inside_the_input_folder_are_not_read_back(tmp_path):
    """Re-running `filter incoming/ --keep incoming/kept.jsonl ...` must not read the last run's outputs."""
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    write_jsonl(
        incoming / "batch.jsonl",
        [rec("a", "The ferry timetable changes on Monday for all island routes."), rec("b", "")],
    )
    keep, reject = incoming / "kept.jsonl", incoming / "rejected.jsonl"
    args = ["filter", str(incoming), "--keep", str(keep), "--reject", str(reject)]
    first = runner.invoke(app, args)
    assert first.exit_code == 0
    again = runner.invoke(app, args)
    assert again.exit_code == 0, again.output
    assert [r["id"] for r in read_jsonl(keep)] == ["a"]  # not rejected as a copy of last run's KEPT
    assert [r["id"] for r in read_jsonl(reject)] == ["b"]
    assert "2 paths skipped" in again.stderr


def test_malformed_csv_rows_are_rejected_with_their_raw_text(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_bytes(
        b"id,text,lang\n"
        b'r1,"' + EN[3].encode() + b'",en\n'
        b"r2\n"  # no text cell
        b"r3,Caf\xe9 au lait,fr\n"  # Latin-1 byte
        b"r4,cut, here,en\n"  # an unquoted comma
    )
    result, keep, reject = run_filter(tmp_path, path)
    assert result.exit_code == 0, result.output  # bad rows are data for the filter (contract)
    assert [k["id"] for k in read_jsonl(keep)] == ["r1"]
    rejected = read_jsonl(reject)
    assert [(r["line"], r["raw"]) for r in rejected] == [
        (2, "r2"),
        (3, "r3,Caf\\xe9 au lait,fr"),
        (4, "r4,cut, here,en"),
    ]
    assert all(r["reasons"][0]["rule"] == "unreadable" for r in rejected)


def test_parquet_rows_become_strict_json(tmp_path):
    """NaN is not JSON (jq, Go, serde reject it); dates and bytes get portable forms, not Python reprs."""
    import datetime

    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "rows.parquet"
    pq.write_table(
        pa.table(
            {
                "id": ["p1"],
                "text": [EN[3]],
                "score": [float("nan")],
                "big": [float("inf")],
                "when": [datetime.datetime(2024, 1, 2, 3, 4, 5)],
                "blob": [b"\xff\xfe"],
                "tags": [["a", "b"]],
            }
        ),
        path,
    )
    result, keep, _ = run_filter(tmp_path, path)
    assert result.exit_code == 0, result.output
    line = keep.read_text(encoding="utf-8").strip()
    record = json.loads(line, parse_constant=lambda c: pytest.fail(f"non-JSON constant {c}"))
    assert record == {
        "id": "p1",
        "text": EN[3],
        "score": None,
        "big": None,
        "when": "2024-01-02T03:04:05",
        "blob": "//4=",
        "tags": ["a", "b"],
    }


def test_partial_files_of_killed_runs_are_cleaned_up(tmp_path):
    """A killed run leaves .KEPT.PID.*.partial behind; the next run into the same output removes it
    when that process is gone, and leaves a running one's alone."""
    import os
    import subprocess
    import sys

    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    dead_pid = int(dead.stdout)
    out = tmp_path / "out"
    out.mkdir()
    stale = out / f".kept.jsonl.{dead_pid}.abc123.partial"
    stale.write_text("half a line")
    alive = out / f".kept.jsonl.{os.getppid()}.def456.partial"
    alive.write_text("still writing")
    other = out / ".kept.jsonl.not-a-pid.partial"
    other.write_text("unknown")
    batch = write_jsonl(tmp_path / "b.jsonl", [rec("x", EN[0])])
    result = runner.invoke(
        app, ["filter", str(batch), "--keep", str(out / "kept.jsonl"), "--reject", str(out / "rej.jsonl")]
    )
    assert result.exit_code == 0, result.output
    assert not stale.exists() and alive.exists() and other.exists()
    assert [p.name for p in out.glob("*.partial")] != [] and (out / "kept.jsonl").is_file()


def _wire_stream(n: int, seed: int = 5) -> list[str]:
    """Hard-wrapped wire-style stories: template stories that differ in their figures, republished copies
    with a changed headline or footer, wrapped differently, and unrelated stories (written for the test)."""
    import random
    import textwrap

    rng = random.Random(seed)
    places = ["Frankfurt", "Tokyo", "Chicago", "Sydney", "Toronto", "Madrid", "Oslo", "Seoul"]
    goods = ["wheat", "copper", "crude oil", "coffee", "sugar", "soybeans", "cotton", "aluminium"]
    verbs = ["rose", "fell", "steadied", "climbed", "slipped", "recovered"]
    out: list[str] = []
    while len(out) < n:
        kind = rng.random()
        if kind < 0.35 or not out:
            place, good = rng.choice(places), rng.choice(goods)
            body = (
                f"{good.upper()} PRICES {rng.choice(verbs).upper()} IN {place.upper()} TRADE\n"
                f"{place}, March {rng.randint(1, 28)} - {good.capitalize()} prices {rng.choice(verbs)} "
                f"{rng.randint(1, 40)} cents to {rng.randint(100, 900)} dlrs a tonne in early trade as dealers "
                f"weighed export figures for {rng.choice(['January', 'February'])} against forecasts of a "
                f"{rng.choice(['smaller', 'larger', 'record'])} harvest, traders said. Volume was "
                f"{rng.choice(['light', 'moderate', 'heavy'])} at {rng.randint(2, 40)},{rng.randint(100, 999)} "
                f"lots, and the {rng.choice(['May', 'July', 'September'])} contract ended "
                f"{rng.randint(1, 9)} points {rng.choice(['higher', 'lower'])}. One dealer in {place} said "
                f"{rng.choice(['buyers', 'sellers', 'funds'])} would wait for the weekly "
                f"{rng.choice(['inventory', 'shipping', 'crop'])} report before taking new positions. "
                f"Reuter {rng.randint(1000, 9999)}"
            )
            out.append(textwrap.fill(body, width=rng.choice([60, 66, 72])))
        elif kind < 0.7:
            src = rng.choice(out).replace("\n", " ")
            edit = rng.choice(["headline", "footer", "rewrap", "word"])
            if edit == "headline":
                src = "UPDATE 1-" + src
            elif edit == "footer":
                src += " (Additional reporting by the commodities desk; editing by the night editor)"
            elif edit == "word":
                words = src.split()
                words[rng.randrange(len(words))] = rng.choice(["reportedly", "about", "nearly"])
                src = " ".join(words)
            out.append(textwrap.fill(src, width=rng.choice([58, 64, 70])))
        else:
            out.append(
                textwrap.fill(
                    f"The {rng.choice(places)} {rng.choice(['orchestra', 'museum', 'zoo', 'library'])} announced on "
                    f"{rng.choice(['Monday', 'Friday'])} that it would open a new "
                    f"{rng.choice(['wing', 'season', 'programme'])} for {rng.randint(2, 90)} visiting "
                    f"{rng.choice(['artists', 'schools', 'families'])}, paid for by a gift of "
                    f"{rng.randint(1, 99)} mln dlrs from a local {rng.choice(['foundation', 'bank', 'family'])}. "
                    f"Item {len(out)}.",
                    width=70,
                )
            )
    return out


def test_one_batch_or_several_reject_the_same_documents(tmp_path):
    """#14: the same stream rejects the same documents (naming the same originals) whether it is filtered
    as one batch or as five batches against an index that each updates: one measure, one threshold."""
    texts = _wire_stream(300)
    records = [rec(f"w{i:04d}", t) for i, t in enumerate(texts)]
    one = write_jsonl(tmp_path / "all.jsonl", records)
    result, _, reject_one = run_filter(tmp_path, one, extra=["--select", "DUP"], name="one")
    assert result.exit_code == 0, result.output
    single = {r["id"]: r["reasons"][0]["duplicate_of"] for r in read_jsonl(reject_one)}
    idx = tmp_path / "idx"
    split: dict[str, str] = {}
    for b in range(5):
        part = write_jsonl(tmp_path / f"part{b}.jsonl", records[b * 60 : (b + 1) * 60])
        result, _, reject = run_filter(
            tmp_path, part, extra=["--select", "DUP", "--index", str(idx), "--update-index"], name=f"part{b}"
        )
        assert result.exit_code == 0, result.output
        split.update({r["id"]: r["reasons"][0]["duplicate_of"] for r in read_jsonl(reject)})
    assert split == single
    rules = {r["reasons"][0]["rule"] for r in read_jsonl(reject_one)}
    assert {"DUP001", "DUP002"} <= rules  # exact and near copies both present in the stream
    assert 60 <= len(single) <= 150
