"""ART005: lines that recur across documents of one source, counted by hash."""

from __future__ import annotations

import json

from audit.artefacts.recurring import RecurringLineCheck, RecurringLineConfig
from audit.model import Document
from audit.pipeline import run_checks

PROMO = "Sign up for The Morning Brief, delivered daily to your inbox"


def _docs(n_with: int, n_without: int, source: str, start: int = 0):
    out = []
    for i in range(start, start + n_with + n_without):
        body = f"Story number {i} reports on council vote {i * 7} and the budget line {i * 13}."
        text = f"{body}\n{PROMO}\nThe mayor spoke about item {i} for {i + 3} minutes." if i - start < n_with else body
        out.append(
            Document(
                id=f"{source}-{i}",
                text=text,
                source=f"{source}.jsonl",
                locator=None,
                metadata={"source": source},
                record=None,
            )
        )
    return out


def _run(docs, config=None):
    check = RecurringLineCheck(config)
    state, _extra = run_checks(docs, [check])
    return {r.id: [f for f in r.findings if f.rule == "ART005"] for r in state.results}, state


def test_recurring_line_reported_with_document_count():
    docs = _docs(4, 6, "example.com")
    found, _ = _run(docs)
    flagged = {doc_id for doc_id, fs in found.items() if fs}
    assert flagged == {f"example.com-{i}" for i in range(4)}
    f = found["example.com-0"][0]
    assert docs[0].text[f.start : f.end] == PROMO
    assert f.data["documents"] == 4 and f.data["source_documents"] == 10
    assert "4 of 10" in f.message
    assert "line_hash" in f.data and PROMO not in json.dumps(f.data)


def test_counts_are_per_source():
    docs = _docs(2, 3, "a.com") + _docs(2, 3, "b.com", start=100)
    found, _ = _run(docs)
    assert not any(found.values())  # 2 per source < min_documents=3


def test_exact_copies_do_not_count():
    docs = _docs(2, 3, "a.com")
    copy = docs[0]
    docs.append(
        Document(id="copy", text=copy.text, source=copy.source, locator=None, metadata=copy.metadata, record=None)
    )
    found, _ = _run(docs)
    assert not any(found.values())


def test_min_share_is_configurable():
    docs = _docs(3, 97, "big.com")
    assert any(_run(docs, RecurringLineConfig(min_share=0.02))[0].values())
    assert not any(_run(docs, RecurringLineConfig(min_share=0.05))[0].values())


def _records(texts: list[str], source: str) -> list[Document]:
    """One document per text, all of one source (ids ``SOURCE0``, ``SOURCE1``, ...)."""
    return [
        Document(
            id=f"{source}{i}", text=t, source=f"{source}.jsonl", locator=None, metadata={"source": source}, record=None
        )
        for i, t in enumerate(texts)
    ]


def test_near_copies_are_left_to_the_duplicate_family():
    docs = _records([f"{PROMO}\nThe same syndicated paragraph about the vote.\nShort end {i}." for i in range(5)], "s")
    found, _ = _run(docs)
    assert not any(found.values())


def _line_keys_reference(check: RecurringLineCheck, text: str, source: str, lines) -> dict[int, tuple[int, int]]:
    """The line keys by their definition: lines of ``min_chars`` or more with at most ``max_words``
    whitespace-separated words and three letters, full-stop headings of under 5 words left out."""
    import xxhash

    out: dict[int, tuple[int, int]] = {}
    cfg = check.config
    for span in lines:
        raw = text[span.start : span.end]
        parts = raw.lower().split()
        norm = " ".join(parts)
        if len(raw) < cfg.min_chars or len(parts) > cfg.max_words or sum(c.isalpha() for c in norm) < 3:
            continue
        if len(parts) < 5 and norm.endswith(".") and not norm.endswith(("..", "…")):
            continue
        key = xxhash.xxh64_intdigest((source + "\x00" + norm).encode("utf-8", "surrogatepass"))
        out.setdefault(key, (span.start, span.end))
    return out


def test_line_keys_are_their_definition():
    import random

    from audit.text import TextLayer

    rnd = random.Random(4)
    gaps = [" ", " ", " ", "  ", "\t", "\u00a0", "\u2003"]
    check = RecurringLineCheck()
    kept = dropped = 0
    for _ in range(400):
        lines = []
        for _ in range(rnd.randint(1, 8)):
            n = rnd.choice([1, 3, 4, 24, 25, 26, 30, 49, 50, 51, 60])
            lines.append("".join(rnd.choice(["Word", "ab", "1", "x."]) + rnd.choice(gaps) for _ in range(n)).strip())
        text = "\n".join(lines)
        spans = TextLayer(text).lines
        got = check._line_keys(text, "src", spans)
        assert got == _line_keys_reference(check, text, "src", spans), text
        kept += len(got)
        dropped += len(spans) - len(got)
    assert kept > 100 and dropped > 100


def _quotes(author_line: str, n: int = 8):
    return [
        Document(
            id=f"q{i}",
            text=f"Saying number {i}: a quiet mill grinds {i * 3} sacks of grain by noon.\n\t\t{author_line}",
            source="quotes.txt",
            locator=None,
            metadata={"source": "quotes"},
            record=None,
        )
        for i in range(n)
    ]


def test_attribution_closing_short_records_is_content_and_the_knob_turns_it_off():
    found, _ = _run(_quotes("-- Helen Marsh"))
    assert not any(found.values())
    found, _ = _run(_quotes("-- Helen Marsh"), RecurringLineConfig(attribution_median_chars=0))
    assert all(len(f) == 1 for f in found.values())


def test_a_line_closing_short_records_without_an_attribution_dash_is_reported_even_indented():
    for line in (
        "- Free delivery on orders over 30 euros",
        "– Free delivery on orders over 30 euros",
        "Share on Facebook",
    ):
        found, _ = _run(_quotes(line))
        assert all(len(f) == 1 for f in found.values()), line


def test_terminal_colour_codes_are_no_letters():
    docs = _records(
        [f"\x1b[33;1m注意\x1b[m\nSection {i} explains how package {i * 5} is installed and removed." for i in range(6)],
        "help",
    )
    found, _ = _run(docs)
    assert not any(found.values())
