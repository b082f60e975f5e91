"""The layout's fast paths (audit.layout) give what their plain definitions give, on generated texts that mix
the layouts the module recognises: wire text (indented paragraphs, hard wraps), tables of figures, aligned and
pipe rows, bullets, numbered lines, verse-like runs, one line per paragraph, blank lines."""

from __future__ import annotations

import random
import re

import pytest

from audit import layout

_WORDS = "the market said shares of company rose in a year and net profit for dlrs was to on with by".split()
_FIGS = ["1.10", "95", "21.8", "1,234,567", "(3.4)", "12%", "two", "one", "nil", "1987", "4th"]
_HEADS = ["Shr", "Net", "Revs", "Qtly div", "Oper net", "Avg shrs", "Pay", "Record", "NOTE:", "Periods ended"]
_OPEN = ["", "- ", "* ", "• ", "1. ", "2) ", "(a) ", "b. ", "(12) ", "a) ", "→ ", "(", "1987 ", "3rd "]
_ENDS = ["", ".", ",", ":", ";", "?", '"', "”", ")", "|", " vs", " the", " of"]


def _line(rng: random.Random) -> str:
    kind = rng.randrange(9)
    if kind == 0:  # a row of figures
        return f"{rng.choice(_HEADS)} {rng.choice(_FIGS)} vs {rng.choice(_FIGS)}" + rng.choice(["", " mln", " cts"])
    if kind == 1:  # aligned columns
        gap = rng.choice(["  ", "   ", "\t"])
        return gap.join(rng.choice(_HEADS + _FIGS) for _ in range(rng.randint(2, 4))) + rng.choice(_ENDS[:7])
    if kind == 2:  # pipe cells
        return " | ".join(rng.choice(_WORDS + _FIGS) for _ in range(rng.randint(2, 4)))
    words = [rng.choice(_WORDS + _FIGS[:3]) for _ in range(rng.randint(1, 16))]
    if rng.random() < 0.3:
        words[0] = words[0].capitalize()
    text = rng.choice(_OPEN) + " ".join(words) + rng.choice(_ENDS)
    return text.strip() or "x"


def _text(rng: random.Random) -> str:
    wrapped = rng.random() < 0.4
    indent = rng.choice(["", "    ", "\t"]) if rng.random() < 0.5 else ""
    out: list[str] = []
    for _ in range(rng.randint(1, 40)):
        if wrapped and rng.random() < 0.6:  # a line of prose filling a width of about 65
            words: list[str] = []
            while sum(len(w) + 1 for w in words) < rng.randint(55, 66):
                words.append(rng.choice(_WORDS))
            line = " ".join(words)
        else:
            line = _line(rng)
        if rng.random() < 0.25:
            line = (indent or " ") + line
        out.append(line)
        if rng.random() < 0.2:
            out.append(rng.choice(["", "   ", ""]))
    return "\n".join(out) + rng.choice(["", "\n", "\n\n"])


def _plain_marks(lines) -> None:
    for ln in lines:
        ln.table = layout.is_table_row(ln.text)
        ln.bullet = bool(layout._BULLET.match(ln.text))


def _plain_counts(lines, base):
    pairs = list(zip(lines, lines[1:], strict=False))
    closed = layout._CLOSED
    starts = sum(
        1
        for a, b in pairs
        if a.indent > base and b.indent == base and not b.blank_before and not b.bullet and a.text[-1] not in closed
    )
    opened = sum(
        1
        for a, b in pairs
        if b.indent > base and not b.blank_before and not b.table and not b.bullet and a.text[-1] in closed
    )
    run_on = sum(
        1
        for a, b in pairs
        if a.indent == b.indent == base
        and not b.blank_before
        and a.length >= 25
        and a.text[-1] not in closed
        and not a.table
        and not b.table
        and not b.bullet
    )
    return starts, opened, run_on


_VERSUS = re.compile(r"\bvs\.?(?=\s|$)")


def _plain_is_table_row(line: str, width: int = 0) -> bool:
    """:func:`audit.layout.is_table_row` as written before its no-figure shortcut."""
    if not line:
        return False
    if "|" in line and line.count("|") >= 2:
        return True
    if ("  " in line or "\t" in line) and layout._ALIGNED.search(line) and layout._short_cells(line):
        return True
    if line[-1] in '.!?…;"”’':
        return False
    toks = line.split()
    if len(toks) > 12:
        return False
    if "vs" in line and _VERSUS.search(line) and layout._FIGURE.search(line):
        return True
    if (width and len(line) >= 0.9 * width) or not layout._DIGIT.search(line):
        return False
    nums = sum(1 for t in toks if layout._NUMBER.match(t))
    return nums >= 1 and len(toks) <= 8 and nums >= 0.3 * len(toks)


def _as_tuple(lay: layout.Layout):
    return lay.wrapped, lay.width, lay.indented, [(p.span.start, p.span.end, p.kind, p.lines) for p in lay.paragraphs]


@pytest.mark.parametrize("seed", range(4))
def test_the_fast_marks_and_counts_give_the_plain_layout(seed, monkeypatch):
    rng = random.Random(seed)
    texts = [_text(rng) for _ in range(400)]
    fast = [_as_tuple(layout.build(t)) for t in texts]
    monkeypatch.setattr(layout, "_mark_rows_and_bullets", _plain_marks)
    monkeypatch.setattr(layout, "_indentation_counts", _plain_counts)
    plain = [_as_tuple(layout.build(t)) for t in texts]
    assert fast == plain
    # the generated texts reach every branch the fast paths skip or take
    assert any(w for w, *_ in fast) and any(i for _, _, i, _ in fast) and any(not w for w, *_ in fast)
    kinds = {p[2] for *_, paras in fast for p in paras}
    assert {"table", "list", "prose"} <= kinds


def test_the_fast_counts_on_lines_with_and_without_indentation():
    rng = random.Random(7)
    for _ in range(600):
        lines = layout._raw_lines(_text(rng))
        _plain_marks(lines)
        base = min((ln.indent for ln in lines), default=0)
        fast, plain = layout._indentation_counts(lines, base), _plain_counts(lines, base)
        if any(ln.indent > base for ln in lines):
            assert fast == plain
        else:  # nothing indented: no start and nothing opened, whatever runs on (the pass is skipped)
            assert fast == (0, 0, 0) and plain[:2] == (0, 0)


def test_is_table_row_gives_its_plain_definition():
    rng = random.Random(3)
    lines = [_line(rng) for _ in range(5000)] + ["Pay April one", "Shr two cts vs one ct", "a vs b", "", "vs"]
    for line in lines:
        for width in (0, 40, 65):
            assert layout.is_table_row(line, width) == _plain_is_table_row(line, width), (line, width)


def _page(rng: random.Random) -> str:
    """One line per paragraph, as extracted web and encyclopaedia text: headings and captions that run on over
    a paragraph, menus, sentences, now and then a line that continues the one before or an indented line."""
    out: list[str] = []
    for _ in range(rng.randint(1, 30)):
        kind = rng.randrange(9)
        words = [rng.choice(_WORDS) for _ in range(rng.randint(1, 30))]
        if kind == 8:  # hard-wrapped lines that each open with a capital (a wrapped block, or a wrap width)
            for _ in range(rng.randint(2, 8)):
                row = [rng.choice(_WORDS) for _ in range(rng.randint(8, 12))]
                out.append(" ".join(row).capitalize() + rng.choice(["", "", "", "."]))
            continue
        if kind <= 1:  # a heading or caption (capitalised, no final stop), often 15+ characters
            line = " ".join(w.capitalize() for w in words[: rng.randint(1, 6)])
        elif kind == 2:  # a menu item
            line = rng.choice(["Home", "Contact us", "Privacy Policy and Terms", "News", "Sign in to your account"])
        elif kind == 3:  # a line that a sentence runs on from or into
            line = " ".join(words) + rng.choice(["", ",", " the", " of", " Plato's"])
        else:
            line = " ".join(words).capitalize() + rng.choice([".", ".", "?", "…", ":", ""])
        if rng.random() < 0.1:
            line = rng.choice([" ", "\t", "    "]) + line
        if rng.random() < 0.15:
            line = rng.choice(["| ", "  ", "1. ", "- "]) + line + rng.choice(["", " 12", "  3 | 4"])
        out.append(line)
        if rng.random() < rng.choice([0.0, 0.3, 0.9]):
            out.append("")
    return "\n".join(out)


@pytest.mark.parametrize("seed", range(3))
def test_what_lines_are_paragraphs_proves_build_gives(seed):
    """Whenever the cheap proof says one paragraph per line, build's paragraphs are the lines; the second
    proof (texts with long run-on lines, no indentation) fires on texts the first one leaves to build."""
    rng = random.Random(seed)
    texts = [_page(rng) for _ in range(1500)] + [_text(rng) for _ in range(300)]
    proven = second = 0
    for text in texts:
        bounds = layout.line_bounds(text)
        if layout.lines_are_paragraphs(text, bounds):
            proven += 1
            assert [(p.span.start, p.span.end) for p in layout.build(text, bounds).paragraphs] == bounds, text
        if layout._unindented_lines_are_paragraphs(text, bounds):
            second += 1
            assert [(p.span.start, p.span.end) for p in layout.build(text, bounds).paragraphs] == bounds, text
    assert proven >= 100 and second >= 50
    # and it does not prove what build joins: some generated texts have fewer paragraphs than lines
    assert any(len(layout.build(t).paragraphs) < len(layout.line_bounds(t)) for t in texts)


_WRAPPED = [
    "Shares of the company rose in a year and net profit for dividend",
    "Market said the company was to report a profit in the year rising",
    "Company said net profit rose with the market in the first quarter",
]


def test_the_second_proof_leaves_a_wrapped_block_to_build():
    """A block of three wrapped lines opening with capitals among finished sentences: one paragraph (a wrapped
    block), though fewer lines run on than end a sentence (no wrap width)."""
    text = "\n".join(
        ["The market rose.", "Net profit fell.", "", *_WRAPPED, "", "It said so.", "Shares fell.", "Done."]
    )
    bounds = layout.line_bounds(text)
    assert len(layout.build(text, bounds).paragraphs) < len(bounds)
    assert not layout.lines_are_paragraphs(text, bounds)


def test_the_second_proof_leaves_a_wrap_width_to_build():
    """Pairs of wrapped lines between blank lines (no block of three): build finds the wrap width and joins them."""
    text = "\n\n".join(f"{a}\n{b}" for a, b in zip(_WRAPPED, [*_WRAPPED[1:], _WRAPPED[0]], strict=True))
    bounds = layout.line_bounds(text)
    lay = layout.build(text, bounds)
    assert lay.wrapped and len(lay.paragraphs) < len(bounds)
    assert not layout.lines_are_paragraphs(text, bounds)
