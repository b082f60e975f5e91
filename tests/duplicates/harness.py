"""Run the duplicates check over a small in-memory corpus (shared by the duplicates tests)."""

from __future__ import annotations

from array import array

from audit.duplicates import DuplicateCheck, DuplicatesConfig
from audit.duplicates.corpus import Corpus
from audit.model import Document
from audit.rules import DocContext


def run(docs: dict[str, str], config: DuplicatesConfig | None = None, metadata: dict | None = None):
    """``(findings by document id, clusters)`` of the duplicates check alone over ``docs`` in order."""
    check = DuplicateCheck(config or DuplicatesConfig())
    ids = list(docs)
    texts = [docs[i] for i in ids]
    for o, doc_id in enumerate(ids):
        meta = (metadata or {}).get(doc_id, {})
        check.observe(
            DocContext(Document(doc_id, texts[o], source=f"{meta.get('source', '')}/{doc_id}.txt", metadata=meta), o)
        )
    result = check.finish(lambda o: texts[o], ids)
    findings = {doc_id: result.findings.get(o, []) for o, doc_id in enumerate(ids)}
    return findings, result.clusters


def corpus_of(texts: list[str]) -> Corpus:
    """A ``Corpus`` of ``texts`` in order (ids ``d0``, ``d1``, ...; default config, no metadata)."""
    n = len(texts)
    return Corpus(
        DuplicatesConfig(),
        [f"d{i}" for i in range(n)],
        lambda i: texts[i],
        array("q", map(len, texts)),
        array("d", [0.0] * n),
        array("i", [0] * n),
        {"s": 0},
        {},
    )
