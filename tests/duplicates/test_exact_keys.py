"""Exact copies (DUP001) are keyed by the word sequence of the same token hashes as the signatures: the
same copies as audit.normalize.exact_key, from one tokenisation."""

from __future__ import annotations

import unicodedata

import pytest

from audit import minhash
from audit.duplicates import align as al
from audit.duplicates.check import exact_keys
from audit.duplicates.config import DuplicatesConfig
from tests.duplicates.harness import run

STORY = (
    "Łódź council approved the new tram line on Tuesday — “a long-awaited decision,” the mayor said. "
    "Construction of the 12-km route starts in March and costs 450 million złoty, officials said."
)


def _dup001(docs: dict[str, str]) -> set[str]:
    findings, _ = run(docs)
    return {d for d, fs in findings.items() for f in fs if f.rule == "DUP001"}


@pytest.mark.parametrize(
    "copy",
    [
        STORY.upper(),  # case, also outside Latin-1 (Ł, Ź)
        unicodedata.normalize("NFD", STORY),  # decomposed accents (files from some systems)
        "\ufeff" + STORY,  # byte order mark
        STORY.replace("tram", "tr\u200bam"),  # zero-width space inside a word
        STORY.replace("“", '"').replace("”", '"').replace("—", "-"),  # quote and dash variants
        STORY.replace(" ", "  ").replace(". ", ".\n\n"),  # white space
        STORY + " \u2605\u2605 \U0001f680",  # symbols and emoji around the words
        STORY.replace("12-km", "１２-km"),  # fullwidth digits (NFKC)
    ],
)
def test_an_exact_copy_up_to_normalisation_is_dup001(copy):
    assert _dup001({"a": STORY, "b": copy}) == {"b"}


@pytest.mark.parametrize(
    "other",
    [
        STORY.replace("Tuesday", "Monday"),  # a word changed
        STORY.replace("12-km", "13-km"),  # a figure changed
        STORY.replace("Łódź", "Lodz"),  # letters, not case: a different word
        STORY + " Updated.",  # a word added
    ],
)
def test_a_text_with_other_words_is_not_an_exact_copy(other):
    assert _dup001({"a": STORY, "b": other}) == set()


def test_texts_without_words_are_keyed_by_their_characters():
    assert _dup001({"a": "***", "b": "---", "c": "***", "d": "  ---\n"}) == {"c", "d"}


def test_exact_keys_group_like_normalize_exact_key():
    texts = [
        STORY,
        STORY.upper(),
        unicodedata.normalize("NFD", STORY),
        "Straße 5 \u00d7 3",
        "STRASSE 5 3",
        "ΚΑΛΗΜΕΡΑ κόσμε",
        "καλημερα ΚΌΣΜΕ",
        "plain ascii text",
        "Plain, ASCII text!",
        "plain ascii texts",
        "हिन्दी पाठ",
        "हिन्दी  पाठ।",
        "***",
    ]
    params = DuplicatesConfig().doc_params()
    batch = minhash.batch_signatures(texts, [[] for _ in texts], params, DuplicatesConfig().passage_params())
    keys = exact_keys(texts, batch, params.seed)
    reference = [al.exact_key(t) for t in texts]
    for i in range(len(texts)):
        for j in range(len(texts)):
            assert (keys[i] == keys[j]) == (reference[i] == reference[j]), (texts[i], texts[j])


def test_drain_concatenates_and_empties_the_pieces() -> None:
    import numpy as np

    from audit.duplicates.check import _drain

    pieces = [np.arange(6, dtype=np.uint16).reshape(3, 2), np.zeros((0, 2), np.uint16), np.full((2, 2), 7, np.uint16)]
    expected = np.concatenate(pieces)
    out = _drain(pieces)
    assert pieces == []
    assert out.dtype == np.uint16 and out.tolist() == expected.tolist()
    one = [np.array([1, 2, 3])]
    assert _drain(one).tolist() == [1, 2, 3] and one == []


def test_lru_bounded_by_weight_as_well_as_count() -> None:
    from audit.duplicates.corpus import LRU

    lru: LRU[int, str] = LRU(100, chars=10)
    for k in range(5):
        lru.put(k, "x" * 4, weight=4)
    assert len(lru) == 2 and 3 in lru and 4 in lru  # 8 of 10 characters: the oldest went first
    lru.get(3)
    lru.put(5, "y", weight=4)
    assert 3 in lru and 5 in lru and 4 not in lru  # 3 was used last, so 4 is the oldest
    lru.put(6, "z" * 50, weight=50)
    assert len(lru) == 1 and 6 in lru  # one item over the budget is kept (it is the one just asked for)
    counted: LRU[int, int] = LRU(3)
    for k in range(10):
        counted.put(k, k, weight=1000)  # no character budget: count only
    assert len(counted) == 3


def _reference_keys(texts: list[str], batch, seed: int) -> list:
    """exact_keys as defined: every non-ASCII text keyed from its key text (no shortcut)."""
    from audit.duplicates.check import _key_text
    from audit.normalize import few_words, normalize_fast, symbol_key

    keys = list(batch.doc_keys.tolist())
    words = batch.doc_words.tolist()
    for i, t in enumerate(texts):
        if not t.isascii():
            k, w = minhash.sequence_keys([_key_text(t)], seed)
            keys[i], words[i] = int(k[0]), int(w[0])
        if not words[i]:
            keys[i] = ("chars", al.exact_key(t))
        elif few_words(t) and symbol_key(normalize_fast(t)) is not None:
            keys[i] = ("chars", symbol_key(normalize_fast(t)))
    return keys


#: Characters whose key text differs from them in every way that matters: separators that NFKC makes
#: ASCII (no-break, thin and ideographic spaces, the ellipsis), compatibility forms (², ½, ™, ﬁ,
#: fullwidth and half-width letters), capitals the byte tokeniser leaves alone (Ł, İ, ΐ), case folding
#: that changes length (ß, ﬁ), symbols the key drops (×, −, →, €, emoji), removed characters (zero-width
#: space, byte order mark), combining marks and the characters they compose with (e + ́, = + ̸, Hangul
#: jamo, Tamil vowel signs), dense scripts (中, 々, ก), and lone surrogates.
_POOL = (
    list("abcXYZ019 _.,;-'\"\n\t")
    + list("\u00a0\u2026\u2009\u202f\u3000\u200a\u200b\ufeff")
    + list("\u00b2\u00bd\u2122\ufb01\uff21\uff01\uff76\u00b5\u00b4")
    + list("\u00c9\u00e9\u00df\u0141\u0142\u0130\u0390\u03a3\u03c3\u03c2\u0386\u042f\u044f\u00d7")
    + list("\u2212\u2192\u20ac\U0001f680\u2605\u0301\u0338=\u1100\u1161\uac00\u0bc6\u0bbe\u093f")
    + list("\u4e2d\u3005\u0e01\u0628\ud800")
)


@pytest.mark.parametrize("seed", range(4))
def test_exact_keys_shortcut_equals_the_key_text_on_random_texts(seed):
    """The batch's own key is used only where the key text has the same words (_key_text_or_none):
    every key equals the one from the key text, on random mixes of the characters where they differ."""
    import random

    rng = random.Random(seed)
    texts = []
    for _ in range(1500):
        n = rng.randint(1, 24)
        # Mostly one or two kinds of odd character in plain words, as in real text; sometimes anything.
        pool = _POOL if rng.random() < 0.3 else list("abc xyz 09\n") + rng.sample(_POOL, 2)
        texts.append("".join(rng.choice(pool) for _ in range(n)))
    texts += [STORY, STORY.replace(" ", "\u00a0"), STORY.replace("...", "\u2026") + " \u2026", "caf\u00e9 \u00a0bar"]
    params = DuplicatesConfig().doc_params()
    batch = minhash.batch_signatures(texts, [[] for _ in texts], params, DuplicatesConfig().passage_params())
    assert exact_keys(texts, batch, params.seed) == _reference_keys(texts, batch, params.seed)


def test_exact_keys_shortcut_is_taken_for_common_non_ascii_text():
    """Curly quotes, dashes, accented lower-case letters, no-break spaces and ellipses need no second pass;
    a capital outside the tokeniser's case mapping, a symbol or a zero-width space do."""
    from audit.duplicates.check import _key_text_or_none

    assert _key_text_or_none("“Café” — na\u00efve\u00a0text\u2026 Übermut, ΑΘΗΝΑ, Москва") is None
    assert _key_text_or_none("Łódź") is not None
    assert _key_text_or_none("5 \u00d7 3") is not None
    assert _key_text_or_none("tr\u200bam") is not None
    assert _key_text_or_none("e\u0301t\u00e9") is not None  # decomposed accent: not NFKC


@pytest.mark.parametrize("seed", range(3))
def test_key_text_has_the_words_of_the_pattern_substitution(seed):
    """_key_text replaces each of a text's few distinct non-word characters by a space of its own (runs give
    several spaces) and falls back to the pattern's substitution for a text with many: the same words, so
    the same keys, as substituting every run of them with one space, on random texts of both kinds."""
    import random

    from audit.duplicates.check import _FEW_NONWORD, _KEY_NONWORD, _key_text
    from audit.normalize import _nfkc

    def by_pattern(text: str) -> str:
        text = _nfkc(text).replace("\u200b", "").replace("\ufeff", "")
        return _KEY_NONWORD.sub(" ", text.casefold())

    symbols = [chr(c) for c in range(0x2190, 0x2190 + 3 * _FEW_NONWORD)]  # arrows: more than the few
    rng = random.Random(seed)
    texts = []
    for _ in range(1500):
        pool = _POOL + symbols if rng.random() < 0.3 else list("abc xyz 09\n") + rng.sample(_POOL, 3)
        texts.append("".join(rng.choice(pool) for _ in range(rng.randint(1, 60))))
    texts.append(" word ".join(symbols))  # many distinct non-word characters: the pattern's substitution
    texts.append("a\u00d7\u2212\u2192b c\u00d7d")  # a run of them, and one between words
    many = [t for t in texts if len({ch for ch in _nfkc(t).casefold() if _KEY_NONWORD.match(ch)}) > _FEW_NONWORD]
    assert many and len(many) < len(texts)  # both paths are exercised
    got = minhash.sequence_keys([_key_text(t) for t in texts], 1)
    want = minhash.sequence_keys([by_pattern(t) for t in texts], 1)
    assert got[0].tolist() == want[0].tolist() and got[1].tolist() == want[1].tolist()


POSTS = {
    "a": "@ana_lopez \U0001f602",
    "b": "@ana_lopez \U0001f602",  # the same post: a copy
    "c": "@ana_lopez \U0001f621",  # another emoji: another post
    "d": "@ana_lopez :)",
    "e": "@Ana_Lopez  :)",  # case and spaces: a copy of d
    "f": "@ana_lopez :(",  # another emoticon
    "g": "@ana_lopez te quiero \u2764\ufe0f",
    "h": "@ana_lopez te quiero \u2764",  # the heart without its emoji selector: a copy of g
    "i": "@ana_lopez te quiero \U0001f494",
    "j": "Que nervios",
    "k": "Que nervios!!",  # sentence punctuation is no symbol: a copy of j
    "l": "@a @b @c @d @e @f https://t.co/x1/y2/z3 hola \U0001f602",
    "m": "@a @b @c @d @e @f https://t.co/x1/y2/z3 hola \U0001f621",  # mentions and links are not words
}


def test_a_short_post_keys_its_emoji_and_emoticons():
    assert _dup001(POSTS) == {"b", "e", "h", "k"}


def test_a_text_of_five_words_or_more_is_keyed_by_its_words():
    five = "the match starts at nine"
    assert _dup001({"a": five + " \U0001f602", "b": five + " \U0001f621", "c": five}) == {"b", "c"}
    assert _dup001({"a": STORY, "b": STORY.replace("March", "March \u2605")}) == {"b"}  # a stray symbol


def test_few_words_counts_words_outside_mentions_and_links():
    from audit.normalize import few_words, normalize

    assert few_words("@ana @bea https://example.com/a/b/c/d/e www.example.org/f/g/h hola \U0001f602")
    assert not few_words("one two three four five")
    assert few_words("one two three four")
    assert not few_words("ＡＢ ｃｄ ｅｆ ｇｈ ｉｊ")  # fullwidth letters are words (NFKC)
    for t in list(POSTS.values()) + [STORY, "x\u200by a\u00a0b \u00bd \uff20ana", "a\u2026b c-d e"]:
        assert few_words(t) == few_words(normalize(t)), t


def test_scan_and_filter_agree_on_short_posts(tmp_path):
    """The filter's exact key (the normalised text, audit.normalize.content_hash) keeps the emoji: the
    posts the scan calls exact copies are the ones the filter rejects as such."""
    import json

    from typer.testing import CliRunner

    from audit.cli import app

    posts = {k: v for k, v in POSTS.items() if k not in "hk"}  # (the filter's key keeps "!" and the selector)
    src = tmp_path / "posts.jsonl"
    src.write_text("".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in posts.items()), encoding="utf-8")
    keep, reject = tmp_path / "k.jsonl", tmp_path / "r.jsonl"
    result = CliRunner().invoke(
        app, ["filter", str(src), "--select", "DUP", "--keep", str(keep), "--reject", str(reject)]
    )
    assert result.exit_code == 0, result.output
    rejected = {json.loads(line)["id"] for line in reject.read_text(encoding="utf-8").splitlines()}
    assert rejected == _dup001(posts) == {"b", "e"}
