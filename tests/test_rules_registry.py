"""The rule registry: every rule is documented and every check is loadable."""

from __future__ import annotations

import re

from audit.config import config_from_mapping
from audit.rules import BUILTIN_CHECKS, all_rules, check_classes, family_sections

PREFIX = {"duplicate": "DUP", "language": "LANG", "artefact": "ART", "sourcing": "SRC"}


def test_every_rule_is_documented_with_examples():
    rules = all_rules()
    assert len(rules) >= 30
    for r in rules:
        assert re.fullmatch(r"[A-Z]{3,4}\d{3}", r.id), r.id
        assert r.id.startswith(PREFIX[r.category.value]), r.id
        assert r.description and r.name and r.flags and r.not_flags, r.id


def test_every_builtin_check_loads_and_every_family_section_has_defaults():
    classes = check_classes(include_plugins=False)
    assert len(classes) == len(BUILTIN_CHECKS)
    sections = family_sections(classes)
    # An empty table for every section is valid and gives the defaults.
    config = config_from_mapping({name: {} for name in sections})
    for name, cls in sections.items():
        assert config.sections[name] == cls()


def test_readme_rules_table_matches_the_registry():
    """README's rules table is the registry's: one row per rule, as `corpus-audit rules --json` gives it."""
    import re
    from pathlib import Path

    from audit.rules import all_rules

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    rows = [(i, c, s, d.replace("\\|", "|"))  # a | inside a table cell is written \|
            for i, c, s, d in re.findall(r"^\| ([A-Z]+\d+) \| (\w+) \| (\w+) \| (.*) \|$", readme, re.M)]
    expected = [(r.id, r.category.value, r.severity.value, r.description) for r in all_rules()]
    assert sorted(rows) == sorted(expected)


def test_a_document_check_must_define_check():
    import pytest

    from audit.rules import DocumentCheck

    class Incomplete(DocumentCheck):
        rules = ()

    with pytest.raises(TypeError):
        Incomplete()
