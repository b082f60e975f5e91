"""Renderers: each turns a finished :class:`~audit.model.Report` into one file.

JSON is the canonical form; Markdown and HTML are views of the same report.
Adding a format means adding an entry to :data:`RENDERERS`, never touching a command.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Callable

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
    """Render each format and write it atomically into ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        name, render = RENDERERS[fmt]
        target = out / name
        tmp = target.with_name(f".{name}.tmp")
        tmp.write_text(render(report), encoding="utf-8")
        tmp.replace(target)
        written.append(target)
    return written
