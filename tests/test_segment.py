"""Segmentation: passages and sentences as exact spans of the original text."""

from __future__ import annotations

import pytest

from audit import segment


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
