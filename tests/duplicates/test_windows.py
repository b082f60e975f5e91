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
