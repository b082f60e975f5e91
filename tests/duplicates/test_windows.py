"""Passage units of documents without blank-line paragraphs: hard-wrapped wire text, single blocks."""

from __future__ import annotations

import textwrap

from audit import segment
from audit.duplicates.passages import units
from audit.model import Span
from tests.duplicates.harness import run
from tests.duplicates.texts import EN, OTHER, filler


def wire(paragraphs: list[str], width: int = 64) -> str:
    """A hard-wrapped wire story: no blank lines, each paragraph after the first starts indented."""
    out = []
    for i, p in enumerate(paragraphs):
        body = "\n".join(textwrap.wrap(p, width))
        out.append(body if i == 0 else "    " + body)
    return "\n".join(out) + "\n REUTER"


def test_wire_story_paragraphs_are_units():
    text = wire(EN[:5])
    spans = units(text, segment.passages(text), 120)
    # The layout reads the indented paragraph starts (segment.passages already splits the wrapped block),
    # and the passage units follow those paragraphs, whoever found them.
    assert [" ".join(text[s.start : s.end].split()) for s in spans[:4]] == EN[:4]
    one_block = units(text, (Span(0, len(text)),), 120)  # a segmenter that saw one block
    assert [" ".join(text[s.start : s.end].split()) for s in one_block[:4]] == EN[:4]


def test_paragraph_pasted_into_a_hard_wrapped_wire_story_is_found_with_its_span():
    src = wire(EN)
    dst = wire(OTHER[:3] + [EN[5]] + OTHER[3:])
    findings, _ = run({"src": src, "dst": dst})
    (f,) = [f for f in findings["dst"] if f.rule in ("DUP003", "DUP004")]
    assert " ".join(dst[f.start : f.end].split()) == EN[5]
    assert f.related[0].document == "src" and f.severity.value == "warning"
    assert " ".join(src[f.related[0].start : f.related[0].end].split()) == EN[5]
    assert [g for g in findings["src"] if g.rule in ("DUP003", "DUP004") and g.data["role"] == "kept"]


def test_sentences_pasted_inside_one_long_block_are_found_within_the_block():
    # One long paragraph (no line breaks) with two paragraphs' worth of copied sentences inside.
    body = filler(4, seed=41, words=40)
    dst = " ".join(body[:2] + [EN[6], EN[7]] + body[2:])
    findings, _ = run({"src": "\n\n".join(EN), "dst": dst})
    hits = [f for f in findings["dst"] if f.rule in ("DUP003", "DUP004")]
    assert hits and all(r.document == "src" for f in hits for r in f.related)
    start, end = dst.index(EN[6]), dst.index(EN[7]) + len(EN[7])
    assert all(start - 1 <= f.start and f.end <= end + 1 for f in hits)  # never broader than the paste


def test_wire_stories_sharing_only_a_short_standard_sentence_are_not_copies():
    std = "The company did not give details."
    a = wire(filler(3, seed=51) + [std])
    b = wire(filler(3, seed=52) + [std])
    findings, _ = run({"a": a, "b": b})
    assert not [f for fs in findings.values() for f in fs]


def _reference_units(text: str, passages, window_words: int) -> list[Span]:
    """The definition of units() written plainly (slices, whole word counts)."""
    import re

    from audit.duplicates.units import _windows

    indent = re.compile(r"\n(?:[ \t]{2,}|\t)(?=\S)")
    if "\n\n" not in text and len(indent.findall(text, 0, 20_000)) >= 2:
        passages = [Span(0, len(text))]
    out: list[Span] = []
    for p in passages:
        block = text[p.start : p.end]
        if "\n" not in block and len(block) < 4 * window_words:
            out.append(p)
            continue
        cuts = [p.start] + [p.start + m.start() + 1 for m in indent.finditer(block)] + [p.end]
        for a, b in zip(cuts, cuts[1:], strict=False):
            piece = text[a:b]
            if not piece.strip():
                continue
            start = a + len(piece) - len(piece.lstrip())
            span = Span(start, start + len(piece.strip()))
            if len(text[span.start : span.end].split()) <= window_words:
                out.append(span)
            else:
                out.extend(_windows(text, span, window_words // 2))
    return out


def test_units_match_their_plain_definition_at_every_size():
    """Short pieces skip the word count (a piece of 2w-1 characters has at most w words), trimming and
    indent cuts read the text in place: the same units as the plain definition."""
    import random

    rng = random.Random(3)
    pieces = ["a", "bb", "word", "Wire", "x.", "2.5", "\u201cquote\u201d", "caf\u00e9"]
    seps = [" ", " ", " ", "  ", "\n", "\n    ", "\n\n", "\t", ". ", ".\n"]
    for window in (4, 5, 8, 120):
        for _ in range(150):
            text = "".join(rng.choice(pieces) + rng.choice(seps) for _ in range(rng.randint(1, 60)))
            text = rng.choice(["", "  ", "\n"]) + text
            for passages in (segment.passages(text), (Span(0, len(text)),)):
                assert units(text, passages, window) == _reference_units(text, passages, window), (window, text)
    # At the bound: 4 one-letter words in 7 characters are one unit; 5 words in 9 characters are cut.
    assert units("a b\nc d", (Span(0, 7),), 4) == [Span(0, 7)]
    cut = units("a b\nc d e", (Span(0, 9),), 4)
    assert cut == _reference_units("a b\nc d e", (Span(0, 9),), 4) and cut != [Span(0, 9)]


def test_document_units_skip_the_paragraph_layout_of_a_wire_story():
    """A wire story is cut at its indented lines whatever its paragraphs are: its layout is never asked
    for, and the units are those units() gives with the layout's paragraphs. Other texts use them."""
    from audit.duplicates.units import document_units

    for text, needs_layout in ((wire(EN[:5]), False), ("\n\n".join(EN[:3]), True)):
        asked = []

        def layout(text=text, asked=asked):
            asked.append(True)
            return segment.passages(text)

        assert document_units(text, layout, 120) == units(text, segment.passages(text), 120)
        assert asked == ([True] if needs_layout else [])


def test_a_stripped_line_is_one_passage_of_its_own_layout():
    """_window_bounds splits a one-line piece into sentences without its layout: the layout of a stripped
    text without a newline is that one passage, whatever the line holds (figures, bullets, pipes, indents)."""
    import random

    rng = random.Random(5)
    words = ["Net", "21.8", "mln", "vs", "19", "|", "-", "*", "1.", "The", "said.", "and", "  ", "\t", "Dr.", "“Yes,”"]
    for _ in range(400):
        line = " ".join(rng.choice(words) for _ in range(rng.randint(1, 80))).strip()
        if line:
            assert segment.passages(line) == (Span(0, len(line)),), line
    from audit.duplicates.units import _window_bounds

    text = "  " + " ".join(f"Sentence number {i} is here and it is long enough." for i in range(40)) + "  "
    got = _window_bounds(text, 2, len(text) - 2, 30)
    assert got and got[0][0] == 2 and got[-1][1] == len(text) - 2
    assert got == [(w.start, w.end) for w in _reference_windows(text, 2, len(text) - 2, 30)]


def _reference_windows(text: str, s0: int, e0: int, target: int) -> list[Span]:
    """Sentence windows through the piece's own layout (segment.sentences), as before."""
    piece = text[s0:e0]
    out, start, words = [], None, 0
    for sent in segment.sentences(piece):
        start = sent.start if start is None else start
        words += len(piece[sent.start : sent.end].split())
        if words >= target:
            out.append(Span(s0 + start, s0 + sent.end))
            start, words = None, 0
    if start is not None:
        if out and words < target // 3:
            out[-1] = Span(out[-1].start, e0)
        else:
            out.append(Span(s0 + start, e0))
    return out
