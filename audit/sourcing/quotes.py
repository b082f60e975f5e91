"""Direct quotations: “...”, "...", «...», including quotes that run over several paragraphs (each
continued paragraph opens with a quote mark and only the last one closes it).

:func:`find_quotes` finds them; :func:`mask_quotes` blanks their insides so that attribution cues
are looked for around quotes, not in them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from audit.sourcing.attribution import Attribution

_OPEN = {"“": "”", "«": "»", '"': '"', "„": "“"}
_CLOSE = {"”", "»", '"'}
_QUOTE_CHAR = re.compile(r'[“”«»"„]')


@dataclass(slots=True)
class Quote:
    start: int  # the opening mark
    end: int  # after the closing mark (or the end of the last paragraph when unclosed)
    words: int
    closed: bool
    paragraphs: int = 1
    speaker: Attribution | None = None

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1 if self.closed else self.end


def _scan_paragraph(text: str, start: int, end: int, open_at: int | None) -> tuple[list[tuple[int, int]], int | None]:
    """Quote spans closed in ``text[start:end]``; ``open_at`` is a quote still open at ``start``.

    Returns the closed spans and the position of a quote left open at the paragraph end.
    """
    spans: list[tuple[int, int]] = []
    cur = open_at
    closer = "”" if open_at is not None else None
    if open_at is not None and text[open_at] in _OPEN:
        closer = _OPEN[text[open_at]]
    for m in _QUOTE_CHAR.finditer(text, start, end):
        i, ch = m.start(), m.group(0)
        if cur is None:
            if ch in _OPEN:
                if ch == '"' and (i + 1 >= end or text[i + 1] in " \t\n") and i > start and not text[i - 1].isspace():
                    continue  # a closing mark with no opening one (5'10", or a quote opened in an earlier paragraph)
                cur, closer = i, _OPEN[ch]
        elif ch == closer or (ch in _CLOSE and closer != '"' and ch != '"'):
            spans.append((cur, i + 1))
            cur, closer = None, None
    return spans, cur


def find_quotes(text: str, passages) -> list[Quote]:
    """Direct quotations in ``text``; ``passages`` are paragraph spans in order."""
    out: list[Quote] = []
    marks = [m.start() for m in _QUOTE_CHAR.finditer(text)]
    if not marks:
        return out
    pending: int | None = None  # start of a quote continued from the previous paragraph
    pending_paras = 0
    n = len(passages)
    for idx, p in enumerate(passages):
        para_start = p.start
        if pending is None:
            k = bisect_left(marks, para_start)
            if k == len(marks) or marks[k] >= p.end:
                continue  # no quote mark: nothing opens or closes here (what _scan_paragraph would find)
        else:
            first = text[p.start] if p.start < len(text) else ""
            if first in '“«"':
                # A continued quote: this paragraph re-opens it.
                spans, still_open = _scan_paragraph(text, p.start + 1, p.end, pending)
                pending_paras += 1
                if spans:
                    s0, e0 = spans[0]
                    out.append(_quote(text, pending, e0, True, pending_paras))
                    for s, e in spans[1:]:
                        out.append(_quote(text, s, e, True))
                    pending = None
                    pending_paras = 0
                    if still_open is not None:
                        pending, pending_paras = still_open, 1
                else:
                    pending = pending if still_open is not None else None
                continue
            # The quote never closed: keep it only if it ran over several paragraphs.
            if pending_paras >= 2:
                out.append(_quote(text, pending, passages[idx - 1].end, False, pending_paras))
            pending, pending_paras = None, 0
        spans, still_open = _scan_paragraph(text, para_start, p.end, None)
        for s, e in spans:
            out.append(_quote(text, s, e, True))
        if still_open is not None:
            pending, pending_paras = still_open, 1
    if pending is not None and pending_paras >= 2 and n:
        out.append(_quote(text, pending, passages[-1].end, False, pending_paras))
    out.sort(key=lambda q: q.start)
    return out


def _quote(text: str, start: int, end: int, closed: bool, paragraphs: int = 1) -> Quote:
    inner = text[start + 1 : end - 1 if closed else end]
    return Quote(start, end, len(inner.split()), closed, paragraphs)


_NOT_NEWLINE = re.compile(r"[^\n]")


def mask_quotes(text: str, quotes: list[Quote]) -> str:
    """``text`` with the inside of every quote blanked (same length, offsets preserved)."""
    if not quotes:
        return text
    parts = []
    pos = 0
    for q in quotes:
        s, e = q.inner
        if s < pos:
            continue
        parts.append(text[pos:s])
        inner = text[s:e]
        parts.append(_NOT_NEWLINE.sub(" ", inner) if "\n" in inner else " " * len(inner))
        pos = e
    parts.append(text[pos:])
    return "".join(parts)
