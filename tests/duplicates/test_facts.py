"""Same template with different facts (DUP005) and altered copies (DUP006): the facts, side by side."""

from __future__ import annotations

from audit.duplicates import align as al
from audit.duplicates import facts
from tests.duplicates.harness import run
from tests.duplicates.texts import MARKET, STORY


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
    assert alt.severity.value == "info" and copy[alt.start : alt.end] == "27"
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
    assert facts.fact_share("35 and 35 and 2024", "26 and 26 and 2024").count_a == 2  # distinct figures
    assert facts.same_template("a 1 b 2 c 3", "a 4 b 5 c 6", 3, 0.5)
    assert not facts.same_template("a 1 b 2 c 3", "a 1 b 2 c 6", 3, 0.5)
    assert not facts.same_template("a 1 b 2", "a 4 b 5", 3, 0.5)  # too few figures to call it a template


def test_parallel_wording_with_different_figures_inside_one_document_is_not_reported():
    from tests.duplicates.texts import filler

    one = (
        "Outstanding loans to the first country currently total about 2.5 billion dlrs, of which about 215 mln "
        "dlrs of loans have been reported as either nonaccrual or past due 90 days or more, the bank said."
    )
    two = (
        "Outstanding loans to the second country currently total about 1.3 billion dlrs, of which about 241 mln "
        "dlrs of loans have been reported as either nonaccrual or past due 60 days or more, the bank said."
    )
    doc = "\n\n".join(filler(2, seed=3) + [one, two] + filler(2, seed=4))
    findings, _ = run({"bank": doc})
    assert not findings["bank"]


def test_a_change_of_form_is_not_a_changed_fact():
    for a, b in [
        ("ten", "10"),
        ("Sen", "Senator"),
        ("U.S", "United States"),
        ("Reuter", "Reuters"),
        ("The same", "An equal"),
        ("version", "proposal"),
    ]:
        assert not facts.is_fact_change(a, b), (a, b)
    for a, b in [("22", "27"), ("6-5/16", "6-1/16"), ("Morocco", "Kuwait"), ("Maria Keller", "Mario Keller")]:
        assert facts.is_fact_change(a, b), (a, b)


def test_two_daily_reports_with_several_changed_figures_are_one_template():
    day = (
        "Traders estimated the hog slaughter at about {a} to 305,000 head versus {b} a week ago and {c} a "
        "year ago, and the cattle slaughter at about 120,000 head versus 118,000 a week ago."
    )
    one, two = day.format(a="295,000", b="307,000", c="311,000"), day.format(a="290,000", b="302,000", c="297,000")
    assert facts.same_template(one, two, 3, 0.5)  # 3 of 6 figures shared, but 3 changed in place
    copy = one.replace("118,000", "119,000")  # one figure altered in a copy
    assert not facts.same_template(one, copy, 3, 0.5)


def test_changes_of_form_are_not_reported_at_all():
    for a, b in [("ten", "10"), ("Sen", "Senator"), ("U.S", "United States"), ("Reuter", "Reuters")]:
        assert facts.is_form_change(a, b), (a, b)
    for a, b in [("22", "27"), ("version", "proposal"), ("Morocco", "Kuwait")]:
        assert not facts.is_form_change(a, b), (a, b)
    a = "Intro words here. " + STORY
    b = "Intro words here. " + STORY.replace("Keller, told", "Keller, told Reuters that").replace("8 pct", "eight pct")
    kinds = [(d.kind, d.text_a, d.text_b) for d in facts.differences(a, al.words(a), b, al.words(b))]
    assert ("fact", "8", "eight") not in kinds and all(d[2] != "eight" for d in kinds)


def test_other_outlets_numbers_in_header_and_footer_do_not_make_a_template():
    body = STORY.replace("22 pct", "some").replace("1.4 mln", "a record").replace("12 routes", "routes")
    body = body.replace("8 pct", "a little")
    a = "Daily Courier 35\n\nBy A. Writer, Daily Courier 35\n\n" + body + "\n\nCopyright 2024 Daily Courier 35."
    b = "Morning Post 26\n\nBy B. Writer, Morning Post 26\n\n" + body + "\n\nCopyright 2023 Morning Post 26."
    findings, _ = run({"a": a, "b": b})
    assert [f.rule for f in findings["b"]] == ["DUP002"]


def test_facts_in_place_pair_figures_in_words_and_packed_figures():
    found = facts.facts_in_place(
        "Rates, which averaged 4.35 pct on Tuesday, opened at 4-3/8 pct and held there.",
        "Rates, which averaged 4.20 pct on Wednesday, opened at 4-1/4 pct and held there.",
    )
    pairs = [(d.text_a, d.text_b) for d in found.diffs]
    assert pairs == [("4.35", "4.20"), ("Tuesday", "Wednesday"), ("4-3/8", "4-1/4")]
    assert (found.facts, found.words) == (3, 14)  # a run of fact words is one word
    found = facts.facts_in_place("fees include one pct for selling", "fees comprise 1/2 pct for selling")
    assert [(d.text_a, d.text_b) for d in found.diffs] == [("one", "1/2")]
    # The same figure in another form, a number broken at a line end or hyphenated, a date run: no changed fact.
    assert facts.facts_in_place("ten ships and 1,000 tonnes", "10 ships and 1000 tonnes").diffs == []
    assert facts.facts_in_place("its 68\nbillion dlrs debt", "its 68-\nbillion dlrs of debt").diffs == []
    assert facts.facts_in_place("surpassed in late 2005 and", "surpassed in late-2005 and").diffs == []
    assert facts.facts_in_place("fixed on March 12.", "fixed on March 12.").diffs == []


def test_other_figures_needs_a_figure_and_a_quarter_of_the_facts():
    assert facts.other_figures(
        "There were three ships loading and two waiting", "There were seven ships loading and six waiting"
    )
    assert facts.other_figures("pays one pct. Terms fixed on March 12", "pays 3/4 pct. Terms fixed on March 12")
    # A date alone is no other figure: a copy republished the next day.
    assert not facts.other_figures(
        "suspended today after the company said", "suspended yesterday after the company said"
    )
    assert not facts.other_figures("effective today, it said", "effective Saturday, March 7, it said")
    # One of five figures changed: an altered or updated copy, not another report.
    five = "rose {} pct to 4.2 mln tonnes, 310 vessels called at 3 terminals and 1,450 people worked there"
    assert not facts.other_figures(five.format(12), five.format(13))
    # One year changed in a long paragraph rewritten around it: a revised copy.
    long = (
        "The constitution of {} sets out the main lines of the state and the rights and duties of citizens, and "
        "the courts sit in only 12 of more than 140 districts; a supreme court hears appeals, and the governors "
        "of the provinces are named by the head of state after the regional councils have been consulted."
    )
    assert not facts.other_figures(long.format(1992), long.format(2010).replace("sit in", "sat in"))
    assert facts.other_figures(long.format(1992)[:120], long.format(2010)[:120])  # one sentence: another report
    assert not facts.other_figures("the same words, no figures", "the same words, no figures at all")
    assert not facts.other_figures("it may cut 12 jobs", "it may add 12 jobs")  # "may" in lower case is no month
