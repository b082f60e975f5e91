"""Per-document state kept until the report does not grow with text."""

from __future__ import annotations

from audit.model import Document
from audit.pipeline import MAX_METADATA_CHARS, run_checks


def test_long_metadata_strings_are_not_kept_on_results():
    page = "Menu Home News Sport " * 2000  # a second text field, e.g. a page's raw text beside the extracted one
    docs = [Document(id=f"d{i}", text="A short extracted text.", source="f.jsonl", locator=i + 1,
                     metadata={"title": "A title", "date": "1987-03-02", "views": 7, "raw_text": page,
                               "edge": "x" * MAX_METADATA_CHARS})
            for i in range(3)]
    state, _ = run_checks(docs, [])
    assert [r.metadata for r in state.results] == [
        {"title": "A title", "date": "1987-03-02", "views": 7, "edge": "x" * MAX_METADATA_CHARS}] * 3
