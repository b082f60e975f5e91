"""``scan --out`` never leaves a mixed report set, and a write failure names the file (real process, real limit)."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _corpus(folder: Path, word: str, n: int) -> Path:
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"{word}{i}.txt").write_text(
            f"The {word} committee met on day {i} and said that prices rose by {i} percent.\n\n"
            + f"Another paragraph about {word} number {i}, long enough to read as prose.\n" * (3 + i),
            encoding="utf-8",
        )
    return folder


def _scan(corpus: Path, out: Path, file_limit: int | None = None) -> subprocess.CompletedProcess:
    def limit() -> None:  # writes past the limit fail (EFBIG), like a full disk, instead of killing the process
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    return subprocess.run(
        [sys.executable, "-m", "audit", "scan", str(corpus), "--out", str(out), "--jobs", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=limit if file_limit else None,
    )


def test_a_failed_write_leaves_the_earlier_report_set_whole(tmp_path):
    out = tmp_path / "reports"
    assert _scan(_corpus(tmp_path / "old", "harbour", 3), out).returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert set(before) == {"report.json", "report.md", "report.html"}
    assert len(before["report.html"]) > 40_000 > len(before["report.json"])  # the limit below fails only report.html
    result = _scan(_corpus(tmp_path / "new", "railway", 4), out, file_limit=40_000)
    assert result.returncode == 2
    assert "report.html" in result.stderr and "File too large" in result.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # nothing new, nothing stale, no .tmp
    ids = [d["id"] for d in json.loads((out / "report.json").read_text(encoding="utf-8"))["documents"]]
    assert ids == ["harbour0.txt", "harbour1.txt", "harbour2.txt"]


def test_without_a_failure_the_set_is_replaced_whole(tmp_path):
    out = tmp_path / "reports"
    assert _scan(_corpus(tmp_path / "old", "harbour", 3), out).returncode == 0
    assert _scan(_corpus(tmp_path / "new", "railway", 4), out).returncode == 0
    assert sorted(os.listdir(out)) == ["report.html", "report.json", "report.md"]
    ids = [d["id"] for d in json.loads((out / "report.json").read_text(encoding="utf-8"))["documents"]]
    assert ids == [f"railway{i}.txt" for i in range(4)]
