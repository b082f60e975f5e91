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
import re
from dataclasses import dataclass, field
from typing import Callable

from audit.model import Span
from audit.sourcing.attribution import (
    Attribution,
    Quote,
    Table,
    find_attributions,
    find_quotes,
    find_tables,
    has_source_line,
    mask_quotes,
)
from audit.sourcing.claims import FigureClaim, assess
from audit.sourcing.figures import Figure, find_figures
from audit.sourcing.lexicon import LEXICON_LANGUAGES, Lexicon, guess_language, lexicon

_LIST_ITEM = re.compile(r"\s*(?:[-*•·–]\s|\(?\d{1,2}\s?[.)]\s|[a-z]\)\s)")
_CAP_INSIDE = re.compile(r"\s[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+")
_DOC_MENTION = re.compile(
    r"\b(?:the|this|from|of|in|by|el|la|los|las|este|esta|del|de)\s+(?:[\w’'-]+\s+){0,2}"
    r"(?:report|study|survey|poll|audit|analysis|census|data|memo|statement|review|assessment|"
    r"informe|estudio|encuesta|auditoría|análisis|censo|datos|comunicado|sondeo)\b",
    re.I,
)
_TAG_START = re.compile(
    r"\s*(?:that|this|these|those|the\s+(?:figures?|data|numbers?|estimates?)|such\s+figures|eso|esto|estos|estas|"
    r"las\s+cifras|los\s+datos)\b",
    re.I,
)


#: A sentence that says where the figures before it come from: "The figures come from the Fed's report."
_SOURCE_STATEMENT = re.compile(
    r"\s*(?:the|these|those|such|las|los|estas|estos|esas|esos)\s+(?:\w+\s+)?(?:figures?|data|numbers?|estimates?|"
    r"statistics|results|cifras?|datos|números|estimaciones|estadísticas|resultados)\s+"
    r"(?:\w+\s+)?(?:come|comes|came|are\s+from|were\s+from|are\s+based|were\s+based|were\s+compiled|"
    r"were\s+provided|were\s+published|were\s+released|proceden|provienen|procede|proviene|salen|son\s+de|"
    r"fueron\s+publicad[oa]s|fueron\s+difundid[oa]s)\b",
    re.I,
)
#: Openers that carry on the previous sentence's report.
_CONTINUE_START = re.compile(
    r"\s*(?:that|this|these|those|it|they|also|the\s+(?:figures?|data|numbers?|estimates?|poll|survey|study|"
    r"report|analysis|researchers|authors|share|rate|total|increase|rise|decline|drop|figure)|"
    r"(?:esa|esta|la)\s+cifra|(?:ese|este|el)\s+(?:dato|aumento|incremento|descenso|informe|estudio|sondeo|"
    r"total|porcentaje)|(?:la|esta)\s+(?:encuesta|tasa|subida|caída|bajada)|los\s+(?:datos|autores|investigadores)|"
    r"también|además|asimismo|eso|esto|ello)\b",
    re.I,
)
#: How a previous sentence was attributed for a continuation to inherit its source.
_CARRIES = frozenset({"sentence", "quote", "introduction", "neighbour", "continuation"})


@dataclass(slots=True)
class Claim:
    start: int
    end: int
    lang: str
    figures: list[Figure] = field(default_factory=list)
    assessed: list[FigureClaim] = field(default_factory=list)  # the figures with what they quantify
    attributions: list[Attribution] = field(default_factory=list)
    quote: Quote | None = None  # the quote this sentence sits in (mostly)
    table: Table | None = None
    is_row: bool = False
    attributed_by: str | None = None  # sentence | quote | introduction | neighbour | caption
    via: Attribution | None = None
    words: int = 0
    ends_colon: bool = False
    claim: bool = False

    @property
    def statistics(self) -> list[Figure]:
        """The figures that are claims worth a source (see :mod:`audit.sourcing.claims`)."""
        return [a.figure for a in self.assessed if a.claim]

    @property
    def valid_attributions(self) -> list[Attribution]:
        return [a for a in self.attributions if a.valid]

    @property
    def vague_attributions(self) -> list[Attribution]:
        return [a for a in self.attributions if a.vague]


@dataclass(slots=True)
class DocAnalysis:
    language: str
    claims: list[Claim]
    quotes: list[Quote]
    tables: list[Table]
    skipped_sentences: int = 0
    words: int = 0
    long_sentences_cut: int = 0  # sentences over MAX_UNIT_CHARS read in pieces (the work cap was hit)

    def sources(self) -> tuple[list[str], list[str], list[str]]:
        """Distinct named sources, outlets and documents, in order of first mention."""
        names: dict[str, str] = {}
        outlets: dict[str, str] = {}
        docs: dict[str, str] = {}
        seen_attr: set[int] = set()
        attrs: list[Attribution] = []
        for c in self.claims:
            for a in c.attributions:
                if id(a) not in seen_attr:
                    seen_attr.add(id(a))
                    attrs.append(a)
        for q in self.quotes:
            if q.speaker is not None and id(q.speaker) not in seen_attr:
                seen_attr.add(id(q.speaker))
                attrs.append(q.speaker)
        attrs.sort(key=lambda a: a.start)
        for a in attrs:
            if not a.valid or not a.source:
                continue
            key = _key(a.source)
            if a.source_kind == "outlet":
                outlets.setdefault(key, _display(a.source))
            elif a.source_kind == "named":
                names.setdefault(key, _display(a.source))
            elif a.source_kind == "document":
                docs.setdefault(key, _display(a.source))
            if a.outlet and a.source_kind != "outlet":
                outlets.setdefault(_key(a.outlet), _display(a.outlet))
        # A name that is also an outlet is listed as an outlet only; "Bee" and "Casillas" merge into
        # "Sacramento Bee" and "Yannina Casillas".
        for k in list(names):
            if k in outlets:
                del names[k]
        return _merge_short(names), _merge_short(outlets), list(docs.values())


def _merge_short(items: dict[str, str]) -> list[str]:
    keys = list(items)
    out = []
    for k in keys:
        if any(o != k and (o.endswith(" " + k) or o.startswith(k + " ")) and len(k.split()) == 1 for o in keys):
            continue
        out.append(items[k])
    return out


def _key(name: str) -> str:
    words = name.lower().replace("’", "'").split()
    while words and words[0] in ("the", "el", "la", "los", "las"):
        words = words[1:]
    return " ".join(words).removesuffix("'s")


def _display(name: str) -> str:
    words = " ".join(name.split()).strip(" ,.;:").removesuffix("’s").removesuffix("'s")
    for det in ("the ", "The ", "el ", "El ", "la ", "La "):
        if words.startswith(det) and len(words) > len(det):
            return words[len(det):]
    return words


_NAME = r"[A-ZÁÉÍÓÚÑ][\w’'.-]+(?:\s+(?:de\s+|del\s+|la\s+|van\s+|von\s+)?[A-ZÁÉÍÓÚÑ][\w’'.-]+)+"
_TAG_AFTER = re.compile(rf"\s*,?\s*([a-záéíóúñ]+(?:ed|ó|ió|aron|ieron))\s+(?:the\s+|el\s+|la\s+)?({_NAME})")
_TAG_BEFORE = re.compile(rf"({_NAME})\s+([a-záéíóúñ]+(?:ed|ó|ió))\s*[:,]\s*$")


def _generic_tag(text: str, q: Quote, lex: Lexicon) -> Attribution | None:
    """Any past-tense verb with a full name right after or before a quote: “…”, lamentó Juan García."""
    if q.closed:
        m = _TAG_AFTER.match(text, q.end, min(len(text), q.end + 120))
        if m:
            return Attribution(m.start(1), m.end(1), m.group(1), "verb", m.group(2), "named")
    m = _TAG_BEFORE.search(text, max(0, q.start - 120), q.start)
    if m:
        return Attribution(m.start(2), m.end(2), m.group(2), "verb", m.group(1), "named")
    return None


def _attach_speakers(
    text: str, masked: str, quotes: list[Quote], sentences, lex_for: Callable[[int], Lexicon | None]
) -> None:
    """Give each quote the attribution found around it (same sentence, or a neighbour)."""
    starts = [s.start for s in sentences]

    def sentence_index(offset: int) -> int:
        return max(0, bisect.bisect_right(starts, offset) - 1)

    for q in quotes:
        lex = lex_for(q.start)
        if lex is None:
            continue
        candidates: list[tuple[int, int]] = []
        i0, i1 = sentence_index(q.start), sentence_index(max(q.start, q.end - 1))
        # Text around the quote in its first and last sentences (quote interiors are masked).
        s0 = sentences[i0]
        candidates.append((s0.start, q.start + 1))
        s1 = sentences[i1]
        candidates.append((q.end - 1, max(q.end, s1.end)))
        # A following short tag sentence ("... ,” she said." split off) or the sentence after.
        if i1 + 1 < len(sentences) and sentences[i1 + 1].start - q.end < 4:
            nxt = sentences[i1 + 1]
            if nxt.end - nxt.start < 80:
                candidates.append((nxt.start, nxt.end))
        speaker = None
        for a, b in candidates:
            if b <= a:
                continue
            found = [x for x in find_attributions(masked, a, b, lex) if x.valid or x.vague]
            if found:
                # Prefer the cue nearest to the quote.
                speaker = min(found, key=lambda x: min(abs(x.start - q.start), abs(x.start - q.end)))
                break
        if speaker is None:
            speaker = _generic_tag(text, q, lex)
        if speaker is None and i0 > 0:
            prev = sentences[i0 - 1]
            prev_text = text[prev.start : prev.end].rstrip()
            if prev_text.endswith(":") or s0.start == q.start and prev_text.endswith(","):
                found = [x for x in find_attributions(masked, prev.start, prev.end, lex) if x.valid or x.vague]
                if found:
                    speaker = found[-1]
        if speaker is None:
            speaker = _context_speaker(text, masked, q, sentences, i0, i1)
        q.speaker = speaker


_ANAPHORIC_OPENER = re.compile(
    r"\s*(?:that|this|those|these|such|so|thus|eso|esto|esas?|esos?|así|con\s+(?:esas|estas)\s+palabras)\b", re.I
)
_PRONOUN_SUBJECT = re.compile(r"\b(?:he|she|él|ella)\b", re.I)


def _context_speaker(text: str, masked: str, q: Quote, sentences, i0: int, i1: int) -> Attribution | None:
    """The speaker of a quote that stands as its own sentence, introduced by the sentence before it
    (“Dr. Ana Ruiz has run the clinic since 2010. “We see 40 patients a day.”) or named by an anaphoric
    sentence right after it (“...” That was how Mayor Lee opened the meeting.), in the same paragraph."""
    s0, s1 = sentences[i0], sentences[i1]
    if i0 > 0 and not text[s0.start : q.start].strip():
        prev = sentences[i0 - 1]
        if "\n" not in text[prev.end : q.start]:
            who = _person_in(masked, prev.start, prev.end)
            if who is not None:
                return who
    if q.closed and not text[q.end : s1.end].strip(" .,;!?\t") and i1 + 1 < len(sentences):
        nxt = sentences[i1 + 1]
        if "\n" not in text[q.end : nxt.start] and _ANAPHORIC_OPENER.match(text, nxt.start):
            return _person_in(masked, nxt.start, nxt.end, pronoun=False)
    return None


def _person_in(text: str, start: int, end: int, pronoun: bool = True) -> Attribution | None:
    """A person named in ``text[start:end]`` (two or more capitalised words past the first word), or a
    he/she subject."""
    for m in re.finditer(r"[A-ZÁÉÍÓÚÑ][\w’'.-]*(?:\s+(?:de\s+|del\s+|la\s+)?[A-ZÁÉÍÓÚÑ][\w’'.-]*)+", text[start:end]):
        name = m.group(0)
        words = name.split()
        if m.start() == 0 and words[0] in _OPENERS:
            words = words[1:]
        if len(words) >= 2:
            return Attribution(start + m.start(), start + m.end(), "context", "context", " ".join(words), "named")
    if pronoun:
        p = _PRONOUN_SUBJECT.search(text, start, end)
        if p:
            return Attribution(p.start(), p.end(), "context", "context", p.group(0).lower(), "pronoun")
    return None


_OPENERS = frozenset(
    "The A An In On At It This That But And However So Then When While After Before Last El La Los Las Un Una "
    "En Pero Y Cuando Tras Después Antes".split()
)


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


def analyse(
    text: str,
    sentences,
    passages,
    lines,
    language_at: Callable[[int], str] | None = None,
    document_language: str = "und",
) -> DocAnalysis:
    """Analyse one document's sourcing (pure; offsets index ``text``)."""
    sentences, long_cut = split_long(text, sentences)
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
    others = [lg for lg in LEXICON_LANGUAGES if lg != doc_lang]
    mixed = any(lexicon(lg).stopword_re.search(text.lower()) for lg in others)
    if language_at is None and (doc_lang not in LEXICON_LANGUAGES or mixed):
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

    def lang_at(offset: int) -> str:
        lang = language_at(offset) if language_at else guessed_at(offset)
        if lang in ("und", "", None):
            lang = doc_lang
        return lang

    def lex_for(offset: int) -> Lexicon | None:
        lang = lang_at(offset)
        return lexicon(lang) if lang in LEXICON_LANGUAGES else None

    quotes = find_quotes(text, passages)
    quotes = [q for q in quotes if q.closed or q.paragraphs >= 2]
    masked = mask_quotes(text, quotes)
    _attach_speakers(text, masked, quotes, sentences, lex_for)
    tables = find_tables(text, lines)
    row_owner: dict[int, Table] = {}
    table_spans: list[tuple[int, int]] = []
    for t in tables:
        for r in t.rows:
            row_owner[r[0]] = t
        all_rows = t.rows
        table_spans.append((all_rows[0][0], all_rows[-1][1]) if all_rows else (0, 0))

    table_spans.sort()
    table_starts = [t[0] for t in table_spans]

    def in_table(a: int, b: int) -> bool:
        i = bisect.bisect_left(table_starts, b) - 1
        return i >= 0 and table_spans[i][1] > a

    quote_starts = [q.start for q in quotes]
    claims: list[Claim] = []
    skipped = 0
    words_total = len(text.split())
    units: list[tuple[int, int, Table | None]] = []
    for s in sentences:
        if in_table(s.start, s.end):
            continue
        units.append((s.start, s.end, None))
    for t in tables:
        for r in t.rows:
            if r != t.header:
                units.append((r[0], r[1], t))
    units.sort()
    for start, end, table in units:
        lex = lex_for(start)
        if lex is None:
            skipped += 1
            continue
        seg = text[start:end]
        c = Claim(start, end, lex.language, words=len(seg.split()), table=table, is_row=table is not None)
        c.ends_colon = seg.rstrip().endswith(":")
        c.figures = find_figures(text, start, end, cells=table is not None)
        c.assessed = assess(text, c.figures, start, end, table is not None)
        c.attributions = find_attributions(masked, start, end, lex)
        if c.figures and c.attributions:
            c.attributions = [a for a in c.attributions if not _other_clause(text, a, c)]
        k = max(0, bisect.bisect_right(quote_starts, start) - 1)
        for q in quotes[k:]:
            if q.start >= end:
                break
            if q.end <= start:
                continue
            s_in, e_in = q.inner
            if s_in <= start + 2 and end - 2 <= e_in or (q.start <= start + 1 and q.end >= end - 1):
                c.quote = q
                break
            if q.start >= start and q.end <= end and q.words >= 3:
                c.quote = q  # the sentence contains a whole quote
        claims.append(c)
    _decide(text, claims, tables)
    return DocAnalysis(doc_lang, claims, quotes, tables, skipped, words_total, long_cut)


_COORDINATION = re.compile(r"[,;]\s+(?:and|but|while|whereas|y|pero|mientras(?:\s+que)?)\s+", re.I)


def _other_clause(text: str, a: Attribution, c: Claim) -> bool:
    """A reporting verb whose subject opens a later coordinated clause says nothing about the figures
    before it: "Remittances hit $63 billion, and economists expect more growth"."""
    if a.kind != "verb" or not a.source:
        return False
    subject = text.rfind(a.source, c.start, a.start)
    last_figure = max(f.end for f in c.figures)
    if subject < 0 or last_figure > subject:
        return False  # inverted ("said Smith") or a figure inside the reported clause
    return bool(_COORDINATION.search(text, last_figure, subject + 1))


def _is_heading(text: str, c: Claim, next_start: int | None) -> bool:
    """A headline or subheading: a short line of its own, no closing punctuation, with body text after it."""
    if c.is_row or next_start is None:
        return False
    seg = text[c.start : c.end].rstrip()
    if c.words > 20 or seg[-1:] in ".!?:;,\"”»)" or "\n" in seg:
        return False
    before = text[max(0, c.start - 1) : c.start]
    after = text[c.end : next_start]
    return (c.start == 0 or before == "\n") and "\n" in after


def _is_claim(text: str, c: Claim) -> bool:
    if c.is_row:
        return bool(c.statistics)
    seg = text[c.start : c.end].strip()
    if c.words < 6 or seg.endswith("?") or c.ends_colon:
        return bool(c.statistics) and c.words >= 3
    return bool(c.statistics or c.attributions or c.quote or _CAP_INSIDE.search(seg))


def _decide(text: str, claims: list[Claim], tables: list[Table]) -> None:
    table_sourced: dict[int, Attribution | bool] = {}
    for t in tables:
        sourced = False
        for a, b in t.captions + ([t.header] if t.header else []):
            if has_source_line(text[a:b]):
                sourced = True
        if not sourced and t.captions and t.rows:
            sourced = any(_caption_attributed(text, x, t) for x in claims if not x.is_row)
        table_sourced[id(t)] = sourced
    for i, c in enumerate(claims):
        if _is_heading(text, c, claims[i + 1].start if i + 1 < len(claims) else None):
            c.claim = False
            c.attributed_by = "heading"  # a headline's claim is the article's: judged in the body
            continue
        c.claim = _is_claim(text, c)
        if c.is_row:
            if table_sourced.get(id(c.table)):
                c.attributed_by = "caption"
            elif has_source_line(text[c.start : c.end]):
                c.attributed_by = "sentence"
            continue
        valid = c.valid_attributions
        if valid:
            c.attributed_by, c.via = "sentence", valid[0]
            continue
        if c.quote is not None and c.quote.speaker is not None and c.quote.speaker.valid:
            c.attributed_by, c.via = "quote", c.quote.speaker
            continue
        # Introduced with a colon, possibly across list items.
        j = i - 1
        while j >= 0 and _LIST_ITEM.match(text, claims[j].start) and not claims[j].ends_colon:
            j -= 1
        if j >= 0 and claims[j].ends_colon and (j == i - 1 or _LIST_ITEM.match(text, c.start)):
            intro = claims[j]
            if intro.valid_attributions:
                c.attributed_by, c.via = "introduction", intro.valid_attributions[0]
                continue
            if _DOC_MENTION.search(text, intro.start, intro.end):
                c.attributed_by = "introduction"  # "Key findings from the report:"
                continue
        # The next sentence of the same paragraph is an attribution tag.
        if i + 1 < len(claims):
            nxt = claims[i + 1]
            same_para = "\n" not in text[c.end : nxt.start]
            if same_para and nxt.valid_attributions and (
                _TAG_START.match(text, nxt.start) or (nxt.words <= 8 and _is_tag(text, nxt))
            ):
                c.attributed_by, c.via = "neighbour", nxt.valid_attributions[0]
                continue
            if same_para and c.figures and (via := _source_statement(text, nxt)) is not None:
                c.attributed_by, c.via = "neighbour", via
                continue
            if same_para and c.figures and nxt.figures and (via := _trailing_tag(text, nxt)) is not None:
                # Wire style: a lede figure, then more figures closed by the tag that sources both
                # ("Rates climbed to 7.1%. The 15-year rate rose to 6.4%, Freddie Mac said Thursday.").
                c.attributed_by, c.via = "neighbour", via
                continue
        # A continuation: the previous sentence of the same paragraph is attributed and this one
        # carries on its report, with more figures ("Shootings fell 22%, according to the police
        # report. Homicides dropped to 573.") or an anaphoric opener ("That was up 31%", "It also
        # found", "La cifra supone..."). Its own weasel or agentless cue keeps it unattributed.
        if i > 0 and c.figures and not any(a.vague or a.kind == "passive" for a in c.attributions):
            prev = claims[i - 1]
            if (
                prev.attributed_by in _CARRIES
                and "\n" not in text[prev.end : c.start]
                and (prev.figures or _CONTINUE_START.match(text, c.start))
                and (c.quote is None or c.quote is prev.quote)
            ):
                c.attributed_by, c.via = "continuation", prev.via
                continue


def _caption_attributed(text: str, c: Claim, t: Table) -> bool:
    """``c`` is the table's title or note line and names its source ("Median prices, according to
    Zillow:" just above the table, or "Figures from the Census Bureau." just below it)."""
    if not c.valid_attributions or c.words > 25:
        return False
    # The line must be this one sentence (a title or note), not the tail of a prose paragraph.
    above = any(a == c.start and c.end >= b - 1 for a, b in t.captions if b <= t.rows[0][0])
    below = any(a == c.start and c.end >= b - 1 for a, b in t.captions if a >= t.rows[-1][1])
    if above:
        return c.ends_colon or any(x.kind in ("cue", "evidence") for x in c.valid_attributions)
    return below and any(x.kind == "cue" for x in c.valid_attributions)


def _trailing_tag(text: str, c: Claim) -> Attribution | None:
    """The attribution that closes ``c`` as a tag: "…, Freddie Mac said Thursday." (not "Economists
    had expected 104.", whose speaker opens the sentence)."""
    if not c.valid_attributions:
        return None
    a = c.valid_attributions[-1]
    if a.kind not in ("verb", "evidence") or a.cue.lower() not in _TAG_VERBS or a.source_kind == "pronoun":
        return None
    if len(text[a.end : c.end].split()) > 3:
        return None
    head = text[c.start : a.start]
    comma = head.rfind(",")
    if comma < 0 or len(head[comma + 1 :].split()) > 6:
        return None
    return a


def _source_statement(text: str, c: Claim) -> Attribution | None:
    """"The figures come from the Office for National Statistics.": the source of the sentence before."""
    m = _SOURCE_STATEMENT.match(text, c.start, c.end)
    if not m:
        return None
    if c.valid_attributions:
        return c.valid_attributions[0]
    rest = text[m.end() : c.end]
    src = rest.strip(" .;:").removeprefix("from ").removeprefix("de ").removeprefix("del ").strip()
    if not re.search(r"[A-ZÁÉÍÓÚÑ]", src) and not _DOC_MENTION.search(" " + rest):
        return None  # "The figures are from last year."
    return Attribution(m.start(), m.end(), m.group(0).strip(), "cue", src[:80], "named")


def _is_tag(text: str, c: Claim) -> bool:
    """A short sentence that is only an attribution: "the agency said.", "So says the census." """
    a = c.valid_attributions[-1]
    if a.kind == "verb" and a.cue.lower() not in _TAG_VERBS:
        return False  # "Police Chief Eric Long credited new patrols." comments, it does not source
    if re.match(r"\s*(?:,\s*)?(?:(?:además|también|also)\s+)?(?:that|que)\b", text[a.end : c.end], re.I):
        return False  # "Añadió que 300 familias...": it reports its own content
    return len(text[a.end : c.end].split()) <= 2 or len(text[c.start : a.start].split()) <= 1


_TAG_VERBS = frozenset(
    "said says say told reported reports wrote writes added adds noted notes stated explained according "
    "dijo dice dicen informó informa señaló agregó añadió explicó indicó afirmó precisó declaró".split()
)
