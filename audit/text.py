"""The shared per-document text layer: words, lines, sentences, passages and the exact key, computed once.

Every check that looks at one document reaches this through ``ctx.layer`` (:class:`audit.rules.DocContext`);
each part is computed lazily on first use and cached, so a check that needs nothing pays nothing and two
checks that need the same words tokenise once.

**One definition of a word** for the package: :data:`WORD_RE` -- a run of letters and digits with their
combining marks (``[^\\W_]``; Indic vowel signs and viramas, Arabic and Hebrew points stay inside the word),
apostrophes inside a word (``don't``, ``l’eau``), and one token per character of the scripts written
without spaces (Han, kana, Thai, Lao, Myanmar, Khmer). Underscores and punctuation separate words.
:func:`words` and :class:`TextLayer` use it; the hashing of the duplicates family (``audit.minhash``) works
on UTF-8 bytes and splits at apostrophes too (see ``docs/perf.md``), which only changes shingles, never a
check's word counts.

Costs: the words and their offsets come from one regex ``split`` pass (ASCII text takes an ASCII-only
pattern with the same matches, about twice as fast); lower-case forms from one ``str.lower`` over the
joined words (no per-word call); per-line and per-span word counts from two ``searchsorted`` calls.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import cached_property

import numpy as np

from audit import segment
from audit.chars import DENSE_SCRIPT
from audit.layout import Layout, line_bounds, lines_are_paragraphs
from audit.layout import build as build_layout
from audit.model import Span

#: Scripts written without spaces between words (:data:`audit.chars.DENSE_SCRIPT`: Han, kana, Thai, Lao,
#: Myanmar, Khmer). Each of their characters counts as a word token (a whitespace count would make a
#: Chinese article "empty").
DENSE_RE = re.compile(f"[{DENSE_SCRIPT}]")
#: Combining marks (not "alphanumeric" to Python's ``\\w``): Indic vowel signs and viramas, Arabic and
#: Hebrew points, Latin combining accents. Without them a Hindi word splits at every vowel sign.
MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0900-\u0dff\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
)
_WORD = f"[^\\W_{DENSE_SCRIPT}]+(?:[{MARKS}]+[^\\W_{DENSE_SCRIPT}]*)*"
#: Word tokens (letters with their combining marks, digits, apostrophes inside words; one token per
#: character of a dense script).
WORD_RE = re.compile(f"[{DENSE_SCRIPT}]|{_WORD}(?:['’]{_WORD})*")

#: :data:`WORD_RE` on ASCII text (same matches, about twice as fast).
ASCII_WORD_RE = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*")
_SPLIT = re.compile(f"({WORD_RE.pattern})")
_ASCII_SPLIT = re.compile(f"({ASCII_WORD_RE.pattern})")

#: Classes of :func:`_array_tokens`: a character a word is made of (``[^\\W_]`` less the dense scripts),
#: an apostrophe (joins two runs of those), anything else, and a character the array rule does not
#: cover (combining marks, dense scripts: the text takes the regex).
_OTHER, _WORDCHAR, _APOSTROPHE, _SPECIAL = 0, 1, 2, 3
_CLASS_RUNS = (
    (re.compile(f"[^\\W_{DENSE_SCRIPT}]+"), _WORDCHAR),
    (re.compile("['’]+"), _APOSTROPHE),
    (re.compile(f"[{MARKS}{DENSE_SCRIPT}]+"), _SPECIAL),  # last: a letter inside the marks' ranges too
)
#: Texts shorter than this take the regex (the array set-up costs more than it saves).
_ARRAY_MIN = 1000


class CharClasses:
    """The class code of every character of a text, read off regular expressions: ``runs`` are
    ``(pattern, code)`` pairs applied in order (a later match wins), ``default`` is the code of the other
    characters. ASCII and BMP code points go through tables (the BMP one built on first use, a few
    milliseconds), the rest through the patterns themselves."""

    def __init__(self, runs: tuple[tuple[re.Pattern[str], int], ...], default: int = 0) -> None:
        self._runs = runs
        self._default = default
        self.ascii = self.table("".join(map(chr, range(128))))
        self._bmp: np.ndarray | None = None

    def table(self, chars: str) -> np.ndarray:
        """The class of each character of ``chars``."""
        table = np.full(len(chars), self._default, dtype=np.uint8)
        for rx, code in self._runs:
            for m in rx.finditer(chars):
                table[m.start() : m.end()] = code
        return table

    def bmp(self) -> np.ndarray:
        """:meth:`table` of every code point below U+10000."""
        if self._bmp is None:
            self._bmp = self.table("".join(map(chr, range(0x10000))))
        return self._bmp

    def of(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """``(code points, classes)`` of ``text``: the code points as uint8 for an ASCII text, else uint32."""
        if text.isascii():
            cp = np.frombuffer(text.encode("ascii"), dtype=np.uint8)
            return cp, self.ascii[cp]
        cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        cls = self.bmp().take(cp, mode="clip")
        astral = np.flatnonzero(cp > 0xFFFF)
        if astral.size:
            cls[astral] = self.table("".join(text[i] for i in astral.tolist()))
        return cp, cls


#: :func:`_array_tokens`' classes, read off the patterns themselves.
_CLASSES = CharClasses(_CLASS_RUNS, _OTHER)


def _array_tokens(text: str) -> tuple[list[str], np.ndarray, np.ndarray] | None:
    """The words of :data:`WORD_RE` with their offsets, from the characters' classes, or None for a text
    with a combining mark or a character of a dense script (the regex's other branches).

    Without those, a word of :data:`WORD_RE` is a run of word characters in which an apostrophe stands
    only between two word characters: its characters are the word characters and the apostrophes with
    a word character on both sides, and each maximal run of them is one word."""
    cp, cls = _CLASSES.of(text)
    ascii = cp.dtype == np.uint8
    if not ascii and (cls == _SPECIAL).any():
        return None
    inside = cls == _WORDCHAR
    apostrophe = cls == _APOSTROPHE
    if apostrophe.any():
        inside[1:-1] |= apostrophe[1:-1] & inside[:-2] & inside[2:]
    edges = np.diff(inside.view(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)
    # the words themselves: every other character blanked out, then one str.split (a word holds no
    # whitespace, and two words always have a blanked character between them)
    blanked = np.where(inside, cp, cp.dtype.type(32)).tobytes()
    words = (blanked.decode("ascii") if ascii else blanked.decode("utf-32-le")).split()
    return words, starts, ends


_SEP = "\x00"  # never inside a word: joins words so one str.lower call lower-cases them all


def words(text: str) -> list[str]:
    """The word tokens of ``text`` (:data:`WORD_RE`), in order."""
    return (ASCII_WORD_RE if text.isascii() else WORD_RE).findall(text)


def lower_all(ws: list[str]) -> list[str]:
    """``[w.lower() for w in ws]`` with one ``str.lower`` call (a word never contains ``"\\x00"``)."""
    if not ws:
        return []
    return _SEP.join(ws).lower().split(_SEP)


class TextLayer:
    """Lazily computed, cached views of one document's text. Offsets always index the original text."""

    def __init__(self, text: str) -> None:
        self.text = text

    #: True once the words came from the characters' classes (:func:`_array_tokens`, texts of
    #: :data:`_ARRAY_MIN` characters or more): then the text holds no combining mark (:data:`MARKS`) and no
    #: character of a dense script. False: not known (the regex read the words, or they are not read yet).
    plain: bool = False

    # -- words ---------------------------------------------------------------------------------

    @cached_property
    def _tokens(self) -> tuple[list[str], np.ndarray, np.ndarray]:
        """Words and their offsets from ONE regex pass: ``split`` with a capturing pattern alternates
        separators and words, and the running sum of their lengths gives every offset."""
        text = self.text
        if len(text) >= _ARRAY_MIN:
            found = _array_tokens(text)
            if found is not None:
                self.plain = True
                return found
        parts = (_ASCII_SPLIT if text.isascii() else _SPLIT).split(text)
        lengths = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
        pos = np.cumsum(lengths)
        return parts[1::2], pos[0:-1:2], pos[1::2]

    @property
    def words(self) -> list[str]:
        """Word tokens in order (:data:`WORD_RE`, original case)."""
        return self._tokens[0]

    @cached_property
    def lower(self) -> list[str]:
        """Lower-cased form of each of :attr:`words`."""
        return lower_all(self.words)

    @cached_property
    def word_counts(self) -> Counter:
        """Lower-cased words with their counts."""
        return Counter(self.lower)

    @property
    def starts(self) -> np.ndarray:
        """Start offset of each word (int64 array)."""
        return self._tokens[1]

    @property
    def ends(self) -> np.ndarray:
        """End offset of each word (int64 array)."""
        return self._tokens[2]

    @cached_property
    def _starts_list(self) -> list[int]:
        return self.starts.tolist()

    def word_range(self, start: int, end: int) -> tuple[int, int]:
        """``(i, j)``: the words ``i .. j-1`` are those starting in ``[start, end)``."""
        st = self._starts_list
        return bisect_left(st, start), bisect_left(st, end)

    def words_in(self, start: int, end: int) -> list[str]:
        """The words (original case) that start in ``[start, end)``."""
        i, j = self.word_range(start, end)
        return self.words[i:j]

    def count_in(self, spans) -> list[int]:
        """Number of words starting inside each span of ``spans`` (Spans or (start, end) pairs)."""
        if not spans:
            return []
        bounds = np.array([(s.start, s.end) if isinstance(s, Span) else s for s in spans], dtype=np.int64)
        st = self.starts
        return (np.searchsorted(st, bounds[:, 1]) - np.searchsorted(st, bounds[:, 0])).tolist()

    # -- segmentation --------------------------------------------------------------------------

    @cached_property
    def line_bounds(self) -> list[tuple[int, int]]:
        """``(start, end)`` of each non-empty line, stripped (:attr:`lines` as pairs)."""
        return line_bounds(self.text)

    @cached_property
    def lines(self) -> list[Span]:
        """Non-empty lines, stripped (:func:`audit.segment.lines`)."""
        return [Span(s, e) for s, e in self.line_bounds]

    @cached_property
    def line_word_counts(self) -> tuple[int, ...]:
        """``len(words(line))`` for each of :attr:`lines` (a word never crosses a line)."""
        bounds = self.line_bounds
        if not bounds:
            return ()
        b = np.array(bounds, dtype=np.int64)
        st = self.starts
        return tuple((np.searchsorted(st, b[:, 1]) - np.searchsorted(st, b[:, 0])).tolist())

    @cached_property
    def layout(self) -> Layout:
        """How the text is laid out (:func:`audit.layout.layout`): wrap width, logical paragraphs and
        their kinds; from the same line pass as :attr:`lines`."""
        return build_layout(self.text, self.line_bounds)

    @cached_property
    def passages(self) -> tuple[Span, ...]:
        """The logical paragraphs' spans (:func:`audit.segment.passages`); one per line without building
        the layout when :func:`audit.layout.lines_are_paragraphs` proves that is what it gives."""
        bounds = self.line_bounds
        if "layout" not in self.__dict__ and lines_are_paragraphs(self.text, bounds):
            return tuple(self.lines)  # the lines' spans themselves (immutable): one per line
        return tuple(p.span for p in self.layout.paragraphs)

    @cached_property
    def passage_bounds(self) -> list[tuple[int, int]]:
        """:attr:`passages` as (start, end) pairs, without making a span object per passage where the lines
        are the paragraphs (the duplicates family's passage units read these)."""
        if "passages" in self.__dict__:  # computed, or seeded (the windows of a huge document)
            return [(p.start, p.end) for p in self.passages]
        bounds = self.line_bounds
        if "layout" not in self.__dict__ and lines_are_paragraphs(self.text, bounds):
            return bounds
        return [(s, e) for s, e, _, _ in self.layout.rows]

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        """Sentences within :attr:`passages` (:func:`audit.segment.sentences`)."""
        return segment.split_sentences(self.text, self.passages)

    # -- keys ----------------------------------------------------------------------------------

    @cached_property
    def normalized(self) -> str:
        """:func:`audit.normalize.normalize_fast` of the text (NFKC, quote/dash variants, case, whitespace)."""
        from audit.normalize import normalize_fast

        return normalize_fast(self.text)

    @cached_property
    def exact_key(self) -> int:
        """:func:`audit.normalize.exact_key` of :attr:`normalized`: equal for exact duplicates up to case,
        quotes, whitespace and punctuation-only differences."""
        from audit.normalize import exact_key

        return exact_key(self.normalized)
