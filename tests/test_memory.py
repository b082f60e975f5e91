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
