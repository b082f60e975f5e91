"""Precision: clean, professionally edited news (EN, ES, FR, DE, PT, IT) gets no artefact warnings or errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.config import Config
from audit.model import Severity
from audit.pipeline import scan

CLEAN = Path(__file__).parent / "clean"
FILES = sorted(CLEAN.glob("*.txt"))


def test_clean_set_is_substantial():
    paragraphs = sum(len([p for p in f.read_text(encoding="utf-8").split("\n") if len(p.split()) >= 12]) for f in FILES)
    assert len(FILES) >= 6 and paragraphs >= 60


@pytest.fixture(scope="module")
def report():
    return scan([str(CLEAN)], Config())


@pytest.mark.parametrize("name", [f.name for f in FILES])
def test_no_warnings_on_clean_news(report, name):
    doc = next(d for d in report.documents if d.id == name)
    bad = [
        (f.rule, f.message)
        for f in doc.findings
        if f.rule.startswith("ART") and f.severity.rank >= Severity.WARNING.rank
    ]
    assert not bad


def test_no_warnings_on_clean_demo_document():
    rep = scan(["corpus/000_d2345edc4fec353a.txt"], Config())
    bad = [
        f.rule
        for d in rep.documents
        for f in d.findings
        if f.rule.startswith("ART") and f.severity.rank >= Severity.WARNING.rank
    ]
    assert not bad
