"""Demo-corpus expectations for the sourcing rules, through the real scan pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from audit.config import Config
from audit.pipeline import scan
from audit.render.json_report import render as render_json
from audit.render.markdown import render as render_md

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="module")
def report():
    return scan([str(CORPUS)], Config())


def _doc(report, prefix):
    return next(d for d in report.documents if d.id.startswith(prefix))


def _text(report, prefix):
    return report.text_of(_doc(report, prefix).id)


def _src(doc, rule=None):
    return [f for f in doc.findings if f.category.value == "sourcing" and (rule is None or f.rule == rule)]


def test_003_unsourced_table_rows_flagged(report):
    doc, text = _doc(report, "003"), _text(report, "003")
    rows = [text[f.start : f.end] for f in _src(doc, "SRC001")]
    assert any(r.startswith("Los Angeles | Sanctuary City | 27%") for r in rows)
    assert len(rows) == 3
    assert all(f.severity.value == "warning" for f in _src(doc, "SRC001"))
    assert doc.stats["sourcing"]["score"] < 0.2


def test_001_sacramento_bee_attributions_not_flagged(report):
    doc = _doc(report, "001")
    assert _src(doc) == []
    st = doc.stats["sourcing"]
    assert "Sacramento Bee" in st["outlets"] and "Bloomberg Law News" in st["outlets"]
    assert st["attributed_quotes"] == st["quotes"] >= 6
    assert st["score"] >= 0.7


def test_000_quotes_attributed(report):
    doc = _doc(report, "000")
    assert _src(doc) == []
    st = doc.stats["sourcing"]
    for name in ("Carmen Iguina", "Yannina Casillas", "Senator Kamala Harris"):
        assert name in st["sources"]
    assert st["attributed_quotes"] == st["quotes"] == 4


def test_002_teasers_score_low_and_weasel_flagged(report):
    doc, text = _doc(report, "002"), _text(report, "002")
    assert doc.stats["sourcing"]["score"] < 0.4
    assert any(text[f.start : f.end] == "A memo asserts" for f in _src(doc, "SRC003"))
    assert any("were told to" in text[f.start : f.end] for f in _src(doc, "SRC004"))


def test_004_source_from_headline_outlet(report):
    assert _doc(report, "004").source == "CBS"


def test_well_sourced_articles_score_above_teasers(report):
    score = {p: _doc(report, p).stats["sourcing"]["score"] for p in ("000", "001", "002", "003")}
    assert min(score["000"], score["001"]) > max(score["002"], score["003"])


def test_report_has_scorecards_and_validates(report, report_schema):
    data = json.loads(render_json(report))
    assert [c["source"] for c in data["sources"]] == ["corpus", "CBS"]  # files at the top of corpus/: the folder name
    assert data["sources"][0]["documents"] == 4
    jsonschema.validate(data, report_schema)
    md = render_md(report)
    assert "## Sources" in md and "| CBS | 1 |" in md
