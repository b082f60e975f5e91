"""The command's cache of compiled regular expressions (audit/recache.py): a pattern served from the cache
equals the one ``re`` compiles (``Pattern.__eq__`` compares pattern, flags and engine code)."""

from __future__ import annotations

import _sre
import marshal
import os
import re
import re._compiler as compiler
import subprocess
import sys
from pathlib import Path

from audit import recache

ROOT = Path(__file__).resolve().parent.parent

SAMPLES = [
    (r"(?P<word>\w+)\s+(?P=word)", 0),
    (r"(?i)caf[eé]|naïve", 0),
    ("[\u0e00-\u0eff\u3040-\u30ff\u4e00-\u9fff]+", 0),
    (r"^(?:read more|see also)\b.*$", re.M | re.I),
    (r"(?<![\w'-])(?:a|an|the)\s+(?=[A-Z])", 0),
    (r"x(?#comment) y", re.X),
]


def _cache(path: Path, entries: dict | None = None) -> recache._Cache:
    return recache._Cache(str(path), entries or {}, compiler, _sre, write=True)


def _same(a: re.Pattern, b: re.Pattern) -> None:
    assert a == b
    assert (a.pattern, a.flags, a.groups, dict(a.groupindex)) == (b.pattern, b.flags, b.groups, dict(b.groupindex))


def test_miss_and_hit_equal_re(tmp_path):
    path = tmp_path / "c.marshal"
    first = _cache(path)
    for p, f in SAMPLES:
        _same(first.compile(p, f), compiler.compile(p, f))
    first.save()
    with open(path, "rb") as fh:
        entries = marshal.load(fh)
    assert set(entries) == set(SAMPLES)
    second = _cache(path, entries)
    for p, f in SAMPLES:
        got = second.compile(p, f)
        _same(got, compiler.compile(p, f))
    assert not second.new and second.used == set(SAMPLES)


def test_damaged_entry_compiles_as_re(tmp_path):
    p, f = SAMPLES[0]
    cache = _cache(tmp_path / "c.marshal", {(p, f): (0, b"\x01\x02\x03\x04", 0, {}, ())})
    _same(cache.compile(p, f), compiler.compile(p, f))
    cache = _cache(tmp_path / "c.marshal", {(p, f): "garbage"})
    _same(cache.compile(p, f), compiler.compile(p, f))


def test_bytes_and_debug_patterns_pass_through(tmp_path):
    cache = _cache(tmp_path / "c.marshal")
    assert cache.compile(rb"ab+", 0) == compiler.compile(rb"ab+", 0)
    assert not cache.new


def test_off_and_default_path(monkeypatch):
    monkeypatch.setenv("CORPUS_AUDIT_REGEX_CACHE", "off")
    assert recache.default_path() is None
    monkeypatch.delenv("CORPUS_AUDIT_REGEX_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere")
    path = recache.default_path()
    assert path is not None and path.startswith("/somewhere/corpus-audit/regex-")
    assert sys.implementation.cache_tag in path


def test_file_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(recache, "MAX_ENTRIES", 3)
    path = tmp_path / "c.marshal"
    old = {(f"old{i}", 0): None for i in range(3)}
    cache = _cache(path)
    for p, f in SAMPLES[:2]:
        cache.compile(p, f)
    cache.entries.update(old)
    cache.save()
    with open(path, "rb") as fh:
        assert set(marshal.load(fh)) == set(SAMPLES[:2])


def test_every_pattern_of_a_scan_equals_re(tmp_path):
    """The demo corpus scanned with every rule through the command (a fresh cache, then the cache it wrote):
    the same reports, and every cached pattern equals re's own compilation."""
    path = tmp_path / "regex.marshal"
    env = dict(os.environ, CORPUS_AUDIT_REGEX_CACHE=str(path))
    outs = []
    for run in ("a", "b"):
        out = tmp_path / run
        subprocess.run(
            [sys.executable, "-m", "audit", "scan", str(ROOT / "corpus"), "--out", str(out), "--format", "json,md"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        outs.append(out)
    assert (outs[0] / "report.md").read_bytes() == (outs[1] / "report.md").read_bytes()
    with open(path, "rb") as fh:
        entries = marshal.load(fh)
    assert len(entries) > 500
    cache = _cache(path, entries)
    for p, f in entries:
        _same(cache.compile(p, f), compiler.compile(p, f))
    assert not cache.new
