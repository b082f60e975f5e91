"""Where the attribution patterns match in one document, found once and read by offset.

The cue patterns (reporting verbs, evidence verbs, cue phrases, weasel phrases, agentless passives,
prepositional sources, "came from") are alternations of hundreds of words that start with a lookbehind:
run along a whole text they cost more than the rest of the sourcing analysis. But a match can only start
at a word of the text, and only at a word that is the first word of one of the pattern's entries
(:func:`audit.sourcing.lexicon.first_words`). :class:`CueIndex` takes the words of the document from the
shared text layer (:class:`audit.text.TextLayer`: words with offsets and lower-case forms, computed once
for every check), keeps those that begin an entry of some pattern, and runs each pattern there with
``pattern.match``: the same matches as ``pattern.finditer(text)``, at a fraction of the cost, each pattern
once per document. :meth:`CueIndex.matches` then hands a sentence its matches by bisection.

Why the matches are the same: a match starts where the character before is not a word character, an
apostrophe or a hyphen (the patterns' lookbehind), so at the start of a layer word, and the word's
leading run of letters and digits is then the entry's first word (lower-cased; the case-insensitive
patterns compare lower-case forms). Two things could hide a match from the layer's words, and both send
the document to the plain scan: a combining mark just before a word (the layer glues it to the word
before) and the three characters whose case-insensitive match is not their ``lower()`` (``İ``, ``ı``,
``ſ``). The text the patterns read may have its quotes masked (blanked inside, same length,
:func:`audit.sourcing.quotes.mask_quotes`): outside a masked interior the characters, and the one
before each, are those of the original text, so the words of the original text are the candidates; the
end of every masked interior is added as a candidate too, where a letter or a digit follows it (or for every
such end, for a pattern with an entry that begins with another character: ``Keys.anywhere``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import compress, repeat
from typing import Iterable

from audit.text import MARKS, TextLayer

_LEAD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Keys:
    """Where a match of a word-list pattern can start: at a word of the text (lower case, its letters and
    digits up to the first other character) in ``first``; and, when that word is not in ``open``, only if
    the next word of the text makes one of the two-word beginnings in ``pairs`` ("the survey", not "the
    house")."""

    first: frozenset[str]
    open: frozenset[str]
    pairs: frozenset[str] = frozenset()
    #: Some entry begins with a character that is not a letter or a digit: a match may start at any extra start
    #: (see :class:`CueIndex`), not only at one before a letter or a digit.
    anywhere: bool = False
    #: First words whose every match runs on to one of the words ``heads`` (a whole word after white space: "in the
    #: 50-state poll"), through characters none of which ``stretch`` finds: such a word is tried only where the next
    #: head word of the text comes before the next character ``stretch`` finds (:func:`headed_keys`; ``stretch`` is
    #: kept as the pattern that matches a span up to the last such character in it).
    gated: frozenset[str] = frozenset()
    heads: frozenset[str] = frozenset()
    stretch: re.Pattern | None = None


def entry_keys(entries) -> Keys:
    """The :class:`Keys` of a list of entries (words and phrases, words separated by spaces as the
    pattern's ``\\s+``): "according to" -> first "according", pair "according to"; "so-called" -> first
    "so", open (the word goes on with a hyphen, not a space)."""
    first: set[str] = set()
    open_: set[str] = set()
    pairs: set[str] = set()
    anywhere = False
    for entry in entries:
        e = " ".join(entry.split()).lower()
        m = _LEAD.match(e)
        if not m:
            anywhere = anywhere or bool(e)
            continue
        w = m.group(0)
        first.add(w)
        rest = e[m.end() :]
        nxt = _LEAD.match(rest, 1) if rest.startswith(" ") else None
        if nxt is None:
            open_.add(w)  # a word of its own, or one that goes on with a hyphen or an apostrophe
        else:
            pairs.add(f"{w} {nxt.group(0)}")
    return Keys(frozenset(first), frozenset(open_), frozenset(pairs), anywhere)


def open_keys(words) -> Keys:
    """:class:`Keys` that constrain the first word only."""
    w = frozenset(words)
    return Keys(w, w)


def headed_keys(keys: Keys, gated, heads, stretch: re.Pattern) -> Keys:
    """``keys`` with the first words ``gated`` tried only before a head word (:attr:`Keys.gated`). Right for a
    pattern whose every match that starts with one of ``gated`` goes on, through characters that ``stretch`` does
    not find, to one of ``heads`` written as a whole word after white space (lower case: a head of a
    case-insensitive branch is found in any case, so its lower case form is what the layer's words hold)."""
    last = re.compile(f"(?s:.*)(?:{stretch.pattern})")  # (the last such character of a span: see CueIndex._headed)
    return Keys(keys.first, keys.open, keys.pairs, keys.anywhere, frozenset(gated) & keys.first, frozenset(heads), last)


_SECONDS: dict[int, tuple[Keys, dict[str, frozenset[str]]]] = {}
_NO_SECONDS: dict[str, frozenset[str]] = {}


def _seconds(keys: Keys) -> dict[str, frozenset[str]]:
    """``keys.pairs`` as first word -> the second words it pairs with (computed once per :class:`Keys`)."""
    if not keys.pairs:
        return _NO_SECONDS  # (not cached: such keys are made per document)
    got = _SECONDS.get(id(keys))
    if got is None or got[0] is not keys:
        by_first: dict[str, set[str]] = {}
        for pair in keys.pairs:
            a, b = pair.split(" ")
            by_first.setdefault(a, set()).add(b)
        got = (keys, {a: frozenset(b) for a, b in by_first.items()})
        _SECONDS[id(keys)] = got
    return got[1]


#: Characters that force the plain scan (see the module docstring).
_ODD = re.compile(f"[{MARKS}\u0130\u0131\u017f]")


_APOSTROPHE = re.compile("['’]")

#: The first words of every pattern of a tuple of patterns (:meth:`CueIndex.any_starts`), by the tuple's id (the tuple
#: is kept with its union: the same tuple serves every document of a language).
_UNIONS: dict[int, tuple[tuple, frozenset[str]]] = {}
#: Pairs (union, first words) already known to be covered (``first <= union``), by their ids (both kept).
_COVERED: dict[tuple[int, int], tuple[frozenset[str], frozenset[str]]] = {}


def _first_words(patterns: tuple[tuple[re.Pattern, Keys], ...]) -> frozenset[str]:
    """The union of the first words of ``patterns`` (one object per tuple: :func:`_covers` remembers it)."""
    got = _UNIONS.get(id(patterns))
    if got is None or got[0] is not patterns:
        got = (patterns, frozenset().union(*(k.first | k.heads for _p, k in patterns)))
        if len(_UNIONS) > 64:
            _UNIONS.clear()
        _UNIONS[id(patterns)] = got
    return got[1]


def _covers(union: frozenset[str], first: frozenset[str]) -> bool:
    """``first <= union``, remembered for the unions and word sets that recur from one document to the next (the
    patterns' own sets and :func:`_first_words`): a subset test of hundreds of words per pattern per document."""
    key = (id(union), id(first))
    hit = _COVERED.get(key)
    if hit is not None and hit[0] is union and hit[1] is first:
        return True
    if not first <= union:
        return False
    if len(_COVERED) > 256:
        _COVERED.clear()
    _COVERED[key] = (union, first)
    return True


class CueIndex:
    """The matches of each cue pattern in ``text``, computed on first use (one pass per pattern)."""

    __slots__ = ("text", "_layer", "_plain", "_extra", "_extra_words", "_found", "_cand", "_any", "_heads")

    def __init__(self, text: str, layer: TextLayer | None = None, extra_starts: Iterable[int] = ()) -> None:
        """``layer``: the text layer of ``text``, or of the text ``text`` masks (same length; its words
        outside the masked parts are the same); ``extra_starts``: more offsets where a match may start
        (the ends of the masked interiors)."""
        self.text = text
        self._layer = layer if layer is not None else TextLayer(text)
        self._plain = not text.isascii() and _ODD.search(text) is not None
        self._extra = sorted(set(extra_starts))
        # The extra starts before a letter or a digit: the only ones where a match of a pattern whose entries all
        # begin with one can start (most are closing quotation marks).
        self._extra_words = [p for p in self._extra if _LEAD.match(text, p)]
        self._found: dict[int, tuple[list[int], list[int], list[re.Match]]] = {}
        self._cand: tuple[frozenset[str], tuple[dict[str, list[int]], list[str], list[int]]] | None = None
        self._any: dict[int, list[int]] = {}
        #: per gated :class:`Keys` (by id): the offsets of its head words, and the last stretch-breaking character
        #: before each (:meth:`_headed`)
        self._heads: dict[int, tuple[Keys, list[int], list[int]]] = {}

    def _candidates(self, keys: Keys, got: tuple | None = None) -> list[int]:
        """Offsets of the words where a match of a pattern with ``keys`` may start, and the extra starts.

        The words that begin an entry of any pattern asked for so far are grouped by key (one pass over the
        words for them all); each pattern then reads the groups of its own first words only. ``got``: the groups
        (:meth:`_groups`) when the caller has them for a set of words that holds these keys' first and head words."""
        # (a gated word is tried only before a head word: see ``_headed``; not when a masked interior ends before a
        # letter or a digit, where the layer's words, of the unmasked text, may not be those the pattern reads)
        gated = keys.gated if keys.gated and not self._extra_words else None
        if got is None:
            got = self._groups(keys.first)
            if gated:
                got = self._groups(keys.heads)  # (the same groups, with the head words in them)
        groups, wkeys, starts = got
        open_ = keys.open
        seconds = _seconds(keys)
        out: list[int] = []
        for w in keys.first.intersection(groups):
            idx = groups[w]
            if w in open_:
                found = map(starts.__getitem__, idx)
            else:
                nxt = seconds.get(w, frozenset())  # the words that may follow w ("the" -> "survey", "study", ...)
                # (the key after each word, in one C loop; ``wkeys`` ends with "", which follows no word)
                after = map(wkeys.__getitem__, map((1).__add__, idx))
                found = map(starts.__getitem__, compress(idx, map(nxt.__contains__, after)))
            out += self._headed(keys, found, got) if gated and w in gated else found
        extra = self._extra if keys.anywhere else self._extra_words
        if extra:
            return sorted(set(out).union(extra))
        out.sort()
        return out

    def _headed(self, keys: Keys, offsets: Iterable[int], got: tuple) -> list[int]:
        """The ``offsets`` (of gated words) from which the next head word of the text (:attr:`Keys.heads`) comes
        before the next character that :attr:`Keys.stretch` finds: a match that starts there must reach a head word
        through such characters, so none starts elsewhere. (A head of a match is a whole word after white space
        outside the masked interiors, where the text is the layer's: one of the layer's words.)"""
        have = self._heads.get(id(keys))
        if have is None or have[0] is not keys:
            groups, _wkeys, starts = got
            heads = [starts[i] for i in sorted(i for h in keys.heads.intersection(groups) for i in groups[h])]
            # the last stretch-breaking character before each head, after the head before it (-1: none)
            last_stop = keys.stretch.match  # type: ignore[union-attr]
            text = self.text
            stops = []
            a = 0
            for h in heads:
                m = last_stop(text, a, h)
                stops.append(m.end() - 1 if m else -1)
                a = h
            have = self._heads[id(keys)] = (keys, heads, stops)
        _keys, heads, stops = have
        if not heads:
            return []
        right = bisect.bisect_right
        n = len(heads)
        out = []
        for p in offsets:
            k = right(heads, p)
            if k < n and stops[k] < p:
                out.append(p)
        return out

    def _groups(self, first: frozenset[str]) -> tuple[dict[str, list[int]], list[str], list[int]]:
        """:meth:`_words_in` for every first word asked for so far (computed again only for a new word)."""
        have = self._cand
        if have is None or not _covers(have[0], first):
            union = first if have is None else have[0] | first
            have = (union, self._words_in(union))
            self._cand = have
        return have[1]

    def _words_in(self, first: frozenset[str]) -> tuple[dict[str, list[int]], list[str], list[int]]:
        """The indexes of the words keyed by one of ``first``, grouped by key (in order); the key of every
        word, then ""; the words' offsets. A word's key is its lower-case form up to an apostrophe ("it's" -> "it")."""
        layer = self._layer
        keys = [*layer.lower, ""]  # (a last key after the last word: the key that follows it, in no pair)
        for i in self._apostrophe_words():
            keys[i] = _APOSTROPHE.split(keys[i], 1)[0]
        groups: dict[str, list[int]] = {}
        for i in compress(range(len(keys)), map(first.__contains__, keys)):  # the test is a C loop
            w = keys[i]
            g = groups.get(w)
            if g is None:
                groups[w] = [i]
            else:
                g.append(i)
        return groups, keys, layer._starts_list

    def _apostrophe_words(self) -> list[int]:
        """Indexes of the layer words with an apostrophe inside."""
        text = self.text
        if "'" not in text and "’" not in text:
            return []
        layer = self._layer
        starts = layer._starts_list
        words = layer.words
        out: list[int] = []
        for m in _APOSTROPHE.finditer(text):
            i = bisect.bisect_right(starts, m.start()) - 1
            if i >= 0 and m.start() < starts[i] + len(words[i]) and (not out or out[-1] != i):
                out.append(i)
        return out

    def matches(self, pattern: re.Pattern, keys: Keys, start: int, end: int) -> list[re.Match]:
        """The matches of ``pattern`` inside ``[start, end)``, as ``pattern.finditer(text)`` finds them over
        the whole text; ``keys``: the first words of its entries."""
        hit = self._found.get(id(pattern))
        if hit is None:
            hit = self._hit(pattern, keys)
        starts, ends, found = hit
        if not found:
            return []
        i = bisect.bisect_left(starts, start)
        # finditer matches do not overlap, so their ends are sorted too.
        return found[i : bisect.bisect_right(ends, end, i)]

    def _hit(self, pattern: re.Pattern, keys: Keys, got: tuple | None = None) -> tuple[list[int], list[int], list]:
        """The matches of ``pattern`` in the whole text with their starts and ends, found and kept."""
        found = self._scan(pattern, keys, got)
        hit = self._found[id(pattern)] = ([m.start() for m in found], [m.end() for m in found], found)
        return hit

    def any_match(self, patterns: tuple[tuple[re.Pattern, Keys], ...], start: int, end: int) -> bool:
        """Some match of one of ``patterns`` starts inside ``[start, end)`` (``patterns``: the same tuple object
        for the same patterns, it keys the cache)."""
        starts = self.any_starts(patterns)
        i = bisect.bisect_left(starts, start)
        return i < len(starts) and starts[i] < end

    def any_starts(self, patterns: tuple[tuple[re.Pattern, Keys], ...]) -> list[int]:
        """The sorted offsets where a match of one of ``patterns`` starts (cached as for :meth:`any_match`)."""
        key = id(patterns)
        starts = self._any.get(key)
        if starts is None:
            # one pass over the words for them all (their first words and head words), read by each pattern
            got = None if self._plain else self._groups(_first_words(patterns))
            merged: set[int] = set()
            found = self._found
            for p, k in patterns:
                hit = found.get(id(p))
                merged.update((hit or self._hit(p, k, got))[0])
            starts = sorted(merged)
            self._any[key] = starts
        return starts

    def _scan(self, pattern: re.Pattern, keys: Keys, got: tuple | None = None) -> list[re.Match]:
        text = self.text
        if self._plain:
            return list(pattern.finditer(text))
        out = []
        last = 0
        cands = self._candidates(keys, got)
        # Every candidate is tried in one C loop; a match that starts inside the previous one is then dropped
        # (finditer does not overlap matches: the same matches as trying only the candidates after it).
        for m in filter(None, map(pattern.match, repeat(text, len(cands)), cands)):
            if m.start() >= last:
                out.append(m)
                last = m.end()
        return out
