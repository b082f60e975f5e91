"""Layout: how a document is laid out, recognised once before any check judges it.

Plain text arrives in several layouts that are not damage:

* **hard-wrapped prose**: lines broken at a fixed width (wire archives at ~65 characters,
  e-mail, plain-text books); a paragraph runs over many lines and starts with an indented
  line or after a blank line;
* **tables of figures**: rows of numbers ("Shr 1.10 vs 95 cts", "Net 21.8 mln"), aligned columns,
  pipe-separated rows;
* **lists**: lines led by bullets or numbers;
* one line per paragraph (Wikipedia extraction, most web text): each line its own paragraph.

:func:`layout` returns the document's logical paragraphs (wrapped lines joined) as spans of the
original text, each with a kind (``prose``, ``table``, ``list``). Checks that reason about line ends,
sentence ends and paragraphs read these paragraphs (``DocContext.layout``, and
``segment.passages`` which returns their spans), so a line break inside a wrapped sentence is never
read as a cut, while a paragraph that stops mid-sentence still is.

The wrap test: a document is hard-wrapped when most of its prose lines run on (no final punctuation)
and their lengths pile up just below one width ``W``. Inside such a document two consecutive lines
belong to one paragraph unless the second starts a paragraph (it is indented more than the
document's continuation lines, is a list item or a table row, or follows a blank line), or the first
is a table row, or -- in documents whose paragraphs are not marked by indentation -- the first word of
the second line would have fitted on the first (greedy wrapping never breaks there).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache

from audit.model import Span

#: Characters that end a line of finished prose.
_CLOSED = '.!?…:;"”’»)|'
_BULLET = re.compile(r"^(?:[-–—*•·▪►▸◦●○■□✓✔➤→]\s|\(?\d{1,3}[.)]\s|\(?[a-zA-Z][.)]\s)")
#: The first characters a :data:`_BULLET` match can open with, besides a digit and a letter followed by "." or ")".
_BULLET_FIRST = frozenset("-–—*•·▪►▸◦●○■□✓✔➤→(")
#: Final characters of a line :func:`is_table_row` rejects once it holds no pipe and no column gap.
_ROW_CLOSED = frozenset('.!?…;"”’')
_NUMBER = re.compile(r"^[(\-+$£€]*\d[\d,./:-]*(?:%|[a-z]{1,3})?\)?$")
#: A column gap (the cells of an aligned row are what it separates).
_GAP = re.compile(r"(?: {2,}|\t+)")
#: Aligned columns: two gaps of 2+ spaces (or tabs) between cells; two spaces after a full stop are
#: sentence spacing, not a column gap.
_ALIGNED = re.compile(r"[^\s.!?:;,](?: {2,}|\t+)\S.*?[^\s.!?:;,](?: {2,}|\t+)\S")
_DIGIT = re.compile(r"\d")
_VERSUS = re.compile(r"\bvs\.?(?=\s|$)")
#: A figure: digits, or a number written as a word as wire tables do ("Shr two cts vs one ct").
_FIGURE_WORDS = frozenset("nil one two three four five six seven eight nine ten eleven twelve".split())
_FIGURE = re.compile(rf"\d|\b(?:{'|'.join(sorted(_FIGURE_WORDS))})\b", re.I)
#: A figure that measures (a decimal, "nil"), as a table of results has: a date or a title's number is whole.
_MEASURED = re.compile(r"\d[.,]\d|\bnil\b", re.I)
#: A line of a table of figures that :func:`is_table_row` does not take alone but does within a run of rows
#: (:func:`_mark_runs`): a row closed by a full stop ("Shr 37.4p vs 30p.") or a short labelled figure with words
#: around it and no "vs" ("Net loss 11.49 mln dlrs", "Dividend nil (no comparison)"): at most this many tokens
_SOFT_ROW_TOKENS = 8
#: ... and characters (a longer line is a sentence of prose that holds a figure).
_SOFT_ROW_CHARS = 60
#: A dash bullet written without its space ("-fold laundry"): a hyphen right before a letter. A negative number
#: ("-12.5 mln") has a digit after the hyphen and a prose dash ("-- he said", "- and") a dash or a space; such a
#: line is a list item only next to another one (:func:`_mark_runs`): a list has two items, a stray hyphen one.
_TIGHT_DASH = re.compile(r"-[^\W\d_]")


#: Function words a sentence never ends with (articles, prepositions, conjunctions), per language.
_NEVER_FINAL_WORDS = {
    "en": "the a an of to in on at by for from with and or but as than into onto about whose which its their his "
    "her our your my these those nor via upon per",
    "es": "el la los las un una unos unas de del al a en con por para y e o u ni que como su sus mi tu nuestro sin "
    "sobre entre hasta desde hacia según",
    "fr": "le la les un une des du au aux à de en et ou que pour par sur avec dans sans sous vers chez son sa ses",
    "de": "der die das den dem des ein eine einen einem einer und oder zu von mit für auf im am zum zur aus bei",
    "pt": "o a os as um uma de do da dos das em no na nos nas e ou que para por com pelo pela sem sobre",
    "it": "il lo la i gli le un una di del della dei delle a al alla in nel nella e o che per con su sul tra fra",
}
NEVER_FINAL = {k: frozenset(v.split()) for k, v in _NEVER_FINAL_WORDS.items()}
_ANY_NEVER_FINAL = frozenset().union(*NEVER_FINAL.values()) - {"a", "e", "o", "u", "i"}


@dataclass(frozen=True)
class Paragraph:
    """A logical paragraph: ``span`` covers its lines in the original text (newlines included)."""

    span: Span
    kind: str  # "prose" | "table" | "list" | "verse"
    lines: int


#: A paragraph as :func:`build` finds it: ``(start, end, kind, lines)`` (:class:`Paragraph`'s fields, the
#: span as its two ends).
Row = tuple[int, int, str, int]


@dataclass(frozen=True)
class Layout:
    #: Lines broken at a fixed width (``width`` characters); 0 when the document is not wrapped.
    wrapped: bool
    width: int
    #: Paragraphs start with an indented line (the wire layout).
    indented: bool
    #: The logical paragraphs as plain tuples: a reader of their bounds alone (the duplicates family's
    #: passage units) makes no object per paragraph (a :class:`Paragraph` and its span cost about 2 us,
    #: most of the layout of a page of menu lines).
    rows: tuple[Row, ...]

    @cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """The logical paragraphs (:attr:`rows` as :class:`Paragraph` objects, made on first use)."""
        return tuple(Paragraph(Span(s, e), kind, n) for s, e, kind, n in self.rows)

    @property
    def table_spans(self) -> tuple[Span, ...]:
        """Spans of table paragraphs (rows of figures, aligned columns, pipe rows)."""
        return tuple(p.span for p in self.paragraphs if p.kind == "table")

    def as_stats(self) -> dict:
        kinds = Counter(kind for _, _, kind, _ in self.rows)
        return {
            "wrapped": self.wrapped,
            "width": self.width,
            "indented": self.indented,
            "paragraphs": len(self.rows),
            "table_paragraphs": kinds.get("table", 0),
            "list_paragraphs": kinds.get("list", 0),
        }


def _short_cells(line: str) -> bool:
    """Every cell between the gaps holds at most six words: a row of aligned columns ("COSTA RICA   nil   17,583"),
    not a story whose wrapped lines were joined with double spaces, or a post with two stray double spaces."""
    return max(len(cell.split()) for cell in _GAP.split(line)) <= 6


def is_table_row(line: str, width: int = 0) -> bool:
    """A row of a table: pipe cells, aligned columns, or a short line of figures ("Net 21.8 mln vs 19 mln").

    ``line`` is stripped. ``width``: the wrap width of the document (0 when not wrapped); a line of
    wrapped prose that happens to hold figures fills the width, a row rarely does.
    """
    if not line:
        return False
    if "|" in line and line.count("|") >= 2:
        return True
    if ("  " in line or "\t" in line) and _ALIGNED.search(line) and _short_cells(line):
        return True
    if line[-1] in '.!?…;"”’':
        return False
    if "vs" not in line and not _DIGIT.search(line):
        return False  # neither a "vs" row nor a line of figures (both tests below need one): no split
    toks = line.split()
    if len(toks) > 12:
        return False
    if "vs" in line and _VERSUS.search(line) and _FIGURE.search(line):
        return True  # "Shr 1.10 vs 95 cts", "Shr loss two cts vs profit one ct"
    if (width and len(line) >= 0.9 * width) or not _DIGIT.search(line):
        return False
    nums = sum(1 for t in toks if _NUMBER.match(t))
    return nums >= 1 and len(toks) <= 8 and nums >= 0.3 * len(toks)


@dataclass(slots=True)
class _Line:
    start: int  # content start (after indentation)
    end: int  # content end (trailing whitespace dropped)
    indent: int
    length: int  # indentation + content
    text: str
    blank_before: bool
    table: bool = False
    bullet: bool = False
    count: int = 1  # physical lines (more than one once a continuation line is joined)
    soft: bool = False  # a row only within a run of rows (:func:`_mark_runs`)
    hang: int = -1  # the indentation of the continuation lines, once a line is joined (:func:`_unwrapped`)


#: A line's content: from its first to its last non-space character (``\\s`` is exactly ``str.isspace``).
_CONTENT = re.compile(r"\S(?:[^\n]*\S)?")


def line_bounds(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-empty line's content (the line between ``\\n`` with surrounding
    whitespace dropped, as ``str.strip`` drops it), from one regex pass."""
    return [m.span() for m in _CONTENT.finditer(text)]


def _raw_lines(text: str, bounds: list[tuple[int, int]] | None = None) -> list[_Line]:
    """The non-empty lines of ``text`` (``bounds``: their :func:`line_bounds`, when known)."""
    out: list[_Line] = []
    prev = -1
    rfind, count = text.rfind, text.count
    for s, e in line_bounds(text) if bounds is None else bounds:
        head = rfind("\n", 0, s) + 1
        # a blank line lies between two content lines when two newlines do; the first line follows one
        blank = prev < 0 or count("\n", prev, s) >= 2
        out.append(_Line(s, e, s - head, e - head, text[s:e], blank))
        prev = e
    return out


def _wrap_width(lines: list[_Line]) -> int:
    """The width the document's prose lines were wrapped at, or 0 when they were not wrapped."""
    body = [ln for i, ln in enumerate(lines) if i + 1 < len(lines) and not lines[i + 1].blank_before and not ln.table]
    if len(body) < 3:
        return 0
    lengths = sorted(ln.length for ln in body)
    width = lengths[min(len(lengths) - 1, int(0.9 * len(lengths)))]
    if not 40 <= width <= 110:
        return 0
    near = sum(1 for n in lengths if n >= 0.7 * width)
    over = sum(1 for n in lengths if n > width + 12)
    run_on = sum(1 for ln in body if ln.text[-1] not in _CLOSED)
    # greedy wrapping breaks a line only where the next word does not fit (verse breaks anywhere)
    nxt = {id(a): b for a, b in zip(lines, lines[1:], strict=False)}
    full = sum(1 for ln in body if ln.length + 1 + _first_word_len(nxt[id(ln)].text) > width - 8)
    if near >= 0.6 * len(body) and over <= 0.1 * len(body) and run_on >= 0.5 * len(body) and full >= 0.5 * len(body):
        return width
    return 0


def _is_wrapped_block(block_lines: list[str]) -> bool:
    """A block (between blank lines) of hard-wrapped prose: most lines are mid-length and run on."""
    if len(block_lines) < 3:
        return False
    body = block_lines[:-1]
    lengths = [len(s) for s in body]
    mean = sum(lengths) / len(lengths)
    if not 40 <= mean <= 110:
        return False
    run_on = sum(1 for s in body if s and s[-1] not in '.!?:;"”’)|')
    similar = sum(1 for n in lengths if abs(n - mean) <= 0.35 * mean)
    return run_on >= 0.6 * len(body) and similar >= 0.7 * len(body)


def _kind(group: list[_Line]) -> str:
    if all(ln.table for ln in group):
        return "table"
    if group[0].bullet:
        return "list"
    return "prose"


def _paragraph(group: list[_Line]) -> Row:
    return (group[0].start, group[-1].end, _kind(group), sum(ln.count for ln in group))


def _unwrapped(text: str, lines: list[_Line]) -> tuple[Row, ...]:
    """Paragraphs of a document that is not wrapped as a whole: blocks between blank lines; a block
    that looks hard-wrapped stays one paragraph, any other block gives one paragraph per line."""
    out: list[Row] = []
    block: list[_Line] = []

    def flush():
        if not block:
            return
        if len(block) == 1:  # the loop below for one line (no wrapped block, no verse)
            ln = block[0]
            kind = "table" if ln.table else "list" if ln.bullet else "prose"
            out.append((ln.start, ln.end, kind, ln.count))
            return
        # a block of rows of figures ("Turnover 2.93 billion marks vs 2.71 billion") is a table, not wrapped prose
        if _is_wrapped_block([ln.text for ln in block]) and 2 * sum(ln.table for ln in block) < len(block):
            out.append(_paragraph(block))
            return
        verse = _verse_lines(block) if len(block) >= 3 else ()  # verse needs a run of three lines
        for k, ln in enumerate(block):
            if k in verse:
                out.append((ln.start, ln.end, "verse", 1))
            else:  # _paragraph([ln])
                kind = "table" if ln.table else "list" if ln.bullet else "prose"
                out.append((ln.start, ln.end, kind, ln.count))

    for ln in lines:
        if ln.blank_before:
            flush()
            block = []
        elif block and ((hanging := _hangs_on(text, block[-1], ln)) or _continues(block[-1], ln)):
            # a line that runs on into a lower-case continuation, or the next line of a hanging indent: one paragraph
            # broken by a newline
            head = block[-1]
            block[-1] = _Line(
                head.start,
                ln.end,
                head.indent,
                ln.length,
                head.text + " " + ln.text,
                head.blank_before,
                False,
                head.bullet,
                head.count + 1,
                hang=ln.indent if head.count == 1 and hanging else head.hang,
            )
            continue
        block.append(ln)
    flush()
    return tuple(out)


def _hangs_on(text: str, prev: _Line, ln: _Line) -> bool:
    """Does ``ln`` go on with the paragraph ``prev`` of a text that is not wrapped as a whole, by a hanging indent
    (:func:`_hangs`; a record's field, ``Description : ...`` over lines indented to its value, or a bullet's text)?
    After the second line, the lines keep the second's indentation."""
    if ln.table or prev.table or ln.bullet or ln.indent <= prev.indent:
        return False
    if prev.count > 1:
        return prev.hang > prev.indent and ln.indent == prev.hang
    return _hangs(text, prev, ln)


def _continues(prev: _Line, ln: _Line) -> bool:
    """Does ``ln`` continue the sentence of ``prev`` across a single line break? It does when ``prev`` runs on
    and ``ln`` starts in lower case or with a figure, or ``prev`` ends on a function word
    ("... according to the" / "Portland Merchants Exchange.")."""
    if (
        prev.text[-1] in _CLOSED
        or prev.table
        or ln.table
        or (ln.bullet and not _numbered_run_on(prev, ln))
        or len(prev.text) < 15
    ):
        return False
    first = ln.text[0]
    if first.islower() or first.isdigit():
        return True
    if prev.text[-1] == "," and first in "\"“‘'«":
        return True  # a list of quoted items ("Schumi",\n"Schuey")
    last = prev.text.rsplit(None, 1)[-1]
    # a function word or a possessive ("in Plato's" / "Republic") never ends a sentence
    return last in _ANY_NEVER_FINAL or last.endswith(("'s", "’s"))


def _verse_line(ln: _Line) -> bool:
    return (
        ln.count == 1
        and not ln.table
        and not ln.bullet
        and len(ln.text) <= 60
        and (ln.text[0].isupper() or ln.text[0] in "\"“‘'(¿¡")
        and len(ln.text.split()) >= 3
    )


def _varied(run: list[_Line]) -> bool:
    """Do the lines of a run say different things? Verse repeats a refrain ("Let it be" twice in four lines):
    at least two different lines, and half as many as the run's; one line printed over and over (a carousel of a
    page template, a headline repeated) is no poem."""
    distinct = len({ln.text for ln in run})
    return distinct >= 2 and 2 * distinct >= len(run)


def _verse_lines(block: list[_Line]) -> set[int]:
    """Indexes of lines of verse: runs of three or more short lines, each opening with a capital, most
    running on into the next (no final punctuation, or a comma) -- a poem or song quoted in an article,
    not cut sentences, nor one line repeated (:func:`_varied`)."""
    out: set[int] = set()
    k = 0
    while k < len(block):
        j = k
        while j < len(block) and _verse_line(block[j]):
            j += 1
        run = block[k:j]
        if (
            len(run) >= 3
            and sum(1 for ln in run if ln.text[-1] == "," or ln.text[-1] not in _CLOSED) >= len(run) / 2
            and _varied(run)
        ):
            out.update(range(k, j))
        k = max(j, k + 1)
    return out


def _numbered_run_on(prev: _Line, ln: _Line) -> bool:
    """ "... holders of record March" / "16. It said ...": a number that ends a wrapped sentence, not a list item."""
    return ln.text[0].isdigit() and not prev.bullet and prev.text[-1] not in _CLOSED


def _first_word_len(line: str) -> int:
    i = line.find(" ")
    return len(line) if i < 0 else i


#: Final characters that close a line both for joining (:data:`_CLOSED`) and for a wrapped block
#: (:func:`_is_wrapped_block`): a line ending otherwise "runs on".
_CLOSED_BOTH = frozenset(_CLOSED).intersection('.!?:;"”’)|')


def lines_are_paragraphs(text: str, bounds: list[tuple[int, int]]) -> bool:
    """A cheap pass that proves, for most one-line-per-paragraph texts, that :func:`build` gives one
    paragraph per line (``bounds``: the text's :func:`line_bounds`) without building the layout.

    True when every line that runs on (last character not in :data:`_CLOSED_BOTH`) into the next
    line (no blank line between) is unindented and under 15 characters. Then no line is joined to the
    next (:func:`_continues` needs 15 characters), no block is wrapped (its run-on lines are too short to
    be of similar length, and 60 % run-on + 70 % similar exceed the block), no wrap width is found
    (run-on body lines are under 0.7 x 40 characters, and 50 % run-on + 60 % near exceed the body) and
    the text is not indented (a paragraph start needs an indented run-on line, a run-on needs 25
    characters), and no indented line hangs under the text of the line above it (:func:`_hangs_on`) and the text
    is not double-spaced (:func:`_double_spaced`): :func:`build` returns each line as a paragraph. Where a longer line runs on, the second proof
    (:func:`_unindented_lines_are_paragraphs`) decides. False says nothing (build decides)."""
    count = text.count
    prev_s = prev_e = -1
    spaced = long = 0  # lines that run on across one blank line, and lines as long (:func:`_double_spaced`)
    for s, e in bounds:
        if prev_e >= 0 and text[s - 1] != "\n" and count("\n", prev_e, s) < 2:
            # an indented line hanging under the text of the line before it (:func:`_hangs_on`): no proof
            head = text.rfind("\n", 0, prev_s) + 1
            if _hang_column(text, prev_s, s - text.rfind("\n", 0, s) - 1 - (prev_s - head)):
                return False
        if prev_e >= 0 and text[prev_e - 1] not in _CLOSED_BOTH:
            gap = count("\n", prev_e, s)
            if gap < 2:
                if prev_e - prev_s >= 15 or (prev_s > 0 and text[prev_s - 1] != "\n"):
                    return not _double_spaced(text, bounds) and _unindented_lines_are_paragraphs(text, bounds)
            elif gap == 2 and prev_e - prev_s >= _SPACED_LINE:
                spaced += 1
        if prev_e - prev_s >= _SPACED_LINE:
            long += 1
        prev_s, prev_e = s, e
    return not (spaced >= 3 and 2 * spaced >= long)


def _unindented_lines_are_paragraphs(text: str, bounds: list[tuple[int, int]]) -> bool:
    """The second proof of :func:`lines_are_paragraphs`, for texts with longer lines that run on (headings over
    paragraphs, captions, lines of a menu). True when

    * no line is indented: no paragraph starts or opens by indentation, the text is not indented;
    * each line of 15+ characters that runs on into the next (no blank line between) is followed by a line
      opening with a capital and does not end on a function word or a possessive: :func:`_continues` joins none;
    * in each block of 3+ lines (between blank lines), fewer than 60 % of the lines but the last run on: no block
      is wrapped (:func:`_is_wrapped_block`);
    * the lines followed by a line (no blank between) that run on are none, or fewer than those that end a
      sentence with no pipe, column gap or tab and are no short line of figures ending in a full stop (never a
      row, never run-on): fewer than half the wrap test's body runs on, so no wrap width is found
      (:func:`_wrap_width`).

    Then :func:`build` returns one paragraph per line. False says nothing."""
    count = text.count
    run_on = closed = 0  # lines followed by a line, running on / surely ending a sentence outside a row
    block_lines = block_run_on = 0
    prev_s = prev_e = -1
    for s, e in bounds:
        if s and text[s - 1] != "\n":
            return False
        if prev_e >= 0:
            if count("\n", prev_e, s) >= 2:  # a blank line: a new block
                if block_lines >= 3 and block_run_on >= 0.6 * (block_lines - 1):
                    return False
                block_lines = block_run_on = 0
            else:
                last = text[prev_e - 1]
                if last not in _CLOSED_BOTH:
                    run_on += 1
                    block_run_on += 1
                    if prev_e - prev_s >= 15:
                        if not text[s].isupper():
                            return False
                        word = text[prev_s:prev_e].rsplit(None, 1)[-1]
                        if word in _ANY_NEVER_FINAL or word.endswith(("'s", "’s")):
                            return False
                elif last in _ROW_CLOSED:
                    line = text[prev_s:prev_e]
                    # a short line of figures ending in "." can be a row of a table (_soft_row): no sure sentence end
                    if (
                        "|" not in line
                        and "  " not in line
                        and "\t" not in line
                        and not (last == "." and len(line) <= _SOFT_ROW_CHARS and _FIGURE.search(line))
                    ):
                        closed += 1
        block_lines += 1
        prev_s, prev_e = s, e
    if block_lines >= 3 and block_run_on >= 0.6 * (block_lines - 1):
        return False
    return run_on == 0 or run_on < closed


def _mark_rows_and_bullets(lines: list[_Line]) -> None:
    """Set each line's ``table`` (:func:`is_table_row` without a width) and ``bullet`` (:data:`_BULLET`), calling
    neither where the line's ends show the answer is no."""
    bullet_at, closed_row = _BULLET.match, _ROW_CLOSED
    for ln in lines:
        t = ln.text
        # is_table_row's own first tests, inline: a line of prose ending a sentence, with no pipe or column gap
        if t[-1] not in closed_row or "|" in t or "  " in t or "\t" in t:
            ln.table = is_table_row(t)
        # a bullet opens with a mark, "(", a digit, or a letter then "." or ")" (_BULLET)
        c = t[0]
        if c in _BULLET_FIRST or c.isdigit() or t[1:2] in (".", ")"):
            ln.bullet = bool(bullet_at(t))


def _soft_row(line: str, width: int = 0) -> bool:
    """A line that is a row of a table of figures within a run of rows (:func:`_mark_runs`), not alone: a row
    closed by a full stop ("Shr 37.4p vs 30p."), or a short labelled figure that :func:`is_table_row` finds too
    wordy ("Net loss 11.49 mln dlrs.", "Dividend nil (no comparison)": a figure after the label). It is short,
    does not open in lower case or end on a function word (the ends of a sentence wrapped or broken over lines),
    and, in a wrapped document (``width``), does not fill the width."""
    if len(line) > _SOFT_ROW_CHARS or (width and len(line) >= 0.9 * width):
        return False
    if line[0].islower() or line[-1] in '!?…;:,"”’':
        return False
    if line[-1] == "." and line[-2:-1] != "." and is_table_row(line[:-1], width):
        return True
    toks = line.split()
    if len(toks) > _SOFT_ROW_TOKENS or toks[-1] in _ANY_NEVER_FINAL:
        return False
    # a label, then its figure ("Nine mths" is the label of the rows below it, no row); a number word stands as a
    # token of its own (a set test: the figure regex is slow on the many short lines of a web page)
    return _DIGIT.search(line, len(toks[0])) is not None or not _FIGURE_WORDS.isdisjoint(
        t.strip("().,").lower() for t in toks[1:]
    )


def _mark_runs(lines: list[_Line]) -> None:
    """Marks that a line earns from its neighbours: a soft row (:func:`_soft_row`) is a row in a run of three or
    more lines without a blank line between, all rows or soft rows, two of them soft at least (a table of results
    whose rows end in a full stop or have no "vs"); a line led by a hyphen right before a letter
    (:data:`_TIGHT_DASH`) is a list item when the line before or after is one too. One pass."""
    soft_row, dash_at, limit = _soft_row, _TIGHT_DASH.match, _SOFT_ROW_CHARS
    run = 0  # lines in the current run of rows and soft rows
    soft: list[_Line] = []  # its soft rows
    strong = False  # the run holds a row by itself, one closed by a full stop, or a measured figure
    dash: _Line | None = None  # the line before, when it is led by a hyphen right before a letter
    for ln in lines:
        t = ln.text
        if t[0] == "-" and dash_at(t):  # (_BULLET needs a space after the hyphen: no such line is a bullet yet)
            if dash is not None:
                dash.bullet = ln.bullet = True
            dash = ln
        else:
            dash = None
        member = ln.table or (len(t) <= limit and soft_row(t))
        if ln.blank_before or not member:
            # the run ends: three lines or more, two of them soft (a headline over its date, "Asterisk 11 - What's
            # New" / "October 26, 2012", or one line of a rating widget among its buttons is no table of results),
            # and one a row by itself, a row closed by a full stop ("Shr 37.4p vs 30p.") or a measured figure (a
            # decimal, "nil"): a list of teasers with their dates ("Publié le 8 juillet" / "Acte 36 ...") is whole
            # numbers after labels only
            if run >= 3 and len(soft) >= 2 and strong:
                for row in soft:
                    row.table = row.soft = True
            run, soft, strong = 0, [], False
        if member:
            run += 1
            if not strong and (ln.table or _MEASURED.search(t) or (t[-1] == "." and is_table_row(t[:-1]))):
                strong = True
            if not ln.table:
                soft.append(ln)
    if run >= 3 and len(soft) >= 2 and strong:
        for row in soft:
            row.table = row.soft = True


def _indentation_counts(lines: list[_Line], base: int) -> tuple[int, int, int]:
    """Over consecutive lines ``a, b`` (no blank line between): ``starts``, an indented ``a`` that runs on into ``b``
    at the ``base`` indentation (not a bullet); ``opened``, an indented ``b`` (not a row or a bullet) after an ``a``
    that ends a sentence; ``run_on``, ``a`` and ``b`` at the base indentation, ``a`` of 25+ characters running on, no
    row on either side and ``b`` not a bullet. One pass; none when no line is indented: then no line starts or
    opens a paragraph and the text is not indented, whatever runs on (all three are given as 0)."""
    # wire layout: an indented line opens a paragraph that runs on at the base indentation (``starts``), or
    # follows a finished sentence (``opened``) while lines at the base indentation run on into each other
    # (``run_on``); both need an indented line, so a text without one skips the pass
    starts = opened = run_on = 0
    if any(ln.indent > base for ln in lines):
        last: _Line | None = None
        for ln in lines:
            a, last = last, ln
            if a is None or ln.blank_before:
                continue
            closed = a.text[-1] in _CLOSED
            if ln.indent > base:
                if closed and not ln.table and not ln.bullet:
                    opened += 1
            elif a.indent > base:
                if not closed and not ln.bullet:
                    starts += 1
            elif a.length >= 25 and not closed and not a.table and not ln.table and not ln.bullet:
                run_on += 1
    return starts, opened, run_on


def _wraps_into(prev: _Line, ln: _Line, width: int) -> bool:
    """Is ``ln``, a short line of figures (``73-05-28.)``, ``1987 and 1988``), the end of the sentence of ``prev`` in
    a wrapped text rather than a row? ``prev`` is prose that runs on into it at the same indentation and is full:
    greedy wrapping broke it because the figure did not fit (a table's title or label line is short)."""
    return (
        not ln.blank_before
        and not prev.table
        and prev.indent == ln.indent
        and prev.text[-1] not in _CLOSED
        and "|" not in ln.text
        and "  " not in ln.text
        and "\t" not in ln.text
        and prev.length + 1 + _first_word_len(ln.text) > width - 8
    )


def _dash_runs_on(group: list[_Line], ln: _Line, width: int) -> bool:
    """A line of wrapped prose led by an em dash (``— a rebarbative input syntax, ...``) after a full line that runs on
    at the same indentation: the sentence's dash fell at the line start, no bullet (a list led by em dashes has a
    first item led by one)."""
    prev = group[-1]
    return (
        ln.text[0] == "—"
        and not group[0].bullet
        and prev.indent == ln.indent
        and prev.text[-1] not in _CLOSED
        and prev.length + 1 + _first_word_len(ln.text) > width - 8
    )


#: A line of double-spaced wrapping (:func:`_double_spaced`) has at least this many characters.
_SPACED_LINE = 30


def _double_spaced(text: str, bounds: list[tuple[int, int]]) -> bool:
    """Might the text be wrapped with a blank line after every line (a typed letter or manuscript kept double-spaced)?
    Three lines at least, and half of the lines of :data:`_SPACED_LINE` characters or more, run on (no final
    punctuation) into the next line across exactly one blank line. :func:`build` then reads two blank lines as the paragraph break and
    keeps that reading only where the wrap test (:func:`_wrap_width`) finds a width."""
    spaced = long = 0
    for (s0, e0), (s1, _) in zip(bounds, bounds[1:], strict=False):
        if e0 - s0 >= _SPACED_LINE:
            long += 1
            if text[e0 - 1] not in _CLOSED_BOTH and text.count("\n", e0, s1) == 2:
                spaced += 1
    return spaced >= 3 and 2 * spaced >= long


def _base_indent(lines: list[_Line]) -> int:
    """The indentation of the document's continuation lines: the most common indentation of a line that a line
    running on leads into (no blank line, row or bullet between). A wire story's paragraphs run on at the margin
    below an indented first line; a manual or glossary indents every line of its text by three spaces under headings
    at the margin, so the least indentation would take each of its lines for a paragraph start. With fewer than
    three such lines at one indentation, the least indentation."""
    least = min((ln.indent for ln in lines), default=0)
    if all(ln.indent == least for ln in lines):
        return least
    counts: Counter[int] = Counter()
    for a, b in zip(lines, lines[1:], strict=False):
        if not b.blank_before and a.text[-1] not in _CLOSED and not (a.table or b.table or b.bullet):
            counts[b.indent] += 1
    top = max(counts.values(), default=0)
    if top < 3:  # too few continuation lines to tell
        return least
    return min(indent for indent, n in counts.items() if n == top)


def _margin_starts(lines: list[_Line], base: int) -> int:
    """Paragraphs that start at the ``base`` indentation: a line after a blank line that runs on into the next line,
    both at the base. The wire layout starts each paragraph with an indented line; a text whose paragraphs start at
    the margin indents only its examples and quotations (the lines :func:`_indentation_counts` calls ``opened``). The
    first line is not counted: an extraction strips the indentation of a text's first line."""
    return sum(
        1
        for a, b in zip(lines[1:], lines[2:], strict=False)
        if a.blank_before
        and not b.blank_before
        and a.indent == base == b.indent
        and a.text[-1] not in _CLOSED
        and not (a.table or a.bullet)
    )


def _hangs(text: str, head: _Line, ln: _Line) -> bool:
    """A hanging indent: ``ln`` is indented to the column where the text of ``head``'s first line starts after a
    marker or a label -- a bullet of up to four characters (``*``, ``o``, ``1.``, ``(a)``), a label closed by a
    colon (``Description : Discussion of ...``, ``id2: Fear not ...``) or a gap of two spaces (a definition list's
    term and its text) -- so ``ln`` goes on with that text, not a new paragraph."""
    return _hang_column(text, head.start, ln.indent - head.indent)


def _hang_column(text: str, start: int, col: int) -> bool:
    """:func:`_hangs` on positions: is column ``col`` of the line whose content starts at ``start`` (counted from
    ``start``) where its text starts after a marker or a label?"""
    if col < 2:
        return False
    nl = text.find("\n", start)
    first = text[start : nl if nl >= 0 else len(text)]
    if col >= len(first) or first[col].isspace() or not first[col - 1].isspace():
        return False
    label = first[:col].rstrip()
    if label.endswith(":") or first[col - 2] == " ":
        return True
    return " " not in label and len(label) <= 4 and (not label.isalnum() or label in ("o", "O") or label[-1] in ".)")


def _indent_breaks(text: str, group: list[_Line], ln: _Line, base: int, indented: bool) -> bool:
    """Does the indentation of ``ln`` end the paragraph of ``group``? The lines of a paragraph after its first share
    one indentation: a line indented otherwise starts a new paragraph. The second line may hang under the first's
    text (:func:`_hangs`) or, in the wire layout (``indented``), run on at the ``base`` indentation below an
    indented first line; elsewhere it may not be indented more than the first (an indented block under a line of
    text, or the text's own indentation when its lines are all indented alike)."""
    head = group[0]
    if len(group) == 1:
        if ln.indent > head.indent and _hangs(text, head, ln):
            return False
        return ln.indent > base if indented else ln.indent > head.indent
    ref = group[1].indent
    if ref > head.indent:  # a hanging indent: its lines keep to its column
        return ln.indent != ref
    return ln.indent > base if indented else ln.indent > ref


@lru_cache(maxsize=64)
def layout(text: str) -> Layout:
    """The layout of ``text``: wrap width, paragraph style and logical paragraphs."""
    return build(text)


def build(text: str, bounds: list[tuple[int, int]] | None = None) -> Layout:
    """:func:`layout` without its cache (the text layer keeps the result per document); ``bounds``: the
    text's :func:`line_bounds` when the caller has them."""
    lines = _raw_lines(text, bounds)
    _mark_rows_and_bullets(lines)
    _mark_runs(lines)
    width = _wrap_width(lines)
    if not width and _double_spaced(text, [(ln.start, ln.end) for ln in lines]):
        # double-spaced wrapping: one blank line after each wrapped line, two between paragraphs
        spaced = [(ln.blank_before, ln) for ln in lines]
        for k, ln in enumerate(lines):
            ln.blank_before = k == 0 or text.count("\n", lines[k - 1].end, ln.start) >= 3
        width = _wrap_width(lines)
        if not width:
            for blank, ln in spaced:
                ln.blank_before = blank
    base = _base_indent(lines)
    starts, opened, run_on = _indentation_counts(lines, base)
    indented = (starts >= 1 or (opened >= 1 and run_on >= 1 and _margin_starts(lines, base) < opened)) and max(
        ln.length for ln in lines
    ) <= 120
    if not width and indented:
        width = max(ln.length for ln in lines)  # too few lines to measure: the indentation tells
    if not width:
        return Layout(False, 0, False, _unwrapped(text, lines))
    before: _Line | None = None
    for ln in lines:  # with the width known, a full line of figures is prose, not a row
        if ln.table:
            ln.table = (_soft_row(ln.text, width) if ln.soft else is_table_row(ln.text, width)) and not (
                (indented and ln.indent == base and not ln.blank_before and ln is not lines[0])
                or (before is not None and _wraps_into(before, ln, width))
            )
        before = ln
    out: list[Row] = []
    group: list[_Line] = []
    for ln in lines:
        if group:
            prev = group[-1]
            hard = (
                ln.blank_before
                or ln.table
                or prev.table
                or (ln.bullet and not _numbered_run_on(prev, ln) and not _dash_runs_on(group, ln, width))
                or _indent_breaks(text, group, ln, base, indented)
            )
            if not hard and not indented:
                # greedy wrapping never breaks a line where the next word would have fitted
                hard = prev.length + 1 + _first_word_len(ln.text) <= width - 1 and prev.text[-1] in _CLOSED
            if hard:
                out.append(_paragraph(group))
                group = []
        group.append(ln)
    if group:
        out.append(_paragraph(group))
    return Layout(True, width, indented, tuple(out))
