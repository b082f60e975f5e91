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
    rows = [
        (i, c, s, d.replace("\\|", "|"))  # a | inside a table cell is written \|
        for i, c, s, d in re.findall(r"^\| ([A-Z]+\d+) \| (\w+) \| (\w+) \| (.*) \|$", readme, re.M)
    ]
    expected = [(r.id, r.category.value, r.severity.value, r.description) for r in all_rules()]
    assert sorted(rows) == sorted(expected)


def test_a_document_check_must_define_check():
    import pytest

    from audit.rules import DocumentCheck

    class Incomplete(DocumentCheck):
        rules = ()

    with pytest.raises(TypeError):
        Incomplete()


def test_builtin_scope_matches_every_check():
    """BUILTIN_SCOPE lets a selection skip importing families: each listed check's rules must all carry
    its prefix and category, or a selection could miss a rule."""
    from audit.rules import BUILTIN_SCOPE, _load

    assert set(BUILTIN_SCOPE) == set(BUILTIN_CHECKS)
    for spec, (prefix, category) in BUILTIN_SCOPE.items():
        for rule in _load(spec).rules:
            assert rule.id.startswith(prefix) and rule.category.value == category, (spec, rule.id)


def test_a_selection_loads_the_families_it_names_and_their_providers():
    names = lambda sel: {c.__name__ for c in check_classes(include_plugins=False, select=sel)}  # noqa: E731
    dup = names(["duplicate"])
    assert dup == {"DuplicateCheck", "IndexCheck"}
    assert names(["DUP001", "dup"]) == dup
    assert "LanguageCheck" in names(["SRC"])  # sourcing uses the language check's annotations
    assert names(["LANG002"]) == {"LanguageCheck"}
    assert len(names(["D", "L", "A", "S"])) == len(BUILTIN_CHECKS)
    every = {c.__name__ for c in check_classes(include_plugins=False)}
    for sel in (["duplicate"], ["DUP001"], ["artefact"], ["sourcing"], ["LANG"], ["ART010", "SRC001"]):
        # the lazily loaded classes hold every rule the selection names
        from audit.rules import resolve_patterns

        lazy_rules = all_rules(check_classes(include_plugins=False, select=sel))
        assert resolve_patterns(sel, lazy_rules, "select") == resolve_patterns(sel, all_rules(), "select")
        assert names(sel) <= every


def test_select_duplicate_imports_no_other_family_and_no_html_renderer(tmp_path):
    import subprocess
    import sys

    # "b" names no source: the report names its outlet from the text (audit.sourcing.tables), which must not
    # import the sourcing family's analysis and compile its lexicons
    (tmp_path / "c.jsonl").write_text(
        '{"id": "a", "text": "Prices rose.", "source": "wire"}\n{"id": "b", "text": "Oil slips - Daily Mail"}\n',
        encoding="utf-8",
    )
    code = (
        "import sys\nfrom audit.cli import main\nsys.argv = ['corpus-audit', 'scan', sys.argv[1], '--out', sys.argv[2],"
        " '--format', 'json', '--select', 'duplicate', '--jobs', '1']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('audit.', 'jinja2'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "c.jsonl"), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "audit.duplicates" in out
    assert "audit.sourcing.tables" in out
    absent_sourcing = (
        "audit.sourcing.check",
        "audit.sourcing.analysis",
        "audit.sourcing.cues",
        "audit.sourcing.lexicon",
    )
    for absent in ("audit.artefacts", "audit.language", "audit.render.html", "jinja2", *absent_sourcing):
        assert f"'{absent}" not in out, (absent, out)
    assert (tmp_path / "out" / "report.json").exists()
