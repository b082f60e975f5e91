"""report.json layout: the C encoder, one top-level list entry per line, deterministic."""

from __future__ import annotations

import json

from audit.render import json_report


class _Report:
    def __init__(self, d):
        self.d = d

    def to_dict(self):
        return self.d


DATA = {
    "schema_version": 1,
    "summary": {"documents": 2, "by_rule": {"ART010": 1}},
    "documents": [
        {"id": "a", "findings": [{"rule": "ART010", "message": "“quoted” <b>&amp;</b>\nnext"}]},
        {"id": "b\u2014é", "findings": [], "languages": {"en": 0.5}},
    ],
    "clusters": [],
}


def test_round_trips_and_lays_out_one_document_per_line():
    out = json_report.render(_Report(DATA))
    assert json.loads(out) == DATA
    lines = out.splitlines()
    assert lines[0] == "{" and lines[-1] == "}" and out.endswith("}\n")
    doc_lines = [ln for ln in lines if ln.startswith('  {"id"')]
    assert [json.loads(ln.rstrip(","))["id"] for ln in doc_lines] == ["a", "b\u2014é"]
    assert ' "clusters": []' in lines
    assert "é" in out  # not escaped: the report stays readable


def test_deterministic_and_empty():
    assert json_report.render(_Report(DATA)) == json_report.render(_Report(json.loads(json.dumps(DATA))))
    assert json_report.render(_Report({})) == "{}\n"
