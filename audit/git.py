"""What is staged for commit: the git index's version of a corpus, for pre-commit hooks.

A pre-commit hook should audit what is about to be committed, not the working tree: a file may be
staged in one version and edited further, and untracked files are not part of the commit.
:func:`staged_copy` writes the staged (index) version of every tracked file under the given paths into
a folder, mirroring the paths, so the ordinary readers scan exactly what the commit will hold.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from audit.errors import InputError


def _git(args: list[str], cwd: Path, data: bytes | None = None) -> bytes:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, input=data, capture_output=True, check=False)
    except FileNotFoundError:
        raise InputError("--staged needs git, which is not installed") from None
    if proc.returncode != 0:
        msg = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(f"--staged: git {args[0]} failed in {cwd}: {msg[-1] if msg else proc.returncode}")
    return proc.stdout


def staged_copy(paths: list[str], dest: str | os.PathLike[str], cwd: str | os.PathLike[str] | None = None) -> list[str]:
    """Write the staged version of the tracked files under ``paths`` into ``dest``; return the paths to scan.

    Each returned path is ``dest`` joined with the given path as seen from the repository's top, so a
    scan of it names documents and sources exactly as a scan of the working tree would. A path with no
    staged file still maps to its (then missing or empty) place under ``dest``."""
    here = Path(cwd or os.getcwd())
    prefix = _git(["rev-parse", "--show-prefix"], here).decode().strip()  # cwd relative to the top, "a/b/"
    names = _git(["ls-files", "-z", "--cached", "--full-name", "--", *paths], here)
    dest = Path(dest)
    if names:
        top = Path(_git(["rev-parse", "--show-toplevel"], here).decode().strip())
        # checkout-index writes the index's blob of each file (not the working tree's) under the prefix.
        _git(["checkout-index", "-z", "--stdin", f"--prefix={dest}{os.sep}"], top, data=names)
    out = []
    for p in paths:
        rel = os.path.normpath(os.path.join(prefix, p))
        if os.path.isabs(p) or rel.startswith(".."):
            raise InputError(f"--staged: {p} is outside the git repository of {here}")
        target = dest / rel
        if not target.exists():
            target.mkdir(parents=True, exist_ok=True)  # nothing staged there: an empty folder, no documents
        out.append(str(target))
    return out
