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
from itertools import repeat
from typing import Callable, NamedTuple, Sequence

import numpy as np

from audit.language.backends import Candidates
from audit.language.wordlists import (
    FrequencyTable,
    band_frequency,
    frequencies,
    frequency_table,
    has_frequencies,
    listed_languages,
    word_bands,
)

#: Word tokens of the original text with offsets; URLs, handles, hashtags and dotted names
#: ("Amazon.com", "U.S") are matched (to skip them).
#: Possessive quantifiers: a run of word characters or letters is only ever followed by a character
#: outside it, so giving back part of it cannot make a match (the same matches, without backtracking).
_TOKEN = re.compile(r"(?:https?://|www\.)\S+|[@#]\w+|\w++(?:\.\w++)+|([^\W\d_]++(?:['’][^\W\d_]+)*+)")
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


@functools.cache
def _log_table(lang: str) -> dict[str, float] | None:
    """``log max(f, floor)`` of every word of ``lang``'s list (None when there is none): wordfreq's
    frequencies take a few hundred distinct values, so each logarithm is computed once per value,
    with the same numpy function as :func:`log_frequencies` used on each lookup before."""
    freqs = frequencies(lang)
    if freqs is None:
        return None
    values = sorted(set(freqs.values()))
    logs = dict(zip(values, np.log(np.maximum(np.array(values, dtype=np.float64), _FLOOR)).tolist(), strict=True))
    return {w: logs[f] for w, f in freqs.items()}


class _WordTable:
    """Log-frequencies of recently seen word forms, one row per word and one column per language with
    a list, filled on demand (NaN: not looked up yet). A lookup in a language's 30,000-word dictionary
    misses the CPU caches several times; short texts repeat their words (articles, verbs, the
    words of a topic), so one lookup per word form here replaces one per word and candidate language.
    The values are those of :func:`_log_table`; when full, the table starts again (bounded memory).
    Used for the languages not (yet) promoted to :class:`_WordIndex`."""

    def __init__(self, capacity: int = 32768) -> None:
        self.langs = sorted(listed_languages())
        self.col = {lang: i for i, lang in enumerate(self.langs)}
        self.capacity = capacity
        self.matrix = np.full((capacity, len(self.langs)), np.nan)
        self.rows: dict[str, int] = {}

    def clear(self) -> None:
        self.rows.clear()
        self.matrix.fill(np.nan)

    def lookup(self, words: Sequence[str], langs: Sequence[str]) -> np.ndarray:
        """``log f_l(w)`` per language (rows) and word (columns); every language has a list."""
        rows = self.rows
        if len(rows) + len(words) > self.capacity:
            self.clear()
        idx: list[int] = []
        new_words: list[str] = []
        new_rows: list[int] = []
        for w in words:
            r = rows.get(w)
            if r is None:
                r = rows[w] = len(rows)
                new_words.append(w)
                new_rows.append(r)
            idx.append(r)
        col = self.col
        cols = [col[lang] for lang in langs]
        matrix = self.matrix
        if new_words:  # one C-level loop per language over the words never seen
            block = [list(map(_table(lang).get, new_words, repeat(_NP_LOG_FLOOR))) for lang in langs]
            matrix[np.ix_(new_rows, cols)] = np.array(block, dtype=np.float64).T
        sub = matrix[idx][:, cols]
        missing = np.isnan(sub)
        if missing.any():  # words seen before, with other languages
            for i, j in zip(*np.nonzero(missing), strict=True):
                value = _table(langs[j]).get(words[i], _NP_LOG_FLOOR)
                matrix[idx[i], cols[j]] = value
                sub[i, j] = value
        return np.ascontiguousarray(sub.T)


#: The band of a word a promoted list does not hold (see :class:`_WordIndex`).
_UNLISTED = 0xFFFF


class _WordIndex:
    """Log-frequencies of words in many languages at once, for the languages whose lookups are many.

    Every word of a promoted language's list gets a number (one dictionary for all the promoted
    lists: a word is looked up once per text, not once per candidate language), and each promoted
    language an array of band indices by word number (``_UNLISTED`` where the list does not hold the
    word; numbers given after the language was promoted fall on its last element, ``_UNLISTED``).
    The arrays lie end to end in one buffer, so a text's matrix is one gather of every (language,
    word) band and one of their logarithms, whatever the number of languages. A language is promoted
    once it has been asked ``_UNION_WORDS`` words (:class:`_LogLookup`): until then its words are read
    one at a time (from shards, then from its dictionary), so a few thousand short records never pay
    for numbering whole lists. The values are those of :func:`_log_table` (a test checks every word
    of every list).

    Memory: about 2 bytes per promoted language and word numbered before it, and one dictionary entry
    per distinct word of the promoted lists (about what the lists' own dictionaries took)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.next = 1  # number 0: a word no promoted list holds
        self.flat = np.empty(0, dtype=np.uint16)
        self.size = 0
        #: Each promoted language's array in :attr:`flat`: its offset and its last index (``_UNLISTED``).
        self.promoted: dict[str, tuple[int, int]] = {}
        self._places: dict[tuple[str, ...], tuple[np.ndarray, np.ndarray]] = {}

    def promote(self, lang: str) -> None:
        """Number ``lang``'s words and keep its array of bands (once per language)."""
        if lang in self.promoted:
            return
        listed = word_bands(lang)
        assert listed is not None  # only languages with a list have lookups
        words, bands = listed
        base = self.next
        n = len(words)
        ids = np.fromiter(map(self.ids.setdefault, words, range(base, base + n)), dtype=np.intp, count=n)
        self.next = base + n
        length = base + n + 1
        start = self.size
        if start + length > len(self.flat):  # grow the buffer (doubling: few copies)
            grown = np.empty(max(2 * len(self.flat), start + length), dtype=np.uint16)
            grown[:start] = self.flat[:start]
            self.flat = grown
        array = self.flat[start : start + length]
        array.fill(_UNLISTED)
        array[ids] = np.array(bands, dtype=np.uint16)  # words are distinct: one value per number
        self.size = start + length
        self.promoted[lang] = (start, start + length - 1)

    def lookup(self, words: Sequence[str], langs: Sequence[str]) -> np.ndarray:
        """``log f_l(w)`` per language (rows) and word (columns); every language has a list."""
        promoted = self.promoted
        rows = [i for i, lang in enumerate(langs) if lang in promoted]
        if rows:
            ids = np.fromiter(map(self.ids.get, words, repeat(0)), dtype=np.intp, count=len(words))
            key = tuple(langs[i] for i in rows)
            places = self._places.get(key)
            if places is None:
                if len(self._places) > 4096:
                    self._places.clear()
                where = [promoted[lang] for lang in key]
                places = self._places[key] = (
                    np.array([[o] for o, _ in where], dtype=np.intp),
                    np.array([[last] for _, last in where], dtype=np.intp),
                )
            offsets, lasts = places
            # (language, word) -> its band in the language's array; a later number -> the last element
            bands = self.flat[np.minimum(ids + offsets, lasts)]
            logs = _band_log_array()[bands]
            if len(rows) == len(langs):
                return logs
            out = np.empty((len(langs), len(words)))
            out[rows] = logs
        else:
            out = np.empty((len(langs), len(words)))
        rest = [i for i, lang in enumerate(langs) if lang not in promoted]
        rest_langs = [langs[i] for i in rest]
        out[rest] = _word_table().lookup(words, rest_langs)
        for lang in rest_langs:
            table = _table(lang)
            table.asked += len(words)
            if table.promote_me:
                self.promote(lang)
                table.release()
        return out


#: Bands of a list whose logarithm :func:`_band_logs` computes at once (a list's band ``i`` has frequency
#: ``10 ** (-i / 100)``; every band past 700 is under the floor).
_LOG_BANDS = 1024


@functools.cache
def _band_logs() -> dict[float, float]:
    """``log max(f, floor)`` per band frequency ``f``, computed with the same numpy function as
    :func:`_log_table` (a test checks the two agree on every word of every list)."""
    freqs = [band_frequency(i) for i in range(_LOG_BANDS)]
    logs = np.log(np.maximum(np.array(freqs, dtype=np.float64), _FLOOR)).tolist()
    return dict(zip(freqs, logs, strict=True))


@functools.cache
def _band_log_array() -> np.ndarray:
    """:func:`_band_logs` by band index (every band a ``uint16`` holds): the values of
    :func:`_band_logs`, the floor past them and for ``_UNLISTED``."""
    out = np.full(_UNLISTED + 1, _NP_LOG_FLOOR)
    out[:_LOG_BANDS] = list(map(_band_logs().__getitem__, map(band_frequency, range(_LOG_BANDS))))
    return out


#: Shards of a language's list that :class:`_LogLookup` reads (about 60 words each, 10-20 microseconds)
#: before it builds the whole dictionary (0.01-0.03 CPU s): a few short records never pay for the
#: dictionary, a corpus of them pays at most about a sixth more than building it first.
_LAZY_SHARDS = 128
#: Words a language is asked (in all texts) before it is promoted to :class:`_WordIndex`: numbering its
#: list (0.01-0.03 CPU s) costs about what this many dictionary lookups cost more than the index's
#: gathers (ski rental: never more than about twice the better choice made in advance); a corpus of a
#: few thousand short records keeps the dictionaries, a large one reads its frequent languages from
#: the index.
_UNION_WORDS = 40_000


class _LogLookup:
    """``get(word, default)``: the value of :func:`_log_table` for ``word`` (``default`` for a word the
    list does not hold). A short text asks a few words in each of up to twenty languages: building
    those languages' dictionaries (0.01-0.03 CPU s each) cost more than the words, so the words are
    first read one at a time from the list's sharded table
    (:func:`audit.language.wordlists.frequency_table`); a language whose lookups have read
    ``_LAZY_SHARDS`` shards gets its whole dictionary (one C-level lookup per word from then on), and
    one asked ``_UNION_WORDS`` words is promoted to :class:`_WordIndex` (:attr:`promote_me`), which
    then answers for it (:meth:`release` drops the dictionary). The same values each way."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._table: FrequencyTable | None = None
        self._logs = _band_logs()
        #: Words asked through :class:`_WordIndex` before the language's promotion.
        self.asked = 0

    @property
    def promote_me(self) -> bool:
        return self.asked >= _UNION_WORDS

    def release(self) -> None:
        """Drop the dictionary and the decoded shards (the word index answers from now on)."""
        self.__dict__.pop("get", None)
        self._table = None

    def _whole(self) -> Callable[[str, float], float]:
        got = self.__dict__.get("get")
        if got is not None:  # built during a lookup that held the method (a map over a text's words)
            return got
        listed = word_bands(self.lang)
        assert listed is not None  # only languages with a list are looked up
        words, bands = listed
        logs = _band_log_array().tolist()
        table = dict(zip(words, map(logs.__getitem__, bands), strict=True))
        self.get = table.get  # type: ignore[method-assign,assignment]
        return table.get

    def get(self, word: str, default: float) -> float:
        table = self._table
        if table is None:
            table = self._table = frequency_table(self.lang)
            assert table is not None  # only languages with a list are looked up
        if type(table) is not FrequencyTable or table.shards_read >= _LAZY_SHARDS:
            return self._whole()(word, default)  # no shard file (a whole dictionary already), or many words
        f = table.get(word)
        if f is None:
            return default
        log = self._logs.get(f)
        return log if log is not None else float(np.log(np.maximum(np.array([f], dtype=np.float64), _FLOOR))[0])


@functools.cache
def _table(lang: str) -> _LogLookup:
    """``lang``'s word lookups, made once per process."""
    return _LogLookup(lang)


@functools.cache
def _word_index() -> _WordIndex:
    return _WordIndex()


@functools.cache
def _word_table() -> _WordTable:
    return _WordTable()


def clear_word_cache() -> None:
    """Forget the word forms seen so far (benchmarks measure from a cold start; results never change).
    The word index's promoted lists stay (they hold whole lists, not the words seen)."""
    _word_table().clear()


def log_frequencies(words: Sequence[str], langs: Sequence[str]) -> np.ndarray:
    """``log f_l(w)`` (floored) for each language (rows) and word (columns); a language without a
    word list gets the floor for every word."""
    if not words or not langs:
        return np.zeros((len(langs), len(words)))
    listed = listed_languages()
    have = [i for i, lang in enumerate(langs) if lang in listed]
    if len(have) == len(langs):
        return _word_index().lookup(words, langs)
    out = np.full((len(langs), len(words)), _NP_LOG_FLOOR)
    if have:
        out[have] = _word_index().lookup(words, [langs[i] for i in have])
    return out


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
    logf_all = _word_index().lookup(words, langs)
    for n in (5, len(langs)) if len(langs) > 5 else (len(langs),):
        logf = logf_all[:n]
        top2 = np.sort(logf, axis=0)[-2:]  # second best, best per word
        best = top2[1]
        clear = (best > _LOG_FLOOR) & (best - top2[0] > _LOG_3)
        # Letters won per language (whole numbers: the sums are exact in any order; a word not won
        # adds 0).
        wins = np.bincount(logf.argmax(axis=0), weights=np.where(clear, lengths, 0.0), minlength=n).tolist()
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
