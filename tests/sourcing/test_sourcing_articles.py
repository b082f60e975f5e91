# ruff: noqa: E501  (article texts keep their one-line paragraphs)
"""Whole articles: a well-sourced article stays (nearly) clean; a page of teasers does not.

Also runs the labelled dev sets of benchmarks/data through the same measure as
benchmarks/sourcing_eval.py and pins the figures reported in docs/sourcing.md.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from audit.model import Document, Severity
from audit.rules import DocContext
from audit.sourcing import SourcingCheck
from audit.sourcing.check import SourcingConfig

DATA = Path(__file__).resolve().parents[2] / "benchmarks" / "data"

WELL_SOURCED_EN = """Oakland budget gap widens

OAKLAND, Calif. — Oakland faces a $180 million budget shortfall over the next two years, city officials said Tuesday.

The gap is roughly 8% of the general fund, according to a report by the city administrator.

"We are going to have to make very hard choices," Mayor Sheng Thao said at a news conference. "Nothing is off the table. That includes layoffs."

Thao said the city would freeze hiring for 200 vacant positions.

Council member Dan Kalb disagreed. "The numbers in this report are inflated," he said, adding that the city had $40 million in reserves.

The council will vote on the plan on June 30.
"""

WELL_SOURCED_ES = """El paro baja al 11,2% en el segundo trimestre

MADRID — El número de desempleados bajó en 180.000 personas entre abril y junio, según la Encuesta de Población Activa publicada este jueves por el Instituto Nacional de Estadística.

La tasa de paro se situó en el 11,2%, la más baja desde 2008, informó el organismo.

«Es una buena noticia, pero el empleo juvenil sigue siendo nuestro gran reto», afirmó la ministra de Trabajo, Yolanda Díaz, en una rueda de prensa.

De acuerdo con los datos oficiales, el paro juvenil se mantiene en el 27%.
"""

TEASERS = """Crime rose 14% in the city last year.
Home prices jumped 9% as inventory shrank.
The district will close 12 schools next fall.
Ridership on buses fell to 60% of pre-pandemic levels.
The new stadium will cost $1.5 billion.
"""


def _run(text: str):
    ctx = DocContext(Document("a", text, "a"), 0)
    return list(SourcingCheck().check(ctx)), ctx.stats["sourcing"]


@pytest.mark.parametrize("text", [WELL_SOURCED_EN, WELL_SOURCED_ES], ids=["en", "es"])
def test_well_sourced_article_has_no_warnings_and_scores_high(text):
    findings, stats = _run(text)
    assert not [f for f in findings if f.severity.rank >= Severity.WARNING.rank]
    assert [f.rule for f in findings if f.rule == "SRC001"] == []  # the headline is not a claim
    assert stats["score"] >= 0.7
    assert stats["unsourced_statistics"] == 0


def test_spanish_sources_and_outlets_listed():
    _findings, stats = _run(WELL_SOURCED_ES)
    assert "Encuesta de Población Activa" in stats["sources"]
    assert "ministra de Trabajo" in stats["sources"]


def test_teaser_page_scores_low_and_cites_nothing():
    findings, stats = _run(TEASERS)
    assert stats["score"] == 0.0
    # Not claims under the claim model: the stadium's cost (no people or society noun) and the 12 schools to
    # close (a count below 100 that counts no harm to people).
    assert sum(f.rule == "SRC001" for f in findings) == 3
    # SRC005 runs only when enabled (on real text 2 of 127 of its findings were true)
    assert not any(f.rule == "SRC005" for f in findings)
    ctx = DocContext(Document("a", TEASERS, "a"), 0)
    enabled = list(SourcingCheck(SourcingConfig(sourceless_documents=True)).check(ctx))
    assert any(f.rule == "SRC005" and (f.start, f.end) == (0, len(TEASERS)) for f in enabled)


def _measure(path: Path) -> tuple[int, int, int, int]:
    check = SourcingCheck()
    tp = fn = fp = tn = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        text = item["text"]
        ctx = DocContext(Document("i", text, "eval"), 0)
        flags = [(f.start, f.end) for f in check.check(ctx) if f.rule == "SRC001"]
        for needle, attributed in item["labels"]:
            pos = text.index(needle)
            sent = next(s for s in ctx.sentences if s.start <= pos < s.end)
            flagged = any(s < sent.end and sent.start < e for s, e in flags)
            if attributed:
                fp, tn = fp + flagged, tn + (not flagged)
            else:
                tp, fn = tp + flagged, fn + (not flagged)
    return tp, fn, fp, tn


@pytest.mark.parametrize("path", sorted(DATA.glob("attribution_dev*.jsonl")), ids=lambda p: p.stem)
def test_dev_sets_recall_and_false_flags(path):
    tp, fn, fp, tn = _measure(path)
    assert tp + fn > 0 and fp + tn > 0
    assert tp / (tp + fn) >= 0.9
    assert fp / (fp + tn) <= 0.1
