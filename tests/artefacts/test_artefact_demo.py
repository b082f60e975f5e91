"""The demo corpus's known artefacts are found (and its clean document is left alone)."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.artefacts import InjectedKeywordCheck
from audit.config import Config
from audit.model import Document, Span
from audit.pipeline import scan
from audit.rules import DocContext

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="module")
def found():
    rep = scan([str(CORPUS)], Config(select=("artefact",)))
    out = {}
    for d in rep.documents:
        text = (CORPUS / d.id).read_text(encoding="utf-8")
        out[d.id[:3]] = [(f.rule, text[f.start : f.end], f.severity.value) for f in d.findings]
    return out


def spans(found, doc, rule):
    return [s for r, s, _ in found[doc] if r == rule]


def test_001_bio_and_empty_labels(found):
    assert any(s.startswith("Author Melinda Kukaj My name is") for s in spans(found, "001", "ART004"))
    assert spans(found, "001", "ART003") == ["Categories:", "Tags:"]


def test_002_teaser_list(found):
    assert spans(found, "002", "ART053")


def test_003_tables_and_missing_spaces(found):
    assert len(spans(found, "003", "ART050")) == 4
    glued = spans(found, "003", "ART030")
    for s in ("Angeles,renowned", "schools,healthcare", "facilities,and", "enforcement.Officials"):
        assert s in glued


def test_004_injections_truncations_repeats(found):
    assert spans(found, "004", "ART010") == ["order", "site", "order", "store", "online"]
    assert any(s.endswith("by the end o") for s in spans(found, "004", "ART020"))
    assert spans(found, "004", "ART021") == [".."]
    assert len(spans(found, "004", "ART052")) == 1


def test_000_has_no_artefact_warnings(found):
    assert not [f for f in found["000"] if f[2] != "info"]


def _ctx(text, lang=None):
    ctx = DocContext(Document(id="d", text=text, source="d.txt", locator=None, metadata={}, record=None), 0)
    if lang:
        ctx.passage_languages = [(Span(0, len(text)), lang, 0.99)]
        ctx.language = lang
    return ctx


def test_foreign_cue_uses_language_annotations_when_present():
    text = "La procuradora Kamala Harris anunció ayer, order la medida para todas las agencias locales del estado."
    check = InjectedKeywordCheck()
    assert [f.data["cue"] for f in check.check(_ctx(text))] == ["foreign"]  # own stop-word cue: Spanish
    assert [f.data["cue"] for f in check.check(_ctx(text, "es"))] == ["foreign"]
    assert not list(check.check(_ctx(text, "en")))  # the language check says English: no foreign cue


def test_teaser_list_with_blank_lines_and_ap_style_article():
    from audit.artefacts import StructureCheck

    teasers = (CORPUS / "002_9890f49f714b38a1.txt").read_text(encoding="utf-8").replace("\n", "\n\n")
    assert any(f.rule == "ART053" for f in StructureCheck().check(_ctx(teasers)))
    ap = (Path(__file__).parent / "clean" / "en_ap_style_lines.txt").read_text(encoding="utf-8")
    assert not any(f.rule == "ART053" for f in StructureCheck().check(_ctx(ap)))
