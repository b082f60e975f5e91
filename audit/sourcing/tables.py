"""Tables of a document (pipe- or tab-separated rows with their caption lines), "Source:" lines, and
the outlet named in "Headline – Outlet" lines."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import Callable

from audit.model import Span

#: Capitals a name starts with (a character-class body), for the whole family: defined here, not in
#: ``sources``, because every run's report names a page's outlet with this module and importing ``sources``
#: compiles most of the family's patterns.
_UPPER = "A-ZÁÉÍÓÚÑÜ"

# ---------------------------------------------------------------------------
# Tables


@dataclass(slots=True)
class Table:
    rows: list[tuple[int, int]]  # line spans, header first
    header: tuple[int, int] | None
    captions: list[tuple[int, int]]  # the line before and the line after


_SEPARATOR_ROW = re.compile(r"^[\s|:+\-–—=]+$")


def _is_row(line: str) -> bool:
    return line.count("|") >= 1 or line.count("\t") >= 1


def _cells(line: str) -> int:
    return max(line.count("|"), line.count("\t"))


def find_tables(text: str, lines) -> list[Table]:
    """Pipe- or tab-separated tables: runs of at least two consecutive row lines."""
    out: list[Table] = []
    if "|" not in text and "\t" not in text:
        return out  # (no line is a row: one scan of the text instead of a test per line)
    i, n = 0, len(lines)
    while i < n:
        if not _is_row(text[lines[i].start : lines[i].end]):
            i += 1
            continue
        j = i
        while j < n and _is_row(text[lines[j].start : lines[j].end]):
            if j > i and text.count("\n", lines[j - 1].end, lines[j].start) > 2:
                break
            j += 1
        run = [text[lines[k].start : lines[k].end] for k in range(i, j)]
        tabular = (
            any(_SEPARATOR_ROW.match(r) and "-" in r for r in run)
            or all(_cells(r) >= 2 for r in run)
            or (len(run) >= 3 and len({_cells(r) for r in run}) == 1)
        )
        if j - i >= 2 and tabular:
            rows = [(lines[k].start, lines[k].end) for k in range(i, j)]
            body = [r for r in rows if not _SEPARATOR_ROW.match(text[r[0] : r[1]])]
            header = body[0] if body else None
            captions = []
            if i > 0:
                captions.append((lines[i - 1].start, lines[i - 1].end))
            if j < n:
                captions.append((lines[j].start, lines[j].end))
            out.append(Table([r for r in body], header, captions))
        i = max(j, i + 1)
    return out


_SOURCE_LINE = re.compile(r"\b(?:source|sources|data|fuente|fuentes|datos|credit|crédito)s?\s*:", re.I)


def has_source_line(line: str) -> bool:
    return bool(_SOURCE_LINE.search(line))


# ---------------------------------------------------------------------------
# Outlet of a page: "Headline – Outlet"

_HEADLINE_OUTLET = re.compile(
    rf"^(?P<head>\S.{{10,}}?)\s+[–—|-]\s+(?P<outlet>(?:[{_UPPER}0-9][\w.&’'!-]*)(?:\s+(?:[{_UPPER}0-9][\w.&’'!-]*|de|del|la|el|the|of|y|&)){{0,4}})\s*$"
)


def headline_outlets(text: str, lines) -> list[str]:
    """Outlets named at the end of short "Headline – Outlet" lines, in order."""
    out = []
    for sp in lines:
        if sp.end - sp.start > 220:
            continue
        line = text[sp.start : sp.end]
        if line.count("|") > 1 or line.rstrip().endswith((".", ",", ";", ":")):
            continue
        m = _HEADLINE_OUTLET.match(line)
        if not m:
            continue
        head, outlet = m.group("head"), m.group("outlet")
        if len(head.split()) < 3 or outlet.lower() in ("the", "el", "la"):
            continue
        out.append(outlet.strip())
    return out


#: A dash or bar between white space: what separates the headline from the outlet in :data:`_HEADLINE_OUTLET`
#: (the lookbehind after the class is the fast form).
_OUTLET_DASH = re.compile(r"[–—|-](?<=\s.)(?=\s)")


def headline_outlet_of_text(text: str, get_line_bounds: Callable[[], list[tuple[int, int]]]) -> str | None:
    """:func:`headline_outlet` of ``text``, asked only about the lines that hold a dash or bar between white space
    (:data:`_OUTLET_DASH`): a text without one names no outlet and its lines are never split (``get_line_bounds``,
    the ``(start, end)`` of its lines, is called only for a text with such a dash); the other lines are skipped in
    order, with the same answer."""
    dashes = [m.start() for m in _OUTLET_DASH.finditer(text)]
    if not dashes:
        return None
    line_bounds = get_line_bounds()
    starts = [s for s, _ in line_bounds]
    picked: list[Span] = []
    last = -1
    for d in dashes:
        i = bisect_right(starts, d) - 1
        if i > last and d < line_bounds[i][1]:  # the dash lies inside line i (not in the space between lines)
            picked.append(Span(*line_bounds[i]))
            last = i
    return headline_outlet(text, picked)


def headline_outlet(text: str, lines) -> str | None:
    """The most frequent headline outlet (ties: the first seen), or None."""
    names = headline_outlets(text, lines)
    if not names:
        return None
    counts = Counter(names)
    top = max(counts.values())
    return next(n for n in names if counts[n] == top)
