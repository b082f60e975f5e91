"""Per-document sourcing analysis: which claims are attributed, and how.

:func:`analyse` walks a document's sentences (and table rows), finds figures,
quotes and attribution cues, and decides for every claim whether it is attributed:

1. in the sentence itself (a reporting verb with a subject, "according to X", "the
   survey found", a quoted speaker);
2. by the quote it sits in, when that quote has a speaker (multi-sentence and
   multi-paragraph quotes included);
3. by a neighbour: the sentence that introduces it with a colon (also across a list:
   "The changes, according to advocates, are the following:" then "1) ..."), or the
   next sentence of the same paragraph when that one is an attribution tag
   ("That is according to the census.", "the report said.");
4. for table rows: a "Source:" line or an attribution cue in the caption lines or the
   header.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from operator import itemgetter
from typing import Callable

from audit.model import Span
from audit.sourcing.attribution import cue_starts, find_attributions
from audit.sourcing.claims import assess, company_names
from audit.sourcing.cues import CueIndex
from audit.sourcing.decide import _LIST_ITEM, _other_clause, decide
from audit.sourcing.document import Claim, DocAnalysis
from audit.sourcing.figures import find_figures
from audit.sourcing.lexicon import LEXICON_LANGUAGES, Lexicon, guess_language, lexicon, stopword_re
from audit.sourcing.quotes import Quote, find_quotes, mask_quotes
from audit.sourcing.speakers import attach_speakers
from audit.sourcing.tables import Table, find_tables
from audit.text import TextLayer

__all__ = ["Claim", "DocAnalysis", "analyse", "join_wrapped", "split_long"]

#: Work cap: a "sentence" longer than this (text without sentence punctuation: a dump, a list run
#: together) is read in pieces of about this size, cut at a space, so that the work per document
#: stays linear in its length. The number of sentences cut is reported in the stats.
MAX_UNIT_CHARS = 1500


def split_long(text: str, sentences, limit: int = MAX_UNIT_CHARS) -> tuple[list, int]:
    """``sentences`` with every span longer than ``limit`` cut into pieces at spaces; and how many were cut."""
    if all(s.end - s.start <= limit for s in sentences):
        return list(sentences), 0
    out = []
    cut = 0
    for s in sentences:
        if s.end - s.start <= limit:
            out.append(s)
            continue
        cut += 1
        a = s.start
        while s.end - a > limit:
            b = text.rfind(" ", a + limit // 2, a + limit)
            if b <= a:
                b = a + limit
            out.append(Span(a, b))
            a = b
            while a < s.end and text[a] == " ":
                a += 1
        if a < s.end:
            out.append(Span(a, s.end))
    return out, cut


_OPEN_END = re.compile(r"[^.!?:;\"”’'»)\]]\s*$")


def join_wrapped(text: str, sentences) -> list:
    """Join a sentence cut at a hard line wrap: the line before has no closing punctuation and the next
    starts with a digit or a lower-case letter ("...closed on the exchange at\n1,640 yen, down 50.")."""
    out: list = []
    for s in sentences:
        if out:
            prev = out[-1]
            first = text[s.start : s.start + 1]
            if (
                (first.isdigit() or first.islower())
                and text[prev.end : s.start].strip(" \t") == "\n"
                and _OPEN_END.search(text, prev.start, prev.end)
                and not _LIST_ITEM.match(text, s.start)
            ):
                out[-1] = Span(prev.start, s.end)
                continue
        out.append(s)
    return out


def _inside(spans, starts: list[int], start: int, end: int) -> bool:
    """``[start, end)`` lies inside one of ``spans`` (sorted, not overlapping; ``starts`` their starts)."""
    i = bisect.bisect_right(starts, start) - 1
    return i >= 0 and end <= spans[i].end


def _lexicons(
    text: str, passages, language_at: Callable[[int], str] | None, document_language: str
) -> tuple[str, Callable[[int], Lexicon | None]]:
    """The document's language and the lexicon to read each offset with (None: a language without one).

    Without a language check, the document and each passage are guessed with a stop-word vote."""
    doc_lang = document_language
    guessed = None
    if doc_lang in ("und", "", None):
        # No language check ran (or it could not tell): guess; tables and lists with too few
        # function words to tell are read with the English lexicon.
        guessed = guess_language(text)
        doc_lang = guessed if guessed != "und" else "en"

    guessed_passages: list[tuple[int, int, str]] = []
    # A passage can only be guessed as another lexicon language than the document's if that
    # language's stop words occur in it: when they occur nowhere, every passage reads as the
    # document's language (a guess of "und" falls back to it too), so the per-passage vote is skipped.
    # (Only read when no language check ran: a document with one never needs the vote.)
    others = [lg for lg in LEXICON_LANGUAGES if lg != doc_lang]
    if language_at is None and (
        doc_lang not in LEXICON_LANGUAGES or any(stopword_re(lg).search(text.lower()) for lg in others)
    ):
        for p in passages:
            if p.end - p.start >= 60:
                g = guess_language(text[p.start : p.end])
                if g != "und":
                    guessed_passages.append((p.start, p.end, g))

    guessed_starts = [a for a, _b, _g in guessed_passages]

    def guessed_at(offset: int) -> str:
        i = bisect.bisect_right(guessed_starts, offset) - 1
        if i >= 0 and offset < guessed_passages[i][1]:
            return guessed_passages[i][2]
        return doc_lang

    at = language_at if language_at else guessed_at
    doc_lex = lexicon(doc_lang) if doc_lang in LEXICON_LANGUAGES else None
    # (per language as ``at`` names it: one lookup per sentence; no language is the document's)
    lexicons: dict[str | None, Lexicon | None] = {"und": doc_lex, "": doc_lex, None: doc_lex}

    def lex_for(offset: int) -> Lexicon | None:
        lang = at(offset)
        try:
            return lexicons[lang]
        except KeyError:
            lex = lexicons[lang] = lexicon(lang) if lang in LEXICON_LANGUAGES else None
            return lex

    return doc_lang, lex_for


_UNIT_ORDER = itemgetter(0, 1)


def _units(sentences, tables: list[Table]) -> list[tuple[int, int, Table | None]]:
    """The units read one by one: sentences outside the tables, and table rows (not headers), in order."""
    if not tables:
        plain: list[tuple[int, int, Table | None]] = [(s.start, s.end, None) for s in sentences]
        plain.sort(key=_UNIT_ORDER)
        return plain
    spans = sorted((t.rows[0][0], t.rows[-1][1]) for t in tables if t.rows)
    starts = [a for a, _b in spans]

    def in_table(a: int, b: int) -> bool:
        i = bisect.bisect_left(starts, b) - 1
        return i >= 0 and spans[i][1] > a

    units: list[tuple[int, int, Table | None]] = [
        (s.start, s.end, None) for s in sentences if not in_table(s.start, s.end)
    ]
    units += [(r[0], r[1], t) for t in tables for r in t.rows if r != t.header]
    units.sort(key=_UNIT_ORDER)
    return units


def _near_quote(quotes: list[Quote], quote_starts: list[int], start: int, end: int) -> bool:
    """False when :func:`_quote_of` finds nothing for ``[start, end)`` in its first steps (most sentences): neither the
    last quote that starts at or before ``start`` nor the next one reaches into the unit."""
    k = bisect.bisect_right(quote_starts, start) - 1
    q = quotes[k if k > 0 else 0]
    return q.start < end and (q.end > start or (k + 1 < len(quotes) and quotes[k + 1].start < end))


def _quote_of(quotes: list[Quote], quote_starts: list[int], start: int, end: int) -> Quote | None:
    """The quote the unit ``[start, end)`` sits in (mostly), or a whole quote it contains."""
    found = None
    k = max(0, bisect.bisect_right(quote_starts, start) - 1)
    for i in range(k, len(quotes)):  # (not a slice: a copy of the rest of the list per sentence)
        q = quotes[i]
        if q.start >= end:
            break
        if q.end <= start:
            continue
        s_in, e_in = q.inner
        if s_in <= start + 2 and end - 2 <= e_in or (q.start <= start + 1 and q.end >= end - 1):
            return q
        if q.start >= start and q.end <= end and q.words >= 3:
            found = q  # the sentence contains a whole quote
    return found


def analyse(
    text: str,
    sentences,
    passages,
    lines,
    language_at: Callable[[int], str] | None = None,
    document_language: str = "und",
    figure_tables=(),
    wire: bool = False,
    layer: TextLayer | None = None,
) -> DocAnalysis:
    """Analyse one document's sourcing (pure; offsets index ``text``). ``figure_tables``: spans of the
    layout's tables of figures (``DocContext.layout.table_spans``): their lines are measurements in a table
    of results, not claims (pipe and tab tables found here keep their rows as claims). ``wire``: the document is
    hard-wrapped with indented paragraphs (``DocContext.layout``), one sentence a paragraph. ``layer``: the
    shared text layer of ``text`` (``DocContext.layer``; made here when not given)."""
    sentences, long_cut = split_long(text, join_wrapped(text, sentences))
    doc_lang, lex_for = _lexicons(text, passages, language_at, document_language)
    quotes = find_quotes(text, passages)
    quotes = [q for q in quotes if q.closed or q.paragraphs >= 2]
    masked = mask_quotes(text, quotes)
    cues = CueIndex(masked, layer if layer is not None else TextLayer(text), [q.inner[1] for q in quotes])
    attach_speakers(text, masked, quotes, sentences, lex_for, cues, passages, wire)
    tables = find_tables(text, lines)
    companies = None  # (company_names of the text: read only by assess, so computed at the first figure)
    figure_tables = sorted(figure_tables, key=lambda sp: sp.start)
    table_starts_ = [sp.start for sp in figure_tables]
    quote_starts = [q.start for q in quotes]
    claims: list[Claim] = []
    skipped = 0
    words_total = len(text.split())
    units = _units(sentences, tables)
    cues_of: Lexicon | None = None  # the lexicon ``cue_at`` is for (one per document, mostly)
    cue_at: list[int] = []
    spanish = False
    bisect_left = bisect.bisect_left
    for start, end, table in units:
        lex = lex_for(start)
        if lex is None:
            skipped += 1
            continue
        if lex is not cues_of:
            cues_of, cue_at, spanish = lex, cue_starts(masked, lex, cues), lex.language == "es"
        seg = text[start:end]
        cells = table is not None
        figures = find_figures(text, start, end, cells=cells)
        assessed = []
        if figures:  # (assess returns [] for a sentence without figures)
            if companies is None:
                companies = company_names(text)
            assessed = assess(text, figures, start, end, cells, companies)
            if not cells and _inside(figure_tables, table_starts_, start, end):
                assessed = [dataclasses.replace(a, claim=False) for a in assessed]
        k = bisect_left(cue_at, start)
        if spanish or (k < len(cue_at) and cue_at[k] < end) or masked.find("(", start, end) >= 0:
            attributions = find_attributions(masked, start, end, lex, cues)
        else:
            attributions = []  # (what find_attributions returns for a span without a cue: tested by bisection here)
        quote = (
            _quote_of(quotes, quote_starts, start, end)
            if quotes and _near_quote(quotes, quote_starts, start, end)
            else None
        )
        c = Claim(
            start,
            end,
            lex.language,
            figures,
            assessed,
            attributions,
            quote,
            table,
            cells,
            words=len(seg.split()),
            ends_colon=seg.rstrip().endswith(":"),
        )
        if figures and attributions:
            c.attributions = [a for a in attributions if not _other_clause(text, a, c)]
        claims.append(c)
    decide(text, claims, tables, wire)
    return DocAnalysis(doc_lang, claims, quotes, tables, skipped, words_total, long_cut)
