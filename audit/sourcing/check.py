"""The sourcing check: runs the analysis of each document, emits SRC001-SRC005 and publishes
per-document statistics in ``ctx.stats["sourcing"]`` (see docs/sourcing.md)."""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, Iterable

from audit.model import Finding, Severity
from audit.rules import DocContext, DocumentCheck
from audit.sourcing.analysis import Claim, DocAnalysis, analyse
from audit.sourcing.claims import SOCIAL
from audit.sourcing.lexicon import LEXICON_LANGUAGES, lexicon
from audit.sourcing.rules import RULES, SRC001, SRC002, SRC003, SRC004, SRC005


@dataclass(frozen=True)
class SourcingConfig:
    #: Quotes shorter than this (in words) are titles or scare quotes, not quotations (SRC002).
    min_quote_words: int = 8
    #: A document needs at least this many claim sentences before SRC005 can flag it.
    min_claims: int = 3
    #: At most this many SRC001 findings per table (the rest are counted in the last one's data).
    max_table_rows: int = 20
    #: At most this many named sources / outlets listed per document in stats.
    max_sources_listed: int = 30
    #: Rows of a table without any source line are warnings (likely problem), not info.
    unsourced_table_warning: bool = True
    #: SRC002 (a quotation with no speaker) runs only when enabled: labelled on real wire, encyclopedia and web text
    #: none of its findings was a quote a reader needed a speaker for (docs/sourcing.md, "Precision on real text").
    unattributed_quotes: bool = False
    #: SRC005 (a document with claims and no source at all) runs only when enabled: labelled on real wire,
    #: encyclopedia, news and web text, 2 of 127 findings were true (an organisation's own announcement, a
    #: how-to, encyclopedic background, a company's results table cite nobody and need not: docs/sourcing.md).
    sourceless_documents: bool = False


def _snippet(text: str, start: int, end: int, width: int = 160) -> str:
    s = " ".join(text[start:end].split())
    return s if len(s) <= width else s[: width - 1] + "…"


def sourcing_stats(analysis: DocAnalysis, max_listed: int = 30) -> dict:
    """The per-document figures published in ``stats["sourcing"]``."""
    claims = [c for c in analysis.claims if c.claim]
    attributed = sum(1 for c in claims if c.attributed_by)
    # (``c.assessed`` first: a sentence without figures has no statistics, and most sentences have none)
    stats_claims = [c for c in analysis.claims if c.assessed and c.statistics]
    names, outlets, docs = analysis.sources()
    return {
        "language": analysis.language,
        "words": analysis.words,
        "claims": len(claims),
        "attributed": attributed,
        "score": round(attributed / len(claims), 3) if claims else None,
        "statistics": len(stats_claims),
        "unsourced_statistics": sum(1 for c in stats_claims if not c.attributed_by),
        "quotes": len(analysis.quotes),
        "attributed_quotes": sum(1 for q in analysis.quotes if q.speaker is not None and q.speaker.valid),
        "sources": names[:max_listed],
        "outlets": outlets[:max_listed],
        "documents": docs[:max_listed],
        **({"long_sentences_cut": analysis.long_sentences_cut} if analysis.long_sentences_cut else {}),
    }


def _language_lookup(ctx: DocContext):
    """``ctx.language_at`` with a binary search (None when no language check ran)."""
    if not ctx.passage_languages:
        return (lambda _offset: ctx.language) if ctx.language != "und" else None
    spans = sorted((sp.start, sp.end, lang) for sp, lang, _c in ctx.passage_languages)
    starts = [s for s, _e, _l in spans]
    default = ctx.language

    def at(offset: int) -> str:
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset < spans[i][1]:
            return spans[i][2]
        return default

    return at


def _title_case(inner: str) -> bool:
    """Most words of four letters or more are capitalised (at least four of them, three quarters): a title
    or a headline quoted by name, not a quotation that needs a speaker."""
    long = [w for w in inner.split() if sum(map(str.isalpha, w)) >= 4]
    caps = sum(1 for w in long if w.lstrip("“\"'‘(¿¡")[:1].isupper())
    return caps >= 4 and caps >= 0.75 * len(long)


def _table_rows(claims: Iterable[Claim]) -> dict[int, list[list[str]]]:
    """The figures of each table's rows (a list per row, in order), by ``id`` of the table."""
    rows: dict[int, list[list[str]]] = {}
    for c in claims:
        if c.is_row:
            rows.setdefault(id(c.table), []).append([f.text for f in c.statistics])
    return rows


def _enumerated_tables(rows: dict[int, list[list[str]]]) -> set[int]:
    """Tables whose figures, read row by row, are plain whole numbers counting up by one from their first (``1 | 2 |
    3`` then ``4 | 5 | 6`` ...): the days of a calendar widget, ranks or item numbers laid out as a table, not data
    that needs a source. At least three numbers; any other figure (a decimal, a percentage, a number out of the
    run) keeps the table a table of data."""
    out = set()
    for t_id, figures in rows.items():
        texts = [text for row in figures for text in row]
        if len(texts) >= 3 and all(s.isascii() and s.isdigit() and len(s) <= 4 for s in texts):
            values = [int(s) for s in texts]
            steps = [b - a for a, b in pairwise(values)]
            # a row whose number is not read as a figure ("10." of a track list) leaves a step of two
            if all(d in (1, 2) for d in steps) and 5 * steps.count(2) <= len(steps):
                out.add(t_id)
    return out


def _record_tables(rows: dict[int, list[list[str]]]) -> set[int]:
    """Tables with one row of figures among three or more rows: a record's fields laid out as a table (an
    infobox: "Genre | Drama", "Directed by | ...", "Episodes | 13"), not a table of data. Its one figure is
    judged as a sentence's is: a claim only as a statistic about people or society."""
    return {t_id for t_id, figures in rows.items() if len(figures) >= 3 and sum(map(bool, figures)) == 1}


def _mostly_attributed(analysis: DocAnalysis) -> bool:
    """The document attributes at least half of its claims (and at least three): wire and agency style, where
    the figures of a story come from the sources it names."""
    claims = [c for c in analysis.claims if c.claim]
    attributed = sum(1 for c in claims if c.attributed_by)
    return attributed >= 3 and attributed >= 0.5 * len(claims)


def _attributes_any(analysis: DocAnalysis) -> bool:
    """Agency copy (the wire layout) that names a source for any of its claims: its economic and policy
    figures (budgets, deficits, prices, terms) are the reporting of the sources it names."""
    return any(c.claim and c.attributed_by in ("sentence", "quote") for c in analysis.claims)


class SourcingCheck(DocumentCheck):
    """Attribution analysis of each document (EN/ES lexicons; other languages are skipped)."""

    rules = RULES
    section = "sourcing"
    config_class = SourcingConfig
    order = 60  # after the language check (which publishes ctx.language)
    uses = frozenset({"language"})

    def preload(self) -> None:
        for language in LEXICON_LANGUAGES:
            lexicon(language)

    def check(self, ctx: DocContext) -> Iterable[Finding]:
        text = ctx.text
        outlet = ctx.outlet
        if not text.strip():
            return ()
        language_at = _language_lookup(ctx)
        layout = ctx.layout
        analysis = analyse(
            text,
            ctx.sentences,
            ctx.passages,
            ctx.lines,
            language_at,
            ctx.language,
            layout.table_spans,
            layout.indented,
            ctx.layer,
        )
        stats = sourcing_stats(analysis, self.config.max_sources_listed)
        if outlet:
            stats["headline_outlet"] = outlet
        ctx.stats["sourcing"] = stats
        findings: list[Finding] = []
        findings += self._statistics(text, analysis, layout.indented)
        if self.config.unattributed_quotes:
            findings += self._quotes(text, analysis, language_at)
        findings += self._vague(text, analysis)
        findings += self._hidden_agent(text, analysis)
        if self.config.sourceless_documents:
            findings += self._document(text, analysis, stats)
        return findings

    # -- SRC001
    def _statistics(self, text: str, analysis: DocAnalysis, wire: bool = False) -> list[Finding]:
        out: list[Finding] = []
        per_table: dict[int, int] = {}
        last_of_table: dict[int, int] = {}
        wire_sourced = wire and _attributes_any(analysis)
        sourced_document = _mostly_attributed(analysis) or wire_sourced
        rows = _table_rows(analysis.claims)
        enumerated = _enumerated_tables(rows)
        records = _record_tables(rows)
        for c in analysis.claims:
            if not c.assessed or c.attributed_by:
                continue  # (no figure: no statistics)
            stats = c.statistics
            if not stats:
                continue
            if sourced_document and not c.is_row and not any(a.claim and a.quantity == "people" for a in c.assessed):
                continue  # a story that attributes most claims: its budget and policy figures are its sources'
            if wire_sourced and not c.is_row and all(a.own for a in c.assessed if a.claim):
                continue  # agency copy: a company speaking of itself ("The company wants to shed 2,000 jobs")
            if not c.is_row or id(c.table) in records:
                # A sentence (or a record's one figure) is flagged for its statistics about people or society
                # (deaths, voters, crime, budgets): a figure of no recognised quantity (orders, moons, a product
                # range, a series' episodes) is not a claim worth a source.
                stats = [a.figure for a in c.assessed if a.claim and a.quantity in SOCIAL]
                if not stats:
                    continue
            figs = [f.text for f in stats][:8]
            kinds = sorted({f.kind for f in stats})
            data: dict[str, Any] = {
                "claim": _snippet(text, c.start, c.end),
                "figures": figs,
                "kinds": kinds,
                "quantifies": sorted({a.quantity for a in c.assessed if a.claim}),
                "language": c.lang,
            }
            vague = c.vague_attributions
            # Why the figure is a claim: what it is about ("a count about people": deaths, voters, jobs).
            about = " about " + " and ".join(q for q in ("people", "society") if q in data["quantifies"])
            if about == " about ":
                about = ""
            if c.is_row:
                if id(c.table) in enumerated:
                    continue  # a calendar's days or a numbered list laid out as a table
                n = per_table.get(id(c.table), 0) + 1
                per_table[id(c.table)] = n
                if n > self.config.max_table_rows:
                    continue
                data["missing"] = "a 'Source:' line or attribution in the table caption, header or row"
                data["table"] = True
                sev = Severity.WARNING if self.config.unsourced_table_warning else Severity.INFO
                msg = (
                    f"table row states {', '.join(figs)} ({'/'.join(kinds)}) but the table has no source: "
                    "no 'Source:' line or attribution in its caption, header or rows"
                )
                last_of_table[id(c.table)] = len(out)
                out.append(SRC001.finding((c.start, c.end), msg, data=data, severity=sev))
                continue
            if vague:
                data["missing"] = "an identifiable source (only vague attribution)"
                data["vague_cue"] = vague[0].cue
                msg = (
                    f"statistic {', '.join(figs)} ({'/'.join(kinds)}{about}) is credited only vaguely "
                    f"(“{vague[0].cue}”): no named person, outlet or document"
                )
            else:
                data["missing"] = "attribution (reporting verb with a source, 'according to', quoted speaker)"
                msg = (
                    f"statistic {', '.join(figs)} ({'/'.join(kinds)}{about}) has no attribution: no reporting verb "
                    "with a source, 'according to', or quoted speaker in the sentence or its neighbours"
                )
            out.append(SRC001.finding((c.start, c.end), msg, data=data))
        for t_id, n in per_table.items():
            if n > self.config.max_table_rows:
                i = last_of_table[t_id]
                d = dict(out[i].data or {})
                d["rows_not_listed"] = n - self.config.max_table_rows
                out[i] = dataclasses.replace(out[i], data=d)
        return out

    # -- SRC002
    def _quotes(self, text: str, analysis: DocAnalysis, language_at) -> list[Finding]:
        out = []
        for q in analysis.quotes:
            if q.words < self.config.min_quote_words or q.speaker is not None:
                continue
            if language_at is not None and language_at(q.start) not in LEXICON_LANGUAGES:
                continue  # no reporting verbs known for this language: "a déclaré" must not read as no speaker
            inner = " ".join(text[q.inner[0] : q.inner[1]].split())
            if _title_case(inner):
                continue  # a headline or the title of a work (“Number of People Not Working Hits Record”)
            # A pull quote repeating an attributed quote is fine.
            if any(
                o is not q and o.speaker is not None and inner[:60] in " ".join(text[o.start : o.end].split())
                for o in analysis.quotes
            ):
                continue
            out.append(
                SRC002.finding(
                    (q.start, q.end),
                    f"quotation of {q.words} words has no speaker: no reporting verb (said, told, dijo, ...) "
                    "or 'according to' before or after it, nor an introducing sentence ending in ':'",
                    data={
                        "claim": _snippet(text, q.start, q.end),
                        "words": q.words,
                        "paragraphs": q.paragraphs,
                        "missing": "speaker",
                    },
                )
            )
        return out

    # -- SRC003
    def _vague(self, text: str, analysis: DocAnalysis) -> list[Finding]:
        out = []
        for c in analysis.claims:
            if not c.attributions:
                continue  # (no attribution, no vague one)
            if c.statistics and not c.attributed_by and not c.is_row:
                continue  # already reported by SRC001, which names the vague cue
            if c.valid_attributions or c.attributed_by in ("ahead", "continuation"):
                continue  # also credited to an identifiable source ("critics, including Mayor Bass, say"; or next;
                # or a study named before "It was estimated that")
            for a in c.vague_attributions:
                if a.kind == "passive":
                    continue
                start = a.start
                if a.kind != "weasel" and a.source:
                    i = text.find(a.source, max(c.start, a.start - 80), a.start)
                    start = i if i >= 0 else start
                cue = _snippet(text, start, a.end, 60)
                out.append(
                    SRC003.finding(
                        (start, a.end),
                        f"vague attribution “{cue}”: the claim is credited to no "
                        "identifiable person, outlet or named document",
                        data={"claim": _snippet(text, c.start, c.end), "cue": a.cue, "missing": "a named source"},
                    )
                )
        return out

    # -- SRC004
    def _hidden_agent(self, text: str, analysis: DocAnalysis) -> list[Finding]:
        out = []
        for c in analysis.claims:
            if c.attributed_by or c.is_row:
                continue
            for a in c.attributions:
                if a.kind != "passive":
                    continue
                out.append(
                    SRC004.finding(
                        (c.start, c.end),
                        f"claim that officials “{_snippet(text, a.start, a.end, 40)}” something, with no source: "
                        "who told them, and who says so, is not stated",
                        data={
                            "claim": _snippet(text, c.start, c.end),
                            "cue": a.cue,
                            "missing": "the agent or a source for the claim",
                        },
                    )
                )
                break
        return out

    # -- SRC005
    def _document(self, text: str, analysis: DocAnalysis, stats: dict) -> list[Finding]:
        if stats["claims"] < self.config.min_claims or stats["attributed"] > 0:
            return []
        if any(q.speaker is not None and q.speaker.valid for q in analysis.quotes):
            return []
        if analysis.skipped_sentences > len(analysis.claims):
            return []  # mostly in a language without a lexicon
        return [
            SRC005.finding(
                (0, len(text)),
                f"document makes {stats['claims']} factual claims ({stats['statistics']} with statistics) "
                "but cites no source: no attributed statement, quoted speaker, outlet or document",
                data={
                    "claims": stats["claims"],
                    "statistics": stats["statistics"],
                    "score": stats["score"],
                    "missing": "any source",
                },
            )
        ]


def claim_text(text: str, claim: Claim) -> str:
    return text[claim.start : claim.end]
