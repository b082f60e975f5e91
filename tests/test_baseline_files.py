"""A malformed baseline file is a one-line usage error naming the file and the entry (exit 2), never a crash."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from audit.cli import app


def _entry(**kw):
    base = {"fingerprint": "0" * 32, "rule": "ART001", "document": "a.txt", "text": "x"}
    base.update(kw)
    return base


def _baseline(findings):
    return json.dumps({"baseline_version": 1, "tool": "corpus-audit", "findings": findings})


CASES = [
    ("fingerprint-list", _baseline([_entry(), _entry(fingerprint=["a", "b"])]), "entry 2", "fingerprint"),
    ("fingerprint-missing", _baseline([{"rule": "ART001"}]), "entry 1", "no 'fingerprint'"),
    ("rule-list", _baseline([_entry(rule=["ART001"])]), "entry 1", "'rule'"),
    ("document-number", _baseline([_entry(), _entry(), _entry(document=7)]), "entry 3", "'document'"),
    ("entry-string", _baseline(["abc"]), "entry 1", "a string, not an object"),
    ("findings-object", json.dumps({"baseline_version": 1, "findings": {"a": 1}}), "'findings'", "an object"),
    ("deep", '{"baseline_version": 1, "findings": ' + "[" * 100_000 + "]" * 100_000 + "}", "bl.json", "JSON"),
    ("huge-int", '{"baseline_version": 1, "findings": [], "n": ' + "9" * 5000 + "}", "bl.json", "JSON"),
    ("version-true", json.dumps({"baseline_version": True, "findings": []}), "bl.json", "not a corpus-audit baseline"),
]


@pytest.mark.parametrize("name,content,where,what", CASES, ids=[c[0] for c in CASES])
def test_malformed_baseline_is_one_line_naming_file_and_entry(tmp_path, name, content, where, what):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text(
        "A short text that is long enough to be read as prose by the checks.\n", encoding="utf-8"
    )
    (tmp_path / "bl.json").write_text(content, encoding="utf-8")
    result = CliRunner().invoke(
        app,
        [
            "scan",
            str(tmp_path / "c"),
            "--out",
            str(tmp_path / "r"),
            "--format",
            "json",
            "--baseline",
            str(tmp_path / "bl.json"),
        ],
    )
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "bl.json" in lines[0] and where in lines[0] and what in lines[0]
    assert "internal error" not in lines[0] and "Traceback" not in result.stderr


def test_a_wellformed_baseline_still_loads(tmp_path):
    from audit.baseline import load_baseline

    (tmp_path / "bl.json").write_text(_baseline([_entry(), {"fingerprint": "f" * 32}]), encoding="utf-8")
    b = load_baseline(tmp_path / "bl.json")
    assert [e["fingerprint"] for e in b.entries] == ["0" * 32, "f" * 32]
