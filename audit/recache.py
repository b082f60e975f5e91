"""A disk cache of compiled regular expressions for the command line (issue 15, startup).

Python compiles a regular expression in Python code (``re._parser`` and ``re._compiler``): the
families' ~800 patterns cost about 0.3 CPU s of every ``corpus-audit`` process, a third of a
one-document scan. What the compiler produces for a pattern string and flags (the engine's code words,
the group count and names) is the same in every process of one Python build, so the command keeps it
in a file and later processes hand it straight to the engine (``_sre.compile``), as ``re`` itself does
after compiling. A pattern built from a cached entry equals the one ``re`` builds (``Pattern.__eq__``
compares the pattern, the flags and the code; ``tests/test_recache.py`` checks every pattern of the
package); the engine validates the code it is given, and anything unexpected falls back to ``re``'s
own compiler.

The file is read when the command starts and rewritten at its end when the run compiled patterns it
lacked (atomically: tmp file, then rename). Like bytecode it is not written under
``PYTHONDONTWRITEBYTECODE``. ``CORPUS_AUDIT_REGEX_CACHE=off`` turns the cache off;
``CORPUS_AUDIT_REGEX_CACHE=FILE`` uses (and writes) that file. By default it lives in
``$XDG_CACHE_HOME/corpus-audit/`` (``~/.cache/corpus-audit/``), one file per Python build.
Only the command installs it (:func:`install` from ``audit.cli.main``): importing ``audit`` as a
library leaves ``re`` alone.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import sys
from array import array
from typing import Any

#: Entries kept in the file at most; past it, a run keeps only what it used or added (patterns built
#: from a set's iteration order differ from run to run and would otherwise grow the file without end).
MAX_ENTRIES = 4096

_installed: list[Any] = []

#: The array type code of the engine's code words (``_sre.CODESIZE`` bytes: 4 on CPython).
_WORD = "I"


def default_path() -> str | None:
    """The cache file for this Python build, or None when the cache is off or unavailable."""
    setting = os.environ.get("CORPUS_AUDIT_REGEX_CACHE", "")
    if setting.lower() in {"off", "0", "no", "false"}:
        return None
    if setting:
        return setting
    try:
        import _sre  # type: ignore[import-not-found]

        tag = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}-{sys.maxunicode}"
        home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    except Exception:  # noqa: BLE001 - no cache rather than a failure
        return None
    return os.path.join(home, "corpus-audit", f"regex-{tag}.marshal")


class _Cache:
    """The hook that replaces ``re._compiler.compile``: string patterns are served from ``entries``."""

    def __init__(self, path: str, entries: dict, compiler: Any, sre: Any, write: bool) -> None:
        self.path = path
        self.entries = entries
        self.used: set = set()
        self.new: dict = {}
        self.write = write
        self.pid = os.getpid()
        self.compiler = compiler
        self.original = compiler.compile
        self.sre = sre

    def compile(self, p: Any, flags: int = 0) -> Any:
        if not isinstance(p, str) or flags & self.compiler.SRE_FLAG_DEBUG:
            return self.original(p, flags)
        flags = int(flags)  # (re passes a plain int; marshal stores no int subclass such as RegexFlag)
        key = (p, flags)
        hit = self.entries.get(key)
        if hit is not None:
            try:
                final, code, groups, groupindex, indexgroup = hit
                out = self.sre.compile(p, final, array(_WORD, code).tolist(), groups, dict(groupindex), indexgroup)
            except Exception:  # noqa: BLE001 - a damaged entry: compile it as re does
                del self.entries[key]
            else:
                self.used.add(key)
                return out
        # As re._compiler.compile (CPython 3.11-3.13), keeping the code it hands to the engine.
        parsed = self.compiler._parser.parse(p, flags)
        words = self.compiler._code(parsed, flags)
        groupindex = parsed.state.groupdict
        names: list[str | None] = [None] * parsed.state.groups
        for name, i in groupindex.items():
            names[i] = name
        record = (
            flags | parsed.state.flags,
            array(_WORD, words).tobytes(),
            parsed.state.groups - 1,
            dict(groupindex),
            tuple(names),
        )
        out = self.sre.compile(p, record[0], words, record[2], groupindex, record[4])
        self.new[key] = record
        return out

    def save(self) -> None:
        """Write the entries back when this run added some (the process that installed the hook only)."""
        if not self.new or not self.write or os.getpid() != self.pid:
            return
        merged = dict(self.entries)
        merged.update(self.new)
        if len(merged) > MAX_ENTRIES:
            merged = {k: self.entries[k] for k in self.used if k in self.entries}
            merged.update(self.new)
        tmp = f"{self.path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
            with open(tmp, "wb") as fh:
                marshal.dump(merged, fh)
            os.replace(tmp, self.path)
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                os.remove(tmp)


def install(path: str | None = None) -> bool:
    """Serve this process's regular expressions from the cache file (``path``, else :func:`default_path`);
    True when the hook is in place. Idempotent."""
    if _installed:
        return True
    explicit = path is not None or bool(os.environ.get("CORPUS_AUDIT_REGEX_CACHE"))
    path = path if path is not None else default_path()
    if path is None:
        return False
    try:
        import _sre
        import re._compiler as compiler  # type: ignore[import-not-found]

        for name in ("compile", "_code", "_parser", "SRE_FLAG_DEBUG"):
            getattr(compiler, name)
        if not hasattr(compiler._parser, "parse") or array(_WORD).itemsize != _sre.CODESIZE:
            return False
    except (ImportError, AttributeError):
        return False
    entries: dict = {}
    try:
        with open(path, "rb") as fh:
            loaded = marshal.load(fh)
        if isinstance(loaded, dict):
            entries = loaded
    except (OSError, EOFError, ValueError, TypeError):
        pass
    cache = _Cache(path, entries, compiler, _sre, write=explicit or not sys.dont_write_bytecode)
    if not _works(cache):
        return False
    compiler.compile = cache.compile
    atexit.register(cache.save)
    _installed.append(cache)
    return True


#: Patterns :func:`_works` builds both ways before the hook goes in: named and numbered groups, a
#: lookbehind, a possessive repeat, an atomic group, a Unicode class, flags inline and passed.
_PROBES = (
    (r"(?P<word>[^\W\d_]+)(?<=\w)\s*(\d{2,4})?", 0),
    (r"(?>ab|a)c[\u4e00-\u9fff]++x*+", 2),
    (r"(?i)(?:über|naïve)\b(?=\.)", 0),
)


def _works(cache: _Cache) -> bool:
    """The hook builds, afresh and from a stored entry, the same patterns as ``re``'s own compiler on this
    Python (its private compiler and the engine's ``compile`` may change between versions): else no cache."""
    probe = _Cache(cache.path, {}, cache.compiler, cache.sre, write=False)
    try:
        for pattern, flags in _PROBES:
            expected = cache.original(pattern, flags)
            if probe.compile(pattern, flags) != expected:
                return False
            probe.entries.update(marshal.loads(marshal.dumps(probe.new)))
            if probe.compile(pattern, flags) != expected or (pattern, flags) not in probe.used:
                return False
    except Exception:  # noqa: BLE001 - an unknown compiler: run without the cache
        return False
    return True


def uninstall() -> None:
    """Put ``re``'s own compiler back (tests); the entries added so far are written."""
    if _installed:
        cache = _installed.pop()
        cache.compiler.compile = cache.original
        atexit.unregister(cache.save)
        cache.save()
