"""Structure residue: flattened tables, bullet/list residue, repeated headlines, teaser lists."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from audit.artefacts.common import is_line_start_bullet, normalize_line, words
from audit.model import Category, Finding, Related, Severity, Span
from audit.rules import DocContext, DocumentCheck, Rule

ART050 = Rule(
    id="ART050",
    name="flattened-table",
    category=Category.ARTEFACT,
    severity=Severity.WARNING,
    description="A table flattened into pipe-separated lines (rows of `cell | cell |`, `---|---|` rules).",
    flags=("City | Status | Change |\n---|---|---|\nLos Angeles | Sanctuary | 27% |\nChicago | Sanctuary | 22% |",),
    not_flags=("He said the choice was either/or | nothing else.", "Home | News"),
)
ART051 = Rule(
    id="ART051",
    name="list-residue",
    category=Category.ARTEFACT,
    severity=Severity.WARNING,
    description="Bullet or list residue: orphan list markers on their own line (warning), bullet glyphs "
    "separating items inside a line (warning), lines led by bullet glyphs such as • ▪ ► (info).",
    flags=("•\nFirst item", "Home • News • Sports • Weather", "1.\n"),
    not_flags=("The vote was 5-4.", "- a plain dash list item with words", "Price: 3 • 4"),
)
ART052 = Rule(
    id="ART052",
    name="repeated-headline",
    category=Category.ARTEFACT,
    severity=Severity.WARNING,
    description="A headline-like line repeated inside the document (page template or scraper loop).",
    flags=("Some Say AG Option Is Not Enough – CBS\n\nText.\n\nSome Say AG Option Is Not Enough – CBS",),
    not_flags=("Q&A\n\nText one.\n\nQ&A",),
)
ART053 = Rule(
    id="ART053",
    name="teaser-list",
    category=Category.ARTEFACT,
    severity=Severity.INFO,
    description="The page is a list of unrelated one-line teasers (a section or search page), not an article.",
    flags=("eleven one-sentence summaries of different stories, one per line",),
    not_flags=("an article whose paragraphs continue each other (pronouns, quotes, 'said')",),
)

#: Languages whose continuation openers :data:`_CONTINUATION` knows: a teaser list is told from an article in
#: one-sentence paragraphs by them, so in other languages the rule cannot judge (a document whose language is
#: not known, "und", is judged as before).
_TEASER_LANGUAGES = frozenset({"en", "es"})
#: A sentence of six words or more that ends in a colon ("Some of the other data points include:"): the lines
#: after it are the items of the article's own list, not teasers of other stories (a heading such as "Most
#: read:" is shorter).
_INTRODUCES_LIST = re.compile(r"(?m)^[ \t]*(?:\S+[ \t]+){5,}\S*:[ \t]*$")
_PIPE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
_ORPHAN = re.compile(r"^\s*(?:[-–*•·▪►▸◦●○■□]|\(?\d{1,3}[.)]|[a-z]\))\s*$")
_GLYPH_LEAD = re.compile(r"^\s*[•▪►▸◦●○■□✓✔➤]\s*")
_INLINE_BULLET = re.compile(r"\s[•▪►▸◦●■]\s")
#: The glyphs of :data:`_INLINE_BULLET` and :data:`_GLYPH_LEAD` alone (a whole-text prefilter).
_INLINE_BULLET_CHARS = "•▪►▸◦●■"
_GLYPH_CHARS = "•▪►▸◦●○■□✓✔➤"
_CONTINUATION = re.compile(
    r"^(?:[“\"«‘]|(?:He|She|It|They|We|I|His|Her|Their|Its|But|And|So|Also|However|Still|Yet|That|This|These|Those|"
    r"There|Then|Meanwhile|Moreover|El|La|Él|Ella|Ellos|Pero|Y|Sin embargo|Además|Eso|Esto|Esta|Este)\b)"
)
_ATTRIBUTION = re.compile(r"\b(?:said|says|told|added|according to|dijo|afirmó|añadió|según|a déclaré|sagte)\b")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SEPARATOR = re.compile(r"^\s*[-–—*•·]\s*$")


def _is_separator(text: str, lines, k: int) -> bool:
    """A lone dash or asterisk between two lines that are not list items separates sections (photo
    captions, scenes); it is not a list marker left without its item."""
    if not _SEPARATOR.match(text[lines[k].start : lines[k].end]):
        return False
    near = [text[lines[j].start : lines[j].end] for j in (k - 1, k + 1) if 0 <= j < len(lines)]
    return len(near) == 2 and not any(is_line_start_bullet(t) or _ORPHAN.match(t) for t in near)


def table_blocks(text: str, lines) -> list[tuple[int, int, int, int]]:
    """``(start, end, rows, columns)`` for runs of pipe-separated lines."""
    if "|" not in text:
        return []  # every row holds a pipe (two, or one in a separator row)
    out = []
    run: list = []

    def flush():
        if len(run) >= 2:
            cols = max(text[s.start : s.end].strip().strip("|").count("|") + 1 for s in run)
            out.append((run[0].start, run[-1].end, len(run), cols))

    for span in lines:
        line = text[span.start : span.end]
        is_row = line.count("|") >= 2 or ("-" in line and _PIPE_SEP.match(line) is not None)
        if not is_row and not run:
            continue  # flush() of an empty run does nothing
        gap = text[run[-1].end : span.start].count("\n") if run else 0
        if is_row and (not run or gap <= 2):
            run.append(span)
        else:
            flush()
            run = [span] if is_row else []
    flush()
    return out


def teaser_signals(texts: list[str], lengths: Sequence[int] | None = None) -> dict[str, float] | None:
    """Signals that a line-structured page is a list of one-line teasers (``None`` when not a candidate).

    ``lengths``: ``len(words(t))`` of each text, when the caller has them.
    """
    if len(texts) < 6:
        return None
    if lengths is None:
        lengths = [len(words(t)) for t in texts]
    one_liners = sum(
        1
        for t, n in zip(texts, lengths, strict=True)
        if 8 <= n <= 60 and len(re.findall(r"[.!?](?:\s|$)", t)) <= 2 and _prose_line(t)
    )
    continuation = sum(1 for t in texts if _CONTINUATION.match(t))
    attribution = sum(1 for t in texts if ("“" in t or '"' in t) and _ATTRIBUTION.search(t))
    n = len(texts)
    return {
        "lines": n,
        "one_line_share": round(one_liners / n, 3),
        "continuation_share": round(continuation / n, 3),
        "quoted_attribution_share": round(attribution / n, 3),
    }


def _prose_line(line: str) -> bool:
    """Is ``line`` a line of prose, as a teaser is: at least 8 words without a digit, and at most one word in
    five with one? A row of a results table ("Net loss 4,990,000 vs loss 12.8 mln") is not."""
    ws = words(line)
    alpha = sum(1 for w in ws if not _DIGIT.search(w))
    return alpha >= 8 and alpha >= 0.8 * len(ws)


_DIGIT = re.compile(r"\d")


def _one_liners_possible(lengths: Sequence[int]) -> bool:
    """Can :func:`teaser_signals` give a ``one_line_share`` of 0.8 or more? Its one-liners are lines of 8-60
    words (fewer sentence ends aside), and the rounded share only grows with the count: the lines of 8-60
    words must already reach it (a page of long paragraphs or short headings is settled without reading
    its lines)."""
    n = len(lengths)
    return bool(n) and round(sum(8 <= k <= 60 for k in lengths) / n, 3) >= 0.8


@dataclass(frozen=True)
class StructureConfig:
    #: Minimum lines for a teaser list, and the largest share of lines that may continue the previous one.
    teaser_min_lines: int = 6
    teaser_max_continuation: float = 0.1


class StructureCheck(DocumentCheck):
    rules = (ART050, ART051, ART052, ART053)
    uses = frozenset({"language"})  # the document's language: ART053 judges only languages it has openers for
    section = "structure"
    config_class = StructureConfig
    order = 60

    def check(self, ctx: DocContext) -> Iterable[Finding]:
        text = ctx.text
        lines = ctx.lines
        out: list[Finding] = []
        is_md = ctx.doc.source.lower().endswith((".md", ".markdown"))
        for s, e, rows, cols in table_blocks(text, lines):
            block = text[s:e]
            proper_md = is_md and all(ln.strip().startswith("|") for ln in block.splitlines() if ln.strip())
            out.append(
                ART050.finding(
                    (s, e),
                    f"table flattened into {rows} pipe-separated lines ({cols} columns)",
                    data={"rows": rows, "columns": cols},
                    severity=Severity.INFO if proper_md else None,
                )
            )
        glyph_run: list = []

        def flush_glyphs():
            if glyph_run:
                out.append(
                    ART051.finding(
                        (glyph_run[0].start, glyph_run[-1].end),
                        f"{len(glyph_run)} line(s) start with bullet glyphs (list residue)",
                        data={"kind": "bulleted-lines", "lines": len(glyph_run)},
                        severity=Severity.INFO,
                    )
                )

        paragraphs = ctx.layout.paragraphs
        # Whole-text tests settle most documents at once: without a bullet glyph no line can hold inline
        # bullets or start with a glyph; a line of ``lines`` is stripped (its first and last characters
        # are not whitespace), so only one of at most 5 characters can be a lone marker.
        inline_bullets = any(g in text for g in _INLINE_BULLET_CHARS)
        glyph_leads = any(g in text for g in _GLYPH_CHARS)
        if inline_bullets or glyph_leads:
            ks: Iterable[int] = range(len(lines))
        else:
            ks = [k for k, span in enumerate(lines) if span.end - span.start <= 5]
        para_starts = {p.span.start for p in paragraphs} if ks else set()
        for k in ks:
            span = lines[k]
            line = text[span.start : span.end]
            # "April\n15." in hard-wrapped text is the end of a sentence, not a list marker
            if (
                (span.end - span.start <= 5 or line[0].isspace() or line[-1].isspace())
                and _ORPHAN.match(line)
                and span.start in para_starts
                and not _is_separator(text, lines, k)
            ):
                out.append(
                    ART051.finding(
                        span, f"orphan list marker {line.strip()!r} on its own line", data={"kind": "orphan-marker"}
                    )
                )
            elif inline_bullets and len(_INLINE_BULLET.findall(line)) >= 2:
                out.append(
                    ART051.finding(
                        span,
                        "bullet glyphs separate items inside one line (flattened list or menu)",
                        data={"kind": "inline-bullets"},
                    )
                )
            if glyph_leads and _GLYPH_LEAD.match(line):
                glyph_run.append(span)
            else:
                flush_glyphs()
                glyph_run = []
        flush_glyphs()

        first: dict[str, Span] = {}
        word_counts = ctx.line_word_counts
        # headline candidates: 3-20 words and 15+ characters (a line's length is its span's)
        cands = [i for i, n in enumerate(word_counts) if 3 <= n <= 20 and lines[i].end - lines[i].start >= 15]
        # headlines are lines that stand alone: not a line of a wrapped paragraph, not a table row
        # ("Avg shrs 1.2 mln vs 1.1 mln" under the quarter and again under the year)
        single = {p.span.start for p in paragraphs if p.lines == 1 and p.kind != "table"} if cands else set()
        control = _CONTROL.search(text) is not None  # no control character anywhere: none in a line
        for i in cands:
            span = lines[i]
            line = text[span.start : span.end]
            if (
                "|" in line
                or line.rstrip()[-1] in ".!?…:,;"
                or span.start not in single
                or is_line_start_bullet(line)
                or (control and _CONTROL.search(line))
            ):
                # list items repeat by design; a line of control characters (UTF-16 read as 8-bit) is
                # encoding damage, reported by the encoding rules
                continue
            key = normalize_line(line)
            if key in first:
                f = first[key]
                out.append(
                    ART052.finding(
                        span,
                        f"headline line repeated (first at offset {f.start}): {line[:70]!r}",
                        related=[Related(ctx.doc.id, f.start, f.end, 1.0)],
                        data={"first_start": f.start},
                    )
                )
            else:
                first[key] = span

        cfg = self.config
        if (
            len(ctx.passages) == len(lines)
            and len(lines) >= cfg.teaser_min_lines
            and (ctx.language in _TEASER_LANGUAGES or ctx.language == "und")
            and _one_liners_possible(word_counts)
            and not _INTRODUCES_LIST.search(text)
        ):
            sig = teaser_signals([text[s.start : s.end] for s in lines], word_counts)
            if (
                sig
                and sig["one_line_share"] >= 0.8
                and sig["continuation_share"] <= cfg.teaser_max_continuation
                and sig["quoted_attribution_share"] <= 0.1
            ):
                out.append(
                    ART053.finding(
                        (0, len(text)),
                        f"page is a list of {sig['lines']} one-line teasers "
                        "(each line a separate story, none continuing the previous)",
                        data=sig,
                    )
                )
        return out
