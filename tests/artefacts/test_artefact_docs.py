"""docs/artefacts.md documents every artefact config key with its real default."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

from audit.rules import build_config, family_sections

DOC = (Path(__file__).resolve().parents[2] / "docs" / "artefacts.md").read_text(encoding="utf-8")
SECTIONS = (
    "empty",
    "boilerplate",
    "recurring_lines",
    "spam",
    "truncation",
    "whitespace",
    "encoding",
    "structure",
    "quality",
)


def _toml_block() -> dict:
    start = DOC.index("```toml") + len("```toml")
    return tomllib.loads(DOC[start : DOC.index("```", start)])


def test_documented_config_matches_defaults():
    documented = _toml_block()
    sections = family_sections()
    for name in SECTIONS:
        cls = sections[name]
        values = documented[name]
        assert set(values) == {f.name for f in dataclasses.fields(cls)}, name
        assert build_config(cls, values, name) == cls(), name
