"""The precision harness matches labels to findings by span (exact first, else the largest overlap)."""

from audit.model import Category, Finding, Severity
from benchmarks.precision import corpora_of, match


def _f(start, end):
    return Finding(
        rule="ART020", category=Category.ARTEFACT, severity=Severity.WARNING, start=start, end=end, message="m"
    )


def test_exact_then_overlap_then_gone():
    findings = [("a", _f(0, 10)), ("a", _f(20, 30)), ("b", _f(5, 8))]
    labels = [
        {"record": "a", "rule": "ART020", "start": 20, "end": 30, "verdict": "true"},
        {"record": "a", "rule": "ART020", "start": 2, "end": 12, "verdict": "false"},  # overlaps (0, 10)
        {"record": "b", "rule": "ART020", "start": 50, "end": 60, "verdict": "false"},  # matches nothing
    ]
    matched, gone = match(findings, labels)
    assert matched[1]["verdict"] == "true" and matched[0]["verdict"] == "false"
    assert 2 not in matched and gone == 1


def test_corpus_names():
    from pathlib import Path

    assert corpora_of(Path("x/webpages_dev.jsonl"), None) == [
        ("webpages_raw", "raw_text"),
        ("webpages_gold", "gold_text"),
    ]
    assert corpora_of(Path("reuters_dev.jsonl"), None) == [("reuters", "text")]
    assert corpora_of(Path("mine.jsonl.gz"), "body") == [("mine", "body")]
