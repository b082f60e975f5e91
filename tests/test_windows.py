"""Huge documents are checked in bounded windows (audit/windows.py): findings at a window edge are neither
lost nor doubled, the duplicates keys are those of the whole text, and memory stays bounded."""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from audit import minhash, windows
from audit.config import Config
from audit.duplicates.config import DuplicatesConfig
from audit.engine.common import DocOutcome, build_checks
from audit.model import Document
from audit.normalize import exact_key, normalize_fast
from audit.policy import Policy
from audit.rules import DocContext, DocumentCheck

ROOT = Path(__file__).resolve().parents[1]

_WORDS = (
    "the council voted on a plan to repair roads and bridges before winter while residents asked "
    "for more buses schools parks and clinics in the northern districts of the city"
).split()


def _prose(rng: random.Random, paragraphs: int) -> str:
    out = []
    for _ in range(paragraphs):
        sentences = []
        for _ in range(rng.randint(2, 5)):
            words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 16))]
            sentences.append(" ".join(words).capitalize() + ".")
        out.append(" ".join(sentences))
    return "\n\n".join(out)


@pytest.fixture
def small_windows(monkeypatch):
    """Windows of a few thousand characters, so a test document of ~60 KB has many window edges."""
    monkeypatch.setattr(windows, "HUGE_CHARS", 20_000)
    monkeypatch.setattr(windows, "WINDOW_CHARS", 6_000)
    monkeypatch.setattr(windows, "MARGIN_CHARS", 400)


def _doc_checks():
    config = Config()
    return [c for c in build_checks(config, Policy.from_config(config)) if isinstance(c, DocumentCheck)]


def _outcome(text: str, checks) -> DocOutcome:
    return DocOutcome.compute(DocContext(Document(id="d", text=text, source="d.txt"), 0), checks)


def test_cuts_fall_on_paragraph_breaks_then_white_space():
    rng = random.Random(1)
    text = _prose(rng, 200)
    bounds = windows.cuts(text, 5_000)
    assert bounds[0] == 0 and bounds[-1] == len(text) and bounds == sorted(set(bounds))
    assert len(bounds) - 1 == -(-len(text) // 5_000)
    assert all(text[c - 2 : c] == "\n\n" for c in bounds[1:-1])
    line = " ".join(rng.choice(_WORDS) for _ in range(5_000))  # no line break, no sentence end
    assert all(line[c - 1] == " " for c in windows.cuts(line, 4_000)[1:-1])
    solid = "x" * 10_000  # no white space at all: cut hard
    assert windows.cuts(solid, 4_000) == [0, 3333, 6667, 10_000]


def test_local_findings_at_window_edges_are_neither_lost_nor_doubled(small_windows):
    """Artefacts every few dozen characters, so on and around every window edge: the windows find exactly
    what the whole text gives."""
    rng = random.Random(2)
    words = _prose(rng, 180).split(" ")
    damage = ["caf\ufffd", "bell\x07", "&nbsp;", "<b>bold</b>"]
    for i in range(7, len(words), 9):
        words[i] = damage[i % len(damage)]
    damaged = " ".join(words)
    checks = _doc_checks()
    rules = ("ART041", "ART042", "ART043")
    got = [f for f in _outcome(damaged, checks).findings if f.rule in rules]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(windows, "HUGE_CHARS", 10**9)  # the same text checked whole
        want = [f for f in _outcome(damaged, checks).findings if f.rule in rules]
    key = lambda f: (f.rule, f.start, f.end, f.message, f.severity)  # noqa: E731
    assert len(want) > 500
    assert sorted(map(key, got)) == sorted(map(key, want))
    for cut in windows.cuts(damaged)[1:-1]:  # the edges were exercised
        assert any(abs(f.start - cut) < 80 for f in got)


def test_a_window_end_is_not_a_truncated_document(small_windows):
    """Each window's text stops mid-sentence at its margin; only the real end of the document counts."""
    rng = random.Random(3)
    line = " ".join(rng.choice(_WORDS) for _ in range(12_000))  # one line, no sentence end
    text = _prose(rng, 40) + "\n\n" + line + ". And the report ends in the middle of a"
    out = _outcome(text, _doc_checks())
    cut = [f for f in out.findings if f.rule == "ART020"]
    assert cut and all(f.end > len(text) - 200 for f in cut)


def test_document_level_findings_are_reported_once_for_the_whole_document(small_windows):
    rng = random.Random(4)
    text = _prose(rng, 150)
    out = _outcome(text, _doc_checks())
    n = len(windows.cuts(text)) - 1
    doc_level = [f for f in out.findings if f.start == 0 and f.end == len(text)]
    assert len({f.rule for f in doc_level}) == len(doc_level)
    assert out.language == "en" and out.stats["windows"] == n
    words = len(text.split())
    assert abs(out.stats["quality"]["words"] - words) < 0.05 * words  # counts summed over core-sized windows
    spans = [s for s, _l, _c in out.passage_languages]
    assert [s.start for s in spans] == sorted({s.start for s in spans})  # in order, none twice


def _structured(rng: random.Random, size: int) -> str:
    """Paragraphs, lines, sentences, non-ASCII words, a backtick and one very long line."""
    out: list[str] = []
    total = 0
    while total < size:
        piece = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(20, 900)))
        sep = rng.choice([". ", ".\n\n", "\n", " Café «Ünïcode» — ", " `quoted` ", "\u00a0", " \u4e2d\u6587 "])
        out += [piece, sep]
        total += len(piece) + len(sep)
    return "".join(out)


def test_duplicate_keys_of_a_windowed_document_equal_the_whole_texts():
    rng = random.Random(5)
    text = _structured(rng, 300_000)
    bounds = windows.cuts(text, 20_000)
    assert len(bounds) > 10
    assert windows.normalized(text, bounds) == normalize_fast(text)
    assert windows.exact_key(text, bounds) == exact_key(normalize_fast(text))
    punct = ".,;:!? " * 5000  # no word at all: keyed by its normalised characters
    assert windows.exact_key(punct, windows.cuts(punct, 3_000)) == exact_key(normalize_fast(punct))


def test_minhash_signatures_of_a_windowed_document_equal_the_whole_texts(monkeypatch):
    monkeypatch.setattr(windows, "HUGE_CHARS", 50_000)
    monkeypatch.setattr(windows, "WINDOW_CHARS", 20_000)
    rng = random.Random(6)
    text = _structured(rng, 250_000)
    spans = [(p.start, p.end) for p in windows.passages(text, windows.cuts(text))]
    assert len(spans) > 20
    cfg = DuplicatesConfig()
    args = (cfg.doc_params(), cfg.passage_params(), cfg.passage_min_words)
    texts = ["A short first text with a few words in it.", text, "x y", text[:40_000]]
    all_spans = [[(0, 10)], spans, [], [(0, 100), (200, 400)]]
    got = windows.batch_signatures(texts, all_spans, *args)
    want = minhash.batch_signatures(texts, all_spans, *args)
    for name in ("doc_sigs", "doc_words", "span_sigs", "span_words", "span_keys", "doc_keys"):
        assert np.array_equal(getattr(got, name), getattr(want, name)), name


def test_long_passages_of_a_huge_document_are_not_passages_for_duplicates(monkeypatch):
    monkeypatch.setattr(windows, "PASSAGE_CHARS", 1_000)
    text = "word " * 3_000 + "\n\nA short paragraph of its own.\n\n" + "more " * 3_000
    spans = windows.passages(text, windows.cuts(text, 10_000))
    assert [text[s.start : s.end] for s in spans] == ["A short paragraph of its own."]


_PROBE = textwrap.dedent(
    """
    import resource, sys
    from audit.config import Config
    from audit.engine.common import DocOutcome, build_checks
    from audit.model import Document
    from audit.policy import Policy
    from audit.rules import DocContext, DocumentCheck

    config = Config(select=("artefact",))
    checks = [c for c in build_checks(config, Policy.from_config(config)) if isinstance(c, DocumentCheck)]
    words = ("the of and to in said market company shares year would percent bank oil trade prices "
             "government new week last group sales profit quarter analysts expected rose fell board").split()
    import random
    rng = random.Random(7)
    piece = " ".join(rng.choice(words) for _ in range(100_000)) + " "
    warm = piece * 2  # every model and frequency list the checks load, loaded on a small text
    DocOutcome.compute(DocContext(Document(id="w", text=warm[:200_000], source="w.txt"), 0), checks, ("exact_key",))
    text = piece * (int(sys.argv[1]) // len(piece) + 1)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    DocOutcome.compute(DocContext(Document(id="d", text=text, source="d.txt"), 0), checks, ("exact_key", "passages"))
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print((after - before) / 1024, len(text) / 2**20)
    """
)


def test_a_5_mb_one_line_document_is_checked_in_bounded_memory():
    """The artefact checks on a 5 MB one-line text grow the peak by about one window's worth, not by tens
    of bytes per character of the text (over 200 MiB before the windows)."""
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, str(5 << 20)], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    grown, mib = map(float, proc.stdout.split())
    assert mib >= 5
    assert grown < 80, f"peak grew by {grown:.0f} MiB for {mib:.1f} MiB of text"


def test_recurring_lines_never_split_a_huge_line_into_all_its_words():
    """ART005 skips a line of more than ``max_words`` words without making a list of every word of it."""
    import tracemalloc

    from audit.artefacts.recurring import RecurringLineCheck
    from audit.model import Span

    check = RecurringLineCheck()
    line = "word " * 400_000  # 2 MB, one line
    tracemalloc.start()
    try:
        keys = check._line_keys(line, "src", [Span(0, len(line))])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert keys == {}
    assert peak < 3 * len(line), f"{peak / 2**20:.1f} MiB for a {len(line) / 2**20:.1f} MiB line"


def test_the_corpus_checks_prepare_a_huge_document_from_its_windows(small_windows, monkeypatch):
    """The duplicates check's passage units of a huge document come from the windows' paragraphs: the
    whole text is never laid out."""
    from audit import segment
    from audit.duplicates import DuplicateCheck

    seen: list[int] = []
    real = segment.passages

    def recording(text):
        seen.append(len(text))
        return real(text)

    monkeypatch.setattr(segment, "passages", recording)
    rng = random.Random(8)
    text = _prose(rng, 150)
    dup = DuplicateCheck()
    out = DocOutcome.compute(
        DocContext(Document(id="d", text=text, source="d.txt"), 0), _doc_checks(), (), "source", (dup,)
    )
    units = out.prepared[dup.prepare_key]
    assert len(units) > 100 and all(text[a:b].strip() == text[a:b] for a, b in units)
    assert seen and max(seen) < len(text) / 3


def test_a_huge_documents_restored_context_carries_the_windows_passages(small_windows):
    """A corpus check that prepares the document in the main process (the serial stage) reads the
    windows' passages from the restored context, not a layout of the whole text."""
    rng = random.Random(9)
    text = _prose(rng, 150)
    out = _outcome(text, _doc_checks())
    ctx = DocContext(Document(id="d", text=text, source="d.txt"), 0)
    out.apply(ctx)
    assert "passages" in ctx.layer.__dict__
    assert ctx.passages == windows.passages(text, windows.cuts(text))
