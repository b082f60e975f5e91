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
from typing import Sequence

from audit.language.backends import Candidates

#: Word tokens of the original text with offsets; URLs, handles and hashtags are matched (to skip them).
_TOKEN = re.compile(r"(?:https?://|www\.)\S+|[@#]\w+|([^\W\d_]+(?:['’][^\W\d_]+)*)")
#: Frequency of a word a language's list does not hold (about the rarest listed words).
_FLOOR = 1e-7
_LOG_FLOOR = math.log(_FLOOR)


@functools.cache
def frequencies(lang: str) -> dict[str, float] | None:
    """wordfreq's frequency of each word of ``lang`` (None when wordfreq has no list for it)."""
    import wordfreq

    if lang not in wordfreq.available_languages():
        return None
    return wordfreq.get_frequency_dict(lang, wordlist="small")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    word: str  # lower case
    name: bool  # capitalised and not the first word: probably a proper name


def tokens(text: str) -> list[Token]:
    """The words of ``text`` with their offsets (URLs, @handles and #tags left out)."""
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        if m.group(1) is None:
            continue
        word = m.group(1)
        out.append(Token(m.start(1), m.end(1), word.lower(), bool(out) and word[0].isupper()))
    return out


def word_log_likelihood(words: Sequence[str], lang: str) -> float | None:
    freqs = frequencies(lang)
    if freqs is None:
        return None
    get = freqs.get
    return sum(math.log(max(get(w, 0.0), _FLOOR)) for w in words)


def identify_short(words: Sequence[str], cands: Candidates, weight: float = 1.0) -> tuple[str, float]:
    """The language of a short text from fastText's candidates and its words (lower case, names left out).

    Each candidate ``l`` with probability ``p`` scores ``weight * log p + sum(log f_l(w))``;
    a candidate without a word list gets the floor frequency for every word (it must win on
    fastText's probability alone). Returns the best candidate and its normalised share.
    """
    if not cands:
        return "und", 0.0
    scores: dict[str, float] = {}
    for lang, p in cands:
        ll = word_log_likelihood(words, lang)
        if ll is None:
            ll = _LOG_FLOOR * len(words)
        scores[lang] = weight * math.log(max(p, 1e-6)) + ll
    best = max(sorted(scores), key=lambda k: scores[k])
    top = scores[best]
    total = sum(math.exp(s - top) for s in scores.values())
    return best, 1.0 / total


def likeliest_pair(toks: Sequence[Token], cands: Candidates) -> tuple[str, str] | None:
    """The two candidate languages (with word lists) whose words the text uses most.

    A word counts for the language where it is most frequent, when that is at least three
    times its frequency in any other candidate; each language scores the letters of its words.
    Ties go to fastText's order.
    """
    langs = [lang for lang, _p in cands if frequencies(lang) is not None]
    if len(langs) < 2:
        return None
    tables = [frequencies(lang) for lang in langs]
    wins = dict.fromkeys(langs, 0)
    for t in toks:
        if t.name:
            continue
        fs = sorted(((table.get(t.word, 0.0), lang) for table, lang in zip(tables, langs, strict=True)), reverse=True)
        if fs[0][0] > 0 and fs[0][0] > 3 * fs[1][0]:
            wins[fs[0][1]] += len(t.word)
    order = {lang: i for i, lang in enumerate(langs)}
    ranked = sorted(langs, key=lambda lang: (-wins[lang], order[lang]))
    return ranked[0], ranked[1]


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


def token_runs(toks: Sequence[Token], langs: tuple[str, str], switch_penalty: float = 6.0) -> list[Run]:
    """Words labelled with one of two languages (names neutral), as runs; [] without word lists."""
    fa, fb = frequencies(langs[0]), frequencies(langs[1])
    if fa is None or fb is None or not toks:
        return []
    emis: list[tuple[float, float]] = []
    for t in toks:
        if t.name:
            emis.append((0.0, 0.0))
        else:
            emis.append((math.log(max(fa.get(t.word, 0.0), _FLOOR)), math.log(max(fb.get(t.word, 0.0), _FLOOR))))
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
        runs.append(Run(langs[states[i]], toks[i].start, toks[j - 1].end, j - i, letters, margin))
        i = j
    return runs
