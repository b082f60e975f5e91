"""The word-by-word reading of short texts (audit.language.short): its fast paths give the answers of
the plain definitions (dictionary lookups per word and language, one Viterbi labelling filtered twice,
one model call per k)."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from audit.language import short
from audit.language.backends import FastTextBackend, clean_for_detection
from audit.language.identify import LanguageConfig, unlisted_lead
from audit.language.screen import vocabulary
from audit.language.short import (
    _FLOOR,
    _Lexicon,
    counted_runs,
    likeliest_pair,
    log_frequencies,
    token_runs,
    tokens,
)
from audit.language.wordlists import frequencies, listed_languages, merged_lists, shard_of

TEXTS = [
    "I love this song so much, la escucho todo el día con mis amigos",
    "Vamos a la playa mañana con toda la familia si hace buen tiempo",
    "The council approved the budget on Tuesday after a long debate about road repairs.",
    "Watching the game tonight with Juan Carlos and the whole family, should be fun",
    "no puedo believe que ya es friday otra vez lol",
    "@maria_22 check http://t.co/xyz and www.example.com/page: Amazon.com, U.S. shares l'homme d’État rock'n'roll",
    "Il a dit qu'il viendra demain, but I don't think he will make it on time",
    "Die Regierung hat heute neue Maßnahmen beschlossen",
    "123 456 7.8.9 --- ###",
]

#: The token pattern as first written (backtracking quantifiers).
_PLAIN_TOKEN = re.compile(r"(?:https?://|www\.)\S+|[@#]\w+|\w+(?:\.\w+)+|([^\W\d_]+(?:['’][^\W\d_]+)*)")


def _plain_log_frequencies(words, langs):
    rows = []
    for lang in langs:
        freqs = frequencies(lang)
        rows.append([_FLOOR] * len(words) if freqs is None else [freqs.get(w, _FLOOR) for w in words])
    return np.log(np.maximum(np.array(rows, dtype=np.float64).reshape(len(langs), len(words)), _FLOOR))


@pytest.mark.parametrize("text", TEXTS + ["a.b.c x.y", "abc123def ghi_jkl o'neil 'quoted' rock’n’roll"])
def test_tokens_match_the_plain_pattern(text):
    expected = [(m.start(1), m.end(1)) for m in _PLAIN_TOKEN.finditer(text) if m.group(1) is not None]
    got = tokens(text)
    assert [(t.start, t.end) for t in got] == expected
    assert [t.word for t in got] == [text[s:e].lower() for s, e in expected]
    # Capitalised words are names, but for sentence openings after the first in lower-case text.
    assert all(t.name <= text[t.start].isupper() for t in got)


@pytest.mark.parametrize(
    ("text", "neutral"),
    [
        # A sentence opening after the first is a word when the text is mostly lower case.
        ("Stubborn: Terco. My little brother is so stubborn", ["stubborn"]),
        ("so tired today. Vamos a ver mañana! maybe not", []),
        # The first word may be a name (a headline); every word of a title-case text is neutral.
        ("Monti gives Abbey takeover green light", ["monti", "abbey"]),
        ("Ya Kiero Que Mi Dad Agarre. Las Taxas", ["ya", "kiero", "que", "mi", "dad", "agarre", "las", "taxas"]),
    ],
)
def test_names_are_capitalised_words_but_sentence_openings(text, neutral):
    assert [t.word for t in tokens(text) if t.name] == neutral


@pytest.mark.parametrize("capacity", [65536, 16])
def test_lexicon_gives_the_dictionary_values_whatever_was_merged_before(monkeypatch, capacity):
    """Words of shards merged before, merged by the same text's lookup, in no list, repeated; languages
    with and without a list, repeated; the same values as one dictionary lookup per word and language
    (with 16 words kept at hand, the table fills and starts again inside the test; a list of more
    than a quarter of them is read without being kept)."""
    lexicon = _Lexicon(capacity=capacity)
    monkeypatch.setattr(short, "_lexicon", lambda: lexicon)
    words = "the house la casa die haus unknownword zzqq the la não über".split()
    order = (["en"], ["en", "es"], ["de", "es", "en", "fr"], ["xx", "en"], ["es", "yy"], [], ["it", "pt"], ["en", "en"])
    more = words + "perro chien hund dog gato katze chat cat rojo rot rouge red casa maison haus house".split()
    windows = [more[i : i + 4] for i in range(0, len(more), 3)]
    for langs in order:
        for chunk in [words, words[3:], words * 3, ["zzqq"], [], *windows]:
            got = log_frequencies(chunk, langs)
            assert got.shape == (len(langs), len(chunk))
            assert np.array_equal(got, _plain_log_frequencies(chunk, langs)), (langs, chunk)
    assert len(lexicon.seen) <= capacity and "house" in lexicon.seen


def test_merged_lists_read_only_the_shards_of_the_words_asked(monkeypatch):
    lexicon = _Lexicon()
    monkeypatch.setattr(short, "_lexicon", lambda: lexicon)
    words = ["the", "casa", "haus", "zzqxj"]
    log_frequencies(words, ["en", "es", "de"])
    lists = merged_lists(tuple(lexicon.langs))
    lists._shards = [None] * len(lists._shards)  # forget what other tests read
    lexicon.seen.clear()
    log_frequencies(words, ["en", "es", "de"])
    assert {s for s, shard in enumerate(lists._shards) if shard is not None} == {shard_of(w) for w in words}


@pytest.mark.slow
def test_lexicon_equals_the_lists_for_every_language():
    """Every word of every list, in every language at once: ``np.log(np.maximum(frequency, floor))``
    of its list's frequency (the floor where a list does not hold it)."""
    lexicon = _Lexicon()
    langs = sorted(listed_languages())
    for lang in langs:
        freqs = frequencies(lang)
        words = list(freqs) + ["zzqxj", "qqqq-no-such-word"]
        got = lexicon.lookup(words, [lang, "xx"])
        expected = np.log(np.maximum(np.array([freqs.get(w, _FLOOR) for w in words], dtype=np.float64), _FLOOR))
        assert np.array_equal(got[0], expected), lang
        assert (got[1] == short._NP_LOG_FLOOR).all()
    sample = [w for lang in langs for w in list(frequencies(lang))[::97]]
    assert np.array_equal(lexicon.lookup(sample, langs), _plain_log_frequencies(sample, langs))


def test_merged_lists_without_a_cache_folder_are_built_in_memory(monkeypatch, tmp_path):
    """No cache folder: the lists are merged in memory; with one, written once and read back (the same
    values either way)."""
    from audit.language import wordlists

    langs = ["de", "en", "es", "pt", "ru"]
    words = "the house la casa die haus unknownword não über и".split()
    expected = _plain_log_frequencies(words, langs + ["xx"])
    monkeypatch.setenv("CORPUS_AUDIT_CACHE_DIR", "")
    wordlists.merged_lists.cache_clear()
    try:
        lexicon = _Lexicon(langs)
        assert np.array_equal(lexicon.lookup(words, langs + ["xx"]), expected)
        assert isinstance(lexicon._lists._data, bytes)  # no file
        monkeypatch.setenv("CORPUS_AUDIT_CACHE_DIR", str(tmp_path))
        wordlists.merged_lists.cache_clear()
        for _ in range(2):  # written, then read
            lexicon = _Lexicon(langs)
            assert np.array_equal(lexicon.lookup(words, langs + ["xx"]), expected)
            assert not isinstance(lexicon._lists._data, bytes)  # the file, memory-mapped
            wordlists.merged_lists.cache_clear()
        assert len(list((tmp_path / "wordfreq").glob("merged-*"))) == 1
    finally:
        wordlists.merged_lists.cache_clear()


def test_likeliest_pair_and_runs_match_the_two_pass_definition():
    ft = FastTextBackend()
    for text in TEXTS:
        toks = tokens(text)
        cands = ft.predict([clean_for_detection(text)], k=20)[0]
        pair = likeliest_pair(toks, cands, 0.0001)
        if pair is None:
            continue
        # The definition: label, keep runs with letters and margin; only when both languages remain,
        # label again with the vocabularies and keep runs with a word of their own.
        runs = [r for r in token_runs(toks, pair, 1.5) if r.letters >= 3 and r.margin >= 1.0]
        if len({r.lang for r in runs}) >= 2:
            vocabs = (vocabulary(pair[0], 3000), vocabulary(pair[1], 3000))
            runs = [r for r in token_runs(toks, pair, 1.5, vocabs) if r.letters >= 3 and r.margin >= 1.0 and r.own]
        expected = tuple(runs) if len({r.lang for r in runs}) >= 2 else ()
        got = counted_runs(toks, pair, 1.5, 3, 1.0, lambda p=pair: (vocabulary(p[0], 3000), vocabulary(p[1], 3000)))
        assert got == expected, text


def _plain_pair(words, cands, min_probability):
    """pair_with_frequencies' definition, a word and a language at a time."""
    listed = listed_languages()
    langs = [lang for lang, p in cands if p >= min_probability and lang in listed]
    if len(langs) < 2:
        return None
    if not words:
        return langs[0], langs[1]
    logf = _plain_log_frequencies(words, langs).tolist()
    for n in (5, len(langs)) if len(langs) > 5 else (len(langs),):
        wins = [0.0] * n
        for j, w in enumerate(words):
            column = [logf[i][j] for i in range(n)]
            best = max(range(n), key=column.__getitem__)  # the first of equals
            second = max(column[i] for i in range(n) if i != best)
            if column[best] > math.log(_FLOOR) and column[best] - second > math.log(3):
                wins[best] += len(w)
        ranked = sorted(range(n), key=lambda i: -wins[i])
        if wins[ranked[1]] > 0:
            break
    first = ranked[0]
    gains = [sum(max(a - b, 0.0) for a, b in zip(row, logf[first], strict=True)) for row in logf]
    gains[first] = -1.0
    second = max(range(len(langs)), key=gains.__getitem__)
    if gains[second] <= 0:
        second = ranked[1]
    return langs[first], langs[second]


def test_pair_matches_the_plain_definition():
    """The likeliest pair (numpy, one matrix per text) is the definition's, on texts and on words
    drawn from several lists at once."""
    import random

    ft = FastTextBackend()
    rng = random.Random(7)
    pools = {lang: list(frequencies(lang))[:4000] for lang in ("en", "es", "pt", "fr", "it", "de")}
    texts = list(TEXTS)
    for _ in range(60):
        langs = rng.sample(sorted(pools), 2)
        texts.append(" ".join(rng.choice(pools[langs[rng.random() < 0.3]]) for _ in range(rng.randint(2, 25))))
    for text in texts:
        toks = tokens(text)
        words = [t.word for t in toks if not t.name]
        cands = ft.predict([clean_for_detection(text)], k=20)[0]
        got, logf = short.pair_with_frequencies(words, cands, 0.0001)
        assert got == _plain_pair(words, cands, 0.0001), text
        if got is not None and words:
            assert np.array_equal(logf, _plain_log_frequencies(words, list(got)))


def test_counted_runs_finds_a_mix_and_skips_a_monolingual_text_without_labelling(monkeypatch):
    ft = FastTextBackend()
    mixed = "I love this song so much, la escucho todo el día con mis amigos"
    toks = tokens(mixed)
    pair = likeliest_pair(toks, ft.predict([clean_for_detection(mixed)], k=20)[0], 0.0001)
    assert set(pair) == {"en", "es"}
    runs = counted_runs(toks, pair, 1.5, 3, 1.0, lambda: (vocabulary(pair[0], 3000), vocabulary(pair[1], 3000)))
    assert {r.lang for r in runs} == {"en", "es"}
    # A text whose words all favour one language cannot hold a counted run of the other: no labelling.
    calls = []
    monkeypatch.setattr(short, "_viterbi", lambda *a: calls.append(a) or [])
    plain = tokens("the and of the with them")
    assert counted_runs(plain, ("en", "es"), 1.5, 3, 1.0, lambda: (None, None)) == ()
    assert not calls


def test_fasttext_answers_a_smaller_k_from_a_larger_one():
    texts = [clean_for_detection(t) for t in TEXTS if clean_for_detection(t)]
    fresh = FastTextBackend()
    fresh.clear_cache()
    expected = {k: fresh.predict(texts, k=k) for k in (1, 3, 5)}
    for first in (20, 3):
        primed = FastTextBackend()
        primed.clear_cache()
        primed.predict(texts, k=first)
        for k in (1, 3, 5):
            assert primed.predict(texts, k=k) == expected[k]
        primed.clear_cache()
    fresh.clear_cache()


def test_floor_constants_agree():
    assert short._NP_LOG_FLOOR == pytest.approx(math.log(_FLOOR), abs=1e-12)


@pytest.fixture(scope="module")
def check():
    from audit.language import LanguageCheck, LanguageConfig
    from audit.rules import Settings

    return LanguageCheck(LanguageConfig(), Settings())


def _languages(check, text):
    from audit.model import Document
    from audit.rules import DocContext

    ctx = DocContext(Document(id="t", text=text, source="t"), 0)
    list(check.check(ctx))
    return ctx.languages


@pytest.mark.parametrize(
    ("text", "langs"),
    [
        # The second language gains most on the words English explains badly (not Italian).
        ("vamos a la beach this weekend", {"en", "es"}),
        # A sentence opening in Spanish is Spanish evidence, not a name.
        ("Stubborn: Terco. My little brother is so stubborn, he never listens to anyone.", {"en", "es"}),
        ("I can't wait for the weekend. Vamos a bailar toda la noche", {"en", "es"}),
    ],
)
def test_code_switched_short_texts_name_both_languages(check, text, langs):
    assert set(_languages(check, text)) == langs


@pytest.mark.parametrize(
    "text",
    [
        # One foreign-looking word in a sentence of news is not a second language (run_min_share).
        "The company said its quarterly profit rose sharply as sales of its new phones came in above par, "
        "and analysts expect the trend to continue through the holiday season as demand for premium "
        "devices stays strong.",
        "Shares of the airline fell after the regulator said it would halt flights on two routes while it "
        "reviews the safety record, a move that analysts said could weigh on earnings for the rest of the year.",
        "The cleric issued a fatwa against the group on Friday, saying its members had betrayed the faith, "
        "while officials in the capital said they would investigate the claims made by the militants.",
        # Headlines that open with a name.
        "Monti gives Abbey takeover green light",
        "Cordero sets new club mark",
    ],
)
def test_monolingual_news_keeps_one_language(check, text):
    assert _languages(check, text) == {"en": 1.0}


# --- The clear-language fast path (identify.clearly_one): a short text clearly in one language is not
# labelled word by word.

_CLEAR_NEWS = (
    "The chef said the secret of the dish was to cook the pasta al dente and serve it at once, and that "
    "diners at his new restaurant in the city would be able to watch the kitchen at work."
)


def _cands(lang, p=0.99, other="es"):
    return [(lang, p), (other, 1 - p)]


def test_clearly_one_when_every_word_is_common():
    from audit.language.identify import LanguageConfig, clearly_one

    cfg = LanguageConfig()
    words = "i think we should go home now".split()
    assert clearly_one(words, _cands("en", 0.6), cfg)  # no confidence needed: every word is common English
    # One word outside English's common words, in a short text: read word by word.
    assert not clearly_one(words + ["mañana"], _cands("en", 0.99), cfg)


def test_clearly_one_on_long_text_allows_few_isolated_unknown_words():
    from audit.language.identify import LanguageConfig, clearly_one

    cfg = LanguageConfig()
    base = (
        "the government said on monday that it would spend more money on schools and roads next year "
        "after a long debate in parliament about the budget and taxes"
    ).split()
    assert len(base) >= cfg.clear_min_words
    one = base[:10] + ["dente"] + base[10:]
    assert clearly_one(one, _cands("en", 0.99), cfg)
    assert not clearly_one(one, _cands("en", 0.5), cfg)  # fastText unsure
    assert not clearly_one(one[:20], _cands("en", 0.99), cfg)  # too short for the confidence path
    # Two unknown words in a row is a possible switch of language.
    assert not clearly_one(base[:10] + ["tenemos", "ganas"] + base[10:], _cands("en", 0.99), cfg)
    # Too many unknown words.
    many = [w for x in base for w in (x, "xqzt")][: len(base)]
    assert not clearly_one(many, _cands("en", 0.99), cfg)


def test_clear_short_record_skips_the_word_labelling(check, monkeypatch):
    from audit.language import identify

    calls = []
    real = identify.pair_with_frequencies

    def spy(*a, **k):
        calls.append(a)
        return real(*a, **k)

    monkeypatch.setattr(identify, "pair_with_frequencies", spy)
    assert _languages(check, _CLEAR_NEWS) == {"en": 1.0}
    assert calls == []
    # A real mix is still labelled word by word and named both languages.
    assert set(_languages(check, "no puedo believe que ya es friday otra vez lol")) == {"en", "es"}
    assert calls


def test_clear_news_record_has_one_language_where_the_word_labelling_found_two():
    from audit.language import LanguageCheck, LanguageConfig
    from audit.rules import Settings

    without = LanguageCheck(LanguageConfig(clear_min_words=10**6), Settings())
    assert len(_languages(without, _CLEAR_NEWS)) == 2  # "al dente" read as Italian words
    assert _languages(LanguageCheck(LanguageConfig(), Settings()), _CLEAR_NEWS) == {"en": 1.0}


@pytest.mark.parametrize(
    "text",
    [
        # An English headline with a word French shares ("organisation"), a few times more frequent in
        # French: a run of it needs a margin of run_min_margin (2 nats), which one such word lacks.
        "Aid organisation warns of food shortages",
        "Charity organisation opens new shelter",
    ],
)
def test_headline_with_a_shared_word_keeps_one_language(check, text):
    assert _languages(check, text) == {"en": 1.0}


def test_unlisted_lead_only_when_the_words_are_unknown_to_the_lists():
    """A short text whose likeliest language has no word list (Esperanto) and whose words the listed
    candidates do not know is not read word by word; one whose words they know (an English-Spanish line
    that fastText happens to call Esperanto) still is, and so is any text led by a listed language."""
    cfg = LanguageConfig()
    cands = [("eo", 0.7), ("es", 0.2), ("en", 0.05)]
    assert unlisted_lead(cands, ["kiu", "multe", "parolas", "tiu", "malmulte", "faras"], cfg)
    assert not unlisted_lead(cands, ["the", "house", "is", "muy", "bonita", "hoy"], cfg)
    assert not unlisted_lead([("es", 0.6), ("eo", 0.3)], ["kiu", "multe", "parolas"], cfg)
    assert not unlisted_lead([("eo", 0.4), ("es", 0.3), ("en", 0.2)], ["kiu", "multe", "parolas"], cfg)
