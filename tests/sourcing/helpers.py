"""What the sourcing tests share."""

from __future__ import annotations

from audit.model import Document
from audit.rules import DocContext
from audit.segment import passages
from audit.sourcing import SourcingCheck
from audit.sourcing.cues import CueIndex
from audit.sourcing.quotes import find_quotes, mask_quotes
from audit.text import TextLayer


def src001(text: str) -> list:
    """The SRC001 findings of one document made of ``text``."""
    ctx = DocContext(Document("d", text, "d"), 0)
    return [f for f in SourcingCheck().check(ctx) if f.rule == "SRC001"]


def flagged(text: str, needle: str) -> bool:
    """Whether SRC001 flags the sentence of the one-document ``text`` that holds ``needle``."""
    ctx = DocContext(Document("case", text, "case"), 0)
    pos = text.index(needle)
    sent = next(s for s in ctx.sentences if s.start <= pos < s.end)
    return any(f.rule == "SRC001" and f.start < sent.end and sent.start < f.end for f in SourcingCheck().check(ctx))


def index_agrees_on_masked(text: str, patterns) -> None:
    """The cue index of ``text`` with its quotes masked (read with the words of ``text``) finds, for each
    ``(pattern, keys)`` of ``patterns``, what ``pattern.finditer`` finds in the masked text."""
    quotes = find_quotes(text, passages(text))
    masked = mask_quotes(text, quotes)
    index = CueIndex(masked, TextLayer(text), [q.inner[1] for q in quotes])
    for pattern, keys in patterns:
        want = [m.span() for m in pattern.finditer(masked)]
        assert [m.span() for m in index.matches(pattern, keys, 0, len(masked))] == want, pattern.pattern[:60]
