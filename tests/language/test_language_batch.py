"""The batched word pass of short records gives the answers of the plain one, text by text."""

from __future__ import annotations

import random

import numpy as np

from audit.language import short
from audit.language.backends import FastTextBackend, clean_for_detection
from audit.language.identify import LanguageConfig, finish_short, read_short, short_words_batch
from audit.language.short import bounds_fail, pair_with_frequencies, pairs_with_frequencies, prose_words, tokens
from audit.language.wordlists import frequencies

#: Written for these tests: monolingual, mixed, title case, handles and links, names, one word.
TEXTS = [
    "The council approved the budget on Tuesday after a long debate",
    "I love this song so much, la escucho todo el día con mis amigos",
    "no puedo believe this is happening lol",
    "titan daher",
    "Harbour Reopens After Storm",
    "@maria jajaja see you at the beach mañana http://t.co/x #summer",
    "Show up: Venir. Te quiero mucho, my friend!",
    "Ayer fuimos al cine and then we went home, it was great pero muy tarde",
    "vamos a la playa",
    "Que bonito day today",
    "Les enfants jouent dans le jardin de la maison",
    "Ich habe heute keine Zeit, sorry, maybe tomorrow",
    "ok",
]


def _random_texts(n: int, seed: int) -> list[str]:
    """Texts of words drawn from two lists (mostly one), some capitalised, some with punctuation."""
    rng = random.Random(seed)
    pools = {lang: list(frequencies(lang))[:5000] for lang in ("en", "es", "pt", "fr", "it", "de")}
    out = []
    for _ in range(n):
        a, b = rng.sample(sorted(pools), 2)
        words = []
        for _ in range(rng.randint(1, 40)):
            w = rng.choice(pools[b if rng.random() < rng.choice((0.0, 0.1, 0.4)) else a])
            words.append(w.capitalize() if rng.random() < 0.1 else w)
            if rng.random() < 0.08:
                words[-1] += rng.choice((".", ",", "!", ":"))
        out.append(" ".join(words))
    return out


def test_prose_words_are_the_tokens_words():
    rng = random.Random(3)
    pieces = ["a", "B", "Σ", "ς", "İ", "é", "'", "’", "-", " ", "\n", ".", ". ", ": ", "3", "3.5", "x.y", "Ab.cd"]
    pieces += ["http://a.b/C", "www.c", "@h", "#t", "_", "ß", "ǅ", "中", "\u0301", "!", "?", "Word", "word", "U.S."]
    texts = TEXTS + ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 40))) for _ in range(5000)]
    texts += ["x (Game 3), 4 p.m.", "Pro baseball: AL Division -- Anaheim vs. Red Sox", "a. B c d e f"]
    for text in texts:
        toks = tokens(text)
        assert prose_words(text) == ([t.word for t in toks if not t.name], [t.word for t in toks]), text


def test_batched_pairs_are_the_plain_pairs():
    ft = FastTextBackend()
    texts = TEXTS + _random_texts(300, seed=11)
    batch = []
    for text in texts:
        prose, _all = prose_words(text)
        batch.append((prose, ft.predict([clean_for_detection(text)], k=20)[0]))
    batch.append((["the", "cat"], [("en", 0.9)]))  # one candidate: no pair
    batch.append(([], [("en", 0.6), ("es", 0.3)]))  # no words: fastText's two
    batch.append((["the", "cat"], [("en", 0.5), ("xx", 0.3), ("es", 0.2)]))  # a candidate without a list
    for size in (1, 7, len(batch)):
        for start in range(0, len(batch), size):
            part = batch[start : start + size]
            got = pairs_with_frequencies(part, 0.0001)
            for (words, cands), (pair, logf) in zip(part, got, strict=True):
                want, want_logf = pair_with_frequencies(words, cands, 0.0001)
                assert pair == want, words
                assert (logf is None and want_logf is None) or np.array_equal(logf, want_logf)


def test_a_near_tie_is_read_the_plain_way(monkeypatch):
    """Two candidates with the same words' frequencies gain exactly as much: the plain sums decide."""
    calls = []
    real = short.pair_with_frequencies
    monkeypatch.setattr(short, "pair_with_frequencies", lambda *a: calls.append(a) or real(*a))
    words = ["the", "house", "casa", "maison"]
    cands = [("en", 0.5), ("fr", 0.2), ("fr", 0.2), ("es", 0.1)]  # fr twice: equal gains
    (pair, _logf), *_ = pairs_with_frequencies([(words, cands)], 0.0001)
    assert pair == real(words, cands, 0.0001)[0]
    assert calls


def test_the_batched_bound_stops_only_texts_the_plain_bound_stops():
    ft = FastTextBackend()
    logfs = []
    for text in TEXTS + _random_texts(300, seed=5):
        prose, _all = prose_words(text)
        pair, logf = pair_with_frequencies(prose, ft.predict([clean_for_detection(text)], k=20)[0], 0.0001)
        if logf is not None:
            logfs.append(logf)
    for margin in (0.5, 2.0, 6.0):
        fails = bounds_fail(logfs, margin)
        for logf, fail in zip(logfs, fails, strict=True):
            d = logf[0] - logf[1]
            pos = np.maximum(d, 0.0)
            up_a, up_b = float(pos.sum()), float((pos - d).sum())
            plain = up_a + 2e-9 * (1 + up_a + up_b) < margin or up_b + 2e-9 * (1 + up_a + up_b) < margin
            assert not fail or plain  # never stops a text the plain bound lets through
        assert sum(fails) > 0  # and it does stop texts


def test_short_words_of_a_batch_are_read_shorts():
    ft = FastTextBackend()
    cfg = LanguageConfig()
    texts = TEXTS + _random_texts(120, seed=2) + ["", "12345 | 678"]
    got = short_words_batch(ft, [(t, None) for t in texts], cfg)
    mixed = 0
    for text, words in zip(texts, got, strict=True):
        for known, conf in (("und", 0.0), ("en", 0.8)):
            want = read_short(ft, text, cfg, known, conf)
            assert finish_short(words, cfg, known, conf) == want, text
        mixed += bool(words is not None and words.runs)
    assert mixed >= 3
