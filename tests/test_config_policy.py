"""Configuration loading and the policy layer."""

from __future__ import annotations

import pytest

from audit.config import Config, PolicyConfig, config_from_mapping, load_config
from audit.errors import ConfigError, UnknownRuleError
from audit.model import Category, Finding, Severity, Verdict
from audit.policy import Policy
from audit.rules import all_rules, resolve_patterns


def finding(rule="ART001", severity=Severity.WARNING, start=0, end=1, category=Category.ARTEFACT):
    return Finding(rule=rule, category=category, severity=severity, start=start, end=end, message="m")


def test_defaults_without_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert load_config() == Config()


def test_corpus_audit_toml_is_discovered(tmp_path, monkeypatch):
    (tmp_path / "corpus-audit.toml").write_text(
        'fail_on = "warning"\nlanguages = ["en", "es"]\nignore = ["DUP"]\n[severity]\nART001 = "info"\n'
        '[empty]\nmin_words = 3\n[policy]\ndrop_on = "error"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    config = load_config()
    assert config.fail_on == "warning"
    assert config.languages == ("en", "es")
    assert config.severity == {"ART001": "info"}
    assert config.sections["empty"].min_words == 3


def test_pyproject_tool_table(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname="x"\n[tool.corpus-audit]\ntext_field = "body"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert load_config().text_field == "body"


@pytest.mark.parametrize(
    "data, key",
    [
        ({"fail-onn": "error"}, "fail-onn"),
        ({"empty": {"min_wordz": 3}}, "min_wordz"),
        ({"policy": {"drop": "error"}}, "drop"),
        ({"bogus_section": {}}, "bogus_section"),
    ],
)
def test_unknown_keys_are_named(data, key):
    with pytest.raises(ConfigError, match=key):
        config_from_mapping(data, "test.toml")


@pytest.mark.parametrize(
    "data",
    [
        {"fail_on": "fatal"},
        {"severity": {"ART001": "loud"}},
        {"empty": {"min_words": "many"}},
        {"select": 5},
        {"policy": {"drop_on": "never"}},
    ],
)
def test_invalid_values(data):
    with pytest.raises(ConfigError):
        config_from_mapping(data)


def test_invalid_toml_names_the_file(tmp_path):
    bad = tmp_path / "c.toml"
    bad.write_text("fail_on = [", encoding="utf-8")
    with pytest.raises(ConfigError, match="c.toml"):
        load_config(bad)


def test_patterns_expand_ids_prefixes_and_categories():
    rules = all_rules()
    assert resolve_patterns(["ART001"], rules, "select") == {"ART001"}
    assert resolve_patterns(["duplicate"], rules, "select") == {r.id for r in rules if r.category.value == "duplicate"}
    assert resolve_patterns(["DUP"], rules, "select") == {r.id for r in rules if r.id.startswith("DUP")}
    with pytest.raises(UnknownRuleError, match="Valid rule ids: .*ART001"):
        resolve_patterns(["XYZ9"], rules, "--select")


def test_select_ignore_and_severity_overrides():
    policy = Policy.from_config(Config(select=("ART",), severity={"ART001": "info"}))
    kept = policy.apply([finding("ART001", Severity.ERROR), finding("DUP001", category=Category.DUPLICATE)])
    assert [(f.rule, f.severity) for f in kept] == [("ART001", Severity.INFO)]
    policy = Policy.from_config(Config(ignore=("artefact",)))
    assert policy.apply([finding("ART001")]) == []


def test_unknown_rule_in_severity_is_an_error():
    with pytest.raises(ConfigError, match="NOPE1"):
        Policy.from_config(Config(severity={"NOPE1": "info"}))


def test_verdicts():
    policy = Policy.from_config(Config())
    assert policy.verdict([]) == Verdict.KEEP
    assert policy.verdict([finding(severity=Severity.INFO)]) == Verdict.KEEP
    assert policy.verdict([finding(severity=Severity.WARNING)]) == Verdict.REVIEW
    assert policy.verdict([finding(severity=Severity.ERROR)]) == Verdict.DROP
    strict = Policy.from_config(Config(policy=PolicyConfig(drop_rules=("ART001",))))
    assert strict.verdict([finding(severity=Severity.INFO)]) == Verdict.DROP


def test_findings_are_sorted_deterministically():
    policy = Policy.from_config(Config())
    out = policy.apply([finding(start=5, end=9), finding(start=0, end=3), finding(start=5, end=7)])
    assert [(f.start, f.end) for f in out] == [(0, 3), (5, 7), (5, 9)]


def test_readme_config_examples_are_valid():
    """Every ```toml block in the README loads without error."""
    import re
    import tomllib
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", readme, re.S)
    assert len(blocks) >= 2
    for block in blocks:
        config_from_mapping(tomllib.loads(block), "README")


@pytest.mark.parametrize(
    "data, message",
    [
        ({"index": {"path": 5}}, "path must be a string, not 5"),
        ({"duplicates": {"source_priority": "reuters"}}, "source_priority must be a list, not 'reuters'"),
        ({"duplicates": {"keep": 1}}, "keep must be a string, not 1"),
    ],
)
def test_section_values_of_the_wrong_type_are_config_errors(data, message):
    # (a string where a list is expected was iterated letter by letter; a number where a path is
    # expected crashed deep inside the run)
    with pytest.raises(ConfigError, match=message):
        config_from_mapping(data, "test")


def test_policy_table_needs_no_import_side_effect():
    """The config knows every table by itself (the filter's keys are [policy] keys; nothing registers
    a table when some module happens to be imported)."""
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys\n"
        "from audit.config import config_from_mapping\n"
        "c = config_from_mapping({'policy': {'keep_rules': ['ART'], 'drop_duplicates': False}})\n"
        "assert c.policy.keep_rules == ('ART',) and not c.policy.drop_duplicates\n"
        "assert 'audit.policy' not in sys.modules and 'audit.filter' not in sys.modules\n"
    )
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize(
    "policy",
    [
        {},
        {"drop_on": "warning"},
        {"drop_on": "info", "keep_rules": ["SRC"]},
        {"drop_rules": ["ART060"], "drop_unexpected_language": False},
        {"drop_duplicates": False},
    ],
)
def test_report_verdicts_and_filter_decisions_agree(tmp_path, policy):
    """One policy object: the documents a scan's report marks ``drop`` are exactly those ``filter``
    rejects, under any [policy] table (a batch with copies, damage, a foreign language, short texts)."""
    import json

    from audit.filter import filter_paths
    from audit.pipeline import scan

    texts = [
        "The city council approved the new budget on Tuesday after a long debate about roads, schools and the "
        "library that residents of the northern districts have asked for since the floods two years ago.",
        "Researchers at the university published a study on Thursday showing that river temperatures in the "
        "valley rose by almost two degrees over the last decade, with consequences for trout and salmon.",
        "El ayuntamiento aprobó el martes el nuevo presupuesto tras un largo debate sobre carreteras, escuelas y "
        "la biblioteca que los vecinos de los barrios del norte reclaman desde las inundaciones de hace dos años.",
        "Too short.",
        "",
        "A fire broke out in a warehouse near the harbour early on Monday morning \x00\x00\x00 firefighters needed "
        "four hours to bring it under control, said the port authority, which according to officials was fine.",
    ]
    texts += [texts[0].upper(), texts[1]]  # exact copies, after their originals (keep = "first")
    batch = tmp_path / "b.jsonl"
    batch.write_text(
        "".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(texts)), encoding="utf-8"
    )
    config = config_from_mapping({"languages": ["en"], "jobs": 1, "policy": policy})
    report = scan([str(batch)], config)
    dropped = {d.id for d in report.documents if d.verdict is Verdict.DROP}
    filter_paths([str(batch)], config, tmp_path / "k.jsonl", tmp_path / "r.jsonl")
    rejected = {json.loads(line)["id"] for line in (tmp_path / "r.jsonl").read_text().splitlines()}
    assert rejected == dropped
    assert ("d6" in rejected) is policy.get("drop_duplicates", True)
