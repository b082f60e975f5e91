"""Selecting rules never changes another rule's findings (issue 19): a check that publishes what an
enabled check reads (the document and passage languages) runs whether or not its own rules are
selected, and a document's source does not depend on which checks ran."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from audit.config import Config
from audit.pipeline import build_checks, scan
from audit.policy import Policy
from audit.rules import all_rules

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def mixed_corpus(tmp_path_factory) -> Path:
    """The demo corpus plus the multi-script texts (whose artefact findings used to change without the
    language check)."""
    out = tmp_path_factory.mktemp("mixed")
    for f in sorted((ROOT / "corpus").glob("*.txt")):
        shutil.copy(f, out / f.name)
    for f in sorted((ROOT / "tests" / "data" / "scripts").glob("*.txt")):
        shutil.copy(f, out / f"script_{f.name}")
    return out


def _findings(report, rules=None):
    return sorted(
        (d.id, f.rule, f.start, f.end, f.severity.value, f.message)
        for d in report.documents
        for f in d.findings
        if rules is None or f.rule in rules
    )


@pytest.mark.slow
def test_each_category_alone_finds_what_it_finds_among_all(mixed_corpus):
    config = replace(Config(), jobs=1)
    full = scan([str(mixed_corpus)], config)
    everything = _findings(full)
    assert everything, "the corpus must produce findings for this test to mean anything"
    sources = {d.id: d.source for d in full.documents}
    for category in ("artefact", "sourcing", "duplicate", "language"):
        alone = scan([str(mixed_corpus)], replace(config, select=(category,)))
        ids = {r.id for r in all_rules() if r.category.value == category}
        assert _findings(alone) == _findings(full, ids), category
        assert {d.id: d.source for d in alone.documents} == sources, category


@pytest.mark.slow
def test_each_rule_alone_finds_what_it_finds_among_all(mixed_corpus):
    config = replace(Config(), jobs=1)
    full = scan([str(mixed_corpus)], config)
    for rule in sorted({f.rule for d in full.documents for f in d.findings}):
        alone = scan([str(mixed_corpus)], replace(config, select=(rule,)))
        assert _findings(alone) == _findings(full, {rule}), rule


def test_an_annotator_runs_for_its_consumers_only():
    config = Config()

    def names(sel):
        policy = Policy.from_config(replace(config, select=sel))
        return {type(c).__name__: c.enabled for c in build_checks(config, policy)}

    art = names(("ART031",))
    assert art["LanguageCheck"] == frozenset() and art["MissingWhitespaceCheck"] == {"ART031"}
    assert "LanguageCheck" not in names(("DUP",))  # the dedup stage pays for no language identification
    assert "LanguageCheck" not in names(("ART001",))
