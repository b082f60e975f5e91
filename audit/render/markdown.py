"""``report.md``: a summary that stays readable as a CI job summary at any corpus size.

Everything is bounded: the worst documents, the findings shown per document, the
clusters and the unreadable inputs are top-N lists with counts of what was left out.
Corpus text is escaped (Markdown and HTML) so a document cannot inject markup.
"""

from __future__ import annotations

import re
from collections import Counter

from audit.model import Report, Severity
from audit.render.common import document_score, line_col, snippet, worst_documents

MAX_DOCUMENTS = 20
MAX_FINDINGS_PER_DOC = 8
MAX_CLUSTERS = 15
MAX_MEMBERS = 6
MAX_UNREADABLE = 20
MAX_SOURCES = 15
MAX_LANGUAGES = 4
CATEGORIES = ("duplicate", "language", "artefact", "sourcing")

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>])")


# What GitHub-flavoured Markdown turns into links without any markup ("extended autolinks"):
# ``scheme://`` (found at the ``:``), ``www.`` and e-mail addresses (found at the ``@``, after
# adjacent text is merged, so a backslash escape does not stop it).
_AUTOLINK_COLON = re.compile(r"(?<=[A-Za-z]):(?=//)")
_AUTOLINK_WWW = re.compile(r"(?i)(?<![A-Za-z0-9])(www)\.")
_AUTOLINK_AT = re.compile(r"(?<=[A-Za-z0-9._+-])@")


def esc(value: object) -> str:
    """Escape text for a Markdown table cell or paragraph: no markup survives and nothing becomes a link."""
    text = " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _AUTOLINK_COLON.sub(r"\\:", text)  # http\:// renders as http:// but is no autolink
    text = _AUTOLINK_WWW.sub(r"\1\\.", text)
    return _AUTOLINK_AT.sub("&#8203;@", text)  # an invisible break before @: no e-mail link


def code(value: object) -> str:
    """``value`` as an inline code span that no backtick inside it can end (nothing in it is a link)."""
    text = " ".join(str(value).split())
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def render(report: Report) -> str:
    out: list[str] = ["# corpus-audit report", ""]
    s = report.summary()
    out.append(
        f"{s['documents']} documents scanned, {sum(s['findings'].values())} findings, "
        f"{len(report.clusters)} duplicate clusters, {report.unreadable_count()} unreadable inputs, "
        f"{len(report.skipped)} skipped paths."
    )
    v = s["verdicts"]
    out += ["", f"Verdicts: **{v['keep']}** keep, **{v['review']}** review, **{v['drop']}** drop.", ""]
    if report.extra.get("baseline"):
        b = report.extra["baseline"]
        out += [
            f"Baseline {code(b.get('file', ''))}: {b.get('suppressed', 0)} known findings suppressed, "
            f"{len(b.get('stale', []))} baseline entries no longer match.",
            "",
        ]
    short = report.extra.get("short_documents")
    if isinstance(short, dict):
        out += [
            f"Short records: {short.get('documents', 0):,} of {short.get('of', 0):,} documents have fewer than "
            f"{short.get('min_words', 0)} words, and the median document has {short.get('median_words', 0)}, so the "
            "corpus is read as short records (posts, headlines): ART001 reports only empty documents "
            "(`[empty] short_records`).",
            "",
        ]
    renamed = report.extra.get("renamed_ids") or []
    if renamed:
        r = renamed[0]
        where = f"{r['file']}:{r['line']}" if r.get("line") is not None else r["file"]
        out += [
            f"{len(renamed)} documents repeat an earlier document's id and are named `ID#2`, `ID#3`, ... "
            f"(first: {esc(str(r['was']))} in {esc(where)} is {esc(str(r['id']))}; "
            "all listed in report.json `renamed_ids`).",
            "",
        ]
    out += _summary_table(report)
    out += _rules_table(report)
    out += _unreadable(report)
    out += _worst(report)
    out += _clusters(report)
    out += _sources(report)
    out += _skipped(report)
    return "\n".join(out).rstrip() + "\n"


def _summary_table(report: Report) -> list[str]:
    counts: Counter = Counter()
    for doc in report.documents:
        for f in doc.findings:
            counts[(f.category._value_, f.severity._value_)] += 1
    out = [
        "## Findings by category and severity",
        "",
        "| category | error | warning | info | total |",
        "|---|---:|---:|---:|---:|",
    ]
    for cat in CATEGORIES:
        row = [counts[(cat, sev.value)] for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
        out.append(f"| {cat} | {row[0]} | {row[1]} | {row[2]} | {sum(row)} |")
    total = [
        sum(counts[(c, sev.value)] for c in CATEGORIES) for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    ]
    out.append(f"| **total** | {total[0]} | {total[1]} | {total[2]} | {sum(total)} |")
    return out + [""]


def _rules_table(report: Report) -> list[str]:
    by_rule: Counter = Counter()
    docs_by_rule: dict[str, set[str]] = {}
    category: dict[str, str] = {}
    severities: dict[str, Counter] = {}
    for doc in report.documents:
        for f in doc.findings:
            by_rule[f.rule] += 1
            docs_by_rule.setdefault(f.rule, set()).add(doc.id)
            category[f.rule] = f.category._value_
            severities.setdefault(f.rule, Counter())[f.severity._value_] += 1
    if not by_rule:
        return []
    out = [
        "## Findings by rule",
        "",
        "| rule | category | severity | findings | documents |",
        "|---|---|---|---:|---:|",
    ]
    for rule, n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append(
            f"| {rule} | {category[rule]} | {_severity_mix(severities[rule])} | {n} | {len(docs_by_rule[rule])} |"
        )
    return out + [""]


def _unreadable(report: Report) -> list[str]:
    if not report.unreadable:
        return []
    out = [f"## Unreadable inputs ({report.unreadable_count()})", "", "| file | line | reason |", "|---|---:|---|"]
    for u in report.unreadable[:MAX_UNREADABLE]:
        out.append(f"| {esc(u.file)} | {u.line if u.line is not None else ''} | {esc(u.reason)} |")
    if len(report.unreadable) > MAX_UNREADABLE:
        out.append(f"| … | | {len(report.unreadable) - MAX_UNREADABLE} more in report.json |")
    for file, n in sorted(report.unreadable_omitted.items()):
        out.append(f"| {esc(file)} | | {n} more unreadable lines, counted, not listed |")
    return out + [""]


def _severity_mix(counts: Counter) -> str:
    """One severity, or each with its count when a rule's findings have several (the worst first)."""
    order = [sev.value for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[sev.value]]
    if len(order) == 1:
        return order[0]
    return ", ".join(f"{sev} {counts[sev]}" for sev in order)


def _worst(report: Report) -> list[str]:
    worst = worst_documents(report, MAX_DOCUMENTS)
    if not worst:
        return ["No findings.", ""]
    with_findings = sum(1 for d in report.documents if d.findings)
    out = [f"## Documents with the most serious findings (top {len(worst)} of {with_findings})", ""]
    for doc in worst:
        text = report.text_of(doc.id) if report.text_of else None
        sev = Counter(f.severity._value_ for f in doc.findings)
        out.append(
            f"### {esc(doc.id)}  \n{doc.chars} chars, language {esc(doc.language)}, verdict **{doc.verdict._value_}**, "
            f"score {document_score(doc)} ({sev['error']} error, {sev['warning']} warning, {sev['info']} info)"
        )
        out += ["", "| rule | severity | line | message | text |", "|---|---|---:|---|---|"]
        shown = sorted(doc.findings, key=lambda f: (-f.severity.rank, f.start, f.rule))[:MAX_FINDINGS_PER_DOC]
        for f in shown:
            line = snip = ""
            if text is not None:
                line = str(line_col(text, f.start)[0])
                snip = "“" + esc(snippet(text, f.start, f.end)) + "”"
            out.append(f"| {f.rule} | {f.severity._value_} | {line} | {esc(f.message)} | {snip} |")
        if len(doc.findings) > len(shown):
            out.append(f"| … | | | {len(doc.findings) - len(shown)} more findings in report.json | |")
        out.append("")
    return out


def _cluster_sources(c, sources: dict[str, str]) -> list[str]:
    srcs = c.data.get("sources") if c.data else None
    if srcs is None:
        srcs = sorted({sources.get(m.document, "") for m in c.members} - {""})
    return list(srcs)


def _cluster_row(c, srcs: list[str]) -> str:
    others = [m for m in c.members if m != c.kept]
    names = ", ".join(f"{esc(m.document)} [{m.start}:{m.end}]" for m in others[:MAX_MEMBERS])
    if len(others) > MAX_MEMBERS:
        names += f", … {len(others) - MAX_MEMBERS} more"
    return (
        f"| {esc(c.id)} | {c.kind} | {c.level} | {len(c.members)} | {c.similarity_min:.2f} | "
        f"{esc(c.kept.document)} [{c.kept.start}:{c.kept.end}] | {names} | {esc(', '.join(srcs))} |"
    )


_CLUSTER_HEAD = [
    "| cluster | kind | level | size | similarity ≥ | kept | other members | sources |",
    "|---|---|---|---:|---:|---|---|---|",
]


def _clusters(report: Report) -> list[str]:
    """Duplicate clusters; stories republished across outlets (several sources) get their own table."""
    if not report.clusters:
        return []
    sources = {d.id: d.source for d in report.documents}
    srcs = {c.id: _cluster_sources(c, sources) for c in report.clusters}
    ranked = sorted(report.clusters, key=lambda c: (-len(c.members), c.id))
    docs = [c for c in ranked if c.level == "document"]
    cross = [c for c in docs if len(srcs[c.id]) > 1]
    n_exact = sum(1 for c in docs if c.kind == "exact")
    out = [
        f"## Duplicate clusters ({len(ranked)})",
        "",
        f"{len(docs)} document clusters ({n_exact} exact, {len(docs) - n_exact} near), "
        f"{len(ranked) - len(docs)} passage clusters; {len(cross)} document clusters span more than one source "
        "(the same story republished across outlets).",
        "",
    ]
    if cross:
        out += [f"### Republished across outlets (top {min(MAX_CLUSTERS, len(cross))} of {len(cross)})", ""]
        out += _CLUSTER_HEAD
        out += [_cluster_row(c, srcs[c.id]) for c in cross[:MAX_CLUSTERS]]
        out.append("")
        ranked = [c for c in ranked if c not in cross]
    if ranked:
        title = "Other clusters" if cross else "Largest clusters"
        out += [f"### {title} (top {min(MAX_CLUSTERS, len(ranked))} of {len(ranked)})", ""]
        out += _CLUSTER_HEAD
        out += [_cluster_row(c, srcs[c.id]) for c in ranked[:MAX_CLUSTERS]]
        out.append("")
    return out


def _sources(report: Report) -> list[str]:
    """Per-source scorecards (report.extra["sources"]), the largest sources first."""
    cards = report.extra.get("sources")
    if not cards:
        return []
    shown = cards[:MAX_SOURCES]
    out = [
        f"## Sources (top {len(shown)} of {len(cards)} by documents)",
        "",
        "| source | documents | duplicate rate | artefact rate | unsourced claims / 1k words | sourcing score "
        "| languages |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for c in shown:
        score = "–" if c.get("sourcing_score") is None else f"{c['sourcing_score']:.2f}"
        languages = list(c.get("languages", {}).items())
        langs = ", ".join(f"{esc(k)} {v}" for k, v in languages[:MAX_LANGUAGES])
        if len(languages) > MAX_LANGUAGES:
            langs += (
                f", {len(languages) - MAX_LANGUAGES} more ({sum(v for _, v in languages[MAX_LANGUAGES:])} documents)"
            )
        out.append(
            f"| {esc(c['source'])} | {c['documents']} | {c['duplicate_rate']:.0%} | {c['artefact_rate']:.0%} | "
            f"{c['unsourced_claim_density']:.2f} | {score} | {langs} |"
        )
    if len(cards) > len(shown):
        out.append(f"| … | | | | | | {len(cards) - len(shown)} more in report.json `sources` |")
    out += ["", "Sourcing score: attributed claim sentences / claim sentences (higher is better sourced).", ""]
    return out


def _skip_kind(reason: str) -> str:
    """A skip reason without its per-path detail, so the summary stays bounded."""
    if "blank line" in reason:
        return "blank lines"
    if reason.startswith("same file as "):
        return "same file as one already read"
    if reason.startswith("symbolic link to a folder"):
        return "symbolic link to a folder already walked"
    return reason


def _skipped(report: Report) -> list[str]:
    if not report.skipped:
        return []
    reasons = Counter(_skip_kind(s.reason) for s in report.skipped)
    top = sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))
    parts = ", ".join(f"{n} × {esc(r)}" for r, n in top[:10])
    if len(top) > 10:
        parts += f", {sum(n for _, n in top[10:])} for {len(top) - 10} other reasons"
    return [f"## Skipped paths ({len(report.skipped)})", "", parts + " (listed in report.json `skipped`).", ""]
