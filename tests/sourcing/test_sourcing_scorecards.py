"""Per-source scorecards over a small synthetic multi-source report, and document sources."""

from __future__ import annotations

import json

from audit.config import Config
from audit.model import Category, DocumentResult, Finding, Report, Severity
from audit.pipeline import scan
from audit.scorecards import source_scorecards


def _f(rule: str, cat: Category) -> Finding:
    return Finding(rule, cat, Severity.INFO, 0, 1, "m")


def _doc(i: int, source: str, lang: str, findings=(), words=1000, claims=10, attributed=5) -> DocumentResult:
    return DocumentResult(
        id=f"d{i}",
        chars=words * 6,
        source=source,
        language=lang,
        findings=list(findings),
        stats={"sourcing": {"words": words, "claims": claims, "attributed": attributed}},
    )


def test_scorecards_group_rates_density_and_sort():
    docs = [
        _doc(1, "wire", "en", [_f("DUP001", Category.DUPLICATE), _f("SRC001", Category.SOURCING)]),
        _doc(2, "wire", "en", [_f("ART001", Category.ARTEFACT)], attributed=9),
        _doc(
            3,
            "wire",
            "es",
            [_f("SRC001", Category.SOURCING), _f("SRC002", Category.SOURCING), _f("SRC003", Category.SOURCING)],
            words=500,
            claims=0,
            attributed=0,
        ),
        _doc(4, "blog", "en", [_f("SRC004", Category.SOURCING)], words=200, claims=4, attributed=0),
        _doc(5, "aaa", "fr", words=100, claims=0, attributed=0),
    ]
    cards = source_scorecards(Report("0", docs, [], []))
    assert [c["source"] for c in cards] == ["wire", "aaa", "blog"]  # most documents first, then by name
    wire = cards[0]
    assert wire["documents"] == 3
    assert wire["duplicate_rate"] == round(1 / 3, 4) and wire["artefact_rate"] == round(1 / 3, 4)
    assert wire["unsourced_claims"] == 3  # SRC003 (vague) is not counted as unsourced
    assert wire["unsourced_claim_density"] == round(1000 * 3 / 2500, 3)
    assert wire["sourcing_score"] == round(14 / 20, 3)
    assert wire["languages"] == {"en": 2, "es": 1}
    assert cards[1]["sourcing_score"] is None  # no claims
    assert cards[2]["unsourced_claim_density"] == 5.0


def test_scorecards_without_sourcing_stats_use_chars():
    doc = DocumentResult(id="x", chars=6000, source="", language="und", findings=[_f("SRC001", Category.SOURCING)])
    (card,) = source_scorecards(Report("0", [doc], [], []))
    assert card["source"] == "." and card["words"] == 1000 and card["unsourced_claim_density"] == 1.0


def test_source_field_then_headline_outlet_then_folder(tmp_path):
    (tmp_path / "feed").mkdir()
    (tmp_path / "feed" / "a.jsonl").write_text(
        json.dumps({"id": "r1", "text": "Rents rose 20% in May.", "site": "example.org"})
        + "\n"
        + json.dumps({"id": "r2", "text": "Plain text with no outlet line at all here."})
        + "\n",
        encoding="utf-8",
    )
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "p.txt").write_text(
        "Sheriff to stop honoring detainers – La Opinion\n\nThe sheriff said the change is voluntary.\n\n"
        "Another headline about the same story – CBS\n\nMore text.\n\nA third headline on this story – La Opinion\n",
        encoding="utf-8",
    )
    (tmp_path / "pages" / "q.txt").write_text("The council met on Tuesday and voted.", encoding="utf-8")
    report = scan([str(tmp_path)], Config(source_field="site"))
    src = {d.id: d.source for d in report.documents}
    assert src["r1"] == "example.org"  # the configured record field
    assert src["r2"] == "feed"  # no field, no outlet line: the folder
    assert src["pages/p.txt"] == "La Opinion"  # the most frequent headline outlet
    assert src["pages/q.txt"] == "pages"
    assert {c["source"] for c in report.extra["sources"]} == {"example.org", "feed", "La Opinion", "pages"}
