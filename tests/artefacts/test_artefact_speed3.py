"""Third round of the artefact checks' fast paths (issue 15): each gives exactly what the definition it
replaces gives (written out here), on texts written to hit the edges."""

from __future__ import annotations

import random

import pytest

from audit.artefacts import quality
from audit.model import Document, Span
from audit.rules import DocContext


def _random_texts(alphabet: str, n: int, seed: int, shortest: int = 0, longest: int = 30) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(shortest, longest))) for _ in range(n)]


def _ctx(text: str) -> DocContext:
    return DocContext(Document(id="d", text=text, source="x/d.txt", locator=None, metadata={}, record=None), 0)


# -- quality: whitespace tokens and those holding a letter ---------------------------------------


def _token_counts_slow(text: str) -> tuple[int, int]:
    return len(text.split()), len(quality._ALPHA_TOKEN.findall(text))


@pytest.mark.parametrize("seed", [1, 2])
def test_token_counts_are_split_and_the_alpha_findall(seed):
    # long enough for the array path (short texts take the regex), with every kind of character that
    # could tell the two apart: Unicode whitespace (no-break space, line and paragraph separators, the
    # information separators str.split splits at), digits and numerics that are not letters to the regex
    # ("½", "²" are \w but not \d), letters outside the BMP, a lone surrogate, underscores
    alphabet = "a1_ .\n-é½²ª\u00a0\x1c\u2028\u3000Z9ß\U0001d400\U0001f600\ud800\t\x0b"
    texts = _random_texts(alphabet, 300, seed, shortest=quality._ARRAY_MIN, longest=quality._ARRAY_MIN + 400)
    texts += _random_texts("ab1 .\n-", 100, seed + 10, shortest=quality._ARRAY_MIN, longest=3000)  # ASCII
    texts += [
        " " * 3000,
        "x" * 3000,
        "12 " * 1000,
        "\U0001d400" * 2100,
        "\U0001d400 1" * 1000,
        "½ " * 1500,
        "   lead " + "word " * 600 + "trail   ",
    ]
    for text in texts:
        assert len(text) >= quality._ARRAY_MIN
        assert quality.token_counts(text) == _token_counts_slow(text), repr(text[:80])


def test_token_counts_of_short_texts():
    for text in ("", " ", "a", "1", "½", "12 345 abc 6x7 -- é½ _ __a (c)", "\U0001d400 \U0001f600"):
        assert quality.token_counts(text) == _token_counts_slow(text)


def test_class_table_agrees_with_the_patterns_on_every_bmp_character():
    table = quality._CLASSES.bmp()
    rnd = random.Random(3)
    for cp in [*range(0, 0x3000), *rnd.sample(range(0x3000, 0x10000), 8000)]:
        c = chr(cp)
        want = quality._SPACE if c.isspace() else quality._LETTER if quality._LETTER_RUN.match(c) else quality._OTHER
        assert table[cp] == want, hex(cp)


# -- the context's passage languages, many offsets at once ---------------------------------------


def test_languages_at_is_language_at_per_offset():
    text = "x" * 200
    ctx = _ctx(text)
    ctx.language = "de"
    offsets = list(range(-1, 205, 3))
    assert ctx.languages_at(offsets) == [ctx.language_at(o) for o in offsets] == ["de"] * len(offsets)
    ordered = [(Span(0, 40), "en", 0.9), (Span(50, 90), "es", 0.8), (Span(90, 150), "fr", 0.7)]
    overlapping = [(Span(0, 60), "en", 0.9), (Span(50, 90), "es", 0.8), (Span(40, 45), "it", 0.7)]
    for pl in (ordered, overlapping):
        ctx.passage_languages = pl
        assert ctx.languages_at(offsets) == [ctx.language_at(o) for o in offsets]
    ctx.passage_languages = list(ordered)
    ctx.languages_at(offsets)
    ctx.passage_languages.append((Span(160, 170), "pt", 0.9))  # grown after the index was built
    assert ctx.languages_at(offsets) == [ctx.language_at(o) for o in offsets]
    assert "pt" in ctx.languages_at(offsets)
    assert ctx.languages_at([]) == []


def test_languages_at_helper_takes_any_lookup():
    from audit.artefacts.common import languages_at

    ctx = _ctx("y" * 100)
    ctx.passage_languages = [(Span(0, 10), "en", 0.9), (Span(20, 30), "es", 0.9)]
    offsets = [0, 5, 15, 25, 99]
    assert languages_at(ctx.language_at, offsets) == ["en", "en", "und", "es", "und"]
    assert languages_at(lambda o: "it" if o > 10 else "pt", offsets) == ["pt", "pt", "it", "it", "it"]


# -- the text layer's words from the characters' classes -----------------------------------------


def _words_slow(text: str):
    from audit.text import WORD_RE

    found = list(WORD_RE.finditer(text))
    return [m.group(0) for m in found], [m.start() for m in found], [m.end() for m in found]


@pytest.mark.parametrize("seed", [4, 5])
def test_layer_words_from_the_array_rule_are_the_word_regex(seed):
    from audit import text as T

    # apostrophes alone, doubled, at the ends and between words; letters, digits and numerics outside
    # ASCII; underscores; letters outside the BMP; a lone surrogate; Unicode whitespace
    alphabet = "ab1_ '’'’.\n-é½²ªßΩ\u00a0\u2028\U0001d400\U0001f600\ud800Z9"
    texts = _random_texts(alphabet, 150, seed, shortest=T._ARRAY_MIN, longest=T._ARRAY_MIN + 300)
    texts += _random_texts("ab1_ '.\n-Z9", 100, seed + 10, shortest=T._ARRAY_MIN, longest=1500)  # ASCII
    texts += [
        "'" + "don't l’eau rock'n'roll 'quoted' o''clock x’ ’y " * 40 + "'",
        "word " * 300,
        "_" * 1200,
        "\U0001d400\U0001d401 " * 500,
    ]
    used = 0
    for text in texts:
        layer = T.TextLayer(text)
        want = _words_slow(text)
        assert (layer.words, layer.starts.tolist(), layer.ends.tolist()) == want, repr(text[:80])
        used += T._array_tokens(text) is not None
    assert used == len(texts)  # none of these holds a mark or a dense script: all took the array rule


def test_layer_words_of_texts_the_array_rule_leaves_to_the_regex():
    from audit import text as T

    # combining marks (decomposed accents, Devanagari vowel signs) and dense scripts (Han, Thai, kana)
    for piece in ("cafe\u0301 ", "हिन्दी ", "北京市 ", "ภาษาไทย ", "ひらがな "):
        text = ("plain words and " + piece) * 80
        assert len(text) >= T._ARRAY_MIN and T._array_tokens(text) is None
        layer = T.TextLayer(text)
        assert (layer.words, layer.starts.tolist(), layer.ends.tolist()) == _words_slow(text)


def test_class_table_of_the_layer_agrees_with_the_patterns():
    import re

    from audit import text as T

    word = re.compile(f"[^\\W_{T.DENSE_SCRIPT}]")
    special = re.compile(f"[{T.MARKS}{T.DENSE_SCRIPT}]")
    table = T._CLASSES.bmp()
    rnd = random.Random(6)
    for cp in [*range(0, 0x3100), *rnd.sample(range(0x3100, 0x10000), 8000)]:
        c = chr(cp)
        want = T._SPECIAL if special.match(c) else T._WORDCHAR if word.match(c) else T._APOSTROPHE if c in "'’" else 0
        assert table[cp] == want, hex(cp)


# -- spam: the cue keywords found from the layer's words -----------------------------------------


@pytest.mark.parametrize("seed", [7, 8])
def test_cue_spans_from_the_layer_words_are_the_cue_regex(seed):
    from audit.artefacts import spam
    from audit.text import TextLayer

    # keywords as words, inside words, next to apostrophes and underscores, digits and numerics, a
    # combining mark (the text then takes the regex), a dense script, capitalised
    pieces = ["site", "order", "orders", "online", "shop", "sale", "download", "pharmacy", "'", "’", "s", " ",
              "_", "1", "é", "\u0301", "中", ".", "x", "Site", "½", "\n", "web"]  # fmt: skip
    rnd = random.Random(seed)
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30))) for _ in range(6000)]
    texts += ["the site's owner", "l'online", "o’order", "sites' shop", "shop_site", "site½", "online\u0301"]
    for text in texts:
        counts = TextLayer(text).word_counts
        want = [m.span() for m in spam._CUE_RE.finditer(text)]
        assert spam._cue_spans(text, counts) == want == spam._cue_spans(text), repr(text)


# -- whitespace: the windows around lower-to-upper junctions -------------------------------------


def _junction_lines_slow(text: str) -> list[tuple[int, int]]:
    """The definition: search the junction regex, widen to the space-delimited token, resume at its end."""
    from audit.artefacts import whitespace

    out = []
    m = whitespace._JUNCTION.search(text)
    lo = 0
    while m is not None:
        j = m.start()
        ws = max(text.rfind(" ", lo, j), text.rfind("\t", lo, j), text.rfind("\n", lo, j)) + 1
        e = whitespace._WINDOW_END.search(text, m.end())
        if e is None:
            out.append((ws, len(text)))
            break
        lo = e.start()
        out.append((ws, lo))
        m = whitespace._JUNCTION.search(text, lo)
    return out


@pytest.mark.parametrize("seed", [9, 10])
def test_junction_windows_from_the_code_points_are_the_regex_search(seed):
    from audit.artefacts import whitespace

    # the ends of both letter ranges (à ö ø ÿ, À Ö Ø Þ) and the two signs inside them (÷ ×), letters
    # just outside (ß, ā, Ā), spaces, tabs, newlines and other whitespace that does not end a window
    alphabet = "aAzZàöøÿÀÖØÞ÷×ßāĀ  \t\n\u00a0.-\U0001d400"
    long = whitespace._ARRAY_MIN
    texts = _random_texts(alphabet, 300, seed, shortest=long, longest=long + 200)
    texts += _random_texts("aZbY \t\n.", 100, seed + 1, shortest=long, longest=long + 200)  # ASCII
    texts += _random_texts(alphabet, 300, seed + 2, longest=60)  # short: the regex
    texts += ["x" * long + "aB", "aB" + " " * long, "deportationsThe " * 200, "ÿÀ" * 1500]
    for text in texts:
        assert whitespace._junction_lines(text) == _junction_lines_slow(text), repr(text[:60])


@pytest.mark.parametrize("seed", [11, 12])
def test_comma_cues_searched_only_in_windows_with_a_keyword_after_a_comma(seed, monkeypatch):
    from audit.artefacts import spam
    from audit.text import TextLayer

    pieces = ["order", "online", "shop", "site", "casino", "store", "deal", ", ", ",\t", ",\n", ",", " and ", " ",
              "Santa Clara", "Berkeley", "Tom", "officials", "his wife", "the", "pundits", ". ", "\n"]  # fmt: skip
    rnd = random.Random(seed)
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 40))) for _ in range(3000)]
    texts += [
        "Santa Clara County, San Francisco, order and Berkeley officials said.",
        "many pundits, casino and politicians",
    ]

    def found(text):
        return spam.find_injections(text, lambda _o: "en", TextLayer(text).word_counts)

    windows = spam._keyword_windows
    reported = 0
    for text in texts:
        fast = found(text)
        with monkeypatch.context() as mp:  # the definition: every pattern in every window
            mp.setattr(spam, "_keyword_windows", lambda *a, **k: [(s, e, True) for s, e, _c in windows(*a, **k)])
            slow = found(text)
        assert fast == slow, repr(text)
        reported += bool(fast)
    assert reported >= 20  # the cues do report in these texts


@pytest.mark.parametrize("seed", [13, 14])
def test_lower_tokens_placed_by_one_pass_are_the_regex_tokens(seed):
    from audit.artefacts import whitespace
    from audit.text import TextLayer

    # words once, twice, capitalised once, after an apostrophe or a URL-ish mark, common English words
    pieces = ["governorsaid", "blowingand", "Governorsaid", "nightstands", "about", "the", "whereof",
              "www.", "@", "#", "'", " ", " ", "\n", ".", "-", "ofthe", "wherethe", "fabriche", "é"]  # fmt: skip
    rnd = random.Random(seed)
    for _ in range(2000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 30)))
        layer = TextLayer(text)
        vocab = layer.word_counts
        assert whitespace._lower_tokens(text, vocab, layer) == whitespace._lower_tokens(text, vocab, None), text


# -- sentences: a passage without a cut is its own span ------------------------------------------


def test_sentences_reuse_whole_passages_and_equal_the_stripped_pieces():
    from collections import namedtuple

    from audit import segment
    from audit.text import TextLayer

    Piece = namedtuple("Piece", "start end")  # not a Span: every piece is stripped and built anew
    rnd = random.Random(15)
    pieces = ["The end. ", "U.S. The ", "no stop ", "“Yes.” she said. ", "\n\n", "\n", "  ", "Ok? Fine! ", "x"]
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 25))) for _ in range(1500)]
    texts += ["  indented line\n\n  another one.  Two. \n", "\u00a0lead and trail\u2028"]
    for text in texts:
        passages = TextLayer(text).passages
        fast = segment.split_sentences(text, passages)
        slow = segment.split_sentences(text, [Piece(p.start, p.end) for p in passages])
        assert fast == slow, repr(text)
        unstripped = [Span(max(0, p.start - 1), min(len(text), p.end + 1)) for p in passages]
        if all(a.end <= b.start for a, b in zip(unstripped, unstripped[1:], strict=False)):
            slow = segment.split_sentences(text, [Piece(p.start, p.end) for p in unstripped])
            assert segment.split_sentences(text, unstripped) == slow, repr(text)


@pytest.mark.parametrize("seed", [16, 17])
def test_glued_words_with_the_layer_are_those_of_the_regex(seed):
    from audit.artefacts import whitespace
    from audit.text import TextLayer

    # lower-case joins that split ("governorsaid", "ofthe"), ones behind a URL mark or an apostrophe
    # (the token regex rejects those only after the split), camel and Pascal joins
    pieces = ["governorsaid", "blowingand", "ofthe", "wherethe", "nightstands", "deportationsThe", "WashingtonThe",
              "www.", "/", "'", "@", " ", " ", "\n", ".", "-", "the", "said", "governor", "é"]  # fmt: skip
    rnd = random.Random(seed)
    reported = 0
    for _ in range(1500):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 30)))
        layer = TextLayer(text)
        vocab = layer.word_counts
        fast = whitespace.find_camel(text, lambda _o: "en", vocab, None, layer)
        assert fast == whitespace.find_camel(text, lambda _o: "en", vocab, None, None), repr(text)
        reported += bool(fast)
    assert reported > 100


# -- the whole text's stop-word guess from the layer's counts -------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_document_language_is_the_guess_of_the_whole_text(seed):
    from collections import Counter

    from audit.artefacts.common import _lowers_alike, document_language, guess_language
    from audit.text import words

    # characters whose lower case is longer ("İ"), takes its neighbours into account ("Σ"), leaves ASCII
    # ("K" Kelvin), is a letter of another class (Roman numerals, circled letters), a combining mark or a
    # dense-script character, among apostrophes, stop words of several languages and separators
    pieces = [
        "the", "The", "THE", "and", "de", "la", "LE", "und", "die", "el", "il", "et", "of", "İ", "Σ", "ΟΔΟΣ",
        "σ", "ς", "\u212a", "ſ", "ı", "ß", "ẞ", "ǅ", "Ⅰ", "ⅰ", "Ⓐ", "ⓐ", "é", "É", "e\u0301", "\u0307", "中",
        "ก", "'", "’", "l’", "_", "1", "²", " ", " ", "\n", ".", ",", "-",
    ]  # fmt: skip
    rnd = random.Random(seed)
    texts = []
    for _ in range(600):
        alphabet = rnd.sample(pieces, rnd.randint(4, len(pieces)))  # a few: more texts take the layer's counts
        texts.append("".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 400))))
    fast = 0
    for text in texts:
        ctx = _ctx(text)
        assert document_language(ctx) == guess_language(text)[0]
        if all(map(_lowers_alike, set(text))):
            fast += 1
            assert ctx.word_counts == Counter(words(text.lower()))
    assert fast > 100  # the layer's counts were read, not only the fallback
