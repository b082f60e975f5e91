"""Every sourcing rule against its case file: texts it must flag and texts it must not."""

from __future__ import annotations

import pytest
from sourcing_cases import CASES

from audit.model import Document
from audit.rules import DocContext
from audit.sourcing import SourcingCheck


def _findings(text: str, rule: str):
    ctx = DocContext(Document("case", text, "case"), 0)
    return [f for f in SourcingCheck().check(ctx) if f.rule == rule]


PARAMS = [
    pytest.param(rule, expect, text, id=f"{rule}-{expect}-{i}")
    for rule, cases in CASES.items()
    for expect in ("flag", "pass")
    for i, text in enumerate(cases[expect])
]


@pytest.mark.parametrize("rule,expect,text", PARAMS)
def test_case(rule: str, expect: str, text: str) -> None:
    found = _findings(text, rule)
    if expect == "flag":
        assert found, f"{rule} should flag: {text!r}"
        for f in found:
            assert 0 <= f.start < f.end <= len(text)
            assert f.message and f.data and f.data.get("missing")
    else:
        assert not found, f"{rule} should not flag {text!r}: {[(f.message, text[f.start:f.end]) for f in found]}"
