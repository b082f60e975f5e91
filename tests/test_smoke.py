"""One smoke test of the installed console script and of `python -m audit`."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest


def test_installed_script_scans_demo_corpus(corpus_dir, tmp_path):
    exe = shutil.which("corpus-audit")
    if exe is None:
        pytest.fail("the corpus-audit console script is not installed: run `pip install -e '.[test]'`")
    proc = subprocess.run(
        [exe, "scan", str(corpus_dir), "--out", str(tmp_path)], capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["documents"] == 5
    assert "5 documents" in proc.stderr


def test_python_dash_m():
    proc = subprocess.run([sys.executable, "-m", "audit", "--version"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.startswith("corpus-audit ")


def test_the_contract_copy_in_docs_matches_the_shared_contract():
    """docs/contract/ keeps the README self-contained; where the shared contract is beside the checkout,
    the copy must not drift from it."""
    from tests.conftest import LOCAL_SCHEMA, ROOT, SCHEMA_PATH

    shared_contract = ROOT.parent / "shared" / "CONTRACT.md"
    if not SCHEMA_PATH.is_file() or not shared_contract.is_file():
        import pytest

        pytest.skip("no shared/ beside this checkout to compare with")
    assert LOCAL_SCHEMA.read_bytes() == SCHEMA_PATH.read_bytes()
    assert (ROOT / "docs" / "contract" / "CONTRACT.md").read_bytes() == shared_contract.read_bytes()
