"""``report.html``: a self-contained page rendered with jinja2 (autoescaped, CSP-locked)."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from audit.model import Report
from audit.render.common import snippet, worst_documents

_env: Environment | None = None


def _environment() -> Environment:
    global _env
    if _env is None:
        _env = Environment(
            loader=PackageLoader("audit", "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )
    return _env


def render(report: Report) -> str:
    docs = []
    for doc in worst_documents(report, 200):
        text = report.text_of(doc.id) if report.text_of else None
        docs.append(
            {
                "doc": doc,
                "findings": [
                    (f, snippet(text, f.start, f.end, 120) if text is not None else "") for f in doc.findings[:50]
                ],
            }
        )
    return _environment().get_template("report.html.j2").render(
        report=report, summary=report.summary(), docs=docs
    )
