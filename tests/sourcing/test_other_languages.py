"""Sourcing rules know English and Spanish reporting verbs only: in other languages they stay silent
(a French quote followed by "a déclaré" must not be reported as a quote without a speaker)."""

from __future__ import annotations

from pathlib import Path

from audit.config import config_from_mapping
from audit.pipeline import scan

ROOT = Path(__file__).resolve().parents[2]


def test_no_sourcing_findings_outside_the_lexicon_languages():
    paths = sorted((ROOT / "tests/artefacts/clean").glob("[dfip]*_*.txt")) + sorted(
        (ROOT / "tests/data/scripts").glob("*.txt")
    )
    report = scan([str(p) for p in paths], config_from_mapping({"select": ["language", "sourcing"]}))
    others = [d for d in report.documents if d.language not in ("en", "es")]
    assert len(others) >= 8
    assert {d.id: [f.rule for f in d.findings if f.category.value == "sourcing"] for d in others} == {
        d.id: [] for d in others
    }
    quoted = [d for d in others if "«" in (report.text_of(d.id) or "") or "„" in (report.text_of(d.id) or "")]
    assert quoted  # the set does hold quotations
