"""The README's transcripts run as printed: every `$ corpus-audit ...` line in its ``` blocks is run from
a copy of the repository's corpus/ and examples/, and must print exactly the lines shown under it."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def transcripts() -> list[list[tuple[str, list[str]]]]:
    """Each ``` block that holds `$ corpus-audit` lines: (command, expected output lines) in order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    out = []
    for block in re.findall(r"```\n(.*?)```", readme, re.S):
        if not block.startswith("$ corpus-audit"):
            continue
        steps: list[tuple[str, list[str]]] = []
        for line in block.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            else:
                steps[-1][1].append(line)
        out.append(steps)
    return out


@pytest.mark.parametrize("steps", transcripts(), ids=lambda s: s[0][0][:60])
def test_readme_transcript_runs_as_printed(steps, tmp_path):
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    (tmp_path / "reports").mkdir()
    last = 0
    for command, expected in steps:
        if command == "echo $?":
            assert expected == [str(last)], command
            continue
        args = shlex.split(command)
        assert args[0] == "corpus-audit"
        proc = subprocess.run(
            [sys.executable, "-m", "audit", *args[1:]],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=300,
            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        )
        last = proc.returncode
        assert (proc.stdout + proc.stderr).splitlines() == expected, command


def test_the_readme_has_transcripts():
    assert len(transcripts()) >= 2


def test_readme_python_examples_run(tmp_path, monkeypatch, capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    assert blocks
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
    assert "004_0534d495edc3771c.txt DUP004" in capsys.readouterr().out
    assert (tmp_path / "reports" / "report.html").is_file()
