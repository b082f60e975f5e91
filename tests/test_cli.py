"""The command line, in process (CliRunner), against the contract."""

from __future__ import annotations

import json
import shutil

import jsonschema
import pytest
from typer.testing import CliRunner

from audit import __version__
from audit.cli import app

runner = CliRunner()


def run(*args, env=None):
    return runner.invoke(app, [str(a) for a in args], env=env)


@pytest.fixture
def small_corpus(tmp_path):
    d = tmp_path / "c"
    d.mkdir()
    (d / "a.txt").write_text("The council approved the new budget on Tuesday after a long debate.", encoding="utf-8")
    (d / "b.txt").write_text("The  council approved the new budget on Tuesday after a long DEBATE.", encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    return d


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"corpus-audit {__version__}"


def test_help_lists_commands():
    result = run("--help")
    assert result.exit_code == 0
    for cmd in ("scan", "rules"):
        assert cmd in result.stdout


def test_rules_lists_every_rule_with_examples():
    result = run("rules", "--examples")
    assert result.exit_code == 0
    assert "ART001" in result.stdout and "DUP001" in result.stdout and "does not flag" in result.stdout
    listed = json.loads(run("rules", "--json").stdout)
    assert {"id", "category", "severity", "description"} <= set(listed[0])


def test_scan_writes_schema_valid_reports(small_corpus, tmp_path, report_schema):
    out = tmp_path / "out"
    result = run("scan", small_corpus, "--out", out)
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, report_schema)
    assert (out / "report.md").is_file() and (out / "report.html").is_file()
    docs = {d["id"]: d for d in report["documents"]}
    assert set(docs) == {"a.txt", "b.txt", "empty.txt"}
    dup = [f for f in docs["b.txt"]["findings"] if f["rule"] == "DUP001"]
    assert len(dup) == 1 and dup[0]["related"][0]["document"] == "a.txt"
    assert not [f for f in docs["a.txt"]["findings"] if f["category"] == "duplicate"]
    assert "ART001" in [f["rule"] for f in docs["empty.txt"]["findings"]]
    exact = [c for c in report["clusters"] if c["kind"] == "exact" and c["level"] == "document"]
    assert [c["kept"]["document"] for c in exact] == ["a.txt"]


def test_format_subset(small_corpus, tmp_path):
    out = tmp_path / "out"
    assert run("scan", small_corpus, "--out", out, "--format", "json,md").exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["report.json", "report.md"]
    result = run("scan", small_corpus, "--out", out, "--format", "pdf")
    assert result.exit_code == 2 and "pdf" in result.stderr


def test_exit_codes_follow_fail_on(small_corpus, tmp_path):
    out = tmp_path / "o"
    assert run("scan", small_corpus, "--out", out).exit_code == 0  # no --fail-on: findings never fail
    assert run("scan", small_corpus, "--out", out, "--fail-on", "error").exit_code == 1
    assert (
        run(
            "scan",
            small_corpus,
            "--out",
            out,
            "--fail-on",
            "error",
            "--select",
            "DUP001,ART001",
            "--ignore",
            "DUP001,ART001",
        ).exit_code
        == 0
    )
    assert run("scan", small_corpus, "--out", out, "--fail-on", "error", "--select", "duplicate").exit_code == 1


def test_fail_on_from_config(small_corpus, tmp_path):
    cfg = tmp_path / "ca.toml"
    cfg.write_text('fail_on = "error"\n', encoding="utf-8")
    assert run("scan", small_corpus, "--out", tmp_path / "o", "--config", cfg).exit_code == 1


def test_severity_override_changes_exit(small_corpus, tmp_path):
    cfg = tmp_path / "ca.toml"
    cfg.write_text('select = ["DUP001", "ART001"]\n[severity]\nDUP001 = "info"\nART001 = "info"\n', encoding="utf-8")
    assert run("scan", small_corpus, "--out", tmp_path / "o", "--config", cfg, "--fail-on", "warning").exit_code == 0


@pytest.mark.parametrize(
    "args, needle",
    [
        (["--select", "NOPE"], "NOPE"),
        (["--fail-on", "fatal"], "fail-on"),
        (["--config", "missing.toml"], "missing.toml"),
    ],
)
def test_usage_errors_exit_2_with_one_line(small_corpus, tmp_path, args, needle):
    result = run("scan", small_corpus, "--out", tmp_path / "o", *args)
    assert result.exit_code == 2
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unreadable_input_still_writes_reports_and_exits_2(small_corpus, tmp_path, report_schema):
    (small_corpus / "bad.jsonl").write_bytes(
        b'{"id": "r1", "text": "A readable record about the budget vote."}\n{oops\n'
    )
    (small_corpus / "latin.txt").write_bytes("caf\xe9".encode("latin-1"))
    out = tmp_path / "o"
    result = run("scan", small_corpus, "--out", out)
    assert result.exit_code == 2
    assert "bad.jsonl:2" in result.stderr and "latin.txt:1" in result.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, report_schema)
    assert {(u["file"], u["line"]) for u in report["unreadable"]} == {("bad.jsonl", 2), ("latin.txt", 1)}
    assert "r1" in {d["id"] for d in report["documents"]}
    assert "Unreadable inputs (2)" in (out / "report.md").read_text(encoding="utf-8")


def test_missing_path_exits_2(tmp_path):
    result = run("scan", tmp_path / "nope", "--out", tmp_path / "o")
    assert result.exit_code == 2 and "nope" in result.stderr


def test_reports_are_byte_identical_across_runs(corpus_dir, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    shutil.copytree(corpus_dir, tmp_path / "corpus")
    assert run("scan", tmp_path / "corpus", "--out", a).exit_code == 0
    assert run("scan", tmp_path / "corpus", "--out", b).exit_code == 0
    for name in ("report.json", "report.md", "report.html"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_github_step_summary_is_appended(small_corpus, tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("previous\n", encoding="utf-8")
    result = run("scan", small_corpus, "--out", tmp_path / "o", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 0
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("previous\n") and "# corpus-audit report" in text


def test_baseline_suppresses_known_findings(small_corpus, tmp_path):
    base = tmp_path / "baseline.json"
    out = tmp_path / "o"
    first = run("scan", small_corpus, "--out", out, "--write-baseline", base)
    assert first.exit_code == 0
    accepted = sum(json.loads((out / "report.json").read_text(encoding="utf-8"))["summary"]["findings"].values())
    assert accepted >= 2
    assert run("scan", small_corpus, "--out", out, "--baseline", base, "--fail-on", "info").exit_code == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["baseline"]["suppressed"] == accepted and report["baseline"]["stale"] == []
    (small_corpus / "c.txt").write_text("", encoding="utf-8")  # a new problem
    assert run("scan", small_corpus, "--out", out, "--baseline", base, "--fail-on", "error").exit_code == 1


def test_markdown_escapes_corpus_text(tmp_path):
    d = tmp_path / "c"
    d.mkdir()
    (d / "x.txt").write_text("<script>alert(1)</script> | *bold*", encoding="utf-8")
    out = tmp_path / "o"
    run("scan", d, "--out", out)
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "<script>" not in md
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html


def test_index_parameters_that_do_not_fit_are_a_config_error(small_corpus, tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text("[index]\nnum_perm = 64\n", encoding="utf-8")  # bands x rows stays 32 x 4
    result = run("scan", small_corpus, "--out", tmp_path / "o", "--config", cfg)
    assert result.exit_code == 2
    assert "bands x rows (32 x 4) must equal num_perm (64)" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_internal_failure_exits_2_not_1(small_corpus, tmp_path, monkeypatch, capsys):
    """An unexpected exception is an internal failure: exit 2 with one line, never Python's exit 1."""
    import sys

    import audit.pipeline
    from audit.cli import main

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(audit.pipeline, "scan", boom)
    monkeypatch.delenv("CORPUS_AUDIT_TRACEBACK", raising=False)
    monkeypatch.setattr(sys, "argv", ["corpus-audit", "scan", str(small_corpus), "--out", str(tmp_path / "o")])
    with pytest.raises(SystemExit) as exc:
        main()
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: disk on fire" in err
    assert "Traceback" not in err


def test_out_that_is_a_file_is_a_usage_error(small_corpus, tmp_path):
    f = tmp_path / "afile"
    f.write_text("x", encoding="utf-8")
    result = run("scan", small_corpus, "--out", f)
    assert result.exit_code == 2 and "--out" in result.stderr and "is a file, not a folder" in result.stderr


def test_write_baseline_creates_its_folder(small_corpus, tmp_path):
    base = tmp_path / "ci" / "baselines" / "corpus.json"
    result = run("scan", small_corpus, "--out", tmp_path / "o", "--write-baseline", base)
    assert result.exit_code == 0, result.stderr
    assert json.loads(base.read_text(encoding="utf-8"))["findings"]


def test_scanning_the_folder_that_holds_the_reports_does_not_read_them(small_corpus, tmp_path):
    """`corpus-audit scan .` twice: the second run must not audit the first run's report.md."""
    out = small_corpus / "reports"
    assert run("scan", small_corpus, "--out", out, "--format", "json,md").exit_code == 0
    first = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert run("scan", small_corpus, "--out", out, "--format", "json,md").exit_code == 0
    second = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in second["documents"]] == [d["id"] for d in first["documents"]]
    assert {"file": "reports/report.md", "reason": "a report written by corpus-audit (--out)"} in second["skipped"]


def test_a_scan_that_finds_no_documents_says_so(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.rst").write_text("not a supported format", encoding="utf-8")
    result = run("scan", empty, "--out", tmp_path / "o", "--fail-on", "info")
    assert result.exit_code == 0  # the contract's exit code is unchanged ...
    assert "warning: no documents found" in result.stderr and "1 paths skipped" in result.stderr  # ... but not silent


def test_renamed_ids_are_announced_on_stderr_and_in_report_md(tmp_path, report_schema):
    d = tmp_path / "shards"
    d.mkdir()
    for shard in ("a", "b"):
        (d / f"{shard}.jsonl").write_text(
            json.dumps({"id": 0, "text": f"Shard {shard}: the council approved the new budget on Tuesday."}) + "\n",
            encoding="utf-8",
        )
    out = tmp_path / "o"
    result = run("scan", d, "--out", out, "--format", "json,md")
    assert result.exit_code == 0
    assert "1 documents repeat an earlier document's id" in result.stderr and "'0#2'" in result.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, report_schema)
    assert [doc["id"] for doc in report["documents"]] == ["0", "0#2"]
    assert report["renamed_ids"] == [{"id": "0#2", "was": "0", "file": "b.jsonl", "line": 1}]
    assert "1 documents repeat an earlier document's id" in (out / "report.md").read_text(encoding="utf-8")


def test_select_and_ignore_that_cancel_out_are_flagged(small_corpus, tmp_path):
    result = run("scan", small_corpus, "--out", tmp_path / "o", "--select", "DUP", "--ignore", "duplicate")
    assert result.exit_code == 0 and "leave no rule enabled" in result.stderr


def test_scan_and_filter_read_json_lines_from_stdin(tmp_path):
    text = "The harbour authority said on Friday that container traffic rose by four percent in the third quarter."
    lines = json.dumps({"id": "a", "text": text}) + "\n" + json.dumps({"text": text}) + "\n{bad\n"
    out = tmp_path / "rep"
    result = runner.invoke(app, ["scan", "-", "--out", str(out), "--format", "json", "--select", "DUP001"], input=lines)
    assert result.exit_code == 2, result.output  # the malformed line
    report = json.loads((out / "report.json").read_text())
    assert [(d["id"], [f["rule"] for f in d["findings"]]) for d in report["documents"]] == [
        ("a", []),
        ("stdin:2", ["DUP001"]),
    ]
    assert report["unreadable"] == [{"file": "stdin", "line": 3, "reason": report["unreadable"][0]["reason"]}]
    keep, reject = tmp_path / "k.jsonl", tmp_path / "r.jsonl"
    result = runner.invoke(
        app, ["filter", "-", "--keep", str(keep), "--reject", str(reject), "--select", "DUP001"], input=lines
    )
    assert result.exit_code == 0, result.output  # the malformed line is data for the filter (contract)
    assert len(keep.read_text().splitlines()) == 1 and len(reject.read_text().splitlines()) == 2


@pytest.mark.parametrize("command", ["scan", "filter"])
def test_help_shows_readable_metavars_not_python_types(command):
    result = run(command, "--help", env={"COLUMNS": "120"})
    assert result.exit_code == 0
    out = result.stdout
    assert "<list[" not in out and "<bool>" not in out and "<str>" not in out and "<path>" not in out
    assert "--select IDS" in out and "--config FILE" in out and "PATH" in out


def test_progress_lines_when_stderr_is_not_a_terminal(small_corpus, tmp_path):
    # CliRunner's stderr is not a terminal: progress comes as plain periodic lines (interval 0 here).
    result = run("scan", small_corpus, "--out", tmp_path / "o", env={"CORPUS_AUDIT_PROGRESS_SECONDS": "0"})
    assert result.exit_code == 0
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("corpus-audit: scanning:")]
    assert len(lines) == 3 and "3 documents" in lines[-1] and "characters/s" in lines[-1]
    quiet = run("scan", small_corpus, "--out", tmp_path / "o2")  # default interval: a short run prints none
    assert "corpus-audit: scanning:" not in quiet.stderr


def test_live_progress_runs_no_thread_so_workers_can_fork(monkeypatch):
    """The terminal display is redrawn from the document callbacks (at most ten times a second), not by
    rich's refresh thread: with a second thread running, --jobs workers would start from a fork server and
    load every model again instead of inheriting them (audit.engine.local._start_method)."""
    import io
    import threading

    import rich.console

    from audit.cli import _Progress
    from audit.model import Document

    screen = io.StringIO()
    real = rich.console.Console
    monkeypatch.setattr(rich.console, "Console", lambda **kw: real(file=screen, force_terminal=True))
    before = threading.active_count()
    with _Progress(True) as progress:
        assert threading.active_count() == before
        progress.advance(Document("d1", "some text", source="a.txt"))
        assert threading.active_count() == before
    assert "1 documents" in screen.getvalue()
