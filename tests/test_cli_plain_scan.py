"""``cli.main``'s plain ``scan`` command lines are parsed without the typer app (no pydantic at start-up),
into the same arguments typer gives ``scan``; anything else goes to typer."""

from __future__ import annotations

import functools
import json
import subprocess
import sys
from pathlib import Path

import pytest

from audit import cli

PLAIN = [
    ["scan", "corpus"],
    ["scan", "a.jsonl", "b", "--out", "rep", "--format", "json,md"],
    ["scan", "-", "-o", "rep", "-f", "json", "--select", "duplicate", "--select", "DUP001,LNG", "--ignore", "X"],
    ["scan", "c", "--jobs", "0", "--fail-on", "warning", "--config", "cfg.toml", "--baseline", "b.json"],
    ["scan", "c", "-j", "3", "--write-baseline", "w.json", "--index", "idx", "--languages", "en,es"],
    ["scan", "c", "--text-field", "body", "--id-field", "key", "--engine", "local", "--work-dir", "wd", "--staged"],
    ["scan", "--staged", "c", "d", "--format", ""],
    ["scan", "c", "--cache", ".cache/corpus-audit", "-j", "1"],
]

NOT_PLAIN = [
    ["scan"],
    ["scan", "--help"],
    ["scan", "c", "-h"],
    ["--version"],
    ["rules"],
    ["filter", "c", "--keep", "k", "--reject", "r"],
    ["scan", "c", "--out=rep"],
    ["scan", "c", "--out"],
    ["scan", "c", "--out", "a", "--out", "b"],
    ["scan", "c", "--staged", "--staged"],
    ["scan", "c", "--jobs", "-1"],
    ["scan", "c", "--jobs", "two"],
    ["scan", "c", "--select", "--ignore", "X"],
    ["scan", "c", "--", "d"],
    ["scan", "c", "--unknown", "x"],
]


@pytest.fixture
def small_corpus(tmp_path):
    d = tmp_path / "c"
    d.mkdir()
    (d / "a.txt").write_text("The council approved the new budget on Tuesday after a long debate.", encoding="utf-8")
    (d / "b.txt").write_text("The  council approved the new budget on Tuesday after a long DEBATE.", encoding="utf-8")
    (d / "c.txt").write_text("Ayer el consejo aprobó el presupuesto nuevo tras un debate largo.", encoding="utf-8")
    return d


def _typer_arguments(argv: list[str], monkeypatch) -> dict:
    """The keyword arguments typer passes to ``scan`` for ``argv``."""
    seen: dict = {}
    original = cli.scan

    @functools.wraps(original)
    def record(**kwargs):
        seen.update(kwargs)

    command = next(c for c in cli.app.registered_commands if c.callback is original)
    monkeypatch.setattr(command, "callback", record)
    with pytest.raises(SystemExit) as end:
        cli.app(argv, standalone_mode=True)
    assert end.value.code in (0, None), argv
    return seen


@pytest.mark.parametrize("argv", PLAIN)
def test_plain_scan_gives_typers_arguments(argv, monkeypatch):
    plain = cli._plain_scan(argv)
    assert plain is not None
    expected = _typer_arguments(argv, monkeypatch)
    # typer gives an empty list or None for an option given no value: scan reads both alike.
    norm = {k: (None if v in ([], ()) else v) for k, v in expected.items()}
    assert {k: (None if v in ([], ()) else v) for k, v in plain.items()} == norm
    assert isinstance(plain["paths"][0], Path)


@pytest.mark.parametrize("argv", NOT_PLAIN)
def test_other_command_lines_go_to_typer(argv):
    assert cli._plain_scan(argv) is None


@pytest.mark.parametrize("corpus", ["small", "demo"])
def test_plain_scan_through_main_writes_the_same_report(corpus, small_corpus, corpus_dir, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    src = str(small_corpus if corpus == "small" else corpus_dir)
    via_typer = tmp_path / "typer"
    args = ["--format", "json", "--select", "duplicate,LANG"]
    result = CliRunner().invoke(cli.app, ["scan", src, "--out", str(via_typer), *args])
    plain = tmp_path / "plain"
    monkeypatch.setattr(sys, "argv", ["corpus-audit", "scan", src, "--out", str(plain), *args])
    with pytest.raises(SystemExit) as end:
        cli.main()
    assert end.value.code == result.exit_code

    def findings(folder: Path):
        report = json.loads((folder / "report.json").read_text())
        return [(d["id"], d["findings"]) for d in report["documents"]], report["clusters"]

    assert findings(plain) == findings(via_typer)
    assert any(fs for _, fs in findings(plain)[0])


def test_plain_scan_usage_error_exits_2(small_corpus, tmp_path, monkeypatch, capsys):
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["corpus-audit", "scan", str(small_corpus), "--out", str(afile)])
    with pytest.raises(SystemExit) as end:
        cli.main()
    assert end.value.code == 2
    assert "is a file, not a folder" in capsys.readouterr().err


def test_a_plain_duplicate_scan_loads_no_pydantic(tmp_path):
    src = tmp_path / "one.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "One short document."}) + "\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from audit.cli import main\n"
        f"sys.argv = ['corpus-audit', 'scan', {str(src)!r}, '--select', 'duplicate', '--format', 'json', "
        f"'--out', {str(tmp_path / 'out')!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as end:\n"
        "    assert end.code == 0, end.code\n"
        "print(sorted(m for m in ('pydantic', 'rich', 'jinja2') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
