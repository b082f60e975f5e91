"""Golden reports for the demo corpus (regenerate with `python tests/regen_golden.py`)."""

from __future__ import annotations

import json

import jsonschema
import pytest

from tests.regen_golden import GOLDEN, build


@pytest.fixture(scope="module")
def fresh():
    return build()


@pytest.mark.parametrize("name", ["report.json", "report.md"])
def test_demo_corpus_matches_golden(fresh, name):
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    assert fresh[name] == expected, f"{name} changed: run `python tests/regen_golden.py` and review the diff"


def test_golden_json_is_schema_valid(report_schema):
    jsonschema.validate(json.loads((GOLDEN / "report.json").read_text(encoding="utf-8")), report_schema)
