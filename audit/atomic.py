"""Output files written atomically: JSON lines go to a temporary file beside the target (named with the
writer's pid), which is renamed over the target only when the run commits; a failure removes it. A
later run removes temporaries whose writer is gone (a killed run), never a running one's."""

from __future__ import annotations

import glob
import os
import tempfile
from pathlib import Path
from typing import TextIO

from audit.errors import InputError


def _file_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _remove_stale_partials(path: Path) -> list[Path]:
    """Delete ``.NAME.PID.*.partial`` files next to ``path`` left by a run that was killed (its process
    is gone); a partial file of a run still going (or of unknown origin) is left alone."""
    removed = []
    prefix = f".{path.name}."
    for tmp in path.parent.glob(f".{glob.escape(path.name)}.*.partial"):
        pid = tmp.name[len(prefix) :].split(".", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
            continue  # that run is still going
        except ProcessLookupError:
            pass
        except OSError:
            continue  # exists, owned by someone else
        try:
            tmp.unlink()
            removed.append(tmp)
        except OSError:
            pass
    return removed


class AtomicJsonl:
    """A JSONL file written to a temporary sibling and renamed into place on commit.

    A write error (a full disk, a lost mount) names the file and removes the temporary file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fh: TextIO | None = None
        self.tmp: Path | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _remove_stale_partials(path)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".partial", dir=path.parent)
            self.tmp = Path(tmp)
            os.chmod(fd, _file_mode(path))  # mkstemp makes 0600; give the output the usual permissions
            self.fh = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        except OSError as err:
            self.abort()
            raise self._error(err) from None
        self.count = 0

    def _error(self, err: OSError) -> InputError:
        return InputError(f"cannot write {self.path}: {err.strerror or err} (no output was written)")

    def write(self, line: str) -> None:
        assert self.fh is not None  # __init__ opened it or raised
        try:
            self.fh.write(line)
            self.fh.write("\n")
        except OSError as err:
            raise self._error(err) from None
        self.count += 1

    def finish(self) -> None:
        assert self.fh is not None  # __init__ opened it or raised
        try:
            self.fh.flush()
            os.fsync(self.fh.fileno())
            self.fh.close()
        except OSError as err:
            raise self._error(err) from None

    def commit(self) -> None:
        assert self.tmp is not None  # __init__ made it or raised
        try:
            os.replace(self.tmp, self.path)
        except OSError as err:
            raise self._error(err) from None

    def abort(self) -> None:
        """Remove the temporary file, whatever state the disk is in (never raises)."""
        if self.fh is not None and not self.fh.closed:
            try:
                self.fh.close()
            except OSError:
                pass  # e.g. ENOSPC again while flushing: the descriptor is closed all the same
        if self.tmp is not None:
            try:
                self.tmp.unlink(missing_ok=True)
            except OSError:
                pass
