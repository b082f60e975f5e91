"""Every rule against its case file, ``tests/cases/RULE.json``: what it must flag (with the flagged text)
and what it must not flag. One parametrised test runs them all through the real pipeline (the rule
selected alone, which gives the same findings as all rules: tests/test_selection_independence.py), and
a rule without a case file, or with an empty one, fails.

A case file::

    {"rule": "ART020",
     "config": {...},                        # optional: a corpus-audit.toml table, as a mapping
     "flags": [
        {"name": "...", "text": "...", "span": "the flagged text"},     # one document; span may be null
        {"name": "...", "documents": {"a": "...", "b": "..."},           # corpus rules
         "document": "b", "related": "a", "span": null},
        {"name": "...", "text": "...", "span_starts_with": "...", "span_ends_with": "...", "severity": "warning",
         "document_language": "en", "data": {"language": "es"}, "data_has": ["missing"], "count": 1}
     ],
     "not_flags": [{"name": "...", "text": "..."}, {"name": "...", "documents": {...}}]}

An entry with ``"known_miss": "why"`` is a case the rule should flag and does not yet (a strict xfail: it
fails the day the rule starts flagging it, so the note is removed then).

An entry with ``"indexed": {"id": "text", ...}`` first ingests those documents into a fresh persistent
index (``filter --update-index``) and scans against it (the DUP01x rules).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from audit.config import config_from_mapping
from audit.model import Document
from audit.pipeline import build_checks, finalize, run_checks
from audit.policy import Policy
from audit.rules import all_rules

CASES = Path(__file__).resolve().parent / "cases"
RULES = [r.id for r in all_rules()]


def load(rule: str) -> dict:
    path = CASES / f"{rule}.json"
    if not path.is_file():
        pytest.fail(
            f"rule {rule} has no case file {path.relative_to(CASES.parents[1])}: add texts it must flag and "
            "texts it must not (see CONTRIBUTING.md)",
            pytrace=False,
        )
    case = json.loads(path.read_text(encoding="utf-8"))
    assert case["rule"] == rule
    return case


def run(
    rule: str,
    documents: dict[str, str],
    config: dict | None,
    metadata: dict | None = None,
    indexed: dict[str, str] | None = None,
    tmp: Path | None = None,
) -> dict:
    config = dict(config or {})
    if indexed:
        assert tmp is not None
        from audit.filter import filter_paths

        batch = tmp / "indexed.jsonl"
        batch.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in indexed.items()), encoding="utf-8")
        filter_paths(
            [str(batch)],
            replace(config_from_mapping({}, "case"), jobs=1),
            tmp / "k.jsonl",
            tmp / "r.jsonl",
            index=tmp / "index",
            update_index=True,
        )
        config["index"] = {**config.get("index", {}), "path": str(tmp / "index")}
    cfg = replace(config_from_mapping(config, "case file"), select=(rule,), jobs=1)
    policy = Policy.from_config(cfg)
    docs = [
        Document(id=i, text=t, source=f"case/{i}.txt", metadata=(metadata or {}).get(i, {}))
        for i, t in documents.items()
    ]
    state, extra = run_checks(iter(docs), build_checks(cfg, policy), settings=cfg.settings())
    report = finalize(state, extra, policy)
    found = {d.id: [f for f in d.findings if f.rule == rule] for d in report.documents}
    found["_languages"] = {d.id: d.language for d in report.documents}  # type: ignore[assignment]
    return found


def _docs(entry: dict) -> dict[str, str]:
    return entry["documents"] if "documents" in entry else {"case": entry["text"]}


def _flag_params():
    out = []
    for rule in RULES:
        path = CASES / f"{rule}.json"
        entries = json.loads(path.read_text(encoding="utf-8"))["flags"] if path.is_file() else [None]
        out += [
            pytest.param(
                rule,
                i,
                id=f"{rule}-flag-{i}",
                marks=[pytest.mark.xfail(reason=e["known_miss"], strict=True)] if e and e.get("known_miss") else [],
            )
            for i, e in enumerate(entries or [None])
        ]
    return out


def _not_flag_params():
    out = []
    for rule in RULES:
        path = CASES / f"{rule}.json"
        entries = json.loads(path.read_text(encoding="utf-8"))["not_flags"] if path.is_file() else [None]
        out += [pytest.param(rule, i, id=f"{rule}-not-{i}") for i in range(len(entries) or 1)]
    return out


@pytest.mark.parametrize("rule,i", _flag_params())
def test_rule_flags_its_case(rule, i, tmp_path):
    case = load(rule)
    assert case["flags"], f"{rule}: the case file has no text the rule must flag"
    entry = case["flags"][i]
    docs = _docs(entry)
    found = run(
        rule, docs, entry.get("config", case.get("config")), entry.get("metadata"), entry.get("indexed"), tmp_path
    )
    doc_id = entry.get("document", "case")
    hits = found[doc_id]
    assert hits, f"{rule} should flag {entry.get('name', i)!r} ({doc_id}); it found nothing"
    text = docs[doc_id]
    spans = [text[f.start : f.end] for f in hits]
    for f in hits:
        assert 0 <= f.start < f.end <= len(text) and f.message
    if entry.get("span") is not None:
        assert entry["span"] in spans, f"{rule}: expected span {entry['span']!r}, got {spans}"
    if entry.get("span_starts_with") or entry.get("span_ends_with"):
        assert any(
            s.startswith(entry.get("span_starts_with", "")) and s.endswith(entry.get("span_ends_with", ""))
            for s in spans
        ), spans
    if entry.get("severity"):
        assert entry["severity"] in {f.severity.value for f in hits}
    if entry.get("related"):
        assert any(r.document == entry["related"] for f in hits for r in f.related)
    for f in hits:
        for r in f.related:  # spans in this corpus's documents are real spans (an indexed original has none here)
            if r.document in docs:
                assert 0 <= r.start <= r.end <= len(docs[r.document])
    if entry.get("count") is not None:
        assert len(hits) == entry["count"], [(f.start, f.end, f.message) for f in hits]
    if entry.get("data"):
        assert any(all((f.data or {}).get(k) == v for k, v in entry["data"].items()) for f in hits), [
            f.data for f in hits
        ]
    if entry.get("data_has"):
        assert all(all((f.data or {}).get(k) for k in entry["data_has"]) for f in hits), [f.data for f in hits]
    if entry.get("document_language"):
        assert found["_languages"][doc_id] == entry["document_language"]


@pytest.mark.parametrize("rule,i", _not_flag_params())
def test_rule_does_not_flag_its_case(rule, i, tmp_path):
    case = load(rule)
    assert case["not_flags"], f"{rule}: the case file has no text the rule must leave alone"
    entry = case["not_flags"][i]
    docs = _docs(entry)
    found = run(
        rule, docs, entry.get("config", case.get("config")), entry.get("metadata"), entry.get("indexed"), tmp_path
    )
    targets = [entry["document"]] if entry.get("document") else list(docs)
    bad = {d: [(f.message, docs[d][f.start : f.end]) for f in found[d]] for d in targets if found[d]}
    assert not bad, f"{rule} should not flag {entry.get('name', i)!r}: {bad}"
    if entry.get("document_language"):
        assert found["_languages"][targets[0]] == entry["document_language"]
