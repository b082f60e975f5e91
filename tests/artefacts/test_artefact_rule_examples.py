"""Each artefact rule's own `flags` / `not_flags` examples (shown by `corpus-audit rules --examples`) hold."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from audit.cli import app
from audit.rules import all_rules
from benchmarks.artefact_injection import findings as run  # every artefact check on one text

# Rules whose examples describe a situation rather than being a literal text.
DESCRIPTIVE = {"ART005", "ART053", "ART060", "ART061", "ART062", "ART063", "ART064", "ART065"}
RULES = [r for r in all_rules() if r.id.startswith("ART") and r.id != "ART001"]


def test_every_artefact_rule_documents_examples():
    assert len(RULES) >= 20
    for r in RULES:
        assert r.flags and r.not_flags, r.id


@pytest.mark.parametrize("rule", [r for r in RULES if r.id not in DESCRIPTIVE], ids=lambda r: r.id)
def test_rule_examples(rule):
    for text in rule.flags:
        assert any(f.rule == rule.id for f in run(text)), f"{rule.id} should flag {text!r}"
    for text in rule.not_flags:
        assert not any(f.rule == rule.id for f in run(text)), f"{rule.id} should not flag {text!r}"


def test_rules_command_shows_examples():
    result = CliRunner().invoke(app, ["rules", "--examples"])
    assert result.exit_code == 0
    assert "ART010" in result.output and "executive order" in result.output
