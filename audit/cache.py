"""A cache of what the document checks found, for scans that see the same documents again (``--cache DIR``).

A CI job that audits a growing corpus on every pull request, or a researcher who re-runs a scan after changing
a report option, checks the same documents again and again. With a cache folder, each document's outcome (its
findings, language annotations, statistics and the text-layer parts the corpus checks read:
:class:`audit.engine.common.DocOutcome`) is kept under a key of

* the document: its id, text, file, metadata and folder (everything a check reads; not its line number, which no
  check reads, so a record moved down a JSONL file by an inserted line is still found);
* the run's document checks: their classes and configuration, the enabled rules, the settings and what the
  corpus checks ask the document stage for;
* the code: every file of the ``audit`` package, the Python version and the versions of the packages it
  depends on (numpy, ftfy, the language models' packages ...).

A later scan whose key matches reuses the outcome instead of running the document checks again; anything that
differs (one character of the text, a config value, a new version of this tool) is a miss and is checked as
usual, so a report is byte-identical with and without the cache. The corpus checks (duplicates, recurring
lines, short records) always run on the whole corpus: they are fed the cached outcomes like fresh ones.

The cache is one SQLite file, ``outcomes.sqlite``, in the folder (created if missing). Entries of an older
version of the code are deleted when a newer one opens the folder (they can never match again); entries of other
configurations are kept. Delete the folder to empty it. It holds pickled Python objects, so a folder others can
write is refused: a cache is as trusted as the code that reads it.

A damaged or locked cache never fails a scan: the scan says so on stderr and checks those documents itself. A file
that is not such a cache (damaged, or of another layout) is replaced by an empty one.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import pickle
import stat
import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from audit.errors import AuditError
from audit.model import Document

if TYPE_CHECKING:
    import sqlite3

#: Outcomes written in one transaction.
WRITE_BATCH = 256
#: Seconds a scan waits for another scan's write lock on the same cache before going on without storing.
LOCK_TIMEOUT = 30.0
FILE_NAME = "outcomes.sqlite"
#: Bumped when the stored layout changes.
FORMAT = 1


class CacheError(AuditError):
    """The cache folder cannot be used (not a folder, writable by others)."""


@dataclasses.dataclass(frozen=True, slots=True)
class CachedDocument:
    """A reader event standing for a document whose outcome came from the cache: the document stages pass it
    through untouched (it is not a :class:`Document`), so only the other documents reach the checks."""

    doc: Document
    outcome: Any


def _canonical(value: Any) -> Any:
    """``value`` as JSON-able data whose serialisation is the same in every process (sets sorted, dataclasses
    as their fields, anything else by type and ``repr``)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            "__class__": f"{type(value).__module__}.{type(value).__qualname__}",
            **{f.name: _canonical(getattr(value, f.name)) for f in dataclasses.fields(value)},
        }
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (set, frozenset)):
        return sorted((_canonical(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return f"{type(value).__module__}.{type(value).__qualname__}:{value!r}"


def _distribution_versions() -> list[tuple[str, str]]:
    """Name and version of every package this one requires (its extras' too), and of the package that
    provides the ``fasttext`` module the language check loads."""
    from importlib import metadata

    names: set[str] = set()
    try:
        for req in metadata.requires("corpus-audit") or ():
            name = req.split(";")[0].strip()
            for stop in "<>=!~[ (":
                name = name.split(stop)[0]
            if name:
                names.add(name.lower())
    except metadata.PackageNotFoundError:  # run from a checkout that is not installed
        pass
    names |= {dist.lower() for dist in metadata.packages_distributions().get("fasttext", ())}
    versions = []
    for name in sorted(names):
        try:
            versions.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            versions.append((name, "-"))
    return versions


_CODE: str | None = None


def code_fingerprint() -> str:
    """A digest of the code that computes outcomes: every file of the ``audit`` package (sources, templates,
    word lists), the interpreter and the versions of the packages it depends on. Computed once per process."""
    global _CODE
    if _CODE is None:
        h = hashlib.sha256(f"corpus-audit cache {FORMAT}\n{sys.version}\n".encode())
        root = Path(__file__).resolve().parent
        for path in sorted(root.rglob("*")):
            if "__pycache__" in path.parts or not path.is_file() or path.suffix in (".pyc", ".pyo"):
                continue
            h.update(path.relative_to(root).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
        h.update(json.dumps(_distribution_versions()).encode())
        # The language check's fastText model is the bundled one (its package's version above) unless this
        # variable names another file (audit.language.backends; not imported here: it loads the family).
        model = os.environ.get("CORPUS_AUDIT_LID_MODEL")
        if model:
            h.update(b"model\0" + _file_digest(Path(model)))
        _CODE = h.hexdigest()
    return _CODE


def _file_digest(path: Path) -> bytes:
    """SHA-256 of a file's bytes (read in chunks: a model can weigh 130 MB); of its path when unreadable."""
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
    except OSError as err:
        h.update(f"unreadable {path}: {err.strerror}".encode())
    return h.digest()


def _outside_code(module_name: str) -> str:
    """A digest of the code of a check defined outside this package (a plugin, a caller's check): every file
    of its top-level package, or its module's file; a module without a file (defined interactively) gets a
    digest of its own, so its outcomes are never reused. Read at the start of every scan (a caller may
    reload a module between two scans)."""
    top = module_name.split(".")[0]
    mod = sys.modules.get(top)
    h = hashlib.sha256(module_name.encode() + b"\0")
    roots = [Path(p) for p in getattr(mod, "__path__", ())]  # a package: all its files
    files = sorted(
        f
        for root in roots
        for f in root.rglob("*")
        if f.is_file() and "__pycache__" not in f.parts and f.suffix not in (".pyc", ".pyo")
    )
    if not roots:
        single = getattr(sys.modules.get(module_name), "__file__", None)
        files = [Path(single)] if single else []
    if not files:
        h.update(os.urandom(16))
    for f in files:
        h.update(f.as_posix().encode() + b"\0" + _file_digest(f))
    return h.hexdigest()


def run_fingerprint(doc_checks: Iterable[Any], prep: tuple[Any, ...], preparers: Iterable[Any]) -> str:
    """A digest of what decides the document stage's outcome besides the document and the code: the document
    checks (class, configuration, enabled rules, settings), what the corpus checks ask the stage for
    (``prep``: layer parts, the source field, passage languages) and the corpus checks that prepare documents
    there (their configuration decides what they prepare: shingle sizes, signature lengths)."""

    def described(checks: Iterable[Any]) -> list[dict[str, Any]]:
        out = []
        for c in checks:
            module = type(c).__module__
            about = {
                "class": f"{module}.{type(c).__qualname__}",
                "config": _canonical(getattr(c, "config", None)),
                "settings": _canonical(getattr(c, "settings", None)),
                "enabled": sorted(getattr(c, "enabled", ()) or ()),
            }
            if module != "audit" and not module.startswith("audit."):
                # A check of a plugin or a caller: its code is not this package's, and what its instance
                # holds besides ``config`` may be its configuration (an object's repr with its address
                # differs in every process: never reused, never wrong).
                about["code"] = _outside_code(module)
                about["attributes"] = _canonical(vars(c)) if hasattr(c, "__dict__") else None
            out.append(about)
        return out

    payload = {"checks": described(doc_checks), "prep": _canonical(prep), "preparers": described(preparers)}
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def document_key(run: str, doc: Document) -> bytes:
    """The cache key of ``doc`` in a run of fingerprint ``run`` (the code's digest is part of ``run``)."""
    h = hashlib.sha256(run.encode())
    head = json.dumps([doc.id, doc.source, doc.folder, _canonical(dict(doc.metadata))], sort_keys=True).encode()
    h.update(len(head).to_bytes(8, "little") + head)
    h.update(doc.text.encode("utf-8", errors="surrogatepass"))
    return h.digest()


class OutcomeCache:
    """Document outcomes in ``DIR/outcomes.sqlite``, looked up and stored by the scan's main process."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        import sqlite3  # imported on use: a scan without a cache never loads it

        self.folder = Path(folder)
        self.path = self.folder / FILE_NAME
        self.hits = 0
        self.stored = 0
        self.misses = 0
        self.problems: list[str] = []
        self._pending: list[tuple[bytes, str, bytes]] = []
        self._code = code_fingerprint()
        self._run = ""
        if self.folder.exists() and not self.folder.is_dir():
            raise CacheError(f"--cache {self.folder}: not a folder")
        self.folder.mkdir(parents=True, exist_ok=True)
        for where in (self.folder, self.path):
            if where.exists() and where.stat().st_mode & stat.S_IWOTH:
                raise CacheError(
                    f"--cache {self.folder}: {where} is writable by every user; the cache holds pickled objects "
                    "that a scan loads, so it must be a folder only you can write"
                )
        self._db: sqlite3.Connection | None = None
        try:
            self._open()
        except sqlite3.OperationalError as err:  # locked by another scan for LOCK_TIMEOUT, unreadable, ...
            self._give_up(f"cannot use {self.path} ({err}); checking every document")
        except sqlite3.DatabaseError as err:  # not a database, or of another layout: ours to replace
            self._close()
            try:
                for name in (FILE_NAME, FILE_NAME + "-wal", FILE_NAME + "-shm"):
                    (self.folder / name).unlink(missing_ok=True)
                self._open()
                self.problems.append(f"replaced {self.path}, which was not a cache of this tool ({err})")
            except (OSError, sqlite3.Error) as again:
                self._give_up(f"cannot use {self.path} ({err}; {again}); checking every document")

    def _open(self) -> None:
        import sqlite3

        self._db = sqlite3.connect(self.path, timeout=LOCK_TIMEOUT, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS outcomes (key BLOB PRIMARY KEY, code TEXT NOT NULL, value BLOB NOT NULL)"
        )
        columns = [row[1] for row in self._db.execute("PRAGMA table_info(outcomes)")]
        if columns != ["key", "code", "value"]:
            raise sqlite3.DatabaseError(f"a table 'outcomes' with columns {columns}")
        self._db.execute("DELETE FROM outcomes WHERE code != ?", (self._code,))

    def _close(self) -> None:
        import sqlite3

        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
        self._db = None

    def _give_up(self, why: str) -> None:
        self.problems.append(why)
        self._close()
        self._pending.clear()

    def start_run(self, doc_checks: Iterable[Any], prep: tuple[Any, ...], preparers: Iterable[Any]) -> None:
        self._run = self._code + run_fingerprint(doc_checks, prep, preparers)

    def lookup(self, events: Iterable[Any]) -> Iterator[Any]:
        """The reader events, each document whose outcome is cached replaced by a :class:`CachedDocument`."""
        for event in events:
            if isinstance(event, Document) and self._db is not None:
                outcome = self._get(document_key(self._run, event))
                if outcome is not None:
                    self.hits += 1
                    yield CachedDocument(event, outcome)
                    continue
                self.misses += 1
            yield event

    def _get(self, key: bytes) -> Any:
        import sqlite3

        assert self._db is not None
        try:
            row = self._db.execute("SELECT value FROM outcomes WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as err:
            self._give_up(f"cannot read {self.path} ({err}); checking the remaining documents")
            return None
        if row is None:
            return None
        try:
            return pickle.loads(zlib.decompress(row[0]))
        except Exception as err:  # noqa: BLE001 - a damaged entry is a miss, whatever unpickling raised
            if len(self.problems) < 5:
                self.problems.append(f"a damaged entry in {self.path} ({type(err).__name__}); checked again")
            return None

    def put(self, doc: Document, outcome: Any) -> None:
        if self._db is None:
            return
        value = zlib.compress(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL), 1)
        self._pending.append((document_key(self._run, doc), self._code, value))
        if len(self._pending) >= WRITE_BATCH:
            self._flush()

    def _flush(self) -> None:
        import sqlite3

        if self._db is None or not self._pending:
            return
        try:
            self._db.execute("BEGIN")
            self._db.executemany("INSERT OR REPLACE INTO outcomes VALUES (?, ?, ?)", self._pending)
            self._db.execute("COMMIT")
            self.stored += len(self._pending)
            self._pending.clear()
        except sqlite3.Error as err:
            self._give_up(f"cannot write {self.path} ({err}); the rest of this scan is not stored")

    def close(self) -> None:
        self._flush()
        self._close()

    def summary(self) -> str:
        checked = self.misses
        text = (
            f"cache {self.folder}: {self.hits} of {self.hits + checked} documents' checks reused, "
            f"{self.stored} outcomes stored"
        )
        return text + "".join(f"; {p}" for p in self.problems)
