"""Structure residue: flattened tables, bullet/list residue, repeated headlines, teaser lists."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from audit.artefacts.boilerplate import INFO_KINDS, lexicon_kind
from audit.artefacts.common import is_line_start_bullet, normalize_line, words
from audit.chars import CJK_LETTER_RE
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
    "separating items inside a line or short link labels separated by pipes (warning), lines led by bullet glyphs "
    "such as • ▪ ► (info).",
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


#: A credit or source line under a figure: a picture or source label followed by a preposition ("Photograph
#: by ...", "Screenshot aus ...", "Foto von ...") or by a colon or a separator and names (see
#: :func:`_credit_line`), or a line that ends with such a label in brackets ("Chart of X. (Foto: Agency)");
#: not a wiki file link ("Image:Chart.svg"). Repeated under each figure it is how a page lays its pictures
#: out, not a template or scraper loop.
_CREDIT_LABEL = re.compile(
    r"^[(\[]?\s*(?:(?P<mark>©)|(?:photo(?:graph)?s?|pictures?|images?|fotos?|fotografi[ae]|fotografía|bild(?:er)?|"
    r"imagen(?:es)?|immagin[ei]|illustration|grafik|graphic|chart|screenshot|sources?|quelle|fuente|fonte|credits?|"
    r"crédits?|courtesy)(?:(?P<by>\s+(?:by|from|via|courtesy|credit|von|aus|de|di|par)\b)|\s*(?::\s|[/|,(©])|"
    r"\s+[–—-]\s))"
    r"|[(\[](?:(?:photo|foto|image|bild|credit|crédit|source|quelle|fuente|fonte)s?\b|©)[^)\]]*[)\]]\s*$",
    re.IGNORECASE,
)


def _credit_line(line: str) -> bool:
    """Is ``line`` a credit or source line (:data:`_CREDIT_LABEL`)? After a label and a colon the rest must
    be names (a gallery's or a story's title opens so too: "Photos: Halloween in Hong Kong looks awesome"):
    three words at most, or two thirds of its words capitalised ("Source: Jane Roe / Agency")."""
    m = _CREDIT_LABEL.search(line)
    if m is None:
        return False
    if m.start() > 0 or m.group("mark") or m.group("by"):
        return True  # a bracketed label at the end, a copyright sign, a label and a preposition
    names = [w for w in line[m.end() :].split() if any(c.isalpha() for c in w)]
    return len(names) <= 3 or sum(w[0].isupper() for w in names) * 3 >= 2 * len(names)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SEPARATOR = re.compile(r"^\s*[-–—*•·]\s*$")


_MARKER_NUMBER = re.compile(r"\(?(\d{1,3})[.)]")


def _counts_up(numbers: list[int]) -> bool:
    """Do the numbers of one form on lines of their own in a text (in text order) count as a list's do (1, 2, 3 ...)?
    Three or more of which fewer than half step by one from the one before are the numbered field of a list of
    records ("(165)\n05.08.22\nTitle", "(170)\n...": play counts or record numbers on a line of their own above
    the record's other fields), not markers cut from their items. Only numbers that open the lines after them
    are counted, and only those are let off: a sidebar's count closing its label ("October 2008\n(10)\n\n")
    stays a finding."""
    if len(numbers) < 3:
        return True
    steps = sum(b == a + 1 for a, b in zip(numbers, numbers[1:], strict=False))
    return 2 * steps >= len(numbers) - 1


def _is_separator(text: str, lines, k: int) -> bool:
    """A lone dash or asterisk between two lines that are not list items separates sections (photo
    captions, scenes); it is not a list marker left without its item."""
    if not _SEPARATOR.match(text[lines[k].start : lines[k].end]):
        return False
    near = [text[lines[j].start : lines[j].end] for j in (k - 1, k + 1) if 0 <= j < len(lines)]
    return len(near) == 2 and not any(is_line_start_bullet(t) or _ORPHAN.match(t) for t in near)


#: A pipe-less line taken into a table: at most this many words and no final sentence punctuation (a cell's
#: text, a group header or a caption; a sentence of prose between two tables ends the first).
_TABLE_LABEL_WORDS = 8
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*$")


def _table_line(line: str) -> str:
    """How a line can belong to a flattened table: ``"rule"`` (a ``---|---`` rule), ``"row"`` (two pipes or
    more), ``"part"`` (one pipe, at its start or end: a row whose cells were broken across lines, as
    ``|Model`` / ``||370 €`` / ``|`` when an extractor keeps the line breaks inside cells), or ``""``."""
    n = line.count("|")
    if n >= 2:
        return "rule" if "-" in line and _PIPE_SEP.match(line) is not None else "row"
    if n == 1 and (line[0] == "|" or line[-1] == "|"):
        return "rule" if "-" in line and _PIPE_SEP.match(line) is not None else "part"
    return ""


def _cells(text: str) -> int:
    """Cells with text in a row (``|a||b|`` and ``| a | b |`` both hold two)."""
    return sum(1 for c in text.split("|") if c.strip())


def _table_label(text: str, lines, k: int, kinds: list[str]) -> bool:
    """Is the pipe-less line ``k`` part of the table around it? Directly (no blank line) between a lone ``|``
    and a line with a pipe at its edge, it is the text of a cell broken across lines; directly between two
    rows of as many cells, each with a letter or digit, it is a group header or caption inside the table. Either way it is short and not
    a sentence: prose between two tables keeps them apart."""
    if not 0 < k < len(lines) - 1 or not kinds[k - 1] or not kinds[k + 1]:
        return False
    prev, span, nxt = lines[k - 1], lines[k], lines[k + 1]
    if text.count("\n", prev.end, span.start) > 1 or text.count("\n", span.end, nxt.start) > 1:
        return False  # a blank line before or after it
    line = text[span.start : span.end]
    if len(line.split()) > _TABLE_LABEL_WORDS or _SENTENCE_END.search(line):
        return False
    before, after = text[prev.start : prev.end], text[nxt.start : nxt.end]
    if before == "|":
        return True
    if kinds[k - 1] != "row" or kinds[k + 1] != "row":
        return False
    return _cells(before) == _cells(after) == _word_cells(before) == _word_cells(after) >= 2


def _word_cells(row: str) -> int:
    """Cells with a letter or digit in a row (``/|\\ /|\\`` of an ASCII drawing holds none)."""
    return sum(1 for c in row.split("|") if any(ch.isalnum() for ch in c))


#: A cell that is a figure (``27%``, ``370 €``, ``1,7``, ``20:16``, ``2019``): a table of figures is a table.
_FIGURE_CELL = re.compile(r"^[\s(]*[-+–−]?[$€£¥]?\s*\d[\d.,:/ ]*\s*(?:%|€|\$|£|¥|[a-zA-Z]{0,3}\.?)\)?\s*$")
#: Characters of code or markup (``{{#if:``, ``[ op | rs``, ``<td>``): such pipes are no link bar.
_CODE_CHARS = frozenset("{}[]<>=")


def menu_block(block: str) -> bool:
    """Is a run of pipe-separated lines a link bar or grid ("Home | News | Sports", a footer's ``About us|Contact|
    Jobs`` rows) rather than a flattened table? Every line with pipes separates short labels (at most
    :data:`_TABLE_LABEL_WORDS` words each) with single pipes: no ``---|---`` rule, no empty cell (``||``) but at
    its end, no row
    fenced by pipes at both ends (``| a | b |``, a Markdown or extracted table row), no cell that is a figure
    (``27%``, ``370 €``: a table of figures) and no code or markup brackets."""
    rows = [ln.strip() for ln in block.splitlines() if "|" in ln]
    for row in rows:
        if "||" in row.rstrip("| ").replace(" ", "") or (row.startswith("|") and row.endswith("|") and len(row) > 1):
            return False
        if "-" in row and _PIPE_SEP.match(row):
            return False
        if any(ch in _CODE_CHARS for ch in row):
            return False
        for cell in row.split("|"):
            cell = cell.strip()
            if cell and (_FIGURE_CELL.match(cell) or len(cell.split()) > _TABLE_LABEL_WORDS):
                return False
    return True


def table_blocks(text: str, lines) -> list[tuple[int, int, int, int, int]]:
    """``(start, end, rows, columns, lines)`` for each flattened table: a run of pipe-separated lines (at
    most one blank line between two), which may hold the parts of rows whose cells were broken across lines
    and short pipe-less lines inside it (see :func:`_table_label`). ``rows`` counts the table's rows (a
    ``---|---`` rule is none; a row broken across lines is one), ``columns`` the most cells with text in
    one row, ``lines`` the lines of the run. A run needs two lines of two pipes or more."""
    if "|" not in text:
        return []  # every row holds a pipe (two, or one in a separator row)
    kinds = [_table_line(text[s.start : s.end]) if "|" in text[s.start : s.end] else "" for s in lines]
    out = []
    run: list[int] = []

    def flush():
        if sum(kinds[k] in ("row", "rule") for k in run) < 2:
            return
        rows: list[list[str]] = []
        for k in run:
            line = text[lines[k].start : lines[k].end]
            if kinds[k] == "rule":
                continue
            # a row starts at a line that does not continue the previous one: ``||cell``, a lone ``|``,
            # ``cell|`` and the text of a cell after a lone ``|`` continue it; ``a | b`` rows without edge
            # pipes and group headers between rows do not
            if kinds[k] == "row":
                continues = line.startswith("||")
            elif kinds[k] == "part":
                continues = line == "|" or line[0] != "|"
            else:
                continues = text[lines[k - 1].start : lines[k - 1].end] == "|"
            if rows and continues:
                rows[-1].append(line)
            else:
                rows.append([line])
        cols = max(
            [_cells("\n".join(r)) for r in rows]
            + [_cells(text[lines[k].start : lines[k].end]) for k in run if kinds[k] == "rule"]
        )
        out.append((lines[run[0]].start, lines[run[-1]].end, len(rows), cols, len(run)))

    for k, span in enumerate(lines):
        kind = kinds[k]
        if not kind and not (run and _table_label(text, lines, k, kinds)):
            if run:
                flush()
                run = []
            continue
        gap = text.count("\n", lines[run[-1]].end, span.start) if run else 0
        if run and gap > 2:
            flush()
            run = []
        run.append(k)
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


#: The squares and circles of the East Asian character sets (JIS X 0208, GB 2312, Big5, KS X 1001 all hold them),
#: which Chinese, Japanese and Korean writers type to mark a heading or an item ("■浴場にて", "●良い点", "□ 二零零五年，于
#: 旧金山"); with an item in those scripts they are the author's own marks, not a page's rendered bullets (• ► ✔).
_EAST_ASIAN_MARKS = "●○■□"


def _own_list(text: str, lines, run: list[int]) -> bool:
    """Are the bullet-led lines ``run`` (indices of ``lines``) the text's own list rather than residue of a
    page's link lists? They are when a sentence introduces them (the line before ends with a colon or a
    comma, or a heading stands between them and such a line: "... include:" / "• Electric motors ..."), or
    when their items are prose: 10 words or more on average, or every item a sentence of 5+ words closed by
    a full stop (a sidebar's links are short titles), or when an East Asian mark (:data:`_EAST_ASIAN_MARKS`) leads
    items written in Chinese, Japanese or Korean."""

    def line(k: int) -> str:
        return text[lines[k].start : lines[k].end].rstrip()

    items = [_GLYPH_LEAD.sub("", line(k)) for k in run]
    counts = [len(item.split()) for item in items]
    if not all(counts):
        return False  # a lone glyph is residue whatever comes before it
    if all(
        line(k).lstrip()[0] in _EAST_ASIAN_MARKS and CJK_LETTER_RE.search(item)
        for k, item in zip(run, items, strict=True)
    ):
        return True  # an East Asian writer's own heading or item marks ("■浴場にて")
    k0 = run[0]
    before = [line(k) for k in range(max(0, k0 - 2), k0)]
    if before and before[-1].endswith((":", ",")):
        return True
    if len(before) == 2 and before[0].endswith(":") and before[1][-1:] not in ".!?" and len(before[1].split()) <= 8:
        return True
    if sum(counts) >= 10 * len(items):
        return True
    return len(items) >= 2 and all(
        n >= 5 and item.endswith((".", "!", "?")) for n, item in zip(counts, items, strict=True)
    )


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
        for s, e, rows, cols, n in table_blocks(text, lines):
            block = text[s:e]
            if menu_block(block):
                # link labels in a row are a flattened menu (list residue), not a table of data
                out.append(
                    ART051.finding(
                        (s, e),
                        f"{n} line(s) of link labels separated by pipes (flattened menu or link bar)",
                        data={"kind": "pipe-menu", "lines": n},
                    )
                )
                continue
            proper_md = is_md and all(ln.strip().startswith("|") for ln in block.splitlines() if ln.strip())
            out.append(
                ART050.finding(
                    (s, e),
                    f"table of {rows} rows and {cols} columns flattened into {n} pipe-separated lines",
                    data={"rows": rows, "columns": cols, "lines": n},
                    severity=Severity.INFO if proper_md else None,
                )
            )
        glyph_run: list = []

        def flush_glyphs():
            if glyph_run and not _own_list(text, lines, glyph_run):
                out.append(
                    ART051.finding(
                        (lines[glyph_run[0]].start, lines[glyph_run[-1]].end),
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
        #: the numbers on lines of their own that open the lines after them, by form ("(1)", "1.", "1)"), in text
        #: order; and (index in out, form) of the orphan markers among them
        sequence: dict[tuple[bool, str], list[int]] = {}
        numbered: list[tuple[int, tuple[bool, str]]] = []
        for k in ks:
            span = lines[k]
            line = text[span.start : span.end]
            number = _MARKER_NUMBER.fullmatch(line)
            if number and text.startswith("\n", span.end) and text[span.end + 1 : span.end + 2].strip():
                # a number that opens the lines after it (not a count closing a widget's "Label\n(12)\n\n")
                sequence.setdefault((line[0] == "(", line[-1]), []).append(int(number.group(1)))
            else:
                number = None
            # "April\n15." in hard-wrapped text is the end of a sentence, not a list marker
            if (
                (span.end - span.start <= 5 or line[0].isspace() or line[-1].isspace())
                and _ORPHAN.match(line)
                and span.start in para_starts
                and not _is_separator(text, lines, k)
            ):
                if number:
                    numbered.append((len(out), (line[0] == "(", line[-1])))
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
                glyph_run.append(k)
            else:
                flush_glyphs()
                glyph_run = []
        flush_glyphs()
        drop = {i for i, form in numbered if not _counts_up(sequence[form])}
        if drop:
            out = [f for i, f in enumerate(out) if i not in drop]

        first: dict[str, Span] = {}
        word_counts = ctx.line_word_counts
        # headline candidates: 3-20 words and 15+ characters (a line's length is its span's)
        cands = [i for i, n in enumerate(word_counts) if 3 <= n <= 20 and lines[i].end - lines[i].start >= 15]
        # headlines are lines that stand alone: not a line of a wrapped paragraph, not a table row
        # ("Avg shrs 1.2 mln vs 1.1 mln" under the quarter and again under the year)
        single = _one_line_paragraphs(paragraphs) if cands else set()
        control = _CONTROL.search(text) is not None  # no control character anywhere: none in a line
        standing: list[tuple[int, str, str]] = []  # (line index, line, key) of the lines that may repeat
        for i in cands:
            span = lines[i]
            line = text[span.start : span.end]
            if (
                "|" in line
                or line.rstrip()[-1] in _NOT_HEADLINE_END
                or span.start not in single
                or is_line_start_bullet(line)
                or (control and _CONTROL.search(line))
                or _value_follows(text, span, lines, i)
                or _template_line(line)
            ):
                # list items repeat by design; a line of control characters (UTF-16 read as 8-bit) is
                # encoding damage, reported by the encoding rules
                continue
            standing.append((i, line, normalize_line(line)))
        refrains = _refrains(standing, lines, word_counts, paragraphs) if len(standing) > 1 else set()
        for i, line, key in standing:
            span = lines[i]
            if key in refrains:
                continue
            if key in first:
                f = first[key]
                credit = _credit_line(line)
                out.append(
                    ART052.finding(
                        span,
                        (
                            f"credit line repeated (first at offset {f.start}; under each picture is usual): "
                            if credit
                            else f"headline line repeated (first at offset {f.start}): "
                        )
                        + repr(line[:70]),
                        related=[Related(ctx.doc.id, f.start, f.end, 1.0)],
                        data={"first_start": f.start, "kind": "credit" if credit else "headline"},
                        severity=Severity.INFO if credit else None,
                    )
                )
            else:
                first[key] = span
        out.extend(_short_title_repeats(ctx.doc.id, text, lines, word_counts, paragraphs, first))

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


#: Marks that close a sentence or a clause, not a headline: the Latin ones and those of scripts written
#: without spaces (the ideographic and full-width full stop, colon, semicolon and commas: "実際に受け取った金額を
#: 表示しています。" is a sentence). A headline may end in "?" or "!" in any script; Latin "?" and "!" are left
#: out as before, the full-width "？" and "！" are kept (Chinese headlines end so: "如何看待...？").
_NOT_HEADLINE_END = ".!?…:,;。．｡：；，、"
#: A line that is one value of a flattened record or table: an amount, with a currency sign, a unit, a
#: thousands separator or decimals (see :func:`_value_follows`: "7,318", "\\21,249", "5,000円", "27%",
#: "370 €"); not a date ("14/06/2019", "05.08.22"), a time or a pager ("1 2 3"), which stand under the titles
#: of a teaser list.
_VALUE_LINE = re.compile(
    r"\(?[-+–−]?[$€£¥₩\\]?\s?(?:\d{1,3}(?:[,.]\d{3})+|\d+)(?:[.,]\d+)?\s?(?:%|€|\$|£|¥|円|元|원)?\)?"
)


def _value_follows(text: str, span: Span, lines: Sequence[Span], i: int) -> bool:
    """Is the line at ``span`` (``lines[i]``) the label of a value on the line right after it (no blank line
    between: "Access Trade\n5,535")? A table or record flattened one cell a line repeats its row labels in
    every table ("Link Share" under each month), as a headline does not."""
    if i + 1 >= len(lines):
        return False
    nxt = lines[i + 1]
    if text.count("\n", span.end, nxt.start) != 1 or _VALUE_LINE.fullmatch(text, nxt.start, nxt.end) is None:
        return False
    # a bare count ("147", "2") is as often the comments of a teaser or a cell of a row; an amount is a value
    return not text[nxt.start : nxt.end].strip("()+-–− ").isdigit()


def _template_line(line: str) -> bool:
    """Is ``line`` a line of the boilerplate lexicon that ART002 reports as a warning (navigation, a
    breadcrumb "[Tools > Antivirus > McAfee]", share, subscribe, read more)? ART002 reports each of its
    occurrences already; a repeat is the same template line, not a repeated headline."""
    kind = lexicon_kind(line)
    return kind is not None and kind not in INFO_KINDS


def _one_line_paragraphs(paragraphs: Sequence) -> set[int]:
    """Starts of the paragraphs of one line that are no table row: the lines that stand alone, as headlines do
    (not a line of a wrapped paragraph; "Avg shrs 1.2 mln vs 1.1 mln" under the quarter and again under the year)."""
    return {p.span.start for p in paragraphs if p.lines == 1 and p.kind != "table"}


def _short_title_repeats(
    doc_id: str,
    text: str,
    lines: Sequence[Span],
    word_counts: Sequence[int],
    paragraphs: Sequence,
    seen: dict[str, Span],
) -> list[Finding]:
    """ART052 for a document's title of one or two words (too short for a headline candidate: "Apollo",
    "Allan Dwan") printed again later as a line of its own: an article's first line, alone in its paragraph,
    a capitalised name of 4+ letters and no page label ("Menu", "Reply", "Share": the boilerplate lexicon's
    kinds) over a line of prose, repeated as a one-line paragraph beside prose. Short labels repeat by design
    ("Q&A"), and a page's menus repeat among their labels ("News", "Sport"); a title does not."""
    first = next((i for i, n in enumerate(word_counts) if n), None)
    if first is None or not 1 <= word_counts[first] <= 2:
        return []
    span = lines[first]
    line = text[span.start : span.end].strip()
    if (
        sum(c.isalpha() for c in line) < 4
        or not line[:1].isupper()
        or not line.replace(" ", "").replace("-", "").isalpha()
        or normalize_line(line) in seen
    ):
        return []
    one_line = _one_line_paragraphs(paragraphs)
    if span.start not in one_line:
        return []
    if lexicon_kind(line) is not None:
        return []
    spoken = [i for i, n in enumerate(word_counts) if n]  # lines with words, in order
    rank = {i: k for k, i in enumerate(spoken)}

    def prose_beside(i: int, both: bool) -> bool:
        """A line of 12+ words next to line ``i`` (after it; or before or after it): a title stands over its
        article and a repeat among prose, where a menu's label stands among other labels."""
        k = rank[i]
        near = spoken[k + 1 : k + 2] + (spoken[max(0, k - 1) : k] if both else [])
        return any(word_counts[n] >= 12 for n in near)

    if not prose_beside(first, both=False):
        return []
    key = normalize_line(line)
    out = []
    for j in range(first + 1, len(lines)):
        other = lines[j]
        if word_counts[j] != word_counts[first] or other.start not in one_line:
            continue
        if normalize_line(text[other.start : other.end]) == key and prose_beside(j, both=True):
            out.append(
                ART052.finding(
                    other,
                    f"the document's title line repeated (first at offset {span.start}): {line[:70]!r}",
                    related=[Related(doc_id, span.start, span.end, 1.0)],
                    data={"first_start": span.start, "kind": "title"},
                )
            )
    return out


#: Lines apart within which a line of verse that recurs is a refrain (a chorus sings it again in a stanza).
_REFRAIN_LINES = 12


def _sentence_like(line: str) -> bool:
    """A line of running words, not a title: four words or more, two thirds of those after the first in lower
    case ("I" and its contractions count so) - "You know that you're the only one that I want", not
    "Common English Bible" or "Technik und Zubehör"."""
    rest = line.split()[1:]
    if len(rest) < 3:
        return False
    low = sum(1 for w in rest if not w[0].isupper() or w == "I" or w[:2] in ("I'", "I’"))
    return 3 * low >= 2 * len(rest)


def _refrains(
    standing: list[tuple[int, str, str]], lines: Sequence[Span], word_counts: Sequence[int], paragraphs: Sequence
) -> set[str]:
    """Keys of the repeated lines that are a song's or poem's refrain, not a repeated headline: lines of verse
    (the layout's kind) of running words that recur within :data:`_REFRAIN_LINES` lines of themselves with only
    verse or short labels ("Chorus:", "Ooh") between. A page's menus and teaser lists repeat too, but as titles,
    or with the article between them (header and footer)."""
    verse = {p.span.start for p in paragraphs if p.kind == "verse"}
    seen: dict[str, int] = {}
    out: set[str] = set()
    for i, line, key in standing:
        if lines[i].start not in verse:
            continue
        last = seen.get(key)
        if (
            last is not None
            and i - last <= _REFRAIN_LINES
            and all(lines[k].start in verse or word_counts[k] < 5 for k in range(last + 1, i))
            and _sentence_like(line)
        ):
            out.add(key)
        seen[key] = i
    return out
