"""A file the user cannot read, given directly on the command line: a one-line message naming the file,
reports written, exit 2; never a usage box (issue 20, item 14)."""

from __future__ import annotations

import builtins
import io
import json
import pathlib

from typer.testing import CliRunner

from audit.cli import app


def test_an_unreadable_file_given_directly_is_named_and_listed_not_a_usage_error(tmp_path, monkeypatch):
    target = tmp_path / "secret.txt"
    target.write_text("A readable text for anybody but this user.\n", encoding="utf-8")
    real_open, real_path_open = builtins.open, pathlib.Path.open

    def denied(file, *args, **kwargs):  # what open() does for a mode-000 file under a user without rights
        if str(file) == str(target):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    def denied_path(self, *args, **kwargs):
        if str(self) == str(target):
            raise PermissionError(13, "Permission denied", str(self))
        return real_path_open(self, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", denied)
    monkeypatch.setattr(io, "open", denied)
    monkeypatch.setattr(pathlib.Path, "open", denied_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["scan", str(target), "--out", str(out), "--format", "json"])
    assert result.exit_code == 2
    assert "Usage:" not in result.output and "Traceback" not in result.output
    assert "secret.txt" in result.output and "permission denied" in result.output.lower()
    monkeypatch.undo()
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    [entry] = report["unreadable"]
    assert entry["file"].endswith("secret.txt") and entry["reason"] == "permission denied"


def test_a_folder_given_where_a_file_is_expected_is_not_a_usage_error(tmp_path):
    """``--config`` pointing at a folder: one line naming it, exit 2."""
    (tmp_path / "c.txt").write_text("Some text.\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["scan", str(tmp_path / "c.txt"), "--config", str(tmp_path), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert "Usage:" not in result.output and "Traceback" not in result.output
    assert str(tmp_path) in result.output
