"""The HTML renderer without a browser: escaping, CSP, payload, text budget, scorecards."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser

import pytest

from audit.model import Category, Related, Severity
from audit.render.html import (
    HtmlConfig,
    build_payload,
    embed_json,
    excerpt_windows,
    render,
    source_scorecards,
    visible,
)
from tests.html_reports import HOSTILE_ID, finding, hostile_report, make_report, rich_report


class Collector(HTMLParser):
    """Every start tag with its attributes, and the text of each <script>/<style> element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in self.raw:
            self._in = tag
            self.raw[tag].append("")

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in:
            self.raw[self._in][-1] += data


def parse(page: str) -> Collector:
    c = Collector()
    c.feed(page)
    c.close()
    return c


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@pytest.mark.parametrize(
    "value",
    [
        "</script><script>alert(1)</script>",
        "<!-- <script>",
        "a\u2028b\u2029c",
        "lone \ud800 surrogate",
        "emoji 😀 and \u202e bidi",
        "https://evil.example/x",
        "&amp; & < >",
        "",
    ],
)
def test_embed_json_round_trips_and_never_closes_the_script(value):
    out = embed_json({"k": value, "list": [value]})
    assert json.loads(out) == {"k": value, "list": [value]}
    for bad in ("<", ">", "\u2028", "\u2029", "://", "="):
        assert bad not in out
    out.encode("utf-8")  # a lone surrogate must not make the page unwritable


def test_excerpt_windows_merge_nearby_spans_and_cut_long_ones():
    # two spans close together merge into one window with context either side
    assert excerpt_windows(1000, [(100, 110), (130, 140)], 20, 100, 10_000) == [(80, 160)]
    # a long span keeps only its head and tail
    wins = excerpt_windows(10_000, [(1000, 9000)], 10, 100, 10_000)
    assert wins == [(990, 1050), (8950, 9010)]
    # the budget stops later (lower-priority) spans but always keeps the first
    assert excerpt_windows(10_000, [(5000, 5010), (100, 110)], 10, 100, 35) == [(4990, 5020)]
    assert excerpt_windows(100, [(0, 100)], 10, 1000, 40) == [(0, 40)]


def test_visible_escapes_and_shows_control_characters():
    out = str(visible("<b>x</b>\u202etxt.exe\u200b/"))
    assert "<b>" not in out and "&lt;b&gt;" in out
    assert "U+202E" in out and "U+200B" in out
    assert "\u202e" not in out and "\u200b" not in out
    assert out.startswith('<bdi class="uid">')


def test_page_has_strict_csp_matching_its_only_script_and_style():
    page = render(rich_report())
    doc = parse(page)
    csp = [a["content"] for t, a in doc.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert len(csp) == 1
    policy = dict(part.strip().split(" ", 1) for part in csp[0].split(";") if part.strip())
    assert policy["default-src"] == "'none'"
    assert "unsafe" not in csp[0]
    script_tags = [a for t, a in doc.tags if t == "script"]
    scripts = list(zip(script_tags, doc.raw["script"], strict=True))
    assert [a.get("type") for a, _ in scripts] == ["application/json", None]
    assert policy["script-src"] == sha256_source(scripts[1][1])
    assert policy["style-src"] == sha256_source(doc.raw["style"][0])
    assert page.count("<style>") == 1


def test_page_makes_no_outside_reference():
    page = render(hostile_report())
    assert "://" not in page  # not even as text: corpus URLs are written as https:\/\/ or https:&#47;&#47;
    for pattern in (r"onerror=", r"[\s\"'\\]src=", r"href=\\?[\"']?javascript", r"onload="):
        assert not re.search(pattern, page, re.I), pattern
    assert not re.search(r"(?i)(@import|url\()", page)
    for tag, attrs in parse(page).tags:
        assert "src" not in attrs, tag
        if "href" in attrs:
            assert attrs["href"].startswith("#"), attrs
        assert tag not in {"img", "iframe", "object", "embed", "link", "base", "form", "frame"} or tag == "form"


def test_hostile_strings_are_escaped_everywhere():
    page = render(hostile_report())
    doc = parse(page)
    assert [t for t, _ in doc.tags].count("script") == 2
    for tag, attrs in doc.tags:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        assert tag not in {"img", "iframe", "object", "svg"} or tag == "svg" and attrs.get("class") == "chart"
    # the data block parses back to the hostile strings exactly
    data = json.loads(doc.raw["script"][0])
    ids = [d["id"] for d in data["docs"]]
    assert HOSTILE_ID in ids
    assert "javascript:alert('xss-rel')" in json.dumps(data)
    assert "alert(" in page  # present, but only as escaped text
    assert "<script>alert" not in page


def test_payload_findings_are_exactly_the_reports():
    report = rich_report()
    payload = build_payload(report, HtmlConfig())
    expected = report.to_dict()
    for doc, want in zip(payload["docs"], expected["documents"], strict=True):
        assert doc["id"] == want["id"]
        got = sorted(
            (payload["rules"][f[0]], payload["cats"][f[1]], payload["sevs"][f[2]], f[3], f[4], f[5]) for f in doc["f"]
        )
        assert got == sorted(
            (f["rule"], f["category"], f["severity"], f["start"], f["end"], f["message"]) for f in want["findings"]
        )
        if doc["t"] is not None:
            text = report.text_of(doc["id"])
            for offset, piece in doc["t"]:
                assert text[offset : offset + len(piece)] == piece


def test_related_links_and_clusters_point_at_document_indices():
    report = rich_report()
    payload = build_payload(report, HtmlConfig())
    ids = [d["id"] for d in payload["docs"]]
    rel = [r for d in payload["docs"] for f in d["f"] if f[6] for r in f[6]]
    assert rel and all(ids[r[0]] == r[1] for r in rel)
    near = next(c for c in payload["clusters"] if c["kind"] == "near")
    assert near["level"] == "passage" and near["members"][0][4] == 0.93
    assert ids[near["kept"][0]] == near["kept"][1]


def test_text_budget_gives_every_flagged_document_excerpts_then_full_text_worst_first():
    report = rich_report()
    small = HtmlConfig(max_text_chars=9000, max_excerpt_chars=800, clean_text_chars=0, context_chars=50)
    payload = build_payload(report, small)
    modes = {d["id"]: d["tm"] for d in payload["docs"]}
    assert modes["mirror/000_copy.txt"] == "full"  # an error: upgraded to full text first
    assert modes["003_f7b0f479b4ce8a4c.txt"] == "excerpt"  # long and mild: excerpts only
    total = sum(len(p) for d in payload["docs"] if d["t"] for _, p in d["t"])
    assert total <= small.max_text_chars
    for d in payload["docs"]:
        if d["f"] and d["chars"]:
            assert d["t"], d["id"]  # every document with findings shows them in context
        if d["tm"] == "excerpt":
            for f in d["f"]:
                if f[4] - f[3] <= small.long_span_chars:
                    assert any(o <= f[3] and f[4] <= o + len(p) for o, p in d["t"]), (d["id"], f)
    assert payload["text_policy"]["excerpt"] == sum(1 for m in modes.values() if m == "excerpt")


def test_clean_documents_get_text_only_from_their_allowance():
    docs = [{"id": f"clean{i}.txt", "text": "Plain clean text. " * 20} for i in range(5)]
    docs.append(
        {
            "id": "bad.txt",
            "text": "Some bad text here.",
            "findings": [finding("ART002", Category.ARTEFACT, Severity.WARNING, (5, 8), "bad")],
        }
    )
    report = make_report(docs)
    payload = build_payload(report, HtmlConfig(clean_text_chars=800))
    modes = [d["tm"] for d in payload["docs"]]
    assert modes[-1] == "full"
    assert modes[:5].count("full") == 2 and modes[:5].count("none") == 3


def test_source_scorecards_render_whatever_keys_exist():
    report = rich_report()
    columns, rows = source_scorecards(report)
    assert columns[0] == "source" and "note" in columns and "sourcing_score" in columns
    page = render(report)
    assert "unsourced claim density" in page and "partial" in page
    assert "66.7%" in page  # duplicate_rate as a percentage
    # without extra["sources"] a basic scorecard is derived from the documents
    report.extra.pop("sources")
    columns, rows = source_scorecards(report)
    assert columns[:3] == ["source", "documents", "with findings"]
    assert {r["source"]: r["documents"] for r in rows}["mirror"] == 3


def test_overview_lists_counts_clusters_worst_documents_and_unreadable_inputs():
    report = rich_report()
    page = render(report)
    total = sum(len(d.findings) for d in report.documents)
    assert f'<div class="big">{total}</div>' in page
    for rule in {f.rule for d in report.documents for f in d.findings}:
        assert f'href="#docs?rule={rule}"' in page
    assert "exact-doc-1" in page and "near-pass-1" in page
    assert "broken&#47;data.jsonl" in page and "invalid JSON" in page
    assert 'aria-label="Findings per category: duplicate 2, language 1, artefact 5, sourcing 6"' in page
    assert 'href="#doc/' in page


def test_render_is_deterministic_and_handles_empty_and_textless_reports():
    assert render(rich_report()) == render(rich_report())
    empty = make_report([])
    page = render(empty)
    assert '0</div><div class="label">documents' in page.replace("\n", "")
    report = rich_report()
    report.text_of = None
    payload = build_payload(report, HtmlConfig())
    assert all(d["t"] is None for d in payload["docs"])
    render(report)


def test_page_lists_at_most_max_documents_keeping_the_worst():
    docs = [{"id": f"clean{i:02d}.txt", "text": "Clean text."} for i in range(20)]
    docs.insert(
        7,
        {
            "id": "bad.txt",
            "text": "Bad text here.",
            "findings": [
                finding(
                    "DUP002",
                    Category.DUPLICATE,
                    Severity.WARNING,
                    (0, 3),
                    "dup",
                    related=(Related("clean15.txt", 0, 5, 0.9),),
                )
            ],
        },
    )
    report = make_report(docs)
    payload = build_payload(report, HtmlConfig(max_documents=5))
    ids = [d["id"] for d in payload["docs"]]
    assert len(ids) == 5 and "bad.txt" in ids and payload["omitted"] == 16
    rel = payload["docs"][ids.index("bad.txt")]["f"][0][6][0]
    assert rel[1] == "clean15.txt" and (rel[0] == -1 or ids[rel[0]] == "clean15.txt")
    page = render(report, HtmlConfig(max_documents=5))
    assert f'href="#doc/{ids.index("bad.txt")}"' in page


def test_baseline_notice():
    report = rich_report()
    report.extra["baseline"] = {"file": "<b>base</b>.json", "suppressed": 7, "stale": [{"rule": "X"}]}
    page = render(report)
    assert "7 known findings are suppressed" in page and "&lt;b&gt;base&lt;&#47;b&gt;.json" in page
    assert "Baseline" not in render(rich_report())
