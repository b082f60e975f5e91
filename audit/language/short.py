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

import math
import re
from dataclasses import dataclass
from itertools import repeat
from typing import NamedTuple, Sequence

import numpy as np

from audit.language.backends import Candidates
from audit.language.wordlists import frequencies, has_frequencies

#: Word tokens of the original text with offsets; URLs, handles, hashtags and dotted names
#: ("Amazon.com", "U.S") are matched (to skip them).
_TOKEN = re.compile(r"(?:https?://|www\.)\S+|[@#]\w+|\w+(?:\.\w+)+|([^\W\d_]+(?:['’][^\W\d_]+)*)")
#: Frequency of a word a language's list does not hold (about the rarest listed words).
_FLOOR = 1e-7
_LOG_FLOOR = math.log(_FLOOR)


class Token(NamedTuple):  # a tuple: built per word, several times cheaper than a frozen dataclass
    start: int
    end: int
    word: str  # lower case
    name: bool  # capitalised: a proper name, or a word opening a sentence (neutral either way)


def tokens(text: str) -> list[Token]:
    """The words of ``text`` with their offsets (URLs, @handles and #tags left out)."""
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        if m.group(1) is None:
            continue
        word = m.group(1)
        out.append(Token(m.start(1), m.end(1), word.lower(), word[0].isupper()))
    return out


def log_frequencies(words: Sequence[str], langs: Sequence[str]) -> np.ndarray:
    """``log f_l(w)`` (floored) for each language (rows) and word (columns); a language without a
    word list gets the floor for every word."""
    rows = []
    for lang in langs:
        freqs = frequencies(lang)
        if freqs is None:
            rows.append([_FLOOR] * len(words))
        else:
            rows.append(list(map(freqs.get, words, repeat(_FLOOR))))  # freqs.get(w, _FLOOR), one C-level loop
    return np.log(np.maximum(np.array(rows, dtype=np.float64).reshape(len(langs), len(words)), _FLOOR))


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
    """The two candidate languages (with word lists) whose words the text uses most.

    A word counts for the language where it is most frequent, when that is at least three
    times its frequency in any other candidate; each language scores the letters of its words.
    Ties go to fastText's order.
    """
    langs = [lang for lang, p in cands if p >= min_probability and has_frequencies(lang)]
    if len(langs) < 2:
        return None
    words = [t.word for t in toks if not t.name]
    if not words:
        return langs[0], langs[1]
    lengths = np.array([len(w) for w in words], dtype=np.float64)
    # fastText's first five first (cheap); all candidates only when none of the five but the
    # best wins a word.
    logf = log_frequencies(words, langs[:5])
    for subset in (langs[:5], langs) if len(langs) > 5 else (langs,):
        if len(subset) > len(logf):  # the rows of the first five are kept
            logf = np.vstack([logf, log_frequencies(words, subset[len(logf) :])])
        top2 = np.sort(logf, axis=0)[-2:]  # second best, best per word
        clear = (top2[1] > _LOG_FLOOR) & (top2[1] - top2[0] > math.log(3))
        wins = np.zeros(len(subset))
        np.add.at(wins, np.argmax(logf, axis=0)[clear], lengths[clear])
        ranked = sorted(range(len(subset)), key=lambda i: (-wins[i], i))
        if wins[ranked[1]] > 0:
            break
    return subset[ranked[0]], subset[ranked[1]]


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


def token_runs(
    toks: Sequence[Token],
    langs: tuple[str, str],
    switch_penalty: float = 6.0,
    vocabularies: tuple[frozenset[str] | None, frozenset[str] | None] = (None, None),
) -> list[Run]:
    """Words labelled with one of two languages (names neutral), as runs; [] without word lists."""
    if not toks or not has_frequencies(langs[0]) or not has_frequencies(langs[1]):
        return []
    logf = log_frequencies([t.word for t in toks], langs)
    emis = [(0.0, 0.0) if t.name else (a, b) for t, a, b in zip(toks, logf[0].tolist(), logf[1].tolist(), strict=True)]
    # Viterbi over two states.
    score = [emis[0][0], emis[0][1]]
    back: list[tuple[int, int]] = []
    for ea, eb in emis[1:]:
        a_from = 0 if score[0] >= score[1] - switch_penalty else 1
        b_from = 1 if score[1] >= score[0] - switch_penalty else 0
        a = (score[0] if a_from == 0 else score[1] - switch_penalty) + ea
        b = (score[1] if b_from == 1 else score[0] - switch_penalty) + eb
        back.append((a_from, b_from))
        score = [a, b]
    state = 0 if score[0] >= score[1] else 1
    states = [state]
    for a_from, b_from in reversed(back):
        state = a_from if state == 0 else b_from
        states.append(state)
    states.reverse()
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
