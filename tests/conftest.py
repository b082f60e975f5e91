from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SCHEMA_PATH = ROOT.parent / "shared" / "report.schema.json"
LOCAL_SCHEMA = ROOT / "docs" / "contract" / "report.schema.json"


@pytest.fixture(scope="session")
def report_schema() -> dict:
    """The contract's schema (shared/ beside the checkout), else the copy in docs/contract/."""
    path = SCHEMA_PATH if SCHEMA_PATH.is_file() else LOCAL_SCHEMA
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def corpus_dir() -> Path:
    return CORPUS
