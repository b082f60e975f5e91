"""Passage units of a document for passage reuse: its paragraphs, and sentence windows of paragraph size
for documents without paragraphs (hard-wrapped wire text, single blocks); and what kind of text a passage
is (prose, a quotation)."""

from __future__ import annotations

import re
import string
from typing import Callable, Iterable, Sequence

from audit import segment
from audit.model import Span

#: A line that starts an indented paragraph inside a block (hard-wrapped wire text: "\n    The ...").
_INDENT = re.compile(r"\n(?:[ \t]{2,}|\t)(?=\S)")


def _is_wire(text: str) -> bool:
    """Hard-wrapped text whose paragraphs start with an indented line (wire stories), no blank lines."""
    return "\n\n" not in text and len(_INDENT.findall(text, 0, 20_000)) >= 2


def document_units(text: str, passages: Callable[[], Iterable[Span]], window_words: int) -> list[Span]:
    """:func:`units` of a whole document, asking for its paragraphs (``passages()``, the paragraph
    layout) only when they are used: a wire story is cut at its indented lines instead, so its layout
    is never computed for it."""
    if window_words > 0 and _is_wire(text):
        return [Span(a, b) for a, b in unit_bounds(text, ((0, len(text)),), window_words, wire=True)]
    return [Span(a, b) for a, b in _unit_bounds(text, passages(), window_words, spans=True)]


def document_unit_bounds(
    text: str, passage_bounds: Callable[[], Iterable[tuple[int, int]]], window_words: int
) -> list[tuple[int, int]]:
    """:func:`document_units` as (start, end) pairs, from the paragraphs as (start, end) pairs
    (``passage_bounds()``: e.g. :attr:`audit.text.TextLayer.passage_bounds`)."""
    if window_words > 0 and _is_wire(text):
        return unit_bounds(text, ((0, len(text)),), window_words, wire=True)
    return _unit_bounds(text, passage_bounds(), window_words, spans=False)


def units(text: str, passages: Iterable[Span], window_words: int) -> list[Span]:
    """The passages duplicates are indexed and verified by. A paragraph is a unit; a block with indented
    paragraph starts (hard-wrapped wire stories, one block with no blank lines) is cut at them; a
    block still longer than ``window_words`` words is cut into windows of whole sentences of about
    half that size, so text pasted inside it is found with its own span. ``window_words`` 0: no cuts."""
    if window_words <= 0:
        return list(passages)
    return [Span(a, b) for a, b in unit_bounds(text, ((p.start, p.end) for p in passages), window_words)]


def unit_bounds(
    text: str, passages: Iterable[tuple[int, int]], window_words: int, wire: bool | None = None
) -> list[tuple[int, int]]:
    """:func:`units` of (start, end) pairs, as (start, end) pairs (``window_words`` > 0; ``wire``:
    :func:`_is_wire` of ``text`` when the caller knows it)."""
    if wire is None:
        wire = _is_wire(text)
    if wire:
        # Hard-wrapped text whose paragraphs start with an indented line (wire stories): the
        # paragraphs are the indented pieces, whatever the lines look like (a table of figures
        # above a paragraph makes the segmenter split every line).
        passages = ((0, len(text)),)
    return _unit_bounds(text, passages, window_words, spans=False)


def _unit_bounds(text: str, passages: Iterable, window_words: int, spans: bool) -> list[tuple[int, int]]:
    """:func:`unit_bounds` of ``passages``: (start, end) pairs, or spans (``.start``, ``.end``) when
    ``spans``. Most passages (a line, a short paragraph) are units as they are: they cost one length
    test and one ``find``; a piece already without surrounding white space is not copied to strip it."""
    out: list[tuple[int, int]] = []
    append = out.append
    short = 4 * window_words
    # A piece of at most this many characters has at most window_words words (a word and a space each).
    few = 2 * window_words - 1
    find = text.find
    for p in passages:
        start, end = (p.start, p.end) if spans else p
        if end - start < short and find("\n", start, end) < 0:
            append((start, end))
            continue
        if find("\n", start, end) < 0:
            cuts: Sequence[int] = (start, end)  # one line: no indented line starts inside it
        else:
            cuts = [start, *[m.start() + 1 for m in _INDENT.finditer(text, start, end)], end]
        for k in range(len(cuts) - 1):
            a, b = cuts[k], cuts[k + 1]
            if a < b and not text[a].isspace() and not text[b - 1].isspace():
                s, e = a, b  # str.strip would remove nothing
            else:
                body = text[a:b].lstrip()
                if not body:
                    continue
                s = b - len(body)
                e = s + len(body.rstrip())
            # More than window_words words when splitting off window_words of them leaves a rest.
            if e - s <= few or len(text[s:e].split(None, window_words)) <= window_words:
                append((s, e))
            else:
                out.extend(_window_bounds(text, s, e, window_words // 2))
    return out


def _trim(text: str, a: int, b: int) -> Span | None:
    piece = text[a:b].lstrip()
    if not piece:
        return None
    start = b - len(piece)
    return Span(start, start + len(piece.rstrip()))


def _windows(text: str, span: Span, target: int) -> list[Span]:
    """Consecutive sentences of ``span`` grouped to about ``target`` words each (the last group may be
    shorter; a sentence longer than ``target`` is a window of its own)."""
    return [Span(a, b) for a, b in _window_bounds(text, span.start, span.end, target)]


def _window_bounds(text: str, s0: int, e0: int, target: int) -> list[tuple[int, int]]:
    """:func:`_windows` of ``text[s0:e0]`` as (start, end) pairs."""
    piece = text[s0:e0]
    if target >= 2 and "\n" not in piece and not _OTHER_STOPS.search(piece):
        return [(s0 + a, s0 + b) for a, b in _line_windows(piece, target)]
    groups: list[tuple[int, int]] = []
    start = None
    words = 0
    # A piece of one line (most: a long paragraph line of a page or an article) is one passage of its own
    # layout (the piece is stripped), so its sentences need no layout.
    sents = segment.split_sentences(piece, (Span(0, len(piece)),)) if "\n" not in piece else segment.sentences(piece)
    for sent in sents:
        a, b = sent.start, sent.end
        if start is None:
            start = a
        words += len(piece[a:b].split())
        if words >= target:
            groups.append((start, b))
            start, words = None, 0
    if start is not None:
        if groups and words < target // 3:
            groups[-1] = (groups[-1][0], e0 - s0)  # a short tail joins the window before it
        else:
            groups.append((start, e0 - s0))
    out = []
    for a, b in groups:
        if a < b and not piece[a].isspace() and not piece[b - 1].isspace():
            out.append((s0 + a, s0 + b))  # str.strip would remove nothing
            continue
        body = piece[a:b].lstrip()
        if body:
            s = b - len(body)
            out.append((s0 + s, s0 + s + len(body.rstrip())))
    return out


#: Sentence stops of other scripts (:data:`audit.segment._SENT_END`'s second branch): a sentence may end
#: there without white space after it.
_OTHER_STOPS = re.compile(
    "[\u3002\uff0e\uff01\uff1f\uff61\u0964\u0965\u061f\u06d4\u0589\u1362\u104b\u0f0d\u0f0e\u17d4\u17d5\u1803]"
)
#: ``n`` words (runs of non-space) and the white space after each, from a word's start.
_SKIP: dict[int, re.Pattern] = {}


def _skip(n: int) -> re.Pattern:
    pattern = _SKIP.get(n)
    if pattern is None:
        pattern = _SKIP[n] = re.compile(r"(?:\S+\s+)" + f"{{{n}}}")
    return pattern


def _line_windows(piece: str, target: int) -> list[tuple[int, int]]:
    """:func:`_window_bounds` of a stripped piece of one line without sentence stops of other scripts
    (``target`` >= 2), finding only the sentence ends that close a window.

    There every sentence end (:func:`audit.segment._sentence_cut`) lies at the end of a word (a run of
    non-space) followed by white space, and the next sentence starts at the next word; so the sentences
    share out the piece's words, and a window closes at the first sentence end after its ``target``-th
    word: at the end of word ``target`` or later, that is after the start of that word. A match of the
    sentence-end pattern ends inside one word after the one it starts in (``fin. »``: a space and a
    closing guillemet belong to it), and no match crosses the start of a word any other way; so scanning
    from the start of word ``target - 1`` finds every sentence end that can close the window, with the
    matches a scan from the window's start would find there. The last window is what follows the last
    close (joined to the window before it when it has under a third of ``target`` words), as in
    :func:`_window_bounds`."""
    n = len(piece)
    groups: list[tuple[int, int]] = []
    before, one = _skip(target - 2), _skip(1)
    finditer, cut_of = segment._SENT_END.finditer, segment._sentence_cut
    pos = 0  # the window's first word
    while True:
        m = before.match(piece, pos)
        last = one.match(piece, m.end()) if m is not None else None
        if m is None or last is None:
            break  # under target words left: no sentence end closes a window
        close = None
        for sm in finditer(piece, m.end()):
            nxt = sm.end()
            if nxt >= n:
                break
            cut = cut_of(piece, sm, nxt)
            if cut > last.end():  # a sentence end at the end of word target or later (a cut is never a word start)
                close = (cut, nxt)
                break
        if close is None:
            break
        groups.append((pos, close[0]))
        pos = close[1]
    words = len(piece[pos:].split())
    if groups and words < target // 3:
        groups[-1] = (groups[-1][0], n)
    else:
        groups.append((pos, n))
    return groups


_OPEN_QUOTES = frozenset("\"\u201c\u201e\u00ab\u2018\u201a\u2039\u300c\u300e'")


def is_quotation(text: str, span: tuple[int, int], max_words: int) -> bool:
    """Is ``text[span]`` a short quotation: opened by a quotation mark (at its start or just before it)
    and at most ``max_words`` words long?"""
    s, e = span
    seg = text[s:e].lstrip()
    before = text[max(0, s - 3) : s].strip()
    quoted = seg[:1] in _OPEN_QUOTES or (bool(before) and before[-1] in _OPEN_QUOTES)
    return quoted and len(seg.split()) <= max_words


def is_prose(text: str, start: int = 0, end: int | None = None, *, cut_lines: bool = False) -> bool:
    """Does a copied region (``text[start:end]``) read as running prose, not page furniture? Furniture is mostly
    short lines (menus, share bars: "About us", "Reply", "Follow Us") or mostly non-letters (widget code, tables).
    ``cut_lines``: the region is a run of shared words that may start or end inside a line; a line it cuts is left
    out of the short-line count (a run starting on the last word of a paragraph is no menu line)."""
    if end is None:
        end = len(text)
    head = text[start : min(end, start + 2000)]
    # ASCII letters and white space deleted: what is left over-counts the characters that are not letters, so
    # a region that passes here passes the exact count too.
    if len(head.translate(_LETTERS_GONE)) > 0.2 * len(head):
        if sum(ch.isalpha() or ch.isspace() for ch in head) < 0.8 * len(head):
            return False
    if text.count("\n", start, end) < 2:
        return True  # fewer than three lines
    lines = text[start:end].split("\n")
    if cut_lines:
        if start > 0 and text[start - 1] != "\n":
            lines = lines[1:]
        if end < len(text) and text[end] != "\n":
            lines = lines[:-1]
    lines = [ln for ln in lines if ln.strip()]
    return not (len(lines) >= 3 and sum(len(ln.split()) <= 3 for ln in lines) > 0.3 * len(lines))


#: ASCII letters and white space, deleted by ``str.translate`` (:func:`is_prose`).
_LETTERS_GONE = str.maketrans("", "", string.ascii_letters + string.whitespace)
