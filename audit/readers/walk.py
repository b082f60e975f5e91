"""Walking: paths and folders to the files read, each once, in a deterministic order."""

from __future__ import annotations

import dataclasses
import os
import stat
from pathlib import Path
from typing import Iterator, Sequence

from audit.model import Document, Skipped, Unreadable
from audit.readers.formats import read_file
from audit.readers.jsonl import read_jsonl
from audit.readers.records import STDIN_NAME, Event, ReaderConfig, os_reason
from audit.readers.sniff import SUPPORTED_SUFFIXES, suffix_of


def iter_inputs(
    paths: Sequence[str | os.PathLike[str]],
    config: ReaderConfig | None = None,
    *,
    exclude: dict[str | os.PathLike[str], str] | None = None,
) -> Iterator[Event]:
    """Yield documents (and unreadable/skipped notices) from files and folders, lazily.

    A file is read once, however many times it is reached (a path given twice, a file and
    the folder holding it, a symbolic or hard link to a file already read): later
    encounters are listed as skipped, naming the first. ``exclude`` maps files that must
    not be read (the filter's own outputs, when they sit inside an input folder) to the
    reason they are skipped.
    """
    config = config or ReaderConfig()
    seen: dict[tuple[int, int], str] = {}
    for target, why in (exclude or {}).items():
        try:
            st = os.stat(target)
        except OSError:
            continue  # does not exist yet: nothing to exclude
        seen[(st.st_dev, st.st_ino)] = "\0" + why
    for raw in paths:
        path = Path(raw)
        if str(raw) == "-":  # JSON lines on standard input (a pipeline's batch)
            yield from read_jsonl(path, STDIN_NAME, ".jsonl", config)
            continue
        if path.is_dir():
            yield from _with_folder(_iter_folder(path, config, seen), _folder_name(path))
        elif path.exists():
            reason = _already_read(path, path.name, seen)
            if reason is not None:
                yield Skipped(file=str(raw), reason=reason)
            else:
                yield from _with_folder(read_file(path, path.name, config), _folder_name(path.parent))
        else:
            yield Unreadable(file=str(raw), reason="no such file or directory")


def _folder_name(path: Path) -> str:
    """The name of a folder as a user would call it (``corpus`` for ``corpus/`` or ``./corpus``; ``.`` for the
    current folder's own name is resolved)."""
    return path.name or Path(os.path.abspath(path)).name or "."


def _with_folder(events: Iterator[Event], folder: str) -> Iterator[Event]:
    """Documents at the top of a scanned folder (or a file given directly) learn that folder's name."""
    for ev in events:
        if isinstance(ev, Document) and "/" not in ev.source:
            ev = dataclasses.replace(ev, folder=folder)
        yield ev


def _already_read(path: Path, name: str, seen: dict[tuple[int, int], str]) -> str | None:
    """Why this file is not read again (or None, and it is remembered under ``name``)."""
    try:
        st = path.stat()
    except OSError:
        return None  # reading it will report why
    key = (st.st_dev, st.st_ino)
    first = seen.get(key)
    if first is None:
        seen[key] = name
        return None
    if first.startswith("\0"):
        return first[1:]
    return f"same file as {first}, already read"


_NOT_REGULAR = (
    (stat.S_ISFIFO, "named pipe"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
)


def _not_regular(path: Path) -> str | None:
    """What kind of special file ``path`` is (reading a pipe in a folder would block), or None."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    for test, kind in _NOT_REGULAR:
        if test(mode):
            return kind
    return None


def _iter_folder(root: Path, config: ReaderConfig, seen: dict[tuple[int, int], str] | None = None) -> Iterator[Event]:
    def onerror(err: OSError) -> None:
        errors.append(err)

    seen = {} if seen is None else seen
    errors: list[OSError] = []
    entries: list[tuple[str, Path]] = []
    skipped_dirs: dict[str, str] = {}
    # Symbolic links to folders are followed (their files are read), except a link back to a
    # folder already walked (a loop, or a second way into the same folder): that one is skipped.
    walked = {os.path.realpath(root): "."}
    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror, followlinks=True):
        hidden_dirs = sorted(d for d in dirnames if d.startswith("."))
        base = Path(dirpath)
        keep: list[str] = []
        for d in sorted(d for d in dirnames if not d.startswith(".")):
            real = os.path.realpath(base / d)
            if real in walked:
                first = walked[real]
                rel = _rel(base / d, root)
                if first == ".":
                    why = "a loop back to the scanned folder"
                elif rel.startswith(first + "/"):
                    why = f"a loop back to {first}/"
                else:
                    why = f"the same folder as {first}/"
                entries.append((rel + "/", base / d))
                skipped_dirs[rel + "/"] = f"symbolic link to a folder, {why}; not read twice"
                continue
            walked[real] = _rel(base / d, root)
            keep.append(d)
        dirnames[:] = keep
        for d in hidden_dirs:
            yield Skipped(file=_rel(base / d, root) + "/", reason="hidden folder")
        for name in filenames:
            entries.append((_rel(base / name, root), base / name))
    for err in errors:
        yield Unreadable(file=_rel(Path(err.filename or root), root), reason=os_reason(err))
    for rel, path in sorted(entries):
        if rel in skipped_dirs:
            yield Skipped(file=rel, reason=skipped_dirs[rel])
        elif path.name.startswith("."):
            yield Skipped(file=rel, reason="hidden file")
        elif suffix_of(path) not in SUPPORTED_SUFFIXES:
            yield Skipped(file=rel, reason=f"unsupported extension {path.suffix or '(none)'!r}")
        elif (kind := _not_regular(path)) is not None:
            yield Skipped(file=rel, reason=f"not a regular file ({kind})")
        elif (reason := _already_read(path, rel, seen)) is not None:
            yield Skipped(file=rel, reason=reason)
        else:
            yield from read_file(path, rel, config)


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
