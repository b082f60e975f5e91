"""The pre-commit hook manifest, run by the real ``pre-commit`` against throwaway git repositories: the
system hook offline, the python hook installing this project from a commit (needs PyPI, skipped without it)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / ".pre-commit-hooks.yaml"
IN_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _unavailable(message: str, module: bool = False):
    """Skip on a developer's machine without the tool; in CI (CI=true) a missing tool is a failure."""
    if IN_CI:
        pytest.fail(message + " (CI=true: scripts/test.sh installs what the tests need)", pytrace=False)
    pytest.skip(message, allow_module_level=module)


try:
    import pre_commit  # noqa: F401
except ImportError:  # pragma: no cover
    _unavailable("the pre-commit package is not installed: pip install -e '.[test]'", module=True)
if shutil.which("git") is None:  # pragma: no cover
    _unavailable("git is not installed", module=True)

TEXT = (
    "The harbour authority said on Friday that container traffic rose by four percent in the third quarter, "
    "helped by new routes to West Africa and a faster customs procedure introduced in the spring."
)


def git(cwd: Path, *args: str, env: dict) -> None:
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


@pytest.fixture
def env(tmp_path) -> dict:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "corpus-audit"  # the console script, bound to this checkout's code and interpreter
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m audit "$@"\n')
    shim.chmod(shim.stat().st_mode | stat.S_IEXEC)
    e = dict(os.environ)
    e.update(
        {
            "PATH": f"{bin_dir}{os.pathsep}{e.get('PATH', '')}",
            "PYTHONPATH": str(ROOT),
            "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.org",
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1",
            # no network: any attempt to download would fail
            "PIP_NO_INDEX": "1",
            "http_proxy": "http://127.0.0.1:9",
            "https_proxy": "http://127.0.0.1:9",
        }
    )
    e.pop("GITHUB_STEP_SUMMARY", None)
    return e


def hook_repo(tmp_path: Path, env: dict) -> tuple[Path, str]:
    """A copy of this project's hook manifest in its own git repository (pre-commit clones a commit)."""
    repo = tmp_path / "hooks"
    repo.mkdir()
    shutil.copy(MANIFEST, repo / ".pre-commit-hooks.yaml")
    git(repo, "init", "-q", env=env)
    git(repo, "add", ".", env=env)
    git(repo, "commit", "-qm", "hooks", env=env)
    rev = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=repo, env=env, check=True, capture_output=True, text=True
    ).stdout.strip()
    return repo, rev


def corpus_repo(tmp_path: Path, hooks: Path, rev: str, hook_id: str, env: dict) -> Path:
    """A user's repository with a corpus/ folder, one clean text staged, and the hook configured for corpus/."""
    work = tmp_path / "work"
    (work / "corpus").mkdir(parents=True)
    git(work, "init", "-q", env=env)
    (work / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {hooks}\n  rev: {rev}\n  hooks:\n  - id: {hook_id}\n    files: ^corpus/\n"
        "    args: [corpus/]\n"
    )
    (work / ".gitignore").write_text(".corpus-audit/\n")
    (work / "corpus" / "a.txt").write_text(TEXT)
    git(work, "add", ".", env=env)
    return work


def test_manifest_is_valid(env):
    r = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(MANIFEST)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stdout + r.stderr


def test_hook_passes_clean_corpus_and_blocks_a_duplicate(tmp_path, env):
    hooks, rev = hook_repo(tmp_path, env)
    work = corpus_repo(tmp_path, hooks, rev, "corpus-audit-system", env)
    (work / "README.md").write_text("Too short.\n")  # outside files: never scanned
    git(work, "add", ".", env=env)

    def pre_commit(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", *args], cwd=work, env=env, capture_output=True, text=True, timeout=300
        )

    r = pre_commit("run", "--all-files")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "corpus-audit (installed)" in r.stdout and "Passed" in r.stdout
    assert (work / ".corpus-audit" / "report.json").is_file()

    r = pre_commit("install")
    assert r.returncode == 0, r.stdout + r.stderr
    git(work, "commit", "-qm", "clean corpus", env=env)  # the installed hook lets a clean commit through

    (work / "corpus" / "b.txt").write_text(TEXT.upper())  # an exact duplicate after normalisation
    git(work, "add", ".", env=env)
    c = subprocess.run(
        ["git", "commit", "-m", "add a copy"], cwd=work, env=env, capture_output=True, text=True, timeout=300
    )
    out = c.stdout + c.stderr
    assert c.returncode != 0, out
    assert "Failed" in out and "findings at or above error" in out


def _pypi_reachable() -> bool:
    import socket

    try:
        socket.create_connection(("pypi.org", 443), timeout=5).close()
        return True
    except OSError:
        return False


def test_python_hook_installs_this_project_and_blocks_a_duplicate(tmp_path, env):
    """The `corpus-audit` hook (language: python): pre-commit builds a virtualenv from a commit of this
    project and pip-installs it with its dependencies from PyPI, as a user's pre-commit would."""
    if not _pypi_reachable():
        _unavailable("PyPI is not reachable: the python hook installs its dependencies from it")
    project = tmp_path / "project"  # this checkout's files, committed (pre-commit clones a commit)
    project.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy(ROOT / name, project / name)
    shutil.copytree(ROOT / "audit", project / "audit", ignore=shutil.ignore_patterns("__pycache__"))
    net = {k: v for k, v in env.items() if k not in ("PIP_NO_INDEX", "http_proxy", "https_proxy")}
    git(project, "init", "-q", env=net)
    git(project, "add", ".", env=net)
    git(project, "commit", "-qm", "project", env=net)
    rev = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=project, env=net, check=True, capture_output=True, text=True
    ).stdout.strip()
    work = corpus_repo(tmp_path, project, rev, "corpus-audit", net)

    def pre_commit() -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "run", "--all-files"],
            cwd=work,
            env=net,
            capture_output=True,
            text=True,
            timeout=900,
        )

    r = pre_commit()
    assert r.returncode == 0, r.stdout + r.stderr
    assert "corpus-audit" in r.stdout and "Passed" in r.stdout
    (work / "corpus" / "b.txt").write_text(TEXT.upper())
    git(work, "add", ".", env=net)
    r = pre_commit()
    assert r.returncode != 0 and "Failed" in r.stdout, r.stdout + r.stderr
    assert "findings at or above error" in r.stdout + r.stderr
