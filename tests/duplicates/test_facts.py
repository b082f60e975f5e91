"""Same template with different facts (DUP005) and altered copies (DUP006): the facts, side by side."""

from __future__ import annotations

from audit.duplicates import align as al
from audit.duplicates import facts
from tests.duplicates.cases import MARKET, STORY
from tests.duplicates.test_cases import run


def test_template_finding_lists_the_differing_figures_side_by_side():
    mon = MARKET.format(a="350", b="800", c="750", d="10-7/8", e="10-13/16")
    tue = MARKET.format(a="120", b="400", c="450", d="10-3/4", e="10-11/16")
    findings, clusters = run({"mon": mon, "tue": tue})
    (f,) = findings["tue"]
    assert f.rule == "DUP005" and f.severity.value == "info" and not f.related  # not a copy: the filter keeps it
    assert f.data["template_of"]["document"] == "mon"
    pairs = [(x["kept_text"], x["text"]) for x in f.data["facts"]]
    assert ("350", "120") in pairs and ("10-7/8", "10-3/4") in pairs
    for x in f.data["facts"]:
        assert mon[x["kept_start"] : x["kept_end"]] == x["kept_text"] and tue[x["start"] : x["end"]] == x["text"]
    assert "350 / 120" in f.message
    assert not [c for c in clusters if c.level == "document"]


def test_altered_figure_has_both_spans():
    copy = "Airline shares jump\n\n" + STORY.replace("rose 22 pct", "rose 27 pct")
    findings, _ = run({"orig": STORY, "copy": copy})
    (alt,) = [f for f in findings["copy"] if f.rule == "DUP006"]
    assert alt.severity.value == "warning" and copy[alt.start : alt.end] == "27"
    assert STORY[alt.related[0].start : alt.related[0].end] == "22" and alt.related[0].document == "orig"
    assert 'says "22", this copy says "27"' in alt.message


def test_differences_ignore_edges_and_punctuation():
    a = "Headline one\n\n" + STORY
    b = "Another headline entirely\n\n" + STORY.replace(",", " ,").replace("Keller", "Kellner")
    diffs = facts.differences(a, al.words(a), b, al.words(b))
    assert [(d.kind, d.text_a, d.text_b) for d in diffs] == [("fact", "Keller", "Kellner")]


def test_fact_share_counts_figures_in_common():
    fs = facts.fact_share("rose 22 pct to 1.4 mln in 2024", "rose 27 pct to 1.4 mln in 2024")
    assert (fs.shared, fs.count_a, fs.count_b) == (2, 3, 3)
    assert facts.same_template("a 1 b 2 c 3", "a 4 b 5 c 6", 3, 0.5)
    assert not facts.same_template("a 1 b 2 c 3", "a 1 b 2 c 6", 3, 0.5)
    assert not facts.same_template("a 1 b 2", "a 4 b 5", 3, 0.5)  # too few figures to call it a template
