"""The language check's fast paths give the same answers as the plain code they replace."""

from __future__ import annotations

import random
import re

from audit.language import backends
from audit.language.backends import _noise_table, _translate_noise, clean_for_detection, evidence_chars

# The stray-mark pattern the fast one replaces (it tries a lookbehind at every position).
_OLD_STRAY = re.compile(r"(?<!\w)['’\-]+|['’\-]+(?!\w)")


def _old_evidence(text: str, limit: int = backends.EVIDENCE_LIMIT) -> int:
    """evidence_chars as it was written first (split into words, a Python test per word)."""
    if len(text) > limit:
        text = text[:limit]
    clean = clean_for_detection(text)
    words = clean.split()
    letters = len(clean) - len(words) + 1 if words else 0
    if not letters:
        return 0
    if len(words) >= 8 and letters < 1.5 * len(words):
        return 0
    if not clean.isascii():
        letters += (backends._WEIGHT_DENSE - 1) * len(backends._DENSE.findall(clean))
    caps = [len(w) for w in words if w[0].isupper()]
    if not caps:
        return letters
    openings = 1 + text.count(". ") + text.count("? ") + text.count("! ") + text.count("\n")
    names = sum(caps) - sum(sorted(caps)[:openings]) if openings < len(caps) else 0
    lower = letters - sum(caps)
    if lower >= 0.3 * letters:
        return max(letters - names, letters // 2)
    return max(0, letters - names)


def _random_texts(alphabet: list[str], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 600))) for _ in range(count)]


_PIECES = [
    "a",
    "b",
    "Z",
    "é",
    "É",
    "ß",
    "'",
    "’",
    "-",
    "--",
    " ",
    "  ",
    "\n",
    ".",
    ". ",
    "? ",
    "!",
    "3",
    "_",
    "中",
    "\u0301",
    "\u0e01",
    "@x.com",
    "http://a.b/c",
    "#tag",
    "\ud800",
    "\U0001f600",
    "\u3001",
    "\ufeff",
    "Word",
    "the",
    "don't",
    "-ish",
    "O'Neil",
    "ДА",
    "да",
    "'quoted'",
]


def test_noise_mapping_is_the_table_for_every_code_point():
    table = _noise_table()
    for start in range(0, 0x110000, 0x800):  # every code point, short and long texts
        chunk = "".join(chr(cp) for cp in range(start, start + 0x800))
        assert _translate_noise(chunk) == chunk.translate(table)
        for piece in (chunk[:7], chunk[100:300]):
            assert _translate_noise(piece) == piece.translate(table)


def test_stray_marks_removed_as_by_the_lookbehind_pattern():
    for text in _random_texts(_PIECES, 3000, seed=1) + ["a--b", "-a", "a-", "a-b", "'", "a' b", "x’-y", "é-ü"]:
        fast = " ".join(backends._STRAY.sub(" ", text).split())
        old = " ".join(_OLD_STRAY.sub(" ", text).split())
        assert fast == old, text


def test_evidence_is_the_same_as_word_by_word():
    texts = _random_texts(_PIECES, 3000, seed=2)
    texts += [
        "Some Say State AG Harris' Option To Ignore ICE",
        "A c h o   q u e   o   v e r d a d e i r o   p e r d ã o",
        "The council approved the budget. It met on Tuesday! Did it? Yes.\nMr Smith Went To Washington",
        "Die Regierung hat am Montag Die Neuen Regeln Vorgestellt, sagte Der Sprecher.",
        "東京都は月曜日に新しい規則を発表した。 The Tokyo Metropolitan Government",
    ]
    for text in texts:
        assert evidence_chars(text) == _old_evidence(text), text
        assert evidence_chars(text, clean_for_detection(text)) == _old_evidence(text), text


# --------------------------------------------------------------------------- the first reading

from audit.language import LanguageCheck, LanguageConfig, LanguageIdentifier  # noqa: E402
from audit.model import Document  # noqa: E402
from audit.rules import DocContext  # noqa: E402

_RARE_WORDS = "\n\n".join(
    [
        "The council approved the new budget on Tuesday after a long debate. Members said the plan would be "
        "reviewed next year.",
        "Neutron capture transmutes germanium into arsenic isotopes via beta decay. The results were published "
        "last week.",
        "Residents said they were pleased with the new library and its long opening hours, and the mayor "
        "thanked the staff.",
    ]
)


def _screened(text: str, **config) -> tuple[str | None, list[bool]]:
    ident = LanguageIdentifier(LanguageConfig(**config))
    ctx = DocContext(Document(id="d", text=text, source="s"), 0)
    units = ident.units(text, ctx.passages)
    return ident.screen(text, units, ctx.sentences, ctx.layer), [u.screened for u in units]


def test_a_sentence_of_rare_words_that_fasttext_reads_as_the_language_does_not_send_its_passage_to_the_models():
    """The second paragraph's first sentence has few of English's 10,000 commonest words (the vocabulary
    test disagrees); read alone, fastText puts it in English, so its passage keeps the first reading."""
    assert _screened(_RARE_WORDS) == ("en", [True, True, True])
    # without the confirmation the passage is read in full
    assert _screened(_RARE_WORDS, screen_confirm_probability=1.0) == ("en", [True, False, True])


def test_a_foreign_sentence_inside_a_paragraph_still_gets_the_full_reading_and_is_found():
    text = _RARE_WORDS.replace(
        "The results were published last week.",
        "Le conseil municipal a voté le budget hier soir après un très long débat. The results were published "
        "last week.",
    )
    assert _screened(text) == ("en", [True, False, True])
    ctx = DocContext(Document(id="d", text=text, source="s"), 0)
    findings = list(LanguageCheck().check(ctx))
    assert [(f.rule, f.data["language"], text[f.start : f.end]) for f in findings] == [
        ("LANG001", "fr", "Le conseil municipal a voté le budget hier soir après un très long débat.")
    ]


def test_a_weak_sample_is_read_again_longer():
    """A page opening with a menu line: its short sample gives English below 0.9, the longer one more."""
    page = "\n\n".join(
        [
            "Sign in Home News Sport Weather",
            "The council approved the new budget on Tuesday after a long debate that lasted into the evening.",
            "Members said the plan would be reviewed next year, and the mayor thanked the staff for their work.",
            "Residents said they were pleased with the new library and its long opening hours on weekends.",
        ]
    )
    assert _screened(page, sample_chars=40, sample_retry_chars=0) == (None, [False, False, False, False])
    assert _screened(page, sample_chars=40) == ("en", [False, True, True, True])


def test_word_classes_are_those_of_one_word_at_a_time():
    from audit.language import screen

    words = _random_texts(["a", "B", "é", "É", "3", "中", "'", "the", "of", "x", "ǅ", "\u0e01", "ß"], 3000, seed=4)
    words = [w[:12] for w in words if w] + ["The", "the", "1987", "über", "Über", "東京", "ประเทศ"]
    vocab = screen.vocabulary("en", 10000)
    fresh = frozenset(vocab)  # a vocabulary object of its own: nothing remembered for it yet
    got = screen._classify_words(words, fresh).tolist()
    assert got == [screen._class_of(w, fresh) for w in words]
    assert screen._classify_words(words, fresh).tolist() == got  # from the memo


def test_units_with_enough_evidence_are_those_may_reach_and_evidence_give():
    from audit.language.identify import Unit, _sized
    from audit.model import Span

    raws = _random_texts(_PIECES + ["東京", "ประเทศ"], 600, seed=5)
    raws = [r[: len(r) % 90] for r in raws]  # many short lines, as on a page
    for chars in (0, 1, 2, 3, 4, 10, 30, 60):
        units = [Unit.lazy(Span(0, len(r)), r, 2000) for r in raws]
        assert _sized(units, chars) == [i for i, u in enumerate(units) if u.may_reach(chars) and u.evidence >= chars]
        assert all(u.chars == len(u.span) for u in units)


def test_document_cleaner_cleans_each_slice_as_clean_for_detection():
    from audit.language.backends import DocumentCleaner

    rng = random.Random(6)
    docs = _random_texts(_PIECES + ["東京。", "。’", "x'", "'", " - ", "www.a.b", "ÉCOLE", "İ"], 300, seed=6)
    docs += ["Harris' option - 'quoted' text-based\nO'Neil -- x\n'a' b-", "HELLO WORLD\nsmall words here"]
    for doc in docs:
        cleaner = DocumentCleaner(doc)
        n = len(doc)
        spans = [(0, n)] + [tuple(sorted((rng.randrange(n + 1), rng.randrange(n + 1)))) for _ in range(20)]
        # slices bounded by white space, as passages and sentences are
        cuts = [0] + [i for i, ch in enumerate(doc) if ch.isspace()] + [n]
        spans += [(a + (a > 0), b) for a, b in zip(cuts, cuts[1:], strict=False) if a + (a > 0) <= b]
        for start, end in spans:
            for limit in (3000, 2000, 40, 7):
                assert cleaner.clean(start, end, limit) == clean_for_detection(doc[start:end], limit), (doc, start, end)


def test_units_of_a_document_have_the_evidence_and_clean_text_of_their_text_alone():
    from audit.language.identify import Unit

    ident = LanguageIdentifier(LanguageConfig(backend="fasttext"))
    docs = _random_texts(_PIECES + [" ", "\n\n", "Word " * 300], 150, seed=7)
    for doc in docs:
        ctx = DocContext(Document(id="d", text=doc, source="s"), 0)
        for spans in (ctx.passages, ctx.sentences):
            for u in ident.units(doc, spans):
                alone = Unit.lazy(u.span, doc[u.span.start : u.span.end], ident.config.max_chars)
                assert (u.evidence, u.clean) == (alone.evidence, alone.clean)


def test_evidence_bounds_hold_for_every_slice():
    """DocumentCleaner.evidence_bounds: lo <= evidence_chars(slice) <= hi, for random slices, lines and
    sentences of random documents (URLs, stray marks, capitals, scripts without spaces, a dotted capital I,
    letter-spaced text, slices longer than EVIDENCE_LIMIT)."""
    from audit.language.backends import DocumentCleaner

    rng = random.Random(8)
    pieces = _PIECES + ["word ", "Word ", "WORD ", "İ", "the cat ", "x y z ", "www.", "://", "a-b", "\t", "h i j k "]
    docs = _random_texts(pieces, 400, seed=8) + ["Word " * 400 + "the end", "a b c d e f g h i j " * 5]
    decided = 0
    for doc in docs:
        n = len(doc)
        if not n:
            continue
        spans = [(0, n)] + [tuple(sorted((rng.randrange(n + 1), rng.randrange(n + 1)))) for _ in range(20)]
        cuts = [0] + [i for i, ch in enumerate(doc) if ch.isspace()] + [n]
        spans += [(a + (a > 0), b) for a, b in zip(cuts, cuts[1:], strict=False) if a + (a > 0) <= b]
        lo, hi = DocumentCleaner(doc).evidence_bounds([a for a, _b in spans], [b for _a, b in spans])
        for (a, b), low, high in zip(spans, lo.tolist(), hi.tolist(), strict=True):
            assert low <= evidence_chars(doc[a:b]) <= high, (doc[a:b], low, high)
            decided += low == high
    assert decided > 1000  # the bounds often settle the evidence


def test_evidence_bounds_of_openings_cut_inside_a_word():
    """A slice longer than EVIDENCE_LIMIT whose opening ends inside a word (evidence_chars cleans that opening
    alone: the cut word's end, a stray mark left at the cut) gets bounds from the words before the cut, and
    they settle long prose."""
    from audit.language.backends import EVIDENCE_LIMIT, DocumentCleaner

    rng = random.Random(11)
    words = [
        "the",
        "Word",
        "well-known",
        "don't",
        "rock'n'roll",
        "x-",
        "-y",
        "a--b",
        "’tis",
        "É",
        "İstanbul",
        "中文",
        "ДА",
    ]
    words += ["h", "i", "j", "k", "l", "m", "n", "o"]  # letter-spaced stretches
    settled = 0
    for k in range(60):
        pool = words if k % 3 else words[:5]
        doc = " ".join(rng.choice(pool) for _ in range(rng.randrange(300, 900)))
        n = len(doc)
        spans = []
        for _ in range(40):
            a = rng.randrange(n)
            if a and doc[a - 1] != " ":
                a = doc.rfind(" ", 0, a) + 1
            b = min(n, a + EVIDENCE_LIMIT + rng.randrange(1, 400))
            spans.append((a, b))
        lo, hi = DocumentCleaner(doc).evidence_bounds([a for a, _b in spans], [b for _a, b in spans])
        for (a, b), low, high in zip(spans, lo.tolist(), hi.tolist(), strict=True):
            assert low <= evidence_chars(doc[a:b]) <= high, (doc[a : a + EVIDENCE_LIMIT][-30:], low, high)
            settled += low >= 30
    assert settled > 2000  # (the fast path of whole words alone settles about half of them)


def test_units_sized_from_bounds_are_those_evidence_gives():
    """_sized of many units of one document (bounds from the document's running counts) equals the unit
    by unit definition, and the bounds it leaves on the units answer at_least as evidence does."""
    from audit.language.identify import _sized

    ident = LanguageIdentifier(LanguageConfig(backend="fasttext"))
    docs = _random_texts(_PIECES + ["\n", "\n", "word ", "Some Title Case Words ", "the prose of a line "], 120, seed=9)
    for doc in docs:
        ctx = DocContext(Document(id="d", text=doc, source="s"), 0)
        for spans in (ctx.passages, ctx.sentences):
            for chars in (1, 12, 30, 60):
                units = ident.units(doc, spans)
                expected = [
                    i for i, u in enumerate(ident.units(doc, spans)) if u.may_reach(chars) and u.evidence >= chars
                ]
                assert _sized(units, chars) == expected
                for other in (12, 30, 60):
                    assert [u.at_least(other) for u in units] == [u.evidence >= other for u in units]


def test_the_first_reading_reads_no_sentence_of_a_passage_too_short_to_classify(monkeypatch):
    """Odd sentences of passages without min_chars of evidence (a short foreign line in an English page)
    are not handed to fastText by the first reading: nothing reads those passages' sentences later."""
    from audit.language import identify

    read: list[int] = []
    plain = identify.LanguageIdentifier._confirm_odd

    def recording(self, text, sentences, odd, lang):
        read.extend(sentences[i].start for i in odd.nonzero()[0])
        return plain(self, text, sentences, odd, lang)

    monkeypatch.setattr(identify.LanguageIdentifier, "_confirm_odd", recording)
    english = (
        "The council approved the new budget on Tuesday after a long debate about the schools. "
        "Members said the plan would keep the libraries open through the winter months."
    )
    short = "Lea esto ahora gratis"  # a page line under 30 letters of evidence
    text = "\n\n".join(
        [english, short, english, "Neutron capture transmutes germanium into arsenic isotopes.", english]
    )
    ctx = DocContext(Document(id="d", text=text, source="s"), 0)
    check = LanguageCheck(LanguageConfig(backend="fasttext"))
    list(check.check(ctx))
    assert ctx.language == "en"
    at = text.index(short)
    assert at not in read
    assert text.index("Neutron") in read  # an odd sentence of a classified passage is still read
