"""Every artefact rule's case file entries: texts it must flag (with the flagged span) and texts it must not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from audit.artefacts import (
    BoilerplateCheck,
    EncodingCheck,
    InjectedKeywordCheck,
    MissingWhitespaceCheck,
    QualityCheck,
    StructureCheck,
    TruncationCheck,
)
from audit.model import Document
from audit.rules import DocContext

CASES = json.loads((Path(__file__).parent / "cases.json").read_text(encoding="utf-8"))
CHECKS = (BoilerplateCheck, InjectedKeywordCheck, TruncationCheck, MissingWhitespaceCheck, EncodingCheck,
          StructureCheck, QualityCheck)


def run(text: str, source: str = "doc.txt"):
    ctx = DocContext(Document(id="doc", text=text, source=source, locator=None, metadata={}, record=None), 0)
    out = []
    for cls in CHECKS:
        out.extend(cls().check(ctx))
    return out


FLAG = [(rule, text, span) for rule, c in CASES.items() for text, span in c["flags"]]
NOT_FLAG = [(rule, text) for rule, c in CASES.items() for text in c["not_flags"]]


@pytest.mark.parametrize("rule,text,span", FLAG, ids=[f"{r}-{i}" for i, (r, _t, _s) in enumerate(FLAG)])
def test_flags(rule, text, span):
    hits = [f for f in run(text) if f.rule == rule]
    assert hits, f"{rule} should flag {text!r}"
    if span is not None:
        assert span in [text[f.start : f.end] for f in hits]
    for f in hits:
        assert 0 <= f.start < f.end <= len(text)
        assert f.message


@pytest.mark.parametrize("rule,text", NOT_FLAG, ids=[f"{r}-{i}" for i, (r, _t) in enumerate(NOT_FLAG)])
def test_does_not_flag(rule, text):
    hits = [f for f in run(text) if f.rule == rule]
    assert not hits, f"{rule} should not flag {text!r}: {[h.message for h in hits]}"
