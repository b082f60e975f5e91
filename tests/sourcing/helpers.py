"""What the sourcing tests share."""

from __future__ import annotations

from audit.model import Document
from audit.rules import DocContext
from audit.sourcing import SourcingCheck


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
