"""Renderers: each turns a finished :class:`~audit.model.Report` into one file.

JSON is the canonical form; Markdown and HTML are views of the same report.
Adding a format means adding an entry to :data:`RENDERERS`, never touching a command.
"""

from __future__ import annotations

import contextlib
import importlib
from pathlib import Path
from typing import IO, Callable

from audit.model import Report


def _lazy(module: str) -> Callable[[Report], str]:
    """``audit.render.<module>.render``, imported on first use (the HTML renderer loads jinja2: a
    ``--format json`` run need not)."""

    def render(report: Report) -> str:
        return importlib.import_module(f"audit.render.{module}").render(report)

    render.__qualname__ = render.__name__ = f"{module}.render"
    return render


#: format name -> (file name, render function)
RENDERERS: dict[str, tuple[str, Callable[[Report], str]]] = {
    "json": ("report.json", _lazy("json_report")),
    "md": ("report.md", _lazy("markdown")),
    "html": ("report.html", _lazy("html")),
}


def _lazy_write(module: str) -> Callable[[Report, IO[str]], None]:
    """``audit.render.<module>.write(report, fh)``, imported on first use."""

    def write(report: Report, fh: IO[str]) -> None:
        importlib.import_module(f"audit.render.{module}").write(report, fh)

    return write


#: Formats whose renderer can also write its output piece by piece: format -> write(report, fh).
STREAMING: dict[str, Callable[[Report, IO[str]], None]] = {
    "json": _lazy_write("json_report"),
}


def parse_formats(value: str | None) -> list[str]:
    if not value:
        return list(RENDERERS)
    formats = [f.strip().lower() for f in value.split(",") if f.strip()]
    aliases = {"markdown": "md", "htm": "html"}
    formats = [aliases.get(f, f) for f in formats]
    unknown = [f for f in formats if f not in RENDERERS]
    if unknown:
        raise ValueError(f"unknown format(s) {', '.join(unknown)}; valid: {', '.join(RENDERERS)}")
    return list(dict.fromkeys(formats))


def write_reports(report: Report, out_dir: str | Path, formats: list[str]) -> list[Path]:
    """Render each format into ``out_dir``: all are written first, then all renamed into place.

    A failure while writing (a full disk, a render error) leaves the earlier report set as it
    was, with no temporary file behind, and the error names the file that could not be written;
    the report set is never a mix of new and stale files.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[Path, Path]] = []
    try:
        for fmt in formats:
            name, render = RENDERERS[fmt]
            target = out / name
            tmp = target.with_name(f".{name}.tmp")
            staged.append((tmp, target))
            _write(tmp, target, render, report, STREAMING.get(fmt))
    except BaseException:
        for tmp, _ in staged:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise
    for tmp, target in staged:
        tmp.replace(target)
    return [target for _, target in staged]


def _write(
    tmp: Path,
    target: Path,
    render: Callable[[Report], str],
    report: Report,
    stream: Callable[[Report, IO[str]], None] | None = None,
) -> None:
    """Render into ``tmp`` (streamed with ``stream(report, fh)`` when the format has one); an OSError
    names ``target`` (a full disk's error names no file)."""
    try:
        fh = open(tmp, "w", encoding="utf-8")
    except OSError as err:
        raise OSError(err.errno, err.strerror, str(target)) from None
    try:
        if stream is not None:
            stream(report, fh)
        else:
            fh.write(render(report))
    except OSError as err:
        with contextlib.suppress(OSError):
            fh.close()  # flushing again fails the same way
        raise OSError(err.errno, err.strerror, str(target)) from None
    except BaseException:
        fh.close()
        raise
    try:
        fh.close()
    except OSError as err:
        raise OSError(err.errno, err.strerror, str(target)) from None
