"""Per-document state kept until the report does not grow with text."""

from __future__ import annotations

from audit.model import Document
from audit.pipeline import MAX_METADATA_CHARS, run_checks


def test_long_metadata_strings_are_not_kept_on_results():
    page = "Menu Home News Sport " * 2000  # a second text field, e.g. a page's raw text beside the extracted one
    docs = [
        Document(
            id=f"d{i}",
            text="A short extracted text.",
            source="f.jsonl",
            locator=i + 1,
            metadata={
                "title": "A title",
                "date": "1987-03-02",
                "views": 7,
                "raw_text": page,
                "edge": "x" * MAX_METADATA_CHARS,
            },
        )
        for i in range(3)
    ]
    state, _ = run_checks(docs, [])
    assert [r.metadata for r in state.results] == [
        {"title": "A title", "date": "1987-03-02", "views": 7, "edge": "x" * MAX_METADATA_CHARS}
    ] * 3


def _streamed(report) -> str:
    import io

    from audit.render import json_report

    buf = io.StringIO()
    json_report.write(report, buf)
    return buf.getvalue()


def test_streamed_report_json_is_byte_identical_to_the_rendered_one(tmp_path):
    from audit.config import Config
    from audit.model import Report, Unreadable
    from audit.pipeline import scan
    from audit.render import json_report

    (tmp_path / "c").mkdir()
    text = 'Prices rose 3 percent, the ministry said on Tuesday. «Ünïcode» and "quotes".\n\nRead more\n'
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / "c" / name).write_text(text, encoding="utf-8")
    (tmp_path / "c" / "bad.jsonl").write_text("{oops\n", encoding="utf-8")
    report = scan([str(tmp_path / "c")], Config())
    assert report.documents and report.clusters and report.unreadable
    assert _streamed(report) == json_report.render(report)
    empty = Report(
        tool_version="0",
        documents=[],
        clusters=[],
        unreadable=[Unreadable(file="x", reason="r")],
        unreadable_omitted={"x": 3},
    )
    assert _streamed(empty) == json_report.render(empty)


def test_writing_report_json_never_holds_every_document_dict(monkeypatch):
    """The streamed writer asks for no full ``to_dict()``: only one document's dict at a time."""
    from audit.model import DocumentResult, Report

    calls = []
    original = Report.to_dict

    def spy(self, documents=True):
        calls.append(documents)
        return original(self, documents)

    monkeypatch.setattr(Report, "to_dict", spy)
    report = Report(
        tool_version="0",
        documents=[DocumentResult(id=f"d{i}", chars=10) for i in range(50)],
        clusters=[],
        unreadable=[],
    )
    out = _streamed(report)
    assert calls == [False] and out.count('"id": "d') == 50


# ---------------------------------------------------------------------------
# Working memory of passage duplicates: bounded, not growing with the passages' text


def _traced_peak(fn, *args, **kwargs):
    import tracemalloc

    tracemalloc.start()
    try:
        result = fn(*args, **kwargs)
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_candidate_pairs_copies_no_signature_matrix():
    """Banding needs one band's keys at a time and gathers rows for the estimates in small chunks: its
    peak is about twice the signatures (48 bytes a row here), not several copies of them."""
    import numpy as np

    from audit.duplicates.lsh import candidate_pairs

    rng = np.random.default_rng(5)
    n = 200_000
    sig = rng.integers(0, 1 << 16, size=(n, 24), dtype=np.uint16)
    sig[1::2, :4] = sig[::2, :4]  # every other row shares four values with its neighbour: candidates
    eligible = np.ones(n, dtype=bool)
    eligible[::7] = False
    (pairs, est), peak = _traced_peak(candidate_pairs, sig, 24, 1, min_estimate=0.125, max_bucket=50, eligible=eligible)
    assert len(pairs) > 50_000 and (est >= 0.125).all()
    assert eligible[pairs[:, 0]].all() and eligible[pairs[:, 1]].all()
    assert peak < 150 * n, (
        f"{peak / n:.0f} bytes a row"
    )  # 109 measured; 200 before (a copy of the rows, 64k-row gathers)


def _similar_documents(n: int):
    """Documents of 24 sentences drawn from twelve words: thousands of candidate passage pairs."""
    import random

    words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu".split()
    rng = random.Random(3)
    for i in range(n):
        sentences = [
            " ".join(rng.choice(words) for _ in range(rng.randint(8, 16))).capitalize() + "." for _ in range(24)
        ]
        yield Document(id=f"d{i}", text=" ".join(sentences), source="g.jsonl", locator=i + 1)


def test_passage_verification_holds_a_bounded_amount_of_passage_text(monkeypatch):
    """Verifying thousands of candidate passages holds the words of a bounded amount of passage text
    (the span caches and the prefetch chunks are bounded in characters), not of every passage seen."""
    import audit.duplicates.passages as P
    from audit.config import Config
    from audit.pipeline import build_checks
    from audit.policy import Policy

    seen = {}
    original = P._verified_stars

    def measured(corpus, index, cand, stats):
        result, seen["peak"] = _traced_peak(original, corpus, index, cand, stats)
        seen["candidates"] = len(cand)
        return result

    monkeypatch.setattr(P, "_verified_stars", measured)
    cfg = Config()
    checks = [c for c in build_checks(cfg, Policy.from_config(cfg), ()) if c.section == "duplicates"]
    run_checks(_similar_documents(3000), checks)
    assert seen["candidates"] > 1500
    assert seen["peak"] < 10 * 2**20, (
        f"{seen['peak'] / 2**20:.1f} MiB"
    )  # 6 measured; 18 before (2 MiB of passages cached)
