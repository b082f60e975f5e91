"""``report.html``: one self-contained page, rendered with jinja2 from the finished Report.

The page has a static overview (counts, inline SVG charts, scorecards, worst documents,
clusters, unreadable inputs: readable without JavaScript) and an interactive part (document
list with filters and search, document view with highlighted spans, duplicate view) driven
by one inline script reading the report data from a ``<script type="application/json">``
block. Everything is inline; a Content-Security-Policy with the sha256 hashes of the inline
script and style forbids everything else (no network, no eval, no inline handlers).

Corpus text, ids and file names are untrusted: jinja2 autoescapes everything in the
template, the JSON block is escaped so it can never close its ``<script>`` element, and the
script builds the DOM with ``textContent`` / ``createElement`` only.

How much text is embedded (see :class:`HtmlConfig` and docs/html-report.md): every
document with findings (and every document a finding points at) gets excerpts around its
spans, worst first, while the text budget lasts; then the worst are upgraded to their full
text while the budget allows; clean documents get text only from a small separate allowance.
Offsets stay Python code-point offsets as in ``report.json``; the script maps them to UTF-16
positions.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import unicodedata
from collections import Counter
from importlib import resources
from typing import Any, cast

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from audit.model import DocumentResult, Report
from audit.render.calibration import calibration_view
from audit.render.common import document_score, worst_documents
from audit.render.payload import (  # noqa: F401  (re-exported: the page's data and limits)
    CATEGORIES,
    CATEGORY_COLOURS,
    SEVERITIES,
    HtmlConfig,
    build_payload,
    excerpt_windows,
    listed_documents,
)

_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "=": "\\u003d",
    "/": "\\/",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_UNSAFE = re.compile("[<>&=/\u2028\u2029\ud800-\udfff]")


def embed_json(value: Any) -> str:
    """JSON safe to place inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` become ``\\u003c`` etc. so the text can never contain ``</script``
    or ``<!--``; U+2028/2029 and lone surrogates (which cannot be written as UTF-8) are
    escaped too, and ``/`` and ``=`` become ``\\/`` and ``\\u003d`` so no corpus URL or
    ``src=``/``href=``/``onerror=`` sequence appears literally in the page source.
    ``JSON.parse`` gives back exactly the original strings.
    """

    def sub(m: re.Match) -> str:
        ch = m.group()
        return _JSON_ESCAPES.get(ch) or f"\\u{ord(ch):04x}"

    return _JSON_UNSAFE.sub(sub, json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False))


def csp_hash(content: str) -> str:
    """The CSP source expression (``'sha256-...'``) for an inline script or style."""
    digest = hashlib.sha256(content.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


_CONTROL = re.compile(
    "[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff]"
)


def esc(value: object) -> Markup:
    """HTML-escape; ``/`` and ``=`` become ``&#47;`` and ``&#61;`` so no corpus URL or attribute-like
    text (``src=``, ``onerror=``) appears literally in the page source."""
    return Markup(str(escape(str(value))).replace("/", "&#47;").replace("=", "&#61;"))


def visible(value: object) -> Markup:
    """Escape ``value`` for HTML and show invisible/bidi control characters as ``U+202E`` badges."""
    text = str(value)
    out: list[str] = []
    pos = 0
    for m in _CONTROL.finditer(text):
        out.append(str(esc(text[pos : m.start()])))
        cp = ord(m.group())
        name = unicodedata.name(m.group(), "control character")
        out.append(f'<span class="cc" title="U+{cp:04X} {escape(name)}">U+{cp:04X}</span>')
        pos = m.end()
    out.append(str(esc(text[pos:])))
    return Markup('<bdi class="uid">' + "".join(out) + "</bdi>")


def _fmt_num(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    return str(value)


def source_scorecards(report: Report) -> tuple[list[str], list[dict[str, Any]]]:
    """Columns and rows of the per-source table.

    Uses ``report.extra["sources"]`` (a list of dicts) when present, rendering whatever keys
    exist; otherwise derives documents, findings per category and languages per source.
    """
    given = report.extra.get("sources")
    if isinstance(given, dict):  # tolerate {"source": {...}} too
        given = [{"source": k, **(v if isinstance(v, dict) else {"value": v})} for k, v in given.items()]
    if isinstance(given, list) and given:
        rows = [r for r in given if isinstance(r, dict)]
        columns: list[str] = []
        for r in rows:
            for k in r:
                if k not in columns:
                    columns.append(k)
        if "source" in columns:
            columns.remove("source")
            columns.insert(0, "source")
        return columns, rows
    by_source: dict[str, dict[str, Any]] = {}
    for doc in report.documents:
        row = by_source.setdefault(
            doc.source or ".", {"source": doc.source or ".", "documents": 0, "with findings": 0, "languages": Counter()}
        )
        row["documents"] += 1
        row["with findings"] += bool(doc.findings)
        row["languages"][doc.language] += 1
        for f in doc.findings:
            row[f.category._value_] = row.get(f.category._value_, 0) + 1
    rows = sorted(by_source.values(), key=lambda r: (-r["documents"], r["source"]))
    for r in rows:
        r["languages"] = dict(r["languages"].most_common())
    present = [c for c in CATEGORIES if any(c in r for r in rows)]
    columns = ["source", "documents", "with findings", *present, "languages"]
    return columns, rows


def scorecard_cell(key: str, value: Any) -> Markup:
    """One scorecard cell: rates as percentages, language maps as short lists, the rest as text."""
    if value is None:
        return Markup('<span class="muted">–</span>')
    if isinstance(value, dict):
        items = sorted(value.items(), key=lambda kv: (-(kv[1] if isinstance(kv[1], (int, float)) else 0), str(kv[0])))
        parts = [f"{visible(k)}&nbsp;{escape(_fmt_num(v))}" for k, v in items[:6]]
        if len(items) > 6:
            parts.append(f"+{len(items) - 6}")
        return Markup(" · ".join(parts))
    if isinstance(value, (list, tuple)):
        return Markup(", ".join(str(visible(v)) for v in value[:10]))
    if isinstance(value, float) and key.endswith("_rate") and 0 <= value <= 1:
        meter = f'<meter min="0" max="1" low="0.05" high="0.25" optimum="0" value="{value:.4f}"></meter>'
        return Markup(f'<span class="rate">{meter} {value:.1%}</span>')
    if isinstance(value, (int, float)):
        return Markup(escape(_fmt_num(value)))
    return visible(value)


def category_chart(report: Report) -> list[dict[str, Any]]:
    """Rows for the findings-per-category bar chart, with severity breakdown and bar widths."""
    counts: Counter = Counter()
    for doc in report.documents:
        for f in doc.findings:
            counts[(f.category._value_, f.severity._value_)] += 1
    totals = {c: sum(counts[(c, s)] for s in SEVERITIES) for c in CATEGORIES}
    top = max(totals.values(), default=0) or 1
    rows = []
    for c in CATEGORIES:
        x = 0.0
        segments = []
        for s in reversed(SEVERITIES):  # error, warning, info
            n = counts[(c, s)]
            w = 100.0 * n / top
            if n:
                segments.append({"severity": s, "n": n, "x": round(x, 3), "w": round(w, 3)})
            x += w
        rows.append(
            {
                "category": c,
                "total": totals[c],
                "colour": CATEGORY_COLOURS[c],
                "segments": segments,
                "by_severity": {s: counts[(c, s)] for s in SEVERITIES},
            }
        )
    return rows


def language_mix(report: Report, top: int = 10) -> list[dict[str, Any]]:
    """Languages by share of the corpus's characters (and documents by main language)."""
    # float weights; a Counter still (0 for a language not seen), which typeshed types as int counts
    chars = cast("dict[str, float]", Counter())
    docs: Counter = Counter()
    for d in report.documents:
        docs[d.language or "und"] += 1
        if d.languages:
            for lang, share in d.languages.items():
                chars[lang] += share * d.chars
        else:
            chars[d.language or "und"] += d.chars
    total = sum(chars.values()) or 1
    langs = sorted(set(chars) | set(docs), key=lambda k: (-chars[k], -docs[k], k))
    rows: list[dict[str, Any]] = [
        {"language": k, "chars": chars[k], "share": chars[k] / total, "documents": docs[k]} for k in langs[:top]
    ]
    rest = langs[top:]
    if rest:
        rows.append(
            {
                "language": f"{len(rest)} others",
                "chars": sum(chars[k] for k in rest),
                "share": sum(chars[k] for k in rest) / total,
                "documents": sum(docs[k] for k in rest),
            }
        )
    top_share = max((r["share"] for r in rows), default=0) or 1
    for r in rows:
        r["w"] = round(100.0 * r["share"] / top_share, 3)
    return rows


def rule_table(report: Report) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for doc in report.documents:
        for f in doc.findings:
            r = rows.setdefault(
                f.rule,
                {"rule": f.rule, "category": f.category._value_, "severities": Counter(), "findings": 0, "docs": set()},
            )
            r["findings"] += 1
            r["severities"][f.severity._value_] += 1
            r["docs"].add(doc.id)
    out = []
    for r in sorted(rows.values(), key=lambda r: (-r["findings"], r["rule"])):
        out.append(
            {
                **r,
                "documents": len(r.pop("docs")),
                "severities": [(s, r["severities"][s]) for s in reversed(SEVERITIES) if r["severities"][s]],
            }
        )
    return out


# --------------------------------------------------------------------------- payload


# --------------------------------------------------------------------------- rendering

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
        _env.filters["visible"] = visible
        _env.filters["esc"] = esc
        _env.filters["num"] = _fmt_num
        _env.filters["cell"] = lambda value, key="": scorecard_cell(key, value)
    return _env


def _asset(name: str) -> str:
    return resources.files("audit").joinpath("templates", name).read_text(encoding="utf-8")


def render(report: Report, config: HtmlConfig | None = None) -> str:
    """Render ``report`` as one self-contained HTML page."""
    config = config or HtmlConfig()
    css = _asset("report.css")
    js = _asset("report.js")
    if "</script" in js.lower() or "</style" in css.lower():
        raise RuntimeError("inline asset contains a closing tag")
    summary = report.summary()
    sev_counts = report.findings_by_severity()
    columns, sources = source_scorecards(report)
    payload = build_payload(report, config)
    index = {d["id"]: pos for pos, d in reversed(list(enumerate(payload["docs"])))}
    worst = [
        (index.get(d.id, -1), d, _category_counts(d), document_score(d))
        for d in worst_documents(report, config.worst_documents)
    ]
    top_clusters = sorted(range(len(report.clusters)), key=lambda k: (-len(report.clusters[k].members), k))
    csp = (
        "default-src 'none'; "
        f"script-src {csp_hash(js)}; "
        f"style-src {csp_hash(css)}; "
        "img-src 'none'; connect-src 'none'; font-src 'none'; media-src 'none'; object-src 'none'; "
        "frame-src 'none'; worker-src 'none'; manifest-src 'none'; base-uri 'none'; form-action 'none'"
    )
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            report=report,
            summary=summary,
            baseline=report.extra.get("baseline"),
            short_documents=report.extra.get("short_documents"),
            sev_counts=sev_counts,
            total_findings=sum(sev_counts.values()),
            with_findings=sum(1 for d in report.documents if d.findings),
            categories=category_chart(report),
            languages=language_mix(report),
            rules=rule_table(report),
            source_columns=columns,
            sources=sources,
            worst=worst,
            clusters=[(k, report.clusters[k]) for k in top_clusters[: config.top_clusters]],
            calibration=calibration_view(report),
            unreadable=report.unreadable[: config.max_unreadable_rows],
            colours=CATEGORY_COLOURS,
            text_policy=payload["text_policy"],
            config=config,
            csp=csp,
            css=Markup(css),
            js=Markup(js),
            data=Markup(embed_json(payload)),
        )
    )


def _category_counts(doc: DocumentResult) -> list[tuple[str, int]]:
    c = Counter(f.category._value_ for f in doc.findings)
    return [(k, c[k]) for k in CATEGORIES if c[k]]


__all__ = [
    "HtmlConfig",
    "render",
    "build_payload",
    "embed_json",
    "excerpt_windows",
    "visible",
    "csp_hash",
    "source_scorecards",
]
