"""Speed paths of the passage stage give the values of the plain computation: runs of matching passages
extended once per run, the passage units from the layer's bounds, a text's distinct non-ASCII characters."""

from __future__ import annotations

import random
import re

from audit import segment
from audit.duplicates import DuplicateCheck, DuplicatesConfig
from audit.duplicates import check as chk
from audit.duplicates import passages as ps
from audit.duplicates import units as units_mod
from audit.duplicates.units import units
from audit.model import Document, Span
from audit.rules import DocContext
from audit.text import TextLayer
from tests.duplicates.harness import corpus_of

_WORDS = (
    "harbour council grain barley shipment tonnes rose fell week month quarter exporters said the a of in on "
    "to with from Rotterdam Antwerp Hamburg wheat maize prices freight rates insurers dockers strike ended"
).split()


def _paragraph(rng: random.Random, words: int = 26) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize() + "."


def _documents(seed: int) -> list[str]:
    """Two or three documents sharing runs of paragraphs (some copied exactly, some with a word changed),
    on several diagonals, between paragraphs of their own; one document repeats a run of its own."""
    rng = random.Random(seed)
    shared = [_paragraph(rng) for _ in range(7)]

    def edited(p: str) -> str:
        words = p.split()
        words[rng.randrange(len(words))] = "changed"
        return " ".join(words)

    a = [_paragraph(rng)] + shared[:4] + [_paragraph(rng)] + shared[4:] + [_paragraph(rng)]
    b = [_paragraph(rng), _paragraph(rng)] + [edited(p) if rng.random() < 0.3 else p for p in shared[:4]]
    b += [_paragraph(rng)] * 2 + shared[4:] + shared[1:3]
    c = shared[2:6] + [_paragraph(rng)] + shared[2:6]
    return ["\n\n".join(d) for d in (a, b, c)]


def _all_pairs(texts: list[str]) -> list[tuple[tuple[int, int, int], tuple[int, int, int]]]:
    spans = [[(o, p.start, p.end) for p in segment.passages(t)] for o, t in enumerate(texts)]
    return [
        (pa, pb)
        for da in range(len(texts))
        for db in range(len(texts))
        for pa in spans[da]
        for pb in spans[db]
        if pa != pb
    ]


def test_a_seed_inside_a_known_run_gives_the_region_extension_from_it_gives():
    for seed in range(6):
        texts = _documents(seed)
        pairs = _all_pairs(texts)
        random.Random(seed).shuffle(pairs)
        shared = corpus_of(texts)
        found = 0
        for pa, pb in pairs:
            alone = ps.verify_passages(corpus_of(texts), pa, pb)  # nothing known: extended from this seed
            assert ps.verify_passages(shared, pa, pb) == alone, (seed, pa, pb)
            found += alone is not None and alone.span_a != (pa[1], pa[2])
        assert found  # the documents do hold runs of several passages
        assert shared.passage_runs  # and those of two documents were kept


def test_each_run_of_two_documents_is_extended_once(monkeypatch):
    texts = _documents(3)
    corpus = corpus_of(texts)
    extended: list[tuple[int, int, int, int]] = []
    original = ps._extend

    def counting(corpus, da, ia, spans_a, db, ib, spans_b, seed):
        out = original(corpus, da, ia, spans_a, db, ib, spans_b, seed)
        if da != db and out[1] > out[0]:
            extended.append((da, db, out[0], out[2]))
        return out

    monkeypatch.setattr(ps, "_extend", counting)
    for pa, pb in _all_pairs(texts):
        ps.verify_passages(corpus, pa, pb)
    assert extended
    assert len(extended) == len(set(extended))  # a run is never extended again from another of its seeds


def test_runs_inside_one_document_are_not_reused():
    text = _documents(1)[2]  # shared[2:6], a paragraph, shared[2:6] again
    corpus = corpus_of([text])
    spans = [(0, p.start, p.end) for p in segment.passages(text)]
    first = ps.verify_passages(corpus, spans[0], spans[5])
    second = ps.verify_passages(corpus, spans[1], spans[6])
    assert first is not None and second is not None
    assert not corpus.passage_runs
    assert second == ps.verify_passages(corpus_of([text]), spans[1], spans[6])


_LAYOUTS = [
    "Short line one\nShort line two\n\nA paragraph line that is long enough to be prose and ends here.\n",
    "Menu\nHome\nAbout us\n\n" + "word " * 300 + "\n\nFooter line\n",
    "A hard-wrapped paragraph of prose that runs on to the next\nline of the same paragraph, which carries on\n"
    "into a third line of similar length before it ends.\n\nAnother paragraph.\n",
    "    An indented wire story opens here and runs on over a line\nthat continues it to the end of a sentence.\n"
    "    A second indented paragraph starts here and it also runs\non to a second line.\n",
    "Title\n\n" + " ".join(f"Sentence number {i} says something about the harbour." for i in range(60)),
    "",
    "   \n\n  ",
    "Café — “quoted” text…\nΈνα κείμενο.\n中文文本测试。\n",
]


def test_prepare_gives_the_units_of_the_paragraph_layout():
    check = DuplicateCheck(DuplicatesConfig())
    for i, text in enumerate(_LAYOUTS):
        ctx = DocContext(Document(f"d{i}", text, source="x"), i)
        want = [(u.start, u.end) for u in units(text, segment.passages(text), 120)]
        assert check.prepare(ctx) == want, i


def test_passage_bounds_are_the_passages_and_follow_seeded_passages():
    for text in _LAYOUTS:
        layer = TextLayer(text)
        assert layer.passage_bounds == [(p.start, p.end) for p in TextLayer(text).passages]
        with_layout = TextLayer(text)
        with_layout.layout  # noqa: B018  (built first: the bounds come from its paragraphs)
        assert with_layout.passage_bounds == layer.passage_bounds
    seeded = TextLayer(_LAYOUTS[1])
    seeded.__dict__["passages"] = tuple(TextLayer(_LAYOUTS[1]).passages[:2])  # as a huge document's windows do
    assert seeded.passage_bounds == [(p.start, p.end) for p in seeded.passages]


def test_non_ascii_chars_are_those_the_regex_finds():
    rng = random.Random(5)
    alphabet = "abc XYZ 09.,\n\t" + "éÀß€×²…—“”\u00a0\u200b\ufeffĞŁΩЖ中文。あア\U0001f600\u0301\ud800\udfff"
    regex = re.compile(r"[^\x00-\x7f]")
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        assert chk._non_ascii_chars(text) == set(regex.findall(text)), repr(text)


def _reference_windows(piece: str, target: int) -> list[tuple[int, int]]:
    """Windows by definition: every sentence of the (stripped, one-line) piece in turn, a window closed
    when it holds ``target`` words; a short last window joins the one before it."""
    groups: list[tuple[int, int]] = []
    start, words = None, 0
    for sent in segment.split_sentences(piece, (Span(0, len(piece)),)):
        if start is None:
            start = sent.start
        words += len(piece[sent.start : sent.end].split())
        if words >= target:
            groups.append((start, sent.end))
            start, words = None, 0
    if start is not None:
        if groups and words < target // 3:
            groups[-1] = (groups[-1][0], len(piece))
        else:
            groups.append((start, len(piece)))
    return groups


def test_line_windows_close_where_the_sentence_by_sentence_windows_close():
    rng = random.Random(11)
    tokens = (
        "word The the U.S. Mr. Dr. fin. » « end. end! what? 3.5 No. e.g. J. said.\u201d (it) ok... wow?! "
        "\u201cQuote.\u201d a.m. approx. Él ¿Qué? ends.) ü. -- 'tis café. A. i.e. x.\u00a0» «\u00a0Bon"
    ).split()
    seps = [" ", "  ", "\t", "\u00a0", "\u202f", " \u00a0 ", "\u2003"]
    checked = 0
    for _ in range(1500):
        piece = "".join(rng.choice(tokens) + rng.choice(seps) for _ in range(rng.randrange(1, 80))).strip()
        text = "  " + piece + " \n"
        for target in (2, 3, 5, 12, 60):
            want = [(2 + a, 2 + b) for a, b in _reference_windows(piece, target)]
            assert units_mod._window_bounds(text, 2, 2 + len(piece), target) == want, (target, piece)
            checked += len(want) > 1
    assert checked > 400  # most pieces are cut into several windows


def test_other_stops_are_the_sentence_stops_that_need_no_space():
    # The fast windows assume every sentence end outside these characters is followed by white space:
    # they must be exactly the stops of segment._SENT_END's second branch (the one with `\s*`).
    pattern = segment._SENT_END.pattern
    second = re.search(r"\|\(\[([^\]]+)\]\+\)", pattern)
    assert second is not None and r"(\s*)" in pattern[second.end() :]
    stops = set(second.group(1))
    assert stops == {ch for ch in map(chr, range(0x110000)) if units_mod._OTHER_STOPS.match(ch)}
    first = re.search(r"\(\[([^\]]+)\]\+\)\(\(\?:", pattern)
    assert first is not None and r"(\s+)" in pattern[first.end() : second.start()]
