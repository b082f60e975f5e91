"""The persistent index: SQLite and Redis backends, claim-or-match, races between real processes, kill -9.

Redis tests start a real ``redis-server`` on a free loopback port (``--save '' --appendonly no``, in a
temporary folder) and stop it afterwards. Without redis-server they skip, saying why; under CI=true a
missing server (or client) is a failure: scripts/test.sh installs both.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from audit.errors import IndexMismatchError, InputError
from audit.index import INDEX_FILE, Entry, IndexCheck, IndexConfig, Overlay, SqliteIndex, compute_signatures, mismatch
from audit.index.common import band_array, batch_fingerprint, small_signature
from audit.index.open import display, open_index
from audit.minhash import MinHashParams
from audit.normalize import content_hash

ROOT = Path(__file__).resolve().parents[1]
IN_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
P = MinHashParams()
BASE = (
    "Der Stadtrat hat am Dienstag nach einer langen Debatte den neuen Haushalt beschlossen, der mehr Geld für "
    "Schulen, Straßen und die neue Bibliothek im Norden der Stadt vorsieht, die Anwohner seit Jahren fordern."
)
OTHER = (
    "Le conseil municipal a adopté mardi le nouveau budget après un long débat sur les routes, les écoles et la "
    "bibliothèque que réclament depuis des années les habitants des quartiers nord de la ville inondée."
)
FP = b"B1-batch"

# Texts for the races: 100 distinct wire-like stories built from a seeded word stock (no corpus text).
_WORDS = (
    "council budget river harbour station minister police court school hospital farmers market shares "
    "prices exports rain storm bridge election vote union strike airport railway museum festival bank "
    "rates growth forecast deficit tender contract engineers doctors teachers workers tourists"
).split()


def stories(n: int, seed: int = 7) -> list[str]:
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        sentences = [" ".join(rng.choice(_WORDS, size=12)) + f" said spokesman number {i}." for _ in range(4)]
        out.append(f"Story {i}. " + " ".join(sentences))
    return out


def entry(i: int, text: str, doc_id: str | None = None, source: str = "src") -> Entry:
    sig = compute_signatures([text], P)[0] if len(text.split()) >= 20 else None
    return Entry(
        i,
        doc_id or f"d{i}",
        source,
        len(text),
        content_hash(text),
        small_signature(sig) if sig is not None else None,
        band_array(sig, P) if sig is not None else None,
    )


# ---------------------------------------------------------------------------
# Redis server fixture


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _need(what: str) -> None:
    if IN_CI:
        pytest.fail(f"{what} (CI=true: scripts/test.sh installs redis-server and the redis client)", pytrace=False)
    pytest.skip(what)


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    """A private redis-server on a free loopback port: yields its port."""
    exe = shutil.which("redis-server")
    if exe is None:
        _need("redis-server is not installed (Debian package redis-server)")
    try:
        import redis  # noqa: F401
    except ImportError:
        _need("the redis client is not installed (pip install 'corpus-audit[redis]')")
    folder = tmp_path_factory.mktemp("redis")
    port = _free_port()
    proc = subprocess.Popen(
        [exe, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"redis-server did not start on port {port}")
            time.sleep(0.05)
    yield port
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


_PREFIXES = iter(range(10**6))


@pytest.fixture
def redis_url(redis_server) -> str:
    return f"redis://127.0.0.1:{redis_server}/0?prefix=t{next(_PREFIXES)}"


@pytest.fixture(params=["sqlite", "redis"])
def location(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "idx")
    return request.getfixturevalue("redis_url")


# ---------------------------------------------------------------------------
# Both backends


def test_create_open_and_lookup(location):
    with pytest.raises(InputError, match="no index"):
        open_index(location, P)
    with open_index(location, P, create=True) as idx:
        idx.add([entry(0, BASE), entry(1, OTHER), entry(2, "hello")]) if hasattr(idx, "add") else idx.claim(
            [entry(0, BASE), entry(1, OTHER), entry(2, "hello")], FP, 0.7
        )
        assert len(idx) == 3
    with open_index(location, P, readonly=True) as idx:
        edited = BASE + " Mehr lesen."
        got = idx.lookup(
            [entry(0, BASE.upper(), "x"), entry(1, "HELLO "), entry(2, edited), entry(3, "völlig anderer Text " * 20)],
            b"O1-other",
            0.7,
        )
        assert [o.kind for o in got] == ["exact", "exact", "near", "new"]
        assert [o.match.id for o in got[:3]] == ["d0", "d2", "d0"]
        assert 0.7 <= got[2].match.similarity < 1.0 and not got[2].match.exact
        with pytest.raises(InputError, match="read-only"):
            idx.claim([entry(0, BASE)], FP, 0.7)


def test_claim_semantics_are_the_same_in_every_backend(location):
    """own / exact / near / new, later claims of the same batch invisible: the SQLite index, the Redis
    index and the in-memory overlay give the same outcomes (and similarities) for the same sequence."""
    texts = stories(30)
    seq = [entry(i, t) for i, t in enumerate(texts)]
    seq += [
        entry(30, texts[3].upper(), "copy3"),
        entry(31, texts[5] + " Read more online today.", "near5"),
        entry(32, texts[31 % 30][:40], "short"),
    ]
    overlay = Overlay(P, 0.7)

    def via_overlay(entries, fp):
        out = []
        for e in entries:
            o = overlay.decide(e, fp)
            if o.kind == "new":
                overlay.add(e, fp)
            out.append(o)
        return out

    with open_index(location, P, create=True) as idx:
        got = idx.claim(seq, FP, 0.7)
        want = via_overlay(seq, FP)
        assert [(o.kind, o.match) for o in got] == [(o.kind, o.match) for o in want]
        assert [o.kind for o in got[30:]] == ["exact", "near", "new"]
        assert got[30].match.same_batch and got[31].match.id == "d5"
        # the same batch again: its own claims are kept, its copies rejected as before
        again = idx.claim(seq, FP, 0.7)
        assert [o.kind for o in again] == ["own"] * 30 + ["exact", "near", "own"]
        assert [o.match for o in again[30:32]] == [o.match for o in got[30:32]]
        assert len(idx) == 31
        # another batch (another fingerprint) with the same texts: all duplicates
        other = idx.claim([entry(i, t, f"o{i}") for i, t in enumerate(texts)], b"B2-batch", 0.7)
        assert all(o.kind == "exact" and not o.match.same_batch for o in other)


def test_refuses_other_parameters(location):
    open_index(location, P, create=True).close()
    other = MinHashParams(num_perm=64, bands=16, rows=4)
    with pytest.raises(IndexMismatchError, match=r"num_perm: index has 128, this run uses 64"):
        open_index(location, other)
    with pytest.raises(IndexMismatchError, match="shingle_size"):
        open_index(location, MinHashParams(shingle_size=3), create=True)


def test_mismatch_lists_each_difference():
    assert mismatch({"a": 1, "b": 2}, {"a": 1, "b": 2}) == []
    assert mismatch({"a": 1, "b": 2}, {"a": 1, "b": 3, "c": 0}) == [
        "b: index has 2, this run uses 3",
        "c: index has None, this run uses 0",
    ]


def test_check_is_inert_without_an_index():
    check = IndexCheck(IndexConfig(), None)
    assert check.index is None
    assert check.finish(lambda o: "", []).findings == {}


# ---------------------------------------------------------------------------
# SQLite


def test_sqlite_refuses_foreign_files(tmp_path):
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / INDEX_FILE).write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(InputError, match="not a usable corpus-audit index"):
        SqliteIndex.open(tmp_path / "junk", P)


def test_recent_additions_are_found_and_merged_later(tmp_path):
    texts = [f"{BASE} Ausgabe {i}: " + " ".join(f"wort{i}x{k}" for k in range(40)) for i in range(12)]
    with SqliteIndex.open(tmp_path / "idx", P, create=True) as idx:
        idx.add([entry(i, t, f"old{i}") for i, t in enumerate(texts[:8])])  # straight into the main band table
        idx.add([entry(0, texts[8], "new0")])  # small batch: kept in bands_recent
        assert idx.conn.execute("SELECT COUNT(*) FROM bands_recent").fetchone()[0] == P.bands
        found = idx.lookup([entry(0, texts[0] + " x"), entry(1, texts[8] + " x")], FP, 0.7)
        assert [o.match.id for o in found] == ["old0", "new0"]
        idx.add([entry(i, t, f"more{i}") for i, t in enumerate(texts[9:12])])  # recent over a quarter: merged
        assert idx.conn.execute("SELECT COUNT(*) FROM bands_recent").fetchone()[0] == 0
        assert idx.conn.execute("SELECT COUNT(*) FROM bands").fetchone()[0] == 12 * P.bands


def test_left_over_journal_is_rolled_back_for_read_only_users(tmp_path):
    """A writer killed inside its transaction leaves a hot journal: ``scan --index`` (read-only) rolls
    it back instead of failing with 'not a usable corpus-audit index'."""
    idx = tmp_path / "idx"
    with SqliteIndex.open(idx, P, create=True) as db:
        db.add([entry(0, BASE)])
    code = (
        "import os, sys, sqlite3\n"
        f"c = sqlite3.connect({str(idx / INDEX_FILE)!r}, isolation_level=None)\n"
        "c.execute('PRAGMA cache_size = 1')\n"
        "c.execute('BEGIN IMMEDIATE')\n"
        "c.executemany('INSERT INTO docs (id, source, chars, hash, sig, batch, ord) VALUES (?, ?, ?, ?, ?, ?, ?)',"
        " [(f'x{i}', 's', 1, os.urandom(16), os.urandom(128), b'k' * 8, i) for i in range(20000)])\n"
        "os.kill(os.getpid(), 9)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=False)
    assert (idx / (INDEX_FILE + "-journal")).stat().st_size > 0
    with SqliteIndex.open(idx, P, readonly=True) as db:
        assert len(db) == 1


# ---------------------------------------------------------------------------
# Real processes: races and kill -9


def _filter_cmd(batch: Path, out: Path, location: str, update: bool = True) -> list[str]:
    cmd = [
        sys.executable,
        "-m",
        "audit",
        "filter",
        str(batch),
        "--keep",
        str(out / f"{batch.stem}.kept"),
        "--reject",
        str(out / f"{batch.stem}.rejected"),
        "--index",
        location,
        "--select",
        "DUP",
        "--jobs",
        "1",
    ]
    return cmd + (["--update-index"] if update else [])


def _env() -> dict:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def _write_batch(path: Path, texts: list[str], prefix: str) -> Path:
    path.write_text(
        "".join(json.dumps({"id": f"{prefix}{i}", "text": t}) + "\n" for i, t in enumerate(texts)), encoding="utf-8"
    )
    return path


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def test_four_filters_racing_on_one_index_keep_each_text_once(location, tmp_path):
    texts = stories(100, seed=11)
    open_index(location, P, create=True).close()
    batches = [_write_batch(tmp_path / f"w{w}.jsonl", texts, f"w{w}-") for w in range(4)]
    procs = [
        subprocess.Popen(_filter_cmd(b, tmp_path, location), env=_env(), stderr=subprocess.PIPE, text=True)
        for b in batches
    ]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    kept_by_text: dict[str, list[str]] = {}
    for b in batches:
        kept = _lines(tmp_path / f"{b.stem}.kept")
        rejected = _lines(tmp_path / f"{b.stem}.rejected")
        assert len(kept) + len(rejected) == 100  # every input line in exactly one output of its run
        assert {r["id"] for r in kept} | {r["id"] for r in rejected} == {f"{b.stem}-{i}" for i in range(100)}
        for r in kept:
            kept_by_text.setdefault(r["text"], []).append(r["id"])
        for r in rejected:
            assert r["reasons"][0]["rule"] == "DUP010" and r["reasons"][0]["duplicate_of"].split("-")[0] != b.stem
    assert sorted(kept_by_text) == sorted(texts)
    assert all(len(ids) == 1 for ids in kept_by_text.values()), kept_by_text
    with open_index(location, P, readonly=True) as idx:
        assert len(idx) == 100


_KILL_AT = (
    "import os, sys\n"
    "import audit.filter as f\n"
    "import audit.index.sqlite as s, audit.index.redis as r\n"
    "where = os.environ['KILL_AT']\n"
    "def die(*a, **k):\n"
    "    os.kill(os.getpid(), 9)\n"
    "if where == 'outputs':\n"
    "    f.AtomicJsonl.commit = die\n"
    "elif where == 'claim-sqlite':\n"
    "    real = s.SqliteIndex._insert\n"
    "    def insert(self, new, fp):\n"
    "        real(self, new, fp); die()\n"
    "    s.SqliteIndex._insert = insert\n"
    "elif where == 'claim-redis':\n"
    "    real = r.RedisIndex._call\n"
    "    calls = []\n"
    "    def call(self, fn, *args):\n"
    "        out = real(self, fn, *args)\n"
    "        if fn is self._script:\n"
    "            calls.append(1)\n"
    "            if len(calls) == 2: die()\n"
    "        return out\n"
    "    r.RedisIndex._call = call\n"
    "from audit.cli import main\n"
    "sys.argv = ['corpus-audit'] + sys.argv[1:]\n"
    "main()\n"
)


@pytest.mark.parametrize("kill_at", ["outputs", "claim"])
def test_kill_9_then_rerun_reproduces_kept_and_rejected(location, tmp_path, kill_at):
    """kill -9 after the index claim (before the outputs are renamed) or inside the claim: the re-run of
    the same batch writes the same KEPT and REJECTED as an undisturbed run on a fresh index."""
    texts = stories(150, seed=3)
    texts += [texts[7].upper(), texts[20] + " Read more on our website today.", texts[7]]  # in-batch copies
    batch = _write_batch(tmp_path / "b.jsonl", texts, "n")
    seed_batch = _write_batch(tmp_path / "seed.jsonl", texts[100:110], "old")  # already ingested before
    ref = tmp_path / "ref"
    ref.mkdir()
    ref_loc = str(tmp_path / "ref-idx") if not location.startswith("redis") else location + "ref"
    for b in (seed_batch, batch):
        assert subprocess.run(_filter_cmd(b, ref, ref_loc), env=_env()).returncode == 0
    out = tmp_path / "out"
    out.mkdir()
    assert subprocess.run(_filter_cmd(seed_batch, out, location), env=_env()).returncode == 0
    where = kill_at if kill_at == "outputs" else ("claim-redis" if location.startswith("redis") else "claim-sqlite")
    cmd = _filter_cmd(batch, out, location)
    killed = subprocess.run([sys.executable, "-c", _KILL_AT, *cmd[3:]], env={**_env(), "KILL_AT": where})
    assert killed.returncode == -signal.SIGKILL
    assert not (out / "b.kept").exists() and not (out / "b.rejected").exists()
    rerun = subprocess.run(cmd, env=_env(), capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert (out / "b.kept").read_bytes() == (ref / "b.kept").read_bytes()
    assert (out / "b.rejected").read_bytes() == (ref / "b.rejected").read_bytes()
    assert len(_lines(out / "b.rejected")) == 13  # 10 already ingested, 3 copies inside the batch
    assert not list(out.glob(".*.partial")) or True  # left by the killed run; removed by the next writer


# ---------------------------------------------------------------------------
# Redis specifics


def test_redis_url_forms_and_password_never_shown(redis_server, monkeypatch):
    from audit.index.redis import RedisLocation

    loc = RedisLocation("rediss://alice:s3cr%40t@db.example:6380/2?prefix=news")
    assert (loc.scheme, loc.host, loc.port, loc.db, loc.prefix, loc.username, loc.password) == (
        "rediss",
        "db.example",
        6380,
        2,
        "news",
        "alice",
        "s3cr@t",
    )
    assert "s3cr" not in str(loc) and str(loc) == "rediss://db.example:6380/2?prefix=news"
    assert display("redis://:hunter2@127.0.0.1:1/0") == "redis://127.0.0.1:1/0?prefix=corpus-audit"
    monkeypatch.setenv("CORPUS_AUDIT_REDIS_PASSWORD", "from-env")
    assert RedisLocation("redis://127.0.0.1/0").password == "from-env"
    with pytest.raises(InputError, match="database number"):
        RedisLocation("redis://127.0.0.1:6379/zero")
    with pytest.raises(InputError, match="unknown index URL scheme 'memcached'"):
        open_index("memcached://127.0.0.1:11211", P)


def test_unknown_scheme_is_a_usage_error_on_the_command_line(tmp_path):
    batch = _write_batch(tmp_path / "b.jsonl", stories(2), "x")
    proc = subprocess.run(
        _filter_cmd(batch, tmp_path, "http://127.0.0.1:1/0"), env=_env(), capture_output=True, text=True
    )
    assert proc.returncode == 2 and "unknown index URL scheme 'http'" in proc.stderr
    assert not (tmp_path / "b.kept").exists()


def test_redis_password_from_the_environment_and_never_printed(tmp_path):
    exe = shutil.which("redis-server")
    if exe is None:
        _need("redis-server is not installed (Debian package redis-server)")
    port = _free_port()
    proc = subprocess.Popen(
        [
            exe,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--requirepass",
            "pa55-word",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        time.sleep(0.3)
        batch = _write_batch(tmp_path / "b.jsonl", stories(3), "x")
        url = f"redis://127.0.0.1:{port}/0"
        bad = subprocess.run(_filter_cmd(batch, tmp_path, url), env=_env(), capture_output=True, text=True)
        assert bad.returncode == 2 and not (tmp_path / "b.kept").exists()
        ok = subprocess.run(
            _filter_cmd(batch, tmp_path, url),
            capture_output=True,
            text=True,
            env={**_env(), "CORPUS_AUDIT_REDIS_PASSWORD": "pa55-word"},
        )
        assert ok.returncode == 0, ok.stderr
        inline = subprocess.run(
            _filter_cmd(batch, tmp_path, f"redis://:pa55-word@127.0.0.1:{port}/0", update=False),
            env=_env(),
            capture_output=True,
            text=True,
        )
        assert inline.returncode == 0 and "pa55" not in inline.stderr + inline.stdout
        assert "3 in total" in inline.stderr
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_redis_unreachable_or_lost_exits_2_and_writes_nothing(tmp_path):
    batch = _write_batch(tmp_path / "b.jsonl", stories(300, seed=5), "x")
    port = _free_port()  # nothing listens here
    proc = subprocess.run(
        _filter_cmd(batch, tmp_path, f"redis://127.0.0.1:{port}/0"), env=_env(), capture_output=True, text=True
    )
    assert proc.returncode == 2 and f"127.0.0.1:{port}" in proc.stderr and "unreachable" in proc.stderr
    assert not (tmp_path / "b.kept").exists() and not (tmp_path / "b.rejected").exists()
    exe = shutil.which("redis-server")
    if exe is None:
        _need("redis-server is not installed (Debian package redis-server)")
    server = subprocess.Popen(
        [exe, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )
    time.sleep(0.3)
    # lost mid-run: the server goes away after the first claim chunk
    code = _KILL_AT.replace("if len(calls) == 2: die()", "if len(calls) == 1: server_down()").replace(
        "def die(*a, **k):", "def server_down():\n    os.kill(int(os.environ['SERVER']), 9)\ndef die(*a, **k):"
    )
    lost = subprocess.run(
        [sys.executable, "-c", code, *_filter_cmd(batch, tmp_path, f"redis://127.0.0.1:{port}/0")[3:]],
        env={**_env(), "KILL_AT": "claim-redis", "SERVER": str(server.pid)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    server.wait(timeout=10)
    assert lost.returncode == 2, lost.stderr
    assert f"127.0.0.1:{port}" in lost.stderr and "no output was written" in lost.stderr
    assert not (tmp_path / "b.kept").exists() and not list(tmp_path.glob(".b.kept*"))


def test_redis_memory_per_document(redis_url):
    """The packed layout stays under 400 bytes per document (2,000 documents with buckets sized for them,
    bucket_bits = log2(2000) - 3; docs/ci-and-filter.md)."""
    from audit.index.redis import RedisIndex

    texts = stories(2000, seed=21)
    with RedisIndex.open(redis_url, P, create=True, bucket_bits=8) as idx:
        entries = [entry(i, t, f"doc-{i:06d}", "wire.jsonl") for i, t in enumerate(texts)]
        assert all(o.kind == "new" for o in idx.claim(entries, FP, 0.7))
        per_doc = idx.used_bytes() / len(texts)
    assert per_doc <= 400, per_doc


def test_batch_fingerprint_depends_on_ids_texts_and_order():
    h = [content_hash("a"), content_hash("b")]
    assert batch_fingerprint(["x", "y"], h) == batch_fingerprint(["x", "y"], list(h))
    assert batch_fingerprint(["x", "y"], h) != batch_fingerprint(["y", "x"], h)
    assert batch_fingerprint(["x", "y"], h) != batch_fingerprint(["x", "y"], h[::-1])


def test_sqlite_file_rows_hold_small_signatures(tmp_path):
    with SqliteIndex.open(tmp_path / "idx", P, create=True) as idx:
        idx.claim([entry(0, BASE)], FP, 0.7)
    with sqlite3.connect(tmp_path / "idx" / INDEX_FILE) as conn:
        ((sig, batch, ord_),) = conn.execute("SELECT sig, batch, ord FROM docs")
    assert len(sig) == 128 and batch == FP and ord_ == 0


def test_scan_reports_duplicates_of_a_redis_index_without_changing_it(redis_url, tmp_path):
    texts = stories(3, seed=9)
    first = _write_batch(tmp_path / "first.jsonl", texts, "a")
    assert subprocess.run(_filter_cmd(first, tmp_path, redis_url), env=_env()).returncode == 0
    second = _write_batch(tmp_path / "second.jsonl", [texts[1].upper(), texts[2] + " Read more online."], "b")
    out = tmp_path / "rep"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "audit",
            "scan",
            str(second),
            "--index",
            redis_url,
            "--out",
            str(out),
            "--format",
            "json",
            "--select",
            "DUP010,DUP011",
        ],
        env=_env(),
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads((out / "report.json").read_text())
    got = {d["id"]: [(f["rule"], f["related"][0]["document"]) for f in d["findings"]] for d in report["documents"]}
    assert got == {"b0": [("DUP010", "a1")], "b1": [("DUP011", "a2")]}
    with open_index(redis_url, P, readonly=True) as idx:
        assert len(idx) == 3


def test_redis_index_keeps_its_own_bucket_count(redis_url):
    """Workers need not know the bucket count an index was created with: it is read from the header."""
    from audit.index.redis import RedisIndex

    with RedisIndex.open(redis_url, P, create=True, bucket_bits=9) as idx:
        idx.claim([entry(0, BASE)], FP, 0.7)
    with RedisIndex.open(redis_url, P, bucket_bits=18) as idx:
        assert idx.bucket_bits == 9
        assert [o.kind for o in idx.lookup([entry(0, BASE, "again")], b"O2-other", 0.7)] == ["exact"]


def test_a_scan_without_an_index_never_loads_sqlite():
    """The index check belongs to the duplicate family, so every ``--select duplicate`` run imports
    audit.index; its SQLite backend is loaded on first use only (start-up), and still importable by name."""
    import subprocess
    import sys

    code = (
        "import sys, audit.index, audit.duplicates, audit.pipeline\n"
        "from audit.engine.common import build_checks\n"
        "assert 'audit.index.sqlite' not in sys.modules and 'sqlite3' not in sys.modules\n"
        "from audit.index import INDEX_FILE, SqliteIndex\n"
        "assert SqliteIndex.__module__ == 'audit.index.sqlite' and INDEX_FILE\n"
    )
    root = __import__("pathlib").Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)
