"""The shared text layer (audit/text.py): one definition of a word, offsets, counts, keys."""

from __future__ import annotations

import random

import pytest

from audit import segment
from audit.model import Document
from audit.normalize import normalize, normalize_fast
from audit.rules import DocContext
from audit.text import WORD_RE, TextLayer, lower_all, words

WIRE = (
    "LONDON, March 3 - Copper stocks fell 1,250 tonnes to\n"
    "145,300 tonnes in the week to Friday, the exchange said. It's the\n"
    "third fall in a row, traders said.\n"
    "\n"
    "    Stocks (tonnes)     this week   last week\n"
    "    Copper              145,300     146,550\n"
)
MIXED = (
    "Él dijo “no sé” — l’eau, don't; ÉCOLE Straße İstanbul\n"
    "हिन्दी पाठ यहाँ है। 中文测试文本 ภาษาไทย\n"
    "snake_case under_score e-mail 3.5%\n"
)


@pytest.mark.parametrize("text", [WIRE, MIXED, "", "   \n\n ", "a", "x'", "'quoted' words’ here’s"])
def test_words_offsets_and_lower_agree_with_the_one_word_regex(text):
    layer = TextLayer(text)
    expected = [m.group(0) for m in WORD_RE.finditer(text)]
    assert layer.words == expected == words(text)
    assert [(int(s), int(e)) for s, e in zip(layer.starts, layer.ends, strict=True)] == [
        m.span() for m in WORD_RE.finditer(text)
    ]
    assert layer.lower == [w.lower() for w in expected]
    assert layer.word_counts == __import__("collections").Counter(w.lower() for w in expected)


def test_word_definition():
    # Apostrophes inside words stay; underscores, hyphens and punctuation split; combining marks stay
    # inside an Indic word; each Han or Thai character is a word.
    assert words("don't l’eau snake_case e-mail") == ["don't", "l’eau", "snake", "case", "e", "mail"]
    assert words("हिन्दी") == ["हिन्दी"]
    assert words("中文") == ["中", "文"]
    assert words("'quoted'") == ["quoted"]


def test_ascii_fast_path_matches_the_unicode_pattern():
    rnd = random.Random(5)
    alphabet = "ab Z9'_-.\n\t"
    for _ in range(3000):
        t = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 15)))
        assert TextLayer(t).words == WORD_RE.findall(t)
        assert words(t) == WORD_RE.findall(t)


def test_line_word_counts_equal_counting_each_line():
    for text in (WIRE, MIXED, "one\n\n  two three \nfour"):
        layer = TextLayer(text)
        assert layer.lines == segment.lines(text)
        assert layer.line_word_counts == tuple(len(words(text[s.start : s.end])) for s in segment.lines(text))


def test_word_range_and_count_in():
    layer = TextLayer("alpha beta gamma delta")
    assert layer.word_range(0, 10) == (0, 2)
    assert layer.words_in(6, 22) == ["beta", "gamma", "delta"]
    assert layer.count_in([(0, 5), (5, 6), (6, 22)]) == [1, 0, 3]
    assert layer.count_in([]) == []


def test_lower_all_never_changes_the_number_of_words():
    ws = ["İstanbul", "STRASSE", "ǅ", "x"]
    assert lower_all(ws) == [w.lower() for w in ws]
    assert lower_all([]) == []


def test_exact_key_ignores_case_quotes_and_whitespace_only():
    a = TextLayer("The “Fed” said  it's done\n")
    b = TextLayer('the "fed" said it’s done')
    c = TextLayer("the fed said its done")
    assert a.exact_key == b.exact_key
    assert a.exact_key != c.exact_key


def _normalize_reference(text: str) -> str:
    import re
    import unicodedata

    from audit.normalize import _PUNCT_MAP

    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).translate(_PUNCT_MAP).casefold()).strip()


def test_normalize_fast_equals_normalize():
    rnd = random.Random(3)
    alphabet = list("aA `'\u2019\u201c\u2026\u00a0\u200b\ufb01\u00c5\n\t\u2028\u3000x\u0130\u00df\u2014")
    for _ in range(5000):
        t = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12)))
        assert normalize_fast(t) == normalize(t) == _normalize_reference(t), repr(t)
    for t in (WIRE, MIXED, "ﬁ\u00a0“x”\u2026\x1c\u2028`y`", ""):
        assert normalize(t) == _normalize_reference(t)


def test_doc_context_shares_one_layer_and_computes_lazily():
    ctx = DocContext(Document("d", WIRE, source="x.txt"), 0)
    assert "layer" not in ctx.__dict__  # nothing computed until asked
    counts = ctx.word_counts
    assert counts["tonnes"] == 3
    assert ctx.layer is ctx.layer
    assert "lines" not in ctx.layer.__dict__  # word counts do not segment
    assert ctx.line_word_counts == ctx.layer.line_word_counts
    assert ctx.passages == segment.passages(WIRE)
    assert ctx.sentences == segment.sentences(WIRE)


def test_nfkc_line_by_line_equals_nfkc_of_the_whole():
    import unicodedata

    from audit.normalize import _nfkc

    samples = ["ﬁne\n\u0301e\nplain", "Ａ\n\u0327c", "e\u0301\n\u0308", "x\n\n\uff76\uff9e", "no change here\né", ""]
    rnd = random.Random(9)
    alphabet = "a\ne\u0301\u0327\u0308ﬁＡ\uff76\uff9e\u00a0\u2126 "
    samples += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12))) for _ in range(3000)]
    for t in samples:
        assert _nfkc(t) == unicodedata.normalize("NFKC", t), repr(t)


def test_language_at_by_bisection_equals_the_linear_definition():
    from audit.model import Span

    def linear(ctx, offset):
        for span, lang, _conf in ctx.passage_languages:
            if span.start <= offset < span.end:
                return lang
        return ctx.language

    rnd = random.Random(11)
    for trial in range(300):
        ctx = DocContext(Document("d", "x" * 400, source="x.txt"), 0)
        ctx.language = "en"
        pos, pl = 0, []
        while pos < 380:
            start = pos + rnd.randint(0, 5)
            end = start + rnd.randint(1, 40)
            pl.append((Span(start, end), rnd.choice(["es", "fr", "de"]), 0.9))
            pos = end
        if trial % 3 == 0:
            rnd.shuffle(pl)  # unordered (and below: overlapping) lists take the linear scan
        if trial % 5 == 0:
            pl.append((Span(10, 200), "it", 0.5))
        ctx.passage_languages = pl
        for offset in range(-1, 402, 3):
            assert ctx.language_at(offset) == linear(ctx, offset)
        pl.append((Span(390, 400), "pt", 0.9))  # the list grows: the index is rebuilt
        assert ctx.language_at(395) == linear(ctx, 395)
        ctx.passage_languages = []
        assert ctx.language_at(5) == "en"


def test_exact_key_ascii_path_equals_the_word_regex():
    from audit.normalize import _KEY_WORD, exact_key, few_words, key64, symbol_key

    rnd = random.Random(12)
    alphabet = "ab Z9_.,;:'\"-()*\t\x1c\x7f"
    samples = ["", "***", "---", "march 31 .", "a_b c", "x" * 3] + [
        "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 15))) for _ in range(3000)
    ]
    for t in samples:
        words = " ".join(_KEY_WORD.findall(t))
        marked = symbol_key(t) if words and few_words(t) else None  # a short text's emoticons ("(:")
        assert exact_key(t) == (marked if marked is not None else key64(words or "\0" + t)), repr(t)


def test_layer_segmentation_keeps_no_module_level_copy_of_the_text():
    """The layer computes layout, passages and sentences itself (cached on the layer, freed with the
    document): the module-level caches of ``layout``/``segment`` (which hold their texts) stay untouched,
    and the result is what those functions give."""
    from audit import layout, segment
    from audit.text import TextLayer

    text = "Alpha line one here.\n\nSecond paragraph. It has two sentences.\n"
    layout.layout.cache_clear()
    segment.passages.cache_clear()
    segment.sentences.cache_clear()
    layer = TextLayer(text)
    got = (layer.layout, layer.passages, layer.sentences, layer.lines)
    assert layout.layout.cache_info().currsize == 0
    assert segment.passages.cache_info().currsize == 0 and segment.sentences.cache_info().currsize == 0
    assert got == (layout.layout(text), segment.passages(text), segment.sentences(text), segment.lines(text))


def test_doc_context_layout_is_the_layers():
    from audit.model import Document
    from audit.rules import DocContext

    ctx = DocContext(Document(id="d", text="One line.\nTwo line.\n", source="x"), 0)
    assert ctx.layout is ctx.layer.layout
