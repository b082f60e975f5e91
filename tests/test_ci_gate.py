"""The CI gate: exit codes, --fail-on, config severities/select/ignore, baselines, GITHUB_STEP_SUMMARY."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from audit import rules as rules_mod
from audit.cli import app
from audit.model import Category, Severity
from audit.rules import DocumentCheck, Rule

runner = CliRunner()
DEMO = Path(__file__).resolve().parents[1] / "corpus"

# A test-only rule with sub-document spans, so that baseline identity can be checked on spans
# whose surroundings change (the built-in rules of this branch flag whole documents).
TST901 = Rule("TST901", "marker", Category.ARTEFACT, Severity.WARNING, "Flags the marker FIXME-XYZ.")
_MARKER = re.compile(r"FIXME-XYZ")


class MarkerCheck(DocumentCheck):
    rules = (TST901,)

    def check(self, ctx):
        return [TST901.finding((m.start(), m.end()), "marker found") for m in _MARKER.finditer(ctx.text)]


@pytest.fixture
def marker_rule(monkeypatch):
    monkeypatch.setattr(rules_mod, "BUILTIN_CHECKS", rules_mod.BUILTIN_CHECKS + (f"{__name__}:MarkerCheck",))


PARA = [
    "The regional parliament debated the water law for six hours on Wednesday before the vote was postponed.",
    "Farmers in the south say the drought has already cut their harvest by a third compared with last year.",
    "The minister promised a decision before the summer recess, but the opposition called the delay a scandal.",
    "Engineers have proposed a new reservoir in the hills, which would take at least eight years to build.",
]


def make_corpus(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "a.txt").write_text("\n\n".join(PARA), encoding="utf-8")
    (root / "b.txt").write_text("\n\n".join(PARA), encoding="utf-8")  # DUP001 (error)
    (root / "c.txt").write_text("Too short.", encoding="utf-8")  # ART001 (error)
    (root / "d.txt").write_text(
        "\n\n".join([PARA[0] + " FIXME-XYZ", PARA[1], PARA[2] + " FIXME-XYZ"]), encoding="utf-8"
    )
    return root


def scan(*args: str, env: dict | None = None):
    return runner.invoke(app, ["scan", *args], env=env)


#: The rules the baseline tests reason about (other families' rules would add findings of their own).
GATE_RULES = ("--select", "DUP001,ART001,TST901")


def report_of(out: Path) -> dict:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def test_exit_codes_follow_fail_on(tmp_path):
    corpus = make_corpus(tmp_path / "c")
    out = str(tmp_path / "r")
    assert scan(str(corpus), "--out", out).exit_code == 0  # no --fail-on: findings never fail
    assert scan(str(corpus), "--out", out, "--fail-on", "error").exit_code == 1
    assert scan(str(corpus), "--out", out, "--fail-on", "ERROR", "--ignore", "DUP,ART").exit_code == 0
    assert scan(str(corpus), "--out", out, "--fail-on", "bogus").exit_code == 2
    assert scan(str(corpus), "--out", out, "--select", "XYZ").exit_code == 2
    (corpus / "broken.jsonl").write_text('{"text": "fine enough text here for the check"}\n{oops\n')
    result = scan(str(corpus), "--out", out)
    assert result.exit_code == 2 and "broken.jsonl:2" in result.stderr
    assert report_of(Path(out))["unreadable"][0]["line"] == 2  # the report is still written


def test_clean_demo_corpus_passes_the_gate(tmp_path):
    result = scan(str(DEMO), "--out", str(tmp_path / "r"), "--fail-on", "error")
    assert result.exit_code == 0, result.output


def test_config_severity_select_ignore_and_fail_on(tmp_path):
    corpus = make_corpus(tmp_path / "c")
    out = str(tmp_path / "r")
    cfg = tmp_path / "corpus-audit.toml"
    cfg.write_text(
        'fail_on = "error"\nselect = ["DUP001", "ART001"]\n[severity]\nDUP001 = "warning"\nART001 = "info"\n'
    )
    assert scan(str(corpus), "--out", out, "--config", str(cfg)).exit_code == 0
    sev = {f["rule"]: f["severity"] for d in report_of(Path(out))["documents"] for f in d["findings"]}
    assert sev == {"DUP001": "warning", "ART001": "info"}
    assert scan(str(corpus), "--out", out, "--config", str(cfg), "--fail-on", "warning").exit_code == 1
    cfg.write_text('fail_on = "info"\nignore = ["duplicate"]\nselect = ["DUP", "ART001"]\n')
    assert scan(str(corpus), "--out", out, "--config", str(cfg)).exit_code == 1
    assert {f["rule"] for d in report_of(Path(out))["documents"] for f in d["findings"]} == {"ART001"}
    cfg.write_text('select = ["DUP001"]\nfail_on = "error"\n')
    assert scan(str(corpus), "--out", out, "--config", str(cfg), "--ignore", "DUP001").exit_code == 0
    cfg.write_text('[severity]\nNOPE01 = "info"\n')
    result = scan(str(corpus), "--out", out, "--config", str(cfg))
    assert result.exit_code == 2 and "NOPE01" in result.stderr


def test_baseline_survives_unrelated_edits_and_reports_new_and_stale(tmp_path, marker_rule):
    corpus = make_corpus(tmp_path / "c")
    base = tmp_path / "baseline.json"
    out = tmp_path / "r"
    result = scan(str(corpus), *GATE_RULES, "--out", str(out), "--write-baseline", str(base))
    assert result.exit_code == 0 and "with 4 findings" in result.stderr
    entries = json.loads(base.read_text())["findings"]
    assert sorted(e["rule"] for e in entries) == ["ART001", "DUP001", "TST901", "TST901"]

    # Edit d.txt around (not at) its markers: new first paragraph, reworded middle, moved offsets.
    d = corpus / "d.txt"
    d.write_text(
        "\n\n".join(
            [
                "An editor's note added at the top of the page.",
                PARA[0] + " FIXME-XYZ",
                "Farmers in the SOUTH   say the drought cut the harvest by a third.",
                PARA[2] + " FIXME-XYZ",
            ]
        ),
        encoding="utf-8",
    )
    result = scan(str(corpus), *GATE_RULES, "--out", str(out), "--baseline", str(base), "--fail-on", "info")
    assert result.exit_code == 0, result.output
    rep = report_of(out)
    assert sum(len(doc["findings"]) for doc in rep["documents"]) == 0
    assert rep["baseline"]["suppressed"] == 4 and rep["baseline"]["stale"] == []
    assert "4 known findings suppressed" in (out / "report.md").read_text()

    # A new marker fails; an edit of the flagged text itself makes a new finding and a stale entry.
    d.write_text(
        "\n\n".join([PARA[0] + " FIXME-XYZ", PARA[1] + " FIXME-XYZ", PARA[2] + " FIXME-XYZW"]), encoding="utf-8"
    )
    (corpus / "c.txt").write_text("\n\n".join(PARA[1:]), encoding="utf-8")  # ART001 fixed
    result = scan(str(corpus), *GATE_RULES, "--out", str(out), "--baseline", str(base), "--fail-on", "warning")
    assert result.exit_code == 1
    rep = report_of(out)
    new = [(doc["id"], f["rule"]) for doc in rep["documents"] for f in doc["findings"]]
    assert new == [("d.txt", "TST901"), ("d.txt", "TST901")]
    assert rep["baseline"]["suppressed"] == 2
    assert sorted((e["document"], e["rule"]) for e in rep["baseline"]["stale"]) == [
        ("c.txt", "ART001"),
        ("d.txt", "TST901"),
    ]
    assert "2 baseline entries no longer match" in (out / "report.md").read_text()
    assert "baseline" in result.stderr and "2 suppressed" in result.stderr


def test_baseline_on_demo_corpus_and_edited_copy(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(DEMO, corpus)
    first = sorted(corpus.glob("*.txt"))[0]
    shutil.copy(first, corpus / "zz_copy.txt")  # a known duplicate, accepted in the baseline
    base = tmp_path / "b.json"
    assert scan(str(corpus), "--out", str(tmp_path / "r"), "--write-baseline", str(base)).exit_code == 0
    text = first.read_text(encoding="utf-8")
    second = sorted(corpus.glob("*.txt"))[1]
    second.write_text("Correction appended.\n\n" + second.read_text(encoding="utf-8"), encoding="utf-8")
    result = scan(str(corpus), "--out", str(tmp_path / "r"), "--baseline", str(base), "--fail-on", "error")
    assert result.exit_code == 0, result.output
    shutil.copy(first, corpus / "zz_copy2.txt")  # a new duplicate is not in the baseline
    result = scan(str(corpus), "--out", str(tmp_path / "r"), "--baseline", str(base), "--fail-on", "error")
    assert result.exit_code == 1
    assert text  # the demo corpus is not empty


def test_bad_baseline_file_is_a_usage_error(tmp_path):
    corpus = make_corpus(tmp_path / "c")
    result = scan(str(corpus), "--out", str(tmp_path / "r"), "--baseline", str(tmp_path / "missing.json"))
    assert result.exit_code == 2 and "missing.json" in result.stderr
    (tmp_path / "bad.json").write_text("[1, 2]")
    result = scan(str(corpus), "--out", str(tmp_path / "r"), "--baseline", str(tmp_path / "bad.json"))
    assert result.exit_code == 2 and "bad.json" in result.stderr


def test_github_step_summary_is_appended(tmp_path):
    corpus = make_corpus(tmp_path / "c")
    summary = tmp_path / "summary.md"
    summary.write_text("# earlier step\n", encoding="utf-8")
    env = {"GITHUB_STEP_SUMMARY": str(summary)}
    result = scan(str(corpus), "--out", str(tmp_path / "r"), "--format", "json", "--fail-on", "error", env=env)
    assert result.exit_code == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# earlier step\n")  # appended, not overwritten
    assert "# corpus-audit report" in text and "DUP001" in text
    scan(str(corpus), "--out", str(tmp_path / "r"), env=env)
    assert summary.read_text(encoding="utf-8").count("# corpus-audit report") == 2


def test_document_level_findings_keep_identity_when_the_document_is_edited(tmp_path):
    corpus = make_corpus(tmp_path / "c")
    base = tmp_path / "baseline.json"
    out = tmp_path / "r"
    assert (
        scan(str(corpus), "--select", "DUP001,ART001", "--out", str(out), "--write-baseline", str(base)).exit_code == 0
    )
    (corpus / "c.txt").write_text("Still too short!", encoding="utf-8")  # ART001 stays, text changed
    edited = "Editor's note: updated.\n\n" + "\n\n".join(PARA)
    (corpus / "a.txt").write_text(edited, encoding="utf-8")  # both copies edited alike: DUP001 stays
    (corpus / "b.txt").write_text(edited, encoding="utf-8")
    result = scan(
        str(corpus), "--select", "DUP001,ART001", "--out", str(out), "--baseline", str(base), "--fail-on", "info"
    )
    assert result.exit_code == 0, result.output
    assert report_of(out)["baseline"]["suppressed"] == 2
    (corpus / "e.txt").write_text(edited, encoding="utf-8")  # a new copy: a new DUP001 finding
    result = scan(
        str(corpus), "--select", "DUP001,ART001", "--out", str(out), "--baseline", str(base), "--fail-on", "error"
    )
    assert result.exit_code == 1
    assert [(d["id"], f["rule"]) for d in report_of(out)["documents"] for f in d["findings"]] == [("e.txt", "DUP001")]


def test_refreshing_a_baseline_in_place_keeps_what_it_accepted(tmp_path):
    """`--baseline b.json --write-baseline b.json` records every current finding, not only new ones."""
    corpus = make_corpus(tmp_path / "c")
    RULES = ("--select", "DUP001,ART001")
    base = tmp_path / "b.json"
    out = str(tmp_path / "r")
    assert scan(str(corpus), "--out", out, *RULES, "--write-baseline", str(base)).exit_code == 0
    accepted = json.loads(base.read_text(encoding="utf-8"))["findings"]
    assert {e["rule"] for e in accepted} == {"DUP001", "ART001"}
    (corpus / "e.txt").write_text("Tiny.", encoding="utf-8")  # one new ART001
    result = scan(str(corpus), "--out", out, *RULES, "--baseline", str(base), "--write-baseline", str(base))
    assert result.exit_code == 0, result.output
    refreshed = json.loads(base.read_text(encoding="utf-8"))["findings"]
    assert len(refreshed) == len(accepted) + 1
    assert {e["document"] for e in refreshed} == {e["document"] for e in accepted} | {"e.txt"}
    # the refreshed baseline accepts everything: nothing new, nothing stale
    result = scan(str(corpus), "--out", out, *RULES, "--baseline", str(base), "--fail-on", "info")
    assert result.exit_code == 0 and report_of(tmp_path / "r")["baseline"]["suppressed"] == len(refreshed)


def test_baseline_entries_of_rules_not_run_are_not_stale(tmp_path):
    """A shared baseline used by a job that runs only some rules: the others were not checked, so they
    are neither reported as stale nor dropped when the baseline is refreshed."""
    corpus = make_corpus(tmp_path / "c")
    base = tmp_path / "b.json"
    out = str(tmp_path / "r")
    assert scan(str(corpus), "--out", out, "--select", "DUP001,ART001", "--write-baseline", str(base)).exit_code == 0
    before = json.loads(base.read_text(encoding="utf-8"))["findings"]
    result = scan(
        str(corpus),
        "--out",
        out,
        "--select",
        "DUP001",
        "--baseline",
        str(base),
        "--write-baseline",
        str(base),
        "--fail-on",
        "info",
    )
    assert result.exit_code == 0, result.output
    info = report_of(tmp_path / "r")["baseline"]
    assert info["stale"] == [] and info["not_checked"] == sum(e["rule"] == "ART001" for e in before) > 0
    assert "of rules not run" in result.stderr
    assert json.loads(base.read_text(encoding="utf-8"))["findings"] == before  # nothing lost in the refresh
