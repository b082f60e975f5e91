"""Readers: every format, every id rule, every kind of bad input."""

from __future__ import annotations

import csv
import gzip
import json
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import zstandard

from audit.model import Document, Skipped, Unreadable
from audit.readers import ReaderConfig, iter_inputs


def split(events):
    docs = [e for e in events if isinstance(e, Document)]
    bad = [e for e in events if isinstance(e, Unreadable)]
    skipped = [e for e in events if isinstance(e, Skipped)]
    return docs, bad, skipped


def read(*paths, **kw):
    return split(list(iter_inputs([str(p) for p in paths], ReaderConfig(**kw))))


RECORDS = [
    {"id": "a1", "text": "First record text.", "source": "wire"},
    {"text": "Second record has no id."},
    {"id": "a3", "text": "Third récord, ünïcode “quotes”."},
]


def test_folder_ids_are_relative_posix_paths(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "b.txt").write_text("bee", encoding="utf-8")
    (tmp_path / "sub" / "a.md").write_text("# A\n\nalpha", encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "c.txt").write_text("sea", encoding="utf-8")
    docs, bad, _ = read(tmp_path)
    assert [d.id for d in docs] == ["b.txt", "sub/a.md", "sub/deeper/c.txt"]
    assert not bad


def test_single_file_id_is_its_name(tmp_path):
    f = tmp_path / "one.txt"
    f.write_text("hello world", encoding="utf-8")
    docs, _, _ = read(f)
    assert [d.id for d in docs] == ["one.txt"]


def test_text_is_exactly_as_read(tmp_path):
    raw = "  Line one\r\nLine two\u00a0with nbsp\n\n\n"
    f = tmp_path / "x.txt"
    f.write_bytes(raw.encode("utf-8"))
    docs, _, _ = read(f)
    assert docs[0].text == raw


def test_demo_corpus_ids(corpus_dir):
    docs, bad, skipped = read(corpus_dir)
    assert [d.id for d in docs] == sorted(p.name for p in corpus_dir.glob("*.txt"))
    assert docs[-1].id == "004_0534d495edc3771c.txt"
    assert not bad and not skipped


def _write_jsonl(path: Path, records, opener=open):
    with opener(path, "wt", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


@pytest.mark.parametrize("suffix", [".jsonl", ".ndjson", ".jsonl.gz", ".jsonl.zst"])
def test_jsonl_variants(tmp_path, suffix):
    path = tmp_path / f"data{suffix}"
    if suffix.endswith(".gz"):
        _write_jsonl(path, RECORDS, gzip.open)
    elif suffix.endswith(".zst"):
        payload = "".join(json.dumps(r) + "\n" for r in RECORDS).encode()
        path.write_bytes(zstandard.ZstdCompressor().compress(payload))
    else:
        _write_jsonl(path, RECORDS)
    docs, bad, _ = read(path)
    assert not bad
    assert [d.id for d in docs] == ["a1", f"data{suffix}:2", "a3"]
    assert docs[2].text == RECORDS[2]["text"]
    assert docs[0].metadata["source"] == "wire"
    assert docs[1].locator == 2


def test_configurable_fields(tmp_path):
    path = tmp_path / "d.jsonl"
    _write_jsonl(path, [{"doc_id": "X", "body": "Body text here."}])
    docs, bad, _ = read(path, text_field="body", id_field="doc_id")
    assert [(d.id, d.text) for d in docs] == [("X", "Body text here.")]
    assert not bad


def test_csv_and_parquet(tmp_path):
    c = tmp_path / "t.csv"
    with open(c, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["id", "text"])
        w.writeheader()
        w.writerow({"id": "", "text": "multi\nline, with comma"})
        w.writerow({"id": "r2", "text": "second"})
    p = tmp_path / "t.parquet"
    pq.write_table(pa.Table.from_pylist([{"id": None, "text": "pq one"}, {"id": "q2", "text": "pq two"}]), p)
    docs, bad, _ = read(tmp_path)
    assert not bad
    assert [d.id for d in docs] == ["t.csv:1", "r2", "t.parquet:1", "q2"]
    assert docs[0].text == "multi\nline, with comma"


def test_bad_jsonl_lines_are_reported_and_the_rest_is_read(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(
        b'{"id": "ok1", "text": "fine"}\n'
        b'{"id": "broken", "text": \n'
        b'["not", "an", "object"]\n'
        b'{"id": "notext"}\n'
        b'{"id": "num", "text": 42}\n'
        b'{"id": "latin1", "text": "caf\xe9"}\n'
        b"\n"
        b'{"id": "ok2", "text": "also fine"}\n'
    )
    docs, bad, skipped = read(path)
    assert [d.id for d in docs] == ["ok1", "ok2"]
    assert [(u.file, u.line) for u in bad] == [("bad.jsonl", n) for n in (2, 3, 4, 5, 6)]
    assert "invalid JSON" in bad[0].reason
    assert "not an object" in bad[1].reason
    assert "'text'" in bad[2].reason
    assert "not a string" in bad[3].reason
    assert "UTF-8" in bad[4].reason
    assert bad[0].raw.startswith('{"id": "broken"')
    assert any("blank" in s.reason for s in skipped)


def test_enormous_line_is_reported_not_loaded(tmp_path):
    path = tmp_path / "big.jsonl"
    big = json.dumps({"id": "big", "text": "x" * 5000})
    path.write_text('{"id": "a", "text": "small"}\n' + big + '\n{"id": "b", "text": "after"}\n', encoding="utf-8")
    docs, bad, _ = read(path, max_record_bytes=1000)
    assert [d.id for d in docs] == ["a", "b"]
    assert len(bad) == 1 and bad[0].line == 2 and "exceeds" in bad[0].reason


def test_invalid_utf8_and_binary_files(tmp_path):
    (tmp_path / "good.txt").write_text("good text", encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes("line one\nline two café\n".encode("latin-1"))
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    docs, bad, _ = read(tmp_path)
    assert [d.id for d in docs] == ["good.txt"]
    by_file = {u.file: u for u in bad}
    assert by_file["latin.txt"].line == 2 and "UTF-8" in by_file["latin.txt"].reason
    assert "binary" in by_file["image.txt"].reason


def test_truncated_gzip_keeps_what_was_read(tmp_path):
    path = tmp_path / "cut.jsonl.gz"
    payload = gzip.compress(
        b"".join(json.dumps({"id": f"r{i}", "text": "t" * 50}).encode() + b"\n" for i in range(200))
    )
    path.write_bytes(payload[: len(payload) // 2])
    docs, bad, _ = read(path)
    assert len(bad) == 1 and bad[0].file == "cut.jsonl.gz"
    assert docs and docs[0].id == "r0"


def test_hidden_and_unknown_files_are_skipped_and_counted(tmp_path):
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("h", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("x", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    docs, bad, skipped = read(tmp_path)
    assert [d.id for d in docs] == ["a.txt"]
    reasons = {s.file: s.reason for s in skipped}
    assert reasons == {
        ".git/": "hidden folder",
        ".hidden.txt": "hidden file",
        "image.png": "unsupported extension '.png'",
    }


def test_missing_path_is_unreadable():
    docs, bad, _ = read("/nonexistent/path/corpus")
    assert not docs and bad[0].reason == "no such file or directory"


def test_unreadable_path_inside_folder(tmp_path):
    # A dangling symlink cannot be opened, whoever runs the test (root included).
    (tmp_path / "ok.txt").write_text("fine text", encoding="utf-8")
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    docs, bad, _ = read(tmp_path)
    assert [d.id for d in docs] == ["ok.txt"]
    assert [(u.file, u.reason) for u in bad] == [("dangling.txt", "no such file or directory")]


def test_empty_document_is_a_document(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    docs, bad, _ = read(tmp_path)
    assert [d.text for d in docs] == [""]
    assert not bad


def test_reader_is_lazy(tmp_path):
    path = tmp_path / "many.jsonl"
    _write_jsonl(path, [{"id": str(i), "text": "t"} for i in range(1000)])
    stream = iter_inputs([str(path)])
    first = next(stream)
    assert isinstance(first, Document) and first.id == "0"


def test_lone_surrogate_is_unreadable_not_a_crash(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text(
        '{"id": "ok", "text": "fine \\u00e9"}\n{"id": "bad", "text": "half \\ud800 pair"}\n', encoding="utf-8"
    )
    docs, bad, _ = read(path)
    assert [d.id for d in docs] == ["ok"] and docs[0].text == "fine é"
    assert bad[0].line == 2 and "surrogate" in bad[0].reason and "U+D800" in bad[0].reason


def test_lone_surrogate_in_any_field_is_unreadable(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "x", "text": "fine", "source": "bad \\uDC00"}\n', encoding="utf-8")
    docs, bad, _ = read(path)
    assert not docs and "U+DC00" in bad[0].reason


def test_enormous_text_file_is_reported_not_loaded(tmp_path):
    (tmp_path / "huge.txt").write_text("word " * 1000, encoding="utf-8")
    (tmp_path / "small.txt").write_text("a small file", encoding="utf-8")
    docs, bad, _ = read(tmp_path, max_record_bytes=1000)
    assert [d.id for d in docs] == ["small.txt"]
    assert bad[0].file == "huge.txt" and "exceeds max_record_bytes" in bad[0].reason


def test_named_pipe_in_a_folder_is_skipped_not_read(tmp_path):
    # Opening a FIFO blocks until a writer comes: the walk must list it, never read it.
    (tmp_path / "a.txt").write_text("alpha beta gamma", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    docs, bad, skipped = read(tmp_path)
    assert [d.id for d in docs] == ["a.txt"] and not bad
    assert [(s.file, s.reason) for s in skipped] == [("pipe.txt", "not a regular file (named pipe)")]


def test_symlinked_folders_are_read_and_loops_listed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "o.txt").write_text("outside text", encoding="utf-8")
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "s.txt").write_text("sub text", encoding="utf-8")
    os.symlink(outside, root / "linked")  # a folder elsewhere: read through the link
    os.symlink(root, root / "sub" / "loop")  # back to the root: a loop
    os.symlink(root / "sub", root / "zalias")  # a second way into sub/
    docs, bad, skipped = read(root)
    assert [d.id for d in docs] == ["linked/o.txt", "sub/s.txt"] and not bad
    reasons = {s.file: s.reason for s in skipped}
    assert reasons == {
        "sub/loop/": "symbolic link to a folder, a loop back to the scanned folder; not read twice",
        "zalias/": "symbolic link to a folder, the same folder as sub/; not read twice",
    }


def test_a_file_reached_twice_is_read_once(tmp_path):
    c = tmp_path / "c"
    c.mkdir()
    (c / "a.txt").write_text("alpha text", encoding="utf-8")
    (c / "b.txt").write_text("beta text", encoding="utf-8")
    os.symlink(c / "a.txt", c / "link.txt")
    os.link(c / "b.txt", c / "hard.txt")
    # the same folder twice, and a file of it given on its own first
    docs, bad, skipped = read(c / "a.txt", c, c)
    assert [d.id for d in docs] == ["a.txt", "b.txt"] and not bad
    reasons = [(s.file, s.reason) for s in skipped]
    assert ("hard.txt", "same file as b.txt, already read") in reasons
    assert ("link.txt", "same file as a.txt, already read") in reasons
    assert ("a.txt", "same file as a.txt, already read") in reasons  # the folder's copy of the file given first
    assert len(reasons) == 3 + 4  # first walk: a, hard, link; the second walk of c skips all four names


def _zst_frames(n_frames: int, per_frame: int) -> bytes:
    c = zstandard.ZstdCompressor()
    return b"".join(
        c.compress(
            b"".join(
                json.dumps({"id": f"f{f}-{i}", "text": f"frame {f} record {i} " * 20}).encode() + b"\n"
                for i in range(per_frame)
            )
        )
        for f in range(n_frames)
    )


def test_truncated_zstd_is_reported_not_silently_short(tmp_path):
    whole = _zst_frames(3, 400)
    (tmp_path / "whole.jsonl.zst").write_bytes(whole)
    docs, bad, _ = read(tmp_path / "whole.jsonl.zst")
    assert len(docs) == 1200 and not bad  # every frame is read
    cut = tmp_path / "cut.jsonl.zst"
    cut.write_bytes(whole[: len(whole) * 2 // 3])  # ends inside the last frame
    docs, bad, _ = read(cut)
    assert 400 <= len(docs) < 1200 and docs[0].id == "f0-0"  # what came before is kept
    assert [(u.file, u.line) for u in bad] == [("cut.jsonl.zst", None)]
    assert "truncated" in bad[0].reason


def test_corrupt_zstd_is_unreadable(tmp_path):
    (tmp_path / "fake.jsonl.zst").write_bytes(b'{"id": "x", "text": "not compressed"}\n')
    docs, bad, _ = read(tmp_path / "fake.jsonl.zst")
    assert not docs and len(bad) == 1 and "zstd" in bad[0].reason


def test_csv_bad_bytes_cost_only_their_row(tmp_path):
    p = tmp_path / "latin.csv"
    p.write_bytes("id,text\nl1,A fine first row.\nl2,Caf\xe9 au lait\nl3,A fine third row.\n".encode("latin-1"))
    docs, bad, _ = read(p)
    assert [d.id for d in docs] == ["l1", "l3"]  # the rows around the bad one are not lost
    assert [(u.file, u.line) for u in bad] == [("latin.csv", 2)]
    assert "invalid UTF-8 (byte e9)" in bad[0].reason and "line 3" in bad[0].reason


def test_csv_utf8_bom_is_not_part_of_the_first_column(tmp_path):
    p = tmp_path / "bom.csv"
    p.write_bytes(b"\xef\xbb\xbfid,text\nb1,Text of a spreadsheet export.\n")
    docs, bad, _ = read(p)
    assert [(d.id, d.text) for d in docs] == [("b1", "Text of a spreadsheet export.")] and not bad


@pytest.mark.parametrize(
    "body, reason",
    [
        ("id,text,source\nr1\n", "row has 1 cells, the header 3: no 'text' cell"),
        ("id,text,source\nr1,Cut here, the rest,wire\n", "row has 4 cells, the header 3 (an unquoted comma?)"),
        ('id,text\nr1,"never closed\nr2,swallowed\n', "a quote opened in this row is never closed"),
        ('id,text\nr1,"quoted"tail\n', "invalid CSV"),
    ],
)
def test_malformed_csv_rows_are_reported_not_misread(tmp_path, body, reason):
    p = tmp_path / "m.csv"
    p.write_text(body + "ok,A well formed row with its text.\n" if "never" not in body else body, encoding="utf-8")
    docs, bad, _ = read(p)
    assert len(bad) == 1 and bad[0].line == 1 and reason in bad[0].reason
    assert all(d.text != "Cut here" for d in docs)


def test_csv_trailing_empty_cells_are_tolerated(tmp_path):
    p = tmp_path / "t.csv"
    p.write_text("id,text\nr1,Some text of the row.,,\n", encoding="utf-8")
    docs, bad, _ = read(p)
    assert [d.id for d in docs] == ["r1"] and not bad


def test_empty_record_files_are_listed(tmp_path):
    (tmp_path / "a.jsonl").write_bytes(b"")
    (tmp_path / "b.csv").write_bytes(b"")
    (tmp_path / "c.csv").write_text("id,text\n", encoding="utf-8")
    pq.write_table(
        pa.table({"id": pa.array([], pa.string()), "text": pa.array([], pa.string())}), tmp_path / "d.parquet"
    )
    docs, bad, skipped = read(tmp_path)
    assert not docs and not bad
    assert [s.file for s in skipped] == ["a.jsonl", "b.csv", "c.csv", "d.parquet"]


def test_parquet_non_string_text_column_is_one_unreadable_for_scan(tmp_path):
    p = tmp_path / "n.parquet"
    pq.write_table(pa.table({"id": [1, 2, 3], "text": [1, 2, 3]}), p)
    docs, bad, _ = read(p)
    assert not docs and len(bad) == 1 and "holds int64, not strings (3 rows" in bad[0].reason
    docs, bad, _ = read(p, keep_records=True)  # the filter accounts for every row
    assert [u.line for u in bad] == [1, 2, 3]


@pytest.mark.parametrize("name", ["u.txt", "u.jsonl", "u.csv"])
@pytest.mark.parametrize("codec, label", [("utf-16", "UTF-16"), ("utf-32", "UTF-32")])
def test_utf16_and_utf32_files_are_named_as_such(tmp_path, name, codec, label):
    body = '{"id": "w", "text": "wide text"}\n' if name.endswith(".jsonl") else "id,text\nw,wide text\n"
    (tmp_path / name).write_bytes(body.encode(codec))  # Python writes the byte-order mark
    docs, bad, _ = read(tmp_path / name)
    assert not docs and len(bad) == 1  # one line for the file, not one per line
    assert bad[0].reason.startswith(f"{label} text (byte-order mark") and "iconv" in bad[0].reason


def test_jsonl_utf8_bom_opens_the_file_not_the_record(tmp_path):
    p = tmp_path / "bom.jsonl"
    p.write_bytes(b'\xef\xbb\xbf{"id": "b1", "text": "First."}\n{"id": "b2", "text": "\xef\xbb\xbfSecond."}\n')
    docs, bad, _ = read(p)
    assert not bad
    assert [(d.id, d.text) for d in docs] == [("b1", "First."), ("b2", "\ufeffSecond.")]  # text kept as read


def test_non_string_ids_are_written_as_json(tmp_path):
    p = tmp_path / "ids.jsonl"
    p.write_text("".join(json.dumps({"id": i, "text": "t"}) + "\n" for i in (7, 1.5, True, ["a", 1])), encoding="utf-8")
    docs, _, _ = read(p)
    assert [d.id for d in docs] == ["7", "1.5", "true", '["a", 1]']


def test_json_that_python_cannot_parse_costs_only_its_line(tmp_path):
    p = tmp_path / "odd.jsonl"
    p.write_text(
        json.dumps({"id": "a", "text": "first"})
        + "\n"
        + "[" * 100_000
        + "]" * 100_000
        + "\n"  # RecursionError in json.loads
        + '{"id": '
        + "9" * 5000
        + ', "text": "huge integer id"}\n'  # ValueError: int digit limit
        + json.dumps({"id": "b", "text": "last"})
        + "\n",
        encoding="utf-8",
    )
    docs, bad, _ = read(p)
    assert [d.id for d in docs] == ["a", "b"]
    assert [(u.line, u.reason.split(":")[0]) for u in bad] == [(2, "invalid JSON"), (3, "invalid JSON")]
    assert "nested too deeply" in bad[0].reason


def test_dotted_field_names_reach_nested_fields(tmp_path):
    j = tmp_path / "n.jsonl"
    j.write_text(
        json.dumps({"meta": {"id": "n1", "outlet": "wire"}, "content": {"body": "Nested body."}})
        + "\n"
        + json.dumps({"meta": {"id": "n2"}, "content": {}})
        + "\n"
        + json.dumps({"content.body": "A literal dotted key wins.", "meta": {"id": "n3"}})
        + "\n",
        encoding="utf-8",
    )
    docs, bad, _ = read(j, text_field="content.body", id_field="meta.id", source_field="meta.outlet")
    assert [(d.id, d.text) for d in docs] == [("n1", "Nested body."), ("n3", "A literal dotted key wins.")]
    assert docs[0].metadata["meta.outlet"] == "wire"
    assert [u.line for u in bad] == [2] and "no 'content.body' field" in bad[0].reason
    p = tmp_path / "n.parquet"
    pq.write_table(pa.table({"meta": [{"id": "s1"}], "content": [{"body": "Struct column text."}]}), p)
    docs, bad, _ = read(p, text_field="content.body", id_field="meta.id")
    assert [(d.id, d.text) for d in docs] == [("s1", "Struct column text.")] and not bad


def test_nan_id_is_a_missing_id(tmp_path):
    p = tmp_path / "n.parquet"
    pq.write_table(pa.table({"id": [float("nan"), 2.0], "text": ["one", "two"]}), p)
    docs, _, _ = read(p)
    assert [d.id for d in docs] == ["n.parquet:1", "2.0"]


# ---------------------------------------------------------------------------
# Compressed streams: nothing unverified is served, memory bounded whatever the ratio.


def _wire_records(n: int) -> bytes:
    return b"".join(
        json.dumps(
            {
                "id": f"w{i}",
                "text": f"Story {i}: the board met on day {i % 28 + 1} and approved a dividend of {i % 90} cents.",
            }
        ).encode()
        + b"\n"
        for i in range(n)
    )


def _flip_middle(data: bytes) -> bytes:
    damaged = bytearray(data)
    damaged[len(damaged) // 2] ^= 0x10
    return bytes(damaged)


def test_gzip_with_a_flipped_byte_serves_no_record(tmp_path):
    path = tmp_path / "batch.jsonl.gz"
    path.write_bytes(_flip_middle(gzip.compress(_wire_records(2000))))
    docs, bad, _ = read(path)
    assert docs == []
    assert len(bad) == 1 and bad[0].line is None
    assert "corrupt gzip data" in bad[0].reason and "none of its records" in bad[0].reason


def test_gzip_members_before_a_damaged_member_are_read(tmp_path):
    payload = _wire_records(300)
    cut = payload.index(b"\n", len(payload) // 3) + 1
    path = tmp_path / "two.jsonl.gz"
    path.write_bytes(gzip.compress(payload[:cut]) + _flip_middle(gzip.compress(payload[cut:])))
    docs, bad, _ = read(path)
    n_first = payload[:cut].count(b"\n")
    assert [d.id for d in docs] == [f"w{i}" for i in range(n_first)]
    assert len(bad) == 1 and "member 2" in bad[0].reason and f"after line {n_first}" in bad[0].reason
    # Intact, the same two members read whole.
    path.write_bytes(gzip.compress(payload[:cut]) + gzip.compress(payload[cut:]))
    docs, bad, _ = read(path)
    assert len(docs) == 300 and not bad


def test_zstd_frame_failing_its_checksum_serves_no_record(tmp_path):
    path = tmp_path / "batch.jsonl.zst"
    path.write_bytes(_flip_middle(zstandard.ZstdCompressor(write_checksum=True).compress(_wire_records(2000))))
    docs, bad, _ = read(path)
    assert docs == [] and len(bad) == 1 and "corrupt zstd data" in bad[0].reason


def test_corrupt_gzip_through_a_named_pipe_is_checked_too(tmp_path):
    data = _flip_middle(gzip.compress(_wire_records(500)))
    fifo = tmp_path / "pipe.jsonl.gz"
    os.mkfifo(fifo)
    import threading

    def feed():
        with open(fifo, "wb") as fh:
            fh.write(data)

    writer = threading.Thread(target=feed)
    writer.start()
    docs, bad, _ = read(fifo)
    writer.join()
    assert docs == [] and len(bad) == 1 and "corrupt gzip data" in bad[0].reason


def test_filter_keeps_and_indexes_nothing_from_a_corrupt_gzip(tmp_path):
    """Real files, real processes: the corrupt batch exits 2, KEPT is empty and the index learns nothing."""
    import subprocess
    import sys

    intact = _wire_records(2000)
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(_flip_middle(gzip.compress(intact)))
    good = tmp_path / "good.jsonl"
    good.write_bytes(intact)
    idx = tmp_path / "index.sqlite"
    root = Path(__file__).resolve().parents[1]

    def run(src: Path, name: str) -> tuple[int, list[str]]:
        keep = tmp_path / f"{name}-keep.jsonl"
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "audit",
                "filter",
                str(src),
                "--keep",
                str(keep),
                "--reject",
                str(tmp_path / f"{name}-reject.jsonl"),
                "--index",
                str(idx),
                "--update-index",
            ],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=300,
        )
        return proc.returncode, keep.read_text(encoding="utf-8").splitlines()

    code, kept = run(bad, "bad")
    assert code == 2 and kept == []
    code, kept = run(good, "good")  # nothing of the corrupt batch entered the index
    assert code == 0 and len(kept) == 2000


def test_zstd_bomb_is_read_in_bounded_memory(tmp_path):
    """256 MiB of zeros in one line (a few KB compressed) never sits in memory whole."""
    import tracemalloc

    path = tmp_path / "bomb.jsonl.zst"
    with open(path, "wb") as fh:
        writer = zstandard.ZstdCompressor().stream_writer(fh, closefd=False)
        writer.write(b'{"text": "')
        zeros = bytes(1 << 22)
        for _ in range(64):
            writer.write(zeros)
        writer.write(b'"}\n{"id": "after", "text": "still read"}\n')
        writer.flush(zstandard.FLUSH_FRAME)
    assert path.stat().st_size < 100_000
    tracemalloc.start()
    try:
        docs, bad, _ = read(path, max_record_bytes=1 << 20)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [d.id for d in docs] == ["after"]
    assert len(bad) == 1 and bad[0].line == 1 and "exceeds max_record_bytes" in bad[0].reason
    assert peak < 100 * 2**20, f"peak {peak / 2**20:.0f} MiB"


def test_csv_field_over_the_record_limit_never_reaches_memory(tmp_path):
    import tracemalloc

    path = tmp_path / "big.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write('id,text\nbefore,a short row\nhuge,"')
        chunk = "wordy " * 100_000
        for _ in range(100):  # 60 MB in one quoted field, on one line
            fh.write(chunk)
        fh.write('"\nafter,another short row\n')
    tracemalloc.start()
    try:
        docs, bad, _ = read(path, max_record_bytes=1 << 20)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [d.text for d in docs] == ["a short row", "another short row"]
    assert len(bad) == 1 and bad[0].line == 2 and "max_record_bytes" in bad[0].reason
    assert bad[0].raw.startswith("huge,") and len(bad[0].raw) < 3000
    assert peak < 16 * 2**20, f"peak {peak / 2**20:.0f} MiB"


def test_csv_row_of_many_short_lines_over_the_limit_is_unreadable(tmp_path):
    path = tmp_path / "lines.csv"
    body = "\n".join(f"line {i} of a long quoted field" for i in range(2000))  # about 60 KB over 2000 lines
    path.write_text(f'id,text\nlong,"{body}"\nnext,fine\n', encoding="utf-8")
    docs, bad, _ = read(path, max_record_bytes=10_000)
    assert len(bad) >= 1 and bad[0].line == 1 and "max_record_bytes" in bad[0].reason
    # Under the limit, the same row is one document.
    docs, bad, _ = read(path, max_record_bytes=100_000)
    assert [d.id for d in docs] == ["long", "next"] and not bad


def test_millions_of_bad_lines_are_counted_with_a_bounded_sample(tmp_path):
    """Bad lines cost a count, not memory: report.json lists a sample per file and the total."""
    from typer.testing import CliRunner

    from audit.cli import app
    from audit.pipeline import UNREADABLE_PER_FILE

    (tmp_path / "in").mkdir()
    with gzip.open(tmp_path / "in" / "a.jsonl.gz", "wb") as fh:
        fh.write(b"{}\n" * 3000 + b'{"id": "ok", "text": "The one good record in this file."}\n')
    (tmp_path / "in" / "b.jsonl").write_text("not json\n" * 50, encoding="utf-8")
    (tmp_path / "in" / "c.jsonl").write_text("[1]\n" * 3, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["scan", str(tmp_path / "in"), "--out", str(out), "--format", "json,md"])
    assert result.exit_code == 2
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["unreadable"] == 3053
    listed = [(u["file"], u["line"]) for u in report["unreadable"]]
    assert listed == (
        [("a.jsonl.gz", i) for i in range(1, UNREADABLE_PER_FILE + 1)]
        + [("b.jsonl", i) for i in range(1, UNREADABLE_PER_FILE + 1)]
        + [("c.jsonl", i) for i in (1, 2, 3)]
    )
    assert report["unreadable_omitted"] == {
        "total": 3053 - len(listed),
        "by_file": {"a.jsonl.gz": 3000 - UNREADABLE_PER_FILE, "b.jsonl": 50 - UNREADABLE_PER_FILE},
    }
    assert result.stderr.count("unreadable: ") == len(listed)
    assert "3053 inputs could not be read" in result.stderr
    assert "2980 more unreadable lines" in (out / "report.md").read_text(encoding="utf-8")
    # The filter still accounts for every line in REJECTED (spilled, not held).
    keep, reject = tmp_path / "k.jsonl", tmp_path / "r.jsonl"
    result = CliRunner().invoke(app, ["filter", str(tmp_path / "in"), "--keep", str(keep), "--reject", str(reject)])
    rejected = [json.loads(line) for line in reject.read_text(encoding="utf-8").splitlines()]
    assert len(rejected) == 3053 and rejected[2999]["line"] == 3000 and rejected[2999]["raw"] == "{}"
    assert len(keep.read_text(encoding="utf-8").splitlines()) == 1


# ---------------------------------------------------------------------------
# Small ones: encodings without a byte-order mark, CR-only lines, null text, escapes on stderr.


@pytest.mark.parametrize(
    "codec,name",
    [("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE"), ("utf-32-le", "UTF-32LE"), ("utf-32-be", "UTF-32BE")],
)
@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".csv"])
def test_wide_text_without_a_bom_gets_a_conversion_hint(tmp_path, codec, name, suffix):
    body = {
        ".txt": "Plain words in a plain file, café.\nSecond line.\n",
        ".jsonl": '{"id": "a", "text": "Plain words, café."}\n{"id": "b", "text": "More."}\n',
        ".csv": "id,text\na,Plain words café\n",
    }[suffix]
    path = tmp_path / f"wide{suffix}"
    path.write_bytes(body.encode(codec))
    docs, bad, _ = read(path)
    assert not docs and len(bad) == 1 and bad[0].line is None
    assert f"looks like {name} text without a byte-order mark" in bad[0].reason and f"iconv -f {name}" in bad[0].reason


def test_binary_data_is_not_called_wide_text(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 40)
    docs, bad, _ = read(path)
    assert not docs and "binary file" in bad[0].reason


def test_jsonl_with_cr_only_line_ends_is_one_record_per_line(tmp_path):
    path = tmp_path / "mac.jsonl"
    path.write_bytes(b'{"id": "a", "text": "one"}\r{"id": "b", "text": "two"}\r{"id": "c", "text": "three"}\r')
    docs, bad, _ = read(path)
    assert [(d.id, d.text, d.locator) for d in docs] == [("a", "one", 1), ("b", "two", 2), ("c", "three", 3)]
    assert not bad
    # CRLF files are unchanged: the CR stays with its line end.
    path.write_bytes(b'{"id": "a", "text": "one"}\r\n{"id": "b", "text": "two"}\r\n')
    docs, bad, _ = read(path)
    assert [d.id for d in docs] == ["a", "b"] and not bad


def test_null_text_is_unreadable_not_an_empty_document(tmp_path):
    path = tmp_path / "n.jsonl"
    path.write_text('{"id": "a", "text": null}\n{"id": "b", "text": ""}\n', encoding="utf-8")
    docs, bad, _ = read(path)
    assert [d.id for d in docs] == ["b"]  # an empty string is a (empty) document
    assert [(u.line, u.reason) for u in bad] == [(1, "field 'text' is null, not a string")]


def test_control_characters_in_file_names_are_escaped_on_stderr(tmp_path):
    from typer.testing import CliRunner

    from audit.cli import app

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "evil\x1b[2J\x1b]0;title\x07.jsonl").write_text("not json\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["scan", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--format", "json"])
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "evil\\x1b[2J\\x1b]0;title\\x07.jsonl:1: invalid JSON" in result.stderr
