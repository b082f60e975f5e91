"""Runs every case in cases.py through the duplicates check (one parametrised test)."""

from __future__ import annotations

import pytest

from audit.duplicates import DuplicateCheck, DuplicatesConfig
from audit.model import Document
from audit.rules import DocContext
from tests.duplicates.cases import CASES


def run(docs: dict[str, str], config: DuplicatesConfig | None = None, metadata: dict | None = None):
    check = DuplicateCheck(config or DuplicatesConfig())
    ids = list(docs)
    texts = [docs[i] for i in ids]
    for o, doc_id in enumerate(ids):
        meta = (metadata or {}).get(doc_id, {})
        check.observe(DocContext(Document(doc_id, texts[o], source=f"{meta.get('source', '')}/{doc_id}.txt",
                                          metadata=meta), o))
    result = check.finish(lambda o: texts[o], ids)
    findings = {doc_id: result.findings.get(o, []) for o, doc_id in enumerate(ids)}
    return findings, result.clusters


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case):
    findings, clusters = run(case["docs"])
    for rule, doc_id, related in case["flag"]:
        hits = [f for f in findings[doc_id] if f.rule == rule]
        assert hits, f"{rule} should flag {doc_id}; got {[(f.rule, f.message) for f in findings[doc_id]]}"
        if related is not None:
            assert any(r.document == related for f in hits for r in f.related), f"{rule} on {doc_id} should name {related}"
        for f in hits:
            text = case["docs"][doc_id]
            assert 0 <= f.start < f.end <= len(text)
            for r in f.related:
                assert 0 <= r.start < r.end <= len(case["docs"][r.document])
                assert 0.0 < r.similarity <= 1.0
    for rule, doc_id in case["not_flag"]:
        bad = [f.message for f in findings[doc_id] if f.rule == rule]
        assert not bad, f"{rule} should not flag {doc_id}: {bad}"
    # Every cluster member except the kept copy carries a finding naming the kept copy.
    for c in clusters:
        assert c.kept in c.members
        for m in c.members:
            if m == c.kept:
                continue
            assert any(r.document == c.kept.document for f in findings[m.document] for r in f.related)
