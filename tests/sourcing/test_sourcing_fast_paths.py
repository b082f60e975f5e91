"""The sourcing fast paths find exactly what the plain scans find.

:class:`audit.sourcing.cues.CueIndex` runs each cue pattern only at the words that begin one of its
entries; :func:`audit.sourcing.figures._tails` starts the end-anchored searches of a number's left
context near its end. Both must give the matches of ``pattern.finditer(text)`` / ``pattern.search(before)``:
checked on written cases of each edge (phrases over line breaks, apostrophes, hyphens, digits and
underscores glued to words, upper case, masked quotes, combining marks, the characters whose
case-insensitive match is not their lower case) and on generated texts (fixed seed). The weasel pattern,
which writes the group phrases as a product, must match what the trie of every phrase matches, at every position.
"""

from __future__ import annotations

import random
import re

import pytest

from audit.segment import passages
from audit.sourcing import figures as F
from audit.sourcing.attribution import _pattern_list, find_attributions
from audit.sourcing.cues import CueIndex, entry_keys
from audit.sourcing.lead import ORIGINAL
from audit.sourcing.lexicon import _compile_words, _data, _weasel_alternation, _weasel_groups, lexicon
from audit.sourcing.quotes import find_quotes, mask_quotes
from audit.text import TextLayer
from tests.sourcing.helpers import index_agrees_on_masked

WRITTEN = [
    "The mayor said on Monday that 40% of the city's buses were late, according to\nthe transit agency.",
    "According  to   the\tsurvey, rents rose. It is believed that some critics say otherwise.",
    "Officials’ said nothing; it's said that the so-called report was leaked. Re-said, unsaid, said2, _said.",
    "SAID the chief. Said Ms. Lee. The Survey found 12 cases; the survey\nfound more. In the 50-state poll, 9% agreed.",
    "Las cifras proceden del INE. Según la encuesta del CIS, el paro bajó. Fuentes del sector aseguran que sí.",
    "The figure came from the campaign. Data comes from the census. Under Missouri law, fees doubled.",
    "He told reporters: “We were told to investigate every case,” the sheriff said. “It was bad,” he added.",
    "Decomposed: segu\u0301n la encuesta, dijo el alcalde. x\u0301said the man. Experts say it rose.",
    "Odd case: ſome ſay the ſurvey ſhows İt; ıt is believed that critics say so.",
    "l'said o’said d'according to the report, said'",
    "A spokesman for the company said 1,200 jobs went. A 2014 examination by the state auditor found gaps.",
]


def _random_texts(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    vocab: list[str] = []
    for lang in ("en", "es"):
        lex = lexicon(lang)
        for keys in (lex.verb_keys, lex.cue_keys, lex.weasel_keys, lex.evidence_keys, lex.hidden_passive_keys):
            vocab += sorted(keys.first)[:40]
            vocab += sorted(keys.pairs)[:40]
    vocab += ["the", "survey", "report", "data", "in", "from", "law", "Missouri", "came", "from", "12", "40%"]
    seps = [" ", " ", " ", "  ", "\n", "\t", ", ", ". ", "-", "'", "’", "_", "\u00a0", "“", "”", '"', "(", ")"]
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(5, 60)):
            w = rng.choice(vocab)
            if rng.random() < 0.2:
                w = w.upper() if rng.random() < 0.5 else w.capitalize()
            parts.append(w)
            parts.append(rng.choice(seps))
        out.append("".join(parts))
    return out


def _all_patterns():
    for lang in ("en", "es"):
        yield from _pattern_list(lexicon(lang))


@pytest.mark.parametrize("text", WRITTEN + _random_texts(150))
def test_cue_index_finds_what_finditer_finds(text):
    index = CueIndex(text)
    for pattern, keys in _all_patterns():
        want = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in index.matches(pattern, keys, 0, len(text))] == want, pattern.pattern[:60]


@pytest.mark.parametrize("text", WRITTEN + _random_texts(60, seed=11))
def test_cue_index_on_masked_text_uses_the_original_words(text):
    index_agrees_on_masked(text, _all_patterns())


def test_cue_index_slices_by_offsets():
    text = WRITTEN[0] + " " + WRITTEN[1]
    index = CueIndex(text)
    lex = lexicon("en")
    mid = len(WRITTEN[0])
    got = index.matches(lex.verb_re, lex.verb_keys, 0, mid)
    assert [m.group(0) for m in got] == ["said"]
    assert index.any_match(_pattern_list(lex), mid + 1, len(text)) is True  # "According to", "some critics say"


def test_find_attributions_is_the_same_with_and_without_the_index():
    lex = lexicon("en")
    for text in WRITTEN:
        plain = find_attributions(text, 0, len(text), lex)
        indexed = find_attributions(text, 0, len(text), lex, CueIndex(text))
        assert [(a.start, a.end, a.cue, a.source) for a in indexed] == [
            (a.start, a.end, a.cue, a.source) for a in plain
        ]


def test_cue_index_entries_with_apostrophes_and_hyphens():
    """No lexicon entry has an apostrophe today; a word like "it's" must still be found when one does."""
    entries = ["it's said", "d'après", "so-called", "it is said", "l’on dit"]
    pattern = _compile_words(entries, re.IGNORECASE)
    keys = entry_keys(entries)
    text = "It's said that, d'après la presse, the so-called plan; it is said. L’on dit. Xit's said, it'sx said"
    want = [m.span() for m in pattern.finditer(text)]
    assert len(want) == 5
    assert [m.span() for m in CueIndex(text).matches(pattern, keys, 0, len(text))] == want


def test_cue_index_tries_quote_ends_only_for_entries_that_can_start_there():
    """The end of a masked quote is tried for every pattern whose entries may start with a character other than a
    letter or a digit (``Keys.anywhere``); the lexicons' entries all start with a letter, so only the ends followed by
    one are tried for them. Both give the matches of ``finditer`` over the masked text."""
    text = "“We will win,” said the mayor. “No” said Lee, “yes”said Kim."
    quotes = find_quotes(text, passages(text))
    masked = mask_quotes(text, quotes)
    ends = [q.inner[1] for q in quotes]
    marked = ["” said", "said"]
    pattern = _compile_words(marked, re.IGNORECASE)
    keys = entry_keys(marked)
    assert keys.anywhere and not entry_keys(["said", "according to"]).anywhere
    want = [m.span() for m in pattern.finditer(masked)]
    assert sum(masked[a] == "”" for a, _b in want) == 2  # two matches start at a closing quote
    index = CueIndex(masked, TextLayer(text), ends)
    assert [m.span() for m in index.matches(pattern, keys, 0, len(masked))] == want
    plain = _compile_words(["said"], re.IGNORECASE)
    want = [m.span() for m in plain.finditer(masked)]
    assert [m.span() for m in index.matches(plain, entry_keys(["said"]), 0, len(masked))] == want
    assert all(lexicon(lang).verb_keys.anywhere is False for lang in ("en", "es"))


def test_entry_keys_first_words_and_pairs():
    keys = entry_keys(["according to", "said", "so-called", "it's said", "in a  statement"])
    assert keys.first == {"according", "said", "so", "it", "in"}
    assert keys.open == {"said", "so", "it"}
    assert keys.pairs == {"according to", "in a"}


# -- figures: the end-anchored searches of a number's left context ---------------------------------

_BEFORE_PATTERNS = [
    (F._CURRENCY_BEFORE, 0),
    (F._DATE_BEFORE, 0),
    (F._YEAR_BEFORE, 0),
    (F._AGE_BEFORE, 1),
    (F._NAME_COMMA_BEFORE, 0),
    (F._LABEL_BEFORE, 0),
    (F._CAP_WORD_BEFORE, 0),
    (F._QUANT_BEFORE, 1),
]


def _befores(n: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    words = (
        "at least more than up to al menos más de alrededor de edad de de edad aged age in since c. circa "
        "Senate Bill No. n.º nº # page Route Highway US$ USD $ € R$ MX$ Jan. March enero of by total "
        "Smith, Ana, 1990 rose the about nearly"
    ).split()
    seps = [" ", " ", "  ", "\n", "\t", "\u00a0", "(", ",", "-", "/", "."]
    out = []
    for _ in range(n):
        s = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(1, 7)))
        out.append(s[-30:] if rng.random() < 0.5 else s)
    return out


@pytest.mark.parametrize(
    "before", _befores(400) + ["aged ", "at  least ", "edad\u00a0de ", "Smith, ", "US$ \n", "x/\n"]
)
def test_tail_searches_match_the_full_searches(before):
    starts = F._tails(before)
    for pattern, n_words in _BEFORE_PATTERNS:
        full = pattern.search(before)
        tail = pattern.search(before, starts[n_words])
        assert (full and full.span()) == (tail and tail.span()), (pattern.pattern[:40], before)


def test_number_pattern_matches_the_plain_alternation():
    """figures._NUMBER writes the first digit once outside its alternation; the matches are those of the
    plain form."""
    plain = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.])|\d+(?:[.,]\d+)?")
    rng = random.Random(5)
    for _ in range(20000):
        s = "".join(rng.choice("0123456789.,, a-/") for _ in range(rng.randint(1, 24)))
        assert [m.span() for m in F._NUMBER.finditer(s)] == [m.span() for m in plain.finditer(s)], s


def _src002(text: str) -> list:
    from audit.model import Document
    from audit.rules import DocContext
    from audit.sourcing import SourcingCheck
    from audit.sourcing.check import SourcingConfig

    check = SourcingCheck(SourcingConfig(unattributed_quotes=True))
    return [f for f in check.check(DocContext(Document("w", text, "t"), 0)) if f.rule == "SRC002"]


_WIRE = (
    "    The company said it would close two of its plants in the\n"
    "north by the end of the year, cutting output by a fifth.\n"
    "    Analysts said the move had been expected for some time\n"
    "and that more closures could follow later in the year.\n"
    "    Sato previously had a buy recommendation on the stock\n"
    "and cut it to hold after the announcement on Tuesday.\n"
    "    {quote}\n"
    "    Shares of the company fell two pct in early trading on\n"
    "the Tokyo exchange before recovering in the afternoon.\n"
)
_QUOTE = "\u201cWe are looking at slower growth in the unit for the next\ntwo years, and a weaker yen will not change that.\u201d"


def test_wire_quote_takes_the_subject_of_the_paragraph_before():
    """Wire layout (one sentence a paragraph): the person who opens the sentence before speaks the quote."""
    assert _src002(_WIRE.format(quote=_QUOTE)) == []


def test_prose_quote_after_a_paragraph_break_has_no_speaker_from_the_sentence_before():
    text = "Johnson spoke at length about the budget of the city.\n\n" + _QUOTE.replace("\n", " ")
    assert len(_src002(text)) == 1


def _ratio_texts(n: int, seed: int = 13) -> list[str]:
    rng = random.Random(seed)
    vocab = F._SMALL.split("|") + ["in", "out", "of", "every", "de", "cada", "hundred", "cien", "adults", "12", "3"]
    vocab += ["ſix", "fıve", "nİne", "SEIS", "Diez", "money", "often", "written", "voters", "the", "city"]
    seps = [" ", " ", "  ", "\n", "\t", ", ", "-", "."]
    return ["".join(rng.choice(vocab) + rng.choice(seps) for _ in range(rng.randint(3, 25))) for _ in range(n)]


@pytest.mark.parametrize(
    "text", ["Six in ten adults agree.", "ſix in ten adults agree.", "Most voters in the city"] + _ratio_texts(400)
)
def test_ratio_prefilter_finds_what_the_pattern_finds(text, monkeypatch):
    """A span without a digit or a small number word skips the ratio pattern: the figures are those found when
    the pattern always runs (an empty small word is in every span)."""
    fast = F.find_figures(text)
    monkeypatch.setattr(F, "_SMALL_WORDS", ("",))
    assert fast == F.find_figures(text)


def test_ratio_prefilter_cases():
    assert [f.kind for f in F.find_figures("Six in ten adults agree.")] == ["ratio"]
    assert [f.kind for f in F.find_figures("ſix in ten adults agree.")] == ["ratio"]  # "ſ" matches "s" ignoring case
    assert F.find_figures("Most voters in the city agree.") == []


def _merge_short_reference(items: dict[str, str]) -> list[str]:
    keys = list(items)
    return [
        items[k]
        for k in keys
        if not any(o != k and (o.endswith(" " + k) or o.startswith(k + " ")) and len(k.split()) == 1 for o in keys)
    ]


def test_merge_short_matches_every_key_against_every_other():
    from audit.sourcing.document import _key, _merge_short

    assert _merge_short({"bee": "Bee", "sacramento bee": "Sacramento Bee", "lee": "Lee"}) == ["Sacramento Bee", "Lee"]
    rng = random.Random(17)
    words = ["bee", "sacramento", "the", "x", "'s", "ana", "ruiz", "ruiz's"]
    for _ in range(3000):
        names = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(1, 6))]
        items = {_key(n): n for n in names}
        assert _merge_short(items) == _merge_short_reference(items), items


def _weasel_texts(lang: str, n: int, seed: int = 5) -> list[str]:
    """Texts of weasel entries (phrases, group phrases, and their pieces) joined and cut in many ways."""
    data = _data(lang)
    groups = data["weasel_groups"]
    pieces = list(data["weasel_phrases"]) + _weasel_groups(data)[::7] + groups["quantifiers"] + groups["nouns"]
    pieces += groups["verbs"] + ["that", "x", "the", "-", "'s", "’", "2", "_"]
    rng = random.Random(seed)
    seps = [" ", " ", "  ", "\n", "\t", ", ", "", "-", "'", ". "]
    out = []
    for _ in range(n):
        words = []
        for _ in range(rng.randint(1, 12)):
            w = rng.choice(pieces)
            w = w.upper() if rng.random() < 0.1 else w.capitalize() if rng.random() < 0.2 else w
            if rng.random() < 0.2:
                w = w.replace(" ", rng.choice(["  ", "\n", " \t"]))
            words.append(w + rng.choice(seps))
        out.append("".join(words))
    return out


@pytest.mark.parametrize("lang", ["en", "es"])
def test_factored_weasel_pattern_matches_the_trie_of_every_phrase(lang):
    """The weasel pattern writes the group phrases as a product (quantifiers, nouns, verbs): at every position of
    texts made of the entries it matches what the trie of every phrase matches, and finditer finds the same."""
    data = _data(lang)
    assert _weasel_alternation(list(data["weasel_phrases"]), data["weasel_groups"]) is not None  # the fast form
    full = _compile_words(list(data["weasel_phrases"]) + _weasel_groups(data), re.IGNORECASE)
    fast = lexicon(lang).weasel_re
    assert fast.pattern != full.pattern
    for text in _weasel_texts(lang, 400):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in full.finditer(text)], text
        for p in range(len(text)):
            a, b = fast.match(text, p), full.match(text, p)
            assert (a and a.span()) == (b and b.span()), (text, p)


def test_weasel_product_order_and_fallback():
    groups = {"quantifiers": ["some", "many"], "nouns": ["critics", "experts"], "verbs": ["say", "said"]}
    # a phrase begins a group phrase: the product is tried first ("some critics say" over "some critics")
    alt = _weasel_alternation(["some critics", "it is said"], groups)
    pattern = re.compile(rf"(?<![\w’'-])(?:{alt})(?![\w’'-])", re.I)
    assert pattern.match("Some critics say so").group(0) == "Some critics say"
    assert pattern.match("some critics argue").group(0) == "some critics"
    # a group phrase begins a phrase: the phrases first ("some critics say that" over "some critics say")
    alt = _weasel_alternation(["some critics say that"], groups)
    pattern = re.compile(rf"(?<![\w’'-])(?:{alt})(?![\w’'-])", re.I)
    assert pattern.match("some critics say that it").group(0) == "some critics say that"
    assert pattern.match("some critics say it").group(0) == "some critics say"
    # both ways, or a quantifier that begins another ("a", "a few"): no product, the trie of every phrase
    assert _weasel_alternation(["some critics", "many experts say that"], groups) is None
    assert _weasel_alternation(["it is said"], {**groups, "quantifiers": ["a", "a few"]}) is None
    assert _weasel_alternation(["It is said"], groups) is None  # (upper case: not compared here)


def test_change_prefilter_lets_every_change_word_through():
    """Each change word of the pattern passes the substring prefilter: "se cuadruplicó" (listed in the pattern, but
    none of the prefilter's substrings was in it, so it was never found); still nothing where the pattern has none."""
    assert [(f.kind, f.text) for f in F.find_figures("La producción se cuadruplicó el año pasado.")] == [
        ("change", "se cuadruplicó")
    ]
    assert F.find_figures("Las ventas cuadruplicaron el año pasado.") == []
    words = ["doubled", "tripled", "trebled", "quadrupled", "halved", "twice as many", "three times as many"]
    words += ["se duplicó", "se triplicó", "se cuadruplicó", "duplicó", "triplicó", "se redujo a la mitad", "to double"]
    words += ["doubles", "triples", "quadruples", "duplicaron", "triplicaron", "duplicado", "triplicado", "duplicará"]
    words += ["triplicará", "duplicarán", "triplicarán"]
    for w in words:
        assert F._CHANGE_WORD.fullmatch(w), w
        assert [f.kind for f in F.find_figures(f"Ayer {w} hoy.")] == ["change"], w


def _after_texts(n: int, seed: int = 17) -> list[str]:
    rng = random.Random(seed)
    toks = [" ", "\n", "-", ":", "00", "am", "a.m.", "PM", "Jan", "January", "de", "enero", "st", "th", "/", "1"]
    toks += ["U.S.", "S. Ct.", "F.2d", "Greatest", "Best", "year-old", "years", "old", "days", "años", "Main", "St"]
    toks += ["Street", "in the morning", "ſt", "İ", "K", "x", "'s", "hrs", "GMT", "o'clock", "people", "percent"]
    return ["".join(rng.choice(toks) for _ in range(rng.randint(0, 6))) for _ in range(n)]


@pytest.mark.parametrize("after", ["", " am", ":30", " January", "st ", " U.S. 292", " Greatest Hits", " people"])
def test_not_figure_after_is_any_of_its_parts(after):
    """The one pattern of right-hand contexts that make a number no figure matches where one of its seven parts
    matches (written cases, then 3,000 generated ones)."""
    parts = (F._TIME_AFTER, F._DATE_AFTER, F._REPORTER_AFTER, F._TITLE_LIST_AFTER, F._AGE_AFTER, F._DURATION_AFTER)
    parts += (F._STREET_AFTER,)
    for text in [after] + _after_texts(3000 if after == "" else 0):
        assert (F._NOT_FIGURE_AFTER.match(text) is not None) == any(p.match(text) for p in parts), text
    assert F._NOT_FIGURE_AFTER.match(" people") is None and F._NOT_FIGURE_AFTER.match(" am") is not None


def test_number_kinds_around_the_combined_right_context():
    """A time, a date, an age, a duration, an address, a law report's volume and a list's name are no figures; a count
    of people and a percentage are."""
    cases = {
        "The bus left at 9 am with 40 people.": ["40"],
        "It closed on 12 January after 45 days; 300 workers were laid off.": ["300"],
        "A 45-year-old man and 12 years of work; 2,000 voters stayed home.": ["2,000"],
        "He lived at 1600 Main Street; 496 U.S. 292 was cited; 55 percent agreed.": ["55 percent"],
        "The 100 Greatest Britons list drew 1,200 complaints.": ["1,200"],
    }
    for text, want in cases.items():
        assert [f.text for f in F.find_figures(text)] == want, text


def test_has_vs_is_the_case_insensitive_search():
    from audit.sourcing.claims import _VS, _has_vs

    rng = random.Random(3)
    for _ in range(5000):
        text = "".join(rng.choice("vVsSſxy .") for _ in range(rng.randint(0, 6)))
        assert _has_vs(text) == (_VS.search(text) is not None), text
    assert _has_vs("Net 3 vſ 2") and not _has_vs("versus")


_PHRASES = [
    "half of voters",
    "a third of the adults",
    "two-thirds of adults",
    "la mitad de los encuestados",
    "nearly half of all",
    "first half of the year",
    "one in five",
    "3 out of 10",
    "seis de cada diez",
    "doubled",
    "will double",
    "se duplicó",
    "two million",
    "five percent",
    "tres por ciento",
    "one hundred twenty-five million",
    "may more than triple up",
]


def _vocabulary_texts(pattern: re.Pattern, n: int, seed: int) -> list[str]:
    """Texts made of the words of ``pattern`` (every alternative's words, in several cases), digits and separators."""
    rng = random.Random(seed)
    vocab = sorted(set(re.findall(r"[a-záéíóúñ]+", pattern.pattern)))
    vocab += [w.upper() for w in vocab[:40]] + [w.capitalize() for w in vocab] + ["12", "3", "1843", "ſix", "İ", "x"]
    vocab += _PHRASES * 8  # phrases that match (or almost match) one of the patterns
    seps = [" ", " ", "  ", "\n", "-", ", ", ". ", "'", "(", "\t"]
    return ["".join(rng.choice(vocab) + rng.choice(seps) for _ in range(rng.randint(2, 30))) for _ in range(n)]


@pytest.mark.parametrize("name", ["_WORD_FIGURE", "_RATIO", "_CHANGE_WORD", "_FRACTION"])
def test_led_scans_find_what_the_patterns_find(name):
    """Each scan of find_figures, led by a lookahead for its first letters (audit.sourcing.lead), finds the matches of
    its pattern (whole texts and slices: the lookbehinds and word boundaries read the characters before the slice)."""
    led = getattr(F, name)
    plain = ORIGINAL[led]
    texts = _vocabulary_texts(plain, 1000, seed=len(name)) + WRITTEN
    found = 0
    for text in texts:
        want = [m.span() for m in plain.finditer(text)]
        found += len(want)
        assert [m.span() for m in led.finditer(text)] == want, text
        a, b = len(text) // 3, 2 * len(text) // 3
        assert [m.span() for m in led.finditer(text, a, b)] == [m.span() for m in plain.finditer(text, a, b)], text
    assert found >= 20  # the generated texts do hold matches
