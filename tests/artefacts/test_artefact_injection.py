"""The injection harness (benchmarks/artefact_injection.py) as a regression test: recall floors per
artefact type on the clean texts, and no warnings on them untouched or elsewhere after an injection."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import pytest

from audit.model import Severity

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("artefact_injection", ROOT / "benchmarks" / "artefact_injection.py")
harness = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(harness)

TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/artefacts/clean").glob("*.txt"))]
#: Minimum recall per injected artefact type (the harness measures more; these guard regressions).
FLOORS = {name: 1.0 for name in harness.INJECTORS}
FLOORS.update(
    {
        "spam: random position": 0.3,
        "truncated document": 0.7,
        "truncated passage": 0.7,
        "missing space": 0.7,
        "lost space before Name": 0.6,
        "glued lower words": 0.5,
        "glued Name+Opener": 0.8,
        "glued sentences": 0.8,
        "truncated whole word": 0.8,
    }
)
FLOORS.update(
    {
        "truncated Capitalised": 0.6,
        "truncated short last": 0.6,
        "truncated Title Case": 0.6,
        "truncated wrapped text": 0.7,
    }
)


@pytest.mark.parametrize("name", list(harness.INJECTORS))
def test_recall_and_no_collateral_warnings(name):
    inject, rules = harness.INJECTORS[name]
    rnd = random.Random(1234)
    hits = n = 0
    for _ in range(12):
        res = inject(rnd.choice(TEXTS), rnd)
        if res is None:
            continue
        new, span = res
        n += 1
        found = harness.findings(new)
        hits += any(f.rule in rules and harness.overlaps(f, span) for f in found)
        collateral = [
            f
            for f in found
            if f.severity.rank >= Severity.WARNING.rank and f.rule not in rules and not harness.overlaps(f, span)
        ]
        assert not collateral, [(f.rule, f.message) for f in collateral]
    assert n and hits / n >= FLOORS[name]


def test_untouched_clean_texts_have_no_warnings():
    bad = [(f.rule, f.message) for t in TEXTS for f in harness.findings(t) if f.severity.rank >= Severity.WARNING.rank]
    assert not bad
