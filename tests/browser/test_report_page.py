"""report.html in a real browser (headless Chromium): loads cleanly, filters, highlights, safety."""

from __future__ import annotations

import pytest

from audit.pipeline import scan
from audit.render.html import _CONTROL, render
from tests.html_reports import CORPUS, HOSTILE_ID, hostile_report, rich_report

pytestmark = pytest.mark.browser

SEGMENTS_JS = """() => {
  const out = {};
  for (const m of document.querySelectorAll('#doctext mark.hl')) {
    for (const k of m.dataset.k.split(' ')) (out[k] = out[k] || []).push([+m.dataset.s, +m.dataset.e, m.textContent]);
  }
  return out;
}"""
DATA_JS = "() => JSON.parse(document.getElementById('audit-data').textContent)"


def shown(text: str) -> str:
    """What the page shows for ``text``: control characters become U+XXXX badges."""
    return _CONTROL.sub(lambda m: f"U+{ord(m.group()):04X}", text)


def settled_ids(w, expected, timeout: float = 10.0) -> list[str]:
    """``listed_ids`` once the list shows ``expected`` (the page re-renders after a filter changes; on a
    busy machine that takes a moment), or what it shows when ``timeout`` runs out."""
    import time

    end = time.monotonic() + timeout
    while True:
        got = listed_ids(w)
        if sorted(got) == sorted(expected) or time.monotonic() > end:
            return got
        w.page.wait_for_timeout(50)


def clear_filters(w, everything: list[str]) -> None:
    """Click Clear and wait until the page shows every document again: Clear sets the location hash, and
    the page resets its filters when the hashchange event arrives; a filter chosen before that is undone."""
    w.page.click("#f-clear")
    assert sorted(settled_ids(w, everything)) == sorted(everything)


def listed_ids(w) -> list[str]:
    idx = w.page.eval_on_selector_all("#doclist tbody tr[data-doc]", "rows => rows.map(r => +r.dataset.doc)")
    data = w.page.evaluate(DATA_JS)
    return [data["docs"][i]["id"] for i in idx]


def test_demo_corpus_report_loads_cleanly_and_is_screenshotted(open_report, output_dir):
    report = scan([str(CORPUS)])
    w = open_report(render(report))
    assert w.console_errors() == []
    assert w.outside_requests() == []
    assert w.page.locator(".card .big").first.inner_text() == str(len(report.documents))
    w.page.screenshot(path=str(output_dir / "demo-report.png"), full_page=True)
    w.goto("#docs")
    assert len(listed_ids(w)) == len(report.documents)
    w.goto("#doc/0")
    assert w.page.locator("#doctext").inner_text().startswith(report.text_of(report.documents[0].id)[:40])
    assert w.console_errors() == []


def test_rich_report_views_screenshots(open_report, output_dir):
    report = rich_report()
    w = open_report(render(report))
    w.page.screenshot(path=str(output_dir / "rich-overview.png"), full_page=True)
    es = [d.id for d in report.documents].index("es/vivienda.txt")
    w.goto(f"#doc/{es}")
    w.page.hover("#doctext mark.hl >> nth=0")
    w.page.wait_for_selector("#pop:not([hidden])")
    w.page.screenshot(path=str(output_dir / "rich-document.png"))
    w.goto("#doc/0")  # the kept copy of an exact duplicate links to its cluster
    assert "in cluster exact-doc-1 (kept copy)" in w.page.locator(".meta").inner_text()
    w.page.click(".meta a[href='#dup/0']")
    w.page.wait_for_selector(".member.kept")
    w.goto("#dup/1")
    w.page.screenshot(path=str(output_dir / "rich-duplicates.png"))
    assert w.page.locator(".member").count() == 2
    assert w.page.locator(".member .diff").count() >= 2  # "minor", "Thursday" differ from the kept copy
    assert w.console_errors() == []


def test_highlights_match_the_findings_in_report_json(open_report):
    report = rich_report()
    expected = report.to_dict()["documents"]
    w = open_report(render(report))
    data = w.page.evaluate(DATA_JS)
    checked = 0
    for i, doc in enumerate(expected):
        text = report.text_of(doc["id"])
        page_findings = data["docs"][i]["f"]
        assert sorted((data["rules"][f[0]], f[3], f[4], f[5]) for f in page_findings) == sorted(
            (f["rule"], f["start"], f["end"], f["message"]) for f in doc["findings"]
        )
        w.goto(f"#doc/{i}")
        assert w.page.locator("#flist li[data-k]").count() == len(doc["findings"])
        segs = w.page.evaluate(SEGMENTS_JS)
        for k, f in enumerate(page_findings):
            start, end = f[3], f[4]
            if start <= 0 and end >= len(text):  # whole-document finding: a banner, not a highlight
                assert w.page.locator(".banner").count() >= 1
                continue
            parts = sorted(segs[str(k)])
            if start == end:
                assert parts == [[start, end, "\u2038"]]
                continue
            # the segments carrying finding k tile exactly [start, end) and show exactly that text
            assert parts[0][0] == start and parts[-1][1] == end, (doc["id"], k)
            assert all(a[1] == b[0] for a, b in zip(parts, parts[1:], strict=False))
            assert "".join(p[2] for p in parts) == shown(text[start:end])
            checked += 1
    assert checked >= 10


def test_overlapping_spans_are_split_into_segments_carrying_both(open_report):
    report = rich_report()
    w = open_report(render(report))
    es = [d.id for d in report.documents].index("es/vivienda.txt")
    w.goto(f"#doc/{es}")
    both = w.page.eval_on_selector_all("#doctext mark.hl", "ms => ms.filter(m => m.dataset.k.includes(' ')).length")
    assert both >= 1  # the English passage is both a language and a sourcing finding
    shadow = w.page.eval_on_selector("#doctext mark.hl.deep", "m => getComputedStyle(m).boxShadow")
    assert shadow.count("inset") == 2  # one underline stripe per category


def test_hover_and_keyboard_show_the_finding_and_follow_the_related_link(open_report):
    report = rich_report()
    ids = [d.id for d in report.documents]
    w = open_report(render(report))
    syn = ids.index("mirror/004_syndicated.txt")
    w.goto(f"#doc/{syn}")
    w.page.hover("#doctext mark.hl")
    pop = w.page.locator("#pop")
    pop.wait_for(state="visible")
    assert "DUP002" in pop.inner_text() and "similarity 0.93" in pop.inner_text()
    w.page.mouse.move(5, 5)
    w.page.wait_for_timeout(400)
    assert not pop.is_visible()
    # keyboard: focus the mark, Enter pins the popup and moves focus to the related link
    w.page.focus("#doctext mark.hl[tabindex='0']")
    assert pop.is_visible()
    w.page.keyboard.press("Enter")
    assert w.page.evaluate("document.activeElement.closest('#pop') !== null")
    w.page.keyboard.press("Enter")  # follow the link
    w.page.wait_for_selector("#doctext mark.tgt")
    assert w.page.locator("#h-doc").inner_text() == ids[4]  # the kept copy the duplicate points at
    assert w.page.locator("#doctext mark.tgt").first.inner_text().startswith("Los Angeles sheriff")
    w.page.keyboard.press("Escape")
    assert w.console_errors() == []


def test_filters_and_search(open_report):
    report = rich_report()
    w = open_report(render(report))
    w.goto("#docs")
    ids = [d.id for d in report.documents]
    assert sorted(listed_ids(w)) == sorted(ids)

    def has(pred):
        return sorted(d.id for d in report.documents if any(pred(f) for f in d.findings))

    w.page.select_option("#f-cat", label="sourcing")
    want = has(lambda f: f.category.value == "sourcing")
    assert sorted(settled_ids(w, want)) == want
    w.page.select_option("#f-sev", label="warning")
    want = has(lambda f: f.category.value == "sourcing" and f.severity.rank >= 1)
    assert sorted(settled_ids(w, want)) == want
    clear_filters(w, ids)
    w.page.select_option("#f-rule", label="DUP001")
    assert settled_ids(w, ["mirror/000_copy.txt"]) == ["mirror/000_copy.txt"]
    assert "rule=0" in w.page.evaluate("location.hash") or "rule=" in w.page.evaluate("location.hash")
    clear_filters(w, ids)
    w.page.select_option("#f-lang", value="es")
    assert settled_ids(w, ["es/vivienda.txt"]) == ["es/vivienda.txt"]
    clear_filters(w, ids)
    w.page.select_option("#f-src", value="mirror")
    want = sorted(d.id for d in report.documents if d.source == "mirror")
    assert sorted(settled_ids(w, want)) == want
    clear_filters(w, ids)
    w.page.fill("#f-q", "los expertos creen")  # text search, case-insensitive
    assert settled_ids(w, ["es/vivienda.txt"]) == ["es/vivienda.txt"]
    w.page.fill("#f-q", "SYNDICATED")  # id search
    assert settled_ids(w, ["mirror/004_syndicated.txt"]) == ["mirror/004_syndicated.txt"]
    # a rule link from the overview lands on the filtered list
    w.goto("#overview")
    w.page.click("a[href='#docs?rule=ART003']")
    assert settled_ids(w, ["es/vivienda.txt"]) == ["es/vivienda.txt"]
    # "/" jumps to the search box from anywhere
    w.goto("#overview")
    w.page.keyboard.press("/")
    w.page.wait_for_timeout(50)
    assert w.page.evaluate("document.activeElement.id") == "f-q"
    assert w.console_errors() == []


def test_pagination_keeps_a_large_list_small(open_report):
    from tests.html_reports import make_report

    docs = [{"id": f"doc{i:04d}.txt", "text": f"Text number {i}."} for i in range(230)]
    w = open_report(render(make_report(docs)))
    w.goto("#docs")
    assert w.page.locator("#doclist tbody tr").count() == 50
    assert "230 of 230" in w.page.locator("#resultcount").inner_text()
    w.page.click("#nextpage")
    assert listed_ids(w)[0] == "doc0050.txt"
    w.page.fill("#f-q", "doc0229")
    assert settled_ids(w, ["doc0229.txt"]) == ["doc0229.txt"]


def test_hostile_documents_stay_inert(open_report):
    report = hostile_report()
    w = open_report(render(report))
    visits = ["#overview", "#docs", "#doc/0", "#doc/1", "#dups", "#dup/0", "#unreadable"]
    for frag in visits:
        w.goto(frag)
        if frag.startswith("#doc/"):
            for m in w.page.locator("#doctext mark.hl").all():
                m.hover()
        if frag == "#docs":
            w.page.fill("#f-q", "<script>")
            w.page.wait_for_timeout(250)
    w.goto("#doc/0")
    dom = w.page.evaluate("""() => ({
      scripts: document.scripts.length,
      bad: [...document.querySelectorAll(
               'img, iframe, object, embed, link, base, style, frame, video, audio, form[action]')]
             .filter(e => !(e.tagName === 'STYLE' && e.parentNode === document.head)).map(e => e.tagName),
      handlers: [...document.querySelectorAll('*')].flatMap(
        e => [...e.attributes].filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name)),
      links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')).filter(h => !h.startsWith('#')),
      text: document.getElementById('doctext').textContent,
    })""")
    assert dom["scripts"] == 2
    assert dom["bad"] == [] and dom["handlers"] == [] and dom["links"] == []
    assert "<script>alert('xss-script')</script>" in dom["text"]  # shown as text
    assert "U+202E" in dom["text"]  # the bidi override is made visible instead of reordering text
    assert w.dialogs == []
    assert w.outside_requests() == []
    assert w.violations() == []
    assert w.console_errors() == []
    # the hostile id is displayed literally
    w.goto("#doc/1")
    assert "onerror=alert('xss-id')" in w.page.locator("#h-doc").inner_text()
    assert HOSTILE_ID.split("\u202e")[0] in w.page.locator("#h-doc").inner_text()
    # the page's CSP is live: network and injected inline script are refused even for code that
    # tries (eval cannot be checked from here: the test driver's own evaluation bypasses CSP)
    blocked = w.page.evaluate("""async () => {
      let fetchBlocked = false;
      try { await fetch('https:' + '//example.invalid/x'); } catch (e) { fetchBlocked = true; }
      const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.appendChild(s);
      await new Promise(r => setTimeout(r, 50));
      return {fetchBlocked, inlineRan: window.__ran === 1};
    }""")
    assert blocked == {"fetchBlocked": True, "inlineRan": False}
    assert {v["directive"] for v in w.violations()} >= {"connect-src", "script-src-elem"}
    assert w.dialogs == []


def test_astral_characters_do_not_shift_highlights(open_report):
    report = hostile_report()
    text = report.text_of("hostile.txt")
    w = open_report(render(report))
    w.goto("#doc/0")
    segs = w.page.evaluate(SEGMENTS_JS)
    data = w.page.evaluate(DATA_JS)
    after = next(k for k, f in enumerate(data["docs"][0]["f"]) if f[5] == "after astral characters")
    parts = sorted(segs[str(after)])
    f = data["docs"][0]["f"][after]
    assert "".join(p[2] for p in parts) == text[f[3] : f[4]] == "text after emoji"


def test_scanned_hostile_corpus_stays_inert(open_report, tmp_path):
    """End to end: hostile file names, record ids and text through the real scan and renderer."""
    from tests.html_reports import HOSTILE

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "<img src=x onerror=alert('xss-file')>.txt").write_text(HOSTILE, encoding="utf-8")
    (corpus / "copy \u202egnp.txt").write_text(HOSTILE, encoding="utf-8")  # exact duplicate: DUP001
    (corpus / "empty.txt").write_text("", encoding="utf-8")  # ART001
    lines = [
        '{"id": "<script>alert(\'xss-rid\')</script>", "text": "<svg onload=alert(\'xss-svg\')>x</svg>"}',
        '{"id": "javascript:alert(1)", "text": "' + "\\u202e\\u200b" + 'hidden"}',
        '{broken json <script>alert("xss-raw")</script>',
    ]
    (corpus / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = scan([str(corpus)])
    assert report.unreadable and any(d.findings for d in report.documents)
    w = open_report(render(report))
    for frag in ["#overview", "#docs", "#dups", "#dup/0"] + [f"#doc/{i}" for i in range(len(report.documents))]:
        w.goto(frag)
        for m in w.page.locator("#doctext mark.hl").all()[:5]:
            m.hover()
    assert w.dialogs == []
    assert w.outside_requests() == []
    assert w.violations() == []
    assert w.console_errors() == []
    assert w.page.evaluate("document.scripts.length") == 2
    assert w.page.evaluate("[...document.querySelectorAll('a[href]')].every(a => a.getAttribute('href')[0] === '#')")


def test_lone_surrogates_are_badged_and_do_not_shift_highlights(open_report):
    report = hostile_report()
    ids = [d.id for d in report.documents]
    i = ids.index("surrogates.txt")
    text = report.text_of("surrogates.txt")
    w = open_report(render(report))
    w.goto(f"#doc/{i}")
    segs = w.page.evaluate(SEGMENTS_JS)
    data = w.page.evaluate(DATA_JS)
    for k, f in enumerate(data["docs"][i]["f"]):
        assert "".join(p[2] for p in sorted(segs[str(k)])) == shown(text[f[3] : f[4]])
    shown_text = w.page.locator("#doctext").inner_text()
    assert "U+D800" in shown_text and "U+DFFF" in shown_text and "😀" in shown_text
    assert w.console_errors() == []


def test_duplicate_calibration_view(open_report, tmp_path, output_dir):
    """The calibration view: where verified pairs fall against the threshold, the banding S-curve of the
    configured bands x rows, and the least similar accepted pairs side by side (texts escaped)."""
    import json

    from audit.render.json_report import render as render_json

    base = (
        "The regional council approved the plan to rebuild the harbour wall on Tuesday after storms damaged "
        "it twice this winter. Engineers said the work would take eighteen months and cost less than the "
        "budget the council set aside last year, while fishermen asked for a temporary mooring. "
    ) * 2
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(base, encoding="utf-8")
    (corpus / "b.txt").write_text(
        "<b>Update</b> " + base.replace("Tuesday", "Monday").replace("eighteen", "twenty"), encoding="utf-8"
    )
    (corpus / "c.txt").write_text(
        "An unrelated note about a football match that ended in a draw after extra time "
        "and a long delay caused by heavy rain over the stadium.",
        encoding="utf-8",
    )
    report = scan([str(corpus)])
    cal = json.loads(render_json(report))["duplicates"]["calibration"]
    assert sum(cal["accepted"]) >= 1 and cal["least_similar"]
    w = open_report(render(report))
    assert w.console_errors() == []
    panel = w.page.locator("#calibration")
    assert panel.is_visible()
    assert panel.locator("svg.calib-hist g").count() == cal["bins"]
    # The threshold line sits at the configured similarity on the histogram's axis.
    x = float(panel.locator("svg.calib-hist line.calib-threshold").get_attribute("x1"))
    assert abs(x - (24 + cal["threshold"] * (520 - 48))) < 0.01
    assert panel.locator("svg.calib-curve polyline").get_attribute("points").count(",") == len(cal["s_curve"])
    rows = panel.locator("table.calib-pairs tbody tr")
    assert rows.count() == len(cal["least_similar"])
    first = rows.first.inner_text()
    assert "a.txt" in first and "b.txt" in first
    assert "<b>Update</b>" in first and panel.locator("b").count() == 0  # corpus text shown as text, never markup
    panel.screenshot(path=str(output_dir / "calibration.png"))
