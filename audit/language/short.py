"""Short texts and code-switched text: word evidence next to the model's.

fastText reads a text as a bag of character n-grams; on two or three words it is often
unsure, and on a text that is half English and half Spanish it gives one language.
Word frequencies per language (wordfreq's "small" lists (about 30,000 words each), bundled in its wheel and read offline)
add what a reader uses on short text: "daher" is a common German word and a rare
English one.

* :func:`identify_short` -- the language of a short text: fastText's top candidates,
  each scored by its probability and by how frequent the text's words are in that
  language (a naive-Bayes product, proper names neutral). The confidence is the best
  candidate's share of the candidates' likelihoods (calibrated on our short samples:
  ``und`` only when the words are as likely in two languages).
* :func:`token_runs` -- for a short passage whose two best candidates are both
  plausible, every word gets the more likely of the two languages with a penalty on
  switching (Viterbi over two states), giving runs of words with character offsets.

Only languages with a wordfreq list take part in word evidence; the others are
scored by fastText alone.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from typing import Callable, NamedTuple, Sequence, cast

import numpy as np

from audit.chars import LINK
from audit.language.backends import Candidates
from audit.language.wordlists import MergedLists, band_frequency, has_frequencies, listed_languages, merged_lists

#: Word tokens of the original text with offsets; URLs, handles, hashtags and dotted names
#: ("Amazon.com", "U.S") are matched (to skip them).
#: Possessive quantifiers: a run of word characters or letters is only ever followed by a character
#: outside it, so giving back part of it cannot make a match (the same matches, without backtracking).
_TOKEN = re.compile(rf"{LINK}|[@#]\w+|\w++(?:\.\w++)+|([^\W\d_]++(?:['’][^\W\d_]+)*+)")
#: Frequency of a word a language's list does not hold (about the rarest listed words).
_FLOOR = 1e-7
_LOG_FLOOR = math.log(_FLOOR)
_LOG_3 = math.log(3)
#: The floor's logarithm as numpy computes it for listed words (what an unlisted word gets).
_NP_LOG_FLOOR = float(np.log(np.array([_FLOOR], dtype=np.float64))[0])


#: Between two words, the end of a sentence (or a line).
_OPENS = re.compile(r"[.!?:\n]")


class Token(NamedTuple):  # a tuple: built per word, several times cheaper than a frozen dataclass
    start: int
    end: int
    word: str  # lower case
    name: bool  # capitalised: a proper name, or the text's first word (neutral either way); see tokens()


def tokens(text: str) -> list[Token]:
    """The words of ``text`` with their offsets (URLs, @handles and #tags left out).

    A capitalised word is a name (neutral), except one that opens a sentence after the first
    ("Show up: Venir.", "... lol. Vamos a ver") when most words of the text are in lower case: there
    the capital is grammar. The text's first word stays neutral (a title or a headline opens with a
    name as often as not), and so does every word of a text in title case."""
    out: list[Token] = []
    append = out.append
    new = tuple.__new__  # Token(...) without the NamedTuple constructor's keyword handling
    openings: list[int] = []
    caps = 0
    for m in _TOKEN.finditer(text):
        word = m.group(1)
        if word is not None:
            start, end = m.span(1)
            cap = word[0].isupper()
            if cap:
                caps += 1
                if out and word[1:].islower() and _OPENS.search(text, out[-1].end, start):
                    openings.append(len(out))
            append(new(Token, (start, end, word.lower(), cap)))
    if openings and 2 * caps < len(out):
        for i in openings:
            out[i] = out[i]._replace(name=False)
    return out


#: The stretch before each word of :data:`_TOKEN` (white space, digits, punctuation and the tokens it skips:
#: URLs, handles, tags, dotted names) and the word; the last match holds what follows the last word, with
#: no word. Scanning as :data:`_TOKEN` does: a stretch holds no letter outside a skipped token.
_BEFORE_WORD = re.compile(rf"((?:{LINK}|[@#]\w+|\w++(?:\.\w++)+|[\W\d_])*+)([^\W\d_]++(?:['’][^\W\d_]+)*+|\Z)")


def prose_words(text: str) -> tuple[list[str], list[str]]:
    """The lower-case words of :func:`tokens` outside names, and all of them: ``[t.word for t in tokens(text)
    if not t.name]`` and ``[t.word for t in tokens(text)]``, without a Python object per word (a test checks
    they agree)."""
    found = _BEFORE_WORD.findall(text)
    while found and not found[-1][1]:
        found.pop()
    if not found:
        return [], []
    words = [w for _before, w in found]
    # Lower case of the words joined by spaces, split again (no word holds a space): one call, not one per word.
    lower = " ".join(words).lower().split(" ")
    caps = [i for i, w in enumerate(words) if w[0].isupper()]
    if caps and 2 * len(caps) < len(words):  # a capital opening a sentence after the first is grammar
        search = _OPENS.search
        caps = [i for i in caps if not (i and words[i][1:].islower() and search(found[i][0]))]
    if not caps:
        return lower, lower
    names = set(caps)
    return [w for i, w in enumerate(lower) if i not in names], lower


#: Bands of a list with a logarithm of their own (a list's band ``i`` has frequency ``10 ** (-i / 100)``;
#: every band past 700 is under the floor): a band past them is read as the last, the floor.
_LOG_BANDS = 1024


@functools.cache
def _band_log_array() -> np.ndarray:
    """``log max(f, floor)`` by band index (band frequency ``f``), with the numpy function the plain
    definition uses (``np.log(np.maximum(f, floor))``; a test checks every word of every list); the
    last band's is the floor's."""
    freqs = np.array([band_frequency(i) for i in range(_LOG_BANDS)], dtype=np.float64)
    out = np.log(np.maximum(freqs, _FLOOR))
    assert out[-1] == _NP_LOG_FLOOR
    return out


#: Words whose bands :class:`_Lexicon` keeps at hand (``_SEEN_WORDS`` x 43 ``uint16``, about 6 MB);
#: when full, it starts again.
_SEEN_WORDS = 65536
#: The band of a word a list does not hold (its logarithm is the floor's).
_UNLISTED = _LOG_BANDS - 1


class _Lexicon:
    """Every listed language's word list at once: a word's frequency band in all of them with one lookup.

    A short text is read against up to twenty candidate languages; a lookup per word and language in
    each language's own dictionary misses the CPU caches every time (twenty dictionaries of 30,000
    words). Here a word's bands in every list come from the merged lists
    (:func:`audit.language.wordlists.merged_lists`: one lookup, in a shard read when a word of it is
    first asked, no object per listed word) and are kept for the words seen (:attr:`dense`, a
    ``uint16`` row per word, a column per language): a text's matrix is one gather. The values are
    those of ``np.log(np.maximum(frequency, floor))`` (a test checks every word of every list)."""

    def __init__(self, langs: Sequence[str] | None = None, capacity: int = _SEEN_WORDS) -> None:
        #: The merged lists (every listed language; ``langs``: these only, for tests).
        self.langs = sorted(listed_languages() if langs is None else langs)
        self.col = {lang: i for i, lang in enumerate(self.langs)}
        #: Words asked so far -> their slot in :attr:`dense`: the word's band in every list (a row
        #: per slot, a column per language and one more for languages without a list).
        self.seen: dict[str, int] = {}
        self.dense = np.empty((capacity, len(self.langs) + 1), dtype=np.uint16)
        self._lists: MergedLists | None = None

    def _bands(self, words: Sequence[str]) -> np.ndarray:
        """The bands of ``words``: a row per word, a column per language and one more (``_UNLISTED``
        throughout, as for every language where a list does not hold the word)."""
        lists = self._lists
        if lists is None:
            lists = self._lists = merged_lists(tuple(self.langs))
        entries = lists.entries
        width = len(self.langs) + 1
        out = np.full((len(words), width), _UNLISTED, dtype=np.uint16)
        numbers: list = []  # per word found, its lists' numbers and its bands there (buffers)
        bands: list = []
        counts: list[int] = []
        for w in words:
            found = entries(w)
            if found is None:
                counts.append(0)
            else:
                numbers.append(found[0])
                bands.append(found[1])
                counts.append(len(found[0]))
        if numbers:
            # (word, language) places in ``out``, flat
            where = np.repeat(np.arange(0, len(words) * width, width), counts) + np.frombuffer(
                b"".join(numbers), dtype=np.uint8
            )
            out.reshape(-1)[where] = np.minimum(np.frombuffer(b"".join(bands), dtype=np.uint16), _UNLISTED)
        return out

    def _admit(self, words: Sequence[str]) -> list[int]:
        """The slots in :attr:`dense` of ``words``, giving the words not seen yet theirs."""
        seen = self.seen
        new = [w for w in dict.fromkeys(words) if w not in seen]
        if len(seen) + len(new) > len(self.dense):  # full: start again
            seen.clear()
            new = list(dict.fromkeys(words))
        base = len(seen)
        self.dense[base : base + len(new)] = self._bands(new)
        seen.update(zip(new, range(base, base + len(new)), strict=True))
        return list(map(seen.__getitem__, words))

    def lookup(self, words: Sequence[str], langs: Sequence[str]) -> np.ndarray:
        """``log f_l(w)`` per language (rows) and word (columns); a language without a list gets the
        floor for every word."""
        num = len(self.langs)
        col = self.col
        cols = np.array([col.get(lang, num) for lang in langs], dtype=np.intp)
        if len(words) > len(self.dense) // 4:  # a long list of words (tests): not remembered
            return _band_log_array()[self._bands(words)[:, cols].T]
        slots: Sequence[int | None] = list(map(self.seen.get, words))
        if None in slots:
            slots = self._admit(words)
        return _band_log_array()[self.dense[np.array(slots, dtype=np.intp), cols[:, None]]]


@functools.cache
def _lexicon() -> _Lexicon:
    return _Lexicon()


def clear_word_cache() -> None:
    """Forget the words seen so far (benchmarks measure from a cold start; results never change). The
    merged shards stay (they hold whole shards of lists, not the words seen)."""
    _lexicon().seen.clear()


def log_frequencies(words: Sequence[str], langs: Sequence[str]) -> np.ndarray:
    """``log f_l(w)`` (floored) for each language (rows) and word (columns); a language without a
    word list gets the floor for every word."""
    if not words or not langs:
        return np.zeros((len(langs), len(words)))
    return _lexicon().lookup(words, langs)


def identify_short(words: Sequence[str], cands: Candidates, weight: float = 1.0) -> tuple[str, float]:
    """The language of a short text from fastText's candidates and its words (lower case, names left out).

    Each candidate ``l`` with probability ``p`` scores ``weight * log p + sum(log f_l(w))``;
    a candidate without a word list gets the floor frequency for every word (it must win on
    fastText's probability alone). Returns the best candidate and its normalised share.
    """
    if not cands:
        return "und", 0.0
    langs = [lang for lang, _p in cands]
    ll = log_frequencies(words, langs).sum(axis=1)
    scores = {lang: weight * math.log(max(p, 1e-6)) + float(ll[i]) for i, (lang, p) in enumerate(cands)}
    best = max(sorted(scores), key=lambda k: scores[k])
    top = scores[best]
    total = sum(math.exp(v - top) for v in scores.values())
    return best, 1.0 / total


def likeliest_pair(toks: Sequence[Token], cands: Candidates, min_probability: float = 0.0) -> tuple[str, str] | None:
    """The two candidate languages (with word lists) of a text's words.

    The first is the one whose words the text uses most: a word counts for the language where it is
    most frequent, when that is at least three times its frequency in any other candidate; each
    language scores the letters of its words (ties go to fastText's order). The second is the one
    with the largest log-likelihood gain over the first, summed over the words where it has one.
    """
    return pair_with_frequencies([t.word for t in toks if not t.name], cands, min_probability)[0]


def pair_with_frequencies(
    words: list[str], cands: Candidates, min_probability: float
) -> tuple[tuple[str, str] | None, np.ndarray | None]:
    """:func:`likeliest_pair` of the words outside names, with their log-frequencies in the two
    languages (rows; None when there are no such words)."""
    listed = listed_languages()
    langs = [lang for lang, p in cands if p >= min_probability and lang in listed]
    if len(langs) < 2:
        return None, None
    if not words:
        return (langs[0], langs[1]), None
    lengths = np.fromiter(map(len, words), dtype=np.float64, count=len(words))
    # fastText's first five first; all candidates only when none of the five but the best wins a
    # word (most monolingual texts: all the rows are read at once, the first five are a view).
    logf_all = _lexicon().lookup(words, langs)
    for n in (5, len(langs)) if len(langs) > 5 else (len(langs),):
        logf = logf_all[:n]
        top2 = np.sort(logf, axis=0)[-2:]  # second best, best per word
        # A word is won where its best is above the floor and three times the second: the second is
        # at least the floor (``_NP_LOG_FLOOR``, within a rounding of ``_LOG_FLOOR``), so a best more
        # than log 3 above it is above the floor as well.
        clear = top2[1] - top2[0] > _LOG_3
        # Letters won per language (whole numbers: the sums are exact in any order; a word not won
        # adds 0).
        wins = np.bincount(logf.argmax(axis=0), weights=lengths * clear, minlength=n).tolist()
        ranked = sorted(range(n), key=lambda i: -wins[i])  # most letters first, ties in fastText's order
        if wins[ranked[1]] > 0:
            break
    first = int(ranked[0])
    # The second language is the one that explains best the words the first explains badly: the sum of
    # its log-likelihood gains over the first, per word (a Spanish word in an English text is often as
    # frequent in Portuguese, so it is won by neither; it still gains most in Spanish). Ties go to
    # fastText's order; no gain anywhere: the second by letters won, as before.
    gains = np.maximum(logf_all - logf_all[first], 0.0).sum(axis=1)
    gains[first] = -1.0
    second = int(np.argmax(gains))
    if gains[second] <= 0:
        second = int(ranked[1])
    return (langs[first], langs[second]), logf_all[[first, second]]


@dataclass(frozen=True)
class Run:
    """Consecutive words given one language by :func:`token_runs`."""

    lang: str
    start: int
    end: int
    words: int
    letters: int
    #: Log-likelihood margin of the run's language over the other one, summed over its words.
    margin: float
    #: Words of the run (names left out) outside the other language's most frequent words.
    own: int = 0


def _viterbi(emis: list[tuple[float, float]], switch_penalty: float) -> list[int]:
    """The likeliest state (0 or 1) per word, with a penalty on switching (Viterbi over two states)."""
    s0, s1 = emis[0]
    back: list[tuple[int, int]] = []
    append = back.append
    for ea, eb in emis[1:]:
        a_from = 0 if s0 >= s1 - switch_penalty else 1
        b_from = 1 if s1 >= s0 - switch_penalty else 0
        a = (s0 if a_from == 0 else s1 - switch_penalty) + ea
        b = (s1 if b_from == 1 else s0 - switch_penalty) + eb
        append((a_from, b_from))
        s0, s1 = a, b
    state = 0 if s0 >= s1 else 1
    states = [state]
    for a_from, b_from in reversed(back):
        state = a_from if state == 0 else b_from
        states.append(state)
    states.reverse()
    return states


def _emissions(
    toks: Sequence[Token], langs: tuple[str, str], logf: np.ndarray | None = None
) -> list[tuple[float, float]]:
    """Per word, its log-frequency in each language, (0, 0) for a name. ``logf``: those of the words
    outside names when the caller has them (rows: the two languages)."""
    if logf is None:
        words = [t.word for t in toks if not t.name]
        logf = log_frequencies(words, langs) if words else None
    if logf is None:
        return [(0.0, 0.0)] * len(toks)
    found = iter(zip(logf[0].tolist(), logf[1].tolist(), strict=True))
    return [(0.0, 0.0) if t.name else next(found) for t in toks]


def _runs(
    toks: Sequence[Token],
    langs: tuple[str, str],
    emis: list[tuple[float, float]],
    states: list[int],
    vocabularies: tuple[frozenset[str] | None, frozenset[str] | None],
) -> list[Run]:
    runs: list[Run] = []
    i = 0
    while i < len(toks):
        j = i
        margin = 0.0
        while j < len(toks) and states[j] == states[i]:
            ea, eb = emis[j]
            margin += (ea - eb) if states[i] == 0 else (eb - ea)
            j += 1
        letters = sum(t.end - t.start for t in toks[i:j] if not t.name)
        other = vocabularies[1 - states[i]]
        own = sum(1 for t in toks[i:j] if not t.name and (other is None or t.word not in other))
        runs.append(Run(langs[states[i]], toks[i].start, toks[j - 1].end, j - i, letters, margin, own))
        i = j
    return runs


def token_runs(
    toks: Sequence[Token],
    langs: tuple[str, str],
    switch_penalty: float = 6.0,
    vocabularies: tuple[frozenset[str] | None, frozenset[str] | None] = (None, None),
) -> list[Run]:
    """Words labelled with one of two languages (names neutral), as runs; [] without word lists."""
    if not toks or not has_frequencies(langs[0]) or not has_frequencies(langs[1]):
        return []
    emis = _emissions(toks, langs)
    return _runs(toks, langs, emis, _viterbi(emis, switch_penalty), vocabularies)


def counted_runs(
    toks: Sequence[Token],
    langs: tuple[str, str],
    switch_penalty: float,
    min_letters: int,
    min_margin: float,
    vocabularies: Callable[[], tuple[frozenset[str] | None, frozenset[str] | None]],
    logf: np.ndarray | None = None,
) -> tuple[Run, ...]:
    """The runs of :func:`token_runs` that count for the shares -- ``min_letters`` letters, a margin of
    ``min_margin`` and one word outside the other language's vocabulary (``vocabularies()``, called
    only when needed) -- or () unless both languages have one. ``logf``: the log-frequencies of the
    words outside names in the two languages, when the caller has them.

    A run's margin is a sum of its words' margins, so it is at most the sum of the positive ones over
    the whole text, and a labelling with both languages has a stretch of each whose margin is at
    least ``switch_penalty``: when either bound fails for either language, no run of it can count
    and the labelling is not needed (the same answer, sooner)."""
    if not toks or not has_frequencies(langs[0]) or not has_frequencies(langs[1]):
        return ()
    if logf is not None:
        # The first bound below at numpy speed (names add nothing to either sum); most monolingual
        # texts stop here. Twice the slack: only ever lets through a text the exact sums then stop.
        d = logf[0] - logf[1]
        pos = np.maximum(d, 0.0)
        up_a = float(pos.sum())
        up_b = float((pos - d).sum())
        slack = 2e-9 * (1.0 + up_a + up_b)
        if up_a + slack < min_margin or up_b + slack < min_margin:
            return ()
    emis = _emissions(toks, langs, logf)
    # Sums of the positive margins, and the best sum over consecutive words (Kadane), per language.
    up_a = up_b = best_a = best_b = run_a = run_b = 0.0
    for ea, eb in emis:
        d = ea - eb
        if d > 0:
            up_a += d
        else:
            up_b -= d
        run_a = max(run_a + d, 0.0)
        run_b = max(run_b - d, 0.0)
        best_a = max(best_a, run_a)
        best_b = max(best_b, run_b)
    slack = 1e-9 * (1.0 + up_a + up_b)  # float sums in another order
    if up_a + slack < min_margin or up_b + slack < min_margin:
        return ()
    # In a labelling with both languages, turning a stretch of one into the other drops one or two
    # switches, so an optimal labelling only holds stretches whose margin is at least one switch
    # penalty: without such a stretch for each language, the labelling is one language.
    if best_a + slack < switch_penalty or best_b + slack < switch_penalty:
        return ()
    states = _viterbi(emis, switch_penalty)
    none: tuple[None, None] = (None, None)
    runs = [r for r in _runs(toks, langs, emis, states, none) if r.letters >= min_letters and r.margin >= min_margin]
    if len({r.lang for r in runs}) < 2:
        return ()
    # Only now is each run's own vocabulary checked (the labelling is the same; ``own`` is added).
    runs = [
        r
        for r in _runs(toks, langs, emis, states, vocabularies())
        if r.letters >= min_letters and r.margin >= min_margin and r.own >= 1
    ]
    return tuple(runs) if len({r.lang for r in runs}) >= 2 else ()


#: Words of one :func:`pairs_with_frequencies` gather at most (records are read in groups under it).
_BATCH_WORDS = 4096


def pairs_with_frequencies(
    batch: Sequence[tuple[list[str], Candidates]], min_probability: float
) -> list[tuple[tuple[str, str] | None, np.ndarray | None]]:
    """:func:`pair_with_frequencies` of many texts at once (``(words, candidates)`` each), with the same
    answers: every text's words are looked up in one gather and the per-word arithmetic (best two
    languages, words won, letters won per language, gains over the first) runs on all of them together
    instead of some thirty numpy calls per text.

    Sums whose order differs from the plain code's are only used where rounding cannot change the
    answer: letters won are whole numbers (exact in any order); a language's gain is a sum of
    non-negative terms (zero in any order exactly when every term is); and when the two largest gains
    are within rounding of each other, that text is read by :func:`pair_with_frequencies` itself."""
    out: list[tuple[tuple[str, str] | None, np.ndarray | None]] = [(None, None)] * len(batch)
    listed = listed_languages()
    group: list[tuple[int, list[str], list[str]]] = []
    size = 0
    for i, (words, cands) in enumerate(batch):
        langs = [lang for lang, p in cands if p >= min_probability and lang in listed]
        if len(langs) < 2:
            continue
        if not words:
            out[i] = ((langs[0], langs[1]), None)
            continue
        if size + len(words) > _BATCH_WORDS and group:
            _pairs_group(group, batch, min_probability, out)
            group, size = [], 0
        group.append((i, langs, words))
        size += len(words)
    if group:
        _pairs_group(group, batch, min_probability, out)
    return out


def _pairs_group(
    group: list[tuple[int, list[str], list[str]]],
    batch: Sequence[tuple[list[str], Candidates]],
    min_probability: float,
    out: list[tuple[tuple[str, str] | None, np.ndarray | None]],
) -> None:
    """:func:`pairs_with_frequencies` of ``group`` (``(index, languages, words)``, each with two
    languages or more and one word or more), into ``out``."""
    lex = _lexicon()
    counts = [len(words) for _i, _l, words in group]
    n_langs = [len(langs) for _i, langs, _w in group]
    n_rec = len(group)
    width = max(n_langs)
    # Per text, its languages' columns in the lexicon; the column of languages without a list pads.
    col = lex.col
    pad = len(lex.langs)
    cols = np.array(
        [[col[lang] for lang in langs] + [pad] * (width - len(langs)) for _i, langs, _w in group], dtype=np.intp
    )
    all_words = [w for _i, _l, words in group for w in words]
    rec = np.repeat(np.arange(n_rec), counts)
    if len(all_words) > len(lex.dense) // 4:
        bands = lex._bands(all_words)[np.arange(len(all_words))[:, None], cols[rec]]
    else:
        slots: Sequence[int | None] = list(map(lex.seen.get, all_words))
        if None in slots:
            slots = lex._admit(all_words)
        bands = lex.dense[np.array(slots, dtype=np.intp)[:, None], cols[rec]]
    logf = _band_log_array()[bands]  # a row per word, a column per language of its text
    if min(n_langs) < width:  # padding: never best, never second, no gain
        logf[np.arange(width)[None, :] >= np.array(n_langs)[rec][:, None]] = -np.inf
    lengths = np.fromiter(map(len, all_words), dtype=np.float64, count=len(all_words))

    def won(n: int) -> list[list[float]]:  # whole numbers of letters, as floats
        """Letters won per text and language among the first ``n`` languages."""
        part = logf[:, :n]
        top2 = np.sort(part, axis=1)[:, -2:]
        clear = top2[:, 1] - top2[:, 0] > _LOG_3
        counted = np.bincount(rec * n + part.argmax(axis=1), weights=lengths * clear, minlength=n_rec * n)
        return cast("list[list[float]]", counted.reshape(n_rec, n).tolist())

    # fastText's first five, then all candidates for the texts where none of the five but the best wins a word.
    first_five = won(min(5, width))
    every: list[list[float]] | None = None
    firsts: list[int] = []
    seconds: list[int] = []  # the second by letters won (when no language gains over the first)
    for r in range(n_rec):
        row = first_five[r][: n_langs[r]]
        a, b = _top_two(row)
        if row[b] <= 0 and n_langs[r] > 5:
            if every is None:
                every = won(width)
            a, b = _top_two(every[r][: n_langs[r]])
        firsts.append(a)
        seconds.append(b)
    n_words = len(all_words)
    first_col = np.array(firsts, dtype=np.intp)[rec]
    gain_terms = np.maximum(logf - logf[np.arange(n_words), first_col][:, None], 0.0)
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    gains = np.add.reduceat(gain_terms, starts, axis=0).tolist()  # a row per text
    for r, (i, langs, _w) in enumerate(group):
        first = firsts[r]
        g = gains[r][: len(langs)]
        g[first] = -1.0
        top, second = _top_two(g)
        if g[top] <= 0:  # no gain anywhere (exactly zero in any order): the second by letters won
            top = seconds[r]
        elif g[top] - g[second] <= 1e-9 * (1.0 + g[top]):
            out[i] = pair_with_frequencies(batch[i][0], batch[i][1], min_probability)  # a near tie: the plain sums
            continue
        a = int(starts[r])
        out[i] = ((langs[first], langs[top]), np.ascontiguousarray(logf[a : a + counts[r], [first, top]].T))


def _top_two(values: list[float]) -> tuple[int, int]:
    """The indices of the largest value and of the largest of the others (the first of equals: the first
    two of a stable sort, largest first)."""
    best = max(values)
    i = values.index(best)
    rest = values[:i] + values[i + 1 :]
    j = rest.index(max(rest))
    return i, j + (j >= i)


def bounds_fail(logfs: Sequence[np.ndarray], min_margin: float) -> list[bool]:
    """Per text (the log-frequencies of its words outside names in its pair's two languages, rows), whether
    :func:`counted_runs`' first bound certainly stops it (no run can count): the bound's sums for all
    texts at once, with room for their rounding (a text near the limit is left to :func:`counted_runs`)."""
    if not logfs:
        return []
    counts = [f.shape[1] for f in logfs]
    both = np.concatenate(logfs, axis=1)
    d = both[0] - both[1]
    pos = np.maximum(d, 0.0)
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    up_a = np.add.reduceat(pos, starts).tolist()
    up_b = np.add.reduceat(pos - d, starts).tolist()
    out = []
    for a, b in zip(up_a, up_b, strict=True):
        room = 3e-9 * (1.0 + a + b)  # the plain test's slack (2e-9) and more than any rounding
        out.append(a + room < min_margin or b + room < min_margin)
    return out
