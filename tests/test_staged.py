"""`scan --staged` audits what is staged for commit: the index's version of each tracked file, not the
working tree's, and no untracked file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from audit.cli import app

TEXT = (
    "The harbour authority said on Friday that container traffic rose by four percent in the third quarter, "
    "helped by new routes to West Africa and a faster customs procedure introduced in the spring."
)

pytestmark = pytest.mark.skipif(shutil.which("git") is None and not os.environ.get("CI"), reason="git not installed")


def git(cwd, *args):
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def scan_staged(repo, tmp_path, *paths):
    cwd = os.getcwd()
    os.chdir(repo)
    try:
        r = CliRunner().invoke(
            app,
            [
                "scan",
                "--staged",
                *paths,
                "--select",
                "DUP001",
                "--fail-on",
                "warning",
                "--out",
                str(tmp_path / "out"),
                "--format",
                "json",
            ],
        )
    finally:
        os.chdir(cwd)
    return r, json.loads((tmp_path / "out" / "report.json").read_text()) if r.exit_code in (0, 1) else None


def test_staged_version_is_scanned_not_the_working_tree(tmp_path):
    repo = tmp_path / "repo"
    (repo / "corpus").mkdir(parents=True)
    git(repo, "init", "-q")
    (repo / "corpus" / "a.txt").write_text(TEXT)
    (repo / "corpus" / "b.txt").write_text(
        "A different story about the weather in the hills, with rain expected "
        "through the weekend and snow above two thousand metres."
    )
    git(repo, "add", ".")
    # After staging: b.txt becomes a copy of a.txt in the working tree only, and an untracked copy appears.
    (repo / "corpus" / "b.txt").write_text(TEXT)
    (repo / "corpus" / "untracked.txt").write_text(TEXT.upper())
    r, report = scan_staged(repo, tmp_path, "corpus")
    assert r.exit_code == 0, r.output  # the staged corpus has no duplicate
    assert sorted(d["id"] for d in report["documents"]) == ["a.txt", "b.txt"]
    assert report["staged"] is True

    git(repo, "add", "corpus/b.txt")  # now the copy is staged: the hook must stop the commit
    r, report = scan_staged(repo, tmp_path, "corpus")
    assert r.exit_code == 1, r.output
    assert [f["rule"] for d in report["documents"] for f in d["findings"]] == ["DUP001"]


def test_staged_from_a_subfolder_and_outside_a_repository(tmp_path):
    repo = tmp_path / "repo"
    (repo / "data" / "corpus").mkdir(parents=True)
    git(repo, "init", "-q")
    (repo / "data" / "corpus" / "a.txt").write_text(TEXT)
    git(repo, "add", ".")
    r, report = scan_staged(repo / "data", tmp_path, "corpus")
    assert r.exit_code == 0 and [d["id"] for d in report["documents"]] == ["a.txt"], r.output
    assert [d["source"] for d in report["documents"]] == ["corpus"]  # named as a working-tree scan names it
    plain = tmp_path / "plain"
    plain.mkdir()
    r, _ = scan_staged(plain, tmp_path, ".")
    assert r.exit_code == 2 and "--staged: git rev-parse failed" in r.stderr
