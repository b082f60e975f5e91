"""Fourth round of the artefact checks' fast paths (issue 15, session 11): each gives exactly what the
definition it replaces gives (written out here), on texts and layouts written to hit the edges."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from audit.artefacts import common, quality, truncation
from audit.model import Span

# -- quality: the kind of each layout row (ART065) ----------------------------------------------------


def _line_kinds_slow(text: str, rows) -> list[str]:
    kinds: list[str] = []
    closed: list[bool] = []
    n = len(rows)
    for i, (s, e, kind, _) in enumerate(rows):
        if kind == "table":
            kinds.append("T")
        elif kind != "prose":
            kinds.append("S")
        else:
            line = text[s:e]
            ended = quality.terminal_end(line) or (
                line.endswith(":") and i + 1 < n and not text[rows[i + 1][0] : rows[i + 1][1]].endswith(":")
            )
            frag = not ended and len(line.split(None, quality.FRAGMENT_WORDS)) <= quality.FRAGMENT_WORDS
            kinds.append("F" if frag else "P")
            closed.append(ended)
            continue
        closed.append(False)
    for i, k in enumerate(kinds):
        if k == "F" and ("".join(kinds[max(i - 2, 0) : i]) == "TT" or "".join(kinds[i + 1 : i + 3]) == "TT"):
            kinds[i] = "S"
    for i, k in enumerate(kinds):
        if k != "P" or not closed[i] or i == 0 or kinds[i - 1] != "F":
            continue
        s, e = rows[i][0], rows[i][1]
        if len(text[s:e].split(None, quality._HEADED_WORDS)) <= quality._HEADED_WORDS - 1:
            continue
        j = i - 1
        while j >= 0 and kinds[j] == "F":
            j -= 1
        if i - 1 - j <= quality.HEADING_LINES:
            kinds[j + 1 : i] = ["S"] * (i - 1 - j)
    return kinds


_LINES = [
    "Year",
    "Nine mths",
    "Net 21.8 mln vs 19 mln",
    "Home | News | Contact",
    "Title:",
    "Another label:",
    "This is a long closed paragraph of prose with more than eight words in it.",
    "Short.",
    "A fragment line",
    "« Citation »",
    "(bracketed)",
    "(a closed aside.)",
    "Says “hi”",
    "Ends in a space ",
    "Ends in a tab\t",
    "中文句子。",
    "ภาษาไทย",
    "Posted June 3, 2018",
    "",
    "ends on a no-break space\u00a0",
    "word " * 13,
    "one two three four five six seven eight nine ten eleven twelve",
    "one two three four five six seven eight nine ten eleven twelve thirteen",
    "Why?",
    "Wait…",
    "quoted'",
    "ending\n",
]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_line_kinds_is_the_definition(seed):
    rnd = random.Random(seed)
    kinds = ["prose"] * 5 + ["table", "table", "list", "verse"]
    for _ in range(3000):
        lines = [rnd.choice(_LINES) for _ in range(rnd.randint(0, 30))]
        text = "\n".join(lines)
        rows, p = [], 0
        for ln in lines:
            rows.append((p, p + len(ln), rnd.choice(kinds), 1))
            p += len(ln) + 1
        assert quality.line_kinds(text, rows) == _line_kinds_slow(text, rows), (text, rows)


def test_end_by_last_agrees_with_terminal_end():
    for c, verdict in quality._END_BY_LAST.items():
        for line in (c, "word" + c, "a ." + c):
            assert quality.terminal_end(line) is verdict, repr(line)


# -- quality: the dense-script and Hangul searches ----------------------------------------------------


@pytest.mark.parametrize(
    "text", ["plain ascii", "café au lait", "한국어 문장입니다", "中文", "ภาษาไทย", "Ωmega", "ᄀ jamo", "\u3131 compat"]
)
def test_wide_gates_the_two_searches(text):
    assert quality._has_dense(text, quality._wide(text)) is quality._has_dense(text)
    counts = Counter(common.words(text.lower()))
    n = sum(counts.values())
    assert quality._syllabic(text, counts, n, quality._wide(text)) is quality._syllabic(text, counts, n)
    assert quality._wide(text) is (quality._has_dense(text) or quality._SYLLABIC_RE.search(text) is not None)


# -- common: the stop-word profile of a text's word counts --------------------------------------------


def _language_of_counts_slow(counts: Counter, candidates=("en", "es", "fr", "de", "pt", "it")):
    total = sum(counts.values())
    if total < 4:
        return "und", 0.0
    sw = common.stopwords()
    best, best_n, second_n = "und", 0, 0
    for lang in candidates:
        n = sum(c for t, c in counts.items() if t in sw[lang])
        if n > best_n:
            best, best_n, second_n = lang, n, best_n
        elif n > second_n:
            second_n = n
    share = best_n / total
    if share < 0.12 or best_n < max(2, 1.3 * second_n):
        return "und", share
    return best, share


@pytest.mark.parametrize("seed", [1, 2])
def test_language_of_counts_is_the_definition(seed):
    rnd = random.Random(seed)
    sw = common.stopwords()
    vocab = sorted(set().union(*(sw[lg] for lg in ("en", "es", "fr", "de", "pt", "it"))))
    vocab += [f"w{i}" for i in range(400)]
    for _ in range(500):
        counts = Counter(rnd.choice(vocab) for _ in range(rnd.choice([0, 3, 5, 20, 80, 400, 3000])))
        assert common.language_of_counts(counts) == _language_of_counts_slow(counts)


# -- truncation: timestamp lines (ART020 comment threads) ---------------------------------------------


def _stamp_line_slow(line: str) -> tuple[bool, bool]:
    ws = line.split()
    if len(ws) > truncation._STAMP_WORDS or not any(c.isdigit() for c in line):
        return False, False
    found = list(truncation._STAMP.finditer(line))
    if not found:
        return False, False
    before, after = line[: found[0].start()], line[found[-1].end() :].strip(" \t.,")
    if len(before.split()) > truncation._STAMP_BEFORE or len(after.split()) > truncation._STAMP_AFTER:
        return False, False
    if after and not (
        after[0] in "-–—|/·•#»(" or after[0].isupper() or (after[0] in ")]" and before.rstrip()[-1:] in "([")
    ):
        return False, False
    return True, bool(truncation._CLOCK_RE.search(line))


_STAMPS = [
    "Jane, 3. März 2018 um 15:28 Uhr - Antworten",
    "June 3, 2018 at 9:12 am Reply",
    "mtcountrygrl Posted on August 9, 2012 at 12:14pm",
    "(26 juin 2018 @10h13)",
    "November 12, 2012",
    "... released on June 3, 2018 and grossed",
    "x² + y² = z²",  # digits to str.isdigit, none to \d
    "① ② ③ Reply",
    "٣ مارس ٢٠١٨",  # Arabic-Indic digits are \d
    "no digits at all here",
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen 16 17",
    "",
]


def test_stamp_line_is_the_definition():
    rnd = random.Random(5)
    lines = list(_STAMPS)
    for _ in range(2000):
        a, b = rnd.choice(_STAMPS), rnd.choice(_STAMPS)
        k = rnd.randint(0, len(a))
        lines.append(a[:k] + b[k // 2 :])
    for line in lines:
        assert truncation._stamp_line(line) == _stamp_line_slow(line), line


def _comment_stamps_slow(text: str, passages, dated: bool = False) -> list[int]:
    out, days = [], []
    for j, p in enumerate(passages):
        if p.end - p.start > 400:
            continue
        label, clock = _stamp_line_slow(text[p.start : p.end].rstrip().rsplit("\n", 1)[-1])
        if label and clock:
            out.append(j)
        if label:
            days.append(j)
    if dated:
        return days if len(out) >= 2 or len(days) >= truncation._DATED_STAMPS else []
    return out if len(out) >= 2 else []


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_comment_stamps_are_the_definition(seed):
    rnd = random.Random(seed)
    body = ["A reader's comment that goes on", "Great post!", "x" * 420, "Price: $5 on 3 May", "Thanks 2 you"]
    for _ in range(400):
        paras = [rnd.choice(body) + rnd.choice(["", "\n" + rnd.choice(_STAMPS)]) for _ in range(rnd.randint(0, 12))]
        text = "\n\n".join(paras)
        passages, p = [], 0
        for para in paras:
            passages.append(Span(p, p + len(para)))
            p += len(para) + 2
        found = truncation._stamp_passages(text, passages)
        for dated in (False, True):
            assert truncation._comment_stamps(found, dated) == _comment_stamps_slow(text, passages, dated)


# -- spam: the two cue patterns run in every keyword window, tried only where they can match ---------


def _key(matches) -> list:
    """What a match reports: its span and its groups."""
    return [(m.span(), m.groupdict()) for m in matches]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_cue_patterns_tried_at_their_starts_are_finditer(seed):
    from audit.artefacts import spam
    from audit.text import TextLayer

    pieces = ["order", "online", "shop", "site", "casino", "store", "buy", "orders", "the", "would", "will",
              "Tom", "x", "3", "1,389", "12.5", "٣", "²", ",", ".", "-", "'", "’", " ", " ", "\t", "\n", "\n\n",
              "é", "_", "online\u0301", "said", "to", "$40", "million"]  # fmt: skip
    rnd = random.Random(seed)
    found = 0
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 60)))
        counts = TextLayer(text).word_counts
        spans = spam._cue_spans(text, counts)
        windows = spam._keyword_windows(text, reach=rnd.choice([5, 20, 200]), counts=counts, spans=spans)
        for rx, starts in ((spam._HEAD_RE, [k for k, _ in spans]), (spam._FRAME_RE, spam._frame_starts(text, spans))):
            slow = _key(m for ws, we, _c in windows for m in rx.finditer(text, ws, we))
            assert _key(spam._matches_at(rx, text, windows, starts)) == slow, (repr(text), rx.pattern[:20])
            found += bool(slow)
    assert found >= 150  # the patterns do match in these texts


@pytest.mark.parametrize("seed", [4, 5])
def test_after_sentence_tried_after_sentence_marks_is_finditer(seed):
    from audit.artefacts import spam

    pieces = ["cheap", "flights", "online", "Tuesday", "on", "It", "ok", "a", "x", "1", "é", "-", ". ", "! ", "? ",
              ".", "!", " ", " ", "\t", "\n", "etc", "Then", "Mr"]  # fmt: skip
    rnd = random.Random(seed)
    found = 0
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 60)))
        for windows in ([(0, len(text))], spam._lines_holding(text, ["cheap", "on"])):
            slow = _key(m for ls, le in windows for m in spam._AFTER_SENTENCE_RE.finditer(text, ls, le))
            assert _key(spam._after_sentence(text, windows)) == slow, repr(text)
            found += bool(slow)
    assert found >= 150  # the pattern does match in these texts


@pytest.mark.parametrize(
    "extra", ["", "é", "e\u0301", "\u0301 alone", "中文", "ภาษาไทย", "\u0915\u093f", "\U0001d400", "online’s"]
)
def test_plain_layer_skips_the_mark_search(extra):
    from audit.artefacts import spam
    from audit.text import _ARRAY_MIN, MARKS, TextLayer, _array_tokens

    text = ("Buy it online, order now at the store site. " * (_ARRAY_MIN // 40 + 1)) + extra
    layer = TextLayer(text)
    counts = layer.word_counts
    assert layer.plain is (_array_tokens(text) is not None)
    if layer.plain:  # what the flag promises
        assert not any(0x0300 <= ord(c) <= 0x036F for c in text) and spam._MARK.search(text) is None
        assert MARKS  # (the class the search looks for)
    assert spam._cue_spans(text, counts, layer.plain) == spam._cue_spans(text)
    assert not TextLayer("short é").plain  # the regex read it (or nothing read yet): not known
