"""Segmentation: passages and sentences as exact spans of the original text."""

from __future__ import annotations

import pytest

from audit import segment
from audit.model import Span


def texts(text, spans):
    return [text[s.start : s.end] for s in spans]


def test_paragraphs_split_on_blank_lines():
    text = "First para line.\n\n  Second para.  \n\n\n\nThird."
    assert texts(text, segment.passages(text)) == ["First para line.", "Second para.", "Third."]


def test_line_structured_text_gives_line_passages():
    text = "Headline here\nFirst short item.\nSecond item is here.\n"
    assert texts(text, segment.passages(text)) == ["Headline here", "First short item.", "Second item is here."]


def test_hard_wrapped_prose_stays_one_passage():
    body = (
        "The council met on Tuesday to discuss the budget for the coming\n"
        "year, and members argued for nearly three hours about the cost of\n"
        "the new library, which several residents had opposed in letters to\n"
        "the editor last month.\n"
    )
    spans = segment.passages(body)
    assert len(spans) == 1 and body[spans[0].start : spans[0].end].endswith("last month.")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He left. She stayed.", ["He left.", "She stayed."]),
        (
            "Dr. Smith met Mr. Jones on Jan. 5 in Washington. They talked.",
            ["Dr. Smith met Mr. Jones on Jan. 5 in Washington.", "They talked."],
        ),
        ("The U.S. economy grew 3.5 percent. Prices rose.", ["The U.S. economy grew 3.5 percent.", "Prices rose."]),
        ("“Is it true?” she asked. He nodded.", ["“Is it true?” she asked.", "He nodded."]),
        ("He said “we will win.” Then he left.", ["He said “we will win.”", "Then he left."]),
        ("¿Dónde está? No lo sé. ¡Vamos!", ["¿Dónde está?", "No lo sé.", "¡Vamos!"]),
        (
            "La Sra. García llegó a las 5 p.m. al edificio. Luego habló.",
            ["La Sra. García llegó a las 5 p.m. al edificio.", "Luego habló."],
        ),
        ("J. R. Smith scored 30 points. The team won.", ["J. R. Smith scored 30 points.", "The team won."]),
        ("the memo stated the U.S. The Department will act.", ["the memo stated the U.S.", "The Department will act."]),
        ("Visit example.com for more. Thanks.", ["Visit example.com for more.", "Thanks."]),
    ],
)
def test_sentences(text, expected):
    assert texts(text, segment.sentences(text)) == expected


def test_sentence_spans_index_original_text_across_passages():
    text = "  One. Two!\n\nThree? Four…  Five.\n"
    spans = segment.sentences(text)
    assert texts(text, spans) == ["One.", "Two!", "Three?", "Four…", "Five."]
    assert all(text[s.start : s.end].strip() == text[s.start : s.end] for s in spans)


def test_lines_and_line_numbers():
    text = "a\n\n  b  \nc"
    assert texts(text, segment.lines(text)) == ["a", "b", "c"]
    assert [segment.line_of(text, text.index(ch)) for ch in "abc"] == [1, 3, 4]
    assert segment.line_of(text, text.index("c")) == 4


def test_french_guillemets_with_spaces_end_and_open_sentences():
    text = "Le ministre a dit : « Nous ne signerons pas. » Her remarks drew applause. « Jamais. » Il a ajouté : « Non. »\u00a0C'est fini."
    got = [text[s.start : s.end] for s in segment.sentences(text)]
    assert got == [
        "Le ministre a dit : « Nous ne signerons pas. »",
        "Her remarks drew applause.",
        "« Jamais. »",
        "Il a ajouté : « Non. »",
        "C'est fini.",
    ]


# -- one pass over the document: the same spans as the per-line / per-passage definitions --------------

_WS = [" ", "  ", "\t", "\n", "\n\n", "\n   ", "\r\n", "\x0c", "\x85", "\u2028", "\u00a0", ""]
_PIECES = [
    "The U.S. said.",
    "Net 21.8 mln vs 19 mln",
    "- item one",
    "1. First",
    "» Her",
    "fin. »",
    "“Is it?” she asked.",
    "approx. five",
    "Mr. Smith went.",
    "3.5 pct.",
    "这是。",
    "...",
    "?!",
    "J. Smith",
    "and it runs on",
]


def _mixed_texts(n=400, seed=3):
    import random

    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) + rng.choice(_WS) for _ in range(rng.randint(1, 30))) for _ in range(n)]


def _lines_by_definition(text):
    out, pos = [], 0
    for raw in text.split("\n"):
        body = raw.strip()
        if body:
            start = pos + len(raw) - len(raw.lstrip())
            out.append(segment.Span(start, start + len(body)))
        pos += len(raw) + 1
    return out


def _sentences_by_definition(text):
    """One ``_SENT_END`` search per passage, bounded by the passage (the definition the one-pass split keeps)."""
    out = []
    for p in segment.passages(text):
        pos = p.start
        for m in segment._SENT_END.finditer(text, p.start, p.end):
            nxt = m.end()
            if nxt >= p.end:
                break
            cut = segment._sentence_cut(text, m, nxt)
            if cut:
                span = segment._strip(text, pos, cut)
                if span is not None:
                    out.append(span)
                pos = nxt
        span = segment._strip(text, pos, p.end)
        if span is not None:
            out.append(span)
    return tuple(out)


def test_lines_equal_stripping_each_line_whatever_the_whitespace():
    for text in _mixed_texts():
        assert segment.lines(text) == _lines_by_definition(text), repr(text)


def test_one_pass_sentences_equal_one_search_per_passage():
    for text in _mixed_texts():
        assert segment.sentences(text) == _sentences_by_definition(text), repr(text)


def test_sentence_end_at_a_passage_end_is_not_carried_into_the_next_passage():
    text = "It ended.\n» Her reply came.\n\nNext one. Then more."
    assert texts(text, segment.sentences(text)) == ["It ended.", "» Her reply came.", "Next one.", "Then more."]


def test_runs_of_sentence_punctuation_end_a_sentence_once():
    text = "Wait... What?! Yes. 这是。那是。"
    assert texts(text, segment.sentences(text)) == ["Wait...", "What?!", "Yes.", "这是。", "那是。"]


def _plain_is_abbreviation(text: str, dot: int) -> bool:
    """segment._is_abbreviation written plainly: the letters and periods before the dot, one at a time."""
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    if not word:
        return dot > 0 and text[dot - 1].isdigit() and dot + 1 < len(text) and text[dot + 1].isdigit()
    if word in segment.ABBREVIATIONS or word.rstrip(".") in segment.ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha() and text[j].isupper():
        return True
    return "." in word and all(len(p) <= 2 for p in word.split(".") if p)


def test_abbreviation_scan_and_strip_match_their_plain_definitions():
    """The ASCII run before a period is found by rstrip over a window, the rest one character at a time
    (a non-ASCII letter, a run longer than the window); spans skip the copy when nothing is to strip."""
    import random

    rng = random.Random(11)
    alphabet = list("abcXYZ.. 1\n\u00e9\u00d1\u0141\u00a0\u2009,") + ["U.S", "e.g", "Dr", "Sra", "N\u00fam", "x" * 50]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) + "."
        for dot in [i for i, ch in enumerate(text) if ch == "."]:
            assert segment._is_abbreviation(text, dot) == _plain_is_abbreviation(text, dot), (text, dot)
        for a in range(len(text) + 1):
            b = rng.randint(a, len(text))
            piece = text[a:b]
            body = piece.strip()
            expected = None if not body else Span(a + len(piece) - len(piece.lstrip()), a + len(piece.rstrip()))
            assert segment._strip(text, a, b) == expected, (text, a, b)
    assert segment._is_abbreviation("(\u00d1.b. x", 4)  # "Ñ.b", read past the non-ASCII letter: dotted initials
    assert segment._is_abbreviation("a " + "b" * 60 + ". Next", 62) is False
