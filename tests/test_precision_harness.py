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


def test_table_splits_warnings_and_info(capsys):
    from benchmarks.precision import print_table, table_rows

    info = Finding(rule="ART020", category=Category.ARTEFACT, severity=Severity.INFO, start=40, end=50, message="m")
    res = {
        "corpus": "wire",
        "chars": 20000,
        "per_rule": {"ART020": [("a", _f(0, 10)), ("a", _f(20, 30)), ("b", info)]},
    }
    labels = {
        "ART020": [
            {"record": "a", "rule": "ART020", "start": 0, "end": 10, "verdict": "true"},
            {"record": "a", "rule": "ART020", "start": 20, "end": 30, "verdict": "debatable"},
            {"record": "b", "rule": "ART020", "start": 40, "end": 50, "verdict": "false"},
        ]
    }
    rows = table_rows(res, labels)
    assert rows == [
        ("ART020", "wire", "warning", 2, 2.0, 2, 1, 0, 1),
        ("ART020", "wire", "info", 1, 1.0, 1, 0, 1, 0),
    ]
    print_table(rows)
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("| rule | corpus | severity |")
    assert "| ART020 | wire | warning | 2 | 2.00 | 2 | 1 | 0 | 1 | 1.00 |" in out
    assert "| ART020 | wire | info | 1 | 1.00 | 1 | 0 | 1 | 0 | 0.00 |" in out
