"""The sourcing family's shortcuts (issue 15) give what the plain computation gives.

- :func:`audit.sourcing.attribution.find_attributions` runs only the collectors of ``_CUELESS`` on a span where no
  cue pattern matches: the same attributions as every collector of ``_COLLECTORS`` (Spanish dropped subjects,
  parenthesised sources, spans with and without cues).
- :func:`audit.sourcing.quotes.find_quotes` skips paragraphs without a quote mark: the same quotes as scanning
  every paragraph (the previous definition, kept here as the reference).
- :class:`audit.sourcing.speakers._Overlaps` finds the quote a linear scan of every quote finds.
- :func:`audit.sourcing.claims.company_names` tests for a results report only when the text has "vs".
"""

from __future__ import annotations

import inspect
import random

import pytest

from audit.segment import passages
from audit.sourcing import attribution as A
from audit.sourcing.claims import _VERSUS, company_names
from audit.sourcing.cues import CueIndex
from audit.sourcing.lexicon import lexicon
from audit.sourcing.quotes import Quote, _quote, _scan_paragraph, find_quotes, mask_quotes
from audit.sourcing.speakers import _Overlaps

# -- find_attributions without a cue match


def _all_collectors(text: str, start: int, end: int, lex, index: CueIndex) -> list:
    """``find_attributions`` without its shortcuts: every collector, in order."""
    found = A._Found(index)
    for collect in A._COLLECTORS:
        collect(text, start, end, lex, found)
    found.out.sort(key=lambda a: a.start)
    return found.out


_PIECES = [
    "Prices rose 4% last year",
    "(Reuters)",
    "(Source: Census Bureau)",
    "(AP)",
    "(fuente: INE)",
    "(pictured)",
    "(see below)",
    "(via The Guardian)",
    "(born 1952)",
    "(The New York Times)",
    "the mayor said",
    "according to the survey",
    "critics say",
    "Añadió que",
    "También precisó que",
    "Dijo que",
    "la cifra subió",
    "the band released",
    "in 2004",
    "officials were told to leave",
    "The study found",
    ",",
    ".",
    "\n",
    "“We are done,”",
    "(",
    ")",
]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(_PIECES) for _ in range(rng.randint(3, 30))) for _ in range(n)]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_find_attributions_equals_every_collector(lang):
    lex = lexicon(lang)
    rng = random.Random(3)
    spans = 0
    cueless_with_paren = 0
    for text in _texts(120, seed=5 if lang == "en" else 6):
        masked = mask_quotes(text, find_quotes(text, passages(text)))
        index = CueIndex(masked)
        cuts = sorted({0, len(masked), *(rng.randrange(len(masked) + 1) for _ in range(6))})
        for a, b in zip(cuts, cuts[1:], strict=False):
            if b <= a:
                continue
            spans += 1
            if not index.any_match(A._patterns(lex), a, b) and masked.find("(", a, b) >= 0:
                cueless_with_paren += 1
            assert A.find_attributions(masked, a, b, lex, index) == _all_collectors(masked, a, b, lex, index)
    assert spans > 300 and cueless_with_paren > 20  # the shortcut was exercised


def test_collectors_outside_cueless_read_only_cue_matches():
    """A collector that is not in ``_CUELESS`` is skipped on spans without a cue match, so it must find nothing
    there: it reads the text only through ``found.index.matches`` (a new collector that reads the text itself
    belongs in ``_CUELESS``)."""
    assert all(c in A._COLLECTORS for c in A._CUELESS)
    assert [c for c in A._COLLECTORS if c in A._CUELESS] == list(A._CUELESS)  # same order
    for collect in A._COLLECTORS:
        if collect in A._CUELESS:
            continue
        src = inspect.getsource(collect)
        assert "found.index.matches(" in src, collect.__name__
        body = src.split("found.index.matches(", 1)[0]
        # before its loop over the matches, a collector only unpacks ``found``
        assert "text[" not in body and ".match(text" not in body and ".search(text" not in body, collect.__name__


def test_cueless_shortcut_cases():
    en, es = lexicon("en"), lexicon("es")
    text = "Unemployment fell to 4.1 percent last month (Reuters). The band (pictured) toured in 2004."
    index = CueIndex(text)
    first = text.index("). ") + 2
    got = A.find_attributions(text, 0, first, en, index)
    assert [(a.kind, a.source_kind, a.source) for a in got] == [("cue", "outlet", "Reuters")]
    assert A.find_attributions(text, first + 1, len(text), en, index) == []
    text = "Añadió que el paro bajó un 3% (fuente: INE)."
    index = CueIndex(text)
    got = A.find_attributions(text, 0, len(text), es, index)
    assert got == _all_collectors(text, 0, len(text), es, index)
    assert any(a.source_kind == "pronoun" for a in got)


# -- find_quotes


def _find_quotes_reference(text: str, paras) -> list[Quote]:
    """The definition before the shortcut: every paragraph scanned."""
    out: list[Quote] = []
    pending = None
    pending_paras = 0
    n = len(paras)
    for idx, p in enumerate(paras):
        para_start = p.start
        if pending is not None:
            first = text[p.start] if p.start < len(text) else ""
            if first in '“«"':
                spans, still_open = _scan_paragraph(text, p.start + 1, p.end, pending)
                pending_paras += 1
                if spans:
                    s0, e0 = spans[0]
                    out.append(_quote(text, pending, e0, True, pending_paras))
                    for s, e in spans[1:]:
                        out.append(_quote(text, s, e, True))
                    pending = None
                    pending_paras = 0
                    if still_open is not None:
                        pending, pending_paras = still_open, 1
                else:
                    pending = pending if still_open is not None else None
                continue
            if pending_paras >= 2:
                out.append(_quote(text, pending, paras[idx - 1].end, False, pending_paras))
            pending, pending_paras = None, 0
        spans, still_open = _scan_paragraph(text, para_start, p.end, None)
        for s, e in spans:
            out.append(_quote(text, s, e, True))
        if still_open is not None:
            pending, pending_paras = still_open, 1
    if pending is not None and pending_paras >= 2 and n:
        out.append(_quote(text, pending, paras[-1].end, False, pending_paras))
    out.sort(key=lambda q: q.start)
    return out


def _quote_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    words = ["the", "council", "said", "rates", "rose", "5'10\"", "x", "“", "”", "«", "»", '"', "„", "“We", "go.”"]
    seps = [" ", " ", " ", "\n\n", "\n", ", ", ". "]
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 80)):
            parts.append(rng.choice(words))
            parts.append(rng.choice(seps))
        out.append("".join(parts).strip())
    out += [
        "“First paragraph of a long quote.\n\n“Second paragraph.\n\n“Third, closed.” the mayor said.",
        "No marks at all.\n\nNone here either.",
        "“Opened and never closed.\n\nA plain paragraph.\n\n“Another” one.",
        "He is 5'10\" tall.\n\n“Fine,” she said.",
        "",
    ]
    return out


@pytest.mark.parametrize("text", _quote_texts(150, seed=9))
def test_find_quotes_equals_scanning_every_paragraph(text):
    paras = passages(text)
    assert find_quotes(text, paras) == _find_quotes_reference(text, paras)


# -- _Overlaps


def _last_linear(quotes, q, a, b):
    for o in reversed(quotes):
        if o.start < b and o.end > a and o is not q and o.start < q.start:
            return o
    return None


@pytest.mark.parametrize("seed", range(40))
def test_overlaps_last_equals_linear_scan(seed):
    rng = random.Random(seed)
    quotes = []
    for _ in range(rng.randint(0, 30)):
        s = rng.randrange(400)
        quotes.append(Quote(s, s + rng.randint(2, 60), 3, True))
    if seed % 2 == 0:
        quotes.sort(key=lambda q: q.start)  # find_quotes' order; the odd seeds check the fallback
    over = _Overlaps(quotes)
    for q in quotes or [Quote(10, 20, 3, True)]:
        for _ in range(20):
            a = rng.randrange(460)
            b = a + rng.randint(0, 80)
            assert over.last(q, a, b) is _last_linear(quotes, q, a, b)


# -- company_names


@pytest.mark.parametrize("seed", range(30))
def test_results_report_test_with_vs_gate(seed):
    rng = random.Random(seed)
    pieces = [
        "Net 3,660 vs 2,437",
        "Shr 1.10 VS 90 cts",
        "Revs 4.5 mln Vs. 3.9 mln",
        "loss vs profit",
        "vſ 12",
        "Acme Corp",
        "rose 4 pct",
        "the versus case",
        "1986",
        "\n",
        " ",
    ]
    text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
    assert company_names(text).results == (len(_VERSUS.findall(text)) >= 2)
