"""The artefact checks' fast paths give exactly what the plain definitions they replace give.

Each fast path (a prefilter, a search from a rarer character, a whole-text test before a per-line one)
keeps the slow definition next to it in its module; these tests run both on texts written to hit the
edges (marks next to words, quotes after punctuation, combining accents, case folds, line ends).
"""

from __future__ import annotations

import random
import re

import ftfy.badness
import pytest

from audit.artefacts import boilerplate, common, encoding, quality, recurring, structure, whitespace
from audit.artefacts.empty import EmptyDocumentCheck, word_count
from audit.model import Document, Severity, Span
from audit.rules import DocContext
from audit.text import TextLayer, words


def _random_texts(alphabet: str, n: int, seed: int, longest: int = 30) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, longest))) for _ in range(n)]


def _ctx(text: str) -> DocContext:
    return DocContext(Document(id="d", text=text, source="x/d.txt", locator=None, metadata={}, record=None), 0)


# -- quality -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "The council met.",
        'He said "no."',
        "He said “no.”",
        "the end (see above).",
        "a list item",
        "Was it?)]",
        "Is this it?'",
        "ends with a quote”",
        "北京。",
        "विद्यालय।",
        "a line\n",
        "a line.\n",
        "a line.\n\n",
        ".",
        ")",
        "",
        "\n",
        "wait…",
        "x.) y",
    ],
)
def test_terminal_end_is_the_regex(line):
    assert quality.terminal_end(line) is bool(quality._TERMINAL_END.search(line))


def test_terminal_end_random_lines():
    for line in _random_texts(".!?…\"'”’»)]。」 ab\n\t", 20000, seed=1, longest=7):
        assert quality.terminal_end(line) is bool(quality._TERMINAL_END.search(line)), repr(line)


def test_alpha_tokens_counted_as_with_the_lookbehind():
    slow = re.compile(r"(?<!\S)\S*[^\W\d_]\S*")
    texts = ["12 345 abc 6x7 -- é½ _ __a 1987. (c) ½ ²", *_random_texts("a1_ .\n-é½²\u00a0", 5000, seed=2)]
    for text in texts:
        assert len(quality._ALPHA_TOKEN.findall(text)) == len(slow.findall(text)), repr(text)


# -- whitespace ----------------------------------------------------------------------------------


def _candidate_tokens_slow(text: str) -> list[int]:
    return sorted({whitespace._token_at(text, m.start() + 2)[0] for m in whitespace._CANDIDATE.finditer(text)})


def _candidate_tokens_fast(text: str) -> list[int]:
    return sorted({whitespace._token_at(text, p)[0] for p in whitespace._candidates(text)})


@pytest.mark.parametrize(
    "text",
    [
        "law enforcement.Officials said",
        "she said.“We will",
        "she said“We will",
        "it ended.”Then",
        "a,b ab,c ab.cd.ef",
        "U.S. e.g. 3.5 10,000",
        "ab!Cd ab?Cd ab!”Cd",
        ".“a ,“a ab,“Cd",
    ],
)
def test_glue_candidates_same_tokens(text):
    assert _candidate_tokens_fast(text) == _candidate_tokens_slow(text)


def test_glue_candidates_random():
    for text in _random_texts("ab.,;:?!”“ \nÉé1_x", 20000, seed=3):
        assert _candidate_tokens_fast(text) == _candidate_tokens_slow(text), repr(text)


_LOWER_CASES = [
    "the governorsaid on Tuesday that the budget would pass",
    "mail info@governorsaid.org or see www.governorsaid.com/governorsaid",
    "the #governorsaid tag, $governorsaid, <governorsaid> and `governorsaid`",
    "pre-governorsaid and governorsaid-like, don't governorsaid's",
    "a cafe\u0301 governorsaid here and resume\u0301 there",  # combining marks: the regex path
    "governorsaid governorsaid twice is a word of the document",
    "Governorsaid capitalised, governorsaid lower, GOVERNORSAID upper",
    "the x.governorsaid and governorsaid.Then, governorsaid.",
    "entre los deportadoslos alcaldes",
    "people there would governorsaid about their people; otherwise nobody",  # common English words, one repeated
]


@pytest.mark.parametrize("text", _LOWER_CASES)
def test_lower_tokens_from_layer_match_the_regex(text):
    layer = TextLayer(text)
    vocab = layer.word_counts
    assert whitespace._lower_tokens(text, vocab, layer) == whitespace._lower_tokens(text, vocab, None)


@pytest.mark.parametrize("text", _LOWER_CASES)
def test_find_camel_same_with_and_without_layer(text):
    layer = TextLayer(text)

    def lang_of(_offset):
        return "en"

    fast = whitespace.find_camel(text, lang_of, layer.word_counts, None, layer)
    slow = whitespace.find_camel(text, lang_of, layer.word_counts, None, None)
    assert fast == slow


def test_junction_windows_cover_every_junction():
    text = "aB cD\nplain line\nxY\n\nlast zZ end\twhileYouTube\taBcD"
    windows = whitespace._junction_lines(text)
    for m in whitespace._JUNCTION.finditer(text):
        assert any(s <= m.start() < e for s, e in windows)
    assert windows == [(0, 2), (3, 5), (17, 19), (26, 28), (33, 45), (46, 50)]


_JOIN_CASES = [
    "to stop the deportationsThe mayor said",
    "the rally in WashingtonThe senator said and the WealthManagement unit",
    "whileYouTube hisSpringHill (deportationsThe) “deportationsThe” deportationsThe.",
    "theStreet.com and mail bob@deportationsThe.org or #deportationsThe or a/deportationsThe",
    "pre-deportationsThe deportationsThe-like deportationsThe's x.deportationsThe WashingtonThe-Post",
    "a\u00a0deportationsThe\u00a0word, a\u2003WashingtonThe\u2003word\tlastPart\rnextOne\x0bmoreHere",
    "deportacionesLos alcaldes, McDonald's, iPhone, JavaScript and DeSantis",
    "déportationsLes und BundesregierungDie, ÉtatsUnis and estadoSegún",
]


def _joins_of_whole_text(rx, text):
    return [(m.span(), m.groups()) for m in rx.finditer(text)]


def _joins_in_windows(rx, text):
    return [(m.span(), m.groups()) for s, e in whitespace._junction_lines(text) for m in rx.finditer(text, s, e)]


@pytest.mark.parametrize("text", _JOIN_CASES)
def test_join_matches_in_junction_windows_are_the_whole_text_matches(text):
    for rx in (whitespace._CAMEL, whitespace._PASCAL):
        assert _joins_in_windows(rx, text) == _joins_of_whole_text(rx, text)
    assert _joins_of_whole_text(whitespace._CAMEL, _JOIN_CASES[0])  # the cases do hold joins


def test_join_matches_in_junction_windows_random():
    found = 0
    for text in _random_texts("aehinrsTHEIWé É'’@#/.-_1 \n\t\u00a0", 20000, seed=11, longest=40):
        for rx in (whitespace._CAMEL, whitespace._PASCAL):
            joins = _joins_of_whole_text(rx, text)
            assert _joins_in_windows(rx, text) == joins, repr(text)
            found += len(joins)
    assert found > 20  # the random texts do hold joins


def test_common_english_set_is_the_predicate():
    sample = ["the", "government", "said", "governorsaid", "antivaccine", "people", "zzzz"]
    for w in sample:
        assert (w in whitespace._common_en_words()) is whitespace._common_en(w)


# -- boilerplate ---------------------------------------------------------------------------------


def _short_kind_slow(core: str, with_colon: str) -> str | None:
    for rx, target in zip(boilerplate._combined(()), (core, with_colon, core), strict=True):
        m = rx.match(target)
        if m:
            return m.lastgroup
    return None


def _kinds_match_the_full_alternation(lines: list[str]) -> set[str | None]:
    """Assert that the short-line dispatch gives each line the kind the full alternation gives; return the
    kinds seen."""
    kinds = set()
    for line in lines:
        with_colon, core = boilerplate.clean_line(line)
        if not core or len(core) > 60:
            continue
        expected = _short_kind_slow(core, with_colon)
        kinds.add(expected)
        assert boilerplate._short_kind.__wrapped__(core, with_colon, ()) == expected, line
    return kinds


def _random_lines(words: tuple[str, ...] | list[str], seed: int, count: int, longest: int, cased: int) -> list[str]:
    """``count`` lines of 1 to ``longest`` random ``words``, then the first ``cased`` of them in upper case
    and the next ``cased`` in title case."""
    rnd = random.Random(seed)
    lines = [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, longest))) for _ in range(count)]
    return lines + [ln.upper() for ln in lines[:cased]] + [ln.title() for ln in lines[cased : 2 * cased]]


_LEX_WORDS = (
    "read more related share subscribe cookie cookies we use this site accept all rights reserved home > "
    "news » tags: posted on jan photo getty images by print email follow us sign up newsletter copyright © "
    "2020 (c) leer más política de privacidad the a of K ſ ı İ tout accepter"
).split()


def test_lexicon_dispatch_gives_the_full_alternation():
    lines = _random_lines(_LEX_WORDS, seed=4, count=6000, longest=7, cased=1000)
    lines += [
        "We use cookies to improve your experience",
        "This site uses cookies. Accept all cookies",
        "All rights reserved",
        "© 2024 Example Media. All rights reserved.",
        "Tags:",
        "Home > News > Politics",
        "Posted on Jan 5, 2024",
        "Photo: Getty Images",
        "Share on Facebook",
        "Accept",
        "Read more »",
        # two kinds match: the earlier one wins, whether it is in the bucket or gated
        "Subscribe to our site, we use cookies",
        "(c) 2024 we use cookies",
    ]
    kinds = _kinds_match_the_full_alternation(lines)
    assert {"cookie", "copyright", "metadata", "navigation", "share", "timestamp"} <= kinds
    assert _short_kind_slow("Subscribe to our site, we use cookies", "Subscribe to our site, we use cookies") == (
        "subscribe"
    )
    assert _short_kind_slow("(c) 2024 we use cookies", "(c) 2024 we use cookies") == "cookie"


_NON_ASCII_LEX = (
    "read more related share subscribe cookies we use this site accept all rights reserved home > news » tags: "
    "posted on photo getty images by print follow us sign up copyright © 2020 (c) leer más lee también "
    "política de privacidad suscríbete síguenos à lire aussi mis à jour veröffentlicht “read” — é "
    "Ñandú Straße ǅ ﬁ µ Å ẞ K ſ ı İ tout accepter"
).split()


def test_non_ascii_lines_dispatched_by_first_character_give_the_full_alternation():
    lines = _random_lines(_NON_ASCII_LEX, seed=12, count=5000, longest=6, cased=800)
    lines += ["Leer más", "LEER MÁS »", "Suscríbete a nuestro boletín", "© 2024 Diario. Todos los derechos reservados"]
    lines += ["Lire aussi", "Mis à jour le 5 janvier", "ſhare", "ſubſcribe", "Cookie Settings", "İnfo: "]
    kinds = _kinds_match_the_full_alternation(lines)
    assert len(kinds) >= 5


def test_clean_line_is_the_two_regexes():
    for line in _random_texts(" \t\n\u00a0\u2028-–—*•·▪►▸>»›|#[(.!?…»›>→|])ab:\x1c\x85", 20000, seed=5, longest=10):
        expected = boilerplate._TRAIL.sub("", boilerplate._LEAD.sub("", line))
        assert boilerplate.clean_line(line) == (expected, expected.rstrip(": ").strip()), repr(line)


# -- encoding ------------------------------------------------------------------------------------


def _mojibake_lines() -> list[str]:
    clean = [
        "Las peticiones de detención llegaron el miércoles.",
        "the president’s orders — “now” …",
        "Zürich, naïve, résumé, Ça va, Œuvre, façade",
        "Ελληνικά και русский текст",
        "Price: 5 € or £4, 30°C, ½ cup",
    ]
    out = []
    for line in clean:
        out.append(line)
        for codec in ("latin-1", "cp1252", "mac_roman", "cp1251", "cp437"):
            out.append(line.encode("utf-8").decode(codec, errors="replace"))
    rnd = random.Random(6)
    rare = "ÃÂâ€œ™©®°·»«×²³ØÙà√≈‚ÄвЂВГРСβΒΓΞΟāŒœ\x85¦¤¨¬ƒˆ†‰\ufffdª¶§¢£€¡¿‘“•”›µ÷∞≠ÒÖÜøÀÑĂŁßéèñ’–—…\xa0É"
    for _ in range(20000):
        chars = [rnd.choice("abc ABC .,?!\n\t") for _ in range(rnd.randint(0, 40))]
        for _ in range(rnd.randint(1, 3)):
            k = rnd.randint(0, len(chars))
            chars[k:k] = [rnd.choice(rare) for _ in range(rnd.randint(1, 3))]
        out.append("".join(chars))
    return out


def test_is_bad_is_ftfys():
    lines = _mojibake_lines()
    assert any(ftfy.badness.is_bad(ln) for ln in lines) and not all(ftfy.badness.is_bad(ln) for ln in lines)
    for line in lines:
        assert encoding.is_bad(line) is ftfy.badness.is_bad(line), repr(line)


def test_non_ascii_tokens_are_the_token_regex():
    for line in _mojibake_lines()[:3000] + _random_texts("ab \t\n\xa0\u2028\u3000é’ü\x85—.", 5000, seed=7):
        assert encoding._non_ascii_tokens(line) == [m.span() for m in encoding._TOKEN.finditer(line)], repr(line)


def test_dirty_tokens_are_the_token_regex_less_the_clean_tokens():
    # mojibake_spans tries a round trip only on these: a token that _CLEAN_TOKEN matches has none
    lines = _mojibake_lines()[:3000] + _random_texts("ab \t\n\xa0\u2028é’ü\x85—.ÃГ©√", 5000, seed=9)
    assert any(encoding._CLEAN_TOKEN.fullmatch(m.group()) for ln in lines for m in encoding._TOKEN.finditer(ln))
    for line in lines:
        dirty = [m.span() for m in encoding._TOKEN.finditer(line) if not encoding._CLEAN_TOKEN.fullmatch(m.group())]
        assert encoding._non_ascii_tokens(line, encoding._DIRTY_MARK) == dirty, repr(line)


def test_uncovered_control_runs_are_the_filtered_runs():
    # the control runs that start outside the covered spans (a UTF-16 stretch holds one run per character)
    rnd = random.Random(10)
    cases = [
        ("T\x00h\x00e\x00 \x00\x01x", [(0, 7)]),
        ("\x00\x00\x00ab\x00", [(1, 2)]),
        ("a\x00\x01b", [(0, 2), (1, 3)]),
    ]
    for _ in range(20000):
        text = "".join(rnd.choice("ab \x00\x01\x1f\x7f\x85é") for _ in range(rnd.randint(0, 40)))
        spans = [sorted((rnd.randint(0, len(text)), rnd.randint(0, len(text)))) for _ in range(rnd.randint(0, 4))]
        cases.append((text, [(a, b) for a, b in spans]))
    for text, covered in cases:
        want = [
            m.span() for m in encoding._CONTROL_RE.finditer(text) if not any(s <= m.start() < e for s, e in covered)
        ]
        assert [m.span() for m in encoding._uncovered_runs(text, covered)] == want, (text, covered)


def test_bare_entities_are_the_lookbehind_regex():
    texts = ["Spain #39;s quot;weekend&quot; x#39; _amp; 1nbsp; &#39; é#x2F;", "no semicolon here"]
    rnd = random.Random(8)
    parts = ["quot;", "amp;", "&", "#", "#39;", "#x2F;", "nbsp;", "a", ";", " ", "1", "_", "é", "hellip;", "#12345;"]
    texts += ["".join(rnd.choice(parts) for _ in range(rnd.randint(0, 10))) for _ in range(20000)]
    for text in texts:
        assert common.bare_entities(text) == [m.span() for m in common.BARE_ENTITY_RE.finditer(text)], repr(text)


@pytest.mark.parametrize(
    "text", ["plain", "tab\tand\nnewline\r\n", "nul\x00", "ff\x0c", "del\x7f", "c1\x85", "é and \x9d", "é only", "\x1f"]
)
def test_control_prefilter(text):
    assert encoding._has_control(text) is bool(encoding._CONTROL_RE.search(text))


# -- empty, recurring ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Read more",
        "one two three four",
        "one two three four five",
        "-- -- -- -- -- -- -- -- -- -- -- -- a b c",
        "... ... ... ... ... ... ... ... ... ... ... one",
        "北京市政府周二宣布",
        "a b c d e f g h i j k l",
    ],
)
def test_empty_check_counts_as_word_count(text):
    check = EmptyDocumentCheck()
    found = [*check.observe(_ctx(text)), *(f for fs in check.finish(None, ["d"]).findings.values() for f in fs)]
    assert bool(found) is (word_count(text) < 5)
    assert check.words(text) == min(word_count(text), 20)
    if found:
        assert found[0].data["words"] == word_count(text)


def test_three_letters():
    for s in ["", "ab", "a1b2c", "abc", "½²³", "a b", "éèê", "12 345 x y", "x-y-z"]:
        assert recurring._three_letters(s) is (sum(ch.isalpha() for ch in s) >= 3)


def _split_glued_reference(token: str, lang: str):
    """:func:`whitespace._split_glued` as written before its shortcut for listed tokens."""
    from audit.artefacts.common import stopwords, zipf

    known = max(zipf(token, lang), zipf(token, "en"))
    if known >= 4.5:
        return None
    best = None
    for i in range(2, len(token) - 1):
        left, right = token[:i], token[i:]
        if (left in whitespace._PREFIXES and right not in stopwords().get(lang, ())) or (
            right in whitespace._SUFFIX_WORDS and left not in whitespace._function_words(lang)
        ):
            continue
        zl = whitespace._half_ok(left, lang)
        zr = zl and whitespace._half_ok(right, lang)
        if zl and zr and (best is None or min(zl, zr) > best[2]):
            best = (left, right, min(zl, zr))
    if best is None or (len(token) < 7 and best[2] < 5.0):
        return None
    if known >= (best[2] - 3.5 if best[2] >= 6.0 else 1.5):
        return None
    return best


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
def test_split_glued_shortcut_for_listed_tokens(lang):
    tokens = (
        "ofthe inthe wherethe whereof thereby isnot without within governorsaid nightstands writedowns "
        "capcity mandrills antivaccine statewide sobrelas delos enlas porque cuando dela alors dulait "
        "blowingand endof isyour ballgame sunroof deportations tothe forthe"
    ).split()
    assert any(_split_glued_reference(t, lang) for t in tokens)
    for token in tokens:
        assert whitespace._split_glued.__wrapped__(token, lang) == _split_glued_reference(token, lang), token


def _join_evidence_reference(left: str, right: str, lang: str, vocab):
    """:func:`whitespace.lower_join_evidence` as written before the other languages' lists were read last:
    they first, then the English inflection table, then the evidence of the join itself."""
    from audit.artefacts.common import WORDFREQ_LANGS, stopwords, zipf

    if any(zipf(left + right, other) for other in WORDFREQ_LANGS if other != lang):
        return None
    if lang == "en" and whitespace._inflected_word(left + right):
        return None
    sev = whitespace._join_evidence(left, right, lang, vocab)
    sw = stopwords().get(lang, frozenset())
    if sev is not None and right not in sw and whitespace._plural_of_listed(left + right, lang):
        return None  # (the plural of a listed word, session 7)
    if sev is Severity.INFO and left not in sw and right not in sw and len(left + right) >= 7:
        if whitespace._misspelt_word(left + right, lang):  # (a misspelt word, session 7)
            return None
    return sev


@pytest.mark.parametrize("lang", ["en", "es", "fr", "it", "pt"])
def test_lower_join_evidence_reads_other_lists_last(lang):
    tokens = (
        "ofthe inthe wherethe whereof thereby isnot governorsaid nightstands writedowns capcity mandrills "
        "sobrelas delos enlas fabriche saladas blowingand endof isyour tothe forthe housework cityhall "
        "deportations alcaldesdijo lemaire dellacitta"
    ).split()
    vocabs = [{}, {"night": 2, "stands": 1, "city": 1, "hall": 1, "house": 1, "work": 3}]
    seen = set()
    for token in tokens:
        for i in range(2, len(token) - 1):
            left, right = token[:i], token[i:]
            for vocab in vocabs:
                got = whitespace.lower_join_evidence(left, right, lang, vocab)
                assert got == _join_evidence_reference(left, right, lang, vocab), (left, right, lang)
                seen.add(got)
    assert len(seen) == 3  # warnings, infos and nothing


# -- session 4: tail tests of truncation, top-word splits, gated lexicon lines --------------------

_TAIL_ALPHABET = "abXYZ éñ²½Å\u0301 .!?…\"”’»)-–—\n\t1_,'"


def test_truncation_tail_tests_are_the_regexes():
    from audit.artefacts import truncation

    dash = re.compile(r"[.!?…][\"”’»)]*\s*[-–—]+$")
    letters = re.compile(r"([^\W\d_]+)$")
    texts = _random_texts(_TAIL_ALPHABET, 30000, seed=21, longest=90)
    rnd = random.Random(22)
    # runs of letters as long as the window the final letters are read from, and longer
    texts += [t + "é" * rnd.choice([62, 63, 64, 65, 80]) for t in texts[:3000]]
    texts += ["the price fell.--", "x said. ”—", "a.\u00a0–", "end -", "Hello world", "Café", "½", "x_y"]
    seen = set()
    for t in (t.rstrip() for t in texts):
        if not t:
            continue
        expected = bool(dash.search(t))
        seen.add(("dash", expected))
        assert truncation._dash_after_sentence(t) is expected, repr(t)
        m = letters.search(t)
        seen.add(("letters", m is not None))
        assert truncation._final_letters(t) == ((m.start(), m.group(1)) if m else None), repr(t)
    assert len(seen) == 4  # both outcomes of both tests were exercised


def test_prefixed_words_are_the_words_that_start_with_the_fragment():
    from audit.artefacts import truncation

    vocab = {w: 1 for w in "admin administration administr adm a ab abc b ba zeta zz ñandú ñu".split()}
    prefixed = truncation._Prefixes(vocab)
    for frag in ["adm", "admin", "a", "ab", "zz", "z", "ñ", "x", "", "administrations"]:
        assert sorted(prefixed(frag)) == sorted(w for w in vocab if w.startswith(frag)), frag


@pytest.mark.parametrize("lang", ["en", "es", "fr", "pt", "it", "de"])
def test_top_split_is_the_pairs_of_top_words(lang):
    top = whitespace._top_words(lang)
    tokens = [a + b for a in sorted(top)[:40] for b in sorted(top)] + ["ofthe", "inthe", "within", "ab", "x"]
    tokens += [t + "q" for t in tokens[:500]] + [t[1:] for t in tokens[:500]]
    hits = 0
    for token in tokens:
        expected = any(token[:i] in top and token[i:] in top for i in range(2, len(token) - 1))
        hits += expected
        assert whitespace._top_split(token, lang) is expected, token
    assert hits or not top


def test_gated_patterns_are_tried_only_on_lines_with_a_gate():
    # lines that hold a gate ("all rights reserved", " cookies") and lines that hold none give the kinds
    # of the full alternation; a line with a gate inside another word is not a false hit either
    lines = [
        "Example Media all rights reserved",
        "Our site uses cookies daily",
        "we love cookiesandcream",
        "3 comments",
        "12 min read",
        "Ultimas noticias",
        "allrightsreserved",
        "nothing to see here",
    ]
    kinds = _kinds_match_the_full_alternation(lines)
    assert "copyright" in kinds and None in kinds


def _in_list_reference(text, passages, i):
    """``TruncationCheck._in_list`` as written before the ends were computed once per document."""

    def end(j):
        if not 0 <= j < len(passages):
            return "."
        last = text[passages[j].end - 1]
        if last not in '"”’»)':
            return last
        tail = text[passages[j].start : passages[j].end].rstrip('"”’»)')
        return last if tail[-1:] in ".!?…" else tail[-1:] or "."

    closed = '.!?…"”’»)'
    j = i - 1
    while j >= 0 and end(j) not in closed and end(j) != ":":
        j -= 1
    if j >= 0 and end(j) == ":" and i - j <= 30:
        return True
    return i > 1 and end(i - 1) not in closed and end(i + 1) not in closed and i + 1 < len(passages)


def test_in_list_with_the_ends_of_the_document_is_the_walk_back():
    from audit.artefacts.truncation import TruncationCheck, _PassageEnds
    from audit.model import Span

    rnd = random.Random(31)
    endings = ["word", "word.", "word:", "word,", "(aside)", "done.)", "“quote”", "x”", "ok!", 'said")', "…"]
    outcomes = set()
    for _ in range(400):
        lines = [f"line {k} {rnd.choice(endings)}" for k in range(rnd.randint(1, 45))]
        text = "\n".join(lines)
        passages, pos = [], 0
        for ln in lines:
            passages.append(Span(pos, pos + len(ln)))
            pos += len(ln) + 1
        ends = _PassageEnds(text, passages)
        for i in range(len(passages)):
            expected = _in_list_reference(text, passages, i)
            outcomes.add(expected)
            assert TruncationCheck._in_list(text, passages, i, ends) is expected
            assert TruncationCheck._in_list(text, passages, i) is expected
    assert outcomes == {True, False}


def test_word_signals_are_the_word_keys_of_quality_signals():
    from collections import Counter

    from audit.text import lower_all, words

    texts = _random_texts("ab the of y de la 12 # ... … \n\t-", 300, seed=41, longest=200)
    texts += ["The cat sat on the mat.\nIt was warm.", "", "## 12 34", "el perro y la casa de los #tags ..."]
    for text in texts:
        for langs in (["en"], ["es", "en"]):
            counts = Counter(lower_all(words(text)))
            full = quality.quality_signals(text, text.splitlines(), 3, langs, counts)
            part = quality.word_signals(text, langs, counts)
            assert part == {k: full[k] for k in part}
            assert set(part) == {
                "words",
                "mean_word_length",
                "stopword_share",
                "gopher_stopwords",
                "symbol_ratio",
                "alpha_word_share",
            }


_REVERSED_TAIL_PATTERNS = [
    (r"[.!?…]\s+[A-Z]{3,}$", "_UPPER_SIGN_OFF_R", 0, False),
    (r"\d[\d,.%/-]*(?:\s+[a-zµ°]{1,5}){1,2}$", "_UNIT_END_R", 0, False),
    (r"(?:^|\s)by\s+[^\W\d_]+$", "_BY_NAME_R", re.IGNORECASE, False),
    (r"(?<![^\W\d_])[A-ZÀ-Þ][^\W\d_]*-[A-ZÀ-Þ]$", "_NAME_HYPHEN_CUT_R", 0, False),
    (r"([^\W\d_]+)\s+\S+$", "_WORD_BEFORE_TOKEN_R", 0, True),
    (r"([^\W\d_]+)\s+[^\W\d_]+$", "_WORD_BEFORE_WORD_R", 0, True),
]


@pytest.mark.parametrize(("pattern", "name", "flags", "group"), _REVERSED_TAIL_PATTERNS)
def test_reversed_tail_patterns_are_the_end_anchored_searches(pattern, name, flags, group):
    from audit.artefacts import truncation

    rx = getattr(truncation, name)
    pieces = list("abyBYKMZÀÞéµ°12.,%/-!?… \t\n_'") + ["by ", " by ", "BY ", "ABC", ". REUTER", "5 mln", "Jean-P"]
    rnd = random.Random(51)
    hits = 0
    for _ in range(20000):
        tail = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 14))).rstrip()
        if not tail:
            continue
        full = re.search(pattern, tail, flags)
        rev = rx.match(tail[::-1])
        assert bool(full) is bool(rev), repr(tail)
        if full:
            hits += 1
            if group:
                assert full.group(1) == rev.group(1)[::-1], repr(tail)
    assert hits >= 20


def test_double_dots_are_the_lookbehind_matches():
    from audit.artefacts import truncation

    texts = _random_texts("ab1_. \n…x", 20000, seed=61, longest=25)
    texts += ["the U.S.. and", "said.. ok", "a...", "x..y", "é..", "1..", "_..", "..", "a.. b.. c.."]
    seen = 0
    for text in texts:
        expected = [m.span() for m in truncation._DOUBLE_DOT.finditer(text)]
        seen += len(expected)
        assert [m.span() for m in truncation.double_dots(text)] == expected, repr(text)
    assert seen >= 100


# -- structure -----------------------------------------------------------------------------------


def test_one_liner_gate_never_drops_a_teaser_page():
    rnd = random.Random(21)
    pieces = ["Story one told here", *["a b c d e f g h"] * 6, "Ends. Two. Three. Four.", "x", "words " * 70]
    reached = 0
    for _ in range(3000):
        texts = [" ".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 3))) for _ in range(rnd.randint(6, 14))]
        lengths = [len(common.words(t)) for t in texts]
        sig = structure.teaser_signals(texts, lengths)
        if sig["one_line_share"] >= 0.8:
            reached += 1
            assert structure._one_liners_possible(lengths), texts
    assert reached > 50
    assert not structure._one_liners_possible([70, 70, 3, 3, 9, 9])
    assert structure._one_liners_possible([9] * 8 + [70, 3])


def _continued_reference(vocab, fragment: str) -> bool:
    """:meth:`truncation._Prefixes.continued` as written before its bisection: searches of the vocabulary
    joined a word per line (kept as ``truncation.joined_continued``, the fallback for fragments it never gets)."""
    from audit.artefacts.truncation import joined_continued

    return joined_continued("\n" + "\n".join(vocab) + "\n", fragment)


def test_continued_is_the_search_of_the_joined_vocabulary():
    from audit.artefacts import truncation

    rnd = random.Random(21)
    alphabet = "abcé'’"
    seen = set()
    for _ in range(400):
        vocab = {w: 1 for w in _random_texts(alphabet, rnd.randint(0, 12), seed=rnd.randint(0, 10**6), longest=7) if w}
        prefixed = truncation._Prefixes(vocab)
        for frag in _random_texts(alphabet, 12, seed=rnd.randint(0, 10**6), longest=4) + ["", "a\nb"]:
            expected = _continued_reference(vocab, frag)
            assert prefixed.continued(frag) is expected, (sorted(vocab), frag)
            seen.add(expected)
    vocab = {w: 1 for w in "administration admin l’évaluation d'accord don't ab".split()}
    prefixed = truncation._Prefixes(vocab)
    assert prefixed.continued("administr") and prefixed.continued("évalu") and prefixed.continued("accord")
    assert prefixed.continued("admin")  # "administration"
    assert not prefixed.continued("ab") and not prefixed.continued("xyz")
    assert prefixed.continued("t") is _continued_reference(vocab, "t")  # "don't": after the apostrophe
    assert seen == {True, False}


@pytest.mark.parametrize(
    "passage",
    [
        "Home | News | Sports and more of the things",
        "Photo: the mayor walks into the council hall",
        "Archive · Contact · About the people who",
        "International Business Machines",
        "Short three words",
        "The council said on Tuesday that the budget for",
        "• the first item of a list that goes on and on and",
        "It was a long day for the people of the",
        "A B C D",
    ],
)
def test_never_prose_means_is_prose_says_no(passage):
    """Where the truncation check skips cut_kind (:func:`truncation._never_prose`), is_prose is false for
    every argument the check can pass it; elsewhere the check asks as before."""
    from audit.artefacts import truncation

    layer = TextLayer(passage)
    never = truncation._never_prose(passage, layer, Span(0, len(passage)))
    assert never is (
        len(words(passage)) < 4 or "|" in passage or passage.count(" · ") >= 2 or passage.startswith("Photo:")
    )
    if never:
        for min_words in (4, 10, 16):
            for strong in (False, True):
                for min_strong in (4, 6):
                    for mid_word in (False, True):
                        for lang in ("en", "de", "und"):
                            assert not truncation.is_prose(
                                passage, min_words, strong, lang, min_strong=min_strong, mid_word=mid_word
                            )


def test_line_keys_need_three_letters_on_short_lines():
    """The three-letter test of the recurring-line keys opens with the line's first three characters;
    a normalised line shorter than three characters still needs three letters."""
    check = recurring.RecurringLineCheck(recurring.RecurringLineConfig(min_chars=1))
    text = "ab\nabc\na b\nab c\n½²³ x\nxyz\n"
    layer = TextLayer(text)
    keys = check._line_keys(text, "s", layer.lines)
    kept = sorted(text[s:e] for s, e in keys.values())
    assert kept == ["ab c", "abc", "xyz"]


def test_empty_check_median_from_its_histogram_is_statistics_median():
    import statistics

    from audit.artefacts.empty import _median

    rnd = random.Random(7)
    for _ in range(500):
        values = [rnd.randint(0, 20) for _ in range(rnd.randint(1, 40))]
        hist = [0] * 21
        for v in values:
            hist[v] += 1
        assert _median(hist) == statistics.median(values)


def test_empty_check_short_records_corpus_reports_a_count_not_findings():
    check = EmptyDocumentCheck()
    texts = ["so tired lol", "good morning 😍", "", *(f"post number {i} of the day" for i in range(30))]
    found = [f for i, t in enumerate(texts) for f in check.observe(DocContext(Document(id=f"d{i}", text=t), i))]
    result = check.finish(None, [f"d{i}" for i in range(len(texts))])
    assert [f.data["words"] for f in found] == [0]  # the empty document, at once
    assert not result.findings
    assert result.extra["short_documents"] == {"documents": 2, "of": 32, "min_words": 5, "median_words": 6}
    # the state is one counter per word count and compact arrays of the short documents
    assert len(check._hist) == 21 and check._short_ordinals.tolist() == [0, 1]
