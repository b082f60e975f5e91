"""report.md: corpus-derived text creates no link and breaks no code span; the tables say what they cut."""

from __future__ import annotations

import re

from audit.model import Category, DocumentResult, Finding, Report, Severity, Unreadable
from audit.render.markdown import render

# What GitHub-flavoured Markdown links without markup: a scheme's "://" (found at a plain ":"),
# "www." at a word start, and an e-mail address (a plain "@" between address characters).
_LINKABLE = [
    re.compile(r"(?<!\\)://"),
    re.compile(r"(?i)(?<![A-Za-z0-9])www\."),
    re.compile(r"[A-Za-z0-9._+-]@[A-Za-z0-9-]+\.[A-Za-z]"),
]

HOSTILE = "see http://evil.example/x, www.evil.example and ops@evil.example"


def _finding(rule: str, severity: Severity, message: str = HOSTILE) -> Finding:
    return Finding(rule=rule, category=Category.ARTEFACT, severity=severity, start=10, end=26, message=message)


def _report(**extra) -> Report:
    doc = DocumentResult(
        id="https://news.example/story?id=1",
        chars=40,
        source="www.wire.example",
        findings=[
            _finding("ART003", Severity.WARNING),
            _finding("ART003", Severity.INFO),
            _finding("ART003", Severity.INFO),
        ],
    )
    return Report(
        tool_version="0",
        documents=[doc],
        clusters=[],
        unreadable=[Unreadable(file="http://host.example/a.jsonl", reason=HOSTILE, line=3)],
        extra=dict(extra),
        text_of=lambda _id: "Some text http://x.example here.",
    )


def test_corpus_text_creates_no_link():
    md = render(_report())
    for pattern in _LINKABLE:
        assert not pattern.search(md), (pattern.pattern, pattern.search(md))
    assert "http\\://evil.example/x" in md  # still readable as the address it is


def test_flagged_text_is_shown_escaped():
    md = render(_report())
    assert "“http\\://x.example”" in md and "## Unreadable inputs (1)" in md


def test_backtick_in_a_baseline_file_name_stays_inside_its_code_span():
    md = render(_report(baseline={"file": "base`line``.json", "suppressed": 0, "stale": []}))
    line = next(x for x in md.splitlines() if x.startswith("Baseline "))
    assert "```base`line``.json```" in line


def test_rule_table_shows_every_severity_a_rule_has():
    md = render(_report())
    row = next(x for x in md.splitlines() if x.startswith("| ART003 |"))
    assert "| warning 1, info 2 | 3 |" in row


def test_rule_table_single_severity_is_plain():
    report = _report()
    report.documents[0].findings = [_finding("ART003", Severity.WARNING, "plain")] * 2
    row = next(x for x in render(report).splitlines() if x.startswith("| ART003 |"))
    assert "| warning | 2 |" in row


def test_sources_table_says_when_it_cuts_the_language_list():
    card = {
        "source": "wire",
        "documents": 20,
        "duplicate_rate": 0.0,
        "artefact_rate": 0.0,
        "unsourced_claim_density": 0.0,
        "sourcing_score": None,
        "languages": {"en": 10, "de": 4, "fr": 3, "es": 1, "it": 1, "nl": 1},
    }
    md = render(_report(sources=[card]))
    row = next(x for x in md.splitlines() if x.startswith("| wire |"))
    assert "en 10, de 4, fr 3, es 1, 2 more (2 documents)" in row
    card["languages"] = {"en": 20}
    row = next(x for x in render(_report(sources=[card])).splitlines() if x.startswith("| wire |"))
    assert row.endswith("| en 20 |")


def test_short_records_notice_says_why_art001_is_quiet():
    report = _report(short_documents={"documents": 1863, "of": 7400, "min_words": 5, "median_words": 8})
    out = render(report)
    assert "Short records: 1,863 of 7,400 documents have fewer than 5 words" in out
    assert "median document has 8" in out
    assert "Short records" not in render(_report())
