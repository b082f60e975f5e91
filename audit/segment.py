"""Segmentation shared by every check: lines, passages and sentences as spans.

All offsets index the original text (``text[span.start:span.end]``); nothing is
normalised. Passages are the logical paragraphs of :mod:`audit.layout`:
paragraphs separated by blank lines or indentation, with hard-wrapped lines
joined; elsewhere each line is its own passage.

Sentences are split with rules that work for English and Spanish (and other
Latin-script languages): a sentence ends at ``.``, ``!``, ``?`` or ``…``
(optionally followed by closing quotes or brackets) when whitespace and a
plausible sentence start follow, and not after a known abbreviation, an initial
or inside a number.
"""

from __future__ import annotations

import re
from functools import lru_cache

from audit.layout import layout, line_bounds
from audit.model import Span

# Abbreviations after which a period does not end a sentence (lower-cased, without dot).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft sgt lt col gen gov sen rep rev capt cmdr adm maj cpl pvt supt insp det
    pres atty asst assoc dept univ inc ltd co corp bros vs etc al approx est no nos vol fig figs pp ed eds
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
    ave blvd rd hwy calif ariz colo conn fla ill ind kan mass mich minn miss nev okla ore penn tenn tex va wash wis
    e.g i.e u.s u.k u.n a.m p.m d.c
    sra srta dra lic ing arq av avda pág págs núm tel ud uds vd vds cía admón aprox
    """.split()
)

#: Those of :data:`ABBREVIATIONS` that stand before what they qualify (a title before a name, "e.g." before an
#: example, "No." before a number) and so never end a sentence: a ".." after one is a stray full stop ("Gov.. Ron").
PREFIX_ABBREVIATIONS = ABBREVIATIONS & frozenset(
    "mr mrs ms dr prof sgt lt col gen gov sen rep rev capt cmdr adm maj cpl pvt supt insp det pres atty asst assoc "
    "vs e.g i.e approx no nos vol fig figs pp sra srta dra lic ing arq av avda pág págs núm".split()
)

# French typography sets guillemets off with a (no-break) space: "… alimentaire. » Her …".
# The leading lookahead (implied by both branches) lets the regex engine skip to candidate characters
# instead of trying the lookbehind at every position (same matches, about 2.5x faster).
_SENT_END = re.compile(
    r"""(?=[.!?…。．！？｡।॥؟۔։።။།༎។៕᠃])"""
    r"""(?:(?<![.!?…])([.!?…]+)((?:[ \u00a0\u202f]?»)?["'”’»)\]]*)(\s+)"""
    # Full stops of other scripts; CJK sentences follow each other without a space.
    r"""|([。．！？｡।॥؟۔։።။།༎។៕᠃]+)([」』”’)]*)(\s*))"""
)
_NEXT_START = re.compile(r"""(?:«[ \u00a0\u202f]?)?["'“‘«(\[¿¡「『]*[\w]""")


def lines(text: str) -> list[Span]:
    """Non-empty lines, without their trailing newline or surrounding whitespace."""
    return [Span(s, e) for s, e in line_bounds(text)]


def _strip(text: str, start: int, end: int) -> Span | None:
    """``text[start:end]`` without surrounding whitespace (``str.strip``), or None when nothing is left."""
    if start < end and not text[start].isspace() and not text[end - 1].isspace():
        return Span(start, end)  # nothing to strip (most sentences: no copy of the piece)
    piece = text[start:end]
    body = piece.lstrip()
    if not body:
        return None
    start += len(piece) - len(body)
    return Span(start, start + len(body.rstrip()))


@lru_cache(maxsize=64)
def passages(text: str) -> tuple[Span, ...]:
    """Paragraph-level passages with offsets into ``text``: the logical paragraphs of
    :func:`audit.layout.layout` (hard-wrapped lines joined, one passage per line elsewhere)."""
    return tuple(p.span for p in layout(text).paragraphs)


_ASCII_LETTERS_DOT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ."


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the period at ``text[dot]`` part of an abbreviation, initial or number?"""
    # The run of letters and periods before the dot: ASCII ones found by rstrip over a short window, then
    # one character at a time past a non-ASCII letter or the window's start.
    lo = dot - 48 if dot > 48 else 0
    j = lo + len(text[lo:dot].rstrip(_ASCII_LETTERS_DOT))
    if j > 0 and (j == lo or not text[j - 1].isascii()):
        while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
            j -= 1
    word = text[j:dot].lower()
    if not word:
        return dot > 0 and text[dot - 1].isdigit() and dot + 1 < len(text) and text[dot + 1].isdigit()
    if word in ABBREVIATIONS or word.rstrip(".") in ABBREVIATIONS:
        return True
    # Single initials ("J. Smith") and dotted acronyms ("U.S.", "a.m.").
    if len(word) == 1 and word.isalpha() and text[j].isupper():
        return True
    if "." in word and all(len(p) <= 2 for p in word.split(".") if p):
        return True
    return False


@lru_cache(maxsize=64)
def sentences(text: str) -> tuple[Span, ...]:
    """Sentences within passages, with offsets into ``text``."""
    return split_sentences(text, passages(text))


def split_sentences(text: str, spans) -> tuple[Span, ...]:
    """The sentences of each span of ``spans`` (sorted, disjoint, separated by whitespace only, as
    passages are), with offsets into ``text``.

    One :data:`_SENT_END` pass over the whole stretch instead of one per passage gives the same matches:
    a match starts on sentence punctuation, never in the whitespace between passages, and a match that
    runs past the end of its passage ends that passage's splitting as a match reaching its end would
    (what it covers beyond is whitespace and closing quotes, where no match can start).
    """
    if not spans:
        return ()
    out: list[Span] = []
    matches = _SENT_END.finditer(text, spans[0].start, spans[-1].end)
    m = next(matches, None)
    for p in spans:
        start, end = p.start, p.end
        while m is not None and m.start() < start:
            m = next(matches, None)
        pos = start
        while m is not None and m.start() < end:
            nxt = m.end()
            if nxt >= end:
                break
            cut = _sentence_cut(text, m, nxt)
            m = next(matches, None)
            if cut:
                span = _strip(text, pos, cut)
                if span is not None:
                    out.append(span)
                pos = nxt
        if pos == start < end and isinstance(p, Span) and not text[start].isspace() and not text[end - 1].isspace():
            out.append(p)  # the whole passage, nothing to strip: the same span (spans are immutable)
            continue
        span = _strip(text, pos, end)
        if span is not None:
            out.append(span)
    return tuple(out)


def _sentence_cut(text: str, m: re.Match, nxt: int) -> int:
    """Where the sentence ends if the punctuation matched by ``m`` ends one (0: it does not)."""
    if not _NEXT_START.match(text, nxt):
        return 0
    if m.group(1) == ".":
        dot = m.start(1)
        if _is_abbreviation(text, dot):
            # "U.S. The Department" still ends a sentence when a capitalised
            # function word follows; plain abbreviations do not.
            follower = _FOLLOWER.match(text, nxt, nxt + 20)
            if not (follower and follower.group(0) in _SENTENCE_OPENERS and dot > 0 and text[dot - 1].isupper()):
                return 0
    first = text[nxt : nxt + 1]
    if first.isalpha() and first.islower():
        return 0  # "approx. five", "“Is it?” she asked": a lower-case continuation
    return m.end(2) if m.group(1) is not None else m.end(5)


_FOLLOWER = re.compile(r"\w+")
_SENTENCE_OPENERS = frozenset(
    "The A An In On At It He She They We This That These Those But And However El La Los Las Un Una En".split()
)


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
