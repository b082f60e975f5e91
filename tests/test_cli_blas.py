"""The command line keeps numpy's OpenBLAS to one thread (no check multiplies matrices; starting a thread per
core cost 0.03-0.04 CPU s a process), set before numpy is first imported."""

from __future__ import annotations

import os
import subprocess
import sys

from audit import cli


def test_main_sets_one_blas_thread_before_the_app_runs(monkeypatch):
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "")  # restored as it was (set or not) after the test
    monkeypatch.delenv("OPENBLAS_NUM_THREADS")
    seen: list[str | None] = []
    monkeypatch.setattr(cli, "app", lambda: seen.append(os.environ.get("OPENBLAS_NUM_THREADS")))
    monkeypatch.setattr(sys, "argv", ["corpus-audit", "--version"])
    cli.main()
    assert seen == ["1"]


def test_main_keeps_the_users_blas_threads(monkeypatch):
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "4")
    seen: list[str | None] = []
    monkeypatch.setattr(cli, "app", lambda: seen.append(os.environ.get("OPENBLAS_NUM_THREADS")))
    monkeypatch.setattr(sys, "argv", ["corpus-audit", "--version"])
    cli.main()
    assert seen == ["4"]


def test_importing_the_cli_does_not_import_numpy():
    # The setting only counts when numpy is imported after main() starts.
    code = "import sys, audit.__main__; print('numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
